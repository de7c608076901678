//! Formatting what the core computed: tables for people, JSON and CSV for programs.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, CellAlignment, ContentArrangement, Table};
use rust_decimal::Decimal;
use serde::Serialize;

use arrears::claim::{Claims, CustomerClaim};
use arrears::dunning::agenda::AgendaSettings;
use arrears::dunning::journal::JournalEntry;
use arrears::interest::ledger::LedgerInterest;
use arrears::kpi::{self, AgingOptions, Overview};
use arrears::ledger::{CurrencyTotals, Ledger, LedgerState, ReceivableState, ReceivableStatus};
use arrears::{Code, Error};

/// The report's output formats (`--format`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Html,
}

/// How many worst payers the report lists.
const WORST: usize = 10;

/// The report document (`--format json`).
#[derive(Serialize)]
struct ReportDoc<'a> {
    as_of: NaiveDate,
    totals: &'a [CurrencyTotals],
    open_receivables: Vec<&'a ReceivableState>,
    overview: &'a Overview,
    /// What each late customer is claimed, per currency (the same as the agenda and the letters).
    claims: &'a [CustomerClaim],
    penalties: &'a LedgerInterest,
    kpis: &'a arrears::kpi::KpiReport,
    risk: &'a [arrears::risk::CustomerRisk],
    warnings: &'a [String],
}

/// The KPIs of the last twelve months to the as-of date, or since the ledger's first invoice
/// ([`arrears::kpi::KpiPeriod::trailing_year`]), one group per currency.
fn kpis_of(ledger: &Ledger, as_of: NaiveDate) -> Result<arrears::kpi::KpiReport, Error> {
    let options = arrears::kpi::KpiOptions {
        per_currency: true,
        ..arrears::kpi::KpiOptions::default()
    };
    arrears::kpi::kpis(
        ledger,
        None,
        arrears::kpi::KpiPeriod::trailing_year(ledger, as_of)?,
        arrears::kpi::GroupBy::Portfolio,
        &options,
    )
}

fn figure(f: &arrears::kpi::Figure, unit: &str) -> String {
    match (&f.value, &f.reason) {
        (Some(v), _) => format!("{v}{unit}"),
        (None, Some(r)) => format!("n/a ({})", r.replace('_', " ")),
        (None, None) => "n/a".into(),
    }
}

/// Renders the report of a ledger as of a date. `settings` carries the regime choice and the
/// policy (the HTML page shows the day's agenda); `journal` the disputes, promises and steps
/// recorded.
pub fn report(
    ledger: &Ledger,
    as_of: NaiveDate,
    format: Format,
    title: &str,
    settings: &AgendaSettings,
    journal: &[JournalEntry],
) -> Result<String, Error> {
    if format == Format::Html {
        let inputs = arrears::report::ReportInputs::compute_with(
            ledger,
            as_of,
            title,
            journal,
            settings,
            &crate::rate_files::table()?,
        )?;
        return Ok(arrears::report::html(&inputs));
    }
    let state = ledger.state_as_of(as_of)?;
    let rates = crate::rate_files::table()?;
    let claims_of = Claims::compute(ledger, &state, &settings.interest_options(journal)?, &rates)?;
    let disputes = arrears::dunning::journal::open_disputes(journal, as_of);
    let claims = claims_of.all(&disputes)?;
    let risk = arrears::risk::assess(
        ledger,
        journal,
        as_of,
        &arrears::risk::RiskOptions::default(),
    )?;
    let missing = MissingPenalties::of(ledger, &claims);
    // The CSV is the open receivables with their claims and risk grades: the aging overview and
    // the KPIs (a second replay of the ledger, the slowest part at portfolio scale) are computed
    // only for the formats that print them.
    if format == Format::Csv {
        return csv_open_receivables(&state, &claims, &missing, &risk);
    }
    let overview = kpi::overview(&state, &AgingOptions::default(), WORST)?;
    let kpis = kpis_of(ledger, as_of)?;
    match format {
        Format::Json => {
            let doc = ReportDoc {
                as_of,
                totals: &state.totals,
                open_receivables: open(&state),
                overview: &overview,
                claims: &claims,
                penalties: claims_of.penalties(),
                kpis: &kpis,
                risk: &risk,
                warnings: &state.warnings,
            };
            serde_json::to_string_pretty(&doc)
                .map(|s| s + "\n")
                .map_err(|e| Error::new(Code::InvalidDocument, format!("cannot write JSON: {e}")))
        }
        _ => {
            let coverage = arrears::kpi::summary::coverage_warnings(
                ledger,
                &arrears::kpi::KpiPeriod {
                    as_of,
                    from: kpis.from,
                    to: kpis.to,
                },
            );
            let text = table(
                &Sections {
                    state: &state,
                    overview: &overview,
                    claims: &claims,
                    missing: &missing,
                    kpis: &kpis,
                    coverage: &coverage,
                    risk: &risk,
                },
                title,
            );
            // Names and ids come from the input: no control character reaches the terminal.
            Ok(crate::terminal::neutralise(&text).into_owned())
        }
    }
}

