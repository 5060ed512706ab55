//! Semantic checks of a parsed spec: everything that would make generated code wrong or
//! uncompilable is reported here, by JSON Pointer, all at once.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

mod constructs;

use constructs::{
    check_enum, check_shape_reference, check_shapes, nested_fields, reject_location,
    wire_name_problem,
};

use crate::diagnostics::{pointer_join, Diagnostics};
use crate::naming::{field_name, pascal_case};
use crate::spec::*;

pub fn check_spec(spec: &ServiceSpec, diags: &mut Diagnostics) {
    if spec.product.trim().is_empty() {
        diags.error("/product", "product must not be empty");
    }
    if !is_api_version(&spec.version) {
        diags.error(
            "/version",
            format!(
                "API version `{}` is not of the form YYYY-MM-DD",
                spec.version
            ),
        );
    }
    let mut names = BTreeMap::new();
    let mut modules: BTreeMap<String, &str> = BTreeMap::new();
    for op in &spec.operations {
        if let Some(first) = names.insert(pascal_case(&op.name), op.pointer.clone()) {
            diags.error(
                &pointer_join(&op.pointer, "name"),
                format!(
                    "operation `{}` is defined twice (first at {first})",
                    op.name
                ),
            );
        } else if let Some(other) = modules.insert(field_name(&op.name), &op.name) {
            diags.error(
                &pointer_join(&op.pointer, "name"),
                format!(
                    "operations `{other}` and `{}` would both become the module `{}`",
                    op.name,
                    field_name(&op.name)
                ),
            );
        }
        check_operation(op, diags);
    }
    check_shapes(spec, diags);
    let mut regions = BTreeSet::new();
    for (i, e) in spec.endpoints.iter().enumerate() {
        if !regions.insert(e.region_id.as_str()) {
            diags.error(
                &format!("/endpoints/{i}/regionId"),
                format!("region `{}` is listed twice", e.region_id),
            );
        }
    }
}

