//! Every KPI of a period at once, per portfolio, customer, segment or sector and per currency:
//! what the `kpis` operation returns.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::concentration::{concentration, Concentration};
use super::conversion::{reminder_conversion, ReminderConversion};
use super::dso::{cei, delays, dso, dso_trend, period_days, Cei, Dso, MonthDso};
use super::figure::add;
use super::forecast::{check_options, forecast_with, Forecast, ForecastOptions, Profiles};
use super::history::{History, Scope};
use super::provisions::{
    loss_history, provisions_with, EstimateOn, LossHistory, ProvisionOptions, Provisions,
};
use super::recovery::{recovery, Recovery};
use super::writeoff::{write_off_candidates, WriteOffCandidate, WriteOffOptions};
use super::{bucket_of, buckets, AgingBasis, AgingOptions, AgingRow, Bucket, PaymentDelays};
use crate::calendar::date::{days_between, serde_date};
use crate::dunning::journal::JournalEntry;
use crate::error::{err, Result};
use crate::ledger::{scaled, Ledger, LedgerDocument};
use crate::money::Currency;
use crate::portfolio::columns::{date_of, Book};

/// How the figures are grouped.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// One group: the whole ledger.
    #[default]
    Portfolio,
    /// One group per customer.
    Customer,
    /// One group per customer segment (`customers[].segment`; `null` for customers without).
    Segment,
    /// One group per sector (`customers[].sector`; `null` for customers without).
    Sector,
}

impl GroupBy {
    /// Whether a book (the ledger as columns, which has no segments or sectors) can be grouped
    /// this way.
    ///
    /// ```
    /// use arrears::kpi::GroupBy;
    /// assert!(GroupBy::Customer.in_columns());
    /// assert!(!GroupBy::Sector.in_columns());
    /// ```
    pub fn in_columns(self) -> bool {
        matches!(self, GroupBy::Portfolio | GroupBy::Customer)
    }
}

/// The dates of a KPI computation: the as-of date (what is known) and the period measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KpiPeriod {
    /// Events dated after this day are not known.
    pub as_of: NaiveDate,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period, on or before `as_of`.
    pub to: NaiveDate,
}

impl KpiPeriod {
    /// The twelve months to `as_of` (364 days before it to `as_of`), or from the ledger's first
    /// invoice when the ledger is younger: days before any sale would make DSO and CEI describe
    /// data that does not exist. The report's key figures use this period.
    ///
    /// # Errors
    /// `date.out_of_range` at the ends of the calendar.
    ///
    /// ```
    /// use arrears::kpi::KpiPeriod;
    /// use arrears::prelude::*;
    /// let ledger = Ledger::new(LedgerDocument::default().with_invoice(
    ///     InvoiceRecord::new("F1", "C1", ymd(2026, 1, 5)?, Money::parse("100.00", "EUR")?)
    ///         .due_on(ymd(2026, 2, 4)?)))?;
    /// let p = KpiPeriod::trailing_year(&ledger, ymd(2026, 6, 30)?)?;
    /// assert_eq!((p.from, p.to), (ymd(2026, 1, 5)?, ymd(2026, 6, 30)?));
    /// let p = KpiPeriod::trailing_year(&ledger, ymd(2027, 6, 30)?)?;
    /// assert_eq!(p.from, ymd(2026, 7, 1)?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn trailing_year(ledger: &Ledger, as_of: NaiveDate) -> Result<KpiPeriod> {
        let year = crate::calendar::date::add_days(as_of, -364)?;
        let first = ledger
            .document()
            .invoices
            .iter()
            .map(|i| i.issue_date)
            .filter(|d| *d <= as_of)
            .min();
        Ok(KpiPeriod {
            as_of,
            from: first.map_or(year, |f| f.max(year)),
            to: as_of,
        })
    }
}

