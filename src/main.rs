//! Entry point: a subcommand runs headless; otherwise the app opens.

use clap::Parser;
use innovation_atlas::{app, cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match args.command {
        Some(cmd) => cli::run(cmd),
        None => {
            env_logger::init();
            match app::run(args.file) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("innovation-atlas: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}
