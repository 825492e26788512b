//! The properties the fuzz targets check, shared with the corpus replay test (tests/fuzz_corpus.rs)
//! so that CI checks every kept input against exactly what the fuzzer checked.
//!
//! Each function takes arbitrary bytes and panics only when DataCloak breaks a promise: a panic
//! inside the library, an error without a stable code, chunking changing the result, a feature
//! that is not finite, or a report that disagrees with its table.

use datacloak::ingest::{profile_columns, Profiler};
use datacloak::{features, Classifier, Options};

/// Small options picked by the input's first byte, so the fuzzer also explores them.
fn options(flags: u8) -> Options {
    let mut o = Options {
        sample_size: 1 + (flags as usize & 0x0f) * 8,
        delimiter: match flags >> 6 {
            0 => None,
            1 => Some(b','),
            2 => Some(b';'),
            _ => Some(b'\t'),
        },
        has_header: match (flags >> 4) & 3 {
            0 => None,
            1 => Some(true),
            _ => Some(false),
        },
        ..Options::default()
    };
    // Limits small enough for the fuzzer to hit them.
    o.limits.max_cell_bytes = 4096;
    o.limits.max_columns = 64;
    o.limits.max_value_bytes = 64;
    o
}

fn split(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((&f, rest)) => (f, rest),
        None => (0, data),
    }
}

const CODES: [&str; 15] = [
    "EMPTY_INPUT",
    "BINARY_INPUT",
    "UNSUPPORTED_ENCODING",
    "UNTERMINATED_QUOTE",
    "CELL_TOO_LARGE",
    "ROW_TOO_LARGE",
    "TOO_MANY_COLUMNS",
    "INPUT_TOO_LARGE",
    "INVALID_OPTION",
    "MODEL",
    "MODEL_MISMATCH",
    "IO",
    "STATE",
    "POLICY",
    "REPORT_MISMATCH",
];

fn profile_in_chunks(data: &[u8], opts: Options, chunk: usize) -> datacloak::Result<String> {
    let mut p = Profiler::new(opts)?;
    for c in data.chunks(chunk.max(1)) {
        p.push(c)?;
    }
    Ok(format!("{:?}", p.finish()?))
}

/// Ingest: whole input and any chunking give the same profile or the same error.
pub fn ingest(data: &[u8]) {
    let (flags, csv) = split(data);
    let opts = options(flags);
    let whole = profile_in_chunks(csv, opts.clone(), csv.len().max(1));
    let chunk = 1 + (flags as usize % 7) * 13;
    let pieces = profile_in_chunks(csv, opts, chunk);
    match (&whole, &pieces) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "chunks of {chunk} bytes changed the profile"),
        (Err(a), Err(b)) => {
            assert!(CODES.contains(&a.code()));
            assert_eq!(
                a.code(),
                b.code(),
                "chunks of {chunk} bytes changed the error: {a} / {b}"
            );
            assert!(!a.to_string().is_empty());
        }
        _ => panic!("chunks of {chunk} bytes changed the outcome: {whole:?} / {pieces:?}"),
    }
}

/// Features: any values (one per line, empty lines as nulls) give finite features of the layout's length.
pub fn features(data: &[u8]) {
    let (flags, text) = split(data);
    let text = String::from_utf8_lossy(text);
    let values: Vec<Option<&str>> = text.split('\n').map(|v| (!v.is_empty()).then_some(v)).collect();
    let name = if flags & 1 == 1 { "email" } else { "col" };
    let Ok(table) = profile_columns(&[(name.to_string(), values)], options(flags)) else {
        return;
    };
    for col in &table.columns {
        let f = features::extract(col);
        assert_eq!(f.values.len(), features::len());
        // Checked before the feature vector's sink replaces non-finite values with 0.
        let bad = features::non_finite_slots(col);
        assert!(bad.is_empty(), "features not finite: {bad:?}");
    }
}

