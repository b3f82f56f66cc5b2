//! What the graphic says in words: tooltips, live-region announcements and
//! the screen-reader descriptions of the map. Pure functions of the state.

use super::state::State;
use crate::data::{Lang, Metric};
use crate::format;
use crate::map::layout::not_reported;
use crate::map::metric;
use crate::text::{fill, text, Text};

fn sep(lang: Lang) -> &'static str {
    text(Text::Sep, lang)
}

/// A place's full name: from the data, or the marker's name.
pub fn place_name(state: &State, id: &str) -> String {
    let lang = state.view.lang;
    state
        .data
        .place(id)
        .map_or_else(|| state.data.marker_name(id, lang, false).to_owned(), |p| p.name.get(lang).to_owned())
}

/// The map tooltip: the place and what the current view shows for it.
pub fn map_tip(state: &State, id: &str) -> String {
    let lang = state.view.lang;
    let name = place_name(state, id);
    let Some(layout) = state.map.as_ref() else { return name };
    match layout.county(id) {
        Some(c) => {
            let value = c.value_text.clone().unwrap_or_else(|| not_reported(lang).to_owned());
            format!("{name} · {}{}{value}", metric::name(&state.data, state.metric, lang), sep(lang))
        }
        None => match layout.markers.iter().find(|m| m.place_id == id).and_then(|m| m.signature.as_ref()) {
            Some(sig) => format!("{name}{}{sig}", sep(lang)),
            None => name,
        },
    }
}

/// The live region's words after a selection changes.
pub fn selection(state: &State) -> String {
    let lang = state.view.lang;
    match &state.selected {
        Some(id) => fill(Text::Selected, lang, &[&map_tip(state, id)]),
        None => text(Text::DetailsClosed, lang).to_owned(),
    }
}

/// The map canvas's label for screen readers: the view and each place's value.
pub fn describe_map(state: &State) -> String {
    let lang = state.view.lang;
    let Some(layout) = state.map.as_ref() else { return String::new() };
    let overview = state.metric == Metric::Overview;
    let values: Vec<String> = layout
        .counties
        .iter()
        .map(|c| {
            let v = c.value_text.clone().unwrap_or_else(|| not_reported(lang).to_owned());
            match (lang, overview) {
                (_, true) => format!("{}{}{v}", c.name, sep(lang)),
                (Lang::Zh, false) => format!("{}{v}", c.name),
                (Lang::En, false) => format!("{} {v}", c.name),
            }
        })
        .collect();
    if overview {
        let zones = layout.markers.iter().filter_map(|m| {
            let sig = m.signature.as_ref()?;
            Some(format!("{}{}{sig}", place_name(state, &m.place_id), sep(lang)))
        });
        let all: Vec<String> = values.into_iter().chain(zones).collect();
        let joined = all.join(if lang == Lang::Zh { "；" } else { "; " });
        return fill(Text::DescribeOverview, lang, &[&joined]);
    }
    let name = match lang {
        Lang::Zh => metric::name(&state.data, state.metric, lang).to_owned(),
        Lang::En => metric::name(&state.data, state.metric, lang).to_ascii_lowercase(),
    };
    let joined = values.join(if lang == Lang::Zh { "，" } else { ", " });
    fill(Text::DescribeMetric, lang, &[&name, &joined])
}

/// What a chart's live region reads when the keyboard reaches figure `id`.
pub fn chart_figure(state: &State, id: &str) -> Option<String> {
    let lang = state.view.lang;
    let f = state.data.figure(id)?;
    let source = fill(Text::TranslationPrefix, lang, &[f.sentence_in(lang)]);
    Some(format!("{}{}{}. {source}", f.label.get(lang), sep(lang), format::figure(f, lang)))
}

/// Where the keyboard cursor's tooltip points on the map (CSS px).
pub fn anchor_of(state: &State, id: &str) -> (f64, f64) {
    let Some(layout) = state.map.as_ref() else { return (0.0, 0.0) };
    if let Some(m) = layout.markers.iter().find(|m| m.place_id == id) {
        return (m.x, m.y);
    }
    layout
        .labels
        .iter()
        .find(|l| l.key == id)
        .map(|l| (l.rect.x + l.rect.w / 2.0, l.rect.y + l.rect.h))
        .or_else(|| layout.probe_point(id, 0.0))
        .unwrap_or((0.0, 0.0))
}
