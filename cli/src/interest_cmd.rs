//! `arrears interest` and `arrears rates`: JSON requests in, JSON statements and rate tables out.

use serde_json::{Map, Value};

use arrears::{Code, Error};

/// Arguments of the flag form of `arrears interest`.
pub struct FlagRequest {
    pub regime: String,
    pub principal: String,
    pub currency: String,
    pub due: String,
    pub until: String,
    pub payments: Vec<String>,
    pub credits: Vec<String>,
    pub options: Vec<String>,
}

/// Reads the request file (or standard input for `-`).
pub fn read_request(path: &str) -> Result<Value, Error> {
    let text = if path == "-" {
        crate::files::read_stdin_text()?
    } else {
        crate::files::read_input_text(std::path::Path::new(path))?
    };
    serde_json::from_str(&text)
        .map_err(|e| Error::new(Code::InvalidDocument, format!("{path}: not JSON: {e}")))
}

fn dated(list: &[String], flag: &str) -> Result<Vec<Value>, Error> {
    list.iter()
        .map(|p| {
            let (date, amount) = p.split_once('=').ok_or_else(|| {
                Error::new(
                    Code::InvalidValue,
                    format!("{flag} {p:?}: expected DATE=AMOUNT, e.g. 2024-02-15=400.00"),
                )
            })?;
            Ok(serde_json::json!({"date": date.trim(), "amount": amount.trim()}))
        })
        .collect()
}

/// Builds the request document from the flags. Values stay strings so that the core parses them
/// with its own strict rules (a JSON number would be refused for an amount); `true`/`false`
/// become booleans for the boolean options.
pub fn request_from_flags(f: &FlagRequest) -> Result<Value, Error> {
    let mut options = Map::new();
    for o in &f.options {
        let (key, value) = o.split_once('=').ok_or_else(|| {
            Error::new(
                Code::InvalidValue,
                format!("--option {o:?}: expected KEY=VALUE, e.g. day_count=act_act"),
            )
        })?;
        let value = match value.trim() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            v => Value::String(v.to_string()),
        };
        options.insert(key.trim().to_string(), value);
    }
    Ok(serde_json::json!({
        "regime": f.regime,
        "principal": f.principal,
        "currency": f.currency,
        "due_date": f.due,
        "until": f.until,
        "payments": dated(&f.payments, "--payment")?,
        "credits": dated(&f.credits, "--credit")?,
        "options": Value::Object(options),
    }))
}

/// Runs the operation and pretty-prints its result.
pub fn run_json(op: &str, request: &Value) -> Result<String, Error> {
    let out = match op {
        // The series of `--rates` first, so that the request's own (if any) win.
        "interest" if !crate::rate_files::extra().is_empty() => {
            let mut request = request.clone();
            if let Some(doc) = request.as_object_mut() {
                let mut rates: Vec<Value> = crate::rate_files::extra()
                    .iter()
                    .map(serde_json::to_value)
                    .collect::<Result<_, _>>()
                    .map_err(|e| Error::new(Code::InvalidDocument, e.to_string()))?;
                if let Some(Value::Array(own)) = doc.remove("rates") {
                    rates.extend(own);
                }
                doc.insert("rates".into(), Value::Array(rates));
            }
            arrears::run(op, &request)?
        }
        "rates" => {
            let req: arrears::rates::ops::RatesRequest = arrears::document::request(request)?;
            let out = arrears::rates::ops::rates_in(&crate::rate_files::table()?, req)?;
            serde_json::to_value(out)
                .map_err(|e| Error::new(Code::InvalidDocument, e.to_string()))?
        }
        _ => arrears::run(op, request)?,
    };
    serde_json::to_string_pretty(&out)
        .map(|s| s + "\n")
        .map_err(|e| Error::new(Code::InvalidDocument, format!("cannot write JSON: {e}")))
}

/// `arrears rates [SERIES]` as a table.
pub fn rates_table(series: Option<&str>) -> Result<String, Error> {
    use std::fmt::Write as _;
    let table = crate::rate_files::table()?;
    let mut out = String::new();
    match series {
        None => {
            let mut t = comfy_table::Table::new();
            t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED)
                .set_header(vec![
                    "Series",
                    "Name",
                    "Entries",
                    "From",
                    "Known until",
                    "Flagged",
                ]);
            for s in table.iter() {
                t.add_row(vec![
                    s.id.clone(),
                    s.name.clone(),
                    s.entries.len().to_string(),
                    s.entries
                        .first()
                        .map(|e| e.from.to_string())
                        .unwrap_or_default(),
                    s.known_until.to_string(),
                    s.flagged_entries().count().to_string(),
                ]);
            }
            let _ = writeln!(out, "{t}\nDetails and sources: arrears rates SERIES");
        }
        Some(id) => {
            let s = table.get(id)?;
            let _ = writeln!(
                out,
                "{} ({})\n{}\nKnown until {}{}",
                s.name,
                s.id,
                s.semantics,
                s.known_until,
                s.known_until_reason
                    .as_ref()
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default()
            );
            let _ = writeln!(out, "Sources: {}\n", s.source);
            let mut t = comfy_table::Table::new();
            t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED)
                .set_header(vec!["From", "Rate %", "Flag / note"]);
            for e in &s.entries {
                let note = match (&e.flag, &e.note) {
                    (Some(f), _) => format!("FLAGGED: {f}"),
                    (None, Some(n)) => n.clone(),
                    (None, None) => String::new(),
                };
                t.add_row(vec![e.from.to_string(), e.rate_percent.to_string(), note]);
            }
            let _ = writeln!(out, "{t}");
        }
    }
    Ok(out)
}
