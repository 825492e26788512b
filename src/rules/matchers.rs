//! The compiled tests of a rule: on values (regex, dictionary, validator, check letter, length)
//! and on headers (words, regex).

use super::{MAX_PATTERN_CHARS, MAX_REGEX_BYTES};
use crate::features::header;
use crate::features::text::normalize_into;
use crate::features::validators::Validator;
use regex_lite::{Regex, RegexBuilder};

/// A test of one value: every part given must hold.
#[derive(Debug)]
pub(crate) struct ValueMatcher {
    pub regex: Option<Regex>,
    /// Sorted, for binary search; folded when `fold` is set.
    pub dictionary: Option<Vec<String>>,
    pub fold: bool,
    pub validator: Option<&'static Validator>,
    /// `alphabet[(the value's digits as a number) mod alphabet.len()]` must be its last character.
    pub check_letter: Option<Vec<char>>,
    /// Length in characters, inclusive.
    pub length: Option<(usize, usize)>,
}

impl ValueMatcher {
    /// Whether `value` (trimmed, as sampled) passes. `buf` is reused for folding.
    pub fn matches(&self, value: &str, buf: &mut String) -> bool {
        if let Some((lo, hi)) = self.length {
            let n = value.chars().count();
            if n < lo || n > hi {
                return false;
            }
        }
        if let Some(v) = self.validator {
            if !(v.check)(value) {
                return false;
            }
        }
        if let Some(alphabet) = &self.check_letter {
            if !check_letter_holds(value, alphabet) {
                return false;
            }
        }
        if let Some(words) = &self.dictionary {
            let key = if self.fold {
                normalize_into(value, buf);
                buf.as_str()
            } else {
                value
            };
            if words.binary_search_by(|w| w.as_str().cmp(key)).is_err() {
                return false;
            }
        }
        self.regex.as_ref().is_none_or(|re| re.is_match(value))
    }
}

/// The digits of `value` but its last character, as a number mod `alphabet.len()`, pick the
/// letter its last character must be (case-insensitive): Spanish DNI's mod-23 letter is
/// `"TRWAGMYFPDXBNJZSQVHLCKE"`.
fn check_letter_holds(value: &str, alphabet: &[char]) -> bool {
    let Some(last) = value.chars().next_back() else {
        return false;
    };
    let body = &value[..value.len() - last.len_utf8()];
    let m = alphabet.len() as u64;
    let mut r = 0u64;
    let mut digits = 0;
    for b in body.bytes().filter(u8::is_ascii_digit) {
        r = (r * 10 + u64::from(b - b'0')) % m;
        digits += 1;
    }
    digits > 0 && alphabet[r as usize].to_lowercase().eq(last.to_lowercase())
}

/// A test of a header: any word phrase, or the pattern.
#[derive(Debug)]
pub(crate) struct HeaderMatcher {
    /// Each phrase as header tokens (`"order ref"` → `["order", "ref"]`).
    pub words: Vec<Vec<String>>,
    /// Searched anywhere in the header, case-insensitively.
    pub regex: Option<Regex>,
}

impl HeaderMatcher {
    /// Whether the header passes; `tokens` are [`header::tokens`] of it.
    pub fn matches(&self, name: &str, tokens: &[String]) -> bool {
        if name.is_empty() {
            return false;
        }
        // Only the first characters, as for the model's header features: a megabyte of header
        // cell must not cost a megabyte of matching per rule.
        let name = name
            .char_indices()
            .nth(header::MAX_HEADER_CHARS)
            .map_or(name, |(end, _)| &name[..end]);
        self.words
            .iter()
            .any(|phrase| !phrase.is_empty() && tokens.windows(phrase.len()).any(|w| w == phrase.as_slice()))
            || self.regex.as_ref().is_some_and(|re| re.is_match(name))
    }

    /// A header phrase as the tokens it must appear as.
    pub fn phrase(word: &str) -> Vec<String> {
        header::tokens(word)
    }
}

/// How a pattern is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// The whole value must match (`^(?:…)$` is implied).
    Whole,
    /// Anywhere, case-insensitively (headers).
    Search,
}

