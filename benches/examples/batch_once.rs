//! One run of the batch engine on a synthetic portfolio, for instruction counts that do not
//! depend on a noisy machine:
//!
//! ```text
//! cargo build --release -p arrears-benches --example batch_once
//! valgrind --tool=callgrind --toggle-collect='*batch*penalty_table*' \
//!     target/release/examples/batch_once 100000
//! ```

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use arrears::interest::ledger::LedgerInterestOptions;
use arrears::portfolio::batch;
use arrears::rates::RateTable;
use arrears::synthetic::Spec;

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let spec = Spec::new(n, 1);
    let book = arrears::synthetic::book(&spec).unwrap();
    let table = RateTable::builtin().unwrap();
    let t =
        batch::penalty_table(&book, spec.as_of, &LedgerInterestOptions::default(), &table).unwrap();
    println!("{} rows, {} by the engine", t.invoice.len(), t.engine_rows);
}
