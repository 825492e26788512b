//! The shape tests of every group, on values that must pass and values that must not.

use super::*;

fn all(f: fn(&str) -> bool, yes: &[&str], no: &[&str]) {
    for s in yes {
        assert!(f(s), "should accept {s:?}");
    }
    for s in no {
        assert!(!f(s), "should reject {s:?}");
    }
}

#[test]
fn email() {
    all(
        is_email,
        &[
            "john.doe@example.com",
            "a+b@sub.example.co.uk",
            "USER_1@Example.ORG",
            "josé@exemple.fr",
            "x@bücher.de",
            "o'brien@example.ie",
        ],
        &[
            "",
            "john.doe@",
            "@example.com",
            "john..doe@example.com",
            ".john@example.com",
            "john@example",
            "john@example.c",
            "john@-example.com",
            "john doe@example.com",
            "john@@example.com",
            "http://example.com",
            "john@example.com.",
            "john@192.168.1.1",
        ],
    );
}

#[test]
fn url() {
    all(
        is_url,
        &[
            "https://example.com",
            "http://example.com/path?q=1#frag",
            "HTTPS://EXAMPLE.COM/",
            "ftp://ftp.example.org/pub/file.txt",
            "http://localhost:8080/api",
            "http://192.168.0.1/admin",
            "http://[::1]:8080/",
            "https://user:pw@example.com/x",
            "www.example.com",
            "www.example.com/about",
            "example.com/path",
            "docs.google.com/spreadsheets/d/1",
            "https://bücher.de/",
        ],
        &[
            "",
            "https://",
            "http://exa mple.com",
            "example.com",
            "john@example.com",
            "john@example.com/x",
            "mailto:john@example.com",
            "2024/03/05",
            "1.5/2",
            "e.g./i.e.",
            "http://example.com:123456/",
            "www.",
            "C:/Users/file.txt",
            "4.Pwß/P,ä_f6v",
            "résumé.docx/x",
            "example.com/a b",
        ],
    );
}

#[test]
fn ipv4() {
    all(
        is_ipv4,
        &["192.168.0.1", "0.0.0.0", "255.255.255.255", "10.0.0.10"],
        &[
            "",
            "256.1.1.1",
            "01.2.3.4",
            "1.2.3",
            "1.2.3.4.5",
            "1.2.3.",
            "1..2.3",
            "a.b.c.d",
            "1.2.3.4 ",
        ],
    );
}

#[test]
fn ipv6() {
    all(
        is_ipv6,
        &[
            "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
            "2001:db8:85a3::8a2e:370:7334",
            "::1",
            "::",
            "fe80::1%eth0",
            "::ffff:192.168.1.1",
            "64:ff9b::192.0.2.33",
            "1::",
            "FE80::ABCD",
        ],
        &[
            "",
            ":",
            ":::",
            "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8:9",
            "1::2::3",
            "12345::1",
            "g::1",
            "12:30",
            "1.2.3.4::",
            "fe80::1%",
            "::ffff:999.1.1.1",
            "1:2:3:4:5:6:7::8:9",
        ],
    );
}

#[test]
fn mac_uuid() {
    all(
        is_mac,
        &[
            "00:1A:2b:3C:4d:5E",
            "00-1a-2b-3c-4d-5e",
            "001a.2b3c.4d5e",
            "001A2B3C4D5E",
        ],
        &[
            "",
            "001122334455",
            "aabbccddeeff",
            "00:1a-2b:3c:4d:5e",
            "00:1a:2b:3c:4d",
            "0g:1a:2b:3c:4d:5e",
        ],
    );
    all(
        is_uuid,
        &[
            "123e4567-e89b-12d3-a456-426614174000",
            "{123E4567-E89B-12D3-A456-426614174000}",
            "urn:uuid:123e4567-e89b-12d3-a456-426614174000",
        ],
        &[
            "",
            "123e4567e89b12d3a456426614174000",
            "123e4567-e89b-12d3-a456-42661417400g",
            "{123e4567-e89b-12d3-a456-426614174000",
            "123e4567-e89b-12d3-a456-4266141740001",
        ],
    );
}

