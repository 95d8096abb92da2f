//! The status bar: file, counts, layout state, last message.

use crate::app::AtlasApp;

pub fn status_ui(ui: &mut egui::Ui, app: &AtlasApp) {
    ui.horizontal(|ui| {
        ui.label(app.doc.display_name());
        ui.separator();
        ui.label(format!(
            "{} / {} nodes · {} / {} edges shown",
            app.visible.node_count,
            app.doc.kg.node_count(),
            app.visible.edge_count,
            app.doc.kg.edge_count()
        ));
        ui.separator();
        ui.label(if app.layout_running {
            format!(
                "layout running (seed {}, iteration {})",
                app.layout.params.seed, app.layout.iterations
            )
        } else {
            format!(
                "layout paused (seed {}, iteration {})",
                app.layout.params.seed, app.layout.iterations
            )
        });
        if !app.status.is_empty() {
            ui.separator();
            ui.weak(&app.status);
        }
    });
}
