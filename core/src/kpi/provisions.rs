//! Provisions for doubtful receivables: an age grid (a management convention) and the IFRS 9
//! simplified approach with a provision matrix estimated on the ledger's own history.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::figure::{add, mul, percent, round_money, round_places, Figure};
use super::history::{History, Item, Scope};
use super::{bucket_of, buckets, AgingBasis, AgingOptions, Bucket};
use crate::calendar::date::{days_between, end_of_month, serde_date};
use crate::error::{err, Result};
use crate::ledger::AllocationSource;
use crate::money::{decimal_string, Currency};

/// What a provision rate applies to.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProvisionBase {
    /// The outstanding amount, tax included (what the customer owes).
    #[default]
    Gross,
    /// The outstanding amount without tax, in proportion `net_amount / amount` of its invoice
    /// (the invoice's gross amount when it gives no `net_amount`): in France the provision is
    /// booked on the amount excluding VAT, which is recovered if the debt is lost.
    NetOfTax,
}

/// Which receivables the IFRS 9 loss rates are estimated on.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EstimateOn {
    /// The whole portfolio in the currency (more history; the default).
    #[default]
    Portfolio,
    /// The group itself (a segment or sector with its own risk characteristics, IFRS 9
    /// B5.5.5).
    Group,
}

/// IFRS 9 provision-matrix options.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ifrs9Options {
    /// Month ends observed, 1 to 120 (default 24).
    #[serde(default = "default_history_months")]
    pub history_months: u32,
    /// Months after each observed month end during which write-offs count as the outcome, 1 to
    /// 60 (default 12). A month end is observed only once that time has passed.
    #[serde(default = "default_outcome_months")]
    pub outcome_months: u32,
    /// Forward-looking adjustment of the historical rates, in percent of them (IFRS 9
    /// B5.5.52): `10` raises every rate by a tenth, `-10` lowers it; -100 to 1000 (default 0).
    #[serde(default, with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub adjustment_percent: Decimal,
    /// Population the rates are estimated on.
    #[serde(default)]
    pub estimate_on: EstimateOn,
}

fn default_history_months() -> u32 {
    24
}

fn default_outcome_months() -> u32 {
    12
}

impl Default for Ifrs9Options {
    fn default() -> Self {
        Ifrs9Options {
            history_months: default_history_months(),
            outcome_months: default_outcome_months(),
            adjustment_percent: Decimal::ZERO,
            estimate_on: EstimateOn::Portfolio,
        }
    }
}

/// Provision options.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProvisionOptions {
    /// Upper bounds of the days-past-due buckets (after a `not_due` bucket; one more bucket takes
    /// everything older). Default `[30, 90, 180, 360]`.
    #[serde(default = "default_bounds")]
    pub bounds: Vec<u32>,
    /// Age-grid rate of each bucket in percent, one per bucket (bounds + 2). Default
    /// `0, 0, 10, 25, 50, 100`: a common convention, not a rule.
    #[serde(default = "default_rates", with = "super::decimal_vec")]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Vec<crate::document::DecimalString>")
    )]
    pub rates_percent: Vec<Decimal>,
    /// Gross or net of tax.
    #[serde(default)]
    pub base: ProvisionBase,
    /// The IFRS 9 provision matrix.
    #[serde(default)]
    pub ifrs9: Ifrs9Options,
}

fn default_bounds() -> Vec<u32> {
    vec![30, 90, 180, 360]
}

fn default_rates() -> Vec<Decimal> {
    [0, 0, 10, 25, 50, 100]
        .into_iter()
        .map(Decimal::from)
        .collect()
}

impl Default for ProvisionOptions {
    fn default() -> Self {
        ProvisionOptions {
            bounds: default_bounds(),
            rates_percent: default_rates(),
            base: ProvisionBase::Gross,
            ifrs9: Ifrs9Options::default(),
        }
    }
}

