//! Property tests of the KPIs: results do not depend on the order of the document's lists, aging
//! buckets add up to the outstanding total, ratios stay in their ranges (recovery and CEI in
//! [0, 100], Gini in [0, 1)), DSO splits into best possible + delinquent days, and the cash-in
//! forecast accounts for every open amount.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

use arrears::dunning::journal::{ActionItem, JournalEntry, JournalEvent};
use arrears::dunning::policy::Channel;
use arrears::kpi::{self, GroupBy, KpiOptions, KpiPeriod, KpiReport};
use arrears::ledger::{
    CreditNoteRecord, CustomerRecord, DisputeRecord, InvoiceRecord, Ledger, LedgerDocument,
    PaymentKind, PaymentRecord, WriteOffRecord,
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

const SECTORS: [&str; 3] = ["construction", "services", "commerce"];

type Generated = (LedgerDocument, Vec<JournalEntry>);

prop_compose! {
    fn ledger_doc()(
        invoices in prop::collection::vec(
            (0usize..5, 0i64..300, 0i64..60, 1i64..500_000, prop::bool::weighted(0.15)), 1..14),
        payments in prop::collection::vec(
            (0usize..5, 0i64..330, 1i64..400_000, prop::option::of(0usize..14)), 0..14),
        credits in prop::collection::vec((0usize..14, 0i64..90, 1i64..50_000), 0..3),
        write_offs in prop::collection::vec((0usize..14, 30i64..330), 0..3),
        disputes in prop::collection::vec((0usize..14, 0i64..330), 0..2),
        actions in prop::collection::vec((0usize..14, 0i64..330, 0usize..3), 0..8),
    ) -> Generated {
        let mut doc = LedgerDocument::default();
        for c in 0..5 {
            doc.customers.push(CustomerRecord {
                id: format!("C{c}"),
                name: None,
                segment: (c % 2 == 0).then(|| "key_account".to_string()),
                sector: SECTORS.get(c).map(|s| s.to_string()),
                country: Some(["FR", "DE", "GB", "FR", "IT"][c].to_string()),
                address: Vec::new(),
                email: None,
                debtor: None,
            });
        }
        for (i, (c, issue, term, amount, usd)) in invoices.iter().enumerate() {
            doc.invoices.push(InvoiceRecord {
                id: format!("F{i}"),
                customer: format!("C{c}"),
                issue_date: day(*issue),
                due_date: Some(day(issue + term)),
                terms: None,
                amount: cents(*amount),
                net_amount: None,
                tax_amount: None,
                currency: if *usd { Currency::USD } else { Currency::EUR },
            });
        }
        let n = doc.invoices.len();
        for (j, (c, date, amount, named)) in payments.iter().enumerate() {
            let target = named.map(|k| &doc.invoices[k % n]);
            let (customer, invoice, currency, date) = match target {
                // Paid on or after the issue date.
                Some(inv) => (
                    inv.customer.clone(),
                    Some(inv.id.clone()),
                    inv.currency,
                    day(*date).max(inv.issue_date),
                ),
                None => (format!("C{c}"), None, Currency::EUR, day(*date)),
            };
            doc.payments.push(PaymentRecord {
                id: Some(format!("P{j}")),
                customer: Some(customer),
                date,
                amount: cents(*amount),
                currency,
                invoice,
                allocations: None,
                kind: PaymentKind::Payment,
            });
        }
        for (k, (i, after, amount)) in credits.iter().enumerate() {
            let inv = &doc.invoices[i % n];
            doc.credit_notes.push(CreditNoteRecord {
                id: Some(format!("A{k}")),
                invoice: Some(inv.id.clone()),
                customer: None,
                date: inv.issue_date + Duration::days(*after),
                amount: cents(*amount),
                currency: inv.currency,
            });
        }
        for (k, (i, after)) in write_offs.iter().enumerate() {
            let inv = &doc.invoices[i % n];
            doc.write_offs.push(WriteOffRecord {
                id: Some(format!("W{k}")),
                invoice: inv.id.clone(),
                date: inv.issue_date + Duration::days(*after),
                amount: None,
                reason: None,
            });
        }
        for (i, opened) in &disputes {
            let inv = &doc.invoices[i % n];
            doc.disputes.push(DisputeRecord {
                invoice: inv.id.clone(),
                opened: day(*opened).max(inv.issue_date),
                resolved: None,
                amount: None,
                reason: None,
            });
        }
        let steps = ["d1_email", "d7_call", "d15_letter"];
        let mut journal = Vec::new();
        for (i, date, s) in &actions {
            let inv = &doc.invoices[i % n];
            let date = day(*date).max(inv.issue_date);
            journal.push(JournalEntry {
                at: format!("{date}T09:00:00Z"),
                date,
                event: JournalEvent::Action {
                    customer: inv.customer.clone(),
                    step: steps[*s].to_string(),
                    channel: Channel::Email,
                    items: vec![ActionItem { receivable: inv.id.clone(), step: steps[*s].to_string(), folded_into: None }],
                    note: None,
                },
            });
        }
        (doc, journal)
    }
}

fn permuted<T: Clone>(items: &[T], order: &[usize]) -> Vec<T> {
    order.iter().map(|i| items[*i].clone()).collect()
}

/// A generated ledger and journal, and the same with every list shuffled.
fn shuffled() -> impl Strategy<Value = (Generated, Generated)> {
    ledger_doc()
        .prop_flat_map(|(doc, journal)| {
            let idx = |n: usize| Just((0..n).collect::<Vec<usize>>()).prop_shuffle();
            (
                Just((doc.clone(), journal.clone())),
                idx(doc.customers.len()),
                idx(doc.invoices.len()),
                idx(doc.payments.len()),
                idx(doc.credit_notes.len()),
                idx(doc.write_offs.len()),
                idx(journal.len()),
            )
        })
        .prop_map(|((doc, journal), c, i, p, n, w, j)| {
            let mut s = doc.clone();
            s.customers = permuted(&doc.customers, &c);
            s.invoices = permuted(&doc.invoices, &i);
            s.payments = permuted(&doc.payments, &p);
            s.credit_notes = permuted(&doc.credit_notes, &n);
            s.write_offs = permuted(&doc.write_offs, &w);
            let sj = permuted(&journal, &j);
            ((doc, journal), (s, sj))
        })
}

fn options() -> KpiOptions {
    let mut o = KpiOptions {
        per_currency: true,
        trend_months: 4,
        ..KpiOptions::default()
    };
    o.provisions.ifrs9.history_months = 6;
    o.provisions.ifrs9.outcome_months = 2;
    o
}

fn period() -> KpiPeriod {
    KpiPeriod {
        as_of: day(330),
        from: day(150),
        to: day(330),
    }
}

fn report(doc: &LedgerDocument, journal: &[JournalEntry], by: GroupBy) -> KpiReport {
    let ledger = Ledger::new(doc.clone()).expect("generated ledgers are valid");
    kpi::kpis(&ledger, Some(journal), period(), by, &options()).expect("kpis")
}

const GROUPINGS: [GroupBy; 4] = [
    GroupBy::Portfolio,
    GroupBy::Customer,
    GroupBy::Segment,
    GroupBy::Sector,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn kpis_do_not_depend_on_input_order(((doc, journal), (sdoc, sjournal)) in shuffled()) {
        for by in GROUPINGS {
            let a = serde_json::to_value(report(&doc, &journal, by)).unwrap();
            let b = serde_json::to_value(report(&sdoc, &sjournal, by)).unwrap();
            prop_assert_eq!(a, b, "grouping {:?}", by);
        }
    }

    #[test]
    fn aging_buckets_sum_to_the_outstanding_total((doc, journal) in ledger_doc()) {
        let ledger = Ledger::new(doc.clone()).unwrap();
        let state = ledger.state_as_of(period().as_of).unwrap();
        for by in GROUPINGS {
            let r = report(&doc, &journal, by);
            for currency in [Currency::EUR, Currency::USD] {
                let expected: Decimal = state
                    .receivables
                    .iter()
                    .filter(|x| x.currency == currency)
                    .map(|x| x.outstanding)
                    .sum();
                let mut total = Decimal::ZERO;
                for g in r.groups.iter().filter(|g| g.currency == currency) {
                    let sum: Decimal = g.aging.amounts.iter().copied().sum();
                    prop_assert_eq!(sum, g.aging.total);
                    prop_assert_eq!(g.aging.amounts.len(), r.aging_buckets.len());
                    total += g.aging.total;
                }
                prop_assert_eq!(total, expected, "{:?} {}", by, currency);
            }
        }
        // The state-based aging agrees.
        let aging = kpi::aging(&state, &kpi::AgingOptions::default()).unwrap();
        for row in aging.rows.iter().chain(&aging.totals) {
            prop_assert_eq!(row.amounts.iter().copied().sum::<Decimal>(), row.total);
        }
    }

    #[test]
    fn ratios_stay_in_range((doc, journal) in ledger_doc()) {
        let hundred = Decimal::ONE_HUNDRED;
        for by in GROUPINGS {
            let r = report(&doc, &journal, by);
            for g in &r.groups {
                for rec in &g.recovery {
                    if let Some(p) = rec.percent.value {
                        prop_assert!(p >= Decimal::ZERO && p <= hundred, "recovery {}", p);
                    } else {
                        prop_assert!(rec.percent.reason.is_some());
                    }
                    prop_assert!(rec.collected <= rec.due_amount);
                }
                if let Some(g) = g.concentration.gini.value {
                    prop_assert!(g >= Decimal::ZERO && g < Decimal::ONE, "gini {}", g);
                }
                if let Some(s) = g.concentration.top_share.value {
                    prop_assert!(s > Decimal::ZERO && s <= hundred, "top share {}", s);
                }
                if let Some(c) = g.cei.percent.value {
                    prop_assert!(c >= Decimal::ZERO && c <= hundred, "cei {}", c);
                }
                if let Some(c) = &g.reminder_conversion {
                    for s in c.steps.iter().chain(std::iter::once(&c.total)) {
                        prop_assert!(s.settled <= s.converted && s.converted <= s.reminders);
                    }
                }
                // Undefined figures always say why.
                for f in [&g.dso.standard, &g.dso.count_back, &g.dso.best_possible,
                          &g.dso.average_days_delinquent, &g.concentration.gini] {
                    prop_assert_eq!(f.value.is_none(), f.reason.is_some());
                }
            }
        }
    }

    #[test]
    fn dso_is_best_possible_plus_delinquent_days((doc, journal) in ledger_doc()) {
        let r = report(&doc, &journal, GroupBy::Customer);
        let cent = Decimal::new(1, 2);
        for g in &r.groups {
            let d = &g.dso;
            prop_assert_eq!(d.receivables, d.current + d.overdue);
            match (d.standard.value, d.best_possible.value, d.average_days_delinquent.value) {
                (Some(s), Some(b), Some(a)) => prop_assert!((s - b - a).abs() <= cent),
                (None, None, None) => prop_assert!(d.credit_sales.is_zero()),
                other => prop_assert!(false, "inconsistent DSO figures {:?}", other),
            }
            if let Some(c) = d.count_back.value {
                prop_assert!(c >= Decimal::ZERO);
            }
        }
    }

    #[test]
    fn forecast_accounts_for_every_open_amount((doc, journal) in ledger_doc()) {
        let r = report(&doc, &journal, GroupBy::Portfolio);
        for g in &r.groups {
            let f = &g.forecast;
            let weeks: Decimal = f.weeks.iter().map(|w| w.expected).sum();
            prop_assert_eq!(f.open, f.disputed + f.late_unscheduled + weeks + f.beyond_horizon);
            prop_assert_eq!(f.open, g.aging.total);
            let mut previous = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
            for w in &f.weeks {
                prop_assert!(w.cumulative_low <= w.cumulative && w.cumulative <= w.cumulative_high);
                prop_assert!(w.cumulative_low >= previous.0 && w.cumulative >= previous.1
                    && w.cumulative_high >= previous.2);
                previous = (w.cumulative_low, w.cumulative, w.cumulative_high);
            }
            // Provisions never exceed the base.
            let p = &g.provisions;
            prop_assert!(p.age_grid.provision <= p.age_grid.outstanding);
            prop_assert!(p.ifrs9.provision <= p.ifrs9.outstanding);
            prop_assert_eq!(p.age_grid.outstanding, g.aging.total);
        }
    }
}

#[test]
fn several_currencies_need_per_currency() {
    let doc: LedgerDocument = serde_json::from_value(serde_json::json!({"invoices": [
        {"id": "F1", "customer": "C1", "issue_date": "2025-01-01", "due_date": "2025-01-31",
         "amount": "1.00", "currency": "EUR"},
        {"id": "F2", "customer": "C1", "issue_date": "2025-01-01", "due_date": "2025-01-31",
         "amount": "1.00", "currency": "USD"}]}))
    .unwrap();
    let ledger = Ledger::new(doc).unwrap();
    let e = kpi::kpis(
        &ledger,
        None,
        period(),
        GroupBy::Portfolio,
        &KpiOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.code().as_str(), "money.currency_mismatch");
    let ok = kpi::kpis(&ledger, None, period(), GroupBy::Customer, &options()).unwrap();
    assert_eq!(ok.groups.len(), 2);
}
