#![no_main]
//! Fuzz target: see `checks::model` (structured mutations of the shipped ONNX model).

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::model(data));
