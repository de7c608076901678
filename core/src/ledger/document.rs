//! The ledger document: what a user's invoicing tool exports, as serde types.
//!
//! ```json
//! {
//!   "customers": [{"id": "C1", "name": "Studio Nord", "sector": "services"}],
//!   "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2025-01-10",
//!                 "due_date": "2025-02-09", "amount": "1200.00", "currency": "EUR"}],
//!   "payments": [{"id": "P1", "customer": "C1", "date": "2025-02-20", "amount": "200.00",
//!                 "currency": "EUR", "invoice": "F1"}],
//!   "credit_notes": [], "write_offs": [], "disputes": []
//! }
//! ```
//!
//! Amounts are decimal strings, dates `YYYY-MM-DD`. Every list but `invoices` may be omitted.
//! `docs/ledger.md` describes every field.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::date::serde_date;
use crate::money::{decimal_string, Currency, Money};
use crate::terms::PaymentTerms;

/// A whole ledger: customers, invoices and the dated events that settle them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LedgerDocument {
    /// Customers (optional). When the list is not empty, every invoice must name one of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub customers: Vec<CustomerRecord>,
    /// Invoices (factures).
    pub invoices: Vec<InvoiceRecord>,
    /// Payments received (règlements), including deposits (acomptes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payments: Vec<PaymentRecord>,
    /// Credit notes (avoirs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credit_notes: Vec<CreditNoteRecord>,
    /// Write-offs of irrecoverable amounts (passages en perte).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub write_offs: Vec<WriteOffRecord>,
    /// Disputes (litiges) on invoices.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disputes: Vec<DisputeRecord>,
}

impl LedgerDocument {
    /// Gives every customer the defaults where its record says nothing: the country (which
    /// chooses the interest regime, the limitation period and the calendar) and the kind of
    /// debtor. Every customer an invoice, payment or credit note names gets a record, so a ledger
    /// exported without a customer list (a spreadsheet of invoices) can still say that all its
    /// customers are French businesses. Values already given are kept. Does nothing when both
    /// defaults are `None`.
    ///
    /// ```
    /// use arrears::ledger::{CustomerDefaults, DebtorStatus, LedgerDocument};
    /// let mut doc: LedgerDocument = serde_json::from_value(serde_json::json!({
    ///   "customers": [{"id": "C2", "country": "DE"}],
    ///   "invoices": [
    ///     {"id": "F1", "customer": "C1", "issue_date": "2026-01-05", "due_date": "2026-02-04",
    ///      "amount": "1440.00", "currency": "EUR"},
    ///     {"id": "F2", "customer": "C2", "issue_date": "2026-01-05", "due_date": "2026-02-04",
    ///      "amount": "100.00", "currency": "EUR"}]})).unwrap();
    /// doc.apply_customer_defaults(&CustomerDefaults { country: Some("fr".into()), debtor: None });
    /// assert_eq!(doc.customers.len(), 2);
    /// let c1 = doc.customers.iter().find(|c| c.id == "C1").unwrap();
    /// assert_eq!(c1.country.as_deref(), Some("FR"));
    /// let c2 = doc.customers.iter().find(|c| c.id == "C2").unwrap();
    /// assert_eq!(c2.country.as_deref(), Some("DE")); // its own country is kept
    /// assert_eq!(c2.debtor_status(), DebtorStatus::Business);
    /// ```
    pub fn apply_customer_defaults(&mut self, defaults: &CustomerDefaults) {
        if defaults.country.is_none() && defaults.debtor.is_none() {
            return;
        }
        let mut known: std::collections::HashSet<String> =
            self.customers.iter().map(|c| c.id.clone()).collect();
        let named = self
            .invoices
            .iter()
            .map(|i| &i.customer)
            .chain(self.payments.iter().filter_map(|p| p.customer.as_ref()))
            .chain(self.credit_notes.iter().filter_map(|c| c.customer.as_ref()));
        let mut missing: Vec<String> = Vec::new();
        for id in named {
            if known.insert(id.clone()) {
                missing.push(id.clone());
            }
        }
        self.customers
            .extend(missing.into_iter().map(CustomerRecord::new));
        for c in &mut self.customers {
            if c.country.is_none() {
                c.country = defaults
                    .country
                    .as_ref()
                    .map(|s| s.trim().to_ascii_uppercase());
            }
            if c.debtor.is_none() {
                c.debtor = defaults.debtor;
            }
        }
    }
}

