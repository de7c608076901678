//! Interest and fixed compensation for every late receivable of a ledger, and what each customer
//! owes in total: the one computation letters, reports and the agenda use.
//!
//! Each receivable that is (or was) paid late gets a [`Statement`] computed from its own
//! amount, due date and the payments and credit notes matched to it by the ledger
//! ([`crate::ledger`]); the end date is the as-of date, also for a receivable settled late: with
//! interest-first imputation (C. civ. 1343-1, § 367 BGB) the payment that settled it in the books
//! paid its interest first, and the principal left bears interest until it is paid, as on an open
//! invoice (with nothing left, the statement stops accruing at the settlement). The regime is chosen per customer: an explicit choice, else the request's default,
//! else by the customer's country and kind of debtor ([`choose_regime`]: a French business →
//! `fr_b2b`, a French public body → `fr_public_procurement`, DE → `de_b2b`, GB →
//! `uk_late_payment`, another EU member state → `eu_directive`; none for consumers). A receivable
//! whose statement cannot be computed (no regime, a rate not yet known for the date) is listed in
//! `skipped` with the reason, never silently dropped.
//!
//! These are the statements, receivable by receivable; what is *claimed* from a customer (the
//! books' principal, disputes left out, penalties on invoices paid late claimed or not) is
//! [`crate::claim`]'s, built on them.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{
    compute_with_plan, DatedAmount, InterestOptions, InterestRequest, Plan, Regime, Statement,
};
use crate::calendar::date::serde_date;
use crate::error::{err, Result};
use crate::ledger::{AllocationSource, DebtorStatus, Ledger, ReceivableStatus};
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
    /// Whether the penalties still owed on receivables already settled late are claimed in the
    /// report's totals, the agenda's contacts and the letters (`claim`), or only shown as owed but
    /// not claimed (`omit`, the default). See [`crate::claim`].
    #[serde(default, skip_serializing_if = "is_omit")]
    pub settled_penalties: SettledPenalties,
    /// Whether the customers' credits on account (credit notes not matched, surpluses of
    /// payments) are set off against what they owe in claims (`set_off`, the default: C. civ.
    /// 1347, § 389 BGB), or left on the account (`ignore`). See [`crate::claim::set_off`].
    #[serde(default, skip_serializing_if = "is_set_off")]
    pub credits_on_account: CreditsOnAccount,
    /// Who each debtor is, by customer id, overriding the ledger's `customers[].debtor` (the
    /// agenda's and report's customer settings come here).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub debtors: BTreeMap<String, DebtorStatus>,
    /// Formal notices sent (mises en demeure, Mahnungen): where interest runs from a notice rather
    /// than from the due date (a consumer: C. civ. 1231-6, § 286 (1) BGB), each receivable's
    /// interest runs from the first notice to its customer dated after its due date. The agenda
    /// and the report add the journal's formal-notice steps here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notice>,
}

/// A formal notice sent to a customer: a mise en demeure (C. civ. 1344), a Mahnung (§ 286 (1)
/// BGB).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// Customer id.
    pub customer: String,
    /// The day it was sent.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub date: NaiveDate,
    /// The receivables (or invoices) it names; empty: every receivable of the customer due before
    /// `date` (a contact states the whole account, docs/dunning.md rule 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub receivables: Vec<String>,
}

impl LedgerInterestOptions {
    /// The kind of debtor of a customer: these options' `debtors`, else the ledger's record.
    pub fn debtor_of(&self, customer: &str, record: Option<DebtorStatus>) -> DebtorStatus {
        self.debtors
            .get(customer)
            .copied()
            .or(record)
            .unwrap_or_default()
    }

    /// The first notice to `customer` dated after `due_date` that covers the receivable (by its
    /// id or its invoice's).
    ///
    /// ```
    /// use arrears::interest::ledger::{LedgerInterestOptions, Notice};
    /// use chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let options = LedgerInterestOptions {
    ///     notices: vec![Notice { customer: "C1".into(), date: d(2, 14), receivables: vec![] }],
    ///     ..Default::default()
    /// };
    /// assert_eq!(options.notice_for("C1", "F1", "F1", d(1, 31)), Some(d(2, 14)));
    /// // A debt that fell due after the notice is not covered by it.
    /// assert_eq!(options.notice_for("C1", "F2", "F2", d(2, 29)), None);
    /// ```
    pub fn notice_for(
        &self,
        customer: &str,
        receivable: &str,
        invoice: &str,
        due_date: NaiveDate,
    ) -> Option<NaiveDate> {
        self.notices
            .iter()
            .filter(|n| n.customer == customer && n.date > due_date)
            .filter(|n| {
                n.receivables.is_empty()
                    || n.receivables
                        .iter()
                        .any(|r| r == receivable || r == invoice)
            })
            .map(|n| n.date)
            .min()
    }
}

