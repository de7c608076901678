//! What a creditor claims from a customer on a date: the principal still owed on each late
//! invoice, the statutory interest and the fixed compensation, and their total.
//!
//! This is the one place those amounts are put together. The report's "what late customers owe",
//! the agenda's contacts and the letters all take their figures from a [`CustomerClaim`], so the
//! three always quote the same amounts for the same customer, to the cent.
//!
//! **Each line** is a receivable (an invoice, or a part of one when its terms split it):
//!
//! * `outstanding`: what the ledger says is still unpaid on it ([`crate::ledger`]: payments count
//!   against the invoice as in the customer's own books), less any disputed part, which is never
//!   claimed while the dispute lasts;
//! * `interest`: the interest of its [`Statement`] not paid in cash:
//!   `total_due − fixed_compensation − outstanding before disputes`. With interest-first
//!   imputation (C. civ. 1343-1, § 367 BGB) the statement counts the part of a payment that
//!   covered interest as principal still owed; a claim shows that same sum as interest, so that
//!   `outstanding` stays what the customer's books show and `outstanding + interest +
//!   fixed_compensation` is exactly the statement's `total_due`;
//! * `fixed_compensation`: the statement's (EUR 40 per late invoice in France and Germany, £40 /
//!   £70 / £100 in the UK);
//! * a receivable without a statement (no regime applies to the customer, a rate not yet known) is
//!   claimed for its principal alone and listed in `without_penalties` with the reason: a claim
//!   never drops penalties silently.
//!
//! **Invoices already paid late** still owe their penalties (C. com. L441-10, D441-5). Whether
//! they are claimed is one documented choice, [`SettledPenalties`], applied the same way by every
//! output: by default they are left out of what is claimed and reported beside it
//! (`settled_not_claimed`); with [`SettledPenalties::Claim`] they are lines of the claim, with no
//! principal.
//!
//! ```
//! use arrears::claim::Claims;
//! use arrears::interest::ledger::LedgerInterestOptions;
//! use arrears::ledger::{Ledger, LedgerDocument};
//! use arrears::rates::RateTable;
//! use chrono::NaiveDate;
//!
//! let doc: LedgerDocument = serde_json::from_value(serde_json::json!({
//!   "customers": [{"id": "C1", "name": "Studio Nord", "country": "FR"}],
//!   "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2024-01-01",
//!                 "due_date": "2024-01-31", "amount": "1000.00", "currency": "EUR"}]})).unwrap();
//! let ledger = Ledger::new(doc)?;
//! let state = ledger.state_as_of(NaiveDate::from_ymd_opt(2024, 3, 15).unwrap())?;
//! let claims = Claims::compute(&ledger, &state, &LedgerInterestOptions::default(), &RateTable::builtin()?)?;
//! let all = claims.all(&Default::default())?;
//! // 44 days at 14.50 % (ECB 4.50 + 10, C. com. L441-10) on 1,000.00: 17.48, plus EUR 40.
//! assert_eq!(all[0].interest.to_string(), "17.48");
//! assert_eq!(all[0].total.to_string(), "1057.48");
//! # Ok::<(), arrears::Error>(())
//! ```

pub mod ops;
pub mod set_off;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::date::serde_date;
use crate::error::{err, Result};
use crate::interest::ledger::{
    for_state_with, CreditsOnAccount, LedgerInterest, LedgerInterestOptions, SettledPenalties,
    SkippedReceivable,
};
use crate::interest::DatedAmount;
use crate::interest::{Regime, Statement, Warning};
use crate::ledger::AllocationSource;
use crate::ledger::{Ledger, LedgerState, ReceivableState, ReceivableStatus};
use crate::money::{decimal_string, Currency};
use crate::rates::RateTable;
use set_off::{set_offs, SetOff};

/// Disputes known beyond the ledger (the dunning journal's), by invoice id: the amount disputed,
/// or `None` for the whole invoice. A receivable's disputed part is the larger of the ledger's and
/// this one, never more than what is outstanding.
pub type Disputes = BTreeMap<String, Option<Decimal>>;

