#![cfg(not(target_arch = "wasm32"))]
//! Every chart of the page, laid out from the embedded data at phone to
//! desktop widths, in both languages and both themes: nothing overlaps or
//! leaves the frame, the animation settles on the settled frame, numbers
//! carry hotspots and qualifiers; plus each chart's own honesty checks.

use ankang_graphic::charts::outputs::OutputsLayout;
use ankang_graphic::charts::pyramid::{self, PyramidLayout};
use ankang_graphic::charts::waffle::WaffleLayout;
use ankang_graphic::charts::{contests::ContestsLayout, tea::TeaLayout, Chart, ChartKind, Ctx};
use ankang_graphic::data::{self, Dataset, Lang};
use ankang_graphic::format;
use ankang_graphic::layout::text;
use ankang_graphic::scene::{paint, Align, Scene, Shape};
use ankang_graphic::theme::Theme;
use ankang_graphic::view::View;
use plotters::prelude::SVGBackend;

const WIDTHS: [f64; 3] = [320.0, 768.0, 1280.0];
const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];
const THEMES: [Theme; 2] = [Theme::Light, Theme::Dark];
const EPS: f64 = 0.01;

fn data() -> Dataset {
    data::embedded().unwrap()
}

fn view(lang: Lang, theme: Theme) -> View {
    View { lang, theme, ..View::default() }
}

/// Every width the layout checks sweep: the three named ones, the extremes,
/// and a step through everything between.
fn sweep() -> Vec<f64> {
    let mut widths: Vec<f64> = (0..=40).map(|i| 280.0 + f64::from(i) * 25.0).collect();
    widths.extend([320.0, 359.0, 360.0, 414.0, 639.0, 640.0, 768.0, 1280.0]);
    widths
}

/// A text's box: x..x+width (by its alignment), y..y+size·1.2.
fn text_box(x: f64, y: f64, t: &str, size: f64, bold: bool, align: Align) -> (f64, f64, f64, f64) {
    let w = text::width(t, size, bold);
    let left = match align {
        Align::Left => x,
        Align::Center => x - w / 2.0,
        Align::Right => x - w,
    };
    (left, y, w, size * 1.2)
}

struct TextBox {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    text: String,
}

fn texts<C>(scene: &Scene<C>) -> Vec<TextBox> {
    scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text { x, y, text: t, size, bold, align, .. } => {
                let (x, y, w, h) = text_box(*x, *y, t, *size, *bold, *align);
                Some(TextBox { x, y, w, h, text: t.clone() })
            }
            _ => None,
        })
        .collect()
}

/// Every shape's bounding box.
fn bounds<C>(shape: &Shape<C>) -> (f64, f64, f64, f64) {
    let of_points = |points: &[(f64, f64)], half: f64| {
        let x0 = points.iter().map(|p| p.0).fold(f64::INFINITY, f64::min) - half;
        let x1 = points.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max) + half;
        let y0 = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min) - half;
        let y1 = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max) + half;
        (x0, y0, x1 - x0, y1 - y0)
    };
    match shape {
        Shape::Rect { x, y, w, h, .. } => (*x, *y, *w, *h),
        Shape::Polygon { points, .. } => of_points(points, 0.0),
        Shape::Path { points, width, .. } => of_points(points, width / 2.0),
        Shape::Circle { x, y, r, .. } => (x - r, y - r, 2.0 * r, 2.0 * r),
        Shape::Text { x, y, text: t, size, bold, align, .. } => text_box(*x, *y, t, *size, *bold, *align),
    }
}

fn inside(b: (f64, f64, f64, f64), w: f64, h: f64) -> bool {
    let (x, y, bw, bh) = b;
    x >= -EPS && y >= -EPS && bw >= 0.0 && bh >= 0.0 && x + bw <= w + EPS && y + bh <= h + EPS
}

