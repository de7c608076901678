//! A [`Book`] built row by row from tables (CSV read fast, Arrow and Parquet columns), with the
//! checks [`crate::ledger::Ledger::new`] makes on a ledger, so that a table that goes straight into
//! columns is held to the same rules as one read as a document: ids unique and not empty, due dates
//! not before issue dates, amounts above zero and exact in the currency's minor units, payments
//! naming a known invoice of the same customer and currency.
//!
//! Two rules follow the CSV import rather than the JSON document, because tables come from exports:
//! a customer that the customers table does not list is added when an invoice names it (with the
//! default country and kind of debtor); and a payment that names an invoice but no currency is in
//! the invoice's currency.
//!
//! ```
//! use arrears::portfolio::build::{Amount, BookBuilder, Defaults};
//! use arrears::portfolio::columns::day_number;
//! use arrears::prelude::*;
//!
//! let day = |y, m, d| Ok::<_, arrears::Error>(day_number(ymd(y, m, d)?));
//! let mut b = BookBuilder::new(Defaults { currency: Some(Currency::EUR), ..Defaults::default() });
//! b.customer("C1", Some("FR"), None)?;
//! b.invoice("F1", "C1", day(2024, 1, 1)?, day(2024, 1, 31)?, Amount::Scaled { digits: 100_000, scale: 2 }, None)?;
//! b.payment(None, None, Some("F1"), day(2024, 2, 10)?, Amount::Minor(40_000), None)?;
//! // The ledger's rules: a second F1, or a payment on an unknown invoice, is refused.
//! let e = b.invoice("F1", "C1", day(2024, 1, 1)?, day(2024, 1, 31)?, Amount::Minor(1), None);
//! assert_eq!(e.unwrap_err().code(), Code::DuplicateId);
//! let e = b.payment(None, None, Some("F9"), day(2024, 2, 10)?, Amount::Minor(1), None);
//! assert_eq!(e.unwrap_err().code(), Code::UnknownInvoice);
//! let book = b.finish();
//! assert_eq!((book.invoices(), book.payment_amount.len()), (1, 1));
//! # Ok::<(), arrears::Error>(())
//! ```

use super::columns::{Book, StringIndex, Strings, NONE};
use crate::error::{err, Result};
use crate::ledger::{CustomerDefaults, DebtorStatus};
use crate::money::Currency;

/// What a row leaves out: the currency of rows without one, and the country and kind of debtor of
/// customers without one (the command line's `--currency`, `--country`, `--debtor`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Defaults {
    /// Currency of invoices and payments without one.
    pub currency: Option<Currency>,
    /// Country (ISO 3166-1 alpha-2, upper case) of customers without one.
    pub country: Option<[u8; 2]>,
    /// Kind of debtor of customers without one (else business).
    pub debtor: Option<DebtorStatus>,
}

impl Defaults {
    /// The defaults as a run states them (the command line's `--currency`, `--country`,
    /// `--debtor`, the bindings' keyword arguments): a currency code in any case and the
    /// customers' defaults of the ledger document.
    ///
    /// ```
    /// use arrears::ledger::{CustomerDefaults, DebtorStatus};
    /// use arrears::portfolio::build::Defaults;
    /// let d = Defaults::from_options(Some(" eur"), &CustomerDefaults {
    ///     country: Some("fr".into()), debtor: Some(DebtorStatus::PublicBody) })?;
    /// assert_eq!(d.currency.map(|c| c.code()), Some("EUR"));
    /// assert_eq!(d.country, Some(*b"FR"));
    /// assert_eq!(d.debtor, Some(DebtorStatus::PublicBody));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// `money.unknown_currency`; `ledger.invalid_country` for a country that is not an ISO 3166-1
    /// alpha-2 code.
    pub fn from_options(currency: Option<&str>, customers: &CustomerDefaults) -> Result<Defaults> {
        Ok(Defaults {
            currency: currency
                .map(|c| Currency::from_code(&c.trim().to_ascii_uppercase()))
                .transpose()?,
            country: customers.country.as_deref().map(country_code).transpose()?,
            debtor: customers.debtor,
        })
    }
}

/// An amount as a table holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    /// In minor units of the row's currency already (cents for EUR, yen for JPY).
    Minor(i64),
    /// `digits × 10^-scale` (a decimal column: `1234.50` is 123450 at scale 2); it must be
    /// exact in the currency's minor units.
    Scaled {
        /// The unscaled digits.
        digits: i128,
        /// Digits after the decimal point.
        scale: u32,
    },
}

