//! Command-line interface: `check`, `export`, and opening the app on a file. No egui.

pub mod analyze;
pub mod bench;
pub mod bench_open;
pub mod convert;
pub mod coverage;
pub mod db;
pub mod db_bench;
mod measure;
pub mod render;

use crate::io;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "innovation-atlas",
    version,
    about = "Explore, present and edit a cited, bilingual knowledge graph",
    long_about = "Explore, present and edit a cited, bilingual (Chinese and English) knowledge \
graph. Without a subcommand the app opens FILE, or the shipped Shenzhen graph. The subcommands \
work headless: check, convert, render and analyse data files from a script.",
    after_long_help = AFTER_LONG_HELP
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Data file to open in the app (default: the shipped Shenzhen graph).
    pub file: Option<PathBuf>,
    /// Interface language of the app: `zh` (中文) or `en`; saved for the next start.
    #[arg(long, value_name = "zh|en", value_parser = parse_ui_lang)]
    pub ui_lang: Option<crate::i18n::UiLang>,
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// The man page's FILES and ENVIRONMENT, and the end of `--help`.
const AFTER_LONG_HELP: &str = "\
Files:
  graph-data/shenzhen.ron
      The shipped graph, when started in a checkout of the repository.
  /usr/share/innovation-atlas/graph-data/shenzhen.ron
      The shipped graph as the Debian package installs it, with its vocabulary,
      views, geography and source documents beside it.
  NAME.layout.ron, NAME.views.ron
      Node positions and saved views of NAME.ron, kept beside it.

Without FILE the app opens the first of these graphs that exists, else the copy
built into the binary. The installed example is read-only: save your edits of it
elsewhere (File > Save As).

Environment:
  RUST_LOG=info
      Log which files the app opens, on standard error.

Each subcommand has its own --help and man page, innovation-atlas-SUBCOMMAND(1).";

fn parse_ui_lang(s: &str) -> Result<crate::i18n::UiLang, String> {
    crate::i18n::UiLang::parse(s)
        .ok_or_else(|| format!("unknown interface language {s:?}: use zh or en"))
}

#[derive(Subcommand, Debug)]
pub enum CliCommand {
    /// Validate a data file; prints one `path:line:col: message` per problem, exit 1 if any.
    Check {
        /// Data file (.ron).
        file: PathBuf,
        /// Verify quotes against the source files in DIR instead of `sources/` beside FILE.
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
    },
    /// Write the graph in another format.
    Export {
        /// Data file (.ron).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Output file (default: standard output).
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        out: Option<PathBuf>,
    },
    /// Benchmarks (`bench layout …`).
    Bench(bench::BenchArgs),
    /// Convert between graph formats, chosen by extension or --from/--to.
    Convert(convert::ConvertArgs),
    /// Every metric per node, as JSON or CSV.
    Stats(analyze::StatsArgs),
    /// The k shortest paths between two nodes, hop by hop with citations.
    Path(analyze::PathArgs),
    /// Render a view (or the whole tour) to SVG or PNG.
    Render(render::RenderArgs),
    /// Per source: the share of sentences cited and the statement sentences nothing cites.
    Coverage(coverage::CoverageArgs),
    /// Rewrite data files in canonical form (atomically).
    Fmt {
        /// Data files (.ron) to rewrite.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Change nothing; exit 1 and name the files that would change.
        #[arg(long)]
        check: bool,
    },
    /// Write a data file into a graph database (MERGE by id; password from ATLAS_BOLT_PASSWORD).
    Push(db::PushArgs),
    /// Write the answer of a Cypher query in a graph database as a data file.
    Pull(db::PullArgs),
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    /// Node-link JSON (networkx `node_link_graph(data, edges="links")`).
    Json,
}

/// Problems of `file`: syntax, semantics and, with `sources`, quotes. Empty when clean.
pub fn check_file(file: &Path, sources: Option<&Path>) -> Vec<io::Diagnostic> {
    let mut diags = Vec::new();
    check_file_each(file, sources, |d| diags.push(d));
    diags
}

/// `check_file` handing each problem to `each` as it is found (`check` prints them at once, so
/// a file with a million problems needs no more memory than one with a few).
pub fn check_file_each(file: &Path, sources: Option<&Path>, each: impl FnMut(io::Diagnostic)) {
    check_file_warn(file, sources, each, |_| {});
}

