//! The open file's life outside the graph: background loads and re-reads, the file watcher,
//! the recovery file, and the text last read or written (to tell our writes from others').

#[derive(Default)]
pub(super) struct FileState {
    /// A file being read on a worker thread.
    pub loading: Option<super::open::Loading>,
    /// A graph read by a background load that finished while there were unsaved edits: it
    /// waits here until the user says whether to save, discard or keep the edits.
    pub held: Option<Box<super::open::Loaded>>,
    /// The open file being re-read after an outside change, on a worker thread.
    pub reloading: Option<super::disk::Reloading>,
    /// A re-read of the open file held while the user decides about their unsaved edits.
    pub held_reload: Option<Box<super::open::ReadData>>,
    /// A recovery file being written on a worker thread, and the edit it was written for.
    pub recovery: super::recovery_file::RecoveryWriter,
    pub watcher: Option<super::disk::FileWatcher>,
    /// A hash of the file's text as last loaded or saved, to tell our own writes from outside
    /// edits.
    pub disk_hash: Option<u64>,
    /// Problems of the file on disk after an outside edit; the last good graph stays open.
    pub disk_banner: Option<Vec<String>>,
    /// When the recovery file was last written.
    pub last_recovery: Option<std::time::Instant>,
}
