//! Hostile files (issue #13): every input of the generator in `tests/hostile/inputs.rs` goes
//! through the CLI (`check` for RON, `convert IN OUT` for the other formats, `render` for
//! sidecars and SVG/PNG output) in a child process under a memory cap (`prlimit --as`, else
//! `ulimit -v`) and a time cap, and must exit 0 or 1 with a `path:` message, never panic, never
//! be killed. RON truncations run in-process through the loader. A table of every run (exit,
//! milliseconds, peak RSS) is printed; run with `--nocapture` to see it. The checks of the
//! files written are in `hostile/checks.rs`, the in-process truncations in
//! `hostile/truncation.rs`.
//!
//! Environment: `HOSTILE_ONLY=substring` runs only matching cases; `HOSTILE_TIME_CAP_MS`,
//! `HOSTILE_MEM_CAP_MB` (address space) and `HOSTILE_RSS_CAP_MB` (peak RSS) change the caps; `HOSTILE_FULL=1` truncates the shipped graph at every
//! line end (default: a sample); `HOSTILE_KEEP=1` keeps the generated files and prints where.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

#[path = "hostile/checks.rs"]
mod checks;
mod common;
#[path = "hostile/inputs.rs"]
mod inputs;
#[path = "hostile/truncation.rs"]
mod truncation;

use inputs::{Case, Expect, Post, Run};
use std::ffi::OsString;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Address-space cap of each child (bytes): a safety net that turns a runaway allocation into
/// a quick abort instead of swapping. It is not the measure: mimalloc reserves address space in
/// 1 GiB arenas, so a child using 300 MB can map well over 600 MB.
fn mem_cap_bytes() -> u64 {
    std::env::var("HOSTILE_MEM_CAP_MB")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(2500)
        * 1_000_000
}

/// Peak resident memory each child may use (bytes): "a few hundred MB".
fn rss_cap_bytes() -> u64 {
    std::env::var("HOSTILE_RSS_CAP_MB")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(600)
        * 1_000_000
}

/// Wall-clock cap of each child: generous in debug builds (tests build the crate at
/// opt-level 1), "a few seconds" in release.
fn time_cap() -> Duration {
    let ms = std::env::var("HOSTILE_TIME_CAP_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            10_000
        } else {
            3_000
        });
    Duration::from_millis(ms)
}

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_innovation-atlas"))
}

