//! Every template in every language and format; the formal notice's required content; escaping;
//! errors of user templates.

use proptest::prelude::*;
use serde_json::json;

use super::*;

/// A filled context: two late invoices with penalties and the fixed compensation, a plan, a
/// signatory, a formal notice sent earlier.
fn context(template: &str, language: Language) -> LetterContext {
    let (currency, regime, place) = match language {
        Language::Fr => ("EUR", "fr_b2b", "Paris"),
        Language::En => ("GBP", "uk_late_payment", "Leeds"),
        Language::De => ("EUR", "de_b2b", "Köln"),
    };
    let fixed = if language == Language::En {
        "70.00"
    } else {
        "40.00"
    };
    let total_fixed = if language == Language::En {
        "140.00"
    } else {
        "80.00"
    };
    let total = if language == Language::En {
        "3818.98"
    } else {
        "3758.98"
    };
    let (first, next) = if language == Language::En {
        ("1273.00", "1272.99")
    } else {
        ("1253.00", "1252.99")
    };
    serde_json::from_value(json!({
        "template": template,
        "language": language,
        "date": "2026-06-30",
        "place": place,
        "creditor": {"name": "Atelier Dupont SARL", "address_lines": ["12 rue des Lilas", "75011 Paris"],
                     "email": "compta@atelier-dupont.example", "phone": "01 23 45 67 89",
                     "registration": "SIREN 812 345 678", "iban": "FR76 3000 6000 0112 3456 7890 189",
                     "contact_person": "Claire Martin"},
        "debtor": {"name": "Client Industries SA", "address_lines": ["4 avenue Foch", "69006 Lyon"],
                   "contact_person": "M. Bernard", "registration": "SIREN 523 456 789"},
        "reference": "C-0042",
        "currency": currency,
        "invoices": [
            {"id": "F2026-0011", "issue_date": "2026-04-15", "due_date": "2026-05-15",
             "amount": "1234.56", "outstanding": "1234.56", "days_late": 46,
             "interest": "18.71", "fixed_compensation": fixed},
            {"id": "F2026-0012", "issue_date": "2026-04-30", "due_date": "2026-05-30",
             "amount": "3000.00", "outstanding": "2400.00", "days_late": 31,
             "interest": "25.71", "fixed_compensation": fixed}
        ],
        "totals": {"principal": "3634.56", "interest": "44.42", "fixed_compensation": total_fixed,
                   "total": total},
        "regime": regime,
        "rate_description": "taux BCE 2,15 % + 10 points = 12,15 %",
        "formal_notice_date": "2026-06-01",
        "instalments": [
            {"number": 1, "due_date": "2026-07-07", "amount": first},
            {"number": 2, "due_date": "2026-08-07", "amount": next},
            {"number": 3, "due_date": "2026-09-07", "amount": next}
        ],
        "signatory": {"name": "Jeanne Dupont", "title": "Gérante"}
    }))
    .unwrap()
}

#[test]
fn every_template_renders_in_every_language_and_format() {
    for id in TemplateId::ALL {
        for lang in Language::ALL {
            let ctx = context(id.as_str(), *lang);
            for format in [Format::Text, Format::Html] {
                let letter =
                    render(&ctx, format).unwrap_or_else(|e| panic!("{id} {lang} {format:?}: {e}"));
                assert!(!letter.subject.is_empty(), "{id} {lang}: no subject");
                assert!(!letter.subject.contains('\n'));
                assert_eq!(letter.template, id.as_str());
                assert_eq!(letter.language, *lang);
                assert_eq!(letter.format, format);
                assert!(
                    letter.missing.is_empty(),
                    "{id} {lang}: missing {:?}\n{}",
                    letter.missing,
                    letter.body
                );
                let email = matches!(id, TemplateId::ReminderPreDue | TemplateId::Reminder);
                assert!(
                    email || letter.body.contains("Client Industries SA"),
                    "{id} {lang}"
                );
                let content = letter.body.split("</head>").last().unwrap_or_default();
                assert!(
                    !content.contains("none"),
                    "{id} {lang}: a `none` printed\n{}",
                    letter.body
                );
                match format {
                    Format::Text => {
                        assert!(!letter.body.contains('<'), "{id} {lang}: markup in text");
                        assert!(!letter.body.contains("\n\n\n"));
                        assert!(letter.body.ends_with('\n') && !letter.body.ends_with("\n\n"));
                    }
                    Format::Html => {
                        assert!(letter.body.starts_with("<!DOCTYPE html>"), "{id} {lang}");
                        assert!(letter.body.trim_end().ends_with("</html>"));
                        assert!(!letter.body.contains("http"), "{id} {lang}: no network");
                        assert_eq!(
                            letter.body.matches("<p").count(),
                            letter.body.matches("</p>").count(),
                            "{id} {lang}: unbalanced paragraphs"
                        );
                    }
                }
            }
        }
    }
}

#[test]
#[ignore = "prints every letter; run with --ignored --nocapture to read them"]
fn print_all() {
    for id in TemplateId::ALL {
        for lang in Language::ALL {
            let letter = render(&context(id.as_str(), *lang), Format::Text).unwrap();
            println!(
                "===== {id} {lang}\nSubject: {}\n\n{}",
                letter.subject, letter.body
            );
        }
    }
}

/// With `trim_blocks`, a tag at the end of a line of text eats the line break: write `+%}` there.
/// Lines that output nothing (`endset`, `endmacro`) and lines followed by `{%-` are fine.
#[test]
fn no_line_of_text_ends_with_a_tag_that_eats_its_break() {
    let mut sources: Vec<(String, &str)> = templates::PARTS
        .iter()
        .map(|(n, s)| ((*n).to_string(), *s))
        .collect();
    for id in TemplateId::ALL {
        for lang in Language::ALL {
            sources.push((format!("{lang}/{id}"), id.source(*lang)));
        }
    }
    let mut bad = Vec::new();
    for (name, source) in &sources {
        let lines: Vec<&str> = source.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let l = line.trim_end();
            if !l.ends_with("%}") || l.ends_with("+%}") || l.ends_with("-%}") {
                continue;
            }
            if l.ends_with("endmacro %}") || l.ends_with("endset %}") {
                continue;
            }
            if lines
                .get(i + 1)
                .is_some_and(|n| n.trim_start().starts_with("{%-"))
            {
                continue;
            }
            let mut text = String::new();
            let mut rest = l;
            while let Some(start) = rest.find("{%") {
                text.push_str(&rest[..start]);
                match rest[start..].find("%}") {
                    Some(end) => rest = &rest[start + end + 2..],
                    None => break,
                }
            }
            text.push_str(rest);
            if !text.trim().is_empty() {
                bad.push(format!("{name}:{}: {l}", i + 1));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "end these lines with `+%}}`:\n{}",
        bad.join("\n")
    );
}
