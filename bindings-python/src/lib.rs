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
use arrears::ledger::CustomerDefaults;
use arrears::portfolio::build::Defaults;
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

/// A ledger read from tables into the batch engine's columns, checked: what the table functions
/// work on. Opaque to Python; `book(...)` makes one, `penalties(book, ...)` and
/// `ledger_document(book)` read it.
#[pyclass(frozen, name = "Book", module = "arrears._arrears")]
struct PyBook(arrears::portfolio::columns::Book);

/// `book(...)`: the book of invoices, payments and customers given as tables (anything with
/// `__arrow_c_stream__`), the columns `*_map` names renamed, rows without a currency or a country
/// given the defaults; every problem reported at `invoices[row].column`.
#[pyfunction]
#[pyo3(signature = (invoices, payments, customers, *, currency=None, country=None,
    debtor=None, invoices_map=Vec::new(), payments_map=Vec::new(), customers_map=Vec::new()))]
#[allow(clippy::too_many_arguments)]
fn book(
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
) -> PyResult<PyBook> {
    // Reading the streams needs the GIL (a pyarrow or polars stream may call back into Python);
    // the columns are then plain Arrow buffers.
    let (invoices, payments, customers) = (
        batches(Some(invoices))?,
        batches(payments)?,
        batches(customers)?,
    );
    without_gil(py, move || {
        let defaults = Defaults::from_options(
            currency.as_deref(),
            &CustomerDefaults {
                country,
                debtor: debtor.as_deref().map(str::parse).transpose()?,
            },
        )?;
        let invoices = renamed(invoices, &invoices_map)?;
        let payments = renamed(payments, &payments_map)?;
        let customers = renamed(customers, &customers_map)?;
        let tables = arrears_arrow::Tables {
            invoices: &invoices,
            payments: &payments,
            customers: &customers,
        };
        arrears_arrow::book(&tables, defaults).map(PyBook)
    })
    .map_err(|e| to_py(py, &e))
}

/// The interest options document of the table functions, and the built-in rate table with the
/// caller's series (`rates`, taken out of the same document by `options_document` in Python).
fn options_and_rates(
    options: &str,
) -> arrears::Result<(LedgerInterestOptions, arrears::rates::RateTable)> {
    let mut document: serde_json::Value = arrears::ops::from_json_str(options)?;
    let extra = match document.as_object_mut().and_then(|o| o.remove("rates")) {
        Some(list) => arrears::document::request::<Vec<arrears::rates::RateSeries>>(&list)
            .map_err(|e| e.at("rates"))?,
        None => Vec::new(),
    };
    let options: LedgerInterestOptions = arrears::document::request(&document)?;
    Ok((options, arrears::rates::RateTable::builtin_with(extra)?))
}

/// A table function's work without the GIL: the as-of date and the interest options parsed, the
/// built-in rates loaded, `f` run, its record batch handed to Python as a table.
fn table_call<F>(py: Python<'_>, as_of: &str, options: &str, f: F) -> PyResult<PyTable>
where
    F: FnOnce(
            arrears::prelude::NaiveDate,
            &LedgerInterestOptions,
            &arrears::rates::RateTable,
        ) -> arrears::Result<RecordBatch>
        + Send,
{
    let batch = without_gil(py, || {
        let as_of = arrears::calendar::date::parse_date(as_of)?;
        let (options, rates) = options_and_rates(options)?;
        f(as_of, &options, &rates)
    })
    .map_err(|e| to_py(py, &e))?;
    let schema = batch.schema();
    PyTable::try_new(vec![batch], schema)
}

/// `penalties(book, as_of, options)`: the per-invoice penalty table of a book (see the Python
/// docstring of `arrears.penalties`), as an Arrow table (read by `pyarrow.table`).
#[pyfunction]
fn penalties(py: Python<'_>, book: &PyBook, as_of: &str, options: &str) -> PyResult<PyTable> {
    table_call(py, as_of, options, |as_of, options, rates| {
        let table = arrears::portfolio::batch::penalty_table(&book.0, as_of, options, rates)?;
        arrears_arrow::penalty_batch(&book.0, &table)
    })
}

/// `penalties_of_ledger(ledger, as_of, options)`: the penalty table of a ledger document (JSON),
/// through the same batch engine.
#[pyfunction]
fn penalties_of_ledger(
    py: Python<'_>,
    ledger: &str,
    as_of: &str,
    options: &str,
) -> PyResult<PyTable> {
    table_call(py, as_of, options, |as_of, options, rates| {
        let document: arrears::ledger::LedgerDocument = arrears::ops::from_json_str(ledger)?;
        arrears_arrow::ledger_penalty_batch(document, as_of, options, rates)
    })
}

/// `customer_totals(book, as_of, options)`: the per-customer totals of a book's penalty table (see
/// the Python docstring of `arrears.customer_totals`), as an Arrow table.
#[pyfunction]
fn customer_totals(py: Python<'_>, book: &PyBook, as_of: &str, options: &str) -> PyResult<PyTable> {
    table_call(py, as_of, options, |as_of, options, rates| {
        let totals = arrears::portfolio::customers::book_totals(&book.0, as_of, options, rates)?;
        arrears_arrow::customer_totals_batch(&totals)
    })
}

/// `customer_totals_of_ledger(ledger, as_of, options)`: the per-customer totals of a ledger
/// document (JSON), from the engine that takes it.
#[pyfunction]
fn customer_totals_of_ledger(
    py: Python<'_>,
    ledger: &str,
    as_of: &str,
    options: &str,
) -> PyResult<PyTable> {
    table_call(py, as_of, options, |as_of, options, rates| {
        let document: arrears::ledger::LedgerDocument = arrears::ops::from_json_str(ledger)?;
        let ledger = arrears::ledger::Ledger::new(document).map_err(|e| e.at("ledger"))?;
        let totals = arrears::portfolio::customers::customer_table(&ledger, as_of, options, rates)?;
        arrears_arrow::customer_totals_batch(&totals)
    })
}

/// `kpis_of_book(book, request)`: the key figures of a book (JSON of the `kpis` report), the
/// request being the `kpis` request without its ledger (`as_of`, `from`, `to`, `group_by`,
/// `journal`, `options`).
#[pyfunction]
fn kpis_of_book(py: Python<'_>, book: &PyBook, request: &str) -> PyResult<String> {
    without_gil(py, || {
        let request: arrears::kpi::ops::BookKpisRequest = arrears::ops::from_json_str(request)?;
        let report = arrears::kpi::ops::kpis_of_book(&book.0, request)?;
        serde_json::to_string(&report).map_err(|e| Error::new(Code::Internal, e.to_string()))
    })
    .map_err(|e| to_py(py, &e))
}

/// `ledger_document(book)`: the ledger document (JSON) of a book.
#[pyfunction]
fn ledger_document(py: Python<'_>, book: &PyBook) -> PyResult<String> {
    without_gil(py, || {
        let document = book.0.to_document()?;
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
    m.add_class::<PyBook>()?;
    m.add_function(wrap_pyfunction!(book, m)?)?;
    m.add_function(wrap_pyfunction!(penalties, m)?)?;
    m.add_function(wrap_pyfunction!(penalties_of_ledger, m)?)?;
    m.add_function(wrap_pyfunction!(customer_totals, m)?)?;
    m.add_function(wrap_pyfunction!(customer_totals_of_ledger, m)?)?;
    m.add_function(wrap_pyfunction!(ledger_document, m)?)?;
    m.add_function(wrap_pyfunction!(kpis_of_book, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
