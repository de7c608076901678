//! `arrears agenda`: today's actions from a ledger, a policy and the journal; `--record` appends
//! them to the journal (never rewriting it).

use std::fmt::Write as _;
use std::path::Path;

use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, CellAlignment, Table};

use arrears::dunning::agenda::Agenda;

use crate::render::label;
use arrears::dunning::journal::JournalEntry;
use arrears::dunning::policy::{Policy, PolicyChoice};
use arrears::Error;

/// A policy argument: a preset id, or a JSON / TOML file.
pub fn policy_choice(arg: Option<&str>) -> Result<PolicyChoice, Error> {
    let Some(arg) = arg else {
        return Ok(PolicyChoice::Preset("fr_standard".into()));
    };
    let path = Path::new(arg);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("json") | Some("toml") => {
            let text = crate::files::read_input_text(path)?;
            let policy = if ext.as_deref() == Some("json") {
                Policy::from_json(&text)
            } else {
                Policy::from_toml(&text)
            }
            .map_err(|e| e.at(arg))?;
            Ok(PolicyChoice::Policy(Box::new(policy)))
        }
        _ => Ok(PolicyChoice::Preset(arg.to_string())),
    }
}

/// Reads a journal file; a missing file is an empty journal (see [`crate::files::Journal`]).
pub fn read_journal(path: Option<&Path>) -> Result<Vec<JournalEntry>, Error> {
    match path {
        Some(p) => Ok(crate::files::Journal::open(p, false)?.entries),
        None => Ok(Vec::new()),
    }
}

fn money(d: rust_decimal::Decimal) -> String {
    crate::render::money(d)
}

fn right(s: impl ToString) -> Cell {
    Cell::new(s.to_string()).set_alignment(CellAlignment::Right)
}

