//! Rustdoc text for generated items, from the spec's descriptions and rules.

use serde_json::Value;

use super::markup::{self, Site};
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

    /// The English text when there is one, else the Chinese as published (see [`markup`]).
    pub fn text(&mut self, text: &Text) -> &mut Self {
        let rendered = match (&text.en, &text.zh) {
            (Some(en), _) => markup::render(en, Site::English),
            (None, Some(zh)) => markup::render(zh, Site::Chinese),
            (None, None) => Vec::new(),
        };
        for l in rendered {
            self.line(l);
        }
        self
    }

    /// The Chinese originals of texts shown in English, folded under "原文" (nothing when no
    /// text has both).
    pub fn originals(&mut self, texts: &[&Text]) -> &mut Self {
        let originals: Vec<&str> = texts
            .iter()
            .filter(|t| t.en.is_some())
            .filter_map(|t| t.zh.as_deref())
            .collect();
        if originals.is_empty() {
            return self;
        }
        self.blank();
        self.line("<details><summary>原文</summary>");
        for zh in originals {
            self.blank();
            for l in markup::render(zh, Site::Chinese) {
                self.line(l);
            }
        }
        self.blank();
        self.line("</details>");
        self
    }

    pub fn into_lines(self) -> Vec<String> {
        // No leading, trailing or repeated blank lines.
        let mut lines: Vec<String> = Vec::with_capacity(self.lines.len());
        for l in self.lines {
            if l.is_empty() && lines.last().is_none_or(String::is_empty) {
                continue;
            }
            lines.push(l);
        }
        while lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        lines
    }
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
    let travels = match f.location {
        Some(ParameterLocation::FormData) => {
            Some("Sent form-encoded in the request body.".to_owned())
        }
        Some(ParameterLocation::Path) => Some("Sent in the request path.".to_owned()),
        Some(ParameterLocation::Header) => {
            Some(format!("Sent as the request header `{}`.", f.name))
        }
        Some(ParameterLocation::Body) if f.binary => Some(
            "Sent as the request body: bytes (`application/octet-stream`), streamed.".to_owned(),
        ),
        Some(ParameterLocation::Body) => Some("Sent as the request body, JSON-encoded.".to_owned()),
        Some(ParameterLocation::Query) | None => None,
    };
    if let Some(travels) = travels {
        d.line(travels);
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
