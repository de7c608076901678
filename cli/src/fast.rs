//! The fast path from CSV tables to the batch engine's columns ([`arrears::portfolio::columns::Book`]):
//! for tables that use the document's field names as headers, UTF-8, ISO dates and decimal points
//! (what `arrears generate`, databases and most programs write), the files are streamed straight
//! into columns, with the checks [`arrears::ledger::Ledger::new`] makes on such a ledger; the
//! payments are read on a second thread while the invoices are read. Anything else (a column
//! mapping, decimal commas, another encoding or date format, terms, paid dates, a check that fails)
//! returns `None`, and the caller takes the general import, which reads every export and reports
//! every problem with its line. A property test holds the two paths to the same table.

use std::collections::HashMap;
use std::fs::File;
use std::path::Path;

use arrears::ledger::DebtorStatus;
use arrears::money::Currency;
use arrears::portfolio::build::{Amount, BookBuilder, Defaults};
use arrears::portfolio::columns::{Book, Strings};
use arrears::Error;

use crate::import::Options;

/// Reads the book, or `None` when the general import must do it.
///
/// # Errors
/// A file that cannot be opened.
pub fn read_book(opts: &Options) -> Result<Option<Book>, Error> {
    let canonical = opts.map.is_empty()
        && opts.payments_map.is_empty()
        && opts.customers_map.is_empty()
        && !opts.decimal_comma
        && opts.date_format == "%Y-%m-%d"
        && opts
            .encoding
            .as_deref()
            .is_none_or(|e| e.eq_ignore_ascii_case("utf-8") || e.eq_ignore_ascii_case("utf8"))
        && opts
            .ledger
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if !canonical {
        return Ok(None);
    }
    let Ok(delimiter) = u8::try_from(u32::from(opts.delimiter)) else {
        return Ok(None);
    };
    let open = |p: &Path| crate::files::open_input(p);
    let invoices = open(&opts.ledger)?;
    let payments = opts.payments.as_deref().map(open).transpose()?;
    let customers = opts.customers.as_deref().map(open).transpose()?;
    // Bad defaults are the general import's to report, with its wording.
    let Ok(defaults) = Defaults::from_options(opts.currency.as_deref(), &opts.defaults) else {
        return Ok(None);
    };
    Ok(build(invoices, payments, customers, delimiter, defaults))
}

/// One table: its header positions and a streaming reader.
struct Table {
    columns: HashMap<&'static str, usize>,
    reader: csv::Reader<File>,
    record: csv::StringRecord,
}

impl Table {
    fn open(file: File, delimiter: u8, allowed: &[&'static str]) -> Option<Table> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .buffer_capacity(1 << 16)
            .from_reader(file);
        let mut header = csv::ByteRecord::new();
        if !reader.read_byte_record(&mut header).ok()? {
            return None;
        }
        let mut columns = HashMap::new();
        for (i, h) in header.iter().enumerate() {
            // Only UTF-8 (with or without a byte-order mark) is read here.
            let h = if i == 0 {
                h.strip_prefix(b"\xef\xbb\xbf").unwrap_or(h)
            } else {
                h
            };
            let name = std::str::from_utf8(h).ok()?.trim();
            let name: &'static str = allowed.iter().find(|a| **a == name)?;
            if columns.insert(name, i).is_some() {
                return None;
            }
        }
        Some(Table {
            columns,
            reader,
            record: csv::StringRecord::new(),
        })
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.columns.get(name).copied()
    }

    /// The next row that is not blank; `Some(false)` at the end, `None` on a row the general
    /// import must read (not UTF-8, not CSV). The whole row is checked as UTF-8 once, here.
    fn next(&mut self) -> Option<bool> {
        loop {
            if !self.reader.read_record(&mut self.record).ok()? {
                return Some(false);
            }
            if !self.record.iter().all(|c| trim(c).is_empty()) {
                return Some(true);
            }
        }
    }

    /// A cell of the current row, trimmed as the general import trims (Unicode white space, e.g.
    /// a no-break space); `None` when empty.
    fn cell(&self, column: Option<usize>) -> Option<&str> {
        let v = trim(self.record.get(column?)?);
        (!v.is_empty()).then_some(v)
    }
}

/// `str::trim` (Unicode white space, as the general import trims), with the ASCII case first: a
/// no-break space can only be at an edge that is not ASCII.
fn trim(s: &str) -> &str {
    let v = s.trim_ascii();
    if v.as_bytes().first().is_some_and(|b| *b >= 0x80)
        || v.as_bytes().last().is_some_and(|b| *b >= 0x80)
    {
        v.trim()
    } else {
        v
    }
}

/// `YYYY-MM-DD` → day number, strictly (four-digit years, two-digit months and days).
fn day(bytes: &[u8]) -> Option<i32> {
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = bytes else {
        return None;
    };
    // At most four digits: no overflow.
    let number = |digits: &[u8]| -> Option<u32> {
        digits.iter().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| {
                n.wrapping_mul(10)
                    .wrapping_add(u32::from(b.wrapping_sub(b'0')))
            })
        })
    };
    let date = chrono::NaiveDate::from_ymd_opt(
        i32::try_from(number(&[y0, y1, y2, y3])?).ok()?,
        number(&[m0, m1])?,
        number(&[d0, d1])?,
    )?;
    Some(arrears::portfolio::columns::day_number(date))
}

