//! `--rates FILE` (every command, repeatable): rate series the user adds or replaces without a
//! new release, e.g. the first-half 2027 values the day they are published (docs/rates.md §The day a new
//! rate is published). A file holds one series document or an array of them, in the format of the built-in
//! data; a series with a built-in id replaces that series (keep its earlier entries), a new id
//! adds one. Every command then computes with the built-in table plus these series.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use arrears::rates::{RateSeries, RateTable};
use arrears::Error;

/// The series read from `--rates`, once per process.
static EXTRA: OnceLock<Vec<RateSeries>> = OnceLock::new();

/// Reads and checks the `--rates` files: each series must be valid (`rates.invalid_series`, with
/// the file and the path of every problem). Called once, before any command runs; later calls keep
/// the first files.
///
/// # Errors
/// `import.unreadable`, `input.invalid_document`, `rates.invalid_series`.
pub fn load(paths: &[PathBuf]) -> Result<(), Error> {
    let mut all = Vec::new();
    let mut check = RateTable::builtin()?;
    for path in paths {
        for series in read(path)? {
            check
                .insert(series.clone())
                .map_err(|e| e.at(path.display().to_string()))?;
            all.push(series);
        }
    }
    let _ = EXTRA.set(all);
    Ok(())
}

fn read(path: &Path) -> Result<Vec<RateSeries>, Error> {
    let text = crate::files::read_input_text(path)?;
    let located = |e: Error| e.at(path.display().to_string());
    if text.trim_start().starts_with('[') {
        arrears::document::from_json_str::<Vec<RateSeries>>(&text).map_err(located)
    } else {
        arrears::document::from_json_str::<RateSeries>(&text)
            .map(|s| vec![s])
            .map_err(located)
    }
}

/// The series given with `--rates` (none when the option was not used).
pub fn extra() -> &'static [RateSeries] {
    EXTRA.get().map_or(&[], Vec::as_slice)
}

/// The table every command computes with: the built-in series, then those of `--rates`.
///
/// # Errors
/// Those of [`RateTable::builtin`] (none in practice: the built-in data is checked by the tests).
pub fn table() -> Result<RateTable, Error> {
    let mut table = RateTable::builtin()?;
    for series in extra() {
        table.insert(series.clone())?;
    }
    Ok(table)
}
