//! Innovation Atlas: a desktop explorer for cited, bilingual knowledge graphs.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod commands;
pub mod db;
pub mod i18n;
pub mod io;
pub mod layout;
pub mod model;
pub mod ui;
pub mod view;
