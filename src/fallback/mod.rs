//! The whole graphic as one column of settled scenes, top to bottom: title
//! and standfirst, every chart under its section head, the map and the county
//! bars, then the source, the credits and (for the exported image) the page's
//! address. One list, drawn three ways: the static fallback SVGs and the
//! social card natively at build time (`cargo run --bin render-fallback`),
//! and the long image the 下载图片 button exports, in the browser.

use crate::charts::{ChartKind, Ctx};
use crate::data::{Dataset, Lang, Metric};
use crate::map::bars::CountyBars;
use crate::map::{metric, Highlight, MapLayout};
use crate::scene::{Align, Font, Scene, Shape};
use crate::theme::{Palette, Theme};
use crate::view::View;

#[cfg(not(target_arch = "wasm32"))]
mod card;
#[cfg(not(target_arch = "wasm32"))]
mod page;
#[cfg(not(target_arch = "wasm32"))]
pub use card::{card_svg, CARD_HEIGHT, CARD_WIDTH};
#[cfg(not(target_arch = "wasm32"))]
pub use page::{file_name, html, page_block, splice, stack, svg, svg_at, Picture, NARROW_FILE, WIDE_FILE};

/// Width the wide fallback is drawn at, shown unscaled from 720 px up.
pub const WIDTH: f64 = 720.0;
/// Width the narrow fallback is drawn at, shown at 100 % below 720 px:
/// the narrowest phone layout, so a phone only ever scales it up.
pub const NARROW: f64 = 320.0;
/// The exported long image (长图): the phone layout at 3×, 1080 px wide,
/// the size WeChat and Weibo show without rescaling.
pub const LONG_WIDTH: f64 = 360.0;
pub const LONG_SCALE: f64 = 3.0;

/// What the column shows besides the data.
#[derive(Clone, Copy, Debug)]
pub struct Sheet<'a> {
    pub width: f64,
    pub lang: Lang,
    pub theme: Theme,
    /// The map's metric; the first one the data supports when None.
    pub metric: Option<Metric>,
    /// The county or zone shown selected on the map and the bars.
    pub selected: Option<&'a str>,
    /// The page's address, printed last (the exported image).
    pub url: Option<&'a str>,
}

impl Sheet<'_> {
    /// The static fallback: light, nothing selected, no address.
    pub fn fallback(width: f64, lang: Lang) -> Self {
        Sheet { width, lang, theme: Theme::Light, metric: None, selected: None, url: None }
    }
}

/// The label before the address in the exported image.
fn url_label(lang: Lang) -> &'static str {
    crate::text::text(crate::text::Text::InteractiveAt, lang)
}

/// Sizes of the title block, by width: phones get smaller type.
fn title_sizes(width: f64) -> (f64, f64) {
    if width >= 560.0 {
        (26.0, 15.0)
    } else {
        (22.0, 14.0)
    }
}

fn title_scene(data: &Dataset, sheet: &Sheet, ctx: &Ctx) -> Scene {
    let (p, pad) = (sheet.theme.palette(), ctx.pad());
    let (title, body) = title_sizes(sheet.width);
    let inner = sheet.width - 2.0 * pad;
    let mut lines = Vec::new();
    let mut y = 16.0;
    crate::charts::wrap_into(&mut lines, pad, &mut y, data.meta.title.get(sheet.lang), title, true, inner);
    y += 4.0;
    crate::charts::wrap_into(&mut lines, pad, &mut y, data.meta.standfirst.get(sheet.lang), body, false, inner);
    let mut scene = Scene::new(sheet.width, y + 12.0, p.background);
    crate::charts::draw_lines(&mut scene, &lines, p.text);
    scene
}

fn heading_scene(heading: &str, ctx: &Ctx, p: &Palette) -> Scene {
    let mut scene = Scene::new(ctx.width, 34.0, p.background);
    scene.rect(0.0, 4.0, ctx.width, 1.0, p.rule);
    scene.text(ctx.pad(), 12.0, heading, Font::bold(17.0), p.text, Align::Left);
    scene
}

/// Breaks an address after its separators, so a long one wraps between
/// path segments rather than running off the image.
fn url_lines(url: &str, first_width: f64, width: f64, size: f64) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut piece = String::new();
    let push = |piece: &str, lines: &mut Vec<String>| {
        let max = if lines.len() == 1 { first_width } else { width };
        let last = lines.last_mut().expect("one line at least");
        if !last.is_empty() && crate::layout::text::width(&format!("{last}{piece}"), size, false) > max {
            lines.push(piece.to_owned());
        } else {
            last.push_str(piece);
        }
    };
    for c in url.chars() {
        piece.push(c);
        if "/?&#=".contains(c) {
            push(&piece, &mut lines);
            piece.clear();
        }
    }
    push(&piece, &mut lines);
    lines
}

