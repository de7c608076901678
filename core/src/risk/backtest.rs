//! The back-test: score every customer with the data up to a cut-off date, then look at what
//! happened in the following `horizon_days` and measure how well the scores ranked the customers
//! that turned out late.
//!
//! **Outcome.** A customer is *late* when, within the horizon (after the cut-off, up to and
//! including `cutoff + horizon_days`), it paid a receivable more than `late_after_days` (default
//! 30) days after its due date, had one written off that long after, or left one unpaid more
//! than that long past due at the end of the horizon. Fully credited receivables (settled by
//! credit notes alone) never count. A customer is *observed* when something could make it late:
//! a receivable open at the cut-off or issued in the horizon whose due date is more than
//! `late_after_days` before the horizon's end. The measures use the observed customers only.
//!
//! **AUC** is the Mann–Whitney statistic: over every pair of a late and a not-late customer, 1
//! when the late one has the higher score, ½ for a tie, 0 otherwise, averaged. 0.5 is a coin
//! toss, 1 a perfect ranking; `null` when either group is empty.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::features::{check_references, extract, round_to, ExternalInputs, Inputs};
use super::score::{score, Grade};
use super::weights::Weights;
use crate::calendar::date::{add_days, serde_date};
use crate::dunning::journal::JournalEntry;
use crate::error::{err, Result};
use crate::ledger::{Ledger, ReceivableStatus};

fn thirty() -> u32 {
    30
}

/// Settings of a back-test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BacktestOptions {
    /// Days past due that make a receivable late for the outcome. Default 30.
    #[serde(default = "thirty")]
    pub late_after_days: u32,
    /// External inputs known at the cut-off.
    #[serde(default)]
    pub external: BTreeMap<String, ExternalInputs>,
    /// Score weights.
    #[serde(default)]
    pub weights: Weights,
}

impl Default for BacktestOptions {
    fn default() -> Self {
        BacktestOptions {
            late_after_days: thirty(),
            external: BTreeMap::new(),
            weights: Weights::default(),
        }
    }
}

/// One customer of the back-test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BacktestCustomer {
    /// Customer id.
    pub customer: String,
    /// Score at the cut-off.
    pub score: u32,
    /// Grade at the cut-off.
    pub grade: Grade,
    /// Thin file at the cut-off.
    pub thin_file: bool,
    /// Something could make it late in the horizon (it counts in the measures).
    pub observed: bool,
    /// It turned out late.
    pub late: bool,
    /// The largest delay behind `late` (days past due), when late.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worst_days_late: Option<i64>,
}

/// Observed outcome for a range of scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalibrationBand {
    /// Lowest score of the band.
    pub from: u32,
    /// Highest score of the band.
    pub to: u32,
    /// Observed customers in the band.
    pub count: usize,
    /// Of which late.
    pub positives: usize,
    /// `positives / count` (`null` for an empty band).
    pub late_rate: Option<f64>,
    /// Mean score of the band (`null` for an empty band).
    pub mean_score: Option<f64>,
}

/// Observed outcome for a grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeOutcome {
    /// Grade.
    pub grade: Grade,
    /// Observed customers of the grade.
    pub count: usize,
    /// Of which late.
    pub positives: usize,
    /// `positives / count` (`null` for an empty grade).
    pub late_rate: Option<f64>,
    /// Mean score (`null` for an empty grade).
    pub mean_score: Option<f64>,
}

/// The result of a back-test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backtest {
    /// Cut-off date.
    #[serde(with = "serde_date")]
    pub cutoff: NaiveDate,
    /// Horizon in days.
    pub horizon_days: u32,
    /// End of the horizon.
    #[serde(with = "serde_date")]
    pub horizon_end: NaiveDate,
    /// Days past due that made a receivable late.
    pub late_after_days: u32,
    /// AUC (Mann–Whitney, ties counted half); `null` without both late and not-late customers.
    pub auc: Option<f64>,
    /// Customers with a receivable issued by the cut-off: all scored.
    pub customers_scored: usize,
    /// Of which observed (the measures count these).
    pub customers_observed: usize,
    /// Observed customers that turned out late.
    pub positives: usize,
    /// Observed customers that did not.
    pub negatives: usize,
    /// Ten bands of scores (0–9, 10–19, …, 90–100) with their observed late rate.
    pub calibration: Vec<CalibrationBand>,
    /// The five grades with their observed late rate.
    pub by_grade: Vec<GradeOutcome>,
    /// Every scored customer, by id.
    pub customers: Vec<BacktestCustomer>,
}

fn rate(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| round_to(num as f64 / den as f64, 4))
}

fn mean_of(scores: &[u32]) -> Option<f64> {
    if scores.is_empty() {
        return None;
    }
    let sum: f64 = scores.iter().map(|s| f64::from(*s)).sum();
    Some(round_to(sum / scores.len() as f64, 2))
}

/// Mann–Whitney AUC of integer scores: `P(score of a late customer > score of another)`, ties
/// counted half.
///
/// ```
/// use arrears::risk::backtest::auc;
/// // Late customers scored 80 and 40, the others 40 and 10: pairs (80,40) 1, (80,10) 1,
/// // (40,40) ½, (40,10) 1 → 3.5 / 4.
/// assert_eq!(auc(&[(80, true), (40, true), (40, false), (10, false)]), Some(0.875));
/// assert_eq!(auc(&[(80, true)]), None);
/// ```
pub fn auc(scored: &[(u32, bool)]) -> Option<f64> {
    let mut pos: BTreeMap<u32, f64> = BTreeMap::new();
    let mut neg: BTreeMap<u32, f64> = BTreeMap::new();
    for (s, late) in scored {
        let m = if *late { &mut pos } else { &mut neg };
        *m.entry(*s).or_insert(0.0) += 1.0;
    }
    let p: f64 = pos.values().sum();
    let n: f64 = neg.values().sum();
    if p == 0.0 || n == 0.0 {
        return None;
    }
    let mut wins = 0.0;
    for (s, count) in &pos {
        let below: f64 = neg.range(..*s).map(|(_, c)| *c).sum();
        let ties = neg.get(s).copied().unwrap_or(0.0);
        wins += count * (below + 0.5 * ties);
    }
    Some(round_to(wins / (p * n), 6))
}

