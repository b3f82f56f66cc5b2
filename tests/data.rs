//! The embedded data file holds the article's figures, each traceable to a
//! sentence of the article (kept in tests/fixtures as printed).
#![cfg(not(target_arch = "wasm32"))]

use ankang_graphic::data::{self, PlaceKind, Qualifier, Unit};
use ankang_graphic::geo::BOUNDARY_COUNTIES;

const ARTICLE: &str = include_str!("fixtures/article-2025-04-28.txt");

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// True when `needle` is a substring of `hay`, or, where the OCR interleaved
/// two columns inside the sentence, a subsequence of a window of `hay` that
/// starts with the needle's first 8 characters and is at most twice as long.
fn traceable(hay: &str, needle: &str) -> bool {
    if hay.contains(needle) {
        return true;
    }
    let needle: Vec<char> = needle.chars().collect();
    let head: String = needle.iter().take(8).collect();
    hay.match_indices(&head).any(|(start, _)| {
        let mut want = needle.iter().peekable();
        for c in hay[start..].chars().take(needle.len() * 2) {
            if want.peek() == Some(&&c) {
                want.next();
            }
        }
        want.peek().is_none()
    })
}

#[test]
fn every_sentence_is_in_the_article() {
    let article = squash(ARTICLE);
    let data = data::embedded().unwrap();
    for f in &data.figures {
        assert!(
            traceable(&article, &squash(&f.sentence)),
            "{}: sentence not found in the article:\n{}",
            f.id,
            f.sentence
        );
        assert!(article.contains(&squash(&f.literal)), "{}: literal {} not in the article", f.id, f.literal);
    }
}

#[test]
fn the_traceability_check_can_fail() {
    let article = squash(ARTICLE);
    assert!(!traceable(&article, "推动19万产业工人从"));
    assert!(traceable(&article, "推动18万产业工人从"));
}

#[test]
fn headline_figures_are_exact() {
    let data = data::embedded().unwrap();
    let check = |id: &str, value: f64, unit: Unit, q: Qualifier| {
        let f = data.figure(id).unwrap_or_else(|| panic!("missing {id}"));
        assert_eq!((f.value, f.unit, f.qualifier), (value, unit, q), "{id}");
    };
    check("city.workers", 180_000.0, Unit::Person, Qualifier::Exact);
    check("city.national_model_workers", 21.0, Unit::Person, Qualifier::Exact);
    check("city.sanqin_craftsmen", 6.0, Unit::Person, Qualifier::Exact);
    check("city.jinzhou_craftsmen", 80.0, Unit::Person, Qualifier::Exact);
    check("city.high_skill_talents", 12_000.0, Unit::Person, Qualifier::MoreThan);
    check("city.wage_growth", 8.2, Unit::Percent, Qualifier::Exact);
}

#[test]
fn every_county_and_zone_has_a_place_summary_and_figures() {
    let data = data::embedded().unwrap();
    for (adcode, zh, _) in BOUNDARY_COUNTIES {
        let id = adcode.to_string();
        let place = data.place(&id).unwrap_or_else(|| panic!("no place for {zh}"));
        assert_eq!(place.kind, PlaceKind::County);
        assert_eq!(place.name.zh, *zh);
        assert!(data.figures_of(&id).count() >= 1, "{zh} has no figures");
    }
    for zone in ["hengkou", "gaoxin"] {
        assert_eq!(data.place(zone).unwrap().kind, PlaceKind::Zone);
    }
    assert_eq!(data.places.len(), 13, "city + 10 counties + 2 zones");
}

#[test]
fn figure_count_is_reported() {
    let data = data::embedded().unwrap();
    let n = data.figures.len();
    println!("figures in the data file: {n}");
    assert!(n >= 90, "expected every figure of the article, found only {n}");
}
