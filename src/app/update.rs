//! `update(state, msg, now) -> Effects`: the only place the state changes.

use super::effects::{Effects, HostEvent, MapTip, Paint, Tip};
use super::look::MapLook;
use super::msg::{HostCall, Key, Msg};
use super::speech;
use super::state::{Hover, State, Widths};
use super::timeline::Tween;
use super::MAP_TWEEN_MS;
use crate::anim::ease_in_out_cubic;
use crate::charts::{hotspot_at, reading_order, tour_step};
use crate::data::{Lang, Metric};
use crate::deeplink::{self, DeepLink};
use crate::map::metric;
use crate::theme::Theme;

/// Who asked: the reader (their changes go to the host as events) or the
/// host page through the handle (no events, so a listener cannot loop).
#[derive(Clone, Copy, PartialEq, Eq)]
enum From {
    Reader,
    Host,
}

pub fn update(state: &mut State, msg: Msg, now: f64) -> Effects {
    let mut fx = Effects::default();
    match msg {
        Msg::Resize { width, dpr, slots, map_body } => {
            let widths = Widths { slots, map_body };
            if width != state.view.width || dpr != state.view.dpr || widths != state.widths {
                state.view.width = width;
                state.view.dpr = dpr;
                state.widths = widths;
                state.relayout();
                fx.relaid = true;
                fx.card = true;
                fx.paint = Paint::ALL;
                fx.tip = Some(Tip::Hide);
            }
        }
        Msg::ChartsSeen(seen) => {
            state.awaiting_observer = false;
            if !state.view.reduced_motion {
                for i in seen {
                    let Some(Some(chart)) = state.charts.get(i) else { continue };
                    // Drawn from the next frame on, so its clock starts there.
                    state.timeline.start_entry(i, chart.entry_ms());
                }
            }
        }
        Msg::InView(charts) => {
            if !state.view.reduced_motion {
                for i in charts {
                    let Some(Some(chart)) = state.charts.get(i) else { continue };
                    if state.timeline.start_entry(i, chart.entry_ms()) {
                        fx.paint.chart(i);
                    }
                }
            }
        }
        Msg::Redraw => fx.paint = Paint::ALL,
        Msg::MapNear => {
            if !state.map_seen {
                state.map_seen = true;
                fx.paint.map = true;
            }
        }
        Msg::Hidden => {
            state.hidden_at.get_or_insert(now);
        }
        Msg::Shown => {
            if let Some(at) = state.hidden_at.take() {
                state.timeline.delay(now - at);
            }
        }
        Msg::SystemTheme(theme) => {
            // The reader switched their system's scheme: theirs to report.
            if !state.theme_forced && theme != state.view.theme {
                set_theme(state, theme, &mut fx);
                fx.host_events.push(HostEvent::Theme(theme.code()));
            }
        }
        Msg::Hash { hash, full } => apply_hash(state, &hash, full, &mut fx),
        Msg::MapPointer { place, at } => {
            state.map_seen = true;
            fx.map_tip = Some(match &place {
                Some(id) => MapTip::Show { text: speech::map_tip(state, id), at },
                None => MapTip::Hide,
            });
            set_hover(state, place.map(|place| Hover { place, on_bars: false }), &mut fx);
        }
        Msg::MapLeave => {
            fx.map_tip = Some(MapTip::Hide);
            set_hover(state, None, &mut fx);
        }
        Msg::MapClick { place, at } => {
            if let Some(id) = &place {
                fx.map_tip = Some(MapTip::Show { text: speech::map_tip(state, id), at });
            }
            select(state, place, From::Reader, &mut fx);
        }
        Msg::MapKey { key, on_canvas } => map_key(state, key, on_canvas, &mut fx),
        Msg::BarsPointer { at, client } => {
            let Some(bars) = state.bars.as_ref() else { return fx };
            fx.tip = Some(match hotspot_at(&bars.hotspots, at) {
                Some(spot) => Tip::Figure { id: spot.figure_id.clone(), at: client },
                None => Tip::Hide,
            });
            let row = bars.row_at(at).map(|place| Hover { place: place.to_owned(), on_bars: true });
            state.map_seen = true;
            set_hover(state, row, &mut fx);
        }
        Msg::BarsLeave => {
            fx.tip = Some(Tip::Hide);
            set_hover(state, None, &mut fx);
        }
        Msg::BarsClick { at } => {
            if let Some(id) = state.bars.as_ref().and_then(|b| b.row_at(at)).map(str::to_owned) {
                select(state, Some(id), From::Reader, &mut fx);
            }
        }
        Msg::ChartPointer { chart, at, client } => {
            let Some(Some(c)) = state.charts.get(chart) else { return fx };
            fx.tip = Some(match hotspot_at(c.hotspots(), at) {
                Some(spot) => Tip::Figure { id: spot.figure_id.clone(), at: client },
                None => Tip::Hide,
            });
        }
        Msg::ChartLeave(chart) => {
            fx.tip = Some(Tip::Hide);
            if let Some(cursor) = state.chart_cursor.get_mut(chart) {
                if cursor.take().is_some() {
                    fx.focus_ring = Some((chart, None));
                }
            }
        }
        Msg::ChartKey { chart, key } => chart_key(state, chart, key, &mut fx),
        Msg::ToggleLang => {
            let next = if state.view.lang == Lang::Zh { Lang::En } else { Lang::Zh };
            set_lang(state, next, From::Reader, &mut fx);
        }
        Msg::ToggleMotion => {
            let on = state.view.reduced_motion;
            set_animation(state, on, From::Reader, &mut fx);
        }
        Msg::MetricButton(m) => {
            set_metric(state, m, From::Reader, now, &mut fx);
        }
        Msg::CloseCard => {
            fx.focus_map = true;
            select(state, None, From::Reader, &mut fx);
        }
        Msg::Host(call) => host_call(state, call, now, &mut fx),
        Msg::Frame => {
            if state.hidden_at.is_some() {
                // Paused while the tab is hidden; `Shown` restarts the loop.
                return fx;
            }
            for i in 0..state.charts.len() {
                if state.chart_running(i) {
                    fx.paint.chart(i);
                }
            }
            fx.paint.map = state.timeline.map.is_some();
        }
    }
    // Keep the frames coming while anything moves after this one.
    fx.frame = state.hidden_at.is_none() && running_after(state, now, &fx);
    fx.settled = !fx.frame && !state.awaiting_observer;
    if !state.deeplink {
        fx.hash = None;
    }
    fx
}

