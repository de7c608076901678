//! Building the schedule of a payment plan: dates, amounts, interest, findings.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

use super::{
    scaled, Every, Instalment, PaymentPlan, PlanFinding, PlanFindingCode, PlanRequest, PlanTotals,
    MAX_GRACE_DAYS, MAX_INSTALMENTS, PRACTICE_FIRST_WITHIN_DAYS, PRACTICE_MAX_MONTHS,
};
use crate::calendar::date::{add_days, days_between};
use crate::calendar::{Calendar, Roll};
use crate::error::{err, Result};
use crate::money::{Currency, Money, RoundingMode};

/// Builds the plan a request describes.
///
/// * **Dates.** Instalment *k* (from 0) is due on `first_date` + *k* periods: *k* calendar months
///   counted from the first date and clamped to the month's length (31 Jan, 29 Feb, 31 Mar), or
///   7*k* days, or *k* × N days. With a `roll`, each date then moves to a business day (never
///   before `agreed_on`: a date that would is rolled forward instead).
/// * **Amounts.** The debt is split into equal principal parts with [`Money::split`]: the first
///   instalments carry the odd cents, the parts sum exactly to the debt. With
///   `max_per_instalment`, the count is the smallest that keeps every instalment (interest
///   included) within the maximum: ⌈amount / max⌉ without interest.
/// * **Interest.** With `annual_rate_percent`, each instalment adds simple interest on the
///   principal still owed before it, for the days since the previous instalment (since
///   `agreed_on` for the first one; none for the first one without `agreed_on`), ACT/365F:
///   `balance × rate / 100 × days / 365`, rounded half-up to the minor unit per instalment.
/// * **Findings** (information, never errors): the last instalment more than 4 months after the
///   first ([`PlanFindingCode::Over4Months`]); the first more than 7 days after `agreed_on`
///   ([`PlanFindingCode::FirstOver7Days`]).
///
/// # Errors
/// * `money.negative_amount` for a negative amount or maximum; `money.not_in_minor_units` when
///   one has more decimals than the currency allows;
/// * `plans.invalid`: a zero amount or maximum; both or neither of `instalments` and
///   `max_per_instalment`; a count outside `1..=120` or above the amount in minor units (an
///   instalment would be zero); a maximum that needs more than 120 instalments; `every` 0 days;
///   `first_date` before `agreed_on`; a negative rate; `grace_days` over 365; two instalments
///   rolled onto the same business day;
/// * `date.out_of_range` when a date leaves the range of dates; `calendar.unknown_calendar`,
///   `calendar.unsupported_year` from the roll; `money.overflow`.
///
/// ```
/// use arrears::plans::{build, Every, PlanRequest};
/// use arrears::money::Money;
/// use arrears::calendar::date::parse_date;
/// use rust_decimal_macros::dec;
///
/// // 1,000.00 EUR at 8 % a year, 2 monthly instalments, agreed on 1 March, first on 1 April.
/// let mut r = PlanRequest::by_count(Money::parse("1000.00", "EUR")?, 2,
///                                   parse_date("2025-04-01")?, Every::Month);
/// r.agreed_on = Some(parse_date("2025-03-01")?);
/// r.annual_rate_percent = Some(dec!(8));
/// let plan = build(&r)?;
/// // 1: 1000.00 × 8 % × 31/365 = 6.7945… → 6.79; 2: 500.00 × 8 % × 30/365 = 3.2876… → 3.29.
/// assert_eq!(plan.instalments[0].amount, dec!(506.79));
/// assert_eq!(plan.instalments[1].amount, dec!(503.29));
/// assert_eq!(plan.totals.interest, dec!(10.08));
///
/// r.instalments = Some(0);
/// assert_eq!(build(&r).unwrap_err().code().as_str(), "plans.invalid");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn build(request: &PlanRequest) -> Result<PaymentPlan> {
    let currency = request.currency;
    let amount = Money::new(request.amount, currency);
    let units = positive_units(amount, "amount")?;

    let grace = request.grace();
    if grace > MAX_GRACE_DAYS {
        return Err(err!(
            InvalidPlan,
            "a grace period is 0 to {MAX_GRACE_DAYS} days, not {grace}"
        )
        .at("grace_days"));
    }
    if request.every == Every::Days(0) {
        return Err(err!(
            InvalidPlan,
            "the period between instalments must be at least 1 day"
        )
        .at("every"));
    }
    if let Some(agreed) = request.agreed_on {
        if request.first_date < agreed {
            return Err(err!(
                InvalidPlan,
                "the first instalment ({}) is before the agreement ({agreed})",
                request.first_date
            )
            .at("first_date"));
        }
    }
    if let Some(rate) = request.annual_rate_percent {
        if rate.is_sign_negative() && !rate.is_zero() {
            return Err(err!(
                InvalidPlan,
                "the interest rate must not be negative, not {rate}"
            )
            .at("annual_rate_percent"));
        }
    }
    let roll = match &request.roll {
        Some(r) => Some((
            r.calendar
                .to_calendar()
                .map_err(|e| e.at("roll.calendar"))?,
            r.roll,
        )),
        None => None,
    };
    let mut dates = Dates {
        first: request.first_date,
        every: request.every,
        floor: request.agreed_on,
        roll,
        list: Vec::new(),
    };

    let instalments = match (request.instalments, request.max_per_instalment) {
        (Some(n), None) => {
            if !(1..=MAX_INSTALMENTS).contains(&n) {
                return Err(err!(
                    InvalidPlan,
                    "a plan has 1 to {MAX_INSTALMENTS} instalments, not {n}"
                )
                .at("instalments"));
            }
            if i128::from(n) > units {
                return Err(err!(
                    InvalidPlan,
                    "{} {currency} cannot be split into {n} instalments of at least one minor unit",
                    request.amount
                )
                .at("instalments"));
            }
            schedule(request, amount, n, &mut dates)?
        }
        (None, Some(max)) => by_max(request, amount, units, max, &mut dates)?,
        (Some(_), Some(_)) => {
            return Err(err!(
                InvalidPlan,
                "give either `instalments` or `max_per_instalment`, not both"
            ))
        }
        (None, None) => {
            return Err(err!(
                InvalidPlan,
                "give the number of `instalments` or a `max_per_instalment`"
            ))
        }
    };

    let mut interest = Decimal::ZERO;
    for i in &instalments {
        interest = add(interest, i.interest)?;
    }
    let totals = PlanTotals {
        principal: scaled(request.amount, currency),
        interest: scaled(interest, currency),
        total: scaled(add(request.amount, interest)?, currency),
    };
    let findings = findings(request, &instalments);
    let terms = PlanRequest {
        amount: scaled(request.amount, currency),
        max_per_instalment: request.max_per_instalment.map(|m| scaled(m, currency)),
        grace_days: Some(grace),
        ..request.clone()
    };
    Ok(PaymentPlan {
        terms,
        instalments,
        totals,
        findings,
    })
}

