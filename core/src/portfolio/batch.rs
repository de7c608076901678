//! The penalty table of a [`Book`], in columns: one replay of the ledger, one plan per regime,
//! currency and due date, the integer kernel for every receivable it covers and the engine for the
//! others. The figures are [`super::reference_table`]'s, to the cent (property-tested).

// hashbrown with foldhash: the plan is looked up once per invoice, SipHash showed in profiles.
use hashbrown::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::columns::{date_of, day_number, minor_units, Book};
use super::kernel::{self, FastPlan, Figures, Outcome, Rates, Scratch};
use super::replay::{replay, Replayed, NO_DAY};
use super::PenaltyRow;
use crate::error::{err, Result};
use crate::interest::ledger::{choose_regime, notice_of, LedgerInterestOptions};
use crate::interest::{compute_with_plan, Base, DatedAmount, InterestRequest, Plan, Regime};
use crate::ledger::aging::{buckets, AgingOptions};
use crate::money::Currency;
use crate::rates::RateTable;

/// Bucket index of a settled receivable.
pub const SETTLED: u8 = u8::MAX;

/// The penalty table as columns: row `k` is receivable `invoice[k]` of the book (issued ones, in
/// book order); amounts in minor units of the row's currency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PenaltyTable {
    /// The book's invoice of each row.
    pub invoice: Vec<u32>,
    /// Days late (never negative).
    pub days_late: Vec<i64>,
    /// Index into `bucket_labels`, or [`SETTLED`].
    pub bucket: Vec<u8>,
    /// Outstanding in the ledger.
    pub outstanding: Vec<i64>,
    /// Interest accrued over the whole delay.
    pub interest: Vec<i64>,
    /// Interest covered by payments.
    pub interest_paid: Vec<i64>,
    /// Interest still owed on the statement.
    pub interest_outstanding: Vec<i64>,
    /// Fixed compensation.
    pub fixed_compensation: Vec<i64>,
    /// `outstanding + interest + fixed_compensation`.
    pub total_due: Vec<i64>,
    /// The regime, when penalties were computed.
    pub regime: Vec<Option<Regime>>,
    /// Index into `reasons` of why a late receivable has no penalties.
    pub no_penalties: Vec<Option<u32>>,
    /// The distinct reasons.
    pub reasons: Vec<String>,
    /// The aging buckets' labels.
    pub bucket_labels: Vec<String>,
    /// How many rows the engine computed rather than the kernel (plans or cases outside it).
    pub engine_rows: usize,
}

/// A plan resolved once per regime, currency and due date.
enum PlanEntry {
    Refused(String),
    Ready {
        plan: Box<Plan>,
        fast: Option<FastPlan>,
    },
}

