//! The batch engine (`arrears::portfolio`) against its definition, the per-invoice engine
//! (`portfolio::reference_table`: the ledger's replay and the interest engine, receivable by
//! receivable): the same rows, to the cent, on generated ledgers that exercise what the batch
//! engine handles (payments naming an invoice or not, with or without ids and customers, several on
//! one day, before the invoice is issued, above what is owed; credit notes; France, Germany, the UK,
//! Italy, customers without a country, consumers and public bodies; euros and pounds; dates where
//! rates are not yet known) and on synthetic portfolios. The KPIs' history of a ledger
//! (`kpi::History::new`, which replays such ledgers on columns) against the general replay
//! (`History::replayed`) on the same ledgers.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

use arrears::interest::ledger::{LedgerInterestOptions, Notice, SettledPenalties};
use arrears::kpi::History;
use arrears::ledger::{Ledger, LedgerDocument};
use arrears::portfolio::customers::{customer_totals, CustomerTotals};
use arrears::portfolio::{batch, columns::Book, reference_table};
use arrears::rates::RateTable;
use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn day(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Duration::days(n)
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn cents(c: i64) -> String {
    Decimal::new(c, 2).to_string()
}

/// (customer, issue day, term, amount, payments: [(after issue, share %, named, id, explicit)],
/// credit note share %)
type InvoiceSpec = (usize, i64, i64, i64, Vec<(i64, i64, bool, bool, bool)>, i64);

fn invoice() -> impl Strategy<Value = InvoiceSpec> {
    (
        0usize..5,
        0i64..900,
        prop_oneof![Just(0i64), Just(30), Just(45), 1i64..90],
        1i64..2_000_000,
        prop::collection::vec(
            (
                -20i64..400,
                1i64..130,
                any::<bool>(),
                any::<bool>(),
                any::<bool>(),
            ),
            0..3,
        ),
        prop_oneof![4 => Just(0i64), 1 => 1i64..120],
    )
}

const COUNTRIES: [(Option<&str>, Option<&str>, &str); 8] = [
    (Some("FR"), None, "EUR"),
    (Some("DE"), None, "EUR"),
    (Some("GB"), None, "GBP"),
    (Some("IT"), None, "EUR"),
    (None, None, "EUR"),
    (Some("FR"), Some("consumer"), "EUR"),
    (Some("FR"), Some("public_body"), "EUR"),
    (Some("DE"), Some("consumer"), "EUR"),
];

fn ledger(countries: &[usize], specs: &[InvoiceSpec]) -> (Ledger, LedgerDocument) {
    let customers: Vec<Value> = countries
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (country, debtor, _) = COUNTRIES[*c % COUNTRIES.len()];
            let mut v = json!({"id": format!("C{i}")});
            if let Some(country) = country {
                v["country"] = json!(country);
            }
            if let Some(d) = debtor {
                v["debtor"] = json!(d);
            }
            v
        })
        .collect();
    let n = countries.len();
    let (mut invoices, mut payments, mut credits) = (Vec::new(), Vec::new(), Vec::new());
    for (k, (c, issue, term, amount, pays, credit)) in specs.iter().enumerate() {
        let ci = c % n;
        let currency = COUNTRIES[countries[ci] % COUNTRIES.len()].2;
        let id = format!("F{k}");
        invoices.push(
            json!({"id": id, "customer": format!("C{ci}"), "issue_date": iso(day(*issue)),
            "due_date": iso(day(issue + term)), "amount": cents(*amount), "currency": currency}),
        );
        for (j, (after, share, named, with_id, explicit)) in pays.iter().enumerate() {
            let mut p = json!({"date": iso(day(issue + after)), "amount": cents((amount * share / 100).max(1)),
                "currency": currency});
            if *named {
                p["invoice"] = json!(id);
            }
            if *explicit || !*named {
                p["customer"] = json!(format!("C{ci}"));
            }
            if *with_id {
                p["id"] = json!(format!("P{}-{}", (k * 7 + j) % 5, k * 3 + j));
            }
            payments.push(p);
        }
        if *credit > 0 {
            credits.push(json!({"invoice": id, "date": iso(day(issue + term / 2)),
                "amount": cents((amount * credit / 100).max(1)), "currency": currency}));
        }
    }
    let doc: LedgerDocument = serde_json::from_value(json!({"customers": customers,
        "invoices": invoices, "payments": payments, "credit_notes": credits}))
    .unwrap();
    (Ledger::new(doc.clone()).unwrap(), doc)
}

