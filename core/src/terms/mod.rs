//! Payment terms → due dates, and the legal caps on payment terms.
//!
//! [`PaymentTerms`] is what an invoice says about *when* it must be paid: "30 jours nets", "45 jours
//! fin de mois", "fin de mois le 10", "le 10 du mois suivant", a deposit and a balance, or
//! instalments. From an issue date it gives one due date ([`PaymentTerms::due_date`]) or, for terms
//! that split the invoice into several receivables, a schedule ([`PaymentTerms::schedule`], with
//! amounts split exactly, no cent lost). A [`DueDateRoll`] moves due dates that fall on a weekend or
//! public holiday. [`check_terms`] compares a term with the statutory caps of France, Germany, the
//! United Kingdom and directive 2011/7/EU and reports [`Finding`]s (information and warnings, never
//! errors: an agreed term over a cap is a legal risk for the creditor, not a malformed input).
//!
//! All day counts are calendar days and all month arithmetic is exact: 31 January + 1 month is
//! 28 or 29 February, never 2 or 3 March.
//!
//! ```
//! use arrears::terms::{EomMethod, PaymentTerms};
//! use arrears::calendar::date::parse_date;
//!
//! // "45 jours fin de mois" on an invoice of 31 January 2024, under each accepted method.
//! let a = PaymentTerms::DaysEndOfMonth { days: 45, method: EomMethod::DaysThenEndOfMonth };
//! let b = PaymentTerms::DaysEndOfMonth { days: 45, method: EomMethod::EndOfMonthThenDays };
//! assert_eq!(a.due_date(parse_date("2024-01-31")?)?, parse_date("2024-03-31")?);
//! assert_eq!(b.due_date(parse_date("2024-01-31")?)?, parse_date("2024-03-16")?);
//! # Ok::<(), arrears::Error>(())
//! ```

mod checks;
mod notation;
pub mod ops;
mod repr;

pub use checks::{
    check_terms, default_terms, DebtorKind, Finding, FindingCode, Jurisdiction, Severity,
};

use chrono::{Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::calendar::date::{add_days, days_in_month, end_of_month};
use crate::calendar::{Calendar, CalendarSpec, Roll};
use crate::error::{err, Result};
use crate::money::Money;

/// The largest day count accepted anywhere in payment terms (about ten years). Longer terms are
/// certainly a typing mistake, and the bound keeps every date computation in range.
///
/// ```
/// use arrears::terms::{PaymentTerms, MAX_DAYS};
/// assert!(PaymentTerms::NetDays { days: MAX_DAYS }.validate().is_ok());
/// assert!(PaymentTerms::NetDays { days: MAX_DAYS + 1 }.validate().is_err());
/// ```
pub const MAX_DAYS: u32 = 3650;

/// The largest number of receivables one set of terms may create (instalments, parts, deposit
/// and balance, counted after nesting).
///
/// ```
/// use arrears::terms::{Instalments, PaymentTerms, Period, MAX_PARTS};
/// let n = |count| PaymentTerms::Instalments(Instalments::Regular {
///     count, first: Box::new(PaymentTerms::Immediate), every: Period::Months(1) });
/// assert!(n(MAX_PARTS).validate().is_ok());
/// assert!(n(MAX_PARTS + 1).validate().is_err());
/// ```
pub const MAX_PARTS: u32 = 120;

/// How deeply terms may nest (a deposit whose balance is paid in instalments is depth 2).
const MAX_DEPTH: usize = 4;

/// Payment terms: how the due date (or the due dates) of an invoice follow from its issue date.
///
/// As a document the terms are an object tagged by `kind`:
///
/// | `kind` | French / English | JSON |
/// |---|---|---|
/// | `immediate` | paiement comptant / due on receipt | `{"kind": "immediate"}` |
/// | `net_days` | N jours nets / net N | `{"kind": "net_days", "days": 30}` |
/// | `days_end_of_month` | N jours fin de mois / N days end of month | `{"kind": "days_end_of_month", "days": 45, "method": "days_then_end_of_month"}` |
/// | `end_of_month` | fin de mois (le 10) / end of month (+ 10) | `{"kind": "end_of_month", "plus_days": 10}` |
/// | `day_of_following_month` | le 10 du mois suivant / 10th of next month | `{"kind": "day_of_following_month", "day": 10}` |
/// | `deposit` | acompte + solde / deposit + balance | `{"kind": "deposit", "share_percent": "30", "balance_terms": {...}}` |
/// | `instalments` | paiement échelonné / instalments | `{"kind": "instalments", "count": 3, "every": {"months": 1}}` |
///
/// Deserialising validates the terms: a day count outside `0..=3650`, a day of month outside
/// `1..=31`, a share outside `(0, 100)`, explicit shares that do not sum to 100 or an instalment
/// count outside `1..=120` are `terms.invalid`. Terms built in Rust are checked the same way by
/// [`PaymentTerms::validate`], which every computation calls first.
///
/// ```
/// use arrears::terms::PaymentTerms;
/// let t: PaymentTerms = serde_json::from_value(serde_json::json!({"kind": "net_days", "days": 30})).unwrap();
/// assert_eq!(t, PaymentTerms::NetDays { days: 30 });
/// assert_eq!(serde_json::to_value(&t).unwrap(), serde_json::json!({"kind": "net_days", "days": 30}));
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "repr::TermsRepr", into = "repr::TermsRepr")]
pub enum PaymentTerms {
    /// Due on the issue date ("paiement comptant", "payable à réception", "due on receipt").
    Immediate,
    /// Due `days` calendar days after the issue date ("30 jours nets", "net 30").
    NetDays {
        /// Calendar days after the issue date, `0..=3650`.
        days: u32,
    },
    /// "N jours fin de mois" ("N days end of month"), under the method the parties chose: French
    /// practice accepts both (docs/legal-rates.md §1.1, expertfiscal.fr), so there is no default.
    DaysEndOfMonth {
        /// The N of "N jours fin de mois", `0..=3650`.
        days: u32,
        /// Which of the two accepted computations.
        method: EomMethod,
    },
    /// End of a month, then `plus_days`: "fin de mois" (`plus_days` 0), "fin de mois le 10"
    /// (`plus_days` 10, i.e. the 10th of the following month). With `after_days`, the month is
    /// the one `after_days` after the issue date: "30 jours fin de mois le 10" is
    /// `after_days: 30, plus_days: 10` (issue + 30 days, end of that month, + 10 days).
    ///
    /// `{after_days: N}` alone is "N jours fin de mois" by method A and `{plus_days: N}` alone is
    /// method B: this kind is the general form of both.
    EndOfMonth {
        /// Days added to the issue date before going to the end of the month, `0..=3650`.
        after_days: u32,
        /// Days added after the end of the month, `0..=3650`.
        plus_days: u32,
    },
    /// A fixed day of the month after the issue month ("le 10 du mois suivant"). A day past the
    /// length of that month means its last day: `day: 31` on a January invoice is 28 or 29
    /// February, `day: 31` on a March invoice is 30 April.
    DayOfFollowingMonth {
        /// Day of the month, `1..=31`.
        day: u32,
    },
    /// A deposit and a balance: two receivables.
    Deposit(Deposit),
    /// Instalments: one receivable per instalment, labelled `1/3`, `2/3`, `3/3`.
    Instalments(Instalments),
}

