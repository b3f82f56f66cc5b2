//! What the graphic offers besides its charts: the data table (real HTML,
//! for screen readers and anyone who wants the numbers), the CSV download
//! and the PNG export (the long image laid out by `crate::fallback`).

use crate::text::{text, Text};
use wasm_bindgen::prelude::*;
use web_sys::{HtmlCanvasElement, HtmlElement};

use super::dom;
use crate::data::{Dataset, Lang};
use crate::scene::{self, Scene};
use crate::table;

/// The disclosure alone, to hold the place until the table is built.
pub fn table_placeholder(lang: Lang) -> Result<HtmlElement, JsValue> {
    let details: HtmlElement = dom::create("details")?;
    details.set_class_name("ak-table");
    let summary: HtmlElement = dom::create("summary")?;
    summary.set_text_content(Some(table_summary(lang)));
    details.append_child(&summary)?;
    Ok(details)
}

fn table_summary(lang: Lang) -> &'static str {
    text(Text::TableSummary, lang)
}

/// The data table behind a 数据表 / Data table disclosure.
pub fn data_table(data: &Dataset, lang: Lang) -> Result<HtmlElement, JsValue> {
    let details = table_placeholder(lang)?;
    let wrap: HtmlElement = dom::create("div")?;
    wrap.set_class_name("ak-table-wrap");
    let table: HtmlElement = dom::create("table")?;
    let caption: HtmlElement = dom::create("caption")?;
    caption.set_text_content(Some(text(Text::TableCaption, lang)));
    table.append_child(&caption)?;
    let head: HtmlElement = dom::create("thead")?;
    let tr: HtmlElement = dom::create("tr")?;
    for h in table::headers(lang) {
        let th: HtmlElement = dom::create("th")?;
        let _ = th.set_attribute("scope", "col");
        th.set_text_content(Some(h));
        tr.append_child(&th)?;
    }
    head.append_child(&tr)?;
    table.append_child(&head)?;
    let body: HtmlElement = dom::create("tbody")?;
    for row in table::rows(data, lang) {
        let tr: HtmlElement = dom::create("tr")?;
        for (i, cell) in row.iter().enumerate() {
            let td: HtmlElement = dom::create(if i == 0 { "th" } else { "td" })?;
            if i == 0 {
                let _ = td.set_attribute("scope", "row");
            }
            if table::is_chinese_column(lang, i) {
                let _ = td.set_attribute("lang", "zh-CN");
            }
            td.set_text_content(Some(cell));
            tr.append_child(&td)?;
        }
        body.append_child(&tr)?;
    }
    table.append_child(&body)?;
    wrap.append_child(&table)?;
    details.append_child(&wrap)?;
    Ok(details)
}

/// Starts a download of `href` as `name`.
fn download(href: &str, name: &str) -> Result<(), JsValue> {
    let a: web_sys::HtmlAnchorElement = dom::create("a")?;
    a.set_href(href);
    a.set_download(name);
    a.click();
    Ok(())
}

/// Downloads every figure as CSV (UTF-8 with BOM, so Excel reads Chinese).
pub fn download_csv(data: &Dataset) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(&table::csv(data)));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    download(&url, "ankang-figures.csv")?;
    web_sys::Url::revoke_object_url(&url)
}

/// Stacks scenes (each at its own width, left-aligned) into one PNG at
/// `scale` device pixels per CSS pixel, and downloads it.
pub fn download_png(scenes: &[Scene], background: crate::theme::Rgba, scale: f64) -> Result<(), JsValue> {
    let width = scenes.iter().map(|s| s.width).fold(0.0, f64::max);
    let height: f64 = scenes.iter().map(|s| s.height).sum();
    let canvas: HtmlCanvasElement = dom::create("canvas")?;
    canvas.set_width((width * scale).round() as u32);
    canvas.set_height((height * scale).round() as u32);
    let mut backend = super::canvas::Canvas2d::new(&canvas).ok_or("no 2d context")?;
    let ground = Scene::new(width, height, background);
    let _ = scene::paint(&mut backend, &ground, scale);
    let mut y = 0.0;
    for s in scenes {
        let _ = scene::paint_at(&mut backend, s, scale, (0.0, y));
        y += s.height;
    }
    download(&canvas.to_data_url_with_type("image/png")?, "ankang-graphic.png")
}
