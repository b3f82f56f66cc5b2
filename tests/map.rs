//! The county map's layout, without a browser: labels, colours, hatching,
//! hit testing, and the same scene drawn to SVG.
#![cfg(not(target_arch = "wasm32"))]

use ankang_graphic::data::{self, Lang, Metric};
use ankang_graphic::geo::BOUNDARY_COUNTIES;
use ankang_graphic::map::{metric, Highlight, MapLayout};
use ankang_graphic::scene::paint;
use ankang_graphic::theme::{INKS, LIGHT};
use plotters::prelude::SVGBackend;

#[test]
fn every_county_is_labelled_without_overlap_at_every_width() {
    let data = data::embedded().unwrap();
    for lang in [Lang::Zh, Lang::En] {
        for m in metric::available(&data) {
            for width in [320.0, 360.0, 560.0, 1280.0] {
                let layout = MapLayout::new(&data, m, width, lang);
                for (adcode, zh, _) in BOUNDARY_COUNTIES {
                    assert!(
                        layout.labels.iter().any(|l| l.key == adcode.to_string()),
                        "{zh} unlabelled at {width}px ({lang:?}, {m:?})"
                    );
                }
                for (i, a) in layout.labels.iter().enumerate() {
                    let r = a.rect;
                    assert!(
                        r.x >= layout.map.x && r.x + r.w <= layout.map.x + layout.map.w,
                        "{} leaves the map",
                        a.key
                    );
                    for b in &layout.labels[i + 1..] {
                        assert!(!a.rect.overlaps(&b.rect), "{} overlaps {} at {width}px ({lang:?})", a.key, b.key);
                    }
                }
                assert!(layout.height > layout.map.h, "legend below the map");
            }
        }
    }
}

#[test]
fn counties_without_the_figure_are_hatched_not_zero() {
    let data = data::embedded().unwrap();
    for m in metric::available(&data).into_iter().filter(|m| *m != Metric::Overview) {
        let layout = MapLayout::new(&data, m, 360.0, Lang::Zh);
        for county in &layout.counties {
            match metric::county_figure(&data, m, county.adcode) {
                Some(f) => {
                    assert!(county.hatch.is_empty(), "{} reports {m:?}", county.name);
                    assert_ne!(county.fill, INKS.not_reported);
                    assert_eq!(county.figure_id.as_deref(), Some(f.id.as_str()));
                }
                None => {
                    assert!(!county.hatch.is_empty(), "{} should be hatched for {m:?}", county.name);
                    assert_eq!(county.fill, INKS.not_reported);
                    assert!(county.value_text.is_none());
                }
            }
        }
        let label = layout.labels.iter().find(|l| layout.county(&l.key).is_some_and(|c| c.value_text.is_none()));
        if let Some(label) = label {
            assert_eq!(label.lines[1].text, "未报告");
        }
    }
}

#[test]
fn the_first_view_shows_every_place_and_hatches_none() {
    let data = data::embedded().unwrap();
    assert_eq!(metric::available(&data)[0], Metric::Overview);
    for (width, lang) in [(320.0, Lang::Zh), (360.0, Lang::En), (1280.0, Lang::Zh), (560.0, Lang::En)] {
        let layout = MapLayout::new(&data, Metric::Overview, width, lang);
        let scene = layout.frame(Highlight::default(), None);
        let texts: Vec<&str> = scene.texts().collect();
        let places: Vec<_> = data.places.iter().filter(|p| p.id != "city").collect();
        for place in &places {
            let sig = place.signature.get(lang);
            assert!(texts.iter().any(|t| t.contains(sig)), "{} ({sig}) missing at {width} px {lang:?}", place.id);
        }
        for county in &layout.counties {
            assert!(county.hatch.is_empty(), "{} hatched in the overview", county.name);
            assert_ne!(county.fill, INKS.not_reported);
        }
        assert!(!texts.iter().any(|t| *t == "未报告" || *t == "not reported"), "{width} {lang:?}");
    }
}

#[test]
fn qualifiers_reach_the_map_labels_and_legend() {
    let data = data::embedded().unwrap();
    let layout = MapLayout::new(&data, ankang_graphic::data::Metric::NewUnions, 560.0, Lang::En);
    let ziyang = layout.county("610924").unwrap();
    assert_eq!(ziyang.value_text.as_deref(), Some("30+"));
    let scene = layout.frame(Highlight::default(), None);
    let texts: Vec<&str> = scene.texts().collect();
    assert!(texts.contains(&"30+"), "{texts:?}");
    assert!(texts.contains(&"not reported"));
}

#[test]
fn every_county_is_hit_at_its_probe_point() {
    let data = data::embedded().unwrap();
    for width in [320.0, 560.0] {
        let layout = MapLayout::new(&data, metric::available(&data)[0], width, Lang::Zh);
        for (adcode, zh, _) in BOUNDARY_COUNTIES {
            let id = adcode.to_string();
            let p = layout.probe_point(&id, 3.0).unwrap_or_else(|| panic!("no probe point in {zh}"));
            assert_eq!(layout.hit(p), Some(id.as_str()), "{zh} at {p:?}");
        }
        for m in &layout.markers {
            assert_eq!(layout.hit((m.x, m.y)), Some(m.place_id.as_str()));
        }
    }
}

#[test]
fn the_map_renders_to_svg_with_names_and_credit() {
    let data = data::embedded().unwrap();
    let layout = MapLayout::new(&data, metric::available(&data)[0], 560.0, Lang::Zh);
    let scene = layout.frame(Highlight { hovered: None, selected: Some("610924") }, None).resolve(&LIGHT);
    let mut svg = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut svg, (layout.width as u32, layout.height as u32));
        paint(&mut backend, &scene, 1.0).unwrap();
    }
    for (_, zh, _) in BOUNDARY_COUNTIES {
        assert!(svg.contains(zh), "SVG lacks {zh}");
    }
    assert!(svg.contains("高德地图"), "boundary credit");
    assert!(svg.contains("位置示意"), "approximate markers are labelled as such");
    assert!(svg.matches("<polygon").count() >= 12, "ten counties (Ziyang in three parts)");
}

#[test]
fn keyboard_tour_covers_every_county_west_to_east() {
    let data = data::embedded().unwrap();
    let layout = MapLayout::new(&data, metric::available(&data)[0], 360.0, Lang::Zh);
    for (adcode, _, _) in BOUNDARY_COUNTIES {
        assert!(layout.tour.contains(&adcode.to_string()));
    }
    // Baihe is the easternmost county, Shiquan or Ningshan the westernmost.
    let counties: Vec<&String> = layout.tour.iter().filter(|id| id.parse::<u32>().is_ok()).collect();
    assert_eq!(counties.last().map(|s| s.as_str()), Some("610929"));
    assert!(["610922", "610923"].contains(&counties[0].as_str()));
}
