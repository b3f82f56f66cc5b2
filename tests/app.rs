//! The interactive core without a browser: every message's effects, the
//! keyboard tours, deep links, the live-region texts, host events, and the
//! one timeline's continuity, pause and resume.
#![cfg(not(target_arch = "wasm32"))]

use ankang_graphic::app::{speech, update, Effects, HostCall, HostEvent, Key, MapTip, Msg, State, Tip, CHARTS};
use ankang_graphic::data::{self, Lang, Metric};
use ankang_graphic::theme::Theme;
use ankang_graphic::view::View;

/// A graphic as mounted: 1200 px wide at DPR 2, deep links on.
fn mounted(motion: bool) -> State {
    let view = View { width: 0.0, dpr: 1.0, lang: Lang::Zh, reduced_motion: !motion, theme: Theme::Light };
    let mut s = State::new(data::embedded().unwrap(), view, false, true);
    update(&mut s, Msg::Hash { hash: String::new(), full: false }, 0.0);
    let fx = update(&mut s, resize(1200.0), 0.0);
    assert!(fx.relaid && fx.paint.map && fx.paint.has_chart(0));
    // The page idle after the first frames: the map is laid out (with
    // motion off, it already was).
    let fx = update(&mut s, Msg::Idle, 0.0);
    assert!(s.map.is_some() && fx.relaid == motion);
    s
}

/// A graphic measured but not yet idle: the charts laid out, the map not.
fn measured() -> State {
    let view = View { width: 0.0, dpr: 1.0, lang: Lang::Zh, reduced_motion: false, theme: Theme::Light };
    let mut s = State::new(data::embedded().unwrap(), view, false, true);
    let fx = update(&mut s, resize(1200.0), 0.0);
    assert!(fx.relaid && s.charts.iter().all(Option::is_some));
    s
}

#[test]
fn the_map_waits_for_idle_time_or_for_whatever_needs_it() {
    // Nothing of the map before the first frame, and not settled without it.
    let mut s = measured();
    assert!(s.map.is_none() && s.bars.is_none() && s.map_deferred);
    update(&mut s, Msg::ChartsSeen(Vec::new()), 0.0);
    assert!(!update(&mut s, Msg::Redraw, 0.0).settled);
    // A resize meanwhile lays out the charts only.
    update(&mut s, resize(900.0), 0.0);
    assert!(s.map.is_none());
    // Idle time lays it out once, at the width measured last.
    let fx = update(&mut s, Msg::Idle, 0.0);
    assert!(fx.relaid && fx.card && fx.paint.map && fx.settled);
    // With motion off there is nothing to wait for.
    let view = View { width: 0.0, dpr: 1.0, lang: Lang::Zh, reduced_motion: true, theme: Theme::Light };
    let mut s = State::new(data::embedded().unwrap(), view, false, true);
    update(&mut s, resize(1200.0), 0.0);
    assert!(s.map.is_some() && !s.map_deferred);
    assert_eq!(s.map.as_ref().map(|m| m.width), Some(560.0));
    assert!(!update(&mut s, Msg::Idle, 0.0).relaid, "only once");

    // The map nearing the viewport, a host's call or a link: laid out at once.
    let mut s = measured();
    assert!(update(&mut s, Msg::MapNear, 0.0).relaid && s.map.is_some());
    let mut s = measured();
    let fx = update(&mut s, Msg::Host(HostCall::Select(Some("610924".into()))), 0.0);
    assert!(fx.relaid && s.map.is_some() && s.selected.as_deref() == Some("610924"));
    let mut s = measured();
    let fx = update(&mut s, Msg::Host(HostCall::SetMetric(Metric::NewUnions)), 0.0);
    assert!(fx.relaid && s.map.as_ref().is_some_and(|m| m.metric == Metric::NewUnions));
    let mut s = measured();
    let fx = update(&mut s, Msg::Hash { hash: "#county=610924".into(), full: true }, 0.0);
    assert!(fx.relaid && fx.warnings.is_empty() && s.selected.as_deref() == Some("610924"));
    // A link with only a language or a theme leaves the map to idle time.
    let mut s = measured();
    update(&mut s, Msg::Hash { hash: "#lang=en".into(), full: true }, 0.0);
    assert!(s.map.is_none() && s.view.lang == Lang::En);
    // The metric and the hash say the same laid out or not.
    assert_eq!(s.metric, Metric::Overview);
}

