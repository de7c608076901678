//! Every template in every language and format; the formal notice's required content; escaping;
//! errors of user templates.

use proptest::prelude::*;
use serde_json::json;

use super::*;
use crate::error::Code;

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

fn text(template: &str, language: Language) -> Letter {
    render(&context(template, language), Format::Text).unwrap()
}

#[test]
fn french_formal_notice_has_every_required_element() {
    let l = text("formal_notice", Language::Fr);
    for needle in [
        "mise en demeure",
        "Lettre recommandée avec accusé de réception",
        "Paris, le 30 juin 2026",
        "Atelier Dupont SARL",
        "Client Industries SA",
        "4 avenue Foch",
        "F2026-0011",
        "F2026-0012",
        "Principal restant dû : 3\u{202f}634,56\u{a0}€",
        "Pénalités de retard (art. L441-10 C. com.) : 44,42\u{a0}€",
        "(art. D441-5 C. com.) : 80,00\u{a0}€",
        "Total dû : 3\u{202f}758,98\u{a0}€",
        "40\u{a0}€ est en outre due pour chaque facture",
        "au plus tard le 8 juillet 2026",
        "injonction de payer",
        "frais de procédure soient mis à votre charge",
        "article 1344 du Code civil",
        "Jeanne Dupont\nGérante\nAtelier Dupont SARL",
    ] {
        assert!(l.body.contains(needle), "missing {needle:?}\n{}", l.body);
    }
    assert_eq!(l.subject, "Mise en demeure de payer");
    assert_eq!(l.checks, TemplateId::FormalNotice.required().to_vec());
    assert!(l.missing.is_empty());
}

#[test]
fn english_letter_before_action_follows_the_pre_action_practice_direction() {
    let l = text("formal_notice", Language::En);
    for needle in [
        "This is a letter before action.",
        "Practice Direction on Pre-Action Conduct and Protocols",
        "by 14 July 2026",
        "£3,818.98",
        "Statutory interest (Late Payment of Commercial Debts (Interest) Act 1998): £44.42",
        "Fixed-sum compensation (section 5A of the Act): £140.00",
        "issue a claim against you in the County Court",
        "our costs",
        "payment plan or mediation",
        "Dear M. Bernard,",
        "Yours sincerely,",
    ] {
        assert!(l.body.contains(needle), "missing {needle:?}\n{}", l.body);
    }
    // The English letter has no place and no registered-letter line to require.
    assert!(!l.checks.contains(&Element::Place));
    assert!(!l.checks.contains(&Element::RegisteredLetter));
    assert!(l.missing.is_empty());
}

#[test]
fn german_letzte_mahnung_cites_section_288() {
    let l = text("formal_notice", Language::De);
    for needle in [
        "Letzte Mahnung",
        "Einschreiben mit Rückschein",
        "Köln, 30. Juni 2026",
        "Verzugszinsen (§ 288 BGB): 44,42\u{a0}€",
        "Pauschale (§ 288 Abs. 5 BGB): 80,00\u{a0}€",
        "Pauschale von 40 Euro",
        "Gesamtbetrag: 3.758,98\u{a0}€",
        "bis spätestens zum 10. Juli 2026",
        "gerichtliche Mahnverfahren",
        "Kosten",
        "Mit freundlichen Grüßen",
    ] {
        assert!(l.body.contains(needle), "missing {needle:?}\n{}", l.body);
    }
    assert!(l.missing.is_empty());
}

