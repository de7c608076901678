//! Unit tests of the rate series, including the cross-checks between series that
//! `docs/legal-rates.md` says must hold: they catch typos in the data files.

use chrono::Datelike;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;
use crate::calendar::date::parse_date;
use crate::error::Code;

fn d(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

fn table() -> RateTable {
    RateTable::builtin().unwrap()
}

fn series(json: serde_json::Value) -> RateSeries {
    serde_json::from_value(json).unwrap()
}

fn small() -> RateSeries {
    series(serde_json::json!({
        "id": "t", "name": "T", "unit": "percent_per_annum", "source": "test",
        "semantics": "", "known_until": "2024-12-31",
        "entries": [{"from": "2024-01-01", "rate_percent": "1.00"},
                    {"from": "2024-04-01", "rate_percent": "2.00"},
                    {"from": "2024-07-01", "rate_percent": "3.00", "flag": "unverified"}]
    }))
}

// ---------------------------------------------------------------- built-in data

#[test]
fn builtin_parses_validates_and_has_every_documented_series() {
    let t = RateTable::builtin().expect("the embedded rate files parse and validate");
    let mut ids: Vec<&str> = t.ids().collect();
    let mut expected = BUILTIN_SERIES.to_vec();
    ids.sort_unstable();
    expected.sort_unstable();
    assert_eq!(ids, expected);
    assert_eq!(BUILTIN_DATA.len(), BUILTIN_SERIES.len());
    for s in &t {
        s.validate().unwrap();
        assert_eq!(s.unit, RateUnit::PercentPerAnnum, "{}", s.id);
        assert!(!s.name.is_empty() && !s.semantics.is_empty(), "{}", s.id);
        assert!(s.known_until_reason.is_some(), "{}", s.id);
    }
}

#[test]
fn builtin_files_round_trip_exactly() {
    // The data files are the serde format: parsing and writing back gives the same document.
    for (id, text) in BUILTIN_DATA {
        let raw: serde_json::Value = serde_json::from_str(text).unwrap();
        let parsed: RateSeries = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_value(&parsed).unwrap(), raw, "{id}");
    }
}

#[test]
fn known_until_dates_are_the_documented_ones() {
    let t = table();
    for (id, until) in [
        ("ecb_mro", "2026-07-28"),
        ("fr_l441_10", "2026-12-31"),
        ("fr_legal_consumer", "2026-12-31"),
        ("fr_legal_professional", "2026-12-31"),
        ("fr_legal_annual", "2014-12-31"),
        ("de_basiszinssatz", "2026-12-31"),
        ("uk_bank_rate", "2026-06-30"),
        ("uk_reference_rate", "2026-12-31"),
    ] {
        assert_eq!(t.get(id).unwrap().known_until, d(until), "{id}");
    }
}

#[test]
fn half_yearly_series_have_every_half_year() {
    let t = table();
    for id in [
        "fr_l441_10",
        "fr_legal_consumer",
        "fr_legal_professional",
        "de_basiszinssatz",
        "uk_reference_rate",
    ] {
        let s = t.get(id).unwrap();
        let mut expected = s.known_from().unwrap();
        for e in &s.entries {
            assert_eq!(e.from, expected, "{id}: a half-year is missing");
            expected = if e.from.month() == 1 {
                e.from.with_month(7).unwrap()
            } else {
                NaiveDate::from_ymd_opt(e.from.year() + 1, 1, 1).unwrap()
            };
        }
        // The last half-year ends exactly on known_until.
        assert_eq!(expected.pred_opt().unwrap(), s.known_until, "{id}");
    }
}

