//! `innovation-atlas` subcommand: bench layout (the layout benchmark). (Being written.)

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// Arguments (not implemented yet).
    pub rest: Vec<String>,
}

pub fn run(_args: BenchArgs) -> ExitCode {
    eprintln!("not implemented yet");
    ExitCode::from(2)
}
