//! libFuzzer target `csv_import`: see `arrears_fuzz::csv_import`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| arrears_fuzz::csv_import(data));
