//! Recommended terms per grade: deposit, longest payment term, credit limit and payment method.
//! These are policy defaults (docs/domain.md §7: deposits of 30–50 % for risky services customers and
//! 50 % for first orders of new customers, shorter terms for risky customers, longer ones as a
//! reward for the best payers), every one overridable by the caller's `terms_policy`.
//!
//! ```
//! use arrears::risk::{Grade, TermsPolicy, PaymentMethod};
//! let p = TermsPolicy::default();
//! assert_eq!(p.for_grade(Grade::A).max_term_days, 60);
//! assert_eq!(p.for_grade(Grade::C).deposit_percent, 30);
//! assert_eq!(p.for_grade(Grade::E).payment_method, PaymentMethod::Prepayment);
//! ```

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::features::{CurrencyAmount, CustomerFeatures};
use super::score::Grade;
use crate::error::{err, Error, Result};
use crate::money::{decimal_string, format_amount, Currency, RoundingMode};

/// How the customer should pay.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    /// Bank transfer on the due date (the customer pays).
    BankTransfer,
    /// Direct debit (SEPA mandate): the creditor collects on the due date.
    DirectDebit,
    /// Payment before delivery: no credit.
    Prepayment,
}

/// The terms for one grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GradeTerms {
    /// Deposit asked with each order, in percent (0–100).
    pub deposit_percent: u32,
    /// Longest payment term, in days from the invoice (0: payment on order).
    pub max_term_days: u32,
    /// Credit limit in months of average sales (a decimal string, `"0.5"`).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub limit_months: Decimal,
    /// Payment method.
    pub payment_method: PaymentMethod,
}

fn terms(deposit: u32, term: u32, months: i64, scale: u32, method: PaymentMethod) -> GradeTerms {
    GradeTerms {
        deposit_percent: deposit,
        max_term_days: term,
        limit_months: Decimal::new(months, scale),
        payment_method: method,
    }
}

fn grade_a() -> GradeTerms {
    terms(0, 60, 3, 0, PaymentMethod::BankTransfer)
}
fn grade_b() -> GradeTerms {
    terms(0, 45, 2, 0, PaymentMethod::BankTransfer)
}
fn grade_c() -> GradeTerms {
    terms(30, 30, 1, 0, PaymentMethod::DirectDebit)
}
fn grade_d() -> GradeTerms {
    terms(50, 15, 5, 1, PaymentMethod::DirectDebit)
}
fn grade_e() -> GradeTerms {
    terms(100, 0, 0, 0, PaymentMethod::Prepayment)
}
fn fifty() -> u32 {
    50
}

/// The terms policy: one [`GradeTerms`] per grade (keys `"A"` to `"E"`), and the deposit asked on
/// the first orders of a new customer. A grade the caller names replaces that grade's defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TermsPolicy {
    /// Grade A: no deposit, 60 days (the French cap from invoice date, C. com. L441-10), three
    /// months of sales, bank transfer.
    #[serde(rename = "A", default = "grade_a")]
    pub a: GradeTerms,
    /// Grade B: no deposit, 45 days, two months of sales, bank transfer.
    #[serde(rename = "B", default = "grade_b")]
    pub b: GradeTerms,
    /// Grade C: 30 % deposit, 30 days, one month of sales, direct debit.
    #[serde(rename = "C", default = "grade_c")]
    pub c: GradeTerms,
    /// Grade D: 50 % deposit, 15 days, half a month of sales, direct debit.
    #[serde(rename = "D", default = "grade_d")]
    pub d: GradeTerms,
    /// Grade E: prepayment, no credit.
    #[serde(rename = "E", default = "grade_e")]
    pub e: GradeTerms,
    /// Deposit on the first orders of a new customer (flagged new, or without any paid invoice
    /// yet): at least this percent. Default 50 (docs/domain.md §7).
    #[serde(default = "fifty")]
    pub new_customer_deposit_percent: u32,
}

impl Default for TermsPolicy {
    fn default() -> Self {
        TermsPolicy {
            a: grade_a(),
            b: grade_b(),
            c: grade_c(),
            d: grade_d(),
            e: grade_e(),
            new_customer_deposit_percent: fifty(),
        }
    }
}

impl TermsPolicy {
    /// The terms of a grade.
    pub fn for_grade(&self, grade: Grade) -> &GradeTerms {
        match grade {
            Grade::A => &self.a,
            Grade::B => &self.b,
            Grade::C => &self.c,
            Grade::D => &self.d,
            Grade::E => &self.e,
        }
    }

