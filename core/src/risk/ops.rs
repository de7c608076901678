//! Request and response documents of the `risk` and `backtest` operations of [`crate::run`].
//!
//! ```
//! let out = arrears::run("risk", &serde_json::json!({
//!     "ledger": {
//!         "customers": [{"id": "C1", "sector": "construction"}],
//!         "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2025-03-01",
//!                       "due_date": "2025-03-31", "amount": "5000.00", "currency": "EUR"}]
//!     },
//!     "as_of": "2025-03-10",
//!     "external": {"C1": {"new_customer": true}}
//! }))?;
//! let c1 = &out["customers"][0];
//! // Construction prior 2.5 × 12 = 30, new customer +10, new relationship +5.
//! assert_eq!(c1["score"], 45);
//! assert_eq!(c1["grade"], "C");
//! assert_eq!(c1["thin_file"], true);
//! assert_eq!(c1["recommended_terms"]["deposit_percent"], 50);
//! # Ok::<(), arrears::Error>(())
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::backtest::{
    backtest as run_backtest, Backtest, BacktestOptions, BootstrapOptions, ExternalHistory,
};
use super::{assess, CustomerRisk, ExternalInputs, RiskOptions, TermsPolicy, Weights};
use crate::calendar::date::serde_date;
use crate::dunning::journal::JournalEntry;
use crate::error::Result;
use crate::ledger::{Ledger, LedgerDocument};

/// `risk` request: `{ledger, as_of, journal?, external?, weights?, terms_policy?}`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RiskRequest {
    /// The ledger.
    pub ledger: LedgerDocument,
    /// The day of the assessment: only data dated on or before it counts.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub as_of: NaiveDate,
    /// The dunning journal (actions, promises, disputes, plans).
    #[serde(default)]
    pub journal: Vec<JournalEntry>,
    /// Per customer: `{bureau_score?, new_customer?}`.
    #[serde(default)]
    pub external: BTreeMap<String, ExternalInputs>,
    /// Weights overriding the defaults, field by field.
    #[serde(default)]
    pub weights: Weights,
    /// Terms per grade overriding the defaults, grade by grade.
    #[serde(default)]
    pub terms_policy: TermsPolicy,
}

/// `risk` response: the assessment of every customer the ledger knows on the as-of date.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct RiskResponse {
    /// The as-of date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub as_of: NaiveDate,
    /// Every customer the ledger knows, by id.
    pub customers: Vec<CustomerRisk>,
}

/// Runs `risk`.
///
/// # Errors
/// The errors of [`Ledger::new`] and [`assess`].
pub fn risk(req: RiskRequest) -> Result<RiskResponse> {
    let ledger = Ledger::new(req.ledger).map_err(|e| e.at("ledger"))?;
    let options = RiskOptions {
        external: req.external,
        weights: req.weights,
        terms_policy: req.terms_policy,
    };
    let customers = assess(&ledger, &req.journal, req.as_of, &options)?;
    Ok(RiskResponse {
        as_of: req.as_of,
        customers,
    })
}

/// `backtest` request: `{ledger, cutoff, horizon_days, journal?, external?, weights?,
/// late_after_days?, exclude_late_at_cutoff?, data_until?, bootstrap?}`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BacktestRequest {
    /// The ledger, with the history after the cut-off.
    pub ledger: LedgerDocument,
    /// Scores use the data up to this day.
    #[serde(with = "serde_date")]
    pub cutoff: NaiveDate,
    /// Days after the cut-off in which the outcome is observed.
    pub horizon_days: u32,
    /// The dunning journal (entries after the cut-off are ignored for the scores).
    #[serde(default)]
    pub journal: Vec<JournalEntry>,
    /// Days past due that make a receivable late for the outcome (default 30).
    #[serde(default = "thirty")]
    pub late_after_days: u32,
    /// Per customer: `{date, bureau_score?, new_customer?}` or a list of them; the latest dated
    /// on or before the cut-off is used.
    #[serde(default)]
    pub external: BTreeMap<String, ExternalHistory>,
    /// Weights overriding the defaults, field by field.
    #[serde(default)]
    pub weights: Weights,
    /// Leave out of the measures the customers already late at the cut-off.
    #[serde(default)]
    pub exclude_late_at_cutoff: bool,
    /// The day the data is complete to, when later than its last dated record.
    #[serde(default, with = "serde_date::option")]
    pub data_until: Option<NaiveDate>,
    /// `{samples?, seed?}` of the bootstrap intervals (default 1,000 resamples, seed 1).
    #[serde(default)]
    pub bootstrap: BootstrapOptions,
}

fn thirty() -> u32 {
    30
}

/// Runs `backtest`.
///
/// # Errors
/// The errors of [`Ledger::new`] and [`super::backtest::backtest`].
pub fn backtest(req: BacktestRequest) -> Result<Backtest> {
    let ledger = Ledger::new(req.ledger).map_err(|e| e.at("ledger"))?;
    run_backtest(
        &ledger,
        &req.journal,
        req.cutoff,
        req.horizon_days,
        &BacktestOptions {
            late_after_days: req.late_after_days,
            external: req.external,
            weights: req.weights,
            exclude_late_at_cutoff: req.exclude_late_at_cutoff,
            data_until: req.data_until,
            bootstrap: req.bootstrap,
        },
    )
}
