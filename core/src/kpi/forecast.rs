//! Cash-in forecast per ISO week from each customer's payment-delay history.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::figure::{add, round_money, sub};
use super::history::{History, Scope};
use crate::calendar::date::{add_days, days_between, serde_date};
use crate::error::{err, Result};
use crate::ledger::ReceivableStatus;
use crate::money::decimal_string;

/// Forecast options.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ForecastOptions {
    /// ISO weeks forecast, 1 to 104 (default 13, a quarter).
    #[serde(default = "default_weeks")]
    pub weeks: u32,
    /// Receivables a customer must have settled by payment for its own delays to be used
    /// (default 3); below that the portfolio's delays are used.
    #[serde(default = "default_min_history")]
    pub min_history: u32,
}

fn default_weeks() -> u32 {
    13
}

fn default_min_history() -> u32 {
    3
}

impl Default for ForecastOptions {
    fn default() -> Self {
        ForecastOptions {
            weeks: default_weeks(),
            min_history: default_min_history(),
        }
    }
}

/// Whose delays a customer's forecast uses.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProfileBasis {
    /// The customer's own paid receivables.
    Own,
    /// Too little history: the whole ledger's paid receivables.
    Portfolio,
    /// No paid receivable in the whole ledger: payment expected on the due date.
    DueDate,
}

/// A customer's payment-delay profile: days from the due date to settlement (negative when it
/// paid early), nearest-rank percentiles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct DelayProfile {
    /// Customer id.
    pub customer: String,
    /// Whose delays are used.
    pub basis: ProfileBasis,
    /// The customer's own receivables settled by payment by the as-of date.
    pub paid_receivables: usize,
    /// 25th percentile of the delays used (the early scenario).
    pub p25_days: i64,
    /// Median delay (the expected date).
    pub median_days: i64,
    /// 75th percentile (the late scenario).
    pub p75_days: i64,
}

/// One ISO week of the forecast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct ForecastWeek {
    /// ISO week, `YYYY-Www`.
    pub week: String,
    /// Monday.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub start: NaiveDate,
    /// Sunday.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub end: NaiveDate,
    /// Amount expected in the week (due date + median delay).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub expected: Decimal,
    /// Expected from the first week to this one.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub cumulative: Decimal,
    /// Cumulative amount if every customer pays at its 75th-percentile delay (lower bound).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub cumulative_low: Decimal,
    /// Cumulative amount if every customer pays at its 25th-percentile delay (upper bound).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub cumulative_high: Decimal,
}

/// The cash-in forecast of a scope's open receivables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Forecast {
    /// The weeks, the first being the ISO week of the day after the as-of date.
    pub weeks: Vec<ForecastWeek>,
    /// Outstanding on the as-of date: disputed + late_unscheduled + Σ expected + beyond_horizon.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub open: Decimal,
    /// Disputed amounts: not forecast until the dispute is settled.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub disputed: Decimal,
    /// Amounts whose expected date has already passed: the customer is later than it usually
    /// is, so its history says nothing about when; not scheduled, chase them.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub late_unscheduled: Decimal,
    /// Amounts expected after the last week.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub beyond_horizon: Decimal,
    /// The delay profile of each customer with an open receivable in the scope.
    pub profiles: Vec<DelayProfile>,
}

/// The value at rank ⌈p·n/100⌉ (1-based, at least 1) of sorted values: the nearest-rank
/// percentile, always one of the observed delays.
fn nearest_rank(sorted: &[i64], p: usize) -> Option<i64> {
    let n = sorted.len();
    let rank = p.saturating_mul(n).div_ceil(100).max(1);
    sorted.get(rank.saturating_sub(1)).copied()
}

/// Payment delays of every customer (all currencies: a delay is a number of days).
#[derive(Debug, Clone, Default)]
pub(crate) struct Profiles {
    per: BTreeMap<String, Vec<i64>>,
    portfolio: Vec<i64>,
}

