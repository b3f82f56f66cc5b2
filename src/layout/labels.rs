//! Label placement without collisions: each label tries positions spiralling
//! out from its anchor, preferring spots inside its own region, and takes the
//! first whose box hits no label placed before it. Earlier requests win, so
//! callers pass the most important (largest) first.

use super::polygon::{contains, Pt};
use super::text;
use super::Rect;

/// One line of a label: its text, size in px, weight.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelLine {
    pub text: String,
    pub size: f64,
    pub bold: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LabelRequest {
    pub key: String,
    pub anchor: Pt,
    pub lines: Vec<LabelLine>,
    /// Where the label should sit, if anywhere in particular (e.g. its county).
    pub region: Option<Vec<Vec<Pt>>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    pub key: String,
    pub rect: Rect,
    pub lines: Vec<LabelLine>,
}

const LINE_HEIGHT: f64 = text::LINE_BOX;
const MARGIN: f64 = 2.0;

fn size_of(lines: &[LabelLine]) -> (f64, f64) {
    let w = lines.iter().map(|l| text::width(&l.text, l.size, l.bold)).fold(0.0, f64::max);
    let h = lines.iter().map(|l| l.size * LINE_HEIGHT).sum();
    (w, h)
}

/// Offsets to try, nearest first: the anchor, then rings of 16 directions.
fn candidates() -> impl Iterator<Item = Pt> {
    std::iter::once((0.0, 0.0)).chain((1..=20).flat_map(|ring| {
        let r = f64::from(ring) * 3.0;
        (0..16).map(move |k| {
            let a = f64::from(k) * std::f64::consts::PI / 8.0;
            (r * a.cos(), r * a.sin())
        })
    }))
}

fn box_inside(region: &[Vec<Pt>], r: &Rect) -> bool {
    let (x0, y0, x1, y1) = (r.x, r.y, r.x + r.w, r.y + r.h);
    let (xm, ym) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    [(x0, y0), (x1, y0), (x0, y1), (x1, y1), (xm, y0), (xm, y1), (x0, ym), (x1, ym), (xm, ym)]
        .into_iter()
        .all(|p| contains(region, p))
}

/// Places every label it can inside `frame`, avoiding `obstacles` and each
/// other. A label that cannot be placed even one size smaller is left out
/// rather than drawn over another.
pub fn place(requests: &[LabelRequest], frame: Rect, obstacles: &[Rect]) -> Vec<PlacedLabel> {
    let mut placed: Vec<PlacedLabel> = Vec::new();
    for request in requests {
        let shrunk: Vec<LabelLine> =
            request.lines.iter().map(|l| LabelLine { size: l.size * 0.85, ..l.clone() }).collect();
        let attempts = [(&request.lines, true), (&shrunk, true), (&request.lines, false), (&shrunk, false)];
        'attempts: for (lines, want_inside) in attempts {
            if want_inside && request.region.is_none() {
                continue;
            }
            let (w, h) = size_of(lines);
            for (dx, dy) in candidates() {
                let rect = Rect { x: request.anchor.0 + dx - w / 2.0, y: request.anchor.1 + dy - h / 2.0, w, h };
                if !rect.within(&frame) {
                    continue;
                }
                let padded = rect.inflate(MARGIN);
                if placed.iter().any(|p| p.rect.overlaps(&padded)) || obstacles.iter().any(|o| o.overlaps(&padded)) {
                    continue;
                }
                if want_inside && !request.region.as_ref().is_some_and(|reg| box_inside(reg, &rect)) {
                    continue;
                }
                placed.push(PlacedLabel { key: request.key.clone(), rect, lines: lines.clone() });
                break 'attempts;
            }
        }
    }
    placed
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn request(key: &str, anchor: Pt) -> LabelRequest {
        let lines = vec![LabelLine { text: "汉滨区".into(), size: 12.0, bold: true }];
        LabelRequest { key: key.into(), anchor, lines, region: None }
    }

    #[test]
    fn crowded_labels_move_apart() {
        let frame = Rect { x: 0.0, y: 0.0, w: 200.0, h: 200.0 };
        let reqs: Vec<_> = (0..5).map(|i| request(&i.to_string(), (100.0, 100.0))).collect();
        let placed = place(&reqs, frame, &[]);
        assert_eq!(placed.len(), 5);
        for (i, a) in placed.iter().enumerate() {
            assert!(a.rect.within(&frame));
            for b in &placed[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{} overlaps {}", a.key, b.key);
            }
        }
    }

    #[test]
    fn prefers_its_region() {
        let region = vec![vec![(0.0, 0.0), (60.0, 0.0), (60.0, 40.0), (0.0, 40.0)]];
        let mut req = request("a", (58.0, 20.0));
        req.region = Some(region.clone());
        let placed = place(&[req], Rect { x: 0.0, y: 0.0, w: 200.0, h: 200.0 }, &[]);
        assert!(box_inside(&region, &placed[0].rect), "{:?}", placed[0].rect);
    }
}
