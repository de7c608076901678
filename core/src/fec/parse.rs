//! Reading the lines of a FEC from its text (already decoded: the command line and the bindings
//! read the file and decode UTF-8 or ISO-8859-15): the field separator (tab or `|`), the header
//! line when there is one, `YYYYMMDD` dates, amounts with a decimal comma or point, and the
//! `Montant` + `Sens` form some programs write instead of `Debit` + `Credit` (LPF art. A47 A-1,
//! `docs/fec.md` §The file).
//!
//! Every problem of every line is reported in one error, each naming its line
//! (`line 12: Debit`), and nothing is returned unless the whole file reads.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::date::serde_date;
use crate::error::{err, Error, Result};
use crate::money::decimal_string;

/// The 18 fields of the regulatory FEC, in their order (LPF art. A47 A-1, I).
pub const FIELDS: [&str; 18] = [
    "JournalCode",
    "JournalLib",
    "EcritureNum",
    "EcritureDate",
    "CompteNum",
    "CompteLib",
    "CompAuxNum",
    "CompAuxLib",
    "PieceRef",
    "PieceDate",
    "EcritureLib",
    "Debit",
    "Credit",
    "EcritureLet",
    "DateLet",
    "ValidDate",
    "Montantdevise",
    "Idevise",
];

/// One line of the FEC: one amount on one account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FecLine {
    /// The line's number in the file (1 is the first line, the header when there is one).
    pub line: usize,
    /// Journal code (`VT`, `BQ1`, `AN`, ...).
    pub journal_code: String,
    /// Entry number: the lines of an entry share it (with the journal code).
    pub entry: String,
    /// Accounting date of the entry.
    #[serde(with = "serde_date")]
    pub entry_date: NaiveDate,
    /// General account (`411000`, `706000`, `512000`, ...).
    pub account: String,
    /// Its label.
    pub account_label: String,
    /// Auxiliary (customer) account, empty when the general account is not split.
    pub aux_account: String,
    /// Its label (the customer's name).
    pub aux_label: String,
    /// Reference of the supporting document (invoice number, bank reference).
    pub piece_ref: String,
    /// Date of the supporting document.
    #[serde(with = "serde_date")]
    pub piece_date: NaiveDate,
    /// Label of the line.
    pub label: String,
    /// Debit, in the book's currency (zero or positive).
    #[serde(with = "decimal_string")]
    pub debit: Decimal,
    /// Credit, in the book's currency (zero or positive).
    #[serde(with = "decimal_string")]
    pub credit: Decimal,
    /// Lettering (matching) code, empty when not lettered.
    pub lettering: String,
    /// Date of the lettering.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub lettering_date: Option<NaiveDate>,
    /// Amount in the foreign currency, for a line in one (unsigned, as the debit or credit).
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency_amount: Option<Decimal>,
    /// The foreign currency's ISO code, for a line in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// Where each field is in a line.
struct Layout {
    separator: char,
    columns: usize,
    at: std::collections::HashMap<&'static str, usize>,
    /// `Montant` and `Sens` instead of `Debit` and `Credit`.
    signed: Option<(usize, usize)>,
    header: bool,
}

const OPTIONAL: [&str; 4] = ["EcritureLet", "DateLet", "Montantdevise", "Idevise"];

