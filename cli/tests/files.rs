//! What the command line writes (issue "Hardening", files): the journal is locked for a
//! `--record` run and checked writable before anything is printed or a letter written; appends
//! start on a fresh line; letter names cannot collide or escape their directory; a run's letters
//! are all or none; `--out` is replaced whole or not at all. Each test failed before its fix.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn arrears(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_arrears"))
        .args(args)
        .env("ARREARS_TODAY", "2026-06-01")
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory under Cargo's target/tmp for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("arrears-files-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// One customer per id, each with one invoice due Fri 2026-05-29: on Mon 1 June fr_standard's
/// D+1 email is due for each (docs/dunning.md).
fn ledger(dir: &Path, customers: &[&str]) -> PathBuf {
    let cs: Vec<serde_json::Value> = customers
        .iter()
        .map(|c| serde_json::json!({"id": c, "name": "Studio", "country": "FR", "address": ["1 rue X", "69001 Lyon"]}))
        .collect();
    let inv: Vec<serde_json::Value> = customers
        .iter()
        .enumerate()
        .map(|(i, c)| {
            serde_json::json!({"id": format!("F{i}"), "customer": c, "issue_date": "2026-04-29",
            "due_date": "2026-05-29", "amount": "1200.00", "currency": "EUR"})
        })
        .collect();
    let p = dir.join("ledger.json");
    std::fs::write(
        &p,
        serde_json::json!({"customers": cs, "invoices": inv}).to_string(),
    )
    .unwrap();
    p
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn letter_names_neither_collide_nor_escape() {
    let dir = scratch("names");
    let ledger = ledger(&dir, &["C<1", "C>1", "C/1", "C\\1"]);
    let letters = dir.join("letters");
    let o = arrears(&[
        "agenda",
        ledger.to_str().unwrap(),
        "--as-of",
        "2026-06-01",
        "--letters",
        letters.to_str().unwrap(),
        "--sender",
        concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/sender.json"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let names = files_in(&letters);
    // Four customers, four letters (they were one file before: C_1).
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(stderr(&o).contains("wrote 4 letter(s)"), "{}", stderr(&o));
    assert!(files_in(&dir)
        .iter()
        .all(|f| f == "ledger.json" || f == "letters"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unwritable_journal_fails_before_any_letter_or_output() {
    let dir = scratch("unwritable");
    let ledger = ledger(&dir, &["C1"]);
    let letters = dir.join("letters");
    // A directory where the journal file should be: it cannot be opened for appending.
    let journal = dir.join("journal.jsonl");
    std::fs::create_dir_all(&journal).unwrap();
    let o = arrears(&[
        "agenda",
        ledger.to_str().unwrap(),
        "--as-of",
        "2026-06-01",
        "--journal",
        journal.to_str().unwrap(),
        "--record",
        "--letters",
        letters.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("io.write_failed"), "{}", stderr(&o));
    assert!(
        o.stdout.is_empty(),
        "printed {:?}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(
        files_in(&letters).is_empty(),
        "letters left: {:?}",
        files_in(&letters)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_journal_without_its_last_newline_is_appended_to_on_a_fresh_line() {
    let dir = scratch("newline");
    let ledger = ledger(&dir, &["C1"]);
    let journal = dir.join("journal.jsonl");
    std::fs::write(
        &journal,
        r#"{"at": "x", "date": "2026-05-20", "type": "note", "customer": "C1", "text": "called, no answer"}"#,
    )
    .unwrap();
    let run = || {
        arrears(&[
            "agenda",
            ledger.to_str().unwrap(),
            "--as-of",
            "2026-06-01",
            "--journal",
            journal.to_str().unwrap(),
            "--record",
            "--format",
            "json",
        ])
    };
    let first = run();
    assert!(first.status.success(), "{}", stderr(&first));
    let text = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    // The next run reads it (before the fix the two lines were glued into one that did not parse).
    let second = run();
    assert!(second.status.success(), "{}", stderr(&second));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_record_runs_at_once_record_each_action_once() {
    let dir = scratch("concurrent");
    let ids: Vec<String> = (0..300).map(|i| format!("C{i:03}")).collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let ledger = ledger(&dir, &refs);
    let journal = dir.join("journal.jsonl");
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_arrears"))
            .args([
                "agenda",
                ledger.to_str().unwrap(),
                "--as-of",
                "2026-06-01",
                "--journal",
                journal.to_str().unwrap(),
                "--record",
                "--format",
                "json",
            ])
            .env("ARREARS_TODAY", "2026-06-01")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success(), "{}", stderr(&a));
    assert!(b.status.success(), "{}", stderr(&b));
    let text = std::fs::read_to_string(&journal).unwrap();
    let mut customers: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["customer"].to_string())
        .collect();
    let n = customers.len();
    customers.sort();
    customers.dedup();
    // One contact per customer: the second run waited for the first and saw its actions.
    assert_eq!((n, customers.len()), (300, 300));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_failed_run_leaves_the_previous_out_file_whole() {
    let dir = scratch("out");
    let out = dir.join("report.json");
    std::fs::write(&out, "previous\n").unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"invoices": [{"id": "F1"}]}"#).unwrap();
    let o = arrears(&[
        "report",
        bad.to_str().unwrap(),
        "--as-of",
        "2026-06-01",
        "--format",
        "json",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous\n");
    assert_eq!(files_in(&dir), ["bad.json", "report.json"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn devices_directories_and_oversized_inputs_are_refused_before_reading() {
    // Before: `report /dev/zero` read until memory ran out.
    for path in ["/dev/zero", env!("CARGO_TARGET_TMPDIR")] {
        let o = arrears(&["report", path, "--as-of", "2026-06-01"]);
        assert_eq!(o.status.code(), Some(1), "{path}");
        assert!(stderr(&o).contains("io.not_a_file"), "{}", stderr(&o));
    }
    let dir = scratch("large");
    let ledger = ledger(&dir, &["C1"]);
    let o = Command::new(env!("CARGO_BIN_EXE_arrears"))
        .args(["report", ledger.to_str().unwrap(), "--as-of", "2026-06-01"])
        .env("ARREARS_MAX_INPUT_BYTES", "10")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("io.input_too_large"), "{}", stderr(&o));
    // Standard input is bounded the same way.
    let mut child = Command::new(env!("CARGO_BIN_EXE_arrears"))
        .args(["interest", "--request", "-"])
        .env("ARREARS_MAX_INPUT_BYTES", "100")
        .stdin(std::fs::File::open("/dev/zero").unwrap())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn control_characters_from_the_input_never_reach_the_terminal() {
    let dir = scratch("terminal");
    // OSC 52 (write the clipboard) ended by BEL, a right-to-left override, a NUL.
    let hostile = "C\u{1b}]52;c;ZXZpbA==\u{7}\u{202e}1\u{0}";
    let ledger = ledger(&dir, &[hostile]);
    for args in [
        vec!["report", ledger.to_str().unwrap(), "--as-of", "2026-06-01"],
        vec!["agenda", ledger.to_str().unwrap(), "--as-of", "2026-06-01"],
    ] {
        let o = arrears(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("C\\u{1b}]52"), "{out}");
        for bad in ['\u{1b}', '\u{7}', '\u{202e}', '\u{0}'] {
            assert!(
                !out.contains(bad) && !stderr(&o).contains(bad),
                "{args:?}: {bad:?}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_carry_a_code_and_interest_errors_are_json_on_stdout() {
    let o = arrears(&["report", "--no-such-option"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("[input.invalid_arguments]"),
        "{}",
        stderr(&o)
    );
    // `arrears interest` answers every error with the JSON document on stdout (docs/cli.md),
    // usage errors and unreadable request files included.
    let o = arrears(&["interest", "--bogus"]);
    assert_eq!(o.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["error"]["code"], "input.invalid_arguments");
    let o = arrears(&["interest", "--request", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["error"]["code"], "io.not_a_file");
    // --help still prints help and succeeds.
    let o = arrears(&["--help"]);
    assert!(o.status.success());
}
