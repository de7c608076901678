//! The batch interface: invoices, payments and customers as columns (JavaScript arrays, or typed
//! arrays where they are exact and faster: `Int32Array` days since 1970-01-01, `BigInt64Array`
//! amounts in minor units), fed row by row to the core's [`BookBuilder`], then the core's batch
//! engine ([`arrears::portfolio::batch::penalty_table`], [`arrears::portfolio::customers`]).
//! This module only converts: every rule (ids, currencies, amounts exact in minor units, payments
//! naming their invoice or customer) is the builder's, with the same codes as the CSV, Parquet
//! and Python tables. Problems are collected over the whole input (up to 100) with their place,
//! `invoices[12].amount`, so that one call shows them all.

use arrears::ledger::DebtorStatus;
use arrears::money::Currency;
use arrears::portfolio::batch::{PenaltyTable, SETTLED};
use arrears::portfolio::build::{Amount, BookBuilder, Defaults};
use arrears::portfolio::columns::{date_of, day_number, Book};
use arrears::prelude::NaiveDate;
use arrears::{Code, Error, Result};
use napi::bindgen_prelude::{BigInt64Array, Either, Int32Array, Uint32Array};
use napi_derive::napi;

/// The invoices table, one entry per invoice in each column.
#[napi(object)]
pub struct InvoiceColumns {
    /// Invoice ids, unique.
    pub id: Vec<Option<String>>,
    /// Customer ids.
    pub customer: Vec<Option<String>>,
    /// Issue dates: `"YYYY-MM-DD"` strings, or days since 1970-01-01 (`Int32Array`, what
    /// Arrow's `Date32` holds).
    #[napi(js_name = "issue_date")]
    pub issue_date: Either<Vec<Option<String>>, Int32Array>,
    /// Due dates (as `issue_date`).
    #[napi(js_name = "due_date")]
    pub due_date: Either<Vec<Option<String>>, Int32Array>,
    /// Amounts as decimal strings (`"1234.50"`); or give `amount_minor`.
    pub amount: Option<Vec<Option<String>>>,
    /// Amounts in minor units of the row's currency (cents for EUR).
    #[napi(js_name = "amount_minor")]
    pub amount_minor: Option<BigInt64Array>,
    /// ISO 4217 codes (else the `currency` option).
    pub currency: Option<Vec<Option<String>>>,
}

/// The payments table.
#[napi(object)]
pub struct PaymentColumns {
    /// Payment ids (optional; unique when given).
    pub id: Option<Vec<Option<String>>>,
    /// The paying customer (optional when the invoice is named).
    pub customer: Option<Vec<Option<String>>>,
    /// The invoice paid (optional: else allocated oldest first).
    pub invoice: Option<Vec<Option<String>>>,
    /// Payment dates: `"YYYY-MM-DD"` strings, or days since 1970-01-01 (`Int32Array`).
    pub date: Either<Vec<Option<String>>, Int32Array>,
    /// Amounts as decimal strings; or give `amount_minor`.
    pub amount: Option<Vec<Option<String>>>,
    /// Amounts in minor units.
    #[napi(js_name = "amount_minor")]
    pub amount_minor: Option<BigInt64Array>,
    /// ISO 4217 codes (else the invoice's, else the `currency` option).
    pub currency: Option<Vec<Option<String>>>,
}

/// The customers table (optional): countries and kinds of debtor, which choose the regime.
#[napi(object)]
pub struct CustomerColumns {
    /// Customer ids.
    pub id: Vec<Option<String>>,
    /// ISO 3166-1 alpha-2 countries.
    pub country: Option<Vec<Option<String>>>,
    /// `business`, `consumer` or `public_body`.
    pub debtor: Option<Vec<Option<String>>>,
}

/// The tables as owned Rust columns (JavaScript values cannot leave the main thread).
pub struct Tables {
    invoices: Invoices,
    payments: Option<Payments>,
    customers: Option<Customers>,
}

enum Days {
    Text(Vec<Option<String>>),
    Number(Vec<i32>),
}

enum Amounts {
    Text(Vec<Option<String>>),
    Minor(Vec<i64>),
}

struct Invoices {
    id: Vec<Option<String>>,
    customer: Vec<Option<String>>,
    issue: Days,
    due: Days,
    amount: Amounts,
    currency: Option<Vec<Option<String>>>,
}

struct Payments {
    id: Option<Vec<Option<String>>>,
    customer: Option<Vec<Option<String>>>,
    invoice: Option<Vec<Option<String>>>,
    date: Days,
    amount: Amounts,
    currency: Option<Vec<Option<String>>>,
}

struct Customers {
    id: Vec<Option<String>>,
    country: Option<Vec<Option<String>>>,
    debtor: Option<Vec<Option<String>>>,
}

