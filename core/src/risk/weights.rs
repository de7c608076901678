//! The weights of the additive score, with their documented defaults (`docs/risk.md` says why
//! each one has the value it has).
//!
//! Every field has a default; a caller's `weights` document names only what it changes:
//!
//! ```
//! use arrears::risk::Weights;
//! let w: Weights = serde_json::from_value(serde_json::json!({"mean_days_late_per_day": 0.6}))
//!     .unwrap();
//! assert_eq!(w.mean_days_late_per_day, 0.6);
//! assert_eq!(w.late_share_points, 10.0); // the default
//! assert_eq!(w.sector_prior("construction"), 30.0); // 2.5 × 12 % unpaid (docs/domain.md §9)
//! w.check()?;
//! # Ok::<(), arrears::Error>(())
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{err, Error, Result};

/// A sector benchmark of docs/domain.md §9 (France): the share of invoices left unpaid and the average
/// days to pay.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SectorBenchmark {
    /// Sector name as the ledger's `customers[].sector` writes it.
    pub sector: &'static str,
    /// Share of invoices unpaid, in percent.
    pub unpaid_percent: f64,
    /// Average days to pay.
    pub average_days: u32,
}

/// The five benchmarks docs/domain.md §9 quotes.
pub const SECTOR_BENCHMARKS: &[SectorBenchmark] = &[
    SectorBenchmark {
        sector: "construction",
        unpaid_percent: 12.0,
        average_days: 90,
    },
    SectorBenchmark {
        sector: "industry",
        unpaid_percent: 8.0,
        average_days: 60,
    },
    SectorBenchmark {
        sector: "commerce",
        unpaid_percent: 7.0,
        average_days: 50,
    },
    SectorBenchmark {
        sector: "services",
        unpaid_percent: 6.0,
        average_days: 45,
    },
    SectorBenchmark {
        sector: "telecoms",
        unpaid_percent: 4.0,
        average_days: 30,
    },
];

/// The benchmark of a sector (case-insensitive), if docs/domain.md §9 quotes one.
///
/// ```
/// use arrears::risk::weights::benchmark;
/// assert_eq!(benchmark("Construction").map(|b| b.average_days), Some(90));
/// assert!(benchmark("aerospace").is_none());
/// ```
pub fn benchmark(sector: &str) -> Option<&'static SectorBenchmark> {
    let s = sector.trim();
    SECTOR_BENCHMARKS
        .iter()
        .find(|b| b.sector.eq_ignore_ascii_case(s))
}