impl Profiles {
    pub(crate) fn new(history: &History) -> Profiles {
        let mut p = Profiles::default();
        for it in history.all_items() {
            let r = &it.r;
            if r.status != ReceivableStatus::Paid {
                continue;
            }
            let Some(settled) = r.settled_on else {
                continue;
            };
            let delay = days_between(r.due_date, settled);
            p.per.entry(r.customer.clone()).or_default().push(delay);
            p.portfolio.push(delay);
        }
        for v in p.per.values_mut() {
            v.sort_unstable();
        }
        p.portfolio.sort_unstable();
        p
    }

    pub(crate) fn of(&self, customer: &str, min_history: u32) -> DelayProfile {
        let own = self.per.get(customer).map(Vec::as_slice).unwrap_or(&[]);
        let enough = own.len() >= usize::try_from(min_history).unwrap_or(usize::MAX);
        let (basis, used) = if enough && !own.is_empty() {
            (ProfileBasis::Own, own)
        } else if !self.portfolio.is_empty() {
            (ProfileBasis::Portfolio, self.portfolio.as_slice())
        } else {
            (ProfileBasis::DueDate, &[][..])
        };
        DelayProfile {
            customer: customer.to_string(),
            basis,
            paid_receivables: own.len(),
            p25_days: nearest_rank(used, 25).unwrap_or(0),
            median_days: nearest_rank(used, 50).unwrap_or(0),
            p75_days: nearest_rank(used, 75).unwrap_or(0),
        }
    }
}

/// Forecasts when a scope's open receivables will be paid, per ISO week, for the `weeks` weeks
/// starting with the week of the day after the as-of date.
///
/// Each open receivable's undisputed outstanding amount is expected on its due date + the
/// customer's median payment delay (settlement − due date over its receivables settled by
/// payment; the whole ledger's when it has fewer than `min_history`; the due date itself when
/// nobody has paid yet). The band repeats the computation with the 25th and 75th percentile
/// delays: `cumulative_high` (early) ≥ `cumulative` ≥ `cumulative_low` (late) every week. An
/// early date already past is moved to the first day forecast. Amounts whose expected date has
/// already passed are reported as `late_unscheduled`, not spread over the weeks.
///
/// Limits: past behaviour is assumed to continue; promises, plans and dunning in the journal are
/// not used; invoices not yet issued are not forecast; a partial payment history counts like a
/// full one; no seasonality.
///
/// # Errors
/// `input.invalid_value` when `weeks` is not in 1..=104 or `min_history` is 0;
/// `date.out_of_range`; `money.overflow`.
///
/// ```
/// use arrears::{kpi::{self, forecast::ForecastOptions, History, Scope}, ledger::Ledger,
///               money::Currency, sample};
/// let h = History::new(&Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?, sample::AS_OF)?;
/// let f = kpi::forecast(&h, &Scope::currency(Currency::EUR), &ForecastOptions::default())?;
/// assert_eq!(f.weeks.len(), 13);
/// let last = f.weeks.last().unwrap();
/// assert!(last.cumulative_low <= last.cumulative && last.cumulative <= last.cumulative_high);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn forecast(history: &History, scope: &Scope, options: &ForecastOptions) -> Result<Forecast> {
    forecast_with(history, scope, options, &Profiles::new(history))
}

pub(crate) fn check_options(options: &ForecastOptions) -> Result<()> {
    if !(1..=104).contains(&options.weeks) {
        return Err(err!(
            InvalidValue,
            "forecast weeks must be between 1 and 104, got {}",
            options.weeks
        ));
    }
    if options.min_history == 0 {
        return Err(err!(
            InvalidValue,
            "forecast min_history must be at least 1"
        ));
    }
    Ok(())
}