fn days(column: Either<Vec<Option<String>>, Int32Array>) -> Days {
    match column {
        Either::A(text) => Days::Text(text),
        Either::B(numbers) => Days::Number(numbers.to_vec()),
    }
}

fn amounts(
    table: &str,
    text: Option<Vec<Option<String>>>,
    minor: Option<BigInt64Array>,
) -> Result<Amounts> {
    match (text, minor) {
        (Some(t), None) => Ok(Amounts::Text(t)),
        (None, Some(m)) => Ok(Amounts::Minor(m.to_vec())),
        (Some(_), Some(_)) => Err(Error::new(
            Code::InvalidValue,
            "give `amount` (decimal strings) or `amount_minor` (minor units), not both",
        )
        .at(table)),
        (None, None) => Err(Error::new(
            Code::MissingColumn,
            "no `amount` column (decimal strings) nor `amount_minor` (minor units, BigInt64Array)",
        )
        .at(table)),
    }
}

impl Tables {
    /// Takes the columns off the JavaScript values.
    ///
    /// # Errors
    /// `import.missing_column` or `input.invalid_value` for an amount column missing or given
    /// twice.
    pub fn new(
        invoices: InvoiceColumns,
        payments: Option<PaymentColumns>,
        customers: Option<CustomerColumns>,
    ) -> Result<Tables> {
        Ok(Tables {
            invoices: Invoices {
                amount: amounts("invoices", invoices.amount, invoices.amount_minor)?,
                id: invoices.id,
                customer: invoices.customer,
                issue: days(invoices.issue_date),
                due: days(invoices.due_date),
                currency: invoices.currency,
            },
            payments: payments
                .map(|p| {
                    Ok::<_, Error>(Payments {
                        amount: amounts("payments", p.amount, p.amount_minor)?,
                        id: p.id,
                        customer: p.customer,
                        invoice: p.invoice,
                        date: days(p.date),
                        currency: p.currency,
                    })
                })
                .transpose()?,
            customers: customers.map(|c| Customers {
                id: c.id,
                country: c.country,
                debtor: c.debtor,
            }),
        })
    }

    /// The book: every row through the core's builder.
    ///
    /// # Errors
    /// `import.invalid_cell` for a column shorter than the ids or an empty required cell; the
    /// builder's errors (`ledger.duplicate_id`, `money.not_in_minor_units`, ...), every problem
    /// of the input at once with its place.
    pub fn book(&self, defaults: Defaults) -> Result<Book> {
        let inv = &self.invoices;
        let n = inv.id.len();
        let m = self.payments.as_ref().map_or(0, |p| p.date.len());
        let mut b = BookBuilder::with_capacity(defaults, n, m);
        let mut problems = Problems::default();

        if let Some(c) = &self.customers {
            for k in 0..c.id.len() {
                let mut row = || {
                    let id = text(Some(&c.id), k).ok_or_else(|| empty("id"))?;
                    let debtor = text(c.debtor.as_ref(), k)
                        .map(str::parse::<DebtorStatus>)
                        .transpose()
                        .map_err(|e| e.at("debtor"))?;
                    b.customer(id, text(c.country.as_ref(), k), debtor)
                        .map(|_| ())
                };
                if let Err(e) = row() {
                    problems.push(e.at(format!("customers[{k}]")));
                }
            }
        }

        for k in 0..n {
            let mut row = || {
                let currency = currency(inv.currency.as_ref(), k)?;
                b.invoice(
                    text(Some(&inv.id), k).ok_or_else(|| empty("id"))?,
                    text(Some(&inv.customer), k).ok_or_else(|| empty("customer"))?,
                    inv.issue.day(k, "issue_date")?,
                    inv.due.day(k, "due_date")?,
                    inv.amount.get(k)?,
                    currency,
                )
                .map(|_| ())
            };
            if let Err(e) = row() {
                problems.push(e.at(format!("invoices[{k}]")));
            }
        }

        if let Some(p) = &self.payments {
            for k in 0..p.date.len() {
                let mut row = || {
                    let currency = currency(p.currency.as_ref(), k)?;
                    b.payment(
                        text(p.id.as_ref(), k),
                        text(p.customer.as_ref(), k),
                        text(p.invoice.as_ref(), k),
                        p.date.day(k, "date")?,
                        p.amount.get(k)?,
                        currency,
                    )
                };
                if let Err(e) = row() {
                    problems.push(e.at(format!("payments[{k}]")));
                }
            }
        }
        problems.finish()?;
        Ok(b.finish())
    }
}

/// Cell `k` of an optional text column; an empty string is no value.
fn text(column: Option<&Vec<Option<String>>>, k: usize) -> Option<&str> {
    column?.get(k)?.as_deref().filter(|s| !s.trim().is_empty())
}

