//! The computation of `docs/interest.md` §"How the engine computes", step by step.

use std::collections::BTreeSet;

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

use super::regime::{FixedSum, Plan, Reference};
use super::{
    Allocation, AppliedEvent, Compounding, DatedAmount, FixedSumBasis, InterestRequest, RateFixing,
    RateUsed, Rounding, Segment, Statement, Warning,
};
use crate::calendar::date::add_days;
use crate::calendar::DayCount;
use crate::error::{err, Error, Result};
use crate::money::{Currency, Money, RoundingMode};
use crate::rates::RateTable;

/// The longest period a statement covers: 100 years (36,525 days) after the due date. Every
/// statute's limitation period is far shorter (5 years between French traders, C. com. L110-4; 10
/// for a judgment, C. proc. civ. exéc. L111-4), and a request over millennia (monthly compounding
/// from the year 506 to 9812: 111,000 periods, a 22 MB statement) would only cost time and memory.
pub const MAX_SPAN_DAYS: i64 = 36_525;

fn overflow() -> Error {
    err!(
        Overflow,
        "the interest computation overflows (amounts beyond 28 significant digits)"
    )
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(overflow)
}

fn sub(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_sub(b).ok_or_else(overflow)
}

fn mul(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_mul(b).ok_or_else(overflow)
}

fn div(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_div(b).ok_or_else(overflow)
}

/// First day of the half-year containing `d` (1 January or 1 July).
fn half_year_start(d: NaiveDate) -> NaiveDate {
    let month = if d.month() <= 6 { 1 } else { 7 };
    NaiveDate::from_ymd_opt(d.year(), month, 1).unwrap_or(d)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Credit,
    Payment,
}

#[derive(Debug, Clone)]
struct Event {
    /// First day the event's effect on the balance counts.
    effect: NaiveDate,
    kind: Kind,
    index: usize,
    date: NaiveDate,
    amount: Decimal,
}

/// Running state of the computation.
struct Run<'a> {
    plan: &'a Plan,
    table: &'a RateTable,
    currency: Currency,
    first: NaiveDate,
    principal: Decimal,
    /// Unpaid interest that bears interest (monthly compounding only).
    capitalized: Decimal,
    /// Contributions accrued since the last block was closed.
    block: Decimal,
    /// Interest of closed blocks.
    total: Decimal,
    /// Closed-block interest not yet paid.
    owed: Decimal,
    paid_interest: Decimal,
    segments: Vec<Segment>,
    pending: Option<Pending>,
    rates_used: Vec<RateUsed>,
    warnings: Vec<Warning>,
    events: Vec<AppliedEvent>,
}

/// A segment still being extended while the rate and balance stay the same.
struct Pending {
    from: NaiveDate,
    to: NaiveDate,
    rate: Decimal,
    bearing: Decimal,
    year: i32,
}

