//! Property tests of the interest engine (issue 3): interest never decreases as the end date
//! moves later with no payment; an invoice paid on or before its due date bears nothing; a
//! payment never increases the interest (up to the rounding of the extra imputation block it
//! creates); the segments add up to the total before rounding.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

use arrears::interest::{
    compute, Allocation, DatedAmount, InterestOptions, InterestRequest, Regime, Rounding,
};
use arrears::money::Currency;
use arrears::rates::RateTable;
use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn day(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 1, 1).unwrap() + Duration::days(n)
}

fn regime() -> impl Strategy<Value = (Regime, Currency)> {
    prop_oneof![
        Just((Regime::FrB2b, Currency::EUR)),
        Just((Regime::DeB2b, Currency::EUR)),
        Just((Regime::DeConsumer, Currency::EUR)),
        Just((Regime::UkLatePayment, Currency::GBP)),
        Just((Regime::EuDirective, Currency::EUR)),
        Just((Regime::FrLegalProfessional, Currency::EUR)),
        Just((Regime::FrPublicProcurement, Currency::EUR)),
    ]
}

fn request(regime: (Regime, Currency), cents: i64, due: i64, until: i64) -> InterestRequest {
    InterestRequest {
        regime: regime.0,
        principal: Decimal::new(cents, 2),
        currency: regime.1,
        due_date: day(due),
        until: day(until),
        payments: vec![],
        credits: vec![],
        options: InterestOptions::default(),
        rates: vec![],
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn interest_never_decreases_as_the_end_date_moves_later(
        r in regime(), cents in 1i64..100_000_000, due in 0i64..2000, len in 0i64..600, more in 1i64..200,
    ) {
        let table = RateTable::builtin().unwrap();
        let a = compute(&request(r, cents, due, due + len), &table).unwrap();
        let b = compute(&request(r, cents, due, due + len + more), &table).unwrap();
        prop_assert!(b.interest >= a.interest, "{} then {}", a.interest, b.interest);
        prop_assert!(b.total_due >= a.total_due);
    }

    #[test]
    fn nothing_is_due_for_an_invoice_paid_on_or_before_its_due_date(
        r in regime(), cents in 1i64..100_000_000, due in 0i64..2000, early in 0i64..30, len in 0i64..600,
    ) {
        let table = RateTable::builtin().unwrap();
        let mut req = request(r, cents, due, due + len);
        req.payments.push(DatedAmount { date: day(due - early).max(day(0)), amount: Decimal::new(cents, 2) });
        // A § 193 roll can only move the due date later, so paying on the stated due date is on time.
        let s = compute(&req, &table).unwrap();
        prop_assert_eq!(s.interest, Decimal::ZERO);
        prop_assert_eq!(s.fixed_compensation, Decimal::ZERO);
        prop_assert!(s.segments.is_empty());
        prop_assert_eq!(s.total_due, Decimal::ZERO);
    }

    #[test]
    fn a_payment_never_increases_the_interest(
        r in regime(), cents in 100i64..100_000_000, due in 0i64..2000, len in 2i64..600,
        at in 1i64..600, share in 1i64..100, interest_first in any::<bool>(),
    ) {
        let table = RateTable::builtin().unwrap();
        let mut base = request(r, cents, due, due + len);
        base.options.allocation = Some(if interest_first { Allocation::InterestFirst } else { Allocation::PrincipalFirst });
        let without = compute(&base, &table).unwrap();
        let mut with = base.clone();
        let amount = Decimal::new(cents * share / 100, 2).max(Decimal::new(1, 2));
        with.payments.push(DatedAmount { date: day(due + at.min(len)), amount });
        let paid = compute(&with, &table).unwrap();
        // Under interest-first imputation the payment closes a block that is rounded on its own
        // (docs/legal-rates.md §6.5), which can add at most half a cent to each of the two blocks.
        let slack = if interest_first { Decimal::new(1, 2) } else { Decimal::ZERO };
        prop_assert!(paid.interest <= without.interest + slack, "{} with vs {} without", paid.interest, without.interest);
    }

    #[test]
    fn segments_add_up_to_the_total_before_rounding(
        r in regime(), cents in 1i64..100_000_000, due in 0i64..2000, len in 0i64..900, per_segment in any::<bool>(),
    ) {
        let table = RateTable::builtin().unwrap();
        let mut req = request(r, cents, due, due + len);
        req.options.rounding = Some(if per_segment { Rounding::PerSegment } else { Rounding::Total });
        let s = compute(&req, &table).unwrap();
        let sum: Decimal = s.segments.iter().map(|g| g.interest_exact).sum();
        let rounded = arrears::money::RoundingMode::HalfUp.round(sum, 2);
        prop_assert_eq!(rounded, s.interest);
        // Segments cover every interest day exactly once, in order.
        let days: i64 = s.segments.iter().map(|g| g.days).sum();
        let expected = (s.until - s.due_date).num_days().max(0);
        prop_assert_eq!(days, expected);
        for w in s.segments.windows(2) {
            prop_assert_eq!(w[0].to + Duration::days(1), w[1].from);
        }
    }
}
