//! Browser tests: the graphic mounted into a real canvas, checked by reading
//! pixels back. .ci/test runs them in Chromium, Firefox and WebKit:
//! Run: CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser
//! (or GECKODRIVER=$(command -v geckodriver), or SAFARIDRIVER=/usr/bin/WebKitWebDriver
//! with DISPLAY on an Xvfb; name one driver only). MiniBrowser's window is at
//! least ~447 px wide, so tests size their own containers, never the window.
#![cfg(target_arch = "wasm32")]

use ankang_graphic::charts::headline::HeadlineLayout;
use ankang_graphic::charts::Ctx;
use ankang_graphic::data::{self, Lang};
use ankang_graphic::theme::{Rgba, LIGHT};
use ankang_graphic::view::View;
use ankang_graphic::web::{mount, Graphic};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

mod common;
use common::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Waits (up to 3 s) until `done` holds. A refit after a resize comes a frame
/// or two after the observer's report, and frames come later in WebKit, and
/// in any engine on a busy machine, than a fixed sleep can promise.
async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..150 {
        if done() {
            return;
        }
        sleep(20).await;
    }
    panic!("still not after 3 s: {what}");
}

fn canvas_in(el: &HtmlElement) -> HtmlCanvasElement {
    el.query_selector("canvas").unwrap().expect("a canvas").dyn_into().unwrap()
}

fn pixel(canvas: &HtmlCanvasElement, x: f64, y: f64) -> (u8, u8, u8) {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx.get_image_data(x.floor(), y.floor(), 1.0, 1.0).unwrap().data();
    (data[0], data[1], data[2])
}

fn rgb(c: Rgba) -> (u8, u8, u8) {
    (c.0, c.1, c.2)
}

async fn settle(graphic: &Graphic) {
    for _ in 0..100 {
        if graphic.settled() {
            return;
        }
        sleep(30).await;
    }
    panic!("the entry animation never settled");
}

/// Every bar's middle has the bar colour; just past its end, and in the gap
/// below it, is background.
fn assert_bars(canvas: &HtmlCanvasElement, dpr: f64) {
    // The chart is laid out for its slot: read the width back from the canvas.
    let width = canvas.get_bounding_client_rect().width();
    let view = View { width, dpr, ..View::default() };
    let layout = HeadlineLayout::new(&Ctx::new(&data::embedded().unwrap(), &view, width));
    assert_eq!(layout.bars.len(), 3);
    assert_eq!(canvas.width(), (layout.width * dpr).round() as u32);
    assert_eq!(canvas.height(), (layout.height * dpr).round() as u32);
    for bar in &layout.bars {
        let mid_y = (bar.y + bar.height / 2.0) * dpr;
        for frac in [0.1, 0.5, 0.9] {
            let x = (bar.x + bar.final_width * frac) * dpr;
            assert_eq!(pixel(canvas, x, mid_y), rgb(LIGHT.bar), "{} at {frac} of its length", bar.figure_id);
        }
        let past_end = (bar.x + bar.final_width + 2.5) * dpr;
        assert_eq!(pixel(canvas, past_end, mid_y), rgb(LIGHT.background), "{} ends where the data says", bar.figure_id);
        let below = (bar.y + bar.height + 5.0) * dpr;
        assert_eq!(pixel(canvas, (bar.x + 2.0) * dpr, below), rgb(LIGHT.background), "{} gap below", bar.figure_id);
    }
}

#[wasm_bindgen_test]
async fn animated_entry_settles_with_bars_where_the_data_says() {
    set_dpr(1.0);
    let el = container(600);
    // Entries start when a chart is in view: pin this one to the viewport's top.
    for (k, v) in [("position", "fixed"), ("top", "0"), ("left", "0"), ("z-index", "10"), ("background", "#fff")] {
        el.style().set_property(k, v).unwrap();
    }
    let graphic = mount(&el, JsValue::UNDEFINED).unwrap();
    settle(&graphic).await;
    assert!(
        graphic.frames_drawn() > 5,
        "the entry should animate over several frames, drew {}",
        graphic.frames_drawn()
    );
    assert_bars(&canvas_in(&el), 1.0);
    let drawn = graphic.frames_drawn();
    sleep(200).await;
    assert_eq!(graphic.frames_drawn(), drawn, "no frames are drawn once settled");
    el.remove();
}

