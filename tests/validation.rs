//! The loader rejects bad data with a message naming the item and field.
//! Each test breaks one thing in a copy of the real data file.
#![cfg(not(target_arch = "wasm32"))]

use ankang_graphic::data::{self, ErrorKind, EMBEDDED_JSON};
use serde_json::{json, Value};

fn real() -> Value {
    serde_json::from_str(EMBEDDED_JSON).unwrap()
}

fn figure_mut<'a>(doc: &'a mut Value, id: &str) -> &'a mut Value {
    doc["figures"].as_array_mut().unwrap().iter_mut().find(|f| f["id"] == id).unwrap()
}

fn place_mut<'a>(doc: &'a mut Value, id: &str) -> &'a mut Value {
    doc["places"].as_array_mut().unwrap().iter_mut().find(|p| p["id"] == id).unwrap()
}

/// Loads `doc`, expects a failure of `kind`, and checks the message names
/// the id (when given) and the field.
fn rejects(doc: Value, kind: ErrorKind, id: Option<&str>, field_part: &str) -> String {
    let err = data::from_value(doc).expect_err("bad data must be rejected");
    assert_eq!(err.kind, kind, "wrong kind: {err}");
    assert_eq!(err.id.as_deref(), id, "wrong id: {err}");
    assert!(err.field.contains(field_part), "field {:?} should mention {field_part:?}", err.field);
    let message = err.to_string();
    if let Some(id) = id {
        assert!(message.contains(id), "message should name {id}: {message}");
    }
    message
}

#[test]
fn the_real_file_passes() {
    data::from_value(real()).unwrap();
}

#[test]
fn syntax_errors_are_reported_not_panicked() {
    let err = data::from_json_str("{ \"meta\": ").unwrap_err();
    assert_eq!(err.kind, ErrorKind::Syntax);
    assert!(err.to_string().contains("not valid JSON"));
    assert_eq!(data::from_json_str("[1,2]").unwrap_err().kind, ErrorKind::Shape);
}

#[test]
fn missing_field_names_the_figure() {
    let mut doc = real();
    figure_mut(&mut doc, "city.workers").as_object_mut().unwrap().remove("label");
    let msg = rejects(doc, ErrorKind::Shape, Some("city.workers"), "figures[");
    assert!(msg.contains("label"), "{msg}");
}

#[test]
fn unknown_unit_names_the_figure() {
    let mut doc = real();
    figure_mut(&mut doc, "city.workers")["unit"] = json!("furlong");
    let msg = rejects(doc, ErrorKind::Shape, Some("city.workers"), "figures[");
    assert!(msg.contains("furlong"), "{msg}");
}

#[test]
fn duplicate_figure_id() {
    let mut doc = real();
    let copy = figure_mut(&mut doc, "city.workers").clone();
    doc["figures"].as_array_mut().unwrap().push(copy);
    rejects(doc, ErrorKind::DuplicateId, Some("city.workers"), ".id");
}

#[test]
fn bad_id_format() {
    let mut doc = real();
    figure_mut(&mut doc, "city.workers")["id"] = json!("City Workers");
    rejects(doc, ErrorKind::BadId, Some("City Workers"), ".id");
}

#[test]
fn unknown_place() {
    let mut doc = real();
    figure_mut(&mut doc, "city.workers")["place"] = json!("610999");
    let msg = rejects(doc, ErrorKind::UnknownPlace, Some("city.workers"), ".place");
    assert!(msg.contains("610999"));
}

#[test]
fn unknown_theme() {
    let mut doc = real();
    figure_mut(&mut doc, "city.workers")["theme"] = json!("weather");
    rejects(doc, ErrorKind::UnknownTheme, Some("city.workers"), ".theme");
}

#[test]
fn negative_value() {
    let mut doc = real();
    let fig = figure_mut(&mut doc, "city.workers");
    fig["value"] = json!(-180000);
    rejects(doc, ErrorKind::Negative, Some("city.workers"), ".value");
}

#[test]
fn non_finite_value() {
    // JSON text cannot hold NaN or infinity, but a host page's JS object can
    // reach the typed model; validation catches it there.
    let mut data = data::from_value(real()).unwrap();
    let id = data.figures[0].id.clone();
    data.figures[0].value = f64::INFINITY;
    let err = data::validate(&data).unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFinite, "{err}");
    assert_eq!(err.id.as_deref(), Some(id.as_str()));
    assert!(err.field.ends_with(".value"));
}

#[test]
fn qualifier_must_match_the_printed_phrase() {
    let mut doc = real();
    figure_mut(&mut doc, "city.high_skill_talents")["qualifier"] = json!("exact");
    let msg = rejects(doc, ErrorKind::QualifierMismatch, Some("city.high_skill_talents"), ".qualifier");
    assert!(msg.contains("MoreThan"), "{msg}");
}

