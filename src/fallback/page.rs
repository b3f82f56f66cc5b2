//! The static fallback the stand-alone page carries inside its container:
//! the column of scenes as SVG, wide and narrow, in a `<picture>`, and the
//! data table as plain HTML. Shown without JavaScript (through `<noscript>`)
//! or when WebAssembly fails (main.js reveals the hidden copy); the graphic
//! replaces it when it mounts. Printing uses the wide SVG.

use super::{scenes, Sheet, NARROW, WIDTH};
use crate::data::{Dataset, Lang};
use crate::scene::{Align, Scene, Shape};
use crate::table;
use crate::theme::{Rgba, FONT_STACK};

/// File names, by language code; www/ holds them next to index.html.
pub const WIDE_FILE: &str = "fallback-{lang}.svg";
pub const NARROW_FILE: &str = "fallback-{lang}-narrow.svg";

/// One SVG of the fallback: its file and size in CSS px.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub file: String,
    pub width: u32,
    pub height: u32,
}

fn num(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

fn paint(c: Rgba, attr: &str) -> String {
    let mut out = format!(" {attr}=\"{}\"", c.hex());
    if c.3 < 1.0 {
        out.push_str(&format!(" {attr}-opacity=\"{}\"", num(c.3)));
    }
    out
}

fn points(pts: &[(f64, f64)], offset: (f64, f64)) -> String {
    let all: Vec<String> = pts.iter().map(|(x, y)| format!("{},{}", num(x + offset.0), num(y + offset.1))).collect();
    all.join(" ")
}

/// One shape as an SVG element. Written here rather than through plotters'
/// SVG backend, which sets every text at 1/1.24 of its size (below 11 px for
/// the 13 px labels) and repeats the font stack on each of ~2,000 texts.
fn element(out: &mut String, shape: &Shape, o: (f64, f64)) {
    match shape {
        Shape::Rect { x, y, w, h, fill } => out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{}/>\n",
            num(x + o.0),
            num(y + o.1),
            num(*w),
            num(*h),
            paint(*fill, "fill")
        )),
        Shape::Polygon { points: pts, fill } => {
            out.push_str(&format!("<polygon points=\"{}\"{}/>\n", points(pts, o), paint(*fill, "fill")))
        }
        Shape::Path { points: pts, stroke, width, closed } => out.push_str(&format!(
            "<{} points=\"{}\" fill=\"none\"{} stroke-width=\"{}\" stroke-linejoin=\"round\"/>\n",
            if *closed { "polygon" } else { "polyline" },
            points(pts, o),
            paint(*stroke, "stroke"),
            num(*width)
        )),
        Shape::Circle { x, y, r, fill } => out.push_str(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{}/>\n",
            num(x + o.0),
            num(y + o.1),
            num(*r),
            paint(*fill, "fill")
        )),
        Shape::Text { x, y, text, size, bold, color, align } => {
            let anchor = match align {
                Align::Left => "",
                Align::Center => " text-anchor=\"middle\"",
                Align::Right => " text-anchor=\"end\"",
            };
            // `y` is the top of the text box, as the canvas's textBaseline "top".
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{}{anchor}{}>{}</text>\n",
                num(x + o.0),
                num(y + o.1 + size * 0.86),
                num(*size),
                if *bold { " font-weight=\"bold\"" } else { "" },
                paint(*color, "fill"),
                escape(text)
            ));
        }
    }
}

/// Scenes stacked top to bottom into one SVG document `width` px wide (and
/// `scale` times larger); returns it and its height in CSS px.
pub fn stack(scenes: &[Scene], width: f64, scale: f64) -> (String, f64) {
    let height = scenes.iter().map(|s| s.height).sum::<f64>().ceil();
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" font-family=\"{}\">\n",
        num(width * scale),
        num(height * scale),
        num(width),
        num(height),
        escape(FONT_STACK)
    );
    let mut y = 0.0;
    for s in scenes {
        element(&mut out, &Shape::Rect { x: 0.0, y, w: width, h: s.height, fill: s.background }, (0.0, 0.0));
        for shape in &s.shapes {
            element(&mut out, shape, (0.0, y));
        }
        y += s.height;
    }
    out.push_str("</svg>\n");
    (out, height)
}

