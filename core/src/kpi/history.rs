//! The ledger as known on a date, with each receivable's dated movements: what the period KPIs
//! need to read balances at any earlier date without replaying the ledger again.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::figure::{add, sub};
use crate::error::{err, Result};
use crate::ledger::{AllocationSource, Ledger, LedgerDocument, ReceivableState, Settlement};
use crate::money::Currency;
use crate::portfolio::columns::{date_of, day_number, Book};
use crate::portfolio::replay::{replay, NO_DAY};

/// What the ledger says about a customer that KPIs group or judge by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerInfo {
    /// Segment (`customers[].segment`).
    pub segment: Option<String>,
    /// Sector (`customers[].sector`).
    pub sector: Option<String>,
    /// ISO 3166-1 country code (`customers[].country`), for limitation periods.
    pub country: Option<String>,
    /// Who the debtor is (`customers[].debtor`): limitation periods depend on it (two years
    /// against a French consumer, C. consom. L218-2).
    pub debtor: crate::ledger::DebtorStatus,
}

/// One dated movement on a receivable: a matching line of the ledger state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Move {
    pub(crate) date: NaiveDate,
    pub(crate) source: AllocationSource,
    pub(crate) amount: Decimal,
}

/// Movements sorted by day and kind, those of one day and kind added up: the figures read a
/// receivable day by day, and the two replays split one day's money between payments differently
/// (one payment in two matching lines, or two payments in one line).
fn merged(mut moves: Vec<Move>) -> Vec<Move> {
    moves.sort_unstable();
    let mut out: Vec<Move> = Vec::with_capacity(moves.len());
    for m in moves {
        match out.last_mut() {
            Some(last) if last.date == m.date && last.source == m.source => {
                last.amount = last.amount.saturating_add(m.amount);
            }
            _ => out.push(m),
        }
    }
    out
}

/// A receivable with its movements, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    pub(crate) r: ReceivableState,
    pub(crate) moves: Vec<Move>,
    /// Net (tax excluded) share of the invoice's amount, when the invoice gives `net_amount`.
    pub(crate) net_ratio: Option<Decimal>,
}

pub(crate) fn is_payment(s: AllocationSource) -> bool {
    matches!(s, AllocationSource::Payment | AllocationSource::Deposit)
}

impl Item {
    pub(crate) fn issued_by(&self, d: NaiveDate) -> bool {
        self.r.issue_date <= d
    }

    /// Sum of the movements of the kinds `keep` accepts, dated after `after` (when given) and on
    /// or before `until`.
    pub(crate) fn moved(
        &self,
        after: Option<NaiveDate>,
        until: NaiveDate,
        keep: impl Fn(AllocationSource) -> bool,
    ) -> Result<Decimal> {
        self.moves
            .iter()
            .filter(|m| m.date <= until && after.is_none_or(|a| m.date > a) && keep(m.source))
            .try_fold(Decimal::ZERO, |acc, m| add(acc, m.amount))
    }

    /// Outstanding at the end of day `d`; zero before the issue date.
    pub(crate) fn outstanding_at(&self, d: NaiveDate) -> Result<Decimal> {
        if !self.issued_by(d) {
            return Ok(Decimal::ZERO);
        }
        let reduced = self.moved(None, d, |_| true)?;
        sub(self.r.amount, reduced).map(|o| o.max(Decimal::ZERO))
    }

    /// A reader of the outstanding amount on days read in rising order: one pass over the
    /// movements for any number of days (month-end series), where [`Item::outstanding_at`] scans
    /// them for each day.
    pub(crate) fn running(&self) -> Running<'_> {
        Running {
            item: self,
            next: 0,
            reduced: Decimal::ZERO,
        }
    }

    /// Whether anything was written off.
    pub(crate) fn has_write_off(&self) -> bool {
        self.moves
            .iter()
            .any(|m| m.source == AllocationSource::WriteOff)
    }

    /// The date of the first payment dated after `after` and on or before `until`, if any.
    pub(crate) fn first_payment_in(&self, after: NaiveDate, until: NaiveDate) -> Option<NaiveDate> {
        self.moves
            .iter()
            .filter(|m| is_payment(m.source) && m.date > after && m.date <= until)
            .map(|m| m.date)
            .min()
    }
}