/// `1234.5` → the digits and how many follow the point (`12345` at scale 1); plain digits only
/// (no sign, no exponent, no separators: those go the general way).
fn decimal(bytes: &[u8]) -> Option<Amount> {
    let (int, frac) = match bytes.iter().position(|b| *b == b'.') {
        Some(i) => (bytes.get(..i)?, bytes.get(i.checked_add(1)?..)?),
        None => (bytes, &b""[..]),
    };
    if int.is_empty() || int.len() > 15 || frac.len() > 4 {
        return None;
    }
    let mut v: i64 = 0;
    for b in int.iter().chain(frac) {
        if !b.is_ascii_digit() {
            return None;
        }
        v = v
            .checked_mul(10)?
            .checked_add(i64::from(b.checked_sub(b'0')?))?;
    }
    Some(Amount::Scaled {
        digits: i128::from(v),
        scale: u32::try_from(frac.len()).ok()?,
    })
}

/// `1234.5` → minor units, exact, above zero.
#[cfg(test)]
fn amount(bytes: &[u8], units: u32) -> Option<i64> {
    let currency = if units == 0 {
        Currency::from_code("JPY").ok()?
    } else {
        Currency::EUR
    };
    decimal(bytes)?.in_minor_units(currency).ok()
}

/// Currency codes as written, parsed once each.
#[derive(Default)]
struct Currencies {
    known: Vec<([u8; 3], Currency)>,
}

impl Currencies {
    /// The currency of a cell (`Some(None)`: no cell); `None` for a code that is not one.
    fn of(&mut self, code: Option<&str>) -> Option<Option<Currency>> {
        let Some(c) = code else {
            return Some(None);
        };
        let key: [u8; 3] = c.as_bytes().try_into().ok()?;
        if let Some((_, currency)) = self.known.iter().find(|(k, _)| *k == key) {
            return Some(Some(*currency));
        }
        let currency = Currency::from_code(&c.to_ascii_uppercase()).ok()?;
        self.known.push((key, currency));
        Some(Some(currency))
    }
}

