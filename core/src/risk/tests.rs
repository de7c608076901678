//! Unit tests of the risk module: feature edge cases, the documents, and the sample back-test.

use chrono::NaiveDate;
use serde_json::json;

use super::*;
use crate::ledger::LedgerDocument;
use crate::sample::{self, Behaviour};

fn d(s: &str) -> NaiveDate {
    crate::calendar::date::parse_date(s).unwrap()
}

fn ledger(v: serde_json::Value) -> Ledger {
    let doc: LedgerDocument = serde_json::from_value(v).unwrap();
    Ledger::new(doc).unwrap()
}

fn journal(v: serde_json::Value) -> Vec<JournalEntry> {
    serde_json::from_value(v).unwrap()
}

fn one(l: &Ledger, j: &[JournalEntry], as_of: &str) -> CustomerRisk {
    let mut all = assess(l, j, d(as_of), &RiskOptions::default()).unwrap();
    assert_eq!(all.len(), 1);
    all.remove(0)
}

#[test]
fn deposits_are_not_payments_in_parts() {
    // A deposit paid before the invoice, then the balance: one payment allocation, not "parts".
    let l = ledger(json!({
        "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2025-03-01",
                      "due_date": "2025-03-31", "amount": "1000.00", "currency": "EUR"}],
        "payments": [
            {"customer": "C1", "invoice": "F1", "date": "2025-02-20", "amount": "300.00",
             "currency": "EUR", "kind": "deposit"},
            {"customer": "C1", "invoice": "F1", "date": "2025-03-31", "amount": "700.00",
             "currency": "EUR"}]
    }));
    let r = one(&l, &[], "2025-06-30");
    assert_eq!(r.features.with_payment, 1);
    assert_eq!(r.features.paid_in_parts, 0);
    assert_eq!(r.features.paid, 1);
    assert_eq!(r.features.last_payment, Some(d("2025-03-31")));
}

#[test]
fn partly_paid_open_receivable_counts_as_parts() {
    let l = ledger(json!({
        "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2025-03-01",
                      "due_date": "2025-03-31", "amount": "1000.00", "currency": "EUR"}],
        "payments": [{"customer": "C1", "date": "2025-04-10", "amount": "400.00", "currency": "EUR"}]
    }));
    let r = one(&l, &[], "2025-04-30");
    assert_eq!(r.features.paid_in_parts, 1);
    assert_eq!(r.features.partial_share, Some(1.0));
    assert_eq!(r.features.oldest_overdue_days, 30);
    // Paid something 20 days ago: silence is 20, not 30.
    assert_eq!(r.features.silence_days, 20);
    assert_eq!(r.features.overdue[0].amount.to_string(), "600.00");
}

#[test]
fn promises_pending_kept_broken() {
    let l = ledger(json!({
        "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2025-03-01",
                      "due_date": "2025-03-31", "amount": "1000.00", "currency": "EUR"}],
        "payments": [{"customer": "C1", "date": "2025-05-12", "amount": "500.00", "currency": "EUR"}]
    }));
    let j = journal(json!([
        // Kept: paid within the promised date + 2 days.
        {"at": "t", "date": "2025-05-01", "type": "promise", "customer": "C1", "amount": "500.00",
         "currency": "EUR", "promised_date": "2025-05-10"},
        // Pending on 2025-05-20: its date + 2 days has not passed.
        {"at": "t", "date": "2025-05-15", "type": "promise", "customer": "C1", "amount": "500.00",
         "currency": "EUR", "promised_date": "2025-05-19"}
    ]));
    let r = one(&l, &j, "2025-05-20");
    assert_eq!(r.features.promises, 2);
    assert_eq!(r.features.promises_kept, 1);
    assert_eq!(r.features.broken_promises, 0);
    // Two days later the second one is broken.
    let r = one(&l, &j, "2025-05-22");
    assert_eq!(r.features.broken_promises, 1);
    assert_eq!(r.features.promises_kept_late, 0);
}

