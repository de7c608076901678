//! Replaying a ledger's events up to a date: the state of each receivable and customer.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{scaled, Ledger, LedgerDocument, PaymentKind, Receivable};
use crate::calendar::date::{days_between, serde_date};
use crate::error::{err, Result};
use crate::money::{decimal_string, Currency};

/// Where a receivable stands on the as-of date.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReceivableStatus {
    /// Something is outstanding and the due date has not passed.
    NotDue,
    /// Something is outstanding after the due date.
    Overdue,
    /// Settled, at least partly by payment.
    Paid,
    /// Settled entirely by credit notes.
    Credited,
    /// Settled by a write-off of what was left.
    WrittenOff,
}

/// The state of one receivable on the as-of date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct ReceivableState {
    /// Receivable id (`F1`, or `F1#2` for a part).
    pub id: String,
    /// Invoice id.
    pub invoice: String,
    /// Part label (`deposit`, `balance`, `1/3`...), if the invoice is split.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Customer id.
    pub customer: String,
    /// Issue date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub issue_date: NaiveDate,
    /// Due date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub due_date: NaiveDate,
    /// Currency.
    pub currency: Currency,
    /// Amount asked.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
    /// Paid so far (payments and deposits).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub paid: Decimal,
    /// Reduced by credit notes.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub credited: Decimal,
    /// Written off.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub written_off: Decimal,
    /// Still owed: amount − paid − credited − written off.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub outstanding: Decimal,
    /// Part of the outstanding amount under an open dispute.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub disputed: Decimal,
    /// Status on the as-of date.
    pub status: ReceivableStatus,
    /// Something paid, something still owed.
    pub partially_paid: bool,
    /// Days past the due date: up to the as-of date while open, up to the settlement date once
    /// settled; never negative.
    pub days_late: i64,
    /// Day the receivable was settled (outstanding reached zero), if it was.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub settled_on: Option<NaiveDate>,
    /// Days from issue to settlement, for receivables settled by payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_to_pay: Option<i64>,
}

/// What settled (part of) a receivable.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AllocationSource {
    /// A payment.
    Payment,
    /// A deposit received before the invoice.
    Deposit,
    /// A credit note.
    CreditNote,
    /// A write-off.
    WriteOff,
}

/// One matching line: so much of an event went to so much of a receivable, on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemas", schemars(rename = "AllocationLine"))]
pub struct Allocation {
    /// Kind of event.
    pub source: AllocationSource,
    /// The event's id, or its place in the document (`payments[3]`) when it has none.
    pub reference: String,
    /// Date the amount was applied (a deposit applies on its invoice's issue date).
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub date: NaiveDate,
    /// Invoice id.
    pub invoice: String,
    /// Receivable id.
    pub receivable: String,
    /// Amount applied.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
    /// Currency.
    pub currency: Currency,
}

/// Money received or credited that no receivable has absorbed (yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct UnappliedCredit {
    /// Customer id.
    pub customer: String,
    /// Currency.
    pub currency: Currency,
    /// Amount.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
}

/// One piece of unapplied credit, dated and traced to what produced it: the surplus of a payment
/// or a credit note, or a credit note on account. What the claims set off against what the
/// customer owes (C. civ. 1347; [`crate::claim`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct CreditOnAccount {
    /// Customer id.
    pub customer: String,
    /// Currency.
    pub currency: Currency,
    /// The day it arose (the payment's or the credit note's date).
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub date: NaiveDate,
    /// Amount.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
    /// A payment, a deposit or a credit note.
    pub source: AllocationSource,
    /// Its id (`payments[3]` when it has none).
    pub reference: String,
    /// The invoice it waits for, when the money was paid for an invoice not issued yet (a deposit):
    /// earmarked by the debtor, so never set off against another debt (C. civ. 1342-10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waits_for: Option<String>,
}

