//! The module tree of the crate from its file names; each path resolved through `use`
//! bindings, re-exports and globs to the file that defines the name; the import edges between
//! files and the cycles among them.

use super::lex::{self, PathUse};
use std::collections::{HashMap, HashSet};

pub struct File {
    /// Relative to the repository: `src/view/canvas.rs`.
    pub rel: String,
    /// `["view", "canvas"]`; `src/lib.rs` is `[]`, `src/main.rs` is `["main"]`.
    pub module: Vec<String>,
    paths: Vec<PathUse>,
    defines: HashSet<String>,
    /// Each name a `use` binds, to its absolute path (`None`: outside the crate).
    binds: HashMap<String, Option<Vec<String>>>,
    /// Absolute paths of the modules glob-imported (`use x::*`).
    globs: Vec<Vec<String>>,
}

/// One reference from a file to another.
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub to_top: String,
    pub line: usize,
    /// As written.
    pub path: String,
}

pub struct Crate {
    pub files: Vec<File>,
    modules: HashMap<Vec<String>, usize>,
    edges: Vec<Edge>,
}

/// The top-level module: `lib` for the crate root.
pub fn top_of(module: &[String]) -> String {
    module.first().cloned().unwrap_or_else(|| "lib".into())
}

fn module_of(rel: &str) -> Vec<String> {
    let p = rel.strip_prefix("src/").unwrap_or(rel);
    let p = p.strip_suffix(".rs").unwrap_or(p);
    let mut segs: Vec<String> = p.split('/').map(String::from).collect();
    if segs.last().is_some_and(|s| s == "mod" || s == "lib") {
        segs.pop();
    }
    segs
}

fn join(a: &[String], b: &[String]) -> Vec<String> {
    a.iter().chain(b).cloned().collect()
}

impl Crate {
    /// The crate from `(path relative to the repository, text)` of every file under `src/`.
    pub fn parse(sources: Vec<(String, String)>) -> Crate {
        let mut krate = Crate {
            files: Vec::new(),
            modules: HashMap::new(),
            edges: Vec::new(),
        };
        for (rel, text) in sources {
            let read = lex::read(&text);
            let module = module_of(&rel);
            krate.modules.insert(module.clone(), krate.files.len());
            krate.files.push(File {
                rel,
                module,
                paths: read.paths,
                defines: read.defines.into_iter().collect(),
                binds: HashMap::new(),
                globs: Vec::new(),
            });
        }
        // Bindings first (from paths that need none), then every path through them.
        for f in 0..krate.files.len() {
            let mut binds = HashMap::new();
            let mut globs = Vec::new();
            for p in krate.files[f].paths.iter().filter(|p| p.in_use) {
                let abs = krate.absolute(f, &p.segs, false);
                if p.glob {
                    globs.extend(abs);
                } else if let Some(name) = p.binds.as_ref().filter(|n| *n != "_") {
                    binds.insert(name.clone(), abs);
                }
            }
            krate.files[f].binds = binds;
            krate.files[f].globs = globs;
        }
        for f in 0..krate.files.len() {
            for p in &krate.files[f].paths {
                let Some(abs) = krate.absolute(f, &p.segs, true) else {
                    continue;
                };
                let Some(to) = krate.resolve(&abs, false, 0) else {
                    continue;
                };
                if to != f {
                    krate.edges.push(Edge {
                        from: f,
                        to,
                        to_top: top_of(&krate.files[to].module),
                        line: p.line,
                        path: p.segs.join("::"),
                    });
                }
            }
        }
        krate
    }

    pub fn edges(&self) -> impl Iterator<Item = &Edge> {
        self.edges.iter()
    }

