//! Colours and type. Text colours meet WCAG AA (4.5:1) on their background.

/// An sRGB colour with alpha in [0, 1].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgba(pub u8, pub u8, pub u8, pub f64);

impl Rgba {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Rgba(r, g, b, 1.0)
    }

    /// "#rrggbb", for CSS and SVG.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// System fonts only: canvas does not wait for web fonts, and a font fetch
/// would leave the page. Single quotes keep the list safe inside SVG attributes.
pub const FONT_STACK: &str = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', \
'Source Han Sans SC', 'WenQuanYi Micro Hei', system-ui, sans-serif";

/// Light or dark: follows `prefers-color-scheme` unless the host forces one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn parse(text: &str) -> Option<Theme> {
        match text.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn palette(self) -> &'static Palette {
        match self {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub background: Rgba,
    pub text: Rgba,
    pub muted: Rgba,
    /// Headline numbers and rules.
    pub accent: Rgba,
    /// Bars.
    pub bar: Rgba,
    /// A second series (e.g. the highlighted part of a waffle).
    pub bar_alt: Rgba,
    /// Empty parts of tracks and waffles.
    pub track: Rgba,
    pub rule: Rgba,
    /// Map: ground of a county that reports nothing, and its hatch.
    pub not_reported: Rgba,
    pub hatch: Rgba,
    /// Map: borders between counties, Ankang's outline, the selection ring.
    pub border: Rgba,
    pub outline: Rgba,
    pub selected: Rgba,
    /// Map labels: a translucent plate under dark-enough (or light-enough) ink.
    pub label_plate: Rgba,
    pub label_ink: Rgba,
    pub marker: Rgba,
}

/// The light newsroom palette: near-black text, a deep blue for bars, a red accent.
pub const LIGHT: Palette = Palette {
    background: Rgba::rgb(255, 255, 255),
    text: Rgba::rgb(26, 26, 26),
    muted: Rgba::rgb(89, 89, 89),
    accent: Rgba::rgb(176, 42, 30),
    bar: Rgba::rgb(31, 95, 168),
    bar_alt: Rgba::rgb(176, 42, 30),
    track: Rgba::rgb(226, 231, 238),
    rule: Rgba::rgb(210, 210, 210),
    not_reported: Rgba::rgb(242, 242, 242),
    hatch: Rgba::rgb(128, 128, 128),
    border: Rgba::rgb(255, 255, 255),
    outline: Rgba::rgb(60, 60, 60),
    selected: Rgba::rgb(20, 20, 20),
    label_plate: Rgba(255, 255, 255, 0.78),
    label_ink: Rgba::rgb(20, 20, 20),
    marker: Rgba::rgb(176, 42, 30),
};

/// The dark palette: light text on a near-black ground, lighter bars.
pub const DARK: Palette = Palette {
    background: Rgba::rgb(22, 24, 28),
    text: Rgba::rgb(236, 236, 236),
    muted: Rgba::rgb(178, 178, 178),
    accent: Rgba::rgb(255, 128, 110),
    bar: Rgba::rgb(110, 168, 236),
    bar_alt: Rgba::rgb(255, 128, 110),
    track: Rgba::rgb(52, 56, 64),
    rule: Rgba::rgb(80, 80, 80),
    not_reported: Rgba::rgb(48, 50, 56),
    hatch: Rgba::rgb(150, 150, 150),
    border: Rgba::rgb(22, 24, 28),
    outline: Rgba::rgb(200, 200, 200),
    selected: Rgba::rgb(255, 255, 255),
    label_plate: Rgba(22, 24, 28, 0.8),
    label_ink: Rgba::rgb(240, 240, 240),
    marker: Rgba::rgb(255, 128, 110),
};

/// Contrast ratio between two opaque colours (WCAG 2.x definition).
pub fn contrast(a: Rgba, b: Rgba) -> f64 {
    fn channel(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    let lum = |c: Rgba| 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2);
    let (hi, lo) = {
        let (x, y) = (lum(a), lum(b));
        if x > y {
            (x, y)
        } else {
            (y, x)
        }
    };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn text_colours_meet_aa_in_both_themes() {
        for theme in [Theme::Light, Theme::Dark] {
            let p = theme.palette();
            for (name, fg) in [("text", p.text), ("muted", p.muted), ("accent", p.accent), ("bar", p.bar)] {
                let ratio = contrast(fg, p.background);
                assert!(ratio >= 4.5, "{theme:?} {name} has contrast {ratio:.2}");
            }
        }
    }

    #[test]
    fn themes_parse() {
        assert_eq!(Theme::parse("Dark"), Some(Theme::Dark));
        assert_eq!(Theme::parse("sepia"), None);
    }
}