/// The smallest count whose instalments all stay within `max`.
fn by_max(
    request: &PlanRequest,
    amount: Money,
    units: i128,
    max: Decimal,
    dates: &mut Dates,
) -> Result<Vec<Instalment>> {
    let currency = amount.currency();
    let max_units = positive_units(Money::new(max, currency), "max_per_instalment")?;
    // ⌈units / max_units⌉, in integers so that no rounding can hide a remainder.
    let least = units
        .checked_add(max_units)
        .and_then(|s| s.checked_sub(1))
        .and_then(|s| s.checked_div(max_units))
        .ok_or_else(|| err!(Overflow, "{amount} / {max} overflows"))?;
    let cap = i128::from(MAX_INSTALMENTS);
    if least > cap {
        return Err(err!(
            InvalidPlan,
            "{amount} at most {max} per instalment needs {least} instalments; a plan has at most {MAX_INSTALMENTS}"
        )
        .at("max_per_instalment"));
    }
    let mut n = u32::try_from(least).map_err(|_| err!(Overflow, "instalment count overflows"))?;
    loop {
        if n > MAX_INSTALMENTS || i128::from(n) > units {
            return Err(err!(
                InvalidPlan,
                "with interest at {} %, no plan of at most {MAX_INSTALMENTS} instalments keeps every instalment within {max}",
                request.annual_rate_percent.unwrap_or_default()
            )
            .at("max_per_instalment"));
        }
        let instalments = schedule(request, amount, n, dates)?;
        if instalments.iter().all(|i| i.amount <= max) {
            return Ok(instalments);
        }
        n = n
            .checked_add(1)
            .ok_or_else(|| err!(Overflow, "instalment count overflows"))?;
    }
}

/// The `n` instalments of the plan.
fn schedule(
    request: &PlanRequest,
    amount: Money,
    n: u32,
    dates: &mut Dates,
) -> Result<Vec<Instalment>> {
    let currency = amount.currency();
    let due_dates = dates.first_n(n)?;
    let parts = amount.split(n)?;
    let mut balance = amount.amount();
    let mut since = request.agreed_on;
    let mut out = Vec::with_capacity(parts.len());
    for (number, (due_date, part)) in (1u32..).zip(due_dates.into_iter().zip(parts)) {
        let principal = part.amount();
        let (interest, interest_days) = match request.annual_rate_percent {
            Some(rate) => {
                let days = since.map_or(0, |s| days_between(s, due_date));
                (interest_for(balance, rate, days, currency)?, Some(days))
            }
            None => (Decimal::ZERO, None),
        };
        out.push(Instalment {
            number,
            due_date,
            principal: scaled(principal, currency),
            interest: scaled(interest, currency),
            amount: scaled(add(principal, interest)?, currency),
            balance_before: scaled(balance, currency),
            interest_days,
        });
        balance = balance
            .checked_sub(principal)
            .ok_or_else(|| err!(Overflow, "{balance} - {principal} overflows"))?;
        since = Some(due_date);
    }
    Ok(out)
}