#[test]
fn journal_disputes_with_a_credit_note_have_substance() {
    let l = ledger(json!({
        "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2025-03-01",
                      "due_date": "2025-03-31", "amount": "1000.00", "currency": "EUR"},
                     {"id": "F2", "customer": "C1", "issue_date": "2025-03-01",
                      "due_date": "2025-03-31", "amount": "1000.00", "currency": "EUR"}],
        "credit_notes": [{"invoice": "F1", "date": "2025-04-20", "amount": "100.00", "currency": "EUR"}]
    }));
    let j = journal(json!([
        {"at": "t", "date": "2025-04-02", "type": "dispute", "customer": "C1", "invoice": "F1"},
        {"at": "t", "date": "2025-04-20", "type": "dispute_resolved", "customer": "C1", "invoice": "F1"},
        {"at": "t", "date": "2025-04-02", "type": "dispute", "customer": "C1", "invoice": "F2"},
        {"at": "t", "date": "2025-04-25", "type": "dispute_resolved", "customer": "C1", "invoice": "F2"}
    ]));
    let r = one(&l, &j, "2025-04-30");
    assert_eq!(r.features.disputes, 2);
    assert_eq!(r.features.disputes_without_substance, 1);
    // Before the resolutions, neither is "without substance".
    let r = one(&l, &j, "2025-04-10");
    assert_eq!(r.features.disputes_without_substance, 0);
}

#[test]
fn disputed_amounts_are_not_overdue() {
    let l = ledger(json!({
        "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2025-03-01",
                      "due_date": "2025-03-31", "amount": "1000.00", "currency": "EUR"}],
        "disputes": [{"invoice": "F1", "opened": "2025-03-20"}]
    }));
    let r = one(&l, &[], "2025-05-30");
    assert_eq!(r.features.overdue_receivables, 0);
    assert!(r.factors.iter().all(|f| f.factor != "overdue_age"));
}

#[test]
fn exposure_share_per_currency() {
    let l = ledger(json!({
        "invoices": [
            {"id": "F1", "customer": "C1", "issue_date": "2025-03-01", "due_date": "2025-03-31",
             "amount": "300.00", "currency": "EUR"},
            {"id": "F2", "customer": "C2", "issue_date": "2025-03-01", "due_date": "2025-03-31",
             "amount": "100.00", "currency": "EUR"},
            {"id": "F3", "customer": "C2", "issue_date": "2025-03-01", "due_date": "2025-03-31",
             "amount": "50.00", "currency": "GBP"}]
    }));
    let all = assess(&l, &[], d("2025-03-10"), &RiskOptions::default()).unwrap();
    assert_eq!(all[0].features.exposure_share, 0.75);
    assert_eq!(all[1].features.exposure.len(), 2);
    assert_eq!(all[1].features.exposure_share, 1.0); // all the GBP
                                                     // Not scored by default.
    assert!(all
        .iter()
        .all(|c| c.factors.iter().all(|f| f.factor != "exposure_share")));
    let options = RiskOptions {
        weights: Weights {
            exposure_share_points: 10.0,
            ..Weights::default()
        },
        ..RiskOptions::default()
    };
    let all = assess(&l, &[], d("2025-03-10"), &options).unwrap();
    let f = all[0]
        .factors
        .iter()
        .find(|f| f.factor == "exposure_share")
        .unwrap();
    assert_eq!(f.points, 8); // 10 × 0.75 = 7.5 → 8
}

#[test]
fn long_relationship_and_good_bureau_lower_the_score() {
    let mut invoices = Vec::new();
    let mut payments = Vec::new();
    for (i, m) in [
        (1, "2023-01"),
        (2, "2023-06"),
        (3, "2024-01"),
        (4, "2024-06"),
    ] {
        invoices.push(json!({"id": format!("F{i}"), "customer": "C1",
            "issue_date": format!("{m}-01"), "due_date": format!("{m}-20"),
            "amount": "100.00", "currency": "EUR"}));
        payments.push(json!({"customer": "C1", "invoice": format!("F{i}"),
            "date": format!("{m}-20"), "amount": "100.00", "currency": "EUR"}));
    }
    let l = ledger(json!({"invoices": invoices, "payments": payments}));
    let mut options = RiskOptions::default();
    options.external.insert(
        "C1".into(),
        ExternalInputs {
            date: None,
            bureau_score: Some(90.0),
            new_customer: None,
        },
    );
    let r = assess(&l, &[], d("2025-06-30"), &options)
        .unwrap()
        .remove(0);
    let points: Vec<(&str, i64)> = r
        .factors
        .iter()
        .map(|f| (f.factor.as_str(), f.points))
        .collect();
    // (50 − 90) × 0.3 = −12; tenure 2023-01-01 → 2025-06-30 ≥ 730 days: −5. Clamped to 0.
    assert_eq!(points, vec![("bureau_score", -12), ("tenure", -5)]);
    assert_eq!(r.score, 0);
    assert_eq!(r.grade, Grade::A);
    assert!(r.factors[1]
        .explanation
        .starts_with("a customer for 2.5 years"));
}

