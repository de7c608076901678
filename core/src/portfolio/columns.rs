//! A ledger as columns (struct of arrays), the layout of Arrow tables: dates as days since
//! 1970-01-01 (`Date32`), amounts as integer minor units of their currency (`Int64`, or
//! `Decimal128` with the currency's scale), customers and invoices as dense indices, strings as
//! one byte buffer with offsets (`Utf8`).
//!
//! A [`Book`] holds what the batch engine supports: customers (country, kind of debtor), invoices
//! with a due date (no terms that split them), payments (naming an invoice or not) and credit notes
//! naming an invoice. A ledger with anything else (payment terms, deposits, explicit allocations,
//! write-offs, disputes, credit notes on account) is not a book: [`Book::from_document`] says which
//! feature, and the caller uses the per-invoice engine.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::error::{err, Result};
use crate::ledger::{DebtorStatus, LedgerDocument, PaymentKind};
use crate::money::Currency;

/// No index (a payment naming no invoice).
pub const NONE: u32 = u32::MAX;

/// Days since 1970-01-01 (Arrow `Date32`).
pub fn day_number(d: NaiveDate) -> i32 {
    d.num_days_from_ce().saturating_sub(719_163)
}

/// The date of a day number.
pub fn date_of(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day.checked_add(719_163)?)
}

/// The proleptic Gregorian (year, month, day) of a day number, in integer arithmetic (H. Hinnant,
/// "chrono-Compatible Low-Level Date Algorithms", `civil_from_days`): what the hot loops need
/// without building a `NaiveDate`.
///
/// ```
/// use arrears::portfolio::columns::{civil, day_number};
/// let d = chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
/// assert_eq!(civil(day_number(d)), (2024, 2, 29));
/// assert_eq!(civil(0), (1970, 1, 1));
/// ```
// Every intermediate is within ±2^40 for any i32 day: no overflow in i64.
#[allow(clippy::arithmetic_side_effects)]
pub fn civil(day: i32) -> (i32, u32, u32) {
    let z = i64::from(day) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        i32::try_from(y).unwrap_or(i32::MAX),
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}

