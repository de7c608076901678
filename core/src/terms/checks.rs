//! Legal caps on agreed payment terms, as findings.
//!
//! The caps differ by jurisdiction and by who owes the money. They are reported as [`Finding`]s,
//! not errors: a term over a cap is usually still a valid date to bill against, but the creditor
//! should know that the clause may be void, unenforceable or sanctioned.
//!
//! The statutes count from different events (French B2B: the invoice date; § 271a BGB, the UK
//! Regulations and the directive: receipt of the goods, services or invoice). A receivables ledger
//! only knows the issue date, so every cap is measured from it; when receipt is later than the
//! issue date the real cap is later too.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{add_days, eom_due, EomMethod, PaymentTerms};
use crate::calendar::date::days_between;

/// Whose law the terms are checked against.
///
/// ```
/// use arrears::terms::Jurisdiction;
/// let j: Jurisdiction = serde_json::from_str("\"fr\"").unwrap();
/// assert_eq!(j, Jurisdiction::Fr);
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(description = "Whose law the terms are checked against.")
)]
#[serde(rename_all = "snake_case")]
pub enum Jurisdiction {
    /// France: C. com. L441-10 (B2B), code de la commande publique (public buyers).
    Fr,
    /// Germany: § 271a BGB.
    De,
    /// United Kingdom: Late Payment of Commercial Debts (Interest) Act 1998 as amended by the
    /// Late Payment of Commercial Debts Regulations 2013.
    Uk,
    /// The minimum of directive 2011/7/EU, for a member state without a preset here.
    Eu,
}

/// Who owes the money, as the payment-term statutes distinguish debtors.
///
/// ```
/// use arrears::terms::DebtorKind;
/// let d: DebtorKind = serde_json::from_str("\"public_authority\"").unwrap();
/// assert_eq!(d, DebtorKind::PublicAuthority);
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemas", schemars(rename = "TermsDebtorKind"))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "Who owes the money, as the payment-term statutes distinguish debtors (default `business`)."
    )
)]
#[serde(rename_all = "snake_case")]
pub enum DebtorKind {
    /// A business (professional, undertaking) buying in the course of its business.
    #[default]
    Business,
    /// A public authority or public buyer (pouvoir adjudicateur, öffentlicher Auftraggeber).
    PublicAuthority,
    /// A consumer.
    Consumer,
}

/// How much a finding matters.
///
/// ```
/// use arrears::terms::Severity;
/// assert_eq!(serde_json::to_string(&Severity::Warning).unwrap(), "\"warning\"");
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(description = "How much a finding matters.")
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something to know or to verify (an exception that needs an express clause; no cap).
    Info,
    /// The term exceeds a statutory cap: the clause may be void or sanctioned.
    Warning,
}