impl Amount {
    /// An amount written as a decimal string, the way documents write money (`"1234.50"`: see
    /// [`crate::money::parse_decimal`]); exact, whatever the number of decimals.
    ///
    /// ```
    /// use arrears::money::Currency;
    /// use arrears::portfolio::build::Amount;
    /// assert_eq!(Amount::parse("1234.5")?.in_minor_units(Currency::EUR)?, 123450);
    /// assert!(Amount::parse("1234.567")?.in_minor_units(Currency::EUR).is_err());
    /// assert!(Amount::parse("12,50").is_err());
    /// # Ok::<(), arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// `money.invalid_amount` for text that is not a plain decimal.
    pub fn parse(text: &str) -> Result<Amount> {
        let d = crate::money::parse_decimal(text)?;
        Ok(Amount::Scaled {
            digits: d.mantissa(),
            scale: d.scale(),
        })
    }

    /// In minor units of a currency, exactly, above zero.
    ///
    /// # Errors
    /// `money.negative_amount` for zero or less; `money.not_in_minor_units` for digits beyond the
    /// currency's; `money.overflow` beyond 92 thousand billion units.
    pub fn in_minor_units(self, currency: Currency) -> Result<i64> {
        let units = currency.minor_units();
        let value: i128 = match self {
            Amount::Minor(v) => i128::from(v),
            Amount::Scaled { digits, scale } if scale <= units => {
                let factor = 10i128
                    .checked_pow(units.saturating_sub(scale))
                    .ok_or_else(|| err!(Overflow, "amount overflows"))?;
                digits
                    .checked_mul(factor)
                    .ok_or_else(|| err!(Overflow, "amount overflows"))?
            }
            Amount::Scaled { digits, scale } => {
                let factor = 10i128
                    .checked_pow(scale.saturating_sub(units))
                    .ok_or_else(|| err!(Overflow, "amount overflows"))?;
                if digits.checked_rem(factor) != Some(0) {
                    return Err(err!(
                        NotInMinorUnits,
                        "{} has more decimals than {currency} has ({units})",
                        show(digits, scale)
                    ));
                }
                digits.checked_div(factor).unwrap_or(0)
            }
        };
        if value <= 0 {
            return Err(err!(NegativeAmount, "amount must be above zero"));
        }
        i64::try_from(value).map_err(|_| err!(Overflow, "amount overflows"))
    }
}

/// `digits` at `scale` as text, for messages.
fn show(digits: i128, scale: u32) -> String {
    rust_decimal::Decimal::try_from_i128_with_scale(digits, scale.min(28))
        .map_or_else(|_| format!("{digits}e-{scale}"), |d| d.to_string())
}

/// Builds a [`Book`] row by row (see the module's rules).
#[derive(Debug, Default)]
pub struct BookBuilder {
    book: Book,
    defaults: Defaults,
    customers: StringIndex,
    invoices: StringIndex,
    payment_ids: StringIndex,
}

impl BookBuilder {
    /// An empty book.
    pub fn new(defaults: Defaults) -> BookBuilder {
        BookBuilder {
            defaults,
            ..BookBuilder::default()
        }
    }

    /// Room for `invoices` invoices and `payments` payments (ids of about 12 bytes).
    pub fn with_capacity(defaults: Defaults, invoices: usize, payments: usize) -> BookBuilder {
        let mut b = BookBuilder::new(defaults);
        b.invoices = StringIndex::with_capacity(invoices);
        let book = &mut b.book;
        book.invoice_id = Strings::with_capacity(invoices, 12);
        book.invoice_customer.reserve(invoices);
        book.invoice_issue.reserve(invoices);
        book.invoice_due.reserve(invoices);
        book.invoice_amount.reserve(invoices);
        book.invoice_currency.reserve(invoices);
        book.payment_invoice.reserve(payments);
        book.payment_customer.reserve(payments);
        book.payment_customer_explicit.reserve(payments);
        book.payment_day.reserve(payments);
        book.payment_amount.reserve(payments);
        book.payment_currency.reserve(payments);
        b
    }

    /// The defaults it was given.
    pub fn defaults(&self) -> Defaults {
        self.defaults
    }

    /// The book so far.
    pub fn book(&self) -> &Book {
        &self.book
    }

