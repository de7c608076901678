//! Payment plans (échéancier, plan d'apurement): a debt split into dated instalments, the
//! payments tracked against them, and the default when one is missed.
//!
//! The practice (docs/domain.md §5): split a debt, e.g. 10,000 in 4 × 2,500, over 2 to 4 months at
//! most, with the first instalment within 7 days of the agreement; track each instalment; a missed
//! one ends the plan and escalation resumes. Here:
//!
//! * [`build`] turns a [`PlanRequest`] into a [`PaymentPlan`]: the dates (monthly, weekly or every
//!   N days, optionally rolled to business days), the amounts split exactly (the first instalments
//!   carry the odd cents), optional simple interest on the declining balance, and
//!   [`PlanFinding`]s when the plan goes beyond the practice (informational, never errors).
//! * [`track`] applies payments to a plan **as of a date**, oldest instalment first, and gives
//!   each instalment's [`InstalmentStatus`] and the plan's [`PlanState`] ([`PlanStatus`]).
//! * [`ops`] holds the `plan` and `plan_status` operations of [`crate::run`].
//!
//! `docs/plans.md` is the guide, with the rules written out and worked examples.
//!
//! ```
//! use arrears::calendar::date::parse_date;
//! use arrears::money::Money;
//! use arrears::plans::{build, track, Every, InstalmentStatus, PlanPayment, PlanRequest, PlanState};
//! use rust_decimal_macros::dec;
//!
//! // 10,000.00 EUR in 4 monthly instalments from 5 March 2025.
//! let request = PlanRequest::by_count(
//!     Money::parse("10000.00", "EUR")?, 4, parse_date("2025-03-05")?, Every::Month);
//! let plan = build(&request)?;
//! assert_eq!(plan.instalments.len(), 4);
//! assert!(plan.instalments.iter().all(|i| i.amount == dec!(2500.00)));
//! assert_eq!(plan.instalments[3].due_date, parse_date("2025-06-05")?);
//!
//! // The first instalment paid on time; the second not paid 5 days (the default grace) after
//! // 5 April: the plan defaulted on 10 April.
//! let paid = [PlanPayment { date: parse_date("2025-03-05")?, amount: dec!(2500.00) }];
//! let status = track(&plan, &paid, parse_date("2025-04-15")?)?;
//! assert_eq!(status.instalments[0].status, InstalmentStatus::Paid);
//! assert_eq!(status.instalments[1].status, InstalmentStatus::Missed);
//! assert_eq!(status.state, PlanState::Defaulted);
//! assert_eq!(status.defaulted_on, Some(parse_date("2025-04-10")?));
//! # Ok::<(), arrears::Error>(())
//! ```

pub mod ops;
mod schedule;
mod track;

#[cfg(test)]
mod tests;

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::calendar::date::serde_date;
use crate::calendar::{CalendarSpec, Roll};
use crate::error::err;
use crate::money::{decimal_string, Currency, Money};

pub use schedule::build;
pub use track::track;

/// The most instalments a plan may have.
///
/// ```
/// assert_eq!(arrears::plans::MAX_INSTALMENTS, 120);
/// ```
pub const MAX_INSTALMENTS: u32 = 120;

/// The grace period when the request gives none: an instalment unpaid 5 days after its due date
/// is missed.
///
/// ```
/// assert_eq!(arrears::plans::DEFAULT_GRACE_DAYS, 5);
/// ```
pub const DEFAULT_GRACE_DAYS: u32 = 5;

/// The longest grace period accepted, in days (a longer one is a typing mistake, not a plan).
///
/// ```
/// assert_eq!(arrears::plans::MAX_GRACE_DAYS, 365);
/// ```
pub const MAX_GRACE_DAYS: u32 = 365;

/// The practice's longest plan: the last instalment at most this many months after the first
/// (docs/domain.md §5, "2 to 4 months at most"); beyond it, [`PlanFindingCode::Over4Months`].
///
/// ```
/// assert_eq!(arrears::plans::PRACTICE_MAX_MONTHS, 4);
/// ```
pub const PRACTICE_MAX_MONTHS: u32 = 4;

