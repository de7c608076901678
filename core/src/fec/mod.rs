//! The books a French company already has: a Fichier des Écritures Comptables (FEC, LPF art.
//! A47 A-1) turned into a ledger document, with the matching (lettrage) the books hold.
//!
//! [`parse::read_lines`] reads the file's lines (the text already decoded); [`import`] applies
//! the rules of `docs/fec.md` to them:
//!
//! - **Customer accounts** are the general accounts starting with one of
//!   [`FecOptions::customer_accounts`] (default `411` and `416`, doubtful customers: a debt moved
//!   there is still owed). The customer is the auxiliary account (`CompAuxNum`, named by
//!   `CompAuxLib`), or the general account itself when the books do not split it.
//! - **What a customer line is** comes from the accounts on the other side of its entry, since
//!   journal codes vary between programs: a debit against revenue (class 7) or VAT (445) is an
//!   invoice (`PieceRef` its id, `PieceDate` its issue date); a credit against a bank or cash
//!   account (class 5) a payment; a credit against revenue or VAT, or a discount (665), a credit
//!   note; a credit against a bad-debt loss (654, 6714) a write-off. An opening entry
//!   (à-nouveaux: journal `AN`, `RAN`, `ANO`, `OUV`, or an entry on an 89 account) turns a
//!   debit into an open invoice and a credit into a payment on account, both dated by their
//!   `PieceDate`. [`FecOptions::journals`] overrides this per journal code. A transfer between two
//!   customer accounts of one customer (411 → 416) changes nothing.
//! - **Lettering** is per account: the lines of one customer account with one `EcritureLet`
//!   code are matched as the books match them, the credits on the invoices oldest first (both in
//!   date order). A code whose debits and credits differ (partial lettering) is kept as far as it
//!   goes and listed. Credits not lettered follow the ledger's own rules (oldest first) and are
//!   listed as not lettered in the books.
//! - **Due dates** come from payment terms, per customer or by default; a FEC does not hold them.
//!   Without any, the statutory 30 days of C. com. L441-10 I apply, and the import says so.
//! - **Foreign-currency lines** (`Montantdevise`, `Idevise`) keep their currency and amount.
//! - **Nothing is dropped silently**: every line not used is counted with its reason (lines on
//!   other accounts are summarised per account with their first and last line), and the balance
//!   of each customer in the FEC is compared with the ledger's on the FEC's last date, the lines
//!   not imported set apart ([`FecImport::reconciliation`]).

pub mod ops;
pub mod parse;
pub mod write;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};

pub use parse::{read_lines, FecLine, FIELDS};

use crate::calendar::date::serde_date;
use crate::error::{err, Result};
use crate::ledger::{
    AllocationRecord, CreditNoteRecord, CustomerRecord, DisputeRecord, InvoiceRecord, Ledger,
    LedgerDocument, PaymentKind, PaymentRecord, WriteOffRecord,
};
use crate::money::{decimal_string, Currency};
use crate::terms::{default_terms, Jurisdiction, PaymentTerms};

fn default_customer_accounts() -> Vec<String> {
    vec!["411".into(), "416".into()]
}

fn default_opening_journals() -> Vec<String> {
    ["AN", "RAN", "ANO", "OUV", "ANOUV"]
        .iter()
        .map(|s| (*s).to_string())
        .collect()
}

fn eur() -> Currency {
    Currency::EUR
}

/// How the customer lines of a journal are read, whatever the accounts on the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JournalKind {
    /// Sales: a debit is an invoice, a credit a credit note.
    Sales,
    /// Bank or cash: a credit is a payment (a debit, money paid back, is not imported).
    Bank,
    /// Opening entries (à-nouveaux): a debit is an open invoice, a credit a payment on account.
    Opening,
    /// Not imported (its lines are listed as such).
    Ignore,
}

/// Payment terms given as a terms document or in the short notation (`"45 jours fin de
/// mois"`, `docs/terms.md` §Short notation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct TermsText(pub PaymentTerms);

impl<'de> Deserialize<'de> for TermsText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        let terms = match &value {
            serde_json::Value::String(s) => PaymentTerms::from_notation(s),
            v => crate::document::request::<PaymentTerms>(v),
        }
        .map_err(crate::document::de_error)?;
        Ok(TermsText(terms))
    }
}

/// Payment terms by invoice, by customer, and for the others.
///
/// In JSON, `{"default"?, "customers"?, "invoices"?}`, or one terms value (a short notation or a
/// terms document) for everyone:
///
/// ```
/// use arrears::fec::FecTerms;
/// let one: FecTerms = serde_json::from_str(r#""45 jours fin de mois""#).unwrap();
/// let doc: FecTerms = serde_json::from_str(r#"{"kind": "net_days", "days": 30}"#).unwrap();
/// let by: FecTerms = serde_json::from_str(r#"{"default": "net 30", "customers": {"C1": "net 60"}}"#).unwrap();
/// assert!(one.default.is_some() && doc.default.is_some() && by.customers.len() == 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FecTerms {
    /// Terms of customers not listed (default: the statutory 30 days, C. com. L441-10 I).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<TermsText>,
    /// Terms per customer id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub customers: BTreeMap<String, TermsText>,
    /// Terms per invoice (its `PieceRef`), over the customer's: what the invoicing program knows
    /// and the FEC does not.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub invoices: BTreeMap<String, TermsText>,
}

