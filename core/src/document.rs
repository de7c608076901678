//! JSON documents in and out, at the bottom of the crate: every module reads its documents with
//! these helpers, which keep the JSON path of a bad field and the precise code of a field's own
//! parser (`date.invalid` rather than a generic shape error), and names the schema stand-ins of
//! values written by custom serde code (decimal strings, dates). Nothing here knows a domain type,
//! so every module can use it without importing from a layer above (`core/tests/layers.rs`).

use serde::de::DeserializeOwned;

use crate::error::{Code, Error, Result};

/// Deserialises a request document, reporting the JSON path of the first bad field and keeping a
/// precise code when the field's own parser gave one (see [`de_error`]).
///
/// # Errors
/// `input.invalid_document` or the code carried by the failing field.
pub fn request<T: DeserializeOwned>(input: &serde_json::Value) -> Result<T> {
    serde_path_to_error::deserialize(input).map_err(located)
}

/// Parses a document from JSON text (used by the CLI and the bindings' string entry points).
///
/// # Errors
/// `input.invalid_document` when the text is not JSON or not the expected document.
pub fn from_json_str<T: DeserializeOwned>(text: &str) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(located)
}

/// A serde error as the crate's, at the JSON path where it happened.
fn located<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> Error {
    let path = e.path().to_string();
    let err = from_serde_message(&e.into_inner().to_string());
    if path.is_empty() || path == "." {
        err
    } else {
        err.at(path)
    }
}

/// Turns a crate error into a serde error whose message keeps the code, so that a document that
/// fails inside serde still reports `date.invalid` rather than a generic shape error.
pub fn de_error<E: serde::de::Error>(e: Error) -> E {
    E::custom(format!("[{}] {}", e.code(), e.message()))
}

/// Recovers the code [`de_error`] put in a serde message; other messages are shape errors.
fn from_serde_message(msg: &str) -> Error {
    if let Some(rest) = msg.strip_prefix('[') {
        if let Some((code, message)) = rest.split_once("] ") {
            if let Some(code) = Code::from_str_code(code) {
                return Error::new(code, message.to_string());
            }
        }
    }
    Error::new(Code::InvalidDocument, msg.to_string())
}

#[cfg(feature = "schemas")]
mod stand_ins {
    use std::borrow::Cow;

    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

    /// The pattern of a decimal string, as [`crate::money::parse_decimal`] reads it.
    pub const DECIMAL_PATTERN: &str = r"^-?[0-9]+(\.[0-9]+)?$";

    /// The pattern of a `YYYY-MM-DD` date (the day must also exist: `format: date`).
    pub const DATE_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    /// Schema stand-in for a [`rust_decimal::Decimal`] written as a string (`"1234.50"`).
    pub struct DecimalString;

    impl JsonSchema for DecimalString {
        fn schema_name() -> Cow<'static, str> {
            "Decimal".into()
        }

        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "A decimal written as a string: optional `-`, digits, optionally `.` and digits. JSON numbers, exponents and thousands separators are refused.",
                "type": "string",
                "pattern": DECIMAL_PATTERN,
            })
        }
    }

    /// Schema stand-in for a [`chrono::NaiveDate`] written `YYYY-MM-DD`.
    pub struct Date;

    impl JsonSchema for Date {
        fn schema_name() -> Cow<'static, str> {
            "Date".into()
        }

        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "A calendar date `YYYY-MM-DD` that exists (2024-02-30 is refused).",
                "type": "string",
                "format": "date",
                "pattern": DATE_PATTERN,
            })
        }
    }

    /// Schema stand-in for the value of a risk factor ([`crate::risk::Factor::value`]): what the
    /// factor measured, written as JSON as it is (days or a share as a number, a count, a flag, a
    /// sector name, or `null`).
    pub struct FactorValue;

    impl JsonSchema for FactorValue {
        fn schema_name() -> Cow<'static, str> {
            "FactorValue".into()
        }

        fn inline_schema() -> bool {
            true
        }

        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": ["number", "string", "boolean", "null"],
            })
        }
    }
}

#[cfg(feature = "schemas")]
pub use stand_ins::{Date, DecimalString, FactorValue, DATE_PATTERN, DECIMAL_PATTERN};
