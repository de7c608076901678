//! From the ledger, the interest engine and the journal to a letter's context: the figures a
//! reminder or a formal notice quotes are the ones the agenda and the reports show.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::agenda::Action;
use super::journal::{open_disputes, JournalEntry, JournalEvent};
use super::policy::Policy;
use crate::claim::Claims;
use crate::error::{err, Result};
use crate::interest::ledger::LedgerInterestOptions;
use crate::ledger::{DebtorStatus, Ledger, ReceivableState};
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

/// What a letter needs besides the ledger and the customer: who writes, the policy and the
/// journal (for the date of an earlier formal notice and the disputes), the interest options
/// and the rates.
#[derive(Debug, Clone, Copy)]
pub struct LetterSetup<'a> {
    /// The creditor's details.
    pub sender: &'a Sender,
    /// The policy whose formal-notice step dates an earlier formal notice.
    pub policy: &'a Policy,
    /// The journal.
    pub journal: &'a [JournalEntry],
    /// Regime choice and conventions of the penalties, and whether penalties on invoices paid
    /// late are claimed.
    pub interest: &'a LedgerInterestOptions,
    /// The rate table.
    pub table: &'a RateTable,
    /// Write a penalty letter or a formal notice even when the penalties of some of its invoices
    /// could not be computed (no regime for the customer, a rate not yet known). Off by default:
    /// such a letter would silently claim less than the law allows.
    pub allow_missing_penalties: bool,
    /// The claims of the ledger on the letter's date, when the caller has them (a day's letters
    /// then share one computation); computed otherwise. Claims of another date are not used.
    pub claims: Option<&'a Claims<'a>>,
    /// Write drafts ([`LetterContext::draft`]): marked as such, and a formal notice lacking a
    /// postal address is written instead of refused.
    pub draft: bool,
}

/// The templates that state the penalties and their statute: writing one without them is refused
/// unless [`LetterSetup::allow_missing_penalties`] says otherwise.
const STATES_PENALTIES: &[&str] = &["penalty_letter", "formal_notice"];

/// The templates sent by post, which need the debtor's postal address.
const BY_POST: &[&str] = &[
    "penalty_letter",
    "formal_notice",
    "payment_plan_agreement",
    "statement_of_account",
];

