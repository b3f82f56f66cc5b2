//! The static fallback: the whole graphic rendered natively into one SVG by
//! plotters' SVG backend and the very same chart code, plus the data table as
//! plain HTML. Used where JavaScript or WebAssembly is missing, and for print.
//! `cargo run --bin render-fallback` writes it into www/ (see .ci/build).

use plotters::prelude::SVGBackend;

use crate::charts::{ChartKind, Ctx};
use crate::data::{Dataset, Lang};
use crate::map::bars::CountyBars;
use crate::map::{metric, Highlight, MapLayout};
use crate::scene::{self, Align, Font, Scene};
use crate::table;
use crate::theme::Theme;
use crate::view::View;

/// Width the fallback is drawn at; it scales down as an image.
pub const WIDTH: f64 = 720.0;

/// A title block: kicker, title, standfirst.
fn title_scene(data: &Dataset, lang: Lang) -> Scene {
    let p = Theme::Light.palette();
    let mut lines = Vec::new();
    let mut y = 16.0;
    let inner = WIDTH - 40.0;
    crate::charts::wrap_into(&mut lines, 20.0, &mut y, data.meta.title.get(lang), 26.0, true, inner);
    y += 4.0;
    crate::charts::wrap_into(&mut lines, 20.0, &mut y, data.meta.standfirst.get(lang), 15.0, false, inner);
    let mut scene = Scene::new(WIDTH, y + 12.0, p.background);
    crate::charts::draw_lines(&mut scene, &lines, p.text);
    scene
}

fn heading_scene(heading: &str) -> Scene {
    let p = Theme::Light.palette();
    let mut scene = Scene::new(WIDTH, 34.0, p.background);
    scene.rect(0.0, 4.0, WIDTH, 1.0, p.rule);
    scene.text(20.0, 12.0, heading, Font::bold(17.0), p.text, Align::Left);
    scene
}

fn source_scene(data: &Dataset, lang: Lang) -> Scene {
    let p = Theme::Light.palette();
    let mut lines = Vec::new();
    let mut y = 12.0;
    for text_ in [data.meta.source.get(lang), data.meta.credits.get(lang)] {
        crate::charts::wrap_into(&mut lines, 20.0, &mut y, text_, 12.0, false, WIDTH - 40.0);
    }
    let mut scene = Scene::new(WIDTH, y + 12.0, p.background);
    crate::charts::draw_lines(&mut scene, &lines, p.muted);
    scene
}

/// Every scene of the graphic, top to bottom, settled, in light theme.
pub fn scenes(data: &Dataset, lang: Lang) -> Vec<Scene> {
    let view = View { lang, ..View::default() };
    let ctx = Ctx::new(data, &view, WIDTH);
    let mut out = vec![title_scene(data, lang)];
    for kind in ChartKind::ALL {
        if let Some(chart) = kind.build(&ctx) {
            out.push(heading_scene(kind.heading(lang)));
            out.push(chart.frame(f64::INFINITY));
        }
    }
    if let Some(&m) = metric::available(data).first() {
        let palette = Theme::Light.palette();
        out.push(heading_scene(crate::map::layout::map_heading(lang)));
        out.push(MapLayout::new(data, m, WIDTH.min(560.0), lang, palette).frame(Highlight::default(), None));
        let bars = CountyBars::new(data, m, WIDTH - 40.0, lang, palette);
        let mut padded = Scene::new(WIDTH, bars.height + 16.0, palette.background);
        let inner = bars.frame(None, None, None);
        padded.shapes.extend(inner.shapes.into_iter().map(|s| shift(s, 20.0, 8.0)));
        out.push(padded);
    }
    out.push(source_scene(data, lang));
    out
}

fn shift(shape: scene::Shape, dx: f64, dy: f64) -> scene::Shape {
    use scene::Shape::*;
    let mv = |pts: Vec<(f64, f64)>| pts.into_iter().map(|(x, y)| (x + dx, y + dy)).collect();
    match shape {
        Rect { x, y, w, h, fill } => Rect { x: x + dx, y: y + dy, w, h, fill },
        Polygon { points, fill } => Polygon { points: mv(points), fill },
        Path { points, stroke, width, closed } => Path { points: mv(points), stroke, width, closed },
        Circle { x, y, r, fill } => Circle { x: x + dx, y: y + dy, r, fill },
        Text { x, y, text, size, bold, color, align } => Text { x: x + dx, y: y + dy, text, size, bold, color, align },
    }
}

/// The whole graphic as one SVG document, and its height.
pub fn svg(data: &Dataset, lang: Lang) -> (String, f64) {
    let scenes = scenes(data, lang);
    let height: f64 = scenes.iter().map(|s| s.height).sum::<f64>().ceil();
    let mut out = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut out, (WIDTH as u32, height as u32));
        let mut y = 0.0;
        for s in &scenes {
            let _ = scene::paint_at(&mut backend, s, 1.0, (0.0, y));
            y += s.height;
        }
    }
    (out, height)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The HTML placed inside the page's container: the SVG as an image (with
/// a text alternative) and the data table. The graphic replaces it on mount.
pub fn html(data: &Dataset, lang: Lang, svg_file: &str, svg_height: f64) -> String {
    let alt = match lang {
        Lang::Zh => format!("{}：静态图表（页面脚本未能运行）", data.meta.title.zh),
        Lang::En => format!("{}: static graphic (the page's script did not run)", data.meta.title.en),
    };
    let (w, h, alt) = (WIDTH as u32, svg_height as u32, escape(&alt));
    let summary = match lang {
        Lang::Zh => "数据表：文中全部数字",
        Lang::En => "Data table: every figure in the article",
    };
    let mut out = String::new();
    out.push_str("<div class=\"ak-fallback\">\n");
    // Without JavaScript the image loads from <noscript>; if the module fails
    // to load, main.js sets the second image's src from data-src. Either way
    // a reader with a working graphic never downloads it.
    out.push_str(&format!(
        "<noscript><img src=\"{svg_file}\" width=\"{w}\" height=\"{h}\" alt=\"{alt}\"></noscript>\n"
    ));
    out.push_str(&format!(
        "<img class=\"ak-fallback-img\" data-src=\"{svg_file}\" width=\"{w}\" height=\"{h}\" alt=\"{alt}\" hidden>\n"
    ));
    out.push_str(&format!("<details class=\"ak-table\"><summary>{}</summary>\n", escape(summary)));
    out.push_str("<table class=\"ak-fallback-table\">\n<caption>");
    out.push_str(&escape(match lang {
        Lang::Zh => "文中全部数字（“+”表示“余/多/超”，“≥”表示“不少于”）",
        Lang::En => "Every figure in the article (“+” means more than, “≥” at least)",
    }));
    out.push_str("</caption>\n<thead><tr>");
    for h in table::headers(lang) {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in table::rows(data, lang) {
        out.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(&row[0])));
        for cell in &row[1..] {
            out.push_str(&format!("<td>{}</td>", escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</details>\n</div>\n");
    out
}

/// Replaces what stands between the fallback markers in `page`.
pub fn splice(page: &str, block: &str) -> Option<String> {
    const START: &str = "<!-- fallback:start -->";
    const END: &str = "<!-- fallback:end -->";
    let a = page.find(START)? + START.len();
    let b = page.find(END)?;
    (a <= b).then(|| format!("{}\n{}{}", &page[..a], block, &page[b..]))
}
