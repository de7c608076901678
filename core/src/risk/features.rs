//! Per-customer behaviour features as of a date, from the ledger (replayed with
//! [`Ledger::state_as_of`]) and the dunning journal. Only data dated on or before the as-of date
//! counts: later payments, credit notes, disputes and journal entries do not exist yet.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::weights::Weights;
use crate::calendar::date::{add_days, days_between, serde_date};
use crate::dunning::journal::{JournalEntry, JournalEvent};
use crate::error::{err, Error, Result};
use crate::ledger::{AllocationSource, Ledger, LedgerState, ReceivableState, ReceivableStatus};
use crate::money::{decimal_string, Currency, RoundingMode};

/// Days after a promised date during which a payment still keeps the promise (the dunning
/// presets' `promise_grace_days`).
pub const PROMISE_GRACE_DAYS: i64 = 2;

/// What the caller knows that the ledger does not.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExternalInputs {
    /// The day these inputs were known (a bureau report's date). A dated input counts only on
    /// or after its date: the risk as of an earlier day and a back-test with an earlier cut-off
    /// do not see it. The back-test requires it (`docs/risk.md` §Back-test).
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub date: Option<NaiveDate>,
    /// A credit-bureau score, 0 (worst) to 100 (best).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bureau_score: Option<f64>,
    /// The customer is new (first orders): more points, and at least the new-customer deposit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_customer: Option<bool>,
}

impl ExternalInputs {
    /// Known on `day`: undated, or dated on or before it.
    ///
    /// ```
    /// use arrears::risk::ExternalInputs;
    /// use chrono::NaiveDate;
    /// let day = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    /// let report = ExternalInputs { date: NaiveDate::from_ymd_opt(2026, 1, 15), bureau_score: Some(40.0), ..Default::default() };
    /// assert!(!report.known_on(day));
    /// assert!(ExternalInputs::default().known_on(day));
    /// ```
    pub fn known_on(&self, day: NaiveDate) -> bool {
        self.date.is_none_or(|d| d <= day)
    }

    /// Checks the bureau score is a number within `0..=100`.
    ///
    /// # Errors
    /// `input.invalid_value`.
    pub fn check(&self) -> Result<()> {
        match self.bureau_score {
            Some(s) if !(s.is_finite() && (0.0..=100.0).contains(&s)) => Err(err!(
                InvalidValue,
                "bureau_score must be within 0..=100, got {s}"
            )
            .at("bureau_score")),
            _ => Ok(()),
        }
    }
}

/// An amount in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct CurrencyAmount {
    /// Currency.
    pub currency: Currency,
    /// Amount, with the currency's decimals.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
}

/// What a customer owes in one currency, and its share of what the whole portfolio is owed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Exposure {
    /// Currency.
    pub currency: Currency,
    /// Outstanding on the as-of date.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub outstanding: Decimal,
    /// Share of the portfolio's outstanding in that currency, 0 to 1.
    #[serde(serialize_with = "round4")]
    #[cfg_attr(feature = "schemas", schemars(with = "f64"))]
    pub portfolio_share: f64,
}

