//! `docs/features.md`, generated from the slot names so the document cannot fall behind the code
//! (`datacloak features --doc > docs/features.md`; a test checks the committed file).

use super::{names, LAYOUT};

/// What a slot measures, by name. Rates are shares of the sampled non-null values (0..1).
fn describe(name: &str) -> String {
    let rate = |what: &str| format!("share of sampled values that {what}");
    if let Some(k) = name.strip_prefix("cls.mean.") {
        return format!("mean share of bytes in class `{}` per value", k);
    }
    if let Some(k) = name.strip_prefix("cls.std.") {
        return format!("spread (std) across values of the share of class `{}`", k);
    }
    if let Some(k) = name.strip_prefix("cls.any.") {
        return rate(&format!("hold at least one byte of class `{}`", k));
    }
    if let Some(label) = name.strip_prefix("hdr.hint.") {
        return format!("how strongly the header's words point to `{label}` (0..1, multilingual keyword table)");
    }
    if let Some(k) = name.strip_prefix("script.") {
        return rate(&format!("have most of their letters in the {k} script"));
    }
    if name.starts_with("hdr.char3.") {
        return "hashed character 3-grams of the normalised header (bucket share, square-rooted; 0 for generic headers)".into();
    }
    if name.starts_with("val.shape3.") {
        return "hashed 3-grams of value shapes (digit→9, letter→A/a), first 48 bytes, bucket share square-rooted"
            .into();
    }
    if name.starts_with("val.char3.") {
        return "hashed lower-cased character 3-grams of values, first 32 bytes, bucket share square-rooted".into();
    }
    let text = match name {
        "stat.null_ratio" => "share of cells that are empty or a null token (NULL, N/A, -, ...)".into(),
        "stat.log_rows" => "ln(1 + rows) / 16".into(),
        "stat.log_non_null" => "ln(1 + non-null cells) / 16".into(),
        "stat.log_distinct" => "ln(1 + estimated distinct values) / 16".into(),
        "stat.distinct_ratio" => "estimated distinct values / non-null cells (HyperLogLog over all rows)".into(),
        "stat.sample_unique_ratio" => "distinct values / values in the sample".into(),
        "stat.top_value_share" => "share of the sample taken by the most common value".into(),
        "stat.value_entropy" => "entropy of the sample's value distribution / log2(sample size)".into(),
        "stat.distinct_le_2" | "stat.distinct_le_12" | "stat.distinct_le_60" | "stat.distinct_le_300" => {
            "1 if the distinct-value estimate is at most that number".into()
        }
        "len.log_mean" => "mean of ln(1 + length in bytes) / 8".into(),
        "len.log_std" => "std of ln(1 + length) / 4".into(),
        "len.log_min" | "len.log_max" => "ln(1 + shortest / longest length over all rows) / 8".into(),
        "len.modal_share" => "share of sampled values having the most common length".into(),
        "len.mean_over_64" => "mean length over all rows / 64, capped at 4".into(),
        "tok.words_mean" => "mean whitespace-separated words per value / 10".into(),
        "tok.multiword" => rate("have two or more words"),
        "tok.many_words" => rate("have six or more words"),
        "tok.title_case" => rate("have every word capitalised"),
        "tok.all_upper" => rate("have letters, all upper case"),
        "tok.all_lower" => rate("have letters, all lower case"),
        "tok.sentence_end" => rate("have 3+ words and end in . ! or ?"),
        "tok.char_entropy" => "mean byte entropy per value (bits) / 6".into(),
        "num.rate" => rate("parse as numbers (thousand separators, decimal commas, currency, % allowed)"),
        "num.median_slog" | "num.min_slog" | "num.max_slog" | "num.std_slog" => {
            "sign(x)·log10(1+|x|)/10 of the median / min / max / std of the parsed numbers".into()
        }
        "num.cv" => "coefficient of variation of the numbers / 10 (capped)".into(),
        "num.dense_int_range" => {
            "for all-integer columns: (count - 1) / (max - min), capped at 1 (sequences score 1)".into()
        }
        "num.digits_mean" => "mean digit count per value / 20".into(),
        "num.decimals_mean" => "mean decimal places of the numbers / 6".into(),
        n if n.starts_with("num.") => format!(
            "among parsed numbers, the share that are {}",
            n.trim_start_matches("num.").replace('_', " ")
        ),
        "date.birth_range" => rate("parse as dates with a year in 1920-2010"),
        "date.recent" => rate("parse as dates with a year from 2015"),
        "date.old" => rate("parse as dates before 1920"),
        "date.future" => rate("parse as dates after 2026"),
        "date.year_mean" => "(mean year of parsed dates - 1990) / 50".into(),
        "date.year_std" => "std of the years of parsed dates / 30".into(),
        n if n.starts_with("pat.") || n.starts_with("chk.") || n.starts_with("date.") => {
            rate(&format!("pass the `{}` check (src/features/value.rs)", n))
        }
        n if n.starts_with("dict.") => rate(&format!("hit the `{}` dictionary test (src/features/dict/)", n)),
        "hdr.empty" => "1 if the header is empty".into(),
        "hdr.generic" => "1 if the header is generic (col_7, Unnamed: 0, V1, ...)".into(),
        "hdr.len" => "header length / 40, capped at 1".into(),
        _ => "(undocumented)".into(),
    };
    text
}

/// The whole Markdown document.
pub fn markdown() -> String {
    let mut s = format!(
        "# Feature layout `{LAYOUT}`\n\n\
         Every column becomes one vector of {} `f32` slots, in the order below. Generated by\n\
         `datacloak features --doc` from the code that fills the slots (`src/features/`); a test fails\n\
         if this file and the code disagree. Rates are shares of the column's sampled non-null values.\n\n\
         | # | slot | meaning |\n|---|---|---|\n",
        names().len()
    );
    for (i, n) in names().iter().enumerate() {
        s.push_str(&format!("| {i} | `{n}` | {} |\n", describe(n)));
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_slot_is_described() {
        for n in super::names() {
            assert_ne!(super::describe(n), "(undocumented)", "{n}");
        }
    }
}