#[wasm_bindgen_test]
async fn crisp_at_dpr_2_with_animation_off() {
    set_dpr(2.0);
    let el = container(360);
    let graphic = mount(&el, options(&[("animate", false.into())])).unwrap();
    assert!(graphic.settled(), "animation off: settled at once");
    assert_eq!(graphic.frames_drawn(), 1, "animation off: the final frame is the first frame");
    let canvas = canvas_in(&el);
    assert_eq!(canvas.style().get_property_value("width").unwrap(), "360px", "the headline chart spans the frame");
    assert_bars(&canvas, 2.0);
    set_dpr(1.0);
    el.remove();
}

#[wasm_bindgen_test]
async fn follows_its_container_width() {
    set_dpr(1.0);
    let el = container(800);
    let _graphic = mount(&el, options(&[("animate", false.into())])).unwrap();
    assert_eq!(canvas_in(&el).width(), 800);
    el.style().set_property("width", "320px").unwrap();
    until("the canvas refits to 320 px", || canvas_in(&el).width() == 320).await;
    assert_bars(&canvas_in(&el), 1.0);
    el.remove();
}

#[wasm_bindgen_test]
fn bad_override_shows_a_message_in_the_frame() {
    let el = container(400);
    let mut doc: serde_json::Value = serde_json::from_str(data::EMBEDDED_JSON).unwrap();
    doc["figures"][0]["value"] = serde_json::json!(-5);
    let id = doc["figures"][0]["id"].as_str().unwrap().to_owned();
    let bad = js_sys::JSON::parse(&doc.to_string()).unwrap();
    let result = mount(&el, options(&[("data", bad)]));
    assert!(result.is_err());
    let message = el.query_selector(".ak-error").unwrap().expect("an error message in the frame");
    assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
    let text = message.text_content().unwrap();
    assert!(text.contains(&id) && text.contains("negative"), "{text}");
    assert!(el.query_selector("canvas").unwrap().is_none(), "no blank canvas");
    el.remove();
}

/// serde-wasm-bindgen alone would skip keys a struct does not declare;
/// natively they are errors, and in the browser too, at any depth; so are
/// values of the wrong type.
#[wasm_bindgen_test]
fn a_misspelt_key_is_named_at_any_depth() {
    let cases: [(&[&str], &str); 5] = [
        (&["figures", "0", "vaule"], "unknown field `vaule`"),
        (&["figures", "1", "label"], "expected struct I18n"),
        (&["figures", "2", "derived"], "invalid type: floating point `1.0`, expected a sequence"),
        (&["figures", "3", "label", "fr"], "unknown field `fr`, expected `zh` or `en`"),
        (&["places", "0", "marker", "shrot"], "unknown field `shrot`"),
    ];
    for (path, expected) in cases {
        let mut doc: serde_json::Value = serde_json::from_str(data::EMBEDDED_JSON).unwrap();
        let mut at = &mut doc;
        for step in &path[..path.len() - 1] {
            at = match step.parse::<usize>() {
                Ok(i) => &mut at[i],
                Err(_) => &mut at[*step],
            };
        }
        if at.is_null() {
            *at = serde_json::json!({ "short": { "zh": "市", "en": "City" }, "key": { "zh": "市", "en": "City" } });
        }
        at[path[path.len() - 1]] = serde_json::json!(1);
        let el = container(400);
        let bad = js_sys::JSON::parse(&doc.to_string()).unwrap();
        assert!(mount(&el, options(&[("data", bad)])).is_err(), "{path:?}");
        let text = el.query_selector(".ak-error").unwrap().expect("a message").text_content().unwrap();
        assert!(text.contains(expected), "{path:?}: {text}");
        let id = doc[path[0]][path[1].parse::<usize>().unwrap()]["id"].as_str().unwrap().to_owned();
        assert!(text.contains(&id), "names the item {id}: {text}");
        el.remove();
    }
    // A host's object may set a key to `undefined` (JSON cannot): read as
    // missing, fine for an optional field, "missing field" for a required one.
    let set_undefined = |path: &[&str]| {
        let doc = js_sys::JSON::parse(data::EMBEDDED_JSON).unwrap();
        let mut at = doc.clone();
        for step in &path[..path.len() - 1] {
            at = js_sys::Reflect::get(&at, &JsValue::from_str(step)).unwrap();
        }
        js_sys::Reflect::set(&at, &JsValue::from_str(path[path.len() - 1]), &JsValue::UNDEFINED).unwrap();
        doc
    };
    let el = container(400);
    assert!(mount(&el, options(&[("data", set_undefined(&["figures", "0", "derived"]))])).is_ok());
    el.remove();
    let el = container(400);
    assert!(mount(&el, options(&[("data", set_undefined(&["figures", "0", "value"]))])).is_err());
    let text = el.query_selector(".ak-error").unwrap().expect("a message").text_content().unwrap();
    assert!(text.contains("missing field `value`"), "{text}");
    el.remove();
}

