//! The generator of hostile inputs: every file is built at test time in a temporary directory
//! (nothing big is committed). Each [`Case`] says how the CLI runs on it and what must happen.
//!
//! Classes (issue #13): truncation (inside strings, after `\"`), encodings (invalid UTF-8, BOM,
//! UTF-16, CRLF, NUL bytes), 10⁶ diagnostics, deep nesting in every format, amplification
//! (DOT subgraph products and `node[...]`/`edge[...]` defaults, GraphML `<key>` defaults, GEXF
//! attribute defaults, GML nested key prefixes), quadratic traps (GML `&amp;`, thousands of DOT
//! subgraphs, 100k attributes on one element or object), huge numbers and NaN/inf coordinates,
//! duplicate ids and fields, unterminated strings and comments, sidecars (FIFO, NaN, zoom 0,
//! deep nesting), and the file system (symlinks, loops, FIFOs, devices, directories, sparse
//! files over the size limit, unreadable files, read-only and symlinked outputs).

#[path = "inputs/formats_ron.rs"]
mod formats_ron;
#[path = "inputs/formats_text.rs"]
mod formats_text;
#[path = "inputs/formats_xml.rs"]
mod formats_xml;
#[path = "inputs/output.rs"]
mod output;

use formats_ron::ron_cases;
use formats_text::{csv_cases, dot_cases, gml_cases, json_cases};
use formats_xml::{gexf_cases, graphml_cases};
use output::{filesystem_cases, output_cases, sidecar_cases};
use std::path::{Path, PathBuf};

/// How the CLI is run on a case.
#[derive(Clone, Debug)]
pub enum Run {
    /// `check FILE`.
    Check,
    /// `convert FILE OUT` (OUT in the case's directory, named after the case, or given).
    Convert { out: PathBuf },
    /// `render FILE --tour DIR --format svg` (reads the views sidecar) or, without views,
    /// `render FILE -o OUT.svg` (reads the layout sidecar).
    Render { out: PathBuf, tour: bool },
}

/// What the exit must be (beyond "0 or 1, no panic, no signal, within the caps").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// Must open / convert: exit 0.
    Ok,
    /// Must be refused with a message naming the file: exit 1.
    Refused,
    /// Either, as long as a refusal names the file.
    Either,
}

/// A check run on the files after the CLI exits.
#[derive(Clone, Debug)]
pub enum Post {
    None,
    /// This file must still hold exactly these bytes.
    Unchanged(PathBuf, Vec<u8>),
    /// `link` must still be a symlink and its target must have been written (non-empty, and
    /// different from `before`).
    StillLink {
        link: PathBuf,
        before: Vec<u8>,
    },
    /// Every `.svg` in this directory (or this file) must be well-formed XML without NaN/inf.
    SvgClean(PathBuf),
    /// No CSV cell of this file (or of its `.edges.csv`) may start with `=`, `+`, `-` or `@`.
    CsvNoFormula(PathBuf),
    /// The Cypher output must not leave a backslash unescaped inside a backquoted name.
    CypherEscaped(PathBuf),
}

#[derive(Clone, Debug)]
pub struct Case {
    pub name: String,
    pub input: PathBuf,
    pub run: Run,
    pub expect: Expect,
    pub post: Post,
}

/// The canonical small RON file every RON case starts from.
pub fn tiny_ron() -> String {
    std::fs::read_to_string(crate::common::fixture("tiny.ron")).expect("tests/fixtures/tiny.ron")
}

