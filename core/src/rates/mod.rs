//! Dated, sourced rate series: the reference rates that statutory interest is built on.
//!
//! A [`RateSeries`] is a list of [`RateEntry`]s, each giving a rate that applies **from** its date
//! (inclusive) until the day before the next entry, together with the series' sources, what a
//! value means, and the last date the series is **known** to hold ([`RateSeries::known_until`]).
//! Asking for a date before the first entry or after `known_until` is an error
//! (`rates.unknown_date`), never an extrapolation. Entries that are single-sourced, derived,
//! unverified or carry a historical caveat have a [`flag`](RateEntry::flag): computations that use
//! them must pass the flag on as a warning.
//!
//! [`RateTable::builtin`] holds the series shipped with the crate, embedded at compile time from
//! `core/data/rates/*.json` (see [`BUILTIN_SERIES`] and `docs/rates.md` for each series' legal
//! role, sources and known-until date). Callers add or replace series with
//! [`RateTable::insert`], for instance a newer table or a rate agreed for a period, written in the
//! same JSON format as the data files.
//!
//! ```
//! use arrears::rates::RateTable;
//! use arrears::calendar::date::parse_date;
//! use rust_decimal_macros::dec;
//!
//! let table = RateTable::builtin()?;
//! // The ECB main refinancing rate went from 4.50 to 4.25 with effect from 12 June 2024.
//! let ecb = table.get("ecb_mro")?;
//! assert_eq!(ecb.entry_on(parse_date("2024-06-11")?)?.rate_percent, dec!(4.50));
//! assert_eq!(ecb.entry_on(parse_date("2024-06-12")?)?.rate_percent, dec!(4.25));
//! // Past the last date the series is known to hold: an error, not a guess.
//! let e = ecb.entry_on(parse_date("2027-01-01")?).unwrap_err();
//! assert_eq!(e.code().as_str(), "rates.unknown_date");
//! # Ok::<(), arrears::Error>(())
//! ```

pub mod ops;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::date::serde_date;
use crate::error::{err, Error, Result};
use crate::money::decimal_string;

/// The identifiers of the built-in series, in the order of `docs/rates.md`.
///
/// ```
/// let table = arrears::rates::RateTable::builtin()?;
/// for id in arrears::rates::BUILTIN_SERIES {
///     assert!(table.get(id).is_ok());
/// }
/// # Ok::<(), arrears::Error>(())
/// ```
pub const BUILTIN_SERIES: &[&str] = &[
    "ecb_mro",
    "fr_l441_10",
    "fr_legal_consumer",
    "fr_legal_professional",
    "fr_legal_annual",
    "de_basiszinssatz",
    "uk_bank_rate",
    "uk_reference_rate",
];

/// The data files, embedded at compile time: `(id, JSON text)`.
const BUILTIN_DATA: &[(&str, &str)] = &[
    ("ecb_mro", include_str!("../../data/rates/ecb_mro.json")),
    (
        "fr_l441_10",
        include_str!("../../data/rates/fr_l441_10.json"),
    ),
    (
        "fr_legal_consumer",
        include_str!("../../data/rates/fr_legal_consumer.json"),
    ),
    (
        "fr_legal_professional",
        include_str!("../../data/rates/fr_legal_professional.json"),
    ),
    (
        "fr_legal_annual",
        include_str!("../../data/rates/fr_legal_annual.json"),
    ),
    (
        "de_basiszinssatz",
        include_str!("../../data/rates/de_basiszinssatz.json"),
    ),
    (
        "uk_bank_rate",
        include_str!("../../data/rates/uk_bank_rate.json"),
    ),
    (
        "uk_reference_rate",
        include_str!("../../data/rates/uk_reference_rate.json"),
    ),
];

/// The unit of a series' values. Every built-in series is in percent per annum.
///
/// ```
/// use arrears::rates::RateUnit;
/// assert_eq!(serde_json::to_value(RateUnit::PercentPerAnnum).unwrap(), "percent_per_annum");
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "The unit of a series' values. Every built-in series is in percent per annum."
    )
)]
#[serde(rename_all = "snake_case")]
pub enum RateUnit {
    /// Percent per annum: `"4.50"` means 4.50 % a year.
    #[default]
    PercentPerAnnum,
}

