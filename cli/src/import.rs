//! Reading ledgers from files: the JSON ledger document, or CSV exports (invoices, and
//! optionally payments) with a column mapping, decimal-comma and date-format options.
//!
//! Every problem found is reported (file, line, column), and nothing is returned unless the whole
//! file is good. Errors the core finds later in the assembled document (`invoices[3].amount`) are
//! translated back to the CSV line they came from by [`Origins::locate`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use arrears::calendar::date::parse_date;
use arrears::ledger::{InvoiceRecord, LedgerDocument, PaymentKind, PaymentRecord};
use arrears::money::{parse_decimal, Currency};
use arrears::terms::PaymentTerms;
use arrears::{Code, Error};

/// What `arrears report` was told about its input files.
pub struct Options {
    pub ledger: PathBuf,
    pub payments: Option<PathBuf>,
    pub map: Vec<String>,
    pub decimal_comma: bool,
    pub delimiter: char,
    pub date_format: String,
    pub currency: Option<String>,
}

/// Invoice CSV columns: (field, required). `due_date` may be empty when `terms` is given.
const INVOICE_COLUMNS: &[(&str, bool)] = &[
    ("id", true),
    ("customer", true),
    ("customer_name", false),
    ("customer_country", false),
    ("issue_date", true),
    ("due_date", false),
    ("terms", false),
    ("amount", true),
    ("net_amount", false),
    ("tax_amount", false),
    ("currency", false),
    ("paid_date", false),
    ("paid_amount", false),
];

/// Payment CSV columns.
const PAYMENT_COLUMNS: &[(&str, bool)] = &[
    ("id", false),
    ("customer", false),
    ("invoice", false),
    ("date", true),
    ("amount", true),
    ("currency", false),
];

/// Where each record of the assembled document came from, to point errors at file lines.
#[derive(Default)]
pub struct Origins {
    /// `invoices[3]` → (`ledger.csv:5`, field → header as written in the file).
    rows: HashMap<String, (String, HashMap<String, String>)>,
}

impl Origins {
    /// Rewrites core paths such as `invoices[3].amount` into `ledger.csv:5:Montant TTC`.
    pub fn locate(&self, e: Error, fallback: &str) -> Error {
        let relocated = e.problems().iter().map(|p| {
            let path = p.path.clone().unwrap_or_default();
            let (head, field) = match path.find(']') {
                Some(i) => {
                    let (head, rest) = path.split_at(i.saturating_add(1).min(path.len()));
                    (head, rest.trim_start_matches('.'))
                }
                None => (path.as_str(), ""),
            };
            let new_path = match self.rows.get(head) {
                Some((line, headers)) => {
                    let field_root = field.split(['.', '[']).next().unwrap_or("");
                    match headers.get(field_root) {
                        Some(h) => format!("{line}:{h}"),
                        None if field.is_empty() => line.clone(),
                        None => format!("{line}:{field}"),
                    }
                }
                None if path.is_empty() => fallback.to_string(),
                None => format!("{fallback}: {path}"),
            };
            Error::new(p.code, p.message.clone()).at(new_path)
        });
        Error::from_many(relocated.collect::<Vec<_>>()).unwrap_or(e)
    }
}