/// Whether a regime's interest runs from a notice rather than from the due date, unless a contract
/// sets a date (C. civ. 1231-6; § 286 (1) BGB).
pub fn runs_from_notice(regime: Regime) -> bool {
    matches!(
        regime,
        Regime::FrLegalProfessional | Regime::FrLegalConsumer | Regime::DeConsumer
    )
}

/// What to do with penalties still owed on invoices that were paid late: L441-10 and D441-5
/// C. com. make them due (the EUR 40 "de plein droit"), but a creditor usually claims them
/// deliberately, not in every friendly reminder. The choice applies the same way in every output.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SettledPenalties {
    /// Shown as owed but left out of what is claimed (the default).
    #[default]
    Omit,
    /// Claimed with the open invoices: listed in contacts and letters and counted in totals.
    Claim,
}

/// What claims do with a customer's credits on account.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CreditsOnAccount {
    /// Set off against the overdue receivables, oldest first (the default).
    #[default]
    SetOff,
    /// Left on the account: claims ask for the receivables as the books match them.
    Ignore,
}

fn is_set_off(c: &CreditsOnAccount) -> bool {
    *c == CreditsOnAccount::SetOff
}

fn is_omit(s: &SettledPenalties) -> bool {
    *s == SettledPenalties::Omit
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
    /// Error code (`interest.no_regime` when no regime applies to the customer).
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
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub principal_outstanding: Decimal,
    /// Interest still owed.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest_outstanding: Decimal,
    /// Fixed compensation.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub fixed_compensation: Decimal,
    /// Principal + interest + fixed compensation.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub total_due: Decimal,
}

/// Interest for a whole ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct LedgerInterest {
    /// As-of date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub as_of: NaiveDate,
    /// One statement per late receivable, in ledger order.
    pub receivables: Vec<ReceivableInterest>,
    /// Per customer and currency, sorted.
    pub customers: Vec<CustomerInterest>,
    /// Late receivables without a statement.
    pub skipped: Vec<SkippedReceivable>,
}

/// The default regime for a customer's country (ISO 3166-1 alpha-2), for a business debtor.
///
/// ```
/// use arrears::interest::{ledger::regime_for_country, Regime};
/// assert_eq!(regime_for_country("FR"), Some(Regime::FrB2b));
/// assert_eq!(regime_for_country("it"), Some(Regime::EuDirective));
/// assert_eq!(regime_for_country("US"), None);
/// ```
pub fn regime_for_country(country: &str) -> Option<Regime> {
    choose_regime(Some(country), DebtorStatus::Business).ok()
}

