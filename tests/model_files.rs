//! The model loader against real ONNX files that are each wrong in one way
//! (made by tests/data/models/make_test_models.py), and a custom model with extra labels.

use datacloak::{model::Model, Classifier, Options};
use std::path::Path;

fn load(name: &str) -> Result<Model, datacloak::Error> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/models")
        .join(name);
    Model::from_bytes(&std::fs::read(p).unwrap())
}

const REGENERATE: &str = "if the feature layout changed, regenerate: \
    ~/.cache/datacloak/venv/bin/python tests/data/models/make_test_models.py target/debug/datacloak";

#[test]
fn custom_model_with_more_labels_than_the_taxonomy_works() {
    let m = load("extra_labels.onnx").unwrap_or_else(|e| panic!("{e}; {REGENERATE}"));
    assert_eq!(m.meta.labels.len(), 40);
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/models/extra_labels.onnx")).unwrap();
    let c = Classifier::with_model_bytes(&bytes).unwrap();
    let r = c.classify_bytes(b"badge\nB-1\nB-2\n", &Options::default()).unwrap();
    let col = &r.columns[0];
    // The test model favours employee_badge on every input (make_test_models.py), so the rule
    // for labels the taxonomy does not know is exercised on every run.
    assert_eq!(col.label, "employee_badge");
    assert_eq!(
        col.sensitivity, "high",
        "labels unknown to the taxonomy count as high sensitivity"
    );
    assert_eq!(col.kind, "unknown");
    assert_eq!(r.table.model.labels, 40);
}

#[test]
fn wrong_feature_count_is_refused_on_load() {
    let e = load("wrong_features.onnx").unwrap_err();
    assert_eq!(e.code(), "MODEL_MISMATCH", "{e}");
    assert!(e.to_string().contains("number of features"), "{e}");
}

#[test]
fn metadata_that_lies_about_the_width_is_refused() {
    let e = load("lying_width.onnx").unwrap_err();
    assert_eq!(e.code(), "MODEL", "{e}");
}

#[test]
fn model_without_metadata_is_refused() {
    let e = load("no_metadata.onnx").unwrap_err();
    assert_eq!(e.code(), "MODEL_MISMATCH");
    assert!(e.to_string().contains("datacloak.labels"), "{e}");
}

#[test]
fn unknown_operator_is_refused() {
    let e = load("unknown_op.onnx").unwrap_err();
    assert_eq!(e.code(), "MODEL");
    assert!(e.to_string().contains("unsupported operator"), "{e}");
}

/// Crafted models (valid DataCloak metadata, hostile graphs) are refused before tract loads
/// them, quickly, with `MODEL` and the reason: natively they used to panic or abort on
/// allocation, in wasm they trapped.
mod crafted {
    use datacloak::model::Model;
    use prost::Message;
    use std::time::{Duration, Instant};
    use tract_onnx::pb::{self, tensor_proto::DataType};

    fn shipped() -> pb::ModelProto {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/models/datacloak-v1/model.onnx")).unwrap();
        pb::ModelProto::decode(bytes.as_slice()).unwrap()
    }

    fn refused(m: &pb::ModelProto, reason: &str) {
        let t = Instant::now();
        let e = Model::from_bytes(&m.encode_to_vec()).expect_err("a crafted model must be refused");
        assert_eq!(e.code(), "MODEL", "{e}");
        assert!(e.to_string().contains(reason), "{e}");
        assert!(t.elapsed() < Duration::from_secs(5), "took {:?}", t.elapsed());
    }

    fn tensor(name: &str, dtype: DataType, dims: &[i64], raw: Vec<u8>) -> pb::TensorProto {
        pb::TensorProto {
            name: name.into(),
            data_type: dtype as i32,
            dims: dims.to_vec(),
            raw_data: raw,
            ..Default::default()
        }
    }

    fn node(op: &str, inputs: &[&str], output: &str) -> pb::NodeProto {
        pb::NodeProto {
            op_type: op.into(),
            input: inputs.iter().map(|s| s.to_string()).collect(),
            output: vec![output.into()],
            ..Default::default()
        }
    }

    #[test]
    fn the_shipped_model_passes_the_checks() {
        Model::from_bytes(&shipped().encode_to_vec()).unwrap();
    }

    #[test]
    fn string_initializer_stored_as_raw_bytes() {
        let mut m = shipped();
        let g = m.graph.as_mut().unwrap();
        g.initializer.push(tensor("s", DataType::String, &[2], b"abc".to_vec()));
        refused(&m, "element type String");
    }

    #[test]
    fn allocating_operators_folded_at_load() {
        for (op, extra) in [
            ("ConstantOfShape", vec![]),
            ("Range", vec!["b", "c"]),
            ("Tile", vec!["b"]),
        ] {
            let mut m = shipped();
            let g = m.graph.as_mut().unwrap();
            g.initializer.push(tensor(
                "a",
                DataType::Int64,
                &[2],
                [1i64 << 20, 1 << 20].iter().flat_map(|v| v.to_le_bytes()).collect(),
            ));
            let mut inputs = vec!["a"];
            inputs.extend(extra);
            g.node.insert(0, node(op, &inputs, "big"));
            refused(&m, &format!("unsupported operator {op}"));
        }
    }

    #[test]
    fn a_huge_initializer_and_a_lying_one() {
        let mut m = shipped();
        m.graph
            .as_mut()
            .unwrap()
            .initializer
            .push(tensor("w", DataType::Float, &[1 << 20, 1 << 20], vec![]));
        refused(&m, "elements, more than the limit");
        let mut m = shipped();
        m.graph
            .as_mut()
            .unwrap()
            .initializer
            .push(tensor("w", DataType::Float, &[1000], vec![0; 12]));
        refused(&m, "declares 1000 elements");
    }

    #[test]
    fn dimensions_that_do_not_fit_32_bits() {
        let mut m = shipped();
        m.graph
            .as_mut()
            .unwrap()
            .initializer
            .push(tensor("w", DataType::Float, &[1 << 62], vec![]));
        refused(&m, "dimensions must be between 0 and");
        let mut m = shipped();
        let input = &mut m.graph.as_mut().unwrap().input[0];
        let Some(pb::type_proto::Value::TensorType(t)) = input.r#type.as_mut().unwrap().value.as_mut() else {
            panic!("the shipped model's input is a tensor")
        };
        t.shape.as_mut().unwrap().dim[1].value = Some(pb::tensor_shape_proto::dimension::Value::DimValue(1 << 62));
        refused(&m, "declares the dimension");
    }

    #[test]
    fn a_chain_of_fifty_thousand_identities() {
        let mut m = shipped();
        let g = m.graph.as_mut().unwrap();
        let first = g.input[0].name.clone();
        let mut prev = first.clone();
        for i in 0..50_000 {
            let out = format!("id{i}");
            g.node.push(node("Identity", &[&prev], &out));
            prev = out;
        }
        let nodes = m.graph.as_ref().unwrap().node.len();
        refused(&m, &format!("{nodes} nodes"));
    }

    #[test]
    fn external_data_and_foreign_domains() {
        let mut m = shipped();
        let mut t = tensor("w", DataType::Float, &[1], vec![0; 4]);
        t.data_location = Some(1);
        m.graph.as_mut().unwrap().initializer.push(t);
        refused(&m, "external data");
        let mut m = shipped();
        let mut n = node("Relu", &["x"], "y");
        n.domain = "com.microsoft".into();
        m.graph.as_mut().unwrap().node.push(n);
        refused(&m, "operator domain 'com.microsoft'");
    }
}