fn same_rows(
    ledger: &Ledger,
    doc: &LedgerDocument,
    as_of: NaiveDate,
    options: &LedgerInterestOptions,
) {
    let table = RateTable::builtin().unwrap();
    let book = Book::from_document(doc).unwrap();
    let batch = batch::penalty_table(&book, as_of, options, &table)
        .unwrap()
        .rows(&book);
    let reference = reference_table(ledger, as_of, options, &table).unwrap();
    assert_eq!(batch.len(), reference.len());
    for (b, r) in batch.iter().zip(&reference) {
        assert_eq!(b, r, "as of {as_of}");
    }
    same_customer_totals(&book, as_of, options, &reference);
}

/// The batch engine's per-customer totals are the sums of the reference rows, grouped here by
/// hand (a `BTreeMap` keyed by customer id then currency code: the documented order).
fn same_customer_totals(
    book: &Book,
    as_of: NaiveDate,
    options: &LedgerInterestOptions,
    reference: &[arrears::portfolio::PenaltyRow],
) {
    use std::collections::BTreeMap;
    let table = batch::penalty_table(book, as_of, options, &RateTable::builtin().unwrap()).unwrap();
    let totals = CustomerTotals::of_table(book, &table)
        .unwrap()
        .rows(|c| book.customer_id.get(c as usize));
    // (invoices, open, overdue, outstanding, overdue amount, aged by label, max days late,
    //  interest, interest outstanding, fixed, total)
    type Sums = (
        u64,
        u64,
        u64,
        Decimal,
        Decimal,
        BTreeMap<String, Decimal>,
        i64,
        Decimal,
        Decimal,
        Decimal,
        Decimal,
    );
    let mut expected: BTreeMap<(String, String), Sums> = BTreeMap::new();
    for r in reference {
        let e = expected
            .entry((r.customer.clone(), r.currency.code().to_string()))
            .or_default();
        let open = !r.outstanding.is_zero();
        let late = open && r.days_late > 0;
        e.0 += 1;
        e.1 += u64::from(open);
        e.2 += u64::from(late);
        e.3 += r.outstanding;
        if late {
            e.4 += r.outstanding;
            e.6 = e.6.max(r.days_late);
        }
        if open {
            *e.5.entry(r.bucket.clone()).or_default() += r.outstanding;
        }
        e.7 += r.interest;
        e.8 += r.interest_outstanding;
        e.9 += r.fixed_compensation;
        e.10 += r.total_due;
    }
    assert_eq!(totals.len(), expected.len());
    for (t, ((customer, currency), e)) in totals.iter().zip(&expected) {
        assert_eq!(
            (&t.customer, t.currency.code()),
            (customer, currency.as_str())
        );
        assert_eq!(
            (t.invoices, t.open_invoices, t.overdue_invoices),
            (e.0, e.1, e.2)
        );
        assert_eq!(
            (t.outstanding, t.overdue, t.max_days_late),
            (e.3, e.4, e.6),
            "{customer}"
        );
        for a in &t.aging {
            assert_eq!(
                a.amount,
                e.5.get(&a.bucket).copied().unwrap_or_default(),
                "{customer} {}",
                a.bucket
            );
        }
        assert_eq!(
            (
                t.interest,
                t.interest_outstanding,
                t.fixed_compensation,
                t.total_due
            ),
            (e.7, e.8, e.9, e.10),
            "{customer}"
        );
    }
    // The row path gives the same totals.
    assert_eq!(customer_totals(reference).unwrap(), totals);
}

