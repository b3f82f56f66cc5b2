//! Build step: read the committed county boundaries and emit what the crate
//! needs at run time, so the browser never parses GeoJSON:
//! - `boundaries.rs`: county codes and names (used by data validation);
//! - `geometry.bin` + `geometry.rs`: the projected, simplified, quantised map
//!   (format in `src/geo/codec.rs`, decoder in `src/geo/mod.rs`).
//!
//! Pipeline: project (Albers, `src/geo/projection.rs`) → snap to a 25 m grid →
//! split rings into arcs at junctions, shared arcs stored once → simplify each
//! arc once (RDP), so neighbours keep identical borders → check areas and
//! planarity, lowering the tolerance of offending arcs → label points → encode.

#[allow(dead_code)] // the reader half is for the runtime
#[path = "src/geo/codec.rs"]
mod codec;
#[path = "src/geo/projection.rs"]
mod projection;

use geo::{BoundingRect, Contains, Coord, Distance, Euclidean, LineString, Point, Polygon, SimplifyIdx};
use std::collections::{BinaryHeap, HashMap};
use std::{cmp::Ordering, env, fmt::Write as _, fs, path::Path};

const GEOJSON: &str = "src/geo/ankang-counties.geojson";
/// RDP tolerance, km. The widest drawing is ~1200 CSS px for ~210 km, so
/// 100 m is about a device pixel at DPR 2: nothing visible is lost, and the
/// whole map still encodes in a few KB. Most counties keep their area within
/// 0.05 %; tiny arcs that cannot take this get less (see the loop in `main`).
const TOLERANCE_KM: f64 = 0.1;
/// Grid cell, km: ~1/8400 of the map's width, far below a pixel, and small
/// enough that most simplified deltas fit one varint byte.
const CELL_KM: f64 = 0.025;
/// Largest area change allowed per polygon part: half the 1 % promised, so
/// the tests' check has a margin.
const MAX_AREA_ERROR: f64 = 0.005;

/// A source vertex in 1e-5 degrees: exact, so shared vertices compare equal.
type Key = (i64, i64);
/// A grid cell index; `GRID_ORIGIN + CELL_KM × cell` is the point in km.
type Cell = (i64, i64);
/// A ring as arc references: (arc index, walked backwards).
type Refs = Vec<(usize, bool)>;

struct County {
    adcode: u64,
    /// Outer rings, open, counter-clockwise (RFC 7946), one per polygon part, largest first.
    parts: Vec<Vec<Key>>,
}

