//! A new user's first hour with their own export (issue "The first hour"): the French studio's
//! spreadsheet export `examples/studio-export.csv` (Windows-1252, `;`, decimal commas, dd/mm/yyyy,
//! French headers, no country column) through `report`, `agenda` and `letter`, and the import
//! problems a real export brings. Expected amounts are hand computations shown beside them, at the
//! French statutory rate of the first half of 2026: the ECB rate of 2.15 % on 1 January 2026 + 10
//! points = 12.15 % (C. com. L441-10; docs/legal-rates.md §1.2), EUR 40 per late invoice (D441-5).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
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

/// Runs `arrears` on 30 June 2026. Letters are signed by the example creditor
/// (`examples/sender.json`) unless the test gives `--sender` or `--draft`: without either, the
/// command refuses to write letters (`letters.missing_facts`).
fn arrears(args: &[&str]) -> Output {
    let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let writes_letters =
        args.first().is_some_and(|a| a == "letter") || args.iter().any(|a| a == "--letters");
    if writes_letters && !args.iter().any(|a| a == "--sender" || a == "--draft") {
        args.push("--sender".into());
        args.push(example("sender.json"));
    }
    Command::new(env!("CARGO_BIN_EXE_arrears"))
        .args(&args)
        .env("ARREARS_TODAY", "2026-06-30")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn tmp(name: &str, bytes: &[u8]) -> String {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("arrears-first-hour-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

/// The export read with flags, as the README shows, without a country.
fn flags() -> Vec<String> {
    [
        "--delimiter",
        ";",
        "--decimal-comma",
        "--date-format",
        "%d/%m/%Y",
        "--currency",
        "EUR",
        "--map",
        "id=N° facture",
        "--map",
        "issue_date=Date",
        "--map",
        "due_date=Échéance",
        "--map",
        "customer=Code client",
        "--map",
        "customer_name=Client",
        "--map",
        "customer_address=Adresse",
        "--map",
        "amount=Montant TTC",
        "--map",
        "paid_date=Réglé le",
        "--map",
        "paid_amount=Montant réglé",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn with<'a>(head: &[&'a str], tail: &'a [String]) -> Vec<&'a str> {
    head.iter()
        .copied()
        .chain(tail.iter().map(String::as_str))
        .collect()
}

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The studio's export with its profile (country FR).
fn profile() -> Vec<String> {
    vec!["--profile".into(), example("studio-export.toml")]
}

// --- Regime defaults -------------------------------------------------------------------------

#[test]
fn without_a_country_every_output_says_why_there_are_no_penalties() {
    let export = example("studio-export.csv");
    let f = flags();
    let o = arrears(&with(&["report", &export], &f));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    // No customer has penalties, and the reason is still printed (it used to be shown only beside
    // other customers' penalties).
    assert!(out.contains("n/a"), "{out}");
    assert!(out.contains("the customer has no country"), "{out}");
    assert!(out.contains("pass --country FR"), "{out}");
    assert!(out.contains("[interest.no_regime]"), "{out}");

    let doc = json(&arrears(&with(
        &["report", &export, "--format", "json"],
        &f,
    )));
    let leroy = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["customer"] == "LEROY")
        .unwrap();
    assert_eq!(leroy["without_penalties"][0]["code"], "interest.no_regime");
    assert_eq!(leroy["total"], "3600.00");

    let agenda = stdout(&arrears(&with(&["agenda", &export], &f)));
    assert!(agenda.contains("[penalties_unavailable]"), "{agenda}");
    assert!(agenda.contains("n/a"), "{agenda}");

    let csv = stdout(&arrears(&with(&["report", &export, "--format", "csv"], &f)));
    assert!(csv.lines().next().unwrap().contains("no_penalties_reason"));
    assert!(csv.contains("the customer has no country"), "{csv}");
}

#[test]
fn a_formal_notice_without_penalties_is_refused_and_says_how_to_fix_it() {
    let export = example("studio-export.csv");
    let f = flags();
    let o = arrears(&with(
        &[
            "letter",
            &export,
            "--customer",
            "LEROY",
            "--step",
            "d30_formal_notice",
        ],
        &f,
    ));
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.contains("[letters.penalties_unavailable]"), "{err}");
    assert!(err.contains("--country FR"), "{err}");
    assert!(err.contains("--allow-missing-penalties"), "{err}");
    // Asked for explicitly, it is written, with the principal only.
    let o = arrears(&with(
        &[
            "letter",
            &export,
            "--customer",
            "LEROY",
            "--step",
            "d30_formal_notice",
            "--allow-missing-penalties",
        ],
        &f,
    ));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("no late-payment penalties for F2026-005"));
    // A reminder is not refused: it warns.
    let o = arrears(&with(
        &[
            "letter",
            &export,
            "--customer",
            "LEROY",
            "--step",
            "d1_email",
        ],
        &f,
    ));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning: letter to LEROY: no late-payment penalties"));
}

#[test]
fn country_on_the_command_line_gives_the_french_penalties() {
    let export = example("studio-export.csv");
    let mut f = flags();
    f.extend(["--country".to_string(), "FR".to_string()]);
    let doc = json(&arrears(&with(
        &["report", &export, "--format", "json"],
        &f,
    )));
    let leroy = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["customer"] == "LEROY")
        .unwrap();
    // F2026-005: 3,600.00 due 18 March 2026, unpaid on 30 June: 104 days (19 March to 30 June).
    // 3,600.00 × 12.15 % × 104 / 365 = 124.629… → 124.63; + EUR 40 → 3,764.63.
    assert_eq!(leroy["interest"], "124.63");
    assert_eq!(leroy["fixed_compensation"], "40.00");
    assert_eq!(leroy["total"], "3764.63");
}