impl Run<'_> {
    fn round(&self, d: Decimal) -> Decimal {
        let mut r = RoundingMode::HalfUp.round(d, self.currency.minor_units());
        r.rescale(self.currency.minor_units());
        r
    }

    /// The annual rate (percent) for a day, recording the reference entries read.
    fn rate_on(&mut self, day: NaiveDate) -> Result<Decimal> {
        let sample = match self.plan.fixing {
            RateFixing::PerHalfYear => half_year_start(day),
            RateFixing::FixedAtStart => half_year_start(self.first),
            RateFixing::EveryChange => day,
        };
        match &self.plan.reference {
            Reference::Fixed(r) => add(*r, self.plan.margin),
            Reference::Series { multiplier, .. } => {
                let id = self
                    .plan
                    .reference
                    .series_for(sample)
                    .ok_or_else(|| err!(UnknownSeries, "no reference series for {sample}"))?
                    .to_string();
                let series = self.table.get(&id)?;
                let entry = series.entry_on(sample)?;
                if !self
                    .rates_used
                    .iter()
                    .any(|u| u.series == id && u.from == entry.from)
                {
                    if let Some(flag) = &entry.flag {
                        self.warnings.push(Warning {
                            code: "rate_flagged".into(),
                            message: format!(
                                "{id} from {}: {} % is flagged: {flag}. Check it against the official publication before relying on this figure.",
                                entry.from, entry.rate_percent
                            ),
                        });
                    }
                    self.rates_used.push(RateUsed {
                        series: id.clone(),
                        from: entry.from,
                        rate_percent: entry.rate_percent,
                        flag: entry.flag.clone(),
                    });
                }
                add(mul(*multiplier, entry.rate_percent)?, self.plan.margin)
            }
        }
    }

    fn bearing(&self) -> Result<Decimal> {
        let b = match self.plan.compounding {
            Compounding::Simple => self.principal,
            Compounding::Monthly => add(self.principal, self.capitalized)?,
        };
        match self.plan.base_ratio {
            None => Ok(b),
            Some((net, gross)) => div(mul(b, net)?, gross),
        }
    }

    /// Adds a day run to the pending segment, or flushes it and starts a new one.
    fn extend(&mut self, from: NaiveDate, to: NaiveDate) -> Result<()> {
        let rate = self.rate_on(from)?;
        if self.plan.fixing == RateFixing::EveryChange {
            // The run has one rate only if the series is known to its last day: a series known
            // until 28 July says nothing about 15 August, and rates are never carried forward.
            if let Some(id) = self.plan.reference.series_for(to) {
                self.table.get(id)?.entry_on(to)?;
            }
        }
        let bearing = self.bearing()?;
        let year = if self.plan.day_count == DayCount::ActAct {
            from.year()
        } else {
            0
        };
        if let Some(p) = &mut self.pending {
            if p.rate == rate && p.bearing == bearing && p.year == year {
                p.to = to;
                return Ok(());
            }
        }
        self.flush()?;
        self.pending = Some(Pending {
            from,
            to,
            rate,
            bearing,
            year,
        });
        Ok(())
    }

    /// Closes the pending segment: computes its interest under the rounding rule.
    fn flush(&mut self) -> Result<()> {
        let Some(p) = self.pending.take() else {
            return Ok(());
        };
        if p.bearing.is_zero() {
            return Ok(());
        }
        let start = add_days(p.from, -1)?;
        let parts = self.plan.day_count.fraction_parts(start, p.to)?;
        let days = self.plan.day_count.days(start, p.to)?;
        let hundred = Decimal::ONE_HUNDRED;
        let mut exact = Decimal::ZERO;
        let mut contribution = Decimal::ZERO;
        for (d, den) in parts {
            let d = Decimal::from(d);
            let den = Decimal::from(den);
            let piece = div(mul(mul(p.bearing, p.rate)?, d)?, mul(hundred, den)?)?;
            exact = add(exact, piece)?;
            let c = match self.plan.rounding {
                Rounding::Total => piece,
                Rounding::PerSegment => piece,
                Rounding::DailyAmount => {
                    let daily = self.round(div(mul(p.bearing, p.rate)?, mul(hundred, den)?)?);
                    mul(daily, d)?
                }
            };
            contribution = add(contribution, c)?;
        }
        if self.plan.rounding == Rounding::PerSegment {
            contribution = self.round(contribution);
        }
        self.block = add(self.block, contribution)?;
        self.segments.push(Segment {
            from: p.from,
            to: p.to,
            days,
            balance: self.round_balance(p.bearing),
            rate_percent: two_places(p.rate),
            interest: self.round(exact),
            interest_exact: contribution.normalize(),
        });
        Ok(())
    }

    fn round_balance(&self, b: Decimal) -> Decimal {
        // A net base can have more decimals than the currency; show it rounded.
        self.round(b)
    }

    /// Closes the block of interest accrued since the last one: rounds it and makes it owed.
    fn close_block(&mut self) -> Result<()> {
        self.flush()?;
        let rounded = self.round(self.block);
        self.total = add(self.total, rounded)?;
        self.owed = add(self.owed, rounded)?;
        self.block = Decimal::ZERO;
        Ok(())
    }

    fn apply(&mut self, e: &Event) -> Result<()> {
        let what = match e.kind {
            Kind::Credit => "credit",
            Kind::Payment => "payment",
        };
        let at = match e.kind {
            Kind::Credit => format!("credits[{}]", e.index),
            Kind::Payment => format!("payments[{}]", e.index),
        };
        let (to_interest, to_principal) = match (e.kind, self.plan.allocation) {
            (Kind::Credit, _) => {
                self.flush()?;
                (Decimal::ZERO, e.amount)
            }
            (Kind::Payment, Allocation::InterestFirst) => {
                self.close_block()?;
                let to_interest = e.amount.min(self.owed);
                (to_interest, sub(e.amount, to_interest)?)
            }
            (Kind::Payment, Allocation::PrincipalFirst) => {
                self.flush()?;
                let to_principal = e.amount.min(self.principal);
                let rest = sub(e.amount, to_principal)?;
                if rest > Decimal::ZERO {
                    self.close_block()?;
                }
                (rest, to_principal)
            }
        };
        if to_principal > self.principal || to_interest > self.owed {
            return Err(err!(
                InvalidPayment,
                "{what} of {} on {} is more than what is owed then ({} principal, {} interest)",
                e.amount,
                e.date,
                self.principal,
                self.owed
            )
            .at(at));
        }
        self.owed = sub(self.owed, to_interest)?;
        self.paid_interest = add(self.paid_interest, to_interest)?;
        self.capitalized = self.capitalized.min(self.owed);
        self.principal = sub(self.principal, to_principal)?;
        let mu = self.currency.minor_units();
        let scaled = |mut d: Decimal| {
            d.rescale(mu);
            d
        };
        self.events.push(AppliedEvent {
            date: e.date,
            kind: what.into(),
            amount: scaled(e.amount),
            to_interest: scaled(to_interest),
            to_principal: scaled(to_principal),
        });
        Ok(())
    }
}

