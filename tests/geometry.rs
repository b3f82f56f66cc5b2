#![cfg(not(target_arch = "wasm32"))]
//! The county map that build.rs derives from the GeoJSON: complete, with
//! shared borders still shared, areas kept, labels and markers in place, small.

use ankang_graphic::geo::{self as ag, county_at, map, project, ring_area, Km};
use geo::{Coord, Distance, Euclidean, LineString, MultiPolygon, Point, Polygon, Validation};
use std::collections::{HashMap, HashSet};

const HANBIN: u32 = 610902;
const ZIYANG: u32 = 610924;

/// "this file km²" column of ATTRIBUTION.md (geodesic areas on WGS84).
const REFERENCE_KM2: [(u32, f64); 10] = [
    (610902, 3643.5),
    (610921, 1364.9),
    (610922, 1516.1),
    (610923, 3667.1),
    (610924, 2241.6),
    (610925, 1956.3),
    (610926, 2648.2),
    (610927, 1501.5),
    (610929, 1441.3),
    (610981, 3532.7),
];

struct SourceCounty {
    adcode: u32,
    name_zh: String,
    name_en: String,
    /// Projected outer rings, open, largest first (as the map promises).
    rings: Vec<Vec<Km>>,
}

/// The boundary file, read independently of build.rs and projected.
fn source() -> Vec<SourceCounty> {
    let text = include_str!("../src/geo/ankang-counties.geojson");
    let doc: serde_json::Value = serde_json::from_str(text).unwrap();
    let features = doc["features"].as_array().unwrap();
    features
        .iter()
        .map(|f| {
            let g = &f["geometry"];
            let polygons: Vec<&serde_json::Value> = match g["type"].as_str().unwrap() {
                "Polygon" => vec![&g["coordinates"]],
                _ => g["coordinates"].as_array().unwrap().iter().collect(),
            };
            let mut rings: Vec<Vec<Km>> = polygons
                .iter()
                .map(|polygon| {
                    let coords = polygon[0].as_array().unwrap();
                    let ring = coords[..coords.len() - 1].iter();
                    ring.map(|p| project(p[0].as_f64().unwrap(), p[1].as_f64().unwrap())).collect()
                })
                .collect();
            rings.sort_by(|a, b| ring_area(b).total_cmp(&ring_area(a)));
            let p = &f["properties"];
            SourceCounty {
                adcode: p["adcode"].as_u64().unwrap() as u32,
                name_zh: p["name_zh"].as_str().unwrap().to_owned(),
                name_en: p["name_en"].as_str().unwrap().to_owned(),
                rings,
            }
        })
        .collect()
}

fn bits(p: Km) -> (u64, u64) {
    (p.0.to_bits(), p.1.to_bits())
}

fn edges(ring: &[Km]) -> impl Iterator<Item = ((u64, u64), (u64, u64))> + '_ {
    ring.iter().zip(ring.iter().cycle().skip(1)).map(|(&a, &b)| (bits(a), bits(b)))
}

fn polygon(ring: &[Km]) -> Polygon<f64> {
    let coords: Vec<Coord<f64>> = ring.iter().map(|&(x, y)| Coord { x, y }).collect();
    Polygon::new(LineString::from(coords), vec![])
}

#[test]
fn all_counties_present_with_their_parts() {
    let source = source();
    let counties = &map().counties;
    assert_eq!(counties.len(), 10);
    assert_eq!(counties.len(), source.len());
    assert_eq!(ag::BOUNDARY_COUNTIES.len(), 10);
    for (c, s) in counties.iter().zip(&source) {
        assert_eq!((c.adcode, c.name_zh, c.name_en), (s.adcode, s.name_zh.as_str(), s.name_en.as_str()));
        assert!(ag::BOUNDARY_COUNTIES.contains(&(c.adcode, c.name_zh, c.name_en)));
        assert_eq!(c.rings.len(), if c.adcode == ZIYANG { 3 } else { 1 }, "{}", c.name_en);
    }
    assert!(counties.windows(2).all(|w| w[0].adcode < w[1].adcode), "sorted by adcode");
    // Ziyang: the main part, then the two exclaves of ~2.5 and ~1.5 km².
    let ziyang = counties.iter().find(|c| c.adcode == ZIYANG).unwrap();
    let areas: Vec<f64> = ziyang.rings.iter().map(|r| ring_area(r)).collect();
    assert!(areas[0] > 2000.0 && (2.0..3.0).contains(&areas[1]) && (1.0..2.0).contains(&areas[2]), "{areas:?}");
}

