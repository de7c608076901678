//! Reading ledgers from files: the JSON ledger document, or CSV exports (invoices, and
//! optionally payments and customers) with column mappings, the text encoding, decimal-comma and
//! date-format options, and defaults for what an export does not say (the customers' country and
//! kind of debtor).
//!
//! Every problem of every file is reported in one run (file, line, column), and nothing is
//! returned unless the whole input is good. Errors the core finds later in the assembled document
//! (`invoices[3].amount`) are translated back to the CSV line they came from by
//! [`Origins::locate`]. The rules the imported ledger then follows (which regime, which
//! limitation period) are the core's; this module only reads cells.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;

use arrears::calendar::date::parse_date;
use arrears::ledger::{
    CustomerDefaults, CustomerRecord, DebtorStatus, InvoiceRecord, LedgerDocument, PaymentKind,
    PaymentRecord,
};
use arrears::money::{parse_decimal, Currency};
use arrears::terms::PaymentTerms;
use arrears::{Code, Error};

/// What a command was told about its input files.
pub struct Options {
    pub ledger: PathBuf,
    pub payments: Option<PathBuf>,
    pub customers: Option<PathBuf>,
    /// `FIELD=Header` for the invoices file.
    pub map: Vec<String>,
    /// `FIELD=Header` for the payments file.
    pub payments_map: Vec<String>,
    /// `FIELD=Header` for the customers file.
    pub customers_map: Vec<String>,
    pub decimal_comma: bool,
    pub delimiter: char,
    pub date_format: String,
    pub currency: Option<String>,
    /// `utf-8`, `windows-1252`, `iso-8859-15`, `utf-16`, ... (`None`: detected).
    pub encoding: Option<String>,
    pub defaults: CustomerDefaults,
}

/// An import profile: the options of one export saved in a TOML file, so that every command
/// reads it the same way (`--profile studio.toml`).
///
/// ```toml
/// delimiter = ";"
/// decimal_comma = true
/// date_format = "%d/%m/%Y"
/// currency = "EUR"
/// country = "FR"
///
/// [map]
/// id = "N° facture"
/// customer_address = ["Adresse", "Ville"]
/// ```
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub delimiter: Option<char>,
    pub decimal_comma: Option<bool>,
    pub date_format: Option<String>,
    pub currency: Option<String>,
    pub encoding: Option<String>,
    pub country: Option<String>,
    pub debtor: Option<DebtorStatus>,
    #[serde(default)]
    pub map: std::collections::BTreeMap<String, Headers>,
    #[serde(default)]
    pub payments_map: std::collections::BTreeMap<String, Headers>,
    #[serde(default)]
    pub customers_map: std::collections::BTreeMap<String, Headers>,
}

/// One header, or several (the address, whose columns become lines).
#[derive(Debug, serde::Deserialize)]
#[serde(untagged)]
pub enum Headers {
    One(String),
    Several(Vec<String>),
}

impl Profile {
    /// Reads a profile file.
    pub fn read(path: &Path) -> Result<Profile, Error> {
        let text = read_text(path, None, &mut Vec::new())?;
        toml::from_str(&text).map_err(|e| {
            Error::new(
                Code::InvalidDocument,
                format!("import profile: {}", e.message()),
            )
            .at(path.display().to_string())
        })
    }

    /// A mapping table as `FIELD=Header` arguments.
    pub fn map_args(&self, map: &std::collections::BTreeMap<String, Headers>) -> Vec<String> {
        map.iter()
            .flat_map(|(field, headers)| {
                let list = match headers {
                    Headers::One(h) => vec![h.clone()],
                    Headers::Several(v) => v.clone(),
                };
                list.into_iter().map(move |h| format!("{field}={h}"))
            })
            .collect()
    }
}

/// A ledger read from files, with what the reader noticed on the way.
pub struct Loaded {
    pub doc: LedgerDocument,
    pub origins: Origins,
    /// Things the user should know (an encoding that was detected, ...), printed as notes.
    pub notes: Vec<String>,
}

/// A column the reader knows: the field it fills, whether a file must have it, and the headers
/// it is found under without a mapping (the field name first).
struct Field {
    name: &'static str,
    required: bool,
    headers: &'static [&'static str],
    /// Headers other tools commonly use, suggested (never applied) when the column is missing.
    hints: &'static [&'static str],
}

const fn field(
    name: &'static str,
    required: bool,
    headers: &'static [&'static str],
    hints: &'static [&'static str],
) -> Field {
    Field {
        name,
        required,
        headers,
        hints,
    }
}

