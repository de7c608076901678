//! Request and response documents of the `interest` and `ledger_interest` operations.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ledger::{LedgerInterest, LedgerInterestOptions};
use super::{InterestRequest, Statement};
use crate::calendar::date::serde_date;
use crate::error::Result;
use crate::ledger::{Ledger, LedgerDocument};
use crate::rates::{RateSeries, RateTable};

/// Runs `interest`: the request of `docs/interest.md` → its statement.
///
/// # Errors
/// As [`super::compute`].
pub fn interest(req: InterestRequest) -> Result<Statement> {
    super::compute(&req, &RateTable::builtin()?)
}

/// `ledger_interest` request: a ledger, an as-of date and the regime choice.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LedgerInterestRequest {
    /// The ledger.
    pub ledger: LedgerDocument,
    /// As-of date.
    #[serde(with = "serde_date")]
    pub as_of: NaiveDate,
    /// Regime choice and conventions.
    #[serde(default)]
    pub interest: LedgerInterestOptions,
    /// Extra or replacement rate series.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<RateSeries>,
}

/// Runs `ledger_interest`: interest and fixed compensation for every late receivable.
///
/// # Errors
/// The errors of [`Ledger::new`] and of the caller's rate series.
pub fn ledger_interest(req: LedgerInterestRequest) -> Result<LedgerInterest> {
    let table = RateTable::builtin_with(req.rates)?;
    let ledger = Ledger::new(req.ledger).map_err(|e| e.at("ledger"))?;
    super::ledger::for_ledger(&ledger, req.as_of, &req.interest, &table)
}