/// What the ledger's customers list says about each customer.
///
/// ```
/// use arrears::{kpi::customer_infos, sample};
/// let doc = sample::portfolio(sample::DEFAULT_SEED)?;
/// let infos = customer_infos(&doc);
/// assert_eq!(infos.len(), doc.customers.len());
/// assert!(infos.values().any(|c| c.sector.is_some()));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn customer_infos(doc: &LedgerDocument) -> BTreeMap<String, CustomerInfo> {
    doc.customers
        .iter()
        .map(|c| {
            (
                c.id.clone(),
                CustomerInfo {
                    segment: c.segment.clone(),
                    sector: c.sector.clone(),
                    country: c.country.clone(),
                    debtor: c.debtor_status(),
                },
            )
        })
        .collect()
}

/// What a book (the ledger as columns) says about each customer: its country and kind of debtor
/// (segments and sectors are not among a book's columns).
///
/// ```
/// use arrears::kpi::book_customers;
/// let book = arrears::synthetic::book(&arrears::synthetic::Spec::new(100, 1))?;
/// let customers = book_customers(&book);
/// assert_eq!(customers.len(), book.customer_country.len());
/// assert!(customers.values().all(|c| c.segment.is_none()));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn book_customers(book: &Book) -> BTreeMap<String, CustomerInfo> {
    (0..book.customer_country.len())
        .map(|c| {
            let country = book
                .customer_country
                .get(c)
                .filter(|b| b[0] != 0)
                .map(|b| String::from_utf8_lossy(b).into_owned());
            (
                book.customer_id.get(c).to_string(),
                CustomerInfo {
                    country,
                    debtor: book.customer_debtor.get(c).copied().unwrap_or_default(),
                    ..CustomerInfo::default()
                },
            )
        })
        .collect()
}

/// The net (tax excluded) share of an invoice's amount, when it gives a plausible `net_amount`.
fn net_ratio(i: &crate::ledger::InvoiceRecord) -> Option<Decimal> {
    i.net_amount
        .and_then(|n| n.checked_div(i.amount))
        .filter(|r| *r >= Decimal::ZERO && *r <= Decimal::ONE)
}

/// The outstanding amount of one receivable on rising days (see [`Item::running`]).
pub(crate) struct Running<'a> {
    item: &'a Item,
    /// The first movement not yet counted.
    next: usize,
    /// The movements counted so far.
    reduced: Decimal,
}

impl Running<'_> {
    /// Outstanding at the end of day `d` (the same as [`Item::outstanding_at`]); `d` is never
    /// before the day asked last (movements are sorted by date).
    pub(crate) fn outstanding_at(&mut self, d: NaiveDate) -> Result<Decimal> {
        while let Some(m) = self.item.moves.get(self.next) {
            if m.date > d {
                break;
            }
            self.reduced = add(self.reduced, m.amount)?;
            self.next = self.next.saturating_add(1);
        }
        if !self.item.issued_by(d) {
            return Ok(Decimal::ZERO);
        }
        sub(self.item.r.amount, self.reduced).map(|o| o.max(Decimal::ZERO))
    }
}

/// Which receivables a KPI looks at: one currency (KPIs never mix currencies) and, optionally,
/// a set of customers (one customer, a segment, a sector).
///
/// ```
/// use arrears::kpi::Scope;
/// use arrears::money::Currency;
/// let all_eur = Scope::currency(Currency::EUR);
/// let two = Scope::customers(Currency::EUR, ["C1", "C2"]);
/// assert!(all_eur.customers.is_none());
/// assert_eq!(two.customers.map(|c| c.len()), Some(2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// The currency.
    pub currency: Currency,
    /// The customers (all of them when `None`).
    pub customers: Option<BTreeSet<String>>,
}

impl Scope {
    /// Every receivable in a currency.
    pub fn currency(currency: Currency) -> Scope {
        Scope {
            currency,
            customers: None,
        }
    }

    /// The receivables of some customers in a currency.
    pub fn customers<I, S>(currency: Currency, customers: I) -> Scope
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Scope {
            currency,
            customers: Some(customers.into_iter().map(Into::into).collect()),
        }
    }

    /// `true` when the receivable is in the scope.
    pub fn contains(&self, r: &ReceivableState) -> bool {
        r.currency == self.currency
            && self
                .customers
                .as_ref()
                .is_none_or(|c| c.contains(&r.customer))
    }
}

