//! Vendor schema → spec field: types, constraints, defaults, examples, descriptions, the
//! JSON-string array rule, the 200 response and the error table.

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

use super::repair;
use super::vendor::{str_at, text, Cx, NameSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    Request,
    Response,
}
use super::Report;
use crate::diagnostics::{kind_of, pointer_join};

/// The JSON-string array rule (see the module docs): a string parameter whose example is a JSON
/// array of strings is a list sent as one JSON string (style `json`). Two sloppier forms of the
/// same evidence are [repairs](repair::JSON_ARRAY_IN_STRING), recorded in `discrepancies`: an
/// example that is such an array once its typography is undone (`“i-1”`, an elided `… "i-9"`),
/// and a description that says the value is a JSON array (`JSON数组`, `JSON array`) beside an
/// example that is one bare item (`dh-bp199lyny9b3****`). An array of anything but strings, or
/// a description without such an example, stays a string (reported).
pub(super) fn json_string_array(f: &mut Value, at: &str, cx: &mut Cx) {
    if str_at(f, "type") != Some("string") {
        return;
    }
    let example = str_at(f, "example").unwrap_or_default().to_owned();
    let name = str_at(f, "name").unwrap_or_default().to_owned();
    let strings = |v: Value| {
        v.as_array()
            .cloned()
            .filter(|items| !items.is_empty() && items.iter().all(Value::is_string))
    };
    if let Some(items) = serde_json::from_str::<Value>(&example)
        .ok()
        .and_then(strings)
    {
        into_json_list(f, items.first().cloned());
        cx.inferences.push(Report {
            pointer: pointer_join(at, "schema"),
            name,
            message: "a string whose example is a JSON array of strings: imported as an array of string sent as one JSON string (style json)".to_owned(),
        });
        return;
    }
    let description = f
        .pointer("/description/zh")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let says_array = description.contains("JSON数组") || description.contains("JSON array");
    let (item_example, evidence) = match untypeset_array(&example).and_then(strings) {
        Some(items) => (
            items.first().cloned(),
            "its example is a JSON array of strings once its typography is undone",
        ),
        None if says_array && is_bare_item(&example) => (
            Some(json!(example)),
            "its description says the value is a JSON array and its example is one item",
        ),
        None => {
            if says_array || example.starts_with('[') {
                cx.report(
                    &pointer_join(at, "schema"),
                    &name,
                    "the description or example speaks of a JSON array, but not one of strings with an example to show it; left a string",
                );
            }
            return;
        }
    };
    let subject = format!("type of `{name}`: a string, but {evidence}");
    cx.repair(
        &pointer_join(at, "schema"),
        &name,
        repair::JSON_ARRAY_IN_STRING,
        &format!("{subject}; imported as an array of string sent as one JSON string (style json)"),
    );
    let Some(obj) = f.as_object_mut() else { return };
    repair::mark(
        obj,
        "type",
        repair::JSON_ARRAY_IN_STRING,
        &subject,
        json!({ "type": "string", "example": example }),
        "an array of string sent as one JSON string (style json)",
    );
    into_json_list(f, item_example);
}

/// Turns a string field into a list of strings sent as one JSON string.
fn into_json_list(f: &mut Value, item_example: Option<Value>) {
    let Some(obj) = f.as_object_mut() else { return };
    obj.insert("type".into(), json!("array"));
    let mut item = Map::new();
    item.insert("type".into(), json!("string"));
    if let Some(first) = item_example {
        item.insert("example".into(), first);
    }
    obj.insert("items".into(), Value::Object(item));
    obj.insert("style".into(), json!("json"));
}

/// An example written as a JSON array for people rather than parsers, read as JSON: curly quotes
/// become straight ones and elisions (`…`, `...`) are dropped. `None` when it still does not
/// parse or was not an array to begin with.
fn untypeset_array(example: &str) -> Option<Value> {
    let trimmed = example.trim();
    if !trimmed.starts_with('[') || !trimmed.ends_with(']') {
        return None;
    }
    let straight = trimmed.replace(['“', '”'], "\"");
    // Outside the quoted items: drop spaces and elisions (`…`, runs of `.`), and the empty
    // element an elision leaves behind (`"a", , "b"`, `"a", ]`). Inside them: keep everything.
    let mut cleaned = String::with_capacity(straight.len());
    let (mut in_item, mut escaped) = (false, false);
    let (mut pending_comma, mut seen_item) = (false, false);
    for c in straight.chars() {
        if in_item {
            cleaned.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_item = false,
                _ => {}
            }
            continue;
        }
        match c {
            ',' => pending_comma = seen_item,
            '…' | '.' => {}
            c if c.is_whitespace() => {}
            ']' => {
                pending_comma = false;
                cleaned.push(c);
            }
            c => {
                if pending_comma {
                    cleaned.push(',');
                    pending_comma = false;
                }
                if c == '"' {
                    in_item = true;
                    seen_item = true;
                }
                cleaned.push(c);
            }
        }
    }
    serde_json::from_str(&cleaned).ok().filter(Value::is_array)
}

