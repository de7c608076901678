//! Day-count conventions: how many days an interest period has and what fraction of a year that is.
//!
//! An interest period runs over the days in **(from, to]**: the first day is the day after `from`
//! and `to` itself counts. That is how late-payment interest is counted: penalties are due from
//! the day after the due date (C. com. L441-10 II: "exigibles le jour suivant la date de
//! règlement"; BGB § 187 (1): the day of the event is not counted; Late Payment of Commercial
//! Debts (Interest) Act 1998 s. 4) up to and including the day of payment.
//!
//! | convention | serde name | days | year fraction | source |
//! |---|---|---|---|---|
//! | ACT/365 (Fixed) | `act_365_fixed` | calendar days | days / 365 | ISDA 2006 Definitions §4.16(d) |
//! | ACT/ACT (ISDA) | `act_act` | calendar days | leap-year days / 366 + other days / 365 | ISDA 2006 Definitions §4.16(b) |
//! | ACT/360 | `act_360` | calendar days | days / 360 | ISDA 2006 Definitions §4.16(e) |
//! | 30E/360 (Eurobond basis) | `thirty_e_360` | 30-day months, a 31st counts as the 30th | days / 360 | ISDA 2006 Definitions §4.16(g) |
//! | 30E/360 (ISDA), "German" | `thirty_e_360_isda` | 30-day months, the last day of any month (so also 28/29 February) counts as the 30th | days / 360 | ISDA 2006 Definitions §4.16(h) |
//!
//! Not provided: the US 30/360 "Bond Basis" of §4.16(f) (whose end-day rule depends on the start
//! day) and ACT/ACT (ICMA) of §4.16(c) (which needs a coupon schedule).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::date::{days_between, days_in_month, is_leap_year};
use crate::error::{err, Result};

/// A day-count convention. See the [module documentation](self) for the table of formulas.
///
/// ```
/// use arrears::calendar::{DayCount, date::parse_date};
/// use rust_decimal::Decimal;
/// let (from, to) = (parse_date("2024-02-01")?, parse_date("2024-03-01")?);
/// assert_eq!(DayCount::Act365Fixed.days(from, to)?, 29);
/// assert_eq!(DayCount::Act360.year_fraction(from, to)?, Decimal::new(29, 0) / Decimal::new(360, 0));
/// assert_eq!(DayCount::ThirtyE360.days(from, to)?, 30);
/// # Ok::<(), arrears::Error>(())
/// ```
#[non_exhaustive]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "A day-count convention (docs/interest.md): the default is `act_365_fixed`."
    )
)]
pub enum DayCount {
    /// ACT/365 (Fixed), ISDA 2006 §4.16(d): actual days over 365, leap years included. The
    /// default: the basis French, UK and most German late-payment sources use.
    #[default]
    #[serde(rename = "act_365_fixed")]
    Act365Fixed,
    /// ACT/ACT (ISDA), ISDA 2006 §4.16(b): the days falling in a leap year over 366 plus the days
    /// falling in other years over 365; a period across a year end is split at 31 December.
    /// Days are those of (from, to], not the [from, to) of the ISDA text: see
    /// [`DayCount::fraction_parts`].
    #[serde(rename = "act_act")]
    ActAct,
    /// ACT/360, ISDA 2006 §4.16(e): actual days over 360.
    #[serde(rename = "act_360")]
    Act360,
    /// 30E/360 ("Eurobond basis"), ISDA 2006 §4.16(g): every month has 30 days; a start or end
    /// day of 31 becomes 30. The last day of February stays 28 or 29.
    /// `360 × (Y2 − Y1) + 30 × (M2 − M1) + (D2 − D1)` over 360.
    #[serde(rename = "thirty_e_360")]
    ThirtyE360,
    /// 30E/360 (ISDA), ISDA 2006 §4.16(h), also called "30/360 German": as [`ThirtyE360`], but a
    /// start or end day that is the **last day of its month** becomes 30, so 28 February 2025
    /// and 29 February 2024 count as the 30th. ISDA keeps an end date on the last day of February
    /// when it is the swap's Termination Date; a late-payment period has no termination date,
    /// so the end day is always adjusted.
    ///
    /// [`ThirtyE360`]: DayCount::ThirtyE360
    #[serde(rename = "thirty_e_360_isda")]
    ThirtyE360Isda,
}

