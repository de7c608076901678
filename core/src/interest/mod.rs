//! Statutory late-payment interest and fixed recovery compensation, itemised.
//!
//! An [`InterestRequest`] (a regime, a principal, a due date, an end date, the payments and
//! credits) gives a [`Statement`]: one [`Segment`] per run of days at one rate on one balance,
//! the payments as imputed, the fixed compensation of the regime, the reference rates read, and
//! warnings (a flagged rate entry, a caller-supplied rate, a contractual rate below the French
//! floor). `docs/interest.md` is the specification: every regime with its statute, formula and
//! defaults, and every convention of `docs/legal-rates.md` §7 as an option.
//!
//! ```
//! use arrears::interest::{compute, InterestRequest};
//! use arrears::rates::RateTable;
//!
//! // C. com. L441-10 II: BCE rate of 1 January 2024 (4.50 %) + 10 points = 14.50 %;
//! // 1,000.00 × 14.50 % × 44 / 365 = 17.479… → 17.48, plus the EUR 40 of D441-5.
//! let request: InterestRequest = serde_json::from_value(serde_json::json!({
//!     "regime": "fr_b2b", "principal": "1000.00", "currency": "EUR",
//!     "due_date": "2024-01-31", "until": "2024-03-15"
//! })).unwrap();
//! let statement = compute(&request, &RateTable::builtin()?)?;
//! assert_eq!(statement.interest.to_string(), "17.48");
//! assert_eq!(statement.fixed_compensation.to_string(), "40.00");
//! assert_eq!(statement.total_due.to_string(), "1057.48");
//! assert_eq!(statement.segments[0].days, 44);
//! # Ok::<(), arrears::Error>(())
//! ```

mod engine;
pub mod ledger;
pub mod ops;
pub(crate) mod regime;

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::calendar::date::serde_date;
use crate::calendar::{CalendarSpec, DayCount};
use crate::error::{err, Error, Result};
use crate::money::{decimal_string, Currency, Money};
use crate::rates::{RateSeries, RateTable};

pub use engine::compute_with_plan;
pub use regime::Plan;

/// The interest regimes: which statute, which reference rate, which margin, which fixed sum.
/// Identifiers are stable and shared by every binding.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Regime {
    /// France, between businesses: C. com. L441-10 II (BCE rate of the half-year + 10), EUR 40
    /// per invoice (D441-5); the pre-2013 and pre-2009 versions by contract date.
    FrB2b,
    /// France, a contractual rate (`rate_percent`) or "N × the legal rate", checked against the
    /// floor of 3 × the legal rate (L441-10 II).
    FrB2bContractual,
    /// France, the legal rate "autres cas" (C. civ. 1231-6; CMF L313-2).
    FrLegalProfessional,
    /// France, the legal rate for creditors who are consumers.
    FrLegalConsumer,
    /// France, public buyers: ECB rate of the starting half-year + 8, frozen (CCP R2192-31).
    FrPublicProcurement,
    /// Germany, no consumer party: Basiszinssatz + 9 (+ 8 before 29 July 2014), EUR 40 (§ 288 BGB).
    DeB2b,
    /// Germany, a consumer is party: Basiszinssatz + 5 (§ 288 (1) BGB).
    DeConsumer,
    /// United Kingdom: Late Payment of Commercial Debts (Interest) Act 1998, reference rate + 8
    /// fixed for the debt, £40 / £70 / £100.
    UkLatePayment,
    /// Any EU member state: Directive 2011/7/EU minimum, reference rate + at least 8, EUR 40.
    EuDirective,
    /// A contract's own rate (annual or monthly, simple or compounded) and fee.
    Contractual,
}