#[test]
fn the_places_known_before_the_layout_are_the_tours() {
    let s = mounted(false);
    let mut tour = s.tour().to_vec();
    let mut known = ankang_graphic::map::places::place_ids();
    tour.sort();
    known.sort();
    assert_eq!(tour, known);
    for id in &tour {
        assert!(s.is_place(id), "{id}");
    }
    for id in ["", "999999", "+610924", "0610924", "610924 ", "city "] {
        assert!(!s.is_place(id), "{id:?}");
    }
}

fn resize(width: f64) -> Msg {
    Msg::Resize { width, dpr: 2.0, slots: vec![width / 2.0 - 20.0; CHARTS], map_body: width - 40.0 }
}

fn select(s: &mut State, id: &str) -> Effects {
    update(s, Msg::MapClick { place: Some(id.to_owned()), at: (10.0, 10.0) }, 0.0)
}

#[test]
fn a_click_selects_says_so_and_tells_the_host() {
    let mut s = mounted(false);
    let fx = select(&mut s, "610924");
    assert_eq!(s.selected.as_deref(), Some("610924"));
    assert!(fx.card && fx.paint.map);
    assert_eq!(fx.announce.as_deref().map(|a| a.starts_with("已选择紫阳县")), Some(true), "{:?}", fx.announce);
    assert_eq!(fx.host_events, vec![HostEvent::Select(Some("610924".into()))]);
    assert_eq!(fx.hash.as_deref(), Some("#county=610924&metric=overview&lang=zh"));
    assert!(matches!(fx.map_tip, Some(MapTip::Show { .. })));
    // The same place again: no new event.
    assert!(select(&mut s, "610924").host_events.is_empty());
    // A click outside every place closes the card.
    let fx = update(&mut s, Msg::MapClick { place: None, at: (0.0, 0.0) }, 0.0);
    assert_eq!(s.selected, None);
    assert_eq!(fx.host_events, vec![HostEvent::Select(None)]);
    assert_eq!(fx.announce.as_deref(), Some("已关闭详情。"));
}

#[test]
fn an_unknown_place_selects_nothing() {
    let mut s = mounted(false);
    let fx = update(&mut s, Msg::Host(HostCall::Select(Some("999999".into()))), 0.0);
    assert_eq!(s.selected, None);
    assert!(fx.host_events.is_empty() && !fx.card);
}

#[test]
fn the_keyboard_tours_every_place_and_enter_and_escape_work() {
    let mut s = mounted(false);
    let tour = s.tour().to_vec();
    assert_eq!(tour.len(), 13, "10 counties, the city seat and two zones");
    let mut seen = Vec::new();
    for _ in 0..tour.len() {
        let fx = update(&mut s, Msg::MapKey { key: Key::Next, on_canvas: true }, 0.0);
        let place = s.hovered.as_ref().unwrap().place.clone();
        match fx.map_tip {
            Some(MapTip::Show { text, .. }) => assert!(text.contains(&speech::place_name(&s, &place)), "{text}"),
            other => panic!("no tooltip: {other:?}"),
        }
        seen.push(place);
    }
    assert_eq!(seen, tour, "west to east, then the markers");
    update(&mut s, Msg::MapKey { key: Key::Next, on_canvas: true }, 0.0);
    assert_eq!(s.hovered.as_ref().unwrap().place, tour[0], "wraps around");
    update(&mut s, Msg::MapKey { key: Key::Previous, on_canvas: true }, 0.0);
    assert_eq!(s.hovered.as_ref().unwrap().place, tour[tour.len() - 1]);
    update(&mut s, Msg::MapKey { key: Key::First, on_canvas: true }, 0.0);
    let fx = update(&mut s, Msg::MapKey { key: Key::Enter, on_canvas: true }, 0.0);
    assert_eq!(s.selected.as_ref(), Some(&tour[0]));
    assert_eq!(fx.host_events.len(), 1);
    // Arrows in the card do nothing; Escape there closes it and returns focus.
    update(&mut s, Msg::MapKey { key: Key::Next, on_canvas: false }, 0.0);
    assert_eq!(s.hovered.as_ref().unwrap().place, tour[0]);
    let fx = update(&mut s, Msg::MapKey { key: Key::Escape, on_canvas: false }, 0.0);
    assert_eq!(s.selected, None);
    assert!(fx.focus_map);
}

