//! Business-day calendars and day-count conventions.
//!
//! A [`Calendar`] knows which days are business days: not a Saturday or Sunday, not a public
//! holiday of its country or region, and not one of the extra closures its user gave (a firm's
//! August shutdown). Public holidays are **computed by rule** for every year in
//! [`SUPPORTED_YEARS`] (1995 to 2199), never read from a table, so there is no "last known year"
//! to maintain: see [`holidays`] for the rules and `docs/calendars.md` for their statutes.
//!
//! Built-in calendars, by id ([`CALENDAR_IDS`]):
//!
//! | id | days off besides weekends |
//! |---|---|
//! | `weekends` | none (any year) |
//! | `fr` | the 11 public holidays of Code du travail art. L3133-1 |
//! | `fr_alsace_moselle` | `fr` + Good Friday and 26 December (art. L3134-13) |
//! | `de` | the 9 nationwide holidays (+ Reformationstag 2017) |
//! | `de_bw`, `de_by`, `de_be`, `de_bb`, `de_hb`, `de_hh`, `de_he`, `de_mv`, `de_ni`, `de_nw`, `de_rp`, `de_sl`, `de_sn`, `de_st`, `de_sh`, `de_th` | `de` + the Land's statewide holidays |
//! | `uk_england_wales` | bank holidays of England and Wales, with substitute days |
//!
//! [`DayCount`] holds the day-count conventions (ACT/365F, ACT/ACT, ACT/360, 30E/360 and
//! 30E/360 ISDA) used to turn an interest period into a fraction of a year; [`date`] holds the
//! strict `YYYY-MM-DD` parsing every document uses; [`ops`] holds the `day_count`, `holidays` and
//! `business_days` operations of [`crate::run`].
//!
//! Nothing here keeps global state: each call computes the holidays of the years it touches
//! (a few dozen date computations per year) and keeps them only for the length of the call.
//!
//! ```
//! use arrears::calendar::{Calendar, Roll, date::parse_date};
//! let fr = Calendar::by_id("fr")?;
//! // Easter Monday 2025 is 21 April: the business day after Good Friday is Tuesday 22 April.
//! assert_eq!(fr.next_business_day(parse_date("2025-04-18")?)?, parse_date("2025-04-22")?);
//! assert_eq!(fr.roll(parse_date("2025-04-21")?, Roll::Preceding)?, parse_date("2025-04-18")?);
//! # Ok::<(), arrears::Error>(())
//! ```

pub mod date;
pub mod daycount;
pub mod holidays;
pub mod ops;

use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{err, Result};
use date::{add_days, days_between};
use holidays::{check_year, holiday_dates, rule_holidays, Region};

pub use daycount::DayCount;
pub use holidays::{easter_sunday, GermanState, Holiday, SUPPORTED_YEARS};

/// Every built-in calendar id, in documentation order.
///
/// ```
/// use arrears::calendar::{Calendar, CALENDAR_IDS};
/// for id in CALENDAR_IDS {
///     assert_eq!(Calendar::by_id(id)?.id(), *id);
/// }
/// # Ok::<(), arrears::Error>(())
/// ```
pub const CALENDAR_IDS: &[&str] = &[
    "weekends",
    "fr",
    "fr_alsace_moselle",
    "de",
    "de_bw",
    "de_by",
    "de_be",
    "de_bb",
    "de_hb",
    "de_hh",
    "de_he",
    "de_mv",
    "de_ni",
    "de_nw",
    "de_rp",
    "de_sl",
    "de_sn",
    "de_st",
    "de_sh",
    "de_th",
    "uk_england_wales",
];

/// How a date that is not a business day is moved (the business day conventions of the ISDA
/// definitions).
///
/// ```
/// use arrears::calendar::{Calendar, Roll, date::parse_date};
/// let uk = Calendar::uk_england_wales();
/// // Saturday 31 May 2025: following is Monday 2 June, which is in the next month, so
/// // modified following goes back to Friday 30 May.
/// let sat = parse_date("2025-05-31")?;
/// assert_eq!(uk.roll(sat, Roll::Following)?, parse_date("2025-06-02")?);
/// assert_eq!(uk.roll(sat, Roll::ModifiedFollowing)?, parse_date("2025-05-30")?);
/// assert_eq!(uk.roll(sat, Roll::None)?, sat);
/// # Ok::<(), arrears::Error>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "How a date that is not a business day is moved (the business day conventions of the ISDA definitions)."
    )
)]
#[serde(rename_all = "snake_case")]
pub enum Roll {
    /// Keep the date as it is.
    #[default]
    None,
    /// The next business day (BGB § 193 for a deadline ending on a weekend or holiday).
    Following,
    /// The previous business day.
    Preceding,
    /// The next business day, unless it is in the next month: then the previous one.
    ModifiedFollowing,
}

