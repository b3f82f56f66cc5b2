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

/// True when `needle` is traceable whole, or is at most three traceable
/// pieces of 6 or more characters, in order: where the OCR split a sentence
/// across columns ("…聚焦思想引领、技" here, "能提升、权益保障…" there) the
/// data reassembles it, and each piece must still stand in the article.
fn reassembled(hay: &str, needle: &str) -> bool {
    fn go(hay: &str, rest: &[char], pieces_left: usize) -> bool {
        if rest.is_empty() {
            return true;
        }
        if pieces_left == 0 {
            return false;
        }
        // The longest traceable head first, so the split points are few.
        (6..=rest.len()).rev().any(|n| {
            let head: String = rest[..n].iter().collect();
            (n == rest.len() || rest.len() - n >= 6) && traceable(hay, &head) && go(hay, &rest[n..], pieces_left - 1)
        })
    }
    let chars: Vec<char> = needle.chars().collect();
    traceable(hay, needle) || go(hay, &chars, 3)
}

#[test]
fn every_sentence_is_in_the_article() {
    let article = squash(ARTICLE);
    let data = data::embedded().unwrap();
    for f in &data.figures {
        assert!(
            reassembled(&article, &squash(&f.sentence)),
            "{}: sentence not found in the article:\n{}",
            f.id,
            f.sentence
        );
        if f.is_derived() {
            // Its literal spells the printed parts ("16名+9名"); each is checked.
            continue;
        }
        assert!(article.contains(&squash(&f.literal)), "{}: literal {} not in the article", f.id, f.literal);
    }
}

#[test]
fn the_traceability_check_can_fail() {
    let article = squash(ARTICLE);
    assert!(!traceable(&article, "推动19万产业工人从"));
    assert!(traceable(&article, "推动18万产业工人从"));
    // Pieces must each be in the article, and there are at most three.
    assert!(reassembled(&article, "聚焦思想引领、技能提升、权益保障,推动18万"));
    assert!(!reassembled(&article, "聚焦思想引领、技能提升、权益保障,推动19万产业工人"));
}

#[test]
fn no_sentence_is_cut_at_a_column_break() {
    // A sentence ends where the article's does: on 。；; or the end of the page.
    let data = data::embedded().unwrap();
    let page_ends = ["有作", "优秀专业服务队20个", "贡献工会"];
    for f in &data.figures {
        let s = f.sentence.trim_end();
        let ends_well = s.ends_with(['。', ';', '；', '!', '！']) || page_ends.iter().any(|e| s.ends_with(e));
        assert!(ends_well, "{}: sentence ends mid-way: …{}", f.id, s.chars().rev().take(12).collect::<String>());
        assert!(!s.starts_with(['能', '的', ',', '、']), "{}: sentence starts mid-way: {s}", f.id);
    }
}

#[test]
fn person_time_figures_are_never_called_people() {
    let data = data::embedded().unwrap();
    let mut seen = 0;
    for f in data.figures.iter().filter(|f| f.unit == Unit::PersonTime) {
        seen += 1;
        let en = f.label.en.to_lowercase();
        assert!(en.contains("person-time") || en.contains("attendance"), "{}: {en}", f.id);
        for word in ["people", "workers served", "participants"] {
            assert!(!en.contains(word), "{}: a person-time figure called \"{word}\": {en}", f.id);
        }
        assert!(f.label.zh.contains("人次"), "{}: {}", f.id, f.label.zh);
    }
    assert!(seen >= 7, "only {seen} person-time figures");
}

#[test]
fn every_figure_has_a_translation_of_its_sentence() {
    let data = data::embedded().unwrap();
    for f in &data.figures {
        assert!(f.sentence_en.is_ascii() || f.sentence_en.chars().any(|c| c.is_ascii_alphabetic()), "{}", f.id);
        // A faithful translation keeps every number: the figure's own value is in it.
        let digits = ankang_graphic::format::plain_number(f.value);
        let grouped = ankang_graphic::format::figure(f, data::Lang::En);
        let core: String = grouped.chars().filter(|c| c.is_ascii_digit() || *c == '.' || *c == ',').collect();
        // Numbers the article spells in characters (一处) may be spelled in English.
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
        let spelled = !f.literal.chars().any(|c| c.is_ascii_digit())
            && words.get(f.value as usize).is_some_and(|w| f.sentence_en.contains(w));
        assert!(
            f.sentence_en.contains(&digits)
                || f.sentence_en.contains(core.trim_matches(','))
                || spelled
                || f.is_derived(),
            "{}: the translation does not carry {digits} ({grouped}): {}",
            f.id,
            f.sentence_en
        );
    }
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
    let printed = data.figures.iter().filter(|f| !f.is_derived()).count();
    let derived = data.figures.len() - printed;
    println!("figures in the data file: {printed} printed, {derived} derived");
    // Every figure of the article under the counting rule of README.md.
    assert_eq!(printed, 88, "the article's figures under the counting rule");
    assert_eq!(derived, 1);
}