#[test]
fn every_material_flag_is_kept() {
    // A `flag` marks exactly the values docs/legal-rates.md marks ⚑ (single-sourced, derived from an
    // unverified value, or unverified), which make a statement carry a warning. Its legend counts
    // "1 source + arithmetic check" values as verified, and † marks a correct value whose rule did
    // not apply then: those are kept as `note`s, so they do not raise warnings on every
    // computation of 2023–2025 in Germany or 2009–2012 in France.
    let t = table();
    let flagged = |id: &str| -> Vec<String> {
        t.get(id)
            .unwrap()
            .flagged_entries()
            .map(|e| e.from.to_string())
            .collect()
    };
    assert!(
        flagged("fr_l441_10").is_empty(),
        "H2 2026 confirmed (docs/legal-rates.md §8)"
    );
    assert_eq!(flagged("fr_legal_consumer"), ["2026-07-01"]);
    assert_eq!(flagged("fr_legal_professional"), ["2026-07-01"]);
    assert_eq!(flagged("fr_legal_annual"), ["2007-01-01"]);
    assert!(
        flagged("de_basiszinssatz").is_empty(),
        "1 Jul 2026 confirmed"
    );
    assert_eq!(
        flagged("uk_bank_rate"),
        [
            "2022-05-05",
            "2022-08-04",
            "2022-09-22",
            "2022-11-03",
            "2023-02-02",
            "2023-03-23"
        ]
    );
    assert!(flagged("uk_reference_rate").is_empty(), "H2 2026 confirmed");
    assert!(flagged("ecb_mro").is_empty(), "17 Jun 2026 confirmed");
    let note = |id: &str, day: &str| {
        t.get(id)
            .unwrap()
            .entry_on(d(day))
            .unwrap()
            .note
            .clone()
            .unwrap_or_default()
    };
    assert!(note("de_basiszinssatz", "2024-07-01").contains("arithmetic check"));
    assert!(note("fr_l441_10", "2010-01-01").contains("HISTORICAL CAVEAT"));
    assert!(note("uk_reference_rate", "2009-01-01").contains("DERIVED"));
    // Values confirmed after being flagged keep their sources in a note.
    assert!(note("ecb_mro", "2026-06-20").contains("CONFIRMED"));
    assert!(note("de_basiszinssatz", "2026-07-01").contains("CONFIRMED"));
    // Variable-rate tenders are noted as such.
    assert!(note("ecb_mro", "2007-01-01").contains("minimum bid"));
}

// ---------------------------------------------------------------- cross-checks

#[test]
fn fr_semester_rate_is_the_ecb_rate_on_the_first_day_of_the_half_year() {
    // C. com. L441-10 II: the rate in force on 1 Jan / 1 Jul. Checked on every entry (the
    // 2009-2012 rows are for reference only, but they are still the 1 Jan / 1 Jul rates).
    let t = table();
    let ecb = t.get("ecb_mro").unwrap();
    for e in &t.get("fr_l441_10").unwrap().entries {
        assert_eq!(
            e.rate_percent,
            ecb.entry_on(e.from).unwrap().rate_percent,
            "fr_l441_10 {}",
            e.from
        );
    }
}

#[test]
fn basiszinssatz_is_ecb_minus_088_from_2009() {
    // docs/legal-rates.md §3.2: from 2009-01 every row equals the ECB MRO in force on 1 Jan / 1 Jul
    // minus 0.88.
    let t = table();
    let ecb = t.get("ecb_mro").unwrap();
    let de = t.get("de_basiszinssatz").unwrap();
    let mut checked = 0;
    for e in de.entries.iter().filter(|e| e.from >= d("2009-01-01")) {
        assert_eq!(
            e.rate_percent,
            ecb.entry_on(e.from).unwrap().rate_percent - dec!(0.88),
            "de_basiszinssatz {}",
            e.from
        );
        checked += 1;
    }
    assert_eq!(checked, 36);
}

#[test]
fn uk_reference_rate_is_bank_rate_on_its_reference_day() {
    // SI 2002/1675 art. 4: Bank Rate in force on 31 Dec / 30 Jun, immediately before the
    // half-year.
    let t = table();
    let bank = t.get("uk_bank_rate").unwrap();
    let reference = t.get("uk_reference_rate").unwrap();
    for e in &reference.entries {
        let day = e
            .reference_day
            .expect("every UK reference entry has its day");
        assert_eq!(day, e.from.pred_opt().unwrap(), "{}", e.from);
        assert!(bank.covers(day), "uk_bank_rate covers {day}");
        assert_eq!(
            e.rate_percent,
            bank.entry_on(day).unwrap().rate_percent,
            "uk_reference_rate {}",
            e.from
        );
    }
    assert_eq!(reference.entries.len(), 49);
}

