//! What a first program needs, in one import: `use arrears::prelude::*;`.
//!
//! The ledger documents and their builders, money and dates (including [`Decimal`] and
//! [`NaiveDate`], so that a program does not need to name `rust_decimal` and `chrono` to start),
//! the interest request and statement, the claims, the agenda, letters, plans, the rate table and
//! the error type.
//!
//! ```
//! use arrears::prelude::*;
//!
//! // A French studio's ledger: one customer, one invoice 146 days late on 30 June 2026.
//! let doc = LedgerDocument::default()
//!     .with_customer(CustomerRecord::new("HORIZON").with_name("Agence Horizon").with_country("FR"))
//!     .with_invoice(
//!         InvoiceRecord::new("F2026-001", "HORIZON", ymd(2026, 1, 5)?, Money::parse("2160.00", "EUR")?)
//!             .due_on(ymd(2026, 2, 4)?),
//!     );
//! let ledger = Ledger::new(doc)?;
//! let as_of = ymd(2026, 6, 30)?;
//! let state = ledger.state_as_of(as_of)?;
//! let rates = RateTable::builtin()?;
//! let claims = Claims::compute(&ledger, &state, &LedgerInterestOptions::default(), &rates)?;
//! let owed = claims.all(&Disputes::new())?;
//! // 2,160.00 × 12.15 % (ECB 2.15 + 10 points, C. com. L441-10) × 146 / 365 = 104.98, plus EUR 40.
//! assert_eq!(owed[0].interest, Decimal::new(10498, 2));
//! assert_eq!(owed[0].total, Decimal::new(230498, 2));
//! # Ok::<(), arrears::Error>(())
//! ```

pub use chrono::NaiveDate;
pub use rust_decimal::Decimal;

pub use crate::calendar::date::{parse_date, ymd};
pub use crate::claim::{ClaimLine, Claims, CustomerClaim, Disputes};
pub use crate::dunning::agenda::{agenda, Agenda, AgendaSettings};
pub use crate::dunning::journal::JournalEntry;
pub use crate::dunning::letter::{LetterSetup, Selection, Sender};
pub use crate::error::{Code, Error, Result};
pub use crate::interest::ledger::{LedgerInterestOptions, SettledPenalties};
pub use crate::interest::{compute, InterestOptions, InterestRequest, Regime, Statement};
pub use crate::ledger::{
    CreditNoteRecord, CustomerDefaults, CustomerRecord, DebtorStatus, InvoiceRecord, Ledger,
    LedgerDocument, LedgerState, PaymentRecord,
};
pub use crate::letters::{render, Format, Language, Letter, LetterContext};
pub use crate::money::{Currency, Money};
pub use crate::ops::run;
pub use crate::plans::{build as build_plan, Every, PaymentPlan, PlanRequest};
pub use crate::rates::RateTable;
pub use crate::terms::PaymentTerms;
