//! Unit tests that read like the spec (docs/dunning.md §"Payment plans", docs/domain.md §5), each with
//! its hand computation, and the property tests of the invariants.

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;
use crate::calendar::date::parse_date;
use crate::calendar::CalendarSpec;
use crate::Code;

fn d(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

fn eur(s: &str) -> Money {
    Money::parse(s, "EUR").unwrap()
}

fn request(amount: &str, count: u32, first: &str, every: Every) -> PlanRequest {
    PlanRequest::by_count(eur(amount), count, d(first), every)
}

fn pay(date: &str, amount: Decimal) -> PlanPayment {
    PlanPayment {
        date: d(date),
        amount,
    }
}

fn amounts(plan: &PaymentPlan) -> Vec<Decimal> {
    plan.instalments.iter().map(|i| i.amount).collect()
}

fn dates(plan: &PaymentPlan) -> Vec<String> {
    plan.instalments
        .iter()
        .map(|i| i.due_date.to_string())
        .collect()
}

fn statuses(s: &PlanStatus) -> Vec<InstalmentStatus> {
    s.instalments.iter().map(|i| i.status).collect()
}

// ---------------------------------------------------------------- building

#[test]
fn ten_thousand_in_four_times_two_thousand_five_hundred() {
    // docs/domain.md §5: "Split a debt (e.g. 10,000 in 4 × 2,500)". 1,000,000 cents / 4 = 250,000.
    let plan = build(&request("10000", 4, "2025-03-05", Every::Month)).unwrap();
    assert_eq!(amounts(&plan), vec![dec!(2500.00); 4]);
    assert_eq!(
        dates(&plan),
        ["2025-03-05", "2025-04-05", "2025-05-05", "2025-06-05"]
    );
    assert_eq!(plan.totals.principal, dec!(10000.00));
    assert_eq!(plan.totals.total.to_string(), "10000.00");
    assert_eq!(plan.terms.amount.to_string(), "10000.00");
    // 5 March to 5 June is 3 months: within the practice.
    assert!(plan.findings.is_empty());
}

#[test]
fn the_first_instalments_carry_the_odd_cents() {
    // 10,000 cents / 3 = 3,333 remainder 1: 33.34 + 33.33 + 33.33 = 100.00.
    let plan = build(&request("100.00", 3, "2025-01-10", Every::Month)).unwrap();
    assert_eq!(amounts(&plan), [dec!(33.34), dec!(33.33), dec!(33.33)]);
    // Balances before each: 100.00, 66.66, 33.33.
    let balances: Vec<Decimal> = plan.instalments.iter().map(|i| i.balance_before).collect();
    assert_eq!(balances, [dec!(100.00), dec!(66.66), dec!(33.33)]);
}

#[test]
fn monthly_dates_from_31_january_through_a_leap_february() {
    // Counted from the first date and clamped: 31 Jan, 29 Feb (2024 is a leap year), 31 Mar,
    // 30 Apr, 31 May; never pulled back to the 29th after February.
    let plan = build(&request("500.00", 5, "2024-01-31", Every::Month)).unwrap();
    assert_eq!(
        dates(&plan),
        [
            "2024-01-31",
            "2024-02-29",
            "2024-03-31",
            "2024-04-30",
            "2024-05-31"
        ]
    );
}

#[test]
fn weekly_and_every_n_days() {
    let plan = build(&request("90.00", 3, "2025-01-06", Every::Week)).unwrap();
    assert_eq!(dates(&plan), ["2025-01-06", "2025-01-13", "2025-01-20"]);
    // Every 10 days: 6, 16, 26 January.
    let plan = build(&request("90.00", 3, "2025-01-06", Every::Days(10))).unwrap();
    assert_eq!(dates(&plan), ["2025-01-06", "2025-01-16", "2025-01-26"]);
}

#[test]
fn max_per_instalment_gives_the_fewest_equal_instalments() {
    // ⌈1000.00 / 300.00⌉ = ⌈3.33…⌉ = 4 instalments of 250.00 (equal parts, not 300/300/300/100).
    let r = PlanRequest::by_max(eur("1000.00"), dec!(300.00), d("2025-01-10"), Every::Month);
    let plan = build(&r).unwrap();
    assert_eq!(amounts(&plan), vec![dec!(250.00); 4]);
    assert_eq!(plan.terms.max_per_instalment, Some(dec!(300.00)));
    assert_eq!(plan.terms.instalments, None);
    // Exactly divisible: 900 / 300 = 3.
    let r = PlanRequest::by_max(eur("900"), dec!(300), d("2025-01-10"), Every::Month);
    assert_eq!(amounts(&build(&r).unwrap()), vec![dec!(300.00); 3]);
    // Odd cents stay within the maximum: 1000.01 / 4 = 250.0025 → 250.01, 250.00, 250.00, 250.00.
    let r = PlanRequest::by_max(eur("1000.01"), dec!(250.01), d("2025-01-10"), Every::Month);
    assert_eq!(
        amounts(&build(&r).unwrap()),
        [dec!(250.01), dec!(250.00), dec!(250.00), dec!(250.00)]
    );
}

#[test]
fn max_per_instalment_counts_the_interest() {
    // 1,000.00 at 12 %, at most 510.00, monthly from 1 April, agreed 1 March.
    // n = 2: 1: 1000.00 × 12 % × 31/365 = 10.1917… → 10.19, 500.00 + 10.19 = 510.19 > 510.00.
    // n = 3: 1: 333.34 + 10.19 = 343.53; 2: 666.66 × 12 % × 30/365 = 6.5752… → 6.58,
    //        333.33 + 6.58 = 339.91; 3: 333.33 × 12 % × 31/365 = 3.3972… → 3.40, 336.73.
    let mut r = PlanRequest::by_max(eur("1000.00"), dec!(510.00), d("2025-04-01"), Every::Month);
    r.agreed_on = Some(d("2025-03-01"));
    r.annual_rate_percent = Some(dec!(12));
    let plan = build(&r).unwrap();
    assert_eq!(amounts(&plan), [dec!(343.53), dec!(339.91), dec!(336.73)]);
    assert_eq!(plan.totals.interest, dec!(20.17));
}

#[test]
fn interest_on_the_declining_balance() {
    // 1,200.00 EUR at 10 %, 3 monthly instalments from 1 Feb 2025, agreed on 15 Jan 2025.
    // 1: 15 Jan → 1 Feb = 17 days on 1200.00: 1200 × 0.10 × 17 / 365 = 5.5890… → 5.59
    // 2:  1 Feb → 1 Mar = 28 days on  800.00:  800 × 0.10 × 28 / 365 = 6.1369… → 6.14
    // 3:  1 Mar → 1 Apr = 31 days on  400.00:  400 × 0.10 × 31 / 365 = 3.3972… → 3.40
    let mut r = request("1200.00", 3, "2025-02-01", Every::Month);
    r.agreed_on = Some(d("2025-01-15"));
    r.annual_rate_percent = Some(dec!(10));
    let plan = build(&r).unwrap();
    let got: Vec<(Decimal, Decimal, Decimal, Option<i64>)> = plan
        .instalments
        .iter()
        .map(|i| (i.balance_before, i.principal, i.interest, i.interest_days))
        .collect();
    assert_eq!(
        got,
        [
            (dec!(1200.00), dec!(400.00), dec!(5.59), Some(17)),
            (dec!(800.00), dec!(400.00), dec!(6.14), Some(28)),
            (dec!(400.00), dec!(400.00), dec!(3.40), Some(31)),
        ]
    );
    assert_eq!(amounts(&plan), [dec!(405.59), dec!(406.14), dec!(403.40)]);
    assert_eq!(plan.totals.interest, dec!(15.13));
    assert_eq!(plan.totals.total, dec!(1215.13));
}

#[test]
fn without_an_agreement_date_the_first_instalment_bears_no_interest() {
    // 600.00 at 10 %, 2 instalments, 1 Feb and 1 Mar 2025: 1: no period before it → 0.00;
    // 2: 28 days on 300.00: 300 × 0.10 × 28 / 365 = 2.3013… → 2.30.
    let mut r = request("600.00", 2, "2025-02-01", Every::Month);
    r.annual_rate_percent = Some(dec!(10));
    let plan = build(&r).unwrap();
    assert_eq!(plan.instalments[0].interest, dec!(0.00));
    assert_eq!(plan.instalments[0].interest_days, Some(0));
    assert_eq!(plan.instalments[1].interest, dec!(2.30));
}

#[test]
fn interest_rounds_half_up_per_instalment() {
    // 365.00 at 1 % for 1 day (every 1 day): 365 × 0.01 × 1 / 365 = 0.01 exactly; 182.50 × 1 %
    // × 1 / 365 = 0.005 → half-up 0.01 (half-even would give 0.00).
    let mut r = request("365.00", 2, "2025-01-02", Every::Days(1));
    r.agreed_on = Some(d("2025-01-01"));
    r.annual_rate_percent = Some(dec!(1));
    let plan = build(&r).unwrap();
    assert_eq!(plan.instalments[0].interest, dec!(0.01));
    assert_eq!(plan.instalments[1].balance_before, dec!(182.50));
    assert_eq!(plan.instalments[1].interest, dec!(0.01));
}

#[test]
fn findings_for_plans_beyond_the_practice() {
    // Agreed 1 March, first on 20 March (19 days > 7), 6 monthly: last 20 August, 5 months after.
    let mut r = request("600.00", 6, "2025-03-20", Every::Month);
    r.agreed_on = Some(d("2025-03-01"));
    let plan = build(&r).unwrap();
    let codes: Vec<PlanFindingCode> = plan.findings.iter().map(|f| f.code).collect();
    assert_eq!(
        codes,
        [
            PlanFindingCode::Over4Months,
            PlanFindingCode::FirstOver7Days
        ]
    );
    assert!(plan.findings[1].message.contains("19 days"));
    // Exactly 4 months (31 Jan → 31 May) and exactly 7 days are within the practice.
    let mut r = request("500.00", 5, "2025-01-31", Every::Month);
    r.agreed_on = Some(d("2025-01-24"));
    assert!(build(&r).unwrap().findings.is_empty());
}

#[test]
fn rolled_dates_move_to_business_days() {
    // Monthly from Monday 5 May 2025 on the French calendar, following: 5 May, Thursday 5 June,
    // Saturday 5 July → Monday 7 July.
    let mut r = request("300.00", 3, "2025-05-05", Every::Month);
    r.roll = Some(PlanRoll {
        calendar: CalendarSpec::new("fr"),
        roll: Roll::Following,
    });
    assert_eq!(
        dates(&build(&r).unwrap()),
        ["2025-05-05", "2025-06-05", "2025-07-07"]
    );
    // Preceding never goes before the agreement: Sunday 2 March agreed that day → Monday 3 March.
    let mut r = request("100.00", 1, "2025-03-02", Every::Month);
    r.agreed_on = Some(d("2025-03-02"));
    r.roll = Some(PlanRoll {
        calendar: CalendarSpec::new("weekends"),
        roll: Roll::Preceding,
    });
    assert_eq!(dates(&build(&r).unwrap()), ["2025-03-03"]);
    // Daily instalments over a weekend collide once rolled: refused.
    let mut r = request("100.00", 4, "2025-03-06", Every::Days(1));
    r.roll = Some(PlanRoll {
        calendar: CalendarSpec::new("weekends"),
        roll: Roll::Following,
    });
    let e = build(&r).unwrap_err();
    assert_eq!(e.code(), Code::InvalidPlan);
    assert_eq!(e.path(), Some("roll"));
}

#[test]
fn building_the_terms_again_gives_the_same_plan() {
    let mut r = request("1234.56", 7, "2025-01-31", Every::Month);
    r.annual_rate_percent = Some(dec!(7.5));
    r.agreed_on = Some(d("2025-01-20"));
    r.reference = Some("F2025-001, F2025-007".into());
    let plan = build(&r).unwrap();
    assert_eq!(build(&plan.terms).unwrap(), plan);
    let json = serde_json::to_string(&plan).unwrap();
    assert_eq!(serde_json::from_str::<PaymentPlan>(&json).unwrap(), plan);
}

// ---------------------------------------------------------------- errors

fn code_of(r: &PlanRequest) -> (Code, Option<String>) {
    let e = build(r).unwrap_err();
    (e.code(), e.path().map(str::to_string))
}

#[test]
fn malformed_requests_are_coded_errors() {
    let base = request("100.00", 3, "2025-01-10", Every::Month);

    let mut r = base.clone();
    r.amount = dec!(0);
    assert_eq!(code_of(&r), (Code::InvalidPlan, Some("amount".into())));
    r.amount = dec!(-5);
    assert_eq!(code_of(&r), (Code::NegativeAmount, Some("amount".into())));
    r.amount = dec!(100.005);
    assert_eq!(code_of(&r), (Code::NotInMinorUnits, Some("amount".into())));

    let mut r = base.clone();
    r.max_per_instalment = Some(dec!(50));
    assert_eq!(code_of(&r).0, Code::InvalidPlan); // both
    r.instalments = None;
    r.max_per_instalment = None;
    assert_eq!(code_of(&r).0, Code::InvalidPlan); // neither

    for n in [0, 121] {
        let mut r = base.clone();
        r.instalments = Some(n);
        assert_eq!(code_of(&r), (Code::InvalidPlan, Some("instalments".into())));
    }
    // 0.02 EUR cannot make 3 instalments of at least a cent.
    let r = request("0.02", 3, "2025-01-10", Every::Month);
    assert_eq!(code_of(&r), (Code::InvalidPlan, Some("instalments".into())));

    // 100.00 at most 0.83 needs ⌈120.48⌉ = 121 instalments.
    let r = PlanRequest::by_max(eur("100.00"), dec!(0.83), d("2025-01-10"), Every::Week);
    assert_eq!(
        code_of(&r),
        (Code::InvalidPlan, Some("max_per_instalment".into()))
    );
    // 100.00 at most 0.84: ⌈119.05⌉ = 120 is fine.
    let r = PlanRequest::by_max(eur("100.00"), dec!(0.84), d("2025-01-10"), Every::Week);
    assert_eq!(build(&r).unwrap().instalments.len(), 120);
    let r = PlanRequest::by_max(eur("100.00"), dec!(0), d("2025-01-10"), Every::Week);
    assert_eq!(code_of(&r).0, Code::InvalidPlan);
    let r = PlanRequest::by_max(eur("100.00"), dec!(0.005), d("2025-01-10"), Every::Week);
    assert_eq!(code_of(&r).0, Code::NotInMinorUnits);

    let mut r = base.clone();
    r.every = Every::Days(0);
    assert_eq!(code_of(&r), (Code::InvalidPlan, Some("every".into())));

    let mut r = base.clone();
    r.agreed_on = Some(d("2025-01-11"));
    assert_eq!(code_of(&r), (Code::InvalidPlan, Some("first_date".into())));

    let mut r = base.clone();
    r.annual_rate_percent = Some(dec!(-1));
    assert_eq!(code_of(&r).0, Code::InvalidPlan);

    let mut r = base.clone();
    r.grace_days = Some(366);
    assert_eq!(code_of(&r), (Code::InvalidPlan, Some("grace_days".into())));

    let mut r = base.clone();
    r.every = Every::Days(u32::MAX);
    assert_eq!(code_of(&r).0, Code::DateOutOfRange);
    // Documents write four-digit years: December 9999 + 1 month is refused, not written.
    let mut r = base.clone();
    r.first_date = d("9999-12-01");
    assert_eq!(code_of(&r).0, Code::DateOutOfRange);

    let mut r = base;
    r.roll = Some(PlanRoll {
        calendar: CalendarSpec::new("xx"),
        roll: Roll::Following,
    });
    assert_eq!(
        code_of(&r),
        (Code::UnknownCalendar, Some("roll.calendar".into()))
    );
}

#[test]
fn a_max_that_interest_can_never_meet_is_refused() {
    // 1,000.00 at 1,000 % with at most 100.00: ten instalments would do without interest, but
    // the first one alone bears 1000 × 10 × 30 / 365 = 821.92 of interest.
    let mut r = PlanRequest::by_max(eur("1000.00"), dec!(100.00), d("2025-01-31"), Every::Month);
    r.agreed_on = Some(d("2025-01-01"));
    r.annual_rate_percent = Some(dec!(1000));
    assert_eq!(code_of(&r).0, Code::InvalidPlan);
}

#[test]
fn documents_refuse_bad_periods_and_unknown_fields() {
    let parse = |every: serde_json::Value| {
        crate::document::request::<PlanRequest>(&serde_json::json!({
            "amount": "100.00", "currency": "EUR", "instalments": 2,
            "first_date": "2025-01-10", "every": every}))
    };
    assert_eq!(parse(serde_json::json!(14)).unwrap().every, Every::Days(14));
    assert_eq!(
        parse(serde_json::json!(-1)).unwrap_err().code(),
        Code::InvalidPlan
    );
    assert_eq!(
        parse(serde_json::json!("day")).unwrap_err().code(),
        Code::InvalidDocument
    );
    assert_eq!(
        parse(serde_json::json!(1.5)).unwrap_err().code(),
        Code::InvalidDocument
    );
    // `every` defaults to a month.
    let r: PlanRequest = serde_json::from_value(serde_json::json!({
        "amount": "100.00", "currency": "EUR", "instalments": 2, "first_date": "2025-01-10"}))
    .unwrap();
    assert_eq!(r.every, Every::Month);
}

// ---------------------------------------------------------------- tracking

fn four_by_2500() -> PaymentPlan {
    build(&request("10000.00", 4, "2025-03-05", Every::Month)).unwrap()
}

#[test]
fn statuses_through_the_life_of_an_instalment() {
    // Instalment 1 of 2,500.00 due 5 March, grace 5 days → missed if unpaid at the end of 10 March.
    let plan = four_by_2500();
    let at = |as_of: &str| track(&plan, &[], d(as_of)).unwrap();
    assert_eq!(
        at("2025-03-04").instalments[0].status,
        InstalmentStatus::NotDue
    );
    assert_eq!(
        at("2025-03-05").instalments[0].status,
        InstalmentStatus::Due
    );
    assert_eq!(
        at("2025-03-09").instalments[0].status,
        InstalmentStatus::Due
    );
    let s = at("2025-03-10");
    assert_eq!(s.instalments[0].status, InstalmentStatus::Missed);
    assert_eq!(s.state, PlanState::Defaulted);
    assert_eq!(s.defaulted_on, Some(d("2025-03-10")));
    assert_eq!(s.first_missed, Some(1));
    assert_eq!(s.totals.overdue, dec!(2500.00));
    // A payment on the last day of grace is in time.
    let s = track(&plan, &[pay("2025-03-10", dec!(2500))], d("2025-03-10")).unwrap();
    assert_eq!(s.instalments[0].status, InstalmentStatus::Paid);
    assert_eq!(s.instalments[0].paid_on, Some(d("2025-03-10")));
    assert_eq!(s.state, PlanState::Active);
}

#[test]
fn a_plan_paid_on_time_is_completed() {
    let plan = four_by_2500();
    let payments: Vec<PlanPayment> = plan
        .instalments
        .iter()
        .map(|i| PlanPayment {
            date: i.due_date,
            amount: i.amount,
        })
        .collect();
    let s = track(&plan, &payments, d("2025-12-31")).unwrap();
    assert_eq!(s.state, PlanState::Completed);
    assert_eq!(statuses(&s), vec![InstalmentStatus::Paid; 4]);
    assert_eq!(s.totals.paid, dec!(10000.00));
    assert_eq!(s.totals.outstanding, dec!(0.00));
    assert_eq!(s.overpayment, dec!(0.00));
    assert_eq!(s.defaulted_on, None);
}

#[test]
fn partly_paid_then_defaulted_after_grace() {
    // 1 paid; 1,000.00 towards 2 (due 5 April). On 8 April: 2 partly paid, within grace.
    // On 11 April (grace until 10 April): 2 missed with 1,500.00 outstanding; the plan defaulted
    // on 10 April. Payments after the as-of date are not counted.
    let plan = four_by_2500();
    let payments = [
        pay("2025-03-05", dec!(2500.00)),
        pay("2025-04-04", dec!(1000.00)),
        pay("2025-04-30", dec!(1500.00)),
    ];
    let s = track(&plan, &payments, d("2025-04-08")).unwrap();
    assert_eq!(s.instalments[1].status, InstalmentStatus::PartlyPaid);
    assert_eq!(s.instalments[1].paid, dec!(1000.00));
    assert_eq!(s.instalments[1].outstanding, dec!(1500.00));
    assert_eq!(s.state, PlanState::Active);
    let s = track(&plan, &payments, d("2025-04-11")).unwrap();
    assert_eq!(
        statuses(&s),
        [
            InstalmentStatus::Paid,
            InstalmentStatus::Missed,
            InstalmentStatus::NotDue,
            InstalmentStatus::NotDue
        ]
    );
    assert_eq!(s.state, PlanState::Defaulted);
    assert_eq!(s.defaulted_on, Some(d("2025-04-10")));
    assert_eq!(s.totals.received, dec!(3500.00));
    // The late payment of 30 April completes instalment 2 but does not revive the plan.
    let s = track(&plan, &payments, d("2025-05-01")).unwrap();
    assert_eq!(s.instalments[1].status, InstalmentStatus::Paid);
    assert_eq!(s.instalments[1].paid_on, Some(d("2025-04-30")));
    assert_eq!(s.state, PlanState::Defaulted);
    assert_eq!(s.first_missed, Some(2));
}

#[test]
fn paying_everything_late_still_completes() {
    let plan = four_by_2500();
    let s = track(&plan, &[pay("2025-09-01", dec!(10000))], d("2025-09-01")).unwrap();
    assert_eq!(s.state, PlanState::Completed);
    assert_eq!(s.defaulted_on, None);
    assert!(s
        .instalments
        .iter()
        .all(|i| i.paid_on == Some(d("2025-09-01"))));
}

#[test]
fn overpayment_is_reported() {
    // 10,000.00 due, 10,250.00 received: 250.00 over.
    let plan = four_by_2500();
    let s = track(
        &plan,
        &[pay("2025-03-01", dec!(10000)), pay("2025-03-02", dec!(250))],
        d("2025-03-02"),
    )
    .unwrap();
    assert_eq!(s.overpayment, dec!(250.00));
    assert_eq!(s.totals.received, dec!(10250.00));
    assert_eq!(s.state, PlanState::Completed);
}

#[test]
fn zero_grace_misses_on_the_due_date() {
    let mut r = request("100.00", 2, "2025-01-10", Every::Month);
    r.grace_days = Some(0);
    let plan = build(&r).unwrap();
    let s = track(&plan, &[], d("2025-01-10")).unwrap();
    assert_eq!(s.instalments[0].status, InstalmentStatus::Missed);
    assert_eq!(s.defaulted_on, Some(d("2025-01-10")));
}

#[test]
fn tracking_refuses_bad_payments_and_tampered_plans() {
    let plan = four_by_2500();
    let e = track(&plan, &[pay("2025-03-01", dec!(-1))], d("2025-03-02")).unwrap_err();
    assert_eq!(e.code(), Code::NegativeAmount);
    assert_eq!(e.path(), Some("payments[0].amount"));
    let e = track(&plan, &[pay("2025-03-01", dec!(1.001))], d("2025-03-02")).unwrap_err();
    assert_eq!(e.code(), Code::NotInMinorUnits);

    let mut bad = plan.clone();
    bad.instalments.swap(1, 2);
    let e = track(&bad, &[], d("2025-03-02")).unwrap_err();
    assert_eq!(e.code(), Code::InvalidPlan);
    assert_eq!(e.path(), Some("plan.instalments[1].number"));

    let mut bad = plan.clone();
    bad.instalments[2].amount = dec!(0);
    assert_eq!(
        track(&bad, &[], d("2025-03-02")).unwrap_err().path(),
        Some("plan.instalments[2].amount")
    );

    let mut bad = plan.clone();
    bad.instalments.clear();
    assert_eq!(
        track(&bad, &[], d("2025-03-02")).unwrap_err().code(),
        Code::InvalidPlan
    );

    let mut bad = plan;
    bad.terms.grace_days = Some(1000);
    assert_eq!(
        track(&bad, &[], d("2025-03-02")).unwrap_err().code(),
        Code::InvalidPlan
    );
}

// ---------------------------------------------------------------- properties

fn every() -> impl Strategy<Value = Every> {
    prop_oneof![
        Just(Every::Month),
        Just(Every::Week),
        (1u32..60).prop_map(Every::Days),
    ]
}

prop_compose! {
    fn plan_request()(
        cents in 1i64..1_000_000_000,
        count in 1u32..=120,
        first in 0i64..3000,
        every in every(),
        rate in prop::option::of(0u32..2500),
        agreed_before in prop::option::of(0i64..30),
        grace in prop::option::of(0u32..=30),
    ) -> PlanRequest {
        let first_date = d("2020-01-01") + chrono::Duration::days(first);
        let count = u32::try_from(i64::from(count).min(cents)).unwrap();
        let mut r = PlanRequest::by_count(
            Money::new(Decimal::new(cents, 2), Currency::EUR), count, first_date, every);
        r.annual_rate_percent = rate.map(|r| Decimal::new(i64::from(r), 2));
        r.agreed_on = agreed_before.map(|b| first_date - chrono::Duration::days(b));
        r.grace_days = grace;
        r
    }
}

proptest! {
    #[test]
    fn principal_parts_sum_exactly_to_the_debt(r in plan_request()) {
        let plan = build(&r).unwrap();
        let principal: Decimal = plan.instalments.iter().map(|i| i.principal).sum();
        prop_assert_eq!(principal, r.amount);
        let interest: Decimal = plan.instalments.iter().map(|i| i.interest).sum();
        let total: Decimal = plan.instalments.iter().map(|i| i.amount).sum();
        prop_assert_eq!(total, r.amount + interest);
        prop_assert_eq!(plan.totals.total, total);
        prop_assert_eq!(plan.totals.interest, interest);
        for i in &plan.instalments {
            prop_assert_eq!(i.amount, i.principal + i.interest);
            prop_assert!(i.interest >= Decimal::ZERO);
            prop_assert!(i.amount.scale() == 2 && i.interest.scale() == 2);
        }
        if r.annual_rate_percent.is_none() {
            prop_assert_eq!(total, r.amount);
        }
    }

    #[test]
    fn instalments_split_by_count_differ_by_at_most_one_cent(r in plan_request()) {
        let plan = build(&r).unwrap();
        let max = plan.instalments.iter().map(|i| i.principal).max().unwrap();
        let min = plan.instalments.iter().map(|i| i.principal).min().unwrap();
        prop_assert!(max - min <= dec!(0.01));
        // The odd cents go to the first instalments: principal never increases along the plan.
        for w in plan.instalments.windows(2) {
            prop_assert!(w[0].principal >= w[1].principal);
        }
        if r.annual_rate_percent.is_none() {
            let max = plan.instalments.iter().map(|i| i.amount).max().unwrap();
            let min = plan.instalments.iter().map(|i| i.amount).min().unwrap();
            prop_assert!(max - min <= dec!(0.01));
        }
    }

    #[test]
    fn dates_strictly_increase(r in plan_request(), roll in any::<bool>()) {
        let mut r = r;
        if roll {
            r.roll = Some(PlanRoll { calendar: CalendarSpec::new("fr"), roll: Roll::ModifiedFollowing });
        }
        match build(&r) {
            Ok(plan) => {
                prop_assert_eq!(plan.instalments.len(), r.instalments.unwrap() as usize);
                prop_assert!(plan.instalments[0].due_date >= r.agreed_on.unwrap_or(NaiveDate::MIN));
                for (k, w) in plan.instalments.windows(2).enumerate() {
                    prop_assert!(w[0].due_date < w[1].due_date);
                    prop_assert_eq!(w[0].number as usize, k + 1);
                }
            }
            // Only a roll can make two short-period dates collide.
            Err(e) => prop_assert!(roll && e.code() == Code::InvalidPlan, "{e}"),
        }
    }

    #[test]
    fn max_per_instalment_is_respected_with_the_fewest_instalments(
        cents in 1i64..100_000_000, max_cents in 1i64..100_000_000, rate in prop::option::of(0u32..2000),
    ) {
        let mut r = PlanRequest::by_max(Money::new(Decimal::new(cents, 2), Currency::EUR),
            Decimal::new(max_cents, 2), d("2025-01-31"), Every::Month);
        r.agreed_on = Some(d("2025-01-20"));
        r.annual_rate_percent = rate.map(|r| Decimal::new(i64::from(r), 2));
        let least = (cents + max_cents - 1) / max_cents;
        match build(&r) {
            Ok(plan) => {
                prop_assert!(plan.instalments.iter().all(|i| i.amount <= r.max_per_instalment.unwrap()));
                prop_assert!(plan.instalments.len() as i64 >= least);
                if rate.is_none() {
                    prop_assert_eq!(plan.instalments.len() as i64, least);
                }
            }
            Err(e) => {
                prop_assert_eq!(e.code(), Code::InvalidPlan);
                prop_assert!(least > 120 || rate.is_some());
            }
        }
    }

    #[test]
    fn tracking_conserves_money(
        r in plan_request(),
        payments in prop::collection::vec((0i64..4000, 0i64..200_000_000), 0..20),
        as_of in 0i64..4000,
    ) {
        let plan = build(&r).unwrap();
        let base = d("2020-01-01");
        let payments: Vec<PlanPayment> = payments.iter()
            .map(|(day, c)| PlanPayment { date: base + chrono::Duration::days(*day), amount: Decimal::new(*c, 2) })
            .collect();
        let as_of = base + chrono::Duration::days(as_of);
        let s = track(&plan, &payments, as_of).unwrap();
        let received: Decimal = payments.iter().filter(|p| p.date <= as_of).map(|p| p.amount).sum();
        let paid: Decimal = s.instalments.iter().map(|i| i.paid).sum();
        prop_assert_eq!(paid + s.overpayment, received);
        prop_assert_eq!(s.totals.received, received);
        prop_assert_eq!(s.totals.paid, paid);
        prop_assert_eq!(s.totals.paid + s.totals.outstanding, plan.totals.total);
        for i in &s.instalments {
            prop_assert_eq!(i.paid + i.outstanding, i.amount);
            prop_assert!(i.paid >= Decimal::ZERO && i.outstanding >= Decimal::ZERO);
        }
        prop_assert_eq!(s.state == PlanState::Defaulted, s.defaulted_on.is_some());
        prop_assert_eq!(s.state == PlanState::Completed, s.totals.outstanding.is_zero());
        // The order of the payments does not matter.
        let mut reversed = payments.clone();
        reversed.reverse();
        prop_assert_eq!(track(&plan, &reversed, as_of).unwrap(), s);
    }

    #[test]
    fn a_plan_paid_on_time_is_completed_and_never_defaults(
        r in plan_request(), early in 0i64..5, after in 0i64..400,
    ) {
        let plan = build(&r).unwrap();
        let payments: Vec<PlanPayment> = plan.instalments.iter()
            .map(|i| PlanPayment { date: i.due_date - chrono::Duration::days(early), amount: i.amount })
            .collect();
        let last = plan.instalments.last().unwrap().due_date;
        let s = track(&plan, &payments, last + chrono::Duration::days(after)).unwrap();
        prop_assert_eq!(s.state, PlanState::Completed);
        prop_assert!(s.instalments.iter().all(|i| i.status == InstalmentStatus::Paid));
        // On any day before the end it is active (never defaulted).
        let mid = plan.instalments[plan.instalments.len() / 2].due_date;
        let s = track(&plan, &payments, mid - chrono::Duration::days(early + 1)).unwrap();
        prop_assert!(s.state != PlanState::Defaulted);
    }

    #[test]
    fn plans_round_trip_through_json(r in plan_request()) {
        let plan = build(&r).unwrap();
        let json = serde_json::to_value(&plan).unwrap();
        let back: PaymentPlan = serde_json::from_value(json.clone()).unwrap();
        prop_assert_eq!(&back, &plan);
        prop_assert_eq!(serde_json::to_value(&back).unwrap(), json);
        prop_assert_eq!(build(&plan.terms).unwrap(), plan);
    }
}

#[test]
fn extreme_inputs_are_errors_or_plans_never_panics() {
    // The largest amounts the decimal type holds, absurd rates and periods: each call returns
    // a plan or a coded error.
    let amounts = [
        "792281625142643375935439503.35",
        "79228162514264337593543950.33",
        "0.01",
        "1",
    ];
    let rates = [
        None,
        Some("0"),
        Some("1000000000"),
        Some("0.0000000000000000000001"),
    ];
    let everies = [
        serde_json::json!("month"),
        serde_json::json!(1),
        serde_json::json!(u32::MAX),
    ];
    for amount in amounts {
        for rate in rates {
            for every in &everies {
                for count in [
                    serde_json::json!({"instalments": 120}),
                    serde_json::json!({"max_per_instalment": "0.01"}),
                ] {
                    let mut req = serde_json::json!({
                        "amount": amount, "currency": "EUR", "first_date": "9999-12-31",
                        "every": every, "agreed_on": "0001-01-01"});
                    let obj = req.as_object_mut().unwrap();
                    obj.extend(count.as_object().unwrap().clone());
                    if let Some(r) = rate {
                        obj.insert("annual_rate_percent".into(), r.into());
                    }
                    if let Ok(plan) = crate::run("plan", &req) {
                        let _ = crate::run(
                            "plan_status",
                            &serde_json::json!({
                            "plan": plan, "as_of": "9999-12-31",
                            "payments": [{"date": "0001-01-01", "amount": amount}]}),
                        );
                    }
                }
            }
        }
    }
}
