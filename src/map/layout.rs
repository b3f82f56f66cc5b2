//! The county map laid out for one width, language and metric: projected
//! county shapes in CSS px, fills, hatching, labels, markers and legend.
//! `frame` turns it into a Scene for a given highlight and colour tween.

use crate::data::{Dataset, Lang, Metric};
use crate::format;
use crate::geo::{self, MapGeometry};
use crate::layout::labels::{self, LabelLine, LabelRequest, PlacedLabel};
use crate::layout::polygon::{contains, hatch, Pt};
use crate::layout::text;
use crate::layout::Rect;
use crate::scene::Shape;
use crate::theme::{Ink, Palette, Rgba, INKS};

use super::colour::ColourScale;
use super::metric;
use super::places::marker_place;

pub(super) const HATCH_GAP: f64 = 5.0;
pub(super) const MARKER_R: f64 = 5.0;

#[derive(Clone, Debug, PartialEq)]
pub struct CountyPlot {
    pub adcode: u32,
    pub place_id: String,
    pub name: String,
    pub rings: Vec<Vec<Pt>>,
    /// The figure shown for the metric, formatted, or None: not reported.
    pub value_text: Option<String>,
    pub figure_id: Option<String>,
    /// A ramp colour, or a role (the overview's ground, not reported).
    pub fill: Ink,
    pub hatch: Vec<(Pt, Pt)>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MarkerShape {
    /// The city seat: a filled circle.
    Circle,
    /// Hengkou: a diamond.
    Diamond,
    /// The high-tech zone: a triangle.
    Triangle,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MarkerPlot {
    /// The data place the marker opens: "city", "hengkou" or "gaoxin".
    pub place_id: String,
    pub shape: MarkerShape,
    pub x: f64,
    pub y: f64,
    pub approximate: bool,
    /// The place's signature initiative, in the overview only.
    pub signature: Option<String>,
}

/// Which place the pointer or keyboard is on, and which card is open.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Highlight<'a> {
    pub hovered: Option<&'a str>,
    pub selected: Option<&'a str>,
}

/// Each county's fill as on screen (resolved), and whether it is hatched,
/// in county order.
pub type Fills = Vec<(Rgba, bool)>;

#[derive(Clone, Debug, PartialEq)]
pub struct Transition {
    pub from: Fills,
    pub t: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    pub width: f64,
    pub height: f64,
    pub metric: Metric,
    pub map: Rect,
    pub counties: Vec<CountyPlot>,
    /// Border pieces in CSS px, and whether each is on Ankang's outer boundary.
    pub arcs: Vec<(Vec<Pt>, bool)>,
    pub markers: Vec<MarkerPlot>,
    pub labels: Vec<PlacedLabel>,
    /// Legend, key and credit: the same in every frame.
    pub furniture: Vec<Shape<Ink>>,
    /// Keyboard order: counties west to east, then the markers.
    pub tour: Vec<String>,
}

/// "Ziyang County" → "Ziyang": the map has no room for the kind of unit.
pub fn short_en(name: &str) -> &str {
    // As `trim_end_matches` with each suffix in turn (every repeat removed),
    // but by `strip_suffix`: a comparison of the tail, where a `&str`
    // pattern would compile a substring searcher and its slicing panics.
    fn trim<'a>(mut name: &'a str, suffix: &str) -> &'a str {
        while let Some(rest) = name.strip_suffix(suffix) {
            name = rest;
        }
        name
    }
    trim(trim(trim(name, " County"), " District"), " City")
}

/// The map section's heading.
pub fn map_heading(lang: Lang) -> &'static str {
    crate::text::text(crate::text::Text::MapHeading, lang)
}

pub fn not_reported(lang: Lang) -> &'static str {
    crate::text::text(crate::text::Text::NotReported, lang)
}