/// Whether an example is one plain item (an id, an address): no spaces, brackets, braces,
/// quotes or commas.
fn is_bare_item(example: &str) -> bool {
    !example.is_empty()
        && !example
            .chars()
            .any(|c| c.is_whitespace() || "[]{}\",".contains(c))
}

/// One schema → one spec field. `None` when the type cannot be represented (reported).
pub(super) fn field(
    name: &str,
    schema: &Value,
    at: &str,
    side: Side,
    cx: &mut Cx,
) -> Option<Value> {
    let Some(s) = schema.as_object() else {
        cx.report(
            at,
            name,
            &format!(
                "expected a schema object, found {}; skipped",
                kind_of(schema)
            ),
        );
        return None;
    };
    let mut f = Map::new();
    f.insert("name".into(), json!(name));
    let ty = type_of(name, s, at, side, cx)?;
    let is_integer = matches!(
        ty.get("type").and_then(Value::as_str),
        Some("int32" | "int64")
    );
    let ty_name = ty
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    for (k, v) in ty {
        f.insert(k, v);
    }
    cx.unmapped(
        s,
        at,
        &[
            "type",
            "format",
            "items",
            "properties",
            "description",
            "title",
            "example",
            "required",
            "docRequired",
            "minimum",
            "maximum",
            "maxItems",
            "enum",
            "default",
            "enumValueTitles",
            "deprecated",
            "maxLength",
            "minLength",
            "pattern",
        ],
        "schema",
    );
    let required = match s.get("required") {
        Some(Value::Bool(b)) => *b,
        None => false,
        Some(other) => {
            cx.report(
                &pointer_join(at, "required"),
                "required",
                &format!(
                    "expected a boolean, found {}; read as false",
                    kind_of(other)
                ),
            );
            false
        }
    };
    if side == Side::Request {
        if required {
            f.insert("required".into(), json!(true));
        }
        if let Some(Value::Bool(doc)) = s.get("docRequired") {
            if *doc != required {
                cx.report(
                    &pointer_join(at, "docRequired"),
                    "docRequired",
                    &format!("the documentation says required = {doc}, the schema says {required}; following the schema"),
                );
            }
        }
    }
    if let Some(v) = s.get("enumValueTitles") {
        if v.as_object().is_none_or(|m| !m.is_empty()) {
            cx.report(
                &pointer_join(at, "enumValueTitles"),
                "enumValueTitles",
                "value titles are not mapped",
            );
        }
    }
    // Constraints (request side only: the client never validates responses).
    let mut constraints = Vec::new();
    let bound = |key: &str, cx: &mut Cx| -> Option<i64> {
        let v = s.get(key)?;
        let raw = match v {
            Value::String(t) => t.trim().to_owned(),
            Value::Number(n) => n.to_string(),
            other => {
                cx.report(
                    &pointer_join(at, key),
                    key,
                    &format!(
                        "expected a number in a string, found {}; dropped",
                        kind_of(other)
                    ),
                );
                return None;
            }
        };
        if side == Side::Response {
            cx.report(
                &pointer_join(at, key),
                key,
                "bounds of response fields are not mapped (responses are not validated)",
            );
            return None;
        }
        if !is_integer {
            cx.report(
                &pointer_join(at, key),
                key,
                &format!("a bound on a {ty_name} field is not mapped (ranges apply to integers)"),
            );
            return None;
        }
        match raw.parse::<i64>() {
            Ok(i) => {
                if ty_name == "int32" && i32::try_from(i).is_err() {
                    cx.report(
                        &pointer_join(at, key),
                        key,
                        &format!("bound {raw} does not fit an int32; dropped"),
                    );
                    return None;
                }
                Some(i)
            }
            Err(_) => {
                cx.report(
                    &pointer_join(at, key),
                    key,
                    &format!("non-integer bound {raw:?}; dropped"),
                );
                None
            }
        }
    };
    let min = bound("minimum", cx);
    let max = bound("maximum", cx);
    let (min, max) = match (min, max) {
        (Some(a), Some(b)) if a > b => {
            cx.report(
                at,
                "minimum",
                &format!("minimum {a} is greater than maximum {b}; range dropped"),
            );
            (None, None)
        }
        other => other,
    };
    if min.is_some() || max.is_some() {
        let mut c = Map::new();
        c.insert("kind".into(), json!("range"));
        if let Some(min) = min {
            c.insert("min".into(), json!(min));
        }
        if let Some(max) = max {
            c.insert("max".into(), json!(max));
        }
        constraints.push(Value::Object(c));
    }
    if let Some(v) = s.get("maxItems") {
        let n = v
            .as_u64()
            .or_else(|| v.as_str().and_then(|t| t.trim().parse().ok()));
        match (n, side, ty_name.as_str()) {
            (Some(n), Side::Request, "array") => {
                constraints.push(json!({ "kind": "maxItems", "value": n }))
            }
            (Some(_), Side::Response, _) => cx.report(
                &pointer_join(at, "maxItems"),
                "maxItems",
                "limits of response fields are not mapped",
            ),
            (Some(_), _, _) => cx.report(
                &pointer_join(at, "maxItems"),
                "maxItems",
                &format!("maxItems on a {ty_name} field; dropped"),
            ),
            (None, _, _) => cx.report(
                &pointer_join(at, "maxItems"),
                "maxItems",
                &format!("expected a non-negative integer, found {v}; dropped"),
            ),
        }
    }
    if let Some(v) = s.get("enum") {
        let values: Option<Vec<Value>> = v
            .as_array()
            .map(|a| a.iter().filter_map(|x| typed_value(x, &ty_name)).collect());
        // Strings also become a Rust enum (requests and responses); see `enum_values`.
        if ty_name == "string" {
            if let Some(list) = enum_values(v, &pointer_join(at, "enum"), cx) {
                f.insert("enum".into(), json!(list));
            }
        }
        match (values, side) {
            (Some(values), Side::Request)
                if !values.is_empty()
                    && matches!(ty_name.as_str(), "string" | "int32" | "int64") =>
            {
                let mut unique = Vec::new();
                for x in values {
                    if !unique.contains(&x) {
                        unique.push(x);
                    }
                }
                constraints.push(json!({ "kind": "oneOf", "values": unique }));
            }
            // Responses are not validated: their value list is the Rust enum above.
            (_, Side::Response) if ty_name == "string" => {}
            (_, Side::Response) => cx.report(
                &pointer_join(at, "enum"),
                "enum",
                &format!("a value set of a {ty_name} response field is not mapped"),
            ),
            _ => cx.report(
                &pointer_join(at, "enum"),
                "enum",
                &format!("a value set of {v} for a {ty_name} field is not mapped"),
            ),
        }
    }
    match s.get("deprecated") {
        None | Some(Value::Bool(false)) => {}
        Some(Value::Bool(true)) => {
            f.insert("deprecated".into(), json!(true));
        }
        Some(other) => cx.report(
            &pointer_join(at, "deprecated"),
            "deprecated",
            &format!("expected a boolean, found {}; ignored", kind_of(other)),
        ),
    }
    let length = |key: &str, cx: &mut Cx| -> Option<u64> {
        let v = s.get(key)?;
        let n = v
            .as_u64()
            .or_else(|| v.as_str().and_then(|t| t.trim().parse().ok()));
        if n.is_none() {
            cx.report(
                &pointer_join(at, key),
                key,
                &format!("expected a non-negative integer, found {v}; dropped"),
            );
        }
        n
    };
    let (min_len, max_len) = (length("minLength", cx), length("maxLength", cx));
    if min_len.is_some() || max_len.is_some() {
        match (side, ty_name.as_str()) {
            (Side::Request, "string") if min_len.zip(max_len).is_none_or(|(a, b)| a <= b) => {
                let mut c = Map::new();
                c.insert("kind".into(), json!("length"));
                if let Some(min) = min_len {
                    c.insert("min".into(), json!(min));
                }
                if let Some(max) = max_len {
                    c.insert("max".into(), json!(max));
                }
                constraints.push(Value::Object(c));
            }
            (Side::Request, "string") => cx.report(
                at,
                "minLength",
                "minLength is greater than maxLength; length rule dropped",
            ),
            (Side::Response, _) => cx.report(
                at,
                "maxLength",
                "length limits of response fields are not mapped (responses are not validated)",
            ),
            _ => cx.report(
                at,
                "maxLength",
                &format!("a length limit on a {ty_name} field is not mapped"),
            ),
        }
    }
    if let Some(v) = s.get("pattern") {
        match (v.as_str().map(str::trim), side, ty_name.as_str()) {
            (Some(p), Side::Request, "string") if !p.is_empty() => {
                // The check compiles it the same way; one that does not compile is reported here
                // instead of failing the whole import.
                match regex_lite::Regex::new(&format!("^(?:{p})$")) {
                    Ok(_) => constraints.push(json!({ "kind": "pattern", "pattern": p })),
                    Err(e) => cx.report(
                        &pointer_join(at, "pattern"),
                        "pattern",
                        &format!("does not compile as a regular expression ({e}); dropped"),
                    ),
                }
            }
            (_, Side::Response, _) => cx.report(
                &pointer_join(at, "pattern"),
                "pattern",
                "patterns of response fields are not mapped (responses are not validated)",
            ),
            _ => cx.report(
                &pointer_join(at, "pattern"),
                "pattern",
                &format!("pattern {v} on a {ty_name} field is not mapped"),
            ),
        }
    }
    if let Some(v) = s.get("default") {
        super::defaults::default(
            &mut f,
            v,
            &ty_name,
            side,
            required,
            &mut constraints,
            at,
            cx,
        );
    }
    if let Some(ex) = s.get("example") {
        let ex = match ex {
            Value::String(t) => t.trim().to_owned(),
            other => other.to_string(),
        };
        if !ex.is_empty() {
            f.insert("example".into(), json!(ex));
        }
    }
    let title = str_at(schema, "title")
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let description = str_at(schema, "description")
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let zh = match (title, description) {
        (Some(t), Some(d)) if d.contains(t) => Some(d.to_owned()),
        (Some(t), Some(d)) => Some(format!("{t}\n\n{d}")),
        (Some(t), None) => Some(t.to_owned()),
        (None, d) => d.map(str::to_owned),
    };
    if let Some(t) = text(zh.as_deref()) {
        f.insert("description".into(), t);
    }
    if !constraints.is_empty() {
        f.insert("constraints".into(), Value::Array(constraints));
    }
    Some(Value::Object(f))
}

