//! HTTP bindings: `style`, methods, the ROA path template, parameter locations, the response
//! body kind and response headers. Whatever the generator could only guess at is an error here.

use std::collections::BTreeMap;

use crate::diagnostics::{pointer_join, Diagnostics};
use crate::naming::field_name;
use crate::spec::*;

pub(super) fn check_http(op: &OperationSpec, diags: &mut Diagnostics) {
    let methods_at = pointer_join(&op.pointer, "methods");
    match op.style {
        OperationStyle::Rpc => {
            if op.path.is_some() {
                diags.error(
                    &pointer_join(&op.pointer, "path"),
                    "`path` applies to ROA operations only (an RPC operation is sent to `/`)",
                );
            }
            for (i, m) in op.methods.iter().enumerate() {
                if !matches!(m, HttpMethod::Get | HttpMethod::Post) {
                    diags.error(
                        &pointer_join(&methods_at, i),
                        format!(
                            "an RPC operation is sent with GET or POST, not {}",
                            m.as_str()
                        ),
                    );
                }
            }
            for p in &op.parameters {
                if let Some(
                    location @ (ParameterLocation::Path
                    | ParameterLocation::Header
                    | ParameterLocation::Body),
                ) = p.location
                {
                    diags.error(
                        &pointer_join(&p.pointer, "in"),
                        format!(
                            "`in: {}` applies to ROA operations only (add `\"style\": \"ROA\"` and a `path`)",
                            location.name()
                        ),
                    );
                }
            }
            if op.response_body != ResponseBody::Json {
                diags.error(
                    &pointer_join(&op.pointer, "responseBody"),
                    "`responseBody` applies to ROA operations only (RPC responses are JSON objects)",
                );
            }
            if !op.response_headers.is_empty() {
                diags.error(
                    &pointer_join(&op.pointer, "responseHeaders"),
                    "`responseHeaders` apply to ROA operations only",
                );
            }
        }
        OperationStyle::Roa => {
            if op.methods.len() > 1 {
                diags.error(
                    &methods_at,
                    format!(
                        "a ROA operation has exactly one method, not {}",
                        op.methods.len()
                    ),
                );
            }
            match &op.path {
                None => diags.error(
                    &op.pointer,
                    "a ROA operation needs its `path` template (e.g. `/clusters/{ClusterId}`)",
                ),
                Some(path) => check_path(op, path, diags),
            }
            check_body(op, diags);
        }
    }
    for p in &op.parameters {
        if matches!(
            p.location,
            Some(ParameterLocation::Path | ParameterLocation::Header)
        ) {
            let location = p.location.map_or("", ParameterLocation::name);
            if !matches!(p.ty, TypeSpec::Scalar(_)) {
                diags.error(
                    &pointer_join(&p.pointer, "type"),
                    format!(
                        "a {location} parameter is a scalar, but `{}` is {}",
                        p.name,
                        p.ty.describe()
                    ),
                );
            }
        }
        if p.location == Some(ParameterLocation::Path) && !p.required {
            diags.error(
                &pointer_join(&p.pointer, "required"),
                format!(
                    "path parameter `{}` must be required: the path has no segment without it",
                    p.name
                ),
            );
        }
        if p.location == Some(ParameterLocation::Header) {
            if let Some(problem) = header_name_problem(&p.name) {
                diags.error(&pointer_join(&p.pointer, "name"), problem);
            } else if is_runtime_header(&p.name) {
                diags.error(
                    &pointer_join(&p.pointer, "name"),
                    format!("header `{}` is set and signed by the runtime itself; an operation cannot send it", p.name),
                );
            }
        }
    }
    check_binary(op, diags);
    check_response(op, diags);
}

/// Every `{Name}` of the template is exactly one `in: path` parameter and vice versa.
fn check_path(op: &OperationSpec, path: &str, diags: &mut Diagnostics) {
    let at = pointer_join(&op.pointer, "path");
    let names = match template_names(path) {
        Ok(names) => names,
        Err(problem) => {
            diags.error(&at, format!("path template `{path}`: {problem}"));
            return;
        }
    };
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for name in &names {
        *seen.entry(name).or_default() += 1;
    }
    for (name, count) in &seen {
        if *count > 1 {
            diags.error(
                &at,
                format!("path template `{path}` names `{{{name}}}` {count} times"),
            );
        }
        let params = op
            .parameters
            .iter()
            .filter(|p| p.name == *name && p.location == Some(ParameterLocation::Path))
            .count();
        if params == 0 {
            diags.error(
                &at,
                format!("path template `{path}` names `{{{name}}}`, but no parameter `{name}` has `in: path`"),
            );
        }
    }
    for p in &op.parameters {
        if p.location == Some(ParameterLocation::Path) && !seen.contains_key(p.name.as_str()) {
            diags.error(
                &pointer_join(&p.pointer, "in"),
                format!(
                    "path parameter `{}` does not appear in the path template `{path}`",
                    p.name
                ),
            );
        }
    }
}

/// The `{Name}` placeholders of a path template, in order.
pub(crate) fn template_names(path: &str) -> Result<Vec<&str>, &'static str> {
    if !path.starts_with('/') {
        return Err("it must start with `/`");
    }
    if path.contains(['?', '#']) || path.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("it must not hold a query, a fragment, spaces or control characters");
    }
    let mut names = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find(['{', '}']) {
        if rest.as_bytes()[open] == b'}' {
            return Err("a `}` closes no `{`");
        }
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or("a `{` is never closed")?;
        let name = &after[..close];
        if name.is_empty() || name.contains('{') {
            return Err("a placeholder must be a name between one `{` and one `}`");
        }
        names.push(name);
        rest = &after[close + 1..];
    }
    Ok(names)
}

