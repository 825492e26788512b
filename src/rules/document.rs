//! Reading a rules document: its JSON shape, every check, and compiling its matchers. Each error
//! names the place in the document (`labels[0]`, `rules[2].value.regex`).

use super::matchers::{compile, Anchor, HeaderMatcher, ValueMatcher};
use super::*;
use crate::features::text::normalize;
use crate::features::validators::{self, VALIDATORS};
use crate::taxonomy;
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelSpec {
    name: String,
    sensitivity: Sensitivity,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    value: Option<ValueSpec>,
    #[serde(default)]
    header: Option<HeaderSpec>,
    #[serde(default)]
    min_share: Option<f64>,
    #[serde(default, rename = "override")]
    overrides: bool,
    #[serde(default)]
    never: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ValueSpec {
    #[serde(default)]
    regex: Option<String>,
    #[serde(default)]
    dictionary: Option<Vec<String>>,
    #[serde(default)]
    fold: bool,
    #[serde(default)]
    validator: Option<String>,
    #[serde(default)]
    check_letter: Option<String>,
    #[serde(default)]
    length: Option<LengthSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LengthSpec {
    #[serde(default)]
    min: Option<usize>,
    #[serde(default)]
    max: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeaderSpec {
    #[serde(default)]
    regex: Option<String>,
    #[serde(default)]
    words: Vec<String>,
}

/// The top-level keys of a document.
pub(super) const TOP_KEYS: [&str; 3] = ["version", "labels", "rules"];

/// Reads, checks and compiles a document.
pub(super) fn read(text: &str, source: &str) -> Result<(Vec<RuleLabel>, Vec<Rule>)> {
    let err = |rule: &str, message: String| error(source, rule, message);
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(err(
            "document",
            format!(
                "the document has {} bytes, more than the limit of {MAX_DOCUMENT_BYTES}",
                text.len()
            ),
        ));
    }
    let top: Map<String, Value> = serde_json::from_str(text).map_err(|e| {
        err(
            "document",
            format!("not a JSON object ({e}); a rules document is {{\"labels\": [...], \"rules\": [...]}}"),
        )
    })?;
    if let Some(k) = top.keys().find(|k| !TOP_KEYS.contains(&k.as_str())) {
        return Err(err(
            k,
            format!("unknown key {k:?}; a rules document has {}", TOP_KEYS.join(", ")),
        ));
    }
    match top.get("version") {
        None => {}
        Some(v) if v.as_u64() == Some(1) => {}
        Some(v) => return Err(err("version", format!("is {v}; this build reads version 1"))),
    }
    let list = |key: &str, max: usize| -> Result<Vec<Value>> {
        match top.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) if items.len() <= max => Ok(items.clone()),
            Some(Value::Array(items)) => Err(err(
                key,
                format!("holds {} entries, more than the limit of {max}", items.len()),
            )),
            Some(_) => Err(err(key, "must be a list".into())),
        }
    };
    let label_values = list("labels", MAX_LABELS)?;
    let rule_values = list("rules", MAX_RULES)?;
    if rule_values.is_empty() {
        return Err(err("rules", "the document has no rules".into()));
    }

    let mut labels: Vec<RuleLabel> = Vec::new();
    for (i, v) in label_values.into_iter().enumerate() {
        let path = format!("labels[{i}]");
        let spec = LabelSpec::deserialize(v).map_err(|e| err(&path, e.to_string()))?;
        check_name(&spec.name).map_err(|m| err(&path, format!("name {:?} {m}", spec.name)))?;
        if taxonomy::label(&spec.name).is_some() {
            return Err(err(
                &path,
                format!(
                    "{:?} is a label of the taxonomy already; leave it out of labels and write rules with \"label\": {:?} to refine it",
                    spec.name, spec.name
                ),
            ));
        }
        if labels.iter().any(|l| l.name == spec.name) {
            return Err(err(&path, format!("the label {:?} is defined twice", spec.name)));
        }
        let kind = match spec.kind.as_deref() {
            None => Kind::Unknown,
            Some(k) => *Kind::ALL
                .iter()
                .find(|x| x.as_str() == k)
                .ok_or_else(|| err(&path, format!("unknown kind {k:?}; kinds are {}", kinds().join(", "))))?,
        };
        labels.push(RuleLabel {
            name: spec.name,
            sensitivity: spec.sensitivity,
            kind,
            description: spec.description,
        });
    }

    let known = |name: &str| taxonomy::label(name).is_some() || labels.iter().any(|l| l.name == name);
    let mut entries = 0usize;
    let mut rules: Vec<Rule> = Vec::new();
    for (i, v) in rule_values.into_iter().enumerate() {
        let path = format!("rules[{i}]");
        let spec = RuleSpec::deserialize(v).map_err(|e| err(&path, e.to_string()))?;
        let _ = spec.description;
        if let Some(label) = spec.label.as_deref().filter(|l| !known(l)) {
            return Err(err(
                &format!("{path}.label"),
                format!("unknown label {label:?}; define it in labels, or use a label of the taxonomy (docs/rules.md)"),
            ));
        }
        if let Some(n) = spec.never.iter().find(|l| !known(l)) {
            return Err(err(&format!("{path}.never"), format!("unknown label {n:?}")));
        }
        if spec.label.is_none() && spec.never.is_empty() {
            return Err(err(
                &path,
                "a rule needs a label to give or labels to rule out (\"never\")".into(),
            ));
        }
        if spec.overrides && spec.label.is_none() {
            return Err(err(&path, "an override needs a label".into()));
        }
        if let (Some(l), true) = (&spec.label, spec.never.iter().any(|n| Some(n) == spec.label.as_ref())) {
            return Err(err(&format!("{path}.never"), format!("rules out its own label {l:?}")));
        }
        if spec.value.is_none() && spec.header.is_none() {
            return Err(err(&path, "a rule needs a value test, a header test or both".into()));
        }
        // Checked as the f32 it is used as: 1e-50 would otherwise pass as a positive share and
        // become 0, firing on every column.
        let min_share = match spec.min_share.unwrap_or(DEFAULT_MIN_SHARE) as f32 {
            m if m > 0.0 && m <= 1.0 => m,
            _ => {
                return Err(err(
                    &format!("{path}.min_share"),
                    format!("is {}; it must be in (0, 1]", spec.min_share.unwrap_or_default()),
                ))
            }
        };
        if spec.min_share.is_some() && spec.value.is_none() {
            return Err(err(
                &format!("{path}.min_share"),
                "applies to a value test, and the rule has none".into(),
            ));
        }
        let value = spec
            .value
            .map(|v| value_matcher(v, &format!("{path}.value"), &mut entries, source))
            .transpose()?;
        let header = spec
            .header
            .map(|h| header_matcher(h, &format!("{path}.header"), &mut entries, source))
            .transpose()?;
        let name = match spec.name {
            Some(n) => {
                check_name(&n).map_err(|m| err(&format!("{path}.name"), format!("{n:?} {m}")))?;
                if rules.iter().any(|r| r.name == n) {
                    return Err(err(&format!("{path}.name"), format!("two rules are named {n:?}")));
                }
                n
            }
            None => spec.label.clone().unwrap_or_else(|| path.clone()),
        };
        rules.push(Rule {
            name,
            path,
            label: spec.label,
            value,
            header,
            min_share,
            overrides: spec.overrides,
            never: spec.never,
        });
    }
    Ok((labels, rules))
}

