//! The `report` operation: the self-contained HTML report of a ledger as a document.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{html, ReportInputs};
use crate::calendar::date::serde_date;
use crate::dunning::agenda::AgendaSettings;
use crate::dunning::journal::JournalEntry;
use crate::error::Result;
use crate::ledger::{Ledger, LedgerDocument};
use crate::rates::{RateSeries, RateTable};

/// `report` request: the ledger, the as-of date, and what the agenda section needs (the journal,
/// the policy and interest settings of the `agenda` operation).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    /// The ledger.
    pub ledger: LedgerDocument,
    /// The day the report describes.
    #[serde(with = "serde_date")]
    pub as_of: NaiveDate,
    /// The page's title (default `Receivables`).
    #[serde(default = "default_title")]
    pub title: String,
    /// The dunning journal so far.
    #[serde(default)]
    pub journal: Vec<JournalEntry>,
    /// Policy, customer settings, interest regime, as for `agenda`.
    #[serde(flatten)]
    pub settings: AgendaSettings,
    /// Rate series added to the built-in table or replacing its series of the same id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<RateSeries>,
}

fn default_title() -> String {
    "Receivables".to_string()
}

/// `report` response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportResponse {
    /// The page: one self-contained HTML document (inline CSS and SVG charts, no network).
    pub html: String,
}

/// Runs `report`.
///
/// ```
/// let ledger = serde_json::to_value(arrears::sample::portfolio(arrears::sample::DEFAULT_SEED)?)
///     .map_err(|e| arrears::Error::new(arrears::Code::InvalidDocument, e.to_string()))?;
/// let out = arrears::run("report", &serde_json::json!({"ledger": ledger, "as_of": "2026-06-30"}))?;
/// assert!(out["html"].as_str().is_some_and(|h| h.starts_with("<!DOCTYPE html>")));
/// # Ok::<(), arrears::Error>(())
/// ```
///
/// # Errors
/// The errors of [`Ledger::new`] (at `ledger`), of the caller's rate series (at `rates[i]`) and
/// of [`ReportInputs::compute`].
pub fn report(req: ReportRequest) -> Result<ReportResponse> {
    let table = RateTable::builtin_with(req.rates)?;
    let ledger = Ledger::new(req.ledger).map_err(|e| e.at("ledger"))?;
    let inputs = ReportInputs::compute_with(
        &ledger,
        req.as_of,
        &req.title,
        &req.journal,
        &req.settings,
        &table,
    )?;
    Ok(ReportResponse {
        html: html(&inputs),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The request's `rates` reach the report's claims: the case of the agenda vector
    /// `agenda-rate-supplied-with-the-request` (tests/vectors/agenda/rates.json), 15.52 of
    /// interest by hand, and nothing without the caller's series (rates are never extrapolated).
    #[test]
    fn the_callers_rates_reach_the_claims() {
        let vectors: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/vectors/agenda/rates.json")).unwrap();
        let case = vectors["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "agenda-rate-supplied-with-the-request")
            .unwrap();
        let with: ReportRequest = serde_json::from_value(case["input"].clone()).unwrap();
        let mut without = with.clone();
        without.rates.clear();
        let page = report(with).unwrap().html;
        assert!(
            page.contains("15.52"),
            "the caller's H1 2027 rate gives 15.52"
        );
        let page = report(without).unwrap().html;
        assert!(!page.contains("15.52"));
    }
}
