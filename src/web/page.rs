//! The graphic's DOM, built once at mount: header and toolbar, a section per
//! chart, the map, the data table, the footer, the provenance tooltip and
//! the print copy. No behaviour: the shell fills it from the app's state.

use crate::text::{fill, text, Text};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::chart_view::ChartView;
use super::dom;
use super::map_view::MapView;
use super::tooltip::Tip;
use crate::app::{Msg, State};
use crate::charts::ChartKind;
use crate::data::Lang;

/// The header's texts and switches, and the footer's.
struct Header {
    kicker: HtmlElement,
    title: HtmlElement,
    standfirst: HtmlElement,
    toolbar: HtmlElement,
    lang_button: HtmlElement,
    motion_button: HtmlElement,
    png_button: HtmlElement,
    csv_button: HtmlElement,
    source: HtmlElement,
    credits: HtmlElement,
}

pub struct Page {
    pub root: HtmlElement,
    header: Header,
    pub charts: Vec<ChartView>,
    pub map: Option<MapView>,
    pub tip: Tip,
    /// The data table, built when the page is idle and rebuilt per language.
    table: HtmlElement,
}

pub fn el(tag: &str, class: &str) -> Result<HtmlElement, JsValue> {
    let e: HtmlElement = dom::create(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

fn switch(action: &str) -> Result<HtmlElement, JsValue> {
    let b = el("button", "ak-switch")?;
    let _ = b.set_attribute("type", "button");
    let _ = b.set_attribute("data-action", action);
    Ok(b)
}

/// "2025-04-28" → "2025年4月28日".
fn date_zh(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => format!("{y}年{}月{}日", m.trim_start_matches('0'), d.trim_start_matches('0')),
        _ => iso.to_owned(),
    }
}

impl Page {
    pub fn build(root: HtmlElement, app: &State) -> Result<Page, JsValue> {
        dom::clear(&root);
        root.class_list().add_1("ak-graphic")?;
        let header = el("header", "ak-header")?;
        let (kicker, title, standfirst) = (el("p", "ak-kicker")?, el("h2", "ak-title")?, el("p", "ak-standfirst")?);
        let toolbar = el("div", "ak-toolbar")?;
        let (lang_button, motion_button, png_button, csv_button) =
            (switch("lang")?, switch("motion")?, switch("png")?, switch("csv")?);
        for b in [&lang_button, &motion_button, &png_button, &csv_button] {
            toolbar.append_child(b)?;
        }
        for child in [&kicker, &title, &standfirst, &toolbar] {
            header.append_child(child)?;
        }
        root.append_child(&header)?;
        let grid = el("div", "ak-grid")?;
        root.append_child(&grid)?;
        let mut charts = Vec::new();
        for kind in ChartKind::ALL {
            let view = ChartView::new(kind)?;
            grid.append_child(&view.section)?;
            charts.push(view);
        }
        let map = if app.metrics.is_empty() { None } else { Some(MapView::new(&app.metrics)?) };
        if let Some(map) = &map {
            root.append_child(&map.section)?;
        }
        // The table's ~500 cells are built when the page is idle, off the first frame's path.
        let table = super::extras::table_placeholder(app.view.lang)?;
        root.append_child(&table)?;
        let footer = el("footer", "ak-footer")?;
        let (source, credits) = (el("p", "ak-source-line")?, el("p", "ak-credits")?);
        footer.append_child(&source)?;
        footer.append_child(&credits)?;
        root.append_child(&footer)?;
        let tip = Tip::new()?;
        root.append_child(&tip.element)?;
        // For print, CSS swaps the canvases for the static SVG drawn into this.
        let print = el("div", "ak-print")?;
        let _ = print.set_attribute("aria-hidden", "true");
        root.append_child(&print)?;
        let header = Header {
            kicker,
            title,
            standfirst,
            toolbar,
            lang_button,
            motion_button,
            png_button,
            csv_button,
            source,
            credits,
        };
        Ok(Page { root, header, charts, map, tip, table })
    }

    pub fn toolbar(&self) -> &HtmlElement {
        &self.header.toolbar
    }

    /// What the browser measures for a layout: widths of the graphic, each
    /// chart slot and the map body, and the DPR. All reads, no writes.
    pub fn measure(&self) -> Msg {
        let width = self.root.get_bounding_client_rect().width().floor();
        let dpr = dom::window().map_or(1.0, |w| w.device_pixel_ratio());
        let slots = self.charts.iter().map(ChartView::slot_width).collect();
        let map_body = self.map.as_ref().map_or(0.0, MapView::body_width);
        Msg::Resize { width, dpr, slots, map_body }
    }

    /// The charts whose slot is at least 20 % in the viewport now (the
    /// visibility observer's rule), unless the tab is hidden.
    pub fn in_view(&self) -> Vec<usize> {
        let hidden = dom::document().is_some_and(|d| d.hidden());
        let viewport = dom::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64());
        let Some(viewport) = viewport.filter(|_| !hidden) else { return Vec::new() };
        (0..self.charts.len())
            .filter(|&i| {
                let r = self.charts[i].slot.get_bounding_client_rect();
                let seen = (r.bottom().min(viewport) - r.top().max(0.0)).max(0.0);
                r.height() > 0.0 && seen >= 0.2 * r.height()
            })
            .collect()
    }

    /// Sizes every canvas for the layouts in `app`.
    pub fn fit(&mut self, app: &State) {
        let (lang, dpr) = (app.view.lang, app.view.layout_dpr());
        for (view, chart) in self.charts.iter_mut().zip(&app.charts) {
            view.fit(chart.as_deref(), lang, dpr);
        }
        if let Some(map) = &mut self.map {
            map.fit(app);
        }
    }

    /// Every text the DOM holds outside the canvases, in the current language.
    pub fn apply_texts(&self, app: &State) {
        let (lang, h, meta) = (app.view.lang, &self.header, &app.data.meta);
        let _ = self.root.set_attribute("lang", if lang == Lang::Zh { "zh-CN" } else { "en" });
        let _ = self.root.set_attribute("data-theme", app.view.theme.code());
        let date = if lang == Lang::Zh { date_zh(&meta.date) } else { meta.date.clone() };
        let kicker = fill(Text::Kicker, lang, &[&date]);
        h.kicker.set_text_content(Some(&kicker));
        h.title.set_text_content(Some(meta.title.get(lang)));
        h.standfirst.set_text_content(Some(meta.standfirst.get(lang)));
        h.source.set_text_content(Some(meta.source.get(lang)));
        h.credits.set_text_content(Some(meta.credits.get(lang)));
        h.lang_button.set_text_content(Some(text(Text::LangButton, lang)));
        let _ = h.lang_button.set_attribute("aria-label", text(Text::LangButtonLabel, lang));
        let _ = h.lang_button.set_attribute("lang", if lang == Lang::Zh { "en" } else { "zh-CN" });
        let on = !app.view.reduced_motion;
        h.motion_button.set_text_content(Some(text(if on { Text::MotionOn } else { Text::MotionOff }, lang)));
        let _ = h.motion_button.set_attribute("aria-pressed", if on { "true" } else { "false" });
        h.png_button.set_text_content(Some(text(Text::DownloadPng, lang)));
        h.csv_button.set_text_content(Some(text(Text::DownloadCsv, lang)));
        for view in &self.charts {
            view.apply_texts(lang);
        }
        if let Some(map) = &self.map {
            map.refresh(app);
        }
    }

    pub fn rebuild_table(&mut self, app: &State) {
        if let Ok(table) = super::extras::data_table(&app.data, app.view.lang) {
            let _ = self.root.replace_child(&table, &self.table);
            self.table = table;
        }
    }
}
