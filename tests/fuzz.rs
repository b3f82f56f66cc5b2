//! Property tests (proptest) of the two parsers that read input from outside:
//! the data loader (a host page may pass any JSON) and the URL-hash parser
//! (any reader may type any hash). About 100,000 generated inputs in all; no
//! input may panic, and every rejection must say what is wrong and where.
//!
//! Seeds are random on each run; a failure prints its minimal input, and
//! `PROPTEST_RNG_SEED=<n>` replays a run. Case counts are fixed below so the
//! whole file stays well under a minute in a debug build on two cores.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use ankang_graphic::data::{self, DataError, ErrorKind, Lang, Metric, EMBEDDED_JSON};
use ankang_graphic::deeplink::{self, DeepLink};
use ankang_graphic::map::metric;
use ankang_graphic::theme::Theme;
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{Map, Number, Value};

// Generated inputs per property: the cheap ones carry most of the 100,000.
const TEXT_CASES: u32 = 35_000;
const VALUE_CASES: u32 = 6_000;
const DAMAGED_CASES: u32 = 300;
const MUTATION_CASES: u32 = 2_000;
const CHAIN_CASES: u32 = 700;
const HASH_CASES: u32 = 45_000;
const MIXED_CASES: u32 = 12_000;
const ROUNDTRIP_CASES: u32 = 3_000;
const _: () = assert!(
    TEXT_CASES
        + VALUE_CASES
        + DAMAGED_CASES
        + MUTATION_CASES
        + CHAIN_CASES
        + HASH_CASES
        + MIXED_CASES
        + ROUNDTRIP_CASES
        >= 100_000
);

fn config(cases: u32) -> Config {
    // No regression files: several people share this tree; a failure prints
    // its seed and its shrunk input instead.
    Config { cases, failure_persistence: None, ..Config::default() }
}

// ---------------------------------------------------------------------------
// The data loader
// ---------------------------------------------------------------------------

/// An error an editor can act on: it says something and names a field.
fn check_error(err: &DataError) -> Result<(), TestCaseError> {
    let message = err.to_string();
    prop_assert!(!message.trim().is_empty(), "empty message: {err:?}");
    prop_assert!(!err.field.trim().is_empty(), "no field named: {err:?}");
    prop_assert!(!err.detail.trim().is_empty(), "no detail: {err:?}");
    if let Some(id) = &err.id {
        prop_assert!(message.contains(id.as_str()), "the message should name {id}: {message}");
    }
    Ok(())
}

/// Ok (and then really valid) or a clear error.
fn check_load(result: &Result<data::Dataset, DataError>) -> Result<(), TestCaseError> {
    match result {
        Ok(data) => {
            prop_assert!(data::validate(data).is_ok());
            for f in &data.figures {
                prop_assert!(f.value.is_finite() && f.value >= 0.0, "{} = {}", f.id, f.value);
            }
            Ok(())
        }
        Err(err) => check_error(err),
    }
}

/// Any text of up to `max` chars (any::<char> favours odd code points).
/// Cheaper to generate than a `\PC{0,n}` regex in a debug build.
fn text(min: usize, max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), min..=max).prop_map(String::from_iter)
}

/// Text built from `tokens`: each u32 picks a token, or is taken as a char
/// (about one time in four). Cheap to generate and to shrink.
fn token_text(tokens: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<u32>(), 0..=max).prop_map(move |seeds| {
        let mut out = String::new();
        for seed in seeds {
            let n = seed as usize;
            if n % 4 == 3 {
                out.push(char::from_u32((seed >> 2) % 0x11_0000).unwrap_or('\u{fffd}'));
            } else {
                out.push_str(tokens[(n >> 2) % tokens.len()]);
            }
        }
        out
    })
}

fn real() -> &'static Value {
    static REAL: OnceLock<Value> = OnceLock::new();
    REAL.get_or_init(|| serde_json::from_str(EMBEDDED_JSON).expect("the embedded file is JSON"))
}

