//! Native timings of the pure layers (data → layout → scene), with a tiny
//! harness: std::time::Instant, a warm-up, then many samples; median and p95.
//!
//!   cargo bench --bench native            (table on stdout)
//!   BENCH_JSON=path cargo bench --bench native   (also writes the rows as JSON)
//!
//! The bench profile inherits `[profile.release]`: opt-level "z" and LTO, the
//! settings the shipped wasm is built with, not the fastest native code.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ankang_graphic::charts::{ChartKind, Ctx};
use ankang_graphic::data::{self, Lang, Metric};
use ankang_graphic::geo::{self, BOUNDARY_COUNTIES};
use ankang_graphic::map::{Highlight, MapLayout};
use ankang_graphic::view::View;

/// Time spent sampling each case (after warm-up), and the sample bounds.
const BUDGET: Duration = Duration::from_millis(400);
const MIN_SAMPLES: usize = 15;
const MAX_SAMPLES: usize = 2_000;

struct Row {
    name: String,
    /// Calls per sample: the reported times are per call.
    per_sample: usize,
    samples: usize,
    median_us: f64,
    p95_us: f64,
}

/// Runs `f` (which makes `per_sample` calls) until the time budget is spent,
/// and records the per-call median and p95.
fn bench(rows: &mut Vec<Row>, name: impl Into<String>, per_sample: usize, mut f: impl FnMut()) {
    let name = name.into();
    // Warm-up: caches, lazy statics, the allocator.
    let warm = Instant::now();
    let mut warm_runs = 0;
    while warm_runs < 3 || (warm.elapsed() < BUDGET / 8 && warm_runs < 50) {
        f();
        warm_runs += 1;
    }
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < MIN_SAMPLES || (start.elapsed() < BUDGET && times.len() < MAX_SAMPLES) {
        let t = Instant::now();
        f();
        times.push(t.elapsed().as_secs_f64() * 1e6 / per_sample as f64);
    }
    times.sort_by(f64::total_cmp);
    let pick = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let row = Row { name, per_sample, samples: times.len(), median_us: pick(0.5), p95_us: pick(0.95) };
    eprintln!("  {:<48} {:>12} {:>12}", row.name, fmt_us(row.median_us), fmt_us(row.p95_us));
    rows.push(row);
}

fn fmt_us(us: f64) -> String {
    if us >= 1000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else if us >= 10.0 {
        format!("{us:.1} µs")
    } else {
        format!("{us:.3} µs")
    }
}

/// Every [lon, lat] pair of the boundary file the build reads.
fn source_points() -> Vec<(f64, f64)> {
    let text = include_str!("../../src/geo/ankang-counties.geojson");
    let json: serde_json::Value = serde_json::from_str(text).expect("the boundary file parses");
    fn walk(v: &serde_json::Value, out: &mut Vec<(f64, f64)>) {
        match v.as_array() {
            Some(a) if a.len() >= 2 && a[0].is_number() => {
                out.push((a[0].as_f64().unwrap(), a[1].as_f64().unwrap()));
            }
            Some(a) => a.iter().for_each(|x| walk(x, out)),
            None => {}
        }
    }
    let mut out = Vec::new();
    for feature in json["features"].as_array().expect("features") {
        walk(&feature["geometry"]["coordinates"], &mut out);
    }
    out
}

fn main() {
    let mut rows = Vec::new();
    eprintln!(
        "native bench ({} profile inherited from release)",
        if cfg!(debug_assertions) { "debug" } else { "bench" }
    );
    eprintln!("  {:<48} {:>12} {:>12}", "case (per call)", "median", "p95");

    bench(&mut rows, "data::embedded (load + validate)", 1, || {
        black_box(data::embedded().unwrap());
    });
    let data = data::embedded().unwrap();

    let points = source_points();
    bench(&mut rows, format!("geo::project, all {} source points", points.len()), 1, || {
        for &(lon, lat) in &points {
            black_box(geo::project(black_box(lon), black_box(lat)));
        }
    });
    black_box(geo::map()); // decoded once, outside the timings

    let metric = Metric::NewUnions;
    for width in [360.0, 560.0] {
        bench(&mut rows, format!("MapLayout::new {width} px (incl. labels)"), 1, || {
            black_box(MapLayout::new(&data, metric, width, Lang::Zh));
        });
    }
    for width in [360.0, 560.0] {
        let layout = MapLayout::new(&data, metric, width, Lang::Zh);
        bench(&mut rows, format!("map frame (scene) {width} px"), 1, || {
            black_box(layout.frame(Highlight::default(), None));
        });
        let probes: Vec<_> = BOUNDARY_COUNTIES
            .iter()
            .map(|(code, _, _)| layout.probe_point(&code.to_string(), 3.0).expect("a probe point"))
            .collect();
        for (p, (code, _, _)) in probes.iter().zip(BOUNDARY_COUNTIES) {
            assert_eq!(layout.hit(*p), Some(code.to_string().as_str()));
        }
        // Many calls per sample: one call is near the clock's resolution.
        const ROUNDS: usize = 50;
        bench(&mut rows, format!("map hit test {width} px (per call)"), ROUNDS * probes.len(), || {
            for _ in 0..ROUNDS {
                for p in &probes {
                    black_box(layout.hit(black_box(*p)));
                }
            }
        });
    }

    let view = View::default();
    for kind in ChartKind::ALL {
        let ctx = Ctx::new(&data, &view, 1200.0);
        bench(&mut rows, format!("{kind:?} build 1200 px"), 1, || {
            black_box(kind.build(&ctx));
        });
        if let Some(chart) = kind.build(&ctx) {
            bench(&mut rows, format!("{kind:?} frame(∞) 1200 px"), 1, || {
                black_box(chart.frame(f64::INFINITY));
            });
        }
    }

    println!();
    println!("| case | median | p95 | samples |");
    println!("| --- | ---: | ---: | ---: |");
    for r in &rows {
        let calls = if r.per_sample > 1 { format!(" ×{}", r.per_sample) } else { String::new() };
        println!("| {} | {} | {} | {}{} |", r.name, fmt_us(r.median_us), fmt_us(r.p95_us), r.samples, calls);
    }

    if let Ok(path) = std::env::var("BENCH_JSON") {
        let json = serde_json::json!({
            "unit": "µs per call",
            "rows": rows.iter().map(|r| serde_json::json!({
                "name": r.name, "median_us": r.median_us, "p95_us": r.p95_us,
                "samples": r.samples, "calls_per_sample": r.per_sample,
            })).collect::<Vec<_>>(),
        });
        std::fs::write(&path, serde_json::to_string_pretty(&json).unwrap()).expect("write BENCH_JSON");
        eprintln!("wrote {path}");
    }
}