/// One receivable of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct ClaimLine {
    /// Receivable id (`F1`, or `F1#2` for a part).
    pub receivable: String,
    /// Invoice id.
    pub invoice: String,
    /// Issue date of the invoice.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub issue_date: NaiveDate,
    /// Due date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub due_date: NaiveDate,
    /// Currency of every amount.
    pub currency: Currency,
    /// Amount of the receivable.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
    /// Principal claimed: outstanding in the ledger less the disputed part (zero once settled).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub outstanding: Decimal,
    /// Disputed part, left out of the claim.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub disputed: Decimal,
    /// Days past due on the claim's date (negative before the due date); for a receivable settled
    /// late, the days it was late.
    pub days_late: i64,
    /// The day a receivable paid late was settled.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub settled_on: Option<NaiveDate>,
    /// Credits on account set off against it ([`set_off`]): no longer owed, though the books
    /// have not matched them.
    #[serde(
        default,
        with = "decimal_string",
        skip_serializing_if = "Decimal::is_zero"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub set_off: Decimal,
    /// Interest claimed (see the module documentation).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest: Decimal,
    /// Fixed compensation claimed.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub fixed_compensation: Decimal,
    /// `outstanding − set_off + interest + fixed_compensation`.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub total: Decimal,
    /// The regime of the penalties, when they were computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regime: Option<Regime>,
}

/// What is claimed from one customer in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct CustomerClaim {
    /// Customer id.
    pub customer: String,
    /// Name, when the ledger has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Currency of every amount.
    pub currency: Currency,
    /// Overdue receivables by due date, then (with [`SettledPenalties::Claim`]) those settled
    /// late: what is claimed.
    pub lines: Vec<ClaimLine>,
    /// Selected receivables not yet due, by due date: mentioned for information (a contact that
    /// groups them, a pre-due reminder), never claimed nor counted in the totals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub upcoming: Vec<ClaimLine>,
    /// Principal of the lines, as the books show it (before set-off).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub principal: Decimal,
    /// Credits on account set off against the lines (C. civ. 1347): subtracted from the total.
    #[serde(
        default,
        with = "decimal_string",
        skip_serializing_if = "Decimal::is_zero"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub set_off: Decimal,
    /// The credits set off, one line each, in the order they arose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<ClaimCredit>,
    /// Interest claimed.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest: Decimal,
    /// Fixed compensation claimed.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub fixed_compensation: Decimal,
    /// `principal − set_off + interest + fixed_compensation`.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub total: Decimal,
    /// Penalties (interest + fixed compensation) still owed on receivables settled late and not
    /// claimed ([`SettledPenalties::Omit`]); zero when they are claimed.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub settled_not_claimed: Decimal,
    /// How many receivables settled late `settled_not_claimed` covers.
    pub settled_not_claimed_count: usize,
    /// Late receivables claimed without penalties, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub without_penalties: Vec<SkippedReceivable>,
    /// The statements' warnings (an unverified rate, ...), once each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

/// A credit on account set off in a claim: a credit note or the surplus of a payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct ClaimCredit {
    /// The credit note's or the payment's id.
    pub reference: String,
    /// A payment, a deposit or a credit note.
    pub source: AllocationSource,
    /// The day it arose.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub date: NaiveDate,
    /// Amount set off against this claim's lines.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
}

/// Penalties still owed on invoices paid late and not claimed, added up for one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclaimed {
    /// Currency.
    pub currency: Currency,
    /// Interest and fixed compensation.
    pub amount: Decimal,
    /// Invoices (receivables) paid late they are owed on.
    pub invoices: usize,
    /// Customers who owe them.
    pub customers: usize,
}

/// The penalties on invoices paid late that `claims` leave out, per currency (what the report says
/// under its claims).
///
/// ```
/// # use arrears::claim::{unclaimed, CustomerClaim};
/// assert!(unclaimed(&[]).is_empty());
/// ```
pub fn unclaimed(claims: &[CustomerClaim]) -> Vec<Unclaimed> {
    let mut out: Vec<Unclaimed> = Vec::new();
    for c in claims.iter().filter(|c| !c.settled_not_claimed.is_zero()) {
        match out.iter_mut().find(|u| u.currency == c.currency) {
            Some(u) => {
                u.amount = u.amount.saturating_add(c.settled_not_claimed);
                u.invoices = u.invoices.saturating_add(c.settled_not_claimed_count);
                u.customers = u.customers.saturating_add(1);
            }
            None => out.push(Unclaimed {
                currency: c.currency,
                amount: c.settled_not_claimed,
                invoices: c.settled_not_claimed_count,
                customers: 1,
            }),
        }
    }
    out.sort_by_key(|u| u.currency);
    out
}