fn each_chart(widths: &[f64], mut check: impl FnMut(ChartKind, &dyn Chart, f64, Lang, Theme)) {
    let data = data();
    for &width in widths {
        for lang in LANGS {
            for theme in THEMES {
                let v = view(lang, theme);
                let ctx = Ctx::new(&data, &v, width);
                for kind in ChartKind::ALL {
                    let chart = kind.build(&ctx).unwrap_or_else(|| panic!("{kind:?} not built from the real data"));
                    check(kind, chart.as_ref(), width, lang, theme);
                }
            }
        }
    }
}

#[test]
fn every_chart_is_built_from_the_real_data_in_reading_order() {
    assert_eq!(
        ChartKind::ALL,
        [
            ChartKind::Headline,
            ChartKind::Waffle,
            ChartKind::Pyramid,
            ChartKind::Outputs,
            ChartKind::Contests,
            ChartKind::Tea
        ]
    );
    for kind in ChartKind::ALL {
        assert!(!kind.heading(Lang::Zh).is_empty() && !kind.heading(Lang::En).is_empty());
        assert!(kind.heading(Lang::Zh).chars().any(|c| c >= '\u{4E00}'), "{kind:?} Chinese heading");
        assert!(kind.heading(Lang::En).is_ascii(), "{kind:?} English heading");
    }
}

#[test]
fn nothing_overlaps_or_leaves_the_frame() {
    each_chart(&sweep(), |kind, chart, width, lang, theme| {
        let (w, h) = chart.size();
        assert_eq!(w, width);
        let scene = chart.frame(f64::INFINITY);
        assert_eq!((scene.width, scene.height), (w, h));
        for shape in &scene.shapes {
            let b = bounds(shape);
            assert!(inside(b, w, h), "{kind:?} {width}px {lang:?} {theme:?}: {shape:?} outside {w}x{h} ({b:?})");
        }
        let boxes = texts(&scene);
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let apart = a.x + a.w <= b.x + EPS
                    || b.x + b.w <= a.x + EPS
                    || a.y + a.h <= b.y + EPS
                    || b.y + b.h <= a.y + EPS;
                assert!(apart, "{kind:?} {width}px {lang:?}: {:?} overlaps {:?}", a.text, b.text);
            }
        }
    });
}

#[test]
fn animation_starts_elsewhere_and_settles_on_the_settled_frame() {
    each_chart(&WIDTHS, |kind, chart, width, lang, _| {
        let entry = chart.entry_ms();
        assert!((600.0..=1600.0).contains(&entry), "{kind:?}: entry {entry} ms");
        let settled = chart.frame(f64::INFINITY);
        assert_eq!(chart.frame(entry), settled, "{kind:?} {width}px {lang:?}");
        assert_ne!(chart.frame(0.0), settled, "{kind:?} {width}px {lang:?} does not animate");
        // Mid-entry frames stay inside the frame too.
        let (w, h) = chart.size();
        for t in [0.0, entry * 0.3, entry * 0.7] {
            for shape in &chart.frame(t).shapes {
                assert!(inside(bounds(shape), w, h), "{kind:?} at {t} ms: {shape:?}");
            }
        }
    });
}

