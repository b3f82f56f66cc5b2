//! The URL hash as a view: `#county=610927&metric=insurance_claims&lang=en&theme=dark`.
//! Parsing never fails: unknown keys and bad values are dropped, each with a
//! warning the page writes to the console.

use crate::data::{Lang, Metric};
use crate::theme::Theme;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeepLink {
    /// A place id: a county's adcode, "hengkou", "gaoxin" or "city".
    pub place: Option<String>,
    pub metric: Option<Metric>,
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
}

/// Parses a hash (with or without its leading '#'), checking place ids
/// against `known_places`. Returns the link and the warnings.
pub fn parse(hash: &str, known_places: &[String]) -> (DeepLink, Vec<String>) {
    let mut link = DeepLink::default();
    let mut warnings = Vec::new();
    let body = hash.strip_prefix('#').unwrap_or(hash);
    // A hash is short; a huge one is not ours.
    if body.len() > 512 {
        warnings.push(format!("ignored a URL hash of {} bytes", body.len()));
        return (link, warnings);
    }
    for pair in body.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        let ok = match key {
            "county" | "place" => {
                let found = known_places.contains(&value);
                if found {
                    link.place = Some(value.clone());
                }
                found
            }
            "metric" => Metric::parse(&value).map(|m| link.metric = Some(m)).is_some(),
            "lang" => Lang::parse(&value).map(|l| link.lang = Some(l)).is_some(),
            "theme" => Theme::parse(&value).map(|t| link.theme = Some(t)).is_some(),
            _ => {
                warnings.push(format!("ignored unknown URL hash key \"{}\"", truncate(key)));
                continue;
            }
        };
        if !ok {
            warnings.push(format!("ignored invalid {key}=\"{}\" in the URL hash", truncate(&value)));
        }
    }
    (link, warnings)
}

/// The hash for a view; empty parts are left out.
pub fn format(link: &DeepLink) -> String {
    let mut parts = Vec::new();
    if let Some(place) = &link.place {
        parts.push(format!("county={place}"));
    }
    if let Some(m) = link.metric {
        parts.push(format!("metric={}", m.id()));
    }
    if let Some(lang) = link.lang {
        parts.push(format!("lang={}", lang.code()));
    }
    if let Some(theme) = link.theme {
        parts.push(format!("theme={}", theme.code()));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("#{}", parts.join("&"))
    }
}

/// Percent-decoding of ASCII escapes; anything malformed is kept as is.
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn truncate(text: &str) -> String {
    text.chars().take(40).collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn places() -> Vec<String> {
        ["610927", "610924", "hengkou"].iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn round_trips_a_full_link() {
        let (link, warnings) = parse("#county=610927&metric=insurance_claims&lang=en&theme=dark", &places());
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(link.place.as_deref(), Some("610927"));
        assert_eq!(link.metric, Some(Metric::InsuranceClaims));
        assert_eq!(link.lang, Some(Lang::En));
        assert_eq!(link.theme, Some(Theme::Dark));
        assert_eq!(format(&link), "#county=610927&metric=insurance_claims&lang=en&theme=dark");
    }

    #[test]
    fn invalid_values_are_ignored_with_a_warning() {
        let (link, warnings) = parse("county=999999&metric=bogus&lang=fr&theme=sepia&zoom=3&lang=zh", &places());
        assert_eq!(link, DeepLink { lang: Some(Lang::Zh), ..DeepLink::default() });
        assert_eq!(warnings.len(), 5, "{warnings:?}");
        assert!(warnings.iter().any(|w| w.contains("county") && w.contains("999999")));
        assert!(warnings.iter().any(|w| w.contains("zoom")));
    }

    #[test]
    fn empty_and_odd_hashes_are_harmless() {
        assert_eq!(parse("", &places()), (DeepLink::default(), vec![]));
        assert_eq!(parse("#", &places()).0, DeepLink::default());
        assert_eq!(parse("#&&=&county", &places()).0, DeepLink::default());
        assert_eq!(parse("#county=%36%31%30%39%32%37", &places()).0.place.as_deref(), Some("610927"));
        assert_eq!(parse("#lang=%E4%B8%AD%zz", &places()).0.lang, None);
        assert_eq!(format(&DeepLink::default()), "");
        let long = format!("#{}", "a".repeat(600));
        assert_eq!(parse(&long, &places()).1.len(), 1);
    }
}