/// The schema of the document form (`repr::TermsRepr`): an object tagged by `kind`.
#[cfg(feature = "schemas")]
impl schemars::JsonSchema for PaymentTerms {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PaymentTerms".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = repr::TermsRepr::json_schema(generator);
        schema.insert(
            "description".into(),
            "Payment terms, an object tagged by `kind` (docs/terms.md). Ranges (days 0..=3650, \
             day of month 1..=31, shares summing to 100, 1..=120 instalments) are checked when \
             the document is read."
                .into(),
        );
        schema
    }
}

/// The two computations of "N jours fin de mois" that case law and the tax administration accept
/// (expertfiscal.fr, cited in docs/legal-rates.md §1.1). They give different dates; the contract must
/// say which one it uses.
///
/// ```
/// use arrears::terms::{EomMethod, PaymentTerms};
/// use arrears::calendar::date::parse_date;
/// // 45 days end of month on 15 December 2024:
/// // A: 15 Dec + 45 = 29 Jan 2025, end of month = 31 Jan 2025.
/// // B: end of December = 31 Dec, + 45 = 14 Feb 2025.
/// let on = |method| PaymentTerms::DaysEndOfMonth { days: 45, method }.due_date(parse_date("2024-12-15")?);
/// assert_eq!(on(EomMethod::DaysThenEndOfMonth)?, parse_date("2025-01-31")?);
/// assert_eq!(on(EomMethod::EndOfMonthThenDays)?, parse_date("2025-02-14")?);
/// # Ok::<(), arrears::Error>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "Which computation of \"N jours fin de mois\": A = issue date + N days then end of that month; B = end of the issue month then + N days."
    )
)]
#[serde(rename_all = "snake_case")]
pub enum EomMethod {
    /// Method A: issue date + N days, then the end of that month.
    DaysThenEndOfMonth,
    /// Method B: the end of the issue month, then + N days.
    EndOfMonthThenDays,
}

/// A deposit ("acompte") due under its own terms, and the balance ("solde") under others.
///
/// JSON: `{"kind": "deposit", "share_percent": "30" | "amount": "500.00", "deposit_terms": {...}
/// (default immediate), "balance_terms": {...}}`.
///
/// ```
/// use arrears::terms::{Deposit, DepositSize, PaymentTerms};
/// use arrears::money::Money;
/// use arrears::calendar::date::parse_date;
/// use rust_decimal_macros::dec;
///
/// let terms = PaymentTerms::Deposit(Deposit::new(
///     DepositSize::SharePercent(dec!(30)),
///     PaymentTerms::NetDays { days: 30 },
/// ));
/// let s = terms.schedule(parse_date("2025-03-10")?, Money::parse("1000.01", "EUR")?)?;
/// assert_eq!((s[0].label.as_str(), s[0].amount.to_minor_string()), ("deposit", "300.00".into()));
/// assert_eq!((s[1].label.as_str(), s[1].amount.to_minor_string()), ("balance", "700.01".into()));
/// assert_eq!(s[1].due_date, parse_date("2025-04-09")?);
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deposit {
    /// How large the deposit is.
    pub size: DepositSize,
    /// When the deposit is due (immediate by default).
    pub deposit_terms: Box<PaymentTerms>,
    /// When the balance is due.
    pub balance_terms: Box<PaymentTerms>,
}

