//! The command line of both CLIs, defined once: the native binary (`src/bin/datacloak.rs`) and
//! the Node CLI of the npm package (`cli.js`, through the wasm face) parse their arguments with
//! [`parse`] and print [`usage`], so they accept and refuse the same arguments by construction.
//!
//! Flags that set options become the JS API's camelCase option object, which
//! [`crate::Options::from_json`] validates: one path from a flag to an option for every face.

use serde_json::{Map, Value};

/// What a flag takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Takes {
    /// A whole number (digits only; `+5` and `-1` are refused).
    Number,
    /// A word.
    Text,
    /// A path: the CLI reads the file and hands its text to the option, and the path to the
    /// option named by [`source_option`] (so errors name the file).
    File,
    /// Nothing: the flag sets its option to this value.
    Switch(bool),
}

/// One flag of `classify` (and `features`, `cloak`).
#[derive(Debug, Clone, Copy)]
pub struct Flag {
    pub name: &'static str,
    /// A short form (`-o`), or "".
    pub alias: &'static str,
    /// The one command the flag belongs to (`cloak`), or `None` for every command.
    pub only: Option<&'static str>,
    /// The placeholder shown in the usage, e.g. `N`.
    pub placeholder: &'static str,
    /// The option it sets (camelCase, as the JS API spells it); `None` for CLI-only flags.
    pub option: Option<&'static str>,
    pub takes: Takes,
    pub help: &'static str,
}

const fn flag(
    name: &'static str,
    placeholder: &'static str,
    option: Option<&'static str>,
    takes: Takes,
    help: &'static str,
) -> Flag {
    Flag {
        name,
        alias: "",
        only: None,
        placeholder,
        option,
        takes,
        help,
    }
}

/// Every flag, in the order the usage lists them.
pub const FLAGS: &[Flag] = &[
    flag(
        "--format",
        "json|table",
        None,
        Takes::Text,
        "output of classify (default json)",
    ),
    flag(
        "--sample",
        "N",
        Some("sampleSize"),
        Takes::Number,
        "values sampled per column (default 1000, max 100000)",
    ),
    flag(
        "--delimiter",
        "C",
        Some("delimiter"),
        Takes::Text,
        "field delimiter (default: sniffed among , ; TAB |); 'tab' for TAB",
    ),
    flag(
        "--header",
        "",
        Some("hasHeader"),
        Takes::Switch(true),
        "first row is a header (default: detected)",
    ),
    flag(
        "--no-header",
        "",
        Some("hasHeader"),
        Takes::Switch(false),
        "first row is data",
    ),
    flag(
        "--model",
        "PATH",
        None,
        Takes::Text,
        "use this ONNX model instead of the built-in one",
    ),
    flag(
        "--rules",
        "FILE.json",
        Some("rules"),
        Takes::File,
        "your own labels and rules, applied beside the model (docs/rules.md)",
    ),
    flag(
        "--max-cell-bytes",
        "N",
        Some("maxCellBytes"),
        Takes::Number,
        "longest accepted cell (default 1048576)",
    ),
    flag(
        "--max-columns",
        "N",
        Some("maxColumns"),
        Takes::Number,
        "most accepted columns (default 10000)",
    ),
    flag(
        "--max-bytes",
        "N",
        Some("maxBytes"),
        Takes::Number,
        "most accepted input bytes (default: no limit)",
    ),
    flag(
        "--max-sample-bytes",
        "N",
        Some("maxSampleBytes"),
        Takes::Number,
        "bytes all columns' samples may hold together (default 67108864)",
    ),
    cloak_flag(
        "--output",
        "-o",
        "OUT.csv",
        Takes::Text,
        "where the cloaked CSV goes (- for standard output)",
    ),
    cloak_flag(
        "--policy",
        "",
        "FILE.json",
        Takes::Text,
        "actions by column, label or sensitivity (default: high pseudonymise, medium generalise, low keep)",
    ),
    cloak_flag(
        "--key-file",
        "",
        "FILE",
        Takes::Text,
        "secret key for pseudonyms and fakes (default: a random key, not kept)",
    ),
    cloak_flag(
        "--report",
        "",
        "FILE.json",
        Takes::Text,
        "act on this classify report (one pass) instead of classifying first",
    ),
    cloak_flag(
        "--safe-formulas",
        "",
        "",
        Takes::Switch(true),
        "prefix cells a spreadsheet would run as formulas with '",
    ),
];

const fn cloak_flag(
    name: &'static str,
    alias: &'static str,
    placeholder: &'static str,
    takes: Takes,
    help: &'static str,
) -> Flag {
    Flag {
        alias,
        only: Some("cloak"),
        ..flag(name, placeholder, None, takes, help)
    }
}

/// The option that names the file a [`Takes::File`] option was read from (`rules` → `rulesSource`).
pub fn source_option(option: &str) -> String {
    format!("{option}Source")
}

