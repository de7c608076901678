//! Arrow columns in and out of the arrears batch engine.
//!
//! A ledger as three Arrow tables (invoices, payments, customers: the JSON documents' field names as
//! column names) becomes a [`Book`], with the ledger's checks ([`BookBuilder`]); the penalty table
//! comes back as one [`RecordBatch`]. Python (pyarrow, pandas, polars) and Parquet files go through
//! here; the core stays free of Arrow and of I/O.
//!
//! Column types, by field:
//!
//! | field | accepted |
//! |---|---|
//! | ids (`id`, `customer`, `invoice`), `currency`, `country`, `debtor` | `Utf8`, `LargeUtf8`, `Utf8View`, dictionaries of them |
//! | dates (`issue_date`, `due_date`, `date`) | `Date32`, `Date64` and `Timestamp` without a time zone at midnight, or text `YYYY-MM-DD` |
//! | amounts (`amount`) | `Decimal128` (any scale, exact in the currency's minor units), or an integer column whose field metadata declares its scale (`{"scale": "2"}`: minor units) |
//!
//! Money in floating point is refused (`import.column_type`): a float cannot hold 0.10 exactly, and a
//! figure sent to a debtor must be right to the cent.
//!
//! ```
//! use std::sync::Arc;
//! use arrears_arrow::arrow_array::{ArrayRef, Date32Array, Decimal128Array, RecordBatch, StringArray};
//! use arrears::portfolio::build::Defaults;
//!
//! let invoices = RecordBatch::try_from_iter([
//!     ("id", Arc::new(StringArray::from(vec!["F1"])) as ArrayRef),
//!     ("customer", Arc::new(StringArray::from(vec!["C1"]))),
//!     ("issue_date", Arc::new(Date32Array::from(vec![19_723]))), // 2024-01-01
//!     ("due_date", Arc::new(Date32Array::from(vec![19_753]))),   // 2024-01-31
//!     ("amount", Arc::new(Decimal128Array::from(vec![100_000]).with_precision_and_scale(14, 2)?)),
//!     ("currency", Arc::new(StringArray::from(vec!["EUR"]))),
//! ])?;
//! let book = arrears_arrow::book(&arrears_arrow::Tables { invoices: &[invoices], ..Default::default() },
//!                                Defaults::default())?;
//! assert_eq!(book.invoice_amount, vec![100_000]); // 1 000.00 EUR in cents
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::sync::Arc;

pub use arrow_array;
pub use arrow_schema;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Decimal128Type, Int16Type, Int32Type, Int64Type, Int8Type,
    TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType,
};
use arrow_array::{
    Array, ArrayRef, Date32Array, Decimal128Array, Int64Array, RecordBatch, StringArray,
};
use arrow_schema::{DataType, Field, Schema, TimeUnit};

use arrears::ledger::DebtorStatus;
use arrears::money::Currency;
use arrears::portfolio::batch::{PenaltyTable, SETTLED};
use arrears::portfolio::build::{Amount, BookBuilder, Defaults};
use arrears::portfolio::columns::{day_number, Book, NONE};
use arrears::{Code, Error, Problems, Result};

/// The tables of a ledger, each as record batches (a Parquet file's row groups, a pyarrow table's
/// chunks). Payments and customers may be empty.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tables<'a> {
    /// Invoices: `id`, `customer`, `issue_date`, `due_date`, `amount`, `currency` (optional with a
    /// default currency).
    pub invoices: &'a [RecordBatch],
    /// Payments: `date`, `amount`; optional `id`, `customer`, `invoice`, `currency`.
    pub payments: &'a [RecordBatch],
    /// Customers: `id`; optional `country`, `debtor` (other columns, e.g. `name`, are not needed
    /// by the batch engine and are ignored).
    pub customers: &'a [RecordBatch],
}

/// Columns of the CSV import that the tables do not support (they change what a row means, so
/// ignoring them would be wrong).
const UNSUPPORTED: &[&str] = &[
    "terms",
    "paid_date",
    "paid_amount",
    "net_amount",
    "tax_amount",
    "allocations",
];

