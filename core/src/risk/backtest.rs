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
//! **The data must cover the horizon.** A customer whose late payment falls after the last date
//! of the data would count as on time: a horizon that ends after the data's last date (or the
//! caller's `data_until`) is refused (`risk.horizon_past_data`).
//!
//! **Already late at the cut-off.** A customer with a receivable already more than
//! `late_after_days` past due and unpaid at the cut-off is late whatever happens next, and the
//! `overdue_age` factor sees it: `exclude_late_at_cutoff` leaves such customers out of the
//! measures, so that the AUC says how well the score foresees *new* lateness.
//!
//! **AUC** is the Mann–Whitney statistic: over every pair of a late and a not-late customer, 1
//! when the late one has the higher score, ½ for a tie, 0 otherwise, averaged. 0.5 is a coin
//! toss, 1 a perfect ranking; `null` when either group is empty. Each factor gets its own AUC,
//! ranking the customers by the points that factor alone gave them (0 when none). Intervals are
//! 95 % percentile bootstrap intervals, resampling late and not-late customers separately
//! (stratified, as pROC's `ci.auc` does by default: Robin et al., BMC Bioinformatics 12:77,
//! 2011), from a seeded generator so that a run can be repeated.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use chrono::NaiveDate;
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::features::{check_references, extract, round_to, ExternalInputs, Inputs};
use super::score::{score, Grade, FACTORS};
use super::weights::Weights;
use crate::calendar::date::{add_days, days_between, serde_date};
use crate::dunning::journal::JournalEntry;
use crate::error::{err, Error, Result};
use crate::ledger::{Ledger, ReceivableStatus};
use crate::sample::Rng;

fn thirty() -> u32 {
    30
}

fn thousand() -> u32 {
    1000
}

fn one() -> u64 {
    1
}

/// Resamples at most: enough for a 99.9 % interval, and a bound on the work a request can ask.
pub const MAX_BOOTSTRAP_SAMPLES: u32 = 100_000;

/// A customer's external inputs as a back-test takes them: one dated input, or a list of them
/// (a bureau score each quarter, say). The back-test uses, for each customer, the latest input
/// dated on or before the cut-off; later ones are ignored and counted.
///
/// In JSON, an object (`{"date": ..., "bureau_score": ...}`) or a list of such objects.
///
/// ```
/// use arrears::risk::backtest::ExternalHistory;
/// let one: ExternalHistory = serde_json::from_str(r#"{"date": "2025-11-02", "bureau_score": 40}"#).unwrap();
/// let many: ExternalHistory = serde_json::from_str(
///     r#"[{"date": "2025-11-02", "bureau_score": 40}, {"date": "2026-02-01", "bureau_score": 25}]"#).unwrap();
/// assert_eq!(one.0.len(), 1);
/// assert_eq!(many.0.len(), 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct ExternalHistory(pub Vec<ExternalInputs>);

impl From<ExternalInputs> for ExternalHistory {
    fn from(x: ExternalInputs) -> Self {
        ExternalHistory(vec![x])
    }
}

impl<'de> Deserialize<'de> for ExternalHistory {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct OneOrMany;
        impl<'de> Visitor<'de> for OneOrMany {
            type Value = ExternalHistory;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("external inputs (an object with a date) or a list of them")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let one =
                    ExternalInputs::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(ExternalHistory(vec![one]))
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                seq: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let many = Vec::<ExternalInputs>::deserialize(
                    serde::de::value::SeqAccessDeserializer::new(seq),
                )?;
                Ok(ExternalHistory(many))
            }
        }
        d.deserialize_any(OneOrMany)
    }
}

/// How the intervals are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BootstrapOptions {
    /// Resamples (default 1,000; 0 gives no intervals; at most [`MAX_BOOTSTRAP_SAMPLES`]).
    #[serde(default = "thousand")]
    pub samples: u32,
    /// Seed of the generator (default 1): the same seed gives the same intervals.
    #[serde(default = "one")]
    pub seed: u64,
}

impl Default for BootstrapOptions {
    fn default() -> Self {
        BootstrapOptions {
            samples: thousand(),
            seed: one(),
        }
    }
}

