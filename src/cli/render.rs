//! `innovation-atlas` subcommand: render views to SVG/PNG. (Being written.)

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    /// Arguments (not implemented yet).
    pub rest: Vec<String>,
}

pub fn run(_args: RenderArgs) -> ExitCode {
    eprintln!("not implemented yet");
    ExitCode::from(2)
}