/// Totals of a customer (or of the whole ledger) in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct CurrencyTotals {
    /// Currency.
    pub currency: Currency,
    /// Sum of receivables issued on or before the as-of date.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub invoiced: Decimal,
    /// Paid.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub paid: Decimal,
    /// Credited.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub credited: Decimal,
    /// Written off.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub written_off: Decimal,
    /// Outstanding.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub outstanding: Decimal,
    /// Outstanding on receivables past their due date.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub overdue: Decimal,
    /// Outstanding under an open dispute.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub disputed: Decimal,
    /// Unapplied credit (cash on account, credit notes not matched).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub unapplied_credit: Decimal,
    /// Net balance: outstanding − unapplied credit.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub balance: Decimal,
    /// Receivables with something outstanding.
    pub open_receivables: usize,
    /// Of which past due.
    pub overdue_receivables: usize,
    /// Largest `days_late` among open receivables.
    pub max_days_late: i64,
}

/// A customer's position on the as-of date, per currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct CustomerState {
    /// Customer id.
    pub customer: String,
    /// Name, when the ledger lists customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// One entry per currency the customer was invoiced or paid in, sorted by code.
    pub totals: Vec<CurrencyTotals>,
}

/// The state of a whole ledger at the end of a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct LedgerState {
    /// The as-of date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub as_of: NaiveDate,
    /// Every receivable issued on or before the as-of date, in ledger order.
    pub receivables: Vec<ReceivableState>,
    /// Every customer with a receivable or a credit, sorted by id.
    pub customers: Vec<CustomerState>,
    /// Ledger totals per currency.
    pub totals: Vec<CurrencyTotals>,
    /// Every matching line applied up to the as-of date, in the order applied.
    pub allocations: Vec<Allocation>,
    /// Unapplied credits per customer and currency.
    pub unapplied: Vec<UnappliedCredit>,
    /// The same credits piece by piece, in the order they arose: their sum per customer and
    /// currency is `unapplied`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits_on_account: Vec<CreditOnAccount>,
    /// Things the replay had to decide that a person should know (a write-off larger than what
    /// was outstanding, a payment naming a settled invoice).
    pub warnings: Vec<String>,
}

/// Canonical order of events within a day (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Issue,
    CreditNote,
    Payment,
    WriteOff,
}

/// One dated event of the replay. Events are applied in the order (date, rank, identifier,
/// content key, index): the content key (see [`content_key`]) only breaks ties between events of
/// one kind without an identifier, so it is built for those alone.
#[derive(Debug, Clone, Copy)]
struct Event<'a> {
    date: NaiveDate,
    rank: Rank,
    id: &'a str,
    /// The identifier's first 16 bytes as a big-endian number (zero-padded): ordering by it and
    /// then by the identifier is ordering by the identifier, and most comparisons of a sort end
    /// on it, without a call to compare strings (a sort of a million events spent a fifth of its
    /// time there).
    prefix: u128,
    /// Index into the document list of that kind (or receivable index for `Issue`).
    index: usize,
}

/// See [`Event::prefix`].
fn id_prefix(id: &str) -> u128 {
    let mut bytes = [0u8; 16];
    for (b, s) in bytes.iter_mut().zip(id.as_bytes()) {
        *b = *s;
    }
    u128::from_be_bytes(bytes)
}

impl Event<'_> {
    /// The order of two identifiers with the same [`Event::prefix`]: identifiers of at most 16
    /// bytes are then equal up to trailing NUL bytes, so their lengths decide; longer ones are
    /// compared whole.
    fn tail_cmp(&self, other: &Event<'_>) -> std::cmp::Ordering {
        if self.id.len() <= 16 && other.id.len() <= 16 {
            self.id.len().cmp(&other.id.len())
        } else {
            self.id.cmp(other.id)
        }
    }

    fn same_slot(&self, other: &Event<'_>) -> bool {
        self.date == other.date && self.rank == other.rank && self.id == other.id
    }
}

/// What orders events of one day, kind and identifier (events without an identifier), so that
/// the order never depends on input order.
fn content_key(doc: &LedgerDocument, ev: &Event<'_>) -> String {
    match ev.rank {
        Rank::Issue => String::new(),
        Rank::CreditNote => doc
            .credit_notes
            .get(ev.index)
            .map(|n| format!("{:?}{:?}{}", n.invoice, n.customer, n.amount))
            .unwrap_or_default(),
        Rank::Payment => doc
            .payments
            .get(ev.index)
            .map(|p| {
                format!(
                    "{:?}{:?}{:?}{}{}",
                    p.customer, p.invoice, p.allocations, p.amount, p.currency
                )
            })
            .unwrap_or_default(),
        Rank::WriteOff => doc
            .write_offs
            .get(ev.index)
            .map(|w| format!("{}{:?}", w.invoice, w.amount))
            .unwrap_or_default(),
    }
}

