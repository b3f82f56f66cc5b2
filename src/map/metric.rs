//! Which of the article's figures the map can colour counties by, and each
//! county's figure for a metric, if the article gives one.

use crate::data::{Dataset, Figure, Lang, Metric};
use crate::geo;

/// Every view, in the order the switcher offers them: the overview first.
pub const ALL: [Metric; 7] = Metric::ALL;

/// The view's name, from the data.
pub fn name(data: &Dataset, metric: Metric, lang: Lang) -> &str {
    data.metric_name(metric, lang)
}

/// The view's unit and how it is counted, for its legend (from the data): a
/// reader must know what a darker county has more of.
pub fn counting(data: &Dataset, metric: Metric, lang: Lang) -> &str {
    data.metric_counting(metric, lang)
}

/// The id used in URLs ("new_unions").
pub fn id(metric: Metric) -> &'static str {
    metric.id()
}

pub fn parse(text: &str) -> Option<Metric> {
    Metric::parse(text)
}

/// The county's figure for `metric`, or None when the article gives none:
/// "not reported", which is never the same as zero.
pub fn county_figure(data: &Dataset, metric: Metric, adcode: u32) -> Option<&Figure> {
    data.figures.iter().find(|f| f.metric == Some(metric) && is_county(&f.place, adcode))
}

/// Whether a figure's place is the county `adcode`: its id is the code in
/// decimal. Compared digit by digit, with no string built per figure.
pub(crate) fn is_county(place: &str, adcode: u32) -> bool {
    let mut rest = adcode;
    let mut digits = place.bytes().rev();
    loop {
        match digits.next() {
            Some(d) if d == b'0' + (rest % 10) as u8 => rest /= 10,
            Some(_) => return false,
            None => return false,
        }
        if rest == 0 {
            return digits.next().is_none();
        }
    }
}

/// The overview, then the metrics that at least two counties report: a map
/// of one value compares nothing. The count stops at the second county.
pub fn available(data: &Dataset) -> Vec<Metric> {
    let reporting =
        |m: Metric| geo::BOUNDARY_COUNTIES.iter().filter(move |(code, _, _)| county_figure(data, m, *code).is_some());
    ALL.into_iter().filter(|m| *m == Metric::Overview || reporting(*m).nth(1).is_some()).collect()
}

/// What the overview shows for a place: its signature initiative.
pub fn signature(data: &Dataset, place_id: &str, lang: Lang) -> Option<String> {
    data.place(place_id).map(|p| p.signature.get(lang).to_owned())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_county_id_is_its_code_in_decimal_exactly() {
        for (place, code, same) in [
            ("610902", 610902, true),
            ("610902", 610903, false),
            ("0610902", 610902, false),
            ("+610902", 610902, false),
            ("10902", 610902, false),
            ("6109020", 610902, false),
            ("", 610902, false),
            ("city", 610902, false),
        ] {
            assert_eq!(is_county(place, code), same, "{place} {code}");
            assert_eq!(is_county(place, code), place == code.to_string(), "{place} {code}");
        }
    }

    #[test]
    fn a_county_without_the_figure_is_not_reported_not_zero() {
        let data = crate::data::embedded().unwrap();
        // Pingli's paragraph gives no count of new unions.
        assert!(county_figure(&data, Metric::NewUnions, 610926).is_none());
        let hanbin = county_figure(&data, Metric::NewUnions, 610902).unwrap();
        assert_eq!(hanbin.value, 38.0);
    }

    #[test]
    fn every_place_shows_something_in_the_first_view() {
        let data = crate::data::embedded().unwrap();
        assert_eq!(available(&data)[0], Metric::Overview, "the overview is the first view");
        // 10 counties and 2 zones; the overview names no figure, so nothing is "not reported".
        let places: Vec<_> = data.places.iter().filter(|p| p.id != "city").collect();
        assert_eq!(places.len(), 12);
        for p in places {
            for lang in [Lang::Zh, Lang::En] {
                let text = signature(&data, &p.id, lang).unwrap();
                assert!(!text.trim().is_empty(), "{} has nothing in the overview", p.id);
                // Short enough for a map label at 320 px.
                assert!(crate::layout::text::width(&text, 10.5, false) <= 110.0, "{}: {text}", p.id);
            }
        }
        for (code, _, _) in geo::BOUNDARY_COUNTIES {
            assert!(county_figure(&data, Metric::Overview, *code).is_none());
        }
    }

    #[test]
    fn available_metrics_have_two_or_more_counties_and_round_trip() {
        let data = crate::data::embedded().unwrap();
        let metrics = available(&data);
        assert!(metrics.len() >= 4, "{metrics:?}");
        for m in metrics {
            assert_eq!(parse(id(m)), Some(m));
        }
        assert_eq!(parse("bogus"), None);
    }
}
