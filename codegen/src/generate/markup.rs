//! Alibaba Cloud's documentation markup → rustdoc Markdown.
//!
//! Vendor texts (the metadata's Chinese, the SDK packages' English) are Markdown with extras:
//! site variants (`<props="china">…</props>`, `<props="intl">…`, unclosed in the SDK packages,
//! and inline as `<props="intl"><ph>…</ph>`), document links (`[DescribeRegions](~~25609~~)`),
//! `<details>` blocks, untagged code fences and free indentation. What rustdoc gets:
//! - the international variant where a section (the text between headings) has one, the
//!   other variants dropped; a variant with no international sibling kept as the only text;
//! - document links pointing at the vendor's help centre (English or Chinese site);
//! - nested lists with their nesting, but no line indented into an accidental code block;
//! - untagged fences as `text` (never a doctest), every fence closed; `<details>`, `<summary>`
//!   and tables set apart by blank lines so that their Markdown renders;
//! - `<`, `[`, `]` and bare URLs that rustdoc would take for HTML, intra-doc links or lint as
//!   bare URLs escaped or bracketed; no empty-line runs.

use std::sync::OnceLock;

use regex_lite::{Captures, Regex};

/// Which help centre document links (`~~25609~~`) point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Site {
    /// `https://www.alibabacloud.com/help/doc-detail/25609.htm`
    English,
    /// `https://help.aliyun.com/document_detail/25609.html`
    Chinese,
}

/// The rustdoc lines of one vendor text (no leading, trailing or repeated blank lines).
pub fn render(text: &str, site: Site) -> Vec<String> {
    let text = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\t', "    ");
    let text = select_variants(&text);
    let text = doc_links(&text, site);
    let lines = layout(&text);
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        if line.trim().is_empty() {
            if out.last().is_some_and(|l| !l.is_empty()) {
                out.push(String::new());
            }
        } else {
            out.push(line.trim_end().to_owned());
        }
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

const INTL: &str = "intl";

/// Keeps the international variant of each section where it has one (see the module docs).
fn select_variants(text: &str) -> String {
    let text = inline_variants(text);
    // Segments: (variant, text, section index).
    let mut segments: Vec<(Option<String>, String, usize)> = Vec::new();
    let mut rest = text.as_str();
    let mut section = 0;
    let mut variant: Option<String> = None;
    // An unclosed block also ends at the next heading.
    let mut unclosed = false;
    loop {
        let next_tag = rest.find("<props=").map(|i| (i, true));
        let next_close = rest.find("</props>").map(|i| (i, false));
        let next_heading = heading_start(rest);
        let tag = match (next_tag, next_close) {
            (Some(a), Some(b)) => Some(if a.0 < b.0 { a } else { b }),
            (a, b) => a.or(b),
        };
        if let (true, Some(h)) = (unclosed && variant.is_some(), next_heading) {
            if tag.is_none_or(|(t, _)| h < t) {
                push_segment(&mut segments, variant.take(), &rest[..h], &mut section);
                unclosed = false;
                rest = &rest[h..];
                continue;
            }
        }
        let Some((at, opening)) = tag else {
            push_segment(&mut segments, variant.take(), rest, &mut section);
            break;
        };
        push_segment(&mut segments, variant.take(), &rest[..at], &mut section);
        if opening {
            let tail = &rest[at..];
            let end = tail.find('>').map_or(tail.len(), |e| e + 1);
            let name = tail[..end]
                .trim_start_matches("<props=")
                .trim_end_matches('>')
                .trim_matches(|c| c == '"' || c == '\'')
                .to_owned();
            rest = &tail[end..];
            let closed = match (rest.find("</props>"), rest.find("<props=")) {
                (Some(c), Some(o)) => c < o,
                (Some(_), None) => true,
                _ => false,
            };
            unclosed = !closed;
            variant = Some(name);
        } else {
            rest = &rest[at + "</props>".len()..];
            unclosed = false;
        }
    }
    let sections_with_intl: Vec<usize> = segments
        .iter()
        .filter(|(v, _, _)| v.as_deref() == Some(INTL))
        .map(|(_, _, s)| *s)
        .collect();
    segments
        .into_iter()
        .filter(|(v, _, s)| match v.as_deref() {
            None | Some(INTL) => true,
            Some(_) => !sections_with_intl.contains(s),
        })
        .map(|(_, t, _)| t)
        .collect()
}

fn push_segment(
    segments: &mut Vec<(Option<String>, String, usize)>,
    variant: Option<String>,
    text: &str,
    section: &mut usize,
) {
    // A heading inside the segment starts a new section for what follows.
    let mut start = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if is_heading(line) && offset > 0 {
            segments.push((variant.clone(), text[start..offset].to_owned(), *section));
            start = offset;
            *section += 1;
        } else if is_heading(line) {
            *section += 1;
        }
        offset += line.len();
    }
    segments.push((variant, text[start..].to_owned(), *section));
}

