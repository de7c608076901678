//! The native module `arrears._arrears` of the Python package `arrears`.
//!
//! It converts and delegates, nothing more: documents arrive as JSON text (the package's Python
//! layer turns `dict`s with `Decimal` and `date` values into it; a float stays a JSON number,
//! which the core refuses wherever it means money, as from every language), tables arrive
//! through the Arrow C stream interface (pyarrow, pandas, polars: no copy of aligned columns), and
//! every answer comes from the core (`arrears::run`, `arrears::portfolio`). The GIL is released
//! while the core works, and a panic in the core becomes an `internal.panic` error instead of
//! ending the interpreter.
//!
//! Errors go back as instances of the package's own exception classes
//! (`arrears.ArrearsError` and its subclasses by area, defined in `arrears/_errors.py`), built
//! from the core's error document so that `.code`, `.path` and `.problems` are the core's.

use std::panic::{catch_unwind, AssertUnwindSafe};

use arrears::interest::ledger::LedgerInterestOptions;
use arrears::portfolio::build::{country_code, Defaults};
use arrears::{Code, Error};
use arrow_array::RecordBatch;
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;
use pyo3_arrow::PyTable;

/// Runs `f` with the GIL released, a panic caught as `internal.panic`.
fn without_gil<T, F>(py: Python<'_>, f: F) -> arrears::Result<T>
where
    T: Send,
    F: FnOnce() -> arrears::Result<T> + Send,
{
    py.detach(|| {
        catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(Error::new(
                Code::Internal,
                format!("arrears hit a bug (a panic: {what}); please report it with the input"),
            ))
        })
    })
}

/// The core's error as the package's exception (`arrears._errors.from_core`).
fn to_py(py: Python<'_>, e: &Error) -> PyErr {
    let document = e.to_json().to_string();
    let made = py
        .import("arrears._errors")
        .and_then(|m| m.getattr("from_core"))
        .and_then(|f| f.call1((document,)));
    match made {
        Ok(exception) => PyErr::from_value(exception),
        Err(import_failed) => import_failed,
    }
}

/// `run(op, document) -> document`: the core's document entry point on JSON text.
#[pyfunction]
fn run(py: Python<'_>, op: &str, document: &str) -> PyResult<String> {
    let (op, document) = (op.to_string(), document.to_string());
    without_gil(py, move || {
        let input: serde_json::Value = serde_json::from_str(&document)
            .map_err(|e| Error::new(Code::InvalidDocument, format!("not a JSON document: {e}")))?;
        arrears::run(&op, &input).map(|v| v.to_string())
    })
    .map_err(|e| to_py(py, &e))
}

/// Every operation name `run` accepts, in documentation order.
#[pyfunction]
fn operations() -> Vec<&'static str> {
    arrears::ops::OPERATIONS.to_vec()
}

/// The catalogue of error codes: `(code, description)` pairs.
#[pyfunction]
fn error_codes() -> Vec<(&'static str, &'static str)> {
    Code::ALL
        .iter()
        .map(|c| (c.as_str(), c.description()))
        .collect()
}

/// The record batches of a table-like object (none for a missing table).
fn batches(table: Option<AnyRecordBatch>) -> PyResult<Vec<RecordBatch>> {
    let Some(table) = table else {
        return Ok(Vec::new());
    };
    let reader = table.into_reader()?;
    let mut out = Vec::new();
    for batch in reader {
        let batch = batch.map_err(|e| {
            pyo3::exceptions::PyValueError::new_err(format!("cannot read the table: {e}"))
        })?;
        out.push(batch);
    }
    Ok(out)
}

/// The batches with the columns `map` names renamed to their fields.
fn renamed(
    batches: Vec<RecordBatch>,
    map: &[(String, String)],
) -> arrears::Result<Vec<RecordBatch>> {
    batches
        .into_iter()
        .map(|b| arrears_arrow::rename_columns(b, map))
        .collect()
}

/// What the table functions share: the three tables, the defaults of rows without a currency
/// or a country, and the column mappings, read into the batch engine's book.
struct TableArgs {
    invoices: Vec<RecordBatch>,
    payments: Vec<RecordBatch>,
    customers: Vec<RecordBatch>,
    currency: Option<String>,
    country: Option<String>,
    debtor: Option<String>,
    invoices_map: Vec<(String, String)>,
    payments_map: Vec<(String, String)>,
    customers_map: Vec<(String, String)>,
}

impl TableArgs {
    /// The book of the tables, with the ledger's checks (no GIL needed).
    fn book(self) -> arrears::Result<arrears::portfolio::columns::Book> {
        let defaults = Defaults {
            currency: self
                .currency
                .as_deref()
                .map(|c| arrears::money::Currency::from_code(&c.trim().to_ascii_uppercase()))
                .transpose()?,
            country: self.country.as_deref().map(country_code).transpose()?,
            debtor: self
                .debtor
                .map(|d| {
                    serde_json::from_value(serde_json::Value::String(d.clone())).map_err(|_| {
                        Error::new(
                            Code::InvalidValue,
                            format!("debtor {d:?}: expected business, consumer or public_body"),
                        )
                    })
                })
                .transpose()?,
        };
        let invoices = renamed(self.invoices, &self.invoices_map)?;
        let payments = renamed(self.payments, &self.payments_map)?;
        let customers = renamed(self.customers, &self.customers_map)?;
        let tables = arrears_arrow::Tables {
            invoices: &invoices,
            payments: &payments,
            customers: &customers,
        };
        arrears_arrow::book(&tables, defaults)
    }
}

