//! The agenda engine: (ledger, journal, policy, as-of date) → the actions due today.
//! The rules are those of `docs/dunning.md` §"The agenda rules", numbered the same way here.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::journal::{ActionItem, JournalEntry, JournalEvent};
use super::limitation::{limitation_date, DebtorStatus};
use super::policy::{Channel, DebtorKind, Escalation, Policy, PolicyChoice, Step, Tone};
use crate::calendar::date::{add_days, days_between, serde_date};
use crate::calendar::{Calendar, Roll};
use crate::claim::{ClaimLine, Claims, Disputes};
use crate::error::{err, Error, Result};
use crate::interest::ledger::LedgerInterestOptions;
use crate::ledger::{AllocationSource, Ledger, ReceivableState};
use crate::money::{decimal_string, Currency};
use crate::rates::RateTable;

/// What the caller knows about a customer beyond the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomerSettings {
    /// Another policy for this customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyChoice>,
    /// Risk grade A–E (from `risk`, or the caller's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_grade: Option<String>,
    /// Business (default) or consumer, for limitation periods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debtor: Option<DebtorStatus>,
}

/// Everything the engine needs besides the ledger and the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgendaSettings {
    /// The default policy.
    #[serde(default = "default_policy")]
    pub policy: PolicyChoice,
    /// Per-customer settings.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub customers: BTreeMap<String, CustomerSettings>,
    /// Regime choice for the penalties quoted.
    #[serde(default)]
    pub interest: LedgerInterestOptions,
    /// The policy of customers of a country (ISO 3166-1) without a policy of their own; by
    /// default `GB` → `en_standard` and `DE` → `de_standard`, so a British customer gets English
    /// letters dated on the `uk_england_wales` calendar and a German one German letters on the
    /// `de` calendar (docs/dunning.md §Country policies and calendars).
    #[serde(default = "default_country_policies")]
    pub country_policies: BTreeMap<String, PolicyChoice>,
}

fn default_country_policies() -> BTreeMap<String, PolicyChoice> {
    let mut m = BTreeMap::new();
    m.insert("GB".to_string(), PolicyChoice::Preset("en_standard".into()));
    m.insert("DE".to_string(), PolicyChoice::Preset("de_standard".into()));
    m
}

fn default_policy() -> PolicyChoice {
    PolicyChoice::Preset("fr_standard".into())
}

impl Default for AgendaSettings {
    fn default() -> Self {
        AgendaSettings {
            policy: default_policy(),
            customers: BTreeMap::new(),
            interest: LedgerInterestOptions::default(),
            country_policies: default_country_policies(),
        }
    }
}

impl AgendaSettings {
    /// The interest options every figure of a dunning run uses: `interest`, with the customers'
    /// kinds of debtor (`customers[].debtor`, when `interest.debtors` has none for them) and the
    /// formal notices the journal records (an action whose step, or one of whose items' steps, is
    /// a formal notice in one of the settings' policies or the presets the journal switched to).
    /// A notice covers every receivable of the customer due before it: the letter states the
    /// whole account (rule 3). A consumer's interest runs from it (C. civ. 1231-6, § 286 (1) BGB;
    /// [`crate::interest::ledger::Notice`]).
    ///
    /// ```
    /// use arrears::dunning::agenda::AgendaSettings;
    /// use arrears::dunning::journal::parse;
    /// let journal = parse(r#"{"at": "2024-02-14T09:00:00Z", "date": "2024-02-14", "type": "action", "customer": "C1", "step": "d30_formal_notice", "channel": "registered_letter", "items": [{"receivable": "F1", "step": "d30_formal_notice"}]}"#)?;
    /// let interest = AgendaSettings::default().interest_options(&journal)?;
    /// assert_eq!(interest.notices[0].customer, "C1");
    /// assert_eq!(interest.notices[0].date.to_string(), "2024-02-14");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    ///
    /// # Errors
    /// `dunning.unknown_policy`, `dunning.invalid_policy` for a policy that does not resolve.
    pub fn interest_options(&self, journal: &[JournalEntry]) -> Result<LedgerInterestOptions> {
        let mut out = self.interest.clone();
        for (id, c) in &self.customers {
            if let Some(debtor) = c.debtor {
                out.debtors.entry(id.clone()).or_insert(debtor);
            }
        }
        let mut choices: Vec<PolicyChoice> = vec![self.policy.clone()];
        choices.extend(self.country_policies.values().cloned());
        choices.extend(self.customers.values().filter_map(|c| c.policy.clone()));
        for e in journal {
            if let JournalEvent::Policy { policy, .. } = &e.event {
                choices.push(PolicyChoice::Preset(policy.clone()));
            }
        }
        let mut formal: HashSet<String> = HashSet::new();
        for choice in &choices {
            for step in choice.resolve()?.steps.iter().filter(|s| s.formal_notice) {
                formal.insert(step.id.clone());
            }
        }
        for e in journal {
            if let JournalEvent::Action {
                customer,
                step,
                items,
                ..
            } = &e.event
            {
                let notice = formal.contains(step)
                    || items.iter().any(|i| {
                        formal.contains(&i.step)
                            || i.folded_into.as_ref().is_some_and(|f| formal.contains(f))
                    });
                if notice {
                    out.notices.push(crate::interest::ledger::Notice {
                        customer: customer.clone(),
                        date: e.date,
                        receivables: Vec::new(),
                    });
                }
            }
        }
        Ok(out)
    }
}