impl ProvisionOptions {
    /// The buckets, after checking the options.
    ///
    /// # Errors
    /// `input.invalid_value` for bad bounds, a rate list of the wrong length or a rate outside
    /// 0..=100, and IFRS 9 options out of range.
    pub fn buckets(&self) -> Result<Vec<Bucket>> {
        let b = buckets(&AgingOptions {
            bounds: self.bounds.clone(),
            basis: AgingBasis::DueDate,
        })?;
        if self.rates_percent.len() != b.len() {
            return Err(err!(
                InvalidValue,
                "provision rates_percent needs one rate per bucket ({}: {}), got {}",
                b.len(),
                b.iter()
                    .map(|x| x.label.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                self.rates_percent.len()
            ));
        }
        if let Some(r) = self
            .rates_percent
            .iter()
            .find(|r| **r < Decimal::ZERO || **r > Decimal::ONE_HUNDRED)
        {
            return Err(err!(
                InvalidValue,
                "provision rates are percentages between 0 and 100, got {r}"
            ));
        }
        let o = &self.ifrs9;
        if !(1..=120).contains(&o.history_months) || !(1..=60).contains(&o.outcome_months) {
            return Err(err!(
                InvalidValue,
                "ifrs9 history_months must be 1 to 120 and outcome_months 1 to 60"
            ));
        }
        if o.adjustment_percent < Decimal::from(-100) || o.adjustment_percent > Decimal::from(1000)
        {
            return Err(err!(
                InvalidValue,
                "ifrs9 adjustment_percent must be between -100 and 1000"
            ));
        }
        Ok(b)
    }
}

/// One bucket of the age grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct ProvisionBucket {
    /// Bucket label (`not_due`, `1-30`, ..., `361+`).
    pub label: String,
    /// Smallest days past due (`None` for not due).
    pub from_days: Option<i64>,
    /// Largest days past due (`None` when open-ended).
    pub to_days: Option<i64>,
    /// Outstanding base in the bucket.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub outstanding: Decimal,
    /// Rate applied, in percent.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub rate_percent: Decimal,
    /// outstanding × rate, rounded half-up to the cent (minor unit).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub provision: Decimal,
}

/// The age-grid provision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct AgeGridProvision {
    /// One line per bucket.
    pub buckets: Vec<ProvisionBucket>,
    /// Total base.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub outstanding: Decimal,
    /// Total provision (sum of the rounded bucket provisions).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub provision: Decimal,
}

/// Where a matrix rate comes from.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RateSource {
    /// The ledger's history.
    History,
    /// No history in the bucket: the age-grid rate.
    AgeGrid,
}

/// One bucket of the IFRS 9 provision matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct MatrixBucket {
    /// Bucket label.
    pub label: String,
    /// Smallest days past due (`None` for not due).
    pub from_days: Option<i64>,
    /// Largest days past due (`None` when open-ended).
    pub to_days: Option<i64>,
    /// Sum over the observed month ends of the amounts in the bucket.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub exposure: Decimal,
    /// Of which written off within the outcome months after each month end.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub written_off: Decimal,
    /// Historical loss rate, written off ÷ exposure, in percent.
    pub loss_rate: Figure,
    /// Rate applied in percent: the loss rate × (100 + adjustment) / 100, at most 100, rounded
    /// to two places; the age-grid rate when the bucket has no history.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub rate_percent: Decimal,
    /// Where the applied rate comes from.
    pub rate_source: RateSource,
    /// Outstanding base in the bucket today.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub outstanding: Decimal,
    /// outstanding × applied rate, rounded half-up to the minor unit.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub provision: Decimal,
}

/// The IFRS 9 simplified-approach provision (lifetime expected credit losses).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Ifrs9Provision {
    /// Month ends observed (with something outstanding in the estimation population).
    pub month_ends: usize,
    /// The oldest of them.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub first_month_end: Option<NaiveDate>,
    /// The most recent of them.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub last_month_end: Option<NaiveDate>,
    /// The outcome window, in months.
    pub outcome_months: u32,
    /// The forward-looking adjustment applied, in percent of the rates.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub adjustment_percent: Decimal,
    /// Population of the estimate.
    pub estimated_on: EstimateOn,
    /// The matrix.
    pub buckets: Vec<MatrixBucket>,
    /// Total base.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub outstanding: Decimal,
    /// Total provision.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub provision: Decimal,
}

