//! Features: one fixed-length `f32` vector per column, every slot named.
//!
//! One code path writes both the values and the names ([`Sink`]), so the layout documented in
//! `docs/features.md`, the vectors the model was trained on (`datacloak features`) and the
//! vectors it sees at run time cannot drift apart. Change a slot, bump [`LAYOUT`].

pub mod cache;
pub mod checksums;
pub mod dates;
pub mod dict;
pub mod doc;
pub mod header;
pub mod ngrams;
pub mod numbers;
pub mod patterns;
pub mod scan;
pub mod script;
pub mod text;
pub mod validators;

mod value;

use crate::graph::{minhash, Signature};
use crate::ingest::ColumnProfile;
use std::collections::HashMap;
use std::sync::OnceLock;
use value::ValueFacts;

/// Version of the slot layout; a model records the layout it was trained on.
pub const LAYOUT: &str = "dc-features-3";

const SHAPE_BUCKETS: usize = 64;
const CHAR_BUCKETS: usize = 64;
const HEADER_BUCKETS: usize = 32;

/// Receives slots in order; implemented by the value writer and the name collector.
trait Sink {
    fn put(&mut self, name: &'static str, v: f32);
    fn put_group(&mut self, prefix: &'static str, vals: &[f32]);
    /// Like `put_group`, with slot names `prefix + keys[i]` instead of numbers.
    fn put_keyed(&mut self, prefix: &'static str, keys: &[&str], vals: &[f32]) {
        let _ = keys;
        self.put_group(prefix, vals);
    }
}

struct Values(Vec<f32>);
impl Sink for Values {
    fn put(&mut self, _: &'static str, v: f32) {
        self.0.push(if v.is_finite() { v } else { 0.0 });
    }
    fn put_group(&mut self, _: &'static str, vals: &[f32]) {
        self.0.extend(vals.iter().map(|v| if v.is_finite() { *v } else { 0.0 }));
    }
}

/// Records the slots whose value is not finite, before any sink would replace it: what the
/// finiteness checks (unit test, fuzz target) look at, so that they can fail.
struct NonFinite(Vec<String>);
impl Sink for NonFinite {
    fn put(&mut self, name: &'static str, v: f32) {
        if !v.is_finite() {
            self.0.push(name.to_string());
        }
    }
    fn put_group(&mut self, prefix: &'static str, vals: &[f32]) {
        for (i, v) in vals.iter().enumerate() {
            if !v.is_finite() {
                self.0.push(format!("{prefix}{i:02}"));
            }
        }
    }
}

/// The names of the slots whose computed value is NaN or infinite for this column (the feature
/// vector holds 0 there). Empty for every input, or the model sees a silently zeroed slot.
pub fn non_finite_slots(col: &ColumnProfile) -> Vec<String> {
    let mut c = NonFinite(Vec::new());
    write_all(col, &mut c);
    c.0
}

struct Names(Vec<String>);
impl Sink for Names {
    fn put(&mut self, name: &'static str, _: f32) {
        self.0.push(name.to_string());
    }
    fn put_group(&mut self, prefix: &'static str, vals: &[f32]) {
        self.0.extend((0..vals.len()).map(|i| format!("{prefix}{i:02}")));
    }
    fn put_keyed(&mut self, prefix: &'static str, keys: &[&str], vals: &[f32]) {
        self.0
            .extend(keys.iter().take(vals.len()).map(|k| format!("{prefix}{k}")));
    }
}

/// Everything later stages need from one column.
#[derive(Debug, Clone)]
pub struct ColumnFeatures {
    pub values: Vec<f32>,
    /// MinHash of the sampled values, for value-overlap edges in the column graph.
    pub signature: Signature,
    /// Normalised header tokens, for header-similarity edges.
    pub header_tokens: Vec<String>,
}

impl ColumnFeatures {
    /// The value of a named slot (used for evidence sentences).
    pub fn get(&self, name: &str) -> Option<f32> {
        index_of(name).and_then(|i| self.values.get(i).copied())
    }
}

/// Slot names in order.
pub fn names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let empty = ColumnProfile::new(String::new(), 0, 1, 0, 16);
        let mut n = Names(Vec::new());
        write_all(&empty, &mut n);
        n.0
    })
}

/// Number of slots.
pub fn len() -> usize {
    names().len()
}

fn index_of(name: &str) -> Option<usize> {
    static INDEX: OnceLock<HashMap<String, usize>> = OnceLock::new();
    INDEX
        .get_or_init(|| names().iter().enumerate().map(|(i, n)| (n.clone(), i)).collect())
        .get(name)
        .copied()
}