fn build(
    invoices: File,
    payments: Option<File>,
    customers: Option<File>,
    delimiter: u8,
    defaults: Defaults,
) -> Option<Book> {
    // About 56 bytes an invoice and 48 a payment in generated and exported tables; the estimates
    // only size buffers.
    let rows = |f: &File, per: u64| {
        f.metadata()
            .ok()
            .and_then(|m| usize::try_from(m.len().checked_div(per)?).ok())
            .unwrap_or(0)
    };
    let mut builder = BookBuilder::with_capacity(
        defaults,
        rows(&invoices, 56),
        payments.as_ref().map_or(0, |p| rows(p, 48)),
    );
    if let Some(file) = customers {
        read_customers(file, delimiter, &mut builder)?;
    }
    // The payments are read on a second core while the invoices are read on this one; they are
    // matched to invoices and customers once both are in.
    let (invoices_read, raw) = std::thread::scope(|scope| {
        let payments = payments.map(|file| scope.spawn(move || read_payments(file, delimiter)));
        let invoices_read = read_invoices(invoices, delimiter, &mut builder);
        let raw = match payments {
            Some(thread) => thread.join().ok().flatten().map(Some),
            None => Some(None),
        };
        (invoices_read, raw)
    });
    invoices_read?;
    if let Some(raw) = raw? {
        raw.add_to(&mut builder)?;
    }
    Some(builder.finish())
}

fn read_customers(file: File, delimiter: u8, builder: &mut BookBuilder) -> Option<()> {
    let mut t = Table::open(
        file,
        delimiter,
        &[
            "id", "name", "country", "address", "email", "sector", "segment", "debtor",
        ],
    )?;
    let (id, country, debtor) = (t.column("id")?, t.column("country"), t.column("debtor"));
    while t.next()? {
        let debtor = match t.cell(debtor) {
            Some(d) => Some(d.parse::<DebtorStatus>().ok()?),
            None => None,
        };
        builder
            .customer(t.cell(Some(id))?, t.cell(country), debtor)
            .ok()?;
    }
    Some(())
}

fn read_invoices(file: File, delimiter: u8, builder: &mut BookBuilder) -> Option<()> {
    let mut t = Table::open(
        file,
        delimiter,
        &[
            "id",
            "customer",
            "issue_date",
            "due_date",
            "amount",
            "currency",
        ],
    )?;
    let (id, customer, issue, due, amount, currency) = (
        t.column("id")?,
        t.column("customer")?,
        t.column("issue_date")?,
        t.column("due_date")?,
        t.column("amount")?,
        t.column("currency"),
    );
    // The general import reports a file without currencies, even an empty one.
    if currency.is_none() && builder_default_currency(builder).is_none() {
        return None;
    }
    let mut currencies = Currencies::default();
    while t.next()? {
        builder
            .invoice(
                t.cell(Some(id))?,
                t.cell(Some(customer))?,
                day(t.cell(Some(issue))?.as_bytes())?,
                day(t.cell(Some(due))?.as_bytes())?,
                decimal(t.cell(Some(amount))?.as_bytes())?,
                currencies.of(t.cell(currency))?,
            )
            .ok()?;
    }
    Some(())
}

/// The default currency the builder was given (from `--currency`).
fn builder_default_currency(builder: &BookBuilder) -> Option<Currency> {
    builder.defaults().currency
}

/// Payments as read, before they are matched to invoices and customers.
#[derive(Default)]
struct RawPayments {
    id: Strings,
    /// The customer named (empty: none).
    customer: Strings,
    /// The invoice named (empty: none).
    invoice: Strings,
    day: Vec<i32>,
    amount: Vec<Amount>,
    currency: Vec<Option<Currency>>,
}

impl RawPayments {
    fn add_to(&self, builder: &mut BookBuilder) -> Option<()> {
        for (k, ((&day, &amount), &currency)) in self
            .day
            .iter()
            .zip(&self.amount)
            .zip(&self.currency)
            .enumerate()
        {
            builder
                .payment(
                    Some(self.id.get(k)),
                    Some(self.customer.get(k)),
                    Some(self.invoice.get(k)),
                    day,
                    amount,
                    currency,
                )
                .ok()?;
        }
        Some(())
    }
}