/// Runs the back-test.
///
/// # Errors
/// `input.invalid_value` for a horizon of 0 days or bad weights; `dunning.invalid_journal` and
/// `ledger.unknown_customer` for references to customers the ledger does not know; the errors of
/// [`Ledger::state_as_of`].
///
/// ```
/// use arrears::risk::{backtest::{backtest, BacktestOptions}};
/// use arrears::{ledger::Ledger, sample};
/// use chrono::NaiveDate;
/// let ledger = Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?;
/// let cutoff = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
/// let bt = backtest(&ledger, &[], cutoff, 180, &BacktestOptions::default())?;
/// assert!(bt.auc.unwrap() > 0.75);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn backtest(
    ledger: &Ledger,
    journal: &[JournalEntry],
    cutoff: NaiveDate,
    horizon_days: u32,
    options: &BacktestOptions,
) -> Result<Backtest> {
    if horizon_days == 0 {
        return Err(err!(InvalidValue, "horizon_days must be at least 1").at("horizon_days"));
    }
    options.weights.check()?;
    check_references(ledger, journal, &options.external)?;
    let end = add_days(cutoff, i64::from(horizon_days))?;
    let at_cutoff = ledger.state_as_of(cutoff)?;
    let at_end = ledger.state_as_of(end)?;

    let customers: BTreeSet<String> = at_cutoff
        .receivables
        .iter()
        .map(|r| r.customer.clone())
        .collect();
    let features = extract(
        &Inputs {
            ledger,
            state: &at_cutoff,
            journal,
            external: &options.external,
            weights: &options.weights,
        },
        &customers,
    )?;

    let open_at_cutoff: HashMap<&str, bool> = at_cutoff
        .receivables
        .iter()
        .map(|r| (r.id.as_str(), !r.outstanding.is_zero()))
        .collect();
    let late_after = i64::from(options.late_after_days);
    // Per customer: (observed, worst delay that makes it late).
    let mut outcome: HashMap<&str, (bool, Option<i64>)> = HashMap::new();
    for r in &at_end.receivables {
        let in_play =
            r.issue_date > cutoff || open_at_cutoff.get(r.id.as_str()).copied().unwrap_or(false);
        if !in_play {
            continue;
        }
        let e = outcome.entry(r.customer.as_str()).or_insert((false, None));
        if crate::calendar::date::days_between(r.due_date, end) > late_after {
            e.0 = true;
        }
        let settled_in_horizon = r.settled_on.is_some_and(|d| d > cutoff);
        let late = r.days_late > late_after
            && match r.status {
                ReceivableStatus::Paid | ReceivableStatus::WrittenOff => settled_in_horizon,
                ReceivableStatus::Credited => false,
                _ => !r.outstanding.is_zero(),
            };
        if late {
            e.0 = true;
            e.1 = Some(e.1.map_or(r.days_late, |w| w.max(r.days_late)));
        }
    }

    let mut rows = Vec::new();
    for (id, f) in &features {
        let s = score(f, &options.weights);
        let (observed, worst) = outcome.get(id.as_str()).copied().unwrap_or((false, None));
        rows.push(BacktestCustomer {
            customer: id.clone(),
            score: s.score,
            grade: s.grade,
            thin_file: s.thin_file,
            observed,
            late: worst.is_some(),
            worst_days_late: worst,
        });
    }

    let observed: Vec<&BacktestCustomer> = rows.iter().filter(|r| r.observed).collect();
    let pairs: Vec<(u32, bool)> = observed.iter().map(|r| (r.score, r.late)).collect();
    let positives = observed.iter().filter(|r| r.late).count();

    let mut calibration = Vec::new();
    for band in 0u32..10 {
        let from = band.saturating_mul(10);
        let to = if band == 9 {
            100
        } else {
            from.saturating_add(9)
        };
        let members: Vec<&&BacktestCustomer> = observed
            .iter()
            .filter(|r| (from..=to).contains(&r.score))
            .collect();
        let late = members.iter().filter(|r| r.late).count();
        let scores: Vec<u32> = members.iter().map(|r| r.score).collect();
        calibration.push(CalibrationBand {
            from,
            to,
            count: members.len(),
            positives: late,
            late_rate: rate(late, members.len()),
            mean_score: mean_of(&scores),
        });
    }
    let by_grade = Grade::ALL
        .iter()
        .map(|g| {
            let members: Vec<&&BacktestCustomer> =
                observed.iter().filter(|r| r.grade == *g).collect();
            let late = members.iter().filter(|r| r.late).count();
            let scores: Vec<u32> = members.iter().map(|r| r.score).collect();
            GradeOutcome {
                grade: *g,
                count: members.len(),
                positives: late,
                late_rate: rate(late, members.len()),
                mean_score: mean_of(&scores),
            }
        })
        .collect();

    Ok(Backtest {
        cutoff,
        horizon_days,
        horizon_end: end,
        late_after_days: options.late_after_days,
        auc: auc(&pairs),
        customers_scored: rows.len(),
        customers_observed: observed.len(),
        positives,
        negatives: observed.len().saturating_sub(positives),
        calibration,
        by_grade,
        customers: rows,
    })
}
