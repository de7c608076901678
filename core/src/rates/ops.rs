//! The rate operations of [`crate::run`]: `rates` (the series, their sources and known-until
//! dates) and `rate_on` (the rate of a series in force on a date).
//!
//! Each takes a request document and returns a response document; the typed functions here are
//! what `run` calls after deserialising the request. [`rates_in`] and [`rate_on_in`] do the same
//! over a caller's [`RateTable`] (the built-in series plus newer or own ones). Requests refuse
//! unknown fields.
//!
//! ```
//! use arrears::rates::ops::{rate_on, RateOnRequest};
//! let req: RateOnRequest = serde_json::from_value(serde_json::json!(
//!     {"series": "fr_legal_professional", "date": "2025-03-01"})).unwrap();
//! let out = rate_on(req)?;
//! assert_eq!(out.rate_percent.to_string(), "3.71");
//! assert_eq!(out.from.to_string(), "2025-01-01");
//! # Ok::<(), arrears::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{RateEntry, RateSeries, RateTable, RateUnit};
use crate::calendar::date::serde_date;
use crate::error::{err, Result};
use crate::money::decimal_string;

/// Request of the `rates` operation: `{}` for a summary of every series, or `{"series": id}` for
/// one series with all its entries.
///
/// ```
/// use arrears::rates::ops::RatesRequest;
/// let all: RatesRequest = serde_json::from_value(serde_json::json!({})).unwrap();
/// assert_eq!(all.series, None);
/// assert!(serde_json::from_value::<RatesRequest>(serde_json::json!({"id": "ecb_mro"})).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatesRequest {
    /// The id of one series; absent for all of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
}

/// One series in a [`RatesResponse`]: what it is, where it comes from, the range it covers, its
/// latest entry, and (when one series was asked for) every entry.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesSummary {
    /// The series id.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Unit of the values.
    pub unit: RateUnit,
    /// Where the values come from.
    pub source: String,
    /// What a value means; the legal role of the series.
    pub semantics: String,
    /// First date covered (the first entry's `from`).
    #[serde(with = "serde_date")]
    pub known_from: NaiveDate,
    /// Last date the series is known to hold.
    #[serde(with = "serde_date")]
    pub known_until: NaiveDate,
    /// Why `known_until` is what it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known_until_reason: Option<String>,
    /// The last entry (the rate in force from its `from` to `known_until`).
    pub latest: RateEntry,
    /// Number of entries.
    pub entry_count: usize,
    /// Number of flagged entries.
    pub flagged_count: usize,
    /// Every entry, when the request named this series; absent in the summary of all series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entries: Option<Vec<RateEntry>>,
}

impl SeriesSummary {
    /// Summarises a series, with or without its entries.
    ///
    /// # Errors
    /// `rates.invalid_series` for a series without entries.
    ///
    /// ```
    /// use arrears::rates::{ops::SeriesSummary, RateTable};
    /// let table = RateTable::builtin()?;
    /// let s = SeriesSummary::of(table.get("uk_bank_rate")?, false)?;
    /// assert_eq!(s.known_until.to_string(), "2026-06-30");
    /// assert_eq!(s.latest.rate_percent.to_string(), "3.75");
    /// assert!(s.entries.is_none());
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn of(series: &RateSeries, with_entries: bool) -> Result<SeriesSummary> {
        let (first, latest) = match (series.entries.first(), series.entries.last()) {
            (Some(first), Some(last)) => (first.from, last.clone()),
            _ => return Err(err!(InvalidSeries, "series {:?} has no entries", series.id)),
        };
        Ok(SeriesSummary {
            id: series.id.clone(),
            name: series.name.clone(),
            unit: series.unit,
            source: series.source.clone(),
            semantics: series.semantics.clone(),
            known_from: first,
            known_until: series.known_until,
            known_until_reason: series.known_until_reason.clone(),
            latest,
            entry_count: series.entries.len(),
            flagged_count: series.flagged_entries().count(),
            entries: with_entries.then(|| series.entries.clone()),
        })
    }
}

/// Response of the `rates` operation: `{"series": [SeriesSummary, ...]}` in id order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatesResponse {
    /// The series asked for.
    pub series: Vec<SeriesSummary>,
}