#[wasm_bindgen_test]
fn a_good_override_is_used_and_a_broken_json_script_is_reported() {
    let script = document().create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_attribute("id", "broken-data").unwrap();
    script.set_text_content(Some("{ not json"));
    document().body().unwrap().append_child(&script).unwrap();
    let el = container(400);
    el.set_attribute("data-source", "#broken-data").unwrap();
    assert!(mount(&el, JsValue::UNDEFINED).is_err());
    let text = el.text_content().unwrap();
    assert!(text.contains("not valid JSON"), "{text}");

    let good = js_sys::JSON::parse(data::EMBEDDED_JSON).unwrap();
    let el2 = container(400);
    let graphic = mount(&el2, options(&[("data", good), ("lang", "en".into()), ("animate", false.into())])).unwrap();
    let label = canvas_in(&el2).get_attribute("aria-label").unwrap();
    assert!(label.contains("180,000"), "{label}");
    assert!(graphic.set_lang("zh"));
    assert!(canvas_in(&el2).get_attribute("aria-label").unwrap().contains("18万"));
    el.remove();
    el2.remove();
    script.remove();
}

// ---- The county map ----

use ankang_graphic::geo::BOUNDARY_COUNTIES;
use ankang_graphic::map::{metric, MapLayout};

fn map_canvas(el: &HtmlElement) -> HtmlCanvasElement {
    el.query_selector(".ak-map canvas").unwrap().expect("a map canvas").dyn_into().unwrap()
}

/// With motion on, the map waits for idle time after mount: meanwhile its
/// heading and switcher already read right and the graphic is not settled;
/// then it is drawn, described, and the handle knew its places all along.
#[wasm_bindgen_test]
async fn the_map_is_laid_out_after_the_first_frame_and_reads_right_before() {
    let el = container(500);
    let graphic = mount(&el, JsValue::UNDEFINED).unwrap();
    let heading = el.query_selector(".ak-map .ak-h").unwrap().unwrap().text_content().unwrap();
    assert!(heading.contains("工会"), "{heading}");
    let buttons = el.query_selector_all(".ak-map .ak-metric").unwrap();
    assert!(buttons.length() > 1);
    for i in 0..buttons.length() {
        assert!(!buttons.get(i).unwrap().text_content().unwrap().is_empty());
    }
    assert!(!graphic.settled(), "the map is still to come");
    assert_eq!(graphic.metric().as_deref(), Some("overview"));
    until("the map laid out", || map_canvas(&el).get_attribute("aria-label").is_some_and(|l| l.contains("紫阳"))).await;
    until("settled", || graphic.settled()).await;
    let canvas = map_canvas(&el);
    assert!(canvas.width() > 300 && canvas.height() > 300, "{}x{}", canvas.width(), canvas.height());
    graphic.destroy();
    el.remove();

    // A host's call before idle time lays it out at once.
    let el = container(500);
    let graphic = mount(&el, JsValue::UNDEFINED).unwrap();
    assert!(graphic.select("610924"));
    assert_eq!(graphic.selected().as_deref(), Some("610924"));
    assert!(map_canvas(&el).get_attribute("aria-label").is_some_and(|l| l.contains("紫阳")));
    graphic.destroy();
    el.remove();
}

