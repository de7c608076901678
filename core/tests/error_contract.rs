//! The error contract on hostile values (issue 12): every bad value of any length gets a coded
//! error whose message and path quote at most a short excerpt of it, through every operation.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use serde_json::{json, Value};

/// The longest a message may be for one bad value: the longest fixed wording of a message quoting
/// one value (the serde messages listing a document's expected fields run to about 250
/// characters) plus two excerpts of 65 characters.
const MAX_MESSAGE: usize = 400;

fn ledger() -> Value {
    json!({
        "customers": [{"id": "C1", "name": "A", "country": "FR"}],
        "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2024-01-01",
                      "due_date": "2024-01-31", "amount": "100.00", "currency": "EUR"}],
        "payments": [{"id": "P1", "customer": "C1", "invoice": "F1", "date": "2024-02-01",
                      "amount": "10.00", "currency": "EUR"}]
    })
}

fn check(op: &str, request: &Value, what: &str) -> (arrears::Code, String) {
    let e = arrears::run(op, request).expect_err(what);
    for p in e.problems() {
        assert!(
            p.message.chars().count() <= MAX_MESSAGE,
            "{what}: message of {} characters: {}",
            p.message.chars().count(),
            p.message
        );
        let path = p.path.as_deref().unwrap_or_default();
        assert!(path.chars().count() <= 120, "{what}: path {path}");
    }
    let first = &e.problems()[0];
    (first.code, first.path.clone().unwrap_or_default())
}

#[test]
fn a_long_bad_value_is_quoted_as_an_excerpt() {
    let long = "Z".repeat(5000);
    for (table, field) in [
        ("invoices", "amount"),
        ("invoices", "currency"),
        ("invoices", "issue_date"),
        ("invoices", "due_date"),
        ("invoices", "customer"),
        ("invoices", "terms"),
        ("payments", "invoice"),
        ("payments", "customer"),
        ("payments", "date"),
        ("payments", "amount"),
        ("customers", "country"),
    ] {
        let mut doc = ledger();
        doc[table][0][field] = json!(long);
        let (code, path) = check(
            "ledger_state",
            &json!({"ledger": doc, "as_of": "2024-06-30"}),
            &format!("{table}.{field}"),
        );
        // The value itself was refused, at its place.
        assert!(
            path.starts_with(&format!("ledger.{table}[0]")),
            "{table}.{field}: {path}"
        );
        if field == "amount" {
            assert_eq!(code.as_str(), "money.invalid_amount");
        }
    }
    // A field name from a hostile document is part of the path and of the message.
    let mut doc = ledger();
    doc["invoices"][0][long.as_str()] = json!(1);
    check(
        "ledger_state",
        &json!({"ledger": doc, "as_of": "2024-06-30"}),
        "unknown field",
    );
    // The interest request: a long regime, currency, amount, date.
    let base = json!({"regime": "fr_b2b", "principal": "1000.00", "currency": "EUR",
                      "due_date": "2024-01-31", "as_of": "2024-03-15"});
    for field in ["regime", "principal", "currency", "due_date", "as_of"] {
        let mut req = base.clone();
        req[field] = json!(long);
        let (_, path) = check("interest", &req, &format!("interest.{field}"));
        assert_eq!(path, field, "interest.{field}");
    }
    // An unknown operation's name.
    let e = arrears::run(&long, &json!({})).expect_err("unknown op");
    assert!(
        e.message().chars().count() <= MAX_MESSAGE,
        "{}",
        e.message()
    );
}

#[test]
fn short_values_are_quoted_whole() {
    let mut doc = ledger();
    doc["invoices"][0]["amount"] = json!("12,50 €");
    let e = arrears::run(
        "ledger_state",
        &json!({"ledger": doc, "as_of": "2024-06-30"}),
    )
    .expect_err("a decimal comma in JSON");
    assert!(e.message().contains("\"12,50 €\""), "{}", e.message());
}