/// One receivable in an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct AgendaItem {
    /// Receivable id.
    pub receivable: String,
    /// Invoice id.
    pub invoice: String,
    /// The step due for it.
    pub step: String,
    /// Its due date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub due_date: NaiveDate,
    /// Days past due on the as-of date (negative before the due date).
    pub days_late: i64,
    /// Currency.
    pub currency: Currency,
    /// Amount claimed: outstanding less any disputed part.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub outstanding: Decimal,
    /// Credits on account set off against it (C. civ. 1347; [`crate::claim::set_off`]).
    #[serde(
        default,
        with = "decimal_string",
        skip_serializing_if = "Decimal::is_zero"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub set_off: Decimal,
    /// Interest claimed on the as-of date (the claim's, see [`crate::claim`]).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub interest: Decimal,
    /// Fixed compensation.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub fixed_compensation: Decimal,
    /// Why no penalties are quoted for this receivable (no regime for the customer, a rate not
    /// yet known), when none are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalties_unavailable: Option<String>,
    /// `true` when this receivable's own step is due today (it triggered the contact); `false` for
    /// an overdue receivable of the customer listed so that the contact states the whole account
    /// (docs/dunning.md rule 3): its `step` is then the last one done for it (empty when none), and
    /// recording the action does not advance its ladder.
    #[serde(default = "triggered_default")]
    pub triggered: bool,
}

fn triggered_default() -> bool {
    true
}

/// One contact to make today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Action {
    /// Customer id.
    pub customer: String,
    /// Name, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The policy followed.
    pub policy: String,
    /// The main step (the most advanced of the items).
    pub step: String,
    /// Channel.
    pub channel: Channel,
    /// Tone.
    pub tone: Tone,
    /// Letter template.
    pub template: String,
    /// Language of the letter.
    pub language: String,
    /// Receivables covered: those whose step is due (`triggered`), then the customer's other
    /// overdue receivables being dunned, listed so that the contact states the whole account.
    pub items: Vec<AgendaItem>,
    /// The customer's receivables not yet due, mentioned as information (their amount is the
    /// totals' `not_yet_due`; a letter lists them after the ones claimed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub upcoming: Vec<String>,
    /// Receivables of the customer settled late whose penalties the contact claims too (only with
    /// `settled_penalties: claim`, see [`crate::claim`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settled: Vec<ClaimLine>,
    /// Totals per currency: outstanding + interest + fixed compensation, the contact's
    /// [`crate::claim::CustomerClaim`].
    pub totals: Vec<ActionTotal>,
    /// Why this action today.
    pub reason: String,
}

/// An action's total in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct ActionTotal {
    /// Currency.
    pub currency: Currency,
    /// Outstanding claimed.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub outstanding: Decimal,
    /// Credits on account set off (C. civ. 1347), subtracted from the total.
    #[serde(
        default,
        with = "decimal_string",
        skip_serializing_if = "Decimal::is_zero"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub set_off: Decimal,
    /// Interest + fixed compensation.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub penalties: Decimal,
    /// Sum: what the contact claims (`outstanding − set_off + penalties`).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub total: Decimal,
    /// Receivables of the contact not yet due (a pre-due step): mentioned, not claimed.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub not_yet_due: Decimal,
}

/// A receivable (or customer) not contacted today, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Paused {
    /// Customer id.
    pub customer: String,
    /// Receivable id (absent: the whole customer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receivable: Option<String>,
    /// `disputed`, `promise`, `plan`, `stopped`, `min_gap`.
    pub reason: String,
    /// Until when, if known.
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub until: Option<NaiveDate>,
}

/// An end of the amicable ladder reached today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct EscalationCase {
    /// Customer id.
    pub customer: String,
    /// Agency, court or write-off.
    pub kind: Escalation,
    /// Receivables concerned.
    pub receivables: Vec<String>,
    /// Amount claimed per currency (principal + penalties).
    pub totals: Vec<ActionTotal>,
    /// Date of the formal notice sent for them, if the journal has one (an injonction de payer
    /// needs it).
    #[serde(
        default,
        with = "serde_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schemas", schemars(with = "Option<crate::document::Date>"))]
    pub formal_notice_date: Option<NaiveDate>,
}

/// Where a promise stands.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PromiseStatus {
    /// Its date + grace has not passed and it is not yet kept.
    Pending,
    /// Payments by its date + grace covered it.
    Kept,
    /// Its date + grace passed without enough payment.
    Broken,
}

/// A promise and its status on the as-of date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct PromiseState {
    /// Customer id.
    pub customer: String,
    /// Day it was made.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub made_on: NaiveDate,
    /// Day promised.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub promised_date: NaiveDate,
    /// Amount promised.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub amount: Decimal,
    /// Amount paid toward it by its date + grace (so far).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub paid: Decimal,
    /// Status.
    pub status: PromiseStatus,
}

/// A warning attached to the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct AgendaWarning {
    /// `limitation_near`, `time_barred`, `hand_over_suggested`, `firm_mode`, `ladder_exhausted`,
    /// `penalties_unavailable` (a contact quotes no penalties for some receivables, with the reason),
    /// `rate_flagged` (a contact's penalties use a rate not yet confirmed by its publication).
    pub code: String,
    /// Customer id.
    pub customer: String,
    /// Receivable id, when about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receivable: Option<String>,
    /// Explanation.
    pub message: String,
}

/// The agenda of a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Agenda {
    /// As-of date.
    #[serde(with = "serde_date")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::Date"))]
    pub as_of: NaiveDate,
    /// Whether the as-of date is a business day of the policy's calendar (no contact otherwise).
    pub business_day: bool,
    /// Contacts to make, one per customer at most, sorted by customer id.
    pub actions: Vec<Action>,
    /// Ends of the ladder reached.
    pub escalations: Vec<EscalationCase>,
    /// What is paused and why.
    pub paused: Vec<Paused>,
    /// Promises and their status.
    pub promises: Vec<PromiseState>,
    /// Warnings.
    pub warnings: Vec<AgendaWarning>,
}

impl Agenda {
    /// The journal entries that record this agenda's actions as done (the CLI's `--record`).
    ///
    /// `at` is the caller's timestamp of the record.
    pub fn to_journal(&self, at: &str) -> Vec<JournalEntry> {
        self.actions
            .iter()
            .map(|a| JournalEntry {
                at: at.to_string(),
                date: self.as_of,
                event: JournalEvent::Action {
                    customer: a.customer.clone(),
                    step: a.step.clone(),
                    channel: a.channel,
                    items: a
                        .items
                        .iter()
                        .filter(|i| i.triggered)
                        .map(|i| ActionItem {
                            receivable: i.receivable.clone(),
                            step: i.step.clone(),
                            folded_into: (i.step != a.step).then(|| a.step.clone()),
                        })
                        .collect(),
                    note: None,
                },
            })
            .collect()
    }
}

