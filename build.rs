//! Build step: read the committed county boundaries and emit the facts the
//! crate needs at run time, so the browser never parses GeoJSON.
//! For now that is the list of county codes and names (used by validation).

use std::{env, fs, path::Path};

const GEOJSON: &str = "src/geo/ankang-counties.geojson";

fn main() {
    println!("cargo:rerun-if-changed={GEOJSON}");
    let text = fs::read_to_string(GEOJSON).expect("read county boundaries");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("county boundaries are JSON");
    let features = doc["features"].as_array().expect("a FeatureCollection");

    let mut out = String::from("/// (adcode, name_zh, name_en) of every county in the boundary file.\n");
    out.push_str("pub const BOUNDARY_COUNTIES: &[(u32, &str, &str)] = &[\n");
    for feature in features {
        let props = &feature["properties"];
        let adcode = props["adcode"].as_u64().expect("numeric adcode");
        let zh = props["name_zh"].as_str().expect("name_zh");
        let en = props["name_en"].as_str().expect("name_en");
        out.push_str(&format!("    ({adcode}, {zh:?}, {en:?}),\n"));
    }
    out.push_str("];\n");

    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("boundaries.rs");
    fs::write(dest, out).expect("write boundaries.rs");
}