/// Options of [`kpis`]; every field has a documented default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(description = "Options of `kpis`; every field has a documented default.")
)]
#[serde(deny_unknown_fields)]
pub struct KpiOptions {
    /// With several currencies in the ledger, one set of groups per currency (otherwise such a
    /// request is refused with `money.currency_mismatch`: amounts are never converted).
    #[serde(default)]
    pub per_currency: bool,
    /// Only this currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Aging buckets (default not due, 1-30, 31-60, 61-90, 91+).
    #[serde(default)]
    pub aging: AgingOptions,
    /// Recovery windows, in days after the due date (default `[90, 180]`).
    #[serde(default = "default_recovery_days")]
    pub recovery_days: Vec<u32>,
    /// Share of customers for the concentration figure, in percent (default 20).
    #[serde(default = "default_top_percent")]
    pub top_percent: u32,
    /// Reminder-conversion window, in days after the reminder (default 14).
    #[serde(default = "default_conversion_days")]
    pub conversion_days: u32,
    /// Months of standard DSO in the trend, 0 to 120 (default 12).
    #[serde(default = "default_trend_months")]
    pub trend_months: u32,
    /// Cash-in forecast.
    #[serde(default)]
    pub forecast: ForecastOptions,
    /// Provisions (age grid and IFRS 9).
    #[serde(default)]
    pub provisions: ProvisionOptions,
    /// Write-off candidates.
    #[serde(default)]
    pub write_off: WriteOffOptions,
}

fn default_recovery_days() -> Vec<u32> {
    vec![90, 180]
}

fn default_top_percent() -> u32 {
    20
}

fn default_conversion_days() -> u32 {
    14
}

fn default_trend_months() -> u32 {
    12
}

impl Default for KpiOptions {
    fn default() -> Self {
        KpiOptions {
            per_currency: false,
            currency: None,
            aging: AgingOptions::default(),
            recovery_days: default_recovery_days(),
            top_percent: default_top_percent(),
            conversion_days: default_conversion_days(),
            trend_months: default_trend_months(),
            forecast: ForecastOptions::default(),
            provisions: ProvisionOptions::default(),
            write_off: WriteOffOptions::default(),
        }
    }
}

impl KpiOptions {
    fn check(&self) -> Result<()> {
        buckets(&self.aging)?;
        self.provisions.buckets()?;
        check_options(&self.forecast)?;
        if self.recovery_days.is_empty() || self.recovery_days.contains(&0) {
            return Err(err!(
                InvalidValue,
                "recovery_days needs at least one window, each of one day or more"
            ));
        }
        if !(1..=100).contains(&self.top_percent) {
            return Err(err!(
                InvalidValue,
                "top_percent must be between 1 and 100, got {}",
                self.top_percent
            ));
        }
        if self.conversion_days == 0 {
            return Err(err!(
                InvalidValue,
                "conversion_days must be at least one day"
            ));
        }
        if self.trend_months > 120 {
            return Err(err!(
                InvalidValue,
                "trend_months must be between 0 and 120, got {}",
                self.trend_months
            ));
        }
        Ok(())
    }
}

/// Every KPI of one group in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct GroupKpis {
    /// The group: customer id, segment or sector; `null` for the portfolio (and for customers
    /// without a segment or sector).
    pub key: Option<String>,
    /// Currency of every amount of the group.
    pub currency: Currency,
    /// Customers in the group with a receivable in the currency.
    pub customers: usize,
    /// Aging balance on the as-of date (buckets in `aging_buckets` of the report).
    pub aging: AgingRow,
    /// DSO over the period.
    pub dso: Dso,
    /// Standard DSO month by month, oldest first.
    pub dso_trend: Vec<MonthDso>,
    /// Collection effectiveness index over the period.
    pub cei: Cei,
    /// Payment delays of the receivables settled by payment in the period.
    pub delays: PaymentDelays,
    /// Recovery rates, one per window.
    pub recovery: Vec<Recovery>,
    /// Concentration of the overdue amount on the as-of date.
    pub concentration: Concentration,
    /// Reminder conversion per dunning step (`null` without a journal).
    pub reminder_conversion: Option<ReminderConversion>,
    /// Cash-in forecast from the as-of date.
    pub forecast: Forecast,
    /// Provisions on the as-of date.
    pub provisions: Provisions,
    /// Write-off candidates on the as-of date.
    pub write_off_candidates: Vec<WriteOffCandidate>,
}