/// The whole classify path: a report whose columns match the table, with sane numbers, or a coded error.
pub fn classify(data: &[u8]) {
    let (flags, csv) = split(data);
    let classifier = Classifier::new().expect("the embedded model loads");
    match classifier.classify_bytes(csv, &options(flags)) {
        Ok(report) => {
            assert_eq!(report.columns.len(), report.table.columns);
            let labels = classifier.model().meta.labels.len();
            for (i, c) in report.columns.iter().enumerate() {
                assert_eq!(c.index, i);
                assert!((0.0..=1.0).contains(&c.confidence), "{c:?}");
                assert!(c.rank.is_finite() && c.rank >= 0.0);
                assert!(c.alternatives.len() < labels);
                assert!(!c.evidence.is_empty());
            }
            for e in &report.table.edges {
                assert!(e.source < report.columns.len() && e.target < report.columns.len());
            }
            // The JSON is what every face prints; it must always serialise.
            assert!(report.to_json().starts_with('{'));
        }
        Err(e) => assert!(CODES.contains(&e.code()), "{e}"),
    }
}

/// Custom models: the shipped model's graph mutated in ways the input's bytes pick (dimensions,
/// element types, stored bytes, operators, nodes, attributes, domains), then loaded. The loader
/// answers `MODEL` or `MODEL_MISMATCH`, or loads a model that then predicts distributions; it
/// never panics, aborts on an allocation or hangs.
pub fn model(data: &[u8]) {
    use prost::Message;
    use tract_onnx::pb;
    static SHIPPED: std::sync::OnceLock<pb::ModelProto> = std::sync::OnceLock::new();
    let shipped = SHIPPED.get_or_init(|| {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../models/datacloak-v1/model.onnx"
        ))
        .or_else(|_| std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/models/datacloak-v1/model.onnx")))
        .expect("the shipped model");
        pb::ModelProto::decode(bytes.as_slice()).expect("the shipped model decodes")
    });
    let mut m = shipped.clone();
    let ops = [
        "Identity",
        "ConstantOfShape",
        "Range",
        "Tile",
        "Expand",
        "Loop",
        "Reshape",
        "Gemm",
        "MatMul",
        "Softmax",
        "Mystery",
        "Relu",
        "Concat",
        "Gather",
        "Cast",
        "Constant",
    ];
    let big = |b: u8, c: u8| -> i64 {
        match b % 6 {
            0 => i64::from(c),
            1 => 1 << (c % 63),
            2 => -(i64::from(c)),
            3 => i64::MAX,
            4 => 1 << 31,
            _ => i64::from(u16::from_le_bytes([b, c])),
        }
    };
    for step in data.chunks(4).take(64) {
        let [op, a, b, c] = [
            step[0],
            *step.get(1).unwrap_or(&0),
            *step.get(2).unwrap_or(&0),
            *step.get(3).unwrap_or(&0),
        ];
        let Some(g) = m.graph.as_mut() else { break };
        let ni = g.node.len().max(1);
        let ti = g.initializer.len().max(1);
        match op % 10 {
            0 => {
                if let Some(t) = g.initializer.get_mut(a as usize % ti) {
                    let k = b as usize % t.dims.len().max(1);
                    if let Some(d) = t.dims.get_mut(k) {
                        *d = big(b, c);
                    }
                }
            }
            1 => {
                if let Some(t) = g.initializer.get_mut(a as usize % ti) {
                    t.data_type = i32::from(b % 17);
                }
            }
            2 => {
                if let Some(t) = g.initializer.get_mut(a as usize % ti) {
                    let keep = t.raw_data.len() * usize::from(b) / 255;
                    t.raw_data.truncate(keep);
                }
            }
            3 => {
                if let Some(n) = g.node.get_mut(a as usize % ni) {
                    n.op_type = ops[b as usize % ops.len()].to_string();
                }
            }
            4 => {
                if let Some(n) = g.node.get(a as usize % ni).cloned() {
                    for _ in 0..=(u32::from(b) * u32::from(c)).min(5_000) {
                        g.node.push(n.clone());
                    }
                }
            }
            5 => {
                let names: Vec<String> = g.initializer.iter().map(|t| t.name.clone()).collect();
                if let (Some(n), Some(name)) = (
                    g.node.get_mut(a as usize % ni),
                    names.get(c as usize % names.len().max(1)),
                ) {
                    let k = b as usize % n.input.len().max(1);
                    if let Some(i) = n.input.get_mut(k) {
                        *i = name.clone();
                    }
                }
            }
            6 => {
                for v in g.input.iter_mut().chain(g.output.iter_mut()) {
                    if let Some(pb::type_proto::Value::TensorType(t)) = v.r#type.as_mut().and_then(|t| t.value.as_mut())
                    {
                        if let Some(d) = t.shape.as_mut().and_then(|s| s.dim.get_mut(a as usize % 2)) {
                            d.value = Some(pb::tensor_shape_proto::dimension::Value::DimValue(big(b, c)));
                        }
                    }
                }
            }
            7 => {
                let t = pb::TensorProto {
                    name: format!("k{a}"),
                    data_type: i32::from(b % 17),
                    dims: vec![big(c, a), big(a, b)],
                    raw_data: vec![c; usize::from(a)],
                    ..Default::default()
                };
                let attr = pb::AttributeProto {
                    name: "value".into(),
                    r#type: 4,
                    t: Some(t),
                    ..Default::default()
                };
                let node = pb::NodeProto {
                    op_type: ops[c as usize % ops.len()].to_string(),
                    output: vec![format!("k{a}")],
                    attribute: vec![attr],
                    ..Default::default()
                };
                g.node.insert(usize::from(b) % (g.node.len() + 1), node);
            }
            8 => {
                if !g.node.is_empty() {
                    g.node.remove(a as usize % ni);
                }
            }
            _ => {
                if let Some(n) = g.node.get_mut(a as usize % ni) {
                    n.domain = if b % 2 == 0 { "ai.onnx.ml".into() } else { String::new() };
                }
            }
        }
    }
    match datacloak::model::Model::from_bytes(&m.encode_to_vec()) {
        Ok(model) => {
            let p = model.predict(&[vec![0.5; features::len()]]);
            if let Ok(p) = p {
                assert_eq!(p.len(), 1);
            }
        }
        Err(e) => assert!(matches!(e.code(), "MODEL" | "MODEL_MISMATCH"), "{e}"),
    }
}