fn tool_works(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// What one capped child did.
#[derive(Debug)]
struct Outcome {
    code: Option<i32>,
    signal: Option<i32>,
    timed_out: bool,
    ms: u128,
    peak_kb: Option<u64>,
    /// The first 256 KB of standard output and standard error.
    out: String,
    err: String,
}

struct Runner {
    prlimit: bool,
    time: bool,
    scratch: PathBuf,
}

impl Runner {
    fn new(scratch: &Path) -> Self {
        Runner {
            prlimit: tool_works("prlimit", &["--version"]),
            // GNU time measures each child's peak RSS (Debian package `time`).
            time: common::available(
                "/usr/bin/time (GNU time: the peak RSS of each run)",
                tool_works("/usr/bin/time", &["-f", "%M", "-o", "/dev/null", "true"]),
            ),
            scratch: scratch.to_path_buf(),
        }
    }

    fn run(&self, tag: &str, args: &[OsString]) -> Outcome {
        let cap = mem_cap_bytes();
        let timefile = self.scratch.join(format!("{tag}.time"));
        let outfile = self.scratch.join(format!("{tag}.stdout"));
        let errfile = self.scratch.join(format!("{tag}.stderr"));
        let mut cmd = if self.prlimit {
            let mut c = Command::new("prlimit");
            c.arg(format!("--as={cap}")).arg("--");
            c
        } else {
            let mut c = Command::new("sh");
            c.arg("-c")
                .arg(format!("ulimit -v {}; exec \"$@\"", cap / 1024))
                .arg("sh");
            c
        };
        if self.time {
            cmd.arg("/usr/bin/time")
                .arg("-f")
                .arg("%M")
                .arg("-o")
                .arg(&timefile);
        }
        cmd.arg(bin()).args(args);
        cmd.stdin(Stdio::null())
            .stdout(std::fs::File::create(&outfile).unwrap())
            .stderr(std::fs::File::create(&errfile).unwrap())
            .env("RUST_BACKTRACE", "0")
            .process_group(0);
        let start = Instant::now();
        let mut child = cmd.spawn().expect("spawn the capped child");
        let deadline = start + time_cap();
        let mut timed_out = false;
        let status = loop {
            if let Some(st) = child.try_wait().unwrap() {
                break st;
            }
            if Instant::now() >= deadline {
                timed_out = true;
                // The whole process group: prlimit/time and the binary under them.
                let _ = Command::new("kill")
                    .args(["-KILL", "--", &format!("-{}", child.id())])
                    .status();
                let _ = child.kill();
                break child.wait().unwrap();
            }
            std::thread::sleep(Duration::from_millis(3));
        };
        let ms = start.elapsed().as_millis();
        use std::os::unix::process::ExitStatusExt;
        let time_text = std::fs::read_to_string(&timefile).unwrap_or_default();
        let mut signal = status.signal();
        let mut code = status.code();
        if let Some(line) = time_text
            .lines()
            .find(|l| l.contains("terminated by signal"))
        {
            signal = line.rsplit(' ').next().and_then(|s| s.parse().ok());
            code = None;
        } else if self.time && matches!(code, Some(c) if c >= 128) {
            // `time` reports a killed child as 128 + signal.
            signal = code.map(|c| c - 128);
            code = None;
        }
        let peak_kb = time_text
            .lines()
            .last()
            .and_then(|l| l.trim().parse::<u64>().ok());
        Outcome {
            code,
            signal,
            timed_out,
            ms,
            peak_kb,
            out: head(&outfile),
            err: head(&errfile),
        }
    }
}

fn head(p: &Path) -> String {
    let mut buf = Vec::new();
    if let Ok(f) = std::fs::File::open(p) {
        let _ = f.take(256 * 1024).read_to_end(&mut buf);
    }
    String::from_utf8_lossy(&buf).into_owned()
}

fn args_for(case: &Case) -> Vec<OsString> {
    let input = case.input.clone().into_os_string();
    match &case.run {
        Run::Check => vec!["check".into(), input],
        Run::Convert { out } => vec!["convert".into(), input, out.clone().into_os_string()],
        Run::Render { out, tour: true } => vec![
            "render".into(),
            input,
            "--tour".into(),
            out.clone().into_os_string(),
            "--format".into(),
            "svg".into(),
        ],
        Run::Render { out, tour: false } => {
            vec![
                "render".into(),
                input,
                "-o".into(),
                out.clone().into_os_string(),
            ]
        }
    }
}

/// The paths a refusal may name: the input and, for `convert`/`render`, the output and the
/// sidecars beside the input.
fn names_for(case: &Case) -> Vec<String> {
    let mut v = vec![case.input.display().to_string()];
    match &case.run {
        Run::Convert { out } | Run::Render { out, .. } => v.push(out.display().to_string()),
        Run::Check => {}
    }
    let stem = case
        .input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    for side in ["views", "layout"] {
        v.push(
            case.input
                .with_file_name(format!("{stem}.{side}.ron"))
                .display()
                .to_string(),
        );
    }
    v
}

/// Everything wrong with one run (empty when it passed).
fn judge(case: &Case, o: &Outcome) -> Vec<String> {
    let mut bad = Vec::new();
    let cap = time_cap();
    if o.timed_out {
        bad.push(format!(
            "killed after the {} ms time cap (hang)",
            cap.as_millis()
        ));
    } else if let Some(sig) = o.signal {
        let what = if o.err.contains("memory allocation") {
            " (out of memory under the cap)"
        } else {
            ""
        };
        bad.push(format!("killed by signal {sig}{what}"));
    }
    if o.err.contains("panicked") || o.code == Some(101) {
        let line = o
            .err
            .lines()
            .find(|l| l.contains("panicked"))
            .unwrap_or("exit 101");
        bad.push(format!("panic: {line}"));
    } else if o.err.contains("memory allocation of") {
        bad.push("allocation failure".into());
    }
    match o.code {
        Some(0) if case.expect == Expect::Refused => bad.push("exit 0 but must be refused".into()),
        Some(1) if case.expect == Expect::Ok => bad.push(format!(
            "exit 1 but must open: {}",
            first_line(&o.err, &o.out)
        )),
        Some(0 | 1) | None => {}
        Some(c) => bad.push(format!(
            "exit {c} (want 0 or 1): {}",
            first_line(&o.err, &o.out)
        )),
    }
    if o.code == Some(1) {
        let all = format!("{}\n{}", o.out, o.err);
        if !names_for(case)
            .iter()
            .any(|n| all.contains(&format!("{n}:")))
        {
            bad.push(format!(
                "refused without a `path:` message: {}",
                first_line(&o.err, &o.out)
            ));
        }
    }
    if let Some(kb) = o.peak_kb
        && kb * 1024 > rss_cap_bytes()
    {
        bad.push(format!("peak RSS {} MB over the cap", kb / 1024));
    }
    if o.code.is_some() && !o.timed_out {
        bad.extend(checks::post_check(&case.post));
    }
    bad
}

fn first_line<'a>(err: &'a str, out: &'a str) -> &'a str {
    err.lines()
        .chain(out.lines())
        .find(|l| !l.trim().is_empty())
        .unwrap_or("(no output)")
}

fn keep_dir() -> bool {
    std::env::var_os("HOSTILE_KEEP").is_some()
}

#[test]
fn cli_survives_every_hostile_input() {
    let tmp = tempfile::Builder::new()
        .prefix("hostile-")
        .tempdir()
        .unwrap();
    let dir = tmp.path().join("in");
    let scratch = tmp.path().join("run");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::create_dir_all(&scratch).unwrap();
    let t0 = Instant::now();
    let generated = inputs::generate(&dir);
    let gen_ms = t0.elapsed().as_millis();
    let only = std::env::var("HOSTILE_ONLY").ok();
    let runner = Runner::new(&scratch);
    println!(
        "hostile: {} cases generated in {gen_ms} ms under {}; caps: {} MB address space ({}), {} ms; peak RSS from {}",
        generated.cases.len(),
        dir.display(),
        mem_cap_bytes() / 1_000_000,
        if runner.prlimit {
            "prlimit --as"
        } else {
            "ulimit -v"
        },
        time_cap().as_millis(),
        if runner.time {
            "/usr/bin/time"
        } else {
            "(unavailable)"
        },
    );
    for (name, why) in &generated.skipped {
        println!("skipped {name}: {why}");
    }
    println!(
        "{:<44} {:>5} {:>7} {:>8}  result",
        "input", "exit", "ms", "peak MB"
    );
    let mut failures = Vec::new();
    let mut total_ms = 0u128;
    for (i, case) in generated.cases.iter().enumerate() {
        if only.as_deref().is_some_and(|o| !case.name.contains(o)) {
            continue;
        }
        let o = runner.run(&format!("{i:03}"), &args_for(case));
        total_ms += o.ms;
        let bad = judge(case, &o);
        let exit = match (o.code, o.signal, o.timed_out) {
            (_, _, true) => "TIME".to_string(),
            (Some(c), _, _) => c.to_string(),
            (None, Some(s), _) => format!("sig{s}"),
            _ => "?".into(),
        };
        let peak = o
            .peak_kb
            .map(|k| format!("{:.1}", k as f64 / 1024.0))
            .unwrap_or_else(|| "?".into());
        let result = if bad.is_empty() {
            "ok".to_string()
        } else {
            format!("FAIL: {}", bad.join("; "))
        };
        println!(
            "{:<44} {:>5} {:>7} {:>8}  {}",
            case.name, exit, o.ms, peak, result
        );
        if !bad.is_empty() {
            failures.push(format!("{}: {}", case.name, bad.join("; ")));
        }
    }
    println!("hostile: CLI time {total_ms} ms in all");
    if keep_dir() {
        let kept = tmp.keep();
        println!("hostile: inputs kept in {}", kept.display());
    } else {
        // Make the read-only / unreadable files removable.
        restore_modes(&dir);
    }
    assert!(
        failures.is_empty(),
        "{} hostile input(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn restore_modes(dir: &Path) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            if let Ok(m) = e.path().symlink_metadata()
                && m.is_file()
            {
                inputs::set_mode(&e.path(), 0o644);
            }
        }
    }
}
