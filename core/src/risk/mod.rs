//! Risk: per-customer behaviour features, an explainable score and grade, recommended terms
//! (deposit, term, credit limit, payment method), the kind of debtor, and a back-test on the
//! user's own history. `docs/risk.md` documents every factor, weight and policy default, and why.
//!
//! The score is a **transparent additive model**: each factor adds whole points (positive for
//! risk, negative for comfort) from documented default weights the caller may override; the sum,
//! clamped to `0..=100`, is the score (0 safest), and the grade A–E follows from it. Every
//! customer's answer lists its factors, largest first, each with its value, its points and a
//! sentence ("pays 34 days late on average over 6 paid invoices (+17 points)"), so a credit
//! controller can check the arithmetic by hand. Customers with little payment history lean on
//! the sector prior of docs/domain.md §9 and are flagged `thin_file`.
//!
//! Only data dated on or before the as-of date counts: the ledger is replayed to that date and
//! later journal entries are ignored. No floats touch money (amounts, limits and sales are
//! decimals); ratios, points and the back-test's measures are `f64`.
//!
//! ```
//! use arrears::ledger::{Ledger, LedgerDocument};
//! use arrears::risk::{assess, Grade, RiskOptions};
//! use chrono::NaiveDate;
//!
//! // Six invoices, each paid 20 days late.
//! let mut invoices = Vec::new();
//! let mut payments = Vec::new();
//! for m in 1..=6u32 {
//!     invoices.push(serde_json::json!({"id": format!("F{m}"), "customer": "C1",
//!         "issue_date": format!("2025-{m:02}-01"), "due_date": format!("2025-{m:02}-05"),
//!         "amount": "1000.00", "currency": "EUR"}));
//!     payments.push(serde_json::json!({"customer": "C1", "invoice": format!("F{m}"),
//!         "date": format!("2025-{m:02}-25"), "amount": "1000.00", "currency": "EUR"}));
//! }
//! let doc: LedgerDocument = serde_json::from_value(serde_json::json!({
//!     "customers": [{"id": "C1", "sector": "services"}],
//!     "invoices": invoices, "payments": payments})).unwrap();
//! let ledger = Ledger::new(doc)?;
//! let as_of = NaiveDate::from_ymd_opt(2025, 7, 15).unwrap();
//! let risk = assess(&ledger, &[], as_of, &RiskOptions::default())?;
//! let c1 = &risk[0];
//! // 20 days × 0.5 = 10, all late 10, 90th percentile 20 × 0.1 = 2: 22 points, grade B.
//! assert_eq!(c1.score, 22);
//! assert_eq!(c1.grade, Grade::B);
//! assert_eq!(c1.factors[0].explanation,
//!            "pays 20 days late on average over 6 paid invoices (+10 points)");
//! assert_eq!(c1.recommended_terms.max_term_days, 45);
//! # Ok::<(), arrears::Error>(())
//! ```

pub mod backtest;
mod features;
pub mod kind;
pub mod ops;
pub mod score;
pub mod terms;
pub mod weights;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use backtest::{backtest, Backtest, BacktestOptions};
pub use features::{
    CurrencyAmount, CustomerFeatures, Exposure, ExternalInputs, PROMISE_GRACE_DAYS,
};
pub use kind::{estimate_kind, EstimatedKind, KindEstimate};
pub use score::{score, Factor, Grade, Score};
pub use terms::{recommend, CreditLimit, GradeTerms, PaymentMethod, RecommendedTerms, TermsPolicy};
pub use weights::Weights;

use crate::dunning::journal::JournalEntry;
use crate::error::Result;
use crate::ledger::Ledger;
use features::{check_references, extract, Inputs};

/// What the caller adds to the ledger and journal: external inputs, weights, terms policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskOptions {
    /// Per customer id: credit-bureau score and new-customer flag.
    #[serde(default)]
    pub external: BTreeMap<String, ExternalInputs>,
    /// Score weights (defaults documented on [`Weights`]).
    #[serde(default)]
    pub weights: Weights,
    /// Terms per grade (defaults documented on [`TermsPolicy`]).
    #[serde(default)]
    pub terms_policy: TermsPolicy,
}

