//! `arrears sample` and `arrears generate`: the bundled sample portfolio, and synthetic portfolios
//! of any size, written out as a JSON ledger or CSV files.

use std::collections::HashMap;
use std::path::Path;

use arrears::{Code, Error};

/// Writes the sample portfolio as its books would export it: `sample-fec.txt` (a FEC, LPF art.
/// A47 A-1), `sample-fec-terms.json` (each invoice's payment terms, which a FEC does not hold)
/// and `sample-fec-customers.json` (the customers' countries, sectors and addresses).
pub fn write_sample_fec(dir: &Path) -> Result<(), Error> {
    let doc = arrears::sample::portfolio(arrears::sample::DEFAULT_SEED)?;
    let fec = arrears::fec::write::write(&doc, arrears::sample::AS_OF)?;
    let write = files_in(dir)?;
    write("sample-fec.txt", &fec.text)?;
    write("sample-fec-terms.json", &pretty(&fec.terms)?)?;
    write("sample-fec-customers.json", &pretty(&fec.customers)?)?;
    write("sample-fec-disputes.json", &pretty(&fec.disputes)?)?;
    Ok(())
}

/// Creates `dir` and gives the function that writes a named file into it.
fn files_in(dir: &Path) -> Result<impl Fn(&str, &str) -> Result<(), Error> + '_, Error> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::new(
            Code::Unreadable,
            format!("cannot create {}: {e}", dir.display()),
        )
    })?;
    Ok(move |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).map_err(|e| {
            Error::new(
                Code::Unreadable,
                format!("cannot write {}: {e}", p.display()),
            )
        })
    })
}

/// Pretty JSON with a final line end.
fn pretty<T: serde::Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string_pretty(value)
        .map(|s| format!("{s}\n"))
        .map_err(|e| Error::new(Code::InvalidDocument, format!("cannot write JSON: {e}")))
}

/// Writes the sample portfolio as JSON and CSV into `dir`.
pub fn write_sample(dir: &Path) -> Result<(), Error> {
    let doc = arrears::sample::portfolio(arrears::sample::DEFAULT_SEED)?;
    let write = files_in(dir)?;
    write("sample-ledger.json", &pretty(&doc)?)?;

    let names: HashMap<&str, &str> = doc
        .customers
        .iter()
        .filter_map(|c| c.name.as_deref().map(|n| (c.id.as_str(), n)))
        .collect();
    let countries: HashMap<&str, &str> = doc
        .customers
        .iter()
        .filter_map(|c| c.country.as_deref().map(|n| (c.id.as_str(), n)))
        .collect();
    let mut inv = csv::Writer::from_writer(Vec::new());
    let csv_err = |e: csv::Error| Error::new(Code::Unreadable, format!("cannot write CSV: {e}"));
    inv.write_record([
        "id",
        "customer",
        "customer_name",
        "customer_country",
        "issue_date",
        "due_date",
        "terms",
        "amount",
        "net_amount",
        "tax_amount",
        "currency",
    ])
    .map_err(csv_err)?;
    for i in &doc.invoices {
        let terms = match &i.terms {
            Some(t) => serde_json::to_string(t)
                .map_err(|e| Error::new(Code::InvalidDocument, e.to_string()))?,
            None => String::new(),
        };
        inv.write_record([
            i.id.as_str(),
            i.customer.as_str(),
            names.get(i.customer.as_str()).copied().unwrap_or(""),
            countries.get(i.customer.as_str()).copied().unwrap_or(""),
            &i.issue_date.to_string(),
            &i.due_date.map(|d| d.to_string()).unwrap_or_default(),
            &terms,
            &i.amount.to_string(),
            &i.net_amount.map(|d| d.to_string()).unwrap_or_default(),
            &i.tax_amount.map(|d| d.to_string()).unwrap_or_default(),
            i.currency.code(),
        ])
        .map_err(csv_err)?;
    }
    let inv = String::from_utf8(
        inv.into_inner()
            .map_err(|e| Error::new(Code::Unreadable, e.to_string()))?,
    )
    .map_err(|e| Error::new(Code::Unreadable, e.to_string()))?;
    write("sample-invoices.csv", &inv)?;

    let mut pay = csv::Writer::from_writer(Vec::new());
    pay.write_record(["id", "customer", "invoice", "date", "amount", "currency"])
        .map_err(csv_err)?;
    for p in &doc.payments {
        pay.write_record([
            p.id.as_deref().unwrap_or(""),
            p.customer.as_deref().unwrap_or(""),
            p.invoice.as_deref().unwrap_or(""),
            &p.date.to_string(),
            &p.amount.to_string(),
            p.currency.code(),
        ])
        .map_err(csv_err)?;
    }
    let pay = String::from_utf8(
        pay.into_inner()
            .map_err(|e| Error::new(Code::Unreadable, e.to_string()))?,
    )
    .map_err(|e| Error::new(Code::Unreadable, e.to_string()))?;
    write("sample-payments.csv", &pay)?;
    eprintln!(
        "wrote {}/sample-ledger.json (the full ledger), sample-invoices.csv and sample-payments.csv \
         (invoices and payments only: credit notes, write-offs and disputes need the JSON form)",
        dir.display()
    );
    Ok(())
}

