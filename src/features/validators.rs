//! The core's value checks by name: what a rules document may call as `"validator": NAME`
//! (`crate::rules`), and the list its JSON Schema and documentation are made from. One table, so
//! that a check added here is at once usable in rules, described in the schema and documented.

use super::{checksums, patterns};

/// One named check of a single value.
#[derive(Debug, Clone, Copy)]
pub struct Validator {
    /// The name a rules document uses, in snake_case.
    pub name: &'static str,
    /// What it accepts, in a few words (the schema and the docs show it).
    pub accepts: &'static str,
    pub check: fn(&str) -> bool,
}

const fn v(name: &'static str, accepts: &'static str, check: fn(&str) -> bool) -> Validator {
    Validator { name, accepts, check }
}

/// Every validator a rule may name, in the order the documentation lists them.
pub const VALIDATORS: &[Validator] = &[
    v(
        "luhn",
        "digits with a valid Luhn (mod-10) check digit",
        checksums::is_luhn,
    ),
    v(
        "verhoeff",
        "digits with a valid Verhoeff check digit",
        checksums::is_verhoeff,
    ),
    v(
        "iso7064_mod97",
        "letters and digits whose ISO 7064 MOD 97-10 remainder is 1 (LEI codes)",
        checksums::is_iso7064_mod97,
    ),
    v(
        "mod97_key",
        "digits ending in the key 97 - (the other digits mod 97)",
        checksums::is_mod97_key,
    ),
    v(
        "credit_card",
        "payment card numbers: issuer prefix, length and Luhn",
        checksums::is_card_number,
    ),
    v("iban", "IBANs: country length and mod-97 check", checksums::is_iban),
    v(
        "us_ssn",
        "US social security numbers that follow the SSA rules",
        checksums::ssn_valid,
    ),
    v("uk_nino", "UK National Insurance numbers", checksums::is_uk_nino),
    v(
        "ca_sin",
        "Canadian social insurance numbers (Luhn)",
        checksums::is_ca_sin,
    ),
    v(
        "fr_insee",
        "French INSEE/NIR numbers with their key",
        checksums::is_fr_insee,
    ),
    v(
        "es_dni",
        "Spanish DNI/NIE numbers with their control letter",
        checksums::is_es_dni,
    ),
    v(
        "be_national_number",
        "Belgian national register numbers with their mod-97 key",
        checksums::is_be_national_number,
    ),
    v("isbn", "ISBN-10 and ISBN-13 with their check digit", checksums::is_isbn),
    v("email", "e-mail addresses", patterns::is_email),
    v("url", "URLs with a scheme or www.", patterns::is_url),
    v("ipv4", "IPv4 addresses", patterns::is_ipv4),
    v("ipv6", "IPv6 addresses", patterns::is_ipv6),
    v("mac", "MAC addresses", patterns::is_mac),
    v("uuid", "UUIDs", patterns::is_uuid),
    v(
        "e164",
        "phone numbers in E.164 form (+ and 8-15 digits)",
        patterns::is_e164,
    ),
    v("phone", "plausible phone numbers", patterns::is_phone_plausible),
    v("us_zip", "US ZIP codes (5 or 5+4 digits)", patterns::is_us_zip),
    v("uk_postcode", "UK postcodes", patterns::is_uk_postcode),
    v("ca_postcode", "Canadian postal codes", patterns::is_ca_postcode),
    v(
        "hex_digest",
        "hexadecimal digests (MD5, SHA-1, SHA-256, ...)",
        patterns::is_hex_digest,
    ),
    v("jwt", "JSON web tokens", patterns::is_jwt),
];

/// The validator of that name.
pub fn by_name(name: &str) -> Option<&'static Validator> {
    VALIDATORS.iter().find(|v| v.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_snake_case_and_each_check_accepts_something() {
        let samples = [
            ("luhn", "79927398713"),
            ("verhoeff", "2363"),
            ("iso7064_mod97", "5493001KJTIIGC8Y1R12"),
            ("mod97_key", "85073003328"),
            ("credit_card", "4111 1111 1111 1111"),
            ("iban", "GB82 WEST 1234 5698 7654 32"),
            ("us_ssn", "536-22-1234"),
            ("uk_nino", "AB 12 34 56 C"),
            ("ca_sin", "130 692 544"),
            ("fr_insee", "2 55 08 14 168 025 38"),
            ("es_dni", "12345678Z"),
            ("be_national_number", "85.07.30-033.28"),
            ("isbn", "978-0-306-40615-7"),
            ("email", "ann@example.org"),
            ("url", "https://example.org/a"),
            ("ipv4", "192.0.2.1"),
            ("ipv6", "2001:db8::1"),
            ("mac", "00:1a:2b:3c:4d:5e"),
            ("uuid", "123e4567-e89b-12d3-a456-426614174000"),
            ("e164", "+14155550123"),
            ("phone", "+1 415 555 0123"),
            ("us_zip", "94110"),
            ("uk_postcode", "SW1A 1AA"),
            ("ca_postcode", "K1A 0B1"),
            ("hex_digest", "d41d8cd98f00b204e9800998ecf8427e"),
            (
                "jwt",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlX2hlcmVfMTIzNDU2",
            ),
        ];
        assert_eq!(samples.len(), VALIDATORS.len(), "one sample per validator");
        for (name, value) in samples {
            let v = by_name(name).unwrap_or_else(|| panic!("{name} is not a validator"));
            assert!((v.check)(value), "{name} refuses {value}");
            assert!(!(v.check)("hello"), "{name} accepts 'hello'");
        }
        for (i, v) in VALIDATORS.iter().enumerate() {
            assert!(v
                .name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
            assert!(VALIDATORS[..i].iter().all(|w| w.name != v.name), "{} twice", v.name);
        }
    }
}