/// What the journal says about one customer up to the as-of date.
#[derive(Default)]
struct History {
    /// Receivable → index of the last step done, by step id.
    done: HashMap<String, Vec<(NaiveDate, String)>>,
    last_contact: Option<NaiveDate>,
    promises: Vec<(NaiveDate, Decimal, Currency, NaiveDate, Vec<String>)>,
    disputes: HashMap<String, Option<Decimal>>,
    plans: Vec<(NaiveDate, Vec<String>, serde_json::Value)>,
    stops: Vec<(Option<String>, Option<NaiveDate>)>,
    policy: Option<String>,
    kind: Option<DebtorKind>,
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b)
        .ok_or_else(|| err!(Overflow, "agenda total overflows"))
}

/// Computes the agenda.
///
/// # Errors
/// `dunning.invalid_journal` when a journal entry names an unknown customer or invoice;
/// `dunning.unknown_policy`, `dunning.invalid_policy`; ledger errors.
pub fn agenda(
    ledger: &Ledger,
    journal: &[JournalEntry],
    settings: &AgendaSettings,
    as_of: NaiveDate,
    table: &RateTable,
) -> Result<Agenda> {
    let default_policy = settings.policy.resolve()?;
    let calendar = default_policy.calendar.to_calendar()?;
    let state = ledger.state_as_of(as_of)?;
    check_journal(ledger, journal)?;

    let mut out = Agenda {
        as_of,
        business_day: calendar.is_business_day(as_of)?,
        actions: Vec::new(),
        escalations: Vec::new(),
        paused: Vec::new(),
        promises: Vec::new(),
        warnings: Vec::new(),
    };

    // The journal, customer by customer, up to the as-of date.
    let mut history: BTreeMap<&str, History> = BTreeMap::new();
    for e in journal.iter().filter(|e| e.date <= as_of) {
        let h = history.entry(e.event.customer()).or_default();
        match &e.event {
            JournalEvent::Action { items, .. } => {
                h.last_contact = Some(h.last_contact.map_or(e.date, |d| d.max(e.date)));
                for it in items {
                    h.done
                        .entry(it.receivable.clone())
                        .or_default()
                        .push((e.date, it.step.clone()));
                }
            }
            JournalEvent::Promise {
                amount,
                currency,
                promised_date,
                receivables,
                ..
            } => h.promises.push((
                e.date,
                *amount,
                *currency,
                *promised_date,
                receivables.clone(),
            )),
            JournalEvent::Dispute {
                invoice, amount, ..
            } => {
                h.disputes.insert(invoice.clone(), *amount);
            }
            JournalEvent::DisputeResolved { invoice, .. } => {
                h.disputes.remove(invoice);
            }
            JournalEvent::Plan {
                receivables, plan, ..
            } => h.plans.push((e.date, receivables.clone(), plan.clone())),
            JournalEvent::Stop { invoice, until, .. } => h.stops.push((invoice.clone(), *until)),
            JournalEvent::Resume { invoice, .. } => h.stops.retain(|(i, _)| i != invoice),
            JournalEvent::Policy { policy, .. } => h.policy = Some(policy.clone()),
            JournalEvent::DebtorKind { kind, .. } => h.kind = Some(*kind),
            JournalEvent::Note { .. } => {}
        }
    }

    // What each contact claims (rule 12): the claim module's figures, the same as the report's
    // and the letters'. A receivable without penalties is still dunned, with a warning.
    let interest = settings.interest_options(journal)?;
    let claims = Claims::for_contacts(ledger, &state, &interest, table)?;
    let journal_disputes: Disputes = super::journal::open_disputes(journal, as_of);

    // Payments per customer, for promises.
    let customer_of: HashMap<&str, &str> = state
        .receivables
        .iter()
        .map(|r| (r.id.as_str(), r.customer.as_str()))
        .collect();
    let mut paid_on: HashMap<&str, Vec<(NaiveDate, &str, Decimal)>> = HashMap::new();
    for a in &state.allocations {
        if matches!(
            a.source,
            AllocationSource::Payment | AllocationSource::Deposit
        ) {
            if let Some(c) = customer_of.get(a.receivable.as_str()) {
                paid_on
                    .entry(c)
                    .or_default()
                    .push((a.date, a.receivable.as_str(), a.amount));
            }
        }
    }

    let doc = ledger.document();
    let names: HashMap<&str, Option<&String>> = doc
        .customers
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_ref()))
        .collect();
    let countries: HashMap<&str, Option<&String>> = doc
        .customers
        .iter()
        .map(|c| (c.id.as_str(), c.country.as_ref()))
        .collect();
    // Who the debtor is (business, consumer, public body): the request's customer setting, else
    // the ledger's record (docs/dunning.md rule 11).
    let debtors: HashMap<&str, DebtorStatus> = doc
        .customers
        .iter()
        .map(|c| (c.id.as_str(), c.debtor_status()))
        .collect();
    let segments: HashMap<&str, Option<&String>> = doc
        .customers
        .iter()
        .map(|c| (c.id.as_str(), c.segment.as_ref()))
        .collect();

    let mut by_customer: BTreeMap<&str, Vec<&ReceivableState>> = BTreeMap::new();
    for r in &state.receivables {
        if !r.outstanding.is_zero() {
            by_customer.entry(r.customer.as_str()).or_default().push(r);
        }
    }
    // Customers with promises but nothing open still get their promises reported.
    for c in history.keys() {
        by_customer.entry(c).or_default();
    }
    let empty = History::default();

    for (customer, receivables) in by_customer {
        let h = history.get(customer).unwrap_or(&empty);
        let cs = settings.customers.get(customer);

        // The customer's policy: journal choice, caller setting, else the default.
        let by_country = countries
            .get(customer)
            .copied()
            .flatten()
            .and_then(|c| settings.country_policies.get(&c.to_ascii_uppercase()));
        let mut policy = match (&h.policy, cs.and_then(|c| c.policy.as_ref()), by_country) {
            (Some(id), _, _) => super::presets::preset(id)?,
            (None, Some(choice), _) => choice.resolve()?,
            (None, None, Some(choice)) => choice.resolve()?,
            (None, None, None) => default_policy.clone(),
        };

        // Promises (rule 6): status, and the receivables they pause.
        let mut broken = 0u32;
        let mut promised: Vec<(Vec<String>, NaiveDate)> = Vec::new();
        for (made, amount, currency, date, covers) in &h.promises {
            let grace = add_days(*date, i64::from(policy.promise_grace_days))?;
            let paid = paid_on
                .get(customer)
                .into_iter()
                .flatten()
                .filter(|(d, rid, _)| {
                    *d >= *made
                        && *d <= grace.min(as_of)
                        && (covers.is_empty() || covers.iter().any(|c| c == rid))
                })
                .try_fold(Decimal::ZERO, |acc, (_, _, a)| add(acc, *a))?;
            let status = if paid >= *amount {
                PromiseStatus::Kept
            } else if as_of > grace {
                broken = broken.saturating_add(1);
                PromiseStatus::Broken
            } else {
                promised.push((covers.clone(), grace));
                PromiseStatus::Pending
            };
            let mut paid = paid;
            paid.rescale(currency.minor_units());
            out.promises.push(PromiseState {
                customer: customer.to_string(),
                made_on: *made,
                promised_date: *date,
                amount: *amount,
                paid,
                status,
            });
        }

        // Firm mode (rules 6 and 9).
        let firm_reason = if broken >= policy.broken_promises_to_firm.max(1) {
            Some(format!("{broken} broken promises"))
        } else if h.kind == Some(DebtorKind::LateOnPurpose) {
            Some("pays late on purpose".to_string())
        } else {
            None
        };
        // The ladder the customer climbed before firm mode, to place it on the firm one.
        let mut before_firm: Option<Policy> = None;
        if let (Some(why), Some(firm)) = (&firm_reason, policy.firm_policy.clone()) {
            before_firm = Some(std::mem::replace(
                &mut policy,
                super::presets::preset(&firm)?,
            ));
            out.warnings.push(AgendaWarning {
                code: "firm_mode".into(),
                customer: customer.to_string(),
                receivable: None,
                message: format!("{why}: the customer follows the firm policy {firm}"),
            });
        }

        // The calendar of the customer's policy decides step dates and business days.
        let calendar = policy.calendar.to_calendar()?;
        let business_day = calendar.is_business_day(as_of)?;

        // Stops (overrides).
        let stopped = |invoice: &str| {
            h.stops.iter().any(|(inv, until)| {
                inv.as_deref().is_none_or(|i| i == invoice) && until.is_none_or(|u| u >= as_of)
            })
        };

        let overdue_total: HashMap<Currency, Decimal> = receivables
            .iter()
            .filter(|r| r.days_late > 0)
            .fold(HashMap::new(), |mut m, r| {
                let e = m.entry(r.currency).or_insert(Decimal::ZERO);
                *e = e.saturating_add(r.outstanding);
                m
            });

        // Who the debtor is: the request's setting, else the ledger's (rule 11, conditions).
        let debtor = cs
            .and_then(|s| s.debtor)
            .or_else(|| debtors.get(customer).copied())
            .unwrap_or_default();
        let mut due_items: Vec<(usize, &Step, AgendaItem)> = Vec::new();
        // Overdue receivables being dunned whose own step is not due today, and the ones not yet
        // due: the rest of the account, which a contact states too (rule 3).
        let mut listed: Vec<AgendaItem> = Vec::new();
        let mut upcoming: Vec<String> = Vec::new();
        // Whether a debt of this first contact starts past the first step (catching up).
        let mut caught_up = false;
        // Journal step ids the customer's ladders do not have, warned about once.
        let mut unknown_steps: HashSet<&str> = HashSet::new();
        for r in receivables {
            // Rule 11: limitation, for every open receivable, paused or not.
            let country = countries.get(customer).copied().flatten();
            if let Some(limit) = country.and_then(|c| limitation_date(c, debtor, r.due_date)) {
                let warn_from = add_days(
                    limit,
                    i64::from(policy.limitation_warning_days).saturating_neg(),
                )?;
                if as_of > limit {
                    out.warnings.push(AgendaWarning {
                        code: "time_barred".into(),
                        customer: customer.to_string(),
                        receivable: Some(r.id.clone()),
                        message: format!("the claim was time-barred on {limit} (unless the period was interrupted)"),
                    });
                } else if as_of >= warn_from {
                    out.warnings.push(AgendaWarning {
                        code: "limitation_near".into(),
                        customer: customer.to_string(),
                        receivable: Some(r.id.clone()),
                        message: format!("the claim is time-barred after {limit}: act before then"),
                    });
                }
            }
            // Rule 1: what is not dunned.
            if stopped(&r.invoice) {
                out.paused.push(paused(customer, r, "stopped", None));
                continue;
            }
            let journal_dispute = h
                .disputes
                .get(&r.invoice)
                .map(|a| a.unwrap_or(r.outstanding));
            let disputed = r
                .disputed
                .max(journal_dispute.unwrap_or(Decimal::ZERO))
                .min(r.outstanding);
            if disputed >= r.outstanding {
                out.paused.push(paused(customer, r, "disputed", None));
                continue;
            }
            if let Some((_, until)) = promised
                .iter()
                .find(|(covers, _)| covers.is_empty() || covers.contains(&r.id))
            {
                out.paused
                    .push(paused(customer, r, "promise", Some(*until)));
                continue;
            }
            let plan_state = plan_status(h, r, &paid_on, customer, as_of)?;
            if let Some(PlanState::Active) = plan_state {
                out.paused.push(paused(customer, r, "plan", None));
                continue;
            }

            // Rule 2: the next step.
            let done = h.done.get(&r.id);
            let mut position: Option<usize> = done
                .into_iter()
                .flatten()
                .filter_map(|(_, id)| policy.steps.iter().position(|s| s.id == *id))
                .max();
            // A step the customer's ladders do not have (a typo, a policy changed since): kept as a
            // contact, but it cannot place the receivable on the ladder; say so once per step.
            for (_, id) in done.into_iter().flatten() {
                let known = policy
                    .steps
                    .iter()
                    .chain(before_firm.iter().flat_map(|b| b.steps.iter()))
                    .any(|s| s.id == *id);
                if !known && unknown_steps.insert(id.as_str()) {
                    out.warnings.push(AgendaWarning {
                        code: "unknown_step".into(),
                        customer: customer.to_string(),
                        receivable: None,
                        message: format!(
                            "the journal records step {id:?}, which policy {} does not have: it counts as a contact, not as a step of the ladder",
                            policy.id
                        ),
                    });
                }
            }
            // Rule 6, firm mode never steps down: on the firm ladder, the receivable goes on at
            // the first step not earlier (by offset) than the furthest step it reached before.
            if let Some(before) = &before_firm {
                let reached = done
                    .into_iter()
                    .flatten()
                    .filter_map(|(_, id)| before.steps.iter().find(|s| s.id == *id))
                    .map(|s| s.offset_days)
                    .max();
                if let Some(reached) = reached {
                    let next = policy
                        .steps
                        .iter()
                        .position(|s| s.offset_days >= reached)
                        .unwrap_or(policy.steps.len());
                    let floor = next.checked_sub(1);
                    position = position.max(floor);
                }
            }
            if policy.reset_on_partial_payment {
                let last_action = done.into_iter().flatten().map(|(d, _)| *d).max();
                let paid_since = paid_on
                    .get(customer)
                    .into_iter()
                    .flatten()
                    .any(|(d, rid, _)| *rid == r.id && last_action.is_some_and(|l| *d > l));
                if paid_since {
                    position = policy.first_post_due_index().and_then(|i| i.checked_sub(1));
                }
            }
            // Rule 8: a defaulted plan resumes at the formal notice.
            if let Some(PlanState::Defaulted) = plan_state {
                if let Some(f) = policy.formal_notice_index() {
                    position =
                        Some(position.map_or(f.saturating_sub(1), |p| p.max(f.saturating_sub(1))));
                }
            }
            // Rule 9: a debtor who avoids paying goes to formal notice after the first reminder.
            if h.kind == Some(DebtorKind::Avoids) {
                if let (Some(p), Some(first), Some(f)) = (
                    position,
                    policy.first_post_due_index(),
                    policy.formal_notice_index(),
                ) {
                    if p >= first && p < f {
                        position = Some(f.saturating_sub(1));
                    }
                }
            }
            // A receivable whose last step handed it over (agency, court) has left the ladder.
            let handed_over = done
                .into_iter()
                .flatten()
                .filter(|(_, id)| {
                    policy
                        .steps
                        .iter()
                        .chain(before_firm.iter().flat_map(|b| b.steps.iter()))
                        .any(|s| s.id == *id && s.escalation.is_some())
                })
                .map(|(d, _)| *d)
                .max();
            if let Some(since) = handed_over {
                out.paused.push(Paused {
                    customer: customer.to_string(),
                    receivable: Some(r.id.clone()),
                    reason: format!("handed_over since {since}"),
                    until: None,
                });
                continue;
            }
            let segment = segments.get(customer).copied().flatten();
            let grade = cs.and_then(|c| c.risk_grade.as_ref());
            let min_amount_ok = |s: &Step| {
                let c = &s.conditions;
                c.min_invoice_amount.is_none_or(|m| r.amount >= m)
                    && c.min_amount
                        .is_none_or(|m| overdue_total.get(&r.currency).is_some_and(|t| *t >= m))
                    && (c.segments.is_empty() || segment.is_some_and(|s| c.segments.contains(s)))
                    && (c.risk_grades.is_empty()
                        || grade.is_some_and(|g| c.risk_grades.contains(g)))
                    && (c.debtor_kinds.is_empty()
                        || h.kind.is_some_and(|k| c.debtor_kinds.contains(&k)))
                    && (c.debtors.is_empty() || c.debtors.contains(&debtor))
            };
            // Rule 2, catching up: a customer the journal has never contacted (a ledger imported
            // with months of arrears) starts each late debt at the latest step already past.
            if policy.catch_up && h.done.is_empty() && position.is_none() && as_of > r.due_date {
                if let Some(start) =
                    catch_up_start(&policy, &calendar, r.due_date, as_of, &min_amount_ok)?
                {
                    caught_up |= start > 0;
                    position = start.checked_sub(1);
                }
            }
            // Rule 9: a debtor who avoids paying gets the formal notice earlier.
            let avoids = h.kind == Some(DebtorKind::Avoids);
            let offset_of = |s: &Step| -> i32 {
                if avoids && s.formal_notice && s.offset_days > 0 {
                    let advance = i32::try_from(policy.avoids_advance_days).unwrap_or(i32::MAX);
                    s.offset_days.saturating_sub(advance).max(1)
                } else {
                    s.offset_days
                }
            };
            let mut k = position.map_or(0, |p| p.saturating_add(1));
            let mut chosen: Option<usize> = None;
            while let Some(step) = policy.steps.get(k) {
                let date = step_date(&calendar, r.due_date, offset_of(step))?;
                let next_k = k.saturating_add(1);
                if step.offset_days < 0 && as_of > r.due_date {
                    k = next_k;
                    continue;
                }
                if !min_amount_ok(step) {
                    k = next_k;
                    continue;
                }
                if date > as_of {
                    break;
                }
                // The next step that applies to this receivable (its conditions hold, and it is
                // not a pre-due step once the due date is past) decides whether this one may be
                // passed over.
                let next_applicable = policy
                    .steps
                    .iter()
                    .skip(next_k)
                    .find(|n| min_amount_ok(n) && !(n.offset_days < 0 && as_of > r.due_date));
                let later_due = match next_applicable {
                    Some(n) => step_date(&calendar, r.due_date, offset_of(n))? <= as_of,
                    None => false,
                };
                if step.skippable && later_due {
                    k = next_k;
                    continue;
                }
                chosen = Some(k);
                break;
            }
            if chosen.is_none() && k >= policy.steps.len() && r.days_late > 0 {
                out.warnings.push(AgendaWarning {
                    code: "ladder_exhausted".into(),
                    customer: customer.to_string(),
                    receivable: Some(r.id.clone()),
                    message: format!(
                        "every step of {} was done; decide the next move by hand",
                        policy.id
                    ),
                });
            }
            // Rule 10: more than 90 days late, and 90 days since the due date or the last
            // commitment (the date a promise named, the day a plan was agreed), whichever is later:
            // a customer who once promised and then went silent is suggested too.
            let last_commitment = h
                .promises
                .iter()
                .map(|(_, _, _, promised, _)| *promised)
                .chain(h.plans.iter().map(|(agreed, _, _)| *agreed))
                .max();
            let silent_since = last_commitment.map_or(r.due_date, |c| c.max(r.due_date));
            if r.days_late > 90 && days_between(silent_since, as_of) > 90 {
                out.warnings.push(AgendaWarning {
                    code: "hand_over_suggested".into(),
                    customer: customer.to_string(),
                    receivable: Some(r.id.clone()),
                    message: format!(
                        "{} days late without a promise or a plan: hand over to a professional (agency, lawyer)",
                        r.days_late
                    ),
                });
            }
            let item = |step: String, triggered: bool| AgendaItem {
                receivable: r.id.clone(),
                invoice: r.invoice.clone(),
                step,
                due_date: r.due_date,
                days_late: days_between(r.due_date, as_of),
                currency: r.currency,
                outstanding: r.outstanding.saturating_sub(disputed),
                set_off: Decimal::ZERO,
                interest: Decimal::ZERO,
                fixed_compensation: Decimal::ZERO,
                penalties_unavailable: None,
                triggered,
            };
            match chosen.and_then(|k| policy.steps.get(k).map(|step| (k, step))) {
                Some((k, step)) => due_items.push((k, step, item(step.id.clone(), true))),
                // Overdue, dunned, but no step of its own today: stated in the customer's contact
                // if there is one (rule 3, the whole account).
                None if r.days_late > 0 => {
                    let last = done
                        .into_iter()
                        .flatten()
                        .max_by_key(|(d, _)| *d)
                        .map(|(_, id)| id.clone())
                        .unwrap_or_default();
                    listed.push(item(last, false));
                }
                // Not yet due: mentioned in the contact's claim as information (not_yet_due).
                None => upcoming.push(r.id.clone()),
            }
        }
        if due_items.is_empty() {
            continue;
        }
        // Rule 3: one contact per customer per day, not within the minimum gap.
        if !business_day {
            continue;
        }
        if let Some(last) = h.last_contact {
            let next_allowed = add_days(last, i64::from(policy.min_gap_days))?;
            if next_allowed > as_of {
                out.paused.push(Paused {
                    customer: customer.to_string(),
                    receivable: None,
                    reason: "min_gap".into(),
                    until: Some(next_allowed),
                });
                continue;
            }
        }
        due_items.sort_by(|a, b| a.2.receivable.cmp(&b.2.receivable));
        let Some((_, main, _)) = due_items.iter().max_by_key(|(k, _, _)| *k) else {
            continue;
        };
        let main: &Step = main;
        let mut template = main.template.clone();
        let mut reason = format!("{}: {} day(s) from the due date", main.id, main.offset_days);
        if caught_up {
            reason = format!(
                "{reason}; first contact with this customer: each late invoice starts at the latest step already past, never beyond the formal notice (catching up)"
            );
        }
        if h.kind == Some(DebtorKind::CannotPay)
            && (main.formal_notice || main.escalation.is_some())
        {
            // Rule 9: offer a plan rather than escalate.
            template = "payment_plan_offer".into();
            reason = format!("{reason}; the customer cannot pay: offer a payment plan instead");
        }
        // The contact states the whole account: the items whose step is due, then the customer's
        // other overdue receivables being dunned, each in receivable order.
        listed.sort_by(|a, b| a.receivable.cmp(&b.receivable));
        let mut items: Vec<AgendaItem> = due_items
            .iter()
            .map(|(_, _, i)| i.clone())
            .chain(listed)
            .collect();
        // The contact's claim, per currency (rule 12).
        upcoming.sort();
        let ids: Vec<String> = items
            .iter()
            .map(|i| i.receivable.clone())
            .chain(upcoming.iter().cloned())
            .collect();
        let mut currencies: Vec<Currency> = items.iter().map(|i| i.currency).collect();
        currencies.sort();
        currencies.dedup();
        let mut settled = Vec::new();
        let mut totals = Vec::new();
        for currency in currencies {
            let claim = claims.customer(customer, currency, Some(&ids), &journal_disputes)?;
            // Indexed once: a large customer's contact has thousands of items and lines.
            let lines: HashMap<&str, &ClaimLine> = claim
                .lines
                .iter()
                .chain(&claim.upcoming)
                .rev()
                .map(|l| (l.receivable.as_str(), l))
                .collect();
            let unavailable: HashMap<&str, &str> = claim
                .without_penalties
                .iter()
                .rev()
                .map(|s| (s.receivable.as_str(), s.reason.as_str()))
                .collect();
            for item in items.iter_mut().filter(|i| i.currency == currency) {
                if let Some(line) = lines.get(item.receivable.as_str()) {
                    item.outstanding = line.outstanding;
                    item.set_off = line.set_off;
                    item.interest = line.interest;
                    item.fixed_compensation = line.fixed_compensation;
                }
                item.penalties_unavailable = unavailable
                    .get(item.receivable.as_str())
                    .map(|reason| (*reason).to_string());
            }
            settled.extend(
                claim
                    .lines
                    .iter()
                    .filter(|l| l.settled_on.is_some())
                    .cloned(),
            );
            let mut not_yet_due = claim
                .upcoming
                .iter()
                .try_fold(Decimal::ZERO, |acc, l| add(acc, l.outstanding))?;
            not_yet_due.rescale(currency.minor_units());
            totals.push(ActionTotal {
                currency,
                outstanding: claim.principal,
                set_off: claim.set_off,
                penalties: add(claim.interest, claim.fixed_compensation)?,
                total: claim.total,
                not_yet_due,
            });
            if !claim.without_penalties.is_empty() {
                let reasons: BTreeMap<&str, Vec<&str>> =
                    claim
                        .without_penalties
                        .iter()
                        .fold(BTreeMap::new(), |mut m, s| {
                            m.entry(s.reason.as_str())
                                .or_default()
                                .push(s.receivable.as_str());
                            m
                        });
                for (reason, receivables) in reasons {
                    out.warnings.push(AgendaWarning {
                        code: "penalties_unavailable".into(),
                        customer: customer.to_string(),
                        receivable: None,
                        message: format!(
                            "no late-payment penalties quoted for {}: {reason}",
                            receivables.join(", ")
                        ),
                    });
                }
            }
            for w in &claim.warnings {
                out.warnings.push(AgendaWarning {
                    code: w.code.clone(),
                    customer: customer.to_string(),
                    receivable: None,
                    message: w.message.clone(),
                });
            }
        }
        if let Some(kind) = main.escalation {
            if template != "payment_plan_offer" {
                let fn_date = items
                    .iter()
                    .flat_map(|i| h.done.get(&i.receivable).into_iter().flatten())
                    .filter(|(_, id)| policy.steps.iter().any(|s| s.id == *id && s.formal_notice))
                    .map(|(d, _)| *d)
                    .max();
                // Only the receivables whose own step ends the ladder are escalated; a newer
                // invoice grouped in the same contact keeps its own ladder (rule 4).
                let escalated: Vec<AgendaItem> = items
                    .iter()
                    .filter(|i| {
                        i.triggered
                            && policy
                                .steps
                                .iter()
                                .any(|s| s.id == i.step && s.escalation.is_some())
                    })
                    .cloned()
                    .collect();
                out.escalations.push(EscalationCase {
                    customer: customer.to_string(),
                    kind,
                    receivables: escalated.iter().map(|i| i.receivable.clone()).collect(),
                    totals: totals_of(&escalated)?,
                    formal_notice_date: fn_date,
                });
            }
        }
        out.actions.push(Action {
            customer: customer.to_string(),
            name: names.get(customer).copied().flatten().cloned(),
            policy: policy.id.clone(),
            step: main.id.clone(),
            channel: main.channel,
            tone: main.tone,
            template,
            language: policy.language.clone(),
            items,
            upcoming,
            settled,
            totals,
            reason,
        });
    }
    // A stable order: by customer, then receivable (customer-wide warnings first), then code.
    out.warnings.sort_by(|a, b| {
        (&a.customer, &a.receivable, &a.code).cmp(&(&b.customer, &b.receivable, &b.code))
    });
    Ok(out)
}

