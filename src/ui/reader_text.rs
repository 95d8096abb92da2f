//! The reader's text: one laid-out job with every cited passage, search hit and the passage
//! being shown highlighted, built once per change of the text or of what cites it (egui then
//! reuses the galley until the width changes). Byte ↔ character positions for the cursor.

use crate::analysis::coverage::{self, Citer, SourceCoverage};
use crate::model::{Dataset, Vocabulary};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke};
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

/// One source's text with what the frame needs, rebuilt when `key` changes.
pub(super) struct Prepared {
    pub key: u64,
    pub source: String,
    pub text: Arc<str>,
    pub coverage: SourceCoverage,
    /// Byte offset of every character, and the text's length last.
    pub char_bytes: Vec<usize>,
    pub job: LayoutJob,
}

impl Prepared {
    pub fn char_of_byte(&self, byte: usize) -> usize {
        self.char_bytes.partition_point(|&b| b < byte)
    }

    pub fn byte_of_char(&self, ch: usize) -> usize {
        self.char_bytes.get(ch).copied().unwrap_or(self.text.len())
    }
}

/// A fingerprint of everything the highlighted text depends on: the citations of `source`
/// with the positions of their nodes and edges, the search hits, the passage shown, the theme.
pub(super) fn key(
    data: &Dataset,
    source: &str,
    text: &str,
    hits: &[Range<usize>],
    target: Option<&Range<usize>>,
    dark: bool,
) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    source.hash(&mut h);
    text.len().hash(&mut h);
    (data.nodes.len(), data.edges.len(), dark).hash(&mut h);
    for (i, n) in data.nodes.iter().enumerate() {
        for c in n.cites.iter().filter(|c| c.source == source) {
            (0u8, i, &n.kind, &c.quote).hash(&mut h);
        }
    }
    for (i, e) in data.edges.iter().enumerate() {
        for c in e.cites.iter().filter(|c| c.source == source) {
            (1u8, i, &c.quote).hash(&mut h);
        }
    }
    hits.hash(&mut h);
    target.hash(&mut h);
    h.finish()
}

/// The colour of a passage: that of the kind of the first node citing it, or the edge colour
/// when only edges cite it.
pub(super) fn citer_color(data: &Dataset, vocab: &Vocabulary, citers: &[Citer]) -> Color32 {
    for c in citers {
        if let Citer::Node(i) = c
            && let Some(n) = data.nodes.get(*i)
        {
            return crate::view::kind_color(vocab, &n.kind);
        }
    }
    Color32::from_rgb(120, 140, 170)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn prepare(
    data: &Dataset,
    vocab: &Vocabulary,
    source: &str,
    text: Arc<str>,
    hits: &[Range<usize>],
    target: Option<&Range<usize>>,
    visuals: &egui::Visuals,
    font: FontId,
) -> Prepared {
    let key = key(data, source, &text, hits, target, visuals.dark_mode);
    let coverage = coverage::analyse(data, source, &text);
    let mut char_bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    char_bytes.push(text.len());
    // Every place the look may change, then one section per stretch between two of them.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for p in &coverage.passages {
        cuts.extend([p.range.start, p.range.end]);
    }
    for r in hits.iter().chain(target) {
        cuts.extend([r.start, r.end]);
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let plain = TextFormat {
        font_id: font,
        color: visuals.text_color(),
        ..Default::default()
    };
    let alpha = if visuals.dark_mode { 90 } else { 70 };
    let mut job = LayoutJob {
        text: text.to_string(),
        ..Default::default()
    };
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a == b {
            continue;
        }
        let mut format = plain.clone();
        if let Some(p) = coverage.passages_at(a).first() {
            let c = citer_color(data, vocab, &p.citers);
            format.background = Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha);
        }
        if hits.iter().any(|h| h.start <= a && a < h.end) {
            format.background = Color32::from_rgba_unmultiplied(255, 150, 0, 150);
        }
        if target.is_some_and(|t| t.start <= a && a < t.end) {
            format.background = Color32::from_rgba_unmultiplied(255, 220, 0, 190);
            format.underline = Stroke::new(2.0, Color32::from_rgb(200, 120, 0));
        }
        job.sections.push(egui::text::LayoutSection {
            leading_space: 0.0,
            byte_range: egui::text::ByteIndex(a)..egui::text::ByteIndex(b),
            format,
        });
    }
    Prepared {
        key,
        source: source.to_string(),
        text,
        coverage,
        char_bytes,
        job,
    }
}