/// Cloak: the first line is a policy (JSON), the rest a CSV. The policy parser never panics; the
/// CSV, profiled and given labels from the taxonomy in turn (no model: the fuzzer explores the
/// stream, not the classifier), is cloaked the same in whole and in chunks, with coded errors;
/// a cloaked copy reads back with the rows of the input.
pub fn cloak(data: &[u8]) {
    use datacloak::cloak::{cloak_bytes, view::ViewColumn, CloakOptions, Cloaker, Key, Plan, Policy, ReportView};
    let (flags, rest) = split(data);
    let (policy_text, csv) = match rest.iter().position(|&b| b == b'\n') {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &[][..]),
    };
    let policy = match Policy::from_json(&String::from_utf8_lossy(policy_text), "fuzz.json") {
        Ok(p) => p,
        Err(e) => {
            assert_eq!(e.code(), "POLICY", "{e}");
            Policy::default()
        }
    };
    let opts = options(flags);
    let Ok(table) = datacloak::ingest::profile_bytes(csv, opts.clone()) else {
        return;
    };
    let labels = datacloak::taxonomy::labels();
    let view = ReportView {
        columns: table
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let l = &labels[(i + flags as usize) % labels.len()];
                ViewColumn {
                    name: c.name.clone(),
                    label: l.name.clone(),
                    sensitivity: l.sensitivity,
                }
            })
            .collect(),
        delimiter: table.delimiter,
        has_header: table.has_header,
        header_unsure: table.header_unsure,
        source: "fuzz.csv".into(),
        rule_labels: Vec::new(),
    };
    let plan = match Plan::new(&view, &policy) {
        Ok(p) => p,
        Err(e) => {
            assert_eq!(e.code(), "POLICY", "{e}");
            return;
        }
    };
    let key = || Key::given(b"fuzzing key, 16+ bytes").unwrap();
    let safe = CloakOptions {
        safe_formulas: flags & 1 == 1,
    };
    let whole = cloak_bytes(csv, plan.clone(), key(), &opts, &safe);
    let chunk = 1 + (flags as usize % 7) * 13;
    let pieces = Cloaker::new(plan, key(), &opts, &safe).and_then(|mut c| {
        let mut out = Vec::new();
        for piece in csv.chunks(chunk) {
            c.push(piece, &mut out)?;
        }
        let s = c.finish(&mut out)?;
        Ok((out, s))
    });
    match (&whole, &pieces) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "chunks of {chunk} bytes changed the cloak"),
        (Err(a), Err(b)) => {
            assert!(CODES.contains(&a.code()), "{a}");
            assert_eq!(
                a.code(),
                b.code(),
                "chunks of {chunk} bytes changed the error: {a} / {b}"
            );
        }
        _ => panic!("chunks of {chunk} bytes changed the outcome: {whole:?} / {pieces:?}"),
    }
    if let Ok((out, summary)) = whole {
        assert_eq!(summary.rows, table.rows, "the copy has other rows than the input");
        let kept = summary
            .columns
            .iter()
            .any(|c| c.plan.action != datacloak::cloak::Action::Drop);
        if kept && !out.is_empty() {
            let again = Options {
                delimiter: Some(table.delimiter),
                has_header: Some(table.has_header),
                ..opts
            };
            if let Ok(copy) = datacloak::ingest::profile_bytes(&out, again) {
                assert_eq!(copy.rows, table.rows, "the copy reads back with other rows");
            }
        }
    }
}

