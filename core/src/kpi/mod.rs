//! Receivables KPIs: the aging balance, payment delays and worst payers of a [`LedgerState`],
//! and the period KPIs of a [`History`] (the ledger as known on a date with every receivable's
//! dated movements): DSO (standard and count-back), best possible DSO, average days delinquent,
//! CEI, recovery rates, concentration, reminder conversion, cash-in forecast, provisions (age grid
//! and IFRS 9 simplified approach) and write-off candidates. [`kpis`] computes them all per
//! portfolio, customer, segment or sector and per currency (amounts are never converted).
//!
//! Definitions and sources are in the submodules and in `docs/kpi.md`. Day counts and
//! percentages are rounded half-up to two places (the Gini coefficient to four); amounts are
//! exact decimals in the currency's minor unit. A figure that cannot be computed (DSO without
//! sales, Gini over one customer) is a [`Figure`] with a `null` value and a `reason`, never a
//! division by zero.
//!
//! * **Aging balance** (balance âgée): the outstanding amount of each receivable put in a bucket
//!   by its age on the as-of date. By due date (the default), age = days past due and the first
//!   bucket holds what is not yet due; by invoice date, age = days since issue. Default buckets
//!   not due / 1–30 / 31–60 / 61–90 / over 90, the split docs/domain.md §9 quotes from practice.
//! * **Average days to pay** (délai moyen de paiement): for receivables settled by payment,
//!   settlement date − issue date, as a plain mean and weighted by amount.
//! * **Average days late**: settlement date − due date, floored at zero, same populations.
//!
//! ```
//! use arrears::{kpi, ledger::{Ledger, LedgerDocument}};
//! use chrono::NaiveDate;
//! let doc: LedgerDocument = serde_json::from_value(serde_json::json!({"invoices": [
//!   {"id": "F1", "customer": "C1", "issue_date": "2025-01-01", "due_date": "2025-01-31",
//!    "amount": "100.00", "currency": "EUR"},
//!   {"id": "F2", "customer": "C1", "issue_date": "2025-03-01", "due_date": "2025-03-31",
//!    "amount": "50.00", "currency": "EUR"}]})).unwrap();
//! let state = Ledger::new(doc)?.state_as_of(NaiveDate::from_ymd_opt(2025, 3, 15).unwrap())?;
//! let aging = kpi::aging(&state, &kpi::AgingOptions::default())?;
//! // F1 is 43 days past due (31-60), F2 not yet due.
//! assert_eq!(aging.totals[0].amounts[0].to_string(), "50.00");
//! assert_eq!(aging.totals[0].amounts[2].to_string(), "100.00");
//! # Ok::<(), arrears::Error>(())
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::date::{days_between, serde_date};
use crate::error::{err, Result};
use crate::ledger::{scaled, LedgerState, ReceivableStatus};
use crate::money::{decimal_string, Currency};

pub mod concentration;
pub mod conversion;
pub mod dso;
mod figure;
pub mod forecast;
mod history;
pub mod ops;
pub mod provisions;
pub mod recovery;
pub mod summary;
pub mod tidy;
pub mod writeoff;

pub use concentration::{concentration, Concentration, LorenzPoint, TopDebtor};
pub use conversion::{reminder_conversion, ReminderConversion, StepConversion};
pub use dso::{cei, delays, dso, dso_trend, Cei, Dso, MonthDso};
pub use figure::Figure;
pub use forecast::{forecast, DelayProfile, Forecast, ForecastOptions, ForecastWeek, ProfileBasis};
pub use history::{book_customers, customer_infos, CustomerInfo, History, Scope};
pub use provisions::{
    provisions, AgeGridProvision, EstimateOn, Ifrs9Options, Ifrs9Provision, MatrixBucket,
    ProvisionBase, ProvisionBucket, ProvisionOptions, Provisions, RateSource,
};
pub use recovery::{recovery, Recovery};
pub use summary::{kpis, kpis_of, Coverage, GroupBy, GroupKpis, KpiOptions, KpiPeriod, KpiReport};
pub use writeoff::{write_off_candidates, WriteOffCandidate, WriteOffOptions, WriteOffReason};

