//! The shipped source texts (`graph-data/sources/`): each is its seed document cleaned by
//! `io::extract` (run with `UPDATE_SOURCES=1` to rewrite them), no page furniture is left, every
//! quote of the shipped graph is found in them by default, and HTML/PDF pages become clean text.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use innovation_atlas::cli::{check_file, check_file_warn};
use innovation_atlas::io::extract::{extract, extract_file};
use innovation_atlas::io::sources::EMBEDDED_SOURCES;

/// Web-page furniture of the seeds that must not reach the shipped texts.
const FURNITURE: &[&str] = &[
    "十五运",
    "腾势",
    "读特热榜",
    "IN视频",
    "鹏友圈",
    "小记者",
    "铲屎官",
    "编辑 ",
    "责任编辑",
    "审读",
    "ICP",
    "Copyright",
    "友情链接",
    "新浪财经APP",
    "appendQr",
    "<",
    "&#",
    "评论 (0)",
    "白皮书",
    "落霞",
    "原标题",
    "来源:本站",
    "categories",
    "headimg",
];

#[test]
fn shipped_sources_are_the_seeds_cleaned() {
    let Some(seeds) = common::shared("seeds") else {
        return;
    };
    let update = std::env::var("UPDATE_SOURCES").is_ok_and(|v| v == "1");
    for (file, shipped) in EMBEDDED_SOURCES {
        let seed = std::fs::read(seeds.join(file)).unwrap();
        let cleaned = extract(file, &seed).unwrap().text;
        let path = common::repo("graph-data/sources").join(file);
        if update {
            std::fs::write(&path, &cleaned).unwrap();
            continue;
        }
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            *shipped,
            "{file}: the compiled-in copy is stale"
        );
        assert!(
            cleaned == *shipped,
            "{file}: differs from its seed cleaned (UPDATE_SOURCES=1 rewrites it)"
        );
    }
}

#[test]
fn no_page_furniture_in_the_shipped_sources() {
    for (file, text) in EMBEDDED_SOURCES {
        for f in FURNITURE {
            assert!(!text.contains(f), "{file} still has \"{f}\"");
        }
        // PDF noise: no space between two Chinese characters.
        let chars: Vec<char> = text.chars().collect();
        for w in chars.windows(3) {
            assert!(
                !(w[1] == ' ' && w[0] > '\u{4e00}' && w[2] > '\u{4e00}'),
                "{file}: stray space in \"{}\"",
                w.iter().collect::<String>()
            );
        }
    }
}

