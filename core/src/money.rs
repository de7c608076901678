//! Money: an exact decimal amount in an ISO 4217 currency, explicit rounding, exact splitting.
//!
//! Amounts are [`rust_decimal::Decimal`] (28 significant digits), never floats. A [`Currency`] knows
//! its minor unit (2 for EUR, 0 for JPY, 3 for KWD, 4 for CLF) from the ISO 4217 list; rounding
//! always names its [`RoundingMode`]; arithmetic is checked and refuses to mix currencies;
//! [`Money::allocate`] and [`Money::split`] divide an amount into parts that sum exactly to it.
//!
//! # Example
//! ```
//! use arrears::money::{Money, RoundingMode};
//! use rust_decimal_macros::dec;
//!
//! let fee = Money::parse("100.00", "EUR")?;
//! let thirds = fee.split(3)?;
//! let shown: Vec<String> = thirds.iter().map(|m| m.amount().to_string()).collect();
//! assert_eq!(shown, ["33.34", "33.33", "33.33"]);
//!
//! let interest = Money::parse("17.479452", "EUR")?.round(RoundingMode::HalfUp);
//! assert_eq!(interest.amount(), dec!(17.48));
//! # Ok::<(), arrears::Error>(())
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{err, Error, Result};

mod currencies;

/// An ISO 4217 currency with its minor unit.
///
/// Only active codes with a defined minor unit are known (precious metals, SDR and test codes
/// have none and cannot be invoiced). Serialises as its three-letter code.
///
/// ```
/// use arrears::money::Currency;
/// let eur = Currency::from_code("EUR")?;
/// assert_eq!(eur.minor_units(), 2);
/// assert_eq!(Currency::from_code("JPY")?.minor_units(), 0);
/// assert_eq!(Currency::from_code("KWD")?.minor_units(), 3);
/// assert!(Currency::from_code("XAU").is_err());
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct Currency(&'static currencies::Def);

// A currency is its ISO code: comparing the three letters (not the whole list row, names included)
// keeps equality cheap in the batch engine's loops.
impl PartialEq for Currency {
    fn eq(&self, other: &Self) -> bool {
        self.0.code == other.0.code
    }
}

impl Eq for Currency {}

impl std::hash::Hash for Currency {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.code.hash(state);
    }
}

impl PartialOrd for Currency {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Currency {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.code.cmp(other.0.code)
    }
}

impl Currency {
    /// The euro.
    pub const EUR: Currency = Currency(&currencies::EUR);
    /// The pound sterling.
    pub const GBP: Currency = Currency(&currencies::GBP);
    /// The US dollar.
    pub const USD: Currency = Currency(&currencies::USD);
    /// The Swiss franc.
    pub const CHF: Currency = Currency(&currencies::CHF);

    /// Looks up an active ISO 4217 alphabetic code (upper case, as the standard writes it).
    ///
    /// # Errors
    /// `money.unknown_currency` when the code is not in the list.
    pub fn from_code(code: &str) -> Result<Currency> {
        currencies::find(code).map(Currency).ok_or_else(|| {
            let hint = if currencies::find(&code.to_ascii_uppercase()).is_some() {
                " (currency codes are upper case)"
            } else {
                ""
            };
            err!(UnknownCurrency, "unknown currency code {code:?}{hint}")
        })
    }

    /// The alphabetic code, e.g. `"EUR"`.
    pub fn code(self) -> &'static str {
        self.0.code
    }

    /// The number of decimal places of the minor unit (2 for cents).
    pub fn minor_units(self) -> u32 {
        u32::from(self.0.minor_units)
    }

    /// The English name from the ISO list.
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// Every known currency, sorted by code.
    ///
    /// ```
    /// assert!(arrears::money::Currency::all().count() > 150);
    /// ```
    pub fn all() -> impl Iterator<Item = Currency> {
        currencies::ALL.iter().map(Currency)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Currency::from_code(s)
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Currency::from_code(&s).map_err(crate::document::de_error)
    }
}

