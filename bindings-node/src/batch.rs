//! The batch interface: invoices, payments and customers as columns, fed row by row to the core's
//! [`BookBuilder`], then the core's batch engine ([`arrears::portfolio::batch::penalty_table`],
//! [`arrears::portfolio::customers`]).
//!
//! The wire format is built for speed across the boundary: a text column crosses as one string,
//! its cells joined by NUL (`index.js` joins and splits them; an empty cell is no value), because
//! napi converts one JavaScript string per call: a million cells one by one cost seconds, one
//! joined string milliseconds. Dates may also cross as an `Int32Array` of days since 1970-01-01
//! and amounts as a `BigInt64Array` of minor units, both exact.
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
use arrears::{Code, Error, Problems, Result};
use napi::bindgen_prelude::{BigInt64Array, Either, Int32Array, Uint32Array};
use napi_derive::napi;

/// The invoices table: `rows` invoices; each text column is its cells joined by NUL.
#[napi(object)]
pub struct InvoiceColumns {
    /// How many invoices.
    pub rows: u32,
    /// Invoice ids, unique.
    pub id: String,
    /// Customer ids.
    pub customer: String,
    /// Issue dates: `"YYYY-MM-DD"` strings, or days since 1970-01-01 (`Int32Array`, what
    /// Arrow's `Date32` holds).
    #[napi(js_name = "issue_date")]
    pub issue_date: Either<String, Int32Array>,
    /// Due dates (as `issue_date`).
    #[napi(js_name = "due_date")]
    pub due_date: Either<String, Int32Array>,
    /// Amounts as decimal strings (`"1234.50"`); or give `amount_minor`.
    pub amount: Option<String>,
    /// Amounts in minor units of the row's currency (cents for EUR).
    #[napi(js_name = "amount_minor")]
    pub amount_minor: Option<BigInt64Array>,
    /// ISO 4217 codes (else the `currency` option).
    pub currency: Option<String>,
}

/// The payments table (text columns joined by NUL).
#[napi(object)]
pub struct PaymentColumns {
    /// How many payments.
    pub rows: u32,
    /// Payment ids (optional; unique when given).
    pub id: Option<String>,
    /// The paying customer (optional when the invoice is named).
    pub customer: Option<String>,
    /// The invoice paid (optional: else allocated oldest first).
    pub invoice: Option<String>,
    /// Payment dates: `"YYYY-MM-DD"` strings, or days since 1970-01-01 (`Int32Array`).
    pub date: Either<String, Int32Array>,
    /// Amounts as decimal strings; or give `amount_minor`.
    pub amount: Option<String>,
    /// Amounts in minor units.
    #[napi(js_name = "amount_minor")]
    pub amount_minor: Option<BigInt64Array>,
    /// ISO 4217 codes (else the invoice's, else the `currency` option).
    pub currency: Option<String>,
}

/// The customers table (optional; text columns joined by NUL): countries and kinds of debtor,
/// which choose the regime.
#[napi(object)]
pub struct CustomerColumns {
    /// How many customers.
    pub rows: u32,
    /// Customer ids.
    pub id: String,
    /// ISO 3166-1 alpha-2 countries.
    pub country: Option<String>,
    /// `business`, `consumer` or `public_body`.
    pub debtor: Option<String>,
}

/// The tables as owned Rust columns (JavaScript values cannot leave the main thread).
pub struct Tables {
    invoices: Invoices,
    payments: Option<Payments>,
    customers: Option<Customers>,
}

/// A text column as it crossed: its cells joined by NUL, and where each cell is.
struct Text {
    text: String,
    spans: Vec<(usize, usize)>,
}

impl Text {
    /// Splits `text` into `rows` cells.
    ///
    /// # Errors
    /// `import.invalid_cell` when the count differs (a column shorter or longer than its table,
    /// or a cell holding a NUL character).
    fn new(text: String, rows: usize, table: &str, column: &str) -> Result<Text> {
        let mut spans = Vec::with_capacity(rows);
        if rows > 0 || !text.is_empty() {
            let mut start = 0usize;
            for (i, b) in text.bytes().enumerate() {
                if b == 0 {
                    spans.push((start, i));
                    start = i.saturating_add(1);
                }
            }
            spans.push((start, text.len()));
        }
        if spans.len() != rows {
            return Err(Error::new(
                Code::InvalidCell,
                format!(
                    "`{column}` has {} cells for {rows} rows (columns of one table have one length; \
                     a cell cannot hold a NUL character)",
                    spans.len()
                ),
            )
            .at(format!("{table}.{column}")));
        }
        Ok(Text { text, spans })
    }

    fn optional(
        text: Option<String>,
        rows: usize,
        table: &str,
        column: &str,
    ) -> Result<Option<Text>> {
        text.map(|t| Text::new(t, rows, table, column)).transpose()
    }

