//! Per-customer totals of a penalty table: what each customer owes in each currency, by age, with
//! the penalties the law adds. One row per customer and currency (amounts are never converted),
//! sorted by customer id then currency code; the sums of the penalty table's rows, so a customer's
//! row adds up exactly to its invoices' rows.
//!
//! The batch path ([`CustomerTotals::of_table`]) sums the integer columns of a
//! [`PenaltyTable`] in one pass; [`customer_totals`] sums a table of [`PenaltyRow`]s (the
//! reference engine's, for ledgers the batch engine does not take) through the same accumulator,
//! so both give the same rows.
//!
//! ```
//! use arrears::portfolio::customers::customer_table;
//! use arrears::prelude::*;
//! let ledger = Ledger::new(LedgerDocument::default()
//!     .with_customer(CustomerRecord::new("C1").with_country("FR"))
//!     .with_invoice(InvoiceRecord::new("F1", "C1", ymd(2024, 1, 1)?, Money::parse("1000.00", "EUR")?)
//!         .due_on(ymd(2024, 1, 31)?))
//!     .with_invoice(InvoiceRecord::new("F2", "C1", ymd(2024, 3, 1)?, Money::parse("250.00", "EUR")?)
//!         .due_on(ymd(2024, 3, 31)?)))?;
//! let totals = customer_table(&ledger, ymd(2024, 3, 15)?, &LedgerInterestOptions::default(),
//!                             &RateTable::builtin()?)?;
//! // F1: 44 days late, 17.48 interest (14.50 % on 1,000.00 for 44 days, C. com. L441-10) and the
//! // EUR 40 of D441-5; F2 not yet due.
//! assert_eq!(totals[0].outstanding.to_string(), "1250.00");
//! assert_eq!(totals[0].overdue.to_string(), "1000.00");
//! assert_eq!(totals[0].total_due.to_string(), "1307.48");
//! assert_eq!(totals[0].max_days_late, 44);
//! # Ok::<(), arrears::Error>(())
//! ```

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::batch::{PenaltyTable, SETTLED};
use super::columns::Book;
use super::PenaltyRow;
use crate::error::{err, Result};
use crate::interest::ledger::LedgerInterestOptions;
use crate::ledger::aging::{buckets, AgingOptions};
use crate::ledger::Ledger;
use crate::money::{decimal_string, Currency};
use crate::rates::RateTable;

/// The column names of the per-customer table, in order (`arrears penalties --by customer`).
/// The five amounts after `overdue` are the outstanding amounts by aging bucket.
pub const COLUMNS: &[&str] = &[
    "customer",
    "currency",
    "invoices",
    "open_invoices",
    "overdue_invoices",
    "outstanding",
    "overdue",
    "not_due",
    "1-30",
    "31-60",
    "61-90",
    "91+",
    "max_days_late",
    "interest",
    "interest_outstanding",
    "fixed_compensation",
    "total_due",
];

/// One customer's totals in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct CustomerTotal {
    /// Customer id.
    pub customer: String,
    /// Currency.
    pub currency: Currency,
    /// Receivables of the penalty table (issued by the as-of date, settled or not).
    pub invoices: u64,
    /// Those with something outstanding.
    pub open_invoices: u64,
    /// Those with something outstanding past the due date.
    pub overdue_invoices: u64,
    /// Outstanding in the ledger.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub outstanding: Decimal,
    /// Outstanding past the due date.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub overdue: Decimal,
    /// Outstanding by aging bucket, in the order of `labels` (`not_due`, `1-30`, `31-60`,
    /// `61-90`, `91+`).
    pub aging: Vec<AgedAmount>,
    /// Days late of the oldest open receivable (0 when nothing open is late).
    pub max_days_late: i64,
    /// Interest accrued over the whole delay, settled receivables included.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest: Decimal,
    /// Interest still owed.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest_outstanding: Decimal,
    /// Fixed compensation.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub fixed_compensation: Decimal,
    /// The sum of the receivables' `total_due`.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub total_due: Decimal,
}

/// The outstanding amount in one aging bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct AgedAmount {
    /// Bucket label.
    pub bucket: String,
    /// Outstanding in it.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
}