impl Deposit {
    /// A deposit due immediately and a balance due under `balance_terms`.
    ///
    /// ```
    /// use arrears::terms::{Deposit, DepositSize, PaymentTerms};
    /// use rust_decimal_macros::dec;
    /// let d = Deposit::new(DepositSize::SharePercent(dec!(50)), PaymentTerms::NetDays { days: 30 });
    /// assert_eq!(*d.deposit_terms, PaymentTerms::Immediate);
    /// ```
    pub fn new(size: DepositSize, balance_terms: PaymentTerms) -> Deposit {
        Deposit {
            size,
            deposit_terms: Box::new(PaymentTerms::Immediate),
            balance_terms: Box::new(balance_terms),
        }
    }
}

/// The size of a deposit: a share of the invoice or a fixed amount in the invoice's currency.
///
/// ```
/// use arrears::terms::DepositSize;
/// use rust_decimal_macros::dec;
/// let half = DepositSize::SharePercent(dec!(50));
/// let fixed = DepositSize::Amount(dec!(500.00));
/// assert_ne!(half, fixed);
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DepositSize {
    /// A percentage of the invoice amount, strictly between 0 and 100.
    SharePercent(Decimal),
    /// A fixed amount, above zero and below the invoice amount.
    Amount(Decimal),
}

/// Instalments: a regular series or explicit parts.
///
/// JSON, regular: `{"kind": "instalments", "count": 3, "first": {...} (default immediate),
/// "every": {"months": 1} | {"days": 30}}`. Explicit: `{"kind": "instalments", "parts":
/// [{"share_percent": "40", "terms": {...}}, ...]}`.
///
/// ```
/// use arrears::terms::{Instalments, PaymentTerms, Period};
/// use arrears::money::Money;
/// use arrears::calendar::date::parse_date;
///
/// let terms = PaymentTerms::Instalments(Instalments::Regular {
///     count: 3,
///     first: Box::new(PaymentTerms::Immediate),
///     every: Period::Months(1),
/// });
/// let s = terms.schedule(parse_date("2024-01-31")?, Money::parse("100.00", "EUR")?)?;
/// let got: Vec<(String, String, String)> = s.iter()
///     .map(|p| (p.label.clone(), p.due_date.to_string(), p.amount.to_minor_string()))
///     .collect();
/// assert_eq!(got, [
///     ("1/3".into(), "2024-01-31".into(), "33.34".into()),
///     ("2/3".into(), "2024-02-29".into(), "33.33".into()),
///     ("3/3".into(), "2024-03-31".into(), "33.33".into()),
/// ]);
/// # Ok::<(), arrears::Error>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Instalments {
    /// `count` equal instalments (the first ones carry the odd cents): the first due under
    /// `first`, each next one `every` later.
    ///
    /// Later due dates are counted from the first due date, not from one another, so a short
    /// month does not pull the series back (31 Jan, 29 Feb, 31 Mar). When the first due date is
    /// the last day of its month, every later one is the last day of its month too (the usual
    /// end-of-month rule of payment schedules): 30 April, 31 May, 30 June.
    Regular {
        /// Number of instalments, `1..=120`.
        count: u32,
        /// Terms of the first instalment: single-date terms (not a deposit or instalments).
        first: Box<PaymentTerms>,
        /// Interval between two instalments.
        every: Period,
    },
    /// Explicit parts, each a share of the amount with its own terms. Shares are each strictly
    /// between 0 and 100 and sum to exactly 100; amounts are split by largest remainder.
    Parts(Vec<InstalmentPart>),
}

/// One explicit part of [`Instalments::Parts`].
///
/// ```
/// use arrears::terms::{InstalmentPart, PaymentTerms};
/// use rust_decimal_macros::dec;
/// let p = InstalmentPart { share_percent: dec!(40), terms: PaymentTerms::NetDays { days: 30 } };
/// assert_eq!(p.share_percent, dec!(40));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstalmentPart {
    /// Share of the amount in percent, strictly between 0 and 100.
    pub share_percent: Decimal,
    /// When this part is due.
    pub terms: PaymentTerms,
}

/// The interval between two regular instalments. JSON: `{"months": 1}` or `{"days": 30}`.
///
/// ```
/// use arrears::terms::Period;
/// assert_ne!(Period::Months(1), Period::Days(30));
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// Calendar months, `1..=120`.
    Months(u32),
    /// Calendar days, `1..=3650`.
    Days(u32),
}

/// One date of a schedule computed without an amount (see [`PaymentTerms::due_dates`]).
///
/// ```
/// use arrears::terms::PaymentTerms;
/// use arrears::calendar::date::parse_date;
/// let d = PaymentTerms::Immediate.due_dates(parse_date("2025-01-15")?)?;
/// assert_eq!(d[0].label, "1/1");
/// assert_eq!(d[0].share_percent, Some(rust_decimal::Decimal::ONE_HUNDRED));
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledDate {
    /// `1/1` for single-date terms; `deposit`, `balance`; `1/3`, `2/3`, ...; nested parts join
    /// their labels (`balance 2/3`).
    pub label: String,
    /// The due date (not rolled; see [`DueDateRoll`]).
    pub due_date: NaiveDate,
    /// The part's share of the amount in percent, rounded half-up to 4 decimal places for
    /// display (`33.3333`); `None` for a fixed-amount deposit when no amount is known. Amounts
    /// are never computed from this rounded figure.
    pub share_percent: Option<Decimal>,
}