/// Extracts the feature vector of one profiled column.
pub fn extract(col: &ColumnProfile) -> ColumnFeatures {
    let mut v = Values(Vec::with_capacity(len()));
    write_all(col, &mut v);
    let (header_tokens, signature) = graph_keys(col);
    ColumnFeatures {
        values: v.0,
        signature,
        header_tokens,
    }
}

/// What the column graph compares between columns: the header tokens and the MinHash of the
/// sampled values. Apart from the feature vector so that the graph can run alone
/// ([`crate::Classifier::refine`]) without paying for feature extraction.
pub fn graph_keys(col: &ColumnProfile) -> (Vec<String>, Signature) {
    (
        header::tokens(&col.name),
        minhash(col.sample.iter().map(|s| s.as_bytes())),
    )
}

/// Share helper: `n / d`, 0 when `d` is 0.
fn share(n: u32, d: usize) -> f32 {
    if d == 0 {
        0.0
    } else {
        n as f32 / d as f32
    }
}

/// Signed log scale that keeps sign and order: sign(x) * log10(1 + |x|) / 10.
fn slog(x: f64) -> f32 {
    (x.signum() * (1.0 + x.abs()).log10() / 10.0) as f32
}

/// Weighted mean and standard deviation of `(x, weight)` pairs.
fn mean_std(xs: impl Iterator<Item = (f32, u32)> + Clone) -> (f32, f32) {
    let total: u32 = xs.clone().map(|(_, w)| w).sum();
    if total == 0 {
        return (0.0, 0.0);
    }
    let mean = xs.clone().map(|(x, w)| x * w as f32).sum::<f32>() / total as f32;
    let var = xs.map(|(x, w)| (x - mean) * (x - mean) * w as f32).sum::<f32>() / total as f32;
    (mean, var.sqrt())
}

/// Per character class, over the distinct values and their weights: the mean share, its standard
/// deviation and the share of values holding the class at all. The sums run in the same order as
/// [`mean_std`] would per class (bit-identical results), but over all classes in each pass.
type ClassStats = [f32; scan::N_CLASSES];
fn class_stats(facts: &[(ValueFacts, u32)], n: usize) -> (ClassStats, ClassStats, ClassStats) {
    let total: u32 = facts.iter().map(|(_, w)| w).sum();
    // -0.0 is where `Iterator::sum` of floats starts.
    let mut mean = [-0.0f32; scan::N_CLASSES];
    let mut var = [-0.0f32; scan::N_CLASSES];
    let mut any = [0u32; scan::N_CLASSES];
    for (f, w) in facts {
        for k in 0..scan::N_CLASSES {
            mean[k] += f.class_share[k] * *w as f32;
            any[k] += *w * u32::from(f.class_share[k] > 0.0);
        }
    }
    let any = any.map(|a| share(a, n));
    if total == 0 {
        return ([0.0; scan::N_CLASSES], [0.0; scan::N_CLASSES], any);
    }
    let mean = mean.map(|m| m / total as f32);
    for (f, w) in facts {
        for k in 0..scan::N_CLASSES {
            let d = f.class_share[k] - mean[k];
            var[k] += d * d * *w as f32;
        }
    }
    (mean, var.map(|v| (v / total as f32).sqrt()), any)
}

