//! Property tests of the dunning agenda (`docs/dunning.md` §"The agenda rules"): the engine is a
//! pure function of its inputs; recording an agenda and running the same day again contacts no
//! one; one action per customer; no contact on a non-business day; nothing claimed on a paid or
//! fully disputed receivable; and, day after day with the actions recorded, the steps of every
//! receivable follow the ladder without skipping a non-skippable step.
//!
//! Ledgers are small and French (1–4 customers with `country: "FR"`, 1–6 invoices in 2025–2026,
//! random payments and disputes), built as JSON documents so the test does not depend on the
//! record structs' fields.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

use std::collections::{BTreeMap, HashMap};

use arrears::calendar::Calendar;
use arrears::dunning::agenda::{agenda, Agenda, AgendaSettings};
use arrears::dunning::journal::{JournalEntry, JournalEvent};
use arrears::dunning::presets::preset;
use arrears::ledger::{Ledger, LedgerDocument};
use arrears::rates::RateTable;
use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn day(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Duration::days(n)
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn cents(c: i64) -> String {
    Decimal::new(c, 2).to_string()
}

/// One generated invoice: customer index, issue day (from 2025-01-01), payment term, amount in
/// cents, what is paid (0 none, 1 part, 2 all) and when, and a dispute (0 none, 1 part, 2 all).
type InvoiceSpec = (usize, i64, i64, i64, u8, i64, u8);

fn invoice_spec() -> impl Strategy<Value = InvoiceSpec> {
    (
        0usize..4,
        0i64..660, // issue dates from 2025-01-01 to late 2026
        0i64..61,
        // Some invoices above 5,000.00 so the courtesy call's condition is exercised.
        prop_oneof![10_000i64..500_000, 500_000i64..900_000],
        0u8..3,
        0i64..120,
        prop_oneof![6 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)],
    )
}

/// A French ledger document from the generated specs.
fn ledger_doc(customers: usize, invoices: &[InvoiceSpec]) -> Value {
    let customers: Vec<Value> = (0..customers)
        .map(|c| json!({"id": format!("C{c}"), "name": format!("Client {c}"), "country": "FR"}))
        .collect();
    let n = customers.len();
    let mut inv = Vec::new();
    let mut payments = Vec::new();
    let mut disputes = Vec::new();
    for (i, (c, issue, term, amount, paid, pay_after, disputed)) in invoices.iter().enumerate() {
        let id = format!("F{i}");
        let customer = format!("C{}", c % n);
        inv.push(json!({
            "id": id, "customer": customer, "issue_date": iso(day(*issue)),
            "due_date": iso(day(issue + term)), "amount": cents(*amount), "currency": "EUR"}));
        let paid_cents = match paid {
            1 => amount / 3,
            2 => *amount,
            _ => 0,
        };
        if paid_cents > 0 {
            payments.push(json!({
                "id": format!("P{i}"), "customer": customer, "invoice": id,
                "date": iso(day(issue + pay_after)), "amount": cents(paid_cents), "currency": "EUR"}));
        }
        match disputed {
            1 => disputes.push(json!({"invoice": id, "opened": iso(day(*issue)),
                                      "amount": cents(amount / 4), "reason": "quality"})),
            2 => disputes.push(
                json!({"invoice": id, "opened": iso(day(*issue)), "reason": "not delivered"}),
            ),
            _ => {}
        }
    }
    json!({"customers": customers, "invoices": inv, "payments": payments, "disputes": disputes})
}

fn ledger_of(doc: &Value) -> Ledger {
    let doc: LedgerDocument = serde_json::from_value(doc.clone()).unwrap();
    Ledger::new(doc).unwrap()
}

fn run(ledger: &Ledger, journal: &[JournalEntry], as_of: NaiveDate) -> Agenda {
    agenda(
        ledger,
        journal,
        &AgendaSettings::default(),
        as_of,
        &RateTable::builtin().unwrap(),
    )
    .unwrap()
}

/// The agenda under fr_standard with its catch-up rule on or off (docs/dunning.md rule 2).
fn run_catching_up(
    ledger: &Ledger,
    journal: &[JournalEntry],
    as_of: NaiveDate,
    catch_up: bool,
) -> Agenda {
    let mut policy = preset("fr_standard").unwrap();
    policy.catch_up = catch_up;
    let settings = AgendaSettings {
        policy: arrears::dunning::policy::PolicyChoice::Policy(Box::new(policy)),
        ..AgendaSettings::default()
    };
    agenda(
        ledger,
        journal,
        &settings,
        as_of,
        &RateTable::builtin().unwrap(),
    )
    .unwrap()
}

fn at(d: NaiveDate) -> String {
    format!("{}T18:00:00+02:00", iso(d))
}

