//! The JavaScript face (wasm32 only): converts between JS values and the core's types and holds
//! no logic of its own. The hand-written ESM wrapper in `js/` builds the public API
//! (`init`, `classify`, `createProfiler`, ...) on these few exports.
//!
//! Every export returns a `Result`: a panic would kill the whole wasm instance, an `Err` becomes
//! a JS `Error` with `code`, `input`, `row`, `line` and `column` properties.

use crate::report::Report;
use crate::{ingest, Classifier, Error, Options};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[cfg(feature = "threads")]
pub use wasm_bindgen_rayon::init_thread_pool;

/// A core error as a JS `Error` carrying the machine-readable parts.
fn js_error(e: Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("DataCloakError");
    let set = |key: &str, value: JsValue| {
        // Setting a property on a fresh plain Error object cannot fail.
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str(key), &value);
    };
    set("code", e.code().into());
    if let Some(input) = e.input() {
        set("input", input.into());
    }
    if let Some(p) = e.position() {
        set("row", (p.row as f64).into());
        set("line", (p.line as f64).into());
        if let Some(c) = &p.column {
            set("column", c.as_str().into());
        }
    }
    if let Error::Policy { column: Some(c), .. } = &e {
        set("column", c.as_str().into());
    }
    if let Some(option) = e.option() {
        set("option", option.into());
    }
    if let Error::Rules { rule, .. } = &e {
        set("rule", rule.as_str().into());
    }
    err.into()
}

fn options(json: &str) -> Result<Options, JsValue> {
    Options::from_json(json).map_err(js_error)
}

/// Columns given as JSON `[{"name": ..., "values": [string | null, ...]}]`, profiled.
fn columns(json: &str, opts: &Options) -> Result<ingest::TableProfile, JsValue> {
    #[derive(Deserialize)]
    struct Column {
        name: String,
        values: Vec<Option<String>>,
    }
    let columns: Vec<Column> = serde_json::from_str(json).map_err(|e| {
        js_error(Error::InvalidOption {
            name: "input".into(),
            message: format!("columns must be [{{name, values}}]: {e}"),
        })
    })?;
    let columns: Vec<(String, Vec<Option<String>>)> = columns.into_iter().map(|c| (c.name, c.values)).collect();
    ingest::profile_columns(&columns, opts.clone()).map_err(js_error)
}

/// A finished report; the wrapper reads it as JSON (or as the CLI's text table) and frees it.
#[wasm_bindgen]
pub struct ReportHandle(Report);

#[wasm_bindgen]
impl ReportHandle {
    /// The report as pretty JSON, byte for byte what the native CLI prints.
    pub fn json(&self) -> String {
        self.0.to_json()
    }

    /// The report as the CLI's plain-text table.
    pub fn table(&self) -> String {
        self.0.to_table()
    }
}

/// A classifier bound to one model (the built-in one unless bytes are given).
#[wasm_bindgen]
pub struct Engine(Classifier);

#[wasm_bindgen]
impl Engine {
    #[wasm_bindgen(constructor)]
    pub fn new(model: Option<Vec<u8>>) -> Result<Engine, JsValue> {
        match model {
            None => Classifier::new(),
            Some(bytes) => Classifier::with_model_bytes(&bytes),
        }
        .map(Engine)
        .map_err(js_error)
    }

    /// Classifies a whole CSV held in memory.
    #[wasm_bindgen(js_name = classifyBytes)]
    pub fn classify_bytes(&self, data: &[u8], options_json: &str) -> Result<ReportHandle, JsValue> {
        let opts = options(options_json)?;
        self.0.classify_bytes(data, &opts).map(ReportHandle).map_err(js_error)
    }

    /// Classifies columns given as JSON `[{"name": ..., "values": [string | null, ...]}]`.
    #[wasm_bindgen(js_name = classifyColumns)]
    pub fn classify_columns(&self, columns_json: &str, options_json: &str) -> Result<ReportHandle, JsValue> {
        let opts = options(options_json)?;
        let table = columns(columns_json, &opts)?;
        self.0
            .classify_with(&table, &opts.source, opts.rules.as_deref())
            .map(ReportHandle)
            .map_err(js_error)
    }

    /// Classifies a profiled table.
    #[wasm_bindgen(js_name = classifyProfiled)]
    pub fn classify_profiled(&self, table: &Profiled) -> Result<ReportHandle, JsValue> {
        self.0
            .classify_with(&table.table, &table.source, table.rules.as_deref())
            .map(ReportHandle)
            .map_err(js_error)
    }