/// Where a late debt of a customer never contacted starts (rule 2, catching up): the latest step
/// that applies to it and whose date has passed, but
/// - never beyond the policy's formal notice: a debtor is put in default by a formal notice
///   (C. civ. 1344; § 286 (1) BGB: "Mahnung"), which agency hand-over and court action presuppose,
///   so a debt past every step starts there, and the later steps follow it as usual;
/// - never at an escalation (agency, court, write-off) when the policy has no formal notice: the
///   latest amicable step before it comes first.
///
/// `None` when no post-due step has passed yet (the ladder starts as usual).
fn catch_up_start(
    policy: &Policy,
    calendar: &Calendar,
    due: NaiveDate,
    as_of: NaiveDate,
    applies: &dyn Fn(&Step) -> bool,
) -> Result<Option<usize>> {
    let mut latest = None;
    for (k, step) in policy.steps.iter().enumerate() {
        if step.offset_days < 0 || !applies(step) {
            continue;
        }
        if step_date(calendar, due, step.offset_days)? > as_of {
            break;
        }
        latest = Some(k);
    }
    let Some(latest) = latest else {
        return Ok(None);
    };
    let formal_notice = policy
        .steps
        .iter()
        .position(|s| s.formal_notice && applies(s));
    Ok(Some(match formal_notice {
        Some(f) if f < latest => f,
        Some(_) => latest,
        None => policy
            .steps
            .iter()
            .enumerate()
            .take(latest.saturating_add(1))
            .rev()
            .find(|(_, s)| s.escalation.is_none() && s.offset_days >= 0 && applies(s))
            .map_or(latest, |(k, _)| k),
    }))
}

