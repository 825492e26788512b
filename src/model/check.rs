//! Checks a caller's ONNX model before tract sees it.
//!
//! tract trusts its input: a STRING initializer stored as raw bytes panics inside tract (a trap
//! that kills a wasm instance), and `ConstantOfShape [2^20, 2^20]`, `Range(0, 1e12, 1)` or `Tile`
//! are folded at load time into allocations of terabytes. A classifier of feature vectors needs
//! none of that, so a model is only handed to tract when its graph is small, made of the
//! operators such networks use, with dense numeric initializers of a bounded size and declared
//! dimensions that fit 32 bits (the same answer in native and wasm builds). Every refusal is
//! [`Error::Model`] with the reason.

use crate::error::{Error, Result};
use tract_onnx::pb::tensor_proto::DataType;
use tract_onnx::pb::{
    attribute_proto, tensor_shape_proto::dimension, type_proto, GraphProto, ModelProto, TensorProto, ValueInfoProto,
};

/// Most nodes a model may have (the shipped one has 18; an MLP ensemble needs a few dozen).
pub const MAX_NODES: usize = 2_000;
/// Most elements of one initializer or constant (64 MiB of f32).
pub const MAX_TENSOR_ELEMENTS: u64 = 16 << 20;
/// Most bytes of all initializers together.
pub const MAX_WEIGHT_BYTES: u64 = 256 << 20;
/// Largest declared dimension of an input, output or initializer: 32 bits, so that wasm32 and
/// 64-bit builds read the same model the same way.
pub const MAX_DIM: i64 = i32::MAX as i64;

/// The operators a feed-forward classifier of feature vectors is built from. Shape-making
/// operators that allocate from runtime values (ConstantOfShape, Range, Tile, Expand, Resize),
/// control flow (If, Loop, Scan) and anything outside the default domain are refused.
const ALLOWED_OPS: &[&str] = &[
    "Abs",
    "Add",
    "ArgMax",
    "BatchNormalization",
    "Cast",
    "Clip",
    "Concat",
    "Constant",
    "DequantizeLinear",
    "Div",
    "Dropout",
    "Elu",
    "Erf",
    "Exp",
    "Flatten",
    "Gather",
    "Gemm",
    "HardSigmoid",
    "Identity",
    "LayerNormalization",
    "LeakyRelu",
    "Log",
    "LogSoftmax",
    "MatMul",
    "Max",
    "Min",
    "Mul",
    "Neg",
    "Pow",
    "QuantizeLinear",
    "ReduceMax",
    "ReduceMean",
    "ReduceSum",
    "Relu",
    "Reshape",
    "Selu",
    "Sigmoid",
    "Softmax",
    "Softplus",
    "Sqrt",
    "Squeeze",
    "Sub",
    "Sum",
    "Tanh",
    "Transpose",
    "Unsqueeze",
];

fn refuse(message: String) -> Error {
    Error::Model { message }
}

/// Refuses a model tract should not be asked to load, saying why.
pub fn check(proto: &ModelProto) -> Result<()> {
    if !proto.functions.is_empty() {
        return Err(refuse(
            "the model defines ONNX functions; only plain graphs are accepted".into(),
        ));
    }
    if !proto.training_info.is_empty() {
        return Err(refuse(
            "the model carries training graphs; export it for inference only".into(),
        ));
    }
    let graph = proto
        .graph
        .as_ref()
        .ok_or_else(|| refuse("the model has no graph".into()))?;
    check_graph(graph)
}

