//! One error type with a stable code per failure.
//!
//! Every fallible function of the crate returns [`Error`]. An error carries at least one
//! [`Problem`]: a stable [`Code`] (`"money.currency_mismatch"`, `"ledger.unknown_invoice"`, ...), a
//! human message and, where it helps, the place in the input document it refers to (a JSON path
//! such as `invoices[3].due_date`, or `file.csv:12:amount` from the command-line importer).
//! Validation that can find several problems at once (a ledger with three bad rows) reports all
//! of them in one error, so a user fixes their file in one pass.
//!
//! Codes are part of the public contract: bindings expose them (`err.code` in Node, `.code` on
//! the Python exception, `code` on the Swift/Kotlin exception) and `docs/errors.md` is generated
//! from [`Code::ALL`]. A code is never renamed once released; new codes may be added.
//!
//! # Example
//! ```
//! use arrears::money::Currency;
//! let err = Currency::from_code("EUX").unwrap_err();
//! assert_eq!(err.code().as_str(), "money.unknown_currency");
//! ```

use std::fmt;

macro_rules! codes {
    ($( $(#[$meta:meta])* $variant:ident = $code:literal, $doc:literal; )*) => {
        /// A stable error code. See `docs/errors.md` for the catalogue.
        #[non_exhaustive]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $( $(#[$meta])* #[doc = $doc] $variant, )*
        }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The stable string form, e.g. `"money.currency_mismatch"`.
            ///
            /// ```
            /// assert_eq!(arrears::Code::CurrencyMismatch.as_str(), "money.currency_mismatch");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $code, )* }
            }

            /// What the code means, as written in the catalogue.
            ///
            /// ```
            /// assert!(!arrears::Code::UnknownCurrency.description().is_empty());
            /// ```
            pub const fn description(self) -> &'static str {
                match self { $( Code::$variant => $doc, )* }
            }

            /// Looks a code up by its string form.
            ///
            /// ```
            /// use arrears::Code;
            /// assert_eq!(Code::from_str_code("date.invalid"), Some(Code::InvalidDate));
            /// assert_eq!(Code::from_str_code("nope"), None);
            /// ```
            pub fn from_str_code(s: &str) -> Option<Code> {
                match s { $( $code => Some(Code::$variant), )* _ => None }
            }
        }
    };
}