/// The batch with some columns renamed: `renames` holds (column in the table, field of the
/// document) pairs, as the command line's `--map FIELD=Header` and the bindings' `map=` give them,
/// so that an export's own headers need no copy of the data. Columns not named keep their names.
///
/// ```
/// use std::sync::Arc;
/// use arrears_arrow::{rename_columns, arrow_array::{ArrayRef, RecordBatch, StringArray}};
/// let batch = RecordBatch::try_from_iter([
///     ("N° facture", Arc::new(StringArray::from(vec!["F1"])) as ArrayRef),
/// ])?;
/// let renamed = rename_columns(batch, &[("N° facture".into(), "id".into())])?;
/// assert_eq!(renamed.schema().field(0).name(), "id");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// `input.invalid_value` when two columns end with one name.
pub fn rename_columns(batch: RecordBatch, renames: &[(String, String)]) -> Result<RecordBatch> {
    if renames.is_empty() {
        return Ok(batch);
    }
    let schema = batch.schema();
    let fields: Vec<Field> = schema
        .fields()
        .iter()
        .map(|f| match renames.iter().find(|(h, _)| h == f.name()) {
            Some((_, field)) => f.as_ref().clone().with_name(field.clone()),
            None => f.as_ref().clone(),
        })
        .collect();
    for (i, f) in fields.iter().enumerate() {
        if fields
            .iter()
            .skip(i.saturating_add(1))
            .any(|g| g.name() == f.name())
        {
            return Err(Error::new(
                Code::InvalidValue,
                format!(
                    "two columns would be named {:?}: map one of them only",
                    f.name()
                ),
            ));
        }
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), batch.columns().to_vec())
        .map_err(|e| Error::new(Code::InvalidValue, e.to_string()))
}

/// The book of a ledger given as tables, with the ledger's checks. Every problem is reported
/// (up to 100, then a count), each at `table[row].column` (rows from 0).
///
/// # Errors
/// `import.missing_column`, `import.column_type`, `import.invalid_cell`, and the errors of
/// [`BookBuilder`] (`ledger.duplicate_id`, `ledger.unknown_invoice`, ...).
pub fn book(tables: &Tables<'_>, defaults: Defaults) -> Result<Book> {
    let rows = |t: &[RecordBatch]| t.iter().map(RecordBatch::num_rows).sum::<usize>();
    let mut b = BookBuilder::with_capacity(defaults, rows(tables.invoices), rows(tables.payments));
    let mut problems = Problems::default();
    let mut row = 0usize;
    for batch in tables.customers {
        let id = text_column(batch, "customers", "id", true)?;
        let country = text_column(batch, "customers", "country", false)?;
        let debtor = text_column(batch, "customers", "debtor", false)?;
        for k in 0..batch.num_rows() {
            let at = |e: Error| e.at(format!("customers[{}]", row.saturating_add(k)));
            let Some(id) = text(&id, k) else {
                problems.push(at(empty("id")));
                continue;
            };
            let debtor = match text(&debtor, k).map(str::parse::<DebtorStatus>).transpose() {
                Ok(d) => d,
                Err(e) => {
                    problems.push(at(e.at("debtor")));
                    continue;
                }
            };
            if let Err(e) = b.customer(id, text(&country, k), debtor) {
                problems.push(at(e));
            }
        }
        row = row.saturating_add(batch.num_rows());
    }

    row = 0;
    for batch in tables.invoices {
        refuse_unsupported(batch, "invoices")?;
        let id = text_column(batch, "invoices", "id", true)?;
        let customer = text_column(batch, "invoices", "customer", true)?;
        let issue = days(batch, "invoices", "issue_date", true)?;
        let due = days(batch, "invoices", "due_date", true)?;
        let amount = amounts(batch, "invoices", "amount")?;
        let currency = text_column(batch, "invoices", "currency", false)?;
        let mut currencies = Currencies::default();
        for k in 0..batch.num_rows() {
            let at = |e: Error| e.at(format!("invoices[{}]", row.saturating_add(k)));
            let cells = (|| {
                Ok::<_, Error>((
                    text(&id, k).ok_or_else(|| empty("id"))?,
                    text(&customer, k).ok_or_else(|| empty("customer"))?,
                    issue.get(k)?.ok_or_else(|| empty("issue_date"))?,
                    due.get(k)?.ok_or_else(|| empty("due_date"))?,
                    amount.get(k)?.ok_or_else(|| empty("amount"))?,
                    currencies
                        .of(text(&currency, k))
                        .map_err(|e| e.at("currency"))?,
                ))
            })();
            match cells {
                Ok((id, customer, issue, due, amount, currency)) => {
                    if let Err(e) = b.invoice(id, customer, issue, due, amount, currency) {
                        problems.push(at(e));
                    }
                }
                Err(e) => problems.push(at(e)),
            }
        }
        row = row.saturating_add(batch.num_rows());
    }

    row = 0;
    for batch in tables.payments {
        refuse_unsupported(batch, "payments")?;
        let id = text_column(batch, "payments", "id", false)?;
        let customer = text_column(batch, "payments", "customer", false)?;
        let invoice = text_column(batch, "payments", "invoice", false)?;
        let date = days(batch, "payments", "date", true)?;
        let amount = amounts(batch, "payments", "amount")?;
        let currency = text_column(batch, "payments", "currency", false)?;
        let mut currencies = Currencies::default();
        for k in 0..batch.num_rows() {
            let at = |e: Error| e.at(format!("payments[{}]", row.saturating_add(k)));
            let cells = (|| {
                Ok::<_, Error>((
                    date.get(k)?.ok_or_else(|| empty("date"))?,
                    amount.get(k)?.ok_or_else(|| empty("amount"))?,
                    currencies
                        .of(text(&currency, k))
                        .map_err(|e| e.at("currency"))?,
                ))
            })();
            let result = cells.and_then(|(day, amount, cur)| {
                b.payment(
                    text(&id, k),
                    text(&customer, k),
                    text(&invoice, k),
                    day,
                    amount,
                    cur,
                )
            });
            if let Err(e) = result {
                problems.push(at(e));
            }
        }
        row = row.saturating_add(batch.num_rows());
    }
    problems.finish()?;
    Ok(b.finish())
}

