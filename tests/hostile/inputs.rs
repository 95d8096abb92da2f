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

use std::fmt::Write as _;
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
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny.ron");
    std::fs::read_to_string(p).expect("tests/fixtures/tiny.ron")
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

fn ron_cases(g: &mut Gen) {
    let tiny = tiny_ron();
    let esc = tiny_ron_escaped();
    g.add("ron_escaped_valid", "ron", &esc, Expect::Ok);
    // Truncated right after `\` and right after `\"` (the fast parser's slice panic).
    let bs = esc.find('\\').unwrap();
    g.add(
        "ron_cut_after_backslash",
        "ron",
        &esc[..=bs],
        Expect::Refused,
    );
    g.add(
        "ron_cut_after_backslash_quote",
        "ron",
        &esc[..bs + 2],
        Expect::Refused,
    );
    let uni = esc.find(r"\u{").unwrap();
    g.add(
        "ron_cut_in_unicode_escape",
        "ron",
        &esc[..uni + 4],
        Expect::Refused,
    );
    // Truncated at the end of each line of the canonical file.
    for (i, (pos, _)) in tiny.match_indices('\n').enumerate().step_by(3) {
        g.add(
            &format!("ron_cut_line{}", i + 1),
            "ron",
            &tiny[..pos],
            Expect::Refused,
        );
    }
    // Bad escapes.
    for (n, s) in [
        ("surrogate", r"\u{D800}"),
        ("beyond_unicode", r"\u{110000}"),
        ("huge_unicode", r"\u{FFFFFFFFFFFFFFFFFFFF}"),
        ("bad_hex", r"\xZZ"),
        ("unknown_escape", r"\q"),
        ("empty_unicode", r"\u{}"),
    ] {
        g.add(
            &format!("ron_escape_{n}"),
            "ron",
            tiny.replace("Wang", &format!("W{s}")),
            Expect::Refused,
        );
    }
    // 10⁶ diagnostics: 250k edges between missing nodes, without citations, all duplicates
    // (4 problems each), ≈ 8 MB.
    let mut s = String::from("Dataset(format: 1, nodes: [], edges: [\n");
    for _ in 0..250_000 {
        s.push_str("Edge(from:\"x\",to:\"y\",rel:HeadOf),\n");
    }
    s.push_str("])\n");
    g.add("ron_million_diagnostics", "ron", s, Expect::Refused);
    // The same count in canonical layout (the fast parser's path), 100k edges.
    let mut s = tiny.trim_end().to_string();
    let at = s.rfind("    ],").unwrap();
    let mut extra = String::new();
    for i in 0..100_000 {
        let _ = writeln!(
            extra,
            "        Edge(from: \"m{i}\", to: \"a\", rel: HeadOf, cites: [Cite(source: \"nope\", quote: \"\")]),"
        );
    }
    s.insert_str(at, &extra);
    g.add("ron_many_diagnostics_canonical", "ron", s, Expect::Refused);
    // Deep nesting.
    g.add(
        "ron_deep_brackets",
        "ron",
        format!("Dataset(nodes: {}", "[".repeat(200_000)),
        Expect::Refused,
    );
    g.add(
        "ron_deep_parens",
        "ron",
        "(".repeat(200_000),
        Expect::Refused,
    );
    g.add(
        "ron_deep_closed",
        "ron",
        format!(
            "Dataset(title: {}{})",
            "(".repeat(50_000),
            ")".repeat(50_000)
        ),
        Expect::Refused,
    );
    g.add(
        "ron_deep_some",
        "ron",
        format!(
            "Dataset(format: {}1{})",
            "Some(".repeat(50_000),
            ")".repeat(50_000)
        ),
        Expect::Refused,
    );
    g.add(
        "ron_nested_comments",
        "ron",
        format!("{}Dataset()", "/*".repeat(200_000)),
        Expect::Refused,
    );
    g.add(
        "ron_unterminated_comment",
        "ron",
        format!("{}/* never closed", tiny),
        Expect::Refused,
    );
    g.add(
        "ron_unterminated_string",
        "ron",
        format!("Dataset(title: (zh: \"{}", "x".repeat(2 << 20)),
        Expect::Refused,
    );
    g.add(
        "ron_raw_string_hashes",
        "ron",
        format!("Dataset(title: (zh: r{}\"x", "#".repeat(200_000)),
        Expect::Refused,
    );
    g.add(
        "ron_many_extensions",
        "ron",
        format!("{}{}", "#![enable(implicit_some)]\n".repeat(100_000), tiny),
        Expect::Either,
    );
    // Huge numbers and non-finite values where integers belong.
    for (n, v) in [
        (
            "format_huge",
            "format: 99999999999999999999999999999999999999,",
        ),
        ("format_negative", "format: -1,"),
        ("format_float", "format: 1e999,"),
        ("format_nan", "format: NaN,"),
        ("format_inf", "format: inf,"),
        ("format_hex_huge", "format: 0xFFFFFFFFFFFFFFFFFFFFFFFF,"),
    ] {
        g.add(
            &format!("ron_{n}"),
            "ron",
            tiny.replace("format: 1,", v),
            Expect::Refused,
        );
    }
    for (n, v) in [
        ("year_huge", "year: 99999999999999999999,"),
        ("year_i32_overflow", "year: 2147483648,"),
        ("year_nan", "year: NaN,"),
        ("year_float", "year: 2022.5,"),
    ] {
        g.add(
            &format!("ron_{n}"),
            "ron",
            tiny.replace("year: 2022,", v),
            Expect::Refused,
        );
    }
    // Duplicates: node ids, fields, whole lists.
    let dup_node = tiny
        .lines()
        .find(|l| l.contains("Node(id: \"b\""))
        .unwrap()
        .to_string();
    g.add(
        "ron_duplicate_node_id",
        "ron",
        tiny.replace(&dup_node, &format!("{dup_node}\n{dup_node}")),
        Expect::Refused,
    );
    g.add(
        "ron_duplicate_field",
        "ron",
        tiny.replace("Node(id: \"a\",", "Node(id: \"a\", id: \"z\","),
        Expect::Refused,
    );
    g.add(
        "ron_duplicate_list",
        "ron",
        tiny.replace("    edges: [", "    nodes: [],\n    edges: ["),
        Expect::Refused,
    );
    // Big but legal: a 4 MB name, 100k attributes on one node, 200k escapes.
    g.add(
        "ron_big_name",
        "ron",
        tiny.replace("\"Wang\"", &format!("\"{}\"", "长".repeat(1 << 20))),
        Expect::Ok,
    );
    let mut attrs = String::from("attrs: {");
    for i in 0..100_000 {
        let _ = write!(attrs, "\"k{i}\": \"v\",");
    }
    attrs.push_str("}, cites:");
    g.add(
        "ron_many_attrs",
        "ron",
        tiny.replacen("cites:", &attrs, 1),
        Expect::Ok,
    );
    g.add(
        "ron_duplicate_attr_keys",
        "ron",
        tiny.replacen("cites:", "attrs: {\"k\": \"1\", \"k\": \"2\"}, cites:", 1),
        Expect::Either,
    );
    g.add(
        "ron_many_escapes",
        "ron",
        tiny.replace(
            "\"Wang\"",
            &format!("\"{}\"", r"\u{1F600}\n\\".repeat(200_000)),
        ),
        Expect::Ok,
    );
    // Unknown kind with non-ASCII identifier, unknown struct names.
    g.add(
        "ron_unicode_kind",
        "ron",
        tiny.replace("kind: Official", "kind: 大学"),
        Expect::Refused,
    );
    g.add(
        "ron_wrong_struct",
        "ron",
        tiny.replace("Dataset(", "Views("),
        Expect::Refused,
    );
}