codes! {
    // --- documents and dispatch ---
    InvalidDocument = "input.invalid_document",
        "The input document does not have the expected shape: a missing field, a field of the wrong type, an unknown enum value or an unknown field.";
    InvalidArguments = "input.invalid_arguments",
        "The command line was given an unknown option, a missing or bad value, or an unknown command (exit status 2; `--help` lists them).";
    UnknownOperation = "input.unknown_operation",
        "The operation name given to `run` is not one of the documented operations.";
    InvalidValue = "input.invalid_value",
        "A field has a value outside its allowed range (for example a negative count).";

    // --- money ---
    UnknownCurrency = "money.unknown_currency",
        "The currency code is not an active ISO 4217 code.";
    CurrencyMismatch = "money.currency_mismatch",
        "Two amounts in different currencies were combined; amounts are never converted implicitly.";
    Overflow = "money.overflow",
        "An amount or a computation exceeded the range of the decimal type.";
    InvalidAmount = "money.invalid_amount",
        "An amount is not a valid decimal number (floats, NaN and infinities are refused).";
    NegativeAmount = "money.negative_amount",
        "An amount that must be positive (or zero) is negative.";
    NotInMinorUnits = "money.not_in_minor_units",
        "An amount has more decimal places than its currency's minor unit allows where an exact amount is required.";
    InvalidSplit = "money.invalid_split",
        "An amount cannot be split as asked: no parts, negative weights, or weights that sum to zero.";

    // --- dates and calendars ---
    InvalidDate = "date.invalid",
        "A date is not a valid calendar date in `YYYY-MM-DD` form (for example `2024-02-30`).";
    DateOutOfRange = "date.out_of_range",
        "Date arithmetic left the supported range of dates.";
    UnknownCalendar = "calendar.unknown_calendar",
        "The business-day calendar identifier is not known.";
    UnsupportedYear = "calendar.unsupported_year",
        "Public holidays are computed for years 1995 to 2199 only; the date is outside that range.";
    InvalidRange = "calendar.invalid_range",
        "A date range ends before it starts.";

    // --- payment terms ---
    InvalidTerms = "terms.invalid",
        "Payment terms are malformed: a day count, day of month, share or instalment count out of range.";
    MultipleDueDates = "terms.multiple_due_dates",
        "The terms split the amount into several receivables, so there is no single due date; ask for the schedule.";

    // --- ledger ---
    DuplicateId = "ledger.duplicate_id",
        "Two invoices (or two payments, credit notes, customers) have the same identifier.";
    UnknownInvoice = "ledger.unknown_invoice",
        "An event refers to an invoice that is not in the ledger.";
    UnknownCustomer = "ledger.unknown_customer",
        "An invoice or event refers to a customer that is not in the ledger's customer list.";
    InvalidCountry = "ledger.invalid_country",
        "A customer's `country` is not an ISO 3166-1 alpha-2 code (`FR`, `DE`, `GB`; `UK` is read as `GB`): the country decides the regime, the calendar and the limitation period, so a typo is refused rather than guessed.";
    MissingDueDate = "ledger.missing_due_date",
        "An invoice has neither a due date nor payment terms.";
    InvalidEvent = "ledger.invalid_event",
        "An event contradicts the ledger: dated before its invoice, allocations larger than the payment, a zero amount, an allocation to another customer's invoice.";
    InvalidPlan = "plans.invalid",
        "A payment plan is malformed: both or neither of `instalments` and `max_per_instalment`, a count outside 1..=120 (or above the amount in minor units), a maximum per instalment that needs more than 120 instalments, a period of 0 days, a first instalment before the agreement date, a negative rate, a grace period over 365 days, instalment dates that collide once rolled to business days, or a plan document whose instalments are not numbered 1, 2, ... with increasing dates and positive amounts.";

    // --- rate tables ---
    UnknownSeries = "rates.unknown_series",
        "The rate series identifier is neither built in nor supplied by the caller.";
    UnknownRateDate = "rates.unknown_date",
        "A rate was asked for a date outside what the series is known to cover (before its first entry or after its known-until date); supply the rate or a newer series.";
    InvalidSeries = "rates.invalid_series",
        "A caller-supplied rate series is malformed: no entries, dates not increasing, a known-until date before the last entry.";

    // --- statutory interest ---
    UnknownRegime = "interest.unknown_regime",
        "The interest regime identifier is not one of the documented regimes.";
    InvalidOption = "interest.invalid_option",
        "An interest option is out of range, missing, or not allowed for the regime (a directive margin below 8 points, `contractual` without `rate_percent`, a fixed sum in EUR on a debt in another currency). An unknown option name is `input.invalid_document`.";
    InvalidPrincipal = "interest.invalid_principal",
        "The principal of an interest computation is zero or negative.";
    InvalidPayment = "interest.invalid_payment",
        "A payment or credit in an interest computation is dated after the end date, not positive, or larger than what is owed.";
    NoRegime = "interest.no_regime",
        "No statutory late-payment regime applies to a customer: it has no country, its country is not covered, or it is a consumer where no statute gives interest (the UK Act and directive 2011/7/EU cover business debts only). Give the customer a country (or a default country), or choose a regime.";
    NoNotice = "interest.no_notice",
        "Interest on the debt runs from a formal notice (a French or German consumer: C. civ. 1231-6, § 286 (1) BGB) and none dated after its due date is known. Record the formal notice in the journal, or give it in `interest.notices`.";

    // --- dunning ---
    InvalidPolicy = "dunning.invalid_policy",
        "A dunning policy is malformed: steps out of order or with duplicate ids, an unknown template, a minimum gap below one day.";
    UnknownPolicy = "dunning.unknown_policy",
        "The policy id is not a preset and no policy document was given.";
    InvalidJournal = "dunning.invalid_journal",
        "A journal line does not parse or contradicts the ledger (an unknown customer or invoice); it names the line. Bad lines are never skipped.";

    // --- risk ---
    HorizonPastData = "risk.horizon_past_data",
        "A back-test's horizon ends after the last date in the data (or the `data_until` given): customers whose late payments fall after that day would count as on time. Shorten the horizon, choose an earlier cut-off, or give `data_until` when the books are complete to a later day.";

    // --- letters ---
    UnknownTemplate = "letters.unknown_template",
        "The letter template id is not one of the built-in templates (`reminder`, `formal_notice`, ...).";
    RenderFailed = "letters.render",
        "A letter template does not compile, names a value the context does not have (undefined values are errors), fails in a filter (an amount or a date that does not parse) or runs too long.";
    PenaltiesUnavailable = "letters.penalties_unavailable",
        "A letter that states the late-payment penalties (a penalty letter, a formal notice) was asked for invoices whose penalties could not be computed (no regime for the customer, a rate not yet known). Give the customer a country or a regime, or ask explicitly for the letter without penalties.";
    MissingPlan = "letters.missing_plan",
        "A payment-plan letter (offer or agreement) was asked without the plan's instalments.";
    MissingFacts = "letters.missing_facts",
        "A letter that carries legal weight (a formal notice, a court file) lacks a fact it needs: the debtor's or the creditor's postal address; a draft (`draft: true`, `--draft`) is marked as such instead.";

    // --- import (command-line ledger files) ---
    MissingColumn = "import.missing_column",
        "A required column is missing from a CSV file or a table (after applying the column mapping), or a currency is missing with no default.";
    InvalidCell = "import.invalid_cell",
        "A cell cannot be read as the value its column requires (in a table: an empty required cell).";
    InvalidRow = "import.invalid_row",
        "A line of a file has another number of fields than its header (or than the format requires): a field holding the separator, or a line cut in two. The error names the line.";
    Unreadable = "import.unreadable",
        "A file cannot be read or is not valid CSV/JSON.";
    InvalidEncoding = "import.encoding",
        "A file is not in the text encoding it was read with (for example a Windows-1252 spreadsheet export read as UTF-8); the message names the option that reads it.";
    ColumnType = "import.column_type",
        "A column of a Parquet or Arrow table has a type that cannot hold its field exactly: money in floating point (store a decimal, or integer minor units with a declared scale), a date as text that is not YYYY-MM-DD, an id that is not text.";

    // --- files written by the command line ---
    WriteFailed = "io.write_failed",
        "An output file (a table, a report, the journal, a letter) could not be written: a missing or read-only directory, a full disk. Nothing is left half-written: an existing file keeps its previous content, and a run's letters are all written or none.";
    OutputExists = "io.output_exists",
        "A letter file of the run already exists (a run of the same day for the same step) or is a symbolic link: letters are never overwritten nor written through a link. Move the earlier letters away, or write into another directory.";
    JournalLocked = "io.journal_locked",
        "The journal could not be locked for the run: another `--record` run holds it, or the file system does not support locks. Two runs recording at once would each record the same actions.";
    InputTooLarge = "io.input_too_large",
        "An input file (or standard input) is larger than the command line reads: 4 GiB by default (about 40 million invoices as CSV), set by `ARREARS_MAX_INPUT_BYTES`. Split the ledger, or raise the limit knowingly: memory use grows with the input.";
    NotAFile = "io.not_a_file",
        "An input path names something other than a regular file (a directory, a device such as /dev/zero, a pipe): the command line reads files whose size it can check first.";
    Internal = "internal.panic",
        "The library hit a bug: a panic, caught at the boundary of a binding and turned into this error instead of ending the process. Please report it with the input that caused it.";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing wrong with an input: a code, a message and optionally where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The stable code.
    pub code: Code,
    /// A message for people; wording may change between releases, the code does not.
    pub message: String,
    /// Where in the input the problem is (a JSON path like `invoices[2].amount`, or
    /// `ledger.csv:14:due_date`), when known.
    pub path: Option<String>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{p}: {} ({})", self.message, self.code),
            None => write!(f, "{} ({})", self.message, self.code),
        }
    }
}