/// Whether anything still animates once this update's paints are drawn: a
/// tween painted now at or past its end is over after this frame.
fn running_after(state: &State, now: f64, fx: &Effects) -> bool {
    let over = |painted: bool, t: &Tween<f64>| painted && t.done(now);
    let entry = state.timeline.entries.iter().enumerate().any(|(i, e)| match e {
        super::timeline::Entry::Running(t) => !over(fx.paint.has_chart(i), t),
        _ => false,
    });
    let map = state.timeline.map.as_ref().is_some_and(|t| !(fx.paint.map && t.done(now)));
    entry || map
}

/// The view as a URL hash, written after each change of it.
fn hash_of(state: &State) -> String {
    deeplink::format(&DeepLink {
        place: state.selected.clone(),
        metric: state.map.as_ref().map(|_| state.metric),
        lang: Some(state.view.lang),
        theme: state.theme_forced.then_some(state.view.theme),
    })
}

fn host_call(state: &mut State, call: HostCall, now: f64, fx: &mut Effects) {
    match call {
        HostCall::SetLang(lang) => set_lang(state, lang, From::Host, fx),
        HostCall::SetTheme { theme, forced } => {
            state.theme_forced = forced;
            if theme != state.view.theme {
                set_theme(state, theme, fx);
            }
            fx.hash = Some(hash_of(state));
        }
        HostCall::SetAnimation(on) => set_animation(state, on, From::Host, fx),
        HostCall::SetMetric(m) => set_metric(state, m, From::Host, now, fx),
        HostCall::Select(id) => select(state, id, From::Host, fx),
    }
}