fn two_places(d: Decimal) -> Decimal {
    let mut r = d.normalize();
    if r.scale() < 2 {
        r.rescale(2);
    }
    r
}

fn check_amounts(
    list: &[DatedAmount],
    name: &str,
    currency: Currency,
    until: NaiveDate,
) -> Result<()> {
    let mut problems = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let at = format!("{name}[{i}]");
        let m = Money::new(p.amount, currency);
        if !m.is_positive() {
            problems.push(
                err!(
                    InvalidPayment,
                    "amount must be above zero, got {}",
                    p.amount
                )
                .at(&at),
            );
        } else if let Err(e) = m.require_minor_units() {
            problems.push(e.at(&at));
        }
        if p.date > until {
            problems.push(
                err!(
                    InvalidPayment,
                    "dated {}, after the end date {until}: leave it out or move `until`",
                    p.date
                )
                .at(&at),
            );
        }
    }
    match Error::from_many(problems) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Runs the computation for a resolved plan.
///
/// # Errors
/// As [`super::compute`].
pub fn compute_with_plan(
    req: &InterestRequest,
    plan: &Plan,
    table: &RateTable,
) -> Result<Statement> {
    let currency = req.currency;
    let principal = Money::new(req.principal, currency);
    if !principal.is_positive() {
        return Err(err!(
            InvalidPrincipal,
            "the principal must be above zero, got {}",
            req.principal
        )
        .at("principal"));
    }
    principal
        .require_minor_units()
        .map_err(|e| e.at("principal"))?;
    check_amounts(&req.payments, "payments", currency, req.until)?;
    check_amounts(&req.credits, "credits", currency, req.until)?;
    let span = crate::calendar::date::days_between(plan.due, req.until);
    if span > MAX_SPAN_DAYS {
        return Err(err!(
            InvalidValue,
            "interest is computed over at most 100 years after the due date ({MAX_SPAN_DAYS} days); {} is {span} days after {}",
            req.until,
            plan.due
        )
        .at("until"));
    }

    let first = add_days(plan.due, 1)?;
    let end = add_days(req.until, 1)?;

    let mut events: Vec<Event> = Vec::new();
    for (kind, list) in [(Kind::Credit, &req.credits), (Kind::Payment, &req.payments)] {
        for (i, p) in list.iter().enumerate() {
            let effect = if plan.count_payment_day {
                add_days(p.date, 1)?
            } else {
                p.date
            };
            events.push(Event {
                effect: effect.max(first),
                kind,
                index: i,
                date: p.date,
                amount: p.amount,
            });
        }
    }
    events.sort_by(|a, b| {
        (a.effect, a.kind, a.date, a.index).cmp(&(b.effect, b.kind, b.date, b.index))
    });

    let mut run = Run {
        plan,
        table,
        currency,
        first,
        principal: req.principal,
        capitalized: Decimal::ZERO,
        block: Decimal::ZERO,
        total: Decimal::ZERO,
        owed: Decimal::ZERO,
        paid_interest: Decimal::ZERO,
        segments: Vec::new(),
        pending: None,
        rates_used: Vec::new(),
        warnings: plan.warnings.clone(),
        events: Vec::new(),
    };

    // Events dated on or before the due date settle the debt before any interest runs; what is
    // still owed at the end of the due date decides whether the debt is late at all.
    let mut queue = events.into_iter().peekable();
    while let Some(e) = queue.next_if(|e| e.date <= plan.due) {
        run.apply(&e)?;
    }
    let late = req.until > plan.due && run.principal > Decimal::ZERO;
    let owed_when_late = run.principal;

    if late {
        // Breakpoints where the rate, the balance or the denominator may change.
        let mut cuts: BTreeSet<NaiveDate> = BTreeSet::new();
        cuts.insert(first);
        cuts.insert(end);
        let in_range = |d: NaiveDate| d > first && d < end;
        let mut y = first.year();
        while let Some(jan) = NaiveDate::from_ymd_opt(y, 1, 1) {
            if jan >= end {
                break;
            }
            for m in [1, 7] {
                if let Some(h) = NaiveDate::from_ymd_opt(y, m, 1) {
                    if in_range(h)
                        && (plan.fixing == RateFixing::PerHalfYear
                            || plan.day_count == DayCount::ActAct)
                    {
                        cuts.insert(h);
                    }
                }
            }
            y = y.saturating_add(1);
        }
        if plan.fixing == RateFixing::EveryChange {
            if let Reference::Series { parts, .. } = &plan.reference {
                for (from, id) in parts {
                    if in_range(*from) {
                        cuts.insert(*from);
                    }
                    let series = table.get(id)?;
                    for entry in &series.entries {
                        if in_range(entry.from) {
                            cuts.insert(entry.from);
                        }
                    }
                }
            }
        }
        let mut anniversaries = BTreeSet::new();
        if plan.compounding == Compounding::Monthly {
            let mut k = 1u32;
            while let Some(a) = plan.due.checked_add_months(Months::new(k)) {
                let cut = add_days(a, 1)?;
                if cut >= end {
                    break;
                }
                if in_range(cut) {
                    cuts.insert(cut);
                    anniversaries.insert(cut);
                }
                k = k.saturating_add(1);
            }
        }
        let remaining: Vec<Event> = queue.collect();
        for e in &remaining {
            if in_range(e.effect) {
                cuts.insert(e.effect);
            }
        }
        let cuts: Vec<NaiveDate> = cuts.into_iter().collect();
        let mut next_event = 0usize;
        for pair in cuts.windows(2) {
            let (Some(&from), Some(&next)) = (pair.first(), pair.get(1)) else {
                continue;
            };
            while let Some(e) = remaining.get(next_event).filter(|e| e.effect <= from) {
                run.apply(e)?;
                next_event = next_event.saturating_add(1);
            }
            // Nothing left to bear interest and nothing left to happen: the statement is
            // complete (no rate is looked up for days that cannot accrue).
            if plan.compounding == Compounding::Simple
                && next_event >= remaining.len()
                && run.bearing()?.is_zero()
            {
                break;
            }
            if anniversaries.contains(&from) {
                // The interest of the month just ended is added to the balance.
                run.close_block()?;
                run.capitalized = run.owed;
            }
            run.extend(from, add_days(next, -1)?)?;
        }
        // Events on the last cut (effect the day after `until`) still count as payments made.
        while let Some(e) = remaining.get(next_event) {
            run.apply(e)?;
            next_event = next_event.saturating_add(1);
        }
        run.close_block()?;
    } else {
        for e in queue {
            run.apply(&e)?;
        }
    }

    // Fixed compensation, only for a debt that was late.
    let mu = currency.minor_units();
    let mut fixed = if late {
        match &plan.fixed {
            FixedSum::None => Decimal::ZERO,
            FixedSum::Amount(a) => *a,
            FixedSum::Percent(p) => run.round(div(mul(req.principal, *p)?, Decimal::ONE_HUNDRED)?),
            FixedSum::UkBands(basis) => {
                // Late Payment Act s. 5A: less than £1,000 → £40; £1,000 to £9,999.99 → £70;
                // £10,000 or more → £100.
                let size = match basis {
                    FixedSumBasis::Principal => req.principal,
                    FixedSumBasis::OutstandingWhenLate => owed_when_late,
                };
                if size < Decimal::from(1000) {
                    Decimal::from(40)
                } else if size < Decimal::from(10000) {
                    Decimal::from(70)
                } else {
                    Decimal::from(100)
                }
            }
        }
    } else {
        Decimal::ZERO
    };
    fixed.rescale(mu);

    if late {
        if let Some(floor) = plan.floor_multiplier {
            check_floor(&mut run, floor, req)?;
        }
    }

    let interest = run.round(run.total);
    let paid = run.round(run.paid_interest);
    let interest_outstanding = sub(interest, paid)?;
    let mut principal_outstanding = run.principal;
    principal_outstanding.rescale(mu);
    let total_due = add(add(principal_outstanding, interest_outstanding)?, fixed)?;
    let mut principal = req.principal;
    principal.rescale(mu);
    run.rates_used
        .sort_by(|a, b| (a.from, &a.series).cmp(&(b.from, &b.series)));
    Ok(Statement {
        regime: req.regime,
        currency,
        principal,
        due_date: plan.due_date,
        until: req.until,
        interest,
        fixed_compensation: fixed,
        total_due,
        interest_paid: paid,
        interest_outstanding,
        principal_outstanding,
        segments: run.segments,
        events: run.events,
        rates_used: run.rates_used,
        warnings: run.warnings,
    })
}

