//! Entry point: a subcommand runs headless; otherwise the app opens.

use clap::Parser;
use innovation_atlas::{app, cli};
use std::process::ExitCode;

// mimalloc instead of glibc's malloc: loading a big file makes millions of small strings, and
// glibc handed the canvas's per-frame buffers back to the kernel and faulted them in again
// (BENCHMARKS.md). The benches use it too, so they measure what the app does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match args.command {
        Some(cmd) => cli::run(cmd),
        None => {
            env_logger::init();
            match app::run(args.file, args.ui_lang) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("innovation-atlas: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}
