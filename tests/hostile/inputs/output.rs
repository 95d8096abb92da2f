//! The output side (formula cells in CSV, backslashes in Cypher names, XML-illegal characters
//! in SVG), the sidecars `render` reads, and the file system (symlinks, FIFOs, devices,
//! sparse and unreadable files, read-only outputs).

use super::*;

/// Output-side safety: formula cells in CSV, backslashes in Cypher names, XML-illegal characters
/// in SVG.
pub(super) fn output_cases(g: &mut Gen) {
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
pub(super) fn sidecar_cases(g: &mut Gen) {
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
            let out = g.render_out(name, tour);
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
        let out = g.render_out(name, tour);
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
        let out = g.render_out(name, tour);
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

pub(super) fn filesystem_cases(g: &mut Gen) {
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
    // Sparse files: 1.2 GB (over the 1 GiB limit, refused before reading) and 100 MB of NUL
    // bytes under the limit (read, then refused by the parser).
    for ext in ["ron", "graphml", "csv"] {
        let p = dir.join(format!("fs_sparse_1200mb.{ext}"));
        sparse(&p, 1_200_000_000);
        g.add_path(&format!("fs_sparse_1200mb_{ext}"), p, Expect::Refused);
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