/// `penalties(...)`: the per-invoice penalty table of a ledger given as tables (see the Python
/// docstring of `arrears.penalties`). Returns an Arrow table (read by `pyarrow.table`,
/// `polars.from_arrow`).
#[pyfunction]
#[pyo3(signature = (invoices, payments, customers, as_of, *, currency=None, country=None,
    debtor=None, options="{}", invoices_map=Vec::new(), payments_map=Vec::new(),
    customers_map=Vec::new()))]
#[allow(clippy::too_many_arguments)]
fn penalties(
    py: Python<'_>,
    invoices: AnyRecordBatch,
    payments: Option<AnyRecordBatch>,
    customers: Option<AnyRecordBatch>,
    as_of: String,
    currency: Option<String>,
    country: Option<String>,
    debtor: Option<String>,
    options: &str,
    invoices_map: Vec<(String, String)>,
    payments_map: Vec<(String, String)>,
    customers_map: Vec<(String, String)>,
) -> PyResult<PyTable> {
    // Reading the streams needs the GIL (a pyarrow or polars stream may call back into Python);
    // the columns are then plain Arrow buffers.
    let args = TableArgs {
        invoices: batches(Some(invoices))?,
        payments: batches(payments)?,
        customers: batches(customers)?,
        currency,
        country,
        debtor,
        invoices_map,
        payments_map,
        customers_map,
    };
    let options = options.to_string();
    let batch = without_gil(py, move || {
        let as_of = arrears::calendar::date::parse_date(&as_of)?;
        let options: LedgerInterestOptions = arrears::ops::from_json_str(&options)?;
        let book = args.book()?;
        let rates = arrears::rates::RateTable::builtin()?;
        let table = arrears::portfolio::batch::penalty_table(&book, as_of, &options, &rates)?;
        arrears_arrow::penalty_batch(&book, &table)
    })
    .map_err(|e| to_py(py, &e))?;
    let schema = batch.schema();
    PyTable::try_new(vec![batch], schema)
}

/// `penalties_of_ledger(ledger, as_of, options)`: the penalty table of a ledger document (JSON),
/// through the same batch engine.
#[pyfunction]
fn penalties_of_ledger(
    py: Python<'_>,
    ledger: &str,
    as_of: String,
    options: &str,
) -> PyResult<PyTable> {
    let (ledger, options) = (ledger.to_string(), options.to_string());
    let batch = without_gil(py, move || {
        let as_of = arrears::calendar::date::parse_date(&as_of)?;
        let options: LedgerInterestOptions = arrears::ops::from_json_str(&options)?;
        let document: arrears::ledger::LedgerDocument = arrears::ops::from_json_str(&ledger)?;
        let rates = arrears::rates::RateTable::builtin()?;
        // The batch engine takes invoices with due dates and payments; a ledger with terms,
        // credit notes or write-offs goes through the per-invoice engine (the same figures, as
        // the core's property tests hold them), as `arrears penalties` does for JSON ledgers.
        match arrears::portfolio::columns::Book::from_document(&document) {
            Ok(book) => {
                let table =
                    arrears::portfolio::batch::penalty_table(&book, as_of, &options, &rates)?;
                arrears_arrow::penalty_batch(&book, &table)
            }
            Err(_) => {
                let ledger = arrears::ledger::Ledger::new(document).map_err(|e| e.at("ledger"))?;
                let rows = arrears::portfolio::penalty_table(&ledger, as_of, &options, &rates)?;
                arrears_arrow::penalty_rows_batch(&rows)
            }
        }
    })
    .map_err(|e| to_py(py, &e))?;
    let schema = batch.schema();
    PyTable::try_new(vec![batch], schema)
}

/// `ledger_from_tables(...)`: the ledger document (JSON) of invoices, payments and customers
/// given as tables, checked as the batch engine checks them.
#[pyfunction]
#[pyo3(signature = (invoices, payments, customers, *, currency=None, country=None,
    debtor=None, invoices_map=Vec::new(), payments_map=Vec::new(), customers_map=Vec::new()))]
#[allow(clippy::too_many_arguments)]
fn ledger_from_tables(
    py: Python<'_>,
    invoices: AnyRecordBatch,
    payments: Option<AnyRecordBatch>,
    customers: Option<AnyRecordBatch>,
    currency: Option<String>,
    country: Option<String>,
    debtor: Option<String>,
    invoices_map: Vec<(String, String)>,
    payments_map: Vec<(String, String)>,
    customers_map: Vec<(String, String)>,
) -> PyResult<String> {
    let args = TableArgs {
        invoices: batches(Some(invoices))?,
        payments: batches(payments)?,
        customers: batches(customers)?,
        currency,
        country,
        debtor,
        invoices_map,
        payments_map,
        customers_map,
    };
    without_gil(py, move || {
        let document = args.book()?.to_document()?;
        serde_json::to_string(&document)
            .map_err(|e| Error::new(Code::InvalidDocument, e.to_string()))
    })
    .map_err(|e| to_py(py, &e))
}

/// The native module.
#[pymodule]
fn _arrears(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(run, m)?)?;
    m.add_function(wrap_pyfunction!(operations, m)?)?;
    m.add_function(wrap_pyfunction!(error_codes, m)?)?;
    m.add_function(wrap_pyfunction!(penalties, m)?)?;
    m.add_function(wrap_pyfunction!(penalties_of_ledger, m)?)?;
    m.add_function(wrap_pyfunction!(ledger_from_tables, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
