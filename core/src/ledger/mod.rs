//! The ledger: invoices and the dated events that settle them, and their state as of any date.
//!
//! A [`LedgerDocument`] (what an invoicing tool exports) is checked once by [`Ledger::new`], which
//! reports **every** problem it finds (duplicate ids, unknown invoices, bad amounts, dates before
//! the invoice...) with the JSON path of each. The checked [`Ledger`] expands invoices into
//! receivables (one per instalment when the terms split the amount) and puts all events in one
//! canonical order, so that [`Ledger::state_as_of`] gives the same answer whatever order the
//! document listed them in.
//!
//! Events of one day are applied in this order: invoices issued, credit notes, payments,
//! write-offs; ties are broken by identifier, then by content. Within that order:
//!
//! * a payment naming an invoice (`invoice`) or several (`allocations`) is applied to them, each
//!   invoice's receivables oldest due date first; what they do not absorb stays an **unapplied
//!   credit** on the customer's account (as in accounting: cash on account waits for matching);
//! * a payment naming nothing goes to the customer's open receivables in its currency, **oldest
//!   due date first** (then issue date, then invoice id): the usual default of accounting
//!   software, and as close as a ledger can get to the statutory imputation when the debtor does
//!   not say (C. civ. 1342-10 and § 366 (2) BGB: due debts first, other things equal the oldest;
//!   their other criteria, the debtor's interest or the creditor's security, are not in a ledger);
//! * a deposit (or any payment naming an invoice not yet issued) waits as a credit and is applied
//!   on the invoice's issue date;
//! * a credit note naming an invoice reduces its receivables, the latest due date first (a price
//!   reduction comes off the balance, not the deposit already asked for);
//! * a write-off takes what is outstanding (or the amount given), latest due date first.
//!
//! ```
//! use arrears::ledger::{Ledger, LedgerDocument, ReceivableStatus};
//! use chrono::NaiveDate;
//! let doc: LedgerDocument = serde_json::from_value(serde_json::json!({
//!   "invoices": [
//!     {"id": "F1", "customer": "C1", "issue_date": "2025-01-10", "due_date": "2025-02-09",
//!      "amount": "500.00", "currency": "EUR"},
//!     {"id": "F2", "customer": "C1", "issue_date": "2025-02-10", "due_date": "2025-03-12",
//!      "amount": "300.00", "currency": "EUR"}
//!   ],
//!   "payments": [{"customer": "C1", "date": "2025-03-01", "amount": "600.00", "currency": "EUR"}]
//! })).unwrap();
//! let state = Ledger::new(doc)?.state_as_of(NaiveDate::from_ymd_opt(2025, 3, 20).unwrap())?;
//! // Oldest first: F1 is paid in full on 1 March (20 days late), F2 gets the other 100.00.
//! assert_eq!(state.receivables[0].status, ReceivableStatus::Paid);
//! assert_eq!(state.receivables[0].days_late, 20);
//! assert_eq!(state.receivables[1].outstanding.to_string(), "200.00");
//! assert_eq!(state.receivables[1].days_late, 8);
//! # Ok::<(), arrears::Error>(())
//! ```

pub mod aging;
pub(crate) mod countries;
mod document;
pub mod ops;
mod state;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use document::{
    AllocationRecord, CreditNoteRecord, CustomerDefaults, CustomerRecord, DebtorStatus,
    DisputeRecord, InvoiceRecord, LedgerDocument, PaymentKind, PaymentRecord, WriteOffRecord,
};
pub(crate) use state::Settlement;
pub use state::{
    Allocation, AllocationSource, CreditOnAccount, CurrencyTotals, CustomerState, LedgerState,
    ReceivableState, ReceivableStatus, UnappliedCredit,
};

use crate::error::{err, Error, Result};
use crate::money::{Currency, Money};

/// One amount to be paid on one due date: a whole invoice, or one part of it (deposit, balance,
/// instalment) when its terms split it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receivable {
    /// `F1` for a single-part invoice; `F1#1`, `F1#2`, ... for its parts.
    pub id: String,
    /// The invoice it belongs to.
    pub invoice: String,
    /// The part's label from the terms (`deposit`, `balance`, `1/3`, ...), if split.
    pub label: Option<String>,
    /// The customer.
    pub customer: String,
    /// Issue date of the invoice.
    pub issue_date: NaiveDate,
    /// Due date of this part.
    pub due_date: NaiveDate,
    /// Amount of this part (tax included), exact in minor units.
    pub amount: Decimal,
    /// Currency.
    pub currency: Currency,
}

