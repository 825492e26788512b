//! `datacloak`: the native command-line face. Parses arguments, reads files, prints; all the
//! work is the library's.

use datacloak::display::for_terminal;
use datacloak::options::{clamp_limit, parse_delimiter};
use datacloak::{features, ingest, Classifier, Error, Options};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
datacloak — what each column of a CSV holds, computed on this machine

USAGE:
  datacloak classify FILE.csv|- [options]   print the JSON report (or a table)
  datacloak features FILE.csv... [options]  print feature vectors as JSON lines
  datacloak features --names                print the feature layout and slot names
  datacloak features --doc                  print docs/features.md

OPTIONS:
  --format json|table     output of classify (default json)
  --sample N              values sampled per column (default 1000, max 100000)
  --delimiter C           field delimiter (default: sniffed among , ; TAB |); 'tab' for TAB
  --header | --no-header  first row is / is not a header (default: detected)
  --model PATH            use this ONNX model instead of the built-in one
  --max-cell-bytes N      longest accepted cell (default 1048576)
  --max-columns N         most accepted columns (default 10000)
  --max-bytes N           most accepted input bytes (default: no limit)
  --max-sample-bytes N    bytes all columns' samples may hold together (default 67108864)

EXIT CODES: 0 ok, 1 the input cannot be classified, 2 usage error, 3 model error, 4 read error";

/// Parsed command line.
struct Args {
    command: String,
    files: Vec<String>,
    format: String,
    model: Option<String>,
    names: bool,
    doc: bool,
    opts: Options,
}

fn usage_error(msg: impl std::fmt::Display) -> (ExitCode, String) {
    (ExitCode::from(2), format!("datacloak: {msg}\n\n{USAGE}"))
}

fn parse_args(argv: &[String]) -> Result<Args, (ExitCode, String)> {
    let mut it = argv.iter();
    let command = match it.next().map(String::as_str) {
        Some("-h" | "--help" | "help") => return Err((ExitCode::SUCCESS, USAGE.to_string())),
        Some("-V" | "--version") => {
            return Err((ExitCode::SUCCESS, format!("datacloak {}", env!("CARGO_PKG_VERSION"))))
        }
        Some(c @ ("classify" | "features")) => c.to_string(),
        Some(other) => return Err(usage_error(format!("unknown command '{}'", for_terminal(other)))),
        None => return Err(usage_error("missing command")),
    };
    let mut a = Args {
        command,
        files: vec![],
        format: "json".into(),
        model: None,
        names: false,
        doc: false,
        opts: Options::default(),
    };
    let number = |flag: &str, v: Option<&String>| -> Result<u64, (ExitCode, String)> {
        // Digits only, as the Node CLI reads them ("+5" is refused by both).
        v.filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| usage_error(format!("{flag} needs a whole number")))
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--format" => a.format = it.next().cloned().unwrap_or_default(),
            "--sample" => a.opts.sample_size = clamp_limit(number(arg, it.next())?),
            "--delimiter" => {
                let d = it.next().map(String::as_str).unwrap_or("");
                a.opts.delimiter = Some(
                    parse_delimiter(d).map_err(|_| usage_error("--delimiter takes one ASCII character or 'tab'"))?,
                );
            }
            "--header" => a.opts.has_header = Some(true),
            "--no-header" => a.opts.has_header = Some(false),
            "--model" => a.model = Some(it.next().cloned().ok_or_else(|| usage_error("--model needs a path"))?),
            "--max-cell-bytes" => {
                let n = clamp_limit(number(arg, it.next())?);
                a.opts.limits.max_cell_bytes = n;
                // The analysed prefix of a value cannot be longer than the longest cell.
                a.opts.limits.max_value_bytes = a.opts.limits.max_value_bytes.min(n);
            }
            "--max-columns" => a.opts.limits.max_columns = clamp_limit(number(arg, it.next())?),
            "--max-bytes" => a.opts.limits.max_bytes = Some(number(arg, it.next())?),
            "--max-sample-bytes" => a.opts.limits.max_sample_bytes = clamp_limit(number(arg, it.next())?),
            "--names" => a.names = true,
            "--doc" => a.doc = true,
            "-h" | "--help" => return Err((ExitCode::SUCCESS, USAGE.to_string())),
            s if s.starts_with("--") => return Err(usage_error(format!("unknown option '{}'", for_terminal(s)))),
            _ => a.files.push(arg.clone()),
        }
    }
    if !matches!(a.format.as_str(), "json" | "table") {
        return Err(usage_error("--format is json or table"));
    }
    let needs_files = !(a.command == "features" && (a.names || a.doc));
    if needs_files && a.files.is_empty() {
        return Err(usage_error("name a CSV file (or - for standard input)"));
    }
    if a.command == "classify" && a.files.len() > 1 {
        return Err(usage_error("classify takes one file"));
    }
    Ok(a)
}

/// Exit code for a library error: input problems 1, model problems 3, reading problems 4.
fn exit_for(e: &Error) -> ExitCode {
    ExitCode::from(match e {
        Error::Model { .. } | Error::ModelMismatch { .. } => 3,
        Error::Io { .. } => 4,
        Error::InvalidOption { .. } => 2,
        _ => 1,
    })
}

fn open(path: &str) -> Result<Box<dyn Read>, Error> {
    if path == "-" {
        return Ok(Box::new(std::io::stdin().lock()));
    }
    std::fs::File::open(path)
        .map(|f| Box::new(f) as Box<dyn Read>)
        .map_err(|e| Error::Io {
            source: path.to_string(),
            message: format!("cannot open: {e}"),
        })
}

fn classifier(model: &Option<String>) -> Result<Classifier, Error> {
    match model {
        None => Classifier::new(),
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| Error::Io {
                source: p.clone(),
                message: format!("cannot read model: {e}"),
            })?;
            Classifier::with_model_bytes(&bytes)
        }
    }
}

fn run(a: &Args, out: &mut impl Write) -> Result<(), Error> {
    let write_err = |e: std::io::Error| Error::Io {
        source: "stdout".into(),
        message: e.to_string(),
    };
    match a.command.as_str() {
        "classify" => {
            let path = &a.files[0];
            let opts = Options {
                source: path.clone(),
                ..a.opts.clone()
            };
            let report = classifier(&a.model)?.classify_reader(open(path)?, &opts)?;
            let text = if a.format == "table" {
                report.to_table()
            } else {
                report.to_json()
            };
            writeln!(out, "{text}").map_err(write_err)
        }
        _ if a.doc => write!(out, "{}", features::doc::markdown()).map_err(write_err),
        _ if a.names => {
            let v = serde_json::json!({"layout": features::LAYOUT, "names": features::names()});
            writeln!(out, "{v}").map_err(write_err)
        }
        _ => {
            for path in &a.files {
                let opts = Options {
                    source: path.clone(),
                    ..a.opts.clone()
                };
                let table = ingest::profile_reader(open(path)?, opts)?;
                for col in table.columns {
                    let f = features::extract(&col);
                    let line =
                        serde_json::json!({"file": path, "index": col.index, "name": col.name, "features": f.values});
                    writeln!(out, "{line}").map_err(write_err)?;
                }
            }
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&argv) {
        Ok(a) => a,
        Err((code, msg)) => {
            if code == ExitCode::SUCCESS {
                println!("{msg}");
            } else {
                eprintln!("{msg}");
            }
            return code;
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match run(&args, &mut out).and_then(|()| {
        out.flush().map_err(|e| Error::Io {
            source: "stdout".into(),
            message: e.to_string(),
        })
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("datacloak: {}", for_terminal(&e.to_string()));
            exit_for(&e)
        }
    }
}
