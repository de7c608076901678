//! The bodies of the fuzz targets: each takes the fuzzer's bytes, and must return without a panic
//! whatever they are (an error with a code is the right answer to a bad input). The libFuzzer
//! binaries in `fuzz_targets/` call these; `tests/replay.rs` runs every file of `corpus/` through
//! them on the stable toolchain, so a crash found once stays fixed.

use arrears::dunning::policy::Policy;
use arrears::ledger::{Ledger, LedgerDocument};
use chrono::NaiveDate;

/// A target: the fuzzer's bytes in, nothing out (it must not panic).
pub type Target = fn(&[u8]);

/// The targets, by name (the directory of their corpus).
pub const TARGETS: &[(&str, Target)] = &[
    ("ledger", ledger),
    ("interest", interest),
    ("agenda", agenda),
    ("policy", policy),
    ("plan_letter", plan_letter),
    ("run", run),
];

fn json(data: &[u8]) -> Option<serde_json::Value> {
    serde_json::from_slice(data).ok()
}

/// A ledger document: read, checked, replayed on three dates (before, inside and long after
/// its events), its claims and KPIs computed.
pub fn ledger(data: &[u8]) {
    let Ok(doc) = serde_json::from_slice::<LedgerDocument>(data) else {
        return;
    };
    let Ok(ledger) = Ledger::new(doc) else {
        return;
    };
    let table = arrears::rates::RateTable::builtin();
    for (y, m, d) in [(2000, 1, 1), (2025, 6, 30), (2099, 12, 31)] {
        let Some(as_of) = NaiveDate::from_ymd_opt(y, m, d) else {
            continue;
        };
        if let Ok(state) = ledger.state_as_of(as_of) {
            if let Ok(table) = &table {
                let options = arrears::interest::ledger::LedgerInterestOptions::default();
                if let Ok(claims) =
                    arrears::claim::Claims::compute(&ledger, &state, &options, table)
                {
                    let _ = claims.all(&Default::default());
                }
            }
        }
    }
}

/// The interest request, through the dispatcher (parsing, checks, computation).
pub fn interest(data: &[u8]) {
    if let Some(v) = json(data) {
        let _ = arrears::run("interest", &v);
    }
}

/// The agenda request with its journal.
pub fn agenda(data: &[u8]) {
    if let Some(v) = json(data) {
        let _ = arrears::run("agenda", &v);
    }
}

/// A dunning policy, as JSON and as TOML.
pub fn policy(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Policy::from_json(text);
        let _ = Policy::from_toml(text);
    }
}

/// The plan and letter requests (the first byte chooses).
pub fn plan_letter(data: &[u8]) {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let op = if first % 2 == 0 { "plan" } else { "letter" };
    if let Some(v) = json(rest) {
        let _ = arrears::run(op, &v);
    }
}

/// Any operation of the dispatcher: the first byte chooses it, the rest is its request.
pub fn run(data: &[u8]) {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let ops = arrears::ops::OPERATIONS;
    let Some(op) = usize::from(*first)
        .checked_rem(ops.len())
        .and_then(|i| ops.get(i))
    else {
        return;
    };
    if let Some(v) = json(rest) {
        let _ = arrears::run(op, &v);
    }
}