/// One value of a series: `rate_percent` applies from `from` (inclusive) until the day before the
/// next entry's `from` (or until the series' `known_until` for the last entry).
///
/// JSON: `{"from": "2024-07-01", "rate_percent": "4.25", "reference_day"?: "...", "flag"?: "...",
/// "note"?: "..."}`; unknown fields are refused.
///
/// ```
/// use arrears::rates::RateEntry;
/// use arrears::calendar::date::parse_date;
/// use rust_decimal_macros::dec;
///
/// let e = RateEntry::new(parse_date("2026-07-01")?, dec!(1.52))
///     .with_flag("derived, not found published");
/// assert!(e.is_flagged());
/// let json = serde_json::to_value(&e).unwrap();
/// assert_eq!(json, serde_json::json!(
///     {"from": "2026-07-01", "rate_percent": "1.52", "flag": "derived, not found published"}));
/// assert_eq!(serde_json::from_value::<RateEntry>(json).unwrap(), e);
/// # Ok::<(), arrears::Error>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "One value of a series: `rate_percent` applies from `from` (inclusive) until the day before the next entry's `from` (or until the series' `known_until` for the last entry)."
    )
)]
#[serde(deny_unknown_fields)]
pub struct RateEntry {
    /// First day the rate applies.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub from: NaiveDate,
    /// The rate, in the series' unit (percent per annum), exactly as published.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub rate_percent: Decimal,
    /// For a rate read from another series on a given day (the UK late-payment reference rate
    /// is Bank Rate on 31 Dec / 30 Jun): that day.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub reference_day: Option<NaiveDate>,
    /// Why this value must not be taken as confirmed fact: single-sourced, derived, unverified,
    /// or right but outside the period its rule applied. A computation using a flagged entry
    /// reports the flag as a warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
    /// Other facts about the entry (for example the ECB tender kind).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl RateEntry {
    /// An entry without flag, note or reference day.
    ///
    /// ```
    /// use arrears::rates::RateEntry;
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    /// let from = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    /// let e = RateEntry::new(from, dec!(3.15));
    /// assert_eq!((e.from, e.rate_percent, e.is_flagged()), (from, dec!(3.15), false));
    /// ```
    pub fn new(from: NaiveDate, rate_percent: Decimal) -> RateEntry {
        RateEntry {
            from,
            rate_percent,
            reference_day: None,
            flag: None,
            note: None,
        }
    }

    /// The same entry with a flag (see [`RateEntry::flag`]).
    ///
    /// ```
    /// use arrears::rates::RateEntry;
    /// use rust_decimal_macros::dec;
    /// let e = RateEntry::new(chrono::NaiveDate::MIN, dec!(1)).with_flag("single source");
    /// assert_eq!(e.flag.as_deref(), Some("single source"));
    /// ```
    #[must_use]
    pub fn with_flag(mut self, flag: impl Into<String>) -> RateEntry {
        self.flag = Some(flag.into());
        self
    }

    /// The same entry with a note.
    ///
    /// ```
    /// use arrears::rates::RateEntry;
    /// use rust_decimal_macros::dec;
    /// let e = RateEntry::new(chrono::NaiveDate::MIN, dec!(1)).with_note("clause 7.2");
    /// assert_eq!(e.note.as_deref(), Some("clause 7.2"));
    /// ```
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> RateEntry {
        self.note = Some(note.into());
        self
    }

    /// The same entry with a reference day (see [`RateEntry::reference_day`]).
    ///
    /// ```
    /// use arrears::rates::RateEntry;
    /// use arrears::calendar::date::parse_date;
    /// use rust_decimal_macros::dec;
    /// let e = RateEntry::new(parse_date("2024-07-01")?, dec!(5.25))
    ///     .with_reference_day(parse_date("2024-06-30")?);
    /// assert_eq!(e.reference_day, Some(parse_date("2024-06-30")?));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    #[must_use]
    pub fn with_reference_day(mut self, day: NaiveDate) -> RateEntry {
        self.reference_day = Some(day);
        self
    }

    /// `true` when the entry carries a flag: its value is not confirmed fact, or its rule did
    /// not apply in its period. Results that use it must say so.
    ///
    /// ```
    /// let table = arrears::rates::RateTable::builtin()?;
    /// let legal = table.get("fr_legal_professional")?;
    /// let day = |s| arrears::calendar::date::parse_date(s);
    /// assert!(legal.entry_on(day("2026-07-01")?)?.is_flagged()); // one public table only
    /// assert!(!legal.entry_on(day("2026-06-30")?)?.is_flagged());
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn is_flagged(&self) -> bool {
        self.flag.is_some()
    }
}

