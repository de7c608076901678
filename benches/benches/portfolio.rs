//! `cargo bench -p arrears-benches --bench portfolio`: the batch engine on synthetic portfolios of
//! 1k, 100k and 1M invoices (`arrears::synthetic`, the European mix: six countries, two
//! currencies, public bodies and consumers). `penalty_table` is one replay of the ledger and the
//! aging and interest of every invoice, on one core. `arrow_penalty_table` is the path of the
//! bindings' table functions (Arrow in, checked book, engine, Arrow out) on the French B2B mix. The
//! per-invoice reference engine runs at 1k and 100k for the ratio. Set `ARREARS_BENCH_SIZES=1000,100000` to choose sizes.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use arrears::interest::ledger::LedgerInterestOptions;
use arrears::ledger::Ledger;
use arrears::portfolio::{batch, reference_table};
use arrears::rates::RateTable;
use arrears::synthetic::{portfolio, Spec};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn sizes() -> Vec<usize> {
    // Under `cargo test` (no `--bench`), criterion runs each benchmark once, in a debug build:
    // the smallest size checks that it runs.
    if !std::env::args().any(|a| a == "--bench") {
        return vec![1_000];
    }
    std::env::var("ARREARS_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 100_000, 1_000_000])
}

fn penalty_table(c: &mut Criterion) {
    let table = RateTable::builtin().unwrap();
    let options = LedgerInterestOptions::default();
    let mut g = c.benchmark_group("batch_penalty_table");
    g.sample_size(10).warm_up_time(Duration::from_secs(1));
    for n in sizes() {
        let spec = Spec::new(n, 1);
        let book = arrears::synthetic::book(&spec).unwrap();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &book, |b, book| {
            b.iter(|| batch::penalty_table(book, spec.as_of, &options, &table).unwrap())
        });
    }
    g.finish();

    // The whole path a binding takes (arrears.penalties in Python): Arrow columns in, the checked
    // book, the engine, the Arrow table out; on the French B2B mix that benches/baselines uses.
    let mut g = c.benchmark_group("arrow_penalty_table");
    g.sample_size(10).warm_up_time(Duration::from_secs(1));
    for n in sizes() {
        let mut spec = Spec::new(n, 1);
        spec.mix = arrears::synthetic::Mix::FrenchB2b;
        let tables = arrears_arrow::book_tables(&arrears::synthetic::book(&spec).unwrap()).unwrap();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &tables, |b, t| {
            b.iter(|| {
                let (invoices, payments, customers) = (
                    [t.invoices.clone()],
                    [t.payments.clone()],
                    [t.customers.clone()],
                );
                let input = arrears_arrow::Tables {
                    invoices: &invoices,
                    payments: &payments,
                    customers: &customers,
                };
                let book = arrears_arrow::book(&input, Default::default()).unwrap();
                let out = batch::penalty_table(&book, spec.as_of, &options, &table).unwrap();
                arrears_arrow::penalty_batch(&book, &out).unwrap()
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("reference_penalty_table");
    g.sample_size(10).warm_up_time(Duration::from_secs(1));
    for n in sizes().into_iter().filter(|n| *n <= 100_000) {
        let spec = Spec::new(n, 1);
        let ledger = Ledger::new(portfolio(&spec).unwrap()).unwrap();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &ledger, |b, ledger| {
            b.iter(|| reference_table(ledger, spec.as_of, &options, &table).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, penalty_table);
criterion_main!(benches);