/// Settings of a back-test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BacktestOptions {
    /// Days past due that make a receivable late for the outcome. Default 30.
    #[serde(default = "thirty")]
    pub late_after_days: u32,
    /// External inputs, dated: each customer's latest input dated on or before the cut-off is
    /// used. An undated input is refused (`input.invalid_value`): nothing would show that it was
    /// known at the cut-off.
    #[serde(default)]
    pub external: BTreeMap<String, ExternalHistory>,
    /// Score weights.
    #[serde(default)]
    pub weights: Weights,
    /// Leave out of the measures the customers already late at the cut-off (a receivable unpaid
    /// more than `late_after_days` past due then). Default `false`.
    #[serde(default)]
    pub exclude_late_at_cutoff: bool,
    /// The last day the data is complete to (the export's date), when later than the last dated
    /// record: the horizon may end on it. Default: the last date of the ledger and journal.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub data_until: Option<NaiveDate>,
    /// The bootstrap of the intervals.
    #[serde(default)]
    pub bootstrap: BootstrapOptions,
}

impl Default for BacktestOptions {
    fn default() -> Self {
        BacktestOptions {
            late_after_days: thirty(),
            external: BTreeMap::new(),
            weights: Weights::default(),
            exclude_late_at_cutoff: false,
            data_until: None,
            bootstrap: BootstrapOptions::default(),
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
    /// Already late at the cut-off: a receivable unpaid more than `late_after_days` past due.
    pub late_at_cutoff: bool,
    /// It counts in the measures: something could make it late in the horizon, and it was not
    /// left out as late at the cut-off.
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

/// A 95 % bootstrap interval of an AUC.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// The 2.5th percentile of the resampled AUCs.
    pub low: f64,
    /// The 97.5th percentile.
    pub high: f64,
}

/// One factor's own AUC: the observed customers ranked by the points that factor alone gave
/// them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactorAuc {
    /// Factor id ([`FACTORS`](super::score::FACTORS)).
    pub factor: String,
    /// Observed customers it gave points to (the others rank tied at 0).
    pub customers_with_points: usize,
    /// Its AUC (0.5 for a factor that gave nobody points; below 0.5 when the customers it
    /// penalises turned out late less often).
    pub auc: Option<f64>,
    /// Its 95 % bootstrap interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
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
    /// The day the data is complete to: the caller's `data_until`, or the last date in the
    /// ledger and journal.
    #[serde(with = "serde_date")]
    pub data_until: NaiveDate,
    /// Days past due that made a receivable late.
    pub late_after_days: u32,
    /// Customers late at the cut-off were left out of the measures.
    pub exclude_late_at_cutoff: bool,
    /// AUC (Mann–Whitney, ties counted half); `null` without both late and not-late customers.
    pub auc: Option<f64>,
    /// Its 95 % bootstrap interval (`null` without an AUC or without resamples).
    pub auc_interval: Option<Interval>,
    /// Each factor's own AUC, in the documented order.
    pub factors: Vec<FactorAuc>,
    /// The resampling behind the intervals.
    pub bootstrap: BootstrapOptions,
    /// Customers with a receivable issued by the cut-off: all scored.
    pub customers_scored: usize,
    /// Of which observed (the measures count these).
    pub customers_observed: usize,
    /// Scored customers late at the cut-off (left out of the measures when
    /// `exclude_late_at_cutoff`).
    pub late_at_cutoff: usize,
    /// Observed customers that turned out late.
    pub positives: usize,
    /// Observed customers that did not.
    pub negatives: usize,
    /// External inputs dated after the cut-off, not used.
    pub external_after_cutoff: usize,
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
    let keys: Vec<u32> = scored.iter().map(|(s, _)| *s).collect();
    let ranked = Ranked::of(&keys);
    let pos: Vec<usize> = (0..scored.len())
        .filter(|i| scored.get(*i).is_some_and(|x| x.1))
        .collect();
    let neg: Vec<usize> = (0..scored.len())
        .filter(|i| scored.get(*i).is_some_and(|x| !x.1))
        .collect();
    let mut counts = Vec::new();
    ranked
        .auc(pos.iter().copied(), neg.iter().copied(), &mut counts)
        .map(|a| round_to(a, 6))
}

/// Dense ranks of keys: equal keys share a rank, a higher key has a higher rank.
struct Ranked {
    ranks: Vec<usize>,
    distinct: usize,
}

impl Ranked {
    fn of<K: Ord + Copy>(keys: &[K]) -> Ranked {
        let mut sorted: Vec<K> = keys.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let ranks = keys
            .iter()
            .map(|k| sorted.binary_search(k).unwrap_or(0))
            .collect();
        Ranked {
            ranks,
            distinct: sorted.len(),
        }
    }