/// A ledger as known at the end of a day: the state of every receivable issued by then and each
/// one's dated movements (payments, deposits, credit notes, write-offs), from which balances on
/// any earlier day follow without another replay. Built once, it serves every KPI.
///
/// ```
/// use arrears::{kpi::History, ledger::Ledger, sample};
/// let h = History::new(&Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?, sample::AS_OF)?;
/// assert_eq!(h.as_of(), sample::AS_OF);
/// assert!(h.receivables().count() > 100);
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    as_of: NaiveDate,
    /// Sorted by customer, then receivable id.
    items: Vec<Item>,
    /// Customer id → range of `items`.
    by_customer: BTreeMap<String, Range<usize>>,
    customers: BTreeMap<String, CustomerInfo>,
    warnings: Vec<String>,
}

impl History {
    /// Replays the ledger up to `as_of` and indexes the movements of every receivable.
    ///
    /// A ledger the columns of [`crate::portfolio`] hold (due dates given, payments naming an
    /// invoice or a customer, credit notes on invoices: what exports usually are) is replayed on
    /// columns, in integer minor units; any other through [`Ledger::state_as_of`]. Both give the
    /// same history (`tests/history_paths.rs` checks it on generated ledgers).
    ///
    /// # Errors
    /// The errors of [`Ledger::state_as_of`].
    pub fn new(ledger: &Ledger, as_of: NaiveDate) -> Result<History> {
        let doc = ledger.document();
        match Book::from_document(doc) {
            Ok(book) => History::of_book(&book, as_of, &customer_infos(doc), |i| {
                doc.invoices.get(i).and_then(net_ratio)
            }),
            Err(_) => History::replayed(ledger, as_of),
        }
    }

    /// The history of a ledger through the general replay ([`Ledger::state_as_of`]), whatever the
    /// ledger holds: the definition [`History::new`]'s faster path on columns is tested against.
    ///
    /// ```
    /// use arrears::{kpi::History, ledger::Ledger, sample};
    /// let ledger = Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?;
    /// // The sample has payment terms and write-offs: both ways are the general replay.
    /// assert_eq!(History::replayed(&ledger, sample::AS_OF)?, History::new(&ledger, sample::AS_OF)?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// The errors of [`Ledger::state_as_of`].
    pub fn replayed(ledger: &Ledger, as_of: NaiveDate) -> Result<History> {
        let state = ledger.state_as_of(as_of)?;
        let doc = ledger.document();
        let net: HashMap<&str, Option<Decimal>> = doc
            .invoices
            .iter()
            .map(|i| (i.id.as_str(), net_ratio(i)))
            .collect();
        // Movements gathered by the receivable's position in the state, before the items are
        // sorted (one hash probe per allocation, no id copied).
        let position: HashMap<&str, usize> = state
            .receivables
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        let mut moves: Vec<Vec<Move>> = vec![Vec::new(); state.receivables.len()];
        for a in &state.allocations {
            if let Some(m) = position
                .get(a.receivable.as_str())
                .and_then(|i| moves.get_mut(*i))
            {
                m.push(Move {
                    date: a.date,
                    source: a.source,
                    amount: a.amount,
                });
            }
        }
        drop(position);
        let items: Vec<Item> = state
            .receivables
            .into_iter()
            .zip(moves)
            .map(|(r, moves)| {
                let moves = merged(moves);
                Item {
                    net_ratio: net.get(r.invoice.as_str()).copied().flatten(),
                    r,
                    moves,
                }
            })
            .collect();
        Ok(History::indexed(
            as_of,
            items,
            customer_infos(doc),
            state.warnings,
            false,
        ))
    }

