//! Interest and fixed compensation for every late receivable of a ledger, and what each customer
//! owes in total: the one computation letters, reports and the agenda use.
//!
//! Each receivable that is (or was) paid late gets a [`Statement`] computed from its own
//! amount, due date and the payments and credit notes matched to it by the ledger
//! ([`crate::ledger`]); the end date is the as-of date, or the settlement date for a receivable
//! settled late. The regime is chosen per customer: an explicit choice, else the request's default,
//! else by the customer's country (FR → `fr_b2b`, DE → `de_b2b`, GB → `uk_late_payment`, another
//! EU member state → `eu_directive`). A receivable whose statement cannot be computed (no regime,
//! a rate not yet known for the date) is listed in `skipped` with the reason, never silently dropped.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{
    compute_with_plan, DatedAmount, InterestOptions, InterestRequest, Plan, Regime, Statement,
};
use crate::calendar::date::serde_date;
use crate::error::{err, Result};
use crate::ledger::{AllocationSource, Ledger, ReceivableStatus};
use crate::money::{decimal_string, Currency};
use crate::rates::RateTable;

/// Which regime applies to whom, and with which conventions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LedgerInterestOptions {
    /// Regime for customers without an explicit one (default: by country).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regime: Option<Regime>,
    /// Regime per customer id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_customer: BTreeMap<String, Regime>,
    /// Conventions applied to every statement.
    #[serde(default)]
    pub options: InterestOptions,
}

/// The statement of one late receivable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct ReceivableInterest {
    /// Receivable id.
    pub receivable: String,
    /// Invoice id.
    pub invoice: String,
    /// Customer id.
    pub customer: String,
    /// The statement.
    pub statement: Statement,
}

/// A receivable for which no statement was computed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct SkippedReceivable {
    /// Receivable id.
    pub receivable: String,
    /// Customer id.
    pub customer: String,
    /// Error code (`interest.unknown_regime` when no regime could be chosen).
    pub code: String,
    /// Why.
    pub reason: String,
}

/// What a customer owes in one currency, penalties included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct CustomerInterest {
    /// Customer id.
    pub customer: String,
    /// Currency.
    pub currency: Currency,
    /// Late receivables counted.
    pub receivables: usize,
    /// Principal still owed on them.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::schema::DecimalString"))]
    pub principal_outstanding: Decimal,
    /// Interest still owed.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::schema::DecimalString"))]
    pub interest_outstanding: Decimal,
    /// Fixed compensation.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::schema::DecimalString"))]
    pub fixed_compensation: Decimal,
    /// Principal + interest + fixed compensation.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::schema::DecimalString"))]
    pub total_due: Decimal,
}

/// Interest for a whole ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct LedgerInterest {
    /// As-of date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::schema::Date"))]
    pub as_of: NaiveDate,
    /// One statement per late receivable, in ledger order.
    pub receivables: Vec<ReceivableInterest>,
    /// Per customer and currency, sorted.
    pub customers: Vec<CustomerInterest>,
    /// Late receivables without a statement.
    pub skipped: Vec<SkippedReceivable>,
}