/// Why the penalties of some late invoices were not computed ([`arrears::claim::missing_penalties`]),
/// with the command-line option that fixes the most common cause.
struct MissingPenalties {
    /// (reason with its code and hint, customers, receivables).
    groups: Vec<(String, Vec<String>, Vec<String>)>,
    /// Receivable → reason, for the CSV column.
    by_receivable: BTreeMap<String, String>,
}

impl MissingPenalties {
    fn of(ledger: &Ledger, claims: &[CustomerClaim]) -> MissingPenalties {
        let without_country: Vec<&str> = ledger
            .document()
            .customers
            .iter()
            .filter(|c| c.country.is_none())
            .map(|c| c.id.as_str())
            .collect();
        let known: Vec<&str> = ledger
            .document()
            .customers
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        let groups = arrears::claim::missing_penalties(claims)
            .into_iter()
            .map(|g| {
                let no_country = g
                    .customers
                    .iter()
                    .any(|c| without_country.contains(&c.as_str()) || !known.contains(&c.as_str()));
                let hint = if g.code == Code::NoRegime.as_str() && no_country {
                    " (pass --country FR, or give the file a customer_country column)"
                } else {
                    ""
                };
                (
                    format!("{}{hint} [{}]", g.reason, g.code),
                    g.customers,
                    g.receivables,
                )
            })
            .collect();
        let by_receivable = claims
            .iter()
            .flat_map(|c| c.without_penalties.iter())
            .map(|s| (s.receivable.clone(), s.reason.clone()))
            .collect();
        MissingPenalties {
            groups,
            by_receivable,
        }
    }
}

fn open(state: &LedgerState) -> Vec<&ReceivableState> {
    state
        .receivables
        .iter()
        .filter(|r| !r.outstanding.is_zero())
        .collect()
}

/// `12345.6` → `12,345.60`-style grouping for people; the JSON and CSV forms keep plain decimals.
pub fn money(d: Decimal) -> String {
    arrears::money::group_thousands(d, ',')
}

/// The document name of an enum value (`registered_letter`, `overdue`), as serde writes it.
pub fn label<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn right(s: impl ToString) -> Cell {
    Cell::new(s.to_string()).set_alignment(CellAlignment::Right)
}

fn new_table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.iter().map(Cell::new));
    t
}

fn status_text(r: &ReceivableState) -> String {
    let mut s = match r.status {
        ReceivableStatus::NotDue => "not due".to_string(),
        ReceivableStatus::Overdue => "overdue".to_string(),
        ReceivableStatus::Paid => "paid".to_string(),
        ReceivableStatus::Credited => "credited".to_string(),
        ReceivableStatus::WrittenOff => "written off".to_string(),
        _ => "other".to_string(),
    };
    if r.partially_paid {
        s.push_str(", part paid");
    }
    if !r.disputed.is_zero() {
        let _ = write!(s, ", {} disputed", money(r.disputed));
    }
    s
}

/// Interest and fixed compensation claimed on each open receivable whose penalties were computed,
/// by receivable id (one pass over the claims, so a row's look-up does not scan them).
fn penalties_by_receivable(claims: &[CustomerClaim]) -> BTreeMap<&str, (Decimal, Decimal)> {
    claims
        .iter()
        .flat_map(|c| c.lines.iter())
        .filter(|l| l.settled_on.is_none() && l.regime.is_some())
        .map(|l| (l.receivable.as_str(), (l.interest, l.fixed_compensation)))
        .collect()
}

/// What the table report shows, computed by the engines.
struct Sections<'a> {
    state: &'a LedgerState,
    overview: &'a Overview,
    claims: &'a [CustomerClaim],
    missing: &'a MissingPenalties,
    kpis: &'a arrears::kpi::KpiReport,
    /// What the key figures' period lacks ([`arrears::kpi::summary::coverage_warnings`]).
    coverage: &'a [String],
    risk: &'a [arrears::risk::CustomerRisk],
}