/// L441-10 II: a contractual rate may not be below 3 × the legal rate ("autres cas"; 1.5 ×
/// before 2009). Checked for every half-year of the delay against the rate actually applied.
fn check_floor(run: &mut Run<'_>, floor: Decimal, req: &InterestRequest) -> Result<()> {
    let mut h = half_year_start(run.first);
    let last = half_year_start(req.until);
    let mut below = Vec::new();
    let legal = super::regime::Reference::Series {
        parts: vec![
            (NaiveDate::MIN, "fr_legal_annual".to_string()),
            (
                NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or(NaiveDate::MIN),
                "fr_legal_professional".to_string(),
            ),
        ],
        multiplier: Decimal::ONE,
    };
    while h <= last {
        let id = legal
            .series_for(h)
            .unwrap_or("fr_legal_professional")
            .to_string();
        match run.table.get(&id).and_then(|s| s.entry_on(h).cloned()) {
            Ok(entry) => {
                let minimum = mul(entry.rate_percent, floor)?;
                let applied = match &run.plan.reference {
                    Reference::Fixed(r) => *r,
                    Reference::Series { multiplier, .. } => mul(*multiplier, entry.rate_percent)?,
                };
                if applied < minimum {
                    below.push(format!(
                        "from {h}: {} % < {floor} × {} % = {} %",
                        two_places(applied),
                        entry.rate_percent,
                        two_places(minimum)
                    ));
                }
            }
            Err(_) => run.warnings.push(Warning {
                code: "floor_not_checked".into(),
                message: format!("the legal rate for the half-year from {h} is not known; the contractual floor was not checked"),
            }),
        }
        h = h
            .checked_add_months(Months::new(6))
            .unwrap_or(NaiveDate::MAX);
    }
    if !below.is_empty() {
        run.warnings.push(Warning {
            code: "contractual_rate_below_floor".into(),
            message: format!(
                "the contractual rate is below the floor of C. com. L441-10 II ({}); a court would apply the floor",
                below.join("; ")
            ),
        });
    }
    Ok(())
}
