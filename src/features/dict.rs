//! Word lists compiled into the binary: names, places, job titles, company,
//! street, organisation and place-unit words, East Asian family names.
//!
//! The files under `src/features/dict/` are written by
//! `pkg-scripts/make-dictionaries.py` (sources and licences in
//! `dict/SOURCES.md`). Each holds one entry per line, already normalised with
//! [`crate::features::text::normalize`]-rules, sorted bytewise; lines
//! starting with `#` are comments. Look-ups take a *normalised* string.
//!
//! Nothing is done at start-up: the first look-up in a dictionary builds its
//! sorted index (a `Vec<&'static str>` pointing into the embedded text) once,
//! through a `OnceLock`.

use crate::hash::hash_bytes;
use std::sync::OnceLock;

use super::text::normalize_into;

/// One of the embedded word lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dict {
    FirstName,
    LastName,
    City,
    Country,
    CountryCode,
    State,
    StateCode,
    JobTitle,
    CompanySuffix,
    StreetWord,
    /// Words that mark an organisation's name (university, hospital, FC, council, 銀行, ...).
    OrgWord,
    /// Words of administrative units (district, county, oblast, amphoe, 市, 시, حي, ...).
    PlaceWord,
    /// Family names in Han, Hangul and kanji script (王, 김, 佐藤, ...).
    CjkSurname,
}

impl Dict {
    /// Every dictionary, in declaration order.
    pub const ALL: [Dict; 13] = [
        Dict::FirstName,
        Dict::LastName,
        Dict::City,
        Dict::Country,
        Dict::CountryCode,
        Dict::State,
        Dict::StateCode,
        Dict::JobTitle,
        Dict::CompanySuffix,
        Dict::StreetWord,
        Dict::OrgWord,
        Dict::PlaceWord,
        Dict::CjkSurname,
    ];

    /// Short snake_case name, e.g. `"first_name"`.
    pub fn name(self) -> &'static str {
        match self {
            Dict::FirstName => "first_name",
            Dict::LastName => "last_name",
            Dict::City => "city",
            Dict::Country => "country",
            Dict::CountryCode => "country_code",
            Dict::State => "state",
            Dict::StateCode => "state_code",
            Dict::JobTitle => "job_title",
            Dict::CompanySuffix => "company_suffix",
            Dict::StreetWord => "street_word",
            Dict::OrgWord => "org_word",
            Dict::PlaceWord => "place_word",
            Dict::CjkSurname => "cjk_surname",
        }
    }

    fn text(self) -> &'static str {
        match self {
            Dict::FirstName => include_str!("dict/first_names.txt"),
            Dict::LastName => include_str!("dict/last_names.txt"),
            Dict::City => include_str!("dict/cities.txt"),
            Dict::Country => include_str!("dict/countries.txt"),
            Dict::CountryCode => include_str!("dict/country_codes.txt"),
            Dict::State => include_str!("dict/states.txt"),
            Dict::StateCode => include_str!("dict/state_codes.txt"),
            Dict::JobTitle => include_str!("dict/job_titles.txt"),
            Dict::CompanySuffix => include_str!("dict/company_suffixes.txt"),
            Dict::StreetWord => include_str!("dict/street_words.txt"),
            Dict::OrgWord => include_str!("dict/org_words.txt"),
            Dict::PlaceWord => include_str!("dict/place_words.txt"),
            Dict::CjkSurname => include_str!("dict/cjk_surnames.txt"),
        }
    }

    fn slot(self) -> usize {
        self as usize
    }
}