/// Both provisions of a scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Provisions {
    /// What the rates apply to.
    pub base: ProvisionBase,
    /// By age-bucket percentages.
    pub age_grid: AgeGridProvision,
    /// IFRS 9 simplified approach.
    pub ifrs9: Ifrs9Provision,
}

/// Historical exposure and write-offs per bucket.
#[derive(Debug, Clone, Default)]
pub(crate) struct LossHistory {
    month_ends: Vec<NaiveDate>,
    exposure: Vec<Decimal>,
    written_off: Vec<Decimal>,
}

/// The month ends observed: the latest one whose outcome window has closed by the as-of date,
/// then the `history_months − 1` before it, newest first.
fn month_ends(as_of: NaiveDate, options: &Ifrs9Options) -> Vec<NaiveDate> {
    let outcome = Months::new(options.outcome_months);
    let Some(start) = as_of.checked_sub_months(outcome).map(end_of_month) else {
        return Vec::new();
    };
    let mut m = start;
    let closes = |m: NaiveDate| m.checked_add_months(outcome).map(end_of_month);
    while closes(m).is_none_or(|c| c > as_of) {
        match m.with_day0(0).and_then(|d| d.pred_opt()) {
            Some(p) => m = p,
            None => return Vec::new(),
        }
    }
    let mut out = Vec::new();
    for _ in 0..options.history_months {
        out.push(m);
        match m.with_day0(0).and_then(|d| d.pred_opt()) {
            Some(p) => m = p,
            None => break,
        }
    }
    out
}

/// Amounts per bucket at each observed month end and what was written off of them within the
/// outcome window: the ledger's own loss experience.
pub(crate) fn loss_history(
    history: &History,
    estimation: &Scope,
    options: &ProvisionOptions,
) -> Result<LossHistory> {
    let b = options.buckets()?;
    let mut out = LossHistory {
        month_ends: Vec::new(),
        exposure: vec![Decimal::ZERO; b.len()],
        written_off: vec![Decimal::ZERO; b.len()],
    };
    let outcome = Months::new(options.ifrs9.outcome_months);
    // Month ends in rising order, read in one pass over each receivable's movements.
    let mut months = month_ends(history.as_of(), &options.ifrs9);
    months.sort();
    let until: Vec<NaiveDate> = months
        .iter()
        .map(|m| {
            m.checked_add_months(outcome)
                .map(end_of_month)
                .unwrap_or(*m)
        })
        .collect();
    let mut seen = vec![false; months.len()];
    for it in history.items(estimation) {
        let mut running = it.running();
        let write_offs = it.has_write_off();
        for (k, m) in months.iter().enumerate() {
            let o = running.outstanding_at(*m)?;
            if o.is_zero() {
                continue;
            }
            if let Some(s) = seen.get_mut(k) {
                *s = true;
            }
            let bucket = bucket_of(&b, days_between(it.r.due_date, *m));
            let lost = match until.get(k) {
                Some(u) if write_offs => {
                    it.moved(Some(*m), *u, |s| s == AllocationSource::WriteOff)?
                }
                _ => Decimal::ZERO,
            };
            if let Some(e) = out.exposure.get_mut(bucket) {
                *e = add(*e, o)?;
            }
            if let Some(w) = out.written_off.get_mut(bucket) {
                *w = add(*w, lost)?;
            }
        }
    }
    out.month_ends = months
        .into_iter()
        .zip(seen)
        .filter_map(|(m, s)| s.then_some(m))
        .collect();
    Ok(out)
}

