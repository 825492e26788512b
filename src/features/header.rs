//! What a column header says about the column.
//!
//! [`tokens`] splits a header into normalised words, [`is_generic`] tells
//! headers that say nothing ("col_7", "Unnamed: 0", "V1"), and [`hints`]
//! scores every label of [`HINT_LABELS`] from a multilingual keyword table
//! ([`keywords`], from `header_keywords.tsv`; en, de, fr, es, it, pt, nl and a few others, plus the usual
//! abbreviations and database column names).
//!
//! Scoring, per label: the maximum over that label's phrases that match of
//! the phrase's weight, where
//! * a phrase is one or more normalised tokens; it matches when its tokens
//!   occur in the header in order, with only stop words ("de", "of", "di",
//!   ...) allowed between them ("carta di credito" matches "carta credito");
//! * the phrase written as one word also matches one header token
//!   ("firstname", "zipcode", "emailaddress"); plurals ("emails",
//!   "categories") match too;
//! * compounds: a header token that *contains* a keyword of >= 5 chars
//!   ("kundenemail" ⊃ "email", "bemerkungen" ⊃ "bemerkung") matches with
//!   0.8 of the weight, unless the keyword is marked exact-only with a
//!   leading `=` ("account" must not hint `numeric` through "count");
//! * a match that does not cover the header's head word (its last word that
//!   is neither a number nor a stop word) gets 0.8 of its score, so
//!   "user_type" leans to `categorical` and "email_verified" to `boolean`;
//! * a match whose tokens are all covered by a longer (in characters) match
//!   of another label is shadowed and keeps half its score: "ip address"
//!   gives `ip_address` 1.0 and `street_address` only 0.4, "user id" gives
//!   `identifier` 1.0 and `username` 0.2;
//! * headers starting with "is", "has", ... ("isActive", "has_children")
//!   score 1.0 for `boolean`.
//!
//! Generic headers give all-zero hints.

use super::text::normalize_into;
use std::sync::OnceLock;

/// The labels [`hints`] scores, in output order.
pub const HINT_LABELS: [&str; 38] = [
    "email",
    "phone_number",
    "person_name",
    "first_name",
    "last_name",
    "street_address",
    "date_of_birth",
    "ssn",
    "national_id",
    "passport_number",
    "credit_card_number",
    "iban",
    "ip_address",
    "username",
    "password_hash",
    "api_key",
    "mac_address",
    "postal_code",
    "city",
    "state",
    "latitude",
    "longitude",
    "gender",
    "age",
    "url",
    "uuid",
    "free_text",
    "country",
    "company_name",
    "job_title",
    "date",
    "datetime",
    "time",
    "currency_amount",
    "numeric",
    "identifier",
    "boolean",
    "categorical",
];

const BOOLEAN: usize = 36;

/// Score multiplier for a keyword found inside a longer header token.
const COMPOUND: f32 = 0.8;
/// Score multiplier for a match that misses the header's head word.
const NOT_HEAD: f32 = 0.8;
/// Score multiplier for a match shadowed by a longer match of another label.
const SHADOWED: f32 = 0.5;
/// Keywords at least this long also match inside longer tokens.
const COMPOUND_MIN_LEN: usize = 5;
/// Only the first tokens of very long headers are looked at.
const MAX_TOKENS: usize = 32;
/// Characters of a header looked at: a real header is a few words; a megabyte of header cell
/// (an accident or an attack) must not cost a megabyte of work per look.
pub const MAX_HEADER_CHARS: usize = 512;

/// Words allowed between the words of a phrase; never a head word.
const STOP_WORDS: &[&str] = &[
    "a", "and", "d", "da", "de", "degli", "dei", "del", "della", "dello", "der", "des", "di", "do", "du", "e", "el",
    "en", "et", "for", "i", "in", "l", "la", "le", "of", "para", "per", "por", "pour", "the", "und", "van", "von", "y",
    "zu", "zum", "zur",
];