/// A business-day calendar: weekend days, public holidays computed by rule, extra closures.
///
/// Cheap to clone (an id and the closures); build one with [`Calendar::by_id`] or a named
/// constructor, then add closures with [`Calendar::with_closures`]. In documents a calendar is a
/// [`CalendarSpec`]: `"fr"` or `{"id": "fr", "closures": ["2025-08-11"]}`.
///
/// Every query on a date of a calendar with public holidays fails with
/// `calendar.unsupported_year` outside [`SUPPORTED_YEARS`]; the `weekends` calendar works for
/// any date.
///
/// ```
/// use arrears::calendar::{Calendar, date::parse_date};
/// let de = Calendar::germany();
/// assert!(!de.is_business_day(parse_date("2025-10-03")?)?); // Tag der Deutschen Einheit
/// assert!(de.is_business_day(parse_date("2025-10-06")?)?);
/// assert_eq!(de.is_business_day(parse_date("1994-10-03")?).unwrap_err().code().as_str(),
///            "calendar.unsupported_year");
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Calendar {
    region: Region,
    // Sorted, without duplicates.
    closures: Vec<NaiveDate>,
}

impl Calendar {
    fn of(region: Region) -> Calendar {
        Calendar {
            region,
            closures: Vec::new(),
        }
    }