#[test]
fn amounts_and_dates_are_written_per_language() {
    let fr = text("statement_of_account", Language::Fr).body;
    assert!(
        fr.contains("1\u{202f}234,56\u{a0}€")
            && fr.contains("15 avril 2026")
            && fr.contains("au 30 juin 2026")
    );
    let de = text("statement_of_account", Language::De).body;
    assert!(
        de.contains("1.234,56\u{a0}€")
            && de.contains("15. April 2026")
            && de.contains("zum 30. Juni 2026")
    );
    let en = text("statement_of_account", Language::En).body;
    assert!(
        en.contains("£1,234.56")
            && en.contains("15 April 2026")
            && en.contains("as at 30 June 2026")
    );
    // The instalments of a plan, with the first of the month in French.
    let mut ctx = context("payment_plan_offer", Language::Fr);
    ctx.instalments[0].due_date = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
    let plan = render(&ctx, Format::Text).unwrap().body;
    assert!(
        plan.contains("Échéance n° 1 : 1\u{202f}253,00\u{a0}€ le 1er juillet 2026"),
        "{plan}"
    );
}

#[test]
fn the_formal_notice_deadline_defaults_per_language_and_an_explicit_one_is_kept() {
    for (lang, expected) in [
        (Language::Fr, "8 juillet 2026"),
        (Language::En, "14 July 2026"),
        (Language::De, "10. Juli 2026"),
    ] {
        assert!(
            text("formal_notice", lang).body.contains(expected),
            "{lang}"
        );
    }
    let mut ctx = context("formal_notice", Language::Fr);
    ctx.deadline = NaiveDate::from_ymd_opt(2026, 7, 15);
    let l = render(&ctx, Format::Text).unwrap();
    assert!(l.body.contains("au plus tard le 15 juillet 2026"));
    // Other letters get no invented deadline.
    let l = text("reminder", Language::Fr);
    assert!(l.body.contains("dans les meilleurs délais") && !l.body.contains("au plus tard"));
}

#[test]
fn a_formal_notice_without_place_or_signatory_reports_them_missing() {
    let mut ctx = context("formal_notice", Language::Fr);
    ctx.place = None;
    ctx.signatory = None;
    let l = render(&ctx, Format::Text).unwrap();
    assert!(l.body.contains("Le 30 juin 2026"));
    assert_eq!(l.missing, vec![Element::Place, Element::Signature]);
    assert!(!l.checks.contains(&Element::Place));
}

#[test]
fn penalties_and_indemnity_are_required_only_when_claimed() {
    let mut ctx = context("penalty_letter", Language::De);
    ctx.regime = Some(Regime::DeConsumer);
    for inv in &mut ctx.invoices {
        inv.fixed_compensation = Decimal::ZERO;
    }
    ctx.totals = None; // recomputed from the invoices
    let l = render(&ctx, Format::Text).unwrap();
    assert!(!l.checks.contains(&Element::Indemnity));
    assert!(l.missing.is_empty(), "{:?}", l.missing);
    assert!(l.body.contains("§ 288 Abs. 1 BGB") && !l.body.contains("Pauschale"));
    assert!(
        l.body.contains("Gesamtbetrag: 3.678,98\u{a0}€"),
        "{}",
        l.body
    );
}

#[test]
fn totals_default_to_the_sums_over_the_invoices() {
    let mut ctx = context("statement_of_account", Language::Fr);
    ctx.totals = None;
    let l = render(&ctx, Format::Text).unwrap();
    assert!(l.body.contains("Total dû : 3\u{202f}758,98\u{a0}€"));
}

#[test]
fn an_invoice_not_yet_due_shows_no_delay_or_penalty() {
    let mut ctx = context("reminder_pre_due", Language::Fr);
    ctx.invoices.truncate(1);
    ctx.invoices[0].days_late = -3;
    ctx.invoices[0].interest = Decimal::ZERO;
    ctx.invoices[0].fixed_compensation = Decimal::ZERO;
    ctx.totals = None;
    let l = render(&ctx, Format::Html).unwrap();
    assert!(!l.body.contains("Pénalités") && !l.body.contains("Retard"));
    assert_eq!(l.subject, "Rappel d'échéance – facture F2026-0011");
}

const HOSTILE: &str = "<script>alert(1)</script> & Co";