fn empty(column: &str) -> Error {
    Error::new(Code::InvalidCell, format!("`{column}` is empty")).at(column)
}

fn refuse_unsupported(batch: &RecordBatch, table: &str) -> Result<()> {
    for f in batch.schema().fields() {
        if UNSUPPORTED.contains(&f.name().as_str()) {
            return Err(Error::new(
                Code::ColumnType,
                format!(
                    "`{}`: the tables do not support this column yet; read the ledger as JSON or CSV",
                    f.name()
                ),
            )
            .at(table));
        }
    }
    Ok(())
}

fn column<'b>(batch: &'b RecordBatch, name: &str) -> Option<&'b ArrayRef> {
    batch.schema().index_of(name).ok().map(|i| batch.column(i))
}

fn missing(table: &str, name: &str) -> Error {
    Error::new(
        Code::MissingColumn,
        format!("the {table} table has no `{name}` column"),
    )
    .at(table)
}

fn wrong_type(table: &str, name: &str, found: &DataType, wanted: &str) -> Error {
    Error::new(
        Code::ColumnType,
        format!("`{name}` is {found}; it must be {wanted}"),
    )
    .at(format!("{table}.{name}"))
}

/// A text column as `Utf8` (cast from the other string layouts), or `None` when absent.
fn text_column(
    batch: &RecordBatch,
    table: &str,
    name: &str,
    required: bool,
) -> Result<Option<StringArray>> {
    let Some(array) = column(batch, name) else {
        return if required {
            Err(missing(table, name))
        } else {
            Ok(None)
        };
    };
    let stringy =
        |t: &DataType| matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View);
    let ok = match array.data_type() {
        t if stringy(t) => true,
        DataType::Dictionary(_, v) => stringy(v),
        _ => false,
    };
    if !ok {
        return Err(wrong_type(table, name, array.data_type(), "text"));
    }
    let utf8 = arrow_cast::cast(array, &DataType::Utf8)
        .map_err(|e| Error::new(Code::ColumnType, e.to_string()).at(format!("{table}.{name}")))?;
    Ok(Some(utf8.as_string::<i32>().clone()))
}

/// A cell of a text column, trimmed; `None` when the column is absent, the cell null or blank.
fn text(column: &Option<StringArray>, k: usize) -> Option<&str> {
    let c = column.as_ref()?;
    if c.is_null(k) || k >= c.len() {
        return None;
    }
    let v = c.value(k).trim();
    (!v.is_empty()).then_some(v)
}

/// A date column as day numbers.
enum Days {
    Absent,
    Ready(Vec<Option<i32>>),
}

impl Days {
    fn get(&self, k: usize) -> Result<Option<i32>> {
        match self {
            Days::Absent => Ok(None),
            Days::Ready(v) => Ok(v.get(k).copied().flatten()),
        }
    }
}

