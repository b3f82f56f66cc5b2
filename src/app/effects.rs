//! What an update asks the browser layer to do. Nothing here touches the
//! DOM; `web` applies it.

/// A rectangle in CSS px of a canvas: x, y, width, height.
pub type Area = (f64, f64, f64, f64);

/// Which canvases to repaint from the state's scenes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Paint {
    /// Bit i: chart i.
    pub charts: u8,
    pub map: bool,
}

impl Paint {
    pub const ALL: Paint = Paint { charts: u8::MAX, map: true };

    pub fn chart(&mut self, i: usize) {
        self.charts |= 1 << i;
    }

    pub fn has_chart(&self, i: usize) -> bool {
        self.charts & (1 << i) != 0
    }

    pub fn merge(&mut self, other: Paint) {
        self.charts |= other.charts;
        self.map |= other.map;
    }
}

/// The provenance tooltip (one per graphic).
#[derive(Clone, Debug, PartialEq)]
pub enum Tip {
    Hide,
    /// A figure's value and sentence, near a point in client px.
    Figure {
        id: String,
        at: (f64, f64),
    },
    /// A figure of chart `chart`, below its hotspot (CSS px of that canvas).
    ChartFigure {
        chart: usize,
        id: String,
        rect: (f64, f64, f64, f64),
    },
    /// A figure of the county bars, below its hotspot (CSS px of their canvas).
    BarsFigure {
        id: String,
        rect: Area,
    },
}

/// The map's own tooltip: a place's name and what the view shows for it.
#[derive(Clone, Debug, PartialEq)]
pub enum MapTip {
    Hide,
    /// Text near a point in CSS px of the map canvas.
    Show {
        text: String,
        at: (f64, f64),
    },
}

/// A change the reader made, for the host page's analytics:
/// `CustomEvent('ankang-graphic:change', { detail: { kind, value } })`.
#[derive(Clone, Debug, PartialEq)]
pub enum HostEvent {
    Select(Option<String>),
    Metric(&'static str),
    Lang(&'static str),
    Theme(&'static str),
    Motion(bool),
}

impl HostEvent {
    pub fn kind(&self) -> &'static str {
        match self {
            HostEvent::Select(_) => "select",
            HostEvent::Metric(_) => "metric",
            HostEvent::Lang(_) => "lang",
            HostEvent::Theme(_) => "theme",
            HostEvent::Motion(_) => "motion",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Effects {
    /// Layouts were rebuilt: resize canvases, rebuild hit paths and labels.
    pub relaid: bool,
    pub paint: Paint,
    /// The DOM's texts (header, switches, headings) need the current language.
    pub texts: bool,
    /// The data table needs rebuilding (language).
    pub table: bool,
    /// The story card and the switcher's checked state changed.
    pub card: bool,
    /// The URL hash to write (with `history.replaceState`).
    pub hash: Option<String>,
    /// Text for the map's live region.
    pub announce: Option<String>,
    /// Text for chart i's live region.
    pub chart_announce: Option<(usize, String)>,
    pub tip: Option<Tip>,
    pub map_tip: Option<MapTip>,
    /// The keyboard ring of chart i: its hotspot rect, or None to hide it.
    pub focus_ring: Option<(usize, Option<Area>)>,
    /// Move focus back to the map canvas (after the card closes).
    pub focus_map: bool,
    pub host_events: Vec<HostEvent>,
    /// Keep animating: request a frame.
    pub frame: bool,
    /// Nothing animates or is about to.
    pub settled: bool,
    /// Console warnings (bad URL hash values).
    pub warnings: Vec<String>,
}
