//! The JSON Schema of a rules document, made from the same constants the reader checks (limits,
//! validator names, kinds), so that the schema shipped in the package cannot drift from what the
//! core accepts. `tests/rules.rs` compares it with the committed `js/rules.schema.json`.

use super::*;
use crate::features::validators::VALIDATORS;
use serde_json::{json, Value};

/// The schema, as pretty JSON.
pub fn schema() -> String {
    let validators: Vec<Value> = VALIDATORS
        .iter()
        .map(|v| json!({"const": v.name, "description": v.accepts}))
        .collect();
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    let name = json!({
        "type": "string",
        "pattern": "^[a-z][a-z0-9_]*$",
        "maxLength": MAX_NAME_BYTES,
    });
    let pattern = json!({"type": "string", "maxLength": MAX_PATTERN_CHARS});
    let value = json!({
        "description": "every test given must hold for a value to match",
        "type": "object",
        "additionalProperties": false,
        "anyOf": [
            {"required": ["regex"]}, {"required": ["dictionary"]}, {"required": ["validator"]},
            {"required": ["check_letter"]}, {"required": ["length"]},
        ],
        "properties": {
            "regex": {"description": "must match the whole value (regex-lite syntax)", "allOf": [pattern]},
            "dictionary": {"type": "array", "minItems": 1, "items": {"type": "string"}},
            "fold": {"type": "boolean", "default": false, "description": "compare dictionary entries without case and accents"},
            "validator": {"oneOf": validators},
            "check_letter": {"type": "string", "minLength": 2, "maxLength": 64, "description": "the last character is alphabet[(the other digits) mod the alphabet's length]"},
            "length": {
                "type": "object",
                "additionalProperties": false,
                "minProperties": 1,
                "properties": {
                    "min": {"type": "integer", "minimum": 0},
                    "max": {"type": "integer", "minimum": 0},
                },
            },
        },
    });
    let header = json!({
        "description": "any word phrase or the pattern (searched, case-insensitive)",
        "type": "object",
        "additionalProperties": false,
        "minProperties": 1,
        "properties": {
            "words": {"type": "array", "items": {"type": "string"}},
            "regex": pattern,
        },
    });
    let s = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "DataCloak rules",
        "description": "An organisation's own labels and rules, applied beside the model (docs/rules.md).",
        "type": "object",
        "additionalProperties": false,
        "required": ["rules"],
        "properties": {
            "version": {"const": 1},
            "labels": {
                "type": "array",
                "maxItems": MAX_LABELS,
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["name", "sensitivity"],
                    "properties": {
                        "name": {"description": "not a label of the taxonomy (rules refine those by naming them)", "allOf": [name]},
                        "sensitivity": {"enum": ["low", "medium", "high"]},
                        "kind": {"enum": kinds, "default": "unknown"},
                        "description": {"type": "string"},
                    },
                },
            },
            "rules": {
                "type": "array",
                "minItems": 1,
                "maxItems": MAX_RULES,
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "allOf": [
                        {"anyOf": [{"required": ["label"]}, {"required": ["never"]}]},
                        {"anyOf": [{"required": ["value"]}, {"required": ["header"]}]},
                    ],
                    "properties": {
                        "name": {"description": "what the report calls the rule (default: its label)", "allOf": [name]},
                        "label": {"description": "a label of this document or of the taxonomy", "allOf": [name]},
                        "description": {"type": "string"},
                        "value": value,
                        "header": header,
                        "min_share": {
                            "type": "number",
                            "exclusiveMinimum": 0,
                            "maximum": 1,
                            "default": DEFAULT_MIN_SHARE,
                            "description": "share of sampled non-null values the value test must match",
                        },
                        "override": {"type": "boolean", "default": false},
                        "never": {"type": "array", "items": name, "description": "labels this column can never have"},
                    },
                },
            },
        },
    });
    let mut text = serde_json::to_string_pretty(&s).unwrap_or_default();
    text.push('\n');
    text
}
