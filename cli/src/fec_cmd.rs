//! Reading a FEC from the command line (`arrears fec`, and `--fec` on the commands that read a
//! ledger): the file read and decoded (UTF-8, or ISO-8859-15 detected), the options turned into
//! the core's [`FecOptions`]; the rules are the core's (`arrears::fec`, docs/fec.md).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use arrears::fec::{FecImport, FecOptions, FecTerms, JournalKind};
use arrears::{Code, Error};

/// What the command line says about a FEC.
#[derive(Debug, Default, Clone)]
pub struct FecArgs {
    /// `--terms`: a short notation (`"45 jours fin de mois"`) or a JSON file (a terms document,
    /// or `{"default": ..., "customers": {...}}`).
    pub terms: Option<String>,
    /// `--customer-accounts 411,416`.
    pub customer_accounts: Option<String>,
    /// `--fec-journal VT=sales` (repeatable).
    pub journals: Vec<String>,
    /// `--country`.
    pub country: Option<String>,
    /// `--encoding`.
    pub encoding: Option<String>,
    /// `--disputes FILE`: a JSON array of dispute records.
    pub disputes: Option<std::path::PathBuf>,
}

/// `--terms`: a JSON file of [`FecTerms`], or the terms themselves in the short notation.
fn terms(value: &str) -> Result<FecTerms, Error> {
    let path = Path::new(value);
    if path.is_file() {
        let text = crate::files::read_input_text(path)?;
        return arrears::document::from_json_str(&text)
            .map_err(|e| e.at(path.display().to_string()));
    }
    arrears::document::request(&serde_json::Value::String(value.to_string()))
        .map_err(|e| e.at("--terms"))
}

fn journals(list: &[String]) -> Result<BTreeMap<String, JournalKind>, Error> {
    let mut out = BTreeMap::new();
    for j in list {
        let (code, kind) = j.split_once('=').ok_or_else(|| {
            Error::new(
                Code::InvalidValue,
                format!("--fec-journal {j:?}: expected CODE=KIND, e.g. VT=sales"),
            )
        })?;
        let kind = match kind.trim() {
            "sales" => JournalKind::Sales,
            "bank" => JournalKind::Bank,
            "opening" => JournalKind::Opening,
            "ignore" => JournalKind::Ignore,
            other => {
                return Err(Error::new(
                    Code::InvalidValue,
                    format!(
                        "--fec-journal {code}={other}: the kind is sales, bank, opening or ignore"
                    ),
                ))
            }
        };
        out.insert(code.trim().to_string(), kind);
    }
    Ok(out)
}

/// The customers table beside a FEC: a JSON array of customer records (`.json`), or a CSV file
/// with the customers' columns.
pub fn customers(
    opts: &crate::import::Options,
    path: &Path,
) -> Result<Vec<arrears::ledger::CustomerRecord>, Error> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        let text = crate::files::read_input_text(path)?;
        return arrears::document::from_json_str(&text)
            .map_err(|e| e.at(path.display().to_string()));
    }
    let (records, notes) = crate::import::read_customers(opts, path)?;
    for n in &notes {
        let _ = writeln!(
            std::io::stderr(),
            "note: {}",
            crate::terminal::neutralise(n)
        );
    }
    Ok(records)
}

/// Reads a FEC file into a ledger document and the import's report. `customers` is the customers
/// table read beside it (`--customers`).
pub fn read(
    path: &Path,
    args: &FecArgs,
    customers: Vec<arrears::ledger::CustomerRecord>,
) -> Result<FecImport, Error> {
    let mut notes = Vec::new();
    let text = crate::import::read_text(path, args.encoding.as_deref(), &mut notes)?;
    for n in &notes {
        let _ = writeln!(
            std::io::stderr(),
            "note: {}",
            crate::terminal::neutralise(n)
        );
    }
    let mut options = FecOptions {
        journals: journals(&args.journals)?,
        country: args.country.clone(),
        customers,
        ..FecOptions::default()
    };
    if let Some(t) = &args.terms {
        options.terms = terms(t)?;
    }
    if let Some(path) = &args.disputes {
        let text = crate::files::read_input_text(path)?;
        options.disputes = arrears::document::from_json_str(&text)
            .map_err(|e| e.at(path.display().to_string()))?;
    }
    if let Some(list) = &args.customer_accounts {
        options.customer_accounts = list
            .split(',')
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
    }
    let file = path.display().to_string();
    let lines = arrears::fec::read_lines(&text).map_err(|e| {
        e.map_paths(|p| Some(p.map_or_else(|| file.clone(), |p| format!("{file}: {p}"))))
    })?;
    arrears::fec::import(&lines, &options).map_err(|e| {
        e.map_paths(|p| Some(p.map_or_else(|| file.clone(), |p| format!("{file}: {p}"))))
    })
}

/// The import's summary on standard error: lines used, not used, not lettered, and the
/// reconciliation (a warning when it does not hold).
pub fn summarise(import: &FecImport) {
    let mut err = std::io::stderr();
    let _ = writeln!(
        err,
        "FEC {} to {}: {} lines, {} on customer accounts, {} used; {} not used; {} credits not lettered in the books; {} partial lettering codes",
        import.first_date,
        import.last_date,
        import.lines,
        import.customer_lines,
        import.used,
        import.unused.len(),
        import.unlettered.len(),
        import.partial_lettering.len()
    );
    for n in &import.notes {
        let _ = writeln!(err, "note: {}", crate::terminal::neutralise(n));
    }
    let off: Vec<_> = import
        .reconciliation
        .iter()
        .filter(|r| !r.difference.is_zero())
        .collect();
    let left_out = import
        .reconciliation
        .iter()
        .filter(|r| !r.not_imported.is_zero())
        .count();
    if off.is_empty() && left_out == 0 {
        let _ = writeln!(
            err,
            "reconciled: every customer's balance in the FEC equals the ledger's on {}",
            import.last_date
        );
    } else if off.is_empty() {
        let _ = writeln!(
            err,
            "reconciled: every customer's balance in the FEC equals the ledger's on {}, once the lines not imported are set apart ({} customer(s); arrears fec --report lists the lines)",
            import.last_date, left_out
        );
    } else {
        let _ = writeln!(
            err,
            "warning: {} customer balance(s) differ from the FEC on {}, beyond the lines not imported (arrears fec --report lists them):",
            off.len(),
            import.last_date
        );
        for r in off.iter().take(10) {
            let _ = writeln!(
                err,
                "  {} {}: FEC {}, ledger {}, not imported {}, difference {}",
                crate::terminal::neutralise(&r.customer),
                r.currency.code(),
                r.fec_balance,
                r.ledger_balance,
                r.not_imported,
                r.difference
            );
        }
    }
}
