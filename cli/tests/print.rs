//! Letters as they print: the HTML formal notice of a customer with a handful of invoices, printed
//! to PDF by headless Chromium, fits one A4 page with its signature. Needs Chromium (Debian package
//! `chromium`, which `make test` installs); without it the test is skipped with a message, unless
//! `ARREARS_REQUIRE_ALL` is set (CI), where a missing browser fails the run.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("ARREARS_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var("PATH").unwrap_or_default();
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| path.split(':').map(move |dir| Path::new(dir).join(name)))
        .find(|p| p.is_file())
}

/// Pages of a PDF: its `/Type /Page` objects (not `/Pages`).
fn pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type")
        .filter(|(i, _)| {
            let rest = text[i + 5..].trim_start();
            rest.starts_with("/Page") && !rest.starts_with("/Pages")
        })
        .count()
}

fn print_to_pdf(browser: &Path, html: &Path, pdf: &Path, profile: &Path) {
    let status = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(
        pdf.is_file(),
        "chromium wrote no PDF: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn a_formal_notice_with_a_handful_of_invoices_prints_on_one_a4_page() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("ARREARS_REQUIRE_ALL").is_none(),
            "chromium is not installed and ARREARS_REQUIRE_ALL is set"
        );
        eprintln!(
            "SKIPPED: print layout test: chromium is not installed (apt-get install chromium)"
        );
        return;
    };
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("arrears-print-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // Six overdue invoices of one customer, with long numbers, a three-line address and the
    // longest French labels.
    let mut csv = String::from(
        "id;customer;customer_name;customer_address;issue_date;due_date;amount;currency\n",
    );
    for (i, month) in ["01", "02", "03", "04", "05", "06"].iter().enumerate() {
        csv.push_str(&format!(
            "FA-2026-00{i}-LYON;C1;Société Coopérative de Production Lumière;\"Tour Part-Dieu\n129 rue Servient\n69003 Lyon\";2026-{month}-01;2026-{month}-10;12345.67;EUR\n"
        ));
    }
    let ledger = dir.join("six.csv");
    std::fs::write(&ledger, csv).unwrap();
    let sender = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .join("examples/sender.json");
    for lang in ["fr", "en", "de"] {
        let html = dir.join(format!("notice-{lang}.html"));
        let o = Command::new(env!("CARGO_BIN_EXE_arrears"))
            .arg("letter")
            .arg(&ledger)
            .args([
                "--delimiter",
                ";",
                "--country",
                "FR",
                "--as-of",
                "2026-06-30",
            ])
            .args([
                "--customer",
                "C1",
                "--step",
                "formal_notice",
                "--lang",
                lang,
            ])
            .args(["--format", "html", "--out"])
            .arg(&html)
            .arg("--sender")
            .arg(&sender)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let pdf = dir.join(format!("notice-{lang}.pdf"));
        print_to_pdf(&browser, &html, &pdf, &dir.join("profile"));
        let n = pages(&std::fs::read(&pdf).unwrap());
        assert_eq!(
            n, 1,
            "the {lang} formal notice with six invoices prints on {n} pages"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pages_are_counted_from_page_objects() {
    assert_eq!(
        pages(b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page >>"),
        2
    );
}
