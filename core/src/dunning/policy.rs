//! Dunning policies: ladders of steps as data (JSON or TOML), checked once.

use std::collections::HashSet;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::CalendarSpec;
use crate::error::{err, Error, Result};
use crate::money::decimal_string;

/// How a step reaches the customer.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// An email.
    Email,
    /// A text message.
    Sms,
    /// A phone call.
    Phone,
    /// A letter by post.
    Letter,
    /// A registered letter with acknowledgement of receipt.
    RegisteredLetter,
    /// A visit.
    Visit,
    /// Hand-over to a collection agency.
    Agency,
    /// Court proceedings.
    Court,
}

/// How a step speaks. Firm but courteous, never threatening (docs/domain.md §3).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// A plain reminder.
    Neutral,
    /// A friendly nudge.
    Friendly,
    /// A firm request.
    Firm,
    /// A formal letter.
    Formal,
    /// A legal step.
    Legal,
}

/// The end of the amicable ladder.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Escalation {
    /// Hand the claim to a collection agency.
    Agency,
    /// Go to court (in France, an injonction de payer).
    Court,
    /// Propose a write-off.
    WriteOff,
}

/// How a debtor behaves (docs/domain.md §4): it changes the path.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DebtorKind {
    /// Wants to pay but cannot: offer a payment plan.
    CannotPay,
    /// Pays late on purpose: firm mode.
    LateOnPurpose,
    /// Avoids paying: formal notice early.
    Avoids,
}

/// The template ids the letters module provides.
pub const TEMPLATES: &[&str] = &[
    "reminder_pre_due",
    "reminder",
    "firm_reminder",
    "call_script",
    "penalty_letter",
    "formal_notice",
    "payment_plan_offer",
    "payment_plan_agreement",
    "statement_of_account",
    "agency_handover",
    "court_file",
    "write_off_proposal",
];

/// Conditions a step needs; a step whose conditions fail is passed over.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Conditions {
    /// The customer's overdue total (in the receivable's currency) must be at least this.
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub min_amount: Option<Decimal>,
    /// The receivable's amount must be at least this (e.g. a courtesy call above 5,000).
    #[serde(
        default,
        with = "decimal_string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub min_invoice_amount: Option<Decimal>,
    /// The customer's segment must be one of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<String>,
    /// The customer's risk grade (A–E) must be one of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risk_grades: Vec<String>,
    /// The debtor's behaviour, as the journal records it (`debtor_kind` lines: `cannot_pay`,
    /// `avoids`, ...), must be one of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub debtor_kinds: Vec<DebtorKind>,
    /// Who the debtor is (`business`, `consumer`, `public_body`: the request's customer setting,
    /// else the ledger's `customers[].debtor`) must be one of these: a step for consumers only (a
    /// letter without the B2B penalty clause), or for public bodies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub debtors: Vec<crate::ledger::DebtorStatus>,
}

/// One step of a ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Identifier, unique in the policy (recorded in the journal).
    pub id: String,
    /// Days from the due date (negative: before it).
    pub offset_days: i32,
    /// Channel.
    pub channel: Channel,
    /// Tone.
    pub tone: Tone,
    /// Letter template id.
    pub template: String,
    /// May be passed over when a later step is already due.
    #[serde(default)]
    pub skippable: bool,
    /// Conditions.
    #[serde(default, skip_serializing_if = "is_default")]
    pub conditions: Conditions,
    /// This step is the formal notice (mise en demeure).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub formal_notice: bool,
    /// This step ends the amicable ladder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalation: Option<Escalation>,
}

fn is_default<T: Default + PartialEq>(t: &T) -> bool {
    *t == T::default()
}

fn default_gap() -> u32 {
    3
}

fn default_grace() -> u32 {
    2
}

fn default_broken() -> u32 {
    3
}

fn default_limitation_warning() -> u32 {
    90
}

/// A dunning policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Identifier.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Language of its letters (`fr`, `en`, `de`).
    #[serde(default = "default_language")]
    pub language: String,
    /// Business-day calendar of the contacts.
    pub calendar: CalendarSpec,
    /// Minimum days between two contacts with one customer (at least 1).
    #[serde(default = "default_gap")]
    pub min_gap_days: u32,
    /// A partial payment sends the receivable back to the first post-due step.
    #[serde(default)]
    pub reset_on_partial_payment: bool,
    /// Days after a promised date before the promise is broken.
    #[serde(default = "default_grace")]
    pub promise_grace_days: u32,
    /// The n-th broken promise switches the customer to `firm_policy`.
    #[serde(default = "default_broken")]
    pub broken_promises_to_firm: u32,
    /// The policy of firm mode (a preset id), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firm_policy: Option<String>,
    /// Warn this many days before a claim is time-barred.
    #[serde(default = "default_limitation_warning")]
    pub limitation_warning_days: u32,
    /// Catching up on a backlog (docs/dunning.md rule 2): for a customer whose journal holds no
    /// action yet, each late debt starts at the latest step whose date has passed, never beyond a
    /// formal notice not yet sent and never at an escalation (default `true`). `false`: every debt
    /// climbs the ladder from its first step, however late it is.
    #[serde(default = "default_catch_up")]
    pub catch_up: bool,
    /// Days the formal notice comes forward for a debtor who avoids paying (kind `avoids`,
    /// docs/dunning.md rule 9; seed 004: recognise them "assez tôt"), never before D+1 (default 15:
    /// fr_standard's D+30 formal notice at D+15, when the penalty letter would have gone).
    #[serde(default = "default_avoids_advance")]
    pub avoids_advance_days: u32,
    /// The ladder, in order.
    pub steps: Vec<Step>,
}