    fn rank(&self, i: usize) -> usize {
        self.ranks.get(i).copied().unwrap_or(0)
    }

    /// The AUC of the late customers `pos` against the others `neg` (indices into the keys,
    /// repeats allowed: a resample), counted exactly in integers: twice the wins (a tie is one,
    /// a win two) over twice the pairs. `counts` is a buffer.
    fn auc(
        &self,
        pos: impl Iterator<Item = usize>,
        neg: impl Iterator<Item = usize>,
        counts: &mut Vec<u64>,
    ) -> Option<f64> {
        counts.clear();
        counts.resize(self.distinct, 0);
        let mut n_neg: u64 = 0;
        for i in neg {
            if let Some(c) = counts.get_mut(self.rank(i)) {
                *c = c.saturating_add(1);
            }
            n_neg = n_neg.saturating_add(1);
        }
        // Turn the counts into "twice the negatives below, plus those tied": 2·below + tied.
        let mut below: u64 = 0;
        for c in counts.iter_mut() {
            let tied = *c;
            *c = below.saturating_mul(2).saturating_add(tied);
            below = below.saturating_add(tied);
        }
        let mut n_pos: u64 = 0;
        let mut wins2: u64 = 0;
        for i in pos {
            wins2 = wins2.saturating_add(counts.get(self.rank(i)).copied().unwrap_or(0));
            n_pos = n_pos.saturating_add(1);
        }
        let pairs2 = n_pos.saturating_mul(n_neg).saturating_mul(2);
        (pairs2 > 0).then(|| wins2 as f64 / pairs2 as f64)
    }
}

/// Type 7 quantile (linear between order statistics, R's and NumPy's default) of sorted values.
fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p;
    let lo = h.floor();
    let at = |k: f64| sorted.get(k as usize).copied();
    let a = at(lo)?;
    let b = at((lo + 1.0).min(last as f64))?;
    Some(a + (h - lo) * (b - a))
}

/// Percentile bootstrap intervals of several AUCs over the same customers, resampling the late
/// and the not-late ones separately, the same draws for every ranking (so that the intervals of
/// the score and of its factors are comparable).
fn bootstrap_intervals(
    rankings: &[Ranked],
    positives: &[usize],
    negatives: &[usize],
    options: BootstrapOptions,
) -> Vec<Option<Interval>> {
    if options.samples == 0 || positives.is_empty() || negatives.is_empty() {
        return rankings.iter().map(|_| None).collect();
    }
    let mut rng = Rng(options.seed);
    let mut draws: Vec<Vec<f64>> = rankings
        .iter()
        .map(|_| Vec::with_capacity(options.samples as usize))
        .collect();
    let mut pos = Vec::with_capacity(positives.len());
    let mut neg = Vec::with_capacity(negatives.len());
    let mut counts = Vec::new();
    for _ in 0..options.samples {
        pos.clear();
        neg.clear();
        for _ in 0..positives.len() {
            pos.extend(positives.get(rng.below(positives.len())).copied());
        }
        for _ in 0..negatives.len() {
            neg.extend(negatives.get(rng.below(negatives.len())).copied());
        }
        for (ranked, out) in rankings.iter().zip(draws.iter_mut()) {
            out.extend(ranked.auc(pos.iter().copied(), neg.iter().copied(), &mut counts));
        }
    }
    draws
        .into_iter()
        .map(|mut d| {
            d.sort_unstable_by(f64::total_cmp);
            Some(Interval {
                low: round_to(quantile(&d, 0.025)?, 4),
                high: round_to(quantile(&d, 0.975)?, 4),
            })
        })
        .collect()
}

/// The last date of the data: the latest dated record of the ledger and the journal.
fn last_date(ledger: &Ledger, journal: &[JournalEntry]) -> Option<NaiveDate> {
    let doc = ledger.document();
    doc.invoices
        .iter()
        .map(|i| i.issue_date)
        .chain(doc.payments.iter().map(|p| p.date))
        .chain(doc.credit_notes.iter().map(|c| c.date))
        .chain(doc.write_offs.iter().map(|w| w.date))
        .chain(
            doc.disputes
                .iter()
                .flat_map(|d| [Some(d.opened), d.resolved])
                .flatten(),
        )
        .chain(journal.iter().map(|e| e.date))
        .max()
}