/// What a reader of the figures must know about the data behind them: a period that starts before
/// the ledger's first invoice (figures over the period then count days without sales, so DSO
/// grows), and an as-of date long after the last invoice (a ledger exported months ago, or the
/// sample read with today's date: months without sales make every ratio to sales meaningless).
///
/// ```
/// use arrears::kpi::{summary::coverage_warnings, KpiPeriod};
/// use arrears::prelude::*;
/// let eur = |s| Money::parse(s, "EUR");
/// let ledger = Ledger::new(LedgerDocument::default()
///     .with_invoice(InvoiceRecord::new("F1", "C1", ymd(2026, 1, 5)?, eur("100.00")?)
///         .due_on(ymd(2026, 2, 4)?))
///     .with_invoice(InvoiceRecord::new("F2", "C1", ymd(2026, 6, 15)?, eur("100.00")?)
///         .due_on(ymd(2026, 7, 15)?)))?;
/// // Twelve months to 30 June 2026, but the first invoice is of 5 January 2026.
/// let year = KpiPeriod { as_of: ymd(2026, 6, 30)?, from: ymd(2025, 7, 1)?, to: ymd(2026, 6, 30)? };
/// assert_eq!(coverage_warnings(&ledger, &year).len(), 1);
/// // Read on 6 December 2026: the last invoice is 174 days old.
/// let later = KpiPeriod { as_of: ymd(2026, 12, 6)?, from: ymd(2026, 1, 5)?, to: ymd(2026, 12, 6)? };
/// assert!(coverage_warnings(&ledger, &later)[0].contains("174 days"));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn coverage_warnings(ledger: &Ledger, period: &KpiPeriod) -> Vec<String> {
    Coverage::of_document(ledger.document(), period.as_of).warnings(period)
}

/// What period a ledger's invoices cover: the first issue date, and the last one on or before
/// the as-of date ([`coverage_warnings`] words what they imply).
///
/// ```
/// use arrears::kpi::{Coverage, KpiPeriod};
/// use arrears::prelude::*;
/// let c = Coverage { first_issue: Some(ymd(2026, 1, 5)?), last_issue: Some(ymd(2026, 6, 15)?) };
/// let p = KpiPeriod { as_of: ymd(2026, 12, 6)?, from: ymd(2026, 1, 5)?, to: ymd(2026, 12, 6)? };
/// // 174 days without an invoice before the as-of date.
/// assert!(c.warnings(&p)[0].contains("174 days"));
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    /// The first invoice's issue date.
    pub first_issue: Option<NaiveDate>,
    /// The last issue date on or before the as-of date.
    pub last_issue: Option<NaiveDate>,
}

impl Coverage {
    /// The coverage of a ledger document on `as_of`.
    pub fn of_document(doc: &LedgerDocument, as_of: NaiveDate) -> Coverage {
        Coverage::of_days(doc.invoices.iter().map(|i| i.issue_date), as_of)
    }

    /// The coverage of a book (the ledger as columns) on `as_of`.
    pub fn of_book(book: &Book, as_of: NaiveDate) -> Coverage {
        Coverage::of_days(book.invoice_issue.iter().filter_map(|d| date_of(*d)), as_of)
    }

    fn of_days(days: impl Iterator<Item = NaiveDate>, as_of: NaiveDate) -> Coverage {
        let mut c = Coverage::default();
        for d in days {
            c.first_issue = Some(c.first_issue.map_or(d, |f| f.min(d)));
            if d <= as_of {
                c.last_issue = Some(c.last_issue.map_or(d, |l| l.max(d)));
            }
        }
        c
    }

    /// The warnings of [`coverage_warnings`] for a period.
    pub fn warnings(&self, period: &KpiPeriod) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(first) = self.first_issue {
            if period.from < first {
                out.push(format!(
                    "the period starts on {}, before the ledger's first invoice ({first}): figures over the period count days without data (DSO and CEI use the whole period); choose --from on or after {first}",
                    period.from
                ));
            }
        }
        if let Some(last) = self.last_issue {
            let idle = crate::calendar::date::days_between(last, period.as_of);
            if idle > 90 {
                out.push(format!(
                    "the ledger's last invoice is dated {last}, {idle} days before the as-of date {}: the figures describe months without sales; if the ledger was exported earlier, pass its date as --as-of",
                    period.as_of
                ));
            }
        }
        out
    }
}

/// The response of [`kpis`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "The response of `kpis`: every KPI of the period, per group and currency."
    )
)]
pub struct KpiReport {
    /// As-of date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub as_of: NaiveDate,
    /// First day of the period.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub from: NaiveDate,
    /// Last day of the period.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub to: NaiveDate,
    /// Days in the period.
    pub days: i64,
    /// Grouping.
    pub group_by: GroupBy,
    /// The aging buckets of every group's `aging`.
    pub aging_buckets: Vec<Bucket>,
    /// One entry per group and currency, sorted by key (`null` first) then currency.
    pub groups: Vec<GroupKpis>,
    /// The ledger replay's warnings and notes on the figures.
    pub warnings: Vec<String>,
}

