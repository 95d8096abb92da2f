//! XML escaping for the SVG writer. Names come from imported files and may hold characters that
//! XML 1.0 forbids outright (C0 controls, U+FFFE, U+FFFF): one of those makes the whole SVG
//! malformed, so that browsers show an error page and the PNG renderer refuses it. They are
//! written as U+FFFD (the replacement character), so a reader still sees that something was
//! there.

/// True for the characters XML 1.0 allows in a document (`Char` production of the spec;
/// surrogates cannot occur in a Rust `str`).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escape text for XML content and attribute values; characters XML forbids become U+FFFD.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Raw line breaks and tabs would be folded to spaces in attributes and a lone CR to
            // a line feed in text: as references they survive any parser unchanged.
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_makes_markup_inert() {
        assert_eq!(xml_escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(xml_escape("]]>"), "]]&gt;");
    }

    #[test]
    fn characters_xml_forbids_become_replacement_characters() {
        assert_eq!(
            xml_escape("a\u{0}b\u{1b}c\u{FFFE}d\u{FFFF}e"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e"
        );
        assert_eq!(xml_escape("x\ty\nz\r"), "x&#9;y&#10;z&#13;");
        assert_eq!(
            xml_escape("光明 \u{1F600} \u{FFFD}"),
            "光明 \u{1F600} \u{FFFD}"
        );
        let every: String = (0..=0x11_0000u32).filter_map(char::from_u32).collect();
        assert!(xml_escape(&every).chars().all(is_xml_char));
    }
}
