//! Evidence: sentences a person can check, built from the same numbers the model saw.

use crate::display::quoted;
use crate::features::{header, ColumnFeatures};
use crate::ingest::ColumnProfile;

/// For each label, the feature slots that show it, and how to say so.
/// The sentence reads "{pct}% of {n} sampled values {phrase}".
const CHECKS: &[(&str, &[(&str, &str)])] = &[
    ("email", &[("pat.email", "are well-formed e-mail addresses")]),
    (
        "phone_number",
        &[
            ("pat.phone", "look like phone numbers"),
            ("pat.e164", "are in international E.164 form"),
        ],
    ),
    (
        "person_name",
        &[(
            "dict.full_name",
            "read as a common given name followed by a family name",
        )],
    ),
    ("first_name", &[("dict.first_name", "are common given names")]),
    ("last_name", &[("dict.last_name", "are common family names")]),
    (
        "street_address",
        &[
            ("pat.street", "look like a house number with a street"),
            ("dict.street_word", "contain a street word (street, rue, Straße, ...)"),
        ],
    ),
    (
        "date_of_birth",
        &[("date.birth_range", "are dates in a plausible birth range (1920-2010)")],
    ),
    (
        "ssn",
        &[("chk.ssn_valid", "follow the US SSN rules (area, group and serial)")],
    ),
    (
        "national_id",
        &[
            ("chk.uk_nino", "are valid UK National Insurance numbers"),
            ("chk.ca_sin", "pass the Canadian SIN check digit"),
            ("chk.fr_insee", "pass the French INSEE key"),
            ("chk.es_dni", "pass the Spanish DNI/NIE letter check"),
        ],
    ),
    (
        "passport_number",
        &[("chk.passport_like", "have the shape of passport numbers")],
    ),
    (
        "credit_card_number",
        &[("chk.card", "pass the Luhn check with a known card issuer prefix")],
    ),
    (
        "iban",
        &[(
            "chk.iban",
            "pass the IBAN mod-97 check with the right length for their country",
        )],
    ),
    (
        "ip_address",
        &[("pat.ipv4", "are IPv4 addresses"), ("pat.ipv6", "are IPv6 addresses")],
    ),
    ("username", &[("pat.username", "look like account handles")]),
    (
        "password_hash",
        &[
            (
                "pat.crypt_hash",
                "are crypt-style password hashes (bcrypt, argon2, ...)",
            ),
            ("pat.hex_digest", "are hex digests"),
        ],
    ),
    (
        "api_key",
        &[
            ("pat.jwt", "are JSON Web Tokens"),
            ("pat.aws_key", "are cloud access key ids"),
            ("pat.secret_token", "carry a known secret-token prefix"),
            ("pat.base64", "are long random-looking tokens"),
        ],
    ),
    ("mac_address", &[("pat.mac", "are MAC addresses")]),
    (
        "postal_code",
        &[("pat.postcode_like", "have the shape of postal codes")],
    ),
    (
        "city",
        &[
            ("dict.city", "are known city names"),
            (
                "dict.place_word",
                "name an administrative unit (district, county, -shi, 市, ...)",
            ),
        ],
    ),
    (
        "state",
        &[
            ("dict.state", "are known state or region names"),
            ("dict.state_code", "are state or region codes"),
            (
                "dict.place_word",
                "name an administrative unit (district, county, -shi, 市, ...)",
            ),
        ],
    ),
    ("latitude", &[("num.lat_range", "are decimals within ±90")]),
    ("longitude", &[("num.lon_range", "are decimals within ±180")]),
    ("gender", &[("pat.gender", "are sex or gender words")]),
    ("age", &[("num.age_range", "are whole numbers from 0 to 110")]),
    ("url", &[("pat.url", "are web addresses")]),
    ("uuid", &[("pat.uuid", "are UUIDs")]),
    ("free_text", &[("tok.many_words", "have six or more words")]),
    (
        "country",
        &[
            ("dict.country", "are country names"),
            ("dict.country_code", "are ISO country codes"),
        ],
    ),
    (
        "company_name",
        &[
            ("dict.company_suffix", "end in a company form (Inc, GmbH, SA, ...)"),
            (
                "dict.org_word",
                "contain an organisation word (University, Bank, FC, Council, ...)",
            ),
        ],
    ),
    ("job_title", &[("dict.job_title", "are known job titles")]),
    ("date", &[("date.date", "parse as calendar dates")]),
    (
        "datetime",
        &[("date.datetime", "parse as timestamps with a time of day")],
    ),
    ("time", &[("date.time", "parse as times of day")]),
    (
        "currency_amount",
        &[
            ("num.currency", "carry a currency sign or code"),
            ("num.rate", "are numbers"),
        ],
    ),
    ("numeric", &[("num.rate", "are numbers")]),
    ("boolean", &[("pat.boolean", "are yes/no or true/false flags")]),
];

fn pct(x: f32) -> u32 {
    (x * 100.0).round() as u32
}

