//! libFuzzer target `run`: see `arrears_fuzz::run`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| arrears_fuzz::run(data));
