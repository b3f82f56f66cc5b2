//! Checks that hold the data file to the article: every reference resolves,
//! every value is finite and agrees with the phrase the article printed.

use super::error::{DataError, ErrorKind as K};
use super::literal::{implied_qualifier, stated_value};
use super::load::indexed;
use super::model::{Dataset, Figure, I18n, Metric, Place, PlaceKind, Unit};
use crate::geo;
use crate::number::plain_number;

/// `field` + "." + `name`: the field of an item ("figures[3].unit"), joined
/// without `format!`'s machinery at each of the many places that name one.
fn sub(field: &str, name: &str) -> String {
    let mut out = String::with_capacity(field.len() + 1 + name.len());
    out.push_str(field);
    out.push('.');
    out.push_str(name);
    out
}

/// The ids (or pairs) a list has had so far, searched in order: the lists
/// are short (under a hundred figures), and std's HashSet would bring
/// SipHash, its random keys and hashbrown's insert into the module for these
/// four sets alone.
struct Seen<T>(Vec<T>);

impl<T> Default for Seen<T> {
    fn default() -> Self {
        Seen(Vec::new())
    }
}

impl<T: PartialEq> Seen<T> {
    /// Adds `item`; false when it was there already (as `HashSet::insert`).
    fn insert(&mut self, item: T) -> bool {
        if self.0.contains(&item) {
            return false;
        }
        self.0.push(item);
        true
    }

    fn contains(&self, item: &T) -> bool {
        self.0.contains(item)
    }
}

/// Returns the first problem found, in file order.
pub fn validate(data: &Dataset) -> Result<(), DataError> {
    check_meta(data)?;
    let mut theme_ids = Seen::default();
    for (i, theme) in data.themes.iter().enumerate() {
        let field = indexed("themes", i);
        check_id(&theme.id, &field)?;
        if !theme_ids.insert(theme.id.as_str()) {
            return Err(DataError::new(K::DuplicateId, Some(&theme.id), sub(&field, "id"), "theme id used twice"));
        }
        check_text(&theme.name, Some(&theme.id), &sub(&field, "name"))?;
    }
    let mut place_ids = Seen::default();
    for (i, place) in data.places.iter().enumerate() {
        let field = indexed("places", i);
        if !place_ids.insert(place.id.as_str()) {
            return Err(DataError::new(K::DuplicateId, Some(&place.id), sub(&field, "id"), "place id used twice"));
        }
        check_place(place, &field)?;
    }
    for (adcode, zh, _) in geo::BOUNDARY_COUNTIES {
        if !data.places.iter().any(|p| p.adcode == Some(*adcode)) {
            return Err(DataError::new(
                K::CountyMissing,
                Some(&adcode.to_string()),
                "places",
                format!("the boundary file has {zh} ({adcode}) but no place entry does"),
            ));
        }
    }
    check_metrics(data)?;
    let mut figure_ids = Seen::default();
    let mut metrics = Seen::default();
    for (i, figure) in data.figures.iter().enumerate() {
        let field = indexed("figures", i);
        check_id(&figure.id, &field)?;
        if !figure_ids.insert(figure.id.as_str()) {
            return Err(DataError::new(K::DuplicateId, Some(&figure.id), sub(&field, "id"), "figure id used twice"));
        }
        if !place_ids.contains(&figure.place.as_str()) {
            let detail = format!("no place has id \"{}\"", figure.place);
            return Err(DataError::new(K::UnknownPlace, Some(&figure.id), sub(&field, "place"), detail));
        }
        if !theme_ids.contains(&figure.theme.as_str()) {
            let detail = format!("no theme has id \"{}\"", figure.theme);
            return Err(DataError::new(K::UnknownTheme, Some(&figure.id), sub(&field, "theme"), detail));
        }
        if let Some(metric) = figure.metric {
            if !metrics.insert((figure.place.as_str(), metric)) {
                let detail = format!("{} already has a figure for metric {metric:?}", figure.place);
                return Err(DataError::new(K::DuplicateMetric, Some(&figure.id), sub(&field, "metric"), detail));
            }
            let Some(unit) = data.metric_def(metric).and_then(|d| d.unit) else {
                let detail = "the overview is a view of the map, not a metric a figure can belong to";
                return Err(DataError::new(K::MetricUnit, Some(&figure.id), sub(&field, "metric"), detail));
            };
            if figure.unit != unit {
                let detail = format!(
                    "metric {metric:?} counts {unit:?} only, but this figure counts {:?}: unlike things on one scale",
                    figure.unit
                );
                return Err(DataError::new(K::MetricUnit, Some(&figure.id), sub(&field, "unit"), detail));
            }
        }
        check_figure(figure, &field)?;
    }
    for (i, figure) in data.figures.iter().enumerate() {
        if let Some(parts) = &figure.derived {
            check_derived(data, figure, parts, &indexed("figures", i))?;
        }
    }
    Ok(())
}