fn paused(customer: &str, r: &ReceivableState, reason: &str, until: Option<NaiveDate>) -> Paused {
    Paused {
        customer: customer.to_string(),
        receivable: Some(r.id.clone()),
        reason: reason.to_string(),
        until,
    }
}

/// The date of a step `offset` days from the due date. After the due date: due date + offset,
/// moved to the next business day. Before it: `offset` business days of the calendar back from the
/// due date, so that a reminder or a courtesy call before the due date never falls on a
/// non-business day nor, moved forward, on or after the due date (seed 003: "appel de courtoisie
/// 48h avant"; docs/dunning.md rule 2).
fn step_date(calendar: &Calendar, due: NaiveDate, offset: i32) -> Result<NaiveDate> {
    if offset < 0 {
        return calendar.add_business_days(due, i64::from(offset));
    }
    calendar.roll(add_days(due, i64::from(offset))?, Roll::Following)
}

fn totals_of(items: &[AgendaItem]) -> Result<Vec<ActionTotal>> {
    let mut per: BTreeMap<Currency, (Decimal, Decimal, Decimal)> = BTreeMap::new();
    for i in items {
        let e = per
            .entry(i.currency)
            .or_insert((Decimal::ZERO, Decimal::ZERO, Decimal::ZERO));
        e.0 = add(e.0, i.outstanding)?;
        e.1 = add(add(e.1, i.interest)?, i.fixed_compensation)?;
        e.2 = add(e.2, i.set_off)?;
    }
    per.into_iter()
        .map(|(currency, (o, p, s))| {
            let (mut o, mut p, mut s) = (o, p, s);
            for d in [&mut o, &mut p, &mut s] {
                d.rescale(currency.minor_units());
            }
            let net = o
                .checked_sub(s)
                .ok_or_else(|| err!(Overflow, "total overflows"))?;
            Ok(ActionTotal {
                currency,
                outstanding: o,
                set_off: s,
                penalties: p,
                total: add(net, p)?,
                not_yet_due: Decimal::new(0, currency.minor_units()),
            })
        })
        .collect()
}

