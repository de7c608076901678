//! A figure that may be undefined, and the checked arithmetic the KPI modules share.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{err, Error, Result};
use crate::money::{decimal_string, Currency, RoundingMode};

/// A KPI value that may be undefined.
///
/// A ratio whose denominator is zero (DSO without sales, a Gini coefficient over one customer)
/// is never a division by zero: `value` is `null` and `reason` says why with a stable code (see
/// `docs/kpi.md`), `detail` in words. A defined figure has a `value` and no reason.
///
/// ```
/// use arrears::kpi::Figure;
/// use rust_decimal_macros::dec;
/// let f = Figure::defined(dec!(30.00));
/// assert_eq!(serde_json::to_value(&f).unwrap(), serde_json::json!({"value": "30.00"}));
/// let u = Figure::undefined("no_credit_sales", "no credit sales in the period");
/// assert_eq!(serde_json::to_value(&u).unwrap()["value"], serde_json::Value::Null);
/// assert_eq!(u.reason.as_deref(), Some("no_credit_sales"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "A KPI value that may be undefined. A ratio whose denominator is zero is never a division by zero: `value` is `null` and `reason` says why with a stable code (docs/kpi.md), `detail` in words. A defined figure has a `value` and no reason."
    )
)]
pub struct Figure {
    /// The value (days, a percentage or a ratio, as the field says), or `null`.
    #[serde(default, with = "decimal_string::option")]
    #[cfg_attr(
        feature = "schemas",
        schemars(with = "Option<crate::document::DecimalString>")
    )]
    pub value: Option<Decimal>,
    /// Why the value is undefined: a stable snake_case code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The reason in words (wording may change; the code does not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Figure {
    /// A defined figure.
    pub fn defined(value: Decimal) -> Figure {
        Figure {
            value: Some(value),
            reason: None,
            detail: None,
        }
    }

    /// An undefined figure with its reason code and an explanation.
    pub fn undefined(reason: &str, detail: impl Into<String>) -> Figure {
        Figure {
            value: None,
            reason: Some(reason.to_string()),
            detail: Some(detail.into()),
        }
    }

    /// `Some(value)` when defined, otherwise the undefined figure built by `reason`.
    pub(crate) fn or_undefined(value: Option<Decimal>, reason: &str, detail: &str) -> Figure {
        match value {
            Some(v) => Figure::defined(v),
            None => Figure {
                value: None,
                reason: Some(reason.to_string()),
                detail: Some(detail.to_string()).filter(|d| !d.is_empty()),
            },
        }
    }

    /// `true` when the figure has a value.
    pub fn is_defined(&self) -> bool {
        self.value.is_some()
    }
}

pub(crate) fn overflow(what: &str) -> Error {
    err!(Overflow, "{what} overflows")
}

pub(crate) fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(|| overflow("a KPI sum"))
}

pub(crate) fn sub(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_sub(b).ok_or_else(|| overflow("a KPI difference"))
}

pub(crate) fn mul(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_mul(b).ok_or_else(|| overflow("a KPI product"))
}

/// `num × factor / den`, multiplied first so that exact results stay exact, rounded half-up to
/// two places; `None` when `den` is zero (or negative: no KPI divides by a negative amount).
pub(crate) fn scaled_ratio(num: Decimal, factor: Decimal, den: Decimal) -> Result<Option<Decimal>> {
    if den <= Decimal::ZERO {
        return Ok(None);
    }
    let top = mul(num, factor)?;
    Ok(top.checked_div(den).map(super::two_places))
}

/// `num / den × 100`, two places half-up; `None` when `den` is not positive.
pub(crate) fn percent(num: Decimal, den: Decimal) -> Result<Option<Decimal>> {
    scaled_ratio(num, Decimal::ONE_HUNDRED, den)
}

/// An amount rounded half-up to the currency's minor unit and written with all its decimals.
pub(crate) fn round_money(amount: Decimal, currency: Currency) -> Decimal {
    let mut r = RoundingMode::HalfUp.round(amount, currency.minor_units());
    r.rescale(currency.minor_units());
    r
}

/// Rounds half-up to `dp` places and writes them all.
pub(crate) fn round_places(d: Decimal, dp: u32) -> Decimal {
    let mut r = RoundingMode::HalfUp.round(d, dp);
    r.rescale(dp);
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn ratios_never_divide_by_zero() {
        assert_eq!(percent(dec!(1), Decimal::ZERO).unwrap(), None);
        assert_eq!(percent(dec!(1), dec!(-1)).unwrap(), None);
        assert_eq!(percent(dec!(1), dec!(3)).unwrap(), Some(dec!(33.33)));
        assert_eq!(percent(dec!(2), dec!(3)).unwrap(), Some(dec!(66.67)));
        assert_eq!(
            scaled_ratio(dec!(3000), dec!(90), dec!(9000)).unwrap(),
            Some(dec!(30.00))
        );
    }

    #[test]
    fn half_up_at_the_cent() {
        assert_eq!(round_money(dec!(0.125), Currency::EUR).to_string(), "0.13");
        assert_eq!(round_money(dec!(7), Currency::EUR).to_string(), "7.00");
        assert_eq!(round_places(dec!(0.33335), 4).to_string(), "0.3334");
    }
}