/// Late receivables without penalties, grouped by reason: the reason, its code, the customers and
/// the receivables, in order of first appearance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingPenalties {
    /// Why.
    pub reason: String,
    /// Its code (`interest.no_regime`, `rates.unknown_date`, ...).
    pub code: String,
    /// Customers concerned.
    pub customers: Vec<String>,
    /// Receivables concerned.
    pub receivables: Vec<String>,
}

/// Groups the claims' receivables without penalties by reason.
pub fn missing_penalties(claims: &[CustomerClaim]) -> Vec<MissingPenalties> {
    let mut out: Vec<MissingPenalties> = Vec::new();
    for s in claims.iter().flat_map(|c| c.without_penalties.iter()) {
        let group = match out
            .iter_mut()
            .position(|g| g.reason == s.reason && g.code == s.code)
        {
            Some(i) => out.get_mut(i),
            None => {
                out.push(MissingPenalties {
                    reason: s.reason.clone(),
                    code: s.code.clone(),
                    customers: Vec::new(),
                    receivables: Vec::new(),
                });
                out.last_mut()
            }
        };
        if let Some(g) = group {
            if !g.customers.contains(&s.customer) {
                g.customers.push(s.customer.clone());
            }
            g.receivables.push(s.receivable.clone());
        }
    }
    out
}

impl CustomerClaim {
    /// The regime of the penalties claimed (the first line's that has one).
    pub fn regime(&self) -> Option<Regime> {
        self.lines.iter().find_map(|l| l.regime)
    }
}

