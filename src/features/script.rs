//! The writing system of a value's letters. Country and city names in Arabic, Chinese or
//! Cyrillic script once read as person names because every non-Latin letter looked alike to the
//! byte classes (`non_ascii`); these slots tell the scripts apart so that the model can learn
//! which kinds of column come in which script.

/// The scripts told apart, in slot order (`script.latin`, ...).
pub const NAMES: [&str; 9] = [
    "latin",
    "cyrillic",
    "greek",
    "arabic",
    "hebrew",
    "cjk",
    "hangul",
    "devanagari",
    "thai",
];

/// Index into [`NAMES`] of one letter's script, `None` for digits, punctuation and scripts not
/// listed. CJK counts Han ideographs with Japanese kana.
fn script_of(c: char) -> Option<usize> {
    let u = c as u32;
    Some(match u {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => 0,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => 1,
        0x370..=0x3FF | 0x1F00..=0x1FFF => 2,
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => 3,
        0x590..=0x5FF | 0xFB1D..=0xFB4F => 4,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF => 5,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => 6,
        0x900..=0x97F => 7,
        0xE00..=0xE7F => 8,
        _ => return None,
    })
}

/// The script most of a value's letters are written in (ties to the earlier script), `None` when
/// it has no letters of a listed script. `ascii` says the value is plain ASCII (a fast path: the
/// caller's byte scan already knows).
pub fn dominant(v: &str, ascii: bool) -> Option<usize> {
    if ascii {
        return v.bytes().any(|b| b.is_ascii_alphabetic()).then_some(0);
    }
    let mut counts = [0u32; NAMES.len()];
    for c in v.chars().take(64) {
        if let Some(k) = script_of(c) {
            counts[k] += 1;
        }
    }
    let (best, n) = counts
        .iter()
        .enumerate()
        .fold((0, 0), |acc, (k, &n)| if n > acc.1 { (k, n) } else { acc });
    (n > 0).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(v: &str) -> Option<&'static str> {
        dominant(v, v.is_ascii()).map(|k| NAMES[k])
    }

    #[test]
    fn scripts_of_place_names() {
        assert_eq!(name("Paris"), Some("latin"));
        assert_eq!(name("São Tomé"), Some("latin"));
        assert_eq!(name("Россия"), Some("cyrillic"));
        assert_eq!(name("Ελλάδα"), Some("greek"));
        assert_eq!(name("مصر"), Some("arabic"));
        assert_eq!(name("ישראל"), Some("hebrew"));
        assert_eq!(name("中国"), Some("cjk"));
        assert_eq!(name("東京都"), Some("cjk"));
        assert_eq!(name("カナダ"), Some("cjk"));
        assert_eq!(name("대한민국"), Some("hangul"));
        assert_eq!(name("भारत"), Some("devanagari"));
        assert_eq!(name("ประเทศไทย"), Some("thai"));
        assert_eq!(name("12-34"), None);
        assert_eq!(name(""), None);
    }
}
