//! The native half of the `arrears` npm package: the core's document entry point on JSON text,
//! synchronously or on libuv's thread pool. Everything else (money as decimal strings, dates as
//! `YYYY-MM-DD`, errors with a stable `code`) is the core's; `index.js` turns the answers into
//! JavaScript values and errors into `ArrearsError`s.
//!
//! Answers are envelopes, `{"ok": document}` or `{"error": {code, message, path?, problems?}}`
//! (the core's error document), so that a coded error crosses the boundary whole instead of as a
//! message to parse. A panic in the core (a bug) becomes `internal.panic`, never a crash of the
//! process.

use std::panic::{catch_unwind, AssertUnwindSafe};

mod batch;

use arrears::{Code, Error};
use batch::{
    BatchRequest, Computed, CustomerColumns, InvoiceColumns, PaymentColumns, PenaltyColumns, Tables,
};
use napi::bindgen_prelude::{AsyncTask, Either};
use napi::{Env, Task};
use napi_derive::napi;

/// Runs one operation on a JSON request; the envelope of its answer.
fn answer(op: &str, input: &str) -> String {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let request: serde_json::Value = serde_json::from_str(input)
            .map_err(|e| Error::new(Code::InvalidDocument, format!("not a JSON document: {e}")))?;
        arrears::run(op, &request)
    }))
    .unwrap_or_else(|_| {
        Err(Error::new(
            Code::Internal,
            format!("the {op} operation panicked: a bug in arrears, please report it"),
        ))
    });
    match outcome {
        Ok(document) => format!("{{\"ok\":{document}}}"),
        // The core's error document is already `{"error": {...}}`.
        Err(e) => e.to_json().to_string(),
    }
}

/// `runJson(op, input)`: the envelope of `arrears::run(op, input)` (JSON text in and out).
#[napi(js_name = "runJson")]
pub fn run_json(op: String, input: String) -> String {
    answer(&op, &input)
}

/// The work of [`run_json_async`], done on the thread pool.
pub struct RunTask {
    op: String,
    input: String,
}

impl Task for RunTask {
    type Output = String;
    type JsValue = String;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        Ok(answer(&self.op, &self.input))
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> napi::Result<Self::JsValue> {
        Ok(output)
    }
}

/// `runJsonAsync(op, input)`: as `runJson`, computed off the main thread (the event loop keeps
/// running); a Promise of the envelope.
#[napi(js_name = "runJsonAsync")]
pub fn run_json_async(op: String, input: String) -> AsyncTask<RunTask> {
    AsyncTask::new(RunTask { op, input })
}

/// Every operation name `run` accepts, in documentation order.
#[napi]
pub fn operations() -> Vec<String> {
    arrears::ops::OPERATIONS
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// The catalogue of error codes: `[code, description]` pairs.
#[napi(js_name = "errorCodes")]
pub fn error_codes() -> Vec<Vec<String>> {
    Code::ALL
        .iter()
        .map(|c| vec![c.as_str().to_string(), c.description().to_string()])
        .collect()
}

/// The version of the core.
#[napi]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Runs `f`, a panic (a bug) becoming `internal.panic`.
fn guarded<T>(what: &str, f: impl FnOnce() -> arrears::Result<T>) -> arrears::Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(Error::new(
            Code::Internal,
            format!("{what} panicked: a bug in arrears, please report it"),
        ))
    })
}

/// A batch answer: the columns, or an envelope (JSON text: `{"ok": ...}` for answers that are
/// documents, or the core's error document, which `index.js` turns into an `ArrearsError`).
fn answer_of<T>(outcome: arrears::Result<Either<T, String>>) -> Either<T, String> {
    outcome.unwrap_or_else(|e| Either::B(e.to_json().to_string()))
}

/// The envelope of an answer that is already an envelope, or of an error.
fn envelope(outcome: arrears::Result<String>) -> String {
    outcome.unwrap_or_else(|e| e.to_json().to_string())
}

/// `penaltyColumns(invoices, payments, customers, options)`: the per-invoice penalty table of
/// column tables through the batch engine (see `batch`); the columns, or an error document.
#[napi(js_name = "penaltyColumns")]
pub fn penalty_columns(
    invoices: InvoiceColumns,
    payments: Option<PaymentColumns>,
    customers: Option<CustomerColumns>,
    options: String,
) -> Either<PenaltyColumns, String> {
    answer_of(guarded("penalties", || {
        let tables = Tables::new(invoices, payments, customers)?;
        let request = BatchRequest::parse(&options)?;
        batch::penalties(&tables, &request).map(|c| Either::A(c.columns()))
    }))
}

