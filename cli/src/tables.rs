//! Ledgers as Parquet tables: `LEDGER` is the invoices table, `--payments` and `--customers` the
//! others, with the JSON documents' field names as column names (`--map` renames others). The
//! columns go through `arrears-arrow` (its docs list the accepted types: decimals, dates, text;
//! money in floating point is refused) into the batch engine's book, with the ledger's checks; the
//! commands that work on documents get the book's document. Problems point at `FILE:ROW:column`,
//! rows counted from 1.

use std::path::Path;

use arrears::portfolio::build::Defaults;
use arrears::portfolio::columns::Book;
use arrears::{Code, Error};
use arrears_arrow::arrow_array::RecordBatch;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

use crate::import::Options;

/// Whether a path names a Parquet file.
pub fn is_parquet(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet") || e.eq_ignore_ascii_case("pq"))
}

/// Reads the ledger's Parquet tables into a book.
///
/// # Errors
/// `import.unreadable` for a file that is not Parquet; the problems of the tables, each at its
/// file, row and column.
pub fn read_book(opts: &Options) -> Result<Book, Error> {
    if opts.decimal_comma || opts.date_format != "%Y-%m-%d" || opts.encoding.is_some() {
        return Err(Error::new(
            Code::InvalidValue,
            "--decimal-comma, --date-format and --encoding are for CSV files: Parquet columns carry their types",
        ));
    }
    for p in [&opts.payments, &opts.customers].into_iter().flatten() {
        if !is_parquet(p) {
            return Err(Error::new(
                Code::InvalidValue,
                format!(
                    "{}: with a Parquet invoices table, --payments and --customers are Parquet too",
                    p.display()
                ),
            ));
        }
    }
    let invoices = read(&opts.ledger, &opts.map)?;
    let payments = opts
        .payments
        .as_deref()
        .map(|p| read(p, &opts.payments_map))
        .transpose()?
        .unwrap_or_default();
    let customers = opts
        .customers
        .as_deref()
        .map(|p| read(p, &opts.customers_map))
        .transpose()?
        .unwrap_or_default();
    let defaults = Defaults::from_options(opts.currency.as_deref(), &opts.defaults)?;
    let tables = arrears_arrow::Tables {
        invoices: &invoices,
        payments: &payments,
        customers: &customers,
    };
    arrears_arrow::book(&tables, defaults).map_err(|e| locate(e, opts))
}

/// Every row group of a Parquet file, with the columns `--map` names renamed to their fields.
fn read(path: &Path, map: &[String]) -> Result<Vec<RecordBatch>, Error> {
    let unreadable = |e: &dyn std::fmt::Display| {
        Error::new(
            Code::Unreadable,
            format!("cannot read {} as Parquet: {e}", path.display()),
        )
    };
    let file = crate::files::open_input(path)?;
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .and_then(|b| b.with_batch_size(64 * 1024).build())
        .map_err(|e| unreadable(&e))?;
    let renames = renames(map)?;
    let mut out = Vec::new();
    for batch in reader {
        let batch = batch.map_err(|e| unreadable(&e))?;
        out.push(arrears_arrow::rename_columns(batch, &renames)?);
    }
    Ok(out)
}

/// `field=Header` pairs as (header, field).
fn renames(map: &[String]) -> Result<Vec<(String, String)>, Error> {
    map.iter()
        .map(|m| {
            let (field, header) = m.split_once('=').ok_or_else(|| {
                Error::new(
                    Code::InvalidValue,
                    format!("--map {m:?}: expected FIELD=Header"),
                )
            })?;
            if header.contains(',') && header.trim_start().starts_with('[') {
                return Err(Error::new(
                    Code::InvalidValue,
                    format!("--map {m:?}: a Parquet column maps to one field"),
                ));
            }
            Ok((header.trim().to_string(), field.trim().to_string()))
        })
        .collect()
}

/// `invoices[12].amount` → `FILE:13:amount` (the file of that table, rows from 1), as the CSV
/// import points at lines.
fn locate(e: Error, opts: &Options) -> Error {
    let file_of = |table: &str| -> Option<String> {
        match table {
            "invoices" => Some(opts.ledger.display().to_string()),
            "payments" => opts.payments.as_ref().map(|p| p.display().to_string()),
            "customers" => opts.customers.as_ref().map(|p| p.display().to_string()),
            _ => None,
        }
    };
    let relocated = e.problems().iter().map(|p| {
        let path = p.path.clone().unwrap_or_default();
        let (head, column) = match path.split_once('.') {
            Some((h, c)) => (h.to_string(), c.to_string()),
            None => (path.clone(), String::new()),
        };
        let at = match head.split_once('[') {
            Some((table, rest)) => {
                let row = rest
                    .trim_end_matches(']')
                    .parse::<u64>()
                    .map(|r| r.saturating_add(1))
                    .ok();
                match (file_of(table), row) {
                    (Some(f), Some(r)) if column.is_empty() => format!("{f}:{r}"),
                    (Some(f), Some(r)) => format!("{f}:{r}:{column}"),
                    _ => path.clone(),
                }
            }
            None => match file_of(&head) {
                Some(f) if column.is_empty() => f,
                Some(f) => format!("{f}: {column}"),
                None => path.clone(),
            },
        };
        Error::new(p.code, p.message.clone()).at(at)
    });
    Error::from_many(relocated.collect::<Vec<_>>()).unwrap_or(e)
}

/// A record batch as Parquet bytes (zstd).
///
/// # Errors
/// `import.unreadable` if the writer fails.
pub fn parquet_bytes(batch: &RecordBatch) -> Result<Vec<u8>, Error> {
    let failed = |e: parquet::errors::ParquetError| {
        Error::new(Code::Unreadable, format!("cannot write Parquet: {e}"))
    };
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .build();
    let mut w = ArrowWriter::try_new(Vec::new(), batch.schema(), Some(props)).map_err(failed)?;
    w.write(batch).map_err(failed)?;
    w.into_inner().map_err(failed)
}
