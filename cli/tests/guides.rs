//! The README's and the guides' commands, run as a user pasting them would: every `arrears ...` line of
//! a ```` ```sh ```` block runs in a fresh folder holding a copy of `examples/`, one document after
//! the other, with the day fixed (`ARREARS_TODAY=2026-06-30`) so that the figures shown stay true.
//!
//! - A command must exit 0, unless its line ends with `# exits N`.
//! - A ```` ```text output ```` block after a command lists lines its output (standard output and
//!   error) must contain, no-break spaces read as spaces; a ```` ```json output ```` block is its whole standard output, compared as
//!   JSON.
//! - A block whose info string names a file (```` ```toml file=examples/studio-export.toml ````) shows
//!   that file: the two must say the same (TOML and JSON compared as data).
//! - `cargo run -p arrears-cli --` is the same as `arrears`; other commands (`cargo install`,
//!   `make test`) are not run here.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fenced block: its info string and its lines.
struct Block {
    info: String,
    text: String,
}

fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        match (&mut current, trimmed.strip_prefix("```")) {
            (None, Some(info)) => {
                current = Some(Block {
                    info: info.trim().to_string(),
                    text: String::new(),
                })
            }
            (Some(_), Some(_)) => {
                out.extend(current.take());
            }
            (Some(b), None) => {
                b.text.push_str(line);
                b.text.push('\n');
            }
            (None, None) => {}
        }
    }
    out
}

/// The commands of a shell block: continuation lines joined, `cargo run -p arrears-cli --` read as
/// `arrears`, with the expected exit status.
fn commands(block: &str) -> Vec<(String, i32)> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for line in block.lines() {
        let line = line.trim();
        if let Some(head) = line.strip_suffix('\\') {
            pending.push_str(head);
            pending.push(' ');
            continue;
        }
        pending.push_str(line);
        let full = std::mem::take(&mut pending);
        let (command, comment) = split_comment(&full);
        let command = command
            .trim()
            .replace("cargo run -p arrears-cli --", "arrears");
        if !command.starts_with("arrears ") && command != "arrears" {
            continue;
        }
        let exits = comment
            .and_then(|c| c.trim().strip_prefix("exits "))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0);
        out.push((command, exits));
    }
    out
}

/// Splits `cmd  # comment` at the first `#` that is outside quotes and after a space.
fn split_comment(line: &str) -> (&str, Option<&str>) {
    let (mut single, mut double) = (false, false);
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match c {
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            '#' if !single && !double && prev.is_whitespace() => {
                return (&line[..i], Some(&line[i + 1..]));
            }
            _ => {}
        }
        prev = c;
    }
    (line, None)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Runs one document's commands; returns how many ran.
fn run_document(name: &str) -> usize {
    let doc = std::fs::read_to_string(root().join(name)).unwrap();
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "arrears-guide-{}-{}",
        std::process::id(),
        name.replace(['/', '.'], "-")
    ));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&root().join("examples"), &dir.join("examples"));
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_arrears"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    let mut last: Option<(String, String, String)> = None;
    for block in blocks(&doc) {
        let lang = block.info.split_whitespace().next().unwrap_or("");
        let is_output = block.info.split_whitespace().any(|w| w == "output");
        if let Some(file) = block
            .info
            .split_whitespace()
            .find_map(|w| w.strip_prefix("file="))
        {
            let actual = std::fs::read_to_string(root().join(file)).unwrap();
            match lang {
                "toml" => assert_eq!(
                    toml::from_str::<toml::Value>(&block.text).unwrap(),
                    toml::from_str::<toml::Value>(&actual).unwrap(),
                    "{name}: the block differs from {file}"
                ),
                "json" => assert_eq!(
                    serde_json::from_str::<serde_json::Value>(&block.text).unwrap(),
                    serde_json::from_str::<serde_json::Value>(&actual).unwrap(),
                    "{name}: the block differs from {file}"
                ),
                _ => assert_eq!(block.text.trim_end(), actual.trim_end(), "{name}: {file}"),
            }
            continue;
        }
        if is_output {
            let (command, stdout, stderr) = last
                .as_ref()
                .unwrap_or_else(|| panic!("{name}: an output block follows no command"));
            if lang == "json" {
                let expected: serde_json::Value = serde_json::from_str(&block.text)
                    .unwrap_or_else(|e| panic!("{name}: output block is not JSON: {e}"));
                let actual: serde_json::Value = serde_json::from_str(stdout)
                    .unwrap_or_else(|e| panic!("{name}: `{command}` printed no JSON: {e}"));
                assert_eq!(
                    actual, expected,
                    "{name}: `{command}` prints other JSON than the guide shows"
                );
            } else {
                // No-break spaces (inside amounts) read as spaces in a guide.
                let both = format!("{stdout}{stderr}").replace(['\u{a0}', '\u{202f}'], " ");
                for line in block.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    let line = line.replace(['\u{a0}', '\u{202f}'], " ");
                    assert!(
                        both.contains(&line),
                        "{name}: `{command}` does not print\n{line}\nit printed:\n{both}"
                    );
                }
            }
            continue;
        }
        if !matches!(lang, "sh" | "bash" | "shell") {
            continue;
        }
        for (command, exits) in commands(&block.text) {
            let out = Command::new("sh")
                .arg("-c")
                .arg(&command)
                .current_dir(&dir)
                .env("PATH", &path)
                .env("ARREARS_TODAY", "2026-06-30")
                .output()
                .unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
            let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
            assert_eq!(
                out.status.code(),
                Some(exits),
                "{name}: `{command}` exited {:?}, the guide expects {exits}\n{stdout}\n{stderr}",
                out.status.code()
            );
            ran += 1;
            last = Some((command, stdout, stderr));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    ran
}

#[test]
fn the_freelancer_guide_runs_as_written() {
    assert!(run_document("docs/guide-freelancers.md") >= 8);
}

#[test]
fn the_analyst_guide_runs_as_written() {
    assert!(run_document("docs/guide-analysts.md") >= 3);
}

#[test]
fn the_fec_guide_runs_as_written() {
    assert!(run_document("docs/fec.md") >= 3);
}

#[test]
fn the_vendor_guide_runs_as_written() {
    run_document("docs/guide-vendors.md");
}

#[test]
fn the_readme_runs_as_written() {
    assert!(run_document("README.md") >= 5);
}

#[test]
fn comments_and_continuations_are_read_like_a_shell() {
    let cmds = commands(
        "cargo run -p arrears-cli -- report x.csv \\\n  --map id=\"N° #1\"   # exits 1\nmake test\n",
    );
    assert_eq!(
        cmds,
        vec![("arrears report x.csv  --map id=\"N° #1\"".to_string(), 1)]
    );
}