/// The `rates` operation over the built-in series.
///
/// # Errors
/// `rates.unknown_series` for an id that is not built in.
///
/// ```
/// let all = arrears::run("rates", &serde_json::json!({}))?;
/// assert_eq!(all["series"].as_array().map(Vec::len), Some(8));
/// assert!(all["series"][0].get("entries").is_none());
///
/// let one = arrears::run("rates", &serde_json::json!({"series": "fr_legal_annual"}))?;
/// assert_eq!(one["series"][0]["known_until"], "2014-12-31");
/// assert_eq!(one["series"][0]["entries"][7], serde_json::json!(
///     {"from": "2014-01-01", "rate_percent": "0.04"}));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn rates(req: RatesRequest) -> Result<RatesResponse> {
    rates_in(&RateTable::builtin()?, req)
}

/// The `rates` operation over a caller's table.
///
/// # Errors
/// `rates.unknown_series` for an id the table does not have.
///
/// ```
/// use arrears::rates::{ops::{rates_in, RatesRequest}, RateTable};
/// let table = RateTable::from_series(RateTable::builtin()?.get("ecb_mro").cloned())?;
/// let out = rates_in(&table, RatesRequest::default())?;
/// assert_eq!(out.series.len(), 1);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn rates_in(table: &RateTable, req: RatesRequest) -> Result<RatesResponse> {
    let series = match req.series.as_deref() {
        Some(id) => vec![SeriesSummary::of(table.get(id)?, true)?],
        None => table
            .iter()
            .map(|s| SeriesSummary::of(s, false))
            .collect::<Result<_>>()?,
    };
    Ok(RatesResponse { series })
}

/// Request of the `rate_on` operation: `{"series": id, "date": "YYYY-MM-DD"}`.
///
/// ```
/// use arrears::rates::ops::RateOnRequest;
/// let r: RateOnRequest = serde_json::from_value(serde_json::json!(
///     {"series": "ecb_mro", "date": "2024-06-12"})).unwrap();
/// assert_eq!(r.series, "ecb_mro");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateOnRequest {
    /// The series id.
    pub series: String,
    /// The day whose rate is asked.
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
}

/// Response of the `rate_on` operation: the entry in force on the date.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateOnResponse {
    /// The series id.
    pub series: String,
    /// The day asked.
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    /// First day of the entry in force.
    #[serde(with = "serde_date")]
    pub from: NaiveDate,
    /// The rate, percent per annum.
    #[serde(with = "decimal_string")]
    pub rate_percent: Decimal,
    /// The entry's reference day, when it has one (UK reference rate).
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub reference_day: Option<NaiveDate>,
    /// The entry's flag, when it has one: the value is not confirmed fact (or its rule did not
    /// apply then), and results using it must warn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
    /// The entry's note, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Last date the series is known to hold.
    #[serde(with = "serde_date")]
    pub known_until: NaiveDate,
}

/// The `rate_on` operation over the built-in series.
///
/// # Errors
/// `rates.unknown_series` for an unknown id; `rates.unknown_date` for a date before the first
/// entry or after the series' known-until date.
///
/// ```
/// let out = arrears::run("rate_on", &serde_json::json!(
///     {"series": "de_basiszinssatz", "date": "2026-08-01"}))?;
/// assert_eq!(out["rate_percent"], "1.52");
/// assert!(out.get("flag").is_none()); // confirmed on 7 Dec 2026: a note with its sources
/// assert!(out["note"].as_str().unwrap().starts_with("CONFIRMED"));
///
/// let e = arrears::run("rate_on", &serde_json::json!(
///     {"series": "ecb_mro", "date": "2026-07-29"})).unwrap_err();
/// assert_eq!(e.code().as_str(), "rates.unknown_date");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn rate_on(req: RateOnRequest) -> Result<RateOnResponse> {
    rate_on_in(&RateTable::builtin()?, req)
}

/// The `rate_on` operation over a caller's table.
///
/// # Errors
/// As [`rate_on`].
///
/// ```
/// use arrears::rates::{ops::{rate_on_in, RateOnRequest}, RateTable};
/// let table = RateTable::builtin()?;
/// let req = RateOnRequest { series: "uk_reference_rate".into(),
///                           date: arrears::calendar::date::parse_date("2023-12-31")? };
/// let out = rate_on_in(&table, req)?;
/// assert_eq!(out.rate_percent.to_string(), "5.00"); // Bank Rate on 30 Jun 2023
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn rate_on_in(table: &RateTable, req: RateOnRequest) -> Result<RateOnResponse> {
    let series = table.get(&req.series)?;
    let entry = series.entry_on(req.date)?;
    Ok(RateOnResponse {
        series: series.id.clone(),
        date: req.date,
        from: entry.from,
        rate_percent: entry.rate_percent,
        reference_day: entry.reference_day,
        flag: entry.flag.clone(),
        note: entry.note.clone(),
        known_until: series.known_until,
    })
}
