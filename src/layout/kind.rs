//! The names of the layouts that can place the nodes (force, layered, radial, …).

/// Which layout places the nodes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LayoutKind {
    #[default]
    Force,
    Layered,
    Radial,
    CircularKind,
    CircularCommunity,
    Geographic,
    /// The positions a saved view stored.
    Saved,
}

impl LayoutKind {
    /// The layout a saved view names (`None` for a name this version does not know).
    pub fn from_name(name: &str) -> Option<Self> {
        [
            LayoutKind::Force,
            LayoutKind::Layered,
            LayoutKind::Radial,
            LayoutKind::CircularKind,
            LayoutKind::CircularCommunity,
            LayoutKind::Geographic,
            LayoutKind::Saved,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }

    /// The name shown in the status bar and used by scripts.
    pub fn name(self) -> &'static str {
        match self {
            LayoutKind::Force => "force",
            LayoutKind::Layered => "layered",
            LayoutKind::Radial => "radial",
            LayoutKind::CircularKind => "circular-kind",
            LayoutKind::CircularCommunity => "circular-community",
            LayoutKind::Geographic => "geographic",
            LayoutKind::Saved => "saved",
        }
    }
}