/// A checked ledger, ready to be asked its state as of any date.
#[derive(Debug, Clone)]
pub struct Ledger {
    document: LedgerDocument,
    receivables: Vec<Receivable>,
    /// Invoice id → indices of its receivables in `receivables`, in due-date order.
    by_invoice: HashMap<String, Vec<usize>>,
}

impl Ledger {
    /// Checks a ledger document and prepares it.
    ///
    /// # Errors
    /// One error listing every problem found: `ledger.duplicate_id`, `ledger.unknown_invoice`,
    /// `ledger.unknown_customer`, `ledger.missing_due_date`, `ledger.invalid_event`,
    /// `money.invalid_amount`, `money.negative_amount`, `money.not_in_minor_units`,
    /// `money.currency_mismatch`, and the errors of the invoices' payment terms.
    pub fn new(document: LedgerDocument) -> Result<Ledger> {
        let mut problems: Vec<Error> = Vec::new();
        let customer_ids = check_customers(&document, &mut problems);

        let mut receivables = Vec::new();
        let mut by_invoice: HashMap<String, Vec<usize>> = HashMap::new();
        // Invoices refused for their own problems: events naming them are not reported again as
        // naming an unknown invoice.
        let mut refused: HashSet<&str> = HashSet::new();
        for (i, inv) in document.invoices.iter().enumerate() {
            let at = format!("invoices[{i}]");
            if by_invoice.contains_key(&inv.id) {
                problems
                    .push(err!(DuplicateId, "invoice {:?} appears more than once", inv.id).at(&at));
                continue;
            }
            if inv.id.trim().is_empty() {
                problems
                    .push(err!(InvalidEvent, "an invoice has an empty id").at(format!("{at}.id")));
                continue;
            }
            if !customer_ids.is_empty() && !customer_ids.contains(inv.customer.as_str()) {
                problems.push(
                    err!(
                        UnknownCustomer,
                        "invoice {:?} names customer {:?}, not in `customers`",
                        inv.id,
                        inv.customer
                    )
                    .at(format!("{at}.customer")),
                );
            }
            match expand_invoice(inv) {
                Ok(parts) => {
                    let mut idx = Vec::with_capacity(parts.len());
                    for r in parts {
                        idx.push(receivables.len());
                        receivables.push(r);
                    }
                    by_invoice.insert(inv.id.clone(), idx);
                }
                Err(e) => {
                    problems.push(e.at(&at));
                    refused.insert(inv.id.as_str());
                }
            }
        }

        let ledger_view = Checker {
            receivables: &receivables,
            by_invoice: &by_invoice,
            customers: &customer_ids,
            refused: &refused,
        };
        ledger_view.check_payments(&document.payments, &mut problems);
        ledger_view.check_credit_notes(&document.credit_notes, &mut problems);
        ledger_view.check_write_offs(&document.write_offs, &mut problems);
        ledger_view.check_disputes(&document.disputes, &mut problems);

        if let Some(e) = Error::from_many(problems) {
            return Err(e);
        }
        Ok(Ledger {
            document,
            receivables,
            by_invoice,
        })
    }

    /// The document the ledger was built from.
    pub fn document(&self) -> &LedgerDocument {
        &self.document
    }

    /// Every receivable, in invoice order (parts of an invoice in due-date order).
    pub fn receivables(&self) -> &[Receivable] {
        &self.receivables
    }

    /// The receivables of one invoice.
    pub fn receivables_of(&self, invoice: &str) -> impl Iterator<Item = &Receivable> {
        self.by_invoice
            .get(invoice)
            .into_iter()
            .flatten()
            .filter_map(|i| self.receivables.get(*i))
    }

    /// The state of every receivable and customer at the end of `as_of`: events dated on or
    /// before it count, later ones do not.
    ///
    /// # Errors
    /// `money.overflow` on absurd amounts; the ledger was checked when built.
    pub fn state_as_of(&self, as_of: NaiveDate) -> Result<LedgerState> {
        state::replay(self, as_of)
    }
}