prop_compose! {
    fn scenario()(
        customers in 1usize..=4,
        invoices in prop::collection::vec(invoice_spec(), 1..=6),
        as_of in 0i64..760, // 2025-01-01 to 2027-01-30
    ) -> (Value, NaiveDate) {
        (ledger_doc(customers, &invoices), day(as_of))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The same inputs give the same agenda (the engine reads no clock and keeps no state).
    #[test]
    fn same_inputs_same_agenda((doc, as_of) in scenario()) {
        let ledger = ledger_of(&doc);
        let first = run(&ledger, &[], as_of);
        let again = run(&ledger_of(&doc), &[], as_of);
        prop_assert_eq!(&first, &again);
        prop_assert_eq!(serde_json::to_value(&first).unwrap(), serde_json::to_value(&again).unwrap());
    }

    /// Recording the day's actions and running the same day again gives no new contact (rule 3).
    #[test]
    fn recorded_agenda_gives_no_new_contact((doc, as_of) in scenario()) {
        let ledger = ledger_of(&doc);
        let today = run(&ledger, &[], as_of);
        let journal = today.to_journal(&at(as_of));
        prop_assert_eq!(journal.len(), today.actions.len());
        let again = run(&ledger, &journal, as_of);
        prop_assert!(again.actions.is_empty(), "new contacts after recording: {:?}", again.actions);
    }

    /// One action per customer at most, and none on a non-business day of `fr` (rule 3, preamble).
    #[test]
    fn one_action_per_customer_on_business_days_only((doc, as_of) in scenario()) {
        let ledger = ledger_of(&doc);
        let today = run(&ledger, &[], as_of);
        let fr = Calendar::by_id("fr").unwrap();
        let business = fr.is_business_day(as_of).unwrap();
        prop_assert_eq!(today.business_day, business);
        if !business {
            prop_assert!(today.actions.is_empty(), "actions on {}: {:?}", as_of, today.actions);
        }
        let mut seen = std::collections::HashSet::new();
        for a in &today.actions {
            prop_assert!(seen.insert(a.customer.clone()), "two actions for {}", a.customer);
            prop_assert!(!a.items.is_empty());
        }
    }

    /// Never an item for a paid (settled) or fully disputed receivable, and never more than what
    /// is outstanding less the disputed part (rule 1).
    #[test]
    fn nothing_claimed_on_settled_or_fully_disputed((doc, as_of) in scenario()) {
        let ledger = ledger_of(&doc);
        let state = ledger.state_as_of(as_of).unwrap();
        let by_id: HashMap<&str, _> = state.receivables.iter().map(|r| (r.id.as_str(), r)).collect();
        let today = run(&ledger, &[], as_of);
        for a in &today.actions {
            for item in &a.items {
                let r = by_id[item.receivable.as_str()];
                prop_assert!(!r.outstanding.is_zero(), "{} is settled", r.id);
                prop_assert!(r.disputed < r.outstanding, "{} is disputed in full", r.id);
                prop_assert_eq!(item.outstanding, r.outstanding - r.disputed);
                prop_assert!(item.outstanding > Decimal::ZERO);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every day for 60 days, with the actions recorded: the steps recorded for a receivable
    /// appear in ladder order, the post-due ones are exactly the first steps of fr_standard's
    /// post-due ladder (no skipped step: they are all non-skippable), one contact per customer per
    /// day, and two contacts with a customer are at least min_gap_days apart (rules 2 and 3).
    /// With the catch-up rule on, a receivable's post-due steps may start later in the ladder
    /// (its customer's first contact), but then follow each other without a gap, and an escalation
    /// is never recorded before the receivable's formal notice.
    #[test]
    fn sixty_days_never_skip_a_step(
        customers in 1usize..=3,
        invoices in prop::collection::vec(invoice_spec(), 1..=5),
        start in 0i64..640,
        catch_up in any::<bool>(),
    ) {
        let doc = ledger_doc(customers, &invoices);
        let ledger = ledger_of(&doc);
        let policy = preset("fr_standard").unwrap();
        let index: HashMap<&str, usize> =
            policy.steps.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        let post_due: Vec<&str> = policy
            .steps
            .iter()
            .filter(|s| s.offset_days > 0)
            .map(|s| s.id.as_str())
            .collect();
        prop_assert!(policy.steps.iter().filter(|s| s.offset_days > 0).all(|s| !s.skippable));
        let fr = Calendar::by_id("fr").unwrap();

        let mut journal: Vec<JournalEntry> = Vec::new();
        for d in 0..60 {
            let as_of = day(start + d);
            let today = run_catching_up(&ledger, &journal, as_of, catch_up);
            if !fr.is_business_day(as_of).unwrap() {
                prop_assert!(today.actions.is_empty());
            }
            journal.extend(today.to_journal(&at(as_of)));
        }

        let mut steps: BTreeMap<String, Vec<(NaiveDate, String)>> = BTreeMap::new();
        let mut contacts: BTreeMap<String, Vec<NaiveDate>> = BTreeMap::new();
        for e in &journal {
            if let JournalEvent::Action { customer, items, .. } = &e.event {
                contacts.entry(customer.clone()).or_default().push(e.date);
                for i in items {
                    steps.entry(i.receivable.clone()).or_default().push((e.date, i.step.clone()));
                }
            }
        }
        for (customer, days) in &contacts {
            for w in days.windows(2) {
                prop_assert!(
                    (w[1] - w[0]).num_days() >= i64::from(policy.min_gap_days),
                    "{customer} contacted on {} and {}", w[0], w[1]
                );
            }
        }
        for (receivable, done) in &steps {
            let order: Vec<usize> = done.iter().map(|(_, s)| index[s.as_str()]).collect();
            prop_assert!(
                order.windows(2).all(|w| w[0] < w[1]),
                "{receivable}: steps out of ladder order: {:?}", done
            );
            let recorded_post_due: Vec<&str> = done
                .iter()
                .map(|(_, s)| s.as_str())
                .filter(|s| post_due.contains(s))
                .collect();
            let first = match recorded_post_due.first() {
                Some(f) if catch_up => post_due.iter().position(|s| s == f).unwrap(),
                _ => 0,
            };
            prop_assert_eq!(
                &recorded_post_due[..],
                &post_due[first..first + recorded_post_due.len()],
                "{}: a non-skippable step was skipped: {:?}", receivable, done
            );
            let formal_notice = recorded_post_due.iter().position(|s| *s == "d30_formal_notice");
            let agency = recorded_post_due.iter().position(|s| *s == "d45_agency");
            if let Some(a) = agency {
                prop_assert!(
                    formal_notice.is_some_and(|f| f < a),
                    "{}: handed over without a formal notice: {:?}", receivable, done
                );
            }
        }
    }
}

/// The simulation of `sixty_days_never_skip_a_step` on one known invoice: F1 due Fri 2026-05-29,
/// run every day from 2026-05-20 with the actions recorded. 1,200.00: the pre-due reminder on
/// Tue 05-26 (the courtesy call's condition fails), then D+1 Sat 05-30 -> Mon 06-01, D+7 Fri
/// 06-05, D+15 Sat 06-13 -> Mon 06-15, D+30 Sun 06-28 -> Mon 06-29, D+45 Mon 07-13. 6,000.00:
/// the courtesy call (D-2, Wed 05-27) waits for min_gap_days after the pre-due reminder and is
/// made on Fri 05-29; the D+1 email on Mon 06-01 is 3 days later, allowed.
#[test]
fn sixty_days_of_one_invoice_follow_the_ladder() {
    for (amount, expected) in [
        (
            "1200.00",
            vec![
                ("2026-05-26", "pre_due"),
                ("2026-06-01", "d1_email"),
                ("2026-06-05", "d7_call"),
                ("2026-06-15", "d15_letter"),
                ("2026-06-29", "d30_formal_notice"),
                ("2026-07-13", "d45_agency"),
            ],
        ),
        (
            "6000.00",
            vec![
                ("2026-05-26", "pre_due"),
                ("2026-05-29", "courtesy_call"),
                ("2026-06-01", "d1_email"),
                ("2026-06-05", "d7_call"),
                ("2026-06-15", "d15_letter"),
                ("2026-06-29", "d30_formal_notice"),
                ("2026-07-13", "d45_agency"),
            ],
        ),
    ] {
        let doc = json!({
            "customers": [{"id": "C1", "name": "Studio Nord", "country": "FR"}],
            "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2026-04-29",
                          "due_date": "2026-05-29", "amount": amount, "currency": "EUR"}]});
        let ledger = ledger_of(&doc);
        let start = NaiveDate::from_ymd_opt(2026, 5, 20).unwrap();
        let mut journal: Vec<JournalEntry> = Vec::new();
        let mut escalated = Vec::new();
        for d in 0..60 {
            let as_of = start + Duration::days(d);
            let today = run(&ledger, &journal, as_of);
            escalated.extend(
                today
                    .escalations
                    .iter()
                    .map(|e| (as_of, e.formal_notice_date)),
            );
            journal.extend(today.to_journal(&at(as_of)));
        }
        let got: Vec<(String, String)> = journal
            .iter()
            .map(|e| match &e.event {
                JournalEvent::Action { step, items, .. } => {
                    assert_eq!(items.len(), 1);
                    assert_eq!(&items[0].step, step);
                    (iso(e.date), step.clone())
                }
                other => panic!("unexpected journal entry {other:?}"),
            })
            .collect();
        let expected: Vec<(String, String)> = expected
            .into_iter()
            .map(|(d, s)| (d.to_string(), s.to_string()))
            .collect();
        assert_eq!(got, expected, "amount {amount}");
        assert_eq!(
            escalated,
            vec![(
                NaiveDate::from_ymd_opt(2026, 7, 13).unwrap(),
                NaiveDate::from_ymd_opt(2026, 6, 29)
            )]
        );
    }
}
