//! The KPI report as a tidy table: one figure a row, with its group, currency, period and unit,
//! so that pandas, polars or a spreadsheet read it without reshaping (`arrears kpis --format
//! csv`). The figures are the report's own; nothing is recomputed.
//!
//! | column | meaning |
//! |---|---|
//! | `group` | the group key (customer, segment or sector); empty for the portfolio |
//! | `currency` | ISO 4217 code of every amount of the group |
//! | `kpi` | the figure, named as in `docs/kpi.md` (`dso_standard`, `cei_percent`, `recovery_90_days_percent`, ...) |
//! | `period` | for series: the month (`2026-06`) of `dso_month`, the ISO week of `forecast_*` |
//! | `value` | a plain decimal (`94.49`), empty when undefined |
//! | `unit` | `days`, `percent`, `ratio`, `amount` or `count` |
//! | `reason` | why an undefined figure is undefined (`no_sales`, ...) |
//!
//! ```
//! use arrears::kpi::{kpis, tidy::rows, GroupBy, KpiOptions, KpiPeriod};
//! use arrears::{ledger::Ledger, sample};
//! let ledger = Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?;
//! let as_of = sample::AS_OF;
//! let from = arrears::calendar::date::add_days(as_of, -364)?;
//! let report = kpis(&ledger, None, KpiPeriod { as_of, from, to: as_of }, GroupBy::Portfolio,
//!                   &KpiOptions { per_currency: true, ..KpiOptions::default() })?;
//! let table = rows(&report);
//! let dso = table.iter().find(|r| r.kpi == "dso_standard" && r.currency.code() == "EUR").unwrap();
//! assert_eq!(dso.value, report.groups[0].dso.standard.value);
//! assert_eq!(dso.unit, "days");
//! # Ok::<(), arrears::Error>(())
//! ```

use rust_decimal::Decimal;
use serde::Serialize;

use super::{Figure, KpiReport};
use crate::money::Currency;

/// One figure of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KpiRow {
    /// Group key; `None` for the portfolio.
    pub group: Option<String>,
    /// Currency of the group.
    pub currency: Currency,
    /// The figure's name.
    pub kpi: String,
    /// The month or week of a series' point.
    pub period: Option<String>,
    /// The value, `None` when undefined.
    pub value: Option<Decimal>,
    /// `days`, `percent`, `ratio`, `amount` or `count`.
    pub unit: &'static str,
    /// Why an undefined figure is undefined.
    pub reason: Option<String>,
}

/// The column names of [`rows`], in order.
pub const COLUMNS: &[&str] = &[
    "group", "currency", "kpi", "period", "value", "unit", "reason",
];

/// Flattens a report into rows, group by group, in a fixed order.
pub fn rows(report: &KpiReport) -> Vec<KpiRow> {
    let mut out = Vec::new();
    for g in &report.groups {
        let mut push =
            |kpi: String, period: Option<String>, value: Option<Decimal>, unit, reason| {
                out.push(KpiRow {
                    group: g.key.clone(),
                    currency: g.currency,
                    kpi,
                    period,
                    value,
                    unit,
                    reason,
                });
            };
        let mut figure = |kpi: &str, f: &Figure, unit: &'static str| {
            push(kpi.to_string(), None, f.value, unit, f.reason.clone());
        };
        figure("dso_standard", &g.dso.standard, "days");
        figure("dso_count_back", &g.dso.count_back, "days");
        figure("dso_best_possible", &g.dso.best_possible, "days");
        figure("dso_average_balance", &g.dso.average_balance, "days");
        figure(
            "average_days_delinquent",
            &g.dso.average_days_delinquent,
            "days",
        );
        figure("cei_percent", &g.cei.percent, "percent");
        figure("cei_crf_monthly_percent", &g.cei.crf_monthly, "percent");
        for r in &g.recovery {
            figure(
                &format!("recovery_{}_days_percent", r.within_days),
                &r.percent,
                "percent",
            );
        }
        figure(
            "concentration_top_share_percent",
            &g.concentration.top_share,
            "percent",
        );
        figure("concentration_gini", &g.concentration.gini, "ratio");
        figure(
            "concentration_top_share_outstanding_percent",
            &g.concentration.top_share_outstanding,
            "percent",
        );
        figure(
            "concentration_gini_outstanding",
            &g.concentration.gini_outstanding,
            "ratio",
        );
        if let Some(c) = &g.reminder_conversion {
            figure("reminder_conversion_percent", &c.total.percent, "percent");
            for s in &c.steps {
                figure(
                    &format!("reminder_conversion_{}_percent", s.step),
                    &s.percent,
                    "percent",
                );
            }
        }
        let mut plain = |kpi: &str, value: Option<Decimal>, unit: &'static str| {
            push(kpi.to_string(), None, value, unit, None);
        };
        plain("customers", Some(Decimal::from(g.customers)), "count");
        plain("credit_sales", Some(g.dso.credit_sales), "amount");
        plain("receivables", Some(g.dso.receivables), "amount");
        plain("receivables_current", Some(g.dso.current), "amount");
        plain("receivables_overdue", Some(g.dso.overdue), "amount");
        plain("collected", Some(g.cei.collected), "amount");
        plain(
            "paid_invoices",
            Some(Decimal::from(g.delays.paid_receivables)),
            "count",
        );
        plain(
            "paid_late_invoices",
            Some(Decimal::from(g.delays.paid_late)),
            "count",
        );
        plain("average_days_to_pay", g.delays.average_days_to_pay, "days");
        plain(
            "weighted_days_to_pay",
            g.delays.weighted_days_to_pay,
            "days",
        );
        plain("average_days_late", g.delays.average_days_late, "days");
        for (bucket, amount) in report.aging_buckets.iter().zip(&g.aging.amounts) {
            plain(&aging_name(&bucket.label), Some(*amount), "amount");
        }
        plain(
            "provision_age_grid",
            Some(g.provisions.age_grid.provision),
            "amount",
        );
        plain(
            "provision_ifrs9",
            Some(g.provisions.ifrs9.provision),
            "amount",
        );
        plain(
            "write_off_candidates",
            Some(Decimal::from(g.write_off_candidates.len())),
            "count",
        );
        for m in &g.dso_trend {
            push(
                "dso_month".into(),
                Some(m.month.clone()),
                m.dso.value,
                "days",
                m.dso.reason.clone(),
            );
        }
        for w in &g.forecast.weeks {
            push(
                "forecast_expected".into(),
                Some(w.week.clone()),
                Some(w.expected),
                "amount",
                None,
            );
            push(
                "forecast_cumulative".into(),
                Some(w.week.clone()),
                Some(w.cumulative),
                "amount",
                None,
            );
        }
    }
    out
}

/// `not_due` → `aging_not_due`, `1-30` → `aging_1_30_days`, `91+` → `aging_91_plus_days`.
fn aging_name(label: &str) -> String {
    if label.starts_with(|c: char| c.is_ascii_digit()) {
        format!(
            "aging_{}_days",
            label.replace('-', "_").replace('+', "_plus")
        )
    } else {
        format!("aging_{label}")
    }
}

#[cfg(test)]
mod tests {
    use super::aging_name;

    #[test]
    fn aging_buckets_get_column_friendly_names() {
        assert_eq!(aging_name("not_due"), "aging_not_due");
        assert_eq!(aging_name("1-30"), "aging_1_30_days");
        assert_eq!(aging_name("91+"), "aging_91_plus_days");
    }
}