    /// The history of a book (the ledger as columns) at the end of `as_of`, with what the
    /// customers table says about each customer and each invoice's net share (`net_ratio(i)`
    /// for invoice `i` of the book). One replay on columns ([`crate::portfolio::replay`]); the
    /// receivables' states follow the rules of [`Ledger::state_as_of`] (status, days late, days
    /// to pay, the warnings for money a named invoice could not absorb).
    ///
    /// ```
    /// use arrears::kpi::{book_customers, History};
    /// use arrears::{ledger::Ledger, synthetic};
    /// let spec = synthetic::Spec::new(500, 7);
    /// let book = synthetic::book(&spec)?;
    /// let h = History::of_book(&book, spec.as_of, &book_customers(&book), |_| None)?;
    /// // The same history as the ledger document's, replayed the general way.
    /// let ledger = Ledger::new(book.to_document()?)?;
    /// assert_eq!(h, History::replayed(&ledger, spec.as_of)?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// `money.overflow` on absurd totals; `internal.panic` for a day outside the calendar (a bug:
    /// the book's builders never make one).
    pub fn of_book(
        book: &Book,
        as_of: NaiveDate,
        customers: &BTreeMap<String, CustomerInfo>,
        net_ratio: impl Fn(usize) -> Option<Decimal>,
    ) -> Result<History> {
        let replayed = replay(book, day_number(as_of))?;
        let date = |day: i32| {
            date_of(day).ok_or_else(|| err!(Internal, "day {day} is outside the calendar"))
        };
        let n = book.invoices();
        // The items' order (customer id, then receivable id), by the customers' ranks first so
        // that ids are compared only within a customer.
        let mut customer_rank = vec![0u32; book.customer_country.len()];
        let mut by_id: Vec<u32> = (0..book.customer_country.len())
            .filter_map(|c| u32::try_from(c).ok())
            .collect();
        by_id.sort_unstable_by(|a, b| {
            book.customer_id
                .get_bytes(*a as usize)
                .cmp(book.customer_id.get_bytes(*b as usize))
        });
        for (rank, c) in by_id.iter().enumerate() {
            if let Some(r) = customer_rank.get_mut(*c as usize) {
                *r = u32::try_from(rank).unwrap_or(u32::MAX);
            }
        }
        let rank_of = |i: usize| {
            let c = book.invoice_customer.get(i).copied().unwrap_or(0) as usize;
            customer_rank.get(c).copied().unwrap_or(u32::MAX)
        };
        let mut order: Vec<usize> = (0..n)
            .filter(|i| replayed.issued.get(*i).copied().unwrap_or(false))
            .collect();
        order.sort_unstable_by(|a, b| {
            rank_of(*a).cmp(&rank_of(*b)).then_with(|| {
                book.invoice_id
                    .get_bytes(*a)
                    .cmp(book.invoice_id.get_bytes(*b))
            })
        });
        let mut items = Vec::with_capacity(order.len());
        for i in order {
            let get = |v: &[i64]| v.get(i).copied().unwrap_or(0);
            let currency = book.currency(book.invoice_currency.get(i).copied().unwrap_or(0));
            let money = |minor: i64| Decimal::new(minor, currency.minor_units());
            let issue_date = date(book.invoice_issue.get(i).copied().unwrap_or(0))?;
            let due_date = date(book.invoice_due.get(i).copied().unwrap_or(0))?;
            let settled_on = match replayed.settled.get(i).copied().unwrap_or(NO_DAY) {
                NO_DAY => None,
                day => Some(date(day)?),
            };
            let (paid, outstanding) = (get(&replayed.paid), get(&replayed.outstanding));
            // The rules of `Ledger::state_as_of` (no write-offs in a book).
            let Settlement {
                status,
                days_late,
                days_to_pay,
            } = Settlement::of(as_of, issue_date, due_date, settled_on, paid != 0, false);
            let mut moves = Vec::new();
            for (day, amount, credit) in replayed.lines(i) {
                moves.push(Move {
                    date: date(day)?,
                    source: if credit {
                        AllocationSource::CreditNote
                    } else {
                        AllocationSource::Payment
                    },
                    amount: money(amount),
                });
            }
            let moves = merged(moves);
            let id = book.invoice_id.get(i).to_string();
            let customer = book.invoice_customer.get(i).copied().unwrap_or(0) as usize;
            items.push(Item {
                r: ReceivableState {
                    invoice: id.clone(),
                    id,
                    label: None,
                    customer: book.customer_id.get(customer).to_string(),
                    issue_date,
                    due_date,
                    currency,
                    amount: money(get(&book.invoice_amount)),
                    paid: money(paid),
                    credited: money(get(&replayed.credited)),
                    written_off: money(0),
                    outstanding: money(outstanding),
                    disputed: money(0),
                    status,
                    partially_paid: paid != 0 && outstanding != 0,
                    days_late,
                    settled_on,
                    days_to_pay,
                },
                moves,
                net_ratio: net_ratio(i),
            });
        }
        let mut warnings: Vec<String> = Vec::with_capacity(replayed.leftovers.len());
        for l in &replayed.leftovers {
            let row = l.row as usize;
            let (reference, invoice, currency) = if l.credit {
                let id = book.credit_id.get(row);
                (
                    if id.is_empty() {
                        format!("credit_notes[{row}]")
                    } else {
                        id.to_string()
                    },
                    book.credit_invoice.get(row).copied().unwrap_or(0) as usize,
                    // A credit note is in its invoice's currency (the ledger checks it).
                    book.invoice_currency
                        .get(book.credit_invoice.get(row).copied().unwrap_or(0) as usize)
                        .copied()
                        .unwrap_or(0),
                )
            } else {
                let id = book.payment_id.get(row);
                (
                    if id.is_empty() {
                        format!("payments[{row}]")
                    } else {
                        id.to_string()
                    },
                    book.payment_invoice.get(row).copied().unwrap_or(0) as usize,
                    book.payment_currency.get(row).copied().unwrap_or(0),
                )
            };
            let currency = book.currency(currency);
            // The words of `Ledger::state_as_of`.
            let words = format!(
                "{reference}: {} {currency} more than invoice {} still asked on {}; kept as unapplied credit",
                Decimal::new(l.amount, currency.minor_units()),
                book.invoice_id.get(invoice),
                date(l.day)?
            );
            warnings.push(words);
        }
        Ok(History::indexed(
            as_of,
            items,
            customers.clone(),
            warnings,
            true,
        ))
    }

