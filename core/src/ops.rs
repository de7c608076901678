//! The document entry point: `run(op, json) -> json`.

use crate::error::{Code, Error, Result};

/// Every operation name `run` accepts.
pub const OPERATIONS: &[&str] = &[];

/// Runs an operation on a JSON document.
///
/// # Errors
/// `input.unknown_operation`, and whatever the operation returns.
pub fn run(op: &str, input: &serde_json::Value) -> Result<serde_json::Value> {
    let _ = input;
    Err(Error::new(Code::UnknownOperation, format!("unknown operation {op:?}")))
}

/// Turns a crate error into a serde error whose message keeps the code, so that a document that
/// fails inside serde still reports `date.invalid` rather than a generic shape error.
pub fn de_error<E: serde::de::Error>(e: Error) -> E {
    E::custom(format!("[{}] {}", e.code(), e.message()))
}