#[test]
fn a_customer_country_column_is_honoured_on_its_own() {
    // No customer_name column: the country used to be dropped unless names were mapped too.
    let csv = tmp(
        "country-only.csv",
        b"id,customer,customer_country,issue_date,due_date,amount,currency\n\
          F1,C1,FR,2026-02-16,2026-03-18,3600.00,EUR\n\
          F2,C2,DE,2026-02-16,2026-03-18,1000.00,EUR\n",
    );
    let doc = json(&arrears(&["report", &csv, "--format", "json"]));
    let claims = doc["claims"].as_array().unwrap();
    // C1 in France: 124.63 as above. C2 in Germany: Basiszinssatz 1.27 % on 1 January 2026 + 9
    // points = 10.27 % (§ 288 (2) BGB, docs/legal-rates.md §3.2): 1,000.00 × 10.27 % × 104 / 365 =
    // 29.262… → 29.26, + EUR 40 (§ 288 (5)).
    assert_eq!(claims[0]["interest"], "124.63");
    assert_eq!(claims[1]["interest"], "29.26");
    assert_eq!(claims[1]["fixed_compensation"], "40.00");
}

#[test]
fn debtor_kinds_choose_the_statute() {
    let csv = tmp(
        "debtors.csv",
        b"id,customer,customer_country,debtor,issue_date,due_date,amount,currency\n\
          F1,PUB,FR,public_body,2026-02-16,2026-03-18,3600.00,EUR\n\
          F2,PERSON,FR,consumer,2026-02-16,2026-03-18,1000.00,EUR\n",
    );
    let doc = json(&arrears(&["report", &csv, "--format", "json"]));
    let claims = doc["claims"].as_array().unwrap();
    let public = claims.iter().find(|c| c["customer"] == "PUB").unwrap();
    // Public procurement: the ECB rate of the half-year interest starts in (2.15 %) + 8 points =
    // 10.15 % (C. commande publique R2192-31): 3,600.00 × 10.15 % × 104 / 365 = 104.11…, + EUR 40
    // (D2192-35).
    assert_eq!(public["interest"], "104.11");
    assert_eq!(public["fixed_compensation"], "40.00");
    let person = claims.iter().find(|c| c["customer"] == "PERSON").unwrap();
    assert_eq!(person["interest"], "0.00");
    assert!(person["without_penalties"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("C. civ. 1231-6"));
    // --debtor gives the default; the column wins.
    let csv = tmp(
        "debtor-default.csv",
        b"id,customer,issue_date,due_date,amount,currency\nF1,C1,2026-02-16,2026-03-18,1000.00,EUR\n",
    );
    let doc = json(&arrears(&[
        "report",
        &csv,
        "--country",
        "FR",
        "--debtor",
        "consumer",
        "--format",
        "json",
    ]));
    assert_eq!(doc["claims"][0]["interest"], "0.00");
}

#[test]
fn regime_on_the_command_line_applies_to_every_customer() {
    let csv = tmp(
        "regime.csv",
        b"id,customer,issue_date,due_date,amount,currency\nF1,C1,2026-02-16,2026-03-18,3600.00,EUR\n",
    );
    // eu_directive: ECB MRO 2.15 % (since 11 June 2025) + 8 points = 10.15 %, EUR 40.
    let doc = json(&arrears(&[
        "report",
        &csv,
        "--regime",
        "eu_directive",
        "--format",
        "json",
    ]));
    assert_eq!(doc["claims"][0]["interest"], "104.11");
}

// --- Mapping ---------------------------------------------------------------------------------

#[test]
fn payments_have_their_own_mapping() {
    let inv = tmp(
        "map-invoices.csv",
        "N° facture;Client;Date;Échéance;Montant TTC\nF1;C1;16/02/2026;18/03/2026;3 600,00\n"
            .as_bytes(),
    );
    let pay = tmp(
        "map-payments.csv",
        "Date;Montant;Facture\n10/04/2026;1 000,00;F1\n".as_bytes(),
    );
    let o = arrears(&[
        "report",
        &inv,
        "--payments",
        &pay,
        "--delimiter",
        ";",
        "--decimal-comma",
        "--date-format",
        "%d/%m/%Y",
        "--currency",
        "EUR",
        "--country",
        "FR",
        "--map",
        "id=N° facture",
        "--map",
        "customer=CLIENT", // header match ignores case
        "--map",
        "issue_date=Date",
        "--map",
        "due_date=ÉCHÉANCE", // and the case of accented letters
        "--map",
        "amount=Montant TTC",
        "--payments-map",
        "amount=Montant",
        "--payments-map",
        "invoice=Facture",
        "--format",
        "json",
    ]);
    let doc = json(&o);
    // 3,600.00 less 1,000.00 paid on 10 April.
    assert_eq!(doc["claims"][0]["principal"], "2600.00");
}

#[test]
fn a_mapped_header_that_does_not_exist_is_an_error() {
    let csv = tmp(
        "mapped-missing.csv",
        b"id,customer,issue_date,due_date,amount,currency\nF1,C1,2026-02-16,2026-03-18,1.00,EUR\n",
    );
    let o = arrears(&["report", &csv, "--map", "customer_name=Raison sociale"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("mapped column \"Raison sociale\""), "{err}");
    assert!(err.contains("[import.missing_column]"), "{err}");
}

#[test]
fn all_problems_of_a_file_come_in_one_pass_and_repeated_ones_are_grouped() {
    // No currency column and no --currency, no due date column, and 15 rows with an empty amount:
    // one run says all three, once each.
    let mut text = String::from("id,customer,issue_date,amount\n");
    for i in 1..=15 {
        text.push_str(&format!("F{i},C1,2026-02-16,\n"));
    }
    let csv = tmp("many-problems.csv", text.as_bytes());
    let o = arrears(&["report", &csv]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("no currency"), "{err}");
    assert!(err.contains("no due date"), "{err}");
    assert!(
        err.contains(":2-16:amount: amount is empty [import.invalid_cell] (15 rows)"),
        "{err}"
    );
    assert_eq!(err.matches("amount is empty").count(), 1, "{err}");
}

#[test]
fn missing_columns_suggest_the_mapping() {
    let o = arrears(&["report", &example("studio-export.csv"), "--delimiter", ";"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("perhaps: --map id=\"N° facture\" --map customer=\"Client\""),
        "{err}"
    );
    assert!(
        err.contains("perhaps: --map due_date=\"Échéance\""),
        "{err}"
    );
}

// --- Encodings -------------------------------------------------------------------------------

#[test]
fn a_windows_1252_export_is_detected_and_utf8_says_which_option_to_use() {
    let export = example("studio-export.csv");
    let o = arrears(&with(&["report", &export], &profile()));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("read as windows-1252"));
    // "Réglé le" and the accented addresses are read right.
    assert!(stdout(&o).contains("Boulangerie Martin"));
    let o = arrears(&with(
        &["report", &export, "--encoding", "utf-8"],
        &profile(),
    ));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("pass --encoding windows-1252"), "{err}");
    assert!(err.contains("[import.encoding]"), "{err}");
}

#[test]
fn an_iso_8859_15_export_with_the_euro_sign_is_read() {
    // "Montant €" with € as 0xA4 (ISO-8859-15), "Échéance" with É = 0xC9.
    let mut bytes = b"id;customer;issue_date;\xc9ch\xe9ance;Montant \xa4;currency\n".to_vec();
    bytes.extend_from_slice(b"F1;C1;2026-02-16;2026-03-18;3600,00;EUR\n");
    let csv = tmp("latin9.csv", &bytes);
    let o = arrears(&[
        "report",
        &csv,
        "--encoding",
        "iso-8859-15",
        "--delimiter",
        ";",
        "--decimal-comma",
        "--country",
        "FR",
        "--map",
        "due_date=Échéance",
        "--map",
        "amount=Montant €",
        "--format",
        "json",
    ]);
    assert_eq!(json(&o)["claims"][0]["interest"], "124.63");
}

// --- One claim, everywhere -------------------------------------------------------------------

fn claim_total(doc: &Value, customer: &str) -> String {
    doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["customer"] == customer)
        .unwrap()["total"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn report_agenda_and_letters_claim_the_same_amounts() {
    let export = example("studio-export.csv");
    let p = profile();
    let report = json(&arrears(&with(
        &["report", &export, "--format", "json"],
        &p,
    )));
    let agenda = json(&arrears(&with(
        &["agenda", &export, "--format", "json"],
        &p,
    )));
    // Agence Horizon: five invoices of 2,160.00 overdue on 30 June, at 12.15 %:
    // 146 days → 104.98, 118 → 84.84, 90 → 64.71, 60 → 43.14, 27 → 19.41 (2,160.00 × 12.15 % ×
    // days / 365 each); 317.08 of interest, 5 × EUR 40; 10,800.00 + 317.08 + 200.00 = 11,317.08.
    // Its sixth invoice (due 1 July) is mentioned by the contact, never claimed.
    assert_eq!(claim_total(&report, "HORIZON"), "11317.08");
    for action in agenda["actions"].as_array().unwrap() {
        let customer = action["customer"].as_str().unwrap();
        assert_eq!(
            action["totals"][0]["total"].as_str().unwrap(),
            claim_total(&report, customer),
            "{customer}"
        );
    }
    let horizon = agenda["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["customer"] == "HORIZON")
        .unwrap();
    assert_eq!(horizon["totals"][0]["not_yet_due"], "2160.00");
    // The letters: the friendly reminder and the formal notice state the same total.
    for step in ["d1_email", "d30_formal_notice"] {
        let o = arrears(&with(
            &["letter", &export, "--customer", "HORIZON", "--step", step],
            &p,
        ));
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            stdout(&o).contains("11\u{202f}317,08\u{a0}€"),
            "{step}: {}",
            stdout(&o)
        );
    }
}

#[test]
fn penalties_on_invoices_paid_late_are_claimed_everywhere_or_nowhere() {
    let export = example("studio-export.csv");
    let mut p = profile();
    // Boulangerie Martin paid F2026-002 (864.00, due 11 February) on 20 March: 37 days late,
    // 864.00 × 12.15 % × 37 / 365 = 10.641… → 10.64, paid first by the 864.00 (C. civ. 1343-1), so
    // 10.64 of principal still bears interest to 30 June (21 March to 30 June, 102 days):
    // 10.64 × 12.15 % × 102 / 365 = 0.361… → 0.36; + EUR 40 = 51.00 still owed. Its open F2026-008
    // (1,200.00 due 8 April, 83 days): 1,200.00 × 12.15 % × 83 / 365 = 33.154… → 33.15, + 40:
    // 1,273.15 claimed by default, 51.00 shown as not claimed.
    let report = json(&arrears(&with(
        &["report", &export, "--format", "json"],
        &p,
    )));
    let martin = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["customer"] == "MARTIN")
        .unwrap()
        .clone();
    assert_eq!(martin["total"], "1273.15");
    assert_eq!(martin["settled_not_claimed"], "51.00");
    // Claimed: 1,273.15 + 51.00 = 1,324.15 in the report, the agenda and the letter.
    p.extend(["--settled-penalties".to_string(), "claim".to_string()]);
    let report = json(&arrears(&with(
        &["report", &export, "--format", "json"],
        &p,
    )));
    assert_eq!(claim_total(&report, "MARTIN"), "1324.15");
    let agenda = json(&arrears(&with(
        &["agenda", &export, "--format", "json"],
        &p,
    )));
    let action = agenda["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["customer"] == "MARTIN")
        .unwrap();
    assert_eq!(action["totals"][0]["total"], "1324.15");
    assert_eq!(action["settled"][0]["invoice"], "F2026-002");
    let o = arrears(&with(
        &[
            "letter",
            &export,
            "--customer",
            "MARTIN",
            "--step",
            "d30_formal_notice",
        ],
        &p,
    ));
    let text = stdout(&o);
    assert!(text.contains("réglée le 20 mars 2026"), "{text}");
    assert!(text.contains("1\u{202f}324,15\u{a0}€"), "{text}");
}

#[test]
fn an_unverified_rate_is_flagged_in_letters_agenda_and_html_report() {
    // The French legal rate of the second half of 2026 (2.75 %, "autres cas") is still flagged
    // (docs/legal-rates.md §8: one public table only). Leroy Conseil as a consumer, put on notice
    // on 15 June 2026: on 31 August its interest runs at that rate (C. civ. 1231-6), and every
    // output says the rate is not yet confirmed. (The ECB-based rates of H2 2026, flagged before,
    // were confirmed on 7 December 2026.)
    let export = example("studio-export.csv");
    let mut p = profile();
    p.extend(["--debtor".to_string(), "consumer".to_string()]);
    let journal = tmp(
        "flagged-journal.jsonl",
        br#"{"at":"2026-06-15T09:00:00Z","date":"2026-06-15","type":"action","customer":"LEROY","step":"d30_formal_notice","channel":"registered_letter","items":[{"receivable":"F2026-005","step":"d30_formal_notice"}]}
"#,
    );
    let journal = journal.as_str();
    let o = arrears(&with(
        &[
            "letter",
            &export,
            "--as-of",
            "2026-08-31",
            "--customer",
            "LEROY",
            "--step",
            "d45_agency",
            "--journal",
            journal,
        ],
        &p,
    ));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("fr_legal_professional from 2026-07-01: 2.75 % is flagged"),
        "{}",
        stderr(&o)
    );
    let agenda = json(&arrears(&with(
        &[
            "agenda",
            &export,
            "--as-of",
            "2026-08-31",
            "--journal",
            journal,
            "--format",
            "json",
        ],
        &p,
    )));
    assert!(agenda["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "rate_flagged"));
    let html = stdout(&arrears(&with(
        &[
            "report",
            &export,
            "--as-of",
            "2026-08-31",
            "--journal",
            journal,
            "--format",
            "html",
        ],
        &p,
    )));
    assert!(
        html.contains("2.75 % is flagged"),
        "no flag in the HTML report"
    );
}

// --- Letters a user would send ---------------------------------------------------------------

#[test]
fn the_debtor_address_comes_from_the_import_or_the_command_line() {
    let export = example("studio-export.csv");
    let p = profile();
    let text = stdout(&arrears(&with(
        &[
            "letter",
            &export,
            "--customer",
            "GARNIER",
            "--step",
            "d30_formal_notice",
        ],
        &p,
    )));
    // The multi-line "Adresse" cell, one line each.
    assert!(
        text.contains("Garnier Immobilier\nTour Part-Dieu\n129 rue Servient\n69003 Lyon\n"),
        "{text}"
    );
    let o = arrears(&with(
        &[
            "letter",
            &export,
            "--customer",
            "GARNIER",
            "--step",
            "d30_formal_notice",
            "--debtor-address",
            "Service comptabilité",
            "--debtor-address",
            "BP 12, 69003 Lyon Cedex",
        ],
        &p,
    ));
    assert!(
        stdout(&o).contains("Garnier Immobilier\nService comptabilité\nBP 12, 69003 Lyon Cedex\n")
    );
    // A customers file gives the address once.
    let customers = tmp(
        "customers.csv",
        "id;name;country;address\nC1;Atelier Nord;FR;\"2 rue Nationale\n59000 Lille\"\n".as_bytes(),
    );
    let inv = tmp(
        "with-customers.csv",
        b"id;customer;issue_date;due_date;amount;currency\nF1;C1;2026-02-16;2026-03-18;3600.00;EUR\n",
    );
    let o = arrears(&[
        "letter",
        &inv,
        "--customers",
        &customers,
        "--delimiter",
        ";",
        "--customer",
        "C1",
        "--step",
        "d30_formal_notice",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Atelier Nord\n2 rue Nationale\n59000 Lille\n"));
}

#[test]
fn a_payment_plan_agreement_needs_its_plan() {
    let export = example("studio-export.csv");
    let p = profile();
    let o = arrears(&with(
        &[
            "letter",
            &export,
            "--customer",
            "GARNIER",
            "--step",
            "payment_plan_agreement",
        ],
        &p,
    ));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("[letters.missing_plan]"),
        "{}",
        stderr(&o)
    );
    let o = arrears(&with(
        &[
            "letter",
            &export,
            "--customer",
            "GARNIER",
            "--step",
            "payment_plan_agreement",
            "--plan-instalments",
            "3",
            "--plan-first",
            "2026-07-07",
        ],
        &p,
    ));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    // Garnier owes 4,000.00 + 140.67 + 40 on F2026-006 and 960.00 + 6.39 + 40 on F2026-014:
    // 5,187.06 in 3 instalments, the first carrying the odd cent: 1,729.02 + 1,729.02 + 1,729.02 =
    // 5,187.06.
    assert!(
        text.contains("Échéance n° 1 : 1\u{202f}729,02\u{a0}€ le 7 juillet 2026"),
        "{text}"
    );
    assert!(
        text.contains("Échéance n° 3 : 1\u{202f}729,02\u{a0}€ le 7 septembre 2026"),
        "{text}"
    );
}

#[test]
fn the_reference_line_lists_the_invoices_and_amounts_never_break() {
    let export = example("studio-export.csv");
    let text = stdout(&arrears(&with(
        &[
            "letter",
            &export,
            "--customer",
            "HORIZON",
            "--step",
            "d30_formal_notice",
        ],
        &profile(),
    )));
    assert!(
        text.contains(
            "Réf. : HORIZON – factures F2026-001, F2026-004, F2026-007, F2026-010, F2026-013"
        ),
        "{text}"
    );
    // Every amount with its currency: digits, no-break spaces, comma, no-break space, €.
    for line in text.lines() {
        assert!(!line.contains(" €"), "a breakable space before €: {line}");
    }
}

#[test]
fn steps_already_taken_are_recorded_and_the_agenda_continues_from_them() {
    let export = example("studio-export.csv");
    let journal = tmp("first-hour-journal.jsonl", b"");
    let o = arrears(&with(
        &[
            "record",
            &export,
            "--journal",
            &journal,
            "--customer",
            "HORIZON",
            "--step",
            "d30_formal_notice",
            "--date",
            "2026-06-10",
        ],
        &profile(),
    ));
    assert!(o.status.success(), "{}", stderr(&o));
    let agenda = json(&arrears(&with(
        &["agenda", &export, "--journal", &journal, "--format", "json"],
        &profile(),
    )));
    let horizon = agenda["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["customer"] == "HORIZON")
        .unwrap();
    assert_eq!(horizon["step"], "d45_agency");
}

#[test]
fn kpis_as_tidy_csv() {
    let o = arrears(&[
        "kpis",
        &example("sample-ledger.json"),
        "--as-of",
        "2026-06-30",
        "--format",
        "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let mut rows = text.lines();
    assert_eq!(
        rows.next().unwrap(),
        "group,currency,kpi,period,value,unit,reason"
    );
    // Every row has the seven columns, and the JSON document's figures.
    let doc = json(&arrears(&[
        "kpis",
        &example("sample-ledger.json"),
        "--as-of",
        "2026-06-30",
    ]));
    let dso = doc["groups"][0]["dso"]["standard"]["value"]
        .as_str()
        .unwrap();
    assert!(text.contains(&format!(",EUR,dso_standard,,{dso},days,")));
    for row in rows {
        assert_eq!(row.split(',').count(), 7, "{row}");
    }
}

// --- Docs that match the program -------------------------------------------------------------

#[test]
fn the_project_docs_point_nowhere_outside_the_repository() {
    let mut files = vec![root().join("README.md")];
    for dir in ["docs", "cli/src", "core/src", "core/data", "tests/vectors"] {
        walk(&root().join(dir), &mut files);
    }
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        for bad in ["../shared", "DOMAIN.md", "reference/legal-rates", "seeds/"] {
            assert!(
                !text.contains(bad),
                "{} points outside the repository: {bad}",
                f.display()
            );
        }
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn the_penalty_table_has_one_row_per_invoice_and_adds_up() {
    let export = example("studio-export.csv");
    let o = arrears(&with(
        &["penalties", &export, "--format", "csv"],
        &profile(),
    ));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,customer,currency,due_date,days_late,bucket,outstanding,interest,interest_paid,interest_outstanding,fixed_compensation,total_due"
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 13, "one row per invoice of the export");
    let leroy = rows.iter().find(|r| r[0] == "F2026-005").unwrap();
    // 3,600.00 due 18 March, 104 days late on 30 June at 12.15 %: 124.63 + EUR 40.
    assert_eq!(
        leroy[4..].to_vec(),
        vec!["104", "91+", "3600.00", "124.63", "0.00", "124.63", "40.00", "3764.63"]
    );
    // Garnier's F2026-006: 6,000.00 due 25 March, 2,000.00 paid on 10 April (16 days late, interest
    // first: 6,000.00 × 12.15 % × 16 / 365 = 31.96 of it to interest), then 81 days on 4,031.96:
    // 108.71. Interest 140.67, of which 31.96 paid; 4,000.00 + 140.67 + 40.00 = 4,180.67.
    let garnier = rows.iter().find(|r| r[0] == "F2026-006").unwrap();
    assert_eq!(
        garnier[6..].to_vec(),
        vec!["4000.00", "140.67", "31.96", "108.71", "40.00", "4180.67"]
    );
    // Paid late: Boulangerie Martin's F2026-002, 37 days: 10.64 paid first by the payment, the
    // 10.64 of principal it left bears 0.36 to 30 June (see above); 0.00 + 11.00 + 40.00 = 51.00.
    let martin = rows.iter().find(|r| r[0] == "F2026-002").unwrap();
    assert_eq!(martin[5], "settled");
    assert_eq!(
        martin[6..].to_vec(),
        vec!["0.00", "11.00", "10.64", "0.36", "40.00", "51.00"]
    );
}

#[test]
fn a_synthetic_portfolio_is_generated_and_read_back() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("arrears-generate-{}", std::process::id()));
    let o = arrears(&[
        "generate",
        "--invoices",
        "2000",
        "--seed",
        "3",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let inv = dir.join("invoices.csv").display().to_string();
    let pay = dir.join("payments.csv").display().to_string();
    let cus = dir.join("customers.csv").display().to_string();
    let o = arrears(&[
        "penalties",
        &inv,
        "--payments",
        &pay,
        "--customers",
        &cus,
        "--as-of",
        "2026-06-30",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2001);
    let _ = std::fs::remove_dir_all(&dir);
}
