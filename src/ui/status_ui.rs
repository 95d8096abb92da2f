//! The status bar: file, counts, layout state, last message.

/// What the status bar reports.
pub struct StatusInfo<'a> {
    pub file: String,
    pub shown_nodes: usize,
    pub nodes: usize,
    pub shown_edges: usize,
    pub edges: usize,
    pub layout_running: bool,
    pub seed: u64,
    pub iterations: u64,
    pub message: &'a str,
}

pub fn status_ui(ui: &mut egui::Ui, s: &StatusInfo) {
    ui.horizontal(|ui| {
        ui.label(&s.file);
        ui.separator();
        ui.label(format!(
            "{} / {} nodes · {} / {} edges shown",
            s.shown_nodes, s.nodes, s.shown_edges, s.edges
        ));
        ui.separator();
        let state = if s.layout_running {
            "running"
        } else {
            "paused"
        };
        ui.label(format!(
            "layout {state} (seed {}, iteration {})",
            s.seed, s.iterations
        ));
        if !s.message.is_empty() {
            ui.separator();
            ui.weak(s.message);
        }
    });
}
