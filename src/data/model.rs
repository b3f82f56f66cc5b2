//! The typed model of the data file. Everything here is plain data; loading
//! and checking live in `load` and `validate`.

use serde::{Deserialize, Deserializer, Serialize};

use super::names;

/// The two reading languages of the graphic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Parses "zh" / "en" (and the common "zh-CN", "en-GB" forms).
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        if code == "zh" || code.starts_with("zh-") {
            Some(Lang::Zh)
        } else if code == "en" || code.starts_with("en-") {
            Some(Lang::En)
        } else {
            None
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct I18n {
    pub zh: String,
    pub en: String,
}

impl I18n {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: I18n,
    pub subtitle: I18n,
    pub standfirst: I18n,
    /// ISO date of the printed page, YYYY-MM-DD.
    pub date: String,
    pub source: I18n,
    pub credits: I18n,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub name: I18n,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    City,
    County,
    Zone,
}

impl PlaceKind {
    pub(super) const ALL: [PlaceKind; 3] = [PlaceKind::City, PlaceKind::County, PlaceKind::Zone];
    pub(super) const NAMES: [&'static str; 3] = ["city", "county", "zone"];
}

impl<'de> Deserialize<'de> for PlaceKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        names::decode(d, "PlaceKind", &PlaceKind::NAMES).map(|i| PlaceKind::ALL[i])
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// "city", a county's adcode as a string, or a zone id.
    pub id: String,
    pub kind: PlaceKind,
    pub adcode: Option<u32>,
    pub name: I18n,
    /// One line summing up the place's paragraph.
    pub summary: I18n,
    /// A few words for the initiative its paragraph leads with, shown on the
    /// map's first view so that every place says something there.
    pub signature: I18n,
    /// For the places the map shows as a marker (the city seat, the zones):
    /// the marker's label and its line in the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<MarkerNames>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MarkerNames {
    /// On the map, beside the marker: "恒口".
    pub short: I18n,
    /// In the key below the map: "恒口示范区（位置示意）".
    pub key: I18n,
}

/// What a view of the map shows, in words, and the unit it counts in.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MetricDef {
    pub id: Metric,
    /// On its switch, in its legend and its bars' caption.
    pub name: I18n,
    /// The legend's line on its unit and how it is counted.
    pub counting: I18n,
    /// The one unit its figures are counted in; null for the overview.
    pub unit: Option<Unit>,
}

/// How the article qualifies a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The article states the number plainly.
    Exact,
    /// 余 / 多 / 超: "more than".
    MoreThan,
    /// 不少于: "at least".
    AtLeast,
}

impl Qualifier {
    pub(super) const ALL: [Qualifier; 3] = [Qualifier::Exact, Qualifier::MoreThan, Qualifier::AtLeast];
    pub(super) const NAMES: [&'static str; 3] = ["exact", "more_than", "at_least"];

    /// Its name in the data file ("more_than").
    pub fn id(self) -> &'static str {
        Qualifier::NAMES[self as usize]
    }
}

impl<'de> Deserialize<'de> for Qualifier {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        names::decode(d, "Qualifier", &Qualifier::NAMES).map(|i| Qualifier::ALL[i])
    }
}

/// What a value counts. Base units only (yuan, not 万元).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Person,
    PersonTime,
    Yuan,
    Percent,
    Organisation,
    Session,
    Item,
    Station,
    Mu,
    Tree,
    SquareMetre,
    Minute,
    Year,
    Township,
    Trip,
    Category,
    Trade,
    Issue,
    Work,
}

impl Unit {
    pub(super) const ALL: [Unit; 19] = [
        Unit::Person,
        Unit::PersonTime,
        Unit::Yuan,
        Unit::Percent,
        Unit::Organisation,
        Unit::Session,
        Unit::Item,
        Unit::Station,
        Unit::Mu,
        Unit::Tree,
        Unit::SquareMetre,
        Unit::Minute,
        Unit::Year,
        Unit::Township,
        Unit::Trip,
        Unit::Category,
        Unit::Trade,
        Unit::Issue,
        Unit::Work,
    ];
    pub(super) const NAMES: [&'static str; 19] = [
        "person",
        "person_time",
        "yuan",
        "percent",
        "organisation",
        "session",
        "item",
        "station",
        "mu",
        "tree",
        "square_metre",
        "minute",
        "year",
        "township",
        "trip",
        "category",
        "trade",
        "issue",
        "work",
    ];

    /// Its name in the data file ("person_time").
    pub fn id(self) -> &'static str {
        Unit::NAMES[self as usize]
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        names::decode(d, "Unit", &Unit::NAMES).map(|i| Unit::ALL[i])
    }
}

