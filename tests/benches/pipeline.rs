//! Criterion benchmarks of each pipeline stage (native). Run: `cargo bench --bench pipeline`.
//! Figures and the command that made them go into BENCHMARKS.md.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use datacloak::features::{self, scan};
use datacloak::graph::{self, Node, Params, Prior};
use datacloak::ingest::{profile_bytes, profile_columns};
use datacloak::model::Model;
use datacloak::{Classifier, Options};

/// A deterministic mixed table: `cols` columns cycling through common kinds, `rows` rows.
fn table(rows: usize, cols: usize) -> Vec<u8> {
    let mut s = String::new();
    let kinds = ["email", "phone", "amount", "city", "id", "date", "name", "flag"];
    let header: Vec<String> = (0..cols).map(|c| format!("{}_{c}", kinds[c % kinds.len()])).collect();
    s.push_str(&header.join(","));
    s.push('\n');
    let cities = ["Paris", "Berlin", "Lisbon", "Austin", "Osaka", "Lima"];
    let names = ["Ann Lee", "Bo Smith", "Cy Jones", "Di Brown", "Ed Garcia"];
    for r in 0..rows {
        let cells: Vec<String> = (0..cols)
            .map(|c| match c % kinds.len() {
                0 => format!("user{r}.{c}@example.com"),
                1 => format!("+1 555 {:03} {:04}", r % 1000, (r * 7 + c) % 10000),
                2 => format!("{}.{:02}", (r * 13 + c) % 5000, r % 100),
                3 => cities[(r + c) % cities.len()].to_string(),
                4 => format!("{}", 100_000 + r),
                5 => format!("2024-{:02}-{:02}", r % 12 + 1, r % 28 + 1),
                6 => names[(r + c) % names.len()].to_string(),
                _ => ["true", "false"][r % 2].to_string(),
            })
            .collect();
        s.push_str(&cells.join(","));
        s.push('\n');
    }
    s.into_bytes()
}

fn bench_ingest(c: &mut Criterion) {
    let data = table(50_000, 20);
    let mut g = c.benchmark_group("ingest");
    g.throughput(Throughput::Bytes(data.len() as u64));
    g.sample_size(10);
    g.bench_function("csv_20cols_50k_rows", |b| {
        b.iter(|| profile_bytes(black_box(&data), Options::default()).unwrap())
    });
    g.finish();
}

fn bench_features(c: &mut Criterion) {
    let mut g = c.benchmark_group("features");
    for kind in ["email", "phone", "amount", "name"] {
        let values: Vec<Option<String>> = (0..1000)
            .map(|i| {
                Some(match kind {
                    "email" => format!("someone{i}@example.org"),
                    "phone" => format!("+44 20 7946 {:04}", i),
                    "amount" => format!("{}.{:02}", i * 3, i % 100),
                    _ => ["Ann Lee", "Bo Smith", "Cy Jones", "Di Brown"][i % 4].to_string(),
                })
            })
            .collect();
        let t = profile_columns(&[(kind.to_string(), values)], Options::default()).unwrap();
        g.bench_with_input(
            BenchmarkId::new("extract_1000_values", kind),
            &t.columns[0],
            |b, col| b.iter(|| features::extract(black_box(col))),
        );
    }
    let text: Vec<u8> = b"john.doe+tag@example.com, +1 (555) 010-2030; Zurich 8001 ".repeat(20);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("class_scan_scalar", |b| {
        b.iter(|| scan::class_counts_scalar(black_box(&text)))
    });
    #[cfg(target_arch = "x86_64")]
    g.bench_function("class_scan_simd", |b| {
        b.iter(|| scan::class_counts_simd(black_box(&text)))
    });
    g.finish();
}

fn bench_model(c: &mut Criterion) {
    let model = Model::embedded().unwrap();
    let n = features::len();
    let mut g = c.benchmark_group("model");
    for batch in [1usize, 8, 32, 100, 500] {
        let rows: Vec<Vec<f32>> = (0..batch)
            .map(|i| (0..n).map(|j| ((i * 31 + j) % 17) as f32 / 17.0).collect())
            .collect();
        g.bench_with_input(BenchmarkId::new("predict", batch), &rows, |b, rows| {
            b.iter(|| model.predict(black_box(rows)).unwrap())
        });
    }
    g.finish();
}

fn bench_graph(c: &mut Criterion) {
    let model = Model::embedded().unwrap();
    let labels = model.meta.labels.len();
    let prior = match &model.meta.pmi {
        Some(p) => Prior::new(labels, p.clone()).unwrap(),
        None => Prior::neutral(labels),
    };
    let mut g = c.benchmark_group("graph");
    for cols in [10usize, 50, 200] {
        let probs: Vec<Vec<f32>> = (0..cols)
            .map(|i| {
                let mut p = vec![0.2 / (labels - 1) as f32; labels];
                p[i % labels] = 0.8;
                p
            })
            .collect();
        let tokens: Vec<Vec<String>> = (0..cols).map(|i| vec![format!("t{}", i % 7), "x".into()]).collect();
        let sigs: Vec<graph::Signature> = (0..cols)
            .map(|i| graph::minhash([format!("{}", i % 5)].iter().map(|s| s.as_bytes())))
            .collect();
        let nodes: Vec<Node> = (0..cols)
            .map(|i| Node {
                position: i,
                header_tokens: &tokens[i],
                probs: &probs[i],
                signature: &sigs[i],
            })
            .collect();
        g.bench_with_input(BenchmarkId::new("build", cols), &nodes, |b, nodes| {
            b.iter(|| graph::build(black_box(nodes), &prior, &Params::default()).unwrap())
        });
    }
    g.finish();
}

