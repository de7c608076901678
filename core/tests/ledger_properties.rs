//! Property tests of the ledger: money is conserved, the state does not depend on the order of
//! the document's lists, and documents round-trip through JSON unchanged.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

use arrears::ledger::{
    CreditNoteRecord, InvoiceRecord, Ledger, LedgerDocument, LedgerState, PaymentKind,
    PaymentRecord, WriteOffRecord,
};
use arrears::money::Currency;
use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn day(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Duration::days(n)
}

fn cents(c: i64) -> Decimal {
    Decimal::new(c, 2)
}

prop_compose! {
    fn ledger_doc()(
        invoices in prop::collection::vec((0usize..3, 0i64..200, 0i64..60, 1i64..200_000), 1..10),
        payments in prop::collection::vec((0usize..3, 0i64..320, 1i64..150_000, prop::option::of(0usize..10), any::<bool>()), 0..10),
        credits in prop::collection::vec((0usize..10, 0i64..60, 1i64..50_000), 0..4),
        write_offs in prop::collection::vec((0usize..10, 60i64..300, prop::option::of(1i64..50_000)), 0..3),
    ) -> LedgerDocument {
        let mut doc = LedgerDocument::default();
        for (i, (c, issue, term, amount)) in invoices.iter().enumerate() {
            doc.invoices.push(InvoiceRecord {
                id: format!("F{i}"),
                customer: format!("C{c}"),
                issue_date: day(*issue),
                due_date: Some(day(issue + term)),
                terms: None,
                amount: cents(*amount),
                net_amount: None,
                tax_amount: None,
                currency: Currency::EUR,
            });
        }
        let n = doc.invoices.len();
        for (j, (c, date, amount, named, deposit)) in payments.iter().enumerate() {
            // A named invoice must belong to the payer.
            let target = named.map(|k| k % n).map(|k| &doc.invoices[k]);
            let (customer, invoice) = match target {
                Some(inv) => (inv.customer.clone(), Some(inv.id.clone())),
                None => (format!("C{c}"), None),
            };
            // Every other payment has no id and falls on a day shared with others, so that the
            // order of same-day payments without ids (decided by their content) is exercised.
            let anonymous = j % 2 == 0;
            doc.payments.push(PaymentRecord {
                id: (!anonymous).then(|| format!("P{j}")),
                customer: Some(customer),
                date: day(if anonymous { date / 40 * 40 } else { *date }),
                amount: cents(*amount),
                currency: Currency::EUR,
                kind: if *deposit && invoice.is_some() { PaymentKind::Deposit } else { PaymentKind::Payment },
                invoice,
                allocations: None,
            });
        }
        for (j, (k, after, amount)) in credits.iter().enumerate() {
            let inv = &doc.invoices[k % n];
            doc.credit_notes.push(CreditNoteRecord {
                id: Some(format!("AV{j}")),
                invoice: Some(inv.id.clone()),
                customer: None,
                date: inv.issue_date + Duration::days(*after),
                amount: cents(*amount),
                currency: Currency::EUR,
            });
        }
        for (j, (k, after, amount)) in write_offs.iter().enumerate() {
            let inv = &doc.invoices[k % n];
            doc.write_offs.push(WriteOffRecord {
                id: Some(format!("W{j}")),
                invoice: inv.id.clone(),
                date: inv.issue_date + Duration::days(*after),
                amount: amount.map(cents),
                reason: None,
            });
        }
        doc
    }
}

fn sorted(mut s: LedgerState) -> LedgerState {
    s.receivables.sort_by(|a, b| a.id.cmp(&b.id));
    // A payment without an id is referred to by its position in the list, which moves when the
    // list is shuffled; what was applied, when and to what must not.
    for a in &mut s.allocations {
        a.reference = without_positions(&a.reference);
    }
    for w in &mut s.warnings {
        *w = without_positions(w);
    }
    for c in &mut s.credits_on_account {
        c.reference = without_positions(&c.reference);
    }
    s
}