impl DayCount {
    /// Every convention, in documentation order.
    pub const ALL: &'static [DayCount] = &[
        DayCount::Act365Fixed,
        DayCount::ActAct,
        DayCount::Act360,
        DayCount::ThirtyE360,
        DayCount::ThirtyE360Isda,
    ];

    /// The stable name used in documents, e.g. `"act_365_fixed"`.
    ///
    /// ```
    /// assert_eq!(arrears::calendar::DayCount::ThirtyE360Isda.as_str(), "thirty_e_360_isda");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            DayCount::Act365Fixed => "act_365_fixed",
            DayCount::ActAct => "act_act",
            DayCount::Act360 => "act_360",
            DayCount::ThirtyE360 => "thirty_e_360",
            DayCount::ThirtyE360Isda => "thirty_e_360_isda",
        }
    }

    /// The number of days of the period (from, to]: calendar days for the ACT conventions, days
    /// of 30-day months for the 30E conventions.
    ///
    /// # Errors
    /// `calendar.invalid_range` when `to` is before `from`.
    ///
    /// ```
    /// use arrears::calendar::{DayCount, date::parse_date};
    /// // 31 January to 28 February 2025: 28 actual days; 30E/360 counts 31 Jan as the 30th
    /// // (28 days); 30E/360 ISDA also counts 28 Feb, the month's last day, as the 30th (30 days).
    /// let (from, to) = (parse_date("2025-01-31")?, parse_date("2025-02-28")?);
    /// assert_eq!(DayCount::ActAct.days(from, to)?, 28);
    /// assert_eq!(DayCount::ThirtyE360.days(from, to)?, 28);
    /// assert_eq!(DayCount::ThirtyE360Isda.days(from, to)?, 30);
    /// assert_eq!(DayCount::Act360.days(to, from).unwrap_err().code().as_str(), "calendar.invalid_range");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn days(self, from: NaiveDate, to: NaiveDate) -> Result<i64> {
        check_range(from, to)?;
        match self {
            DayCount::Act365Fixed | DayCount::ActAct | DayCount::Act360 => {
                Ok(days_between(from, to))
            }
            DayCount::ThirtyE360 => thirty_360(from, to, false),
            DayCount::ThirtyE360Isda => thirty_360(from, to, true),
        }
    }

    /// The period (from, to] as exact fractions `(days, denominator)` whose sum is the year
    /// fraction, so that an interest engine can multiply before it divides and round once.
    ///
    /// ACT/ACT gives one piece per calendar year the period touches (`366` for a leap year,
    /// `365` otherwise), none for an empty period; the other conventions give exactly one piece
    /// (`365` or `360`). The days of the pieces always add up to [`DayCount::days`].
    ///
    /// For ACT/ACT the days of a year are those of (from, to] that fall in it: the day after
    /// `from` is the first one counted, consistent with the rest of the crate. The ISDA text
    /// counts [from, to) instead, so at a year end the two readings attribute one day to
    /// different years: 31 December 2023 → 1 January 2024 is 1/366 here and 1/365 there.
    ///
    /// # Errors
    /// `calendar.invalid_range` when `to` is before `from`.
    ///
    /// ```
    /// use arrears::calendar::{DayCount, date::parse_date};
    /// // 15 December 2023 to 15 January 2024: 16 days of 2023 (16–31 Dec), 15 of leap year 2024.
    /// let parts = DayCount::ActAct.fraction_parts(parse_date("2023-12-15")?, parse_date("2024-01-15")?)?;
    /// assert_eq!(parts, vec![(16, 365), (15, 366)]);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn fraction_parts(self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(i64, i64)>> {
        let days = self.days(from, to)?;
        match self {
            DayCount::Act365Fixed => Ok(vec![(days, 365)]),
            DayCount::Act360 | DayCount::ThirtyE360 | DayCount::ThirtyE360Isda => {
                Ok(vec![(days, 360)])
            }
            DayCount::ActAct => act_act_parts(from, to),
        }
    }

    /// The year fraction of (from, to]: the sum of [`DayCount::fraction_parts`], computed as one
    /// exact rational and divided once, to the 28 significant digits of [`Decimal`]. Round it
    /// only where a result is reported.
    ///
    /// # Errors
    /// `calendar.invalid_range` when `to` is before `from`; `money.overflow` if the decimal
    /// division fails (it cannot for dates chrono supports).
    ///
    /// ```
    /// use arrears::calendar::{DayCount, date::parse_date};
    /// use rust_decimal::Decimal;
    /// let y = DayCount::ActAct.year_fraction(parse_date("2023-12-31")?, parse_date("2024-12-31")?)?;
    /// assert_eq!(y, Decimal::ONE); // all 366 days fall in 2024
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn year_fraction(self, from: NaiveDate, to: NaiveDate) -> Result<Decimal> {
        let (num, den) = sum_fractions(&self.fraction_parts(from, to)?)?;
        Decimal::from_i128_with_scale(num, 0)
            .checked_div(Decimal::from_i128_with_scale(den, 0))
            .ok_or_else(|| err!(Overflow, "year fraction {num}/{den} is out of range"))
    }
}

