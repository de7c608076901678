//! Public holidays computed by rule, for every year from 1995 to 2199.
//!
//! No table of dates: each calendar is a list of rules (a fixed day, an offset from Easter Sunday,
//! the n-th weekday of a month, a one-off proclaimed day), each with the statute that makes it a
//! holiday. `docs/calendars.md` lists the rules with their sources and what is not modelled.
//!
//! The range starts in 1995 because Germany abolished the nationwide Buß- und Bettag from that
//! year on (Pflege-Versicherungsgesetz 1994, which paid for long-term care insurance with it);
//! earlier years would need historical rules this module does not carry. It ends in 2199 so that
//! the Gregorian Easter computation and every rule are checked year by year in the tests.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::date::{add_days, serde_date};
use crate::error::{err, Result};

/// The years for which public holidays are computed (1995 to 2199).
///
/// ```
/// assert!(arrears::calendar::SUPPORTED_YEARS.contains(&2025));
/// assert!(!arrears::calendar::SUPPORTED_YEARS.contains(&1994));
/// ```
pub const SUPPORTED_YEARS: RangeInclusive<i32> = 1995..=2199;

/// A day on which a calendar is closed besides weekends: a public holiday or one of the
/// calendar's extra closures.
///
/// `name` is in English; `local_name` is the name used in the calendar's country (the statute's
/// wording where it names the day).
///
/// ```
/// use arrears::calendar::Calendar;
/// let easter_monday = Calendar::france()
///     .holidays(2025)?
///     .into_iter()
///     .find(|h| h.local_name == "Lundi de Pâques");
/// assert_eq!(easter_monday.map(|h| h.date.to_string()), Some("2025-04-21".to_string()));
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Holiday {
    /// The day.
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    /// The English name, e.g. `"Easter Monday"`, `"Christmas Day (substitute day)"`.
    pub name: String,
    /// The name in the calendar's country, e.g. `"Lundi de Pâques"`, `"Ostermontag"`.
    pub local_name: String,
}

/// A German Land, for the per-Land calendars `de_bw` … `de_th`.
///
/// ```
/// use arrears::calendar::{Calendar, GermanState};
/// assert_eq!(GermanState::Bayern.code(), "by");
/// assert_eq!(Calendar::germany_state(GermanState::Bayern).id(), "de_by");
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GermanState {
    /// Baden-Württemberg (`bw`).
    BadenWuerttemberg,
    /// Bayern (`by`).
    Bayern,
    /// Berlin (`be`).
    Berlin,
    /// Brandenburg (`bb`).
    Brandenburg,
    /// Bremen (`hb`).
    Bremen,
    /// Hamburg (`hh`).
    Hamburg,
    /// Hessen (`he`).
    Hessen,
    /// Mecklenburg-Vorpommern (`mv`).
    MecklenburgVorpommern,
    /// Niedersachsen (`ni`).
    Niedersachsen,
    /// Nordrhein-Westfalen (`nw`).
    NordrheinWestfalen,
    /// Rheinland-Pfalz (`rp`).
    RheinlandPfalz,
    /// Saarland (`sl`).
    Saarland,
    /// Sachsen (`sn`).
    Sachsen,
    /// Sachsen-Anhalt (`st`).
    SachsenAnhalt,
    /// Schleswig-Holstein (`sh`).
    SchleswigHolstein,
    /// Thüringen (`th`).
    Thueringen,
}

impl GermanState {
    /// The sixteen Länder, in the order of their calendar ids in [`super::CALENDAR_IDS`].
    pub const ALL: &'static [GermanState] = &[
        GermanState::BadenWuerttemberg,
        GermanState::Bayern,
        GermanState::Berlin,
        GermanState::Brandenburg,
        GermanState::Bremen,
        GermanState::Hamburg,
        GermanState::Hessen,
        GermanState::MecklenburgVorpommern,
        GermanState::Niedersachsen,
        GermanState::NordrheinWestfalen,
        GermanState::RheinlandPfalz,
        GermanState::Saarland,
        GermanState::Sachsen,
        GermanState::SachsenAnhalt,
        GermanState::SchleswigHolstein,
        GermanState::Thueringen,
    ];

    /// The lower-case two-letter code (ISO 3166-2:DE without the `DE-` prefix): `bw`, `by`, ….
    ///
    /// ```
    /// assert_eq!(arrears::calendar::GermanState::Thueringen.code(), "th");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            GermanState::BadenWuerttemberg => "bw",
            GermanState::Bayern => "by",
            GermanState::Berlin => "be",
            GermanState::Brandenburg => "bb",
            GermanState::Bremen => "hb",
            GermanState::Hamburg => "hh",
            GermanState::Hessen => "he",
            GermanState::MecklenburgVorpommern => "mv",
            GermanState::Niedersachsen => "ni",
            GermanState::NordrheinWestfalen => "nw",
            GermanState::RheinlandPfalz => "rp",
            GermanState::Saarland => "sl",
            GermanState::Sachsen => "sn",
            GermanState::SachsenAnhalt => "st",
            GermanState::SchleswigHolstein => "sh",
            GermanState::Thueringen => "th",
        }
    }

    /// The Land with this two-letter code, if any.
    ///
    /// ```
    /// use arrears::calendar::GermanState;
    /// assert_eq!(GermanState::from_code("nw"), Some(GermanState::NordrheinWestfalen));
    /// assert_eq!(GermanState::from_code("xx"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<GermanState> {
        GermanState::ALL.iter().copied().find(|s| s.code() == code)
    }

    /// The Land's name, e.g. `"Baden-Württemberg"`.
    ///
    /// ```
    /// assert_eq!(arrears::calendar::GermanState::Saarland.name(), "Saarland");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            GermanState::BadenWuerttemberg => "Baden-Württemberg",
            GermanState::Bayern => "Bayern",
            GermanState::Berlin => "Berlin",
            GermanState::Brandenburg => "Brandenburg",
            GermanState::Bremen => "Bremen",
            GermanState::Hamburg => "Hamburg",
            GermanState::Hessen => "Hessen",
            GermanState::MecklenburgVorpommern => "Mecklenburg-Vorpommern",
            GermanState::Niedersachsen => "Niedersachsen",
            GermanState::NordrheinWestfalen => "Nordrhein-Westfalen",
            GermanState::RheinlandPfalz => "Rheinland-Pfalz",
            GermanState::Saarland => "Saarland",
            GermanState::Sachsen => "Sachsen",
            GermanState::SachsenAnhalt => "Sachsen-Anhalt",
            GermanState::SchleswigHolstein => "Schleswig-Holstein",
            GermanState::Thueringen => "Thüringen",
        }
    }
}