/// Words the loader knows, so that random objects get past the first checks.
const SCHEMA_WORDS: &[&str] = &[
    "meta",
    "themes",
    "places",
    "figures",
    "id",
    "zh",
    "en",
    "title",
    "subtitle",
    "standfirst",
    "date",
    "source",
    "credits",
    "name",
    "kind",
    "adcode",
    "summary",
    "place",
    "theme",
    "value",
    "literal",
    "unit",
    "qualifier",
    "label",
    "sentence",
    "sentence_en",
    "metric",
    "derived",
    "short_label",
    "metrics",
    "marker",
    "counting",
    "short",
    "key",
    "overview",
    "city",
    "county",
    "zone",
    "exact",
    "more_than",
    "at_least",
    "person",
    "yuan",
    "new_unions",
    "610927",
    "hengkou",
    "workforce",
    "18万",
    "超1.2万名",
    "不少于600人",
    "",
    " ",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(SCHEMA_WORDS).prop_map(str::to_owned),
        1 => text(0, 12),
    ]
}

/// Numbers a careless or hostile editor might type.
fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|x| Number::from_f64(x).map_or(Value::Null, Value::Number)),
        proptest::sample::select(vec![0.0, -0.0, -1.0, 1e-300, 1e300, f64::MAX, f64::MIN, 180000.0, 0.5, -180000.0])
            .prop_map(|x| Value::Number(Number::from_f64(x).unwrap())),
    ]
}

const NUMBER_CHARS: &[char] = &[
    '超', '多', '余', '不', '少', '于', '0', '1', '2', '5', '9', '一', '二', '两', '十', '零', '.', '万', '元', '人',
    '名', '%', ' ',
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        word().prop_map(Value::String),
        text(0, 40).prop_map(Value::String),
        // Number phrases: what the literal reader sees.
        proptest::collection::vec(proptest::sample::select(NUMBER_CHARS), 1..12)
            .prop_map(|c| Value::String(String::from_iter(c))),
    ]
}

/// Any JSON value, up to a few levels deep.
fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((word(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<String, Value>>())),
        ]
    })
}

const JSON_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "null",
    "true",
    "false",
    "-",
    "1e400",
    "-0",
    "0.5",
    "1e-400",
    "\"meta\"",
    "\"figures\"",
    "\"value\"",
    "\"\\ud800\"",
    "\"\\u0000\"",
    " ",
    "\n",
    "\u{feff}",
    "NaN",
    "Infinity",
    "//",
    "/*",
    "{\"meta\":",
    "\"id\":\"x\"",
    "0",
    "123456789012345678901234567890",
];

/// Text that is nearly JSON: JSON tokens, fragments of the real file, junk.
fn json_ish_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => token_text(JSON_TOKENS, 40),
        1 => (token_text(JSON_TOKENS, 4), 0..EMBEDDED_JSON.len(), 1..400usize, token_text(JSON_TOKENS, 4))
            .prop_map(|(a, at, len, b)| format!("{a}{}{b}", fragment(at, len))),
    ]
}

/// A slice of the real file on char boundaries.
fn fragment(at: usize, len: usize) -> String {
    let start = (0..=at).rev().find(|i| EMBEDDED_JSON.is_char_boundary(*i)).unwrap_or(0);
    let end = (start + len).min(EMBEDDED_JSON.len());
    let end = (end..=EMBEDDED_JSON.len()).find(|i| EMBEDDED_JSON.is_char_boundary(*i)).unwrap();
    EMBEDDED_JSON[start..end].to_owned()
}

/// The real file, cut short or with one byte range replaced.
fn damaged_real_text() -> impl Strategy<Value = String> {
    (0..EMBEDDED_JSON.len(), 0..64usize, text(0, 4)).prop_map(|(at, cut, insert)| {
        let start = (0..=at).rev().find(|i| EMBEDDED_JSON.is_char_boundary(*i)).unwrap_or(0);
        let end = ((start + cut).min(EMBEDDED_JSON.len())..=EMBEDDED_JSON.len())
            .find(|i| EMBEDDED_JSON.is_char_boundary(*i))
            .unwrap();
        format!("{}{insert}{}", &EMBEDDED_JSON[..start], &EMBEDDED_JSON[end..])
    })
}

