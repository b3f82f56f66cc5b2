//! The county comparison chart beside the map: one row per county for the
//! map's metric, longest bar first, unreported counties last and hatched.
//! Bars use the map's own colour for each county, so the two read as one.

use super::colour::ColourScale;
use super::metric;
use crate::anim::lerp;
use crate::charts::Hotspot;
use crate::data::{Dataset, Lang, Metric};
use crate::format;
use crate::geo;
use crate::layout::polygon::hatch;
use crate::layout::scale::LinearScale;
use crate::layout::text;
use crate::layout::Rect;
use crate::scene::{Align, Font, Scene};
use crate::theme::{Ink, Palette, INKS};

const ROW: f64 = 26.0;
const BAR: f64 = 16.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub place_id: String,
    pub name: String,
    pub figure_id: Option<String>,
    pub value_text: String,
    pub y: f64,
    pub bar_x: f64,
    pub bar_w: f64,
    /// The county's ramp colour, or a role (not reported, the overview).
    pub fill: Ink,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CountyBars {
    pub width: f64,
    pub height: f64,
    pub rows: Vec<Row>,
    pub hotspots: Vec<Hotspot>,
    pub caption: String,
    /// The overview: every place with its signature initiative, no bars.
    overview: bool,
}

impl CountyBars {
    /// `_palette` is not kept: rows are drawn in roles, resolved when painting.
    pub fn new(data: &Dataset, m: Metric, width: f64, lang: Lang) -> Self {
        let width = crate::view::usable_width(width);
        if m == Metric::Overview {
            return Self::overview(data, width, lang);
        }
        let size = if width >= 400.0 { 14.0 } else { 13.0 };
        let mut entries: Vec<(String, String, Option<&crate::data::Figure>)> = geo::BOUNDARY_COUNTIES
            .iter()
            .map(|(code, zh, en)| {
                let id = code.to_string();
                let name = data.place(&id).map_or_else(
                    || if lang == Lang::Zh { (*zh).to_owned() } else { (*en).to_owned() },
                    |p| p.name.get(lang).to_owned(),
                );
                (id, name, metric::county_figure(data, m, *code))
            })
            .collect();
        // Reported counties by value, largest first; then the rest by name order.
        crate::layout::sort_by(&mut entries, |a, b| match (a.2, b.2) {
            (Some(x), Some(y)) => y.value.total_cmp(&x.value),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.0.cmp(&b.0),
        });
        let name_w = entries.iter().map(|e| text::width(&e.1, size, false)).fold(0.0, f64::max) + 10.0;
        let values: Vec<String> = entries
            .iter()
            .map(|e| e.2.map_or_else(|| super::layout::not_reported(lang).to_owned(), |f| format::figure(f, lang)))
            .collect();
        let value_w = values.iter().map(|v| text::width(v, size, true)).fold(0.0, f64::max) + 8.0;
        let max = entries.iter().filter_map(|e| e.2).map(|f| f.value).fold(0.0, f64::max);
        let colours = ColourScale::new(max);
        let bar_x = name_w;
        let scale = LinearScale::new(max, (width - name_w - value_w).max(20.0));
        let caption = crate::text::fill(crate::text::Text::BarsCaption, lang, &[metric::name(data, m, lang)]);
        let mut y = text::line_height(size) + 8.0;
        let mut rows = Vec::new();
        let mut hotspots = Vec::new();
        for (entry, value_text) in entries.iter().zip(values) {
            let (bar_w, fill) = match entry.2 {
                Some(f) => (scale.apply(f.value).max(2.0), Ink::Rgb(colours.colour(f.value))),
                None => (24.0, INKS.not_reported),
            };
            if let Some(f) = entry.2 {
                let x = bar_x + bar_w + 6.0;
                let rect = Rect { x, y, w: text::width(&value_text, size, true), h: ROW - 4.0 };
                hotspots.push(Hotspot { rect, figure_id: f.id.clone() });
            }
            rows.push(Row {
                place_id: entry.0.clone(),
                name: entry.1.clone(),
                figure_id: entry.2.map(|f| f.id.clone()),
                value_text,
                y,
                bar_x,
                bar_w,
                fill,
            });
            y += ROW;
        }
        CountyBars { width, height: (y + 6.0).ceil(), rows, hotspots, caption, overview: false }
    }