/// First words that make a header a yes/no question ("is_active").
const BOOLEAN_PREFIXES: &[&str] = &[
    "is", "has", "have", "was", "can", "did", "does", "should", "allow", "allows", "enable",
];

/// One label's phrases and their weights.
pub type LabelKeywords = (&'static str, Vec<(&'static str, f32)>);

/// The keyword table (`header_keywords.tsv`): per label of [`HINT_LABELS`], in that order, its
/// phrases (normalised tokens separated by one space; a leading `=` disables compound matching)
/// with their weight. Data, not code, like the dictionaries: a change is a deliberate regeneration
/// of the expected outputs and a retrain.
pub fn keywords() -> &'static [LabelKeywords] {
    static TABLE: OnceLock<Vec<LabelKeywords>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<LabelKeywords> = HINT_LABELS.iter().map(|&l| (l, Vec::new())).collect();
        // The file is compiled in and checked by `keyword_table_is_well_formed`: a malformed line
        // is a build bug, skipped here rather than a panic in a user's process.
        for line in include_str!("header_keywords.tsv").lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(label), Some(weight), Some(phrase)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let (Some(slot), Ok(weight)) = (hint_index(label), weight.parse::<f32>()) else {
                continue;
            };
            table[slot].1.push((phrase, weight));
        }
        table
    })
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}')
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_stop_word(s: &str) -> bool {
    STOP_WORDS.binary_search(&s).is_ok()
}

/// Words of six or more letters that end in "id" without being a key name plus "id" (those in
/// "-oid" and "-aid", "android" or "prepaid", are kept whole by their ending).
const ID_ENDINGS_KEPT: &[&str] = &[
    "arachnid", "candid", "euclid", "frigid", "hominid", "horrid", "hybrid", "insipid", "intrepid", "invalid",
    "limpid", "liquid", "madrid", "morbid", "orchid", "placid", "putrid", "pyramid", "rancid", "sordid", "splendid",
    "stupid", "torrid", "unsaid",
];

/// Normalise one raw piece and append its alphanumeric runs to `out`. A lower-case run that is
/// a word plus "id" ("constituentid", "gameid", "userid": exports often drop the separator and
/// the case) is split in two, so that the key's "id" is its head word.
fn push_piece(piece: &str, norm: &mut String, out: &mut Vec<String>) {
    if piece.is_empty() {
        return;
    }
    normalize_into(piece, norm);
    for part in norm.split(|c: char| !c.is_alphanumeric()) {
        if part.is_empty() {
            continue;
        }
        match part.strip_suffix("id") {
            Some(stem)
                if part.len() >= 6
                    && part.bytes().all(|b| b.is_ascii_lowercase())
                    && !stem.ends_with(['o', 'a'])
                    && !ID_ENDINGS_KEPT.contains(&part) =>
            {
                out.push(stem.to_string());
                out.push("id".to_string());
            }
            _ => out.push(part.to_string()),
        }
    }
}

/// Split a header into normalised words: on anything not alphanumeric, on
/// camelCase ("billingZip" → billing, zip; "IPAddress" → ip, address;
/// "userIDs" → user, ids) and between letters and digits ("zip2" → zip, 2).
/// Each word is normalised with [`normalize_into`] (lowercase, diacritics
/// folded: "Straße" → strasse).
pub fn tokens(header: &str) -> Vec<String> {
    // Bounded work whatever the header: a 1 MiB header cell once cost 100 MB and seconds here.
    let chars: Vec<char> = header.chars().take(MAX_HEADER_CHARS).collect();
    let mut out = Vec::new();
    let mut piece = String::new();
    let mut norm = String::new();
    // Last alphanumeric char pushed to `piece`.
    let mut prev: Option<char> = None;
    for (i, &c) in chars.iter().enumerate() {
        if out.len() >= MAX_TOKENS {
            break;
        }
        if is_mark(c) {
            if !piece.is_empty() {
                piece.push(c);
            }
            continue;
        }
        if !c.is_alphanumeric() {
            push_piece(&piece, &mut norm, &mut out);
            piece.clear();
            prev = None;
            continue;
        }
        if let Some(p) = prev {
            let next = chars.get(i + 1).copied();
            let next_lower = next.is_some_and(|n| n.is_lowercase());
            // "IDs", "URLs": a lone plural 's' after an acronym stays with it.
            let plural_s = next == Some('s')
                && chars
                    .get(i + 2)
                    .is_none_or(|n| !n.is_alphanumeric() || n.is_uppercase());
            let boundary = (p.is_lowercase() && c.is_uppercase())
                || (p.is_numeric() != c.is_numeric())
                || (p.is_uppercase() && c.is_uppercase() && next_lower && !plural_s);
            if boundary {
                push_piece(&piece, &mut norm, &mut out);
                piece.clear();
            }
        }
        piece.push(c);
        prev = Some(c);
    }
    push_piece(&piece, &mut norm, &mut out);
    out.truncate(MAX_TOKENS);
    out
}

