//! The template environment: built-in parts, the filters, strict undefined values, escaping by
//! format, and minijinja errors turned into coded errors.

use std::str::FromStr;

use minijinja::{AutoEscape, Environment, ErrorKind, State, UndefinedBehavior, Value};
use rust_decimal::Decimal;
use serde::Serialize;

use super::{format, markup, templates, Format, Language, LetterContext, TemplateId};
use crate::calendar::date::parse_date;
use crate::error::{err, Error, Result};
use crate::money::{parse_decimal, Currency};

/// Instructions a user template may run before it is stopped (a letter with a thousand invoices
/// needs well under a million); built-in templates are not limited.
const CUSTOM_FUEL: u64 = 20_000_000;

/// A rendered subject and body.
pub(crate) struct Rendered {
    pub subject: String,
    pub body: String,
}

/// What a template sees: the context's fields at the top level, plus the output format and, for a
/// custom body, the rendered subject.
#[derive(Serialize)]
struct View<'a> {
    #[serde(flatten)]
    ctx: &'a LetterContext,
    format: &'static str,
    html: bool,
    subject: Option<&'a str>,
    /// "PROJET — NE PAS ENVOYER" on a draft (`_head` prints it at the top), else none.
    draft_mark: Option<&'static str>,
}

fn environment(format: Format, fuel: Option<u64>) -> Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    let escape = match format {
        Format::Html => AutoEscape::Html,
        Format::Text => AutoEscape::None,
    };
    env.set_auto_escape_callback(move |_| escape);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_fuel(fuel);
    env.add_filter("money", money_filter);
    env.add_filter("date", date_filter);
    env.add_filter("percent", percent_filter);
    env.add_filter("blocks", blocks_filter);
    env.add_test("nonzero", nonzero_test);
    for (name, source) in templates::PARTS {
        env.add_template(name, source)
            .map_err(|e| render_error(&e, "built-in part"))?;
    }
    Ok(env)
}

/// Renders a built-in letter. The subject is the template's top-level `subject` variable.
pub(crate) fn render_builtin(
    ctx: &LetterContext,
    id: TemplateId,
    format: Format,
) -> Result<Rendered> {
    let mut env = environment(format, None)?;
    let name = format!("{}/{}", ctx.language.code(), id.as_str());
    env.add_template_owned(name.clone(), templates::letter(id, ctx.language))
        .map_err(|e| render_error(&e, "built-in template"))?;
    let template = env
        .get_template(&name)
        .map_err(|e| render_error(&e, "built-in template"))?;
    let captured = template
        .render_captured(view(ctx, format, None))
        .map_err(|e| render_error(&e, "built-in template"))?;
    let subject = captured
        .state()
        .lookup("subject")
        .map(|v| one_line(&v.to_string()))
        .unwrap_or_default();
    if subject.is_empty() {
        return Err(err!(
            RenderFailed,
            "built-in template {name} sets no subject"
        ));
    }
    Ok(Rendered {
        subject,
        body: markup::tidy(captured.output()),
    })
}

/// Renders the caller's templates: the subject as plain text, then the body in `format` with the
/// subject available as `subject`.
pub(crate) fn render_custom(
    ctx: &LetterContext,
    subject_template: &str,
    body_template: &str,
    format: Format,
) -> Result<Rendered> {
    let mut text_env = environment(Format::Text, Some(CUSTOM_FUEL))?;
    text_env
        .add_template_owned("subject", subject_template.to_string())
        .map_err(|e| render_error(&e, "subject template"))?;
    let subject = text_env
        .get_template("subject")
        .and_then(|t| t.render(view(ctx, Format::Text, None)))
        .map_err(|e| render_error(&e, "subject template"))?;
    let subject = one_line(&subject);

    let mut env = environment(format, Some(CUSTOM_FUEL))?;
    env.add_template_owned("body", body_template.to_string())
        .map_err(|e| render_error(&e, "body template"))?;
    let body = env
        .get_template("body")
        .and_then(|t| t.render(view(ctx, format, Some(&subject))))
        .map_err(|e| render_error(&e, "body template"))?;
    Ok(Rendered {
        subject,
        body: markup::tidy(&body),
    })
}