    /// Cell `k`; an empty or blank cell is no value.
    fn get(&self, k: usize) -> Option<&str> {
        let (a, b) = *self.spans.get(k)?;
        self.text.get(a..b).filter(|s| !s.trim().is_empty())
    }
}

enum Days {
    Text(Text),
    Number(Vec<i32>),
}

enum Amounts {
    Text(Text),
    Minor(Vec<i64>),
}

struct Invoices {
    rows: usize,
    id: Text,
    customer: Text,
    issue: Days,
    due: Days,
    amount: Amounts,
    currency: Option<Text>,
}

struct Payments {
    rows: usize,
    id: Option<Text>,
    customer: Option<Text>,
    invoice: Option<Text>,
    date: Days,
    amount: Amounts,
    currency: Option<Text>,
}

struct Customers {
    rows: usize,
    id: Text,
    country: Option<Text>,
    debtor: Option<Text>,
}

fn days(column: Either<String, Int32Array>, rows: usize, table: &str, name: &str) -> Result<Days> {
    match column {
        Either::A(text) => Ok(Days::Text(Text::new(text, rows, table, name)?)),
        Either::B(numbers) if numbers.len() == rows => Ok(Days::Number(numbers.to_vec())),
        Either::B(numbers) => Err(Error::new(
            Code::InvalidCell,
            format!("`{name}` has {} days for {rows} rows", numbers.len()),
        )
        .at(format!("{table}.{name}"))),
    }
}