fn set_lang(state: &mut State, lang: Lang, from: From, fx: &mut Effects) {
    if lang == state.view.lang {
        return;
    }
    state.view.lang = lang;
    state.relayout();
    fx.relaid = true;
    fx.texts = true;
    fx.table = true;
    fx.card = true;
    fx.paint = Paint::ALL;
    fx.tip = Some(Tip::Hide);
    fx.map_tip = Some(MapTip::Hide);
    fx.hash = Some(hash_of(state));
    if from == From::Reader {
        fx.host_events.push(HostEvent::Lang(lang.code()));
    }
}

fn set_theme(state: &mut State, theme: Theme, fx: &mut Effects) {
    state.view.theme = theme;
    // Layouts still hold their palette: rebuild them (and nothing else moves).
    state.relayout();
    fx.relaid = true;
    fx.texts = true;
    fx.paint = Paint::ALL;
}

fn set_animation(state: &mut State, on: bool, from: From, fx: &mut Effects) {
    if on != state.view.reduced_motion {
        return;
    }
    state.view.reduced_motion = !on;
    if !on {
        state.timeline.finish();
        state.awaiting_observer = false;
        fx.paint = Paint::ALL;
    }
    fx.texts = true;
    if from == From::Reader {
        fx.host_events.push(HostEvent::Motion(on));
    }
}

fn set_metric(state: &mut State, m: Metric, from: From, now: f64, fx: &mut Effects) {
    if m == state.metric || !state.metrics.contains(&m) {
        return;
    }
    state.map_seen = true;
    // What the reader sees now, mid-tween included: the next tween starts there.
    let on_screen: Option<MapLook> = match state.timeline.map.as_mut() {
        Some(tween) => Some(tween.value(now)),
        None => state.map_target(),
    };
    state.timeline.map = None;
    state.metric = m;
    state.relayout_map();
    if let (false, Some(from), Some(to)) = (state.view.reduced_motion, on_screen, state.map_target()) {
        state.timeline.map = Some(Tween::new(from, to, MAP_TWEEN_MS, ease_in_out_cubic));
    }
    fx.relaid = true;
    fx.card = true;
    fx.paint.map = true;
    fx.hash = Some(hash_of(state));
    if from == From::Reader {
        fx.host_events.push(HostEvent::Metric(metric::id(m)));
    }
}

fn select(state: &mut State, id: Option<String>, from: From, fx: &mut Effects) {
    if id.as_ref().is_some_and(|id| !state.is_place(id)) {
        return;
    }
    state.map_seen = true;
    let changed = state.selected != id;
    state.selected = id;
    fx.card = true;
    fx.paint.map = true;
    fx.announce = Some(speech::selection(state));
    fx.hash = Some(hash_of(state));
    if changed && from == From::Reader {
        fx.host_events.push(HostEvent::Select(state.selected.clone()));
    }
}

fn set_hover(state: &mut State, hover: Option<Hover>, fx: &mut Effects) {
    if hover.as_ref().map(|h| &h.place) == state.hovered.as_ref().map(|h| &h.place) {
        return;
    }
    state.hovered = hover;
    fx.paint.map = true;
}

fn map_key(state: &mut State, key: Key, on_canvas: bool, fx: &mut Effects) {
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
fn chart_key(state: &mut State, chart: usize, key: Key, fx: &mut Effects) {
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

fn apply_hash(state: &mut State, hash: &str, full: bool, fx: &mut Effects) {
    let places: Vec<String> = state.tour().to_vec();
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
        let motion = state.view.reduced_motion;
        state.view.reduced_motion = true;
        set_metric(state, m, From::Host, 0.0, fx);
        state.view.reduced_motion = motion;
    }
    if link.place.is_some() && link.place != state.selected {
        select(state, link.place, From::Host, fx);
    }
    fx.paint = Paint::ALL;
    // The page's own hash was just read: leave it as the reader has it.
    fx.hash = None;
}