/// Builds the context of a letter to `customer`.
///
/// The invoices are the selected receivables with something outstanding in one currency (the
/// currency with the largest amount when a customer owes in several: one letter per currency);
/// every amount is the customer's [`crate::claim::CustomerClaim`] on `date`, the same the agenda
/// and the report show (disputed parts left out, penalties on invoices paid late claimed or not
/// as the interest options say); the formal-notice date is the last journal action of a
/// formal-notice step of the policy. The context's warnings say what to check before sending.
///
/// # Errors
/// `ledger.unknown_customer` when the customer has nothing to write about;
/// `letters.penalties_unavailable` for a penalty letter or a formal notice whose penalties could
/// not all be computed (unless allowed; a consumer, who owes none, is not refused); ledger and
/// interest errors.
pub fn context(
    ledger: &Ledger,
    customer: &str,
    template: &str,
    language: Language,
    date: NaiveDate,
    selection: Selection<'_>,
    setup: &LetterSetup<'_>,
) -> Result<LetterContext> {
    // The ledger's state and claims on the date: the caller's, or computed once here.
    let computed_state;
    let computed_claims;
    let claims: &Claims<'_> = match setup.claims {
        Some(c) if c.state().as_of == date => c,
        _ => {
            computed_state = ledger.state_as_of(date)?;
            computed_claims =
                Claims::for_contacts(ledger, &computed_state, setup.interest, setup.table)?;
            &computed_claims
        }
    };
    let disputes = open_disputes(setup.journal, date);
    let chosen: Vec<&ReceivableState> = claims
        .receivables_of(customer)
        .filter(|r| !r.outstanding.is_zero())
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
    let no_letter = || {
        err!(
            UnknownCustomer,
            "customer {customer:?} has no receivable for a {template} letter on {date}"
        )
    };
    let Some((currency, _)) = per_currency.first().copied() else {
        return Err(no_letter());
    };
    let ids: Vec<String> = chosen.iter().map(|r| r.id.clone()).collect();
    let claim = claims.customer(customer, currency, Some(&ids), &disputes)?;
    // A pre-due reminder is about invoices not yet due; every other letter claims overdue ones.
    let pre_due = template == "reminder_pre_due";
    let nothing = if pre_due {
        claim.upcoming.is_empty()
    } else {
        claim.lines.iter().all(|l| l.settled_on.is_some())
    };
    if nothing {
        return Err(no_letter());
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

    let mut warnings: Vec<String> = Vec::new();
    if !claim.without_penalties.is_empty() {
        let consumer = record.is_some_and(|c| c.debtor_status() == DebtorStatus::Consumer);
        let mut reasons: Vec<(&str, Vec<&str>)> = Vec::new();
        for s in &claim.without_penalties {
            match reasons.iter_mut().find(|(r, _)| *r == s.reason) {
                Some((_, ids)) => ids.push(&s.receivable),
                None => reasons.push((&s.reason, vec![&s.receivable])),
            }
        }
        let explained: Vec<String> = reasons
            .iter()
            .map(|(reason, ids)| format!("{}: {reason}", ids.join(", ")))
            .collect();
        if STATES_PENALTIES.contains(&template) && !consumer && !setup.allow_missing_penalties {
            return Err(err!(
                PenaltiesUnavailable,
                "the {template} to {customer} would claim no late-payment penalties for {}; set the customer's country or a regime, or ask for the letter without penalties",
                explained.join("; ")
            ));
        }
        for e in explained {
            warnings.push(format!("no late-payment penalties for {e}"));
        }
    }
    warnings.extend(claim.warnings.iter().map(|w| w.message.clone()));
    if BY_POST.contains(&template) && debtor.address_lines.is_empty() {
        warnings.push(format!(
            "no postal address for {}: a {template} goes by post; add the customer's address",
            debtor.name
        ));
    }

    let regime = claim.regime();
    let rate_description = claim
        .lines
        .iter()
        .find_map(|l| claims.statement(&l.receivable))
        .and_then(|s| describe_rate(s, language));
    let letter_invoice = |l: &crate::claim::ClaimLine| LetterInvoice {
        id: l.receivable.clone(),
        issue_date: l.issue_date,
        due_date: l.due_date,
        amount: l.amount,
        outstanding: l.outstanding,
        days_late: l.days_late,
        interest: l.interest,
        fixed_compensation: l.fixed_compensation,
        settled_on: l.settled_on,
    };
    let claimed: Vec<LetterInvoice> = claim
        .lines
        .iter()
        .filter(|l| l.settled_on.is_none())
        .map(letter_invoice)
        .collect();
    let upcoming: Vec<LetterInvoice> = claim.upcoming.iter().map(letter_invoice).collect();
    let (invoices, upcoming_invoices) = if pre_due {
        (upcoming, claimed)
    } else {
        (claimed, upcoming)
    };
    let settled_invoices: Vec<LetterInvoice> = claim
        .lines
        .iter()
        .filter(|l| l.settled_on.is_some())
        .map(letter_invoice)
        .collect();

    let formal_notice_date = setup
        .journal
        .iter()
        .filter(|e| e.date <= date && e.event.customer() == customer)
        .filter_map(|e| match &e.event {
            JournalEvent::Action { items, .. } => items
                .iter()
                .any(|i| {
                    invoices.iter().any(|inv| inv.id == i.receivable)
                        && setup
                            .policy
                            .steps
                            .iter()
                            .any(|s| s.id == i.step && s.formal_notice)
                })
                .then_some(e.date),
            _ => None,
        })
        .max();
    let sender = setup.sender;
    Ok(LetterContext {
        draft: setup.draft,
        template: template.to_string(),
        language,
        date,
        place: sender.place.clone(),
        creditor: sender.creditor.clone(),
        debtor,
        reference: Some(customer.to_string()),
        currency,
        // The claim's totals; a pre-due reminder's are its invoices' (computed by the renderer).
        totals: (!pre_due).then_some(Totals {
            principal: claim.principal,
            interest: claim.interest,
            fixed_compensation: claim.fixed_compensation,
            set_off: claim.set_off,
            total: claim.total,
        }),
        credits: if pre_due {
            Vec::new()
        } else {
            claim
                .credits
                .iter()
                .map(|c| crate::letters::LetterCredit {
                    reference: c.reference.clone(),
                    source: c.source,
                    date: c.date,
                    amount: c.amount,
                })
                .collect()
        },
        invoices,
        upcoming_invoices,
        settled_invoices,
        regime,
        rate_description,
        deadline: None,
        formal_notice_date,
        instalments: Vec::new(),
        signatory: sender.signatory.clone(),
        warnings,
    })
}

/// Puts a payment plan's instalments into a letter's context (the plan letters print them).
///
/// # Errors
/// `money.currency_mismatch` when the plan is not in the letter's currency.
pub fn attach_plan(ctx: &mut LetterContext, plan: &crate::plans::PaymentPlan) -> Result<()> {
    if plan.terms.currency != ctx.currency {
        return Err(err!(
            CurrencyMismatch,
            "the plan is in {}, the letter in {}",
            plan.terms.currency,
            ctx.currency
        ));
    }
    ctx.instalments = plan
        .instalments
        .iter()
        .map(|i| crate::letters::LetterInstalment {
            number: i.number,
            due_date: i.due_date,
            amount: i.amount,
        })
        .collect();
    if let Some(t) = &ctx.totals {
        if plan.totals.principal != t.total {
            ctx.warnings.push(format!(
                "the plan covers {} {}, the letter claims {} {}",
                plan.totals.principal, ctx.currency, t.total, ctx.currency
            ));
        }
    }
    Ok(())
}

/// The context of the letter of an agenda action.
///
/// # Errors
/// As [`context`].
pub fn context_for_action(
    ledger: &Ledger,
    action: &Action,
    date: NaiveDate,
    setup: &LetterSetup<'_>,
) -> Result<LetterContext> {
    // The whole account: the items (due and listed) and, as information, those not yet due.
    let ids: Vec<String> = action
        .items
        .iter()
        .map(|i| i.receivable.clone())
        .chain(action.upcoming.iter().cloned())
        .collect();
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
        setup,
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
    if reference.series.starts_with("fr_legal") && margin.is_zero() {
        // The French legal rate is applied as published (C. mon. fin. L313-2), with no margin.
        return Some(match language {
            Language::Fr => format!("taux de l'intérêt légal {total} %"),
            Language::De => format!("französischer gesetzlicher Zinssatz {total} %"),
            _ => format!("French statutory interest rate {total}%"),
        });
    }
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