    /// A calendar by identifier: one of [`CALENDAR_IDS`] (`fr`, `fr_alsace_moselle`, `de`,
    /// `de_by`, …, `uk_england_wales`, `weekends`).
    ///
    /// # Errors
    /// `calendar.unknown_calendar`, listing the known ids.
    ///
    /// ```
    /// use arrears::calendar::Calendar;
    /// assert_eq!(Calendar::by_id("de_nw")?.id(), "de_nw");
    /// let e = Calendar::by_id("fr_paris").unwrap_err();
    /// assert_eq!(e.code().as_str(), "calendar.unknown_calendar");
    /// assert!(e.message().contains("fr_alsace_moselle"));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn by_id(id: &str) -> Result<Calendar> {
        Region::from_id(id).map(Calendar::of).ok_or_else(|| {
            err!(
                UnknownCalendar,
                "unknown calendar {id:?}; known: {}",
                CALENDAR_IDS.join(", ")
            )
        })
    }

    /// Saturdays and Sundays only, no public holidays (`weekends`).
    ///
    /// ```
    /// use arrears::calendar::{Calendar, date::parse_date};
    /// assert!(Calendar::weekends().is_business_day(parse_date("2025-12-25")?)?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn weekends() -> Calendar {
        Calendar::of(Region::Weekends)
    }

    /// France (`fr`): Code du travail art. L3133-1.
    ///
    /// ```
    /// assert_eq!(arrears::calendar::Calendar::france().holidays(2025)?.len(), 11);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn france() -> Calendar {
        Calendar::of(Region::France)
    }

    /// Alsace-Moselle (`fr_alsace_moselle`): France plus Good Friday and 26 December
    /// (Code du travail art. L3134-13).
    ///
    /// ```
    /// use arrears::calendar::{Calendar, date::parse_date};
    /// let good_friday = parse_date("2025-04-18")?;
    /// assert!(Calendar::france().is_business_day(good_friday)?);
    /// assert!(!Calendar::france_alsace_moselle().is_business_day(good_friday)?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn france_alsace_moselle() -> Calendar {
        Calendar::of(Region::FranceAlsaceMoselle)
    }

    /// Germany, nationwide holidays only (`de`).
    ///
    /// ```
    /// assert_eq!(arrears::calendar::Calendar::germany().id(), "de");
    /// ```
    pub fn germany() -> Calendar {
        Calendar::of(Region::Germany(None))
    }

    /// A German Land (`de_bw`, `de_by`, …): the nationwide holidays plus the Land's statewide ones.
    ///
    /// ```
    /// use arrears::calendar::{Calendar, GermanState, date::parse_date};
    /// let nw = Calendar::germany_state(GermanState::NordrheinWestfalen);
    /// assert!(!nw.is_business_day(parse_date("2025-06-19")?)?); // Fronleichnam
    /// assert!(Calendar::germany().is_business_day(parse_date("2025-06-19")?)?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn germany_state(state: GermanState) -> Calendar {
        Calendar::of(Region::Germany(Some(state)))
    }

    /// England and Wales bank holidays (`uk_england_wales`), with substitute days.
    ///
    /// ```
    /// use arrears::calendar::{Calendar, date::parse_date};
    /// // Christmas 2021 fell on a Saturday: Monday 27 and Tuesday 28 December were bank holidays.
    /// let uk = Calendar::uk_england_wales();
    /// assert_eq!(uk.next_business_day(parse_date("2021-12-24")?)?, parse_date("2021-12-29")?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn uk_england_wales() -> Calendar {
        Calendar::of(Region::UkEnglandWales)
    }

    /// The same calendar with extra closed days (a firm's shutdown, a local holiday the
    /// built-in rules leave out), added to any it already has. Closures are never business
    /// days, whatever the day of the week.
    ///
    /// ```
    /// use arrears::calendar::{Calendar, date::parse_date};
    /// let shutdown = (11..=15).map(|d| parse_date(&format!("2025-08-{d:02}")))
    ///     .collect::<Result<Vec<_>, _>>()?;
    /// let firm = Calendar::france().with_closures(shutdown);
    /// // Friday 8 August + 1 business day: 11-15 are closed, so Monday 18 August.
    /// assert_eq!(firm.add_business_days(parse_date("2025-08-08")?, 1)?, parse_date("2025-08-18")?);
    /// assert_eq!(firm.closures().len(), 5);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    #[must_use]
    pub fn with_closures(mut self, dates: impl IntoIterator<Item = NaiveDate>) -> Calendar {
        self.closures.extend(dates);
        self.closures.sort_unstable();
        self.closures.dedup();
        self
    }

    /// The identifier of the built-in calendar this one is based on (closures aside).
    ///
    /// ```
    /// let cal = arrears::calendar::Calendar::by_id("de_sn")?;
    /// assert_eq!(cal.id(), "de_sn");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn id(&self) -> &'static str {
        self.region.id()
    }

    /// The extra closures, sorted.
    ///
    /// ```
    /// assert!(arrears::calendar::Calendar::france().closures().is_empty());
    /// ```
    pub fn closures(&self) -> &[NaiveDate] {
        &self.closures
    }

    /// The calendar as a document.
    ///
    /// ```
    /// use arrears::calendar::{Calendar, date::parse_date};
    /// let cal = Calendar::france().with_closures([parse_date("2025-08-14")?]);
    /// assert_eq!(serde_json::to_value(cal.to_spec()).unwrap(),
    ///            serde_json::json!({"id": "fr", "closures": ["2025-08-14"]}));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn to_spec(&self) -> CalendarSpec {
        CalendarSpec {
            id: self.id().to_string(),
            closures: self.closures.clone(),
        }
    }

    /// The days off in `year` besides weekends, sorted by date: the public holidays (even those
    /// that fall on a weekend, as the statutes list them) and the calendar's closures in that
    /// year. Two holidays may share a date (Ascension fell on 1 May in 2008); a closure on a
    /// public holiday is not listed again. For England and Wales the list is the bank holidays as
    /// observed (as gov.uk publishes them): a Christmas Day on a Saturday appears as its
    /// substitute Monday.
    ///
    /// # Errors
    /// `calendar.unsupported_year` for a calendar with public holidays and a year outside
    /// [`SUPPORTED_YEARS`].
    ///
    /// ```
    /// use arrears::calendar::Calendar;
    /// let names: Vec<String> = Calendar::by_id("de_by")?.holidays(2025)?
    ///     .into_iter().map(|h| h.local_name).collect();
    /// assert_eq!(names.first().map(String::as_str), Some("Neujahr"));
    /// assert!(names.iter().any(|n| n == "Fronleichnam"));
    /// assert!(!names.iter().any(|n| n == "Mariä Himmelfahrt")); // Catholic communes only
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn holidays(&self, year: i32) -> Result<Vec<Holiday>> {
        let rules = rule_holidays(self.region, year)?;
        let closure_name = self.region.closure_name();
        let mut out: Vec<Holiday> = rules.iter().map(|h| h.to_holiday()).collect();
        for &date in &self.closures {
            if date.year() == year && !rules.iter().any(|h| h.date == date) {
                out.push(Holiday {
                    date,
                    name: closure_name.en.to_string(),
                    local_name: closure_name.local.to_string(),
                });
            }
        }
        out.sort_by_key(|h| h.date);
        Ok(out)
    }

    /// `true` when `date` is a business day: not a Saturday or Sunday, not a public holiday, not
    /// a closure.
    ///
    /// # Errors
    /// `calendar.unsupported_year`.
    ///
    /// ```
    /// use arrears::calendar::{Calendar, date::parse_date};
    /// let fr = Calendar::france();
    /// assert!(!fr.is_business_day(parse_date("2024-04-01")?)?); // Lundi de Pâques
    /// assert!(fr.is_business_day(parse_date("2024-04-02")?)?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn is_business_day(&self, date: NaiveDate) -> Result<bool> {
        Lookup::new(self).is_business_day(date)
    }

    /// The first business day strictly after `date`.
    ///
    /// # Errors
    /// `calendar.unsupported_year`, `date.out_of_range`.
    ///
    /// ```
    /// use arrears::calendar::{Calendar, date::parse_date};
    /// // Christmas 2026 is a Friday and Boxing Day a Saturday, whose substitute is Monday 28:
    /// // after Thursday 24 December the next business day is Tuesday 29.
    /// let uk = Calendar::uk_england_wales();
    /// assert_eq!(uk.next_business_day(parse_date("2026-12-24")?)?, parse_date("2026-12-29")?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn next_business_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        Lookup::new(self).step(date, 1)
    }

    /// The last business day strictly before `date`.
    ///
    /// # Errors
    /// `calendar.unsupported_year`, `date.out_of_range`.
    ///
    /// ```
    /// use arrears::calendar::{Calendar, date::parse_date};
    /// // Tuesday 2 January 2024: 1 January is a holiday, so Friday 29 December 2023.
    /// let fr = Calendar::france();
    /// assert_eq!(fr.previous_business_day(parse_date("2024-01-02")?)?, parse_date("2023-12-29")?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn previous_business_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        Lookup::new(self).step(date, -1)
    }

    /// Moves `date` to a business day by `roll`; a business day is returned unchanged, and
    /// [`Roll::None`] returns any date unchanged without looking at the calendar.
    ///
    /// # Errors
    /// `calendar.unsupported_year`, `date.out_of_range`.
    ///
    /// ```
    /// use arrears::calendar::{Calendar, Roll, date::parse_date};
    /// // Sunday 31 August 2025 in France: following is Monday 1 September (next month), so
    /// // modified following gives Friday 29 August.
    /// let fr = Calendar::france();
    /// let sun = parse_date("2025-08-31")?;
    /// assert_eq!(fr.roll(sun, Roll::Following)?, parse_date("2025-09-01")?);
    /// assert_eq!(fr.roll(sun, Roll::ModifiedFollowing)?, parse_date("2025-08-29")?);
    /// assert_eq!(fr.roll(sun, Roll::Preceding)?, parse_date("2025-08-29")?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn roll(&self, date: NaiveDate, roll: Roll) -> Result<NaiveDate> {
        let mut days = Lookup::new(self);
        match roll {
            Roll::None => Ok(date),
            Roll::Following => days.roll_following(date),
            Roll::Preceding => days.roll_preceding(date),
            Roll::ModifiedFollowing => {
                let following = days.roll_following(date)?;
                if following.month() == date.month() && following.year() == date.year() {
                    Ok(following)
                } else {
                    days.roll_preceding(date)
                }
            }
        }
    }

    /// The date `n` business days after `date` (before it when `n` is negative). The start date
    /// itself is never counted, so a Saturday plus one business day is the Monday. With `n = 0`
    /// the result is `date` when it is a business day, else the next business day
    /// ([`Roll::Following`]).
    ///
    /// Long offsets skip whole years at a time, so the cost grows with the number of years
    /// crossed, not with `n`.
    ///
    /// # Errors
    /// `calendar.unsupported_year` when the walk leaves [`SUPPORTED_YEARS`] (calendars with public
    /// holidays), `date.out_of_range` when it leaves the range of dates.
    ///
    /// ```
    /// use arrears::calendar::{Calendar, date::parse_date};
    /// let fr = Calendar::france();
    /// // Thursday 28 March 2024 + 2: Friday 29, then Tuesday 2 April (Easter Monday is 1 April).
    /// assert_eq!(fr.add_business_days(parse_date("2024-03-28")?, 2)?, parse_date("2024-04-02")?);
    /// assert_eq!(fr.add_business_days(parse_date("2024-04-02")?, -2)?, parse_date("2024-03-28")?);
    /// assert_eq!(fr.add_business_days(parse_date("2024-03-30")?, 0)?, parse_date("2024-04-02")?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn add_business_days(&self, date: NaiveDate, n: i64) -> Result<NaiveDate> {
        let mut days = Lookup::new(self);
        if n == 0 {
            return days.roll_following(date);
        }
        let forward = n > 0;
        let mut remaining = n.unsigned_abs();
        let mut cur = date;
        // Skip whole years while the rest of the offset does not end in them.
        loop {
            let (lo, hi) = if forward {
                (cur, year_end(add_days(cur, 1)?.year())?)
            } else {
                let first = year_start(add_days(cur, -1)?.year())?;
                (add_days(first, -1)?, add_days(cur, -1)?)
            };
            let count = days.count_between(lo, hi)?;
            if count >= remaining {
                break;
            }
            remaining = remaining.saturating_sub(count);
            cur = if forward { hi } else { add_days(lo, 1)? };
        }
        let sign = if forward { 1 } else { -1 };
        while remaining > 0 {
            cur = days.step(cur, sign)?;
            remaining = remaining.saturating_sub(1);
        }
        Ok(cur)
    }

    /// The number of business days in (from, to]: `from` is not counted, `to` is. So
    /// `business_days_between(d, add_business_days(d, n)?) == n` for every `n ≥ 1`.
    ///
    /// # Errors
    /// `calendar.invalid_range` when `to` is before `from`; `calendar.unsupported_year` when
    /// the period touches a year outside [`SUPPORTED_YEARS`] (calendars with public holidays).
    ///
    /// ```
    /// use arrears::calendar::{Calendar, date::parse_date};
    /// // December 2025 in France: 23 weekdays, minus Christmas Day.
    /// let fr = Calendar::france();
    /// assert_eq!(fr.business_days_between(parse_date("2025-11-30")?, parse_date("2025-12-31")?)?, 22);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn business_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<i64> {
        if to < from {
            return Err(err!(
                InvalidRange,
                "the period ends ({to}) before it starts ({from})"
            ));
        }
        let count = Lookup::new(self).count_between(from, to)?;
        i64::try_from(count).map_err(|_| err!(DateOutOfRange, "too many business days"))
    }
}