/// Which set of holiday rules a calendar follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Region {
    Weekends,
    France,
    FranceAlsaceMoselle,
    Germany(Option<GermanState>),
    UkEnglandWales,
}

impl Region {
    pub(crate) const ALL: &'static [Region] = &[
        Region::Weekends,
        Region::France,
        Region::FranceAlsaceMoselle,
        Region::Germany(None),
        Region::Germany(Some(GermanState::BadenWuerttemberg)),
        Region::Germany(Some(GermanState::Bayern)),
        Region::Germany(Some(GermanState::Berlin)),
        Region::Germany(Some(GermanState::Brandenburg)),
        Region::Germany(Some(GermanState::Bremen)),
        Region::Germany(Some(GermanState::Hamburg)),
        Region::Germany(Some(GermanState::Hessen)),
        Region::Germany(Some(GermanState::MecklenburgVorpommern)),
        Region::Germany(Some(GermanState::Niedersachsen)),
        Region::Germany(Some(GermanState::NordrheinWestfalen)),
        Region::Germany(Some(GermanState::RheinlandPfalz)),
        Region::Germany(Some(GermanState::Saarland)),
        Region::Germany(Some(GermanState::Sachsen)),
        Region::Germany(Some(GermanState::SachsenAnhalt)),
        Region::Germany(Some(GermanState::SchleswigHolstein)),
        Region::Germany(Some(GermanState::Thueringen)),
        Region::UkEnglandWales,
    ];

    pub(crate) const fn id(self) -> &'static str {
        match self {
            Region::Weekends => "weekends",
            Region::France => "fr",
            Region::FranceAlsaceMoselle => "fr_alsace_moselle",
            Region::Germany(None) => "de",
            Region::Germany(Some(s)) => match s {
                GermanState::BadenWuerttemberg => "de_bw",
                GermanState::Bayern => "de_by",
                GermanState::Berlin => "de_be",
                GermanState::Brandenburg => "de_bb",
                GermanState::Bremen => "de_hb",
                GermanState::Hamburg => "de_hh",
                GermanState::Hessen => "de_he",
                GermanState::MecklenburgVorpommern => "de_mv",
                GermanState::Niedersachsen => "de_ni",
                GermanState::NordrheinWestfalen => "de_nw",
                GermanState::RheinlandPfalz => "de_rp",
                GermanState::Saarland => "de_sl",
                GermanState::Sachsen => "de_sn",
                GermanState::SachsenAnhalt => "de_st",
                GermanState::SchleswigHolstein => "de_sh",
                GermanState::Thueringen => "de_th",
            },
            Region::UkEnglandWales => "uk_england_wales",
        }
    }

    pub(crate) fn from_id(id: &str) -> Option<Region> {
        Region::ALL.iter().copied().find(|r| r.id() == id)
    }

    /// `false` for the weekends-only calendar, which has no holiday rules and so no year limit.
    pub(crate) const fn has_rules(self) -> bool {
        !matches!(self, Region::Weekends)
    }

    /// What an extra closure is called in the calendar's country.
    pub(crate) const fn closure_name(self) -> &'static Name {
        match self {
            Region::France | Region::FranceAlsaceMoselle => &FR_CLOSURE,
            Region::Germany(_) => &DE_CLOSURE,
            Region::Weekends | Region::UkEnglandWales => &CLOSURE,
        }
    }
}

/// A holiday's English and local names.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Name {
    pub(crate) en: &'static str,
    pub(crate) local: &'static str,
}

