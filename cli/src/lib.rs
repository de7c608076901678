//! The command line's internals: reading ledger files (CSV with its mappings and encodings, JSON,
//! Parquet), writing outputs safely, and rendering tables, reports and letters. Every rule lives in
//! the `arrears` core crate; this library only moves data between files and the core.
//!
//! It is a library so that the `arrears` binary, the command line's tests and the fuzz targets
//! (`fuzz/`, which feed the CSV import arbitrary bytes) share one copy of the code. It is not a
//! published API (`publish = false`): the binary is the interface (`docs/cli.md`), and its items are
//! documented where they are not obvious rather than all of them.

#![allow(missing_docs)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::arithmetic_side_effects
    )
)]

pub mod agenda_cmd;
pub mod fast;
pub mod fec_cmd;
pub mod files;
pub mod import;
pub mod interest_cmd;
pub mod rate_files;
pub mod render;
pub mod sample_cmd;
pub mod tables;
pub mod terminal;