/// Computes the penalty table of a book on `as_of`.
///
/// # Errors
/// `money.overflow` on absurd totals; the errors of the aging buckets. A receivable whose
/// penalties cannot be computed gets a reason, not an error.
pub fn penalty_table(
    book: &Book,
    as_of: NaiveDate,
    options: &LedgerInterestOptions,
    table: &RateTable,
) -> Result<PenaltyTable> {
    let day = day_number(as_of);
    let replayed = replay(book, day)?;
    let aging = buckets(&AgingOptions::default())?;
    let bucket_of = |days_late: i64| -> u8 {
        aging
            .iter()
            .position(|b| match (b.from_days, b.to_days) {
                (None, Some(to)) => days_late <= to,
                (Some(from), Some(to)) => days_late >= from && days_late <= to,
                (Some(from), None) => days_late >= from,
                (None, None) => true,
            })
            .and_then(|i| u8::try_from(i).ok())
            .unwrap_or(0)
    };

    // The regime of each customer and whether the statute chose it, or why there is none.
    let regimes: Vec<std::result::Result<(Regime, bool), String>> =
        (0..book.customer_country.len())
            .map(|c| {
                let id = book.customer_id.get(c);
                if let Some(r) = options.by_customer.get(id).copied().or(options.regime) {
                    return Ok((r, false));
                }
                let country = book
                    .customer_country
                    .get(c)
                    .filter(|b| b[0] != 0)
                    .map(|b| String::from_utf8_lossy(b).into_owned());
                let debtor = options.debtor_of(id, book.customer_debtor.get(c).copied());
                choose_regime(country.as_deref(), debtor)
                    .map(|r| (r, true))
                    .map_err(|e| e.message().to_string())
            })
            .collect();

    let per_row_plans = options.options.base == Some(Base::Net);
    let mut plans: HashMap<(Regime, u8, i32), PlanEntry> = HashMap::new();
    let mut rates = Rates::default();
    let mut scratch = Scratch::default();
    let mut reasons: Vec<String> = Vec::new();
    let mut reason_of: HashMap<String, u32> = HashMap::new();
    let mut reason = |text: String, reasons: &mut Vec<String>| -> u32 {
        if let Some(i) = reason_of.get(&text) {
            return *i;
        }
        let i = u32::try_from(reasons.len()).unwrap_or(u32::MAX);
        reasons.push(text.clone());
        reason_of.insert(text, i);
        i
    };

    let n = book.invoices();
    let mut out = PenaltyTable {
        bucket_labels: aging.iter().map(|b| b.label.clone()).collect(),
        ..PenaltyTable::default()
    };
    for v in [
        &mut out.outstanding,
        &mut out.interest,
        &mut out.interest_paid,
        &mut out.interest_outstanding,
        &mut out.fixed_compensation,
        &mut out.total_due,
    ] {
        v.reserve(n);
    }
    let overflow = || err!(Overflow, "penalty table total overflows");

    for i in 0..n {
        if !replayed.issued.get(i).copied().unwrap_or(false) {
            continue;
        }
        let currency_index = book.invoice_currency.get(i).copied().unwrap_or(0);
        let currency = book.currency(currency_index);
        let due = book.invoice_due.get(i).copied().unwrap_or(0);
        let amount = book.invoice_amount.get(i).copied().unwrap_or(0);
        let outstanding = replayed.outstanding.get(i).copied().unwrap_or(0);
        let settled = replayed.settled.get(i).copied().unwrap_or(NO_DAY);
        let paid = replayed.paid.get(i).copied().unwrap_or(0);
        let end = if settled == NO_DAY { day } else { settled };
        let days_late = i64::from(end.saturating_sub(due)).max(0);
        // The ledger's statuses: overdue while open after the due date, paid once settled by a
        // payment; a receivable settled by credit notes alone bears no penalty.
        let late = days_late > 0 && (settled == NO_DAY || paid > 0);

        let mut figures: Option<Figures> = None;
        let mut regime_used = None;
        let mut why: Option<u32> = None;
        if late {
            let customer = book.invoice_customer.get(i).copied().unwrap_or(0) as usize;
            match regimes.get(customer) {
                Some(Ok((regime, by_statute))) => {
                    // To the as-of date, settled or not: the principal an interest-first payment
                    // left still bears interest (interest::ledger::for_state).
                    let until = day;
                    // A regime that runs from a formal notice (a consumer's) takes the notice of
                    // its customer: one plan per row, by the engine (interest::ledger::for_state).
                    let invoice = book.invoice_id.get(i);
                    let notice = date_of(due)
                        .ok_or_else(|| format!("day {due} is out of range"))
                        .and_then(|d| {
                            notice_of(
                                options,
                                *regime,
                                *by_statute,
                                book.customer_id.get(customer),
                                invoice,
                                invoice,
                                d,
                            )
                            .map_err(|e| e.message().to_string())
                        });
                    let result = if let Err(text) = notice {
                        Err(text)
                    } else if per_row_plans || matches!(notice, Ok(Some(_))) {
                        engine(
                            book,
                            &replayed,
                            i,
                            *regime,
                            currency,
                            amount,
                            until,
                            options,
                            table,
                            None,
                            notice.ok().flatten(),
                        )
                        .inspect(|_| {
                            out.engine_rows = out.engine_rows.saturating_add(1);
                        })
                    } else {
                        let entry =
                            plans
                                .entry((*regime, currency_index, due))
                                .or_insert_with(|| {
                                    match resolve(*regime, currency, amount, due, options, table) {
                                        Ok(plan) => {
                                            let fast = FastPlan::of(&plan, currency, &mut rates);
                                            PlanEntry::Ready {
                                                plan: Box::new(plan),
                                                fast,
                                            }
                                        }
                                        Err(e) => PlanEntry::Refused(e.to_string()),
                                    }
                                });
                        match entry {
                            PlanEntry::Refused(e) => Err(e.clone()),
                            PlanEntry::Ready { plan, fast } => {
                                let quick = fast.as_ref().map(|f| {
                                    kernel::compute(
                                        f,
                                        amount,
                                        until,
                                        replayed.lines(i),
                                        &mut rates,
                                        table,
                                        &mut scratch,
                                    )
                                });
                                match quick {
                                    Some(Outcome::Done(f)) => Ok(f),
                                    _ => {
                                        out.engine_rows = out.engine_rows.saturating_add(1);
                                        engine(
                                            book,
                                            &replayed,
                                            i,
                                            *regime,
                                            currency,
                                            amount,
                                            until,
                                            options,
                                            table,
                                            Some(plan),
                                            None,
                                        )
                                    }
                                }
                            }
                        }
                    };
                    match result {
                        Ok(f) => {
                            figures = Some(f);
                            regime_used = Some(*regime);
                        }
                        Err(text) => why = Some(reason(text, &mut reasons)),
                    }
                }
                Some(Err(text)) => why = Some(reason(text.clone(), &mut reasons)),
                None => {}
            }
        }
        let (interest, interest_paid, interest_outstanding, fixed) = match &figures {
            Some(f) => {
                // As the reference table: the ledger's outstanding plus all interest and the
                // fixed sum is the statement's total.
                let interest = f
                    .total_due()
                    .checked_sub(f.fixed)
                    .and_then(|v| v.checked_sub(outstanding))
                    .ok_or_else(overflow)?
                    .max(0);
                (
                    interest,
                    f.interest_paid,
                    f.interest
                        .checked_sub(f.interest_paid)
                        .ok_or_else(overflow)?,
                    f.fixed,
                )
            }
            None => (0, 0, 0, 0),
        };
        let total_due = outstanding
            .checked_add(interest)
            .and_then(|t| t.checked_add(fixed))
            .ok_or_else(overflow)?;
        out.invoice.push(u32::try_from(i).map_err(|_| overflow())?);
        out.days_late.push(days_late);
        out.bucket.push(if outstanding == 0 {
            SETTLED
        } else {
            bucket_of(days_late)
        });
        out.outstanding.push(outstanding);
        out.interest.push(interest);
        out.interest_paid.push(interest_paid);
        out.interest_outstanding.push(interest_outstanding);
        out.fixed_compensation.push(fixed);
        out.total_due.push(total_due);
        out.regime.push(regime_used);
        out.no_penalties.push(why);
    }
    out.reasons = reasons;
    Ok(out)
}