/// The layout the page drew: same data, metric and CSS width as its canvas.
fn map_layout(el: &HtmlElement, graphic: &Graphic) -> MapLayout {
    let data = data::embedded().unwrap();
    let m = metric::parse(&graphic.metric().unwrap()).unwrap();
    let width = map_canvas(el).get_bounding_client_rect().width();
    MapLayout::new(&data, m, width, Lang::Zh)
}

fn click_at(canvas: &HtmlCanvasElement, css: (f64, f64)) {
    let rect = canvas.get_bounding_client_rect();
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_client_x((rect.left() + css.0).round() as i32);
    init.set_client_y((rect.top() + css.1).round() as i32);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    canvas.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
fn each_county_shows_its_fill_and_the_unreported_ones_the_hatch() {
    set_dpr(1.0);
    let el = container(560);
    let graphic = mount(&el, options(&[("animate", false.into())])).unwrap();
    // The first view (the overview) hatches nothing; a metric view does.
    assert_eq!(graphic.metric().as_deref(), Some("overview"));
    graphic.set_metric("new_unions");
    let layout = map_layout(&el, &graphic);
    let canvas = map_canvas(&el);
    let mut hatched = 0;
    for county in &layout.counties {
        let p = layout.probe_point(&county.place_id, 4.0).expect("a probe point");
        if county.hatch.is_empty() {
            assert_eq!(pixel(&canvas, p.0, p.1), rgb(LIGHT.resolve(county.fill)), "{} fill", county.name);
        } else {
            // Within a 12 px square the hatch shows both its lines and the grey ground.
            let (mut ground, mut lines) = (false, false);
            for dy in -6..6 {
                for dx in -6..6 {
                    let c = pixel(&canvas, p.0 + f64::from(dx), p.1 + f64::from(dy));
                    ground |= c == rgb(LIGHT.not_reported);
                    lines |= c.0 < 200 && c.0.abs_diff(LIGHT.hatch.0) < 60 && c.0 == c.1 && c.1 == c.2;
                }
            }
            assert!(ground && lines, "{} should be hatched (ground {ground}, lines {lines})", county.name);
            hatched += 1;
        }
    }
    assert!(hatched > 0, "a metric leaves some counties unreported");
    el.remove();
}

async fn clicks_select_every_county(dpr: f64) {
    set_dpr(dpr);
    let el = container(400);
    let graphic = mount(&el, options(&[("animate", false.into())])).unwrap();
    let layout = map_layout(&el, &graphic);
    let canvas = map_canvas(&el);
    assert_eq!(canvas.width(), (layout.width * dpr).round() as u32);
    let mut hits = 0;
    for (adcode, zh, _) in BOUNDARY_COUNTIES {
        let id = adcode.to_string();
        let p = layout.probe_point(&id, 4.0).unwrap();
        click_at(&canvas, p);
        assert_eq!(graphic.selected().as_deref(), Some(id.as_str()), "{zh} at DPR {dpr}");
        hits += 1;
    }
    assert_eq!(hits, 10);
    set_dpr(1.0);
    el.remove();
}

#[wasm_bindgen_test]
async fn a_click_at_each_interior_point_selects_that_county_at_dpr_1() {
    clicks_select_every_county(1.0).await;
}

#[wasm_bindgen_test]
async fn a_click_at_each_interior_point_selects_that_county_at_dpr_2() {
    clicks_select_every_county(2.0).await;
}

#[wasm_bindgen_test]
fn the_keyboard_visits_all_ten_counties_and_escape_closes_the_card() {
    set_dpr(1.0);
    let el = container(400);
    let graphic = mount(&el, options(&[("animate", false.into())])).unwrap();
    let canvas: HtmlElement = map_canvas(&el).dyn_into().unwrap();
    assert_eq!(canvas.get_attribute("tabindex").as_deref(), Some("0"));
    canvas.focus().unwrap();
    let mut visited = std::collections::BTreeSet::new();
    for _ in 0..13 {
        key(&canvas, "ArrowRight");
        key(&canvas, "Enter");
        visited.insert(graphic.selected().unwrap());
    }
    for (adcode, zh, _) in BOUNDARY_COUNTIES {
        assert!(visited.contains(&adcode.to_string()), "{zh} never reached: {visited:?}");
    }
    key(&canvas, "Escape");
    assert_eq!(graphic.selected(), None);
    el.remove();
}

#[wasm_bindgen_test]
fn the_story_card_lists_the_countys_figures_and_their_sentences() {
    set_dpr(1.0);
    let el = container(900);
    let graphic = mount(&el, options(&[("animate", false.into())])).unwrap();
    assert!(graphic.select("610924"));
    let data = data::embedded().unwrap();
    let figures: Vec<_> = data.figures_of("610924").collect();
    let items = el.query_selector_all(".ak-card .ak-figure").unwrap();
    assert_eq!(items.length() as usize, figures.len());
    let card = el.query_selector(".ak-card").unwrap().unwrap().text_content().unwrap();
    assert!(card.contains("紫阳县"));
    for f in &figures {
        assert!(card.contains(&ankang_graphic::format::figure(f, Lang::Zh)), "{}", f.id);
        assert!(card.contains(&f.sentence), "{} sentence", f.id);
    }
    let live = el.query_selector(".ak-map .ak-live").unwrap().unwrap().text_content().unwrap();
    assert!(live.contains("紫阳县"), "{live}");
    el.remove();
}

#[wasm_bindgen_test]
async fn switching_metric_tweens_then_settles_on_the_new_colours() {
    set_dpr(1.0);
    let el = container(560);
    let graphic = mount(&el, JsValue::UNDEFINED).unwrap();
    settle(&graphic).await;
    let metrics: Vec<String> = {
        let nodes = el.query_selector_all(".ak-metric").unwrap();
        (0..nodes.length())
            .map(|i| {
                nodes.item(i).unwrap().dyn_into::<web_sys::Element>().unwrap().get_attribute("data-metric").unwrap()
            })
            .collect()
    };
    assert!(metrics.len() >= 4);
    let button: HtmlElement =
        el.query_selector(&format!("[data-metric={}]", metrics[2])).unwrap().unwrap().dyn_into().unwrap();
    button.click();
    assert_eq!(graphic.metric().as_deref(), Some(metrics[2].as_str()));
    assert_eq!(button.get_attribute("aria-checked").as_deref(), Some("true"));
    assert!(!graphic.settled(), "the colours tween");
    let before = graphic.frames_drawn();
    settle(&graphic).await;
    assert!(graphic.frames_drawn() > before + 3, "the tween takes several frames");
    let layout = map_layout(&el, &graphic);
    let canvas = map_canvas(&el);
    for county in layout.counties.iter().filter(|c| c.hatch.is_empty()) {
        let p = layout.probe_point(&county.place_id, 4.0).unwrap();
        assert_eq!(pixel(&canvas, p.0, p.1), rgb(LIGHT.resolve(county.fill)), "{} after the tween", county.name);
    }
    el.remove();
}

#[wasm_bindgen_test]
async fn hit_testing_stays_exact_after_a_resize() {
    set_dpr(1.0);
    let el = container(520);
    let graphic = mount(&el, options(&[("animate", false.into())])).unwrap();
    el.style().set_property("width", "333px").unwrap();
    until("the map refits to 333 px", || map_canvas(&el).get_bounding_client_rect().width() <= 333.0).await;
    let layout = map_layout(&el, &graphic);
    assert!(layout.width <= 333.0);
    let canvas = map_canvas(&el);
    let rect = canvas.get_bounding_client_rect();
    for (adcode, zh, _) in BOUNDARY_COUNTIES {
        let id = adcode.to_string();
        let p = layout.probe_point(&id, 4.0).unwrap();
        let found = graphic.place_at(rect.left() + p.0, rect.top() + p.1);
        assert_eq!(found.as_deref(), Some(id.as_str()), "{zh} after resize");
    }
    el.remove();
}

// ---- The page's charts (issue: reader's page) ----

use ankang_graphic::charts::ChartKind;
use ankang_graphic::scene::Shape;
use ankang_graphic::theme::Theme;

fn section_canvas(el: &HtmlElement, kind: ChartKind) -> HtmlCanvasElement {
    let selector = format!("[data-chart={}] canvas", format!("{kind:?}").to_lowercase());
    el.query_selector(&selector).unwrap().expect("the chart's canvas").dyn_into().unwrap()
}

/// The settled scene of `kind`, laid out for the width its canvas has.
fn settled_scene(canvas: &HtmlCanvasElement, kind: ChartKind, view: &View) -> ankang_graphic::scene::Scene {
    let data = data::embedded().unwrap();
    let width = canvas.get_bounding_client_rect().width();
    kind.build(&Ctx::new(&data, view, width)).unwrap().frame(f64::INFINITY).resolve(view.theme.palette())
}

#[wasm_bindgen_test]
async fn every_chart_settles_with_its_shapes_where_the_data_says() {
    set_dpr(1.0);
    let el = container(720);
    let graphic = mount(&el, options(&[("animate", false.into())])).unwrap();
    settle(&graphic).await;
    let view = View::default();
    for kind in ChartKind::ALL {
        let canvas = section_canvas(&el, kind);
        let scene = settled_scene(&canvas, kind, &view);
        let mut checked = 0;
        for shape in &scene.shapes {
            if let Shape::Rect { x, y, w, h, fill } = shape {
                if *w >= 6.0 && *h >= 3.0 && fill.3 == 1.0 {
                    assert_eq!(pixel(&canvas, x + w / 2.0, y + h / 2.0), rgb(*fill), "{kind:?} rect at {x},{y}");
                    checked += 1;
                }
            }
        }
        assert!(checked >= 2, "{kind:?}: only {checked} shapes checked");
    }
    el.remove();
}

#[wasm_bindgen_test]
async fn with_animation_off_the_first_frame_is_the_settled_frame() {
    set_dpr(1.0);
    let el = container(500);
    let graphic = mount(&el, options(&[("animate", false.into())])).unwrap();
    let first: Vec<String> = ChartKind::ALL.iter().map(|k| section_canvas(&el, *k).to_data_url().unwrap()).collect();
    assert!(graphic.settled());
    sleep(1600).await;
    let later: Vec<String> = ChartKind::ALL.iter().map(|k| section_canvas(&el, *k).to_data_url().unwrap()).collect();
    assert_eq!(first, later, "nothing moved after the first frame");
    el.remove();
}

#[wasm_bindgen_test]
async fn no_animation_frames_are_requested_while_idle() {
    set_dpr(1.0);
    let el = container(500);
    let graphic = mount(&el, options(&[("animate", false.into())])).unwrap();
    settle(&graphic).await;
    // Count every requestAnimationFrame made on the page for one second.
    let window = web_sys::window().unwrap();
    let original = js_sys::Reflect::get(&window, &"requestAnimationFrame".into()).unwrap();
    let count = js_sys::Function::new_with_args(
        "original",
        "window.__rafCount = 0; return function (cb) { window.__rafCount += 1; return original.call(window, cb); };",
    );
    let wrapper = count.call1(&JsValue::NULL, &original).unwrap();
    js_sys::Reflect::set(&window, &"requestAnimationFrame".into(), &wrapper).unwrap();
    let drawn = graphic.frames_drawn();
    sleep(1000).await;
    let calls = js_sys::Reflect::get(&window, &"__rafCount".into()).unwrap().as_f64().unwrap();
    js_sys::Reflect::set(&window, &"requestAnimationFrame".into(), &original).unwrap();
    assert_eq!(calls, 0.0, "rAF callbacks while idle");
    assert_eq!(graphic.frames_drawn(), drawn);
    el.remove();
}

#[wasm_bindgen_test]
fn the_dark_theme_draws_on_a_dark_ground() {
    set_dpr(1.0);
    let el = container(500);
    let graphic = mount(&el, options(&[("animate", false.into()), ("theme", "dark".into())])).unwrap();
    assert_eq!(graphic.theme(), "dark");
    assert_eq!(el.get_attribute("data-theme").as_deref(), Some("dark"));
    let dark = Theme::Dark.palette().background;
    for kind in ChartKind::ALL {
        let canvas = section_canvas(&el, kind);
        let (r, g, b) = pixel(&canvas, 2.0, 2.0);
        assert_eq!((r, g, b), rgb(dark), "{kind:?} background");
        assert!(u32::from(r) + u32::from(g) + u32::from(b) < 120, "{kind:?} is not dark");
    }
    let (r, g, b) = pixel(&map_canvas(&el), 1.0, 1.0);
    assert!(u32::from(r) + u32::from(g) + u32::from(b) < 120, "map ground is not dark");
    assert!(graphic.set_theme("light"));
    let (r, _, _) = pixel(&section_canvas(&el, ChartKind::Headline), 2.0, 2.0);
    assert_eq!(r, 255, "switching back to light redraws");
    el.remove();
}

#[wasm_bindgen_test]
async fn a_chart_below_the_fold_waits_until_it_is_seen() {
    set_dpr(1.0);
    let spacer = container(10);
    spacer.style().set_property("height", "5000px").unwrap();
    let el = container(500);
    let graphic = mount(&el, JsValue::UNDEFINED).unwrap();
    sleep(300).await;
    let waiting = section_canvas(&el, ChartKind::Headline).to_data_url().unwrap();
    let drawn = graphic.frames_drawn();
    assert!(graphic.settled(), "nothing animates off screen");
    el.scroll_into_view();
    sleep(100).await;
    settle(&graphic).await;
    assert!(graphic.frames_drawn() > drawn + 5, "the entry ran once in view");
    assert_ne!(section_canvas(&el, ChartKind::Headline).to_data_url().unwrap(), waiting);
    spacer.remove();
    el.remove();
}

#[wasm_bindgen_test]
fn crisp_at_dpr_1_5_and_3_and_redrawn_when_the_dpr_changes() {
    set_dpr(1.0);
    let el = container(480);
    let _graphic = mount(&el, options(&[("animate", false.into())])).unwrap();
    let window = web_sys::window().unwrap();
    for dpr in [1.5, 3.0, 2.0, 1.0] {
        set_dpr(dpr);
        // Browser zoom fires `resize`; the graphic re-reads the DPR.
        window.dispatch_event(&web_sys::Event::new("resize").unwrap()).unwrap();
        let canvases = el.query_selector_all("canvas").unwrap();
        assert!(canvases.length() >= 8);
        for i in 0..canvases.length() {
            let canvas: HtmlCanvasElement = canvases.item(i).unwrap().dyn_into().unwrap();
            let css = canvas.get_bounding_client_rect().width();
            assert_eq!(canvas.width(), (css * dpr).round() as u32, "canvas {i} at DPR {dpr}");
        }
        assert_bars(&canvas_in(&el), dpr);
    }
    el.remove();
}

#[wasm_bindgen_test]
async fn the_entry_pauses_while_the_tab_is_hidden() {
    set_dpr(1.0);
    let el = container(600);
    for (k, v) in [("position", "fixed"), ("top", "0"), ("left", "0"), ("z-index", "10"), ("background", "#fff")] {
        el.style().set_property(k, v).unwrap();
    }
    let performance = web_sys::window().unwrap().performance().unwrap();
    let mounted = performance.now();
    let graphic = mount(&el, JsValue::UNDEFINED).unwrap();
    // A few frames into the entry (not a fixed time, which a busy machine
    // can stretch past the entry's end).
    until("the entry draws frames", || graphic.frames_drawn() >= 3).await;
    assert!(!graphic.settled(), "the entry is running");
    let document = document();
    let set_hidden = |hidden: bool| {
        let descriptor = js_sys::Object::new();
        js_sys::Reflect::set(&descriptor, &"value".into(), &hidden.into()).unwrap();
        js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
        js_sys::Object::define_property(&document, &"hidden".into(), &descriptor);
        document.dispatch_event(&web_sys::Event::new("visibilitychange").unwrap()).unwrap();
    };
    set_hidden(true);
    let hidden_from = performance.now();
    // Longer than the whole entry: had it not paused, it would be over.
    sleep(1800).await;
    let hidden_ms = performance.now() - hidden_from;
    set_hidden(false);
    settle(&graphic).await;
    let settled_at = performance.now() - mounted;
    js_sys::Reflect::delete_property(&document, &"hidden".into()).unwrap();
    // Paused, the headline's entry ends no sooner than its length plus the
    // time hidden after mount; had it jumped, it would end at the first frame
    // after the tab came back. (A time bound, not "still running 50 ms
    // later", so that a slow machine cannot fail it.)
    let headline = {
        let width = canvas_in(&el).get_bounding_client_rect().width();
        let view = View { width, ..View::default() };
        ChartKind::Headline.build(&Ctx::new(&data::embedded().unwrap(), &view, width)).unwrap().entry_ms()
    };
    assert!(
        settled_at >= headline + hidden_ms,
        "the entry resumed where it paused instead of jumping to its end: settled {settled_at:.0} ms after mount, \
         entry {headline:.0} ms, hidden {hidden_ms:.0} ms"
    );
    assert_bars(&canvas_in(&el), 1.0);
    el.remove();
}

#[wasm_bindgen_test]
fn the_keyboard_tours_a_charts_numbers_showing_and_announcing_each_sentence() {
    set_dpr(1.0);
    let el = container(700);
    let graphic = mount(&el, options(&[("animate", false.into()), ("lang", "en".into())])).unwrap();
    let data = data::embedded().unwrap();
    for kind in [ChartKind::Headline, ChartKind::Contests] {
        let canvas = section_canvas(&el, kind);
        assert_eq!(canvas.get_attribute("tabindex").as_deref(), Some("0"), "{kind:?} takes focus");
        let width = canvas.get_bounding_client_rect().width();
        let view = View { lang: Lang::En, ..View::default() };
        let chart = kind.build(&Ctx::new(&data, &view, width)).unwrap();
        let order = ankang_graphic::charts::reading_order(chart.hotspots());
        assert!(order.len() >= 3, "{kind:?}");
        canvas.focus().unwrap();
        let section: HtmlElement = canvas.closest("section").unwrap().unwrap().dyn_into().unwrap();
        let tip: HtmlElement = el.query_selector(".ak-tip").unwrap().unwrap().dyn_into().unwrap();
        let live = section.query_selector(".ak-live").unwrap().unwrap();
        // Right through every number and once round to the first again.
        for step in 0..=order.len() {
            key(canvas.unchecked_ref(), "ArrowRight");
            let figure = data.figure(&chart.hotspots()[order[step % order.len()]].figure_id).unwrap();
            assert!(!tip.hidden(), "{kind:?} step {step}: tooltip shown");
            let text = tip.text_content().unwrap();
            assert!(text.contains(&figure.sentence_en), "{kind:?} step {step}: {text}");
            assert!(text.contains(&figure.sentence), "the original stays behind the translation");
            let said = live.text_content().unwrap();
            assert!(said.contains(figure.label.get(Lang::En)) && said.contains(&figure.sentence_en), "{said}");
        }
        // Back from the first number wraps to the last.
        key(canvas.unchecked_ref(), "ArrowLeft");
        let last = data.figure(&chart.hotspots()[order[order.len() - 1]].figure_id).unwrap();
        assert!(tip.text_content().unwrap().contains(&last.sentence_en), "ArrowLeft wraps to the last number");
        key(canvas.unchecked_ref(), "Escape");
        assert!(tip.hidden(), "Escape hides the tooltip");
    }
    // The county bars' numbers too, from the keyboard.
    assert!(graphic.set_metric("new_unions"));
    let bars: HtmlCanvasElement = el.query_selector(".ak-side canvas").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(bars.get_attribute("tabindex").as_deref(), Some("0"));
    bars.focus().unwrap();
    key(bars.unchecked_ref(), "ArrowRight");
    let tip: HtmlElement = el.query_selector(".ak-tip").unwrap().unwrap().dyn_into().unwrap();
    let shown = tip.text_content().unwrap();
    let first = data.figures.iter().filter(|f| f.metric == Some(ankang_graphic::data::Metric::NewUnions));
    assert!(!tip.hidden() && first.clone().any(|f| shown.contains(&f.sentence_en)), "{shown}");
    let said = el.query_selector(".ak-map .ak-live").unwrap().unwrap().text_content().unwrap();
    assert!(first.clone().any(|f| said.contains(&f.sentence_en)), "{said}");
    drop(graphic);
    el.remove();
}
