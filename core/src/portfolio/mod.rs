//! Whole portfolios at once: the per-invoice penalty table of a ledger, computed for millions of
//! invoices.
//!
//! [`penalty_table`] gives one [`PenaltyRow`] per receivable (an invoice, or a part of one): its
//! days late, aging bucket, what the ledger says is outstanding, the interest accrued over the
//! whole delay (and how much of it payments covered, under the regime's imputation), the fixed
//! compensation and the total due. The figures are those of the per-invoice engine
//! ([`crate::interest`]) on each receivable, to the cent: `total_due = outstanding + interest +
//! fixed_compensation`, the statement's total (with interest-first imputation the statement counts
//! `interest_paid` as principal still owed; the sum is the same).
//!
//! ```
//! use arrears::portfolio::penalty_table;
//! use arrears::prelude::*;
//! let ledger = Ledger::new(LedgerDocument::default()
//!     .with_customer(CustomerRecord::new("C1").with_country("FR"))
//!     .with_invoice(InvoiceRecord::new("F1", "C1", ymd(2024, 1, 1)?, Money::parse("1000.00", "EUR")?)
//!         .due_on(ymd(2024, 1, 31)?)))?;
//! let rows = penalty_table(&ledger, ymd(2024, 3, 15)?, &LedgerInterestOptions::default(),
//!                          &RateTable::builtin()?)?;
//! // 44 days at 14.50 % (ECB 4.50 + 10, C. com. L441-10) on 1,000.00: 17.48, plus EUR 40.
//! assert_eq!(rows[0].bucket, "31-60");
//! assert_eq!(rows[0].interest.to_string(), "17.48");
//! assert_eq!(rows[0].total_due.to_string(), "1057.48");
//! # Ok::<(), arrears::Error>(())
//! ```

pub mod batch;
pub mod build;
pub mod columns;
pub mod customers;
pub mod kernel;
pub mod replay;

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::date::serde_date;
use crate::error::{err, Result};
use crate::interest::ledger::{for_state, LedgerInterestOptions};
use crate::interest::Regime;
use crate::ledger::aging::{buckets, AgingOptions, Bucket};
use crate::ledger::{Ledger, ReceivableStatus};
use crate::money::{decimal_string, Currency};
use crate::rates::RateTable;

/// One receivable of the penalty table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct PenaltyRow {
    /// Receivable id (`F1`, or `F1#2` for a part).
    pub id: String,
    /// Customer id.
    pub customer: String,
    /// Currency.
    pub currency: Currency,
    /// Due date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub due_date: NaiveDate,
    /// Days past due on the as-of date (0 while not yet due: never negative, as in
    /// docs/portfolio.md); for a receivable settled, the days it was late when settled.
    pub days_late: i64,
    /// Aging bucket of what is outstanding (`not_due`, `1-30`, `31-60`, `61-90`, `91+`), or
    /// `settled` when nothing is.
    pub bucket: String,
    /// Outstanding in the ledger.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub outstanding: Decimal,
    /// Interest accrued over the whole delay.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest: Decimal,
    /// Interest covered by payments (imputation).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest_paid: Decimal,
    /// Interest still owed on the statement.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest_outstanding: Decimal,
    /// Fixed compensation.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub fixed_compensation: Decimal,
    /// `outstanding + interest + fixed_compensation`: the statement's total due.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub total_due: Decimal,
    /// The regime of the penalties, when computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regime: Option<Regime>,
    /// Why a late receivable has no penalties (no regime, a rate not yet known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_penalties: Option<String>,
}

/// The column names of the penalty table, in order (DESIGN: the `arrears penalties` table).
pub const COLUMNS: &[&str] = &[
    "id",
    "customer",
    "currency",
    "due_date",
    "days_late",
    "bucket",
    "outstanding",
    "interest",
    "interest_paid",
    "interest_outstanding",
    "fixed_compensation",
    "total_due",
];

/// The penalty table of a ledger on a date: one row per receivable, in ledger order. Ledgers the
/// batch engine supports (see [`columns::Book`]) go through it; the others through
/// [`reference_table`]. Both give the same rows.
///
/// # Errors
/// Ledger errors and `money.overflow`; a receivable whose statement fails gets no penalties and
/// says why in `no_penalties`.
pub fn penalty_table(
    ledger: &Ledger,
    as_of: NaiveDate,
    options: &LedgerInterestOptions,
    table: &RateTable,
) -> Result<Vec<PenaltyRow>> {
    match columns::Book::from_document(ledger.document()) {
        Ok(book) => Ok(batch::penalty_table(&book, as_of, options, table)?.rows(&book)),
        Err(_) => reference_table(ledger, as_of, options, table),
    }
}

