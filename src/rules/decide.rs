//! Applying rules to a column: which fire, with what confidence, and how their labels merge with
//! the model's (the precedence in the module documentation of [`crate::rules`]).

use super::{error, Rule, Rules};
use crate::error::Result;
use crate::ingest::ColumnProfile;
use crate::report::round3;
use crate::taxonomy::{self, Kind, Sensitivity};

/// A model label at least this likely, and more sensitive than a rule's label, keeps its column
/// unless the rule is an override.
pub const STRONG_MODEL: f32 = 0.9;

/// Confidence of a rule whose only test is the header.
const HEADER_ONLY: f32 = 0.9;

/// How far above the model's runner-up a rule's label is put when the model keeps the column.
const ALTERNATIVE_MARGIN: f32 = 0.01;

/// Sampled values a value test looks at per column: 200 spread evenly over the column's sample
/// (which holds the rows in file order until it is full), so a share is known to about ±3 % at a
/// fifth of the cost of 1,000 values (BENCHMARKS.md, "Rules").
pub const TESTED_PER_COLUMN: usize = 200;

/// Value tests one classification may run over all rules and columns together. Past it, each
/// rule tests fewer sampled values per column (at least [`MIN_TESTED`]), and the table's warnings
/// say so: many rules on a wide table stay seconds, never hours.
pub const MAX_VALUE_TESTS: usize = 4_000_000;

/// The fewest sampled values a value test looks at per column, whatever the budget.
pub const MIN_TESTED: usize = 16;

/// A rules document bound to one model's labels: the label space the report ranks over is the
/// model's labels followed by the document's own.
#[derive(Debug)]
pub struct Bound<'r> {
    rules: &'r Rules,
    /// The model's labels, then the document's.
    pub labels: Vec<String>,
    /// Per rule, the index of its label.
    label_of: Vec<Option<usize>>,
    /// Per rule, the indices of the labels it rules out.
    never_of: Vec<Vec<usize>>,
    /// Sampled values each value test looks at per column ([`Bound::budget`]).
    tested: usize,
}

/// What the rules did to one column.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The column's distribution over [`Bound::labels`] once the rules are applied.
    pub probs: Vec<f32>,
    /// An override set the label: the graph must not move it.
    pub pinned: bool,
    /// Labels ruled out (kept at 0 after the graph too).
    pub ruled_out: Vec<usize>,
    /// The rule that set the label, by name, and that label; `None` when the label is the model's.
    pub source: Option<String>,
    pub label: Option<usize>,
    /// Sentences for the report's evidence.
    pub evidence: Vec<String>,
}

/// A rule that fired on a column.
struct Firing {
    rule: usize,
    confidence: f32,
    /// The share of sampled values that matched, when the rule tests values.
    share: Option<f32>,
    header: bool,
}

impl Rules {
    /// Binds the document to a model's labels. Fails when the document's labels clash with the
    /// model's (a custom model that already has them) or a rule refines a label the model lacks.
    pub fn bind(&self, model_labels: &[String]) -> Result<Bound<'_>> {
        let mut labels = model_labels.to_vec();
        for (i, l) in self.labels.iter().enumerate() {
            if labels.contains(&l.name) {
                return Err(error(
                    &self.source,
                    format!("labels[{i}]"),
                    format!("the model has a label {:?} already", l.name),
                ));
            }
            labels.push(l.name.clone());
        }
        let index = |rule: &Rule, name: &str| {
            labels.iter().position(|l| l == name).ok_or_else(|| {
                error(
                    &self.source,
                    rule.path.clone(),
                    format!("this model has no label {name:?}"),
                )
            })
        };
        let mut label_of = Vec::new();
        let mut never_of = Vec::new();
        for r in &self.rules {
            label_of.push(r.label.as_deref().map(|l| index(r, l)).transpose()?);
            never_of.push(r.never.iter().map(|l| index(r, l)).collect::<Result<Vec<_>>>()?);
        }
        Ok(Bound {
            rules: self,
            labels,
            label_of,
            never_of,
            tested: TESTED_PER_COLUMN,
        })
    }
}