/// Invoice columns. `due_date` may be empty when `terms` is given; the customer's details may be
/// repeated on every row (the first non-empty value counts).
const INVOICE_FIELDS: &[Field] = &[
    field(
        "id",
        true,
        &["id"],
        &[
            "n° facture",
            "n° de facture",
            "numéro de facture",
            "numero facture",
            "facture",
            "invoice number",
            "invoice no",
            "invoice",
            "rechnungsnummer",
            "rechnung",
        ],
    ),
    field(
        "customer",
        true,
        &["customer"],
        &["client", "code client", "tiers", "kunde", "kundennummer"],
    ),
    field(
        "customer_name",
        false,
        &["customer_name"],
        &[
            "raison sociale",
            "nom du client",
            "nom client",
            "name",
            "firma",
        ],
    ),
    field(
        "customer_country",
        false,
        &["customer_country", "country"],
        &["pays", "land"],
    ),
    field(
        "customer_address",
        false,
        &["customer_address", "address"],
        &["adresse", "anschrift"],
    ),
    field("customer_email", false, &["customer_email", "email"], &[]),
    field(
        "customer_sector",
        false,
        &["customer_sector", "sector"],
        &[],
    ),
    field("debtor", false, &["debtor", "customer_debtor"], &[]),
    field(
        "issue_date",
        true,
        &["issue_date"],
        &[
            "date",
            "date facture",
            "date de facture",
            "date d'émission",
            "invoice date",
            "rechnungsdatum",
            "datum",
        ],
    ),
    field(
        "due_date",
        false,
        &["due_date"],
        &[
            "échéance",
            "date d'échéance",
            "date échéance",
            "due date",
            "fälligkeit",
            "fällig am",
        ],
    ),
    field("terms", false, &["terms"], &[]),
    field(
        "amount",
        true,
        &["amount"],
        &[
            "montant ttc",
            "total ttc",
            "ttc",
            "montant",
            "total",
            "betrag",
            "bruttobetrag",
        ],
    ),
    field("net_amount", false, &["net_amount"], &["montant ht", "ht"]),
    field(
        "tax_amount",
        false,
        &["tax_amount"],
        &["tva", "montant tva"],
    ),
    field(
        "currency",
        false,
        &["currency"],
        &["devise", "monnaie", "währung"],
    ),
    field(
        "paid_date",
        false,
        &["paid_date"],
        &[
            "payée le",
            "date de paiement",
            "date de règlement",
            "date règlement",
            "paid on",
            "bezahlt am",
        ],
    ),
    field("paid_amount", false, &["paid_amount"], &[]),
];

/// Payment columns.
const PAYMENT_FIELDS: &[Field] = &[
    field("id", false, &["id"], &[]),
    field("customer", false, &["customer"], &["client", "kunde"]),
    field(
        "invoice",
        false,
        &["invoice"],
        &["facture", "n° facture", "rechnung"],
    ),
    field(
        "date",
        true,
        &["date"],
        &["date de paiement", "date règlement", "datum"],
    ),
    field("amount", true, &["amount"], &["montant", "betrag"]),
    field("currency", false, &["currency"], &["devise", "währung"]),
];

/// Customer columns.
const CUSTOMER_FIELDS: &[Field] = &[
    field(
        "id",
        true,
        &["id"],
        &["code client", "client", "kundennummer"],
    ),
    field(
        "name",
        false,
        &["name"],
        &["raison sociale", "nom", "firma"],
    ),
    field("country", false, &["country"], &["pays", "land"]),
    field("address", false, &["address"], &["adresse", "anschrift"]),
    field("email", false, &["email"], &[]),
    field("sector", false, &["sector"], &["secteur", "branche"]),
    field("segment", false, &["segment"], &[]),
    field("debtor", false, &["debtor"], &[]),
];

/// Fields whose mapping may name several columns (each cell one line of the address).
const MULTI_COLUMN: &[&str] = &["customer_address", "address"];

/// Where each record of the assembled document came from, to point errors at file lines: per
/// list, the file and line of each record; per file, its headers as written.
#[derive(Default)]
pub struct Origins {
    /// (file name, field → header as written in it).
    files: Vec<(String, HashMap<String, String>)>,
    /// `invoices[i]` → (file index, line).
    invoices: Vec<(u32, u64)>,
    /// `payments[i]` → (file index, line).
    payments: Vec<(u32, u64)>,
}

impl Origins {
    /// Registers a file; returns its index.
    fn file(&mut self, name: &str, headers: HashMap<String, String>) -> u32 {
        self.files.push((name.to_string(), headers));
        u32::try_from(self.files.len().saturating_sub(1)).unwrap_or(u32::MAX)
    }

    /// The (file line, headers) a core path's head (`invoices[3]`) came from.
    fn row(&self, head: &str) -> Option<(String, &HashMap<String, String>)> {
        let (list, rest) = head.split_once('[')?;
        let index: usize = rest.strip_suffix(']')?.parse().ok()?;
        let (file, line) = match list {
            "invoices" => self.invoices.get(index)?,
            "payments" => self.payments.get(index)?,
            _ => return None,
        };
        let (name, headers) = self.files.get(*file as usize)?;
        Some((format!("{name}:{line}"), headers))
    }
}