    /// The absolute module path `segs` (as written in file `f`) names, or `None` when it is
    /// outside the crate (std, egui, a local variable's type…).
    fn absolute(&self, f: usize, segs: &[String], with_binds: bool) -> Option<Vec<String>> {
        let module = &self.files[f].module;
        let first = segs.first()?;
        match first.as_str() {
            "crate" => Some(segs[1..].to_vec()),
            "self" => Some(join(module, &segs[1..])),
            "super" => {
                let n = segs.iter().take_while(|s| *s == "super").count();
                // A file module's `super` is its parent; `main.rs` has none in the library.
                (n <= module.len() && top_of(module) != "main")
                    .then(|| join(&module[..module.len() - n], &segs[n..]))
            }
            name => {
                let child = join(module, &segs[..1]);
                if self.modules.contains_key(&child) {
                    Some(join(&child, &segs[1..]))
                } else if with_binds {
                    let target = self.files[f].binds.get(name)?.as_ref()?;
                    Some(join(target, &segs[1..]))
                } else {
                    None
                }
            }
        }
    }

    /// The file that defines what the absolute `path` names. Not `strict`: a name not found
    /// is taken to live in the last module reached.
    fn resolve(&self, path: &[String], strict: bool, depth: u8) -> Option<usize> {
        let mut m: Vec<String> = Vec::new();
        for (k, s) in path.iter().enumerate() {
            let child = join(&m, std::slice::from_ref(s));
            if self.modules.contains_key(&child) {
                m = child;
                continue;
            }
            let f = *self.modules.get(&m)?;
            let file = &self.files[f];
            if file.defines.contains(s) {
                return Some(f);
            }
            if depth < 8 {
                if let Some(target) = file.binds.get(s) {
                    let full = join(target.as_ref()?, &path[k + 1..]);
                    return self
                        .resolve(&full, strict, depth + 1)
                        .or((!strict).then_some(f));
                }
                for g in &file.globs {
                    let full = join(g, &path[k..]);
                    if let Some(r) = self.resolve(&full, true, depth + 1) {
                        return Some(r);
                    }
                }
            }
            return (!strict).then_some(f);
        }
        self.modules.get(&m).copied()
    }

    /// Sets of files of one top-level module that import each other in a circle, each sorted,
    /// the list sorted. An import between a file and its own parent or child module is not
    /// counted: a `mod.rs` and its parts are one unit.
    pub fn file_cycles(&self) -> Vec<Vec<usize>> {
        let n = self.files.len();
        let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
        for e in &self.edges {
            let (a, b) = (&self.files[e.from].module, &self.files[e.to].module);
            let nested = a.starts_with(b) || b.starts_with(a);
            if top_of(a) == top_of(b) && !nested && !adj[e.from].contains(&e.to) {
                adj[e.from].push(e.to);
            }
        }
        let mut cycles: Vec<Vec<usize>> = tarjan(&adj)
            .into_iter()
            .filter(|c| c.len() > 1)
            .map(|mut c| {
                c.sort_by(|&x, &y| self.files[x].rel.cmp(&self.files[y].rel));
                c
            })
            .collect();
        cycles.sort_by(|x, y| self.files[x[0]].rel.cmp(&self.files[y[0]].rel));
        cycles
    }
}

/// Strongly connected components (Tarjan).
fn tarjan(adj: &[Vec<usize>]) -> Vec<Vec<usize>> {
    struct St<'a> {
        adj: &'a [Vec<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        out: Vec<Vec<usize>>,
    }
    fn visit(s: &mut St, v: usize) {
        s.index[v] = Some(s.next);
        s.low[v] = s.next;
        s.next += 1;
        s.stack.push(v);
        s.on[v] = true;
        for &w in &s.adj[v] {
            match s.index[w] {
                None => {
                    visit(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(iw) if s.on[w] => s.low[v] = s.low[v].min(iw),
                Some(_) => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on[w] = false;
                comp.push(w);
                if w == v {
                    break;
                }
            }
            s.out.push(comp);
        }
    }
    let n = adj.len();
    let mut s = St {
        adj,
        index: vec![None; n],
        low: vec![0; n],
        on: vec![false; n],
        stack: Vec::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in 0..n {
        if s.index[v].is_none() {
            visit(&mut s, v);
        }
    }
    s.out
}
