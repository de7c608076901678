//! The `blocks` filter: the few block structures a letter needs, written once for both formats.
//!
//! Inside `{% filter blocks %}...{% endfilter %}` a template writes plain prose:
//! - blocks are separated by blank lines; a block is a paragraph whose line breaks are kept;
//! - a block whose first line starts with `- ` is a bulleted list, one item per `- ` line (a line
//!   without it continues the previous item);
//! - a one-line block starting with `# ` is a title, `## ` a heading.
//!
//! In text the blocks are written back with blank lines between them (titles and headings
//! underlined); in HTML as `<p>`, `<ul>`, `<h1>`, `<h2>`. The filter runs on the block's rendered
//! output, which in HTML is already escaped, so it only ever adds its own tags.

/// One block of a letter.
#[derive(Debug, PartialEq, Eq)]
enum Block {
    Title(String),
    Heading(String),
    Paragraph(Vec<String>),
    List(Vec<String>),
}

fn parse(input: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let normalized = input.replace("\r\n", "\n");
    for line in normalized.split('\n').map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                blocks.push(block(&current));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        blocks.push(block(&current));
    }
    blocks
}

fn block(lines: &[&str]) -> Block {
    match lines {
        [one] if one.starts_with("# ") => Block::Title(one.trim_start_matches("# ").to_string()),
        [one] if one.starts_with("## ") => {
            Block::Heading(one.trim_start_matches("## ").to_string())
        }
        [first, ..] if first.starts_with("- ") => {
            let mut items: Vec<String> = Vec::new();
            for line in lines {
                match (line.strip_prefix("- "), items.last_mut()) {
                    (Some(item), _) => items.push(item.to_string()),
                    (None, Some(last)) => {
                        last.push(' ');
                        last.push_str(line);
                    }
                    (None, None) => items.push((*line).to_string()),
                }
            }
            Block::List(items)
        }
        _ => Block::Paragraph(lines.iter().map(|l| (*l).to_string()).collect()),
    }
}

fn underline(text: &str, c: char) -> String {
    let width = text.chars().count();
    format!(
        "{text}\n{}",
        std::iter::repeat_n(c, width).collect::<String>()
    )
}

/// Writes the blocks as plain text, each followed by a blank line.
pub(crate) fn to_text(input: &str) -> String {
    let mut out = String::new();
    for b in parse(input) {
        let text = match b {
            Block::Title(t) => underline(&t, '='),
            Block::Heading(t) => underline(&t, '-'),
            Block::Paragraph(lines) => lines.join("\n"),
            Block::List(items) => items
                .iter()
                .map(|i| format!("- {i}"))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        out.push_str(&text);
        out.push_str("\n\n");
    }
    out
}

/// Writes the blocks as HTML. `input` must already be escaped.
pub(crate) fn to_html(input: &str) -> String {
    let mut out = String::new();
    for b in parse(input) {
        match b {
            Block::Title(t) => out.push_str(&format!("<h1>{t}</h1>\n")),
            Block::Heading(t) => out.push_str(&format!("<h2>{t}</h2>\n")),
            Block::Paragraph(lines) => {
                out.push_str(&format!("<p>{}</p>\n", lines.join("<br>\n")));
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for i in items {
                    out.push_str(&format!("<li>{i}</li>\n"));
                }
                out.push_str("</ul>\n");
            }
        }
    }
    out
}

/// Tidies a rendered letter: no trailing spaces, at most one blank line in a row, no blank lines
/// at the start, exactly one newline at the end.
pub(crate) fn tidy(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut blank_run = 0usize;
    for line in body.replace("\r\n", "\n").split('\n') {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run = blank_run.saturating_add(1);
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run > 0 {
                out.push('\n');
            }
        }
        blank_run = 0;
        out.push_str(line);
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_headings() {
        let src =
            "  # Title\n\nFirst line\nsecond line\n\n\n- one\n- two\n  continued\n\n## Part\n";
        assert_eq!(
            parse(src),
            vec![
                Block::Title("Title".into()),
                Block::Paragraph(vec!["First line".into(), "second line".into()]),
                Block::List(vec!["one".into(), "two continued".into()]),
                Block::Heading("Part".into()),
            ]
        );
        assert_eq!(
            to_text(src),
            "Title\n=====\n\nFirst line\nsecond line\n\n- one\n- two continued\n\nPart\n----\n\n"
        );
        assert_eq!(
            to_html(src),
            "<h1>Title</h1>\n<p>First line<br>\nsecond line</p>\n<ul>\n<li>one</li>\n<li>two continued</li>\n</ul>\n<h2>Part</h2>\n"
        );
    }

    #[test]
    fn a_title_marker_inside_a_paragraph_is_text() {
        assert_eq!(
            parse("# not\na title"),
            vec![Block::Paragraph(vec!["# not".into(), "a title".into()])]
        );
    }

    #[test]
    fn tidy_collapses_blank_lines() {
        assert_eq!(tidy("\n\nA  \n\n\n\nB\n  \nC\n\n"), "A\n\nB\n\nC\n");
        assert_eq!(tidy(""), "\n");
    }
}
