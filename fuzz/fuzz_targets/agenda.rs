//! libFuzzer target `agenda`: see `arrears_fuzz::agenda`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| arrears_fuzz::agenda(data));
