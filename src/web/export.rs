//! 下载图片: the whole graphic as one long, phone-width image (title to
//! credits, and the page's address), in the reader's language and theme,
//! with the map's view and selection. Drawn from the state, changing nothing.

use super::dom;
use crate::app::State;

pub fn png(app: &State) {
    let url = dom::window().and_then(|w| {
        let l = w.location();
        let hash = if app.deeplink { l.hash().ok()? } else { String::new() };
        Some(format!("{}{}{hash}", l.origin().ok()?, l.pathname().ok()?))
    });
    let sheet = crate::fallback::Sheet {
        width: crate::fallback::LONG_WIDTH,
        lang: app.view.lang,
        theme: app.view.theme,
        metric: app.has_map().then_some(app.metric),
        selected: app.selected.as_deref(),
        url: url.as_deref(),
    };
    let scenes = crate::fallback::scenes(&app.data, &sheet);
    let ground = app.view.theme.palette().background;
    let _ = super::extras::download_png(&scenes, ground, crate::fallback::LONG_SCALE);
}
