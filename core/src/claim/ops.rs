//! Request and response documents of the `claims` operation.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Claims, CustomerClaim};
use crate::calendar::date::serde_date;
use crate::error::Result;
use crate::interest::ledger::LedgerInterestOptions;
use crate::ledger::Ledger;
use crate::rates::{RateSeries, RateTable};

/// `claims` request: a ledger, an as-of date, the regime choice and the journal's disputes.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClaimsRequest {
    /// The ledger.
    pub ledger: crate::ledger::LedgerDocument,
    /// As-of date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub as_of: NaiveDate,
    /// Regime choice, conventions, and whether penalties on invoices paid late are claimed.
    #[serde(default)]
    pub interest: LedgerInterestOptions,
    /// The dunning journal (its disputes are left out of what is claimed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub journal: Vec<crate::dunning::journal::JournalEntry>,
    /// Extra or replacement rate series.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<RateSeries>,
}

/// `claims` response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct ClaimsResponse {
    /// As-of date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub as_of: NaiveDate,
    /// One claim per late customer and currency.
    pub claims: Vec<CustomerClaim>,
}

/// Runs `claims`: what every late customer is claimed on the as-of date.
///
/// # Errors
/// The errors of [`Ledger::new`] (paths under `ledger`), of the caller's rate series (under
/// `rates`), and `money.overflow`.
///
/// ```
/// let out = arrears::run("claims", &serde_json::json!({
///   "as_of": "2024-03-15",
///   "ledger": {"customers": [{"id": "C1", "country": "FR"}],
///              "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2024-01-01",
///                            "due_date": "2024-01-31", "amount": "1000.00", "currency": "EUR"}]}}))?;
/// assert_eq!(out["claims"][0]["total"], "1057.48");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn claims(req: ClaimsRequest) -> Result<ClaimsResponse> {
    let table = RateTable::builtin_with(req.rates)?;
    let ledger = Ledger::new(req.ledger).map_err(|e| e.at("ledger"))?;
    let state = ledger.state_as_of(req.as_of)?;
    let disputes = crate::dunning::journal::open_disputes(&req.journal, req.as_of);
    // The journal's formal notices (steps of the presets) date a consumer's interest.
    let interest = crate::dunning::agenda::AgendaSettings {
        interest: req.interest.clone(),
        ..Default::default()
    }
    .interest_options(&req.journal)?;
    let claims = Claims::compute(&ledger, &state, &interest, &table)?.all(&disputes)?;
    Ok(ClaimsResponse {
        as_of: req.as_of,
        claims,
    })
}