#[test]
fn shipped_graph_quotes_are_found_in_the_sources_beside_it_exactly() {
    let mut warnings = Vec::new();
    let mut problems = Vec::new();
    check_file_warn(
        &common::shipped(),
        None,
        |d| problems.push(d.to_string()),
        |w| warnings.push(w.to_string()),
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The quotes that differ are two that run from a heading into the line below it.
    assert!(warnings.len() <= 2, "{}", warnings.join("\n"));
    for w in &warnings {
        assert!(
            w.contains("基础研究\n抓好") || w.contains("加强基础研究和应用基础研究"),
            "{w}"
        );
    }
}

#[test]
fn whitespace_only_differences_are_warnings_at_the_quote() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.ron");
    std::fs::write(
        &file,
        std::fs::read_to_string(common::fixture("tiny.ron"))
            .unwrap()
            .replace("quote: \"委员会\"", "quote: \"委 员会\""),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    std::fs::copy(
        common::fixture("source.txt"),
        dir.path().join("sources/source.txt"),
    )
    .unwrap();
    let mut warnings = Vec::new();
    let mut problems = Vec::new();
    check_file_warn(&file, None, |d| problems.push(d), |w| warnings.push(w));
    // "光明 科学城" in the fixture also differs from its source only in whitespace.
    assert!(problems.is_empty(), "{problems:?}");
    let w: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    let line = w
        .iter()
        .find(|l| l.contains("node \"b\""))
        .unwrap_or_else(|| panic!("{w:?}"));
    let col = "        Node(id: \"b\", kind: Organization, name: (zh: \"委员会\", en: \"Commission\"), cites: [Cite(source: \"s1\", quote: \"".chars().count() + 1;
    assert!(
        line.starts_with(&format!(
            "{}:10:{col}: warning: node \"b\": quote differs",
            file.display()
        )),
        "{line}"
    );
    // An override folder without the file: the source cannot be read.
    assert!(!check_file(&file, Some(dir.path())).is_empty());
}

#[test]
fn an_html_page_becomes_its_article_text() {
    let got = extract_file(&common::fixture("sources/article.html")).unwrap();
    assert_eq!(
        got.text,
        "深圳新建三个实验室\n\
         2024年3月5日，深圳市科技创新局宣布新建三个实验室。\n\
         其中，光明实验室聚焦合成生物学，由中国科学院深圳先进技术研究院牵头建设。\n\
         据介绍，三个实验室总投资约30亿元。\n"
    );
    assert_eq!(got.title.as_deref(), Some("深圳新建三个实验室"));
    assert_eq!(got.publisher.as_deref(), Some("示例新闻网"));
    assert_eq!(got.date.as_deref(), Some("2024-03-05"));
    assert_eq!(
        got.url.as_deref(),
        Some("https://news.example.org/2024/03/labs.html")
    );
}

/// A PDF with a Latin heading (Helvetica) and Chinese lines (a Type0 font, Identity-H, with a
/// ToUnicode map), the way office suites write them, laid out as a column that wraps inside a
/// paragraph.
fn generated_pdf(lines: &[(&str, bool)]) -> Vec<u8> {
    let mut content = String::from("BT\n");
    let mut y = 760;
    for (line, cjk) in lines {
        if *cjk {
            let hex: String = line.encode_utf16().map(|u| format!("{u:04X}")).collect();
            content.push_str(&format!("/F2 12 Tf 1 0 0 1 72 {y} Tm <{hex}> Tj\n"));
        } else {
            content.push_str(&format!("/F1 12 Tf 1 0 0 1 72 {y} Tm ({line}) Tj\n"));
        }
        y -= 18;
    }
    content.push_str("ET\n");
    let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
        /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n\
        1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
        1 beginbfrange <0020> <007E> <0020> endbfrange\n\
        1 beginbfrange <4E00> <9FFF> <4E00> endbfrange\n\
        1 beginbfrange <3000> <303F> <3000> endbfrange\n\
        1 beginbfrange <FF00> <FFEF> <FF00> endbfrange\n\
        endcmap CMapName currentdict /CMap defineresource pop end end\n";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H \
         /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>"
            .to_string(),
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light \
         /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
         /DW 1000 /FontDescriptor 9 0 R >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{cmap}endstream", cmap.len()),
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] \
         /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>"
            .to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        pdf.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[test]
fn a_pdf_becomes_its_text() {
    let pdf = generated_pdf(&[
        ("Shenzhen Science and Technology Plan", false),
        ("一、总体要求", true),
        ("到2025年，全社会研发投入占地区生产总值比重", true),
        ("达到百分之五点五，建成一批重大科技基础设施。", true),
        ("二、保障措施", true),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let got = extract_file(&path).unwrap();
    let text = got.text.as_str();
    assert!(
        text.contains("Shenzhen Science and Technology Plan"),
        "{text:?}"
    );
    // The two lines of one paragraph are joined; headings stay on their own lines.
    assert!(
        text.contains("\n到2025年，全社会研发投入占地区生产总值比重达到百分之五点五，建成一批重大科技基础设施。\n"),
        "{text:?}"
    );
    assert!(
        text.contains("一、总体要求\n") && text.ends_with("二、保障措施\n"),
        "{text:?}"
    );
}

/// Broken files added as sources: a PDF or an HTML page cut at any byte gives text or a clear
/// error, never a panic; a page saved with a BOM and CRLF line ends reads like the original.
#[test]
fn truncated_and_re_encoded_sources_are_read_or_refused_cleanly() {
    let pdf = generated_pdf(&[("一、总体要求", true), ("建成一批重大科技基础设施。", true)]);
    let html = std::fs::read(common::fixture("sources/article.html")).unwrap();
    for (name, bytes) in [("plan.pdf", &pdf), ("page.html", &html)] {
        for cut in (0..bytes.len()).step_by((bytes.len() / 40).max(1)) {
            // Either outcome is fine; returning at all (no panic, no hang) is the point.
            let _ = extract(name, &bytes[..cut]);
        }
    }
    let text = String::from_utf8(html.clone()).unwrap();
    let mut crlf = vec![0xEF, 0xBB, 0xBF];
    crlf.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    let plain = extract("page.html", &html).unwrap().text;
    let again = extract("page.html", &crlf).unwrap().text;
    assert_eq!(again, plain);
    assert!(!again.starts_with('\u{feff}'));
}
