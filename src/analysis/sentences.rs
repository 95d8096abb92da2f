//! Sentences of a source text, Chinese and English, and which of them state something.
//!
//! Hand-written rather than Unicode's sentence boundaries (UAX #29, `unicode-segmentation`):
//! UAX #29 does not end a sentence at the Chinese semicolon `；`, which Chinese policy texts use
//! to separate whole statements ("一是…；二是…；"), and it breaks after every abbreviation
//! ("Dr. Wang"). The rules here are few and tested: a sentence ends after `。！？；!?;` or
//! a full stop that ends a sentence, together with the closing quotes and brackets that follow,
//! and at every line break (a heading or paragraph end).

use std::ops::Range;

/// Terminators that always end a sentence.
const ENDS: &[char] = &['。', '！', '？', '；', '!', '?', ';', '…'];
/// Closing quotes and brackets that stay with the sentence they close.
const CLOSERS: &[char] = &[
    '”', '’', '」', '』', '）', ')', '】', '》', '〉', '"', '\'', ']',
];
/// English words whose full stop does not end a sentence (compared in lower case).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co",
    "corp", "jr", "sr", "fig", "approx", "dept", "gov", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "p.r",
];

/// The sentences of `text` as byte ranges, trimmed of surrounding whitespace, in order; empty
/// stretches (blank lines) give none.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let ends_here = if c == '\n' {
            push_trimmed(text, start..at, &mut out);
            start = at + 1;
            i += 1;
            continue;
        } else if ENDS.contains(&c) {
            true
        } else if c == '.' || c == '．' {
            full_stop_ends(text, &chars, i)
        } else {
            false
        };
        if ends_here {
            // Take repeated terminators ("?!", "……") and the closers after them.
            let mut j = i + 1;
            while j < chars.len() && (ENDS.contains(&chars[j].1) || CLOSERS.contains(&chars[j].1)) {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |(a, _)| *a);
            push_trimmed(text, start..end, &mut out);
            start = end;
            i = j;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

/// Whether the full stop at `chars[i]` ends a sentence: it is followed by the end, a line
/// break, or (after closers) whitespace and then something that can start a sentence, and the
/// word before it is not an abbreviation or an initial. "2236.61" and "e.g." do not end.
fn full_stop_ends(text: &str, chars: &[(usize, char)], i: usize) -> bool {
    let mut j = i + 1;
    while j < chars.len() && CLOSERS.contains(&chars[j].1) {
        j += 1;
    }
    let Some(&(_, next)) = chars.get(j) else {
        return true;
    };
    if !next.is_whitespace() {
        // A full-width stop needs no space after it; an ASCII one does ("3.5", "a.b").
        return chars[i].1 == '．' || is_cjk(next);
    }
    let after = chars[j..]
        .iter()
        .map(|(_, c)| *c)
        .find(|c| !c.is_whitespace() || *c == '\n');
    if let Some(n) = after
        && n != '\n'
        && n.is_lowercase()
    {
        return false;
    }
    let word_start = chars[..i]
        .iter()
        .rposition(|(_, c)| c.is_whitespace() || *c == '(' || *c == '"')
        .map_or(0, |k| k + 1);
    let word = &text[chars.get(word_start).map_or(0, |(a, _)| *a)..chars[i].0];
    let lower = word.to_lowercase();
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    !(initial || ABBREVIATIONS.contains(&lower.as_str()))
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
}

/// Named places of the sources' world, apart from 深圳 itself (which nearly every sentence
/// names, so it says nothing about whether a sentence states a fact).
const PLACES: &[&str] = &[
    "粤港澳",
    "大湾区",
    "广东",
    "香港",
    "澳门",
    "前海",
    "河套",
    "光明",
    "坪山",
    "南山",
    "福田",
    "宝安",
    "龙岗",
    "龙华",
    "罗湖",
    "盐田",
    "大鹏",
    "深汕",
    "西丽",
    "北京",
    "上海",
    "全国",
    "全球",
    "国际",
];
/// Suffixes of named bodies and places of work.
const BODIES: &[&str] = &[
    "委员会",
    "科创委",
    "科技创新局",
    "研究院",
    "研究所",
    "实验室",
    "大学",
    "学院",
    "公司",
    "集团",
    "基金",
    "银行",
    "交易所",
    "政府",
    "中心",
    "大会",
    "会议",
    "装置",
    "平台",
    "园区",
    "科学城",
];
/// Words of plans and programmes.
const PLANS: &[&str] = &[
    "规划", "计划", "方案", "行动", "工程", "条例", "意见", "纲要", "专项", "战略", "项目",
];
/// Counters and units that make a Chinese numeral a figure ("三所", "五大").
const UNITS: &[char] = &[
    '个', '家', '项', '所', '条', '座', '名', '位', '台', '批', '倍', '亿', '万', '%', '％', '大',
    '类', '年', '届', '次',
];

/// Whether a sentence states something a graph could hold: a figure or date (digits, or a
/// Chinese numeral with a counter or unit: 三所, 五大, 百亿), a named document (`《…》`),
/// a named body (a word ending 委员会, 实验室, 大学, 公司, 中心, …), a plan or programme
/// (规划, 计划, 方案, 行动, 工程, …), or a named place other than 深圳 (districts, the Greater
/// Bay Area, Hong Kong, …). Sentences shorter than six characters (headings such as
/// "八、保障措施") state nothing by themselves.
pub fn is_statement(sentence: &str) -> bool {
    let chars: Vec<char> = sentence.chars().filter(|c| !c.is_whitespace()).collect();
    if chars.len() < 6 {
        return false;
    }
    let has_digit = chars
        .iter()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(c));
    let numeral = chars
        .windows(2)
        .any(|w| "一二三四五六七八九十百千万两".contains(w[0]) && UNITS.contains(&w[1]));
    let has = |words: &[&str]| words.iter().any(|w| sentence.contains(w));
    has_digit
        || numeral
        || sentence.contains('《')
        || has(PLACES)
        || has(PLANS)
        || BODIES.iter().any(|b| named_body(sentence, b))
}

