//! (stub, being written) communities over the knowledge graph.
