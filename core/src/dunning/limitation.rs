//! Limitation periods (prescription): when a claim can no longer be enforced in court.

use chrono::{Datelike, Months, NaiveDate};

/// Who the debtor is (defined with the ledger's customer record, re-exported here).
pub use crate::ledger::DebtorStatus;

/// The last day a claim due on `due_date` can be brought, by the customer's country, or `None`
/// when the country is not covered.
///
/// * France: 5 years between traders (C. com. L110-4 I), 2 years for a professional's claim
///   against a consumer (C. consom. L218-2), counted from the due date; four years from the
///   1 January after the due date against a public body (loi n° 68-1250 du 31 décembre 1968,
///   art. 1, the "prescription quadriennale").
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
/// assert_eq!(limitation_date("FR", DebtorStatus::Consumer, due), NaiveDate::from_ymd_opt(2026, 3, 15));
/// assert_eq!(limitation_date("FR", DebtorStatus::PublicBody, due), NaiveDate::from_ymd_opt(2028, 12, 31));
/// ```
pub fn limitation_date(
    country: &str,
    debtor: DebtorStatus,
    due_date: NaiveDate,
) -> Option<NaiveDate> {
    match country.to_ascii_uppercase().as_str() {
        "FR" => {
            match debtor {
                DebtorStatus::Consumer => due_date.checked_add_months(Months::new(24)),
                // Loi n° 68-1250 du 31 décembre 1968, art. 1: claims on the State, local
                // authorities and public establishments lapse four years from the first day of
                // the year after the one in which the right arose.
                DebtorStatus::PublicBody => {
                    NaiveDate::from_ymd_opt(due_date.year().checked_add(4)?, 12, 31)
                }
                _ => due_date.checked_add_months(Months::new(60)),
            }
        }
        "DE" => NaiveDate::from_ymd_opt(due_date.year().checked_add(3)?, 12, 31),
        "GB" | "UK" => due_date.succ_opt()?.checked_add_months(Months::new(72)),
        _ => None,
    }
}
