//! Imports go down only (issue 14, item 8; `docs/design-faq.md` §Layers): money and calendar at the
//! bottom, then the ledger, rates and terms, then the engines, then the dispatcher (`ops`) and the
//! report. This test reads the crate's sources and fails when a module names (`crate::x`) a
//! module of its own layer or above, other than itself.
//!
//! What it does not count: comments (doc links may point anywhere), `#[cfg(test)]` modules and
//! test files (tests may use the sample or the whole crate), and each module's `ops.rs`: the
//! request and response documents of the dispatcher, which belong to the top layer with `ops`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::string_slice,
    clippy::panic
)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Every top-level module and its layer, bottom (0) to top.
const LAYERS: &[(&str, u8)] = &[
    ("error", 0),
    ("document", 1),
    ("money", 2),
    ("calendar", 2),
    ("terms", 3),
    ("rates", 3),
    ("ledger", 4),
    ("interest", 5),
    ("fec", 5),
    ("plans", 5),
    ("sample", 5),
    ("letters", 6),
    ("claim", 6),
    ("portfolio", 7),
    ("dunning", 7),
    ("kpi", 8),
    ("synthetic", 8),
    ("risk", 9),
    ("report", 10),
    ("schema", 10),
    ("ops", 11),
    ("prelude", 12),
    ("lib", 13),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without comments and without `#[cfg(test)]` items (a module or a function: the
/// braces that follow the attribute).
fn code_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            i += rest.find("*/").map_or(rest.len(), |j| j + 2);
        } else if rest.starts_with("#[cfg(test)]") {
            // Skip to the item's opening brace, then to its matching close.
            let Some(open) = rest.find('{') else { break };
            let mut depth = 0usize;
            let mut j = open;
            for (k, c) in rest[open..].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            j = open + k + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            i += j;
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

#[test]
fn imports_only_go_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let layer: BTreeMap<&str, u8> = LAYERS.iter().copied().collect();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    let mut seen = 0;
    for path in &files {
        let rel = path.strip_prefix(&src).unwrap();
        let name = rel.file_name().unwrap().to_string_lossy();
        if name == "ops.rs" && rel.components().count() > 1
            || name == "tests.rs"
            || rel.components().any(|c| c.as_os_str() == "tests")
        {
            continue;
        }
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        let Some(&own) = layer.get(module.as_str()) else {
            panic!("module {module} ({}) has no layer in LAYERS", rel.display());
        };
        seen += 1;
        let code = code_of(&fs::read_to_string(path).unwrap());
        for (at, _) in code.match_indices("crate::") {
            let used: String = code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if used == module {
                continue;
            }
            match layer.get(used.as_str()) {
                Some(&l) if l < own => {}
                Some(&l) => wrong.push(format!(
                    "{} (layer {own}) uses crate::{used} (layer {l})",
                    rel.display()
                )),
                // `crate::Error`, `crate::Result`, ...: the crate root's re-exports of `error`.
                None if matches!(used.as_str(), "Error" | "Result" | "Code") => {}
                None => wrong.push(format!(
                    "{} uses crate::{used}: not a module",
                    rel.display()
                )),
            }
        }
    }
    assert!(seen > 60, "only {seen} files read");
    assert!(wrong.is_empty(), "imports going up:\n{}", wrong.join("\n"));
}

/// The stripping itself: a doc link and a test module are not imports.
#[test]
fn comments_and_test_modules_are_not_imports() {
    let code = code_of(
        "/// See [`crate::report`].\nuse crate::money::Money; /* crate::ops */\n#[cfg(test)]\nmod tests { use crate::sample; fn f() { {} } }\nfn g() {}\n",
    );
    assert!(code.contains("crate::money"));
    assert!(!code.contains("crate::report") && !code.contains("crate::ops"));
    assert!(!code.contains("crate::sample") && code.contains("fn g()"));
}