fn source_scene(data: &Dataset, sheet: &Sheet, ctx: &Ctx) -> Scene {
    const SIZE: f64 = 12.0;
    let (p, pad) = (sheet.theme.palette(), ctx.pad());
    let inner = sheet.width - 2.0 * pad;
    let mut lines = Vec::new();
    let mut y = 12.0;
    for text in [data.meta.source.get(sheet.lang), data.meta.credits.get(sheet.lang)] {
        crate::charts::wrap_into(&mut lines, pad, &mut y, text, SIZE, false, inner);
    }
    let mut scene = Scene::new(sheet.width, 0.0, p.background);
    crate::charts::draw_lines(&mut scene, &lines, p.muted);
    if let Some(url) = sheet.url {
        // The label and the address's first part as one text: no gap left
        // between them by the width model's estimate.
        let label = url_label(sheet.lang);
        let label_w = crate::layout::text::width(label, SIZE, false);
        for (i, line) in url_lines(url, inner - label_w, inner, SIZE).into_iter().enumerate() {
            let line = if i == 0 { format!("{label}{line}") } else { line };
            scene.text(pad, y, line, Font::regular(SIZE), p.text, Align::Left);
            y += crate::layout::text::line_height(SIZE);
        }
    }
    scene.height = y + 12.0;
    scene
}

/// Every scene of the graphic, top to bottom, settled.
pub fn scenes(data: &Dataset, sheet: &Sheet) -> Vec<Scene> {
    let view = View { lang: sheet.lang, theme: sheet.theme, ..View::default() };
    let ctx = Ctx::new(data, &view, sheet.width);
    let palette: &Palette = sheet.theme.palette();
    let mut out = vec![title_scene(data, sheet, &ctx)];
    for kind in ChartKind::ALL {
        if let Some(chart) = kind.build(&ctx) {
            out.push(heading_scene(kind.heading(sheet.lang), &ctx, palette));
            out.push(chart.frame(f64::INFINITY).resolve(palette));
        }
    }
    let available = metric::available(data);
    if let Some(m) = sheet.metric.filter(|m| available.contains(m)).or(available.first().copied()) {
        out.push(heading_scene(crate::map::layout::map_heading(sheet.lang), &ctx, palette));
        let highlight = Highlight { hovered: None, selected: sheet.selected };
        let mut map = MapLayout::new(data, m, sheet.width.min(560.0), sheet.lang);
        // Shown at 360 px and up, the column may be drawn narrower (the narrow fallback).
        legible_labels(&mut map, (110.0 * sheet.width.min(360.0) / 360.0).ceil() / 10.0);
        out.push(map.frame(highlight, None).resolve(palette));
        let pad = ctx.pad();
        let bars = CountyBars::new(data, m, sheet.width - 2.0 * pad, sheet.lang);
        let mut padded = Scene::new(sheet.width, bars.height + 16.0, palette.background);
        let inner = bars.frame(None, sheet.selected, None).resolve(palette);
        padded.shapes.extend(inner.shapes.into_iter().map(|s| transform(s, 1.0, (pad, 8.0))));
        out.push(padded);
    }
    out.push(source_scene(data, sheet, &ctx));
    out
}

/// Map labels grown to at least `floor` px, each about its own centre. The
/// interactive map shrinks crowded labels (to 0.85×), which on a canvas the
/// reader can zoom is fine; a static image must stay readable as it is.
/// Labels sit on translucent plates, so a little growth into a neighbour
/// still reads.
fn legible_labels(map: &mut MapLayout, floor: f64) {
    for label in &mut map.labels {
        let smallest = label.lines.iter().map(|l| l.size).fold(f64::INFINITY, f64::min);
        if smallest >= floor {
            continue;
        }
        let k = floor / smallest;
        for line in &mut label.lines {
            line.size *= k;
        }
        let r = &mut label.rect;
        let (cx, cy) = (r.x + r.w / 2.0, r.y + r.h / 2.0);
        (r.w, r.h) = (r.w * k, r.h * k);
        (r.x, r.y) = (cx - r.w / 2.0, cy - r.h / 2.0);
    }
}

/// `shape` scaled by `k` about the origin, then moved by `offset`.
pub fn transform<C>(shape: Shape<C>, k: f64, offset: (f64, f64)) -> Shape<C> {
    let (dx, dy) = offset;
    let mv = |pts: Vec<(f64, f64)>| pts.into_iter().map(|(x, y)| (x * k + dx, y * k + dy)).collect();
    match shape {
        Shape::Rect { x, y, w, h, fill } => Shape::Rect { x: x * k + dx, y: y * k + dy, w: w * k, h: h * k, fill },
        Shape::Polygon { points, fill } => Shape::Polygon { points: mv(points), fill },
        Shape::Path { points, stroke, width, closed } => {
            Shape::Path { points: mv(points), stroke, width: width * k, closed }
        }
        Shape::Circle { x, y, r, fill } => Shape::Circle { x: x * k + dx, y: y * k + dy, r: r * k, fill },
        Shape::Text { x, y, text, size, bold, color, align } => {
            Shape::Text { x: x * k + dx, y: y * k + dy, text, size: size * k, bold, color, align }
        }
    }
}

