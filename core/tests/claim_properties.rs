//! Property tests of the claims (`docs/dunning.md` §"What a contact claims"): one computation for
//! every output. On generated French ledgers (partial and late payments, partial and full disputes):
//!
//! - a claim line's total plus its disputed part is its interest statement's `total_due` (open
//!   receivables), or the statement's `total_due` itself (receivables paid late, when claimed);
//! - a claim's totals are the sums of its lines, and principal + interest + fixed = total;
//! - claiming the penalties on invoices paid late adds exactly what was reported as not claimed;
//! - every agenda action claims what the claim of its receivables says, and the letter of that
//!   action states the same totals.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

use arrears::claim::{Claims, Disputes};
use arrears::dunning::agenda::{agenda, AgendaSettings};
use arrears::dunning::letter::{context_for_action, LetterSetup, Sender};
use arrears::interest::ledger::{LedgerInterestOptions, SettledPenalties};
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

/// Customer, issue day, term, amount in cents, paid (0 none, 1 a third, 2 all) and when,
/// disputed (0 none, 1 a quarter, 2 all).
type Spec = (usize, i64, i64, i64, u8, i64, u8);

fn spec() -> impl Strategy<Value = Spec> {
    (
        0usize..3,
        0i64..540,
        0i64..61,
        10_000i64..900_000,
        0u8..3,
        0i64..150,
        prop_oneof![6 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)],
    )
}

fn ledger(customers: usize, specs: &[Spec]) -> Ledger {
    let n = customers;
    let customers: Vec<Value> = (0..n)
        .map(|c| json!({"id": format!("C{c}"), "country": "FR", "address": ["1 rue X", "69001 Lyon"]}))
        .collect();
    let (mut invoices, mut payments, mut disputes) = (Vec::new(), Vec::new(), Vec::new());
    for (i, (c, issue, term, amount, paid, after, disputed)) in specs.iter().enumerate() {
        let id = format!("F{i}");
        let customer = format!("C{}", c % n);
        invoices.push(
            json!({"id": id, "customer": customer, "issue_date": iso(day(*issue)),
            "due_date": iso(day(issue + term)), "amount": cents(*amount), "currency": "EUR"}),
        );
        let part = match paid {
            1 => amount / 3,
            2 => *amount,
            _ => 0,
        };
        if part > 0 {
            payments.push(
                json!({"customer": customer, "invoice": id, "date": iso(day(issue + after)),
                "amount": cents(part), "currency": "EUR"}),
            );
        }
        match disputed {
            1 => disputes.push(
                json!({"invoice": id, "opened": iso(day(*issue)), "amount": cents(amount / 4)}),
            ),
            2 => disputes.push(json!({"invoice": id, "opened": iso(day(*issue))})),
            _ => {}
        }
    }
    let doc: LedgerDocument = serde_json::from_value(json!({"customers": customers,
        "invoices": invoices, "payments": payments, "disputes": disputes}))
    .unwrap();
    Ledger::new(doc).unwrap()
}