/// The plan of a regime for a currency and a due day, resolved as the engine does for a ledger
/// (the regime's defaults and the caller's options).
fn resolve(
    regime: Regime,
    currency: Currency,
    amount: i64,
    due: i32,
    options: &LedgerInterestOptions,
    table: &RateTable,
) -> Result<Plan> {
    let due_date = date_of(due).ok_or_else(|| err!(DateOutOfRange, "day {due} is out of range"))?;
    let request = InterestRequest {
        regime,
        principal: Decimal::new(amount, currency.minor_units()),
        currency,
        due_date,
        until: due_date,
        payments: Vec::new(),
        credits: Vec::new(),
        options: options.options.clone(),
        rates: Vec::new(),
    };
    Plan::resolve(&request, table)
}

/// The engine's statement of one receivable, for the plans and cases the kernel leaves to it.
#[allow(clippy::too_many_arguments)]
fn engine(
    book: &Book,
    replayed: &Replayed,
    i: usize,
    regime: Regime,
    currency: Currency,
    amount: i64,
    until: i32,
    options: &LedgerInterestOptions,
    table: &RateTable,
    plan: Option<&Plan>,
    notice_date: Option<NaiveDate>,
) -> std::result::Result<Figures, String> {
    let units = currency.minor_units();
    let date = |d: i32| date_of(d).ok_or_else(|| format!("day {d} is out of range"));
    let mut payments = Vec::new();
    let mut credits = Vec::new();
    for (day, m, credit) in replayed.lines(i) {
        let item = DatedAmount {
            date: date(day)?,
            amount: Decimal::new(m, units),
        };
        if credit {
            credits.push(item);
        } else {
            payments.push(item);
        }
    }
    let due = book.invoice_due.get(i).copied().unwrap_or(0);
    let mut interest_options = options.options.clone();
    if notice_date.is_some() {
        interest_options.notice_date = notice_date;
    }
    let request = InterestRequest {
        regime,
        principal: Decimal::new(amount, units),
        currency,
        due_date: date(due)?,
        until: date(until)?,
        payments,
        credits,
        options: interest_options,
        rates: Vec::new(),
    };
    let resolved;
    let plan = match plan {
        Some(p) => p,
        None => {
            resolved = Plan::resolve(&request, table).map_err(|e| e.to_string())?;
            &resolved
        }
    };
    let s = compute_with_plan(&request, plan, table).map_err(|e| e.to_string())?;
    let m = |d: Decimal| minor_units(d, currency).ok_or_else(|| format!("{d} is not exact"));
    Ok(Figures {
        interest: m(s.interest)?,
        interest_paid: m(s.interest_paid)?,
        principal_outstanding: m(s.principal_outstanding)?,
        fixed: m(s.fixed_compensation)?,
    })
}

