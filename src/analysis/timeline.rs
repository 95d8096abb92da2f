//! (stub, being written) timeline over the knowledge graph.