/// One receivable of a schedule: a label, a due date and an amount (see [`PaymentTerms::schedule`]).
///
/// ```
/// use arrears::terms::PaymentTerms;
/// use arrears::money::Money;
/// use arrears::calendar::date::parse_date;
/// let s = PaymentTerms::NetDays { days: 30 }
///     .schedule(parse_date("2025-01-15")?, Money::parse("120.00", "EUR")?)?;
/// assert_eq!(s.len(), 1);
/// assert_eq!(s[0].due_date, parse_date("2025-02-14")?);
/// assert_eq!(s[0].amount.to_minor_string(), "120.00");
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledPayment {
    /// As in [`ScheduledDate::label`].
    pub label: String,
    /// The due date (not rolled; see [`DueDateRoll`]).
    pub due_date: NaiveDate,
    /// The part's share in percent, rounded half-up to 4 decimal places, for display.
    pub share_percent: Decimal,
    /// The amount of this part; the amounts of a schedule sum exactly to the invoice amount.
    pub amount: Money,
}

/// Moves due dates that are not business days, by a calendar and a [`Roll`].
///
/// JSON: `{"calendar": "fr", "roll": "following"}`; the calendar is a [`CalendarSpec`], so a firm's
/// own closures can be added: `{"calendar": {"id": "fr", "closures": ["2025-08-11"]}, ...}`.
/// No jurisdiction imposes a roll on agreed
/// payment terms in France or the UK; in Germany § 193 BGB moves a deadline that ends on a
/// Saturday, Sunday or public holiday to the next working day (`following` with `de`).
///
/// A due date is never moved before the issue date: when `preceding` or `modified_following`
/// would do so (an immediate invoice issued on a Sunday), the date rolls to the following
/// business day instead.
///
/// ```
/// use arrears::terms::DueDateRoll;
/// use arrears::calendar::{CalendarSpec, Roll};
/// use arrears::calendar::date::parse_date;
/// let roll = DueDateRoll::new(CalendarSpec::new("fr"), Roll::Following);
/// // Thursday 1 May 2025 (Fête du Travail) → Friday 2 May.
/// assert_eq!(roll.apply(parse_date("2025-05-01")?, parse_date("2025-04-01")?)?, parse_date("2025-05-02")?);
/// let roll = DueDateRoll::new(CalendarSpec::new("weekends"), Roll::Following);
/// // Saturday 15 February 2025 → Monday 17 February.
/// assert_eq!(roll.apply(parse_date("2025-02-15")?, parse_date("2025-01-16")?)?, parse_date("2025-02-17")?);
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "Moves due dates that are not business days, by a calendar and a roll. A due date is never moved before the issue date: when `preceding` or `modified_following` would do so, it rolls to the following business day instead."
    )
)]
#[serde(deny_unknown_fields)]
pub struct DueDateRoll {
    /// The business-day calendar (`"fr"`, `"de"`, `"uk_england_wales"`, `"weekends"`, ..., or
    /// `{"id", "closures"}`).
    pub calendar: CalendarSpec,
    /// How a non-business day moves.
    pub roll: Roll,
}

impl DueDateRoll {
    /// A roll on a calendar.
    ///
    /// ```
    /// use arrears::terms::DueDateRoll;
    /// use arrears::calendar::{CalendarSpec, Roll};
    /// assert_eq!(DueDateRoll::new(CalendarSpec::new("fr"), Roll::Following).calendar.id, "fr");
    /// ```
    pub fn new(calendar: CalendarSpec, roll: Roll) -> DueDateRoll {
        DueDateRoll { calendar, roll }
    }

    /// Rolls one due date of an invoice issued on `issue_date`.
    ///
    /// # Errors
    /// `calendar.unknown_calendar`, `calendar.unsupported_year`, `date.out_of_range`.
    ///
    /// ```
    /// use arrears::terms::DueDateRoll;
    /// use arrears::calendar::{CalendarSpec, Roll};
    /// use arrears::calendar::date::parse_date;
    /// let roll = DueDateRoll::new(CalendarSpec::new("weekends"), Roll::Preceding);
    /// let sunday = parse_date("2025-02-16")?;
    /// // Preceding gives Friday 14 February; issued that Sunday, it may not go back before issue.
    /// assert_eq!(roll.apply(sunday, parse_date("2025-01-16")?)?, parse_date("2025-02-14")?);
    /// assert_eq!(roll.apply(sunday, sunday)?, parse_date("2025-02-17")?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn apply(&self, due_date: NaiveDate, issue_date: NaiveDate) -> Result<NaiveDate> {
        let calendar = self.to_calendar()?;
        roll_not_before(&calendar, self.roll, due_date, issue_date)
    }

    /// Resolves the calendar.
    ///
    /// # Errors
    /// `calendar.unknown_calendar`.
    ///
    /// ```
    /// use arrears::terms::DueDateRoll;
    /// use arrears::calendar::{CalendarSpec, Roll};
    /// assert_eq!(DueDateRoll::new(CalendarSpec::new("fr"), Roll::Following).to_calendar()?.id(), "fr");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn to_calendar(&self) -> Result<Calendar> {
        self.calendar.to_calendar()
    }
}

