//! Letters: reminders, the formal notice and the other dunning documents, in French, English and
//! German, as plain text or as a printable HTML page.
//!
//! One [`LetterContext`] (the parties, the invoices with their penalties, the totals, the regime
//! whose statute the letter cites, the deadline, the instalments of a plan) is the single input of
//! every letter. The agenda fills it from the ledger and the interest engine, so a letter quotes the
//! same figures as the statement; a caller can also write it by hand. [`render`] turns it into a
//! [`Letter`] with one of the built-in templates ([`TemplateId`]); [`render_custom`] does the same
//! with the caller's own templates (minijinja syntax, the same context, the same filters).
//!
//! What this module guarantees:
//! - **Escaping.** In HTML every value is escaped by the template engine (names, addresses and
//!   references are untrusted); in text nothing is altered.
//! - **No panics, coded errors.** An unknown template id is `letters.unknown_template`; a user
//!   template that does not compile, or names a value the context does not have (undefined values
//!   are errors, never silently empty), is `letters.render` with the line.
//! - **Checkable content.** [`Letter::checks`] lists the required elements of the template that
//!   the rendered letter contains (the words "mise en demeure", the deadline, the indemnity and its
//!   legal basis, ...) and [`Letter::missing`] those it lacks, the same way in every language and
//!   for user templates too. `docs/letters.md` lists them with their sources.
//! - **Courteous wording.** The built-in texts state facts, the amounts and their legal basis, the
//!   deadline and the next step; they never threaten.
//!
//! Amounts and dates are written the way each language writes them ([`format`](mod@format), with no-break
//! spaces so that an amount never breaks across lines): `1 234,56 €` and
//! `30 juin 2026` in French, `1.234,56 €` and `30. Juni 2026` in German, `€1,234.56` and
//! `30 June 2026` in English.
//!
//! ```
//! use arrears::letters::{render, Format, LetterContext};
//!
//! let ctx: LetterContext = serde_json::from_value(serde_json::json!({
//!     "template": "formal_notice", "language": "fr", "date": "2026-06-30", "place": "Paris",
//!     "creditor": {"name": "Atelier Dupont SARL", "address_lines": ["12 rue des Lilas", "75011 Paris"]},
//!     "debtor": {"name": "Client SA", "address_lines": ["4 avenue Foch", "69006 Lyon"]},
//!     "currency": "EUR", "regime": "fr_b2b",
//!     "invoices": [{"id": "F2026-0011", "issue_date": "2026-04-15", "due_date": "2026-05-15",
//!                   "amount": "1234.56", "outstanding": "1234.56", "days_late": 46,
//!                   "interest": "18.90", "fixed_compensation": "40.00"}],
//!     "signatory": {"name": "Jeanne Dupont", "title": "Gérante"}
//! })).unwrap();
//! let letter = render(&ctx, Format::Text)?;
//! assert!(letter.subject.starts_with("Mise en demeure"));
//! assert!(letter.body.contains("1\u{202f}234,56\u{a0}€")); // amounts never break across lines
//! assert!(letter.body.contains("8 juillet 2026")); // the default deadline: date + 8 days
//! assert!(letter.missing.is_empty(), "{:?}", letter.missing);
//! # Ok::<(), arrears::Error>(())
//! ```

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::date::serde_date;
use crate::error::{err, Error, Result};
use crate::interest::Regime;
use crate::money::{decimal_string, Currency, Money};

mod checks;
mod engine;
pub mod format;
mod markup;
pub mod ops;
mod templates;
#[cfg(test)]
mod tests;

pub use checks::Element;

/// The language of a letter.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// French.
    Fr,
    /// English (England and Wales for the legal wording).
    En,
    /// German (Germany for the legal wording).
    De,
}

impl Language {
    /// Every language.
    pub const ALL: &'static [Language] = &[Language::Fr, Language::En, Language::De];

    /// The ISO 639-1 code, as written in documents: `"fr"`, `"en"`, `"de"`.
    ///
    /// ```
    /// assert_eq!(arrears::letters::Language::De.code(), "de");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
            Language::De => "de",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The output format of a letter.
#[non_exhaustive]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (UTF-8), paragraphs separated by blank lines: an email body or a text file.
    #[default]
    Text,
    /// A self-contained printable HTML page (inline CSS, nothing loaded from the network), every
    /// value escaped.
    Html,
}