#[test]
fn shared_borders_stay_identical() {
    let m = map();
    // Every directed edge of every county ring, with the county that walks it.
    let mut walked: HashMap<_, Vec<u32>> = HashMap::new();
    for c in &m.counties {
        for ring in &c.rings {
            assert!(ring.len() >= 3 && ring_area(ring) > 0.0, "{}: counter-clockwise ring", c.name_en);
            edges(ring).for_each(|e| walked.entry(e).or_default().push(c.adcode));
        }
    }
    let mut outer: HashMap<(u64, u64), (u64, u64)> = HashMap::new();
    for (&(a, b), who) in &walked {
        assert_eq!(who.len(), 1, "edge walked twice in the same direction");
        match walked.get(&(b, a)) {
            Some(other) => assert_ne!(other, who, "an edge and its reverse in one county"),
            None => assert!(outer.insert(a, b).is_none(), "the outer boundary branches"),
        }
    }
    // The arcs are those same edges, each drawn once, with the right sides;
    // the edges with no reverse are exactly the arcs with a missing side.
    let (mut arc_outer, mut arc_edges) = (HashSet::new(), 0);
    for arc in &m.arcs {
        for w in arc.points.windows(2) {
            let (a, b) = (bits(w[0]), bits(w[1]));
            match (arc.left, arc.right) {
                (Some(l), Some(r)) => {
                    assert_ne!(l, r);
                    assert_eq!((&walked[&(a, b)], &walked[&(b, a)]), (&vec![l], &vec![r]));
                    arc_edges += 2;
                }
                (Some(l), None) => {
                    assert_eq!(walked[&(a, b)], [l]);
                    arc_outer.insert((a, b));
                    arc_edges += 1;
                }
                // As documented: outer arcs run counter-clockwise around the city.
                (None, _) => panic!("an outer arc with the outside on its left"),
            }
        }
    }
    assert_eq!(arc_edges, walked.len(), "county rings are made of the arcs and nothing else");
    let outer_set: HashSet<_> = outer.iter().map(|(&a, &b)| (a, b)).collect();
    assert_eq!(outer_set, arc_outer);
    // Those edges close into loop(s), enclosing the sum of the county areas.
    let mut seen = HashSet::new();
    let mut enclosed = 0.0;
    for &start in outer.keys() {
        if !seen.insert(start) {
            continue;
        }
        let mut ring = vec![start];
        let mut at = outer[&start];
        while at != start {
            assert!(seen.insert(at), "outer boundary revisits a vertex");
            ring.push(at);
            at = *outer.get(&at).expect("outer boundary is closed");
        }
        let ring: Vec<Km> = ring.iter().map(|&(x, y)| (f64::from_bits(x), f64::from_bits(y))).collect();
        enclosed += ring_area(&ring);
    }
    let total: f64 = m.counties.iter().map(|c| c.area_km2).sum();
    assert!((total / enclosed - 1.0).abs() < 1e-4, "counties {total} km², outline {enclosed} km²");
}

#[test]
fn simplified_areas_within_one_percent() {
    for (c, s) in map().counties.iter().zip(source()) {
        let rings: f64 = c.rings.iter().map(|r| ring_area(r)).sum();
        assert!((rings - c.area_km2).abs() < 1e-9);
        let true_area: f64 = s.rings.iter().map(|r| ring_area(r)).sum();
        let error = c.area_km2 / true_area - 1.0;
        assert!(error.abs() < 0.01, "{}: area {:+.3} %", c.name_en, error * 100.0);
        // Every part, the exclaves included, on its own.
        for (simplified, original) in c.rings.iter().zip(&s.rings) {
            let error = ring_area(simplified) / ring_area(original) - 1.0;
            assert!(error.abs() < 0.01, "{}: part area {:+.3} %", c.name_en, error * 100.0);
        }
    }
}

#[test]
fn projection_is_equal_area() {
    let source = source();
    let total: f64 = source.iter().flat_map(|c| &c.rings).map(|r| ring_area(r)).sum();
    assert!((total / 23_513.2 - 1.0).abs() < 0.005, "total {total} km²");
    for (s, (adcode, reference)) in source.iter().zip(REFERENCE_KM2) {
        assert_eq!(s.adcode, adcode);
        let area: f64 = s.rings.iter().map(|r| ring_area(r)).sum();
        assert!((area / reference - 1.0).abs() < 0.01, "{}: {area} km² vs {reference}", s.name_en);
    }
    // The projection's origin is the centre of its frame.
    let (x, y) = project(109.0, 32.75);
    assert!(x.abs() < 1e-9 && y.abs() < 1e-9);
}

#[test]
fn labels_and_markers_fall_inside() {
    for c in &map().counties {
        assert_eq!(county_at(c.label_point), Some(c.adcode), "{} label", c.name_en);
        // Well inside, not just inside: a label is several km from any border.
        let outline = polygon(&c.rings[0]);
        let margin = Euclidean.distance(&Point::from(c.label_point), outline.exterior());
        assert!(margin > 3.0, "{} label only {margin} km inside", c.name_en);
    }
    for m in &ag::MARKERS {
        assert_eq!(county_at(project(m.lon, m.lat)), Some(HANBIN), "{}", m.id);
    }
    let (x0, y0, x1, y1) = map().bounds;
    assert_eq!(county_at((x0 - 1.0, y0 - 1.0)), None);
    assert_eq!(county_at((x1 + 1.0, (y0 + y1) / 2.0)), None);
}

#[test]
fn simplified_and_compact() {
    let m = map();
    assert_eq!(ag::SOURCE_VERTICES, 12_678);
    let vertices: usize = m.counties.iter().flat_map(|c| &c.rings).map(Vec::len).sum();
    assert_eq!(ag::SIMPLIFIED_VERTICES, vertices);
    assert!(vertices < ag::SOURCE_VERTICES / 2, "{vertices} vertices");
    let bytes = ag::ENCODED_BYTES;
    assert!(bytes <= 25_000, "{bytes} bytes");
    // The bounds hold every point and span the ~200 km of the city.
    let (x0, y0, x1, y1) = m.bounds;
    let points = m.arcs.iter().flat_map(|a| &a.points);
    assert!(points.clone().all(|&(x, y)| (x0..=x1).contains(&x) && (y0..=y1).contains(&y)));
    assert!((150.0..300.0).contains(&(x1 - x0)) && (150.0..300.0).contains(&(y1 - y0)));
}

#[test]
fn no_ring_self_intersects() {
    for c in &map().counties {
        let parts: Vec<Polygon<f64>> = c.rings.iter().map(|r| polygon(r)).collect();
        for (i, p) in parts.iter().enumerate() {
            assert!(p.is_valid(), "{} part {i}: {:?}", c.name_en, p.validation_errors());
        }
        let multi = MultiPolygon::new(parts);
        assert!(multi.is_valid(), "{}: {:?}", c.name_en, multi.validation_errors());
    }
}