fn xml_head(root: &str) -> String {
    match root {
        "gexf" => "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n".to_string(),
        _ => "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n".to_string(),
    }
}

fn graphml_cases(g: &mut Gen) {
    // Amplification: 64 keys with 1 KB defaults × 100k nodes (≈ 6.4 GB if copied), ≈ 2.3 MB.
    let mut s = xml_head("graphml");
    let long = "x".repeat(1024);
    for k in 0..64 {
        let _ = writeln!(
            s,
            "<key id=\"k{k}\" for=\"node\" attr.name=\"key{k}\" attr.type=\"string\"><default>{long}</default></key>"
        );
    }
    s.push_str("<graph edgedefault=\"directed\">\n");
    for i in 0..100_000 {
        let _ = writeln!(s, "<node id=\"n{i}\"/>");
    }
    s.push_str("</graph></graphml>\n");
    g.add(
        "graphml_key_defaults_amplification",
        "graphml",
        s,
        Expect::Refused,
    );
    // Edge defaults the same way, 100k edges.
    let mut s = xml_head("graphml");
    for k in 0..64 {
        let _ = writeln!(
            s,
            "<key id=\"k{k}\" for=\"all\" attr.name=\"key{k}\" attr.type=\"string\"><default>{long}</default></key>"
        );
    }
    s.push_str("<graph edgedefault=\"directed\"><node id=\"a\"/>\n");
    for _ in 0..100_000 {
        s.push_str("<edge source=\"a\" target=\"a\"/>\n");
    }
    s.push_str("</graph></graphml>\n");
    g.add(
        "graphml_edge_defaults_amplification",
        "graphml",
        s,
        Expect::Refused,
    );
    // Deep nesting: unknown elements, nested graphs, nested data.
    g.add(
        "graphml_deep_elements",
        "graphml",
        format!("{}<graph>{}", xml_head("graphml"), "<x>".repeat(200_000)),
        Expect::Refused,
    );
    let mut s = xml_head("graphml");
    s.push_str("<graph>");
    for i in 0..50_000 {
        let _ = write!(s, "<node id=\"n{i}\"><graph>");
    }
    for _ in 0..50_000 {
        s.push_str("</graph></node>");
    }
    s.push_str("</graph></graphml>");
    g.add("graphml_deep_graphs", "graphml", s, Expect::Refused);
    // One element with 100k attributes (quadratic duplicate check).
    let mut s = xml_head("graphml");
    s.push_str("<graph><node id=\"a\"");
    for i in 0..100_000 {
        let _ = write!(s, " a{i}=\"1\"");
    }
    s.push_str("/></graph></graphml>");
    g.add("graphml_100k_attributes", "graphml", s, Expect::Either);
    g.add(
        "graphml_duplicate_attribute",
        "graphml",
        TINY_GRAPHML.replace("<node id=\"a\">", "<node id=\"a\" id=\"b\">"),
        Expect::Either,
    );
    g.add(
        "graphml_duplicate_ids",
        "graphml",
        TINY_GRAPHML.replace("<node id=\"b\">", "<node id=\"a\">"),
        Expect::Either,
    );
    g.add(
        "graphml_edge_to_missing",
        "graphml",
        TINY_GRAPHML.replace("target=\"b\"", "target=\"zz\""),
        Expect::Either,
    );
    // Entities: billion laughs (internal DTD), undefined entities, huge character references.
    let mut dtd = String::from(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n<!ENTITY l0 \"lollollollollol\">\n",
    );
    for i in 1..10 {
        let p = i - 1;
        let _ = writeln!(
            dtd,
            "<!ENTITY l{i} \"&l{p};&l{p};&l{p};&l{p};&l{p};&l{p};&l{p};&l{p};&l{p};&l{p};\">"
        );
    }
    dtd.push_str("]>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"d0\" for=\"node\" attr.name=\"label\"/><graph><node id=\"a\"><data key=\"d0\">&l9;</data></node></graph></graphml>\n");
    g.add("graphml_billion_laughs", "graphml", dtd, Expect::Either);
    g.add(
        "graphml_undefined_entity",
        "graphml",
        TINY_GRAPHML.replace(">A<", ">&nope;<"),
        Expect::Either,
    );
    g.add(
        "graphml_huge_charref",
        "graphml",
        TINY_GRAPHML.replace(">A<", ">&#99999999999999999999;&#x110000;&#xD800;&#0;<"),
        Expect::Either,
    );
    // Numbers: huge ints, NaN/inf doubles, yEd geometry.
    let nums = r#"<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="d0" for="node" attr.name="w" attr.type="double"/>
  <key id="d1" for="node" attr.name="n" attr.type="long"/>
  <key id="d2" for="node" attr.name="i" attr.type="int"/>
  <key id="g" for="node" yfiles.type="nodegraphics"/>
  <graph edgedefault="directed">
    <node id="a"><data key="d0">NaN</data><data key="d1">99999999999999999999999999</data><data key="d2">-99999999999999999999</data>
      <data key="g"><y:ShapeNode><y:Geometry x="NaN" y="inf" width="-1e999" height="1e999"/></y:ShapeNode></data></node>
    <node id="b"><data key="d0">1e99999</data><data key="d1">-0x10</data><data key="d2">1.5</data>
      <data key="g"><y:ShapeNode><y:Geometry x="-inf" y="1e308" width="0" height="-0"/></y:ShapeNode></data></node>
    <edge source="a" target="b"><data key="d0">-inf</data></edge>
  </graph>
</graphml>
"#;
    g.add("graphml_nan_huge_numbers", "graphml", nums, Expect::Either);
    g.add(
        "graphml_unclosed_comment",
        "graphml",
        format!("{}<!-- never closed", TINY_GRAPHML),
        Expect::Either,
    );
    g.add(
        "graphml_unclosed_cdata",
        "graphml",
        TINY_GRAPHML.replace(">A<", "><![CDATA[ never closed"),
        Expect::Refused,
    );
    g.add(
        "graphml_huge_attribute_value",
        "graphml",
        TINY_GRAPHML.replace("id=\"a\"", &format!("id=\"{}\"", "a".repeat(4 << 20))),
        Expect::Either,
    );
    g.add(
        "graphml_many_namespaces",
        "graphml",
        TINY_GRAPHML.replace(
            "<graphml ",
            &format!(
                "<graphml {}",
                (0..50_000)
                    .map(|i| format!("xmlns:n{i}=\"u{i}\" "))
                    .collect::<String>()
            ),
        ),
        Expect::Either,
    );
    g.add("graphml_wrong_root", "graphml", TINY_GEXF, Expect::Either);
}

