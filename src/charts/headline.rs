//! The city's headline figures: three counters (workers, high-skill talents,
//! wage growth) and a bar chart of the people honoured since the reform.
//! `HeadlineLayout::new` places everything once per width and language;
//! `frame` draws it at any moment of the entry animation.

use crate::anim;
use crate::data::{Dataset, Figure, Lang, Qualifier};
use crate::format::{self, NumberStyle};
use crate::layout::scale::LinearScale;
use crate::layout::text;
use crate::scene::{Align, Font, Scene};
use crate::theme::{Palette, LIGHT};
use crate::view::View;

/// Counters, in reading order.
pub const COUNTER_IDS: [&str; 3] = ["city.workers", "city.high_skill_talents", "city.wage_growth"];
/// Bars: people honoured since the reform began.
pub const HONOUR_IDS: [&str; 3] = ["city.national_model_workers", "city.sanqin_craftsmen", "city.jinzhou_craftsmen"];

const COUNTER_GAP: f64 = 12.0;
const BAR_HEIGHT: f64 = 22.0;
const COLUMN_GAP: f64 = 40.0;

fn heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "改革成绩单",
        Lang::En => "The reform in numbers",
    }
}

fn honours_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "改革以来新增劳模工匠（人）",
        Lang::En => "Honoured since the reform began (people)",
    }
}