/// Every hotspot names a real figure, lies inside the frame and covers a
/// drawn text showing that figure's value with its qualifier; every such
/// value drawn has a hotspot.
#[test]
fn hotspots_cover_the_numbers_they_name() {
    let data = data();
    each_chart(&WIDTHS, |kind, chart, width, lang, _| {
        let (w, h) = chart.size();
        let boxes = texts(&chart.frame(f64::INFINITY));
        assert!(!chart.hotspots().is_empty(), "{kind:?} has no hotspots");
        for spot in chart.hotspots() {
            let figure = data.figure(&spot.figure_id).unwrap_or_else(|| panic!("{kind:?}: {}", spot.figure_id));
            let r = spot.rect;
            assert!(inside((r.x, r.y, r.w, r.h), w, h), "{kind:?} {width}px: hotspot {} outside", spot.figure_id);
            let shown = format::figure(figure, lang);
            let covered = boxes.iter().any(|b| {
                b.text == shown
                    && b.x >= r.x - EPS
                    && b.x + b.w <= r.x + r.w + EPS
                    && b.y >= r.y - EPS
                    && b.y < r.y + r.h
            });
            assert!(covered, "{kind:?} {width}px {lang:?}: no {shown:?} under the hotspot of {}", spot.figure_id);
        }
        // Wherever the chart draws one of its figures' values, a hotspot is.
        let shown: Vec<String> =
            chart.hotspots().iter().map(|s| format::figure(data.figure(&s.figure_id).unwrap(), lang)).collect();
        for b in boxes.iter().filter(|b| shown.contains(&b.text)) {
            let has = chart.hotspots().iter().any(|s| {
                let r = s.rect;
                b.x >= r.x - EPS && b.x + b.w <= r.x + r.w + EPS && b.y >= r.y - EPS && b.y < r.y + r.h
            });
            assert!(has, "{kind:?} {width}px {lang:?}: {:?} drawn without a hotspot", b.text);
        }
    });
}

#[test]
fn descriptions_name_every_figure_with_its_qualifier() {
    let data = data();
    each_chart(&[640.0], |kind, chart, _, lang, _| {
        let sentence = chart.describe();
        assert!(!sentence.contains('\n'));
        for spot in chart.hotspots() {
            let shown = format::figure(data.figure(&spot.figure_id).unwrap(), lang);
            assert!(sentence.contains(&shown), "{kind:?} {lang:?}: {sentence:?} lacks {shown}");
        }
        match lang {
            Lang::Zh => assert!(sentence.chars().any(|c| c >= '\u{4E00}'), "{sentence}"),
            Lang::En => assert!(!sentence.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "{sentence}"),
        }
    });
}

#[test]
fn no_chart_draws_a_colour_outside_its_palette() {
    each_chart(&[768.0], |kind, chart, _, _, theme| {
        let p = theme.palette();
        let allowed = [p.background, p.text, p.muted, p.accent, p.bar, p.bar_alt, p.track, p.rule, p.border, p.outline];
        let scene = chart.frame(f64::INFINITY).resolve(p);
        assert_eq!(scene.background, p.background);
        for shape in &scene.shapes {
            let c = match shape {
                Shape::Rect { fill, .. } | Shape::Polygon { fill, .. } | Shape::Circle { fill, .. } => *fill,
                Shape::Path { stroke, .. } => *stroke,
                Shape::Text { color, .. } => *color,
            };
            assert!(allowed.contains(&c), "{kind:?} {theme:?}: {c:?} in {shape:?}");
        }
    });
}

#[test]
fn build_returns_none_without_the_charts_figures() {
    let mut empty = data();
    empty.figures.clear();
    let v = View::default();
    let ctx = Ctx::new(&empty, &v, 640.0);
    for kind in ChartKind::ALL {
        assert!(kind.build(&ctx).is_none(), "{kind:?} built from no figures");
    }
    // Partial data: only the studios and the contests.
    let mut partial = data();
    partial.figures.retain(|f| f.id.ends_with("_studios") || f.id.starts_with("city.contest_"));
    let ctx = Ctx::new(&partial, &v, 640.0);
    let built: Vec<ChartKind> = ChartKind::ALL.into_iter().filter(|k| k.build(&ctx).is_some()).collect();
    assert_eq!(built, [ChartKind::Pyramid, ChartKind::Contests]);
    // The waffle needs both its figures.
    let mut no_workers = data();
    no_workers.figures.retain(|f| f.id != "city.workers");
    assert!(ChartKind::Waffle.build(&Ctx::new(&no_workers, &v, 640.0)).is_none());
}

/// The contents of the SVG's text elements (plotters writes each on its own line).
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| Some(t.split_once('>')?.1.split_once("</text>")?.0.trim().to_owned()))
        .collect()
}