/// The practice's longest wait for the first instalment, in days after the agreement
/// (docs/domain.md §5, "first instalment within 7 days"); beyond it,
/// [`PlanFindingCode::FirstOver7Days`].
///
/// ```
/// assert_eq!(arrears::plans::PRACTICE_FIRST_WITHIN_DAYS, 7);
/// ```
pub const PRACTICE_FIRST_WITHIN_DAYS: u32 = 7;

/// The interval between two instalments. JSON: `"month"`, `"week"` or a number of days (`14`).
///
/// Monthly dates are counted from the first date, not from one another, and clamped to the
/// month's length, so a short month does not pull the series back: 31 January, 29 February,
/// 31 March 2024.
///
/// ```
/// use arrears::plans::Every;
/// let e: Every = serde_json::from_str(r#""week""#).unwrap();
/// assert_eq!(e, Every::Week);
/// let e: Every = serde_json::from_str("14").unwrap();
/// assert_eq!(e, Every::Days(14));
/// assert_eq!(serde_json::to_string(&Every::Month).unwrap(), r#""month""#);
/// assert!(serde_json::from_str::<Every>(r#""fortnight""#).is_err());
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Every {
    /// One calendar month (the default).
    #[default]
    Month,
    /// Seven days.
    Week,
    /// A number of calendar days, at least 1.
    Days(u32),
}

impl fmt::Display for Every {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Every::Month => f.write_str("month"),
            Every::Week => f.write_str("week"),
            Every::Days(d) => write!(f, "{d} days"),
        }
    }
}

impl Serialize for Every {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Every::Month => s.serialize_str("month"),
            Every::Week => s.serialize_str("week"),
            Every::Days(d) => s.serialize_u32(*d),
        }
    }
}

