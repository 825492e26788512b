//! ONNX models (builds with the `onnx` feature): custom models a caller passes, checked before
//! tract sees them, and the build-time translation of the shipped `model.onnx` into the NNEF
//! form the default build embeds.

use super::meta::KEY_COOCCURRENCE;
use super::{check, model_err, sha256_hex, Model, ModelMeta, ONNX_PROPS, SOURCE_SHA_PROP};
use crate::error::{Error, Result};
use crate::features;
use std::collections::HashMap;
use tract_onnx::prelude::*;

/// Reads, checks and prepares an ONNX model (`sha256`: of `bytes`, computed once by the caller).
pub(super) fn load(bytes: &[u8], sha256: String) -> Result<Model> {
    let (typed, meta) = read(bytes)?;
    Model::finish(typed, ModelMeta { sha256, ..meta })
}

/// The checked ONNX graph as tract's typed model with the input `[N, features]` (N symbolic),
/// and what its `metadata_props` say (checksum left empty).
fn read(bytes: &[u8]) -> Result<(TypedModel, ModelMeta)> {
    if bytes.is_empty() {
        return Err(Error::Model {
            message: "the model file is empty".into(),
        });
    }
    let onnx = tract_onnx::onnx();
    let proto = onnx.proto_model_for_read(&mut &bytes[..]).map_err(model_err(
        "the bytes are not a readable ONNX model (truncated or corrupt?)",
    ))?;
    let props: HashMap<String, String> = proto
        .metadata_props
        .iter()
        .map(|p| (p.key.clone(), p.value.clone()))
        .collect();
    // The metadata is checked before the graph: a model for another feature layout is refused
    // with that reason rather than with whatever its graph would fail on.
    let meta = ModelMeta::from_props(&props, features::LAYOUT, features::len(), String::new())?;
    check::check(&proto)?;
    let n_features = features::len();
    let typed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> Result<TypedModel> {
        let mut model = onnx
            .model_for_proto_model(&proto)
            .map_err(model_err("the ONNX graph could not be read (unsupported operator?)"))?;
        let batch = model.sym("N");
        model
            .set_input_fact(0, f32::fact([batch.to_dim(), n_features.to_dim()]).into())
            .map_err(model_err("the model input is not [batch, features] f32"))?;
        model
            .into_typed()
            .map_err(model_err("the model's types could not be worked out"))
    }))
    .map_err(|_| Error::Model {
        message: "the model could not be read: tract failed on this graph".into(),
    })??;
    Ok((typed, meta))
}

/// Translates ONNX model bytes into tract's NNEF form (an uncompressed tar, byte-identical for
/// the same input): decluttered, with the batch dimension symbolic, the ONNX metadata carried
/// over as model properties and the ONNX file's SHA-256 as [`SOURCE_SHA_PROP`]. This is the
/// build-time step behind `models/<name>/model.nnef.tar` (`cargo run --example nnef`).
pub fn to_nnef(onnx_bytes: &[u8]) -> Result<Vec<u8>> {
    let (typed, meta) = read(onnx_bytes)?;
    let mut model = typed
        .into_decluttered()
        .map_err(model_err("the model could not be decluttered"))?;
    model
        .properties
        .insert(SOURCE_SHA_PROP.into(), rctensor0(sha256_hex(onnx_bytes)));
    // The co-occurrence matrix goes in its own binary entry rather than as JSON text among the
    // properties: tract parses NNEF text a character at a time, and those 10 KB were a tenth of
    // the wasm build's start-up (BENCHMARKS.md, "Without the ONNX reader").
    // (`read` has checked it: n×n over the model's labels.)
    model.properties.remove(&format!("{ONNX_PROPS}{KEY_COOCCURRENCE}"));
    let pmi = match &meta.pmi {
        None => None,
        Some(flat) => {
            let n = meta.labels.len();
            let tensor = Tensor::from_shape(&[n, n], flat).map_err(model_err("shaping the co-occurrence matrix"))?;
            let mut dat = Vec::new();
            tract_nnef::tensors::write_tensor(&mut dat, &tensor)
                .map_err(model_err("writing the co-occurrence matrix"))?;
            Some(dat)
        }
    };
    let tar = tract_nnef::nnef()
        .write_to_tar_with_config(&model, Vec::new(), false, true)
        .map_err(model_err("the NNEF form could not be written"))?;
    match pmi {
        None => Ok(tar),
        Some(dat) => with_entry(&tar, &format!("{KEY_COOCCURRENCE}.dat"), &dat),
    }
}

/// `tar` with one more file at its end, its header as deterministic as tract's own.
fn with_entry(tar: &[u8], name: &str, data: &[u8]) -> Result<Vec<u8>> {
    let io = |e: std::io::Error| Error::Model {
        message: format!("repacking the NNEF archive: {e}"),
    };
    let mut out = tar::Builder::new(Vec::new());
    for entry in tar::Archive::new(tar).entries().map_err(io)? {
        let mut entry = entry.map_err(io)?;
        let header = entry.header().clone();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).map_err(io)?;
        out.append(&header, &bytes[..]).map_err(io)?;
    }
    let mut header = tar::Header::new_gnu();
    header.set_path(name).map_err(io)?;
    header.set_size(data.len() as u64);
    header.set_mode(0o644);
    header.set_mtime(315_532_800); // 1980-01-01, as tract writes its entries
    header.set_cksum();
    out.append(&header, data).map_err(io)?;
    out.into_inner().map_err(io)
}
#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &[u8] = include_bytes!("../../models/datacloak-v1/model.onnx");

    #[test]
    fn truncated_or_corrupt_models_are_errors() {
        let half = &SHIPPED[..SHIPPED.len() / 2];
        assert_eq!(Model::from_bytes(half).unwrap_err().code(), "MODEL");
        assert_eq!(Model::from_bytes(b"not a model").unwrap_err().code(), "MODEL");
        assert_eq!(Model::from_bytes(&[]).unwrap_err().code(), "MODEL");
    }

    #[test]
    fn the_translation_is_reproducible() {
        assert_eq!(to_nnef(SHIPPED).unwrap(), to_nnef(SHIPPED).unwrap());
    }
}