#[test]
fn pathological_texts_are_rejected_cleanly() {
    let deep_array = "[".repeat(100_000);
    let deep_object = "{\"meta\":".repeat(10_000);
    let nested = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let huge_string = format!("{{\"meta\": \"{}\"}}", "万".repeat(1_000_000));
    for text in
        ["", " ", "null", "0", "\"\"", "[]", "{}", "\u{feff}{}", "{\"\": 1}", &deep_array, &deep_object, &nested]
            .into_iter()
            .chain([huge_string.as_str()])
    {
        let err = data::from_json_str(text).expect_err("not a data file");
        check_error(&err).unwrap();
    }
}

proptest! {
    #![proptest_config(config(TEXT_CASES))]

    /// Any text at all: a clear error, never a panic.
    #[test]
    fn any_text_is_rejected_with_a_clear_error(text in prop_oneof![
        2 => any::<String>(),
        2 => json_ish_text(),
        1 => text(0, 200),
    ]) {
        check_load(&data::from_json_str(&text))?;
    }
}

proptest! {
    #![proptest_config(config(VALUE_CASES))]

    /// Any JSON value, given as a value (as a page's `data` option is) and as text.
    #[test]
    fn any_json_value_loads_or_is_rejected_with_a_clear_error(value in prop_oneof![
        3 => json(),
        // Objects with the right top-level keys and random insides.
        2 => proptest::collection::vec(
                (proptest::sample::select(vec!["meta", "themes", "places", "figures"]), json()), 0..5)
            .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
    ]) {
        let text = value.to_string();
        check_load(&data::from_value(value))?;
        check_load(&data::from_json_str(&text))?;
    }
}

proptest! {
    #![proptest_config(config(DAMAGED_CASES))]

    /// The real file with a byte range cut or replaced.
    #[test]
    fn damaged_real_text_loads_or_is_rejected_with_a_clear_error(text in damaged_real_text()) {
        check_load(&data::from_json_str(&text))?;
    }
}

// ---- Mutations of the real data file ----

#[derive(Clone, Debug)]
enum Seg {
    Key(String),
    Index(usize),
}

/// Every path in the real file: object members (which can be deleted) and
/// every node (which can be replaced), leaves marked.
struct Paths {
    members: Vec<Vec<Seg>>,
    nodes: Vec<Vec<Seg>>,
    leaves: Vec<Vec<Seg>>,
}

fn paths() -> &'static Paths {
    static PATHS: OnceLock<Paths> = OnceLock::new();
    PATHS.get_or_init(|| {
        let mut p = Paths { members: vec![], nodes: vec![], leaves: vec![] };
        fn walk(v: &Value, at: &mut Vec<Seg>, p: &mut Paths) {
            p.nodes.push(at.clone());
            match v {
                Value::Object(m) => {
                    for (k, child) in m {
                        at.push(Seg::Key(k.clone()));
                        p.members.push(at.clone());
                        walk(child, at, p);
                        at.pop();
                    }
                }
                Value::Array(items) => {
                    for (i, child) in items.iter().enumerate() {
                        at.push(Seg::Index(i));
                        walk(child, at, p);
                        at.pop();
                    }
                }
                _ => p.leaves.push(at.clone()),
            }
        }
        walk(real(), &mut vec![], &mut p);
        p
    })
}

fn node_mut<'a>(mut v: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    for seg in path {
        v = match seg {
            Seg::Key(k) => v.as_object_mut()?.get_mut(k)?,
            Seg::Index(i) => v.as_array_mut()?.get_mut(*i)?,
        };
    }
    Some(v)
}

#[derive(Clone, Debug)]
enum Mutation {
    /// Delete the object member at paths().members[i].
    Delete(usize),
    /// Replace paths().leaves[i] (or, for `node`, paths().nodes[i]) with a value.
    Replace {
        i: usize,
        node: bool,
        with: Value,
    },
    /// Insert a copy of figure `from` before position `to`.
    Duplicate {
        from: usize,
        to: usize,
    },
    Drop(usize),
}

fn figure_count() -> usize {
    real()["figures"].as_array().unwrap().len()
}