// The buckets are defined beside the ledger (the batch engine reads them too); they are part of
// this module's interface.
use crate::ledger::aging::bucket_of;
pub use crate::ledger::aging::{buckets, AgingBasis, AgingOptions, Bucket};

/// Amounts per bucket for one customer (or the whole ledger) in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct AgingRow {
    /// Customer id; `None` on ledger totals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// Currency.
    pub currency: Currency,
    /// One amount per bucket, in bucket order.
    #[serde(with = "decimal_vec")]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Vec<crate::document::DecimalString>")
    )]
    pub amounts: Vec<Decimal>,
    /// Sum of the amounts: the outstanding total.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub total: Decimal,
}

/// An aging balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgingReport {
    /// As-of date.
    #[serde(with = "serde_date")]
    pub as_of: NaiveDate,
    /// Basis of the ages.
    pub basis: AgingBasis,
    /// The buckets, youngest first.
    pub buckets: Vec<Bucket>,
    /// One row per customer and currency with something outstanding, sorted by customer.
    pub rows: Vec<AgingRow>,
    /// One row per currency.
    pub totals: Vec<AgingRow>,
}

/// The aging balance of a ledger state.
///
/// # Errors
/// `input.invalid_value` for bad bounds; `money.overflow`.
pub fn aging(state: &LedgerState, options: &AgingOptions) -> Result<AgingReport> {
    let buckets = buckets(options)?;
    let n = buckets.len();
    let mut rows: BTreeMap<(String, Currency), Vec<Decimal>> = BTreeMap::new();
    let mut totals: BTreeMap<Currency, Vec<Decimal>> = BTreeMap::new();
    for r in &state.receivables {
        if r.outstanding.is_zero() {
            continue;
        }
        let age = match options.basis {
            AgingBasis::DueDate => days_between(r.due_date, state.as_of),
            AgingBasis::InvoiceDate => days_between(r.issue_date, state.as_of),
        };
        let k = bucket_of(&buckets, age);
        for slots in [
            rows.entry((r.customer.clone(), r.currency))
                .or_insert_with(|| vec![Decimal::ZERO; n]),
            totals
                .entry(r.currency)
                .or_insert_with(|| vec![Decimal::ZERO; n]),
        ] {
            if let Some(s) = slots.get_mut(k) {
                *s = s
                    .checked_add(r.outstanding)
                    .ok_or_else(|| err!(Overflow, "aging total overflows"))?;
            }
        }
    }
    let row =
        |customer: Option<String>, currency: Currency, amounts: Vec<Decimal>| -> Result<AgingRow> {
            let total = amounts
                .iter()
                .try_fold(Decimal::ZERO, |a, b| a.checked_add(*b))
                .ok_or_else(|| err!(Overflow, "aging total overflows"))?;
            Ok(AgingRow {
                customer,
                currency,
                amounts: amounts.into_iter().map(|a| scaled(a, currency)).collect(),
                total: scaled(total, currency),
            })
        };
    Ok(AgingReport {
        as_of: state.as_of,
        basis: options.basis,
        buckets,
        rows: rows
            .into_iter()
            .map(|((c, cur), a)| row(Some(c), cur, a))
            .collect::<Result<_>>()?,
        totals: totals
            .into_iter()
            .map(|(cur, a)| row(None, cur, a))
            .collect::<Result<_>>()?,
    })
}

/// How a customer (or the whole ledger) has paid: receivables settled by payment up to the
/// as-of date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct PaymentDelays {
    /// Customer id; `None` for the whole ledger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// The currency of the receivables counted; `None` for all currencies together (then
    /// `weighted_days_to_pay` is `None` when more than one currency was paid: amounts of different
    /// currencies are not added).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Receivables settled by payment.
    pub paid_receivables: usize,
    /// Of which settled after their due date.
    pub paid_late: usize,
    /// Mean of settlement − issue, in days (two decimals, half-up); `None` without payments.
    #[serde(default, with = "decimal_string::option")]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub average_days_to_pay: Option<Decimal>,
    /// The same weighted by amount.
    #[serde(default, with = "decimal_string::option")]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub weighted_days_to_pay: Option<Decimal>,
    /// Mean of max(0, settlement − due), in days.
    #[serde(default, with = "decimal_string::option")]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub average_days_late: Option<Decimal>,
}