fn svg(chart: &dyn Chart) -> String {
    let (w, h) = chart.size();
    let mut out = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut out, (w.ceil() as u32, h.ceil() as u32));
        paint(&mut backend, &chart.frame(f64::INFINITY).resolve(Theme::Light.palette()), 1.0).unwrap();
    }
    out
}

#[test]
fn svg_holds_the_numbers_with_their_qualifiers() {
    let expected: [(ChartKind, &[&str], &[&str]); 5] = [
        (
            ChartKind::Waffle,
            &["1.2万+", "18万", "至少12格", "每格代表1000名"],
            &["12,000+", "180,000", "at least 12", "1,000"],
        ),
        (ChartKind::Pyramid, &["1", "3", "20"], &["1", "3", "20"]),
        (
            ChartKind::Outputs,
            &["5万+", "1.2万", "800+", "60+", "50+", "以万计", "以百计"],
            &["50,000+", "12,000", "800+", "60+", "50+", "Tens of thousands", "Hundreds and fewer"],
        ),
        (ChartKind::Contests, &["9", "15", "358", "10万", "≥600"], &["9", "15", "358", "100,000", "≥600"]),
        (
            ChartKind::Tea,
            &["12", "10", "400+", "8万+", "1500+", "1290", "800+", "120"],
            &["12", "10", "400+", "80,000+", "1,500+", "1,290", "800+", "120"],
        ),
    ];
    let data = data();
    for (kind, zh, en) in expected {
        for (lang, wanted) in [(Lang::Zh, zh), (Lang::En, en)] {
            for width in WIDTHS {
                let v = view(lang, Theme::Light);
                let chart = kind.build(&Ctx::new(&data, &v, width)).unwrap();
                let texts = svg_texts(&svg(chart.as_ref()));
                for want in wanted {
                    // Bare numbers must be a whole text; phrases may sit in a longer line.
                    let bare = want.chars().all(|c| c.is_ascii_digit());
                    let found = texts.iter().any(|t| t == want || (!bare && t.contains(want)));
                    assert!(found, "{kind:?} {lang:?} {width}px SVG lacks {want}: {texts:?}");
                }
            }
        }
    }
    // The qualifiers are never dropped.
    let v = view(Lang::En, Theme::Light);
    let outputs = svg_texts(&svg(&OutputsLayout::new(&Ctx::new(&data, &v, 768.0))));
    assert!(outputs.iter().all(|t| t != "800" && t != "60" && t != "50"), "{outputs:?}");
    // "50,000" alone is panel A's axis maximum; the bar's value keeps its "+".
    assert_eq!(outputs.iter().filter(|t| *t == "50,000").count(), 1, "{outputs:?}");
    let contests = svg_texts(&svg(&ContestsLayout::new(&Ctx::new(&data, &v, 768.0))));
    assert!(contests.iter().all(|t| t != "600"), "{contests:?}");
}