/// A line of text placed on the frame.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub size: f64,
    pub bold: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Counter {
    pub figure_id: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub number_size: f64,
    pub final_value: f64,
    pub style: NumberStyle,
    pub qualifier: Qualifier,
    pub label: Vec<Line>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub figure_id: String,
    /// The settled bar, in CSS px.
    pub x: f64,
    pub y: f64,
    pub final_width: f64,
    pub height: f64,
    pub value_text: String,
    pub value_size: f64,
    pub label: Line,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineLayout {
    pub width: f64,
    pub height: f64,
    pub lines: Vec<Line>,
    pub counters: Vec<Counter>,
    pub bars: Vec<Bar>,
    palette: Palette,
}

fn wrap_lines(out: &mut Vec<Line>, x: f64, y: &mut f64, text_: &str, size: f64, bold: bool, max: f64) {
    for line in text::wrap_balanced(text_, size, bold, max) {
        out.push(Line { x, y: *y, text: line, size, bold });
        *y += size * 1.35;
    }
}

impl HeadlineLayout {
    pub fn new(data: &Dataset, view: &View) -> Self {
        let lang = view.lang;
        let width = view.layout_width();
        let pad = (width * 0.05).clamp(12.0, 28.0);
        let inner = (width - 2.0 * pad).max(1.0);
        // Type grows a little with the frame; phones keep 13 px body text.
        let body = if width >= 900.0 {
            15.0
        } else if width >= 480.0 {
            14.0
        } else {
            13.0
        };
        let mut y = pad;
        let mut lines = Vec::new();

        let title_size = (width / 16.0).clamp(18.0, 28.0);
        wrap_lines(&mut lines, pad, &mut y, heading(lang), title_size, true, inner);
        wrap_lines(&mut lines, pad, &mut y, data.meta.title.get(lang), body, false, inner);
        y += 14.0;

        // From 720 px the counters stand in a left column beside the bars.
        let two_columns = width >= 720.0;
        let (left_w, right_x, right_w) = if two_columns {
            let left = ((inner - COLUMN_GAP) * 0.4).floor();
            (left, pad + left + COLUMN_GAP, inner - left - COLUMN_GAP)
        } else {
            (inner, pad, inner)
        };
        let mut left_y = y;
        let counters = Self::counters(data, lang, pad, left_w, body, two_columns, &mut left_y);
        let mut right_y = if two_columns { y } else { left_y + 22.0 };

        let honours: Vec<&Figure> = HONOUR_IDS.iter().filter_map(|id| data.figure(id)).collect();
        let mut bars = Vec::new();
        if !honours.is_empty() {
            wrap_lines(&mut lines, right_x, &mut right_y, honours_heading(lang), body + 2.0, true, right_w);
            right_y += 6.0;
            let value_size = body + 1.0;
            let values: Vec<String> = honours.iter().map(|f| format::figure(f, lang)).collect();
            let reserve = values.iter().map(|v| text::width(v, value_size, true)).fold(0.0, f64::max) + 8.0;
            let max = honours.iter().map(|f| f.value).fold(0.0, f64::max);
            let scale = LinearScale::new(max, right_w - reserve);
            for (figure, value_text) in honours.iter().zip(values) {
                let label_text = figure.label.get(lang);
                let label = Line { x: right_x, y: right_y, text: label_text.to_owned(), size: body, bold: false };
                right_y += body * 1.35 + 3.0;
                bars.push(Bar {
                    figure_id: figure.id.clone(),
                    x: right_x,
                    y: right_y,
                    final_width: scale.apply(figure.value),
                    height: BAR_HEIGHT,
                    value_text,
                    value_size,
                    label,
                });
                right_y += BAR_HEIGHT + 12.0;
            }
        }
        y = left_y.max(right_y) + 18.0;
        wrap_lines(&mut lines, pad, &mut y, data.meta.source.get(lang), 12.0, false, inner);
        HeadlineLayout { width, height: (y + pad).ceil(), lines, counters, bars, palette: LIGHT }
    }

    /// Counters sit side by side when each gets 84 px or more (unless told
    /// to stack), else one under another.
    fn counters(data: &Dataset, lang: Lang, x0: f64, col: f64, body: f64, stack: bool, y: &mut f64) -> Vec<Counter> {
        let figures: Vec<&Figure> = COUNTER_IDS.iter().filter_map(|id| data.figure(id)).collect();
        if figures.is_empty() {
            return Vec::new();
        }
        let n = figures.len() as f64;
        let side_by_side = !stack && (col - (n - 1.0) * COUNTER_GAP) / n >= 84.0;
        let tile = if side_by_side { (col - (n - 1.0) * COUNTER_GAP) / n } else { col };
        // One number size for all tiles, the largest at which every number fits.
        let finals: Vec<String> = figures.iter().map(|f| format::figure(f, lang)).collect();
        let widest_em = finals.iter().map(|s| text::width(s, 1.0, true)).fold(0.0, f64::max);
        let number_size = (tile / 4.0).clamp(20.0, 44.0).min(tile / widest_em.max(0.1));
        let mut out = Vec::new();
        let mut row_bottom = *y;
        for (i, figure) in figures.iter().enumerate() {
            let (x, top) = if side_by_side {
                (x0 + i as f64 * (tile + COUNTER_GAP), *y)
            } else {
                (x0, row_bottom + if i > 0 { 16.0 } else { 0.0 })
            };
            let mut ly = top + 11.0 + number_size * 1.25;
            let mut label = Vec::new();
            for text_line in text::wrap_balanced(figure.label.get(lang), body, false, tile) {
                label.push(Line { x, y: ly, text: text_line, size: body, bold: false });
                ly += body * 1.35;
            }
            row_bottom = row_bottom.max(ly);
            out.push(Counter {
                figure_id: figure.id.clone(),
                x,
                y: top,
                width: tile,
                number_size,
                final_value: figure.value,
                style: NumberStyle::for_value(figure.value, figure.unit, lang),
                qualifier: figure.qualifier,
                label,
            });
        }
        *y = row_bottom;
        out
    }

    /// A text summary of the settled chart, for screen readers.
    pub fn describe(&self, lang: Lang) -> String {
        let (sep, colon) = match lang {
            Lang::Zh => ("；", "："),
            Lang::En => ("; ", ": "),
        };
        let mut parts: Vec<String> = self
            .counters
            .iter()
            .map(|c| {
                let label: Vec<&str> = c.label.iter().map(|l| l.text.as_str()).collect();
                let joiner = if lang == Lang::Zh { "" } else { " " };
                format!("{}{colon}{}", label.join(joiner), format::qualify(&c.style.write(c.final_value), c.qualifier))
            })
            .collect();
        parts.extend(self.bars.iter().map(|b| format!("{}{colon}{}", b.label.text, b.value_text)));
        format!("{}{colon}{}", heading(lang), parts.join(sep))
    }

    /// Elements that animate, in stagger order: counters, then bars.
    pub fn element_count(&self) -> usize {
        self.counters.len() + self.bars.len()
    }

    /// How long the entry animation lasts.
    pub fn entry_ms(&self) -> f64 {
        anim::entry_total_ms(self.element_count())
    }

    /// The frame `elapsed_ms` after entry began; anything at or past
    /// `entry_ms()` is the settled frame.
    pub fn frame(&self, elapsed_ms: f64) -> Scene {
        let p = self.palette;
        let mut scene = Scene::new(self.width, self.height, p.background);
        for line in &self.lines {
            scene.text(
                line.x,
                line.y,
                line.text.clone(),
                Font { size: line.size, bold: line.bold },
                p.text,
                Align::Left,
            );
        }
        for (i, c) in self.counters.iter().enumerate() {
            let t = anim::staggered(elapsed_ms, i);
            scene.rect(c.x, c.y, c.width, 3.0, p.accent);
            // The qualifier belongs to the stated figure, so it appears with it.
            let number = if t >= 1.0 {
                format::qualify(&c.style.write(c.final_value), c.qualifier)
            } else {
                c.style.write(c.final_value * t)
            };
            scene.text(c.x, c.y + 11.0, number, Font::bold(c.number_size), p.accent, Align::Left);
            for line in &c.label {
                scene.text(line.x, line.y, line.text.clone(), Font::regular(line.size), p.text, Align::Left);
            }
        }
        for (i, bar) in self.bars.iter().enumerate() {
            let t = anim::staggered(elapsed_ms, self.counters.len() + i);
            let l = &bar.label;
            scene.text(l.x, l.y, l.text.clone(), Font::regular(l.size), p.text, Align::Left);
            let w = bar.final_width * t;
            scene.rect(bar.x, bar.y, w, bar.height, p.bar);
            if t > 0.0 {
                let ty = bar.y + (bar.height - bar.value_size) / 2.0;
                scene.text(
                    bar.x + w + 6.0,
                    ty,
                    bar.value_text.clone(),
                    Font::bold(bar.value_size),
                    p.text,
                    Align::Left,
                );
            }
        }
        scene
    }
}