fn amounts(
    table: &str,
    rows: usize,
    text: Option<String>,
    minor: Option<BigInt64Array>,
) -> Result<Amounts> {
    match (text, minor) {
        (Some(t), None) => Ok(Amounts::Text(Text::new(t, rows, table, "amount")?)),
        (None, Some(m)) if m.len() == rows => Ok(Amounts::Minor(m.to_vec())),
        (None, Some(m)) => Err(Error::new(
            Code::InvalidCell,
            format!("`amount_minor` has {} amounts for {rows} rows", m.len()),
        )
        .at(format!("{table}.amount_minor"))),
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
    /// `import.invalid_cell` for a column whose length is not its table's; `import.missing_column`
    /// or `input.invalid_value` for an amount column missing or given twice.
    pub fn new(
        invoices: InvoiceColumns,
        payments: Option<PaymentColumns>,
        customers: Option<CustomerColumns>,
    ) -> Result<Tables> {
        let n = invoices.rows as usize;
        let t = "invoices";
        let invoices = Invoices {
            rows: n,
            amount: amounts(t, n, invoices.amount, invoices.amount_minor)?,
            id: Text::new(invoices.id, n, t, "id")?,
            customer: Text::new(invoices.customer, n, t, "customer")?,
            issue: days(invoices.issue_date, n, t, "issue_date")?,
            due: days(invoices.due_date, n, t, "due_date")?,
            currency: Text::optional(invoices.currency, n, t, "currency")?,
        };
        let payments = payments
            .map(|p| {
                let m = p.rows as usize;
                let t = "payments";
                Ok::<_, Error>(Payments {
                    rows: m,
                    amount: amounts(t, m, p.amount, p.amount_minor)?,
                    id: Text::optional(p.id, m, t, "id")?,
                    customer: Text::optional(p.customer, m, t, "customer")?,
                    invoice: Text::optional(p.invoice, m, t, "invoice")?,
                    date: days(p.date, m, t, "date")?,
                    currency: Text::optional(p.currency, m, t, "currency")?,
                })
            })
            .transpose()?;
        let customers = customers
            .map(|c| {
                let r = c.rows as usize;
                let t = "customers";
                Ok::<_, Error>(Customers {
                    rows: r,
                    id: Text::new(c.id, r, t, "id")?,
                    country: Text::optional(c.country, r, t, "country")?,
                    debtor: Text::optional(c.debtor, r, t, "debtor")?,
                })
            })
            .transpose()?;
        Ok(Tables {
            invoices,
            payments,
            customers,
        })
    }

    /// The book: every row through the core's builder.
    ///
    /// # Errors
    /// `import.invalid_cell` for an empty required cell; the builder's errors
    /// (`ledger.duplicate_id`, `money.not_in_minor_units`, ...), every problem of the input at
    /// once with its place.
    pub fn book(&self, defaults: Defaults) -> Result<Book> {
        let inv = &self.invoices;
        let m = self.payments.as_ref().map_or(0, |p| p.rows);
        let mut b = BookBuilder::with_capacity(defaults, inv.rows, m);
        let mut problems = Problems::default();

        if let Some(c) = &self.customers {
            for k in 0..c.rows {
                let mut row = || {
                    let id = c.id.get(k).ok_or_else(|| empty("id"))?;
                    let debtor = cell(c.debtor.as_ref(), k)
                        .map(str::parse::<DebtorStatus>)
                        .transpose()
                        .map_err(|e| e.at("debtor"))?;
                    b.customer(id, cell(c.country.as_ref(), k), debtor)
                        .map(|_| ())
                };
                if let Err(e) = row() {
                    problems.push(e.at(format!("customers[{k}]")));
                }
            }
        }

        for k in 0..inv.rows {
            let mut row = || {
                let currency = currency(inv.currency.as_ref(), k)?;
                b.invoice(
                    inv.id.get(k).ok_or_else(|| empty("id"))?,
                    inv.customer.get(k).ok_or_else(|| empty("customer"))?,
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
            for k in 0..p.rows {
                let mut row = || {
                    let currency = currency(p.currency.as_ref(), k)?;
                    b.payment(
                        cell(p.id.as_ref(), k),
                        cell(p.customer.as_ref(), k),
                        cell(p.invoice.as_ref(), k),
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

/// Cell `k` of an optional text column.
fn cell(column: Option<&Text>, k: usize) -> Option<&str> {
    column?.get(k)
}

fn currency(column: Option<&Text>, k: usize) -> Result<Option<Currency>> {
    cell(column, k)
        .map(|c| Currency::from_code(&c.trim().to_ascii_uppercase()))
        .transpose()
        .map_err(|e| e.at("currency"))
}

fn empty(column: &str) -> Error {
    Error::new(Code::InvalidCell, format!("`{column}` is empty or missing")).at(column)
}

impl Days {
    fn day(&self, k: usize, column: &str) -> Result<i32> {
        match self {
            Days::Text(t) => {
                let s = t.get(k).ok_or_else(|| empty(column))?;
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
            Amounts::Text(t) => {
                Amount::parse(t.get(k).ok_or_else(|| empty("amount"))?).map_err(|e| e.at("amount"))
            }
            Amounts::Minor(m) => m
                .get(k)
                .copied()
                .map(Amount::Minor)
                .ok_or_else(|| empty("amount_minor")),
        }
    }
}

/// The penalty table as columns for JavaScript: row `k` is the `row[k]`-th invoice of the input
/// (invoices issued after the as-of date are left out). Text columns are their cells joined by
/// NUL (`index.js` splits them); money as decimal strings joined the same way, or in minor units
/// (`BigInt64Array`) with `money: "minor"`.
#[napi(object)]
pub struct PenaltyColumns {
    /// The invoice's row in the input.
    pub row: Uint32Array,
    /// Invoice ids.
    pub id: String,
    /// Customer ids.
    pub customer: String,
    /// Currencies.
    pub currency: String,
    /// Due dates, `YYYY-MM-DD`.
    #[napi(js_name = "due_date")]
    pub due_date: String,
    /// Days late (0 before the due date and for settled invoices).
    #[napi(js_name = "days_late")]
    pub days_late: Int32Array,
    /// Aging bucket label, or `settled`.
    pub bucket: String,
    /// Outstanding in the ledger.
    pub outstanding: Either<String, BigInt64Array>,
    /// Interest accrued over the whole delay.
    pub interest: Either<String, BigInt64Array>,
    /// Interest covered by payments.
    #[napi(js_name = "interest_paid")]
    pub interest_paid: Either<String, BigInt64Array>,
    /// Interest still owed.
    #[napi(js_name = "interest_outstanding")]
    pub interest_outstanding: Either<String, BigInt64Array>,
    /// Fixed compensation.
    #[napi(js_name = "fixed_compensation")]
    pub fixed_compensation: Either<String, BigInt64Array>,
    /// `outstanding + interest + fixed_compensation`: the statement's total due (with
    /// interest-first imputation `interest_paid` is principal still owed; the sum is the same).
    #[napi(js_name = "total_due")]
    pub total_due: Either<String, BigInt64Array>,
    /// Why a late invoice has no penalties: an index into `no_penalties_reasons`, or -1
    /// (`index.js` turns the two into the `no_penalties` column of text or null).
    #[napi(js_name = "no_penalties_index")]
    pub no_penalties_index: Int32Array,
    /// The distinct reasons.
    #[napi(js_name = "no_penalties_reasons")]
    pub no_penalties_reasons: Vec<String>,
}

/// Cells joined by NUL.
fn joined<'a>(cells: impl Iterator<Item = &'a str>, bytes_per_cell: usize, n: usize) -> String {
    let mut out = String::with_capacity(n.saturating_mul(bytes_per_cell));
    for (k, c) in cells.enumerate() {
        if k > 0 {
            out.push('\0');
        }
        out.push_str(c);
    }
    out
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
    let rates = arrears::rates::RateTable::builtin_with(request.rates.clone())?;
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
    let rates = arrears::rates::RateTable::builtin_with(request.rates.clone())?;
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

/// The options of `kpisOfTables`: the defaults of the tables' rows and the `kpis` request
/// without its ledger.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpisTablesRequest {
    /// Currency of rows without one.
    #[serde(default)]
    pub currency: Option<String>,
    /// Country of customers without one.
    #[serde(default)]
    pub country: Option<String>,
    /// Kind of debtor of customers without one.
    #[serde(default)]
    pub debtor: Option<DebtorStatus>,
    /// `as_of`, `from`, `to`, `group_by`, `journal`, `options`.
    pub request: arrears::kpi::ops::BookKpisRequest,
}

/// The key figures of the tables ([`arrears::kpi::ops::kpis_of_book`]), as an answer envelope.
///
/// # Errors
/// The errors of [`Tables::book`] and of the KPIs.
pub fn kpis(tables: &Tables, request: &str) -> Result<String> {
    let request: KpisTablesRequest = arrears::ops::from_json_str(request)?;
    let book = tables.book(row_defaults(
        request.currency.as_deref(),
        request.country.as_ref(),
        request.debtor,
    )?)?;
    let report = arrears::kpi::ops::kpis_of_book(&book, request.request)?;
    let json =
        serde_json::to_string(&report).map_err(|e| Error::new(Code::Internal, e.to_string()))?;
    Ok(format!("{{\"ok\":{json}}}"))
}

impl Computed {
    /// The JavaScript columns.
    pub fn columns(self) -> PenaltyColumns {
        use std::fmt::Write as _;
        let Computed { book, table, minor } = self;
        let n = table.invoice.len();
        let inv = |k: usize| table.invoice.get(k).copied().unwrap_or(0) as usize;
        let currency_of =
            |k: usize| book.currency(book.invoice_currency.get(inv(k)).copied().unwrap_or(0));
        let money = |v: &[i64]| -> Either<String, BigInt64Array> {
            if minor {
                return Either::B(BigInt64Array::new(v.to_vec()));
            }
            let mut out = String::with_capacity(n.saturating_mul(9));
            for (k, m) in v.iter().enumerate() {
                if k > 0 {
                    out.push('\0');
                }
                let d = arrears::prelude::Decimal::new(*m, currency_of(k).minor_units());
                let _ = write!(out, "{d}");
            }
            Either::A(out)
        };
        let mut due_date = String::with_capacity(n.saturating_mul(11));
        for k in 0..n {
            if k > 0 {
                due_date.push('\0');
            }
            if let Some(d) = book.invoice_due.get(inv(k)).and_then(|d| date_of(*d)) {
                let _ = write!(due_date, "{}", d.format("%Y-%m-%d"));
            }
        }
        PenaltyColumns {
            row: Uint32Array::new(table.invoice.clone()),
            id: joined((0..n).map(|k| book.invoice_id.get(inv(k))), 13, n),
            customer: joined(
                (0..n).map(|k| {
                    let c = book.invoice_customer.get(inv(k)).copied().unwrap_or(0);
                    book.customer_id.get(c as usize)
                }),
                9,
                n,
            ),
            currency: joined((0..n).map(|k| currency_of(k).code()), 4, n),
            due_date,
            days_late: Int32Array::new(
                table
                    .days_late
                    .iter()
                    .map(|d| i32::try_from(*d).unwrap_or(i32::MAX))
                    .collect(),
            ),
            bucket: joined(
                table.bucket.iter().map(|b| match *b {
                    SETTLED => "settled",
                    b => table
                        .bucket_labels
                        .get(usize::from(b))
                        .map_or("", String::as_str),
                }),
                6,
                n,
            ),
            outstanding: money(&table.outstanding),
            interest: money(&table.interest),
            interest_paid: money(&table.interest_paid),
            interest_outstanding: money(&table.interest_outstanding),
            fixed_compensation: money(&table.fixed_compensation),
            total_due: money(&table.total_due),
            no_penalties_index: Int32Array::new(
                table
                    .no_penalties
                    .iter()
                    .map(|r| r.and_then(|r| i32::try_from(r).ok()).unwrap_or(-1))
                    .collect(),
            ),
            no_penalties_reasons: table.reasons.clone(),
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
    /// Rate series added to the built-in table or replacing one (`docs/rates.md`).
    #[serde(default)]
    pub rates: Vec<arrears::rates::RateSeries>,
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
        row_defaults(self.currency.as_deref(), self.country.as_ref(), self.debtor)
    }
}

/// The defaults of rows without a currency, and of customers without a country or a kind.
fn row_defaults(
    currency: Option<&str>,
    country: Option<&String>,
    debtor: Option<DebtorStatus>,
) -> Result<Defaults> {
    Defaults::from_options(
        currency,
        &arrears::ledger::CustomerDefaults {
            country: country.cloned(),
            debtor,
        },
    )
}
