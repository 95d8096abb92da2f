//! `coverage FILE [--format json]`: per source, the share of sentences a citation overlaps and
//! the statement sentences nothing cites (see `analysis::sentences::is_statement`).

use crate::analysis::coverage::{self, SourceCoverage, line_col};
use crate::io;
use clap::{Args, ValueEnum};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct CoverageArgs {
    /// Data file whose citations are measured.
    pub file: PathBuf,
    /// Output: `text` for people, `json` for scripts (schema in the README).
    #[arg(long, value_enum, default_value = "text")]
    pub format: CoverageFormat,
    /// Folder of the source texts (default: `sources/` beside FILE, else the shipped texts).
    #[arg(long, value_name = "DIR")]
    pub sources: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CoverageFormat {
    Text,
    Json,
}

/// One source's numbers, or why its text could not be read.
pub struct Measured {
    pub id: String,
    pub file: String,
    pub text: String,
    pub result: Result<SourceCoverage, String>,
}

/// The folder `coverage` and `check` read sources from by default: `sources/` beside the data
/// file when it exists, else `None` (the shipped texts).
pub fn default_sources(file: &Path, over: Option<&Path>) -> Option<PathBuf> {
    over.map(Path::to_path_buf).or_else(|| {
        let d = io::sources::sources_dir_beside(file);
        d.is_dir().then_some(d)
    })
}

/// Coverage of every source of the data file.
pub fn measure(file: &Path, sources: Option<&Path>) -> Result<Vec<Measured>, String> {
    let data = io::load_dataset(file).map_err(|d| io::join_diagnostics(&d))?;
    let dir = default_sources(file, sources);
    Ok(io::sources::read_sources(&data, dir.as_deref())
        .into_iter()
        .zip(&data.sources)
        .map(|((id, text), s)| match text {
            Ok(text) => Measured {
                id,
                file: s.file.clone(),
                result: Ok(coverage::analyse(&data, &s.id, &text)),
                text,
            },
            Err(e) => Measured {
                id,
                file: s.file.clone(),
                text: String::new(),
                result: Err(e),
            },
        })
        .collect())
}

fn percent(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// The report as text: a line of numbers per source, then its uncited statements.
pub fn to_text(all: &[Measured]) -> String {
    let mut out = String::new();
    for m in all {
        match &m.result {
            Err(e) => out.push_str(&format!("{} ({}): cannot read: {e}\n", m.id, m.file)),
            Ok(c) => {
                let uncited = c.uncited_statements();
                out.push_str(&format!(
                    "{} ({}): {}/{} sentences cited ({}); statements {}/{} cited ({}); {} quote(s) not found\n",
                    m.id,
                    m.file,
                    c.cited_count(),
                    c.sentences.len(),
                    percent(c.share()),
                    c.statement_count() - uncited.len(),
                    c.statement_count(),
                    percent(c.statement_share()),
                    c.missing.len(),
                ));
                for i in uncited {
                    let r = c.sentences[i].clone();
                    let (line, col) = line_col(&m.text, r.start);
                    out.push_str(&format!("  {}:{line}:{col}: {}\n", m.file, &m.text[r]));
                }
            }
        }
    }
    out
}

/// The report as JSON (schema in README.md, "Sources, reader and coverage").
pub fn to_json(file: &Path, all: &[Measured]) -> Value {
    let (mut sentences, mut cited, mut statements, mut statements_cited) = (0, 0, 0, 0);
    let sources: Vec<Value> = all
        .iter()
        .map(|m| match &m.result {
            Err(e) => json!({"id": m.id, "file": m.file, "error": e}),
            Ok(c) => {
                let uncited = c.uncited_statements();
                sentences += c.sentences.len();
                cited += c.cited_count();
                statements += c.statement_count();
                statements_cited += c.statement_count() - uncited.len();
                let list: Vec<Value> = uncited
                    .iter()
                    .map(|&i| {
                        let r = c.sentences[i].clone();
                        let (line, col) = line_col(&m.text, r.start);
                        json!({"line": line, "col": col, "start": r.start, "end": r.end,
                               "text": &m.text[r]})
                    })
                    .collect();
                json!({
                    "id": m.id, "file": m.file,
                    "sentences": c.sentences.len(), "cited": c.cited_count(), "share": c.share(),
                    "statements": c.statement_count(),
                    "statements_cited": c.statement_count() - uncited.len(),
                    "statement_share": c.statement_share(),
                    "quotes_not_found": c.missing.len(),
                    "uncited_statements": list,
                })
            }
        })
        .collect();
    let share = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    json!({
        "file": file.display().to_string(),
        "sources": sources,
        "total": {
            "sentences": sentences, "cited": cited, "share": share(cited, sentences),
            "statements": statements, "statements_cited": statements_cited,
            "statement_share": share(statements_cited, statements),
        },
    })
}

pub fn run(args: CoverageArgs) -> ExitCode {
    let all = match measure(&args.file, args.sources.as_deref()) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let out = match args.format {
        CoverageFormat::Text => to_text(&all),
        CoverageFormat::Json => match serde_json::to_string_pretty(&to_json(&args.file, &all)) {
            Ok(s) => format!("{s}\n"),
            Err(e) => {
                eprintln!("cannot encode JSON: {e}");
                return ExitCode::from(1);
            }
        },
    };
    // A closed pipe (`coverage … | head`) is not an error of the data.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
    if all.iter().any(|m| m.result.is_err()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
