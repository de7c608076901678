//! The kind of debtor (docs/domain.md §4), estimated from behaviour: **cannot pay** (offer a payment
//! plan), **late on purpose** (firm mode) or **avoids** (formal notice early), with the evidence;
//! `unknown` when the evidence is thin or mixed.
//!
//! Each kind has a list of signals (`docs/risk.md` gives the thresholds). The kind with the most
//! signals wins when it has at least two and strictly more than any other kind; otherwise the
//! estimate is `unknown` and the evidence lists what was seen. A customer that pays on time (mean
//! delay under 10 days, nothing overdue more than 30 days, no broken promise, no write-off) is
//! not classified: the kinds describe late payers.

use serde::{Deserialize, Serialize};

use super::features::CustomerFeatures;
use crate::dunning::policy::DebtorKind;

/// The estimated kind.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EstimatedKind {
    /// Wants to pay but cannot.
    CannotPay,
    /// Pays late on purpose.
    LateOnPurpose,
    /// Avoids paying.
    Avoids,
    /// Not enough evidence, or mixed evidence.
    Unknown,
}

impl EstimatedKind {
    /// The dunning kind to record in the journal (`None` for `unknown`).
    ///
    /// ```
    /// use arrears::risk::EstimatedKind;
    /// use arrears::dunning::policy::DebtorKind;
    /// assert_eq!(EstimatedKind::Avoids.to_debtor_kind(), Some(DebtorKind::Avoids));
    /// assert_eq!(EstimatedKind::Unknown.to_debtor_kind(), None);
    /// ```
    pub fn to_debtor_kind(self) -> Option<DebtorKind> {
        match self {
            EstimatedKind::CannotPay => Some(DebtorKind::CannotPay),
            EstimatedKind::LateOnPurpose => Some(DebtorKind::LateOnPurpose),
            EstimatedKind::Avoids => Some(DebtorKind::Avoids),
            EstimatedKind::Unknown => None,
        }
    }
}

/// The estimate and its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct KindEstimate {
    /// The kind.
    pub kind: EstimatedKind,
    /// The signals behind it (for `unknown`: what was seen, or why nothing was).
    pub evidence: Vec<String>,
}

fn pct(x: f64) -> String {
    format!("{:.0} %", (x * 100.0).round())
}