#[test]
fn french_contractual_floor_reproduces_the_published_column() {
    // docs/legal-rates.md §1.2, "contractual floor (3 × autres cas)" column; bpifrance (H2 2024 14.76),
    // capeb09 (H2 2023 12.66), Assemblée nationale question 15103 (H1 2024 15.21).
    let column: [(&str, Decimal); 24] = [
        ("2015-01-01", dec!(2.79)),
        ("2015-07-01", dec!(2.97)),
        ("2016-01-01", dec!(3.03)),
        ("2016-07-01", dec!(2.79)),
        ("2017-01-01", dec!(2.70)),
        ("2017-07-01", dec!(2.70)),
        ("2018-01-01", dec!(2.67)),
        ("2018-07-01", dec!(2.64)),
        ("2019-01-01", dec!(2.58)),
        ("2019-07-01", dec!(2.61)),
        ("2020-01-01", dec!(2.61)),
        ("2020-07-01", dec!(2.52)),
        ("2021-01-01", dec!(2.37)),
        ("2021-07-01", dec!(2.28)),
        ("2022-01-01", dec!(2.28)),
        ("2022-07-01", dec!(2.31)),
        ("2023-01-01", dec!(6.18)),
        ("2023-07-01", dec!(12.66)),
        ("2024-01-01", dec!(15.21)),
        ("2024-07-01", dec!(14.76)),
        ("2025-01-01", dec!(11.13)),
        ("2025-07-01", dec!(8.28)),
        ("2026-01-01", dec!(7.86)),
        ("2026-07-01", dec!(8.25)),
    ];
    let t = table();
    let pro = t.get("fr_legal_professional").unwrap();
    assert_eq!(pro.entries.len(), column.len());
    for (e, (from, floor)) in pro.entries.iter().zip(column) {
        assert_eq!(e.from, d(from));
        assert_eq!(dec!(3) * e.rate_percent, floor, "floor {from}");
    }
}

#[test]
fn consumer_rate_is_above_the_professional_rate() {
    // "particuliers" is the higher category in every half-year since the split (sanity check
    // against swapped columns).
    let t = table();
    let consumer = t.get("fr_legal_consumer").unwrap();
    let pro = t.get("fr_legal_professional").unwrap();
    assert_eq!(consumer.entries.len(), pro.entries.len());
    for (c, p) in consumer.entries.iter().zip(&pro.entries) {
        assert_eq!(c.from, p.from);
        assert!(c.rate_percent > p.rate_percent, "{}", c.from);
    }
}

#[test]
fn legal_rate_series_meet_in_2015() {
    let t = table();
    assert_eq!(
        t.get("fr_legal_annual")
            .unwrap()
            .known_until
            .succ_opt()
            .unwrap(),
        t.get("fr_legal_professional")
            .unwrap()
            .known_from()
            .unwrap()
    );
}

#[test]
fn spot_values_from_the_tables() {
    let t = table();
    for (id, date, rate) in [
        ("ecb_mro", "2024-06-11", dec!(4.50)),
        ("ecb_mro", "2024-06-12", dec!(4.25)),
        ("ecb_mro", "2016-03-16", dec!(0.00)),
        ("fr_l441_10", "2024-06-30", dec!(4.50)),
        ("fr_l441_10", "2025-01-01", dec!(3.15)),
        ("fr_legal_consumer", "2025-06-30", dec!(7.21)),
        ("fr_legal_professional", "2025-01-01", dec!(3.71)),
        ("fr_legal_annual", "2012-06-01", dec!(0.71)),
        ("de_basiszinssatz", "2014-07-01", dec!(-0.73)),
        ("uk_bank_rate", "2025-12-17", dec!(4.00)),
        ("uk_bank_rate", "2025-12-18", dec!(3.75)),
        ("uk_reference_rate", "2017-12-31", dec!(0.25)),
    ] {
        assert_eq!(
            t.entry_on(id, d(date)).unwrap().rate_percent,
            rate,
            "{id} {date}"
        );
    }
}

// ---------------------------------------------------------------- lookups

#[test]
fn entry_on_bounds() {
    let s = small();
    assert_eq!(
        s.entry_on(d("2024-01-01")).unwrap().rate_percent,
        dec!(1.00)
    );
    assert_eq!(
        s.entry_on(d("2024-03-31")).unwrap().rate_percent,
        dec!(1.00)
    );
    assert_eq!(
        s.entry_on(d("2024-04-01")).unwrap().rate_percent,
        dec!(2.00)
    );
    assert_eq!(
        s.entry_on(d("2024-12-31")).unwrap().rate_percent,
        dec!(3.00)
    );
    let before = s.entry_on(d("2023-12-31")).unwrap_err();
    assert_eq!(before.code(), Code::UnknownRateDate);
    assert!(before.message().contains("\"t\""), "{before}");
    assert!(before.message().contains("2023-12-31"), "{before}");
    assert!(
        before.message().contains("2024-01-01 to 2024-12-31"),
        "{before}"
    );
    let after = s.entry_on(d("2025-01-01")).unwrap_err();
    assert_eq!(after.code(), Code::UnknownRateDate);
    assert!(after.message().contains("2025-01-01"), "{after}");
    assert!(
        after.message().contains("2024-01-01 to 2024-12-31"),
        "{after}"
    );
    assert!(after.message().contains("never extrapolated"), "{after}");
}