fn days(batch: &RecordBatch, table: &str, name: &str, required: bool) -> Result<Days> {
    let Some(array) = column(batch, name) else {
        return if required {
            Err(missing(table, name))
        } else {
            Ok(Days::Absent)
        };
    };
    let at = |k: usize| format!("{table}[{k}].{name}");
    const DAY_SECONDS: i64 = 86_400;
    let whole_days = |v: i64, per_day: i64, k: usize| -> Result<i32> {
        if v.checked_rem(per_day) != Some(0) {
            return Err(Error::new(
                Code::ColumnType,
                "a date with a time of day: store dates, or timestamps at midnight",
            )
            .at(at(k)));
        }
        i32::try_from(v.div_euclid(per_day))
            .map_err(|_| Error::new(Code::InvalidDate, "date out of range").at(at(k)))
    };
    let collect = |n: usize,
                   f: &dyn Fn(usize) -> Result<Option<i32>>|
     -> Result<Vec<Option<i32>>> { (0..n).map(f).collect() };
    let n = array.len();
    let values = match array.data_type() {
        DataType::Date32 => {
            let a = array.as_primitive::<Date32Type>();
            collect(n, &|k| Ok((!a.is_null(k)).then(|| a.value(k))))?
        }
        DataType::Date64 => {
            let a = array.as_primitive::<Date64Type>();
            collect(n, &|k| {
                (!a.is_null(k))
                    .then(|| whole_days(a.value(k), DAY_SECONDS.saturating_mul(1000), k))
                    .transpose()
            })?
        }
        DataType::Timestamp(unit, None) => {
            let per_day = DAY_SECONDS.saturating_mul(match unit {
                TimeUnit::Second => 1,
                TimeUnit::Millisecond => 1_000,
                TimeUnit::Microsecond => 1_000_000,
                TimeUnit::Nanosecond => 1_000_000_000,
            });
            let value = |k: usize| -> Option<i64> {
                match unit {
                    TimeUnit::Second => {
                        let a = array.as_primitive::<TimestampSecondType>();
                        (!a.is_null(k)).then(|| a.value(k))
                    }
                    TimeUnit::Millisecond => {
                        let a = array.as_primitive::<TimestampMillisecondType>();
                        (!a.is_null(k)).then(|| a.value(k))
                    }
                    TimeUnit::Microsecond => {
                        let a = array.as_primitive::<TimestampMicrosecondType>();
                        (!a.is_null(k)).then(|| a.value(k))
                    }
                    TimeUnit::Nanosecond => {
                        let a = array.as_primitive::<TimestampNanosecondType>();
                        (!a.is_null(k)).then(|| a.value(k))
                    }
                }
            };
            collect(n, &|k| {
                value(k).map(|v| whole_days(v, per_day, k)).transpose()
            })?
        }
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {
            let texts = text_column(batch, table, name, true)?;
            collect(n, &|k| {
                text(&texts, k)
                    .map(|s| {
                        arrears::calendar::date::parse_date(s)
                            .map(day_number)
                            .map_err(|e| e.at(at(k)))
                    })
                    .transpose()
            })?
        }
        other => {
            return Err(wrong_type(
                table,
                name,
                other,
                "a date (Date32), a timestamp at midnight or YYYY-MM-DD text",
            ))
        }
    };
    Ok(Days::Ready(values))
}

/// An amount column.
enum Amounts {
    Decimal(Decimal128Array, u32),
    Integer(Int64Array, u32),
}

impl Amounts {
    fn get(&self, k: usize) -> Result<Option<Amount>> {
        Ok(match self {
            Amounts::Decimal(a, scale) if !a.is_null(k) => Some(Amount::Scaled {
                digits: a.value(k),
                scale: *scale,
            }),
            Amounts::Integer(a, scale) if !a.is_null(k) => Some(Amount::Scaled {
                digits: i128::from(a.value(k)),
                scale: *scale,
            }),
            _ => None,
        })
    }
}

fn amounts(batch: &RecordBatch, table: &str, name: &str) -> Result<Amounts> {
    let array = column(batch, name).ok_or_else(|| missing(table, name))?;
    let schema = batch.schema();
    let field = schema.field_with_name(name).ok();
    let declared_scale = field
        .and_then(|f| f.metadata().get("scale"))
        .and_then(|s| s.trim().parse::<u32>().ok());
    match array.data_type() {
        DataType::Decimal128(_, scale) => {
            let a = array.as_primitive::<Decimal128Type>().clone();
            if *scale < 0 {
                // A negative scale counts tens: 12 at scale -1 is 120.
                let factor = 10i128.checked_pow(u32::from(scale.unsigned_abs())).unwrap_or(1);
                let scaled: Decimal128Array = a
                    .iter()
                    .map(|v| v.and_then(|v| v.checked_mul(factor)))
                    .collect();
                return Ok(Amounts::Decimal(scaled, 0));
            }
            Ok(Amounts::Decimal(a, u32::from(scale.unsigned_abs())))
        }
        DataType::Int8 | DataType::Int16 | DataType::Int32 | DataType::Int64 => {
            let Some(scale) = declared_scale else {
                return Err(wrong_type(
                    table,
                    name,
                    array.data_type(),
                    "a decimal, or integer minor units whose field metadata declares the scale ({\"scale\": \"2\"})",
                ));
            };
            let a: Int64Array = match array.data_type() {
                DataType::Int8 => array.as_primitive::<Int8Type>().iter().map(|v| v.map(i64::from)).collect(),
                DataType::Int16 => array.as_primitive::<Int16Type>().iter().map(|v| v.map(i64::from)).collect(),
                DataType::Int32 => array.as_primitive::<Int32Type>().iter().map(|v| v.map(i64::from)).collect(),
                _ => array.as_primitive::<Int64Type>().clone(),
            };
            Ok(Amounts::Integer(a, scale))
        }
        DataType::Float16 | DataType::Float32 | DataType::Float64 => Err(Error::new(
            Code::ColumnType,
            format!(
                "`{name}` holds money as floating point ({}), which cannot represent cents exactly; store it as a decimal (e.g. decimal(18, 2)) or as integer minor units with a declared scale",
                array.data_type()
            ),
        )
        .at(format!("{table}.{name}"))),
        other => Err(wrong_type(table, name, other, "a decimal")),
    }
}

