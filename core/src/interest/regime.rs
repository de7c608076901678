//! From a request to a [`Plan`]: the regime's rules for the contract date, with every option
//! resolved to a value. Each rule cites its statute; `docs/interest.md` has the same table.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{
    Allocation, Base, Compounding, FixedSumBasis, InterestRequest, RateFixing, RatePeriod, Regime,
    Rounding, Warning,
};
use crate::calendar::{DayCount, Roll};
use crate::error::{err, Result};
use crate::money::Currency;
use crate::rates::RateTable;

/// Where a day's annual rate comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// One annual rate for every day (a contract's rate, or a caller-supplied one).
    Fixed(Decimal),
    /// `multiplier` × a reference series (+ the plan's margin). `parts` lists which series is in
    /// force from which sampling date (the French legal rate is annual before 2015, half-yearly
    /// after).
    Series {
        /// `(from, series id)`, sorted by `from`.
        parts: Vec<(NaiveDate, String)>,
        /// Multiplier of the reference value (1, or "3 × le taux légal").
        multiplier: Decimal,
    },
}

impl Reference {
    /// The series in force for a sampling date.
    pub fn series_for(&self, date: NaiveDate) -> Option<&str> {
        match self {
            Reference::Fixed(_) => None,
            Reference::Series { parts, .. } => parts
                .iter()
                .rev()
                .find(|(from, _)| *from <= date)
                .or_else(|| parts.first())
                .map(|(_, id)| id.as_str()),
        }
    }
}

/// The fixed sum a regime adds to a late debt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixedSum {
    /// None.
    None,
    /// A fixed amount in the request's currency.
    Amount(Decimal),
    /// UK Late Payment Act s. 5A bands: £40 below £1,000, £70 below £10,000, £100 from £10,000.
    UkBands(FixedSumBasis),
    /// A percentage of the principal (contractual fee).
    Percent(Decimal),
}

/// A regime applied to one request: every convention decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The regime.
    pub regime: Regime,
    /// The last day without interest: interest runs from the day after it. The due date (after a
    /// § 193 roll), or the day the debtor was put on notice (`options.notice_date`).
    pub due: NaiveDate,
    /// The due date the statement shows (after a § 193 roll).
    pub due_date: NaiveDate,
    /// Where the rate comes from.
    pub reference: Reference,
    /// Points added to the reference.
    pub margin: Decimal,
    /// Sampling of the reference.
    pub fixing: RateFixing,
    /// Year basis.
    pub day_count: DayCount,
    /// Whether a payment's day still bears interest on the amount paid.
    pub count_payment_day: bool,
    /// Rounding rule.
    pub rounding: Rounding,
    /// Imputation rule.
    pub allocation: Allocation,
    /// Compounding (contractual only).
    pub compounding: Compounding,
    /// `(net, gross)` when interest runs on the net amount.
    pub base_ratio: Option<(Decimal, Decimal)>,
    /// Fixed compensation.
    pub fixed: FixedSum,
    /// French contractual floor: multiplier of the legal rate ("autres cas") the rate may not
    /// fall below.
    pub floor_multiplier: Option<Decimal>,
    /// Warnings decided while resolving (historical regime, supplied rate).
    pub warnings: Vec<Warning>,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn series(id: &str) -> Reference {
    Reference::Series {
        parts: vec![(NaiveDate::MIN, id.to_string())],
        multiplier: Decimal::ONE,
    }
}

/// The French legal rate: one annual rate until 2014, two half-yearly categories from
/// 1 January 2015 (ordonnance 2014-947, décret 2014-1115).
fn french_legal(category: &str, multiplier: Decimal) -> Reference {
    Reference::Series {
        parts: vec![
            (NaiveDate::MIN, "fr_legal_annual".to_string()),
            (date(2015, 1, 1), category.to_string()),
        ],
        multiplier,
    }
}

fn warn(code: &str, message: impl Into<String>) -> Warning {
    Warning {
        code: code.to_string(),
        message: message.into(),
    }
}

