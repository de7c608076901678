//! The typed records hold their documents whole: for every conformance vector of a typed
//! operation, the request read into its record writes back the same document, and the typed call
//! answers exactly what `run` answers (same JSON, field for field). Swift and Kotlin then only add
//! their conversions of decimals and dates, which their own suites test.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::path::Path;

use arrears_ffi::records::{
    AgendaRequest, ClaimsRequest, DueDateRequest, InterestRequest, KpisRequest, LedgerRequest,
    LetterRequest, PlanRequest, RiskRequest,
};
use arrears_ffi::typed;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn cases() -> Vec<Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .flat_map(|area| std::fs::read_dir(area.unwrap().path()).unwrap())
        .map(|f| f.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|f| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
            v["cases"].as_array().unwrap().clone()
        })
        .collect()
}

/// A document as the core reads it: without its `null` fields (`"invoice": null` and no
/// `invoice` mean the same) and with every JSON number as a float (a weight written `-5` reads
/// as the `-5.0` its record holds; money is never a JSON number).
fn without_nulls(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(without_nulls).collect()),
        Value::Number(n) => n
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Number(n), Value::Number),
        other => other,
    }
}

fn check<Q, A>(op: &str, call: fn(Q) -> Result<A, arrears_ffi::ArrearsError>) -> usize
where
    Q: Serialize + DeserializeOwned,
    A: Serialize,
{
    let mut n = 0;
    for case in cases().into_iter().filter(|c| c["op"] == op) {
        let id = case["id"].as_str().unwrap().to_string();
        let input = &case["input"];
        if !input.is_object() {
            // A request that is not an object (a vector of that error) has no record form.
            continue;
        }
        let request: Q = match serde_json::from_value(input.clone()) {
            Ok(r) => r,
            // A vector of a malformed document: the record cannot hold it, as the core cannot.
            Err(_) if case.get("expected_error").is_some() => continue,
            Err(e) => panic!("{id}: the {op} request does not fit its record: {e}"),
        };
        assert_eq!(
            without_nulls(serde_json::to_value(&request).unwrap()),
            without_nulls(input.clone()),
            "{id}: request changed"
        );
        let by_run = arrears_ffi::run(op.to_string(), input.to_string());
        match (call(request), by_run) {
            (Ok(typed), Ok(text)) => {
                let run: Value = serde_json::from_str(&text).unwrap();
                assert_eq!(
                    without_nulls(serde_json::to_value(&typed).unwrap()),
                    without_nulls(run),
                    "{id}: answers differ"
                );
            }
            (Err(a), Err(b)) => assert_eq!(a, b, "{id}: errors differ"),
            (a, b) => panic!("{id}: typed {:?} but run {:?}", a.is_ok(), b.is_ok()),
        }
        n += 1;
    }
    n
}

#[test]
fn interest_vectors_through_the_typed_call() {
    assert!(check::<InterestRequest, _>("interest", typed::interest) >= 10);
}

#[test]
fn claims_vectors_through_the_typed_call() {
    assert!(check::<ClaimsRequest, _>("claims", typed::claims) >= 1);
}

#[test]
fn agenda_vectors_through_the_typed_call() {
    assert!(check::<AgendaRequest, _>("agenda", typed::agenda) >= 5);
}

#[test]
fn ledger_state_vectors_through_the_typed_call() {
    assert!(check::<LedgerRequest, _>("ledger_state", typed::ledger_state) >= 10);
}

#[test]
fn due_date_vectors_through_the_typed_call() {
    assert!(check::<DueDateRequest, _>("due_date", typed::due_date) >= 20);
}

#[test]
fn plan_vectors_through_the_typed_call() {
    assert!(check::<PlanRequest, _>("plan", typed::plan) >= 10);
}

#[test]
fn letter_vectors_through_the_typed_call() {
    assert!(check::<LetterRequest, _>("letter", typed::letter) >= 10);
}

#[test]
fn risk_vectors_through_the_typed_call() {
    assert!(check::<RiskRequest, _>("risk", typed::risk) >= 5);
}

#[test]
fn kpis_vectors_through_the_typed_call() {
    assert!(check::<KpisRequest, _>("kpis", typed::kpis) >= 20);
}

#[test]
fn decimals_and_dates_are_strict() {
    // 28 significant digits survive; the split gives back the amount.
    let big: rust_decimal::Decimal = "12345678901234567890123456.78".parse().unwrap();
    assert_eq!(
        typed::split_amount(big, "EUR".into(), 1).unwrap(),
        vec![big]
    );
    // 10.00 EUR in three: 3.34, 3.33, 3.33 (largest remainder, first parts first).
    let parts = typed::split_amount("10.00".parse().unwrap(), "EUR".into(), 3).unwrap();
    let shown: Vec<String> = parts.iter().map(ToString::to_string).collect();
    assert_eq!(shown, ["3.34", "3.33", "3.33"]);
    let e = typed::split_amount("0.005".parse().unwrap(), "EUR".into(), 2).unwrap_err();
    assert!(
        matches!(e, arrears_ffi::ArrearsError::Failure { ref code, .. } if code == "money.not_in_minor_units"),
        "{e:?}"
    );
}