/// Currency codes as written, parsed once each.
#[derive(Default)]
struct Currencies {
    known: Vec<(String, Currency)>,
}

impl Currencies {
    fn of(&mut self, code: Option<&str>) -> Result<Option<Currency>> {
        let Some(code) = code else { return Ok(None) };
        if let Some((_, c)) = self.known.iter().find(|(k, _)| k == code) {
            return Ok(Some(*c));
        }
        let c = Currency::from_code(&code.to_ascii_uppercase())?;
        self.known.push((code.to_string(), c));
        Ok(Some(c))
    }
}

/// The scale of the money columns of a book's tables: the most minor units among its currencies
/// (2 for EUR and GBP, 3 with KWD), so that every amount is exact in one decimal column.
fn money_scale(book: &Book) -> u32 {
    finest_scale(book.currencies.iter().copied())
}

/// The most decimals among some currencies (2 when there are none): the scale of a table's
/// decimal money columns.
fn finest_scale(currencies: impl Iterator<Item = Currency>) -> u32 {
    currencies.map(|c| c.minor_units()).max().unwrap_or(2)
}

/// A decimal money column of document rows, each amount checked to be exact in its row's
/// currency (`key` gives the row's name for the error and its currency).
fn exact_money_column<R>(
    rows: &[R],
    scale: u32,
    key: impl Fn(&R) -> (&str, Currency),
    value: &dyn Fn(&R) -> rust_decimal::Decimal,
) -> Result<ArrayRef> {
    let minor: Result<Vec<Option<(i64, u32)>>> = rows
        .iter()
        .map(|r| {
            let (name, currency) = key(r);
            arrears::portfolio::columns::minor_units(value(r), currency)
                .map(|m| Some((m, currency.minor_units())))
                .ok_or_else(|| {
                    Error::new(
                        Code::NotInMinorUnits,
                        format!(
                            "{name}: {} is not in minor units of {}",
                            value(r),
                            currency.code()
                        ),
                    )
                })
        })
        .collect();
    decimal_column(minor?.into_iter(), scale).map(|a| Arc::new(a) as ArrayRef)
}

fn decimal_column(
    values: impl Iterator<Item = Option<(i64, u32)>>,
    scale: u32,
) -> Result<Decimal128Array> {
    let a: Decimal128Array = values
        .map(|v| {
            v.map(|(minor, units)| {
                i128::from(minor).saturating_mul(10i128.saturating_pow(scale.saturating_sub(units)))
            })
        })
        .collect();
    a.with_precision_and_scale(38, i8::try_from(scale).unwrap_or(2))
        .map_err(|e| Error::new(Code::InvalidValue, e.to_string()))
}

fn batch(columns: Vec<(&str, ArrayRef, bool)>) -> Result<RecordBatch> {
    let fields: Vec<Field> = columns
        .iter()
        .map(|(n, a, nullable)| Field::new(*n, a.data_type().clone(), *nullable))
        .collect();
    RecordBatch::try_new(
        Arc::new(Schema::new(fields)),
        columns.into_iter().map(|(_, a, _)| a).collect(),
    )
    .map_err(|e| Error::new(Code::InvalidValue, e.to_string()))
}