    /// Sorts the items by customer then id (unless `sorted` says they are) and indexes them by
    /// customer.
    fn indexed(
        as_of: NaiveDate,
        mut items: Vec<Item>,
        customers: BTreeMap<String, CustomerInfo>,
        mut warnings: Vec<String>,
        sorted: bool,
    ) -> History {
        // One order for the warnings whatever the path (the ledger's replay or the columns') and
        // the input's order: between events of one day without an identifier the two replays
        // may attribute money kept as unapplied credit in a different order.
        warnings.sort();
        // Receivable ids are unique: an unstable sort gives the one order.
        if !sorted {
            items.sort_unstable_by(|a, b| (&a.r.customer, &a.r.id).cmp(&(&b.r.customer, &b.r.id)));
        }
        debug_assert!(items.windows(2).all(|w| match w {
            [a, b] => (&a.r.customer, &a.r.id) < (&b.r.customer, &b.r.id),
            _ => true,
        }));
        let mut by_customer: BTreeMap<String, Range<usize>> = BTreeMap::new();
        for (i, it) in items.iter().enumerate() {
            let next = i.saturating_add(1);
            match by_customer.get_mut(&it.r.customer) {
                Some(r) => r.end = next,
                None => {
                    by_customer.insert(it.r.customer.clone(), i..next);
                }
            }
        }
        History {
            as_of,
            items,
            by_customer,
            customers,
            warnings,
        }
    }

    /// The as-of date.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// Every receivable issued on or before the as-of date, sorted by customer then id, in its
    /// state on that date.
    pub fn receivables(&self) -> impl Iterator<Item = &ReceivableState> {
        self.items.iter().map(|i| &i.r)
    }

    /// The currencies of the receivables, sorted.
    pub fn currencies(&self) -> BTreeSet<Currency> {
        self.items.iter().map(|i| i.r.currency).collect()
    }

    /// Every customer with a receivable, sorted.
    pub fn customer_ids(&self) -> impl Iterator<Item = &str> {
        self.by_customer.keys().map(String::as_str)
    }

    /// What the ledger's customer list says about a customer (empty when it does not list it).
    pub fn customer(&self, id: &str) -> CustomerInfo {
        self.customers.get(id).cloned().unwrap_or_default()
    }