fn gexf_cases(g: &mut Gen) {
    // Attribute defaults: 64 attributes with 1 KB defaults × 100k nodes.
    let long = "y".repeat(1024);
    let mut s = xml_head("gexf");
    s.push_str("<graph defaultedgetype=\"directed\"><attributes class=\"node\">\n");
    for k in 0..64 {
        let _ = writeln!(
            s,
            "<attribute id=\"{k}\" title=\"t{k}\" type=\"string\"><default>{long}</default></attribute>"
        );
    }
    s.push_str("</attributes><nodes>\n");
    for i in 0..100_000 {
        let _ = writeln!(s, "<node id=\"n{i}\"/>");
    }
    s.push_str("</nodes></graph></gexf>\n");
    g.add(
        "gexf_attribute_defaults_amplification",
        "gexf",
        s,
        Expect::Refused,
    );
    let mut s = xml_head("gexf");
    s.push_str("<graph defaultedgetype=\"directed\"><attributes class=\"edge\">\n");
    for k in 0..64 {
        let _ = writeln!(
            s,
            "<attribute id=\"{k}\" title=\"t{k}\" type=\"string\"><default>{long}</default></attribute>"
        );
    }
    s.push_str("</attributes><nodes><node id=\"a\"/></nodes><edges>\n");
    for i in 0..100_000 {
        let _ = writeln!(s, "<edge id=\"{i}\" source=\"a\" target=\"a\"/>");
    }
    s.push_str("</edges></graph></gexf>\n");
    g.add(
        "gexf_edge_defaults_amplification",
        "gexf",
        s,
        Expect::Refused,
    );
    // Deep: hierarchical nodes (node > nodes > node …) and plain elements.
    let mut s = xml_head("gexf");
    s.push_str("<graph><nodes>");
    for i in 0..50_000 {
        let _ = write!(s, "<node id=\"n{i}\"><nodes>");
    }
    for _ in 0..50_000 {
        s.push_str("</nodes></node>");
    }
    s.push_str("</nodes></graph></gexf>");
    g.add("gexf_deep_hierarchy", "gexf", s, Expect::Refused);
    g.add(
        "gexf_deep_elements",
        "gexf",
        format!("{}<graph>{}", xml_head("gexf"), "<a>".repeat(200_000)),
        Expect::Refused,
    );
    // One element with 100k attributes.
    let mut s = xml_head("gexf");
    s.push_str("<graph><nodes><node id=\"a\"");
    for i in 0..100_000 {
        let _ = write!(s, " a{i}=\"1\"");
    }
    s.push_str("/></nodes></graph></gexf>");
    g.add("gexf_100k_attributes", "gexf", s, Expect::Either);
    // Coordinates and sizes: NaN, inf, out of range; spells with huge dates.
    let viz = r#"<?xml version="1.0"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">
  <graph defaultedgetype="directed" mode="dynamic" timeformat="double">
    <attributes class="node"><attribute id="0" title="w" type="double"/><attribute id="1" title="n" type="long"/></attributes>
    <nodes>
      <node id="a" label="A" start="-1e999" end="NaN"><attvalues><attvalue for="0" value="NaN"/><attvalue for="1" value="99999999999999999999999"/></attvalues>
        <viz:position x="NaN" y="inf" z="-1e999"/><viz:size value="-inf"/><viz:color r="99999" g="-1" b="NaN" a="2"/></node>
      <node id="b" label="B"><viz:position x="1e308" y="-1e308"/><spells><spell start="1e999" end="-1e999"/></spells></node>
    </nodes>
    <edges><edge id="0" source="a" target="b" weight="NaN"/><edge id="0" source="b" target="a" weight="1e999"/></edges>
  </graph>
</gexf>
"#;
    g.add("gexf_nan_viz", "gexf", viz, Expect::Either);
    g.add(
        "gexf_duplicate_ids",
        "gexf",
        TINY_GEXF.replace("<node id=\"b\"", "<node id=\"a\""),
        Expect::Either,
    );
    g.add(
        "gexf_edge_to_missing",
        "gexf",
        TINY_GEXF.replace("target=\"b\"", "target=\"zz\""),
        Expect::Either,
    );
    g.add("gexf_undeclared_attvalue", "gexf", TINY_GEXF.replace("<node id=\"a\" label=\"A\"/>", "<node id=\"a\" label=\"A\"><attvalues><attvalue for=\"nope\" value=\"1\"/></attvalues></node>"), Expect::Either);
}

