//! The FEC on the command line (issue 15, docs/fec.md): the sample's books written as a FEC give
//! the same figures as the sample ledger in every command; a malformed FEC gets coded errors with
//! line numbers and nothing is written.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn example(name: &str) -> String {
    root().join("examples").join(name).display().to_string()
}

fn arrears(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_arrears"))
        .args(args)
        .output()
        .unwrap()
}

fn tmp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("arrears-fec-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The sample FEC's arguments.
fn fec_args() -> Vec<String> {
    vec![
        example("sample-fec.txt"),
        "--fec".into(),
        "--terms".into(),
        example("sample-fec-terms.json"),
        "--customers".into(),
        example("sample-fec-customers.json"),
        "--disputes".into(),
        example("sample-fec-disputes.json"),
    ]
}

fn run_on(ledger: &[String], args: &[&str]) -> String {
    let mut all: Vec<&str> = vec![args[0]];
    all.extend(ledger.iter().map(String::as_str));
    all.extend(&args[1..]);
    ok(&arrears(&all))
}

/// Lists sorted, so that the order of the documents (a FEC is in date order, the sample ledger by
/// customer) does not count.
fn canonical(v: Value) -> Value {
    match v {
        Value::Array(items) => {
            let mut items: Vec<Value> = items.into_iter().map(canonical).collect();
            items.sort_by_key(|x| x.to_string());
            Value::Array(items)
        }
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, canonical(v))).collect())
        }
        other => other,
    }
}

#[test]
fn the_sample_fec_is_up_to_date() {
    let dir = tmp_dir("sample");
    ok(&arrears(&[
        "sample",
        "--fec",
        "--out",
        dir.to_str().unwrap(),
    ]));
    for name in [
        "sample-fec.txt",
        "sample-fec-terms.json",
        "sample-fec-customers.json",
        "sample-fec-disputes.json",
    ] {
        let fresh = std::fs::read_to_string(dir.join(name)).unwrap();
        let committed = std::fs::read_to_string(example(name)).unwrap();
        assert!(
            fresh == committed,
            "examples/{name} is stale: run `cargo run -p arrears-cli -- sample --fec --out examples`"
        );
    }
}

#[test]
fn the_sample_fec_gives_the_figures_of_the_sample_ledger() {
    let ledger = vec![example("sample-ledger.json")];
    let fec = fec_args();
    // The per-invoice penalty table, line for line (sorted: the FEC lists the invoices by date,
    // the sample ledger by customer).
    let sorted = |s: String| {
        let mut lines: Vec<String> = s.lines().map(str::to_string).collect();
        lines.sort();
        lines
    };
    let args = ["penalties", "--as-of", "2026-06-30"];
    assert_eq!(sorted(run_on(&ledger, &args)), sorted(run_on(&fec, &args)));
    // The key figures, byte for byte.
    let args = ["kpis", "--as-of", "2026-06-30"];
    assert_eq!(run_on(&ledger, &args), run_on(&fec, &args));
    // The report, the agenda and the risk assessment, the same documents.
    for args in [
        &["report", "--as-of", "2026-06-30", "--format", "json"][..],
        &["agenda", "--as-of", "2026-06-30", "--format", "json"][..],
        &["risk", "--as-of", "2026-06-30"][..],
    ] {
        let a: Value = serde_json::from_str(&run_on(&ledger, args)).unwrap();
        let b: Value = serde_json::from_str(&run_on(&fec, args)).unwrap();
        assert!(canonical(a) == canonical(b), "{} differs", args[0]);
    }
}

#[test]
fn arrears_fec_writes_the_ledger_and_reconciles() {
    let dir = tmp_dir("import");
    let out = dir.join("ledger.json");
    let report = dir.join("report.json");
    let mut args: Vec<String> = vec!["fec".into()];
    args.extend(fec_args().into_iter().filter(|a| a != "--fec"));
    args.extend([
        "--out".to_string(),
        out.display().to_string(),
        "--report".to_string(),
        report.display().to_string(),
    ]);
    let o = arrears(&args.iter().map(String::as_str).collect::<Vec<_>>());
    ok(&o);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("reconciled: every customer's balance"),
        "{err}"
    );
    let r: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(r["reconciled"], true);
    assert_eq!(r["unused"].as_array().unwrap().len(), 0);
    assert_eq!(r["customer_lines"], r["used"]);
    assert!(r.get("ledger").is_none());
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let sample: Value =
        serde_json::from_str(&std::fs::read_to_string(example("sample-ledger.json")).unwrap())
            .unwrap();
    assert_eq!(
        doc["invoices"].as_array().unwrap().len(),
        sample["invoices"].as_array().unwrap().len()
    );
}

#[test]
fn a_malformed_fec_gets_coded_errors_with_lines_and_nothing_is_written() {
    let dir = tmp_dir("bad");
    let good = std::fs::read_to_string(example("sample-fec.txt")).unwrap();
    let mut lines: Vec<String> = good.lines().map(str::to_string).collect();
    lines[2] = lines[2].replacen("\t20250101\t", "\t20251301\t", 1);
    lines[5] = format!("{}\textra", lines[5]);
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, lines.join("\r\n")).unwrap();
    let out = dir.join("ledger.json");
    let o = arrears(&["fec", bad.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("line 3: EcritureDate") && err.contains("import.invalid_cell"),
        "{err}"
    );
    assert!(
        err.contains("line 6") && err.contains("import.invalid_row"),
        "{err}"
    );
    assert!(!out.exists(), "nothing half-imported");
}
