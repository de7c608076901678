//! Days sales outstanding (standard and count-back), best possible DSO, average days delinquent,
//! the collection effectiveness index, and payment delays over a period.
//!
//! Definitions follow the Credit Research Foundation's performance measures (CRF, "Performance
//! Measures for Credit, Collections and Accounts Receivable"), which are also those of the
//! accounting textbooks for the standard DSO (receivables ÷ credit sales × days):
//!
//! * **DSO (standard)** = ending total receivables ÷ credit sales of the period × days in the
//!   period.
//! * **Count-back DSO** (exhaustion method): the ending receivables are matched against the credit
//!   sales of the most recent month, then the one before, and so on; each month the receivables
//!   exhaust counts its days in full, the last one the fraction receivables left ÷ that month's
//!   sales. It follows uneven sales, which the standard method averages away.
//! * **Best possible DSO** (CRF) = current (not yet due) receivables ÷ credit sales × days: the
//!   DSO if every customer paid on the due date.
//! * **Average days delinquent** (CRF) = DSO − best possible DSO = past-due receivables ÷ credit
//!   sales × days.
//! * **CEI** (collection effectiveness index, CRF) = (beginning receivables + credit sales −
//!   ending total receivables) ÷ (beginning receivables + credit sales − ending current
//!   receivables) × 100.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::figure::{add, mul, overflow, round_money, scaled_ratio, sub, Figure};
use super::history::{History, Scope};
use super::{DelayAcc, PaymentDelays};
use crate::calendar::date::{days_between, end_of_month, serde_date};
use crate::error::Result;
use crate::ledger::ReceivableStatus;
use crate::money::decimal_string;

/// Receivables at the end of a day, split by due date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Balances {
    pub(crate) total: Decimal,
    /// Not yet due: due on that day or later.
    pub(crate) current: Decimal,
    pub(crate) overdue: Decimal,
}

pub(crate) fn balances_at(history: &History, scope: &Scope, day: NaiveDate) -> Result<Balances> {
    let mut all = balances_on(history, scope, &[day])?;
    Ok(all.pop().unwrap_or_default())
}

/// The balances at the end of each of `days` (in rising order), in one pass over each
/// receivable's movements.
pub(crate) fn balances_on(
    history: &History,
    scope: &Scope,
    days: &[NaiveDate],
) -> Result<Vec<Balances>> {
    let mut out = vec![Balances::default(); days.len()];
    for it in history.items(scope) {
        let mut running = it.running();
        for (day, b) in days.iter().zip(out.iter_mut()) {
            let o = running.outstanding_at(*day)?;
            if o.is_zero() {
                continue;
            }
            b.total = add(b.total, o)?;
            if it.r.due_date >= *day {
                b.current = add(b.current, o)?;
            } else {
                b.overdue = add(b.overdue, o)?;
            }
        }
    }
    Ok(out)
}

/// Credit sales of each period (`(from, to)` pairs), in one pass over the receivables.
pub(crate) fn sales_in(
    history: &History,
    scope: &Scope,
    periods: &[(NaiveDate, NaiveDate)],
) -> Result<Vec<Decimal>> {
    let mut out = vec![Decimal::ZERO; periods.len()];
    for i in history.items(scope) {
        for ((from, to), sales) in periods.iter().zip(out.iter_mut()) {
            if i.r.issue_date >= *from && i.r.issue_date <= *to {
                *sales = add(*sales, i.r.amount)?;
            }
        }
    }
    Ok(out)
}

/// Credit sales of a period: the amounts of the receivables issued in it.
pub(crate) fn sales_between(
    history: &History,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Decimal> {
    history
        .items(scope)
        .filter(|i| i.r.issue_date >= from && i.r.issue_date <= to)
        .try_fold(Decimal::ZERO, |a, i| add(a, i.r.amount))
}

/// Days from `from` to `to`, both included.
pub(crate) fn period_days(from: NaiveDate, to: NaiveDate) -> i64 {
    days_between(from, to).saturating_add(1)
}

/// DSO and its companions over a period, for one scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Dso {
    /// Days in the period (both ends included).
    pub days: i64,
    /// Credit sales: receivables issued in the period, tax included, before credit notes.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub credit_sales: Decimal,
    /// Receivables outstanding at the end of the period's last day.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub receivables: Decimal,
    /// Of which not yet due (due on the last day or later).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub current: Decimal,
    /// Of which past due.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub overdue: Decimal,
    /// Standard DSO, in days: receivables ÷ credit sales × days.
    pub standard: Figure,
    /// Count-back DSO, in days.
    pub count_back: Figure,
    /// Best possible DSO, in days: current ÷ credit sales × days.
    pub best_possible: Figure,
    /// Average days delinquent: standard − best possible = overdue ÷ credit sales × days.
    pub average_days_delinquent: Figure,
    /// Receivables outstanding at the end of the day before the period.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub beginning_receivables: Decimal,
    /// DSO on average receivables, in days: (beginning + ending receivables) ÷ 2 ÷ credit sales ×
    /// days, the textbook "average collection period" (average receivables ÷ average daily
    /// sales); the standard DSO uses the ending balance (docs/kpi.md §DSO).
    pub average_balance: Figure,
}

