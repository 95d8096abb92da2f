//! GML, JSON, DOT and CSV inputs: nesting, nested key prefixes, `&amp;` runs, subgraph
//! products, thousands of subgraphs, 100k attributes, huge numbers.

use super::*;
use std::fmt::Write as _;

pub(super) fn gml_cases(g: &mut Gen) {
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

pub(super) fn json_cases(g: &mut Gen) {
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

pub(super) fn dot_cases(g: &mut Gen) {
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

pub(super) fn csv_cases(g: &mut Gen) {
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