#[test]
fn html_escapes_every_value_and_text_keeps_it_verbatim() {
    for id in TemplateId::ALL {
        for lang in Language::ALL {
            let mut ctx = context(id.as_str(), *lang);
            ctx.debtor.name = HOSTILE.to_string();
            ctx.creditor.name = format!("{HOSTILE} \"Ltd\"");
            ctx.reference = Some("<b>REF</b>".into());
            let html = render(&ctx, Format::Html).unwrap();
            assert!(!html.body.contains("<script>"), "{id} {lang}");
            assert!(!html.body.contains("<b>"), "{id} {lang}");
            assert!(
                !html.body.contains("&amp;lt;"),
                "{id} {lang}: escaped twice"
            );
            assert!(
                html.body
                    .contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt; &amp; Co"),
                "{id} {lang}"
            );
            let text = render(&ctx, Format::Text).unwrap();
            let email = matches!(id, TemplateId::ReminderPreDue | TemplateId::Reminder);
            assert!(email || text.body.contains(HOSTILE), "{id} {lang}");
            let memo = *id == TemplateId::WriteOffProposal; // internal: no creditor named
            assert!(
                memo || text.body.contains("<script>alert(1)</script> & Co \"Ltd\""),
                "{id} {lang}"
            );
            // The subject is plain text in both formats.
            assert_eq!(html.subject, text.subject);
            assert!(text.missing.is_empty(), "{id} {lang}: {:?}", text.missing);
        }
    }
}

#[test]
fn unknown_template_is_a_coded_error() {
    let ctx = context("mise_en_demeure", Language::Fr);
    let e = render(&ctx, Format::Text).unwrap_err();
    assert_eq!(e.code(), Code::UnknownTemplate);
    assert_eq!(e.path(), Some("template"));
    assert!(e.message().contains("formal_notice"));
}

#[test]
fn a_context_that_would_print_something_wrong_is_refused() {
    let mut ctx = context("reminder", Language::Fr);
    ctx.totals.as_mut().unwrap().total = Decimal::new(100, 2);
    let e = render(&ctx, Format::Text).unwrap_err();
    assert_eq!(e.code(), Code::InvalidValue);
    assert_eq!(e.path(), Some("totals.total"));

    let mut ctx = context("reminder", Language::Fr);
    ctx.debtor.name = "  ".into();
    ctx.invoices[1].outstanding = Decimal::new(-1, 0);
    ctx.invoices[0].interest = Decimal::new(1234, 3);
    let e = render(&ctx, Format::Text).unwrap_err();
    let codes: Vec<(Code, Option<String>)> = e
        .problems()
        .iter()
        .map(|p| (p.code, p.path.clone()))
        .collect();
    assert_eq!(
        codes,
        vec![
            (Code::InvalidValue, Some("debtor.name".into())),
            (Code::NotInMinorUnits, Some("invoices[0].interest".into())),
            (Code::NegativeAmount, Some("invoices[1].outstanding".into())),
        ]
    );
}

#[test]
fn custom_templates_get_the_same_context_filters_and_parts() {
    let ctx = context("formal_notice", Language::Fr);
    let body = r#"{% include "_head" %}{% import "fr/_labels" as l %}
{% include "_letterhead" %}
{% filter blocks %}
{{ l.salutation() }}

Objet précis : {{ subject }}. Nous vous mettons en demeure de payer {{ totals.total|money }} avant le {{ deadline|date }}.
{% endfilter %}
{% include "_foot" %}"#;
    let l = render_custom(&ctx, "MISE EN DEMEURE {{ reference }}", body, Format::Text).unwrap();
    assert_eq!(l.subject, "MISE EN DEMEURE C-0042");
    assert!(l.body.contains("Objet précis : MISE EN DEMEURE C-0042. Nous vous mettons en demeure de payer 3\u{202f}758,98\u{a0}€ avant le 8 juillet 2026."));
    // The custom letter is checked against the formal notice's requirements.
    assert!(l.missing.contains(&Element::Consequence));
    assert!(l.checks.contains(&Element::Deadline));
    let html = render_custom(&ctx, "<b>{{ debtor.name }}</b>", body, Format::Html).unwrap();
    assert_eq!(html.subject, "<b>Client Industries SA</b>");
    assert!(html
        .body
        .contains("<title>&lt;b&gt;Client Industries SA&lt;&#x2f;b&gt;</title>"));
    // An unknown id gives no checks, and no error.
    let mut ctx = context("my_letter", Language::En);
    ctx.deadline = None;
    let l = render_custom(&ctx, "s", "{{ creditor.name }}", Format::Text).unwrap();
    assert_eq!(l.body, "Atelier Dupont SARL\n");
    assert!(l.checks.is_empty() && l.missing.is_empty());
}