/// The values of a string `enum`, when they can become Rust variants (see `check`): distinct,
/// each with a letter or digit, none named `Unknown`, no two giving the same variant. Otherwise
/// `None` and a report (the `oneOf` rule, if any, still applies).
fn enum_values(v: &Value, at: &str, cx: &mut Cx) -> Option<Vec<String>> {
    let mut values: Vec<String> = Vec::new();
    for x in v.as_array()? {
        let x = match x {
            Value::String(s) => s.trim().to_owned(),
            Value::Number(_) | Value::Bool(_) => x.to_string(),
            _ => continue,
        };
        if !values.contains(&x) {
            values.push(x);
        }
    }
    if values.is_empty() {
        return None;
    }
    let mut variants = BTreeSet::new();
    for x in &values {
        let variant = crate::naming::type_name(x);
        if variant == "Unknown" || !crate::naming::has_word(x) || !variants.insert(variant.clone())
        {
            cx.report(
                at,
                "enum",
                &format!("value {x:?} cannot be its own Rust variant (`{variant}`); the values stay a rule, not an enum"),
            );
            return None;
        }
    }
    Some(values)
}

/// A metadata value (usually a string) as a JSON value of the spec type.
pub(super) fn typed_value(v: &Value, ty: &str) -> Option<Value> {
    let raw = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(_) | Value::Bool(_) => v.to_string(),
        _ => return None,
    };
    match ty {
        "string" => Some(match v {
            Value::String(s) => json!(s),
            _ => json!(raw),
        }),
        "int32" => raw.parse::<i32>().ok().map(|i| json!(i)),
        "int64" => raw.parse::<i64>().ok().map(|i| json!(i)),
        "double" => raw
            .parse::<f64>()
            .ok()
            .filter(|d| d.is_finite())
            .map(|d| json!(d)),
        "boolean" => match raw.to_ascii_lowercase().as_str() {
            "true" => Some(json!(true)),
            "false" => Some(json!(false)),
            _ => None,
        },
        _ => None,
    }
}