#[test]
fn run_dispatches_risk_and_backtest() {
    assert!(crate::OPERATIONS.contains(&"risk"));
    assert!(crate::OPERATIONS.contains(&"backtest"));
    let out = crate::run(
        "risk",
        &json!({"ledger": {"invoices": [{"id": "F1", "customer": "C1", "issue_date": "2025-01-01",
            "due_date": "2025-01-31", "amount": "10.00", "currency": "EUR"}]}, "as_of": "2025-02-10"}),
    )
    .unwrap();
    assert_eq!(out["customers"][0]["customer"], "C1");
    assert_eq!(out["customers"][0]["features"]["oldest_overdue_days"], 10);
    let e = crate::run(
        "backtest",
        &json!({"ledger": {"invoices": []}, "cutoff": "2025-02-30", "horizon_days": 10}),
    )
    .unwrap_err();
    assert_eq!(e.code(), crate::Code::InvalidDate);
    assert_eq!(e.path(), Some("cutoff"));
}

#[test]
fn documents_round_trip() {
    let w = Weights::default();
    let back: Weights = serde_json::from_value(serde_json::to_value(&w).unwrap()).unwrap();
    assert_eq!(back, w);
    let p = TermsPolicy::default();
    let back: TermsPolicy = serde_json::from_value(serde_json::to_value(&p).unwrap()).unwrap();
    assert_eq!(back, p);
    // A grade given replaces that grade only.
    let p: TermsPolicy = serde_json::from_value(json!({"E": {"deposit_percent": 50,
        "max_term_days": 0, "limit_months": "0", "payment_method": "direct_debit"}}))
    .unwrap();
    assert_eq!(p.e.payment_method, PaymentMethod::DirectDebit);
    assert_eq!(p.a, TermsPolicy::default().a);
    let bad: TermsPolicy =
        serde_json::from_value(json!({"new_customer_deposit_percent": 101})).unwrap();
    assert_eq!(bad.check().unwrap_err().code(), crate::Code::InvalidValue);
}

#[test]
fn sample_chronic_payers_grade_worse_than_prompt_ones() {
    let l = Ledger::new(sample::portfolio(sample::DEFAULT_SEED).unwrap()).unwrap();
    let all = assess(&l, &[], d("2025-12-31"), &RiskOptions::default()).unwrap();
    let grade_of = |b: Behaviour| -> Vec<Grade> {
        sample::profiles()
            .iter()
            .filter(|p| p.behaviour == b)
            .filter_map(|p| all.iter().find(|r| r.customer == p.customer))
            .map(|r| r.grade)
            .collect()
    };
    assert!(grade_of(Behaviour::Prompt).iter().all(|g| *g == Grade::A));
    assert!(grade_of(Behaviour::Chronic).iter().all(|g| *g >= Grade::C));
    assert!(grade_of(Behaviour::Defaulter)
        .iter()
        .all(|g| *g >= Grade::D));
}

#[test]
fn customers_invoiced_only_later_do_not_exist_yet() {
    let l = ledger(json!({
        "invoices": [
            {"id": "F1", "customer": "C1", "issue_date": "2025-03-01", "due_date": "2025-03-31",
             "amount": "10.00", "currency": "EUR"},
            {"id": "F2", "customer": "C2", "issue_date": "2025-05-01", "due_date": "2025-05-31",
             "amount": "10.00", "currency": "EUR"}]
    }));
    let ids = |as_of: &str| -> Vec<String> {
        assess(&l, &[], d(as_of), &RiskOptions::default())
            .unwrap()
            .into_iter()
            .map(|c| c.customer)
            .collect()
    };
    assert_eq!(ids("2025-04-01"), vec!["C1"]);
    assert_eq!(ids("2025-05-01"), vec!["C1", "C2"]);
}
