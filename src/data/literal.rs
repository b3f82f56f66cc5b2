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
    let text: String = chars[start..end].iter().collect();
    (text.parse().unwrap_or(f64::NAN), end)
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
