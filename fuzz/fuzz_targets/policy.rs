//! libFuzzer target `policy`: see `arrears_fuzz::policy`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| arrears_fuzz::policy(data));