    /// The first view's list: the ten counties, then the two zones, each with
    /// the initiative its paragraph leads with. Nothing here is a value.
    fn overview(data: &Dataset, width: f64, lang: Lang) -> Self {
        let size = if width >= 400.0 { 14.0 } else { 13.0 };
        // Short names ("Hanbin", "Hengkou"), so a phone has room for the text.
        let short = |p: &crate::data::Place| match (p.kind, lang) {
            (crate::data::PlaceKind::Zone, _) => data.marker_name(&p.id, lang, true).to_owned(),
            (_, Lang::En) => super::layout::short_en(&p.name.en).to_owned(),
            (_, Lang::Zh) => p.name.zh.clone(),
        };
        let places: Vec<_> = data.places.iter().filter(|p| p.id != "city").collect();
        let name_w = places.iter().map(|p| text::width(&short(p), size, false)).fold(0.0, f64::max) + 10.0;
        let caption = crate::text::text(crate::text::Text::OverviewList, lang).to_owned();
        let mut y = text::line_height(size) + 8.0;
        let mut rows = Vec::new();
        for place in places {
            rows.push(Row {
                place_id: place.id.clone(),
                name: short(place),
                figure_id: None,
                value_text: metric::signature(data, &place.id, lang).unwrap_or_default(),
                y,
                bar_x: name_w,
                bar_w: 0.0,
                fill: INKS.track,
            });
            y += ROW;
        }
        CountyBars { width, height: (y + 6.0).ceil(), rows, hotspots: Vec::new(), caption, overview: true }
    }

    /// The county whose row holds `p` (CSS px).
    pub fn row_at(&self, p: (f64, f64)) -> Option<&str> {
        self.rows
            .iter()
            .find(|r| p.1 >= r.y - 2.0 && p.1 < r.y + ROW - 2.0 && p.0 >= 0.0 && p.0 <= self.width)
            .map(|r| r.place_id.as_str())
    }

    /// Draws the rows; mid-tween, each county's row slides from where it was
    /// in `from` (the previous metric's chart) and its bar changes length.
    pub fn frame(&self, hovered: Option<&str>, selected: Option<&str>, from: Option<(&CountyBars, f64)>) -> Scene<Ink> {
        let p = &INKS;
        let size = if self.width >= 400.0 { 14.0 } else { 13.0 };
        let mut scene = Scene::new(self.width, self.height, p.background);
        scene.text(0.0, 0.0, self.caption.clone(), Font::bold(size), p.text, Align::Left);
        for row in &self.rows {
            let (y, bar_w, fill) =
                match from.and_then(|(old, t)| old.rows.iter().find(|r| r.place_id == row.place_id).map(|r| (r, t))) {
                    Some((old, t)) => {
                        (lerp(old.y, row.y, t), lerp(old.bar_w, row.bar_w, t), Ink::mix(old.fill, row.fill, t))
                    }
                    None => (row.y, row.bar_w, row.fill),
                };
            let is = |id: Option<&str>| id == Some(row.place_id.as_str());
            if is(selected) || is(hovered) {
                scene.rect(0.0, y - 3.0, self.width, ROW - 2.0, p.track);
            }
            let font = if is(selected) { Font::bold(size) } else { Font::regular(size) };
            scene.text(0.0, y + (BAR - size) / 2.0, row.name.clone(), font, p.text, Align::Left);
            let top = y + 0.0;
            scene.rect(row.bar_x, top, bar_w, BAR, fill);
            if row.figure_id.is_none() && !self.overview {
                let swatch = vec![
                    (row.bar_x, top),
                    (row.bar_x + bar_w, top),
                    (row.bar_x + bar_w, top + BAR),
                    (row.bar_x, top + BAR),
                ];
                for (a, b) in hatch(std::slice::from_ref(&swatch), 5.0) {
                    scene.path(vec![a, b], p.hatch, 1.0, false);
                }
            }
            let ink = if row.figure_id.is_some() || self.overview { p.text } else { p.muted };
            let value_font = if row.figure_id.is_some() { Font::bold(size) } else { Font::regular(size) };
            scene.text(
                row.bar_x + bar_w + 6.0,
                y + (BAR - size) / 2.0,
                row.value_text.clone(),
                value_font,
                ink,
                Align::Left,
            );
        }
        scene
    }

    /// This chart as it looks `t` of the way from `from`: where an
    /// interrupted tween has got to, to continue from without a jump.
    pub fn blend(&self, from: &CountyBars, t: f64) -> CountyBars {
        let mut out = self.clone();
        for row in &mut out.rows {
            if let Some(old) = from.rows.iter().find(|r| r.place_id == row.place_id) {
                row.y = lerp(old.y, row.y, t);
                row.bar_w = lerp(old.bar_w, row.bar_w, t);
                row.fill = Ink::mix(old.fill, row.fill, t);
            }
        }
        out
    }

    /// The chart in `palette`'s colours: a tween's ends are what is on
    /// screen, so blending them never has to mix one mix with another.
    pub fn resolved(&self, palette: &Palette) -> CountyBars {
        let mut out = self.clone();
        for row in &mut out.rows {
            row.fill = Ink::Rgb(palette.resolve(row.fill));
        }
        out
    }

