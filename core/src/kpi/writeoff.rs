//! Write-off candidates: open receivables that look irrecoverable, each with its reasons.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::history::{is_payment, History, Scope};
use crate::calendar::date::{add_days, serde_date};
use crate::dunning::limitation::limitation_date;
use crate::error::Result;
use crate::money::{decimal_string, Currency};

/// Thresholds of the write-off signals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WriteOffOptions {
    /// Days late beyond which a receivable is a candidate on its own (default 360).
    #[serde(default = "default_days_late")]
    pub days_late: u32,
    /// Days late beyond which the customer's other signals count (default 90).
    #[serde(default = "default_signal_days_late")]
    pub signal_days_late: u32,
    /// Days without any payment from the customer that count as silence (default 180).
    #[serde(default = "default_silence_days")]
    pub silence_days: u32,
}

fn default_days_late() -> u32 {
    360
}

fn default_signal_days_late() -> u32 {
    90
}

fn default_silence_days() -> u32 {
    180
}

impl Default for WriteOffOptions {
    fn default() -> Self {
        WriteOffOptions {
            days_late: default_days_late(),
            signal_days_late: default_signal_days_late(),
            silence_days: default_silence_days(),
        }
    }
}

/// Why a receivable is a candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct WriteOffReason {
    /// Stable code: `over_days_late`, `time_barred`, `customer_written_off`,
    /// `no_recent_payment`.
    pub code: String,
    /// In words.
    pub detail: String,
}

/// An open receivable that looks irrecoverable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct WriteOffCandidate {
    /// Receivable id.
    pub receivable: String,
    /// Invoice id.
    pub invoice: String,
    /// Customer id.
    pub customer: String,
    /// Currency.
    pub currency: Currency,
    /// Due date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub due_date: NaiveDate,
    /// Outstanding on the as-of date.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub outstanding: Decimal,
    /// Days past due on the as-of date.
    pub days_late: i64,
    /// The signals found, in the order of the code list.
    pub reasons: Vec<WriteOffReason>,
}

/// Open receivables of a scope that look irrecoverable on the as-of date, most late first. A
/// candidate is a suggestion with its reasons, never a decision:
///
/// * `over_days_late`: more than `days_late` days past due;
/// * `time_barred`: the limitation period of the customer's country and kind of debtor
///   (`customers[].country`, `customers[].debtor`: FR/DE/GB, two years against a French consumer;
///   see [`limitation_date`]) ended before the as-of date;
/// * `customer_written_off`: more than `signal_days_late` days past due and the customer already
///   has amounts written off;
/// * `no_recent_payment`: more than `signal_days_late` days past due and no payment from the
///   customer applied in the last `silence_days` days (or ever).
///
/// # Errors
/// `date.out_of_range`.
///
/// ```
/// use arrears::{kpi::{self, writeoff::WriteOffOptions, History, Scope}, ledger::Ledger,
///               money::Currency, sample};
/// let h = History::new(&Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?, sample::AS_OF)?;
/// let c = kpi::write_off_candidates(&h, &Scope::currency(Currency::EUR), &WriteOffOptions::default())?;
/// assert!(c.iter().all(|c| !c.reasons.is_empty()));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn write_off_candidates(
    history: &History,
    scope: &Scope,
    options: &WriteOffOptions,
) -> Result<Vec<WriteOffCandidate>> {
    let as_of = history.as_of();
    let silence_start = add_days(as_of, 0i64.saturating_sub(i64::from(options.silence_days)))?;
    let mut out = Vec::new();
    // What the customer-wide reasons read (any amount written off, the last payment), once per
    // customer: the items come grouped by customer, and scanning a large customer's items for
    // each of its invoices would be quadratic.
    let mut customer_facts: Option<(&str, bool, Option<NaiveDate>)> = None;
    for it in history.items(scope) {
        let r = &it.r;
        if r.outstanding <= Decimal::ZERO {
            continue;
        }
        let mut reasons = Vec::new();
        let mut reason = |code: &str, detail: String| {
            reasons.push(WriteOffReason {
                code: code.to_string(),
                detail,
            });
        };
        if r.days_late > i64::from(options.days_late) {
            reason(
                "over_days_late",
                format!("{} days past due (over {})", r.days_late, options.days_late),
            );
        }
        let info = history.customer(&r.customer);
        if let Some(country) = &info.country {
            if let Some(last) = limitation_date(country, info.debtor, r.due_date) {
                if last < as_of {
                    reason(
                        "time_barred",
                        format!("the limitation period ({country}) ended on {last}"),
                    );
                }
            }
        }
        if r.days_late > i64::from(options.signal_days_late) {
            let (written_off, last_payment) = match customer_facts {
                Some((c, w, l)) if c == r.customer => (w, l),
                _ => {
                    let theirs = history.customer_items(&r.customer);
                    let w = theirs.iter().any(|i| !i.r.written_off.is_zero());
                    let l = theirs
                        .iter()
                        .flat_map(|i| i.moves.iter())
                        .filter(|m| is_payment(m.source))
                        .map(|m| m.date)
                        .max();
                    customer_facts = Some((r.customer.as_str(), w, l));
                    (w, l)
                }
            };
            if written_off {
                reason(
                    "customer_written_off",
                    format!(
                        "{} days past due and {} already has amounts written off",
                        r.days_late, r.customer
                    ),
                );
            }
            if last_payment.is_none_or(|d| d < silence_start) {
                let since = match last_payment {
                    Some(d) => format!("since {d}"),
                    None => "ever".to_string(),
                };
                reason(
                    "no_recent_payment",
                    format!(
                        "{} days past due and no payment from {} {since}",
                        r.days_late, r.customer
                    ),
                );
            }
        }
        if reasons.is_empty() {
            continue;
        }
        out.push(WriteOffCandidate {
            receivable: r.id.clone(),
            invoice: r.invoice.clone(),
            customer: r.customer.clone(),
            currency: r.currency,
            due_date: r.due_date,
            outstanding: r.outstanding,
            days_late: r.days_late,
            reasons,
        });
    }
    out.sort_by(|a, b| {
        b.days_late
            .cmp(&a.days_late)
            .then(a.customer.cmp(&b.customer))
            .then(a.receivable.cmp(&b.receivable))
    });
    Ok(out)
}
