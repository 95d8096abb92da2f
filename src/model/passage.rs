//! Where a quote sits in its source text: exactly, or with whitespace ignored (PDF extraction
//! and line wrapping put spaces and newlines where the quote has none).

use std::ops::Range;

/// A quote found in a text: the byte range it covers there, and whether the text holds it
/// character for character (`false`: only with whitespace ignored).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub range: Range<usize>,
    pub exact: bool,
}

/// A source text prepared for many look-ups: its whitespace-free copy and, for each byte of
/// that copy, the byte of the text it came from.
#[derive(Clone, Debug, Default)]
pub struct PassageIndex {
    squashed: String,
    origin: Vec<usize>,
}

impl PassageIndex {
    pub fn new(text: &str) -> Self {
        let mut squashed = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        for (at, c) in text.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            squashed.push(c);
            origin.extend(at..at + c.len_utf8());
        }
        PassageIndex { squashed, origin }
    }

    /// The first place of `quote` in `text` (the text this index was built from): exact when
    /// the text has it so, else with whitespace ignored on both sides. `None` for an empty
    /// quote or one the text does not hold.
    pub fn find(&self, text: &str, quote: &str) -> Option<Found> {
        if quote.trim().is_empty() {
            return None;
        }
        if let Some(at) = text.find(quote) {
            return Some(Found {
                range: at..at + quote.len(),
                exact: true,
            });
        }
        let q: String = quote.chars().filter(|c| !c.is_whitespace()).collect();
        let at = self.squashed.find(&q)?;
        let start = *self.origin.get(at)?;
        let end = *self.origin.get(at + q.len() - 1)? + 1;
        Some(Found {
            range: start..end,
            exact: false,
        })
    }
}

/// `PassageIndex::new(text).find(text, quote)` for a single look-up.
pub fn find_quote(text: &str, quote: &str) -> Option<Found> {
    PassageIndex::new(text).find(text, quote)
}

/// Every place of `needle` in `text`, ignoring ASCII case (search inside a source); byte
/// ranges, not overlapping, in order.
pub fn find_all(text: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let hay = text.to_ascii_lowercase();
    let pat = needle.to_ascii_lowercase();
    // ASCII lowering keeps every byte where it was, so ranges in `hay` are ranges in `text`.
    hay.match_indices(&pat)
        .map(|(at, m)| at..at + m.len())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_quote_is_found_where_it_is() {
        let text = "一是建设基础研究机构。二是布局创新载体。";
        let f = find_quote(text, "布局创新载体").unwrap();
        assert!(f.exact);
        assert_eq!(&text[f.range], "布局创新载体");
    }

    #[test]
    fn quote_is_found_across_stray_spaces_and_line_breaks() {
        let text = "习近平总书记出席深圳经济特区建 立 40 周年庆祝大会\n并发表重要讲话";
        let f = find_quote(text, "经济特区建立40周年庆祝大会并发表").unwrap();
        assert!(!f.exact);
        assert_eq!(&text[f.range], "经济特区建 立 40 周年庆祝大会\n并发表");
        // Spaces in the quote that the text does not have.
        let f = find_quote("科技创新中心", "科技 创新").unwrap();
        assert_eq!(f.range, 0..12);
        assert!(!f.exact);
    }

    #[test]
    fn missing_and_empty_quotes_are_not_found() {
        assert_eq!(find_quote("深圳", "广州"), None);
        assert_eq!(find_quote("深圳", "  "), None);
    }

    #[test]
    fn search_ignores_ascii_case() {
        assert_eq!(find_all("R&D and r&d, 研发", "r&D"), vec![0..3, 8..11]);
        assert!(find_all("abc", "").is_empty());
    }
}
