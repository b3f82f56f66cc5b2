//! High-skill talents among the city's industrial workers, as a waffle: one
//! square per 1,000 workers (180), the talents' squares (12) highlighted.
//! The article says "more than 12,000", so the 12 squares are a floor, and
//! the key says so. Squares fill in a few staggered groups.

use super::counters::CountUp;
use super::{draw_lines, wrap_into, Chart, Ctx, Hotspot, Line};
use crate::anim;
use crate::data::{Lang, Qualifier, Unit};
use crate::format;
use crate::layout::text;
use crate::layout::Rect;
use crate::scene::{Align, Font, Scene};
use crate::theme::{Ink, INKS};

pub const TALENTS_ID: &str = "city.high_skill_talents";
pub const WORKERS_ID: &str = "city.workers";
/// The squares fill in this many staggered groups, in reading order, so the
/// entry lasts `anim::entry_total_ms(GROUPS)` (1.3 s) however many squares.
pub const GROUPS: usize = 6;
/// At most this many squares: the people per square grows (1, 2, 5 × 10ⁿ) to fit.
const MAX_SQUARES: f64 = 300.0;
const MAX_CELL: f64 = 30.0;
const COLUMN_GAP: f64 = 32.0;
const ITEM_GAP: f64 = 24.0;

/// People per square: the smallest 1, 2, 5 × 10ⁿ (at least 1,000) that keeps
/// the grid at `MAX_SQUARES` or fewer.
fn people_per_square(total: f64) -> f64 {
    let mut unit = 1000.0;
    loop {
        for m in [1.0, 2.0, 5.0] {
            if total / (unit * m) <= MAX_SQUARES {
                return unit * m;
            }
        }
        unit *= 10.0;
    }
}

/// `value % unit == 0.0`, for any two f64s: `value` is a whole multiple of
/// `unit`. Read off the two numbers' odd mantissas and binary
/// exponents instead: f64's `%` is libm's fmod, which brings 128-bit integer
/// division into the module (2,058 bytes raw, 1,200 gzipped) for this one test. Exact, like
/// fmod: value = m·2^e and unit = n·2^f (m, n odd) give value / unit =
/// (m / n)·2^(e - f), a whole number exactly when n divides m and e >= f.
fn is_multiple(value: f64, unit: f64) -> bool {
    fn odd_mantissa(x: f64) -> (u64, i32) {
        let bits = x.abs().to_bits();
        let (exponent, fraction) = (((bits >> 52) & 0x7ff) as i32, bits & ((1 << 52) - 1));
        let (m, e) = if exponent == 0 { (fraction, -1074) } else { (fraction | 1 << 52, exponent - 1075) };
        let zeros = m.trailing_zeros();
        (m >> zeros, e + zeros as i32)
    }
    // fmod's special cases: NaN for an infinite value or a zero or NaN unit,
    // ±0 for a zero value, the value itself for an infinite unit.
    if !value.is_finite() || unit.is_nan() || unit == 0.0 {
        return false;
    }
    if value == 0.0 {
        return true;
    }
    if unit.is_infinite() {
        return false;
    }
    let ((m, e), (n, f)) = (odd_mantissa(value), odd_mantissa(unit));
    e >= f && m % n == 0
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Square {
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub highlight: bool,
    /// Its entry group (0 fills first).
    pub group: usize,
}

/// A key entry: a swatch of the squares' colour, the figure's number (which
/// counts up on entry) and what it counts, in squares.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyItem {
    pub figure_id: String,
    pub highlight: bool,
    pub swatch: Rect,
    pub number_x: f64,
    pub number_y: f64,
    pub number_size: f64,
    pub number: CountUp,
    pub label: Vec<Line>,
}

impl KeyItem {
    pub fn final_text(&self) -> String {
        self.number.final_text()
    }

