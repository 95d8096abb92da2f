//! RON inputs: cuts after `\` and inside escapes, 10⁶ diagnostics, deep nesting, unterminated
//! comments and strings, duplicate ids, fields and attributes.

use super::*;
use std::fmt::Write as _;

pub(super) fn ron_cases(g: &mut Gen) {
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