fn require_currency(regime: Regime, currency: Currency, wanted: Currency) -> Result<()> {
    if currency == wanted {
        Ok(())
    } else {
        Err(err!(
            InvalidOption,
            "{regime}: the fixed compensation is in {wanted} and the debt in {currency}; the statute defines no conversion \
             (pass `fixed_compensation: false` to compute the interest alone)"
        ))
    }
}

impl Plan {
    /// Resolves the regime's rules and the request's options.
    ///
    /// # Errors
    /// `interest.invalid_option` for options the regime does not allow; calendar errors for a
    /// § 193 roll.
    pub fn resolve(req: &InterestRequest, table: &RateTable) -> Result<Plan> {
        let o = &req.options;
        check_option_signs(req)?;
        let contract = o.contract_date.unwrap_or(req.due_date);
        let forty = Decimal::new(4000, 2);
        let mut warnings = Vec::new();
        let mut fixing = RateFixing::PerHalfYear;
        let mut count_payment_day = true;
        let mut allocation = Allocation::InterestFirst;
        let mut roll = false;
        let mut floor_multiplier = None;
        let claim_fixed = o.fixed_compensation.unwrap_or(true);

        let (reference, margin, fixed) = match req.regime {
            Regime::FrB2b => {
                if contract < date(2009, 1, 1) {
                    // Before the LME (loi 2008-776): ECB rate + 7, following every change, no
                    // fixed indemnity.
                    fixing = RateFixing::EveryChange;
                    warnings.push(warn(
                        "historical_regime",
                        "contract before 1 January 2009: ECB rate + 7 points at every ECB change, no EUR 40 (former L441-6)",
                    ));
                    (series("ecb_mro"), Decimal::from(7), FixedSum::None)
                } else if contract < date(2013, 1, 1) {
                    // 2009–2012: + 10 points, but the rate still followed every ECB change; the
                    // half-year freezing (loi 2012-387) and the EUR 40 (décret 2012-1115) start in 2013.
                    fixing = RateFixing::EveryChange;
                    warnings.push(warn(
                        "historical_regime",
                        "contract in 2009–2012: ECB rate + 10 points at every ECB change, no EUR 40 (former L441-6)",
                    ));
                    (series("ecb_mro"), Decimal::from(10), FixedSum::None)
                } else {
                    // C. com. L441-10 II and D441-5.
                    if claim_fixed {
                        require_currency(req.regime, req.currency, Currency::EUR)?;
                    }
                    (
                        series("fr_l441_10"),
                        Decimal::from(10),
                        FixedSum::Amount(forty),
                    )
                }
            }
            Regime::FrB2bContractual => {
                // L441-10 II: a contractual rate may not be below 3 × the legal rate (1.5 ×
                // before 2009, LME).
                floor_multiplier = Some(if contract < date(2009, 1, 1) {
                    Decimal::new(15, 1)
                } else {
                    Decimal::from(3)
                });
                let reference = match (o.rate_percent, o.legal_rate_multiplier) {
                    (Some(r), None) => Reference::Fixed(annual(r, o.rate_period)),
                    (None, Some(m)) => {
                        if m <= Decimal::ZERO {
                            return Err(err!(InvalidOption, "legal_rate_multiplier must be above zero"));
                        }
                        french_legal("fr_legal_professional", m)
                    }
                    _ => {
                        return Err(err!(
                            InvalidOption,
                            "fr_b2b_contractual needs exactly one of `rate_percent` and `legal_rate_multiplier`"
                        ))
                    }
                };
                let fixed = if contract >= date(2013, 1, 1) {
                    if claim_fixed {
                        require_currency(req.regime, req.currency, Currency::EUR)?;
                    }
                    FixedSum::Amount(forty)
                } else {
                    FixedSum::None
                };
                (reference, Decimal::ZERO, fixed)
            }
            Regime::FrLegalProfessional => (
                french_legal("fr_legal_professional", Decimal::ONE),
                Decimal::ZERO,
                FixedSum::None,
            ),
            Regime::FrLegalConsumer => (
                french_legal("fr_legal_consumer", Decimal::ONE),
                Decimal::ZERO,
                FixedSum::None,
            ),
            Regime::FrPublicProcurement => {
                // CCP R2192-31: ECB rate in force on the first day of the half-year in which
                // interest starts, + 8, for the whole delay; D2192-35: EUR 40.
                fixing = RateFixing::FixedAtStart;
                if contract < date(2013, 3, 16) {
                    // Before the transposition of directive 2011/7/EU (décret 2013-269) the rate was
                    // ECB + 7 with no fixed sum (marchespublicspme.com, hopitalex.com); those texts
                    // are not in the reference material, so the rule is not guessed: the caller
                    // gives the rate.
                    if o.rate_percent.is_none() {
                        return Err(err!(
                            InvalidOption,
                            "fr_public_procurement: contracts before 16 March 2013 (ECB rate + 7 points, no EUR 40) are not \
                             modelled; give the rate with `rate_percent`"
                        ));
                    }
                    warnings.push(warn(
                        "historical_regime",
                        "contract before 16 March 2013: the rate was given by the caller and no fixed sum applies",
                    ));
                    (series("fr_l441_10"), Decimal::from(8), FixedSum::None)
                } else {
                    if claim_fixed {
                        require_currency(req.regime, req.currency, Currency::EUR)?;
                    }
                    (
                        series("fr_l441_10"),
                        Decimal::from(8),
                        FixedSum::Amount(forty),
                    )
                }
            }
            Regime::DeB2b => {
                // § 288 (2) BGB + 9 points and § 288 (5) EUR 40 for obligations from 29 July 2014
                // (Art. 229 § 34 EGBGB); + 8 and no Pauschale before.
                count_payment_day = false;
                roll = true;
                if contract < date(2014, 7, 29) {
                    warnings.push(warn(
                        "historical_regime",
                        "obligation before 29 July 2014: Basiszinssatz + 8 points, no EUR 40 (Art. 229 § 34 EGBGB)",
                    ));
                    (series("de_basiszinssatz"), Decimal::from(8), FixedSum::None)
                } else {
                    if claim_fixed {
                        require_currency(req.regime, req.currency, Currency::EUR)?;
                    }
                    (
                        series("de_basiszinssatz"),
                        Decimal::from(9),
                        FixedSum::Amount(forty),
                    )
                }
            }
            Regime::DeConsumer => {
                // § 288 (1) BGB.
                count_payment_day = false;
                roll = true;
                (series("de_basiszinssatz"), Decimal::from(5), FixedSum::None)
            }
            Regime::UkLatePayment => {
                // SI 2002/1675 art. 4: reference rate of the half-year in which interest starts,
                // + 8, for the life of the debt; s. 5A fixed sums.
                fixing = RateFixing::FixedAtStart;
                allocation = Allocation::PrincipalFirst;
                if contract < date(2002, 8, 7) {
                    return Err(err!(
                        InvalidOption,
                        "uk_late_payment: contracts before 7 August 2002 (base rate + 8, no fixed sums) are not modelled"
                    ));
                }
                if claim_fixed {
                    require_currency(req.regime, req.currency, Currency::GBP)?;
                }
                (
                    series("uk_reference_rate"),
                    Decimal::from(8),
                    FixedSum::UkBands(o.fixed_sum_basis.unwrap_or(FixedSumBasis::Principal)),
                )
            }
            Regime::EuDirective => {
                // Directive 2011/7/EU art. 2(6): reference rate + at least 8 points; art. 3(2):
                // rate of 1 January / 1 July; art. 6: at least EUR 40.
                let margin = o.margin_points.unwrap_or(Decimal::from(8));
                if margin < Decimal::from(8) {
                    return Err(err!(
                        InvalidOption,
                        "eu_directive: margin_points {margin} is below the directive's minimum of 8 points (art. 2(6))"
                    ));
                }
                let id = o
                    .reference_series
                    .clone()
                    .unwrap_or_else(|| "ecb_mro".to_string());
                let fixed = match o.fixed_sum {
                    Some(s) => FixedSum::Amount(s),
                    None => {
                        if claim_fixed {
                            require_currency(req.regime, req.currency, Currency::EUR)?;
                        }
                        FixedSum::Amount(forty)
                    }
                };
                (series(&id), margin, fixed)
            }
            Regime::Contractual => {
                let Some(r) = o.rate_percent else {
                    return Err(err!(InvalidOption, "contractual needs `rate_percent`"));
                };
                let fixed = match (o.fee_fixed, o.fee_percent) {
                    (Some(f), None) => FixedSum::Amount(f),
                    (None, Some(p)) => FixedSum::Percent(p),
                    (None, None) => FixedSum::None,
                    (Some(_), Some(_)) => {
                        return Err(err!(
                            InvalidOption,
                            "give `fee_fixed` or `fee_percent`, not both"
                        ))
                    }
                };
                (
                    Reference::Fixed(annual(r, o.rate_period)),
                    Decimal::ZERO,
                    fixed,
                )
            }
        };

        // Options that only some regimes take.
        let contractual = matches!(req.regime, Regime::Contractual | Regime::FrB2bContractual);
        if !contractual
            && (o.rate_period.is_some() || o.fee_fixed.is_some() || o.fee_percent.is_some())
        {
            return Err(err!(
                InvalidOption,
                "`rate_period`, `fee_fixed` and `fee_percent` apply to contractual regimes only"
            ));
        }
        if o.compounding.is_some_and(|c| c == Compounding::Monthly)
            && req.regime != Regime::Contractual
        {
            // § 289 BGB; C. civ. 1343-2: statutory interest never bears interest.
            return Err(err!(
                InvalidOption,
                "monthly compounding is only for the contractual regime: statutory interest bears no interest (§ 289 BGB, C. civ. 1343-2)"
            ));
        }
        if o.legal_rate_multiplier.is_some() && req.regime != Regime::FrB2bContractual {
            return Err(err!(
                InvalidOption,
                "`legal_rate_multiplier` applies to fr_b2b_contractual only"
            ));
        }
        if o.fixed_sum.is_some() && req.regime != Regime::EuDirective {
            return Err(err!(
                InvalidOption,
                "`fixed_sum` applies to eu_directive only"
            ));
        }

        // Caller overrides of the reference and margin.
        let mut reference = reference;
        let mut margin = margin;
        if let Some(id) = &o.reference_series {
            if req.regime != Regime::EuDirective {
                table.get(id)?;
                reference = series(id);
                warnings.push(warn(
                    "rate_supplied",
                    format!("reference series {id} chosen by the caller"),
                ));
            }
        }
        if let Some(m) = o.margin_points {
            if req.regime != Regime::EuDirective {
                margin = m;
                warnings.push(warn(
                    "rate_supplied",
                    format!("margin of {m} points chosen by the caller"),
                ));
            }
        }
        if let Some(r) = o.rate_percent {
            if !contractual {
                reference = Reference::Fixed(r);
                margin = Decimal::ZERO;
                warnings.push(warn(
                    "rate_supplied",
                    format!("the caller supplied the rate {r} %, replacing the statutory rate"),
                ));
            }
        }
        if let Reference::Series { parts, .. } = &reference {
            for (_, id) in parts {
                table.get(id)?;
            }
        }

        // § 193 BGB: a deadline ending on a Saturday, Sunday or public holiday moves to the next
        // working day (BGH III ZR 159/06).
        let roll = o.roll_due_date.unwrap_or(roll);
        let due = if roll {
            let spec = o
                .calendar
                .clone()
                .unwrap_or_else(|| crate::calendar::CalendarSpec::new("de"));
            spec.to_calendar()?.roll(req.due_date, Roll::Following)?
        } else {
            req.due_date
        };
        let start = match o.notice_date {
            None => due,
            Some(notice) => {
                // C. civ. 1231-6 / 1344: interest at the legal rate runs from the formal notice;
                // § 286 (1) BGB: a debtor is in default once a reminder after the due date reached
                // him. The day of the notice itself does not count (C. proc. civ. 641; § 187 (1)
                // BGB), so interest runs from the next day, as from the day after a due date.
                if !matches!(
                    req.regime,
                    Regime::FrLegalProfessional | Regime::FrLegalConsumer | Regime::DeConsumer
                ) {
                    return Err(err!(
                        InvalidOption,
                        "`notice_date` applies to fr_legal_professional, fr_legal_consumer and de_consumer; {} runs from the due date by statute",
                        req.regime
                    )
                    .at("options.notice_date"));
                }
                if notice < req.due_date {
                    return Err(err!(
                        InvalidOption,
                        "`notice_date` {notice} is before the due date {}: a notice puts a debtor in default only once the debt is due (C. civ. 1344; § 286 (1) BGB)",
                        req.due_date
                    )
                    .at("options.notice_date"));
                }
                if notice > due {
                    warnings.push(warn(
                        "interest_from_notice",
                        format!(
                            "interest runs from the day after the notice of {notice}, not from the due date {due} (C. civ. 1231-6; § 286 (1) BGB)"
                        ),
                    ));
                }
                notice.max(due)
            }
        };

        let base_ratio = match o.base.unwrap_or(Base::Gross) {
            Base::Gross => None,
            Base::Net => {
                let Some(net) = o.net_principal else {
                    return Err(err!(InvalidOption, "`base: net` needs `net_principal`"));
                };
                if net <= Decimal::ZERO || net > req.principal {
                    return Err(err!(
                        InvalidOption,
                        "`net_principal` {net} must be above zero and at most the principal {}",
                        req.principal
                    ));
                }
                Some((net, req.principal))
            }
        };

        Ok(Plan {
            regime: req.regime,
            due: start,
            due_date: due,
            reference,
            margin,
            fixing: o.rate_fixing.unwrap_or(fixing),
            day_count: o.day_count.unwrap_or(DayCount::Act365Fixed),
            count_payment_day: o.count_payment_day.unwrap_or(count_payment_day),
            rounding: o.rounding.unwrap_or(Rounding::Total),
            allocation: o.allocation.unwrap_or(allocation),
            compounding: o.compounding.unwrap_or(Compounding::Simple),
            base_ratio,
            fixed: if claim_fixed { fixed } else { FixedSum::None },
            floor_multiplier,
            warnings,
        })
    }
}