macro_rules! finding_codes {
    ($( $(#[$meta:meta])* $variant:ident = $code:literal, $severity:ident; )*) => {
        /// A stable finding code, e.g. `"terms.fr_over_60_days"`. Codes are never renamed once
        /// released; new ones may be added.
        ///
        /// ```
        /// use arrears::terms::{FindingCode, Severity};
        /// assert_eq!(FindingCode::FrOver60Days.as_str(), "terms.fr_over_60_days");
        /// assert_eq!(FindingCode::Fr45EomException.severity(), Severity::Info);
        /// ```
        #[non_exhaustive]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
        #[cfg_attr(feature = "schemas", schemars(description = "A stable finding code, e.g. `\"terms.fr_over_60_days\"`. Codes are never renamed once released; new ones may be added."))]
        pub enum FindingCode {
            $( $(#[$meta])* #[serde(rename = $code)] $variant, )*
        }

        impl FindingCode {
            /// Every finding code, in catalogue order.
            ///
            /// ```
            /// use arrears::terms::FindingCode;
            /// assert!(FindingCode::ALL.iter().all(|c| c.as_str().starts_with("terms.")));
            /// ```
            pub const ALL: &'static [FindingCode] = &[ $( FindingCode::$variant, )* ];

            /// The stable string form.
            ///
            /// ```
            /// assert_eq!(arrears::terms::FindingCode::DeOver60Days.as_str(), "terms.de_over_60_days");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self { $( FindingCode::$variant => $code, )* }
            }

            /// The severity findings with this code always have.
            ///
            /// ```
            /// use arrears::terms::{FindingCode, Severity};
            /// assert_eq!(FindingCode::UkPublicOver30Days.severity(), Severity::Warning);
            /// ```
            pub const fn severity(self) -> Severity {
                match self { $( FindingCode::$variant => Severity::$severity, )* }
            }
        }
    };
}

finding_codes! {
    /// FR B2B: over 60 days from the invoice date and over 45 days end of month (C. com. L441-10 I).
    FrOver60Days = "terms.fr_over_60_days", Warning;
    /// FR B2B: over 60 days, within 45 days end of month: valid only if expressly stipulated and
    /// not manifestly abusive (C. com. L441-10 I).
    Fr45EomException = "terms.fr_45_eom_exception", Info;
    /// FR public buyer: over 30 days (CCP R2192-10).
    FrPublicOver30Days = "terms.fr_public_over_30_days", Warning;
    /// DE B2B: over 60 days, valid only if expressly agreed and not grossly unfair (§ 271a (1) BGB).
    DeOver60Days = "terms.de_over_60_days", Warning;
    /// DE public contracting authority: over 30 days, valid only if expressly agreed and
    /// objectively justified (§ 271a (2) Nr. 1 BGB).
    DePublicOver30Days = "terms.de_public_over_30_days", Warning;
    /// DE public contracting authority: over 60 days, void (§ 271a (2) Nr. 2 BGB).
    DePublicOver60Days = "terms.de_public_over_60_days", Warning;
    /// DE: instalment agreements are outside § 271a (1)-(3) (§ 271a (5) Nr. 1 BGB).
    DeInstalmentsExempt = "terms.de_instalments_exempt", Info;
    /// UK B2B: over 60 days, must not be grossly unfair (Late Payment of Commercial Debts
    /// Regulations 2013).
    UkOver60Days = "terms.uk_over_60_days", Warning;
    /// UK public authority: over 30 days (Late Payment of Commercial Debts Regulations 2013).
    UkPublicOver30Days = "terms.uk_public_over_30_days", Warning;
    /// EU B2B: over 60 days, only if expressly agreed and not grossly unfair (directive
    /// 2011/7/EU art. 3(5)).
    EuOver60Days = "terms.eu_over_60_days", Warning;
    /// EU public authority: over 30 days, only if expressly agreed and objectively justified
    /// (directive 2011/7/EU art. 4(3), (6)).
    EuPublicOver30Days = "terms.eu_public_over_30_days", Warning;
    /// EU public authority: over 60 days, beyond the directive's maximum (art. 4(4), (6)).
    EuPublicOver60Days = "terms.eu_public_over_60_days", Warning;
    /// Consumer debtor: the payment-term caps of these statutes do not apply.
    ConsumerNoStatutoryCap = "terms.consumer_no_statutory_cap", Info;
    /// The due date is before the issue date.
    DueBeforeIssue = "terms.due_before_issue", Warning;
}

impl std::fmt::Display for FindingCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing the legal check has to say about a payment term.
///
/// ```
/// use arrears::terms::{check_terms, DebtorKind, Jurisdiction};
/// use arrears::calendar::date::parse_date;
/// let f = check_terms(Jurisdiction::De, DebtorKind::Business,
///                     parse_date("2025-01-10")?, parse_date("2025-04-10")?, None);
/// assert_eq!(f[0].code.as_str(), "terms.de_over_60_days");
/// assert_eq!(f[0].days, 90);
/// assert_eq!(f[0].limit, Some(parse_date("2025-03-11")?));
/// assert_eq!(f[0].reference, "§ 271a (1) BGB");
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "One thing the legal check has to say about a payment term (information or a warning, never an error)."
    )
)]
pub struct Finding {
    /// The stable code.
    pub code: FindingCode,
    /// `info` or `warning` (fixed by the code).
    pub severity: Severity,
    /// An explanation for people, with the dates involved; wording may change, the code does not.
    pub message: String,
    /// The statute the finding rests on.
    pub reference: String,
    /// The term in calendar days from the issue date to the due date.
    pub days: i64,
    /// The latest due date the rule allows (for the 45-days-end-of-month exception: the latest
    /// date the exception allows), when the rule has one.
    #[serde(
        default,
        with = "crate::calendar::date::serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub limit: Option<NaiveDate>,
    /// The schedule part the finding is about (`balance`, `2/3`), for multi-part terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}

impl Finding {
    fn new(
        code: FindingCode,
        days: i64,
        limit: Option<NaiveDate>,
        reference: &str,
        message: String,
    ) -> Finding {
        Finding {
            code,
            severity: code.severity(),
            message,
            reference: reference.to_string(),
            days,
            limit,
            part: None,
        }
    }
}

const FR_B2B: &str = "C. com. L441-10 I";
const FR_PUBLIC: &str = "CCP R2192-10";
const DE_B2B: &str = "§ 271a (1) BGB";
const DE_PUBLIC_30: &str = "§ 271a (2) Nr. 1 BGB";
const DE_PUBLIC_60: &str = "§ 271a (2) Nr. 2 BGB";
const DE_CONSUMER: &str = "§ 271a (5) Nr. 2 BGB";
pub(crate) const DE_INSTALMENTS: &str = "§ 271a (5) Nr. 1 BGB";
const UK_REGS: &str = "Late Payment of Commercial Debts Regulations 2013 (SI 2013/395), amending the Late Payment of Commercial Debts (Interest) Act 1998";
const UK_CONSUMER: &str = "Late Payment of Commercial Debts (Interest) Act 1998 s. 2(1)";
const EU_B2B: &str = "Directive 2011/7/EU art. 3(5)";
const EU_PUBLIC_30: &str = "Directive 2011/7/EU art. 4(3), (6)";
const EU_PUBLIC_60: &str = "Directive 2011/7/EU art. 4(4), (6)";
const EU_CONSUMER: &str = "Directive 2011/7/EU art. 1(2), 2(1)";

/// Checks an agreed due date against the statutory caps on payment terms.
///
/// `terms`, when given, are the terms the due date came from; they only matter in France, to
/// pick the method of the 45-days-end-of-month limit (see below). Caps are measured from
/// `issue_date` (see the module documentation). An empty result means nothing to report.
///
/// Rules, by jurisdiction and debtor:
///
/// * **France, business** (C. com. L441-10 I): at most 60 days from the invoice date, or by way of
///   exception 45 days end of month if expressly stipulated and not manifestly abusive to the
///   creditor. Over 60 days but within 45 days end of month gives an info finding
///   (`terms.fr_45_eom_exception`); over both, a warning (`terms.fr_over_60_days`). The 45-days-end
///   -of-month limit uses the method of the terms: [`EomMethod`] for `days_end_of_month`;
///   method A for `end_of_month {after_days: N}` and method B for `end_of_month {plus_days: N}`
///   (those are the two methods' shapes). For other terms, or none, the checker cannot see which
///   clause the contract has and takes **the more generous of A and B**: it then reports an info
///   finding (never a silent pass) asking the user to check the clause, rather than a warning that
///   might be wrong.
/// * **France, public buyer** (CCP R2192-10): 30 days; warning over. (50 days for public health
///   establishments under the same article is not modelled.)
/// * **Germany** (§ 271a BGB): business, over 60 days only valid if expressly agreed and not
///   grossly unfair to the creditor (warning); public contracting authority, over 30 days only if
///   expressly agreed and objectively justified (warning), over 60 days void (warning).
/// * **United Kingdom** (Late Payment of Commercial Debts Regulations 2013): business, over 60
///   days must not be grossly unfair (warning); public authority, 30 days (warning over).
/// * **EU directive 2011/7/EU**: business, art. 3(5), 60 days unless expressly agreed and not
///   grossly unfair (warning); public authority, art. 4(3), 30 days, up to 60 only if expressly
///   agreed and objectively justified (art. 4(6)) (warning), never over 60 (warning).
/// * **Consumers**: none of these statutes caps the term (info finding
///   `terms.consumer_no_statutory_cap`).
///
/// A due date before the issue date is reported as `terms.due_before_issue`.
///
/// ```
/// use arrears::terms::{check_terms, DebtorKind, EomMethod, Jurisdiction, PaymentTerms, Severity};
/// use arrears::calendar::date::parse_date;
///
/// // 45 days end of month, method B, on 1 January 2025: 31 Jan + 45 = 17 March, 75 days:
/// // over 60 days, but within the exception.
/// let terms = PaymentTerms::DaysEndOfMonth { days: 45, method: EomMethod::EndOfMonthThenDays };
/// let issue = parse_date("2025-01-01")?;
/// let due = terms.due_date(issue)?;
/// let f = check_terms(Jurisdiction::Fr, DebtorKind::Business, issue, due, Some(&terms));
/// assert_eq!(f.len(), 1);
/// assert_eq!(f[0].code.as_str(), "terms.fr_45_eom_exception");
/// assert_eq!(f[0].severity, Severity::Info);
///
/// // Net 75 days on 10 March 2025: due 24 May, past 60 days (9 May) and past 45 days end of
/// // month under either method (A: 30 April, B: 15 May).
/// let issue = parse_date("2025-03-10")?;
/// let f = check_terms(Jurisdiction::Fr, DebtorKind::Business, issue, parse_date("2025-05-24")?, None);
/// assert_eq!(f[0].code.as_str(), "terms.fr_over_60_days");
/// assert_eq!(f[0].severity, Severity::Warning);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn check_terms(
    jurisdiction: Jurisdiction,
    debtor: DebtorKind,
    issue_date: NaiveDate,
    due_date: NaiveDate,
    terms: Option<&PaymentTerms>,
) -> Vec<Finding> {
    let days = days_between(issue_date, due_date);
    let limit = |n: i64| add_days(issue_date, n).ok();
    let mut out = Vec::new();
    if days < 0 {
        out.push(Finding::new(
            FindingCode::DueBeforeIssue,
            days,
            Some(issue_date),
            "consistency check (no statute)",
            format!("the due date {due_date} is before the issue date {issue_date}"),
        ));
        return out;
    }
    match (jurisdiction, debtor) {
        (Jurisdiction::Fr, DebtorKind::Business) => {
            if let Some(f) = france_b2b(issue_date, due_date, days, terms) {
                out.push(f);
            }
        }
        (Jurisdiction::Fr, DebtorKind::PublicAuthority) if days > 30 => out.push(Finding::new(
            FindingCode::FrPublicOver30Days,
            days,
            limit(30),
            FR_PUBLIC,
            format!(
                "a term of {days} days exceeds the 30 days a French public buyer has to pay \
                 (from receipt of the payment request); public health establishments have 50 \
                 days, which is not modelled here"
            ),
        )),
        (Jurisdiction::De, DebtorKind::Business) if days > 60 => out.push(Finding::new(
            FindingCode::DeOver60Days,
            days,
            limit(60),
            DE_B2B,
            format!(
                "a term of {days} days exceeds 60 days: the agreement is only valid if it was \
                 expressly made and is not grossly unfair to the creditor"
            ),
        )),
        (Jurisdiction::De, DebtorKind::PublicAuthority) if days > 60 => out.push(Finding::new(
            FindingCode::DePublicOver60Days,
            days,
            limit(60),
            DE_PUBLIC_60,
            format!(
                "a term of {days} days with a public contracting authority exceeds 60 days: \
                 such an agreement is void"
            ),
        )),
        (Jurisdiction::De, DebtorKind::PublicAuthority) if days > 30 => out.push(Finding::new(
            FindingCode::DePublicOver30Days,
            days,
            limit(30),
            DE_PUBLIC_30,
            format!(
                "a term of {days} days with a public contracting authority exceeds 30 days: \
                 only valid if expressly agreed and objectively justified by the nature or \
                 features of the contract"
            ),
        )),
        (Jurisdiction::Uk, DebtorKind::Business) if days > 60 => out.push(Finding::new(
            FindingCode::UkOver60Days,
            days,
            limit(60),
            UK_REGS,
            format!(
                "a term of {days} days exceeds 60 days: it must be expressly agreed and not \
                 grossly unfair to the supplier, otherwise statutory interest runs from day 60"
            ),
        )),
        (Jurisdiction::Uk, DebtorKind::PublicAuthority) if days > 30 => out.push(Finding::new(
            FindingCode::UkPublicOver30Days,
            days,
            limit(30),
            UK_REGS,
            format!(
                "a term of {days} days exceeds the 30 days that apply when the purchaser is a \
                 public authority: statutory interest runs from day 30"
            ),
        )),
        (Jurisdiction::Eu, DebtorKind::Business) if days > 60 => out.push(Finding::new(
            FindingCode::EuOver60Days,
            days,
            limit(60),
            EU_B2B,
            format!(
                "a term of {days} days exceeds 60 calendar days: only allowed if expressly \
                 agreed and not grossly unfair to the creditor"
            ),
        )),
        (Jurisdiction::Eu, DebtorKind::PublicAuthority) if days > 60 => out.push(Finding::new(
            FindingCode::EuPublicOver60Days,
            days,
            limit(60),
            EU_PUBLIC_60,
            format!(
                "a term of {days} days with a public authority exceeds the directive's maximum \
                 of 60 calendar days"
            ),
        )),
        (Jurisdiction::Eu, DebtorKind::PublicAuthority) if days > 30 => out.push(Finding::new(
            FindingCode::EuPublicOver30Days,
            days,
            limit(30),
            EU_PUBLIC_30,
            format!(
                "a term of {days} days with a public authority exceeds 30 calendar days: only \
                 allowed if expressly agreed and objectively justified (60 days at most)"
            ),
        )),
        (j, DebtorKind::Consumer) => out.push(Finding::new(
            FindingCode::ConsumerNoStatutoryCap,
            days,
            None,
            match j {
                Jurisdiction::Fr => FR_B2B,
                Jurisdiction::De => DE_CONSUMER,
                Jurisdiction::Uk => UK_CONSUMER,
                Jurisdiction::Eu => EU_CONSUMER,
            },
            String::from(
                "the debtor is a consumer: the statutory caps on payment terms apply between \
                 businesses and to public authorities only, so no cap is checked",
            ),
        )),
        _ => {}
    }
    out
}