/// Prefixes of placeholder headers such as "col_7", "field3", "var12".
const GENERIC_WORDS: &[&str] = &[
    "attr",
    "attribute",
    "campo",
    "champ",
    "col",
    "colonne",
    "colonna",
    "coluna",
    "column",
    "columna",
    "feat",
    "feature",
    "feld",
    "field",
    "fld",
    "header",
    "kolom",
    "nan",
    "noname",
    "none",
    "null",
    "spalte",
    "unknown",
    "unnamed",
    "untitled",
    "var",
    "variable",
    "veld",
];

fn generic_tokens(t: &[String]) -> bool {
    let Some(first) = t.first() else {
        return true;
    };
    // "NaN" splits as camelCase into "na", "n".
    if t.len() == 2 && t[0] == "na" && t[1] == "n" {
        return true;
    }
    if t.iter().all(|s| is_digits(s)) {
        return true;
    }
    if first == "unnamed" {
        return true; // pandas: "Unnamed: 0", "Unnamed: 3_level_1"
    }
    let rest_digits = t[1..].iter().all(|s| is_digits(s));
    let single_letter = first.chars().count() == 1 && first.chars().all(char::is_alphabetic);
    rest_digits && (single_letter || GENERIC_WORDS.contains(&first.as_str()))
}

/// Whether the header says nothing about the column: empty, only digits or
/// punctuation ("?", "#"), a single letter, or a placeholder such as
/// "col_7", "column7", "Unnamed: 0", "field_3", "V1", "X1", "var12", "c3".
pub fn is_generic(header: &str) -> bool {
    generic_tokens(&tokens(header))
}

/// One phrase found in the header.
struct Match {
    label: usize,
    score: f32,
    /// Bit i set = header token i is part of the match.
    mask: u64,
    /// Characters of the keyword(s) matched: longer = more specific.
    chars: usize,
}

fn same_or_plural(tok: &str, kw: &str) -> bool {
    if tok == kw {
        return true;
    }
    let Some(rest) = tok.strip_prefix(kw) else {
        return kw
            .strip_suffix('y')
            .and_then(|stem| tok.strip_prefix(stem))
            .is_some_and(|r| r == "ies");
    };
    rest == "s" || rest == "es"
}

/// Match `kw` (one token) against header token `tok`: the score factor.
fn token_factor(tok: &str, kw: &str, compound: bool) -> Option<f32> {
    if same_or_plural(tok, kw) {
        Some(1.0)
    } else if compound && kw.len() >= COMPOUND_MIN_LEN && tok.len() > kw.len() && tok.contains(kw) {
        Some(COMPOUND)
    } else {
        None
    }
}