fn default_avoids_advance() -> u32 {
    15
}

fn default_catch_up() -> bool {
    true
}

fn default_language() -> String {
    "fr".into()
}

impl Policy {
    /// Parses a policy from JSON.
    ///
    /// # Errors
    /// `input.invalid_document`, then the errors of [`Policy::validate`].
    pub fn from_json(text: &str) -> Result<Policy> {
        let p: Policy = crate::document::from_json_str(text)?;
        p.validate()?;
        Ok(p)
    }

    /// Parses a policy from TOML (`[[steps]]` tables).
    ///
    /// # Errors
    /// `input.invalid_document` with the TOML error, then the errors of [`Policy::validate`].
    pub fn from_toml(text: &str) -> Result<Policy> {
        let p: Policy =
            toml::from_str(text).map_err(|e| err!(InvalidDocument, "policy TOML: {e}"))?;
        p.validate()?;
        Ok(p)
    }

    /// Checks the ladder: steps ordered by offset, unique ids, known templates, a gap of at least
    /// one day, a known calendar. Reports every problem.
    ///
    /// # Errors
    /// `dunning.invalid_policy` (several problems at once, each with its path).
    pub fn validate(&self) -> Result<()> {
        let mut problems: Vec<Error> = Vec::new();
        if self.id.trim().is_empty() {
            problems.push(err!(InvalidPolicy, "the policy has no id").at("id"));
        }
        if self.steps.is_empty() {
            problems.push(err!(InvalidPolicy, "the policy has no steps").at("steps"));
        }
        if self.min_gap_days == 0 {
            problems.push(
                err!(
                    InvalidPolicy,
                    "min_gap_days must be at least 1: never two contacts in one day"
                )
                .at("min_gap_days"),
            );
        }
        if !matches!(self.language.as_str(), "fr" | "en" | "de") {
            problems.push(
                err!(
                    InvalidPolicy,
                    "language must be fr, en or de, not {:?}",
                    self.language
                )
                .at("language"),
            );
        }
        if let Err(e) = self.calendar.to_calendar() {
            problems.push(e.at("calendar"));
        }
        let mut ids = HashSet::new();
        let mut previous: Option<i32> = None;
        for (i, s) in self.steps.iter().enumerate() {
            let at = format!("steps[{i}]");
            if !ids.insert(s.id.as_str()) {
                problems
                    .push(err!(InvalidPolicy, "step id {:?} appears more than once", s.id).at(&at));
            }
            if let Some(p) = previous {
                if s.offset_days <= p {
                    problems.push(
                        err!(
                            InvalidPolicy,
                            "steps must be in increasing order of offset_days: {} after {p}",
                            s.offset_days
                        )
                        .at(format!("{at}.offset_days")),
                    );
                }
            }
            previous = Some(s.offset_days);
            if !TEMPLATES.contains(&s.template.as_str()) {
                problems.push(
                    err!(
                        InvalidPolicy,
                        "unknown template {:?}; known: {}",
                        s.template,
                        TEMPLATES.join(", ")
                    )
                    .at(format!("{at}.template")),
                );
            }
            if s.offset_days.unsigned_abs() > 3650 {
                problems.push(
                    err!(InvalidPolicy, "offset_days beyond ten years")
                        .at(format!("{at}.offset_days")),
                );
            }
        }
        match Error::from_many(problems) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// The index of the formal-notice step, if the ladder has one.
    pub fn formal_notice_index(&self) -> Option<usize> {
        self.steps.iter().position(|s| s.formal_notice)
    }

    /// The index of the first step on or after the due date.
    pub fn first_post_due_index(&self) -> Option<usize> {
        self.steps.iter().position(|s| s.offset_days > 0)
    }
}

/// A policy given by preset id or in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum PolicyChoice {
    /// A preset id (`fr_standard`, ...).
    Preset(String),
    /// A full policy document.
    Policy(Box<Policy>),
}

impl PolicyChoice {
    /// Resolves to a checked policy.
    ///
    /// # Errors
    /// `dunning.unknown_policy`, `dunning.invalid_policy`.
    pub fn resolve(&self) -> Result<Policy> {
        match self {
            PolicyChoice::Preset(id) => super::presets::preset(id),
            PolicyChoice::Policy(p) => {
                p.validate()?;
                Ok((**p).clone())
            }
        }
    }
}