/// A dated rate series with its sources and the last date it is known to hold.
///
/// JSON (the format of `core/data/rates/*.json`; unknown fields refused):
/// `{"id", "name", "unit": "percent_per_annum", "source", "semantics", "known_until":
/// "YYYY-MM-DD", "known_until_reason"?, "entries": [RateEntry, ...]}`. Deserialising does not
/// validate: call [`RateSeries::validate`], or [`RateTable::insert`] which does.
///
/// ```
/// use arrears::rates::{RateSeries, RateTable};
/// use arrears::calendar::date::parse_date;
/// use rust_decimal_macros::dec;
///
/// // A rate agreed in a contract, supplied by the caller as a document.
/// let series: RateSeries = serde_json::from_value(serde_json::json!({
///   "id": "acme_contract", "name": "ACME framework agreement, clause 7.2",
///   "unit": "percent_per_annum", "source": "contract of 2024-03-01, clause 7.2",
///   "semantics": "contractual late-payment rate", "known_until": "2026-12-31",
///   "entries": [{"from": "2024-03-01", "rate_percent": "12.00"},
///               {"from": "2025-03-01", "rate_percent": "11.00"}]
/// })).unwrap();
/// series.validate()?;
/// assert_eq!(series.entry_on(parse_date("2025-02-28")?)?.rate_percent, dec!(12.00));
/// let mut table = RateTable::builtin()?;
/// table.insert(series)?;
/// assert!(table.get("acme_contract").is_ok());
/// # Ok::<(), arrears::Error>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "A dated rate series with its sources and the last date it is known to hold (docs/rates.md)."
    )
)]
#[serde(deny_unknown_fields)]
pub struct RateSeries {
    /// Stable identifier, used in documents by every language (`ecb_mro`, `fr_l441_10`, ...).
    pub id: String,
    /// Human name.
    pub name: String,
    /// Unit of the values.
    pub unit: RateUnit,
    /// Where the values come from.
    pub source: String,
    /// What a value means and from when it applies; the legal role of the series.
    #[serde(default)]
    pub semantics: String,
    /// The last date the series is known to hold. Dates after it have no rate.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub known_until: NaiveDate,
    /// Why `known_until` is what it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known_until_reason: Option<String>,
    /// The values, in strictly increasing order of `from`.
    pub entries: Vec<RateEntry>,
}