/// Puts a file option's text and path into the option object, as both CLIs do once they have
/// read the file (`Args::option_files`).
pub fn set_option_file(options: &mut Map<String, Value>, option: &str, path: &str, text: String) {
    options.insert(option.to_string(), Value::String(text));
    options.insert(source_option(option), Value::String(path.to_string()));
}

/// The exit code both CLIs return for an error of this code ([`crate::Error::code`]).
pub fn exit_code(code: &str) -> u8 {
    match code {
        "MODEL" | "MODEL_MISMATCH" => 3,
        "IO" => 4,
        "INVALID_OPTION" | "POLICY" | "RULES" => 2,
        _ => 1,
    }
}

/// The exit codes, as the usage states them and both CLIs return them.
pub const EXIT_CODES: &str =
    "EXIT CODES: 0 ok, 1 the input cannot be classified or cloaked, 2 usage, option, policy or rules error, 3 model error, 4 read or write error";

/// The usage text. `commands` are the lines of the COMMANDS part (each CLI has its own set).
pub fn usage(title: &str, commands: &[(&str, &str)]) -> String {
    let mut s = format!("datacloak — {title}\n\nUSAGE:\n");
    for (cmd, what) in commands {
        s.push_str(&format!("  {cmd:<40}  {what}\n"));
    }
    s.push_str("\nOPTIONS:\n");
    let commands: Vec<&str> = commands
        .iter()
        .filter_map(|(c, _)| c.split_whitespace().next())
        .collect();
    for f in FLAGS.iter().filter(|f| f.only.is_none_or(|c| commands.contains(&c))) {
        let name = if f.alias.is_empty() {
            f.name.to_string()
        } else {
            format!("{}, {}", f.alias, f.name)
        };
        let left = if f.placeholder.is_empty() {
            name
        } else {
            format!("{name} {}", f.placeholder)
        };
        let help = match f.only {
            Some(c) => format!("({c}) {}", f.help),
            None => f.help.to_string(),
        };
        s.push_str(&format!("  {left:<24}  {help}\n"));
    }
    s.push('\n');
    s.push_str(EXIT_CODES);
    s
}

/// A parsed command line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Args {
    pub command: String,
    pub files: Vec<String>,
    pub format: String,
    pub model: Option<String>,
    /// `features --names` / `features --doc` (native only).
    pub names: bool,
    pub doc: bool,
    /// `cloak`: output path, policy file, key file, report file, `--safe-formulas`.
    pub output: Option<String>,
    pub policy: Option<String>,
    pub key_file: Option<String>,
    pub report: Option<String>,
    pub safe_formulas: bool,
    /// The options the flags set, as the JS API's option object (for `Options::from_json`).
    pub options: Map<String, Value>,
    /// Options whose value is a file to read first: (option, path). See [`set_option_file`].
    pub option_files: Vec<(String, String)>,
    /// `--help` or `--version` was asked for.
    pub help: bool,
    pub version: bool,
}