#[test]
fn broken_user_templates_are_coded_errors_with_the_line() {
    let ctx = context("reminder", Language::En);
    let cases = [
        ("{% if %}", "syntax"),
        ("line one\n{{ debtor.nmae }}", "undefined"),
        ("{{ nothing_here }}", "undefined"),
        ("{{ \"12,50\"|money }}", "decimal"),
        ("{{ \"2026-02-30\"|date }}", "28 days"),
        (
            "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
            "fuel",
        ),
        (
            "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
            "recursion",
        ),
    ];
    for (body, hint) in cases {
        let e = render_custom(&ctx, "subject", body, Format::Html).unwrap_err();
        assert_eq!(e.code(), Code::RenderFailed, "{body}");
        assert!(
            e.message().to_lowercase().contains(hint),
            "{body}: {}",
            e.message()
        );
    }
    let e = render_custom(&ctx, "line one\n{{ debtor.nmae }}", "body", Format::Text).unwrap_err();
    assert!(e.message().contains("subject template"), "{}", e.message());
    assert!(e.message().contains(":2"), "{}", e.message());
    assert!(
        e.message().contains("`{{ debtor.nmae }}`"),
        "{}",
        e.message()
    );
}

#[test]
fn the_context_round_trips_through_json() {
    let ctx = context("formal_notice", Language::De);
    let json = serde_json::to_value(&ctx).unwrap();
    let back: LetterContext = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, ctx);
    assert_eq!(json["invoices"][0]["amount"], "1234.56");
    assert_eq!(json["date"], "2026-06-30");
}

#[test]
fn the_letter_operation_runs_through_the_dispatcher() {
    let ctx = serde_json::to_value(context("court_file", Language::Fr)).unwrap();
    let out = crate::run("letter", &json!({"context": ctx, "format": "html"})).unwrap();
    assert_eq!(out["template"], "court_file");
    assert_eq!(out["format"], "html");
    assert_eq!(out["language"], "fr");
    assert_eq!(out["missing"], json!([]));
    let e = crate::run("letter", &json!({"context": {"template": "reminder"}})).unwrap_err();
    assert_eq!(e.code(), Code::InvalidDocument);
}

/// Names that start with a letter (so that they cannot open a list or heading inside a paragraph)
/// and may contain every character HTML gives a meaning to.
fn hostile_name() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z0-9 <>&\"'/=;]{0,24}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn html_never_lets_markup_from_names_through(
        creditor in hostile_name(),
        debtor in hostile_name(),
        contact in hostile_name(),
        address in hostile_name(),
        template in 0usize..12,
        language in 0usize..3,
    ) {
        let id = TemplateId::ALL[template];
        let lang = Language::ALL[language];
        let mut ctx = context(id.as_str(), lang);
        ctx.creditor.name = creditor;
        ctx.debtor.name = debtor;
        ctx.debtor.contact_person = Some(contact);
        ctx.debtor.address_lines[0] = address;
        ctx.signatory = Some(Signatory { name: "Jeanne Dupont".into(), title: None });
        let mut plain = context(id.as_str(), lang);
        plain.signatory = ctx.signatory.clone();
        let baseline = render(&plain, Format::Html).unwrap();
        let html = render(&ctx, Format::Html).unwrap();
        // The names add text, never markup: as many `<`, `>` and `"` as with plain names.
        for c in ['<', '>', '"'] {
            prop_assert_eq!(
                html.body.matches(c).count(),
                baseline.body.matches(c).count(),
                "{} {}: {:?}", id, lang, c
            );
        }
        // Every `&` starts an entity the escaper writes.
        let mut rest = html.body.as_str();
        while let Some(i) = rest.find('&') {
            rest = &rest[i..];
            prop_assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#x27;", "&#x2f;"].iter().any(|e| rest.starts_with(e)),
                "{} {}: raw & at {:?}", id, lang, &rest[..rest.len().min(20)]
            );
            rest = &rest[1..];
        }
    }
}