#[test]
fn waffle_has_180_squares_12_highlighted() {
    let data = data();
    for width in sweep() {
        for theme in THEMES {
            for lang in LANGS {
                let v = view(lang, theme);
                let w = WaffleLayout::new(&Ctx::new(&data, &v, width));
                let p = theme.palette();
                assert_eq!(w.people_per_square, 1000.0);
                assert_eq!(w.squares.len(), 180);
                assert_eq!(w.squares.iter().filter(|s| s.highlight).count(), 12);
                assert!(w.squares.iter().take(12).all(|s| s.highlight), "the highlighted squares come first");
                // 20 across on wide frames, 12–15 on phones.
                assert!([12, 15, 20].contains(&w.columns));
                assert!(width < 640.0 || w.columns == 20, "{width}px: {} columns", w.columns);
                assert!(width >= 400.0 || w.columns <= 15, "{width}px: {} columns", w.columns);
                let size = w.squares[0].size;
                assert!(size >= 8.0, "{width}px: squares of {size} px");
                // Squares with gaps, none overlapping: neighbours are apart.
                let (a, b) = (w.squares[0], w.squares[1]);
                assert!(b.x - (a.x + a.size) >= 2.0, "{width}px: no gap between squares");
                // The scene draws each square once, in its colour.
                let scene = w.frame(f64::INFINITY).resolve(p);
                let rects: Vec<(f64, f64, f64, f64, _)> = scene
                    .shapes
                    .iter()
                    .filter_map(|s| match s {
                        Shape::Rect { x, y, w, h, fill } => Some((*x, *y, *w, *h, *fill)),
                        _ => None,
                    })
                    .collect();
                let mut squares = 0;
                let mut lit = 0;
                for sq in &w.squares {
                    let hit: Vec<_> = rects.iter().filter(|r| r.0 == sq.x && r.1 == sq.y && r.2 == sq.size).collect();
                    assert_eq!(hit.len(), 1);
                    assert_eq!(hit[0].3, sq.size);
                    squares += 1;
                    if hit[0].4 == p.bar_alt {
                        lit += 1;
                    } else {
                        assert_eq!(hit[0].4, p.track);
                    }
                }
                assert_eq!((squares, lit), (180, 12));
                // Grid rects: those of the squares' size; the key's swatches are smaller.
                let grid: Vec<_> = rects.iter().filter(|r| r.2 == size && r.3 == size).collect();
                assert_eq!(grid.len(), 180, "{width}px");
                assert_eq!(grid.iter().filter(|r| r.4 == p.bar_alt).count(), 12);
            }
        }
    }
}

#[test]
fn waffle_entry_is_grouped_not_one_stagger_per_square() {
    let data = data();
    let w = WaffleLayout::new(&Ctx::new(&data, &View::default(), 360.0));
    assert!(w.entry_ms() <= 1500.0, "{} ms", w.entry_ms());
    // After the first group's tween, its squares are full and the last group's are still growing.
    let mid = w.frame(750.0);
    let first = w.squares[0];
    assert!(mid.shapes.iter().any(|s| matches!(s, Shape::Rect { x, w, .. } if *x == first.x && *w == first.size)));
    let last = *w.squares.last().unwrap();
    let last_w = mid.shapes.iter().rev().find_map(|s| match s {
        Shape::Rect { w, .. } => Some(*w),
        _ => None,
    });
    assert!(last_w.unwrap() < last.size);
}

#[test]
fn pyramid_bars_are_proportional_and_centred() {
    let data = data();
    for width in sweep() {
        for lang in LANGS {
            let v = view(lang, Theme::Light);
            let layout = PyramidLayout::new(&Ctx::new(&data, &v, width));
            let values: Vec<f64> = layout.tiers.iter().map(|t| t.value).collect();
            assert_eq!(values, [1.0, 3.0, 20.0], "national on top, municipal at the bottom");
            let municipal = &layout.tiers[2];
            let per_studio = municipal.final_width / municipal.value;
            for t in &layout.tiers {
                if t.clamped {
                    // Documented: a bar thinner than MIN_BAR is drawn MIN_BAR wide.
                    assert_eq!(t.final_width, pyramid::MIN_BAR);
                    assert!(t.value * per_studio < pyramid::MIN_BAR);
                } else {
                    let ratio = t.final_width / municipal.final_width;
                    assert!((ratio - t.value / 20.0).abs() < 1e-9, "{width}px: {} at ratio {ratio}", t.figure_id);
                }
                assert!((t.cx - width / 2.0).abs() < 1e-9, "bars centred");
            }
            assert!(!layout.tiers[0].clamped, "at {width}px the single studio is still to scale");
            // Drawn as laid out, centred.
            let scene = layout.frame(f64::INFINITY);
            for t in &layout.tiers {
                let drawn = scene.shapes.iter().any(|s| {
                    matches!(s, Shape::Rect { x, y, w, .. }
                        if (x - (t.cx - t.final_width / 2.0)).abs() < 1e-9 && *y == t.y && *w == t.final_width)
                });
                assert!(drawn, "{width}px: {} not drawn", t.figure_id);
            }
            // Bars grow from the centre: at 0 ms they have no width.
            let start = layout.frame(0.0);
            assert!(start.shapes.iter().all(|s| !matches!(s, Shape::Rect { w, .. } if *w > 0.0)));
            // The value label stays honest: "1", even for a sliver.
            assert_eq!(layout.tiers[0].value_text, "1");
        }
    }
}

