//! `innovation-atlas bench layout`: times our ForceAtlas2 against the `fa2` crate on the same
//! graph in the same process and prints one JSON line with speed, peak memory and layout quality.

use super::measure::{median, peak_rss_kb};
use crate::layout::{
    self, ForceLayout, ForceParams, LayoutGraph, Positions, barabasi_albert, multilevel_start,
};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    #[command(subcommand)]
    pub what: BenchWhat,
}

#[derive(clap::Subcommand, Debug)]
pub enum BenchWhat {
    /// Time ForceAtlas2 iterations against the `fa2` crate and measure layout quality.
    Layout(LayoutArgs),
    /// Open a data file as the app does, stage by stage, and report time and memory.
    Open(super::bench_open::OpenArgs),
    /// Push a generated graph into a graph database against loading our Cypher script export,
    /// and open a two-hop neighbourhood (issue #17).
    Db(super::db_bench::DbBenchArgs),
}

#[derive(clap::Args, Debug)]
pub struct LayoutArgs {
    /// Generate a Barabási–Albert graph (m = 2, seeded, shuffled ids) with this many nodes.
    #[arg(long, required_unless_present = "edges", conflicts_with = "edges")]
    pub nodes: Option<usize>,
    /// Read the graph from an edge list: one `u v` pair of integer ids per line.
    #[arg(long)]
    pub edges: Option<PathBuf>,
    /// Force iterations to run (after the multilevel start).
    #[arg(long, default_value_t = 100)]
    pub iters: usize,
    /// Also measure the time to a usable picture: the first checkpoint (0, 1, 2, 5, then every
    /// 10 iterations after the multilevel start) whose stress is within 0.01 of the stress 300 iterations
    /// later. Costs 300+ more iterations and a stress evaluation per checkpoint (not timed).
    #[arg(long)]
    pub usable: bool,
    /// Worker threads (default: one per core). Results depend on the seed only.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Seed of the generated graph and of the layout's random start.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Write the final positions as `id x y` lines.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

pub fn run(args: BenchArgs) -> ExitCode {
    let result = match args.what {
        BenchWhat::Db(a) => super::db_bench::bench_db(&a),
        BenchWhat::Layout(a) => bench_layout(&a),
        BenchWhat::Open(a) => super::bench_open::bench_open(&a),
    };
    match result {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

/// Parse `u v` lines (blank lines and `#` comments skipped) into edges and the node count.
pub fn read_edges(path: &Path) -> Result<(usize, Vec<(u32, u32)>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut edges = Vec::new();
    let mut n = 0usize;
    for (k, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut it = line.split_whitespace().map(str::parse::<u32>);
        match (it.next(), it.next()) {
            (Some(Ok(a)), Some(Ok(b))) => {
                n = n.max(a.max(b) as usize + 1);
                edges.push((a, b));
            }
            _ => {
                return Err(format!(
                    "{}:{}:1: expected two node ids `u v`",
                    path.display(),
                    k + 1
                ));
            }
        }
    }
    Ok((n, edges))
}

/// The parameters the benchmark (and big graphs in the app) use.
pub fn bench_params(seed: u64) -> ForceParams {
    // Gephi's defaults for big graphs (scaling 1, plain gravity 1) gave the lowest stress on
    // Barabási–Albert graphs among the settings tried; the app keeps its own defaults.
    ForceParams {
        seed,
        scaling: 1.0,
        gravity: 1.0,
        strong_gravity: false,
        ..ForceParams::default()
    }
}

fn bench_layout(a: &LayoutArgs) -> Result<String, String> {
    let (n, edges) = match (&a.edges, a.nodes) {
        (Some(path), _) => read_edges(path)?,
        (None, Some(n)) => (n, barabasi_albert(n, 2, a.seed)),
        (None, None) => return Err("give --nodes N or --edges FILE".into()),
    };
    let threads = a.threads.unwrap_or_else(rayon::current_num_threads).max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| format!("cannot start {threads} threads: {e}"))?;
    pool.install(|| {
        let g = LayoutGraph::full(n, edges.iter().copied());
        let params = bench_params(a.seed);
        let t0 = Instant::now();
        let start = Positions::random(n, a.seed);
        let mut pos = multilevel_start(&g, &params, &start);
        let init_ms = t0.elapsed().as_secs_f64() * 1e3;
        let mut fa2 = ForceLayout::new(params.clone());
        let mut times = Vec::with_capacity(a.iters);
        let mut usable = Usable::new(a.usable);
        let mut at_iters = None;
        for it in 0.. {
            if it == a.iters {
                at_iters = Some(pos.clone());
            }
            usable.checkpoint(it, &pos.xy, &edges, &times);
            if it >= a.iters && usable.done() {
                break;
            }
            let t = Instant::now();
            fa2.step(&mut pos, &g);
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let pos = at_iters.unwrap_or(pos);
        let layout_ms = init_ms + times.iter().take(a.iters).sum::<f64>();
        if let Some(out) = &a.out {
            let mut text = String::with_capacity(n * 24);
            for (i, [x, y]) in pos.xy.iter().enumerate() {
                text.push_str(&format!("{i} {x} {y}\n"));
            }
            std::fs::write(out, text).map_err(|e| format!("{}: {e}", out.display()))?;
        }

        let (ref_times, ref_xy) = reference(n, &edges, &start, params.theta, threads, a.iters);
        let q = |xy: &[[f32; 2]]| {
            (
                layout::quality::stress(xy, &edges, 20, 1),
                layout::quality::edge_length_ratio(xy, &edges, 200_000, 1),
            )
        };
        let (stress, elr) = q(&pos.xy);
        let (ref_stress, ref_elr) = q(&ref_xy);
        let line = serde_json::json!({
            "tool": "innovation-atlas",
            "n": n,
            "e": edges.len(),
            "iters": a.iters,
            "threads": threads,
            "seed": a.seed,
            "init_ms": round3(init_ms),
            "ms_per_iter": round3(median(times.iter().take(a.iters).copied().collect())),
            "layout_s": round3(layout_ms / 1e3),
            "stress": round4(stress),
            "edge_length_ratio": round4(elr),
            "reference": format!("fa2 0.3 crate, Barnes-Hut theta {}, same start", params.theta),
            "reference_ms_per_iter": round3(median(ref_times)),
            "reference_stress": round4(ref_stress),
            "reference_edge_length_ratio": round4(ref_elr),
            "peak_rss_kb": peak_rss_kb(),
        });
        let mut line = line;
        if a.usable {
            let found = usable.found;
            line["usable_iters"] = serde_json::json!(found.map(|f| f.iters));
            line["usable_s"] = serde_json::json!(found.map(|f| round3((init_ms + f.ms) / 1e3)));
            line["usable_stress"] = serde_json::json!(found.map(|f| round4(f.stress)));
            line["usable_stress_300_later"] = serde_json::json!(found.map(|f| round4(f.later)));
        }
        Ok(line.to_string())
    })
}

/// Checkpoints of the usable-picture measure: right after the start, after 1, 2 and 5
/// iterations (an iteration takes most of a second at a million nodes), then every 10.
fn is_checkpoint(it: usize) -> bool {
    matches!(it, 0 | 1 | 2 | 5) || it.is_multiple_of(10)
}
/// "300 more iterations" of the usable-picture measure.
const LATER: usize = 300;
/// Give up on finding a usable picture after this many iterations.
const USABLE_CAP: usize = 3000;
/// Stress margin of a usable picture.
const USABLE_MARGIN: f64 = 0.01;

#[derive(Clone, Copy)]
struct Found {
    iters: usize,
    /// FA2 time (ms) spent up to the usable checkpoint, after the multilevel start.
    ms: f64,
    stress: f64,
    later: f64,
}

/// The usable-picture measure: stress at every checkpoint, compared with the stress
/// `LATER` iterations on.
struct Usable {
    on: bool,
    stresses: Vec<(usize, f64, f64)>,
    found: Option<Found>,
    given_up: bool,
}

impl Usable {
    fn new(on: bool) -> Self {
        Usable {
            on,
            stresses: Vec::new(),
            found: None,
            given_up: false,
        }
    }

    fn done(&self) -> bool {
        !self.on || self.found.is_some() || self.given_up
    }

    /// At iteration `it` (`times`: the step times so far), record the stress at a checkpoint
    /// and see whether the one `LATER` iterations back was usable.
    fn checkpoint(&mut self, it: usize, xy: &[[f32; 2]], edges: &[(u32, u32)], times: &[f64]) {
        let later_of_early = it > LATER && is_checkpoint(it - LATER);
        if self.done() || !(is_checkpoint(it) || later_of_early) {
            return;
        }
        let s = layout::quality::stress(xy, edges, 20, 1);
        self.stresses.push((it, s, times.iter().sum()));
        if it >= LATER
            && let Some(&(k, sk, ms)) = self.stresses.iter().find(|c| c.0 == it - LATER)
            && sk <= s + USABLE_MARGIN
        {
            self.found = Some(Found {
                iters: k,
                ms,
                stress: sk,
                later: s,
            });
        }
        self.given_up = self.found.is_none() && it >= USABLE_CAP;
    }
}

/// The `fa2` crate from the same start positions; per-iteration times and final positions.
fn reference(
    n: usize,
    edges: &[(u32, u32)],
    start: &Positions,
    theta: f32,
    threads: usize,
    iters: usize,
) -> (Vec<f64>, Vec<[f32; 2]>) {
    let mut data = fa2::FA2Data::<f32>::with_capacity(n, edges.len());
    for p in &start.xy {
        data.add_node_with_position(p[0], p[1]);
    }
    for &(u, v) in edges {
        if u != v {
            data.add_edge(u as usize, v as usize);
        }
    }
    let settings = fa2::FA2Settings::<f32>::from_graph_order(n)
        .with_barnes_hut_theta(theta)
        .parallel(threads > 1);
    let mut runner = settings.build(data);
    let mut times = Vec::with_capacity(iters);
    for _ in 0..iters {
        let t = Instant::now();
        runner.epoch();
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let xy = runner.data().positions().map(|(x, y)| [x, y]).collect();
    (times, xy)
}

fn round3(v: f64) -> f64 {
    (v * 1e3).round() / 1e3
}

fn round4(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}