/// `suffix` preceded by at least two CJK characters (a name), not at the very start.
fn named_body(sentence: &str, suffix: &str) -> bool {
    sentence.match_indices(suffix).any(|(at, _)| {
        sentence[..at]
            .chars()
            .rev()
            .take(2)
            .filter(|c| is_cjk(*c) && !"，、。；：".contains(*c))
            .count()
            == 2
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn chinese_sentences_end_at_stops_semicolons_and_keep_closing_quotes() {
        let t = "一是建设机构；二是布局载体。“要坚持创新。”他说！对吗？\n八、保障措施\n";
        assert_eq!(
            texts(t),
            vec![
                "一是建设机构；",
                "二是布局载体。",
                "“要坚持创新。”",
                "他说！",
                "对吗？",
                "八、保障措施"
            ]
        );
    }

    #[test]
    fn english_sentences_respect_abbreviations_decimals_and_initials() {
        let t = "R&D rose to 5.49% in 2021. Dr. Wang met J. Smith at the U.S. embassy. \
                 It works, e.g. for labs. Done!";
        assert_eq!(
            texts(t),
            vec![
                "R&D rose to 5.49% in 2021.",
                "Dr. Wang met J. Smith at the U.S. embassy.",
                "It works, e.g. for labs.",
                "Done!"
            ]
        );
    }

    #[test]
    fn lower_case_after_a_stop_continues_the_sentence() {
        assert_eq!(
            texts("See fig. three. Next"),
            vec!["See fig. three.", "Next"]
        );
        assert_eq!(texts("a ok. then b. Then"), vec!["a ok. then b.", "Then"]);
    }

    #[test]
    fn statements_name_figures_bodies_plans_or_places() {
        assert!(is_statement("2023年深圳R&D经费投入2236.61亿元。"));
        assert!(is_statement("全市11所高等院校获科研资金稳定支持。"));
        assert!(is_statement("建设鹏城实验室和深圳湾实验室。"));
        assert!(is_statement("印发《深圳市科技创新“十四五”规划》。"));
        assert!(is_statement("推进河套深港科技创新合作区建设。"));
        assert!(is_statement("组建三所新型研究型大学。"));
        assert!(!is_statement("八、保障措施"));
        assert!(!is_statement(
            "深圳坚持把创新作为城市高质量发展的核心动能。"
        ));
        assert!(!is_statement("让人才竞相成长、实现梦想。"));
    }
}
