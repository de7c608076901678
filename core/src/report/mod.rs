//! The self-contained HTML report: one file, no network, charts as inline SVG.
//!
//! [`html`] turns what the engines computed (ledger totals, aging, payment delays, penalties,
//! the day's agenda, and — when given — DSO trend, concentration and risk grades) into a page a
//! finance person can send to a CFO. It computes nothing itself: every figure comes from the
//! engine that owns it, so the page and the JSON report always agree.
//!
//! ```
//! use arrears::{ledger::Ledger, report, sample};
//! let ledger = Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?;
//! let settings = arrears::dunning::agenda::AgendaSettings::default();
//! let inputs = report::ReportInputs::compute(&ledger, sample::AS_OF, "Sample", &[], &settings)?;
//! let page = report::html(&inputs);
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains("<svg"));
//! assert!(!page.contains("http://") || page.contains("xmlns=\"http://www.w3.org/2000/svg\""));
//! # Ok::<(), arrears::Error>(())
//! ```

pub mod ops;
pub mod svg;

use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::claim::{Claims, CustomerClaim};
use crate::dunning::agenda::{agenda, Agenda, AgendaSettings};
use crate::dunning::journal::{open_disputes, JournalEntry};
use crate::error::Result;
use crate::kpi::{overview, AgingOptions, Overview};
use crate::ledger::{Ledger, LedgerState};
use crate::rates::RateTable;

use svg::{escape, Bar};

/// A month's DSO for the trend chart.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// Label (`2026-06`).
    pub label: String,
    /// DSO in days, `None` when undefined (no sales).
    pub days: Option<f64>,
}

/// A row of the riskiest-customers table.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskRow {
    /// Customer (name and id).
    pub customer: String,
    /// Score 0–100.
    pub score: String,
    /// Grade A–E.
    pub grade: String,
    /// The main reasons.
    pub reasons: Vec<String>,
}

/// Everything the report shows.
#[derive(Debug, Clone)]
pub struct ReportInputs {
    /// Title.
    pub title: String,
    /// The ledger state.
    pub state: LedgerState,
    /// Aging, delays, worst payers.
    pub overview: Overview,
    /// What each late customer is claimed, per currency (the agenda's and the letters' amounts).
    pub claims: Vec<CustomerClaim>,
    /// Today's agenda.
    pub agenda: Agenda,
    /// The key figures of the last twelve months (or since the first invoice), per currency.
    pub kpis: crate::kpi::KpiReport,
    /// What the key figures' period lacks ([`crate::kpi::summary::coverage_warnings`]).
    pub coverage: Vec<String>,
    /// DSO month by month (optional).
    pub dso_trend: Vec<TrendPoint>,
    /// Lorenz curve of overdue by customer (optional), points in 0..=1, and the share held by the
    /// top fifth of customers (text).
    pub concentration: Option<(Vec<(f64, f64)>, String)>,
    /// The riskiest customers (optional).
    pub risk: Vec<RiskRow>,
}

impl ReportInputs {
    /// Computes every section from the engines that own it: ledger totals, aging and delays,
    /// the claims (with the regime choice of `settings.interest`), the day's agenda under
    /// `settings` and `journal`, the DSO trend, the concentration and the risk grades.
    ///
    /// # Errors
    /// The errors of the ledger, interest and dunning engines.
    pub fn compute(
        ledger: &Ledger,
        as_of: NaiveDate,
        title: &str,
        journal: &[JournalEntry],
        settings: &AgendaSettings,
    ) -> Result<Self> {
        Self::compute_with(
            ledger,
            as_of,
            title,
            journal,
            settings,
            &RateTable::builtin()?,
        )
    }

