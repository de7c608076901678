//! Ledgers as Arrow tables: the book equals the document's, every column type the docs promise is
//! read, floats and other inexact columns are refused, and every problem is reported where it is.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::HashMap;
use std::sync::Arc;

use arrears::interest::ledger::LedgerInterestOptions;
use arrears::portfolio::build::Defaults;
use arrears::portfolio::{batch, columns::Book};
use arrears::rates::RateTable;
use arrears::Code;
use arrears_arrow::arrow_array::{
    Array, ArrayRef, Date32Array, Decimal128Array, Float64Array, Int64Array, LargeStringArray,
    RecordBatch, StringArray, StringViewArray, TimestampMillisecondArray,
};
use arrears_arrow::arrow_schema::{Field, Schema};
use arrears_arrow::{book, book_tables, penalty_batch, Tables};

fn invoices(columns: Vec<(&str, ArrayRef)>) -> RecordBatch {
    RecordBatch::try_from_iter(columns).unwrap()
}

fn strings(v: &[&str]) -> ArrayRef {
    Arc::new(StringArray::from(v.to_vec()))
}

fn decimals(v: &[i128], scale: i8) -> ArrayRef {
    Arc::new(
        Decimal128Array::from(v.to_vec())
            .with_precision_and_scale(18, scale)
            .unwrap(),
    )
}

/// Two invoices of C1 (2024-01-01, due 2024-01-31: day 19 753), 1 000.00 and 250.50 EUR.
fn two_invoices(amount: ArrayRef) -> RecordBatch {
    invoices(vec![
        ("id", strings(&["F1", "F2"])),
        ("customer", strings(&["C1", "C1"])),
        (
            "issue_date",
            Arc::new(Date32Array::from(vec![19_723, 19_723])),
        ),
        (
            "due_date",
            Arc::new(Date32Array::from(vec![19_753, 19_753])),
        ),
        ("amount", amount),
        ("currency", strings(&["EUR", "eur"])),
    ])
}

fn read(t: RecordBatch) -> arrears::Result<Book> {
    book(
        &Tables {
            invoices: &[t],
            ..Tables::default()
        },
        Defaults::default(),
    )
}

#[test]
fn a_synthetic_portfolio_goes_through_tables_unchanged() {
    let doc = arrears::synthetic::portfolio(&arrears::synthetic::Spec::new(3_000, 4)).unwrap();
    let original = Book::from_document(&doc).unwrap();
    let t = book_tables(&original).unwrap();
    // Two row groups of invoices, as a Parquet file or a chunked pyarrow table would give them.
    let (a, b) = (t.invoices.slice(0, 1_000), t.invoices.slice(1_000, 2_000));
    let back = book(
        &Tables {
            invoices: &[a, b],
            payments: std::slice::from_ref(&t.payments),
            customers: std::slice::from_ref(&t.customers),
        },
        Defaults::default(),
    )
    .unwrap();
    assert_eq!(back, original);

    // The penalty table as a batch says what the rows say.
    let table = batch::penalty_table(
        &back,
        arrears::sample::AS_OF,
        &LedgerInterestOptions::default(),
        &RateTable::builtin().unwrap(),
    )
    .unwrap();
    let rows = table.rows(&back);
    let out = penalty_batch(&back, &table).unwrap();
    let names: Vec<String> = out
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    // The command line's columns, then why a late receivable has no penalties.
    let mut expected: Vec<&str> = arrears::portfolio::COLUMNS.to_vec();
    expected.push("no_penalties");
    assert_eq!(names, expected);
    assert_eq!(out.num_rows(), rows.len());
    let why = out
        .column(12)
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap();
    for (k, r) in rows.iter().enumerate() {
        assert_eq!(
            (!why.is_null(k)).then(|| why.value(k)),
            r.no_penalties.as_deref()
        );
    }
    let total = out
        .column(11)
        .as_any()
        .downcast_ref::<Decimal128Array>()
        .unwrap();
    for (k, r) in rows.iter().enumerate() {
        // Money columns at scale 2 (EUR and GBP): the row's decimal, in cents.
        assert_eq!(
            total.value(k),
            r.total_due.mantissa() * 10i128.pow(2 - r.total_due.scale())
        );
    }
}