/// Every view of the map is defined once, with its words in both languages;
/// the overview counts nothing, every other view one unit.
fn check_metrics(data: &Dataset) -> Result<(), DataError> {
    for m in Metric::ALL {
        let defs: Vec<usize> = (0..data.metrics.len()).filter(|&i| data.metrics[i].id == m).collect();
        let Some(&i) = defs.first() else {
            let detail = format!("no definition of the map view \"{}\"", m.id());
            return Err(DataError::new(K::Shape, Some(m.id()), "metrics", detail));
        };
        let field = indexed("metrics", i);
        if defs.len() > 1 {
            return Err(DataError::new(K::DuplicateId, Some(m.id()), sub(&field, "id"), "view defined twice"));
        }
        let def = &data.metrics[i];
        check_text(&def.name, Some(m.id()), &sub(&field, "name"))?;
        check_text(&def.counting, Some(m.id()), &sub(&field, "counting"))?;
        if def.unit.is_some() == (m == Metric::Overview) {
            let detail = "the overview counts nothing (unit null); every other view counts one unit";
            return Err(DataError::new(K::MetricUnit, Some(m.id()), sub(&field, "unit"), detail));
        }
    }
    Ok(())
}

/// A derived figure is the sum of printed figures of its own place and unit,
/// and its literal spells the sum out ("16名+9名"), so it never passes for a
/// printed number.
fn check_derived(data: &Dataset, figure: &Figure, parts: &[String], field: &str) -> Result<(), DataError> {
    let id = Some(figure.id.as_str());
    let fail = |detail: String| Err(DataError::new(K::DerivedParts, id, sub(field, "derived"), detail));
    if parts.len() < 2 {
        return fail("a derived figure names at least two parts".to_owned());
    }
    let mut sum = 0.0;
    let mut literals = Vec::new();
    for part_id in parts {
        let Some(part) = data.figure(part_id) else {
            return fail(format!("no figure has id \"{part_id}\""));
        };
        if part.is_derived() || part.place != figure.place || part.unit != figure.unit {
            return fail(format!("part \"{part_id}\" is derived itself, or of another place or unit"));
        }
        if part.qualifier != figure.qualifier {
            return fail(format!("part \"{part_id}\" is qualified otherwise than the sum"));
        }
        sum += part.value;
        literals.push(part.literal.as_str());
    }
    if (sum - figure.value).abs() > 1e-9 * sum.abs().max(1.0) {
        return fail(format!("the parts add up to {}, not {}", plain_number(sum), plain_number(figure.value)));
    }
    let spelled = literals.join("+");
    if figure.literal != spelled {
        return fail(format!("the literal of a derived figure spells its parts: \"{spelled}\""));
    }
    Ok(())
}

fn check_meta(data: &Dataset) -> Result<(), DataError> {
    let meta = &data.meta;
    for (name, text) in [
        ("title", &meta.title),
        ("subtitle", &meta.subtitle),
        ("standfirst", &meta.standfirst),
        ("source", &meta.source),
        ("credits", &meta.credits),
    ] {
        check_text(text, None, &sub("meta", name))?;
    }
    if !is_iso_date(&meta.date) {
        let detail = format!("\"{}\" is not a date of the form YYYY-MM-DD", meta.date);
        return Err(DataError::new(K::BadDate, None, "meta.date", detail));
    }
    Ok(())
}

fn is_iso_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return false;
    }
    let (m, d): (u32, u32) = (m.parse().unwrap_or(0), d.parse().unwrap_or(0));
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// Ids are short ascii words joined by dots, so they are safe in URLs and CSV.
fn check_id(id: &str, field: &str) -> Result<(), DataError> {
    let ok = !id.is_empty()
        && id.split('.').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        });
    if ok {
        Ok(())
    } else {
        let detail = format!("\"{id}\" is not an id (lowercase letters, digits, _ and .)");
        Err(DataError::new(K::BadId, Some(id), sub(field, "id"), detail))
    }
}

fn check_text(text: &I18n, id: Option<&str>, field: &str) -> Result<(), DataError> {
    for (lang, value) in [("zh", &text.zh), ("en", &text.en)] {
        if value.trim().is_empty() {
            return Err(DataError::new(K::EmptyText, id, sub(field, lang), "empty text"));
        }
    }
    Ok(())
}