fn read_payments(file: File, delimiter: u8) -> Option<RawPayments> {
    let rows = file
        .metadata()
        .ok()
        .and_then(|m| usize::try_from(m.len() / 48).ok())
        .unwrap_or(0);
    let mut t = Table::open(
        file,
        delimiter,
        &["id", "customer", "invoice", "date", "amount", "currency"],
    )?;
    let (id, customer, invoice, date, amount, currency) = (
        t.column("id"),
        t.column("customer"),
        t.column("invoice"),
        t.column("date")?,
        t.column("amount")?,
        t.column("currency"),
    );
    let mut raw = RawPayments {
        id: Strings::with_capacity(rows, 0),
        customer: Strings::with_capacity(rows, 8),
        invoice: Strings::with_capacity(rows, 12),
        day: Vec::with_capacity(rows),
        amount: Vec::with_capacity(rows),
        currency: Vec::with_capacity(rows),
    };
    let mut currencies = Currencies::default();
    while t.next()? {
        raw.id.push(t.cell(id).unwrap_or_default()).ok()?;
        raw.customer
            .push(t.cell(customer).unwrap_or_default())
            .ok()?;
        raw.invoice.push(t.cell(invoice).unwrap_or_default()).ok()?;
        raw.day.push(day(t.cell(Some(date))?.as_bytes())?);
        raw.amount.push(decimal(t.cell(Some(amount))?.as_bytes())?);
        raw.currency.push(currencies.of(t.cell(currency))?);
    }
    Some(raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn dates_read_as_the_calendar_reads_them() {
        for text in [
            "2025-01-31",
            "2024-02-29",
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-01-00",
            "0001-01-01",
            "9999-12-31",
            "2025-1-31",
            "2025/01/31",
            "20250131",
            "2025-01-3x",
            "+025-01-31",
            "",
        ] {
            let calendar = arrears::calendar::date::parse_date(text)
                .ok()
                .map(arrears::portfolio::columns::day_number);
            assert_eq!(day(text.as_bytes()), calendar, "{text}");
        }
    }

    #[test]
    fn amounts_are_exact_minor_units() {
        assert_eq!(amount(b"1234.5", 2), Some(123_450));
        assert_eq!(amount(b"1234", 2), Some(123_400));
        assert_eq!(amount(b"0.01", 2), Some(1));
        assert_eq!(amount(b"1.234", 2), None);
        assert_eq!(amount(b"0", 2), None);
        assert_eq!(amount(b"-5", 2), None);
        assert_eq!(amount(b"1,5", 2), None);
        assert_eq!(amount(b"12", 0), Some(12));
    }

    /// Three CSV tables and the options, written to a fresh directory.
    struct Case {
        invoices: String,
        payments: Option<String>,
        customers: Option<String>,
        currency: Option<String>,
        country: Option<String>,
    }

    /// A case's tables on disk, removed when dropped (the property test writes hundreds).
    struct Written {
        opts: Options,
        dir: PathBuf,
    }

    impl std::ops::Deref for Written {
        type Target = Options;
        fn deref(&self) -> &Options {
            &self.opts
        }
    }

    impl Drop for Written {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }

    fn write(case: &Case) -> Written {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "arrears-fast-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let put = |name: &str, text: &str| -> PathBuf {
            let p = dir.join(name);
            std::fs::write(&p, text).expect("write");
            p
        };
        let opts = Options {
            ledger: put("invoices.csv", &case.invoices),
            payments: case.payments.as_deref().map(|t| put("payments.csv", t)),
            customers: case.customers.as_deref().map(|t| put("customers.csv", t)),
            map: vec![],
            payments_map: vec![],
            customers_map: vec![],
            decimal_comma: false,
            delimiter: ',',
            date_format: "%Y-%m-%d".into(),
            currency: case.currency.clone(),
            encoding: None,
            defaults: arrears::ledger::CustomerDefaults {
                country: case.country.clone(),
                debtor: None,
            },
        };
        Written { opts, dir }
    }

    fn as_of() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2025, 6, 30).expect("date")
    }

    /// The general import, the ledger's checks and the penalty table's rows as CSV.
    fn general(opts: &Options) -> Result<String, Error> {
        let loaded = crate::import::load(opts)?;
        let ledger = arrears::ledger::Ledger::new(loaded.doc)?;
        let rows = arrears::portfolio::penalty_table(
            &ledger,
            as_of(),
            &Default::default(),
            &crate::rate_files::table()?,
        )?;
        crate::render::penalties_csv(&rows)
    }

    /// The fast path, when it takes the tables.
    fn fast(opts: &Options) -> Option<String> {
        let book = read_book(opts).expect("readable")?;
        let table = arrears::portfolio::batch::penalty_table(
            &book,
            as_of(),
            &Default::default(),
            &arrears::rates::RateTable::builtin().expect("rates"),
        )
        .expect("batch");
        let mut out = Vec::new();
        crate::render::penalties_csv_columns(&book, &table, &mut out).expect("write");
        Some(String::from_utf8(out).expect("utf-8"))
    }

    #[test]
    fn well_formed_tables_take_the_fast_path_with_the_same_table() {
        let case = Case {
            invoices: "id,customer,issue_date,due_date,amount,currency\n\
                       F1,C1,2024-11-02,2024-12-02,1200.00,EUR\n\
                       F2,C2,2025-01-10,2025-02-09,80.5,eur\n\
                       F3,C1,2025-03-01,2025-03-31,50000,JPY\n\
                       F4,C3,2025-05-01,2025-07-31,300,GBP\n"
                .into(),
            payments: Some(
                "id,customer,invoice,date,amount,currency\n\
                 P1,C1,F1,2025-01-15,200.00,EUR\n\
                 P2,,F2,2025-02-20,80.50,\n\
                 ,C1,,2025-04-10,1000,EUR\n"
                    .into(),
            ),
            customers: Some(
                "id,name,country,debtor\nC1,Alpha,FR,business\nC2,Beta,de,\nC3,Gamma,GB,\n".into(),
            ),
            currency: None,
            country: None,
        };
        let opts = write(&case);
        let fast = fast(&opts).expect("the fast path takes canonical tables");
        assert_eq!(fast, general(&opts).expect("valid ledger"));
        // F1: 1 200 € due 2024-12-02, 200 € paid on 2025-01-15, then 1 000 € unallocated on
        // 2025-04-10 settles the remaining 1 000 €: interest accrues, the ledger owes nothing.
        assert!(
            fast.contains("\nF1,C1,EUR,2024-12-02,129,settled,0.00,"),
            "{fast}"
        );
    }

    #[test]
    fn cells_are_trimmed_as_the_general_import_trims() {
        // A no-break space after an id (spreadsheets keep them) and spaces around cells.
        let case = Case {
            invoices: "id,customer,issue_date,due_date,amount,currency\n\
                       F1\u{a0},\u{2007}C1 , 2025-01-01 ,2025-01-31, 10.00 ,EUR\n"
                .into(),
            payments: Some(
                "id,customer,invoice,date,amount,currency\n,,F1,2025-02-10,4,EUR\n".into(),
            ),
            customers: None,
            currency: None,
            country: Some("FR".into()),
        };
        let opts = write(&case);
        let fast = fast(&opts).expect("the fast path takes these");
        assert_eq!(fast, general(&opts).expect("valid ledger"));
        assert!(fast.contains("\nF1,C1,EUR,2025-01-31,"), "{fast}");
    }

    #[test]
    fn other_shapes_go_the_general_way() {
        let base = Case {
            invoices: "id,customer,issue_date,due_date,amount,currency\nF1,C1,2025-01-01,2025-01-31,10,EUR\n"
                .into(),
            payments: None,
            customers: None,
            currency: None,
            country: None,
        };
        assert!(fast(&write(&base)).is_some());
        for invoices in [
            // a header the document does not use, or in another case
            "id,customer,issue_date,due_date,amount,currency,terms\nF1,C1,2025-01-01,2025-01-31,10,EUR,\n",
            "Id,customer,issue_date,due_date,amount,currency\nF1,C1,2025-01-01,2025-01-31,10,EUR\n",
            // a date in another format, a decimal comma, a due date before the issue date
            "id,customer,issue_date,due_date,amount,currency\nF1,C1,01/01/2025,2025-01-31,10,EUR\n",
            "id,customer,issue_date,due_date,amount,currency\nF1,C1,2025-01-01,2025-01-31,\"10,5\",EUR\n",
            "id,customer,issue_date,due_date,amount,currency\nF1,C1,2025-02-01,2025-01-31,10,EUR\n",
            // a duplicate id
            "id,customer,issue_date,due_date,amount,currency\nF1,C1,2025-01-01,2025-01-31,10,EUR\nF1,C2,2025-01-01,2025-01-31,10,EUR\n",
        ] {
            let case = Case {
                invoices: invoices.into(),
                ..base_clone(&base)
            };
            assert!(fast(&write(&case)).is_none(), "{invoices}");
        }
    }

    fn base_clone(c: &Case) -> Case {
        Case {
            invoices: c.invoices.clone(),
            payments: c.payments.clone(),
            customers: c.customers.clone(),
            currency: c.currency.clone(),
            country: c.country.clone(),
        }
    }

    fn pick(options: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
        proptest::sample::select(options)
    }

    /// Mostly a valid cell, sometimes one of the tricky ones.
    fn mix(
        valid: &'static [&'static str],
        tricky: &'static [&'static str],
    ) -> impl Strategy<Value = &'static str> + Clone {
        prop_oneof![60 => proptest::sample::select(valid), 1 => proptest::sample::select(tricky)]
    }

    const IDS: (&[&str], &[&str]) = (&[], &[" F1", "F1\u{a0}", "", "f1", "=F9", "F2"]);
    const CUSTOMERS: (&[&str], &[&str]) = (&["C1", "C2", "C3", "-C4"], &[" C1", "c1", ""]);
    const DATES: (&[&str], &[&str]) = (&[], &["2025-1-5", "2025-13-01", "15/01/2025", ""]);
    const AMOUNTS: (&[&str], &[&str]) = (
        &[
            "100", "100.5", "100.50", "0.01", " 250.00 ", "12000", "3999.99",
        ],
        &["1.234", "0", "-5", "1,5", "1e3", "99999999999999999"],
    );
    const CURRENCIES: (&[&str], &[&str]) = (&["EUR", "EUR", "eur", "GBP"], &["JPY", "", "XYZ"]);

    fn table_text<S: AsRef<[u8]>>(header: &[&str], rows: &[Vec<S>]) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(header).expect("header");
        for r in rows {
            w.write_record(r).expect("row");
        }
        String::from_utf8(w.into_inner().expect("flush")).expect("utf-8")
    }

    /// Sometimes replaces a valid cell with a tricky one.
    fn spoil(valid: String, tricky: Option<&str>) -> String {
        tricky.map_or(valid, str::to_string)
    }

    fn tricky(cells: &'static [&'static str]) -> impl Strategy<Value = Option<&'static str>> {
        proptest::option::weighted(0.02, proptest::sample::select(cells))
    }

    fn dates() -> Vec<String> {
        let start = chrono::NaiveDate::from_ymd_opt(2024, 10, 1).expect("date");
        (0..300)
            .step_by(7)
            .map(|d| (start + chrono::Days::new(d)).to_string())
            .collect()
    }

    prop_compose! {
        /// Invoices `F0`, `F1`, ... issued on a date, due some days later.
        fn invoices()(rows in proptest::collection::vec(
            (3..40usize, prop_oneof![12 => 0..12isize, 1 => -2..0isize], mix(CUSTOMERS.0, CUSTOMERS.1), mix(AMOUNTS.0, AMOUNTS.1),
             mix(CURRENCIES.0, CURRENCIES.1), tricky(IDS.1), tricky(DATES.1), tricky(DATES.1)),
            0..8), with_currency in proptest::bool::weighted(0.8)) -> String {
            let dates = dates();
            let mut header = vec!["id", "customer", "issue_date", "due_date", "amount"];
            if with_currency {
                header.push("currency");
            }
            let rows: Vec<Vec<String>> = rows.iter().enumerate().map(
                |(k, (issue, term, c, a, cur, bad_id, bad_issue, bad_due))| {
                let issue_date = dates.get(*issue).cloned().unwrap_or_default();
                let due_date = dates.get(issue.saturating_add_signed(*term)).cloned().unwrap_or_default();
                let mut r = vec![
                    spoil(format!("F{k}"), *bad_id),
                    c.to_string(),
                    spoil(issue_date, *bad_issue),
                    spoil(due_date, *bad_due),
                    a.to_string(),
                ];
                if with_currency {
                    r.push(cur.to_string());
                }
                r
            }).collect();
            table_text(&header, &rows)
        }
    }

    prop_compose! {
        fn payments()(rows in proptest::collection::vec(
            (pick(&["", "P1", "P2", "P3"]), pick(&["", "", "", "C1"]), pick(&["F0", "F1", "F2", "F0", ""]),
             0..43usize, mix(AMOUNTS.0, AMOUNTS.1), mix(&["EUR", "", ""], CURRENCIES.1),
             tricky(CUSTOMERS.1), tricky(IDS.1), tricky(DATES.1)),
            0..6)) -> String {
            let dates = dates();
            let rows: Vec<Vec<String>> = rows.iter()
                .map(|(id, c, inv, d, a, cur, bad_c, bad_inv, bad_d)| vec![
                    id.to_string(),
                    spoil(c.to_string(), *bad_c),
                    spoil(inv.to_string(), *bad_inv),
                    spoil(dates.get(*d).cloned().unwrap_or_default(), *bad_d),
                    a.to_string(),
                    cur.to_string(),
                ])
                .collect();
            table_text(&["id", "customer", "invoice", "date", "amount", "currency"], &rows)
        }
    }

    prop_compose! {
        fn customers()(rows in proptest::collection::vec(
            (mix(&["FR", "fr", "DE", "GB", ""], &["XX", "F"]),
             mix(&["", "business", "consumer", "public_body"], &["bogus"])),
            0..5), bad_id in tricky(CUSTOMERS.1)) -> String {
            let rows: Vec<Vec<String>> = rows.iter().enumerate()
                .map(|(k, (c, d))| vec![
                    spoil(CUSTOMERS.0.get(k).map_or(String::new(), |s| (*s).to_string()), if k == 0 { bad_id } else { None }),
                    "Name".into(), c.to_string(), d.to_string()])
                .collect();
            table_text(&["id", "name", "country", "debtor"], &rows)
        }
    }

    /// Whenever the fast path takes the tables, the general import accepts them too and the
    /// penalty table is the same text. The tables mix valid rows with every kind of cell the fast
    /// path must leave to the general import; the test also checks that it took a fair share.
    #[test]
    fn the_fast_path_agrees_with_the_general_import() {
        let taken = AtomicUsize::new(0);
        let cases = 400;
        // A fixed seed: the share taken below is then a fact about the generator, not luck.
        let mut runner = proptest::test_runner::TestRunner::new_with_rng(
            ProptestConfig::with_cases(cases),
            proptest::test_runner::TestRng::deterministic_rng(
                proptest::test_runner::RngAlgorithm::ChaCha,
            ),
        );
        let strategy = (
            invoices(),
            proptest::option::of(payments()),
            proptest::option::weighted(0.3, customers()),
            proptest::option::of(pick(&["EUR", "gbp"])),
            proptest::option::of(pick(&["FR", "DE"])),
        );
        let result = runner.run(
            &strategy,
            |(invoices, payments, customers, currency, country)| {
                let case = Case {
                    invoices,
                    payments,
                    customers,
                    currency: currency.map(str::to_string),
                    country: country.map(str::to_string),
                };
                let opts = write(&case);
                if let Some(fast) = fast(&opts) {
                    taken.fetch_add(1, Ordering::Relaxed);
                    let general = general(&opts);
                    prop_assert!(
                        general.is_ok(),
                        "general import refused what the fast path took: {general:?}"
                    );
                    prop_assert_eq!(fast, general.unwrap_or_default());
                }
                Ok(())
            },
        );
        assert!(result.is_ok(), "{result:?}");
        let taken = taken.load(Ordering::Relaxed);
        assert!(
            taken * 4 >= cases as usize,
            "the fast path took only {taken} of {cases} cases"
        );
    }
}