impl RateSeries {
    /// A validated series in percent per annum, with empty semantics and no known-until reason
    /// (set them with [`RateSeries::with_semantics`] and [`RateSeries::with_known_until_reason`]).
    ///
    /// # Errors
    /// `rates.invalid_series` as in [`RateSeries::validate`].
    ///
    /// ```
    /// use arrears::rates::{RateEntry, RateSeries};
    /// use arrears::calendar::date::parse_date;
    /// use rust_decimal_macros::dec;
    /// let s = RateSeries::new("my_rate", "My rate", "board decision of 2025-01-10",
    ///     parse_date("2025-12-31")?, vec![RateEntry::new(parse_date("2025-01-01")?, dec!(5))])?
    ///     .with_semantics("rate for intra-group loans");
    /// assert_eq!(s.known_from(), Some(parse_date("2025-01-01")?));
    /// assert!(RateSeries::new("x", "X", "s", parse_date("2025-12-31")?, vec![]).is_err());
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        source: impl Into<String>,
        known_until: NaiveDate,
        entries: Vec<RateEntry>,
    ) -> Result<RateSeries> {
        let series = RateSeries {
            id: id.into(),
            name: name.into(),
            unit: RateUnit::PercentPerAnnum,
            source: source.into(),
            semantics: String::new(),
            known_until,
            known_until_reason: None,
            entries,
        };
        series.validate()?;
        Ok(series)
    }

    /// The same series with its semantics set.
    #[must_use]
    pub fn with_semantics(mut self, semantics: impl Into<String>) -> RateSeries {
        self.semantics = semantics.into();
        self
    }

    /// The same series with its known-until reason set.
    ///
    /// ```
    /// use arrears::rates::{RateEntry, RateSeries};
    /// use arrears::calendar::date::parse_date;
    /// use rust_decimal_macros::dec;
    /// let s = RateSeries::new("r", "R", "s", parse_date("2025-12-31")?,
    ///     vec![RateEntry::new(parse_date("2025-01-01")?, dec!(5))])?
    ///     .with_known_until_reason("fixed for the year by the board");
    /// assert_eq!(s.known_until_reason.as_deref(), Some("fixed for the year by the board"));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    #[must_use]
    pub fn with_known_until_reason(mut self, reason: impl Into<String>) -> RateSeries {
        self.known_until_reason = Some(reason.into());
        self
    }

    /// Checks the series: a non-blank id and source, at least one entry, `from` dates strictly
    /// increasing, `known_until` on or after the last `from`, no blank flag.
    ///
    /// # Errors
    /// `rates.invalid_series`, listing every problem found, each located (`entries[3].from`).
    ///
    /// ```
    /// use arrears::rates::RateSeries;
    /// let s: RateSeries = serde_json::from_value(serde_json::json!({
    ///   "id": "x", "name": "X", "unit": "percent_per_annum", "source": "test",
    ///   "semantics": "", "known_until": "2023-12-31",
    ///   "entries": [{"from": "2024-07-01", "rate_percent": "1"},
    ///               {"from": "2024-01-01", "rate_percent": "2"}]})).unwrap();
    /// let e = s.validate().unwrap_err();
    /// assert_eq!(e.code().as_str(), "rates.invalid_series");
    /// assert_eq!(e.problems().len(), 2); // not increasing, and known_until before the last entry
    /// assert_eq!(e.path(), Some("entries[1].from"));
    /// ```
    pub fn validate(&self) -> Result<()> {
        let id = self.id.as_str();
        let mut problems: Vec<Error> = Vec::new();
        if id.trim().is_empty() {
            problems.push(err!(InvalidSeries, "a rate series needs a non-empty id").at("id"));
        }
        if self.source.trim().is_empty() {
            problems.push(
                err!(
                    InvalidSeries,
                    "series {id:?} does not say where its values come from"
                )
                .at("source"),
            );
        }
        if self.entries.is_empty() {
            problems.push(err!(InvalidSeries, "series {id:?} has no entries").at("entries"));
        }
        let mut previous: Option<NaiveDate> = None;
        for (i, entry) in self.entries.iter().enumerate() {
            if let Some(prev) = previous {
                if entry.from <= prev {
                    problems.push(
                        err!(
                            InvalidSeries,
                            "series {id:?}: entry {} starts on {}, not after the previous entry ({prev}); entries must be in strictly increasing date order",
                            i,
                            entry.from
                        )
                        .at(format!("entries[{i}].from")),
                    );
                }
            }
            if entry.flag.as_deref().is_some_and(|f| f.trim().is_empty()) {
                problems.push(
                    err!(
                        InvalidSeries,
                        "series {id:?}: entry from {} has an empty flag; say why it is flagged or leave the flag out",
                        entry.from
                    )
                    .at(format!("entries[{i}].flag")),
                );
            }
            previous = Some(entry.from);
        }
        if let Some(last) = self.entries.last() {
            if self.known_until < last.from {
                problems.push(
                    err!(
                        InvalidSeries,
                        "series {id:?}: known_until {} is before its last entry ({})",
                        self.known_until,
                        last.from
                    )
                    .at("known_until"),
                );
            }
        }
        match Error::from_many(problems) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// The first date the series covers (the first entry's `from`); `None` for an empty series.
    ///
    /// ```
    /// let table = arrears::rates::RateTable::builtin()?;
    /// assert_eq!(table.get("ecb_mro")?.known_from().unwrap().to_string(), "1999-01-01");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn known_from(&self) -> Option<NaiveDate> {
        self.entries.first().map(|e| e.from)
    }

    /// `true` when the series has a rate for `date`: on or after the first entry and on or
    /// before `known_until`.
    ///
    /// ```
    /// use arrears::calendar::date::parse_date;
    /// let table = arrears::rates::RateTable::builtin()?;
    /// let annual = table.get("fr_legal_annual")?;
    /// assert!(annual.covers(parse_date("2014-12-31")?));
    /// assert!(!annual.covers(parse_date("2015-01-01")?)); // two half-yearly rates since 2015
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.known_from().is_some_and(|first| first <= date) && date <= self.known_until
    }

    /// The entry in force on `date`: the last entry whose `from` is on or before it.
    ///
    /// # Errors
    /// `rates.unknown_date`, naming the series, the date and the known range, when `date` is
    /// before the first entry or after [`RateSeries::known_until`]. Rates are never
    /// extrapolated: supply the rate for the period or a newer series instead.
    ///
    /// ```
    /// use arrears::calendar::date::parse_date;
    /// use rust_decimal_macros::dec;
    /// let table = arrears::rates::RateTable::builtin()?;
    /// let fr = table.get("fr_l441_10")?;
    /// // The BCE rate frozen for the second half of 2024 (C. com. L441-10 II; bpifrance).
    /// let e = fr.entry_on(parse_date("2024-11-15")?)?;
    /// assert_eq!((e.from.to_string(), e.rate_percent), ("2024-07-01".to_string(), dec!(4.25)));
    /// let err = fr.entry_on(parse_date("2027-01-01")?).unwrap_err();
    /// assert_eq!(err.code().as_str(), "rates.unknown_date");
    /// assert!(err.message().contains("fr_l441_10") && err.message().contains("2026-12-31"));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn entry_on(&self, date: NaiveDate) -> Result<&RateEntry> {
        let after = self.entries.partition_point(|e| e.from <= date);
        let found = after.checked_sub(1).and_then(|i| self.entries.get(i));
        match found {
            Some(entry) if date <= self.known_until => Ok(entry),
            _ => Err(self.unknown_date(date)),
        }
    }

    /// The entries that apply on some day of `[from, to]`: the entry in force on `from`, then
    /// every entry starting in `(from, to]`, in date order.
    ///
    /// # Errors
    /// `calendar.invalid_range` when `to` is before `from`; `rates.unknown_date` when either
    /// end is outside the known range (see [`RateSeries::entry_on`]).
    ///
    /// ```
    /// use arrears::calendar::date::parse_date;
    /// let table = arrears::rates::RateTable::builtin()?;
    /// let ecb = table.get("ecb_mro")?;
    /// let runs = ecb.entries_between(parse_date("2024-06-01")?, parse_date("2024-10-31")?)?;
    /// let rates: Vec<String> = runs.iter().map(|e| e.rate_percent.to_string()).collect();
    /// assert_eq!(rates, ["4.50", "4.25", "3.65", "3.40"]);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn entries_between(&self, from: NaiveDate, to: NaiveDate) -> Result<&[RateEntry]> {
        if to < from {
            return Err(err!(
                InvalidRange,
                "rates of series {:?} asked from {from} to {to}: the period ends before it starts",
                self.id
            ));
        }
        self.entry_on(from)?;
        self.entry_on(to)?;
        let first = self
            .entries
            .partition_point(|e| e.from <= from)
            .checked_sub(1);
        let end = self.entries.partition_point(|e| e.from <= to);
        first
            .and_then(|first| self.entries.get(first..end))
            .ok_or_else(|| self.unknown_date(from))
    }

    /// Every flagged entry, in date order.
    ///
    /// ```
    /// let table = arrears::rates::RateTable::builtin()?;
    /// let flagged: Vec<String> = table.get("fr_legal_professional")?.flagged_entries()
    ///     .map(|e| e.from.to_string()).collect();
    /// assert_eq!(flagged.last().map(String::as_str), Some("2026-07-01"));
    /// assert_eq!(table.get("de_basiszinssatz")?.flagged_entries().count(), 0);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn flagged_entries(&self) -> impl Iterator<Item = &RateEntry> {
        self.entries.iter().filter(|e| e.is_flagged())
    }

    fn unknown_date(&self, date: NaiveDate) -> Error {
        let id = &self.id;
        let until = self.known_until;
        match self.known_from() {
            None => err!(UnknownRateDate, "series {id:?} has no entries, so no rate for {date}"),
            Some(first) if date < first => err!(
                UnknownRateDate,
                "series {id:?} has no rate for {date}: it is known from {first} to {until}, and {date} is before its first entry"
            ),
            Some(first) => {
                let why = self
                    .known_until_reason
                    .as_deref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default();
                err!(
                    UnknownRateDate,
                    "series {id:?} has no rate for {date}: it is known from {first} to {until}{why}; rates are never extrapolated, so supply the rate for the period or a newer series"
                )
            }
        }
    }
}