/// The per-customer totals as columns: row `k` is customer `customer[k]` of the book in currency
/// `currency[k]`; amounts in minor units of that currency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerTotals {
    /// The book's customer index (or, from [`customer_totals`], the index in `names`).
    pub customer: Vec<u32>,
    /// The currency of the row.
    pub currency: Vec<Currency>,
    /// Receivables.
    pub invoices: Vec<u64>,
    /// Receivables with something outstanding.
    pub open_invoices: Vec<u64>,
    /// Receivables with something outstanding past the due date.
    pub overdue_invoices: Vec<u64>,
    /// Outstanding.
    pub outstanding: Vec<i64>,
    /// Outstanding past due.
    pub overdue: Vec<i64>,
    /// Outstanding by bucket: row `k`, bucket `b` at `k * labels.len() + b`.
    pub aged: Vec<i64>,
    /// Days late of the oldest open receivable.
    pub max_days_late: Vec<i64>,
    /// Interest accrued.
    pub interest: Vec<i64>,
    /// Interest still owed.
    pub interest_outstanding: Vec<i64>,
    /// Fixed compensation.
    pub fixed_compensation: Vec<i64>,
    /// Total due.
    pub total_due: Vec<i64>,
    /// The aging buckets' labels.
    pub labels: Vec<String>,
}

/// One receivable as the accumulator sees it.
struct Line {
    group: u32,
    currency: Currency,
    days_late: i64,
    /// Bucket index, `None` when settled.
    bucket: Option<usize>,
    outstanding: i64,
    interest: i64,
    interest_outstanding: i64,
    fixed: i64,
    total: i64,
}

/// Sums lines into rows keyed by `(group, currency)`, rows in first-seen order.
struct Accumulator {
    slot: HashMap<(u32, Currency), usize>,
    out: CustomerTotals,
}

fn plus(a: &mut i64, b: i64) -> Result<()> {
    *a = a
        .checked_add(b)
        .ok_or_else(|| err!(Overflow, "a customer's total overflows"))?;
    Ok(())
}

impl Accumulator {
    fn new(labels: Vec<String>) -> Accumulator {
        Accumulator {
            slot: HashMap::new(),
            out: CustomerTotals {
                labels,
                ..CustomerTotals::default()
            },
        }
    }

    fn add(&mut self, l: &Line) -> Result<()> {
        let width = self.out.labels.len();
        let o = &mut self.out;
        let k = *self.slot.entry((l.group, l.currency)).or_insert_with(|| {
            o.customer.push(l.group);
            o.currency.push(l.currency);
            for v in [
                &mut o.invoices,
                &mut o.open_invoices,
                &mut o.overdue_invoices,
            ] {
                v.push(0);
            }
            for v in [
                &mut o.outstanding,
                &mut o.overdue,
                &mut o.max_days_late,
                &mut o.interest,
                &mut o.interest_outstanding,
                &mut o.fixed_compensation,
                &mut o.total_due,
            ] {
                v.push(0);
            }
            o.aged.extend(std::iter::repeat_n(0, width));
            o.customer.len().saturating_sub(1)
        });
        let bad = || err!(Internal, "customer totals out of step");
        let open = l.outstanding != 0;
        let late = open && l.days_late > 0;
        // Counts below 2^64 rows: saturating adds never saturate.
        for (v, n) in [
            (&mut o.invoices, 1),
            (&mut o.open_invoices, u64::from(open)),
            (&mut o.overdue_invoices, u64::from(late)),
        ] {
            let c = v.get_mut(k).ok_or_else(bad)?;
            *c = c.saturating_add(n);
        }
        plus(o.outstanding.get_mut(k).ok_or_else(bad)?, l.outstanding)?;
        if late {
            plus(o.overdue.get_mut(k).ok_or_else(bad)?, l.outstanding)?;
            let m = o.max_days_late.get_mut(k).ok_or_else(bad)?;
            *m = (*m).max(l.days_late);
        }
        if let (true, Some(b)) = (open, l.bucket) {
            let at = k.saturating_mul(width).saturating_add(b);
            plus(o.aged.get_mut(at).ok_or_else(bad)?, l.outstanding)?;
        }
        plus(o.interest.get_mut(k).ok_or_else(bad)?, l.interest)?;
        plus(
            o.interest_outstanding.get_mut(k).ok_or_else(bad)?,
            l.interest_outstanding,
        )?;
        plus(o.fixed_compensation.get_mut(k).ok_or_else(bad)?, l.fixed)?;
        plus(o.total_due.get_mut(k).ok_or_else(bad)?, l.total)?;
        Ok(())
    }