/// The penalty table as one record batch, with the columns of `arrears penalties`
/// ([`arrears::portfolio::COLUMNS`]): text ids, `due_date` as `Date32`, `days_late` as `Int64`,
/// the bucket as text, and the money columns as `Decimal128(38, s)` where `s` is the most minor
/// units among the book's currencies (amounts of every currency exact in one column); then
/// `no_penalties`, null unless a late receivable has no penalties, when it says why (no regime
/// for the customer, a rate not yet known: the `no_penalties` of `--format json`).
///
/// # Errors
/// None in practice (the columns have one length by construction).
pub fn penalty_batch(book: &Book, table: &PenaltyTable) -> Result<RecordBatch> {
    let n = table.invoice.len();
    let scale = money_scale(book);
    let inv = |k: usize| table.invoice.get(k).copied().unwrap_or(0) as usize;
    let units = |k: usize| {
        book.currency(book.invoice_currency.get(inv(k)).copied().unwrap_or(0))
            .minor_units()
    };
    let money = |v: &[i64]| {
        decimal_column(
            (0..n).map(|k| Some((v.get(k).copied().unwrap_or(0), units(k)))),
            scale,
        )
        .map(|a| Arc::new(a) as ArrayRef)
    };
    let strings = |f: &dyn Fn(usize) -> String| -> ArrayRef {
        Arc::new((0..n).map(|k| Some(f(k))).collect::<StringArray>())
    };
    batch(vec![
        (
            "id",
            strings(&|k| book.invoice_id.get(inv(k)).to_string()),
            false,
        ),
        (
            "customer",
            strings(&|k| {
                let c = book.invoice_customer.get(inv(k)).copied().unwrap_or(0);
                book.customer_id.get(c as usize).to_string()
            }),
            false,
        ),
        (
            "currency",
            strings(&|k| {
                book.currency(book.invoice_currency.get(inv(k)).copied().unwrap_or(0))
                    .code()
                    .to_string()
            }),
            false,
        ),
        (
            "due_date",
            Arc::new(Date32Array::from(
                (0..n)
                    .map(|k| book.invoice_due.get(inv(k)).copied().unwrap_or(0))
                    .collect::<Vec<i32>>(),
            )),
            false,
        ),
        (
            "days_late",
            Arc::new(Int64Array::from(table.days_late.clone())),
            false,
        ),
        (
            "bucket",
            strings(&|k| match table.bucket.get(k).copied() {
                Some(SETTLED) | None => "settled".to_string(),
                Some(b) => table
                    .bucket_labels
                    .get(usize::from(b))
                    .cloned()
                    .unwrap_or_default(),
            }),
            false,
        ),
        ("outstanding", money(&table.outstanding)?, false),
        ("interest", money(&table.interest)?, false),
        ("interest_paid", money(&table.interest_paid)?, false),
        (
            "interest_outstanding",
            money(&table.interest_outstanding)?,
            false,
        ),
        (
            "fixed_compensation",
            money(&table.fixed_compensation)?,
            false,
        ),
        ("total_due", money(&table.total_due)?, false),
        (
            "no_penalties",
            Arc::new(
                (0..n)
                    .map(|k| {
                        let why = table.no_penalties.get(k).copied().flatten()?;
                        table.reasons.get(why as usize).map(String::as_str)
                    })
                    .collect::<StringArray>(),
            ),
            true,
        ),
    ])
}

/// The penalty table of the per-invoice engine ([`arrears::portfolio::penalty_table`], for
/// ledgers the batch engine does not take: terms, credit notes, write-offs, split invoices) as
/// one record batch with the columns and types of [`penalty_batch`].
///
/// ```
/// use arrears::{ledger::Ledger, portfolio, rates::RateTable, sample};
/// let ledger = Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?;
/// let rows = portfolio::penalty_table(&ledger, sample::AS_OF, &Default::default(), &RateTable::builtin()?)?;
/// let batch = arrears_arrow::penalty_rows_batch(&rows)?;
/// assert_eq!(batch.num_rows(), rows.len());
/// assert_eq!(batch.schema().field(7).name(), "interest");
/// # Ok::<(), arrears::Error>(())
/// ```
///
/// # Errors
/// `money.not_in_minor_units` for an amount finer than its currency (not produced by the engine).
pub fn penalty_rows_batch(rows: &[arrears::portfolio::PenaltyRow]) -> Result<RecordBatch> {
    let scale = finest_scale(rows.iter().map(|r| r.currency));
    let money = |f: &dyn Fn(&arrears::portfolio::PenaltyRow) -> rust_decimal::Decimal| {
        exact_money_column(rows, scale, |r| (r.id.as_str(), r.currency), f)
    };
    let text = |f: &dyn Fn(&arrears::portfolio::PenaltyRow) -> String| -> ArrayRef {
        Arc::new(rows.iter().map(|r| Some(f(r))).collect::<StringArray>())
    };
    batch(vec![
        ("id", text(&|r| r.id.clone()), false),
        ("customer", text(&|r| r.customer.clone()), false),
        ("currency", text(&|r| r.currency.code().to_string()), false),
        (
            "due_date",
            Arc::new(Date32Array::from(
                rows.iter()
                    .map(|r| day_number(r.due_date))
                    .collect::<Vec<i32>>(),
            )),
            false,
        ),
        (
            "days_late",
            Arc::new(Int64Array::from(
                rows.iter().map(|r| r.days_late).collect::<Vec<i64>>(),
            )),
            false,
        ),
        ("bucket", text(&|r| r.bucket.clone()), false),
        ("outstanding", money(&|r| r.outstanding)?, false),
        ("interest", money(&|r| r.interest)?, false),
        ("interest_paid", money(&|r| r.interest_paid)?, false),
        (
            "interest_outstanding",
            money(&|r| r.interest_outstanding)?,
            false,
        ),
        (
            "fixed_compensation",
            money(&|r| r.fixed_compensation)?,
            false,
        ),
        ("total_due", money(&|r| r.total_due)?, false),
        (
            "no_penalties",
            Arc::new(
                rows.iter()
                    .map(|r| r.no_penalties.as_deref())
                    .collect::<StringArray>(),
            ),
            true,
        ),
    ])
}

