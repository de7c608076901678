//! Request and response documents of the `due_date` and `check_terms` operations of
//! [`crate::run`].
//!
//! ```
//! let out = arrears::run("due_date", &serde_json::json!({
//!     "terms": {"kind": "deposit", "share_percent": "30",
//!               "balance_terms": {"kind": "net_days", "days": 30}},
//!     "issue_date": "2025-03-10", "amount": "1000.01", "currency": "EUR"
//! }))?;
//! assert_eq!(out["due_date"], serde_json::Value::Null);
//! assert_eq!(out["schedule"][0]["amount"], "300.00");
//! assert_eq!(out["schedule"][1]["amount"], "700.01");
//! assert_eq!(out["schedule"][1]["due_date"], "2025-04-09");
//! # Ok::<(), arrears::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::checks::de_instalments_note;
use super::{
    check_terms as check, roll_not_before, DebtorKind, DueDateRoll, Finding, FindingCode,
    Jurisdiction, PaymentTerms,
};
use crate::error::{err, Result};
use crate::money::{Currency, Money};

/// `due_date` request.
///
/// `{"terms": {...}, "issue_date": "2025-01-15", "amount"?: "1200.00", "currency"?: "EUR",
/// "roll"?: {"calendar": "fr", "roll": "following"}, "jurisdiction"?: "fr", "debtor"?:
/// "business"}`. `amount` and `currency` go together; with `jurisdiction` the due dates are
/// checked against its caps (`debtor` defaults to `business`).
///
/// ```
/// use arrears::terms::ops::DueDateRequest;
/// let r: DueDateRequest = serde_json::from_value(serde_json::json!({
///     "terms": {"kind": "immediate"}, "issue_date": "2025-01-15", "jurisdiction": "fr"})).unwrap();
/// assert!(r.amount.is_none() && r.debtor.is_none());
/// // Requests refuse unknown fields.
/// assert!(serde_json::from_value::<DueDateRequest>(serde_json::json!({
///     "terms": {"kind": "immediate"}, "issue_date": "2025-01-15", "issued": "x"})).is_err());
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "`due_date` request: payment terms and an issue date; optionally an amount with its currency to split across the schedule, a roll to business days, and a jurisdiction (with the debtor, default `business`) whose caps the due dates are checked against. `amount` and `currency` go together. Unknown fields are refused."
    )
)]
#[serde(deny_unknown_fields)]
pub struct DueDateRequest {
    /// The payment terms.
    pub terms: PaymentTerms,
    /// The invoice's issue date.
    #[serde(with = "crate::calendar::date::serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub issue_date: NaiveDate,
    /// The invoice amount, to split across the schedule.
    #[serde(
        default,
        with = "crate::money::decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub amount: Option<Decimal>,
    /// The currency of `amount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Moves due dates that are not business days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roll: Option<DueDateRoll>,
    /// Check the due dates against this jurisdiction's caps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<Jurisdiction>,
    /// The debtor, for the check (default `business`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debtor: Option<DebtorKind>,
}

/// `due_date` response: `{"due_date", "currency"?, "schedule": [...], "findings": [...]}`.
///
/// ```
/// let out = arrears::run("due_date", &serde_json::json!({
///     "terms": {"kind": "instalments", "count": 2, "every": {"months": 1}}, "issue_date": "2025-01-31"}))?;
/// assert_eq!(out["due_date"], serde_json::Value::Null);
/// assert_eq!(out["schedule"][1]["due_date"], "2025-02-28");
/// assert_eq!(out["findings"], serde_json::json!([]));
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "`due_date` response: the due date when the terms give one, the schedule of receivables and the legal findings."
    )
)]
pub struct DueDateResponse {
    /// The due date (rolled) when the terms give one; `null` for deposits and instalments.
    #[serde(with = "crate::calendar::date::serde_date::option")]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub due_date: Option<NaiveDate>,
    /// The currency of the amounts, when an amount was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// One item per receivable, in order.
    pub schedule: Vec<ScheduleItem>,
    /// Legal findings (empty without `jurisdiction`).
    pub findings: Vec<Finding>,
}