fn is_api_version(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn check_operation(op: &OperationSpec, diags: &mut Diagnostics) {
    crate::check_waiters::check(op, diags);
    let name_at = pointer_join(&op.pointer, "name");
    if op.name.is_empty()
        || !op.name.chars().all(|c| c.is_ascii_alphanumeric())
        || !op.name.starts_with(|c: char| c.is_ascii_uppercase())
    {
        diags.error(
            &name_at,
            format!(
                "operation name `{}` must be a PascalCase Action such as `CreateInstances`",
                op.name
            ),
        );
    }
    if op.methods.is_empty() {
        diags.error(
            &pointer_join(&op.pointer, "methods"),
            "an operation needs at least one HTTP method (GET or POST)",
        );
    }

    // The error table first: constraints refer to it.
    let mut codes: BTreeMap<&str, &str> = BTreeMap::new();
    let mut variants: BTreeMap<String, &str> = BTreeMap::new();
    for e in &op.errors {
        if e.code.is_empty() || e.code.chars().any(char::is_whitespace) {
            diags.error(
                &pointer_join(&e.pointer, "code"),
                format!(
                    "error code `{}` must be non-empty and contain no whitespace",
                    e.code
                ),
            );
        }
        if let Some(first) = codes.insert(&e.code, &e.pointer) {
            diags.error(
                &pointer_join(&e.pointer, "code"),
                format!("error code `{}` is listed twice (first at {first})", e.code),
            );
        } else if let Some(other) = variants.insert(pascal_case(&e.code), &e.code) {
            diags.error(
                &pointer_join(&e.pointer, "code"),
                format!(
                    "error codes `{other}` and `{}` would both become the variant `{}`",
                    e.code,
                    pascal_case(&e.code)
                ),
            );
        }
        if pascal_case(&e.code) == "Unknown" {
            diags.error(
                &pointer_join(&e.pointer, "code"),
                "error code `Unknown` clashes with the variant kept for unpublished codes",
            );
        }
    }

    // ROA parameters are named as sent (`x-fc-log-type`, `max-keys`); the generator derives Rust names.
    let request = if op.style.is_some() {
        Side::NamedAsSent
    } else {
        Side::Request
    };
    check_fields(&op.parameters, request, &codes, diags);
    check_fields(&op.response, Side::Response, &codes, diags);
    check_fields(&op.response_headers, Side::Response, &codes, diags);
    if op.deprecation_note.is_some() && !op.deprecated {
        diags.error(
            &pointer_join(&op.pointer, "deprecationNote"),
            "a deprecation note needs `deprecated: true`",
        );
    }
    // `in` says where a top-level request parameter travels; nested values go with their parent.
    for f in &op.parameters {
        for nested in nested_fields(f) {
            reject_location(
                nested,
                "a nested property travels with its parameter",
                diags,
            );
        }
    }
    for f in &op.response {
        reject_location(f, "response fields are not sent", diags);
    }

    let tokens: Vec<&Field> = op
        .parameters
        .iter()
        .filter(|p| p.idempotency_token)
        .collect();
    if tokens.len() > 1 {
        diags.error(
            &pointer_join(&tokens[1].pointer, "idempotencyToken"),
            format!(
                "only one parameter can be the idempotency token (`{}` already is)",
                tokens[0].name
            ),
        );
    }
    for token in tokens {
        if token.ty != TypeSpec::Scalar(Scalar::String) || token.required {
            diags.error(
                &pointer_join(&token.pointer, "idempotencyToken"),
                "the idempotency token must be an optional string parameter (the runtime fills it when empty)",
            );
        }
    }

    // requiredWhen refers to sibling parameters.
    for p in &op.parameters {
        for c in &p.constraints {
            if let ConstraintKind::RequiredWhen { parameter, equals } = &c.kind {
                let at = pointer_join(&c.pointer, "parameter");
                match op.parameters.iter().find(|q| &q.name == parameter) {
                    None => diags.error(
                        &at,
                        format!(
                            "requiredWhen refers to `{parameter}`, which is not a parameter of {}",
                            op.name
                        ),
                    ),
                    Some(q) if q.name == p.name => {
                        diags.error(&at, "requiredWhen cannot refer to the parameter itself")
                    }
                    Some(q) => {
                        if !value_fits(&q.ty, equals) {
                            diags.error(
                                &pointer_join(&c.pointer, "equals"),
                                format!(
                                    "`equals` value {equals} is not a valid {} for `{}`",
                                    q.ty.describe(),
                                    q.name
                                ),
                            );
                        }
                    }
                }
                if p.required {
                    diags.error(
                        &c.pointer,
                        format!(
                            "`{}` is always required; requiredWhen makes no sense on it",
                            p.name
                        ),
                    );
                }
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Request,
    /// Request parameters of a ROA operation: names are wire names (header, JSON key), not identifiers.
    NamedAsSent,
    Response,
}

fn check_fields(
    fields: &[Field],
    side: Side,
    codes: &BTreeMap<&str, &str>,
    diags: &mut Diagnostics,
) {
    let mut names: BTreeMap<&str, &str> = BTreeMap::new();
    let mut idents: BTreeMap<String, &str> = BTreeMap::new();
    let mut types: BTreeMap<String, &str> = BTreeMap::new();
    for f in fields {
        let at = pointer_join(&f.pointer, "name");
        if let Some(problem) = wire_name_problem(&f.name, side != Side::Request) {
            diags.error(&at, problem);
        }
        if let Some(first) = names.insert(&f.name, &f.pointer) {
            diags.error(
                &at,
                format!("`{}` is defined twice (first at {first})", f.name),
            );
        } else if let Some(other) = idents.insert(field_name(&f.name), &f.name) {
            diags.error(
                &at,
                format!(
                    "`{other}` and `{}` would both become the Rust field `{}`",
                    f.name,
                    field_name(&f.name)
                ),
            );
        } else if let Some(other) = types.insert(pascal_case(&f.name), &f.name) {
            // Nested types and the builder's type-state markers are named in PascalCase.
            diags.error(
                &at,
                format!(
                    "`{other}` and `{}` would both become the Rust type name `{}`",
                    f.name,
                    pascal_case(&f.name)
                ),
            );
        }
        check_field(f, side, codes, diags);
    }
}

fn check_field(f: &Field, side: Side, codes: &BTreeMap<&str, &str>, diags: &mut Diagnostics) {
    check_enum(f, diags);
    check_shape_reference(f, diags);
    if f.deprecation_note.is_some() && !f.deprecated {
        diags.error(
            &pointer_join(&f.pointer, "deprecationNote"),
            "a deprecation note needs `deprecated: true`",
        );
    }
    match &f.ty {
        TypeSpec::Object { properties, style } => {
            check_fields(properties, side, codes, diags);
            if let Some(s) = style {
                if *s != WireStyle::Flat && *s != WireStyle::Json {
                    diags.error(
                        &pointer_join(&f.pointer, "style"),
                        format!(
                            "an object parameter is sent `flat` or `json`, not `{}`",
                            s.name()
                        ),
                    );
                }
            }
        }
        TypeSpec::Array { items, style, .. } => {
            if let TypeSpec::Object { properties, .. } = items.as_ref() {
                check_fields(properties, side, codes, diags);
                if *style == Some(WireStyle::Simple) {
                    diags.error(
                        &pointer_join(&f.pointer, "style"),
                        "an array of objects cannot be sent comma-joined (`simple`)",
                    );
                }
            }
        }
        TypeSpec::Scalar(_) => {}
    }
    if side == Side::Response {
        if !f.constraints.is_empty() {
            diags.error(
                &pointer_join(&f.pointer, "constraints"),
                "response fields carry no constraints (the client never validates responses)",
            );
        }
        if f.idempotency_token {
            diags.error(
                &pointer_join(&f.pointer, "idempotencyToken"),
                "only request parameters can be idempotency tokens",
            );
        }
        return;
    }

    for c in &f.constraints {
        check_constraint(f, c, codes, diags);
    }
    if let Some(default) = &f.default {
        let at = pointer_join(&f.pointer, "default");
        if f.required {
            diags.error(
                &at,
                format!("`{}` is required, so a default is never used", f.name),
            );
        }
        if !value_fits(&f.ty, default) {
            diags.error(
                &at,
                format!("default {default} is not a valid {}", f.ty.describe()),
            );
        } else {
            for c in &f.constraints {
                if let Some(why) = violates(&c.kind, default) {
                    diags.error(
                        &at,
                        format!("default {default} breaks the field's own rule: {why}"),
                    );
                }
            }
        }
    }
}

fn check_constraint(
    f: &Field,
    c: &Constraint,
    codes: &BTreeMap<&str, &str>,
    diags: &mut Diagnostics,
) {
    if let Some(code) = &c.error_code {
        if !codes.contains_key(code.as_str()) {
            diags.error(
                &pointer_join(&c.pointer, "errorCode"),
                format!("error code `{code}` is not in the operation's error table"),
            );
        }
    }
    let scalar = match &f.ty {
        TypeSpec::Scalar(s) => Some(*s),
        _ => None,
    };
    let wrong_type = |diags: &mut Diagnostics, wants: &str| {
        diags.error(
            &pointer_join(&c.pointer, "kind"),
            format!(
                "a `{}` rule applies to {wants}, but `{}` is {}",
                c.kind.name(),
                f.name,
                f.ty.describe()
            ),
        )
    };
    match &c.kind {
        ConstraintKind::OneOf(values) => {
            let Some(s) =
                scalar.filter(|s| matches!(s, Scalar::String | Scalar::Int32 | Scalar::Int64))
            else {
                return wrong_type(diags, "string or integer parameters");
            };
            if values.is_empty() {
                diags.error(
                    &pointer_join(&c.pointer, "values"),
                    "the value set is empty",
                );
            }
            let mut seen = BTreeSet::new();
            for (i, v) in values.iter().enumerate() {
                let at = pointer_join(&pointer_join(&c.pointer, "values"), i);
                if !value_fits(&TypeSpec::Scalar(s), v) {
                    diags.error(&at, format!("{v} is not a valid {}", s.name()));
                } else if !seen.insert(v.to_string()) {
                    diags.error(&at, format!("{v} is listed twice"));
                }
            }
        }
        ConstraintKind::Range { min, max } => {
            let Some(s) = scalar.filter(|s| s.is_integer()) else {
                return wrong_type(diags, "integer parameters");
            };
            if let (Some(min), Some(max)) = (min, max) {
                if min > max {
                    diags.error(
                        &c.pointer,
                        format!("min ({min}) is greater than max ({max})"),
                    );
                }
            }
            if s == Scalar::Int32 {
                for (key, bound) in [("min", min), ("max", max)] {
                    if let Some(b) = bound {
                        if i32::try_from(*b).is_err() {
                            diags.error(
                                &pointer_join(&c.pointer, key),
                                format!("{b} does not fit an int32 parameter"),
                            );
                        }
                    }
                }
            }
        }
        ConstraintKind::MultipleOf(m) => {
            if !scalar.is_some_and(Scalar::is_integer) {
                return wrong_type(diags, "integer parameters");
            }
            if *m <= 0 {
                diags.error(
                    &pointer_join(&c.pointer, "value"),
                    format!("multipleOf must be a positive integer, not {m}"),
                );
            }
        }
        ConstraintKind::Length { min, max } => {
            if scalar != Some(Scalar::String) {
                return wrong_type(diags, "string parameters");
            }
            if let (Some(min), Some(max)) = (min, max) {
                if min > max {
                    diags.error(
                        &c.pointer,
                        format!("min ({min}) is greater than max ({max})"),
                    );
                }
            }
        }
        ConstraintKind::Charset(_) => {
            if scalar != Some(Scalar::String) {
                wrong_type(diags, "string parameters");
            }
        }
        ConstraintKind::MaxItems(_) => {
            if !matches!(f.ty, TypeSpec::Array { .. }) {
                wrong_type(diags, "array parameters");
            }
        }
        ConstraintKind::Pattern(pattern) => {
            if scalar != Some(Scalar::String) {
                return wrong_type(diags, "string parameters");
            }
            if let Err(e) = regex_lite::Regex::new(&anchored(pattern)) {
                diags.error(
                    &pointer_join(&c.pointer, "pattern"),
                    format!("`{pattern}` is not a valid regular expression: {e}"),
                );
            }
        }
        ConstraintKind::RequiredWhen { .. } | ConstraintKind::ServerChecked { .. } => {}
    }
}

/// The pattern as the runtime compiles it: the whole value must match.
pub fn anchored(pattern: &str) -> String {
    format!("^(?:{pattern})$")
}

/// Whether a JSON value is a valid value of the type.
fn value_fits(ty: &TypeSpec, v: &Value) -> bool {
    match ty {
        TypeSpec::Scalar(Scalar::String) => v.is_string(),
        TypeSpec::Scalar(Scalar::Int32) => v.as_i64().is_some_and(|i| i32::try_from(i).is_ok()),
        TypeSpec::Scalar(Scalar::Int64) => v.is_i64(),
        TypeSpec::Scalar(Scalar::Boolean) => v.is_boolean(),
        TypeSpec::Scalar(Scalar::Double) => v.is_number(),
        TypeSpec::Array { items, .. } => v
            .as_array()
            .is_some_and(|a| a.iter().all(|x| value_fits(items, x))),
        TypeSpec::Object { .. } => v.is_object(),
    }
}

/// Why `v` breaks the rule, if it does (used to check defaults).
fn violates(kind: &ConstraintKind, v: &Value) -> Option<String> {
    match kind {
        ConstraintKind::OneOf(values) => (!values.contains(v)).then(|| {
            let list: Vec<String> = values.iter().map(Value::to_string).collect();
            format!("not one of {{{}}}", list.join(", "))
        }),
        ConstraintKind::Range { min, max } => {
            let i = v.as_i64()?;
            if min.is_some_and(|m| i < m) || max.is_some_and(|m| i > m) {
                Some(format!(
                    "outside {}..={}",
                    min.map_or(String::new(), |m| m.to_string()),
                    max.map_or(String::new(), |m| m.to_string())
                ))
            } else {
                None
            }
        }
        ConstraintKind::MultipleOf(m) => {
            let i = v.as_i64()?;
            (*m > 0 && i % m != 0).then(|| format!("not a multiple of {m}"))
        }
        ConstraintKind::Length { min, max } => {
            let n = v.as_str()?.chars().count() as u64;
            (min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m))
                .then(|| "length out of range".to_owned())
        }
        ConstraintKind::Charset(Charset::Ascii) => {
            (!v.as_str()?.is_ascii()).then(|| "not ASCII".to_owned())
        }
        ConstraintKind::Pattern(pattern) => {
            let regex = regex_lite::Regex::new(&anchored(pattern)).ok()?;
            (!regex.is_match(v.as_str()?)).then(|| format!("does not match `{pattern}`"))
        }
        _ => None,
    }
}