impl LedgerDocument {
    /// Adds a customer (chainable).
    #[must_use]
    pub fn with_customer(mut self, customer: CustomerRecord) -> Self {
        self.customers.push(customer);
        self
    }

    /// Adds an invoice (chainable).
    #[must_use]
    pub fn with_invoice(mut self, invoice: InvoiceRecord) -> Self {
        self.invoices.push(invoice);
        self
    }

    /// Adds a payment (chainable).
    #[must_use]
    pub fn with_payment(mut self, payment: PaymentRecord) -> Self {
        self.payments.push(payment);
        self
    }

    /// Adds a credit note (chainable).
    #[must_use]
    pub fn with_credit_note(mut self, credit_note: CreditNoteRecord) -> Self {
        self.credit_notes.push(credit_note);
        self
    }
}

impl InvoiceRecord {
    /// An invoice with its amount (tax included) and currency; give its due date with
    /// [`due_on`](Self::due_on) or its terms with [`with_terms`](Self::with_terms).
    ///
    /// ```
    /// use arrears::prelude::*;
    /// let inv = InvoiceRecord::new("F1", "C1", ymd(2026, 1, 5)?, Money::parse("1440.00", "EUR")?)
    ///     .due_on(ymd(2026, 2, 4)?);
    /// assert_eq!(inv.due_date, Some(ymd(2026, 2, 4)?));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        customer: impl Into<String>,
        issue_date: NaiveDate,
        amount: Money,
    ) -> Self {
        InvoiceRecord {
            id: id.into(),
            customer: customer.into(),
            issue_date,
            due_date: None,
            terms: None,
            amount: amount.amount(),
            net_amount: None,
            tax_amount: None,
            currency: amount.currency(),
        }
    }

    /// Sets the due date printed on the invoice.
    #[must_use]
    pub fn due_on(mut self, due_date: NaiveDate) -> Self {
        self.due_date = Some(due_date);
        self
    }

    /// Sets the payment terms (used when there is no due date).
    #[must_use]
    pub fn with_terms(mut self, terms: PaymentTerms) -> Self {
        self.terms = Some(terms);
        self
    }

    /// Sets the amount before tax and the tax, which must add up to the amount.
    #[must_use]
    pub fn with_tax(mut self, net_amount: Decimal, tax_amount: Decimal) -> Self {
        self.net_amount = Some(net_amount);
        self.tax_amount = Some(tax_amount);
        self
    }
}

impl PaymentRecord {
    /// A payment received on `date`; say whose with [`from_customer`](Self::from_customer) and
    /// what it pays with [`for_invoice`](Self::for_invoice) (else it goes to the oldest open
    /// invoices of the customer).
    ///
    /// ```
    /// use arrears::prelude::*;
    /// let p = PaymentRecord::new(ymd(2026, 3, 20)?, Money::parse("864.00", "EUR")?)
    ///     .from_customer("MARTIN")
    ///     .for_invoice("F2026-002");
    /// assert_eq!(p.invoice.as_deref(), Some("F2026-002"));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn new(date: NaiveDate, amount: Money) -> Self {
        PaymentRecord {
            id: None,
            customer: None,
            date,
            amount: amount.amount(),
            currency: amount.currency(),
            invoice: None,
            allocations: None,
            kind: PaymentKind::Payment,
        }
    }

    /// Sets the paying customer.
    #[must_use]
    pub fn from_customer(mut self, customer: impl Into<String>) -> Self {
        self.customer = Some(customer.into());
        self
    }

    /// Sets the invoice the payment is for.
    #[must_use]
    pub fn for_invoice(mut self, invoice: impl Into<String>) -> Self {
        self.invoice = Some(invoice.into());
        self
    }

    /// Sets the payment's identifier (bank reference).
    #[must_use]
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Marks the payment as a deposit (acompte) paid before its invoice.
    #[must_use]
    pub fn as_deposit(mut self) -> Self {
        self.kind = PaymentKind::Deposit;
        self
    }
}

impl CreditNoteRecord {
    /// A credit note of `amount` on `date`; name the invoice it corrects with
    /// [`for_invoice`](Self::for_invoice), or the customer whose account it credits with
    /// [`for_customer`](Self::for_customer).
    pub fn new(date: NaiveDate, amount: Money) -> Self {
        CreditNoteRecord {
            id: None,
            invoice: None,
            customer: None,
            date,
            amount: amount.amount(),
            currency: amount.currency(),
        }
    }