fn table(sections: &Sections<'_>, title: &str) -> String {
    let Sections {
        state,
        overview,
        claims,
        missing,
        kpis,
        coverage,
        risk,
    } = *sections;
    let mut out = String::new();
    let _ = writeln!(out, "{title}\nAs of {}\n", state.as_of);

    // Headline per currency.
    for t in &state.totals {
        let _ = writeln!(
            out,
            "{}: {} outstanding on {} open invoice(s), of which {} overdue on {}{}{}",
            t.currency,
            money(t.outstanding),
            t.open_receivables,
            money(t.overdue),
            t.overdue_receivables,
            if t.disputed.is_zero() {
                String::new()
            } else {
                format!("; {} disputed", money(t.disputed))
            },
            if t.unapplied_credit.is_zero() {
                String::new()
            } else {
                format!(
                    "; {} received but not matched to an invoice",
                    money(t.unapplied_credit)
                )
            },
        );
    }

    // Open invoices grouped by customer, customers with the most overdue first.
    let names: BTreeMap<&str, Option<&String>> = state
        .customers
        .iter()
        .map(|c| (c.customer.as_str(), c.name.as_ref()))
        .collect();
    let mut by_customer: BTreeMap<&str, Vec<&ReceivableState>> = BTreeMap::new();
    for r in open(state) {
        by_customer.entry(r.customer.as_str()).or_default().push(r);
    }
    let mut groups: Vec<(&str, Vec<&ReceivableState>)> = by_customer.into_iter().collect();
    let overdue_of = |rs: &Vec<&ReceivableState>| -> (i64, Decimal) {
        let max = rs.iter().map(|r| r.days_late).max().unwrap_or(0);
        let sum = rs
            .iter()
            .filter(|r| r.status == ReceivableStatus::Overdue)
            .fold(Decimal::ZERO, |a, r| a.saturating_add(r.outstanding));
        (max, sum)
    };
    groups.sort_by(|a, b| {
        let (ma, sa) = overdue_of(&a.1);
        let (mb, sb) = overdue_of(&b.1);
        sb.cmp(&sa).then(mb.cmp(&ma)).then(a.0.cmp(b.0))
    });
    let _ = writeln!(out, "\nOpen invoices by customer (most overdue first)");
    let penalties = penalties_by_receivable(claims);
    let mut t = new_table(&[
        "Customer",
        "Invoice",
        "Issued",
        "Due",
        "Amount",
        "Outstanding",
        "Days late",
        "Interest",
        "Fixed sum",
        "Status",
    ]);
    for (customer, rs) in &groups {
        let name = names.get(customer).copied().flatten();
        let label = match name {
            Some(n) => format!("{n} ({customer})"),
            None => (*customer).to_string(),
        };
        for (i, r) in rs.iter().enumerate() {
            t.add_row(vec![
                Cell::new(if i == 0 { label.clone() } else { String::new() }),
                Cell::new(&r.id),
                Cell::new(r.issue_date),
                Cell::new(r.due_date),
                right(format!("{} {}", money(r.amount), r.currency)),
                right(format!("{} {}", money(r.outstanding), r.currency)),
                right(if r.days_late > 0 {
                    r.days_late.to_string()
                } else {
                    "-".into()
                }),
                right(
                    penalties
                        .get(r.id.as_str())
                        .map(|p| money(p.0))
                        .unwrap_or_else(|| no_penalty(missing, r)),
                ),
                right(
                    penalties
                        .get(r.id.as_str())
                        .map(|p| money(p.1))
                        .unwrap_or_else(|| no_penalty(missing, r)),
                ),
                Cell::new(status_text(r)),
            ]);
        }
    }
    let _ = writeln!(out, "{t}");

    // Why some late invoices carry no penalty: said every time, not only beside other customers'
    // penalties.
    if !missing.groups.is_empty() {
        let _ = writeln!(
            out,
            "\nNo late-payment penalties computed for some overdue invoices (\"n/a\" above)"
        );
        for (reason, customers, receivables) in &missing.groups {
            let _ = writeln!(
                out,
                "  ! {} invoice(s) of {}: {reason}",
                receivables.len(),
                customers.join(", ")
            );
        }
    }

    // What each customer is claimed, largest first: the same amounts as the agenda and the
    // letters (arrears::claim).
    if !claims.is_empty() {
        let _ = writeln!(
            out,
            "\nWhat late customers owe as of {}: principal, statutory interest and fixed compensation \
             (C. com. L441-10 / D441-5 in France, § 288 BGB in Germany, Late Payment Act 1998 in the UK)",
            state.as_of
        );
        // Customers with something claimed; those who only owe penalties on invoices paid late
        // (not claimed by default) are summed up below the table.
        let mut rows: Vec<&CustomerClaim> = claims.iter().filter(|c| !c.lines.is_empty()).collect();
        rows.sort_by(|a, b| b.total.cmp(&a.total).then(a.customer.cmp(&b.customer)));
        let unclaimed = claims.iter().any(|c| !c.settled_not_claimed.is_zero());
        // Credits on account set off (C. civ. 1347), when any customer has some.
        let set_off = rows.iter().any(|c| !c.set_off.is_zero());
        let mut header = vec!["Customer", "Invoices", "Principal"];
        if set_off {
            header.push("Credits set off");
        }
        header.extend(["Interest", "Fixed sums", "Total claimed"]);
        if unclaimed {
            header.push("Not claimed: paid late");
        }
        let mut t = new_table(&header);
        for c in rows {
            let mut cells = vec![
                Cell::new(match &c.name {
                    Some(n) => format!("{n} ({})", c.customer),
                    None => c.customer.clone(),
                }),
                right(c.lines.len()),
                right(format!("{} {}", money(c.principal), c.currency)),
            ];
            if set_off {
                cells.push(right(if c.set_off.is_zero() {
                    "-".to_string()
                } else {
                    format!("-{}", money(c.set_off))
                }));
            }
            cells.extend([
                right(money(c.interest)),
                right(money(c.fixed_compensation)),
                right(format!("{} {}", money(c.total), c.currency)),
            ]);
            if unclaimed {
                cells.push(right(if c.settled_not_claimed.is_zero() {
                    "-".to_string()
                } else {
                    format!(
                        "{} ({} inv.)",
                        money(c.settled_not_claimed),
                        c.settled_not_claimed_count
                    )
                }));
            }
            t.add_row(cells);
        }
        let _ = writeln!(out, "{t}");
        let _ = writeln!(
            out,
            "  Principal is what is still unpaid on each invoice; interest is all the interest accrued and not paid in \
             cash (with interest-first imputation, C. civ. 1343-1, § 367 BGB, the statement counts part of it as \
             principal: the total is the same).{}",
            if set_off {
                " Credits set off are credit notes and overpayments on the customer's account not yet matched, \
                 deducted from what is claimed (C. civ. 1347)."
            } else {
                ""
            }
        );
        for u in arrears::claim::unclaimed(claims) {
            let _ = writeln!(
                out,
                "  Not claimed: {} {} of interest and fixed compensation still owed on {} invoice(s) \
                 paid late by {} customer(s); the agenda and the letters leave them out too. Pass \
                 --settled-penalties claim to claim them everywhere.",
                money(u.amount),
                u.currency,
                u.invoices,
                u.customers
            );
        }
        let flagged: std::collections::BTreeSet<&str> = claims
            .iter()
            .flat_map(|c| c.warnings.iter())
            .map(|w| w.message.as_str())
            .collect();
        for w in flagged {
            let _ = writeln!(out, "  ! {w}");
        }
    }

    // Aging.
    let aging = &overview.aging;
    let _ = writeln!(out, "\nAging balance by days past due");
    let mut header: Vec<String> = vec!["".into()];
    header.extend(aging.buckets.iter().map(|b| match b.label.as_str() {
        "not_due" => "Not due".to_string(),
        l => format!("{l} days"),
    }));
    header.push("Total".into());
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut t = new_table(&header_refs);
    for row in &aging.totals {
        let mut cells = vec![Cell::new(row.currency)];
        cells.extend(row.amounts.iter().map(|a| right(money(*a))));
        cells.push(right(money(row.total)));
        t.add_row(cells);
        let mut share = vec![Cell::new("share")];
        share.extend(row.amounts.iter().map(|a| right(percent(*a, row.total))));
        share.push(right("100 %"));
        t.add_row(share);
    }
    let _ = writeln!(out, "{t}");

    // Key figures over the last twelve months (docs/kpi.md).
    let _ = writeln!(
        out,
        "\nKey figures, {} to {} (docs/kpi.md)",
        kpis.from, kpis.to
    );
    let mut t = new_table(&["", "Value"]);
    for g in &kpis.groups {
        let c = g.currency;
        let mut row = |k: String, v: String| {
            t.add_row(vec![Cell::new(k), right(v)]);
        };
        row(
            format!("DSO, standard ({c})"),
            figure(&g.dso.standard, " days"),
        );
        row(
            format!("DSO, count-back ({c})"),
            figure(&g.dso.count_back, " days"),
        );
        row(
            format!("Best possible DSO ({c})"),
            figure(&g.dso.best_possible, " days"),
        );
        row(
            format!("Average days delinquent ({c})"),
            figure(&g.dso.average_days_delinquent, " days"),
        );
        row(format!("CEI ({c})"), figure(&g.cei.percent, " %"));
        for r in &g.recovery {
            row(
                format!("Recovered within {} days of due ({c})", r.within_days),
                figure(&r.percent, " %"),
            );
        }
        row(
            format!("Overdue held by the top 20 % of customers ({c})"),
            figure(&g.concentration.top_share, " %"),
        );
        row(
            format!("Provision, age grid / IFRS 9 matrix ({c})"),
            format!(
                "{} / {}",
                money(g.provisions.age_grid.provision),
                money(g.provisions.ifrs9.provision)
            ),
        );
        row(
            format!("Write-off candidates ({c})"),
            g.write_off_candidates.len().to_string(),
        );
    }
    let _ = writeln!(out, "{t}");
    for w in coverage {
        let _ = writeln!(out, "  ! {w}");
    }

    // Risk grades of the customers who owe something, riskiest first (docs/risk.md).
    let owing: std::collections::HashSet<&str> =
        open(state).iter().map(|r| r.customer.as_str()).collect();
    let mut risky: Vec<&arrears::risk::CustomerRisk> = risk
        .iter()
        .filter(|c| owing.contains(c.customer.as_str()))
        .collect();
    risky.sort_by(|a, b| b.score.cmp(&a.score).then(a.customer.cmp(&b.customer)));
    if !risky.is_empty() {
        let _ = writeln!(out, "\nRisk grades (0 safest, 100 riskiest; customers with something outstanding, riskiest first)");
        let mut t = new_table(&[
            "Customer",
            "Grade",
            "Score",
            "Main reason",
            "Recommended terms",
        ]);
        for c in risky.iter().take(10) {
            let terms = &c.recommended_terms;
            let method = label(&terms.payment_method).replace('_', " ");
            t.add_row(vec![
                Cell::new(
                    c.name
                        .as_ref()
                        .map_or(c.customer.clone(), |n| format!("{n} ({})", c.customer)),
                ),
                Cell::new(c.grade.as_str()),
                right(c.score),
                Cell::new(
                    c.factors
                        .first()
                        .map(|f| f.explanation.clone())
                        .unwrap_or_default(),
                ),
                Cell::new(if method == "prepayment" {
                    "prepayment only".to_string()
                } else {
                    format!(
                        "{} % deposit, {} days max, {method}",
                        terms.deposit_percent, terms.max_term_days
                    )
                }),
            ]);
        }
        let _ = writeln!(out, "{t}");
    }

    // Payment delays, per currency (amounts of different currencies are never added: the
    // weighted days to pay is a figure per currency).
    let _ = writeln!(
        out,
        "\nPayment behaviour (invoices settled by payment up to {})",
        state.as_of
    );
    if overview.delays_by_currency.is_empty() {
        let _ = writeln!(out, "  No invoice has been paid yet.");
    }
    for d in &overview.delays_by_currency {
        if let (Some(avg), Some(w), Some(late), Some(currency)) = (
            d.average_days_to_pay,
            d.weighted_days_to_pay,
            d.average_days_late,
            d.currency,
        ) {
            let _ = writeln!(
                out,
                "  {currency}: {} invoices paid; average {} days from invoice to payment ({} weighted by amount); \
                 average {} days late; {} of {} paid after the due date.",
                d.paid_receivables, avg, w, late, d.paid_late, d.paid_receivables
            );
        }
    }

    // Worst payers.
    if !overview.worst_payers.is_empty() {
        let _ = writeln!(
            out,
            "\nWorst payers (average days late, paid and still-open invoices)"
        );
        let mut t = new_table(&[
            "Customer",
            "Avg days late",
            "Late / counted",
            "Worst delay",
            "Outstanding",
        ]);
        for w in &overview.worst_payers {
            let outstanding = state
                .customers
                .iter()
                .find(|c| c.customer == w.customer)
                .map(|c| {
                    c.totals
                        .iter()
                        .map(|t| format!("{} {}", money(t.outstanding), t.currency))
                        .collect::<Vec<_>>()
                        .join(" + ")
                })
                .unwrap_or_default();
            t.add_row(vec![
                Cell::new(match &w.name {
                    Some(n) => format!("{n} ({})", w.customer),
                    None => w.customer.clone(),
                }),
                right(w.average_days_late),
                right(format!("{} / {}", w.late, w.receivables)),
                right(format!("{} days", w.max_days_late)),
                right(outstanding),
            ]);
        }
        let _ = writeln!(out, "{t}");
    }

    if !state.warnings.is_empty() {
        let _ = writeln!(out, "\nNotes");
        for w in &state.warnings {
            let _ = writeln!(out, "  - {w}");
        }
    }
    out
}