    /// The rows sorted by `name(group)` then currency code.
    fn finish<'a>(self, name: impl Fn(u32) -> &'a str) -> CustomerTotals {
        let o = self.out;
        let mut order: Vec<usize> = (0..o.customer.len()).collect();
        order.sort_unstable_by(|&a, &b| {
            let key = |k: usize| {
                (
                    o.customer.get(k).map(|&c| name(c)).unwrap_or_default(),
                    o.currency.get(k).map(|c| c.code()).unwrap_or_default(),
                )
            };
            key(a).cmp(&key(b))
        });
        let pick = |v: &[i64]| -> Vec<i64> {
            order
                .iter()
                .map(|&k| v.get(k).copied().unwrap_or(0))
                .collect()
        };
        let count = |v: &[u64]| -> Vec<u64> {
            order
                .iter()
                .map(|&k| v.get(k).copied().unwrap_or(0))
                .collect()
        };
        let width = o.labels.len();
        CustomerTotals {
            customer: order
                .iter()
                .map(|&k| o.customer.get(k).copied().unwrap_or(0))
                .collect(),
            currency: order
                .iter()
                .filter_map(|&k| o.currency.get(k).copied())
                .collect(),
            invoices: count(&o.invoices),
            open_invoices: count(&o.open_invoices),
            overdue_invoices: count(&o.overdue_invoices),
            outstanding: pick(&o.outstanding),
            overdue: pick(&o.overdue),
            aged: order
                .iter()
                .flat_map(|&k| {
                    let from = k.saturating_mul(width);
                    o.aged
                        .get(from..from.saturating_add(width))
                        .unwrap_or_default()
                        .iter()
                        .copied()
                })
                .collect(),
            max_days_late: pick(&o.max_days_late),
            interest: pick(&o.interest),
            interest_outstanding: pick(&o.interest_outstanding),
            fixed_compensation: pick(&o.fixed_compensation),
            total_due: pick(&o.total_due),
            labels: o.labels,
        }
    }
}

impl CustomerTotals {
    /// The per-customer totals of a batch penalty table.
    ///
    /// # Errors
    /// `money.overflow` when a customer's total does not fit.
    pub fn of_table(book: &Book, table: &PenaltyTable) -> Result<CustomerTotals> {
        let mut acc = Accumulator::new(table.bucket_labels.clone());
        for (k, &i) in table.invoice.iter().enumerate() {
            let i = i as usize;
            let at = |v: &[i64]| v.get(k).copied().unwrap_or(0);
            acc.add(&Line {
                group: book.invoice_customer.get(i).copied().unwrap_or(0),
                currency: book.currency(book.invoice_currency.get(i).copied().unwrap_or(0)),
                days_late: at(&table.days_late),
                bucket: match table.bucket.get(k).copied() {
                    Some(SETTLED) | None => None,
                    Some(b) => Some(usize::from(b)),
                },
                outstanding: at(&table.outstanding),
                interest: at(&table.interest),
                interest_outstanding: at(&table.interest_outstanding),
                fixed: at(&table.fixed_compensation),
                total: at(&table.total_due),
            })?;
        }
        Ok(acc.finish(|c| book.customer_id.get(c as usize)))
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.customer.len()
    }

    /// `true` when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.customer.is_empty()
    }

    /// The outstanding amounts of row `k` by bucket, in the order of `labels`.
    pub fn aged_of(&self, k: usize) -> &[i64] {
        let width = self.labels.len();
        let from = k.saturating_mul(width);
        self.aged
            .get(from..from.saturating_add(width))
            .unwrap_or_default()
    }

    /// The rows as documents, customers named by `name` (the book's ids for
    /// [`CustomerTotals::of_table`]).
    pub fn rows<'a>(&self, name: impl Fn(u32) -> &'a str) -> Vec<CustomerTotal> {
        (0..self.len())
            .map(|k| {
                let currency = self.currency.get(k).copied().unwrap_or(Currency::EUR);
                let units = currency.minor_units();
                let money = |v: &[i64]| Decimal::new(v.get(k).copied().unwrap_or(0), units);
                let count = |v: &[u64]| v.get(k).copied().unwrap_or(0);
                CustomerTotal {
                    customer: name(self.customer.get(k).copied().unwrap_or(0)).to_string(),
                    currency,
                    invoices: count(&self.invoices),
                    open_invoices: count(&self.open_invoices),
                    overdue_invoices: count(&self.overdue_invoices),
                    outstanding: money(&self.outstanding),
                    overdue: money(&self.overdue),
                    aging: self
                        .labels
                        .iter()
                        .zip(self.aged_of(k))
                        .map(|(l, &a)| AgedAmount {
                            bucket: l.clone(),
                            amount: Decimal::new(a, units),
                        })
                        .collect(),
                    max_days_late: self.max_days_late.get(k).copied().unwrap_or(0),
                    interest: money(&self.interest),
                    interest_outstanding: money(&self.interest_outstanding),
                    fixed_compensation: money(&self.fixed_compensation),
                    total_due: money(&self.total_due),
                }
            })
            .collect()
    }
}