#[test]
#[ignore = "writes every letter as HTML to $ARREARS_LETTERS_DIR for a look in a browser"]
fn write_html() {
    let dir =
        std::env::var("ARREARS_LETTERS_DIR").unwrap_or_else(|_| "/tmp/arrears-letters".into());
    std::fs::create_dir_all(&dir).unwrap();
    for id in TemplateId::ALL {
        for lang in Language::ALL {
            let l = render(&context(id.as_str(), *lang), Format::Html).unwrap();
            std::fs::write(format!("{dir}/{lang}_{id}.html"), l.body).unwrap();
        }
    }
}

#[test]
fn every_template_renders_a_minimal_context() {
    for id in TemplateId::ALL {
        for lang in Language::ALL {
            let ctx: LetterContext = serde_json::from_value(json!({
                "template": id.as_str(), "language": lang, "date": "2026-06-30",
                "creditor": {"name": "A"}, "debtor": {"name": "B"}, "currency": "CHF"
            }))
            .unwrap();
            for format in [Format::Text, Format::Html] {
                if *id == TemplateId::PaymentPlanAgreement {
                    // An agreement without its instalments would have both parties sign an empty
                    // schedule: refused.
                    let e = render(&ctx, format).unwrap_err();
                    assert_eq!(e.code(), crate::Code::MissingPlan, "{lang}");
                    continue;
                }
                if LEGAL_WEIGHT.contains(id) {
                    // A formal notice or a court file to parties without addresses: refused,
                    // unless it is a draft, which says so at its top and in its subject.
                    let e = render(&ctx, format).unwrap_err();
                    assert_eq!(e.code(), crate::Code::MissingFacts, "{id} {lang}");
                    assert_eq!(e.problems().len(), 2, "{id} {lang}: {e}");
                    let mut draft = ctx.clone();
                    draft.draft = true;
                    let l = render(&draft, format).unwrap_or_else(|e| panic!("{id} {lang}: {e}"));
                    assert!(
                        l.body.contains(draft_mark(*lang)),
                        "{id} {lang}\n{}",
                        l.body
                    );
                    assert!(l.subject.starts_with(draft_prefix(*lang)), "{}", l.subject);
                    continue;
                }
                let l = render(&ctx, format).unwrap_or_else(|e| panic!("{id} {lang}: {e}"));
                assert!(!l.body.contains(draft_mark(*lang)) && !l.subject.contains('['));
                let content = l.body.split("</head>").last().unwrap_or_default();
                assert!(!content.contains("none"), "{id} {lang}\n{}", l.body);
                if id.required().contains(&Element::Invoices) {
                    assert!(l.missing.contains(&Element::Invoices), "{id} {lang}");
                }
            }
        }
    }
}

