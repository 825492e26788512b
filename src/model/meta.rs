//! What a model file says about itself (ONNX `metadata_props`), and the checks that keep a model
//! from silently answering for features or labels it was not trained on.

use crate::error::{Error, Result};
use std::collections::HashMap;

/// Metadata keys written by `models/training/train.py`.
pub const KEY_LABELS: &str = "datacloak.labels";
pub const KEY_LAYOUT: &str = "datacloak.feature_layout";
pub const KEY_N_FEATURES: &str = "datacloak.n_features";
pub const KEY_TEMPERATURE: &str = "datacloak.temperature";
pub const KEY_COOCCURRENCE: &str = "datacloak.cooccurrence";

/// A model's self-description, checked against this build on load.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelMeta {
    /// Output labels in output order.
    pub labels: Vec<String>,
    pub feature_layout: String,
    pub n_features: usize,
    /// Softmax temperature the model was calibrated with (informational: it is inside the graph).
    pub temperature: f32,
    /// Label co-occurrence PMI, `labels.len()²` row-major; `None` if the model ships none.
    pub pmi: Option<Vec<f32>>,
    /// SHA-256 of the model bytes, hex.
    pub sha256: String,
}

fn mismatch(what: &str, expected: impl ToString, found: impl ToString) -> Error {
    Error::ModelMismatch {
        what: what.to_string(),
        expected: expected.to_string(),
        found: found.to_string(),
    }
}

impl ModelMeta {
    /// Reads and checks the metadata against this build's feature layout.
    pub fn from_props(
        props: &HashMap<String, String>,
        layout: &str,
        n_features: usize,
        sha256: String,
    ) -> Result<ModelMeta> {
        let get = |k: &str| {
            props
                .get(k)
                .ok_or_else(|| mismatch(&format!("metadata '{k}'"), "present", "missing"))
        };
        let labels: Vec<String> = serde_json::from_str(get(KEY_LABELS)?)
            .map_err(|e| mismatch(KEY_LABELS, "a JSON array of label names", e))?;
        if labels.is_empty() {
            return Err(mismatch("the label list", "at least one label", "empty"));
        }
        let mut seen = std::collections::HashSet::new();
        for l in &labels {
            if l.trim().is_empty() || !seen.insert(l.as_str()) {
                return Err(mismatch("label names", "unique and non-empty", format!("{l:?}")));
            }
        }
        let feature_layout = get(KEY_LAYOUT)?.clone();
        if feature_layout != layout {
            return Err(mismatch("feature layout", layout, &feature_layout));
        }
        let n: usize = get(KEY_N_FEATURES)?.trim().parse().map_err(|_| {
            mismatch(
                KEY_N_FEATURES,
                "a whole number",
                get(KEY_N_FEATURES).cloned().unwrap_or_default(),
            )
        })?;
        if n != n_features {
            return Err(mismatch("number of features", n_features, n));
        }
        let temperature = props
            .get(KEY_TEMPERATURE)
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or(1.0);
        let pmi = match props.get(KEY_COOCCURRENCE) {
            None => None,
            Some(raw) => Some(parse_pmi(raw, labels.len())?),
        };
        Ok(ModelMeta {
            labels,
            feature_layout,
            n_features,
            temperature,
            pmi,
            sha256,
        })
    }
}

fn parse_pmi(raw: &str, n: usize) -> Result<Vec<f32>> {
    #[derive(serde::Deserialize)]
    struct Co {
        pmi: Vec<Vec<f32>>,
    }
    let co: Co = serde_json::from_str(raw).map_err(|e| mismatch(KEY_COOCCURRENCE, "JSON {\"pmi\": [[...]]}", e))?;
    if co.pmi.iter().any(|r| r.len() != n) {
        return Err(mismatch(
            "co-occurrence matrix size",
            format!("{n}x{n}"),
            "rows of other lengths",
        ));
    }
    let rows = co.pmi.len();
    checked_pmi(co.pmi.into_iter().flatten().collect(), [rows, n], n)
}

/// A co-occurrence matrix of `shape` (row-major), checked to be `n`×`n` and finite: the one check
/// for the JSON an ONNX file carries and the tensor the NNEF form keeps (`onnx::to_nnef`).
pub fn checked_pmi(flat: Vec<f32>, shape: [usize; 2], n: usize) -> Result<Vec<f32>> {
    if shape != [n, n] || flat.len() != n * n {
        return Err(mismatch(
            "co-occurrence matrix size",
            format!("{n}x{n}"),
            format!("{} rows", shape[0]),
        ));
    }
    if flat.iter().any(|v| !v.is_finite()) {
        return Err(mismatch("co-occurrence values", "finite numbers", "NaN or infinity"));
    }
    Ok(flat)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn checks_layout_and_sizes() {
        let ok = props(&[
            (KEY_LABELS, r#"["a","b"]"#),
            (KEY_LAYOUT, "L1"),
            (KEY_N_FEATURES, "3"),
            (KEY_COOCCURRENCE, r#"{"pmi":[[0,1],[1,0]]}"#),
        ]);
        let m = ModelMeta::from_props(&ok, "L1", 3, "x".into()).unwrap();
        assert_eq!(m.labels, vec!["a", "b"]);
        assert_eq!(m.pmi.as_deref(), Some(&[0.0, 1.0, 1.0, 0.0][..]));
        let e = ModelMeta::from_props(&ok, "L2", 3, "x".into()).unwrap_err();
        assert_eq!(e.code(), "MODEL_MISMATCH");
        assert!(e.to_string().contains("feature layout"));
        assert!(ModelMeta::from_props(&ok, "L1", 4, "x".into()).is_err());
        let dup = props(&[(KEY_LABELS, r#"["a","a"]"#), (KEY_LAYOUT, "L1"), (KEY_N_FEATURES, "3")]);
        assert!(ModelMeta::from_props(&dup, "L1", 3, "x".into()).is_err());
        assert!(ModelMeta::from_props(&props(&[]), "L1", 3, "x".into()).is_err());
        let bad_co = props(&[
            (KEY_LABELS, r#"["a","b"]"#),
            (KEY_LAYOUT, "L1"),
            (KEY_N_FEATURES, "3"),
            (KEY_COOCCURRENCE, r#"{"pmi":[[0]]}"#),
        ]);
        assert!(ModelMeta::from_props(&bad_co, "L1", 3, "x".into()).is_err());
    }
}