/// Rolls `due` by `roll`, falling back to `following` when the result would precede the issue.
pub(crate) fn roll_not_before(
    calendar: &Calendar,
    roll: Roll,
    due: NaiveDate,
    issue: NaiveDate,
) -> Result<NaiveDate> {
    let rolled = calendar.roll(due, roll)?;
    if rolled < issue {
        calendar.roll(due, Roll::Following)
    } else {
        Ok(rolled)
    }
}

/// One leaf of the expanded terms, before it is turned into a public schedule item.
#[derive(Debug, Clone)]
pub(crate) struct Leaf<'a> {
    pub(crate) label: String,
    pub(crate) due_date: NaiveDate,
    /// Exact share of the root amount in percent, when known.
    pub(crate) share: Option<Decimal>,
    pub(crate) amount: Option<Money>,
    /// The single-date terms this part was computed from, when there are such terms (not for
    /// the second and later regular instalments).
    pub(crate) terms: Option<&'a PaymentTerms>,
}

impl PaymentTerms {
    /// Checks ranges and shapes.
    ///
    /// # Errors
    /// `terms.invalid`, with a message naming the bad value.
    ///
    /// ```
    /// use arrears::terms::PaymentTerms;
    /// assert!(PaymentTerms::NetDays { days: 60 }.validate().is_ok());
    /// let e = PaymentTerms::DayOfFollowingMonth { day: 0 }.validate().unwrap_err();
    /// assert_eq!(e.code().as_str(), "terms.invalid");
    /// ```
    pub fn validate(&self) -> Result<()> {
        let parts = self.validate_at(1)?;
        if parts > u64::from(MAX_PARTS) {
            return Err(err!(
                InvalidTerms,
                "the terms create {parts} receivables; at most {MAX_PARTS} are allowed"
            ));
        }
        Ok(())
    }

    /// Validates and returns the number of receivables the terms create.
    fn validate_at(&self, depth: usize) -> Result<u64> {
        if depth > MAX_DEPTH {
            return Err(err!(
                InvalidTerms,
                "terms nest more than {MAX_DEPTH} levels deep"
            ));
        }
        let next = depth.saturating_add(1);
        match self {
            PaymentTerms::Immediate => Ok(1),
            PaymentTerms::NetDays { days } | PaymentTerms::DaysEndOfMonth { days, .. } => {
                check_days("days", i64::from(*days))?;
                Ok(1)
            }
            PaymentTerms::EndOfMonth {
                after_days,
                plus_days,
            } => {
                check_days("after_days", i64::from(*after_days))?;
                check_days("plus_days", i64::from(*plus_days))?;
                Ok(1)
            }
            PaymentTerms::DayOfFollowingMonth { day } => {
                check_day_of_month(i64::from(*day))?;
                Ok(1)
            }
            PaymentTerms::Deposit(d) => {
                match d.size {
                    DepositSize::SharePercent(p) => check_share("share_percent", p)?,
                    DepositSize::Amount(a) => {
                        if a <= Decimal::ZERO {
                            return Err(err!(
                                InvalidTerms,
                                "a deposit amount must be above zero, not {a}"
                            ));
                        }
                    }
                }
                let a = d.deposit_terms.validate_at(next)?;
                let b = d.balance_terms.validate_at(next)?;
                Ok(a.saturating_add(b))
            }
            PaymentTerms::Instalments(Instalments::Regular {
                count,
                first,
                every,
            }) => {
                check_count(i64::from(*count))?;
                if first.validate_at(next)? != 1 {
                    return Err(err!(
                        InvalidTerms,
                        "the terms of the first instalment must give a single due date"
                    ));
                }
                match every {
                    Period::Months(m) => check_range("every.months", i64::from(*m), 1, 120)?,
                    Period::Days(d) => {
                        check_range("every.days", i64::from(*d), 1, i64::from(MAX_DAYS))?
                    }
                }
                Ok(u64::from(*count))
            }
            PaymentTerms::Instalments(Instalments::Parts(parts)) => {
                let n = i64::try_from(parts.len()).unwrap_or(i64::MAX);
                check_range("number of parts", n, 2, i64::from(MAX_PARTS))?;
                let mut sum = Decimal::ZERO;
                let mut leaves: u64 = 0;
                for (i, p) in parts.iter().enumerate() {
                    check_share(&format!("parts[{i}].share_percent"), p.share_percent)?;
                    sum = sum
                        .checked_add(p.share_percent)
                        .ok_or_else(|| err!(InvalidTerms, "shares overflow"))?;
                    leaves = leaves.saturating_add(p.terms.validate_at(next)?);
                }
                if sum != Decimal::ONE_HUNDRED {
                    return Err(err!(
                        InvalidTerms,
                        "instalment shares sum to {sum} %, not 100 %"
                    ));
                }
                Ok(leaves)
            }
        }
    }

    /// `true` when the terms give one due date (every kind but deposits and instalments).
    ///
    /// ```
    /// use arrears::terms::PaymentTerms;
    /// assert!(PaymentTerms::NetDays { days: 30 }.is_single());
    /// ```
    pub fn is_single(&self) -> bool {
        !matches!(
            self,
            PaymentTerms::Deposit(_) | PaymentTerms::Instalments(_)
        )
    }