#[test]
fn the_keyboard_tours_a_charts_numbers_and_announces_each_sentence() {
    let mut s = mounted(false);
    let spots: Vec<String> = {
        let chart = s.charts[0].as_ref().unwrap();
        let order = ankang_graphic::charts::reading_order(chart.hotspots());
        order.iter().map(|&i| chart.hotspots()[i].figure_id.clone()).collect()
    };
    for id in &spots {
        let fx = update(&mut s, Msg::ChartKey { chart: 0, key: Key::Next }, 0.0);
        let figure = s.data.figure(id).unwrap();
        assert!(matches!(&fx.tip, Some(Tip::ChartFigure { chart: 0, id: shown, .. }) if shown == id));
        let (chart, said) = fx.chart_announce.unwrap();
        assert_eq!(chart, 0);
        assert!(said.contains(&figure.sentence) && said.contains(figure.label.get(Lang::Zh)), "{said}");
        assert!(matches!(fx.focus_ring, Some((0, Some(_)))));
    }
    let fx = update(&mut s, Msg::ChartKey { chart: 0, key: Key::Escape }, 0.0);
    assert_eq!(fx.tip, Some(Tip::Hide));
    assert_eq!(fx.focus_ring, Some((0, None)));
    // In English the reader hears our translation.
    update(&mut s, Msg::ToggleLang, 0.0);
    let fx = update(&mut s, Msg::ChartKey { chart: 0, key: Key::Next }, 0.0);
    let figure = s.data.figure(&spots[0]).unwrap();
    assert!(fx.chart_announce.unwrap().1.contains(&figure.sentence_en));
}

#[test]
fn reader_changes_emit_host_events_and_host_calls_do_not() {
    let mut s = mounted(true);
    let fx = update(&mut s, Msg::ToggleLang, 0.0);
    assert_eq!(fx.host_events, vec![HostEvent::Lang("en")]);
    assert!(fx.texts && fx.table && fx.relaid);
    let fx = update(&mut s, Msg::MetricButton(Metric::NewUnions), 0.0);
    assert_eq!(fx.host_events, vec![HostEvent::Metric("new_unions")]);
    let fx = update(&mut s, Msg::ToggleMotion, 0.0);
    assert_eq!(fx.host_events, vec![HostEvent::Motion(false)]);
    let fx = update(&mut s, Msg::SystemTheme(Theme::Dark), 0.0);
    assert_eq!(fx.host_events, vec![HostEvent::Theme("dark")]);
    // The same changes from the host's handle: state changes, no events.
    for call in [
        HostCall::SetLang(Lang::Zh),
        HostCall::SetMetric(Metric::InsuranceClaims),
        HostCall::SetAnimation(true),
        HostCall::SetTheme { theme: Theme::Light, forced: true },
        HostCall::Select(Some("610927".into())),
    ] {
        let fx = update(&mut s, Msg::Host(call.clone()), 0.0);
        assert!(fx.host_events.is_empty(), "{call:?} emitted {:?}", fx.host_events);
    }
    assert_eq!((s.view.lang, s.metric, s.view.theme), (Lang::Zh, Metric::InsuranceClaims, Theme::Light));
    assert!(!s.view.reduced_motion && s.theme_forced);
    // A forced theme ignores the system from now on.
    assert!(update(&mut s, Msg::SystemTheme(Theme::Dark), 0.0).host_events.is_empty());
    assert_eq!(s.view.theme, Theme::Light);
}