fn percent(part: Decimal, total: Decimal) -> String {
    match part.saturating_mul(Decimal::from(100)).checked_div(total) {
        Some(p) => format!("{} %", p.round_dp(1)),
        None => "-".into(),
    }
}

/// Spreadsheets execute cells that start with `=`, `+`, `-`, `@` (and tab or carriage return
/// in some), so text from the ledger (customer names, invoice numbers) is prefixed with `'` there.
/// Amounts we write ourselves are numbers and are left alone. (OWASP, "CSV Injection".)
fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The text in a penalty cell of an overdue invoice without penalties (the notes say why).
fn no_penalty(missing: &MissingPenalties, r: &ReceivableState) -> String {
    if missing.by_receivable.contains_key(&r.id) {
        "n/a".into()
    } else {
        "-".into()
    }
}

fn csv_open_receivables(
    state: &LedgerState,
    claims: &[CustomerClaim],
    missing: &MissingPenalties,
    risk: &[arrears::risk::CustomerRisk],
) -> Result<String, Error> {
    let names: BTreeMap<&str, Option<&String>> = state
        .customers
        .iter()
        .map(|c| (c.customer.as_str(), c.name.as_ref()))
        .collect();
    let penalties = penalties_by_receivable(claims);
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| Error::new(Code::Unreadable, format!("cannot write CSV: {e}"));
    w.write_record([
        "customer",
        "customer_name",
        "invoice",
        "receivable",
        "issue_date",
        "due_date",
        "currency",
        "amount",
        "paid",
        "credited",
        "outstanding",
        "disputed",
        "days_late",
        "status",
        "interest",
        "fixed_compensation",
        "no_penalties_reason",
        "risk_grade",
    ])
    .map_err(err)?;
    let grades: BTreeMap<&str, &str> = risk
        .iter()
        .map(|c| (c.customer.as_str(), c.grade.as_str()))
        .collect();
    for r in open(state) {
        let name = names
            .get(r.customer.as_str())
            .copied()
            .flatten()
            .map(String::as_str)
            .unwrap_or("");
        let status = label(&r.status);
        w.write_record([
            neutralise(&r.customer),
            neutralise(name),
            neutralise(&r.invoice),
            neutralise(&r.id),
            r.issue_date.to_string(),
            r.due_date.to_string(),
            r.currency.to_string(),
            r.amount.to_string(),
            r.paid.to_string(),
            r.credited.to_string(),
            r.outstanding.to_string(),
            r.disputed.to_string(),
            r.days_late.to_string(),
            status,
            penalties
                .get(r.id.as_str())
                .map(|p| p.0.to_string())
                .unwrap_or_default(),
            penalties
                .get(r.id.as_str())
                .map(|p| p.1.to_string())
                .unwrap_or_default(),
            missing
                .by_receivable
                .get(&r.id)
                .cloned()
                .unwrap_or_default(),
            grades
                .get(r.customer.as_str())
                .copied()
                .unwrap_or("")
                .to_string(),
        ])
        .map_err(err)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::new(Code::Unreadable, e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::new(Code::Unreadable, e.to_string()))
}

/// The KPI report as a tidy CSV (`arrears::kpi::tidy`): one figure a row, numbers as plain
/// decimals, empty cells for undefined figures.
pub fn kpis_csv(report: &arrears::kpi::KpiReport) -> Result<String, Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| Error::new(Code::Unreadable, format!("cannot write CSV: {e}"));
    w.write_record(arrears::kpi::tidy::COLUMNS).map_err(err)?;
    for r in arrears::kpi::tidy::rows(report) {
        w.write_record([
            neutralise(r.group.as_deref().unwrap_or("")),
            r.currency.to_string(),
            r.kpi,
            r.period.unwrap_or_default(),
            r.value.map(|v| v.to_string()).unwrap_or_default(),
            r.unit.to_string(),
            r.reason.unwrap_or_default(),
        ])
        .map_err(err)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::new(Code::Unreadable, e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::new(Code::Unreadable, e.to_string()))
}

/// The penalty table as CSV: the columns of `arrears::portfolio::COLUMNS`, amounts as plain
/// decimals, ids neutralised against formula injection.
pub fn penalties_csv(rows: &[arrears::portfolio::PenaltyRow]) -> Result<String, Error> {
    let mut w = csv::Writer::from_writer(Vec::with_capacity(rows.len().saturating_mul(96)));
    let err = |e: csv::Error| Error::new(Code::Unreadable, format!("cannot write CSV: {e}"));
    w.write_record(arrears::portfolio::COLUMNS).map_err(err)?;
    for r in rows {
        w.write_record([
            neutralise(&r.id).as_str(),
            neutralise(&r.customer).as_str(),
            r.currency.code(),
            &r.due_date.to_string(),
            &r.days_late.to_string(),
            &r.bucket,
            &r.outstanding.to_string(),
            &r.interest.to_string(),
            &r.interest_paid.to_string(),
            &r.interest_outstanding.to_string(),
            &r.fixed_compensation.to_string(),
            &r.total_due.to_string(),
        ])
        .map_err(err)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::new(Code::Unreadable, e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::new(Code::Unreadable, e.to_string()))
}

/// The per-customer totals as CSV: the columns of `arrears::portfolio::customers::COLUMNS`,
/// amounts as plain decimals, customer ids neutralised against formula injection.
pub fn customer_totals_csv(
    rows: &[arrears::portfolio::customers::CustomerTotal],
) -> Result<String, Error> {
    let mut w = csv::Writer::from_writer(Vec::with_capacity(rows.len().saturating_mul(128)));
    let err = |e: csv::Error| Error::new(Code::Unreadable, format!("cannot write CSV: {e}"));
    w.write_record(arrears::portfolio::customers::COLUMNS)
        .map_err(err)?;
    for r in rows {
        let mut record = vec![
            neutralise(&r.customer),
            r.currency.code().to_string(),
            r.invoices.to_string(),
            r.open_invoices.to_string(),
            r.overdue_invoices.to_string(),
            r.outstanding.to_string(),
            r.overdue.to_string(),
        ];
        record.extend(r.aging.iter().map(|a| a.amount.to_string()));
        record.extend([
            r.max_days_late.to_string(),
            r.interest.to_string(),
            r.interest_outstanding.to_string(),
            r.fixed_compensation.to_string(),
            r.total_due.to_string(),
        ]);
        w.write_record(&record).map_err(err)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::new(Code::Unreadable, e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::new(Code::Unreadable, e.to_string()))
}

/// A payment plan as a table.
pub fn plan_table(plan: &arrears::plans::PaymentPlan) -> String {
    let mut out = String::new();
    let cur = plan.terms.currency;
    let mut t = new_table(&["#", "Due", "Principal", "Interest", "Amount"]);
    for i in &plan.instalments {
        t.add_row(vec![
            right(i.number),
            Cell::new(i.due_date),
            right(money(i.principal)),
            right(money(i.interest)),
            right(format!("{} {cur}", money(i.amount))),
        ]);
    }
    let _ = writeln!(out, "{t}");
    let _ = writeln!(
        out,
        "Total {} {cur} (principal {}, interest {})",
        money(plan.totals.total),
        money(plan.totals.principal),
        money(plan.totals.interest)
    );
    for f in &plan.findings {
        let code = label(&f.code);
        let _ = writeln!(out, "  ! {} [{code}]", f.message);
    }
    out
}

/// The error-code catalogue, as the Markdown page `docs/errors.md` or as JSON.
pub fn error_catalogue(json: bool) -> String {
    if json {
        let list: Vec<serde_json::Value> = Code::ALL
            .iter()
            .map(|c| serde_json::json!({"code": c.as_str(), "description": c.description()}))
            .collect();
        return serde_json::to_string_pretty(&list).unwrap_or_default() + "\n";
    }
    let mut out = String::from(
        "# Error codes\n\n\
         <!-- Generated by `make docs-errors` (`arrears errors --format markdown`) from \
         `core/src/error.rs`; do not edit by hand. -->\n\n\
         Every error the library returns carries one of these stable codes. Codes are never \
         renamed once released; new ones may be added. Bindings expose the code as `err.code` \
         (Node), `.code` on `arrears.ArrearsError` (Python) and `code` on the Swift/Kotlin \
         exception; the CLI prints it in brackets and `{\"error\": {\"code\": ...}}` in JSON.\n\n\
         An error may list several problems (a ledger with three bad rows reports all three); \
         each has its own code and a path to the place in the input.\n\n",
    );
    let mut area = "";
    for c in Code::ALL {
        let this = c.as_str().split('.').next().unwrap_or("");
        if this != area {
            area = this;
            let _ = write!(out, "\n## `{area}`\n\n| code | meaning |\n|---|---|\n");
        }
        let _ = writeln!(out, "| `{}` | {} |", c.as_str(), c.description());
    }
    out
}

/// The penalty table straight from the batch engine's columns: the same text as
/// [`penalties_csv`] on its rows (the csv crate's quoting, formula cells neutralised), formatted
/// by hand into one buffer: no row document, no allocation per cell.
///
/// # Errors
/// A failed write.
pub fn penalties_csv_columns(
    book: &arrears::portfolio::columns::Book,
    table: &arrears::portfolio::batch::PenaltyTable,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    // Blocks of rows formatted two at a time, one on each core, then written in order.
    const BLOCK: usize = 1 << 15;
    out.write_all(arrears::portfolio::COLUMNS.join(",").as_bytes())?;
    out.write_all(b"\n")?;
    let rows = table.invoice.len();
    let (mut first, mut second) = (Vec::new(), Vec::new());
    let mut at = 0usize;
    while at < rows {
        let middle = at.saturating_add(BLOCK).min(rows);
        let end = middle.saturating_add(BLOCK).min(rows);
        first.clear();
        second.clear();
        std::thread::scope(|scope| {
            let other = scope.spawn(|| penalty_rows(book, table, middle..end, &mut second));
            penalty_rows(book, table, at..middle, &mut first);
            // The closure cannot panic; a failed join would only lose the second block's text,
            // which the length check below turns into an error.
            let _ = other.join();
        });
        out.write_all(&first)?;
        if middle < end && second.is_empty() {
            return Err(std::io::Error::other(
                "a block of the table was not formatted",
            ));
        }
        out.write_all(&second)?;
        at = end;
    }
    out.flush()
}

/// Rows `range` of the penalty table as CSV lines.
fn penalty_rows(
    book: &arrears::portfolio::columns::Book,
    table: &arrears::portfolio::batch::PenaltyTable,
    range: std::ops::Range<usize>,
    buf: &mut Vec<u8>,
) {
    use arrears::portfolio::batch::SETTLED;
    buf.reserve(range.len().saturating_mul(100));
    for k in range {
        let Some(&i) = table.invoice.get(k) else {
            break;
        };
        let i = i as usize;
        let currency = book.currency(book.invoice_currency.get(i).copied().unwrap_or(0));
        let units = currency.minor_units();
        let customer = book.invoice_customer.get(i).copied().unwrap_or(0) as usize;
        let at = |v: &[i64]| v.get(k).copied().unwrap_or(0);
        push_text_cell(buf, book.invoice_id.get_bytes(i));
        buf.push(b',');
        push_text_cell(buf, book.customer_id.get_bytes(customer));
        buf.push(b',');
        buf.extend_from_slice(currency.code().as_bytes());
        buf.push(b',');
        if let Some(d) =
            arrears::portfolio::columns::date_of(book.invoice_due.get(i).copied().unwrap_or(0))
        {
            push_date(buf, d);
        }
        buf.push(b',');
        push_integer(buf, at(&table.days_late), 0);
        buf.push(b',');
        buf.extend_from_slice(match table.bucket.get(k).copied() {
            Some(SETTLED) | None => b"settled",
            Some(b) => table
                .bucket_labels
                .get(usize::from(b))
                .map_or(&b""[..], |l| l.as_bytes()),
        });
        for column in [
            &table.outstanding,
            &table.interest,
            &table.interest_paid,
            &table.interest_outstanding,
            &table.fixed_compensation,
            &table.total_due,
        ] {
            buf.push(b',');
            push_integer(buf, at(column), units);
        }
        buf.push(b'\n');
    }
}

/// A text cell as the csv crate writes it (quoted when it holds a comma, a quote or a line
/// break; quotes doubled), neutralised like [`neutralise`].
fn push_text_cell(out: &mut Vec<u8>, text: &[u8]) {
    let formula = matches!(
        text.first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    let quote = text
        .iter()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
    if !quote && !formula {
        out.extend_from_slice(text);
        return;
    }
    if quote {
        out.push(b'"');
    }
    if formula {
        out.push(b'\'');
    }
    for &b in text {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    if quote {
        out.push(b'"');
    }
}

/// `YYYY-MM-DD`, as `NaiveDate` displays years 0 to 9999.
fn push_date(out: &mut Vec<u8>, d: NaiveDate) {
    use chrono::Datelike;
    match u16::try_from(d.year()) {
        Ok(y) if y <= 9999 => {
            let digit = |n: u16| b'0'.saturating_add(u8::try_from(n % 10).unwrap_or(0));
            let (m, day) = (d.month() as u16, d.day() as u16);
            out.extend_from_slice(&[
                digit(y / 1000),
                digit(y / 100),
                digit(y / 10),
                digit(y),
                b'-',
                digit(m / 10),
                digit(m),
                b'-',
                digit(day / 10),
                digit(day),
            ]);
        }
        _ => out.extend_from_slice(d.to_string().as_bytes()),
    }
}

/// `v` minor units with `units` decimals (`12345`, 2 → `123.45`), as `Decimal::new(v, units)`
/// prints; `units` 0 prints an integer. Written right to left into a stack buffer.
fn push_integer(out: &mut Vec<u8>, v: i64, units: u32) {
    let mut text = [0u8; 24];
    let mut start = text.len();
    let mut n = v.unsigned_abs();
    let mut written = 0u32;
    // At least units + 1 digits, so that 5 with 2 decimals prints 0.05.
    while n > 0 || written <= units {
        if written == units && units > 0 {
            start = start.saturating_sub(1);
            if let Some(slot) = text.get_mut(start) {
                *slot = b'.';
            }
        }
        start = start.saturating_sub(1);
        if let Some(slot) = text.get_mut(start) {
            *slot = b'0'.saturating_add(u8::try_from(n % 10).unwrap_or(0));
        }
        n /= 10;
        written = written.saturating_add(1);
        if start <= 1 {
            break;
        }
    }
    if v < 0 {
        start = start.saturating_sub(1);
        if let Some(slot) = text.get_mut(start) {
            *slot = b'-';
        }
    }
    out.extend_from_slice(text.get(start..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cells_are_quoted_as_the_csv_crate_quotes_them() {
        for text in [
            "F-1",
            "a,b",
            "say \"hi\"",
            "two\nlines",
            "cr\rhere",
            " spaced ",
            "",
            "=SUM(A1)",
            "-5,2",
            "né",
            "#1",
            "tab\there",
        ] {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record([neutralise(text)]).unwrap();
            let expected = String::from_utf8(w.into_inner().unwrap()).unwrap();
            let mut ours = Vec::new();
            push_text_cell(&mut ours, text.as_bytes());
            ours.push(b'\n');
            // The csv crate quotes a record's only field when it is empty.
            if !text.is_empty() {
                assert_eq!(String::from_utf8(ours).unwrap(), expected, "{text:?}");
            }
        }
    }

    #[test]
    fn dates_print_as_naive_dates_do() {
        for d in ["0001-01-01", "0999-12-31", "2024-02-29", "9999-12-31"] {
            let date = NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
            let mut out = Vec::new();
            push_date(&mut out, date);
            assert_eq!(String::from_utf8(out).unwrap(), date.to_string());
        }
    }

    #[test]
    fn minor_units_print_as_decimals_do() {
        for (v, units, text) in [
            (12345, 2, "123.45"),
            (5, 2, "0.05"),
            (0, 2, "0.00"),
            (-5, 2, "-0.05"),
            (-12345, 2, "-123.45"),
            (100, 0, "100"),
            (0, 0, "0"),
            (1, 3, "0.001"),
            (i64::MIN, 2, "-92233720368547758.08"),
        ] {
            let mut s = Vec::new();
            push_integer(&mut s, v, units);
            assert_eq!(String::from_utf8(s).unwrap(), text);
            assert_eq!(Decimal::new(v, units).to_string(), text);
        }
    }

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+33 1 23"), "'+33 1 23");
        assert_eq!(neutralise("-2+3"), "'-2+3");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("Studio Nord"), "Studio Nord");
    }

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(Decimal::new(123456789, 2)), "1,234,567.89");
        assert_eq!(money(Decimal::new(-100000, 2)), "-1,000.00");
        assert_eq!(money(Decimal::new(99, 2)), "0.99");
    }
}
