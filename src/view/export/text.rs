//! Text helpers for SVG output: line wrapping by the bundled font's widths, and base64.

use crate::view::fonts::is_wide;
pub use crate::view::fonts::text_width;

/// Break `s` into lines no wider than `max` pixels: at spaces for Latin text, between any two
/// characters for CJK. A single over-long word is left whole.
pub fn wrap(s: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut width = 0.0;
    for token in tokens(s) {
        let w = text_width(&token, size);
        // Closing punctuation never starts a line (Chinese typesetting rule).
        let closing = token
            .chars()
            .all(|c| "，。；：、）」』”’！？》〉…".contains(c));
        if width + w > max && !line.trim().is_empty() && !closing {
            lines.push(line.trim_end().to_string());
            line.clear();
            width = 0.0;
            if token == " " {
                continue;
            }
        }
        line.push_str(&token);
        width += w;
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Words, single spaces and single CJK characters (each a place where a line may break).
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in s.chars() {
        let cjk = is_wide(c);
        if c == ' ' || cjk {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Standard base64 with padding (RFC 4648), for the `data:` URI of the embedded font.
pub fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(T[(n >> 18) as usize & 63] as char);
        out.push(T[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            T[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            T[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn wrap_breaks_cjk_anywhere_and_latin_at_spaces() {
        let lines = wrap("光明科学城河套前海西丽湖", 10.0, 45.0);
        assert_eq!(lines, vec!["光明科学", "城河套前", "海西丽湖"]);
        let lines = wrap("光明科学。", 10.0, 40.0);
        assert_eq!(lines, vec!["光明科学。"], "a full stop stays on its line");
        let lines = wrap("the four major platforms", 10.0, 60.0);
        assert!(
            lines
                .iter()
                .all(|l| !l.starts_with(' ') && !l.ends_with(' '))
        );
        assert_eq!(lines.join(" "), "the four major platforms");
        assert!(lines.len() >= 2);
    }
}