/// `type` (+ `items` / `properties`) of a schema, as spec keys.
fn type_of(
    name: &str,
    s: &Map<String, Value>,
    at: &str,
    side: Side,
    cx: &mut Cx,
) -> Option<Map<String, Value>> {
    let ty = s.get("type").and_then(Value::as_str);
    let format = s.get("format").and_then(Value::as_str);
    let mut out = Map::new();
    let scalar = match (ty, format) {
        (Some("string"), None) => Some("string"),
        // Bytes: the ROA binding writes `format: binary` where bytes can travel, and refuses it elsewhere.
        (Some("string"), Some("binary")) if cx.roa => Some("string"),
        (Some("string"), Some(f)) => {
            cx.report(
                &pointer_join(at, "format"),
                "format",
                &format!("string format `{f}` not mapped; read as a plain string"),
            );
            Some("string")
        }
        (Some("integer"), Some("int32")) => Some("int32"),
        (Some("integer"), Some("int64")) => Some("int64"),
        (Some("integer"), other) => {
            cx.report(
                &pointer_join(at, "format"),
                "format",
                &format!("integer format {other:?} not mapped; read as int64"),
            );
            Some("int64")
        }
        (Some("number"), Some("double" | "float") | None) => Some("double"),
        (Some("number"), Some(f)) => {
            cx.report(
                &pointer_join(at, "format"),
                "format",
                &format!("number format `{f}` not mapped; read as double"),
            );
            Some("double")
        }
        (Some("boolean"), _) => Some("boolean"),
        _ => None,
    };
    if let Some(scalar) = scalar {
        out.insert("type".into(), json!(scalar));
        if cx.roa && ty == Some("string") && format == Some("binary") {
            out.insert("format".into(), json!("binary"));
        }
        return Some(out);
    }
    match ty {
        Some("array") => {
            let Some(items) = s.get("items") else {
                cx.report(at, name, "an array without `items`; skipped");
                return None;
            };
            let items_at = pointer_join(at, "items");
            let Some(items_obj) = items.as_object() else {
                cx.report(&items_at, name, "`items` is not an object; skipped");
                return None;
            };
            if items_obj.get("type").and_then(Value::as_str) == Some("array") {
                cx.report(
                    &items_at,
                    name,
                    "arrays of arrays cannot be represented; skipped",
                );
                return None;
            }
            let mut item = type_of(name, items_obj, &items_at, side, cx)?;
            cx.unmapped(
                items_obj,
                &items_at,
                &[
                    "type",
                    "format",
                    "items",
                    "properties",
                    "description",
                    "title",
                    "example",
                    "required",
                    "docRequired",
                    "enumValueTitles",
                    "enum",
                ],
                "array item",
            );
            if let Some(ex) = items_obj.get("example") {
                let ex = match ex {
                    Value::String(t) => t.trim().to_owned(),
                    other => other.to_string(),
                };
                if !ex.is_empty() && item.get("type") != Some(&json!("object")) {
                    item.insert("example".into(), json!(ex));
                }
            }
            let title = str_at(items, "title");
            let description = str_at(items, "description").or(title);
            if let Some(t) = text(description) {
                item.insert("description".into(), t);
            }
            if item.get("type") == Some(&json!("string")) {
                if let Some(v) = items_obj.get("enum") {
                    // The published values of each item: the field's Rust enum.
                    if let Some(list) = enum_values(v, &pointer_join(&items_at, "enum"), cx) {
                        out.insert("enum".into(), json!(list));
                    }
                }
            }
            out.insert("type".into(), json!("array"));
            out.insert("items".into(), Value::Object(item));
            Some(out)
        }
        Some("object") => {
            out.insert("type".into(), json!("object"));
            let mut properties = Vec::new();
            let mut names = NameSet::default();
            match s.get("properties") {
                Some(Value::Object(props)) => {
                    let props = super::params::nest_dotted_properties(name, props, at, side, cx);
                    for (p_at, pname, pschema) in &props {
                        let (p_at, pname) = (p_at.as_str(), pname.as_str());
                        if !is_wire_name(pname, side, cx.roa) {
                            cx.report(
                                p_at,
                                pname,
                                "property name is not a valid wire name; skipped",
                            );
                            continue;
                        }
                        if let Some(f) = json_key_field(pname, pschema, p_at, side, cx) {
                            if names.admit(&f, p_at, cx) {
                                properties.push(f);
                            }
                        }
                    }
                }
                None | Some(Value::Null) => {}
                Some(other) => cx.report(
                    &pointer_join(at, "properties"),
                    "properties",
                    &format!("expected an object, found {}", kind_of(other)),
                ),
            }
            if !properties.is_empty() {
                out.insert("properties".into(), Value::Array(properties));
            }
            Some(out)
        }
        Some(other) => {
            cx.report(
                &pointer_join(at, "type"),
                other,
                &format!("type `{other}` cannot be represented; `{name}` skipped"),
            );
            None
        }
        None => {
            cx.report(at, name, "schema without a `type`; skipped");
            None
        }
    }
}

