//! The interest engine's computation ([`crate::interest::compute_with_plan`]) in integers, for the
//! plans most ledgers use: a reference series sampled per half-year or fixed at the start,
//! ACT/365F, interest rounded once per block (`total`), simple interest, gross base. Amounts are
//! integer minor units, rates integer ten-thousandths of a percent, days day numbers; interest
//! accrues as an exact rational (numerator over `365 × 10^6`), rounded half-up to the minor unit
//! where the engine rounds (when a payment closes a block, and at the end). The engine's decimals
//! carry 28 significant digits: an accrual of this form lies at least `1 / 7,300,000` of a minor
//! unit from any half-unit it is not exactly on, far beyond their rounding error, so both round
//! the same way. A plan or a case outside this set (another day count, a rate that changes at every
//! ECB decision, a payment larger than what is owed) is [`Outcome::Fallback`]: the caller runs the
//! engine itself.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::columns::{civil, civil_day, day_number, minor_units};
use crate::calendar::DayCount;
use crate::interest::regime::{FixedSum, Plan, Reference};
use crate::interest::{Allocation, Compounding, FixedSumBasis, RateFixing, Rounding};
use crate::money::Currency;
use crate::rates::RateTable;

/// Denominator of accruals: 365 days × 100 (percent) × 10^4 (rate units).
const DENOMINATOR: i128 = 365_000_000;

/// How the rate of a day is sampled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fixing {
    PerHalfYear,
    FixedAtStart,
}

/// The fixed compensation of a plan, in minor units where it is an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fixed {
    None,
    Amount(i64),
    UkBands { on_principal: bool, unit: i64 },
}

/// A plan the kernel can run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FastPlan {
    /// The due day interest runs after (after any roll).
    pub due: i32,
    count_payment_day: bool,
    interest_first: bool,
    fixing: Fixing,
    fixed: Fixed,
    /// Which reference (series, multiplier and margin) in the [`Rates`] cache.
    rate: usize,
}

/// The annual rates of the plans' references per half-year, in ten-thousandths of a percent,
/// computed once: `None` when the rate is unknown for that half-year or not exact in those units
/// (the engine then says why).
#[derive(Debug, Default)]
pub struct Rates {
    /// (reference, margin) of each cached rate line.
    keys: Vec<(Reference, Decimal)>,
    /// Per rate line: half-year index (year × 2 + half) − [`FIRST_HALF`] → the rate.
    lines: Vec<Vec<Option<Option<i64>>>>,
}

/// The first half-year cached: 1990.
const FIRST_HALF: i32 = 1990 * 2;
/// Half-years cached: 1990 to 2109.
const HALVES: usize = 240;

impl Rates {
    fn line_for(&mut self, reference: &Reference, margin: Decimal) -> usize {
        match self
            .keys
            .iter()
            .position(|(r, m)| r == reference && *m == margin)
        {
            Some(i) => i,
            None => {
                self.keys.push((reference.clone(), margin));
                self.lines.push(vec![None; HALVES]);
                self.keys.len().saturating_sub(1)
            }
        }
    }

    /// The rate of line `line` for the half-year starting on `sample`, as the engine's
    /// `rate_on` computes it.
    fn rate(&mut self, line: usize, half: i32, table: &RateTable) -> Option<i64> {
        let slot = usize::try_from(half.checked_sub(FIRST_HALF)?).ok()?;
        if let Some(Some(v)) = self.lines.get(line).and_then(|l| l.get(slot)) {
            return *v;
        }
        let (reference, margin) = self.keys.get(line)?;
        let year = half.div_euclid(2);
        let month = if half.rem_euclid(2) == 0 { 1 } else { 7 };
        let sample = NaiveDate::from_ymd_opt(year, month, 1)?;
        let value = match reference {
            Reference::Fixed(r) => r.checked_add(*margin),
            Reference::Series { multiplier, .. } => reference
                .series_for(sample)
                .and_then(|id| table.get(id).ok())
                .and_then(|s| s.entry_on(sample).ok())
                .and_then(|e| multiplier.checked_mul(e.rate_percent))
                .and_then(|v| v.checked_add(*margin)),
        };
        let units = value.and_then(|v| {
            let scaled = v.checked_mul(Decimal::from(10_000))?;
            if !scaled.fract().is_zero() {
                return None;
            }
            let mut whole = scaled.trunc();
            whole.rescale(0);
            i64::try_from(whole.mantissa()).ok()
        });
        if let Some(l) = self.lines.get_mut(line) {
            if let Some(s) = l.get_mut(slot) {
                *s = Some(units);
            }
        }
        units
    }
}

/// The half-year index of a day (year × 2, + 1 from July).
fn half_of(day: i32) -> i32 {
    let (year, month, _) = civil(day);
    year.saturating_mul(2).saturating_add(i32::from(month > 6))
}

