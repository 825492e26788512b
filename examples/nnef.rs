//! Translates a model directory's `model.onnx` into the `model.nnef.tar` the default build embeds
//! (tract's NNEF form: no ONNX reader needed at run time). Run after training:
//!
//! ```text
//! cargo run --release --example nnef -- models/datacloak-v1
//! ```
//!
//! `tests/golden.rs` checks that the committed file is this translation of the committed ONNX
//! model and that both give the same probabilities on the golden inputs.

use std::path::PathBuf;

fn main() -> std::process::ExitCode {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "models/datacloak-v1".into()));
    let (onnx, nnef) = (dir.join("model.onnx"), dir.join("model.nnef.tar"));
    let run = || -> Result<usize, String> {
        let bytes = std::fs::read(&onnx).map_err(|e| format!("{}: {e}", onnx.display()))?;
        let tar = datacloak::model::onnx::to_nnef(&bytes).map_err(|e| format!("{}: {e}", onnx.display()))?;
        std::fs::write(&nnef, &tar).map_err(|e| format!("{}: {e}", nnef.display()))?;
        Ok(tar.len())
    };
    match run() {
        Ok(n) => {
            println!("wrote {} ({n} bytes) from {}", nnef.display(), onnx.display());
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("nnef: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