/// Whether `name` can name a field on this side: letters, digits and `_` for parameters (dots
/// are flattened names, grouped before this); any printable ASCII without spaces for a response
/// field, which is a JSON key (`Area.en`), with at least one letter or digit.
fn is_wire_name(name: &str, side: Side, roa: bool) -> bool {
    match side {
        // ROA request objects travel as JSON: their names are JSON keys, like a response's.
        Side::Request if !roa => {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        }
        Side::Request | Side::Response => {
            name.chars().all(|c| c.is_ascii_graphic()) && crate::naming::has_word(name)
        }
    }
}

/// [`field`], and for a response field whose JSON key is not an identifier, the repair that
/// keeps the key as the wire name with a Rust name derived from its words.
fn json_key_field(name: &str, schema: &Value, at: &str, side: Side, cx: &mut Cx) -> Option<Value> {
    let mut f = field(name, schema, at, side, cx)?;
    let named_as_sent = cx.roa && side == Side::Request;
    if !named_as_sent && !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        let rust = crate::naming::field_name(name);
        cx.repair(
            at,
            name,
            repair::NAME_NOT_IDENTIFIER,
            &format!("kept as the JSON key; the Rust field is `{rust}`"),
        );
        if let Some(obj) = f.as_object_mut() {
            repair::mark(
                obj,
                "name",
                repair::NAME_NOT_IDENTIFIER,
                &format!("JSON key `{name}`"),
                json!(name),
                &format!("kept as the wire name, Rust field `{rust}`"),
            );
        }
    }
    Some(f)
}

