//! Synthetic portfolios of any size, for benchmarks and for testing the batch engine against the
//! per-invoice one: deterministic (a SplitMix64 stream of the seed), streamed (a 10-million-invoice
//! ledger never has to be in memory to be written), and shaped like a real B2B book:
//!
//! - customers of skewed sizes (a few large accounts hold most invoices: weights `1 / rank^0.8`),
//!   in France (60 %), Germany (15 %), the United Kingdom (10 %, invoiced in pounds), Italy, Spain
//!   and the Netherlands (5 % each); 3 % public bodies and 2 % consumers;
//! - invoices over the 24 months before the as-of date, on 30, 45 or 60 days, of 100.00 to
//!   50,000.00 (log-uniform), so many late invoices span one or more half-year rate changes;
//! - each customer a payment behaviour: prompt, a little late, chronic, or bad; about 20 % of the
//!   invoices partly paid, the rest paid in full (on time or late) or not at all; payments name their
//!   invoice.
//!
//! ```
//! use arrears::synthetic::{portfolio, Spec};
//! use arrears::ledger::Ledger;
//! let doc = portfolio(&Spec::new(1_000, 7))?;
//! assert_eq!(doc.invoices.len(), 1_000);
//! let partly = doc.payments.iter().filter(|p| {
//!     doc.invoices.iter().any(|i| Some(&i.id) == p.invoice.as_ref() && i.amount > p.amount)
//! }).count();
//! assert!((100..350).contains(&partly), "about 20 % partly paid: {partly}");
//! Ledger::new(doc)?; // a valid ledger
//! # Ok::<(), arrears::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::calendar::date::add_days;
use crate::error::{err, Result};
use crate::ledger::{
    CustomerRecord, DebtorStatus, InvoiceRecord, LedgerDocument, PaymentKind, PaymentRecord,
};
use crate::money::Currency;
use crate::sample::Rng;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// Number of invoices.
    pub invoices: usize,
    /// Number of customers (default: one per hundred invoices, at least ten).
    pub customers: usize,
    /// The seed.
    pub seed: u64,
    /// The last day of the ledger: invoices are issued over the 24 months before it, payments up
    /// to it.
    pub as_of: NaiveDate,
    /// Where the customers are.
    pub mix: Mix,
}

/// The customers' countries and kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mix {
    /// France 60 %, Germany 15 %, the United Kingdom 10 % (in pounds), Italy, Spain and the
    /// Netherlands 5 % each; 3 % public bodies and 2 % consumers.
    #[default]
    Europe,
    /// French businesses only, in euros (one regime, `fr_b2b`): the portfolio the pandas and
    /// polars baselines of `benches/baselines/` compute.
    FrenchB2b,
}

impl Spec {
    /// `invoices` invoices with the default number of customers, to 30 June 2026.
    pub fn new(invoices: usize, seed: u64) -> Spec {
        Spec {
            invoices,
            customers: (invoices / 100).max(10),
            seed,
            as_of: crate::sample::AS_OF,
            mix: Mix::Europe,
        }
    }
}

/// How a customer pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Habit {
    Prompt,
    Late,
    Chronic,
    Bad,
}

/// A customer as generated: its record and how it pays.
#[derive(Debug, Clone)]
struct Customer {
    record: CustomerRecord,
    currency: Currency,
    habit: Habit,
}

/// The stream of a synthetic portfolio: its customers, then its invoices one by one (in issue-date
/// order) with the payments of each.
pub struct Generator {
    spec: Spec,
    rng: Rng,
    customers: Vec<Customer>,
    /// Cumulative weights of the customers (skewed sizes), for picking one.
    cumulative: Vec<u64>,
    next: usize,
    start: NaiveDate,
}