impl<'de> Deserialize<'de> for FecTerms {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct ByKey {
            #[serde(default)]
            default: Option<TermsText>,
            #[serde(default)]
            customers: BTreeMap<String, TermsText>,
            #[serde(default)]
            invoices: BTreeMap<String, TermsText>,
        }
        let value = serde_json::Value::deserialize(d)?;
        // An object without `kind` lists terms by key; anything else is one terms value.
        if value.as_object().is_some_and(|o| !o.contains_key("kind")) {
            let k: ByKey = crate::document::request(&value).map_err(crate::document::de_error)?;
            return Ok(FecTerms {
                default: k.default,
                customers: k.customers,
                invoices: k.invoices,
            });
        }
        let one: TermsText = crate::document::request(&value).map_err(crate::document::de_error)?;
        Ok(FecTerms {
            default: Some(one),
            ..FecTerms::default()
        })
    }
}

/// How to read a FEC.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FecOptions {
    /// Prefixes of the customer accounts (default `411`, `416`).
    #[serde(default = "default_customer_accounts")]
    pub customer_accounts: Vec<String>,
    /// Journal codes of the opening entries (default `AN`, `RAN`, `ANO`, `OUV`, `ANOUV`).
    #[serde(default = "default_opening_journals")]
    pub opening_journals: Vec<String>,
    /// Per journal code, how its customer lines are read (overrides the accounts).
    #[serde(default)]
    pub journals: BTreeMap<String, JournalKind>,
    /// Payment terms.
    #[serde(default)]
    pub terms: FecTerms,
    /// Country of customers without one (default none: no penalties).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// What is known of the customers (country, sector, kind of debtor, address...), merged by
    /// id into those the FEC names.
    #[serde(default)]
    pub customers: Vec<CustomerRecord>,
    /// The book's currency (default EUR): amounts of lines without `Idevise`.
    #[serde(default = "eur")]
    pub currency: Currency,
    /// Disputes over invoices (`PieceRef`), which are not accounting entries: what the invoicing
    /// or customer-service side knows, added to the ledger as they are.
    #[serde(default)]
    pub disputes: Vec<DisputeRecord>,
}

impl Default for FecOptions {
    fn default() -> Self {
        FecOptions {
            customer_accounts: default_customer_accounts(),
            opening_journals: default_opening_journals(),
            journals: BTreeMap::new(),
            terms: FecTerms::default(),
            country: None,
            customers: Vec::new(),
            currency: eur(),
            disputes: Vec::new(),
        }
    }
}

/// Why a line was not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnusedReason {
    /// The lines of an entry whose debits and credits differ.
    UnbalancedEntry,
    /// A customer line with no revenue, VAT, bank, cash or loss account on the other side.
    NoCounterpart,
    /// A customer debit against a bank or cash account: money paid back to the customer.
    Refund,
    /// A write-off (654, 6714) not lettered with an invoice: which invoice it closes is unknown.
    WriteOffNotLettered,
    /// A line of a journal the options ignore.
    JournalIgnored,
    /// A customer line of zero.
    ZeroAmount,
    /// A foreign-currency line without its amount in that currency, or with a currency code
    /// that is not ISO 4217.
    BadCurrency,
}

/// A customer-account line (or a line of an unbalanced entry) not used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnusedLine {
    /// Its line in the file.
    pub line: usize,
    /// Its account.
    pub account: String,
    /// Its auxiliary account.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub aux_account: String,
    /// Debit minus credit.
    #[serde(with = "decimal_string")]
    pub amount: Decimal,
    /// Why.
    pub reason: UnusedReason,
    /// In words.
    pub detail: String,
}

/// Lines on accounts other than the customers', summarised per account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherAccount {
    /// The account.
    pub account: String,
    /// Its label (of its first line).
    pub label: String,
    /// How many lines.
    pub lines: usize,
    /// The first of them.
    pub first_line: usize,
    /// The last.
    pub last_line: usize,
}

/// A lettering code whose debits and credits differ: kept as far as it goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartialLettering {
    /// The customer account.
    pub account: String,
    /// The customer.
    pub customer: String,
    /// The code.
    pub code: String,
    /// Currency of the amounts.
    pub currency: Currency,
    /// Debits lettered.
    #[serde(with = "decimal_string")]
    pub debit: Decimal,
    /// Credits lettered.
    #[serde(with = "decimal_string")]
    pub credit: Decimal,
    /// Its lines.
    pub lines: Vec<usize>,
}

/// A credit (payment, credit note) the books do not letter: the ledger applies it by its own
/// rules (oldest invoice first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unlettered {
    /// Its line in the file.
    pub line: usize,
    /// `payment` or `credit_note`.
    pub kind: String,
    /// Its id in the ledger.
    pub id: String,
    /// The customer.
    pub customer: String,
}

/// One customer's balance in the FEC beside the ledger's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reconciliation {
    /// The customer.
    pub customer: String,
    /// Currency.
    pub currency: Currency,
    /// Debits less credits of its customer-account lines in the FEC (every line, used or not).
    #[serde(with = "decimal_string")]
    pub fec_balance: Decimal,
    /// The ledger's balance on the same day: outstanding less unapplied credits.
    #[serde(with = "decimal_string")]
    pub ledger_balance: Decimal,
    /// The customer's lines not imported (listed in [`FecImport::unused`]), debits less credits.
    #[serde(with = "decimal_string")]
    pub not_imported: Decimal,
    /// `fec_balance - ledger_balance - not_imported`: zero when every line of the customer is
    /// either in the ledger or listed as not imported.
    #[serde(with = "decimal_string")]
    pub difference: Decimal,
}