impl<'de> Deserialize<'de> for Every {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Every;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#""month", "week" or a number of days"#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Every, E> {
                match v {
                    "month" => Ok(Every::Month),
                    "week" => Ok(Every::Week),
                    _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Every, E> {
                u32::try_from(v).map(Every::Days).map_err(|_| {
                    crate::document::de_error(err!(InvalidPlan, "every {v} days is out of range"))
                })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Every, E> {
                match u64::try_from(v) {
                    Ok(v) => self.visit_u64(v),
                    Err(_) => Err(crate::document::de_error(err!(
                        InvalidPlan,
                        "the period must be at least 1 day, not {v}"
                    ))),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// Moves instalment dates that are not business days. JSON: `{"calendar": "fr", "roll":
/// "following"}` (a calendar id or `{"id", "closures"}`, and `none`, `following`, `preceding` or
/// `modified_following`).
///
/// A rolled date never goes before the agreement date (it rolls forward instead), and two
/// instalments rolled onto the same day are refused (`plans.invalid`).
///
/// ```
/// use arrears::plans::PlanRoll;
/// use arrears::calendar::Roll;
/// let r: PlanRoll = serde_json::from_str(r#"{"calendar": "fr", "roll": "following"}"#).unwrap();
/// assert_eq!(r.calendar.id, "fr");
/// assert_eq!(r.roll, Roll::Following);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "Moves instalment dates that are not business days. A rolled date never goes before the agreement date (it rolls forward instead), and two instalments rolled onto the same day are refused (`plans.invalid`)."
    )
)]
#[serde(deny_unknown_fields)]
pub struct PlanRoll {
    /// The business-day calendar.
    pub calendar: CalendarSpec,
    /// How a date that is not a business day moves.
    pub roll: Roll,
}

/// What the parties agreed: the debt, how it is split, when, at what rate. The `plan` request,
/// and the `terms` of the resulting [`PaymentPlan`] (with `grace_days` filled in).
///
/// JSON: `{"amount": "10000.00", "currency": "EUR", "instalments": 4, "first_date":
/// "2025-03-05", "every": "month", "agreed_on"?: "2025-03-01", "annual_rate_percent"?: "8",
/// "grace_days"?: 5, "roll"?: {...}, "reference"?: "..."}`, with `max_per_instalment` instead of
/// `instalments` to let the count follow from a ceiling. Unknown fields are refused.
///
/// ```
/// use arrears::plans::{Every, PlanRequest};
/// let r: PlanRequest = serde_json::from_value(serde_json::json!({
///     "amount": "100.00", "currency": "EUR", "instalments": 3,
///     "first_date": "2025-01-10", "every": "month"})).unwrap();
/// assert_eq!(r.instalments, Some(3));
/// assert_eq!(r.every, Every::Month);
/// assert!(r.grace_days.is_none() && r.agreed_on.is_none());
/// assert!(serde_json::from_value::<PlanRequest>(serde_json::json!({
///     "amount": "100.00", "currency": "EUR", "instalments": 3,
///     "first_date": "2025-01-10", "every": "month", "count": 3})).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "What the parties agreed: the debt, how it is split, when, at what rate. The `plan` request, and the `terms` of the resulting plan (with `grace_days` filled in and amounts written with the currency's decimals). Exactly one of `instalments` and `max_per_instalment`. Unknown fields are refused."
    )
)]
#[serde(deny_unknown_fields)]
pub struct PlanRequest {
    /// The debt, above zero and exact in the currency's minor unit.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
    /// Its currency.
    pub currency: Currency,
    /// The number of instalments, `1..=120`. Exactly one of this and `max_per_instalment`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instalments: Option<u32>,
    /// The most one instalment may be (interest included): the plan has the fewest equal
    /// instalments that stay within it.
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub max_per_instalment: Option<Decimal>,
    /// The first instalment's date (before any roll).
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub first_date: NaiveDate,
    /// The interval between instalments (default `month`).
    #[serde(default)]
    pub every: Every,
    /// The date of the agreement: the first date may not be before it; interest, if any, runs
    /// from it.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub agreed_on: Option<NaiveDate>,
    /// Simple interest, in percent a year (ACT/365F), on the declining balance, added to each
    /// instalment.
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub annual_rate_percent: Option<Decimal>,
    /// Days after its due date before an unpaid instalment is missed, `0..=365` (default 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grace_days: Option<u32>,
    /// Moves instalment dates to business days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roll: Option<PlanRoll>,
    /// Free text: a file number, the invoices covered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

impl PlanRequest {
    /// A plan of `count` instalments, with no interest, no roll and the default grace period;
    /// set the other fields on the result.
    ///
    /// ```
    /// use arrears::plans::{build, Every, PlanRequest};
    /// use arrears::money::Money;
    /// use arrears::calendar::date::parse_date;
    /// let mut r = PlanRequest::by_count(Money::parse("900.00", "EUR")?, 3,
    ///                                   parse_date("2025-01-10")?, Every::Week);
    /// r.reference = Some("F2025-0042".into());
    /// let plan = build(&r)?;
    /// assert_eq!(plan.instalments[2].due_date, parse_date("2025-01-24")?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn by_count(amount: Money, count: u32, first_date: NaiveDate, every: Every) -> Self {
        PlanRequest {
            amount: amount.amount(),
            currency: amount.currency(),
            instalments: Some(count),
            max_per_instalment: None,
            first_date,
            every,
            agreed_on: None,
            annual_rate_percent: None,
            grace_days: None,
            roll: None,
            reference: None,
        }
    }

