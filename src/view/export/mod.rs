//! Export of the current scene as SVG and PNG.
