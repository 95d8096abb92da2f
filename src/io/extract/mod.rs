//! A new source's text from the file a user brings: plain text and Markdown as they are,
//! HTML reduced to its article (`html`), PDF text extracted (`pdf`), each cleaned of page
//! furniture (`clean`), with what the file says about itself (title, date, publisher, URL)
//! for the user to confirm.

pub mod clean;
mod html;
mod pdf;

pub use html::{html_to_text, strip_front_matter};
pub use pdf::{join_wrapped_lines, pdf_to_text};

use std::path::Path;

/// The cleaned text of a document and the metadata found in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    pub text: String,
    pub title: Option<String>,
    /// As the document writes it (`2022-07-07`, `Thu, 13 May 2021 00:04:38 GMT`).
    pub date: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

/// The kinds of file a source can be made from, by extension.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "pdf"];

/// Whether `path` has an extension a source can be made from.
pub fn can_extract(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The text of `bytes`, read as the kind of file `name`'s extension says.
pub fn extract(name: &str, bytes: &[u8]) -> Result<Extracted, String> {
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if ext == "pdf" {
        return pdf_to_text(bytes);
    }
    let text =
        String::from_utf8(bytes.to_vec()).map_err(|e| format!("{name} is not UTF-8 text: {e}"))?;
    let looks_html = text.contains("<p") || text.contains("<div") || text.contains("<html");
    match ext.as_str() {
        "html" | "htm" => Ok(html_to_text(&text)),
        // Text and Markdown saved from web pages often keep the page's HTML.
        "md" | "markdown" | "txt" | "" if looks_html => Ok(html_to_text(&text)),
        "md" | "markdown" | "txt" | "" => {
            let mut meta = Extracted::default();
            let body = strip_front_matter(&text, &mut meta).to_string();
            let body = clean::strip_furniture(&body, &mut meta);
            meta.text = clean::tidy_cjk_spaces(&body);
            Ok(meta)
        }
        other => Err(format!("cannot make a source from a .{other} file")),
    }
}

/// `extract` on a file read with the usual size limit.
pub fn extract_file(path: &Path) -> Result<Extracted, String> {
    let bytes =
        super::read_bytes_limited(path, super::MAX_INPUT_BYTES).map_err(|d| d.to_string())?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    extract(name, &bytes)
}