/// The per-customer totals of a ledger on a date, from the engine that takes it (as
/// [`super::penalty_table`]: the batch engine for the ledgers it supports, the per-invoice engine
/// for the others).
///
/// # Errors
/// The errors of [`super::penalty_table`]; `money.overflow` when a total does not fit.
pub fn customer_table(
    ledger: &Ledger,
    as_of: NaiveDate,
    options: &LedgerInterestOptions,
    rates: &RateTable,
) -> Result<Vec<CustomerTotal>> {
    match Book::from_document(ledger.document()) {
        Ok(book) => book_totals(&book, as_of, options, rates),
        Err(_) => customer_totals(&super::reference_table(ledger, as_of, options, rates)?),
    }
}

/// The per-customer totals of a book on a date, through the batch engine, as documents.
///
/// # Errors
/// The errors of [`super::batch::penalty_table`]; `money.overflow` when a total does not fit.
pub fn book_totals(
    book: &Book,
    as_of: NaiveDate,
    options: &LedgerInterestOptions,
    rates: &RateTable,
) -> Result<Vec<CustomerTotal>> {
    let table = super::batch::penalty_table(book, as_of, options, rates)?;
    Ok(CustomerTotals::of_table(book, &table)?.rows(|c| book.customer_id.get(c as usize)))
}

