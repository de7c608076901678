//! Request and response documents of the `letter` operation.

use serde::{Deserialize, Serialize};

use super::{Format, Letter, LetterContext};
use crate::error::Result;

/// `letter` request: the context, the format, and optionally the caller's own templates.
///
/// ```
/// let out = arrears::run("letter", &serde_json::json!({
///     "context": {
///         "template": "reminder", "language": "fr", "date": "2026-06-30",
///         "creditor": {"name": "Atelier Dupont"}, "debtor": {"name": "Client SA"},
///         "currency": "EUR",
///         "invoices": [{"id": "F1", "issue_date": "2026-05-01", "due_date": "2026-05-31",
///                       "amount": "1234.56", "outstanding": "1234.56", "days_late": 30}]
///     },
///     "format": "text"
/// }))?;
/// assert_eq!(out["subject"], "Relance – facture F1 arrivée à échéance");
/// assert_eq!(out["checks"], serde_json::json!(["creditor", "invoices", "principal"]));
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "`letter` request: the context, the format, and optionally the caller's own templates. Unknown fields are refused."
    )
)]
#[serde(deny_unknown_fields)]
pub struct LetterRequest {
    /// What the letter says.
    pub context: LetterContext,
    /// `text` (default) or `html`.
    #[serde(default)]
    pub format: Format,
    /// The caller's templates instead of the built-in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom: Option<CustomTemplate>,
}

/// A user template: minijinja source for the subject and the body (see [`super::render_custom`]).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemas",
    schemars(
        description = "A user template: minijinja source for the subject and the body, rendered over the same context as the built-in templates (docs/letters.md)."
    )
)]
#[serde(deny_unknown_fields)]
pub struct CustomTemplate {
    /// Subject template (rendered as plain text).
    pub subject: String,
    /// Body template (rendered as text or as escaped HTML).
    pub body: String,
}

/// Runs `letter`: renders the context with the built-in template it names, or with the custom
/// templates of the request.
///
/// # Errors
/// As [`super::render`] and [`super::render_custom`].
pub fn letter(req: LetterRequest) -> Result<Letter> {
    match &req.custom {
        None => super::render(&req.context, req.format),
        Some(c) => super::render_custom(&req.context, &c.subject, &c.body, req.format),
    }
}