    /// The column graph alone on probabilities the caller already has: `probs` holds
    /// `labels().length` floats per column of `columns_json` (as for `classifyColumns`). Returns
    /// the refined probabilities laid out the same way, followed by one rank per column.
    pub fn refine(&self, columns_json: &str, probs: &[f32]) -> Result<Vec<f32>, JsValue> {
        let width = self.0.model().meta.labels.len();
        let table = columns(columns_json, &Options::default())?;
        if width == 0 || probs.len() % width != 0 {
            return Err(js_error(Error::InvalidOption {
                name: "probs".into(),
                message: format!(
                    "holds {} floats, not a multiple of the label count {width}",
                    probs.len()
                ),
            }));
        }
        let rows: Vec<Vec<f32>> = probs.chunks(width).map(<[f32]>::to_vec).collect();
        let r = self.0.refine(&table, &rows).map_err(js_error)?;
        let mut out = r.probs.concat();
        out.extend(r.rank);
        Ok(out)
    }

    /// Label probabilities for feature vectors laid end to end (`featureCount` floats per column),
    /// as one flat array of `labels().length` floats per column. Lets callers (and the benchmark
    /// against other ONNX runtimes) run the model alone on features they already have.
    pub fn predict(&self, features: &[f32]) -> Result<Vec<f32>, JsValue> {
        let width = self.0.model().meta.n_features;
        if features.len() % width != 0 {
            return Err(js_error(Error::InvalidOption {
                name: "features".into(),
                message: format!(
                    "holds {} floats, not a multiple of the feature count {width}",
                    features.len()
                ),
            }));
        }
        let rows: Vec<&[f32]> = features.chunks(width).collect();
        let probs = self.0.model().predict(&rows).map_err(js_error)?;
        Ok(probs.concat())
    }

    /// Forgets the features remembered from earlier columns (see `features::cache`).
    #[wasm_bindgen(js_name = clearCache)]
    pub fn clear_cache(&self) {
        self.0.feature_cache().clear();
    }

    /// Columns whose features came from the cache, and columns extracted, so far.
    #[wasm_bindgen(js_name = cacheStats)]
    pub fn cache_stats(&self) -> Vec<f64> {
        let (hits, misses) = self.0.feature_cache().stats();
        vec![hits as f64, misses as f64]
    }

    /// The model's label list, in output order.
    pub fn labels(&self) -> Vec<String> {
        self.0.model().meta.labels.clone()
    }

    /// SHA-256 of the model bytes (hex).
    #[wasm_bindgen(js_name = modelSha256)]
    pub fn model_sha256(&self) -> String {
        self.0.model().meta.sha256.clone()
    }
}

/// Streaming ingest: push chunks of any size, then `finish` for a [`Profiled`] table.
#[wasm_bindgen]
pub struct Profiler {
    inner: ingest::Profiler,
    source: String,
    rules: Option<std::sync::Arc<crate::rules::Rules>>,
}

#[wasm_bindgen]
impl Profiler {
    #[wasm_bindgen(constructor)]
    pub fn new(options_json: &str) -> Result<Profiler, JsValue> {
        let opts = options(options_json)?;
        let source = opts.source.clone();
        let rules = opts.rules.clone();
        let inner = ingest::Profiler::new(opts).map_err(js_error)?;
        Ok(Profiler { inner, source, rules })
    }

    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsValue> {
        self.inner.push(chunk).map_err(js_error)
    }

    /// Ends the input; the profile can then be classified (by any engine) or turned into features.
    pub fn finish(&mut self) -> Result<Profiled, JsValue> {
        let table = self.inner.finish().map_err(js_error)?;
        Ok(Profiled {
            table,
            source: self.source.clone(),
            rules: self.rules.clone(),
        })
    }

    #[wasm_bindgen(js_name = bytesRead)]
    pub fn bytes_read(&self) -> f64 {
        self.inner.bytes_read() as f64
    }

    #[wasm_bindgen(js_name = rowsRead)]
    pub fn rows_read(&self) -> f64 {
        self.inner.rows_read() as f64
    }
}

/// A profiled table: the bounded per-column samples and counters, before any model runs.
#[wasm_bindgen]
pub struct Profiled {
    table: ingest::TableProfile,
    source: String,
    /// The rules of the profiler's options, applied when the table is classified.
    rules: Option<std::sync::Arc<crate::rules::Rules>>,
}

#[wasm_bindgen]
impl Profiled {
    /// Every column's feature vector, concatenated (`featureCount()` floats per column): what the
    /// model sees, for tools and benchmarks.
    pub fn features(&self) -> Vec<f32> {
        self.table
            .columns
            .iter()
            .flat_map(|c| crate::features::extract(c).values)
            .collect()
    }

    #[wasm_bindgen(js_name = columnCount)]
    pub fn column_count(&self) -> usize {
        self.table.columns.len()
    }
}

/// A streaming cloak of one input ([`crate::cloak::Cloaker`]): `push` chunks and get the cloaked
/// bytes they complete, then `finish` for the rest; `summary` is then what was done (JSON).
#[wasm_bindgen]
pub struct CloakStream {
    inner: crate::cloak::Cloaker,
    summary: Option<String>,
}

