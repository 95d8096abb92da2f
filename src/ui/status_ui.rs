//! The status bar: file, counts, layout state, last message.

use crate::i18n::t_args;

/// What the status bar reports.
pub struct StatusInfo<'a> {
    pub file: String,
    pub shown_nodes: usize,
    pub nodes: usize,
    pub shown_edges: usize,
    pub edges: usize,
    pub layout_running: bool,
    /// The multilevel start of a big graph is running: the picture is still forming.
    pub layout_starting: bool,
    pub seed: u64,
    pub iterations: u64,
    pub message: &'a str,
}

pub fn status_ui(ui: &mut egui::Ui, s: &StatusInfo) {
    ui.horizontal(|ui| {
        ui.label(&s.file);
        ui.separator();
        ui.label(t_args(
            "status-shown",
            &[
                ("shown_nodes", s.shown_nodes.into()),
                ("nodes", s.nodes.into()),
                ("shown_edges", s.shown_edges.into()),
                ("edges", s.edges.into()),
            ],
        ));
        ui.separator();
        let key = if s.layout_starting {
            "status-layout-starting"
        } else if s.layout_running {
            "status-layout-running"
        } else {
            "status-layout-paused"
        };
        ui.label(t_args(
            key,
            &[
                ("seed", s.seed.to_string().into()),
                ("iterations", s.iterations.into()),
            ],
        ));
        if !s.message.is_empty() {
            ui.separator();
            ui.weak(s.message);
        }
    });
}