/// Points per factor. Positive points mean more risk; the score is their sum, clamped to
/// `0..=100`. Field names are the JSON names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Weights {
    /// Paid invoices needed for the payment history to count in full (credibility 1). With `n`
    /// paid invoices the history factors count `min(1, n / full_history_invoices)` and the sector
    /// prior the rest; below it the customer is a `thin_file`. Default 4.
    pub full_history_invoices: u32,
    /// Points of the sector prior per percent of unpaid invoices in the sector's benchmark.
    /// Default 2.5 (construction 12 % → 30, telecoms 4 % → 10).
    pub sector_prior_per_unpaid_percent: f64,
    /// Prior points for sectors without a benchmark (or no sector). Default 17.5, the median
    /// sector (commerce, 7 %).
    pub other_sector_prior: f64,
    /// Prior points per sector, overriding or adding to the benchmarks (keys compared
    /// case-insensitively).
    pub sector_priors: BTreeMap<String, f64>,
    /// Points per day of the mean delay of paid invoices. Default 0.5.
    pub mean_days_late_per_day: f64,
    /// Cap of the mean-delay points. Default 30 (reached at 60 days).
    pub mean_days_late_max: f64,
    /// Points when every paid invoice was paid after its due date (scaled by the share).
    /// Default 10.
    pub late_share_points: f64,
    /// Points per day of the 90th percentile of delays. Default 0.1.
    pub p90_days_late_per_day: f64,
    /// Cap of the 90th-percentile points. Default 10 (reached at 100 days).
    pub p90_days_late_max: f64,
    /// Points when every paid invoice was paid in several payments (scaled by the share).
    /// Default 10.
    pub partial_share_points: f64,
    /// Days back from the as-of date that make the "recent" cohort of the trend. Default 180.
    pub trend_window_days: u32,
    /// Points per day the recent cohort is later than the older one. Default 0.2.
    pub trend_per_day: f64,
    /// Cap of the trend points. Default 10.
    pub trend_max: f64,
    /// Floor of the trend points (an improving payer). Default −5.
    pub trend_min: f64,
    /// Points per day of the oldest undisputed overdue receivable. Default 0.3.
    pub overdue_age_per_day: f64,
    /// Cap of the overdue-age points. Default 30 (reached at 100 days).
    pub overdue_age_max: f64,
    /// Points per day without any payment while something is overdue. Default 0.2.
    pub silence_per_day: f64,
    /// Cap of the silence points. Default 20 (reached at 100 days).
    pub silence_max: f64,
    /// Points per broken promise to pay. Default 8.
    pub broken_promise_points: f64,
    /// Cap of the broken-promise points. Default 24 (the third broken promise, docs/domain.md §4).
    pub broken_promises_max: f64,
    /// Points when every invoice was disputed (scaled by the share of disputed invoices).
    /// Default 20.
    pub dispute_share_points: f64,
    /// Cap of the dispute points. Default 10.
    pub disputes_max: f64,
    /// Points per reminder needed per invoice (journal actions). Default 4.
    pub reminder_points: f64,
    /// Cap of the reminder points. Default 12.
    pub reminders_max: f64,
    /// Points per receivable written off. Default 15.
    pub write_off_points: f64,
    /// Cap of the write-off points. Default 30.
    pub write_offs_max: f64,
    /// Points when the customer holds the whole portfolio's outstanding (scaled by its largest
    /// share in a currency). Default 0: exposure sets the credit limit, not the score.
    pub exposure_share_points: f64,
    /// A relationship younger than this (days since the first invoice) is new. Default 90.
    pub new_relationship_days: u32,
    /// Points for a new relationship. Default 5.
    pub new_relationship_points: f64,
    /// A relationship at least this old is long. Default 730 (two years).
    pub long_relationship_days: u32,
    /// Points for a long relationship. Default −5.
    pub long_relationship_points: f64,
    /// The credit-bureau score (0–100, higher is better) that adds no points. Default 50.
    pub bureau_neutral: f64,
    /// Points per bureau point below the neutral score (negative above it). Default 0.3.
    pub bureau_per_point: f64,
    /// Points when the caller flags a new customer. Default 10.
    pub new_customer_points: f64,
    /// Lowest scores of grades B, C, D and E. Default `[20, 40, 60, 80]`.
    pub grade_bounds: [u32; 4],
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            full_history_invoices: 4,
            sector_prior_per_unpaid_percent: 2.5,
            other_sector_prior: 17.5,
            sector_priors: BTreeMap::new(),
            mean_days_late_per_day: 0.5,
            mean_days_late_max: 30.0,
            late_share_points: 10.0,
            p90_days_late_per_day: 0.1,
            p90_days_late_max: 10.0,
            partial_share_points: 10.0,
            trend_window_days: 180,
            trend_per_day: 0.2,
            trend_max: 10.0,
            trend_min: -5.0,
            overdue_age_per_day: 0.3,
            overdue_age_max: 30.0,
            silence_per_day: 0.2,
            silence_max: 20.0,
            broken_promise_points: 8.0,
            broken_promises_max: 24.0,
            dispute_share_points: 20.0,
            disputes_max: 10.0,
            reminder_points: 4.0,
            reminders_max: 12.0,
            write_off_points: 15.0,
            write_offs_max: 30.0,
            exposure_share_points: 0.0,
            new_relationship_days: 90,
            new_relationship_points: 5.0,
            long_relationship_days: 730,
            long_relationship_points: -5.0,
            bureau_neutral: 50.0,
            bureau_per_point: 0.3,
            new_customer_points: 10.0,
            grade_bounds: [20, 40, 60, 80],
        }
    }
}

impl Weights {
    /// The prior points of a sector: the caller's `sector_priors`, else `2.5 ×` the benchmark's
    /// unpaid percent, else `other_sector_prior`.
    pub fn sector_prior(&self, sector: &str) -> f64 {
        let s = sector.trim();
        if let Some(p) = self
            .sector_priors
            .iter()
            .find(|(k, _)| k.trim().eq_ignore_ascii_case(s))
            .map(|(_, v)| *v)
        {
            return p;
        }
        match benchmark(s) {
            Some(b) => b.unpaid_percent * self.sector_prior_per_unpaid_percent,
            None => self.other_sector_prior,
        }
    }

