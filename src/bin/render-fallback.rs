//! Writes the static fallback into www/: fallback-zh.svg, fallback-en.svg,
//! and the fallback block (image + data table) inside www/index.html.
//! Run by .ci/build: `cargo run --bin render-fallback`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    use ankang_graphic::data::{self, Lang};
    use ankang_graphic::fallback;

    let www = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let data = data::embedded()?;
    let mut zh_height = 0.0;
    for (lang, code) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let (svg, height) = fallback::svg(&data, lang);
        std::fs::write(www.join(format!("fallback-{code}.svg")), svg)?;
        if lang == Lang::Zh {
            zh_height = height;
        }
    }
    let index = www.join("index.html");
    let page = std::fs::read_to_string(&index)?;
    let block = fallback::html(&data, Lang::Zh, "fallback-zh.svg", zh_height);
    let updated = fallback::splice(&page, &block).ok_or("www/index.html lacks the fallback markers")?;
    if updated != page {
        std::fs::write(&index, updated)?;
    }
    println!("[fallback] wrote www/fallback-zh.svg, www/fallback-en.svg and the block in www/index.html");
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