/// France, between professionals: 60 days from the invoice date, or 45 days end of month.
fn france_b2b(
    issue: NaiveDate,
    due: NaiveDate,
    days: i64,
    terms: Option<&PaymentTerms>,
) -> Option<Finding> {
    if days <= 60 {
        return None;
    }
    let cap_60 = add_days(issue, 60).ok();
    let (eom_limit, how) = fr_45_eom_limit(issue, terms);
    match eom_limit {
        Some(eom) if due <= eom => Some(Finding::new(
            FindingCode::Fr45EomException,
            days,
            Some(eom),
            FR_B2B,
            format!(
                "a term of {days} days exceeds 60 days from the invoice date but is within 45 \
                 days end of month ({eom}, {how}): valid only if the contract expressly \
                 stipulates 45 days end of month and it is not manifestly abusive to the creditor"
            ),
        )),
        _ => {
            let latest = match (cap_60, eom_limit) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            let sixty = cap_60.map_or_else(String::new, |d| format!(" ({d})"));
            let eom = eom_limit.map_or_else(String::new, |d| format!(" ({d}, {how})"));
            Some(Finding::new(
                FindingCode::FrOver60Days,
                days,
                latest,
                FR_B2B,
                format!(
                    "a term of {days} days exceeds both French caps: 60 days from the invoice \
                     date{sixty} and 45 days end of month{eom}"
                ),
            ))
        }
    }
}