/// The result of reading a FEC.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FecImport {
    /// The ledger document.
    pub ledger: LedgerDocument,
    /// The first entry date.
    #[serde(with = "serde_date")]
    pub first_date: NaiveDate,
    /// The last entry date: the day the reconciliation is made on.
    #[serde(with = "serde_date")]
    pub last_date: NaiveDate,
    /// Data lines read.
    pub lines: usize,
    /// Lines on customer accounts.
    pub customer_lines: usize,
    /// Of which turned into the ledger (or neutral transfers).
    pub used: usize,
    /// Customer-account lines not used, and the lines of unbalanced entries, with why.
    pub unused: Vec<UnusedLine>,
    /// Lines on other accounts (not customers'), per account.
    pub other_accounts: Vec<OtherAccount>,
    /// Credits the books do not letter.
    pub unlettered: Vec<Unlettered>,
    /// Lettering codes whose debits and credits differ.
    pub partial_lettering: Vec<PartialLettering>,
    /// Each customer's balance, FEC against ledger, on `last_date`.
    pub reconciliation: Vec<Reconciliation>,
    /// Every customer's balance agrees.
    pub reconciled: bool,
    /// What the import assumed (terms by default, the reading of "N jours fin de mois").
    pub notes: Vec<String>,
}

/// What a customer line became.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Invoice,
    Payment,
    CreditNote,
    WriteOff,
    Transfer,
}

/// A customer line turned into a record.
struct Item {
    line: usize,
    /// The entry it comes from (an index into the entries).
    entry: usize,
    role: Role,
    customer: String,
    /// The auxiliary account, and the `PieceRef`.
    aux: String,
    piece: String,
    /// General account and lettering code.
    account: String,
    lettering: String,
    date: NaiveDate,
    amount: Decimal,
    currency: Currency,
    id: String,
    /// For an invoice alone in its entry, in the book's currency: revenue and VAT, when they add
    /// up to its amount.
    net_and_tax: Option<(Decimal, Decimal)>,
}

fn starts_with_any(account: &str, prefixes: &[String]) -> bool {
    prefixes.iter().any(|p| account.starts_with(p.as_str()))
}

/// Unique ids per kind: the reference itself, then `REF-L<line>`.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    fn take(&mut self, reference: &str, fallback: &str, line: usize) -> String {
        let base = if reference.trim().is_empty() || reference.trim() == "-" {
            fallback.to_string()
        } else {
            reference.trim().to_string()
        };
        let mut id = base.clone();
        let mut n = 1usize;
        while self.taken.contains(&id) {
            id = if n == 1 {
                format!("{base}-L{line}")
            } else {
                format!("{base}-L{line}-{n}")
            };
            n = n.saturating_add(1);
        }
        self.taken.insert(id.clone());
        id
    }
}

/// A sum that reports an overflow instead of panicking (amounts beyond 28 digits).
fn total(amounts: impl IntoIterator<Item = Decimal>) -> Result<Decimal> {
    amounts.into_iter().try_fold(Decimal::ZERO, |acc, a| {
        acc.checked_add(a)
            .ok_or_else(|| err!(Overflow, "the FEC's amounts are too large to add"))
    })
}

fn money(amount: Decimal) -> String {
    format!("{:.2}", amount)
}

