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

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub background: Rgba,
    pub text: Rgba,
    pub muted: Rgba,
    pub accent: Rgba,
    pub bar: Rgba,
    pub track: Rgba,
    pub rule: Rgba,
}

/// The light newsroom palette: near-black text, a deep blue accent.
pub const LIGHT: Palette = Palette {
    background: Rgba::rgb(255, 255, 255),
    text: Rgba::rgb(26, 26, 26),
    muted: Rgba::rgb(89, 89, 89),
    accent: Rgba::rgb(176, 42, 30),
    bar: Rgba::rgb(31, 95, 168),
    track: Rgba::rgb(236, 239, 243),
    rule: Rgba::rgb(210, 210, 210),
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
    fn text_colours_meet_aa() {
        for (name, fg) in [("text", LIGHT.text), ("muted", LIGHT.muted), ("accent", LIGHT.accent), ("bar", LIGHT.bar)] {
            let ratio = contrast(fg, LIGHT.background);
            assert!(ratio >= 4.5, "{name} has contrast {ratio:.2}");
        }
    }
}
