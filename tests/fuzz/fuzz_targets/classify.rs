#![no_main]
//! Fuzz target: see `checks::classify`.

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::classify(data));