/// How to round to a number of decimal places. Always explicit: the crate never rounds silently.
///
/// | mode | 2.345 → | −2.345 → | 2.355 → |
/// |---|---|---|---|
/// | `half_up` | 2.35 | −2.35 | 2.36 |
/// | `half_even` | 2.34 | −2.34 | 2.36 |
/// | `down` | 2.34 | −2.34 | 2.35 |
/// | `up` | 2.35 | −2.35 | 2.36 |
///
/// `half_up` is commercial rounding (a half goes away from zero), the rule French, German and UK
/// practice applies to interest amounts; `half_even` is banker's rounding.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// Round half away from zero (commercial rounding).
    #[default]
    HalfUp,
    /// Round half to the nearest even digit (banker's rounding).
    HalfEven,
    /// Truncate toward zero.
    Down,
    /// Round away from zero.
    Up,
}

impl RoundingMode {
    fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Down => RoundingStrategy::ToZero,
            RoundingMode::Up => RoundingStrategy::AwayFromZero,
        }
    }

    /// Rounds a decimal to `dp` places with this mode.
    ///
    /// ```
    /// use arrears::money::RoundingMode;
    /// use rust_decimal_macros::dec;
    /// assert_eq!(RoundingMode::HalfEven.round(dec!(2.345), 2), dec!(2.34));
    /// assert_eq!(RoundingMode::HalfUp.round(dec!(-2.345), 2), dec!(-2.35));
    /// ```
    pub fn round(self, value: Decimal, dp: u32) -> Decimal {
        value.round_dp_with_strategy(dp, self.strategy())
    }
}

/// An amount in a currency.
///
/// Serialises as `{"amount": "12.50", "currency": "EUR"}`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    #[serde(with = "decimal_string")]
    amount: Decimal,
    currency: Currency,
}

impl Money {
    /// An amount in a currency, as given (not rounded).
    pub fn new(amount: Decimal, currency: Currency) -> Money {
        Money { amount, currency }
    }

    /// Zero in a currency.
    pub fn zero(currency: Currency) -> Money {
        Money::new(Decimal::ZERO, currency)
    }

    /// Parses a decimal string (see [`parse_decimal`]) and a currency code.
    ///
    /// # Errors
    /// `money.invalid_amount` or `money.unknown_currency`.
    pub fn parse(amount: &str, currency: &str) -> Result<Money> {
        Ok(Money::new(
            parse_decimal(amount)?,
            Currency::from_code(currency)?,
        ))
    }

    /// The decimal amount.
    pub fn amount(self) -> Decimal {
        self.amount
    }

    /// The currency.
    pub fn currency(self) -> Currency {
        self.currency
    }

    /// `true` when the amount is zero.
    pub fn is_zero(self) -> bool {
        self.amount.is_zero()
    }

    /// `true` when the amount is below zero.
    pub fn is_negative(self) -> bool {
        self.amount.is_sign_negative() && !self.amount.is_zero()
    }

    /// `true` when the amount is above zero.
    pub fn is_positive(self) -> bool {
        self.amount.is_sign_positive() && !self.amount.is_zero()
    }