enum PlanState {
    Active,
    Defaulted,
}

/// The state of the latest plan covering a receivable (rule 8): the plan document of the journal
/// tracked against the payments matched to the receivables it covers since it was agreed.
fn plan_status(
    h: &History,
    r: &ReceivableState,
    paid_on: &HashMap<&str, Vec<(NaiveDate, &str, Decimal)>>,
    customer: &str,
    as_of: NaiveDate,
) -> Result<Option<PlanState>> {
    let Some((agreed, covers, plan)) = h
        .plans
        .iter()
        .rev()
        .find(|(_, covers, _)| covers.contains(&r.id))
    else {
        return Ok(None);
    };
    let plan: crate::plans::PaymentPlan = serde_json::from_value(plan.clone()).map_err(|e| {
        err!(
            InvalidJournal,
            "the payment plan of customer {customer} does not parse: {e}"
        )
    })?;
    let payments: Vec<crate::plans::PlanPayment> = paid_on
        .get(customer)
        .into_iter()
        .flatten()
        .filter(|(d, rid, _)| *d >= *agreed && covers.iter().any(|c| c == rid))
        .map(|(d, _, a)| crate::plans::PlanPayment {
            date: *d,
            amount: *a,
        })
        .collect();
    let status = crate::plans::track(&plan, &payments, as_of)?;
    Ok(match status.state {
        crate::plans::PlanState::Defaulted => Some(PlanState::Defaulted),
        crate::plans::PlanState::Completed => None,
        _ => Some(PlanState::Active),
    })
}