/// A reminder before the due date states the whole account (docs/dunning.md rule 3): the invoices
/// coming due, then the customer's overdue ones (given in `upcoming_invoices` with days late, as
/// `dunning::letter` builds a pre-due contact), under their own heading, in every language and
/// format; invoices of that list not yet late are not called overdue.
#[test]
fn a_pre_due_reminder_states_the_overdue_invoices_too() {
    for (lang, heading) in [
        (
            Language::Fr,
            "Par ailleurs, les factures suivantes sont échues et restent à régler",
        ),
        (
            Language::En,
            "In addition, the following invoices are past due and remain unpaid",
        ),
        (
            Language::De,
            "Außerdem sind die folgenden Rechnungen bereits fällig und noch offen",
        ),
    ] {
        let ctx: LetterContext = serde_json::from_value(json!({
            "template": "reminder_pre_due", "language": lang, "date": "2026-06-03",
            "creditor": {"name": "A"}, "debtor": {"name": "B"}, "currency": "EUR",
            "invoices": [{"id": "F1", "issue_date": "2026-05-08", "due_date": "2026-06-08",
                          "amount": "600.00", "outstanding": "600.00", "days_late": -5}],
            "upcoming_invoices": [
                {"id": "F2", "issue_date": "2026-04-14", "due_date": "2026-05-14",
                 "amount": "300.00", "outstanding": "300.00", "days_late": 20},
                {"id": "F3", "issue_date": "2026-05-20", "due_date": "2026-06-20",
                 "amount": "50.00", "outstanding": "50.00", "days_late": -17}]
        }))
        .unwrap();
        for format in [Format::Text, Format::Html] {
            let l = render(&ctx, format).unwrap();
            assert!(l.body.contains(heading), "{lang} {format:?}\n{}", l.body);
            assert!(l.body.contains("F2"), "{lang} {format:?}");
            assert!(
                !l.body.contains("F3"),
                "{lang} {format:?}: F3 is not overdue"
            );
        }
        // Without overdue invoices the heading is not there.
        let mut alone = ctx.clone();
        alone.upcoming_invoices.clear();
        assert!(!render(&alone, Format::Text).unwrap().body.contains(heading));
    }
}

/// A credit on account set off (C. civ. 1347) is a line of its own under the principal, in every
/// language and format, and the total is net of it: 3,634.56 − 300.00 + 44.42 + 80.00 = 3,458.98
/// (3,634.56 − 300.00 + 44.42 + 140.00 = 3,518.98 in pounds, with the UK fixed sums).
#[test]
fn a_credit_set_off_is_listed_and_deducted() {
    for (language, label, amount, total) in [
        (
            Language::Fr,
            "Avoir AV-7 du 20 mai 2026, déduit (compensation, art. 1347 C. civ.)",
            " : −300,00\u{a0}€",
            "Total dû : 3\u{202f}458,98\u{a0}€",
        ),
        (
            Language::En,
            "Credit note AV-7 of 20 May 2026, deducted",
            ": −£300.00",
            "£3,518.98",
        ),
        (
            Language::De,
            "Gutschrift AV-7 vom 20. Mai 2026, verrechnet (§ 387 BGB)",
            ": −300,00\u{a0}€",
            "3.458,98\u{a0}€",
        ),
    ] {
        let mut ctx = context("formal_notice", language);
        ctx.credits = vec![crate::letters::LetterCredit {
            reference: "AV-7".into(),
            source: crate::ledger::AllocationSource::CreditNote,
            date: chrono::NaiveDate::from_ymd_opt(2026, 5, 20).unwrap(),
            amount: Decimal::new(30000, 2),
        }];
        let t = ctx.totals.as_mut().unwrap();
        t.set_off = Decimal::new(30000, 2);
        t.total -= Decimal::new(30000, 2);
        let text = render(&ctx, Format::Text).unwrap().body;
        assert!(
            text.contains(&format!("{label}{amount}")),
            "{language:?}: no credit line in\n{text}"
        );
        assert!(
            text.contains(total),
            "{language:?}: total {total:?} in\n{text}"
        );
        let html = render(&ctx, Format::Html).unwrap().body;
        let cell = format!(
            "<td>{label}</td><td class=\"num\">{}</td>",
            amount.trim_start_matches([' ', ':'])
        );
        assert!(
            html.contains(&cell),
            "{language:?}: no credit row {cell:?} in\n{html}"
        );
    }
}
