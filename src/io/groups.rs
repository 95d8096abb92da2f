//! How the graph is grouped, as saved: in a view (`View::groups`) and in the groups sidecar
//! (`NAME.groups.ron` beside `NAME.ron`), which keeps groups made by hand out of the data file.
//!
//! Node references are the data file's ids; group references are the stable keys that
//! `analysis::groups` gives each group (`kind:lab`, `attr:district=Nanshan`, `community:2`,
//! `in:shenzhen-plan`, `around:hetao`, `hand:My group`).

use super::Diagnostic;
use super::sidecar::{self, Checked, SidecarOpen};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// A groups sidecar is small: hand-made groups and a list of collapsed keys.
pub const MAX_GROUPS_BYTES: u64 = 16_000_000;

/// How the visible graph is grouped automatically.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GroupBy {
    /// One group per node kind.
    Kind,
    /// One group per value of a node attribute (nodes without it stay ungrouped).
    Attribute(String),
    /// One group per Louvain community of the visible graph (seeded, so stable).
    Community,
    /// Containment along a relation (`part_of`, `located_in`): a node with members `x -rel->
    /// node` is a group of itself and them; groups nest along chains of the relation.
    Containment(String),
    /// Hubs along a relation (`Hosts`): a node with edges `node -rel-> x` is a group of itself
    /// and those `x` (containment read the other way).
    Around(String),
}

/// A group made by hand (select, Ctrl+G).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandGroup {
    /// Unique among hand groups; shown as the group's label.
    pub name: String,
    /// Node ids.
    pub members: Vec<String>,
}

/// The grouping of the screen: what groups there are and which of them are collapsed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupState {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<GroupBy>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hand: Vec<HandGroup>,
    /// Keys of the collapsed groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub collapsed: Vec<String>,
}

impl GroupState {
    pub fn is_empty(&self) -> bool {
        self.by.is_none() && self.hand.is_empty()
    }
}

/// `NAME.groups.ron` beside `NAME.ron`.
pub fn groups_sidecar_path(data_path: &Path) -> PathBuf {
    let stem = data_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    data_path.with_file_name(format!("{stem}.groups.ron"))
}

/// Parse a groups file; errors carry `label:line:col`.
pub fn parse_groups(text: &str, label: &str) -> Result<GroupState, Diagnostic> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e| sidecar::ron_error(label, &e))
}

/// A missing sidecar is `Ok(None)`; an unreadable or broken one is an error.
pub fn read_groups(path: &Path) -> Result<Option<Checked<GroupState>>, Diagnostic> {
    let label = path.display().to_string();
    match sidecar::read_sidecar(path, MAX_GROUPS_BYTES)? {
        Some(text) => parse_groups(&text, &label).map(|value| {
            Some(Checked {
                value,
                warnings: Vec::new(),
            })
        }),
        None => Ok(None),
    }
}

/// Like `read_groups`, but a broken file is kept aside (`NAME.groups.ron.bad`) and described.
pub fn open_groups(path: &Path) -> SidecarOpen<GroupState> {
    sidecar::open_with(path, read_groups)
}

/// Pretty RON, hand-editable.
pub fn groups_to_ron(state: &GroupState) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string())
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut text = ron::ser::to_string_pretty(state, config)?;
    text.push('\n');
    Ok(text)
}

/// Write atomically; a file on disk that does not read as groups is kept aside first.
pub fn save_groups(path: &Path, state: &GroupState) -> std::io::Result<Option<String>> {
    let text = groups_to_ron(state).map_err(std::io::Error::other)?;
    let kept = sidecar::keep_aside_if_unreadable(path, |p| read_groups(p).map(drop))?;
    super::write_atomic(path, text.as_bytes())?;
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_reads_an_empty_state_from_nothing() {
        let state = GroupState {
            by: Some(GroupBy::Containment("part_of".into())),
            hand: vec![HandGroup {
                name: "核心".into(),
                members: vec!["a".into(), "b".into()],
            }],
            collapsed: vec!["in:plan".into(), "hand:核心".into()],
        };
        let text = groups_to_ron(&state).unwrap();
        assert_eq!(parse_groups(&text, "t").unwrap(), state);
        assert_eq!(
            parse_groups("GroupState()", "t").unwrap(),
            GroupState::default()
        );
        let err = parse_groups("GroupState(by: Some(Nope))", "g.ron").unwrap_err();
        assert!(err.to_string().contains("g.ron"), "{err}");
    }

    #[test]
    fn saves_beside_the_data_and_keeps_a_broken_file_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = groups_sidecar_path(&dir.path().join("g.ron"));
        assert!(path.ends_with("g.groups.ron"));
        std::fs::write(&path, "not ron (").unwrap();
        let open = open_groups(&path);
        assert!(open.value.is_none() && open.broken.is_some());
        let state = GroupState {
            by: Some(GroupBy::Kind),
            ..Default::default()
        };
        save_groups(&path, &state).unwrap();
        assert_eq!(open_groups(&path).value, Some(state));
    }

    #[test]
    fn truncated_bom_and_crlf_sidecars_read_or_refuse_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.groups.ron");
        let state = GroupState {
            by: Some(GroupBy::Around("Hosts".into())),
            hand: vec![HandGroup {
                name: "平台 “四大”".into(),
                members: vec!["hetao".into(), "qianhai".into()],
            }],
            collapsed: vec!["around:hetao".into(), "hand:平台 “四大”".into()],
        };
        let text = groups_to_ron(&state).unwrap();
        // Cut anywhere (a half-written file): read or a `file:line:col` error, never a panic.
        for cut in (0..text.len()).filter(|c| text.is_char_boundary(*c)) {
            std::fs::write(&path, &text[..cut]).unwrap();
            if let Err(e) = read_groups(&path) {
                assert!(
                    e.to_string().starts_with(&path.display().to_string()),
                    "{e}"
                );
            }
        }
        // Saved by a Windows editor: the same state.
        let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        std::fs::write(&path, crlf).unwrap();
        assert_eq!(read_groups(&path).unwrap().unwrap().value, state);
        // The shipped views (groups, notes, arrangements) the same way.
        let views = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/graph-data/shenzhen.views.ron"
        ))
        .unwrap();
        let whole = crate::io::views::parse_views(&views, "v").unwrap();
        let crlf = format!("\u{feff}{}", views.replace('\n', "\r\n"));
        let vpath = dir.path().join("g.views.ron");
        std::fs::write(&vpath, crlf).unwrap();
        let read = crate::io::views::open_views(&vpath).value.unwrap();
        assert_eq!(read, whole);
        for cut in (0..views.len())
            .step_by(97)
            .filter(|c| views.is_char_boundary(*c))
        {
            let _ = crate::io::views::parse_views(&views[..cut], "v");
        }
    }
}