    /// A plan whose instalments are each at most `max` (in the amount's currency).
    ///
    /// ```
    /// use arrears::plans::{build, Every, PlanRequest};
    /// use arrears::money::Money;
    /// use arrears::calendar::date::parse_date;
    /// use rust_decimal_macros::dec;
    /// let r = PlanRequest::by_max(Money::parse("1000.00", "EUR")?, dec!(300.00),
    ///                             parse_date("2025-01-10")?, Every::Month);
    /// // ⌈1000 / 300⌉ = 4 instalments of 250.00.
    /// let plan = build(&r)?;
    /// assert_eq!(plan.instalments.len(), 4);
    /// assert_eq!(plan.instalments[0].amount, dec!(250.00));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn by_max(amount: Money, max: Decimal, first_date: NaiveDate, every: Every) -> Self {
        PlanRequest {
            instalments: None,
            max_per_instalment: Some(max),
            ..PlanRequest::by_count(amount, 0, first_date, every)
        }
    }

    /// The grace period in days: `grace_days`, or [`DEFAULT_GRACE_DAYS`].
    ///
    /// ```
    /// use arrears::plans::{Every, PlanRequest};
    /// use arrears::money::Money;
    /// use arrears::calendar::date::parse_date;
    /// let mut r = PlanRequest::by_count(Money::parse("10", "EUR")?, 1, parse_date("2025-01-10")?, Every::Month);
    /// assert_eq!(r.grace(), 5);
    /// r.grace_days = Some(0);
    /// assert_eq!(r.grace(), 0);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn grace(&self) -> u32 {
        self.grace_days.unwrap_or(DEFAULT_GRACE_DAYS)
    }
}

/// One instalment of a [`PaymentPlan`].
///
/// `amount = principal + interest`; `balance_before` is the principal still owed before this
/// instalment (the base of its interest).
///
/// ```
/// use arrears::plans::{build, Every, PlanRequest};
/// use arrears::money::Money;
/// use arrears::calendar::date::parse_date;
/// use rust_decimal_macros::dec;
/// let plan = build(&PlanRequest::by_count(Money::parse("100.00", "EUR")?, 3,
///                                        parse_date("2025-01-10")?, Every::Month))?;
/// let second = &plan.instalments[1];
/// assert_eq!((second.number, second.principal, second.interest), (2, dec!(33.33), dec!(0.00)));
/// assert_eq!(second.balance_before, dec!(66.66));
/// assert_eq!(second.interest_days, None); // no rate
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "One instalment of a payment plan: `amount = principal + interest`; `balance_before` is the principal still owed before this instalment (the base of its interest)."
    )
)]
#[serde(deny_unknown_fields)]
pub struct Instalment {
    /// 1, 2, ...
    pub number: u32,
    /// The date it is due (rolled to a business day when the plan has a roll).
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub due_date: NaiveDate,
    /// The part of the debt it repays; the principal parts sum exactly to the debt.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub principal: Decimal,
    /// Interest for the days since the previous instalment (since the agreement for the first),
    /// rounded half-up to the minor unit; zero without a rate.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest: Decimal,
    /// What the debtor pays: principal + interest.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
    /// The principal owed before this instalment.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub balance_before: Decimal,
    /// With a rate: the days of interest in this instalment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest_days: Option<i64>,
}

/// The sums of a [`PaymentPlan`].
///
/// ```
/// use arrears::plans::PlanTotals;
/// use rust_decimal_macros::dec;
/// let t = PlanTotals { principal: dec!(100.00), interest: dec!(1.50), total: dec!(101.50) };
/// assert_eq!(t.principal + t.interest, t.total);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(description = "The sums of a payment plan: `principal + interest = total`.")
)]
#[serde(deny_unknown_fields)]
pub struct PlanTotals {
    /// The debt (the sum of the principal parts).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub principal: Decimal,
    /// The sum of the interest parts.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest: Decimal,
    /// What the debtor pays in all.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub total: Decimal,
}

/// A stable finding code. Codes are never renamed once released; new ones may be added.
///
/// ```
/// use arrears::plans::PlanFindingCode;
/// assert_eq!(PlanFindingCode::Over4Months.as_str(), "plans.over_4_months");
/// assert_eq!(serde_json::to_string(&PlanFindingCode::FirstOver7Days).unwrap(),
///            r#""plans.first_over_7_days""#);
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "A stable finding code. Codes are never renamed once released; new ones may be added."
    )
)]
pub enum PlanFindingCode {
    /// The last instalment is more than 4 months after the first (practice: 2 to 4 months at
    /// most, docs/domain.md §5).
    #[serde(rename = "plans.over_4_months")]
    Over4Months,
    /// The first instalment is more than 7 days after the agreement (practice: within 7 days,
    /// docs/domain.md §5).
    #[serde(rename = "plans.first_over_7_days")]
    FirstOver7Days,
}

