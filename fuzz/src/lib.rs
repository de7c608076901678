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
    ("csv_import", csv_import),
    ("fec", fec),
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
    // Parsed once per process by the core, cloned here.
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

/// The byte that separates the CSV target's parts (ASCII "record separator": no export writes it).
pub const CSV_PARTS: u8 = 0x1e;

/// The command line's CSV import with its options, and its fast reader checked against it.
///
/// The first byte chooses the options (bit 0: decimal comma; bits 1-2: the delimiter `,` `;` tab
/// `|`; bits 3-4: the date format; bit 5: read as Windows-1252 rather than detect; bit 6: default
/// country FR; bit 7: default currency EUR). The rest is split on [`CSV_PARTS`] into the invoices
/// file, the payments file, the customers file and `FIELD=Header` mapping lines for the invoices
/// (an empty or missing part: not given). The files are written to a fresh directory, imported,
/// the ledger checked and its penalty table computed. When the fast reader (the path `penalties`
/// and `kpis` take on canonical tables) accepts the files, the general import must accept them too
/// and give the same table: the two readers may never disagree.
pub fn csv_import(data: &[u8]) {
    let _ = csv_import_outcome(data);
}

/// How far an input of the CSV target went (the seeds' test checks that they reach the end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvOutcome {
    /// The input was too short, or its files could not be written.
    NotRun,
    /// The general import (or the ledger's checks) refused it, and so did the fast reader.
    Refused,
    /// The general import read it; the fast reader left it to the general import.
    Imported,
    /// Both readers read it and gave the same penalty table.
    BothAgree,
}

/// The body of [`csv_import`], saying how far the input went.
///
/// It panics when the two readers disagree: that is the finding the fuzzer reports.
#[allow(clippy::panic)]
pub fn csv_import_outcome(data: &[u8]) -> CsvOutcome {
    let Some((flags, rest)) = data.split_first() else {
        return CsvOutcome::NotRun;
    };
    let mut parts = rest.split(|b| *b == CSV_PARTS);
    let invoices = parts.next().unwrap_or_default();
    let payments = parts.next().filter(|p| !p.is_empty());
    let customers = parts.next().filter(|p| !p.is_empty());
    let map = parts
        .next()
        .map(|m| {
            String::from_utf8_lossy(m)
                .lines()
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let Some(dir) = ScratchDir::new() else {
        return CsvOutcome::NotRun;
    };
    let put = |name: &str, bytes: &[u8]| {
        let path = dir.0.join(name);
        std::fs::write(&path, bytes).ok().map(|()| path)
    };
    let Some(ledger) = put("invoices.csv", invoices) else {
        return CsvOutcome::NotRun;
    };
    let flag = |bit: u8| flags & (1 << bit) != 0;
    let delimiter = match (flags >> 1) & 3 {
        0 => ',',
        1 => ';',
        2 => '\t',
        _ => '|',
    };
    let date_format = match (flags >> 3) & 3 {
        0 => "%Y-%m-%d",
        1 => "%d/%m/%Y",
        2 => "%m/%d/%Y",
        _ => "%d.%m.%Y",
    };
    let opts = arrears_cli::import::Options {
        ledger,
        payments: payments.and_then(|p| put("payments.csv", p)),
        customers: customers.and_then(|c| put("customers.csv", c)),
        map,
        payments_map: Vec::new(),
        customers_map: Vec::new(),
        decimal_comma: flag(0),
        delimiter,
        date_format: date_format.to_string(),
        currency: flag(7).then(|| "EUR".to_string()),
        encoding: flag(5).then(|| "windows-1252".to_string()),
        defaults: arrears::ledger::CustomerDefaults {
            country: flag(6).then(|| "FR".to_string()),
            debtor: None,
        },
    };
    let Some(as_of) = NaiveDate::from_ymd_opt(2025, 6, 30) else {
        return CsvOutcome::NotRun;
    };
    let Ok(table) = arrears::rates::RateTable::builtin() else {
        return CsvOutcome::NotRun;
    };
    let options = arrears::interest::ledger::LedgerInterestOptions::default();
    let general = arrears_cli::import::load(&opts).and_then(|loaded| {
        let ledger = Ledger::new(loaded.doc)?;
        let rows = arrears::portfolio::penalty_table(&ledger, as_of, &options, &table)?;
        arrears_cli::render::penalties_csv(&rows)
    });
    let read = match arrears_cli::fast::read_book(&opts) {
        Ok(Some(book)) => book,
        Ok(None) | Err(_) if general.is_ok() => return CsvOutcome::Imported,
        Ok(None) | Err(_) => return CsvOutcome::Refused,
    };
    let Ok(rows) = arrears::portfolio::batch::penalty_table(&read, as_of, &options, &table) else {
        // What the batch computation refuses (a period without rates, ...), the ledger's does too.
        assert!(
            general.is_err(),
            "the fast path refuses what the general import accepts"
        );
        return CsvOutcome::Refused;
    };
    let mut fast = Vec::new();
    if arrears_cli::render::penalties_csv_columns(&read, &rows, &mut fast).is_err() {
        return CsvOutcome::NotRun;
    }
    match general {
        Ok(general) => {
            assert!(
                general.as_bytes() == fast.as_slice(),
                "the fast reader and the general import disagree"
            );
            CsvOutcome::BothAgree
        }
        Err(e) => panic!("the fast reader accepts files the general import refuses: {e}"),
    }
}

/// A fresh directory for one input's files, removed when the input is done.
struct ScratchDir(std::path::PathBuf);

impl ScratchDir {
    fn new() -> Option<ScratchDir> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static N: AtomicU64 = AtomicU64::new(0);
        // In memory where the system has it: the fuzzer writes three files per input.
        let base = Some(std::path::Path::new("/dev/shm"))
            .filter(|p| p.is_dir())
            .map_or_else(std::env::temp_dir, std::path::Path::to_path_buf);
        let dir = base.join(format!(
            "arrears-fuzz-csv-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir(&dir).ok().map(|()| ScratchDir(dir))
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A FEC's text (lossily decoded, as any bytes may come): its lines read, and when they read, the
/// import with the default options and with terms in the short notation, its ledger checked and
/// replayed on the FEC's last date (the reconciliation).
pub fn fec(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(lines) = arrears::fec::read_lines(&text) else {
        return;
    };
    let _ = arrears::fec::import(&lines, &arrears::fec::FecOptions::default());
    let mut options = arrears::fec::FecOptions::default();
    if let Ok(t) = arrears::terms::PaymentTerms::from_notation("45 jours fin de mois") {
        options.terms.default = Some(arrears::fec::TermsText(t));
    }
    options
        .journals
        .insert("OD".into(), arrears::fec::JournalKind::Sales);
    let _ = arrears::fec::import(&lines, &options);
}