struct Open {
    outstanding: Decimal,
    paid: Decimal,
    credited: Decimal,
    written_off: Decimal,
    settled_on: Option<NaiveDate>,
    issued: bool,
}

/// Open receivables of one customer in one currency, oldest due first.
type OpenBook<'a> = BTreeSet<(NaiveDate, NaiveDate, &'a str, usize)>;

struct Replay<'a> {
    ledger: &'a Ledger,
    as_of: NaiveDate,
    open: Vec<Open>,
    books: HashMap<(&'a str, Currency), OpenBook<'a>>,
    unapplied: BTreeMap<(String, Currency), Decimal>,
    credits: Vec<CreditOnAccount>,
    allocations: Vec<Allocation>,
    warnings: Vec<String>,
}

pub(super) fn replay(ledger: &Ledger, as_of: NaiveDate) -> Result<LedgerState> {
    let doc = &ledger.document;
    let mut events: Vec<Event<'_>> = Vec::new();
    for (i, r) in ledger.receivables.iter().enumerate() {
        if r.issue_date <= as_of {
            events.push(Event {
                date: r.issue_date,
                rank: Rank::Issue,
                id: &r.id,
                prefix: id_prefix(&r.id),
                index: i,
            });
        }
    }
    for (i, n) in doc.credit_notes.iter().enumerate() {
        if n.date <= as_of {
            events.push(Event {
                date: n.date,
                rank: Rank::CreditNote,
                id: n.id.as_deref().unwrap_or_default(),
                prefix: id_prefix(n.id.as_deref().unwrap_or_default()),
                index: i,
            });
        }
    }
    for (i, p) in doc.payments.iter().enumerate() {
        if p.date <= as_of {
            events.push(Event {
                date: p.date,
                rank: Rank::Payment,
                id: p.id.as_deref().unwrap_or_default(),
                prefix: id_prefix(p.id.as_deref().unwrap_or_default()),
                index: i,
            });
        }
    }
    for (i, w) in doc.write_offs.iter().enumerate() {
        if w.date <= as_of {
            events.push(Event {
                date: w.date,
                rank: Rank::WriteOff,
                id: w.id.as_deref().unwrap_or_default(),
                prefix: id_prefix(w.id.as_deref().unwrap_or_default()),
                index: i,
            });
        }
    }
    events.sort_unstable_by(|a, b| {
        (a.date, a.rank, a.prefix)
            .cmp(&(b.date, b.rank, b.prefix))
            .then_with(|| a.tail_cmp(b))
            .then(a.index.cmp(&b.index))
    });
    for tied in events.chunk_by_mut(|a, b| a.same_slot(b)) {
        if tied.len() > 1 {
            tied.sort_by_cached_key(|e| (content_key(doc, e), e.index));
        }
    }

    let mut rp = Replay {
        ledger,
        as_of,
        open: ledger
            .receivables
            .iter()
            .map(|r| Open {
                outstanding: r.amount,
                paid: Decimal::ZERO,
                credited: Decimal::ZERO,
                written_off: Decimal::ZERO,
                settled_on: None,
                issued: false,
            })
            .collect(),
        books: HashMap::new(),
        unapplied: BTreeMap::new(),
        credits: Vec::new(),
        allocations: Vec::new(),
        warnings: Vec::new(),
    };
    // Deposits and payments naming invoices not yet issued wait here until the issue date.
    let mut waiting: Vec<(usize, Decimal)> = Vec::new();

    for ev in &events {
        match ev.rank {
            Rank::Issue => {
                rp.issue(ev.index);
                // Apply any waiting money that names this invoice.
                let inv = rp
                    .ledger
                    .receivables
                    .get(ev.index)
                    .map(|r| r.invoice.clone());
                let mut still = Vec::new();
                for (pi, amount) in waiting.drain(..) {
                    let p = doc.payments.get(pi);
                    let names_it = p.is_some_and(|p| p.invoice.as_ref() == inv.as_ref())
                        || p.is_some_and(|p| {
                            p.allocations
                                .as_ref()
                                .is_some_and(|a| a.iter().any(|l| Some(&l.invoice) == inv.as_ref()))
                        });
                    if names_it && rp.all_named_issued(pi) {
                        rp.apply_payment(pi, ev.date, amount)?;
                    } else {
                        still.push((pi, amount));
                    }
                }
                waiting = still;
            }
            Rank::CreditNote => rp.credit_note(ev.index, ev.date)?,
            Rank::Payment => {
                if rp.all_named_issued(ev.index) {
                    if let Some(p) = doc.payments.get(ev.index) {
                        rp.apply_payment(ev.index, ev.date, p.amount)?;
                    }
                } else if let Some(p) = doc.payments.get(ev.index) {
                    waiting.push((ev.index, p.amount));
                }
            }
            Rank::WriteOff => rp.write_off(ev.index, ev.date)?,
        }
    }
    // Money still waiting for an invoice issued after the as-of date is credit on account.
    for (pi, amount) in waiting {
        if let Some(p) = doc.payments.get(pi) {
            let customer = rp.payment_customer(pi).unwrap_or_default();
            let waits_for = p.invoice.clone().or_else(|| {
                p.allocations
                    .as_ref()
                    .and_then(|a| a.first())
                    .map(|l| l.invoice.clone())
            });
            let credit = rp.credit(&customer, p.currency, p.date, amount, pi, false);
            rp.add_unapplied(CreditOnAccount {
                waits_for,
                ..credit
            })?;
        }
    }
    rp.finish()
}