#[test]
fn outputs_panels_have_their_own_scales() {
    let data = data();
    for width in sweep() {
        for lang in LANGS {
            let v = view(lang, Theme::Light);
            let layout = OutputsLayout::new(&Ctx::new(&data, &v, width));
            assert_eq!(layout.panels.len(), 2);
            assert_eq!(layout.side_by_side, width >= 640.0);
            let ids: Vec<Vec<&str>> =
                layout.panels.iter().map(|p| p.bars.iter().map(|b| b.figure_id.as_str()).collect()).collect();
            assert_eq!(ids[0], ["city.skilled_talents", "city.suggestions"]);
            assert_eq!(ids[1], ["city.tech_innovations", "city.operating_methods", "city.patents"]);
            let mut per_unit = Vec::new();
            for panel in &layout.panels {
                let k = panel.axis.length / panel.axis.max;
                for b in &panel.bars {
                    assert!(!b.clamped, "{width}px: {} clamped", b.figure_id);
                    assert!((b.final_width - b.value * k).abs() < 1e-9, "{width}px: {} not to scale", b.figure_id);
                    assert_eq!(b.x, panel.axis.x, "bars start at the axis' zero");
                }
                assert!(panel.axis.max >= panel.bars.iter().map(|b| b.value).fold(0.0, f64::max));
                per_unit.push(k);
            }
            assert!(per_unit[1] > per_unit[0] * 10.0, "panel B is drawn on a larger scale");
            let (a, b) = (&layout.panels[0], &layout.panels[1]);
            if layout.side_by_side {
                assert!(b.axis.x > a.axis.x + a.axis.length, "{width}px: panels side by side");
                assert_eq!(a.axis.y, b.axis.y, "one baseline");
            } else {
                assert_eq!(a.axis.x, b.axis.x);
                assert!(b.title[0].y > a.axis.bottom(), "{width}px: panel B below A");
            }
            // Each axis is labelled with its own maximum.
            let scene_texts: Vec<String> = layout.frame(f64::INFINITY).texts().map(str::to_owned).collect();
            for panel in &layout.panels {
                assert!(scene_texts.contains(&panel.axis.max_text));
            }
            let max_texts: Vec<&str> = layout.panels.iter().map(|p| p.axis.max_text.as_str()).collect();
            assert_eq!(
                max_texts,
                match lang {
                    Lang::Zh => ["5万", "1000"],
                    Lang::En => ["50,000", "1,000"],
                }
            );
            let note = layout.note.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ");
            assert!(note.contains("不同") || note.contains("different scales"), "{note}");
        }
    }
}