/// Figures comparable across counties, for the map's metric switcher. A
/// metric compares like with like: every figure in it has the metric's unit
/// and is counted the same way (validation enforces the unit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Not a figure's metric but the map's first view: each place with its
    /// signature initiative, so no place shows only as "not reported".
    Overview,
    /// Unions newly set up (organisations).
    NewUnions,
    /// Union members newly recruited (people).
    NewMembers,
    /// Mutual-insurance claims handled, in person-times (人次).
    InsuranceClaims,
    /// Model workers and advanced workers named at county level (people).
    PeopleHonoured,
    /// Union stations (驿站) built or run (stations).
    ServiceStations,
    /// Worker attendances at union activities, in person-times (人次).
    Attendances,
}

impl Metric {
    /// Every view, in the order the switcher offers them: the overview first.
    pub const ALL: [Metric; 7] = [
        Metric::Overview,
        Metric::NewUnions,
        Metric::NewMembers,
        Metric::InsuranceClaims,
        Metric::PeopleHonoured,
        Metric::ServiceStations,
        Metric::Attendances,
    ];

    /// The ids used in the data, URLs and host events, in `ALL`'s order.
    pub(super) const NAMES: [&'static str; 7] = [
        "overview",
        "new_unions",
        "new_members",
        "insurance_claims",
        "people_honoured",
        "service_stations",
        "attendances",
    ];

    /// The id used in the data, URLs and host events ("new_unions").
    pub fn id(self) -> &'static str {
        Metric::NAMES[self as usize]
    }

    pub fn parse(text: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.id() == text)
    }
}

impl<'de> Deserialize<'de> for Metric {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        names::decode(d, "Metric", &Metric::NAMES).map(|i| Metric::ALL[i])
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Stable id, `<place-slug>.<what>`.
    pub id: String,
    /// A `Place::id`.
    pub place: String,
    /// A `Theme::id`.
    pub theme: String,
    /// The value in base units.
    pub value: f64,
    /// The number phrase as printed, e.g. "1.2万余".
    pub literal: String,
    pub unit: Unit,
    pub qualifier: Qualifier,
    pub label: I18n,
    /// A label for charts whose heading already says the rest ("省级" under
    /// 创新工作室), or that add what the number counts ("（年）").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_label: Option<I18n>,
    /// The article sentence the figure comes from, verbatim.
    pub sentence: String,
    /// Our English translation of `sentence`: faithful, nothing added. Shown
    /// to English readers as a translation, with the original behind it.
    pub sentence_en: String,
    pub metric: Option<Metric>,
    /// A figure the article does not print but that is the sum of figures it
    /// does (Ningshan's 16 model workers + 9 advanced workers): the ids of the
    /// parts. Shown as derived, never as a printed number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<Vec<String>>,
}

impl Figure {
    /// The sentence a reader of `lang` is shown: the original in Chinese, our
    /// translation in English.
    pub fn sentence_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.sentence,
            Lang::En => &self.sentence_en,
        }
    }

    /// The chart label: the short one where the data gives it.
    pub fn chart_label(&self, lang: Lang) -> &str {
        self.short_label.as_ref().unwrap_or(&self.label).get(lang)
    }

    pub fn is_derived(&self) -> bool {
        self.derived.is_some()
    }
}

/// The whole data file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dataset {
    pub meta: Meta,
    pub themes: Vec<Theme>,
    pub places: Vec<Place>,
    pub metrics: Vec<MetricDef>,
    pub figures: Vec<Figure>,
}

impl Dataset {
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// The definition of view `m` (validation guarantees there is one).
    pub fn metric_def(&self, m: Metric) -> Option<&MetricDef> {
        self.metrics.iter().find(|d| d.id == m)
    }

    pub fn metric_name(&self, m: Metric, lang: Lang) -> &str {
        self.metric_def(m).map_or("", |d| d.name.get(lang))
    }

    pub fn metric_counting(&self, m: Metric, lang: Lang) -> &str {
        self.metric_def(m).map_or("", |d| d.counting.get(lang))
    }

    /// A marker's label (`short`) or its line in the key, for place `id`.
    pub fn marker_name<'a>(&'a self, id: &'a str, lang: Lang, short: bool) -> &'a str {
        let names = self.place(id).and_then(|p| p.marker.as_ref());
        names.map_or(id, |n| if short { n.short.get(lang) } else { n.key.get(lang) })
    }

    pub fn figures_of<'a>(&'a self, place_id: &'a str) -> impl Iterator<Item = &'a Figure> + 'a {
        self.figures.iter().filter(move |f| f.place == place_id)
    }
}