/// `balance × rate / 100 × days / 365`, rounded half-up to the minor unit. The multiplications
/// come first and the one division last, so the only rounding is the final one (up to the
/// 28 significant digits of the decimal type).
fn interest_for(balance: Decimal, rate: Decimal, days: i64, currency: Currency) -> Result<Decimal> {
    let overflow = || {
        err!(
            Overflow,
            "interest on {balance} at {rate} % for {days} days overflows"
        )
    };
    let exact = balance
        .checked_mul(rate)
        .and_then(|x| x.checked_mul(Decimal::from(days)))
        .and_then(|x| x.checked_div(Decimal::from(36_500)))
        .ok_or_else(overflow)?;
    Ok(RoundingMode::HalfUp.round(exact, currency.minor_units()))
}

/// The findings: the practice's 4 months from first to last instalment and 7 days from the
/// agreement to the first.
fn findings(request: &PlanRequest, instalments: &[Instalment]) -> Vec<PlanFinding> {
    let mut out = Vec::new();
    if let (Some(first), Some(last)) = (instalments.first(), instalments.last()) {
        let limit = first
            .due_date
            .checked_add_months(Months::new(PRACTICE_MAX_MONTHS));
        if limit.is_some_and(|limit| last.due_date > limit) {
            out.push(PlanFinding {
                code: PlanFindingCode::Over4Months,
                message: format!(
                    "the last instalment ({}) is more than {PRACTICE_MAX_MONTHS} months after the first ({}); practice is a plan of 2 to 4 months at most",
                    last.due_date, first.due_date
                ),
            });
        }
        if let Some(agreed) = request.agreed_on {
            let limit = add_days(agreed, i64::from(PRACTICE_FIRST_WITHIN_DAYS)).ok();
            if limit.is_some_and(|limit| first.due_date > limit) {
                out.push(PlanFinding {
                    code: PlanFindingCode::FirstOver7Days,
                    message: format!(
                        "the first instalment ({}) is {} days after the agreement ({agreed}); practice is within {PRACTICE_FIRST_WITHIN_DAYS} days",
                        first.due_date,
                        days_between(agreed, first.due_date)
                    ),
                });
            }
        }
    }
    out
}

/// The instalment dates, computed once and extended on demand (the `max_per_instalment` search
/// tries growing counts over the same dates).
struct Dates {
    first: NaiveDate,
    every: Every,
    /// No rolled date before this one (the agreement).
    floor: Option<NaiveDate>,
    roll: Option<(Calendar, Roll)>,
    list: Vec<NaiveDate>,
}

impl Dates {
    fn first_n(&mut self, n: u32) -> Result<Vec<NaiveDate>> {
        let n = usize::try_from(n).map_err(|_| err!(Overflow, "instalment count overflows"))?;
        while self.list.len() < n {
            let k = u32::try_from(self.list.len())
                .map_err(|_| err!(Overflow, "instalment count overflows"))?;
            let date = self.nth(k)?;
            if let Some(prev) = self.list.last() {
                if date <= *prev {
                    return Err(err!(
                        InvalidPlan,
                        "instalments {k} and {} both fall on {date} once rolled to business days; choose a longer period",
                        k.saturating_add(1)
                    )
                    .at("roll"));
                }
            }
            self.list.push(date);
        }
        Ok(self.list.iter().take(n).copied().collect())
    }

    /// Instalment `k` (from 0), rolled.
    fn nth(&self, k: u32) -> Result<NaiveDate> {
        let first = self.first;
        let out_of_range = || {
            err!(
                DateOutOfRange,
                "instalment {}: {first} + {k} × {} is beyond the last date documents can write, 9999-12-31",
                k.saturating_add(1),
                self.every
            )
        };
        let raw = match self.every {
            Every::Month => first
                .checked_add_months(Months::new(k))
                .ok_or_else(out_of_range)?,
            Every::Week => {
                add_days(first, i64::from(k).saturating_mul(7)).map_err(|_| out_of_range())?
            }
            Every::Days(d) => add_days(first, i64::from(k).saturating_mul(i64::from(d)))
                .map_err(|_| out_of_range())?,
        };
        let date = match &self.roll {
            None => raw,
            Some((calendar, roll)) => {
                let rolled = calendar.roll(raw, *roll)?;
                match self.floor {
                    Some(floor) if rolled < floor => calendar.roll(raw, Roll::Following)?,
                    _ => rolled,
                }
            }
        };
        // Documents write dates as YYYY-MM-DD: a plan must be readable back.
        if date.year() > 9999 {
            return Err(out_of_range());
        }
        Ok(date)
    }
}

/// The amount in minor units, which must be above zero.
fn positive_units(amount: Money, field: &str) -> Result<i128> {
    if amount.is_negative() {
        return Err(err!(
            NegativeAmount,
            "{field} must be above zero, not {}",
            amount.amount()
        )
        .at(field));
    }
    if amount.is_zero() {
        return Err(err!(InvalidPlan, "{field} must be above zero").at(field));
    }
    let exact = amount.require_minor_units().map_err(|e| e.at(field))?;
    let units = scaled(exact.amount(), exact.currency());
    if units.scale() != exact.currency().minor_units() {
        return Err(err!(Overflow, "{field} {} is out of range", amount.amount()).at(field));
    }
    Ok(units.mantissa())
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b)
        .ok_or_else(|| err!(Overflow, "{a} + {b} overflows"))
}