/// The statements of a ledger's late receivables on a date, ready to be turned into claims.
#[derive(Debug, Clone)]
pub struct Claims<'a> {
    state: &'a LedgerState,
    penalties: LedgerInterest,
    settled: SettledPenalties,
    names: HashMap<&'a str, &'a str>,
    statement_of: HashMap<String, usize>,
    skipped_of: HashMap<String, usize>,
    /// Credits on account set off, by receivable id.
    set_off_of: HashMap<String, Vec<SetOff>>,
    /// Customer id → indices of its receivables in the state, so that a customer's claim does not
    /// scan the whole ledger.
    by_customer: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Claims<'a> {
    /// Computes the statement of every receivable late on the state's date (open or settled
    /// late), once.
    ///
    /// # Errors
    /// The errors of [`for_state_with`] (`money.overflow`); a receivable whose statement fails is
    /// recorded as without penalties, not an error.
    pub fn compute(
        ledger: &'a Ledger,
        state: &'a LedgerState,
        options: &LedgerInterestOptions,
        table: &RateTable,
    ) -> Result<Claims<'a>> {
        Self::of_scope(ledger, state, options, table, false)
    }

    /// The same for contacts only: when penalties on receivables settled late are not claimed
    /// ([`SettledPenalties::Omit`]), their statements are not computed, so every
    /// [`CustomerClaim::settled_not_claimed`] is zero, while lines, totals and warnings are those
    /// of [`Claims::compute`]. What the agenda and the letters need (in a portfolio most late
    /// receivables are settled ones: this skips most of the interest work); a report showing what
    /// is owed on settled invoices uses [`Claims::compute`].
    ///
    /// ```
    /// use arrears::claim::Claims;
    /// use arrears::interest::ledger::LedgerInterestOptions;
    /// use arrears::ledger::{Ledger, LedgerDocument};
    /// use arrears::money::Currency;
    /// use arrears::rates::RateTable;
    /// use chrono::NaiveDate;
    ///
    /// // F1 is still owed; F2 was paid 30 days late, which leaves EUR 40 and interest owed on it.
    /// let doc: LedgerDocument = serde_json::from_value(serde_json::json!({
    ///   "customers": [{"id": "C1", "country": "FR"}],
    ///   "invoices": [
    ///     {"id": "F1", "customer": "C1", "issue_date": "2024-01-01", "due_date": "2024-01-31",
    ///      "amount": "1000.00", "currency": "EUR"},
    ///     {"id": "F2", "customer": "C1", "issue_date": "2024-01-01", "due_date": "2024-01-31",
    ///      "amount": "500.00", "currency": "EUR"}],
    ///   "payments": [{"customer": "C1", "invoice": "F2", "date": "2024-03-01",
    ///                 "amount": "500.00", "currency": "EUR"}]})).unwrap();
    /// let ledger = Ledger::new(doc)?;
    /// let state = ledger.state_as_of(NaiveDate::from_ymd_opt(2024, 3, 15).unwrap())?;
    /// let (options, rates) = (LedgerInterestOptions::default(), RateTable::builtin()?);
    /// let full = Claims::compute(&ledger, &state, &options, &rates)?;
    /// let contacts = Claims::for_contacts(&ledger, &state, &options, &rates)?;
    /// let none = Default::default();
    /// let (a, b) = (
    ///     full.customer("C1", Currency::EUR, None, &none)?,
    ///     contacts.customer("C1", Currency::EUR, None, &none)?,
    /// );
    /// // The same claim on F1: 44 days at 14.50 % on 1,000.00 is 17.48, plus EUR 40.
    /// assert_eq!((a.total, b.total), (b.total, "1057.48".parse().unwrap()));
    /// // What F2 still owes is only reported by the full computation.
    /// assert_eq!(a.settled_not_claimed_count, 1);
    /// assert!(b.settled_not_claimed.is_zero());
    /// # Ok::<(), arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Claims::compute`].
    pub fn for_contacts(
        ledger: &'a Ledger,
        state: &'a LedgerState,
        options: &LedgerInterestOptions,
        table: &RateTable,
    ) -> Result<Claims<'a>> {
        let open_only = options.settled_penalties == SettledPenalties::Omit;
        Self::of_scope(ledger, state, options, table, open_only)
    }

    fn of_scope(
        ledger: &'a Ledger,
        state: &'a LedgerState,
        options: &LedgerInterestOptions,
        table: &RateTable,
        open_only: bool,
    ) -> Result<Claims<'a>> {
        let set_off = match options.credits_on_account {
            CreditsOnAccount::Ignore => Vec::new(),
            _ => set_offs(state)?,
        };
        let mut set_off_of: HashMap<String, Vec<SetOff>> = HashMap::new();
        for s in set_off {
            set_off_of.entry(s.receivable.clone()).or_default().push(s);
        }
        let payments: HashMap<&str, Vec<DatedAmount>> = set_off_of
            .iter()
            .map(|(id, list)| {
                let dated = list
                    .iter()
                    .map(|s| DatedAmount {
                        date: s.date,
                        amount: s.amount,
                    })
                    .collect();
                (id.as_str(), dated)
            })
            .collect();
        let penalties = for_state_with(ledger, state, options, table, open_only, &payments)?;
        drop(payments);
        let statement_of = penalties
            .receivables
            .iter()
            .enumerate()
            .map(|(i, r)| (r.receivable.clone(), i))
            .collect();
        let skipped_of = penalties
            .skipped
            .iter()
            .enumerate()
            .map(|(i, s)| (s.receivable.clone(), i))
            .collect();
        let names = ledger
            .document()
            .customers
            .iter()
            .filter_map(|c| c.name.as_deref().map(|n| (c.id.as_str(), n)))
            .collect();
        let mut by_customer: HashMap<&'a str, Vec<usize>> = HashMap::new();
        for (i, r) in state.receivables.iter().enumerate() {
            by_customer.entry(r.customer.as_str()).or_default().push(i);
        }
        Ok(Claims {
            state,
            penalties,
            settled: options.settled_penalties,
            names,
            statement_of,
            skipped_of,
            set_off_of,
            by_customer,
        })
    }

    /// The ledger's state the claims are of.
    pub fn state(&self) -> &'a LedgerState {
        self.state
    }

    /// The receivables of one customer in the state, in the state's order, found through an
    /// index rather than a scan of the ledger: a run's letters (one per customer) stay linear in
    /// the ledger's size.
    ///
    /// ```
    /// use arrears::claim::Claims;
    /// use arrears::interest::ledger::LedgerInterestOptions;
    /// use arrears::ledger::{Ledger, LedgerDocument};
    /// use arrears::rates::RateTable;
    /// use chrono::NaiveDate;
    ///
    /// let doc: LedgerDocument = serde_json::from_value(serde_json::json!({
    ///   "invoices": [
    ///     {"id": "F1", "customer": "C1", "issue_date": "2024-01-01", "due_date": "2024-01-31",
    ///      "amount": "100.00", "currency": "EUR"},
    ///     {"id": "F2", "customer": "C2", "issue_date": "2024-01-01", "due_date": "2024-01-31",
    ///      "amount": "200.00", "currency": "EUR"}]})).unwrap();
    /// let ledger = Ledger::new(doc)?;
    /// let state = ledger.state_as_of(NaiveDate::from_ymd_opt(2024, 3, 15).unwrap())?;
    /// let claims = Claims::compute(&ledger, &state, &LedgerInterestOptions::default(), &RateTable::builtin()?)?;
    /// let ids: Vec<&str> = claims.receivables_of("C2").map(|r| r.id.as_str()).collect();
    /// assert_eq!(ids, ["F2"]);
    /// assert_eq!(claims.receivables_of("C9").count(), 0);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn receivables_of(&self, customer: &str) -> impl Iterator<Item = &'a ReceivableState> + '_ {
        let state = self.state;
        self.by_customer
            .get(customer)
            .into_iter()
            .flatten()
            .filter_map(move |i| state.receivables.get(*i))
    }

    /// Every statement computed, and every late receivable without one.
    pub fn penalties(&self) -> &LedgerInterest {
        &self.penalties
    }

    /// The statement of a receivable, when it is late and has one.
    pub fn statement(&self, receivable: &str) -> Option<&Statement> {
        self.statement_of
            .get(receivable)
            .and_then(|i| self.penalties.receivables.get(*i))
            .map(|r| &r.statement)
    }

    /// The claim of every customer that has an overdue receivable (or, with
    /// [`SettledPenalties::Claim`], penalties owed on one settled late), per currency, in
    /// customer then currency order.
    ///
    /// # Errors
    /// `money.overflow` on absurd totals.
    pub fn all(&self, disputes: &Disputes) -> Result<Vec<CustomerClaim>> {
        let mut keys: Vec<(&str, Currency)> = Vec::new();
        for r in &self.state.receivables {
            let key = (r.customer.as_str(), r.currency);
            let overdue = r.status == ReceivableStatus::Overdue && r.days_late > 0;
            let settled_late = self.is_settled_late(r);
            if (overdue || settled_late) && !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys.sort();
        let mut out = Vec::new();
        for (customer, currency) in keys {
            let claim = self.customer(customer, currency, None, disputes)?;
            if !claim.lines.is_empty() || !claim.settled_not_claimed.is_zero() {
                out.push(claim);
            }
        }
        Ok(out)
    }

    /// The claim of one customer in one currency: the open receivables named in `selection`, or
    /// all its overdue ones when `selection` is `None`; plus its receivables settled late, claimed
    /// or reported as [`SettledPenalties`] says. Only overdue receivables are claimed: selected
    /// ones not yet due go to `upcoming`. Receivables disputed in full are left out.
    ///
    /// # Errors
    /// `money.overflow` on absurd totals.
    pub fn customer(
        &self,
        customer: &str,
        currency: Currency,
        selection: Option<&[String]>,
        disputes: &Disputes,
    ) -> Result<CustomerClaim> {
        let mut claim = CustomerClaim {
            customer: customer.to_string(),
            name: self.names.get(customer).map(|n| n.to_string()),
            currency,
            lines: Vec::new(),
            upcoming: Vec::new(),
            principal: Decimal::ZERO,
            set_off: Decimal::ZERO,
            credits: Vec::new(),
            interest: Decimal::ZERO,
            fixed_compensation: Decimal::ZERO,
            total: Decimal::ZERO,
            settled_not_claimed: Decimal::ZERO,
            settled_not_claimed_count: 0,
            without_penalties: Vec::new(),
            warnings: Vec::new(),
        };
        // A contact may name thousands of a large customer's receivables: look them up by hash
        // rather than scanning the list for each one.
        let selection: Option<HashSet<&str>> =
            selection.map(|ids| ids.iter().map(String::as_str).collect());
        let mine = self
            .by_customer
            .get(customer)
            .into_iter()
            .flatten()
            .filter_map(|i| self.state.receivables.get(*i))
            .filter(|r| r.currency == currency);
        let mut open: Vec<&ReceivableState> = Vec::new();
        let mut settled: Vec<&ReceivableState> = Vec::new();
        for r in mine {
            if self.is_settled_late(r) {
                settled.push(r);
            } else if !r.outstanding.is_zero()
                && match &selection {
                    Some(ids) => ids.contains(r.id.as_str()),
                    None => r.status == ReceivableStatus::Overdue && r.days_late > 0,
                }
            {
                open.push(r);
            }
        }
        open.sort_by(|a, b| (a.due_date, &a.id).cmp(&(b.due_date, &b.id)));
        settled.sort_by(|a, b| (a.due_date, &a.id).cmp(&(b.due_date, &b.id)));

        let overflow = || err!(Overflow, "claim total overflows");
        for r in open {
            let journal = disputes
                .get(&r.invoice)
                .map(|a| a.unwrap_or(r.outstanding))
                .unwrap_or(Decimal::ZERO);
            let disputed = r.disputed.max(journal).min(r.outstanding);
            if disputed >= r.outstanding {
                continue;
            }
            let statement = self.statement(&r.id);
            // Credits set off against it (never more than what is claimed of it).
            let offs = self.set_off_of.get(&r.id).map(Vec::as_slice).unwrap_or(&[]);
            let mut set_off = Decimal::ZERO;
            for o in offs {
                set_off = set_off.checked_add(o.amount).ok_or_else(overflow)?;
            }
            let claimed = r.outstanding.checked_sub(disputed).ok_or_else(overflow)?;
            let set_off = set_off.min(claimed);
            let owed = r.outstanding.checked_sub(set_off).ok_or_else(overflow)?;
            let (interest, fixed) = match statement {
                Some(s) => (unpaid_interest(s, owed)?, s.fixed_compensation),
                None => (Decimal::ZERO, Decimal::ZERO),
            };
            if statement.is_none() && r.days_late > 0 {
                if let Some(s) = self.skipped(&r.id) {
                    claim.without_penalties.push(s.clone());
                }
            }
            let mut line = self.line(r, Some(claimed), disputed, interest, fixed)?;
            if !set_off.is_zero() {
                line.set_off = set_off;
                line.set_off.rescale(r.currency.minor_units());
                line.total = line.total.checked_sub(set_off).ok_or_else(overflow)?;
                let mut left = set_off;
                for o in offs {
                    let used = o.amount.min(left);
                    left = left.saturating_sub(used);
                    if !used.is_zero() {
                        claim.add_credit(ClaimCredit {
                            reference: o.reference.clone(),
                            source: o.source,
                            date: o.credit_date,
                            amount: used,
                        })?;
                    }
                }
            }
            if r.days_late > 0 {
                claim.push(line, statement)?;
            } else {
                claim.upcoming.push(line);
            }
        }
        for r in settled {
            let Some(s) = self.statement(&r.id) else {
                continue;
            };
            let interest = unpaid_interest(s, Decimal::ZERO)?;
            let penalties = interest
                .checked_add(s.fixed_compensation)
                .ok_or_else(|| err!(Overflow, "claim total overflows"))?;
            if penalties.is_zero() {
                continue;
            }
            match self.settled {
                SettledPenalties::Claim => {
                    let line = self.line(
                        r,
                        Some(Decimal::ZERO),
                        Decimal::ZERO,
                        interest,
                        s.fixed_compensation,
                    )?;
                    claim.push(line, Some(s))?;
                }
                _ => {
                    claim.settled_not_claimed = claim
                        .settled_not_claimed
                        .checked_add(penalties)
                        .ok_or_else(|| err!(Overflow, "claim total overflows"))?;
                    claim.settled_not_claimed_count =
                        claim.settled_not_claimed_count.saturating_add(1);
                }
            }
        }
        claim.rescale();
        Ok(claim)
    }

    fn is_settled_late(&self, r: &ReceivableState) -> bool {
        r.status == ReceivableStatus::Paid && r.days_late > 0
    }

    fn skipped(&self, receivable: &str) -> Option<&SkippedReceivable> {
        self.skipped_of
            .get(receivable)
            .and_then(|i| self.penalties.skipped.get(*i))
    }

    fn line(
        &self,
        r: &ReceivableState,
        outstanding: Option<Decimal>,
        disputed: Decimal,
        interest: Decimal,
        fixed: Decimal,
    ) -> Result<ClaimLine> {
        let overflow = || err!(Overflow, "claim total overflows");
        let outstanding = outstanding.ok_or_else(overflow)?;
        let total = outstanding
            .checked_add(interest)
            .and_then(|t| t.checked_add(fixed))
            .ok_or_else(overflow)?;
        let units = r.currency.minor_units();
        let scaled = |mut d: Decimal| {
            d.rescale(units);
            d
        };
        let (outstanding, disputed, interest, fixed, total) = (
            scaled(outstanding),
            scaled(disputed),
            scaled(interest),
            scaled(fixed),
            scaled(total),
        );
        let settled_on = if self.is_settled_late(r) {
            r.settled_on
        } else {
            None
        };
        Ok(ClaimLine {
            receivable: r.id.clone(),
            invoice: r.invoice.clone(),
            issue_date: r.issue_date,
            due_date: r.due_date,
            currency: r.currency,
            amount: r.amount,
            outstanding,
            disputed,
            days_late: r.days_late,
            settled_on,
            set_off: Decimal::ZERO,
            interest,
            fixed_compensation: fixed,
            total,
            regime: self.statement(&r.id).map(|s| s.regime),
        })
    }
}