const NO_SALES: &str = "no_credit_sales";
const NO_SALES_DETAIL: &str = "no credit sales in the period";

/// DSO (standard and count-back), best possible DSO and average days delinquent over
/// `from..=to`. Day counts are rounded half-up to two places; the average days delinquent is
/// computed from the past-due receivables directly, so it is the exact difference before
/// rounding.
///
/// # Errors
/// `calendar.invalid_range` when `to < from`; `input.invalid_value` when `to` is after the
/// history's as-of date; `money.overflow`.
///
/// ```
/// use arrears::{kpi::{self, History, Scope}, ledger::{Ledger, LedgerDocument}, money::Currency};
/// use chrono::NaiveDate;
/// let doc: LedgerDocument = serde_json::from_value(serde_json::json!({"invoices": [
///   {"id": "F1", "customer": "C1", "issue_date": "2025-01-10", "due_date": "2025-02-09",
///    "amount": "6000.00", "currency": "EUR"},
///   {"id": "F2", "customer": "C1", "issue_date": "2025-03-10", "due_date": "2025-04-09",
///    "amount": "3000.00", "currency": "EUR"}],
///   "payments": [{"customer": "C1", "date": "2025-02-09", "amount": "6000.00", "currency": "EUR"}]
/// })).unwrap();
/// let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// let h = History::new(&Ledger::new(doc)?, d("2025-03-31"))?;
/// let dso = kpi::dso(&h, &Scope::currency(Currency::EUR), d("2025-01-01"), d("2025-03-31"))?;
/// // 3,000 outstanding / 9,000 sold × 90 days = 30 days.
/// assert_eq!(dso.standard.value.unwrap().to_string(), "30.00");
/// // Count-back: March sold 3,000, which covers the 3,000 outstanding: 31 days × 3,000/3,000.
/// assert_eq!(dso.count_back.value.unwrap().to_string(), "31.00");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn dso(history: &History, scope: &Scope, from: NaiveDate, to: NaiveDate) -> Result<Dso> {
    history.check_period(from, to)?;
    let days = period_days(from, to);
    let sales = sales_between(history, scope, from, to)?;
    let end = balances_at(history, scope, to)?;
    let begin = match from.pred_opt() {
        Some(day) => balances_at(history, scope, day)?.total,
        None => Decimal::ZERO,
    };
    let average = add(begin, end.total)?
        .checked_div(Decimal::TWO)
        .ok_or_else(|| overflow("average receivables"))?;
    let d = Decimal::from(days);
    let per_sales = |amount: Decimal| -> Result<Figure> {
        Ok(Figure::or_undefined(
            scaled_ratio(amount, d, sales)?,
            NO_SALES,
            NO_SALES_DETAIL,
        ))
    };
    let c = scope.currency;
    Ok(Dso {
        days,
        credit_sales: round_money(sales, c),
        receivables: round_money(end.total, c),
        current: round_money(end.current, c),
        overdue: round_money(end.overdue, c),
        standard: per_sales(end.total)?,
        count_back: count_back(history, scope, to, end.total)?,
        best_possible: per_sales(end.current)?,
        average_days_delinquent: per_sales(end.overdue)?,
        beginning_receivables: round_money(begin, c),
        average_balance: per_sales(average)?,
    })
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The count-back (exhaustion) DSO of `receivables` outstanding at the end of `to`.
///
/// Months are calendar months; the most recent one runs from its first day to `to` (so a period
/// ending mid-month counts that month's days up to `to` only). A month whose sales the remaining
/// receivables exceed (or a month without sales) counts all its days; the month that exhausts
/// them counts remaining ÷ its sales × its days. The count may go back before the period: it
/// stops where the receivables are exhausted.
fn count_back(
    history: &History,
    scope: &Scope,
    to: NaiveDate,
    receivables: Decimal,
) -> Result<Figure> {
    let mut monthly: BTreeMap<NaiveDate, Decimal> = BTreeMap::new();
    for it in history.items(scope).filter(|i| i.issued_by(to)) {
        let slot = monthly
            .entry(first_of_month(it.r.issue_date))
            .or_insert(Decimal::ZERO);
        *slot = add(*slot, it.r.amount)?;
    }
    let Some(first_month) = monthly.keys().next().copied() else {
        return Ok(Figure::undefined(
            NO_SALES,
            "no credit sales up to the period end",
        ));
    };
    let mut remaining = receivables;
    let mut days = Decimal::ZERO;
    let mut end = to;
    while remaining > Decimal::ZERO {
        let start = first_of_month(end);
        let sales = monthly.get(&start).copied().unwrap_or(Decimal::ZERO);
        let month_days = Decimal::from(period_days(start, end));
        if sales > Decimal::ZERO && remaining <= sales {
            // Full precision until the end; only the total is rounded.
            let exact = mul(remaining, month_days)?
                .checked_div(sales)
                .ok_or_else(|| overflow("the count-back DSO"))?;
            days = add(days, exact)?;
            remaining = Decimal::ZERO;
            break;
        }
        remaining = sub(remaining, sales)?;
        days = add(days, month_days)?;
        if start <= first_month {
            break;
        }
        match start.pred_opt() {
            Some(p) => end = p,
            None => break,
        }
    }
    if remaining > Decimal::ZERO {
        return Ok(Figure::undefined(
            "insufficient_sales_history",
            "the receivables exceed every sale recorded up to the period end",
        ));
    }
    Ok(Figure::defined(super::two_places(days)))
}