/// Loads the ledger named by the options.
pub fn load(opts: &Options) -> Result<(LedgerDocument, Origins), Error> {
    let is_json = opts
        .ledger
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        if opts.payments.is_some() {
            return Err(Error::new(
                Code::InvalidValue,
                "--payments goes with an invoices CSV; a JSON ledger holds its own payments",
            ));
        }
        let text = read(&opts.ledger)?;
        let doc = arrears::ops::from_json_str::<LedgerDocument>(&text)
            .map_err(|e| e.at(opts.ledger.display().to_string()))?;
        return Ok((doc, Origins::default()));
    }
    let mapping = parse_mapping(&opts.map)?;
    let reader = CsvReader {
        opts,
        mapping: &mapping,
        refused_ids: std::cell::RefCell::new(Vec::new()),
    };
    let mut problems = Vec::new();
    let mut doc = LedgerDocument::default();
    let mut origins = Origins::default();
    reader.invoices(&opts.ledger, &mut doc, &mut origins, &mut problems)?;
    if let Some(p) = &opts.payments {
        reader.payments(p, &mut doc, &mut origins, &mut problems)?;
    }
    if problems.is_empty() {
        return Ok((doc, origins));
    }
    // Some rows were refused. Check the rows that were read as a ledger too, so that duplicate ids
    // or payments for unknown invoices are reported in the same run; a payment naming an invoice
    // whose own row was refused is not reported again as "unknown invoice".
    if let Err(e) = arrears::ledger::Ledger::new(doc.clone()) {
        let located = origins.locate(e, &opts.ledger.display().to_string());
        for p in located.problems() {
            let echo = p.code == Code::UnknownInvoice
                && reader
                    .refused_ids
                    .borrow()
                    .iter()
                    .any(|id| p.message.contains(&format!("{id:?}")));
            if !echo {
                problems.push(
                    Error::new(p.code, p.message.clone()).at(p.path.clone().unwrap_or_default()),
                );
            }
        }
    }
    Err(Error::from_many(problems)
        .unwrap_or_else(|| Error::new(Code::Unreadable, "the file was refused")))
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| {
        Error::new(
            Code::Unreadable,
            format!("cannot read {}: {e}", path.display()),
        )
    })
}

fn parse_mapping(map: &[String]) -> Result<HashMap<String, String>, Error> {
    let mut out = HashMap::new();
    let known: Vec<&str> = INVOICE_COLUMNS
        .iter()
        .chain(PAYMENT_COLUMNS)
        .map(|(f, _)| *f)
        .collect();
    for m in map {
        let Some((field, header)) = m.split_once('=') else {
            return Err(Error::new(
                Code::InvalidValue,
                format!("--map {m:?}: expected FIELD=HEADER, e.g. id=\"N° facture\""),
            ));
        };
        let field = field.trim();
        if !known.contains(&field) {
            return Err(Error::new(
                Code::InvalidValue,
                format!(
                    "--map {m:?}: unknown field {field:?}; fields are {}",
                    known.join(", ")
                ),
            ));
        }
        out.insert(field.to_string(), header.trim().to_string());
    }
    Ok(out)
}

struct CsvReader<'a> {
    opts: &'a Options,
    mapping: &'a HashMap<String, String>,
    /// Ids of invoice rows that were refused, to avoid echo errors from payments naming them.
    refused_ids: std::cell::RefCell<Vec<String>>,
}

/// One CSV file opened with its header resolved to our field names.
struct Table {
    file: String,
    /// field → (column index, header as written).
    columns: HashMap<String, (usize, String)>,
    records: Vec<(u64, csv::StringRecord)>,
}

impl Table {
    fn get<'r>(&self, rec: &'r csv::StringRecord, field: &str) -> Option<&'r str> {
        self.columns
            .get(field)
            .and_then(|(i, _)| rec.get(*i))
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    fn at(&self, line: u64, field: &str) -> String {
        let header = self
            .columns
            .get(field)
            .map(|(_, h)| h.as_str())
            .unwrap_or(field);
        format!("{}:{line}:{header}", self.file)
    }

    fn headers(&self) -> HashMap<String, String> {
        self.columns
            .iter()
            .map(|(f, (_, h))| (f.clone(), h.clone()))
            .collect()
    }
}

