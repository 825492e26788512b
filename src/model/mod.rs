//! The model: a classifier `[columns, features] → [columns, labels]`, run by tract.
//!
//! Every tract call of the crate lives in this module, and tract's errors become
//! [`Error::Model`] here. The shipped model is compiled in as tract's NNEF form (`model.nnef.tar`,
//! translated from `model.onnx` at build time by [`onnx::to_nnef`]): reading NNEF needs only
//! tract-nnef and tract-core, so the default wasm links no ONNX front end (protobuf, ONNX op
//! translation, type analysis), a quarter of tract's code. Custom models are ONNX, read by builds
//! with the `onnx` feature (native, and the package's `pkg/onnx` build) and checked ([`check`],
//! [`meta`]) before tract sees them.

#[cfg(feature = "onnx")]
pub mod check;
pub mod meta;
#[cfg(feature = "onnx")]
pub mod onnx;

use crate::error::{Error, Result};
use crate::features;
pub use meta::ModelMeta;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use tract_nnef::prelude::*;

/// The shipped model in tract's NNEF form, and the `meta.json` that names its ONNX original.
const DEFAULT_MODEL: &[u8] = include_bytes!("../../models/datacloak-v1/model.nnef.tar");
const DEFAULT_META: &str = include_str!("../../models/datacloak-v1/meta.json");

/// Model property prefix under which tract keeps an ONNX file's `metadata_props`.
const ONNX_PROPS: &str = "onnx.metadata_props.";
/// Model property the translation adds: SHA-256 of the ONNX file the NNEF form was made from.
pub const SOURCE_SHA_PROP: &str = "datacloak.source_sha256";

/// A loaded, optimised model, ready to run batches.
pub struct Model {
    plan: Arc<TypedRunnableModel>,
    pub meta: ModelMeta,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model").field("meta", &self.meta).finish()
    }
}

fn model_err(context: &str) -> impl Fn(TractError) -> Error + '_ {
    move |e| Error::Model {
        message: format!("{context}: {e:#}"),
    }
}

/// Hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The metadata of the built-in model: the string properties, as an ONNX file's
/// `metadata_props` read them (tract keeps those under [`ONNX_PROPS`] and the NNEF form carries
/// them over), and the co-occurrence matrix, which the NNEF form keeps as a tensor of its own
/// (`onnx::to_nnef`). The checksum reported is the ONNX original's, which must be `expected`.
fn nnef_meta(proto: &tract_nnef::ast::ProtoModel, model: &TypedModel, expected: String) -> Result<ModelMeta> {
    let props: HashMap<String, String> = model
        .properties
        .iter()
        .filter_map(|(k, v)| {
            let value = v.try_as_plain_ram().ok()?.to_scalar::<String>().ok()?.clone();
            Some((k.strip_prefix(ONNX_PROPS).unwrap_or(k).to_string(), value))
        })
        .collect();
    let found = props.get(SOURCE_SHA_PROP).cloned().unwrap_or_default();
    if expected != found {
        return Err(Error::ModelMismatch {
            what: "built-in model.nnef.tar's source (re-run the NNEF translation: models/README.md)".into(),
            expected,
            found,
        });
    }
    let mut meta = ModelMeta::from_props(&props, features::LAYOUT, features::len(), found)?;
    let key = tract_nnef::ast::Identifier::from(meta::KEY_COOCCURRENCE);
    if let Some(t) = proto.tensors.get(&key) {
        let flat = t
            .try_as_plain_ram()
            .and_then(|v| v.as_slice::<f32>().map(<[f32]>::to_vec))
            .map_err(model_err("the built-in co-occurrence matrix is not f32"))?;
        let shape = match t.shape() {
            &[rows, cols] => [rows, cols],
            _ => [flat.len(), 1],
        };
        meta.pmi = Some(meta::checked_pmi(flat, shape, meta.labels.len())?);
    }
    Ok(meta)
}