    pub fn describe(&self) -> String {
        let parts: Vec<String> = self.rows.iter().map(|r| format!("{} {}", r.name, r.value_text)).collect();
        format!("{}: {}", self.caption, parts.join(", "))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_overview_lists_all_twelve_places_with_no_bars() {
        let data = crate::data::embedded().unwrap();
        for (width, lang) in [(300.0, Lang::En), (520.0, Lang::Zh)] {
            let chart = CountyBars::new(&data, Metric::Overview, width, lang);
            assert_eq!(chart.rows.len(), 12);
            for row in &chart.rows {
                assert_eq!((row.bar_w, row.figure_id.as_deref()), (0.0, None), "{}", row.name);
                assert!(!row.value_text.is_empty(), "{}", row.name);
                let end = row.bar_x + 6.0 + text::width(&row.value_text, 14.0, false);
                assert!(end <= width + 0.5, "{} overflows at {width}", row.name);
                assert_eq!(chart.row_at((5.0, row.y + 4.0)), Some(row.place_id.as_str()));
            }
        }
    }

    #[test]
    fn reported_first_by_value_then_not_reported_hatched() {
        let data = crate::data::embedded().unwrap();
        let chart = CountyBars::new(&data, Metric::InsuranceClaims, 360.0, Lang::Zh);
        assert_eq!(chart.rows.len(), 10);
        let reported: Vec<&Row> = chart.rows.iter().filter(|r| r.figure_id.is_some()).collect();
        assert!(reported.len() >= 2);
        assert!(reported.windows(2).all(|w| w[0].bar_w >= w[1].bar_w));
        let first_missing = chart.rows.iter().position(|r| r.figure_id.is_none()).unwrap();
        assert!(chart.rows[first_missing..].iter().all(|r| r.figure_id.is_none() && r.value_text == "未报告"));
        // Bars are proportional to the values (linear from zero).
        let (a, b) = (reported[0], reported[1]);
        let (fa, fb) =
            (data.figure(a.figure_id.as_ref().unwrap()).unwrap(), data.figure(b.figure_id.as_ref().unwrap()).unwrap());
        assert!(b.bar_w > 2.0, "not clamped at the 2 px minimum");
        assert!((a.bar_w / b.bar_w - fa.value / fb.value).abs() < 1e-9);
    }

    #[test]
    fn an_interrupted_tween_continues_from_what_is_on_screen() {
        let data = crate::data::embedded().unwrap();
        let a = CountyBars::new(&data, Metric::NewUnions, 400.0, Lang::Zh);
        let b = CountyBars::new(&data, Metric::InsuranceClaims, 400.0, Lang::Zh);
        // The ends of a tween are exactly its endpoints.
        for row in &b.blend(&a, 0.0).rows {
            let old = a.rows.iter().find(|o| o.place_id == row.place_id).unwrap();
            assert_eq!((row.bar_w, row.y, row.fill), (old.bar_w, old.y, old.fill));
        }
        assert_eq!(b.blend(&a, 1.0), b);
        // Interrupted at t = 0.4, the next tween starts from the blended state: no jump.
        let midway = b.blend(&a, 0.4);
        let c = CountyBars::new(&data, Metric::Attendances, 400.0, Lang::Zh);
        let restart = c.blend(&midway, 0.0);
        for row in &restart.rows {
            let seen = midway.rows.iter().find(|r| r.place_id == row.place_id).unwrap();
            assert!((row.bar_w - seen.bar_w).abs() < 1e-9 && (row.y - seen.y).abs() < 1e-9, "{} jumped", row.name);
            assert_eq!(row.fill, seen.fill);
        }
        // Lengths move monotonically between the two ends.
        for row in &b.rows {
            let old = a.rows.iter().find(|r| r.place_id == row.place_id).unwrap().bar_w;
            let mut last = old;
            for k in 1..=10 {
                let w =
                    b.blend(&a, f64::from(k) / 10.0).rows.iter().find(|r| r.place_id == row.place_id).unwrap().bar_w;
                assert!((w - last) * (row.bar_w - old) >= -1e-9, "{} not monotone", row.name);
                last = w;
            }
        }
    }

    #[test]
    fn rows_are_hit_and_fit_the_frame() {
        let data = crate::data::embedded().unwrap();
        for width in [300.0, 520.0] {
            let chart = CountyBars::new(&data, Metric::NewUnions, width, Lang::En);
            for row in &chart.rows {
                assert_eq!(chart.row_at((5.0, row.y + 4.0)), Some(row.place_id.as_str()));
                let value_end = row.bar_x + row.bar_w + 6.0 + text::width(&row.value_text, 14.0, true);
                assert!(value_end <= width + 0.5, "{} overflows at {width}", row.name);
            }
        }
    }
}
