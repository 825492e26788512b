//! The pipeline: profile → features → model → column graph → report.

use crate::assemble::{self, ranked};
use crate::error::{Error, Result};
use crate::features::cache::{self, FeatureCache};
use crate::features::ColumnFeatures;
use crate::graph::{self, Node, Params, Prior};
use crate::ingest::{self, TableProfile};
use crate::model::Model;
use crate::options::Options;
use crate::report::*;
use crate::rules::{Outcome, Rules};
#[cfg(test)]
use crate::taxonomy::EMPTY;
use std::io::Read;
use std::sync::Arc;

enum ModelRef {
    Embedded(&'static Model),
    Owned(Box<Model>),
}

/// A classifier bound to one model. Cheap to create once the model is loaded.
pub struct Classifier {
    model: ModelRef,
    prior: Prior,
    params: Params,
    cache: FeatureCache,
}

impl Classifier {
    /// Uses the model compiled into this build.
    pub fn new() -> Result<Classifier> {
        Self::build(ModelRef::Embedded(Model::embedded()?))
    }

    /// Uses a caller's ONNX model (checked against this build's features first).
    pub fn with_model_bytes(bytes: &[u8]) -> Result<Classifier> {
        Self::build(ModelRef::Owned(Box::new(Model::from_bytes(bytes)?)))
    }

    fn build(model: ModelRef) -> Result<Classifier> {
        let m = match &model {
            ModelRef::Embedded(m) => *m,
            ModelRef::Owned(m) => m,
        };
        let n = m.meta.labels.len();
        let prior = match &m.meta.pmi {
            Some(pmi) => Prior::new(n, pmi.clone()).map_err(|e| Error::ModelMismatch {
                what: "co-occurrence prior".into(),
                expected: "a symmetric finite matrix".into(),
                found: e.to_string(),
            })?,
            None => Prior::neutral(n),
        };
        Ok(Classifier {
            model,
            prior,
            params: Params::default(),
            cache: FeatureCache::new(cache::DEFAULT_ENTRIES),
        })
    }

    /// The features of columns classified before (see [`FeatureCache`]).
    pub fn feature_cache(&self) -> &FeatureCache {
        &self.cache
    }

    pub fn model(&self) -> &Model {
        match &self.model {
            ModelRef::Embedded(m) => m,
            ModelRef::Owned(m) => m,
        }
    }

    /// Classifies a CSV held in memory.
    pub fn classify_bytes(&self, data: &[u8], opts: &Options) -> Result<Report> {
        let table = ingest::profile_bytes(data, opts.clone())?;
        self.classify_with(&table, &opts.source, opts.rules.as_deref())
    }

    /// Classifies a CSV read from a stream, in chunks (memory stays bounded).
    pub fn classify_reader(&self, r: impl Read, opts: &Options) -> Result<Report> {
        let table = ingest::profile_reader(r, opts.clone())?;
        self.classify_with(&table, &opts.source, opts.rules.as_deref())
    }

    /// Classifies a profiled table.
    pub fn classify_profile(&self, table: &TableProfile, source: &str) -> Result<Report> {
        self.classify_with(table, source, None)
    }