/// The first day of half-year `half`.
fn half_start(half: i32) -> Option<i32> {
    let year = half.div_euclid(2);
    let month = if half.rem_euclid(2) == 0 { 1 } else { 7 };
    i32::try_from(civil_day(year, month, 1)).ok()
}

impl FastPlan {
    /// The kernel's form of a plan, or `None` when the plan needs the engine.
    pub fn of(plan: &Plan, currency: Currency, rates: &mut Rates) -> Option<FastPlan> {
        let fixing = match plan.fixing {
            RateFixing::PerHalfYear => Fixing::PerHalfYear,
            RateFixing::FixedAtStart => Fixing::FixedAtStart,
            _ => return None,
        };
        if plan.day_count != DayCount::Act365Fixed
            || plan.rounding != Rounding::Total
            || plan.compounding != Compounding::Simple
            || plan.base_ratio.is_some()
        {
            return None;
        }
        let unit = 10i64.checked_pow(currency.minor_units())?;
        let fixed = match &plan.fixed {
            FixedSum::None => Fixed::None,
            FixedSum::Amount(a) => Fixed::Amount(minor_units(*a, currency)?),
            FixedSum::UkBands(basis) => Fixed::UkBands {
                on_principal: *basis == FixedSumBasis::Principal,
                unit,
            },
            _ => return None,
        };
        Some(FastPlan {
            due: day_number(plan.due),
            count_payment_day: plan.count_payment_day,
            interest_first: plan.allocation == Allocation::InterestFirst,
            fixing,
            fixed,
            rate: rates.line_for(&plan.reference, plan.margin),
        })
    }
}

/// What the kernel computed for one receivable, in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Figures {
    /// All interest accrued.
    pub interest: i64,
    /// Interest covered by payments.
    pub interest_paid: i64,
    /// Principal still owed on the statement.
    pub principal_outstanding: i64,
    /// Fixed compensation.
    pub fixed: i64,
}

impl Figures {
    /// Principal + interest not paid + fixed compensation.
    pub fn total_due(&self) -> i64 {
        self.principal_outstanding
            .saturating_add(self.interest.saturating_sub(self.interest_paid))
            .saturating_add(self.fixed)
    }
}

/// The kernel's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Computed.
    Done(Figures),
    /// The engine must compute this one (and say why it cannot, if it cannot).
    Fallback,
}

/// One payment or credit as the engine orders them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Event {
    effect: i32,
    credit_first: u8,
    day: i32,
    index: u32,
    amount: i64,
}

/// Reusable buffers, so that no receivable allocates.
#[derive(Debug, Default)]
pub struct Scratch {
    events: Vec<Event>,
    cuts: Vec<i32>,
}

struct Run {
    principal: i64,
    /// Accrual of the open block, over [`DENOMINATOR`].
    block: i128,
    total: i64,
    owed: i64,
    paid: i64,
}

impl Run {
    fn close_block(&mut self) -> Option<()> {
        // Half-up to the minor unit (the accrual is never negative).
        let rounded = self
            .block
            .checked_mul(2)?
            .checked_add(DENOMINATOR)?
            .checked_div(DENOMINATOR.checked_mul(2)?)?;
        let rounded = i64::try_from(rounded).ok()?;
        self.total = self.total.checked_add(rounded)?;
        self.owed = self.owed.checked_add(rounded)?;
        self.block = 0;
        Some(())
    }

    /// Applies a payment or a credit; `None` where the engine would refuse it (more than what is
    /// owed) or overflow.
    fn apply(&mut self, e: &Event, interest_first: bool) -> Option<()> {
        let (to_interest, to_principal) = if e.credit_first == 0 {
            (0, e.amount)
        } else if interest_first {
            self.close_block()?;
            let i = e.amount.min(self.owed);
            (i, e.amount.checked_sub(i)?)
        } else {
            let p = e.amount.min(self.principal);
            let rest = e.amount.checked_sub(p)?;
            if rest > 0 {
                self.close_block()?;
            }
            (rest, p)
        };
        if to_principal > self.principal || to_interest > self.owed {
            return None;
        }
        self.owed = self.owed.checked_sub(to_interest)?;
        self.paid = self.paid.checked_add(to_interest)?;
        self.principal = self.principal.checked_sub(to_principal)?;
        Some(())
    }
}

/// Computes one receivable: `principal` in minor units, interest up to day `until`, the matching
/// lines `(day, amount, credit note)` in the order the ledger applied them.
pub fn compute(
    plan: &FastPlan,
    principal: i64,
    until: i32,
    lines: impl Iterator<Item = (i32, i64, bool)>,
    rates: &mut Rates,
    table: &RateTable,
    scratch: &mut Scratch,
) -> Outcome {
    match run(plan, principal, until, lines, rates, table, scratch) {
        Some(f) => Outcome::Done(f),
        None => Outcome::Fallback,
    }
}