/// Find the phrase `words` in order in `toks`, only stop words in between.
fn find_sequence(toks: &[String], words: &[&str]) -> Option<u64> {
    let (first, rest) = words.split_first()?;
    'start: for start in 0..toks.len() {
        if toks[start] != *first {
            continue;
        }
        let mut mask = 1u64 << start;
        let mut j = start + 1;
        for (k, w) in rest.iter().enumerate() {
            let last = k + 1 == rest.len();
            loop {
                let Some(t) = toks.get(j) else {
                    continue 'start;
                };
                let hit = if last { same_or_plural(t, w) } else { t == w };
                if hit {
                    mask |= 1u64 << j;
                    j += 1;
                    break;
                }
                if !is_stop_word(t) {
                    continue 'start;
                }
                j += 1;
            }
        }
        return Some(mask);
    }
    None
}

fn collect_matches(toks: &[String], out: &mut Vec<Match>) {
    let mut joined = String::new();
    let mut words: Vec<&str> = Vec::with_capacity(4);
    for (label, (_, phrases)) in keywords().iter().enumerate() {
        for &(phrase, weight) in phrases.iter() {
            let (compound, phrase) = match phrase.strip_prefix('=') {
                Some(p) => (false, p),
                None => (true, phrase),
            };
            words.clear();
            words.extend(phrase.split(' '));
            joined.clear();
            words.iter().for_each(|w| joined.push_str(w));
            let chars = joined.len();
            if words.len() > 1 {
                if let Some(mask) = find_sequence(toks, &words) {
                    out.push(Match {
                        label,
                        score: weight,
                        mask,
                        chars,
                    });
                }
            }
            // Single word, or the phrase written as one word.
            for (i, tok) in toks.iter().enumerate() {
                if let Some(f) = token_factor(tok, &joined, compound) {
                    out.push(Match {
                        label,
                        score: weight * f,
                        mask: 1u64 << i,
                        chars,
                    });
                }
            }
        }
    }
}

fn hints_from_tokens(toks: &[String]) -> [f32; 38] {
    let mut scores = [0.0f32; 38];
    if generic_tokens(toks) {
        return scores;
    }
    let toks = &toks[..toks.len().min(MAX_TOKENS)];
    let mut matches = Vec::new();
    collect_matches(toks, &mut matches);

    let head = toks.iter().rposition(|t| !is_digits(t) && !is_stop_word(t));
    for m in matches.iter() {
        let mut s = m.score;
        if let Some(h) = head {
            if m.mask & (1u64 << h) == 0 {
                s *= NOT_HEAD;
            }
        }
        let shadowed = matches
            .iter()
            .any(|n| n.label != m.label && m.mask & !n.mask == 0 && n.chars > m.chars);
        if shadowed {
            s *= SHADOWED;
        }
        scores[m.label] = scores[m.label].max(s);
    }
    if toks.len() >= 2 && BOOLEAN_PREFIXES.contains(&toks[0].as_str()) {
        scores[BOOLEAN] = 1.0;
    }
    for s in scores.iter_mut() {
        *s = s.clamp(0.0, 1.0);
    }
    scores
}

/// A score in 0..=1 per label of [`HINT_LABELS`] from the header's words
/// (see the module documentation). All zero for generic headers.
pub fn hints(header: &str) -> [f32; 38] {
    hints_from_tokens(&tokens(header))
}

/// The label the header suggests most, with its score, if that is >= 0.5.
/// Ties go to the label listed first in [`HINT_LABELS`].
pub fn best_hint(header: &str) -> Option<(&'static str, f32)> {
    let h = hints(header);
    let mut best = 0;
    for (i, s) in h.iter().enumerate() {
        if *s > h[best] {
            best = i;
        }
    }
    (h[best] >= 0.5).then(|| (HINT_LABELS[best], h[best]))
}

