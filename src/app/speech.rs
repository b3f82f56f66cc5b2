//! What the graphic says in words: tooltips, live-region announcements and
//! the screen-reader descriptions of the map. Pure functions of the state.

use super::state::State;
use crate::data::{Lang, Metric};
use crate::format;
use crate::map::layout::{marker_name, not_reported};
use crate::map::metric;

fn sep(lang: Lang) -> &'static str {
    if lang == Lang::Zh {
        "："
    } else {
        ": "
    }
}

/// A place's full name: from the data, or the marker's name.
pub fn place_name(state: &State, id: &str) -> String {
    let lang = state.view.lang;
    state.data.place(id).map_or_else(|| marker_name(id, lang, false).to_owned(), |p| p.name.get(lang).to_owned())
}

/// The map tooltip: the place and what the current view shows for it.
pub fn map_tip(state: &State, id: &str) -> String {
    let lang = state.view.lang;
    let name = place_name(state, id);
    let Some(layout) = state.map.as_ref() else { return name };
    match layout.county(id) {
        Some(c) => {
            let value = c.value_text.clone().unwrap_or_else(|| not_reported(lang).to_owned());
            format!("{name} · {}{}{value}", metric::name(state.metric, lang), sep(lang))
        }
        None => match layout.markers.iter().find(|m| m.place_id == id).and_then(|m| m.signature.as_ref()) {
            Some(sig) => format!("{name}{}{sig}", sep(lang)),
            None => name,
        },
    }
}

/// The live region's words after a selection changes.
pub fn selection(state: &State) -> String {
    match (&state.selected, state.view.lang) {
        (Some(id), Lang::Zh) => format!("已选择{}。", map_tip(state, id)),
        (Some(id), Lang::En) => format!("Selected {}.", map_tip(state, id)),
        (None, Lang::Zh) => "已关闭详情。".to_owned(),
        (None, Lang::En) => "Details closed.".to_owned(),
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
        return match lang {
            Lang::Zh => format!("安康市县区地图，各县区一项文中所报的做法：{}。方向键选择，回车查看全部数字。", all.join("；")),
            Lang::En => format!(
                "Map of Ankang's counties, each with one initiative the article reports: {}. Arrow keys choose a place, Enter shows all its figures.",
                all.join("; ")
            ),
        };
    }
    match lang {
        Lang::Zh => format!(
            "安康市县区地图，按“{}”着色：{}。方向键选择县区，回车查看详情。",
            metric::name(state.metric, lang),
            values.join("，")
        ),
        Lang::En => format!(
            "Map of Ankang's counties coloured by {}: {}. Arrow keys choose a county, Enter shows its details.",
            metric::name(state.metric, lang).to_ascii_lowercase(),
            values.join(", ")
        ),
    }
}

/// What a chart's live region reads when the keyboard reaches figure `id`.
pub fn chart_figure(state: &State, id: &str) -> Option<String> {
    let lang = state.view.lang;
    let f = state.data.figure(id)?;
    let source = match lang {
        Lang::Zh => format!("原文：{}", f.sentence),
        Lang::En => format!("Article, our translation: {}", f.sentence_en),
    };
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