#[derive(Default)]
struct DelayAcc {
    currencies: std::collections::BTreeSet<Currency>,
    n: i64,
    late: usize,
    days_to_pay: i64,
    days_late: i64,
    weighted: Decimal,
    weight: Decimal,
}

impl DelayAcc {
    fn add(&mut self, days_to_pay: i64, days_late: i64, amount: Decimal, currency: Currency) {
        self.currencies.insert(currency);
        self.n = self.n.saturating_add(1);
        self.days_to_pay = self.days_to_pay.saturating_add(days_to_pay);
        self.days_late = self.days_late.saturating_add(days_late);
        if days_late > 0 {
            self.late = self.late.saturating_add(1);
        }
        self.weighted = self
            .weighted
            .saturating_add(amount.saturating_mul(Decimal::from(days_to_pay)));
        self.weight = self.weight.saturating_add(amount);
    }

    fn finish(&self, customer: Option<String>, currency: Option<Currency>) -> PaymentDelays {
        let mean = |sum: i64| {
            Decimal::from(sum)
                .checked_div(Decimal::from(self.n))
                .map(two_places)
        };
        // Weights in one currency only: EUR and GBP amounts are not added.
        let weighted = if self.currencies.len() <= 1 {
            self.weighted.checked_div(self.weight).map(two_places)
        } else {
            None
        };
        PaymentDelays {
            customer,
            currency,
            paid_receivables: usize::try_from(self.n).unwrap_or(0),
            paid_late: self.late,
            average_days_to_pay: mean(self.days_to_pay),
            weighted_days_to_pay: weighted,
            average_days_late: mean(self.days_late),
        }
    }
}

/// Payment delays per customer and currency (sorted by customer id, then currency) and for the
/// whole ledger, all currencies together: counts and day averages mix currencies (days are days),
/// the amount-weighted figure does not (it is `None` for a whole that spans currencies; see
/// [`payment_delays_by_currency`]).
///
/// ```
/// use arrears::{kpi, ledger::Ledger, sample};
/// let state = Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?.state_as_of(sample::AS_OF)?;
/// let (per_customer, all) = kpi::payment_delays(&state);
/// assert!(per_customer.iter().all(|d| d.customer.is_some() && d.currency.is_some()));
/// assert!(all.customer.is_none() && all.currency.is_none());
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn payment_delays(state: &LedgerState) -> (Vec<PaymentDelays>, PaymentDelays) {
    let mut per: BTreeMap<(&str, Currency), DelayAcc> = BTreeMap::new();
    let mut all = DelayAcc::default();
    for r in paid_receivables(state) {
        let Some(dtp) = r.days_to_pay else { continue };
        per.entry((r.customer.as_str(), r.currency))
            .or_default()
            .add(dtp, r.days_late, r.amount, r.currency);
        all.add(dtp, r.days_late, r.amount, r.currency);
    }
    (
        per.into_iter()
            .map(|((c, cur), acc)| acc.finish(Some(c.to_string()), Some(cur)))
            .collect(),
        all.finish(None, None),
    )
}

/// Payment delays of the whole ledger per currency, sorted by currency: the figure to read beside
/// the amounts (the weighted days to pay of EUR and GBP invoices are two figures).
///
/// ```
/// use arrears::{kpi, ledger::Ledger, sample};
/// let state = Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?.state_as_of(sample::AS_OF)?;
/// let by_currency = kpi::payment_delays_by_currency(&state);
/// assert!(by_currency.iter().all(|d| d.currency.is_some() && d.weighted_days_to_pay.is_some()));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn payment_delays_by_currency(state: &LedgerState) -> Vec<PaymentDelays> {
    let mut per: BTreeMap<Currency, DelayAcc> = BTreeMap::new();
    for r in paid_receivables(state) {
        let Some(dtp) = r.days_to_pay else { continue };
        per.entry(r.currency)
            .or_default()
            .add(dtp, r.days_late, r.amount, r.currency);
    }
    per.into_iter()
        .map(|(cur, acc)| acc.finish(None, Some(cur)))
        .collect()
}

fn paid_receivables(state: &LedgerState) -> impl Iterator<Item = &crate::ledger::ReceivableState> {
    state
        .receivables
        .iter()
        .filter(|r| r.status == ReceivableStatus::Paid)
}