/// The evidence for `label` on one column. `neighbours` are (name, label) of the columns
/// that pulled it towards `label` in the column graph; `changed_from` the model's own top label
/// when the graph changed it.
pub fn sentences(
    label: &str,
    col: &ColumnProfile,
    f: &ColumnFeatures,
    neighbours: &[(String, String)],
    changed_from: Option<&str>,
) -> Vec<String> {
    let mut out = Vec::new();
    let n = col.sample.len();
    if let Some((_, checks)) = CHECKS.iter().find(|(l, _)| *l == label) {
        let mut best: Vec<(f32, &str)> = checks
            .iter()
            .map(|(slot, phrase)| (f.get(slot).unwrap_or(0.0), *phrase))
            .filter(|(v, _)| *v > 0.0)
            .collect();
        best.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (v, phrase) in best.into_iter().take(2) {
            out.push(format!("{}% of {n} sampled values {phrase}", pct(v)));
        }
    }
    match label {
        "identifier" | "uuid" => {
            let d = f.get("stat.distinct_ratio").unwrap_or(0.0);
            out.push(format!(
                "{}% of the {} non-null values are distinct",
                pct(d.min(1.0)),
                col.non_null()
            ));
        }
        "categorical" | "boolean" | "gender" => {
            out.push(format!(
                "{} distinct values in {} rows",
                col.distinct_estimate(),
                col.non_null()
            ));
        }
        _ => {}
    }
    if let Some((hint, score)) = header::best_hint(&col.name) {
        let strength = if score >= 0.9 { "suggests" } else { "hints at" };
        out.push(format!("header '{}' {strength} {hint}", quoted(&col.name)));
    } else if header::is_generic(&col.name) {
        out.push("the header says nothing; judged by the values alone".to_string());
    }
    if !neighbours.is_empty() {
        let list: Vec<String> = neighbours
            .iter()
            .map(|(name, l)| format!("'{}' ({l})", quoted(name)))
            .collect();
        let joined = match list.len() {
            1 => list[0].clone(),
            _ => format!("{} and {}", list[..list.len() - 1].join(", "), list[list.len() - 1]),
        };
        match changed_from {
            Some(from) => out.push(format!("changed from {from} because it sits beside {joined}")),
            None => out.push(format!("beside {joined}")),
        }
    }
    if out.is_empty() {
        let mean = col.len_sum as f32 / col.non_null().max(1) as f32;
        out.push(format!(
            "{} distinct values in {} non-null cells, {:.0} characters long on average",
            col.distinct_estimate(),
            col.non_null(),
            mean
        ));
    }
    if col.nulls > 0 && col.rows > 0 {
        out.push(format!(
            "{}% of {} cells are empty",
            pct(col.nulls as f32 / col.rows as f32),
            col.rows
        ));
    }
    out
}

/// When the values say one thing and the label another (a header `order_ref` over values that
/// pass the SSN rules, labelled identifier): a sentence naming what the values look like, so that
/// the user sees why the confidence is lower. `None` when the runner-up's own value checks do not
/// hold for most values.
pub fn disagreement(label: &str, runner_up: &str, f: &ColumnFeatures, col: &ColumnProfile) -> Option<String> {
    if label == runner_up {
        return None;
    }
    let (_, checks) = CHECKS.iter().find(|(l, _)| *l == runner_up)?;
    let (v, slot, phrase) = checks
        .iter()
        .map(|&(slot, phrase)| (f.get(slot).unwrap_or(0.0), slot, phrase))
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    // Numbers, dates and words match many labels' checks; only specific validators count.
    let generic = [
        "num.rate",
        "date.date",
        "tok.many_words",
        "num.age_range",
        "num.lat_range",
        "num.lon_range",
    ];
    if v < 0.8 || generic.contains(&slot) {
        return None;
    }
    Some(format!(
        "but {}% of {} sampled values {phrase}, as {runner_up} would: the values and the label disagree",
        pct(v),
        col.sample.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::extract;
    use crate::ingest::profile_columns;
    use crate::options::Options;

    fn column(name: &str, values: &[&str]) -> ColumnProfile {
        let vals: Vec<Option<&str>> = values
            .iter()
            .map(|v| if v.is_empty() { None } else { Some(*v) })
            .collect();
        profile_columns(&[(name.to_string(), vals)], Options::default())
            .unwrap()
            .columns
            .remove(0)
    }

    #[test]
    fn value_checks_header_neighbours_and_nulls_are_told() {
        let c = column("card_number", &["4111 1111 1111 1111", "5500 0000 0000 0004", ""]);
        let f = extract(&c);
        let s = sentences("credit_card_number", &c, &f, &[("cvv".into(), "numeric".into())], None);
        assert!(
            s[0].starts_with("100% of 2 sampled values pass the Luhn check"),
            "{s:?}"
        );
        assert!(
            s.iter()
                .any(|x| x == "header 'card_number' suggests credit_card_number"),
            "{s:?}"
        );
        assert!(s.iter().any(|x| x == "beside 'cvv' (numeric)"), "{s:?}");
        assert!(s.iter().any(|x| x == "33% of 3 cells are empty"), "{s:?}");
    }

    #[test]
    fn a_graph_change_is_explained() {
        let c = column("col_3", &["1984-02-01", "1975-07-30"]);
        let f = extract(&c);
        let n = [
            ("first".to_string(), "first_name".to_string()),
            ("last".to_string(), "last_name".to_string()),
        ];
        let s = sentences("date_of_birth", &c, &f, &n, Some("date"));
        assert!(
            s.iter()
                .any(|x| x == "changed from date because it sits beside 'first' (first_name) and 'last' (last_name)"),
            "{s:?}"
        );
        assert!(s.iter().any(|x| x.contains("judged by the values alone")), "{s:?}");
    }

    #[test]
    fn there_is_always_some_evidence() {
        let c = column("x", &["v1.2.3-rc1", "v2.0.0-beta"]);
        let f = extract(&c);
        assert!(!sentences("categorical", &c, &f, &[], None).is_empty());
        assert!(!sentences("some_custom_label", &c, &f, &[], None).is_empty());
    }
}
