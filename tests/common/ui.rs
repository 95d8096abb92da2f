//! The real UI under egui_kittest: a harness on a file, waiting for background work, edits.

use egui_kittest::Harness;
use innovation_atlas::app::{AtlasApp, Prefs, install_fonts};
use std::path::{Path, PathBuf};

/// A copy of `tests/fixtures/tiny.ron` in `dir`.
pub fn copy_of_tiny(dir: &Path) -> PathBuf {
    let path = dir.join("tiny.ron");
    std::fs::copy(super::fixture("tiny.ron"), &path).unwrap();
    path
}

/// The app with `path` open, the live layout off so frames are deterministic.
pub fn harness_on(path: &Path) -> Harness<'static, AtlasApp> {
    let mut app = AtlasApp::new(Prefs::default());
    app.open_path(path);
    assert!(app.error().is_none(), "{:?}", app.error());
    app.pause_layout();
    harness_with(app)
}

/// A window of the usual size around an app the test has prepared itself.
pub fn harness_with(app: AtlasApp) -> Harness<'static, AtlasApp> {
    Harness::builder()
        .with_size([1400.0, 900.0])
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app)
}

/// Run frames until `cond` holds, for up to 10 s (background loads and file watching take
/// real time, more on a busy machine).
pub fn wait_for(h: &mut Harness<'static, AtlasApp>, cond: &dyn Fn(&AtlasApp) -> bool) -> bool {
    for _ in 0..200 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.run_steps(1);
        if cond(h.state()) {
            return true;
        }
    }
    false
}

/// The ids of the selected nodes, in selection order.
pub fn selected_ids(app: &AtlasApp) -> Vec<String> {
    app.selection()
        .nodes
        .iter()
        .map(|n| app.doc().kg.node(*n).id.clone())
        .collect()
}

pub fn name_en(app: &AtlasApp, id: &str) -> String {
    app.doc()
        .kg
        .node(app.doc().kg.node_ix(id).unwrap())
        .name
        .en
        .clone()
}

/// Rename node `index` in English: an undoable edit, applied at once (no frame in between, so
/// a background thread cannot finish before it).
pub fn rename(h: &mut Harness<'static, AtlasApp>, index: usize, en: &str) {
    let before = h.state().doc().kg.data.nodes[index].clone();
    let mut after = before.clone();
    after.name.en = en.into();
    h.state_mut()
        .apply(innovation_atlas::commands::Command::Edit(
            innovation_atlas::commands::Edit::ReplaceNode {
                index,
                before,
                after,
            },
        ));
    h.run_steps(2);
}