impl PlanFindingCode {
    /// Every finding code, in catalogue order.
    ///
    /// ```
    /// assert_eq!(arrears::plans::PlanFindingCode::ALL.len(), 2);
    /// ```
    pub const ALL: &'static [PlanFindingCode] = &[
        PlanFindingCode::Over4Months,
        PlanFindingCode::FirstOver7Days,
    ];

    /// The stable string form.
    ///
    /// ```
    /// use arrears::plans::PlanFindingCode;
    /// assert!(PlanFindingCode::ALL.iter().all(|c| c.as_str().starts_with("plans.")));
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            PlanFindingCode::Over4Months => "plans.over_4_months",
            PlanFindingCode::FirstOver7Days => "plans.first_over_7_days",
        }
    }
}

impl fmt::Display for PlanFindingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something the builder has to say about a plan that goes beyond the practice. Information for
/// the creditor, never an error: the parties may agree a longer plan.
///
/// ```
/// use arrears::plans::{build, Every, PlanFindingCode, PlanRequest};
/// use arrears::money::Money;
/// use arrears::calendar::date::parse_date;
/// // Six monthly instalments: 10 January to 10 June is 5 months.
/// let plan = build(&PlanRequest::by_count(Money::parse("600.00", "EUR")?, 6,
///                                        parse_date("2025-01-10")?, Every::Month))?;
/// assert_eq!(plan.findings.len(), 1);
/// assert_eq!(plan.findings[0].code, PlanFindingCode::Over4Months);
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "Something the builder has to say about a plan that goes beyond the practice: information for the creditor, never an error (the parties may agree a longer plan)."
    )
)]
#[serde(deny_unknown_fields)]
pub struct PlanFinding {
    /// The stable code.
    pub code: PlanFindingCode,
    /// An explanation with the dates involved; wording may change, the code does not.
    pub message: String,
}

/// A payment plan: the agreed terms, the schedule, its totals and the findings.
///
/// The document `plan` returns, and the one `plan_status` and the dunning journal take back.
/// Tracking reads `terms.currency`, `terms.grace_days` and each instalment's `number`,
/// `due_date` and `amount`.
///
/// ```
/// use arrears::plans::{build, Every, PaymentPlan, PlanRequest};
/// use arrears::money::Money;
/// use arrears::calendar::date::parse_date;
/// let plan = build(&PlanRequest::by_count(Money::parse("100.00", "EUR")?, 3,
///                                        parse_date("2025-01-10")?, Every::Month))?;
/// assert_eq!(plan.terms.grace_days, Some(5)); // filled in
/// // The document round-trips, and building its terms again gives the same plan.
/// let json = serde_json::to_value(&plan).unwrap();
/// assert_eq!(json["instalments"][0]["amount"], "33.34");
/// let back: PaymentPlan = serde_json::from_value(json).unwrap();
/// assert_eq!(back, plan);
/// assert_eq!(build(&plan.terms)?, plan);
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "A payment plan: the agreed terms, the schedule, its totals and the findings. The document `plan` returns, and the one `plan_status` and the dunning journal take back."
    )
)]
#[serde(deny_unknown_fields)]
pub struct PaymentPlan {
    /// The request, with `grace_days` filled in and amounts written with the currency's decimals.
    #[cfg_attr(feature = "schemas", schemars(with = "crate::plans::PlanTerms"))]
    pub terms: PlanRequest,
    /// The instalments, in date order.
    pub instalments: Vec<Instalment>,
    /// Sums of the instalments.
    pub totals: PlanTotals,
    /// Where the plan goes beyond the practice.
    #[serde(default)]
    pub findings: Vec<PlanFinding>,
}

