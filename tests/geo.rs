//! The geo sidecar, the district outline and the geographic layout engine.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

use innovation_atlas::io::geo::{
    District, EMBEDDED_SHENZHEN_GEO, districts_bounds, geo_sidecar_path, load_geo, parse_geo,
    shenzhen_districts, unknown_places,
};
use innovation_atlas::layout::geo::{Projection, point_in_ring, world_extent};
use innovation_atlas::layout::{LayoutGraph, geographic};
use std::path::Path;

const SIDECAR: &str = "graph-data/shenzhen.geo.ron";

fn shipped() -> innovation_atlas::io::geo::Geo {
    let text = std::fs::read_to_string(SIDECAR).expect("shipped sidecar");
    parse_geo(&text, SIDECAR).unwrap_or_else(|d| panic!("{d}"))
}

fn district<'a>(name: &str) -> &'a District {
    shenzhen_districts()
        .iter()
        .find(|d| d.name_zh == name)
        .unwrap_or_else(|| panic!("no district {name}"))
}

fn inside(d: &District, lon: f64, lat: f64) -> bool {
    d.polygons.iter().any(|r| point_in_ring([lon, lat], r))
}

#[test]
fn shipped_sidecar_parses_names_real_nodes_and_matches_the_embedded_copy() {
    let geo = shipped();
    assert!(geo.places.len() >= 8, "{} places", geo.places.len());
    assert_eq!(
        parse_geo(EMBEDDED_SHENZHEN_GEO, "built in").unwrap(),
        geo,
        "the binary embeds the shipped file"
    );
    let data = innovation_atlas::io::load_dataset(Path::new("graph-data/shenzhen.ron"))
        .unwrap_or_else(|d| panic!("{}", innovation_atlas::io::join_diagnostics(&d)));
    let text = std::fs::read_to_string(SIDECAR).unwrap();
    let unknown = unknown_places(&geo, &text, SIDECAR, |id| {
        data.nodes.iter().any(|n| n.id == id)
    });
    assert!(unknown.is_empty(), "{unknown:?}");
    for p in &geo.places {
        assert!(p.source.len() > 20, "{}: source too thin", p.id);
    }
    assert_eq!(
        geo_sidecar_path(Path::new("graph-data/shenzhen.ron")),
        Path::new("graph-data/shenzhen.geo.ron")
    );
}

#[test]
fn coordinates_lie_in_shenzhen_except_the_documented_neighbours() {
    let (lo, hi) = districts_bounds(shenzhen_districts()).unwrap();
    // Outside the outline on purpose (see the sidecar's notes): Hong Kong, Nansha (Guangzhou),
    // and Hetao, which sits on the river border at Lok Ma Chau.
    let outside = ["area-hong-kong", "nansha-science-city", "hetao"];
    for p in &shipped().places {
        let in_box = (lo[0]..=hi[0]).contains(&p.lon) && (lo[1]..=hi[1]).contains(&p.lat);
        assert!(
            in_box || outside.contains(&p.id.as_str()),
            "{} at {},{} is outside Shenzhen",
            p.id,
            p.lon,
            p.lat
        );
        // Everything stays in the Pearl River Delta: catches swapped lon/lat at once.
        assert!((113.0..115.0).contains(&p.lon) && (22.0..23.5).contains(&p.lat));
    }
}

#[test]
fn places_fall_inside_the_district_their_source_names() {
    let geo = shipped();
    let expect = [
        ("guangming-science-city", "光明区"),
        ("htz-pingshan-park", "坪山区"),
        ("ica-pingshan", "坪山区"),
        ("ica-baolong-dayun", "龙岗区"),
        ("ica-baoan", "宝安区"),
        ("ica-shenzhen-bay", "南山区"),
        // Dapeng New District is drawn as part of Longgang in the outline.
        ("ica-east-coast-biovalley", "龙岗区"),
        ("shenzhen", "福田区"),
    ];
    for (id, name) in expect {
        let p = geo.find(id).unwrap_or_else(|| panic!("{id} missing"));
        let d = district(name);
        assert!(inside(d, p.lon, p.lat), "{id} not in {name}");
        // Swapping lon and lat must not pass.
        assert!(!inside(d, p.lat, p.lon));
        for other in shenzhen_districts().iter().filter(|o| o.name_zh != name) {
            assert!(
                !inside(other, p.lon, p.lat),
                "{id} also in {}",
                other.name_zh
            );
        }
    }
}