    /// The same with a caller's rate table (the built-in series plus rates published after this
    /// release: [`RateTable::insert`]).
    ///
    /// # Errors
    /// As [`ReportInputs::compute`].
    pub fn compute_with(
        ledger: &Ledger,
        as_of: NaiveDate,
        title: &str,
        journal: &[JournalEntry],
        settings: &AgendaSettings,
        table: &RateTable,
    ) -> Result<Self> {
        let state = ledger.state_as_of(as_of)?;
        let overview = overview(&state, &AgingOptions::default(), 10)?;
        let claims = Claims::compute(ledger, &state, &settings.interest_options(journal)?, table)?
            .all(&open_disputes(journal, as_of))?;
        let agenda = agenda(ledger, journal, settings, as_of, table)?;
        let period = crate::kpi::KpiPeriod::trailing_year(ledger, as_of)?;
        let kpis = crate::kpi::kpis(
            ledger,
            Some(journal),
            period,
            crate::kpi::GroupBy::Portfolio,
            &crate::kpi::KpiOptions {
                per_currency: true,
                ..crate::kpi::KpiOptions::default()
            },
        )?;
        let coverage = crate::kpi::summary::coverage_warnings(ledger, &period);
        // DSO month by month over the last 12 months, and the concentration of overdue, in the
        // currency with the most outstanding (kpi::dso_trend, kpi::concentration).
        let main_currency = state
            .totals
            .iter()
            .max_by(|a, b| a.outstanding.cmp(&b.outstanding))
            .map(|t| t.currency);
        let mut dso_trend = Vec::new();
        let mut concentration = None;
        if let Some(currency) = main_currency {
            let history = crate::kpi::History::new(ledger, as_of)?;
            let scope = crate::kpi::Scope::currency(currency);
            for m in crate::kpi::dso_trend(&history, &scope, as_of, 12).unwrap_or_default() {
                dso_trend.push(TrendPoint {
                    label: m.month,
                    days: m.dso.value.and_then(|d| d.to_f64()),
                });
            }
            if let Ok(c) = crate::kpi::concentration(&history, &scope, 20) {
                if let Some(share) = c.top_share.value {
                    let text = format!(
                        "The top 20 % of customers hold {share} % of the overdue amount ({currency}); Gini {}.",
                        c.gini.value.map(|g| g.to_string()).unwrap_or_else(|| "n/a".into())
                    );
                    concentration = Some((c.lorenz_f64(), text));
                }
            }
        }
        // The ten riskiest customers with something outstanding (risk::assess).
        let assessed =
            crate::risk::assess(ledger, journal, as_of, &crate::risk::RiskOptions::default())?;
        let open: std::collections::HashSet<&str> = state
            .receivables
            .iter()
            .filter(|r| !r.outstanding.is_zero())
            .map(|r| r.customer.as_str())
            .collect();
        let mut risky: Vec<&crate::risk::CustomerRisk> = assessed
            .iter()
            .filter(|c| open.contains(c.customer.as_str()))
            .collect();
        risky.sort_by(|a, b| b.score.cmp(&a.score).then(a.customer.cmp(&b.customer)));
        let risk = risky
            .into_iter()
            .take(10)
            .map(|c| RiskRow {
                customer: c
                    .name
                    .as_ref()
                    .map_or(c.customer.clone(), |n| format!("{n} ({})", c.customer)),
                score: c.score.to_string(),
                grade: c.grade.as_str().to_string(),
                reasons: c
                    .factors
                    .iter()
                    .take(3)
                    .map(|f| f.explanation.clone())
                    .collect(),
            })
            .collect();
        Ok(ReportInputs {
            title: title.to_string(),
            state,
            overview,
            claims,
            agenda,
            kpis,
            coverage,
            dso_trend,
            concentration,
            risk,
        })
    }
}

/// `12345.6` → `12 345.60`-style grouping with a narrow space (readable in every language).
fn amount(d: Decimal) -> String {
    crate::money::group_thousands(d, '\u{202f}')
}

const STYLE: &str = r#"
:root { --ink:#111827; --muted:#4b5563; --line:#e5e7eb; --accent:#2563eb; --warn:#c2410c; --bg:#f9fafb; }
* { box-sizing: border-box; }
body { font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink);
       background: var(--bg); margin: 0; }