#[test]
fn value_must_match_the_printed_phrase() {
    let mut doc = real();
    // The classic slip: 18万 entered as 18.
    figure_mut(&mut doc, "city.workers")["value"] = json!(18);
    let msg = rejects(doc, ErrorKind::ValueMismatch, Some("city.workers"), ".value");
    assert!(msg.contains("180000"), "{msg}");
}

#[test]
fn literal_must_be_in_its_sentence() {
    let mut doc = real();
    figure_mut(&mut doc, "city.workers")["sentence"] = json!("一句无关的话。");
    rejects(doc, ErrorKind::LiteralNotInSentence, Some("city.workers"), ".sentence");
}

#[test]
fn empty_label() {
    let mut doc = real();
    figure_mut(&mut doc, "city.workers")["label"]["en"] = json!("  ");
    rejects(doc, ErrorKind::EmptyText, Some("city.workers"), ".label.en");
}

#[test]
fn bad_date() {
    let mut doc = real();
    doc["meta"]["date"] = json!("28/04/2025");
    rejects(doc, ErrorKind::BadDate, None, "meta.date");
}

#[test]
fn county_not_in_the_boundary_file() {
    let mut doc = real();
    let place = place_mut(&mut doc, "610927");
    place["id"] = json!("610928");
    place["adcode"] = json!(610928);
    for f in doc["figures"].as_array_mut().unwrap() {
        if f["place"] == "610927" {
            f["place"] = json!("610928");
        }
    }
    rejects(doc, ErrorKind::CountyNotInBoundaries, Some("610928"), ".adcode");
}

#[test]
fn every_boundary_county_needs_a_place() {
    let mut doc = real();
    doc["places"].as_array_mut().unwrap().retain(|p| p["id"] != "610929");
    doc["figures"].as_array_mut().unwrap().retain(|f| f["place"] != "610929");
    rejects(doc, ErrorKind::CountyMissing, Some("610929"), "places");
}

#[test]
fn county_id_must_be_its_adcode() {
    let mut doc = real();
    place_mut(&mut doc, "610902")["adcode"] = json!(610921);
    rejects(doc, ErrorKind::AdcodeMismatch, Some("610902"), ".id");
}

#[test]
fn zone_has_no_adcode() {
    let mut doc = real();
    place_mut(&mut doc, "hengkou")["adcode"] = json!(610902);
    rejects(doc, ErrorKind::AdcodeMismatch, Some("hengkou"), ".adcode");
}

#[test]
fn one_figure_per_place_and_metric() {
    let mut doc = real();
    let (first, metric) = {
        let f = doc["figures"].as_array().unwrap().iter().find(|f| !f["metric"].is_null()).unwrap();
        (f["id"].as_str().unwrap().to_owned(), f["metric"].clone())
    };
    let place = figure_mut(&mut doc, &first)["place"].clone();
    let other = doc["figures"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|f| f["place"] == place && f["id"] != first.as_str() && f["metric"].is_null())
        .unwrap();
    other["metric"] = metric;
    let other_id = other["id"].as_str().unwrap().to_owned();
    rejects(doc, ErrorKind::DuplicateMetric, Some(&other_id), ".metric");
}