/// A payment received under a plan, in the plan's currency. JSON: `{"date": "2025-03-05",
/// "amount": "2500.00"}`.
///
/// ```
/// use arrears::plans::PlanPayment;
/// let p: PlanPayment = serde_json::from_str(r#"{"date": "2025-03-05", "amount": "2500.00"}"#).unwrap();
/// assert_eq!(p.amount.to_string(), "2500.00");
/// assert!(serde_json::from_str::<PlanPayment>(r#"{"date": "2025-03-05", "amount": 2500}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanPayment {
    /// The day it was received.
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    /// The amount, zero or more, exact in minor units.
    #[serde(with = "decimal_string")]
    pub amount: Decimal,
}

/// Where an instalment stands on the as-of date.
///
/// | status | when |
/// |---|---|
/// | `paid` | fully paid (on time or not) |
/// | `missed` | not fully paid at the end of its due date + grace days (on or before the as-of date) |
/// | `partly_paid` | some of it paid, not missed |
/// | `due` | nothing paid, due date passed (or today), within the grace period |
/// | `not_due` | nothing paid, due date after the as-of date |
///
/// ```
/// use arrears::plans::InstalmentStatus;
/// assert_eq!(serde_json::to_string(&InstalmentStatus::PartlyPaid).unwrap(), r#""partly_paid""#);
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstalmentStatus {
    /// Fully paid.
    Paid,
    /// Partly paid, not missed.
    PartlyPaid,
    /// Due date after the as-of date, nothing paid.
    NotDue,
    /// Due date reached, within the grace period, nothing paid.
    Due,
    /// Still unpaid (in full or in part) at the end of its due date + grace days.
    Missed,
}

/// Where the plan stands on the as-of date.
///
/// ```
/// use arrears::plans::PlanState;
/// assert_eq!(serde_json::to_string(&PlanState::Defaulted).unwrap(), r#""defaulted""#);
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanState {
    /// Running: nothing missed, something left to pay.
    Active,
    /// Every instalment paid.
    Completed,
    /// An instalment was missed and the plan is not fully paid: escalation resumes. A late
    /// payment does not revive the plan.
    Defaulted,
}

/// One instalment as tracked by [`track`].
///
/// ```
/// use arrears::plans::{build, track, Every, InstalmentStatus, PlanPayment, PlanRequest};
/// use arrears::money::Money;
/// use arrears::calendar::date::parse_date;
/// use rust_decimal_macros::dec;
/// let plan = build(&PlanRequest::by_count(Money::parse("100.00", "EUR")?, 2,
///                                        parse_date("2025-01-10")?, Every::Month))?;
/// let pay = [PlanPayment { date: parse_date("2025-01-10")?, amount: dec!(20.00) }];
/// let s = track(&plan, &pay, parse_date("2025-01-12")?)?;
/// let first = &s.instalments[0];
/// assert_eq!((first.paid, first.outstanding), (dec!(20.00), dec!(30.00)));
/// assert_eq!(first.status, InstalmentStatus::PartlyPaid);
/// assert_eq!(first.grace_until, parse_date("2025-01-15")?);
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrackedInstalment {
    /// The instalment's number.
    pub number: u32,
    /// Its due date.
    #[serde(with = "serde_date")]
    pub due_date: NaiveDate,
    /// The last day a payment still counts as in time: due date + grace days.
    #[serde(with = "serde_date")]
    pub grace_until: NaiveDate,
    /// What is due for it.
    #[serde(with = "decimal_string")]
    pub amount: Decimal,
    /// What payments dated on or before the as-of date cover of it.
    #[serde(with = "decimal_string")]
    pub paid: Decimal,
    /// `amount - paid`.
    #[serde(with = "decimal_string")]
    pub outstanding: Decimal,
    /// Its status on the as-of date.
    pub status: InstalmentStatus,
    /// When paid in full: the date of the payment that completed it.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub paid_on: Option<NaiveDate>,
}

