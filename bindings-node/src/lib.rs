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

use arrears::{Code, Error};
use napi::bindgen_prelude::AsyncTask;
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
