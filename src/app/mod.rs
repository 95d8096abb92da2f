//! eframe glue: the app state, startup, preferences, draining commands once a frame.

mod access;
mod analysis;
mod briefing;
mod database;
mod db_state;
mod disk;
mod dispatch;
mod document;
mod editing;
mod files;
mod fonts;
mod frame;
mod groups;
mod groups_state;
mod job;
mod keyboard;
mod loading;
mod open;
mod prefs;
mod recovery;
mod recovery_file;
mod shell;
mod state;
mod view_state;
mod watch;

pub use crate::ui::{AfterSave, ErrorReport, PaletteState, Prompt, SearchState};
pub use crate::view::Briefing;
pub use crate::view::Selection;
pub use disk::FileWatcher;
pub use document::{Document, Origin};
pub use fonts::{BUNDLED_FONT, install_fonts};
pub use open::is_ron;
pub use prefs::Prefs;
pub use shell::{SHOWN_DIAGNOSTICS, summarize};
pub use state::AtlasApp;
pub use view_state::RightTab;

/// Start the native window on `file` (or the shipped graph).
/// `ui_lang` overrides the saved interface language (the `--ui-lang` flag).
pub fn run(
    file: Option<std::path::PathBuf>,
    ui_lang: Option<crate::i18n::UiLang>,
) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Innovation Atlas")
            .with_inner_size([1400.0, 900.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Innovation Atlas",
        options,
        Box::new(move |cc| {
            install_fonts(&cc.egui_ctx);
            // First start (nothing saved yet): the interface follows the system locale.
            let mut prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_else(|| Prefs {
                    ui_lang: crate::i18n::UiLang::from_system(),
                    ..Prefs::default()
                });
            if let Some(l) = ui_lang {
                prefs.ui_lang = l;
            }
            let mut app = AtlasApp::new(prefs);
            match file {
                Some(path) => {
                    app.open_path_in_background(&path);
                    // A file that cannot be opened leaves the shipped graph behind its error,
                    // as the error dialog says, rather than an empty canvas.
                    app.open_default_if_nothing_open();
                }
                None => app.open_default(),
            }
            Ok(Box::new(app))
        }),
    )
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        // The canvas draws its big meshes through a glow paint callback when glow renders.
        self.view.canvas.gpu_paint = frame.gl().is_some();
        let dropped: Vec<std::path::PathBuf> = ui.ctx().input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        for path in dropped {
            // An article or a PDF becomes a source to cite from; a graph file opens as a graph.
            if crate::io::extract::can_extract(&path) {
                self.view.reader.add_file(&self.doc.kg.data, &path);
            } else {
                self.queue(crate::commands::Command::OpenPath(path));
            }
        }
        AtlasApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }
}