/// The smallest text in `scenes`, CSS px as drawn (before any scaling).
pub fn smallest_text(scenes: &[Scene]) -> f64 {
    scenes
        .iter()
        .flat_map(|s| &s.shapes)
        .filter_map(|s| match s {
            Shape::Text { size, .. } => Some(*size),
            _ => None,
        })
        .fold(f64::INFINITY, f64::min)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data;

    /// Texts of all scenes, in order.
    fn texts(scenes: &[Scene]) -> Vec<&str> {
        scenes.iter().flat_map(Scene::texts).collect()
    }

    #[test]
    fn no_fallback_text_is_read_below_11_px() {
        let data = data::embedded().unwrap();
        for lang in [Lang::Zh, Lang::En] {
            // The wide SVG is shown unscaled (from 720 px up), the narrow one
            // at 100 % of a 360 px phone.
            assert!(smallest_text(&scenes(&data, &Sheet::fallback(WIDTH, lang))) >= 11.0);
            assert!(smallest_text(&scenes(&data, &Sheet::fallback(NARROW, lang))) * 360.0 / NARROW >= 11.0);
        }
    }

    #[test]
    fn the_long_image_has_title_heads_source_credits_and_address_in_the_readers_language_and_theme() {
        let data = data::embedded().unwrap();
        let url = "https://example.com/ankang/#lang=en";
        let sheet = Sheet {
            width: LONG_WIDTH,
            lang: Lang::En,
            theme: Theme::Dark,
            metric: None,
            selected: None,
            url: Some(url),
        };
        let scenes = scenes(&data, &sheet);
        let all = texts(&scenes);
        assert!(data.meta.title.en.starts_with(all[0]), "the title comes first: {}", all[0]);
        for kind in ChartKind::ALL {
            assert!(all.contains(&kind.heading(Lang::En)), "section head {:?}", kind);
        }
        let tail = all[all.len().saturating_sub(12)..].concat();
        assert!(tail.replace(' ', "").contains(&data.meta.source.en.replace(' ', "")), "source: {tail}");
        assert!(tail.replace(' ', "").contains(&data.meta.credits.en.replace(' ', "")), "credits: {tail}");
        assert!(tail.contains(url_label(Lang::En)) && tail.contains(url), "address: {tail}");
        assert!(scenes.iter().all(|s| s.width == LONG_WIDTH && s.background == Theme::Dark.palette().background));
        assert_eq!((LONG_WIDTH * LONG_SCALE) as u32, 1080);
    }

    #[test]
    fn the_card_fills_1200_by_630_and_keeps_everything_inside() {
        let data = data::embedded().unwrap();
        let card = card::card(&data, Lang::Zh);
        assert_eq!((card.width, card.height), (CARD_WIDTH, CARD_HEIGHT));
        let all = texts(std::slice::from_ref(&card)).concat();
        assert!(all.contains("潮涌汉江") && all.contains("工运新程再启航") && all.contains("18万"), "{all}");
        for shape in &card.shapes {
            let (x0, y0, x1, y1) = card::bounds(std::slice::from_ref(shape));
            assert!(x0 >= 0.0 && y0 >= 0.0 && y1 <= CARD_HEIGHT, "{shape:?}");
            if let Shape::Text { text, size, bold, align: Align::Left, .. } = shape {
                assert!(x1 + crate::layout::text::width(text, *size, *bold) <= CARD_WIDTH, "{text}");
            }
        }
    }

    #[test]
    fn svg_texts_keep_their_size() {
        let data = data::embedded().unwrap();
        let (svg, height) = svg_at(&data, Lang::Zh, NARROW);
        assert!(svg.starts_with("<svg") && height > 1000.0);
        let sizes: Vec<f64> =
            svg.split("font-size=\"").skip(1).map(|rest| rest[..rest.find('"').unwrap()].parse().unwrap()).collect();
        let drawn = smallest_text(&scenes(&data, &Sheet::fallback(NARROW, Lang::Zh)));
        assert!((sizes.iter().copied().fold(f64::INFINITY, f64::min) - drawn).abs() < 0.01, "{drawn}");
    }

    #[test]
    fn long_addresses_wrap_after_separators() {
        let url = "https://news.example.com/2025/04/28/ankang/index.html#county=610924&metric=new_unions";
        let lines = url_lines(url, 200.0, 300.0, 12.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), url);
        assert!(lines[..lines.len() - 1].iter().all(|l| "/?&#=".contains(l.chars().last().unwrap())));
    }
}