    /// Adds a customer of the customers table; returns its index.
    ///
    /// # Errors
    /// `ledger.invalid_event` for an empty id; `ledger.duplicate_id`; `input.invalid_value` for
    /// a country that is not two letters.
    pub fn customer(
        &mut self,
        id: &str,
        country: Option<&str>,
        debtor: Option<DebtorStatus>,
    ) -> Result<u32> {
        if id.trim().is_empty() {
            return Err(err!(InvalidEvent, "a customer has an empty id"));
        }
        let country = match country.map(str::trim).filter(|c| !c.is_empty()) {
            Some(c) => Some(country_code(c)?),
            None => None,
        };
        if self
            .customers
            .find(&self.book.customer_id, id.as_bytes())
            .is_some()
        {
            return Err(err!(DuplicateId, "customer {id:?} appears more than once"));
        }
        let i = self.add_customer(id, country, debtor)?;
        self.customers.insert(&self.book.customer_id, i);
        Ok(i)
    }

    fn add_customer(
        &mut self,
        id: &str,
        country: Option<[u8; 2]>,
        debtor: Option<DebtorStatus>,
    ) -> Result<u32> {
        let i = u32::try_from(self.book.customer_country.len())
            .map_err(|_| err!(InvalidValue, "too many customers"))?;
        self.book.customer_id.push(id)?;
        self.book
            .customer_country
            .push(country.or(self.defaults.country).unwrap_or([0, 0]));
        self.book
            .customer_debtor
            .push(debtor.or(self.defaults.debtor).unwrap_or_default());
        Ok(i)
    }

    /// The index of a customer, added (with the defaults) when the customers table does not list
    /// it.
    fn customer_of_invoice(&mut self, id: &str) -> Result<u32> {
        if let Some(c) = self.customers.find(&self.book.customer_id, id.as_bytes()) {
            return Ok(c);
        }
        let c = self.add_customer(id, None, None)?;
        self.customers.insert(&self.book.customer_id, c);
        Ok(c)
    }

    /// Adds an invoice due on one day; returns its index. Days are [`super::columns::day_number`]s.
    ///
    /// # Errors
    /// `ledger.invalid_event` for an empty id or customer, or a due date before the issue date;
    /// `ledger.duplicate_id`; `import.missing_column` without a currency (none given, no
    /// default); the errors of [`Amount::in_minor_units`].
    pub fn invoice(
        &mut self,
        id: &str,
        customer: &str,
        issue: i32,
        due: i32,
        amount: Amount,
        currency: Option<Currency>,
    ) -> Result<u32> {
        if id.trim().is_empty() {
            return Err(err!(InvalidEvent, "an invoice has an empty id"));
        }
        if due < issue {
            return Err(err!(
                InvalidEvent,
                "invoice {id:?} is due before it is issued"
            ));
        }
        let currency = currency.or(self.defaults.currency).ok_or_else(|| {
            err!(
                MissingColumn,
                "invoice {id:?} has no currency (and no default currency was given)"
            )
        })?;
        let amount = amount
            .in_minor_units(currency)
            .map_err(|e| e.at(format!("invoice {id:?}")))?;
        if customer.trim().is_empty() {
            return Err(err!(InvalidEvent, "invoice {id:?} names no customer"));
        }
        let index = u32::try_from(self.book.invoice_amount.len())
            .map_err(|_| err!(InvalidValue, "too many invoices"))?;
        let currency = self.book.currency_index(currency)?;
        // One probe: the id goes into the column, then into the index, and out again when it is
        // there already.
        self.book.invoice_id.push(id)?;
        if self.invoices.insert(&self.book.invoice_id, index).is_some() {
            self.book.invoice_id.pop();
            return Err(err!(DuplicateId, "invoice {id:?} appears more than once"));
        }
        let customer = match self.customer_of_invoice(customer) {
            Ok(c) => c,
            Err(e) => {
                self.invoices.remove(&self.book.invoice_id, index);
                self.book.invoice_id.pop();
                return Err(e);
            }
        };
        self.book.invoice_customer.push(customer);
        self.book.invoice_issue.push(issue);
        self.book.invoice_due.push(due);
        self.book.invoice_amount.push(amount);
        self.book.invoice_currency.push(currency);
        Ok(index)
    }

