//! Every figure as rows: for the accessible HTML table and the CSV download.
//! Both come from the same data as the charts, so they cannot disagree.

use crate::data::{Dataset, Lang, Qualifier, Unit};
use crate::format;

pub fn headers(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Zh => ["地区", "主题", "项目", "数值", "原文数字"],
        Lang::En => ["Place", "Theme", "Figure", "Value", "As printed"],
    }
}

/// One row per figure, in file order: place, theme, label, formatted value
/// (qualifier kept), and the literal as the article printed it.
pub fn rows(data: &Dataset, lang: Lang) -> Vec<[String; 5]> {
    data.figures
        .iter()
        .map(|f| {
            let place = data.place(&f.place).map_or(f.place.clone(), |p| p.name.get(lang).to_owned());
            let theme =
                data.themes.iter().find(|t| t.id == f.theme).map_or(f.theme.clone(), |t| t.name.get(lang).to_owned());
            [place, theme, f.label.get(lang).to_owned(), format::figure(f, lang), f.literal.clone()]
        })
        .collect()
}

fn unit_id(unit: Unit) -> String {
    serde_json::to_value(unit).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

fn qualifier_id(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::MoreThan => "more_than",
        Qualifier::AtLeast => "at_least",
    }
}

/// RFC 4180 quoting: every field quoted, quotes doubled.
fn field(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The whole data set as CSV, both languages, with a UTF-8 byte-order mark
/// so that Excel reads the Chinese.
pub fn csv(data: &Dataset) -> String {
    let mut out = String::from("\u{FEFF}");
    let head = [
        "id",
        "place_id",
        "place_zh",
        "place_en",
        "theme",
        "label_zh",
        "label_en",
        "value",
        "unit",
        "qualifier",
        "literal",
        "sentence",
    ];
    out.push_str(&head.join(","));
    out.push_str("\r\n");
    for f in &data.figures {
        let place = data.place(&f.place);
        let cells = [
            field(&f.id),
            field(&f.place),
            field(place.map_or("", |p| p.name.zh.as_str())),
            field(place.map_or("", |p| p.name.en.as_str())),
            field(&f.theme),
            field(&f.label.zh),
            field(&f.label.en),
            format::plain_number(f.value),
            field(&unit_id(f.unit)),
            field(qualifier_id(f.qualifier)),
            field(&f.literal),
            field(&f.sentence),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_figure_with_qualifiers() {
        let data = crate::data::embedded().unwrap();
        let rows = rows(&data, Lang::En);
        assert_eq!(rows.len(), data.figures.len());
        assert!(rows.iter().any(|r| r[3] == "12,000+" && r[4] == "超1.2万名"));
    }

    #[test]
    fn csv_has_a_bom_a_header_and_a_line_per_figure() {
        let data = crate::data::embedded().unwrap();
        let text = csv(&data);
        assert!(text.starts_with('\u{FEFF}'));
        assert_eq!(text.matches("\r\n").count(), data.figures.len() + 1);
        assert!(text.contains("\"city.workers\",\"city\",\"安康市\",\"Ankang\""));
        assert!(text.contains(",180000,\"person\",\"exact\",\"18万\","));
        assert!(text.contains(",133300,\"yuan\""));
        assert!(text.contains(",8.2,\"percent\""));
        // Quotes inside sentences are doubled.
        assert!(text.contains("\"\""));
    }
}
