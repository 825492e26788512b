//! Assembling the report from what the pipeline computed: per column the label, confidence,
//! alternatives, evidence and rank; the edges of the column graph; the summary. Nothing here
//! runs a stage of the pipeline (that is [`crate::classify`]); it only decides what is said.

use crate::evidence;
use crate::features::ColumnFeatures;
use crate::graph::ColumnGraph;
use crate::ingest::TableProfile;
use crate::model::ModelMeta;
use crate::report::*;
use crate::rules::{Bound, Outcome};
use crate::taxonomy::{self, Kind, Sensitivity, EMPTY};
use std::sync::Arc;

/// How many alternatives a column report lists.
const ALTERNATIVES: usize = 3;

/// The pipeline's results for one table.
pub struct Parts<'a> {
    pub table: &'a TableProfile,
    /// The input's name, as the report's `table.source`.
    pub source: &'a str,
    /// Every column's features, in table order.
    pub features: &'a [Arc<ColumnFeatures>],
    /// The table positions of the columns that have values (the graph's nodes, in order).
    pub live: &'a [usize],
    /// The probabilities of the live columns before the graph: the model's, or with rules the
    /// rules' (over `labels`).
    pub model_probs: &'a [Vec<f32>],
    pub graph: &'a ColumnGraph,
    /// Per live column, the neighbours that support its label: (column name, label).
    pub neighbours: &'a [Vec<(String, String)>],
    pub meta: &'a ModelMeta,
    /// The labels the probabilities are over: the model's, then a rules document's own.
    pub labels: &'a [String],
    /// The rules document and what it did to each live column, if one was applied.
    pub rules: Option<(&'a Bound<'a>, &'a [Outcome])>,
    /// Warnings of the stages after ingest (the rules' budget), after the table's own.
    pub extra_warnings: &'a [String],
}

impl Parts<'_> {
    fn sensitivity(&self, label: &str) -> Sensitivity {
        match self.rules {
            Some((b, _)) => b.sensitivity(label),
            None => taxonomy::sensitivity(label),
        }
    }

    fn kind(&self, label: &str) -> Kind {
        match self.rules {
            Some((b, _)) => b.kind(label),
            None => taxonomy::kind_of(label),
        }
    }
}

/// The report of one table.
pub fn report(p: &Parts) -> Report {
    let labels = p.labels;
    let mut slot_of = vec![None; p.table.columns.len()];
    for (k, &i) in p.live.iter().enumerate() {
        slot_of[i] = Some(k);
    }
    let columns: Vec<ColumnReport> = p
        .table
        .columns
        .iter()
        .enumerate()
        .map(|(i, col)| {
            let stats = ColumnStats {
                rows: col.rows,
                nulls: col.nulls,
                sampled: col.sample.len(),
                distinct_estimate: col.distinct_estimate(),
                min_length: if col.non_null() == 0 { 0 } else { col.len_min },
                max_length: col.len_max,
            };
            match slot_of[i] {
                None => ColumnReport {
                    name: col.display_name(),
                    index: i,
                    label: EMPTY.to_string(),
                    kind: taxonomy::Kind::Unknown.as_str(),
                    confidence: 1.0,
                    sensitivity: Sensitivity::Low.as_str(),
                    alternatives: Vec::new(),
                    evidence: vec![format!("all {} cells are empty", col.rows)],
                    stats,
                    rank: 0.0,
                    uncertain: false,
                    source: FROM_MODEL.into(),
                },
                Some(k) => {
                    let refined = &p.graph.refined[k];
                    let order = ranked(refined);
                    let top = order.first().copied().unwrap_or(0);
                    let label = labels.get(top).cloned().unwrap_or_default();
                    let model_top = ranked(&p.model_probs[k]).first().copied().unwrap_or(0);
                    let changed_from = (model_top != top)
                        .then(|| labels.get(model_top).map(String::as_str))
                        .flatten();
                    let confidence = round3(refined.get(top).copied().unwrap_or(0.0));
                    let uncertain = confidence < UNCERTAIN_BELOW;
                    let f = &p.features[i];
                    let outcome = p.rules.map(|(_, o)| &o[k]);
                    let mut evidence: Vec<String> = outcome.map(|o| o.evidence.clone()).unwrap_or_default();
                    evidence.extend(evidence::sentences(&label, col, f, &p.neighbours[k], changed_from));
                    if uncertain {
                        evidence.push(uncertainty_sentence(confidence, &order, refined, labels, p));
                    }
                    if let Some(s) = order
                        .get(1)
                        .and_then(|&alt| evidence::disagreement(&label, &labels[alt], f, col))
                    {
                        evidence.push(s);
                    }
                    ColumnReport {
                        name: col.display_name(),
                        index: i,
                        kind: p.kind(&label).as_str(),
                        confidence,
                        uncertain,
                        sensitivity: p.sensitivity(&label).as_str(),
                        alternatives: order
                            .iter()
                            .skip(1)
                            .take(ALTERNATIVES)
                            .map(|&a| Scored {
                                label: labels[a].clone(),
                                confidence: round3(refined[a]),
                            })
                            .collect(),
                        evidence,
                        stats,
                        rank: round3(p.graph.rank.get(k).copied().unwrap_or(0.0)),
                        // A rule's label holds only if it is still the top one after the graph.
                        source: match outcome.and_then(|o| o.source.as_ref().zip(o.label)) {
                            Some((rule, l)) if order.first() == Some(&l) => format!("rule:{rule}"),
                            _ => FROM_MODEL.into(),
                        },
                        label,
                    }
                }
            }
        })
        .collect();
    let t = p.table;
    Report {
        table: TableReport {
            source: p.source.to_string(),
            rows: t.rows,
            columns: t.columns.len(),
            bytes: t.bytes,
            delimiter: (t.delimiter as char).to_string(),
            has_header: t.has_header,
            header_unsure: t.header_unsure,
            ragged_rows: t.ragged_rows,
            warnings: t.warnings.iter().chain(p.extra_warnings).cloned().collect(),
            summary: summarise(&columns),
            edges: edges(p.graph, p.live),
            model: ModelInfo {
                sha256: p.meta.sha256.clone(),
                feature_layout: p.meta.feature_layout.clone(),
                labels: p.meta.labels.len(),
            },
            rules: p.rules.map(|(b, _)| RulesInfo {
                source: b.source().to_string(),
                rules: b.rule_count(),
                labels: b.own_labels(),
                columns: columns.iter().filter(|c| c.source != FROM_MODEL).count(),
            }),
        },
        columns,
    }
}