/// EU member states (2026): directive 2011/7/EU applies to all of them.
const EU: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// The statutory regime for a customer of a country and a kind, or why there is none (an error
/// with the code `interest.no_regime` and the reason).
///
/// | country | business | public body | consumer |
/// |---|---|---|---|
/// | FR | `fr_b2b` (C. com. L441-10) | `fr_public_procurement` (C. commande publique R2192-31) | `fr_legal_professional` from a formal notice (C. civ. 1231-6) |
/// | DE | `de_b2b` (§ 288 (2) BGB) | `de_b2b` (§ 288 (2): no consumer is party) | `de_consumer` from default (§ 288 (1), § 286 BGB) |
/// | GB | `uk_late_payment` (Act 1998) | `uk_late_payment` (s. 2 (2): a public authority counts as a business) | none (the Act covers business contracts only) |
/// | other EU | `eu_directive` | `eu_directive` (art. 4 of directive 2011/7/EU) | none (the directive covers commercial transactions only) |
///
/// A consumer owes no statutory late-payment penalty **from the due date**. In France interest at
/// the legal rate runs from a formal notice (C. civ. 1231-6, 1344); the creditor being a business,
/// the rate is the one "for all other cases" (C. mon. fin. L313-2), and the EUR 40 indemnity is
/// for traders only (C. com. L441-10). In Germany a consumer is in default after a reminder that
/// follows the due date (§ 286 (1) BGB) and owes Basiszinssatz + 5 points (§ 288 (1)), no EUR 40
/// (§ 288 (5) is for non-consumers). The ledger's statements take the date from
/// [`LedgerInterestOptions::notices`]; without one a consumer's debt has no interest
/// (`interest.no_notice`).
///
/// ```
/// use arrears::interest::{ledger::choose_regime, Regime};
/// use arrears::ledger::DebtorStatus;
/// assert_eq!(choose_regime(Some("FR"), DebtorStatus::PublicBody)?, Regime::FrPublicProcurement);
/// assert_eq!(choose_regime(Some("gb"), DebtorStatus::Business)?, Regime::UkLatePayment);
/// assert_eq!(choose_regime(Some("FR"), DebtorStatus::Consumer)?, Regime::FrLegalProfessional);
/// assert_eq!(choose_regime(Some("DE"), DebtorStatus::Consumer)?, Regime::DeConsumer);
/// let none = choose_regime(None, DebtorStatus::Business).unwrap_err();
/// assert_eq!(none.code().as_str(), "interest.no_regime");
/// assert!(choose_regime(Some("GB"), DebtorStatus::Consumer).is_err());
/// # Ok::<(), arrears::Error>(())
/// ```
///
/// # Errors
/// `interest.no_regime`, with the reason in the message.
pub fn choose_regime(country: Option<&str>, debtor: DebtorStatus) -> Result<Regime> {
    let Some(country) = country.map(|c| c.trim().to_ascii_uppercase()) else {
        return Err(err!(
            NoRegime,
            "the customer has no country, so no statute applies: give it a country (ISO 3166-1, e.g. FR) or choose a regime"
        ));
    };
    let country = if country == "UK" {
        "GB".to_string()
    } else {
        country
    };
    let eu = EU.contains(&country.as_str());
    match (country.as_str(), debtor) {
        // The creditor is a business, so the French legal rate is the one "for all other cases"
        // (C. mon. fin. L313-2), from a formal notice (C. civ. 1231-6), with no EUR 40 (a trader's
        // indemnity, C. com. L441-10); in Germany Basiszinssatz + 5 from default (§ 288 (1), § 286
        // BGB).
        ("FR", DebtorStatus::Consumer) => Ok(Regime::FrLegalProfessional),
        ("DE", DebtorStatus::Consumer) => Ok(Regime::DeConsumer),
        ("GB", DebtorStatus::Consumer) => Err(err!(
            NoRegime,
            "the Late Payment of Commercial Debts (Interest) Act 1998 applies to business contracts, not to consumers (s. 2)"
        )),
        (_, DebtorStatus::Consumer) if eu => Err(err!(
            NoRegime,
            "directive 2011/7/EU covers commercial transactions, not consumers"
        )),
        ("FR", DebtorStatus::PublicBody) => Ok(Regime::FrPublicProcurement),
        ("FR", _) => Ok(Regime::FrB2b),
        ("DE", _) => Ok(Regime::DeB2b),
        ("GB", _) => Ok(Regime::UkLatePayment),
        _ if eu => Ok(Regime::EuDirective),
        (other, _) => Err(err!(
            NoRegime,
            "no statutory regime is known for customers in {other}: choose a regime (eu_directive, contractual, ...)"
        )),
    }
}

/// The regime of a customer's debts, and whether the statute chose it (rather than the caller).
///
/// # Errors
/// `interest.no_regime`, as [`choose_regime`].
pub fn regime_of(
    opts: &LedgerInterestOptions,
    customer: &str,
    record: Option<&crate::ledger::CustomerRecord>,
) -> Result<(Regime, bool)> {
    match opts.by_customer.get(customer).copied().or(opts.regime) {
        Some(regime) => Ok((regime, false)),
        None => choose_regime(
            record.and_then(|c| c.country.as_deref()),
            opts.debtor_of(customer, record.map(|c| c.debtor_status())),
        )
        .map(|regime| (regime, true)),
    }
}

/// The notice a receivable's interest runs from, when its regime runs from one: the first notice
/// covering it ([`LedgerInterestOptions::notice_for`]). A regime the statute chose for a consumer
/// needs one (`interest.no_notice`); one the caller chose runs from the due date without (a
/// contract that sets the start).
pub(crate) fn notice_of(
    opts: &LedgerInterestOptions,
    regime: Regime,
    by_statute: bool,
    customer: &str,
    receivable: &str,
    invoice: &str,
    due_date: NaiveDate,
) -> Result<Option<NaiveDate>> {
    if !runs_from_notice(regime) {
        return Ok(None);
    }
    match opts.notice_for(customer, receivable, invoice, due_date) {
        Some(date) => Ok(Some(date)),
        None if by_statute => Err(no_notice(regime)),
        None => Ok(None),
    }
}

