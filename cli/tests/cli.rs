//! End-to-end tests of the `arrears` binary: the README's demo command, reports on files, and
//! the bad-input contract (one line per problem naming file, line and column; exit 1; no output).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn arrears(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_arrears"))
        .args(args)
        .output()
        .unwrap()
}

fn tmp(name: &str, content: &str) -> PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("arrears-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn demo_prints_the_main_report() {
    let o = arrears(&["demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for part in [
        "As of 2026-06-30",
        "Open invoices by customer",
        "Aging balance",
        "Worst payers",
        "days late",
        // The catch-up rule on a first day (docs/dunning.md rule 2).
        "On a first day with this ledger (an empty journal), the agenda would catch up:",
        "d30_formal_notice",
    ] {
        assert!(out.contains(part), "missing {part:?} in:\n{out}");
    }
}

#[test]
fn demo_json_is_a_document() {
    let o = arrears(&["demo", "--format", "json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["as_of"], "2026-06-30");
    assert!(v["overview"]["aging"]["totals"].is_array());
}

#[test]
fn report_on_a_small_csv_ledger() {
    // Hand computation: F1 100.00 due 2024-02-09, unpaid as of 2024-03-01 → 21 days late;
    // F2 paid in full on its due date.
    let inv = tmp(
        "ok-invoices.csv",
        "id,customer,customer_name,issue_date,due_date,amount,currency,paid_date\n\
         F1,C1,Studio Nord,2024-01-10,2024-02-09,100.00,EUR,\n\
         F2,C2,Atelier Sud,2024-01-12,2024-02-11,50.00,EUR,2024-02-11\n",
    );
    let o = arrears(&[
        "report",
        inv.to_str().unwrap(),
        "--as-of",
        "2024-03-01",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let open = v["open_receivables"].as_array().unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0]["id"], "F1");
    assert_eq!(open[0]["days_late"], 21);
    assert_eq!(v["overview"]["delays"]["paid_receivables"], 1);
    assert_eq!(v["overview"]["delays"]["average_days_late"], "0.00");
}

#[test]
fn french_export_with_mapping_semicolons_and_decimal_commas() {
    let inv = tmp(
        "fr-export.csv",
        "N° facture;Client;Date;Échéance;Montant TTC;Devise\n\
         FA-1;DUPONT;10/01/2024;09/02/2024;1 234,50;EUR\n",
    );
    let o = arrears(&[
        "report",
        inv.to_str().unwrap(),
        "--as-of",
        "2024-02-10",
        "--format",
        "csv",
        "--delimiter",
        ";",
        "--decimal-comma",
        "--date-format",
        "%d/%m/%Y",
        "--map",
        "id=N° facture",
        "--map",
        "customer=Client",
        "--map",
        "issue_date=Date",
        "--map",
        "due_date=Échéance",
        "--map",
        "amount=Montant TTC",
        "--map",
        "currency=Devise",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("FA-1"), "{out}");
    assert!(out.contains("1234.50"), "{out}");
    // 2024-02-10 is one day after the due date.
    assert!(out.lines().nth(1).unwrap().contains(",1,overdue"), "{out}");
}

#[test]
fn bad_csv_lists_every_problem_and_writes_nothing() {
    let inv = tmp(
        "bad-invoices.csv",
        "id,customer,issue_date,due_date,amount,currency\n\
         F1,C1,2024-01-10,2024-02-09,100.00,EUR\n\
         F2,C1,2024-01-12,2024-02-30,50.00,EUR\n\
         F3,C2,2024-01-15,2024-02-14,\"12,50\",EUR\n\
         F4,C2,2024-01-15,2024-02-14,-5.00,EUR\n\
         F1,C3,2024-01-20,2024-02-19,80.00,EUR\n\
         F7,C3,2024-01-20,2024-02-19,80.00,EUX\n",
    );
    let pay = tmp(
        "bad-payments.csv",
        "date,amount,invoice,customer,currency\n2024-02-03,20.00,F99,C1,EUR\n",
    );
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("arrears-should-not-exist-{}", std::process::id()));
    let o = arrears(&[
        "report",
        inv.to_str().unwrap(),
        "--payments",
        pay.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(!out.exists(), "no partial output");
    let err = stderr(&o);
    let f = inv.display().to_string();
    for (place, code) in [
        (format!("{f}:3:due_date"), "date.invalid"),
        (format!("{f}:4:amount"), "money.invalid_amount"),
        (format!("{f}:5:amount"), "money.negative_amount"),
        (format!("{f}:6"), "ledger.duplicate_id"),
        (format!("{f}:7:currency"), "money.unknown_currency"),
        (
            format!("{}:2:invoice", pay.display()),
            "ledger.unknown_invoice",
        ),
    ] {
        assert!(
            err.lines().any(|l| l.contains(&place) && l.contains(code)),
            "no line for {place} [{code}] in:\n{err}"
        );
    }
    assert!(
        err.contains("--decimal-comma"),
        "the decimal-comma hint: {err}"
    );
}

#[test]
fn missing_column_is_named() {
    let inv = tmp(
        "missing.csv",
        "id,customer,issue_date,amount,currency\nF1,C1,2024-01-10,100.00,EUR\n",
    );
    let pay = tmp("nodate-payments.csv", "amount\n1.00\n");
    let o = arrears(&[
        "report",
        inv.to_str().unwrap(),
        "--payments",
        pay.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    // The invoices file has no due date (and no terms) for F1; the payments file lacks `date`.
    // Both are said once, for the file, and the core does not repeat the first for the row.
    assert!(err.contains("missing column date;"), "{err}");
    assert!(err.contains("missing.csv: no due date"), "{err}");
    assert!(!err.contains("ledger.missing_due_date"), "{err}");
}

#[test]
fn json_ledger_errors_carry_the_json_path() {
    let doc = tmp(
        "bad-ledger.json",
        r#"{"invoices": [{"id": "F1", "customer": "C1", "issue_date": "2024-02-30", "due_date": "2024-03-30", "amount": "1.00", "currency": "EUR"}]}"#,
    );
    let o = arrears(&["report", doc.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("invoices[0].issue_date") && err.contains("date.invalid"),
        "{err}"
    );
}

#[test]
fn csv_output_neutralises_formulas() {
    let inv = tmp(
        "formula.csv",
        "id,customer,customer_name,issue_date,due_date,amount,currency\n\
         =1+1,C1,\"=HYPERLINK(\"\"http://x\"\")\",2024-01-10,2024-02-09,100.00,EUR\n",
    );
    let o = arrears(&[
        "report",
        inv.to_str().unwrap(),
        "--as-of",
        "2024-03-01",
        "--format",
        "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("'=1+1"), "{out}");
    assert!(out.contains("'=HYPERLINK"), "{out}");
    assert!(!out.contains(",=1+1"), "{out}");
}

#[test]
fn error_catalogue_matches_docs() {
    let o = arrears(&["errors", "--format", "markdown"]);
    assert!(o.status.success());
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/errors.md")).unwrap();
    assert_eq!(
        stdout(&o),
        docs,
        "docs/errors.md is stale: run `make docs-errors`"
    );
}

#[test]
fn interest_flag_form_gives_the_statute_figure() {
    // C. com. L441-10 II: BCE 4.50 % (1 Jan 2024) + 10 = 14.50 %; 1000.00 × 14.50 % × 44 / 365
    // = 17.479… → 17.48; D441-5: EUR 40. Total 1057.48 (the statement example of DESIGN.md).
    let o = arrears(&[
        "interest",
        "--regime",
        "fr_b2b",
        "--principal",
        "1000.00",
        "--currency",
        "EUR",
        "--due",
        "2024-01-31",
        "--until",
        "2024-03-15",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["interest"], "17.48");
    assert_eq!(v["fixed_compensation"], "40.00");
    assert_eq!(v["total_due"], "1057.48");
    assert_eq!(v["rates_used"][0]["series"], "fr_l441_10");
}

#[test]
fn interest_request_form_and_json_errors() {
    let req = tmp(
        "req.json",
        r#"{"regime": "uk_late_payment", "principal": "999.99", "currency": "GBP", "due_date": "2023-06-30", "until": "2023-07-30"}"#,
    );
    let o = arrears(&["interest", "--request", req.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // Late Payment Act s. 5A: a debt below £1,000 gets £40.
    assert_eq!(v["fixed_compensation"], "40.00");
    let o = arrears(&[
        "interest",
        "--regime",
        "fr_b2b",
        "--principal",
        "-5",
        "--currency",
        "EUR",
        "--due",
        "2024-01-31",
        "--until",
        "2024-03-15",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["error"]["code"], "interest.invalid_principal");
}

#[test]
fn rates_lists_the_series() {
    let o = arrears(&["rates"]);
    assert!(o.status.success());
    let out = stdout(&o);
    for id in [
        "ecb_mro",
        "fr_l441_10",
        "de_basiszinssatz",
        "uk_reference_rate",
    ] {
        assert!(out.contains(id), "{out}");
    }
    let o = arrears(&["rates", "de_basiszinssatz", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.to_string().contains("2026-07-01"));
}

#[test]
fn agenda_record_then_rerun_gives_no_new_contact() {
    // fr_standard: due Fri 2026-05-29, D+1 = Sat 30 May → Mon 1 June (next business day).
    let doc = tmp(
        "agenda-ledger.json",
        r#"{"customers": [{"id": "C1", "name": "Studio Nord", "country": "FR"}],
            "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2026-04-29", "due_date": "2026-05-29", "amount": "1200.00", "currency": "EUR"}]}"#,
    );
    let journal = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("arrears-journal-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&journal);
    let args = |record: bool| {
        let mut v = vec![
            "agenda".to_string(),
            doc.to_str().unwrap().to_string(),
            "--as-of".into(),
            "2026-06-01".into(),
            "--journal".into(),
            journal.to_str().unwrap().to_string(),
            "--format".into(),
            "json".into(),
        ];
        if record {
            v.push("--record".into());
        }
        v
    };
    let run = |record: bool| {
        let a = args(record);
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        arrears(&refs)
    };
    let first = run(true);
    assert!(first.status.success(), "{}", stderr(&first));
    let v: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(v["actions"][0]["step"], "d1_email");
    let lines = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(lines.lines().count(), 1, "{lines}");
    let again = run(false);
    let v: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(v["actions"].as_array().unwrap().len(), 0, "{v}");
    // A journal line that does not parse is an error naming the line, and the file is untouched.
    std::fs::write(&journal, format!("{lines}not json\n")).unwrap();
    let bad = run(true);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains(":2") && stderr(&bad).contains("dunning.invalid_journal"),
        "{}",
        stderr(&bad)
    );
    assert_eq!(
        std::fs::read_to_string(&journal).unwrap(),
        format!("{lines}not json\n")
    );
}

#[test]
fn letter_formal_notice_in_french_has_the_required_words() {
    let doc = tmp(
        "letter-ledger.json",
        r#"{"customers": [{"id": "C1", "name": "<b>Studio</b> & Nord", "country": "FR", "address": ["1 rue X", "69001 Lyon"]}],
            "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2026-04-29", "due_date": "2026-05-29", "amount": "1200.00", "currency": "EUR"}]}"#,
    );
    let o = arrears(&[
        "letter",
        doc.to_str().unwrap(),
        "--customer",
        "C1",
        "--step",
        "d30_formal_notice",
        "--lang",
        "fr",
        "--as-of",
        "2026-06-29",
        "--sender",
        concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/sender.json"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.to_lowercase().contains("mise en demeure"), "{out}");
    assert!(
        out.contains("40,00"),
        "the EUR 40 indemnity (D441-5): {out}"
    );
    let html = arrears(&[
        "letter",
        doc.to_str().unwrap(),
        "--customer",
        "C1",
        "--step",
        "d30_formal_notice",
        "--lang",
        "fr",
        "--as-of",
        "2026-06-29",
        "--format",
        "html",
        "--sender",
        concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/sender.json"),
    ]);
    let page = stdout(&html);
    assert!(
        page.contains("&lt;b&gt;Studio&lt;") && page.contains("&amp; Nord"),
        "names are escaped in HTML"
    );
    assert!(!page.contains("<b>Studio</b>"));
}

#[test]
fn plan_splits_exactly() {
    let o = arrears(&[
        "plan",
        "--amount",
        "100.00",
        "--currency",
        "EUR",
        "--instalments",
        "3",
        "--first",
        "2026-07-07",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let amounts: Vec<&str> = v["instalments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["amount"].as_str().unwrap())
        .collect();
    assert_eq!(amounts, ["33.34", "33.33", "33.33"]);
}

#[test]
fn agenda_writes_the_day_s_letters() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("arrears-letters-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let ledger = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/sample-ledger.json"
    );
    let o = arrears(&[
        "agenda",
        ledger,
        "--as-of",
        "2026-06-30",
        "--letters",
        dir.to_str().unwrap(),
        "--sender",
        concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/sender.json"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!files.is_empty());
    // The British customer follows en_standard: an English letter.
    let uk = files
        .iter()
        .find(|f| f.contains("C040"))
        .expect("a letter for C040");
    let text = std::fs::read_to_string(dir.join(uk)).unwrap();
    assert!(text.contains("£"), "{text}");
}

#[test]
fn kpis_risk_and_backtest_commands() {
    let ledger = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/sample-ledger.json"
    );
    let o = arrears(&[
        "kpis",
        ledger,
        "--as-of",
        "2026-06-30",
        "--group-by",
        "sector",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["groups"].as_array().unwrap().len() >= 5,
        "one group per sector and currency"
    );
    let o = arrears(&["risk", ledger, "--as-of", "2026-06-30"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["customers"].as_array().unwrap().len(), 40);
    let o = arrears(&["backtest", ledger, "--cutoff", "2025-12-31"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // The sample's behaviours are known; grades must separate chronic from prompt payers.
    assert!(v["auc"].as_f64().unwrap() > 0.85, "{v}");
    let html = arrears(&[
        "report",
        ledger,
        "--as-of",
        "2026-06-30",
        "--format",
        "html",
    ]);
    let page = stdout(&html);
    assert!(
        page.starts_with("<!DOCTYPE html>")
            && page.contains("<svg")
            && page.contains("Riskiest customers")
    );
    assert!(!page.contains("<script"), "no script, no network");
}

/// A validator for a published schema of `docs/schemas/`, checking `format` (dates) too.
fn schema_validator(name: &str) -> jsonschema::Validator {
    let path = format!("{}/../docs/schemas/{name}", env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, doc: &serde_json::Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:?}");
}

#[test]
fn schemas_command_writes_the_published_schemas() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("arrears-schemas-{}", std::process::id()));
    let o = arrears(&["schemas", "--out", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    for name in [
        "ledger.schema.json",
        "ledger-request.schema.json",
        "interest-request.schema.json",
        "statement.schema.json",
        "agenda-request.schema.json",
        "agenda.schema.json",
        "claims-request.schema.json",
        "claims.schema.json",
    ] {
        let written = std::fs::read_to_string(dir.join(name)).unwrap();
        let published = std::fs::read_to_string(format!(
            "{}/../docs/schemas/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        assert!(
            written == published,
            "docs/schemas/{name} is stale: run `make docs-schemas`"
        );
    }
}

#[test]
fn real_documents_validate_against_the_published_schemas() {
    // The sample ledger.
    let ledger: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/sample-ledger.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let ledger_schema = schema_validator("ledger.schema.json");
    assert_valid(&ledger_schema, &ledger, "examples/sample-ledger.json");
    // What the schema refuses, the core refuses too: a JSON number amount, a bad date.
    let mut bad = ledger.clone();
    bad["invoices"][0]["amount"] = serde_json::json!(12.5);
    assert!(!ledger_schema.is_valid(&bad));
    let mut bad = ledger.clone();
    bad["invoices"][0]["issue_date"] = serde_json::json!("2025-02-30");
    assert!(!ledger_schema.is_valid(&bad));

    // Every successful interest and agenda vector: its request, and the response the core gives.
    for (area, op, request, response, at_least) in [
        (
            "interest",
            "interest",
            "interest-request.schema.json",
            "statement.schema.json",
            50,
        ),
        (
            "agenda",
            "agenda",
            "agenda-request.schema.json",
            "agenda.schema.json",
            50,
        ),
        (
            "claims",
            "claims",
            "claims-request.schema.json",
            "claims.schema.json",
            8,
        ),
    ] {
        let (request, response) = (schema_validator(request), schema_validator(response));
        let mut checked = 0;
        let dir = format!("{}/../tests/vectors/{area}", env!("CARGO_MANIFEST_DIR"));
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let file: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let Some(cases) = file.get("cases").and_then(|c| c.as_array()) else {
                continue;
            };
            for case in cases
                .iter()
                .filter(|c| c["op"] == op && c.get("expected").is_some())
            {
                let id = case["id"].as_str().unwrap();
                assert_valid(&request, &case["input"], id);
                let out = arrears::run(op, &case["input"]).unwrap();
                assert_valid(&response, &out, id);
                checked += 1;
            }
        }
        assert!(checked >= at_least, "only {checked} {area} vectors checked");
    }
}

/// A CSV or Parquet penalty table has no column for why a late row has no penalties: stderr says
/// it, for both readers (the fast one for canonical CSV, the general one for JSON ledgers), with
/// the rows named. Before, rows of zeros came out without a word.
#[test]
fn penalties_say_why_late_rows_have_none() {
    // F1 and F2: no country, so no statute (C. com. L441-10 needs a French business, ...).
    let csv = tmp(
        "no-country.csv",
        "id,customer,issue_date,due_date,amount,currency\n\
         F1,C1,2024-01-01,2024-01-31,1000.00,EUR\n\
         F2,C1,2024-01-01,2024-01-31,1000.00,EUR\n",
    );
    let o = arrears(&["penalties", csv.to_str().unwrap(), "--as-of", "2025-01-01"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("\nF1,C1,EUR,2024-01-31,336,91+,1000.00,0.00,"));
    let err = stderr(&o);
    assert!(
        err.contains("warning: 2 late receivable(s) without penalties in this table: the customer has no country")
            && err.contains("(F1, F2)"),
        "{err}"
    );
    // Amounts whose interest cannot be represented (28 digits): the place of the overflow is named.
    let big = "79228162514264337593543950.00";
    let json = tmp(
        "overflow.json",
        &format!(
            r#"{{"customers":[{{"id":"C1","name":"A","country":"FR"}}],
                "invoices":[{{"id":"F1","customer":"C1","issue_date":"2024-01-01","due_date":"2024-01-31","amount":"{big}","currency":"EUR"}}],
                "payments":[]}}"#
        ),
    );
    let o = arrears(&["penalties", json.to_str().unwrap(), "--as-of", "2025-01-01"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(
            "warning: 1 late receivable(s) without penalties in this table: \
             the interest computation overflows (amounts beyond 28 significant digits) (money.overflow) (F1)"
        ),
        "{err}"
    );
    // JSON rows carry the reason themselves: no warning.
    let o = arrears(&[
        "penalties",
        json.to_str().unwrap(),
        "--as-of",
        "2025-01-01",
        "--format",
        "json",
    ]);
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

/// A consumer's interest runs from the formal notice (C. civ. 1231-6): the same penalty table
/// says "no interest yet" without the journal and, with the journal's `d30_formal_notice` of
/// 2024-02-14, computes the legal rate ("autres cas", 5.07 % in H1 2024) from the next day:
/// 15 Feb – 15 Mar = 30 days, 1,000.00 × 5.07 % × 30/365 = 4.1671… → 4.17, no EUR 40.
#[test]
fn penalties_of_a_consumer_run_from_the_journals_formal_notice() {
    let csv = tmp(
        "consumer.csv",
        "id,customer,issue_date,due_date,amount,currency,customer_country,debtor\n\
         F1,C1,2024-01-01,2024-01-31,1000.00,EUR,FR,consumer\n",
    );
    let args = |extra: &[&str]| {
        let mut v = vec!["penalties", csv.to_str().unwrap(), "--as-of", "2024-03-15"];
        v.extend_from_slice(extra);
        v.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let run = |a: Vec<String>| arrears(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let o = run(args(&[]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("\nF1,C1,EUR,2024-01-31,44,31-60,1000.00,0.00,"),
        "{}",
        stdout(&o)
    );
    assert!(
        stderr(&o).contains("runs from a formal notice (C. civ. 1231-6)"),
        "{}",
        stderr(&o)
    );
    let journal = tmp(
        "consumer-journal.jsonl",
        r#"{"at":"2024-02-14T09:00:00Z","date":"2024-02-14","type":"action","customer":"C1","step":"d30_formal_notice","channel":"registered_letter","items":[{"receivable":"F1","step":"d30_formal_notice"}]}
"#,
    );
    let o = run(args(&["--journal", journal.to_str().unwrap()]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("\nF1,C1,EUR,2024-01-31,44,31-60,1000.00,4.17,0.00,4.17,0.00,1004.17"),
        "{}",
        stdout(&o)
    );
}

/// Letters with legal weight need their facts (issue 13 item 12): outside `demo`, a letter is never
/// signed by the sample creditor, and a formal notice to a customer without a postal address is
/// refused; `--draft` writes them marked as drafts instead.
#[test]
fn letters_need_a_sender_and_an_address_unless_drafts() {
    let doc = tmp(
        "no-address.json",
        r#"{"customers": [{"id": "C1", "name": "Studio Nord", "country": "FR"}],
            "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2026-04-29", "due_date": "2026-05-29", "amount": "1200.00", "currency": "EUR"}]}"#,
    );
    let sender = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/sender.json");
    let letter = |extra: &[&str]| {
        let mut args = vec![
            "letter",
            doc.to_str().unwrap(),
            "--customer",
            "C1",
            "--step",
            "d30_formal_notice",
            "--as-of",
            "2026-06-29",
        ];
        args.extend_from_slice(extra);
        arrears(&args)
    };
    // No --sender: refused, whatever the letter.
    let o = letter(&[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("[letters.missing_facts]"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("--sender"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    // A sender, but the customer has no postal address: the formal notice is refused.
    let o = letter(&["--sender", sender]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("debtor.address_lines") && err.contains("no postal address"),
        "{err}"
    );
    // A draft: written, and says so at its top and in its subject.
    let o = letter(&["--draft"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("PROJET — NE PAS ENVOYER"), "{out}");
    assert!(out.contains("[PROJET] Mise en demeure"), "{out}");
    // The agenda's letters: no sender, nothing written, nothing printed.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("arrears-no-sender-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let o = arrears(&[
        "agenda",
        doc.to_str().unwrap(),
        "--as-of",
        "2026-06-29",
        "--letters",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(!dir.exists() || std::fs::read_dir(&dir).unwrap().next().is_none());
}

/// On a holiday of the default policy's calendar (14 July in France), a German customer under
/// de_standard (its own calendar) is still contacted: the table never says "no contact today"
/// above a contact (issue 13 item 13).
#[test]
fn a_holiday_of_the_default_calendar_does_not_hide_other_calendars_contacts() {
    let doc = tmp(
        "holiday.json",
        r#"{"customers": [{"id": "D1", "name": "Muster GmbH", "country": "DE"},
                          {"id": "F1", "name": "Studio Nord", "country": "FR"}],
            "invoices": [{"id": "R1", "customer": "D1", "issue_date": "2026-06-13", "due_date": "2026-07-13", "amount": "500.00", "currency": "EUR"},
                         {"id": "A1", "customer": "F1", "issue_date": "2026-06-13", "due_date": "2026-07-13", "amount": "500.00", "currency": "EUR"}]}"#,
    );
    // R1 due Mon 2026-07-13: de_standard's d1_erinnerung is Tue 07-14, a business day in Germany;
    // A1's d1_email (fr_standard) waits for Wed 07-15.
    let o = arrears(&["agenda", doc.to_str().unwrap(), "--as-of", "2026-07-14"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Muster GmbH (D1): d1_erinnerung"), "{out}");
    assert!(!out.contains("no contact today"), "{out}");
    assert!(out.contains("only the customers below"), "{out}");
    assert!(!out.contains("(F1)"), "{out}");
}

/// Journal errors name the file and its 1-based line, also those the core finds in well-formed
/// lines (an unknown customer, a promise below zero), blank lines counted (issue 13 item 13).
#[test]
fn journal_errors_name_the_file_and_line() {
    let ledger = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/sample-ledger.json"
    );
    let journal = tmp(
        "errors.jsonl",
        "{\"at\":\"2026-06-01T09:00:00Z\",\"date\":\"2026-06-01\",\"type\":\"note\",\"customer\":\"C001\",\"text\":\"hello\"}\n\
         \n\
         {\"at\":\"2026-06-01T09:00:00Z\",\"date\":\"2026-06-01\",\"type\":\"action\",\"customer\":\"C999\",\"step\":\"d1_email\",\"channel\":\"email\",\"items\":[]}\n\
         {\"at\":\"2026-06-01T09:00:00Z\",\"date\":\"2026-06-01\",\"type\":\"promise\",\"customer\":\"C001\",\"amount\":\"-5\",\"currency\":\"EUR\",\"promised_date\":\"2026-06-10\"}\n",
    );
    for command in ["agenda", "report"] {
        let o = arrears(&[
            command,
            ledger,
            "--journal",
            journal.to_str().unwrap(),
            "--as-of",
            "2026-06-30",
        ]);
        assert_eq!(o.status.code(), Some(1), "{command}");
        let err = stderr(&o);
        let file = journal.display().to_string();
        assert!(
            err.contains(&format!("{file}:3"))
                && err.contains("customer \"C999\" is not in the ledger"),
            "{command}: {err}"
        );
        if command == "agenda" {
            assert!(
                err.contains(&format!("{file}:4.amount: a promise")),
                "{err}"
            );
        }
        assert!(!err.contains("journal["), "{command}: {err}");
    }
}

/// The journal records what was done (issue 13 item 10): F2's call step, folded into the day's
/// letter for F1, is recorded with its own step (the ladder moves on) and `folded_into` the
/// letter's step (a letter was sent, not a call made).
#[test]
fn record_says_a_folded_call_was_a_letter() {
    let doc = tmp(
        "fold.json",
        r#"{"customers":[{"id":"C1","name":"Studio Nord","country":"FR","address":["1 rue X","69001 Lyon"]}],
            "invoices":[{"id":"F1","customer":"C1","issue_date":"2026-04-29","due_date":"2026-05-29","amount":"1200.00","currency":"EUR"},
                        {"id":"F2","customer":"C1","issue_date":"2026-05-08","due_date":"2026-06-08","amount":"800.00","currency":"EUR"}]}"#,
    );
    // F1: d1_email 06-01, d7_call 06-05; F2: d1_email 06-09. On Mon 06-15 F1's d15_letter and
    // F2's d7_call (06-08 + 7) are both due: one letter.
    let journal = tmp(
        "fold.jsonl",
        "{\"at\":\"2026-06-01T09:00:00Z\",\"date\":\"2026-06-01\",\"type\":\"action\",\"customer\":\"C1\",\"step\":\"d1_email\",\"channel\":\"email\",\"items\":[{\"receivable\":\"F1\",\"step\":\"d1_email\"}]}\n\
         {\"at\":\"2026-06-05T09:00:00Z\",\"date\":\"2026-06-05\",\"type\":\"action\",\"customer\":\"C1\",\"step\":\"d7_call\",\"channel\":\"phone\",\"items\":[{\"receivable\":\"F1\",\"step\":\"d7_call\"}]}\n\
         {\"at\":\"2026-06-09T09:00:00Z\",\"date\":\"2026-06-09\",\"type\":\"action\",\"customer\":\"C1\",\"step\":\"d1_email\",\"channel\":\"email\",\"items\":[{\"receivable\":\"F2\",\"step\":\"d1_email\"}]}\n",
    );
    let o = arrears(&[
        "agenda",
        doc.to_str().unwrap(),
        "--journal",
        journal.to_str().unwrap(),
        "--as-of",
        "2026-06-15",
        "--record",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&journal).unwrap();
    let last: serde_json::Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    assert_eq!(last["step"], "d15_letter");
    assert_eq!(last["channel"], "letter");
    assert_eq!(
        last["items"],
        serde_json::json!([
            {"receivable": "F1", "step": "d15_letter"},
            {"receivable": "F2", "step": "d7_call", "folded_into": "d15_letter"}
        ])
    );
}

/// Rates published after a release (issue 14 item 2, docs/rates.md §Adding a rate): the built-in
/// Basiszinssatz is known to 31 Dec 2026, so interest for January 2027 is refused; with a series
/// file that adds 1 Jan 2027 (an example value, 1.52 %, flagged as such) it is computed:
/// 1,000.00 × (1.52 + 9) % × 30/365 (1–30 Jan 2027, § 288 (2) BGB) = 8.6466 → 8.65, EUR 40.
#[test]
fn a_rates_file_extends_the_built_in_series() {
    let args = [
        "interest",
        "--regime",
        "de_b2b",
        "--principal",
        "1000.00",
        "--currency",
        "EUR",
        "--due",
        "2026-12-31",
        "--until",
        "2027-01-30",
    ];
    let o = arrears(&args);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("rates.unknown_date"), "{}", stderr(&o));

    let o = arrears(&["rates", "de_basiszinssatz", "--format", "json"]);
    let mut series: serde_json::Value =
        serde_json::from_str(&stdout(&o)).expect("the series as JSON");
    let mut series = series["series"][0].take();
    series["entries"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
        "from": "2027-01-01", "rate_percent": "1.52",
        "flag": "example value for the test, not a published rate"}));
    series["known_until"] = "2027-06-30".into();
    for k in ["latest", "known_from", "entry_count", "flagged_count"] {
        series.as_object_mut().unwrap().remove(k);
    }
    let file = tmp("basiszins-2027.json", &series.to_string());
    let mut with_rates = args.to_vec();
    with_rates.extend(["--rates", file.to_str().unwrap()]);
    let o = arrears(&with_rates);
    assert!(o.status.success(), "{}", stderr(&o));
    let statement: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(statement["interest"], "8.65");
    assert_eq!(statement["fixed_compensation"], "40.00");
    assert!(stdout(&o).contains("rate_supplied") || stdout(&o).contains("rate_flagged"));
    // The listing shows the series as supplied.
    let o = arrears(&[
        "rates",
        "de_basiszinssatz",
        "--rates",
        file.to_str().unwrap(),
    ]);
    assert!(stdout(&o).contains("2027-06-30"), "{}", stdout(&o));
    // A malformed series is refused, naming the file.
    let bad = tmp("bad-rates.json", r#"{"id": "x", "entries": []}"#);
    let o = arrears(&["rates", "--rates", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("bad-rates.json"), "{}", stderr(&o));
}

/// Without --policy and --lang, a letter follows the customer's country as the agenda does
/// (`country_policies`: DE → de_standard, German letters; docs/dunning.md §Country policies and
/// calendars): a German customer's third step is the "Letzte Mahnung".
#[test]
fn a_letter_follows_the_customers_country_policy_and_language() {
    let ledger = tmp(
        "de-ledger.json",
        r#"{"customers":[{"id":"C1","name":"Müller GmbH","country":"DE","address":["Hauptstr. 1","50667 Köln"]}],
            "invoices":[{"id":"F1","customer":"C1","issue_date":"2024-01-01","due_date":"2024-01-31","amount":"1000.00","currency":"EUR"}]}"#,
    );
    let o = arrears(&[
        "letter",
        ledger.to_str().unwrap(),
        "--customer",
        "C1",
        "--step",
        "d28_letzte_mahnung",
        "--as-of",
        "2024-03-15",
        "--draft",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Letzte Mahnung: Rechnung F1"),
        "{}",
        stdout(&o)
    );
}