static INDEX: [OnceLock<Vec<&'static str>>; Dict::ALL.len()] = [const { OnceLock::new() }; Dict::ALL.len()];
static TABLES: [OnceLock<Table>; Dict::ALL.len()] = [const { OnceLock::new() }; Dict::ALL.len()];

/// Open-addressing hash table over a dictionary's entries: membership is the hot path of
/// feature extraction (ten look-ups per sampled value), and one hash plus a compare or two
/// beats a binary search's dozen string compares.
struct Table {
    /// Entry index + 1 per slot, 0 for empty; length is a power of two at least twice the entries.
    slots: Vec<u32>,
    mask: usize,
}

impl Table {
    fn new(entries: &[&'static str]) -> Table {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![0u32; size];
        let mask = size - 1;
        for (i, e) in entries.iter().enumerate() {
            let mut at = hash_bytes(e.as_bytes(), 0) as usize & mask;
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = i as u32 + 1;
        }
        Table { slots, mask }
    }

    fn contains(&self, entries: &[&str], key: &str) -> bool {
        let mut at = hash_bytes(key.as_bytes(), 0) as usize & self.mask;
        loop {
            match self.slots.get(at) {
                Some(&0) | None => return false,
                Some(&i) => {
                    if entries.get(i as usize - 1) == Some(&key) {
                        return true;
                    }
                }
            }
            at = (at + 1) & self.mask;
        }
    }
}

fn build(text: &'static str) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = text
        .lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    // The generator writes sorted, deduplicated files; this is only a
    // safety net (a no-op pass over sorted input).
    if !v.windows(2).all(|w| w[0] < w[1]) {
        v.sort_unstable();
        v.dedup();
    }
    v
}

/// The sorted entries of `dict` (built on first use).
pub fn entries(dict: Dict) -> &'static [&'static str] {
    INDEX[dict.slot()].get_or_init(|| build(dict.text()))
}

/// Whether the already-normalised string `normalized` is an entry of `dict`.
pub fn contains(dict: Dict, normalized: &str) -> bool {
    let entries = entries(dict);
    TABLES[dict.slot()]
        .get_or_init(|| Table::new(entries))
        .contains(entries, normalized)
}

/// Normalise `raw` into `buf` (reused, no allocation once grown) and look it
/// up in `dict`.
pub fn lookup(dict: Dict, raw: &str, buf: &mut String) -> bool {
    normalize_into(raw, buf);
    !buf.is_empty() && contains(dict, buf)
}

/// Number of entries in `dict`.
pub fn len(dict: Dict) -> usize {
    entries(dict).len()
}

#[cfg(test)]
mod tests {
    use super::super::text::normalize;
    use super::*;

    #[test]
    fn known_entries_present() {
        let cases: &[(Dict, &[&str])] = &[
            (
                Dict::FirstName,
                &["james", "mary", "maria", "jose", "klaus", "francois", "aarav"],
            ),
            (
                Dict::LastName,
                &["smith", "garcia", "muller", "mueller", "rossi", "nguyen", "wang", "kim"],
            ),
            (
                Dict::City,
                &[
                    "london",
                    "paris",
                    "new york",
                    "munchen",
                    "muenchen",
                    "sao paulo",
                    "tokyo",
                    "st louis",
                ],
            ),
            (
                Dict::Country,
                &[
                    "germany",
                    "deutschland",
                    "espana",
                    "france",
                    "usa",
                    "united kingdom",
                    "uk",
                ],
            ),
            (Dict::CountryCode, &["de", "us", "gb", "deu", "usa", "gbr", "uk"]),
            (
                Dict::State,
                &[
                    "california",
                    "new york",
                    "bayern",
                    "bavaria",
                    "ontario",
                    "new south wales",
                    "ile-de-france",
                ],
            ),
            (Dict::StateCode, &["ca", "ny", "tx", "on", "qc", "nsw", "by"]),
            (
                Dict::JobTitle,
                &[
                    "software engineer",
                    "accountant",
                    "nurse",
                    "chartered accountant",
                    "accountant, chartered",
                ],
            ),
            (
                Dict::CompanySuffix,
                &[
                    "gmbh", "inc", "llc", "ltd", "sarl", "bv", "spa", "s.p.a", "oy", "ab", "pty",
                ],
            ),
            (
                Dict::StreetWord,
                &[
                    "street", "st", "avenue", "ave", "strasse", "str", "rue", "calle", "via", "rua", "straat",
                ],
            ),
            (
                Dict::OrgWord,
                &[
                    "university",
                    "hospital",
                    "library",
                    "fc",
                    "council",
                    "ministerio",
                    "airlines",
                    "大学",
                    "은행",
                ],
            ),
            (
                Dict::PlaceWord,
                &[
                    "district",
                    "county",
                    "oblast",
                    "amphoe",
                    "shi",
                    "район",
                    "حي",
                    "市",
                    "시",
                ],
            ),
        ];
        for (d, words) in cases {
            for w in *words {
                assert!(contains(*d, w), "{} should contain {w:?}", d.name());
            }
        }
    }

    #[test]
    fn junk_absent() {
        for d in Dict::ALL {
            for w in [
                "",
                "#",
                "xqzzv",
                "asdfghjkl",
                "12345",
                "foo@bar.com",
                "London",
                " london",
            ] {
                assert!(!contains(d, w), "{} should not contain {w:?}", d.name());
            }
        }
        assert!(!contains(Dict::Country, "london"));
        assert!(!contains(Dict::FirstName, "smith street"));
    }

    #[test]
    fn lookup_normalises() {
        let mut buf = String::new();
        assert!(lookup(Dict::City, "  MÜNCHEN ", &mut buf));
        assert!(lookup(Dict::Country, "España", &mut buf));
        assert!(lookup(Dict::CompanySuffix, "GmbH.", &mut buf));
        assert!(!lookup(Dict::City, "   ", &mut buf));
    }

    #[test]
    fn indexes_sorted_normalised_and_sized() {
        let mut total_bytes = 0;
        for d in Dict::ALL {
            let e = entries(d);
            assert!(!e.is_empty(), "{}", d.name());
            assert_eq!(len(d), e.len());
            assert!(e.windows(2).all(|w| w[0] < w[1]), "{} not strictly sorted", d.name());
            // The file on disk is already sorted (the generator's contract).
            let raw: Vec<&str> = d.text().lines().filter(|l| !l.starts_with('#')).collect();
            assert_eq!(raw.as_slice(), e, "{} file not sorted/deduplicated", d.name());
            assert!(d.text().starts_with("# source: "), "{}", d.name());
            assert!(d.text().lines().next().unwrap_or("").contains("licence: "));
            // Every entry is normalised exactly as text::normalize does: this
            // cross-checks the Python twin in the generator.
            for s in e {
                assert_eq!(normalize(s), *s, "{}: {s:?} not normalised", d.name());
            }
            total_bytes += d.text().len();
        }
        assert!(total_bytes < 400_000, "dictionaries too big: {total_bytes}");
        assert!(len(Dict::FirstName) <= 4000);
        assert!(len(Dict::LastName) <= 6000);
        assert!(len(Dict::City) <= 8000);
        assert!(len(Dict::JobTitle) <= 1500);
    }

    #[test]
    fn names_and_all() {
        let names: Vec<&str> = Dict::ALL.iter().map(|d| d.name()).collect();
        assert_eq!(names.len(), Dict::ALL.len());
        for (i, d) in Dict::ALL.iter().enumerate() {
            assert_eq!(d.slot(), i);
        }
        assert_eq!(Dict::StreetWord.name(), "street_word");
    }
}
