//! Credits on account set off against what a customer owes (compensation, C. civ. 1347 to
//! 1348-2; Aufrechnung, §§ 387, 389 BGB).
//!
//! A credit note "on account" or the surplus of a payment is a debt of the creditor to the
//! customer. When both debts are in the same currency and due, they extinguish each other up to
//! the smaller one "à la date où ses conditions se trouvent réunies" (C. civ. 1347; § 389 BGB: as
//! of the moment they first faced each other). So a claim never asks for money the customer has
//! already given:
//!
//! * **what**: each piece of [`CreditOnAccount`] of the customer, oldest first, against its
//!   overdue receivables in the same currency, oldest due date first (the imputation rules apply
//!   to set-off: C. civ. 1347-4 → 1342-10, due debts first and the oldest first; § 396 (2) → § 367
//!   BGB). Money paid for an invoice not yet issued (a deposit) is earmarked by the debtor and is
//!   not set off. A disputed part is not "certaine" (C. civ. 1347-1) and is not set off;
//! * **when**: on the later of the credit's date and the receivable's due date: a credit older
//!   than the debt settles it on its due date, before any interest; a newer one stops interest on
//!   the part it covers from its own date;
//! * **how**: in the receivable's statement it is a payment of that date, imputed as the regime
//!   imputes payments (interest first in France and Germany: C. civ. 1343-1 via 1347-4, § 367 via
//!   § 396 (2) BGB);
//! * a credit larger than what is due stays on account (`remaining`).
//!
//! The books are not changed: the ledger's outstanding amounts, aging and KPIs are those of the
//! customer's account as matched, and the claim shows the credit beside them
//! ([`super::CustomerClaim::credits`]).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::date::serde_date;
use crate::error::{err, Result};
use crate::ledger::{AllocationSource, CreditOnAccount, LedgerState, ReceivableStatus};
use crate::money::{decimal_string, Currency};

/// So much of a credit on account set off against a receivable, on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct SetOff {
    /// Receivable id.
    pub receivable: String,
    /// The credit's reference (credit note or payment id).
    pub reference: String,
    /// A payment, a deposit or a credit note.
    pub source: AllocationSource,
    /// The day the credit arose (the credit note's or the payment's date).
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub credit_date: NaiveDate,
    /// The day the two debts met: the later of the credit's date and the due date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub date: NaiveDate,
    /// Amount set off.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
}

/// An overdue receivable's due date, id and the part that can be set off.
type Debt<'a> = (NaiveDate, &'a str, Decimal);

/// Every set-off of a state: each customer's credits on account against its overdue receivables
/// (see the module documentation), in customer, currency, then credit order.
///
/// ```
/// use arrears::claim::set_off::set_offs;
/// use arrears::ledger::{Ledger, LedgerDocument};
/// use chrono::NaiveDate;
/// let doc: LedgerDocument = serde_json::from_value(serde_json::json!({
///   "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2024-01-01",
///                 "due_date": "2024-01-31", "amount": "800.00", "currency": "EUR"}],
///   "credit_notes": [{"id": "A1", "customer": "C1", "date": "2024-02-20",
///                     "amount": "300.00", "currency": "EUR"}]})).unwrap();
/// let state = Ledger::new(doc)?.state_as_of(NaiveDate::from_ymd_opt(2024, 3, 15).unwrap())?;
/// let set = set_offs(&state)?;
/// assert_eq!((set[0].receivable.as_str(), set[0].amount.to_string()), ("F1", "300.00".into()));
/// assert_eq!(set[0].date.to_string(), "2024-02-20");
/// # Ok::<(), arrears::Error>(())
/// ```
///
/// # Errors
/// `money.overflow` on absurd amounts.
pub fn set_offs(state: &LedgerState) -> Result<Vec<SetOff>> {
    let mut credits: BTreeMap<(&str, Currency), Vec<&CreditOnAccount>> = BTreeMap::new();
    for c in state
        .credits_on_account
        .iter()
        .filter(|c| c.waits_for.is_none())
    {
        credits
            .entry((c.customer.as_str(), c.currency))
            .or_default()
            .push(c);
    }
    if credits.is_empty() {
        return Ok(Vec::new());
    }
    let mut owed: BTreeMap<(&str, Currency), Vec<Debt<'_>>> = BTreeMap::new();
    for r in &state.receivables {
        let key = (r.customer.as_str(), r.currency);
        if r.status != ReceivableStatus::Overdue || r.days_late <= 0 || !credits.contains_key(&key)
        {
            continue;
        }
        let certain = r.outstanding.saturating_sub(r.disputed);
        if certain > Decimal::ZERO {
            owed.entry(key)
                .or_default()
                .push((r.due_date, r.id.as_str(), certain));
        }
    }
    let overflow = || err!(Overflow, "set-off overflows");
    let mut out = Vec::new();
    for (key, pieces) in credits {
        let Some(debts) = owed.get_mut(&key) else {
            continue;
        };
        debts.sort();
        let mut debts = debts.iter_mut().peekable();
        for credit in pieces {
            let mut left = credit.amount;
            while left > Decimal::ZERO {
                let Some((due, id, rest)) = debts.peek_mut() else {
                    break;
                };
                let amount = left.min(*rest);
                out.push(SetOff {
                    receivable: id.to_string(),
                    reference: credit.reference.clone(),
                    source: credit.source,
                    credit_date: credit.date,
                    date: credit.date.max(*due),
                    amount,
                });
                left = left.checked_sub(amount).ok_or_else(overflow)?;
                *rest = rest.checked_sub(amount).ok_or_else(overflow)?;
                if rest.is_zero() {
                    debts.next();
                }
            }
        }
    }
    Ok(out)
}