impl Origins {
    /// Rewrites core paths such as `invoices[3].amount` into `ledger.csv:5:Montant TTC`; a path
    /// with no line behind it (a JSON ledger) becomes `FILE: invoices[3].amount`, the same form
    /// for parse errors and validation errors.
    pub fn locate(&self, e: Error, fallback: &str) -> Error {
        e.map_paths(|path| {
            let path = path.unwrap_or_default();
            let (head, field) = match path.find(']') {
                Some(i) => {
                    let (head, rest) = path.split_at(i.saturating_add(1).min(path.len()));
                    (head, rest.trim_start_matches('.'))
                }
                None => (path, ""),
            };
            Some(match self.row(head) {
                Some((line, headers)) => {
                    let field_root = field.split(['.', '[']).next().unwrap_or("");
                    match headers.get(field_root) {
                        Some(h) => format!("{line}:{h}"),
                        None if field.is_empty() => line,
                        None => format!("{line}:{field}"),
                    }
                }
                None if path.is_empty() => fallback.to_string(),
                None => format!("{fallback}: {path}"),
            })
        })
    }
}

/// Loads the ledger named by the options.
pub fn load(opts: &Options) -> Result<Loaded, Error> {
    let mut notes = Vec::new();
    let is_json = opts
        .ledger
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        if opts.payments.is_some() || opts.customers.is_some() {
            return Err(Error::new(
                Code::InvalidValue,
                "--payments and --customers go with an invoices CSV; a JSON ledger holds its own payments and customers",
            ));
        }
        let file = opts.ledger.display().to_string();
        let text = read_text(&opts.ledger, opts.encoding.as_deref(), &mut notes)?;
        let mut doc = arrears::ops::from_json_str::<LedgerDocument>(&text)
            .map_err(|e| Origins::default().locate(e, &file))?;
        doc.apply_customer_defaults(&opts.defaults);
        return Ok(Loaded {
            doc,
            origins: Origins::default(),
            notes,
        });
    }
    let mut problems = Vec::new();
    let invoices_map = parse_mapping("--map", &opts.map, INVOICE_FIELDS, &mut problems);
    let payments_map = parse_mapping(
        "--payments-map",
        &opts.payments_map,
        PAYMENT_FIELDS,
        &mut problems,
    );
    let customers_map = parse_mapping(
        "--customers-map",
        &opts.customers_map,
        CUSTOMER_FIELDS,
        &mut problems,
    );
    if opts.payments.is_none() && !opts.payments_map.is_empty() {
        problems.push(Error::new(
            Code::InvalidValue,
            "--payments-map is given without --payments FILE",
        ));
    }
    if opts.customers.is_none() && !opts.customers_map.is_empty() {
        problems.push(Error::new(
            Code::InvalidValue,
            "--customers-map is given without --customers FILE",
        ));
    }
    let delimiter = delimiter_byte(opts)?;
    let reader = CsvReader {
        opts,
        delimiter,
        refused_ids: Vec::new(),
    };
    let mut reader = reader;
    let mut doc = LedgerDocument::default();
    let mut origins = Origins::default();
    let mut customers = CustomerTable::default();

    if let Some(path) = &opts.customers {
        if let Some(t) = reader.open(
            path,
            CUSTOMER_FIELDS,
            &customers_map,
            "--customers-map",
            &mut problems,
            &mut notes,
        )? {
            reader.customers(&t, &mut customers, &mut problems);
        }
    }
    if let Some(t) = reader.open(
        &opts.ledger,
        INVOICE_FIELDS,
        &invoices_map,
        "--map",
        &mut problems,
        &mut notes,
    )? {
        reader.invoices(&t, &mut doc, &mut origins, &mut customers, &mut problems);
    }
    if let Some(path) = &opts.payments {
        if let Some(t) = reader.open(
            path,
            PAYMENT_FIELDS,
            &payments_map,
            "--payments-map",
            &mut problems,
            &mut notes,
        )? {
            reader.payments(&t, &mut doc, &mut origins, &mut problems);
        }
    }
    doc.customers = customers.into_records(&doc);
    doc.apply_customer_defaults(&opts.defaults);

    if problems.is_empty() {
        return Ok(Loaded {
            doc,
            origins,
            notes,
        });
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

/// `--delimiter` as the byte the CSV reader takes.
fn delimiter_byte(opts: &Options) -> Result<u8, Error> {
    u8::try_from(u32::from(opts.delimiter)).map_err(|_| {
        Error::new(
            Code::InvalidValue,
            "--delimiter must be a single ASCII character",
        )
    })
}

/// Reads a customers table alone (`--customers` beside a FEC): CSV with the customers' columns,
/// `--customers-map` and the CSV options; every problem reported at once.
pub fn read_customers(
    opts: &Options,
    path: &Path,
) -> Result<(Vec<CustomerRecord>, Vec<String>), Error> {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let customers_map = parse_mapping(
        "--customers-map",
        &opts.customers_map,
        CUSTOMER_FIELDS,
        &mut problems,
    );
    let delimiter = delimiter_byte(opts)?;
    let mut reader = CsvReader {
        opts,
        delimiter,
        refused_ids: Vec::new(),
    };
    let mut customers = CustomerTable::default();
    if let Some(t) = reader.open(
        path,
        CUSTOMER_FIELDS,
        &customers_map,
        "--customers-map",
        &mut problems,
        &mut notes,
    )? {
        reader.customers(&t, &mut customers, &mut problems);
    }
    match Error::from_many(problems) {
        Some(e) => Err(e),
        None => Ok((customers.into_records(&LedgerDocument::default()), notes)),
    }
}

/// Reads a file as text. Without `--encoding`, UTF-8 (with or without a byte-order mark) and
/// UTF-16 with its mark are read as such; any other file is read as Windows-1252, what spreadsheet
/// programs on Windows write (ISO-8859-15 when it has the euro sign where that encoding puts it),
/// and a note says so.
pub fn read_text(
    path: &Path,
    encoding: Option<&str>,
    notes: &mut Vec<String>,
) -> Result<String, Error> {
    let bytes = crate::files::read_input(path)?;
    decode(&bytes, encoding, &path.display().to_string(), notes)
}

fn decode(
    bytes: &[u8],
    encoding: Option<&str>,
    file: &str,
    notes: &mut Vec<String>,
) -> Result<String, Error> {
    if let Some(label) = encoding {
        let Some(enc) = encoding_rs::Encoding::for_label(label.trim().as_bytes()) else {
            return Err(Error::new(
                Code::InvalidValue,
                format!(
                    "--encoding {label:?} is not an encoding name; use utf-8, windows-1252, iso-8859-15 or utf-16"
                ),
            ));
        };
        if enc == encoding_rs::UTF_8 {
            return strict_utf8(bytes, file);
        }
        let (text, _, had_errors) = enc.decode(bytes);
        if had_errors {
            return Err(Error::new(
                Code::InvalidEncoding,
                format!("{file} is not valid {}", enc.name()),
            ));
        }
        return Ok(text.into_owned());
    }
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, had_errors) = enc.decode(bytes);
        if had_errors {
            return Err(Error::new(
                Code::InvalidEncoding,
                format!(
                    "{file} starts as {} but is not valid {}",
                    enc.name(),
                    enc.name()
                ),
            ));
        }
        return Ok(text.into_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => {
            let enc = single_byte_guess(bytes);
            let (text, _, _) = enc.decode(bytes);
            notes.push(format!(
                "{file} is not UTF-8: read as {} (what spreadsheet programs write); pass --encoding to choose another",
                enc.name()
            ));
            Ok(text.into_owned())
        }
    }
}

