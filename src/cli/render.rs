//! `innovation-atlas render FILE [--view NAME] -o OUT.svg|OUT.png [--width W --height H]` and
//! `render FILE --tour DIR`: headless export of saved views (or the whole graph) for slides.

use crate::io::{self, views};
use crate::layout::{ForceLayout, ForceParams, LayoutGraph, Positions};
use crate::model::KnowledgeGraph;
use crate::view::LabelLang;
pub use crate::view::export::caption_lines;
use crate::view::export::{AppliedView, Scene, Theme, apply_view, scene_to_svg, svg_to_png};
use crate::view::group_fold;
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Most iterations of the force layout when there is no layout sidecar (it stops earlier once
/// settled); deterministic with the default seed.
pub const LAYOUT_ITERATIONS: usize = 3000;

#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    /// Data file (`.ron`); views come from `NAME.views.ron` beside it.
    pub file: PathBuf,
    /// Render this saved view (by name); default: the whole graph.
    #[arg(long, value_name = "NAME", conflicts_with = "tour")]
    pub view: Option<String>,
    /// Output image; the extension chooses the format (`.svg` or `.png`).
    #[arg(
        short = 'o',
        long = "output",
        value_name = "OUT",
        required_unless_present = "tour"
    )]
    pub out: Option<PathBuf>,
    /// Write every view of the tour as numbered images `01.png`, `02.png`, … into DIR.
    #[arg(long, value_name = "DIR", conflicts_with = "out")]
    pub tour: Option<PathBuf>,
    /// Image format of `--tour`.
    #[arg(long, value_enum, default_value = "png")]
    pub format: ImageFormat,
    /// Image width in pixels (SVG: user units).
    #[arg(long, default_value_t = 1600)]
    pub width: u32,
    /// Image height in pixels (SVG: user units).
    #[arg(long, default_value_t = 900)]
    pub height: u32,
    /// Label language, unless the view sets its own.
    #[arg(long, value_enum, default_value = "both")]
    pub lang: LangArg,
    /// Colour theme: light, dark, or projector (light, high contrast, larger labels).
    #[arg(long, value_enum, default_value = "light")]
    pub theme: ThemeArg,
    /// Views file (default: `NAME.views.ron` beside FILE).
    #[arg(long, value_name = "PATH")]
    pub views: Option<PathBuf>,
    /// Embed the bundled font in SVG output (≈4.7 MB) so any viewer shows Chinese.
    #[arg(long)]
    pub embed_font: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImageFormat {
    Png,
    Svg,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    En,
    Zh,
    Both,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
    Projector,
}