/// A contractual rate as an annual rate.
fn annual(rate: Decimal, period: Option<RatePeriod>) -> Decimal {
    match period.unwrap_or(RatePeriod::Annual) {
        RatePeriod::Annual => rate,
        RatePeriod::Monthly => rate.saturating_mul(Decimal::from(12)),
    }
}

/// Rates, margins, multipliers, fees and fixed sums the caller supplies are never negative (a
/// negative one would turn a penalty into a refund, and `total_due` could fall below the
/// principal); fees and fixed sums are amounts of the request's currency, so they have at most
/// its minor units (a fee of 12.345 EUR is refused rather than rounded silently). Rates of a
/// supplied series may be negative: the German base rate was below zero from 2013 to 2022
/// (§ 247 BGB, Bundesbank), and the statutory margin is added to it.
fn check_option_signs(req: &InterestRequest) -> Result<()> {
    let o = &req.options;
    let rates = [
        ("rate_percent", o.rate_percent),
        ("margin_points", o.margin_points),
        ("legal_rate_multiplier", o.legal_rate_multiplier),
        ("fee_percent", o.fee_percent),
    ];
    for (name, value) in rates {
        if let Some(v) = value {
            if v.is_sign_negative() && !v.is_zero() {
                return Err(
                    err!(InvalidOption, "`{name}` {v} is negative").at(format!("options.{name}"))
                );
            }
        }
    }
    let amounts = [
        ("fee_fixed", o.fee_fixed),
        ("fixed_sum", o.fixed_sum),
        ("net_principal", o.net_principal),
    ];
    for (name, value) in amounts {
        if let Some(v) = value {
            if v.is_sign_negative() && !v.is_zero() {
                return Err(
                    err!(InvalidOption, "`{name}` {v} is negative").at(format!("options.{name}"))
                );
            }
            crate::money::Money::new(v, req.currency)
                .require_minor_units()
                .map_err(|e| e.at(format!("options.{name}")))?;
        }
    }
    Ok(())
}