fn aging_row(
    history: &History,
    scope: &Scope,
    options: &AgingOptions,
    b: &[Bucket],
) -> Result<AgingRow> {
    let mut amounts = vec![Decimal::ZERO; b.len()];
    for it in history.items(scope) {
        if it.r.outstanding.is_zero() {
            continue;
        }
        let from = match options.basis {
            AgingBasis::DueDate => it.r.due_date,
            AgingBasis::InvoiceDate => it.r.issue_date,
        };
        if let Some(slot) = amounts.get_mut(bucket_of(b, days_between(from, history.as_of()))) {
            *slot = add(*slot, it.r.outstanding)?;
        }
    }
    let total = amounts.iter().try_fold(Decimal::ZERO, |s, a| add(s, *a))?;
    let c = scope.currency;
    Ok(AgingRow {
        customer: None,
        currency: c,
        amounts: amounts.into_iter().map(|a| scaled(a, c)).collect(),
        total: scaled(total, c),
    })
}

/// Every KPI over a period, grouped and per currency.
///
/// Period figures (DSO and its companions, CEI, payment delays, recovery rates, reminder
/// conversion) measure `from..=to`, with balances at the end of `to`; stock figures (aging,
/// concentration, forecast, provisions, write-off candidates) are taken on `as_of`. A ledger
/// with several currencies needs `per_currency` (one set of groups per currency) or a
/// `currency`: amounts are never converted.
///
/// # Errors
/// `calendar.invalid_range` (`to` before `from`), `input.invalid_value` (`to` after `as_of`, an
/// option out of range), `money.currency_mismatch` (several currencies without
/// `per_currency`), `dunning.invalid_journal`, and the ledger's errors.
///
/// ```
/// use arrears::kpi::{self, GroupBy, KpiOptions, KpiPeriod};
/// use arrears::{ledger::Ledger, sample};
/// use chrono::NaiveDate;
/// let ledger = Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?;
/// let period = KpiPeriod {
///     as_of: sample::AS_OF,
///     from: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
///     to: sample::AS_OF,
/// };
/// let options = KpiOptions { per_currency: true, ..KpiOptions::default() };
/// let report = kpi::kpis(&ledger, None, period, GroupBy::Sector, &options)?;
/// assert!(report.groups.len() >= 5);
/// assert!(report.groups.iter().all(|g| g.reminder_conversion.is_none()));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn kpis(
    ledger: &Ledger,
    journal: Option<&[JournalEntry]>,
    period: KpiPeriod,
    group_by: GroupBy,
    options: &KpiOptions,
) -> Result<KpiReport> {
    options.check()?;
    let history = History::new(ledger, period.as_of)?;
    let coverage = Coverage::of_document(ledger.document(), period.as_of);
    kpis_of(&history, &coverage, journal, period, group_by, options)
}