/// A customer ranked among the worst payers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorstPayer {
    /// Customer id.
    pub customer: String,
    /// Name, if the ledger has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Average days late over paid receivables and open overdue ones (open ones count their
    /// days late so far), two decimals.
    #[serde(with = "decimal_string")]
    pub average_days_late: Decimal,
    /// Receivables counted.
    pub receivables: usize,
    /// Of which late (paid late or overdue now).
    pub late: usize,
    /// Largest days late.
    pub max_days_late: i64,
}

/// Customers ranked by average days late, worst first, counting settled-by-payment receivables
/// and those still overdue (whose delay so far is a lower bound of the final one). Customers with
/// no late receivable are left out. Ties are broken by the larger maximum, then by id.
///
/// ```
/// use arrears::{kpi, ledger::Ledger, sample};
/// let state = Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?.state_as_of(sample::AS_OF)?;
/// let worst = kpi::worst_payers(&state, 5);
/// assert_eq!(worst.len(), 5);
/// assert!(worst[0].average_days_late >= worst[4].average_days_late);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn worst_payers(state: &LedgerState, limit: usize) -> Vec<WorstPayer> {
    let names: BTreeMap<&str, Option<&String>> = state
        .customers
        .iter()
        .map(|c| (c.customer.as_str(), c.name.as_ref()))
        .collect();
    #[derive(Default)]
    struct Acc {
        n: i64,
        late: usize,
        days: i64,
        max: i64,
    }
    let mut per: BTreeMap<&str, Acc> = BTreeMap::new();
    for r in &state.receivables {
        let counts = matches!(r.status, ReceivableStatus::Paid | ReceivableStatus::Overdue);
        if !counts {
            continue;
        }
        let a = per.entry(r.customer.as_str()).or_default();
        a.n = a.n.saturating_add(1);
        a.days = a.days.saturating_add(r.days_late);
        a.max = a.max.max(r.days_late);
        if r.days_late > 0 {
            a.late = a.late.saturating_add(1);
        }
    }
    let mut out: Vec<WorstPayer> = per
        .into_iter()
        .filter(|(_, a)| a.late > 0 && a.n > 0)
        .map(|(c, a)| WorstPayer {
            customer: c.to_string(),
            name: names.get(c).copied().flatten().cloned(),
            average_days_late: Decimal::from(a.days)
                .checked_div(Decimal::from(a.n))
                .map(two_places)
                .unwrap_or(Decimal::ZERO),
            receivables: usize::try_from(a.n).unwrap_or(0),
            late: a.late,
            max_days_late: a.max,
        })
        .collect();
    out.sort_by(|a, b| {
        b.average_days_late
            .cmp(&a.average_days_late)
            .then(b.max_days_late.cmp(&a.max_days_late))
            .then(a.customer.cmp(&b.customer))
    });
    out.truncate(limit);
    out
}

/// The overview `arrears report` prints: aging, payment delays and the worst payers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    /// As-of date.
    #[serde(with = "serde_date")]
    pub as_of: NaiveDate,
    /// Aging balance.
    pub aging: AgingReport,
    /// Payment delays for the whole ledger, all currencies together (no amount-weighted figure
    /// when several currencies were paid).
    pub delays: PaymentDelays,
    /// Payment delays for the whole ledger, per currency.
    pub delays_by_currency: Vec<PaymentDelays>,
    /// Payment delays per customer and currency.
    pub customer_delays: Vec<PaymentDelays>,
    /// The worst payers, worst first.
    pub worst_payers: Vec<WorstPayer>,
}

/// Computes the [`Overview`] of a state.
///
/// # Errors
/// The errors of [`aging`].
pub fn overview(state: &LedgerState, options: &AgingOptions, worst: usize) -> Result<Overview> {
    let (customer_delays, delays) = payment_delays(state);
    let delays_by_currency = payment_delays_by_currency(state);
    Ok(Overview {
        as_of: state.as_of,
        aging: aging(state, options)?,
        delays,
        delays_by_currency,
        customer_delays,
        worst_payers: worst_payers(state, worst),
    })
}

mod decimal_vec {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|d| d.to_string()))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Decimal>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|s| crate::money::parse_decimal(s).map_err(crate::document::de_error))
            .collect()
    }
}

