//! The recovery file: unsaved edits written periodically beside the data file
//! (`.NAME.recovery.ron`), offered at the next start after a crash, removed on save or discard.

use crate::i18n::{t, t_args};

use super::job::Job;
use super::recovery_file::{path_for, write};
use std::path::Path;

impl super::AtlasApp {
    /// Replace the open data by the recovered edits (unsaved, so the user decides to keep them).
    /// Read under the same policy as opening: an imported graph or one with curation warnings
    /// recovers as it opened.
    pub(super) fn recover_from(&mut self, data_path: &Path) {
        let rec = path_for(data_path);
        match super::open::read_ron_file(&rec) {
            Ok(read) => {
                let origin = self.doc.origin.clone();
                let before = self.doc.kg.data.clone();
                self.replace_data(read.data.clone(), origin);
                // Recorded as one undoable step, and dirty until saved.
                self.history
                    .push(crate::commands::Edit::Batch(vec![replace_all(
                        before, read.data,
                    )]));
                self.shell.status = t_args(
                    "msg-recovered",
                    &[("path", rec.display().to_string().into())],
                );
            }
            Err(diags) => {
                // Kept on disk: the user may want to look at it; it is only replaced by newer
                // edits.
                self.shell.error = Some(super::ErrorReport {
                    title: t("err-recovery-unreadable"),
                    lines: super::shell::summarize(&diags),
                })
            }
        }
    }

    /// Write the recovery file when the edits changed since the last write (called every few
    /// seconds). Encoding and writing happen on a worker thread.
    pub(super) fn write_recovery(&mut self) {
        if let Some(result) = self.files.recovery.job.as_mut().and_then(Job::poll) {
            self.files.recovery.job = None;
            if let Err(e) = result.and_then(|r| r) {
                self.shell.status =
                    t_args("msg-recovery-write", &[("problem", e.to_string().into())]);
                // Try again next time.
                self.files.recovery.written_for = None;
            }
        }
        if self.files.recovery.job.is_some() {
            return;
        }
        let Some(path) = self.doc.path().cloned() else {
            return;
        };
        if !self.history.is_dirty() {
            return;
        }
        let key = (path.clone(), self.history.version());
        if self.files.recovery.written_for.as_ref() == Some(&key) {
            return;
        }
        let data = self.doc.kg.data.clone();
        let job = Job::spawn("atlas-recovery", move || {
            let text = crate::io::to_canonical_ron(&data).map_err(|e| e.to_string())?;
            write(&path, &text).map_err(|e| e.to_string())
        });
        match job {
            Ok(job) => {
                self.files.recovery.job = Some(job);
                self.files.recovery.written_for = Some(key);
            }
            Err(e) => {
                self.shell.status =
                    t_args("msg-recovery-write", &[("problem", e.to_string().into())])
            }
        }
    }

    /// Write the recovery file now instead of at the next 10 s tick (tests; before risky work).
    pub fn write_recovery_now(&mut self) {
        self.write_recovery();
    }

    /// Wait for a recovery write in flight (tests, and before the window closes).
    pub fn finish_recovery_write(&mut self) {
        while self.files.recovery.job.is_some() {
            self.write_recovery();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
}

/// An edit that turns `before` into `after` wholesale (used for recovery).
fn replace_all(
    before: crate::model::Dataset,
    after: crate::model::Dataset,
) -> crate::commands::Edit {
    use crate::commands::Edit;
    let mut parts = Vec::new();
    for (index, edge) in before.edges.iter().enumerate().rev() {
        parts.push(Edit::DeleteEdge {
            index,
            edge: edge.clone(),
        });
    }
    for (index, node) in before.nodes.iter().enumerate().rev() {
        parts.push(Edit::DeleteNode {
            index,
            node: node.clone(),
            edges: Vec::new(),
        });
    }
    for (index, node) in after.nodes.iter().enumerate() {
        parts.push(Edit::InsertNode {
            index,
            node: node.clone(),
        });
    }
    for (index, edge) in after.edges.iter().enumerate() {
        parts.push(Edit::InsertEdge {
            index,
            edge: edge.clone(),
        });
    }
    Edit::Batch(parts)
}