impl MapLayout {
    /// `_palette` is not kept: the layout draws in roles (`Ink`), resolved
    /// when painting, so one layout serves both themes.
    pub fn new(data: &Dataset, metric: Metric, width: f64, lang: Lang) -> Self {
        let geometry: &MapGeometry = geo::map();
        let width = crate::view::usable_width(width);
        let pad = if width >= 480.0 { 16.0 } else { 10.0 };
        let inner = (width - 2.0 * pad).max(1.0);
        let (min_x, min_y, max_x, max_y) = geometry.bounds;
        let scale = inner / (max_x - min_x);
        let map = Rect { x: pad, y: pad, w: inner, h: (max_y - min_y) * scale };
        let to_screen = |p: (f64, f64)| (map.x + (p.0 - min_x) * scale, map.y + (max_y - p.1) * scale);

        let figures: Vec<_> = geometry.counties.iter().map(|c| metric::county_figure(data, metric, c.adcode)).collect();
        let max = figures.iter().flatten().map(|f| f.value).fold(0.0, f64::max);
        let colours = ColourScale::new(max);
        let counties: Vec<CountyPlot> = geometry
            .counties
            .iter()
            .zip(&figures)
            .map(|(c, figure)| {
                let rings: Vec<Vec<Pt>> = c.rings.iter().map(|r| r.iter().map(|p| to_screen(*p)).collect()).collect();
                let name = data.place(&c.adcode.to_string()).map_or_else(
                    || match lang {
                        Lang::Zh => c.name_zh.to_owned(),
                        Lang::En => short_en(c.name_en).to_owned(),
                    },
                    |p| match lang {
                        Lang::Zh => p.name.zh.clone(),
                        Lang::En => short_en(&p.name.en).to_owned(),
                    },
                );
                let overview = metric == Metric::Overview;
                let (fill, hatch_lines) = match figure {
                    Some(f) => (Ink::Rgb(colours.colour(f.value)), Vec::new()),
                    // The overview colours no value: one quiet ground for all,
                    // from the theme, so it never reads as a data colour.
                    None if overview => (INKS.track, Vec::new()),
                    None => (INKS.not_reported, hatch(&rings, HATCH_GAP)),
                };
                let value_text = if overview {
                    metric::signature(data, &c.adcode.to_string(), lang)
                } else {
                    figure.map(|f| format::figure(f, lang))
                };
                CountyPlot {
                    adcode: c.adcode,
                    place_id: c.adcode.to_string(),
                    name,
                    rings,
                    value_text,
                    figure_id: figure.map(|f| f.id.clone()),
                    fill,
                    hatch: hatch_lines,
                }
            })
            .collect();
        let arcs = geometry
            .arcs
            .iter()
            .map(|a| (a.points.iter().map(|p| to_screen(*p)).collect(), a.left.is_none() || a.right.is_none()))
            .collect();
        let markers: Vec<MarkerPlot> = geo::MARKERS
            .iter()
            .map(|m| {
                let (place_id, shape) = marker_place(m);
                let (x, y) = to_screen(geo::project(m.lon, m.lat));
                let signature = if metric == Metric::Overview { metric::signature(data, place_id, lang) } else { None };
                MarkerPlot { place_id: place_id.to_owned(), shape, x, y, approximate: m.approximate, signature }
            })
            .collect();

        let labels = Self::place_labels(geometry, &counties, &markers, data, map, (width, lang), &to_screen);
        let mut tour: Vec<(f64, String)> = counties
            .iter()
            .map(|c| {
                let x =
                    labels.iter().find(|l| l.key == c.place_id).map_or(c.rings[0][0].0, |l| l.rect.x + l.rect.w / 2.0);
                (x, c.place_id.clone())
            })
            .collect();
        crate::layout::sort_by(&mut tour, |a, b| a.0.total_cmp(&b.0));
        let mut tour: Vec<String> = tour.into_iter().map(|(_, id)| id).collect();
        tour.extend(markers.iter().map(|m| m.place_id.clone()));

        let mut layout =
            MapLayout { width, height: 0.0, metric, map, counties, arcs, markers, labels, furniture: Vec::new(), tour };
        let bottom = layout.build_furniture(&colours, &figures, data, (pad, inner), lang);
        layout.height = (bottom + pad).ceil();
        layout
    }

    #[allow(clippy::too_many_arguments)]
    fn place_labels(
        geometry: &MapGeometry,
        counties: &[CountyPlot],
        markers: &[MarkerPlot],
        data: &Dataset,
        map: Rect,
        (width, lang): (f64, Lang),
        to_screen: &dyn Fn((f64, f64)) -> Pt,
    ) -> Vec<PlacedLabel> {
        let (name_size, value_size) = if width >= 480.0 { (13.0, 12.0) } else { (11.0, 10.5) };
        // Room for the widest value any metric could show, so labels keep their place when the metric changes.
        let widest_value = |adcode: u32| {
            metric::ALL
                .iter()
                .map(|m| match m {
                    Metric::Overview => metric::signature(data, &adcode.to_string(), lang).unwrap_or_default(),
                    _ => metric::county_figure(data, *m, adcode)
                        .map_or(not_reported(lang).to_owned(), |f| format::figure(f, lang)),
                })
                .max_by(|a, b| text::width(a, value_size, false).total_cmp(&text::width(b, value_size, false)))
                .unwrap_or_default()
        };
        let mut order: Vec<usize> = (0..counties.len()).collect();
        crate::layout::sort_by(&mut order, |a, b| {
            geometry.counties[*b].area_km2.total_cmp(&geometry.counties[*a].area_km2)
        });
        let mut requests: Vec<LabelRequest> = order
            .iter()
            .map(|&i| {
                let c = &counties[i];
                let value = c.value_text.clone().unwrap_or_else(|| not_reported(lang).to_owned());
                let pad_to = widest_value(c.adcode);
                // Pad the box to the widest value; draw the real one centred in it.
                let reserve = if text::width(&pad_to, value_size, false) > text::width(&value, value_size, false) {
                    pad_to
                } else {
                    value.clone()
                };
                LabelRequest {
                    key: c.place_id.clone(),
                    anchor: to_screen(geometry.counties[i].label_point),
                    lines: vec![
                        LabelLine { text: c.name.clone(), size: name_size, bold: true },
                        LabelLine { text: reserve, size: value_size, bold: false },
                    ],
                    region: Some(c.rings.clone()),
                }
            })
            .collect();
        for m in markers {
            let text = data.marker_name(&m.place_id, lang, true);
            let mut lines = vec![LabelLine { text: text.to_owned(), size: value_size, bold: false }];
            // The zones and the city say what they did in the overview too.
            if let Some(sig) = &m.signature {
                lines[0].bold = true;
                lines.push(LabelLine { text: sig.clone(), size: value_size, bold: false });
            }
            requests.push(LabelRequest {
                key: format!("marker:{}", m.place_id),
                anchor: (m.x, m.y - MARKER_R - 8.0),
                lines,
                region: None,
            });
        }
        let obstacles: Vec<Rect> = markers
            .iter()
            .map(|m| Rect {
                x: m.x - MARKER_R - 1.0,
                y: m.y - MARKER_R - 1.0,
                w: 2.0 * MARKER_R + 2.0,
                h: 2.0 * MARKER_R + 2.0,
            })
            .collect();
        let mut placed = labels::place(&requests, map, &obstacles);
        // Put the real value text back where the box was sized for the widest.
        for label in &mut placed {
            if let Some(c) = counties.iter().find(|c| c.place_id == label.key) {
                if let Some(line) = label.lines.get_mut(1) {
                    line.text = c.value_text.clone().unwrap_or_else(|| not_reported(lang).to_owned());
                }
            }
        }
        placed
    }

