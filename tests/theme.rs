//! Theme at paint time: layouts hold colour roles, not a palette, so a theme
//! change repaints and lays nothing out again, and the two themes' scenes of
//! one layout differ in their colours only.
#![cfg(not(target_arch = "wasm32"))]

use ankang_graphic::app::{update, HostCall, Msg, State, CHARTS};
use ankang_graphic::charts::{ChartKind, Ctx};
use ankang_graphic::data::{self, Lang, Metric};
use ankang_graphic::map::bars::CountyBars;
use ankang_graphic::map::{Highlight, MapLayout};
use ankang_graphic::scene::Scene;
use ankang_graphic::theme::{Ink, Palette, Rgba, Theme, DARK, LIGHT};
use ankang_graphic::view::View;

fn mounted(theme: Theme) -> State {
    let view = View { width: 0.0, dpr: 2.0, lang: Lang::En, reduced_motion: true, theme };
    let mut s = State::new(data::embedded().unwrap(), view, false, false);
    let slots = vec![560.0; CHARTS];
    update(&mut s, Msg::Resize { width: 1200.0, dpr: 2.0, slots, map_body: 1160.0 }, 0.0);
    s
}

/// Every chart's settled frame, the map and the county bars, in roles.
fn layouts(s: &State) -> (Vec<Option<Scene<Ink>>>, Option<MapLayout>, Option<CountyBars>) {
    let charts = s.charts.iter().map(|c| c.as_ref().map(|c| c.frame(f64::INFINITY))).collect();
    (charts, s.map.clone(), s.bars.clone())
}

#[test]
fn a_theme_change_repaints_and_lays_nothing_out() {
    let mut s = mounted(Theme::Light);
    update(&mut s, Msg::MetricButton(Metric::NewUnions), 0.0);
    // A keyboard cursor on a chart: a relayout would clear it.
    s.chart_cursor[0] = Some(1);
    let before = layouts(&s);
    let (light_chart, light_map) = (s.chart_scene(0, 10.0).unwrap(), s.map_scenes(10.0).unwrap());
    for (msg, theme) in [
        (Msg::SystemTheme(Theme::Dark), Theme::Dark),
        (Msg::Host(HostCall::SetTheme { theme: Theme::Light, forced: true }), Theme::Light),
        (Msg::Host(HostCall::SetTheme { theme: Theme::Dark, forced: true }), Theme::Dark),
    ] {
        let fx = update(&mut s, msg, 20.0);
        assert_eq!(s.view.theme, theme);
        assert!(!fx.relaid, "a theme change lays nothing out");
        assert!(fx.paint.map && (0..CHARTS).all(|i| fx.paint.has_chart(i)) && fx.texts);
        assert!(layouts(&s) == before, "every layout is the one built before");
        assert_eq!(s.chart_cursor[0], Some(1));
    }
    // What is painted is in the new theme's colours.
    let (dark_chart, dark_map) = (s.chart_scene(0, 30.0).unwrap(), s.map_scenes(30.0).unwrap());
    assert_eq!((light_chart.background, dark_chart.background), (LIGHT.background, DARK.background));
    assert_eq!((light_map.0.background, dark_map.1.background), (LIGHT.background, DARK.background));
    assert_eq!(shape_of(&light_chart), shape_of(&dark_chart));
}

/// A scene with its colours taken out: what is drawn where.
fn shape_of(scene: &Scene) -> Scene<()> {
    Scene {
        width: scene.width,
        height: scene.height,
        background: (),
        shapes: scene.shapes.iter().cloned().map(|s| s.map_colour(|_| ())).collect(),
    }
}

fn colours<C: Copy>(scene: &Scene<C>) -> Vec<C> {
    let mut out = vec![scene.background];
    for shape in &scene.shapes {
        shape.clone().map_colour(|c| out.push(c));
    }
    out
}

/// The same layout resolved in both themes: equal geometry and text, and
/// every role-coloured shape takes the theme's colour.
fn differ_only_in_colours(what: &str, scene: Scene<Ink>) {
    let resolve = |p: &Palette| scene.clone().resolve(p);
    let (light, dark) = (resolve(&LIGHT), resolve(&DARK));
    assert_eq!(shape_of(&light), shape_of(&dark), "{what}: the themes draw different shapes");
    assert_ne!(colours(&light), colours(&dark), "{what}: the themes look the same");
    for ((ink, l), d) in colours(&scene).iter().zip(colours(&light)).zip(colours(&dark)) {
        match ink {
            // Data colours (the map's ramp) are the same in both themes.
            Ink::Rgb(c) => assert!(l == *c && d == *c, "{what}: {ink:?}"),
            Ink::Role(r) => assert_eq!((l, d), (LIGHT.role(*r), DARK.role(*r)), "{what}: {ink:?}"),
            Ink::Alpha(r, a) => {
                let at = |c: Rgba| Rgba(c.0, c.1, c.2, *a);
                assert_eq!((l, d), (at(LIGHT.role(*r)), at(DARK.role(*r))), "{what}: {ink:?}")
            }
            Ink::Mix(..) => panic!("{what}: a settled frame has no tween ink {ink:?}"),
        }
    }
}

#[test]
fn a_layouts_scenes_differ_only_in_colours_between_themes() {
    let data = data::embedded().unwrap();
    for width in [320.0, 768.0] {
        let view = View { lang: Lang::Zh, ..View::default() };
        for kind in ChartKind::ALL {
            let chart = kind.build(&Ctx::new(&data, &view, width)).unwrap();
            differ_only_in_colours(&format!("{kind:?} {width}px"), chart.frame(f64::INFINITY));
        }
        for m in [Metric::Overview, Metric::NewUnions, Metric::InsuranceClaims] {
            let map = MapLayout::new(&data, m, width, Lang::Zh);
            let highlight = Highlight { hovered: Some("610921"), selected: Some("610924") };
            differ_only_in_colours(&format!("map {m:?} {width}px"), map.frame(highlight, None));
            let bars = CountyBars::new(&data, m, width, Lang::Zh);
            differ_only_in_colours(&format!("bars {m:?} {width}px"), bars.frame(None, Some("610924"), None));
        }
    }
}

#[test]
fn a_tween_mixes_from_what_is_on_screen_towards_a_role() {
    let from = Rgba::rgb(10, 20, 30);
    let ink = Ink::mix(Ink::Rgb(from), Ink::Role(ankang_graphic::theme::Role::NotReported), 0.5);
    assert_eq!(LIGHT.resolve(ink), from.mix(LIGHT.not_reported, 0.5));
    assert_eq!(DARK.resolve(ink), from.mix(DARK.not_reported, 0.5));
    // The ends are exactly the ends.
    assert_eq!(Ink::mix(Ink::Rgb(from), DARK.not_reported.into(), 0.0), Ink::Rgb(from));
    assert_eq!(Ink::mix(Ink::Rgb(from), Ink::Rgb(DARK.not_reported), 1.0), Ink::Rgb(DARK.not_reported));
}