#[test]
fn entry_on_extreme_dates_do_not_panic() {
    let s = small();
    assert!(s.entry_on(NaiveDate::MIN).is_err());
    assert!(s.entry_on(NaiveDate::MAX).is_err());
    assert!(s.entries_between(NaiveDate::MIN, NaiveDate::MAX).is_err());
}

#[test]
fn entries_between_covers_the_period() {
    let s = small();
    let rates = |a: &str, b: &str| -> Vec<Decimal> {
        s.entries_between(d(a), d(b))
            .unwrap()
            .iter()
            .map(|e| e.rate_percent)
            .collect()
    };
    assert_eq!(rates("2024-02-01", "2024-02-10"), [dec!(1.00)]);
    assert_eq!(rates("2024-02-01", "2024-04-01"), [dec!(1.00), dec!(2.00)]);
    assert_eq!(rates("2024-04-01", "2024-04-01"), [dec!(2.00)]);
    assert_eq!(
        rates("2024-01-01", "2024-12-31"),
        [dec!(1.00), dec!(2.00), dec!(3.00)]
    );
    assert_eq!(rates("2024-03-31", "2024-06-30"), [dec!(1.00), dec!(2.00)]);
    assert_eq!(
        s.entries_between(d("2024-02-01"), d("2025-01-01"))
            .unwrap_err()
            .code(),
        Code::UnknownRateDate
    );
    assert_eq!(
        s.entries_between(d("2023-12-31"), d("2024-02-01"))
            .unwrap_err()
            .code(),
        Code::UnknownRateDate
    );
    assert_eq!(
        s.entries_between(d("2024-05-01"), d("2024-02-01"))
            .unwrap_err()
            .code(),
        Code::InvalidRange
    );
}

#[test]
fn flags_are_visible() {
    let s = small();
    assert!(!s.entry_on(d("2024-06-30")).unwrap().is_flagged());
    assert_eq!(
        s.entry_on(d("2024-07-01")).unwrap().flag.as_deref(),
        Some("unverified")
    );
    assert_eq!(s.flagged_entries().count(), 1);
}

// ---------------------------------------------------------------- validation

#[test]
fn validate_reports_every_problem() {
    let s = series(serde_json::json!({
        "id": " ", "name": "", "unit": "percent_per_annum", "source": "",
        "known_until": "2024-01-01",
        "entries": [{"from": "2024-03-01", "rate_percent": "1"},
                    {"from": "2024-03-01", "rate_percent": "2", "flag": " "}]
    }));
    let e = s.validate().unwrap_err();
    assert_eq!(e.code(), Code::InvalidSeries);
    let paths: Vec<_> = e.problems().iter().map(|p| p.path.as_deref()).collect();
    assert_eq!(
        paths,
        [
            Some("id"),
            Some("source"),
            Some("entries[1].from"),
            Some("entries[1].flag"),
            Some("known_until")
        ]
    );
    let empty = series(serde_json::json!({
        "id": "x", "name": "X", "unit": "percent_per_annum", "source": "s",
        "known_until": "2024-01-01", "entries": []
    }));
    assert_eq!(empty.validate().unwrap_err().path(), Some("entries"));
    assert_eq!(
        empty.entry_on(d("2024-01-01")).unwrap_err().code(),
        Code::UnknownRateDate
    );
    assert!(empty
        .entries_between(d("2024-01-01"), d("2024-01-01"))
        .is_err());
}

#[test]
fn known_until_may_equal_the_last_entry() {
    let s = RateSeries::new(
        "x",
        "X",
        "s",
        d("2024-01-01"),
        vec![RateEntry::new(d("2024-01-01"), dec!(1))],
    )
    .unwrap();
    assert_eq!(s.entry_on(d("2024-01-01")).unwrap().rate_percent, dec!(1));
    assert!(s.entry_on(d("2024-01-02")).is_err());
}

#[test]
fn insert_validates_and_replaces() {
    let mut t = table();
    let mut bad = small();
    bad.entries.clear();
    assert_eq!(t.insert(bad).unwrap_err().code(), Code::InvalidSeries);
    assert!(!t.contains("t"));

    let mut newer = t.get("ecb_mro").unwrap().clone();
    newer
        .entries
        .push(RateEntry::new(d("2026-07-29"), dec!(2.65)).with_note("test only"));
    newer.known_until = d("2026-09-15");
    t.insert(newer).unwrap();
    assert_eq!(t.len(), BUILTIN_SERIES.len());
    assert_eq!(
        t.entry_on("ecb_mro", d("2026-08-01")).unwrap().rate_percent,
        dec!(2.65)
    );

    t.insert(small()).unwrap();
    assert_eq!(t.len(), BUILTIN_SERIES.len() + 1);
}

