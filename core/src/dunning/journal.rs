//! The journal: an append-only history of what was done and agreed, one JSON document per line.
//!
//! Parsing is strict: a line that does not parse is an error naming the line, never skipped, so an
//! audit trail cannot silently lose a promise or a formal notice. The core only parses and
//! produces entries; the CLI appends them to the file and never rewrites it.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::policy::{Channel, DebtorKind};
use crate::calendar::date::serde_date;
use crate::error::{err, Error, Result};
use crate::money::{decimal_string, Currency};

/// One receivable of a recorded action, with the step done for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    /// Receivable id.
    pub receivable: String,
    /// Step id done for it: where its ladder stands now.
    pub step: String,
    /// The contact that did it, when another receivable's step set the channel: a call step
    /// folded into the same day's letter is recorded as `step: "d7_call"` (the ladder moves on)
    /// with `folded_into: "d15_letter"` (a letter was sent, not a call made). Absent when the
    /// receivable's own step was the contact's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folded_into: Option<String>,
}

/// What happened.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum JournalEvent {
    /// A contact was made (or a letter sent).
    Action {
        /// Customer.
        customer: String,
        /// The main step of the action.
        step: String,
        /// Channel used.
        channel: Channel,
        /// Receivables covered, each with its step.
        items: Vec<ActionItem>,
        /// Free text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// A promise to pay.
    Promise {
        /// Customer.
        customer: String,
        /// Amount promised.
        #[serde(with = "decimal_string")]
        #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
        amount: Decimal,
        /// Currency.
        currency: Currency,
        /// Day the customer promised to pay by.
        #[serde(with = "serde_date")]
        #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
        promised_date: NaiveDate,
        /// Receivables covered (all the customer's when empty).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        receivables: Vec<String>,
    },
    /// A dispute raised (on a whole invoice, or on an amount).
    Dispute {
        /// Customer.
        customer: String,
        /// Invoice.
        invoice: String,
        /// Disputed amount (default: the whole invoice).
        #[serde(
            default,
            with = "decimal_string::option",
            skip_serializing_if = "Option::is_none"
        )]
        #[cfg_attr(
            feature = "schemas",
            schemars(with = "Option<crate::document::DecimalString>")
        )]
        amount: Option<Decimal>,
        /// The customer's reason.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// A dispute settled.
    DisputeResolved {
        /// Customer.
        customer: String,
        /// Invoice.
        invoice: String,
    },
    /// A payment plan agreed.
    Plan {
        /// Customer.
        customer: String,
        /// Receivables the plan settles.
        receivables: Vec<String>,
        /// The plan document (`arrears::plans`).
        plan: serde_json::Value,
    },
    /// Dunning stopped for a customer or an invoice.
    Stop {
        /// Customer.
        customer: String,
        /// Invoice (the whole customer when absent).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        invoice: Option<String>,
        /// Until this day (included); indefinitely when absent.
        #[serde(
            default,
            with = "serde_date::option",
            skip_serializing_if = "Option::is_none"
        )]
        #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
        until: Option<NaiveDate>,
        /// Why.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// A stop lifted.
    Resume {
        /// Customer.
        customer: String,
        /// Invoice (the whole customer when absent).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        invoice: Option<String>,
    },
    /// Another policy for a customer.
    Policy {
        /// Customer.
        customer: String,
        /// Preset id.
        policy: String,
    },
    /// The kind of debtor (docs/domain.md §4).
    DebtorKind {
        /// Customer.
        customer: String,
        /// Kind.
        kind: DebtorKind,
    },
    /// A note for the file.
    Note {
        /// Customer.
        customer: String,
        /// Text.
        text: String,
    },
}

impl JournalEvent {
    /// The customer the event is about.
    pub fn customer(&self) -> &str {
        match self {
            JournalEvent::Action { customer, .. }
            | JournalEvent::Promise { customer, .. }
            | JournalEvent::Dispute { customer, .. }
            | JournalEvent::DisputeResolved { customer, .. }
            | JournalEvent::Plan { customer, .. }
            | JournalEvent::Stop { customer, .. }
            | JournalEvent::Resume { customer, .. }
            | JournalEvent::Policy { customer, .. }
            | JournalEvent::DebtorKind { customer, .. }
            | JournalEvent::Note { customer, .. } => customer,
        }
    }
}

/// One journal line: when it was recorded, the day it counts for, and the event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    /// Timestamp of the record (RFC 3339 text, kept for the audit trail, never interpreted).
    pub at: String,
    /// The civil day the event counts for.
    pub date: NaiveDate,
    /// The event.
    pub event: JournalEvent,
}