/// Writes a synthetic portfolio into `dir`: `ledger.json`, or `invoices.csv`, `payments.csv` and
/// `customers.csv` streamed row by row (a portfolio of millions never sits in memory).
pub fn write_synthetic(
    spec: &arrears::synthetic::Spec,
    json: bool,
    dir: &Path,
) -> Result<(), Error> {
    let io = |e: std::io::Error| Error::new(Code::Unreadable, format!("cannot write: {e}"));
    std::fs::create_dir_all(dir).map_err(io)?;
    if json {
        let doc = arrears::synthetic::portfolio(spec)?;
        let text = serde_json::to_string(&doc)
            .map_err(|e| Error::new(Code::InvalidDocument, format!("cannot write JSON: {e}")))?;
        return std::fs::write(dir.join("ledger.json"), text).map_err(io);
    }
    let csv_err = |e: csv::Error| Error::new(Code::Unreadable, format!("cannot write CSV: {e}"));
    let mut g = arrears::synthetic::Generator::new(spec)?;
    let mut customers = csv::Writer::from_path(dir.join("customers.csv")).map_err(csv_err)?;
    customers
        .write_record(["id", "name", "country", "debtor"])
        .map_err(csv_err)?;
    for c in g.customers() {
        customers
            .write_record([
                c.id.as_str(),
                c.name.as_deref().unwrap_or(""),
                c.country.as_deref().unwrap_or(""),
                c.debtor.map(|d| d.as_str()).unwrap_or(""),
            ])
            .map_err(csv_err)?;
    }
    customers.flush().map_err(io)?;
    let mut invoices = csv::Writer::from_path(dir.join("invoices.csv")).map_err(csv_err)?;
    invoices
        .write_record([
            "id",
            "customer",
            "issue_date",
            "due_date",
            "amount",
            "currency",
        ])
        .map_err(csv_err)?;
    let mut payments = csv::Writer::from_path(dir.join("payments.csv")).map_err(csv_err)?;
    payments
        .write_record(["customer", "invoice", "date", "amount", "currency"])
        .map_err(csv_err)?;
    while let Some((inv, pays)) = g.next_invoice()? {
        invoices
            .write_record([
                inv.id.as_str(),
                inv.customer.as_str(),
                &inv.issue_date.to_string(),
                &inv.due_date.map(|d| d.to_string()).unwrap_or_default(),
                &inv.amount.to_string(),
                inv.currency.code(),
            ])
            .map_err(csv_err)?;
        for p in pays {
            payments
                .write_record([
                    p.customer.as_deref().unwrap_or(""),
                    p.invoice.as_deref().unwrap_or(""),
                    &p.date.to_string(),
                    &p.amount.to_string(),
                    p.currency.code(),
                ])
                .map_err(csv_err)?;
        }
    }
    invoices.flush().map_err(io)?;
    payments.flush().map_err(io)
}

/// Writes a synthetic portfolio as three Parquet tables (`invoices.parquet`, `payments.parquet`,
/// `customers.parquet`): dates as `Date32`, amounts as decimals, zstd-compressed. The portfolio is
/// streamed into columns (a 10-million-invoice book is a few hundred megabytes), then written.
///
/// # Errors
/// `import.unreadable` when a file cannot be written.
pub fn write_synthetic_parquet(spec: &arrears::synthetic::Spec, dir: &Path) -> Result<(), Error> {
    let io = |e: std::io::Error| Error::new(Code::Unreadable, format!("cannot write: {e}"));
    std::fs::create_dir_all(dir).map_err(io)?;
    let t = arrears_arrow::book_tables(&arrears::synthetic::book(spec)?)?;
    for (name, batch) in [
        ("invoices.parquet", &t.invoices),
        ("payments.parquet", &t.payments),
        ("customers.parquet", &t.customers),
    ] {
        let bytes = crate::tables::parquet_bytes(batch)?;
        std::fs::write(dir.join(name), bytes).map_err(io)?;
    }
    Ok(())
}
