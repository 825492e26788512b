//! Text normalisation shared by the dictionaries and the header matcher.
//!
//! [`normalize`] is the single definition of a "normalised" string: the
//! dictionary files under `src/features/dict/` are written by
//! `pkg-scripts/make-dictionaries.py`, whose `normalize` is a line-by-line
//! twin of this one (same tables, same order of steps). The generator reads
//! the two fold tables below out of this file and refuses to run if they
//! differ from its own copy, and both sides assert the examples in
//! `SHARED_EXAMPLES` (keep the list in the test below and the one in the
//! script identical).
//!
//! Rules, applied per character of the input:
//! 1. lowercase (Unicode, `char::to_lowercase`; may yield several chars);
//! 2. whitespace (Unicode `White_Space`) is dropped, and any run of it
//!    between two kept characters becomes one ASCII space (this also trims);
//! 3. [`fold_char`] folds Latin letters with diacritics to ASCII
//!    (é→e, ß→ss, ø→o, æ→ae, ł→l, ...), typographic quotes and dashes to
//!    ASCII, full-width ASCII to ASCII, and drops combining marks,
//!    zero-width characters and control characters;
//! 4. finally, spaces and the punctuation in [`is_strip`] (quotes, dots,
//!    commas, ...) are stripped from both ends.

/// Latin-1 Supplement, Latin Extended-A and Latin Extended-B,
/// U+00C0..=U+024F: the ASCII letter each code point folds to, `.` = none.
const FOLD_00C0: &[u8; 400] = b"\
aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y\
aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkklllllll\
lllnnnnnnnnnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs\
bbbb...cc.ddd....ffg...ikkl..nnooo..pp.....ttttuu.vyyzz.........\
.............aaiioouuuuuuuuuu.aaaa..ggggkkoooo..j...gg..nnaa..oo\
aaaaeeeeiiiioooorrrruuuusstt..hhnd..zzaaeeooooooooyylntj..acclts\
z..b..eejj.qrryy";

/// Latin Extended Additional, U+1E00..=U+1EFF (Vietnamese and others).
const FOLD_1E00: &[u8; 256] = b"\
aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm\
mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv\
wwwwwwwwwwxxxxyyzzzzzzhtwyasss..aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee\
eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy....yy";

/// Printable ASCII from U+0020, with capitals already lowercased; used to
/// hand out `&'static str` slices for single-byte replacements.
const ASCII: &str = " !\"#$%&'()*+,-./0123456789:;<=>?@\
abcdefghijklmnopqrstuvwxyz[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

fn ascii_str(b: u8) -> &'static str {
    let i = usize::from(b.saturating_sub(0x20));
    ASCII.get(i..i + 1).unwrap_or("")
}

/// What `c` folds to, or `None` to keep `c` unchanged.
///
/// `Some("")` means "drop" (combining marks, zero-width and control
/// characters). Replacements are lowercase ASCII. Whitespace is not handled
/// here (see [`normalize_into`]).
pub fn fold_char(c: char) -> Option<&'static str> {
    let cp = u32::from(c);
    if c.is_ascii() {
        // C0 controls other than whitespace, and DEL.
        return if (cp < 0x20 && !c.is_whitespace()) || cp == 0x7f {
            Some("")
        } else {
            None
        };
    }
    let multi = match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' | 'ǣ' | 'Ǣ' | 'ǽ' | 'Ǽ' => "ae",
        'œ' | 'Œ' => "oe",
        'þ' | 'Þ' => "th",
        'ĳ' | 'Ĳ' => "ij",
        'ǆ' | 'ǅ' | 'Ǆ' | 'ǳ' | 'ǲ' | 'Ǳ' => "dz",
        'ǉ' | 'ǈ' | 'Ǉ' => "lj",
        'ǌ' | 'ǋ' | 'Ǌ' => "nj",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => "'",
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
        // Combining diacritical marks, soft hyphen, zero-width chars, BOM,
        // C1 controls.
        '\u{0300}'..='\u{036f}'
        | '\u{00ad}'
        | '\u{200b}'..='\u{200d}'
        | '\u{2060}'
        | '\u{feff}'
        | '\u{0080}'..='\u{0084}'
        | '\u{0086}'..='\u{009f}' => "",
        _ => {
            let b = match cp {
                0xc0..=0x24f => FOLD_00C0[(cp - 0xc0) as usize],
                0x1e00..=0x1eff => FOLD_1E00[(cp - 0x1e00) as usize],
                // Full-width ASCII variants.
                0xff01..=0xff5e => (cp - 0xfee0) as u8,
                _ => b'.',
            };
            if b == b'.' && cp != 0xff0e {
                return None;
            }
            return Some(ascii_str(b));
        }
    };
    Some(multi)
}

/// Punctuation stripped from both ends of a normalised string (after
/// folding, so curly quotes are already ASCII), plus the space.
pub fn is_strip(c: char) -> bool {
    matches!(
        c,
        ' ' | '\'' | '"' | '`' | '.' | ',' | ';' | ':' | '!' | '?' | '¡' | '¿' | '«' | '»' | '‹' | '›' | '*'
    )
}