    /// Checks every weight: finite numbers, caps not negative, `trend_min <= 0 <= trend_max`,
    /// at least one invoice for a full history, a trend window of at least one day, grade bounds
    /// increasing within `1..=100`.
    ///
    /// # Errors
    /// `input.invalid_value` naming every bad field (path `weights.<field>`).
    pub fn check(&self) -> Result<()> {
        let mut problems: Vec<Error> = Vec::new();
        let mut finite = |name: &str, v: f64| {
            if !v.is_finite() {
                problems.push(err!(InvalidValue, "{name} must be a finite number").at(field(name)));
            }
        };
        let all = [
            (
                "sector_prior_per_unpaid_percent",
                self.sector_prior_per_unpaid_percent,
            ),
            ("other_sector_prior", self.other_sector_prior),
            ("mean_days_late_per_day", self.mean_days_late_per_day),
            ("mean_days_late_max", self.mean_days_late_max),
            ("late_share_points", self.late_share_points),
            ("p90_days_late_per_day", self.p90_days_late_per_day),
            ("p90_days_late_max", self.p90_days_late_max),
            ("partial_share_points", self.partial_share_points),
            ("trend_per_day", self.trend_per_day),
            ("trend_max", self.trend_max),
            ("trend_min", self.trend_min),
            ("overdue_age_per_day", self.overdue_age_per_day),
            ("overdue_age_max", self.overdue_age_max),
            ("silence_per_day", self.silence_per_day),
            ("silence_max", self.silence_max),
            ("broken_promise_points", self.broken_promise_points),
            ("broken_promises_max", self.broken_promises_max),
            ("dispute_share_points", self.dispute_share_points),
            ("disputes_max", self.disputes_max),
            ("reminder_points", self.reminder_points),
            ("reminders_max", self.reminders_max),
            ("write_off_points", self.write_off_points),
            ("write_offs_max", self.write_offs_max),
            ("exposure_share_points", self.exposure_share_points),
            ("new_relationship_points", self.new_relationship_points),
            ("long_relationship_points", self.long_relationship_points),
            ("bureau_neutral", self.bureau_neutral),
            ("bureau_per_point", self.bureau_per_point),
            ("new_customer_points", self.new_customer_points),
        ];
        for (name, v) in all {
            finite(name, v);
        }
        for (k, v) in &self.sector_priors {
            finite(&format!("sector_priors.{k}"), *v);
        }
        let caps = [
            ("mean_days_late_max", self.mean_days_late_max),
            ("p90_days_late_max", self.p90_days_late_max),
            ("overdue_age_max", self.overdue_age_max),
            ("silence_max", self.silence_max),
            ("broken_promises_max", self.broken_promises_max),
            ("disputes_max", self.disputes_max),
            ("reminders_max", self.reminders_max),
            ("write_offs_max", self.write_offs_max),
            ("trend_max", self.trend_max),
        ];
        for (name, v) in caps {
            if v < 0.0 {
                problems.push(err!(InvalidValue, "{name} must not be negative").at(field(name)));
            }
        }
        if self.trend_min > 0.0 {
            problems.push(
                err!(
                    InvalidValue,
                    "trend_min must be zero or negative (it is the floor for an improving payer)"
                )
                .at(field("trend_min")),
            );
        }
        if self.full_history_invoices == 0 {
            problems.push(
                err!(InvalidValue, "full_history_invoices must be at least 1")
                    .at(field("full_history_invoices")),
            );
        }
        if self.trend_window_days == 0 {
            problems.push(
                err!(InvalidValue, "trend_window_days must be at least 1")
                    .at(field("trend_window_days")),
            );
        }
        let b = self.grade_bounds;
        let increasing = b.windows(2).all(|w| matches!(w, [x, y] if x < y));
        if !increasing || b.iter().any(|x| *x == 0 || *x > 100) {
            problems.push(
                err!(
                    InvalidValue,
                    "grade_bounds must be four increasing scores within 1..=100, got {b:?}"
                )
                .at(field("grade_bounds")),
            );
        }
        match Error::from_many(problems) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

fn field(name: &str) -> String {
    format!("weights.{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sector_priors_follow_the_benchmarks() {
        let w = Weights::default();
        assert_eq!(w.sector_prior("construction"), 30.0);
        assert_eq!(w.sector_prior("industry"), 20.0);
        assert_eq!(w.sector_prior("commerce"), 17.5);
        assert_eq!(w.sector_prior("services"), 15.0);
        assert_eq!(w.sector_prior("telecoms"), 10.0);
        assert_eq!(w.sector_prior("shipping"), 17.5);
        let mut w = w;
        w.sector_priors.insert("Shipping".into(), 22.0);
        w.sector_priors.insert("telecoms".into(), 5.0);
        assert_eq!(w.sector_prior("shipping"), 22.0);
        assert_eq!(w.sector_prior("TELECOMS"), 5.0);
    }

    #[test]
    fn bad_weights_are_all_reported() {
        let w = Weights {
            mean_days_late_max: -1.0,
            late_share_points: f64::NAN,
            grade_bounds: [20, 20, 60, 80],
            full_history_invoices: 0,
            ..Weights::default()
        };
        let e = w.check().unwrap_err();
        assert_eq!(e.code(), crate::Code::InvalidValue);
        assert_eq!(e.problems().len(), 4);
        assert!(Weights::default().check().is_ok());
    }
}
