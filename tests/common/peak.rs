//! Memory a parser holds at once, counted per thread so parallel tests do not disturb each
//! other. A binary that measures declares the allocator itself (one per binary):
//! `#[global_allocator] static ALLOC: common::peak::Counting = common::peak::Counting;`

use innovation_atlas::io::Diagnostic;
use innovation_atlas::io::formats::{Format, RawGraph, parse_text};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

pub const MB: usize = 1024 * 1024;

pub struct Counting;

thread_local! {
    static NOW: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn add(n: usize) {
    let _ = NOW.try_with(|now| {
        let v = now.get().saturating_add(n);
        now.set(v);
        let _ = PEAK.try_with(|p| p.set(p.get().max(v)));
    });
}

fn sub(n: usize) {
    let _ = NOW.try_with(|now| now.set(now.get().saturating_sub(n)));
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counters only
// observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        add(l.size());
        // SAFETY: the caller's contract for `alloc`, passed on unchanged.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        sub(l.size());
        // SAFETY: `p` came from this allocator, that is from `System`, with layout `l`.
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        sub(l.size());
        add(new);
        // SAFETY: as for `dealloc`, and the caller's contract for `new`.
        unsafe { System.realloc(p, l, new) }
    }
}

/// The result of `f` and the most memory it held at once beyond what was live before.
pub fn measure<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = NOW.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let out = f();
    (out, PEAK.with(Cell::get).saturating_sub(base))
}

/// Parse `text` (named `name` in diagnostics), asserting the parser held at most `max_mb` MB
/// at once; an error as its first diagnostic.
#[track_caller]
pub fn parse_bounded(
    text: &str,
    name: &str,
    format: Format,
    max_mb: usize,
) -> Result<RawGraph, Diagnostic> {
    let (r, held) = measure(|| parse_text(text, name, format));
    assert!(
        held <= max_mb * MB,
        "{format:?}: {} MB held for a {} KB input",
        held / MB,
        text.len() / 1024
    );
    r.map_err(|mut d| {
        assert!(!d.is_empty(), "an error without a diagnostic");
        d.swap_remove(0)
    })
}
