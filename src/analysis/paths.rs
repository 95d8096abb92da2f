//! (stub, being written) paths over the knowledge graph.