fn main() {
    for file in [GEOJSON, "src/geo/codec.rs", "src/geo/projection.rs"] {
        println!("cargo:rerun-if-changed={file}");
    }
    let text = fs::read_to_string(GEOJSON).expect("read county boundaries");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("county boundaries are JSON");
    let features = doc["features"].as_array().expect("a FeatureCollection");
    let out_dir = env::var("OUT_DIR").unwrap();
    // The data file as embedded in the module: whitespace outside strings
    // dropped (~10 KB raw), nothing else changed, so JSON.parse reads the same document.
    println!("cargo:rerun-if-changed=src/data/ankang.json");
    let data = fs::read_to_string("src/data/ankang.json").expect("read the data file");
    fs::write(Path::new(&out_dir).join("ankang.min.json"), minify_json(&data)).expect("write ankang.min.json");

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
    fs::write(Path::new(&out_dir).join("boundaries.rs"), out).expect("write boundaries.rs");

    let mut counties: Vec<County> = features.iter().map(parse_county).collect();
    counties.sort_by_key(|c| c.adcode);
    // Largest part first, so `rings[0]` is always the county proper (Ziyang's
    // file lists an exclave first).
    let area = |ring: &Vec<Key>| shoelace(ring.iter().map(|&k| project_key(k)));
    counties.iter_mut().for_each(|c| c.parts.sort_by(|a, b| area(b).total_cmp(&area(a))));
    let rings: Vec<&[Key]> = counties.iter().flat_map(|c| c.parts.iter().map(Vec::as_slice)).collect();
    let source_vertices: usize = rings.iter().map(|r| r.len()).sum();

    // Project every vertex once; the grid origin is a whole number of cells so
    // that decoded coordinates are reproducible from the integers alone.
    let km: HashMap<Key, (f64, f64)> = rings.iter().flat_map(|r| r.iter()).map(|&k| (k, project_key(k))).collect();
    let min_x = km.values().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let min_y = km.values().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let grid = Grid { origin: ((min_x / CELL_KM).floor() * CELL_KM, (min_y / CELL_KM).floor() * CELL_KM) };

    let (arc_keys, ring_refs) = split_into_arcs(&rings);
    let arc_cells: Vec<Vec<Cell>> = arc_keys.iter().map(|a| a.iter().map(|k| grid.snap(km[k])).collect()).collect();
    let true_areas: Vec<f64> = rings.iter().map(|r| shoelace(r.iter().map(|k| km[k]))).collect();
    let (arcs, report) = simplify_checked(&arc_cells, &ring_refs, &true_areas, &grid);

    // Label point: pole of inaccessibility of the largest (first) part, snapped to the grid.
    let mut first_ring = 0;
    let labels: Vec<Cell> = counties
        .iter()
        .map(|county| {
            let main: Vec<(f64, f64)> =
                assemble(&ring_refs[first_ring], &arcs).into_iter().map(|c| grid.km(c)).collect();
            first_ring += county.parts.len();
            let polygon = Polygon::new(line_string(&main), vec![]);
            let label = grid.snap(polylabel(&polygon));
            assert!(polygon.contains(&Point::from(grid.km(label))), "label outside {}", county.adcode);
            label
        })
        .collect();

    let mut w = codec::Writer::default();
    w.uint(arcs.len() as u64);
    for arc in &arcs {
        w.uint(arc.len() as u64);
        w.uint(arc[0].0 as u64);
        w.uint(arc[0].1 as u64);
        for pair in arc.windows(2) {
            w.int(pair[1].0 - pair[0].0);
            w.int(pair[1].1 - pair[0].1);
        }
    }
    w.uint(counties.len() as u64);
    let mut county_refs = ring_refs.iter();
    let mut simplified_vertices = 0;
    for (county, label) in counties.iter().zip(&labels) {
        for v in [county.adcode, label.0 as u64, label.1 as u64, county.parts.len() as u64] {
            w.uint(v);
        }
        for refs in county_refs.by_ref().take(county.parts.len()) {
            simplified_vertices += assemble(refs, &arcs).len();
            w.uint(refs.len() as u64);
            refs.iter().for_each(|&(a, backwards)| w.uint(2 * a as u64 + u64::from(backwards)));
        }
    }
    let blob = w.0;
    let out = Path::new(&out_dir);
    fs::write(out.join("geometry.bin"), &blob).expect("write geometry.bin");
    fs::write(out.join("geometry-report.txt"), report).expect("write geometry-report.txt");
    let table = format!(
        "/// Grid of `geometry.bin`: cell (i, j) is the point GRID_ORIGIN + GRID_CELL_KM × (i, j), km.\n\
         const GRID_ORIGIN: (f64, f64) = {:?};\n\
         const GRID_CELL_KM: f64 = {CELL_KM:?};\n\
         /// Douglas–Peucker tolerance of the simplification, km (a few small arcs needed less).\n\
         pub const SIMPLIFY_TOLERANCE_KM: f64 = {TOLERANCE_KM:?};\n\
         /// Vertices in the boundary file (closing points not counted).\n\
         pub const SOURCE_VERTICES: usize = {source_vertices};\n\
         /// Vertices of the simplified county rings (a shared border counts for both counties).\n\
         pub const SIMPLIFIED_VERTICES: usize = {simplified_vertices};\n\
         /// Size of the encoded map: `geometry.bin` holds all of it but the names.\n\
         pub const ENCODED_BYTES: usize = {};\n",
        grid.origin,
        blob.len()
    );
    fs::write(out.join("geometry.rs"), table).expect("write geometry.rs");
}

/// The quantisation grid: `origin + CELL_KM × cell`, km.
struct Grid {
    origin: (f64, f64),
}

impl Grid {
    fn snap(&self, (x, y): (f64, f64)) -> Cell {
        (((x - self.origin.0) / CELL_KM).round() as i64, ((y - self.origin.1) / CELL_KM).round() as i64)
    }