impl PenaltyTable {
    /// Why late receivables have no penalties, as [`super::WithoutPenalties::of_rows`] says it for
    /// the rows, without building them.
    pub fn without_penalties(&self, book: &Book) -> Vec<super::WithoutPenalties> {
        super::WithoutPenalties::summarise(self.invoice.iter().zip(&self.no_penalties).filter_map(
            |(&i, why)| {
                let reason = self.reasons.get((*why)? as usize)?;
                Some((book.invoice_id.get(i as usize), reason.as_str()))
            },
        ))
    }

    /// The rows as documents (ids and dates as text): what [`super::penalty_table`] returns.
    pub fn rows(&self, book: &Book) -> Vec<PenaltyRow> {
        let mut rows = Vec::with_capacity(self.invoice.len());
        for (k, &i) in self.invoice.iter().enumerate() {
            let i = i as usize;
            let currency = book.currency(book.invoice_currency.get(i).copied().unwrap_or(0));
            let units = currency.minor_units();
            let money = |v: Option<&i64>| Decimal::new(v.copied().unwrap_or(0), units);
            let customer = book.invoice_customer.get(i).copied().unwrap_or(0) as usize;
            rows.push(PenaltyRow {
                id: book.invoice_id.get(i).to_string(),
                customer: book.customer_id.get(customer).to_string(),
                currency,
                due_date: date_of(book.invoice_due.get(i).copied().unwrap_or(0))
                    .unwrap_or(NaiveDate::MIN),
                days_late: self.days_late.get(k).copied().unwrap_or(0),
                bucket: match self.bucket.get(k).copied() {
                    Some(SETTLED) | None => "settled".to_string(),
                    Some(b) => self
                        .bucket_labels
                        .get(usize::from(b))
                        .cloned()
                        .unwrap_or_default(),
                },
                outstanding: money(self.outstanding.get(k)),
                interest: money(self.interest.get(k)),
                interest_paid: money(self.interest_paid.get(k)),
                interest_outstanding: money(self.interest_outstanding.get(k)),
                fixed_compensation: money(self.fixed_compensation.get(k)),
                total_due: money(self.total_due.get(k)),
                regime: self.regime.get(k).copied().flatten(),
                no_penalties: self
                    .no_penalties
                    .get(k)
                    .copied()
                    .flatten()
                    .and_then(|r| self.reasons.get(r as usize).cloned()),
            });
        }
        rows
    }
}
