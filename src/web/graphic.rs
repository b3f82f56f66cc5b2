//! The handle a host page holds for one mounted graphic, and mounting: the
//! data, the first state, the DOM, and the listeners. All behaviour lives in
//! `app`; the handle's calls are messages like the reader's own.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

use super::dom;
use super::page::Page;
use super::shell::{dispatch, install_tick, Shell};
use super::wiring::{self, system_theme};
use crate::app::{HostCall, Msg, State};
use crate::data::{self, DataError, Dataset, Lang};
use crate::map::metric;
use crate::theme::Theme;
use crate::view::View;

/// A graphic mounted in the page. Dropping it (wasm-bindgen's `free()`)
/// removes every listener and observer it installed.
#[wasm_bindgen]
pub struct Graphic {
    shell: Rc<Shell>,
}

/// Where the data comes from: options.data, a `data-source` JSON script, or the module.
fn load_data(root: &Element, options: &JsValue) -> Result<Dataset, DataError> {
    if let Some(value) = dom::option_value(options, "data") {
        return data::from_js(value);
    }
    if let Some(selector) = root.get_attribute("data-source") {
        let text = dom::document()
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|script| script.text_content())
            .ok_or_else(|| {
                let detail = format!("no element matches \"{selector}\"");
                DataError::new(data::ErrorKind::Syntax, None, "data-source", detail)
            })?;
        return data::from_json_str(&text);
    }
    data::embedded()
}

fn show_error(root: &Element, error: &DataError) {
    dom::clear(root);
    if let Ok(p) = dom::create::<HtmlElement>("p") {
        p.set_class_name("ak-error");
        let _ = p.set_attribute("role", "alert");
        p.set_text_content(Some(&format!("图表数据有误，无法显示。The graphic's data is invalid: {error}")));
        dom::set_style(
            &p,
            &[
                ("margin", "0"),
                ("padding", "16px"),
                ("border", "2px solid #b02a1e"),
                ("color", "#1a1a1a"),
                ("background", "#fff"),
                ("font", "15px/1.5 system-ui, sans-serif"),
            ],
        );
        let _ = root.append_child(&p);
    }
}

