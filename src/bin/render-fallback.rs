//! Writes what the page carries for readers without JavaScript and for
//! links shared elsewhere, into www/ (run by .ci/build):
//! - fallback-{zh,en}.svg (720 px) and fallback-{zh,en}-narrow.svg (320 px);
//! - the fallback block (picture + data table) inside www/index.html;
//! - social-card.png, the 1200 × 630 og:image, rasterised with resvg and the
//!   machine's CJK font (fonts-wqy-microhei, installed by .ci/setup).
//!
//! `cargo run --bin render-fallback`

#[cfg(not(target_arch = "wasm32"))]
mod raster {
    use std::path::{Path, PathBuf};

    use resvg::{tiny_skia, usvg};

    /// Where Debian's fonts-wqy-microhei puts its font; ANKANG_CJK_FONT overrides.
    const FONT: &str = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    fn font_path() -> PathBuf {
        std::env::var_os("ANKANG_CJK_FONT").map_or_else(|| PathBuf::from(FONT), PathBuf::from)
    }

    /// Rasterises `svg` (width × height) to a PNG at `out`. Only the CJK font
    /// is loaded, and every family the SVG asks for falls back to it: without
    /// it, Chinese text would render as nothing at all.
    pub fn png(svg: &str, out: &Path) -> Result<(), Box<dyn std::error::Error>> {
        let font = font_path();
        let bytes = std::fs::read(&font).map_err(|e| {
            format!("{}: {e}; install fonts-wqy-microhei (bash .ci/setup) or set ANKANG_CJK_FONT", font.display())
        })?;
        let mut options = usvg::Options::default();
        let db = options.fontdb_mut();
        db.load_font_data(bytes);
        let family = db.faces().next().and_then(|f| f.families.first()).map(|(name, _)| name.clone());
        let family = family.ok_or_else(|| format!("{}: no font face in it", font.display()))?;
        db.set_sans_serif_family(&family);
        options.font_family = family;
        let tree = usvg::Tree::from_str(svg, &options)?;
        let size = tree.size().to_int_size();
        let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("empty image")?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        pixmap.save_png(out)?;
        Ok(())
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    use ankang_graphic::data::{self, Lang};
    use ankang_graphic::fallback::{self, NARROW, WIDTH};

    let www = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let data = data::embedded()?;
    for lang in [Lang::Zh, Lang::En] {
        for (pattern, width) in [(fallback::WIDE_FILE, WIDTH), (fallback::NARROW_FILE, NARROW)] {
            let (svg, _) = fallback::svg_at(&data, lang, width);
            std::fs::write(www.join(fallback::file_name(pattern, lang)), svg)?;
        }
    }
    let index = www.join("index.html");
    let page = std::fs::read_to_string(&index)?;
    let updated =
        fallback::splice(&page, &fallback::page_block(&data)).ok_or("www/index.html lacks the fallback markers")?;
    if updated != page {
        std::fs::write(&index, updated)?;
    }
    raster::png(&fallback::card_svg(&data, Lang::Zh), &www.join("social-card.png"))?;
    println!(
        "[fallback] wrote www/fallback-{{zh,en}}{{,-narrow}}.svg, www/social-card.png and the block in www/index.html"
    );
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