impl CsvReader<'_> {
    fn open(
        &self,
        path: &Path,
        columns: &[(&str, bool)],
        problems: &mut Vec<Error>,
    ) -> Result<Table, Error> {
        let file = path.display().to_string();
        let text = read(path)?;
        let delimiter = u8::try_from(u32::from(self.opts.delimiter)).map_err(|_| {
            Error::new(
                Code::InvalidValue,
                "--delimiter must be a single ASCII character",
            )
        })?;
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            // Rows with the wrong number of fields are reported line by line below while the
            // other rows are still checked, so one run lists every problem of the file.
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let header: Vec<String> = rdr
            .headers()
            .map_err(|e| {
                Error::new(
                    Code::Unreadable,
                    format!("{file}: cannot read the header: {e}"),
                )
            })?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        let mut resolved = HashMap::new();
        let mut missing = Vec::new();
        for (field, required) in columns {
            let wanted = self
                .mapping
                .get(*field)
                .map(String::as_str)
                .unwrap_or(field);
            match header.iter().position(|h| h.eq_ignore_ascii_case(wanted)) {
                Some(i) => {
                    resolved.insert(
                        field.to_string(),
                        (i, header.get(i).cloned().unwrap_or_default()),
                    );
                }
                None if *required => missing.push(
                    Error::new(
                        Code::MissingColumn,
                        format!(
                            "missing column {wanted:?}{} (columns found: {})",
                            if wanted != *field {
                                format!(" (mapped from field {field})")
                            } else {
                                String::new()
                            },
                            header.join(", ")
                        ),
                    )
                    .at(&file),
                ),
                None => {}
            }
        }
        if let Some(e) = Error::from_many(missing) {
            return Err(e);
        }
        let mut records = Vec::new();
        for rec in rdr.records() {
            match rec {
                Ok(r) => {
                    let line = r.position().map(|p| p.line()).unwrap_or(0);
                    if r.iter().all(|c| c.trim().is_empty()) {
                        continue;
                    }
                    if r.len() != header.len() {
                        let hint = if r.len() > header.len() && !self.opts.decimal_comma {
                            " (an amount written with a decimal comma splits a comma-separated row: \
                             quote it, or export with ';' and pass --delimiter ';' --decimal-comma)"
                        } else {
                            ""
                        };
                        problems.push(
                            Error::new(
                                Code::Unreadable,
                                format!(
                                    "{} fields where the header has {}{hint}",
                                    r.len(),
                                    header.len()
                                ),
                            )
                            .at(format!("{file}:{line}")),
                        );
                        continue;
                    }
                    records.push((line, r));
                }
                Err(e) => {
                    let line = e.position().map(|p| p.line()).unwrap_or(0);
                    problems.push(
                        Error::new(Code::Unreadable, format!("not valid CSV: {e}"))
                            .at(format!("{file}:{line}")),
                    );
                }
            }
        }
        Ok(Table {
            file,
            columns: resolved,
            records,
        })
    }

    fn date(
        &self,
        t: &Table,
        rec: &csv::StringRecord,
        line: u64,
        field: &str,
        problems: &mut Vec<Error>,
    ) -> Option<NaiveDate> {
        let s = t.get(rec, field)?;
        let parsed = if self.opts.date_format == "%Y-%m-%d" {
            parse_date(s)
        } else {
            NaiveDate::parse_from_str(s, &self.opts.date_format).map_err(|e| {
                Error::new(
                    Code::InvalidDate,
                    format!(
                        "{s:?} is not a date in the format {:?}: {e}",
                        self.opts.date_format
                    ),
                )
            })
        };
        parsed
            .map_err(|e| problems.push(e.at(t.at(line, field))))
            .ok()
    }

    fn amount(
        &self,
        t: &Table,
        rec: &csv::StringRecord,
        line: u64,
        field: &str,
        problems: &mut Vec<Error>,
    ) -> Option<Decimal> {
        let s = t.get(rec, field)?;
        let normalised = if self.opts.decimal_comma {
            decimal_comma(s)
        } else {
            Ok(s.to_string())
        };
        let result = normalised.and_then(|n| parse_decimal(&n)).map_err(|e| {
            let hint = if !self.opts.decimal_comma && s.contains(',') {
                "; if the file writes decimals with a comma, pass --decimal-comma"
            } else {
                ""
            };
            Error::new(e.code(), format!("{}{hint}", e.message()))
        });
        match result {
            Ok(d) if d.is_sign_negative() && !d.is_zero() => {
                problems.push(
                    Error::new(
                        Code::NegativeAmount,
                        format!("amount {s} is negative; record refunds as credit notes"),
                    )
                    .at(t.at(line, field)),
                );
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                problems.push(e.at(t.at(line, field)));
                None
            }
        }
    }

    fn currency(
        &self,
        t: &Table,
        rec: &csv::StringRecord,
        line: u64,
        problems: &mut Vec<Error>,
    ) -> Option<Currency> {
        let code = t
            .get(rec, "currency")
            .map(str::to_string)
            .or_else(|| self.opts.currency.clone());
        match code {
            Some(c) => Currency::from_code(&c.to_ascii_uppercase())
                .map_err(|e| problems.push(e.at(t.at(line, "currency"))))
                .ok(),
            None => {
                problems.push(
                    Error::new(
                        Code::MissingColumn,
                        "no currency: add a currency column or pass --currency EUR",
                    )
                    .at(format!("{}:{line}", t.file)),
                );
                None
            }
        }
    }

    fn required<'r>(
        &self,
        t: &Table,
        rec: &'r csv::StringRecord,
        line: u64,
        field: &str,
        problems: &mut Vec<Error>,
    ) -> Option<&'r str> {
        let v = t.get(rec, field);
        if v.is_none() {
            problems.push(
                Error::new(Code::InvalidCell, format!("{field} is empty")).at(t.at(line, field)),
            );
        }
        v
    }

    fn invoices(
        &self,
        path: &Path,
        doc: &mut LedgerDocument,
        origins: &mut Origins,
        problems: &mut Vec<Error>,
    ) -> Result<(), Error> {
        let t = self.open(path, INVOICE_COLUMNS, problems)?;
        let headers = t.headers();
        let mut names: HashMap<String, String> = HashMap::new();
        let mut countries: HashMap<String, String> = HashMap::new();
        for (line, rec) in &t.records {
            let line = *line;
            let before = problems.len();
            let id = self.required(&t, rec, line, "id", problems);
            let customer = self.required(&t, rec, line, "customer", problems);
            let issue = self.date(&t, rec, line, "issue_date", problems);
            if t.get(rec, "issue_date").is_none() {
                problems.push(
                    Error::new(Code::InvalidCell, "issue_date is empty")
                        .at(t.at(line, "issue_date")),
                );
            }
            let due = self.date(&t, rec, line, "due_date", problems);
            let terms = match t.get(rec, "terms") {
                Some(s) => arrears::ops::from_json_str::<PaymentTerms>(s)
                    .map_err(|e| {
                        problems.push(
                            Error::new(e.code(), e.message().to_string()).at(t.at(line, "terms")),
                        )
                    })
                    .ok(),
                None => None,
            };
            let amount = self.amount(&t, rec, line, "amount", problems);
            if t.get(rec, "amount").is_none() {
                problems.push(
                    Error::new(Code::InvalidCell, "amount is empty").at(t.at(line, "amount")),
                );
            }
            let net = self.amount(&t, rec, line, "net_amount", problems);
            let tax = self.amount(&t, rec, line, "tax_amount", problems);
            let currency = self.currency(&t, rec, line, problems);
            let paid_date = self.date(&t, rec, line, "paid_date", problems);
            let paid_amount = self.amount(&t, rec, line, "paid_amount", problems);
            if problems.len() != before {
                if let Some(id) = id {
                    self.refused_ids.borrow_mut().push(id.to_string());
                }
                continue;
            }
            let (Some(id), Some(customer), Some(issue), Some(amount), Some(currency)) =
                (id, customer, issue, amount, currency)
            else {
                continue;
            };
            if let Some(country) = t.get(rec, "customer_country") {
                countries
                    .entry(customer.to_string())
                    .or_insert_with(|| country.to_ascii_uppercase());
            }
            if let Some(name) = t.get(rec, "customer_name") {
                names
                    .entry(customer.to_string())
                    .or_insert_with(|| name.to_string());
            }
            origins.rows.insert(
                format!("invoices[{}]", doc.invoices.len()),
                (format!("{}:{line}", t.file), headers.clone()),
            );
            doc.invoices.push(InvoiceRecord {
                id: id.to_string(),
                customer: customer.to_string(),
                issue_date: issue,
                due_date: due,
                terms,
                amount,
                net_amount: net,
                tax_amount: tax,
                currency,
            });
            if let Some(date) = paid_date {
                origins.rows.insert(
                    format!("payments[{}]", doc.payments.len()),
                    (format!("{}:{line}", t.file), headers.clone()),
                );
                doc.payments.push(PaymentRecord {
                    id: None,
                    customer: Some(customer.to_string()),
                    date,
                    amount: paid_amount.unwrap_or(amount),
                    currency,
                    invoice: Some(id.to_string()),
                    allocations: None,
                    kind: PaymentKind::Payment,
                });
            }
        }
        let mut customers: Vec<_> = names.into_iter().collect();
        customers.sort();
        doc.customers = Vec::new();
        // Names are carried without making the customer list exhaustive (an empty list means
        // "any customer id is fine"), so only keep them when every invoice's customer has one.
        let all_named = doc
            .invoices
            .iter()
            .all(|i| customers.iter().any(|(c, _)| *c == i.customer));
        if all_named && !customers.is_empty() {
            doc.customers = customers
                .into_iter()
                .map(|(id, name)| arrears::ledger::CustomerRecord {
                    country: countries.get(&id).cloned(),
                    id,
                    name: Some(name),
                    segment: None,
                    sector: None,
                    address: Vec::new(),
                    email: None,
                })
                .collect();
        }
        Ok(())
    }

    fn payments(
        &self,
        path: &Path,
        doc: &mut LedgerDocument,
        origins: &mut Origins,
        problems: &mut Vec<Error>,
    ) -> Result<(), Error> {
        let t = self.open(path, PAYMENT_COLUMNS, problems)?;
        let headers = t.headers();
        for (line, rec) in &t.records {
            let line = *line;
            let before = problems.len();
            let date = self.date(&t, rec, line, "date", problems);
            if t.get(rec, "date").is_none() {
                problems
                    .push(Error::new(Code::InvalidCell, "date is empty").at(t.at(line, "date")));
            }
            let amount = self.amount(&t, rec, line, "amount", problems);
            if t.get(rec, "amount").is_none() {
                problems.push(
                    Error::new(Code::InvalidCell, "amount is empty").at(t.at(line, "amount")),
                );
            }
            // Without a currency column or --currency, a payment naming an invoice is in the
            // invoice's currency.
            let invoice_currency = t
                .get(rec, "invoice")
                .and_then(|id| doc.invoices.iter().find(|i| i.id == id))
                .map(|i| i.currency);
            let currency = match invoice_currency {
                Some(c) if t.get(rec, "currency").is_none() && self.opts.currency.is_none() => {
                    Some(c)
                }
                _ => self.currency(&t, rec, line, problems),
            };
            if problems.len() != before {
                continue;
            }
            let (Some(date), Some(amount), Some(currency)) = (date, amount, currency) else {
                continue;
            };
            origins.rows.insert(
                format!("payments[{}]", doc.payments.len()),
                (format!("{}:{line}", t.file), headers.clone()),
            );
            doc.payments.push(PaymentRecord {
                id: t.get(rec, "id").map(str::to_string),
                customer: t.get(rec, "customer").map(str::to_string),
                date,
                amount,
                currency,
                invoice: t.get(rec, "invoice").map(str::to_string),
                allocations: None,
                kind: PaymentKind::Payment,
            });
        }
        Ok(())
    }
}