/// Windows-1252 unless the bytes look like ISO-8859-15: that encoding writes `€` as 0xA4, which
/// Windows-1252 reads as `¤`, and has no characters in 0x80–0x9F, where Windows-1252 has its `€`
/// (0x80), curly quotes and dashes.
fn single_byte_guess(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let c1 = bytes.iter().any(|b| (0x80..=0x9f).contains(b));
    if !c1 && bytes.contains(&0xa4) {
        encoding_rs::ISO_8859_15
    } else {
        encoding_rs::WINDOWS_1252
    }
}

fn strict_utf8(bytes: &[u8], file: &str) -> Result<String, Error> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes
                .get(..at)
                .map_or(0, |b| b.iter().filter(|c| **c == b'\n').count())
                .saturating_add(1);
            let guess = single_byte_guess(bytes);
            Err(Error::new(
                Code::InvalidEncoding,
                format!(
                    "not UTF-8 (byte 0x{:02X} on line {line}); spreadsheet exports are often {}: pass --encoding {}",
                    bytes.get(at).copied().unwrap_or(0),
                    guess.name(),
                    guess.name().to_ascii_lowercase()
                ),
            )
            .at(file))
        }
    }
}

/// Headers compare equal whatever their case, accents' encoding (NFC) and spacing:
/// `Échéance`, `échéance` and ` ÉCHÉANCE ` are one header.
fn normalise(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `FIELD=Header` arguments → field → headers. Unknown fields, a missing `=`, and a field mapped
/// twice (except the address, whose columns become lines) are problems.
fn parse_mapping(
    flag: &str,
    map: &[String],
    fields: &[Field],
    problems: &mut Vec<Error>,
) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for m in map {
        let Some((name, header)) = m.split_once('=') else {
            problems.push(Error::new(
                Code::InvalidValue,
                format!("{flag} {m:?}: expected FIELD=HEADER, e.g. id=\"N° facture\""),
            ));
            continue;
        };
        let name = name.trim();
        if !fields.iter().any(|f| f.name == name) {
            let known: Vec<&str> = fields.iter().map(|f| f.name).collect();
            problems.push(Error::new(
                Code::InvalidValue,
                format!(
                    "{flag} {m:?}: unknown field {name:?}; fields are {}",
                    known.join(", ")
                ),
            ));
            continue;
        }
        let headers = out.entry(name.to_string()).or_default();
        if !headers.is_empty() && !MULTI_COLUMN.contains(&name) {
            problems.push(Error::new(
                Code::InvalidValue,
                format!("{flag}: field {name:?} is mapped twice"),
            ));
            continue;
        }
        headers.push(header.trim().to_string());
    }
    out
}

