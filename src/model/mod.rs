//! The model: an ONNX classifier `[columns, features] → [columns, labels]`, run by tract.
//!
//! Every tract call of the crate lives in this module, and tract's errors become
//! [`Error::Model`] here. The default model is compiled into the binary; callers may pass
//! other model bytes, which are checked ([`meta`]) before use.

pub mod check;
pub mod meta;

use crate::error::{Error, Result};
use crate::features;
pub use meta::ModelMeta;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use tract_onnx::prelude::*;

/// The shipped model and the SHA-256 its `meta.json` records for it.
const DEFAULT_MODEL: &[u8] = include_bytes!("../../models/datacloak-v1/model.onnx");
const DEFAULT_META: &str = include_str!("../../models/datacloak-v1/meta.json");

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

impl Model {
    /// Loads a model from ONNX bytes and checks that it fits this build.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        Self::load(bytes, sha256_hex(bytes))
    }

    /// `from_bytes` with the checksum already computed: hashing the model is a noticeable part of
    /// start-up in wasm, so it is done once.
    fn load(bytes: &[u8], sha256: String) -> Result<Model> {
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
        let n_features = features::len();
        let meta = ModelMeta::from_props(&props, features::LAYOUT, n_features, sha256)?;
        check::check(&proto)?;
        // tract may still panic on a graph the checks let through; natively that is caught and
        // reported (wasm builds abort on panic, which is why the checks come first).
        let plan = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| prepare(&onnx, &proto, n_features)))
            .map_err(|_| Error::Model {
                message: "the model could not be prepared: tract failed on this graph".into(),
            })??;
        let m = Model { plan, meta };
        // One dry run proves the output shape now rather than on the user's data.
        let probe = m.predict(&[vec![0.0; n_features]])?;
        if probe.len() != 1 {
            return Err(Error::ModelMismatch {
                what: "output rows".into(),
                expected: "1".into(),
                found: probe.len().to_string(),
            });
        }
        Ok(m)
    }

    /// The model compiled into this build (loaded once, then shared).
    pub fn embedded() -> Result<&'static Model> {
        static MODEL: OnceLock<std::result::Result<Model, Error>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                let expected = expected_default_sha()?;
                let found = sha256_hex(DEFAULT_MODEL);
                if expected != found {
                    return Err(Error::ModelMismatch {
                        what: "embedded model checksum".into(),
                        expected,
                        found,
                    });
                }
                Model::load(DEFAULT_MODEL, found)
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

/// Reads the checked proto into tract's graph, fixes the batch dimension and optimises it.
fn prepare(
    onnx: &tract_onnx::Onnx,
    proto: &tract_onnx::pb::ModelProto,
    n_features: usize,
) -> Result<Arc<TypedRunnableModel>> {
    let mut model = onnx
        .model_for_proto_model(proto)
        .map_err(model_err("the ONNX graph could not be read (unsupported operator?)"))?;
    let batch = model.sym("N");
    model
        .set_input_fact(0, f32::fact([batch.to_dim(), n_features.to_dim()]).into())
        .map_err(model_err("the model input is not [batch, features] f32"))?;
    let plan = model
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
        .map_err(model_err("the model could not be prepared to run"))?;
    Ok(plan)
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
    fn truncated_or_corrupt_models_are_errors() {
        let half = &DEFAULT_MODEL[..DEFAULT_MODEL.len() / 2];
        assert_eq!(Model::from_bytes(half).unwrap_err().code(), "MODEL");
        assert_eq!(Model::from_bytes(b"not a model").unwrap_err().code(), "MODEL");
        assert_eq!(Model::from_bytes(&[]).unwrap_err().code(), "MODEL");
    }

    #[test]
    fn wrong_batch_width_is_an_error() {
        let m = Model::embedded().unwrap();
        assert_eq!(m.predict(&[vec![0.0; 3]]).unwrap_err().code(), "MODEL_MISMATCH");
    }
}