/// Label and rule names: short snake_case words, so that they read the same in every face.
fn check_name(name: &str) -> std::result::Result<(), String> {
    if name.is_empty() || name.len() > MAX_NAME_BYTES {
        return Err(format!("must have 1 to {MAX_NAME_BYTES} bytes"));
    }
    if !is_label_name(name) {
        return Err("must be lower-case letters, digits and _ , starting with a letter".into());
    }
    Ok(())
}

fn kinds() -> Vec<&'static str> {
    Kind::ALL.iter().map(|k| k.as_str()).collect()
}

fn count(entries: &mut usize, n: usize, path: &str, source: &str) -> Result<()> {
    *entries += n;
    if *entries > MAX_ENTRIES {
        return Err(error(
            source,
            path,
            format!("the document holds more than {MAX_ENTRIES} dictionary entries and header words"),
        ));
    }
    Ok(())
}

fn value_matcher(v: ValueSpec, path: &str, entries: &mut usize, source: &str) -> Result<ValueMatcher> {
    let err = |at: &str, message: String| error(source, format!("{path}{at}"), message);
    if v.regex.is_none()
        && v.dictionary.is_none()
        && v.validator.is_none()
        && v.check_letter.is_none()
        && v.length.is_none()
    {
        return Err(err(
            "",
            "a value test needs regex, dictionary, validator, check_letter or length".into(),
        ));
    }
    let regex = v
        .regex
        .as_deref()
        .map(|p| compile(p, Anchor::Whole).map_err(|m| err(".regex", m)))
        .transpose()?;
    let validator = match v.validator.as_deref() {
        None => None,
        Some(name) => Some(validators::by_name(name).ok_or_else(|| {
            let names: Vec<&str> = VALIDATORS.iter().map(|v| v.name).collect();
            err(
                ".validator",
                format!("unknown validator {name:?}; validators are {}", names.join(", ")),
            )
        })?),
    };
    let dictionary = match v.dictionary {
        None => None,
        Some(words) if words.is_empty() => return Err(err(".dictionary", "is empty".into())),
        Some(words) => {
            count(entries, words.len(), &format!("{path}.dictionary"), source)?;
            let mut words: Vec<String> = if v.fold {
                words.iter().map(|w| normalize(w)).collect()
            } else {
                words.into_iter().map(|w| w.trim().to_string()).collect()
            };
            words.sort();
            words.dedup();
            Some(words)
        }
    };
    if v.fold && dictionary.is_none() {
        return Err(err(
            ".fold",
            "folds dictionary entries, and the test has no dictionary".into(),
        ));
    }
    let check_letter = match v.check_letter {
        None => None,
        Some(a) => {
            let chars: Vec<char> = a.chars().collect();
            if !(2..=64).contains(&chars.len()) {
                return Err(err(".check_letter", "the alphabet must have 2 to 64 characters".into()));
            }
            Some(chars)
        }
    };
    let length = match v.length {
        None => None,
        Some(LengthSpec { min, max }) => {
            let (lo, hi) = (min.unwrap_or(0), max.unwrap_or(usize::MAX));
            if lo > hi || (min.is_none() && max.is_none()) {
                return Err(err(".length", "needs min, max or both, with min <= max".into()));
            }
            Some((lo, hi))
        }
    };
    Ok(ValueMatcher {
        regex,
        dictionary,
        fold: v.fold,
        validator,
        check_letter,
        length,
    })
}

fn header_matcher(h: HeaderSpec, path: &str, entries: &mut usize, source: &str) -> Result<HeaderMatcher> {
    let err = |at: &str, message: String| error(source, format!("{path}{at}"), message);
    if h.regex.is_none() && h.words.is_empty() {
        return Err(err("", "a header test needs words, regex or both".into()));
    }
    count(entries, h.words.len(), &format!("{path}.words"), source)?;
    let mut words = Vec::new();
    for (i, w) in h.words.iter().enumerate() {
        let phrase = HeaderMatcher::phrase(w);
        if phrase.is_empty() {
            return Err(err(&format!(".words[{i}]"), format!("{w:?} holds no letter or digit")));
        }
        words.push(phrase);
    }
    let regex = h
        .regex
        .as_deref()
        .map(|p| compile(p, Anchor::Search).map_err(|m| err(".regex", m)))
        .transpose()?;
    Ok(HeaderMatcher { words, regex })
}
