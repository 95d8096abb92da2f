//! Shared limits and `line:col` positions for the parsers.

use crate::io::Diagnostic;
pub use crate::io::diagnostic::line_col;

pub use crate::model::MAX_ELEMENTS;
/// Nesting (XML elements, GML lists, DOT subgraphs, JSON values) accepted before refusing:
/// real files nest a few dozen levels at most; deep nesting is a sign of hostile input.
pub const MAX_DEPTH: usize = 100;

/// How much a parser may build from a text of a given length: elements plus every copied
/// attribute, counted in bytes before they are allocated. Formats with defaults (GraphML and
/// GEXF key defaults, DOT `node[...]`, subgraph products `{a b} -> {c d}`) multiply their
/// input; a real file stays far inside `AMPLIFICATION` × its size, a hostile one hits the
/// budget in milliseconds instead of exhausting memory.
#[derive(Clone, Debug)]
pub struct Budget {
    left: u64,
}

/// Bytes a parser may build per byte of input, on top of `BUDGET_FLOOR`.
pub const AMPLIFICATION: u64 = 16;
/// Budget every input gets whatever its size (small files with many defaults stay fine).
pub const BUDGET_FLOOR: u64 = 64 * 1024 * 1024;
/// What one node or edge costs beyond its strings (id, endpoints, map headers).
pub const ELEMENT_COST: u64 = 96;
/// What one attribute entry costs beyond its key and value bytes.
pub const ATTRIBUTE_COST: u64 = 48;

impl Budget {
    pub fn for_input(len: usize) -> Self {
        Budget {
            left: BUDGET_FLOOR.saturating_add((len as u64).saturating_mul(AMPLIFICATION)),
        }
    }

    /// Take `bytes` from the budget; false (and nothing taken) when it does not hold them.
    #[must_use]
    pub fn spend(&mut self, bytes: u64) -> bool {
        if bytes > self.left {
            self.left = 0;
            return false;
        }
        self.left -= bytes;
        true
    }

    /// The cost of one element (node or edge) with the given string bytes.
    #[must_use]
    pub fn element(&mut self, string_bytes: usize) -> bool {
        self.spend(ELEMENT_COST + string_bytes as u64)
    }

    /// The cost of one attribute entry `key = value`.
    #[must_use]
    pub fn attribute(&mut self, key: &str, value: &str) -> bool {
        self.spend(ATTRIBUTE_COST + key.len() as u64 + value.len() as u64)
    }
}

/// The refusal a parser returns when its `Budget` runs out, at the place it ran out.
pub fn over_budget(label: &str, text: &str, pos: usize) -> Diagnostic {
    diag_at(
        label,
        text,
        pos,
        format!(
            "refused: this file expands to more than {AMPLIFICATION}× its size plus {} MB (defaults or subgraph products copied into every element)",
            BUDGET_FLOOR / (1024 * 1024)
        ),
    )
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