/// The examples of `docs/calendars.md`, run as doctests so the page cannot drift from the code.
#[doc = include_str!("../../../docs/calendars.md")]
#[cfg(doctest)]
pub struct CalendarsDoctests;

impl fmt::Display for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())?;
        if !self.closures.is_empty() {
            write!(f, " (+{} closures)", self.closures.len())?;
        }
        Ok(())
    }
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn year_start(year: i32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(|| err!(DateOutOfRange, "year {year}"))
}

fn year_end(year: i32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(|| err!(DateOutOfRange, "year {year}"))
}

/// Mondays to Fridays in (from, to], for `from <= to`, in constant time.
fn weekdays_between(from: NaiveDate, to: NaiveDate) -> u64 {
    let days = u64::try_from(days_between(from, to)).unwrap_or(0);
    let (weeks, rest) = (days.div_euclid(7), days.rem_euclid(7));
    let mut count = weeks.saturating_mul(5);
    let mut day = from.weekday();
    for _ in 0..rest {
        day = day.succ();
        if !matches!(day, Weekday::Sat | Weekday::Sun) {
            count = count.saturating_add(1);
        }
    }
    count
}

/// One call's view of a calendar, keeping the holiday dates of the last year it looked at.
struct Lookup<'a> {
    calendar: &'a Calendar,
    year: Option<i32>,
    holidays: Vec<NaiveDate>,
}