/// The history on columns equals the general replay's: every receivable's state (status, paid,
/// credited, outstanding, days late, settlement, days to pay), its dated movements, and the
/// warnings for money a named invoice could not absorb, in the same order.
fn same_history(ledger: &Ledger, doc: &LedgerDocument, as_of: NaiveDate) {
    assert!(
        Book::from_document(doc).is_ok(),
        "the ledger takes the columns' path"
    );
    let columns = History::new(ledger, as_of).unwrap();
    let reference = History::replayed(ledger, as_of).unwrap();
    assert_eq!(columns, reference, "as of {as_of}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn the_kpis_history_on_columns_equals_the_general_replay(
        countries in prop::collection::vec(0usize..7, 1..5),
        specs in prop::collection::vec(invoice(), 1..12),
        as_of in 0i64..1200,
    ) {
        let (ledger, doc) = ledger(&countries, &specs);
        same_history(&ledger, &doc, day(as_of));
    }

    #[test]
    fn batch_rows_equal_the_per_invoice_engine(
        countries in prop::collection::vec(0usize..8, 1..5),
        specs in prop::collection::vec(invoice(), 1..12),
        as_of in 0i64..1200,
        claim in any::<bool>(),
        // Formal notices (a consumer's interest runs from the first one after the due date).
        notices in prop::collection::vec((0usize..5, 0i64..1200), 0..4),
    ) {
        let (ledger, doc) = ledger(&countries, &specs);
        let options = LedgerInterestOptions {
            settled_penalties: if claim { SettledPenalties::Claim } else { SettledPenalties::Omit },
            notices: notices
                .iter()
                .map(|(c, d)| Notice { customer: format!("C{c}"), date: day(*d), receivables: Vec::new() })
                .collect(),
            ..Default::default()
        };
        same_rows(&ledger, &doc, day(as_of), &options);
    }
}

#[test]
fn synthetic_portfolios_give_the_same_rows() {
    for (n, seed, as_of) in [
        (3_000, 1, "2026-06-30"),
        (2_000, 2, "2025-12-31"),
        (1_000, 3, "2027-03-01"),
    ] {
        let doc = arrears::synthetic::portfolio(&arrears::synthetic::Spec::new(n, seed)).unwrap();
        let ledger = Ledger::new(doc.clone()).unwrap();
        let as_of = arrears::calendar::date::parse_date(as_of).unwrap();
        same_rows(&ledger, &doc, as_of, &LedgerInterestOptions::default());
        same_history(&ledger, &doc, as_of);
    }
}

#[test]
fn the_history_keeps_net_shares_and_unapplied_money_warnings() {
    // F1 gives its net amount (1000 of 1200: a share of 5/6); P1 pays 1500 on F1's 1200 (300 on
    // account, with the ledger's warning); the credit note of 100 on F2 (already paid) is left
    // entirely on account, warned about too.
    let doc: LedgerDocument = serde_json::from_value(json!({
        "customers": [{"id": "C1", "country": "FR", "segment": "retail"}],
        "invoices": [
            {"id": "F1", "customer": "C1", "issue_date": "2026-01-05", "due_date": "2026-02-04",
             "amount": "1200.00", "net_amount": "1000.00", "tax_amount": "200.00", "currency": "EUR"},
            {"id": "F2", "customer": "C1", "issue_date": "2026-01-10", "due_date": "2026-02-09", "amount": "100.00", "currency": "EUR"}],
        "payments": [
            {"id": "P1", "invoice": "F1", "date": "2026-03-02", "amount": "1500.00", "currency": "EUR"},
            {"invoice": "F2", "date": "2026-02-01", "amount": "100.00", "currency": "EUR"}],
        "credit_notes": [{"invoice": "F2", "date": "2026-03-05", "amount": "100.00", "currency": "EUR"}]}))
    .unwrap();
    let ledger = Ledger::new(doc.clone()).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
    same_history(&ledger, &doc, as_of);
    let h = History::new(&ledger, as_of).unwrap();
    assert_eq!(h.warnings().len(), 2, "{:?}", h.warnings());
    assert!(h.warnings()[0].starts_with("P1: 300.00 EUR more than invoice F1"));
    assert!(h.warnings()[1].starts_with("credit_notes[0]: 100.00 EUR more than invoice F2"));
    assert_eq!(h.customer("C1").segment.as_deref(), Some("retail"));
}

