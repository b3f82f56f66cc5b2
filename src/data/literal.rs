//! Reading the article's number phrases ("1.2万余", "超1.2万名", "不少于600人",
//! "一处") so validation can check a figure's value and qualifier against
//! what was printed.

use super::model::Qualifier;

/// The qualifier a printed phrase implies: 余/多/超 → more than, 不少于 → at least.
pub fn implied_qualifier(literal: &str) -> Qualifier {
    if literal.contains("不少于") {
        Qualifier::AtLeast
    } else if literal.contains(['余', '多', '超']) {
        Qualifier::MoreThan
    } else {
        Qualifier::Exact
    }
}

/// The value a printed phrase states, in base units (万 = 10,000), or None
/// when the phrase holds no number.
pub fn stated_value(literal: &str) -> Option<f64> {
    let chars: Vec<char> = literal.chars().collect();
    let start = chars.iter().position(|c| c.is_ascii_digit() || chinese_digit(*c).is_some() || *c == '十')?;
    let (number, end) = if chars[start].is_ascii_digit() { arabic(&chars, start) } else { chinese(&chars, start)? };
    // 万 may follow the qualifier: "20余万元" is more than 200,000 yuan.
    let mut after = end;
    while matches!(chars.get(after), Some('余' | '多')) {
        after += 1;
    }
    let scale = if chars.get(after) == Some(&'万') { 10_000.0 } else { 1.0 };
    // Round away binary noise: 1.2 × 10,000 must be exactly 12,000.
    Some((number * scale * 100.0).round() / 100.0)
}

fn arabic(chars: &[char], start: usize) -> (f64, usize) {
    let mut end = start;
    while end < chars.len() && (chars[end].is_ascii_digit() || chars[end] == '.') {
        end += 1;
    }
    (decimal(&chars[start..end]), end)
}

/// "13.33" → 13.33, as `str::parse::<f64>` reads it (NaN for a second
/// point), without core's float parser and its 20 KB of tables in the
/// module. Digits and decimals are exact integers (below 2^53 and 10^22),
/// so one division rounds correctly, as the parser does; longer numbers,
/// which no article prints, are summed in floating point.
fn decimal(digits: &[char]) -> f64 {
    let (mut mantissa, mut exact, mut decimals, mut point) = (0.0f64, 0u64, 0i32, false);
    let mut fits = true;
    for &c in digits {
        if c == '.' {
            if point {
                return f64::NAN;
            }
            point = true;
            continue;
        }
        let d = c as u64 - '0' as u64;
        mantissa = mantissa * 10.0 + d as f64;
        match exact.checked_mul(10).and_then(|e| e.checked_add(d)) {
            Some(e) if e < 1 << 53 => exact = e,
            _ => fits = false,
        }
        if point {
            decimals += 1;
        }
    }
    if fits && decimals <= 22 {
        exact as f64 / 10f64.powi(decimals)
    } else {
        mantissa / 10f64.powi(decimals)
    }
}

fn chinese_digit(c: char) -> Option<u32> {
    "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32).or(match c {
        '两' => Some(2),
        _ => None,
    })
}

/// Numbers below 100 written in Chinese: 一, 十, 十二, 二十, 二十三.
fn chinese(chars: &[char], start: usize) -> Option<(f64, usize)> {
    let mut end = start;
    let mut total = 0;
    let mut digit = None;
    while end < chars.len() {
        let c = chars[end];
        if let Some(d) = chinese_digit(c) {
            digit = Some(d);
        } else if c == '十' {
            total += digit.unwrap_or(1) * 10;
            digit = None;
        } else {
            break;
        }
        end += 1;
    }
    total += digit.unwrap_or(0);
    (end > start).then_some((f64::from(total), end))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_as_the_float_parser_reads_them() {
        let cases =
            ["0", "7", "1.2", "13.33", "463.14", "8.2", "0.1", "0.3", "1.005", "2.675", "1.", "12345678.901234"];
        for text in
            cases.iter().map(|s| s.to_string()).chain((0..2000).map(|i| format!("{}.{:02}", i * 37 % 1000, i % 100)))
        {
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(decimal(&chars).to_bits(), text.parse::<f64>().unwrap().to_bits(), "{text}");
        }
        assert!(decimal(&['1', '.', '2', '.', '3']).is_nan());
    }

    #[test]
    fn reads_arabic_and_wan() {
        assert_eq!(stated_value("18万"), Some(180_000.0));
        assert_eq!(stated_value("超1.2万名"), Some(12_000.0));
        assert_eq!(stated_value("13.33万元"), Some(133_300.0));
        assert_eq!(stated_value("463.14万元"), Some(4_631_400.0));
        assert_eq!(stated_value("9.6万余人次"), Some(96_000.0));
        assert_eq!(stated_value("8.2%"), Some(8.2));
        assert_eq!(stated_value("不少于600人"), Some(600.0));
        assert_eq!(stated_value("20余万元"), Some(200_000.0));
        assert_eq!(stated_value("150余万元"), Some(1_500_000.0));
    }

    #[test]
    fn reads_chinese_numerals() {
        assert_eq!(stated_value("一处"), Some(1.0));
        assert_eq!(stated_value("十二年"), Some(12.0));
        assert_eq!(stated_value("二十个"), Some(20.0));
        assert_eq!(stated_value("处"), None);
    }

    #[test]
    fn qualifiers_follow_the_characters() {
        assert_eq!(implied_qualifier("500余场次"), Qualifier::MoreThan);
        assert_eq!(implied_qualifier("30多亩"), Qualifier::MoreThan);
        assert_eq!(implied_qualifier("超1.2万名"), Qualifier::MoreThan);
        assert_eq!(implied_qualifier("不少于600人"), Qualifier::AtLeast);
        assert_eq!(implied_qualifier("18万"), Qualifier::Exact);
    }
}
