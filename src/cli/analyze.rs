//! `innovation-atlas` subcommand: stats and path. (Being written.)

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    /// Arguments (not implemented yet).
    pub rest: Vec<String>,
}

pub fn run(_args: StatsArgs) -> ExitCode {
    eprintln!("not implemented yet");
    ExitCode::from(2)
}

#[derive(clap::Args, Debug)]
pub struct PathArgs {
    /// Arguments (not implemented yet).
    pub rest: Vec<String>,
}

pub fn run_path(_args: PathArgs) -> ExitCode {
    eprintln!("not implemented yet");
    ExitCode::from(2)
}
