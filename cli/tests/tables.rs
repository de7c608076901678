//! Ledgers as tables at scale (issue "Portfolio scale"): `arrears generate` writes the same
//! portfolio as CSV and as Parquet; `arrears penalties` gives the same table from either, and from
//! the general import; Parquet tables feed the other commands; money in floating point is refused
//! with the file, row and column; and the penalty table comes out as Parquet.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use arrears_arrow::arrow_array::{
    ArrayRef, Date32Array, Decimal128Array, Float64Array, RecordBatch, StringArray,
};

fn arrears(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_arrears"))
        .args(args)
        .env("ARREARS_TODAY", "2026-06-30")
        .output()
        .unwrap()
}

fn ok(args: &[&str]) -> String {
    let out = arrears(args);
    assert!(
        out.status.success(),
        "arrears {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn dir(name: &str) -> PathBuf {
    let d = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("arrears-tables-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn write_parquet(path: &Path, batch: &RecordBatch) {
    let file = std::fs::File::create(path).unwrap();
    let mut w = parquet::arrow::ArrowWriter::try_new(file, batch.schema(), None).unwrap();
    w.write(batch).unwrap();
    w.close().unwrap();
}

#[test]
fn the_same_portfolio_as_csv_and_as_parquet_gives_the_same_penalty_table() {
    let (c, p) = (dir("csv"), dir("parquet"));
    for (d, format) in [(&c, "csv"), (&p, "parquet")] {
        ok(&[
            "generate",
            "--invoices",
            "2500",
            "--seed",
            "7",
            "--format",
            format,
            "--out",
            s(d),
        ]);
    }
    let table = |d: &Path, ext: &str, extra: &[&str]| {
        let inv = d.join(format!("invoices.{ext}"));
        let pay = d.join(format!("payments.{ext}"));
        let cus = d.join(format!("customers.{ext}"));
        let mut args = vec![
            "penalties",
            s(&inv),
            "--payments",
            s(&pay),
            "--customers",
            s(&cus),
            "--as-of",
            "2026-06-30",
        ];
        args.extend_from_slice(extra);
        ok(&args)
    };
    let from_csv = table(&c, "csv", &[]);
    assert_eq!(from_csv.lines().count(), 2501);
    assert_eq!(table(&p, "parquet", &[]), from_csv);
    // The general import (a mapping takes the CSV off the fast path) agrees too.
    assert_eq!(table(&c, "csv", &["--map", "id=id"]), from_csv);
    // JSON rows carry the same figures.
    let json: serde_json::Value =
        serde_json::from_str(&table(&p, "parquet", &["--format", "json"])).unwrap();
    let first = from_csv.lines().nth(1).unwrap();
    assert!(
        first.ends_with(json[0]["total_due"].as_str().unwrap()),
        "{first}"
    );

    // Parquet out: the same rows, money as decimals.
    let out = p.join("penalties.parquet");
    table(&p, "parquet", &["--format", "parquet", "--out", s(&out)]);
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
        std::fs::File::open(&out).unwrap(),
    )
    .unwrap()
    .build()
    .unwrap();
    let batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
    assert_eq!(
        batches.iter().map(RecordBatch::num_rows).sum::<usize>(),
        2500
    );
    let total = batches[0]
        .column_by_name("total_due")
        .unwrap()
        .as_any()
        .downcast_ref::<Decimal128Array>()
        .unwrap();
    let cents: i128 = first
        .rsplit(',')
        .next()
        .unwrap()
        .replace('.', "")
        .parse()
        .unwrap();
    assert_eq!(total.value(0), cents);

    // The other commands read Parquet tables as ledgers.
    let report = ok(&[
        "report",
        s(&p.join("invoices.parquet")),
        "--payments",
        s(&p.join("payments.parquet")),
        "--customers",
        s(&p.join("customers.parquet")),
        "--as-of",
        "2026-06-30",
    ]);
    assert!(report.contains("outstanding on"), "{report}");
}

#[test]
fn per_customer_totals_are_the_sums_of_the_invoice_rows_from_every_input() {
    use std::collections::BTreeMap;
    let d = dir("by-customer");
    ok(&[
        "generate",
        "--invoices",
        "1500",
        "--seed",
        "11",
        "--mix",
        "europe",
        "--format",
        "csv",
        "--out",
        s(&d),
    ]);
    let run = |extra: &[&str]| {
        let (inv, pay, cus) = (
            d.join("invoices.csv"),
            d.join("payments.csv"),
            d.join("customers.csv"),
        );
        let mut args = vec![
            "penalties",
            s(&inv),
            "--payments",
            s(&pay),
            "--customers",
            s(&cus),
            "--as-of",
            "2026-06-30",
        ];
        args.extend_from_slice(extra);
        ok(&args)
    };
    let by_invoice = run(&[]);
    let by_customer = run(&["--by", "customer"]);
    // The general import (off the batch engine's fast path) gives the same table.
    assert_eq!(run(&["--by", "customer", "--map", "id=id"]), by_customer);

    // Sum the invoice rows by hand, in cents, keyed by customer then currency.
    let cents = |t: &str| -> i64 { t.replace('.', "").parse().unwrap() };
    let mut sums: BTreeMap<(String, String), [i64; 7]> = BTreeMap::new();
    for line in by_invoice.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let e = sums
            .entry((f[1].to_string(), f[2].to_string()))
            .or_default();
        let (days_late, outstanding) = (f[4].parse::<i64>().unwrap(), cents(f[6]));
        e[0] += 1;
        e[1] += outstanding;
        if outstanding != 0 && days_late > 0 {
            e[2] += outstanding;
            e[3] = e[3].max(days_late);
        }
        e[4] += cents(f[7]);
        e[5] += cents(f[10]);
        e[6] += cents(f[11]);
    }
    let mut lines = by_customer.lines();
    assert_eq!(
        lines.next().unwrap(),
        "customer,currency,invoices,open_invoices,overdue_invoices,outstanding,overdue,not_due,\
         1-30,31-60,61-90,91+,max_days_late,interest,interest_outstanding,fixed_compensation,total_due"
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), sums.len());
    assert!(
        sums.keys().any(|(_, c)| c == "GBP"),
        "the europe mix has pounds"
    );
    for (row, ((customer, currency), e)) in rows.iter().zip(&sums) {
        let f: Vec<&str> = row.split(',').collect();
        assert_eq!((f[0], f[1]), (customer.as_str(), currency.as_str()));
        assert_eq!(f[2].parse::<i64>().unwrap(), e[0], "{row}");
        assert_eq!((cents(f[5]), cents(f[6])), (e[1], e[2]), "{row}");
        // The buckets split the outstanding amount.
        assert_eq!((7..12).map(|i| cents(f[i])).sum::<i64>(), e[1], "{row}");
        assert_eq!(f[12].parse::<i64>().unwrap(), e[3], "{row}");
        assert_eq!(
            (cents(f[13]), cents(f[15]), cents(f[16])),
            (e[4], e[5], e[6]),
            "{row}"
        );
    }
}