/// The risk assessment of one customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct CustomerRisk {
    /// Customer id.
    pub customer: String,
    /// Name, when the ledger lists the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 0 (safest) to 100 (riskiest).
    pub score: u32,
    /// A (best) to E.
    pub grade: Grade,
    /// Fewer paid invoices than a full history needs: the sector prior carries weight.
    pub thin_file: bool,
    /// Credibility of the payment history, 0 to 1.
    pub credibility: f64,
    /// The factors with non-zero points, largest first.
    pub factors: Vec<Factor>,
    /// Terms to offer.
    pub recommended_terms: RecommendedTerms,
    /// The kind of debtor and its evidence.
    pub debtor_kind: KindEstimate,
    /// Every feature the score was computed from.
    pub features: CustomerFeatures,
}

/// The features of every customer the ledger lists or has invoiced by the as-of date, sorted by
/// id.
///
/// # Errors
/// As [`assess`].
///
/// ```
/// use arrears::ledger::{Ledger, LedgerDocument};
/// use chrono::NaiveDate;
/// let doc: LedgerDocument = serde_json::from_value(serde_json::json!({
///   "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2025-01-01",
///                 "due_date": "2025-01-31", "amount": "100.00", "currency": "EUR"}],
///   "payments": [{"customer": "C1", "date": "2025-02-10", "amount": "100.00", "currency": "EUR"}]
/// })).unwrap();
/// let ledger = Ledger::new(doc)?;
/// let f = arrears::risk::features(&ledger, &[], NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
///                                 &Default::default())?;
/// assert_eq!(f[0].paid, 1);
/// assert_eq!(f[0].mean_days_late, Some(10.0));
/// // As of 5 February the payment does not exist yet: the invoice is 5 days overdue.
/// let f = arrears::risk::features(&ledger, &[], NaiveDate::from_ymd_opt(2025, 2, 5).unwrap(),
///                                 &Default::default())?;
/// assert_eq!(f[0].paid, 0);
/// assert_eq!(f[0].oldest_overdue_days, 5);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn features(
    ledger: &Ledger,
    journal: &[JournalEntry],
    as_of: NaiveDate,
    options: &RiskOptions,
) -> Result<Vec<CustomerFeatures>> {
    options.weights.check()?;
    check_references(
        ledger,
        journal,
        options
            .external
            .iter()
            .map(|(c, x)| (c.as_str(), format!("external.{c}"), x)),
    )?;
    let state = ledger.state_as_of(as_of)?;
    // Customers listed, and customers with an invoice issued by the as-of date: one named only
    // by a later invoice does not exist yet.
    let customers: BTreeSet<String> = ledger
        .document()
        .customers
        .iter()
        .map(|c| c.id.clone())
        .chain(state.receivables.iter().map(|r| r.customer.clone()))
        .collect();
    let map = extract(
        &Inputs {
            ledger,
            state: &state,
            journal,
            external: &options.external,
            weights: &options.weights,
        },
        &customers,
    )?;
    Ok(map.into_values().collect())
}

/// Scores every customer the ledger lists or has invoiced by the as-of date: score, grade,
/// factors, recommended terms and debtor kind, sorted by customer id.
///
/// # Errors
/// `input.invalid_value` for bad weights, terms policy or bureau scores;
/// `dunning.invalid_journal` for a journal entry naming a customer the ledger does not know;
/// `ledger.unknown_customer` for external inputs naming one; the errors of
/// [`Ledger::state_as_of`].
pub fn assess(
    ledger: &Ledger,
    journal: &[JournalEntry],
    as_of: NaiveDate,
    options: &RiskOptions,
) -> Result<Vec<CustomerRisk>> {
    options.terms_policy.check()?;
    let all = features(ledger, journal, as_of, options)?;
    let mut out = Vec::with_capacity(all.len());
    for f in all {
        let s = score(&f, &options.weights);
        let recommended_terms = recommend(&f, s.grade, s.thin_file, &options.terms_policy)?;
        let debtor_kind = estimate_kind(&f);
        out.push(CustomerRisk {
            customer: f.customer.clone(),
            name: f.name.clone(),
            score: s.score,
            grade: s.grade,
            thin_file: s.thin_file,
            credibility: s.credibility,
            factors: s.factors,
            recommended_terms,
            debtor_kind,
            features: f,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
