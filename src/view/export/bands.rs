//! The caption band above the graph and the footer naming the cited sources.

use super::scene::Scene;
use super::text::wrap;
use super::xml::xml_escape;
use crate::model::Source;
use crate::view::LabelLang;
use crate::view::fonts::truncate;
use crate::view::theme::Palette;
use std::collections::BTreeSet;
use std::fmt::Write;

/// The caption band; returns its height.
pub(super) fn header(out: &mut String, scene: &Scene, pal: &Palette, s: f32, w: f32) -> f32 {
    if scene.title.is_empty() && scene.caption.is_empty() {
        return 0.0;
    }
    let big = footer_scale(scene);
    let pad = 18.0 * s;
    let title_size = 30.0 * s * big;
    let cap_size = 20.0 * s * big;
    let lines: Vec<String> = scene
        .caption
        .iter()
        .flat_map(|c| wrap(c, cap_size, w - 2.0 * pad))
        .collect();
    let title_h = if scene.title.is_empty() {
        0.0
    } else {
        title_size * 1.3
    };
    let height = pad * 1.6 + title_h + lines.len() as f32 * cap_size * 1.4;
    let _ = writeln!(
        out,
        r#"<g id="caption"><rect x="0" y="0" width="{w}" height="{height:.1}" fill="{}"/>"#,
        pal.band.hex()
    );
    let mut y = pad;
    if !scene.title.is_empty() {
        y += title_size;
        let _ = writeln!(
            out,
            r#"<text x="{pad:.1}" y="{y:.1}" font-size="{title_size:.1}" font-weight="bold" fill="{}">{}</text>"#,
            pal.text.hex(),
            xml_escape(&scene.title)
        );
        y += title_size * 0.3;
    }
    for line in &lines {
        y += cap_size * 1.4;
        let _ = writeln!(
            out,
            r#"<text x="{pad:.1}" y="{:.1}" font-size="{cap_size:.1}" fill="{}">{}</text>"#,
            y - cap_size * 0.3,
            pal.muted.hex(),
            xml_escape(line)
        );
    }
    out.push_str("</g>\n");
    height
}

/// The sources cited by visible nodes and edges, in data-file order.
pub(super) fn cited_sources<'a>(scene: &Scene<'a>) -> Vec<&'a Source> {
    let kg = scene.kg;
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    for ix in kg.node_indices().filter(|ix| scene.visible.node(*ix)) {
        ids.extend(kg.node(ix).cites.iter().map(|c| c.source.as_str()));
    }
    for e in kg.graph.edge_indices().filter(|e| scene.visible.edge(*e)) {
        ids.extend(kg.edge(e).cites.iter().map(|c| c.source.as_str()));
    }
    kg.data
        .sources
        .iter()
        .filter(|src| ids.contains(src.id.as_str()))
        .collect()
}

const FOOTER_MAX_LINES: usize = 6;

pub(super) fn footer_height(scene: &Scene, sources: &[&Source], s: f32) -> f32 {
    if !scene.footer || sources.is_empty() {
        return 0.0;
    }
    let lines = sources.len().min(FOOTER_MAX_LINES) + 1;
    12.0 * s + lines as f32 * 15.0 * s * footer_scale(scene)
}

/// Bands grow with the projector theme's larger labels.
pub(super) fn footer_scale(scene: &Scene) -> f32 {
    if scene.theme.palette().label_size > 15.0 {
        1.2
    } else {
        1.0
    }
}

pub(super) fn footer(
    out: &mut String,
    scene: &Scene,
    pal: &Palette,
    s: f32,
    w: f32,
    y0: f32,
    sources: &[&Source],
) {
    if sources.is_empty() {
        return;
    }
    let size = 11.5 * s * footer_scale(scene);
    let step = 15.0 * s * footer_scale(scene);
    let pad = 18.0 * s;
    let _ = writeln!(
        out,
        r#"<g id="sources"><line x1="{pad:.1}" y1="{y0:.1}" x2="{:.1}" y2="{y0:.1}" stroke="{}" stroke-width="{:.2}"/>"#,
        w - pad,
        pal.edge.hex(),
        0.8 * s
    );
    let heading = match scene.lang {
        LabelLang::English => "Sources",
        LabelLang::Chinese => "来源",
        LabelLang::Both => "来源 Sources",
    };
    let mut y = y0 + 6.0 * s + step;
    let _ = writeln!(
        out,
        r#"<text x="{pad:.1}" y="{:.1}" font-size="{size:.1}" font-weight="bold" fill="{}">{heading}</text>"#,
        y - step * 0.25,
        pal.muted.hex()
    );
    let max = w - 2.0 * pad;
    let shown = sources.len().min(FOOTER_MAX_LINES);
    for (i, src) in sources.iter().take(shown).enumerate() {
        y += step;
        let title = match scene.lang {
            LabelLang::English => src.title.en.clone(),
            LabelLang::Chinese => src.title.zh.clone(),
            LabelLang::Both => format!("{} — {}", src.title.zh, src.title.en),
        };
        let mut line = format!("[{}] {} ({}, {})", i + 1, title, src.date, src.file);
        if i + 1 == shown && sources.len() > shown {
            line.push_str(&format!(" … +{}", sources.len() - shown));
        }
        let _ = writeln!(
            out,
            r#"<text x="{pad:.1}" y="{:.1}" font-size="{size:.1}" fill="{}">{}</text>"#,
            y - step * 0.25,
            pal.muted.hex(),
            xml_escape(&truncate(&line, size, max))
        );
    }
    out.push_str("</g>\n");
}