    /// The due date of an invoice issued on `issue_date`.
    ///
    /// # Errors
    /// `terms.invalid`; `terms.multiple_due_dates` for deposits and instalments (use
    /// [`PaymentTerms::schedule`] or [`PaymentTerms::due_dates`]); `date.out_of_range`.
    ///
    /// ```
    /// use arrears::terms::PaymentTerms;
    /// use arrears::calendar::date::parse_date;
    /// // "Fin de mois le 10": end of January, + 10 days.
    /// let t = PaymentTerms::EndOfMonth { after_days: 0, plus_days: 10 };
    /// assert_eq!(t.due_date(parse_date("2025-01-20")?)?, parse_date("2025-02-10")?);
    /// // "Le 31 du mois suivant" on a January invoice: 28 February in 2025, 29 in 2024.
    /// let t = PaymentTerms::DayOfFollowingMonth { day: 31 };
    /// assert_eq!(t.due_date(parse_date("2025-01-15")?)?, parse_date("2025-02-28")?);
    /// assert_eq!(t.due_date(parse_date("2024-01-15")?)?, parse_date("2024-02-29")?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn due_date(&self, issue_date: NaiveDate) -> Result<NaiveDate> {
        self.validate()?;
        let due = self.single_due(issue_date)?.ok_or_else(|| {
            err!(
                MultipleDueDates,
                "{} terms create several receivables; ask for the schedule",
                self.kind()
            )
        })?;
        crate::calendar::date::writable(due, "the due date").map_err(|e| e.at("terms"))
    }

    /// The due dates, one per receivable, without amounts.
    ///
    /// # Errors
    /// `terms.invalid`, `date.out_of_range`.
    ///
    /// ```
    /// use arrears::terms::{Instalments, PaymentTerms, Period};
    /// use arrears::calendar::date::parse_date;
    /// let t = PaymentTerms::Instalments(Instalments::Regular {
    ///     count: 2, first: Box::new(PaymentTerms::NetDays { days: 30 }), every: Period::Days(30),
    /// });
    /// let d = t.due_dates(parse_date("2025-01-15")?)?;
    /// assert_eq!((d[0].due_date, d[1].due_date), (parse_date("2025-02-14")?, parse_date("2025-03-16")?));
    /// assert_eq!(d[1].share_percent, Some(rust_decimal::Decimal::from(50)));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn due_dates(&self, issue_date: NaiveDate) -> Result<Vec<ScheduledDate>> {
        Ok(self
            .leaves(issue_date, None)?
            .into_iter()
            .map(|l| ScheduledDate {
                label: l.label,
                due_date: l.due_date,
                share_percent: l.share.map(display_share),
            })
            .collect())
    }

    /// The receivables an invoice of `amount` issued on `issue_date` becomes: one for
    /// single-date terms, several for deposits and instalments, with amounts that sum exactly
    /// to `amount`.
    ///
    /// # Errors
    /// `terms.invalid` (also for a fixed deposit not below the amount);
    /// `money.not_in_minor_units` when `amount` has more decimals than its currency;
    /// `money.negative_amount`; `date.out_of_range`.
    ///
    /// ```
    /// use arrears::terms::{InstalmentPart, Instalments, PaymentTerms};
    /// use arrears::money::Money;
    /// use arrears::calendar::date::parse_date;
    /// use rust_decimal_macros::dec;
    /// let t = PaymentTerms::Instalments(Instalments::Parts(vec![
    ///     InstalmentPart { share_percent: dec!(50), terms: PaymentTerms::Immediate },
    ///     InstalmentPart { share_percent: dec!(50), terms: PaymentTerms::NetDays { days: 60 } },
    /// ]));
    /// let s = t.schedule(parse_date("2025-01-15")?, Money::parse("0.05", "EUR")?)?;
    /// assert_eq!(s[0].amount.to_minor_string(), "0.03");
    /// assert_eq!(s[1].amount.to_minor_string(), "0.02");
    /// assert_eq!(s[1].due_date, parse_date("2025-03-16")?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn schedule(&self, issue_date: NaiveDate, amount: Money) -> Result<Vec<ScheduledPayment>> {
        let amount = amount.require_minor_units()?;
        if amount.is_negative() {
            return Err(err!(
                NegativeAmount,
                "cannot schedule a negative amount ({amount})"
            ));
        }
        self.leaves(issue_date, Some(amount))?
            .into_iter()
            .map(|l| {
                let amount = l
                    .amount
                    .ok_or_else(|| err!(InvalidTerms, "part {} has no amount", l.label.as_str()))?;
                let share = l.share.unwrap_or(Decimal::ZERO);
                Ok(ScheduledPayment {
                    label: l.label,
                    due_date: l.due_date,
                    share_percent: display_share(share),
                    amount,
                })
            })
            .collect()
    }

    /// Expands the terms into labelled parts (validating first).
    pub(crate) fn leaves(
        &self,
        issue_date: NaiveDate,
        amount: Option<Money>,
    ) -> Result<Vec<Leaf<'_>>> {
        self.validate()?;
        let mut out = self.expand(issue_date, amount, Some(Decimal::ONE_HUNDRED))?;
        for leaf in &out {
            crate::calendar::date::writable(leaf.due_date, "the due date")
                .map_err(|e| e.at("terms"))?;
        }
        if let [only] = out.as_mut_slice() {
            if only.label.is_empty() {
                only.label = String::from("1/1");
            }
        }
        Ok(out)
    }

    fn kind(&self) -> &'static str {
        match self {
            PaymentTerms::Immediate => "immediate",
            PaymentTerms::NetDays { .. } => "net_days",
            PaymentTerms::DaysEndOfMonth { .. } => "days_end_of_month",
            PaymentTerms::EndOfMonth { .. } => "end_of_month",
            PaymentTerms::DayOfFollowingMonth { .. } => "day_of_following_month",
            PaymentTerms::Deposit(_) => "deposit",
            PaymentTerms::Instalments(_) => "instalments",
        }
    }

    /// The due date of single-date terms; `None` for deposits and instalments.
    fn single_due(&self, issue: NaiveDate) -> Result<Option<NaiveDate>> {
        let due = match self {
            PaymentTerms::Immediate => issue,
            PaymentTerms::NetDays { days } => add_days(issue, i64::from(*days))?,
            PaymentTerms::DaysEndOfMonth { days, method } => {
                eom_due(issue, i64::from(*days), *method)?
            }
            PaymentTerms::EndOfMonth {
                after_days,
                plus_days,
            } => {
                let month_of = add_days(issue, i64::from(*after_days))?;
                add_days(end_of_month(month_of), i64::from(*plus_days))?
            }
            PaymentTerms::DayOfFollowingMonth { day } => day_of_following_month(issue, *day)?,
            PaymentTerms::Deposit(_) | PaymentTerms::Instalments(_) => return Ok(None),
        };
        Ok(Some(due))
    }

    /// Expands into leaves; `share` is this node's exact share of the root in percent.
    fn expand(
        &self,
        issue: NaiveDate,
        amount: Option<Money>,
        share: Option<Decimal>,
    ) -> Result<Vec<Leaf<'_>>> {
        if let Some(due) = self.single_due(issue)? {
            return Ok(vec![Leaf {
                label: String::new(),
                due_date: due,
                share,
                amount,
                terms: Some(self),
            }]);
        }
        match self {
            PaymentTerms::Deposit(d) => {
                let DepositSplit {
                    amounts: [dep_amount, bal_amount],
                    shares: [dep_share, bal_share],
                } = deposit_split(d.size, amount, share)?;
                let mut out = prefixed(
                    "deposit",
                    d.deposit_terms.expand(issue, dep_amount, dep_share)?,
                );
                out.extend(prefixed(
                    "balance",
                    d.balance_terms.expand(issue, bal_amount, bal_share)?,
                ));
                Ok(out)
            }
            PaymentTerms::Instalments(Instalments::Regular {
                count,
                first,
                every,
            }) => {
                let first_due = first.single_due(issue)?.ok_or_else(|| {
                    err!(
                        InvalidTerms,
                        "the terms of the first instalment must give a single due date"
                    )
                })?;
                let amounts = match amount {
                    Some(a) => a.split(*count)?.into_iter().map(Some).collect(),
                    None => vec![None; usize::try_from(*count).unwrap_or(0)],
                };
                let part_share = share
                    .map(|s| checked_div(s, Decimal::from(*count)))
                    .transpose()?;
                let mut out = Vec::with_capacity(amounts.len());
                for (k, part_amount) in (0u32..).zip(amounts) {
                    let due = match every {
                        Period::Months(m) => {
                            let months = k
                                .checked_mul(*m)
                                .ok_or_else(|| err!(DateOutOfRange, "instalment date overflows"))?;
                            add_months_eom(first_due, months)?
                        }
                        Period::Days(d) => {
                            let days = i64::from(k)
                                .checked_mul(i64::from(*d))
                                .ok_or_else(|| err!(DateOutOfRange, "instalment date overflows"))?;
                            add_days(first_due, days)?
                        }
                    };
                    out.push(Leaf {
                        label: format!("{}/{count}", k.saturating_add(1)),
                        due_date: due,
                        share: part_share,
                        amount: part_amount,
                        terms: if k == 0 { Some(first.as_ref()) } else { None },
                    });
                }
                Ok(out)
            }
            PaymentTerms::Instalments(Instalments::Parts(parts)) => {
                let weights: Vec<Decimal> = parts.iter().map(|p| p.share_percent).collect();
                let amounts: Vec<Option<Money>> = match amount {
                    Some(a) => a.allocate(&weights)?.into_iter().map(Some).collect(),
                    None => vec![None; parts.len()],
                };
                let n = parts.len();
                let mut out = Vec::new();
                for (i, (part, part_amount)) in parts.iter().zip(amounts).enumerate() {
                    let part_share = share
                        .map(|s| percent_of(s, part.share_percent))
                        .transpose()?;
                    let label = format!("{}/{n}", i.saturating_add(1));
                    out.extend(prefixed(
                        &label,
                        part.terms.expand(issue, part_amount, part_share)?,
                    ));
                }
                Ok(out)
            }
            // Single-date kinds returned above.
            _ => Ok(Vec::new()),
        }
    }
}