impl Bound<'_> {
    /// The document's name (a path, or `rules`).
    pub fn source(&self) -> &str {
        self.rules.source()
    }

    /// How many rules the document holds.
    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }

    /// The labels the document adds.
    pub fn own_labels(&self) -> Vec<String> {
        self.rules.labels.iter().map(|l| l.name.clone()).collect()
    }

    /// Shares the value-test budget over `columns` columns of `sample` sampled values each (the
    /// largest sample): returns the warning to show when value tests must look at fewer values.
    pub fn budget(&mut self, columns: usize, sample: usize) -> Option<String> {
        let value_rules = self.rules.rules.iter().filter(|r| r.value.is_some()).count();
        let per = MAX_VALUE_TESTS / value_rules.saturating_mul(columns).max(1);
        if per >= sample.min(TESTED_PER_COLUMN) {
            return None;
        }
        self.tested = per.max(MIN_TESTED);
        Some(format!(
            "{value_rules} value rules on {columns} columns: each rule tested {} of the sampled values of each column (the rules' budget is {MAX_VALUE_TESTS} value tests)",
            self.tested
        ))
    }

    /// The sensitivity of a label of this space (the document's own, else the taxonomy's).
    pub fn sensitivity(&self, label: &str) -> Sensitivity {
        match self.rules.labels.iter().find(|l| l.name == label) {
            Some(l) => l.sensitivity,
            None => taxonomy::sensitivity(label),
        }
    }

    /// The kind of a label of this space.
    pub fn kind(&self, label: &str) -> Kind {
        match self.rules.labels.iter().find(|l| l.name == label) {
            Some(l) => l.kind,
            None => taxonomy::kind_of(label),
        }
    }

    /// Applies the rules to one column whose model distribution (over the model's labels) is
    /// `model`; `tokens` are [`crate::features::header::tokens`] of its header, which feature extraction has
    /// already made (`ColumnFeatures::header_tokens`).
    pub fn decide(&self, col: &ColumnProfile, tokens: &[String], model: &[f32]) -> Outcome {
        let n = self.labels.len();
        let mut probs = vec![0.0f32; n];
        probs[..model.len().min(n)].copy_from_slice(&model[..model.len().min(n)]);
        let firings: Vec<Firing> = (0..self.rules.rules.len())
            .filter_map(|i| self.fire(i, col, tokens))
            .collect();
        let mut out = Outcome {
            probs,
            pinned: false,
            ruled_out: Vec::new(),
            source: None,
            label: None,
            evidence: Vec::new(),
        };
        if firings.is_empty() {
            return out;
        }
        for f in &firings {
            for &l in &self.never_of[f.rule] {
                if !out.ruled_out.contains(&l) {
                    out.ruled_out.push(l);
                    out.evidence.push(format!(
                        "rule {} rules out {}",
                        self.rules.rules[f.rule].name, self.labels[l]
                    ));
                }
            }
        }
        rule_out(&mut out.probs, &out.ruled_out);
        let model_top = top(&out.probs);
        // A label ruled out by any firing rule is never given, not even by an override.
        let ruled_out = out.ruled_out.clone();
        let gives = |f: &&Firing| self.label_of[f.rule].is_some_and(|l| !ruled_out.contains(&l));
        let deciding = firings
            .iter()
            .filter(gives)
            .find(|f| self.rules.rules[f.rule].overrides)
            .or_else(|| {
                firings
                    .iter()
                    .filter(gives)
                    .fold(None, |best: Option<&Firing>, f| match best {
                        Some(b) if b.confidence >= f.confidence => Some(b),
                        _ => Some(f),
                    })
            });
        let Some(d) = deciding else {
            return out;
        };
        let rule = &self.rules.rules[d.rule];
        let Some(label) = self.label_of[d.rule] else {
            return out;
        };
        out.evidence.push(self.matched_sentence(d, col));
        let (top_label, top_p) = model_top;
        let model_says = format!("{} ({:.0}%)", self.labels[top_label], round3(top_p) * 100.0);
        let stronger = top_label != label
            && top_p >= STRONG_MODEL
            && self.sensitivity(&self.labels[top_label]) > self.sensitivity(&self.labels[label]);
        if stronger && !rule.overrides {
            // The model keeps the column; the rule's label becomes the first alternative, just
            // above the model's own runner-up.
            let runner_up = out
                .probs
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != top_label && i != label)
                .fold(0.0f32, |m, (_, &p)| m.max(p));
            let (have, want) = (out.probs[label], runner_up + ALTERNATIVE_MARGIN);
            if have < want {
                // (1 − w)·have + w = want
                mix(&mut out.probs, label, (want - have) / (1.0 - have));
            }
            out.evidence.push(format!(
                "the model's label {model_says} is more sensitive than {} and stays; make rule {} an override to force it",
                self.labels[label], rule.name
            ));
        } else {
            if top_label != label {
                out.evidence.push(format!("the model said {model_says}"));
            }
            mix(&mut out.probs, label, d.confidence);
            out.pinned = rule.overrides;
            out.source = Some(rule.name.clone());
            out.label = Some(label);
        }
        for f in firings.iter().filter(|f| f.rule != d.rule && gives(f)) {
            out.evidence
                .push(format!("rule {} matched too", self.rules.rules[f.rule].name));
        }
        out
    }

    /// Keeps the rules' verdicts after the graph: an override's column gets its distribution back,
    /// and ruled-out labels stay at zero.
    pub fn settle(&self, outcome: &Outcome, refined: &mut Vec<f32>) {
        if outcome.pinned {
            refined.clone_from(&outcome.probs);
        }
        rule_out(refined, &outcome.ruled_out);
    }

    fn fire(&self, i: usize, col: &ColumnProfile, tokens: &[String]) -> Option<Firing> {
        let r = &self.rules.rules[i];
        let header = match &r.header {
            Some(h) => {
                if !h.matches(&col.name, tokens) {
                    return None;
                }
                true
            }
            None => false,
        };
        let share = match &r.value {
            None => None,
            Some(m) => {
                let total = col.sample.len();
                let n = total.min(self.tested);
                if n == 0 {
                    return None;
                }
                // Spread over the whole sample: until it is full it holds the rows in file order,
                // and the head of a sorted file is no sample of it.
                let values = (0..n).map(|i| &col.sample[i * total / n]);
                // Stop as soon as the share can no longer be reached.
                let allowed_misses = n - (r.min_share * n as f32).ceil().min(n as f32) as usize;
                let (mut hits, mut misses) = (0usize, 0usize);
                let mut buf = String::new();
                for v in values {
                    if m.matches(v, &mut buf) {
                        hits += 1;
                    } else {
                        misses += 1;
                        if misses > allowed_misses {
                            return None;
                        }
                    }
                }
                Some(hits as f32 / n as f32)
            }
        };
        let confidence = confidence(share, header, r.min_share);
        Some(Firing {
            rule: i,
            confidence,
            share,
            header,
        })
    }

    fn matched_sentence(&self, f: &Firing, col: &ColumnProfile) -> String {
        let tested = col.sample.len().min(self.tested);
        let r = &self.rules.rules[f.rule];
        let how = if r.overrides { " (override)" } else { "" };
        match (f.share, f.header) {
            (Some(s), h) => format!(
                "rule {}{how} matched {}% of {} sampled values{}",
                r.name,
                (round3(s) * 100.0).floor(),
                tested,
                if h { " and the header" } else { "" }
            ),
            (None, _) => format!("rule {}{how} matched the header {:?}", r.name, col.display_name()),
        }
    }
}