impl<'a> Lookup<'a> {
    fn new(calendar: &'a Calendar) -> Lookup<'a> {
        Lookup {
            calendar,
            year: None,
            holidays: Vec::new(),
        }
    }

    /// The sorted, distinct holiday dates of `year`.
    fn holidays_of(&mut self, year: i32) -> Result<&[NaiveDate]> {
        if self.year != Some(year) {
            self.holidays = holiday_dates(self.calendar.region, year)?;
            self.year = Some(year);
        }
        Ok(&self.holidays)
    }

    fn is_public_holiday(&mut self, date: NaiveDate) -> Result<bool> {
        if !self.calendar.region.has_rules() {
            return Ok(false);
        }
        Ok(self.holidays_of(date.year())?.binary_search(&date).is_ok())
    }

    fn is_business_day(&mut self, date: NaiveDate) -> Result<bool> {
        // The year is checked first so that a weekend outside the range fails like a weekday.
        if self.calendar.region.has_rules() {
            check_year(date.year())?;
        }
        if is_weekend(date) || self.calendar.closures.binary_search(&date).is_ok() {
            return Ok(false);
        }
        Ok(!self.is_public_holiday(date)?)
    }

    /// The nearest business day strictly after (`sign` 1) or before (`sign` -1) `date`.
    fn step(&mut self, date: NaiveDate, sign: i64) -> Result<NaiveDate> {
        let mut cur = date;
        loop {
            cur = add_days(cur, sign)?;
            if self.is_business_day(cur)? {
                return Ok(cur);
            }
        }
    }

    fn roll_following(&mut self, date: NaiveDate) -> Result<NaiveDate> {
        if self.is_business_day(date)? {
            Ok(date)
        } else {
            self.step(date, 1)
        }
    }

    fn roll_preceding(&mut self, date: NaiveDate) -> Result<NaiveDate> {
        if self.is_business_day(date)? {
            Ok(date)
        } else {
            self.step(date, -1)
        }
    }

    /// Business days in (from, to], for `from <= to`: weekdays, less the distinct public
    /// holidays and closures that fall on a weekday.
    fn count_between(&mut self, from: NaiveDate, to: NaiveDate) -> Result<u64> {
        if to <= from {
            return Ok(0);
        }
        let mut off: u64 = 0;
        if self.calendar.region.has_rules() {
            let first = add_days(from, 1)?.year();
            for year in first..=to.year() {
                let in_range = self
                    .holidays_of(year)?
                    .iter()
                    .filter(|d| **d > from && **d <= to && !is_weekend(**d))
                    .count();
                off = off.saturating_add(u64::try_from(in_range).unwrap_or(0));
            }
        }
        let calendar = self.calendar;
        let closures = &calendar.closures;
        let lo = closures.partition_point(|c| *c <= from);
        let hi = closures.partition_point(|c| *c <= to);
        for &date in closures.get(lo..hi).unwrap_or(&[]) {
            if !is_weekend(date) && !self.is_public_holiday(date)? {
                off = off.saturating_add(1);
            }
        }
        Ok(weekdays_between(from, to).saturating_sub(off))
    }
}

/// A calendar as documents write it: a built-in id, optionally with extra closures.
///
/// Written as a plain string when there are no closures (`"fr"`), else as an object
/// (`{"id": "fr", "closures": ["2025-08-11", "2025-08-12"]}`); both forms are read, with strict
/// dates (`date.invalid` for `2025-02-30`) and no unknown fields. The id is checked by
/// [`CalendarSpec::to_calendar`].
///
/// ```
/// use arrears::calendar::CalendarSpec;
/// let plain: CalendarSpec = serde_json::from_str(r#""uk_england_wales""#).unwrap();
/// let firm: CalendarSpec = serde_json::from_str(
///     r#"{"id": "fr", "closures": ["2025-08-11", "2025-08-12"]}"#).unwrap();
/// assert_eq!(plain.to_calendar()?.id(), "uk_england_wales");
/// assert_eq!(firm.to_calendar()?.closures().len(), 2);
/// assert!(serde_json::from_str::<CalendarSpec>(r#"{"id": "fr", "closures": ["2025-02-30"]}"#).is_err());
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct CalendarSpec {
    /// The built-in calendar id, one of [`CALENDAR_IDS`].
    pub id: String,
    /// Extra closed days.
    pub closures: Vec<NaiveDate>,
}

impl CalendarSpec {
    /// A spec for a built-in id without closures.
    ///
    /// ```
    /// assert_eq!(arrears::calendar::CalendarSpec::new("fr").id, "fr");
    /// ```
    pub fn new(id: impl Into<String>) -> CalendarSpec {
        CalendarSpec {
            id: id.into(),
            closures: Vec::new(),
        }
    }