/// Compiles a rule's pattern within the limits. The error message says where the pattern goes
/// wrong (regex-lite names no position, so it is found as the shortest prefix that fails the same
/// way).
pub(crate) fn compile(pattern: &str, anchor: Anchor) -> std::result::Result<Regex, String> {
    let chars = pattern.chars().count();
    if chars > MAX_PATTERN_CHARS {
        return Err(format!(
            "the pattern has {chars} characters, more than the limit of {MAX_PATTERN_CHARS}"
        ));
    }
    let build = |p: &str| {
        let full = match anchor {
            Anchor::Whole => format!("^(?:{p})$"),
            Anchor::Search => p.to_string(),
        };
        RegexBuilder::new(&full)
            .case_insensitive(anchor == Anchor::Search)
            .size_limit(MAX_REGEX_BYTES)
            .nest_limit(64)
            .build()
    };
    // A pattern that closes the implied group early (`a)|(b`) would escape the anchors.
    if anchor == Anchor::Whole && plain(pattern).is_err() {
        return Err(describe(pattern, &build));
    }
    build(pattern).map_err(|_| describe(pattern, &build))
}

/// The pattern alone, unanchored, within the same limits (also for the error search, which
/// compiles up to one prefix per character).
fn plain(p: &str) -> std::result::Result<Regex, regex_lite::Error> {
    RegexBuilder::new(p).size_limit(MAX_REGEX_BYTES).nest_limit(64).build()
}

/// The error of `pattern` and the character where it shows.
fn describe(pattern: &str, build: &dyn Fn(&str) -> std::result::Result<Regex, regex_lite::Error>) -> String {
    let plain = |p: &str| plain(p).err().map(|e| e.to_string());
    let Some(whole) = plain(pattern).or_else(|| build(pattern).err().map(|e| e.to_string())) else {
        return "the pattern is invalid".into();
    };
    if whole.contains("exceeds size limit") || whole.contains("size limit") {
        return format!(
            "the pattern compiles to more than the limit of {MAX_REGEX_BYTES} bytes ({whole}); use fewer or smaller repetitions"
        );
    }
    let at = pattern
        .char_indices()
        .map(|(i, c)| (i + c.len_utf8(), c))
        .enumerate()
        .find(|(_, (end, _))| plain(&pattern[..*end]).as_deref() == Some(whole.as_str()))
        .map(|(n, (_, c))| (n + 1, c));
    match at {
        Some((n, c)) => format!("invalid regular expression at character {n} ({c:?}): {whole}"),
        None => format!("invalid regular expression: {whole}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_character_where_the_pattern_goes_wrong() {
        let e = compile("^EMP-[0-9{6}$", Anchor::Whole).unwrap_err();
        assert!(e.contains("character 7 ('0')"), "{e}");
        let e = compile("ab(cd", Anchor::Whole).unwrap_err();
        assert!(e.contains("character 3 ('(')"), "{e}");
        let e = compile(r"\p{L}+", Anchor::Whole).unwrap_err();
        assert!(e.contains("invalid regular expression"), "{e}");
        // Closing the implied group must not escape the anchors.
        assert!(compile("a)|(b", Anchor::Whole).is_err());
    }

    #[test]
    fn whole_values_must_match_and_headers_are_searched() {
        let re = compile("EMP-[0-9]{6}", Anchor::Whole).unwrap();
        assert!(re.is_match("EMP-004211") && !re.is_match("xEMP-004211") && !re.is_match("EMP-0042111"));
        let re = compile("^order_", Anchor::Search).unwrap();
        assert!(re.is_match("Order_Ref") && !re.is_match("back_order_ref"));
    }

    #[test]
    fn a_huge_repetition_is_refused_as_too_large() {
        let e = compile("(?:[a-z0-9]{1,100}){1,100}", Anchor::Whole).unwrap_err();
        assert!(e.contains("limit"), "{e}");
        let long = "a".repeat(MAX_PATTERN_CHARS + 1);
        assert!(compile(&long, Anchor::Whole).unwrap_err().contains("limit of 1000"));
    }

    #[test]
    fn check_letters_follow_the_alphabet() {
        let dni: Vec<char> = "TRWAGMYFPDXBNJZSQVHLCKE".chars().collect();
        assert!(check_letter_holds("12345678Z", &dni) && check_letter_holds("12345678-z", &dni));
        assert!(!check_letter_holds("12345678A", &dni) && !check_letter_holds("Z", &dni));
    }
}