    /// Adds a payment (`None` or empty: not given).
    ///
    /// # Errors
    /// `ledger.duplicate_id`; `ledger.unknown_invoice`; `ledger.unknown_customer`;
    /// `ledger.invalid_event` for a payment naming neither customer nor invoice, or another
    /// customer's invoice; `money.currency_mismatch`; `import.missing_column` without a
    /// currency; the errors of [`Amount::in_minor_units`].
    pub fn payment(
        &mut self,
        id: Option<&str>,
        customer: Option<&str>,
        invoice: Option<&str>,
        day: i32,
        amount: Amount,
        currency: Option<Currency>,
    ) -> Result<()> {
        fn given(s: Option<&str>) -> Option<&str> {
            s.filter(|s| !s.is_empty())
        }
        let (id, customer, invoice) = (given(id), given(customer), given(invoice));
        let inv = match invoice {
            Some(k) => self
                .invoices
                .find(&self.book.invoice_id, k.as_bytes())
                .ok_or_else(|| err!(UnknownInvoice, "invoice {k:?} is not in the ledger"))?,
            None => NONE,
        };
        let named = match customer {
            Some(c) => Some(
                self.customers
                    .find(&self.book.customer_id, c.as_bytes())
                    .ok_or_else(|| err!(UnknownCustomer, "customer {c:?} is not in the ledger"))?,
            ),
            None => None,
        };
        let of_invoice = self.book.invoice_customer.get(inv as usize).copied();
        let payer = match (named, of_invoice) {
            (Some(c), Some(ic)) if c != ic => {
                return Err(err!(
                    InvalidEvent,
                    "invoice {:?} belongs to customer {:?}, not {:?}",
                    invoice.unwrap_or_default(),
                    self.book.customer_id.get(ic as usize),
                    customer.unwrap_or_default()
                ))
            }
            (Some(c), _) | (None, Some(c)) => c,
            (None, None) => {
                return Err(err!(
                    InvalidEvent,
                    "a payment names neither a customer nor an invoice"
                ))
            }
        };
        let invoice_currency = self
            .book
            .invoice_currency
            .get(inv as usize)
            .map(|c| self.book.currency(*c));
        let currency = match (currency, self.defaults.currency, invoice_currency) {
            (Some(c), _, _) => c,
            // A payment naming an invoice, without a currency of its own, is in the invoice's
            // (the default currency applies only to rows naming no invoice).
            (None, _, Some(c)) => c,
            (None, Some(c), None) => c,
            (None, None, None) => {
                return Err(err!(
                MissingColumn,
                "a payment naming no invoice has no currency (and no default currency was given)"
            ))
            }
        };
        if let Some(ic) = invoice_currency {
            if ic != currency {
                return Err(err!(
                    CurrencyMismatch,
                    "invoice {:?} is in {ic}, the payment in {currency}",
                    invoice.unwrap_or_default()
                ));
            }
        }
        let amount = amount.in_minor_units(currency)?;
        if let Some(id) = id {
            if self
                .payment_ids
                .find(&self.book.payment_id, id.as_bytes())
                .is_some()
            {
                return Err(err!(DuplicateId, "payment {id:?} appears more than once"));
            }
        }
        let row = u32::try_from(self.book.payment_id.len())
            .map_err(|_| err!(InvalidValue, "too many payments"))?;
        let currency = self.book.currency_index(currency)?;
        self.book.payment_id.push(id.unwrap_or_default())?;
        if id.is_some() {
            self.payment_ids.insert(&self.book.payment_id, row);
        }
        self.book.payment_invoice.push(inv);
        self.book.payment_customer.push(payer);
        self.book.payment_customer_explicit.push(named.is_some());
        self.book.payment_day.push(day);
        self.book.payment_amount.push(amount);
        self.book.payment_currency.push(currency);
        Ok(())
    }

    /// The book.
    pub fn finish(self) -> Book {
        self.book
    }
}