impl Serialize for JournalEntry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::{Error as _, SerializeMap};
        let event = serde_json::to_value(&self.event).map_err(S::Error::custom)?;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("at", &self.at)?;
        map.serialize_entry("date", &self.date.format("%Y-%m-%d").to_string())?;
        if let serde_json::Value::Object(fields) = event {
            for (k, v) in fields {
                map.serialize_entry(&k, &v)?;
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for JournalEntry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error as _;
        let mut map = serde_json::Map::<String, serde_json::Value>::deserialize(d)?;
        let at = match map.remove("at") {
            Some(serde_json::Value::String(s)) => s,
            Some(_) => return Err(D::Error::custom("`at` must be a timestamp string")),
            None => {
                return Err(D::Error::custom(
                    "missing field `at` (the timestamp of the record)",
                ))
            }
        };
        let date = match map.remove("date") {
            Some(serde_json::Value::String(s)) => {
                crate::calendar::date::parse_date(&s).map_err(crate::document::de_error)?
            }
            _ => return Err(D::Error::custom("missing field `date` (YYYY-MM-DD)")),
        };
        let event: JournalEvent =
            serde_json::from_value(serde_json::Value::Object(map)).map_err(D::Error::custom)?;
        Ok(JournalEntry { at, date, event })
    }
}

/// The schema of a journal line: the event's fields (tagged by `type`) plus `at` and `date`.
#[cfg(feature = "schemas")]
impl schemars::JsonSchema for JournalEntry {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "JournalEntry".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let date = generator.subschema_for::<crate::document::Date>();
        let mut schema = JournalEvent::json_schema(generator);
        let variants = schema
            .get_mut("oneOf")
            .and_then(|v| v.as_array_mut())
            .into_iter()
            .flatten();
        for variant in variants.filter_map(|v| v.as_object_mut()) {
            if let Some(props) = variant
                .get_mut("properties")
                .and_then(|p| p.as_object_mut())
            {
                props.insert(
                    "at".into(),
                    serde_json::json!({
                        "description": "Timestamp of the record (RFC 3339 text, never interpreted).",
                        "type": "string"
                    }),
                );
                props.insert("date".into(), date.clone().to_value());
            }
            let required = variant
                .entry("required")
                .or_insert_with(|| serde_json::json!([]));
            if let Some(required) = required.as_array_mut() {
                required.push("at".into());
                required.push("date".into());
            }
        }
        schema.insert(
            "description".into(),
            "One journal line: `at` (when recorded), `date` (the day it counts for) and the \
             event's fields, tagged by `type` (docs/dunning.md)."
                .into(),
        );
        schema
    }
}

/// Parses a journal in JSON Lines. Blank lines are allowed; every other line must be an entry.
///
/// # Errors
/// `dunning.invalid_journal` listing every bad line (`journal:LINE`), never skipping one.
///
/// ```
/// let text = r#"{"at": "2026-06-30T09:00:00+02:00", "date": "2026-06-30", "type": "note", "customer": "C1", "text": "called, no answer"}
///
/// {"at": "2026-07-01T09:00:00+02:00", "date": "2026-07-01", "type": "promise", "customer": "C1", "amount": "500.00", "currency": "EUR", "promised_date": "2026-07-10"}"#;
/// let entries = arrears::dunning::journal::parse(text)?;
/// assert_eq!(entries.len(), 2);
/// let bad = arrears::dunning::journal::parse("{\"at\": \"x\", \"date\": \"2026-02-30\", \"type\": \"note\"}").unwrap_err();
/// assert_eq!(bad.code().as_str(), "dunning.invalid_journal");
/// assert_eq!(bad.path(), Some("journal:1"));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn parse(text: &str) -> Result<Vec<JournalEntry>> {
    let mut entries = Vec::new();
    let mut problems: Vec<Error> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let n = i.saturating_add(1);
        match serde_json::from_str::<JournalEntry>(line) {
            Ok(e) => entries.push(e),
            Err(e) => problems.push(
                err!(InvalidJournal, "line {n} does not parse: {e}").at(format!("journal:{n}")),
            ),
        }
    }
    match Error::from_many(problems) {
        Some(e) => Err(e),
        None => Ok(entries),
    }
}