fn check_place(place: &Place, field: &str) -> Result<(), DataError> {
    let id = Some(place.id.as_str());
    check_text(&place.name, id, &sub(field, "name"))?;
    check_text(&place.summary, id, &sub(field, "summary"))?;
    check_text(&place.signature, id, &sub(field, "signature"))?;
    // The city and the zones are drawn as markers, so they need the markers' names.
    match (&place.marker, place.kind) {
        (Some(names), _) => {
            check_text(&names.short, id, &sub(field, "marker.short"))?;
            check_text(&names.key, id, &sub(field, "marker.key"))?;
        }
        (None, PlaceKind::City | PlaceKind::Zone) => {
            let detail = "the city and the zones are map markers and need their names (marker.short, marker.key)";
            return Err(DataError::new(K::Shape, id, sub(field, "marker"), detail));
        }
        (None, PlaceKind::County) => {}
    }
    let adcode_field = sub(field, "adcode");
    match (place.kind, place.adcode) {
        (PlaceKind::County, Some(code)) => {
            if place.id != code.to_string() {
                let detail = format!("a county's id must be its adcode ({code})");
                return Err(DataError::new(K::AdcodeMismatch, id, sub(field, "id"), detail));
            }
            if !geo::has_county(code) {
                let detail = format!("{code} is not a county in the boundary file");
                return Err(DataError::new(K::CountyNotInBoundaries, id, adcode_field, detail));
            }
        }
        (PlaceKind::County, None) => {
            return Err(DataError::new(K::AdcodeMismatch, id, adcode_field, "a county needs an adcode"));
        }
        (PlaceKind::Zone, Some(_)) => {
            let detail = "a zone has no adcode of its own (use null)";
            return Err(DataError::new(K::AdcodeMismatch, id, adcode_field, detail));
        }
        (PlaceKind::City | PlaceKind::Zone, _) => {}
    }
    Ok(())
}

/// The counting rules: 人次 is its own unit, and a number that is part of a
/// name is not a figure (README, "The data").
fn check_counting(figure: &Figure, field: &str) -> Result<(), DataError> {
    let id = Some(figure.id.as_str());
    let person_times = figure.literal.contains("人次");
    if person_times != (figure.unit == Unit::PersonTime) {
        let detail = format!(
            "\"{}\" is counted in {}, so the unit must {}be person_time",
            figure.literal,
            if person_times { "person-times (人次)" } else { "something other than 人次" },
            if person_times { "" } else { "not " }
        );
        return Err(DataError::new(K::PersonTimeUnit, id, sub(field, "unit"), detail));
    }
    let digits: String = figure.literal.chars().filter(|c| !c.is_whitespace()).collect();
    // "八大", "六大": the N大 designations of policy (八大产业链, 六大平台).
    if digits.ends_with('大') || in_quoted_name(figure) {
        let detail = format!("\"{}\" is part of a name in the sentence, not a count or amount", figure.literal);
        return Err(DataError::new(K::NotAFigure, id, sub(field, "literal"), detail));
    }
    Ok(())
}

/// True when the literal is a span of time inside a quoted name, like the
/// “15分钟服务圈”: the plan's name, not a measured reach.
fn in_quoted_name(figure: &Figure) -> bool {
    if !matches!(figure.unit, Unit::Minute | Unit::Year) {
        return false;
    }
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let (sentence, literal) = (squash(&figure.sentence), squash(&figure.literal));
    sentence.match_indices(&literal).any(|(at, _)| {
        let before = sentence[..at].chars().next_back();
        matches!(before, Some('"' | '“' | '《'))
    })
}

fn check_figure(figure: &Figure, field: &str) -> Result<(), DataError> {
    let id = Some(figure.id.as_str());
    let value_field = sub(field, "value");
    if !figure.value.is_finite() {
        return Err(DataError::new(K::NotFinite, id, value_field, "value is not a finite number"));
    }
    if figure.value < 0.0 {
        return Err(DataError::new(
            K::Negative,
            id,
            value_field,
            format!("{} is negative", plain_number(figure.value)),
        ));
    }
    check_text(&figure.label, id, &sub(field, "label"))?;
    if figure.sentence_en.trim().is_empty() {
        let detail = "the sentence has no English translation";
        return Err(DataError::new(K::MissingTranslation, id, sub(field, "sentence_en"), detail));
    }
    check_counting(figure, field)?;
    if figure.is_derived() {
        // Checked against its parts once every figure is read.
        return Ok(());
    }
    let implied = implied_qualifier(&figure.literal);
    if implied != figure.qualifier {
        let detail = format!(
            "the article prints \"{}\", which means {implied:?}, but the qualifier says {:?}",
            figure.literal, figure.qualifier
        );
        return Err(DataError::new(K::QualifierMismatch, id, sub(field, "qualifier"), detail));
    }
    match stated_value(&figure.literal) {
        Some(stated) if (stated - figure.value).abs() <= 1e-9 * stated.abs().max(1.0) => {}
        Some(stated) => {
            let detail = format!(
                "\"{}\" states {}, but value is {}",
                figure.literal,
                plain_number(stated),
                plain_number(figure.value)
            );
            return Err(DataError::new(K::ValueMismatch, id, value_field, detail));
        }
        None => {
            let detail = format!("\"{}\" holds no number", figure.literal);
            return Err(DataError::new(K::ValueMismatch, id, sub(field, "literal"), detail));
        }
    }
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    if !squash(&figure.sentence).contains(&squash(&figure.literal)) {
        let detail = format!("\"{}\" does not occur in the sentence", figure.literal);
        return Err(DataError::new(K::LiteralNotInSentence, id, sub(field, "sentence"), detail));
    }
    Ok(())
}