/// Errors raised deep inside a computation (an overflow, a date past year 9999) name the input
/// field they come from, as parsing errors do.
#[test]
fn overflow_and_calendar_errors_name_their_place() {
    // 28 significant digits: 1 % of it still fits, but not the interest added to the principal.
    let big = "79228162514264337593543950.00";
    let place = |op: &str, request: Value| {
        let e = arrears::run(op, &request).expect_err(op);
        (e.code().as_str().to_string(), e.problems()[0].path.clone())
    };
    assert_eq!(
        place(
            "interest",
            json!({"regime": "fr_b2b", "principal": big, "currency": "EUR",
                   "due_date": "2024-01-31", "until": "2025-03-15"})
        ),
        ("money.overflow".into(), Some("principal".into()))
    );
    // 9999-12-20 + 45 days = 10000-02-03, end of month 10000-02-29: not writable as YYYY-MM-DD.
    assert_eq!(
        place(
            "due_date",
            json!({"issue_date": "9999-12-20",
                   "terms": {"kind": "end_of_month", "after_days": 45}})
        ),
        ("date.out_of_range".into(), Some("terms".into()))
    );
    // The same terms on an invoice of a ledger: the invoice is named.
    let doc = json!({
        "customers": [{"id": "C1", "name": "A", "country": "FR"}],
        "invoices": [{"id": "F1", "customer": "C1", "issue_date": "9999-12-20",
                      "terms": {"kind": "net_days", "days": 30},
                      "amount": "100.00", "currency": "EUR"}],
        "payments": []
    });
    let (code, path) = place(
        "ledger_state",
        json!({"ledger": doc, "as_of": "2024-06-30"}),
    );
    assert_eq!(code, "date.out_of_range");
    assert!(path.unwrap_or_default().starts_with("ledger.invoices[0]"));
    // A plan: 3 monthly instalments from 9999-11-01 end in 10000-01-01.
    assert_eq!(
        place(
            "plan",
            json!({"amount": "100.00", "currency": "EUR", "instalments": 3,
                   "first_date": "9999-11-01"})
        ),
        ("date.out_of_range".into(), Some("first_date".into()))
    );
    // Interest at 50 % a year on 28 digits overflows the schedule's arithmetic.
    assert_eq!(
        place(
            "plan",
            json!({"amount": big, "currency": "EUR", "instalments": 3,
                   "first_date": "2024-01-01", "annual_rate_percent": "50"})
        ),
        ("money.overflow".into(), Some("amount".into()))
    );
}

/// A statement covers at most 100 years after the due date (`interest::engine::MAX_SPAN_DAYS`):
/// the fuzzer's slow unit (monthly compounding from the year 506 to 9812, 111,000 periods, 10 s
/// and a 22 MB statement) is refused at `until`; a century to the day is computed.
#[test]
fn an_interest_period_over_a_century_is_refused() {
    let request = |due: &str, until: &str| {
        json!({"regime": "contractual", "principal": "0.05", "currency": "EUR",
               "due_date": due, "until": until,
               "options": {"rate_percent": "25", "compounding": "monthly", "day_count": "thirty_e_360"}})
    };
    let e = arrears::run("interest", &request("0506-01-15", "9812-04-15")).unwrap_err();
    assert_eq!(e.code().as_str(), "input.invalid_value");
    assert_eq!(e.problems()[0].path.as_deref(), Some("until"));
    // 1926-01-15 to 2026-01-15: 100 years, 25 of them with a 29 February (1928 ... 2024), so
    // 36,500 + 25 = 36,525 days: the limit itself.
    assert!(arrears::run("interest", &request("1926-01-15", "2026-01-15")).is_ok());
    let e = arrears::run("interest", &request("1926-01-14", "2026-01-15")).unwrap_err();
    assert_eq!(e.code().as_str(), "input.invalid_value");
}