#[wasm_bindgen]
impl CloakStream {
    /// `report_json`: a classify report of this input; `policy_source`: the policy's name in
    /// errors; `key`: the user's key (`key_given`) or 32
    /// random bytes from the platform; `options_json`: the limits and source, as for classify.
    #[wasm_bindgen(constructor)]
    pub fn new(
        report_json: &str,
        policy_json: &str,
        policy_source: &str,
        key: &[u8],
        key_given: bool,
        safe_formulas: bool,
        options_json: &str,
    ) -> Result<CloakStream, JsValue> {
        use crate::cloak::{CloakOptions, Cloaker, Key, Plan, Policy, ReportView};
        let opts = options(options_json)?;
        let view = ReportView::from_json(report_json, "report").map_err(js_error)?;
        let policy = Policy::from_json(policy_json, policy_source).map_err(js_error)?;
        let plan = Plan::new(&view, &policy).map_err(js_error)?;
        let key = if key_given {
            Key::given(key).map_err(js_error)?
        } else {
            let mut bytes = [0u8; 32];
            if key.len() != 32 {
                return Err(js_error(Error::State {
                    message: "cloak: the random key must be 32 bytes".into(),
                }));
            }
            bytes.copy_from_slice(key);
            Key::random(bytes)
        };
        let inner = Cloaker::new(plan, key, &opts, &CloakOptions { safe_formulas }).map_err(js_error)?;
        Ok(CloakStream { inner, summary: None })
    }

    /// The action chosen for each column, and why (JSON).
    pub fn plan(&self) -> String {
        self.inner.plan().to_json()
    }

    pub fn push(&mut self, chunk: &[u8]) -> Result<Vec<u8>, JsValue> {
        let mut out = Vec::with_capacity(chunk.len() + chunk.len() / 4);
        self.inner.push(chunk, &mut out).map_err(js_error)?;
        Ok(out)
    }

    pub fn finish(&mut self) -> Result<Vec<u8>, JsValue> {
        let mut out = Vec::new();
        let s = self.inner.finish(&mut out).map_err(js_error)?;
        self.summary = Some(s.to_json());
        Ok(out)
    }

    /// Bytes pushed and data rows written so far (for progress).
    pub fn progress(&self) -> Vec<f64> {
        vec![self.inner.bytes_read() as f64, self.inner.rows() as f64]
    }

    /// What was done, once `finish` has run (the JSON both CLIs print).
    pub fn summary(&self) -> Option<String> {
        self.summary.clone()
    }
}

/// The cloak plan of a report under a policy, without cloaking anything (the demo's action
/// pickers start from it).
#[wasm_bindgen(js_name = cloakPlan)]
pub fn cloak_plan(report_json: &str, policy_json: &str) -> Result<String, JsValue> {
    use crate::cloak::{Plan, Policy, ReportView};
    let view = ReportView::from_json(report_json, "report").map_err(js_error)?;
    let policy = Policy::from_json(policy_json, "policy").map_err(js_error)?;
    Plan::new(&view, &policy).map(|p| p.to_json()).map_err(js_error)
}

/// The actions and which labels `generalise` fits, for pickers: `{"actions": [...], "generalise": [...]}`.
#[wasm_bindgen(js_name = cloakActions)]
pub fn cloak_actions() -> String {
    use crate::cloak::{labels, Action};
    let actions: Vec<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
    let generalise: Vec<&str> = crate::taxonomy::labels()
        .iter()
        .filter(|l| labels::fits(Action::Generalise, &l.name))
        .map(|l| l.name.as_str())
        .collect();
    serde_json::json!({"actions": actions, "generalise": generalise}).to_string()
}

/// Bytes of a read-once input classified before it is cloaked, and where a head ends at a record.
#[wasm_bindgen(js_name = headSampleBytes)]
pub fn head_sample_bytes() -> usize {
    crate::cloak::HEAD_SAMPLE_BYTES
}

#[wasm_bindgen(js_name = completeRecords)]
pub fn complete_records(head: &[u8]) -> usize {
    crate::cloak::complete_records(head)
}

/// The exit code both CLIs give for an error code ([`crate::cli::exit_code`]).
#[wasm_bindgen(js_name = exitCode)]
pub fn exit_code(code: &str) -> u8 {
    crate::cli::exit_code(code)
}

/// Length of one column's feature vector.
#[wasm_bindgen(js_name = featureCount)]
pub fn feature_count() -> usize {
    crate::features::len()
}

/// True when this build reads custom ONNX models (the `onnx` feature: the build behind
/// `datacloak/onnx`; the default and threaded builds run only their built-in model).
#[wasm_bindgen(js_name = customModels)]
pub fn custom_models() -> bool {
    cfg!(feature = "onnx")
}