/// The behaviour of one customer as of a date. Ratios are `None` when there is nothing to
/// divide by (no paid invoice, no invoice).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct CustomerFeatures {
    /// Customer id.
    pub customer: String,
    /// Name, when the ledger lists the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Sector from the ledger's customer list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Receivables issued on or before the as-of date.
    pub invoices: usize,
    /// Of which settled by payment (status `paid`): the payment history.
    pub paid: usize,
    /// Mean days late of the paid receivables (0 for one paid on time or early).
    #[serde(serialize_with = "round4_opt")]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<f64>"))]
    pub mean_days_late: Option<f64>,
    /// Median days late of the paid receivables (mean of the two middle ones for an even count).
    #[serde(serialize_with = "round4_opt")]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<f64>"))]
    pub median_days_late: Option<f64>,
    /// 90th percentile of days late of the paid receivables (nearest rank: the `⌈0.9 n⌉`-th
    /// smallest).
    pub p90_days_late: Option<i64>,
    /// Paid receivables paid after their due date.
    pub paid_late: usize,
    /// `paid_late / paid`.
    #[serde(serialize_with = "round4_opt")]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<f64>"))]
    pub late_share: Option<f64>,
    /// Mean delay of the receivables due in the last `trend_window_days` (settled ones with their
    /// final delay, open ones with their delay so far) minus that of the receivables due before
    /// and settled (paid or written off); fully credited ones are left out. `None` unless both
    /// cohorts have two receivables.
    #[serde(serialize_with = "round4_opt")]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<f64>"))]
    pub trend_days: Option<f64>,
    /// Receivables that received a payment.
    pub with_payment: usize,
    /// Of which paid in several payments, or partly paid and still open.
    pub paid_in_parts: usize,
    /// `paid_in_parts / with_payment`.
    #[serde(serialize_with = "round4_opt")]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<f64>"))]
    pub partial_share: Option<f64>,
    /// Promises to pay made (journal).
    pub promises: usize,
    /// Promises covered by payments by their date + [`PROMISE_GRACE_DAYS`].
    pub promises_kept: usize,
    /// Promises whose date + grace passed without enough payment.
    pub broken_promises: usize,
    /// Broken promises paid in full later, by the as-of date ("kept late").
    pub promises_kept_late: usize,
    /// Invoices disputed (ledger disputes and journal disputes, counted once per invoice).
    pub disputes: usize,
    /// Disputes resolved without any credit note on the invoice: the customer had no case.
    pub disputes_without_substance: usize,
    /// `disputes / distinct invoices issued`.
    #[serde(serialize_with = "round4_opt")]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<f64>"))]
    pub dispute_share: Option<f64>,
    /// Reminders recorded in the journal (one per receivable an action covered).
    pub reminders: usize,
    /// `reminders / invoices`.
    #[serde(serialize_with = "round4_opt")]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<f64>"))]
    pub reminders_per_invoice: Option<f64>,
    /// Payment plans agreed (journal).
    pub plans: usize,
    /// Receivables (partly) written off.
    pub written_off: usize,
    /// Outstanding per currency and share of the portfolio.
    pub exposure: Vec<Exposure>,
    /// The largest `portfolio_share` over currencies (0 when nothing is owed).
    #[serde(serialize_with = "round4")]
    #[cfg_attr(feature = "schemas", schemars(with = "f64"))]
    pub exposure_share: f64,
    /// Undisputed overdue amount per currency.
    pub overdue: Vec<CurrencyAmount>,
    /// Receivables with an undisputed overdue amount.
    pub overdue_receivables: usize,
    /// Days late of the oldest of them (0 when none).
    pub oldest_overdue_days: i64,
    /// Date of the latest payment received.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub last_payment: Option<NaiveDate>,
    /// Days without any payment while something is overdue: the smaller of the days since the
    /// last payment (or ever, when none) and `oldest_overdue_days`; 0 when nothing is overdue.
    pub silence_days: i64,
    /// Issue date of the first invoice.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub first_invoice: Option<NaiveDate>,
    /// Days from the first invoice to the as-of date.
    pub tenure_days: Option<i64>,
    /// Average monthly sales per currency over the last 365 days: invoiced amount divided by the
    /// months of relationship in that window (`days / 30`, at least 1, at most 12).
    pub monthly_sales: Vec<CurrencyAmount>,
    /// Credit-bureau score given by the caller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bureau_score: Option<f64>,
    /// The caller's new-customer flag.
    pub new_customer: bool,
}

