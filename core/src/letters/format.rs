//! Amounts, dates and percentages written the way each language writes them in a letter.
//!
//! | | French | German | English |
//! |---|---|---|---|
//! | amount | `1 234,56 €` | `1.234,56 €` | `€1,234.56`, `£1,234.56` |
//! | other currency | `1 234,56 CHF` | `1.234,56 CHF` | `CHF 1,234.56` |
//! | date | `30 juin 2026`, `1er juin 2026` | `30. Juni 2026` | `30 June 2026` |
//! | percentage | `12,15 %` | `12,15 %` | `12.15%` |
//!
//! Nothing in an amount may break across lines: as in CLDR and French typography, the French
//! thousands separator is a narrow no-break space (U+202F), and the space between a number and its
//! currency or percent sign a no-break space (U+00A0; U+202F before `%` in French). Amounts are
//! written with the currency's minor units (rounded half away from zero if
//! they have more; a letter's context is checked to have none). The templates use these through
//! the filters `money`, `date` and `percent`.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::Language;
use crate::money::{Currency, RoundingMode};

/// Writes an amount in a currency as `language` does.
///
/// ```
/// use arrears::letters::{format::money, Language};
/// use arrears::money::Currency;
/// use rust_decimal_macros::dec;
/// assert_eq!(money(dec!(1234.56), Currency::EUR, Language::Fr), "1\u{202f}234,56\u{a0}€");
/// assert_eq!(money(dec!(1234.56), Currency::EUR, Language::De), "1.234,56\u{a0}€");
/// assert_eq!(money(dec!(1234.56), Currency::EUR, Language::En), "€1,234.56");
/// assert_eq!(money(dec!(1234.56), Currency::GBP, Language::En), "£1,234.56");
/// assert_eq!(money(dec!(-40), Currency::GBP, Language::En), "-£40.00");
/// assert_eq!(money(dec!(1234567.5), Currency::CHF, Language::En), "CHF\u{a0}1,234,567.50");
/// ```
pub fn money(amount: Decimal, currency: Currency, language: Language) -> String {
    let dp = currency.minor_units();
    let mut d = RoundingMode::HalfUp.round(amount, dp);
    d.rescale(dp);
    let negative = d.is_sign_negative() && !d.is_zero();
    let digits = d.abs().to_string();
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits.as_str(), None),
    };
    let (group_sep, decimal_sep) = match language {
        Language::Fr => ('\u{202f}', ','),
        Language::De => ('.', ','),
        Language::En => (',', '.'),
    };
    let mut number = group(int_part, group_sep);
    if let Some(f) = frac_part {
        number.push(decimal_sep);
        number.push_str(f);
    }
    let sign = if negative { "-" } else { "" };
    let symbol = symbol(currency);
    match language {
        Language::Fr | Language::De => {
            format!("{sign}{number}\u{a0}{}", symbol.unwrap_or(currency.code()))
        }
        Language::En => match symbol {
            Some(s) => format!("{sign}{s}{number}"),
            None => format!("{sign}{}\u{a0}{number}", currency.code()),
        },
    }
}

/// The symbol a letter writes for the three currencies whose symbol is unambiguous in these
/// languages; other currencies are written with their ISO code.
fn symbol(currency: Currency) -> Option<&'static str> {
    match currency.code() {
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "USD" => Some("$"),
        _ => None,
    }
}

/// Groups the digits of a non-negative integer written in ASCII by threes.
fn group(int_part: &str, sep: char) -> String {
    match int_part.parse::<Decimal>() {
        Ok(d) => crate::money::group_thousands(d, sep),
        Err(_) => int_part.to_string(),
    }
}

/// Writes a date as `language` does in a letter.
///
/// ```
/// use arrears::letters::{format::date, Language};
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
/// assert_eq!(date(d, Language::Fr), "30 juin 2026");
/// assert_eq!(date(d, Language::De), "30. Juni 2026");
/// assert_eq!(date(d, Language::En), "30 June 2026");
/// let first = NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
/// assert_eq!(date(first, Language::Fr), "1er août 2026");
/// ```
pub fn date(d: NaiveDate, language: Language) -> String {
    let (day, month, year) = (d.day(), d.month(), d.year());
    match language {
        Language::Fr if day == 1 => format!("1er {} {year}", month_name(month, language)),
        Language::Fr | Language::En => format!("{day} {} {year}", month_name(month, language)),
        Language::De => format!("{day}. {} {year}", month_name(month, language)),
    }
}

