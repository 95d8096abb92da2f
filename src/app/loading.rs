//! The one way a graph comes in. Opening, reloading after an outside change, recovering unsaved
//! edits and the built-in graph all read through `read_dataset`, with one policy: structural
//! errors refuse the file, curation problems (missing citations, unknown kinds) are warnings.
//! Big files and every reload are read on a worker thread, so the window never freezes.

use crate::i18n::t_args;

use super::job::Job;
use super::open::{ASYNC_BYTES, EMBEDDED_LABEL, Loaded, Loading, Source, prepare};
use super::state::AtlasApp;
use crate::io;
use std::path::Path;
use std::time::Instant;

impl AtlasApp {
    /// Open a file now (blocking); used at startup, by tests and for small files.
    pub fn open_path(&mut self, path: &Path) {
        self.open_source(&Source::File(path.to_path_buf()));
    }

    /// Open a source now (blocking). On failure the errors are shown and the open graph stays.
    pub(super) fn open_source(&mut self, source: &Source) {
        let what = match source {
            Source::File(p) => p.display().to_string(),
            Source::Embedded => EMBEDDED_LABEL.into(),
        };
        // A parser bug must cost the user this file, not the window and its unsaved work.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| prepare(source)))
            .unwrap_or_else(|payload| {
                Err(vec![io::Diagnostic::new(
                    &what,
                    0,
                    0,
                    format!(
                        "internal error while reading: {}",
                        super::job::panic_message(payload.as_ref())
                    ),
                )])
            });
        match result {
            Ok(loaded) => self.install(loaded),
            Err(diags) => self.show_error(&t_args("err-open", &[("file", (&what).into())]), &diags),
        }
    }

    /// Open a file, on a worker thread when it is big. The open graph stays usable meanwhile.
    pub fn open_path_in_background(&mut self, path: &Path) {
        let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if bytes < ASYNC_BYTES {
            self.open_path(path);
            return;
        }
        let source = Source::File(path.to_path_buf());
        match Job::spawn("atlas-load", move || prepare(&source)) {
            Ok(job) => {
                self.files.loading = Some(Loading {
                    path: path.to_path_buf(),
                    bytes,
                    started: Instant::now(),
                    job,
                })
            }
            Err(_) => self.open_path(path),
        }
    }

    /// Pick up a finished background load. Edits made meanwhile are not replaced without asking.
    pub(super) fn poll_loading(&mut self) {
        let Some(result) = self.files.loading.as_mut().and_then(|l| l.job.poll()) else {
            return;
        };
        let path = match self.files.loading.take() {
            Some(l) => l.path,
            None => return,
        };
        match result {
            Ok(Ok(loaded)) if self.history.is_dirty() => {
                self.files.held = Some(Box::new(loaded));
                self.shell.prompt = Some(super::Prompt::Unsaved(super::AfterSave::InstallLoaded));
            }
            Ok(Ok(loaded)) => self.install(loaded),
            Ok(Err(diags)) => self.show_error(
                &t_args("err-open", &[("file", path.display().to_string().into())]),
                &diags,
            ),
            Err(failure) => self.show_error(
                &t_args("err-open", &[("file", path.display().to_string().into())]),
                &[io::Diagnostic::new(
                    &path.display().to_string(),
                    0,
                    0,
                    format!("the loader stopped unexpectedly: {failure}"),
                )],
            ),
        }
    }

    /// Show a graph read off the UI thread and held while the user was asked about edits.
    pub(super) fn install_held(&mut self) {
        if let Some(loaded) = self.files.held.take() {
            self.install(*loaded);
        }
    }

    pub(super) fn install(&mut self, loaded: Loaded) {
        self.files.disk_hash = loaded.disk_hash;
        self.files.disk_banner = None;
        let warnings = loaded.warnings;
        self.set_document(loaded.doc, loaded.saved);
        if let Some(p) = loaded.sidecar_problem {
            self.shell.status = p;
        }
        if let Some(first) = warnings.first() {
            self.shell.status = t_args(
                "msg-curation-warnings",
                &[
                    ("count", warnings.total.into()),
                    ("first", first.to_string().into()),
                ],
            );
        }
    }
}