/// A firing rule's confidence: from the share of values matched (0.70 at `min_share`, 0.99 when
/// all match), 0.9 for a header alone, and both together halve the doubt.
fn confidence(share: Option<f32>, header: bool, min_share: f32) -> f32 {
    let values = share.map(|s| {
        if min_share >= 1.0 {
            0.99
        } else {
            0.70 + 0.29 * ((s - min_share) / (1.0 - min_share)).clamp(0.0, 1.0)
        }
    });
    match (values, header) {
        (Some(v), true) => 1.0 - (1.0 - v) / 2.0,
        (Some(v), false) => v,
        (None, _) => HEADER_ONLY,
    }
}

/// `p ← w·e_label + (1 − w)·p`.
fn mix(p: &mut [f32], label: usize, w: f32) {
    for x in p.iter_mut() {
        *x *= 1.0 - w;
    }
    p[label] += w;
}

/// Zeroes the labels ruled out and renormalises; spreads evenly over the rest if nothing is left.
fn rule_out(p: &mut [f32], out: &[usize]) {
    if out.is_empty() {
        return;
    }
    for &l in out {
        p[l] = 0.0;
    }
    let sum: f32 = p.iter().sum();
    if sum > 1e-6 {
        p.iter_mut().for_each(|x| *x /= sum);
    } else {
        let left = p.len() - out.len();
        for (i, x) in p.iter_mut().enumerate() {
            *x = if out.contains(&i) || left == 0 {
                0.0
            } else {
                1.0 / left as f32
            };
        }
    }
}

/// The most likely label and its probability (ties: the lower index).
fn top(p: &[f32]) -> (usize, f32) {
    p.iter()
        .copied()
        .enumerate()
        .fold((0, f32::MIN), |best, (i, x)| if x > best.1 { (i, x) } else { best })
}
