//! The ledger replay of [`crate::ledger`], on columns: the same matching rules (a payment naming
//! an invoice goes to it, surplus on account; a payment naming nothing goes to the customer's
//! open invoices in its currency, oldest due date first, then issue date, then invoice id; a
//! payment naming an invoice not yet issued waits for it; credit notes reduce their invoice), the
//! same order of a day's events (issues, credit notes, payments), and so the same outstanding
//! amounts, settlement days and matching lines, to the cent. One pass, no allocation per event
//! beyond the output columns.

use super::columns::{Book, NONE};
use crate::error::{err, Result};

/// No day.
pub const NO_DAY: i32 = i32::MIN;

/// The state of every invoice of a book at the end of a day, and what was matched to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Replayed {
    /// Issued on or before the day.
    pub issued: Vec<bool>,
    /// Still owed, in minor units.
    pub outstanding: Vec<i64>,
    /// Paid.
    pub paid: Vec<i64>,
    /// Reduced by credit notes.
    pub credited: Vec<i64>,
    /// The day outstanding reached zero, or [`NO_DAY`].
    pub settled: Vec<i32>,
    /// Matching lines of invoice `i`: `line_offsets[i]..line_offsets[i + 1]`.
    pub line_offsets: Vec<u32>,
    /// The day of each matching line.
    pub line_day: Vec<i32>,
    /// Its amount.
    pub line_amount: Vec<i64>,
    /// A credit note (else a payment).
    pub line_credit: Vec<bool>,
    /// What named invoices could not absorb (more than they still asked), in the order applied:
    /// unapplied credit, which the ledger reports with a warning.
    pub leftovers: Vec<Leftover>,
}

/// Money a named invoice could not absorb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leftover {
    /// The payment (its row in the book), or the credit note when `credit`.
    pub row: u32,
    /// A credit note (else a payment).
    pub credit: bool,
    /// The day it was applied.
    pub day: i32,
    /// What was left, in minor units.
    pub amount: i64,
}

impl Replayed {
    /// The matching lines of invoice `i`, in the order applied: `(day, amount, credit note)`.
    pub fn lines(&self, i: usize) -> impl Iterator<Item = (i32, i64, bool)> + '_ {
        let a = self.line_offsets.get(i).copied().unwrap_or(0) as usize;
        let b = self
            .line_offsets
            .get(i.saturating_add(1))
            .copied()
            .unwrap_or(0) as usize;
        (a..b).filter_map(move |k| {
            Some((
                *self.line_day.get(k)?,
                *self.line_amount.get(k)?,
                *self.line_credit.get(k)?,
            ))
        })
    }
}

/// A matching line before it is grouped by invoice.
struct Line {
    invoice: u32,
    day: i32,
    amount: i64,
    credit: bool,
}

struct State<'a> {
    book: &'a Book,
    outstanding: Vec<i64>,
    paid: Vec<i64>,
    credited: Vec<i64>,
    settled: Vec<i32>,
    issued: Vec<bool>,
    lines: Vec<Line>,
    leftovers: Vec<Leftover>,
    /// Pools: `(customer, currency)` → the pool's invoices, oldest due first, then issue day,
    /// then invoice id.
    pool_of: hashbrown::HashMap<(u32, u8), usize>,
    pools: Vec<Vec<u32>>,
}