/// The crate's error: one or more [`Problem`]s, the first of which gives the error its code.
///
/// The type is small (one pointer) so that `Result<T, Error>` stays cheap on the happy path.
///
/// ```
/// use arrears::{Code, Error};
/// let e = Error::new(Code::UnknownInvoice, "payment P1 names invoice F9, which is not in the ledger")
///     .at("payments[0].invoice");
/// assert_eq!(e.code(), Code::UnknownInvoice);
/// assert_eq!(e.path(), Some("payments[0].invoice"));
/// assert_eq!(e.problems().len(), 1);
/// ```
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
pub struct Error {
    // Invariant: never empty.
    problems: Box<[Problem]>,
}

/// Problems collected over a whole input (a table's rows), so that one run reports them all: the
/// first [`Problems::MAX`], then a count of the rest.
///
/// ```
/// use arrears::{Code, Error, Problems};
/// let mut p = Problems::default();
/// for row in 0..150 {
///     p.push(Error::new(Code::InvalidCell, "empty").at(format!("invoices[{row}]")));
/// }
/// let e = p.finish().unwrap_err();
/// assert_eq!(e.problems().len(), 101); // 100, then "... and 50 more problems"
/// assert!(Problems::default().finish().is_ok());
/// ```
#[derive(Debug, Default)]
pub struct Problems {
    errors: Vec<Error>,
    more: usize,
}