impl<'a> Replay<'a> {
    fn receivable(&self, i: usize) -> Option<&'a Receivable> {
        self.ledger.receivables.get(i)
    }

    fn issue(&mut self, i: usize) {
        let Some(r) = self.receivable(i) else { return };
        if let Some(o) = self.open.get_mut(i) {
            o.issued = true;
        }
        self.books
            .entry((r.customer.as_str(), r.currency))
            .or_default()
            .insert((r.due_date, r.issue_date, r.invoice.as_str(), i));
    }

    fn payment_customer(&self, pi: usize) -> Option<String> {
        let p = self.ledger.document.payments.get(pi)?;
        if let Some(c) = &p.customer {
            return Some(c.clone());
        }
        let inv = p.invoice.as_ref().or_else(|| {
            p.allocations
                .as_ref()
                .and_then(|a| a.first())
                .map(|l| &l.invoice)
        })?;
        self.ledger
            .receivables_of(inv)
            .next()
            .map(|r| r.customer.clone())
    }

    /// `true` when every invoice the payment names has been issued (so it can be applied now).
    fn all_named_issued(&self, pi: usize) -> bool {
        let Some(p) = self.ledger.document.payments.get(pi) else {
            return true;
        };
        let issued = |inv: &str| {
            self.ledger
                .by_invoice
                .get(inv)
                .and_then(|v| v.first())
                .and_then(|i| self.open.get(*i))
                .is_some_and(|o| o.issued)
        };
        match (&p.invoice, &p.allocations) {
            (Some(inv), _) => issued(inv),
            (None, Some(lines)) => lines.iter().all(|l| issued(&l.invoice)),
            (None, None) => true,
        }
    }

    /// A piece of credit from payment `index` (or credit note `index` with `credit_note`).
    fn credit(
        &self,
        customer: &str,
        currency: Currency,
        date: NaiveDate,
        amount: Decimal,
        index: usize,
        credit_note: bool,
    ) -> CreditOnAccount {
        let doc = &self.ledger.document;
        let (source, reference) = if credit_note {
            let id = doc.credit_notes.get(index).and_then(|n| n.id.clone());
            (
                AllocationSource::CreditNote,
                id.unwrap_or_else(|| format!("credit_notes[{index}]")),
            )
        } else {
            let p = doc.payments.get(index);
            let source = match p.map(|p| p.kind) {
                Some(PaymentKind::Deposit) => AllocationSource::Deposit,
                _ => AllocationSource::Payment,
            };
            let id = p.and_then(|p| p.id.clone());
            (source, id.unwrap_or_else(|| format!("payments[{index}]")))
        };
        CreditOnAccount {
            customer: customer.to_string(),
            currency,
            date,
            amount,
            source,
            reference,
            waits_for: None,
        }
    }

    fn add_unapplied(&mut self, credit: CreditOnAccount) -> Result<()> {
        if credit.amount.is_zero() {
            return Ok(());
        }
        let customer = credit.customer.clone();
        let slot = self
            .unapplied
            .entry((customer.clone(), credit.currency))
            .or_insert(Decimal::ZERO);
        *slot = slot
            .checked_add(credit.amount)
            .ok_or_else(|| err!(Overflow, "unapplied credit of {customer} overflows"))?;
        self.credits.push(credit);
        Ok(())
    }

    /// Applies up to `amount` to receivable `i`; returns what it absorbed.
    fn apply(
        &mut self,
        i: usize,
        amount: Decimal,
        date: NaiveDate,
        source: AllocationSource,
        reference: &str,
    ) -> Result<Decimal> {
        let Some(r) = self.receivable(i) else {
            return Ok(Decimal::ZERO);
        };
        let Some(o) = self.open.get_mut(i) else {
            return Ok(Decimal::ZERO);
        };
        let take = amount.min(o.outstanding);
        if take <= Decimal::ZERO {
            return Ok(Decimal::ZERO);
        }
        let overflow = || err!(Overflow, "amounts on {} overflow", r.id);
        o.outstanding = o.outstanding.checked_sub(take).ok_or_else(overflow)?;
        let bucket = match source {
            AllocationSource::Payment | AllocationSource::Deposit => &mut o.paid,
            AllocationSource::CreditNote => &mut o.credited,
            AllocationSource::WriteOff => &mut o.written_off,
        };
        *bucket = bucket.checked_add(take).ok_or_else(overflow)?;
        if o.outstanding.is_zero() {
            o.settled_on = Some(date);
            if let Some(book) = self.books.get_mut(&(r.customer.as_str(), r.currency)) {
                book.remove(&(r.due_date, r.issue_date, r.invoice.as_str(), i));
            }
        }
        self.allocations.push(Allocation {
            source,
            reference: reference.to_string(),
            date,
            invoice: r.invoice.clone(),
            receivable: r.id.clone(),
            amount: scaled(take, r.currency),
            currency: r.currency,
        });
        Ok(take)
    }

    /// Applies `amount` to the receivables of `invoice`, oldest due first (or latest first);
    /// returns what is left.
    fn apply_to_invoice(
        &mut self,
        invoice: &str,
        mut amount: Decimal,
        date: NaiveDate,
        source: AllocationSource,
        reference: &str,
        latest_first: bool,
    ) -> Result<Decimal> {
        let mut parts: Vec<usize> = self
            .ledger
            .by_invoice
            .get(invoice)
            .cloned()
            .unwrap_or_default();
        if latest_first {
            parts.reverse();
        }
        for i in parts {
            if amount <= Decimal::ZERO {
                break;
            }
            let took = self.apply(i, amount, date, source, reference)?;
            amount = amount
                .checked_sub(took)
                .ok_or_else(|| err!(Overflow, "amount overflow"))?;
        }
        Ok(amount)
    }

    fn apply_payment(&mut self, pi: usize, date: NaiveDate, amount: Decimal) -> Result<()> {
        let Some(p) = self.ledger.document.payments.get(pi) else {
            return Ok(());
        };
        let reference = p.id.clone().unwrap_or_else(|| format!("payments[{pi}]"));
        let source = match p.kind {
            PaymentKind::Deposit => AllocationSource::Deposit,
            _ => AllocationSource::Payment,
        };
        let customer = self.payment_customer(pi).unwrap_or_default();
        let overflow = || err!(Overflow, "payment {reference} overflows");
        let mut left = amount;
        match (&p.invoice, &p.allocations) {
            (Some(inv), _) => {
                left = self.apply_to_invoice(inv, left, date, source, &reference, false)?;
                if !left.is_zero() {
                    self.warnings.push(format!(
                        "{reference}: {} {} more than invoice {inv} still asked on {date}; kept as unapplied credit",
                        scaled(left, p.currency),
                        p.currency
                    ));
                }
            }
            (None, Some(lines)) => {
                for line in lines {
                    let rest = self.apply_to_invoice(
                        &line.invoice,
                        line.amount,
                        date,
                        source,
                        &reference,
                        false,
                    )?;
                    let used = line.amount.checked_sub(rest).ok_or_else(overflow)?;
                    left = left.checked_sub(used).ok_or_else(overflow)?;
                    if !rest.is_zero() {
                        self.warnings.push(format!(
                            "{reference}: {} {} allocated to invoice {} exceeds what it still asked on {date}; kept as unapplied credit",
                            scaled(rest, p.currency),
                            p.currency,
                            line.invoice
                        ));
                    }
                }
            }
            (None, None) => {
                let book: Vec<usize> = self
                    .books
                    .get(&(customer.as_str(), p.currency))
                    .map(|b| b.iter().map(|k| k.3).collect())
                    .unwrap_or_default();
                for i in book {
                    if left <= Decimal::ZERO {
                        break;
                    }
                    let took = self.apply(i, left, date, source, &reference)?;
                    left = left.checked_sub(took).ok_or_else(overflow)?;
                }
            }
        }
        let credit = self.credit(&customer, p.currency, date, left, pi, false);
        self.add_unapplied(credit)
    }

    fn credit_note(&mut self, ni: usize, date: NaiveDate) -> Result<()> {
        let Some(n) = self.ledger.document.credit_notes.get(ni) else {
            return Ok(());
        };
        let reference =
            n.id.clone()
                .unwrap_or_else(|| format!("credit_notes[{ni}]"));
        match &n.invoice {
            Some(inv) => {
                let left = self.apply_to_invoice(
                    inv,
                    n.amount,
                    date,
                    AllocationSource::CreditNote,
                    &reference,
                    true,
                )?;
                let customer = self
                    .ledger
                    .receivables_of(inv)
                    .next()
                    .map(|r| r.customer.clone())
                    .unwrap_or_default();
                if !left.is_zero() {
                    self.warnings.push(format!(
                        "{reference}: {} {} more than invoice {inv} still asked on {date}; kept as unapplied credit",
                        scaled(left, n.currency),
                        n.currency
                    ));
                }
                let credit = self.credit(&customer, n.currency, date, left, ni, true);
                self.add_unapplied(credit)
            }
            None => {
                let customer = n.customer.clone().unwrap_or_default();
                let credit = self.credit(&customer, n.currency, date, n.amount, ni, true);
                self.add_unapplied(credit)
            }
        }
    }

    fn write_off(&mut self, wi: usize, date: NaiveDate) -> Result<()> {
        let Some(w) = self.ledger.document.write_offs.get(wi) else {
            return Ok(());
        };
        let reference = w.id.clone().unwrap_or_else(|| format!("write_offs[{wi}]"));
        let outstanding: Decimal = self
            .ledger
            .by_invoice
            .get(&w.invoice)
            .into_iter()
            .flatten()
            .filter_map(|i| self.open.get(*i))
            .map(|o| o.outstanding)
            .sum();
        let amount = w.amount.unwrap_or(outstanding);
        if outstanding.is_zero() {
            self.warnings.push(format!(
                "{reference}: invoice {} has nothing outstanding on {date}; nothing written off",
                w.invoice
            ));
            return Ok(());
        }
        if amount > outstanding {
            self.warnings.push(format!(
                "{reference}: write-off of {amount} on invoice {} exceeds the {outstanding} outstanding on {date}; {outstanding} written off",
                w.invoice
            ));
        }
        self.apply_to_invoice(
            &w.invoice,
            amount.min(outstanding),
            date,
            AllocationSource::WriteOff,
            &reference,
            true,
        )?;
        Ok(())
    }

    fn disputed(&self) -> HashMap<usize, Decimal> {
        // Active disputes on the as-of date, spread over the invoice's open receivables, latest
        // due first (the part a customer contests is usually the balance).
        let mut out: HashMap<usize, Decimal> = HashMap::new();
        for d in &self.ledger.document.disputes {
            let active = d.opened <= self.as_of && d.resolved.is_none_or(|r| r > self.as_of);
            if !active {
                continue;
            }
            let parts: Vec<usize> = self
                .ledger
                .by_invoice
                .get(&d.invoice)
                .cloned()
                .unwrap_or_default();
            let mut left = d.amount.unwrap_or(Decimal::MAX);
            for i in parts.into_iter().rev() {
                let Some(o) = self.open.get(i) else { continue };
                if !o.issued {
                    continue;
                }
                let already = out.get(&i).copied().unwrap_or(Decimal::ZERO);
                let room = o.outstanding.saturating_sub(already).max(Decimal::ZERO);
                let take = left.min(room);
                if take > Decimal::ZERO {
                    out.insert(i, already.saturating_add(take));
                    left = left.saturating_sub(take);
                }
            }
        }
        out
    }

    fn finish(self) -> Result<LedgerState> {
        let disputed = self.disputed();
        let names: HashMap<&str, Option<&String>> = self
            .ledger
            .document
            .customers
            .iter()
            .map(|c| (c.id.as_str(), c.name.as_ref()))
            .collect();

        let mut receivables = Vec::new();
        for (i, r) in self.ledger.receivables.iter().enumerate() {
            let Some(o) = self.open.get(i) else { continue };
            if !o.issued {
                continue;
            }
            let Settlement {
                status,
                days_late,
                days_to_pay,
            } = Settlement::of(
                self.as_of,
                r.issue_date,
                r.due_date,
                o.settled_on,
                !o.paid.is_zero(),
                !o.written_off.is_zero(),
            );
            let c = r.currency;
            receivables.push(ReceivableState {
                id: r.id.clone(),
                invoice: r.invoice.clone(),
                label: r.label.clone(),
                customer: r.customer.clone(),
                issue_date: r.issue_date,
                due_date: r.due_date,
                currency: c,
                amount: scaled(r.amount, c),
                paid: scaled(o.paid, c),
                credited: scaled(o.credited, c),
                written_off: scaled(o.written_off, c),
                outstanding: scaled(o.outstanding, c),
                disputed: scaled(disputed.get(&i).copied().unwrap_or(Decimal::ZERO), c),
                status,
                partially_paid: !o.paid.is_zero() && !o.outstanding.is_zero(),
                days_late,
                settled_on: o.settled_on,
                days_to_pay,
            });
        }

        // Customer and ledger totals.
        let mut per_customer: BTreeMap<(String, Currency), CurrencyTotals> = BTreeMap::new();
        let mut ledger_totals: BTreeMap<Currency, CurrencyTotals> = BTreeMap::new();
        for r in &receivables {
            for t in [
                per_customer
                    .entry((r.customer.clone(), r.currency))
                    .or_insert_with(|| CurrencyTotals::zero(r.currency)),
                ledger_totals
                    .entry(r.currency)
                    .or_insert_with(|| CurrencyTotals::zero(r.currency)),
            ] {
                t.add_receivable(r)?;
            }
        }
        let mut unapplied = Vec::new();
        for ((customer, currency), amount) in &self.unapplied {
            let amount = scaled(*amount, *currency);
            unapplied.push(UnappliedCredit {
                customer: customer.clone(),
                currency: *currency,
                amount,
            });
            for t in [
                per_customer
                    .entry((customer.clone(), *currency))
                    .or_insert_with(|| CurrencyTotals::zero(*currency)),
                ledger_totals
                    .entry(*currency)
                    .or_insert_with(|| CurrencyTotals::zero(*currency)),
            ] {
                t.unapplied_credit = add(t.unapplied_credit, amount)?;
            }
        }
        let mut customers: Vec<CustomerState> = Vec::new();
        for ((customer, _), mut totals) in per_customer {
            totals.balance = sub(totals.outstanding, totals.unapplied_credit)?;
            match customers.last_mut() {
                Some(last) if last.customer == customer => last.totals.push(totals),
                _ => customers.push(CustomerState {
                    name: names.get(customer.as_str()).copied().flatten().cloned(),
                    customer,
                    totals: vec![totals],
                }),
            }
        }
        let mut totals: Vec<CurrencyTotals> = ledger_totals.into_values().collect();
        for t in &mut totals {
            t.balance = sub(t.outstanding, t.unapplied_credit)?;
        }
        Ok(LedgerState {
            as_of: self.as_of,
            receivables,
            customers,
            totals,
            allocations: self.allocations,
            unapplied,
            credits_on_account: self
                .credits
                .into_iter()
                .map(|mut c| {
                    c.amount = scaled(c.amount, c.currency);
                    c
                })
                .collect(),
            warnings: self.warnings,
        })
    }
}

