//! Reminder conversion: the share of reminders followed by a payment, per dunning step.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::figure::{percent, Figure};
use super::history::{History, Item, Scope};
use crate::calendar::date::add_days;
use crate::dunning::journal::{JournalEntry, JournalEvent};
use crate::error::{err, Error, Result};

/// The conversion of one dunning step (or of all of them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct StepConversion {
    /// Step id (`all` on the total line).
    pub step: String,
    /// Reminders measured: action items of the step dated in the period whose window has closed.
    pub reminders: usize,
    /// Of which followed by a payment on that receivable within the window.
    pub converted: usize,
    /// Of which the receivable was settled within the window (outstanding zero at its end).
    pub settled: usize,
    /// Action items of the period whose window is still open (not counted yet).
    pub pending: usize,
    /// converted ÷ reminders × 100, two places.
    pub percent: Figure,
}

/// Reminder conversion per step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct ReminderConversion {
    /// The window, in days after the action.
    pub within_days: u32,
    /// One line per step id, sorted by id.
    pub steps: Vec<StepConversion>,
    /// All steps together.
    pub total: StepConversion,
}

#[derive(Default)]
struct Acc {
    reminders: usize,
    converted: usize,
    settled: usize,
    pending: usize,
}

impl Acc {
    fn finish(&self, step: String) -> Result<StepConversion> {
        Ok(StepConversion {
            step,
            reminders: self.reminders,
            converted: self.converted,
            settled: self.settled,
            pending: self.pending,
            percent: Figure::or_undefined(
                percent(Decimal::from(self.converted), Decimal::from(self.reminders))?,
                "no_reminders",
                "no reminder of the period has a closed window",
            ),
        })
    }
}

/// For each step id in the journal, the share of its reminders (the items of `action` entries,
/// one per receivable) dated in `from..=to` that were followed by a payment on that receivable
/// **within `within_days` days after the action** (the action's own day excluded: a payment with
/// that value date was sent before the reminder arrived). A reminder is measured once its
/// window has closed (action date + N on or before the as-of date); younger ones are `pending`.
///
/// # Errors
/// `input.invalid_value` for a window of 0 days; `dunning.invalid_journal` when a counted item
/// names a receivable the ledger does not have (at `journal[i]`); the period errors of
/// [`super::dso()`].
///
/// ```
/// use arrears::{kpi::{self, History, Scope}, ledger::{Ledger, LedgerDocument}, money::Currency};
/// use arrears::dunning::journal::parse;
/// use chrono::NaiveDate;
/// let doc: LedgerDocument = serde_json::from_value(serde_json::json!({"invoices": [
///   {"id": "F1", "customer": "C1", "issue_date": "2025-01-01", "due_date": "2025-01-31",
///    "amount": "100.00", "currency": "EUR"}],
///   "payments": [{"customer": "C1", "date": "2025-02-10", "amount": "100.00", "currency": "EUR"}]
/// })).unwrap();
/// let journal = parse(r#"{"at": "2025-02-01T09:00:00Z", "date": "2025-02-01", "type": "action", "customer": "C1", "step": "d1_email", "channel": "email", "items": [{"receivable": "F1", "step": "d1_email"}]}"#)?;
/// let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// let h = History::new(&Ledger::new(doc)?, d("2025-03-31"))?;
/// let c = kpi::reminder_conversion(&h, &Scope::currency(Currency::EUR), &journal,
///                                  d("2025-01-01"), d("2025-03-31"), 14)?;
/// assert_eq!(c.steps[0].converted, 1);
/// assert_eq!(c.total.percent.value.unwrap().to_string(), "100.00");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn reminder_conversion(
    history: &History,
    scope: &Scope,
    journal: &[JournalEntry],
    from: NaiveDate,
    to: NaiveDate,
    within_days: u32,
) -> Result<ReminderConversion> {
    history.check_period(from, to)?;
    if within_days == 0 {
        return Err(err!(
            InvalidValue,
            "a reminder-conversion window must be at least one day"
        ));
    }
    let items: HashMap<&str, &Item> = history
        .all_items()
        .iter()
        .map(|i| (i.r.id.as_str(), i))
        .collect();
    let mut per: BTreeMap<&str, Acc> = BTreeMap::new();
    let mut all = Acc::default();
    let mut problems: Vec<Error> = Vec::new();
    for (n, entry) in journal.iter().enumerate() {
        let JournalEvent::Action { items: lines, .. } = &entry.event else {
            continue;
        };
        if entry.date < from || entry.date > to {
            continue;
        }
        let end = add_days(entry.date, i64::from(within_days))?;
        for line in lines {
            let Some(item) = items.get(line.receivable.as_str()) else {
                problems.push(
                    err!(
                        InvalidJournal,
                        "receivable {:?} is not in the ledger (as of {})",
                        line.receivable,
                        history.as_of()
                    )
                    .at(format!("journal[{n}]")),
                );
                continue;
            };
            if !scope.contains(&item.r) {
                continue;
            }
            // The contact actually made: a call step folded into a letter counts as the letter.
            let done = line.folded_into.as_deref().unwrap_or(line.step.as_str());
            let acc = per.entry(done).or_default();
            if end > history.as_of() {
                acc.pending = acc.pending.saturating_add(1);
                all.pending = all.pending.saturating_add(1);
                continue;
            }
            let converted = item.first_payment_in(entry.date, end).is_some();
            let settled = converted && item.outstanding_at(end)?.is_zero();
            for a in [&mut *acc, &mut all] {
                a.reminders = a.reminders.saturating_add(1);
                if converted {
                    a.converted = a.converted.saturating_add(1);
                }
                if settled {
                    a.settled = a.settled.saturating_add(1);
                }
            }
        }
    }
    if let Some(e) = Error::from_many(problems) {
        return Err(e);
    }
    Ok(ReminderConversion {
        within_days,
        steps: per
            .iter()
            .map(|(s, a)| a.finish((*s).to_string()))
            .collect::<Result<_>>()?,
        total: all.finish("all".to_string())?,
    })
}