fn gml_cases(g: &mut Gen) {
    g.add(
        "gml_deep_lists",
        "gml",
        format!("graph [ node [ id 0 {}", "a [ ".repeat(200_000)),
        Expect::Refused,
    );
    g.add(
        "gml_deep_closed",
        "gml",
        format!(
            "graph [ node [ id 0 {}{} ] ]",
            "a [ ".repeat(50_000),
            "] ".repeat(50_000)
        ),
        Expect::Refused,
    );
    // `&amp;` × 1M in one label (quadratic decoding), ≈ 5 MB.
    g.add(
        "gml_million_entities",
        "gml",
        format!(
            "graph [ node [ id 0 label \"{}\" ] ]\n",
            "&amp;".repeat(1_000_000)
        ),
        Expect::Either,
    );
    g.add(
        "gml_million_numeric_entities",
        "gml",
        format!(
            "graph [ node [ id 0 label \"{}\" ] ]\n",
            "&#38;".repeat(1_000_000)
        ),
        Expect::Either,
    );
    // Long key prefixes: 90 nested lists with 4 KB keys, 20k leaves at the bottom: each leaf's
    // flattened name is ≈ 370 KB (≈ 7 GB if built), file ≈ 500 KB.
    let key = "k".repeat(4096);
    let mut s = String::from("graph [ node [ id 0 ");
    for _ in 0..90 {
        let _ = write!(s, "{key} [ ");
    }
    for i in 0..20_000 {
        let _ = write!(s, "l{i} 1 ");
    }
    s.push_str(&"] ".repeat(90));
    s.push_str("] ]\n");
    g.add("gml_long_key_prefixes", "gml", s, Expect::Refused);
    // Many nodes, each with 10 nested 100-byte keys over 50 leaves: ≈ 7 MB that flatten to
    // ≈ 250 MB of attribute names (the budget is per file, not per node).
    let mut s = String::from("graph [\n");
    for i in 0..5000 {
        let _ = write!(s, "node [ id {i} ");
        for _ in 0..10 {
            let _ = write!(s, "{} [ ", &key[..100]);
        }
        for l in 0..50 {
            let _ = write!(s, "x{l} 1 ");
        }
        s.push_str(&"] ".repeat(10));
        s.push_str("]\n");
    }
    s.push_str("]\n");
    g.add("gml_nested_keys_many_nodes", "gml", s, Expect::Either);
    let nums = "graph [\n  node [ id 0 label \"a\" graphics [ x NaN y inf w 1e999 h -1e999 ] ]\n  node [ id 99999999999999999999999999 label \"b\" graphics [ x -inf y 1e308 ] ]\n  node [ id -9223372036854775809 ]\n  edge [ source 0 target 99999999999999999999999999 weight NaN ]\n]\n";
    g.add("gml_nan_huge_numbers", "gml", nums, Expect::Either);
    g.add(
        "gml_duplicate_ids",
        "gml",
        TINY_GML.replace("id 1", "id 0"),
        Expect::Either,
    );
    g.add(
        "gml_edge_to_missing",
        "gml",
        TINY_GML.replace("target 1", "target 7"),
        Expect::Either,
    );
    g.add(
        "gml_bad_entities",
        "gml",
        TINY_GML.replace(
            "\"A\"",
            "\"&#99999999999999999999; &#x110000; &#xD800; &#0; &; &#; &nope; &amp\"",
        ),
        Expect::Either,
    );
    g.add(
        "gml_unterminated_string",
        "gml",
        format!("graph [ node [ id 0 label \"{}", "x".repeat(2 << 20)),
        Expect::Refused,
    );
    g.add(
        "gml_unbalanced_close",
        "gml",
        "graph [ ] ] ] ]",
        Expect::Either,
    );
    g.add(
        "gml_many_nodes_no_ids",
        "gml",
        format!("graph [ {} ]", "node [ ] ".repeat(200_000)),
        Expect::Either,
    );
    g.add(
        "gml_comment_only",
        "gml",
        "# comment\n".repeat(100_000),
        Expect::Either,
    );
}