/// Applies `m`; returns false when its path no longer exists (after earlier mutations).
fn apply(doc: &mut Value, m: &Mutation) -> bool {
    let p = paths();
    match m {
        Mutation::Delete(i) => {
            let (last, parent) = p.members[*i].split_last().unwrap();
            let Seg::Key(k) = last else { unreachable!() };
            node_mut(doc, parent).and_then(Value::as_object_mut).and_then(|o| o.remove(k)).is_some()
        }
        Mutation::Replace { i, node, with } => {
            let path = if *node { &p.nodes[*i] } else { &p.leaves[*i] };
            match node_mut(doc, path) {
                Some(v) => {
                    *v = with.clone();
                    true
                }
                None => false,
            }
        }
        Mutation::Duplicate { from, to } => match doc.get_mut("figures").and_then(Value::as_array_mut) {
            Some(figures) if *from < figures.len() => {
                let copy = figures[*from].clone();
                figures.insert((*to).min(figures.len()), copy);
                true
            }
            _ => false,
        },
        Mutation::Drop(i) => match doc.get_mut("figures").and_then(Value::as_array_mut) {
            Some(figures) if *i < figures.len() => {
                figures.remove(*i);
                true
            }
            _ => false,
        },
    }
}

/// A replacement value: numbers (negative, huge), strings, null, bools,
/// arrays, objects.
fn replacement() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => leaf(),
        1 => json(),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let p = paths();
    let n = figure_count();
    prop_oneof![
        2 => (0..p.members.len()).prop_map(Mutation::Delete),
        4 => (0..p.leaves.len(), replacement()).prop_map(|(i, with)| Mutation::Replace { i, node: false, with }),
        1 => (0..p.nodes.len(), replacement()).prop_map(|(i, with)| Mutation::Replace { i, node: true, with }),
        1 => (0..n, 0..=n).prop_map(|(from, to)| Mutation::Duplicate { from, to }),
        1 => (0..n).prop_map(Mutation::Drop),
    ]
}

/// Members the schema lets go missing (an absent `metric`, `adcode` or view `unit` is null).
const OPTIONAL: &[&str] = &["metric", "adcode", "unit", "short_label"];

proptest! {
    #![proptest_config(config(MUTATION_CASES))]

    /// One mutation of the real file: Ok or a clear error; a missing member
    /// or a duplicated figure is always caught.
    #[test]
    fn one_mutation_of_the_real_file_loads_or_is_rejected_clearly(m in mutation()) {
        let mut doc = real().clone();
        prop_assert!(apply(&mut doc, &m));
        let result = data::from_value(doc);
        check_load(&result)?;
        match &m {
            Mutation::Delete(i) => {
                let Some(Seg::Key(key)) = paths().members[*i].last() else { unreachable!() };
                if !OPTIONAL.contains(&key.as_str()) {
                    prop_assert!(result.is_err(), "deleting {:?} was accepted", paths().members[*i]);
                }
            }
            Mutation::Duplicate { from, .. } => {
                let err = result.as_ref().expect_err("a duplicated figure must be rejected");
                prop_assert_eq!(err.kind, ErrorKind::DuplicateId);
                prop_assert_eq!(err.id.as_deref(), real()["figures"][*from]["id"].as_str());
            }
            Mutation::Replace { i, node, with } => {
                let path = if *node { &paths().nodes[*i] } else { &paths().leaves[*i] };
                let mut original = real().clone();
                if node_mut(&mut original, path).is_some_and(|v| v == with) {
                    prop_assert!(result.is_ok(), "an unchanged file must load");
                }
            }
            Mutation::Drop(_) => {}
        }
    }
}

proptest! {
    #![proptest_config(config(CHAIN_CASES))]

    /// Several mutations in a row: Ok or a clear error.
    #[test]
    fn mutation_chains_of_the_real_file_load_or_are_rejected_clearly(
        chain in proptest::collection::vec(mutation(), 2..6)
    ) {
        let mut doc = real().clone();
        for m in &chain {
            apply(&mut doc, m);
        }
        check_load(&data::from_value(doc))?;
    }
}

// ---------------------------------------------------------------------------
// The URL-hash parser
// ---------------------------------------------------------------------------

fn places() -> &'static [String] {
    static PLACES: OnceLock<Vec<String>> = OnceLock::new();
    PLACES.get_or_init(|| data::embedded().unwrap().places.iter().map(|p| p.id.clone()).collect())
}

const KEYS: &[&str] = &["county", "place", "metric", "lang", "theme"];