impl Problems {
    /// How many problems are kept with their text and place.
    pub const MAX: usize = 100;

    /// Records a problem.
    pub fn push(&mut self, e: Error) {
        if self.errors.len() < Self::MAX {
            self.errors.push(e);
        } else {
            self.more = self.more.saturating_add(1);
        }
    }

    /// `Ok` when nothing was recorded, else one error listing every problem kept.
    ///
    /// # Errors
    /// The problems, as one error ([`Error::from_many`]).
    pub fn finish(mut self) -> Result<()> {
        if self.more > 0 {
            self.errors.push(Error::new(
                Code::InvalidCell,
                format!("... and {} more problems", self.more),
            ));
        }
        Error::from_many(self.errors).map_or(Ok(()), Err)
    }
}

impl Error {
    /// An error with one problem.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        let message = message.into();
        let message = match shorten(&message, char::is_whitespace) {
            std::borrow::Cow::Borrowed(_) => message,
            std::borrow::Cow::Owned(short) => short,
        };
        Error {
            problems: Box::new([Problem {
                code,
                message,
                path: None,
            }]),
        }
    }

    /// Collects several problems into one error; `None` when the list is empty.
    ///
    /// ```
    /// use arrears::{Code, Error};
    /// let all = vec![Error::new(Code::InvalidDate, "a"), Error::new(Code::DuplicateId, "b")];
    /// let e = Error::from_many(all).unwrap();
    /// assert_eq!(e.code(), Code::InvalidDate);
    /// assert_eq!(e.problems().len(), 2);
    /// assert!(Error::from_many(Vec::new()).is_none());
    /// ```
    pub fn from_many(errors: impl IntoIterator<Item = Error>) -> Option<Error> {
        let problems: Vec<Problem> = errors
            .into_iter()
            .flat_map(|e| e.problems.into_vec())
            .collect();
        if problems.is_empty() {
            None
        } else {
            Some(Error {
                problems: problems.into_boxed_slice(),
            })
        }
    }

    /// Sets (or prefixes) the location of every problem: `at("invoices[2]")` on an error located at
    /// `amount` gives `invoices[2].amount`.
    #[must_use]
    pub fn at(mut self, path: impl AsRef<str>) -> Self {
        let prefix = shorten(path.as_ref(), path_separator);
        let prefix = prefix.as_ref();
        for p in self.problems.iter_mut() {
            p.path = Some(match p.path.take() {
                None => prefix.to_string(),
                Some(inner) if inner.starts_with('[') => format!("{prefix}{inner}"),
                Some(inner) => format!("{prefix}.{inner}"),
            });
        }
        self
    }

    /// Rewrites the location of every problem: a caller that knows where the core's paths came from
    /// (a CSV row, a journal line) names them as the user reads them. Long segments are cut as in
    /// [`Error::at`].
    ///
    /// ```
    /// use arrears::{Code, Error};
    /// let e = Error::new(Code::InvalidJournal, "bad").at("journal[2]");
    /// let e = e.map_paths(|p| p.map(|p| p.replace("journal[2]", "journal.jsonl:3")));
    /// assert_eq!(e.problems()[0].path.as_deref(), Some("journal.jsonl:3"));
    /// ```
    #[must_use]
    pub fn map_paths(mut self, mut f: impl FnMut(Option<&str>) -> Option<String>) -> Self {
        for p in self.problems.iter_mut() {
            p.path = f(p.path.as_deref()).map(|path| shorten(&path, path_separator).into_owned());
        }
        self
    }

    /// Sets the location of the problems of code `code` that have none: a computation deep inside
    /// (an overflow, a date beyond the calendar) does not know which input field it came from, and
    /// the operation that called it does.
    ///
    /// ```
    /// use arrears::{Code, Error};
    /// let e = Error::new(Code::Overflow, "too large").locate(Code::Overflow, "principal");
    /// assert_eq!(e.problems()[0].path.as_deref(), Some("principal"));
    /// let e = Error::new(Code::Overflow, "too large").at("payments[2]").locate(Code::Overflow, "principal");
    /// assert_eq!(e.problems()[0].path.as_deref(), Some("payments[2]"));
    /// ```
    #[must_use]
    pub fn locate(mut self, code: Code, path: &str) -> Self {
        for p in self.problems.iter_mut() {
            if p.code == code && p.path.is_none() {
                p.path = Some(path.to_string());
            }
        }
        self
    }

    /// The code of the first problem.
    pub fn code(&self) -> Code {
        self.first().code
    }

    /// The message of the first problem.
    pub fn message(&self) -> &str {
        &self.first().message
    }

    /// The location of the first problem, if known.
    pub fn path(&self) -> Option<&str> {
        self.first().path.as_deref()
    }

    /// Every problem, in the order found.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The error as the JSON document the CLI prints and bindings return:
    /// `{"error": {"code", "message", "path"?, "problems"?}}`.
    ///
    /// ```
    /// use arrears::{Code, Error};
    /// let v = Error::new(Code::InvalidDate, "bad").to_json();
    /// assert_eq!(v["error"]["code"], "date.invalid");
    /// ```
    pub fn to_json(&self) -> serde_json::Value {
        let one = |p: &Problem| {
            let mut m = serde_json::Map::new();
            m.insert("code".into(), p.code.as_str().into());
            m.insert("message".into(), p.message.clone().into());
            if let Some(path) = &p.path {
                m.insert("path".into(), path.clone().into());
            }
            serde_json::Value::Object(m)
        };
        let mut body = match one(self.first()) {
            serde_json::Value::Object(m) => m,
            _ => serde_json::Map::new(),
        };
        if self.problems.len() > 1 {
            body.insert(
                "problems".into(),
                serde_json::Value::Array(self.problems.iter().map(one).collect()),
            );
        }
        let mut outer = serde_json::Map::new();
        outer.insert("error".into(), serde_json::Value::Object(body));
        serde_json::Value::Object(outer)
    }

    fn first(&self) -> &Problem {
        // The constructors keep the list non-empty; the fallback only satisfies the no-panic rule.
        static FALLBACK: std::sync::OnceLock<Problem> = std::sync::OnceLock::new();
        self.problems.first().unwrap_or_else(|| {
            FALLBACK.get_or_init(|| Problem {
                code: Code::InvalidDocument,
                message: String::from("empty error"),
                path: None,
            })
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for p in self.problems.iter() {
            if !first {
                f.write_str("; ")?;
            }
            first = false;
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.problems.iter()).finish()
    }
}

/// `Result` with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Builds an [`Error`] from a code and a `format!` message.
/// What separates the segments of a path (`ledger.csv:5:amount`, `invoices[3].terms`).
fn path_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | '/' | '\\' | ':' | '[' | ']')
}