/// An ISO 3166-1 alpha-2 country code, upper-cased (`UK` is kept: it is read as `GB`).
///
/// # Errors
/// `ledger.invalid_country` for anything else, as the ledger document's check says.
pub fn country_code(c: &str) -> Result<[u8; 2]> {
    match c.trim().as_bytes() {
        &[a, b] if crate::ledger::countries::is_country(c) => {
            Ok([a.to_ascii_uppercase(), b.to_ascii_uppercase()])
        }
        _ => Err(err!(
            InvalidCountry,
            "country {c:?} is not an ISO 3166-1 alpha-2 code (FR, DE, GB, ...)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur() -> Defaults {
        Defaults {
            currency: Some(Currency::EUR),
            ..Defaults::default()
        }
    }

    #[test]
    fn amounts_are_exact_minor_units() {
        let s = |digits, scale| Amount::Scaled { digits, scale };
        assert_eq!(
            s(123_450, 2).in_minor_units(Currency::EUR).unwrap(),
            123_450
        );
        assert_eq!(s(12_345, 1).in_minor_units(Currency::EUR).unwrap(), 123_450);
        assert_eq!(
            s(1_234_500, 4).in_minor_units(Currency::EUR).unwrap(),
            12_345
        );
        assert_eq!(
            s(5, 0)
                .in_minor_units(Currency::from_code("JPY").unwrap())
                .unwrap(),
            5
        );
        let code = |a: Amount, c| a.in_minor_units(c).unwrap_err().code();
        assert_eq!(
            code(s(1_234_501, 4), Currency::EUR),
            crate::Code::NotInMinorUnits
        );
        assert_eq!(
            code(s(150, 2), Currency::from_code("JPY").unwrap()),
            crate::Code::NotInMinorUnits
        );
        assert_eq!(
            code(Amount::Minor(0), Currency::EUR),
            crate::Code::NegativeAmount
        );
        assert_eq!(code(s(-5, 2), Currency::EUR), crate::Code::NegativeAmount);
        assert_eq!(code(s(i128::MAX, 0), Currency::EUR), crate::Code::Overflow);
    }

    #[test]
    fn a_refused_row_leaves_the_book_as_it_was() {
        let mut b = BookBuilder::new(eur());
        b.customer("C1", Some("fr"), None).unwrap();
        b.invoice("F1", "C1", 10, 40, Amount::Minor(100), None)
            .unwrap();
        let before = b.book().clone();
        let code = |r: Result<u32>| r.unwrap_err().code();
        assert_eq!(code(b.customer("C1", None, None)), crate::Code::DuplicateId);
        assert_eq!(
            code(b.customer("C2", Some("FRA"), None)),
            crate::Code::InvalidCountry
        );
        assert_eq!(
            code(b.invoice("F1", "C1", 10, 40, Amount::Minor(1), None)),
            crate::Code::DuplicateId
        );
        assert_eq!(
            code(b.invoice("F2", "C1", 40, 10, Amount::Minor(1), None)),
            crate::Code::InvalidEvent
        );
        assert_eq!(
            code(b.invoice("F2", " ", 10, 40, Amount::Minor(1), None)),
            crate::Code::InvalidEvent
        );
        assert_eq!(
            code(b.invoice("F2", "C1", 10, 40, Amount::Minor(-1), None)),
            crate::Code::NegativeAmount
        );
        let p = |b: &mut BookBuilder, id, c, i, cur| {
            b.payment(id, c, i, 50, Amount::Minor(5), cur)
                .unwrap_err()
                .code()
        };
        assert_eq!(p(&mut b, None, None, None, None), crate::Code::InvalidEvent);
        assert_eq!(
            p(&mut b, None, Some("C9"), Some("F1"), None),
            crate::Code::UnknownCustomer
        );
        assert_eq!(
            p(&mut b, None, None, Some("F9"), None),
            crate::Code::UnknownInvoice
        );
        assert_eq!(
            p(&mut b, None, None, Some("F1"), Some(Currency::GBP)),
            crate::Code::CurrencyMismatch
        );
        assert_eq!(b.book(), &before);
        // Customer C1 was upper-cased FR; an invoice naming a new customer adds it.
        b.invoice("F2", "C2", 10, 40, Amount::Minor(1), None)
            .unwrap();
        assert_eq!(b.book().customer_country, vec![*b"FR", [0, 0]]);
    }

    #[test]
    fn payments_take_the_invoices_currency_and_customer() {
        let mut b = BookBuilder::new(Defaults::default());
        b.invoice("F1", "C1", 10, 40, Amount::Minor(100), Some(Currency::GBP))
            .unwrap();
        b.payment(Some("P1"), None, Some("F1"), 50, Amount::Minor(30), None)
            .unwrap();
        let e = b.payment(Some("P1"), None, Some("F1"), 50, Amount::Minor(30), None);
        assert_eq!(e.unwrap_err().code(), crate::Code::DuplicateId);
        // Naming no invoice and no currency, with no default: refused.
        let e = b.payment(None, Some("C1"), None, 50, Amount::Minor(30), None);
        assert_eq!(e.unwrap_err().code(), crate::Code::MissingColumn);
        let book = b.finish();
        assert_eq!(book.payment_customer, vec![0]);
        assert_eq!(book.payment_customer_explicit, vec![false]);
        assert_eq!(book.currency(book.payment_currency[0]), Currency::GBP);
    }
}
