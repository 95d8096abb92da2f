//! Text of a PDF with `pdf-extract` (over `lopdf`): the page text, the stray spaces it puts
//! between Chinese characters removed, and lines the layout broke inside a paragraph joined.

use super::Extracted;

/// The text of a PDF file's bytes, or why it has none. `pdf-extract` panics on some malformed
/// files; that is caught and reported like any other failure.
pub fn pdf_to_text(bytes: &[u8]) -> Result<Extracted, String> {
    let owned = bytes.to_vec();
    let raw = std::panic::catch_unwind(move || pdf_extract::extract_text_from_mem(&owned))
        .map_err(|_| "the PDF could not be read (malformed file)".to_string())?
        .map_err(|e| format!("the PDF could not be read: {e}"))?;
    let text = join_wrapped_lines(&super::clean::tidy_cjk_spaces(&raw));
    if text.trim().is_empty() {
        return Err("the PDF has no text layer (a scan?)".into());
    }
    let mut meta = Extracted::default();
    meta.text = super::clean::strip_furniture(&text, &mut meta);
    Ok(meta)
}

/// Joins a line to the next when it fills the column (at least 80 % of the longest lines'
/// length) and does not end a sentence: PDF text has a line break at every column end.
pub fn join_wrapped_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let mut widths: Vec<usize> = lines.iter().map(|l| width(l)).collect();
    widths.sort_unstable();
    // The column width: the 90th percentile, so that a few long lines do not set it.
    let column = widths.get(widths.len() * 9 / 10).copied().unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let last = line.chars().last();
        let ends = last.is_none_or(|c| "。！？；：.!?;:”》)）".contains(c));
        let full = column > 0 && width(line) * 10 >= column * 8;
        let next_stands_alone = lines
            .get(i + 1)
            .is_none_or(|n| n.trim().is_empty() || is_heading(n));
        if !(full && !ends && !next_stands_alone) {
            out.push('\n');
        } else if last.is_some_and(|c| c.is_ascii_alphanumeric())
            && lines
                .get(i + 1)
                .and_then(|n| n.chars().next())
                .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            // Latin words broken at the column end still need their space.
            out.push(' ');
        }
    }
    out
}

/// Display width: Chinese characters count twice, as they are set.
fn width(line: &str) -> usize {
    line.chars()
        .map(|c| if super::clean::is_cjk(c) { 2 } else { 1 })
        .sum()
}

/// A numbered heading: "一、", "(一)", "（三）", "第二章", "1.", "2、".
fn is_heading(line: &str) -> bool {
    let t = line.trim_start();
    let numerals = "一二三四五六七八九十";
    let mut chars = t.chars();
    let first = chars.next();
    let rest: String = chars.collect();
    match first {
        Some('(' | '（') => rest
            .chars()
            .next()
            .is_some_and(|c| numerals.contains(c) || c.is_ascii_digit()),
        Some('第') => rest.chars().take(4).any(|c| "章节条部分".contains(c)),
        Some(c) if numerals.contains(c) || c.is_ascii_digit() => {
            let after = t.trim_start_matches(|c: char| numerals.contains(c) || c.is_ascii_digit());
            after.starts_with('、') || after.starts_with(". ") || after.starts_with('．')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_join_short_and_ending_lines_stay() {
        let t =
            "一、总体要求\n这是一个很长的段落它在列尾被\n折断了然后继续到这里结束。\n第二段。\n";
        assert_eq!(
            join_wrapped_lines(t),
            "一、总体要求\n这是一个很长的段落它在列尾被折断了然后继续到这里结束。\n第二段。\n"
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(pdf_to_text(b"%PDF-1.4 nonsense").is_err());
        assert!(pdf_to_text(b"").is_err());
    }
}