/// An independent reading of the parser's contract: split on '&', skip empty
/// parts, percent-decode values ('+' is a space, malformed escapes kept,
/// invalid UTF-8 replaced), last valid value wins, one warning per part not used.
fn model(hash: &str, places: &[String]) -> (DeepLink, usize) {
    let body = hash.strip_prefix('#').unwrap_or(hash);
    if body.len() > 512 {
        return (DeepLink::default(), 1);
    }
    let mut link = DeepLink::default();
    let mut ignored = 0;
    for part in body.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = part.split_once('=').unwrap_or((part, ""));
        let value = percent_decode(raw);
        let used = match key {
            "county" | "place" if places.contains(&value) => {
                link.place = Some(value);
                true
            }
            "metric" => metric::parse(&value).map(|m| link.metric = Some(m)).is_some(),
            "lang" => Lang::parse(&value).map(|l| link.lang = Some(l)).is_some(),
            "theme" => Theme::parse(&value).map(|t| link.theme = Some(t)).is_some(),
            _ => false,
        };
        ignored += usize::from(!used);
    }
    (link, ignored)
}

fn percent_decode(s: &str) -> String {
    let mut out = Vec::new();
    let mut rest = s.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        let hex = |i: usize| rest.get(i).and_then(|c| char::from(*c).to_digit(16));
        match (b, hex(1), hex(2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                rest = &rest[3..];
                continue;
            }
            (b'+', _, _) => out.push(b' '),
            _ => out.push(b),
        }
        rest = tail;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The properties every parse must have, whatever the input.
fn check_parse(hash: &str) -> Result<(DeepLink, Vec<String>), TestCaseError> {
    let (link, warnings) = deeplink::parse(hash, places());
    if let Some(place) = &link.place {
        prop_assert!(places().contains(place), "{place:?} is not a place");
    }
    for w in &warnings {
        // A warning quotes at most a short piece of the input.
        prop_assert!(!w.is_empty() && w.chars().count() <= 160, "warning of {} chars", w.chars().count());
    }
    let (expected, ignored) = model(hash, places());
    prop_assert_eq!(&link, &expected);
    prop_assert_eq!(warnings.len(), ignored, "one warning per ignored part: {:?}", warnings);
    // What was understood writes back to a hash that reads the same, silently.
    let again = deeplink::format(&link);
    prop_assert_eq!(deeplink::parse(&again, places()), (link.clone(), vec![]), "{}", again);
    Ok((link, warnings))
}

const HASH_TOKENS: &[&str] = &[
    "#",
    "&",
    "&",
    "=",
    "=",
    "%",
    "+",
    "county",
    "place",
    "metric",
    "lang",
    "theme",
    "610927",
    "hengkou",
    "city",
    "new_unions",
    "insurance_claims",
    "zh",
    "en",
    "zh-CN",
    "EN",
    "dark",
    "light",
    "%20",
    "%26",
    "%3D",
    "%E4%B8%AD",
    "%E4%B8",
    "%zz",
    "%%",
    "%4",
    "%C3%28",
    "%FF",
    "%00",
    "中",
    "\u{0}",
    "é",
    "🙂",
    " ",
    "\u{202e}",
];

const VALUE_TOKENS: &[&str] = &[
    "zh",
    "en",
    "-CN",
    "-",
    "dark",
    "Dark",
    "light",
    "610927",
    "610924",
    "hengkou",
    "city",
    "%36",
    "%31",
    "%30",
    "new_unions",
    "insurance",
    "_claims",
    "%6e",
    "%4E",
    "+",
    "%20",
    " ",
    "%09",
    "%zz",
    "%",
    "=",
    "%E4%B8%AD",
    "%C3",
];

/// Text in the hash alphabet: keys, values, escapes (good and broken),
/// separators, unicode; half of it shaped as `key=value&…` with values
/// built from pieces of valid ones, so that near misses are common.
fn hash_text() -> impl Strategy<Value = String> {
    let key = prop_oneof![3 => proptest::sample::select(KEYS), 1 => proptest::sample::select(HASH_TOKENS)];
    let value = prop_oneof![
        3 => proptest::collection::vec(proptest::sample::select(VALUE_TOKENS), 0..4).prop_map(|v| v.concat()),
        1 => token_text(VALUE_TOKENS, 4),
    ];
    let part =
        (key, value, any::<bool>())
            .prop_map(|(key, value, eq)| if eq { format!("{key}={value}") } else { format!("{key}{value}") });
    prop_oneof![
        token_text(HASH_TOKENS, 40),
        (any::<bool>(), proptest::collection::vec(part, 0..8)).prop_map(|(hash, parts)| format!(
            "{}{}",
            if hash { "#" } else { "" },
            parts.join("&")
        )),
    ]
}

fn long_text() -> impl Strategy<Value = String> {
    // Around the 512-byte limit, and far past it.
    (proptest::sample::select(vec![1usize, 85, 86, 100, 2_000]), "[a-z=&%中]{6}", any::<bool>())
        .prop_map(|(n, unit, hash)| format!("{}{}", if hash { "#" } else { "" }, unit.repeat(n)))
}

proptest! {
    #![proptest_config(config(HASH_CASES))]

    /// Any string at all: no panic, only valid fields, a warning per ignored part.
    #[test]
    fn any_hash_parses_to_valid_fields_and_warns_for_the_rest(hash in prop_oneof![
        2 => any::<String>(),
        3 => hash_text(),
        1 => long_text(),
    ]) {
        check_parse(&hash)?;
    }
}

/// One `key=value` part of a hash, built to be used or to be ignored.
#[derive(Clone, Debug)]
struct Part {
    text: String,
    /// What a used part sets; None for a part that must be ignored with a warning.
    sets: Option<DeepLink>,
}

fn encode_all(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02X}")).collect()
}