/// `tiny.ron` with escapes in strings (`\"`, `\\`, `\n`, `\u{…}`), so truncations land right
/// after a backslash and right after `\"`.
pub fn tiny_ron_escaped() -> String {
    let t = tiny_ron().replace(r#"en: "Wang""#, r#"en: "Wang \"W\" \\ \n \u{5b57} x""#);
    assert!(t.contains(r#"\""#), "tiny.ron changed: no en: \"Wang\"");
    t
}

pub const TINY_GRAPHML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <node id="a"><data key="d0">A</data></node>
    <node id="b"><data key="d0">B</data></node>
    <edge source="a" target="b"/>
  </graph>
</graphml>
"#;

pub const TINY_GEXF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph defaultedgetype="directed">
    <nodes><node id="a" label="A"/><node id="b" label="B"/></nodes>
    <edges><edge id="0" source="a" target="b"/></edges>
  </graph>
</gexf>
"#;

pub const TINY_GML: &str = "graph [\n  directed 1\n  node [ id 0 label \"A\" ]\n  node [ id 1 label \"B\" ]\n  edge [ source 0 target 1 ]\n]\n";

pub const TINY_JSON: &str = r#"{"directed": true, "multigraph": false, "graph": {}, "nodes": [{"id": "a", "label": "A"}, {"id": "b"}], "links": [{"source": "a", "target": "b"}]}
"#;

pub const TINY_DOT: &str = "digraph G {\n  a [label=\"A\"];\n  b;\n  a -> b [label=\"x\"];\n}\n";

pub const TINY_CSV: &str = "id,label,kind\na,A,Lab\nb,B,\n";

/// The generator: writes every input under `dir` and returns the cases.
pub struct Gen {
    pub dir: PathBuf,
    pub cases: Vec<Case>,
    /// Cases that could not be built here (e.g. no `mkfifo`), with the reason.
    pub skipped: Vec<(String, String)>,
}

impl Gen {
    pub fn new(dir: &Path) -> Self {
        Gen {
            dir: dir.to_path_buf(),
            cases: Vec::new(),
            skipped: Vec::new(),
        }
    }

    fn write(&self, file: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.join(file);
        std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        p
    }

    fn out_for(&self, name: &str, ext: &str) -> PathBuf {
        self.dir.join(format!("{name}.out.{ext}"))
    }

    /// Where `render` writes for a case: a directory for a tour of the views, else one SVG.
    fn render_out(&self, name: &str, tour: bool) -> PathBuf {
        if tour {
            self.dir.join(format!("{name}.tour"))
        } else {
            self.out_for(name, "svg")
        }
    }

    /// A case reading `bytes` as a file `NAME.EXT`, run with `check` for RON and `convert …
    /// OUT.json` otherwise.
    fn add(&mut self, name: &str, ext: &str, bytes: impl AsRef<[u8]>, expect: Expect) {
        let input = self.write(&format!("{name}.{ext}"), bytes);
        self.add_path(name, input, expect);
    }

    fn add_path(&mut self, name: &str, input: PathBuf, expect: Expect) {
        let ext = input
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        let run = if ext == "ron" {
            Run::Check
        } else {
            Run::Convert {
                out: self.out_for(name, "json"),
            }
        };
        self.push(name, input, run, expect, Post::None);
    }

    fn push(&mut self, name: &str, input: PathBuf, run: Run, expect: Expect, post: Post) {
        self.cases.push(Case {
            name: name.to_string(),
            input,
            run,
            expect,
            post,
        });
    }

    fn skip(&mut self, name: &str, why: impl Into<String>) {
        self.skipped.push((name.to_string(), why.into()));
    }
}

/// Every hostile input, written under `dir`.
pub fn generate(dir: &Path) -> Gen {
    let mut g = Gen::new(dir);
    encodings(&mut g);
    ron_cases(&mut g);
    graphml_cases(&mut g);
    gexf_cases(&mut g);
    gml_cases(&mut g);
    json_cases(&mut g);
    dot_cases(&mut g);
    csv_cases(&mut g);
    output_cases(&mut g);
    sidecar_cases(&mut g);
    filesystem_cases(&mut g);
    g
}

/// Each format's small valid file, and the same bytes damaged the ways editors and transfers
/// damage text.
fn encodings(g: &mut Gen) {
    let tiny = tiny_ron();
    let samples: [(&str, &str); 7] = [
        ("ron", tiny.as_str()),
        ("graphml", TINY_GRAPHML),
        ("gexf", TINY_GEXF),
        ("gml", TINY_GML),
        ("json", TINY_JSON),
        ("dot", TINY_DOT),
        ("csv", TINY_CSV),
    ];
    for (ext, text) in samples {
        let b = text.as_bytes();
        g.add(&format!("{ext}_valid"), ext, b, Expect::Ok);
        g.add(
            &format!("{ext}_bom"),
            ext,
            [b"\xef\xbb\xbf".as_slice(), b].concat(),
            Expect::Ok,
        );
        g.add(
            &format!("{ext}_crlf"),
            ext,
            text.replace('\n', "\r\n"),
            Expect::Ok,
        );
        g.add(
            &format!("{ext}_cr_only"),
            ext,
            text.replace('\n', "\r"),
            Expect::Either,
        );
        g.add(&format!("{ext}_empty"), ext, b"", Expect::Either);
        g.add(
            &format!("{ext}_whitespace"),
            ext,
            b" \n\t\r\n \x0c",
            Expect::Either,
        );
        g.add(
            &format!("{ext}_only_bom"),
            ext,
            b"\xef\xbb\xbf",
            Expect::Either,
        );
        g.add(
            &format!("{ext}_double_bom"),
            ext,
            [b"\xef\xbb\xbf\xef\xbb\xbf".as_slice(), b].concat(),
            Expect::Either,
        );
        // NUL bytes: at the start, in the middle (often inside a string), at the end.
        let mid = b.len() / 2;
        g.add(
            &format!("{ext}_nul_start"),
            ext,
            [b"\0".as_slice(), b].concat(),
            Expect::Either,
        );
        g.add(
            &format!("{ext}_nul_mid"),
            ext,
            [&b[..mid], b"\0\0\0", &b[mid..]].concat(),
            Expect::Either,
        );
        g.add(
            &format!("{ext}_nul_end"),
            ext,
            [b, b"\0".as_slice()].concat(),
            Expect::Either,
        );
        // Invalid UTF-8: a stray continuation byte, an overlong encoding, an encoded surrogate,
        // a truncated multi-byte sequence at the end.
        g.add(
            &format!("{ext}_bad_utf8"),
            ext,
            [&b[..mid], b"\xff\x80", &b[mid..]].concat(),
            Expect::Refused,
        );
        g.add(
            &format!("{ext}_overlong_utf8"),
            ext,
            [&b[..mid], b"\xc0\xaf", &b[mid..]].concat(),
            Expect::Refused,
        );
        g.add(
            &format!("{ext}_surrogate_utf8"),
            ext,
            [&b[..mid], b"\xed\xa0\x80", &b[mid..]].concat(),
            Expect::Refused,
        );
        g.add(
            &format!("{ext}_cut_utf8"),
            ext,
            [b, b"\xe5\xad".as_slice()].concat(),
            Expect::Refused,
        );
        // UTF-16 (what Windows tools write as "Unicode").
        let mut u16le = vec![0xff, 0xfe];
        for u in text.encode_utf16() {
            u16le.extend_from_slice(&u.to_le_bytes());
        }
        g.add(&format!("{ext}_utf16le"), ext, u16le, Expect::Either);
        // Truncated in the middle (a file cut mid-write), on a char boundary.
        let mut cut = mid;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        g.add(
            &format!("{ext}_truncated_half"),
            ext,
            &text[..cut],
            Expect::Either,
        );
        // One very long line: 4 MB of spaces before the content.
        g.add(
            &format!("{ext}_long_line"),
            ext,
            [vec![b' '; 4 << 20].as_slice(), b].concat(),
            Expect::Either,
        );
    }
}

pub fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A sparse file of `len` bytes (all NUL; takes no disk space).
fn sparse(p: &Path, len: u64) {
    let f = std::fs::File::create(p).unwrap();
    f.set_len(len).unwrap();
}

/// A FIFO at `dir/name` via the `mkfifo` command; `None` when it is unavailable.
pub fn mkfifo(dir: &Path, name: &str) -> Option<PathBuf> {
    let p = dir.join(name);
    let ok = std::process::Command::new("mkfifo")
        .arg(&p)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    ok.then_some(p)
}
