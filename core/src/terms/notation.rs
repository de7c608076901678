//! Payment terms written the way invoices and customer files write them: `net 30`, `30 jours
//! nets`, `45 jours fin de mois`, `fin de mois le 10`, `le 10 du mois suivant`, `comptant`.
//!
//! The grammar (`docs/terms.md` §Short notation) is small and closed: a text either reads as one
//! of the forms below or is refused with `terms.invalid`, naming the forms; nothing is guessed.
//! Case, accents, extra spaces, a final period and the words `à`, `a`, `de`, `payable`,
//! `paiement`, `règlement` in front are ignored. `N` is a whole number of days (`30`, `30j`), `D`
//! a day of the month (`10`, `10th`, `1er`).
//!
//! | text | terms |
//! |---|---|
//! | `comptant`, `paiement comptant`, `à réception`, `immediate`, `due on receipt`, `cash`, `0` | [`PaymentTerms::Immediate`] |
//! | `N`, `net N`, `N net`, `N jours`, `N jours nets`, `N j`, `N days`, `net N days` | [`PaymentTerms::NetDays`] |
//! | `N jours fin de mois`, `N j fdm` | [`PaymentTerms::DaysEndOfMonth`], method A (`days_then_end_of_month`) |
//! | `N eom`, `net N eom`, `N days end of month` | [`PaymentTerms::EndOfMonth`] (`plus_days` N): method B, as English trade usage reads "net 30 EOM" |
//! | `fin de mois`, `fdm`, `end of month`, `eom` | [`PaymentTerms::EndOfMonth`] (`plus_days` 0) |
//! | `fin de mois le D` (D at most 28), `fin de mois + D`, `fin de mois + D jours`, `end of month + D days` | [`PaymentTerms::EndOfMonth`] (`plus_days` D): method B when D is a term ("fin de mois + 45 jours") |
//! | `N jours fin de mois le D`, `N days end of month + D` | [`PaymentTerms::EndOfMonth`] (`after_days` N, `plus_days` D) |
//! | `le D du mois suivant`, `D du mois suivant`, `D of the following month`, `Dth of next month` | [`PaymentTerms::DayOfFollowingMonth`] |
//!
//! **"N jours fin de mois" reads as method A** (issue date + N days, then the end of that month),
//! in the order its words say; French practice accepts both methods and the contract chooses
//! (docs/legal-rates.md §1.1), so write `fin de mois + N jours` for method B. The parsed terms
//! are written out as a terms document wherever they are used (an imported ledger's invoices
//! carry their due dates and terms), so the reading is always visible.
//!
//! ```
//! use arrears::terms::{EomMethod, PaymentTerms};
//! assert_eq!(PaymentTerms::from_notation("30 jours nets")?, PaymentTerms::NetDays { days: 30 });
//! assert_eq!(PaymentTerms::from_notation("Net 60")?, PaymentTerms::NetDays { days: 60 });
//! assert_eq!(
//!     PaymentTerms::from_notation("45 jours fin de mois")?,
//!     PaymentTerms::DaysEndOfMonth { days: 45, method: EomMethod::DaysThenEndOfMonth }
//! );
//! assert_eq!(
//!     PaymentTerms::from_notation("fin de mois le 10")?,
//!     PaymentTerms::EndOfMonth { after_days: 0, plus_days: 10 }
//! );
//! assert_eq!(PaymentTerms::from_notation("le 10 du mois suivant")?, PaymentTerms::DayOfFollowingMonth { day: 10 });
//! assert_eq!(PaymentTerms::from_notation("à réception")?, PaymentTerms::Immediate);
//! let e = PaymentTerms::from_notation("30 jours environ").unwrap_err();
//! assert_eq!(e.code().as_str(), "terms.invalid");
//! # Ok::<(), arrears::Error>(())
//! ```

use super::{EomMethod, PaymentTerms};
use crate::error::{err, Result};

/// The forms, for the error message.
const FORMS: &str = "`net 30`, `30 jours nets`, `45 jours fin de mois`, `fin de mois le 10`, \
`fin de mois + 45 jours`, `30 jours fin de mois le 10`, `le 10 du mois suivant`, `comptant` \
(docs/terms.md §Short notation)";

/// Lower case, accents off, punctuation other than `+` to spaces, words split.
fn words(text: &str) -> Vec<String> {
    let mut clean = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            '+' => {
                clean.push_str(" + ");
                continue;
            }
            // "10th", "1er" stay together, and so does a sign ("-30" is refused, not read as 30);
            // everything else separates words.
            c if c.is_alphanumeric() || c == '-' => c,
            _ => ' ',
        };
        clean.push(c);
    }
    const FILLER: &[&str] = &["a", "de", "payable", "paiement", "reglement", "at"];
    let all: Vec<String> = clean.split_whitespace().map(str::to_string).collect();
    // Filler words only at the front ("paiement à 30 jours"). "le" and "the" are not filler: "le
    // 10" alone names a day, not ten days, and is refused.
    let lead = all
        .iter()
        .take_while(|w| FILLER.contains(&w.as_str()))
        .count();
    all.into_iter().skip(lead).collect()
}