impl fmt::Display for DayCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DayCount {
    type Err = crate::Error;

    /// Parses the document name (`"act_act"`, …).
    ///
    /// ```
    /// use arrears::calendar::DayCount;
    /// assert_eq!("act_360".parse::<DayCount>()?, DayCount::Act360);
    /// assert_eq!("30/360".parse::<DayCount>().unwrap_err().code().as_str(), "input.invalid_value");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<DayCount> {
        DayCount::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| {
                let known: Vec<&str> = DayCount::ALL.iter().map(|c| c.as_str()).collect();
                err!(
                    InvalidValue,
                    "unknown day-count convention {s:?}; known: {}",
                    known.join(", ")
                )
            })
    }
}

fn check_range(from: NaiveDate, to: NaiveDate) -> Result<()> {
    if to < from {
        Err(err!(
            InvalidRange,
            "the period ends ({to}) before it starts ({from})"
        ))
    } else {
        Ok(())
    }
}

fn thirty_360(from: NaiveDate, to: NaiveDate, isda: bool) -> Result<i64> {
    let adjust = |d: NaiveDate| -> i64 {
        let last = d.day() == days_in_month(d.year(), d.month());
        if d.day() == 31 || (isda && last) {
            30
        } else {
            i64::from(d.day())
        }
    };
    // Years are within ±262,143 (chrono's range), so nothing here can overflow an i64; the
    // checked forms only satisfy the crate's no-panic rule.
    let years = i64::from(to.year()).checked_sub(i64::from(from.year()));
    let months = i64::from(to.month()).checked_sub(i64::from(from.month()));
    years
        .and_then(|y| y.checked_mul(360))
        .and_then(|y| {
            months
                .and_then(|m| m.checked_mul(30))
                .and_then(|m| y.checked_add(m))
        })
        .and_then(|ym| ym.checked_add(adjust(to)))
        .and_then(|v| v.checked_sub(adjust(from)))
        .ok_or_else(|| err!(DateOutOfRange, "30/360 count from {from} to {to} overflows"))
}

fn year_basis(year: i32) -> i64 {
    if is_leap_year(year) {
        366
    } else {
        365
    }
}

fn act_act_parts(from: NaiveDate, to: NaiveDate) -> Result<Vec<(i64, i64)>> {
    let mut parts = Vec::new();
    let mut start = from;
    for year in from.year()..=to.year() {
        let end = if year == to.year() {
            to
        } else {
            NaiveDate::from_ymd_opt(year, 12, 31)
                .ok_or_else(|| err!(DateOutOfRange, "31 December {year} is out of range"))?
        };
        let days = days_between(start, end);
        // A period starting on 31 December touches its year with no day in it.
        if days > 0 {
            parts.push((days, year_basis(year)));
        }
        start = end;
    }
    Ok(parts)
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        let r = a.checked_rem(b).unwrap_or(0);
        a = b;
        b = r;
    }
    a.checked_abs().unwrap_or(1).max(1)
}

/// `Σ days / denominator` as one reduced fraction `(numerator, denominator)`.
fn sum_fractions(parts: &[(i64, i64)]) -> Result<(i128, i128)> {
    let overflow = || err!(Overflow, "year fraction overflows");
    let mut num: i128 = 0;
    let mut den: i128 = 1;
    for &(days, basis) in parts {
        let (d, b) = (i128::from(days), i128::from(basis));
        let n = num
            .checked_mul(b)
            .and_then(|x| d.checked_mul(den).and_then(|y| x.checked_add(y)))
            .ok_or_else(overflow)?;
        let m = den.checked_mul(b).ok_or_else(overflow)?;
        let g = gcd(n, m);
        num = n.checked_div(g).ok_or_else(overflow)?;
        den = m.checked_div(g).ok_or_else(overflow)?;
    }
    Ok((num, den))
}