fn current_hash() -> String {
    dom::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

impl Graphic {
    pub fn mount(element: &Element, options: &JsValue) -> Result<Graphic, JsValue> {
        let root: HtmlElement =
            element.clone().dyn_into().map_err(|_| JsValue::from_str("mount: not an HTML element"))?;
        let _ = root.set_attribute("data-ankang-mounted", "");
        let data = match load_data(element, options) {
            Ok(data) => data,
            Err(error) => {
                show_error(element, &error);
                return Err(JsValue::from_str(&error.to_string()));
            }
        };
        let lang = dom::option_string(options, "lang")
            .or_else(|| root.get_attribute("data-lang"))
            .and_then(|code| Lang::parse(&code))
            .unwrap_or_default();
        let animate_off = dom::option_value(options, "animate").is_some_and(|v| v.as_bool() == Some(false))
            || root.get_attribute("data-animate").as_deref() == Some("off");
        let forced_theme = dom::option_string(options, "theme")
            .or_else(|| root.get_attribute("data-theme"))
            .and_then(|t| Theme::parse(&t));
        let deeplink = dom::option_value(options, "deeplink").is_some_and(|v| v.as_bool() == Some(true))
            || root.has_attribute("data-deeplink");
        let view = View {
            width: 0.0,
            dpr: 1.0,
            lang,
            reduced_motion: animate_off || dom::media_matches("(prefers-reduced-motion: reduce)"),
            theme: forced_theme.unwrap_or_else(system_theme),
        };
        let mut app = State::new(data, view, forced_theme.is_some(), deeplink);
        if deeplink {
            // Language and theme before anything is built; the rest once laid out.
            crate::app::update(&mut app, Msg::Hash { hash: current_hash(), full: false }, 0.0);
        }
        let page = Page::build(root, &app)?;
        page.apply_texts(&app);
        let shell = Shell::new(app, page);
        install_tick(&shell);
        wiring::remeasure(&shell);
        // The charts already in view start and draw now, inside mount.
        let in_view = shell.page.borrow().in_view();
        if !in_view.is_empty() {
            dispatch(&shell, Msg::InView(in_view));
        }
        wiring::install_resize(&shell);
        wiring::install_observers(&shell);
        wiring::install_page_listeners(&shell);
        wiring::install_events(&shell);
        wiring::schedule_idle_work(&shell);
        if deeplink {
            dispatch(&shell, Msg::Hash { hash: current_hash(), full: true });
        }
        Ok(Graphic { shell })
    }

    /// Keeps the graphic alive for the rest of the page's life.
    pub fn leak(self) {
        std::mem::forget(self);
    }

    fn call(&self, call: HostCall) {
        dispatch(&self.shell, Msg::Host(call));
    }

    fn read<T>(&self, f: impl FnOnce(&State) -> T) -> Option<T> {
        self.shell.app.try_borrow().ok().map(|app| f(&app))
    }
}

#[wasm_bindgen]
impl Graphic {
    /// Switches the language of every text and redraws.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, code: &str) -> bool {
        let Some(lang) = Lang::parse(code) else { return false };
        self.call(HostCall::SetLang(lang));
        true
    }

    /// Forces the light or dark theme ("light" / "dark"); "" follows the system again.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&self, code: &str) -> bool {
        let (theme, forced) = match Theme::parse(code) {
            Some(theme) => (theme, true),
            None if code.is_empty() => (system_theme(), false),
            None => return false,
        };
        self.call(HostCall::SetTheme { theme, forced });
        true
    }

    /// Turns animation on or off; off draws every final state at once.
    #[wasm_bindgen(js_name = setAnimation)]
    pub fn set_animation(&self, on: bool) {
        self.call(HostCall::SetAnimation(on));
    }

    /// Shows the map's view with this id ("overview", "new_unions", …).
    /// False when there is no such view or it is already shown.
    #[wasm_bindgen(js_name = setMetric)]
    pub fn set_metric(&self, id: &str) -> bool {
        let Some(m) = metric::parse(id) else { return false };
        let changes = self.read(|app| app.metrics.contains(&m) && app.metric != m).unwrap_or(false);
        self.call(HostCall::SetMetric(m));
        changes
    }

    /// Selects a place by id ("610924", "hengkou", "city"), or closes the card with "".
    pub fn select(&self, id: &str) -> bool {
        let id = (!id.is_empty()).then(|| id.to_owned());
        let known = self.read(|app| id.as_ref().is_none_or(|id| app.is_place(id))).unwrap_or(false);
        if known {
            self.call(HostCall::Select(id));
        }
        known
    }

    /// The selected place's id, if any.
    pub fn selected(&self) -> Option<String> {
        self.read(|app| app.selected.clone()).flatten()
    }

    /// The id of the view the map shows.
    pub fn metric(&self) -> Option<String> {
        self.read(|app| app.has_map().then(|| metric::id(app.metric).to_owned())).flatten()
    }

    /// The theme in use: "light" or "dark".
    pub fn theme(&self) -> String {
        self.read(|app| app.view.theme.code().to_owned()).unwrap_or_default()
    }

    /// Redraws every canvas now: for hosts whose fonts arrived late, and for
    /// benchmarks of a full redraw.
    pub fn redraw(&self) {
        dispatch(&self.shell, Msg::Redraw);
    }

    /// The place under a point given in client (viewport) coordinates, as
    /// the pointer handlers find it; for hosts and benchmarks.
    #[wasm_bindgen(js_name = placeAt)]
    pub fn place_at(&self, client_x: f64, client_y: f64) -> Option<String> {
        let page = self.shell.page.try_borrow().ok()?;
        let app = self.shell.app.try_borrow().ok()?;
        page.map.as_ref()?.place_at(&app, client_x, client_y)
    }

    /// True while nothing animates or is about to: no frame pending, and
    /// the charts in view have started (and finished) their entries.
    pub fn settled(&self) -> bool {
        !self.shell.frame_pending() && self.read(State::settled).unwrap_or(false)
    }

    /// How many frames have been drawn (for tests and benchmarks).
    #[wasm_bindgen(js_name = framesDrawn)]
    pub fn frames_drawn(&self) -> u32 {
        self.shell.frames_drawn.get()
    }

    /// Stops observing and listening, and removes the graphic from the page.
    pub fn destroy(self) {
        self.shell.disconnect();
        if let Ok(page) = self.shell.page.try_borrow() {
            dom::release_canvases(&page.root);
            dom::clear(&page.root);
            let _ = page.root.remove_attribute("data-ankang-mounted");
            let _ = page.root.remove_attribute("data-ankang-state");
        }
    }
}