/// Turns an invoice into its receivables.
fn expand_invoice(inv: &InvoiceRecord) -> Result<Vec<Receivable>> {
    let money = Money::new(inv.amount, inv.currency);
    if !money.is_positive() {
        return Err(err!(
            NegativeAmount,
            "invoice amount must be above zero, got {}",
            inv.amount
        )
        .at("amount"));
    }
    money.require_minor_units().map_err(|e| e.at("amount"))?;
    if let (Some(net), Some(tax)) = (inv.net_amount, inv.tax_amount) {
        if net.checked_add(tax) != Some(inv.amount) {
            return Err(err!(
                InvalidAmount,
                "net_amount {net} + tax_amount {tax} does not equal amount {}",
                inv.amount
            )
            .at("amount"));
        }
    }
    let amount = scaled(inv.amount, inv.currency);
    let single = |due: NaiveDate| -> Result<Vec<Receivable>> {
        if due < inv.issue_date {
            return Err(err!(
                InvalidEvent,
                "due date {due} is before the issue date {}",
                inv.issue_date
            )
            .at("due_date"));
        }
        Ok(vec![Receivable {
            id: inv.id.clone(),
            invoice: inv.id.clone(),
            label: None,
            customer: inv.customer.clone(),
            issue_date: inv.issue_date,
            due_date: due,
            amount,
            currency: inv.currency,
        }])
    };
    match (inv.due_date, &inv.terms) {
        (Some(due), _) => single(due),
        (None, Some(terms)) => {
            let schedule = terms
                .schedule(inv.issue_date, Money::new(amount, inv.currency))
                .map_err(|e| e.at("terms"))?;
            if schedule.len() == 1 {
                if let Some(only) = schedule.first() {
                    return single(only.due_date);
                }
            }
            let mut parts = Vec::with_capacity(schedule.len());
            for (k, part) in schedule.iter().enumerate() {
                parts.push(Receivable {
                    id: format!("{}#{}", inv.id, k.saturating_add(1)),
                    invoice: inv.id.clone(),
                    label: Some(part.label.clone()),
                    customer: inv.customer.clone(),
                    issue_date: inv.issue_date,
                    due_date: part.due_date,
                    amount: scaled(part.amount.amount(), inv.currency),
                    currency: inv.currency,
                });
            }
            parts.sort_by_key(|r| r.due_date);
            Ok(parts)
        }
        (None, None) => Err(err!(
            MissingDueDate,
            "invoice {:?} has neither `due_date` nor `terms`",
            inv.id
        )),
    }
}

/// An amount written with exactly the currency's decimals (so `1000` prints as `1000.00`).
pub(crate) fn scaled(amount: Decimal, currency: Currency) -> Decimal {
    let mut d = amount;
    d.rescale(currency.minor_units());
    d
}

fn check_customers<'a>(doc: &'a LedgerDocument, problems: &mut Vec<Error>) -> HashSet<&'a str> {
    let mut ids = HashSet::new();
    for (i, c) in doc.customers.iter().enumerate() {
        if c.id.trim().is_empty() {
            problems.push(
                err!(InvalidEvent, "a customer has an empty id").at(format!("customers[{i}].id")),
            );
            continue;
        }
        if !ids.insert(c.id.as_str()) {
            problems.push(
                err!(DuplicateId, "customer {:?} appears more than once", c.id)
                    .at(format!("customers[{i}]")),
            );
        }
        if let Some(country) = &c.country {
            if !countries::is_country(country) {
                problems.push(
                    err!(
                        InvalidCountry,
                        // A long value is cut to an excerpt by `Error::new`.
                        "{country:?} is not an ISO 3166-1 alpha-2 country code (FR, DE, GB, ...)"
                    )
                    .at(format!("customers[{i}].country")),
                );
            }
        }
    }
    ids
}

/// Read-only view used while checking events against the invoices.
struct Checker<'a> {
    receivables: &'a [Receivable],
    by_invoice: &'a HashMap<String, Vec<usize>>,
    customers: &'a HashSet<&'a str>,
    refused: &'a HashSet<&'a str>,
}