impl Format {
    /// `"text"` or `"html"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
        }
    }
}

/// The built-in templates, one per dunning document (`docs/dunning.md` §"Letters"), each in
/// French, English and German.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TemplateId {
    /// A neutral reminder a few days before the due date.
    ReminderPreDue,
    /// A friendly reminder after the due date.
    Reminder,
    /// A firmer reminder that asks for payment by a date.
    FirmReminder,
    /// A phone-call script for the person who calls (internal).
    CallScript,
    /// A letter recalling the late-payment penalties and the fixed compensation with their basis.
    PenaltyLetter,
    /// The formal notice: mise en demeure (FR), letter before action (EN), letzte Mahnung (DE).
    FormalNotice,
    /// A letter offering a payment plan (the instalments of the context).
    PaymentPlanOffer,
    /// The payment-plan agreement for both parties to sign.
    PaymentPlanAgreement,
    /// A statement of the open invoices.
    StatementOfAccount,
    /// The file handed over to a collection agency (internal summary).
    AgencyHandover,
    /// What a court application needs (FR: injonction de payer), as a checklist and summary.
    CourtFile,
    /// An internal memo proposing to write the debt off.
    WriteOffProposal,
}

impl TemplateId {
    /// Every template, in ladder order.
    pub const ALL: &'static [TemplateId] = &[
        TemplateId::ReminderPreDue,
        TemplateId::Reminder,
        TemplateId::FirmReminder,
        TemplateId::CallScript,
        TemplateId::PenaltyLetter,
        TemplateId::FormalNotice,
        TemplateId::PaymentPlanOffer,
        TemplateId::PaymentPlanAgreement,
        TemplateId::StatementOfAccount,
        TemplateId::AgencyHandover,
        TemplateId::CourtFile,
        TemplateId::WriteOffProposal,
    ];

    /// The stable identifier, e.g. `"formal_notice"`.
    ///
    /// ```
    /// assert_eq!(arrears::letters::TemplateId::CourtFile.as_str(), "court_file");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            TemplateId::ReminderPreDue => "reminder_pre_due",
            TemplateId::Reminder => "reminder",
            TemplateId::FirmReminder => "firm_reminder",
            TemplateId::CallScript => "call_script",
            TemplateId::PenaltyLetter => "penalty_letter",
            TemplateId::FormalNotice => "formal_notice",
            TemplateId::PaymentPlanOffer => "payment_plan_offer",
            TemplateId::PaymentPlanAgreement => "payment_plan_agreement",
            TemplateId::StatementOfAccount => "statement_of_account",
            TemplateId::AgencyHandover => "agency_handover",
            TemplateId::CourtFile => "court_file",
            TemplateId::WriteOffProposal => "write_off_proposal",
        }
    }

    /// The source of the built-in template in a language: a starting point for a custom template
    /// (see [`render_custom`]).
    ///
    /// ```
    /// use arrears::letters::{Language, TemplateId};
    /// assert!(TemplateId::FormalNotice.source(Language::Fr).contains("mise en demeure"));
    /// ```
    pub fn source(self, language: Language) -> &'static str {
        templates::letter(self, language)
    }

    /// The elements a letter of this kind must contain; [`Letter::checks`] and
    /// [`Letter::missing`] split them into present and absent. Of these, penalties and the
    /// indemnity are required only when the context claims them, the place only in French, and
    /// the registered-letter line in French and German.
    ///
    /// ```
    /// use arrears::letters::{Element, TemplateId};
    /// assert!(TemplateId::FormalNotice.required().contains(&Element::Deadline));
    /// ```
    pub fn required(self) -> &'static [Element] {
        checks::required(self)
    }
}

impl fmt::Display for TemplateId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TemplateId {
    type Err = Error;