pub(crate) fn forecast_with(
    history: &History,
    scope: &Scope,
    options: &ForecastOptions,
    profiles: &Profiles,
) -> Result<Forecast> {
    check_options(options)?;
    let first_day = add_days(history.as_of(), 1)?;
    let monday = add_days(
        first_day,
        0i64.saturating_sub(i64::from(first_day.weekday().num_days_from_monday())),
    )?;
    let n = usize::try_from(options.weeks).unwrap_or(13);
    let week_of = |date: NaiveDate| -> Option<usize> {
        let k = days_between(monday, date).checked_div(7)?;
        usize::try_from(k).ok().filter(|k| *k < n)
    };
    let mut expected = vec![Decimal::ZERO; n];
    let mut early = vec![Decimal::ZERO; n];
    let mut late = vec![Decimal::ZERO; n];
    let put = |slots: &mut Vec<Decimal>, date: NaiveDate, amount: Decimal| -> Result<bool> {
        match week_of(date).and_then(|k| slots.get_mut(k)) {
            Some(s) => {
                *s = add(*s, amount)?;
                Ok(true)
            }
            None => Ok(false),
        }
    };
    let mut out = Forecast {
        weeks: Vec::new(),
        open: Decimal::ZERO,
        disputed: Decimal::ZERO,
        late_unscheduled: Decimal::ZERO,
        beyond_horizon: Decimal::ZERO,
        profiles: Vec::new(),
    };
    let mut used: BTreeMap<&str, DelayProfile> = BTreeMap::new();
    for it in history.items(scope) {
        let r = &it.r;
        if r.outstanding <= Decimal::ZERO {
            continue;
        }
        out.open = add(out.open, r.outstanding)?;
        let disputed = r.disputed.min(r.outstanding).max(Decimal::ZERO);
        out.disputed = add(out.disputed, disputed)?;
        let amount = sub(r.outstanding, disputed)?;
        let profile = used
            .entry(r.customer.as_str())
            .or_insert_with(|| profiles.of(&r.customer, options.min_history));
        if amount.is_zero() {
            continue;
        }
        let at = add_days(r.due_date, profile.median_days)?;
        if at <= history.as_of() {
            out.late_unscheduled = add(out.late_unscheduled, amount)?;
            continue;
        }
        if !put(&mut expected, at, amount)? {
            out.beyond_horizon = add(out.beyond_horizon, amount)?;
        }
        let early_at = add_days(r.due_date, profile.p25_days)?.max(first_day);
        put(&mut early, early_at, amount)?;
        put(&mut late, add_days(r.due_date, profile.p75_days)?, amount)?;
    }
    let c = scope.currency;
    let (mut cum, mut cum_low, mut cum_high) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for (k, ((e, lo), hi)) in expected.iter().zip(&late).zip(&early).enumerate() {
        let start = add_days(monday, i64::try_from(k).unwrap_or(0).saturating_mul(7))?;
        let end = add_days(start, 6)?;
        cum = add(cum, *e)?;
        cum_low = add(cum_low, *lo)?;
        cum_high = add(cum_high, *hi)?;
        let iso = start.iso_week();
        out.weeks.push(ForecastWeek {
            week: format!("{:04}-W{:02}", iso.year(), iso.week()),
            start,
            end,
            expected: round_money(*e, c),
            cumulative: round_money(cum, c),
            cumulative_low: round_money(cum_low, c),
            cumulative_high: round_money(cum_high, c),
        });
    }
    for a in [
        &mut out.open,
        &mut out.disputed,
        &mut out.late_unscheduled,
        &mut out.beyond_horizon,
    ] {
        *a = round_money(*a, c);
    }
    out.profiles = used.into_values().collect();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let v = [-2, 0, 5, 10];
        assert_eq!(nearest_rank(&v, 25), Some(-2));
        assert_eq!(nearest_rank(&v, 50), Some(0));
        assert_eq!(nearest_rank(&v, 75), Some(5));
        assert_eq!(nearest_rank(&[7], 25), Some(7));
        assert_eq!(nearest_rank(&[], 50), None);
        let five = [1, 2, 3, 4, 5];
        assert_eq!(nearest_rank(&five, 25), Some(2));
        assert_eq!(nearest_rank(&five, 50), Some(3));
        assert_eq!(nearest_rank(&five, 75), Some(4));
    }
}