/// Turns the lines of a FEC into a ledger document, with the report of what was used.
///
/// # Errors
/// `terms.invalid` for terms that do not read; `ledger.*` when the assembled ledger does not
/// check (each problem names the FEC line it came from); `import.unreadable` for a FEC without
/// any line.
///
/// ```
/// use arrears::fec::{import, read_lines, FecOptions};
/// let text = "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise
/// VT|Ventes|1|20240115|411000|Clients|C001|Dupont SA|F1|20240115|Facture F1|1200,00|0,00|A|20240301|20240115||
/// VT|Ventes|1|20240115|706000|Prestations|||F1|20240115|Facture F1|0,00|1000,00|||20240115||
/// VT|Ventes|1|20240115|445710|TVA collectée|||F1|20240115|Facture F1|0,00|200,00|||20240115||
/// BQ|Banque|2|20240301|512000|Banque|||VIR-88|20240301|Dupont|1200,00|0,00|||20240301||
/// BQ|Banque|2|20240301|411000|Clients|C001|Dupont SA|VIR-88|20240301|Dupont|0,00|1200,00|A|20240301|20240301||
/// ";
/// let out = import(&read_lines(text)?, &FecOptions::default())?;
/// assert_eq!(out.ledger.invoices[0].id, "F1");
/// assert_eq!(out.ledger.payments[0].invoice.as_deref(), Some("F1"));
/// assert!(out.reconciled);
/// assert_eq!(out.other_accounts.len(), 3);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn import(lines: &[FecLine], options: &FecOptions) -> Result<FecImport> {
    let (Some(first_date), Some(last_date)) = (
        lines.iter().map(|l| l.entry_date).min(),
        lines.iter().map(|l| l.entry_date).max(),
    ) else {
        return Err(err!(Unreadable, "the FEC has no entry line"));
    };
    let is_customer = |l: &FecLine| starts_with_any(&l.account, &options.customer_accounts);
    let customer_of = |l: &FecLine| {
        if l.aux_account.is_empty() {
            (l.account.clone(), l.account_label.clone())
        } else {
            (l.aux_account.clone(), l.aux_label.clone())
        }
    };
    let journals: HashMap<String, JournalKind> = options
        .journals
        .iter()
        .map(|(k, v)| (k.to_ascii_uppercase(), *v))
        .collect();
    let opening_journals: Vec<String> = options
        .opening_journals
        .iter()
        .map(|j| j.to_ascii_uppercase())
        .collect();

    // Entries: the lines sharing a journal code and an entry number, in file order.
    let mut entries: Vec<Vec<&FecLine>> = Vec::new();
    let mut entry_at: HashMap<(&str, &str), usize> = HashMap::new();
    for l in lines {
        let key = (l.journal_code.as_str(), l.entry.as_str());
        let k = *entry_at.entry(key).or_insert_with(|| {
            entries.push(Vec::new());
            entries.len().saturating_sub(1)
        });
        if let Some(e) = entries.get_mut(k) {
            e.push(l);
        }
    }

    let mut unused: Vec<UnusedLine> = Vec::new();
    let mut other: BTreeMap<String, OtherAccount> = BTreeMap::new();
    let mut items: Vec<Item> = Vec::new();
    let mut customers: BTreeMap<String, String> = BTreeMap::new();
    let mut customer_lines = 0usize;
    let mut ids_invoice = Ids::default();
    let mut ids_payment = Ids::default();
    let mut ids_credit = Ids::default();
    let mut ids_write_off = Ids::default();
    // FEC balance per customer and currency, over every customer line.
    let mut fec_balance: BTreeMap<(String, Currency), Decimal> = BTreeMap::new();
    let currency_of = |l: &FecLine| -> std::result::Result<(Currency, Decimal), String> {
        let signed = l.debit.saturating_sub(l.credit);
        match l.currency.as_deref() {
            None => Ok((options.currency, signed)),
            Some(code) => {
                let c = Currency::from_code(code).map_err(|e| e.to_string())?;
                if c == options.currency {
                    return Ok((c, signed));
                }
                let a = l
                    .currency_amount
                    .ok_or_else(|| format!("a line in {code} without Montantdevise"))?;
                Ok((
                    c,
                    if signed.is_sign_negative() {
                        Decimal::ZERO.saturating_sub(a)
                    } else {
                        a
                    },
                ))
            }
        }
    };

    for (entry_index, entry) in entries.iter().enumerate() {
        let debit = total(entry.iter().map(|l| l.debit))?;
        let credit = total(entry.iter().map(|l| l.credit))?;
        let balanced = debit == credit;
        let unbalanced = || {
            format!(
                "entry {} {}: debits {} and credits {} differ",
                entry.first().map_or("", |l| l.journal_code.as_str()),
                entry.first().map_or("", |l| l.entry.as_str()),
                money(debit),
                money(credit)
            )
        };
        let journal = entry
            .first()
            .map(|l| l.journal_code.to_ascii_uppercase())
            .unwrap_or_default();
        let override_kind = journals.get(&journal).copied();
        let opening = opening_journals.contains(&journal)
            || entry.iter().any(|l| l.account.starts_with("89"));
        // The accounts on each side that are not the customers'.
        let opposite = |debit_side: bool| -> Vec<&str> {
            entry
                .iter()
                .filter(|l| !is_customer(l))
                .filter(|l| {
                    if debit_side {
                        !l.debit.is_zero()
                    } else {
                        !l.credit.is_zero()
                    }
                })
                .map(|l| l.account.as_str())
                .collect()
        };
        // Transfers between customer accounts of one customer (411 → 416): in an entry with no
        // other account, the lines of a customer that net to zero.
        let only_customers = entry.iter().all(|l| is_customer(l));
        let mut net: HashMap<String, Decimal> = HashMap::new();
        for l in entry.iter().filter(|l| is_customer(l)) {
            let n = net.entry(customer_of(l).0).or_insert(Decimal::ZERO);
            *n = n.saturating_add(l.debit.saturating_sub(l.credit));
        }
        for l in entry {
            if !is_customer(l) {
                let o = other.entry(l.account.clone()).or_insert(OtherAccount {
                    account: l.account.clone(),
                    label: l.account_label.clone(),
                    lines: 0,
                    first_line: l.line,
                    last_line: l.line,
                });
                o.lines = o.lines.saturating_add(1);
                o.last_line = l.line;
                if !balanced {
                    unused.push(UnusedLine {
                        line: l.line,
                        account: l.account.clone(),
                        aux_account: l.aux_account.clone(),
                        amount: l.debit.saturating_sub(l.credit),
                        reason: UnusedReason::UnbalancedEntry,
                        detail: unbalanced(),
                    });
                }
                continue;
            }
            customer_lines = customer_lines.saturating_add(1);
            let (customer, name) = customer_of(l);
            customers.entry(customer.clone()).or_insert(name);
            let mut skip = |reason: UnusedReason, detail: String| {
                unused.push(UnusedLine {
                    line: l.line,
                    account: l.account.clone(),
                    aux_account: l.aux_account.clone(),
                    amount: l.debit.saturating_sub(l.credit),
                    reason,
                    detail,
                });
            };
            let (currency, signed) = match currency_of(l) {
                Ok(x) => x,
                Err(detail) => {
                    // Still in the customer's balance, in the book's currency: the
                    // reconciliation shows what was left out.
                    let b = fec_balance
                        .entry((customer.clone(), options.currency))
                        .or_insert(Decimal::ZERO);
                    *b = b.saturating_add(l.debit.saturating_sub(l.credit));
                    skip(UnusedReason::BadCurrency, detail);
                    continue;
                }
            };
            let b = fec_balance
                .entry((customer.clone(), currency))
                .or_insert(Decimal::ZERO);
            *b = b.saturating_add(signed);
            if !balanced {
                skip(UnusedReason::UnbalancedEntry, unbalanced());
                continue;
            }
            if signed.is_zero() {
                skip(UnusedReason::ZeroAmount, "a line of zero".to_string());
                continue;
            }
            let is_debit = signed.is_sign_positive();
            let role = if override_kind == Some(JournalKind::Ignore) {
                skip(
                    UnusedReason::JournalIgnored,
                    format!("journal {} is ignored by the options", l.journal_code),
                );
                continue;
            } else if override_kind == Some(JournalKind::Opening) {
                Some(if is_debit {
                    Role::Invoice
                } else {
                    Role::Payment
                })
            } else if override_kind.is_none() && only_customers {
                net.get(&customer)
                    .is_some_and(|n| n.is_zero())
                    .then_some(Role::Transfer)
            } else if override_kind.is_none() && opening {
                Some(if is_debit {
                    Role::Invoice
                } else {
                    Role::Payment
                })
            } else if override_kind == Some(JournalKind::Sales) {
                Some(if is_debit {
                    Role::Invoice
                } else {
                    Role::CreditNote
                })
            } else if override_kind == Some(JournalKind::Bank) {
                if is_debit {
                    skip(
                        UnusedReason::Refund,
                        "a customer debit in a bank journal: money paid back".to_string(),
                    );
                    continue;
                }
                Some(Role::Payment)
            } else {
                let other_side = opposite(!is_debit);
                let any = |prefixes: &[&str]| {
                    other_side
                        .iter()
                        .any(|a| prefixes.iter().any(|p| a.starts_with(p)))
                };
                if is_debit {
                    if any(&["7", "445"]) {
                        Some(Role::Invoice)
                    } else if any(&["5"]) {
                        skip(
                            UnusedReason::Refund,
                            format!(
                                "a customer debit against {}: money paid back",
                                other_side.join(", ")
                            ),
                        );
                        continue;
                    } else {
                        None
                    }
                } else if any(&["5"]) {
                    Some(Role::Payment)
                } else if any(&["654", "6714"]) {
                    // Before VAT: a loss recovers the VAT it carried (445 on the same side).
                    Some(Role::WriteOff)
                } else if any(&["7", "445", "665"]) {
                    Some(Role::CreditNote)
                } else {
                    None
                }
            };
            let Some(role) = role else {
                let side = opposite(!is_debit);
                skip(
                    UnusedReason::NoCounterpart,
                    format!(
                        "no revenue, VAT, bank, cash or loss account on the other side of entry {} {} ({})",
                        l.journal_code,
                        l.entry,
                        if side.is_empty() {
                            "none".to_string()
                        } else {
                            side.join(", ")
                        }
                    ),
                );
                continue;
            };
            // A customer credit settled partly in cash and partly by a loss or a discount (512 and
            // 654, 512 and 665, alone in its entry): a payment and a write-off or credit note.
            let mut parts: Vec<(Role, Decimal)> = vec![(role, signed.abs())];
            let alone = entry.iter().filter(|x| is_customer(x)).count() == 1;
            if role == Role::Payment
                && !is_debit
                && override_kind.is_none()
                && !opening
                && alone
                && currency == options.currency
            {
                let side = |prefixes: &[&str]| -> Decimal {
                    entry
                        .iter()
                        .filter(|x| !is_customer(x))
                        .filter(|x| prefixes.iter().any(|p| x.account.starts_with(p)))
                        .map(|x| x.debit.saturating_sub(x.credit))
                        .fold(Decimal::ZERO, Decimal::saturating_add)
                };
                let (loss, discount, vat) =
                    (side(&["654", "6714"]), side(&["7", "665"]), side(&["445"]));
                let (loss, discount) = if loss.is_zero() {
                    (loss, discount.saturating_add(vat))
                } else {
                    (loss.saturating_add(vat), discount)
                };
                let cash = signed.abs().saturating_sub(loss).saturating_sub(discount);
                if (!loss.is_zero() || !discount.is_zero())
                    && cash.is_sign_positive()
                    && !cash.is_zero()
                {
                    parts = vec![(Role::Payment, cash)];
                    if !loss.is_zero() {
                        parts.push((Role::WriteOff, loss));
                    }
                    if !discount.is_zero() {
                        parts.push((Role::CreditNote, discount));
                    }
                }
            }
            // Revenue (class 7) and VAT (445) of an entry with one customer line: the invoice's
            // amounts before and of tax.
            let net_and_tax = (role == Role::Invoice
                && currency == options.currency
                && entry.iter().filter(|x| is_customer(x)).count() == 1)
                .then(|| {
                    let sum = |prefix: &str| -> Decimal {
                        entry
                            .iter()
                            .filter(|x| x.account.starts_with(prefix))
                            .map(|x| x.credit.saturating_sub(x.debit))
                            .fold(Decimal::ZERO, Decimal::saturating_add)
                    };
                    (sum("7"), sum("445"))
                })
                .filter(|(n, t)| {
                    n.is_sign_positive() && !n.is_zero() && n.saturating_add(*t) == signed.abs()
                });
            let fallback = format!("{}-{}", l.journal_code, l.entry);
            for (role, amount) in parts {
                let id = match role {
                    Role::Invoice => ids_invoice.take(&l.piece_ref, &fallback, l.line),
                    Role::Payment => ids_payment.take(&l.piece_ref, &fallback, l.line),
                    Role::CreditNote => ids_credit.take(&l.piece_ref, &fallback, l.line),
                    Role::WriteOff => ids_write_off.take(&l.piece_ref, &fallback, l.line),
                    Role::Transfer => fallback.clone(),
                };
                items.push(Item {
                    net_and_tax,
                    line: l.line,
                    entry: entry_index,
                    role,
                    customer: customer.clone(),
                    aux: l.aux_account.clone(),
                    piece: l.piece_ref.trim().to_string(),
                    account: l.account.clone(),
                    lettering: l.lettering.clone(),
                    date: l.piece_date,
                    amount,
                    currency,
                    id,
                });
            }
        }
    }

    // Terms.
    let mut notes = Vec::new();
    let default_terms_used = options.terms.default.is_none()
        && items.iter().any(|i| {
            i.role == Role::Invoice
                && !options.terms.customers.contains_key(&i.customer)
                && !options.terms.invoices.contains_key(&i.piece)
        });
    if default_terms_used {
        notes.push(
            "no payment terms given for some customers: the statutory 30 days after the invoice date of C. com. L441-10 I apply (give --terms)".to_string(),
        );
    }
    let reads_a = |t: &PaymentTerms| matches!(t, PaymentTerms::DaysEndOfMonth { .. });
    if options
        .terms
        .default
        .iter()
        .chain(options.terms.customers.values())
        .chain(options.terms.invoices.values())
        .any(|t| reads_a(&t.0))
    {
        notes.push("\"N jours fin de mois\" is read as issue date + N days, then the end of that month (method A); write \"fin de mois + N jours\" for the end of the month, then N days (docs/terms.md)".to_string());
    }
    let terms_of = |invoice: &str, customer: &str| -> PaymentTerms {
        options
            .terms
            .invoices
            .get(invoice)
            .or_else(|| options.terms.customers.get(customer))
            .or(options.terms.default.as_ref())
            .map_or_else(|| default_terms(Jurisdiction::Fr), |t| t.0.clone())
    };

    // The documents.
    let mut doc = LedgerDocument::default();
    let table: HashMap<&str, &CustomerRecord> = options
        .customers
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    for (id, name) in &customers {
        let mut record = table
            .get(id.as_str())
            .map_or_else(|| CustomerRecord::new(id.clone()), |c| (*c).clone());
        if record.name.is_none() && !name.trim().is_empty() {
            record.name = Some(name.trim().to_string());
        }
        if record.country.is_none() {
            record.country.clone_from(&options.country);
        }
        doc.customers.push(record);
    }
    // Where each record came from, to name the line in the ledger's errors.
    let mut origin: HashMap<String, usize> = HashMap::new();
    for it in items.iter().filter(|i| i.role == Role::Invoice) {
        origin.insert(format!("invoices[{}]", doc.invoices.len()), it.line);
        doc.invoices.push(InvoiceRecord {
            id: it.id.clone(),
            customer: it.customer.clone(),
            issue_date: it.date,
            due_date: None,
            terms: Some(terms_of(&it.piece, &it.customer)),
            amount: it.amount,
            net_amount: it.net_and_tax.map(|(n, _)| n),
            tax_amount: it.net_and_tax.map(|(_, t)| t),
            currency: it.currency,
        });
    }

    // Lettering: per customer account, customer and code. A transfer between a customer's
    // accounts (411 → 416) joins the code its credit carries on the first account with the one its
    // debit carries on the second: the invoice lettered on 411 is settled by what is lettered on
    // 416 (a loss, a late payment).
    type Key = (String, String, String, Currency);
    let key_of = |it: &Item| -> Key {
        (
            it.account.clone(),
            it.customer.clone(),
            it.lettering.trim().to_string(),
            it.currency,
        )
    };
    let mut parent: BTreeMap<Key, Key> = BTreeMap::new();
    fn root(parent: &BTreeMap<Key, Key>, k: &Key) -> Key {
        let mut k = k.clone();
        // Bounded: each step goes to a key inserted earlier, and there are finitely many.
        for _ in 0..parent.len().saturating_add(1) {
            match parent.get(&k) {
                Some(p) if p != &k => k = p.clone(),
                _ => break,
            }
        }
        k
    }
    let mut transfers: BTreeMap<(usize, String), Vec<Key>> = BTreeMap::new();
    for it in items.iter().filter(|i| i.role == Role::Transfer) {
        if !it.lettering.trim().is_empty() {
            transfers
                .entry((it.entry, it.customer.clone()))
                .or_default()
                .push(key_of(it));
        }
    }
    for keys in transfers.values() {
        if let Some((first, rest)) = keys.split_first() {
            for k in rest {
                let (a, b) = (root(&parent, first), root(&parent, k));
                if a != b {
                    parent.insert(b, a);
                }
            }
        }
    }
    let mut groups: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    for (k, it) in items.iter().enumerate() {
        if !it.lettering.trim().is_empty() && it.role != Role::Transfer {
            groups
                .entry(root(&parent, &key_of(it)))
                .or_default()
                .push(k);
        }
    }
    let mut partial_lettering = Vec::new();
    // Per credit item: its allocations (invoice id, amount, invoice date).
    let mut allocated: HashMap<usize, Vec<(String, Decimal, NaiveDate)>> = HashMap::new();
    for ((account, customer, code, currency), members) in &groups {
        let get = |k: &usize| items.get(*k);
        let mut invoices: Vec<&Item> = members
            .iter()
            .filter_map(get)
            .filter(|i| i.role == Role::Invoice)
            .collect();
        let mut credits: Vec<(usize, &Item)> = members
            .iter()
            .filter_map(|k| Some((*k, get(k)?)))
            .filter(|(_, i)| i.role != Role::Invoice)
            .collect();
        let debit = total(invoices.iter().map(|i| i.amount))?;
        let credit = total(credits.iter().map(|(_, i)| i.amount))?;
        if debit != credit {
            let mut lines: Vec<usize> = members.iter().filter_map(get).map(|i| i.line).collect();
            lines.sort_unstable();
            partial_lettering.push(PartialLettering {
                account: account.clone(),
                customer: customer.clone(),
                code: code.clone(),
                currency: *currency,
                debit,
                credit,
                lines,
            });
        }
        invoices.sort_by_key(|i| (i.date, i.line));
        credits.sort_by_key(|(_, i)| (i.date, i.line));
        let mut left: Vec<Decimal> = invoices.iter().map(|i| i.amount).collect();
        for (k, c) in credits {
            let mut rest = c.amount;
            let mut parts = Vec::new();
            for (inv, l) in invoices.iter().zip(left.iter_mut()) {
                if rest.is_zero() {
                    break;
                }
                // A credit note or a loss cannot settle an invoice issued after it (a payment
                // can: a deposit).
                if c.role != Role::Payment && inv.date > c.date {
                    continue;
                }
                let take = rest.min(*l);
                if take.is_zero() {
                    continue;
                }
                *l = l.saturating_sub(take);
                rest = rest.saturating_sub(take);
                parts.push((inv.id.clone(), take, inv.date));
            }
            if !parts.is_empty() {
                allocated.insert(k, parts);
            }
        }
    }

    let mut unlettered = Vec::new();
    for (k, it) in items.iter().enumerate() {
        let parts = allocated.get(&k);
        match it.role {
            Role::Invoice | Role::Transfer => {}
            Role::Payment => {
                let mut record = PaymentRecord {
                    id: Some(it.id.clone()),
                    customer: Some(it.customer.clone()),
                    date: it.date,
                    amount: it.amount,
                    currency: it.currency,
                    invoice: None,
                    allocations: None,
                    kind: PaymentKind::Payment,
                };
                match parts.map(Vec::as_slice) {
                    None | Some([]) => unlettered.push(Unlettered {
                        line: it.line,
                        kind: "payment".into(),
                        id: it.id.clone(),
                        customer: it.customer.clone(),
                    }),
                    // Paid before the invoice it is lettered with: a deposit, applied on the
                    // invoice's date.
                    Some([(invoice, amount, issued)]) if *amount == it.amount => {
                        record.invoice = Some(invoice.clone());
                        if *issued > it.date {
                            record.kind = PaymentKind::Deposit;
                        }
                    }
                    Some(list) if list.iter().all(|(_, _, issued)| *issued <= it.date) => {
                        record.allocations = Some(
                            list.iter()
                                .map(|(invoice, amount, _)| AllocationRecord {
                                    invoice: invoice.clone(),
                                    amount: *amount,
                                })
                                .collect(),
                        );
                    }
                    Some(_) => unlettered.push(Unlettered {
                        line: it.line,
                        kind: "payment".into(),
                        id: it.id.clone(),
                        customer: it.customer.clone(),
                    }),
                }
                origin.insert(format!("payments[{}]", doc.payments.len()), it.line);
                doc.payments.push(record);
            }
            Role::CreditNote => {
                let mut rest = it.amount;
                let parts: Vec<&(String, Decimal, NaiveDate)> = parts
                    .map(|p| p.iter().filter(|(_, _, d)| *d <= it.date).collect())
                    .unwrap_or_default();
                let several = parts.len() > 1;
                for (n, (invoice, amount, _)) in parts.iter().enumerate() {
                    origin.insert(format!("credit_notes[{}]", doc.credit_notes.len()), it.line);
                    doc.credit_notes.push(CreditNoteRecord {
                        id: Some(if several {
                            ids_credit.take(
                                &format!("{}/{}", it.id, n.saturating_add(1)),
                                "",
                                it.line,
                            )
                        } else {
                            it.id.clone()
                        }),
                        invoice: Some(invoice.clone()),
                        customer: None,
                        date: it.date,
                        amount: *amount,
                        currency: it.currency,
                    });
                    rest = rest.saturating_sub(*amount);
                }
                if !rest.is_zero() {
                    if parts.is_empty() {
                        unlettered.push(Unlettered {
                            line: it.line,
                            kind: "credit_note".into(),
                            id: it.id.clone(),
                            customer: it.customer.clone(),
                        });
                    }
                    origin.insert(format!("credit_notes[{}]", doc.credit_notes.len()), it.line);
                    doc.credit_notes.push(CreditNoteRecord {
                        id: Some(if parts.is_empty() {
                            it.id.clone()
                        } else {
                            ids_credit.take(&format!("{}/rest", it.id), "", it.line)
                        }),
                        invoice: None,
                        customer: Some(it.customer.clone()),
                        date: it.date,
                        amount: rest,
                        currency: it.currency,
                    });
                }
            }
            Role::WriteOff => {
                let list: Vec<&(String, Decimal, NaiveDate)> = parts
                    .map(|p| p.iter().filter(|(_, _, d)| *d <= it.date).collect())
                    .unwrap_or_default();
                let covered = total(list.iter().map(|(_, a, _)| *a))?;
                if list.is_empty() || covered != it.amount {
                    unused.push(UnusedLine {
                        line: it.line,
                        account: it.account.clone(),
                        aux_account: it.aux.clone(),
                        amount: Decimal::ZERO.saturating_sub(it.amount),
                        reason: UnusedReason::WriteOffNotLettered,
                        detail: "a loss on a customer account not lettered with its invoices: which invoice it closes is unknown".to_string(),
                    });
                    continue;
                }
                for (invoice, amount, _) in list {
                    origin.insert(format!("write_offs[{}]", doc.write_offs.len()), it.line);
                    doc.write_offs.push(WriteOffRecord {
                        id: Some(format!("{}-{invoice}", it.id)),
                        invoice: invoice.clone(),
                        date: it.date,
                        amount: Some(*amount),
                        reason: Some("loss booked in the accounts (654/6714)".to_string()),
                    });
                }
            }
        }
    }
    let used = customer_lines.saturating_sub(
        unused
            .iter()
            .filter(|u| starts_with_any(&u.account, &options.customer_accounts))
            .count(),
    );

    doc.disputes.extend(options.disputes.iter().cloned());
    // The ledger must check; its problems name the FEC line they came from.
    let ledger = Ledger::new(doc.clone()).map_err(|e| {
        e.map_paths(|p| {
            let p = p?;
            let key = p.split('.').next().unwrap_or(p);
            Some(match origin.get(key) {
                Some(line) => format!("line {line} ({p})"),
                None => p.to_string(),
            })
        })
    })?;
    let as_of = last_date.max(items.iter().map(|i| i.date).max().unwrap_or(last_date));
    let state = ledger.state_as_of(as_of)?;
    // The customer lines not imported, in the currency their balance counts them in.
    let by_line: HashMap<usize, &FecLine> = lines.iter().map(|l| (l.line, l)).collect();
    let mut not_imported: BTreeMap<(String, Currency), Decimal> = BTreeMap::new();
    for u in &unused {
        let Some(l) = by_line.get(&u.line).filter(|l| is_customer(l)) else {
            continue;
        };
        let (currency, amount) = match (u.reason, currency_of(l)) {
            (UnusedReason::WriteOffNotLettered, Ok((c, _))) => (c, u.amount),
            (UnusedReason::BadCurrency, _) | (_, Err(_)) => {
                (options.currency, l.debit.saturating_sub(l.credit))
            }
            (_, Ok(x)) => x,
        };
        let n = not_imported
            .entry((customer_of(l).0, currency))
            .or_insert(Decimal::ZERO);
        *n = n.saturating_add(amount);
    }
    let ledger_customers: HashMap<&str, &crate::ledger::CustomerState> = state
        .customers
        .iter()
        .map(|c| (c.customer.as_str(), c))
        .collect();
    let mut reconciliation = Vec::new();
    let mut keys: Vec<(String, Currency)> = fec_balance.keys().cloned().collect();
    for c in &state.customers {
        for t in &c.totals {
            keys.push((c.customer.clone(), t.currency));
        }
    }
    keys.sort();
    keys.dedup();
    for (customer, currency) in keys {
        let fec = fec_balance
            .get(&(customer.clone(), currency))
            .copied()
            .unwrap_or(Decimal::new(0, currency.minor_units()));
        let ledger_balance = ledger_customers
            .get(customer.as_str())
            .and_then(|c| c.totals.iter().find(|t| t.currency == currency))
            .map_or(Decimal::new(0, currency.minor_units()), |t| t.balance);
        let left_out = not_imported
            .get(&(customer.clone(), currency))
            .copied()
            .unwrap_or(Decimal::new(0, currency.minor_units()));
        reconciliation.push(Reconciliation {
            customer,
            currency,
            fec_balance: fec,
            ledger_balance,
            not_imported: left_out,
            difference: fec.saturating_sub(ledger_balance).saturating_sub(left_out),
        });
    }
    let reconciled = reconciliation.iter().all(|r| r.difference.is_zero());
    unused.sort_by_key(|u| u.line);
    Ok(FecImport {
        ledger: doc,
        first_date,
        last_date,
        lines: lines.len(),
        customer_lines,
        used,
        unused,
        other_accounts: other.into_values().collect(),
        unlettered,
        partial_lettering,
        reconciliation,
        reconciled,
        notes,
    })
}