/// One month of a DSO trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct MonthDso {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// First day counted.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub from: NaiveDate,
    /// Last day counted (the month's last day, or the trend's end date for its last month).
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub to: NaiveDate,
    /// Standard DSO over that month, in days.
    pub dso: Figure,
}

/// Standard DSO month by month: the `months` calendar months ending with the month of `to`
/// (oldest first), the last one cut at `to`. For the report's trend chart.
///
/// # Errors
/// `input.invalid_value` when `to` is after the as-of date; `money.overflow`.
///
/// ```
/// use arrears::{kpi::{self, History, Scope}, ledger::Ledger, money::Currency, sample};
/// let h = History::new(&Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?, sample::AS_OF)?;
/// let trend = kpi::dso_trend(&h, &Scope::currency(Currency::EUR), sample::AS_OF, 6)?;
/// assert_eq!(trend.len(), 6);
/// assert_eq!(trend[5].month, "2026-06");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn dso_trend(
    history: &History,
    scope: &Scope,
    to: NaiveDate,
    months: u32,
) -> Result<Vec<MonthDso>> {
    // The months, oldest first; then every month's sales and closing balance in one pass.
    let mut periods = Vec::new();
    let mut end = to;
    for _ in 0..months {
        let start = first_of_month(end);
        history.check_period(start, end)?;
        periods.push((start, end));
        match start.pred_opt() {
            Some(p) => end = end_of_month(p),
            None => break,
        }
    }
    periods.reverse();
    let sales = sales_in(history, scope, &periods)?;
    let ends: Vec<NaiveDate> = periods.iter().map(|(_, end)| *end).collect();
    let balances = balances_on(history, scope, &ends)?;
    let mut out = Vec::with_capacity(periods.len());
    for (((start, end), sales), b) in periods.iter().zip(sales).zip(balances) {
        let days = Decimal::from(period_days(*start, *end));
        out.push(MonthDso {
            month: format!("{:04}-{:02}", start.year(), start.month()),
            from: *start,
            to: *end,
            dso: Figure::or_undefined(
                scaled_ratio(b.total, days, sales)?,
                NO_SALES,
                NO_SALES_DETAIL,
            ),
        });
    }
    Ok(out)
}

