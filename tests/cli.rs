//! The native CLI, run as a user would: on the bundled samples and on bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_datacloak"))
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/samples")
}

/// A scratch file unique to this test process.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("datacloak-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn classify(path: &Path) -> Output {
    bin().arg("classify").arg(path).output().unwrap()
}

fn report(path: &Path) -> serde_json::Value {
    let out = classify(path);
    assert!(
        out.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn label_of<'a>(r: &'a serde_json::Value, column: &str) -> &'a str {
    r["columns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == column)
        .unwrap()["label"]
        .as_str()
        .unwrap()
}

#[test]
fn report_has_the_documented_shape() {
    let r = report(&samples().join("customers.csv"));
    let cols = r["columns"].as_array().unwrap();
    assert_eq!(cols.len(), 14);
    for c in cols {
        for key in datacloak::report::COLUMN_KEYS {
            assert!(c.get(key).is_some(), "missing {key} in {c}");
        }
        let conf = c["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&conf));
        assert!(!c["evidence"].as_array().unwrap().is_empty());
        assert_eq!(c["stats"]["rows"], 60);
    }
    assert_eq!(r["table"]["rows"], 60);
    assert_eq!(r["table"]["has_header"], true);
    let rank: f64 = cols.iter().map(|c| c["rank"].as_f64().unwrap()).sum();
    assert!((rank - 1.0).abs() < 0.02, "ranks sum to {rank}");
}

#[test]
fn sample_tables_get_the_obvious_labels() {
    let expect = [
        (
            "customers.csv",
            &[
                ("email", "email"),
                ("first_name", "first_name"),
                ("last_name", "last_name"),
                ("phone", "phone_number"),
                ("date_of_birth", "date_of_birth"),
                ("card_number", "credit_card_number"),
                ("city", "city"),
                ("state", "state"),
                ("zip", "postal_code"),
                ("is_active", "boolean"),
                ("signup_date", "date"),
            ][..],
        ),
        (
            "zahlungen.csv",
            &[
                ("IBAN", "iban"),
                ("Telefonnummer", "phone_number"),
                ("Stadt", "city"),
                ("Name", "person_name"),
                ("Datum", "date"),
            ][..],
        ),
        (
            "weblog.csv",
            &[
                ("client_ip", "ip_address"),
                ("session_id", "uuid"),
                ("url", "url"),
                ("access_key", "api_key"),
                ("timestamp", "datetime"),
            ][..],
        ),
        (
            "products.csv",
            // order_ref is SSN-shaped but fails the SSA rules: a hard negative.
            &[
                ("sku", "identifier"),
                ("stock_qty", "numeric"),
                ("in_stock", "boolean"),
                ("order_ref", "identifier"),
            ][..],
        ),
    ];
    let mut wrong = Vec::new();
    for (file, cols) in expect {
        let r = report(&samples().join(file));
        for (col, want) in cols {
            let got = label_of(&r, col);
            if got != *want {
                wrong.push(format!("{file}:{col} = {got}, expected {want}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn output_is_deterministic() {
    let a = classify(&samples().join("weblog.csv"));
    let b = classify(&samples().join("weblog.csv"));
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn stdin_and_table_format_work() {
    let data = std::fs::read(samples().join("customers.csv")).unwrap();
    let mut child = bin()
        .args(["classify", "-", "--format", "table"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&data).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("email") && text.contains("columns hold personal data"),
        "{text}"
    );
}

#[test]
fn features_command_prints_one_vector_per_column() {
    let names = bin().args(["features", "--names"]).output().unwrap();
    let names: serde_json::Value = serde_json::from_slice(&names.stdout).unwrap();
    let n = names["names"].as_array().unwrap().len();
    let out = bin()
        .arg("features")
        .arg(samples().join("products.csv"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 10);
    assert!(lines.iter().all(|l| l["features"].as_array().unwrap().len() == n));
    assert_eq!(lines[0]["name"], "sku");
}

/// Runs the CLI on bad input and checks the exit code, error code text and that the message names the file.
fn expect_error(name: &str, bytes: &[u8], exit: i32, needle: &str) {
    let p = scratch(name, bytes);
    let out = classify(&p);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(exit), "{name}: {err}");
    assert!(err.contains(name), "{name}: message should name the file: {err}");
    assert!(err.contains(needle), "{name}: expected '{needle}' in: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_input_gives_clear_errors() {
    expect_error("empty.csv", b"", 1, "no data");
    expect_error("blank.csv", b"\n\n  \n", 1, "no data");
    expect_error("unterminated.csv", b"a,b\n1,2\n3,\"oops\n4,5\n", 1, "row 3");
    let mut big = b"id,notes\n1,".to_vec();
    big.extend(std::iter::repeat_n(b'x', 10 << 20));
    expect_error("bigcell.csv", &big, 1, "column 'notes'");
    expect_error("image.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 1, "PNG image");
    expect_error("utf16.csv", b"\xff\xfea\0,\0b\0\n\0", 1, "UTF-16");
    let missing = bin().args(["classify", "/nonexistent/x.csv"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(4));
    let usage = bin().args(["classify"]).output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn odd_but_valid_input_gives_defined_results() {
    // Header only: every column is empty.
    let r = report(&scratch("header_only.csv", b"name,email\n"));
    assert_eq!(label_of(&r, "email"), "empty");
    // Ragged rows are counted and reported.
    let r = report(&scratch("ragged.csv", b"a,b,c\n1,2,3\n4,5\n6,7,8,9\n"));
    assert_eq!(r["table"]["ragged_rows"], 2);
    assert!(r["table"]["warnings"][0].as_str().unwrap().contains("row 3"));
    // Latin-1 text is read, with a warning.
    let r = report(&scratch("latin1.csv", b"city\nZ\xfcrich\nM\xfcnchen\n"));
    assert!(r["table"]["warnings"][0].as_str().unwrap().contains("Latin-1"));
    // One row, one column.
    let r = report(&scratch("one.csv", b"email\nann@example.org\n"));
    assert_eq!(r["table"]["rows"], 1);
}

#[test]
fn custom_model_mismatch_is_a_model_error() {
    let p = scratch("model.onnx", b"definitely not onnx");
    let out = bin()
        .args(["classify", "--model"])
        .arg(&p)
        .arg(samples().join("customers.csv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
}

/// The probe's leak: with no header line, the first row of e-mail addresses, names, IBANs and
/// key ids was taken for the header and printed as column names, in evidence and in the table.
#[test]
fn a_headerless_file_never_echoes_its_first_row() {
    let rows = [
        "ann.lee@example.org,Ann Lee,DE89370400440532013000,AKIAIOSFODNN7EXAMPLE,Tr0ub4dor&3",
        "bo.chan@example.com,Bo Chan,GB82WEST12345698765432,AKIAI44QH8DHBEXAMPLE,correct-horse-9",
        "cy.diaz@example.net,Cy Diaz,FR1420041010050500013M02606,AKIAJ2XEXAMPLEKEY123,P@ssw0rd!2024",
    ];
    let p = scratch("nh.csv", format!("{}\n", rows.join("\n")).as_bytes());
    let r = report(&p);
    assert_eq!(r["table"]["has_header"], false);
    assert_eq!(r["table"]["rows"], 3, "the first row is data and counts");
    let json = serde_json::to_string(&r).unwrap();
    let table = bin().args(["classify", "--format", "table"]).arg(&p).output().unwrap();
    let text = String::from_utf8_lossy(&table.stdout);
    for cell in rows[0].split(',') {
        assert!(!json.contains(cell), "{cell} leaked into the JSON report");
        assert!(!text.contains(cell), "{cell} leaked into the table");
    }
    assert_eq!(label_of(&r, "column_1"), "email");
    assert_eq!(label_of(&r, "column_3"), "iban");
}

/// `--format table` is for a terminal: names that carry ANSI sequences, carriage returns, line
/// breaks, bidi or zero-width characters are printed escaped, so they cannot erase, hide, forge
/// or reorder rows.
#[test]
fn the_table_format_escapes_terminal_controls() {
    let csv = "\"ssn\u{1b}[2K\r\",\"card\nfake row\",\"x\u{202e}yz\u{2066}\",\"a\u{200b}b\u{feff}\"\n\
               078-05-1120,4111111111111111,1,2\n219-09-9999,5500000000000004,3,4\n";
    let p = scratch("inject.csv", csv.as_bytes());
    let out = bin().args(["classify", "--format", "table"]).arg(&p).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    for bad in ['\u{1b}', '\r', '\u{202e}', '\u{2066}', '\u{200b}', '\u{feff}'] {
        assert!(!text.contains(bad), "{:?} reached the terminal: {text:?}", bad);
    }
    assert!(text.contains("ssn\\u{1b}[2K"), "{text}");
    assert!(text.contains("card\\nfake row"), "{text}");
    // One line per column, the header line and the summary: no forged rows.
    assert_eq!(text.lines().count(), 1 + 4 + 1, "{text}");
    // Errors naming a column are escaped as well.
    let bad = scratch("inject_err.csv", "\"a\u{1b}]0;pwned\u{7}\",b\n1,\"open\n".as_bytes());
    let out = bin().arg("classify").arg(&bad).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
}