/// The default regime for a customer's country (ISO 3166-1 alpha-2).
///
/// ```
/// use arrears::interest::{ledger::regime_for_country, Regime};
/// assert_eq!(regime_for_country("FR"), Some(Regime::FrB2b));
/// assert_eq!(regime_for_country("it"), Some(Regime::EuDirective));
/// assert_eq!(regime_for_country("US"), None);
/// ```
pub fn regime_for_country(country: &str) -> Option<Regime> {
    // EU member states (2026): Directive 2011/7/EU applies to all of them.
    const EU: &[&str] = &[
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
        "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    ];
    let c = country.to_ascii_uppercase();
    match c.as_str() {
        "FR" => Some(Regime::FrB2b),
        "DE" => Some(Regime::DeB2b),
        "GB" | "UK" => Some(Regime::UkLatePayment),
        other if EU.contains(&other) => Some(Regime::EuDirective),
        _ => None,
    }
}

/// Computes the statements of every receivable late on `as_of`.
///
/// # Errors
/// `money.overflow` on absurd totals; per-receivable problems go to `skipped`.
pub fn for_ledger(
    ledger: &Ledger,
    as_of: NaiveDate,
    opts: &LedgerInterestOptions,
    table: &RateTable,
) -> Result<LedgerInterest> {
    let state = ledger.state_as_of(as_of)?;
    for_state(ledger, &state, opts, table, false)
}

/// The same from a state already computed; with `open_only`, receivables settled late are left
/// out (what a dunning run needs: penalties on what is still owed).
///
/// # Errors
/// As [`for_ledger`].
pub fn for_state(
    ledger: &Ledger,
    state: &crate::ledger::LedgerState,
    opts: &LedgerInterestOptions,
    table: &RateTable,
    open_only: bool,
) -> Result<LedgerInterest> {
    let as_of = state.as_of;
    let countries: BTreeMap<&str, Option<&String>> = ledger
        .document()
        .customers
        .iter()
        .map(|c| (c.id.as_str(), c.country.as_ref()))
        .collect();
    let mut by_receivable: std::collections::HashMap<&str, Vec<&crate::ledger::Allocation>> =
        std::collections::HashMap::new();
    for a in &state.allocations {
        by_receivable
            .entry(a.receivable.as_str())
            .or_default()
            .push(a);
    }
    let mut receivables = Vec::new();
    let mut skipped = Vec::new();
    let mut per: BTreeMap<(String, Currency), CustomerInterest> = BTreeMap::new();
    for r in &state.receivables {
        let late = r.days_late > 0
            && matches!(
                r.status,
                ReceivableStatus::Overdue | ReceivableStatus::Paid | ReceivableStatus::WrittenOff
            )
            && !(open_only && r.status != ReceivableStatus::Overdue);
        if !late {
            continue;
        }
        let regime = opts
            .by_customer
            .get(&r.customer)
            .copied()
            .or(opts.regime)
            .or_else(|| {
                countries
                    .get(r.customer.as_str())
                    .copied()
                    .flatten()
                    .and_then(|c| regime_for_country(c))
            });
        let Some(regime) = regime else {
            skipped.push(SkippedReceivable {
                receivable: r.id.clone(),
                customer: r.customer.clone(),
                code: "interest.unknown_regime".into(),
                reason: "no regime for this customer: set one, or give the customer a country"
                    .into(),
            });
            continue;
        };
        let mut payments = Vec::new();
        let mut credits = Vec::new();
        for a in by_receivable.get(r.id.as_str()).into_iter().flatten() {
            let item = DatedAmount {
                date: a.date,
                amount: a.amount,
            };
            match a.source {
                AllocationSource::Payment | AllocationSource::Deposit => payments.push(item),
                // A credit note or a write-off reduces the claim; neither pays interest.
                _ => credits.push(item),
            }
        }
        let until = r.settled_on.map_or(as_of, |d| d.min(as_of));
        let request = InterestRequest {
            regime,
            principal: r.amount,
            currency: r.currency,
            due_date: r.due_date,
            until,
            payments,
            credits,
            options: opts.options.clone(),
            rates: Vec::new(),
        };
        let result = Plan::resolve(&request, table)
            .and_then(|plan| compute_with_plan(&request, &plan, table));
        match result {
            Ok(statement) => {
                let entry = per
                    .entry((r.customer.clone(), r.currency))
                    .or_insert_with(|| CustomerInterest::zero(&r.customer, r.currency));
                entry.add(&statement)?;
                receivables.push(ReceivableInterest {
                    receivable: r.id.clone(),
                    invoice: r.invoice.clone(),
                    customer: r.customer.clone(),
                    statement,
                });
            }
            Err(e) => skipped.push(SkippedReceivable {
                receivable: r.id.clone(),
                customer: r.customer.clone(),
                code: e.code().as_str().to_string(),
                reason: e.to_string(),
            }),
        }
    }
    Ok(LedgerInterest {
        as_of,
        receivables,
        customers: per.into_values().collect(),
        skipped,
    })
}

impl CustomerInterest {
    fn zero(customer: &str, currency: Currency) -> Self {
        let mut z = Decimal::ZERO;
        z.rescale(currency.minor_units());
        CustomerInterest {
            customer: customer.to_string(),
            currency,
            receivables: 0,
            principal_outstanding: z,
            interest_outstanding: z,
            fixed_compensation: z,
            total_due: z,
        }
    }

    fn add(&mut self, s: &Statement) -> Result<()> {
        let sum = |a: Decimal, b: Decimal| {
            a.checked_add(b)
                .ok_or_else(|| err!(Overflow, "customer total overflows"))
        };
        self.receivables = self.receivables.saturating_add(1);
        self.principal_outstanding = sum(self.principal_outstanding, s.principal_outstanding)?;
        self.interest_outstanding = sum(self.interest_outstanding, s.interest_outstanding)?;
        self.fixed_compensation = sum(self.fixed_compensation, s.fixed_compensation)?;
        self.total_due = sum(self.total_due, s.total_due)?;
        Ok(())
    }
}