pub(crate) fn round_to(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    let r = (x * f).round() / f;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

fn round4<S: serde::Serializer>(x: &f64, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_f64(round_to(*x, 4))
}

fn round4_opt<S: serde::Serializer>(x: &Option<f64>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match x {
        Some(v) => s.serialize_f64(round_to(*v, 4)),
        None => s.serialize_none(),
    }
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

fn mean(xs: &[i64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let sum: f64 = xs.iter().map(|x| *x as f64).sum();
    Some(sum / xs.len() as f64)
}

/// Median of a sorted slice.
fn median(sorted: &[i64]) -> Option<f64> {
    let n = sorted.len();
    let mid = n / 2;
    if n == 0 {
        None
    } else if n % 2 == 1 {
        sorted.get(mid).map(|x| *x as f64)
    } else {
        let a = sorted.get(mid.checked_sub(1)?)?;
        let b = sorted.get(mid)?;
        Some((*a as f64 + *b as f64) / 2.0)
    }
}

/// Nearest-rank 90th percentile of a sorted slice: the `⌈0.9 n⌉`-th smallest.
fn p90(sorted: &[i64]) -> Option<i64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    // ⌈9n / 10⌉ without floats.
    let rank = n.checked_mul(9)?.checked_add(9)? / 10;
    sorted.get(rank.checked_sub(1)?).copied()
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b)
        .ok_or_else(|| err!(Overflow, "amounts too large to add"))
}

/// Everything the extraction needs beyond the ledger state.
pub(crate) struct Inputs<'a> {
    pub ledger: &'a Ledger,
    pub state: &'a LedgerState,
    pub journal: &'a [JournalEntry],
    pub external: &'a BTreeMap<String, ExternalInputs>,
    pub weights: &'a Weights,
}

#[derive(Default)]
struct JournalFacts {
    reminders: usize,
    plans: usize,
    /// (made on, amount, promised date, receivables covered)
    promises: Vec<(NaiveDate, Decimal, NaiveDate, Vec<String>)>,
}

/// The customers a ledger knows: those listed, and those its invoices name.
pub(crate) fn known_customers(ledger: &Ledger) -> BTreeSet<&str> {
    let doc = ledger.document();
    doc.customers
        .iter()
        .map(|c| c.id.as_str())
        .chain(doc.invoices.iter().map(|i| i.customer.as_str()))
        .collect()
}