const fn name(en: &'static str, local: &'static str) -> Name {
    Name { en, local }
}

const CLOSURE: Name = name("Closure", "Closure");
const FR_CLOSURE: Name = name("Closure", "Fermeture");
const DE_CLOSURE: Name = name("Closure", "Betriebsruhe");

// France: Code du travail art. L3133-1, and L3134-13 for Alsace-Moselle.
const FR_NEW_YEAR: Name = name("New Year's Day", "Jour de l'an");
const FR_GOOD_FRIDAY: Name = name("Good Friday", "Vendredi saint");
const FR_EASTER_MONDAY: Name = name("Easter Monday", "Lundi de Pâques");
const FR_LABOUR_DAY: Name = name("Labour Day", "Fête du Travail");
const FR_VICTORY: Name = name("Victory in Europe Day", "Victoire 1945");
const FR_ASCENSION: Name = name("Ascension Day", "Ascension");
const FR_WHIT_MONDAY: Name = name("Whit Monday", "Lundi de Pentecôte");
const FR_NATIONAL_DAY: Name = name("Bastille Day", "Fête nationale");
const FR_ASSUMPTION: Name = name("Assumption Day", "Assomption");
const FR_ALL_SAINTS: Name = name("All Saints' Day", "Toussaint");
const FR_ARMISTICE: Name = name("Armistice Day", "Armistice 1918");
const FR_CHRISTMAS: Name = name("Christmas Day", "Noël");
const FR_ST_STEPHEN: Name = name("St Stephen's Day", "Saint-Étienne");

// Germany: Tag der Deutschen Einheit by the Einigungsvertrag (Art. 2 (2)); the others by the
// Feiertagsgesetze der Länder.
const DE_NEW_YEAR: Name = name("New Year's Day", "Neujahr");
const DE_EPIPHANY: Name = name("Epiphany", "Heilige Drei Könige");
const DE_WOMENS_DAY: Name = name("International Women's Day", "Internationaler Frauentag");
const DE_GOOD_FRIDAY: Name = name("Good Friday", "Karfreitag");
const DE_EASTER_SUNDAY: Name = name("Easter Sunday", "Ostersonntag");
const DE_EASTER_MONDAY: Name = name("Easter Monday", "Ostermontag");
const DE_LABOUR_DAY: Name = name("Labour Day", "Tag der Arbeit");
const DE_LIBERATION: Name = name("Liberation Day", "Tag der Befreiung");
const DE_UPRISING_1953: Name = name(
    "75th anniversary of the uprising of 17 June 1953",
    "75. Jahrestag des Aufstandes vom 17. Juni 1953",
);
const DE_ASCENSION: Name = name("Ascension Day", "Christi Himmelfahrt");
const DE_WHIT_SUNDAY: Name = name("Whit Sunday", "Pfingstsonntag");
const DE_WHIT_MONDAY: Name = name("Whit Monday", "Pfingstmontag");
const DE_CORPUS_CHRISTI: Name = name("Corpus Christi", "Fronleichnam");
const DE_ASSUMPTION: Name = name("Assumption Day", "Mariä Himmelfahrt");
const DE_CHILDRENS_DAY: Name = name("World Children's Day", "Weltkindertag");
const DE_UNITY: Name = name("German Unity Day", "Tag der Deutschen Einheit");
const DE_REFORMATION: Name = name("Reformation Day", "Reformationstag");
const DE_ALL_SAINTS: Name = name("All Saints' Day", "Allerheiligen");
const DE_REPENTANCE: Name = name("Day of Repentance and Prayer", "Buß- und Bettag");
const DE_CHRISTMAS: Name = name("Christmas Day", "Erster Weihnachtstag");
const DE_SECOND_CHRISTMAS: Name = name("Second Day of Christmas", "Zweiter Weihnachtstag");