    /// The ledger replay's warnings, sorted: the same list whatever the replay (the ledger's or
    /// the columns') and the input's order.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    pub(crate) fn all_items(&self) -> &[Item] {
        &self.items
    }

    /// The items of a scope, sorted by customer then id.
    pub(crate) fn items<'a>(&'a self, scope: &'a Scope) -> Box<dyn Iterator<Item = &'a Item> + 'a> {
        match &scope.customers {
            None => Box::new(
                self.items
                    .iter()
                    .filter(move |i| i.r.currency == scope.currency),
            ),
            Some(set) => Box::new(
                set.iter()
                    .filter_map(move |c| self.by_customer.get(c))
                    .flat_map(move |r| self.items.get(r.clone()).unwrap_or_default())
                    .filter(move |i| i.r.currency == scope.currency),
            ),
        }
    }

    /// The items of one customer (every currency).
    pub(crate) fn customer_items(&self, customer: &str) -> &[Item] {
        self.by_customer
            .get(customer)
            .and_then(|r| self.items.get(r.clone()))
            .unwrap_or_default()
    }

    /// Checks a period against the as-of date.
    ///
    /// # Errors
    /// `calendar.invalid_range` when `to` is before `from`; `input.invalid_value` when `to` is
    /// after the as-of date (balances after the as-of date are not known).
    pub(crate) fn check_period(&self, from: NaiveDate, to: NaiveDate) -> Result<()> {
        if to < from {
            return Err(err!(
                InvalidRange,
                "the period ends ({to}) before it starts ({from})"
            ));
        }
        if to > self.as_of {
            return Err(err!(
                InvalidValue,
                "the period ends on {to}, after the as-of date {}: what happens after it is not known",
                self.as_of
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::LedgerDocument;
    use crate::sample;

    #[test]
    fn balances_from_movements_match_a_replay() {
        let ledger = Ledger::new(sample::portfolio(sample::DEFAULT_SEED).unwrap()).unwrap();
        let h = History::new(&ledger, sample::AS_OF).unwrap();
        for d in ["2025-03-31", "2025-09-15", "2026-01-31", "2026-06-30"] {
            let day = crate::calendar::date::parse_date(d).unwrap();
            let state = ledger.state_as_of(day).unwrap();
            let mut replayed: BTreeMap<&str, Decimal> = BTreeMap::new();
            for r in &state.receivables {
                replayed.insert(r.id.as_str(), r.outstanding);
            }
            for it in h.all_items() {
                let derived = it.outstanding_at(day).unwrap();
                match replayed.get(it.r.id.as_str()) {
                    Some(o) => assert_eq!(*o, derived, "{} on {d}", it.r.id),
                    None => assert!(derived.is_zero() && !it.issued_by(day)),
                }
            }
        }
    }

    #[test]
    fn running_balances_match_balances_day_by_day() {
        // The sample has write-offs and split invoices (the general replay) and settles over
        // months: the one-pass reader must give each day's balance of the per-day scan.
        let ledger = Ledger::new(sample::portfolio(sample::DEFAULT_SEED).unwrap()).unwrap();
        let h = History::new(&ledger, sample::AS_OF).unwrap();
        let days: Vec<NaiveDate> = (0..40)
            .filter_map(|k| sample::AS_OF.checked_sub_days(chrono::Days::new(k * 17)))
            .rev()
            .collect();
        let mut moved = 0;
        for it in h.all_items() {
            let mut running = it.running();
            for d in &days {
                assert_eq!(
                    running.outstanding_at(*d).unwrap(),
                    it.outstanding_at(*d).unwrap()
                );
            }
            moved += usize::from(it.moves.len() > 1);
        }
        assert!(moved > 10, "items with several movements: {moved}");
    }

    #[test]
    fn scopes_select_by_currency_and_customer() {
        let doc: LedgerDocument = serde_json::from_value(serde_json::json!({"invoices": [
            {"id": "F1", "customer": "B", "issue_date": "2025-01-01", "due_date": "2025-01-31",
             "amount": "100.00", "currency": "EUR"},
            {"id": "F2", "customer": "A", "issue_date": "2025-01-01", "due_date": "2025-01-31",
             "amount": "100.00", "currency": "USD"},
            {"id": "F3", "customer": "A", "issue_date": "2025-01-01", "due_date": "2025-01-31",
             "amount": "100.00", "currency": "EUR"}]}))
        .unwrap();
        let d = NaiveDate::from_ymd_opt(2025, 2, 1).unwrap();
        let h = History::new(&Ledger::new(doc).unwrap(), d).unwrap();
        let ids = |s: &Scope| -> Vec<String> { h.items(s).map(|i| i.r.id.clone()).collect() };
        assert_eq!(ids(&Scope::currency(Currency::EUR)), ["F3", "F1"]);
        assert_eq!(ids(&Scope::customers(Currency::EUR, ["B"])), ["F1"]);
        assert_eq!(ids(&Scope::customers(Currency::USD, ["A", "Z"])), ["F2"]);
        assert_eq!(h.customer_items("A").len(), 2);
        assert!(h.check_period(d, d).is_ok());
        assert_eq!(
            h.check_period(d.succ_opt().unwrap(), d).unwrap_err().code(),
            crate::Code::InvalidRange
        );
    }
}
