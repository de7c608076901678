//! Request and response documents of the `agenda` and `policy` operations.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::agenda::{agenda as compute, Agenda, AgendaSettings};
use super::journal::JournalEntry;
use super::policy::{Policy, PolicyChoice};
use crate::calendar::date::serde_date;
use crate::error::Result;
use crate::ledger::{Ledger, LedgerDocument};
use crate::rates::{RateSeries, RateTable};

/// `agenda` request.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgendaRequest {
    /// The ledger.
    pub ledger: LedgerDocument,
    /// The day of the agenda.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub as_of: NaiveDate,
    /// The journal so far.
    #[serde(default)]
    pub journal: Vec<JournalEntry>,
    /// Policy, customer settings, interest regime.
    #[serde(flatten)]
    pub settings: AgendaSettings,
    /// Rate series added to the built-in table or replacing its series of the same id
    /// (`docs/rates.md`): a rate published after the release.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<RateSeries>,
}

/// Runs `agenda`.
///
/// # Errors
/// As [`super::agenda::agenda`]; `rates.invalid_series` at `rates[i]`.
pub fn agenda(req: AgendaRequest) -> Result<Agenda> {
    let table = RateTable::builtin_with(req.rates)?;
    let ledger = Ledger::new(req.ledger).map_err(|e| e.at("ledger"))?;
    compute(&ledger, &req.journal, &req.settings, req.as_of, &table)
}

/// `policy` request: a preset id or a policy document, to check and expand.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PolicyRequest {
    /// The policy.
    pub policy: PolicyChoice,
}

/// Runs `policy`: the checked policy, with every default filled in.
///
/// # Errors
/// `dunning.unknown_policy`, `dunning.invalid_policy`.
pub fn policy(req: PolicyRequest) -> Result<Policy> {
    req.policy.resolve()
}
