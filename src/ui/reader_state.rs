//! The reader's own state (not saved with the data): the source shown, the search, the
//! selection, the passage to show, the texts read so far and those added in this session.

use super::reader_form::AddForm;
use super::reader_text::Prepared;
use crate::commands::Document;
use crate::io::extract::extract_file;
use crate::model::{Dataset, Kind, Relation};
use egui::text::CCursor;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the user is making from the selected passage.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum CiteForm {
    #[default]
    None,
    NewNode {
        kind: Kind,
        zh: String,
        en: String,
    },
    NewEdge {
        rel: Relation,
        swap: bool,
    },
}

/// The reader's own state (not saved): which source, the search, the selection, the passage
/// to show, and the texts read so far.
#[derive(Default)]
pub struct ReaderState {
    pub open: bool,
    /// Id of the source shown.
    pub source: Option<String>,
    pub query: String,
    pub(super) hits: Vec<Range<usize>>,
    pub(super) hit: usize,
    pub(super) searched: (String, String),
    /// The selected text, a byte range of the source text.
    pub(super) selection: Option<Range<usize>>,
    /// A selection to put into the text field next frame.
    pub(super) pending_select: Option<Range<usize>>,
    /// A quote to find, show and highlight once the text is read.
    pub(super) pending_quote: Option<String>,
    pub(super) scroll_to: Option<Range<usize>>,
    /// The passage shown with "show in source".
    pub(super) target: Option<Range<usize>>,
    /// Whether the target passage was inside the visible part of the text last frame.
    pub(super) target_visible: bool,
    pub form: CiteForm,
    pub(super) show_uncited: bool,
    pub(super) prepared: Option<Prepared>,
    /// Texts by file name: read from the sources folder (or the shipped copies), or added and
    /// not yet saved.
    pub(super) texts: HashMap<String, Result<Arc<str>, String>>,
    pub(super) texts_dir: Option<Option<PathBuf>>,
    /// The text as laid out last frame and where it was on screen.
    pub(super) shown: Option<(Arc<egui::Galley>, egui::Pos2)>,
    /// Texts of sources added in this session, written beside the data file on save.
    pub added: HashMap<String, Arc<str>>,
    /// A file read to become a source, waiting for the user's confirmation (or why not).
    pub(super) adding: Option<Result<AddForm, String>>,
}

impl ReaderState {
    pub fn toggle(&mut self) {
        self.open = !self.open;
    }

    /// Open the reader on a source.
    pub fn open_source(&mut self, source: &str) {
        self.open = true;
        if self.source.as_deref() != Some(source) {
            self.source = Some(source.to_string());
            self.selection = None;
            self.target = None;
            self.form = CiteForm::None;
        }
    }

    /// Open the reader on `source` scrolled to `quote`, highlighted ("show in source").
    pub fn show_passage(&mut self, source: &str, quote: &str) {
        self.open_source(source);
        self.pending_quote = Some(quote.to_string());
    }

    /// Select a byte range of the shown text, as if the user had dragged over it.
    pub fn select_text(&mut self, range: Range<usize>) {
        self.pending_select = Some(range.clone());
        self.selection = Some(range);
    }

    pub fn selection(&self) -> Option<Range<usize>> {
        self.selection.clone()
    }

    /// The byte range of the passage shown with "show in source", and whether it was visible.
    pub fn target(&self) -> Option<(Range<usize>, bool)> {
        Some((self.target.clone()?, self.target_visible))
    }

    /// Where byte `at` of the shown text was on screen last frame (its cursor's middle).
    pub fn screen_pos_of(&self, at: usize) -> Option<egui::Pos2> {
        let p = self.prepared.as_ref()?;
        let (galley, pos) = self.shown.as_ref()?;
        let r = galley.pos_from_cursor(CCursor::new(p.char_of_byte(at)));
        Some(r.center() + pos.to_vec2() + egui::vec2(4.0, 0.0))
    }

    /// The text of the source shown, once read.
    pub fn text(&self) -> Option<&str> {
        self.prepared.as_ref().map(|p| &*p.text)
    }

    pub(super) fn text_of(&mut self, doc: &Document, file: &str) -> Result<Arc<str>, String> {
        let dir = doc
            .path()
            .map(|p| crate::io::sources::sources_dir_beside(p));
        if self.texts_dir.as_ref() != Some(&dir) {
            self.texts.clear();
            self.texts_dir = Some(dir.clone());
        }
        if let Some(t) = self.added.get(file) {
            return Ok(t.clone());
        }
        self.texts
            .entry(file.to_string())
            .or_insert_with(|| {
                // A copy of the shipped graph elsewhere without its folder reads the shipped texts.
                let from_dir = dir.as_deref().filter(|d| d.is_dir());
                crate::io::sources::read_source(from_dir, file).map(Arc::from)
            })
            .clone()
    }
}

impl ReaderState {
    /// Read `path` into the add-source form (or an error to show).
    pub fn add_file(&mut self, data: &Dataset, path: &Path) {
        self.open = true;
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("source");
        self.adding = Some(extract_file(path).map(|got| AddForm::new(data, name, got)));
    }

    /// Write the text of every source of `data` into the sources folder beside `data_file`
    /// (atomically; a file already there with the same text is left alone). Call before the
    /// data file is written, and do not write it if this fails: the data would cite a text
    /// that is not there. Saving elsewhere ("save as") copies every text.
    pub fn write_sources_beside(
        &mut self,
        doc: &Document,
        data_file: &Path,
    ) -> Result<usize, String> {
        let dir = crate::io::sources::sources_dir_beside(data_file);
        let mut written = 0;
        for s in &doc.kg.data.sources {
            let text = match self.text_of(doc, &s.file) {
                Ok(t) => t,
                // A source whose text was never there stays so; `check` reports it.
                Err(_) if !self.added.contains_key(&s.file) => continue,
                Err(e) => return Err(e),
            };
            let target = dir.join(&s.file);
            if std::fs::read_to_string(&target).is_ok_and(|t| *t == *text) {
                continue;
            }
            crate::io::sources::write_source(&dir, &s.file, &text)?;
            written += 1;
        }
        Ok(written)
    }
}
