//! Which of the article's figures the map can colour counties by, and each
//! county's figure for a metric, if the article gives one.

use crate::data::{Dataset, Figure, Lang, Metric};
use crate::geo;

/// Every metric, in the order the switcher offers them.
pub const ALL: [Metric; 6] = [
    Metric::NewUnions,
    Metric::NewMembers,
    Metric::InsuranceClaims,
    Metric::PeopleHonoured,
    Metric::ServiceStations,
    Metric::Participants,
];

pub fn name(metric: Metric, lang: Lang) -> &'static str {
    match (metric, lang) {
        (Metric::NewUnions, Lang::Zh) => "新建工会",
        (Metric::NewUnions, Lang::En) => "New unions",
        (Metric::NewMembers, Lang::Zh) => "新增会员",
        (Metric::NewMembers, Lang::En) => "New members",
        (Metric::InsuranceClaims, Lang::Zh) => "互助保障理赔",
        (Metric::InsuranceClaims, Lang::En) => "Insurance claims",
        (Metric::PeopleHonoured, Lang::Zh) => "表彰人数",
        (Metric::PeopleHonoured, Lang::En) => "People honoured",
        (Metric::ServiceStations, Lang::Zh) => "服务站点",
        (Metric::ServiceStations, Lang::En) => "Service stations",
        (Metric::Participants, Lang::Zh) => "覆盖人数",
        (Metric::Participants, Lang::En) => "People reached",
    }
}

/// The id used in URLs ("new_unions").
pub fn id(metric: Metric) -> &'static str {
    match metric {
        Metric::NewUnions => "new_unions",
        Metric::NewMembers => "new_members",
        Metric::InsuranceClaims => "insurance_claims",
        Metric::PeopleHonoured => "people_honoured",
        Metric::ServiceStations => "service_stations",
        Metric::Participants => "participants",
    }
}

pub fn parse(text: &str) -> Option<Metric> {
    ALL.into_iter().find(|m| id(*m) == text)
}

/// The county's figure for `metric`, or None when the article gives none:
/// "not reported", which is never the same as zero.
pub fn county_figure(data: &Dataset, metric: Metric, adcode: u32) -> Option<&Figure> {
    let place = adcode.to_string();
    data.figures.iter().find(|f| f.metric == Some(metric) && f.place == place)
}

/// Metrics that at least two counties report: a map of one value compares nothing.
pub fn available(data: &Dataset) -> Vec<Metric> {
    ALL.into_iter()
        .filter(|m| {
            geo::BOUNDARY_COUNTIES.iter().filter(|(code, _, _)| county_figure(data, *m, *code).is_some()).count() >= 2
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_county_without_the_figure_is_not_reported_not_zero() {
        let data = crate::data::embedded().unwrap();
        // Pingli's paragraph gives no count of new unions.
        assert!(county_figure(&data, Metric::NewUnions, 610926).is_none());
        let hanbin = county_figure(&data, Metric::NewUnions, 610902).unwrap();
        assert_eq!(hanbin.value, 38.0);
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
