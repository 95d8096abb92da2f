//! `innovation-atlas` subcommand: convert between graph formats. (Being written.)

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct ConvertArgs {
    /// Arguments (not implemented yet).
    pub rest: Vec<String>,
}

pub fn run(_args: ConvertArgs) -> ExitCode {
    eprintln!("not implemented yet");
    ExitCode::from(2)
}