/// [`kpis`] on a history already built (for instance [`History::of_book`] on tables read into
/// columns, without a ledger document), with its ledger's [`Coverage`].
///
/// ```
/// use arrears::kpi::{self, book_customers, Coverage, GroupBy, History, KpiOptions, KpiPeriod};
/// use arrears::{ledger::Ledger, synthetic};
/// let spec = synthetic::Spec::new(800, 3);
/// let book = synthetic::book(&spec)?;
/// let period = KpiPeriod {
///     as_of: spec.as_of,
///     from: spec.as_of - chrono::Days::new(180),
///     to: spec.as_of,
/// };
/// let options = KpiOptions { per_currency: true, ..KpiOptions::default() };
/// let history = History::of_book(&book, spec.as_of, &book_customers(&book), |_| None)?;
/// let report = kpi::kpis_of(&history, &Coverage::of_book(&book, spec.as_of), None, period,
///                           GroupBy::Portfolio, &options)?;
/// // The same report as from the ledger document.
/// let ledger = Ledger::new(book.to_document()?)?;
/// assert_eq!(report, kpi::kpis(&ledger, None, period, GroupBy::Portfolio, &options)?);
/// # Ok::<(), arrears::Error>(())
/// ```
///
/// # Errors
/// Those of [`kpis`], but the ledger's.
pub fn kpis_of(
    history: &History,
    coverage: &Coverage,
    journal: Option<&[JournalEntry]>,
    period: KpiPeriod,
    group_by: GroupBy,
    options: &KpiOptions,
) -> Result<KpiReport> {
    options.check()?;
    if history.as_of() != period.as_of {
        return Err(err!(
            InvalidValue,
            "the history is as of {}, the period as of {}",
            history.as_of(),
            period.as_of
        ));
    }
    history.check_period(period.from, period.to)?;
    let mut currencies = history.currencies();
    if let Some(c) = options.currency {
        currencies.retain(|x| *x == c);
    } else if currencies.len() > 1 && !options.per_currency {
        let list: Vec<&str> = currencies.iter().map(|c| c.code()).collect();
        return Err(err!(
            CurrencyMismatch,
            "the ledger has receivables in {}: amounts are never converted; ask per_currency: true or one currency",
            list.join(", ")
        ));
    }
    let aging_buckets = buckets(&options.aging)?;
    let profiles = Profiles::new(history);

    let mut groups: BTreeMap<(Option<String>, Currency), BTreeSet<String>> = BTreeMap::new();
    for customer in history.customer_ids() {
        let info = history.customer(customer);
        let key = match group_by {
            GroupBy::Portfolio => None,
            GroupBy::Customer => Some(customer.to_string()),
            GroupBy::Segment => info.segment,
            GroupBy::Sector => info.sector,
        };
        let theirs: BTreeSet<Currency> = history
            .customer_items(customer)
            .iter()
            .map(|i| i.r.currency)
            .filter(|c| currencies.contains(c))
            .collect();
        for c in theirs {
            groups
                .entry((key.clone(), c))
                .or_default()
                .insert(customer.to_string());
        }
    }

    let mut portfolio_losses: BTreeMap<Currency, LossHistory> = BTreeMap::new();
    let mut warnings: Vec<String> = history.warnings().to_vec();
    warnings.extend(coverage.warnings(&period));
    let mut out = Vec::new();
    for ((key, currency), members) in groups {
        let customers = members.len();
        let scope = match group_by {
            GroupBy::Portfolio => Scope::currency(currency),
            _ => Scope {
                currency,
                customers: Some(members),
            },
        };
        let losses = match options.provisions.ifrs9.estimate_on {
            EstimateOn::Group => loss_history(history, &scope, &options.provisions)?,
            _ => match portfolio_losses.entry(currency) {
                std::collections::btree_map::Entry::Occupied(e) => e.get().clone(),
                std::collections::btree_map::Entry::Vacant(v) => v
                    .insert(loss_history(
                        history,
                        &Scope::currency(currency),
                        &options.provisions,
                    )?)
                    .clone(),
            },
        };
        let provisions = provisions_with(history, &scope, &options.provisions, &losses)?;
        if provisions.ifrs9.month_ends == 0 {
            let note = format!(
                "IFRS 9 ({currency}): no month end with {} months of outcome before {}; the age-grid rates are used",
                options.provisions.ifrs9.outcome_months,
                period.as_of
            );
            if !warnings.contains(&note) {
                warnings.push(note);
            }
        }
        let (from, to) = (period.from, period.to);
        out.push(GroupKpis {
            key,
            currency,
            customers,
            aging: aging_row(history, &scope, &options.aging, &aging_buckets)?,
            dso: dso(history, &scope, from, to)?,
            dso_trend: dso_trend(history, &scope, to, options.trend_months)?,
            cei: cei(history, &scope, from, to)?,
            delays: delays(history, &scope, from, to)?,
            recovery: options
                .recovery_days
                .iter()
                .map(|n| recovery(history, &scope, from, to, *n))
                .collect::<Result<_>>()?,
            concentration: concentration(history, &scope, options.top_percent)?,
            reminder_conversion: journal
                .map(|j| reminder_conversion(history, &scope, j, from, to, options.conversion_days))
                .transpose()?,
            forecast: forecast_with(history, &scope, &options.forecast, &profiles)?,
            provisions,
            write_off_candidates: write_off_candidates(history, &scope, &options.write_off)?,
        });
    }
    Ok(KpiReport {
        as_of: period.as_of,
        from: period.from,
        to: period.to,
        days: period_days(period.from, period.to),
        group_by,
        aging_buckets,
        groups: out,
        warnings,
    })
}
