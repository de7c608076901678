//! The JSON form of [`PaymentTerms`]: a mirror that serde derives, converted with validation.
//!
//! The mirror reads day counts as `i64` so that `-5` or `100000` reach the range check and come
//! out as `terms.invalid` rather than as a generic shape error; `Immediate {}` is a struct variant
//! because serde lets a unit variant of an internally tagged enum swallow unknown fields, and a
//! typo such as `{"kind": "immediate", "days": 30}` must be an error, not an immediate invoice.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{
    check_count, check_day_of_month, check_days, DepositSize, EomMethod, InstalmentPart,
    Instalments, PaymentTerms, Period,
};
use crate::error::{err, Error, Result};

/// A validation error on its way through serde: displayed as `[code] message` so that
/// `ops::request` recovers the code (see [`crate::document::de_error`]).
#[derive(Debug)]
pub(crate) struct ReprError(Error);

impl fmt::Display for ReprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.0.code(), self.0.message())
    }
}

impl From<Error> for ReprError {
    fn from(e: Error) -> Self {
        ReprError(e)
    }
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

fn immediate() -> Box<PaymentTerms> {
    Box::new(PaymentTerms::Immediate)
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub(crate) enum TermsRepr {
    Immediate {},
    NetDays {
        #[cfg_attr(feature = "schemas", schemars(range(min = 0, max = 3650)))]
        days: i64,
    },
    DaysEndOfMonth {
        #[cfg_attr(feature = "schemas", schemars(range(min = 0, max = 3650)))]
        days: i64,
        method: EomMethod,
    },
    EndOfMonth {
        #[serde(default, skip_serializing_if = "is_zero")]
        #[cfg_attr(feature = "schemas", schemars(range(min = 0, max = 3650)))]
        after_days: i64,
        #[serde(default)]
        #[cfg_attr(feature = "schemas", schemars(range(min = 0, max = 3650)))]
        plus_days: i64,
    },
    DayOfFollowingMonth {
        #[cfg_attr(feature = "schemas", schemars(range(min = 1, max = 31)))]
        day: i64,
    },
    Deposit {
        #[serde(
            default,
            with = "crate::money::decimal_string::option",
            skip_serializing_if = "Option::is_none"
        )]
        #[cfg_attr(
            feature = "schemas",
            schemars(with = "Option<crate::document::DecimalString>")
        )]
        share_percent: Option<Decimal>,
        #[serde(
            default,
            with = "crate::money::decimal_string::option",
            skip_serializing_if = "Option::is_none"
        )]
        #[cfg_attr(
            feature = "schemas",
            schemars(with = "Option<crate::document::DecimalString>")
        )]
        amount: Option<Decimal>,
        #[serde(default = "immediate")]
        deposit_terms: Box<PaymentTerms>,
        balance_terms: Box<PaymentTerms>,
    },
    Instalments {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "schemas", schemars(range(min = 1, max = 120)))]
        count: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        first: Option<Box<PaymentTerms>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        every: Option<EveryRepr>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parts: Option<Vec<PartRepr>>,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemas", schemars(rename = "InstalmentPeriod"))]
#[serde(deny_unknown_fields)]
pub(crate) struct EveryRepr {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    months: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    days: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemas", schemars(rename = "InstalmentPart"))]
#[serde(deny_unknown_fields)]
pub(crate) struct PartRepr {
    #[serde(with = "crate::money::decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    share_percent: Decimal,
    terms: PaymentTerms,
}

fn days(what: &str, n: i64) -> Result<u32> {
    check_days(what, n)?;
    u32::try_from(n).map_err(|_| err!(InvalidTerms, "{what} out of range"))
}

fn to_u32(what: &str, n: i64) -> Result<u32> {
    u32::try_from(n).map_err(|_| err!(InvalidTerms, "{what} out of range: {n}"))
}

impl TryFrom<TermsRepr> for PaymentTerms {
    type Error = ReprError;