/// Each customer's external inputs in force at the cut-off (the latest dated on or before it),
/// and how many inputs were dated after it.
fn external_at(
    external: &BTreeMap<String, ExternalHistory>,
    cutoff: NaiveDate,
) -> Result<(BTreeMap<String, ExternalInputs>, usize)> {
    let mut problems = Vec::new();
    let mut in_force = BTreeMap::new();
    let mut later = 0usize;
    for (c, history) in external {
        for (i, x) in history.0.iter().enumerate() {
            if x.date.is_none() {
                problems.push(
                    err!(
                        InvalidValue,
                        "a back-test needs the date each external input was known (a score obtained after the cut-off would see the outcome)"
                    )
                    .at(format!("external.{c}[{i}].date")),
                );
            }
        }
        later = later.saturating_add(
            history
                .0
                .iter()
                .filter(|x| x.date.is_some_and(|d| d > cutoff))
                .count(),
        );
        let known = || {
            history
                .0
                .iter()
                .enumerate()
                .filter(|(_, x)| x.date.is_some_and(|d| d <= cutoff))
        };
        let Some(latest) = known().filter_map(|(_, x)| x.date).max() else {
            continue;
        };
        let mut in_force_then = known().filter(|(_, x)| x.date == Some(latest));
        if let Some((_, x)) = in_force_then.next() {
            in_force.insert(c.clone(), x.clone());
        }
        if let Some((i, _)) = in_force_then.next() {
            problems.push(
                err!(
                    InvalidValue,
                    "two external inputs of {c:?} dated {latest}: which one held at the cut-off is unknown"
                )
                .at(format!("external.{c}[{i}].date")),
            );
        }
    }
    match Error::from_many(problems) {
        Some(e) => Err(e),
        None => Ok((in_force, later)),
    }
}