impl CustomerClaim {
    fn push(&mut self, line: ClaimLine, statement: Option<&Statement>) -> Result<()> {
        let overflow = || err!(Overflow, "claim total overflows");
        self.principal = self
            .principal
            .checked_add(line.outstanding)
            .ok_or_else(overflow)?;
        self.set_off = self
            .set_off
            .checked_add(line.set_off)
            .ok_or_else(overflow)?;
        self.interest = self
            .interest
            .checked_add(line.interest)
            .ok_or_else(overflow)?;
        self.fixed_compensation = self
            .fixed_compensation
            .checked_add(line.fixed_compensation)
            .ok_or_else(overflow)?;
        self.total = self.total.checked_add(line.total).ok_or_else(overflow)?;
        for w in statement.into_iter().flat_map(|s| s.warnings.iter()) {
            if !self.warnings.contains(w) {
                self.warnings.push(w.clone());
            }
        }
        self.lines.push(line);
        Ok(())
    }

    fn add_credit(&mut self, credit: ClaimCredit) -> Result<()> {
        match self
            .credits
            .iter_mut()
            .find(|c| c.reference == credit.reference && c.source == credit.source)
        {
            Some(c) => {
                c.amount = c
                    .amount
                    .checked_add(credit.amount)
                    .ok_or_else(|| err!(Overflow, "claim total overflows"))?;
            }
            None => self.credits.push(credit),
        }
        Ok(())
    }

    fn rescale(&mut self) {
        let units = self.currency.minor_units();
        for c in &mut self.credits {
            c.amount.rescale(units);
        }
        for d in [
            &mut self.principal,
            &mut self.set_off,
            &mut self.interest,
            &mut self.fixed_compensation,
            &mut self.total,
            &mut self.settled_not_claimed,
        ] {
            d.rescale(units);
        }
    }
}

/// The interest of a statement not paid in cash: `total_due − fixed_compensation − outstanding`,
/// where `outstanding` is the ledger's (see the module documentation).
fn unpaid_interest(s: &Statement, outstanding: Decimal) -> Result<Decimal> {
    let interest = s
        .total_due
        .checked_sub(s.fixed_compensation)
        .and_then(|d| d.checked_sub(outstanding))
        .ok_or_else(|| err!(Overflow, "claim total overflows"))?;
    // The statement's principal is never below the ledger's outstanding (the same payments and
    // credits, imputed to interest first or to principal first); a negative difference would
    // mean the two disagree, and is not claimed.
    Ok(interest.max(Decimal::ZERO))
}