/// The 45-days-end-of-month limit under the method of `terms`, or the later of A and B.
fn fr_45_eom_limit(
    issue: NaiveDate,
    terms: Option<&PaymentTerms>,
) -> (Option<NaiveDate>, &'static str) {
    let a = || eom_due(issue, 45, EomMethod::DaysThenEndOfMonth).ok();
    let b = || eom_due(issue, 45, EomMethod::EndOfMonthThenDays).ok();
    const A: &str = "method A: invoice date + 45 days, then end of month";
    const B: &str = "method B: end of the invoice month, then + 45 days";
    match terms {
        Some(PaymentTerms::DaysEndOfMonth {
            method: EomMethod::DaysThenEndOfMonth,
            ..
        })
        | Some(PaymentTerms::EndOfMonth { plus_days: 0, .. }) => (a(), A),
        Some(PaymentTerms::DaysEndOfMonth {
            method: EomMethod::EndOfMonthThenDays,
            ..
        })
        | Some(PaymentTerms::EndOfMonth { after_days: 0, .. }) => (b(), B),
        _ => match (a(), b()) {
            (Some(x), Some(y)) if x >= y => (Some(x), "the later of methods A and B (A)"),
            (Some(_), Some(y)) => (Some(y), "the later of methods A and B (B)"),
            (x, y) => (x.or(y), "the later of methods A and B"),
        },
    }
}