pub(super) fn responses_200(responses: &Value, at: &str, cx: &mut Cx) -> Vec<Value> {
    let Some(map) = responses.as_object() else {
        cx.report(
            at,
            "responses",
            &format!("expected an object, found {}", kind_of(responses)),
        );
        return Vec::new();
    };
    for key in map.keys() {
        if key != "200" {
            cx.report(
                &pointer_join(at, key),
                key,
                "only the 200 response is mapped",
            );
        }
    }
    let Some(ok) = map.get("200") else {
        return Vec::new();
    };
    let ok_at = pointer_join(at, "200");
    if let Some(obj) = ok.as_object() {
        cx.unmapped(obj, &ok_at, &["schema"], "response");
    }
    let Some(schema) = ok.get("schema").and_then(Value::as_object) else {
        cx.report(&ok_at, "schema", "missing or not an object");
        return Vec::new();
    };
    let s_at = pointer_join(&ok_at, "schema");
    if schema.get("type").and_then(Value::as_str) != Some("object") {
        cx.report(
            &s_at,
            "type",
            "the response body is not an object; not mapped",
        );
        return Vec::new();
    }
    object_fields(schema, &s_at, cx)
}

/// The fields of a JSON object body (`schema` of `type: object`, at `s_at`).
pub(super) fn object_fields(schema: &Map<String, Value>, s_at: &str, cx: &mut Cx) -> Vec<Value> {
    let s_at = s_at.to_owned();
    let known: &[&str] = if cx.roa {
        // An ROA body's schema is documented like a field.
        &[
            "type",
            "properties",
            "title",
            "description",
            "required",
            "example",
        ]
    } else {
        &["type", "properties"]
    };
    cx.unmapped(schema, &s_at, known, "response schema");
    let mut out = Vec::new();
    let mut names = NameSet::default();
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (name, p) in props {
            let p_at = pointer_join(&pointer_join(&s_at, "properties"), name);
            if !is_wire_name(name, Side::Response, false) {
                cx.report(&p_at, name, "field name is not a valid wire name; skipped");
                continue;
            }
            if let Some(f) = json_key_field(name, p, &p_at, Side::Response, cx) {
                if names.admit(&f, &p_at, cx) {
                    out.push(f);
                }
            }
        }
    }
    out
}