fn currency(column: Option<&Vec<Option<String>>>, k: usize) -> Result<Option<Currency>> {
    text(column, k)
        .map(|c| Currency::from_code(&c.trim().to_ascii_uppercase()))
        .transpose()
        .map_err(|e| e.at("currency"))
}

fn empty(column: &str) -> Error {
    Error::new(Code::InvalidCell, format!("`{column}` is empty or missing")).at(column)
}

impl Days {
    fn len(&self) -> usize {
        match self {
            Days::Text(t) => t.len(),
            Days::Number(d) => d.len(),
        }
    }

    fn day(&self, k: usize, column: &str) -> Result<i32> {
        match self {
            Days::Text(t) => {
                let s = text(Some(t), k).ok_or_else(|| empty(column))?;
                arrears::calendar::date::parse_date(s)
                    .map(day_number)
                    .map_err(|e| e.at(column))
            }
            Days::Number(d) => {
                let day = d.get(k).copied().ok_or_else(|| empty(column))?;
                // Only days the calendar can name (chrono's range) are dates.
                date_of(day).map(|_| day).ok_or_else(|| {
                    Error::new(
                        Code::InvalidDate,
                        format!("{day} days after 1970-01-01 is not a date the calendar knows"),
                    )
                    .at(column)
                })
            }
        }
    }
}

impl Amounts {
    fn get(&self, k: usize) -> Result<Amount> {
        match self {
            Amounts::Text(t) => Amount::parse(text(Some(t), k).ok_or_else(|| empty("amount"))?)
                .map_err(|e| e.at("amount")),
            Amounts::Minor(m) => m
                .get(k)
                .copied()
                .map(Amount::Minor)
                .ok_or_else(|| empty("amount_minor")),
        }
    }
}

/// Problems collected over the whole input, so that one call shows them all (at most 100, then
/// a count).
#[derive(Default)]
struct Problems {
    errors: Vec<Error>,
    more: usize,
}

impl Problems {
    const MAX: usize = 100;

    fn push(&mut self, e: Error) {
        if self.errors.len() < Self::MAX {
            self.errors.push(e);
        } else {
            self.more = self.more.saturating_add(1);
        }
    }

    fn finish(mut self) -> Result<()> {
        if self.more > 0 {
            self.errors.push(Error::new(
                Code::InvalidCell,
                format!("... and {} more problems", self.more),
            ));
        }
        Error::from_many(self.errors).map_or(Ok(()), Err)
    }
}

/// The penalty table as columns for JavaScript: row `k` is the `row[k]`-th invoice of the input
/// (invoices issued after the as-of date are left out). Money as decimal strings, or in minor
/// units (`BigInt64Array`) with `money: "minor"`.
#[napi(object)]
pub struct PenaltyColumns {
    /// The invoice's row in the input.
    pub row: Uint32Array,
    /// Invoice ids.
    pub id: Vec<String>,
    /// Customer ids.
    pub customer: Vec<String>,
    /// Currencies.
    pub currency: Vec<String>,
    /// Due dates, `YYYY-MM-DD`.
    #[napi(js_name = "due_date")]
    pub due_date: Vec<String>,
    /// Days late (0 before the due date and for settled invoices).
    #[napi(js_name = "days_late")]
    pub days_late: Int32Array,
    /// Aging bucket label, or `settled`.
    pub bucket: Vec<String>,
    /// Outstanding in the ledger.
    pub outstanding: Either<Vec<String>, BigInt64Array>,
    /// Interest accrued over the whole delay.
    pub interest: Either<Vec<String>, BigInt64Array>,
    /// Interest covered by payments.
    #[napi(js_name = "interest_paid")]
    pub interest_paid: Either<Vec<String>, BigInt64Array>,
    /// Interest still owed.
    #[napi(js_name = "interest_outstanding")]
    pub interest_outstanding: Either<Vec<String>, BigInt64Array>,
    /// Fixed compensation.
    #[napi(js_name = "fixed_compensation")]
    pub fixed_compensation: Either<Vec<String>, BigInt64Array>,
    /// `outstanding + interest + fixed_compensation`: the statement's total due (with
    /// interest-first imputation `interest_paid` is principal still owed; the sum is the same).
    #[napi(js_name = "total_due")]
    pub total_due: Either<Vec<String>, BigInt64Array>,
}

/// The computed table, before conversion to JavaScript (that part runs on the main thread).
pub struct Computed {
    book: Book,
    table: PenaltyTable,
    minor: bool,
}