// England and Wales: the names gov.uk publishes for the bank holidays (with ASCII apostrophes).
const UK_NEW_YEAR: Name = name("New Year's Day", "New Year's Day");
const UK_NEW_YEAR_SUB: Name = name(
    "New Year's Day (substitute day)",
    "New Year's Day (substitute day)",
);
const UK_GOOD_FRIDAY: Name = name("Good Friday", "Good Friday");
const UK_EASTER_MONDAY: Name = name("Easter Monday", "Easter Monday");
const UK_EARLY_MAY: Name = name("Early May bank holiday", "Early May bank holiday");
const UK_EARLY_MAY_VE: Name = name(
    "Early May bank holiday (VE day)",
    "Early May bank holiday (VE day)",
);
const UK_SPRING: Name = name("Spring bank holiday", "Spring bank holiday");
const UK_SUMMER: Name = name("Summer bank holiday", "Summer bank holiday");
const UK_CHRISTMAS: Name = name("Christmas Day", "Christmas Day");
const UK_CHRISTMAS_SUB: Name = name(
    "Christmas Day (substitute day)",
    "Christmas Day (substitute day)",
);
const UK_BOXING: Name = name("Boxing Day", "Boxing Day");
const UK_BOXING_SUB: Name = name("Boxing Day (substitute day)", "Boxing Day (substitute day)");
const UK_MILLENNIUM: Name = name("Millennium Celebrations", "Millennium Celebrations");
const UK_GOLDEN_JUBILEE: Name = name(
    "Golden Jubilee of Queen Elizabeth II",
    "Golden Jubilee of Queen Elizabeth II",
);
const UK_ROYAL_WEDDING: Name = name(
    "Wedding of Prince William and Catherine Middleton",
    "Wedding of Prince William and Catherine Middleton",
);
const UK_DIAMOND_JUBILEE: Name = name(
    "Diamond Jubilee of Queen Elizabeth II",
    "Diamond Jubilee of Queen Elizabeth II",
);
const UK_PLATINUM_JUBILEE: Name = name(
    "Platinum Jubilee bank holiday",
    "Platinum Jubilee bank holiday",
);
const UK_STATE_FUNERAL: Name = name(
    "Bank Holiday for the State Funeral of Queen Elizabeth II",
    "Bank Holiday for the State Funeral of Queen Elizabeth II",
);
const UK_CORONATION: Name = name(
    "Bank holiday for the coronation of King Charles III",
    "Bank holiday for the coronation of King Charles III",
);

/// A holiday as the rules produce it, with static names (no allocation on the hot path).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RuleHoliday {
    pub(crate) date: NaiveDate,
    pub(crate) name: &'static Name,
}

impl RuleHoliday {
    pub(crate) fn to_holiday(self) -> Holiday {
        Holiday {
            date: self.date,
            name: self.name.en.to_string(),
            local_name: self.name.local.to_string(),
        }
    }
}

/// `Ok` when public holidays are computed for `year`.
///
/// # Errors
/// `calendar.unsupported_year`.
pub(crate) fn check_year(year: i32) -> Result<()> {
    if SUPPORTED_YEARS.contains(&year) {
        Ok(())
    } else {
        Err(err!(
            UnsupportedYear,
            "public holidays are computed for {} to {} only, not for {year}",
            SUPPORTED_YEARS.start(),
            SUPPORTED_YEARS.end()
        ))
    }
}

/// Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm ("Meeus/Jones/Butcher":
/// J. Meeus, *Astronomical Algorithms*, 2nd ed. 1998, ch. 8, after the 1876 letter to *Nature*
/// and S. Butcher's *Ecclesiastical Calendar*, 1877).
///
/// # Errors
/// `calendar.unsupported_year` outside [`SUPPORTED_YEARS`].
///
/// ```
/// use arrears::calendar::{easter_sunday, date::parse_date};
/// assert_eq!(easter_sunday(2024)?, parse_date("2024-03-31")?);
/// assert_eq!(easter_sunday(2025)?, parse_date("2025-04-20")?);
/// assert!(easter_sunday(1990).is_err());
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn easter_sunday(year: i32) -> Result<NaiveDate> {
    check_year(year)?;
    let (month, day) = computus(year);
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| err!(DateOutOfRange, "no Easter date for {year}"))
}

// The year is checked to lie in 1995..=2199 before this runs, so every intermediate value is a
// small non-negative number (the largest, 19a + b - d - g + 15, stays below 400) and no operation
// can overflow or divide by zero.
#[allow(clippy::arithmetic_side_effects)]
fn computus(year: i32) -> (u32, u32) {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n / 31).unwrap_or(0);
    let day = u32::try_from(n % 31 + 1).unwrap_or(0);
    (month, day)
}

fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| err!(DateOutOfRange, "{year}-{month:02}-{day:02} does not exist"))
}

/// The `n`-th `weekday` of a month (n from 1), or the last one when `n` is 0.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> Result<NaiveDate> {
    let found = if n == 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, 5)
            .or_else(|| NaiveDate::from_weekday_of_month_opt(year, month, weekday, 4))
    } else {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
    };
    found.ok_or_else(|| err!(DateOutOfRange, "no weekday {weekday} of {year}-{month:02}"))
}

/// The last `weekday` strictly before `date`.
fn weekday_before(date: NaiveDate, weekday: Weekday) -> Result<NaiveDate> {
    date.pred_opt()
        .and_then(|prev| {
            let back = prev.weekday().days_since(weekday);
            prev.checked_sub_days(chrono::Days::new(u64::from(back)))
        })
        .ok_or_else(|| err!(DateOutOfRange, "no {weekday} before {date}"))
}

struct Rules {
    year: i32,
    easter: NaiveDate,
    out: Vec<RuleHoliday>,
}

impl Rules {
    fn new(year: i32) -> Result<Rules> {
        Ok(Rules {
            year,
            easter: easter_sunday(year)?,
            out: Vec::with_capacity(16),
        })
    }

    fn push(&mut self, date: NaiveDate, name: &'static Name) {
        let h = RuleHoliday { date, name };
        if !self.out.contains(&h) {
            self.out.push(h);
        }
    }

    fn fixed(&mut self, month: u32, day: u32, name: &'static Name) -> Result<()> {
        let date = ymd(self.year, month, day)?;
        self.push(date, name);
        Ok(())
    }

