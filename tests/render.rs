//! The headline chart rendered natively to SVG through the same scene and
//! painter the browser uses, and its layout checked without a DOM.
#![cfg(not(target_arch = "wasm32"))]

use ankang_graphic::charts::headline::HeadlineLayout;
use ankang_graphic::charts::{Chart, Ctx};
use ankang_graphic::data::{self, Lang};
use ankang_graphic::layout::text;
use ankang_graphic::scene::{paint, Shape};
use ankang_graphic::view::View;
use plotters::prelude::SVGBackend;

fn layout(width: f64, lang: Lang) -> HeadlineLayout {
    let view = View { lang, ..View::default() };
    HeadlineLayout::new(&Ctx::new(&data::embedded().unwrap(), &view, width))
}

fn svg(width: f64, lang: Lang) -> String {
    let layout = layout(width, lang);
    let scene = layout.frame(f64::INFINITY).resolve(&ankang_graphic::theme::LIGHT);
    let mut out = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut out, (layout.width as u32, layout.height as u32));
        paint(&mut backend, &scene, 1.0).unwrap();
    }
    out
}

#[test]
fn svg_holds_the_headline_figures_in_both_languages() {
    let zh = svg(640.0, Lang::Zh);
    for text in ["18万", "1.2万+", "8.2%", "21", "80", "产业工人"] {
        assert!(zh.contains(text), "zh SVG lacks {text}");
    }
    let en = svg(640.0, Lang::En);
    for text in ["180,000", "12,000+", "8.2%", "21", "80"] {
        assert!(en.contains(text), "en SVG lacks {text}");
    }
    assert!(!en.contains("12,000<"), "the qualifier must not be dropped");
}

#[test]
fn bar_lengths_are_proportional_to_the_data() {
    let data = data::embedded().unwrap();
    for width in [320.0, 768.0, 1280.0] {
        let layout = layout(width, Lang::Zh);
        let ratios: Vec<f64> =
            layout.bars.iter().map(|b| b.final_width / data.figure(&b.figure_id).unwrap().value).collect();
        for r in &ratios {
            assert!((r - ratios[0]).abs() < 1e-9, "px per person differs at {width}: {ratios:?}");
        }
    }
}

#[test]
fn settled_frame_and_animation_start() {
    let layout = layout(640.0, Lang::En);
    let start = layout.frame(0.0);
    let rects: Vec<f64> = start
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Rect { w, h, .. } if *h > 3.0 => Some(*w),
            _ => None,
        })
        .collect();
    assert!(rects.iter().all(|w| *w == 0.0), "bars start at zero: {rects:?}");
    assert_eq!(layout.frame(layout.entry_ms()), layout.frame(f64::INFINITY));
}

/// Every text box and bar lies inside the frame, and no two text boxes overlap.
#[test]
fn nothing_overlaps_or_leaves_the_frame() {
    for lang in [Lang::Zh, Lang::En] {
        for width in [320.0, 360.0, 768.0, 1200.0, 1280.0] {
            let layout = layout(width, lang);
            let scene = layout.frame(f64::INFINITY);
            let mut boxes = Vec::new();
            for shape in &scene.shapes {
                let (x, y, w, h, what) = match shape {
                    Shape::Rect { x, y, w, h, .. } => (*x, *y, *w, *h, "rect".to_owned()),
                    Shape::Text { x, y, text: t, size, bold, .. } => {
                        let b = (*x, *y, text::width(t, *size, *bold), size * 1.2, t.clone());
                        boxes.push(b.clone());
                        b
                    }
                    other => panic!("the headline chart draws no {other:?}"),
                };
                assert!(
                    x >= 0.0 && y >= 0.0 && x + w <= width + 0.01 && y + h <= layout.height + 0.01,
                    "{what} outside the {width}px frame ({lang:?}): {x},{y} {w}x{h}"
                );
            }
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    let apart = a.0 + a.2 <= b.0 || b.0 + b.2 <= a.0 || a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1;
                    assert!(apart, "{:?} overlaps {:?} at {width}px ({lang:?})", a.4, b.4);
                }
            }
        }
    }
}

#[test]
fn the_svg_fallback_holds_every_headline_figure_in_both_languages() {
    let data = data::embedded().unwrap();
    let (zh, _) = ankang_graphic::fallback::svg(&data, Lang::Zh);
    for text in ["18万", "1.2万+", "8.2%", "21", "80", "潮涌汉江", "5万+", "800+", "≥600", "10万", "县界"] {
        assert!(zh.contains(text), "zh fallback lacks {text}");
    }
    let (en, _) = ankang_graphic::fallback::svg(&data, Lang::En);
    for text in ["180,000", "12,000+", "8.2%", "50,000+", "800+", "≥600", "100,000", "County boundaries"] {
        assert!(en.contains(text), "en fallback lacks {text}");
    }
}

#[test]
fn the_committed_page_carries_the_current_fallback() {
    let data = data::embedded().unwrap();
    let page = include_str!("../www/index.html");
    let block = ankang_graphic::fallback::page_block(&data);
    assert_eq!(
        ankang_graphic::fallback::splice(page, &block).as_deref(),
        Some(page),
        "run `cargo run --bin render-fallback`"
    );
    assert_eq!(page.matches("<tr><th scope=\"row\">").count(), data.figures.len());
}