impl Checker<'_> {
    fn invoice(&self, id: &str) -> Option<&Receivable> {
        self.by_invoice
            .get(id)
            .and_then(|v| v.first())
            .and_then(|i| self.receivables.get(*i))
    }

    fn amount_ok(&self, amount: Decimal, currency: Currency, at: &str, problems: &mut Vec<Error>) {
        let m = Money::new(amount, currency);
        if !m.is_positive() {
            problems.push(
                err!(NegativeAmount, "amount must be above zero, got {amount}")
                    .at(format!("{at}.amount")),
            );
        } else if let Err(e) = m.require_minor_units() {
            problems.push(e.at(format!("{at}.amount")));
        }
    }

    /// Checks a reference to an invoice: it exists, same currency, same customer, not before it
    /// (unless `may_precede`).
    #[allow(clippy::too_many_arguments)]
    fn invoice_ref(
        &self,
        invoice: &str,
        currency: Currency,
        customer: Option<&str>,
        date: NaiveDate,
        may_precede: bool,
        at: String,
        problems: &mut Vec<Error>,
    ) {
        match self.invoice(invoice) {
            None if self.refused.contains(invoice) => {}
            None => problems
                .push(err!(UnknownInvoice, "invoice {invoice:?} is not in the ledger").at(at)),
            Some(r) => {
                if r.currency != currency {
                    problems.push(
                        err!(
                            CurrencyMismatch,
                            "invoice {invoice:?} is in {}, the event in {currency}",
                            r.currency
                        )
                        .at(at.clone()),
                    );
                }
                if let Some(c) = customer {
                    if c != r.customer {
                        problems.push(
                            err!(
                                InvalidEvent,
                                "invoice {invoice:?} belongs to customer {:?}, not {c:?}",
                                r.customer
                            )
                            .at(at.clone()),
                        );
                    }
                }
                if !may_precede && date < r.issue_date {
                    problems.push(
                        err!(
                            InvalidEvent,
                            "dated {date}, before invoice {invoice:?} was issued on {}",
                            r.issue_date
                        )
                        .at(at),
                    );
                }
            }
        }
    }

    fn check_payments(&self, payments: &[PaymentRecord], problems: &mut Vec<Error>) {
        let mut ids = HashSet::new();
        for (i, p) in payments.iter().enumerate() {
            let at = format!("payments[{i}]");
            if let Some(id) = &p.id {
                if !ids.insert(id.as_str()) {
                    problems
                        .push(err!(DuplicateId, "payment {id:?} appears more than once").at(&at));
                }
            }
            self.amount_ok(p.amount, p.currency, &at, problems);
            if let Some(c) = &p.customer {
                if !self.customers.is_empty() && !self.customers.contains(c.as_str()) {
                    problems.push(
                        err!(UnknownCustomer, "customer {c:?} is not in `customers`")
                            .at(format!("{at}.customer")),
                    );
                }
            }
            match (&p.invoice, &p.allocations) {
                (Some(_), Some(_)) => problems.push(
                    err!(
                        InvalidEvent,
                        "give either `invoice` or `allocations`, not both"
                    )
                    .at(&at),
                ),
                (Some(inv), None) => self.invoice_ref(
                    inv,
                    p.currency,
                    p.customer.as_deref(),
                    p.date,
                    true,
                    format!("{at}.invoice"),
                    problems,
                ),
                (None, Some(lines)) => {
                    if lines.is_empty() {
                        problems.push(
                            err!(InvalidEvent, "`allocations` is empty")
                                .at(format!("{at}.allocations")),
                        );
                    }
                    let mut total = Decimal::ZERO;
                    let mut first_customer = p.customer.clone();
                    for (j, line) in lines.iter().enumerate() {
                        let lat = format!("{at}.allocations[{j}]");
                        self.amount_ok(line.amount, p.currency, &lat, problems);
                        total = total.saturating_add(line.amount);
                        if first_customer.is_none() {
                            first_customer =
                                self.invoice(&line.invoice).map(|r| r.customer.clone());
                        }
                        self.invoice_ref(
                            &line.invoice,
                            p.currency,
                            first_customer.as_deref(),
                            p.date,
                            true,
                            format!("{lat}.invoice"),
                            problems,
                        );
                    }
                    if total > p.amount {
                        problems.push(
                            err!(
                                InvalidEvent,
                                "allocations total {total}, more than the payment's {}",
                                p.amount
                            )
                            .at(format!("{at}.allocations")),
                        );
                    }
                }
                (None, None) => {
                    if p.customer.is_none() {
                        problems.push(
                            err!(
                                InvalidEvent,
                                "a payment needs a `customer`, an `invoice` or `allocations`"
                            )
                            .at(&at),
                        );
                    }
                }
            }
        }
    }

    fn check_credit_notes(&self, notes: &[CreditNoteRecord], problems: &mut Vec<Error>) {
        let mut ids = HashSet::new();
        for (i, n) in notes.iter().enumerate() {
            let at = format!("credit_notes[{i}]");
            if let Some(id) = &n.id {
                if !ids.insert(id.as_str()) {
                    problems.push(
                        err!(DuplicateId, "credit note {id:?} appears more than once").at(&at),
                    );
                }
            }
            self.amount_ok(n.amount, n.currency, &at, problems);
            match (&n.invoice, &n.customer) {
                (Some(inv), c) => self.invoice_ref(
                    inv,
                    n.currency,
                    c.as_deref(),
                    n.date,
                    false,
                    format!("{at}.invoice"),
                    problems,
                ),
                (None, Some(c)) => {
                    if !self.customers.is_empty() && !self.customers.contains(c.as_str()) {
                        problems.push(
                            err!(UnknownCustomer, "customer {c:?} is not in `customers`")
                                .at(format!("{at}.customer")),
                        );
                    }
                }
                (None, None) => problems.push(
                    err!(
                        InvalidEvent,
                        "a credit note needs an `invoice` or a `customer`"
                    )
                    .at(&at),
                ),
            }
        }
    }

    fn check_write_offs(&self, write_offs: &[WriteOffRecord], problems: &mut Vec<Error>) {
        for (i, w) in write_offs.iter().enumerate() {
            let at = format!("write_offs[{i}]");
            let Some(r) = self.invoice(&w.invoice) else {
                problems.push(
                    err!(
                        UnknownInvoice,
                        "invoice {:?} is not in the ledger",
                        w.invoice
                    )
                    .at(format!("{at}.invoice")),
                );
                continue;
            };
            if let Some(a) = w.amount {
                self.amount_ok(a, r.currency, &at, problems);
            }
            self.invoice_ref(
                &w.invoice,
                r.currency,
                None,
                w.date,
                false,
                format!("{at}.date"),
                problems,
            );
        }
    }

    fn check_disputes(&self, disputes: &[DisputeRecord], problems: &mut Vec<Error>) {
        for (i, d) in disputes.iter().enumerate() {
            let at = format!("disputes[{i}]");
            let Some(r) = self.invoice(&d.invoice) else {
                if self.refused.contains(d.invoice.as_str()) {
                    continue;
                }
                problems.push(
                    err!(
                        UnknownInvoice,
                        "invoice {:?} is not in the ledger",
                        d.invoice
                    )
                    .at(format!("{at}.invoice")),
                );
                continue;
            };
            if let Some(a) = d.amount {
                self.amount_ok(a, r.currency, &at, problems);
            }
            if d.opened < r.issue_date {
                problems.push(
                    err!(
                        InvalidEvent,
                        "opened on {}, before invoice {:?} was issued on {}",
                        d.opened,
                        d.invoice,
                        r.issue_date
                    )
                    .at(format!("{at}.opened")),
                );
            }
            if let Some(res) = d.resolved {
                if res < d.opened {
                    problems.push(
                        err!(
                            InvalidEvent,
                            "resolved on {res}, before it was opened on {}",
                            d.opened
                        )
                        .at(format!("{at}.resolved")),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// An invoice refused for its own problem (due before it was issued) is reported once: the payment
    /// and the credit note naming it do not add `ledger.unknown_invoice` errors (issue 12).
    #[test]
    fn a_refused_invoice_does_not_cascade() {
        let doc: LedgerDocument = serde_json::from_value(serde_json::json!({
            "invoices": [
                {"id": "F1", "customer": "C1", "issue_date": "2025-01-10", "due_date": "2025-01-01",
                 "amount": "1200.00", "currency": "EUR"},
                {"id": "F2", "customer": "C1", "issue_date": "2025-01-10", "due_date": "2025-02-09",
                 "amount": "100.00", "currency": "EUR"}],
            "payments": [
                {"customer": "C1", "invoice": "F1", "date": "2025-02-01", "amount": "100.00", "currency": "EUR"},
                {"customer": "C1", "invoice": "F9", "date": "2025-02-01", "amount": "100.00", "currency": "EUR"}],
            "credit_notes": [{"invoice": "F1", "date": "2025-02-01", "amount": "10.00", "currency": "EUR"}],
            "disputes": [{"invoice": "F1", "opened": "2025-02-01"}]
        }))
        .unwrap();
        let e = Ledger::new(doc).unwrap_err();
        let codes: Vec<&str> = e.problems().iter().map(|p| p.code.as_str()).collect();
        // The due date of F1, and F9, which really is unknown; nothing for the events of F1.
        assert_eq!(codes.len(), 2, "{:?}", e.problems());
        assert_eq!(
            codes
                .iter()
                .filter(|c| **c == "ledger.unknown_invoice")
                .count(),
            1
        );
        assert!(e.problems().iter().any(|p| p.message.contains("F9")));
    }
}