fn is_heading(line: &str) -> bool {
    let t = line.trim_start();
    let hashes = t.bytes().take_while(|b| *b == b'#').count();
    (1..=6).contains(&hashes) && t[hashes..].starts_with(' ')
}

/// Byte offset of the first heading line that starts after the beginning of `text`.
fn heading_start(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset > 0 && is_heading(line) {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// `<props="china"><ph>…</ph><props="intl"><ph>…</ph>`: per line, the international phrase where
/// the line has one, else every phrase.
fn inline_variants(text: &str) -> String {
    let re = inline_re();
    text.split_inclusive('\n')
        .map(|line| {
            if !line.contains("<ph>") {
                return line.to_owned();
            }
            let has_intl = re.captures_iter(line).any(|c| &c[1] == INTL);
            re.replace_all(line, |c: &Captures<'_>| {
                if has_intl && &c[1] != INTL {
                    String::new()
                } else {
                    c[2].to_owned()
                }
            })
            .into_owned()
        })
        .collect()
}

/// Compiled once per process (the macro renders thousands of texts per product).
fn cached(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("a valid regex"))
}

fn inline_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    cached(&RE, r#"<props="([A-Za-z]+)">\s*<ph>(.*?)</ph>"#)
}

/// `~~25609~~` and `~~25412#Quota~~` → help centre URLs (English texts: Chinese help centre
/// links too); `[](#)` anchors dropped.
fn doc_links(text: &str, site: Site) -> String {
    static LINK: OnceLock<Regex> = OnceLock::new();
    static CHINESE_HELP: OnceLock<Regex> = OnceLock::new();
    let re = cached(&LINK, r"(\()?~~(\d+)(#[^~\s)]*)?~~");
    // Each regex runs only on a text holding its literal part: most texts hold none, and the
    // macro renders thousands of them per product (a regex scan is most of the macro's time in
    // a dev build, where it is not optimized).
    let mut text = text.replace("[](#)", "");
    if site == Site::English && text.contains("help.aliyun.com/document_detail/") {
        // The English packages still link the Chinese help centre; the same document number
        // is the English page.
        let chinese = cached(
            &CHINESE_HELP,
            r"https?://help\.aliyun\.com/document_detail/(\d+)\.html",
        );
        text = chinese
            .replace_all(&text, "https://www.alibabacloud.com/help/doc-detail/$1.htm")
            .into_owned();
    }
    // `[ListResources](158866)`: a link to a help-centre document by its number.
    static NUMBERED: OnceLock<Regex> = OnceLock::new();
    let numbered = cached(&NUMBERED, r"\]\((\d+)(#[^)\s]*)?\)");
    if text.contains("](") {
        text = numbered
            .replace_all(&text, |c: &Captures<'_>| {
                let anchor = c.get(2).map_or("", |m| m.as_str());
                format!("]({})", help_url(site, &c[1], anchor))
            })
            .into_owned();
    }
    if !text.contains("~~") {
        return text;
    }
    re.replace_all(&text, |c: &Captures<'_>| {
        let anchor = c.get(3).map_or("", |m| m.as_str());
        let url = help_url(site, &c[2], anchor);
        if c.get(1).is_some() {
            format!("({url}")
        } else {
            format!("<{url}>")
        }
    })
    .into_owned()
}

/// The help-centre page of document `number` on `site`, with its `#anchor` if any.
fn help_url(site: Site, number: &str, anchor: &str) -> String {
    match site {
        Site::English => {
            format!("https://www.alibabacloud.com/help/doc-detail/{number}.htm{anchor}")
        }
        Site::Chinese => format!("https://help.aliyun.com/document_detail/{number}.html{anchor}"),
    }
}