/// A value as a link might spell it: plain, fully %-escaped, or with lowercase escapes.
fn spelled(value: String) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(value.clone()),
        1 => Just(encode_all(&value)),
        1 => Just(encode_all(&value).to_lowercase()),
    ]
}

fn junk_value() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "",
            "fr",
            "sepia",
            "999999",
            "610927x",
            "bogus",
            "%zz",
            "%",
            "%E4%B8%AD",
            "a=b",
            "NEW_UNIONS",
            "city ",
            "e%6e%",
            "%FF",
            "\u{0}",
            "中文",
            "zh_CN",
        ])
        .prop_map(str::to_owned),
        "[a-z0-9_.=-]{0,12}",
        text(0, 12).prop_map(|s| s.replace('&', "")),
    ]
}

fn good_part() -> impl Strategy<Value = Part> {
    let place = (proptest::sample::select(vec!["county", "place"]), proptest::sample::select(places().to_vec()))
        .prop_flat_map(|(key, id)| {
            spelled(id.clone()).prop_map(move |text| Part {
                text: format!("{key}={text}"),
                sets: Some(DeepLink { place: Some(id.clone()), ..DeepLink::default() }),
            })
        });
    let metric = proptest::sample::select(metric::ALL.to_vec()).prop_flat_map(|m: Metric| {
        spelled(metric::id(m).to_owned()).prop_map(move |text| Part {
            text: format!("metric={text}"),
            sets: Some(DeepLink { metric: Some(m), ..DeepLink::default() }),
        })
    });
    let lang = proptest::sample::select(vec![
        ("zh", Lang::Zh),
        ("ZH", Lang::Zh),
        ("zh-CN", Lang::Zh),
        ("zh-hant", Lang::Zh),
        ("+zh+", Lang::Zh),
        ("en", Lang::En),
        ("En", Lang::En),
        ("en-GB", Lang::En),
        ("%65n", Lang::En),
    ])
    .prop_map(|(text, l)| Part {
        text: format!("lang={text}"),
        sets: Some(DeepLink { lang: Some(l), ..DeepLink::default() }),
    });
    let theme = proptest::sample::select(vec![
        ("light", Theme::Light),
        ("LIGHT", Theme::Light),
        ("dark", Theme::Dark),
        ("Dark", Theme::Dark),
        ("+dark", Theme::Dark),
        ("d%61rk", Theme::Dark),
    ])
    .prop_map(|(text, t)| Part {
        text: format!("theme={text}"),
        sets: Some(DeepLink { theme: Some(t), ..DeepLink::default() }),
    });
    prop_oneof![place, metric, lang, theme]
}

