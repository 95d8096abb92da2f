//! (stub, being written) metrics over the knowledge graph.
