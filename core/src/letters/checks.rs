//! Required content, checked on the rendered letter.
//!
//! Each template has a list of elements it must contain (the French formal notice the most:
//! docs/dunning.md §"Letters", docs/domain.md §8). After rendering, each element is looked for in the
//! plain-text letter: the parties' names, each invoice number, the amounts and dates written as
//! the letter writes them, the statute numbers of the regime, and a few fixed words per language
//! ("mise en demeure", "injonction de payer", "frais"). The answer is machine-checkable in every
//! language and holds for user templates as well.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{format, Language, LetterContext, TemplateId};
use crate::interest::Regime;

/// One element a letter may be required to contain.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Element {
    /// The words that make the letter a formal notice: "mise en demeure" (fr), "letter before
    /// action" (en), "Letzte Mahnung" (de).
    MiseEnDemeure,
    /// How it is sent: "lettre recommandée avec accusé de réception" (fr), "Einschreiben" (de).
    RegisteredLetter,
    /// The letter's date, as the language writes it.
    Date,
    /// The place it is written (French practice: "date et lieu").
    Place,
    /// The creditor's name.
    Creditor,
    /// The debtor's name.
    Debtor,
    /// Every invoice number (and at least one invoice).
    Invoices,
    /// The principal claimed.
    Principal,
    /// The late-payment penalties (interest) claimed; required when the context claims some.
    Penalties,
    /// The fixed recovery compensation with its statute (D441-5, § 288 BGB, s. 5A); required when
    /// the context claims some.
    Indemnity,
    /// The statute of the penalties (L441-10, § 288 BGB, the Late Payment Act, ...).
    LegalBasis,
    /// The total claimed.
    Total,
    /// The deadline to pay.
    Deadline,
    /// What happens next without payment: "injonction de payer" (fr), court (en),
    /// "Mahnverfahren" (de).
    Consequence,
    /// That the costs of proceedings would be claimed: "frais", "costs", "Kosten".
    Costs,
    /// The signatory's name.
    Signature,
    /// Every instalment (amount and date) of the plan.
    Instalments,
    /// The date of the earlier formal notice.
    FormalNoticeDate,
}

/// The elements of each template, in catalogue order, before the language and amount filters of
/// [`applies`].
pub(crate) fn required(id: TemplateId) -> &'static [Element] {
    use Element::*;
    match id {
        TemplateId::ReminderPreDue | TemplateId::Reminder => &[Creditor, Invoices, Principal],
        TemplateId::FirmReminder => &[Date, Creditor, Debtor, Invoices, Total],
        TemplateId::CallScript => &[Debtor, Invoices, Total],
        TemplateId::PenaltyLetter => &[
            Date, Creditor, Debtor, Invoices, Principal, Penalties, Indemnity, LegalBasis, Total,
        ],
        TemplateId::FormalNotice => &[
            MiseEnDemeure,
            RegisteredLetter,
            Date,
            Place,
            Creditor,
            Debtor,
            Invoices,
            Principal,
            Penalties,
            Indemnity,
            LegalBasis,
            Total,
            Deadline,
            Consequence,
            Costs,
            Signature,
        ],
        TemplateId::PaymentPlanOffer => &[Date, Creditor, Debtor, Total, Instalments],
        TemplateId::PaymentPlanAgreement => {
            &[Date, Creditor, Debtor, Total, Instalments, Signature]
        }
        TemplateId::StatementOfAccount => &[Date, Creditor, Debtor, Invoices, Total],
        TemplateId::AgencyHandover => &[
            Creditor,
            Debtor,
            Invoices,
            Principal,
            Total,
            FormalNoticeDate,
        ],
        TemplateId::CourtFile => &[
            Creditor,
            Debtor,
            Invoices,
            Principal,
            LegalBasis,
            Total,
            FormalNoticeDate,
        ],
        TemplateId::WriteOffProposal => &[Debtor, Invoices, Total],
    }
}

/// Whether a listed element is required for this letter: penalties and the indemnity only when
/// the context claims them; the place only in French (the date line "Paris, le ..."); the
/// registered letter in French and German practice (the English letter before action has no
/// required means of delivery).
fn applies(element: Element, ctx: &LetterContext) -> bool {
    let totals = ctx.totals.as_ref();
    match element {
        Element::Penalties => totals.is_some_and(|t| !t.interest.is_zero()),
        Element::Indemnity => totals.is_some_and(|t| !t.fixed_compensation.is_zero()),
        Element::Place => ctx.language == Language::Fr,
        Element::RegisteredLetter => ctx.language != Language::En,
        _ => true,
    }
}

/// Splits the required elements of `id` into those `text` contains and those it lacks.
pub(crate) fn check(
    ctx: &LetterContext,
    id: TemplateId,
    text: &str,
) -> (Vec<Element>, Vec<Element>) {
    required(id)
        .iter()
        .copied()
        .filter(|e| applies(*e, ctx))
        .partition(|e| present(*e, ctx, text))
}

fn money(ctx: &LetterContext, d: Decimal) -> String {
    format::money(d, ctx.currency, ctx.language)
}

