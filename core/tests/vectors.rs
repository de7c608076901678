//! Runs every conformance vector in `tests/vectors/` through `arrears::run` and compares.
//!
//! A vector file is `{"area", "description", "cases": [...]}`; a case is
//! `{"id", "source", "op", "input", "expected"}` or `{..., "expected_error": "<code>"}`.
//! `expected` is compared as a **subset**: every key it names must be present in the output with
//! an equal value (recursively); arrays must have the same length and match element by element;
//! strings, numbers and booleans must be equal. Keys the output has beyond `expected` are ignored,
//! so a vector pins what its source establishes and nothing more. The Python, Node, Swift and
//! Kotlin runners implement the same rule.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

use std::path::{Path, PathBuf};

use serde_json::Value;

fn vector_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            vector_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
}

/// `Ok(())` when `actual` contains `expected`; otherwise the path of the first difference.
fn contains(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let p = format!("{path}.{k}");
                match a.get(k) {
                    Some(av) => contains(ev, av, &p)?,
                    None => return Err(format!("{p}: missing in output")),
                }
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Err(format!(
                    "{path}: expected {} items, got {}: {}",
                    e.len(),
                    a.len(),
                    actual
                ));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                contains(ev, av, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        _ if expected == actual => Ok(()),
        _ => Err(format!("{path}: expected {expected}, got {actual}")),
    }
}

#[test]
fn every_vector_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files = Vec::new();
    vector_files(&root, &mut files);
    assert!(
        !files.is_empty(),
        "no vectors found under {}",
        root.display()
    );
    let mut failures = Vec::new();
    let mut count = 0;
    let mut ids = std::collections::HashSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let doc: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let cases = doc["cases"]
            .as_array()
            .unwrap_or_else(|| panic!("{}: no cases", file.display()));
        for case in cases {
            count += 1;
            let id = case["id"].as_str().expect("case id");
            assert!(ids.insert(id.to_string()), "duplicate vector id {id}");
            assert!(
                case["source"]
                    .as_str()
                    .is_some_and(|s| !s.trim().is_empty()),
                "{id}: every vector cites its source"
            );
            let op = case["op"].as_str().expect("op");
            let got = arrears::run(op, &case["input"]);
            let outcome = match (case.get("expected"), case.get("expected_error"), got) {
                (Some(exp), None, Ok(out)) => contains(exp, &out, "$"),
                (None, Some(code), Err(e)) if code.as_str() == Some(e.code().as_str()) => Ok(()),
                (None, Some(code), Err(e)) => {
                    Err(format!("expected error {code}, got {} ({e})", e.code()))
                }
                (None, Some(code), Ok(out)) => Err(format!("expected error {code}, got {out}")),
                (Some(_), None, Err(e)) => Err(format!("unexpected error {}: {e}", e.code())),
                _ => Err("a case has exactly one of `expected` and `expected_error`".into()),
            };
            if let Err(why) = outcome {
                failures.push(format!(
                    "{} [{id}]: {why}",
                    file.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    println!("{count} vectors in {} files", files.len());
    assert!(
        failures.is_empty(),
        "{} of {count} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn subset_matching_is_strict_where_it_should_be() {
    use serde_json::json;
    // Extra keys in the output are fine; a missing or different key is not.
    assert!(contains(&json!({"a": 1}), &json!({"a": 1, "b": 2}), "$").is_ok());
    assert!(contains(&json!({"a": 1}), &json!({"a": 2}), "$").is_err());
    assert!(contains(&json!({"c": 1}), &json!({"a": 1}), "$").is_err());
    // Arrays must have the same length.
    assert!(contains(&json!([1, 2]), &json!([1, 2, 3]), "$").is_err());
    assert!(contains(&json!([{"a": 1}]), &json!([{"a": 1, "b": 0}]), "$").is_ok());
    // Decimal strings compare as strings: "17.48" is not "17.480".
    assert!(contains(&json!("17.48"), &json!("17.480"), "$").is_err());
}