    /// The calendar this document describes.
    ///
    /// # Errors
    /// `calendar.unknown_calendar`.
    ///
    /// ```
    /// use arrears::calendar::CalendarSpec;
    /// assert_eq!(CalendarSpec::new("de_be").to_calendar()?.id(), "de_be");
    /// assert!(CalendarSpec::new("de_xx").to_calendar().is_err());
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn to_calendar(&self) -> Result<Calendar> {
        Ok(Calendar::by_id(&self.id)?.with_closures(self.closures.iter().copied()))
    }
}

impl From<&Calendar> for CalendarSpec {
    fn from(calendar: &Calendar) -> CalendarSpec {
        calendar.to_spec()
    }
}

impl Serialize for CalendarSpec {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        if self.closures.is_empty() {
            return s.serialize_str(&self.id);
        }
        struct Dates<'a>(&'a [NaiveDate]);
        impl Serialize for Dates<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                date::serde_date::vec::serialize(self.0, s)
            }
        }
        let mut st = s.serialize_struct("CalendarSpec", 2)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("closures", &Dates(&self.closures))?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for CalendarSpec {
    // By hand rather than `#[serde(untagged)]`, which would replace the precise error of a bad
    // closure date (`date.invalid` at `closures[2]`) with "did not match any variant".
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<CalendarSpec, D::Error> {
        struct SpecVisitor;

        #[derive(Deserialize)]
        #[serde(field_identifier, rename_all = "snake_case")]
        enum Field {
            Id,
            Closures,
        }

        struct Dates(Vec<NaiveDate>);
        impl<'de> Deserialize<'de> for Dates {
            fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Dates, D::Error> {
                date::serde_date::vec::deserialize(d).map(Dates)
            }
        }

        impl<'de> Visitor<'de> for SpecVisitor {
            type Value = CalendarSpec;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"a calendar id such as "fr", or {"id": "fr", "closures": [dates]}"#)
            }

            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<CalendarSpec, E> {
                Ok(CalendarSpec::new(v))
            }

            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<CalendarSpec, A::Error> {
                let mut id: Option<String> = None;
                let mut closures: Option<Vec<NaiveDate>> = None;
                while let Some(key) = map.next_key::<Field>()? {
                    match key {
                        Field::Id if id.is_some() => return Err(de::Error::duplicate_field("id")),
                        Field::Id => id = Some(map.next_value()?),
                        Field::Closures if closures.is_some() => {
                            return Err(de::Error::duplicate_field("closures"))
                        }
                        Field::Closures => closures = Some(map.next_value::<Dates>()?.0),
                    }
                }
                let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
                Ok(CalendarSpec {
                    id,
                    closures: closures.unwrap_or_default(),
                })
            }
        }

        d.deserialize_any(SpecVisitor)
    }
}

impl Serialize for Calendar {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.to_spec().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Calendar {
    /// Reads a [`CalendarSpec`] and checks its id (`calendar.unknown_calendar`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Calendar, D::Error> {
        CalendarSpec::deserialize(d)?
            .to_calendar()
            .map_err(crate::document::de_error)
    }
}

