//! The calendar operations of [`crate::run`]: `day_count`, `holidays` and `business_days`.
//!
//! Each takes a request document and returns a response document; the typed functions here are
//! what `run` calls after deserialising the request. Dates are `YYYY-MM-DD`, decimals are
//! strings, requests refuse unknown fields.
//!
//! ```
//! let out = arrears::run("business_days", &serde_json::json!({
//!     "calendar": "fr", "date": "2025-04-18", "add": 1
//! }))?;
//! assert_eq!(out["result"], "2025-04-22"); // over Easter Monday 21 April
//! # Ok::<(), arrears::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::date::serde_date;
use super::{CalendarSpec, DayCount, Holiday, Roll};
use crate::error::{err, Result};
use crate::money::decimal_string;

/// Decimal places of `year_fraction` in a [`DayCountResponse`].
pub const YEAR_FRACTION_PLACES: u32 = 10;

/// Request of the `day_count` operation: `{"convention", "from", "to"}`.
///
/// ```
/// use arrears::calendar::ops::{day_count, DayCountRequest};
/// let req: DayCountRequest = serde_json::from_value(serde_json::json!(
///     {"convention": "act_365_fixed", "from": "2024-02-01", "to": "2024-03-01"})).unwrap();
/// assert_eq!(day_count(req)?.days, 29);
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayCountRequest {
    /// The convention: `act_365_fixed`, `act_act`, `act_360`, `thirty_e_360`, `thirty_e_360_isda`.
    pub convention: DayCount,
    /// Start of the period (not counted).
    #[serde(with = "serde_date")]
    pub from: NaiveDate,
    /// End of the period (counted).
    #[serde(with = "serde_date")]
    pub to: NaiveDate,
}

/// One exact piece of a year fraction: `days / denominator`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FractionPart {
    /// Days of the period counted against this denominator.
    pub days: i64,
    /// The year basis: 360, 365 or 366.
    pub denominator: i64,
}

/// Response of the `day_count` operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCountResponse {
    /// The convention used.
    pub convention: DayCount,
    /// [`DayCount::days`] of (from, to].
    pub days: i64,
    /// [`DayCount::year_fraction`], rounded half away from zero to [`YEAR_FRACTION_PLACES`] (10)
    /// decimal places and always written with exactly 10 (`"1.0000000000"`).
    #[serde(with = "decimal_string")]
    pub year_fraction: Decimal,
    /// [`DayCount::fraction_parts`]: the exact pieces, for callers that round once at the end.
    pub parts: Vec<FractionPart>,
}

/// The `day_count` operation.
///
/// # Errors
/// `calendar.invalid_range` when `to` is before `from`.
///
/// ```
/// let out = arrears::run("day_count", &serde_json::json!(
///     {"convention": "act_act", "from": "2023-12-15", "to": "2024-01-15"}))?;
/// assert_eq!(out["days"], 31);
/// assert_eq!(out["year_fraction"], "0.0848192230");
/// assert_eq!(out["parts"], serde_json::json!([{"days": 16, "denominator": 365},
///                                             {"days": 15, "denominator": 366}]));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn day_count(req: DayCountRequest) -> Result<DayCountResponse> {
    let c = req.convention;
    let days = c.days(req.from, req.to)?;
    let mut year_fraction = c
        .year_fraction(req.from, req.to)?
        .round_dp_with_strategy(YEAR_FRACTION_PLACES, RoundingStrategy::MidpointAwayFromZero);
    year_fraction.rescale(YEAR_FRACTION_PLACES);
    let parts = c
        .fraction_parts(req.from, req.to)?
        .into_iter()
        .map(|(days, denominator)| FractionPart { days, denominator })
        .collect();
    Ok(DayCountResponse {
        convention: c,
        days,
        year_fraction,
        parts,
    })
}

/// Request of the `holidays` operation: `{"calendar", "year"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidaysRequest {
    /// `"fr"` or `{"id": "fr", "closures": [...]}`.
    pub calendar: CalendarSpec,
    /// The year, 1995 to 2199.
    pub year: i32,
}

/// Response of the `holidays` operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidaysResponse {
    /// The calendar id.
    pub calendar: String,
    /// The year.
    pub year: i32,
    /// [`super::Calendar::holidays`]: `[{"date", "name", "local_name"}]`, sorted by date.
    pub holidays: Vec<Holiday>,
}

