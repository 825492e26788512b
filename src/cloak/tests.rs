//! The cloak's stream: dialect kept, records intact, keys honoured, nothing of a protected value left.

use super::*;

use super::view::test_view as view;

fn key(k: &[u8]) -> Key {
    Key::given(k).unwrap()
}

fn run(data: &[u8], v: &ReportView, policy: &str, k: Key, safe: bool) -> Result<(String, CloakSummary)> {
    let plan = Plan::new(v, &Policy::from_json(policy, "p.json")?)?;
    let opts = Options {
        source: "t.csv".into(),
        ..Options::default()
    };
    let (out, s) = cloak_bytes(data, plan, k, &opts, &CloakOptions { safe_formulas: safe })?;
    Ok((String::from_utf8(out).unwrap(), s))
}

/// Records as csv-core reads them (the reader classify uses).
fn records(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    let mut r = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut input = text.as_bytes();
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), vec![0u8; 1 << 16]);
    let mut len = 0;
    loop {
        let (res, nin, nout) = r.read_field(input, &mut cell[len..]);
        input = &input[nin..];
        len += nout;
        match res {
            csv_core::ReadFieldResult::Field { record_end } => {
                row.push(String::from_utf8(cell[..len].to_vec()).unwrap());
                len = 0;
                if record_end {
                    rows.push(std::mem::take(&mut row));
                }
            }
            csv_core::ReadFieldResult::End => return rows,
            _ => {}
        }
    }
}

const K1: &[u8] = b"first key: 0123456789abcdef";
const K2: &[u8] = b"second key: 0123456789abcdef";

#[test]
fn quoted_fields_survive_and_the_dialect_is_kept() {
    let v = view(
        &[("id", "identifier"), ("note", "categorical"), ("email", "email")],
        b';',
        true,
    );
    let data = "\u{feff}id;note;email\r\n1;\"a;b \"\"c\"\"\r\nd\";x@example.org\r\n2;plain;\r\n3;\"\";y@example.org";
    let (out, s) = run(data.as_bytes(), &v, "{}", key(K1), false).unwrap();
    assert!(out.starts_with("\u{feff}id;note;email\r\n"), "{out:?}");
    // No line end after the last record, as in the input.
    assert!(!out.ends_with('\n'), "{out:?}");
    let rows = records(out.trim_start_matches('\u{feff}'), b';');
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[1][1], "a;b \"c\"\r\nd");
    assert_eq!(rows[2][2], "", "a null stays a null");
    assert_eq!(rows[3][1], "");
    assert!(rows[1][2].starts_with("email_") && rows[3][2].starts_with("email_"));
    assert_eq!(s.rows, 3);
    assert_eq!(s.columns[2].changed, 2);
    assert_eq!(s.columns[2].nulls, 1);
    assert_eq!(s.key, "given");
    assert_eq!(s.key_fingerprint.as_deref().map(str::len), Some(8));
}

#[test]
fn every_chunking_gives_the_same_bytes() {
    let v = view(&[("name", "person_name"), ("card", "credit_card_number")], b',', true);
    let lf = b"name,card\n\"Lee, Ann\",4111 1111 1111 1111\nBo Chan,5500-0000-0000-0004\n\"x\ny\",\n".to_vec();
    // CRLF too: the first record ends at its CR, before the chunk with the LF may have come.
    let crlf = String::from_utf8(lf.clone())
        .unwrap()
        .replace(",\n", ",\r\n")
        .replace("card\n", "card\r\n");
    for data in [&lf[..], crlf.as_bytes()] {
        chunkings_agree(data, &v);
    }
}

fn chunkings_agree(data: &[u8], v: &ReportView) {
    let policy = r#"{"columns": {"name": "fake", "card": "mask"}}"#;
    let (whole, _) = run(data, v, policy, key(K1), false).unwrap();
    let plan = Plan::new(v, &Policy::from_json(policy, "p.json").unwrap()).unwrap();
    for size in [1, 2, 3, 7, 64] {
        let mut c = Cloaker::new(plan.clone(), key(K1), &Options::default(), &CloakOptions::default()).unwrap();
        let mut out = Vec::new();
        for chunk in data.chunks(size) {
            c.push(chunk, &mut out).unwrap();
        }
        c.finish(&mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), whole, "chunks of {size}");
    }
    assert!(whole.contains("**** **** **** 1111"), "{whole}");
    assert_eq!(
        whole.contains("\r\n"),
        data.windows(2).any(|w| w == b"\r\n"),
        "{whole:?}"
    );
}

