//! Request and response documents of the `aging` and `kpis` operations.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::summary::{GroupBy, KpiOptions, KpiPeriod, KpiReport};
use super::{AgingBasis, AgingOptions, AgingReport};
use crate::calendar::date::serde_date;
use crate::dunning::journal::JournalEntry;
use crate::error::{err, Result};
use crate::ledger::{Ledger, LedgerDocument};
use crate::portfolio::columns::Book;

/// `aging` request: a ledger, an as-of date and optional bucket bounds and basis.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgingRequest {
    /// The ledger.
    pub ledger: LedgerDocument,
    /// As-of date.
    #[serde(with = "serde_date")]
    pub as_of: NaiveDate,
    /// Bucket bounds (default `[30, 60, 90]`).
    #[serde(default)]
    pub bounds: Option<Vec<u32>>,
    /// Basis (default `due_date`).
    #[serde(default)]
    pub basis: Option<AgingBasis>,
}

/// Runs `aging`.
///
/// # Errors
/// The errors of [`Ledger::new`] and [`super::aging`].
pub fn aging(req: AgingRequest) -> Result<AgingReport> {
    let mut options = AgingOptions::default();
    if let Some(b) = req.bounds {
        options.bounds = b;
    }
    if let Some(b) = req.basis {
        options.basis = b;
    }
    let state = Ledger::new(req.ledger)
        .map_err(|e| e.at("ledger"))?
        .state_as_of(req.as_of)?;
    super::aging(&state, &options)
}

/// `kpis` request: a ledger, the as-of date, the period `from..=to`, an optional grouping,
/// journal (for reminder conversion) and options.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KpisRequest {
    /// The ledger (customers give the segments and sectors).
    pub ledger: LedgerDocument,
    /// As-of date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub as_of: NaiveDate,
    /// First day of the period.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub from: NaiveDate,
    /// Last day of the period (on or before `as_of`).
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub to: NaiveDate,
    /// `portfolio` (default), `customer`, `segment` or `sector`.
    #[serde(default)]
    pub group_by: GroupBy,
    /// The dunning journal; without it, `reminder_conversion` is `null`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<Vec<JournalEntry>>,
    /// Options.
    #[serde(default)]
    pub options: KpiOptions,
}

/// Runs `kpis`.
///
/// # Errors
/// The errors of [`Ledger::new`] and [`super::kpis`].
///
/// ```
/// let out = arrears::run("kpis", &serde_json::json!({
///   "ledger": {"invoices": [
///     {"id": "F1", "customer": "C1", "issue_date": "2025-01-10", "due_date": "2025-02-09",
///      "amount": "6000.00", "currency": "EUR"},
///     {"id": "F2", "customer": "C1", "issue_date": "2025-03-10", "due_date": "2025-04-09",
///      "amount": "3000.00", "currency": "EUR"}],
///    "payments": [{"customer": "C1", "date": "2025-02-09", "amount": "6000.00", "currency": "EUR"}]},
///   "as_of": "2025-03-31", "from": "2025-01-01", "to": "2025-03-31"
/// }))?;
/// assert_eq!(out["groups"][0]["dso"]["standard"]["value"], "30.00");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn kpis(req: KpisRequest) -> Result<KpiReport> {
    let ledger = Ledger::new(req.ledger).map_err(|e| e.at("ledger"))?;
    super::kpis(
        &ledger,
        req.journal.as_deref(),
        KpiPeriod {
            as_of: req.as_of,
            from: req.from,
            to: req.to,
        },
        req.group_by,
        &req.options,
    )
}

/// `kpi_rows` response: the report of `kpis` flattened into tidy rows ([`super::tidy`]), the
/// shape a data frame takes directly.
#[derive(Debug, Clone, Serialize)]
pub struct KpiRows {
    /// The column names, in order: `group`, `currency`, `kpi`, `period`, `value`, `unit`, `reason`.
    pub columns: Vec<&'static str>,
    /// One row per figure (a series gives one row per period).
    pub rows: Vec<super::tidy::KpiRow>,
}

/// Runs `kpi_rows`: the `kpis` request, answered as tidy rows.
///
/// ```
/// let out = arrears::run("kpi_rows", &serde_json::json!({
///   "ledger": {"invoices": [
///     {"id": "F1", "customer": "C1", "issue_date": "2025-01-10", "due_date": "2025-02-09",
///      "amount": "6000.00", "currency": "EUR"}],
///    "payments": [{"customer": "C1", "date": "2025-02-09", "amount": "6000.00", "currency": "EUR"}]},
///   "as_of": "2025-03-31", "from": "2025-01-01", "to": "2025-03-31"
/// }))?;
/// assert_eq!(out["columns"][4], "value");
/// assert!(out["rows"].as_array().is_some_and(|r| r.len() > 5));
/// # Ok::<(), arrears::Error>(())
/// ```
///
/// # Errors
/// As [`kpis`].
pub fn kpi_rows(req: KpisRequest) -> Result<KpiRows> {
    let report = kpis(req)?;
    Ok(KpiRows {
        columns: super::tidy::COLUMNS.to_vec(),
        rows: super::tidy::rows(&report),
    })
}

/// The `kpis` request without its ledger: what a binding asks of tables it has read into columns
/// ([`kpis_of_book`]).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BookKpisRequest {
    /// As-of date.
    #[serde(with = "serde_date")]
    pub as_of: NaiveDate,
    /// First day of the period.
    #[serde(with = "serde_date")]
    pub from: NaiveDate,
    /// Last day of the period (on or before `as_of`).
    #[serde(with = "serde_date")]
    pub to: NaiveDate,
    /// `portfolio` (default) or `customer` (segments and sectors are not among a book's columns).
    #[serde(default)]
    pub group_by: GroupBy,
    /// The dunning journal; without it, `reminder_conversion` is `null`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<Vec<JournalEntry>>,
    /// Options.
    #[serde(default)]
    pub options: KpiOptions,
}

/// The key figures of a book (invoices, payments and customers read into columns by a binding
/// or the command line): the report `kpis` gives for the same ledger as a document, without
/// building one ([`super::History::of_book`], [`super::kpis_of`]).
///
/// ```
/// use arrears::kpi::ops::{kpis_of_book, BookKpisRequest};
/// use arrears::synthetic::{book, Spec};
/// let spec = Spec::new(300, 2);
/// let request: BookKpisRequest = serde_json::from_value(serde_json::json!({
///     "as_of": "2026-06-30", "from": "2026-01-01", "to": "2026-06-30",
///     "options": {"per_currency": true}}))?;
/// let report = kpis_of_book(&book(&spec)?, request)?;
/// assert!(!report.groups.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// `input.invalid_value` for a grouping by segment or sector (a book does not hold them: pass a
/// ledger document); the errors of [`super::kpis`].
pub fn kpis_of_book(book: &Book, req: BookKpisRequest) -> Result<KpiReport> {
    if !req.group_by.in_columns() {
        return Err(err!(
            InvalidValue,
            "grouping by segment or sector needs the customers' segments and sectors, which tables \
             read into columns do not keep: pass a ledger document"
        )
        .at("group_by"));
    }
    let history = super::History::of_book(book, req.as_of, &super::book_customers(book), |_| None)?;
    super::kpis_of(
        &history,
        &super::Coverage::of_book(book, req.as_of),
        req.journal.as_deref(),
        KpiPeriod {
            as_of: req.as_of,
            from: req.from,
            to: req.to,
        },
        req.group_by,
        &req.options,
    )
}