impl Regime {
    /// Every regime.
    pub const ALL: &'static [Regime] = &[
        Regime::FrB2b,
        Regime::FrB2bContractual,
        Regime::FrLegalProfessional,
        Regime::FrLegalConsumer,
        Regime::FrPublicProcurement,
        Regime::DeB2b,
        Regime::DeConsumer,
        Regime::UkLatePayment,
        Regime::EuDirective,
        Regime::Contractual,
    ];

    /// The stable identifier, e.g. `"fr_b2b"`.
    ///
    /// ```
    /// assert_eq!(arrears::interest::Regime::DeB2b.as_str(), "de_b2b");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Regime::FrB2b => "fr_b2b",
            Regime::FrB2bContractual => "fr_b2b_contractual",
            Regime::FrLegalProfessional => "fr_legal_professional",
            Regime::FrLegalConsumer => "fr_legal_consumer",
            Regime::FrPublicProcurement => "fr_public_procurement",
            Regime::DeB2b => "de_b2b",
            Regime::DeConsumer => "de_consumer",
            Regime::UkLatePayment => "uk_late_payment",
            Regime::EuDirective => "eu_directive",
            Regime::Contractual => "contractual",
        }
    }
}

impl FromStr for Regime {
    type Err = Error;

    /// ```
    /// use arrears::interest::Regime;
    /// assert_eq!("uk_late_payment".parse::<Regime>()?, Regime::UkLatePayment);
    /// assert_eq!("fr".parse::<Regime>().unwrap_err().code().as_str(), "interest.unknown_regime");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<Regime> {
        Regime::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| {
                let known: Vec<&str> = Regime::ALL.iter().map(|r| r.as_str()).collect();
                err!(
                    UnknownRegime,
                    "unknown interest regime {s:?}; known: {}",
                    known.join(", ")
                )
            })
    }
}

impl fmt::Display for Regime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Regime {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Regime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(crate::document::de_error)
    }
}

/// How the reference rate is sampled for a day of delay (docs/legal-rates.md §7, ambiguity 3).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RateFixing {
    /// The value in force on 1 January or 1 July of the day's half-year (FR L441-10, DE § 247,
    /// directive art. 3(2)).
    PerHalfYear,
    /// The value of the half-year in which interest starts, for the whole delay (UK SI 2002/1675
    /// art. 4; FR public procurement R2192-31).
    FixedAtStart,
    /// The value in force on the day itself (the French rule before 2013).
    EveryChange,
}

/// Where cents are rounded (docs/legal-rates.md §7, ambiguity 4). Always half-up.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Exact segment amounts summed, rounded once (per imputation block).
    Total,
    /// Each segment rounded, then summed.
    PerSegment,
    /// The daily interest rounded first, then multiplied by the days (GOV.UK illustration).
    DailyAmount,
}

/// Imputation of partial payments (docs/legal-rates.md §7, ambiguity 5).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Allocation {
    /// Interest accrued first, then principal (C. civ. 1343-1; § 367 BGB).
    InterestFirst,
    /// Principal first; only a surplus pays interest (UK practice: the Act has no rule).
    PrincipalFirst,
}

/// The amount interest is computed on (docs/legal-rates.md §7, ambiguity 6).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Base {
    /// Tax included (TTC): the French default.
    Gross,
    /// Before tax (HT), when the terms say so; needs `net_principal`.
    Net,
}

/// What the UK fixed-sum band is measured on (docs/legal-rates.md §7, ambiguity 7).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FixedSumBasis {
    /// The principal as invoiced.
    Principal,
    /// What was still owed on the due date.
    OutstandingWhenLate,
}

/// Whether a contractual rate is per year or per month.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RatePeriod {
    /// `rate_percent` is per year.
    Annual,
    /// `rate_percent` is per month (× 12 per year).
    Monthly,
}

/// Simple interest, or interest added to the balance every month (contractual only).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Compounding {
    /// Interest never bears interest.
    Simple,
    /// At each monthly anniversary of the due date, the interest accrued is added to the balance.
    Monthly,
}

