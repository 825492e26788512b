//! `datacloak`: the native command-line face. Parses arguments, reads files, prints; all the
//! work is the library's.

use datacloak::cloak::{self, CloakOptions, Key, Plan, Policy, ReportView};
use datacloak::display::for_terminal;
use datacloak::{cli, features, ingest, Classifier, Error, Options};
use std::io::{Read, Write};
use std::process::ExitCode;

/// This CLI's commands; the flags and the option they set are `datacloak::cli`'s, shared with the
/// Node CLI.
const COMMANDS: &[(&str, &str)] = &[
    ("classify FILE.csv|- [options]", "print the JSON report (or a table)"),
    (
        "cloak FILE.csv|- -o OUT.csv|- [options]",
        "write a safe copy; print what was done",
    ),
    ("features FILE.csv... [options]", "print feature vectors as JSON lines"),
    ("features --names", "print the feature layout and slot names"),
    ("features --doc", "print docs/features.md"),
];

fn usage() -> String {
    cli::usage("what each column of a CSV holds, computed on this machine", COMMANDS)
}

/// Parsed command line: the shared parse, and the options its flags set.
struct Args {
    cli: cli::Args,
    opts: Options,
}

fn usage_error(msg: impl std::fmt::Display) -> (ExitCode, String) {
    (ExitCode::from(2), format!("datacloak: {msg}\n\n{}", usage()))
}

fn parse_args(argv: &[String]) -> Result<Args, (ExitCode, String)> {
    let a = cli::parse(argv, &["classify", "cloak", "features"]).map_err(usage_error)?;
    if a.help {
        return Err((ExitCode::SUCCESS, usage()));
    }
    if a.version {
        return Err((ExitCode::SUCCESS, format!("datacloak {}", env!("CARGO_PKG_VERSION"))));
    }
    let mut options = a.options.clone();
    for (option, path) in &a.option_files {
        let text = read_text(path, option)
            .map_err(|e| (exit_for(&e), format!("datacloak: {}", for_terminal(&e.to_string()))))?;
        cli::set_option_file(&mut options, option, path, text);
    }
    // The same conversion the JS API uses: flags became its option object.
    let opts = Options::from_json_object(options).map_err(|e| {
        (
            ExitCode::from(2),
            format!("datacloak: {}", for_terminal(&e.to_string())),
        )
    })?;
    Ok(Args { cli: a, opts })
}

/// Exit code for a library error: input problems 1, model problems 3, reading problems 4.
fn exit_for(e: &Error) -> ExitCode {
    ExitCode::from(cli::exit_code(e.code()))
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

fn read_file(path: &str, what: &str) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| Error::Io {
        source: path.to_string(),
        message: format!("cannot read {what}: {e}"),
    })
}

fn read_text(path: &str, what: &str) -> Result<String, Error> {
    String::from_utf8(read_file(path, what)?).map_err(|_| Error::Io {
        source: path.to_string(),
        message: format!("the {what} is not UTF-8 text"),
    })
}

/// `cloak`: classify (or read the given report), resolve the policy, then stream the rewrite.
/// A file is read twice; standard input once, classified on its first bytes.
fn cloak(a: &Args, out: &mut impl Write) -> Result<(), Error> {
    let path = &a.cli.files[0];
    let opts = Options {
        source: path.clone(),
        ..a.opts.clone()
    };
    let policy = match &a.cli.policy {
        Some(p) => Policy::from_json(&read_text(p, "policy")?, p)?,
        None => Policy::default(),
    };
    let key = match &a.cli.key_file {
        Some(p) => Key::given(&read_file(p, "key file")?)?,
        None => {
            let mut bytes = [0u8; 32];
            getrandom::fill(&mut bytes).map_err(|e| Error::Io {
                source: "random key".into(),
                message: format!("the system gave no random bytes ({e}); pass --key-file"),
            })?;
            Key::random(bytes)
        }
    };
    let mut head: Vec<u8> = Vec::new();
    let view = if let Some(r) = &a.cli.report {
        ReportView::from_json(&read_text(r, "report")?, r)?
    } else if path == "-" {
        let mut input = open(path)?;
        (&mut input)
            .take(cloak::HEAD_SAMPLE_BYTES as u64)
            .read_to_end(&mut head)
            .map_err(|e| Error::Io {
                source: path.clone(),
                message: e.to_string(),
            })?;
        let whole = head.len() < cloak::HEAD_SAMPLE_BYTES;
        let cut = if whole {
            head.len()
        } else {
            cloak::complete_records(&head)
        };
        let sample = if cut == 0 { &head[..] } else { &head[..cut] };
        ReportView::from_report(&classifier(&a.cli.model)?.classify_bytes(sample, &opts)?)
    } else {
        ReportView::from_report(&classifier(&a.cli.model)?.classify_reader(open(path)?, &opts)?)
    };
    let plan = Plan::new(&view, &policy)?;
    let input: Box<dyn Read> = if path == "-" {
        Box::new(std::io::Cursor::new(head).chain(open(path)?))
    } else {
        open(path)?
    };
    let cloak_opts = CloakOptions {
        safe_formulas: a.cli.safe_formulas,
    };
    let target = a.cli.output.as_deref().unwrap_or("-");
    let summary = if target == "-" {
        let stdout = std::io::stdout();
        cloak::cloak_stream(input, stdout.lock(), "stdout", plan, key, &opts, &cloak_opts)?
    } else {
        // Written next to the target and renamed at the end: a failed run leaves no half file.
        let partial = format!("{target}.partial");
        let file = std::fs::File::create(&partial).map_err(|e| Error::Io {
            source: partial.clone(),
            message: format!("cannot create: {e}"),
        })?;
        let result = cloak::cloak_stream(
            input,
            std::io::BufWriter::new(file),
            &partial,
            plan,
            key,
            &opts,
            &cloak_opts,
        )
        .and_then(|s| {
            std::fs::rename(&partial, target).map_err(|e| Error::Io {
                source: target.to_string(),
                message: format!("cannot write: {e}"),
            })?;
            Ok(s)
        });
        if result.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        result?
    };
    for w in &summary.warnings {
        eprintln!("datacloak: warning: {}", for_terminal(w));
    }
    if target != "-" {
        writeln!(out, "{}", summary.to_json()).map_err(|e| Error::Io {
            source: "stdout".into(),
            message: e.to_string(),
        })?;
    }
    Ok(())
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
    match a.cli.command.as_str() {
        "classify" => {
            let path = &a.cli.files[0];
            let opts = Options {
                source: path.clone(),
                ..a.opts.clone()
            };
            let report = classifier(&a.cli.model)?.classify_reader(open(path)?, &opts)?;
            let text = if a.cli.format == "table" {
                report.to_table()
            } else {
                report.to_json()
            };
            writeln!(out, "{text}").map_err(write_err)
        }
        "cloak" => cloak(a, out),
        _ if a.cli.doc => write!(out, "{}", features::doc::markdown()).map_err(write_err),
        _ if a.cli.names => {
            let v = serde_json::json!({"layout": features::LAYOUT, "names": features::names()});
            writeln!(out, "{v}").map_err(write_err)
        }
        _ => {
            for path in &a.cli.files {
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