fn layout(first: &str) -> Result<Layout> {
    let separator = if first.contains('\t') {
        '\t'
    } else if first.contains('|') {
        '|'
    } else {
        return Err(err!(
            Unreadable,
            "line 1 has neither tabs nor `|`: a FEC separates its fields with one or the other (LPF art. A47 A-1)"
        )
        .at("line 1"));
    };
    let names: Vec<String> = first
        .split(separator)
        .map(|f| f.trim().to_ascii_lowercase())
        .collect();
    // A header names the regulatory fields (in any order); data has a date where EcritureDate is.
    let header = names.first().is_some_and(|n| n == "journalcode")
        || ["journalcode", "ecrituredate", "comptenum", "piecedate"]
            .iter()
            .filter(|f| names.iter().any(|n| n == *f))
            .count()
            >= 2;
    let mut at = std::collections::HashMap::new();
    if !header {
        for (k, f) in FIELDS.iter().enumerate() {
            at.insert(*f, k);
        }
        return Ok(Layout {
            separator,
            columns: FIELDS.len(),
            at,
            signed: None,
            header,
        });
    }
    let find = |name: &str| names.iter().position(|n| n == &name.to_ascii_lowercase());
    let mut missing = Vec::new();
    for f in FIELDS {
        match find(f) {
            Some(k) => {
                at.insert(f, k);
            }
            None if matches!(f, "Debit" | "Credit") => {}
            None if OPTIONAL.contains(&f) => {}
            None => missing.push(f),
        }
    }
    let signed = match (find("Debit"), find("Credit"), find("Montant"), find("Sens")) {
        (Some(_), Some(_), _, _) => None,
        (_, _, Some(m), Some(s)) => Some((m, s)),
        _ => {
            missing.push("Debit and Credit (or Montant and Sens)");
            None
        }
    };
    if !missing.is_empty() {
        return Err(err!(
            MissingColumn,
            "the header lacks {}: a FEC has the 18 fields of LPF art. A47 A-1 ({})",
            missing.join(", "),
            FIELDS.join(", ")
        )
        .at("line 1"));
    }
    Ok(Layout {
        separator,
        columns: names.len(),
        at,
        signed,
        header,
    })
}

/// `YYYYMMDD` (the regulation's form) or `YYYY-MM-DD`.
fn date(cell: &str) -> Option<NaiveDate> {
    let c = cell.trim();
    if c.len() == 8 && c.bytes().all(|b| b.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| c.get(r).and_then(|s| s.parse::<u32>().ok());
        let y = i32::try_from(n(0..4)?).ok()?;
        return NaiveDate::from_ymd_opt(y, n(4..6)?, n(6..8)?);
    }
    crate::calendar::date::parse_date(c).ok()
}

/// An amount with a decimal comma or point and no thousands separator; empty is zero.
fn amount(cell: &str) -> std::result::Result<Decimal, String> {
    let c = cell.trim();
    if c.is_empty() {
        return Ok(Decimal::ZERO);
    }
    if c.contains(',') && c.contains('.') || c.contains(' ') || c.contains('\u{a0}') {
        return Err(format!(
            "{c:?} is not an amount: one decimal separator (comma or point), no thousands separator"
        ));
    }
    // The sign may come first or after the amount (LPF art. A47 A-1, XII 2°): "-12,50", "12,50-".
    let (negative, body) = match (c.strip_prefix('-'), c.strip_suffix('-')) {
        (Some(b), _) | (None, Some(b)) => (true, b),
        (None, None) => (false, c.strip_prefix('+').unwrap_or(c)),
    };
    let body = body.trim();
    if body.starts_with(['-', '+']) || body.ends_with(['-', '+']) {
        return Err(format!("{c:?} is not an amount: one sign at most"));
    }
    let normal = body.replace(',', ".");
    let value =
        crate::money::parse_decimal(&normal).map_err(|_| format!("{c:?} is not an amount"))?;
    Ok(if negative {
        Decimal::ZERO.saturating_sub(value)
    } else {
        value
    })
}