    /// Classifies a profiled table with a rules document beside the model: the rules act on the
    /// model's probabilities before the column graph, and their verdicts hold after it.
    pub fn classify_with(&self, table: &TableProfile, source: &str, rules: Option<&Rules>) -> Result<Report> {
        let model = self.model();
        let feats = extract_all(table, &self.cache);
        // Columns without a single value get `empty` by rule; the model sees the others.
        let live: Vec<usize> = (0..table.columns.len())
            .filter(|&i| table.columns[i].non_null() > 0)
            .collect();
        let batch: Vec<&[f32]> = live.iter().map(|&i| feats[i].values.as_slice()).collect();
        let model_probs = model.predict(&batch)?;
        let mut bound = rules.map(|r| r.bind(&model.meta.labels)).transpose()?;
        let mut rule_warning = None;
        if let Some(b) = bound.as_mut() {
            let sample = live.iter().map(|&i| table.columns[i].sample.len()).max().unwrap_or(0);
            rule_warning = b.budget(live.len(), sample);
        }
        let outcomes: Option<Vec<Outcome>> = bound.as_ref().map(|b| {
            live.iter()
                .zip(&model_probs)
                .map(|(&i, p)| b.decide(&table.columns[i], &feats[i].header_tokens, p))
                .collect()
        });
        // With rules, the graph and the report work on the rules' distributions, over the model's
        // labels followed by the document's own.
        let probs: Vec<Vec<f32>> = match &outcomes {
            Some(o) => o.iter().map(|o| o.probs.clone()).collect(),
            None => model_probs,
        };
        let labels: &[String] = bound.as_ref().map_or(&model.meta.labels, |b| &b.labels);
        let padded;
        let prior = if labels.len() > self.prior.n_labels() {
            padded = self.prior.padded(labels.len());
            &padded
        } else {
            &self.prior
        };

        let nodes: Vec<Node> = live
            .iter()
            .zip(&probs)
            .map(|(&i, p)| Node {
                position: i,
                header_tokens: &feats[i].header_tokens,
                probs: p,
                signature: &feats[i].signature,
            })
            .collect();
        let mut g = graph_of(&nodes, prior, &self.params)?;
        if let (Some(b), Some(o)) = (&bound, &outcomes) {
            for (refined, outcome) in g.refined.iter_mut().zip(o) {
                b.settle(outcome, refined);
            }
        }

        let tops: Vec<usize> = g
            .refined
            .iter()
            .map(|p| ranked(p).first().copied().unwrap_or(0))
            .collect();
        // Each column's edges, found once: scanning every edge for every column was quadratic in
        // the table's width (40,000 columns took 15 s natively, 39 s in wasm).
        let mut edges_of: Vec<Vec<usize>> = vec![Vec::new(); live.len()];
        for (n, e) in g.edges.iter().enumerate() {
            for end in [e.a, e.b] {
                if let Some(list) = edges_of.get_mut(end) {
                    list.push(n);
                }
            }
        }
        let neighbours: Vec<Vec<(String, String)>> = (0..live.len())
            .map(|k| context(prior, labels, &g, &edges_of[k], &live, &tops, k, table))
            .collect();
        Ok(assemble::report(&assemble::Parts {
            table,
            source,
            features: &feats,
            live: &live,
            model_probs: &probs,
            graph: &g,
            neighbours: &neighbours,
            meta: &model.meta,
            labels,
            rules: bound.as_ref().zip(outcomes.as_deref()),
            extra_warnings: rule_warning.as_slice(),
        }))
    }
}

/// What [`Classifier::refine`] gives back, one entry per column in table order.
#[derive(Debug, Clone, PartialEq)]
pub struct Refined {
    /// Label probabilities after the neighbours' correction, in the model's label order.
    pub probs: Vec<Vec<f32>>,
    /// Centrality of each column in the table; sums to 1.
    pub rank: Vec<f32>,
}

impl Classifier {
    /// The column graph alone, on label probabilities the caller already has (from this model, a
    /// cached run or another model with the same labels): `probs[i]` belongs to
    /// `table.columns[i]`. The graph compares the columns' names and sampled values, exactly as
    /// in [`Classifier::classify_profile`], so feeding it this model's own probabilities gives
    /// the report's confidences. No feature extraction and no model run.
    pub fn refine(&self, table: &TableProfile, probs: &[Vec<f32>]) -> Result<Refined> {
        let labels = &self.model().meta.labels;
        check_probs(table, probs, labels.len())?;
        // As in classify: empty columns are not in the graph; they keep their probabilities and
        // get rank 0.
        let live: Vec<usize> = (0..table.columns.len())
            .filter(|&i| table.columns[i].non_null() > 0)
            .collect();
        let keys: Vec<_> = live
            .iter()
            .map(|&i| crate::features::graph_keys(&table.columns[i]))
            .collect();
        let nodes: Vec<Node> = live
            .iter()
            .zip(&keys)
            .map(|(&i, (tokens, signature))| Node {
                position: i,
                header_tokens: tokens,
                probs: &probs[i],
                signature,
            })
            .collect();
        let g = self.graph(&nodes)?;
        let mut out = Refined {
            probs: probs.to_vec(),
            rank: vec![0.0; table.columns.len()],
        };
        for ((&i, p), r) in live.iter().zip(g.refined).zip(g.rank) {
            out.probs[i] = p;
            out.rank[i] = r;
        }
        Ok(out)
    }