#[test]
fn unknown_series_lists_the_known_ids() {
    let e = table().get("ecb_dfr").unwrap_err();
    assert_eq!(e.code(), Code::UnknownSeries);
    for id in BUILTIN_SERIES {
        assert!(e.message().contains(id), "{e}");
    }
    let e = RateTable::new().get("ecb_mro").unwrap_err();
    assert!(e.message().contains("none"), "{e}");
}

// ---------------------------------------------------------------- serde

#[test]
fn documents_refuse_unknown_fields_numbers_and_bad_units() {
    let base = serde_json::json!({
        "id": "x", "name": "X", "unit": "percent_per_annum", "source": "s",
        "semantics": "", "known_until": "2024-12-31",
        "entries": [{"from": "2024-01-01", "rate_percent": "1.00"}]
    });
    assert!(serde_json::from_value::<RateSeries>(base.clone()).is_ok());
    let with = |path: &[&str], v: serde_json::Value| {
        let mut doc = base.clone();
        let mut cur = &mut doc;
        for (i, k) in path.iter().enumerate() {
            if i + 1 == path.len() {
                cur[*k] = v.clone();
            } else if let Ok(n) = k.parse::<usize>() {
                cur = &mut cur[n];
            } else {
                cur = &mut cur[*k];
            }
        }
        crate::document::request::<RateSeries>(&doc)
    };
    assert_eq!(
        with(&["extra"], serde_json::json!(1)).unwrap_err().code(),
        Code::InvalidDocument
    );
    assert_eq!(
        with(&["unit"], serde_json::json!("percent"))
            .unwrap_err()
            .code(),
        Code::InvalidDocument
    );
    assert_eq!(
        with(&["entries", "0", "tender"], serde_json::json!("fixed"))
            .unwrap_err()
            .code(),
        Code::InvalidDocument
    );
    let num = with(&["entries", "0", "rate_percent"], serde_json::json!(1.5)).unwrap_err();
    assert_eq!(num.path(), Some("entries[0].rate_percent"));
    let date = with(&["known_until"], serde_json::json!("2024-02-30")).unwrap_err();
    assert_eq!(date.code(), Code::InvalidDate);
    // semantics and known_until_reason may be left out.
    let mut minimal = base.clone();
    minimal.as_object_mut().unwrap().remove("semantics");
    let s: RateSeries = serde_json::from_value(minimal).unwrap();
    assert_eq!(s.semantics, "");
    assert_eq!(s.known_until_reason, None);
}

// ---------------------------------------------------------------- operations

#[test]
fn ops_summaries_and_lookups() {
    let all = ops::rates(ops::RatesRequest::default()).unwrap();
    assert_eq!(all.series.len(), BUILTIN_SERIES.len());
    assert!(all.series.iter().all(|s| s.entries.is_none()));
    let ecb = all.series.iter().find(|s| s.id == "ecb_mro").unwrap();
    assert_eq!(ecb.known_from, d("1999-01-01"));
    assert_eq!(ecb.latest.rate_percent, dec!(2.40));
    assert_eq!(ecb.entry_count, 62);

    let one = ops::rates(ops::RatesRequest {
        series: Some("uk_reference_rate".into()),
    })
    .unwrap();
    assert_eq!(one.series.len(), 1);
    assert_eq!(one.series[0].entries.as_ref().map(Vec::len), Some(49));
    assert_eq!(
        ops::rates(ops::RatesRequest {
            series: Some("x".into())
        })
        .unwrap_err()
        .code(),
        Code::UnknownSeries
    );

    let out = ops::rate_on(ops::RateOnRequest {
        series: "uk_reference_rate".into(),
        date: d("2026-07-01"),
    })
    .unwrap();
    assert_eq!(out.reference_day, Some(d("2026-06-30")));
    // Confirmed on 7 Dec 2026 (docs/legal-rates.md §8): a note with the sources, no flag.
    assert!(out.flag.is_none());
    let json = serde_json::to_value(&out).unwrap();
    assert_eq!(json["rate_percent"], "3.75");
    assert_eq!(json["known_until"], "2026-12-31");
    assert!(json["note"]
        .as_str()
        .is_some_and(|n| n.contains("CONFIRMED")));
}
