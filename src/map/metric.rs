//! Which of the article's figures the map can colour counties by, and each
//! county's figure for a metric, if the article gives one.

use crate::data::{Dataset, Figure, Lang, Metric};
use crate::geo;

/// Every view, in the order the switcher offers them: the overview first.
pub const ALL: [Metric; 7] = Metric::ALL;

pub fn name(metric: Metric, lang: Lang) -> &'static str {
    match (metric, lang) {
        (Metric::Overview, Lang::Zh) => "各县区一览",
        (Metric::Overview, Lang::En) => "Overview",
        (Metric::NewUnions, Lang::Zh) => "新建工会",
        (Metric::NewUnions, Lang::En) => "New unions",
        (Metric::NewMembers, Lang::Zh) => "新增会员",
        (Metric::NewMembers, Lang::En) => "New members",
        (Metric::InsuranceClaims, Lang::Zh) => "互助保险理赔人次",
        (Metric::InsuranceClaims, Lang::En) => "Insurance claims",
        (Metric::PeopleHonoured, Lang::Zh) => "劳模和先进工作者",
        (Metric::PeopleHonoured, Lang::En) => "Model & advanced workers",
        (Metric::ServiceStations, Lang::Zh) => "工会驿站",
        (Metric::ServiceStations, Lang::En) => "Union stations",
        (Metric::Attendances, Lang::Zh) => "活动参与人次",
        (Metric::Attendances, Lang::En) => "Activity attendances",
    }
}

/// The metric's unit and how it is counted, for its legend: a reader must
/// know what a darker county has more of.
pub fn counting(metric: Metric, lang: Lang) -> &'static str {
    match (metric, lang) {
        (Metric::Overview, Lang::Zh) => "每个县区：文中所报的一项做法；点击查看全部数字与原文",
        (Metric::Overview, Lang::En) => {
            "One initiative from each place's paragraph; select a place for all its figures"
        }
        (Metric::NewUnions, Lang::Zh) => "单位：个（工会组织），各县所报时段不一",
        (Metric::NewUnions, Lang::En) => "Unions set up, in organisations; periods differ by county",
        (Metric::NewMembers, Lang::Zh) => "单位：人（新发展的会员），各县所报时段不一",
        (Metric::NewMembers, Lang::En) => "New union members, in people; periods differ by county",
        (Metric::InsuranceClaims, Lang::Zh) => "单位：人次（一人多次理赔计多次），不是人数",
        (Metric::InsuranceClaims, Lang::En) => "In person-times: one person claiming twice counts twice",
        (Metric::PeopleHonoured, Lang::Zh) => "单位：人；宁陕为劳模16名与先进工作者9名之和（计算值）",
        (Metric::PeopleHonoured, Lang::En) => "In people; Ningshan's is 16 model + 9 advanced workers, added by us",
        (Metric::ServiceStations, Lang::Zh) => "单位：处（工会驿站）",
        (Metric::ServiceStations, Lang::En) => "Union rest stations, counted one by one",
        (Metric::Attendances, Lang::Zh) => "单位：人次（参与次数），不是人数",
        (Metric::Attendances, Lang::En) => "In person-times (attendances), not people",
    }
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
    let place = adcode.to_string();
    data.figures.iter().find(|f| f.metric == Some(metric) && f.place == place)
}

/// The overview, then the metrics that at least two counties report: a map
/// of one value compares nothing.
pub fn available(data: &Dataset) -> Vec<Metric> {
    ALL.into_iter()
        .filter(|m| {
            *m == Metric::Overview
                || geo::BOUNDARY_COUNTIES.iter().filter(|(code, _, _)| county_figure(data, *m, *code).is_some()).count()
                    >= 2
        })
        .collect()
}

/// What the overview shows for a place: its signature initiative.
pub fn signature(data: &Dataset, place_id: &str, lang: Lang) -> Option<String> {
    data.place(place_id).map(|p| p.signature.get(lang).to_owned())
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