/// The collection effectiveness index over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Cei {
    /// Receivables outstanding at the end of the day before the period.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub beginning_receivables: Decimal,
    /// Credit sales of the period.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub credit_sales: Decimal,
    /// Receivables outstanding at the end of the period.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub ending_receivables: Decimal,
    /// Of which not yet due.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub ending_current: Decimal,
    /// Beginning + sales − ending: what payments, credit notes and write-offs took off.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub collected: Decimal,
    /// Beginning + sales − ending current: what could have been collected.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub collectible: Decimal,
    /// CEI in percent (two places): collected ÷ collectible × 100.
    pub percent: Figure,
    /// CRF's multi-month form, in percent: the credit sales divided by the number of months,
    /// (beginning + sales ÷ months − ending) ÷ (beginning + sales ÷ months − ending current) × 100;
    /// defined for periods of whole calendar months only (equal to `percent` for one month).
    pub crf_monthly: Figure,
}

/// The number of calendar months of a period that runs from a first of month to a month's end.
fn whole_months(from: NaiveDate, to: NaiveDate) -> Option<u32> {
    if from.day() != 1 || to != end_of_month(to) || to < from {
        return None;
    }
    let index = |d: NaiveDate| {
        d.year()
            .checked_mul(12)?
            .checked_add(i32::try_from(d.month()).ok()?)
    };
    let months = index(to)?.checked_sub(index(from)?)?.checked_add(1)?;
    u32::try_from(months).ok()
}

/// The CRF collection effectiveness index over `from..=to`, with the period's total credit
/// sales (for a one-month period this is exactly CRF's monthly CEI; CRF's multi-month variant
/// divides the sales by the number of months, see `docs/kpi.md`). Everything that reduced
/// receivables counts as collected, credit notes and write-offs included, as in CRF's formula.
///
/// # Errors
/// As [`dso`].
///
/// ```
/// use arrears::{kpi::{self, History, Scope}, ledger::Ledger, money::Currency, sample};
/// use chrono::NaiveDate;
/// let h = History::new(&Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?, sample::AS_OF)?;
/// let from = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
/// let cei = kpi::cei(&h, &Scope::currency(Currency::EUR), from, sample::AS_OF)?;
/// let p = cei.percent.value.unwrap();
/// assert!(p >= rust_decimal::Decimal::ZERO && p <= rust_decimal::Decimal::ONE_HUNDRED);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn cei(history: &History, scope: &Scope, from: NaiveDate, to: NaiveDate) -> Result<Cei> {
    history.check_period(from, to)?;
    let begin = match from.pred_opt() {
        Some(day) => balances_at(history, scope, day)?.total,
        None => Decimal::ZERO,
    };
    let sales = sales_between(history, scope, from, to)?;
    let end = balances_at(history, scope, to)?;
    let available = add(begin, sales)?;
    let collected = sub(available, end.total)?;
    let collectible = sub(available, end.current)?;
    let c = scope.currency;
    Ok(Cei {
        beginning_receivables: round_money(begin, c),
        credit_sales: round_money(sales, c),
        ending_receivables: round_money(end.total, c),
        ending_current: round_money(end.current, c),
        collected: round_money(collected, c),
        collectible: round_money(collectible, c),
        percent: Figure::or_undefined(
            super::figure::percent(collected, collectible)?,
            "nothing_collectible",
            "nothing was collectible in the period (no receivable fell due or was outstanding)",
        ),
        crf_monthly: match whole_months(from, to) {
            None => Figure::undefined(
                "not_whole_months",
                "CRF's multi-month CEI divides the sales by a number of calendar months: the period must run from a first of month to a month's end",
            ),
            Some(months) => {
                let monthly = sales
                    .checked_div(Decimal::from(months))
                    .ok_or_else(|| overflow("monthly sales"))?;
                let base = add(begin, monthly)?;
                Figure::or_undefined(
                    super::figure::percent(sub(base, end.total)?, sub(base, end.current)?)?,
                    "nothing_collectible",
                    "nothing was collectible in the period (no receivable fell due or was outstanding)",
                )
            }
        },
    })
}