    /// The same arithmetic as the runtime decoder, so results match bit for bit.
    fn km(&self, c: Cell) -> (f64, f64) {
        (self.origin.0 + CELL_KM * c.0 as f64, self.origin.1 + CELL_KM * c.1 as f64)
    }
}

/// Simplifies every arc, then checks every ring (≥ 3 points, area within
/// MAX_AREA_ERROR) and the whole arc set (no crossings). Arcs of a failing ring
/// or crossing get half the tolerance and the loop runs again; arcs are shared,
/// so neighbours always see the same result. Returns the arcs and a report.
fn simplify_checked(
    arc_cells: &[Vec<Cell>],
    ring_refs: &[Refs],
    true_areas: &[f64],
    grid: &Grid,
) -> (Vec<Vec<Cell>>, String) {
    let mut tolerance = vec![TOLERANCE_KM; arc_cells.len()];
    let (mut report, mut log) = (String::new(), String::new());
    for pass in 0..40 {
        let arcs: Vec<Vec<Cell>> = arc_cells.iter().zip(&tolerance).map(|(a, &t)| simplify(a, t)).collect();
        let mut bad = vec![false; arcs.len()];
        report.clear();
        for (r, refs) in ring_refs.iter().enumerate() {
            let ring = assemble(refs, &arcs);
            let error = shoelace(ring.iter().map(|&c| grid.km(c))) / true_areas[r] - 1.0;
            writeln!(report, "ring {r}: {} vertices, area error {:+.4} %", ring.len(), error * 100.0).unwrap();
            if ring.len() < 3 || error.abs() > MAX_AREA_ERROR {
                writeln!(log, "pass {pass}: ring {r} has {} vertices, area error {error:+.4}", ring.len()).unwrap();
                refs.iter().for_each(|&(a, _)| bad[a] = true);
            }
        }
        for (a, b) in crossings(&arcs) {
            writeln!(log, "pass {pass}: arcs {a} and {b} cross").unwrap();
            (bad[a], bad[b]) = (true, true);
        }
        if !bad.contains(&true) {
            report.push_str(&log);
            for (a, t) in tolerance.iter().enumerate().filter(|(_, &t)| t < TOLERANCE_KM) {
                writeln!(report, "arc {a} ({} points): tolerance lowered to {t} km", arc_cells[a].len()).unwrap();
            }
            return (arcs, report);
        }
        for (t, _) in tolerance.iter_mut().zip(&bad).filter(|(_, &b)| b) {
            *t = if *t < 0.001 { 0.0 } else { *t / 2.0 };
        }
    }
    panic!("county geometry still invalid after lowering the tolerance:\n{report}{log}");
}

fn parse_county(feature: &serde_json::Value) -> County {
    let geometry = &feature["geometry"];
    let polygons = match geometry["type"].as_str() {
        Some("Polygon") => vec![&geometry["coordinates"]],
        Some("MultiPolygon") => geometry["coordinates"].as_array().unwrap().iter().collect(),
        other => panic!("unexpected geometry {other:?}"),
    };
    let parts = polygons
        .into_iter()
        .map(|polygon| {
            let rings = polygon.as_array().unwrap();
            assert_eq!(rings.len(), 1, "the boundary file has no holes");
            let mut ring: Vec<Key> = rings[0]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| ((p[0].as_f64().unwrap() * 1e5).round() as i64, (p[1].as_f64().unwrap() * 1e5).round() as i64))
                .collect();
            assert_eq!(ring.pop(), ring.first().copied(), "rings are closed");
            ring
        })
        .collect();
    County { adcode: feature["properties"]["adcode"].as_u64().unwrap(), parts }
}

fn project_key(k: Key) -> (f64, f64) {
    projection::project(k.0 as f64 / 1e5, k.1 as f64 / 1e5)
}

/// Signed area of an open ring (positive when counter-clockwise).
fn shoelace(points: impl Iterator<Item = (f64, f64)> + Clone) -> f64 {
    let next = points.clone().cycle().skip(1);
    points.zip(next).map(|(a, b)| a.0 * b.1 - b.0 * a.1).sum::<f64>() / 2.0
}