/// Conventions; every field is optional and defaults to the regime's documented value.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InterestOptions {
    /// Year basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_count: Option<DayCount>,
    /// Whether the day of a payment still bears interest on the amount paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count_payment_day: Option<bool>,
    /// How the reference rate is sampled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_fixing: Option<RateFixing>,
    /// Where cents are rounded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounding: Option<Rounding>,
    /// Imputation of partial payments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation: Option<Allocation>,
    /// An annual (or, with `rate_period: monthly`, monthly) rate replacing the statutory one.
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub rate_percent: Option<Decimal>,
    /// `fr_b2b_contractual`: "N fois le taux d'intérêt légal".
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub legal_rate_multiplier: Option<Decimal>,
    /// The reference series (default per regime).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_series: Option<String>,
    /// Points added to the reference rate (default per regime).
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub margin_points: Option<Decimal>,
    /// When the obligation arose (default: the due date).
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub contract_date: Option<NaiveDate>,
    /// The day the debtor was put on notice (a formal notice, C. civ. 1344; a reminder after the
    /// due date, § 286 (1) BGB): interest runs from the day after it instead of from the due date.
    /// For `fr_legal_professional`, `fr_legal_consumer` and `de_consumer`, whose interest runs
    /// from a notice unless a contract sets a date; never before the due date.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub notice_date: Option<NaiveDate>,
    /// Move a due date on a non-business day to the next business day (§ 193 BGB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roll_due_date: Option<bool>,
    /// Calendar for `roll_due_date` (default `de`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarSpec>,
    /// Gross (default) or net base.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Base>,
    /// The net amount when `base` is `net`.
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub net_principal: Option<Decimal>,
    /// Claim the regime's fixed sum (default true where it has one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_compensation: Option<bool>,
    /// UK band basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_sum_basis: Option<FixedSumBasis>,
    /// `eu_directive`: the fixed sum in the request's currency (default EUR 40).
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub fixed_sum: Option<Decimal>,
    /// `contractual`: the rate is per year or per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_period: Option<RatePeriod>,
    /// `contractual`: simple or monthly compounding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compounding: Option<Compounding>,
    /// `contractual`: a fixed fee.
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub fee_fixed: Option<Decimal>,
    /// `contractual`: a fee as a percentage of the principal.
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub fee_percent: Option<Decimal>,
}

/// A dated amount: a payment or a credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DatedAmount {
    /// Value date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub date: NaiveDate,
    /// Amount, above zero.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
}

/// What to compute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InterestRequest {
    /// The regime.
    pub regime: Regime,
    /// The amount that fell due, above zero.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub principal: Decimal,
    /// Its currency.
    pub currency: Currency,
    /// The agreed payment date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub due_date: NaiveDate,
    /// The last day interest is computed for.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub until: NaiveDate,
    /// Payments by the debtor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payments: Vec<DatedAmount>,
    /// Credit notes reducing the principal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<DatedAmount>,
    /// Conventions.
    #[serde(default)]
    pub options: InterestOptions,
    /// Rate series to add to or replace the built-in ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<RateSeries>,
}

impl InterestRequest {
    /// A request with the regime's default conventions, no payment and no credit.
    ///
    /// ```
    /// use arrears::prelude::*;
    /// let req = InterestRequest::new(Regime::FrB2b, Money::parse("1000.00", "EUR")?,
    ///                                ymd(2024, 1, 31)?, ymd(2024, 3, 15)?);
    /// let statement = arrears::interest::compute(&req, &RateTable::builtin()?)?;
    /// // 44 days at 14.50 % (ECB 4.50 + 10, C. com. L441-10) on 1,000.00.
    /// assert_eq!(statement.interest.to_string(), "17.48");
    /// assert_eq!(statement.total_due.to_string(), "1057.48");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn new(regime: Regime, principal: Money, due_date: NaiveDate, until: NaiveDate) -> Self {
        InterestRequest {
            regime,
            principal: principal.amount(),
            currency: principal.currency(),
            due_date,
            until,
            payments: Vec::new(),
            credits: Vec::new(),
            options: InterestOptions::default(),
            rates: Vec::new(),
        }
    }

    /// Adds a payment by the debtor.
    #[must_use]
    pub fn with_payment(mut self, date: NaiveDate, amount: Decimal) -> Self {
        self.payments.push(DatedAmount { date, amount });
        self
    }

    /// Adds a credit note reducing the principal.
    #[must_use]
    pub fn with_credit(mut self, date: NaiveDate, amount: Decimal) -> Self {
        self.credits.push(DatedAmount { date, amount });
        self
    }

    /// Sets the conventions.
    #[must_use]
    pub fn with_options(mut self, options: InterestOptions) -> Self {
        self.options = options;
        self
    }
}