    fn easter(&mut self, offset: i64, name: &'static Name) -> Result<()> {
        let date = add_days(self.easter, offset)?;
        self.push(date, name);
        Ok(())
    }

    fn finish(mut self) -> Vec<RuleHoliday> {
        // Stable: two holidays on one day (Ascension on 1 May 2008) keep their rule order.
        self.out.sort_by_key(|h| h.date);
        self.out
    }
}

/// The public holidays of `region` in `year`, sorted by date (two holidays may share a date).
///
/// # Errors
/// `calendar.unsupported_year` for a region with rules and a year outside [`SUPPORTED_YEARS`].
pub(crate) fn rule_holidays(region: Region, year: i32) -> Result<Vec<RuleHoliday>> {
    match region {
        Region::Weekends => Ok(Vec::new()),
        Region::France => france(year, false),
        Region::FranceAlsaceMoselle => france(year, true),
        Region::Germany(state) => germany(year, state),
        Region::UkEnglandWales => england_wales(year),
    }
}

/// The distinct holiday dates of `region` in `year`, sorted (for business-day lookups).
pub(crate) fn holiday_dates(region: Region, year: i32) -> Result<Vec<NaiveDate>> {
    let mut dates: Vec<NaiveDate> = rule_holidays(region, year)?
        .into_iter()
        .map(|h| h.date)
        .collect();
    dates.dedup();
    Ok(dates)
}

fn france(year: i32, alsace_moselle: bool) -> Result<Vec<RuleHoliday>> {
    let mut r = Rules::new(year)?;
    // Code du travail art. L3133-1 lists the eleven "fêtes légales".
    r.fixed(1, 1, &FR_NEW_YEAR)?;
    r.easter(1, &FR_EASTER_MONDAY)?;
    r.fixed(5, 1, &FR_LABOUR_DAY)?;
    r.fixed(5, 8, &FR_VICTORY)?;
    r.easter(39, &FR_ASCENSION)?;
    // Still a public holiday when a firm makes it its "journée de solidarité" (L3133-7 ff.).
    r.easter(50, &FR_WHIT_MONDAY)?;
    r.fixed(7, 14, &FR_NATIONAL_DAY)?;
    r.fixed(8, 15, &FR_ASSUMPTION)?;
    r.fixed(11, 1, &FR_ALL_SAINTS)?;
    r.fixed(11, 11, &FR_ARMISTICE)?;
    r.fixed(12, 25, &FR_CHRISTMAS)?;
    if alsace_moselle {
        // Local law of Moselle, Bas-Rhin and Haut-Rhin, Code du travail art. L3134-13. Good
        // Friday is a holiday there "in communes with a Protestant church or a mixed church",
        // which in practice is applied throughout the three départements.
        r.easter(-2, &FR_GOOD_FRIDAY)?;
        r.fixed(12, 26, &FR_ST_STEPHEN)?;
    }
    Ok(r.finish())
}

