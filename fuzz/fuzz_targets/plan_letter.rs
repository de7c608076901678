//! libFuzzer target `plan_letter`: see `arrears_fuzz::plan_letter`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| arrears_fuzz::plan_letter(data));
