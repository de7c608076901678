//! libFuzzer target `fec`: see `arrears_fuzz::fec`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| arrears_fuzz::fec(data));
