//! Numbers as readers expect them: 中文 "18万", "1.2万+", "≥600";
//! English "180,000", "12,000+", "≥600". The qualifier is never dropped.

use crate::data::{Figure, Lang, Qualifier, Unit};
pub use crate::number::plain_number;
use crate::number::{decimals_of, fixed};

/// How to write numbers that share one final value: its scale (1 or 万) and
/// its decimals, so a counter that animates toward "1.2万" passes through
/// "0.6万", not "6000".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberStyle {
    lang: Lang,
    unit: Unit,
    wan: bool,
    decimals: usize,
}

impl NumberStyle {
    pub fn for_value(value: f64, unit: Unit, lang: Lang) -> Self {
        let wan = lang == Lang::Zh && unit != Unit::Percent && value >= 10_000.0;
        let shown = if wan { value / 10_000.0 } else { value };
        NumberStyle { lang, unit, wan, decimals: decimals_of(shown) }
    }

    /// The bare number with its unit sign, without qualifier.
    pub fn write(&self, value: f64) -> String {
        let shown = if self.wan { value / 10_000.0 } else { value };
        let digits = fixed(shown, self.decimals);
        let digits = match self.lang {
            Lang::Zh => digits,
            Lang::En => group_thousands(&digits),
        };
        let wan = if self.wan { "万" } else { "" };
        match (self.unit, self.lang) {
            (Unit::Percent, _) => format!("{digits}%"),
            (Unit::Yuan, Lang::Zh) => format!("{digits}{wan}元"),
            (Unit::Yuan, Lang::En) => format!("¥{digits}"),
            _ => format!("{digits}{wan}"),
        }
    }
}

/// A number with its qualifier: "1.2万+", "≥600", "¥133,300".
pub fn value(value: f64, unit: Unit, qualifier: Qualifier, lang: Lang) -> String {
    qualify(&NumberStyle::for_value(value, unit, lang).write(value), qualifier)
}

/// A figure's value as it should be shown.
pub fn figure(figure: &Figure, lang: Lang) -> String {
    value(figure.value, figure.unit, figure.qualifier, lang)
}

/// Adds the qualifier's sign: "+" for more than, "≥" for at least.
pub fn qualify(number: &str, qualifier: Qualifier) -> String {
    match qualifier {
        Qualifier::Exact => number.to_owned(),
        Qualifier::MoreThan => format!("{number}+"),
        Qualifier::AtLeast => format!("≥{number}"),
    }
}

/// Words for the qualifier, for screen readers and tooltips.
pub fn qualifier_words(qualifier: Qualifier, lang: Lang) -> &'static str {
    match (qualifier, lang) {
        (Qualifier::Exact, _) => "",
        (Qualifier::MoreThan, _) => crate::text::text(crate::text::Text::MoreThan, lang),
        (Qualifier::AtLeast, _) => crate::text::text(crate::text::Text::AtLeast, lang),
    }
}

/// A length for CSS: "12px", "12.5px" (two decimals at most).
pub fn css_px(value: f64) -> String {
    let mut text = fixed(value, 2);
    if text.contains('.') {
        text = text.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    text.push_str("px");
    text
}

fn group_thousands(digits: &str) -> String {
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(frac) => format!("{grouped}.{frac}"),
        None => grouped,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use Lang::{En, Zh};
    use Qualifier::{AtLeast, Exact, MoreThan};

    #[test]
    fn chinese_uses_wan_and_keeps_qualifiers() {
        assert_eq!(value(180_000.0, Unit::Person, Exact, Zh), "18万");
        assert_eq!(value(12_000.0, Unit::Person, MoreThan, Zh), "1.2万+");
        assert_eq!(value(600.0, Unit::Person, AtLeast, Zh), "≥600");
        assert_eq!(value(2300.0, Unit::Person, MoreThan, Zh), "2300+");
        assert_eq!(value(133_300.0, Unit::Yuan, Exact, Zh), "13.33万元");
        assert_eq!(value(4_631_400.0, Unit::Yuan, Exact, Zh), "463.14万元");
        assert_eq!(value(8.2, Unit::Percent, Exact, Zh), "8.2%");
    }

    #[test]
    fn english_groups_thousands() {
        assert_eq!(value(180_000.0, Unit::Person, Exact, En), "180,000");
        assert_eq!(value(12_000.0, Unit::Person, MoreThan, En), "12,000+");
        assert_eq!(value(600.0, Unit::Person, AtLeast, En), "≥600");
        assert_eq!(value(133_300.0, Unit::Yuan, Exact, En), "¥133,300");
        assert_eq!(value(4_631_400.0, Unit::Yuan, Exact, En), "¥4,631,400");
        assert_eq!(value(8.2, Unit::Percent, Exact, En), "8.2%");
        assert_eq!(value(21.0, Unit::Person, Exact, En), "21");
        assert_eq!(value(999.0, Unit::Person, Exact, En), "999");
        assert_eq!(value(1000.0, Unit::Person, Exact, En), "1,000");
    }

    #[test]
    fn fixed_rounds_like_print_without_float_formatting() {
        assert_eq!(fixed(8.25, 1), "8.3");
        assert_eq!(fixed(0.0, 1), "0.0");
        assert_eq!(fixed(-0.001, 1), "0.0");
        assert_eq!(fixed(-2.5, 0), "-3");
        assert_eq!(fixed(1.005, 2), "1.00", "1.005 is 1.00499… in binary, as printf agrees");
        assert_eq!(fixed(463.14, 2), "463.14");
        assert_eq!(fixed(f64::NAN, 1), "–");
        assert_eq!(css_px(360.0), "360px");
        assert_eq!(css_px(12.345), "12.35px");
        assert_eq!(plain_number(133300.0), "133300");
    }

    #[test]
    fn a_counter_keeps_its_final_style() {
        let style = NumberStyle::for_value(12_000.0, Unit::Person, Zh);
        assert_eq!(style.write(6_000.0), "0.6万");
        assert_eq!(style.write(0.0), "0.0万");
        let style = NumberStyle::for_value(8.2, Unit::Percent, En);
        assert_eq!(style.write(4.1), "4.1%");
        let style = NumberStyle::for_value(180_000.0, Unit::Person, En);
        assert_eq!(style.write(90_000.4), "90,000");
    }
}
