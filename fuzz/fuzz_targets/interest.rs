//! libFuzzer target `interest`: see `arrears_fuzz::interest`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| arrears_fuzz::interest(data));
