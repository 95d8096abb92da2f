//! (stub, being written) ego over the knowledge graph.
