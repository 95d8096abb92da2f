//! Plain-text cleaning shared by every way a source comes in: web-page furniture (editor
//! credits, "original title" lines, link lists, copyright and ICP lines, comment counters) and
//! the stray spaces PDF extraction puts between Chinese characters.

use super::Extracted;

/// Whether `c` is Chinese, Japanese or Korean text or full-width punctuation.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—')
}

/// Removes spaces and tabs next to a Chinese character or full-width mark ("建 立" → "建立",
/// "2020 年 10 月" → "2020年10月", "( 一 )" → "(一)"); spaces between Latin words and
/// numbers stay, and so do line breaks. Leading full-width indentation (`　　`) goes too.
pub fn tidy_cjk_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        if !out.is_empty() || text.starts_with('\n') {
            out.push('\n');
        }
        let chars: Vec<char> = line
            .trim_matches(['\u{3000}', ' ', '\t', '\r'])
            .chars()
            .collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == ' ' || c == '\t' || c == '\u{a0}' || c == '\u{3000}' {
                let mut j = i;
                while j < chars.len() && matches!(chars[j], ' ' | '\t' | '\u{a0}' | '\u{3000}') {
                    j += 1;
                }
                let before = i.checked_sub(1).map(|k| chars[k]);
                let after = chars.get(j).copied();
                let cjk_side = before.is_some_and(is_cjk) || after.is_some_and(is_cjk);
                // A bracket next to a Chinese word counts as part of it: "( 一 )".
                let bracket = before.is_some_and(|b| b == '(') || after.is_some_and(|a| a == ')');
                if !(cjk_side || bracket) {
                    out.push(' ');
                }
                i = j;
            } else {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// A line that is site furniture rather than article text.
fn is_furniture(line: &str) -> bool {
    let t = line.trim().trim_start_matches(['-', '*', '·', ' ']);
    const STARTS: &[&str] = &[
        "友情链接",
        "粤ICP备",
        "粤公网安备",
        "Copyright",
        "版权所有",
        "责任编辑",
        "原标题",
        "(原标题",
        "（原标题",
        "分享到",
        "扫一扫",
        "关注我们",
        "上一篇",
        "下一篇",
        "返回顶部",
        "打印本页",
        "关闭窗口",
    ];
    STARTS.iter().any(|s| t.starts_with(s))
        || t.contains("ICP备")
        || (t.starts_with("评论") && t.chars().count() <= 12)
        || t.contains("尽在新浪财经APP")
}

/// An editor-credit line ("编辑 黄力雯 审读 吴剑林 二审 …"): the article ends above it and what
/// follows is the site's other content (hot lists, promotions, advertisements).
fn is_credit(line: &str) -> bool {
    let t = line.trim();
    (t.starts_with("编辑") && (t.contains("审读") || t.contains("审核") || t.contains("校对")))
        || t.starts_with("责任编辑")
}

/// Drops the furniture of a web article: everything from the editor credits on, furniture
/// lines anywhere, a leading "来源:… 发布时间:…" line (read into the metadata), trailing
/// spaces and runs of blank lines. The article text itself is left as it was.
pub fn strip_furniture(text: &str, meta: &mut Extracted) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if is_credit(line) {
            break;
        }
        if (n == 0 || lines.is_empty())
            && let Some((publisher, date)) = source_line(line)
        {
            meta.publisher.get_or_insert(publisher);
            meta.date.get_or_insert(date);
            continue;
        }
        if let Some(title) = original_title(line) {
            meta.title.get_or_insert(title);
            continue;
        }
        if is_furniture(line) {
            continue;
        }
        lines.push(line.trim_end());
    }
    let mut out = String::new();
    let mut blank = true;
    for l in lines {
        if l.trim().is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
            continue;
        }
        out.push_str(l);
        out.push('\n');
        blank = false;
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// "来源:本站 发布时间:2022/07/07" → ("本站", "2022-07-07").
fn source_line(line: &str) -> Option<(String, String)> {
    let t = line.trim().replace('：', ":");
    let rest = t.strip_prefix("来源:")?;
    let (publisher, date) = rest.split_once("发布时间:")?;
    let date = date.trim().replace(['/', '.'], "-");
    Some((
        publisher.trim().to_string(),
        date.get(..10).unwrap_or(&date).to_string(),
    ))
}

/// "(原标题《…》)" or "原标题：…" → the title.
fn original_title(line: &str) -> Option<String> {
    let t = line.trim().trim_start_matches(['(', '（']);
    let rest = t.strip_prefix("原标题")?;
    let rest = rest.trim_start_matches([':', '：', ' ']);
    let title = rest
        .trim_end_matches([')', '）'])
        .trim_start_matches('《')
        .trim_end_matches('》');
    Some(title.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_next_to_chinese_go_latin_spaces_stay() {
        assert_eq!(
            tidy_cjk_spaces("2020 年 10 月 14 日,深圳经济特区建 立 40 周年"),
            "2020年10月14日,深圳经济特区建立40周年"
        );
        assert_eq!(tidy_cjk_spaces("( 三 ) 加强制度保障"), "(三)加强制度保障");
        assert_eq!(
            tidy_cjk_spaces("R&D spending rose\n　　第二段"),
            "R&D spending rose\n第二段"
        );
    }

    #[test]
    fn furniture_and_everything_after_the_credits_go() {
        let page = "来源:本站 发布时间:2022/07/07\n正文第一段。\n\n\n正文第二段。\n\
                    (原标题《一个标题》)\n编辑 黄力雯 审读 吴剑林\n读特热榜\n腾势广告\n\
                    - 粤ICP备10228864号\n";
        let mut meta = Extracted::default();
        let text = strip_furniture(page, &mut meta);
        assert_eq!(text, "正文第一段。\n\n正文第二段。\n");
        assert_eq!(meta.title.as_deref(), Some("一个标题"));
        assert_eq!(meta.date.as_deref(), Some("2022-07-07"));
        assert_eq!(meta.publisher.as_deref(), Some("本站"));
    }
}