#[test]
fn the_same_key_keeps_joins_and_another_key_does_not() {
    let v = view(&[("customer", "email"), ("amount", "currency_amount")], b',', true);
    let a = b"customer,amount\nann@example.org,10\nbo@example.com,20\nann@example.org,30\n";
    let b = b"customer,amount\nbo@example.com,7\nANN@example.org,8\ncy@example.net,9\n";
    let tokens = |data: &[u8], k: Key| {
        let (out, _) = run(data, &v, "{}", k, false).unwrap();
        records(&out, b',')
            .into_iter()
            .skip(1)
            .map(|r| r[0].clone())
            .collect::<Vec<_>>()
    };
    let (ta, tb) = (tokens(a, key(K1)), tokens(b, key(K1)));
    // Joining on the tokens pairs the same rows as joining on the addresses (case folded).
    let pairs = |x: &[String], y: &[String]| {
        let mut p = Vec::new();
        for (i, s) in x.iter().enumerate() {
            for (j, t) in y.iter().enumerate() {
                if s == t {
                    p.push((i, j));
                }
            }
        }
        p
    };
    assert_eq!(pairs(&ta, &tb), [(0, 1), (1, 0), (2, 1)]);
    assert_ne!(tokens(a, key(K2)), ta);
    assert_ne!(tokens(a, Key::random([1; 32])), tokens(a, Key::random([2; 32])));
}

