//! Text meant for a terminal (tables, warnings, errors) never carries control characters from the
//! input: a customer named `"\x1b]52;c;...\x07"` or with a right-to-left override must not
//! rewrite the clipboard, move the cursor or reorder what the reader sees. JSON escapes them by
//! itself; CSV files keep the data as it is.

use std::borrow::Cow;

/// Whether a character is shown as an escape instead: control characters (C0 but newline and
/// tab, DEL, C1) and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069).
fn hostile(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// The text with every such character written as a visible escape (`\u{1b}`).
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if !text.chars().any(hostile) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if hostile(c) {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn escapes_osc_bel_nul_and_bidi_overrides_but_keeps_lines() {
        let hostile = "Studio\x1b]52;c;ZXZpbA==\x07 \u{202E}cba\0\u{9b}\nnext\tcol";
        let shown = neutralise(hostile);
        assert_eq!(
            shown,
            "Studio\\u{1b}]52;c;ZXZpbA==\\u{7} \\u{202e}cba\\u{0}\\u{9b}\nnext\tcol"
        );
        assert!(matches!(
            neutralise("Société Générale"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