/// The day number of a proleptic Gregorian date (month 1 to 12, day 1 to 31; not checked), the
/// inverse of [`civil`] (Hinnant's `days_from_civil`).
///
/// ```
/// use arrears::portfolio::columns::{civil_day, day_number};
/// let d = chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
/// assert_eq!(civil_day(2026, 7, 1), i64::from(day_number(d)));
/// ```
// Every intermediate is within ±2^45 for years within ±2^31: no overflow in i64.
#[allow(clippy::arithmetic_side_effects)]
pub fn civil_day(year: i32, month: u32, day: u32) -> i64 {
    let (m, d) = (i64::from(month), i64::from(day));
    let y = i64::from(year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Strings in one buffer, Arrow's `Utf8` layout: string `i` is `bytes[offsets[i]..offsets[i+1]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strings {
    offsets: Vec<u32>,
    bytes: Vec<u8>,
}

impl Default for Strings {
    fn default() -> Self {
        Strings {
            offsets: vec![0],
            bytes: Vec::new(),
        }
    }
}

impl Strings {
    /// Room for `n` strings of about `avg` bytes.
    pub fn with_capacity(n: usize, avg: usize) -> Strings {
        let mut offsets = Vec::with_capacity(n.saturating_add(1));
        offsets.push(0);
        Strings {
            offsets,
            bytes: Vec::with_capacity(n.saturating_mul(avg)),
        }
    }

    /// Appends a string.
    ///
    /// # Errors
    /// `input.invalid_value` past 4 GiB of text.
    pub fn push(&mut self, s: &str) -> Result<()> {
        self.bytes.extend_from_slice(s.as_bytes());
        let end = u32::try_from(self.bytes.len())
            .map_err(|_| err!(InvalidValue, "more than 4 GiB of identifiers"))?;
        self.offsets.push(end);
        Ok(())
    }

    /// Removes the last string.
    pub fn pop(&mut self) {
        if self.offsets.len() > 1 {
            self.offsets.pop();
            let end = self.offsets.last().copied().unwrap_or(0) as usize;
            self.bytes.truncate(end);
        }
    }

    /// The number of strings.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// No strings.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// String `i` (empty when out of range).
    pub fn get(&self, i: usize) -> &str {
        let (Some(a), Some(b)) = (self.offsets.get(i), self.offsets.get(i.saturating_add(1)))
        else {
            return "";
        };
        self.bytes
            .get(*a as usize..*b as usize)
            .and_then(|s| std::str::from_utf8(s).ok())
            .unwrap_or("")
    }

    /// String `i` as bytes (they compare as the strings do: UTF-8 keeps the order of code
    /// points).
    pub fn get_bytes(&self, i: usize) -> &[u8] {
        let (Some(a), Some(b)) = (self.offsets.get(i), self.offsets.get(i.saturating_add(1)))
        else {
            return &[];
        };
        self.bytes.get(*a as usize..*b as usize).unwrap_or(&[])
    }

    /// The offsets buffer (`len() + 1` entries).
    pub fn offsets(&self) -> &[u32] {
        &self.offsets
    }

    /// The bytes buffer.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// A hash index over a [`Strings`] column: the position of a string, found without a second copy
/// of long strings. Each slot keeps the first bytes of its key inline (keys up to 19 bytes, most
/// invoice numbers, compare without touching the column), so that a probe costs one or two cache
/// misses rather than four; longer keys compare against the column's bytes.
///
/// ```
/// use arrears::portfolio::columns::{StringIndex, Strings};
///
/// let mut ids = Strings::default();
/// let mut index = StringIndex::with_capacity(2);
/// for id in ["F-001", "F-002", "F-001"] {
///     ids.push(id)?;
///     let row = u32::try_from(ids.len() - 1).unwrap();
///     if let Some(first) = index.insert(&ids, row) {
///         assert_eq!((id, first), ("F-001", 0)); // a duplicate: the first one is kept
///     }
/// }
/// assert_eq!(index.find(&ids, b"F-002"), Some(1));
/// assert_eq!(index.find(&ids, b"F-003"), None);
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct StringIndex {
    table: hashbrown::HashTable<Slot>,
    hasher: hashbrown::DefaultHashBuilder,
}

/// Bytes of a key kept in its slot.
const INLINE: usize = 19;

/// A slot: the key's first [`INLINE`] bytes (zero-padded) and its length (saturated at 255), and
/// its position in the column.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Slot {
    head: [u8; INLINE + 1],
    index: u32,
}

impl Slot {
    fn head_of(key: &[u8]) -> [u8; INLINE + 1] {
        let mut head = [0u8; INLINE + 1];
        let n = key.len().min(INLINE);
        if let (Some(dst), Some(src)) = (head.get_mut(..n), key.get(..n)) {
            dst.copy_from_slice(src);
        }
        if let Some(last) = head.last_mut() {
            *last = u8::try_from(key.len()).unwrap_or(u8::MAX);
        }
        head
    }

    /// Whether the slot holds `key` (whose head is `head`).
    fn holds(&self, head: &[u8; INLINE + 1], key: &[u8], strings: &Strings) -> bool {
        self.head == *head && (key.len() <= INLINE || strings.get_bytes(self.index as usize) == key)
    }
}

impl std::fmt::Debug for StringIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StringIndex")
            .field("len", &self.table.len())
            .finish()
    }
}

impl StringIndex {
    /// Room for `n` strings.
    pub fn with_capacity(n: usize) -> StringIndex {
        StringIndex {
            table: hashbrown::HashTable::with_capacity(n),
            hasher: hashbrown::DefaultHashBuilder::default(),
        }
    }

    fn hash(&self, key: &[u8]) -> u64 {
        use std::hash::BuildHasher;
        self.hasher.hash_one(key)
    }

    /// The position in `strings` of `key`, if indexed.
    pub fn find(&self, strings: &Strings, key: &[u8]) -> Option<u32> {
        let head = Slot::head_of(key);
        self.table
            .find(self.hash(key), |slot| slot.holds(&head, key, strings))
            .map(|slot| slot.index)
    }