fn present(element: Element, ctx: &LetterContext, text: &str) -> bool {
    let lang = ctx.language;
    let lower = text.to_lowercase();
    let words = |fr: &str, en: &str, de: &str| {
        let w = match lang {
            Language::Fr => fr,
            Language::En => en,
            Language::De => de,
        };
        lower.contains(&w.to_lowercase())
    };
    let totals = ctx.totals.as_ref();
    match element {
        Element::MiseEnDemeure => {
            words("mise en demeure", "letter before action", "letzte mahnung")
        }
        Element::RegisteredLetter => words(
            "recommandée avec accusé de réception",
            "recorded delivery",
            "einschreiben",
        ),
        Element::Date => contains_token(text, &format::date(ctx.date, lang)),
        Element::Place => ctx
            .place
            .as_deref()
            .is_some_and(|p| !p.trim().is_empty() && text.contains(p.trim())),
        Element::Creditor => text.contains(ctx.creditor.name.trim()),
        Element::Debtor => text.contains(ctx.debtor.name.trim()),
        Element::Invoices => {
            !ctx.invoices.is_empty() && ctx.invoices.iter().all(|i| contains_token(text, &i.id))
        }
        Element::Principal => {
            totals.is_some_and(|t| contains_token(text, &money(ctx, t.principal)))
        }
        Element::Penalties => totals.is_some_and(|t| contains_token(text, &money(ctx, t.interest))),
        Element::Indemnity => {
            totals.is_some_and(|t| contains_token(text, &money(ctx, t.fixed_compensation)))
                && ctx
                    .regime
                    .is_none_or(|r| citations(r, lang).1.iter().all(|c| text.contains(c)))
        }
        Element::LegalBasis => ctx.regime.is_some_and(|r| {
            let (interest, _) = citations(r, lang);
            interest.iter().all(|c| text.contains(c))
        }),
        Element::Total => totals.is_some_and(|t| contains_token(text, &money(ctx, t.total))),
        Element::Deadline => ctx
            .deadline
            .is_some_and(|d| contains_token(text, &format::date(d, lang))),
        Element::Consequence => words("injonction de payer", "court", "mahnverfahren"),
        Element::Costs => words("frais", "costs", "kosten"),
        Element::Signature => ctx
            .signatory
            .as_ref()
            .is_some_and(|s| !s.name.trim().is_empty() && text.contains(s.name.trim())),
        Element::Instalments => {
            !ctx.instalments.is_empty()
                && ctx.instalments.iter().all(|i| {
                    contains_token(text, &money(ctx, i.amount))
                        && contains_token(text, &format::date(i.due_date, lang))
                })
        }
        Element::FormalNoticeDate => ctx
            .formal_notice_date
            .is_some_and(|d| contains_token(text, &format::date(d, lang))),
    }
}

/// The statute numbers a letter cites for a regime's penalties and for its fixed compensation
/// (what the labels of each language write).
pub(crate) fn citations(
    regime: Regime,
    language: Language,
) -> (&'static [&'static str], &'static [&'static str]) {
    match regime {
        Regime::FrB2b | Regime::FrB2bContractual => (&["L441-10"], &["D441-5"]),
        Regime::FrLegalProfessional | Regime::FrLegalConsumer => (&["1231-6"], &[]),
        Regime::FrPublicProcurement => (&["R2192-31"], &["D2192-35"]),
        Regime::DeB2b => (&["§ 288"], &["§ 288"]),
        Regime::DeConsumer => (&["§ 288"], &[]),
        Regime::UkLatePayment => (&["Late Payment of Commercial Debts"], &["5A"]),
        Regime::EuDirective => (&["2011/7/"], &["2011/7/"]),
        _ => match language {
            Language::Fr => (
                &["conditions contractuelles"],
                &["conditions contractuelles"],
            ),
            Language::En => (&["agreed terms"], &["agreed terms"]),
            Language::De => (&["Vertragsbedingungen"], &["Vertragsbedingungen"]),
        },
    }
}

/// `needle` occurs in `text` as a whole token: `12,34 €` is not found in `112,34 €`, nor
/// `1 June 2026` in `21 June 2026`, nor `F1` in `F10`.
pub(crate) fn contains_token(text: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let mut start = 0;
    while let Some(found) = text.get(start..).and_then(|t| t.find(needle)) {
        let at = start.saturating_add(found);
        let end = at.saturating_add(needle.len());
        let before = text.get(..at).unwrap_or("");
        let after = text.get(end..).unwrap_or("");
        let mut prev = before.chars().rev();
        let ok_before = match (prev.next(), prev.next()) {
            (None, _) => true,
            (Some(c), _) if c.is_alphanumeric() => false,
            // A thousands separator before the match means it is the tail of a larger number.
            (Some(' ' | '.' | ',' | '\u{a0}'), Some(d)) if d.is_ascii_digit() => false,
            _ => true,
        };
        let mut next = after.chars();
        let ok_after = match (next.next(), next.next()) {
            (None, _) => true,
            (Some(c), _)
                if c.is_alphanumeric()
                    && needle.chars().last().is_some_and(char::is_alphanumeric) =>
            {
                false
            }
            (Some('.' | ','), Some(d)) if d.is_ascii_digit() => false,
            _ => true,
        };
        if ok_before && ok_after {
            return true;
        }
        start = at.saturating_add(needle.chars().next().map_or(1, char::len_utf8));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_do_not_match_inside_larger_ones() {
        assert!(contains_token("Total : 12,34 €.", "12,34 €"));
        assert!(!contains_token("Total : 112,34 €", "12,34 €"));
        assert!(!contains_token("Total : 1 012,34 €", "012,34 €"));
        assert!(contains_token("Rechnung F1, F10", "F1"));
        assert!(!contains_token("Rechnung F10", "F1"));
        assert!(!contains_token("21 June 2026", "1 June 2026"));
        assert!(contains_token("on 1 June 2026.", "1 June 2026"));
        assert!(contains_token("€12.34", "€12.34"));
        assert!(!contains_token("€12.345", "€12.34"));
        assert!(!contains_token("x", ""));
    }
}