/// A deposit node split into its two children: (deposit, balance) amounts and shares.
struct DepositSplit {
    amounts: [Option<Money>; 2],
    shares: [Option<Decimal>; 2],
}

/// Splits a deposit node's amount and share into deposit and balance.
fn deposit_split(
    size: DepositSize,
    amount: Option<Money>,
    share: Option<Decimal>,
) -> Result<DepositSplit> {
    match size {
        DepositSize::SharePercent(p) => {
            let rest = checked_sub(Decimal::ONE_HUNDRED, p)?;
            let amounts = match amount {
                Some(a) => match a.allocate(&[p, rest])?.as_slice() {
                    [d, b] => [Some(*d), Some(*b)],
                    _ => return Err(err!(InvalidTerms, "deposit split failed")),
                },
                None => [None, None],
            };
            let shares = match share {
                Some(s) => [Some(percent_of(s, p)?), Some(percent_of(s, rest)?)],
                None => [None, None],
            };
            Ok(DepositSplit { amounts, shares })
        }
        DepositSize::Amount(fixed) => match amount {
            Some(total) => {
                let deposit = Money::new(fixed, total.currency()).require_minor_units()?;
                if fixed >= total.amount() {
                    return Err(err!(
                        InvalidTerms,
                        "the deposit ({}) must be below the amount ({})",
                        deposit.to_minor_string(),
                        total.to_minor_string()
                    ));
                }
                let balance = total.checked_sub(deposit)?;
                let shares = match share {
                    Some(s) => {
                        let dep_share =
                            checked_div(checked_mul(s, deposit.amount())?, total.amount())?;
                        [Some(dep_share), Some(checked_sub(s, dep_share)?)]
                    }
                    None => [None, None],
                };
                Ok(DepositSplit {
                    amounts: [Some(deposit), Some(balance)],
                    shares,
                })
            }
            None => Ok(DepositSplit {
                amounts: [None, None],
                shares: [None, None],
            }),
        },
    }
}