/// The penalty table computed receivable by receivable with the ledger's replay and the interest
/// engine: the definition the batch engine is tested against, and the path for ledgers it does not
/// support.
///
/// # Errors
/// As [`penalty_table`].
pub fn reference_table(
    ledger: &Ledger,
    as_of: NaiveDate,
    options: &LedgerInterestOptions,
    table: &RateTable,
) -> Result<Vec<PenaltyRow>> {
    let state = ledger.state_as_of(as_of)?;
    let penalties = for_state(ledger, &state, options, table, false)?;
    let statements: HashMap<&str, &crate::interest::Statement> = penalties
        .receivables
        .iter()
        .map(|r| (r.receivable.as_str(), &r.statement))
        .collect();
    let skipped: HashMap<&str, &str> = penalties
        .skipped
        .iter()
        .map(|s| (s.receivable.as_str(), s.reason.as_str()))
        .collect();
    let aging = buckets(&AgingOptions::default())?;
    let mut rows = Vec::with_capacity(state.receivables.len());
    for r in &state.receivables {
        let units = r.currency.minor_units();
        let zero = Decimal::new(0, units);
        let statement = statements.get(r.id.as_str());
        let (interest, interest_paid, interest_outstanding, fixed) = match statement {
            Some(s) => {
                // The ledger's outstanding plus all interest and the fixed sum is the
                // statement's total (see the module documentation).
                let interest = s
                    .total_due
                    .checked_sub(s.fixed_compensation)
                    .and_then(|d| d.checked_sub(r.outstanding))
                    .ok_or_else(|| err!(Overflow, "penalty table total overflows"))?
                    .max(Decimal::ZERO);
                (
                    interest,
                    s.interest_paid,
                    s.interest_outstanding,
                    s.fixed_compensation,
                )
            }
            None => (zero, zero, zero, zero),
        };
        let total_due = r
            .outstanding
            .checked_add(interest)
            .and_then(|t| t.checked_add(fixed))
            .ok_or_else(|| err!(Overflow, "penalty table total overflows"))?;
        let bucket = if r.outstanding.is_zero() {
            "settled".to_string()
        } else {
            bucket_label(&aging, r.days_late)
        };
        let no_penalties = (statement.is_none()
            && r.days_late > 0
            && matches!(
                r.status,
                ReceivableStatus::Overdue | ReceivableStatus::Paid | ReceivableStatus::WrittenOff
            ))
        .then(|| skipped.get(r.id.as_str()).map(|s| s.to_string()))
        .flatten();
        let scaled = |mut d: Decimal| {
            d.rescale(units);
            d
        };
        rows.push(PenaltyRow {
            id: r.id.clone(),
            customer: r.customer.clone(),
            currency: r.currency,
            due_date: r.due_date,
            days_late: r.days_late,
            bucket,
            outstanding: scaled(r.outstanding),
            interest: scaled(interest),
            interest_paid: scaled(interest_paid),
            interest_outstanding: scaled(interest_outstanding),
            fixed_compensation: scaled(fixed),
            total_due: scaled(total_due),
            regime: statement.map(|s| s.regime),
            no_penalties,
        });
    }
    Ok(rows)
}

/// Late receivables left without penalties for one reason: how many, and the first few ids. A table
/// written as CSV or Parquet has no column for the reason, so the command line says it beside the
/// table (a row with `0.00` interest and no word of why would read as "nothing is owed").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithoutPenalties {
    /// The reason, as in [`PenaltyRow::no_penalties`].
    pub reason: String,
    /// How many receivables.
    pub receivables: usize,
    /// The first receivables' ids, in table order (at most [`WithoutPenalties::EXAMPLES`]).
    pub examples: Vec<String>,
}

impl WithoutPenalties {
    /// How many ids a summary names.
    pub const EXAMPLES: usize = 3;

    /// The reasons of `(id, reason)` pairs, most frequent first (then by reason).
    ///
    /// ```
    /// use arrears::portfolio::WithoutPenalties;
    /// let rows = [("F1", "no regime"), ("F2", "overflow"), ("F3", "no regime")];
    /// let summary = WithoutPenalties::summarise(rows.into_iter());
    /// assert_eq!(summary[0].reason, "no regime");
    /// assert_eq!(summary[0].receivables, 2);
    /// assert_eq!(summary[0].examples, ["F1", "F3"]);
    /// assert_eq!(summary[1].reason, "overflow");
    /// ```
    pub fn summarise<'a>(rows: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<WithoutPenalties> {
        let mut by_reason: Vec<WithoutPenalties> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (id, reason) in rows {
            let k = *index.entry(reason).or_insert_with(|| {
                by_reason.push(WithoutPenalties {
                    reason: reason.to_string(),
                    receivables: 0,
                    examples: Vec::new(),
                });
                by_reason.len().saturating_sub(1)
            });
            if let Some(w) = by_reason.get_mut(k) {
                w.receivables = w.receivables.saturating_add(1);
                if w.examples.len() < Self::EXAMPLES {
                    w.examples.push(id.to_string());
                }
            }
        }
        by_reason.sort_by(|a, b| {
            b.receivables
                .cmp(&a.receivables)
                .then_with(|| a.reason.cmp(&b.reason))
        });
        by_reason
    }

    /// The summary of a table's rows.
    pub fn of_rows(rows: &[PenaltyRow]) -> Vec<WithoutPenalties> {
        Self::summarise(
            rows.iter()
                .filter_map(|r| Some((r.id.as_str(), r.no_penalties.as_deref()?))),
        )
    }
}

/// The label of the aging bucket of `days_late` (not due when not positive).
fn bucket_label(aging: &[Bucket], days_late: i64) -> String {
    aging
        .iter()
        .find(|b| match (b.from_days, b.to_days) {
            (None, Some(to)) => days_late <= to,
            (Some(from), Some(to)) => days_late >= from && days_late <= to,
            (Some(from), None) => days_late >= from,
            (None, None) => true,
        })
        .map(|b| b.label.clone())
        .unwrap_or_default()
}