impl Model {
    /// Loads a custom model from ONNX bytes and checks that it fits this build. Builds without
    /// the `onnx` feature (the default wasm) run only the model compiled in.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        #[cfg(feature = "onnx")]
        {
            onnx::load(bytes, sha256_hex(bytes))
        }
        #[cfg(not(feature = "onnx"))]
        {
            let _ = bytes;
            Err(Error::Model {
                message:
                    "this build runs only its built-in model: it has no ONNX reader (about a quarter of its size). \
                          For a custom model import `datacloak/onnx` (the CLIs' --model does that for you)"
                        .into(),
            })
        }
    }

    /// The optimised, runnable model of a typed graph whose input is `[batch, features]`, proved
    /// by one dry run (so that a wrong output shape is found now rather than on the user's data).
    fn finish(model: TypedModel, meta: ModelMeta) -> Result<Model> {
        // tract may still panic on a graph the checks let through; natively that is caught and
        // reported (wasm builds abort on panic, which is why custom models are checked first).
        let plan = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| optimise(model))).map_err(|_| {
            Error::Model {
                message: "the model could not be prepared: tract failed on this graph".into(),
            }
        })??;
        let m = Model { plan, meta };
        let probe = m.predict(&[vec![0.0; m.meta.n_features]])?;
        if probe.len() != 1 {
            return Err(Error::ModelMismatch {
                what: "output rows".into(),
                expected: "1".into(),
                found: probe.len().to_string(),
            });
        }
        Ok(m)
    }

    /// The model compiled into this build (loaded once, then shared). Its reported checksum is
    /// that of the ONNX model of record, which the NNEF form names as its source.
    pub fn embedded() -> Result<&'static Model> {
        static MODEL: OnceLock<std::result::Result<Model, Error>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                let expected = expected_default_sha()?;
                let reader = nnef_reader();
                let unreadable = model_err("the built-in NNEF model does not read");
                let proto = reader
                    .proto_model_for_read(&mut &DEFAULT_MODEL[..])
                    .map_err(&unreadable)?;
                let typed = reader.model_for_proto_model(&proto).map_err(&unreadable)?;
                let meta = nnef_meta(&proto, &typed, expected)?;
                Model::finish(typed, meta)
            })
            .as_ref()
            .map_err(Clone::clone)
    }
    /// Label probabilities for a batch of feature vectors (one row per column).
    pub fn predict<R: AsRef<[f32]>>(&self, batch: &[R]) -> Result<Vec<Vec<f32>>> {
        let f = self.meta.n_features;
        let n_labels = self.meta.labels.len();
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        let mut flat = Vec::with_capacity(batch.len() * f);
        for (i, row) in batch.iter().map(AsRef::as_ref).enumerate() {
            if row.len() != f {
                return Err(Error::ModelMismatch {
                    what: format!("length of feature vector {i}"),
                    expected: f.to_string(),
                    found: row.len().to_string(),
                });
            }
            flat.extend_from_slice(row);
        }
        let input = Tensor::from_shape(&[batch.len(), f], &flat).map_err(model_err("building the input"))?;
        let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.plan.run(tvec!(input.into()))))
            .map_err(|_| Error::Model {
                message: "running the model: tract failed on this graph".into(),
            })?
            .map_err(model_err("running the model"))?;
        let first = out.first().ok_or_else(|| Error::Model {
            message: "the model has no output".into(),
        })?;
        let view = first
            .to_plain_array_view::<f32>()
            .map_err(model_err("reading the output"))?;
        if view.shape() != [batch.len(), n_labels] {
            return Err(Error::ModelMismatch {
                what: "output shape".into(),
                expected: format!("[{}, {n_labels}]", batch.len()),
                found: format!("{:?}", view.shape()),
            });
        }
        let probs: Vec<Vec<f32>> = view.outer_iter().map(|r| r.iter().copied().collect()).collect();
        if probs.iter().flatten().any(|p| !p.is_finite()) {
            return Err(Error::Model {
                message: "the model produced NaN or infinite probabilities".into(),
            });
        }
        Ok(probs)
    }
}

/// tract's NNEF reader with what reading the built-in model needs: `tract_nnef::nnef()` also
/// parses NNEF's standard library, which only writing uses (a quarter of the load time natively),
/// and loaders of quantisation files and nested models. `Model::embedded` proves it reads.
fn nnef_reader() -> tract_nnef::framework::Nnef {
    tract_nnef::framework::Nnef {
        stdlib: Vec::new(),
        registries: vec![tract_nnef::ops::tract_nnef(), tract_nnef::ops::tract_core()],
        resource_loaders: vec![
            Box::new(tract_nnef::resource::GraphNnefLoader),
            Box::new(tract_nnef::resource::DatLoader),
        ],
        allow_extended_identifier_syntax: false,
        extern_all_constants: false,
    }
}

/// tract's optimised, runnable plan of a typed graph.
fn optimise(model: TypedModel) -> Result<Arc<TypedRunnableModel>> {
    model
        .into_optimized()
        .map_err(|e| {
            let text = format!("{e:#}");
            match unsupported_op(&text) {
                Some(op) => Error::Model {
                    message: format!("the model uses an unsupported operator ({op}) that tract cannot run"),
                },
                None => Error::Model {
                    message: format!("the model could not be prepared: {text}"),
                },
            }
        })?
        .into_runnable()
        .map_err(model_err("the model could not be prepared to run"))
}

/// The operator name in tract's "Unimplemented(Op)" message, if that is what failed.
fn unsupported_op(message: &str) -> Option<&str> {
    let start = message.find("Unimplemented(")? + "Unimplemented(".len();
    let len = message[start..].find(')')?;
    message.get(start..start + len)
}

fn expected_default_sha() -> Result<String> {
    let v: serde_json::Value = serde_json::from_str(DEFAULT_META).map_err(|e| Error::Model {
        message: format!("embedded meta.json does not parse: {e}"),
    })?;
    v.get("model_sha256")
        .and_then(|s| s.as_str())
        .map(str::to_string)
        .ok_or_else(|| Error::Model {
            message: "embedded meta.json has no model_sha256".into(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_loads_and_predicts_distributions() {
        let m = Model::embedded().unwrap();
        assert!(m.meta.labels.len() >= 38);
        let p = m
            .predict(&[vec![0.0; features::len()], vec![0.5; features::len()]])
            .unwrap();
        assert_eq!(p.len(), 2);
        for row in p {
            let s: f32 = row.iter().sum();
            assert!((s - 1.0).abs() < 1e-3, "sum {s}");
        }
    }

    #[test]
    fn wrong_batch_width_is_an_error() {
        let m = Model::embedded().unwrap();
        assert_eq!(m.predict(&[vec![0.0; 3]]).unwrap_err().code(), "MODEL_MISMATCH");
    }
}
