//! The typed calls: a record in, a record out, through the core's dispatcher.
//!
//! Each call serialises its record to the operation's document, runs [`arrears::run`] and reads
//! the answer into its record. The records are generated from the same documents' schemas
//! ([`crate::records`]), so nothing is computed here and the answer is `run`'s, to the cent.

use serde::de::DeserializeOwned;
use serde::Serialize;

use arrears::{Code, Error};

use crate::records::{
    Agenda, AgendaRequest, ClaimsRequest, ClaimsResponse, DueDateRequest, DueDateResponse,
    InterestRequest, KpiReport, KpisRequest, LedgerRequest, LedgerState, Letter, LetterRequest,
    PaymentPlan, PlanRequest, RiskRequest, RiskResponse, Statement,
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

/// The due date (or the schedule of due dates) of an invoice under its payment terms (the
/// `due_date` operation; docs/terms.md): net days, days end of month by either French method,
/// end of month plus days, a day of the following month, a deposit and a balance, instalments;
/// with findings on terms the law caps (C. com. L441-10: 60 days, or 45 days end of month).
///
/// # Errors
/// `terms.*` codes (days out of range, shares not summing to 100), `date.*`.
#[uniffi::export]
pub fn due_date(request: DueDateRequest) -> Result<DueDateResponse, ArrearsError> {
    call("due_date", &request)
}

/// The state of a ledger on a date (the `ledger_state` operation; docs/ledger.md): every
/// receivable with what was paid, credited and written off, its status and days late; the
/// allocations of payments and credits; unapplied money; totals per customer and currency.
///
/// # Errors
/// `ledger.*` codes, every problem of the document listed in the error document.
#[uniffi::export]
pub fn ledger_state(request: LedgerRequest) -> Result<LedgerState, ArrearsError> {
    call("ledger_state", &request)
}

/// A payment plan (the `plan` operation; docs/plans.md): instalments that sum exactly to the
/// amount, on dates that roll to business days, with findings (a plan longer than the statute
/// allows a court to grant, C. civ. 1343-5: two years).
///
/// # Errors
/// `plans.*` codes, `money.*`, `date.*`.
#[uniffi::export]
pub fn plan(request: PlanRequest) -> Result<PaymentPlan, ArrearsError> {
    call("plan", &request)
}

/// A dunning letter (the `letter` operation; docs/letters.md): subject and body in French,
/// English or German, with the amounts, the penalties and their legal basis, as text or HTML.
///
/// # Errors
/// `letters.*` codes (unknown template, penalties that cannot be computed for a letter that
/// states them), `ledger.*`.
#[uniffi::export]
pub fn letter(request: LetterRequest) -> Result<Letter, ArrearsError> {
    call("letter", &request)
}

/// Risk scores of the customers of a ledger (the `risk` operation; docs/risk.md): a grade A-E, a
/// score, and the reasons (payment behaviour, exposure, disputes, promises), each with its weight.
///
/// # Errors
/// `ledger.*`, `risk.*` codes.
#[uniffi::export]
pub fn risk(request: RiskRequest) -> Result<RiskResponse, ArrearsError> {
    call("risk", &request)
}

/// The key figures of a ledger (the `kpis` operation; docs/kpi.md): aging, DSO (three methods),
/// recovery rate, CEI, average days late and to pay, concentration, provisions, forecasts, per
/// portfolio or per customer, segment or sector.
///
/// # Errors
/// `ledger.*`, `kpi.*` codes.
#[uniffi::export]
pub fn kpis(request: KpisRequest) -> Result<KpiReport, ArrearsError> {
    call("kpis", &request)
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
pub fn add_days(date: crate::CivilDate, days: i64) -> Result<crate::CivilDate, ArrearsError> {
    guard("add_days", || {
        Ok(arrears::calendar::date::add_days(date, days)?)
    })
}

/// `to - from` in calendar days (negative when `to` is earlier): days late, days to pay.
///
/// # Errors
/// Only for dates that do not convert (`date.invalid`).
#[uniffi::export]
pub fn days_between(from: crate::CivilDate, to: crate::CivilDate) -> Result<i64, ArrearsError> {
    guard("days_between", || {
        Ok(arrears::calendar::date::days_between(from, to))
    })
}
