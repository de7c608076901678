//! libFuzzer target `ledger`: see `arrears_fuzz::ledger`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| arrears_fuzz::ledger(data));