#[test]
fn key_figures_from_columns_equal_those_of_the_general_import() {
    // `arrears kpis` reads CSV tables in the document's own shape (and Parquet) straight into
    // columns and the KPIs' history; any other input goes through the ledger document. Both must
    // give the same figures, warnings included, per portfolio and per customer, in every currency.
    let d = dir("kpis");
    ok(&[
        "generate",
        "--invoices",
        "1200",
        "--seed",
        "5",
        "--mix",
        "europe",
        "--format",
        "csv",
        "--out",
        s(&d),
    ]);
    let (inv, pay, cus) = (
        d.join("invoices.csv"),
        d.join("payments.csv"),
        d.join("customers.csv"),
    );
    let run = |extra: &[&str]| {
        let mut args = vec![
            "kpis",
            s(&inv),
            "--payments",
            s(&pay),
            "--customers",
            s(&cus),
            "--as-of",
            "2026-06-30",
        ];
        args.extend_from_slice(extra);
        let out = arrears(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    for group in ["portfolio", "customer"] {
        let columns = run(&["--group-by", group]);
        // `--map id=id` changes nothing but takes the general import.
        let general = run(&["--group-by", group, "--map", "id=id"]);
        assert_eq!(columns, general, "grouped by {group}");
        assert!(columns.0.contains("\"GBP\""), "the europe mix has pounds");
        let csv = run(&["--group-by", group, "--format", "csv"]);
        assert_eq!(
            csv,
            run(&["--group-by", group, "--format", "csv", "--map", "id=id"])
        );
    }
    // From Parquet too.
    let pq = dir("kpis-parquet");
    ok(&[
        "generate",
        "--invoices",
        "1200",
        "--seed",
        "5",
        "--mix",
        "europe",
        "--format",
        "parquet",
        "--out",
        s(&pq),
    ]);
    let parquet = arrears(&[
        "kpis",
        s(&pq.join("invoices.parquet")),
        "--payments",
        s(&pq.join("payments.parquet")),
        "--customers",
        s(&pq.join("customers.parquet")),
        "--as-of",
        "2026-06-30",
    ]);
    assert!(parquet.status.success());
    assert_eq!(String::from_utf8(parquet.stdout).unwrap(), run(&[]).0);
}

#[test]
fn money_in_floating_point_is_refused_where_it_is() {
    let d = dir("float");
    let batch = RecordBatch::try_from_iter([
        ("id", Arc::new(StringArray::from(vec!["F1"])) as ArrayRef),
        ("customer", Arc::new(StringArray::from(vec!["C1"]))),
        ("issue_date", Arc::new(Date32Array::from(vec![19_723]))),
        ("due_date", Arc::new(Date32Array::from(vec![19_753]))),
        ("amount", Arc::new(Float64Array::from(vec![1000.10]))),
        ("currency", Arc::new(StringArray::from(vec!["EUR"]))),
    ])
    .unwrap();
    let file = d.join("invoices.parquet");
    write_parquet(&file, &batch);
    let out = arrears(&["penalties", s(&file), "--as-of", "2026-06-30"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("import.column_type") && err.contains("floating point"),
        "{err}"
    );

    // A duplicate id and an empty customer: each at its row (from 1) and column.
    let amount = Decimal128Array::from(vec![100_000, 100_000, 100_000])
        .with_precision_and_scale(14, 2)
        .unwrap();
    let batch = RecordBatch::try_from_iter([
        (
            "id",
            Arc::new(StringArray::from(vec!["F1", "F1", "F3"])) as ArrayRef,
        ),
        (
            "customer",
            Arc::new(StringArray::from(vec!["C1", "C1", ""])),
        ),
        ("issue_date", Arc::new(Date32Array::from(vec![19_723; 3]))),
        ("due_date", Arc::new(Date32Array::from(vec![19_753; 3]))),
        ("amount", Arc::new(amount)),
    ])
    .unwrap();
    write_parquet(&file, &batch);
    let out = arrears(&[
        "report",
        s(&file),
        "--currency",
        "EUR",
        "--as-of",
        "2026-06-30",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:2", s(&file))) && err.contains("ledger.duplicate_id"),
        "{err}"
    );
    assert!(err.contains(&format!("{}:3:customer", s(&file))), "{err}");

    let out = arrears(&[
        "penalties",
        s(&file),
        "--currency",
        "EUR",
        "--format",
        "parquet",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));
}