    fn graph(&self, nodes: &[Node]) -> Result<graph::ColumnGraph> {
        graph_of(nodes, &self.prior, &self.params)
    }
}

fn graph_of(nodes: &[Node], prior: &Prior, params: &Params) -> Result<graph::ColumnGraph> {
    graph::build(nodes, prior, params).map_err(|e| Error::Model {
        message: format!("column graph: {e}"),
    })
}

/// Probabilities handed to [`Classifier::refine`] must be one distribution over the model's labels
/// per column: the graph's bounds on how far a column may move assume it.
fn check_probs(table: &TableProfile, probs: &[Vec<f32>], labels: usize) -> Result<()> {
    let bad = |message: String| Error::InvalidOption {
        name: "probs".into(),
        message,
    };
    if probs.len() != table.columns.len() {
        return Err(bad(format!(
            "{} columns were given but probabilities for {}",
            table.columns.len(),
            probs.len()
        )));
    }
    for (col, p) in table.columns.iter().zip(probs) {
        let name = col.display_name();
        if p.len() != labels {
            return Err(bad(format!(
                "column {name:?} has {} probabilities; the model has {labels} labels",
                p.len()
            )));
        }
        if let Some(x) = p.iter().find(|x| !x.is_finite() || **x < 0.0) {
            return Err(bad(format!(
                "column {name:?} has the probability {x}; each must be in 0..1"
            )));
        }
        let sum: f32 = p.iter().sum();
        if (sum - 1.0).abs() > 1e-3 {
            return Err(bad(format!("column {name:?}'s probabilities sum to {sum}, not 1")));
        }
    }
    Ok(())
}

/// Every column's features; in parallel with the `threads` feature. Columns are independent, so
/// the result is the same either way.
fn extract_all(table: &TableProfile, cache: &FeatureCache) -> Vec<Arc<ColumnFeatures>> {
    #[cfg(feature = "threads")]
    {
        use rayon::prelude::*;
        table.columns.par_iter().map(|c| cache.get_or_extract(c)).collect()
    }
    #[cfg(not(feature = "threads"))]
    table.columns.iter().map(|c| cache.get_or_extract(c)).collect()
}

/// The neighbours that support column `k`'s label: first those the graph says pulled it there,
/// then strongly linked columns whose labels usually sit beside it (learned co-occurrence).
/// Returned as (column name, label), at most two.
#[allow(clippy::too_many_arguments)]
fn context(
    prior: &Prior,
    labels: &[String],
    g: &graph::ColumnGraph,
    edges: &[usize],
    live: &[usize],
    tops: &[usize],
    k: usize,
    table: &TableProfile,
) -> Vec<(String, String)> {
    let mut picks: Vec<(f32, usize)> = g.influences[k]
        .iter()
        .map(|inf| (f32::INFINITY, inf.neighbour))
        .collect();
    for e in edges.iter().filter_map(|&n| g.edges.get(n)) {
        let other = if e.a == k {
            e.b
        } else if e.b == k {
            e.a
        } else {
            continue;
        };
        let pmi = prior.pmi(tops[k], tops[other]);
        if pmi >= 1.0 && e.weight >= 0.3 {
            picks.push((e.weight * pmi, other));
        }
    }
    picks.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<(String, String)> = Vec::new();
    for (_, j) in picks {
        let (Some(&col), Some(label)) = (live.get(j), labels.get(tops[j])) else {
            continue;
        };
        let name = table.columns[col].display_name();
        if out.len() < 2 && !out.iter().any(|(n, _)| *n == name) {
            out.push((name, label.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranking_is_by_probability_then_index() {
        assert_eq!(ranked(&[0.1, 0.5, 0.5, 0.2]), vec![1, 2, 3, 0]);
        assert_eq!(ranked(&[]), Vec::<usize>::new());
    }

    #[test]
    fn repeated_columns_come_from_the_cache_with_the_same_report() {
        let c = Classifier::new().unwrap();
        let csv = b"email,amount\nann@example.org,12.50\nbo@example.com,7.00\n";
        let first = c.classify_bytes(csv, &Options::default()).unwrap();
        assert_eq!(c.feature_cache().stats(), (0, 2));
        let again = c.classify_bytes(csv, &Options::default()).unwrap();
        assert_eq!(c.feature_cache().stats(), (2, 2));
        assert_eq!(format!("{first:?}"), format!("{again:?}"));
        // A fresh classifier (no cache) agrees too.
        let fresh = Classifier::new()
            .unwrap()
            .classify_bytes(csv, &Options::default())
            .unwrap();
        assert_eq!(format!("{first:?}"), format!("{fresh:?}"));
    }

    #[test]
    fn graph_context_and_empty_columns_in_one_table() {
        let c = Classifier::new().unwrap();
        let csv =
            b"first_name,last_name,birth,notes\nAnn,Lee,1984-02-01,\nBo,Smith,1975-07-30,\nCy,Jones,1990-11-12,\n";
        let r = c.classify_bytes(csv, &Options::default()).unwrap();
        assert_eq!(r.columns[3].label, EMPTY);
        assert_eq!(r.columns[3].rank, 0.0);
        assert_eq!(r.table.summary.columns, 4);
        assert_eq!(r.table.summary.personal, r.table.summary.high + r.table.summary.medium);
        let ranks: f32 = r.columns.iter().map(|c| c.rank).sum();
        assert!((ranks - 1.0).abs() < 0.01, "{ranks}");
        assert!(
            r.table.edges.iter().all(|e| e.source < 3 && e.target < 3),
            "empty columns have no edges"
        );
    }

    /// The model's own probabilities through `refine` give back the report's labels, confidences
    /// and ranks: the graph run alone is the graph of `classify`.
    #[test]
    fn refine_on_the_models_probabilities_matches_the_report() {
        let c = Classifier::new().unwrap();
        let csv = std::fs::read("tests/data/samples/customers.csv").unwrap();
        let table = ingest::profile_bytes(&csv, Options::default()).unwrap();
        assert!(table.columns.iter().all(|col| col.non_null() > 0));
        let report = c.classify_profile(&table, "customers").unwrap();
        let feats: Vec<_> = table.columns.iter().map(crate::features::extract).collect();
        let probs = c
            .model()
            .predict(&feats.iter().map(|f| f.values.as_slice()).collect::<Vec<_>>())
            .unwrap();
        let r = c.refine(&table, &probs).unwrap();
        let labels = &c.model().meta.labels;
        let mut moved = 0;
        for ((col, p), (before, rank)) in report.columns.iter().zip(&r.probs).zip(probs.iter().zip(&r.rank)) {
            let top = ranked(p)[0];
            assert_eq!(labels[top], col.label, "{}", col.name);
            assert_eq!(round3(p[top]), col.confidence, "{}", col.name);
            assert_eq!(round3(*rank), col.rank, "{}", col.name);
            moved += usize::from(p != before);
        }
        assert!(
            moved > 0,
            "the graph changed nothing: the test would not see a skipped graph"
        );
    }

    /// `first_name,notes,last_name` with `notes` empty: the names are two columns apart, not
    /// neighbours; and `refine` on the model's probabilities still equals the report.
    #[test]
    fn adjacency_counts_empty_columns_and_refine_matches_classify() {
        let c = Classifier::new().unwrap();
        let csv = b"first_name,notes,last_name,city\nAnn,,Lee,Paris\nBo,,Smith,Rome\nCy,,Jones,Oslo\n";
        let r = c.classify_bytes(csv, &Options::default()).unwrap();
        assert_eq!(r.columns[1].label, EMPTY);
        assert!(
            r.table
                .edges
                .iter()
                .all(|e| !(e.reasons.contains(&"adjacent") && (e.source, e.target) == (0, 2))),
            "columns 0 and 2 are not adjacent: {:?}",
            r.table.edges
        );
        assert!(r
            .table
            .edges
            .iter()
            .any(|e| (e.source, e.target) == (2, 3) && e.reasons.contains(&"adjacent")));
        let table = ingest::profile_bytes(csv, Options::default()).unwrap();
        let feats: Vec<_> = table.columns.iter().map(crate::features::extract).collect();
        let n = c.model().meta.labels.len();
        let mut probs = Vec::new();
        for (col, f) in table.columns.iter().zip(&feats) {
            probs.push(if col.non_null() > 0 {
                c.model().predict(&[f.values.as_slice()]).unwrap().remove(0)
            } else {
                vec![1.0 / n as f32; n]
            });
        }
        let refined = c.refine(&table, &probs).unwrap();
        for (i, col) in r.columns.iter().enumerate() {
            assert_eq!(round3(refined.rank[i]), col.rank, "{}", col.name);
            if i != 1 {
                let top = ranked(&refined.probs[i])[0];
                assert_eq!(c.model().meta.labels[top], col.label, "{}", col.name);
                assert_eq!(round3(refined.probs[i][top]), col.confidence, "{}", col.name);
            }
        }
    }

    #[test]
    fn refine_refuses_probabilities_that_do_not_fit_the_table() {
        let c = Classifier::new().unwrap();
        let n = c.model().meta.labels.len();
        let table = ingest::profile_bytes(b"email,amount\na@b.org,1\n", Options::default()).unwrap();
        let uniform = vec![1.0 / n as f32; n];
        let err = |probs: &[Vec<f32>]| match c.refine(&table, probs) {
            Err(Error::InvalidOption { name, message }) => {
                assert_eq!(name, "probs");
                message
            }
            other => panic!("expected an option error, got {other:?}"),
        };
        assert!(err(std::slice::from_ref(&uniform)).contains("2 columns were given but probabilities for 1"));
        let m = err(&[uniform.clone(), vec![1.0]]);
        assert!(m.contains("\"amount\"") && m.contains(&format!("{n} labels")), "{m}");
        let mut nan = uniform.clone();
        nan[0] = f32::NAN;
        assert!(err(&[nan, uniform.clone()]).contains("\"email\""));
        assert!(err(&[uniform.clone(), vec![0.5; n]]).contains("sum to"));
        assert_eq!(c.refine(&table, &[uniform.clone(), uniform]).unwrap().probs.len(), 2);
    }
}