fn germany(year: i32, state: Option<GermanState>) -> Result<Vec<RuleHoliday>> {
    use GermanState as S;
    let mut r = Rules::new(year)?;
    let is = |states: &[GermanState]| state.is_some_and(|s| states.contains(&s));

    // Holidays every Land's Feiertagsgesetz has; 3 October by the Einigungsvertrag of 1990.
    r.fixed(1, 1, &DE_NEW_YEAR)?;
    if is(&[S::BadenWuerttemberg, S::Bayern, S::SachsenAnhalt]) {
        r.fixed(1, 6, &DE_EPIPHANY)?;
    }
    // Added by Berlin's Feiertagsgesetz from 2019 and Mecklenburg-Vorpommern's from 2023.
    if (is(&[S::Berlin]) && year >= 2019) || (is(&[S::MecklenburgVorpommern]) && year >= 2023) {
        r.fixed(3, 8, &DE_WOMENS_DAY)?;
    }
    r.easter(-2, &DE_GOOD_FRIDAY)?;
    if is(&[S::Brandenburg]) {
        // Brandenburg's FTG lists Easter and Whit Sunday; they are Sundays anyway.
        r.easter(0, &DE_EASTER_SUNDAY)?;
    }
    r.easter(1, &DE_EASTER_MONDAY)?;
    r.fixed(5, 1, &DE_LABOUR_DAY)?;
    // Berlin's one-off holidays for the 75th and 80th anniversaries of the end of the war.
    if is(&[S::Berlin]) && (year == 2020 || year == 2025) {
        r.fixed(5, 8, &DE_LIBERATION)?;
    }
    r.easter(39, &DE_ASCENSION)?;
    // Berlin's Feiertagsgesetz also makes 17 June 2028 a one-off holiday (a Saturday).
    if is(&[S::Berlin]) && year == 2028 {
        r.fixed(6, 17, &DE_UPRISING_1953)?;
    }
    if is(&[S::Brandenburg]) {
        r.easter(49, &DE_WHIT_SUNDAY)?;
    }
    r.easter(50, &DE_WHIT_MONDAY)?;
    // Statewide only where the Land law says so; in parts of Sachsen and Thüringen it is a
    // holiday in some communes only, which is not modelled.
    if is(&[
        S::BadenWuerttemberg,
        S::Bayern,
        S::Hessen,
        S::NordrheinWestfalen,
        S::RheinlandPfalz,
        S::Saarland,
    ]) {
        r.easter(60, &DE_CORPUS_CHRISTI)?;
    }
    // Statewide in Saarland only; in Bayern it is a holiday in communes with a mostly Catholic
    // population, so it is left out of `de_by`.
    if is(&[S::Saarland]) {
        r.fixed(8, 15, &DE_ASSUMPTION)?;
    }
    // Added by Thüringen's Feiertagsgesetz from 2019.
    if is(&[S::Thueringen]) && year >= 2019 {
        r.fixed(9, 20, &DE_CHILDRENS_DAY)?;
    }
    r.fixed(10, 3, &DE_UNITY)?;
    let reformation = is(&[
        S::Brandenburg,
        S::MecklenburgVorpommern,
        S::Sachsen,
        S::SachsenAnhalt,
        S::Thueringen,
    ]) || (is(&[S::Bremen, S::Hamburg, S::Niedersachsen, S::SchleswigHolstein])
        && year >= 2018)
        // The 500th anniversary of the Reformation was a holiday in every Land in 2017.
        || year == 2017;
    if reformation {
        r.fixed(10, 31, &DE_REFORMATION)?;
    }
    if is(&[
        S::BadenWuerttemberg,
        S::Bayern,
        S::NordrheinWestfalen,
        S::RheinlandPfalz,
        S::Saarland,
    ]) {
        r.fixed(11, 1, &DE_ALL_SAINTS)?;
    }
    // Sachsen kept the Buß- und Bettag when the other Länder gave it up in 1995 (SächsSFG § 1):
    // the Wednesday before the last Sunday of the church year, i.e. before 23 November.
    if is(&[S::Sachsen]) {
        let date = weekday_before(ymd(year, 11, 23)?, Weekday::Wed)?;
        r.push(date, &DE_REPENTANCE);
    }
    r.fixed(12, 25, &DE_CHRISTMAS)?;
    r.fixed(12, 26, &DE_SECOND_CHRISTMAS)?;
    Ok(r.finish())
}

fn england_wales(year: i32) -> Result<Vec<RuleHoliday>> {
    let mut r = Rules::new(year)?;
    // New Year's Day is a bank holiday by annual royal proclamation (Banking and Financial
    // Dealings Act 1971 s. 1(3)); a Saturday or Sunday gives the following Monday.
    let new_year = ymd(year, 1, 1)?;
    match new_year.weekday() {
        Weekday::Sat => r.fixed(1, 3, &UK_NEW_YEAR_SUB)?,
        Weekday::Sun => r.fixed(1, 2, &UK_NEW_YEAR_SUB)?,
        _ => r.push(new_year, &UK_NEW_YEAR),
    }
    // Good Friday and Christmas Day are common-law holidays; the rest are in Schedule 1 of the
    // 1971 Act or proclaimed under s. 1(2)-(3).
    r.easter(-2, &UK_GOOD_FRIDAY)?;
    r.easter(1, &UK_EASTER_MONDAY)?;
    if year == 1995 || year == 2020 {
        // Moved by proclamation to the 50th and 75th anniversaries of VE day.
        r.fixed(5, 8, &UK_EARLY_MAY_VE)?;
    } else {
        let date = nth_weekday(year, 5, Weekday::Mon, 1)?;
        r.push(date, &UK_EARLY_MAY);
    }
    match year {
        // Moved by proclamation next to the Golden, Diamond and Platinum Jubilee holidays.
        2002 | 2012 => r.fixed(6, 4, &UK_SPRING)?,
        2022 => r.fixed(6, 2, &UK_SPRING)?,
        _ => {
            let date = nth_weekday(year, 5, Weekday::Mon, 0)?;
            r.push(date, &UK_SPRING);
        }
    }
    let summer = nth_weekday(year, 8, Weekday::Mon, 0)?;
    r.push(summer, &UK_SUMMER);
    // Schedule 1: 26 December if not a Sunday, 27 December when 25 or 26 December is a Sunday;
    // proclamations add the substitute for a Christmas Day or Boxing Day on a Saturday.
    match ymd(year, 12, 25)?.weekday() {
        Weekday::Sat => {
            r.fixed(12, 27, &UK_CHRISTMAS_SUB)?;
            r.fixed(12, 28, &UK_BOXING_SUB)?;
        }
        Weekday::Sun => {
            r.fixed(12, 26, &UK_BOXING)?;
            r.fixed(12, 27, &UK_CHRISTMAS_SUB)?;
        }
        Weekday::Fri => {
            r.fixed(12, 25, &UK_CHRISTMAS)?;
            r.fixed(12, 28, &UK_BOXING_SUB)?;
        }
        _ => {
            r.fixed(12, 25, &UK_CHRISTMAS)?;
            r.fixed(12, 26, &UK_BOXING)?;
        }
    }
    // One-off bank holidays proclaimed under s. 1(3).
    match year {
        1999 => r.fixed(12, 31, &UK_MILLENNIUM)?,
        2002 => r.fixed(6, 3, &UK_GOLDEN_JUBILEE)?,
        2011 => r.fixed(4, 29, &UK_ROYAL_WEDDING)?,
        2012 => r.fixed(6, 5, &UK_DIAMOND_JUBILEE)?,
        2022 => {
            r.fixed(6, 3, &UK_PLATINUM_JUBILEE)?;
            r.fixed(9, 19, &UK_STATE_FUNERAL)?;
        }
        2023 => r.fixed(5, 8, &UK_CORONATION)?,
        _ => {}
    }
    Ok(r.finish())
}