#[test]
fn deep_links_round_trip_and_bad_values_warn() {
    let mut s = mounted(false);
    let fx = update(
        &mut s,
        Msg::Hash { hash: "#county=610927&metric=insurance_claims&lang=en&theme=dark".into(), full: true },
        0.0,
    );
    assert_eq!(s.selected.as_deref(), Some("610927"));
    assert_eq!((s.metric, s.view.lang, s.view.theme), (Metric::InsuranceClaims, Lang::En, Theme::Dark));
    assert!(fx.warnings.is_empty() && fx.host_events.is_empty());
    assert!(s.timeline.map.is_none(), "a link opens its view without a tween");
    // Any later change writes the whole view back, and it parses to the same.
    let fx = update(&mut s, Msg::MetricButton(Metric::Overview), 0.0);
    let hash = fx.hash.unwrap();
    assert_eq!(hash, "#county=610927&metric=overview&lang=en&theme=dark");
    let mut t = mounted(false);
    update(&mut t, Msg::Hash { hash: hash.clone(), full: true }, 0.0);
    assert_eq!((&t.selected, t.metric, t.view.lang, t.view.theme), (&s.selected, s.metric, s.view.lang, s.view.theme));
    let fx = update(&mut t, Msg::Hash { hash: "#county=999&metric=nope&lang=en".into(), full: true }, 0.0);
    assert_eq!(fx.warnings.len(), 2, "{:?}", fx.warnings);
    assert_eq!(t.selected.as_deref(), Some("610927"), "bad values change nothing");
}

#[test]
fn a_metric_tween_interrupted_continues_from_what_is_on_screen() {
    let mut s = mounted(true);
    // The visibility observer's first report: no chart in view.
    let fx = update(&mut s, Msg::ChartsSeen(vec![]), 0.0);
    assert!(fx.settled && !fx.frame);
    update(&mut s, Msg::MapNear, 0.0);
    update(&mut s, Msg::MetricButton(Metric::NewUnions), 1000.0);
    // First frame at 1000 ms starts the clock; at 1200 ms it is 40 % of the way.
    assert!(s.map_scenes(1000.0).is_some());
    let midway = s.timeline.map.as_mut().unwrap().value(1200.0);
    let fx = update(&mut s, Msg::MetricButton(Metric::InsuranceClaims), 1200.0);
    assert!(fx.frame && fx.paint.map);
    let tween = s.timeline.map.as_mut().unwrap();
    assert_eq!(tween.from, midway, "the new tween starts from the look on screen");
    // And it ends exactly at the new layout.
    tween.value(1200.0);
    assert_eq!(Some(tween.value(5000.0)), s.map_target());
    let fx = update(&mut s, Msg::Frame, 5000.0);
    assert!(fx.paint.map && !fx.frame && fx.settled, "the last frame ends the loop");
    s.map_scenes(5000.0);
    assert!(s.timeline.map.is_none());
}

#[test]
fn entries_wait_until_seen_pause_while_hidden_and_resume() {
    let mut s = mounted(true);
    assert!(s.chart_scene(0, 0.0).is_none(), "not drawn before it is seen");
    let fx = update(&mut s, Msg::ChartsSeen(vec![0]), 100.0);
    assert!(fx.frame && !fx.settled);
    let fx = update(&mut s, Msg::Frame, 100.0);
    assert!(fx.paint.has_chart(0) && !fx.paint.has_chart(1));
    let first = s.chart_scene(0, 100.0).unwrap();
    let entry_ms = s.charts[0].as_ref().unwrap().entry_ms();
    let at_300 = s.chart_scene(0, 400.0).unwrap();
    assert_ne!(first, at_300);
    // Hidden at 400 ms for 10 s: the loop stops, and resumes where it was.
    update(&mut s, Msg::Hidden, 400.0);
    let fx = update(&mut s, Msg::Frame, 500.0);
    assert!(fx.paint == Default::default() && !fx.frame, "no frames while hidden");
    let fx = update(&mut s, Msg::Shown, 10_400.0);
    assert!(fx.frame, "the loop restarts");
    assert_eq!(s.chart_scene(0, 10_400.0).unwrap(), at_300, "no time passed for the entry");
    // It ends, and the loop with it.
    let end = 10_400.0 + entry_ms;
    let fx = update(&mut s, Msg::Frame, end);
    assert!(fx.paint.has_chart(0) && !fx.frame && fx.settled);
    let settled = s.charts[0].as_ref().unwrap().frame(f64::INFINITY).resolve(s.view.theme.palette());
    assert_eq!(s.chart_scene(0, end).unwrap(), settled);
}