/// `check_file_each` that also hands over warnings (quotes that match their source only with
/// whitespace ignored). Quotes are verified against `sources`, else `sources/` beside the file
/// when it exists.
pub fn check_file_warn(
    file: &Path,
    sources: Option<&Path>,
    mut each: impl FnMut(io::Diagnostic),
    mut warn: impl FnMut(io::Diagnostic),
) {
    let label = file.display().to_string();
    let text = match io::read_text(file) {
        Ok(t) => t,
        Err(d) => return each(d),
    };
    let Some(data) = io::check_text_each(&text, &label, &mut each) else {
        return;
    };
    // Edges outside their relation's allowed kinds, containment stated both ways: worth a look,
    // never a reason to refuse the file.
    io::lint_diagnostics(&data, &text, &label)
        .into_iter()
        .for_each(&mut warn);
    if let Some(dir) = coverage::default_sources(file, sources) {
        let report = io::verify_quotes_report(&data, &text, &label, Some(&dir));
        report.problems.into_iter().for_each(each);
        report.warnings.into_iter().for_each(warn);
    }
}

fn export(file: &Path, format: ExportFormat, out: Option<&Path>) -> Result<(), String> {
    let data = io::load_dataset(file).map_err(|d| io::join_diagnostics(&d))?;
    let text = match format {
        ExportFormat::Json => serde_json::to_string_pretty(&io::to_node_link_json(&data))
            .map_err(|e| format!("cannot encode JSON: {e}"))?,
    };
    match out {
        Some(path) => io::write_atomic(path, format!("{text}\n").as_bytes())
            .map_err(|e| format!("{}: cannot write: {e}", path.display())),
        None => {
            println!("{text}");
            Ok(())
        }
    }
}

/// `Ok(true)` when the file is (or, without `check`, now is) canonical; `Ok(false)` when it
/// would change.
pub fn fmt_file(file: &Path, check: bool) -> Result<bool, String> {
    let label = file.display().to_string();
    let text = io::read_text(file).map_err(|d| d.to_string())?;
    let data = io::parse_dataset(&text, &label).map_err(|d| io::join_diagnostics(&d))?;
    let canonical = io::to_canonical_ron(&data).map_err(|e| format!("{label}: {e}"))?;
    if canonical == text {
        return Ok(true);
    }
    if !check {
        io::write_atomic(file, canonical.as_bytes())
            .map_err(|e| format!("{label}: cannot write: {e}"))?;
    }
    Ok(false)
}

/// Run a subcommand; `None` means "no subcommand: start the app".
pub fn run(command: CliCommand) -> ExitCode {
    match command {
        CliCommand::Check { file, sources } => {
            let mut count = 0usize;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            check_file_warn(
                &file,
                sources.as_deref(),
                |d| {
                    count += 1;
                    // A closed pipe (`check … | head`) is not an error of the file.
                    let _ = writeln!(out, "{d}");
                },
                // Warnings go with the summary to stderr: stdout stays one problem per line.
                |w| eprintln!("{w}"),
            );
            let _ = out.flush();
            if count == 0 {
                eprintln!("{}: ok", file.display());
                ExitCode::SUCCESS
            } else {
                eprintln!("{}: {count} problem(s)", file.display());
                ExitCode::from(1)
            }
        }
        CliCommand::Bench(args) => bench::run(args),
        CliCommand::Convert(args) => convert::run(args),
        CliCommand::Stats(args) => analyze::run(args),
        CliCommand::Path(args) => analyze::run_path(args),
        CliCommand::Render(args) => render::run(args),
        CliCommand::Coverage(args) => coverage::run(args),
        CliCommand::Push(args) => db::run_push(args),
        CliCommand::Pull(args) => db::run_pull(args),
        CliCommand::Fmt { files, check } => {
            let mut status = ExitCode::SUCCESS;
            for file in files {
                match fmt_file(&file, check) {
                    Ok(true) => {}
                    Ok(false) if check => {
                        println!("{}", file.display());
                        status = ExitCode::from(1);
                    }
                    Ok(false) => eprintln!("formatted {}", file.display()),
                    Err(e) => {
                        eprintln!("{e}");
                        status = ExitCode::from(1);
                    }
                }
            }
            status
        }
        CliCommand::Export { file, format, out } => match export(&file, format, out.as_deref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(1)
            }
        },
    }
}