/// True when this build runs the SIMD128 byte scan (decided at compile time).
#[wasm_bindgen(js_name = simdEnabled)]
pub fn simd_enabled() -> bool {
    cfg!(target_feature = "simd128")
}

/// The byte-class scan's two twins (SIMD128 and scalar), so that the JS tests can check they agree
/// inside wasm and the benchmarks can time each. Without SIMD128 in the build both are scalar.
#[wasm_bindgen(js_name = classCounts)]
pub fn class_counts(bytes: &[u8], simd: bool) -> Vec<u32> {
    #[cfg(target_feature = "simd128")]
    if simd {
        return crate::features::scan::class_counts_simd(bytes).to_vec();
    }
    let _ = simd;
    crate::features::scan::class_counts_scalar(bytes).to_vec()
}

/// Text as a terminal may show it: control, bidi and zero-width characters escaped
/// ([`crate::display::for_terminal`]), for the Node CLI's error messages.
#[wasm_bindgen(js_name = forTerminal)]
pub fn for_terminal(text: &str) -> String {
    crate::display::for_terminal(text)
}

/// The commands of the Node CLI (`features` is the native CLI's only).
const NODE_COMMANDS: &[(&str, &str)] = &[
    ("classify FILE.csv|- [options]", "print the JSON report (or a table)"),
    (
        "cloak FILE.csv|- -o OUT.csv|- [options]",
        "write a safe copy; print what was done",
    ),
];

/// The Node CLI's usage text, from the flag table both CLIs share ([`crate::cli`]).
#[wasm_bindgen(js_name = cliUsage)]
pub fn cli_usage() -> String {
    crate::cli::usage(
        "what each column of a CSV holds, computed on this machine (wasm build)",
        NODE_COMMANDS,
    )
}

/// Parses the Node CLI's arguments (a JSON array of strings) exactly as the native CLI does:
/// `{command, files, format, model, options, help, version}` as JSON, or a usage error (`code`
/// `USAGE`, exit code 2).
#[wasm_bindgen(js_name = parseCli)]
pub fn parse_cli(argv_json: &str) -> Result<String, JsValue> {
    let usage = |message: String| -> JsValue {
        let err = js_sys::Error::new(&message);
        let _ = js_sys::Reflect::set(&err, &"code".into(), &"USAGE".into());
        err.into()
    };
    let argv: Vec<String> = serde_json::from_str(argv_json).map_err(|e| usage(format!("arguments: {e}")))?;
    let commands: Vec<&str> = NODE_COMMANDS
        .iter()
        .filter_map(|(c, _)| c.split_whitespace().next())
        .collect();
    let mut a = crate::cli::parse(&argv, &commands).map_err(usage)?;
    // JS numbers are exact up to 2^53: a larger limit means "no practical limit", and the core
    // clamps every limit to what the platform holds, as it does for the native CLI's.
    for v in a.options.values_mut() {
        if v.as_u64().is_some_and(|n| n > (1u64 << 53) - 1) {
            *v = serde_json::Value::from((1u64 << 53) - 1);
        }
    }
    Ok(serde_json::json!({
        "command": a.command, "files": a.files, "format": a.format, "model": a.model,
        "options": a.options, "help": a.help, "version": a.version,
        "output": a.output, "policy": a.policy, "keyFile": a.key_file, "report": a.report,
        "safeFormulas": a.safe_formulas,
        "optionFiles": a.option_files.iter().map(|(option, path)| serde_json::json!({
            "option": option, "path": path, "sourceOption": crate::cli::source_option(option),
        })).collect::<Vec<_>>(),
    })
    .to_string())
}

/// The shared flag table as JSON (`[{name, option, takes}]`), so that tools and tests map options
/// to flags without a copy of their own.
#[wasm_bindgen(js_name = cliFlags)]
pub fn cli_flags() -> String {
    let flags: Vec<serde_json::Value> = crate::cli::FLAGS
        .iter()
        .map(|f| {
            let takes = match f.takes {
                crate::cli::Takes::Number => serde_json::json!("number"),
                crate::cli::Takes::Text => serde_json::json!("text"),
                crate::cli::Takes::File => serde_json::json!("file"),
                crate::cli::Takes::Switch(b) => serde_json::json!({ "switch": b }),
            };
            serde_json::json!({"name": f.name, "option": f.option, "takes": takes})
        })
        .collect();
    serde_json::Value::Array(flags).to_string()
}

/// Aborts the instance on purpose (a wasm trap, as a panic would), so that the package's tests can
/// check that the JS layer drops a trapped instance and starts a new one. Not part of the API.
#[wasm_bindgen(js_name = __trapForTests)]
pub fn trap_for_tests() {
    std::process::abort()
}