/// Cuts every ring at its junctions (vertices where the set of rings sharing
/// the border changes, or that another ring only touches) and stores each
/// piece once: the first ring to walk an arc owns its direction, a neighbour
/// walks it backwards. A ring without junctions becomes one closed arc.
fn split_into_arcs(rings: &[&[Key]]) -> (Vec<Vec<Key>>, Vec<Refs>) {
    let undirected = |a: Key, b: Key| if a < b { (a, b) } else { (b, a) };
    let mut edge_rings: HashMap<(Key, Key), Vec<usize>> = HashMap::new();
    let mut vertex_rings: HashMap<Key, Vec<usize>> = HashMap::new();
    for (r, ring) in rings.iter().enumerate() {
        for (i, &v) in ring.iter().enumerate() {
            edge_rings.entry(undirected(v, ring[(i + 1) % ring.len()])).or_default().push(r);
            vertex_rings.entry(v).or_default().push(r);
        }
    }
    let mut arcs: Vec<Vec<Key>> = Vec::new();
    let mut index: HashMap<Vec<Key>, usize> = HashMap::new();
    let mut refs = Vec::new();
    for ring in rings {
        let n = ring.len();
        let junctions: Vec<usize> = (0..n)
            .filter(|&i| {
                let before = &edge_rings[&undirected(ring[(i + n - 1) % n], ring[i])];
                let after = &edge_rings[&undirected(ring[i], ring[(i + 1) % n])];
                before != after || vertex_rings[&ring[i]].len() != before.len()
            })
            .collect();
        let pieces: Vec<Vec<Key>> = if junctions.is_empty() {
            let start = (0..n).min_by_key(|&i| ring[i]).unwrap();
            vec![(start..=start + n).map(|i| ring[i % n]).collect()]
        } else {
            let ends = junctions.iter().skip(1).copied().chain([junctions[0] + n]);
            junctions.iter().zip(ends).map(|(&s, e)| (s..=e).map(|i| ring[i % n]).collect()).collect()
        };
        let mut ring_refs = Refs::new();
        for piece in pieces {
            let reversed: Vec<Key> = piece.iter().rev().copied().collect();
            ring_refs.push(if let Some(&a) = index.get(&piece) {
                (a, false)
            } else if let Some(&a) = index.get(&reversed) {
                (a, true)
            } else {
                index.insert(piece.clone(), arcs.len());
                arcs.push(piece);
                (arcs.len() - 1, false)
            });
        }
        refs.push(ring_refs);
    }
    (arcs, refs)
}

fn line_string(points: &[(f64, f64)]) -> LineString<f64> {
    LineString::from(points.iter().map(|&(x, y)| Coord { x, y }).collect::<Vec<_>>())
}

/// Douglas–Peucker on one arc, endpoints kept. A closed arc is cut at its
/// farthest point first, so it cannot collapse onto its own start.
fn simplify(arc: &[Cell], tolerance: f64) -> Vec<Cell> {
    if arc.len() > 3 && arc[0] == arc[arc.len() - 1] {
        let d = |c: &Cell| (c.0 - arc[0].0).pow(2) + (c.1 - arc[0].1).pow(2);
        let far = (0..arc.len()).max_by_key(|&i| d(&arc[i])).unwrap();
        let mut out = simplify(&arc[..=far], tolerance);
        out.extend_from_slice(&simplify(&arc[far..], tolerance)[1..]);
        return out;
    }
    let points: Vec<(f64, f64)> = arc.iter().map(|c| (c.0 as f64 * CELL_KM, c.1 as f64 * CELL_KM)).collect();
    line_string(&points).simplify_idx(tolerance).into_iter().map(|i| arc[i]).collect()
}

/// A ring as cells, open: arcs joined end to start.
fn assemble(refs: &Refs, arcs: &[Vec<Cell>]) -> Vec<Cell> {
    let mut ring: Vec<Cell> = Vec::new();
    for &(a, backwards) in refs {
        let mut arc = arcs[a].clone();
        if backwards {
            arc.reverse();
        }
        ring.extend_from_slice(&arc[usize::from(!ring.is_empty())..]);
    }
    ring.pop();
    ring
}