fn run(
    plan: &FastPlan,
    principal: i64,
    until: i32,
    lines: impl Iterator<Item = (i32, i64, bool)>,
    rates: &mut Rates,
    table: &RateTable,
    scratch: &mut Scratch,
) -> Option<Figures> {
    if principal <= 0 {
        return None;
    }
    let first = plan.due.checked_add(1)?;
    let end = until.checked_add(1)?;
    let events = &mut scratch.events;
    events.clear();
    let (mut payments, mut credits) = (0u32, 0u32);
    for (day, amount, credit) in lines {
        if amount <= 0 || day > until {
            return None;
        }
        let effect = if plan.count_payment_day {
            day.checked_add(1)?
        } else {
            day
        };
        let index = if credit { &mut credits } else { &mut payments };
        events.push(Event {
            effect: effect.max(first),
            credit_first: u8::from(!credit),
            day,
            index: *index,
            amount,
        });
        *index = index.saturating_add(1);
    }
    events.sort_unstable();

    let mut run = Run {
        principal,
        block: 0,
        total: 0,
        owed: 0,
        paid: 0,
    };
    let mut next = 0usize;
    while let Some(e) = events.get(next).filter(|e| e.day <= plan.due) {
        run.apply(e, plan.interest_first)?;
        next = next.saturating_add(1);
    }
    let late = until > plan.due && run.principal > 0;
    let owed_when_late = run.principal;
    if late {
        let cuts = &mut scratch.cuts;
        cuts.clear();
        cuts.push(first);
        cuts.push(end);
        if plan.fixing == Fixing::PerHalfYear {
            let mut h = half_of(first).checked_add(1)?;
            while let Some(d) = half_start(h) {
                if d >= end {
                    break;
                }
                cuts.push(d);
                h = h.checked_add(1)?;
            }
        }
        for e in events.iter().skip(next) {
            if e.effect > first && e.effect < end {
                cuts.push(e.effect);
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        let start_half = half_of(first);
        for k in 1..cuts.len() {
            let (Some(&from), Some(&to)) = (cuts.get(k.saturating_sub(1)), cuts.get(k)) else {
                continue;
            };
            while let Some(e) = events.get(next).filter(|e| e.effect <= from) {
                run.apply(e, plan.interest_first)?;
                next = next.saturating_add(1);
            }
            // As the engine: nothing left to bear interest nor to happen, the rest accrues nothing.
            if run.principal == 0 && next >= events.len() {
                break;
            }
            let half = match plan.fixing {
                Fixing::PerHalfYear => half_of(from),
                Fixing::FixedAtStart => start_half,
            };
            let rate = rates.rate(plan.rate, half, table)?;
            let days = i128::from(to.checked_sub(from)?);
            let accrual = i128::from(run.principal)
                .checked_mul(i128::from(rate))?
                .checked_mul(days)?;
            run.block = run.block.checked_add(accrual)?;
        }
        while let Some(e) = events.get(next) {
            run.apply(e, plan.interest_first)?;
            next = next.saturating_add(1);
        }
        run.close_block()?;
    } else {
        while let Some(e) = events.get(next) {
            run.apply(e, plan.interest_first)?;
            next = next.saturating_add(1);
        }
    }
    let fixed = if late {
        match plan.fixed {
            Fixed::None => 0,
            Fixed::Amount(a) => a,
            Fixed::UkBands { on_principal, unit } => {
                // Late Payment Act s. 5A: < £1,000 → £40; < £10,000 → £70; else £100.
                let size = if on_principal {
                    principal
                } else {
                    owed_when_late
                };
                let band = if size < unit.checked_mul(1000)? {
                    40
                } else if size < unit.checked_mul(10_000)? {
                    70
                } else {
                    100
                };
                unit.checked_mul(band)?
            }
        }
    } else {
        0
    };
    Some(Figures {
        interest: run.total,
        interest_paid: run.paid,
        principal_outstanding: run.principal,
        fixed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_years_and_their_first_days() {
        let d = |y, m, dd| day_number(NaiveDate::from_ymd_opt(y, m, dd).unwrap());
        assert_eq!(half_of(d(2026, 6, 30)), 2026 * 2);
        assert_eq!(half_of(d(2026, 7, 1)), 2026 * 2 + 1);
        assert_eq!(half_start(2026 * 2 + 1), Some(d(2026, 7, 1)));
        assert_eq!(half_start(2027 * 2), Some(d(2027, 1, 1)));
    }

    #[test]
    fn rounding_is_half_up_at_block_close() {
        // 0.5 of a cent exactly rounds up; just below rounds down.
        let mut r = Run {
            principal: 1,
            block: DENOMINATOR / 2,
            total: 0,
            owed: 0,
            paid: 0,
        };
        r.close_block().unwrap();
        assert_eq!(r.total, 1);
        r.block = DENOMINATOR / 2 - 1;
        r.close_block().unwrap();
        assert_eq!(r.total, 1);
    }
}