/// Sums of a [`PlanStatus`]: `received = paid + overpayment`, `amount = paid + outstanding`.
///
/// ```
/// use arrears::plans::StatusTotals;
/// use rust_decimal_macros::dec;
/// let t = StatusTotals { amount: dec!(100.00), received: dec!(40.00), paid: dec!(40.00),
///                        outstanding: dec!(60.00), overdue: dec!(10.00) };
/// assert_eq!(t.paid + t.outstanding, t.amount);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusTotals {
    /// What the plan asks in all (the sum of the instalments).
    #[serde(with = "decimal_string")]
    pub amount: Decimal,
    /// The payments dated on or before the as-of date.
    #[serde(with = "decimal_string")]
    pub received: Decimal,
    /// What of them went to instalments.
    #[serde(with = "decimal_string")]
    pub paid: Decimal,
    /// What is left to pay.
    #[serde(with = "decimal_string")]
    pub outstanding: Decimal,
    /// What is left to pay of the instalments due on or before the as-of date.
    #[serde(with = "decimal_string")]
    pub overdue: Decimal,
}

/// A plan's state on a date: every instalment's status, the plan's state, the sums.
///
/// ```
/// use arrears::plans::{build, track, Every, PlanPayment, PlanRequest, PlanState};
/// use arrears::money::Money;
/// use arrears::calendar::date::parse_date;
/// use rust_decimal_macros::dec;
/// let plan = build(&PlanRequest::by_count(Money::parse("100.00", "EUR")?, 2,
///                                        parse_date("2025-01-10")?, Every::Month))?;
/// // 120.00 paid at once: both instalments are paid and 20.00 is left over, not dropped.
/// let pay = [PlanPayment { date: parse_date("2025-01-08")?, amount: dec!(120.00) }];
/// let s = track(&plan, &pay, parse_date("2025-01-08")?)?;
/// assert_eq!(s.state, PlanState::Completed);
/// assert_eq!(s.overpayment, dec!(20.00));
/// assert_eq!(s.totals.paid, dec!(100.00));
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanStatus {
    /// The date the status is for; later payments are not counted.
    #[serde(with = "serde_date")]
    pub as_of: NaiveDate,
    /// The plan's currency.
    pub currency: Currency,
    /// `active`, `completed` or `defaulted`.
    pub state: PlanState,
    /// When `defaulted`: the first missed instalment's due date + grace days.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub defaulted_on: Option<NaiveDate>,
    /// When `defaulted`: the number of the first missed instalment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_missed: Option<u32>,
    /// Every instalment, in order.
    pub instalments: Vec<TrackedInstalment>,
    /// The sums.
    pub totals: StatusTotals,
    /// What was received beyond the whole plan (never silently dropped: refund it or apply it
    /// elsewhere).
    #[serde(with = "decimal_string")]
    pub overpayment: Decimal,
}

/// `amount` written with exactly the currency's decimals (`10000` → `10000.00`); the amount must
/// already be exact in minor units.
fn scaled(amount: Decimal, currency: Currency) -> Decimal {
    let mut d = amount;
    d.rescale(currency.minor_units());
    d
}

/// The user guide `docs/plans.md`, whose Rust examples run as doctests so the page cannot drift.
#[doc = include_str!("../../../docs/plans.md")]
#[cfg(doctest)]
pub struct PlansGuide;

#[cfg(feature = "schemas")]
mod schema_terms {
    use std::borrow::Cow;

    use schemars::{JsonSchema, Schema, SchemaGenerator};

    use super::PlanRequest;

    /// Schema stand-in for the `terms` of a [`PaymentPlan`](super::PaymentPlan): the plan request as the plan writes it
    /// back, where `every` is always present. It has a name of its own because the request as read
    /// (`PlanRequest`, in `plan-request.schema.json`) has `every` optional, and a name means one shape
    /// across the published schemas.
    pub struct PlanTerms;

    impl JsonSchema for PlanTerms {
        fn schema_name() -> Cow<'static, str> {
            "PlanTerms".into()
        }

        fn json_schema(generator: &mut SchemaGenerator) -> Schema {
            let mut schema = PlanRequest::json_schema(generator);
            schema.insert(
                "description".into(),
                "The terms of a payment plan: its request as the plan writes it back, with \
                 `grace_days` filled in and amounts written with the currency's decimals."
                    .into(),
            );
            schema
        }
    }
}

#[cfg(feature = "schemas")]
pub use schema_terms::PlanTerms;