#[test]
fn outline_has_the_nine_districts_with_shared_borders() {
    let ds = shenzhen_districts();
    let names: Vec<&str> = ds.iter().map(|d| d.name_zh.as_str()).collect();
    for n in [
        "罗湖区",
        "福田区",
        "南山区",
        "宝安区",
        "龙岗区",
        "盐田区",
        "龙华区",
        "坪山区",
        "光明区",
    ] {
        assert!(names.contains(&n), "{n} missing from {names:?}");
    }
    for d in ds {
        let pts: usize = d.polygons.iter().map(Vec::len).sum();
        assert!((10..=200).contains(&pts), "{}: {pts} points", d.name_en);
        assert!(
            inside(d, d.label[0], d.label[1]),
            "{} label outside",
            d.name_en
        );
    }
    // Neighbours meet exactly: Futian and Luohu share border vertices after simplification.
    let shared = |a: &District, b: &District| {
        a.polygons
            .iter()
            .flatten()
            .filter(|p| b.polygons.iter().flatten().any(|q| q == *p))
            .count()
    };
    assert!(shared(district("福田区"), district("罗湖区")) >= 3);
    assert!(shared(district("光明区"), district("宝安区")) >= 3);
}

fn proj() -> Projection {
    let (lo, hi) = districts_bounds(shenzhen_districts()).unwrap();
    Projection::fit(lo, hi, world_extent(100))
}

#[test]
fn engine_puts_places_at_their_projection_and_neighbours_near_them() {
    // 0: Guangming, 1: Hetao (places); 2 hangs off 0; 3 off 1; 4–5 a part with no place.
    let g = LayoutGraph::full(6, [(0, 2), (1, 3), (4, 5), (2, 3)]);
    let ll = [
        Some([113.9122, 22.7761]),
        Some([114.0739, 22.5094]),
        None,
        None,
        None,
        None,
    ];
    let p = proj();
    let r = vec![8.0; 6];
    let pos = geographic(&g, &ll, &p, &r);
    assert_eq!(pos.xy[0], p.project(113.9122, 22.7761));
    assert_eq!(pos.xy[1], p.project(114.0739, 22.5094));
    assert!(pos.pinned[0] && pos.pinned[1] && !pos.pinned[2]);
    let d = |a: usize, b: usize| (pos.xy[a][0] - pos.xy[b][0]).hypot(pos.xy[a][1] - pos.xy[b][1]);
    assert!(d(2, 0) < d(2, 1), "2 sits by Guangming");
    assert!(d(3, 1) < d(3, 0), "3 sits by Hetao");
    // The unplaceable part goes below the map.
    assert!(pos.xy[4][1] > pos.xy[0][1].max(pos.xy[1][1]));
    assert!(pos.xy[5][1] > pos.xy[0][1].max(pos.xy[1][1]));
    assert_eq!(pos, geographic(&g, &ll, &p, &r), "deterministic");
}

#[test]
fn engine_has_no_nan_without_places_with_only_places_or_with_stacked_places() {
    let p = proj();
    let g = LayoutGraph::full(5, [(0, 1), (1, 2), (3, 4), (2, 2)]);
    let r = vec![10.0; 5];
    for ll in [
        vec![None; 5],
        vec![Some([114.0, 22.6]); 5],
        vec![
            Some([114.0, 22.6]),
            None,
            None,
            Some([f64::NAN, 22.0]),
            None,
        ],
    ] {
        let pos = geographic(&g, &ll, &p, &r);
        assert!(pos.xy.iter().flatten().all(|v| v.is_finite()), "{ll:?}");
        assert_eq!(pos.xy.len(), 5);
    }
    let empty = geographic(&LayoutGraph::full(0, []), &[], &p, &[]);
    assert!(empty.xy.is_empty());
}

#[test]
fn malformed_sidecar_reports_path_line_col() {
    let text = "Geo(\n    places: [\n        (id: \"a\", lon: 114.0, lat: 22.5, sauce: \"x\"),\n    ],\n)\n";
    let err = parse_geo(text, "bad.geo.ron").unwrap_err();
    assert_eq!((err.path.as_str(), err.line), ("bad.geo.ron", 3), "{err}");
    assert!(err.col > 1, "{err}");
    assert!(err.to_string().starts_with("bad.geo.ron:3:"), "{err}");

    let no_source = "Geo(places: [\n(id: \"a\", lon: 114.0, lat: 22.5, source: \" \"),\n])";
    let err = parse_geo(no_source, "x.geo.ron").unwrap_err();
    assert_eq!(err.line, 2, "{err}");
    let swapped = "Geo(places: [\n(id: \"a\", lon: 22.5, lat: 114.0, source: \"s\"),\n])";
    assert!(
        parse_geo(swapped, "x.geo.ron").is_err(),
        "lat 114 is out of range"
    );

    let dir = tempfile::tempdir().unwrap();
    assert_eq!(load_geo(&dir.path().join("missing.geo.ron")).unwrap(), None);
    let path = dir.path().join("g.geo.ron");
    std::fs::write(&path, text).unwrap();
    let err = load_geo(&path).unwrap_err();
    assert!(err.to_string().contains("g.geo.ron:3:"), "{err}");
}