prop_compose! {
    fn scenario()(customers in 1usize..=3, specs in prop::collection::vec(spec(), 1..=6),
                  as_of in 30i64..720) -> (Ledger, NaiveDate) {
        (ledger(customers, &specs), day(as_of))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn lines_add_up_to_their_statements((ledger, as_of) in scenario()) {
        let table = RateTable::builtin().unwrap();
        let state = ledger.state_as_of(as_of).unwrap();
        for settled in [SettledPenalties::Omit, SettledPenalties::Claim] {
            let options = LedgerInterestOptions { settled_penalties: settled, ..Default::default() };
            let claims = Claims::compute(&ledger, &state, &options, &table).unwrap();
            for c in claims.all(&Disputes::new()).unwrap() {
                let sum = |f: fn(&arrears::claim::ClaimLine) -> Decimal| {
                    c.lines.iter().map(f).fold(Decimal::ZERO, |a, b| a + b)
                };
                prop_assert_eq!(c.principal, sum(|l| l.outstanding));
                prop_assert_eq!(c.interest, sum(|l| l.interest));
                prop_assert_eq!(c.fixed_compensation, sum(|l| l.fixed_compensation));
                prop_assert_eq!(c.total, c.principal + c.interest + c.fixed_compensation);
                for l in &c.lines {
                    prop_assert_eq!(l.total, l.outstanding + l.interest + l.fixed_compensation);
                    prop_assert!(l.interest >= Decimal::ZERO);
                    if let Some(s) = claims.statement(&l.receivable) {
                        prop_assert_eq!(l.total + l.disputed, s.total_due, "{}", l.receivable);
                    }
                }
            }
        }
    }

    #[test]
    fn claiming_settled_penalties_adds_what_was_not_claimed((ledger, as_of) in scenario()) {
        let table = RateTable::builtin().unwrap();
        let state = ledger.state_as_of(as_of).unwrap();
        let omit = Claims::compute(&ledger, &state, &LedgerInterestOptions::default(), &table)
            .unwrap()
            .all(&Disputes::new())
            .unwrap();
        let claim_options = LedgerInterestOptions {
            settled_penalties: SettledPenalties::Claim,
            ..Default::default()
        };
        let claim = Claims::compute(&ledger, &state, &claim_options, &table)
            .unwrap()
            .all(&Disputes::new())
            .unwrap();
        let total = |cs: &[arrears::claim::CustomerClaim]| cs.iter().map(|c| c.total).fold(Decimal::ZERO, |a, b| a + b);
        let unclaimed: Decimal = omit.iter().map(|c| c.settled_not_claimed).fold(Decimal::ZERO, |a, b| a + b);
        prop_assert_eq!(total(&claim), total(&omit) + unclaimed);
        prop_assert!(claim.iter().all(|c| c.settled_not_claimed.is_zero()));
    }

    #[test]
    fn contacts_claim_what_the_full_computation_claims((ledger, as_of) in scenario()) {
        // `for_contacts` skips the statements of receivables settled late when they are not
        // claimed: every claim is the same but for the amounts reported as not claimed.
        let table = RateTable::builtin().unwrap();
        let state = ledger.state_as_of(as_of).unwrap();
        let disputes = Disputes::new();
        for settled in [SettledPenalties::Omit, SettledPenalties::Claim] {
            let options = LedgerInterestOptions { settled_penalties: settled, ..Default::default() };
            let full = Claims::compute(&ledger, &state, &options, &table).unwrap();
            let contacts = Claims::for_contacts(&ledger, &state, &options, &table).unwrap();
            let mut customers: Vec<&str> = state.receivables.iter().map(|r| r.customer.as_str()).collect();
            customers.sort_unstable();
            customers.dedup();
            for customer in customers {
                let mut expected = full.customer(customer, arrears::money::Currency::EUR, None, &disputes).unwrap();
                let got = contacts.customer(customer, arrears::money::Currency::EUR, None, &disputes).unwrap();
                if settled == SettledPenalties::Omit {
                    expected.settled_not_claimed = got.settled_not_claimed;
                    expected.settled_not_claimed_count = 0;
                    prop_assert!(got.settled_not_claimed.is_zero());
                }
                prop_assert_eq!(got, expected);
            }
        }
    }

    #[test]
    fn the_agenda_and_its_letters_state_the_claim((ledger, as_of) in scenario()) {
        agenda_states_its_claims(&ledger, as_of);
    }
}

/// Checks every action of the day against the claim of its receivables, and the letter of each
/// written action against the action; returns how many letters were checked.
fn agenda_states_its_claims(ledger: &Ledger, as_of: NaiveDate) -> usize {
    let table = RateTable::builtin().unwrap();
    let settings = AgendaSettings::default();
    let today = agenda(ledger, &[], &settings, as_of, &table).unwrap();
    let state = ledger.state_as_of(as_of).unwrap();
    let claims = Claims::compute(ledger, &state, &settings.interest, &table).unwrap();
    let policy = settings.policy.resolve().unwrap();
    let sender = Sender::sample();
    let setup = LetterSetup {
        sender: &sender,
        policy: &policy,
        journal: &[],
        interest: &settings.interest,
        table: &table,
        allow_missing_penalties: true,
        draft: false,
        claims: None,
    };
    let mut letters = 0;
    for action in &today.actions {
        let ids: Vec<String> = action.items.iter().map(|i| i.receivable.clone()).collect();
        for t in &action.totals {
            let claim = claims
                .customer(&action.customer, t.currency, Some(&ids), &Disputes::new())
                .unwrap();
            assert_eq!(t.total, claim.total, "{}", action.customer);
            assert_eq!(t.outstanding, claim.principal);
        }
        if action.totals.len() == 1
            && action.template != "reminder_pre_due"
            && !action.totals[0].total.is_zero()
        {
            let ctx = context_for_action(ledger, action, as_of, &setup).unwrap();
            let totals = ctx.totals.unwrap();
            assert_eq!(totals.total, action.totals[0].total, "{}", action.customer);
            assert_eq!(totals.principal, action.totals[0].outstanding);
            letters += 1;
        }
    }
    letters
}

#[test]
fn the_sample_agenda_and_its_letters_state_the_claims() {
    let ledger =
        Ledger::new(arrears::sample::portfolio(arrears::sample::DEFAULT_SEED).unwrap()).unwrap();
    // With an empty journal every overdue customer of the sample has a contact on 30 June 2026.
    assert!(agenda_states_its_claims(&ledger, arrears::sample::AS_OF) >= 10);
}