/// The per-customer totals (`arrears penalties --by customer`) as one record batch: the columns
/// of [`arrears::portfolio::customers::COLUMNS`], counts and days as `Int64`, amounts as
/// `Decimal128(38, s)` with the finest scale among the rows' currencies.
///
/// ```
/// use arrears::{portfolio::customers::customer_table, rates::RateTable, ledger::Ledger, sample};
/// let ledger = Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?;
/// let rows = customer_table(&ledger, sample::AS_OF, &Default::default(), &RateTable::builtin()?)?;
/// let batch = arrears_arrow::customer_totals_batch(&rows)?;
/// assert_eq!(batch.num_rows(), rows.len());
/// assert_eq!(batch.schema().field(8).name(), "1-30");
/// # Ok::<(), arrears::Error>(())
/// ```
///
/// # Errors
/// `money.not_in_minor_units` for an amount finer than its currency (not produced by the engine).
pub fn customer_totals_batch(
    rows: &[arrears::portfolio::customers::CustomerTotal],
) -> Result<RecordBatch> {
    use arrears::portfolio::customers::{CustomerTotal, COLUMNS};
    let scale = finest_scale(rows.iter().map(|r| r.currency));
    let money = |f: &dyn Fn(&CustomerTotal) -> rust_decimal::Decimal| -> Result<ArrayRef> {
        exact_money_column(rows, scale, |r| (r.customer.as_str(), r.currency), f)
    };
    // Counts as Int64, not UInt64: Spark and older pandas have no unsigned 64-bit type.
    let count = |f: &dyn Fn(&CustomerTotal) -> u64| -> ArrayRef {
        Arc::new(Int64Array::from(
            rows.iter()
                .map(|r| i64::try_from(f(r)).unwrap_or(i64::MAX))
                .collect::<Vec<i64>>(),
        ))
    };
    let mut columns: Vec<(&str, ArrayRef, bool)> = vec![
        (
            "customer",
            Arc::new(
                rows.iter()
                    .map(|r| Some(r.customer.as_str()))
                    .collect::<StringArray>(),
            ),
            false,
        ),
        (
            "currency",
            Arc::new(
                rows.iter()
                    .map(|r| Some(r.currency.code()))
                    .collect::<StringArray>(),
            ),
            false,
        ),
        ("invoices", count(&|r| r.invoices), false),
        ("open_invoices", count(&|r| r.open_invoices), false),
        ("overdue_invoices", count(&|r| r.overdue_invoices), false),
        ("outstanding", money(&|r| r.outstanding)?, false),
        ("overdue", money(&|r| r.overdue)?, false),
    ];
    // The aging buckets, named as the documented columns (every row has the same buckets).
    for (b, name) in COLUMNS.iter().skip(7).take(5).enumerate() {
        let amount =
            money(&|r: &CustomerTotal| r.aging.get(b).map(|a| a.amount).unwrap_or_default())?;
        columns.push((name, amount, false));
    }
    columns.push((
        "max_days_late",
        Arc::new(Int64Array::from(
            rows.iter().map(|r| r.max_days_late).collect::<Vec<i64>>(),
        )),
        false,
    ));
    columns.push(("interest", money(&|r| r.interest)?, false));
    columns.push((
        "interest_outstanding",
        money(&|r| r.interest_outstanding)?,
        false,
    ));
    columns.push((
        "fixed_compensation",
        money(&|r| r.fixed_compensation)?,
        false,
    ));
    columns.push(("total_due", money(&|r| r.total_due)?, false));
    batch(columns)
}

/// The penalty table of a ledger document as one record batch, from the engine that takes it: the
/// batch engine for invoices with due dates and payments, the per-invoice engine for anything
/// else (terms, credit notes, write-offs, split invoices). Both give the same figures (the
/// core's property tests hold them to it) and the same columns ([`penalty_batch`]).
///
/// ```
/// use arrears::{rates::RateTable, sample};
/// let ledger = sample::portfolio(sample::DEFAULT_SEED)?; // terms and write-offs: per-invoice engine
/// let batch = arrears_arrow::ledger_penalty_batch(ledger, sample::AS_OF, &Default::default(),
///                                                  &RateTable::builtin()?)?;
/// assert!(batch.num_rows() > 400);
/// # Ok::<(), arrears::Error>(())
/// ```
///
/// # Errors
/// The errors of [`arrears::ledger::Ledger::new`] (at `ledger`) and of the engines.
pub fn ledger_penalty_batch(
    document: arrears::ledger::LedgerDocument,
    as_of: chrono::NaiveDate,
    options: &arrears::interest::ledger::LedgerInterestOptions,
    rates: &arrears::rates::RateTable,
) -> Result<RecordBatch> {
    match Book::from_document(&document) {
        Ok(book) => {
            let table = arrears::portfolio::batch::penalty_table(&book, as_of, options, rates)?;
            penalty_batch(&book, &table)
        }
        Err(_) => {
            let ledger = arrears::ledger::Ledger::new(document).map_err(|e| e.at("ledger"))?;
            penalty_rows_batch(&arrears::portfolio::penalty_table(
                &ledger, as_of, options, rates,
            )?)
        }
    }
}

