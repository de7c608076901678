//! # arrears: getting paid for invoices
//!
//! A pure domain core for receivables: money and payment terms, business-day calendars, a ledger
//! of invoices and payments whose state can be asked **as of any date**, and (in later modules)
//! statutory late-payment interest, dunning, risk scoring and KPIs. No I/O, no clock, no global
//! state, no floats for money, no panics: every fallible function returns [`Result`] with an
//! [`Error`] carrying a stable [`Code`].
//!
//! Data flows one way: **documents in → ledger state → engines → results out**. Every input and
//! output is a serde document (decimals as strings, dates as `YYYY-MM-DD`), and [`run`] is the one
//! document entry point that every language binding exposes.
//!
//! ```
//! use arrears::{ledger::{Ledger, LedgerDocument}, money::Money};
//! use chrono::NaiveDate;
//!
//! let doc: LedgerDocument = serde_json::from_str(r#"{
//!   "invoices": [
//!     {"id": "F1", "customer": "ACME", "issue_date": "2025-01-10", "due_date": "2025-02-09",
//!      "amount": "1200.00", "currency": "EUR"}
//!   ],
//!   "payments": [
//!     {"id": "P1", "customer": "ACME", "date": "2025-02-20", "amount": "200.00", "currency": "EUR"}
//!   ]
//! }"#).unwrap();
//! let ledger = Ledger::new(doc)?;
//! let state = ledger.state_as_of(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap())?;
//! let f1 = &state.receivables[0];
//! assert_eq!(f1.outstanding, Money::parse("1000.00", "EUR")?.amount());
//! assert_eq!(f1.days_late, 20);
//! # Ok::<(), arrears::Error>(())
//! ```

#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::arithmetic_side_effects
    )
)]

pub mod calendar;
pub mod claim;
pub mod document;
pub mod dunning;
pub mod error;
pub mod fec;
pub mod interest;
pub mod kpi;
pub mod ledger;
pub mod letters;
pub mod money;
pub mod ops;
pub mod plans;
pub mod portfolio;
pub mod prelude;
pub mod rates;
pub mod report;
pub mod risk;
pub mod sample;
#[cfg(feature = "schemas")]
pub mod schema;
pub mod synthetic;
pub mod terms;

pub use error::{Code, Error, Problem, Problems, Result};
pub use ops::{run, OPERATIONS};

/// The README's Rust example, compiled and run as a doctest so the first example users paste
/// always works.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The example of `docs/operations.md`, run as a doctest so the page cannot drift.
#[doc = include_str!("../../docs/operations.md")]
#[cfg(doctest)]
pub struct OperationsDoctests;

/// The example of `docs/guide-vendors.md`, run as a doctest.
#[doc = include_str!("../../docs/guide-vendors.md")]
#[cfg(doctest)]
pub struct VendorGuideDoctests;
