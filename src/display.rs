//! How text from the input is shown to people: in evidence sentences, warnings, error messages
//! and the `--format table` output. The JSON report carries names and values exactly (JSON
//! escaping makes them safe there); everything meant for a terminal or a sentence goes through
//! here, so that a column name can neither flood a report nor drive the terminal.

/// Characters of a column name quoted inside a sentence (evidence, warnings, errors).
pub const QUOTED_CHARS: usize = 64;

/// A column name as quoted in a sentence: at most [`QUOTED_CHARS`] characters (then `…`), with
/// control, bidi and invisible characters escaped. A 1 MiB header once made every neighbour's
/// evidence 1 MiB longer.
pub fn quoted(name: &str) -> String {
    for_terminal(&shortened(name))
}

/// A column name cut to [`QUOTED_CHARS`] characters (then `…`), trimmed, not escaped: for the
/// `column` field of errors, which programs read and terminals only see through [`for_terminal`].
pub fn shortened(name: &str) -> String {
    let name = name.trim();
    let mut out: String = name.chars().take(QUOTED_CHARS).collect();
    if name.chars().nth(QUOTED_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// Whether `c` must not reach a terminal as it is: C0/C1 controls and DEL (ANSI escape
/// sequences, carriage returns that overwrite a line, line breaks that forge rows), bidi
/// controls that reorder what is shown (U+202E, U+2066–U+2069, ...), and zero-width or
/// byte-order marks that hide text.
fn unsafe_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// `text` with every character that could drive or deceive a terminal written as a visible
/// escape (`\u{202e}`, `\n`, `\t`); other text is unchanged.
pub fn for_terminal(text: &str) -> String {
    if !text.chars().any(unsafe_char) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if unsafe_char(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_bidi_and_invisibles_are_escaped() {
        assert_eq!(for_terminal("ssn\u{1b}[2K\rcard"), "ssn\\u{1b}[2K\\rcard");
        assert_eq!(for_terminal("a\nb\tc"), "a\\nb\\tc");
        assert_eq!(
            for_terminal("x\u{202e}y\u{2066}z\u{200b}\u{feff}"),
            "x\\u{202e}y\\u{2066}z\\u{200b}\\u{feff}"
        );
        assert_eq!(for_terminal("Straße, 東京, مدينة"), "Straße, 東京, مدينة");
        assert_eq!(for_terminal("\u{9b}31m"), "\\u{9b}31m");
    }

    #[test]
    fn quoted_names_are_bounded() {
        let long = "x".repeat(1 << 20);
        let q = quoted(&long);
        assert_eq!(q.chars().count(), QUOTED_CHARS + 1);
        assert!(q.ends_with('…'));
        assert_eq!(quoted("  email "), "email");
        assert_eq!(quoted("a\u{1b}b"), "a\\u{1b}b");
    }
}