    /// Sets the invoice corrected.
    #[must_use]
    pub fn for_invoice(mut self, invoice: impl Into<String>) -> Self {
        self.invoice = Some(invoice.into());
        self
    }

    /// Sets the customer credited.
    #[must_use]
    pub fn for_customer(mut self, customer: impl Into<String>) -> Self {
        self.customer = Some(customer.into());
        self
    }
}

/// Defaults for customers whose record does not say (see
/// [`LedgerDocument::apply_customer_defaults`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomerDefaults {
    /// ISO 3166-1 alpha-2 country for customers without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Kind of debtor for customers without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debtor: Option<DebtorStatus>,
}

/// A customer (débiteur).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomerRecord {
    /// Identifier used by invoices and payments.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Free-form segment used by policies and reports (e.g. `key_account`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// Sector (e.g. `construction`, `services`, `commerce`, `industry`, `telecoms`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// ISO 3166-1 alpha-2 country code (chooses the interest regime and limitation period).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Postal address, one line per element (letters and formal notices need it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub address: Vec<String>,
    /// Email address for reminders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Who the debtor is: `business` (the default when absent), `consumer` or `public_body`. It
    /// chooses the statutory regime ([`crate::interest::ledger::choose_regime`]) and the
    /// limitation period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debtor: Option<DebtorStatus>,
}

impl CustomerRecord {
    /// A customer known only by its identifier; the other fields are empty.
    ///
    /// ```
    /// use arrears::ledger::{CustomerRecord, DebtorStatus};
    /// let c = CustomerRecord::new("C1").with_name("Studio Nord").with_country("FR");
    /// assert_eq!(c.country.as_deref(), Some("FR"));
    /// assert_eq!(c.debtor_status(), DebtorStatus::Business);
    /// ```
    pub fn new(id: impl Into<String>) -> Self {
        CustomerRecord {
            id: id.into(),
            name: None,
            segment: None,
            sector: None,
            country: None,
            address: Vec::new(),
            email: None,
            debtor: None,
        }
    }

    /// Sets the display name.
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the country (ISO 3166-1 alpha-2, upper-cased).
    #[must_use]
    pub fn with_country(mut self, country: impl AsRef<str>) -> Self {
        self.country = Some(country.as_ref().trim().to_ascii_uppercase());
        self
    }

    /// Sets the kind of debtor.
    #[must_use]
    pub fn with_debtor(mut self, debtor: DebtorStatus) -> Self {
        self.debtor = Some(debtor);
        self
    }

    /// Sets the postal address, one line per element.
    #[must_use]
    pub fn with_address<S: Into<String>>(mut self, lines: impl IntoIterator<Item = S>) -> Self {
        self.address = lines.into_iter().map(Into::into).collect();
        self
    }

    /// The kind of debtor, `business` when the record does not say.
    pub fn debtor_status(&self) -> DebtorStatus {
        self.debtor.unwrap_or_default()
    }
}

/// Who the debtor is. It decides which statute applies to a late payment: the rules on late
/// payment in commercial transactions (C. com. L441-10, § 288 (2) BGB, the UK Late Payment Act
/// 1998, directive 2011/7/EU) cover businesses and public authorities, not consumers; French
/// public buyers follow the public-procurement code (R2192-31, D2192-35); and the limitation
/// period differs (two years against French consumers, C. consom. L218-2).
#[non_exhaustive]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DebtorStatus {
    /// A business (trader, professional): the default.
    #[default]
    Business,
    /// A consumer (a natural person acting outside a trade).
    Consumer,
    /// A public body (State, local authority, public establishment) buying under public
    /// procurement rules.
    PublicBody,
}

impl DebtorStatus {
    /// The document name: `"business"`, `"consumer"` or `"public_body"`.
    ///
    /// ```
    /// assert_eq!(arrears::ledger::DebtorStatus::PublicBody.as_str(), "public_body");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            DebtorStatus::Business => "business",
            DebtorStatus::Consumer => "consumer",
            DebtorStatus::PublicBody => "public_body",
        }
    }
}

impl std::str::FromStr for DebtorStatus {
    type Err = crate::Error;

