//! Tracking a payment plan: payments applied oldest instalment first, statuses, default.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{
    scaled, InstalmentStatus, PaymentPlan, PlanPayment, PlanState, PlanStatus, StatusTotals,
    TrackedInstalment, MAX_GRACE_DAYS,
};
use crate::calendar::date::add_days;
use crate::error::{err, Error, Result};
use crate::money::{Currency, Money};

/// The state of `plan` on `as_of`, given the payments received.
///
/// Payments dated after `as_of` are not counted. The others, in date order, pay the instalments
/// oldest first: instalment *i* is paid in full once the payments reach the sum of instalments
/// 1 to *i*. An instalment is **missed** when it is not paid in full at the end of its due date
/// + `grace_days` (its `grace_until`), that day's payments included, and that day is on or
///   before `as_of`. The plan is:
///
/// * `completed` when every instalment is paid (even if some were paid late);
/// * otherwise `defaulted` when an instalment was missed, with `defaulted_on` = the first missed
///   instalment's `grace_until` (a later payment does not revive the plan: docs/domain.md §5, a missed
///   instalment ends it);
/// * otherwise `active`.
///
/// What is received beyond the whole plan is reported as `overpayment`, so that
/// `Σ paid + overpayment = Σ payments` (dated on or before `as_of`).
///
/// # Errors
/// * `plans.invalid` when the plan document is not one [`build`](super::build) could have made:
///   no instalments, numbers not 1, 2, ..., dates not strictly increasing, an amount that is not
///   above zero, `grace_days` over 365 (paths under `plan.`);
/// * `money.negative_amount`, `money.not_in_minor_units` for a payment (paths `payments[i].amount`);
/// * `date.out_of_range`, `money.overflow`.
///
/// ```
/// use arrears::plans::{build, track, Every, InstalmentStatus, PlanPayment, PlanRequest, PlanState};
/// use arrears::money::Money;
/// use arrears::calendar::date::parse_date;
/// use rust_decimal_macros::dec;
///
/// // 100.00 EUR in 3 monthly instalments from 10 January: 33.34, 33.33, 33.33.
/// let plan = build(&PlanRequest::by_count(Money::parse("100.00", "EUR")?, 3,
///                                        parse_date("2025-01-10")?, Every::Month))?;
/// let pay = |d: &str, a| Ok::<_, arrears::Error>(PlanPayment { date: parse_date(d)?, amount: a });
/// let payments = [pay("2025-01-10", dec!(33.34))?, pay("2025-02-12", dec!(40.00))?];
///
/// // On 12 February: the first paid, the second paid (33.33 of the 40.00), 6.67 towards the third.
/// let s = track(&plan, &payments, parse_date("2025-02-12")?)?;
/// let st: Vec<_> = s.instalments.iter().map(|i| i.status).collect();
/// assert_eq!(st, [InstalmentStatus::Paid, InstalmentStatus::Paid, InstalmentStatus::PartlyPaid]);
/// assert_eq!(s.instalments[2].paid, dec!(6.67));
/// assert_eq!(s.state, PlanState::Active);
///
/// // Nothing more by 15 March (10 March + 5 days of grace): the plan defaulted that day.
/// let s = track(&plan, &payments, parse_date("2025-03-20")?)?;
/// assert_eq!(s.instalments[2].status, InstalmentStatus::Missed);
/// assert_eq!((s.state, s.defaulted_on, s.first_missed),
///            (PlanState::Defaulted, Some(parse_date("2025-03-15")?), Some(3)));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn track(plan: &PaymentPlan, payments: &[PlanPayment], as_of: NaiveDate) -> Result<PlanStatus> {
    let currency = plan.terms.currency;
    let grace = plan.terms.grace();
    if grace > MAX_GRACE_DAYS {
        return Err(err!(
            InvalidPlan,
            "a grace period is 0 to {MAX_GRACE_DAYS} days, not {grace}"
        )
        .at("plan.terms.grace_days"));
    }
    check_instalments(plan)?;

    // The payments that count, in date order (stable: same-day payments keep their order, which
    // cannot change any result since only the running sum matters).
    let mut counted: Vec<(NaiveDate, Decimal)> = Vec::with_capacity(payments.len());
    let mut problems = Vec::new();
    for (i, p) in payments.iter().enumerate() {
        match check_payment(p.amount, currency) {
            Ok(()) => {
                if p.date <= as_of {
                    counted.push((p.date, p.amount));
                }
            }
            Err(e) => problems.push(e.at(format!("payments[{i}].amount"))),
        }
    }
    if let Some(e) = Error::from_many(problems) {
        return Err(e);
    }
    counted.sort_by_key(|(date, _)| *date);
    // Running totals: `received[j]` is what payments 0..=j bring together.
    let mut running = Vec::with_capacity(counted.len());
    let mut received = Decimal::ZERO;
    for (date, amount) in counted {
        received = add(received, amount)?;
        running.push((date, received));
    }
    let received_by = |day: NaiveDate| -> Decimal {
        let n = running.partition_point(|(d, _)| *d <= day);
        n.checked_sub(1)
            .and_then(|j| running.get(j))
            .map_or(Decimal::ZERO, |(_, sum)| *sum)
    };

    let mut lines = Vec::with_capacity(plan.instalments.len());
    let mut before = Decimal::ZERO; // sum of the earlier instalments
    let mut total = Decimal::ZERO;
    let mut paid_total = Decimal::ZERO;
    let mut overdue = Decimal::ZERO;
    let mut first_missed: Option<(u32, NaiveDate)> = None;
    for inst in &plan.instalments {
        let through = add(before, inst.amount)?; // sum of instalments 1..=this one
        let paid = sub(received, before)?.max(Decimal::ZERO).min(inst.amount);
        let outstanding = sub(inst.amount, paid)?;
        let grace_until = add_days(inst.due_date, i64::from(grace))?;
        let paid_on = if outstanding.is_zero() {
            running
                .iter()
                .find(|(_, sum)| *sum >= through)
                .map(|(d, _)| *d)
        } else {
            None
        };
        // Missed: not paid in full by the end of its last day of grace, that day being past.
        let missed = grace_until <= as_of && received_by(grace_until) < through;
        if missed && first_missed.is_none() {
            first_missed = Some((inst.number, grace_until));
        }
        let status = if outstanding.is_zero() {
            InstalmentStatus::Paid
        } else if grace_until <= as_of {
            InstalmentStatus::Missed
        } else if !paid.is_zero() {
            InstalmentStatus::PartlyPaid
        } else if inst.due_date <= as_of {
            InstalmentStatus::Due
        } else {
            InstalmentStatus::NotDue
        };
        if inst.due_date <= as_of {
            overdue = add(overdue, outstanding)?;
        }
        total = add(total, inst.amount)?;
        paid_total = add(paid_total, paid)?;
        lines.push(TrackedInstalment {
            number: inst.number,
            due_date: inst.due_date,
            grace_until,
            amount: scaled(inst.amount, currency),
            paid: scaled(paid, currency),
            outstanding: scaled(outstanding, currency),
            status,
            paid_on,
        });
        before = through;
    }

    let outstanding = sub(total, paid_total)?;
    let overpayment = sub(received, total)?.max(Decimal::ZERO);
    let (state, defaulted) = if outstanding.is_zero() {
        (PlanState::Completed, None)
    } else if let Some(missed) = first_missed {
        (PlanState::Defaulted, Some(missed))
    } else {
        (PlanState::Active, None)
    };
    Ok(PlanStatus {
        as_of,
        currency,
        state,
        defaulted_on: defaulted.map(|(_, on)| on),
        first_missed: defaulted.map(|(number, _)| number),
        instalments: lines,
        totals: StatusTotals {
            amount: scaled(total, currency),
            received: scaled(received, currency),
            paid: scaled(paid_total, currency),
            outstanding: scaled(outstanding, currency),
            overdue: scaled(overdue, currency),
        },
        overpayment: scaled(overpayment, currency),
    })
}