/// Pairs of arcs whose segments meet anywhere but at a shared endpoint, or
/// overlap (exact integer arithmetic). Sweeps segments sorted by x.
fn crossings(arcs: &[Vec<Cell>]) -> Vec<(usize, usize)> {
    let mut segments: Vec<(usize, Cell, Cell)> =
        arcs.iter().enumerate().flat_map(|(a, arc)| arc.windows(2).map(move |w| (a, w[0], w[1]))).collect();
    segments.sort_by_key(|s| s.1 .0.min(s.2 .0));
    let mut found = Vec::new();
    for (i, &(a, p1, p2)) in segments.iter().enumerate() {
        let max_x = p1.0.max(p2.0);
        for &(b, q1, q2) in segments[i + 1..].iter().take_while(|s| s.1 .0.min(s.2 .0) <= max_x) {
            if conflict(p1, p2, q1, q2) {
                found.push((a, b));
            }
        }
    }
    found
}

fn conflict(p1: Cell, p2: Cell, q1: Cell, q2: Cell) -> bool {
    let orient = |a: Cell, b: Cell, c: Cell| ((b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)).signum();
    let within = |a: Cell, b: Cell, p: Cell| {
        a.0.min(b.0) <= p.0 && p.0 <= a.0.max(b.0) && a.1.min(b.1) <= p.1 && p.1 <= a.1.max(b.1)
    };
    if (p1, p2) == (q1, q2) || (p1, p2) == (q2, q1) {
        return true;
    }
    // Segments that share an endpoint only conflict if they run along each other.
    for (s, p) in [(p1, p2), (p2, p1)] {
        for (t, q) in [(q1, q2), (q2, q1)] {
            if s == t {
                return orient(s, p, q) == 0 && (p.0 - s.0) * (q.0 - s.0) + (p.1 - s.1) * (q.1 - s.1) > 0;
            }
        }
    }
    let (d1, d2) = (orient(q1, q2, p1), orient(q1, q2, p2));
    let (d3, d4) = (orient(p1, p2, q1), orient(p1, p2, q2));
    (d1 * d2 < 0 && d3 * d4 < 0)
        || (d1 == 0 && within(q1, q2, p1))
        || (d2 == 0 && within(q1, q2, p2))
        || (d3 == 0 && within(p1, p2, q1))
        || (d4 == 0 && within(p1, p2, q2))
}

/// Pole of inaccessibility (Mapbox's polylabel): best-first search over square
/// cells, keeping the point farthest from the outline, to ~10 m.
fn polylabel(polygon: &Polygon<f64>) -> (f64, f64) {
    /// A square cell: centre, half side, signed distance of the centre to the
    /// outline, and the best distance any point of the cell could reach.
    struct Square {
        x: f64,
        y: f64,
        half: f64,
        d: f64,
        potential: f64,
    }
    impl PartialEq for Square {
        fn eq(&self, o: &Self) -> bool {
            self.potential == o.potential
        }
    }
    impl Eq for Square {}
    impl PartialOrd for Square {
        fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
            Some(self.cmp(o))
        }
    }
    impl Ord for Square {
        fn cmp(&self, o: &Self) -> Ordering {
            self.potential.total_cmp(&o.potential)
        }
    }
    let cell = |x: f64, y: f64, half: f64| {
        let p = Point::new(x, y);
        let d = Euclidean.distance(&p, polygon.exterior()) * if polygon.contains(&p) { 1.0 } else { -1.0 };
        Square { x, y, half, d, potential: d + half * std::f64::consts::SQRT_2 }
    };
    let rect = polygon.bounding_rect().unwrap();
    let size = rect.width().min(rect.height());
    let mut queue = BinaryHeap::new();
    let mut best = cell(rect.center().x, rect.center().y, 0.0);
    let mut y = rect.min().y;
    while y < rect.max().y {
        let mut x = rect.min().x;
        while x < rect.max().x {
            queue.push(cell(x + size / 2.0, y + size / 2.0, size / 2.0));
            x += size;
        }
        y += size;
    }
    while let Some(c) = queue.pop() {
        if c.d > best.d {
            best = cell(c.x, c.y, 0.0);
        }
        if c.potential - best.d > 0.01 {
            let h = c.half / 2.0;
            for (dx, dy) in [(-h, -h), (h, -h), (-h, h), (h, h)] {
                queue.push(cell(c.x + dx, c.y + dy, h));
            }
        }
    }
    (best.x, best.y)
}

/// JSON text without the whitespace between tokens; strings (and their
/// escapes) are copied as they are, so the document parses to the same value.
fn minify_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !c.is_ascii_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