    fn same_currency(self, other: Money) -> Result<()> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(err!(
                CurrencyMismatch,
                "cannot combine {} and {} amounts",
                self.currency,
                other.currency
            ))
        }
    }

    /// `self + other`.
    ///
    /// # Errors
    /// `money.currency_mismatch`, `money.overflow`.
    ///
    /// ```
    /// use arrears::money::Money;
    /// let a = Money::parse("10.10", "EUR")?;
    /// assert_eq!(a.checked_add(Money::parse("0.90", "EUR")?)?.amount().to_string(), "11.00");
    /// assert_eq!(a.checked_add(Money::parse("1", "GBP")?).unwrap_err().code().as_str(),
    ///            "money.currency_mismatch");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn checked_add(self, other: Money) -> Result<Money> {
        self.same_currency(other)?;
        let amount = self
            .amount
            .checked_add(other.amount)
            .ok_or_else(|| err!(Overflow, "{self} + {other} overflows"))?;
        Ok(Money::new(amount, self.currency))
    }

    /// `self - other`.
    ///
    /// # Errors
    /// `money.currency_mismatch`, `money.overflow`.
    pub fn checked_sub(self, other: Money) -> Result<Money> {
        self.same_currency(other)?;
        let amount = self
            .amount
            .checked_sub(other.amount)
            .ok_or_else(|| err!(Overflow, "{self} - {other} overflows"))?;
        Ok(Money::new(amount, self.currency))
    }

    /// `self × factor`, unrounded.
    ///
    /// # Errors
    /// `money.overflow`.
    pub fn checked_mul(self, factor: Decimal) -> Result<Money> {
        let amount = self
            .amount
            .checked_mul(factor)
            .ok_or_else(|| err!(Overflow, "{self} × {factor} overflows"))?;
        Ok(Money::new(amount, self.currency))
    }

    /// The smaller of two amounts in the same currency.
    ///
    /// # Errors
    /// `money.currency_mismatch`.
    pub fn checked_min(self, other: Money) -> Result<Money> {
        self.same_currency(other)?;
        Ok(if other.amount < self.amount {
            other
        } else {
            self
        })
    }

    /// Compares two amounts in the same currency.
    ///
    /// # Errors
    /// `money.currency_mismatch`.
    pub fn checked_cmp(self, other: Money) -> Result<Ordering> {
        self.same_currency(other)?;
        Ok(self.amount.cmp(&other.amount))
    }

    /// Rounds to the currency's minor unit.
    ///
    /// ```
    /// use arrears::money::{Money, RoundingMode};
    /// let m = Money::parse("2.345", "EUR")?;
    /// assert_eq!(m.round(RoundingMode::HalfUp).amount().to_string(), "2.35");
    /// assert_eq!(m.round(RoundingMode::HalfEven).amount().to_string(), "2.34");
    /// assert_eq!(Money::parse("1234.5", "JPY")?.round(RoundingMode::Down).amount().to_string(), "1234");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    #[must_use]
    pub fn round(self, mode: RoundingMode) -> Money {
        Money::new(
            mode.round(self.amount, self.currency.minor_units()),
            self.currency,
        )
    }

    /// The amount written with exactly the currency's number of decimals (`"12.50"` for EUR),
    /// without rounding when it already fits; otherwise rounded half-up.
    ///
    /// ```
    /// use arrears::money::Money;
    /// assert_eq!(Money::parse("12.5", "EUR")?.to_minor_string(), "12.50");
    /// assert_eq!(Money::parse("7", "KWD")?.to_minor_string(), "7.000");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn to_minor_string(self) -> String {
        format_amount(self.amount, self.currency)
    }

    /// `true` when the amount has no more decimals than the currency's minor unit.
    pub fn is_in_minor_units(self) -> bool {
        let mu = self.currency.minor_units();
        self.amount.normalize().scale() <= mu
    }

    /// Requires the amount to be exact in minor units.
    ///
    /// # Errors
    /// `money.not_in_minor_units`.
    pub fn require_minor_units(self) -> Result<Money> {
        if self.is_in_minor_units() {
            Ok(self)
        } else {
            Err(err!(
                NotInMinorUnits,
                "{} has more than {} decimal places",
                self.amount,
                self.currency.minor_units()
            ))
        }
    }

    /// The amount as an integer count of minor units (cents).
    fn to_minor_units(self) -> Result<i128> {
        let m = self.require_minor_units()?;
        let mut d = m.amount;
        d.rescale(self.currency.minor_units());
        Ok(d.mantissa())
    }

    fn from_minor_units(units: i128, currency: Currency) -> Result<Money> {
        let d = Decimal::try_from_i128_with_scale(units, currency.minor_units()).map_err(|_| {
            err!(
                Overflow,
                "{units} minor units of {currency} is out of range"
            )
        })?;
        Ok(Money::new(d, currency))
    }

    /// Splits into `parts` amounts that differ by at most one minor unit and sum exactly to
    /// `self`; the first parts get the extra units (the usual convention for instalments: the
    /// first instalment carries the odd cent).
    ///
    /// # Errors
    /// `money.invalid_split` for zero parts; `money.not_in_minor_units` when `self` is not exact.
    ///
    /// ```
    /// use arrears::money::Money;
    /// let parts = Money::parse("10000.00", "EUR")?.split(4)?;
    /// assert!(parts.iter().all(|p| p.amount().to_string() == "2500.00"));
    /// let parts = Money::parse("0.05", "EUR")?.split(3)?;
    /// let shown: Vec<String> = parts.iter().map(|p| p.amount().to_string()).collect();
    /// assert_eq!(shown, ["0.02", "0.02", "0.01"]);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn split(self, parts: u32) -> Result<Vec<Money>> {
        if parts == 0 {
            return Err(err!(InvalidSplit, "cannot split into zero parts"));
        }
        let weights: Vec<Decimal> = (0..parts).map(|_| Decimal::ONE).collect();
        self.allocate(&weights)
    }

    /// Divides the amount in proportion to `weights` (non-negative, not all zero) by the
    /// largest-remainder method: each part first gets its share rounded toward zero in minor
    /// units, then the units left over go one each to the parts with the largest remainders (the
    /// earlier part on a tie). The parts always sum exactly to `self`; a zero weight always gets
    /// zero. A negative amount is split like its absolute value, then negated.
    ///
    /// # Errors
    /// `money.invalid_split` (no weights, a negative weight, all zero), `money.not_in_minor_units`,
    /// `money.overflow`.
    ///
    /// ```
    /// use arrears::money::Money;
    /// use rust_decimal_macros::dec;
    /// // A 30 % deposit and a 70 % balance on 1,000.01 EUR.
    /// let parts = Money::parse("1000.01", "EUR")?.allocate(&[dec!(30), dec!(70)])?;
    /// assert_eq!(parts[0].amount(), dec!(300.00));
    /// assert_eq!(parts[1].amount(), dec!(700.01));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn allocate(self, weights: &[Decimal]) -> Result<Vec<Money>> {
        if weights.is_empty() {
            return Err(err!(InvalidSplit, "no weights to allocate by"));
        }
        if let Some(w) = weights
            .iter()
            .find(|w| w.is_sign_negative() && !w.is_zero())
        {
            return Err(err!(InvalidSplit, "weight {w} is negative"));
        }
        let units = self.to_minor_units()?;
        let negative = units < 0;
        let units = units
            .checked_abs()
            .ok_or_else(|| err!(Overflow, "amount out of range"))?;

        // Bring every weight to one common scale so they become integers.
        let scale = weights.iter().map(|w| w.scale()).max().unwrap_or(0);
        let mut ints = Vec::with_capacity(weights.len());
        for w in weights {
            let mut w = *w;
            w.rescale(scale);
            ints.push(w.mantissa());
        }
        let total: i128 = ints
            .iter()
            .try_fold(0i128, |acc, w| acc.checked_add(*w))
            .ok_or_else(|| err!(Overflow, "weights too large"))?;
        if total == 0 {
            return Err(err!(InvalidSplit, "weights sum to zero"));
        }

        let overflow = || err!(Overflow, "allocation of {self} overflows");
        let mut shares = Vec::with_capacity(ints.len());
        let mut remainders = Vec::with_capacity(ints.len());
        let mut given: i128 = 0;
        for w in &ints {
            let product = units.checked_mul(*w).ok_or_else(overflow)?;
            let q = product.checked_div(total).ok_or_else(overflow)?;
            let r = product.checked_rem(total).ok_or_else(overflow)?;
            given = given.checked_add(q).ok_or_else(overflow)?;
            shares.push(q);
            remainders.push(r);
        }
        let leftover = units.checked_sub(given).ok_or_else(overflow)?;
        // Indices by remainder, largest first; the sort is stable so ties keep input order.
        let mut order: Vec<usize> = (0..ints.len()).collect();
        order.sort_by(|a, b| {
            let ra = remainders.get(*a).copied().unwrap_or(0);
            let rb = remainders.get(*b).copied().unwrap_or(0);
            rb.cmp(&ra)
        });
        let leftover = usize::try_from(leftover).map_err(|_| overflow())?;
        for i in order.into_iter().take(leftover) {
            if let Some(s) = shares.get_mut(i) {
                *s = s.checked_add(1).ok_or_else(overflow)?;
            }
        }
        shares
            .into_iter()
            .map(|s| {
                let s = if negative {
                    s.checked_neg().ok_or_else(overflow)?
                } else {
                    s
                };
                Money::from_minor_units(s, self.currency)
            })
            .collect()
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