#[test]
fn every_promised_column_type_is_read() {
    // Dates as timestamps at midnight and as text; ids as large and view strings; amounts as a
    // decimal at scale 4 (exact in cents) and as integers with a declared scale.
    let midnight = |day: i64| day * 86_400_000;
    let t = invoices(vec![
        ("id", Arc::new(LargeStringArray::from(vec!["F1", "F2"]))),
        (
            "customer",
            Arc::new(StringViewArray::from(vec!["C1", "C1"])),
        ),
        (
            "issue_date",
            Arc::new(TimestampMillisecondArray::from(vec![
                midnight(19_723),
                midnight(19_723),
            ])),
        ),
        ("due_date", strings(&["2024-01-31", "2024-01-31"])),
        ("amount", decimals(&[10_000_000, 2_505_000], 4)),
        ("currency", strings(&["EUR", "EUR"])),
    ]);
    let b = read(t).unwrap();
    assert_eq!(b.invoice_amount, vec![100_000, 25_050]);
    assert_eq!(b.invoice_issue, vec![19_723, 19_723]);
    assert_eq!(b.invoice_due, vec![19_753, 19_753]);

    let scale = HashMap::from([("scale".to_string(), "2".to_string())]);
    let schema = Schema::new(vec![
        Field::new("amount", arrow_type_i64(), false).with_metadata(scale)
    ]);
    let amounts = RecordBatch::try_new(
        Arc::new(schema),
        vec![Arc::new(Int64Array::from(vec![100_000, 25_050]))],
    )
    .unwrap();
    let b = read(two_invoices(amounts.column(0).clone()).with_amount_field(amounts.schema_ref()))
        .unwrap();
    assert_eq!(b.invoice_amount, vec![100_000, 25_050]);
}

fn arrow_type_i64() -> arrears_arrow::arrow_schema::DataType {
    arrears_arrow::arrow_schema::DataType::Int64
}

/// Replaces the `amount` field of a batch by one carrying metadata.
trait WithAmountField {
    fn with_amount_field(self, from: &Arc<Schema>) -> RecordBatch;
}

impl WithAmountField for RecordBatch {
    fn with_amount_field(self, from: &Arc<Schema>) -> RecordBatch {
        let fields: Vec<Field> = self
            .schema()
            .fields()
            .iter()
            .map(|f| {
                if f.name() == "amount" {
                    from.field(0).clone()
                } else {
                    f.as_ref().clone()
                }
            })
            .collect();
        RecordBatch::try_new(Arc::new(Schema::new(fields)), self.columns().to_vec()).unwrap()
    }
}

#[test]
fn inexact_columns_are_refused() {
    let code = |t: RecordBatch| read(t).unwrap_err().code();
    // Money as floating point, integers without a scale, a time of day, cents beyond the euro's.
    assert_eq!(
        code(two_invoices(Arc::new(Float64Array::from(vec![
            1000.0, 250.5
        ])))),
        Code::ColumnType
    );
    assert_eq!(
        code(two_invoices(Arc::new(Int64Array::from(vec![
            100_000, 25_050
        ])))),
        Code::ColumnType
    );
    assert_eq!(
        code(two_invoices(decimals(&[1_000_001, 25_050], 3))),
        Code::NotInMinorUnits
    );
    let t = invoices(vec![
        ("id", strings(&["F1"])),
        ("customer", strings(&["C1"])),
        (
            "issue_date",
            Arc::new(TimestampMillisecondArray::from(vec![
                19_723 * 86_400_000 + 3_600_000,
            ])),
        ),
        ("due_date", Arc::new(Date32Array::from(vec![19_753]))),
        ("amount", decimals(&[100_000], 2)),
        ("currency", strings(&["EUR"])),
    ]);
    assert_eq!(code(t), Code::ColumnType);
}

#[test]
fn every_problem_is_reported_at_its_row() {
    let t = invoices(vec![
        ("id", strings(&["F1", "F1", "F3"])),
        ("customer", strings(&["C1", "C1", ""])),
        (
            "issue_date",
            Arc::new(Date32Array::from(vec![19_723, 19_723, 19_723])),
        ),
        (
            "due_date",
            Arc::new(Date32Array::from(vec![19_753, 19_753, 19_753])),
        ),
        ("amount", decimals(&[100_000, 100_000, 100_000], 2)),
    ]);
    let payments = RecordBatch::try_from_iter([
        ("invoice", strings(&["F9"])),
        (
            "date",
            Arc::new(Date32Array::from(vec![19_760])) as ArrayRef,
        ),
        ("amount", decimals(&[5_000], 2)),
    ])
    .unwrap();
    let e = book(
        &Tables {
            invoices: &[t],
            payments: &[payments],
            customers: &[],
        },
        Defaults {
            currency: Some(arrears::money::Currency::EUR),
            ..Defaults::default()
        },
    )
    .unwrap_err();
    let found: Vec<(Code, String)> = e
        .problems()
        .iter()
        .map(|p| (p.code, p.path.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        found,
        vec![
            (Code::DuplicateId, "invoices[1]".to_string()),
            (Code::InvalidCell, "invoices[2].customer".to_string()),
            (Code::UnknownInvoice, "payments[0]".to_string()),
        ]
    );
}
