//! Every figure as rows: for the accessible HTML table and the CSV download.
//! Both come from the same data as the charts, so they cannot disagree.

use crate::data::{Dataset, Figure, Lang};
use crate::format;

pub fn headers(lang: Lang) -> Vec<&'static str> {
    crate::text::text(crate::text::Text::TableHeaders, lang).split('|').collect()
}

/// Whether column `i` of the table in `lang` holds Chinese text, for the
/// cell's `lang` attribute: screen readers then read it with a Chinese voice.
pub fn is_chinese_column(lang: Lang, i: usize) -> bool {
    match lang {
        Lang::Zh => true,
        Lang::En => i == 4 || i == 6,
    }
}

/// One row per figure, in file order: place, theme, label, formatted value
/// (qualifier kept), the literal as the article printed it, and the sentence:
/// in English our translation, then the original.
pub fn rows(data: &Dataset, lang: Lang) -> Vec<Vec<String>> {
    data.figures
        .iter()
        .map(|f| {
            let place = data.place(&f.place).map_or(f.place.clone(), |p| p.name.get(lang).to_owned());
            let theme =
                data.themes.iter().find(|t| t.id == f.theme).map_or(f.theme.clone(), |t| t.name.get(lang).to_owned());
            let mut value = format::figure(f, lang);
            if let Some(note) = derived_note(data, f, lang) {
                value = format!("{value} ({note})");
            }
            let mut row = vec![place, theme, f.label.get(lang).to_owned(), value, f.literal.clone()];
            row.push(f.sentence_in(lang).to_owned());
            if lang == Lang::En {
                row.push(f.sentence.clone());
            }
            row
        })
        .collect()
}

/// For a figure the data derives (a sum of printed figures), how it is made:
/// "计算值：16名+9名" / "derived: 16 + 9, added by us". None for printed ones.
pub fn derived_note(data: &Dataset, figure: &Figure, lang: Lang) -> Option<String> {
    let parts = figure.derived.as_ref()?;
    let shown: Vec<String> = parts.iter().filter_map(|id| data.figure(id)).map(|p| format::figure(p, lang)).collect();
    let sum = shown.join(if lang == Lang::Zh { "+" } else { " + " });
    Some(crate::text::fill(crate::text::Text::Derived, lang, &[&sum]))
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
        "sentence_en",
        "derived_from",
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
            field(f.unit.id()),
            field(f.qualifier.id()),
            field(&f.literal),
            field(&f.sentence),
            field(&f.sentence_en),
            field(&f.derived.as_ref().map_or(String::new(), |parts| parts.join("+"))),
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
    fn unit_ids_are_the_data_files_names() {
        let data = crate::data::embedded().unwrap();
        for f in &data.figures {
            assert_eq!(serde_json::to_value(f.unit).unwrap(), f.unit.id(), "{}", f.id);
            assert_eq!(serde_json::to_value(f.qualifier).unwrap(), f.qualifier.id(), "{}", f.id);
        }
    }

    #[test]
    fn one_row_per_figure_with_qualifiers() {
        let data = crate::data::embedded().unwrap();
        let rows = rows(&data, Lang::En);
        assert_eq!(rows.len(), data.figures.len());
        assert!(rows.iter().any(|r| r[3] == "12,000+" && r[4] == "超1.2万名"));
    }

    #[test]
    fn english_rows_carry_the_translation_then_the_original() {
        let data = crate::data::embedded().unwrap();
        let en = rows(&data, Lang::En);
        let zh = rows(&data, Lang::Zh);
        for (i, f) in data.figures.iter().enumerate() {
            assert_eq!(en[i].len(), headers(Lang::En).len());
            assert_eq!(zh[i].len(), headers(Lang::Zh).len());
            assert_eq!((en[i][5].as_str(), en[i][6].as_str()), (f.sentence_en.as_str(), f.sentence.as_str()));
            assert_eq!(zh[i][5], f.sentence);
        }
        assert!(is_chinese_column(Lang::En, 6) && !is_chinese_column(Lang::En, 5));
    }

    #[test]
    fn a_derived_figure_says_so_wherever_it_is_shown() {
        let data = crate::data::embedded().unwrap();
        let sum = data.figure("ningshan.honoured").unwrap();
        assert_eq!(
            derived_note(&data, sum, Lang::En).unwrap(),
            "derived: 16 + 9, added by us; the article gives the parts"
        );
        assert_eq!(derived_note(&data, sum, Lang::Zh).unwrap(), "计算值：16+9，文中分别给出");
        assert!(derived_note(&data, data.figure("city.workers").unwrap(), Lang::En).is_none());
        let row = rows(&data, Lang::En).into_iter().find(|r| r[4] == "16名+9名").unwrap();
        assert!(row[3].starts_with("25 (derived"), "{row:?}");
        assert!(csv(&data).contains("\"ningshan.model_workers+ningshan.advanced_workers\""));
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
        // Both the original and the translation of every sentence.
        assert!(text.contains(",sentence,sentence_en,derived_from\r\n"));
        for f in &data.figures {
            assert!(text.contains(&field(&f.sentence_en)), "{}", f.id);
        }
    }
}