pub fn run(args: RenderArgs) -> ExitCode {
    match render(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

fn render(args: &RenderArgs) -> Result<(), String> {
    if args.width == 0 || args.height == 0 || args.width > 16384 || args.height > 16384 {
        return Err(format!(
            "--width/--height must be between 1 and 16384 (got {}×{})",
            args.width, args.height
        ));
    }
    let data = io::formats::load_any(&args.file).map_err(|d| io::join_diagnostics(&d))?;
    let kg = KnowledgeGraph::build(data);
    let positions = positions_for(&args.file, &kg)?;
    let views_path = args
        .views
        .clone()
        .unwrap_or_else(|| views::views_sidecar_path(&args.file));
    let need_views = args.view.is_some() || args.tour.is_some();
    let saved = if need_views {
        views::load_views(&views_path)
            .map_err(|d| d.to_string())?
            .ok_or_else(|| format!("{}: no views file", views_path.display()))?
    } else {
        views::Views::default()
    };

    if let Some(dir) = &args.tour {
        if saved.views.is_empty() {
            return Err(format!("{}: the tour has no views", views_path.display()));
        }
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create directory: {e}", dir.display()))?;
        let ext = match args.format {
            ImageFormat::Png => "png",
            ImageFormat::Svg => "svg",
        };
        let digits = saved.views.len().to_string().len().max(2);
        for (i, view) in saved.views.iter().enumerate() {
            let out = dir.join(format!("{:0digits$}.{ext}", i + 1));
            write_view(args, &kg, &positions, Some(view), &out)?;
            eprintln!("{}: {}", out.display(), view.name);
        }
        return Ok(());
    }

    let view = match &args.view {
        Some(name) => Some(saved.find(name).ok_or_else(|| {
            let names: Vec<&str> = saved.views.iter().map(|v| v.name.as_str()).collect();
            format!(
                "{}: no view named {name:?}; views: {}",
                views_path.display(),
                names.join(", ")
            )
        })?),
        None => None,
    };
    let out = args.out.as_deref().ok_or("missing -o OUT")?;
    write_view(args, &kg, &positions, view, out)
}

/// Positions from the layout sidecar when it covers every node, else a deterministic layout
/// (sidecar positions, where present, are kept pinned in place).
pub fn positions_for(file: &Path, kg: &KnowledgeGraph) -> Result<Positions, String> {
    let n = kg.node_bound();
    let params = ForceParams::default();
    let mut positions = Positions::random(n, params.seed);
    let mut from_sidecar = 0;
    let sidecar = io::layout_sidecar_path(file);
    if let Some(saved) = io::load_layout(&sidecar).map_err(|d| d.to_string())? {
        for ix in kg.node_indices() {
            if let Some(p) = saved.positions.get(&kg.node(ix).id) {
                positions.xy[ix.index()] = [p.x, p.y];
                positions.pinned[ix.index()] = true;
                from_sidecar += 1;
            }
        }
    }
    if from_sidecar < kg.node_count() {
        let edges = kg.graph.edge_indices().filter_map(|e| {
            let (a, b) = kg.graph.edge_endpoints(e)?;
            Some((a.index() as u32, b.index() as u32))
        });
        let graph = LayoutGraph::full(n, edges);
        let mut layout = ForceLayout::new(params);
        for _ in 0..LAYOUT_ITERATIONS {
            layout.step(&mut positions, &graph);
            if layout.settled() {
                break;
            }
        }
    }
    Ok(positions)
}

fn write_view(
    args: &RenderArgs,
    kg: &KnowledgeGraph,
    positions: &Positions,
    view: Option<&views::View>,
    out: &Path,
) -> Result<(), String> {
    let lang = match args.lang {
        LangArg::En => LabelLang::English,
        LangArg::Zh => LabelLang::Chinese,
        LangArg::Both => LabelLang::Both,
    };
    let whole = views::View::default();
    let mut applied: AppliedView = apply_view(kg, view.unwrap_or(&whole));
    if !applied.missing.is_empty() {
        eprintln!(
            "warning: view {:?} names what the graph lacks: {}",
            view.map_or("", |v| v.name.as_str()),
            applied.missing.join(", ")
        );
    }
    let lang = applied.lang.unwrap_or(lang);
    let (title, caption) = match view {
        Some(v) => (v.name.clone(), caption_lines(v, lang)),
        None => {
            let t = &kg.data.title;
            let title = match lang {
                LabelLang::English => t.en.clone(),
                LabelLang::Chinese => t.zh.clone(),
                LabelLang::Both => format!("{} · {}", t.zh, t.en),
            };
            (title, Vec::new())
        }
    };
    // A view with its own arrangement is drawn with it; the graph area is about 3/4 of the
    // image's height (caption above, legend and sources below).
    let aspect = args.width as f32 / (args.height as f32 * 0.75);
    let positions = applied.positions(kg, positions, aspect);
    // The view's groups, folded as on the screen: meta-nodes at their members' centroid.
    let seed = ForceParams::default().seed;
    let folded = (view.and_then(|v| v.groups.as_ref()))
        .and_then(|state| group_fold::fold(kg, &applied.visible, state, &positions, seed));
    if let Some(f) = &folded {
        applied.visible = f.visible.clone();
        let p = &f.projection;
        applied.highlight_nodes = (applied.highlight_nodes.iter())
            .filter_map(|x| p.shown(*x))
            .collect();
        applied.focus_nodes = (applied.focus_nodes.iter())
            .filter_map(|x| p.shown(*x))
            .collect();
    }
    let positions = match &folded {
        Some(f) => std::borrow::Cow::Borrowed(&f.positions),
        None => positions,
    };
    let mut scene = Scene::from_view(
        kg,
        &positions,
        &applied,
        lang,
        title,
        caption,
        args.width,
        args.height,
    );
    scene.theme = match args.theme {
        ThemeArg::Light => Theme::Light,
        ThemeArg::Dark => Theme::Dark,
        ThemeArg::Projector => Theme::Projector,
    };
    let ext = out
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    scene.embed_font = args.embed_font && ext == "svg";
    scene.overlay = folded.as_ref().map(|f| &f.overlay);
    let svg = scene_to_svg(&scene);
    let bytes = match ext.as_str() {
        "svg" => svg.into_bytes(),
        "png" => svg_to_png(&svg, args.width, args.height)?,
        _ => {
            return Err(format!(
                "{}: the output must end in .svg or .png",
                out.display()
            ));
        }
    };
    io::write_atomic(out, &bytes).map_err(|e| format!("{}: cannot write: {e}", out.display()))
}