/// Why a consumer's debt has no interest yet.
pub fn no_notice(regime: Regime) -> crate::Error {
    if regime == Regime::DeConsumer {
        err!(
            NoNotice,
            "a consumer is in default only after a reminder that follows the due date (§ 286 (1) BGB): no notice after the due date is recorded, so no interest is owed yet"
        )
    } else {
        err!(
            NoNotice,
            "against a consumer, interest at the legal rate runs from a formal notice (C. civ. 1231-6): none after the due date is recorded, so no interest is owed yet"
        )
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
    for_state_with(ledger, state, opts, table, open_only, &HashMap::new())
}

/// The same with payments beyond the ledger's matching, by receivable id: the credits on account
/// a claim sets off against it ([`crate::claim::set_off`]), imputed as payments of their date.
///
/// # Errors
/// As [`for_ledger`].
pub fn for_state_with(
    ledger: &Ledger,
    state: &crate::ledger::LedgerState,
    opts: &LedgerInterestOptions,
    table: &RateTable,
    open_only: bool,
    set_off: &HashMap<&str, Vec<DatedAmount>>,
) -> Result<LedgerInterest> {
    let as_of = state.as_of;
    let customers: BTreeMap<&str, &crate::ledger::CustomerRecord> = ledger
        .document()
        .customers
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    let is_late = |r: &&crate::ledger::ReceivableState| {
        r.days_late > 0
            && matches!(
                r.status,
                ReceivableStatus::Overdue | ReceivableStatus::Paid | ReceivableStatus::WrittenOff
            )
            && !(open_only && r.status != ReceivableStatus::Overdue)
    };
    let late: Vec<&crate::ledger::ReceivableState> =
        state.receivables.iter().filter(is_late).collect();
    // The allocations of the late receivables, grouped by receivable in their replay order: one
    // sort of (receivable, allocation) pairs rather than a vector per receivable.
    let slot_of: std::collections::HashMap<&str, usize> = late
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut pairs: Vec<(usize, usize)> = state
        .allocations
        .iter()
        .enumerate()
        .filter_map(|(k, a)| slot_of.get(a.receivable.as_str()).map(|i| (*i, k)))
        .collect();
    drop(slot_of);
    pairs.sort_unstable();
    let mut pairs = pairs.into_iter().peekable();
    let mut receivables = Vec::new();
    let mut skipped = Vec::new();
    let mut per: BTreeMap<(&str, Currency), CustomerInterest> = BTreeMap::new();
    for (slot, r) in late.into_iter().enumerate() {
        let mut mine: Vec<&crate::ledger::Allocation> = Vec::new();
        while let Some((_, k)) = pairs.next_if(|(i, _)| *i == slot) {
            mine.extend(state.allocations.get(k));
        }
        let chosen = regime_of(
            opts,
            &r.customer,
            customers.get(r.customer.as_str()).copied(),
        )
        .and_then(|(regime, by_statute)| {
            let notice = notice_of(
                opts,
                regime,
                by_statute,
                &r.customer,
                &r.id,
                &r.invoice,
                r.due_date,
            )?;
            Ok((regime, notice))
        });
        let (regime, notice_date) = match chosen {
            Ok(chosen) => chosen,
            Err(e) => {
                skipped.push(SkippedReceivable {
                    receivable: r.id.clone(),
                    customer: r.customer.clone(),
                    code: e.code().as_str().to_string(),
                    reason: e.message().to_string(),
                });
                continue;
            }
        };
        let mut payments = Vec::new();
        let mut credits = Vec::new();
        for a in mine {
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
        payments.extend(set_off.get(r.id.as_str()).into_iter().flatten().cloned());
        // A receivable settled late still runs to the as-of date: with interest-first imputation
        // (C. civ. 1343-1, § 367 BGB) the payment that settled it in the books paid the interest
        // first, and the principal it left bears interest like any other until it is paid. With
        // nothing left to bear interest the statement stops accruing at the settlement
        // (the engine looks no further), so principal-first debts end as before.
        let until = as_of;
        let mut options = opts.options.clone();
        if notice_date.is_some() {
            options.notice_date = notice_date;
        }
        let request = InterestRequest {
            regime,
            principal: r.amount,
            currency: r.currency,
            due_date: r.due_date,
            until,
            payments,
            credits,
            options,
            rates: Vec::new(),
        };
        let result = Plan::resolve(&request, table)
            .and_then(|plan| compute_with_plan(&request, &plan, table));
        match result {
            Ok(statement) => {
                let entry = per
                    .entry((r.customer.as_str(), r.currency))
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