/// Words of a message (or segments of a path) longer than this many characters are cut.
const LONG_WORD: usize = 80;

/// A message or a path with every word longer than [`LONG_WORD`] characters cut to its first 48
/// and last 16 characters around an ellipsis. A bad value is quoted in its error so that the user
/// finds it, but a 5,000-character cell (or a field name from a hostile document) must not fill
/// the terminal, the log or the HTTP response that carries the error (issue 12: "a message quotes
/// at most a short excerpt of a bad value"). `split` says what separates words.
///
/// ```
/// # use arrears::{Code, Error};
/// let long = "Z".repeat(5000);
/// let e = Error::new(Code::InvalidDate, format!("\"{long}\" is not a date"));
/// assert_eq!(e.message().chars().count(), 48 + 1 + 16 + " is not a date".len());
/// assert!(e.message().starts_with("\"ZZZ") && e.message().ends_with("ZZ\" is not a date"));
/// let e = Error::new(Code::InvalidDate, "short words stay").at(format!("invoices[0].{long}"));
/// assert_eq!(e.problems()[0].path.as_deref().map(|p| p.chars().count()), Some(12 + 65));
/// ```
pub(crate) fn shorten(text: &str, split: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    let long = |w: &str| w.chars().nth(LONG_WORD).is_some();
    if !text.split(&split).any(long) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(4096));
    let mut word_start = 0;
    let flush = |out: &mut String, word: &str| {
        if long(word) {
            let n = word.chars().count();
            out.extend(word.chars().take(48));
            out.push('…');
            out.extend(word.chars().skip(n.saturating_sub(16)));
        } else {
            out.push_str(word);
        }
    };
    for (i, c) in text.char_indices() {
        if split(c) {
            flush(&mut out, text.get(word_start..i).unwrap_or_default());
            out.push(c);
            word_start = i.saturating_add(c.len_utf8());
        }
    }
    flush(&mut out, text.get(word_start..).unwrap_or_default());
    std::borrow::Cow::Owned(out)
}

macro_rules! err {
    ($code:ident, $($arg:tt)*) => {
        $crate::error::Error::new($crate::error::Code::$code, format!($($arg)*))
    };
}
pub(crate) use err;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_namespaced() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate code {}", c.as_str());
            assert!(
                c.as_str().contains('.'),
                "code without namespace: {}",
                c.as_str()
            );
            assert_eq!(Code::from_str_code(c.as_str()), Some(*c));
        }
    }

    #[test]
    fn at_prefixes_paths() {
        let e = Error::new(Code::InvalidDate, "x")
            .at("due_date")
            .at("invoices[1]");
        assert_eq!(e.path(), Some("invoices[1].due_date"));
        let e = Error::new(Code::InvalidDate, "x").at("[3]").at("invoices");
        assert_eq!(e.path(), Some("invoices[3]"));
    }

    #[test]
    fn json_lists_all_problems() {
        let e = Error::from_many([
            Error::new(Code::InvalidDate, "a"),
            Error::new(Code::DuplicateId, "b"),
        ])
        .unwrap();
        let v = e.to_json();
        assert_eq!(v["error"]["code"], "date.invalid");
        assert_eq!(v["error"]["problems"][1]["code"], "ledger.duplicate_id");
    }
}