    /// Indexes string `i` of `strings`; when an equal string is indexed already, keeps it and
    /// returns its position.
    pub fn insert(&mut self, strings: &Strings, i: u32) -> Option<u32> {
        let key = strings.get_bytes(i as usize);
        let head = Slot::head_of(key);
        let hash = self.hash(key);
        if let Some(slot) = self
            .table
            .find(hash, |slot| slot.holds(&head, key, strings))
        {
            return Some(slot.index);
        }
        let hasher = &self.hasher;
        self.table
            .insert_unique(hash, Slot { head, index: i }, |slot| {
                use std::hash::BuildHasher;
                hasher.hash_one(strings.get_bytes(slot.index as usize))
            });
        None
    }

    /// Forgets string `i` of `strings` (when indexed as itself).
    pub fn remove(&mut self, strings: &Strings, i: u32) {
        let key = strings.get_bytes(i as usize);
        let head = Slot::head_of(key);
        if let Ok(entry) = self
            .table
            .find_entry(self.hash(key), |slot| slot.index == i && slot.head == head)
        {
            entry.remove();
        }
    }

    /// The number of strings indexed.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// No strings indexed.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
}

/// A ledger as columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Book {
    /// The currencies, referred to by index.
    pub currencies: Vec<Currency>,
    /// Customer ids.
    pub customer_id: Strings,
    /// Customer country (ISO 3166-1 alpha-2, upper case), `[0, 0]` when unknown.
    pub customer_country: Vec<[u8; 2]>,
    /// Kind of debtor.
    pub customer_debtor: Vec<DebtorStatus>,
    /// Invoice ids.
    pub invoice_id: Strings,
    /// Customer index of each invoice.
    pub invoice_customer: Vec<u32>,
    /// Issue day.
    pub invoice_issue: Vec<i32>,
    /// Due day.
    pub invoice_due: Vec<i32>,
    /// Amount, in minor units of the invoice's currency.
    pub invoice_amount: Vec<i64>,
    /// Currency index.
    pub invoice_currency: Vec<u8>,
    /// Payment ids (empty when none).
    pub payment_id: Strings,
    /// The invoice a payment names, or [`NONE`].
    pub payment_invoice: Vec<u32>,
    /// The paying customer.
    pub payment_customer: Vec<u32>,
    /// Whether the payment names its customer (else it is the invoice's): the ledger's order of
    /// a day's payments depends on it.
    pub payment_customer_explicit: Vec<bool>,
    /// Value day.
    pub payment_day: Vec<i32>,
    /// Amount, in minor units.
    pub payment_amount: Vec<i64>,
    /// Currency index.
    pub payment_currency: Vec<u8>,
    /// The invoice a credit note corrects.
    pub credit_invoice: Vec<u32>,
    /// Credit-note ids (empty when none).
    pub credit_id: Strings,
    /// Day of the credit note.
    pub credit_day: Vec<i32>,
    /// Amount, in minor units.
    pub credit_amount: Vec<i64>,
}

/// Amount in minor units, when exact.
pub fn minor_units(amount: Decimal, currency: Currency) -> Option<i64> {
    let units = currency.minor_units();
    if amount.scale() > units {
        let mut r = amount;
        r.rescale(units);
        if r != amount {
            return None;
        }
    }
    let mut m = amount;
    m.rescale(units);
    i64::try_from(m.mantissa()).ok()
}

impl Book {
    /// The index of a currency, adding it.
    pub(crate) fn currency_index(&mut self, c: Currency) -> Result<u8> {
        match self.currencies.iter().position(|x| *x == c) {
            Some(i) => u8::try_from(i).map_err(|_| err!(InvalidValue, "too many currencies")),
            None => {
                self.currencies.push(c);
                u8::try_from(self.currencies.len().saturating_sub(1))
                    .map_err(|_| err!(InvalidValue, "more than 255 currencies"))
            }
        }
    }

    /// The currency of an index.
    pub fn currency(&self, i: u8) -> Currency {
        self.currencies
            .get(usize::from(i))
            .copied()
            .unwrap_or(Currency::EUR)
    }

    /// Number of invoices.
    pub fn invoices(&self) -> usize {
        self.invoice_amount.len()
    }

