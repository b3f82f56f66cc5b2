//! The typed model of the data file. Everything here is plain data; loading
//! and checking live in `load` and `validate`.

use serde::{Deserialize, Serialize};

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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    City,
    County,
    Zone,
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
}

/// How the article qualifies a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The article states the number plainly.
    Exact,
    /// 余 / 多 / 超: "more than".
    MoreThan,
    /// 不少于: "at least".
    AtLeast,
}

/// What a value counts. Base units only (yuan, not 万元).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
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

/// Figures comparable across counties, for the map's metric switcher.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    NewUnions,
    NewMembers,
    InsuranceClaims,
    PeopleHonoured,
    ServiceStations,
    Participants,
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
    /// The article sentence the figure comes from, verbatim.
    pub sentence: String,
    pub metric: Option<Metric>,
}

/// The whole data file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dataset {
    pub meta: Meta,
    pub themes: Vec<Theme>,
    pub places: Vec<Place>,
    pub figures: Vec<Figure>,
}

impl Dataset {
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    pub fn figures_of<'a>(&'a self, place_id: &'a str) -> impl Iterator<Item = &'a Figure> + 'a {
        self.figures.iter().filter(move |f| f.place == place_id)
    }
}