/// Estimates the kind of debtor from the features.
///
/// ```
/// use arrears::risk::{features, estimate_kind, EstimatedKind};
/// # let ledger = arrears::ledger::Ledger::new(serde_json::from_value(serde_json::json!({
/// #   "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2025-01-01",
/// #                 "due_date": "2025-01-31", "amount": "100.00", "currency": "EUR"}]})).unwrap())?;
/// # let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 10).unwrap();
/// let f = features(&ledger, &[], day, &Default::default())?;
/// assert_eq!(estimate_kind(&f[0]).kind, EstimatedKind::Unknown);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn estimate_kind(f: &CustomerFeatures) -> KindEstimate {
    let mean = f.mean_days_late.unwrap_or(0.0);
    let late_payer =
        mean >= 10.0 || f.oldest_overdue_days > 30 || f.broken_promises > 0 || f.written_off > 0;
    if !late_payer {
        let why = if f.paid == 0 && f.overdue_receivables == 0 {
            "no payment history yet".to_string()
        } else {
            "pays on time or nearly: not a late payer".to_string()
        };
        return KindEstimate {
            kind: EstimatedKind::Unknown,
            evidence: vec![why],
        };
    }

    let mut cannot = Vec::new();
    let mut purpose = Vec::new();
    let mut avoids = Vec::new();
    let unkept = f.broken_promises.saturating_sub(f.promises_kept_late);

    // Cannot pay: pays what it can, when it can.
    if let Some(s) = f.partial_share.filter(|s| *s >= 0.25) {
        cannot.push(format!(
            "pays in parts: {} of {} invoices ({})",
            f.paid_in_parts,
            f.with_payment,
            pct(s)
        ));
    }
    if f.promises_kept_late > 0 {
        cannot.push(format!(
            "keeps promises, but late: {} paid after the promised date",
            f.promises_kept_late
        ));
    }
    if f.plans > 0 {
        cannot.push(format!("agreed {} payment plan(s)", f.plans));
    }
    if f.oldest_overdue_days > 30 {
        if let Some(last) = f.last_payment {
            if f.silence_days <= 30 {
                cannot.push(format!(
                    "still paying while overdue: last payment on {last}"
                ));
            }
        }
    }

    // Late on purpose: pays in full, regularly late, while looking solvent. Nothing here counts
    // unless the customer looks solvent: no long silence, nothing open for more than 90 days, no
    // write-off, no promise left unpaid, and a bureau score of at least 50 when one is given.
    let solvent = f.silence_days < 60
        && f.oldest_overdue_days <= 90
        && f.written_off == 0
        && unkept == 0
        && f.bureau_score.is_none_or(|b| b >= 50.0);
    if solvent && f.paid >= 3 {
        if let Some(s) = f.late_share.filter(|s| *s >= 0.75) {
            purpose.push(format!(
                "consistently late: {} of {} paid invoices after the due date ({})",
                f.paid_late,
                f.paid,
                pct(s)
            ));
        }
        if f.partial_share.is_some_and(|s| s < 0.1) {
            purpose.push("pays every invoice in full, in one payment".to_string());
        }
        if let (Some(m), Some(p)) = (f.median_days_late, f.p90_days_late) {
            if m >= 5.0 && (p as f64 - m) <= 15.0 {
                purpose.push(format!(
                    "regular delay: median {} days, 90th percentile {p} days",
                    super::score::days_text(m)
                ));
            }
        }
        if let Some(b) = f.bureau_score.filter(|b| *b >= 60.0) {
            purpose.push(format!("looks solvent: credit-bureau score {b:.0}/100"));
        }
    }

    // Avoids: broken word, silence, disputes without substance.
    if unkept >= 2 {
        avoids.push(format!("{unkept} promises broken and still unpaid"));
    }
    if f.silence_days >= 60 {
        avoids.push(format!(
            "no payment for {} days while invoices are overdue",
            f.silence_days
        ));
    }
    if f.reminders_per_invoice.is_some_and(|r| r >= 2.0) && f.silence_days >= 30 {
        avoids.push(format!(
            "reminders go unanswered: {} reminders over {} invoices",
            f.reminders, f.invoices
        ));
    }
    if f.disputes_without_substance > 0 {
        avoids.push(format!(
            "{} dispute(s) closed without any credit note",
            f.disputes_without_substance
        ));
    }
    if f.written_off > 0 {
        avoids.push(format!("{} receivable(s) written off", f.written_off));
    }

    let counts = [
        (EstimatedKind::CannotPay, cannot.len()),
        (EstimatedKind::LateOnPurpose, purpose.len()),
        (EstimatedKind::Avoids, avoids.len()),
    ];
    let best = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let leaders: Vec<EstimatedKind> = counts
        .iter()
        .filter(|(_, n)| *n == best)
        .map(|(k, _)| *k)
        .collect();
    match leaders.as_slice() {
        [k] if best >= 2 => KindEstimate {
            kind: *k,
            evidence: match k {
                EstimatedKind::CannotPay => cannot,
                EstimatedKind::LateOnPurpose => purpose,
                _ => avoids,
            },
        },
        _ => {
            let mut evidence = Vec::new();
            if best == 0 {
                evidence.push("late, but no signal of any kind yet".to_string());
            } else {
                evidence.push(format!(
                    "evidence thin or mixed: cannot pay {}, late on purpose {}, avoids {}",
                    cannot.len(),
                    purpose.len(),
                    avoids.len()
                ));
            }
            evidence.extend(cannot);
            evidence.extend(purpose);
            evidence.extend(avoids);
            KindEstimate {
                kind: EstimatedKind::Unknown,
                evidence,
            }
        }
    }
}