/// Payment delays of the receivables **settled by payment within the period** (settlement date
/// in `from..=to`): average days to pay (plain and weighted by amount) and average days late,
/// as in [`super::payment_delays`].
///
/// # Errors
/// As [`dso`].
pub fn delays(
    history: &History,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<PaymentDelays> {
    history.check_period(from, to)?;
    let mut acc = DelayAcc::default();
    for it in history.items(scope) {
        let r = &it.r;
        if r.status != ReceivableStatus::Paid {
            continue;
        }
        let (Some(settled), Some(dtp)) = (r.settled_on, r.days_to_pay) else {
            continue;
        };
        if settled >= from && settled <= to {
            acc.add(dtp, r.days_late, r.amount, r.currency);
        }
    }
    Ok(acc.finish(None, Some(scope.currency)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{Ledger, LedgerDocument};
    use crate::money::Currency;

    fn d(s: &str) -> NaiveDate {
        crate::calendar::date::parse_date(s).unwrap()
    }

    fn history(v: serde_json::Value, as_of: &str) -> History {
        let doc: LedgerDocument = serde_json::from_value(v).unwrap();
        History::new(&Ledger::new(doc).unwrap(), d(as_of)).unwrap()
    }

    fn inv(id: &str, issue: &str, due: &str, amount: &str) -> serde_json::Value {
        serde_json::json!({"id": id, "customer": "C1", "issue_date": issue, "due_date": due,
                           "amount": amount, "currency": "EUR"})
    }

    #[test]
    fn count_back_walks_months_back() {
        // Sales: Jan 3000, Feb 2000, Mar 1000; 3500 outstanding at 31 March.
        // Mar (31 days) covers 1000 → 2500 left; Feb (28 days) covers 2000 → 500 left;
        // Jan: 500/3000 × 31 = 5.1667. DSO = 31 + 28 + 5.17 = 64.17.
        let h = history(
            serde_json::json!({"invoices": [
                inv("F1", "2025-01-15", "2025-04-30", "3000.00"),
                inv("F2", "2025-02-15", "2025-04-30", "2000.00"),
                inv("F3", "2025-03-15", "2025-04-30", "1000.00")],
              "payments": [{"customer": "C1", "date": "2025-03-20", "amount": "2500.00",
                            "currency": "EUR", "invoice": "F1"}]}),
            "2025-03-31",
        );
        let s = Scope::currency(Currency::EUR);
        let r = dso(&h, &s, d("2025-01-01"), d("2025-03-31")).unwrap();
        assert_eq!(r.receivables.to_string(), "3500.00");
        assert_eq!(r.count_back.value.unwrap().to_string(), "64.17");
        // Standard: 3500 / 6000 × 90 = 52.50.
        assert_eq!(r.standard.value.unwrap().to_string(), "52.50");
        // Everything is current: best possible = standard, ADD = 0.
        assert_eq!(r.best_possible.value.unwrap().to_string(), "52.50");
        assert_eq!(r.average_days_delinquent.value.unwrap().to_string(), "0.00");
    }

    #[test]
    fn no_sales_is_undefined_not_a_division_by_zero() {
        let h = history(
            serde_json::json!({"invoices": [inv("F1", "2025-01-15", "2025-02-14", "100.00")]}),
            "2025-06-30",
        );
        let s = Scope::currency(Currency::EUR);
        let r = dso(&h, &s, d("2025-04-01"), d("2025-06-30")).unwrap();
        assert_eq!(r.standard.value, None);
        assert_eq!(r.standard.reason.as_deref(), Some("no_credit_sales"));
        // Count-back still goes back to January.
        assert!(r.count_back.is_defined());
        let empty = dso(
            &h,
            &Scope::currency(Currency::USD),
            d("2025-04-01"),
            d("2025-06-30"),
        )
        .unwrap();
        assert_eq!(empty.count_back.reason.as_deref(), Some("no_credit_sales"));
        let c = cei(
            &h,
            &Scope::currency(Currency::USD),
            d("2025-04-01"),
            d("2025-06-30"),
        )
        .unwrap();
        assert_eq!(c.percent.reason.as_deref(), Some("nothing_collectible"));
    }

    #[test]
    fn trend_has_one_point_per_month() {
        let h = history(
            serde_json::json!({"invoices": [inv("F1", "2025-01-15", "2025-02-14", "100.00")]}),
            "2025-03-15",
        );
        let t = dso_trend(&h, &Scope::currency(Currency::EUR), d("2025-03-15"), 3).unwrap();
        let months: Vec<&str> = t.iter().map(|m| m.month.as_str()).collect();
        assert_eq!(months, ["2025-01", "2025-02", "2025-03"]);
        assert_eq!(t[2].to, d("2025-03-15"));
        assert_eq!(t[0].to, d("2025-01-31"));
        // January: 100 outstanding / 100 sold × 31 days.
        assert_eq!(t[0].dso.value.unwrap().to_string(), "31.00");
        assert!(!t[1].dso.is_defined());
    }
}
