//! Geography: the places sidecar (`name.geo.ron` beside `name.ron`: approximate real coordinates
//! of the places in a graph, each saying where it comes from) and the district outline of
//! Shenzhen shipped in `assets/geo/` (see its README for provider and licence). No egui.

use super::Diagnostic;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The geo sidecar of the shipped graph, for the copy compiled into the binary.
pub const EMBEDDED_SHENZHEN_GEO: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/graph-data/shenzhen.geo.ron"
));

/// Simplified district outline of Shenzhen (GeoJSON FeatureCollection).
const SHENZHEN_DISTRICTS_GEOJSON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/geo/shenzhen-districts.geojson"
));

/// Coordinates of the places of one data file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Geo {
    #[serde(default)]
    pub places: Vec<GeoPlace>,
}

/// One node at an approximate real position (WGS-84 degrees), with where that position comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeoPlace {
    /// Node id in the data file.
    pub id: String,
    pub lon: f64,
    pub lat: f64,
    /// Where the coordinate comes from, and why it stands for this node.
    pub source: String,
}

impl Geo {
    pub fn find(&self, id: &str) -> Option<&GeoPlace> {
        self.places.iter().find(|p| p.id == id)
    }
}

/// `graph-data/shenzhen.ron` → `graph-data/shenzhen.geo.ron`.
pub fn geo_sidecar_path(data_path: &Path) -> PathBuf {
    let stem = data_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "graph".into());
    data_path.with_file_name(format!("{stem}.geo.ron"))
}

/// 1-based line of the first `id: "…"` naming `id` in `text` (0 when not found).
fn line_of_id(text: &str, id: &str) -> usize {
    let needle = format!("\"{id}\"");
    text.lines()
        .position(|l| l.contains(&needle))
        .map_or(0, |k| k + 1)
}

/// Parse a geo sidecar; `label` names the file in diagnostics. Coordinates must be finite and in
/// range, ids unique, sources non-empty: a place without a source is an invented place.
pub fn parse_geo(text: &str, label: &str) -> Result<Geo, Diagnostic> {
    let geo: Geo = ron::Options::default().from_str(text).map_err(|e| {
        Diagnostic::new(
            label,
            e.span.start.line,
            e.span.start.col,
            e.code.to_string(),
        )
    })?;
    let mut seen = std::collections::BTreeSet::new();
    for p in &geo.places {
        let at = |msg: String| Diagnostic::new(label, line_of_id(text, &p.id), 1, msg);
        let lon_ok = p.lon.is_finite() && (-180.0..=180.0).contains(&p.lon);
        let lat_ok = p.lat.is_finite() && (-90.0..=90.0).contains(&p.lat);
        if !(lon_ok && lat_ok) {
            return Err(at(format!(
                "place `{}`: lon {} / lat {} out of range (lon −180..180, lat −90..90)",
                p.id, p.lon, p.lat
            )));
        }
        if p.source.trim().is_empty() {
            return Err(at(format!(
                "place `{}` has no source: say where its coordinate comes from",
                p.id
            )));
        }
        if !seen.insert(p.id.as_str()) {
            return Err(at(format!("place `{}` is listed twice", p.id)));
        }
    }
    Ok(geo)
}

/// A place file larger than this is refused (the shipped one is a few hundred KB).
const GEO_LIMIT: u64 = 64 * 1024 * 1024;

/// A missing sidecar is not an error (`Ok(None)`); an unreadable or broken one is.
pub fn load_geo(path: &Path) -> Result<Option<Geo>, Diagnostic> {
    let label = path.display().to_string();
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(None);
    }
    let text = super::read_text_limited(path, GEO_LIMIT)?;
    parse_geo(&text, &label).map(Some)
}

/// Ids of `geo` that `known` does not accept, each with its diagnostic (for `check` and tests).
pub fn unknown_places(
    geo: &Geo,
    text: &str,
    label: &str,
    known: impl Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    geo.places
        .iter()
        .filter(|p| !known(&p.id))
        .map(|p| {
            Diagnostic::new(
                label,
                line_of_id(text, &p.id),
                1,
                format!("place `{}` is not a node of the graph", p.id),
            )
        })
        .collect()
}

/// One district of the outline: names, a label point and its polygons (outer rings, lon/lat).
#[derive(Clone, Debug, PartialEq)]
pub struct District {
    pub adcode: u32,
    pub name_zh: String,
    pub name_en: String,
    /// Where the name goes (the provider's centroid of the district).
    pub label: [f64; 2],
    pub polygons: Vec<Vec<[f64; 2]>>,
}

#[derive(Deserialize)]
struct FeatureCollection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Properties {
    adcode: u32,
    name: String,
    name_en: String,
    centroid: [f64; 2],
}

#[derive(Deserialize)]
struct Geometry {
    /// MultiPolygon: polygons → rings → points; only outer rings are drawn.
    coordinates: Vec<Vec<Vec<[f64; 2]>>>,
}

/// Districts from the outline's GeoJSON (MultiPolygon features with `name`, `name_en`,
/// `adcode`, `centroid` properties, as `assets/geo/simplify.py` writes them).
pub fn parse_districts(json: &str) -> Result<Vec<District>, String> {
    let fc: FeatureCollection = serde_json::from_str(json).map_err(|e| e.to_string())?;
    Ok(fc
        .features
        .into_iter()
        .map(|f| District {
            adcode: f.properties.adcode,
            name_zh: f.properties.name,
            name_en: f.properties.name_en,
            label: f.properties.centroid,
            polygons: f
                .geometry
                .coordinates
                .into_iter()
                .filter_map(|rings| rings.into_iter().next())
                .collect(),
        })
        .collect())
}

/// The shipped outline of Shenzhen's districts (parsed once).
pub fn shenzhen_districts() -> &'static [District] {
    static CELL: OnceLock<Vec<District>> = OnceLock::new();
    // The file is compiled in and covered by tests; an empty outline is the safe fallback.
    CELL.get_or_init(|| parse_districts(SHENZHEN_DISTRICTS_GEOJSON).unwrap_or_default())
}

/// Bounding box (lon, lat) of all the districts' points.
pub fn districts_bounds(districts: &[District]) -> Option<([f64; 2], [f64; 2])> {
    let mut pts = districts.iter().flat_map(|d| d.polygons.iter().flatten());
    let first = *pts.next()?;
    Some(pts.fold((first, first), |(lo, hi), p| {
        (
            [lo[0].min(p[0]), lo[1].min(p[1])],
            [hi[0].max(p[0]), hi[1].max(p[1])],
        )
    }))
}