fn bench_end_to_end(c: &mut Criterion) {
    let cls = Classifier::new().unwrap();
    let mut g = c.benchmark_group("classify");
    g.sample_size(20);
    let one = table(1000, 1);
    // Every run starts from an empty feature cache: these measure first-time classification.
    let fresh = |data: &[u8]| {
        cls.feature_cache().clear();
        cls.classify_bytes(black_box(data), &Options::default()).unwrap()
    };
    g.bench_function("one_column_1000_rows", |b| b.iter(|| fresh(&one)));
    let wide = table(1000, 100);
    g.bench_function("100_columns_1000_rows", |b| b.iter(|| fresh(&wide)));
    // The same table again: every column's features come from the cache.
    g.bench_function("100_columns_1000_rows_cached", |b| {
        b.iter(|| cls.classify_bytes(black_box(&wide), &Options::default()).unwrap())
    });
    g.finish();
}

/// `n` rules of the kinds an organisation writes (id patterns, a check letter, a validator with
/// header words, a folded dictionary, a header override, a suppression), cycling; most match no
/// column of the benchmark table, as most rules match few columns of a real one.
fn rules_document(n: usize) -> String {
    // (the label, when not one of the document's own; the rule's tests)
    let kinds = [
        (None, r#""value": {"regex": "^EMP-[0-9]{6}$"}"#),
        (
            None,
            r#""value": {"regex": "K[0-9]{5}[A-Z]", "check_letter": "ABCDEFGHJKLMNPQRSTUVWXYZ"}"#,
        ),
        (
            None,
            r#""value": {"validator": "be_national_number"}, "header": {"words": ["rijksregisternummer"]}"#,
        ),
        (
            None,
            r#""value": {"dictionary": ["Paris", "Berlin", "Lisbon", "Austin", "Osaka", "Lima", "Oslo"], "fold": true}"#,
        ),
        (
            None,
            r#""value": {"regex": "[A-Z]{2}-[0-9]{4}-[0-9]{2}", "length": {"min": 10, "max": 10}}"#,
        ),
        (
            Some("identifier"),
            r#""header": {"regex": "^order_"}, "override": true"#,
        ),
        (
            None,
            r#""value": {"regex": "user[0-9]+\\.[0-9]+@example\\.com"}, "min_share": 0.9"#,
        ),
        (None, r#""value": {"validator": "iso7064_mod97"}"#),
        (
            Some("identifier"),
            r#""header": {"words": ["case no", "dossier"]}, "never": ["ssn"]"#,
        ),
        (None, r#""value": {"regex": "(?i)proj-[a-z]+"}"#),
    ];
    let rules: Vec<String> = (0..n)
        .map(|i| {
            let (label, tests) = kinds[i % kinds.len()];
            let label = label.map_or(format!("code_{}", i % 10), str::to_string);
            format!(r#"{{"name": "r{i}", "label": "{label}", {tests}}}"#)
        })
        .collect();
    let labels: Vec<String> = (0..10)
        .map(|i| format!(r#"{{"name": "code_{i}", "sensitivity": "high", "kind": "identifier"}}"#))
        .collect();
    format!(
        r#"{{"labels": [{}], "rules": [{}]}}"#,
        labels.join(","),
        rules.join(",")
    )
}

/// The cost of rules: the 100-column table with 0, 10 and 100 rules, in one run (BENCHMARKS.md,
/// "Rules"; `pkg-scripts/bench-rules.sh`).
fn bench_rules(c: &mut Criterion) {
    let cls = Classifier::new().unwrap();
    let mut g = c.benchmark_group("rules");
    g.sample_size(30);
    let wide = table(1000, 100);
    for n in [0usize, 10, 100] {
        let opts = Options {
            rules: (n > 0)
                .then(|| std::sync::Arc::new(datacloak::rules::Rules::from_json(&rules_document(n), "bench").unwrap())),
            ..Options::default()
        };
        g.bench_function(BenchmarkId::new("100_columns_1000_rows", format!("{n}_rules")), |b| {
            b.iter(|| {
                cls.feature_cache().clear();
                cls.classify_bytes(black_box(&wide), &opts).unwrap()
            })
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    bench_ingest,
    bench_features,
    bench_model,
    bench_graph,
    bench_end_to_end,
    bench_rules
);
criterion_main!(benches);