/// The base of one receivable today.
fn base_of(it: &Item, base: ProvisionBase, currency: Currency) -> Result<Decimal> {
    match (base, it.net_ratio) {
        (ProvisionBase::NetOfTax, Some(ratio)) => {
            Ok(round_money(mul(it.r.outstanding, ratio)?, currency))
        }
        _ => Ok(it.r.outstanding),
    }
}

/// Provisions for a scope's open receivables on the as-of date, by the age grid and by the
/// IFRS 9 simplified approach, the matrix being estimated on `estimation` (the same scope, or a
/// wider one such as the whole currency).
///
/// **Age grid.** Each bucket's outstanding base × the bucket's rate, rounded half-up to the
/// minor unit per bucket. The default grid (0 % not due and up to 30 days, 10 % 31–90, 25 %
/// 91–180, 50 % 181–360, 100 % beyond) is a common management convention, not a rule: tax law
/// usually wants each doubtful receivable assessed on its own.
///
/// **IFRS 9 simplified approach** (IFRS 9 §5.5.15: lifetime expected credit losses for trade
/// receivables; B5.5.35: a provision matrix by days past due is an acceptable practical
/// expedient, based on historical loss experience adjusted for forward-looking information,
/// B5.5.52). At each of the last `history_months` month ends whose `outcome_months` have passed,
/// every receivable outstanding is put in its days-past-due bucket; the bucket's loss rate is
/// Σ written off within the outcome window ÷ Σ exposure. The rate (adjusted, capped at 100 %,
/// rounded to two places) is applied to today's bucket; a bucket without history falls back to
/// its age-grid rate.
///
/// # Errors
/// `input.invalid_value` for bad options ([`ProvisionOptions::buckets`]); `money.overflow`.
///
/// ```
/// use arrears::{kpi::{self, provisions::ProvisionOptions, History, Scope}, ledger::Ledger,
///               money::Currency, sample};
/// let h = History::new(&Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?, sample::AS_OF)?;
/// let eur = Scope::currency(Currency::EUR);
/// let p = kpi::provisions(&h, &eur, &eur, &ProvisionOptions::default())?;
/// assert_eq!(p.age_grid.buckets.len(), 6);
/// assert_eq!(p.age_grid.outstanding, p.ifrs9.outstanding);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn provisions(
    history: &History,
    scope: &Scope,
    estimation: &Scope,
    options: &ProvisionOptions,
) -> Result<Provisions> {
    let losses = loss_history(history, estimation, options)?;
    provisions_with(history, scope, options, &losses)
}