    /// ```
    /// use arrears::letters::TemplateId;
    /// assert_eq!("formal_notice".parse::<TemplateId>()?, TemplateId::FormalNotice);
    /// let e = "mise_en_demeure".parse::<TemplateId>().unwrap_err();
    /// assert_eq!(e.code().as_str(), "letters.unknown_template");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<TemplateId> {
        TemplateId::ALL
            .iter()
            .copied()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| {
                let known: Vec<&str> = TemplateId::ALL.iter().map(|t| t.as_str()).collect();
                err!(
                    UnknownTemplate,
                    "unknown letter template {s:?}; known: {}",
                    known.join(", ")
                )
            })
    }
}

/// A party to the letter: the creditor (who writes) or the debtor (who owes).
///
/// Every field is printed as given, so write `registration` with its label
/// (`"SIREN 812 345 678"`, `"Company number 01234567"`, `"USt-IdNr. DE123456789"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Name (company or person); must not be empty.
    pub name: String,
    /// Postal address, one line per entry (street, postcode and town, country).
    #[serde(default)]
    pub address_lines: Vec<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Registration, with its label: SIREN, company number, USt-IdNr., ...
    #[serde(default)]
    pub registration: Option<String>,
    /// Bank account for payments (the creditor's).
    #[serde(default)]
    pub iban: Option<String>,
    /// The person the letter is for (debtor) or who answers questions (creditor).
    #[serde(default)]
    pub contact_person: Option<String>,
}

/// One invoice as a letter quotes it; amounts in the context's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LetterInvoice {
    /// Invoice number.
    pub id: String,
    /// Date of issue.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub issue_date: NaiveDate,
    /// Due date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub due_date: NaiveDate,
    /// Invoiced amount.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
    /// Amount still unpaid.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub outstanding: Decimal,
    /// Days past the due date on the letter's date (negative before it).
    #[serde(default)]
    pub days_late: i64,
    /// Late-payment penalties (interest) accrued on the letter's date.
    #[serde(with = "decimal_string", default)]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest: Decimal,
    /// Fixed recovery compensation claimed for this invoice (EUR 40 in FR and DE B2B, £40/£70/£100
    /// in the UK).
    #[serde(with = "decimal_string", default)]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub fixed_compensation: Decimal,
    /// For an invoice of `settled_invoices`: the day it was paid (late).
    #[serde(
        with = "serde_date::option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub settled_on: Option<NaiveDate>,
}

/// A credit on account deducted from what a letter claims: a credit note, or what a payment paid
/// beyond the invoices it was matched to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LetterCredit {
    /// The credit note's or the payment's reference.
    pub reference: String,
    /// `credit_note`, `payment` or `deposit`.
    pub source: crate::ledger::AllocationSource,
    /// Its date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub date: NaiveDate,
    /// The amount deducted.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
}

/// The amounts a letter claims. When omitted from a context they are the sums over its invoices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Totals {
    /// The unpaid principal.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub principal: Decimal,
    /// Late-payment penalties (interest).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest: Decimal,
    /// Fixed recovery compensation.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub fixed_compensation: Decimal,
    /// Credits on account deducted (set off, C. civ. 1347): the sum of the context's `credits`.
    #[serde(
        default,
        with = "decimal_string",
        skip_serializing_if = "Decimal::is_zero"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub set_off: Decimal,
    /// `principal − set_off + interest + fixed_compensation` (checked).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub total: Decimal,
}

/// One instalment of a payment plan, for the plan letters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LetterInstalment {
    /// 1, 2, 3, ...
    pub number: u32,
    /// The date it is due.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub due_date: NaiveDate,
    /// Its amount.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
}

/// Who signs the letter for the creditor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// Name.
    pub name: String,
    /// Position ("Gérante", "Finance Director", "Geschäftsführer").
    #[serde(default)]
    pub title: Option<String>,
}