/// `payments[3]` → `payments[_]`.
fn without_positions(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("payments[") {
        let (head, tail) = rest.split_at(at + "payments[".len());
        out.push_str(head);
        out.push('_');
        rest = tail.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn money_is_conserved(doc in ledger_doc(), as_of in 0i64..400) {
        let as_of = day(as_of);
        let state = Ledger::new(doc.clone()).unwrap().state_as_of(as_of).unwrap();
        for r in &state.receivables {
            prop_assert_eq!(r.amount, r.paid + r.credited + r.written_off + r.outstanding, "{}", r.id);
            prop_assert!(r.outstanding >= Decimal::ZERO);
            prop_assert!(r.days_late >= 0);
        }
        // Every payment and credit note dated by the as-of date is either matched or unapplied.
        let received: Decimal = doc.payments.iter().filter(|p| p.date <= as_of).map(|p| p.amount).sum::<Decimal>()
            + doc.credit_notes.iter().filter(|c| c.date <= as_of).map(|c| c.amount).sum::<Decimal>();
        let matched: Decimal = state
            .allocations
            .iter()
            .filter(|a| !matches!(a.source, arrears::ledger::AllocationSource::WriteOff))
            .map(|a| a.amount)
            .sum();
        let unapplied: Decimal = state.unapplied.iter().map(|u| u.amount).sum();
        prop_assert_eq!(received, matched + unapplied);
        // Ledger totals add up the receivables.
        let outstanding: Decimal = state.receivables.iter().map(|r| r.outstanding).sum();
        let total = state.totals.first().map(|t| t.outstanding).unwrap_or(Decimal::ZERO);
        prop_assert_eq!(outstanding, total);
    }

    #[test]
    fn order_of_the_lists_does_not_matter(doc in ledger_doc(), as_of in 0i64..400, seed in any::<u64>()) {
        let as_of = day(as_of);
        let mut shuffled = doc.clone();
        // A deterministic permutation from the seed (reverse and rotate).
        let k = usize::try_from(seed % 7).unwrap();
        shuffled.invoices.reverse();
        let len = shuffled.invoices.len();
        shuffled.invoices.rotate_left(k % len);
        shuffled.payments.reverse();
        if !shuffled.payments.is_empty() {
            let len = shuffled.payments.len();
            shuffled.payments.rotate_left(k % len);
        }
        shuffled.credit_notes.reverse();
        shuffled.write_offs.reverse();
        let a = sorted(Ledger::new(doc).unwrap().state_as_of(as_of).unwrap());
        let b = sorted(Ledger::new(shuffled).unwrap().state_as_of(as_of).unwrap());
        prop_assert_eq!(a, b);
    }

    #[test]
    fn documents_round_trip_through_json(doc in ledger_doc(), as_of in 0i64..400) {
        let text = serde_json::to_string(&doc).unwrap();
        let back: LedgerDocument = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &doc);
        let state = Ledger::new(doc).unwrap().state_as_of(day(as_of)).unwrap();
        let text = serde_json::to_string(&state).unwrap();
        let back: LedgerState = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back, state);
    }

    #[test]
    fn a_later_as_of_never_lowers_days_late_of_an_open_receivable(doc in ledger_doc(), d in 0i64..300) {
        let ledger = Ledger::new(doc).unwrap();
        let s1 = ledger.state_as_of(day(d)).unwrap();
        let s2 = ledger.state_as_of(day(d + 30)).unwrap();
        for r1 in &s1.receivables {
            let r2 = s2.receivables.iter().find(|r| r.id == r1.id).unwrap();
            prop_assert!(r2.days_late >= r1.days_late);
            prop_assert!(r2.outstanding <= r1.outstanding);
        }
    }
}

#[test]
fn the_sample_portfolio_is_a_valid_ledger() {
    let doc = arrears::sample::portfolio(arrears::sample::DEFAULT_SEED).unwrap();
    assert!(doc.customers.len() >= 30, "tens of customers");
    assert!(
        (200..=800).contains(&doc.invoices.len()),
        "a few hundred invoices: {}",
        doc.invoices.len()
    );
    assert!(!doc.credit_notes.is_empty() && !doc.disputes.is_empty() && !doc.write_offs.is_empty());
    let state = Ledger::new(doc.clone())
        .unwrap()
        .state_as_of(arrears::sample::AS_OF)
        .unwrap();
    assert!(state.receivables.iter().any(|r| r.partially_paid));
    // Deterministic: the same seed gives the same document.
    assert_eq!(
        doc,
        arrears::sample::portfolio(arrears::sample::DEFAULT_SEED).unwrap()
    );
}

#[test]
fn the_checked_in_sample_matches_the_generator() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/sample-ledger.json");
    let text =
        std::fs::read_to_string(&path).expect("examples/sample-ledger.json (run `arrears sample`)");
    let on_disk: LedgerDocument = serde_json::from_str(&text).unwrap();
    assert_eq!(on_disk, arrears::sample::portfolio(arrears::sample::DEFAULT_SEED).unwrap(),
        "examples/sample-ledger.json is stale: run `cargo run -p arrears-cli -- sample --out examples`");
}