/// One body at most, not beside form parameters, not on GET/HEAD.
fn check_body(op: &OperationSpec, diags: &mut Diagnostics) {
    let bodies: Vec<&Field> = op
        .parameters
        .iter()
        .filter(|p| p.location == Some(ParameterLocation::Body))
        .collect();
    if let Some(second) = bodies.get(1) {
        diags.error(
            &pointer_join(&second.pointer, "in"),
            format!(
                "an operation has one body, and `{}` already is it",
                bodies[0].name
            ),
        );
    }
    let form = op
        .parameters
        .iter()
        .find(|p| p.location == Some(ParameterLocation::FormData));
    if let (Some(body), Some(form)) = (bodies.first(), form) {
        diags.error(
            &pointer_join(&body.pointer, "in"),
            format!(
                "body parameter `{}` cannot be sent beside form parameter `{}`: an operation has one body",
                body.name, form.name
            ),
        );
    }
    let method = op.methods.first().copied();
    if let Some(method) = method.filter(|m| !m.allows_body()) {
        if let Some(p) = bodies.first().copied().or(form) {
            diags.error(
                &pointer_join(&p.pointer, "in"),
                format!(
                    "a {} request has no body, but `{}` is `in: {}`",
                    method.as_str(),
                    p.name,
                    p.location.map_or("", ParameterLocation::name)
                ),
            );
        }
    }
}

/// `format: binary` only on a top-level string body parameter.
fn check_binary(op: &OperationSpec, diags: &mut Diagnostics) {
    fn walk(fields: &[Field], allowed: &dyn Fn(&Field) -> bool, diags: &mut Diagnostics) {
        for f in fields {
            if f.binary && !allowed(f) {
                diags.error(
                    &pointer_join(&f.pointer, "format"),
                    format!(
                        "`format: binary` applies to a string parameter with `in: body` only (`{}` is not one; a binary response is `responseBody: binary`)",
                        f.name
                    ),
                );
            }
            walk(super::constructs::nested_fields(f), &|_| false, diags);
        }
    }
    let top = |f: &Field| {
        f.location == Some(ParameterLocation::Body) && f.ty == TypeSpec::Scalar(Scalar::String)
    };
    walk(&op.parameters, &top, diags);
    for p in op.parameters.iter().filter(|p| p.binary && top(p)) {
        if !p.constraints.is_empty() || !p.enum_values.is_empty() || p.default.is_some() {
            diags.error(
                &pointer_join(&p.pointer, "format"),
                format!(
                    "binary body `{}` carries no constraints, enum or default (bytes are not text)",
                    p.name
                ),
            );
        }
    }
    walk(&op.response, &|_| false, diags);
    walk(&op.response_headers, &|_| false, diags);
}

fn check_response(op: &OperationSpec, diags: &mut Diagnostics) {
    let body_at = pointer_join(&op.pointer, "responseBody");
    match op.response_body {
        ResponseBody::Json => {}
        ResponseBody::JsonArray => {
            let fits = matches!(op.response.as_slice(),
                [only] if only.name == "items" && matches!(only.ty, TypeSpec::Array { .. }));
            if !fits {
                diags.error(
                    &body_at,
                    "a `jsonArray` response holds exactly one response field, `items`, of type array (the array's items)",
                );
            }
        }
        kind @ (ResponseBody::Text | ResponseBody::Binary | ResponseBody::None) => {
            if !op.response.is_empty() {
                diags.error(
                    &body_at,
                    format!(
                        "a `{}` response has no body fields, but `response` lists {}",
                        kind.name(),
                        op.response.len()
                    ),
                );
            }
            if op.raw_response {
                diags.error(
                    &pointer_join(&op.pointer, "rawResponse"),
                    format!("a `{}` response has no JSON to keep raw", kind.name()),
                );
            }
        }
    }
    // The output struct holds the body's fields (or `body`) and the headers side by side.
    let mut idents: BTreeMap<String, &str> = BTreeMap::new();
    match op.response_body {
        ResponseBody::Text | ResponseBody::Binary => {
            idents.insert("body".to_owned(), "the response body");
        }
        ResponseBody::JsonArray => {
            idents.insert("items".to_owned(), "the response items");
        }
        ResponseBody::Json => {
            for f in &op.response {
                idents.insert(field_name(&f.name), &f.name);
            }
        }
        ResponseBody::None => {}
    }
    for h in &op.response_headers {
        let at = pointer_join(&h.pointer, "name");
        if !matches!(h.ty, TypeSpec::Scalar(_)) {
            diags.error(
                &pointer_join(&h.pointer, "type"),
                format!(
                    "a response header is a scalar, but `{}` is {}",
                    h.name,
                    h.ty.describe()
                ),
            );
        }
        if let Some(problem) = header_name_problem(&h.name) {
            diags.error(&at, problem);
        } else if let Some(other) = idents.insert(field_name(&h.name), &h.name) {
            diags.error(
                &at,
                format!(
                    "response header `{}` and {other} would both become the output field `{}`",
                    h.name,
                    field_name(&h.name)
                ),
            );
        }
        super::constructs::reject_location(h, "response headers are received", diags);
    }
}

/// Headers the runtime writes and signs itself (it refuses them from an operation).
fn is_runtime_header(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "host" | "authorization" | "content-type" | "content-length"
    ) || lower.starts_with("x-acs-")
}

/// Why `name` cannot be an HTTP header name (RFC 9110 token with a letter or digit), if it
/// cannot.
fn header_name_problem(name: &str) -> Option<String> {
    let token = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
        && name.bytes().any(|b| b.is_ascii_alphanumeric());
    (!token).then(|| {
        format!("`{name}` is not an HTTP header name (letters, digits and `-`, as in `x-fc-invocation-type`)")
    })
}