#[cfg(test)]
// Test arithmetic works on small literals; an overflow there is a failing test, which is fine.
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use crate::calendar::date::parse_date;
    use rust_decimal_macros::dec;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn days(c: DayCount, a: &str, b: &str) -> i64 {
        c.days(d(a), d(b)).unwrap()
    }

    #[test]
    fn act_conventions_count_calendar_days() {
        for c in [DayCount::Act365Fixed, DayCount::ActAct, DayCount::Act360] {
            assert_eq!(days(c, "2024-02-01", "2024-03-01"), 29);
            assert_eq!(days(c, "2023-02-01", "2023-03-01"), 28);
            assert_eq!(days(c, "2024-01-01", "2024-01-01"), 0);
        }
    }

    #[test]
    fn act_365_fixed_ignores_leap_years() {
        let y = DayCount::Act365Fixed
            .year_fraction(d("2024-01-01"), d("2025-01-01"))
            .unwrap();
        assert_eq!(y, dec!(366) / dec!(365));
    }

    #[test]
    fn thirty_e_360_rules() {
        use DayCount::{ThirtyE360 as E, ThirtyE360Isda as I};
        // The 31st counts as the 30th in both.
        assert_eq!(days(E, "2024-01-31", "2024-03-31"), 60);
        assert_eq!(days(I, "2024-01-31", "2024-03-31"), 60);
        // End of February: only the ISDA variant treats it as the 30th.
        assert_eq!(days(E, "2024-02-29", "2024-03-31"), 31);
        assert_eq!(days(I, "2024-02-29", "2024-03-31"), 30);
        assert_eq!(days(E, "2025-01-31", "2025-02-28"), 28);
        assert_eq!(days(I, "2025-01-31", "2025-02-28"), 30);
        // 28 February in a leap year is not the month's last day.
        assert_eq!(days(I, "2024-01-31", "2024-02-28"), 28);
        // A whole year is 360.
        assert_eq!(days(E, "2023-06-15", "2024-06-15"), 360);
        // The 30th and the 31st are the same day in 30-day months.
        assert_eq!(days(E, "2024-01-30", "2024-01-31"), 0);
    }

    #[test]
    fn act_act_splits_at_year_end() {
        let p = DayCount::ActAct
            .fraction_parts(d("2023-12-31"), d("2024-01-01"))
            .unwrap();
        assert_eq!(p, vec![(1, 366)]);
        let p = DayCount::ActAct
            .fraction_parts(d("2023-07-01"), d("2025-03-01"))
            .unwrap();
        assert_eq!(p, vec![(183, 365), (366, 366), (60, 365)]);
        assert!(DayCount::ActAct
            .fraction_parts(d("2024-05-05"), d("2024-05-05"))
            .unwrap()
            .is_empty());
        let y = DayCount::ActAct
            .year_fraction(d("2023-12-15"), d("2024-01-15"))
            .unwrap();
        assert_eq!(y, dec!(16) / dec!(365) + dec!(15) / dec!(366));
    }

    #[test]
    fn reversed_range_is_an_error() {
        for c in DayCount::ALL {
            let e = c.days(d("2024-02-02"), d("2024-02-01")).unwrap_err();
            assert_eq!(e.code(), crate::Code::InvalidRange);
            assert!(c.year_fraction(d("2024-02-02"), d("2024-02-01")).is_err());
        }
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        for c in DayCount::ALL {
            let y = c.year_fraction(NaiveDate::MIN, NaiveDate::MAX).unwrap();
            assert!(y > dec!(500000));
        }
    }

    #[test]
    fn names_round_trip_through_serde_and_from_str() {
        for c in DayCount::ALL {
            let json = serde_json::to_string(c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(serde_json::from_str::<DayCount>(&json).unwrap(), *c);
            assert_eq!(c.as_str().parse::<DayCount>().unwrap(), *c);
        }
    }
}
