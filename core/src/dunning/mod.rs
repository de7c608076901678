//! Dunning: policies as data, the daily agenda, promises, disputes, plans, escalation and
//! limitation. A pure engine: **(ledger with its journal; policy; as-of date) → agenda**. The
//! caller performs the actions and records them in the journal; the next run continues from
//! there. `docs/dunning.md` is the specification; its rules are numbered like the code's comments.
//!
//! ```
//! use arrears::dunning::{agenda::{agenda, AgendaSettings}, journal::JournalEntry};
//! use arrears::{ledger::{Ledger, LedgerDocument}, rates::RateTable};
//! use chrono::NaiveDate;
//!
//! let doc: LedgerDocument = serde_json::from_value(serde_json::json!({
//!   "customers": [{"id": "C1", "name": "Studio Nord", "country": "FR"}],
//!   "invoices": [{"id": "F1", "customer": "C1", "issue_date": "2026-05-04", "due_date": "2026-06-03",
//!                 "amount": "1200.00", "currency": "EUR"}]})).unwrap();
//! let ledger = Ledger::new(doc)?;
//! // Thursday 4 June 2026 is D+1: the fr_standard ladder sends its first reminder email.
//! let day = NaiveDate::from_ymd_opt(2026, 6, 4).unwrap();
//! let today = agenda(&ledger, &[], &AgendaSettings::default(), day, &RateTable::builtin()?)?;
//! assert_eq!(today.actions.len(), 1);
//! assert_eq!(today.actions[0].step, "d1_email");
//! // Recording it and running the same day again gives no new contact.
//! let journal: Vec<JournalEntry> = today.to_journal("2026-06-04T09:00:00+02:00");
//! let again = agenda(&ledger, &journal, &AgendaSettings::default(), day, &RateTable::builtin()?)?;
//! assert!(again.actions.is_empty());
//! # Ok::<(), arrears::Error>(())
//! ```

pub mod agenda;
pub mod journal;
pub mod letter;
pub mod limitation;
pub mod ops;
pub mod policy;
pub mod presets;