pub(crate) fn provisions_with(
    history: &History,
    scope: &Scope,
    options: &ProvisionOptions,
    losses: &LossHistory,
) -> Result<Provisions> {
    let b = options.buckets()?;
    let c = scope.currency;
    let mut outstanding = vec![Decimal::ZERO; b.len()];
    for it in history.items(scope) {
        if it.r.outstanding <= Decimal::ZERO {
            continue;
        }
        let k = bucket_of(&b, days_between(it.r.due_date, history.as_of()));
        if let Some(slot) = outstanding.get_mut(k) {
            *slot = add(*slot, base_of(it, options.base, c)?)?;
        }
    }
    let hundred = Decimal::ONE_HUNDRED;
    let provision_of = |amount: Decimal, rate: Decimal| -> Result<Decimal> {
        let p = mul(amount, rate)?
            .checked_div(hundred)
            .unwrap_or(Decimal::ZERO);
        Ok(round_money(p, c))
    };
    let total_base = outstanding
        .iter()
        .try_fold(Decimal::ZERO, |s, a| add(s, *a))?;

    let mut grid = AgeGridProvision {
        buckets: Vec::new(),
        outstanding: round_money(total_base, c),
        provision: Decimal::ZERO,
    };
    let factor = add(hundred, options.ifrs9.adjustment_percent)?;
    let mut matrix = Ifrs9Provision {
        month_ends: losses.month_ends.len(),
        first_month_end: losses.month_ends.first().copied(),
        last_month_end: losses.month_ends.last().copied(),
        outcome_months: options.ifrs9.outcome_months,
        adjustment_percent: options.ifrs9.adjustment_percent,
        estimated_on: options.ifrs9.estimate_on,
        buckets: Vec::new(),
        outstanding: round_money(total_base, c),
        provision: Decimal::ZERO,
    };
    for (k, bucket) in b.iter().enumerate() {
        let amount = outstanding.get(k).copied().unwrap_or(Decimal::ZERO);
        let grid_rate = options
            .rates_percent
            .get(k)
            .copied()
            .unwrap_or(Decimal::ZERO);
        let gp = provision_of(amount, grid_rate)?;
        grid.provision = add(grid.provision, gp)?;
        grid.buckets.push(ProvisionBucket {
            label: bucket.label.clone(),
            from_days: bucket.from_days,
            to_days: bucket.to_days,
            outstanding: round_money(amount, c),
            rate_percent: round_places(grid_rate, 2),
            provision: gp,
        });

        let exposure = losses.exposure.get(k).copied().unwrap_or(Decimal::ZERO);
        let lost = losses.written_off.get(k).copied().unwrap_or(Decimal::ZERO);
        let (loss_rate, rate, source) = if exposure > Decimal::ZERO {
            let exact = mul(lost, hundred)?
                .checked_div(exposure)
                .unwrap_or(Decimal::ZERO);
            let adjusted = mul(exact, factor)?
                .checked_div(hundred)
                .unwrap_or(Decimal::ZERO)
                .clamp(Decimal::ZERO, hundred);
            (
                Figure::or_undefined(percent(lost, exposure)?, "no_history", ""),
                round_places(adjusted, 2),
                RateSource::History,
            )
        } else {
            (
                Figure::undefined(
                    "no_history",
                    "nothing was in this bucket at the observed month ends",
                ),
                round_places(grid_rate, 2),
                RateSource::AgeGrid,
            )
        };
        let mp = provision_of(amount, rate)?;
        matrix.provision = add(matrix.provision, mp)?;
        matrix.buckets.push(MatrixBucket {
            label: bucket.label.clone(),
            from_days: bucket.from_days,
            to_days: bucket.to_days,
            exposure: round_money(exposure, c),
            written_off: round_money(lost, c),
            loss_rate,
            rate_percent: rate,
            rate_source: source,
            outstanding: round_money(amount, c),
            provision: mp,
        });
    }
    grid.provision = round_money(grid.provision, c);
    matrix.provision = round_money(matrix.provision, c);
    Ok(Provisions {
        base: options.base,
        age_grid: grid,
        ifrs9: matrix,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::calendar::date::parse_date(s).unwrap()
    }

    #[test]
    fn observed_month_ends_wait_for_their_outcome() {
        let o = Ifrs9Options {
            history_months: 3,
            outcome_months: 12,
            ..Ifrs9Options::default()
        };
        assert_eq!(
            month_ends(d("2026-06-30"), &o),
            [d("2025-06-30"), d("2025-05-31"), d("2025-04-30")]
        );
        // Mid-month: June 2025's window closes on 30 June 2026, after the 15th.
        assert_eq!(month_ends(d("2026-06-15"), &o)[0], d("2025-05-31"));
        let feb = Ifrs9Options {
            history_months: 1,
            outcome_months: 1,
            ..Ifrs9Options::default()
        };
        assert_eq!(month_ends(d("2024-03-31"), &feb), [d("2024-02-29")]);
    }

    #[test]
    fn options_are_checked() {
        assert_eq!(ProvisionOptions::default().buckets().unwrap().len(), 6);
        let short = ProvisionOptions {
            rates_percent: vec![Decimal::ZERO],
            ..ProvisionOptions::default()
        };
        assert!(short.buckets().is_err());
        let mut over = ProvisionOptions::default();
        over.rates_percent[5] = Decimal::from(101);
        assert!(over.buckets().is_err());
        let mut months = ProvisionOptions::default();
        months.ifrs9.history_months = 0;
        assert!(months.buckets().is_err());
    }
}