main { max-width: 1080px; margin: 0 auto; padding: 32px 24px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 36px 0 12px; }
.sub { color: var(--muted); margin: 0 0 24px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(210px, 1fr)); gap: 12px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
.card .k { color: var(--muted); font-size: 13px; } .card .v { font-size: 22px; font-weight: 600; }
.card .v.warn { color: var(--warn); }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 16px; }
.grid2 { display: grid; grid-template-columns: 2fr 1fr; gap: 16px; }
@media (max-width: 860px) { .grid2 { grid-template-columns: 1fr; } }
table { width: 100%; border-collapse: collapse; font-size: 14px; background: #fff; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.grade { display: inline-block; min-width: 24px; text-align: center; border-radius: 6px; font-weight: 700; color: #fff; }
.gA { background: #15803d; } .gB { background: #65a30d; } .gC { background: #ca8a04; } .gD { background: #ea580c; } .gE { background: #b91c1c; }
.note { color: var(--muted); font-size: 13px; }
.note.warn { color: var(--warn); }
svg { width: 100%; height: auto; }
@media print { body { background: #fff; } .panel, .card { break-inside: avoid; } }
"#;

/// Renders the report as one self-contained HTML page.
pub fn html(r: &ReportInputs) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{t}</title><style>{STYLE}</style></head><body><main>\
         <h1>{t}</h1><p class=\"sub\">Receivables as of {d} · generated by arrears (figures exact to the cent; statutory penalties per the customer's country)</p>",
        t = escape(&r.title),
        d = r.state.as_of
    );

    // Headline cards, per currency.
    o.push_str("<div class=\"cards\">");
    for t in &r.state.totals {
        let c = t.currency;
        let _ = write!(
            o,
            "<div class=\"card\"><div class=\"k\">Outstanding ({c})</div><div class=\"v\">{}</div><div class=\"k\">{} open invoices</div></div>\
             <div class=\"card\"><div class=\"k\">Overdue ({c})</div><div class=\"v warn\">{}</div><div class=\"k\">{} invoices, worst {} days late</div></div>",
            amount(t.outstanding),
            t.open_receivables,
            amount(t.overdue),
            t.overdue_receivables,
            t.max_days_late
        );
        let pen: Decimal = r
            .claims
            .iter()
            .filter(|p| p.currency == c)
            .map(|p| p.interest.saturating_add(p.fixed_compensation))
            .fold(Decimal::ZERO, Decimal::saturating_add);
        let _ = write!(
            o,
            "<div class=\"card\"><div class=\"k\">Statutory penalties claimable ({c})</div><div class=\"v\">{}</div><div class=\"k\">interest and fixed compensation</div></div>",
            amount(pen)
        );
    }
    // One card per currency: the weighted days to pay never adds EUR and GBP amounts.
    for d in &r.overview.delays_by_currency {
        if let (Some(avg), Some(w), Some(late), Some(c)) = (
            d.average_days_to_pay,
            d.weighted_days_to_pay,
            d.average_days_late,
            d.currency,
        ) {
            let _ = write!(
                o,
                "<div class=\"card\"><div class=\"k\">Average days to pay ({c})</div><div class=\"v\">{avg}</div><div class=\"k\">{w} weighted by amount · {late} days late on average · {} of {} paid late</div></div>",
                d.paid_late, d.paid_receivables
            );
        }
    }
    o.push_str("</div>");

    // Key figures over the period, per currency (kpi::kpis; definitions in docs/kpi.md).
    let _ = write!(
        o,
        "<h2>Key figures, {} to {}</h2><table><tr><th>Figure</th>",
        r.kpis.from, r.kpis.to
    );
    for g in &r.kpis.groups {
        let _ = write!(o, "<th class=\"n\">{}</th>", g.currency);
    }
    o.push_str("</tr>");
    let figure = |f: &crate::kpi::Figure, unit: &str| match &f.value {
        Some(v) => format!("{v}{unit}"),
        None => f.reason.as_deref().map_or("n/a".to_string(), |r| {
            format!("n/a ({})", r.replace('_', " "))
        }),
    };
    type Row<'a> = (&'a str, Box<dyn Fn(&crate::kpi::GroupKpis) -> String + 'a>);
    let rows: Vec<Row<'_>> = vec![
        (
            "DSO, standard (receivables ÷ credit sales × days)",
            Box::new(|g| figure(&g.dso.standard, " days")),
        ),
        (
            "DSO, count-back",
            Box::new(|g| figure(&g.dso.count_back, " days")),
        ),
        (
            "Best possible DSO",
            Box::new(|g| figure(&g.dso.best_possible, " days")),
        ),
        (
            "Average days delinquent",
            Box::new(|g| figure(&g.dso.average_days_delinquent, " days")),
        ),
        (
            "Collection effectiveness index (CEI)",
            Box::new(|g| figure(&g.cei.percent, " %")),
        ),
        (
            "Recovered within 90 days of the due date",
            Box::new(|g| {
                g.recovery
                    .iter()
                    .find(|x| x.within_days == 90)
                    .map_or("n/a".into(), |x| figure(&x.percent, " %"))
            }),
        ),
        (
            "Provision, age grid",
            Box::new(|g| amount(g.provisions.age_grid.provision)),
        ),
        (
            "Provision, IFRS 9 simplified matrix",
            Box::new(|g| amount(g.provisions.ifrs9.provision)),
        ),
    ];
    for (label, value) in &rows {
        let _ = write!(o, "<tr><td>{label}</td>");
        for g in &r.kpis.groups {
            let _ = write!(o, "<td class=\"n\">{}</td>", escape(&value(g)));
        }
        o.push_str("</tr>");
    }
    o.push_str("</table>");
    for w in &r.coverage {
        let _ = write!(o, "<p class=\"note warn\">{}</p>", escape(w));
    }

    // Aging chart and table.
    o.push_str("<h2>Aging balance</h2><div class=\"grid2\"><div class=\"panel\">");
    let aging = &r.overview.aging;
    if let Some(main) = aging.totals.iter().max_by(|a, b| a.total.cmp(&b.total)) {
        let bars: Vec<Bar> = aging
            .buckets
            .iter()
            .zip(&main.amounts)
            .map(|(b, a)| Bar {
                label: if b.label == "not_due" {
                    "not due".into()
                } else {
                    format!("{} d", b.label)
                },
                value: a.to_f64().unwrap_or(0.0),
                text: amount(a.round_dp(0)),
            })
            .collect();
        o.push_str(&svg::bar_chart(
            &format!("Aging of what is outstanding, {}", main.currency),
            &bars,
            3,
            main.currency.code(),
        ));
    }
    o.push_str("</div><div class=\"panel\"><table><tr><th>Bucket</th>");
    for t in &aging.totals {
        let _ = write!(o, "<th class=\"n\">{}</th>", t.currency);
    }
    o.push_str("</tr>");
    for (i, b) in aging.buckets.iter().enumerate() {
        let _ = write!(o, "<tr><td>{}</td>", escape(&b.label.replace('_', " ")));
        for t in &aging.totals {
            let _ = write!(
                o,
                "<td class=\"n\">{}</td>",
                t.amounts.get(i).map(|a| amount(*a)).unwrap_or_default()
            );
        }
        o.push_str("</tr>");
    }
    o.push_str("<tr><th>Total</th>");
    for t in &aging.totals {
        let _ = write!(o, "<th class=\"n\">{}</th>", amount(t.total));
    }
    o.push_str("</tr></table></div></div>");

    // DSO trend and concentration.
    if !r.dso_trend.is_empty() || r.concentration.is_some() {
        o.push_str("<h2>Trend and concentration</h2><div class=\"grid2\">");
        o.push_str("<div class=\"panel\">");
        if !r.dso_trend.is_empty() {
            let pts: Vec<(String, Option<f64>)> = r
                .dso_trend
                .iter()
                .map(|p| (p.label.clone(), p.days))
                .collect();
            o.push_str(&svg::line_chart(
                "DSO by month (standard method)",
                &pts,
                "days",
            ));
        }
        o.push_str("</div><div class=\"panel\">");
        if let Some((points, text)) = &r.concentration {
            o.push_str(&svg::lorenz_chart(
                "Concentration of overdue by customer",
                points,
            ));
            let _ = write!(o, "<p class=\"note\">{}</p>", escape(text));
        }
        o.push_str("</div></div>");
    }

    // Riskiest customers.
    if !r.risk.is_empty() {
        o.push_str("<h2>Riskiest customers</h2><table><tr><th>Customer</th><th class=\"n\">Score</th><th>Grade</th><th>Why</th></tr>");
        for row in &r.risk {
            let g = escape(&row.grade);
            let _ = write!(
                o,
                "<tr><td>{}</td><td class=\"n\">{}</td><td><span class=\"grade g{g}\">{g}</span></td><td>{}</td></tr>",
                escape(&row.customer),
                escape(&row.score),
                row.reasons.iter().map(|s| escape(s)).collect::<Vec<_>>().join("<br>")
            );
        }
        o.push_str("</table>");
    }

    // What late customers are claimed: the claims, the same amounts as the agenda and the letters.
    o.push_str("<h2>What late customers owe</h2><table><tr><th>Customer</th><th class=\"n\">Invoices</th><th class=\"n\">Principal</th><th class=\"n\">Credits set off</th><th class=\"n\">Interest</th><th class=\"n\">Fixed sums</th><th class=\"n\">Total claimed</th><th class=\"n\">Not claimed: paid late</th></tr>");
    let mut rows: Vec<&CustomerClaim> = r.claims.iter().filter(|c| !c.lines.is_empty()).collect();
    rows.sort_by(|a, b| b.total.cmp(&a.total).then(a.customer.cmp(&b.customer)));
    for c in rows.iter().take(15) {
        let name = c
            .name
            .as_ref()
            .map_or(c.customer.clone(), |n| format!("{n} ({})", c.customer));
        let unclaimed = if c.settled_not_claimed.is_zero() {
            "–".to_string()
        } else {
            amount(c.settled_not_claimed)
        };
        let _ = write!(
            o,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{} {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\"><b>{} {}</b></td><td class=\"n\">{}</td></tr>",
            escape(&name),
            c.lines.len(),
            amount(c.principal),
            c.currency,
            if c.set_off.is_zero() {
                "–".to_string()
            } else {
                format!("−{}", amount(c.set_off))
            },
            amount(c.interest),
            amount(c.fixed_compensation),
            amount(c.total),
            c.currency,
            unclaimed
        );
    }
    o.push_str("</table><p class=\"note\">Interest per C. com. L441-10 (France), § 288 BGB (Germany), Late Payment Act 1998 (UK), directive 2011/7/EU elsewhere in the EU; fixed compensation per invoice paid late. Interest is all the interest accrued and not paid in cash (with interest-first imputation, C. civ. 1343-1, § 367 BGB, a statement counts part of it as principal; the total is the same). Credits on the customer's account not yet matched (credit notes, overpayments) are set off against what is owed (C. civ. 1347) and stop interest on what they cover. Penalties on invoices already paid late are shown, not claimed, unless the report was asked to claim them.</p>");
    for u in crate::claim::unclaimed(&r.claims) {
        let _ = write!(
            o,
            "<p class=\"note\">Not claimed: {} {} of interest and fixed compensation still owed on {} invoices paid late by {} customers.</p>",
            amount(u.amount),
            u.currency,
            u.invoices,
            u.customers
        );
    }
    for g in crate::claim::missing_penalties(&r.claims) {
        let _ = write!(
            o,
            "<p class=\"note warn\">No late-payment penalties computed for {} invoice(s) ({}): {}.</p>",
            g.receivables.len(),
            escape(&g.receivables.join(", ")),
            escape(&g.reason)
        );
    }
    let mut flagged: Vec<&str> = r
        .claims
        .iter()
        .flat_map(|c| c.warnings.iter())
        .map(|w| w.message.as_str())
        .collect();
    flagged.sort_unstable();
    flagged.dedup();
    for w in flagged {
        let _ = write!(o, "<p class=\"note warn\">⚑ {}</p>", escape(w));
    }

    // Today's agenda.
    let _ = write!(o, "<h2>Today's agenda ({})</h2>", r.agenda.as_of);
    if r.agenda.actions.is_empty() {
        o.push_str("<p class=\"note\">Nothing to do today.</p>");
    } else {
        o.push_str("<table><tr><th>Customer</th><th>Step</th><th>Channel</th><th>Invoices</th><th class=\"n\">Claimed</th></tr>");
        for a in &r.agenda.actions {
            let who = a
                .name
                .as_ref()
                .map_or(a.customer.clone(), |n| format!("{n} ({})", a.customer));
            let invoices: Vec<String> = a
                .items
                .iter()
                .map(|i| format!("{} ({} d)", i.receivable, i.days_late))
                .collect();
            let totals: Vec<String> = a
                .totals
                .iter()
                .map(|t| format!("{} {}", amount(t.total), t.currency))
                .collect();
            let channel = serde_json::to_value(a.channel)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let _ = write!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                escape(&who),
                escape(&a.step),
                escape(&channel.replace('_', " ")),
                escape(&invoices.join(", ")),
                escape(&totals.join(" + "))
            );
        }
        o.push_str("</table>");
    }
    o.push_str("<p class=\"note\">Rates are dated and sourced (arrears rates); a figure that relies on a rate not yet confirmed by its official publication is flagged ⚑ above, in the JSON report, the agenda and the letters' warnings.</p></main></body></html>\n");
    o
}