/// `1 234,50` or `1.234,50` → `1234.50`. Dots are accepted only as thousands separators
/// (groups of three digits), so `12.5` is refused rather than read as 125.
fn decimal_comma(s: &str) -> Result<String, Error> {
    let compact: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let (int, frac) = match compact.split_once(',') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (compact.clone(), None),
    };
    let mut groups = int.split('.');
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    if rest.iter().any(|g| g.len() != 3) {
        return Err(Error::new(
            Code::InvalidAmount,
            format!(
                "{s:?} is not an amount with a decimal comma (a '.' may only separate thousands)"
            ),
        ));
    }
    let mut out = first.to_string();
    for g in rest {
        out.push_str(g);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    Ok(out)
}

/// Writes the sample portfolio as JSON and CSV into `dir`.
pub fn write_sample(dir: &Path) -> Result<(), Error> {
    let doc = arrears::sample::portfolio(arrears::sample::DEFAULT_SEED)?;
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::new(
            Code::Unreadable,
            format!("cannot create {}: {e}", dir.display()),
        )
    })?;
    let json = serde_json::to_string_pretty(&doc)
        .map_err(|e| Error::new(Code::InvalidDocument, format!("cannot write JSON: {e}")))?;
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).map_err(|e| {
            Error::new(
                Code::Unreadable,
                format!("cannot write {}: {e}", p.display()),
            )
        })
    };
    write("sample-ledger.json", &format!("{json}\n"))?;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_comma_forms() {
        assert_eq!(decimal_comma("12,50").unwrap(), "12.50");
        assert_eq!(decimal_comma("1 234,50").unwrap(), "1234.50");
        assert_eq!(decimal_comma("1.234,50").unwrap(), "1234.50");
        assert!(decimal_comma("12.5").is_err());
    }
}