#[test]
fn the_kernel_computes_almost_every_row_of_a_synthetic_portfolio() {
    let doc = arrears::synthetic::portfolio(&arrears::synthetic::Spec::new(5_000, 9)).unwrap();
    let book = Book::from_document(&doc).unwrap();
    let t = batch::penalty_table(
        &book,
        arrears::sample::AS_OF,
        &LedgerInterestOptions::default(),
        &RateTable::builtin().unwrap(),
    )
    .unwrap();
    // Only the rows the engine must explain (none in this portfolio) go to it.
    assert!(
        t.engine_rows * 100 <= t.invoice.len(),
        "{} of {}",
        t.engine_rows,
        t.invoice.len()
    );
}

#[test]
fn same_day_payments_compete_for_an_invoice_in_the_ledgers_order() {
    // On one day: B names F1 without naming the customer, A names nothing, C names F1 and the
    // customer. The ledger orders a day's payments by their text, in which an absent customer or
    // invoice sorts first: B, then A, then C. So B pays 60 of F1, A the other 40 of F1 then 40 of
    // F2, and C finds F1 settled (30 on account): F2 has 60 left. In the order A, B, C, F2 would
    // have been untouched.
    let doc: LedgerDocument = serde_json::from_value(json!({
        "customers": [{"id": "C1", "country": "FR"}],
        "invoices": [
            {"id": "F1", "customer": "C1", "issue_date": "2026-01-05", "due_date": "2026-02-04", "amount": "100.00", "currency": "EUR"},
            {"id": "F2", "customer": "C1", "issue_date": "2026-01-10", "due_date": "2026-02-09", "amount": "100.00", "currency": "EUR"}],
        "payments": [
            {"customer": "C1", "invoice": "F1", "date": "2026-03-02", "amount": "30.00", "currency": "EUR"},
            {"customer": "C1", "date": "2026-03-02", "amount": "80.00", "currency": "EUR"},
            {"invoice": "F1", "date": "2026-03-02", "amount": "60.00", "currency": "EUR"}]}))
    .unwrap();
    let ledger = Ledger::new(doc.clone()).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
    let reference = reference_table(
        &ledger,
        as_of,
        &LedgerInterestOptions::default(),
        &RateTable::builtin().unwrap(),
    )
    .unwrap();
    assert_eq!(reference[1].outstanding.to_string(), "60.00");
    same_rows(&ledger, &doc, as_of, &LedgerInterestOptions::default());
}

#[test]
fn a_book_built_row_by_row_is_the_book_of_the_document_and_back() {
    use arrears::portfolio::build::{Amount, BookBuilder, Defaults};
    use arrears::portfolio::columns::day_number;
    let doc = arrears::synthetic::portfolio(&arrears::synthetic::Spec::new(4_000, 5)).unwrap();
    let mut b = BookBuilder::new(Defaults::default());
    let scaled = |d: Decimal| Amount::Scaled {
        digits: d.mantissa(),
        scale: d.scale(),
    };
    for c in &doc.customers {
        b.customer(&c.id, c.country.as_deref(), c.debtor).unwrap();
    }
    for i in &doc.invoices {
        b.invoice(
            &i.id,
            &i.customer,
            day_number(i.issue_date),
            day_number(i.due_date.unwrap()),
            scaled(i.amount),
            Some(i.currency),
        )
        .unwrap();
    }
    for p in &doc.payments {
        b.payment(
            p.id.as_deref(),
            p.customer.as_deref(),
            p.invoice.as_deref(),
            day_number(p.date),
            scaled(p.amount),
            Some(p.currency),
        )
        .unwrap();
    }
    let book = b.finish();
    assert_eq!(book, Book::from_document(&doc).unwrap());
    // Back to a document: the same ledger, up to the defaults written out (a business debtor).
    let back = book.to_document().unwrap();
    assert_eq!(Book::from_document(&back).unwrap(), book);
    assert_eq!(back.invoices, doc.invoices);
    assert_eq!(back.payments.len(), doc.payments.len());
}