fn json_cases(g: &mut Gen) {
    g.add(
        "json_deep_arrays",
        "json",
        "[".repeat(200_000),
        Expect::Refused,
    );
    g.add(
        "json_deep_objects",
        "json",
        format!(
            "{{\"nodes\": [{{\"id\": \"a\", \"x\": {}",
            "{\"a\":".repeat(200_000)
        ),
        Expect::Refused,
    );
    g.add(
        "json_deep_closed",
        "json",
        format!(
            "{{\"nodes\": [{{\"id\": \"a\", \"x\": {}1{}}}]}}",
            "[".repeat(50_000),
            "]".repeat(50_000)
        ),
        Expect::Refused,
    );
    g.add("json_huge_numbers", "json", r#"{"nodes": [{"id": 1e999, "x": 1e999, "y": -1e999}, {"id": 123456789012345678901234567890, "size": -0.0}], "links": [{"source": 1e999, "target": 123456789012345678901234567890, "weight": 1e-999}]}"#, Expect::Either);
    g.add(
        "json_nan_tokens",
        "json",
        r#"{"nodes": [{"id": "a", "x": NaN, "y": Infinity}], "links": []}"#,
        Expect::Refused,
    );
    g.add(
        "json_duplicate_keys",
        "json",
        r#"{"nodes": [{"id": "a", "id": "b"}], "nodes": [{"id": "c"}], "links": []}"#,
        Expect::Either,
    );
    g.add("json_duplicate_ids", "json", r#"{"nodes": [{"id": "a"}, {"id": "a"}], "links": [{"source": "a", "target": "a"}, {"source": "a", "target": "a"}]}"#, Expect::Either);
    g.add(
        "json_edge_to_missing",
        "json",
        r#"{"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "zz"}, {"source": 7}]}"#,
        Expect::Either,
    );
    let mut s = String::from("{\"nodes\": [{\"id\": \"a\"");
    for i in 0..100_000 {
        let _ = write!(s, ", \"k{i}\": {i}");
    }
    s.push_str("}], \"links\": []}");
    g.add("json_100k_keys", "json", s, Expect::Either);
    g.add(
        "json_bad_surrogates",
        "json",
        r#"{"nodes": [{"id": "\ud800"}, {"id": "\udc00\ud800"}, {"id": "\u0000"}], "links": []}"#,
        Expect::Either,
    );
    g.add(
        "json_many_escapes",
        "json",
        format!(
            "{{\"nodes\": [{{\"id\": \"a\", \"label\": \"{}\"}}], \"links\": []}}",
            r"\u00e9\n\\".repeat(300_000)
        ),
        Expect::Ok,
    );
    g.add(
        "json_unterminated_string",
        "json",
        format!("{{\"nodes\": [{{\"id\": \"{}", "x".repeat(2 << 20)),
        Expect::Refused,
    );
    g.add(
        "json_wrong_types",
        "json",
        r#"{"nodes": {"id": "a"}, "links": "b", "directed": "yes", "multigraph": 3}"#,
        Expect::Either,
    );
    g.add("json_top_level_scalar", "json", "42", Expect::Either);
    // Cytoscape.js: compound parents in a cycle and a parent that is itself.
    g.add("json_cyjs_parent_cycle", "cyjs", r#"{"elements": {"nodes": [{"data": {"id": "a", "parent": "b"}}, {"data": {"id": "b", "parent": "a"}}, {"data": {"id": "c", "parent": "c"}}], "edges": [{"data": {"id": "e", "source": "a", "target": "c"}}]}}"#, Expect::Either);
    g.add("json_cyjs_positions", "cyjs", r#"{"elements": [{"group": "nodes", "data": {"id": "a"}, "position": {"x": 1e999, "y": -1e999}}, {"group": "nodes", "data": {"id": "a"}}, {"group": "edges", "data": {"source": "a", "target": "q"}}]}"#, Expect::Either);
}

fn dot_cases(g: &mut Gen) {
    // `{a0 … a8999} -> {b0 … b8999}`: 81M edges from ≈ 118 KB.
    let side = |p: &str| (0..9000).map(|i| format!("{p}{i} ")).collect::<String>();
    g.add(
        "dot_subgraph_product",
        "dot",
        format!("digraph {{ {{{}}} -> {{{}}} }}\n", side("a"), side("b")),
        Expect::Refused,
    );
    // A chain of products: {…} -> {…} -> {…}.
    let small = |p: &str| (0..3000).map(|i| format!("{p}{i} ")).collect::<String>();
    g.add(
        "dot_product_chain",
        "dot",
        format!(
            "digraph {{ {{{}}} -> {{{}}} -> {{{}}} -> {{{}}} }}\n",
            small("a"),
            small("b"),
            small("c"),
            small("d")
        ),
        Expect::Refused,
    );
    // `node [...]` defaults: 64 attributes of 1 KB × 100k nodes.
    let long = "z".repeat(1024);
    let attrs: String = (0..64).map(|k| format!("k{k}=\"{long}\" ")).collect();
    let mut s = format!("digraph {{\n node [{attrs}];\n");
    for i in 0..100_000 {
        let _ = write!(s, "n{i};");
    }
    s.push_str("\n}\n");
    g.add("dot_node_defaults_amplification", "dot", s, Expect::Refused);
    let mut s = format!("digraph {{\n edge [{attrs}];\n");
    for i in 0..100_000 {
        let _ = write!(s, "n{i}->n{};", i + 1);
    }
    s.push_str("\n}\n");
    g.add("dot_edge_defaults_amplification", "dot", s, Expect::Refused);
    // Thousands of subgraphs after many nodes (the node set copied per subgraph).
    let mut s = String::from("digraph {\n");
    for i in 0..50_000 {
        let _ = write!(s, "n{i};");
    }
    for i in 0..20_000 {
        let _ = writeln!(s, "subgraph s{i} {{ n{i} }}");
    }
    s.push_str("}\n");
    g.add("dot_many_subgraphs", "dot", s, Expect::Either);
    // Nested subgraphs each with a node default.
    let mut s = String::from("digraph {\n");
    for i in 0..5000 {
        let _ = writeln!(s, "subgraph s{i} {{ node [color=red]; m{i};");
    }
    s.push_str(&"}".repeat(5000));
    s.push_str("}\n");
    g.add("dot_nested_subgraphs_5000", "dot", s, Expect::Either);
    g.add(
        "dot_deep_braces",
        "dot",
        format!("digraph {{ {}", "{".repeat(200_000)),
        Expect::Refused,
    );
    g.add(
        "dot_deep_subgraphs",
        "dot",
        format!("digraph {{ {}", "subgraph {".repeat(100_000)),
        Expect::Refused,
    );
    g.add(
        "dot_deep_closed",
        "dot",
        format!(
            "digraph {{ {}a{} }}",
            "{".repeat(50_000),
            "}".repeat(50_000)
        ),
        Expect::Refused,
    );
    g.add(
        "dot_deep_html",
        "dot",
        format!("digraph {{ a [label=<{}] }}", "<".repeat(200_000)),
        Expect::Refused,
    );
    g.add(
        "dot_deep_html_closed",
        "dot",
        format!(
            "digraph {{ a [label=<{}x{}>] }}",
            "<".repeat(50_000),
            ">".repeat(50_000)
        ),
        Expect::Either,
    );
    g.add(
        "dot_deep_html_tags",
        "dot",
        format!(
            "digraph {{ a [label=<{}x{}>] }}",
            "<b>".repeat(50_000),
            "</b>".repeat(50_000)
        ),
        Expect::Either,
    );
    // One node with 100k attributes, and 100k repeats of the same one.
    let many: String = (0..100_000).map(|i| format!("a{i}=1 ")).collect();
    g.add(
        "dot_100k_attributes",
        "dot",
        format!("digraph {{ n [{many}] }}"),
        Expect::Either,
    );
    g.add(
        "dot_100k_same_attribute",
        "dot",
        format!("digraph {{ n [{}] }}", "a=1 ".repeat(100_000)),
        Expect::Either,
    );
    g.add(
        "dot_long_id",
        "dot",
        format!("digraph {{ {} -> b }}", "a".repeat(4 << 20)),
        Expect::Either,
    );
    g.add(
        "dot_unterminated_string",
        "dot",
        format!("digraph {{ a [label=\"{}", "x".repeat(2 << 20)),
        Expect::Refused,
    );
    g.add(
        "dot_unterminated_comment",
        "dot",
        "digraph { a -> b /* never closed",
        Expect::Refused,
    );
    g.add(
        "dot_unterminated_html",
        "dot",
        "digraph { a [label=<<b>x] }",
        Expect::Refused,
    );
    g.add("dot_nan_positions", "dot", "digraph { a [pos=\"nan,inf!\" width=1e999]; b [pos=\"1e308,-1e999\" height=NaN]; a -> b [weight=1e400 len=-inf]; }", Expect::Either);
    g.add(
        "dot_duplicate_and_multi",
        "dot",
        "digraph { a; a; a -> a; a -> a; a -> a [key=1]; a -> a [key=1]; }",
        Expect::Either,
    );
    g.add(
        "dot_ports_and_escapes",
        "dot",
        "digraph { \"a\\\"\":p:n -> \"b\\\\\":sw; \"\\\" -> \"\\\\\\\"; }",
        Expect::Either,
    );
    g.add(
        "dot_strict_mixed",
        "dot",
        "strict graph { a -> b; c -- d; }",
        Expect::Either,
    );
    g.add(
        "dot_many_graphs",
        "dot",
        "digraph { a } ".repeat(100_000),
        Expect::Either,
    );
    g.add(
        "dot_html_entities",
        "dot",
        format!("digraph {{ a [label=<{}>] }}", "&amp;".repeat(500_000)),
        Expect::Either,
    );
}

fn csv_cases(g: &mut Gen) {
    let cols: String = (0..100_000).map(|i| format!(",c{i}")).collect();
    let vals: String = (0..100_000).map(|_| ",v").collect();
    g.add(
        "csv_100k_columns",
        "csv",
        format!("id,label{cols}\na,A{vals}\n"),
        Expect::Either,
    );
    g.add(
        "csv_unterminated_quote",
        "csv",
        format!("id,label\na,\"{}", "x".repeat(2 << 20)),
        Expect::Either,
    );
    g.add(
        "csv_duplicate_ids",
        "csv",
        "id,label\na,A\na,B\n",
        Expect::Either,
    );
    g.add(
        "csv_duplicate_columns",
        "csv",
        "id,id,label,label\na,b,A,B\n",
        Expect::Either,
    );
    g.add(
        "csv_ragged_rows",
        "csv",
        "id,label\na\nb,B,extra,more\n,\n",
        Expect::Either,
    );
    g.add(
        "csv_huge_field",
        "csv",
        format!("id,label\na,{}\n", "x".repeat(4 << 20)),
        Expect::Ok,
    );
    g.add(
        "csv_no_id_column",
        "csv",
        "name,label\na,A\n",
        Expect::Either,
    );
    g.add(
        "csv_many_rows_one_col",
        "csv",
        format!("id\n{}", "a\n".repeat(500_000)),
        Expect::Either,
    );
    // An edges file beside the nodes file, pointing at missing nodes.
    let n = g.write("csv_with_edges.csv", "id,label\na,A\n");
    g.write(
        "csv_with_edges.edges.csv",
        "source,target,relation\na,zz,x\nq,a,\n,,\n",
    );
    g.add_path("csv_with_edges", n, Expect::Either);
}

/// Output-side safety: formula cells in CSV, backslashes in Cypher names, XML-illegal characters
/// in SVG.
fn output_cases(g: &mut Gen) {
    let dir = g.dir.clone();
    let json = r#"{"nodes": [{"id": "a", "label": "=HYPERLINK(\"http://x\")", "kind": "+cmd"}, {"id": "b", "label": "@SUM(A1)", "kind": "-2+3"}, {"id": "c", "label": "\t=1+1"}], "links": [{"source": "a", "target": "b", "relation": "=1"}]}"#;
    let input = g.write("out_formula.json", json);
    let out = dir.join("out_formula.out.csv");
    g.push(
        "out_csv_formulas",
        input,
        Run::Convert { out: out.clone() },
        Expect::Ok,
        Post::CsvNoFormula(out),
    );
    let json = r#"{"nodes": [{"id": "a`b", "label": "x\\u0060) DETACH DELETE n //", "kind": "K\\`"}, {"id": "c\\", "label": "\\"}], "links": [{"source": "a`b", "target": "c\\", "relation": "r`\\u0060"}]}"#;
    let input = g.write("out_cypher.json", json);
    let out = dir.join("out_cypher.out.cypher");
    g.push(
        "out_cypher_escaping",
        input,
        Run::Convert { out: out.clone() },
        Expect::Ok,
        Post::CypherEscaped(out),
    );
    // SVG: names with U+FFFE, U+FFFF, control characters and a lone `]]>`.
    let bad = tiny_ron()
        .replace("\"Wang\"", "\"W\u{fffe}\u{ffff}\u{1}\u{b}]]><&\"")
        .replace("\"Commission\"", "\"C\u{7f}\u{80}\u{fdd0}\"");
    let input = g.write("out_svg_illegal.ron", bad);
    let out = dir.join("out_svg_illegal.out.svg");
    g.push(
        "out_svg_illegal_chars",
        input.clone(),
        Run::Render {
            out: out.clone(),
            tour: false,
        },
        Expect::Ok,
        Post::SvgClean(out),
    );
    let out = dir.join("out_png_illegal.out.png");
    g.push(
        "out_png_illegal_chars",
        input,
        Run::Render { out, tour: false },
        Expect::Ok,
        Post::None,
    );
    // A read-only output is refused and kept; a symlinked output is written through.
    let src = g.write("out_src.dot", TINY_DOT);
    let ro = g.write("out_readonly.json", b"KEEP ME");
    set_mode(&ro, 0o444);
    g.push(
        "out_readonly_target",
        src.clone(),
        Run::Convert { out: ro.clone() },
        Expect::Refused,
        Post::Unchanged(ro, b"KEEP ME".to_vec()),
    );
    let target = g.write("out_link_target.json", b"OLD");
    let link = dir.join("out_link.json");
    if std::os::unix::fs::symlink(&target, &link).is_ok() {
        g.push(
            "out_through_symlink",
            src.clone(),
            Run::Convert { out: link.clone() },
            Expect::Ok,
            Post::StillLink {
                link,
                before: b"OLD".to_vec(),
            },
        );
    }
    let d = dir.join("out_is_dir.json");
    std::fs::create_dir_all(&d).unwrap();
    g.push(
        "out_is_directory",
        src.clone(),
        Run::Convert { out: d },
        Expect::Refused,
        Post::None,
    );
    let full = dir.join("out_devfull.json");
    if Path::new("/dev/full").exists() && std::os::unix::fs::symlink("/dev/full", &full).is_ok() {
        g.push(
            "out_symlink_to_dev_full",
            src.clone(),
            Run::Convert { out: full },
            Expect::Either,
            Post::None,
        );
    }
    if let Some(fifo) = mkfifo(&dir, "out_fifo.json") {
        g.push(
            "out_is_fifo",
            src.clone(),
            Run::Convert { out: fifo },
            Expect::Either,
            Post::None,
        );
    } else {
        g.skip("out_is_fifo", "no mkfifo");
    }
    let nodir = dir.join("no/such/dir/out.json");
    g.push(
        "out_missing_directory",
        src,
        Run::Convert { out: nodir },
        Expect::Refused,
        Post::None,
    );
}

/// Sidecars read by `render`: views (`--tour`) and layout positions.
fn sidecar_cases(g: &mut Gen) {
    let tiny = tiny_ron();
    let dir = g.dir.clone();
    let sidecar =
        |g: &mut Gen, name: &str, views: Option<&[u8]>, layout: Option<&[u8]>, expect: Expect| {
            let data = g.write(&format!("{name}.ron"), &tiny);
            if let Some(v) = views {
                g.write(&format!("{name}.views.ron"), v);
            }
            if let Some(l) = layout {
                g.write(&format!("{name}.layout.ron"), l);
            }
            let tour = views.is_some();
            let out = if tour {
                dir.join(format!("{name}.tour"))
            } else {
                dir.join(format!("{name}.out.svg"))
            };
            g.push(
                name,
                data,
                Run::Render {
                    out: out.clone(),
                    tour,
                },
                expect,
                Post::SvgClean(out),
            );
        };
    let view = |cam: &str| {
        format!("Views(views: [View(name: \"v\", camera: Some(ViewCamera(center: {cam}))), ])")
    };
    sidecar(
        g,
        "side_views_zoom_zero",
        Some(view("(0.0, 0.0), zoom: 0.0").as_bytes()),
        None,
        Expect::Either,
    );
    sidecar(
        g,
        "side_views_zoom_nan",
        Some(view("(NaN, inf), zoom: NaN").as_bytes()),
        None,
        Expect::Either,
    );
    sidecar(
        g,
        "side_views_zoom_negative_inf",
        Some(view("(-inf, 1e38), zoom: -inf, viewport: Some((0.0, NaN))").as_bytes()),
        None,
        Expect::Either,
    );
    sidecar(
        g,
        "side_views_deep",
        Some(format!("Views(views: {}", "[".repeat(200_000)).as_bytes()),
        None,
        Expect::Refused,
    );
    sidecar(
        g,
        "side_views_garbage",
        Some(b"\xff\xfe\0garbage"),
        None,
        Expect::Refused,
    );
    sidecar(
        g,
        "side_views_truncated",
        Some(b"Views(views: [View(name: \"v\\"),
        None,
        Expect::Refused,
    );
    sidecar(g, "side_views_ego_huge_radius", Some(b"Views(views: [View(name: \"v\", ego: Some(EgoFocus(nodes: [\"a\", \"zz\"], radius: 4294967295)), paths: [[\"a\", \"zz\", \"a\"]], highlight: [\"nope\"])])"), None, Expect::Either);
    sidecar(g, "side_layout_nan", None, Some(b"SavedLayout(positions: {\"a\": (x: NaN, y: inf), \"b\": (x: -inf, y: 1e38, pinned: true), \"c\": (x: 1e39, y: 0.0)})"), Expect::Either);
    sidecar(g, "side_layout_all_same", None, Some(b"(positions: {\"a\": (x: 0.0, y: 0.0), \"b\": (x: 0.0, y: 0.0), \"c\": (x: 0.0, y: 0.0)})"), Expect::Either);
    sidecar(
        g,
        "side_layout_deep",
        None,
        Some(format!("(positions: {}", "{".repeat(200_000)).as_bytes()),
        Expect::Either,
    );
    // A sidecar that is a FIFO, /dev/zero, or a directory must not hang `render`.
    for (name, what) in [("side_views_fifo", "views"), ("side_layout_fifo", "layout")] {
        let data = g.write(&format!("{name}.ron"), &tiny);
        let Some(_) = mkfifo(&dir, &format!("{name}.{what}.ron")) else {
            g.skip(name, "no mkfifo");
            continue;
        };
        let tour = what == "views";
        let out = if tour {
            dir.join(format!("{name}.tour"))
        } else {
            dir.join(format!("{name}.out.svg"))
        };
        g.push(
            name,
            data,
            Run::Render { out, tour },
            Expect::Either,
            Post::None,
        );
    }
    for (name, what) in [
        ("side_views_dev_zero", "views"),
        ("side_layout_dev_zero", "layout"),
    ] {
        let data = g.write(&format!("{name}.ron"), &tiny);
        if std::os::unix::fs::symlink("/dev/zero", dir.join(format!("{name}.{what}.ron"))).is_err()
        {
            g.skip(name, "no symlink");
            continue;
        }
        let tour = what == "views";
        let out = if tour {
            dir.join(format!("{name}.tour"))
        } else {
            dir.join(format!("{name}.out.svg"))
        };
        g.push(
            name,
            data,
            Run::Render { out, tour },
            Expect::Either,
            Post::None,
        );
    }
    let data = g.write("side_layout_sparse.ron", &tiny);
    sparse(&dir.join("side_layout_sparse.layout.ron"), 600_000_000);
    let out = dir.join("side_layout_sparse.out.svg");
    g.push(
        "side_layout_sparse_600mb",
        data,
        Run::Render { out, tour: false },
        Expect::Either,
        Post::None,
    );
}

fn filesystem_cases(g: &mut Gen) {
    let dir = g.dir.clone();
    let tiny = tiny_ron();
    let real = g.write("fs_real.ron", &tiny);
    let link = dir.join("fs_symlink.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    g.add_path("fs_symlink_to_file", link, Expect::Ok);
    let rel = dir.join("fs_symlink_relative.ron");
    std::os::unix::fs::symlink("fs_real.ron", &rel).unwrap();
    g.add_path("fs_symlink_relative", rel, Expect::Ok);
    let (a, b) = (dir.join("fs_loop_a.ron"), dir.join("fs_loop_b.ron"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    g.add_path("fs_symlink_loop", a, Expect::Refused);
    let (a, b) = (dir.join("fs_loop_a.dot"), dir.join("fs_loop_b.dot"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    g.add_path("fs_symlink_loop_dot", a, Expect::Refused);
    let dangling = dir.join("fs_dangling.ron");
    std::os::unix::fs::symlink(dir.join("nowhere.ron"), &dangling).unwrap();
    g.add_path("fs_dangling_symlink", dangling, Expect::Refused);
    g.add_path(
        "fs_missing_file",
        dir.join("fs_missing.ron"),
        Expect::Refused,
    );
    g.add_path(
        "fs_missing_file_gml",
        dir.join("fs_missing.gml"),
        Expect::Refused,
    );
    for ext in ["ron", "dot", "graphml", "json", "csv"] {
        match mkfifo(&dir, &format!("fs_fifo.{ext}")) {
            Some(p) => g.add_path(&format!("fs_fifo_{ext}"), p, Expect::Refused),
            None => g.skip(&format!("fs_fifo_{ext}"), "no mkfifo"),
        }
    }
    g.push(
        "fs_dev_zero",
        PathBuf::from("/dev/zero"),
        Run::Check,
        Expect::Refused,
        Post::None,
    );
    for (name, dev) in [
        ("fs_dev_zero.gml", "/dev/zero"),
        ("fs_dev_urandom.gexf", "/dev/urandom"),
        ("fs_dev_null.ron", "/dev/null"),
        ("fs_dev_stdin.json", "/dev/stdin"),
    ] {
        let p = dir.join(name);
        if Path::new(dev).exists() && std::os::unix::fs::symlink(dev, &p).is_ok() {
            let case = name.replace('.', "_");
            g.add_path(&case, p, Expect::Refused);
        }
    }
    for ext in ["ron", "graphml"] {
        let d = dir.join(format!("fs_directory.{ext}"));
        std::fs::create_dir_all(&d).unwrap();
        g.add_path(&format!("fs_directory_{ext}"), d, Expect::Refused);
    }
    // Sparse files: 600 MB (over the 512 MB limit, refused before reading) and 100 MB of NUL
    // bytes under the limit (read, then refused by the parser).
    for ext in ["ron", "graphml", "csv"] {
        let p = dir.join(format!("fs_sparse_600mb.{ext}"));
        sparse(&p, 600_000_000);
        g.add_path(&format!("fs_sparse_600mb_{ext}"), p, Expect::Refused);
    }
    for ext in ["ron", "gml"] {
        let p = dir.join(format!("fs_nul_100mb.{ext}"));
        sparse(&p, 100_000_000);
        g.add_path(&format!("fs_nul_100mb_{ext}"), p, Expect::Refused);
    }
    // Unreadable (mode 000): skipped when running as root, who can read it anyway.
    let p = g.write("fs_unreadable.ron", &tiny);
    set_mode(&p, 0o000);
    if std::fs::read(&p).is_ok() {
        g.skip(
            "fs_unreadable",
            "running as root: a mode-000 file is readable",
        );
    } else {
        g.add_path("fs_unreadable", p, Expect::Refused);
    }
    // Names: spaces, newline, leading dash, non-UTF-8 bytes.
    let odd = dir.join("fs odd\nname -x.ron");
    std::fs::write(&odd, &tiny).unwrap();
    g.add_path("fs_odd_name", odd, Expect::Ok);
    {
        use std::os::unix::ffi::OsStrExt;
        let p = dir.join(std::ffi::OsStr::from_bytes(b"fs_non_utf8_\xff.ron"));
        if std::fs::write(&p, &tiny).is_ok() {
            g.add_path("fs_non_utf8_name", p, Expect::Ok);
        }
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