impl fmt::Debug for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

/// Writes an amount with exactly the currency's number of decimals, rounding half-up if it has
/// more (for display; computations round explicitly before they get here).
///
/// ```
/// use arrears::money::{format_amount, Currency};
/// use rust_decimal_macros::dec;
/// assert_eq!(format_amount(dec!(5), Currency::EUR), "5.00");
/// ```
pub fn format_amount(amount: Decimal, currency: Currency) -> String {
    let mut d = RoundingMode::HalfUp.round(amount, currency.minor_units());
    d.rescale(currency.minor_units());
    d.to_string()
}

/// Writes a decimal with its integer digits grouped by threes (`12345.6`, `,` → `12,345.6`), for
/// people reading a report; documents keep plain decimal strings.
///
/// ```
/// use arrears::money::group_thousands;
/// use rust_decimal_macros::dec;
/// assert_eq!(group_thousands(dec!(1234567.89), ','), "1,234,567.89");
/// assert_eq!(group_thousands(dec!(-1000.00), ' '), "-1 000.00");
/// assert_eq!(group_thousands(dec!(0.99), ','), "0.99");
/// ```
pub fn group_thousands(d: Decimal, separator: char) -> String {
    let s = d.to_string();
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let len = int.len();
    let mut grouped = String::with_capacity(len.saturating_add(len / 3));
    for (i, c) in int.chars().enumerate() {
        if i > 0 && len.saturating_sub(i) % 3 == 0 {
            grouped.push(separator);
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Parses a decimal written the way documents write it: an optional `-`, digits, optionally a
/// `.` and more digits. Thousands separators, exponents, spaces, `+`, `_`, `NaN` and `inf` are
/// refused, so nothing is guessed.
///
/// # Errors
/// `money.invalid_amount`.
///
/// ```
/// use arrears::money::parse_decimal;
/// assert_eq!(parse_decimal("-1234.50")?.to_string(), "-1234.50");
/// assert!(parse_decimal("1,234.50").is_err());
/// assert!(parse_decimal("12,50").is_err());
/// assert!(parse_decimal("1e3").is_err());
/// assert!(parse_decimal("NaN").is_err());
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn parse_decimal(s: &str) -> Result<Decimal> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let ok = all_digits(int) && frac.is_none_or(all_digits);
    if !ok {
        let hint = if s.contains(',') {
            " (use '.' as the decimal separator)"
        } else {
            ""
        };
        return Err(err!(InvalidAmount, "{s:?} is not a decimal number{hint}"));
    }
    Decimal::from_str_exact(s)
        .map_err(|e| err!(InvalidAmount, "{s:?} is not a usable decimal: {e}"))
}

/// Serde helpers for decimals written as strings (`"1234.50"`), strictly: JSON numbers are
/// refused because a JSON float may already have lost the cents.
pub mod decimal_string {
    use super::*;

    /// Serialises a decimal as a string.
    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    /// Deserialises a decimal from a string in the strict form of [`parse_decimal`].
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Decimal, D::Error> {
        let s = StrictString::deserialize(d)?;
        parse_decimal(&s.0).map_err(crate::document::de_error)
    }

    /// Same for `Option<Decimal>` (absent or `null` is `None`).
    pub mod option {
        use super::*;

        /// Serialises `Some(d)` as a string and `None` as `null`.
        pub fn serialize<S: Serializer>(
            d: &Option<Decimal>,
            s: S,
        ) -> std::result::Result<S::Ok, S::Error> {
            match d {
                Some(d) => s.collect_str(d),
                None => s.serialize_none(),
            }
        }

        /// Deserialises `null` or a strict decimal string.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> std::result::Result<Option<Decimal>, D::Error> {
            match Option::<StrictString>::deserialize(d)? {
                Some(s) => parse_decimal(&s.0)
                    .map(Some)
                    .map_err(crate::document::de_error),
                None => Ok(None),
            }
        }
    }

    fn number_refused<E: serde::de::Error>(v: impl fmt::Display) -> E {
        crate::document::de_error(err!(
            InvalidAmount,
            "amounts are decimal strings, not JSON numbers: write \"{v}\" (with quotes)"
        ))
    }

    /// A string that says, when it gets a number, why numbers are refused.
    struct StrictString(String);

    impl<'de> Deserialize<'de> for StrictString {
        fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
            struct V;
            impl serde::de::Visitor<'_> for V {
                type Value = StrictString;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a decimal written as a string, e.g. \"1234.50\"")
                }
                fn visit_str<E: serde::de::Error>(
                    self,
                    v: &str,
                ) -> std::result::Result<Self::Value, E> {
                    Ok(StrictString(v.to_string()))
                }
                fn visit_f64<E: serde::de::Error>(
                    self,
                    v: f64,
                ) -> std::result::Result<Self::Value, E> {
                    Err(number_refused(v))
                }
                fn visit_i64<E: serde::de::Error>(
                    self,
                    v: i64,
                ) -> std::result::Result<Self::Value, E> {
                    Err(number_refused(v))
                }
                fn visit_u64<E: serde::de::Error>(
                    self,
                    v: u64,
                ) -> std::result::Result<Self::Value, E> {
                    Err(number_refused(v))
                }
            }
            d.deserialize_any(V)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn eur(s: &str) -> Money {
        Money::parse(s, "EUR").unwrap()
    }

    #[test]
    fn rounding_table_from_the_docs() {
        let cases = [
            (RoundingMode::HalfUp, dec!(2.345), dec!(2.35)),
            (RoundingMode::HalfUp, dec!(-2.345), dec!(-2.35)),
            (RoundingMode::HalfEven, dec!(2.345), dec!(2.34)),
            (RoundingMode::HalfEven, dec!(2.355), dec!(2.36)),
            (RoundingMode::Down, dec!(2.349), dec!(2.34)),
            (RoundingMode::Down, dec!(-2.349), dec!(-2.34)),
            (RoundingMode::Up, dec!(2.341), dec!(2.35)),
            (RoundingMode::Up, dec!(-2.341), dec!(-2.35)),
        ];
        for (mode, input, expected) in cases {
            assert_eq!(mode.round(input, 2), expected, "{mode:?} {input}");
        }
    }

    #[test]
    fn mixing_currencies_is_refused() {
        let e = eur("1")
            .checked_sub(Money::parse("1", "GBP").unwrap())
            .unwrap_err();
        assert_eq!(e.code(), crate::Code::CurrencyMismatch);
    }

    #[test]
    fn split_needs_exact_minor_units() {
        let e = eur("1.005").split(2).unwrap_err();
        assert_eq!(e.code(), crate::Code::NotInMinorUnits);
    }

    #[test]
    fn allocate_negative_amount_mirrors_positive() {
        let parts = eur("-0.05").split(3).unwrap();
        let got: Vec<Decimal> = parts.iter().map(|m| m.amount()).collect();
        assert_eq!(got, vec![dec!(-0.02), dec!(-0.02), dec!(-0.01)]);
    }

    #[test]
    fn allocate_zero_weight_gets_nothing() {
        // 0.01 by weights 0, 1, 1: the zero weight gets 0, the cent goes to the first non-zero.
        let parts = eur("0.01").allocate(&[dec!(0), dec!(1), dec!(1)]).unwrap();
        let got: Vec<Decimal> = parts.iter().map(|m| m.amount()).collect();
        assert_eq!(got, vec![dec!(0), dec!(0.01), dec!(0)]);
    }

    #[test]
    fn allocate_rejects_bad_weights() {
        assert_eq!(
            eur("1").allocate(&[]).unwrap_err().code(),
            crate::Code::InvalidSplit
        );
        assert_eq!(
            eur("1").allocate(&[dec!(0)]).unwrap_err().code(),
            crate::Code::InvalidSplit
        );
        assert_eq!(
            eur("1").allocate(&[dec!(-1), dec!(2)]).unwrap_err().code(),
            crate::Code::InvalidSplit
        );
    }

    #[test]
    fn decimal_strings_only_in_documents() {
        let ok: Money = serde_json::from_str(r#"{"amount":"12.50","currency":"EUR"}"#).unwrap();
        assert_eq!(ok.amount(), dec!(12.50));
        let e = serde_json::from_str::<Money>(r#"{"amount":12.5,"currency":"EUR"}"#).unwrap_err();
        assert!(e.to_string().contains("decimal strings"), "{e}");
        assert!(serde_json::from_str::<Money>(r#"{"amount":"12.5","currency":"EUX"}"#).is_err());
    }

    #[test]
    fn every_currency_round_trips() {
        for c in Currency::all() {
            assert_eq!(Currency::from_code(c.code()).unwrap(), c);
            assert!(c.minor_units() <= 4, "{c}");
        }
        assert_eq!(
            Currency::from_code("eur").unwrap_err().code(),
            crate::Code::UnknownCurrency
        );
    }

    proptest! {
        #[test]
        fn allocation_conserves_money(cents in -1_000_000_000i64..1_000_000_000,
                                      weights in proptest::collection::vec(0u32..1000, 1..12)) {
            prop_assume!(weights.iter().any(|w| *w > 0));
            let m = Money::new(Decimal::new(cents, 2), Currency::EUR);
            let ws: Vec<Decimal> = weights.iter().map(|w| Decimal::from(*w)).collect();
            let parts = m.allocate(&ws).unwrap();
            prop_assert_eq!(parts.len(), ws.len());
            let sum = parts.iter().fold(Decimal::ZERO, |a, p| a + p.amount());
            prop_assert_eq!(sum, m.amount());
            for (p, w) in parts.iter().zip(&ws) {
                prop_assert!(p.is_in_minor_units());
                if w.is_zero() { prop_assert!(p.is_zero()); }
                // Each part is within one cent of its exact share.
                let exact = m.amount() * *w / ws.iter().copied().sum::<Decimal>();
                prop_assert!((p.amount() - exact).abs() < dec!(0.01));
            }
        }

        #[test]
        fn split_parts_differ_by_at_most_one_unit(cents in 0i64..1_000_000_000, n in 1u32..40) {
            let m = Money::new(Decimal::new(cents, 2), Currency::EUR);
            let parts = m.split(n).unwrap();
            let max = parts.iter().map(|p| p.amount()).max().unwrap();
            let min = parts.iter().map(|p| p.amount()).min().unwrap();
            prop_assert!(max - min <= dec!(0.01));
            prop_assert_eq!(parts.iter().map(|p| p.amount()).sum::<Decimal>(), m.amount());
        }
    }
}

/// Request and response documents of the `split` operation.
pub mod ops {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Serialize};

    use super::{Currency, Money};
    use crate::error::{err, Result};

    /// `split` request: an amount and either a number of equal `parts` or a list of `weights`.
    #[derive(Debug, Clone, Deserialize, Serialize)]
    #[serde(deny_unknown_fields)]
    pub struct SplitRequest {
        /// The amount to split, exact in the currency's minor unit.
        #[serde(with = "super::decimal_string")]
        pub amount: Decimal,
        /// Its currency.
        pub currency: Currency,
        /// Split into this many equal parts (differing by at most one minor unit).
        #[serde(default)]
        pub parts: Option<u32>,
        /// Or split in proportion to these non-negative weights.
        #[serde(default)]
        pub weights: Option<Vec<WeightString>>,
    }

    /// A weight written as a decimal string.
    #[derive(Debug, Clone, Deserialize, Serialize)]
    #[serde(transparent)]
    pub struct WeightString(#[serde(with = "super::decimal_string")] pub Decimal);

    /// `split` response.
    #[derive(Debug, Clone, Serialize, Deserialize)]
    pub struct SplitResponse {
        /// The currency of the parts.
        pub currency: Currency,
        /// The parts, as decimal strings with the currency's decimals; they sum to the amount.
        pub parts: Vec<String>,
    }

    /// Runs `split`.
    ///
    /// # Errors
    /// `input.invalid_value` when both or neither of `parts` and `weights` are given; the errors
    /// of [`Money::split`] and [`Money::allocate`].
    pub fn split(req: SplitRequest) -> Result<SplitResponse> {
        let money = Money::new(req.amount, req.currency);
        let parts = match (req.parts, req.weights) {
            (Some(n), None) => money.split(n)?,
            (None, Some(w)) => {
                let w: Vec<Decimal> = w.into_iter().map(|w| w.0).collect();
                money.allocate(&w)?
            }
            _ => return Err(err!(InvalidValue, "give either `parts` or `weights`")),
        };
        Ok(SplitResponse {
            currency: req.currency,
            parts: parts.into_iter().map(Money::to_minor_string).collect(),
        })
    }
}
