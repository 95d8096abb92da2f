//! A web page reduced to its article text with `scraper` (html5ever, the parser Servo uses)
//! and a readability-style choice: the element whose paragraphs hold the most text is the
//! article; scripts, styles, navigation, headers, footers, sidebars, forms, comment and
//! advertisement blocks are left out, and so is the furniture `clean` knows.

use super::Extracted;
use scraper::{ElementRef, Html, Selector};
use std::collections::HashMap;

/// Elements never part of an article.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button",
    "select", "svg", "template",
];
/// Class or id fragments of page furniture.
const SKIP_HINTS: &[&str] = &[
    "comment",
    "footer",
    "nav",
    "menu",
    "share",
    "advert",
    "ad-",
    "-ad",
    "banner",
    "related",
    "recommend",
    "sidebar",
    "editor",
    "qr",
    "promo",
    "breadcrumb",
    "copyright",
    "hot",
];
const BLOCKS: &str = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre";

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn skipped(el: &ElementRef) -> bool {
    let v = el.value();
    if SKIP_TAGS.contains(&v.name()) {
        return true;
    }
    let marks = format!(
        "{} {}",
        v.attr("class").unwrap_or(""),
        v.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    SKIP_HINTS.iter().any(|h| {
        marks
            .split(|c: char| c.is_whitespace())
            .any(|w| w == h.trim_matches('-') || w.contains(h))
    })
}

/// The text of an element, whitespace runs as one space (full-width indentation dropped).
fn block_text(el: &ElementRef) -> String {
    let raw: String = el.text().collect();
    let mut out = String::with_capacity(raw.len());
    for word in raw.split(|c: char| c.is_whitespace() || c == '\u{3000}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    super::clean::tidy_cjk_spaces(&out)
}

/// Markdown/Jekyll front matter (`---` … `---`) read into `meta`; returns the rest.
pub fn strip_front_matter<'a>(text: &'a str, meta: &mut Extracted) -> &'a str {
    let t = text.trim_start();
    let Some(rest) = t.strip_prefix("---") else {
        return text;
    };
    let Some(end) = rest.find("\n---") else {
        return text;
    };
    for line in rest[..end].lines() {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = v.trim().trim_matches(['\'', '"']).to_string();
        if v.is_empty() {
            continue;
        }
        match k.trim() {
            "title" => meta.title = Some(v),
            "date" => meta.date = Some(v),
            "author" | "publisher" | "source" => meta.publisher = Some(v),
            "url" | "link" | "canonical_url" => meta.url = Some(v),
            _ => {}
        }
    }
    let after = &rest[end + 4..];
    after.strip_prefix('\n').unwrap_or(after)
}

fn meta_content(doc: &Html, css: &str) -> Option<String> {
    let sel = selector(css)?;
    let el = doc.select(&sel).next()?;
    let v = el
        .value()
        .attr("content")
        .or_else(|| el.value().attr("href"))
        .map(str::to_string)
        .unwrap_or_else(|| el.text().collect::<String>());
    let v = v.trim().to_string();
    (!v.is_empty()).then_some(v)
}

/// The article text of an HTML page (or of a Markdown file with HTML in it) and what the page
/// says about itself (title, date, publisher, address).
pub fn html_to_text(page: &str) -> Extracted {
    let mut meta = Extracted::default();
    let body = strip_front_matter(page, &mut meta);
    let doc = Html::parse_document(body);
    if meta.title.is_none() {
        meta.title =
            meta_content(&doc, "meta[property='og:title']").or_else(|| meta_content(&doc, "title"));
    }
    if meta.date.is_none() {
        meta.date = meta_content(&doc, "meta[property='article:published_time']")
            .or_else(|| meta_content(&doc, "meta[name='date']"))
            .or_else(|| meta_content(&doc, "time"));
    }
    if meta.publisher.is_none() {
        meta.publisher = meta_content(&doc, "meta[property='og:site_name']")
            .or_else(|| meta_content(&doc, "meta[name='author']"));
    }
    if meta.url.is_none() {
        meta.url = meta_content(&doc, "link[rel='canonical']")
            .or_else(|| meta_content(&doc, "meta[property='og:url']"));
    }
    let Some(blocks_sel) = selector(BLOCKS) else {
        return meta;
    };
    // Blocks in document order, with the element holding each (its parent).
    let mut blocks = Vec::new();
    for el in doc.select(&blocks_sel) {
        let ancestors: Vec<ElementRef> = el.ancestors().filter_map(ElementRef::wrap).collect();
        if skipped(&el) || ancestors.iter().any(skipped) {
            continue;
        }
        // A paragraph inside a list item is read with the item.
        if ancestors
            .iter()
            .any(|a| matches!(a.value().name(), "p" | "li" | "blockquote" | "pre"))
        {
            continue;
        }
        let text = block_text(&el);
        if text.is_empty() {
            continue;
        }
        let Some(parent) = ancestors.first() else {
            continue;
        };
        blocks.push((parent.id(), text, el.value().name() == "p"));
    }
    // The article is the container whose paragraphs hold the most text.
    let mut weight = HashMap::new();
    for (parent, text, para) in &blocks {
        if *para {
            *weight.entry(*parent).or_insert(0usize) += text.chars().count();
        }
    }
    let best = weight.iter().max_by_key(|(_, w)| **w).map(|(id, _)| *id);
    let text: Vec<String> = blocks
        .into_iter()
        .filter(|(parent, _, _)| {
            best.is_none_or(|best| {
                *parent == best
                    || doc
                        .tree
                        .get(*parent)
                        .is_some_and(|n| n.ancestors().any(|a| a.id() == best))
            })
        })
        .map(|(_, t, _)| t)
        .collect();
    meta.text = super::clean::strip_furniture(&text.join("\n"), &mut meta);
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_metadata() {
        let mut m = Extracted::default();
        let rest = strip_front_matter("---\ntitle: 'T'\nauthor: 新浪财经\n---\n<p>x</p>", &mut m);
        assert_eq!(rest, "<p>x</p>");
        assert_eq!(m.title.as_deref(), Some("T"));
        assert_eq!(m.publisher.as_deref(), Some("新浪财经"));
    }
}