/// Everything a letter says: the single input of every template, built-in or custom.
///
/// In a template every field is available under its name (`creditor.name`, `invoices`,
/// `totals.total`, ...); absent optional fields are `none`, so `{% if place %}` works and a
/// misspelt name is an error. Amounts are decimal strings and dates `YYYY-MM-DD` strings, to be
/// written with the `money` and `date` filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LetterContext {
    /// Template id: one of [`TemplateId`] for [`render`]; any name for [`render_custom`] (a
    /// known id there still selects the required elements and the default deadline).
    pub template: String,
    /// Language of the letter.
    pub language: Language,
    /// Date of the letter.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub date: NaiveDate,
    /// Where it is written ("Paris"), for the date line.
    #[serde(default)]
    pub place: Option<String>,
    /// Who writes and is owed.
    pub creditor: Party,
    /// Who owes.
    pub debtor: Party,
    /// A reference to quote (customer account, file number).
    #[serde(default)]
    pub reference: Option<String>,
    /// Currency of every amount.
    pub currency: Currency,
    /// The invoices the letter is about.
    #[serde(default)]
    pub invoices: Vec<LetterInvoice>,
    /// Invoices not yet due, mentioned for information after the ones claimed (their amounts are
    /// not in the totals).
    #[serde(default)]
    pub upcoming_invoices: Vec<LetterInvoice>,
    /// Invoices already paid, late, whose penalties the letter claims (`outstanding` zero,
    /// `settled_on` set): listed after the open ones and counted in the totals.
    #[serde(default)]
    pub settled_invoices: Vec<LetterInvoice>,
    /// Credits on account deducted from the claim, listed under the principal; their sum is
    /// `totals.set_off`.
    #[serde(default)]
    pub credits: Vec<LetterCredit>,
    /// The amounts claimed; the sums over `invoices` when omitted.
    #[serde(default)]
    pub totals: Option<Totals>,
    /// The interest regime whose statute the letter cites (`fr_b2b`, `de_b2b`,
    /// `uk_late_payment`, ...).
    #[serde(default)]
    pub regime: Option<Regime>,
    /// How the rate was set, in words ("taux BCE 2,15 % + 10 points = 12,15 %").
    #[serde(default)]
    pub rate_description: Option<String>,
    /// Date by which to pay. The formal notice defaults to the letter's date + 8 days (FR),
    /// + 14 days (EN, Practice Direction on Pre-Action Conduct) or + 10 days (DE).
    #[serde(with = "serde_date::option", default)]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub deadline: Option<NaiveDate>,
    /// Date of an earlier formal notice (for the agency and court files).
    #[serde(with = "serde_date::option", default)]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub formal_notice_date: Option<NaiveDate>,
    /// The instalments of a payment plan (plan letters).
    #[serde(default)]
    pub instalments: Vec<LetterInstalment>,
    /// Who signs.
    #[serde(default)]
    pub signatory: Option<Signatory>,
    /// What the sender should know before sending (a rate not yet confirmed by its official
    /// publication, invoices without penalties and why, a missing postal address). Never printed
    /// by the built-in templates; copied to [`Letter::warnings`].
    #[serde(default)]
    pub warnings: Vec<String>,
    /// A draft, not the letter to send: its subject and the top of its body say so ("PROJET — NE
    /// PAS ENVOYER"), and a letter with legal weight lacking a fact it needs (a postal address)
    /// is written anyway instead of refused.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

/// The templates whose letter carries legal weight and is sent by post to a named address: the
/// formal notice (C. civ. 1344, by registered letter) and the court file (the injonction de payer
/// names both parties' addresses, C. proc. civ. 1407). Writing one without those facts is refused
/// unless it is a draft.
const LEGAL_WEIGHT: &[TemplateId] = &[TemplateId::FormalNotice, TemplateId::CourtFile];

/// The facts a letter with legal weight needs, when it is not a draft.
fn check_legal_facts(ctx: &LetterContext, id: TemplateId) -> Result<()> {
    if ctx.draft || !LEGAL_WEIGHT.contains(&id) {
        return Ok(());
    }
    let mut problems = Vec::new();
    for (who, party) in [("debtor", &ctx.debtor), ("creditor", &ctx.creditor)] {
        if party.address_lines.iter().all(|l| l.trim().is_empty()) {
            problems.push(
                err!(
                    MissingFacts,
                    "a {} goes by post: the {who} {} has no postal address; add it, or write a draft",
                    id.as_str(),
                    party.name
                )
                .at(format!("{who}.address_lines")),
            );
        }
    }
    Error::from_many(problems).map_or(Ok(()), Err)
}