/// The per-customer totals of a table of penalty rows (any engine's), sorted by customer id then
/// currency code.
///
/// # Errors
/// `money.overflow` when a total does not fit; `input.invalid_value` for a row whose amounts are
/// not in its currency's minor unit or whose bucket is unknown (rows not made by
/// [`super::penalty_table`]).
pub fn customer_totals(rows: &[PenaltyRow]) -> Result<Vec<CustomerTotal>> {
    let labels: Vec<String> = buckets(&AgingOptions::default())?
        .into_iter()
        .map(|b| b.label)
        .collect();
    let mut names: Vec<&str> = Vec::new();
    let mut index: HashMap<&str, u32> = HashMap::new();
    let mut acc = Accumulator::new(labels.clone());
    for r in rows {
        let next = u32::try_from(names.len())
            .map_err(|_| err!(InvalidValue, "too many customers for one table"))?;
        let group = *index.entry(r.customer.as_str()).or_insert_with(|| {
            names.push(r.customer.as_str());
            next
        });
        let units = r.currency.minor_units();
        let minor = |d: Decimal| -> Result<i64> {
            let mut m = d;
            m.rescale(units);
            if m != d {
                return Err(err!(
                    InvalidValue,
                    "row {}: {d} is not in minor units of {}",
                    r.id,
                    r.currency
                ));
            }
            i64::try_from(m.mantissa()).map_err(|_| err!(Overflow, "row {}: {d} overflows", r.id))
        };
        let bucket = if r.bucket == "settled" {
            None
        } else {
            Some(labels.iter().position(|l| *l == r.bucket).ok_or_else(|| {
                err!(
                    InvalidValue,
                    "row {}: unknown aging bucket {:?}",
                    r.id,
                    r.bucket
                )
            })?)
        };
        acc.add(&Line {
            group,
            currency: r.currency,
            days_late: r.days_late,
            bucket,
            outstanding: minor(r.outstanding)?,
            interest: minor(r.interest)?,
            interest_outstanding: minor(r.interest_outstanding)?,
            fixed: minor(r.fixed_compensation)?,
            total: minor(r.total_due)?,
        })?;
    }
    let name = |g: u32| names.get(g as usize).copied().unwrap_or_default();
    Ok(acc.finish(name).rows(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::portfolio::columns::Book;
    use crate::prelude::*;

    /// Two customers, two currencies, one settled-late invoice; every figure computed by hand.
    #[test]
    fn totals_by_hand() {
        let ledger = Ledger::new(
            LedgerDocument::default()
                .with_customer(CustomerRecord::new("B").with_country("FR"))
                .with_customer(CustomerRecord::new("A").with_country("FR"))
                .with_invoice(
                    InvoiceRecord::new(
                        "F1",
                        "B",
                        ymd(2024, 1, 1).unwrap(),
                        Money::parse("1000.00", "EUR").unwrap(),
                    )
                    .due_on(ymd(2024, 1, 31).unwrap()),
                )
                .with_invoice(
                    InvoiceRecord::new(
                        "F2",
                        "B",
                        ymd(2024, 1, 10).unwrap(),
                        Money::parse("100.00", "USD").unwrap(),
                    )
                    .due_on(ymd(2024, 5, 1).unwrap()),
                )
                .with_invoice(
                    InvoiceRecord::new(
                        "F3",
                        "A",
                        ymd(2024, 1, 1).unwrap(),
                        Money::parse("200.00", "EUR").unwrap(),
                    )
                    .due_on(ymd(2024, 1, 31).unwrap()),
                )
                .with_payment(
                    PaymentRecord::new(
                        ymd(2024, 2, 10).unwrap(),
                        Money::parse("200.00", "EUR").unwrap(),
                    )
                    .for_invoice("F3"),
                ),
        )
        .unwrap();
        let as_of = ymd(2024, 3, 15).unwrap();
        let rows = crate::portfolio::penalty_table(
            &ledger,
            as_of,
            &LedgerInterestOptions::default(),
            &RateTable::builtin().unwrap(),
        )
        .unwrap();
        let totals = customer_totals(&rows).unwrap();
        // Sorted by customer then currency: A/EUR, B/EUR, B/USD.
        let keys: Vec<(&str, &str)> = totals
            .iter()
            .map(|t| (t.customer.as_str(), t.currency.code()))
            .collect();
        assert_eq!(keys, [("A", "EUR"), ("B", "EUR"), ("B", "USD")]);
        // A: F3 paid 10 days late (1 Feb to 10 Feb). Interest on 200.00 at 14.50 % (ECB 4.50 %
        // + 10 points, C. com. L441-10) for 10 days on a 365-day year (docs/interest.md):
        // 200 * 0.145 * 10 / 365 = 0.7945 -> 0.79, paid first by the payment (C. civ. 1343-1),
        // so 0.79 of principal is still owed and bears interest to the as-of date (11 Feb to
        // 15 Mar, 34 days): 0.79 * 0.145 * 34 / 365 = 0.0107 -> 0.01; interest 0.80, plus EUR 40
        // (D441-5). Nothing outstanding in the books, so nothing aged, no max days late.
        let a = &totals[0];
        assert_eq!((a.invoices, a.open_invoices, a.overdue_invoices), (1, 0, 0));
        assert_eq!(a.outstanding.to_string(), "0.00");
        assert_eq!(a.interest.to_string(), "0.80");
        assert_eq!(a.fixed_compensation.to_string(), "40.00");
        assert_eq!(a.total_due.to_string(), "40.80");
        assert_eq!(a.max_days_late, 0);
        assert!(a.aging.iter().all(|b| b.amount.is_zero()));
        // B/EUR: F1 44 days late on 1,000.00: 1000 * 0.145 * 44 / 365 = 17.4795 -> 17.48,
        // plus 40.
        let b = &totals[1];
        assert_eq!((b.invoices, b.open_invoices, b.overdue_invoices), (1, 1, 1));
        assert_eq!(b.overdue.to_string(), "1000.00");
        assert_eq!(b.max_days_late, 44);
        assert_eq!(b.aging[2].bucket, "31-60");
        assert_eq!(b.aging[2].amount.to_string(), "1000.00");
        assert_eq!(b.interest.to_string(), "17.48");
        assert_eq!(b.total_due.to_string(), "1057.48");
        // B/USD: not due, no penalties.
        let c = &totals[2];
        assert_eq!((c.invoices, c.open_invoices, c.overdue_invoices), (1, 1, 0));
        assert_eq!(c.aging[0].amount.to_string(), "100.00");
        assert_eq!(c.total_due.to_string(), "100.00");

        // The batch path gives the same rows.
        let book = Book::from_document(ledger.document()).unwrap();
        let table = crate::portfolio::batch::penalty_table(
            &book,
            as_of,
            &LedgerInterestOptions::default(),
            &RateTable::builtin().unwrap(),
        )
        .unwrap();
        let batch = CustomerTotals::of_table(&book, &table).unwrap();
        assert_eq!(batch.rows(|c| book.customer_id.get(c as usize)), totals);
    }
}