/// Runs the back-test.
///
/// # Errors
/// `input.invalid_value` for a horizon of 0 days, bad weights, more than
/// [`MAX_BOOTSTRAP_SAMPLES`] resamples, or an undated (or ambiguously dated) external input;
/// `risk.horizon_past_data` when the horizon ends after the data's last date (or
/// `data_until`); `dunning.invalid_journal` and `ledger.unknown_customer` for references to
/// customers the ledger does not know; the errors of [`Ledger::state_as_of`].
///
/// ```
/// use arrears::risk::{backtest::{backtest, BacktestOptions}};
/// use arrears::{ledger::Ledger, sample};
/// use chrono::NaiveDate;
/// let ledger = Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?;
/// let cutoff = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
/// let bt = backtest(&ledger, &[], cutoff, 180, &BacktestOptions::default())?;
/// assert!(bt.auc.unwrap() > 0.75);
/// let interval = bt.auc_interval.unwrap();
/// assert!(interval.low <= bt.auc.unwrap() && bt.auc.unwrap() <= interval.high);
/// // The sample ends on 30 June 2026: a year's horizon would run past it.
/// let err = backtest(&ledger, &[], cutoff, 365, &BacktestOptions::default()).unwrap_err();
/// assert_eq!(err.code().as_str(), "risk.horizon_past_data");
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
    if options.bootstrap.samples > MAX_BOOTSTRAP_SAMPLES {
        return Err(err!(
            InvalidValue,
            "bootstrap.samples must be at most {MAX_BOOTSTRAP_SAMPLES}, got {}",
            options.bootstrap.samples
        )
        .at("bootstrap.samples"));
    }
    options.weights.check()?;
    check_references(
        ledger,
        journal,
        options.external.iter().flat_map(|(c, h)| {
            h.0.iter()
                .enumerate()
                .map(move |(i, x)| (c.as_str(), format!("external.{c}[{i}]"), x))
        }),
    )?;
    let (external, external_after_cutoff) = external_at(&options.external, cutoff)?;
    let end = add_days(cutoff, i64::from(horizon_days))?;
    let data_until = match (options.data_until, last_date(ledger, journal)) {
        (Some(d), _) => d,
        (None, Some(d)) => d,
        (None, None) => cutoff,
    };
    if end > data_until {
        let fits = days_between(cutoff, data_until);
        let hint = if fits >= 1 {
            format!("a horizon of at most {fits} days, an earlier cut-off")
        } else {
            "an earlier cut-off".to_string()
        };
        let whose = if options.data_until.is_some() {
            "data_until"
        } else {
            "the last date in the ledger and journal"
        };
        return Err(err!(
            HorizonPastData,
            "the horizon ends on {end}, after {data_until} ({whose}): late payments after that day are not in the data, so their customers would count as on time. Use {hint}, or data_until if the books are complete to a later day"
        )
        .at("horizon_days"));
    }
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
            external: &external,
            weights: &options.weights,
        },
        &customers,
    )?;

    let late_after = i64::from(options.late_after_days);
    let mut open_at_cutoff: HashMap<&str, bool> = HashMap::new();
    let mut late_then: BTreeSet<&str> = BTreeSet::new();
    for r in &at_cutoff.receivables {
        let open = !r.outstanding.is_zero();
        open_at_cutoff.insert(r.id.as_str(), open);
        // Late in the outcome's sense already: unpaid more than `late_after` days past due.
        if open && r.status != ReceivableStatus::Credited && r.days_late > late_after {
            late_then.insert(r.customer.as_str());
        }
    }
    // Per customer: (observed, worst delay that makes it late).
    let mut outcome: HashMap<&str, (bool, Option<i64>)> = HashMap::new();
    for r in &at_end.receivables {
        let in_play =
            r.issue_date > cutoff || open_at_cutoff.get(r.id.as_str()).copied().unwrap_or(false);
        if !in_play {
            continue;
        }
        let e = outcome.entry(r.customer.as_str()).or_insert((false, None));
        if days_between(r.due_date, end) > late_after {
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
    // Per scored customer, the points of each factor, in the order of FACTORS.
    let mut points: Vec<[i64; FACTORS.len()]> = Vec::new();
    for (id, f) in &features {
        let s = score(f, &options.weights);
        let (in_play, worst) = outcome.get(id.as_str()).copied().unwrap_or((false, None));
        let late_at_cutoff = late_then.contains(id.as_str());
        let mut row = [0i64; FACTORS.len()];
        for factor in &s.factors {
            if let Some(slot) = FACTORS
                .iter()
                .position(|n| *n == factor.factor)
                .and_then(|k| row.get_mut(k))
            {
                *slot = factor.points;
            }
        }
        points.push(row);
        rows.push(BacktestCustomer {
            customer: id.clone(),
            score: s.score,
            grade: s.grade,
            thin_file: s.thin_file,
            late_at_cutoff,
            observed: in_play && !(options.exclude_late_at_cutoff && late_at_cutoff),
            late: worst.is_some(),
            worst_days_late: worst,
        });
    }

    let observed_idx: Vec<usize> = (0..rows.len())
        .filter(|i| rows.get(*i).is_some_and(|r| r.observed))
        .collect();
    let observed: Vec<&BacktestCustomer> =
        observed_idx.iter().filter_map(|i| rows.get(*i)).collect();
    let positives_idx: Vec<usize> = observed_idx
        .iter()
        .copied()
        .filter(|i| rows.get(*i).is_some_and(|r| r.late))
        .collect();
    let negatives_idx: Vec<usize> = observed_idx
        .iter()
        .copied()
        .filter(|i| rows.get(*i).is_some_and(|r| !r.late))
        .collect();
    let positives = positives_idx.len();

    // The score's ranking first, then each factor's.
    let scores: Vec<u32> = rows.iter().map(|r| r.score).collect();
    let mut rankings = vec![Ranked::of(&scores)];
    for k in 0..FACTORS.len() {
        let keys: Vec<i64> = points
            .iter()
            .map(|p| p.get(k).copied().unwrap_or(0))
            .collect();
        rankings.push(Ranked::of(&keys));
    }
    let mut counts = Vec::new();
    let point_aucs: Vec<Option<f64>> = rankings
        .iter()
        .map(|r| {
            r.auc(
                positives_idx.iter().copied(),
                negatives_idx.iter().copied(),
                &mut counts,
            )
            .map(|a| round_to(a, 6))
        })
        .collect();
    let intervals =
        bootstrap_intervals(&rankings, &positives_idx, &negatives_idx, options.bootstrap);
    let factors = FACTORS
        .iter()
        .enumerate()
        .map(|(k, name)| FactorAuc {
            factor: (*name).to_string(),
            customers_with_points: observed_idx
                .iter()
                .filter(|i| {
                    points
                        .get(**i)
                        .and_then(|p| p.get(k))
                        .is_some_and(|x| *x != 0)
                })
                .count(),
            auc: point_aucs.get(k.saturating_add(1)).copied().flatten(),
            interval: intervals.get(k.saturating_add(1)).copied().flatten(),
        })
        .collect();

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
        data_until,
        late_after_days: options.late_after_days,
        exclude_late_at_cutoff: options.exclude_late_at_cutoff,
        auc: point_aucs.first().copied().flatten(),
        auc_interval: intervals.first().copied().flatten(),
        factors,
        bootstrap: options.bootstrap,
        customers_scored: rows.len(),
        customers_observed: observed.len(),
        late_at_cutoff: rows.iter().filter(|r| r.late_at_cutoff).count(),
        positives,
        negatives: observed.len().saturating_sub(positives),
        external_after_cutoff,
        calibration,
        by_grade,
        customers: rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_is_type_7() {
        // NumPy: np.quantile([1, 2, 3, 4], [0.025, 0.5, 0.975]) = [1.075, 2.5, 3.925].
        let v = [1.0, 2.0, 3.0, 4.0];
        let q = |p| (quantile(&v, p).unwrap() * 1e9).round() / 1e9;
        assert_eq!(q(0.025), 1.075);
        assert_eq!(q(0.5), 2.5);
        assert_eq!(q(0.975), 3.925);
        assert_eq!(quantile(&[7.0], 0.975), Some(7.0));
        assert_eq!(quantile(&[], 0.5), None);
    }

    #[test]
    fn resampled_auc_counts_repeats() {
        // Scores: late 3 and 1, not late 2. Drawing the late customer scored 3 twice and the
        // other once: 1 + 1 + 0 wins over 3 pairs.
        let r = Ranked::of(&[3u32, 1, 2]);
        let mut counts = Vec::new();
        let a = r
            .auc([0, 0, 1].into_iter(), [2].into_iter(), &mut counts)
            .unwrap();
        assert!((a - 2.0 / 3.0).abs() < 1e-12);
    }

    /// The interval's width agrees with the standard error of Hanley & McNeil (Radiology 143,
    /// 1982, eq. 2): SE² = (A(1 − A) + (n₁ − 1)(Q₁ − A²) + (n₂ − 1)(Q₂ − A²)) / (n₁ n₂), with
    /// Q₁ = A / (2 − A) and Q₂ = 2A² / (1 + A), for distinct scores; a 95 % interval is about
    /// 2 × 1.96 SE wide.
    #[test]
    fn interval_width_matches_hanley_mcneil() {
        // 60 late and 90 not-late customers with distinct scores interleaved so that the AUC
        // is about 0.7: late customer i scores 6i + 80, not-late customer j scores 4j + 1.
        let mut keys: Vec<u32> = Vec::new();
        let mut late = Vec::new();
        let mut not_late = Vec::new();
        for i in 0..60u32 {
            late.push(keys.len());
            keys.push(3 * i * 2 + 80);
        }
        for j in 0..90u32 {
            not_late.push(keys.len());
            keys.push(2 * j * 2 + 1);
        }
        let ranked = Ranked::of(&keys);
        let mut counts = Vec::new();
        let a = ranked
            .auc(late.iter().copied(), not_late.iter().copied(), &mut counts)
            .unwrap();
        assert!((0.6..0.9).contains(&a), "AUC {a}");
        let (n1, n2) = (60.0, 90.0);
        let q1 = a / (2.0 - a);
        let q2 = 2.0 * a * a / (1.0 + a);
        let se = ((a * (1.0 - a) + (n1 - 1.0) * (q1 - a * a) + (n2 - 1.0) * (q2 - a * a))
            / (n1 * n2))
            .sqrt();
        let interval = bootstrap_intervals(
            std::slice::from_ref(&ranked),
            &late,
            &not_late,
            BootstrapOptions {
                samples: 2000,
                seed: 1,
            },
        )
        .remove(0)
        .unwrap();
        let width = interval.high - interval.low;
        let expected = 2.0 * 1.96 * se;
        assert!(
            (width / expected - 1.0).abs() < 0.2,
            "width {width} against {expected} (SE {se}, AUC {a})"
        );
        assert!(interval.low < a && a < interval.high);
        // The same seed gives the same interval; another seed a slightly different one.
        let again = bootstrap_intervals(
            std::slice::from_ref(&ranked),
            &late,
            &not_late,
            BootstrapOptions {
                samples: 2000,
                seed: 1,
            },
        );
        assert_eq!(again, vec![Some(interval)]);
    }
}
