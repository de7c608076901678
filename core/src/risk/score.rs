//! The transparent additive score: points per factor from [`Weights`], summed and clamped to
//! `0..=100` (0 is the safest customer, 100 the riskiest), then a grade A–E.
//!
//! Each factor's points are `weight × value`, capped, and for the factors measured on the
//! payment history (mean delay, share late, 90th percentile, payments in parts) multiplied by the
//! history's credibility `z = min(1, paid / full_history_invoices)`; the sector prior gets the
//! rest, `(1 − z) × prior`. Points are computed in binary floating point, cleaned to six decimals
//! (so that `0.3 × 35` is 10.5, not 10.4999…) and rounded half away from zero to whole points;
//! the score is the sum of the rounded points, so the factors always add up to it (before the
//! clamp).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::features::{round_to, CustomerFeatures};
use super::weights::{benchmark, Weights};
use crate::money::format_amount;

/// A risk grade, A (best) to E (worst). Written `"A"` to `"E"`, as dunning step conditions
/// (`risk_grades`) expect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub enum Grade {
    /// Pays on time: longest terms, no deposit.
    A,
    /// Minor delays.
    B,
    /// Regular delays: deposit and shorter terms.
    C,
    /// Serious delays or open debts: large deposit, short terms.
    D,
    /// Chronic or defaulting: prepayment only.
    E,
}

impl Grade {
    /// Every grade, best first.
    pub const ALL: [Grade; 5] = [Grade::A, Grade::B, Grade::C, Grade::D, Grade::E];

    /// The grade of a score with the given lowest scores of B, C, D and E.
    ///
    /// ```
    /// use arrears::risk::Grade;
    /// let bounds = [20, 40, 60, 80];
    /// assert_eq!(Grade::of(0, bounds), Grade::A);
    /// assert_eq!(Grade::of(19, bounds), Grade::A);
    /// assert_eq!(Grade::of(20, bounds), Grade::B);
    /// assert_eq!(Grade::of(80, bounds), Grade::E);
    /// ```
    pub fn of(score: u32, bounds: [u32; 4]) -> Grade {
        let [b, c, d, e] = bounds;
        if score >= e {
            Grade::E
        } else if score >= d {
            Grade::D
        } else if score >= c {
            Grade::C
        } else if score >= b {
            Grade::B
        } else {
            Grade::A
        }
    }

    /// `"A"` to `"E"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
            Grade::E => "E",
        }
    }
}

/// The factors of the score, in the documented order (`docs/risk.md` §Factors), which is also
/// the order of equal contributions in [`Score::factors`] and of the back-test's
/// [`FactorAuc`](super::backtest::FactorAuc) list.
pub const FACTORS: [&str; 16] = [
    "mean_days_late",
    "late_share",
    "p90_days_late",
    "partial_payments",
    "trend",
    "overdue_age",
    "silence",
    "broken_promises",
    "disputes",
    "reminders",
    "write_offs",
    "exposure_share",
    "tenure",
    "bureau_score",
    "new_customer",
    "sector_prior",
];

/// One factor's contribution to the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Factor {
    /// Factor id (`mean_days_late`, `overdue_age`, `sector_prior`, ...; `docs/risk.md` lists them).
    pub factor: String,
    /// The feature value the points come from (days, a share 0–1, a count, a sector name...).
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::FactorValue"))]
    pub value: Value,
    /// Whole points added to the score (negative for a factor that lowers the risk).
    pub points: i64,
    /// What it means, in words, ending with the points.
    pub explanation: String,
}

/// A customer's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// 0 (safest) to 100 (riskiest).
    pub score: u32,
    /// Grade from the score.
    pub grade: Grade,
    /// Fewer paid invoices than `full_history_invoices`: the sector prior carries weight.
    pub thin_file: bool,
    /// Credibility of the payment history, 0 to 1.
    pub credibility: f64,
    /// The factors with non-zero points, largest contribution first (ties in the documented
    /// factor order).
    pub factors: Vec<Factor>,
}