    /// ```
    /// use arrears::ledger::DebtorStatus;
    /// assert_eq!("consumer".parse::<DebtorStatus>()?, DebtorStatus::Consumer);
    /// assert_eq!("nope".parse::<DebtorStatus>().unwrap_err().code().as_str(), "input.invalid_value");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    fn from_str(s: &str) -> crate::Result<Self> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "business" | "b2b" => Ok(DebtorStatus::Business),
            "consumer" | "b2c" => Ok(DebtorStatus::Consumer),
            "public_body" | "public" | "b2g" => Ok(DebtorStatus::PublicBody),
            other => Err(crate::Error::new(
                crate::Code::InvalidValue,
                format!(
                    "unknown debtor kind {other:?}; expected business, consumer or public_body"
                ),
            )),
        }
    }
}

/// An invoice. Either `due_date` or `terms` gives when it must be paid; terms that split the
/// amount (deposit + balance, instalments) make one receivable per part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InvoiceRecord {
    /// Invoice number, unique in the ledger.
    pub id: String,
    /// Customer identifier.
    pub customer: String,
    /// Issue date (date de facture).
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub issue_date: NaiveDate,
    /// Due date (date d'échéance) as printed on the invoice. Wins over `terms` when both are given.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub due_date: Option<NaiveDate>,
    /// Payment terms, used when there is no `due_date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<PaymentTerms>,
    /// Amount due, tax included (TTC): the base of French late penalties unless agreed otherwise.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
    /// Amount before tax (HT), if known.
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub net_amount: Option<Decimal>,
    /// Tax (TVA/VAT/USt), if known. With `net_amount`, must add up to `amount`.
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub tax_amount: Option<Decimal>,
    /// Currency of the invoice.
    pub currency: Currency,
}

/// What a payment is.
#[non_exhaustive]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, PartialOrd, Ord,
)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentKind {
    /// A payment of invoices already issued.
    #[default]
    Payment,
    /// A deposit (acompte) paid before the invoice it belongs to: it is held as a credit and
    /// applied on the invoice's issue date.
    Deposit,
}

/// A payment received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PaymentRecord {
    /// Identifier (bank reference); optional but recommended, it orders same-day payments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The paying customer; may be omitted when `invoice` or `allocations` name invoices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// Value date: the day the funds reached the creditor.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub date: NaiveDate,
    /// Amount received.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
    /// Currency received.
    pub currency: Currency,
    /// The invoice the customer said they were paying (remittance advice). Any surplus stays as
    /// an unapplied credit on the customer's account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice: Option<String>,
    /// Explicit matching (lettrage) to several invoices. Any remainder stays unapplied.
    /// Without `invoice` and `allocations` the payment goes to the oldest open invoices first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocations: Option<Vec<AllocationRecord>>,
    /// Payment or deposit.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: PaymentKind,
}

fn is_default<T: Default + PartialEq>(t: &T) -> bool {
    *t == T::default()
}

/// One line of an explicit matching.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AllocationRecord {
    /// Invoice identifier.
    pub invoice: String,
    /// Amount of the payment applied to it.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
}

/// A credit note (avoir): reduces what an invoice asks, or credits the customer's account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CreditNoteRecord {
    /// Credit-note number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The invoice it corrects; without it, the amount is credited to the customer's account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice: Option<String>,
    /// The customer (required when there is no `invoice`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// Date of the credit note.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub date: NaiveDate,
    /// Amount, tax included.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
    /// Currency.
    pub currency: Currency,
}

/// A write-off (passage en perte) of what is left on an invoice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WriteOffRecord {
    /// Reference of the decision; optional, it names the write-off in allocations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Invoice written off.
    pub invoice: String,
    /// Date of the decision.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub date: NaiveDate,
    /// Amount written off; by default all that is outstanding on that date.
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub amount: Option<Decimal>,
    /// Why (kept for the audit trail).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A dispute (litige) on an invoice, whole or in part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DisputeRecord {
    /// Invoice disputed.
    pub invoice: String,
    /// Day the customer raised it.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub opened: NaiveDate,
    /// Day it was settled, if it was.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub resolved: Option<NaiveDate>,
    /// Disputed amount; by default the whole invoice.
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub amount: Option<Decimal>,
    /// The customer's reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}
