//! Named policies from practice. The ladders are those the collection articles quote (docs/domain.md §2 and its sources):
//! a standard ladder, a gentle one and a firm one for France, and an English and a German one.

use rust_decimal::Decimal;

use super::policy::{Channel, Conditions, Escalation, Policy, Step, Tone};
use crate::calendar::CalendarSpec;
use crate::error::{err, Result};

/// Every preset id.
pub const PRESETS: &[&str] = &[
    "fr_standard",
    "fr_gentle",
    "fr_firm",
    "en_standard",
    "de_standard",
];

#[allow(clippy::too_many_arguments)]
fn step(id: &str, offset: i32, channel: Channel, tone: Tone, template: &str) -> Step {
    Step {
        id: id.into(),
        offset_days: offset,
        channel,
        tone,
        template: template.into(),
        skippable: false,
        conditions: Conditions::default(),
        formal_notice: false,
        escalation: None,
    }
}

fn skippable(mut s: Step) -> Step {
    s.skippable = true;
    s
}

fn formal(mut s: Step) -> Step {
    s.formal_notice = true;
    s
}

fn escalate(mut s: Step, e: Escalation) -> Step {
    s.escalation = Some(e);
    s
}

fn above(mut s: Step, amount: Decimal) -> Step {
    s.conditions.min_invoice_amount = Some(amount);
    s
}

fn policy(
    id: &str,
    name: &str,
    language: &str,
    calendar: &str,
    firm: Option<&str>,
    steps: Vec<Step>,
) -> Policy {
    Policy {
        id: id.into(),
        name: name.into(),
        language: language.into(),
        calendar: CalendarSpec::new(calendar),
        min_gap_days: 3,
        reset_on_partial_payment: false,
        promise_grace_days: 2,
        broken_promises_to_firm: 3,
        firm_policy: firm.map(str::to_string),
        limitation_warning_days: 90,
        catch_up: true,
        avoids_advance_days: 15,
        steps,
    }
}

/// A preset by id.
///
/// # Errors
/// `dunning.unknown_policy` listing the presets.
///
/// ```
/// let p = arrears::dunning::presets::preset("fr_standard")?;
/// let offsets: Vec<i32> = p.steps.iter().map(|s| s.offset_days).collect();
/// assert_eq!(offsets, [-3, -2, 1, 7, 15, 30, 45]);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn preset(id: &str) -> Result<Policy> {
    use Channel::*;
    use Tone::*;
    let five_thousand = Decimal::from(5000);
    let p = match id {
        // docs/domain.md §2: a neutral reminder 3 days before; a courtesy call 48 h before for invoices
        // over 5,000; D+1 email; D+7 call; D+15 letter recalling the penalties; D+30 formal notice
        // by registered letter; D+45 agency or court.
        "fr_standard" => policy(
            "fr_standard",
            "Relance standard (J-3 … J+45)",
            "fr",
            "fr",
            Some("fr_firm"),
            vec![
                skippable(step("pre_due", -3, Email, Neutral, "reminder_pre_due")),
                skippable(above(
                    step("courtesy_call", -2, Phone, Friendly, "call_script"),
                    five_thousand,
                )),
                step("d1_email", 1, Email, Friendly, "reminder"),
                step("d7_call", 7, Phone, Firm, "call_script"),
                step("d15_letter", 15, Letter, Firm, "penalty_letter"),
                formal(step(
                    "d30_formal_notice",
                    30,
                    RegisteredLetter,
                    Formal,
                    "formal_notice",
                )),
                escalate(
                    step("d45_agency", 45, Agency, Legal, "agency_handover"),
                    Escalation::Agency,
                ),
            ],
        ),
        // docs/domain.md §2, the lighter variant: D+7 friendly email, D+15 call, D+30 formal notice.
        "fr_gentle" => policy(
            "fr_gentle",
            "Relance douce (J+7, J+15, J+30)",
            "fr",
            "fr",
            Some("fr_firm"),
            vec![
                step("d7_email", 7, Email, Friendly, "reminder"),
                step("d15_call", 15, Phone, Firm, "call_script"),
                formal(step(
                    "d30_formal_notice",
                    30,
                    RegisteredLetter,
                    Formal,
                    "formal_notice",
                )),
            ],
        ),
        // docs/domain.md §2, the firm variant: D+7 email, D+20 email + call, D+40 registered letter with
        // a payment-plan offer (the formal notice), then court.
        "fr_firm" => policy(
            "fr_firm",
            "Relance ferme (J+7, J+20, J+40)",
            "fr",
            "fr",
            None,
            vec![
                step("d7_email", 7, Email, Firm, "firm_reminder"),
                step("d20_email_call", 20, Phone, Firm, "firm_reminder"),
                formal(step(
                    "d40_formal_notice",
                    40,
                    RegisteredLetter,
                    Formal,
                    "formal_notice",
                )),
                escalate(
                    step("d55_court", 55, Court, Legal, "court_file"),
                    Escalation::Court,
                ),
            ],
        ),
        // England and Wales: reminders, a letter recalling statutory interest under the Late
        // Payment Act 1998, a letter before action (Practice Direction – Pre-Action Conduct), agency.
        "en_standard" => policy(
            "en_standard",
            "Standard credit control (UK)",
            "en",
            "uk_england_wales",
            None,
            vec![
                skippable(step("pre_due", -3, Email, Neutral, "reminder_pre_due")),
                step("d1_email", 1, Email, Friendly, "reminder"),
                step("d7_call", 7, Phone, Firm, "call_script"),
                step("d14_letter", 14, Letter, Firm, "penalty_letter"),
                formal(step(
                    "d30_letter_before_action",
                    30,
                    Letter,
                    Formal,
                    "formal_notice",
                )),
                escalate(
                    step("d45_agency", 45, Agency, Legal, "agency_handover"),
                    Escalation::Agency,
                ),
            ],
        ),
        // Germany: Zahlungserinnerung, erste Mahnung, letzte Mahnung, then Inkasso or the
        // gerichtliches Mahnverfahren. Default (Verzug) needs no reminder after a calendar due
        // date (§ 286 (2) Nr. 1 BGB), so the first reminder is courteous.
        "de_standard" => policy(
            "de_standard",
            "Mahnwesen Standard",
            "de",
            "de",
            None,
            vec![
                step("d1_erinnerung", 1, Email, Friendly, "reminder"),
                step("d14_mahnung", 14, Letter, Firm, "penalty_letter"),
                formal(step(
                    "d28_letzte_mahnung",
                    28,
                    Letter,
                    Formal,
                    "formal_notice",
                )),
                escalate(
                    step("d42_inkasso", 42, Agency, Legal, "agency_handover"),
                    Escalation::Agency,
                ),
            ],
        ),
        _ => {
            return Err(err!(
                UnknownPolicy,
                "unknown policy {id:?}; presets: {}",
                PRESETS.join(", ")
            ))
        }
    };
    p.validate()?;
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_valid() {
        for id in PRESETS {
            let p = preset(id).unwrap();
            assert_eq!(p.id, *id);
            assert!(
                p.formal_notice_index().is_some(),
                "{id} has a formal notice"
            );
            if let Some(f) = &p.firm_policy {
                preset(f).unwrap();
            }
        }
    }

    #[test]
    fn gentle_and_firm_follow_the_articles() {
        let offsets = |id| {
            preset(id)
                .unwrap()
                .steps
                .iter()
                .map(|s| s.offset_days)
                .collect::<Vec<_>>()
        };
        assert_eq!(offsets("fr_gentle"), [7, 15, 30]);
        assert_eq!(offsets("fr_firm"), [7, 20, 40, 55]);
    }
}