/// Normalise `s` into `out` (cleared first). Reusing `out` across calls
/// avoids allocating per value once the buffer has grown.
pub fn normalize_into(s: &str, out: &mut String) {
    out.clear();
    let mut pending_space = false;
    for c in s.chars() {
        for lc in c.to_lowercase() {
            if lc.is_whitespace() {
                pending_space = true;
                continue;
            }
            let folded = fold_char(lc);
            if folded == Some("") {
                continue;
            }
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            match folded {
                Some(rep) => out.push_str(rep),
                None => out.push(lc),
            }
        }
    }
    let end = out.trim_end_matches(is_strip).len();
    out.truncate(end);
    let start = out.len() - out.trim_start_matches(is_strip).len();
    if start > 0 {
        out.drain(..start);
    }
}

/// Trim, lowercase, fold diacritics, collapse whitespace, strip surrounding
/// quotes and dots. See the module documentation for the exact rules.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// Lower-cases ASCII and Latin-1 capitals (À-Þ, as UTF-8) of `b` into `buf`, without allocating;
/// `None` when `b` is longer than the buffer. Used by the validators' word look-ups.
pub fn lower_bytes<'a, const N: usize>(b: &[u8], buf: &'a mut [u8; N]) -> Option<&'a [u8]> {
    let out = buf.get_mut(..b.len())?;
    let mut prev = 0u8;
    for (o, &c) in out.iter_mut().zip(b) {
        let latin1_upper = prev == 0xC3 && (0x80..=0x9E).contains(&c) && c != 0x97;
        *o = if latin1_upper { c + 0x20 } else { c.to_ascii_lowercase() };
        prev = c;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keep identical to `SHARED_EXAMPLES` in pkg-scripts/make-dictionaries.py.
    const SHARED_EXAMPLES: &[(&str, &str)] = &[
        ("  José  ", "jose"),
        ("MÜLLER", "muller"),
        ("Straße", "strasse"),
        ("Søren Kierkegaard", "soren kierkegaard"),
        ("Ærø", "aero"),
        ("Œuvre", "oeuvre"),
        ("Ñandú", "nandu"),
        ("Façade", "facade"),
        ("Łódź", "lodz"),
        ("İstanbul", "istanbul"),
        ("Hồ Chí Minh", "ho chi minh"),
        ("São\t\n Paulo", "sao paulo"),
        ("\"St.\"", "st"),
        ("'O’Brien'", "o'brien"),
        ("  ...Inc.  ", "inc"),
        ("e\u{301}cole", "ecole"),
        ("\u{feff}Name", "name"),
        ("ＡＢＣ１２３", "abc123"),
        ("New\u{a0}York", "new york"),
        ("Baden-Württemberg", "baden-wurttemberg"),
        ("Île-de-France", "ile-de-france"),
        ("Москва", "москва"),
        ("東京", "東京"),
        ("S.p.A.", "s.p.a"),
        ("Þórshöfn", "thorshofn"),
        ("", ""),
        ("  \t ", ""),
        ("...", ""),
    ];

    #[test]
    fn shared_examples() {
        for (input, want) in SHARED_EXAMPLES {
            assert_eq!(normalize(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn buffer_reuse() {
        let mut buf = String::new();
        normalize_into("Zürich", &mut buf);
        assert_eq!(buf, "zurich");
        normalize_into("  Ab  ", &mut buf);
        assert_eq!(buf, "ab");
    }

    #[test]
    fn fold_basics() {
        assert_eq!(fold_char('é'), Some("e"));
        assert_eq!(fold_char('Ø'), Some("o"));
        assert_eq!(fold_char('ß'), Some("ss"));
        assert_eq!(fold_char('ł'), Some("l"));
        assert_eq!(fold_char('a'), None);
        assert_eq!(fold_char('×'), None);
        assert_eq!(fold_char('\u{0301}'), Some(""));
        assert_eq!(fold_char('ｚ'), Some("z"));
        assert_eq!(fold_char('．'), Some("."));
    }

    #[test]
    fn tables_only_hold_letters_or_dots() {
        for b in FOLD_00C0.iter().chain(FOLD_1E00.iter()) {
            assert!(b.is_ascii_lowercase() || *b == b'.');
        }
        assert_eq!(ASCII.len(), 95);
    }

    #[test]
    fn never_panics_and_output_is_clean() {
        let mut buf = String::new();
        let mut cps: Vec<u32> = (0..0x2100).collect();
        cps.extend(0xfe00..0xff70);
        cps.extend([0x1f600, 0x10ffff, 0xe000]);
        for cp in cps {
            let Some(c) = char::from_u32(cp) else { continue };
            let s = format!(" x{c}{c} {c}. ");
            normalize_into(&s, &mut buf);
            assert!(!buf.starts_with(is_strip), "{cp:x} -> {buf:?}");
            assert!(!buf.ends_with(is_strip), "{cp:x} -> {buf:?}");
            assert!(!buf.contains("  "));
            assert!(!buf.chars().any(|c| c.is_whitespace() && c != ' '));
            // Idempotent.
            assert_eq!(normalize(&buf), buf, "{cp:x}");
        }
    }
}
