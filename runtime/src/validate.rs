//! Local validation: the rules a spec states, checked before anything is signed or sent.
//!
//! Generated `validate()` methods call the small checks on [`Validator`]; each broken rule becomes
//! a [`Violation`] that names the parameter, the rule, the value and the error code the server
//! would answer, and all of them are returned together.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

/// A rule from the spec, as it applies to one parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// The parameter is required and was not given (or given empty).
    Required,
    /// The parameter is required because another parameter has the given value.
    RequiredWhen {
        parameter: &'static str,
        value: &'static str,
    },
    /// The value must be one of these integers.
    OneOfInt(&'static [i64]),
    /// The value must be one of these strings.
    OneOfStr(&'static [&'static str]),
    /// The value must lie within `min..=max`.
    Range { min: Option<i64>, max: Option<i64> },
    /// The value must be a multiple of this number.
    MultipleOf(i64),
    /// The length in characters must lie within `min..=max`.
    Length {
        min: Option<usize>,
        max: Option<usize>,
    },
    /// Only ASCII characters are allowed.
    Ascii,
    /// At most this many items.
    MaxItems(usize),
    /// The whole value must match this regular expression (as published in the spec).
    Pattern(&'static str),
    /// The wire value could not be parsed as the parameter's type.
    Type { expected: &'static str },
    /// The request's region is unset and the client has none to fill it with.
    RegionRequired,
    /// The request names another region than the one the client's endpoint serves.
    RegionMismatch {
        /// The region the client was built for.
        client_region: String,
        /// The host its endpoint resolved to.
        endpoint: String,
    },
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Required => f.write_str("is required"),
            Rule::RequiredWhen { parameter, value } => {
                write!(f, "is required when {parameter} = {value}")
            }
            Rule::OneOfInt(values) => {
                f.write_str("must be one of {")?;
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{v}")?;
                }
                f.write_str("}")
            }
            Rule::OneOfStr(values) => {
                f.write_str("must be one of {")?;
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{v:?}")?;
                }
                f.write_str("}")
            }
            Rule::Range { min, max } => match (min, max) {
                (Some(min), Some(max)) => write!(f, "must be between {min} and {max}"),
                (Some(min), None) => write!(f, "must be at least {min}"),
                (None, Some(max)) => write!(f, "must be at most {max}"),
                (None, None) => f.write_str("is out of range"),
            },
            Rule::MultipleOf(m) => write!(f, "must be a multiple of {m}"),
            Rule::Length { min, max } => match (min, max) {
                (Some(min), Some(max)) => write!(f, "must be {min} to {max} characters long"),
                (Some(min), None) => write!(f, "must be at least {min} characters long"),
                (None, Some(max)) => write!(f, "must be at most {max} characters long"),
                (None, None) => f.write_str("has an invalid length"),
            },
            Rule::Ascii => f.write_str("must contain only ASCII characters"),
            Rule::MaxItems(max) => write!(f, "must have at most {max} items"),
            Rule::Pattern(pattern) => write!(f, "must match the pattern `{pattern}`"),
            Rule::Type { expected } => write!(f, "must be {expected}"),
            Rule::RegionRequired => f.write_str(
                "is required: set it on the request (`.region_id(..)`) or on the client (`.region(..)`)",
            ),
            Rule::RegionMismatch {
                client_region,
                endpoint,
            } => write!(
                f,
                "must be the client's region {client_region:?} (its endpoint {endpoint} serves no other): leave it unset, or use a client built with `.region(..)` for the request's region",
            ),
        }
    }
}

/// One broken rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Wire name of the parameter (`Period`, `Tag.2.Key`).
    pub parameter: Cow<'static, str>,
    pub rule: Rule,
    /// The offending value as it would go on the wire; `None` when the parameter is absent.
    pub value: Option<String>,
    /// The error code the server answers for this violation.
    pub code: &'static str,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.parameter, self.rule)?;
        if let Some(value) = &self.value {
            write!(f, " (got {value:?})")?;
        }
        write!(f, " [{}]", self.code)
    }
}

