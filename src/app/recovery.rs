//! The recovery file: unsaved edits written periodically beside the data file
//! (`.NAME.recovery.ron`), offered at the next start after a crash, removed on save or discard.

use std::path::{Path, PathBuf};

pub fn path_for(data_path: &Path) -> PathBuf {
    let name = data_path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "graph.ron".into());
    data_path.with_file_name(format!(".{name}.recovery.ron"))
}

pub fn exists(data_path: &Path) -> bool {
    path_for(data_path).exists()
}

pub fn write(data_path: &Path, text: &str) -> std::io::Result<()> {
    crate::io::write_atomic(&path_for(data_path), text.as_bytes())
}

pub fn remove(data_path: &Path) {
    let p = path_for(data_path);
    if p.exists()
        && let Err(e) = std::fs::remove_file(&p)
    {
        log::warn!("cannot remove recovery file {}: {e}", p.display());
    }
}

impl super::AtlasApp {
    /// Replace the open data by the recovered edits (unsaved, so the user decides to keep them).
    pub(super) fn recover_from(&mut self, data_path: &Path) {
        let rec = path_for(data_path);
        match crate::io::load_dataset(&rec) {
            Ok(data) => {
                let origin = self.doc.origin.clone();
                let before = self.doc.kg.data.clone();
                self.replace_data(data.clone(), origin);
                // Recorded as one undoable step, and dirty until saved.
                self.history
                    .push(crate::commands::Edit::Batch(vec![replace_all(
                        before, data,
                    )]));
                self.status = format!("recovered unsaved edits from {}", rec.display());
            }
            Err(diags) => {
                self.error = Some(super::ErrorReport {
                    title: "The recovery file cannot be read".into(),
                    lines: diags.iter().map(ToString::to_string).collect(),
                })
            }
        }
    }

    /// Write the recovery file when there are unsaved edits (called every few seconds).
    pub(super) fn write_recovery(&mut self) {
        let Some(path) = self.doc.path().cloned() else {
            return;
        };
        if !self.history.is_dirty() {
            return;
        }
        if let Ok(text) = crate::io::to_canonical_ron(&self.doc.kg.data)
            && let Err(e) = write(&path, &text)
        {
            self.status = format!("cannot write recovery file: {e}");
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