/// A whole number with one of the given suffixes.
fn with_suffix(word: &str, suffixes: &[&str]) -> Option<u32> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let rest = word.get(digits.len()..).unwrap_or("");
    if digits.is_empty() || !suffixes.contains(&rest) {
        return None;
    }
    digits.parse().ok()
}

/// A number of days (`30`, `30j`).
fn number(word: &str) -> Option<u32> {
    with_suffix(word, &["", "j", "jrs", "d"])
}

/// A day of the month (`10`, `10th`, `1er`, `2e`).
fn day(word: &str) -> Option<u32> {
    with_suffix(word, &["", "th", "st", "nd", "rd", "er", "e"])
}

fn is_days(w: &str) -> bool {
    matches!(w, "jours" | "jour" | "j" | "jrs" | "days" | "day" | "d")
}

/// `fin de mois`, `fdm`, `end of month`, `eom` at the start of `w`: how many words it takes, and
/// whether it is the English form.
fn end_of_month(w: &[&str]) -> Option<(usize, bool)> {
    match w {
        ["fin", "de", "mois", ..] => Some((3, false)),
        ["fin", "mois", ..] => Some((2, false)),
        ["fdm" | "fm", ..] => Some((1, false)),
        ["end", "of", "the", "month", ..] => Some((4, true)),
        ["end", "of", "month", ..] => Some((3, true)),
        ["eom", ..] => Some((1, true)),
        _ => None,
    }
}

/// After an end of month: nothing, `le D` (the D-th of the next month: D at most 28, so that it
/// is that month's day whatever its length; `le D du mois suivant` for later days), `+ D`,
/// `+ D jours`.
fn plus_days(w: &[&str]) -> Option<u32> {
    match w {
        [] => Some(0),
        ["le" | "the", d] => day(d).filter(|d| (1..=28).contains(d)),
        ["+", d] | ["+", d, "jours" | "jour" | "j" | "days" | "day"] => number(d),
        _ => None,
    }
}

fn parse(w: &[&str]) -> Option<PaymentTerms> {
    use PaymentTerms::*;
    match w {
        ["comptant"]
        | ["immediate"]
        | ["immediat"]
        | ["cash"]
        | ["reception"]
        | ["a", "reception"]
        | ["due", "on", "receipt"]
        | ["on", "receipt"] => return Some(Immediate),
        _ => {}
    }
    // "le 10 du mois suivant", "10 du mois suivant", "10th of the following month".
    let w = match w {
        ["le" | "the", d, rest @ ..] if !rest.is_empty() && day(d).is_some() => w.get(1..)?,
        _ => w,
    };
    if let [d, rest @ ..] = w {
        let following = matches!(
            rest,
            ["du", "mois", "suivant"]
                | ["of", "following", "month"]
                | ["of", "the", "following", "month"]
                | ["of", "next", "month"]
                | ["of", "the", "next", "month"]
        );
        if following {
            return day(d).map(|day| DayOfFollowingMonth { day });
        }
    }
    // "fin de mois", "fin de mois le 10", "fin de mois + 45 jours".
    if let Some((n, _)) = end_of_month(w) {
        return plus_days(w.get(n..)?).map(|plus_days| EndOfMonth {
            after_days: 0,
            plus_days,
        });
    }
    // "net 30", "net 30 days", "net 30 eom".
    if let ["net", n, rest @ ..] = w {
        let days = number(n)?;
        return match rest {
            [] | ["jours" | "days" | "j"] => Some(if days == 0 {
                Immediate
            } else {
                NetDays { days }
            }),
            _ => match end_of_month(rest)? {
                (k, true) if k == rest.len() => Some(EndOfMonth {
                    after_days: 0,
                    plus_days: days,
                }),
                _ => None,
            },
        };
    }
    // "30", "30 jours", "30 jours nets", "30 net", "45 jours fin de mois (le 10)".
    let (n, rest) = w.split_first()?;
    let days = number(n)?;
    let rest = match rest {
        [d, more @ ..] if is_days(d) => more,
        _ => rest,
    };
    match rest {
        [] | ["net" | "nets" | "nette" | "nettes"] => Some(if days == 0 {
            Immediate
        } else {
            NetDays { days }
        }),
        _ => {
            let (eom, english) = end_of_month(rest)?;
            match (plus_days(rest.get(eom..)?)?, english) {
                // "30 EOM", "30 days end of month": in English trade usage, the end of the month
                // and then the days (method B).
                (0, true) => Some(EndOfMonth {
                    after_days: 0,
                    plus_days: days,
                }),
                // "45 jours fin de mois": the days, then the end of that month (method A).
                (0, false) => Some(DaysEndOfMonth {
                    days,
                    method: EomMethod::DaysThenEndOfMonth,
                }),
                (plus_days, _) => Some(EndOfMonth {
                    after_days: days,
                    plus_days,
                }),
            }
        }
    }
}