/// Where a receivable stands on the as-of date, from when it was settled (if it was) and by what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Settlement {
    pub(crate) status: ReceivableStatus,
    /// Days past the due date: up to the as-of date while open, up to the settlement once
    /// settled; never negative.
    pub(crate) days_late: i64,
    /// Days from issue to settlement, for receivables settled by payment.
    pub(crate) days_to_pay: Option<i64>,
}

impl Settlement {
    /// The rules of [`ReceivableState`]'s `status`, `days_late` and `days_to_pay`: open and
    /// overdue after the due date; once settled, written off if anything was, else paid if
    /// anything was paid, else credited.
    pub(crate) fn of(
        as_of: NaiveDate,
        issue_date: NaiveDate,
        due_date: NaiveDate,
        settled_on: Option<NaiveDate>,
        paid: bool,
        written_off: bool,
    ) -> Settlement {
        let status = match settled_on {
            None if as_of > due_date => ReceivableStatus::Overdue,
            None => ReceivableStatus::NotDue,
            Some(_) if written_off => ReceivableStatus::WrittenOff,
            Some(_) if paid => ReceivableStatus::Paid,
            Some(_) => ReceivableStatus::Credited,
        };
        Settlement {
            status,
            days_late: days_between(due_date, settled_on.unwrap_or(as_of)).max(0),
            days_to_pay: match (status, settled_on) {
                (ReceivableStatus::Paid, Some(d)) => Some(days_between(issue_date, d)),
                _ => None,
            },
        }
    }
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b)
        .ok_or_else(|| err!(Overflow, "total overflows"))
}

