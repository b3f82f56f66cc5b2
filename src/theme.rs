//! Colours and type. Text colours meet WCAG AA (4.5:1) on their background.

use crate::anim::lerp;

/// An sRGB colour with alpha in [0, 1].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgba(pub u8, pub u8, pub u8, pub f64);

impl Rgba {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Rgba(r, g, b, 1.0)
    }

    /// Mixes two colours; `t` = 0 gives `self`, 1 gives `to` (for tweens).
    pub fn mix(self, to: Rgba, t: f64) -> Rgba {
        let t = t.clamp(0.0, 1.0);
        let ch = |x: u8, y: u8| lerp(f64::from(x), f64::from(y), t).round() as u8;
        Rgba(ch(self.0, to.0), ch(self.1, to.1), ch(self.2, to.2), lerp(self.3, to.3, t))
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

/// A theme's colours (`Palette`, the default) or, as `Inks`, the roles
/// layouts draw with: scenes name a role and the palette is chosen when
/// painting, so a theme change repaints without laying anything out again.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette<C = Rgba> {
    pub background: C,
    pub text: C,
    pub muted: C,
    /// Headline numbers and rules.
    pub accent: C,
    /// Bars.
    pub bar: C,
    /// A second series (e.g. the highlighted part of a waffle).
    pub bar_alt: C,
    /// Empty parts of tracks and waffles.
    pub track: C,
    pub rule: C,
    /// Map: ground of a county that reports nothing, and its hatch.
    pub not_reported: C,
    pub hatch: C,
    /// Map: borders between counties, Ankang's outline, the selection ring.
    pub border: C,
    pub outline: C,
    pub selected: C,
    /// Map labels: a translucent plate under dark-enough (or light-enough) ink.
    pub label_plate: C,
    pub label_ink: C,
    pub marker: C,
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

/// What a layout draws with: a colour role of the theme, resolved against
/// the palette at paint time, or a concrete data colour (the map's ramp).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ink {
    Rgb(Rgba),
    Role(Role),
    /// A role's colour at this alpha (the hatching fading in or out).
    Alpha(Role, f64),
    /// Part of the way between two plain inks (a tween): 0 gives the first.
    Mix(Tone, Tone, f64),
}

/// A plain ink: a concrete colour or a role.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tone {
    Rgb(Rgba),
    Role(Role),
}

/// One per field of `Palette`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Background,
    Text,
    Muted,
    Accent,
    Bar,
    BarAlt,
    Track,
    Rule,
    NotReported,
    Hatch,
    Border,
    Outline,
    Selected,
    LabelPlate,
    LabelInk,
    Marker,
}

impl From<Rgba> for Ink {
    fn from(c: Rgba) -> Self {
        Ink::Rgb(c)
    }
}

impl Ink {
    fn tone(self) -> Option<Tone> {
        match self {
            Ink::Rgb(c) => Some(Tone::Rgb(c)),
            Ink::Role(r) => Some(Tone::Role(r)),
            Ink::Alpha(..) | Ink::Mix(..) => None,
        }
    }

    /// `t` of the way from `a` to `b`. Concrete colours mix at once; a role
    /// waits for the palette. Tweens start from resolved colours (what is on
    /// screen), so a mix never has to hold another mix; if it were asked to,
    /// it would switch half-way instead.
    pub fn mix(a: Ink, b: Ink, t: f64) -> Ink {
        match (a.tone(), b.tone()) {
            _ if a == b || t <= 0.0 => a,
            _ if t >= 1.0 => b,
            (Some(Tone::Rgb(x)), Some(Tone::Rgb(y))) => Ink::Rgb(x.mix(y, t)),
            (Some(x), Some(y)) => Ink::Mix(x, y, t),
            _ if t < 0.5 => a,
            _ => b,
        }
    }
}

/// The roles, as a palette: layouts draw with `INKS.text` as they would with
/// a palette's `text`.
pub type Inks = Palette<Ink>;

pub const INKS: Inks = Palette {
    background: Ink::Role(Role::Background),
    text: Ink::Role(Role::Text),
    muted: Ink::Role(Role::Muted),
    accent: Ink::Role(Role::Accent),
    bar: Ink::Role(Role::Bar),
    bar_alt: Ink::Role(Role::BarAlt),
    track: Ink::Role(Role::Track),
    rule: Ink::Role(Role::Rule),
    not_reported: Ink::Role(Role::NotReported),
    hatch: Ink::Role(Role::Hatch),
    border: Ink::Role(Role::Border),
    outline: Ink::Role(Role::Outline),
    selected: Ink::Role(Role::Selected),
    label_plate: Ink::Role(Role::LabelPlate),
    label_ink: Ink::Role(Role::LabelInk),
    marker: Ink::Role(Role::Marker),
};

impl Palette {
    pub fn role(&self, role: Role) -> Rgba {
        match role {
            Role::Background => self.background,
            Role::Text => self.text,
            Role::Muted => self.muted,
            Role::Accent => self.accent,
            Role::Bar => self.bar,
            Role::BarAlt => self.bar_alt,
            Role::Track => self.track,
            Role::Rule => self.rule,
            Role::NotReported => self.not_reported,
            Role::Hatch => self.hatch,
            Role::Border => self.border,
            Role::Outline => self.outline,
            Role::Selected => self.selected,
            Role::LabelPlate => self.label_plate,
            Role::LabelInk => self.label_ink,
            Role::Marker => self.marker,
        }
    }

    /// The colour `ink` has in this palette.
    pub fn resolve(&self, ink: Ink) -> Rgba {
        let tone = |t: Tone| match t {
            Tone::Rgb(c) => c,
            Tone::Role(r) => self.role(r),
        };
        match ink {
            Ink::Rgb(c) => c,
            Ink::Role(r) => self.role(r),
            Ink::Alpha(r, a) => {
                let c = self.role(r);
                Rgba(c.0, c.1, c.2, a)
            }
            Ink::Mix(a, b, t) => tone(a).mix(tone(b), t),
        }
    }
}

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