/// Rounds half-up to two places and always writes two (`0` → `0.00`), so figures print alike.
fn two_places(d: Decimal) -> Decimal {
    let mut r = crate::money::RoundingMode::HalfUp.round(d, 2);
    r.rescale(2);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_buckets_are_the_practice_split() {
        let labels: Vec<String> = buckets(&AgingOptions::default())
            .unwrap()
            .into_iter()
            .map(|b| b.label)
            .collect();
        assert_eq!(labels, ["not_due", "1-30", "31-60", "61-90", "91+"]);
    }

    #[test]
    fn invoice_date_buckets_start_at_zero() {
        let o = AgingOptions {
            bounds: vec![30, 60],
            basis: AgingBasis::InvoiceDate,
        };
        let labels: Vec<String> = buckets(&o).unwrap().into_iter().map(|b| b.label).collect();
        assert_eq!(labels, ["0-30", "31-60", "61+"]);
    }

    #[test]
    fn bad_bounds_are_refused() {
        for b in [vec![], vec![0], vec![30, 30], vec![60, 30]] {
            let o = AgingOptions {
                bounds: b,
                basis: AgingBasis::DueDate,
            };
            assert_eq!(buckets(&o).unwrap_err().code(), crate::Code::InvalidValue);
        }
    }

    #[test]
    fn age_boundaries() {
        let b = buckets(&AgingOptions::default()).unwrap();
        assert_eq!(bucket_of(&b, -5), 0);
        assert_eq!(bucket_of(&b, 0), 0);
        assert_eq!(bucket_of(&b, 1), 1);
        assert_eq!(bucket_of(&b, 30), 1);
        assert_eq!(bucket_of(&b, 31), 2);
        assert_eq!(bucket_of(&b, 90), 3);
        assert_eq!(bucket_of(&b, 91), 4);
    }
}

#[cfg(test)]
mod delay_tests {
    use super::*;
    use crate::ledger::{Ledger, LedgerDocument};

    /// Issue 14 item 3: the weighted days to pay are per currency. EUR 1,000.00 issued 1 Jan 2024
    /// and paid 31 Jan (30 days), GBP 100.00 issued 1 Jan and paid 1 Mar (60 days). Per currency:
    /// EUR 30.00, GBP 60.00 (one invoice each). All together the plain average is (30 + 60) / 2 =
    /// 45.00 days; the amount-weighted one would be (1000 × 30 + 100 × 60) / 1100 = 32.73, adding
    /// pounds to euros: it is not given.
    #[test]
    fn weighted_days_to_pay_are_per_currency() {
        let doc: LedgerDocument = serde_json::from_value(serde_json::json!({
            "invoices": [
                {"id": "F1", "customer": "C1", "issue_date": "2024-01-01", "due_date": "2024-01-31",
                 "amount": "1000.00", "currency": "EUR"},
                {"id": "F2", "customer": "C1", "issue_date": "2024-01-01", "due_date": "2024-01-31",
                 "amount": "100.00", "currency": "GBP"}],
            "payments": [
                {"customer": "C1", "invoice": "F1", "date": "2024-01-31", "amount": "1000.00", "currency": "EUR"},
                {"customer": "C1", "invoice": "F2", "date": "2024-03-01", "amount": "100.00", "currency": "GBP"}]
        }))
        .unwrap();
        let state = Ledger::new(doc)
            .unwrap()
            .state_as_of(NaiveDate::from_ymd_opt(2024, 6, 30).unwrap())
            .unwrap();
        let o = overview(&state, &AgingOptions::default(), 5).unwrap();
        let by: Vec<(Option<Currency>, Option<String>)> = o
            .delays_by_currency
            .iter()
            .map(|d| (d.currency, d.weighted_days_to_pay.map(|w| w.to_string())))
            .collect();
        assert_eq!(
            by,
            [
                (Some(Currency::EUR), Some("30.00".to_string())),
                (Some(Currency::GBP), Some("60.00".to_string()))
            ]
        );
        assert_eq!(
            o.delays.average_days_to_pay.map(|d| d.to_string()),
            Some("45.00".into())
        );
        assert_eq!(o.delays.weighted_days_to_pay, None);
        assert_eq!(o.customer_delays.len(), 2, "one per customer and currency");
    }
}
