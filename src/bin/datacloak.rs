//! `datacloak`: the native command-line face. Parses arguments, reads files, prints; all the
//! work is the library's.

use datacloak::display::for_terminal;
use datacloak::{cli, features, ingest, Classifier, Error, Options};
use std::io::{Read, Write};
use std::process::ExitCode;

/// This CLI's commands; the flags and the option they set are `datacloak::cli`'s, shared with the
/// Node CLI.
const COMMANDS: &[(&str, &str)] = &[
    ("classify FILE.csv|- [options]", "print the JSON report (or a table)"),
    ("features FILE.csv... [options]", "print feature vectors as JSON lines"),
    ("features --names", "print the feature layout and slot names"),
    ("features --doc", "print docs/features.md"),
];

fn usage() -> String {
    cli::usage("what each column of a CSV holds, computed on this machine", COMMANDS)
}

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
    (ExitCode::from(2), format!("datacloak: {msg}\n\n{}", usage()))
}

fn parse_args(argv: &[String]) -> Result<Args, (ExitCode, String)> {
    let a = cli::parse(argv, &["classify", "features"]).map_err(usage_error)?;
    if a.help {
        return Err((ExitCode::SUCCESS, usage()));
    }
    if a.version {
        return Err((ExitCode::SUCCESS, format!("datacloak {}", env!("CARGO_PKG_VERSION"))));
    }
    // The same conversion the JS API uses: flags became its option object.
    let opts = Options::from_json_object(a.options).map_err(|e| {
        (
            ExitCode::from(2),
            format!("datacloak: {}", for_terminal(&e.to_string())),
        )
    })?;
    Ok(Args {
        command: a.command,
        files: a.files,
        format: a.format,
        model: a.model,
        names: a.names,
        doc: a.doc,
        opts,
    })
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