/// Index of `label` in [`HINT_LABELS`].
pub fn hint_index(label: &str) -> Option<usize> {
    HINT_LABELS.iter().position(|l| *l == label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(h: &str) -> Vec<String> {
        tokens(h)
    }

    #[test]
    fn tokenizer() {
        assert_eq!(toks("billingZip2"), ["billing", "zip", "2"]);
        assert_eq!(toks("E-Mail"), ["e", "mail"]);
        assert_eq!(toks("fecha_nac"), ["fecha", "nac"]);
        assert_eq!(toks("IPAddress"), ["ip", "address"]);
        assert_eq!(toks("userIDs"), ["user", "ids"]);
        assert_eq!(toks("createdAt"), ["created", "at"]);
        assert_eq!(toks("Straße Nr."), ["strasse", "nr"]);
        assert_eq!(toks("  Date de naissance "), ["date", "de", "naissance"]);
        assert_eq!(toks("address_line_1"), ["address", "line", "1"]);
        assert_eq!(toks("ipv4"), ["ipv", "4"]);
        assert_eq!(toks("Unnamed: 0"), ["unnamed", "0"]);
        assert_eq!(toks("\u{feff}Email"), ["email"]);
        assert_eq!(toks("Nom d’utilisateur"), ["nom", "d", "utilisateur"]);
        assert_eq!(toks("Cafe\u{301}Name"), ["cafe", "name"]);
        assert_eq!(toks("constituentid"), ["constituent", "id"]);
        assert_eq!(toks("GAMEID"), ["game", "id"]);
        for whole in ["android", "prepaid", "liquid", "valid", "geoid"] {
            assert_eq!(toks(whole), [whole]);
        }
        assert!(toks("").is_empty());
        assert!(toks("?!").is_empty());
    }

    #[test]
    fn generic_headers() {
        for h in [
            "",
            "  ",
            "?",
            "#",
            "col_7",
            "column7",
            "Column 12",
            "Unnamed: 0",
            "Unnamed: 3_level_1",
            "field_3",
            "V1",
            "X1",
            "var12",
            "c3",
            "_c0",
            "a",
            "x",
            "42",
            "1_2",
            "Spalte 3",
            "NaN",
        ] {
            assert!(is_generic(h), "{h:?} should be generic");
            assert!(hints(h).iter().all(|s| *s == 0.0), "{h:?} should give zero hints");
            assert_eq!(best_hint(h), None, "{h:?}");
        }
        for h in ["email", "id", "zip", "name", "age", "ip", "col_email", "v_name"] {
            assert!(!is_generic(h), "{h:?} should not be generic");
        }
    }

    const CASES: &[(&str, &str)] = &[
        // English / database style
        ("email", "email"),
        ("E-Mail", "email"),
        ("email_address", "email"),
        ("EmailAddress", "email"),
        ("customer_email", "email"),
        ("phone_number", "phone_number"),
        ("Mobile", "phone_number"),
        ("first_name", "first_name"),
        ("FirstName", "first_name"),
        ("last_name", "last_name"),
        ("surname", "last_name"),
        ("full_name", "person_name"),
        ("customer_name", "person_name"),
        ("street_address", "street_address"),
        ("address_line_1", "street_address"),
        ("birth_date", "date_of_birth"),
        ("date_of_birth", "date_of_birth"),
        ("DOB", "date_of_birth"),
        ("ssn", "ssn"),
        ("social_security_number", "ssn"),
        ("passport_no", "passport_number"),
        ("credit_card_number", "credit_card_number"),
        ("cc_num", "credit_card_number"),
        ("IBAN", "iban"),
        ("ip_address", "ip_address"),
        ("client_ip", "ip_address"),
        ("remote_addr", "ip_address"),
        ("username", "username"),
        ("screen_name", "username"),
        ("password_hash", "password_hash"),
        ("pwd", "password_hash"),
        ("api_key", "api_key"),
        ("access_token", "api_key"),
        ("mac_address", "mac_address"),
        ("zip code", "postal_code"),
        ("billingZip2", "postal_code"),
        ("city", "city"),
        ("state", "state"),
        ("lat", "latitude"),
        ("lng", "longitude"),
        ("gender", "gender"),
        ("age", "age"),
        ("website", "url"),
        ("guid", "uuid"),
        ("comments", "free_text"),
        ("country_code", "country"),
        ("company_name", "company_name"),
        ("job_title", "job_title"),
        ("order_date", "date"),
        ("created_at", "datetime"),
        ("createdAt", "datetime"),
        ("last login", "datetime"),
        ("timestamp", "datetime"),
        ("start_time", "time"),
        ("total_amount", "currency_amount"),
        ("price_usd", "currency_amount"),
        ("quantity", "numeric"),
        ("user id", "identifier"),
        ("customer_id", "identifier"),
        ("SKU", "identifier"),
        ("is_active", "boolean"),
        ("isVerified", "boolean"),
        ("email_verified", "boolean"),
        ("has_children", "boolean"),
        ("category", "categorical"),
        ("order_status", "categorical"),
        ("user_type", "categorical"),
        ("PaymentMethod", "categorical"),
        ("card_expiry", "date"),
        ("PassengerId", "identifier"),
        ("Sex", "gender"),
        // German
        ("Telefonnummer", "phone_number"),
        ("Geburtsdatum", "date_of_birth"),
        ("geb_datum", "date_of_birth"),
        ("Vorname", "first_name"),
        ("Nachname", "last_name"),
        ("Straße", "street_address"),
        ("PLZ", "postal_code"),
        ("Ort", "city"),
        ("Bundesland", "state"),
        ("Geschlecht", "gender"),
        ("Kundenemail", "email"),
        ("E-Mail-Adresse", "email"),
        ("Kundennummer", "identifier"),
        ("Bemerkungen", "free_text"),
        ("Firma", "company_name"),
        ("Beruf", "job_title"),
        ("Betrag", "currency_amount"),
        ("Längengrad", "longitude"),
        // French
        ("Prénom", "first_name"),
        ("Nom", "last_name"),
        ("Courriel", "email"),
        ("Date de naissance", "date_of_birth"),
        ("Code postal", "postal_code"),
        ("Ville", "city"),
        ("Pays", "country"),
        ("Numéro de téléphone", "phone_number"),
        ("Numéro de sécurité sociale", "national_id"),
        ("Nom d'utilisateur", "username"),
        ("Mot de passe", "password_hash"),
        ("Montant", "currency_amount"),
        // Spanish
        ("fecha_nac", "date_of_birth"),
        ("Fecha de nacimiento", "date_of_birth"),
        ("Correo electrónico", "email"),
        ("Apellidos", "last_name"),
        ("Dirección", "street_address"),
        ("Código Postal", "postal_code"),
        ("DNI", "national_id"),
        ("Teléfono", "phone_number"),
        ("Provincia", "state"),
        ("Empresa", "company_name"),
        ("Puesto", "job_title"),
        ("Edad", "age"),
        // Italian
        ("Cognome", "last_name"),
        ("Codice Fiscale", "national_id"),
        ("Data di nascita", "date_of_birth"),
        ("Città", "city"),
        ("Indirizzo", "street_address"),
        ("Numero carta di credito", "credit_card_number"),
        // Portuguese
        ("Sobrenome", "last_name"),
        ("CPF", "national_id"),
        ("Endereço", "street_address"),
        ("CEP", "postal_code"),
        ("Data de nascimento", "date_of_birth"),
        ("Idade", "age"),
        ("Senha", "password_hash"),
        // Dutch
        ("Achternaam", "last_name"),
        ("Voornaam", "first_name"),
        ("Woonplaats", "city"),
        ("Telefoonnummer", "phone_number"),
        ("Geboortedatum", "date_of_birth"),
        ("BSN", "national_id"),
    ];

    #[test]
    fn best_hints() {
        let mut failures = Vec::new();
        for (h, want) in CASES {
            match best_hint(h) {
                Some((got, _)) if got == *want => {}
                other => failures.push(format!("{h:?}: want {want}, got {other:?}")),
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        assert!(CASES.len() >= 40);
    }

    fn score(h: &str, label: &str) -> f32 {
        hints(h)[hint_index(label).unwrap_or(usize::MAX).min(37)]
    }

    #[test]
    fn specific_phrases_dominate() {
        assert_eq!(score("first name", "first_name"), 1.0);
        assert!(score("first name", "person_name") < 0.4);
        assert!(score("name", "person_name") >= 0.3 && score("name", "person_name") <= 0.5);
        assert_eq!(best_hint("name"), None);
        assert_eq!(score("birth date", "date_of_birth"), 1.0);
        assert!(score("birth date", "date") < 0.5);
        assert!(score("ip address", "street_address") < 0.5);
        assert!(score("email address", "street_address") < 0.5);
        assert!(score("zip code", "identifier") < 0.3);
        assert!(score("last login", "username") < 0.5);
        // "user id": identifier, username only partly.
        let u = score("user id", "username");
        assert!(u > 0.0 && u < 0.5, "{u}");
        assert_eq!(score("user id", "identifier"), 1.0);
        // Compounds: 0.8 of the weight.
        assert!((score("kundenemail", "email") - 0.8).abs() < 1e-6);
        assert!(score("account", "numeric") == 0.0);
        assert!(score("secretary", "api_key") == 0.0);
        let t = best_hint("Telefonnummer");
        assert_eq!(t.map(|x| x.0), Some("phone_number"));
    }

    #[test]
    fn scores_in_range() {
        for (h, _) in CASES {
            for s in hints(h) {
                assert!((0.0..=1.0).contains(&s), "{h}: {s}");
            }
        }
    }

    #[test]
    fn keyword_table_is_well_formed() {
        let file = include_str!("header_keywords.tsv");
        let data_lines = file.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).count();
        let loaded: usize = keywords().iter().map(|(_, p)| p.len()).sum();
        assert_eq!(loaded, data_lines, "every line of header_keywords.tsv is read");
        let mut seen_labels: Vec<&str> = Vec::new();
        for line in file.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let label = line.split('\t').next().unwrap();
            if seen_labels.last() != Some(&label) {
                assert!(!seen_labels.contains(&label), "{label}: its lines are not together");
                seen_labels.push(label);
            }
        }
        assert_eq!(seen_labels, HINT_LABELS, "header_keywords.tsv follows HINT_LABELS");
        // The hint labels are the taxonomy's, in its order.
        let taxonomy: Vec<&str> = crate::taxonomy::labels()
            .iter()
            .map(|l| l.name.as_str())
            .take(38)
            .collect();
        assert_eq!(HINT_LABELS.to_vec(), taxonomy);
        for (i, (label, phrases)) in keywords().iter().enumerate() {
            assert_eq!(*label, HINT_LABELS[i], "keywords out of order at {i}");
            assert!(!phrases.is_empty());
            for (p, w) in phrases.iter() {
                let p = p.strip_prefix('=').unwrap_or(p);
                // Written exactly as `tokens` would produce it.
                assert_eq!(tokens(p).join(" "), p, "{label}: phrase {p:?} not normalised");
                assert!(*w > 0.0 && *w <= 1.0, "{label}: {p:?}");
            }
        }
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOP_WORDS, "STOP_WORDS must stay sorted");
        assert_eq!(hint_index("categorical"), Some(37));
        assert_eq!(hint_index("nope"), None);
    }

    #[test]
    fn never_panics() {
        let weird = [
            "\u{0}",
            "ﬁrst_name",
            "ＥＭＡＩＬ",
            "é\u{301}\u{301}",
            "𝔈𝔪𝔞𝔦𝔩",
            "日本語の見出し",
            "a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p_q_r_s_t_u_v_w_x_y_z_a_b_c_d_e_f_g_h_i_j_k_l",
            "İİİ",
            "ABCdefGHI123jkl",
            "s",
            "IDs",
        ];
        for h in weird {
            let _ = tokens(h);
            let _ = is_generic(h);
            let _ = hints(h);
            let _ = best_hint(h);
        }
        let long: String = "email_".repeat(100);
        assert_eq!(best_hint(&long).map(|x| x.0), Some("email"));
    }
}