/// Every violation found in one request, in parameter order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationErrors {
    violations: Vec<Violation>,
}

impl ValidationErrors {
    pub fn new(violations: Vec<Violation>) -> Self {
        Self { violations }
    }

    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    pub fn into_violations(self) -> Vec<Violation> {
        self.violations
    }

    /// The server error codes of all violations, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        self.violations.iter().map(|v| v.code).collect()
    }

    /// The first violation, the one a server would most likely answer with.
    pub fn first(&self) -> Option<&Violation> {
        self.violations.first()
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} rule(s) broken: ", self.violations.len())?;
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

/// A regular expression from a spec's `pattern` rule: compiled on first use, then shared by every
/// later check (generated code keeps one in a `static` per rule).
///
/// The whole value must match (the pattern is anchored at both ends, as the vendor's Java-style
/// matching does). `regex-lite` compiles it: small and dependency-free, and the rules the vendor
/// publishes are simple (`^\d+$`); the generator checks every pattern with the same crate, so a
/// spec with a pattern it cannot compile never generates.
pub struct Pattern {
    source: &'static str,
    compiled: OnceLock<Option<regex_lite::Regex>>,
}

impl Pattern {
    pub const fn new(source: &'static str) -> Self {
        Self {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// The pattern as the spec writes it.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether the whole of `value` matches. A pattern that does not compile matches nothing,
    /// so the violation is visible rather than silently passing.
    pub fn is_match(&self, value: &str) -> bool {
        self.compiled
            .get_or_init(|| regex_lite::Regex::new(&format!("^(?:{})$", self.source)).ok())
            .as_ref()
            .is_some_and(|regex| regex.is_match(value))
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

/// Collects violations; generated `validate()` methods call one check per rule.
#[derive(Default, Debug)]
pub struct Validator {
    violations: Vec<Violation>,
}

impl Validator {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(
        &mut self,
        parameter: impl Into<Cow<'static, str>>,
        rule: Rule,
        value: Option<String>,
        code: &'static str,
    ) {
        self.violations.push(Violation {
            parameter: parameter.into(),
            rule,
            value,
            code,
        });
    }

    /// A required string must not be empty (the type system already makes it present).
    pub fn required_str(
        &mut self,
        parameter: impl Into<Cow<'static, str>>,
        value: &str,
        code: &'static str,
    ) {
        if value.is_empty() {
            self.push(parameter, Rule::Required, Some(String::new()), code);
        }
    }

    pub fn one_of_int(
        &mut self,
        parameter: impl Into<Cow<'static, str>>,
        value: i64,
        allowed: &'static [i64],
        code: &'static str,
    ) {
        if !allowed.contains(&value) {
            self.push(
                parameter,
                Rule::OneOfInt(allowed),
                Some(value.to_string()),
                code,
            );
        }
    }

    pub fn one_of_str(
        &mut self,
        parameter: impl Into<Cow<'static, str>>,
        value: &str,
        allowed: &'static [&'static str],
        code: &'static str,
    ) {
        if !allowed.contains(&value) {
            self.push(
                parameter,
                Rule::OneOfStr(allowed),
                Some(value.to_owned()),
                code,
            );
        }
    }

    pub fn range(
        &mut self,
        parameter: impl Into<Cow<'static, str>>,
        value: i64,
        min: Option<i64>,
        max: Option<i64>,
        code: &'static str,
    ) {
        let below = min.is_some_and(|min| value < min);
        let above = max.is_some_and(|max| value > max);
        if below || above {
            self.push(
                parameter,
                Rule::Range { min, max },
                Some(value.to_string()),
                code,
            );
        }
    }

    pub fn multiple_of(
        &mut self,
        parameter: impl Into<Cow<'static, str>>,
        value: i64,
        factor: i64,
        code: &'static str,
    ) {
        if factor != 0 && value % factor != 0 {
            self.push(
                parameter,
                Rule::MultipleOf(factor),
                Some(value.to_string()),
                code,
            );
        }
    }

    /// Length in Unicode scalar values (characters), as the documentation counts.
    pub fn length(
        &mut self,
        parameter: impl Into<Cow<'static, str>>,
        value: &str,
        min: Option<usize>,
        max: Option<usize>,
        code: &'static str,
    ) {
        // A string of n bytes has between ⌈n/4⌉ and n characters: when both bounds hold for
        // that whole range, nothing needs counting (the usual case, ASCII well within limits).
        let bytes = value.len();
        if min.is_none_or(|min| bytes.div_ceil(4) >= min) && max.is_none_or(|max| bytes <= max) {
            return;
        }
        let len = value.chars().count();
        if min.is_some_and(|min| len < min) || max.is_some_and(|max| len > max) {
            self.push(
                parameter,
                Rule::Length { min, max },
                Some(value.to_owned()),
                code,
            );
        }
    }

    pub fn ascii(
        &mut self,
        parameter: impl Into<Cow<'static, str>>,
        value: &str,
        code: &'static str,
    ) {
        if !value.is_ascii() {
            self.push(parameter, Rule::Ascii, Some(value.to_owned()), code);
        }
    }

    /// `parameter` must be present when `condition` holds (`condition_parameter = condition_value`).
    pub fn required_when(
        &mut self,
        parameter: impl Into<Cow<'static, str>>,
        present: bool,
        condition: bool,
        condition_parameter: &'static str,
        condition_value: &'static str,
        code: &'static str,
    ) {
        if condition && !present {
            self.push(
                parameter,
                Rule::RequiredWhen {
                    parameter: condition_parameter,
                    value: condition_value,
                },
                None,
                code,
            );
        }
    }

    /// The whole value must match `pattern`.
    pub fn pattern(
        &mut self,
        parameter: impl Into<Cow<'static, str>>,
        value: &str,
        pattern: &'static Pattern,
        code: &'static str,
    ) {
        if !pattern.is_match(value) {
            self.push(
                parameter,
                Rule::Pattern(pattern.source()),
                Some(value.to_owned()),
                code,
            );
        }
    }

    pub fn max_items(
        &mut self,
        parameter: impl Into<Cow<'static, str>>,
        len: usize,
        max: usize,
        code: &'static str,
    ) {
        if len > max {
            self.push(parameter, Rule::MaxItems(max), Some(len.to_string()), code);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    pub fn finish(self) -> Result<(), ValidationErrors> {
        if self.violations.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors::new(self.violations))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static DIGITS: Pattern = Pattern::new(r"\d+");

    #[test]
    fn a_pattern_matches_the_whole_value() {
        let mut v = Validator::new();
        v.pattern("Size", "40", &DIGITS, "InvalidSize");
        v.pattern("Size", "40GB", &DIGITS, "InvalidSize");
        v.pattern("Size", "", &DIGITS, "InvalidSize");
        let errors = v.finish().unwrap_err();
        assert_eq!(
            errors.to_string(),
            "2 rule(s) broken: Size must match the pattern `\\d+` (got \"40GB\") [InvalidSize]; Size must match the pattern `\\d+` (got \"\") [InvalidSize]"
        );
    }

    #[test]
    fn an_alternation_is_anchored_as_a_whole() {
        static AB: Pattern = Pattern::new("a|b");
        assert!(AB.is_match("a"));
        assert!(AB.is_match("b"));
        assert!(!AB.is_match("ab"));
        assert!(!AB.is_match("xa"));
    }

    #[test]
    fn a_pattern_that_does_not_compile_matches_nothing() {
        static BROKEN: Pattern = Pattern::new("(");
        assert!(!BROKEN.is_match(""));
        assert!(!BROKEN.is_match("("));
    }

    #[test]
    fn length_counts_characters() {
        let mut v = Validator::new();
        v.length("Name", "日本語", Some(2), Some(3), "InvalidName");
        v.length("Name", "日本語x", Some(2), Some(3), "InvalidName.Length");
        v.length("Name", "x", Some(2), None, "InvalidName.Length");
        assert_eq!(
            v.finish().unwrap_err().codes(),
            ["InvalidName.Length", "InvalidName.Length"]
        );
    }
}