/// The `holidays` operation.
///
/// # Errors
/// `calendar.unknown_calendar`, `calendar.unsupported_year`.
///
/// ```
/// let out = arrears::run("holidays", &serde_json::json!({"calendar": "fr", "year": 2025}))?;
/// assert_eq!(out["holidays"][1], serde_json::json!(
///     {"date": "2025-04-21", "name": "Easter Monday", "local_name": "Lundi de Pâques"}));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn holidays(req: HolidaysRequest) -> Result<HolidaysResponse> {
    let calendar = req.calendar.to_calendar().map_err(|e| e.at("calendar"))?;
    let holidays = calendar.holidays(req.year).map_err(|e| e.at("year"))?;
    Ok(HolidaysResponse {
        calendar: calendar.id().to_string(),
        year: req.year,
        holidays,
    })
}

/// Request of the `business_days` operation, in one of two forms:
///
/// - `{"calendar", "date", "add"?, "roll"?}`: facts about one date, optionally `add` business
///   days to it and roll it;
/// - `{"calendar", "from", "to"}`: the number of business days in (from, to].
///
/// Mixing the forms, or giving neither, is `input.invalid_value`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BusinessDaysRequest {
    /// `"fr"` or `{"id": "fr", "closures": [...]}`.
    pub calendar: CalendarSpec,
    /// The date to ask about (first form).
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub date: Option<NaiveDate>,
    /// Business days to add to `date` (negative: subtract); see
    /// [`super::Calendar::add_business_days`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add: Option<i64>,
    /// How to roll `date` to a business day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roll: Option<Roll>,
    /// Start of the period (second form; not counted).
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub from: Option<NaiveDate>,
    /// End of the period (second form; counted).
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub to: Option<NaiveDate>,
}

/// Response of the `business_days` operation for the `date` form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateAnswer {
    /// The date asked about.
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    /// Whether it is a business day.
    pub is_business_day: bool,
    /// The first business day strictly after it.
    #[serde(with = "serde_date")]
    pub next: NaiveDate,
    /// The last business day strictly before it.
    #[serde(with = "serde_date")]
    pub previous: NaiveDate,
    /// The date rolled by the request's `roll`, when one was given.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub rolled: Option<NaiveDate>,
    /// The date plus the request's `add` business days, when `add` was given.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub result: Option<NaiveDate>,
}

/// Response of the `business_days` operation for the `from`/`to` form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RangeAnswer {
    /// Start of the period (not counted).
    #[serde(with = "serde_date")]
    pub from: NaiveDate,
    /// End of the period (counted).
    #[serde(with = "serde_date")]
    pub to: NaiveDate,
    /// Business days in (from, to].
    pub business_days: i64,
}

/// Response of the `business_days` operation: one object, whose keys depend on the request form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum BusinessDaysResponse {
    /// For `{"date", ...}`: `{"date", "is_business_day", "next", "previous", "rolled"?, "result"?}`.
    Date(DateAnswer),
    /// For `{"from", "to"}`: `{"from", "to", "business_days"}`.
    Range(RangeAnswer),
}

/// The `business_days` operation.
///
/// # Errors
/// `input.invalid_value` for a request in neither or both forms; `calendar.unknown_calendar`,
/// `calendar.unsupported_year`, `calendar.invalid_range`, `date.out_of_range`.
///
/// ```
/// let out = arrears::run("business_days", &serde_json::json!(
///     {"calendar": "uk_england_wales", "from": "2021-12-24", "to": "2021-12-31"}))?;
/// assert_eq!(out["business_days"], 3); // 29, 30, 31 December; 27 and 28 are substitute days
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn business_days(req: BusinessDaysRequest) -> Result<BusinessDaysResponse> {
    let calendar = req.calendar.to_calendar().map_err(|e| e.at("calendar"))?;
    match (req.date, req.from, req.to) {
        (Some(date), None, None) => {
            let at_date = |e: crate::Error| e.at("date");
            let rolled = match req.roll {
                Some(roll) => Some(calendar.roll(date, roll).map_err(at_date)?),
                None => None,
            };
            let result = match req.add {
                Some(n) => Some(
                    calendar
                        .add_business_days(date, n)
                        .map_err(|e| e.at("add"))?,
                ),
                None => None,
            };
            Ok(BusinessDaysResponse::Date(DateAnswer {
                date,
                is_business_day: calendar.is_business_day(date).map_err(at_date)?,
                next: calendar.next_business_day(date).map_err(at_date)?,
                previous: calendar.previous_business_day(date).map_err(at_date)?,
                rolled,
                result,
            }))
        }
        (None, Some(from), Some(to)) if req.add.is_none() && req.roll.is_none() => {
            let business_days = calendar
                .business_days_between(from, to)
                .map_err(|e| e.at("to"))?;
            Ok(BusinessDaysResponse::Range(RangeAnswer {
                from,
                to,
                business_days,
            }))
        }
        _ => Err(err!(
            InvalidValue,
            "a business_days request has either \"date\" (with optional \"add\" and \"roll\") \
             or both \"from\" and \"to\""
        )),
    }
}