/// The terms that apply when the parties agreed none, per jurisdiction: 30 days in each.
///
/// * France, C. com. L441-10 I: 30 days after receipt of the goods or performance of the service.
/// * United Kingdom, 1998 Act s. 4 as amended in 2013: statutory interest runs 30 days after the
///   later of performance and receipt of the invoice.
/// * Directive 2011/7/EU art. 3(3)(b): 30 days after receipt of the invoice.
/// * Germany: a debt with no agreed time is due at once (§ 271 (1) BGB), but the debtor is in
///   default at the latest 30 days after the due date and receipt of the invoice (§ 286 (3) BGB);
///   the 30 days returned here are that date, from which default interest runs.
///
/// Each statute counts from receipt (of the goods, service or invoice); measured from the
/// issue date, the result is the earliest such date.
///
/// ```
/// use arrears::terms::{default_terms, Jurisdiction, PaymentTerms};
/// assert_eq!(default_terms(Jurisdiction::Fr), PaymentTerms::NetDays { days: 30 });
/// ```
pub fn default_terms(jurisdiction: Jurisdiction) -> PaymentTerms {
    match jurisdiction {
        Jurisdiction::Fr | Jurisdiction::De | Jurisdiction::Uk | Jurisdiction::Eu => {
            PaymentTerms::NetDays { days: 30 }
        }
    }
}

/// The note added when a German schedule splits the amount into instalments.
pub(crate) fn de_instalments_note(days: i64) -> Finding {
    Finding::new(
        FindingCode::DeInstalmentsExempt,
        days,
        None,
        DE_INSTALMENTS,
        String::from(
            "§ 271a (1) to (3) BGB do not apply to agreed instalment and progress payments \
             (Abschlagszahlungen und sonstige Ratenzahlungen); the caps below are reported for \
             information",
        ),
    )
}