fn view<'a>(ctx: &'a LetterContext, format: Format, subject: Option<&'a str>) -> View<'a> {
    View {
        ctx,
        format: format.as_str(),
        html: format == Format::Html,
        subject,
        draft_mark: ctx.draft.then(|| super::draft_mark(ctx.language)),
    }
}

/// The subject on one line. Only ASCII whitespace is collapsed: the no-break spaces inside an
/// amount (`1 293,46 €`) stay, so a subject never breaks an amount either.
fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A minijinja error as a `letters.render` error naming the template, the line and its text.
fn render_error(e: &minijinja::Error, what: &str) -> Error {
    let mut message = format!("{what}: {e}");
    if let (Some(line), Some(source)) = (e.line(), e.template_source()) {
        if let Some(text) = source.lines().nth(line.saturating_sub(1)) {
            message.push_str(&format!(": `{}`", text.trim()));
        }
    }
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        message.push_str(&format!(" ({inner})"));
        source = inner.source();
    }
    err!(RenderFailed, "{message}")
}

fn filter_error(message: impl Into<String>) -> minijinja::Error {
    minijinja::Error::new(ErrorKind::InvalidOperation, message.into())
}

/// The letter's language, read from the context the template runs in.
fn language(state: &State) -> std::result::Result<Language, minijinja::Error> {
    let value = state
        .lookup("language")
        .ok_or_else(|| filter_error("the context has no `language`"))?;
    match value.as_str() {
        Some("fr") => Ok(Language::Fr),
        Some("en") => Ok(Language::En),
        Some("de") => Ok(Language::De),
        _ => Err(filter_error(format!("unknown language {value}"))),
    }
}

fn decimal(value: &Value) -> std::result::Result<Decimal, minijinja::Error> {
    if let Some(s) = value.as_str() {
        return parse_decimal(s).map_err(|e| filter_error(e.message().to_string()));
    }
    if let Ok(i) = i64::try_from(value.clone()) {
        return Ok(Decimal::from(i));
    }
    Err(filter_error(format!(
        "{value} is not a decimal string (amounts are written \"1234.56\")"
    )))
}

/// `{{ amount|money }}` in the context's currency, or `{{ amount|money("GBP") }}`.
fn money_filter(
    state: &State,
    value: Value,
    currency: Option<String>,
) -> std::result::Result<String, minijinja::Error> {
    let language = language(state)?;
    let code = match currency {
        Some(c) => c,
        None => state
            .lookup("currency")
            .and_then(|v| v.as_str().map(str::to_string))
            .ok_or_else(|| filter_error("the context has no `currency`"))?,
    };
    let currency = Currency::from_str(&code).map_err(|e| filter_error(e.message().to_string()))?;
    Ok(format::money(decimal(&value)?, currency, language))
}

/// `{{ date|date }}`: a `YYYY-MM-DD` string written in the letter's language.
fn date_filter(state: &State, value: Value) -> std::result::Result<String, minijinja::Error> {
    let language = language(state)?;
    let s = value
        .as_str()
        .ok_or_else(|| filter_error(format!("{value} is not a date string (YYYY-MM-DD)")))?;
    let d = parse_date(s).map_err(|e| filter_error(e.message().to_string()))?;
    Ok(format::date(d, language))
}

/// `{{ "12.15"|percent }}`.
fn percent_filter(state: &State, value: Value) -> std::result::Result<String, minijinja::Error> {
    Ok(format::percent(decimal(&value)?, language(state)?))
}

/// `{% if amount is nonzero %}`: a decimal string other than zero.
fn nonzero_test(value: Value) -> std::result::Result<bool, minijinja::Error> {
    Ok(!decimal(&value)?.is_zero())
}

/// `{% filter blocks %}...{% endfilter %}`: paragraphs, lists and headings (see `markup`).
fn blocks_filter(state: &State, value: Value) -> Value {
    match state.auto_escape() {
        AutoEscape::None => Value::from(markup::to_text(&value.to_string())),
        _ => {
            // A filter block's output is already escaped (and marked safe); a raw value given to
            // the filter directly is escaped here, so the filter never lets markup through.
            let escaped = if value.is_safe() {
                value.to_string()
            } else {
                minijinja::HtmlEscape(&value.to_string()).to_string()
            };
            Value::from_safe_string(markup::to_html(&escaped))
        }
    }
}
