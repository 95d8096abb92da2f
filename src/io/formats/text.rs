//! Shared limits and `line:col` positions for the parsers.

use crate::io::Diagnostic;

/// Files larger than this are refused before reading: far beyond any graph a desktop explorer
/// can show, and reading them would exhaust memory.
pub const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;
/// Nodes plus edges accepted from one file.
pub const MAX_ELEMENTS: usize = 5_000_000;
/// Nesting (XML elements, GML lists, DOT subgraphs, JSON values) accepted before refusing:
/// real files nest a few dozen levels at most; deep nesting is a sign of hostile input.
pub const MAX_DEPTH: usize = 100;

/// 1-based line and column (in characters) of byte offset `pos` of `text`.
pub fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    let before = &text[..pos];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// A diagnostic at byte offset `pos` of `text`.
pub fn diag_at(label: &str, text: &str, pos: usize, msg: impl Into<String>) -> Diagnostic {
    let (line, col) = line_col(text, pos);
    Diagnostic::new(label, line, col, msg)
}

pub fn too_many(label: &str) -> Diagnostic {
    Diagnostic::new(
        label,
        0,
        0,
        format!("refused: more than {MAX_ELEMENTS} nodes and edges"),
    )
}

/// True for CJK ideographs, kana and hangul: such a label is a Chinese (or other East Asian)
/// name and goes to `name.zh`.
pub fn is_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars() {
        let t = "ab\n光明x";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 9), (2, 3));
        assert_eq!(line_col(t, 4), (2, 1));
    }
}