fn check_graph(g: &GraphProto) -> Result<()> {
    if g.node.len() > MAX_NODES {
        return Err(refuse(format!(
            "the graph has {} nodes, more than the {MAX_NODES} a column classifier needs",
            g.node.len()
        )));
    }
    if !g.sparse_initializer.is_empty() {
        return Err(refuse("sparse initializers are not supported".into()));
    }
    for v in g.input.iter().chain(&g.output).chain(&g.value_info) {
        check_value_info(v)?;
    }
    let mut weight_bytes = 0u64;
    for t in &g.initializer {
        weight_bytes = weight_bytes.saturating_add(check_tensor(t, &format!("initializer '{}'", t.name))?);
    }
    for node in &g.node {
        let what = if node.name.is_empty() {
            format!("a {} node", node.op_type)
        } else {
            format!("node '{}' ({})", node.name, node.op_type)
        };
        if !(node.domain.is_empty() || node.domain == "ai.onnx") {
            return Err(refuse(format!(
                "{what}: unsupported operator {} from the operator domain '{}'; only the default ONNX domain is accepted",
                node.op_type, node.domain
            )));
        }
        if !ALLOWED_OPS.contains(&node.op_type.as_str()) {
            return Err(refuse(format!(
                "{what}: unsupported operator {}: a column classifier may use {}",
                node.op_type,
                ALLOWED_OPS.join(", ")
            )));
        }
        for a in &node.attribute {
            if a.g.is_some() || !a.graphs.is_empty() {
                return Err(refuse(format!("{what} holds a subgraph; control flow is not accepted")));
            }
            if a.sparse_tensor.is_some() || !a.sparse_tensors.is_empty() {
                return Err(refuse(format!("{what} holds a sparse tensor")));
            }
            let attr = format!("{what}, attribute '{}'", a.name);
            for t in a.t.iter().chain(&a.tensors) {
                weight_bytes = weight_bytes.saturating_add(check_tensor(t, &attr)?);
            }
            if a.r#type == attribute_proto::AttributeType::Ints as i32 && a.ints.len() > 64 {
                return Err(refuse(format!("{attr} lists {} integers", a.ints.len())));
            }
        }
    }
    if weight_bytes > MAX_WEIGHT_BYTES {
        return Err(refuse(format!(
            "the weights take {weight_bytes} bytes, more than the limit of {MAX_WEIGHT_BYTES}"
        )));
    }
    Ok(())
}

fn check_value_info(v: &ValueInfoProto) -> Result<()> {
    let Some(type_proto::Value::TensorType(t)) = v.r#type.as_ref().and_then(|t| t.value.as_ref()) else {
        return Ok(());
    };
    for d in t.shape.iter().flat_map(|s| &s.dim) {
        if let Some(dimension::Value::DimValue(n)) = d.value {
            if !(0..=MAX_DIM).contains(&n) {
                return Err(refuse(format!(
                    "'{}' declares the dimension {n}; dimensions must be between 0 and {MAX_DIM}",
                    v.name
                )));
            }
        }
    }
    Ok(())
}

/// Checks one dense tensor and returns its size in bytes.
fn check_tensor(t: &TensorProto, what: &str) -> Result<u64> {
    let dtype = DataType::try_from(t.data_type).unwrap_or(DataType::Undefined);
    let width: u64 = match dtype {
        DataType::Float | DataType::Int32 => 4,
        DataType::Double | DataType::Int64 => 8,
        DataType::Float16 | DataType::Int16 | DataType::Uint16 => 2,
        DataType::Int8 | DataType::Uint8 | DataType::Bool => 1,
        other => {
            return Err(refuse(format!(
                "{what} has the element type {other:?}; only numeric tensors are accepted"
            )))
        }
    };
    if t.data_location == Some(1) || !t.external_data.is_empty() {
        return Err(refuse(format!(
            "{what} refers to external data; embed the weights in the model file"
        )));
    }
    if t.segment.is_some() {
        return Err(refuse(format!("{what} is a segment of a tensor")));
    }
    let mut elements: u64 = 1;
    for &d in &t.dims {
        if !(0..=MAX_DIM).contains(&d) {
            return Err(refuse(format!(
                "{what} has the dimension {d}; dimensions must be between 0 and {MAX_DIM}"
            )));
        }
        elements = elements.saturating_mul(d as u64);
    }
    if elements > MAX_TENSOR_ELEMENTS {
        return Err(refuse(format!(
            "{what} has {elements} elements, more than the limit of {MAX_TENSOR_ELEMENTS}"
        )));
    }
    let stored = if !t.raw_data.is_empty() {
        t.raw_data.len() as u64 / width.max(1)
    } else {
        (t.float_data.len() + t.int32_data.len() + t.int64_data.len() + t.double_data.len() + t.uint64_data.len())
            as u64
    };
    let bytes_ok = t.raw_data.is_empty() || t.raw_data.len() as u64 == elements * width;
    if !t.string_data.is_empty() || !bytes_ok || stored != elements {
        return Err(refuse(format!(
            "{what} declares {elements} elements of {dtype:?} but stores {}",
            if t.raw_data.is_empty() {
                format!("{stored} values")
            } else {
                format!("{} bytes", t.raw_data.len())
            }
        )));
    }
    Ok(elements * width)
}
