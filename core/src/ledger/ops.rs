//! Request and response documents of the `allocate` and `ledger_state` operations.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Allocation, Ledger, LedgerDocument, LedgerState, UnappliedCredit};
use crate::calendar::date::serde_date;
use crate::error::Result;

/// A ledger and an as-of date.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LedgerRequest {
    /// The ledger document.
    pub ledger: LedgerDocument,
    /// End of the day the state is asked for.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub as_of: NaiveDate,
}

/// `allocate` response: how payments, credit notes and write-offs were matched to receivables.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct AllocateResponse {
    /// The as-of date.
    #[serde(with = "serde_date")]
    pub as_of: NaiveDate,
    /// Matching lines in the order applied.
    pub allocations: Vec<Allocation>,
    /// Credits no receivable absorbed.
    pub unapplied: Vec<UnappliedCredit>,
    /// Decisions a person should know about.
    pub warnings: Vec<String>,
}

/// Runs `allocate`: the matching (lettrage) of every payment, credit note and write-off up to
/// the as-of date.
///
/// # Errors
/// The errors of [`Ledger::new`].
pub fn allocate(req: LedgerRequest) -> Result<AllocateResponse> {
    let state = Ledger::new(req.ledger)
        .map_err(|e| e.at("ledger"))?
        .state_as_of(req.as_of)?;
    Ok(AllocateResponse {
        as_of: state.as_of,
        allocations: state.allocations,
        unapplied: state.unapplied,
        warnings: state.warnings,
    })
}

/// Runs `ledger_state`: every receivable and customer as of the date.
///
/// # Errors
/// The errors of [`Ledger::new`], with paths into the request (`ledger.invoices[0].amount`), the
/// same as the paths of parse errors of the same document.
///
/// ```
/// let bad_date = arrears::run("ledger_state", &serde_json::json!({"as_of": "2025-03-01",
///     "ledger": {"invoices": [{"id": "F1", "customer": "C1", "issue_date": "2025-01-10",
///     "due_date": "2025-02-30", "amount": "10.00", "currency": "EUR"}]}})).unwrap_err();
/// assert_eq!(bad_date.path(), Some("ledger.invoices[0].due_date"));
/// let bad_amount = arrears::run("ledger_state", &serde_json::json!({"as_of": "2025-03-01",
///     "ledger": {"invoices": [{"id": "F1", "customer": "C1", "issue_date": "2025-01-10",
///     "due_date": "2025-02-09", "amount": "-10.00", "currency": "EUR"}]}})).unwrap_err();
/// assert_eq!(bad_amount.path(), Some("ledger.invoices[0].amount"));
/// ```
pub fn ledger_state(req: LedgerRequest) -> Result<LedgerState> {
    Ledger::new(req.ledger)
        .map_err(|e| e.at("ledger"))?
        .state_as_of(req.as_of)
}