/// The draft mark of a language, printed at the top of a draft's body.
pub(crate) fn draft_mark(language: Language) -> &'static str {
    match language {
        Language::Fr => "PROJET — NE PAS ENVOYER",
        Language::En => "DRAFT — DO NOT SEND",
        Language::De => "ENTWURF — NICHT VERSENDEN",
    }
}

/// The subject's prefix of a draft.
fn draft_prefix(language: Language) -> &'static str {
    match language {
        Language::Fr => "[PROJET] ",
        Language::En => "[DRAFT] ",
        Language::De => "[ENTWURF] ",
    }
}

/// A rendered letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Letter {
    /// The template id of the context.
    pub template: String,
    /// Its language.
    pub language: Language,
    /// The format of `body`.
    pub format: Format,
    /// The subject line, always plain text (an email subject; escape it if you put it in HTML).
    pub subject: String,
    /// The letter: plain text, or a complete HTML page.
    pub body: String,
    /// The required elements of the template (see [`TemplateId::required`]) the letter contains,
    /// in catalogue order.
    pub checks: Vec<Element>,
    /// The required elements it lacks (a missing place, signatory or deadline, a user template
    /// that leaves something out).
    pub missing: Vec<Element>,
    /// The context's warnings: what to check before sending.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Days from the letter's date to the default deadline of a formal notice, per language.
///
/// French practice gives 8 days (docs/dunning.md); the Practice Direction on Pre-Action Conduct
/// (England and Wales) 14 days to a business debtor; German practice a short "angemessene Frist",
/// here 10 days.
fn default_deadline_days(language: Language) -> i64 {
    match language {
        Language::Fr => 8,
        Language::En => 14,
        Language::De => 10,
    }
}

/// The context as templates see it: defaults filled in (totals, the formal notice's deadline),
/// after validation.
fn resolve(ctx: &LetterContext) -> Result<LetterContext> {
    validate(ctx)?;
    let mut out = ctx.clone();
    if out.totals.is_none() {
        out.totals = Some(sum_totals(
            ctx.invoices.iter().chain(&ctx.settled_invoices),
            &ctx.credits,
            ctx.currency,
        )?);
    }
    if out.deadline.is_none() && ctx.template == TemplateId::FormalNotice.as_str() {
        out.deadline = Some(crate::calendar::date::add_days(
            ctx.date,
            default_deadline_days(ctx.language),
        )?);
    }
    Ok(out)
}

fn sum_totals<'a>(
    invoices: impl Iterator<Item = &'a LetterInvoice>,
    credits: &[LetterCredit],
    currency: Currency,
) -> Result<Totals> {
    let zero = Money::zero(currency);
    let (mut principal, mut interest, mut fixed) = (zero, zero, zero);
    for inv in invoices {
        principal = principal.checked_add(Money::new(inv.outstanding, currency))?;
        interest = interest.checked_add(Money::new(inv.interest, currency))?;
        fixed = fixed.checked_add(Money::new(inv.fixed_compensation, currency))?;
    }
    let mut set_off = zero;
    for c in credits {
        set_off = set_off.checked_add(Money::new(c.amount, currency))?;
    }
    let total = principal
        .checked_sub(set_off)?
        .checked_add(interest)?
        .checked_add(fixed)?;
    Ok(Totals {
        principal: principal.amount(),
        interest: interest.amount(),
        fixed_compensation: fixed.amount(),
        set_off: set_off.amount(),
        total: total.amount(),
    })
}

