//! Helpers shared by every test binary (each one says `mod common;`): paths in the repository,
//! the check for anything outside it (`../shared`, system tools), the UI harness and the
//! per-thread allocation counter.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod peak;
pub mod ui;

// Not every binary uses every helper.
#[allow(unused_imports)]
pub use ui::{copy_of_tiny, harness_on, harness_with, name_en, rename, selected_ids, wait_for};

use std::io::Write;
use std::path::{Path, PathBuf};

/// Set to `1` (as `.ci/run` does), everything a test needs outside the repository is required:
/// a missing corpus or tool fails the test instead of skipping it.
pub const REQUIRE_SHARED: &str = "ATLAS_REQUIRE_SHARED";

/// A path inside the repository.
pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The shipped graph, `graph-data/shenzhen.ron`.
pub fn shipped() -> PathBuf {
    repo("graph-data/shenzhen.ron")
}

pub fn fixture(name: &str) -> PathBuf {
    repo("tests/fixtures").join(name)
}

/// Whether a test may go on with `what`, something outside the repository. When it is absent
/// the test says so and skips that part, or fails under `ATLAS_REQUIRE_SHARED=1`.
#[track_caller]
pub fn available(what: &str, present: bool) -> bool {
    if present {
        return true;
    }
    let test = std::thread::current().name().unwrap_or("?").to_string();
    if std::env::var(REQUIRE_SHARED).is_ok_and(|v| v == "1") {
        panic!("{test}: {what} is missing, and {REQUIRE_SHARED}=1 requires it");
    }
    // Straight to the stream: libtest captures `eprintln!`, and a skip must be seen.
    let _ = writeln!(
        std::io::stderr(),
        "note: {test}: {what} is missing, what needs it is skipped (set {REQUIRE_SHARED}=1 to require it)"
    );
    false
}

/// `../shared/<sub>` beside the repository (the seed documents, the real-world corpus), if it
/// is there; see [`available`].
#[track_caller]
pub fn shared(sub: &str) -> Option<PathBuf> {
    let path = repo("../shared").join(sub);
    available(&format!("../shared/{sub}"), path.exists()).then_some(path)
}

/// The shipped dataset, loaded (a failure prints every diagnostic).
pub fn shipped_data() -> innovation_atlas::model::Dataset {
    innovation_atlas::io::load_dataset(&shipped()).unwrap_or_else(|d| {
        panic!(
            "shenzhen.ron does not load:\n{}",
            innovation_atlas::io::join_diagnostics(&d)
        )
    })
}

/// The shipped graph, built.
pub fn shipped_kg() -> innovation_atlas::model::KnowledgeGraph {
    innovation_atlas::model::KnowledgeGraph::build(shipped_data())
}