/// Parses the arguments after the program name. `commands` are the commands this CLI has.
/// The error is the message of a usage error (exit code 2).
pub fn parse(argv: &[String], commands: &[&str]) -> Result<Args, String> {
    let mut a = Args {
        format: "json".into(),
        ..Args::default()
    };
    let mut it = argv.iter();
    match it.next().map(String::as_str) {
        Some("-h" | "--help" | "help") => {
            a.help = true;
            return Ok(a);
        }
        Some("-V" | "--version") => {
            a.version = true;
            return Ok(a);
        }
        Some(c) if commands.contains(&c) => a.command = c.to_string(),
        Some(other) => {
            return Err(format!(
                "unknown command '{}' (commands: {})",
                crate::display::for_terminal(other),
                commands.join(", ")
            ))
        }
        None => return Err("missing command".into()),
    }
    while let Some(arg) = it.next() {
        if arg == "-h" || arg == "--help" {
            a.help = true;
            return Ok(a);
        }
        if a.command == "features" && (arg == "--names" || arg == "--doc") {
            a.names |= arg == "--names";
            a.doc |= arg == "--doc";
            continue;
        }
        let Some(f) = FLAGS
            .iter()
            .find(|f| f.name == arg || (!f.alias.is_empty() && f.alias == arg))
        else {
            if arg.starts_with('-') && arg != "-" {
                return Err(format!("unknown option '{}'", crate::display::for_terminal(arg)));
            }
            a.files.push(arg.clone());
            continue;
        };
        if let Some(only) = f.only.filter(|c| *c != a.command) {
            return Err(format!("{} is an option of {only}, not of {}", f.name, a.command));
        }
        let value = match f.takes {
            Takes::Switch(b) => Value::Bool(b),
            Takes::Number => {
                let v = it.next().map(String::as_str).unwrap_or("");
                let n = (!v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| v.parse::<u64>().ok())
                    .flatten()
                    .ok_or_else(|| format!("{} needs a whole number", f.name))?;
                Value::from(n)
            }
            Takes::Text | Takes::File => Value::String(
                it.next()
                    .cloned()
                    .ok_or_else(|| format!("{} needs a value ({})", f.name, f.placeholder))?,
            ),
        };
        match (f.name, f.option) {
            ("--format", _) => a.format = value.as_str().unwrap_or_default().to_string(),
            ("--model", _) => a.model = value.as_str().map(str::to_string),
            ("--output", _) => a.output = value.as_str().map(str::to_string),
            ("--policy", _) => a.policy = value.as_str().map(str::to_string),
            ("--key-file", _) => a.key_file = value.as_str().map(str::to_string),
            ("--report", _) => a.report = value.as_str().map(str::to_string),
            ("--safe-formulas", _) => a.safe_formulas = true,
            (_, Some(key)) if f.takes == Takes::File => {
                let path = value.as_str().unwrap_or_default().to_string();
                a.option_files.retain(|(k, _)| k != key);
                a.option_files.push((key.to_string(), path));
            }
            (_, Some(key)) => {
                a.options.insert(key.to_string(), value);
            }
            _ => {}
        }
    }
    if !matches!(a.format.as_str(), "json" | "table") {
        return Err("--format is json or table".into());
    }
    let needs_files = !(a.command == "features" && (a.names || a.doc));
    if needs_files && a.files.is_empty() {
        return Err("name a CSV file (or - for standard input)".into());
    }
    if (a.command == "classify" || a.command == "cloak") && a.files.len() > 1 {
        return Err(format!("{} takes one file", a.command));
    }
    if a.command == "cloak" && a.output.is_none() {
        return Err("cloak needs -o OUT.csv (or -o - for standard output)".into());
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn flags_become_the_option_object() {
        let a = parse(
            &args("classify f.csv --sample 50 --no-header --delimiter ; --max-bytes 9"),
            &["classify"],
        )
        .unwrap();
        assert_eq!(a.files, ["f.csv"]);
        assert_eq!(
            serde_json::Value::Object(a.options),
            serde_json::json!({"sampleSize": 50, "hasHeader": false, "delimiter": ";", "maxBytes": 9})
        );
    }

    #[test]
    fn what_both_clis_refuse() {
        for (line, needle) in [
            ("classify f.csv --sample +5", "--sample needs a whole number"),
            ("classify f.csv --sample -1", "--sample needs a whole number"),
            (
                "classify f.csv --sample 99999999999999999999",
                "--sample needs a whole number",
            ),
            ("classify f.csv --frobnicate", "unknown option '--frobnicate'"),
            ("classify", "name a CSV file"),
            ("classify a.csv b.csv", "classify takes one file"),
            ("classify f.csv --format xml", "--format is json or table"),
            ("features x.csv", "unknown command 'features'"),
            (
                "classify f.csv -o out.csv",
                "--output is an option of cloak, not of classify",
            ),
            ("cloak f.csv", "cloak needs -o OUT.csv"),
            ("cloak f.csv -o", "--output needs a value"),
        ] {
            let e = parse(&args(line), &["classify", "cloak"]).unwrap_err();
            assert!(e.contains(needle), "{line}: {e}");
        }
    }

    #[test]
    fn cloak_flags() {
        let a = parse(
            &args("cloak in.csv -o out.csv --policy p.json --key-file k --safe-formulas --sample 9"),
            &["classify", "cloak"],
        )
        .unwrap();
        assert_eq!(
            (
                a.output.as_deref(),
                a.policy.as_deref(),
                a.key_file.as_deref(),
                a.safe_formulas
            ),
            (Some("out.csv"), Some("p.json"), Some("k"), true)
        );
        assert_eq!(a.options.get("sampleSize"), Some(&serde_json::json!(9)));
        assert!(!usage("t", &[("classify FILE", "x")]).contains("--policy"));
    }

    #[test]
    fn the_usage_lists_every_flag() {
        let u = usage("t", &[("classify FILE", "x"), ("cloak FILE", "y")]);
        for f in FLAGS {
            assert!(u.contains(f.name), "{}", f.name);
        }
        assert!(u.ends_with(EXIT_CODES));
    }

    #[test]
    fn a_file_option_is_read_by_the_cli_and_named_by_its_path() {
        let a = parse(&args("classify f.csv --rules a.json --rules org.json"), &["classify"]).unwrap();
        assert_eq!(a.option_files, [("rules".to_string(), "org.json".to_string())]);
        assert!(!a.options.contains_key("rules"), "the path is not the document");
        let mut options = a.options.clone();
        set_option_file(&mut options, "rules", "org.json", "{}".into());
        assert_eq!(options["rules"], "{}");
        assert_eq!(options["rulesSource"], "org.json");
        assert_eq!(
            parse(&args("classify f.csv --rules"), &["classify"]).unwrap_err(),
            "--rules needs a value (FILE.json)"
        );
    }
}