#[test]
fn tea_compares_only_people_on_one_scale() {
    let data = data();
    for width in WIDTHS {
        for lang in LANGS {
            let v = view(lang, Theme::Light);
            let layout = TeaLayout::new(&Ctx::new(&data, &v, width));
            for b in &layout.bars {
                let unit = data.figure(&b.figure_id).unwrap().unit;
                assert_eq!(unit, ankang_graphic::data::Unit::Person, "{} is not people", b.figure_id);
            }
            assert_eq!(layout.bars.len(), 5);
            let axis = layout.axis.as_ref().unwrap();
            let k = axis.length / axis.max;
            for b in &layout.bars {
                if b.clamped {
                    assert_eq!(b.final_width, 2.0);
                    assert!(b.value * k < 2.0);
                } else {
                    assert!((b.final_width - b.value * k).abs() < 1e-9);
                }
            }
            let values: Vec<f64> = layout.bars.iter().map(|b| b.value).collect();
            assert!(values.windows(2).all(|w| w[0] >= w[1]), "largest first: {values:?}");
            // Counters hold the other units: years and classes.
            let ids: Vec<&str> = layout.counters.iter().map(|c| c.figure_id.as_str()).collect();
            assert_eq!(ids, ["ziyang.tea_contest_years", "ziyang.training_years", "ziyang.training_classes"]);
            let sizes: Vec<f64> = layout.counters.iter().map(|c| c.number_size).collect();
            assert!(sizes.iter().all(|s| *s == sizes[0]), "one number size: {sizes:?}");
        }
    }
}

#[test]
fn contests_show_four_counters_and_the_academy() {
    let data = data();
    for width in WIDTHS {
        for lang in LANGS {
            let v = view(lang, Theme::Light);
            let layout = ContestsLayout::new(&Ctx::new(&data, &v, width));
            let ids: Vec<&str> = layout.counters.iter().map(|c| c.figure_id.as_str()).collect();
            assert_eq!(
                ids,
                [
                    "city.contest_categories",
                    "city.contest_trades",
                    "city.contest_employers",
                    "city.contest_participants"
                ]
            );
            let sizes: Vec<f64> = layout.counters.iter().map(|c| c.number_size).collect();
            assert!(sizes.iter().all(|s| *s == sizes[0]), "one number size: {sizes:?}");
            let rows: std::collections::BTreeSet<u64> = layout.counters.iter().map(|c| c.y.to_bits()).collect();
            assert_eq!(rows.len(), if width >= 768.0 { 1 } else { 2 }, "{width}px");
            assert_eq!(layout.academy.as_ref().unwrap().final_text(), "≥600");
            let notes = layout.notes.iter().map(|l| l.text.as_str()).collect::<String>();
            assert!(notes.contains("人次") || notes.contains("person-times"));
        }
    }
}

#[test]
fn every_number_of_every_chart_is_on_the_keyboard_tour() {
    use ankang_graphic::charts::{reading_order, tour_step};
    let data = ankang_graphic::data::embedded().unwrap();
    for width in [320.0, 1200.0] {
        for lang in [Lang::Zh, Lang::En] {
            let view = View { lang, ..View::default() };
            for kind in ChartKind::ALL {
                let Some(chart) = kind.build(&Ctx::new(&data, &view, width)) else { continue };
                let spots = chart.hotspots();
                let order = reading_order(spots);
                // Each figure once, and every figure with a tooltip is reachable.
                let mut ids: Vec<&str> = order.iter().map(|&i| spots[i].figure_id.as_str()).collect();
                let n = ids.len();
                ids.sort_unstable();
                ids.dedup();
                assert_eq!(ids.len(), n, "{kind:?}: a figure twice on the tour");
                for s in spots {
                    assert!(ids.contains(&s.figure_id.as_str()), "{kind:?}: {} not on the tour", s.figure_id);
                }
                // Reading order: no stop is above the one before it by more than a line.
                for pair in order.windows(2) {
                    let (a, b) = (spots[pair[0]].rect, spots[pair[1]].rect);
                    assert!(b.y >= a.y - 12.0, "{kind:?} at {width}: tour goes up");
                }
                assert!(!order.is_empty(), "{kind:?} has no numbers");
            }
        }
    }
    assert_eq!(tour_step(3, None, 1), Some(0));
    assert_eq!(tour_step(3, None, -1), Some(2));
    assert_eq!(tour_step(3, Some(2), 1), Some(0));
    assert_eq!(tour_step(3, Some(0), -1), Some(2));
    assert_eq!(tour_step(0, None, 1), None);
}