/// Checks that every journal entry names a known customer and known invoices/receivables.
fn check_journal(ledger: &Ledger, journal: &[JournalEntry]) -> Result<()> {
    let doc = ledger.document();
    let customers: HashSet<&str> = doc
        .invoices
        .iter()
        .map(|i| i.customer.as_str())
        .chain(doc.customers.iter().map(|c| c.id.as_str()))
        .collect();
    let invoices: HashSet<&str> = doc.invoices.iter().map(|i| i.id.as_str()).collect();
    let receivables: HashSet<&str> = ledger.receivables().iter().map(|r| r.id.as_str()).collect();
    let mut problems: Vec<Error> = Vec::new();
    for (n, e) in journal.iter().enumerate() {
        let at = format!("journal[{n}]");
        let c = e.event.customer();
        if !customers.contains(c) {
            problems.push(err!(InvalidJournal, "customer {c:?} is not in the ledger").at(&at));
        }
        if let JournalEvent::Promise {
            amount, currency, ..
        } = &e.event
        {
            // A promise is money the customer said they would pay: above zero, in the minor
            // units of its currency.
            if *amount <= Decimal::ZERO {
                problems.push(
                    err!(
                        InvalidJournal,
                        "a promise of {amount} {currency}: it must be above zero"
                    )
                    .at(format!("{at}.amount")),
                );
            } else if !crate::money::Money::new(*amount, *currency).is_in_minor_units() {
                problems.push(
                    err!(
                        InvalidJournal,
                        "a promise of {amount} {currency} has more decimals than {currency} has"
                    )
                    .at(format!("{at}.amount")),
                );
            }
        }
        let mut check_inv = |i: &str| {
            if !invoices.contains(i) {
                problems.push(err!(InvalidJournal, "invoice {i:?} is not in the ledger").at(&at));
            }
        };
        match &e.event {
            JournalEvent::Dispute { invoice, .. }
            | JournalEvent::DisputeResolved { invoice, .. } => check_inv(invoice),
            JournalEvent::Stop {
                invoice: Some(i), ..
            }
            | JournalEvent::Resume {
                invoice: Some(i), ..
            } => check_inv(i),
            _ => {}
        }
        let named: Vec<&String> = match &e.event {
            JournalEvent::Action { items, .. } => items.iter().map(|i| &i.receivable).collect(),
            JournalEvent::Promise { receivables, .. } | JournalEvent::Plan { receivables, .. } => {
                receivables.iter().collect()
            }
            _ => Vec::new(),
        };
        for r in named {
            if !receivables.contains(r.as_str()) {
                problems
                    .push(err!(InvalidJournal, "receivable {r:?} is not in the ledger").at(&at));
            }
        }
    }
    match Error::from_many(problems) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Runs the agenda every day from `from` to `to` (both included), recording each day's actions as
/// done, as a user who follows the agenda every morning would: the journal such a user would
/// have. Used by the demo, and useful to preview a policy on past data.
///
/// `at` gives each day's record timestamp (the engine has no clock).
///
/// # Errors
/// As [`agenda`].
pub fn simulate(
    ledger: &Ledger,
    journal: &[JournalEntry],
    settings: &AgendaSettings,
    from: NaiveDate,
    to: NaiveDate,
    table: &RateTable,
    at: impl Fn(NaiveDate) -> String,
) -> Result<Vec<JournalEntry>> {
    let mut recorded: Vec<JournalEntry> = journal.to_vec();
    let mut day = from;
    while day <= to {
        let today = agenda(ledger, &recorded, settings, day, table)?;
        recorded.extend(today.to_journal(&at(day)));
        day = add_days(day, 1)?;
    }
    Ok(recorded)
}
