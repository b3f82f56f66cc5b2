//! Text measured without a DOM: a conservative per-character width model for
//! the system CJK font stack, and greedy line wrapping. Measuring through the
//! browser would be slow (plotters#482) and unavailable natively.

/// Spacing of wrapped lines of text, top to top, in ems.
pub const LINE_SPACING: f64 = 1.35;
/// Height of one line's box (labels, numbers, their hit areas), in ems.
pub const LINE_BOX: f64 = 1.2;

/// How far apart wrapped lines of `size` px text sit.
pub fn line_height(size: f64) -> f64 {
    size * LINE_SPACING
}

/// The height of one line of `size` px text.
pub fn box_height(size: f64) -> f64 {
    size * LINE_BOX
}

/// Estimated advance of one character, in ems.
fn advance_em(c: char) -> f64 {
    match c {
        // CJK ideographs, kana, full-width forms and CJK punctuation: one em.
        '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' => 1.0,
        ' ' => 0.28,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
        'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.9,
        'A'..='Z' | '¥' | '≥' | '—' => 0.68,
        '0'..='9' | '+' => 0.58,
        _ => 0.55,
    }
}

/// Estimated width in px of `text` at `size` px; bold runs about 5 % wider.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = text.chars().map(advance_em).sum();
    em * size * if bold { 1.05 } else { 1.0 }
}

fn is_cjk(c: char) -> bool {
    advance_em(c) >= 1.0 && !c.is_ascii()
}

/// Splits text into breakable pieces: a CJK character alone, or a run of
/// other characters up to and including the spaces after it.
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_cjk(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            // Closing punctuation never starts a line: keep it with the last piece.
            if "，。、；：？！）》」』”".contains(c) {
                if let Some(last) = out.last_mut() {
                    last.push(c);
                    continue;
                }
            }
            out.push(c.to_string());
        } else {
            word.push(c);
            if c == ' ' {
                out.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Greedy wrap into lines no wider than `max_width`. A single piece wider than
/// the line is kept whole rather than cut mid-word.
pub fn wrap(text: &str, size: f64, bold: bool, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for piece in pieces(text) {
        let candidate = format!("{line}{piece}");
        if !line.is_empty() && width(candidate.trim_end(), size, bold) > max_width {
            lines.push(line.trim_end().to_owned());
            line = piece.trim_start().to_owned();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Like `wrap`, but with lines of even length: the narrowest width that
/// still needs no more lines than greedy wrapping. Avoids a lone character
/// on the last line ("平均工资年均增 / 长").
pub fn wrap_balanced(text: &str, size: f64, bold: bool, max_width: f64) -> Vec<String> {
    let greedy = wrap(text, size, bold, max_width);
    if greedy.len() < 2 {
        return greedy;
    }
    let (mut lo, mut hi) = (0.0, max_width);
    for _ in 0..20 {
        let mid = (lo + hi) / 2.0;
        if wrap(text, size, bold, mid).len() <= greedy.len() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    wrap(text, size, bold, hi)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn cjk_is_one_em_and_latin_narrower() {
        assert_eq!(width("产业工人", 10.0, false), 40.0);
        assert!(width("workers", 10.0, false) < 70.0 * 0.7);
    }

    #[test]
    fn wraps_english_at_spaces() {
        let lines = wrap("industrial workers in Ankang", 12.0, false, 90.0);
        assert!(lines.len() >= 2, "{lines:?}");
        for line in &lines {
            assert!(width(line, 12.0, false) <= 90.0, "{line}");
            assert!(!line.starts_with(' ') && !line.ends_with(' '));
        }
        assert_eq!(lines.join(" "), "industrial workers in Ankang");
    }

    #[test]
    fn balanced_wrap_evens_out_lines() {
        let greedy = wrap("平均工资年均增长", 13.0, false, 98.0);
        assert_eq!(greedy, ["平均工资年均增", "长"]);
        let balanced = wrap_balanced("平均工资年均增长", 13.0, false, 98.0);
        assert_eq!(balanced, ["平均工资", "年均增长"]);
        assert_eq!(wrap_balanced("产业工人", 13.0, false, 98.0), ["产业工人"]);
    }

    #[test]
    fn wraps_chinese_between_characters_but_not_before_commas() {
        let lines = wrap("新增全国劳模，三秦工匠", 10.0, false, 50.0);
        assert_eq!(lines.concat(), "新增全国劳模，三秦工匠");
        assert!(lines.iter().all(|l| !l.starts_with('，')));
    }
}