fn month_name(month: u32, language: Language) -> &'static str {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const DE: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = match language {
        Language::Fr => &FR,
        Language::De => &DE,
        Language::En => &EN,
    };
    let index = usize::try_from(month.saturating_sub(1)).unwrap_or(0);
    names.get(index).copied().unwrap_or("")
}

/// Writes a percentage (`12.15` means 12.15 %) as `language` does, without trailing zeros.
///
/// ```
/// use arrears::letters::{format::percent, Language};
/// use rust_decimal_macros::dec;
/// assert_eq!(percent(dec!(12.150), Language::Fr), "12,15\u{202f}%");
/// assert_eq!(percent(dec!(12.15), Language::De), "12,15\u{a0}%");
/// assert_eq!(percent(dec!(12.15), Language::En), "12.15%");
/// assert_eq!(percent(dec!(8), Language::En), "8%");
/// ```
pub fn percent(value: Decimal, language: Language) -> String {
    let s = value.normalize().to_string();
    match language {
        Language::Fr => format!("{}\u{202f}%", s.replace('.', ",")),
        Language::De => format!("{}\u{a0}%", s.replace('.', ",")),
        Language::En => format!("{s}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn amounts_group_thousands_and_keep_minor_units() {
        let eur = Currency::EUR;
        assert_eq!(money(dec!(0), eur, Language::Fr), "0,00\u{a0}€");
        assert_eq!(money(dec!(5), eur, Language::Fr), "5,00\u{a0}€");
        assert_eq!(money(dec!(999.99), eur, Language::Fr), "999,99\u{a0}€");
        assert_eq!(
            money(dec!(1000), eur, Language::Fr),
            "1\u{202f}000,00\u{a0}€"
        );
        assert_eq!(
            money(dec!(123456.7), eur, Language::Fr),
            "123\u{202f}456,70\u{a0}€"
        );
        assert_eq!(
            money(dec!(1234567.89), eur, Language::De),
            "1.234.567,89\u{a0}€"
        );
        assert_eq!(money(dec!(1234567.89), eur, Language::En), "€1,234,567.89");
        assert_eq!(
            money(dec!(-1234.5), eur, Language::Fr),
            "-1\u{202f}234,50\u{a0}€"
        );
        assert_eq!(money(dec!(-1234.5), eur, Language::De), "-1.234,50\u{a0}€");
    }

    #[test]
    fn amounts_round_half_away_from_zero_for_display() {
        assert_eq!(money(dec!(2.345), Currency::EUR, Language::En), "€2.35");
        assert_eq!(money(dec!(-2.345), Currency::EUR, Language::En), "-€2.35");
        // -0.001 rounds to zero: no minus sign on a zero amount.
        assert_eq!(
            money(dec!(-0.001), Currency::EUR, Language::Fr),
            "0,00\u{a0}€"
        );
    }

    #[test]
    fn currencies_without_a_symbol_use_their_code() {
        let jpy = Currency::from_code("JPY").unwrap();
        assert_eq!(
            money(dec!(1234567), jpy, Language::Fr),
            "1\u{202f}234\u{202f}567\u{a0}JPY"
        );
        assert_eq!(
            money(dec!(1234567), jpy, Language::En),
            "JPY\u{a0}1,234,567"
        );
        assert_eq!(money(dec!(12.5), Currency::USD, Language::En), "$12.50");
        assert_eq!(
            money(dec!(12.5), Currency::GBP, Language::Fr),
            "12,50\u{a0}£"
        );
        assert_eq!(
            money(dec!(1234.5), Currency::CHF, Language::De),
            "1.234,50\u{a0}CHF"
        );
    }

    #[test]
    fn dates_in_each_language() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(date(d(2026, 2, 1), Language::Fr), "1er février 2026");
        assert_eq!(date(d(2026, 12, 31), Language::Fr), "31 décembre 2026");
        assert_eq!(date(d(2026, 3, 1), Language::De), "1. März 2026");
        assert_eq!(date(d(2026, 3, 1), Language::En), "1 March 2026");
        for m in 1..=12 {
            for l in Language::ALL {
                assert!(!month_name(m, *l).is_empty());
            }
        }
    }

    #[test]
    fn grouping() {
        assert_eq!(group("1", ' '), "1");
        assert_eq!(group("123", ' '), "123");
        assert_eq!(group("1234", ' '), "1 234");
        assert_eq!(group("123456", '.'), "123.456");
        assert_eq!(group("1234567", ','), "1,234,567");
    }
}