#[test]
fn formulas_are_neutralised_when_asked() {
    let v = view(&[("link", "categorical"), ("n", "numeric")], b',', true);
    let data = b"link,n\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5\n@SUM(A1),+3.5\n";
    let (safe, s) = run(data, &v, "{}", key(K1), true).unwrap();
    let rows = records(&safe, b',');
    assert_eq!(rows[1][0], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(rows[2][0], "'@SUM(A1)");
    assert_eq!(
        (rows[1][1].as_str(), rows[2][1].as_str()),
        ("-5", "+3.5"),
        "numbers stay numbers"
    );
    assert_eq!(s.formulas_neutralised, 2);
    let (raw, _) = run(data, &v, "{}", key(K1), false).unwrap();
    assert_eq!(raw.as_bytes(), data);
}

#[test]
fn a_record_of_one_empty_field_stays_a_record() {
    let v = view(&[("a", "email")], b',', true);
    let (out, s) = run(b"a\n\"\"\nx@y.org\n", &v, "{}", key(K1), false).unwrap();
    assert_eq!(s.rows, 2);
    assert!(out.starts_with("a\n\"\"\nemail_"), "{out:?}");
}

#[test]
fn ragged_rows_get_the_header_width() {
    let v = view(&[("a", "numeric"), ("ssn", "ssn"), ("c", "numeric")], b',', true);
    let data = b"a,ssn,c\n1,123-45-6789,3\n2\n4,987-65-4321,6,123-45-6789\n";
    let (out, s) = run(data, &v, r#"{"columns": {"ssn": "redact"}}"#, key(K1), false).unwrap();
    assert_eq!(out, "a,ssn,c\n1,[redacted],3\n2,,\n4,[redacted],6\n");
    assert_eq!(s.ragged_rows, 2);
    assert!(s.warnings.iter().any(|w| w.contains("2 rows")), "{:?}", s.warnings);
}

#[test]
fn drop_removes_the_column_and_its_header() {
    let v = view(&[("a", "numeric"), ("b", "email"), ("c", "numeric")], b'\t', false);
    let data = b"1\tann@example.org\t3\n4\tbo@example.com\t6\n";
    let (out, s) = run(data, &v, r#"{"labels": {"email": "drop"}}"#, key(K1), false).unwrap();
    assert_eq!(out, "1\t3\n4\t6\n");
    assert_eq!(s.rows, 2);
    let e = run(
        data,
        &v,
        r#"{"sensitivity": {"low": "drop", "high": "drop"}}"#,
        key(K1),
        false,
    )
    .unwrap_err();
    assert_eq!(e.code(), "POLICY");
}

#[test]
fn a_report_of_another_file_is_refused() {
    let v = view(&[("name", "person_name"), ("email", "email")], b',', true);
    let e = run(b"email,name\na@b.org,Ann\n", &v, "{}", key(K1), false).unwrap_err();
    assert_eq!(e.code(), "REPORT_MISMATCH");
    assert!(e.to_string().contains("column 1 of the file is not 'name'"), "{e}");
    assert!(
        !e.to_string().contains("email"),
        "the file's first row is not shown: {e}"
    );
    let e = run(b"name,email,extra\nAnn,a@b.org,1\n", &v, "{}", key(K1), false).unwrap_err();
    assert!(e.to_string().contains("3 columns, the report 2"), "{e}");
}

#[test]
fn broken_input_is_a_coded_error() {
    let v = view(&[("a", "email")], b',', true);
    let e = run(b"a\n\"open quote\n", &v, "{}", key(K1), false).unwrap_err();
    assert_eq!(e.code(), "UNTERMINATED_QUOTE");
    assert_eq!(e.position().map(|p| p.row), Some(2));
    let e = run(b"a\nx\0y\n", &v, "{}", key(K1), false).unwrap_err();
    assert_eq!(e.code(), "BINARY_INPUT");
    let e = run(b"", &v, "{}", key(K1), false).unwrap_err();
    assert_eq!(e.code(), "EMPTY_INPUT");
}

#[test]
fn a_head_sample_is_cut_at_a_record_end() {
    assert_eq!(complete_records(b"a,b\n1,\"x\ny\"\n2,z"), 12);
    assert_eq!(complete_records(b"a,b\n1,\"x\ny"), 4);
    assert_eq!(complete_records(b"no line end"), 0);
    // A quote inside a field is text, as csv-core reads it: it opens nothing.
    assert_eq!(complete_records(b"a,b\n2,O\"Brien\n3,\"x\ny\"\n4"), 22);
    // CR-only line ends are record ends too.
    assert_eq!(complete_records(b"a,b\r1,2\r3"), 8);
}

#[test]
fn a_bom_split_over_chunks_is_kept_and_not_read_as_data() {
    let v = view(&[("email", "email")], b',', true);
    let data = b"\xef\xbb\xbfemail\r\nann@example.org\r\n";
    let plan = Plan::new(&v, &Policy::default()).unwrap();
    let mut c = Cloaker::new(plan, key(K1), &Options::default(), &CloakOptions::default()).unwrap();
    let mut out = Vec::new();
    for chunk in data.chunks(1) {
        c.push(chunk, &mut out).unwrap();
    }
    c.finish(&mut out).unwrap();
    assert!(
        out.starts_with(b"\xef\xbb\xbfemail\r\nemail_"),
        "{:?}",
        String::from_utf8_lossy(&out)
    );
}

#[test]
fn an_unsure_header_is_refused_and_word_nulls_are_cloaked() {
    let mut v = view(&[("Nan", "first_name")], b',', true);
    v.header_unsure = true;
    let e = run(b"Nan\nAnn\n", &v, "{}", key(K1), false).unwrap_err();
    assert_eq!(e.code(), "INVALID_OPTION");
    assert!(e.to_string().contains("--no-header"), "{e}");
    let v = view(&[("first", "first_name")], b',', true);
    let (out, s) = run(b"first\nNan\nNA\n\nn/a\n-\n", &v, "{}", key(K1), false).unwrap();
    let rows = records(&out, b',');
    assert!(
        rows[1][0].starts_with("first_name_") && rows[2][0].starts_with("first_name_"),
        "{out}"
    );
    assert_eq!((rows[3][0].as_str(), rows[4][0].as_str()), ("n/a", "-"));
    assert_eq!((s.columns[0].changed, s.columns[0].nulls), (2, 2));
}

/// The pieces of each canary row that must not survive: the name, and every 6-character piece
/// of the e-mail's local part, the phone, card, SSN and IBAN (pieces all phones share excepted).
fn canary_pieces(rows: &[Vec<String>]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| {
            let mut p = vec![row[0].clone()];
            let local = row[1].split('@').next().unwrap().to_string();
            for w in [&local, &row[2], &row[3], &row[4], &row[5]] {
                let chars: Vec<char> = w.chars().collect();
                for s in chars.windows(6) {
                    let s: String = s.iter().collect();
                    if !rows.iter().all(|r| r[2].contains(&s)) {
                        p.push(s);
                    }
                }
            }
            p
        })
        .collect()
}

/// `tests/data/cloak/canary.csv` (unique made-up people), classified by the real model: after the
/// cloak, with every action that protects, nothing of a row's sensitive values is left.
#[test]
fn canary_values_never_reach_the_output() {
    let csv = include_str!("../../tests/data/cloak/canary.csv");
    let input = records(csv, b',');
    let report = crate::classify_csv(csv.as_bytes(), &Options::default()).unwrap();
    let labels: Vec<&str> = report.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels[..6],
        [
            "person_name",
            "email",
            "phone_number",
            "credit_card_number",
            "ssn",
            "iban"
        ],
        "the canary table must be classified right for this test to mean anything"
    );
    let v = ReportView::from_report(&report);
    let pieces = canary_pieces(&input[1..]);
    for action in ["redact", "mask", "pseudonymise", "fake", "drop"] {
        let policy = format!(r#"{{"sensitivity": {{"high": "{action}"}}}}"#);
        let (out, _) = run(csv.as_bytes(), &v, &policy, key(K1), true).unwrap();
        let rows = records(&out, b',');
        assert_eq!(rows.len(), input.len(), "{action}");
        // Our own ingest reads the copy as the same table (dropped columns aside).
        let table = crate::ingest::profile_bytes(out.as_bytes(), Options::default()).unwrap();
        let dropped = if action == "drop" { 6 } else { 0 };
        assert_eq!((table.rows, table.columns.len()), (40, 9 - dropped), "{action}");
        assert_eq!(table.ragged_rows, 0, "{action}");
        for (r, own) in pieces.iter().enumerate() {
            // A fake is a random value of the same shape: it may share 6 digits with another
            // row's number by chance (1 in 10^5 per place), never take them from its own row.
            let text = if action == "fake" {
                rows[r + 1].join(",")
            } else {
                out.clone()
            };
            for p in own {
                assert!(!text.contains(p.as_str()), "{action}: '{p}' is in the output");
            }
        }
    }
}