/// `customerTotalsJson(invoices, payments, customers, options)`: the envelope of the
/// per-customer totals of column tables (JSON text).
#[napi(js_name = "customerTotalsJson")]
pub fn customer_totals_json(
    invoices: InvoiceColumns,
    payments: Option<PaymentColumns>,
    customers: Option<CustomerColumns>,
    options: String,
) -> String {
    envelope(guarded("customer totals", || {
        let tables = Tables::new(invoices, payments, customers)?;
        let request = BatchRequest::parse(&options)?;
        batch::customer_totals(&tables, &request)
    }))
}

/// `kpisOfTablesJson(invoices, payments, customers, options)`: the envelope of the key figures
/// of column tables (JSON text; `options`: `{currency?, country?, debtor?, request}`).
#[napi(js_name = "kpisOfTablesJson")]
pub fn kpis_of_tables_json(
    invoices: InvoiceColumns,
    payments: Option<PaymentColumns>,
    customers: Option<CustomerColumns>,
    options: String,
) -> String {
    envelope(guarded("key figures", || {
        let tables = Tables::new(invoices, payments, customers)?;
        batch::kpis(&tables, &options)
    }))
}

/// `kpisOfTablesJsonAsync(...)`: as `kpisOfTablesJson`, computed off the main thread.
#[napi(js_name = "kpisOfTablesJsonAsync")]
pub fn kpis_of_tables_json_async(
    invoices: InvoiceColumns,
    payments: Option<PaymentColumns>,
    customers: Option<CustomerColumns>,
    options: String,
) -> AsyncTask<BatchTask> {
    AsyncTask::new(BatchTask {
        work: BatchWork::Kpis,
        tables: Tables::new(invoices, payments, customers),
        options,
    })
}

/// What a batch task computes off the main thread.
pub enum BatchWork {
    /// The penalty table.
    Penalties,
    /// The per-customer totals.
    CustomerTotals,
    /// The key figures.
    Kpis,
}

/// A batch call's result before conversion (on the main thread).
pub enum BatchOutput {
    /// The penalty table.
    Penalties(Box<Computed>),
    /// A document's answer envelope (JSON text): the totals, the key figures.
    Envelope(String),
}

/// The work of the `*Async` batch functions: the tables were taken off the JavaScript values on
/// the main thread; the book and the engine run on libuv's thread pool.
pub struct BatchTask {
    work: BatchWork,
    tables: arrears::Result<Tables>,
    options: String,
}

impl Task for BatchTask {
    type Output = arrears::Result<BatchOutput>;
    type JsValue = Either<PenaltyColumns, String>;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        let tables = std::mem::replace(
            &mut self.tables,
            Err(Error::new(Code::Internal, "a batch task ran twice")),
        );
        Ok(guarded("a batch call", || {
            let tables = tables?;
            match self.work {
                BatchWork::Kpis => batch::kpis(&tables, &self.options).map(BatchOutput::Envelope),
                BatchWork::Penalties => {
                    let request = BatchRequest::parse(&self.options)?;
                    batch::penalties(&tables, &request).map(|c| BatchOutput::Penalties(Box::new(c)))
                }
                BatchWork::CustomerTotals => {
                    let request = BatchRequest::parse(&self.options)?;
                    batch::customer_totals(&tables, &request).map(BatchOutput::Envelope)
                }
            }
        }))
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> napi::Result<Self::JsValue> {
        Ok(answer_of(output.map(|o| match o {
            BatchOutput::Penalties(c) => Either::A((*c).columns()),
            BatchOutput::Envelope(envelope) => Either::B(envelope),
        })))
    }
}

/// `penaltyColumnsAsync(...)`: as `penaltyColumns`, computed off the main thread.
#[napi(js_name = "penaltyColumnsAsync")]
pub fn penalty_columns_async(
    invoices: InvoiceColumns,
    payments: Option<PaymentColumns>,
    customers: Option<CustomerColumns>,
    options: String,
) -> AsyncTask<BatchTask> {
    AsyncTask::new(BatchTask {
        work: BatchWork::Penalties,
        tables: Tables::new(invoices, payments, customers),
        options,
    })
}

/// `customerTotalsJsonAsync(...)`: as `customerTotalsJson`, computed off the main thread.
#[napi(js_name = "customerTotalsJsonAsync")]
pub fn customer_totals_json_async(
    invoices: InvoiceColumns,
    payments: Option<PaymentColumns>,
    customers: Option<CustomerColumns>,
    options: String,
) -> AsyncTask<BatchTask> {
    AsyncTask::new(BatchTask {
        work: BatchWork::CustomerTotals,
        tables: Tables::new(invoices, payments, customers),
        options,
    })
}