    fn number_box(&self) -> Rect {
        let w = text::width(&self.final_text(), self.number_size, true);
        Rect { x: self.number_x, y: self.number_y, w, h: text::box_height(self.number_size) }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct WaffleLayout {
    pub width: f64,
    pub height: f64,
    pub lang: Lang,
    /// People per square.
    pub people_per_square: f64,
    pub columns: usize,
    /// Squares in reading order; the highlighted ones first.
    pub squares: Vec<Square>,
    pub items: Vec<KeyItem>,
    /// "Each square = 1,000 industrial workers".
    pub key: Vec<Line>,
    pub hotspots: Vec<Hotspot>,
    describe: String,
}

/// What an item's squares are: a floor of `n` for the talents unless the
/// figure is exact and a whole number of squares; all `n` for the workers.
fn squares_text(n: usize, highlight: bool, exact_squares: bool, lang: Lang) -> String {
    let id = match (highlight, exact_squares) {
        (true, false) => crate::text::Text::SquaresAtLeast,
        (true, true) => crate::text::Text::Squares,
        (false, _) => crate::text::Text::SquaresInAll,
    };
    crate::text::fill(id, lang, &[&n.to_string()])
}

impl WaffleLayout {
    pub fn new(ctx: &Ctx) -> Self {
        let (lang, width) = (ctx.lang, ctx.width);
        let pad = ctx.pad();
        let inner = (width - 2.0 * pad).max(1.0);
        let body = ctx.body_size();
        let (Some(talents), Some(workers)) = (ctx.data.figure(TALENTS_ID), ctx.data.figure(WORKERS_ID)) else {
            return WaffleLayout {
                width,
                height: (2.0 * pad).ceil(),
                lang,
                people_per_square: 1000.0,
                columns: 0,
                squares: Vec::new(),
                items: Vec::new(),
                key: Vec::new(),
                hotspots: Vec::new(),
                describe: String::new(),
            };
        };
        let unit = people_per_square(workers.value);
        let total = (workers.value / unit).round().max(0.0) as usize;
        let lit = ((talents.value / unit).floor().max(0.0) as usize).min(total);
        let exact_squares = talents.qualifier == Qualifier::Exact && is_multiple(talents.value, unit);

        // From about 740 px the key stands in a column left of the grid.
        let beside = inner >= 700.0;
        let key_w = if beside { (inner * 0.34).clamp(220.0, 340.0) } else { inner };
        let (grid_x, grid_w) =
            if beside { (pad + key_w + COLUMN_GAP, inner - key_w - COLUMN_GAP) } else { (pad, inner) };

        // Key: two items, side by side when the key is wide enough.
        let two_across = !beside && inner >= 440.0;
        let item_w = if two_across { (inner - ITEM_GAP) / 2.0 } else { key_w };
        let swatch = (body * 0.9).round();
        let number_size_for = |s: &str| (body * 1.9).round().min((item_w - swatch - 8.0) / text::width(s, 1.0, true));
        let entries = [(talents, lit, true), (workers, total, false)];
        let finals: Vec<String> = entries.iter().map(|(f, _, _)| format::figure(f, lang)).collect();
        let number_size = finals.iter().map(|s| number_size_for(s)).fold(f64::INFINITY, f64::min);
        let mut items = Vec::new();
        let mut y = pad;
        let mut row_bottom = pad;
        for (i, (figure, n, highlight)) in entries.into_iter().enumerate() {
            let (x, top) = if two_across { (pad + i as f64 * (item_w + ITEM_GAP), pad) } else { (pad, y) };
            let text_x = x + swatch + 8.0;
            let swatch_rect = Rect { x, y: top + (text::box_height(number_size) - swatch) / 2.0, w: swatch, h: swatch };
            let mut ly = top + number_size * 1.3;
            let mut label = Vec::new();
            let text_w = item_w - swatch - 8.0;
            wrap_into(&mut label, text_x, &mut ly, figure.label.get(lang), body, false, text_w);
            let squares = squares_text(n, highlight, exact_squares, lang);
            wrap_into(&mut label, text_x, &mut ly, &squares, body, false, text_w);
            row_bottom = row_bottom.max(ly);
            y = ly + 10.0;
            items.push(KeyItem {
                figure_id: figure.id.clone(),
                highlight,
                swatch: swatch_rect,
                number_x: text_x,
                number_y: top,
                number_size,
                number: CountUp::new(figure, lang),
                label,
            });
        }
        let mut key_y = row_bottom + 6.0;
        let unit_text = format::value(unit, Unit::Person, Qualifier::Exact, lang);
        let key_text = crate::text::fill(crate::text::Text::SquareKey, lang, &[&unit_text, workers.label.get(lang)]);
        let mut key = Vec::new();
        wrap_into(&mut key, pad, &mut key_y, &key_text, body - 1.0, false, key_w);

        // The grid: 20 across on wide frames, 15 or 12 on phones; squares
        // no larger than `MAX_CELL`, with gaps of about 15 %.
        let columns: usize = if grid_w >= 400.0 {
            20
        } else if grid_w >= 180.0 {
            15
        } else {
            12
        };
        let cell = (grid_w / columns as f64).min(MAX_CELL).floor();
        let gap = (cell * 0.15).round().max(2.0);
        let size = cell - gap;
        let grid_y = if beside { pad + 4.0 } else { key_y + 14.0 };
        let squares: Vec<Square> = (0..total)
            .map(|i| Square {
                x: grid_x + (i % columns) as f64 * cell,
                y: grid_y + (i / columns) as f64 * cell,
                size,
                highlight: i < lit,
                group: i * GROUPS / total.max(1),
            })
            .collect();
        let rows = total.div_ceil(columns);
        let grid_bottom = grid_y + rows as f64 * cell - gap;
        let bottom = if beside { key_y.max(grid_bottom) } else { grid_bottom };

        let hotspots: Vec<Hotspot> =
            items.iter().map(|item| Hotspot { rect: item.number_box(), figure_id: item.figure_id.clone() }).collect();

        let qualifier = match (lang, talents.qualifier) {
            (Lang::Zh, _) | (_, Qualifier::Exact) => String::new(),
            (Lang::En, q) => {
                let bare = format::value(talents.value, talents.unit, Qualifier::Exact, lang);
                format!(" ({} {bare})", format::qualifier_words(q, lang))
            }
        };
        let at_least = if exact_squares { "" } else { crate::text::text(crate::text::Text::AtLeastWord, lang) };
        let key_said = if lang == Lang::Zh { key_text.clone() } else { key_text.to_ascii_lowercase() };
        let (lit_s, total_s) = (lit.to_string(), total.to_string());
        let args = [
            finals[1].as_str(),
            workers.label.get(lang),
            talents.label.get(lang),
            finals[0].as_str(),
            qualifier.as_str(),
            at_least,
            lit_s.as_str(),
            total_s.as_str(),
            key_said.as_str(),
        ];
        let describe = crate::text::fill(crate::text::Text::WaffleDescribe, lang, &args);
        WaffleLayout {
            width,
            height: (bottom + pad).ceil(),
            lang,
            people_per_square: unit,
            columns,
            squares,
            items,
            key,
            hotspots,
            describe,
        }
    }

    /// Eased progress of the `group`-th group of squares.
    fn group_t(elapsed_ms: f64, group: usize) -> f64 {
        anim::staggered(elapsed_ms, group)
    }
}

impl Chart for WaffleLayout {
    fn size(&self) -> (f64, f64) {
        (self.width, self.height)
    }

    fn entry_ms(&self) -> f64 {
        anim::entry_total_ms(GROUPS)
    }

    /// Squares grow from their centres, group by group; the key's numbers
    /// count up with the first group and the last.
    fn frame(&self, elapsed_ms: f64) -> Scene<Ink> {
        let p = &INKS;
        let mut scene = Scene::new(self.width, self.height, p.background);
        for (i, item) in self.items.iter().enumerate() {
            let colour = if item.highlight { p.bar_alt } else { p.track };
            let s = item.swatch;
            scene.rect(s.x, s.y, s.w, s.h, colour);
            let t = Self::group_t(elapsed_ms, if i == 0 { 0 } else { GROUPS - 1 });
            let number = item.number.at(t);
            let font = Font::bold(item.number_size);
            scene.text(item.number_x, item.number_y, number, font, p.text, Align::Left);
            draw_lines(&mut scene, &item.label, p.text);
        }
        draw_lines(&mut scene, &self.key, p.muted);
        for sq in &self.squares {
            let t = Self::group_t(elapsed_ms, sq.group);
            let colour = if sq.highlight { p.bar_alt } else { p.track };
            if t >= 1.0 {
                scene.rect(sq.x, sq.y, sq.size, sq.size, colour);
            } else {
                let s = sq.size * t;
                let c = sq.size / 2.0;
                scene.rect(sq.x + c - s / 2.0, sq.y + c - s / 2.0, s, s, colour);
            }
        }
        scene
    }

    fn hotspots(&self) -> &[Hotspot] {
        &self.hotspots
    }

    fn describe(&self) -> String {
        self.describe.clone()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::is_multiple;

    #[test]
    fn is_multiple_agrees_with_the_remainder_operator() {
        let mut values =
            vec![0.0, -0.0, 1.0, 0.5, 0.1, 1e-300, 5e-324, f64::MIN_POSITIVE, f64::MAX, 1e22, 2e53, 9007199254740993.0];
        values.extend([f64::INFINITY, f64::NEG_INFINITY, f64::NAN]);
        // The waffle's own range: counts of people, whole and not.
        for i in 0..3000 {
            values.push(f64::from(i) * 500.0);
            values.push(f64::from(i) * 737.0 + 0.25);
            values.push(f64::from(i).powi(5));
        }
        let mut units = vec![0.0, -1000.0, 0.3, 1e-310, f64::INFINITY, f64::NAN, f64::MAX];
        let mut unit = 1000.0;
        for _ in 0..25 {
            units.extend([unit, 2.0 * unit, 5.0 * unit]);
            unit *= 10.0;
        }
        for &v in &values {
            for &u in &units {
                assert_eq!(is_multiple(v, u), v % u == 0.0, "{v} % {u}");
                assert_eq!(is_multiple(-v, u), -v % u == 0.0, "{} % {u}", -v);
            }
        }
    }
}