impl State<'_> {
    fn apply(&mut self, i: u32, amount: i64, day: i32, credit: bool) -> Result<i64> {
        let k = i as usize;
        let Some(o) = self.outstanding.get_mut(k) else {
            return Ok(0);
        };
        let take = amount.min(*o);
        if take <= 0 {
            return Ok(0);
        }
        *o = o
            .checked_sub(take)
            .ok_or_else(|| err!(Overflow, "amount overflows"))?;
        let settled_now = *o == 0;
        let bucket = if credit {
            self.credited.get_mut(k)
        } else {
            self.paid.get_mut(k)
        };
        if let Some(b) = bucket {
            *b = b
                .checked_add(take)
                .ok_or_else(|| err!(Overflow, "amount overflows"))?;
        }
        if settled_now {
            if let Some(s) = self.settled.get_mut(k) {
                *s = day;
            }
        }
        self.lines.push(Line {
            invoice: i,
            day,
            amount: take,
            credit,
        });
        Ok(take)
    }

    /// A payment naming nothing: the customer's open invoices in its currency, oldest first.
    fn oldest_first(
        &mut self,
        customer: u32,
        currency: u8,
        mut amount: i64,
        day: i32,
    ) -> Result<()> {
        let Some(&p) = self.pool_of.get(&(customer, currency)) else {
            return Ok(());
        };
        // The pool is taken out while it is walked, and put back.
        let pool = match self.pools.get_mut(p) {
            Some(v) => std::mem::take(v),
            None => return Ok(()),
        };
        let mut result = Ok(());
        for &i in &pool {
            if amount <= 0 {
                break;
            }
            let k = i as usize;
            if !self.issued.get(k).copied().unwrap_or(false)
                || self.outstanding.get(k).copied().unwrap_or(0) == 0
            {
                continue;
            }
            match self.apply(i, amount, day, false) {
                Ok(took) => amount = amount.saturating_sub(took),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        if let Some(v) = self.pools.get_mut(p) {
            *v = pool;
        }
        result
    }

    fn pay(&mut self, pi: usize, day: i32) -> Result<()> {
        let b = self.book;
        let (Some(&invoice), Some(&amount)) = (b.payment_invoice.get(pi), b.payment_amount.get(pi))
        else {
            return Ok(());
        };
        if invoice == NONE {
            let customer = b.payment_customer.get(pi).copied().unwrap_or(NONE);
            let currency = b.payment_currency.get(pi).copied().unwrap_or(0);
            self.oldest_first(customer, currency, amount, day)
        } else {
            let took = self.apply(invoice, amount, day, false)?;
            self.left_over(pi, false, day, amount.saturating_sub(took));
            Ok(())
        }
    }

    fn left_over(&mut self, row: usize, credit: bool, day: i32, amount: i64) {
        if amount > 0 {
            self.leftovers.push(Leftover {
                row: u32::try_from(row).unwrap_or(u32::MAX),
                credit,
                day,
                amount,
            });
        }
    }
}

/// Replays a book up to the end of day `as_of`.
///
/// # Errors
/// `money.overflow` on absurd totals.
pub fn replay(book: &Book, as_of: i32) -> Result<Replayed> {
    let n = book.invoices();
    let mut st = State {
        book,
        outstanding: book.invoice_amount.clone(),
        paid: vec![0; n],
        credited: vec![0; n],
        settled: vec![super::replay::NO_DAY; n],
        issued: vec![false; n],
        lines: Vec::with_capacity(book.payment_amount.len()),
        leftovers: Vec::new(),
        pool_of: hashbrown::HashMap::new(),
        pools: Vec::new(),
    };

    // Pools of the payments naming nothing (only customers that have such payments need one).
    let mut needs_pool: hashbrown::HashSet<(u32, u8)> = hashbrown::HashSet::new();
    for (k, inv) in book.payment_invoice.iter().enumerate() {
        if *inv == NONE {
            if let (Some(c), Some(cur)) =
                (book.payment_customer.get(k), book.payment_currency.get(k))
            {
                needs_pool.insert((*c, *cur));
            }
        }
    }
    if !needs_pool.is_empty() {
        for i in 0..n {
            let key = (
                book.invoice_customer.get(i).copied().unwrap_or(NONE),
                book.invoice_currency.get(i).copied().unwrap_or(0),
            );
            if !needs_pool.contains(&key) {
                continue;
            }
            let next = st.pools.len();
            let p = *st.pool_of.entry(key).or_insert(next);
            if p == next {
                st.pools.push(Vec::new());
            }
            if let Some(pool) = st.pools.get_mut(p) {
                pool.push(u32::try_from(i).unwrap_or(NONE));
            }
        }
        for pool in &mut st.pools {
            pool.sort_by(|a, b| {
                let key = |i: &u32| {
                    let k = *i as usize;
                    (
                        book.invoice_due.get(k).copied().unwrap_or(0),
                        book.invoice_issue.get(k).copied().unwrap_or(0),
                    )
                };
                key(a)
                    .cmp(&key(b))
                    .then_with(|| {
                        book.invoice_id
                            .get_bytes(*a as usize)
                            .cmp(book.invoice_id.get_bytes(*b as usize))
                    })
                    .then(a.cmp(b))
            });
        }
    }

    // The day's events in the ledger's order: issues, then credit notes, then payments, each
    // list sorted by day (ties: see `payment_order`).
    let mut issues: Vec<u32> = (0..n)
        .filter(|i| book.invoice_issue.get(*i).is_some_and(|d| *d <= as_of))
        .filter_map(|i| u32::try_from(i).ok())
        .collect();
    stable_sort_by_day(&mut issues, |i| {
        i64::from(book.invoice_issue.get(i as usize).copied().unwrap_or(0))
    });
    let mut credits: Vec<u32> = (0..book.credit_amount.len())
        .filter(|k| book.credit_day.get(*k).is_some_and(|d| *d <= as_of))
        .filter_map(|k| u32::try_from(k).ok())
        .collect();
    stable_sort_by_day(&mut credits, |k| {
        i64::from(book.credit_day.get(k as usize).copied().unwrap_or(0))
    });
    let payments = payment_order(book, as_of);

    let mut waiting: Vec<u32> = Vec::new();
    let (mut a, mut c, mut p) = (0usize, 0usize, 0usize);
    loop {
        let day_of = |list: &[u32], at: usize, days: &[i32]| {
            list.get(at)
                .and_then(|k| days.get(*k as usize))
                .copied()
                .unwrap_or(i32::MAX)
        };
        let day = day_of(&issues, a, &book.invoice_issue)
            .min(day_of(&credits, c, &book.credit_day))
            .min(day_of(&payments, p, &book.payment_day));
        if day == i32::MAX {
            break;
        }
        while let Some(&i) = issues.get(a) {
            if book.invoice_issue.get(i as usize).copied() != Some(day) {
                break;
            }
            a = a.saturating_add(1);
            if let Some(x) = st.issued.get_mut(i as usize) {
                *x = true;
            }
            // Money that waited for this invoice is applied on its issue day, in arrival order.
            if waiting
                .iter()
                .any(|w| book.payment_invoice.get(*w as usize) == Some(&i))
            {
                let mut still = Vec::with_capacity(waiting.len());
                for w in std::mem::take(&mut waiting) {
                    if book.payment_invoice.get(w as usize) == Some(&i) {
                        st.pay(w as usize, day)?;
                    } else {
                        still.push(w);
                    }
                }
                waiting = still;
            }
        }
        while let Some(&k) = credits.get(c) {
            if book.credit_day.get(k as usize).copied() != Some(day) {
                break;
            }
            c = c.saturating_add(1);
            let (Some(&inv), Some(&amount)) = (
                book.credit_invoice.get(k as usize),
                book.credit_amount.get(k as usize),
            ) else {
                continue;
            };
            let took = st.apply(inv, amount, day, true)?;
            st.left_over(k as usize, true, day, amount.saturating_sub(took));
        }
        while let Some(&k) = payments.get(p) {
            if book.payment_day.get(k as usize).copied() != Some(day) {
                break;
            }
            p = p.saturating_add(1);
            let inv = book
                .payment_invoice
                .get(k as usize)
                .copied()
                .unwrap_or(NONE);
            if inv != NONE && !st.issued.get(inv as usize).copied().unwrap_or(false) {
                waiting.push(k);
            } else {
                st.pay(k as usize, day)?;
            }
        }
    }

    // Matching lines grouped by invoice, in the order applied (a stable counting sort).
    let mut counts = vec![0u32; n.saturating_add(1)];
    for l in &st.lines {
        if let Some(c) = counts.get_mut((l.invoice as usize).saturating_add(1)) {
            *c = c.saturating_add(1);
        }
    }
    for i in 1..counts.len() {
        let prev = counts.get(i.saturating_sub(1)).copied().unwrap_or(0);
        if let Some(c) = counts.get_mut(i) {
            *c = c.saturating_add(prev);
        }
    }
    let total = st.lines.len();
    let mut line_day = vec![0i32; total];
    let mut line_amount = vec![0i64; total];
    let mut line_credit = vec![false; total];
    let mut cursor = counts.clone();
    for l in &st.lines {
        let Some(slot) = cursor.get_mut(l.invoice as usize) else {
            continue;
        };
        let at = *slot as usize;
        *slot = slot.saturating_add(1);
        if let (Some(d), Some(m), Some(cr)) = (
            line_day.get_mut(at),
            line_amount.get_mut(at),
            line_credit.get_mut(at),
        ) {
            *d = l.day;
            *m = l.amount;
            *cr = l.credit;
        }
    }
    Ok(Replayed {
        issued: st.issued,
        outstanding: st.outstanding,
        paid: st.paid,
        credited: st.credited,
        settled: st.settled,
        line_offsets: counts,
        line_day,
        line_amount,
        line_credit,
        leftovers: st.leftovers,
    })
}

/// Sorts `items` by `key`, keeping the order of equal keys. Keys here are days (two years of a
/// ledger span a few hundred of them for a million rows), so a counting sort does it in two passes;
/// a sparse range falls back on the merge sort.
fn stable_sort_by_day(items: &mut Vec<u32>, key: impl Fn(u32) -> i64) {
    let (Some(min), Some(max)) = (
        items.iter().map(|i| key(*i)).min(),
        items.iter().map(|i| key(*i)).max(),
    ) else {
        return;
    };
    let range = max.saturating_sub(min).saturating_add(1);
    let dense = usize::try_from(range)
        .ok()
        .filter(|r| *r <= items.len().saturating_mul(4).saturating_add(4096));
    let Some(range) = dense else {
        items.sort_by_key(|i| key(*i));
        return;
    };
    let slot = |i: u32| usize::try_from(key(i).saturating_sub(min)).unwrap_or(0);
    // Counts, then starting positions, then placement in order.
    let mut start = vec![0usize; range.saturating_add(1)];
    for i in items.iter() {
        if let Some(c) = start.get_mut(slot(*i).saturating_add(1)) {
            *c = c.saturating_add(1);
        }
    }
    let mut total = 0usize;
    for c in &mut start {
        total = total.saturating_add(*c);
        *c = total;
    }
    let mut sorted = vec![0u32; items.len()];
    for i in items.iter() {
        if let Some(at) = start.get_mut(slot(*i)) {
            if let Some(place) = sorted.get_mut(*at) {
                *place = *i;
            }
            *at = at.saturating_add(1);
        }
    }
    *items = sorted;
}

/// The payments dated on or before `as_of`, in the ledger's order as far as it can change an
/// outcome: by day, then id; then, within one customer's payments of a day with the same id, a
/// payment that names its invoice without naming the customer, then the payments naming no
/// invoice, then the others (the ledger sorts by the text of the payment, in which an absent
/// customer or invoice sorts first). Payments of different customers, or two payments of the same
/// kind, never compete for the same invoice in a way their order changes.
fn payment_order(book: &Book, as_of: i32) -> Vec<u32> {
    let mut order: Vec<u32> = (0..book.payment_amount.len())
        .filter(|k| book.payment_day.get(*k).is_some_and(|d| *d <= as_of))
        .filter_map(|k| u32::try_from(k).ok())
        .collect();
    let rank = |k: u32| -> u8 {
        let named = book
            .payment_invoice
            .get(k as usize)
            .is_some_and(|i| *i != NONE);
        let explicit = book
            .payment_customer_explicit
            .get(k as usize)
            .copied()
            .unwrap_or(true);
        match (named, explicit) {
            (true, false) => 0,
            (false, _) => 1,
            (true, true) => 2,
        }
    };
    let day = |k: u32| book.payment_day.get(k as usize).copied().unwrap_or(0);
    if book.payment_id.bytes().is_empty() {
        // No payment has an id (the usual export): by day and rank, stable (so by position
        // within them).
        stable_sort_by_day(&mut order, |k| {
            i64::from(day(k))
                .saturating_mul(3)
                .saturating_add(i64::from(rank(k)))
        });
    } else {
        order.sort_unstable_by(|a, b| {
            day(*a)
                .cmp(&day(*b))
                .then_with(|| {
                    book.payment_id
                        .get_bytes(*a as usize)
                        .cmp(book.payment_id.get_bytes(*b as usize))
                })
                .then_with(|| rank(*a).cmp(&rank(*b)))
                .then(a.cmp(b))
        });
    }
    order
}

#[cfg(test)]
mod tests {
    use super::stable_sort_by_day;

    #[test]
    fn the_counting_sort_is_the_stable_sort() {
        // Dense keys (counting sort), sparse keys (merge sort), ties, negatives, empty.
        let mut state = 7u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            state >> 33
        };
        for (n, spread) in [(0, 1), (1, 1), (500, 20), (500, 1_000_000), (2_000, 700)] {
            let keys: Vec<i64> = (0..n)
                .map(|_| i64::try_from(next() % spread).unwrap() - 300)
                .collect();
            let mut ours: Vec<u32> = (0..u32::try_from(n).unwrap()).rev().collect();
            let mut reference = ours.clone();
            stable_sort_by_day(&mut ours, |i| keys[i as usize]);
            reference.sort_by_key(|i| keys[*i as usize]);
            assert_eq!(ours, reference, "n {n}, spread {spread}");
        }
    }
}
