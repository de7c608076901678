//! `cargo bench -p arrears-benches`: the hot paths on the sample portfolio at 1× and 10× its size
//! (about 470 and 4,700 invoices). Report medians; machines here are noisy (2 cores).

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use arrears::dunning::agenda::{agenda, AgendaSettings};
use arrears::interest::{compute, InterestRequest};
use arrears::ledger::Ledger;
use arrears::rates::RateTable;
use arrears::sample;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

fn ledger_state(c: &mut Criterion) {
    let mut g = c.benchmark_group("ledger_state_as_of");
    for copies in [1usize, 10] {
        let ledger = Ledger::new(arrears_benches::scaled_portfolio(copies).unwrap()).unwrap();
        g.bench_with_input(BenchmarkId::from_parameter(copies), &ledger, |b, l| {
            b.iter(|| l.state_as_of(sample::AS_OF).unwrap())
        });
    }
    g.finish();
}

fn interest_statement(c: &mut Criterion) {
    let table = RateTable::builtin().unwrap();
    let req: InterestRequest = serde_json::from_value(serde_json::json!({
        "regime": "fr_b2b", "principal": "10000.00", "currency": "EUR",
        "due_date": "2023-01-31", "until": "2026-06-30",
        "payments": [{"date": "2024-02-15", "amount": "4000.00"}, {"date": "2025-05-20", "amount": "2000.00"}]
    }))
    .unwrap();
    c.bench_function("interest_statement_3_years_2_payments", |b| {
        b.iter(|| compute(&req, &table).unwrap())
    });
    c.bench_function("rate_table_builtin", |b| {
        b.iter(|| RateTable::builtin().unwrap())
    });
    // What a binding's call costs end to end: the request as JSON, the built-in table, the
    // statement as JSON.
    let request = serde_json::json!({
        "regime": "fr_b2b", "principal": "10000.00", "currency": "EUR",
        "due_date": "2023-01-31", "until": "2026-06-30",
        "payments": [{"date": "2024-02-15", "amount": "4000.00"}, {"date": "2025-05-20", "amount": "2000.00"}]
    });
    c.bench_function("run_interest_json", |b| {
        b.iter(|| arrears::run("interest", &request).unwrap())
    });
}

fn agenda_day(c: &mut Criterion) {
    let table = RateTable::builtin().unwrap();
    let ledger = Ledger::new(sample::portfolio(sample::DEFAULT_SEED).unwrap()).unwrap();
    let settings = AgendaSettings::default();
    c.bench_function("agenda_one_day_sample", |b| {
        b.iter(|| agenda(&ledger, &[], &settings, sample::AS_OF, &table).unwrap())
    });
}

criterion_group!(benches, ledger_state, interest_statement, agenda_day);
criterion_main!(benches);
