//! `update(state, msg, now) -> Effects`: the only place the state changes.

use super::effects::{Effects, HostEvent, MapTip, Paint, Tip};
use super::keys;
use super::look::MapLook;
use super::msg::{HostCall, Msg};
use super::speech;
use super::state::{Hover, State, Widths};
use super::timeline::Tween;
use super::MAP_TWEEN_MS;
use crate::anim::ease_in_out_cubic;
use crate::charts::hotspot_at;
use crate::data::{Lang, Metric};
use crate::deeplink::{self, DeepLink};
use crate::map::metric;
use crate::theme::Theme;

/// Who asked: the reader (their changes go to the host as events) or the
/// host page through the handle (no events, so a listener cannot loop).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum From {
    Reader,
    Host,
}

pub fn update(state: &mut State, msg: Msg, now: f64) -> Effects {
    let mut fx = Effects::default();
    if needs_map(&msg) {
        ensure_map(state, &mut fx);
    }
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
        // The map was laid out above, if it still waited.
        Msg::Idle => {}
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
        Msg::Hash { hash, full } => keys::apply_hash(state, &hash, full, &mut fx),
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
        Msg::MapKey { key, on_canvas } => keys::map_key(state, key, on_canvas, &mut fx),
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
            state.bars_cursor = None;
            set_hover(state, None, &mut fx);
        }
        Msg::BarsKey(key) => keys::bars_key(state, key, &mut fx),
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
        Msg::ChartKey { chart, key } => keys::chart_key(state, chart, key, &mut fx),
        Msg::ToggleLang => {
            let next = if state.view.lang == Lang::Zh { Lang::En } else { Lang::Zh };
            set_lang(state, next, From::Reader, &mut fx);
        }
        Msg::ToggleMotion => {
            let on = state.view.reduced_motion;
            set_animation(state, on, From::Reader, &mut fx);
        }
        Msg::MetricButton(m) => {
            set_metric(state, m, From::Reader, now, false, &mut fx);
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
    fx.settled = !fx.frame && !state.awaiting_observer && !state.map_deferred;
    if !state.deeplink {
        fx.hash = None;
    }
    fx
}

/// The messages that act on the map or ask for it: it is laid out first if
/// it was still deferred. The rest (the charts, the page) never wait for it.
fn needs_map(msg: &Msg) -> bool {
    matches!(
        msg,
        Msg::MapNear
            | Msg::Idle
            | Msg::MapPointer { .. }
            | Msg::MapLeave
            | Msg::MapClick { .. }
            | Msg::MapKey { .. }
            | Msg::BarsPointer { .. }
            | Msg::BarsLeave
            | Msg::BarsKey(_)
            | Msg::BarsClick { .. }
            | Msg::MetricButton(_)
            | Msg::CloseCard
            | Msg::Host(HostCall::SetMetric(_) | HostCall::Select(_))
    )
}

/// Lays the deferred map out, with what follows: its canvases fitted, its
/// card filled, its frame painted.
pub(super) fn ensure_map(state: &mut State, fx: &mut Effects) {
    if state.ensure_map() {
        fx.relaid = true;
        fx.card = true;
        fx.paint.map = true;
    }
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
pub(super) fn hash_of(state: &State) -> String {
    deeplink::format(&DeepLink {
        place: state.selected.clone(),
        metric: state.has_map().then_some(state.metric),
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
        HostCall::SetMetric(m) => set_metric(state, m, From::Host, now, false, fx),
        HostCall::Select(id) => select(state, id, From::Host, fx),
    }
}

pub(super) fn set_lang(state: &mut State, lang: Lang, from: From, fx: &mut Effects) {
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

pub(super) fn set_theme(state: &mut State, theme: Theme, fx: &mut Effects) {
    state.view.theme = theme;
    // Layouts draw in colour roles, resolved when painting: nothing is laid
    // out again. A map tween under way now ends in the new theme's colours.
    state.retarget_tween();
    fx.texts = true;
    fx.paint = Paint::ALL;
}

pub(super) fn set_animation(state: &mut State, on: bool, from: From, fx: &mut Effects) {
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

/// Shows view `m`; it tweens from what is on screen unless motion is off or
/// `at_once` (a deep link opens its view directly).
pub(super) fn set_metric(state: &mut State, m: Metric, from: From, now: f64, at_once: bool, fx: &mut Effects) {
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
    if !state.ensure_map() {
        state.relayout_map();
    }
    let still = at_once || state.view.reduced_motion;
    if let (false, Some(from), Some(to)) = (still, on_screen, state.map_target()) {
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

pub(super) fn select(state: &mut State, id: Option<String>, from: From, fx: &mut Effects) {
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

pub(super) fn set_hover(state: &mut State, hover: Option<Hover>, fx: &mut Effects) {
    if hover.as_ref().map(|h| &h.place) == state.hovered.as_ref().map(|h| &h.place) {
        return;
    }
    state.hovered = hover;
    fx.paint.map = true;
}