/// One receivable of a [`DueDateResponse`].
///
/// ```
/// let out = arrears::run("due_date", &serde_json::json!({
///     "terms": {"kind": "net_days", "days": 30}, "issue_date": "2025-04-01",
///     "amount": "10.00", "currency": "EUR", "roll": {"calendar": "fr", "roll": "following"}}))?;
/// assert_eq!(out["schedule"][0], serde_json::json!({"label": "1/1", "due_date": "2025-05-02",
///     "rolled_from": "2025-05-01", "share_percent": "100", "amount": "10.00"}));
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(description = "One receivable of a `due_date` response.")
)]
pub struct ScheduleItem {
    /// `1/1`, `deposit`, `balance`, `1/3`, `balance 2/3`, ...
    pub label: String,
    /// The due date, after the roll.
    #[serde(with = "crate::calendar::date::serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub due_date: NaiveDate,
    /// The date the terms gave, when the roll moved it.
    #[serde(
        default,
        with = "crate::calendar::date::serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub rolled_from: Option<NaiveDate>,
    /// Share of the amount in percent, rounded half-up to 4 decimals, when known.
    #[serde(
        default,
        with = "crate::money::decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub share_percent: Option<Decimal>,
    /// The amount, with the currency's decimals, when an amount was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub amount: Option<String>,
}

/// Runs `due_date`: the due date(s) of the terms, optionally amounts, a roll and legal findings.
///
/// The legal check looks at the dates the terms give, before any roll: the caps limit what the
/// parties agree, and a roll to the next business day is not part of that agreement.
///
/// # Errors
/// `input.invalid_value` when only one of `amount` and `currency` is given, or `debtor` without
/// `jurisdiction`; the errors of [`PaymentTerms::schedule`] and [`DueDateRoll::apply`].
///
/// ```
/// use arrears::terms::ops::{due_date, DueDateRequest};
/// let req: DueDateRequest = serde_json::from_value(serde_json::json!({
///     "terms": {"kind": "net_days", "days": 30}, "issue_date": "2025-01-16",
///     "roll": {"calendar": "weekends", "roll": "following"}
/// })).unwrap();
/// let res = due_date(req)?;
/// // 15 February 2025 is a Saturday.
/// assert_eq!(res.due_date.map(|d| d.to_string()), Some("2025-02-17".to_string()));
/// assert_eq!(res.schedule[0].rolled_from.map(|d| d.to_string()), Some("2025-02-15".to_string()));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn due_date(req: DueDateRequest) -> Result<DueDateResponse> {
    let amount = match (req.amount, req.currency) {
        (Some(a), Some(c)) => Some(Money::new(a, c)),
        (None, None) => None,
        (Some(_), None) => return Err(err!(InvalidValue, "`amount` needs a `currency`")),
        (None, Some(_)) => return Err(err!(InvalidValue, "`currency` needs an `amount`")),
    };
    if req.debtor.is_some() && req.jurisdiction.is_none() {
        return Err(err!(InvalidValue, "`debtor` needs a `jurisdiction`"));
    }
    if let Some(a) = amount {
        a.require_minor_units()?;
        if a.is_negative() {
            return Err(err!(
                NegativeAmount,
                "cannot schedule a negative amount ({a})"
            ));
        }
    }
    let issue = req.issue_date;
    let leaves = req.terms.leaves(issue, amount)?;
    let calendar = req
        .roll
        .as_ref()
        .map(|r| r.to_calendar().map(|c| (c, r.roll)))
        .transpose()?;

    let mut schedule = Vec::with_capacity(leaves.len());
    for leaf in &leaves {
        let due = match &calendar {
            Some((cal, roll)) => roll_not_before(cal, *roll, leaf.due_date, issue)?,
            None => leaf.due_date,
        };
        schedule.push(ScheduleItem {
            label: leaf.label.clone(),
            due_date: due,
            rolled_from: (due != leaf.due_date).then_some(leaf.due_date),
            share_percent: leaf.share.map(super::display_share),
            amount: leaf.amount.map(Money::to_minor_string),
        });
    }

    let mut findings = Vec::new();
    if let Some(jurisdiction) = req.jurisdiction {
        let debtor = req.debtor.unwrap_or_default();
        let several = leaves.len() > 1;
        for leaf in &leaves {
            for mut f in check(jurisdiction, debtor, issue, leaf.due_date, leaf.terms) {
                // The consumer note is about the debtor, not about a part: say it once.
                if f.code == FindingCode::ConsumerNoStatutoryCap {
                    if findings.iter().any(|g: &Finding| g.code == f.code) {
                        continue;
                    }
                } else if several {
                    f.part = Some(leaf.label.clone());
                }
                findings.push(f);
            }
        }
        // § 271a (5) Nr. 1 BGB takes instalment agreements out of the caps: say so before the
        // per-part findings rather than drop them, since a deposit and balance may not be an
        // instalment agreement in the statute's sense.
        if jurisdiction == Jurisdiction::De && several && !findings.is_empty() {
            let last = leaves
                .iter()
                .map(|l| crate::calendar::date::days_between(issue, l.due_date))
                .max()
                .unwrap_or(0);
            findings.insert(0, de_instalments_note(last));
        }
    }

    let due_date = match schedule.as_slice() {
        [only] => Some(only.due_date),
        _ => None,
    };
    Ok(DueDateResponse {
        due_date,
        currency: amount.map(Money::currency),
        schedule,
        findings,
    })
}