/// A plan document must be one the builder could have made: numbered 1, 2, ..., dates strictly
/// increasing, amounts above zero and exact in minor units.
fn check_instalments(plan: &PaymentPlan) -> Result<()> {
    let currency = plan.terms.currency;
    if plan.instalments.is_empty() {
        return Err(err!(InvalidPlan, "the plan has no instalments").at("plan.instalments"));
    }
    let mut problems = Vec::new();
    let mut previous: Option<NaiveDate> = None;
    for ((i, inst), expected) in plan.instalments.iter().enumerate().zip(1u32..) {
        let at = |field: &str| format!("plan.instalments[{i}].{field}");
        if inst.number != expected {
            problems.push(
                err!(
                    InvalidPlan,
                    "instalment {} is numbered {}",
                    expected,
                    inst.number
                )
                .at(at("number")),
            );
        }
        if previous.is_some_and(|p| inst.due_date <= p) {
            problems.push(
                err!(
                    InvalidPlan,
                    "instalment {expected} is due on {}, not after the previous one",
                    inst.due_date
                )
                .at(at("due_date")),
            );
        }
        previous = Some(inst.due_date);
        let amount = Money::new(inst.amount, currency);
        if !amount.is_positive() {
            problems.push(
                err!(
                    InvalidPlan,
                    "instalment {expected} is {}; instalments are above zero",
                    inst.amount
                )
                .at(at("amount")),
            );
        } else if let Err(e) = amount.require_minor_units() {
            problems.push(e.at(at("amount")));
        }
    }
    match Error::from_many(problems) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn check_payment(amount: Decimal, currency: Currency) -> Result<()> {
    let m = Money::new(amount, currency);
    if m.is_negative() {
        return Err(err!(
            NegativeAmount,
            "a payment is zero or more, not {amount}"
        ));
    }
    m.require_minor_units().map(|_| ())
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b)
        .ok_or_else(|| err!(Overflow, "{a} + {b} overflows"))
}

fn sub(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_sub(b)
        .ok_or_else(|| err!(Overflow, "{a} - {b} overflows"))
}
