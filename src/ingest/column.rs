//! What is kept per column while rows stream by: exact counters, a distinct-count sketch and a
//! deterministic bounded reservoir sample. Memory per column is fixed by the options.

use super::hll::HyperLogLog;
use crate::hash::{hash_bytes, Rng};

/// Cell texts read as "no value". Compared after trimming, case-insensitively.
const NULL_TOKENS: [&str; 10] = ["null", "none", "nil", "n/a", "na", "#n/a", "nan", "-", "--", "?"];

/// True when a (trimmed) cell means "no value" in common exports.
pub fn is_null_token(s: &str) -> bool {
    s.is_empty() || (s.len() <= 4 && NULL_TOKENS.iter().any(|t| t.eq_ignore_ascii_case(s)))
}

/// Everything the later stages know about one column.
#[derive(Debug, Clone)]
pub struct ColumnProfile {
    /// Header as written (may be empty or repeated); see [`ColumnProfile::display_name`].
    pub name: String,
    pub index: usize,
    /// Cells seen (data rows; rows too short to reach this column count as null cells).
    pub rows: u64,
    pub nulls: u64,
    /// Cells that were not valid UTF-8 and were read as Latin-1.
    pub non_utf8: u64,
    /// Sum, min and max of the byte length of the trimmed non-null cells.
    pub len_sum: u64,
    pub len_min: u64,
    pub len_max: u64,
    /// Sampled non-null values (trimmed, cut to `max_value_bytes` at a character boundary).
    pub sample: Vec<String>,
    /// True byte lengths of the sampled values (before cutting).
    pub sample_lens: Vec<u32>,
    hll: HyperLogLog,
    rng: Rng,
    capacity: usize,
    max_value_bytes: usize,
}

impl ColumnProfile {
    pub fn new(name: String, index: usize, capacity: usize, seed: u64, max_value_bytes: usize) -> Self {
        ColumnProfile {
            name,
            index,
            rows: 0,
            nulls: 0,
            non_utf8: 0,
            len_sum: 0,
            len_min: u64::MAX,
            len_max: 0,
            sample: Vec::new(),
            sample_lens: Vec::new(),
            hll: HyperLogLog::default(),
            // Each column gets its own stream so adding a column never changes another's sample.
            rng: Rng::new(seed ^ (index as u64).wrapping_mul(0xA24B_AED4_963E_E407)),
            capacity,
            max_value_bytes,
        }
    }

    /// The name shown to people: the header, or `column_N` (1-based) when it is empty.
    pub fn display_name(&self) -> String {
        if self.name.trim().is_empty() {
            format!("column_{}", self.index + 1)
        } else {
            self.name.clone()
        }
    }

    /// Non-null cells seen.
    pub fn non_null(&self) -> u64 {
        self.rows - self.nulls
    }

    /// Estimated distinct non-null values (exact below ~100, about ±2 % above).
    pub fn distinct_estimate(&self) -> u64 {
        let e = self.hll.estimate().round() as u64;
        e.min(self.non_null())
    }

    /// A cell missing because its row was short.
    pub fn add_missing(&mut self) {
        self.rows += 1;
        self.nulls += 1;
    }

    /// Adds one raw cell.
    pub fn add(&mut self, raw: &[u8]) {
        self.rows += 1;
        let bytes = trim_ascii(raw);
        let (text, latin1);
        match std::str::from_utf8(bytes) {
            Ok(s) => text = s,
            Err(_) => {
                self.non_utf8 += 1;
                latin1 = bytes.iter().map(|&b| b as char).collect::<String>();
                text = latin1.trim();
            }
        }
        if is_null_token(text) {
            self.nulls += 1;
            return;
        }
        let len = text.len() as u64;
        self.len_sum += len;
        self.len_min = self.len_min.min(len);
        self.len_max = self.len_max.max(len);
        self.hll.add_hash(hash_bytes(text.as_bytes(), 0x5eed));

        // Algorithm R over the non-null values: value i is kept with probability k/(i+1).
        let seen = self.non_null() - 1;
        let slot = if (seen as usize) < self.capacity {
            self.sample.push(String::new());
            self.sample_lens.push(0);
            self.sample.len() - 1
        } else {
            let j = self.rng.below(seen + 1) as usize;
            if j >= self.capacity {
                return;
            }
            j
        };
        let kept = cut_at_char_boundary(text, self.max_value_bytes);
        if let (Some(s), Some(l)) = (self.sample.get_mut(slot), self.sample_lens.get_mut(slot)) {
            s.clear();
            s.push_str(kept);
            *l = len.min(u32::MAX as u64) as u32;
        }
    }
}

/// Trims ASCII whitespace (and a non-breaking space would be data, so it is kept).
pub fn trim_ascii(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    b.get(start..end).unwrap_or(&[])
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
pub fn cut_at_char_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_nulls_and_lengths() {
        let mut c = ColumnProfile::new("x".into(), 0, 10, 1, 256);
        for v in ["a", " bb ", "", "NULL", "n/a", "ccc"] {
            c.add(v.as_bytes());
        }
        c.add_missing();
        assert_eq!((c.rows, c.nulls, c.non_null()), (7, 4, 3));
        assert_eq!((c.len_min, c.len_max, c.len_sum), (1, 3, 6));
        assert_eq!(c.sample, vec!["a", "bb", "ccc"]);
        assert_eq!(c.distinct_estimate(), 3);
    }

    #[test]
    fn reservoir_is_bounded_deterministic_and_uniformish() {
        let run = || {
            let mut c = ColumnProfile::new("x".into(), 3, 100, 42, 256);
            for i in 0..10_000 {
                c.add(i.to_string().as_bytes());
            }
            c
        };
        let (a, b) = (run(), run());
        assert_eq!(a.sample.len(), 100);
        assert_eq!(a.sample, b.sample);
        // Roughly uniform: about half the kept values come from the second half of the stream.
        let late = a
            .sample
            .iter()
            .filter(|v| v.parse::<u32>().unwrap_or(0) >= 5000)
            .count();
        assert!((30..=70).contains(&late), "late={late}");
    }

    #[test]
    fn latin1_cells_are_read_not_dropped() {
        let mut c = ColumnProfile::new("x".into(), 0, 10, 1, 256);
        c.add(b"Z\xfcrich");
        assert_eq!(c.non_utf8, 1);
        assert_eq!(c.sample[0], "Zürich");
    }

    #[test]
    fn long_values_are_cut_on_char_boundaries() {
        let mut c = ColumnProfile::new("x".into(), 0, 10, 1, 16);
        c.add("ééééééééééééé".as_bytes()); // 26 bytes
        assert_eq!(c.sample[0].len(), 16);
        assert_eq!(c.sample_lens[0], 26);
        assert_eq!(cut_at_char_boundary("aé", 2), "a");
    }
}
