//! The check rules of the ROA spec format (`specs/README.md`, "HTTP bindings"), applied by the
//! import to every ROA operation document it is about to write, on the JSON itself: what the
//! import writes must pass them whatever the spec reader of the day checks.

use serde_json::Value;

use crate::diagnostics::pointer_join;

/// `(JSON Pointer, message)` for every rule the document breaks.
pub fn check_document(doc: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(ops) = doc.get("operations").and_then(Value::as_array) {
        for (i, op) in ops.iter().enumerate() {
            check_operation(op, &pointer_join("/operations", i), &mut out);
        }
    }
    out
}

fn str_at<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn is_scalar(f: &Value) -> bool {
    !matches!(str_at(f, "type"), Some("array" | "object"))
}

/// The `{name}`s of a path template, in order.
pub fn template_names(path: &str) -> Result<Vec<&str>, String> {
    let mut names = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("`{{` without `}}` in the path template `{path}`"))?;
        let name = &after[..close];
        if name.is_empty() || name.contains('{') {
            return Err(format!(
                "an empty or nested `{{}}` in the path template `{path}`"
            ));
        }
        names.push(name);
        rest = &after[close + 1..];
    }
    if rest.contains('}') {
        return Err(format!("`}}` without `{{` in the path template `{path}`"));
    }
    Ok(names)
}

fn check_operation(op: &Value, at: &str, out: &mut Vec<(String, String)>) {
    let mut err = |p: String, m: String| out.push((p, m));
    let roa = str_at(op, "style") == Some("ROA");
    let methods: Vec<&str> = op
        .get("methods")
        .and_then(Value::as_array)
        .map(|m| m.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let path = str_at(op, "path");
    if !roa {
        if path.is_some() {
            err(
                pointer_join(at, "path"),
                "a `path` on an RPC operation".into(),
            );
        }
        return;
    }
    if methods.len() != 1 {
        err(
            pointer_join(at, "methods"),
            format!(
                "an ROA operation has exactly one method, not {}",
                methods.len()
            ),
        );
    }
    let empty = Vec::new();
    let params = op
        .get("parameters")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let p_at = |i: usize| pointer_join(&pointer_join(at, "parameters"), i);
    match path.map(template_names) {
        None => err(at.to_owned(), "an ROA operation without `path`".into()),
        Some(Err(why)) => err(pointer_join(at, "path"), why),
        Some(Ok(names)) => {
            for name in &names {
                let found = params
                    .iter()
                    .any(|p| str_at(p, "in") == Some("path") && str_at(p, "name") == Some(name));
                if !found {
                    err(
                        pointer_join(at, "path"),
                        format!("`{{{name}}}` in the path template has no `in: path` parameter"),
                    );
                }
            }
            for (i, p) in params.iter().enumerate() {
                let name = str_at(p, "name").unwrap_or_default();
                if str_at(p, "in") == Some("path") && !names.contains(&name) {
                    err(
                        p_at(i),
                        format!("path parameter `{name}` is not in the path template"),
                    );
                }
            }
        }
    }
    let mut bodies = 0;
    let mut forms = 0;
    for (i, p) in params.iter().enumerate() {
        let location = str_at(p, "in").unwrap_or("query");
        match location {
            "body" => {
                bodies += 1;
                if bodies == 2 {
                    err(p_at(i), "a second `body` parameter".into());
                }
                if matches!(methods.first(), Some(&("GET" | "HEAD"))) {
                    err(p_at(i), format!("a request body on {}", methods[0]));
                }
            }
            "formData" => forms += 1,
            "path" | "header" => {
                if !is_scalar(p) {
                    err(
                        p_at(i),
                        format!("an `in: {location}` parameter must be a scalar"),
                    );
                }
                if location == "path" && p.get("required") != Some(&Value::Bool(true)) {
                    err(p_at(i), "a path parameter must be required".into());
                }
            }
            "host" => err(p_at(i), "`in: host` is reserved".into()),
            _ => {}
        }
        if p.get("format").is_some() && !(location == "body" && str_at(p, "type") == Some("string"))
        {
            err(
                pointer_join(&p_at(i), "format"),
                "`format: binary` outside a string body parameter".into(),
            );
        }
        nested_formats(p, &p_at(i), &mut err, true);
    }
    if bodies > 0 && forms > 0 {
        err(
            pointer_join(at, "parameters"),
            "a `body` parameter together with `formData` parameters".into(),
        );
    }
    let response = op
        .get("response")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    match str_at(op, "responseBody") {
        Some("jsonArray") => {
            let ok = response.len() == 1
                && str_at(&response[0], "name") == Some("items")
                && str_at(&response[0], "type") == Some("array");
            if !ok {
                err(
                    pointer_join(at, "response"),
                    "`jsonArray` needs exactly one `items` field of type array".into(),
                );
            }
        }
        Some(kind @ ("text" | "binary" | "none")) if !response.is_empty() => err(
            pointer_join(at, "response"),
            format!("a `{kind}` response has no fields"),
        ),
        _ => {}
    }
    for (key, fields) in [
        ("response", response),
        (
            "responseHeaders",
            op.get("responseHeaders")
                .and_then(Value::as_array)
                .unwrap_or(&empty),
        ),
    ] {
        for (i, f) in fields.iter().enumerate() {
            let f_at = pointer_join(&pointer_join(at, key), i);
            nested_formats(f, &f_at, &mut err, false);
            if key == "responseHeaders" && !is_scalar(f) {
                err(f_at, "a response header must be a scalar".into());
            }
        }
    }
}

/// `format` anywhere below a field (and on the field itself unless `top` says the caller
/// checked it).
fn nested_formats(f: &Value, at: &str, err: &mut impl FnMut(String, String), top: bool) {
    if !top && f.get("format").is_some() {
        err(
            pointer_join(at, "format"),
            "`format: binary` outside a string body parameter".into(),
        );
    }
    if let Some(items) = f.get("items") {
        nested_formats(items, &pointer_join(at, "items"), err, false);
    }
    if let Some(props) = f.get("properties").and_then(Value::as_array) {
        for (i, p) in props.iter().enumerate() {
            nested_formats(
                p,
                &pointer_join(&pointer_join(at, "properties"), i),
                err,
                false,
            );
        }
    }
}