#[test]
fn unknown_top_level_field() {
    let mut doc = real();
    doc["extra"] = json!(1);
    rejects(doc, ErrorKind::Shape, None, "extra");
    // Even an empty key is named (found by the property tests).
    let err = data::from_json_str(r#"{"": 1}"#).unwrap_err();
    assert_eq!(err.field, "\"\"");
}

// Like with like, and the counting rules of README.md ("The data").

#[test]
fn a_metric_takes_one_unit_only() {
    // Zhenping's 165 patients are people; the claims metric counts person-times.
    let mut doc = real();
    figure_mut(&mut doc, "zhenping.claims")["metric"] = json!("insurance_claims");
    let msg = rejects(doc, ErrorKind::MetricUnit, Some("zhenping.claims"), ".unit");
    assert!(msg.contains("PersonTime") && msg.contains("Person"), "{msg}");
    // People trained are not attendances either.
    let mut doc = real();
    figure_mut(&mut doc, "ziyang.tea_technicians")["metric"] = json!("attendances");
    rejects(doc, ErrorKind::MetricUnit, Some("ziyang.tea_technicians"), ".unit");
}

#[test]
fn a_person_time_literal_requires_the_person_time_unit() {
    let mut doc = real();
    figure_mut(&mut doc, "ziyang.insured")["unit"] = json!("person");
    let msg = rejects(doc, ErrorKind::PersonTimeUnit, Some("ziyang.insured"), ".unit");
    assert!(msg.contains("人次"), "{msg}");
    // And the reverse: people counted as person-times.
    let mut doc = real();
    figure_mut(&mut doc, "zhenping.claims")["unit"] = json!("person_time");
    rejects(doc, ErrorKind::PersonTimeUnit, Some("zhenping.claims"), ".unit");
}

#[test]
fn every_figure_needs_its_translation() {
    let mut doc = real();
    figure_mut(&mut doc, "city.workers")["sentence_en"] = json!("  ");
    rejects(doc, ErrorKind::MissingTranslation, Some("city.workers"), ".sentence_en");
    let mut doc = real();
    figure_mut(&mut doc, "city.workers").as_object_mut().unwrap().remove("sentence_en");
    rejects(doc, ErrorKind::Shape, Some("city.workers"), "figures[");
}

#[test]
fn derived_figures_name_parts_that_exist_and_sum_to_them() {
    let data = data::from_value(real()).unwrap();
    let sum = data.figure("ningshan.honoured").unwrap();
    assert_eq!(sum.value, 25.0);
    assert!(sum.is_derived());

    let mut doc = real();
    figure_mut(&mut doc, "ningshan.honoured")["value"] = json!(26);
    let msg = rejects(doc, ErrorKind::DerivedParts, Some("ningshan.honoured"), ".derived");
    assert!(msg.contains("add up to 25"), "{msg}");

    let mut doc = real();
    figure_mut(&mut doc, "ningshan.honoured")["derived"] = json!(["ningshan.model_workers", "ningshan.no_such"]);
    let msg = rejects(doc, ErrorKind::DerivedParts, Some("ningshan.honoured"), ".derived");
    assert!(msg.contains("ningshan.no_such"), "{msg}");

    // Parts of another place cannot be added in.
    let mut doc = real();
    figure_mut(&mut doc, "ningshan.honoured")["derived"] = json!(["ningshan.model_workers", "xunyang.model_workers"]);
    rejects(doc, ErrorKind::DerivedParts, Some("ningshan.honoured"), ".derived");

    // A derived figure never passes for a printed one: its literal spells the sum.
    let mut doc = real();
    figure_mut(&mut doc, "ningshan.honoured")["literal"] = json!("25名");
    rejects(doc, ErrorKind::DerivedParts, Some("ningshan.honoured"), ".derived");
}

/// Adds a figure to a copy of the real file.
fn with_figure(figure: Value) -> Value {
    let mut doc = real();
    doc["figures"].as_array_mut().unwrap().push(figure);
    doc
}

#[test]
fn numbers_that_are_part_of_a_name_are_not_figures() {
    // 八大产业链 / 六大平台: a designation of policy, not a count the article reports.
    let doc = with_figure(json!({
        "id": "hanyin.platforms", "place": "610921", "theme": "service_stations", "value": 6,
        "literal": "六大", "unit": "item", "qualifier": "exact",
        "label": {"zh": "服务职工平台", "en": "service platforms"},
        "sentence": "近年来,汉阴县总工会以深化\"三个年\"活动为抓手,建成服务职工\"六大平台\"。",
        "sentence_en": "It built six platforms serving workers.", "metric": null
    }));
    let msg = rejects(doc, ErrorKind::NotAFigure, Some("hanyin.platforms"), ".literal");
    assert!(msg.contains("part of a name"), "{msg}");
    // “15分钟服务圈”: the span in a plan's quoted name, not a measured reach.
    let doc = with_figure(json!({
        "id": "gaoxin.service_radius", "place": "gaoxin", "theme": "service_stations", "value": 15,
        "literal": "15分钟", "unit": "minute", "qualifier": "exact",
        "label": {"zh": "职工服务圈", "en": "workers' service circle"},
        "sentence": "打造含职工维权、心理疏导、文化供给等内容的\"15分钟服务圈\",",
        "sentence_en": "It builds a “15-minute service circle”.", "metric": null
    }));
    rejects(doc, ErrorKind::NotAFigure, Some("gaoxin.service_radius"), ".literal");
}

#[test]
fn every_map_view_is_defined_once_with_its_unit() {
    let mut doc = real();
    doc["metrics"].as_array_mut().unwrap().retain(|m| m["id"] != "attendances");
    let msg = rejects(doc, ErrorKind::Shape, Some("attendances"), "metrics");
    assert!(msg.contains("no definition"), "{msg}");
    let mut doc = real();
    doc["metrics"][0]["unit"] = json!("person");
    rejects(doc, ErrorKind::MetricUnit, Some("overview"), "metrics[0].unit");
    let mut doc = real();
    doc["metrics"][1]["unit"] = json!(null);
    rejects(doc, ErrorKind::MetricUnit, Some("new_unions"), "metrics[1].unit");
    // A view's unit is the data's rule for its figures.
    let mut doc = real();
    doc["metrics"][1]["unit"] = json!("person");
    rejects(doc, ErrorKind::MetricUnit, Some("hanbin.new_unions"), ".unit");
}

#[test]
fn the_city_and_the_zones_name_their_markers() {
    let mut doc = real();
    place_mut(&mut doc, "hengkou").as_object_mut().unwrap().remove("marker");
    let msg = rejects(doc, ErrorKind::Shape, Some("hengkou"), ".marker");
    assert!(msg.contains("marker"), "{msg}");
    let mut doc = real();
    place_mut(&mut doc, "city")["marker"]["short"]["en"] = json!(" ");
    rejects(doc, ErrorKind::EmptyText, Some("city"), ".marker.short.en");
}
