//! Limitation periods (prescription): when a claim can no longer be enforced in court.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Who the debtor is, for the French periods.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DebtorStatus {
    /// A business (trader).
    #[default]
    Business,
    /// A consumer.
    Consumer,
}

/// The last day a claim due on `due_date` can be brought, by the customer's country, or `None`
/// when the country is not covered.
///
/// * France: 5 years between traders (C. com. L110-4 I), 2 years for a professional's claim
///   against a consumer (C. consom. L218-2), counted from the due date.
/// * Germany: 3 years (§ 195 BGB) from the end of the year in which the claim arose (§ 199 (1)
///   BGB): a claim due in 2024 is time-barred at the end of 31 December 2027.
/// * United Kingdom (England and Wales): 6 years from the cause of action (Limitation Act 1980
///   s. 5), the day after the due date.
///
/// Interruptions and suspensions (acknowledgement of the debt, proceedings, negotiations under
/// § 203 BGB) are not modelled: the date is a warning horizon, not legal advice.
///
/// ```
/// use arrears::dunning::limitation::{limitation_date, DebtorStatus};
/// use chrono::NaiveDate;
/// let due = NaiveDate::from_ymd_opt(2024, 3, 15).unwrap();
/// assert_eq!(limitation_date("FR", DebtorStatus::Business, due), NaiveDate::from_ymd_opt(2029, 3, 15));
/// assert_eq!(limitation_date("DE", DebtorStatus::Business, due), NaiveDate::from_ymd_opt(2027, 12, 31));
/// assert_eq!(limitation_date("GB", DebtorStatus::Business, due), NaiveDate::from_ymd_opt(2030, 3, 16));
/// ```
pub fn limitation_date(
    country: &str,
    debtor: DebtorStatus,
    due_date: NaiveDate,
) -> Option<NaiveDate> {
    match country.to_ascii_uppercase().as_str() {
        "FR" => {
            let months = match debtor {
                DebtorStatus::Business => 60,
                DebtorStatus::Consumer => 24,
            };
            due_date.checked_add_months(Months::new(months))
        }
        "DE" => NaiveDate::from_ymd_opt(due_date.year().checked_add(3)?, 12, 31),
        "GB" | "UK" => due_date.succ_opt()?.checked_add_months(Months::new(72)),
        _ => None,
    }
}