/// A rules document, then (after the first NUL byte) a CSV. Reading the document never panics
/// and fails only with `RULES` (or `INVALID_OPTION` for a non-document); with a document that
/// reads, classifying never panics, every column's label is the model's or the document's, and a
/// column a rule labelled carries that rule's label.
pub fn rules(data: &[u8]) {
    use datacloak::rules::Rules;
    let cut = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let (doc, csv) = (&data[..cut], data.get(cut + 1..).unwrap_or_default());
    let Ok(doc) = std::str::from_utf8(doc) else {
        return;
    };
    let rules = match Rules::from_json(doc, "fuzz.rules.json") {
        Ok(r) => std::sync::Arc::new(r),
        Err(e) => {
            assert_eq!(e.code(), "RULES", "{e}");
            return;
        }
    };
    let csv: &[u8] = if csv.is_empty() {
        b"emp_no,name\nEMP-000001,Ann Lee\nEMP-000002,Bo Chan\n"
    } else {
        csv
    };
    let opts = Options {
        rules: Some(rules.clone()),
        ..options(csv.first().copied().unwrap_or(0))
    };
    let Ok(report) = Classifier::new().unwrap().classify_bytes(csv, &opts) else {
        return;
    };
    let own: Vec<&str> = rules.labels().iter().map(|l| l.name.as_str()).collect();
    for c in &report.columns {
        assert!(
            datacloak::taxonomy::label(&c.label).is_some() || own.contains(&c.label.as_str()),
            "{} is no label",
            c.label
        );
        assert!((0.0..=1.0).contains(&c.confidence), "{}", c.confidence);
        assert!(c.source == "model" || c.source.starts_with("rule:"), "{}", c.source);
    }
    let info = report.table.rules.expect("a report made with rules says so");
    assert_eq!(
        info.columns,
        report.columns.iter().filter(|c| c.source != "model").count()
    );
}