#[test]
fn credentials() {
    let jwt =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    all(
        is_jwt,
        &[jwt, "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."],
        &[
            "",
            "abc.def.ghi",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0",
            "eyJhbGciOiJIUzI1NiJ9.e+J.x.y",
        ],
    );
    all(
        is_aws_access_key,
        &["AKIAIOSFODNN7EXAMPLE", "ASIAY34FZKBOKMUTVV7A", "A3T0IOSFODNN7EXAMPLE"],
        &[
            "",
            "AKIAIOSFODNN7EXAMPL",
            "AKIAIOSFODNN7EXAMPL1",
            "akiaiosfodnn7example",
            "ABCDIOSFODNN7EXAMPLE",
        ],
    );
    all(
        is_secret_token,
        &[
            "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
            "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
            "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",
            "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL",
            "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
            "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
            "glpat-xxxxXXXXxxxxXXXX1234",
            "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",
            "npm_abcdefghijklmnopqrstuvwxyz0123456789",
            "hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567",
            "shpat_0123456789abcdef0123456789abcdef",
            "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcDEF123",
            "bearer AbCdEf0123456789xyz",
            "AKIAIOSFODNN7EXAMPLE",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIE...",
            "-----BEGIN OPENSSH PRIVATE KEY-----",
        ],
        &[
            "",
            "sk_live_short1",
            "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
            "ghp_",
            "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQ",
            "Bearer token",
            "sk-",
            "hf_hello",
            "-----BEGIN CERTIFICATE-----",
            "sk_live_4eC39HqLyjWDarjtT1zdp7dc!",
        ],
    );
}