/// The journal line of a step already taken by hand (the user's own reminder, a formal notice sent
/// before they used arrears), so that the agenda continues from it.
///
/// The step must be one of `policy`'s; the line covers `invoices` (their receivables still open on
/// `date`), or, when none are named, every receivable of the customer overdue on `date` (not yet
/// due, for a step before the due date). Every receivable gets the step.
///
/// # Errors
/// `dunning.invalid_journal` for a step not in the policy, an unknown customer or invoice, an
/// invoice of another customer, or nothing open to record the step for; ledger errors.
///
/// ```
/// use arrears::dunning::{agenda::{agenda, AgendaSettings}, journal::record_step, presets::preset};
/// use arrears::prelude::*;
/// let ledger = Ledger::new(LedgerDocument::default().with_invoice(
///     InvoiceRecord::new("F1", "C1", ymd(2026, 1, 5)?, Money::parse("1440.00", "EUR")?)
///         .due_on(ymd(2026, 2, 4)?)))?;
/// // The formal notice went out on 10 March, before arrears was used.
/// let line = record_step(&ledger, &preset("fr_standard")?, "C1", "d30_formal_notice",
///                        ymd(2026, 3, 10)?, &[], "2026-06-30T09:00:00+02:00")?;
/// let today = agenda(&ledger, &[line], &AgendaSettings::default(), ymd(2026, 6, 30)?,
///                    &RateTable::builtin()?)?;
/// // The next step is the hand-over, not the friendly first reminder.
/// assert_eq!(today.actions[0].step, "d45_agency");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn record_step(
    ledger: &crate::ledger::Ledger,
    policy: &super::policy::Policy,
    customer: &str,
    step: &str,
    date: NaiveDate,
    invoices: &[String],
    at: &str,
) -> Result<JournalEntry> {
    let Some(s) = policy.steps.iter().find(|s| s.id == step) else {
        let ids: Vec<&str> = policy.steps.iter().map(|s| s.id.as_str()).collect();
        return Err(err!(
            InvalidJournal,
            "{step:?} is not a step of {} ({})",
            policy.id,
            ids.join(", ")
        ));
    };
    let doc = ledger.document();
    for i in invoices {
        match doc.invoices.iter().find(|inv| inv.id == *i) {
            None => return Err(err!(InvalidJournal, "invoice {i:?} is not in the ledger")),
            Some(inv) if inv.customer != customer => {
                return Err(err!(
                    InvalidJournal,
                    "invoice {i:?} is {}'s, not {customer}'s",
                    inv.customer
                ))
            }
            Some(_) => {}
        }
    }
    let state = ledger.state_as_of(date)?;
    let items: Vec<ActionItem> = state
        .receivables
        .iter()
        .filter(|r| r.customer == customer && !r.outstanding.is_zero())
        .filter(|r| {
            if invoices.is_empty() {
                (r.days_late > 0) == (s.offset_days > 0)
            } else {
                invoices.contains(&r.invoice)
            }
        })
        .map(|r| ActionItem {
            receivable: r.id.clone(),
            step: step.to_string(),
            folded_into: None,
        })
        .collect();
    if items.is_empty() {
        return Err(err!(
            InvalidJournal,
            "customer {customer:?} has nothing open on {date} for the step {step}"
        ));
    }
    Ok(JournalEntry {
        at: at.to_string(),
        date,
        event: JournalEvent::Action {
            customer: customer.to_string(),
            step: step.to_string(),
            channel: s.channel,
            items,
            note: Some("recorded by hand".into()),
        },
    })
}

/// The disputes the journal records as open on `as_of` (a `dispute` line not followed by its
/// `dispute_resolved`), by invoice: the amount, or `None` for the whole invoice. The claim module
/// leaves these parts out of what is claimed, as it does the ledger's own disputes.
///
/// ```
/// let text = r#"{"at": "x", "date": "2026-07-02", "type": "dispute", "customer": "C1", "invoice": "F1", "amount": "100.00"}
/// {"at": "x", "date": "2026-07-03", "type": "dispute", "customer": "C1", "invoice": "F2"}
/// {"at": "x", "date": "2026-07-20", "type": "dispute_resolved", "customer": "C1", "invoice": "F2"}"#;
/// let journal = arrears::dunning::journal::parse(text)?;
/// let d = |y, m, dd| chrono::NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let open = arrears::dunning::journal::open_disputes(&journal, d(2026, 7, 10));
/// assert_eq!(open.len(), 2);
/// assert_eq!(open["F1"].unwrap().to_string(), "100.00");
/// assert!(open["F2"].is_none());
/// assert_eq!(arrears::dunning::journal::open_disputes(&journal, d(2026, 7, 20)).len(), 1);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn open_disputes(entries: &[JournalEntry], as_of: NaiveDate) -> crate::claim::Disputes {
    let mut open = crate::claim::Disputes::new();
    for e in entries.iter().filter(|e| e.date <= as_of) {
        match &e.event {
            JournalEvent::Dispute {
                invoice, amount, ..
            } => {
                open.insert(invoice.clone(), *amount);
            }
            JournalEvent::DisputeResolved { invoice, .. } => {
                open.remove(invoice);
            }
            _ => {}
        }
    }
    open
}

/// Writes entries as JSON Lines (one per line, each ending with a newline), for appending.
///
/// # Errors
/// `input.invalid_document` if an entry cannot be written (never in practice).
pub fn to_lines(entries: &[JournalEntry]) -> Result<String> {
    let mut out = String::new();
    for e in entries {
        let line = serde_json::to_string(e).map_err(|e| {
            Error::new(
                crate::Code::InvalidDocument,
                format!("cannot write a journal line: {e}"),
            )
        })?;
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
}