#[cfg(test)]
// Test arithmetic works on small literals; an overflow there is a failing test, which is fine.
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use crate::Code;
    use serde_json::json;

    fn run(op: &str, v: serde_json::Value) -> crate::Result<serde_json::Value> {
        crate::run(op, &v)
    }

    #[test]
    fn year_fraction_has_ten_places() {
        let out = run(
            "day_count",
            json!({"convention": "act_act", "from": "2023-12-31", "to": "2024-12-31"}),
        )
        .unwrap();
        assert_eq!(out["year_fraction"], "1.0000000000");
        assert_eq!(out["convention"], "act_act");
        let out = run(
            "day_count",
            json!({"convention": "act_365_fixed", "from": "2024-02-01", "to": "2024-03-01"}),
        )
        .unwrap();
        assert_eq!(out["year_fraction"], "0.0794520548");
    }

    #[test]
    fn requests_refuse_unknown_fields_and_bad_values() {
        let e = run(
            "day_count",
            json!({"convention": "act_act", "from": "2024-01-01", "to": "2024-02-01", "x": 1}),
        )
        .unwrap_err();
        assert_eq!(e.code(), Code::InvalidDocument);
        let e = run(
            "day_count",
            json!({"convention": "30/360", "from": "2024-01-01", "to": "2024-02-01"}),
        )
        .unwrap_err();
        assert_eq!(e.code(), Code::InvalidDocument);
        let e = run(
            "day_count",
            json!({"convention": "act_act", "from": "2024-02-30", "to": "2024-03-01"}),
        )
        .unwrap_err();
        assert_eq!(e.code(), Code::InvalidDate);
        assert_eq!(e.path(), Some("from"));
    }

    #[test]
    fn business_days_forms() {
        let e = run("business_days", json!({"calendar": "fr"})).unwrap_err();
        assert_eq!(e.code(), Code::InvalidValue);
        let e = run(
            "business_days",
            json!({"calendar": "fr", "date": "2025-01-02", "from": "2025-01-01", "to": "2025-01-03"}),
        )
        .unwrap_err();
        assert_eq!(e.code(), Code::InvalidValue);
        let e = run(
            "business_days",
            json!({"calendar": "fr", "from": "2025-01-01", "to": "2025-01-03", "add": 1}),
        )
        .unwrap_err();
        assert_eq!(e.code(), Code::InvalidValue);
        let e = run(
            "business_days",
            json!({"calendar": "fr", "from": "2025-01-01"}),
        )
        .unwrap_err();
        assert_eq!(e.code(), Code::InvalidValue);
        let out = run(
            "business_days",
            json!({"calendar": "fr", "date": "2025-01-01"}),
        )
        .unwrap();
        assert_eq!(
            out,
            json!({"date": "2025-01-01", "is_business_day": false,
                   "next": "2025-01-02", "previous": "2024-12-31"})
        );
    }

    #[test]
    fn errors_carry_the_field() {
        let e = run("holidays", json!({"calendar": "xx", "year": 2025})).unwrap_err();
        assert_eq!(e.code(), Code::UnknownCalendar);
        assert_eq!(e.path(), Some("calendar"));
        let e = run("holidays", json!({"calendar": "de", "year": 2200})).unwrap_err();
        assert_eq!(e.code(), Code::UnsupportedYear);
        assert_eq!(e.path(), Some("year"));
        let e = run(
            "business_days",
            json!({"calendar": {"id": "fr", "closures": ["2025-13-01"]}, "date": "2025-01-01"}),
        )
        .unwrap_err();
        assert_eq!(e.code(), Code::InvalidDate);
        assert_eq!(e.path(), Some("calendar.closures"));
    }
}
