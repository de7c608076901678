//! The document entry point: [`run`]`(op, json) -> json`.
//!
//! Every binding (Python, Node, Swift, Kotlin) exposes this one function under the same name, and
//! the conformance vectors in `tests/vectors/` go through it, so a document gives the same answer
//! in every language. Each operation deserialises its request document, calls the typed core
//! function and serialises the result; no rule lives here. `docs/operations.md` lists the
//! operations with their request and response documents.
//!
//! ```
//! let out = arrears::run("due_date", &serde_json::json!({
//!     "terms": {"kind": "net_days", "days": 30},
//!     "issue_date": "2025-01-15"
//! }))?;
//! assert_eq!(out["due_date"], "2025-02-14");
//! # Ok::<(), arrears::Error>(())
//! ```

use serde::Serialize;

pub use crate::document::{de_error, from_json_str, request};
use crate::error::{Code, Error, Result};

/// Every operation name [`run`] accepts, in documentation order.
pub const OPERATIONS: &[&str] = &[
    "split",
    "day_count",
    "holidays",
    "business_days",
    "due_date",
    "check_terms",
    "allocate",
    "ledger_state",
    "aging",
    "kpis",
    "kpi_rows",
    "interest",
    "ledger_interest",
    "claims",
    "agenda",
    "policy",
    "rates",
    "rate_on",
    "plan",
    "plan_status",
    "letter",
    "risk",
    "backtest",
    "report",
    "fec",
];

/// Runs the operation `op` on the request document `input` and returns the response document.
///
/// # Errors
/// `input.unknown_operation` for a name not in [`OPERATIONS`]; `input.invalid_document` (or a more
/// precise code such as `date.invalid`) when the request does not parse, with the JSON path of
/// the offending field; and whatever the operation itself returns.
pub fn run(op: &str, input: &serde_json::Value) -> Result<serde_json::Value> {
    // Every request is a JSON object: serde would read an array as the fields in order.
    if !input.is_object() && OPERATIONS.contains(&op) {
        return Err(Error::new(
            Code::InvalidDocument,
            format!(
                "the {op} request is a JSON object, not {}",
                match input {
                    serde_json::Value::Array(_) => "an array",
                    serde_json::Value::String(_) => "a string",
                    serde_json::Value::Number(_) => "a number",
                    serde_json::Value::Bool(_) => "a boolean",
                    _ => "null",
                }
            ),
        ));
    }
    match op {
        "split" => respond(crate::money::ops::split(request(input)?)),
        "day_count" => respond(crate::calendar::ops::day_count(request(input)?)),
        "holidays" => respond(crate::calendar::ops::holidays(request(input)?)),
        "business_days" => respond(crate::calendar::ops::business_days(request(input)?)),
        "due_date" => respond(crate::terms::ops::due_date(request(input)?)),
        "check_terms" => respond(crate::terms::ops::check_terms(request(input)?)),
        "allocate" => respond(crate::ledger::ops::allocate(request(input)?)),
        "ledger_state" => respond(crate::ledger::ops::ledger_state(request(input)?)),
        "aging" => respond(crate::kpi::ops::aging(request(input)?)),
        "kpis" => respond(crate::kpi::ops::kpis(request(input)?)),
        "kpi_rows" => respond(crate::kpi::ops::kpi_rows(request(input)?)),
        "interest" => respond(crate::interest::ops::interest(request(input)?)),
        "agenda" => respond(crate::dunning::ops::agenda(request(input)?)),
        "policy" => respond(crate::dunning::ops::policy(request(input)?)),
        "ledger_interest" => respond(crate::interest::ops::ledger_interest(request(input)?)),
        "claims" => respond(crate::claim::ops::claims(request(input)?)),
        "rates" => respond(crate::rates::ops::rates(request(input)?)),
        "rate_on" => respond(crate::rates::ops::rate_on(request(input)?)),
        "letter" => respond(crate::letters::ops::letter(request(input)?)),
        "plan" => respond(crate::plans::ops::plan(request(input)?)),
        "plan_status" => respond(crate::plans::ops::plan_status(request(input)?)),
        "risk" => respond(crate::risk::ops::risk(request(input)?)),
        "backtest" => respond(crate::risk::ops::backtest(request(input)?)),
        "report" => respond(crate::report::ops::report(request(input)?)),
        "fec" => respond(crate::fec::ops::fec(request(input)?)),
        _ => Err(Error::new(
            Code::UnknownOperation,
            format!("unknown operation {op:?}; known: {}", OPERATIONS.join(", ")),
        )),
    }
}

fn respond<T: Serialize>(result: Result<T>) -> Result<serde_json::Value> {
    let value = result?;
    serde_json::to_value(value).map_err(|e| {
        Error::new(
            Code::InvalidDocument,
            format!("cannot write the response: {e}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_operation_is_coded() {
        let e = run("nope", &serde_json::json!({})).unwrap_err();
        assert_eq!(e.code(), Code::UnknownOperation);
    }

    #[test]
    fn field_codes_survive_serde() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct R {
            #[serde(with = "crate::calendar::date::serde_date")]
            d: chrono::NaiveDate,
        }
        let e = request::<R>(&serde_json::json!({"d": "2024-02-30"})).unwrap_err();
        assert_eq!(e.code(), Code::InvalidDate);
        assert_eq!(e.path(), Some("d"));
    }
}