/// Rate series by id: the built-in ones and any the caller adds.
///
/// Iteration and [`RateTable::ids`] go in id order.
///
/// ```
/// use arrears::rates::RateTable;
/// use arrears::calendar::date::parse_date;
/// use rust_decimal_macros::dec;
///
/// let table = RateTable::builtin()?;
/// assert_eq!(table.len(), arrears::rates::BUILTIN_SERIES.len());
/// let de = table.entry_on("de_basiszinssatz", parse_date("2024-07-01")?)?;
/// assert_eq!(de.rate_percent, dec!(3.37));
/// assert_eq!(table.get("nope").unwrap_err().code().as_str(), "rates.unknown_series");
/// for series in &table {
///     assert!(series.validate().is_ok());
/// }
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateTable {
    series: BTreeMap<String, RateSeries>,
}

impl RateTable {
    /// An empty table.
    ///
    /// ```
    /// assert!(arrears::rates::RateTable::new().is_empty());
    /// ```
    pub fn new() -> RateTable {
        RateTable::default()
    }

    /// The built-in series ([`BUILTIN_SERIES`]), parsed from the data files embedded at compile
    /// time and validated.
    ///
    /// # Errors
    /// `rates.invalid_series` if an embedded file does not parse or validate. The crate's tests
    /// make sure this does not happen; the function still never panics.
    ///
    /// ```
    /// let table = arrears::rates::RateTable::builtin()?;
    /// assert!(table.ids().any(|id| id == "uk_reference_rate"));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn builtin() -> Result<RateTable> {
        // Parsed once per process: each `run("interest", ...)` of a binding asks for the table, and
        // parsing and validating the embedded JSON costs far more than a small statement.
        static BUILTIN: std::sync::OnceLock<Result<RateTable>> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(Self::parse_builtin).clone()
    }

    /// The built-in table with the caller's series added (or replacing built-in ones of the same
    /// id): what every request's `rates` field gives, so that a rate published after the release
    /// (the next half-year's reference rate) is used the day it is known.
    ///
    /// # Errors
    /// `rates.invalid_series` at `rates[i]` for a malformed series; the errors of
    /// [`RateTable::builtin`].
    ///
    /// ```
    /// use arrears::rates::{RateSeries, RateTable};
    /// let series: RateSeries = serde_json::from_value(serde_json::json!({
    ///     "id": "my_rate", "name": "A house rate", "unit": "percent_per_annum",
    ///     "source": "board minute of 2026-12-15", "known_until": "2027-06-30",
    ///     "entries": [{"from": "2027-01-01", "rate_percent": "3.00"}]}))
    ///     .unwrap();
    /// let table = RateTable::builtin_with(vec![series])?;
    /// assert!(table.ids().any(|id| id == "my_rate") && table.ids().any(|id| id == "ecb_mro"));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn builtin_with(extra: Vec<RateSeries>) -> Result<RateTable> {
        let mut table = Self::builtin()?;
        for (i, s) in extra.into_iter().enumerate() {
            table.insert(s).map_err(|e| e.at(format!("rates[{i}]")))?;
        }
        Ok(table)
    }

    /// The embedded series, parsed and validated.
    fn parse_builtin() -> Result<RateTable> {
        let mut table = RateTable::new();
        for (id, text) in BUILTIN_DATA {
            let series: RateSeries = crate::document::from_json_str(text).map_err(|e| {
                err!(
                    InvalidSeries,
                    "the built-in series {id} does not parse: {e}"
                )
            })?;
            if series.id != *id {
                return Err(err!(
                    InvalidSeries,
                    "the built-in file for {id} holds series {:?}",
                    series.id
                ));
            }
            table.insert(series)?;
        }
        Ok(table)
    }

    /// A table of the given series (validated; a later series with the same id replaces an
    /// earlier one).
    ///
    /// # Errors
    /// `rates.invalid_series` as in [`RateSeries::validate`].
    ///
    /// ```
    /// use arrears::rates::RateTable;
    /// let builtin = RateTable::builtin()?;
    /// let only_uk = RateTable::from_series(
    ///     builtin.iter().filter(|s| s.id.starts_with("uk_")).cloned())?;
    /// assert_eq!(only_uk.ids().collect::<Vec<_>>(), ["uk_bank_rate", "uk_reference_rate"]);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn from_series(series: impl IntoIterator<Item = RateSeries>) -> Result<RateTable> {
        let mut table = RateTable::new();
        for s in series {
            table.insert(s)?;
        }
        Ok(table)
    }

    /// The series with this id.
    ///
    /// # Errors
    /// `rates.unknown_series`, listing the ids the table knows.
    ///
    /// ```
    /// let table = arrears::rates::RateTable::builtin()?;
    /// assert_eq!(table.get("uk_bank_rate")?.name, "Bank of England Bank Rate");
    /// let e = table.get("ecb_dfr").unwrap_err();
    /// assert_eq!(e.code().as_str(), "rates.unknown_series");
    /// assert!(e.message().contains("ecb_mro"));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn get(&self, id: &str) -> Result<&RateSeries> {
        self.series.get(id).ok_or_else(|| {
            let known: Vec<&str> = self.ids().collect();
            err!(
                UnknownSeries,
                "unknown rate series {id:?}; known: {}",
                if known.is_empty() {
                    String::from("none")
                } else {
                    known.join(", ")
                }
            )
        })
    }

    /// `true` when the table has a series with this id.
    ///
    /// ```
    /// let table = arrears::rates::RateTable::builtin()?;
    /// assert!(table.contains("ecb_mro") && !table.contains("ECB_MRO"));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn contains(&self, id: &str) -> bool {
        self.series.contains_key(id)
    }

    /// The entry of series `id` in force on `date`: [`RateTable::get`] then
    /// [`RateSeries::entry_on`].
    ///
    /// # Errors
    /// `rates.unknown_series` or `rates.unknown_date`.
    ///
    /// ```
    /// use arrears::calendar::date::parse_date;
    /// use rust_decimal_macros::dec;
    /// let table = arrears::rates::RateTable::builtin()?;
    /// let e = table.entry_on("uk_reference_rate", parse_date("2023-09-01")?)?;
    /// assert_eq!(e.rate_percent, dec!(5.00));
    /// assert_eq!(e.reference_day, Some(parse_date("2023-06-30")?));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn entry_on(&self, id: &str, date: NaiveDate) -> Result<&RateEntry> {
        self.get(id)?.entry_on(date)
    }

    /// Validates `series`, then adds it, replacing a series with the same id (callers supply
    /// newer tables this way).
    ///
    /// # Errors
    /// `rates.invalid_series` as in [`RateSeries::validate`]; the table is then unchanged.
    ///
    /// ```
    /// use arrears::rates::{RateEntry, RateTable};
    /// use arrears::calendar::date::parse_date;
    /// use rust_decimal_macros::dec;
    ///
    /// let mut table = RateTable::builtin()?;
    /// // A newer Basiszinssatz table, once the Bundesbank has published 1 Jan 2027.
    /// let mut de = table.get("de_basiszinssatz")?.clone();
    /// de.entries.push(RateEntry::new(parse_date("2027-01-01")?, dec!(1.52))
    ///     .with_flag("example value, not a published rate"));
    /// de.known_until = parse_date("2027-06-30")?;
    /// table.insert(de)?;
    /// assert!(table.entry_on("de_basiszinssatz", parse_date("2027-03-01")?)?.is_flagged());
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn insert(&mut self, series: RateSeries) -> Result<()> {
        series.validate()?;
        self.series.insert(series.id.clone(), series);
        Ok(())
    }

    /// The ids, in order.
    ///
    /// ```
    /// let table = arrears::rates::RateTable::builtin()?;
    /// assert_eq!(table.ids().next(), Some("de_basiszinssatz"));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.series.keys().map(String::as_str)
    }

    /// The series, in id order.
    ///
    /// ```
    /// let table = arrears::rates::RateTable::builtin()?;
    /// assert!(table.iter().all(|s| s.known_until_reason.is_some()));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &RateSeries> {
        self.series.values()
    }

    /// Number of series.
    ///
    /// ```
    /// assert_eq!(arrears::rates::RateTable::builtin()?.len(), 8);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.series.len()
    }

    /// `true` when the table has no series.
    ///
    /// ```
    /// assert!(!arrears::rates::RateTable::builtin()?.is_empty());
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }
}

impl<'a> IntoIterator for &'a RateTable {
    type Item = &'a RateSeries;
    type IntoIter = std::collections::btree_map::Values<'a, String, RateSeries>;

    fn into_iter(self) -> Self::IntoIter {
        self.series.values()
    }
}

/// The Rust examples of `docs/rates.md`, compiled and run as doctests so the guide cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../../../docs/rates.md")]
pub struct RatesGuide;

#[cfg(test)]
mod tests;