/// Rounds points: cleaned to six decimals, then half away from zero.
pub(crate) fn whole_points(x: f64) -> i64 {
    if !x.is_finite() {
        return 0;
    }
    let cleaned = (x * 1e6).round() / 1e6;
    // `as` saturates on out-of-range floats.
    cleaned.round() as i64
}

fn num(x: f64) -> Value {
    serde_json::Number::from_f64(round_to(x, 4)).map_or(Value::Null, Value::Number)
}

/// `34` for a whole number, `34.5` otherwise (one decimal).
pub(crate) fn days_text(x: f64) -> String {
    days(x)
}

fn days(x: f64) -> String {
    let r = round_to(x, 1);
    if (r - r.round()).abs() < 1e-9 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

fn percent(share: f64) -> String {
    days(share * 100.0)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn with_points(text: String, points: i64, note: Option<&str>) -> String {
    let sign = if points >= 0 { "+" } else { "-" };
    let n = points.unsigned_abs();
    let unit = if n == 1 { "point" } else { "points" };
    match note {
        Some(note) => format!("{text} ({sign}{n} {unit}, {note})"),
        None => format!("{text} ({sign}{n} {unit})"),
    }
}

struct Builder {
    factors: Vec<Factor>,
}

impl Builder {
    fn push(&mut self, factor: &str, value: Value, raw: f64, text: String, note: Option<&str>) {
        let points = whole_points(raw);
        if points != 0 {
            self.factors.push(Factor {
                factor: factor.to_string(),
                value,
                points,
                explanation: with_points(text, points, note),
            });
        }
    }
}

/// Scores one customer's features with the given weights (checked by the caller).
///
/// ```
/// use arrears::risk::{score, Grade, Weights};
/// # let ledger = arrears::ledger::Ledger::new(serde_json::from_value(serde_json::json!({
/// #   "customers": [{"id": "C1", "sector": "services"}],
/// #   "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2025-01-01",
/// #                 "due_date": "2025-01-31", "amount": "100.00", "currency": "EUR"}]})).unwrap())?;
/// # let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 10).unwrap();
/// let features = arrears::risk::features(&ledger, &[], day, &Default::default())?;
/// let s = score(&features[0], &Weights::default());
/// // No payment history yet: the services prior (2.5 × 6 % unpaid = 15) and a new
/// // relationship (+5).
/// assert_eq!(s.score, 20);
/// assert_eq!(s.grade, Grade::B);
/// assert!(s.thin_file);
/// assert_eq!(s.factors[0].factor, "sector_prior");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn score(f: &CustomerFeatures, w: &Weights) -> Score {
    let full = w.full_history_invoices.max(1);
    let z = (f.paid as f64 / f64::from(full)).min(1.0);
    let thin_file = f.paid < full as usize;
    let history_note = if z < 1.0 {
        Some(format!("history weighted {} %", percent(z)))
    } else {
        None
    };
    let note = history_note.as_deref();
    let mut b = Builder {
        factors: Vec::new(),
    };

    // 1. Mean delay of paid invoices.
    if let Some(m) = f.mean_days_late {
        let raw = (w.mean_days_late_per_day * m).min(w.mean_days_late_max) * z;
        b.push(
            "mean_days_late",
            num(m),
            raw,
            format!(
                "pays {} days late on average over {}",
                days(m),
                plural(f.paid, "paid invoice", "paid invoices")
            ),
            note,
        );
    }
    // 2. Share paid late.
    if let Some(s) = f.late_share {
        b.push(
            "late_share",
            num(s),
            w.late_share_points * s * z,
            format!(
                "{} of {} paid after the due date ({} %)",
                f.paid_late,
                plural(f.paid, "invoice", "invoices"),
                percent(s)
            ),
            note,
        );
    }
    // 3. The slow tail.
    if let Some(p) = f.p90_days_late {
        let p = p as f64;
        b.push(
            "p90_days_late",
            num(p),
            (w.p90_days_late_per_day * p).min(w.p90_days_late_max) * z,
            format!(
                "the slowest tenth of paid invoices is {} days late or more",
                days(p)
            ),
            note,
        );
    }
    // 4. Payments in parts.
    if let Some(s) = f.partial_share {
        b.push(
            "partial_payments",
            num(s),
            w.partial_share_points * s * z,
            format!(
                "{} of {} paid in several payments ({} %)",
                f.paid_in_parts,
                plural(f.with_payment, "invoice", "invoices"),
                percent(s)
            ),
            note,
        );
    }
    // 5. Trend.
    if let Some(t) = f.trend_days {
        let raw = (w.trend_per_day * t).clamp(w.trend_min, w.trend_max);
        let word = if t >= 0.0 { "rising" } else { "falling" };
        b.push(
            "trend",
            num(t),
            raw,
            format!(
                "delays {word}: invoices due in the last {} days run {} days {} on average than older ones",
                w.trend_window_days,
                days(t.abs()),
                if t >= 0.0 { "later" } else { "earlier" }
            ),
            None,
        );
    }
    // 6. Overdue now.
    if f.overdue_receivables > 0 {
        let age = f.oldest_overdue_days as f64;
        let amounts: Vec<String> = f
            .overdue
            .iter()
            .map(|a| {
                format!(
                    "{} {}",
                    a.currency.code(),
                    format_amount(a.amount, a.currency)
                )
            })
            .collect();
        b.push(
            "overdue_age",
            num(age),
            (w.overdue_age_per_day * age).min(w.overdue_age_max),
            format!(
                "{} overdue now ({}), the oldest {} days late",
                plural(f.overdue_receivables, "invoice", "invoices"),
                amounts.join(", "),
                f.oldest_overdue_days
            ),
            None,
        );
    }
    // 7. Silence.
    if f.silence_days > 0 {
        let s = f.silence_days as f64;
        let text = match f.last_payment {
            Some(_) => format!(
                "no payment for {} days while invoices are overdue",
                f.silence_days
            ),
            None => format!(
                "no payment ever received; invoices overdue for {} days",
                f.silence_days
            ),
        };
        b.push(
            "silence",
            num(s),
            (w.silence_per_day * s).min(w.silence_max),
            text,
            None,
        );
    }
    // 8. Broken promises.
    if f.broken_promises > 0 {
        let n = f.broken_promises;
        let kept_late = if f.promises_kept_late > 0 {
            format!(" ({} paid later)", f.promises_kept_late)
        } else {
            String::new()
        };
        b.push(
            "broken_promises",
            Value::from(n),
            (w.broken_promise_points * n as f64).min(w.broken_promises_max),
            format!(
                "{} to pay broken{kept_late}",
                plural(n, "promise", "promises")
            ),
            None,
        );
    }
    // 9. Disputes.
    if let Some(s) = f.dispute_share.filter(|_| f.disputes > 0) {
        b.push(
            "disputes",
            num(s),
            (w.dispute_share_points * s).min(w.disputes_max),
            format!(
                "disputed {} ({} % of invoices){}",
                plural(f.disputes, "invoice", "invoices"),
                percent(s),
                if f.disputes_without_substance > 0 {
                    format!(
                        ", {} closed without a credit note",
                        f.disputes_without_substance
                    )
                } else {
                    String::new()
                }
            ),
            None,
        );
    }
    // 10. Reminders.
    if let Some(r) = f.reminders_per_invoice.filter(|_| f.reminders > 0) {
        b.push(
            "reminders",
            num(r),
            (w.reminder_points * r).min(w.reminders_max),
            format!(
                "needs {} reminders per invoice ({} over {})",
                days(r),
                f.reminders,
                plural(f.invoices, "invoice", "invoices")
            ),
            None,
        );
    }
    // 11. Write-offs.
    if f.written_off > 0 {
        b.push(
            "write_offs",
            Value::from(f.written_off),
            (w.write_off_points * f.written_off as f64).min(w.write_offs_max),
            format!(
                "{} written off",
                plural(f.written_off, "receivable", "receivables")
            ),
            None,
        );
    }
    // 12. Concentration.
    if f.exposure_share > 0.0 {
        b.push(
            "exposure_share",
            num(f.exposure_share),
            w.exposure_share_points * f.exposure_share,
            format!(
                "holds {} % of the portfolio's outstanding",
                percent(f.exposure_share)
            ),
            None,
        );
    }
    // 13. Tenure.
    match f.tenure_days {
        None => b.push(
            "tenure",
            Value::Null,
            w.new_relationship_points,
            "no invoice yet: a new relationship".to_string(),
            None,
        ),
        Some(t) if t < i64::from(w.new_relationship_days) => b.push(
            "tenure",
            Value::from(t),
            w.new_relationship_points,
            format!("first invoiced {t} days ago: a new relationship"),
            None,
        ),
        Some(t) if t >= i64::from(w.long_relationship_days) => b.push(
            "tenure",
            Value::from(t),
            w.long_relationship_points,
            format!("a customer for {} years", days(t as f64 / 365.0)),
            None,
        ),
        Some(_) => {}
    }
    // 14. Credit bureau.
    if let Some(s) = f.bureau_score {
        b.push(
            "bureau_score",
            num(s),
            (w.bureau_neutral - s) * w.bureau_per_point,
            format!("credit-bureau score {}/100", days(s)),
            None,
        );
    }
    // 15. New customer.
    if f.new_customer {
        b.push(
            "new_customer",
            Value::Bool(true),
            w.new_customer_points,
            "new customer (caller's flag)".to_string(),
            None,
        );
    }
    // 16. Sector prior, for the part of the history that is missing.
    if z < 1.0 {
        let sector = f.sector.as_deref().unwrap_or("");
        let prior = w.sector_prior(sector);
        let known = if f.paid == 0 {
            "no payment history".to_string()
        } else {
            format!(
                "thin payment history ({} of {full})",
                plural(f.paid, "paid invoice", "paid invoices")
            )
        };
        let which = match (sector.trim(), benchmark(sector)) {
            ("", _) => "no sector given: median-sector prior".to_string(),
            (s, Some(bm))
                if !w
                    .sector_priors
                    .keys()
                    .any(|k| k.trim().eq_ignore_ascii_case(s)) =>
            {
                format!(
                    "{} prior ({} % unpaid, {} days to pay on average in France)",
                    bm.sector,
                    days(bm.unpaid_percent),
                    bm.average_days
                )
            }
            (s, Some(_)) => format!("{s} prior (the caller's)"),
            (s, None)
                if w.sector_priors
                    .keys()
                    .any(|k| k.trim().eq_ignore_ascii_case(s)) =>
            {
                format!("{s} prior (the caller's)")
            }
            (s, None) => format!("no benchmark for {s}: median-sector prior"),
        };
        b.push(
            "sector_prior",
            f.sector.clone().map_or(Value::Null, Value::String),
            prior * (1.0 - z),
            format!("{known}: {which}"),
            (z > 0.0)
                .then_some(format!("prior weighted {} %", percent(1.0 - z)))
                .as_deref(),
        );
    }

    let mut factors = b.factors;
    // Stable sort: equal contributions keep the documented order above.
    factors.sort_by_key(|f| std::cmp::Reverse(f.points.unsigned_abs()));
    let total = factors
        .iter()
        .fold(0i64, |acc, f| acc.saturating_add(f.points));
    let score = u32::try_from(total.clamp(0, 100)).unwrap_or(0);
    Score {
        score,
        grade: Grade::of(score, w.grade_bounds),
        thin_file,
        credibility: round_to(z, 4),
        factors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_round_half_away_from_zero_after_cleaning() {
        assert_eq!(whole_points(0.3 * 35.0), 11);
        assert_eq!(whole_points(10.49), 10);
        assert_eq!(whole_points(-2.5), -3);
        assert_eq!(whole_points(f64::NAN), 0);
        assert_eq!(whole_points(1e300), i64::MAX);
    }

    #[test]
    fn explanations() {
        assert_eq!(with_points("x".into(), 22, None), "x (+22 points)");
        assert_eq!(with_points("x".into(), -1, None), "x (-1 point)");
        assert_eq!(days(34.0), "34");
        assert_eq!(days(2.0 / 3.0), "0.7");
    }
}