    /// The county or marker under `p` (CSS px): markers first, as they sit on top.
    pub fn hit(&self, p: Pt) -> Option<&str> {
        let near = |m: &&MarkerPlot| (m.x - p.0).hypot(m.y - p.1) <= MARKER_R + 3.0;
        if let Some(m) = self.markers.iter().find(near) {
            return Some(&m.place_id);
        }
        self.counties.iter().find(|c| contains(&c.rings, p)).map(|c| c.place_id.as_str())
    }

    /// Colours now, to tween from when the metric changes.
    /// The fills in `palette`'s colours: where a tween starts or ends.
    pub fn fills(&self, palette: &Palette) -> Fills {
        self.counties.iter().map(|c| (palette.resolve(c.fill), !c.hatch.is_empty())).collect()
    }

    pub fn county(&self, place_id: &str) -> Option<&CountyPlot> {
        self.counties.iter().find(|c| c.place_id == place_id)
    }

    /// A point inside the county, clear of labels and markers and at least
    /// `clearance` px from its border: where a test can look for its fill
    /// or a pointer can land on it.
    pub fn probe_point(&self, place_id: &str, clearance: f64) -> Option<Pt> {
        let county = self.county(place_id)?;
        let pts = county.rings.iter().flatten();
        let (x0, y0, x1, y1) = pts.fold((f64::MAX, f64::MAX, f64::MIN, f64::MIN), |b, p| {
            (b.0.min(p.0), b.1.min(p.1), b.2.max(p.0), b.3.max(p.1))
        });
        let blocked = |p: Pt| {
            self.labels.iter().any(|l| l.rect.holds(p, clearance))
                || self.markers.iter().any(|m| (m.x - p.0).hypot(m.y - p.1) < MARKER_R + clearance + 2.0)
        };
        let mut best: Option<(f64, Pt)> = None;
        let step = ((x1 - x0).max(y1 - y0) / 40.0).max(1.0);
        let mut y = y0 + step / 2.0;
        while y < y1 {
            let mut x = x0 + step / 2.0;
            while x < x1 {
                let p = (x, y);
                if contains(&county.rings, p) && !blocked(p) {
                    let d = distance_to_rings(&county.rings, p);
                    if d >= clearance && best.is_none_or(|(bd, _)| d > bd) {
                        best = Some((d, p));
                    }
                }
                x += step;
            }
            y += step;
        }
        best.map(|(_, p)| p)
    }
}

fn distance_to_rings(rings: &[Vec<Pt>], p: Pt) -> f64 {
    let mut best = f64::INFINITY;
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len2 = dx * dx + dy * dy;
            let t = if len2 > 0.0 { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
            best = best.min((a.0 + t * dx - p.0).hypot(a.1 + t * dy - p.1));
        }
    }
    best
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn short_names_drop_every_repeat_of_each_suffix_as_trim_end_matches_did() {
        for name in [
            "Ziyang County",
            "Hanbin District",
            "Xunyang City",
            "Ankang",
            "County",
            " County",
            "A County County",
            "A City District County",
            "A County City",
            "",
            "紫阳 County",
        ] {
            let old = name.trim_end_matches(" County").trim_end_matches(" District").trim_end_matches(" City");
            assert_eq!(super::short_en(name), old, "{name:?}");
        }
    }
}