#[test]
fn hashes() {
    all(
        is_hex_digest,
        &[
            "d41d8cd98f00b204e9800998ecf8427e",
            "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ],
        &[
            "",
            "12345678901234567890123456789012",
            "abcdefabcdefabcdefabcdefabcdefab",
            "d41d8cd98f00b204e9800998ecf8427",
            "D41d8cd98f00b204e9800998ecf8427e",
            "g41d8cd98f00b204e9800998ecf8427e",
        ],
    );
    all(
        is_crypt_hash,
        &[
            "$2b$12$EXRkfkdmXn2gzds2SSitu.MW9.gAVqa9eLS1//RYtYCmB1eLHg.9q",
            "$2y$10$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi",
            "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
            "$argon2i$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$1$saltsalt$qjXMvbEw8oaL.CzflDugX/",
            "$apr1$71850310$gh9m4xcAn3MGxogwX/ztb.",
            "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZF4KW0/E/",
            "$6$rounds=5000$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
            "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7",
            "$pbkdf2-sha256$29000$N2bsXUtp7b2XMgbgXIuxdg$6k0Y09dgHxhrqgMcJuCB8w4VZ/LqCfsXpNVv8QRdY2M",
            "pbkdf2_sha256$260000$abcdefghijkl$AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/ab=",
        ],
        &[
            "",
            "$2b$12$short",
            "$2b$1x$EXRkfkdmXn2gzds2SSitu.MW9.gAVqa9eLS1//RYtYCmB1eLHg.9q",
            "$1$saltsalt$short",
            "$9$abc$defghijklmnopqrstuvwxyz",
            "$argon2id$v=19$t=3$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
            "$$$$$$$$$$$$$$$$$$$$$$$$$$",
            "price $5$ and $6$ for things like that",
        ],
    );
}

#[test]
fn base64_and_colour() {
    all(
        is_base64_blob,
        &[
            "SGVsbG8gV29ybGQhIFRoaXMgaXM=",
            "U29tZSBiaW5hcnkgZGF0YSAxMjM0",
            "ab-_CD12ef34GH56ij78KL90",
            "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0MTIz",
        ],
        &[
            "",
            "hello world this is text",
            "abcdefghijklmnopqrstuvwxyz",
            "12345678901234567890",
            "d41d8cd98f00b204e9800998ecf8427e",
            "SGVsbG8gV29ybGQhIFRoaXMgaX=",
            "ab-_CD12ef34GH56ij78KL90+/",
            "SGVsbG8gV29ybGQhIFRoaXMgaXM===",
        ],
    );
    all(
        is_hex_colour,
        &["#fff", "#FFFFFF", "#1a2B3c", "#11223344", "#abcd"],
        &["", "#", "fff", "#ffff1", "#gggggg", "#1234567", "##fff"],
    );
}

#[test]
fn versions() {
    all(
        is_version_string,
        &[
            "1.2.3",
            "v2.0",
            "V1.0",
            "10.4.1-beta",
            "1.0.0-rc.1+build.5",
            "2.0-rc1",
            "1.2.3.4567",
            "0.1.0",
            "10.0.19041.1",
        ],
        &[
            "",
            "1.2",
            "12.5",
            "v",
            "v1",
            "1.2.3.4.5",
            "1..2",
            "1.2.3-",
            "5.3.2024",
            "2024.03.05",
            "192.168.0.1",
            "1.2.x",
            "a.b.c",
            "1.98+3",
            "12.5-13",
        ],
    );
}

#[test]
fn phones() {
    all(
        is_phone_plausible,
        &[
            "+1 (555) 123-4567",
            "(555) 123-4567",
            "555-123-4567",
            "555.123.4567",
            "+44 20 7946 0958",
            "+44 (0)20 7946 0958",
            "020 7946 0958",
            "07700900123",
            "+4930123456",
            "030/1234567",
            "01.23.45.67.89",
            "555-123-4567 x123",
            "555-123-4567 ext. 12",
            "+1-555-123-4567ext123",
        ],
        &[
            "",
            "1234567",
            "123456789",
            "12.5",
            "1234.5678",
            "192.168.100.200",
            "2024-03-05",
            "05/03/2024",
            "5.3.2024",
            "123-45-6789",
            "4111 1111 1111 1111",
            "1,234,567",
            "555--123-4567",
            "+1 555 123 4567+",
            "555-123-4567 x",
            "(555 123-4567",
            "555) 123-4567",
            "abc-def-ghij",
            "14:05:09",
            "++1 555 123 4567",
        ],
    );
    all(
        is_e164,
        &["+14155552671", "+442079460958", "+4930123456"],
        &[
            "",
            "+",
            "14155552671",
            "+0123456789",
            "+1 415 555 2671",
            "+1234567",
            "+1234567890123456",
        ],
    );
}

#[test]
fn postcodes() {
    all(
        is_us_zip,
        &["12345", "12345-6789", "00501"],
        &["", "1234", "123456", "00000", "12345-678", "1234a"],
    );
    all(
        is_uk_postcode,
        &[
            "SW1A 1AA", "sw1a1aa", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "W1A 0AX", "GIR 0AA",
        ],
        &[
            "",
            "SW1A 1AAA",
            "Q1 1AA",
            "SW1A 1CA",
            "1AA 1AA",
            "SW1A  1AA",
            "AB1 CDE",
            "M1 1A",
            "V1A 1AA",
            "Sw1A 1AA",
        ],
    );
    all(
        is_ca_postcode,
        &["K1A 0B1", "k1a0b1", "M5V 3L9"],
        &[
            "", "K1A0B", "D1A 0B1", "W1A 0B1", "K1A 0B1X", "K1A  0B1", "KKA 0B1", "K1a 0B1",
        ],
    );
    all(
        is_postcode_like,
        &[
            "12345",
            "1234",
            "123456",
            "1012 AB",
            "1012AB",
            "00-950",
            "01310-100",
            "1000-001",
            "100-0001",
            "114 55",
            "SW1A 1AA",
            "K1A 0B1",
        ],
        &[
            "",
            "123",
            "1234567",
            "0123 AB",
            "1012 SS",
            "12-34",
            "abcde",
            "12 345 67",
        ],
    );
}

#[test]
fn tokens() {
    all(
        is_boolean_token,
        &[
            "true", "FALSE", "Yes", "n", "0", "1", "on", "OFF", "ja", "Nein", "oui", "non", "si", "sí", "SÍ", "não",
        ],
        &["", "2", "maybe", "truee", "yes!", "male"],
    );
    all(
        is_gender_token,
        &[
            "M",
            "f",
            "Male",
            "FEMALE",
            "woman",
            "non-binary",
            "Nonbinary",
            "diverse",
            "männlich",
            "MÄNNLICH",
            "Weiblich",
            "divers",
            "homme",
            "Femme",
            "hombre",
            "mujer",
            "masculino",
            "femenino",
            "maschio",
            "femmina",
            "uomo",
            "donna",
            "vrouw",
            "h",
            "v",
            "x",
            "other",
        ],
        &["", "unknown", "yes", "mr", "mrs", "true", "männer!"],
    );
}

#[test]
fn usernames() {
    all(
        is_username_like,
        &["jdoe", "john.doe", "john_doe99", "x-ray", "Admin"],
        &[
            "",
            "ab",
            "john doe",
            "john@example.com",
            "12345",
            "www.example.com",
            "123e4567-e89b-12d3-a456-426614174000",
            "d41d8cd98f00b204e9800998ecf8427e",
            "v1.2.3",
            "a-very-long-username-that-goes-on-and-on",
            "jöhn",
        ],
    );
}

#[test]
fn addresses() {
    all(
        is_street_address_like,
        &[
            "221B Baker Street",
            "Hauptstraße 5",
            "12 rue de la Paix",
            "Apt. 4, 500 Main St",
            "1600 Pennsylvania Avenue NW, Washington, DC 20500",
            "Kerkstraat 12-14",
            "Via Roma 10",
            "Calle Mayor 5, 3º",
            "10 Downing Street",
            "12 Oak Ridge",
            "PO Box 123",
            "Hauptstr. 12a, 10115 Berlin",
            // street words only the street-word dictionary knows
            "ul. Marszałkowska 10",
            "Rambla de Catalunya 23",
            "Carrer de Mallorca 401",
            "Travesía del Mar 4",
            "R. Augusta 1500",
        ],
        &[
            "",
            "Order 12345",
            "Invoice #123",
            "5 March 2024",
            "March 5, 2024",
            "5 de marzo de 2024",
            "Baker Street",
            "12345",
            "iPhone 15 Pro",
            "Street 1234567",
            "John Smith",
            "7 $v,GB",
            "#4P m-’ #Gu",
            "c 261k",
            "R 2",
            "Table B 12",
        ],
    );
}

#[test]
fn never_panics_on_odd_input() {
    let big = "9".repeat(10 << 20);
    let odd = [
        "",
        " ",
        "€",
        "ß",
        "日本語テキスト",
        "\u{0}",
        "((((",
        "$",
        "$$",
        "::",
        ".",
        "@",
        "#",
        "+",
        "x",
        "ext",
        "0x",
        "-",
        "ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ",
        big.as_str(),
    ];
    let fns: [fn(&str) -> bool; 27] = [
        has_letters_and_digits,
        is_email,
        is_url,
        is_ipv4,
        is_ipv6,
        is_mac,
        is_uuid,
        is_jwt,
        is_aws_access_key,
        is_secret_token,
        is_hex_digest,
        is_crypt_hash,
        is_base64_blob,
        is_hex_colour,
        is_version_string,
        is_phone_plausible,
        is_e164,
        is_us_zip,
        is_uk_postcode,
        is_ca_postcode,
        is_postcode_like,
        is_boolean_token,
        is_gender_token,
        is_username_like,
        is_street_address_like,
        is_email,
        is_url,
    ];
    for f in fns {
        for s in odd {
            let _ = f(s);
        }
    }
}
