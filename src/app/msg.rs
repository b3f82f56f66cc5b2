//! Every input the graphic reacts to: the reader's pointer, keys and
//! switches, what the browser reports, and the host page's calls.

use crate::data::{Lang, Metric};
use crate::theme::Theme;

/// The keys the graphic answers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Next,
    Previous,
    First,
    Last,
    Enter,
    Escape,
}

impl Key {
    /// A `KeyboardEvent.key` value, or None for keys the graphic ignores.
    pub fn parse(key: &str) -> Option<Key> {
        Some(match key {
            "ArrowRight" | "ArrowDown" => Key::Next,
            "ArrowLeft" | "ArrowUp" => Key::Previous,
            "Home" => Key::First,
            "End" => Key::Last,
            "Enter" | " " => Key::Enter,
            "Escape" => Key::Escape,
            _ => return None,
        })
    }
}

/// A call from the host page through the handle. It changes the state like
/// the reader's own action, but emits no host event: a host listener that
/// calls back cannot loop.
#[derive(Clone, Debug, PartialEq)]
pub enum HostCall {
    SetLang(Lang),
    /// A theme, forced by the host or (not forced) the system's again.
    SetTheme {
        theme: Theme,
        forced: bool,
    },
    SetAnimation(bool),
    SetMetric(Metric),
    Select(Option<String>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// The graphic's width, the DPR, each chart slot's width and the width
    /// the map and its side column share (all CSS px).
    Resize {
        width: f64,
        dpr: f64,
        slots: Vec<f64>,
        map_body: f64,
    },
    /// These charts came into view (by index); also the first report of the
    /// visibility observer, which may name none.
    ChartsSeen(Vec<usize>),
    /// Charts already in view at mount (by index): their entries start and
    /// draw their first frame at once, before the observer's first report.
    InView(Vec<usize>),
    /// The map came near the viewport.
    MapNear,
    Hidden,
    Shown,
    /// The reader's system colour scheme changed.
    SystemTheme(Theme),
    /// The URL hash, on mount (`full` false: only language and theme, before
    /// the first layout) or when it changes.
    Hash {
        hash: String,
        full: bool,
    },
    /// The pointer over the map: the place under it and where (CSS px).
    MapPointer {
        place: Option<String>,
        at: (f64, f64),
    },
    MapLeave,
    MapClick {
        place: Option<String>,
        at: (f64, f64),
    },
    /// A key on the map canvas (`on_canvas`) or in the story card.
    MapKey {
        key: Key,
        on_canvas: bool,
    },
    /// The pointer over the county bars, at a point in CSS px of their
    /// canvas and in client px (for the tooltip).
    BarsPointer {
        at: (f64, f64),
        client: (f64, f64),
    },
    BarsLeave,
    /// A key on the county bars (focused): their numbers, one by one.
    BarsKey(Key),
    BarsClick {
        at: (f64, f64),
    },
    /// The pointer over chart `chart`, in CSS px of its canvas and client px.
    ChartPointer {
        chart: usize,
        at: (f64, f64),
        client: (f64, f64),
    },
    ChartLeave(usize),
    ChartKey {
        chart: usize,
        key: Key,
    },
    /// The reader's switches in the toolbar and the map.
    ToggleLang,
    ToggleMotion,
    MetricButton(Metric),
    CloseCard,
    Host(HostCall),
    /// An animation frame.
    Frame,
    /// Repaint every canvas (the handle's `redraw`: late fonts, benchmarks).
    Redraw,
    /// The page is idle after the first frames: the deferred map is laid out.
    Idle,
}
