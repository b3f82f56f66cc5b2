//! The keyboard's tours (the map's places, a chart's numbers) and the URL
//! hash applied to the state.

use super::effects::{Effects, MapTip, Paint, Tip};
use super::msg::Key;
use super::speech;
use super::state::{Hover, State};
use super::update::{select, set_lang, set_metric, set_theme, From};
use crate::charts::{reading_order, tour_step};
use crate::deeplink;

pub(super) fn map_key(state: &mut State, key: Key, on_canvas: bool, fx: &mut Effects) {
    match key {
        Key::Next | Key::Previous | Key::First | Key::Last if on_canvas => {
            let tour = state.tour();
            let at = state.hovered.as_ref().map(|h| &h.place).or(state.selected.as_ref());
            let current = at.and_then(|id| tour.iter().position(|t| t == id));
            let next = match key {
                Key::Next => tour_step(tour.len(), current, 1),
                Key::Previous => tour_step(tour.len(), current, -1),
                Key::First => (!tour.is_empty()).then_some(0),
                _ => tour.len().checked_sub(1),
            };
            if let Some(id) = next.map(|i| tour[i].clone()) {
                let at = speech::anchor_of(state, &id);
                fx.map_tip = Some(MapTip::Show { text: speech::map_tip(state, &id), at });
                state.map_seen = true;
                state.hovered = Some(Hover { place: id, on_bars: false });
                fx.paint.map = true;
            }
        }
        Key::Enter if on_canvas => {
            if let Some(id) = state.hovered.as_ref().map(|h| h.place.clone()) {
                select(state, Some(id), From::Reader, fx);
            }
        }
        Key::Escape => {
            fx.map_tip = Some(MapTip::Hide);
            if state.selected.is_some() {
                fx.focus_map = true;
                select(state, None, From::Reader, fx);
            }
        }
        _ => {}
    }
}

/// Arrow keys walk a focused chart's numbers in reading order: the tooltip
/// shows each one's sentence and the chart's live region reads it out.
pub(super) fn chart_key(state: &mut State, chart: usize, key: Key, fx: &mut Effects) {
    let Some(Some(c)) = state.charts.get(chart) else { return };
    if key == Key::Escape {
        fx.tip = Some(Tip::Hide);
        state.chart_cursor[chart] = None;
        fx.focus_ring = Some((chart, None));
        return;
    }
    let spots = c.hotspots();
    let order = reading_order(spots);
    let cursor = state.chart_cursor[chart];
    let at = match key {
        Key::Next => tour_step(order.len(), cursor, 1),
        Key::Previous => tour_step(order.len(), cursor, -1),
        Key::First => (!order.is_empty()).then_some(0),
        Key::Last => order.len().checked_sub(1),
        _ => return,
    };
    let Some(at) = at else { return };
    let spot = &spots[order[at]];
    let rect = (spot.rect.x, spot.rect.y, spot.rect.w, spot.rect.h);
    let id = spot.figure_id.clone();
    state.chart_cursor[chart] = Some(at);
    fx.focus_ring = Some((chart, Some(rect)));
    if let Some(text) = speech::chart_figure(state, &id) {
        fx.chart_announce = Some((chart, text));
    }
    fx.tip = Some(Tip::ChartFigure { chart, id, rect });
}

/// Arrow keys walk the county bars' numbers top to bottom: each row lights
/// up on the map too, the tooltip shows its sentence, the live region reads it.
pub(super) fn bars_key(state: &mut State, key: Key, fx: &mut Effects) {
    let Some(bars) = state.bars.as_ref() else { return };
    if key == Key::Escape {
        fx.tip = Some(Tip::Hide);
        state.bars_cursor = None;
        super::update::set_hover(state, None, fx);
        return;
    }
    let len = bars.hotspots.len();
    let at = match key {
        Key::Next => tour_step(len, state.bars_cursor, 1),
        Key::Previous => tour_step(len, state.bars_cursor, -1),
        Key::First => (len > 0).then_some(0),
        Key::Last => len.checked_sub(1),
        _ => return,
    };
    let Some(at) = at else { return };
    let spot = &bars.hotspots[at];
    let (id, rect) = (spot.figure_id.clone(), (spot.rect.x, spot.rect.y, spot.rect.w, spot.rect.h));
    state.bars_cursor = Some(at);
    if let Some(place) = state.data.figure(&id).map(|f| f.place.clone()) {
        super::update::set_hover(state, Some(Hover { place, on_bars: true }), fx);
    }
    fx.announce = speech::chart_figure(state, &id);
    fx.tip = Some(Tip::BarsFigure { id, rect });
}

pub(super) fn apply_hash(state: &mut State, hash: &str, full: bool, fx: &mut Effects) {
    let places = crate::map::places::place_ids();
    let (link, warnings) = deeplink::parse(hash, &places);
    if !full {
        // Before the first layout: language and theme only, nothing drawn yet.
        if let Some(lang) = link.lang {
            state.view.lang = lang;
        }
        if let Some(theme) = link.theme {
            state.view.theme = theme;
            state.theme_forced = true;
        }
        return;
    }
    fx.warnings = warnings;
    if link.metric.is_some() || link.place.is_some() {
        super::update::ensure_map(state, fx);
    }
    if let Some(theme) = link.theme {
        state.theme_forced = true;
        if theme != state.view.theme {
            set_theme(state, theme, fx);
        }
    }
    if let Some(lang) = link.lang {
        set_lang(state, lang, From::Host, fx);
    }
    if let Some(m) = link.metric {
        // A link opens its view at once: no tween.
        set_metric(state, m, From::Host, 0.0, true, fx);
    }
    if link.place.is_some() && link.place != state.selected {
        select(state, link.place, From::Host, fx);
    }
    fx.paint = Paint::ALL;
    // The page's own hash was just read: leave it as the reader has it.
    fx.hash = None;
}