#[cfg(test)]
// Test arithmetic works on small literals; an overflow there is a failing test, which is fine.
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        super::super::date::parse_date(s).unwrap()
    }

    /// Easter Sunday by a second, independent method: Gauss's algorithm with Lichtenberg's
    /// corrections (secular moon shift and the two exceptions), for cross-checking.
    fn easter_gauss(year: i32) -> NaiveDate {
        let x = year;
        let k = x / 100;
        let m = 15 + (3 * k + 3) / 4 - (8 * k + 13) / 25;
        let s = 2 - (3 * k + 3) / 4;
        let a = x % 19;
        let dd = (19 * a + m) % 30;
        let r = (dd + a / 11) / 29;
        let og = 21 + dd - r;
        let sz = 7 - (x + x / 4 + s) % 7;
        let oe = 7 - (og - sz) % 7;
        let os = og + oe; // day of March, may exceed 31
        NaiveDate::from_ymd_opt(year, 3, 1).unwrap() + chrono::Days::new((os - 1) as u64)
    }

    #[test]
    fn easter_matches_published_dates() {
        // Dates as published in the Gregorian Easter tables (e.g. the US Naval Observatory's).
        let known = [
            (1995, "1995-04-16"),
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2019, "2019-04-21"),
            (2021, "2021-04-04"),
            (2022, "2022-04-17"),
            (2023, "2023-04-09"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (2100, "2100-03-28"),
        ];
        for (y, date) in known {
            assert_eq!(easter_sunday(y).unwrap(), d(date), "{y}");
        }
    }

    #[test]
    fn easter_agrees_with_gauss_in_every_supported_year() {
        for y in SUPPORTED_YEARS {
            let e = easter_sunday(y).unwrap();
            assert_eq!(e, easter_gauss(y), "{y}");
            assert_eq!(e.weekday(), Weekday::Sun, "{y}");
            assert!(
                e >= ymd(y, 3, 22).unwrap() && e <= ymd(y, 4, 25).unwrap(),
                "{y}"
            );
        }
    }

    #[test]
    fn years_outside_the_range_are_refused() {
        for y in [1994, 2200, i32::MIN, i32::MAX] {
            assert_eq!(
                easter_sunday(y).unwrap_err().code(),
                crate::Code::UnsupportedYear
            );
            assert!(rule_holidays(Region::France, y).is_err());
        }
        assert!(rule_holidays(Region::Weekends, 1800).unwrap().is_empty());
    }

    #[test]
    fn every_region_every_year_is_computed_and_sorted() {
        for region in Region::ALL {
            for y in SUPPORTED_YEARS {
                let hs = rule_holidays(*region, y).unwrap();
                assert!(hs.windows(2).all(|w| w[0].date <= w[1].date));
                assert!(hs.iter().all(|h| h.date.year() == y), "{region:?} {y}");
            }
        }
    }

    #[test]
    fn france_has_eleven_holidays_and_alsace_thirteen() {
        for y in SUPPORTED_YEARS {
            let fr = rule_holidays(Region::France, y).unwrap();
            assert_eq!(fr.len(), 11, "{y}");
            assert_eq!(
                rule_holidays(Region::FranceAlsaceMoselle, y).unwrap().len(),
                13
            );
        }
    }

    #[test]
    fn ascension_on_labour_day_2008_is_listed_twice() {
        let dates: Vec<_> = rule_holidays(Region::France, 2008)
            .unwrap()
            .into_iter()
            .filter(|h| h.date == d("2008-05-01"))
            .map(|h| h.name.local)
            .collect();
        assert_eq!(dates, ["Fête du Travail", "Ascension"]);
        assert_eq!(holiday_dates(Region::France, 2008).unwrap().len(), 10);
    }

    #[test]
    fn germany_national_has_nine_holidays_plus_reformation_2017() {
        for y in SUPPORTED_YEARS {
            let n = rule_holidays(Region::Germany(None), y).unwrap().len();
            assert_eq!(n, if y == 2017 { 10 } else { 9 }, "{y}");
        }
        let bb = rule_holidays(Region::Germany(Some(GermanState::Brandenburg)), 2017).unwrap();
        assert_eq!(
            bb.iter().filter(|h| h.name == &DE_REFORMATION).count(),
            1,
            "no duplicate Reformationstag in 2017"
        );
    }

    #[test]
    fn land_start_years() {
        let has = |s: GermanState, y: i32, n: &Name| {
            rule_holidays(Region::Germany(Some(s)), y)
                .unwrap()
                .iter()
                .any(|h| h.name == n)
        };
        assert!(!has(GermanState::Berlin, 2018, &DE_WOMENS_DAY));
        assert!(has(GermanState::Berlin, 2019, &DE_WOMENS_DAY));
        assert!(!has(
            GermanState::MecklenburgVorpommern,
            2022,
            &DE_WOMENS_DAY
        ));
        assert!(has(
            GermanState::MecklenburgVorpommern,
            2023,
            &DE_WOMENS_DAY
        ));
        assert!(!has(GermanState::Thueringen, 2018, &DE_CHILDRENS_DAY));
        assert!(has(GermanState::Thueringen, 2019, &DE_CHILDRENS_DAY));
        assert!(has(GermanState::Hamburg, 2017, &DE_REFORMATION));
        assert!(!has(GermanState::Hamburg, 2016, &DE_REFORMATION));
        assert!(has(GermanState::Hamburg, 2018, &DE_REFORMATION));
        assert!(has(GermanState::Berlin, 2020, &DE_LIBERATION));
        assert!(!has(GermanState::Berlin, 2021, &DE_LIBERATION));
        assert!(has(GermanState::Berlin, 2025, &DE_LIBERATION));
        assert!(has(GermanState::Berlin, 2028, &DE_UPRISING_1953));
        assert!(!has(GermanState::Berlin, 2029, &DE_UPRISING_1953));
        assert!(!has(GermanState::Bayern, 2025, &DE_ASSUMPTION));
        assert!(has(GermanState::Saarland, 2025, &DE_ASSUMPTION));
    }

    #[test]
    fn repentance_day_is_the_wednesday_before_23_november() {
        for y in SUPPORTED_YEARS {
            let h = rule_holidays(Region::Germany(Some(GermanState::Sachsen)), y)
                .unwrap()
                .into_iter()
                .find(|h| h.name == &DE_REPENTANCE)
                .unwrap();
            assert_eq!(h.date.weekday(), Weekday::Wed);
            assert!((16..=22).contains(&h.date.day()) && h.date.month() == 11);
        }
        let sn = |y| {
            rule_holidays(Region::Germany(Some(GermanState::Sachsen)), y)
                .unwrap()
                .into_iter()
                .find(|h| h.name == &DE_REPENTANCE)
                .unwrap()
                .date
        };
        assert_eq!(sn(2024), d("2024-11-20"));
        assert_eq!(sn(2025), d("2025-11-19"));
        // 23 November 2022 was itself a Wednesday: the holiday is the week before.
        assert_eq!(sn(2022), d("2022-11-16"));
    }

    #[test]
    fn uk_bank_holidays_fall_on_weekdays_and_number_eight_in_ordinary_years() {
        for y in SUPPORTED_YEARS {
            let hs = rule_holidays(Region::UkEnglandWales, y).unwrap();
            for h in &hs {
                assert!(
                    !matches!(h.date.weekday(), Weekday::Sat | Weekday::Sun),
                    "{y}: {h:?}"
                );
            }
            let extra = match y {
                1999 | 2002 | 2011 | 2012 | 2023 => 1,
                2022 => 2,
                _ => 0,
            };
            assert_eq!(hs.len(), 8 + extra, "{y}");
        }
    }

    #[test]
    fn uk_christmas_substitutes() {
        let dates = |y| -> Vec<(String, &'static str)> {
            rule_holidays(Region::UkEnglandWales, y)
                .unwrap()
                .into_iter()
                .filter(|h| h.date.month() == 12)
                .map(|h| (h.date.to_string(), h.name.en))
                .collect()
        };
        // 2021 and 2027: Christmas on a Saturday.
        assert_eq!(
            dates(2021),
            [
                ("2021-12-27".into(), "Christmas Day (substitute day)"),
                ("2021-12-28".into(), "Boxing Day (substitute day)")
            ]
        );
        // 2022: Christmas on a Sunday.
        assert_eq!(
            dates(2022),
            [
                ("2022-12-26".into(), "Boxing Day"),
                ("2022-12-27".into(), "Christmas Day (substitute day)")
            ]
        );
        // 2020: Boxing Day on a Saturday.
        assert_eq!(
            dates(2020),
            [
                ("2020-12-25".into(), "Christmas Day"),
                ("2020-12-28".into(), "Boxing Day (substitute day)")
            ]
        );
        assert_eq!(dates(1999).len(), 3, "millennium bank holiday");
    }

    #[test]
    fn german_state_codes_round_trip() {
        for s in GermanState::ALL {
            assert_eq!(GermanState::from_code(s.code()), Some(*s));
            let region = Region::Germany(Some(*s));
            assert_eq!(region.id(), format!("de_{}", s.code()));
            assert_eq!(Region::from_id(region.id()), Some(region));
        }
    }
}