/// A book's tables as record batches with the document's column names (the inverse of
/// [`book`]): what `arrears generate --format parquet` writes.
#[derive(Debug, Clone)]
pub struct BookTables {
    /// `id`, `customer`, `issue_date`, `due_date`, `amount`, `currency`.
    pub invoices: RecordBatch,
    /// `id`, `customer`, `invoice`, `date`, `amount`, `currency` (nulls where the payment does
    /// not name one).
    pub payments: RecordBatch,
    /// `id`, `country`, `debtor`.
    pub customers: RecordBatch,
}

/// The tables of a book.
///
/// # Errors
/// `input.invalid_value` for a book with credit notes (the tables have no credit-note table yet).
pub fn book_tables(book: &Book) -> Result<BookTables> {
    if !book.credit_amount.is_empty() {
        return Err(Error::new(
            Code::InvalidValue,
            "the tables have no credit notes yet: write the ledger as JSON",
        ));
    }
    let scale = money_scale(book);
    let text =
        |v: Vec<Option<String>>| Arc::new(v.into_iter().collect::<StringArray>()) as ArrayRef;
    let some = |s: &str| Some(s.to_string());
    let cur = |i: u8| book.currency(i);
    let money = |amounts: &[i64], currencies: &[u8]| -> Result<(&'static str, ArrayRef, bool)> {
        let column = decimal_column(
            amounts
                .iter()
                .zip(currencies)
                .map(|(&a, &c)| Some((a, cur(c).minor_units()))),
            scale,
        )?;
        Ok(("amount", Arc::new(column) as ArrayRef, false))
    };
    let currency = |currencies: &[u8]| -> (&'static str, ArrayRef, bool) {
        let codes: StringArray = currencies.iter().map(|&c| Some(cur(c).code())).collect();
        ("currency", Arc::new(codes) as ArrayRef, false)
    };

    let n = book.invoices();
    let invoices = batch(vec![
        (
            "id",
            text((0..n).map(|i| some(book.invoice_id.get(i))).collect()),
            false,
        ),
        (
            "customer",
            text(
                (0..n)
                    .map(|i| {
                        some(
                            book.customer_id
                                .get(book.invoice_customer.get(i).copied().unwrap_or(0) as usize),
                        )
                    })
                    .collect(),
            ),
            false,
        ),
        (
            "issue_date",
            Arc::new(Date32Array::from(book.invoice_issue.clone())),
            false,
        ),
        (
            "due_date",
            Arc::new(Date32Array::from(book.invoice_due.clone())),
            false,
        ),
        money(&book.invoice_amount, &book.invoice_currency)?,
        currency(&book.invoice_currency),
    ])?;

    let m = book.payment_amount.len();
    let payments = batch(vec![
        (
            "id",
            text(
                (0..m)
                    .map(|k| {
                        Some(book.payment_id.get(k))
                            .filter(|s| !s.is_empty())
                            .map(str::to_string)
                    })
                    .collect(),
            ),
            true,
        ),
        (
            "customer",
            text(
                (0..m)
                    .map(|k| {
                        book.payment_customer_explicit
                            .get(k)
                            .copied()
                            .unwrap_or(true)
                            .then(|| {
                                book.customer_id
                                        .get(book.payment_customer.get(k).copied().unwrap_or(0)
                                            as usize)
                                        .to_string()
                            })
                    })
                    .collect(),
            ),
            true,
        ),
        (
            "invoice",
            text(
                (0..m)
                    .map(|k| {
                        let i = book.payment_invoice.get(k).copied().unwrap_or(NONE);
                        (i != NONE).then(|| book.invoice_id.get(i as usize).to_string())
                    })
                    .collect(),
            ),
            true,
        ),
        (
            "date",
            Arc::new(Date32Array::from(book.payment_day.clone())),
            false,
        ),
        money(&book.payment_amount, &book.payment_currency)?,
        currency(&book.payment_currency),
    ])?;

    let c = book.customer_country.len();
    let customers = batch(vec![
        (
            "id",
            text((0..c).map(|i| some(book.customer_id.get(i))).collect()),
            false,
        ),
        (
            "country",
            text(
                (0..c)
                    .map(|i| {
                        book.customer_country
                            .get(i)
                            .filter(|b| b[0] != 0)
                            .map(|b| String::from_utf8_lossy(b).into_owned())
                    })
                    .collect(),
            ),
            true,
        ),
        (
            "debtor",
            text(
                (0..c)
                    .map(|i| {
                        book.customer_debtor
                            .get(i)
                            .filter(|d| **d != DebtorStatus::Business)
                            .map(|d| d.as_str().to_string())
                    })
                    .collect(),
            ),
            true,
        ),
    ])?;
    Ok(BookTables {
        invoices,
        payments,
        customers,
    })
}
