//! From the ledger, the interest engine and the journal to a letter's context: the figures a
//! reminder or a formal notice quotes are the ones the agenda and the reports show.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::agenda::Action;
use super::journal::{JournalEntry, JournalEvent};
use super::policy::Policy;
use crate::error::{err, Result};
use crate::interest::ledger::{for_state, LedgerInterestOptions};
use crate::interest::Regime;
use crate::ledger::{Ledger, ReceivableState};
use crate::letters::{Language, LetterContext, LetterInvoice, Party, Signatory, Totals};
use crate::money::Currency;
use crate::rates::RateTable;

/// Who writes: the creditor's details, printed on every letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    /// The creditor.
    pub creditor: Party,
    /// Where letters are written from ("Lyon").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Who signs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signatory: Option<Signatory>,
}

impl Sender {
    /// The creditor of the bundled sample portfolio.
    pub fn sample() -> Sender {
        Sender {
            creditor: Party {
                name: crate::sample::CREDITOR_NAME.to_string(),
                address_lines: crate::sample::CREDITOR_ADDRESS
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                email: Some("compta@studio-exemple.example".into()),
                phone: None,
                registration: Some(crate::sample::CREDITOR_REGISTRATION.to_string()),
                iban: Some("FR76 0000 0000 0000 0000 0000 000 (fictitious)".into()),
                contact_person: None,
            },
            place: Some("Lyon".into()),
            signatory: Some(Signatory {
                name: "Camille Martin".into(),
                title: Some("Gérante".into()),
            }),
        }
    }
}

/// Which receivables a letter is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection<'a> {
    /// These receivables (an agenda action's items).
    Receivables(&'a [String]),
    /// The customer's overdue receivables (all open ones for a statement of account, the ones
    /// not yet due for a pre-due reminder).
    ForTemplate,
}

/// Builds the context of a letter to `customer`.
///
/// The invoices are the selected receivables with something outstanding in one currency (the
/// currency with the largest amount when a customer owes in several: one letter per currency);
/// amounts exclude disputed parts; the penalties are the interest engine's on `date`; the
/// formal-notice date is the last journal action of a formal-notice step of `policy`.
///
/// # Errors
/// `ledger.unknown_customer` when the customer has nothing to write about; ledger and interest
/// errors.
#[allow(clippy::too_many_arguments)]
pub fn context(
    ledger: &Ledger,
    customer: &str,
    template: &str,
    language: Language,
    date: NaiveDate,
    selection: Selection<'_>,
    sender: &Sender,
    policy: &Policy,
    journal: &[JournalEntry],
    interest: &LedgerInterestOptions,
    table: &RateTable,
) -> Result<LetterContext> {
    let state = ledger.state_as_of(date)?;
    let chosen: Vec<&ReceivableState> = state
        .receivables
        .iter()
        .filter(|r| {
            r.customer == customer && !r.outstanding.is_zero() && r.disputed < r.outstanding
        })
        .filter(|r| match &selection {
            Selection::Receivables(ids) => ids.contains(&r.id),
            Selection::ForTemplate => match template {
                "statement_of_account" => true,
                "reminder_pre_due" => r.days_late <= 0,
                _ => r.days_late > 0,
            },
        })
        .collect();
    // One currency per letter: the one with the largest amount.
    let mut per_currency: Vec<(Currency, Decimal)> = Vec::new();
    for r in &chosen {
        match per_currency.iter_mut().find(|(c, _)| *c == r.currency) {
            Some(e) => e.1 = e.1.saturating_add(r.outstanding),
            None => per_currency.push((r.currency, r.outstanding)),
        }
    }
    per_currency.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let Some((currency, _)) = per_currency.first().copied() else {
        return Err(err!(
            UnknownCustomer,
            "customer {customer:?} has no receivable for a {template} letter on {date}"
        ));
    };
    let penalties = for_state(ledger, &state, interest, table, true)?;
    let mut invoices = Vec::new();
    let mut regime: Option<Regime> = None;
    let mut rate_description = None;
    let (mut principal, mut int_total, mut fixed_total) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for r in chosen.iter().filter(|r| r.currency == currency) {
        let statement = penalties
            .receivables
            .iter()
            .find(|p| p.receivable == r.id)
            .map(|p| &p.statement);
        let (interest_due, fixed) = statement.map_or((Decimal::ZERO, Decimal::ZERO), |s| {
            (s.interest_outstanding, s.fixed_compensation)
        });
        if let Some(s) = statement {
            regime = regime.or(Some(s.regime));
            if rate_description.is_none() {
                rate_description = describe_rate(s, language);
            }
        }
        let outstanding = r.outstanding.saturating_sub(r.disputed);
        principal = principal.saturating_add(outstanding);
        int_total = int_total.saturating_add(interest_due);
        fixed_total = fixed_total.saturating_add(fixed);
        invoices.push(LetterInvoice {
            id: r.id.clone(),
            issue_date: r.issue_date,
            due_date: r.due_date,
            amount: r.amount,
            outstanding,
            days_late: r.days_late,
            interest: interest_due,
            fixed_compensation: fixed,
        });
    }
    let doc = ledger.document();
    let record = doc.customers.iter().find(|c| c.id == customer);
    let debtor = Party {
        name: record
            .and_then(|c| c.name.clone())
            .unwrap_or_else(|| customer.to_string()),
        address_lines: record.map(|c| c.address.clone()).unwrap_or_default(),
        email: record.and_then(|c| c.email.clone()),
        phone: None,
        registration: None,
        iban: None,
        contact_person: None,
    };
    let formal_notice_date = journal
        .iter()
        .filter(|e| e.date <= date && e.event.customer() == customer)
        .filter_map(|e| match &e.event {
            JournalEvent::Action { items, .. } => items
                .iter()
                .any(|i| {
                    invoices.iter().any(|inv| inv.id == i.receivable)
                        && policy
                            .steps
                            .iter()
                            .any(|s| s.id == i.step && s.formal_notice)
                })
                .then_some(e.date),
            _ => None,
        })
        .max();
    let scale = |mut d: Decimal| {
        d.rescale(currency.minor_units());
        d
    };
    Ok(LetterContext {
        template: template.to_string(),
        language,
        date,
        place: sender.place.clone(),
        creditor: sender.creditor.clone(),
        debtor,
        reference: Some(customer.to_string()),
        currency,
        totals: Some(Totals {
            principal: scale(principal),
            interest: scale(int_total),
            fixed_compensation: scale(fixed_total),
            total: scale(
                principal
                    .saturating_add(int_total)
                    .saturating_add(fixed_total),
            ),
        }),
        invoices,
        regime,
        rate_description,
        deadline: None,
        formal_notice_date,
        instalments: Vec::new(),
        signatory: sender.signatory.clone(),
    })
}