/// Writes every slot, in the one fixed order. Every branch writes the same slots.
///
/// Values are analysed once per distinct value and weighted by how often they occur in the
/// sample: a categorical column of 1,000 values with 5 distinct ones costs 5 analyses.
fn write_all(col: &ColumnProfile, s: &mut impl Sink) {
    let mut sorted: Vec<&str> = col.sample.iter().map(|v| v.as_str()).collect();
    sorted.sort_unstable();
    let mut distinct: Vec<(&str, u32)> = Vec::new();
    for v in sorted {
        match distinct.last_mut() {
            Some((last, w)) if *last == v => *w += 1,
            _ => distinct.push((v, 1)),
        }
    }
    let mut scratch = String::new();
    let facts: Vec<(ValueFacts, u32)> = distinct
        .iter()
        .map(|&(v, w)| (ValueFacts::of(v, &mut scratch), w))
        .collect();
    let n = col.sample.len();
    let count = |f: &dyn Fn(&ValueFacts) -> bool| share(facts.iter().filter(|(x, _)| f(x)).map(|(_, w)| w).sum(), n);

    // --- Column statistics -------------------------------------------------------------
    let rows = col.rows.max(1) as f32;
    let non_null = col.non_null();
    let est_distinct = col.distinct_estimate();
    s.put("stat.null_ratio", col.nulls as f32 / rows);
    s.put("stat.log_rows", (1.0 + col.rows as f32).ln() / 16.0);
    s.put("stat.log_non_null", (1.0 + non_null as f32).ln() / 16.0);
    s.put("stat.log_distinct", (1.0 + est_distinct as f32).ln() / 16.0);
    s.put(
        "stat.distinct_ratio",
        if non_null == 0 {
            0.0
        } else {
            est_distinct as f32 / non_null as f32
        },
    );
    let top = distinct.iter().map(|(_, w)| *w).max().unwrap_or(0);
    s.put("stat.sample_unique_ratio", share(distinct.len() as u32, n));
    s.put("stat.top_value_share", share(top, n));
    let value_entropy: f32 = distinct
        .iter()
        .map(|&(_, r)| {
            let p = r as f32 / n.max(1) as f32;
            -p * p.log2()
        })
        .sum();
    s.put(
        "stat.value_entropy",
        if n > 1 { value_entropy / (n as f32).log2() } else { 0.0 },
    );
    s.put(
        "stat.distinct_le_2",
        f32::from(u8::from(est_distinct > 0 && est_distinct <= 2)),
    );
    s.put(
        "stat.distinct_le_12",
        f32::from(u8::from(est_distinct > 0 && est_distinct <= 12)),
    );
    s.put(
        "stat.distinct_le_60",
        f32::from(u8::from(est_distinct > 0 && est_distinct <= 60)),
    );
    // More distinct values than there are countries (about 250) or first-level divisions of one
    // country: a place column past this is cities, never countries.
    s.put(
        "stat.distinct_le_300",
        f32::from(u8::from(est_distinct > 0 && est_distinct <= 300)),
    );

    // --- Lengths -------------------------------------------------------------------------
    let lens = col.sample_lens.iter().map(|&l| ((1.0 + l as f32).ln(), 1));
    let (lmean, lstd) = mean_std(lens);
    s.put("len.log_mean", lmean / 8.0);
    s.put("len.log_std", lstd / 4.0);
    s.put(
        "len.log_min",
        if non_null == 0 {
            0.0
        } else {
            (1.0 + col.len_min as f32).ln() / 8.0
        },
    );
    s.put("len.log_max", (1.0 + col.len_max as f32).ln() / 8.0);
    let mut len_sorted: Vec<u32> = col.sample_lens.clone();
    len_sorted.sort_unstable();
    let mut modal = 0u32;
    let mut i = 0;
    while i < len_sorted.len() {
        let j = len_sorted[i..].iter().take_while(|&&l| l == len_sorted[i]).count();
        modal = modal.max(j as u32);
        i += j.max(1);
    }
    s.put("len.modal_share", share(modal, n));
    s.put(
        "len.mean_over_64",
        (col.len_sum as f32 / non_null.max(1) as f32 / 64.0).min(4.0),
    );

    // --- Words ---------------------------------------------------------------------------
    let per_value =
        |f: &dyn Fn(&ValueFacts) -> f32| facts.iter().map(|(x, w)| f(x) * *w as f32).sum::<f32>() / n.max(1) as f32;
    s.put("tok.words_mean", per_value(&|f| f.words as f32) / 10.0);
    s.put("tok.multiword", count(&|f| f.words >= 2));
    s.put("tok.many_words", count(&|f| f.words >= 6));
    s.put("tok.title_case", count(&|f| f.title_case));
    s.put("tok.all_upper", count(&|f| f.all_upper));
    s.put("tok.all_lower", count(&|f| f.all_lower));
    s.put("tok.sentence_end", count(&|f| f.sentence_end));
    s.put("tok.char_entropy", per_value(&|f| f.char_entropy) / 6.0);
    let mut scripts = [0u32; script::NAMES.len()];
    for (f, w) in &facts {
        if let Some(k) = f.script {
            scripts[k] += *w;
        }
    }
    s.put_keyed("script.", &script::NAMES, &scripts.map(|w| share(w, n)));

    // --- Character classes: mean share, spread across values, share of values holding any -----
    let (class_mean, class_std, class_any) = class_stats(&facts, n);
    s.put_keyed("cls.mean.", &scan::CLASS_NAMES, &class_mean);
    s.put_keyed("cls.std.", &scan::CLASS_NAMES, &class_std);
    s.put_keyed("cls.any.", &scan::CLASS_NAMES, &class_any);

    // --- Numbers -------------------------------------------------------------------------
    let nums: Vec<(&numbers::Number, u32)> = facts
        .iter()
        .filter_map(|(f, w)| Some((f.number.as_ref()?, *w)))
        .collect();
    let nn: usize = nums.iter().map(|(_, w)| *w as usize).sum();
    let ncount =
        |f: &dyn Fn(&numbers::Number) -> bool| share(nums.iter().filter(|(x, _)| f(x)).map(|(_, w)| w).sum(), nn);
    let is_int = |x: &numbers::Number| x.decimals == 0 && x.value.fract() == 0.0;
    s.put("num.rate", share(nn as u32, n));
    s.put("num.int", ncount(&|x| is_int(x)));
    s.put("num.decimal", ncount(&|x| x.decimals > 0));
    s.put(
        "num.decimals_mean",
        nums.iter().map(|(x, w)| x.decimals as f32 * *w as f32).sum::<f32>() / nn.max(1) as f32 / 6.0,
    );
    s.put("num.currency", ncount(&|x| x.currency));
    s.put("num.thousands", ncount(&|x| x.thousands));
    s.put("num.percent", ncount(&|x| x.percent));
    s.put("num.leading_zero", ncount(&|x| x.leading_zero));
    s.put("num.negative", ncount(&|x| x.value < 0.0));
    let mut vals: Vec<f64> = nums
        .iter()
        .filter(|(x, _)| x.value.is_finite())
        .flat_map(|(x, w)| std::iter::repeat_n(x.value, *w as usize))
        .collect();
    vals.sort_by(|a, b| a.total_cmp(b));
    let median = vals.get(vals.len() / 2).copied().unwrap_or(0.0);
    let (vmin, vmax) = (
        vals.first().copied().unwrap_or(0.0),
        vals.last().copied().unwrap_or(0.0),
    );
    let vmean = if vals.is_empty() {
        0.0
    } else {
        vals.iter().sum::<f64>() / vals.len() as f64
    };
    let vstd = if vals.is_empty() {
        0.0
    } else {
        (vals.iter().map(|v| (v - vmean) * (v - vmean)).sum::<f64>() / vals.len() as f64).sqrt()
    };
    s.put("num.median_slog", slog(median));
    s.put("num.min_slog", slog(vmin));
    s.put("num.max_slog", slog(vmax));
    s.put("num.std_slog", slog(vstd));
    s.put(
        "num.cv",
        if vmean.abs() > 1e-9 {
            ((vstd / vmean.abs()) as f32).min(10.0) / 10.0
        } else {
            0.0
        },
    );
    s.put("num.in_0_1", ncount(&|x| (0.0..=1.0).contains(&x.value)));
    s.put("num.only_0_1", ncount(&|x| x.value == 0.0 || x.value == 1.0));
    s.put("num.lat_range", ncount(&|x| x.decimals >= 2 && x.value.abs() <= 90.0));
    s.put("num.lon_range", ncount(&|x| x.decimals >= 2 && x.value.abs() <= 180.0));
    s.put("num.decimals_ge_4", ncount(&|x| x.decimals >= 4));
    s.put(
        "num.age_range",
        ncount(&|x| is_int(x) && (0.0..=110.0).contains(&x.value)),
    );
    s.put(
        "num.adult_age_range",
        ncount(&|x| is_int(x) && (16.0..=95.0).contains(&x.value)),
    );
    s.put(
        "num.year_range",
        ncount(&|x| is_int(x) && (1900.0..=2100.0).contains(&x.value)),
    );
    s.put(
        "num.small_int",
        ncount(&|x| is_int(x) && (0.0..=10.0).contains(&x.value)),
    );
    s.put("num.big_int", ncount(&|x| is_int(x) && x.value.abs() >= 1e6));
    s.put("num.digits_mean", per_value(&|f| f.digits as f32) / 20.0);
    let span = vmax - vmin;
    s.put(
        "num.dense_int_range",
        if nn > 1 && span > 0.0 && nums.iter().all(|(x, _)| is_int(x)) {
            ((nn as f64 - 1.0) / span).min(1.0) as f32
        } else {
            0.0
        },
    );

    // --- Validators and patterns ----------------------------------------------------------
    // Weights per flag and per dictionary in one pass over the values (one pass per slot was a
    // fifth of the extraction time on columns of all-distinct values).
    let mut flag_weight = [0u32; value::FLAG_NAMES.len()];
    let mut dict_weight = [0u32; value::DICT_NAMES.len()];
    for (f, w) in &facts {
        for (i, fw) in flag_weight.iter_mut().enumerate() {
            *fw += *w * u32::from(f.flags & (1u64 << i) != 0);
        }
        for (i, dw) in dict_weight.iter_mut().enumerate() {
            *dw += *w * u32::from(f.dicts & (1u32 << i) != 0);
        }
    }
    for (name, &fw) in value::FLAG_NAMES.iter().zip(&flag_weight) {
        s.put(name, share(fw, n));
    }

    // --- Dates ---------------------------------------------------------------------------
    let years: Vec<(i32, u32)> = facts.iter().filter_map(|(f, w)| Some((f.date_year?, *w))).collect();
    let ny = years.len();
    let ycount = |f: &dyn Fn(i32) -> bool| share(years.iter().filter(|(y, _)| f(*y)).map(|(_, w)| w).sum(), n);
    s.put("date.birth_range", ycount(&|y| (1920..=2010).contains(&y)));
    s.put("date.recent", ycount(&|y| y >= 2015));
    s.put("date.old", ycount(&|y| y < 1920));
    s.put("date.future", ycount(&|y| y > 2026));
    let (ymean, ystd) = mean_std(years.iter().map(|&(y, w)| (y as f32, w)));
    s.put("date.year_mean", if ny == 0 { 0.0 } else { (ymean - 1990.0) / 50.0 });
    s.put("date.year_std", ystd / 30.0);

    // --- Dictionaries --------------------------------------------------------------------
    for (name, &dw) in value::DICT_NAMES.iter().zip(&dict_weight) {
        s.put(name, share(dw, n));
    }

    // --- Header --------------------------------------------------------------------------
    let generic = header::is_generic(&col.name);
    s.put("hdr.empty", f32::from(u8::from(col.name.trim().is_empty())));
    s.put("hdr.generic", f32::from(u8::from(generic)));
    s.put("hdr.len", (col.name.len() as f32).min(40.0) / 40.0);
    s.put_keyed("hdr.hint.", &header::HINT_LABELS, &header::hints(&col.name));
    let mut hbuckets = [0f32; HEADER_BUCKETS];
    let norm = text::normalize(&col.name);
    let total = if generic {
        0
    } else {
        ngrams::add_trigrams(norm.as_bytes(), &mut hbuckets, false, 48, 1)
    };
    ngrams::normalise(&mut hbuckets, total);
    s.put_group("hdr.char3.", &hbuckets);

    // --- Hashed n-grams of values ----------------------------------------------------------
    let mut shape = [0f32; SHAPE_BUCKETS];
    let mut chars = [0f32; CHAR_BUCKETS];
    let (mut ts, mut tc) = (0, 0);
    for &(v, w) in &distinct {
        ts += ngrams::add_trigrams(v.as_bytes(), &mut shape, true, 48, w);
        tc += ngrams::add_trigrams(v.as_bytes(), &mut chars, false, 32, w);
    }
    ngrams::normalise(&mut shape, ts);
    ngrams::normalise(&mut chars, tc);
    s.put_group("val.shape3.", &shape);
    s.put_group("val.char3.", &chars);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::profile_bytes;
    use crate::options::Options;

    #[test]
    fn names_are_unique_and_match_vector_length() {
        let names = names();
        let mut set = std::collections::HashSet::new();
        for n in names {
            assert!(set.insert(n), "duplicate slot {n}");
        }
        let t = profile_bytes(b"email,n\na@b.co,1\nc@d.org,2\n", Options::default()).unwrap();
        for c in &t.columns {
            let f = extract(c);
            assert_eq!(f.values.len(), names.len());
            assert_eq!(non_finite_slots(c), Vec::<String>::new(), "{}", c.name);
        }
    }

    #[test]
    fn features_tell_emails_from_numbers() {
        let t = profile_bytes(b"email,n\na@b.co,1\nc@d.org,2\n", Options::default()).unwrap();
        let e = extract(&t.columns[0]);
        let n = extract(&t.columns[1]);
        assert_eq!(e.get("pat.email"), Some(1.0));
        assert_eq!(n.get("pat.email"), Some(0.0));
        assert_eq!(n.get("num.rate"), Some(1.0));
        assert!(e.get("hdr.hint.email").unwrap_or(0.0) > 0.9);
    }

    #[test]
    fn docs_list_every_slot_in_order() {
        let doc = include_str!("../../docs/features.md");
        assert!(
            doc.contains(&format!("`{LAYOUT}`")),
            "docs/features.md must name layout {LAYOUT}"
        );
        let mut pos = 0;
        for n in names() {
            let needle = format!("`{n}`");
            match doc[pos..].find(&needle) {
                Some(p) => pos += p + needle.len(),
                None => panic!("docs/features.md lacks slot {n} (or lists it out of order); regenerate with `datacloak features --doc > docs/features.md`"),
            }
        }
    }
}