#[test]
fn motion_off_draws_final_frames_at_once() {
    let mut s = mounted(true);
    update(&mut s, Msg::ChartsSeen(vec![0, 1]), 0.0);
    let fx = update(&mut s, Msg::Host(HostCall::SetAnimation(false)), 10.0);
    assert!(!fx.frame && fx.settled && fx.paint.has_chart(5));
    let settled = s.charts[2].as_ref().unwrap().frame(f64::INFINITY).resolve(s.view.theme.palette());
    assert_eq!(s.chart_scene(2, 10.0).unwrap(), settled, "even charts not yet seen");
    // Metric changes no longer tween.
    update(&mut s, Msg::MetricButton(Metric::NewMembers), 20.0);
    assert!(s.timeline.map.is_none());
}

#[test]
fn hover_moves_only_when_the_place_changes_and_bars_show_provenance() {
    let mut s = mounted(false);
    let fx = update(&mut s, Msg::MapPointer { place: Some("610902".into()), at: (5.0, 5.0) }, 0.0);
    assert!(fx.paint.map);
    let fx = update(&mut s, Msg::MapPointer { place: Some("610902".into()), at: (6.0, 5.0) }, 0.0);
    assert!(!fx.paint.map, "same place: no repaint");
    assert!(matches!(fx.map_tip, Some(MapTip::Show { .. })), "the tooltip follows the pointer");
    let fx = update(&mut s, Msg::MapLeave, 0.0);
    assert!(fx.paint.map && s.hovered.is_none() && fx.map_tip == Some(MapTip::Hide));
    update(&mut s, Msg::MetricButton(Metric::NewUnions), 0.0);
    let bars = s.bars.clone().unwrap();
    let spot = bars.hotspots[0].clone();
    let at = (spot.rect.x + 1.0, spot.rect.y + 1.0);
    let fx = update(&mut s, Msg::BarsPointer { at, client: (100.0, 100.0) }, 0.0);
    assert_eq!(fx.tip, Some(Tip::Figure { id: spot.figure_id.clone(), at: (100.0, 100.0) }));
    assert!(s.hovered.as_ref().is_some_and(|h| h.on_bars));
    let fx = update(&mut s, Msg::BarsClick { at }, 0.0);
    assert_eq!(fx.host_events.len(), 1);
}

#[test]
fn the_map_description_reads_every_place() {
    let mut s = mounted(false);
    let text = speech::describe_map(&s);
    for place in s.data.places.iter().filter(|p| p.id != "city") {
        assert!(text.contains(place.signature.get(Lang::Zh)), "{}: {text}", place.id);
    }
    update(&mut s, Msg::MetricButton(Metric::NewUnions), 0.0);
    let text = speech::describe_map(&s);
    assert!(text.contains("新建工会") && text.contains("未报告"), "{text}");
}

#[test]
fn the_keyboard_tours_the_county_bars_numbers_and_lights_each_county() {
    let mut s = mounted(false);
    update(&mut s, Msg::MetricButton(Metric::NewUnions), 0.0);
    let spots = s.bars.clone().unwrap().hotspots;
    assert!(spots.len() >= 2);
    for spot in &spots {
        let fx = update(&mut s, Msg::BarsKey(Key::Next), 0.0);
        let figure = s.data.figure(&spot.figure_id).unwrap();
        assert!(matches!(&fx.tip, Some(Tip::BarsFigure { id, .. }) if *id == spot.figure_id));
        assert!(fx.announce.as_deref().is_some_and(|a| a.contains(&figure.sentence)), "{:?}", fx.announce);
        assert_eq!(s.hovered.as_ref().map(|h| h.place.as_str()), Some(figure.place.as_str()));
    }
    update(&mut s, Msg::BarsKey(Key::Next), 0.0);
    assert_eq!(s.bars_cursor, Some(0), "wraps");
    let fx = update(&mut s, Msg::BarsKey(Key::Escape), 0.0);
    assert_eq!(fx.tip, Some(Tip::Hide));
    assert!(s.hovered.is_none() && s.bars_cursor.is_none());
}
