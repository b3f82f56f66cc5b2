//! The social card (og:image): 1200 × 630, drawn from the same scenes as
//! the page: the title and standfirst, the headline chart, and the county
//! map, scaled into place. render-fallback rasterises its SVG.

use super::{page, transform};
use crate::charts::{counters, headline, Ctx};
use crate::data::{Dataset, Lang};
use crate::layout::text;
use crate::map::{metric, Highlight, MapLayout};
use crate::scene::{Align, Font, Scene, Shape};
use crate::theme::{Theme, INKS};
use crate::view::View;

pub const CARD_WIDTH: f64 = 1200.0;
pub const CARD_HEIGHT: f64 = 630.0;
const MARGIN: f64 = 48.0;
/// The left column (texts and the headline chart); the map takes the rest.
const LEFT: f64 = 600.0;

fn kicker(lang: Lang) -> &'static str {
    crate::text::text(crate::text::Text::CardKicker, lang)
}

/// Lines of `text` no wider than `width`: broken at spaces when every
/// space-separated part fits (so "潮涌汉江 工运新程再启航" breaks between its
/// two phrases), else balanced.
fn wrap(text: &str, size: f64, bold: bool, width: f64) -> Vec<String> {
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() > 1 && words.iter().all(|w| text::width(w, size, bold) <= width) {
        let mut lines: Vec<String> = Vec::new();
        for w in words {
            match lines.last_mut() {
                Some(last) if text::width(&format!("{last} {w}"), size, bold) <= width => {
                    last.push(' ');
                    last.push_str(w);
                }
                _ => lines.push(w.to_owned()),
            }
        }
        return lines;
    }
    text::wrap_balanced(text, size, bold, width)
}

/// Lines of `text` at the largest size from `sizes` that needs at most
/// `max_lines`; at the smallest size, lines past `max_lines` are cut with "…".
fn fit(text: &str, sizes: &[f64], bold: bool, width: f64, max_lines: usize) -> (f64, Vec<String>) {
    for &size in sizes {
        let lines = wrap(text, size, bold, width);
        if lines.len() <= max_lines {
            return (size, lines);
        }
    }
    let size = *sizes.last().expect("one size at least");
    let mut lines = text::wrap(text, size, bold, width);
    lines.truncate(max_lines);
    if let Some(last) = lines.last_mut() {
        while !last.is_empty() && text::width(&format!("{last}…"), size, bold) > width {
            last.pop();
        }
        last.push('…');
    }
    (size, lines)
}

/// The bounding box of `shapes` (text boxes by their left edge and size).
pub(super) fn bounds(shapes: &[Shape]) -> (f64, f64, f64, f64) {
    let mut b = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    let mut add = |x: f64, y: f64| {
        b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
    };
    for s in shapes {
        match s {
            Shape::Polygon { points, .. } | Shape::Path { points, .. } => points.iter().for_each(|&(x, y)| add(x, y)),
            Shape::Rect { x, y, w, h, .. } => {
                add(*x, *y);
                add(x + w, y + h);
            }
            Shape::Circle { x, y, r, .. } => {
                add(x - r, y - r);
                add(x + r, y + r);
            }
            Shape::Text { x, y, size, .. } => {
                add(*x, *y);
                add(*x, y + size);
            }
        }
    }
    b
}

/// The card as one scene.
pub fn card(data: &Dataset, lang: Lang) -> Scene {
    let view = View { lang, theme: Theme::Light, ..View::default() };
    let p = view.theme.palette();
    let mut scene = Scene::new(CARD_WIDTH, CARD_HEIGHT, p.background);
    scene.rect(0.0, 0.0, CARD_WIDTH, 8.0, p.accent);
    let inner = LEFT - MARGIN;
    let mut y = MARGIN;
    scene.text(MARGIN, y, kicker(lang), Font::bold(20.0), p.accent, Align::Left);
    y += 20.0 * 1.6;
    let (size, lines) = fit(data.meta.title.get(lang), &[60.0, 52.0, 44.0, 38.0], true, inner, 2);
    for line in lines {
        scene.text(MARGIN, y, line, Font::bold(size), p.text, Align::Left);
        y += size * 1.2;
    }
    y += 8.0;
    let (size, lines) = fit(data.meta.standfirst.get(lang), &[22.0, 20.0], false, inner, 3);
    for line in lines {
        scene.text(MARGIN, y, line, Font::regular(size), p.muted, Align::Left);
        y += size * 1.4;
    }

    // The headline counters, from the headline chart's own layout, enlarged.
    let source_y = CARD_HEIGHT - MARGIN - 18.0;
    const K: f64 = 1.25;
    let ctx = Ctx::new(data, &view, inner / K);
    let figures: Vec<_> = headline::COUNTER_IDS.iter().filter_map(|id| data.figure(id)).collect();
    let (counters, _) = counters::lay_out(&ctx, &figures, 0.0, inner / K, 0.0, false);
    let mut tiles = Scene::new(inner, 0.0, INKS.background);
    for c in &counters {
        c.draw(&mut tiles, 1.0, &INKS);
    }
    let tiles = tiles.resolve(p);
    scene.shapes.extend(tiles.shapes.into_iter().map(|s| transform(s, K, (MARGIN, y + 20.0))));
    scene.text(MARGIN, source_y, data.meta.source.get(lang), Font::regular(16.0), p.muted, Align::Left);

    // The map without its legend (the furniture), fitted to the right column.
    // The map as the page first shows it (the overview: every place and its initiative).
    if let Some(&m) = metric::available(data).first() {
        let layout = MapLayout::new(data, m, 520.0, lang);
        let mut frame = layout.frame(Highlight::default(), None).resolve(p);
        frame.shapes.truncate(frame.shapes.len() - layout.furniture.len());
        let (x0, y0, x1, y1) = bounds(&frame.shapes);
        let (w, h) = (CARD_WIDTH - LEFT - MARGIN, CARD_HEIGHT - 2.0 * MARGIN - 28.0);
        let k = (w / (x1 - x0)).min(h / (y1 - y0));
        let (ox, oy) = (CARD_WIDTH - MARGIN - (x1 - x0) * k, MARGIN + 28.0 + (h - (y1 - y0) * k) / 2.0);
        let caption = crate::map::layout::map_heading(lang);
        scene.text(CARD_WIDTH - MARGIN, MARGIN, caption, Font::bold(18.0), p.text, Align::Right);
        scene.shapes.extend(frame.shapes.into_iter().map(|s| transform(s, k, (ox - x0 * k, oy - y0 * k))));
    }
    scene
}

/// The card as an SVG document, CARD_WIDTH × CARD_HEIGHT.
pub fn card_svg(data: &Dataset, lang: Lang) -> String {
    page::stack(&[card(data, lang)], CARD_WIDTH, 1.0).0
}