/// The context of the letter of an agenda action.
///
/// # Errors
/// As [`context`].
#[allow(clippy::too_many_arguments)]
pub fn context_for_action(
    ledger: &Ledger,
    action: &Action,
    date: NaiveDate,
    sender: &Sender,
    policy: &Policy,
    journal: &[JournalEntry],
    interest: &LedgerInterestOptions,
    table: &RateTable,
) -> Result<LetterContext> {
    let ids: Vec<String> = action.items.iter().map(|i| i.receivable.clone()).collect();
    let language = match action.language.as_str() {
        "en" => Language::En,
        "de" => Language::De,
        _ => Language::Fr,
    };
    context(
        ledger,
        &action.customer,
        &action.template,
        language,
        date,
        Selection::Receivables(&ids),
        sender,
        policy,
        journal,
        interest,
        table,
    )
}

/// "taux BCE 2,15 % + 10 points = 12,15 %" and its English and German forms, from the last
/// segment of a statement.
fn describe_rate(s: &crate::interest::Statement, language: Language) -> Option<String> {
    let seg = s.segments.last()?;
    let reference = s
        .rates_used
        .iter()
        .rev()
        .find(|u| u.from <= seg.from)
        .or(s.rates_used.last());
    let comma = |d: Decimal| {
        let t = d.to_string();
        match language {
            Language::En => t,
            _ => t.replace('.', ","),
        }
    };
    let total = comma(seg.rate_percent);
    let Some(reference) = reference else {
        return Some(match language {
            Language::Fr => format!("taux de {total} % l'an"),
            Language::De => format!("Zinssatz {total} % p. a."),
            _ => format!("{total} % a year"),
        });
    };
    let margin = seg.rate_percent.saturating_sub(reference.rate_percent);
    let (r, m) = (comma(reference.rate_percent), comma(margin.normalize()));
    Some(match (language, reference.series.as_str()) {
        (Language::Fr, "fr_l441_10") | (Language::Fr, "ecb_mro") => {
            format!("taux BCE {r} % + {m} points = {total} %")
        }
        (Language::De, "de_basiszinssatz") => {
            format!("Basiszinssatz {r} % + {m} Prozentpunkte = {total} %")
        }
        (Language::En, "uk_reference_rate") => {
            format!("Bank of England reference rate {r}% + {m}% = {total}%")
        }
        (Language::Fr, _) => format!("taux de référence {r} % + {m} points = {total} %"),
        (Language::De, _) => format!("Referenzzinssatz {r} % + {m} Prozentpunkte = {total} %"),
        _ => format!("reference rate {r}% + {m}% = {total}%"),
    })
}