impl PaymentTerms {
    /// Reads payment terms written in the short notation of this module (`net 30`, `45 jours fin
    /// de mois`, ...): the terms, checked as any terms are.
    ///
    /// # Errors
    /// `terms.invalid` for a text that is none of the forms (the message lists them), or for
    /// terms out of range (more than 3,650 days, a day of month over 31).
    ///
    /// ```
    /// use arrears::terms::PaymentTerms;
    /// assert_eq!(PaymentTerms::from_notation("30 days end of month + 10")?,
    ///            PaymentTerms::EndOfMonth { after_days: 30, plus_days: 10 });
    /// assert!(PaymentTerms::from_notation("net 9999").is_err());
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn from_notation(text: &str) -> Result<PaymentTerms> {
        let owned = words(text);
        let w: Vec<&str> = owned.iter().map(String::as_str).collect();
        let terms = parse(&w).ok_or_else(|| {
            err!(
                InvalidTerms,
                "{text:?} is not a payment term this library reads; write one of {FORMS}, or a terms document"
            )
        })?;
        terms.validate()?;
        Ok(terms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PaymentTerms::*;

    fn read(text: &str) -> PaymentTerms {
        PaymentTerms::from_notation(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
    }

    #[test]
    fn every_documented_form() {
        let a = |days| DaysEndOfMonth {
            days,
            method: EomMethod::DaysThenEndOfMonth,
        };
        let eom = |after_days, plus_days| EndOfMonth {
            after_days,
            plus_days,
        };
        let cases = [
            ("comptant", Immediate),
            ("Paiement comptant", Immediate),
            ("à réception", Immediate),
            ("Payable à réception.", Immediate),
            ("due on receipt", Immediate),
            ("0", Immediate),
            ("net 0", Immediate),
            ("30", NetDays { days: 30 }),
            ("net 30", NetDays { days: 30 }),
            ("Net 30 days", NetDays { days: 30 }),
            ("30 net", NetDays { days: 30 }),
            ("30 jours", NetDays { days: 30 }),
            ("30 jours nets", NetDays { days: 30 }),
            ("30j", NetDays { days: 30 }),
            ("à 60 jours", NetDays { days: 60 }),
            ("60 days", NetDays { days: 60 }),
            ("45 jours fin de mois", a(45)),
            ("45 j fdm", a(45)),
            ("45 JOURS FIN DE MOIS", a(45)),
            ("45 days end of month", eom(0, 45)),
            ("45 eom", eom(0, 45)),
            ("Net 30 EOM", eom(0, 30)),
            ("fin de mois", eom(0, 0)),
            ("FDM", eom(0, 0)),
            ("end of month", eom(0, 0)),
            ("fin de mois le 10", eom(0, 10)),
            ("fin de mois + 10", eom(0, 10)),
            ("fin de mois + 45 jours", eom(0, 45)),
            ("end of month + 45 days", eom(0, 45)),
            ("30 jours fin de mois le 10", eom(30, 10)),
            ("30 days end of month + 10", eom(30, 10)),
            ("le 10 du mois suivant", DayOfFollowingMonth { day: 10 }),
            ("10 du mois suivant", DayOfFollowingMonth { day: 10 }),
            (
                "10th of the following month",
                DayOfFollowingMonth { day: 10 },
            ),
            ("15 of next month", DayOfFollowingMonth { day: 15 }),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), want, "{text:?}");
        }
    }

    #[test]
    fn anything_else_is_refused_not_guessed() {
        for text in [
            "",
            "net",
            "trente jours",
            "30 jours environ",
            "30 jours fin de semaine",
            "fin de mois le",
            "le 32 du mois suivant",
            "net 4000",
            "-30",
            "30.5 jours",
            "30 jours nets + 10",
            "le 10",
            "payable le 15",
            "the 15th",
            "10th",
            "1er",
            "fin de mois le 30",
            "net 30 fin de mois",
        ] {
            let Err(e) = PaymentTerms::from_notation(text) else {
                panic!("{text:?} was read");
            };
            assert_eq!(e.code().as_str(), "terms.invalid", "{text:?}");
        }
    }
}
