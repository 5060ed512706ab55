//! Rustdoc text for generated items, from the spec's descriptions and rules.

use serde_json::Value;

use crate::spec::*;

/// `#[doc = ...]` lines rendered as plain strings; the generator turns them into attributes.
#[derive(Default)]
pub struct Doc {
    lines: Vec<String>,
}

impl Doc {
    pub fn line(&mut self, line: impl Into<String>) -> &mut Self {
        self.lines.push(line.into());
        self
    }

    pub fn blank(&mut self) -> &mut Self {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
        self
    }

    pub fn text(&mut self, text: &Text) -> &mut Self {
        if let Some(en) = &text.en {
            for l in en.lines() {
                self.line(l.trim_end());
            }
        }
        if let Some(zh) = &text.zh {
            if text.en.is_some() {
                self.blank();
            }
            let mut first = true;
            for l in clean_vendor_markup(zh).lines() {
                let l = l.trim_end();
                if first {
                    self.line(format!("Original (zh): {l}"));
                    first = false;
                } else {
                    self.line(l);
                }
            }
        }
        self
    }

    pub fn into_lines(self) -> Vec<String> {
        // Drop trailing blank lines.
        let mut lines = self.lines;
        while lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        lines
    }
}

/// Vendor descriptions carry `<props="china">` blocks and `~~123~~` doc links, and Markdown
/// code fences that rustdoc would compile as doctests.
fn clean_vendor_markup(text: &str) -> String {
    // Drop the site-selection tags, keep their content (other `<…>` text is kept as written).
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        match tail.find('>') {
            Some(end) if tail.starts_with("<props") || tail.starts_with("</props") => {
                rest = &tail[end + 1..];
            }
            _ => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    // `[ListRegions](~~189315~~)` → `ListRegions`
    let mut cleaned = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(open) = rest.find("](~~") {
        let before = &rest[..open];
        match (before.rfind('['), rest[open..].find("~~)")) {
            (Some(bracket), Some(close)) => {
                cleaned.push_str(&before[..bracket]);
                cleaned.push('`');
                cleaned.push_str(&before[bracket + 1..]);
                cleaned.push('`');
                rest = &rest[open + close + 3..];
            }
            _ => {
                cleaned.push_str(&rest[..open + 4]);
                rest = &rest[open + 4..];
            }
        }
    }
    cleaned.push_str(rest);
    // Rustdoc treats indented blocks as code, and untagged fences as Rust doctests; neither is
    // meant by vendor Markdown.
    let mut in_fence = false;
    cleaned
        .lines()
        .map(str::trim_start)
        .map(|line| {
            if let Some(info) = line.strip_prefix("```") {
                let opening = !in_fence;
                in_fence = !in_fence;
                if opening && (info.trim().is_empty() || info.trim() == "rust") {
                    return "```text".to_owned();
                }
            }
            line.to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn render_value(v: &Value) -> String {
    match v {
        Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    }
}

/// The documentation of a request parameter: description, wire facts and every rule.
pub fn field_doc(f: &Field, request: bool) -> Vec<String> {
    let mut d = Doc::default();
    d.text(&f.description);
    d.blank();
    let mut facts = format!("Wire name `{}`, {}", f.name, f.ty.describe());
    if let Some(unit) = &f.unit {
        facts.push_str(&format!(", in {unit}"));
    }
    if request {
        facts.push_str(if f.required {
            ", **required**"
        } else {
            ", optional"
        });
    }
    facts.push('.');
    d.line(facts);
    if let Some(default) = &f.default {
        d.line(format!(
            "Default when not sent: `{}`.",
            render_value(default)
        ));
    }
    if let Some(example) = &f.example {
        d.line(format!("Example: `{example}`."));
    }
    if f.idempotency_token {
        d.line("Idempotency token: when left empty the client fills a fresh UUID once per call and sends the same value on every retry.");
    }
    if f.deprecated {
        d.line(match &f.deprecation_note {
            Some(note) => format!("Deprecated by the service: {note}"),
            None => "Deprecated by the service.".to_owned(),
        });
    }
    if !f.enum_values.is_empty() {
        let values: Vec<String> = f.enum_values.iter().map(|v| format!("`{v}`")).collect();
        d.line(format!(
            "Published values: {} (others are kept as `Unknown`).",
            values.join(", ")
        ));
    }
    if f.location == Some(ParameterLocation::FormData) {
        d.line("Sent form-encoded in the request body.");
    }
    if !f.constraints.is_empty() {
        d.blank();
        d.line("Rules:");
        for c in &f.constraints {
            d.line(format!("- {}", constraint_sentence(c)));
        }
    }
    d.into_lines()
}

pub fn constraint_sentence(c: &Constraint) -> String {
    let rule = match &c.kind {
        ConstraintKind::OneOf(values) => {
            let list: Vec<String> = values.iter().map(render_value).collect();
            format!("one of {{{}}}", list.join(", "))
        }
        ConstraintKind::Range { min, max } => match (min, max) {
            (Some(min), Some(max)) => format!("between {min} and {max}"),
            (Some(min), None) => format!("at least {min}"),
            (None, Some(max)) => format!("at most {max}"),
            (None, None) => "within range".to_owned(),
        },
        ConstraintKind::MultipleOf(m) => format!("a multiple of {m}"),
        ConstraintKind::Length { min, max } => match (min, max) {
            (Some(min), Some(max)) => format!("{min} to {max} characters long"),
            (Some(min), None) => format!("at least {min} characters long"),
            (None, Some(max)) => format!("at most {max} characters long"),
            (None, None) => "of valid length".to_owned(),
        },
        ConstraintKind::Charset(Charset::Ascii) => "ASCII characters only".to_owned(),
        ConstraintKind::RequiredWhen { parameter, equals } => {
            let code = c.error_code.as_deref().unwrap_or("InvalidParameter");
            let mut sentence = format!(
                "Required when `{parameter}` = `{}`; otherwise `{code}`.",
                render_value(equals)
            );
            if let Some(en) = &c.description.en {
                sentence.push(' ');
                sentence.push_str(en);
            }
            return sentence;
        }
        ConstraintKind::MaxItems(n) => format!("at most {n} items"),
        ConstraintKind::Pattern(pattern) => format!("a whole match of the pattern `{pattern}`"),
        ConstraintKind::ServerChecked { .. } => {
            let what = c
                .description
                .en
                .clone()
                .or_else(|| c.description.zh.clone())
                .unwrap_or_else(|| "a rule that depends on data only the server has".to_owned());
            let code = c
                .error_code
                .as_deref()
                .map(|code| format!(" (`{code}`)"))
                .unwrap_or_default();
            return format!("Checked by the server only{code}: {what}");
        }
    };
    let code = c.error_code.as_deref().unwrap_or("InvalidParameter");
    let mut sentence = format!("Must be {rule}; otherwise `{code}`.");
    if let Some(en) = &c.description.en {
        sentence.push(' ');
        sentence.push_str(en);
    }
    sentence
}

#[cfg(test)]
mod tests {
    use super::clean_vendor_markup;

    #[test]
    fn vendor_markup_becomes_plain_rustdoc() {
        let zh = "地域ID。您可以调用[ListRegions](~~189315~~)查询。\n<props=\"china\">\n- 国内\n</props>\n\n```\n()`~!@#$%^&*-_+=|{}[]:;'<>,.?/\n```\n    缩进\n```json\n{}\n```";
        assert_eq!(
            clean_vendor_markup(zh),
            "地域ID。您可以调用`ListRegions`查询。\n\n- 国内\n\n\n```text\n()`~!@#$%^&*-_+=|{}[]:;'<>,.?/\n```\n缩进\n```json\n{}\n```"
        );
    }
}
