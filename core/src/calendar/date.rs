//! Civil dates as documents write them: strict `YYYY-MM-DD`, nothing else.
//!
//! Dates are [`chrono::NaiveDate`]: a day in the proleptic Gregorian calendar with no time and no
//! time zone, because due dates and payment dates are days in law, not instants.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serializer};

use crate::error::{err, Result};

/// The last date a document can write: `YYYY-MM-DD` has four digits for the year.
pub const LAST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// `date` when a document can write it (not after [`LAST_DATE`]): a computed date (a due date, an
/// instalment) past year 9999 is refused rather than written as `+10000-02-29`, which no reader of
/// the document would parse back.
///
/// # Errors
/// `date.out_of_range`, naming `what` (`"the due date"`).
///
/// ```
/// use arrears::calendar::date::{parse_date, writable};
/// assert!(writable(parse_date("9999-12-31")?, "the due date").is_ok());
/// let later = parse_date("9999-12-31")?.succ_opt().unwrap();
/// assert_eq!(writable(later, "the due date").unwrap_err().code().as_str(), "date.out_of_range");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn writable(date: NaiveDate, what: &str) -> Result<NaiveDate> {
    if date > LAST_DATE {
        return Err(err!(
            DateOutOfRange,
            "{what} falls after {LAST_DATE}, the last date documents can write"
        ));
    }
    Ok(date)
}

/// A civil date from its year, month and day, checked.
///
/// # Errors
/// `date.invalid` for a day that does not exist.
///
/// ```
/// use arrears::calendar::date::ymd;
/// assert_eq!(ymd(2026, 6, 30)?.to_string(), "2026-06-30");
/// assert_eq!(ymd(2026, 2, 30).unwrap_err().code().as_str(), "date.invalid");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        err!(
            InvalidDate,
            "{year:04}-{month:02}-{day:02} is not a calendar date"
        )
    })
}

/// Parses `YYYY-MM-DD` strictly: four-digit year, two-digit month and day, a real calendar day.
///
/// # Errors
/// `date.invalid`, with a message that says what is wrong (`2024-02-30`: February 2024 has 29 days).
///
/// ```
/// use arrears::calendar::date::parse_date;
/// assert_eq!(parse_date("2024-02-29")?.to_string(), "2024-02-29");
/// let e = parse_date("2024-02-30").unwrap_err();
/// assert_eq!(e.code().as_str(), "date.invalid");
/// assert!(e.message().contains("29 days"));
/// assert!(parse_date("2024-2-3").is_err());
/// assert!(parse_date("03/02/2024").is_err());
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(err!(InvalidDate, "{s:?} is not a date in YYYY-MM-DD form"));
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u32>().ok()).unwrap_or(0);
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    let year = i32::try_from(y).unwrap_or(0);
    if !(1..=12).contains(&m) {
        return Err(err!(
            InvalidDate,
            "{s:?} is not a calendar date: month {m} does not exist"
        ));
    }
    match NaiveDate::from_ymd_opt(year, m, d) {
        Some(date) => Ok(date),
        None => Err(err!(
            InvalidDate,
            "{s:?} is not a calendar date: {} {year} has {} days",
            month_name(m),
            days_in_month(year, m)
        )),
    }
}

/// Number of days in a month (28 to 31); 0 for a month outside 1..=12.
///
/// ```
/// use arrears::calendar::date::days_in_month;
/// assert_eq!(days_in_month(2024, 2), 29);
/// assert_eq!(days_in_month(2100, 2), 28);
/// ```
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Gregorian leap year.
///
/// ```
/// use arrears::calendar::date::is_leap_year;
/// assert!(is_leap_year(2000) && is_leap_year(2024) && !is_leap_year(1900) && !is_leap_year(2025));
/// ```
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The last day of the month of `date`.
///
/// ```
/// use arrears::calendar::date::{end_of_month, parse_date};
/// assert_eq!(end_of_month(parse_date("2024-02-10")?), parse_date("2024-02-29")?);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn end_of_month(date: NaiveDate) -> NaiveDate {
    let last = days_in_month(date.year(), date.month());
    date.with_day(last).unwrap_or(date)
}

/// `date + days` (negative allowed).
///
/// # Errors
/// `date.out_of_range` when the result leaves chrono's range.
pub fn add_days(date: NaiveDate, days: i64) -> Result<NaiveDate> {
    chrono::Duration::try_days(days)
        .and_then(|d| date.checked_add_signed(d))
        .ok_or_else(|| err!(DateOutOfRange, "{date} + {days} days is out of range"))
}

/// `to - from` in days (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

fn month_name(m: u32) -> &'static str {
    match m {
        1 => "January",
        2 => "February",
        3 => "March",
        4 => "April",
        5 => "May",
        6 => "June",
        7 => "July",
        8 => "August",
        9 => "September",
        10 => "October",
        11 => "November",
        _ => "December",
    }
}

/// Serde helpers: a date field written `"YYYY-MM-DD"`, parsed with [`parse_date`]. Use as
/// `#[serde(with = "arrears::calendar::date::serde_date")]`.
pub mod serde_date {
    use super::*;

    /// Writes `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(&d.format("%Y-%m-%d"))
    }

    /// Reads `YYYY-MM-DD` strictly; the error carries the `date.invalid` code.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<NaiveDate, D::Error> {
        let s = String::deserialize(d)?;
        parse_date(&s).map_err(crate::document::de_error)
    }

    /// The same for `Option<NaiveDate>` (absent or `null` is `None`; combine with
    /// `#[serde(default)]`).
    pub mod option {
        use super::*;

        /// Writes `YYYY-MM-DD` or `null`.
        pub fn serialize<S: Serializer>(
            d: &Option<NaiveDate>,
            s: S,
        ) -> std::result::Result<S::Ok, S::Error> {
            match d {
                Some(d) => s.collect_str(&d.format("%Y-%m-%d")),
                None => s.serialize_none(),
            }
        }

        /// Reads `null` or a strict date.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> std::result::Result<Option<NaiveDate>, D::Error> {
            match Option::<String>::deserialize(d)? {
                Some(s) => parse_date(&s).map(Some).map_err(crate::document::de_error),
                None => Ok(None),
            }
        }
    }

    /// The same for `Vec<NaiveDate>`.
    pub mod vec {
        use super::*;

        /// Writes a list of `YYYY-MM-DD`.
        pub fn serialize<S: Serializer>(
            d: &[NaiveDate],
            s: S,
        ) -> std::result::Result<S::Ok, S::Error> {
            s.collect_seq(d.iter().map(|d| d.format("%Y-%m-%d").to_string()))
        }

        /// Reads a list of strict dates.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> std::result::Result<Vec<NaiveDate>, D::Error> {
            Vec::<String>::deserialize(d)?
                .iter()
                .map(|s| parse_date(s).map_err(crate::document::de_error))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_shapes_and_days() {
        for bad in [
            "2024-02-30",
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            " 2024-01-01",
            "2024-01-01T00:00",
            "20240101",
            "",
        ] {
            assert_eq!(
                parse_date(bad).unwrap_err().code(),
                crate::Code::InvalidDate,
                "{bad}"
            );
        }
    }

    #[test]
    fn month_error_names_the_month() {
        assert!(parse_date("2023-02-29")
            .unwrap_err()
            .message()
            .contains("February 2023 has 28 days"));
    }
}