/// Checks that the journal and the external inputs only name customers the ledger knows, and
/// that the inputs' values are in range. `external` gives each input with its customer and the
/// path errors name (`external.C1`, or `external.C1[0]` for a back-test's dated list).
pub(crate) fn check_references<'a>(
    ledger: &Ledger,
    journal: &[JournalEntry],
    external: impl IntoIterator<Item = (&'a str, String, &'a ExternalInputs)>,
) -> Result<()> {
    let known = known_customers(ledger);
    let mut problems: Vec<Error> = Vec::new();
    for (i, e) in journal.iter().enumerate() {
        if !known.contains(e.event.customer()) {
            problems.push(
                err!(
                    InvalidJournal,
                    "customer {:?} is not in the ledger",
                    e.event.customer()
                )
                .at(format!("journal[{i}].customer")),
            );
        }
    }
    for (c, path, x) in external {
        if !known.contains(c) {
            problems.push(
                err!(
                    UnknownCustomer,
                    "external inputs name customer {c:?}, unknown to the ledger"
                )
                .at(path.clone()),
            );
        }
        if let Err(e) = x.check() {
            problems.push(e.at(path));
        }
    }
    match Error::from_many(problems) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Features of the given customers (every one gets an entry, with zeros when the ledger has
/// nothing on it yet).
pub(crate) fn extract(
    inputs: &Inputs<'_>,
    customers: &BTreeSet<String>,
) -> Result<BTreeMap<String, CustomerFeatures>> {
    let Inputs {
        ledger,
        state,
        journal,
        external,
        weights,
    } = *inputs;
    let as_of = state.as_of;
    let doc = ledger.document();

    let invoice_customer: HashMap<&str, &str> = doc
        .invoices
        .iter()
        .map(|i| (i.id.as_str(), i.customer.as_str()))
        .collect();
    let records: HashMap<&str, &crate::ledger::CustomerRecord> =
        doc.customers.iter().map(|c| (c.id.as_str(), c)).collect();

    // Receivables per customer.
    let mut by_customer: BTreeMap<&str, Vec<&ReceivableState>> = BTreeMap::new();
    for r in &state.receivables {
        by_customer.entry(r.customer.as_str()).or_default().push(r);
    }

    // Payment allocations per receivable: (date, amount, is a payment rather than a deposit).
    let mut allocations: HashMap<&str, Vec<(NaiveDate, Decimal, bool)>> = HashMap::new();
    for a in &state.allocations {
        let payment = match a.source {
            AllocationSource::Payment => true,
            AllocationSource::Deposit => false,
            _ => continue,
        };
        allocations
            .entry(a.receivable.as_str())
            .or_default()
            .push((a.date, a.amount, payment));
    }

    // Latest payment per customer (payments and deposits dated on or before the as-of date).
    let mut last_payment: HashMap<&str, NaiveDate> = HashMap::new();
    for p in doc.payments.iter().filter(|p| p.date <= as_of) {
        let who = p
            .customer
            .as_deref()
            .or_else(|| {
                p.invoice
                    .as_deref()
                    .and_then(|i| invoice_customer.get(i).copied())
            })
            .or_else(|| {
                p.allocations
                    .iter()
                    .flatten()
                    .find_map(|a| invoice_customer.get(a.invoice.as_str()).copied())
            });
        if let Some(c) = who {
            let e = last_payment.entry(c).or_insert(p.date);
            *e = (*e).max(p.date);
        }
    }

    // Disputes per invoice: opened by the as-of date; resolved by it?
    let credited: BTreeSet<&str> = doc
        .credit_notes
        .iter()
        .filter(|n| n.date <= as_of)
        .filter_map(|n| n.invoice.as_deref())
        .collect();
    let mut disputed: BTreeMap<&str, bool> = BTreeMap::new();
    for d in doc.disputes.iter().filter(|d| d.opened <= as_of) {
        let resolved = d.resolved.is_some_and(|r| r <= as_of);
        let e = disputed.entry(d.invoice.as_str()).or_insert(resolved);
        *e = *e && resolved;
    }

    // The journal up to the as-of date.
    let mut facts: HashMap<&str, JournalFacts> = HashMap::new();
    let mut journal_disputes: BTreeMap<&str, bool> = BTreeMap::new();
    for e in journal.iter().filter(|e| e.date <= as_of) {
        let f = facts.entry(e.event.customer()).or_default();
        match &e.event {
            JournalEvent::Action { items, .. } => {
                f.reminders = f.reminders.saturating_add(items.len().max(1));
            }
            JournalEvent::Promise {
                amount,
                promised_date,
                receivables,
                ..
            } => f
                .promises
                .push((e.date, *amount, *promised_date, receivables.clone())),
            JournalEvent::Dispute { invoice, .. } => {
                journal_disputes.insert(invoice.as_str(), false);
            }
            JournalEvent::DisputeResolved { invoice, .. } => {
                if let Some(r) = journal_disputes.get_mut(invoice.as_str()) {
                    *r = true;
                }
            }
            JournalEvent::Plan { .. } => f.plans = f.plans.saturating_add(1),
            _ => {}
        }
    }
    for (inv, resolved) in journal_disputes {
        let e = disputed.entry(inv).or_insert(resolved);
        *e = *e && resolved;
    }
    // Per customer: (disputed invoices, of which resolved without a credit note).
    let mut disputes_of: HashMap<&str, (usize, usize)> = HashMap::new();
    for (inv, resolved) in &disputed {
        if let Some(c) = invoice_customer.get(inv) {
            let e = disputes_of.entry(c).or_default();
            e.0 = e.0.saturating_add(1);
            if *resolved && !credited.contains(inv) {
                e.1 = e.1.saturating_add(1);
            }
        }
    }

    // Portfolio outstanding per currency.
    let portfolio: HashMap<Currency, Decimal> = state
        .totals
        .iter()
        .map(|t| (t.currency, t.outstanding))
        .collect();

    let window_start = add_days(as_of, -364)?;
    let trend_start = add_days(
        as_of,
        0i64.saturating_sub(i64::from(weights.trend_window_days)),
    )?;
    let empty_facts = JournalFacts::default();
    let mut out = BTreeMap::new();
    for customer in customers {
        let c = customer.as_str();
        let rs: &[&ReceivableState] = by_customer.get(c).map_or(&[], Vec::as_slice);
        let f = facts.get(c).unwrap_or(&empty_facts);
        let record = records.get(c);
        // Inputs dated after the as-of date were not known yet.
        let ext = external.get(c).filter(|x| x.known_on(as_of));

        // Payment history: receivables settled by payment.
        let mut delays: Vec<i64> = rs
            .iter()
            .filter(|r| r.status == ReceivableStatus::Paid)
            .map(|r| r.days_late.max(0))
            .collect();
        delays.sort_unstable();
        let paid = delays.len();
        let paid_late = delays.iter().filter(|d| **d > 0).count();

        // Paid in parts.
        let mut with_payment = 0usize;
        let mut in_parts = 0usize;
        for r in rs {
            let allocs = allocations
                .get(r.id.as_str())
                .map_or(&[][..], Vec::as_slice);
            if allocs.is_empty() {
                continue;
            }
            with_payment = with_payment.saturating_add(1);
            let payments = allocs.iter().filter(|(_, _, p)| *p).count();
            if payments >= 2 || (r.partially_paid && !r.outstanding.is_zero()) {
                in_parts = in_parts.saturating_add(1);
            }
        }

        // Trend: cohorts by due date. The recent cohort counts every receivable due in the
        // window (open ones with their delay so far: unpaid recent invoices are the very sign of
        // a deterioration); the older one counts settled receivables only, because an old open
        // receivable's delay only grows with time and the overdue factors already score it.
        let mut recent = Vec::new();
        let mut older = Vec::new();
        for r in rs
            .iter()
            .filter(|r| r.status != ReceivableStatus::Credited && r.due_date <= as_of)
        {
            if r.due_date > trend_start {
                recent.push(r.days_late.max(0));
            } else if matches!(
                r.status,
                ReceivableStatus::Paid | ReceivableStatus::WrittenOff
            ) {
                older.push(r.days_late.max(0));
            }
        }
        let trend_days = match (mean(&recent), mean(&older)) {
            (Some(a), Some(b)) if recent.len() >= 2 && older.len() >= 2 => Some(a - b),
            _ => None,
        };

        // Promises.
        let mut kept = 0usize;
        let mut broken = 0usize;
        let mut kept_late = 0usize;
        for (made, amount, promised, covers) in &f.promises {
            let deadline = add_days(*promised, PROMISE_GRACE_DAYS)?;
            let mut by_deadline = Decimal::ZERO;
            let mut by_now = Decimal::ZERO;
            for r in rs
                .iter()
                .filter(|r| covers.is_empty() || covers.iter().any(|c| c == &r.id))
            {
                for (d, a, _) in allocations.get(r.id.as_str()).into_iter().flatten() {
                    if d >= made && *d <= as_of {
                        by_now = add(by_now, *a)?;
                        if *d <= deadline {
                            by_deadline = add(by_deadline, *a)?;
                        }
                    }
                }
            }
            if by_deadline >= *amount {
                kept = kept.saturating_add(1);
            } else if as_of > deadline {
                broken = broken.saturating_add(1);
                if by_now >= *amount {
                    kept_late = kept_late.saturating_add(1);
                }
            }
        }

        // Disputes.
        let invoices_issued: BTreeSet<&str> = rs.iter().map(|r| r.invoice.as_str()).collect();
        let (disputes, without_substance) = disputes_of.get(c).copied().unwrap_or((0, 0));

        // Exposure, overdue, sales.
        let mut outstanding: BTreeMap<Currency, Decimal> = BTreeMap::new();
        let mut overdue: BTreeMap<Currency, Decimal> = BTreeMap::new();
        let mut sales: BTreeMap<Currency, Decimal> = BTreeMap::new();
        let mut overdue_receivables = 0usize;
        let mut oldest_overdue_days = 0i64;
        for r in rs {
            if !r.outstanding.is_zero() {
                let e = outstanding.entry(r.currency).or_default();
                *e = add(*e, r.outstanding)?;
                let undisputed = r.outstanding.saturating_sub(r.disputed);
                if r.due_date < as_of && undisputed > Decimal::ZERO {
                    let e = overdue.entry(r.currency).or_default();
                    *e = add(*e, undisputed)?;
                    overdue_receivables = overdue_receivables.saturating_add(1);
                    oldest_overdue_days = oldest_overdue_days.max(r.days_late);
                }
            }
            if r.issue_date >= window_start {
                let e = sales.entry(r.currency).or_default();
                *e = add(*e, r.amount)?;
            }
        }
        let exposure: Vec<Exposure> = outstanding
            .iter()
            .map(|(cur, amount)| {
                let share = portfolio
                    .get(cur)
                    .filter(|t| !t.is_zero())
                    .and_then(|t| amount.checked_div(*t))
                    .and_then(|s| s.to_f64())
                    .unwrap_or(0.0);
                Exposure {
                    currency: *cur,
                    outstanding: *amount,
                    portfolio_share: share,
                }
            })
            .collect();
        let exposure_share = exposure
            .iter()
            .map(|e| e.portfolio_share)
            .fold(0.0, f64::max);

        let first_invoice = rs.iter().map(|r| r.issue_date).min();
        let tenure_days = first_invoice.map(|d| days_between(d, as_of));
        let monthly_sales = match first_invoice {
            None => Vec::new(),
            Some(first) => {
                let span = days_between(first.max(window_start), as_of).saturating_add(1);
                let months = Decimal::from(span)
                    .checked_div(Decimal::from(30))
                    .unwrap_or(Decimal::ONE)
                    .clamp(Decimal::ONE, Decimal::from(12));
                sales
                    .iter()
                    .map(|(cur, total)| {
                        let avg = total
                            .checked_div(months)
                            .ok_or_else(|| err!(Overflow, "monthly sales out of range"))?;
                        let mut amount = RoundingMode::HalfUp.round(avg, cur.minor_units());
                        amount.rescale(cur.minor_units());
                        Ok(CurrencyAmount {
                            currency: *cur,
                            amount,
                        })
                    })
                    .collect::<Result<Vec<_>>>()?
            }
        };

        let last = last_payment.get(c).copied();
        let silence_days = if oldest_overdue_days > 0 {
            match last {
                Some(d) => days_between(d, as_of).clamp(0, oldest_overdue_days),
                None => oldest_overdue_days,
            }
        } else {
            0
        };

        let scaled = |m: BTreeMap<Currency, Decimal>| -> Vec<CurrencyAmount> {
            m.into_iter()
                .map(|(currency, mut amount)| {
                    amount.rescale(currency.minor_units());
                    CurrencyAmount { currency, amount }
                })
                .collect()
        };

        out.insert(
            customer.clone(),
            CustomerFeatures {
                customer: customer.clone(),
                name: record.and_then(|r| r.name.clone()),
                sector: record.and_then(|r| r.sector.clone()),
                invoices: rs.len(),
                paid,
                mean_days_late: mean(&delays),
                median_days_late: median(&delays),
                p90_days_late: p90(&delays),
                paid_late,
                late_share: ratio(paid_late, paid),
                trend_days,
                with_payment,
                paid_in_parts: in_parts,
                partial_share: ratio(in_parts, with_payment),
                promises: f.promises.len(),
                promises_kept: kept,
                broken_promises: broken,
                promises_kept_late: kept_late,
                disputes,
                disputes_without_substance: without_substance,
                dispute_share: ratio(disputes, invoices_issued.len()),
                reminders: f.reminders,
                reminders_per_invoice: ratio(f.reminders, rs.len()),
                plans: f.plans,
                written_off: rs.iter().filter(|r| !r.written_off.is_zero()).count(),
                exposure,
                exposure_share,
                overdue: scaled(overdue),
                overdue_receivables,
                oldest_overdue_days,
                last_payment: last,
                silence_days,
                first_invoice,
                tenure_days,
                monthly_sales,
                bureau_score: ext.and_then(|x| x.bureau_score),
                new_customer: ext.and_then(|x| x.new_customer).unwrap_or(false),
            },
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_statistics() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[4]), Some(4.0));
        assert_eq!(median(&[1, 4]), Some(2.5));
        assert_eq!(median(&[1, 4, 9]), Some(4.0));
        assert_eq!(p90(&[]), None);
        assert_eq!(p90(&[7]), Some(7));
        // ⌈0.9 × 10⌉ = 9th smallest; ⌈0.9 × 11⌉ = 10th; ⌈0.9 × 3⌉ = 3rd.
        assert_eq!(p90(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), Some(9));
        assert_eq!(p90(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), Some(10));
        assert_eq!(p90(&[0, 5, 40]), Some(40));
        assert_eq!(mean(&[0, 5, 40]), Some(15.0));
    }

    #[test]
    fn rounding_for_output() {
        assert_eq!(round_to(2.0 / 3.0, 4), 0.6667);
        assert_eq!(round_to(-0.00001, 4), 0.0);
        assert!(round_to(-0.00001, 4).is_sign_positive());
    }
}
