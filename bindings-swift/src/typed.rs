//! The typed calls: a record in, a record out, through the core's dispatcher.
//!
//! Each call serialises its record to the operation's document, runs [`arrears::run`] and reads
//! the answer into its record. The records are generated from the same documents' schemas
//! ([`crate::records`]), so nothing is computed here and the answer is `run`'s, to the cent.

use serde::de::DeserializeOwned;
use serde::Serialize;

use arrears::{Code, Error};

use crate::records::{
    Agenda, AgendaRequest, ClaimsRequest, ClaimsResponse, InterestRequest, Statement,
};
use crate::{guard, ArrearsError};

/// A bug of this crate (a record that does not match its document), as an error.
fn mismatch(what: String) -> ArrearsError {
    Error::new(
        Code::Internal,
        format!("{what}: a bug in arrears, please report it"),
    )
    .into()
}

/// Runs `op` on a typed request; its typed answer.
pub(crate) fn call<Q: Serialize, A: DeserializeOwned>(
    op: &str,
    request: &Q,
) -> Result<A, ArrearsError> {
    guard(&format!("the {op} operation"), || {
        let input = serde_json::to_value(request)
            .map_err(|e| mismatch(format!("the {op} request does not serialise: {e}")))?;
        let answer = arrears::run(op, &input)?;
        serde_json::from_value(answer)
            .map_err(|e| mismatch(format!("the {op} answer does not fit its record: {e}")))
    })
}

/// The statutory interest and fixed compensation of one late invoice, itemised (the `interest`
/// operation; docs/interest.md): segments of days at one rate on one balance, payments imputed,
/// the reference rates read, warnings.
///
/// # Errors
/// `interest.*`, `rates.*`, `money.*` and `date.*` codes of docs/errors.md.
#[uniffi::export]
pub fn interest(request: InterestRequest) -> Result<Statement, ArrearsError> {
    call("interest", &request)
}

/// What each customer owes on a date, ready to claim (the `claims` operation; docs/dunning.md
/// §"What a contact claims"): overdue principal, interest and fixed compensation per customer and
/// currency, disputed parts left out.
///
/// # Errors
/// `ledger.*` codes for a ledger that does not add up; as [`interest`].
#[uniffi::export]
pub fn claims(request: ClaimsRequest) -> Result<ClaimsResponse, ArrearsError> {
    call("claims", &request)
}

/// Today's dunning agenda (the `agenda` operation; docs/dunning.md): whom to contact, on which
/// channel, with which letter, for which receivables and amounts; what is paused and why; the
/// promises and their status; warnings (time bars, hand-over suggestions).
///
/// # Errors
/// `dunning.*` codes (unknown policy, a journal entry naming an unknown invoice); as [`claims`].
#[uniffi::export]
pub fn agenda(request: AgendaRequest) -> Result<Agenda, ArrearsError> {
    call("agenda", &request)
}

/// Splits an amount into `parts` amounts to the minor unit that sum exactly to it (largest
/// remainder: the first parts get the extra cents; a negative amount is split like its absolute
/// value, then negated). What a payment plan of equal instalments uses.
///
/// # Errors
/// `money.unknown_currency`, `money.invalid_split` (zero or negative parts), `money.not_in_minor_units`
/// (`0.005` EUR).
#[uniffi::export]
pub fn split_amount(
    amount: rust_decimal::Decimal,
    currency: String,
    parts: i64,
) -> Result<Vec<rust_decimal::Decimal>, ArrearsError> {
    guard("split_amount", || {
        let currency = arrears::money::Currency::from_code(&currency)?;
        let parts = u32::try_from(parts).map_err(|_| {
            Error::new(
                Code::InvalidSplit,
                format!("cannot split into {parts} parts"),
            )
        })?;
        let money = arrears::money::Money::new(amount, currency);
        Ok(money
            .split(parts)?
            .into_iter()
            .map(|m| m.amount())
            .collect())
    })
}

/// `date + days` in calendar days (negative allowed).
///
/// # Errors
/// `date.out_of_range` when the result leaves the supported range.
#[uniffi::export]
pub fn add_days(date: chrono::NaiveDate, days: i64) -> Result<chrono::NaiveDate, ArrearsError> {
    guard("add_days", || {
        Ok(arrears::calendar::date::add_days(date, days)?)
    })
}

/// `to - from` in calendar days (negative when `to` is earlier): days late, days to pay.
///
/// # Errors
/// Only for dates that do not convert (`date.invalid`).
#[uniffi::export]
pub fn days_between(from: chrono::NaiveDate, to: chrono::NaiveDate) -> Result<i64, ArrearsError> {
    guard("days_between", || {
        Ok(arrears::calendar::date::days_between(from, to))
    })
}
