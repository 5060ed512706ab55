//! Spec errors: each names the file, the JSON Pointer of the offending node and what is wrong.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecError {
    /// The spec file as the user named it.
    pub file: String,
    /// JSON Pointer (RFC 6901) of the offending node; empty for the whole document.
    pub pointer: String,
    /// Line and column (1-based), for JSON syntax errors.
    pub line_column: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, column)) = self.line_column {
            write!(f, ":{line}:{column}")?;
        }
        if self.pointer.is_empty() && self.line_column.is_some() {
            return write!(f, ": {}", self.message);
        }
        let pointer = if self.pointer.is_empty() {
            "(document root)"
        } else {
            &self.pointer
        };
        write!(f, ": at {pointer}: {}", self.message)
    }
}

impl std::error::Error for SpecError {}

impl SpecError {
    /// An error about `file` at `pointer` (empty: the whole document), without a line and column.
    pub fn new(
        file: impl Into<String>,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.into(),
            pointer: pointer.into(),
            line_column: None,
            message: message.into(),
        }
    }
}

/// Parses `text` (the content of `file`) as one JSON document; a syntax error names its line and
/// column.
pub fn parse_json(file: &str, text: &str) -> Result<serde_json::Value, SpecError> {
    serde_json::from_str(text).map_err(|e| {
        SpecError::new(
            file,
            "",
            format!(
                "invalid JSON at line {}, column {}: {e}",
                e.line(),
                e.column()
            ),
        )
    })
}

/// Collects spec errors for one file so that all of them are reported together.
#[derive(Debug)]
pub struct Diagnostics {
    file: String,
    errors: Vec<SpecError>,
}

impl Diagnostics {
    pub fn new(file: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            errors: Vec::new(),
        }
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    pub fn error(&mut self, pointer: &str, message: impl Into<String>) {
        self.errors.push(SpecError {
            file: self.file.clone(),
            pointer: pointer.to_owned(),
            line_column: None,
            message: message.into(),
        });
    }

    pub fn syntax_error(&mut self, line: usize, column: usize, message: impl Into<String>) {
        self.errors.push(SpecError {
            file: self.file.clone(),
            pointer: String::new(),
            line_column: Some((line, column)),
            message: message.into(),
        });
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    pub fn into_errors(self) -> Vec<SpecError> {
        self.errors
    }
}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` per RFC 6901.
pub fn pointer_join(pointer: &str, token: impl fmt::Display) -> String {
    let token = token.to_string().replace('~', "~0").replace('/', "~1");
    format!("{pointer}/{token}")
}

/// What kind of JSON value `v` is, for "expected …, found …" messages.
pub fn kind_of(v: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