impl Generator {
    /// Prepares the stream.
    ///
    /// # Errors
    /// `input.invalid_value` for no customers; `date.out_of_range` at the ends of the calendar.
    pub fn new(spec: &Spec) -> Result<Generator> {
        if spec.customers == 0 {
            return Err(err!(InvalidValue, "a synthetic portfolio needs customers"));
        }
        let mut rng = Rng(spec.seed ^ 0x0005_EED0_FA11);
        let mut customers = Vec::with_capacity(spec.customers);
        let mut cumulative = Vec::with_capacity(spec.customers);
        let mut total: u64 = 0;
        for i in 0..spec.customers {
            let roll = rng.range(0, 99);
            let (country, currency) = match roll {
                0..=59 => ("FR", Currency::EUR),
                60..=74 => ("DE", Currency::EUR),
                75..=84 => ("GB", Currency::GBP),
                85..=89 => ("IT", Currency::EUR),
                90..=94 => ("ES", Currency::EUR),
                _ => ("NL", Currency::EUR),
            };
            let debtor = match rng.range(0, 99) {
                0..=2 => Some(DebtorStatus::PublicBody),
                3..=4 => Some(DebtorStatus::Consumer),
                _ => None,
            };
            // The same draws for every mix, so that the amounts and dates do not change with it.
            let (country, currency, debtor) = match spec.mix {
                Mix::Europe => (country, currency, debtor),
                Mix::FrenchB2b => ("FR", Currency::EUR, None),
            };
            let habit = match rng.range(0, 99) {
                0..=39 => Habit::Prompt,
                40..=74 => Habit::Late,
                75..=92 => Habit::Chronic,
                _ => Habit::Bad,
            };
            let mut record = CustomerRecord::new(format!("K{i:07}"))
                .with_name(format!("Customer {i}"))
                .with_country(country);
            record.debtor = debtor;
            customers.push(Customer {
                record,
                currency,
                habit,
            });
            // Weight 1 / rank^0.8, scaled to integers: 1e6 / (rank + 1)^0.8, with the power
            // computed in integers by a rational approximation good to a few percent (sizes, not
            // money).
            let rank = u64::try_from(i).unwrap_or(u64::MAX).saturating_add(1);
            let weight = 1_000_000u64
                .checked_div(integer_pow_0_8(rank))
                .unwrap_or(1)
                .max(1);
            total = total.saturating_add(weight);
            cumulative.push(total);
        }
        let start = add_days(spec.as_of, -730)?;
        Ok(Generator {
            spec: *spec,
            rng: Rng(spec.seed),
            customers,
            cumulative,
            next: 0,
            start,
        })
    }

    /// The customers' records.
    pub fn customers(&self) -> impl Iterator<Item = &CustomerRecord> {
        self.customers.iter().map(|c| &c.record)
    }

    /// The next invoice and the payments made on it by the as-of date, or `None` at the end.
    ///
    /// # Errors
    /// `date.out_of_range` at the ends of the calendar (never for dates near today).
    pub fn next_invoice(&mut self) -> Result<Option<(InvoiceRecord, Vec<PaymentRecord>)>> {
        if self.next >= self.spec.invoices {
            return Ok(None);
        }
        let n = self.next;
        self.next = n.saturating_add(1);
        // Issue dates spread evenly over the 730 days, in order.
        let day = n
            .saturating_mul(730)
            .checked_div(self.spec.invoices)
            .and_then(|d| i64::try_from(d).ok())
            .unwrap_or(0);
        let issue = add_days(self.start, day)?;
        let pick = self
            .rng
            .next()
            .checked_rem(self.cumulative.last().copied().unwrap_or(1))
            .unwrap_or(0);
        let ci = self.cumulative.partition_point(|c| *c <= pick);
        let Some(customer) = self
            .customers
            .get(ci.min(self.customers.len().saturating_sub(1)))
        else {
            return Ok(None);
        };
        let term = [30i64, 45, 60]
            .get(usize::try_from(self.rng.range(0, 2)).unwrap_or(0))
            .copied()
            .unwrap_or(30);
        let due = add_days(issue, term)?;
        // Log-uniform amounts from 100.00 to 50,000.00: 10^(2 + 2.7 u), u uniform, in cents.
        let exponent_milli = self.rng.range(0, 2699);
        let cents = log_uniform_cents(exponent_milli);
        let amount = Decimal::new(cents, customer.currency.minor_units());
        let id = format!("INV{n:09}");
        let invoice = InvoiceRecord {
            id: id.clone(),
            customer: customer.record.id.clone(),
            issue_date: issue,
            due_date: Some(due),
            terms: None,
            amount,
            net_amount: None,
            tax_amount: None,
            currency: customer.currency,
        };
        let (delay_lo, delay_hi, unpaid_percent) = match customer.habit {
            Habit::Prompt => (-5, 5, 2),
            Habit::Late => (0, 45, 6),
            Habit::Chronic => (20, 150, 15),
            Habit::Bad => (60, 300, 45),
        };
        let mut payments = Vec::new();
        let roll = self.rng.range(0, 99);
        let delay = self.rng.range(delay_lo, delay_hi);
        let paid_on = add_days(due, delay)?;
        let payment = |date: NaiveDate, cents: i64| PaymentRecord {
            id: None,
            customer: Some(customer.record.id.clone()),
            date,
            amount: Decimal::new(cents, customer.currency.minor_units()),
            currency: customer.currency,
            invoice: Some(id.clone()),
            allocations: None,
            kind: PaymentKind::Payment,
        };
        if roll < unpaid_percent {
            // Not paid at all.
        } else if roll < unpaid_percent.saturating_add(20) {
            // Partly paid: a share of 10 % to 90 %, sometimes followed by the rest later.
            let share = self.rng.range(10, 90);
            let part = cents.saturating_mul(share) / 100;
            if part > 0 && paid_on <= self.spec.as_of {
                payments.push(payment(paid_on.max(issue), part));
            }
        } else if paid_on <= self.spec.as_of {
            payments.push(payment(paid_on.max(issue), cents));
        }
        Ok(Some((invoice, payments)))
    }
}

