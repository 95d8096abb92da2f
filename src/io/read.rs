//! The one way a file's bytes come in: regular files only, size-limited before and during the
//! read, UTF-8 checked with a `line:col`, a leading BOM dropped. Every path that reads a data
//! file (open, reload, recovery, sidecars, CLI) goes through here, so one limit applies to all.

use super::Diagnostic;
use std::io::Read;
use std::path::Path;

/// Files larger than this are refused before reading: beyond any graph a desktop explorer can
/// show, and reading them would exhaust memory. A million nodes and two million edges in
/// canonical RON take about 600 MB without citations (issue #19), so the limit is 1 GiB.
pub const MAX_INPUT_BYTES: u64 = 1024 * 1024 * 1024;

fn whole(path: &Path, msg: impl Into<String>) -> Diagnostic {
    Diagnostic::new(&path.display().to_string(), 0, 0, msg)
}

/// The bytes of `path`, refusing anything that is not a regular file (FIFOs, devices,
/// directories: `/dev/zero` reports size 0 and would be read forever) and anything over
/// `limit` bytes, including a file that grows past the limit while it is read.
pub fn read_bytes_limited(path: &Path, limit: u64) -> Result<Vec<u8>, Diagnostic> {
    // `metadata` follows symlinks: a link to a regular file is fine, a link to a FIFO is not.
    let meta =
        std::fs::metadata(path).map_err(|e| whole(path, format!("cannot read file: {e}")))?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a directory"
        } else {
            "not a regular file (a pipe, socket or device)"
        };
        return Err(whole(path, format!("refused: {what}")));
    }
    let too_big = |size: u64| {
        whole(
            path,
            format!(
                "refused: the file is {} MB; the limit is {} MB",
                size.div_ceil(1_000_000),
                limit / 1_000_000
            ),
        )
    };
    if meta.len() > limit {
        return Err(too_big(meta.len()));
    }
    let file =
        std::fs::File::open(path).map_err(|e| whole(path, format!("cannot read file: {e}")))?;
    // Checked again after opening: the path may have been swapped for a FIFO in between.
    if !file.metadata().map(|m| m.is_file()).unwrap_or(false) {
        return Err(whole(
            path,
            "refused: not a regular file (a pipe, socket or device)",
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| whole(path, format!("cannot read file: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Bytes as text: invalid UTF-8 is reported at its `line:col`, a UTF-8 BOM is dropped.
pub fn decode_utf8(bytes: Vec<u8>, label: &str) -> Result<String, Diagnostic> {
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&e.as_bytes()[..good]).into_owned();
        let (line, col) = super::diagnostic::line_col(&before, good);
        Diagnostic::new(label, line, col, "invalid UTF-8")
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// The text of `path` within the global input limit.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    read_text_limited(path, MAX_INPUT_BYTES)
}

/// The text of `path` within `limit` bytes (sidecars use a smaller one).
pub fn read_text_limited(path: &Path, limit: u64) -> Result<String, Diagnostic> {
    let bytes = read_bytes_limited(path, limit)?;
    decode_utf8(bytes, &path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_directories_and_devices() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_text(dir.path()).unwrap_err();
        assert!(e.to_string().contains("directory"), "{e}");
        #[cfg(unix)]
        {
            let e = read_text(Path::new("/dev/zero")).unwrap_err();
            assert!(e.to_string().contains("not a regular file"), "{e}");
        }
    }

    #[test]
    fn refuses_over_limit_and_reports_utf8_position() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, b"\xef\xbb\xbfab\nc\xffd").unwrap();
        let e = read_text(&p).unwrap_err();
        assert!(e.to_string().contains(":2:2: invalid UTF-8"), "{e}");
        std::fs::write(&p, b"\xef\xbb\xbfabc").unwrap();
        assert_eq!(read_text(&p).unwrap(), "abc");
        let e = read_text_limited(&p, 4).unwrap_err();
        assert!(e.to_string().contains("refused"), "{e}");
    }
}