/// Checks what a letter must not get wrong: names present, amounts exact in the currency's minor
/// units and not negative, totals that add up.
fn validate(ctx: &LetterContext) -> Result<()> {
    let mut problems = Vec::new();
    for (who, party) in [("creditor", &ctx.creditor), ("debtor", &ctx.debtor)] {
        if party.name.trim().is_empty() {
            problems.push(err!(InvalidValue, "the {who} has no name").at(format!("{who}.name")));
        }
    }
    let amount = |d: Decimal, path: String, problems: &mut Vec<Error>| {
        let m = Money::new(d, ctx.currency);
        if m.is_negative() {
            problems.push(err!(NegativeAmount, "{d} is negative").at(path));
        } else if let Err(e) = m.require_minor_units() {
            problems.push(e.at(path));
        }
    };
    let lists = [
        ("invoices", &ctx.invoices),
        ("settled_invoices", &ctx.settled_invoices),
    ];
    for (list, invoices) in lists {
        for (i, inv) in invoices.iter().enumerate() {
            for (field, value) in [
                ("amount", inv.amount),
                ("outstanding", inv.outstanding),
                ("interest", inv.interest),
                ("fixed_compensation", inv.fixed_compensation),
            ] {
                amount(value, format!("{list}[{i}].{field}"), &mut problems);
            }
        }
    }
    // A plan agreement without its instalments would print an empty schedule for both parties
    // to sign.
    if ctx.template == TemplateId::PaymentPlanAgreement.as_str() && ctx.instalments.is_empty() {
        problems.push(
            err!(
                MissingPlan,
                "a payment-plan agreement needs the plan's instalments (build the plan first)"
            )
            .at("instalments"),
        );
    }
    for (i, inst) in ctx.instalments.iter().enumerate() {
        amount(
            inst.amount,
            format!("instalments[{i}].amount"),
            &mut problems,
        );
    }
    if let Some(t) = &ctx.totals {
        amount(t.principal, "totals.principal".into(), &mut problems);
        amount(t.interest, "totals.interest".into(), &mut problems);
        amount(
            t.fixed_compensation,
            "totals.fixed_compensation".into(),
            &mut problems,
        );
        amount(t.total, "totals.total".into(), &mut problems);
        amount(t.set_off, "totals.set_off".into(), &mut problems);
        let sum = t
            .principal
            .checked_sub(t.set_off)
            .and_then(|s| s.checked_add(t.interest))
            .and_then(|s| s.checked_add(t.fixed_compensation));
        if sum != Some(t.total) {
            problems.push(
                err!(
                    InvalidValue,
                    "total {} is not principal {} − set-off {} + interest {} + fixed compensation {}",
                    t.total,
                    t.principal,
                    t.set_off,
                    t.interest,
                    t.fixed_compensation
                )
                .at("totals.total"),
            );
        }
        let credited = ctx
            .credits
            .iter()
            .try_fold(Decimal::ZERO, |acc, c| acc.checked_add(c.amount));
        if credited != Some(t.set_off) {
            problems.push(
                err!(
                    InvalidValue,
                    "set-off {} is not the sum of the credits listed",
                    t.set_off
                )
                .at("totals.set_off"),
            );
        }
    }
    match Error::from_many(problems) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Renders a letter with the built-in template named by `ctx.template`, in `ctx.language`.
///
/// # Errors
/// `letters.unknown_template` for a template id that is not one of [`TemplateId`];
/// `input.invalid_value`, `money.negative_amount` or `money.not_in_minor_units` for a context
/// that would print something wrong (no name, totals that do not add up, fractions of cents);
/// `letters.render` if rendering fails.
///
/// ```
/// use arrears::letters::{render, Format, LetterContext};
/// let ctx: LetterContext = serde_json::from_value(serde_json::json!({
///     "template": "firm_reminder", "language": "en", "date": "2026-06-30",
///     "creditor": {"name": "Studio North Ltd"}, "debtor": {"name": "Client <Ltd> & Co"},
///     "currency": "GBP",
///     "invoices": [{"id": "INV-7", "issue_date": "2026-05-01", "due_date": "2026-05-31",
///                   "amount": "1500.00", "outstanding": "1500.00", "days_late": 30}]
/// })).unwrap();
/// let html = render(&ctx, Format::Html)?;
/// assert!(html.body.starts_with("<!DOCTYPE html>"));
/// assert!(html.body.contains("Client &lt;Ltd&gt; &amp; Co"));
/// assert!(html.body.contains("£1,500.00"));
/// let text = render(&ctx, Format::Text)?;
/// assert!(text.body.contains("Client <Ltd> & Co"));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn render(ctx: &LetterContext, format: Format) -> Result<Letter> {
    let id: TemplateId = ctx.template.parse().map_err(|e: Error| e.at("template"))?;
    let resolved = resolve(ctx)?;
    check_legal_facts(&resolved, id)?;
    let text = engine::render_builtin(&resolved, id, Format::Text)?;
    let body = match format {
        Format::Text => text.body.clone(),
        Format::Html => engine::render_builtin(&resolved, id, Format::Html)?.body,
    };
    Ok(finish(&resolved, Some(id), format, text, body))
}