/// `rank^0.8` in integers (for customer weights): `exp(0.8 ln rank)` by a table of powers of two
/// and linear interpolation, to a few percent; sizes only, never money.
fn integer_pow_0_8(rank: u64) -> u64 {
    // 2^(0.8 k) × 1000 for k = 0..40.
    let bits = 63u32.saturating_sub(rank.leading_zeros());
    let lo = 1u64 << bits;
    // 2^(0.8 bits), then up to the next power by interpolation of the exponent.
    let pow_lo = pow2_0_8(bits);
    let pow_hi = pow2_0_8(bits.saturating_add(1));
    let frac_num = rank.saturating_sub(lo);
    pow_lo
        .saturating_add(
            pow_hi
                .saturating_sub(pow_lo)
                .saturating_mul(frac_num)
                .checked_div(lo)
                .unwrap_or(0),
        )
        .max(1)
}

/// `2^(0.8 k)` rounded, for k up to 63.
fn pow2_0_8(k: u32) -> u64 {
    // 2^0.8 ≈ 1.741101: multiply step by step in thousandths.
    let mut v: u64 = 1000;
    for _ in 0..k {
        v = v.saturating_mul(1741).checked_div(1000).unwrap_or(v);
    }
    v.checked_div(1000).unwrap_or(0).max(1)
}

/// `10^(2 + m / 1000)` cents for `m` in 0..2700: amounts from 100.00 to about 50,000.00.
fn log_uniform_cents(milli: i64) -> i64 {
    // 10^(m/1000) by powers of 10^(1/1000) ≈ 1.0023052: fine enough for amounts.
    let whole = milli / 1000;
    let frac = milli % 1000;
    let mut v: i64 = 10_000; // 100.00 in cents
    for _ in 0..whole {
        v = v.saturating_mul(10);
    }
    // 10^(frac/1000) ≈ 1 + 2.302585 × x + 2.650949 × x² + 2.034 × x³ for x in [0, 1), in millionths.
    let x = frac; // thousandths
    let term = 1_000_000i64
        .saturating_add(2303i64.saturating_mul(x))
        .saturating_add(2651i64.saturating_mul(x).saturating_mul(x) / 1000)
        .saturating_add(
            2034i64
                .saturating_mul(x)
                .saturating_mul(x)
                .saturating_mul(x)
                / 1_000_000,
        );
    v.saturating_mul(term) / 1_000_000
}