/// One run of days at one rate on one balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Segment {
    /// First interest day.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub from: NaiveDate,
    /// Last interest day (included).
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub to: NaiveDate,
    /// Interest days under the day count.
    pub days: i64,
    /// Amount bearing interest.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub balance: Decimal,
    /// Annual rate applied, in percent.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub rate_percent: Decimal,
    /// Interest of the segment rounded half-up to the minor unit (for reading).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest: Decimal,
    /// Interest of the segment as it enters the total under the rounding rule: exact for
    /// `total`, rounded for `per_segment`, daily amount × days for `daily_amount`.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest_exact: Decimal,
}

/// A reference-rate entry a computation read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct RateUsed {
    /// Series id.
    pub series: String,
    /// The entry's start date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub from: NaiveDate,
    /// Its value.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub rate_percent: Decimal,
    /// The entry's flag, when single-sourced, derived or unverified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
}

/// What a payment or credit did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct AppliedEvent {
    /// Value date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub date: NaiveDate,
    /// `payment` or `credit`.
    pub kind: String,
    /// Amount.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
    /// Part that paid interest.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub to_interest: Decimal,
    /// Part that reduced the principal.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub to_principal: Decimal,
}

/// Something a person should know about a figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Warning {
    /// `rate_flagged`, `rate_supplied`, `contractual_rate_below_floor`, `historical_regime`.
    pub code: String,
    /// Explanation.
    pub message: String,
}

/// The itemised result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Statement {
    /// The regime applied.
    pub regime: Regime,
    /// Currency of every amount.
    pub currency: Currency,
    /// The principal of the request.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub principal: Decimal,
    /// The due date interest ran from (after any § 193 roll).
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub due_date: NaiveDate,
    /// The end date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub until: NaiveDate,
    /// All interest accrued.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest: Decimal,
    /// The regime's fixed compensation (or the contractual fee).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub fixed_compensation: Decimal,
    /// Principal outstanding + interest outstanding + fixed compensation.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub total_due: Decimal,
    /// Interest covered by payments.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest_paid: Decimal,
    /// Interest still owed.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest_outstanding: Decimal,
    /// Principal still owed.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub principal_outstanding: Decimal,
    /// The runs of days.
    pub segments: Vec<Segment>,
    /// Payments and credits as applied.
    pub events: Vec<AppliedEvent>,
    /// Reference-rate entries read.
    pub rates_used: Vec<RateUsed>,
    /// Warnings.
    pub warnings: Vec<Warning>,
}

/// Computes a statement with the built-in rate table plus the request's own series.
///
/// # Errors
/// `interest.invalid_principal`, `interest.invalid_payment`, `interest.invalid_option`,
/// `rates.unknown_date`, `rates.unknown_series`, `rates.invalid_series`, `money.not_in_minor_units`,
/// `money.overflow`, and calendar errors for a § 193 roll.
pub fn compute(request: &InterestRequest, table: &RateTable) -> Result<Statement> {
    let mut supplied = None;
    if !request.rates.is_empty() {
        let mut t = table.clone();
        for (i, s) in request.rates.iter().enumerate() {
            t.insert(s.clone())
                .map_err(|e| e.at(format!("rates[{i}]")))?;
        }
        supplied = Some(t);
    }
    let table = supplied.as_ref().unwrap_or(table);
    let plan = Plan::resolve(request, table)?;
    // An overflow is the amounts' (beyond 28 significant digits): the principal names the place.
    let mut statement = compute_with_plan(request, &plan, table)
        .map_err(|e| e.locate(crate::Code::Overflow, "principal"))?;
    for s in &request.rates {
        if statement.rates_used.iter().any(|u| u.series == s.id) {
            statement.warnings.push(Warning {
                code: "rate_supplied".into(),
                message: format!(
                    "the rate series {} was supplied by the caller (known until {}); check it against the official publication",
                    s.id, s.known_until
                ),
            });
        }
    }
    Ok(statement)
}
