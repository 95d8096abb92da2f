//! What a saved view adds for presenting (issue #15 parts 2, 3 and 5), stored in the views
//! sidecar and never in the data file: the appearance (colour, shape and size from an
//! attribute), annotations (notes, callouts pinned to a node, rectangles and circles) and the
//! view's own arrangement of its subgraph. Every field is optional so that older views files
//! load unchanged.

use crate::model::Names;
use serde::{Deserialize, Serialize};

/// Where a visual channel takes its values from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StyleBy {
    /// The node's kind (nodes) or the edge's relation (edges): the vocabulary's styles.
    Kind,
    /// The edge's relation; for nodes, the most frequent relation among its edges.
    Relation,
    /// A data attribute (`attrs` of the node or edge). Numeric (a ramp) when every value
    /// present reads as a number and there are more distinct values than a palette tells
    /// apart; otherwise categorical.
    Attr(String),
    /// A node metric by its column name (`degree`, `pagerank`, `betweenness`, `community`, …);
    /// numeric except `community`. For edges, the mean of the two ends.
    Metric(String),
}

/// How a view draws nodes and edges from their data (Gephi's partition and ranking). `None`
/// channels keep the style table's defaults: kind colour and shape, size by degree, plain
/// edges.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appearance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_color: Option<StyleBy>,
    /// Categorical only: each category gets a shape of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_shape: Option<StyleBy>,
    /// Numeric only: radius from the value's rank in its range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_size: Option<StyleBy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edge_color: Option<StyleBy>,
    /// Numeric only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edge_width: Option<StyleBy>,
}

impl Appearance {
    pub fn is_empty(&self) -> bool {
        *self == Appearance::default()
    }
}

/// The outline of an annotation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AnnotationShape {
    /// Text in a box.
    #[default]
    Note,
    Rect,
    Circle,
}

/// A note, callout or shape on the canvas. With `node` it is pinned to that node: `at` is
/// then an offset from the node and it follows the node when it moves (a note pinned to a
/// node is a callout, drawn with a leader line); without, `at` is a world position.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    #[serde(default)]
    pub shape: AnnotationShape,
    #[serde(default)]
    pub text: Names,
    /// Node id (the data file's) the annotation is pinned to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// Centre in world units, or the offset from `node`.
    #[serde(default)]
    pub at: (f32, f32),
    /// Width and height of a rectangle or circle in world units (a note sizes to its text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<(f32, f32)>,
}

/// A view's own arrangement of the subgraph it shows, replacing the crop of the global layout.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arrange {
    /// Rings by hops around a node id (default: the view's first ego or highlighted node).
    Radial(#[serde(default)] Option<String>),
    /// Rows by the vocabulary's layer of each kind.
    Layered,
    /// The force layout of just the subgraph.
    Force,
}

#[cfg(test)]
mod tests {
    use crate::io::views::{View, parse_views, views_to_ron};

    #[test]
    fn present_fields_round_trip_and_old_files_load() {
        let old = r#"Views(views: [View(name: "a")])"#;
        let v = parse_views(old, "old").unwrap();
        assert_eq!(v.views[0].annotations, vec![]);
        assert!(v.views[0].appearance.is_none() && v.views[0].arrange.is_none());
        let text = r#"#![enable(implicit_some)]
Views(views: [View(name: "b",
    appearance: Appearance(node_color: Attr("type"), node_size: Metric("pagerank")),
    annotations: [Annotation(shape: Note, text: Names(zh: "注", en: "note"), node: "x", at: (10.0, -5.0))],
    arrange: Radial("x"))])"#;
        let v = parse_views(text, "new").unwrap();
        let view: &View = &v.views[0];
        assert_eq!(view.annotations[0].node.as_deref(), Some("x"));
        assert_eq!(view.annotations[0].at, (10.0, -5.0));
        let again = parse_views(&views_to_ron(&v).unwrap(), "again").unwrap();
        assert_eq!(again, v);
    }
}