/// The whole portfolio as a ledger document (for sizes that fit in memory).
///
/// # Errors
/// As [`Generator::new`].
pub fn portfolio(spec: &Spec) -> Result<LedgerDocument> {
    let mut g = Generator::new(spec)?;
    let mut doc = LedgerDocument {
        customers: g.customers().cloned().collect(),
        ..LedgerDocument::default()
    };
    doc.invoices.reserve(spec.invoices);
    while let Some((invoice, payments)) = g.next_invoice()? {
        doc.invoices.push(invoice);
        doc.payments.extend(payments);
    }
    Ok(doc)
}

/// The whole portfolio as a batch engine's book, streamed into columns (no document in memory:
/// ten million invoices take a few hundred megabytes).
///
/// ```
/// use arrears::synthetic::{book, portfolio, Spec};
/// use arrears::portfolio::columns::Book;
/// let spec = Spec::new(500, 2);
/// assert_eq!(book(&spec)?, Book::from_document(&portfolio(&spec)?)?);
/// # Ok::<(), arrears::Error>(())
/// ```
///
/// # Errors
/// As [`Generator::new`].
pub fn book(spec: &Spec) -> Result<crate::portfolio::columns::Book> {
    use crate::portfolio::build::{Amount, BookBuilder, Defaults};
    use crate::portfolio::columns::day_number;
    let scaled = |d: Decimal| Amount::Scaled {
        digits: d.mantissa(),
        scale: d.scale(),
    };
    let mut g = Generator::new(spec)?;
    let mut b = BookBuilder::with_capacity(
        Defaults::default(),
        spec.invoices,
        spec.invoices.saturating_mul(3).checked_div(4).unwrap_or(0),
    );
    for c in g.customers() {
        b.customer(&c.id, c.country.as_deref(), c.debtor)?;
    }
    while let Some((inv, pays)) = g.next_invoice()? {
        let due = inv.due_date.unwrap_or(inv.issue_date);
        b.invoice(
            &inv.id,
            &inv.customer,
            day_number(inv.issue_date),
            day_number(due),
            scaled(inv.amount),
            Some(inv.currency),
        )?;
        for p in pays {
            b.payment(
                p.id.as_deref(),
                p.customer.as_deref(),
                p.invoice.as_deref(),
                day_number(p.date),
                scaled(p.amount),
                Some(p.currency),
            )?;
        }
    }
    Ok(b.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_french_mix_has_only_french_businesses_and_the_same_invoices() {
        let europe = portfolio(&Spec::new(500, 3)).unwrap();
        let french = portfolio(&Spec {
            mix: Mix::FrenchB2b,
            ..Spec::new(500, 3)
        })
        .unwrap();
        assert!(french
            .customers
            .iter()
            .all(|c| c.country.as_deref() == Some("FR") && c.debtor.is_none()));
        let dates = |d: &LedgerDocument| -> Vec<_> {
            d.invoices
                .iter()
                .map(|i| (i.issue_date, i.due_date))
                .collect()
        };
        assert_eq!(dates(&europe), dates(&french));
    }

    #[test]
    fn the_same_seed_gives_the_same_portfolio() {
        let a = portfolio(&Spec::new(500, 1)).unwrap();
        let b = portfolio(&Spec::new(500, 1)).unwrap();
        let c = portfolio(&Spec::new(500, 2)).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn amounts_span_100_to_50000() {
        assert_eq!(log_uniform_cents(0), 10_000);
        let top = log_uniform_cents(2699);
        assert!((4_500_000..5_200_000).contains(&top), "{top}");
        assert!(log_uniform_cents(1000) > 99_000 && log_uniform_cents(1000) < 101_000);
    }

    #[test]
    fn customer_sizes_are_skewed() {
        let doc = portfolio(&Spec::new(20_000, 3)).unwrap();
        let mut counts = std::collections::HashMap::new();
        for i in &doc.invoices {
            *counts.entry(i.customer.as_str()).or_insert(0usize) += 1;
        }
        let mut sizes: Vec<usize> = counts.values().copied().collect();
        sizes.sort_unstable_by(|a, b| b.cmp(a));
        // The top tenth of 200 customers holds far more than a tenth of the invoices.
        let top: usize = sizes.iter().take(20).sum();
        assert!(top > 20_000 / 4, "{top}");
        assert!(doc
            .customers
            .iter()
            .any(|c| c.country.as_deref() == Some("GB")));
    }
}