/// The agenda as a table for people.
pub fn agenda_table(a: &Agenda) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Agenda for {}", a.as_of);
    if !a.business_day {
        // Customers under another policy (a German customer's de_standard on a French holiday)
        // follow their own calendar: say "no contact" only when there is none.
        let _ = if a.actions.is_empty() {
            writeln!(
                out,
                "Not a business day of the policy's calendar: no contact today."
            )
        } else {
            writeln!(
                out,
                "Not a business day of the default policy's calendar: only the customers below, whose policy's calendar has one today, are contacted."
            )
        };
    }
    if a.actions.is_empty() && a.business_day {
        let _ = writeln!(out, "Nothing to do today.");
    }
    for act in &a.actions {
        let who = match &act.name {
            Some(n) => format!("{n} ({})", act.customer),
            None => act.customer.clone(),
        };
        let totals: Vec<String> = act
            .totals
            .iter()
            .map(|t| {
                let claimed = if t.total.is_zero() {
                    "nothing overdue".to_string()
                } else {
                    format!(
                        "{} {} + {} penalties = {} {}",
                        money(t.outstanding),
                        t.currency,
                        money(t.penalties),
                        money(t.total),
                        t.currency
                    )
                };
                if t.not_yet_due.is_zero() {
                    claimed
                } else {
                    format!(
                        "{claimed} (and {} {} not yet due)",
                        money(t.not_yet_due),
                        t.currency
                    )
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "\n● {who}: {} ({}, {} tone, letter `{}`): {}\n  {}",
            act.step,
            label(&act.channel),
            label(&act.tone),
            act.template,
            totals.join("; "),
            act.reason
        );
        let mut t = Table::new();
        t.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
            "Invoice",
            "Step",
            "Due",
            "Days late",
            "Outstanding",
            "Interest",
            "Fixed sum",
        ]);
        for i in &act.items {
            let (interest, fixed) = match i.penalties_unavailable {
                Some(_) => ("n/a".to_string(), "n/a".to_string()),
                None => (money(i.interest), money(i.fixed_compensation)),
            };
            // A receivable listed for the whole account, whose own step is not due today.
            let step = match (i.triggered, i.step.is_empty()) {
                (true, _) => i.step.clone(),
                (false, true) => "(account)".to_string(),
                (false, false) => format!("(account; {})", i.step),
            };
            t.add_row(vec![
                Cell::new(&i.receivable),
                Cell::new(step),
                Cell::new(i.due_date),
                right(i.days_late),
                right(format!("{} {}", money(i.outstanding), i.currency)),
                right(interest),
                right(fixed),
            ]);
        }
        for l in &act.settled {
            t.add_row(vec![
                Cell::new(&l.receivable),
                Cell::new(format!(
                    "paid {}",
                    l.settled_on.map(|d| d.to_string()).unwrap_or_default()
                )),
                Cell::new(l.due_date),
                right(l.days_late),
                right(format!("{} {}", money(l.outstanding), l.currency)),
                right(money(l.interest)),
                right(money(l.fixed_compensation)),
            ]);
        }
        let _ = writeln!(out, "{t}");
    }
    if !a.escalations.is_empty() {
        let _ = writeln!(out, "\nEscalations");
        for e in &a.escalations {
            let _ = writeln!(
                out,
                "  - {}: {} for {}{}",
                e.customer,
                label(&e.kind),
                e.receivables.join(", "),
                e.formal_notice_date
                    .map(|d| format!(" (formal notice of {d})"))
                    .unwrap_or_default()
            );
        }
    }
    if !a.promises.is_empty() {
        let _ = writeln!(out, "\nPromises");
        for p in &a.promises {
            let _ = writeln!(
                out,
                "  - {}: {} by {} (made {}): {}, {} paid",
                p.customer,
                money(p.amount),
                p.promised_date,
                p.made_on,
                label(&p.status),
                money(p.paid)
            );
        }
    }
    if !a.paused.is_empty() {
        let _ = writeln!(out, "\nNot contacted today");
        // One line per customer and reason.
        let mut groups: std::collections::BTreeMap<(&str, String), Vec<String>> =
            std::collections::BTreeMap::new();
        for p in &a.paused {
            let reason = p
                .reason
                .split(" since ")
                .next()
                .unwrap_or(&p.reason)
                .replace('_', " ");
            let reason = match p.until {
                Some(d) => format!("{reason} until {d}"),
                None => reason,
            };
            groups
                .entry((p.customer.as_str(), reason))
                .or_default()
                .extend(p.receivable.iter().cloned());
        }
        for ((customer, reason), receivables) in groups {
            let list = if receivables.is_empty() {
                String::new()
            } else {
                format!(" ({})", receivables.join(", "))
            };
            let _ = writeln!(out, "  - {customer}: {reason}{list}");
        }
    }
    if !a.warnings.is_empty() {
        let _ = writeln!(out, "\nWarnings");
        // One line per customer and kind of warning, listing the receivables.
        let mut groups: std::collections::BTreeMap<(&str, &str), (Vec<&str>, &str)> =
            std::collections::BTreeMap::new();
        for w in &a.warnings {
            let g = groups
                .entry((w.customer.as_str(), w.code.as_str()))
                .or_insert((Vec::new(), w.message.as_str()));
            if let Some(r) = &w.receivable {
                g.0.push(r.as_str());
            }
        }
        // Then one line per message, listing the customers it concerns (a rate warning is the same
        // for every customer whose contact quotes that rate).
        let mut lines: Vec<((&str, &str), Vec<String>, bool)> = Vec::new();
        for ((customer, code), (receivables, message)) in groups {
            let who = if receivables.is_empty() {
                customer.to_string()
            } else {
                format!("{customer} {}", receivables.join(", "))
            };
            let several = receivables.len() > 1;
            match lines.iter_mut().find(|(k, _, _)| *k == (code, message)) {
                Some((_, list, many)) => {
                    list.push(who);
                    *many |= several;
                }
                None => lines.push(((code, message), vec![who], several)),
            }
        }
        for ((code, message), who, many) in lines {
            let more = if many { " (first shown)" } else { "" };
            let _ = writeln!(out, "  - {}: {message}{more} [{code}]", who.join("; "));
        }
    }
    out
}
