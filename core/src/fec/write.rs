//! A FEC written from a ledger document: the books the bundled sample's studio would export
//! (`arrears sample --fec`), so that the import can be tried on a whole portfolio and checked
//! against the ledger it came from (`docs/fec.md` §The sample FEC).
//!
//! Each invoice is a sales entry (411 debit; 706 credit for the amount before tax and 44571 for
//! the VAT, when the invoice gives them), each payment a bank entry (512 debit, 411 credit), each
//! credit note a sales entry the other way, each write-off a loss (654 debit, 411 credit). A
//! payment, credit note or write-off that names its invoice is lettered with it (one code per
//! invoice); payments without remittance advice are left unlettered, as the books would leave
//! them. What a FEC does not hold goes beside it: each invoice's payment terms (a terms file) and
//! what is known of the customers (a customers file), and the disputes, which are not accounting
//! entries (a disputes file).
//!
//! Amounts in a foreign currency keep it (`Montantdevise`, `Idevise`); their euro amounts use a
//! fixed, illustrative rate ([`ILLUSTRATIVE_EUR_PER_GBP`]): the sample has no exchange rates, and
//! the import reads the foreign amounts.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::parse::FIELDS;
use super::{FecTerms, TermsText};
use crate::error::Result;
use crate::ledger::{CustomerRecord, DisputeRecord, Ledger, LedgerDocument};
use crate::money::{Currency, RoundingMode};

/// Euros per pound for the euro column of the sample's pound lines: 1.15, an illustrative value,
/// not a market rate.
pub const ILLUSTRATIVE_EUR_PER_GBP: Decimal = Decimal::from_parts(115, 0, 0, false, 2);

/// A FEC with what goes beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct WrittenFec {
    /// The FEC: tab-separated, with its header, CR LF line ends, decimal commas.
    pub text: String,
    /// Each invoice's payment terms (by `PieceRef`).
    pub terms: FecTerms,
    /// The customers, as the ledger knows them.
    pub customers: Vec<CustomerRecord>,
    /// The disputes, which are not accounting entries.
    pub disputes: Vec<DisputeRecord>,
}

struct Line {
    date: NaiveDate,
    order: u8,
    journal: &'static str,
    journal_label: &'static str,
    account: &'static str,
    account_label: &'static str,
    customer: Option<(String, String)>,
    piece: String,
    label: String,
    debit: Decimal,
    credit: Decimal,
    lettering: String,
    currency: Option<(Decimal, Currency)>,
    entry_key: usize,
}

const SALES: (&str, &str) = ("VT", "Ventes");
const BANK: (&str, &str) = ("BQ", "Banque");
const REVENUE: (&str, &str) = ("706000", "Prestations de services");
const VAT: (&str, &str) = ("445710", "TVA collectée");

/// What the lines of one entry share.
struct Entry {
    date: NaiveDate,
    order: u8,
    journal: (&'static str, &'static str),
    piece: String,
    label: String,
    currency: Option<(Decimal, Currency)>,
    key: usize,
}

impl Entry {
    fn line(&self, account: (&'static str, &'static str), debit: Decimal, credit: Decimal) -> Line {
        Line {
            date: self.date,
            order: self.order,
            journal: self.journal.0,
            journal_label: self.journal.1,
            account: account.0,
            account_label: account.1,
            customer: None,
            piece: self.piece.clone(),
            label: self.label.clone(),
            debit,
            credit,
            lettering: String::new(),
            currency: self.currency,
            entry_key: self.key,
        }
    }

    /// The 411 line of a customer (id and name), with its lettering code.
    fn customer_line(
        &self,
        customer: (String, String),
        lettering: String,
        debit: Decimal,
        credit: Decimal,
    ) -> Line {
        Line {
            customer: Some(customer),
            lettering,
            ..self.line(("411000", "Clients"), debit, credit)
        }
    }
}