/// Prefixes child labels with the parent's (`balance` + `1/3` → `balance 1/3`).
fn prefixed<'a>(label: &str, children: Vec<Leaf<'a>>) -> Vec<Leaf<'a>> {
    children
        .into_iter()
        .map(|mut l| {
            l.label = if l.label.is_empty() {
                label.to_string()
            } else {
                format!("{label} {}", l.label)
            };
            l
        })
        .collect()
}

/// "N jours fin de mois" by method A or B.
pub(crate) fn eom_due(issue: NaiveDate, days: i64, method: EomMethod) -> Result<NaiveDate> {
    match method {
        EomMethod::DaysThenEndOfMonth => Ok(end_of_month(add_days(issue, days)?)),
        EomMethod::EndOfMonthThenDays => add_days(end_of_month(issue), days),
    }
}

/// `day` of the month after `issue`'s, clamped to that month's last day.
fn day_of_following_month(issue: NaiveDate, day: u32) -> Result<NaiveDate> {
    let next = end_of_month(issue)
        .succ_opt()
        .ok_or_else(|| err!(DateOutOfRange, "the month after {issue} is out of range"))?;
    let last = days_in_month(
        chrono::Datelike::year(&next),
        chrono::Datelike::month(&next),
    );
    chrono::Datelike::with_day(&next, day.min(last))
        .ok_or_else(|| err!(DateOutOfRange, "day {day} of the month after {issue}"))
}

/// `anchor + months` calendar months, clamped to the month's length; a month-end anchor stays
/// at month ends.
fn add_months_eom(anchor: NaiveDate, months: u32) -> Result<NaiveDate> {
    let d = anchor
        .checked_add_months(Months::new(months))
        .ok_or_else(|| err!(DateOutOfRange, "{anchor} + {months} months is out of range"))?;
    Ok(if anchor == end_of_month(anchor) {
        end_of_month(d)
    } else {
        d
    })
}

fn display_share(share: Decimal) -> Decimal {
    share
        .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

fn checked_mul(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_mul(b)
        .ok_or_else(|| err!(InvalidTerms, "share computation overflows"))
}

fn checked_div(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_div(b)
        .ok_or_else(|| err!(InvalidTerms, "share computation divides by zero"))
}

fn checked_sub(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_sub(b)
        .ok_or_else(|| err!(InvalidTerms, "share computation overflows"))
}

/// `share × percent / 100`.
fn percent_of(share: Decimal, percent: Decimal) -> Result<Decimal> {
    checked_div(checked_mul(share, percent)?, Decimal::ONE_HUNDRED)
}

fn check_range(what: &str, value: i64, min: i64, max: i64) -> Result<()> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(err!(
            InvalidTerms,
            "{what} must be between {min} and {max}, not {value}"
        ))
    }
}

pub(crate) fn check_days(what: &str, value: i64) -> Result<()> {
    check_range(what, value, 0, i64::from(MAX_DAYS))
}

pub(crate) fn check_day_of_month(value: i64) -> Result<()> {
    check_range("day", value, 1, 31)
}

pub(crate) fn check_count(value: i64) -> Result<()> {
    check_range("count", value, 1, i64::from(MAX_PARTS))
}

pub(crate) fn check_share(what: &str, value: Decimal) -> Result<()> {
    if value > Decimal::ZERO && value < Decimal::ONE_HUNDRED {
        Ok(())
    } else {
        Err(err!(
            InvalidTerms,
            "{what} must be strictly between 0 and 100, not {value}"
        ))
    }
}

/// The Rust examples of `docs/terms.md`, compiled and run as doctests so the guide cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../../../docs/terms.md")]
pub struct TermsGuide;

#[cfg(test)]
mod tests;