#[cfg(test)]
// Test arithmetic works on small literals; an overflow there is a failing test, which is fine.
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use crate::calendar::date::parse_date;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn ids_match_the_regions() {
        let ids: Vec<&str> = Region::ALL.iter().map(|r| r.id()).collect();
        assert_eq!(ids, CALENDAR_IDS);
        for s in GermanState::ALL {
            assert_eq!(Calendar::germany_state(*s).id(), format!("de_{}", s.code()));
        }
    }

    #[test]
    fn unknown_calendar_lists_known_ids() {
        let e = Calendar::by_id("FR").unwrap_err();
        assert_eq!(e.code(), crate::Code::UnknownCalendar);
        assert!(e.message().contains("uk_england_wales"));
    }

    #[test]
    fn weekends_calendar_has_no_year_limit() {
        let w = Calendar::weekends();
        assert!(w.is_business_day(d("1900-01-01")).unwrap());
        assert!(w.holidays(1800).unwrap().is_empty());
        assert_eq!(
            Calendar::france()
                .is_business_day(d("1994-12-31"))
                .unwrap_err()
                .code(),
            crate::Code::UnsupportedYear
        );
    }

    #[test]
    fn walking_off_the_supported_range_fails_cleanly() {
        let fr = Calendar::france();
        let e = fr.add_business_days(d("2199-12-30"), 5).unwrap_err();
        assert_eq!(e.code(), crate::Code::UnsupportedYear);
        let e = fr.previous_business_day(d("1995-01-02")).unwrap_err();
        assert_eq!(e.code(), crate::Code::UnsupportedYear);
        let e = fr.add_business_days(d("2025-01-01"), i64::MAX).unwrap_err();
        assert_eq!(e.code(), crate::Code::UnsupportedYear);
        let e = fr.add_business_days(d("2025-01-01"), i64::MIN).unwrap_err();
        assert_eq!(e.code(), crate::Code::UnsupportedYear);
        let w = Calendar::weekends();
        assert_eq!(
            w.add_business_days(d("2025-01-01"), i64::MAX)
                .unwrap_err()
                .code(),
            crate::Code::DateOutOfRange
        );
        assert_eq!(
            w.next_business_day(NaiveDate::MAX).unwrap_err().code(),
            crate::Code::DateOutOfRange
        );
    }

    #[test]
    fn long_offsets_skip_years() {
        let w = Calendar::weekends();
        // 52 weeks and one day of weekdays later.
        let start = d("2025-01-06"); // Monday
        assert_eq!(w.add_business_days(start, 260).unwrap(), d("2026-01-05"));
        assert_eq!(w.add_business_days(d("2026-01-05"), -260).unwrap(), start);
        let fr = Calendar::france();
        let end = fr.add_business_days(d("1995-01-02"), 50_000).unwrap();
        assert_eq!(
            fr.business_days_between(d("1995-01-02"), end).unwrap(),
            50_000
        );
        assert!(fr.is_business_day(end).unwrap());
    }

    #[test]
    fn closures_on_holidays_and_weekends_count_once() {
        let fr = Calendar::france().with_closures([
            d("2025-12-25"), // already Christmas
            d("2025-12-27"), // a Saturday
            d("2025-12-29"),
            d("2025-12-29"),
        ]);
        assert_eq!(fr.closures().len(), 3);
        // 22 weekdays in (30 Nov, 31 Dec] less Christmas less 29 Dec.
        assert_eq!(
            fr.business_days_between(d("2025-11-30"), d("2025-12-31"))
                .unwrap(),
            21
        );
        let h = fr.holidays(2025).unwrap();
        assert_eq!(h.len(), 13);
        assert!(h.windows(2).all(|w| w[0].date <= w[1].date));
        assert!(h
            .iter()
            .any(|x| x.date == d("2025-12-29") && x.local_name == "Fermeture"));
    }

    #[test]
    fn business_days_between_rejects_reversed_ranges() {
        let e = Calendar::france()
            .business_days_between(d("2025-01-02"), d("2025-01-01"))
            .unwrap_err();
        assert_eq!(e.code(), crate::Code::InvalidRange);
        assert_eq!(
            Calendar::france()
                .business_days_between(d("2025-01-02"), d("2025-01-02"))
                .unwrap(),
            0
        );
    }

    #[test]
    fn modified_following_stays_in_the_month() {
        let de = Calendar::germany();
        // Wednesday 31 December 2025 is a business day in Germany.
        assert_eq!(
            de.roll(d("2025-12-31"), Roll::ModifiedFollowing).unwrap(),
            d("2025-12-31")
        );
        // Sunday 30 November 2025 → Monday 1 December is next month → Friday 28 November.
        assert_eq!(
            de.roll(d("2025-11-30"), Roll::ModifiedFollowing).unwrap(),
            d("2025-11-28")
        );
        // Saturday 1 November 2025 → Monday 3 November stays in the month.
        assert_eq!(
            de.roll(d("2025-11-01"), Roll::ModifiedFollowing).unwrap(),
            d("2025-11-03")
        );
    }

    #[test]
    fn spec_round_trips_in_both_forms() {
        let plain = CalendarSpec::new("fr");
        assert_eq!(serde_json::to_string(&plain).unwrap(), r#""fr""#);
        let with = Calendar::germany_state(GermanState::Sachsen)
            .with_closures([d("2025-08-11")])
            .to_spec();
        let json = serde_json::to_string(&with).unwrap();
        assert_eq!(json, r#"{"id":"de_sn","closures":["2025-08-11"]}"#);
        assert_eq!(serde_json::from_str::<CalendarSpec>(&json).unwrap(), with);
        let cal: Calendar = serde_json::from_str(&json).unwrap();
        assert_eq!(cal.to_spec(), with);
        assert_eq!(serde_json::to_string(&cal).unwrap(), json);
        // Object form without closures is fine; unknown keys and bad dates are not.
        let bare: CalendarSpec = serde_json::from_str(r#"{"id": "fr"}"#).unwrap();
        assert_eq!(bare, plain);
        assert!(serde_json::from_str::<CalendarSpec>(r#"{"id": "fr", "x": 1}"#).is_err());
        assert!(serde_json::from_str::<CalendarSpec>(r#"{"closures": []}"#).is_err());
        assert!(serde_json::from_str::<CalendarSpec>("12").is_err());
        let e = crate::document::request::<CalendarSpec>(
            &serde_json::json!({"id": "fr", "closures": ["2025-08-11", "2025-02-30"]}),
        )
        .unwrap_err();
        assert_eq!(e.code(), crate::Code::InvalidDate);
        let e = crate::document::request::<Calendar>(&serde_json::json!("xx")).unwrap_err();
        assert_eq!(e.code(), crate::Code::UnknownCalendar);
    }

    /// A date between 1998 and 2196: 700 business days (under three years) either side stay
    /// within the supported years.
    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (0_i64..71_500).prop_map(|n| add_days(d("1998-01-01"), n).unwrap())
    }

    fn any_calendar() -> impl Strategy<Value = Calendar> {
        (
            0..CALENDAR_IDS.len(),
            proptest::collection::vec(0_i64..400, 0..6),
        )
            .prop_map(|(i, offsets)| {
                let base = d("2020-06-01");
                Calendar::by_id(CALENDAR_IDS[i])
                    .unwrap()
                    .with_closures(offsets.into_iter().map(|o| add_days(base, o).unwrap()))
            })
    }

    proptest! {
        #[test]
        fn add_business_days_lands_on_a_business_day(
            cal in any_calendar(), date in any_date(), n in -700_i64..700,
        ) {
            let out = cal.add_business_days(date, n).unwrap();
            prop_assert!(cal.is_business_day(out).unwrap());
            if n > 0 { prop_assert!(out > date); }
            if n < 0 { prop_assert!(out < date); }
        }

        #[test]
        fn business_days_between_inverts_add_business_days(
            cal in any_calendar(), date in any_date(), n in 1_i64..700,
        ) {
            let out = cal.add_business_days(date, n).unwrap();
            prop_assert_eq!(cal.business_days_between(date, out).unwrap(), n);
            // Going back n business days from a business day returns to it.
            let start = cal.roll(date, Roll::Following).unwrap();
            let there = cal.add_business_days(start, n).unwrap();
            prop_assert_eq!(cal.add_business_days(there, -n).unwrap(), start);
        }

        #[test]
        fn count_matches_a_day_by_day_walk(
            cal in any_calendar(), date in any_date(), len in 0_i64..60,
        ) {
            let to = add_days(date, len).unwrap();
            let mut walk = 0;
            let mut cur = date;
            while cur < to {
                cur = add_days(cur, 1).unwrap();
                if cal.is_business_day(cur).unwrap() { walk += 1; }
            }
            prop_assert_eq!(cal.business_days_between(date, to).unwrap(), walk);
        }

        #[test]
        fn next_and_previous_bracket_the_date(cal in any_calendar(), date in any_date()) {
            let next = cal.next_business_day(date).unwrap();
            let prev = cal.previous_business_day(date).unwrap();
            prop_assert!(prev < date && date < next);
            prop_assert!(cal.is_business_day(next).unwrap() && cal.is_business_day(prev).unwrap());
            // Nothing in between is a business day except, possibly, the date itself.
            let inside = cal.business_days_between(prev, add_days(next, -1).unwrap()).unwrap();
            prop_assert_eq!(inside, i64::from(cal.is_business_day(date).unwrap()));
            let following = cal.roll(date, Roll::Following).unwrap();
            prop_assert!(following == date || following == next);
        }

        #[test]
        fn act_act_parts_sum_to_days(a in -200_000_i64..200_000, len in 0_i64..5_000) {
            let from = add_days(d("2000-01-01"), a).unwrap();
            let to = add_days(from, len).unwrap();
            let parts = DayCount::ActAct.fraction_parts(from, to).unwrap();
            prop_assert_eq!(parts.iter().map(|p| p.0).sum::<i64>(), len);
            prop_assert!(parts.iter().all(|p| p.0 > 0 && (p.1 == 365 || p.1 == 366)));
            for c in DayCount::ALL {
                let sum: i64 = c.fraction_parts(from, to).unwrap().iter().map(|p| p.0).sum();
                prop_assert_eq!(sum, c.days(from, to).unwrap());
            }
        }

        #[test]
        fn thirty_e_360_is_monotone(a in 0_i64..20_000, len in 0_i64..800, step in 0_i64..40) {
            let from = add_days(d("2000-01-01"), a).unwrap();
            let to = add_days(from, len).unwrap();
            let later = add_days(to, step).unwrap();
            for c in [DayCount::ThirtyE360, DayCount::ThirtyE360Isda] {
                let x = c.days(from, to).unwrap();
                prop_assert!(x >= 0);
                prop_assert!(c.days(from, later).unwrap() >= x);
            }
        }
    }
}