    /// The ledger document of the book (the inverse of [`Book::from_document`] on what a book
    /// holds), for the commands and engines that work on documents: a table read into columns
    /// (Parquet, Arrow) can then be checked by [`crate::ledger::Ledger::new`] and reported on
    /// like any ledger. A business debtor is written as no `debtor` (the default).
    ///
    /// # Errors
    /// `date.out_of_range` for a day beyond the calendar.
    ///
    /// ```
    /// use arrears::portfolio::columns::Book;
    /// use arrears::prelude::*;
    /// let doc = LedgerDocument::default()
    ///     .with_customer(CustomerRecord::new("C1").with_country("FR"))
    ///     .with_invoice(InvoiceRecord::new("F1", "C1", ymd(2024, 1, 1)?, Money::parse("1000.00", "EUR")?)
    ///         .due_on(ymd(2024, 1, 31)?));
    /// let back = Book::from_document(&doc)?.to_document()?;
    /// assert_eq!(back, doc);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn to_document(&self) -> Result<LedgerDocument> {
        let date =
            |d: i32| date_of(d).ok_or_else(|| err!(DateOutOfRange, "day {d} is out of range"));
        let money = |v: i64, c: Currency| Decimal::new(v, c.minor_units());
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let mut doc = LedgerDocument::default();
        for c in 0..self.customer_country.len() {
            let mut record = crate::ledger::CustomerRecord::new(self.customer_id.get(c));
            record.country = self
                .customer_country
                .get(c)
                .filter(|b| b[0] != 0)
                .map(|b| String::from_utf8_lossy(b).into_owned());
            record.debtor = self
                .customer_debtor
                .get(c)
                .copied()
                .filter(|d| *d != DebtorStatus::Business);
            doc.customers.push(record);
        }
        let customer = |i: u32| self.customer_id.get(i as usize).to_string();
        for i in 0..self.invoices() {
            let currency = self.currency(self.invoice_currency.get(i).copied().unwrap_or(0));
            doc.invoices.push(crate::ledger::InvoiceRecord {
                id: self.invoice_id.get(i).to_string(),
                customer: customer(self.invoice_customer.get(i).copied().unwrap_or(0)),
                issue_date: date(self.invoice_issue.get(i).copied().unwrap_or(0))?,
                due_date: Some(date(self.invoice_due.get(i).copied().unwrap_or(0))?),
                terms: None,
                amount: money(self.invoice_amount.get(i).copied().unwrap_or(0), currency),
                net_amount: None,
                tax_amount: None,
                currency,
            });
        }
        for k in 0..self.payment_amount.len() {
            let currency = self.currency(self.payment_currency.get(k).copied().unwrap_or(0));
            let invoice = self.payment_invoice.get(k).copied().unwrap_or(NONE);
            let explicit = self
                .payment_customer_explicit
                .get(k)
                .copied()
                .unwrap_or(true);
            doc.payments.push(crate::ledger::PaymentRecord {
                id: text(self.payment_id.get(k)),
                customer: explicit
                    .then(|| customer(self.payment_customer.get(k).copied().unwrap_or(0))),
                date: date(self.payment_day.get(k).copied().unwrap_or(0))?,
                amount: money(self.payment_amount.get(k).copied().unwrap_or(0), currency),
                currency,
                invoice: (invoice != NONE)
                    .then(|| self.invoice_id.get(invoice as usize).to_string()),
                allocations: None,
                kind: PaymentKind::Payment,
            });
        }
        for k in 0..self.credit_amount.len() {
            let invoice = self.credit_invoice.get(k).copied().unwrap_or(0) as usize;
            let currency = self.currency(self.invoice_currency.get(invoice).copied().unwrap_or(0));
            doc.credit_notes.push(crate::ledger::CreditNoteRecord {
                id: text(self.credit_id.get(k)),
                invoice: Some(self.invoice_id.get(invoice).to_string()),
                customer: None,
                date: date(self.credit_day.get(k).copied().unwrap_or(0))?,
                amount: money(self.credit_amount.get(k).copied().unwrap_or(0), currency),
                currency,
            });
        }
        Ok(doc)
    }

    /// The columns of a ledger document, or `Err` naming the first feature the batch engine does
    /// not support (the caller then uses the per-invoice engine). The document is not checked
    /// here: [`crate::ledger::Ledger::new`] has done that.
    ///
    /// # Errors
    /// `input.invalid_value` naming an unsupported feature.
    pub fn from_document(doc: &LedgerDocument) -> Result<Book> {
        let unsupported =
            |what: &str| err!(InvalidValue, "not supported by the batch engine: {what}");
        if !doc.write_offs.is_empty() {
            return Err(unsupported("write-offs"));
        }
        if !doc.disputes.is_empty() {
            return Err(unsupported("disputes"));
        }
        let mut book = Book::default();
        let mut customer_of: std::collections::HashMap<&str, u32> =
            std::collections::HashMap::with_capacity(doc.customers.len());
        let add_customer = |book: &mut Book, id: &str, country: Option<&str>, debtor| {
            let i = u32::try_from(book.customer_country.len())
                .map_err(|_| err!(InvalidValue, "too many customers"))?;
            book.customer_id.push(id)?;
            let code = country
                .map(|c| {
                    let b = c.trim().to_ascii_uppercase().into_bytes();
                    [
                        b.first().copied().unwrap_or(0),
                        b.get(1).copied().unwrap_or(0),
                    ]
                })
                .unwrap_or([0, 0]);
            book.customer_country.push(code);
            book.customer_debtor.push(debtor);
            Ok::<u32, crate::Error>(i)
        };
        for c in &doc.customers {
            if c.country.as_ref().is_some_and(|x| x.trim().len() != 2) {
                return Err(unsupported("a country code that is not two letters"));
            }
            let i = add_customer(&mut book, &c.id, c.country.as_deref(), c.debtor_status())?;
            customer_of.insert(c.id.as_str(), i);
        }
        let mut invoice_of: std::collections::HashMap<&str, u32> =
            std::collections::HashMap::with_capacity(doc.invoices.len());
        for inv in &doc.invoices {
            let Some(due) = inv.due_date else {
                return Err(unsupported(
                    "invoices with payment terms instead of a due date",
                ));
            };
            let customer = match customer_of.get(inv.customer.as_str()) {
                Some(i) => *i,
                None => {
                    let i = add_customer(&mut book, &inv.customer, None, DebtorStatus::Business)?;
                    customer_of.insert(inv.customer.as_str(), i);
                    i
                }
            };
            let amount = minor_units(inv.amount, inv.currency)
                .ok_or_else(|| unsupported("an amount beyond the currency's minor units"))?;
            let currency = book.currency_index(inv.currency)?;
            let index = u32::try_from(book.invoice_amount.len())
                .map_err(|_| err!(InvalidValue, "too many invoices"))?;
            invoice_of.insert(inv.id.as_str(), index);
            book.invoice_id.push(&inv.id)?;
            book.invoice_customer.push(customer);
            book.invoice_issue.push(day_number(inv.issue_date));
            book.invoice_due.push(day_number(due));
            book.invoice_amount.push(amount);
            book.invoice_currency.push(currency);
        }
        for p in &doc.payments {
            if p.allocations.is_some() {
                return Err(unsupported("payments with explicit allocations"));
            }
            if p.kind == PaymentKind::Deposit {
                return Err(unsupported("deposits"));
            }
            let invoice = match &p.invoice {
                Some(id) => *invoice_of
                    .get(id.as_str())
                    .ok_or_else(|| unsupported("a payment naming an unknown invoice"))?,
                None => NONE,
            };
            let customer = match (&p.customer, invoice) {
                (Some(c), _) => *customer_of
                    .get(c.as_str())
                    .ok_or_else(|| unsupported("a payment from an unknown customer"))?,
                (None, i) if i != NONE => book
                    .invoice_customer
                    .get(i as usize)
                    .copied()
                    .unwrap_or(NONE),
                _ => return Err(unsupported("a payment naming neither customer nor invoice")),
            };
            let amount = minor_units(p.amount, p.currency)
                .ok_or_else(|| unsupported("an amount beyond the currency's minor units"))?;
            let currency = book.currency_index(p.currency)?;
            book.payment_id.push(p.id.as_deref().unwrap_or(""))?;
            book.payment_invoice.push(invoice);
            book.payment_customer.push(customer);
            book.payment_customer_explicit.push(p.customer.is_some());
            book.payment_day.push(day_number(p.date));
            book.payment_amount.push(amount);
            book.payment_currency.push(currency);
        }
        for n in &doc.credit_notes {
            let Some(id) = &n.invoice else {
                return Err(unsupported("credit notes on account"));
            };
            let invoice = *invoice_of
                .get(id.as_str())
                .ok_or_else(|| unsupported("a credit note naming an unknown invoice"))?;
            let amount = minor_units(n.amount, n.currency)
                .ok_or_else(|| unsupported("an amount beyond the currency's minor units"))?;
            book.credit_invoice.push(invoice);
            book.credit_id.push(n.id.as_deref().unwrap_or(""))?;
            book.credit_day.push(day_number(n.date));
            book.credit_amount.push(amount);
        }
        Ok(book)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_tells_long_and_short_keys_apart() {
        // Keys that share their first 19 bytes, keys that differ only in length, empty keys.
        let keys = [
            "",
            "A",
            "A\0",
            "INV-0000000000000000001",
            "INV-0000000000000000002",
            "INV-000000000000000",
            "INV-0000000000000000",
            "é",
        ];
        let mut ids = Strings::default();
        let mut index = StringIndex::with_capacity(1);
        for (i, k) in keys.iter().enumerate() {
            ids.push(k).unwrap();
            assert_eq!(index.insert(&ids, u32::try_from(i).unwrap()), None, "{k:?}");
        }
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(
                index.find(&ids, k.as_bytes()),
                Some(u32::try_from(i).unwrap())
            );
        }
        assert_eq!(index.find(&ids, b"INV-0000000000000000003"), None);
        ids.push("INV-0000000000000000002").unwrap();
        assert_eq!(index.insert(&ids, 8), Some(4));
        assert_eq!(index.len(), 8);
        // Removing the string indexed as itself; popping it from the column.
        index.remove(&ids, 4);
        assert_eq!(index.find(&ids, b"INV-0000000000000000002"), None);
        ids.pop();
        assert_eq!((ids.len(), ids.get(7)), (8, "é"));
    }

    #[test]
    fn civil_dates_are_chrono_dates() {
        // Every day from 1600 to 2400 (leap centuries included), and the ends of the range.
        let from = day_number(NaiveDate::from_ymd_opt(1600, 1, 1).unwrap());
        let to = day_number(NaiveDate::from_ymd_opt(2400, 12, 31).unwrap());
        for day in (from..=to).chain([-719_162, 2_932_896]) {
            let d = date_of(day).unwrap();
            assert_eq!(civil(day), (d.year(), d.month(), d.day()), "{d}");
            assert_eq!(
                civil_day(d.year(), d.month(), d.day()),
                i64::from(day),
                "{d}"
            );
        }
    }

    #[test]
    fn day_numbers_are_arrow_date32() {
        let d = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        assert_eq!(day_number(d), 0);
        let d = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        assert_eq!(day_number(d), 20_634);
        assert_eq!(date_of(20_634), Some(d));
    }

    #[test]
    fn minor_units_are_exact_or_refused() {
        let eur = Currency::EUR;
        assert_eq!(minor_units(Decimal::new(12345, 2), eur), Some(12345));
        assert_eq!(minor_units(Decimal::new(12, 0), eur), Some(1200));
        assert_eq!(minor_units(Decimal::new(123400, 4), eur), Some(1234));
        assert_eq!(minor_units(Decimal::new(12345, 3), eur), None);
    }

    #[test]
    fn strings_keep_arrow_offsets() {
        let mut s = Strings::default();
        s.push("F1").unwrap();
        s.push("").unwrap();
        s.push("Facture é").unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!((s.get(0), s.get(1), s.get(2)), ("F1", "", "Facture é"));
        assert_eq!(s.offsets(), &[0, 2, 2, 12]);
    }
}