fn sub(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_sub(b)
        .ok_or_else(|| err!(Overflow, "total overflows"))
}

impl CurrencyTotals {
    fn zero(currency: Currency) -> CurrencyTotals {
        let z = scaled(Decimal::ZERO, currency);
        CurrencyTotals {
            currency,
            invoiced: z,
            paid: z,
            credited: z,
            written_off: z,
            outstanding: z,
            overdue: z,
            disputed: z,
            unapplied_credit: z,
            balance: z,
            open_receivables: 0,
            overdue_receivables: 0,
            max_days_late: 0,
        }
    }

    fn add_receivable(&mut self, r: &ReceivableState) -> Result<()> {
        self.invoiced = add(self.invoiced, r.amount)?;
        self.paid = add(self.paid, r.paid)?;
        self.credited = add(self.credited, r.credited)?;
        self.written_off = add(self.written_off, r.written_off)?;
        self.outstanding = add(self.outstanding, r.outstanding)?;
        self.disputed = add(self.disputed, r.disputed)?;
        if !r.outstanding.is_zero() {
            self.open_receivables = self.open_receivables.saturating_add(1);
            if r.status == ReceivableStatus::Overdue {
                self.overdue = add(self.overdue, r.outstanding)?;
                self.overdue_receivables = self.overdue_receivables.saturating_add(1);
                self.max_days_late = self.max_days_late.max(r.days_late);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn event(id: &str) -> Event<'_> {
        Event {
            date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            rank: Rank::Payment,
            id,
            prefix: id_prefix(id),
            index: 0,
        }
    }

    proptest! {
        /// Ordering by prefix then `tail_cmp` is ordering by identifier, NUL bytes, multi-byte
        /// characters and identifiers longer than the prefix included.
        #[test]
        fn prefix_order_is_identifier_order(
            a in "[a\\x00é0-9]{0,20}",
            b in "[a\\x00é0-9]{0,20}",
        ) {
            let (ea, eb) = (event(&a), event(&b));
            let fast = ea.prefix.cmp(&eb.prefix).then_with(|| ea.tail_cmp(&eb));
            prop_assert_eq!(fast, a.cmp(&b));
        }
    }

    #[test]
    fn trailing_nul_and_shared_prefixes() {
        for (a, b) in [
            ("ab", "ab\0"),
            ("INV000000000000001", "INV000000000000002"),
            ("", "\0"),
        ] {
            let (ea, eb) = (event(a), event(b));
            assert_eq!(
                ea.prefix.cmp(&eb.prefix).then_with(|| ea.tail_cmp(&eb)),
                a.cmp(b)
            );
        }
    }
}