/// A list item's marker: `- `, `* `, `+ `, `1. `, `1) `; returns its width with the spaces after.
fn list_marker(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let after = if matches!(b.first(), Some(b'-' | b'*' | b'+')) {
        1
    } else {
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || digits > 9 || !matches!(b.get(digits), Some(b'.' | b')')) {
            return None;
        }
        digits + 1
    };
    let spaces = b[after..].iter().take_while(|c| **c == b' ').count();
    if spaces == 0 || after + spaces == b.len() {
        return None;
    }
    // More than four spaces after the marker would make the item's text code.
    Some(after + spaces.min(4))
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Line layout: nesting kept, fences tagged and closed, HTML blocks and tables set apart,
/// inline text escaped.
fn layout(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Open list items: (original indent, rendered content column).
    let mut lists: Vec<(usize, usize)> = Vec::new();
    // An open fence: (its marker, original indent, rendered indent).
    let mut fence: Option<(String, usize, usize)> = None;
    let mut previous_blank = true;
    let mut in_table = false;
    for raw in text.lines() {
        let indent = indent_of(raw);
        let t = raw.trim();
        if let Some((marker, orig, col)) = &fence {
            if t.starts_with(marker.as_str()) && t.trim_start_matches('`').trim().is_empty() {
                out.push(format!("{}{marker}", " ".repeat(*col)));
                fence = None;
            } else {
                let extra = indent.saturating_sub(*orig);
                out.push(format!(
                    "{}{}{}",
                    " ".repeat(*col),
                    " ".repeat(extra),
                    raw.trim()
                ));
            }
            previous_blank = false;
            continue;
        }
        if t.is_empty() {
            out.push(String::new());
            previous_blank = true;
            in_table = false;
            continue;
        }
        // Where this line sits: inside which list item, at what column.
        let item = list_marker(t);
        while lists.last().is_some_and(|(orig, _)| {
            if item.is_some() {
                indent <= *orig
            } else {
                indent <= *orig && (previous_blank || indent == 0)
            }
        }) {
            lists.pop();
        }
        if item.is_none() && indent == 0 && previous_blank {
            lists.clear();
        }
        let col = lists.last().map_or(0, |(_, c)| *c);
        if let Some(rest) = t.strip_prefix("```") {
            let ticks = 3 + rest.bytes().take_while(|b| *b == b'`').count();
            let after = rest.trim_start_matches('`').trim();
            // An info string with a backtick is no fence (CommonMark): the line is inline code
            // such as ```()` ~!@#```, kept as written.
            if after.contains('`') {
                out.push(format!("{}{t}", " ".repeat(col)));
                previous_blank = false;
                continue;
            }
            // A language tag, or code written on the fence line itself (```[{ …): the code
            // then starts a `text` block.
            let is_tag = after
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_-+.".contains(&b));
            let info = if !is_tag || after.is_empty() || after.eq_ignore_ascii_case("rust") {
                "text"
            } else {
                after
            };
            out.push(format!("{}{}{info}", " ".repeat(col), "`".repeat(ticks)));
            if !is_tag {
                out.push(format!("{}{after}", " ".repeat(col)));
            }
            fence = Some(("`".repeat(ticks), indent, col));
            previous_blank = false;
            continue;
        }
        if is_html_block(t) {
            // Raw HTML blocks end at a blank line: keep the Markdown around them Markdown.
            lists.clear();
            out.push(String::new());
            out.push(t.to_owned());
            out.push(String::new());
            previous_blank = true;
            continue;
        }
        let is_row = t.starts_with('|');
        if is_row && !in_table && !previous_blank {
            out.push(String::new());
        }
        if !is_row && in_table {
            out.push(String::new());
        }
        in_table = is_row;
        if is_heading(t) {
            lists.clear();
            out.push(String::new());
            out.push(escape_inline(t));
            out.push(String::new());
            previous_blank = true;
            continue;
        }
        let line = match item {
            Some(width) => {
                // One space after the marker: the item's text starts right after it.
                let marker = t[..width].trim_end();
                lists.push((indent, col + marker.len() + 1));
                format!(
                    "{}{marker} {}",
                    " ".repeat(col),
                    escape_inline(t[width..].trim_start())
                )
            }
            None => format!("{}{}", " ".repeat(col), escape_inline(t)),
        };
        out.push(line);
        previous_blank = false;
    }
    if let Some((marker, _, col)) = fence {
        out.push(format!("{}{marker}", " ".repeat(col)));
    }
    out
}

const BLOCK_TAGS: &[&str] = &["<details", "</details>", "<summary"];

fn is_html_block(t: &str) -> bool {
    BLOCK_TAGS.iter().any(|tag| t.starts_with(tag))
}

/// HTML tags rustdoc may receive as written; any other `<` is text.
const HTML_TAGS: &[&str] = &[
    "a", "b", "br", "code", "details", "div", "em", "i", "li", "ol", "pre", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
];
/// Vendor tags with no meaning outside the help centre: dropped, their content kept. `p` and
/// `note` come with help-centre attributes (`<p id=… props="china">…</p>`); a paragraph needs no
/// tag in Markdown, and keeping only one half of a pair would be an unopened tag.
const VENDOR_TAGS: &[&str] = &["ph", "notice", "props", "p", "note"];

/// Escapes, outside code spans: `<` of anything but a known HTML tag (vendor tags dropped),
/// `[`/`]` that are not a Markdown link (rustdoc would resolve them as intra-doc links), and
/// wraps bare URLs in `<…>`.
fn escape_inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    while !rest.is_empty() {
        // Code spans are copied as written.
        if rest.starts_with('`') {
            let ticks = rest.bytes().take_while(|b| *b == b'`').count();
            let marker = &rest[..ticks];
            if let Some(end) = rest[ticks..].find(marker) {
                let span_end = ticks + end + ticks;
                out.push_str(&rest[..span_end]);
                rest = &rest[span_end..];
                continue;
            }
            out.push_str(marker);
            rest = &rest[ticks..];
            continue;
        }
        let c = rest.chars().next().unwrap_or_default();
        match c {
            '<' => {
                let tag_end = rest.find('>');
                let name: String = rest[1..]
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                match tag_end {
                    Some(end) if VENDOR_TAGS.contains(&name.as_str()) => {
                        rest = &rest[end + 1..];
                    }
                    Some(end)
                        if HTML_TAGS.contains(&name.as_str()) && !rest[..end].contains(' ')
                            || rest.starts_with("<a ") =>
                    {
                        out.push_str(&rest[..=end]);
                        rest = &rest[end + 1..];
                    }
                    Some(end) if rest[1..end].starts_with("http") && !rest[..end].contains(' ') => {
                        // An autolink already.
                        out.push_str(&rest[..=end]);
                        rest = &rest[end + 1..];
                    }
                    // `a < b`, `<=`: no tag, nothing to escape.
                    _ if rest[1..].starts_with(|c: char| {
                        c.is_whitespace() || c.is_ascii_digit() || c == '='
                    }) =>
                    {
                        out.push('<');
                        rest = &rest[1..];
                    }
                    _ => {
                        out.push_str("&lt;");
                        rest = &rest[1..];
                    }
                }
            }
            '[' => match link_end(rest) {
                Some(end) => {
                    // `[text](url)`: the text escaped, the URL as written.
                    let close = rest.find("](").unwrap_or(0);
                    out.push('[');
                    out.push_str(&escape_inline(&rest[1..close]));
                    out.push_str(&rest[close..end]);
                    rest = &rest[end..];
                }
                None => {
                    out.push_str("\\[");
                    rest = &rest[1..];
                }
            },
            ']' => {
                out.push_str("\\]");
                rest = &rest[1..];
            }
            // A Markdown escape already (`\*`, `\[`): kept as written.
            '\\' if rest[1..].starts_with(|c: char| c.is_ascii_punctuation()) => {
                let escaped = &rest[..2];
                out.push_str(escaped);
                rest = &rest[2..];
            }
            'h' if rest.starts_with("http://") || rest.starts_with("https://") => {
                let len = rest
                    .find(|c: char| {
                        c.is_whitespace() || !c.is_ascii() || matches!(c, '<' | '>' | '"' | '`')
                    })
                    .unwrap_or(rest.len());
                let url = rest[..len].trim_end_matches(['.', ',', ';', ':', ')', '\'', '*']);
                if url.len() > "https://".len() {
                    out.push('<');
                    out.push_str(url);
                    out.push('>');
                    rest = &rest[url.len()..];
                } else {
                    out.push('h');
                    rest = &rest[1..];
                }
            }
            _ => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// The end (exclusive) of a Markdown link `[text](url)` starting at `s`, if `s` starts one.
fn link_end(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut close = None;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            '`' => return None,
            _ => {}
        }
    }
    let close = close?;
    let after = &s[close + 1..];
    if !after.starts_with('(') {
        return None;
    }
    let mut depth = 0usize;
    for (i, c) in after.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(close + 1 + i + 1);
                }
            }
            ' ' if !after[..i].contains('"') => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_variants_keep_intl_only_where_both_exist() {
        let zh = "## 说明\n\n<props=\"china\">\n\n- **准备**：\n  - 实名\n\n</props>\n\n<props=\"intl\">\n\n- **准备**：\n  - 成本\n\n</props>\n\n- 其他";
        assert_eq!(
            render(zh, Site::Chinese),
            ["## 说明", "", "- **准备**：", "  - 成本", "", "- 其他"]
        );
    }

    #[test]
    fn unclosed_variants_end_at_the_next_variant_or_heading() {
        let en = "<props=\"china\">\nChina pricing.\n<props=\"intl\">Intl pricing.\nBoth.\n### Before you begin\n<props=\"china\">\n- Only China has this list.\n### Next\nText.";
        assert_eq!(
            render(en, Site::English),
            [
                "Intl pricing.",
                "Both.",
                "",
                "### Before you begin",
                "",
                "- Only China has this list.",
                "",
                "### Next",
                "",
                "Text."
            ]
        );
    }

    #[test]
    fn inline_variants_and_links() {
        let en = "Go to <props=\"china\"><ph>[Orders](https://a.cn)</ph><props=\"intl\"><ph>[Orders](https://a.com)</ph>. See [DescribeRegions](~~25609~~), ~~25412#Quota~~ and [Limits](https://help.aliyun.com/document_detail/2.html).";
        assert_eq!(
            render(en, Site::English),
            ["Go to [Orders](https://a.com). See [DescribeRegions](https://www.alibabacloud.com/help/doc-detail/25609.htm), <https://www.alibabacloud.com/help/doc-detail/25412.htm#Quota> and [Limits](https://www.alibabacloud.com/help/doc-detail/2.htm)."]
        );
        assert_eq!(
            render("[地域](~~1~~)", Site::Chinese),
            ["[地域](https://help.aliyun.com/document_detail/1.html)"]
        );
    }

    #[test]
    fn escapes_what_rustdoc_would_misread() {
        assert_eq!(
            render("Format: <account_id>, `<code>` [ListRegions] [1, 100] [\"1\"\\] (\\*) see https://x.com/a. <br>", Site::English),
            ["Format: &lt;account_id>, `<code>` \\[ListRegions\\] \\[1, 100\\] \\[\"1\"\\] (\\*) see <https://x.com/a>. <br>"]
        );
    }

    #[test]
    fn fences_are_tagged_closed_and_keep_their_indentation() {
        let en = "<details>\n<summary>Example</summary>\n```\nA:1,\n  B:2\n```\n</details>\n- item\n    ```json\n    {}\n    ```\n```";
        assert_eq!(
            render(en, Site::English),
            [
                "<details>",
                "",
                "<summary>Example</summary>",
                "",
                "```text",
                "A:1,",
                "  B:2",
                "```",
                "",
                "</details>",
                "",
                "- item",
                "  ```json",
                "  {}",
                "  ```",
                "```text",
                "```"
            ]
        );
    }

    /// Shapes found in the texts of the products added with issue 19 that rustdoc refused.
    #[test]
    fn vendor_slips_in_fences_links_and_paragraph_tags() {
        // Inline code written with triple backticks at the start of a line: not a fence.
        assert_eq!(
            render("```()` ~!@#$%```\n\nNext.", Site::Chinese),
            ["```()` ~!@#$%```", "", "Next."]
        );
        // Code on the fence line itself.
        assert_eq!(
            render("```[{\n  \"a\": 1\n}]\n```", Site::English),
            ["```text", "[{", "  \"a\": 1", "}]", "```"]
        );
        // A link to a help-centre document by its number.
        assert_eq!(
            render("Call [ListResources](158866) first.", Site::English),
            ["Call [ListResources](https://www.alibabacloud.com/help/doc-detail/158866.htm) first."]
        );
        // Help-centre paragraph tags with attributes: dropped, text kept.
        assert_eq!(
            render(
                r#"<p id="p_1" props="china" icmsditafragmentmagic=1>IOPS.</p>"#,
                Site::English
            ),
            ["IOPS."]
        );
    }

    #[test]
    fn nested_lists_keep_nesting_without_becoming_code() {
        let en = "Intro:\n*   One\n    *   Nested\n        - Deeper\n*   Two\n\n        Not code.";
        assert_eq!(
            render(en, Site::English),
            [
                "Intro:",
                "* One",
                "  * Nested",
                "    - Deeper",
                "* Two",
                "",
                "  Not code."
            ]
        );
    }
}
