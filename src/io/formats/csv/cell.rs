//! Spreadsheet formula cells (CSV injection): a cell starting with `=`, `+`, `-`, `@`, tab or
//! carriage return is run as a formula by Excel, LibreOffice and Google Sheets when the CSV is
//! opened, so exports neutralise it and imports undo that exactly.

use std::borrow::Cow;

/// The characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a
/// formula, per OWASP's CSV injection advice.
pub(super) const FORMULA_START: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// A plain decimal number (`-3.5`, `+1e-3`): a spreadsheet reads it as a number, not a formula,
/// so it is written as it is. Rust's float parser is too lenient here (`-inf`, `NaN`).
pub(super) fn is_number(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// True when `s` would run as a formula in a spreadsheet.
fn is_formula(s: &str) -> bool {
    s.starts_with(FORMULA_START) && !is_number(s)
}

/// The cell as written to CSV: a would-be formula gets a leading `'` (OWASP), which makes
/// spreadsheets show it as text. A cell whose quotes already precede such a formula (`'=x`)
/// gets one more, so that `restore_cell` gives back exactly the original text.
pub fn neutralise_cell(s: &str) -> Cow<'_, str> {
    if is_formula(s.trim_start_matches('\'')) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// The inverse of `neutralise_cell`, applied to every imported cell: one leading `'` is dropped
/// when the rest (after any further quotes) would be a formula.
pub fn restore_cell(s: &str) -> Cow<'_, str> {
    match s.strip_prefix('\'') {
        Some(rest) if is_formula(rest.trim_start_matches('\'')) => Cow::Owned(rest.to_string()),
        _ => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_are_not() {
        for (cell, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+1+2", "'+1+2"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("-inf", "'-inf"),
            ("-", "'-"),
            ("'=x", "''=x"),
            ("-3.5", "-3.5"),
            ("+1e-3", "+1e-3"),
            ("-.5", "-.5"),
            ("'abc", "'abc"),
            ("'-3", "'-3"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(neutralise_cell(cell), written, "{cell:?}");
            assert_eq!(restore_cell(written), cell, "{written:?}");
        }
    }
}