    /// Checks percents within `0..=100` and months of sales not negative.
    ///
    /// # Errors
    /// `input.invalid_value` for each bad field (path `terms_policy.<grade>.<field>`).
    pub fn check(&self) -> Result<()> {
        let mut problems = Vec::new();
        for g in Grade::ALL {
            let t = self.for_grade(g);
            if t.deposit_percent > 100 {
                problems.push(
                    err!(InvalidValue, "deposit_percent must be within 0..=100")
                        .at(format!("terms_policy.{}.deposit_percent", g.as_str())),
                );
            }
            if t.limit_months.is_sign_negative() && !t.limit_months.is_zero() {
                problems.push(
                    err!(InvalidValue, "limit_months must not be negative")
                        .at(format!("terms_policy.{}.limit_months", g.as_str())),
                );
            }
        }
        if self.new_customer_deposit_percent > 100 {
            problems.push(
                err!(
                    InvalidValue,
                    "new_customer_deposit_percent must be within 0..=100"
                )
                .at("terms_policy.new_customer_deposit_percent"),
            );
        }
        match Error::from_many(problems) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// A recommended credit limit in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct CreditLimit {
    /// Currency.
    pub currency: Currency,
    /// Average monthly sales over the last twelve months.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub average_monthly_sales: Decimal,
    /// Months of sales the grade allows.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub months: Decimal,
    /// The limit: `average_monthly_sales × months`, rounded half up to the currency's decimals.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub limit: Decimal,
    /// What the customer owes now.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub exposure: Decimal,
    /// `exposure > limit`.
    pub over_limit: bool,
}

/// The terms recommended for a customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct RecommendedTerms {
    /// Deposit to ask with each order, in percent.
    pub deposit_percent: u32,
    /// Longest payment term to grant, in days from the invoice.
    pub max_term_days: u32,
    /// How the customer should pay.
    pub payment_method: PaymentMethod,
    /// Credit limit per currency the customer buys in (none without sales in the last year).
    pub credit_limits: Vec<CreditLimit>,
    /// Why, in words.
    pub notes: Vec<String>,
}

fn method_words(m: PaymentMethod) -> &'static str {
    match m {
        PaymentMethod::BankTransfer => "bank transfer",
        PaymentMethod::DirectDebit => "direct debit",
        PaymentMethod::Prepayment => "prepayment",
    }
}

/// The terms for a customer of a grade, from the policy.
///
/// # Errors
/// `money.overflow` on absurd amounts.
pub fn recommend(
    f: &CustomerFeatures,
    grade: Grade,
    thin_file: bool,
    policy: &TermsPolicy,
) -> Result<RecommendedTerms> {
    let t = policy.for_grade(grade);
    let mut notes = Vec::new();
    if t.payment_method == PaymentMethod::Prepayment {
        notes.push(format!("grade {}: prepayment, no credit", grade.as_str()));
    } else {
        notes.push(format!(
            "grade {}: {} % deposit, payment within {} days, {}",
            grade.as_str(),
            t.deposit_percent,
            t.max_term_days,
            method_words(t.payment_method)
        ));
    }
    let mut deposit = t.deposit_percent;
    let first_orders = f.new_customer || f.paid == 0;
    if first_orders && deposit < policy.new_customer_deposit_percent {
        deposit = policy.new_customer_deposit_percent;
        notes.push(format!(
            "first orders of a new customer: {deposit} % deposit (docs/domain.md §7)"
        ));
    }
    let mut limits = Vec::new();
    for CurrencyAmount { currency, amount } in &f.monthly_sales {
        let raw = amount
            .checked_mul(t.limit_months)
            .ok_or_else(|| err!(Overflow, "credit limit out of range"))?;
        let mut limit = RoundingMode::HalfUp.round(raw, currency.minor_units());
        limit.rescale(currency.minor_units());
        let mut exposure = f
            .exposure
            .iter()
            .find(|e| e.currency == *currency)
            .map_or(Decimal::ZERO, |e| e.outstanding);
        exposure.rescale(currency.minor_units());
        let over = exposure > limit;
        if over && t.payment_method != PaymentMethod::Prepayment {
            notes.push(format!(
                "owes {cur} {} against a limit of {cur} {}: hold new orders until it comes down",
                format_amount(exposure, *currency),
                format_amount(limit, *currency),
                cur = currency.code()
            ));
        }
        limits.push(CreditLimit {
            currency: *currency,
            average_monthly_sales: *amount,
            months: t.limit_months,
            limit,
            exposure,
            over_limit: over,
        });
    }
    if limits.is_empty() && t.payment_method != PaymentMethod::Prepayment {
        notes.push("no sales in the last year: set the first credit limit by hand".to_string());
    }
    if thin_file {
        notes.push("thin file: review these terms after a few paid invoices".to_string());
    }
    Ok(RecommendedTerms {
        deposit_percent: deposit,
        max_term_days: t.max_term_days,
        payment_method: t.payment_method,
        credit_limits: limits,
        notes,
    })
}
