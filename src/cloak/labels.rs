//! What each action means for each label: the one table of label-specific behaviour of the cloak
//! (how values are normalised before they are pseudonymised, what a mask keeps, which
//! generalisation fits, what a fake looks like, and what a sensitivity-wide `generalise` falls
//! back to where it does not fit).

use super::policy::Action;
use crate::taxonomy::{self, Sensitivity};

/// How a value is normalised before it is pseudonymised, so that the same person or number written
/// two ways gets one token (and joins across files survive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Norm {
    /// Letters and digits only, upper-cased: `4111 1111-1111 1111` = `4111111111111111`.
    Compact,
    /// Lower-cased, runs of white space made one space: `Ann  LEE` = `ann lee`.
    Folded,
    /// Trimmed only (case matters in keys, hashes and most ids).
    Exact,
}

/// What a mask keeps of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mask {
    /// The last N letters or digits (at most half of them), the rest as `*`, punctuation kept.
    Last(usize),
    /// The domain of an e-mail address; the local part becomes `***`.
    EmailDomain,
    /// The first letter of each word, then `***`.
    Initials,
    /// Every letter and digit as `*`: the shape alone.
    Shape,
}

/// The generalisations, each for the labels it fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generalise {
    /// A date to its year.
    Year,
    /// An age to a 5-year band (`30-34`), 90 and over as `90+`.
    AgeBand,
    /// A postal code to its leading characters (3 digits of a ZIP, the outward code of a UK one).
    PostalPrefix,
    /// A coordinate to 2 decimals (about 1 km).
    TwoDecimals,
    /// An IPv4 address to its /24, an IPv6 one to its /48.
    IpNetwork,
    /// A MAC address to its vendor prefix (the first three octets).
    MacVendor,
    /// A URL to its origin (scheme, host, port).
    UrlOrigin,
}

/// What a fake value of a label looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fake {
    FirstName,
    LastName,
    PersonName,
    Username,
    Email,
    /// Digits for digits, the first kept, a Luhn check digit that fails.
    Card,
    /// The country code kept, check digits that fail mod-97.
    Iban,
    /// Group `00`, which the SSA never issues.
    Ssn,
    /// A date in the same layout.
    Date,
    /// An address of the documentation ranges (RFC 5737, RFC 3849).
    Ip,
    /// A house number and a surname, the street word kept.
    Street,
    City,
    /// Digits for digits, letters for letters, hex for hex.
    Shape,
}

/// Everything the cloak does differently by label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelActions {
    pub norm: Norm,
    pub mask: Mask,
    pub generalise: Option<Generalise>,
    pub fake: Fake,
    /// Taken when a sensitivity-wide `generalise` does not fit this label.
    pub fallback: Action,
}

/// The behaviour of `label` (labels a custom model adds get the generic one, high sensitivity).
pub fn for_label(label: &str) -> LabelActions {
    use Norm::*;
    let (norm, mask, generalise, fake) = match label {
        "email" => (Folded, Mask::EmailDomain, None, Fake::Email),
        "phone_number" => (Compact, Mask::Last(4), None, Fake::Shape),
        "credit_card_number" => (Compact, Mask::Last(4), None, Fake::Card),
        "iban" => (Compact, Mask::Last(4), None, Fake::Iban),
        "ssn" => (Compact, Mask::Last(4), None, Fake::Ssn),
        "national_id" | "passport_number" => (Compact, Mask::Last(2), None, Fake::Shape),
        "person_name" => (Folded, Mask::Initials, None, Fake::PersonName),
        "first_name" => (Folded, Mask::Initials, None, Fake::FirstName),
        "last_name" => (Folded, Mask::Initials, None, Fake::LastName),
        "username" => (Folded, Mask::Initials, None, Fake::Username),
        "street_address" => (Folded, Mask::Shape, None, Fake::Street),
        "date_of_birth" | "date" | "datetime" => (Exact, Mask::Shape, Some(Generalise::Year), Fake::Date),
        "age" => (Exact, Mask::Shape, Some(Generalise::AgeBand), Fake::Shape),
        "postal_code" => (Compact, Mask::Shape, Some(Generalise::PostalPrefix), Fake::Shape),
        "latitude" | "longitude" => (Exact, Mask::Shape, Some(Generalise::TwoDecimals), Fake::Shape),
        "ip_address" => (Folded, Mask::Shape, Some(Generalise::IpNetwork), Fake::Ip),
        "mac_address" => (Compact, Mask::Shape, Some(Generalise::MacVendor), Fake::Shape),
        "url" => (Exact, Mask::Shape, Some(Generalise::UrlOrigin), Fake::Shape),
        "city" => (Folded, Mask::Shape, None, Fake::City),
        "uuid" => (Folded, Mask::Shape, None, Fake::Shape),
        "state" | "country" | "company_name" | "job_title" | "gender" | "categorical" | "boolean" => {
            (Folded, Mask::Shape, None, Fake::Shape)
        }
        _ => (Exact, Mask::Shape, None, Fake::Shape),
    };
    let fallback = match (label, taxonomy::sensitivity(label)) {
        // Free text may hold anything, including names and numbers: nothing of it is kept.
        ("free_text", _) => Action::Redact,
        (_, Sensitivity::High) | ("uuid", _) => Action::Pseudonymise,
        // Coarse already (a city, a state, a gender): kept unless a policy says otherwise.
        _ => Action::Keep,
    };
    LabelActions {
        norm,
        mask,
        generalise,
        fake,
        fallback,
    }
}

/// Whether `action` can be applied to a column of `label` (only `generalise` depends on it).
pub fn fits(action: Action, label: &str) -> bool {
    action != Action::Generalise || for_label(label).generalise.is_some()
}

/// The actions that fit `label`, for error messages.
pub fn fitting(label: &str) -> Vec<&'static str> {
    Action::ALL
        .iter()
        .filter(|a| fits(**a, label))
        .map(|a| a.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_taxonomy_label_has_a_fitting_fallback() {
        for l in taxonomy::labels() {
            let a = for_label(&l.name);
            assert!(fits(a.fallback, &l.name), "{}", l.name);
            assert_ne!(a.fallback, Action::Generalise, "{}", l.name);
            if l.sensitivity == Sensitivity::High {
                assert_ne!(
                    a.fallback,
                    Action::Keep,
                    "a high label is never kept by a fallback: {}",
                    l.name
                );
            }
        }
    }

    #[test]
    fn generalise_fits_only_where_it_is_defined() {
        assert!(fits(Action::Generalise, "date_of_birth"));
        assert!(fits(Action::Generalise, "postal_code"));
        assert!(!fits(Action::Generalise, "city"));
        assert!(!fits(Action::Generalise, "email"));
        assert!(fitting("city").contains(&"pseudonymise") && !fitting("city").contains(&"generalise"));
    }
}
