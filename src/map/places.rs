//! The places of the map a reader can tour and a link or the host can name:
//! the boundaries' counties and the three markers, known without a layout.

use crate::geo::{self, MarkerPoint};

use super::layout::MarkerShape;

/// The data place a marker opens, and how it is drawn.
pub(super) fn marker_place(point: &MarkerPoint) -> (&'static str, MarkerShape) {
    match point.id {
        "hengkou" => ("hengkou", MarkerShape::Diamond),
        "gaoxin" => ("gaoxin", MarkerShape::Triangle),
        _ => ("city", MarkerShape::Circle),
    }
}

/// The places a layout's tour holds (the boundaries' counties, then the
/// markers), known without laying the map out: for links and the handle.
pub fn place_ids() -> Vec<String> {
    let counties = geo::map().counties.iter().map(|c| c.adcode.to_string());
    counties.chain(geo::MARKERS.iter().map(|m| marker_place(m).0.to_owned())).collect()
}

/// Whether `id` is one of `place_ids()`.
pub fn is_place(id: &str) -> bool {
    geo::MARKERS.iter().any(|m| marker_place(m).0 == id)
        || geo::map().counties.iter().any(|c| super::metric::is_county(id, c.adcode))
}