    fn try_from(r: TermsRepr) -> std::result::Result<Self, ReprError> {
        let terms = match r {
            TermsRepr::Immediate {} => PaymentTerms::Immediate,
            TermsRepr::NetDays { days: d } => PaymentTerms::NetDays {
                days: days("days", d)?,
            },
            TermsRepr::DaysEndOfMonth { days: d, method } => PaymentTerms::DaysEndOfMonth {
                days: days("days", d)?,
                method,
            },
            TermsRepr::EndOfMonth {
                after_days,
                plus_days,
            } => PaymentTerms::EndOfMonth {
                after_days: days("after_days", after_days)?,
                plus_days: days("plus_days", plus_days)?,
            },
            TermsRepr::DayOfFollowingMonth { day } => {
                check_day_of_month(day)?;
                PaymentTerms::DayOfFollowingMonth {
                    day: to_u32("day", day)?,
                }
            }
            TermsRepr::Deposit {
                share_percent,
                amount,
                deposit_terms,
                balance_terms,
            } => {
                let size = match (share_percent, amount) {
                    (Some(p), None) => DepositSize::SharePercent(p),
                    (None, Some(a)) => DepositSize::Amount(a),
                    _ => {
                        return Err(err!(
                            InvalidTerms,
                            "a deposit needs exactly one of `share_percent` and `amount`"
                        )
                        .into())
                    }
                };
                PaymentTerms::Deposit(super::Deposit {
                    size,
                    deposit_terms,
                    balance_terms,
                })
            }
            TermsRepr::Instalments {
                count,
                first,
                every,
                parts,
            } => match (count, parts) {
                (Some(count), None) => {
                    check_count(count)?;
                    let count = to_u32("count", count)?;
                    let every = match every {
                        Some(EveryRepr {
                            months: Some(m),
                            days: None,
                        }) => Period::Months(to_u32("every.months", m)?),
                        Some(EveryRepr {
                            months: None,
                            days: Some(d),
                        }) => Period::Days(to_u32("every.days", d)?),
                        // One instalment needs no interval.
                        None if count == 1 => Period::Months(1),
                        _ => {
                            return Err(err!(
                                InvalidTerms,
                                "regular instalments need `every` with exactly one of `months` and `days`"
                            )
                            .into())
                        }
                    };
                    PaymentTerms::Instalments(Instalments::Regular {
                        count,
                        first: first.unwrap_or_else(immediate),
                        every,
                    })
                }
                (None, Some(parts)) if first.is_none() && every.is_none() => {
                    PaymentTerms::Instalments(Instalments::Parts(
                        parts
                            .into_iter()
                            .map(|p| InstalmentPart {
                                share_percent: p.share_percent,
                                terms: p.terms,
                            })
                            .collect(),
                    ))
                }
                _ => {
                    return Err(err!(
                        InvalidTerms,
                        "instalments take either `count` and `every` (with an optional `first`) or `parts`"
                    )
                    .into())
                }
            },
        };
        terms.validate()?;
        Ok(terms)
    }
}

impl From<PaymentTerms> for TermsRepr {
    fn from(t: PaymentTerms) -> Self {
        match t {
            PaymentTerms::Immediate => TermsRepr::Immediate {},
            PaymentTerms::NetDays { days } => TermsRepr::NetDays {
                days: i64::from(days),
            },
            PaymentTerms::DaysEndOfMonth { days, method } => TermsRepr::DaysEndOfMonth {
                days: i64::from(days),
                method,
            },
            PaymentTerms::EndOfMonth {
                after_days,
                plus_days,
            } => TermsRepr::EndOfMonth {
                after_days: i64::from(after_days),
                plus_days: i64::from(plus_days),
            },
            PaymentTerms::DayOfFollowingMonth { day } => TermsRepr::DayOfFollowingMonth {
                day: i64::from(day),
            },
            PaymentTerms::Deposit(d) => {
                let (share_percent, amount) = match d.size {
                    DepositSize::SharePercent(p) => (Some(p), None),
                    DepositSize::Amount(a) => (None, Some(a)),
                };
                TermsRepr::Deposit {
                    share_percent,
                    amount,
                    deposit_terms: d.deposit_terms,
                    balance_terms: d.balance_terms,
                }
            }
            PaymentTerms::Instalments(Instalments::Regular {
                count,
                first,
                every,
            }) => TermsRepr::Instalments {
                count: Some(i64::from(count)),
                first: Some(first),
                every: Some(match every {
                    Period::Months(m) => EveryRepr {
                        months: Some(i64::from(m)),
                        days: None,
                    },
                    Period::Days(d) => EveryRepr {
                        months: None,
                        days: Some(i64::from(d)),
                    },
                }),
                parts: None,
            },
            PaymentTerms::Instalments(Instalments::Parts(parts)) => TermsRepr::Instalments {
                count: None,
                first: None,
                every: None,
                parts: Some(
                    parts
                        .into_iter()
                        .map(|p| PartRepr {
                            share_percent: p.share_percent,
                            terms: p.terms,
                        })
                        .collect(),
                ),
            },
        }
    }
}