/// Reads the lines of a FEC.
///
/// # Errors
/// `import.unreadable` for a first line without a separator; `import.missing_column` for a header
/// without the regulatory fields; `import.invalid_row` for a line with another number of fields
/// than the header (or 18); `import.invalid_cell` for a date that is not `YYYYMMDD`, an amount
/// that does not read, a line with both a debit and a credit, or a `Sens` other than `D`/`C`
/// (`+1`/`-1`). Each problem names its line; all are reported together.
///
/// ```
/// use arrears::fec::parse::read_lines;
/// let text = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise\n\
///             VT\tVentes\t1\t20240115\t411000\tClients\tC001\tDupont SA\tF2024-001\t20240115\tFacture F2024-001\t1200,00\t0,00\tAA\t20240220\t20240115\t\t\n";
/// let lines = read_lines(text)?;
/// assert_eq!(lines[0].line, 2);
/// assert_eq!(lines[0].debit.to_string(), "1200.00");
/// assert_eq!(lines[0].lettering, "AA");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn read_lines(text: &str) -> Result<Vec<FecLine>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((first_index, first)) = rows.next() else {
        return Err(err!(Unreadable, "the FEC is empty"));
    };
    let layout = layout(first)?;
    let mut problems: Vec<Error> = Vec::new();
    let mut out = Vec::new();
    let data: Box<dyn Iterator<Item = (usize, &str)>> = if layout.header {
        Box::new(rows)
    } else {
        Box::new(std::iter::once((first_index, first)).chain(rows))
    };
    for (index, row) in data {
        let line = index.saturating_add(1);
        let where_ = |field: &str| format!("line {line}: {field}");
        let mut cells: Vec<&str> = row.split(layout.separator).collect();
        // A separator at the end of every line (some programs write one) adds empty fields.
        while cells.len() > layout.columns && cells.last().is_some_and(|c| c.trim().is_empty()) {
            cells.pop();
        }
        if cells.len() != layout.columns {
            problems.push(
                err!(
                    InvalidRow,
                    "line {line} has {} fields, the header {}: a field holding the separator, or a line cut in two",
                    cells.len(),
                    layout.columns
                )
                .at(format!("line {line}")),
            );
            continue;
        }
        let cell = |f: &str| -> &str {
            layout
                .at
                .get(f)
                .and_then(|k| cells.get(*k))
                .map_or("", |c| c.trim())
        };
        let mut bad = |field: &str, message: String| {
            problems.push(err!(InvalidCell, "{message}").at(where_(field)));
        };
        let entry_date = date(cell("EcritureDate"));
        if entry_date.is_none() {
            bad(
                "EcritureDate",
                format!("{:?} is not a date (YYYYMMDD)", cell("EcritureDate")),
            );
        }
        let piece_date = date(cell("PieceDate"));
        if piece_date.is_none() {
            bad(
                "PieceDate",
                format!("{:?} is not a date (YYYYMMDD)", cell("PieceDate")),
            );
        }
        let lettering_date = match cell("DateLet") {
            "" => None,
            d => {
                let parsed = date(d);
                if parsed.is_none() {
                    bad("DateLet", format!("{d:?} is not a date (YYYYMMDD)"));
                }
                parsed
            }
        };
        let (mut debit, mut credit) = (Decimal::ZERO, Decimal::ZERO);
        match layout.signed {
            None => {
                for (field, slot) in [("Debit", &mut debit), ("Credit", &mut credit)] {
                    match amount(cell(field)) {
                        Ok(v) => *slot = v,
                        Err(m) => bad(field, m),
                    }
                }
            }
            Some((m, s)) => {
                let value = amount(cells.get(m).copied().unwrap_or(""));
                let sense = cells.get(s).map_or("", |c| c.trim());
                match (value, sense) {
                    (Err(msg), _) => bad("Montant", msg),
                    (Ok(v), "D" | "d" | "+1" | "1") => debit = v,
                    (Ok(v), "C" | "c" | "-1") => credit = v,
                    (Ok(_), other) => bad(
                        "Sens",
                        format!("{other:?} is not a direction: D or C (+1 or -1)"),
                    ),
                }
            }
        }
        if !debit.is_zero() && !credit.is_zero() {
            bad(
                "Debit",
                format!(
                    "a line has a debit ({debit}) and a credit ({credit}): a FEC line is one or the other"
                ),
            );
        }
        // A negative amount is the other side (some programs write reversals so).
        if debit.is_sign_negative() && !debit.is_zero() {
            credit = credit.saturating_sub(debit);
            debit = Decimal::ZERO;
        }
        if credit.is_sign_negative() && !credit.is_zero() {
            debit = debit.saturating_sub(credit);
            credit = Decimal::ZERO;
        }
        let currency_amount = match cell("Montantdevise") {
            "" => None,
            v => match amount(v) {
                Ok(a) => Some(a.abs()),
                Err(m) => {
                    bad("Montantdevise", m);
                    None
                }
            },
        };
        let (Some(entry_date), Some(piece_date)) = (entry_date, piece_date) else {
            continue;
        };
        out.push(FecLine {
            line,
            journal_code: cell("JournalCode").to_string(),
            entry: cell("EcritureNum").to_string(),
            entry_date,
            account: cell("CompteNum").to_string(),
            account_label: cell("CompteLib").to_string(),
            aux_account: cell("CompAuxNum").to_string(),
            aux_label: cell("CompAuxLib").to_string(),
            piece_ref: cell("PieceRef").to_string(),
            piece_date,
            label: cell("EcritureLib").to_string(),
            debit,
            credit,
            lettering: cell("EcritureLet").to_string(),
            lettering_date,
            currency_amount,
            currency: Some(cell("Idevise").to_string()).filter(|c| !c.is_empty()),
        });
    }
    match Error::from_many(problems) {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> String {
        FIELDS.join("\t")
    }

    fn line(debit: &str, credit: &str, date: &str) -> String {
        format!("VT\tVentes\t1\t{date}\t411000\tClients\tC1\tDupont\tF1\t{date}\tF1\t{debit}\t{credit}\t\t\t{date}\t\t")
    }

    #[test]
    fn every_problem_names_its_line_and_field() {
        let text = [
            header(),
            line("100,00", "", "20240115"),
            line("1.200,00", "", "20240115"),
            line("5,00", "5,00", "20240115"),
            line("100,00", "", "20241315"),
            format!("{}\textra", line("1,00", "", "20240115")),
        ]
        .join("\n");
        let e = read_lines(&text).unwrap_err();
        let found: Vec<(String, String)> = e
            .problems()
            .iter()
            .map(|p| {
                (
                    p.code.as_str().to_string(),
                    p.path.clone().unwrap_or_default(),
                )
            })
            .collect();
        let want = [
            ("import.invalid_cell", "line 3: Debit"),
            ("import.invalid_cell", "line 4: Debit"),
            ("import.invalid_cell", "line 5: EcritureDate"),
            ("import.invalid_cell", "line 5: PieceDate"),
            ("import.invalid_cell", "line 5: ValidDate"),
            ("import.invalid_row", "line 6"),
        ];
        for (code, path) in want {
            if path.ends_with("ValidDate") {
                // ValidDate is not read: a wrong one is no problem.
                assert!(!found.iter().any(|(_, p)| p == path));
                continue;
            }
            assert!(
                found.iter().any(|(c, p)| c == code && p == path),
                "{code} at {path} in {found:?}"
            );
        }
    }

    #[test]
    fn amounts_signs_and_the_montant_sens_form() {
        assert_eq!(amount("1200,50").unwrap().to_string(), "1200.50");
        assert_eq!(amount("1200.50").unwrap().to_string(), "1200.50");
        assert_eq!(amount(" 000000001437,12").unwrap().to_string(), "1437.12");
        assert_eq!(amount("12,50-").unwrap().to_string(), "-12.50");
        assert_eq!(amount("-12,50").unwrap().to_string(), "-12.50");
        assert_eq!(amount("").unwrap(), Decimal::ZERO);
        assert!(amount("1 200,00").is_err());
        assert!(amount("1.200,00").is_err());
        assert!(amount("12,5,0").is_err());
        // A negative debit is a credit.
        let text = [header(), line("-100,00", "", "20240115")].join("\n");
        let l = read_lines(&text).unwrap();
        assert_eq!(
            (l[0].debit, l[0].credit.to_string()),
            (Decimal::ZERO, "100.00".to_string())
        );
        // Montant and Sens.
        let h = header().replace("Debit\tCredit", "Montant\tSens");
        let text = [h, line("100,00", "C", "20240115")].join("\r\n");
        let l = read_lines(&text).unwrap();
        assert_eq!(l[0].credit.to_string(), "100.00");
        let bad = [
            header().replace("Debit\tCredit", "Montant\tSens"),
            line("100,00", "X", "20240115"),
        ]
        .join("\n");
        assert_eq!(
            read_lines(&bad).unwrap_err().problems()[0].path.as_deref(),
            Some("line 2: Sens")
        );
    }

    #[test]
    fn a_header_without_the_regulatory_fields_is_refused() {
        let text = "JournalCode\tFoo\tBar\nVT\t1\t2\n";
        let e = read_lines(text).unwrap_err();
        assert_eq!(e.code().as_str(), "import.missing_column");
        assert!(e.to_string().contains("EcritureDate"));
    }
}