fn is_valid(key: &str, value: &str) -> bool {
    let value = percent_decode(value);
    match key {
        "county" | "place" => places().contains(&value),
        "metric" => metric::parse(&value).is_some(),
        "lang" => Lang::parse(&value).is_some(),
        "theme" => Theme::parse(&value).is_some(),
        _ => false,
    }
}

fn bad_part() -> impl Strategy<Value = Part> {
    let known_key_bad_value = (proptest::sample::select(KEYS), junk_value(), any::<bool>())
        .prop_filter("the junk happens to be valid", |(k, v, _)| !is_valid(k, v))
        .prop_map(|(k, v, eq)| Part {
            text: if eq || !v.is_empty() { format!("{k}={v}") } else { k.to_owned() },
            sets: None,
        });
    let unknown_key = (
        prop_oneof![
            proptest::sample::select(vec![
                "zoom",
                "County",
                "LANG",
                "%63ounty",
                "lang ",
                " theme",
                "metric%3D",
                "中",
                "#lang",
                "=",
            ])
            .prop_map(str::to_owned),
            "[a-zA-Z0-9_%-]{0,10}",
            text(1, 20).prop_map(|s| s.replace(['&', '='], "")),
        ],
        proptest::option::of(junk_value()),
    )
        .prop_filter("a known key", |(k, _)| !KEYS.contains(&k.as_str()) && !k.is_empty())
        .prop_map(|(k, v)| Part { text: v.map_or(k.clone(), |v| format!("{k}={v}")), sets: None });
    prop_oneof![known_key_bad_value, unknown_key]
}

/// A used part, an ignored one, or an empty one (`&&`, skipped silently).
fn any_part() -> impl Strategy<Value = Part> {
    prop_oneof![good_part(), bad_part(), Just(Part { text: String::new(), sets: None })]
}

proptest! {
    #![proptest_config(config(MIXED_CASES))]

    /// Mixes of valid and invalid parts: the last valid value of each field
    /// wins, and each invalid part gives exactly one warning that names its key.
    #[test]
    fn mixed_valid_and_invalid_parts(
        parts in proptest::collection::vec(any_part(), 0..10),
        hash in any::<bool>(),
    ) {
        let body = parts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("&");
        // A body that starts with '#' needs the hash's own '#' before it.
        let text = format!("{}{body}", if hash || body.starts_with('#') { "#" } else { "" });
        prop_assume!(text.trim_start_matches('#').len() <= 512);
        let mut expected = DeepLink::default();
        let mut bad = Vec::new();
        for part in &parts {
            match &part.sets {
                Some(s) => {
                    expected.place = s.place.clone().or(expected.place);
                    expected.metric = s.metric.or(expected.metric);
                    expected.lang = s.lang.or(expected.lang);
                    expected.theme = s.theme.or(expected.theme);
                }
                None if part.text.is_empty() => {}
                None => bad.push(part.text.split_once('=').map_or(part.text.as_str(), |(k, _)| k)),
            }
        }
        let (link, warnings) = check_parse(&text)?;
        prop_assert_eq!(link, expected);
        prop_assert_eq!(warnings.len(), bad.len(), "{:?}", warnings);
        for (key, warning) in bad.iter().zip(&warnings) {
            let shown: String = key.chars().take(40).collect();
            prop_assert!(warning.contains(&shown), "{warning:?} should name {shown:?}");
        }
    }
}

fn any_link() -> impl Strategy<Value = DeepLink> {
    (
        proptest::option::of(proptest::sample::select(places().to_vec())),
        proptest::option::of(proptest::sample::select(metric::ALL.to_vec())),
        proptest::option::of(prop_oneof![Just(Lang::Zh), Just(Lang::En)]),
        proptest::option::of(prop_oneof![Just(Theme::Light), Just(Theme::Dark)]),
    )
        .prop_map(|(place, metric, lang, theme)| DeepLink { place, metric, lang, theme })
}

proptest! {
    #![proptest_config(config(ROUNDTRIP_CASES))]

    /// Every link formats to a hash that parses back to it with no warning.
    #[test]
    fn format_then_parse_is_the_identity(link in any_link()) {
        let hash = deeplink::format(&link);
        prop_assert_eq!(hash.is_empty(), link == DeepLink::default());
        prop_assert_eq!(deeplink::parse(&hash, places()), (link, vec![]));
    }
}
