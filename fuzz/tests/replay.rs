//! Every file of `corpus/<target>/` (the seeds from the conformance vectors, and whatever the
//! fuzzers kept: crashes found become files here) through its target, on the stable toolchain:
//! a regression cannot land. A panic fails the test with the file's name.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

#[test]
fn every_corpus_file_runs_without_a_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut total = 0usize;
    for (name, target) in arrears_fuzz::TARGETS {
        let dir = root.join(name);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no corpus for {name}");
        for f in &files {
            let data = std::fs::read(f).unwrap();
            let outcome = std::panic::catch_unwind(|| target(&data));
            assert!(outcome.is_ok(), "{name}: {} panics", f.display());
        }
        total = total.saturating_add(files.len());
    }
    println!("replayed {total} corpus files");
}

/// The CSV target's seeds (fuzz/seed.py) go the whole way: a target whose every input stops at
/// the first check would fuzz nothing.
#[test]
fn the_csv_seeds_are_imported() {
    use arrears_fuzz::{csv_import_outcome, CsvOutcome};
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let head = |name: &str, rows: usize| -> Vec<u8> {
        let text = std::fs::read(examples.join(name)).unwrap();
        let mut lines = text.split_inclusive(|b| *b == b'\n');
        lines.by_ref().take(rows + 1).flatten().copied().collect()
    };
    let sep = [arrears_fuzz::CSV_PARTS];
    let sample = [
        &[0u8][..],
        &head("sample-invoices.csv", 12),
        &sep,
        &head("sample-payments.csv", 12),
    ]
    .concat();
    // Its `terms` column is for the general import only.
    assert_eq!(csv_import_outcome(&sample), CsvOutcome::Imported);
    // Kept equal to CANONICAL in fuzz/seed.py.
    let canonical = b"\x00id,customer,issue_date,due_date,amount,currency\n\
        F1,C1,2024-11-02,2024-12-02,1200.00,EUR\n\
        F2,C2,2025-01-10,2025-02-09,80.5,eur\n\
        F3,C3,2025-05-01,2025-07-31,300,GBP\n\
        \x1eid,customer,invoice,date,amount,currency\n\
        P1,C1,F1,2025-01-15,200.00,EUR\n\
        ,C1,,2025-04-10,1000,EUR\n\
        \x1eid,name,country,debtor\nC1,Alpha,FR,business\nC2,Beta,de,\nC3,Gamma,GB,\n";
    assert_eq!(csv_import_outcome(canonical), CsvOutcome::BothAgree);

    let mapping = "id=N° facture\nissue_date=Date\ndue_date=Échéance\ncustomer=Code client\n\
                   customer_name=Client\ncustomer_address=Adresse\nnet_amount=Montant HT\n\
                   tax_amount=TVA\namount=Montant TTC\npaid_date=Réglé le\npaid_amount=Montant réglé\n";
    // Decimal comma, ";", dd/mm/yyyy, Windows-1252, country FR, currency EUR.
    let studio = [
        &[0b1110_1011u8][..],
        &head("studio-export.csv", 8),
        &sep,
        &sep,
        &sep,
        mapping.as_bytes(),
    ]
    .concat();
    assert_eq!(csv_import_outcome(&studio), CsvOutcome::Imported);
    // A byte changed into the amount of the first invoice: refused by both readers.
    let broken = [
        &[0u8][..],
        b"id,customer,issue_date,due_date,amount,currency\nF1,C1,2025-01-01,2025-01-31,1x0,EUR\n",
    ]
    .concat();
    assert_eq!(csv_import_outcome(&broken), CsvOutcome::Refused);
}
