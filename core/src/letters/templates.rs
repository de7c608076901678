//! The template files, embedded at compile time.
//!
//! `templates/<lang>/<id>.j2` is a letter; `templates/<lang>/_labels.j2` holds the words and the
//! statute citations of a language, imported by the letters and by the shared parts
//! `templates/_*.j2` (page head and foot, letterhead, invoice and totals tables, instalments,
//! signature), which work in both formats.

use super::{Language, TemplateId};

/// The shared parts and the labels, by the name templates include or import them with.
pub(crate) const PARTS: &[(&str, &str)] = &[
    ("_head", include_str!("templates/_head.j2")),
    ("_foot", include_str!("templates/_foot.j2")),
    ("_letterhead", include_str!("templates/_letterhead.j2")),
    ("_invoices", include_str!("templates/_invoices.j2")),
    ("_totals", include_str!("templates/_totals.j2")),
    ("_instalments", include_str!("templates/_instalments.j2")),
    ("_signature", include_str!("templates/_signature.j2")),
    ("_party", include_str!("templates/_party.j2")),
    ("fr/_labels", include_str!("templates/fr/_labels.j2")),
    ("en/_labels", include_str!("templates/en/_labels.j2")),
    ("de/_labels", include_str!("templates/de/_labels.j2")),
];

macro_rules! letters {
    ($($id:ident => $file:literal),* $(,)?) => {
        /// The source of a built-in letter.
        pub(crate) fn letter(id: TemplateId, language: Language) -> &'static str {
            match (language, id) {
                $(
                    (Language::Fr, TemplateId::$id) => include_str!(concat!("templates/fr/", $file, ".j2")),
                    (Language::En, TemplateId::$id) => include_str!(concat!("templates/en/", $file, ".j2")),
                    (Language::De, TemplateId::$id) => include_str!(concat!("templates/de/", $file, ".j2")),
                )*
            }
        }
    };
}

letters! {
    ReminderPreDue => "reminder_pre_due",
    Reminder => "reminder",
    FirmReminder => "firm_reminder",
    CallScript => "call_script",
    PenaltyLetter => "penalty_letter",
    FormalNotice => "formal_notice",
    PaymentPlanOffer => "payment_plan_offer",
    PaymentPlanAgreement => "payment_plan_agreement",
    StatementOfAccount => "statement_of_account",
    AgencyHandover => "agency_handover",
    CourtFile => "court_file",
    WriteOffProposal => "write_off_proposal",
}