fn comma(d: Decimal) -> String {
    format!("{:.2}", d).replace('.', ",")
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// A lettering code for the n-th lettered invoice: `AAA`, `AAB`, ...
fn code(n: usize) -> String {
    let mut k = n;
    let mut out = [b'A'; 3];
    for slot in out.iter_mut().rev() {
        *slot = b'A'.saturating_add(u8::try_from(k % 26).unwrap_or(0));
        k /= 26;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes the FEC of a ledger document as its books would hold it on `as_of`.
///
/// # Errors
/// The errors of [`Ledger::new`] and [`Ledger::state_as_of`] (the written-off amounts come from
/// the ledger's replay).
pub fn write(doc: &LedgerDocument, as_of: NaiveDate) -> Result<WrittenFec> {
    let ledger = Ledger::new(doc.clone())?;
    let state = ledger.state_as_of(as_of)?;
    let names: BTreeMap<&str, &str> = doc
        .customers
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_deref().unwrap_or(c.id.as_str())))
        .collect();
    let customer_of_invoice: BTreeMap<&str, &str> = doc
        .invoices
        .iter()
        .map(|i| (i.id.as_str(), i.customer.as_str()))
        .collect();
    // One lettering code per invoice that something names.
    let mut named: Vec<&str> = doc
        .payments
        .iter()
        .filter_map(|p| p.invoice.as_deref())
        .chain(doc.credit_notes.iter().filter_map(|c| c.invoice.as_deref()))
        .chain(doc.write_offs.iter().map(|w| w.invoice.as_str()))
        .collect();
    named.sort_unstable();
    named.dedup();
    let codes: BTreeMap<&str, String> = named
        .iter()
        .enumerate()
        .map(|(k, id)| (*id, code(k)))
        .collect();
    let letter = |invoice: Option<&str>| -> String {
        invoice
            .and_then(|i| codes.get(i).cloned())
            .unwrap_or_default()
    };
    let euro = |amount: Decimal, currency: Currency| -> (Decimal, Option<(Decimal, Currency)>) {
        if currency == Currency::EUR {
            (amount, None)
        } else {
            (
                RoundingMode::HalfUp.round(amount.saturating_mul(ILLUSTRATIVE_EUR_PER_GBP), 2),
                Some((amount, currency)),
            )
        }
    };
    let who = |id: &str| {
        (
            id.to_string(),
            names.get(id).copied().unwrap_or(id).to_string(),
        )
    };

    // The customer a payment or a credit note names, or that of the invoice it names.
    let customer_of = |customer: &Option<String>, invoice: Option<&str>| -> String {
        customer
            .clone()
            .or_else(|| invoice.and_then(|i| customer_of_invoice.get(i).map(|c| (*c).to_string())))
            .unwrap_or_default()
    };

    let mut lines: Vec<Line> = Vec::new();
    let mut key = 0usize;
    let mut terms = FecTerms::default();
    for inv in &doc.invoices {
        key = key.saturating_add(1);
        if let Some(t) = &inv.terms {
            terms.invoices.insert(inv.id.clone(), TermsText(t.clone()));
        }
        let (ttc, foreign) = euro(inv.amount, inv.currency);
        let tax = inv.tax_amount.filter(|_| foreign.is_none());
        let net = tax.map_or(ttc, |t| ttc.saturating_sub(t));
        let e = Entry {
            date: inv.issue_date,
            order: 0,
            journal: SALES,
            piece: inv.id.clone(),
            label: format!("Facture {}", inv.id),
            currency: foreign,
            key,
        };
        lines.push(e.customer_line(
            who(&inv.customer),
            letter(Some(&inv.id)),
            ttc,
            Decimal::ZERO,
        ));
        lines.push(e.line(REVENUE, Decimal::ZERO, net));
        if let Some(t) = tax {
            lines.push(Line {
                currency: None,
                ..e.line(VAT, Decimal::ZERO, t)
            });
        }
    }
    for p in &doc.payments {
        key = key.saturating_add(1);
        let customer = customer_of(&p.customer, p.invoice.as_deref());
        let (eur, foreign) = euro(p.amount, p.currency);
        let e = Entry {
            date: p.date,
            order: 1,
            journal: BANK,
            piece: p.id.clone().unwrap_or_else(|| format!("BQ-{key}")),
            label: format!(
                "Règlement {}",
                names.get(customer.as_str()).copied().unwrap_or("")
            ),
            currency: foreign,
            key,
        };
        lines.push(e.line(("512000", "Banque"), eur, Decimal::ZERO));
        lines.push(e.customer_line(
            who(&customer),
            letter(p.invoice.as_deref()),
            Decimal::ZERO,
            eur,
        ));
    }
    for c in &doc.credit_notes {
        key = key.saturating_add(1);
        let customer = customer_of(&c.customer, c.invoice.as_deref());
        let (eur, foreign) = euro(c.amount, c.currency);
        let piece = c.id.clone().unwrap_or_else(|| format!("AV-{key}"));
        let e = Entry {
            date: c.date,
            order: 2,
            journal: SALES,
            label: format!("Avoir {piece}"),
            piece,
            currency: foreign,
            key,
        };
        lines.push(e.line(REVENUE, eur, Decimal::ZERO));
        lines.push(e.customer_line(
            who(&customer),
            letter(c.invoice.as_deref()),
            Decimal::ZERO,
            eur,
        ));
    }
    for w in &doc.write_offs {
        key = key.saturating_add(1);
        let Some(customer) = customer_of_invoice.get(w.invoice.as_str()) else {
            continue;
        };
        // The amount written off, as the ledger's replay applied it.
        let (amount, currency) = state
            .receivables
            .iter()
            .filter(|r| r.invoice == w.invoice)
            .fold((Decimal::ZERO, Currency::EUR), |(sum, _), r| {
                (sum.saturating_add(r.written_off), r.currency)
            });
        let amount = w.amount.unwrap_or(amount);
        if amount.is_zero() {
            continue;
        }
        let (eur, foreign) = euro(amount, currency);
        let e = Entry {
            date: w.date,
            order: 3,
            journal: ("OD", "Opérations diverses"),
            piece: w.id.clone().unwrap_or_else(|| format!("OD-{key}")),
            label: format!("Créance irrécouvrable {}", w.invoice),
            currency: foreign,
            key,
        };
        lines.push(e.line(
            ("654000", "Pertes sur créances irrécouvrables"),
            eur,
            Decimal::ZERO,
        ));
        lines.push(e.customer_line(who(customer), letter(Some(&w.invoice)), Decimal::ZERO, eur));
    }
    // Entries in date order, numbered in that order.
    lines.sort_by_key(|l| (l.date, l.order, l.entry_key));
    let mut numbers: BTreeMap<usize, usize> = BTreeMap::new();
    let mut text = FIELDS.join("\t");
    text.push_str("\r\n");
    for l in &lines {
        let next = numbers.len().saturating_add(1);
        let n = *numbers.entry(l.entry_key).or_insert(next);
        let (aux, aux_label) = l.customer.clone().unwrap_or_default();
        let (amount, currency) = l.currency.map_or((String::new(), String::new()), |(a, c)| {
            (comma(a), c.code().to_string())
        });
        let cells = [
            l.journal.to_string(),
            l.journal_label.to_string(),
            n.to_string(),
            ymd(l.date),
            l.account.to_string(),
            l.account_label.to_string(),
            aux,
            aux_label,
            l.piece.clone(),
            ymd(l.date),
            l.label.clone(),
            comma(l.debit),
            comma(l.credit),
            l.lettering.clone(),
            String::new(),
            ymd(l.date),
            amount,
            currency,
        ];
        // Tabs and line ends inside a value would break the file.
        let cells: Vec<String> = cells
            .iter()
            .map(|c| c.replace(['\t', '\r', '\n'], " "))
            .collect();
        text.push_str(&cells.join("\t"));
        text.push_str("\r\n");
    }
    Ok(WrittenFec {
        text,
        terms,
        customers: doc.customers.clone(),
        disputes: doc.disputes.clone(),
    })
}
