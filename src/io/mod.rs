//! Reading and writing data files: RON with `path:line:col` diagnostics, atomic saves,
//! the positions sidecar, node-link JSON export and quote verification. No egui.

mod atomic;
mod diagnostic;
pub mod extract;
pub mod formats;
pub mod geo;
pub mod groups;
pub mod install;
mod json;
mod locate;
pub mod present;
mod quotes;
mod read;
pub mod ron_fast;
mod ron_file;
mod sidecar;
pub mod sources;
pub mod views;

pub use atomic::{write_atomic, write_atomic_with};
pub use diagnostic::{Diagnostic, join as join_diagnostics};
pub use json::to_node_link_json;
pub use locate::Locator;
pub use quotes::{QuoteReport, verify_quotes, verify_quotes_report};
pub use read::{MAX_INPUT_BYTES, decode_utf8, read_bytes_limited, read_text, read_text_limited};
pub use ron_file::{
    EMBEDDED_SHENZHEN, Opened, SHOWN_WARNINGS, Warnings, check_text, check_text_each,
    lint_diagnostics, load_dataset, parse_dataset, parse_dataset_lenient, parse_file_for_open,
    parse_for_open, to_canonical_ron,
};
pub use sidecar::{SavedLayout, SavedPos, layout_sidecar_path, load_layout, save_layout};