/// `check_terms` request: `{"jurisdiction", "debtor", "issue_date", "due_date", "terms"?}`.
///
/// ```
/// use arrears::terms::ops::CheckTermsRequest;
/// let r: CheckTermsRequest = serde_json::from_value(serde_json::json!({
///     "jurisdiction": "de", "debtor": "business",
///     "issue_date": "2025-01-10", "due_date": "2025-04-10"})).unwrap();
/// assert!(r.terms.is_none());
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckTermsRequest {
    /// Whose caps.
    pub jurisdiction: Jurisdiction,
    /// Who owes the money.
    pub debtor: DebtorKind,
    /// The invoice's issue date.
    #[serde(with = "crate::calendar::date::serde_date")]
    pub issue_date: NaiveDate,
    /// The agreed due date.
    #[serde(with = "crate::calendar::date::serde_date")]
    pub due_date: NaiveDate,
    /// The terms the due date comes from (in France they select the 45-days-end-of-month method).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<PaymentTerms>,
}

/// `check_terms` response: `{"findings": [...]}`.
///
/// ```
/// use arrears::terms::ops::{check_terms, CheckTermsRequest};
/// let r: CheckTermsRequest = serde_json::from_value(serde_json::json!({
///     "jurisdiction": "eu", "debtor": "business",
///     "issue_date": "2025-01-10", "due_date": "2025-03-11"})).unwrap();
/// assert!(check_terms(r)?.findings.is_empty()); // exactly 60 days
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CheckTermsResponse {
    /// What the check found; empty when the term is within every cap.
    pub findings: Vec<Finding>,
}

/// Runs `check_terms` (see [`super::check_terms`]).
///
/// # Errors
/// None beyond the request's own parsing; the function returns `Result` like every operation.
///
/// ```
/// let out = arrears::run("check_terms", &serde_json::json!({
///     "jurisdiction": "uk", "debtor": "public_authority",
///     "issue_date": "2025-01-10", "due_date": "2025-02-24"
/// }))?;
/// assert_eq!(out["findings"][0]["code"], "terms.uk_public_over_30_days");
/// assert_eq!(out["findings"][0]["days"], 45);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn check_terms(req: CheckTermsRequest) -> Result<CheckTermsResponse> {
    Ok(CheckTermsResponse {
        findings: check(
            req.jurisdiction,
            req.debtor,
            req.issue_date,
            req.due_date,
            req.terms.as_ref(),
        ),
    })
}