struct CsvReader<'a> {
    opts: &'a Options,
    delimiter: u8,
    /// Ids of invoice rows that were refused, to avoid echo errors from payments naming them.
    refused_ids: Vec<String>,
}

/// One CSV file opened with its header resolved to our field names.
struct Table {
    file: String,
    /// field → (column indices, headers as written). Several columns only for the address.
    columns: HashMap<String, (Vec<usize>, String)>,
    records: Vec<(u64, csv::StringRecord)>,
    /// Fields the file must have but does not: their cells are not checked.
    missing: Vec<String>,
    /// Field → a header of the file that other tools use for it, for fields not found.
    suggestions: HashMap<String, String>,
}

impl Table {
    fn has(&self, field: &str) -> bool {
        self.columns.contains_key(field)
    }

    fn get<'r>(&self, rec: &'r csv::StringRecord, field: &str) -> Option<&'r str> {
        self.columns
            .get(field)
            .and_then(|(i, _)| i.first())
            .and_then(|i| rec.get(*i))
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    /// Every non-empty cell of a (multi-column) field, each split into its lines.
    fn lines(&self, rec: &csv::StringRecord, field: &str) -> Vec<String> {
        self.columns
            .get(field)
            .into_iter()
            .flat_map(|(idx, _)| idx.iter())
            .filter_map(|i| rec.get(*i))
            .flat_map(|cell| cell.split(['\n', '\r', '|']))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
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

/// What the files say about each customer: the first non-empty value of each detail, and where
/// the country and the kind of debtor were read (two rows that disagree are a problem).
#[derive(Default)]
struct CustomerTable {
    order: Vec<String>,
    records: HashMap<String, CustomerRecord>,
    /// (customer, field) → (value, where).
    seen: HashMap<(String, &'static str), (String, String)>,
}

impl CustomerTable {
    fn entry(&mut self, id: &str) -> &mut CustomerRecord {
        if !self.records.contains_key(id) {
            self.order.push(id.to_string());
        }
        self.records
            .entry(id.to_string())
            .or_insert_with(|| CustomerRecord::new(id))
    }

    /// Records a law-relevant detail, reporting a row that contradicts an earlier one.
    fn law_detail(
        &mut self,
        id: &str,
        field: &'static str,
        value: &str,
        at: String,
        problems: &mut Vec<Error>,
    ) -> bool {
        let key = (id.to_string(), field);
        match self.seen.get(&key) {
            Some((v, first)) if !v.eq_ignore_ascii_case(value) => {
                problems.push(
                    Error::new(
                        Code::InvalidCell,
                        format!("customer {id:?} has {field} {value:?} here but {v:?} at {first}"),
                    )
                    .at(at),
                );
                false
            }
            Some(_) => false,
            None => {
                self.seen.insert(key, (value.to_string(), at));
                true
            }
        }
    }

    /// One record per customer named by an invoice or a payment, in first-seen order, with the
    /// details the files gave.
    fn into_records(mut self, doc: &LedgerDocument) -> Vec<CustomerRecord> {
        for id in doc
            .invoices
            .iter()
            .map(|i| i.customer.clone())
            .chain(doc.payments.iter().filter_map(|p| p.customer.clone()))
        {
            self.entry(&id);
        }
        let CustomerTable {
            order, mut records, ..
        } = self;
        order
            .into_iter()
            .filter_map(|id| records.remove(&id))
            .collect()
    }
}

impl CsvReader<'_> {
    /// Opens a CSV file and resolves its header. File-level problems (missing columns, a mapped
    /// header that is not there, rows with the wrong number of fields) go to `problems`; the
    /// rows are still read so that their cells can be checked in the same run. `None` when the
    /// file has no header at all.
    fn open(
        &mut self,
        path: &Path,
        fields: &[Field],
        mapping: &HashMap<String, Vec<String>>,
        flag: &str,
        problems: &mut Vec<Error>,
        notes: &mut Vec<String>,
    ) -> Result<Option<Table>, Error> {
        let file = path.display().to_string();
        let text = read_text(path, self.opts.encoding.as_deref(), notes)?;
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(self.delimiter)
            // Rows with the wrong number of fields are reported line by line below while the
            // other rows are still checked, so one run lists every problem of the file.
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let header: Vec<String> = match rdr.headers() {
            Ok(h) => h.iter().map(|h| h.trim().to_string()).collect(),
            Err(e) => {
                problems.push(
                    Error::new(Code::Unreadable, format!("cannot read the header: {e}")).at(&file),
                );
                return Ok(None);
            }
        };
        if header.len() == 1 && self.delimiter != b';' && header.iter().any(|h| h.contains(';')) {
            problems.push(
                Error::new(
                    Code::Unreadable,
                    "the header has one column with ';' in it: the file is separated by semicolons; pass --delimiter ';'",
                )
                .at(&file),
            );
            return Ok(None);
        }
        let normalised: Vec<String> = header.iter().map(|h| normalise(h)).collect();
        let find = |wanted: &str| normalised.iter().position(|h| *h == normalise(wanted));
        let mut columns = HashMap::new();
        let mut missing = Vec::new();
        let mut missing_required = Vec::new();
        for f in fields {
            match mapping.get(f.name) {
                Some(wanted) => {
                    let mut idx = Vec::new();
                    for w in wanted {
                        match find(w) {
                            Some(i) => idx.push(i),
                            None => problems.push(
                                Error::new(
                                    Code::MissingColumn,
                                    format!(
                                        "mapped column {w:?} (for {}) is not in the file; its columns are: {}",
                                        f.name,
                                        header.join(", ")
                                    ),
                                )
                                .at(&file),
                            ),
                        }
                    }
                    if idx.is_empty() {
                        missing.push(f.name.to_string());
                    } else {
                        let shown = wanted.join(" + ");
                        columns.insert(f.name.to_string(), (idx, shown));
                    }
                }
                None => match f.headers.iter().find_map(|h| find(h)) {
                    Some(i) => {
                        columns.insert(
                            f.name.to_string(),
                            (vec![i], header.get(i).cloned().unwrap_or_default()),
                        );
                    }
                    None if f.required => {
                        missing.push(f.name.to_string());
                        missing_required.push(f);
                    }
                    None => {}
                },
            }
        }
        if !missing_required.is_empty() {
            // One problem for all of them, with the mapping that would fix the file when its
            // headers are ones other tools commonly use.
            let names: Vec<&str> = missing_required.iter().map(|f| f.name).collect();
            let suggestions: Vec<String> = missing_required
                .iter()
                .filter_map(|f| {
                    f.hints
                        .iter()
                        .find_map(|h| find(h))
                        .and_then(|i| header.get(i))
                        .map(|h| format!("{flag} {}={h:?}", f.name))
                })
                .collect();
            let hint = if suggestions.is_empty() {
                format!("name the columns with {flag} FIELD=\"Header\"")
            } else {
                format!("perhaps: {}", suggestions.join(" "))
            };
            problems.push(
                Error::new(
                    Code::MissingColumn,
                    format!(
                        "missing column{} {}; the file's columns are: {}; {hint}",
                        if names.len() > 1 { "s" } else { "" },
                        names.join(", "),
                        header.join(", "),
                    ),
                )
                .at(&file),
            );
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
        let suggestions = fields
            .iter()
            .filter(|f| !columns.contains_key(f.name))
            .filter_map(|f| {
                f.hints
                    .iter()
                    .find_map(|h| find(h))
                    .and_then(|i| header.get(i))
                    .map(|h| (f.name.to_string(), h.clone()))
            })
            .collect();
        Ok(Some(Table {
            file,
            columns,
            records,
            missing,
            suggestions,
        }))
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
            parse_date(s).map_err(|e| {
                let hint = if s.contains('/') || s.contains('.') {
                    "; pass --date-format, e.g. '%d/%m/%Y' for 31/05/2026"
                } else {
                    ""
                };
                Error::new(e.code(), format!("{}{hint}", e.message()))
            })
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
        let cleaned = strip_currency(s);
        let normalised = if self.opts.decimal_comma {
            decimal_comma(cleaned)
        } else {
            Ok(cleaned.to_string())
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

    /// The currency of a row: its cell, else `--currency`. A file with neither is reported once
    /// (by the caller), not on every row.
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
            Some(c) => Currency::from_code(&c.trim().to_ascii_uppercase())
                .map_err(|e| problems.push(e.at(t.at(line, "currency"))))
                .ok(),
            None if t.has("currency") => {
                problems.push(
                    Error::new(
                        Code::InvalidCell,
                        "currency is empty (pass --currency for rows without one)",
                    )
                    .at(t.at(line, "currency")),
                );
                None
            }
            None => None,
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
        if !t.has(field) {
            return None;
        }
        let v = t.get(rec, field);
        if v.is_none() {
            problems.push(
                Error::new(Code::InvalidCell, format!("{field} is empty")).at(t.at(line, field)),
            );
        }
        v
    }

    fn debtor(
        &self,
        t: &Table,
        rec: &csv::StringRecord,
        line: u64,
        field: &str,
        problems: &mut Vec<Error>,
    ) -> Option<DebtorStatus> {
        let s = t.get(rec, field)?;
        s.parse::<DebtorStatus>()
            .map_err(|e| problems.push(e.at(t.at(line, field))))
            .ok()
    }

    fn customers(&self, t: &Table, table: &mut CustomerTable, problems: &mut Vec<Error>) {
        for (line, rec) in &t.records {
            let line = *line;
            let Some(id) = self.required(t, rec, line, "id", problems) else {
                continue;
            };
            if table.records.contains_key(id) {
                problems.push(
                    Error::new(
                        Code::DuplicateId,
                        format!("customer {id:?} appears more than once"),
                    )
                    .at(t.at(line, "id")),
                );
                continue;
            }
            let debtor = self.debtor(t, rec, line, "debtor", problems);
            if let Some(country) = t.get(rec, "country") {
                table.law_detail(
                    id,
                    "country",
                    country,
                    format!("{}:{line}", t.file),
                    problems,
                );
            }
            let c = table.entry(id);
            c.name = t.get(rec, "name").map(str::to_string);
            c.country = t.get(rec, "country").map(|s| s.to_ascii_uppercase());
            c.address = t.lines(rec, "address");
            c.email = t.get(rec, "email").map(str::to_string);
            c.sector = t.get(rec, "sector").map(str::to_string);
            c.segment = t.get(rec, "segment").map(str::to_string);
            c.debtor = debtor;
        }
    }

    fn invoices(
        &mut self,
        t: &Table,
        doc: &mut LedgerDocument,
        origins: &mut Origins,
        customers: &mut CustomerTable,
        problems: &mut Vec<Error>,
    ) {
        let file = origins.file(&t.file, t.headers());
        // File-level gaps, reported once rather than on every row.
        if !t.has("currency") && self.opts.currency.is_none() {
            let hint = match t.suggestions.get("currency") {
                Some(h) => format!("perhaps: --map currency={h:?}"),
                None => "pass --currency EUR".to_string(),
            };
            problems.push(
                Error::new(
                    Code::MissingColumn,
                    format!("no currency: the file has no currency column; {hint}"),
                )
                .at(&t.file),
            );
        }
        if !t.has("due_date") && !t.has("terms") && !t.missing.iter().any(|m| m == "due_date") {
            let hint = match t.suggestions.get("due_date") {
                Some(h) => format!("perhaps: --map due_date={h:?}"),
                None => "map the due date with --map due_date=\"Header\"".to_string(),
            };
            problems.push(
                Error::new(
                    Code::MissingColumn,
                    format!(
                        "no due date: the file has neither a due_date nor a terms column; {hint}"
                    ),
                )
                .at(&t.file),
            );
        }
        for (line, rec) in &t.records {
            let line = *line;
            let before = problems.len();
            let id = self.required(t, rec, line, "id", problems);
            let customer = self.required(t, rec, line, "customer", problems);
            let issue = self.date(t, rec, line, "issue_date", problems);
            self.required(t, rec, line, "issue_date", problems);
            let due = self.date(t, rec, line, "due_date", problems);
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
            if due.is_none()
                && terms.is_none()
                && t.get(rec, "due_date").is_none()
                && (t.has("due_date") || t.has("terms"))
            {
                let field = if t.has("due_date") {
                    "due_date"
                } else {
                    "terms"
                };
                problems.push(
                    Error::new(
                        Code::InvalidCell,
                        "no due date: the due date is empty and the row has no terms",
                    )
                    .at(t.at(line, field)),
                );
            }
            let amount = self.amount(t, rec, line, "amount", problems);
            self.required(t, rec, line, "amount", problems);
            let net = self.amount(t, rec, line, "net_amount", problems);
            let tax = self.amount(t, rec, line, "tax_amount", problems);
            let currency = self.currency(t, rec, line, problems);
            let paid_date = self.date(t, rec, line, "paid_date", problems);
            let paid_amount = self.amount(t, rec, line, "paid_amount", problems);
            let debtor = self.debtor(t, rec, line, "debtor", problems);
            if let (Some(customer), Some(country)) = (customer, t.get(rec, "customer_country")) {
                customers.law_detail(
                    customer,
                    "country",
                    country,
                    t.at(line, "customer_country"),
                    problems,
                );
            }
            if let (Some(customer), Some(d)) = (customer, debtor) {
                customers.law_detail(
                    customer,
                    "debtor",
                    d.as_str(),
                    t.at(line, "debtor"),
                    problems,
                );
            }
            let no_due_date = !t.has("due_date") && !t.has("terms");
            if problems.len() != before || !t.missing.is_empty() || no_due_date {
                if let Some(id) = id {
                    self.refused_ids.push(id.to_string());
                }
                continue;
            }
            let (Some(id), Some(customer), Some(issue), Some(amount), Some(currency)) =
                (id, customer, issue, amount, currency)
            else {
                continue;
            };
            let c = customers.entry(customer);
            if c.name.is_none() {
                c.name = t.get(rec, "customer_name").map(str::to_string);
            }
            if c.country.is_none() {
                c.country = t
                    .get(rec, "customer_country")
                    .map(|s| s.to_ascii_uppercase());
            }
            if c.address.is_empty() {
                c.address = t.lines(rec, "customer_address");
            }
            if c.email.is_none() {
                c.email = t.get(rec, "customer_email").map(str::to_string);
            }
            if c.sector.is_none() {
                c.sector = t.get(rec, "customer_sector").map(str::to_string);
            }
            if c.debtor.is_none() {
                c.debtor = debtor;
            }
            origins.invoices.push((file, line));
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
                origins.payments.push((file, line));
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
    }

    fn payments(
        &self,
        t: &Table,
        doc: &mut LedgerDocument,
        origins: &mut Origins,
        problems: &mut Vec<Error>,
    ) {
        let file = origins.file(&t.file, t.headers());
        let mut without_currency = 0usize;
        let invoice_currency_of: HashMap<&str, Currency> = doc
            .invoices
            .iter()
            .map(|i| (i.id.as_str(), i.currency))
            .collect();
        let mut read = Vec::with_capacity(t.records.len());
        for (line, rec) in &t.records {
            let line = *line;
            let before = problems.len();
            let date = self.date(t, rec, line, "date", problems);
            self.required(t, rec, line, "date", problems);
            let amount = self.amount(t, rec, line, "amount", problems);
            self.required(t, rec, line, "amount", problems);
            // A payment naming an invoice, without a currency of its own, is in the invoice's
            // currency; --currency is for the rows naming none (the same rule as
            // arrears::portfolio::build).
            let invoice_currency = t
                .get(rec, "invoice")
                .and_then(|id| invoice_currency_of.get(id).copied());
            let currency = match invoice_currency {
                Some(c) if t.get(rec, "currency").is_none() => Some(c),
                _ => self.currency(t, rec, line, problems),
            };
            if currency.is_none() && !t.has("currency") {
                without_currency = without_currency.saturating_add(1);
            }
            if problems.len() != before || !t.missing.is_empty() {
                continue;
            }
            let (Some(date), Some(amount), Some(currency)) = (date, amount, currency) else {
                continue;
            };
            read.push((
                line,
                PaymentRecord {
                    id: t.get(rec, "id").map(str::to_string),
                    customer: t.get(rec, "customer").map(str::to_string),
                    date,
                    amount,
                    currency,
                    invoice: t.get(rec, "invoice").map(str::to_string),
                    allocations: None,
                    kind: PaymentKind::Payment,
                },
            ));
        }
        for (line, payment) in read {
            origins.payments.push((file, line));
            doc.payments.push(payment);
        }
        if without_currency > 0 {
            problems.push(
                Error::new(
                    Code::MissingColumn,
                    format!(
                        "no currency for {without_currency} payment(s) that name no invoice: the file has no currency column; pass --currency EUR"
                    ),
                )
                .at(&t.file),
            );
        }
    }
}

/// `1 234,50 €` or `€1,234.50` → the number alone: exports often keep the currency sign.
fn strip_currency(s: &str) -> &str {
    s.trim_matches(|c: char| matches!(c, '€' | '£' | '$') || c.is_whitespace())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_comma_forms() {
        assert_eq!(decimal_comma("12,50").unwrap(), "12.50");
        assert_eq!(decimal_comma("1 234,50").unwrap(), "1234.50");
        assert_eq!(decimal_comma("1.234,50").unwrap(), "1234.50");
        assert_eq!(decimal_comma("1\u{202f}234,50").unwrap(), "1234.50");
        assert!(decimal_comma("12.5").is_err());
    }

    #[test]
    fn currency_signs_are_not_part_of_the_amount() {
        assert_eq!(strip_currency("1 234,50 €"), "1 234,50");
        assert_eq!(strip_currency("£12.00"), "12.00");
        assert_eq!(strip_currency("12,00"), "12,00");
    }

    #[test]
    fn headers_match_whatever_the_case_and_accent_encoding() {
        // "Échéance" precomposed (NFC) and decomposed (NFD, as macOS writes it), any case.
        let nfc = "\u{c9}ch\u{e9}ance";
        let nfd = "E\u{301}che\u{301}ance";
        assert_eq!(normalise(nfc), normalise("échéance"));
        assert_eq!(normalise(nfd), normalise(" ÉCHÉANCE "));
        assert_eq!(normalise("Montant  TTC"), "montant ttc");
    }

    #[test]
    fn windows_1252_and_iso_8859_15_are_told_apart_by_the_euro_sign() {
        // "Échéance;Montant €" in Windows-1252 (€ = 0x80) and in ISO-8859-15 (€ = 0xA4).
        let w1252 = b"\xc9ch\xe9ance;Montant \x80";
        let latin9 = b"\xc9ch\xe9ance;Montant \xa4";
        let mut notes = Vec::new();
        assert_eq!(
            decode(w1252, None, "f", &mut notes).unwrap(),
            "Échéance;Montant €"
        );
        assert_eq!(
            decode(latin9, None, "f", &mut notes).unwrap(),
            "Échéance;Montant €"
        );
        assert_eq!(notes.len(), 2);
        let e = decode(w1252, Some("utf-8"), "f.csv", &mut notes).unwrap_err();
        assert_eq!(e.code(), Code::InvalidEncoding);
        assert!(
            e.message().contains("--encoding windows-1252"),
            "{}",
            e.message()
        );
        assert_eq!(
            decode(latin9, Some("iso-8859-15"), "f", &mut notes).unwrap(),
            "Échéance;Montant €"
        );
    }
}