/// Computes the penalty table of the tables on `as_of` through the batch engine.
///
/// # Errors
/// The errors of [`Tables::book`] and of the engine.
pub fn penalties(tables: &Tables, request: &BatchRequest) -> Result<Computed> {
    let book = tables.book(request.defaults()?)?;
    let rates = arrears::rates::RateTable::builtin()?;
    let table =
        arrears::portfolio::batch::penalty_table(&book, request.as_of, &request.interest, &rates)?;
    Ok(Computed {
        book,
        table,
        minor: request.money == MoneyAs::Minor,
    })
}

/// The per-customer totals as an answer envelope, `{"ok": [documents]}` (JSON text).
///
/// # Errors
/// The errors of [`Tables::book`] and of the engine.
pub fn customer_totals(tables: &Tables, request: &BatchRequest) -> Result<String> {
    let book = tables.book(request.defaults()?)?;
    let rates = arrears::rates::RateTable::builtin()?;
    let totals = arrears::portfolio::customers::book_totals(
        &book,
        request.as_of,
        &request.interest,
        &rates,
    )?;
    let json =
        serde_json::to_string(&totals).map_err(|e| Error::new(Code::Internal, e.to_string()))?;
    Ok(format!("{{\"ok\":{json}}}"))
}

impl Computed {
    /// The JavaScript columns.
    pub fn columns(self) -> PenaltyColumns {
        let Computed { book, table, minor } = self;
        let n = table.invoice.len();
        let inv = |k: usize| table.invoice.get(k).copied().unwrap_or(0) as usize;
        let currency_of =
            |k: usize| book.currency(book.invoice_currency.get(inv(k)).copied().unwrap_or(0));
        let money = |v: &[i64]| -> Either<Vec<String>, BigInt64Array> {
            if minor {
                Either::B(BigInt64Array::new(v.to_vec()))
            } else {
                Either::A(
                    v.iter()
                        .enumerate()
                        .map(|(k, m)| {
                            arrears::prelude::Decimal::new(*m, currency_of(k).minor_units())
                                .to_string()
                        })
                        .collect(),
                )
            }
        };
        PenaltyColumns {
            row: Uint32Array::new(table.invoice.clone()),
            id: (0..n)
                .map(|k| book.invoice_id.get(inv(k)).to_string())
                .collect(),
            customer: (0..n)
                .map(|k| {
                    let c = book.invoice_customer.get(inv(k)).copied().unwrap_or(0);
                    book.customer_id.get(c as usize).to_string()
                })
                .collect(),
            currency: (0..n).map(|k| currency_of(k).code().to_string()).collect(),
            due_date: (0..n)
                .map(|k| {
                    book.invoice_due
                        .get(inv(k))
                        .and_then(|d| date_of(*d))
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                })
                .collect(),
            days_late: Int32Array::new(
                table
                    .days_late
                    .iter()
                    .map(|d| i32::try_from(*d).unwrap_or(i32::MAX))
                    .collect(),
            ),
            bucket: table
                .bucket
                .iter()
                .map(|b| match *b {
                    SETTLED => "settled".to_string(),
                    b => table
                        .bucket_labels
                        .get(usize::from(b))
                        .cloned()
                        .unwrap_or_default(),
                })
                .collect(),
            outstanding: money(&table.outstanding),
            interest: money(&table.interest),
            interest_paid: money(&table.interest_paid),
            interest_outstanding: money(&table.interest_outstanding),
            fixed_compensation: money(&table.fixed_compensation),
            total_due: money(&table.total_due),
        }
    }
}

/// How money columns come back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyAs {
    /// Decimal strings (`"1234.50"`).
    #[default]
    String,
    /// Minor units in a `BigInt64Array`.
    Minor,
}

/// The options of a batch call, as `index.js` sends them (JSON).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    /// The as-of date.
    #[serde(with = "arrears::calendar::date::serde_date")]
    pub as_of: NaiveDate,
    /// Currency of rows without one.
    #[serde(default)]
    pub currency: Option<String>,
    /// Country of customers without one.
    #[serde(default)]
    pub country: Option<String>,
    /// Kind of debtor of customers without one.
    #[serde(default)]
    pub debtor: Option<DebtorStatus>,
    /// Regimes and statement conventions (the `interest` settings of `ledger_interest`).
    #[serde(default)]
    pub interest: arrears::interest::ledger::LedgerInterestOptions,
    /// How money columns come back.
    #[serde(default)]
    pub money: MoneyAs,
}

impl BatchRequest {
    /// Parses the request.
    ///
    /// # Errors
    /// `input.invalid_document` (with the path) for a bad option.
    pub fn parse(text: &str) -> Result<BatchRequest> {
        arrears::ops::from_json_str(text)
    }

    fn defaults(&self) -> Result<Defaults> {
        Defaults::from_options(
            self.currency.as_deref(),
            &arrears::ledger::CustomerDefaults {
                country: self.country.clone(),
                debtor: self.debtor,
            },
        )
    }
}
