//! The provenance tooltip: a figure's value and label, and the article's
//! sentence it comes from. One per graphic, kept inside the graphic's frame.

use crate::text::{fill, text, Text};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::dom;
use crate::data::{Dataset, Lang};
use crate::format;

pub struct Tip {
    pub element: HtmlElement,
    head: HtmlElement,
    quote: HtmlElement,
    /// The Chinese original under an English translation; hidden in 中文.
    original: HtmlElement,
}

impl Tip {
    pub fn new() -> Result<Tip, JsValue> {
        let element: HtmlElement = dom::create("div")?;
        element.set_class_name("ak-tip");
        element.set_hidden(true);
        let _ = element.set_attribute("role", "tooltip");
        let head: HtmlElement = dom::create("strong")?;
        let quote: HtmlElement = dom::create("span")?;
        let _ = quote.set_attribute("lang", "zh-CN");
        quote.set_class_name("ak-tip-quote");
        let original: HtmlElement = dom::create("span")?;
        let _ = original.set_attribute("lang", "zh-CN");
        original.set_class_name("ak-tip-quote ak-tip-original");
        element.append_child(&head)?;
        element.append_child(&quote)?;
        element.append_child(&original)?;
        Ok(Tip { element, head, quote, original })
    }

    /// Shows figure `id` near the client point (x, y), inside `frame`.
    pub fn show_figure(&self, data: &Dataset, id: &str, lang: Lang, frame: &HtmlElement, at: (f64, f64)) {
        let Some(figure) = data.figure(id) else { return self.hide() };
        let sep = text(Text::Sep, lang);
        let mut head = format!("{}{sep}{}", figure.label.get(lang), format::figure(figure, lang));
        if let Some(note) = crate::table::derived_note(data, figure, lang) {
            head = format!("{head} ({note})");
        }
        self.head.set_text_content(Some(&head));
        let source = fill(Text::TranslationPrefix, lang, &[figure.sentence_in(lang)]);
        self.quote.set_text_content(Some(&source));
        let _ = self.quote.set_attribute("lang", if lang == Lang::Zh { "zh-CN" } else { "en" });
        // English readers get the original too, marked as Chinese for screen readers.
        self.original.set_text_content(Some(&fill(Text::OriginalPrefix, lang, &[&figure.sentence])));
        self.original.set_hidden(lang == Lang::Zh);
        self.element.set_hidden(false);
        let rect = frame.get_bounding_client_rect();
        let size = (f64::from(self.element.offset_width()), f64::from(self.element.offset_height()));
        let at = (at.0 - rect.left(), at.1 - rect.top());
        dom::move_to(&self.element, dom::place_beside(at, size, (rect.width(), rect.height()), 4.0));
    }

    pub fn hide(&self) {
        self.element.set_hidden(true);
    }
}
