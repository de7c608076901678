//! Recovery (collection) rate within N days of the due date.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::figure::{add, percent, round_money, sub, Figure};
use super::history::{is_payment, History, Scope};
use crate::calendar::date::add_days;
use crate::error::{err, Result};
use crate::ledger::AllocationSource;
use crate::money::decimal_string;

/// The recovery rate of one window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Recovery {
    /// The window: days after the due date.
    pub within_days: u32,
    /// Receivables due in the period whose window has closed by the as-of date (measured).
    pub receivables: usize,
    /// What they asked: amounts less the credit notes applied by the end of each window.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub due_amount: Decimal,
    /// Credit notes applied by the end of each window (left out of `due_amount`).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub credited: Decimal,
    /// Payments (and deposits) applied by the end of each window, early payments included.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub collected: Decimal,
    /// Written off by the end of each window (part of `due_amount`, not collected).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub written_off: Decimal,
    /// Receivables due in the period whose window is still open (not measured yet).
    pub not_yet_measurable: usize,
    /// Their amounts.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub not_yet_measurable_amount: Decimal,
    /// collected ÷ due amount × 100, two places.
    pub percent: Figure,
}

/// The recovery rate within `within_days` days of the due date, over the receivables that fell
/// due in `from..=to`.
///
/// A receivable is measured once its window has closed (due date + N on or before the as-of
/// date), so the figure of a past period does not move afterwards. Collected = payments and
/// deposits applied on or before due date + N. **Credit notes** applied by then are a
/// correction of what was asked, neither collected nor lost: they come off the base. Write-offs
/// stay in the base as amounts not collected. The rate is therefore in [0, 100].
///
/// # Errors
/// `input.invalid_value` for a window of 0 days; the period errors of [`super::dso()`];
/// `date.out_of_range`, `money.overflow`.
///
/// ```
/// use arrears::{kpi::{self, History, Scope}, ledger::{Ledger, LedgerDocument}, money::Currency};
/// use chrono::NaiveDate;
/// let doc: LedgerDocument = serde_json::from_value(serde_json::json!({"invoices": [
///   {"id": "F1", "customer": "C1", "issue_date": "2025-01-01", "due_date": "2025-01-31",
///    "amount": "1000.00", "currency": "EUR"}],
///   "payments": [{"customer": "C1", "date": "2025-03-01", "amount": "800.00", "currency": "EUR"}]
/// })).unwrap();
/// let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// let h = History::new(&Ledger::new(doc)?, d("2025-12-31"))?;
/// let r = kpi::recovery(&h, &Scope::currency(Currency::EUR), d("2025-01-01"), d("2025-01-31"), 90)?;
/// assert_eq!(r.percent.value.unwrap().to_string(), "80.00");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn recovery(
    history: &History,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
    within_days: u32,
) -> Result<Recovery> {
    history.check_period(from, to)?;
    if within_days == 0 {
        return Err(err!(
            InvalidValue,
            "a recovery window must be at least one day"
        ));
    }
    let mut out = Recovery {
        within_days,
        receivables: 0,
        due_amount: Decimal::ZERO,
        credited: Decimal::ZERO,
        collected: Decimal::ZERO,
        written_off: Decimal::ZERO,
        not_yet_measurable: 0,
        not_yet_measurable_amount: Decimal::ZERO,
        percent: Figure::undefined("", ""),
    };
    for it in history.items(scope) {
        let r = &it.r;
        if r.due_date < from || r.due_date > to {
            continue;
        }
        let end = add_days(r.due_date, i64::from(within_days))?;
        if end > history.as_of() {
            out.not_yet_measurable = out.not_yet_measurable.saturating_add(1);
            out.not_yet_measurable_amount = add(out.not_yet_measurable_amount, r.amount)?;
            continue;
        }
        let credited = it.moved(None, end, |s| s == AllocationSource::CreditNote)?;
        let paid = it.moved(None, end, is_payment)?;
        let lost = it.moved(None, end, |s| s == AllocationSource::WriteOff)?;
        out.receivables = out.receivables.saturating_add(1);
        out.credited = add(out.credited, credited)?;
        out.due_amount = add(out.due_amount, sub(r.amount, credited)?)?;
        out.collected = add(out.collected, paid)?;
        out.written_off = add(out.written_off, lost)?;
    }
    out.percent = match percent(out.collected, out.due_amount)? {
        Some(p) => Figure::defined(p),
        None => {
            let last = add_days(history.as_of(), 0i64.saturating_sub(i64::from(within_days)))?;
            Figure::undefined(
                "no_measurable_amount",
                format!(
                    "no amount fell due in the period with its {within_days}-day window closed by {}: amounts due on or before {last} can be measured",
                    history.as_of()
                ),
            )
        }
    };
    let c = scope.currency;
    for a in [
        &mut out.due_amount,
        &mut out.credited,
        &mut out.collected,
        &mut out.written_off,
        &mut out.not_yet_measurable_amount,
    ] {
        *a = round_money(*a, c);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{Ledger, LedgerDocument};
    use crate::money::Currency;

    fn d(s: &str) -> NaiveDate {
        crate::calendar::date::parse_date(s).unwrap()
    }

    #[test]
    fn credit_notes_leave_the_base_and_young_amounts_wait() {
        let doc: LedgerDocument = serde_json::from_value(serde_json::json!({
            "invoices": [
                {"id": "F1", "customer": "C1", "issue_date": "2025-01-01",
                 "due_date": "2025-01-31", "amount": "1000.00", "currency": "EUR"},
                {"id": "F2", "customer": "C1", "issue_date": "2025-05-01",
                 "due_date": "2025-05-31", "amount": "500.00", "currency": "EUR"}],
            "credit_notes": [{"invoice": "F1", "date": "2025-02-10", "amount": "200.00",
                              "currency": "EUR"}],
            "payments": [
                {"customer": "C1", "date": "2025-02-20", "amount": "600.00",
                 "currency": "EUR", "invoice": "F1"},
                {"customer": "C1", "date": "2025-06-20", "amount": "200.00",
                 "currency": "EUR", "invoice": "F1"}]}))
        .unwrap();
        let h = History::new(&Ledger::new(doc).unwrap(), d("2025-07-31")).unwrap();
        let s = Scope::currency(Currency::EUR);
        let r = recovery(&h, &s, d("2025-01-01"), d("2025-06-30"), 90).unwrap();
        // F1: base 1000 − 200 = 800; paid 600 by 1 May (the 200 of 20 June is too late).
        assert_eq!(r.receivables, 1);
        assert_eq!(r.due_amount.to_string(), "800.00");
        assert_eq!(r.collected.to_string(), "600.00");
        assert_eq!(r.percent.value.unwrap().to_string(), "75.00");
        // F2 (due 31 May) is not measurable before 29 August.
        assert_eq!(r.not_yet_measurable, 1);
        let r180 = recovery(&h, &s, d("2025-01-01"), d("2025-06-30"), 180).unwrap();
        // F1's 180-day window ends 30 July: 800 of 800.
        assert_eq!(r180.percent.value.unwrap().to_string(), "100.00");
        assert!(recovery(&h, &s, d("2025-01-01"), d("2025-06-30"), 0).is_err());
        let none = recovery(&h, &s, d("2025-03-01"), d("2025-04-30"), 90).unwrap();
        assert_eq!(none.percent.reason.as_deref(), Some("no_measurable_amount"));
    }
}