/// The whole graphic drawn `width` px wide, as one SVG document, and its height.
pub fn svg_at(data: &Dataset, lang: Lang, width: f64) -> (String, f64) {
    stack(&scenes(data, &Sheet::fallback(width, lang)), width, 1.0)
}

/// The wide fallback.
pub fn svg(data: &Dataset, lang: Lang) -> (String, f64) {
    svg_at(data, lang, WIDTH)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The HTML placed inside the page's container: the SVGs as one responsive
/// image (a text alternative, the narrow one below 720 px) and the data table.
pub fn html(data: &Dataset, lang: Lang, wide: &Picture, narrow: &Picture) -> String {
    let alt = crate::text::fill(crate::text::Text::StaticAlt, lang, &[data.meta.title.get(lang)]);
    let alt = escape(&alt);
    let media = format!("(max-width: {}px)", WIDTH as u32 - 1);
    let source = |attr: &str| {
        format!(
            "<source media=\"{media}\" {attr}=\"{}\" width=\"{}\" height=\"{}\">",
            narrow.file, narrow.width, narrow.height
        )
    };
    let size = format!("width=\"{}\" height=\"{}\"", wide.width, wide.height);
    let summary = crate::text::text(crate::text::Text::TableSummary, lang);
    let mut out = String::new();
    out.push_str("<div class=\"ak-fallback\">\n");
    // Without JavaScript the picture loads from <noscript>; if the module
    // fails to load, main.js fills the hidden copy from its data- attributes.
    // Either way a reader with a working graphic downloads neither.
    out.push_str(&format!(
        "<noscript><picture>{}<img src=\"{}\" {size} alt=\"{alt}\"></picture></noscript>\n",
        source("srcset"),
        wide.file
    ));
    out.push_str(&format!(
        "<picture class=\"ak-fallback-pic\" hidden>{}<img class=\"ak-fallback-img\" data-src=\"{}\" {size} alt=\"{alt}\"></picture>\n",
        source("data-srcset"),
        wide.file
    ));
    out.push_str(&format!("<details class=\"ak-table\"><summary>{}</summary>\n", escape(summary)));
    out.push_str("<table class=\"ak-fallback-table\">\n<caption>");
    out.push_str(&escape(crate::text::text(crate::text::Text::StaticCaption, lang)));
    out.push_str("</caption>\n<thead><tr>");
    for h in table::headers(lang) {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in table::rows(data, lang) {
        out.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(&row[0])));
        for (i, cell) in row.iter().enumerate().skip(1) {
            // The English page marks its Chinese cells, for screen readers.
            let zh = if lang == Lang::En && table::is_chinese_column(lang, i) { " lang=\"zh-CN\"" } else { "" };
            out.push_str(&format!("<td{zh}>{}</td>", escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</details>\n</div>\n");
    out
}

/// The file name of a fallback SVG in `lang`.
pub fn file_name(pattern: &str, lang: Lang) -> String {
    pattern.replace("{lang}", if lang == Lang::Zh { "zh" } else { "en" })
}

/// The block www/index.html carries (in 中文), with both SVGs' sizes.
pub fn page_block(data: &Dataset) -> String {
    let picture = |pattern: &str, width: f64| Picture {
        file: file_name(pattern, Lang::Zh),
        width: width as u32,
        height: svg_at(data, Lang::Zh, width).1 as u32,
    };
    html(data, Lang::Zh, &picture(WIDE_FILE, WIDTH), &picture(NARROW_FILE, NARROW))
}

/// Replaces what stands between the fallback markers in `page`.
pub fn splice(page: &str, block: &str) -> Option<String> {
    const START: &str = "<!-- fallback:start -->";
    const END: &str = "<!-- fallback:end -->";
    let a = page.find(START)? + START.len();
    let b = page.find(END)?;
    (a <= b).then(|| format!("{}\n{}{}", &page[..a], block, &page[b..]))
}
