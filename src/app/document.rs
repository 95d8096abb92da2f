//! The open document now lives below the app, in `commands::document`.
pub use crate::commands::document::{Document, Origin};