/// The graph's edges between table positions, with the reasons people can read.
fn edges(g: &ColumnGraph, live: &[usize]) -> Vec<EdgeReport> {
    g.edges
        .iter()
        .filter_map(|e| {
            let mut reasons = Vec::new();
            if e.why.adjacent {
                reasons.push("adjacent");
            }
            if e.why.header > 0.0 {
                reasons.push("header");
            }
            if e.why.values > 0.0 {
                reasons.push("values");
            }
            if e.why.labels > 0.0 {
                reasons.push("labels");
            }
            Some(EdgeReport {
                source: *live.get(e.a)?,
                target: *live.get(e.b)?,
                weight: round3(e.weight),
                reasons,
            })
        })
        .collect()
}

/// What an uncertain column's evidence says: its confidence, and every highly sensitive
/// alternative at least [`SENSITIVE_ALTERNATIVE`] likely (so that a possible leak is never hidden
/// behind a harmless top label).
fn uncertainty_sentence(confidence: f32, order: &[usize], p: &[f32], labels: &[String], parts: &Parts) -> String {
    let sensitive: Vec<String> = order
        .iter()
        .skip(1)
        .filter(|&&a| p[a] >= SENSITIVE_ALTERNATIVE && parts.sensitivity(&labels[a]) == Sensitivity::High)
        .map(|&a| format!("{} ({:.0}%)", labels[a], round3(p[a]) * 100.0))
        .collect();
    let mut s = format!(
        "uncertain: the top label has only {:.0}% confidence",
        confidence * 100.0
    );
    if !sensitive.is_empty() {
        s.push_str(&format!(
            "; it could be {}, which is highly sensitive",
            sensitive.join(" or ")
        ));
    }
    s
}

/// Label indices by falling probability (ties by index, so the order is deterministic).
pub fn ranked(p: &[f32]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..p.len()).collect();
    idx.sort_by(|&a, &b| p[b].total_cmp(&p[a]).then(a.cmp(&b)));
    idx
}

fn summarise(columns: &[ColumnReport]) -> Summary {
    let mut s = Summary {
        columns: columns.len(),
        ..Summary::default()
    };
    for c in columns {
        match c.sensitivity {
            "high" => s.high += 1,
            "medium" => s.medium += 1,
            _ => s.low += 1,
        }
    }
    s.personal = s.high + s.medium;
    s.text = format!(
        "{} of {} columns hold personal data ({} highly sensitive)",
        s.personal, s.columns, s.high
    );
    s
}