/// Renders a letter with the caller's own templates (minijinja syntax) over the same context.
///
/// The subject template is rendered as plain text; the body template as text or HTML (with
/// HTML auto-escaping). The body sees the rendered subject as `subject`. Both can use the
/// filters `money`, `date`, `percent` and `blocks` and include the built-in parts (`_head` and
/// `_foot` for the HTML page, `_letterhead`, `_invoices`, `_totals`, `_instalments`,
/// `_signature`) and import the labels (`{% import language ~ "/_labels" as l %}`); see
/// `docs/letters.md`. Undefined values are errors. When `ctx.template` is a [`TemplateId`],
/// its required elements are checked and the formal notice's default deadline applies.
///
/// # Errors
/// `letters.render` when a template does not compile, names an undefined value, fails in a
/// filter or runs too long; the validation errors of [`render`].
///
/// ```
/// use arrears::letters::{render_custom, Format, LetterContext};
/// let ctx: LetterContext = serde_json::from_value(serde_json::json!({
///     "template": "my_reminder", "language": "de", "date": "2026-06-30",
///     "creditor": {"name": "Muster GmbH"}, "debtor": {"name": "Kunde AG"}, "currency": "EUR",
///     "invoices": [{"id": "R-1", "issue_date": "2026-05-01", "due_date": "2026-05-31",
///                   "amount": "1234.50", "outstanding": "1234.50"}]
/// })).unwrap();
/// let letter = render_custom(
///     &ctx,
///     "Rechnung {{ invoices[0].id }}",
///     "Offen: {{ totals.total|money }} seit {{ invoices[0].due_date|date }}.",
///     Format::Text,
/// )?;
/// assert_eq!(letter.subject, "Rechnung R-1");
/// assert_eq!(letter.body, "Offen: 1.234,50\u{a0}€ seit 31. Mai 2026.\n");
///
/// let e = render_custom(&ctx, "x", "{{ debtor.nmae }}", Format::Text).unwrap_err();
/// assert_eq!(e.code().as_str(), "letters.render");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn render_custom(
    ctx: &LetterContext,
    subject_template: &str,
    body_template: &str,
    format: Format,
) -> Result<Letter> {
    let id = ctx.template.parse::<TemplateId>().ok();
    let resolved = resolve(ctx)?;
    if let Some(id) = id {
        check_legal_facts(&resolved, id)?;
    }
    let text = engine::render_custom(&resolved, subject_template, body_template, Format::Text)?;
    let body = match format {
        Format::Text => text.body.clone(),
        Format::Html => {
            engine::render_custom(&resolved, subject_template, body_template, Format::Html)?.body
        }
    };
    Ok(finish(&resolved, id, format, text, body))
}

fn finish(
    resolved: &LetterContext,
    id: Option<TemplateId>,
    format: Format,
    text: engine::Rendered,
    body: String,
) -> Letter {
    // Checks read the plain-text rendering: the same words as the HTML page, without markup or
    // escaping in the way.
    let (checks, missing) = match id {
        Some(id) => checks::check(resolved, id, &text.body),
        None => (Vec::new(), Vec::new()),
    };
    let subject = if resolved.draft {
        format!("{}{}", draft_prefix(resolved.language), text.subject)
    } else {
        text.subject
    };
    Letter {
        template: resolved.template.clone(),
        language: resolved.language,
        format,
        subject,
        body,
        checks,
        missing,
        warnings: resolved.warnings.clone(),
    }
}

/// The formal-notice page of `docs/letters.md`, run as a doctest so the page cannot drift.
#[doc = include_str!("../../../docs/letters.md")]
#[cfg(doctest)]
pub struct LettersDoctests;
