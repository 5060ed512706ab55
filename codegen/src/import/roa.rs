//! ROA and FC metadata (method + path APIs signed with `ACS3-HMAC-SHA256`) → the HTTP bindings
//! of a spec operation: `style: ROA`, one method, the `path` template, each parameter's `in`
//! (`path`, `query`, `header`, `body`, `formData`), the kind of 2xx body (`responseBody`) and the
//! declared response headers.
//!
//! Nothing here is dropped or guessed: a construct the spec format cannot carry (a second method,
//! a multipart upload, an XML body, a `host` parameter, a path parameter that is not a scalar) is
//! an import error naming its JSON Pointer, and the whole import writes nothing. Which API styles
//! are served at all is decided by [`style_of`].

use serde_json::{json, Map, Value};

use super::types::{field, Side};
use super::vendor::{str_at, Cx};
use super::Report;
use crate::diagnostics::{kind_of, pointer_join};

/// How a vendor document is imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApiStyle {
    /// `Action` + query/form parameters (the default when `info.style` is absent).
    Rpc,
    /// Method + path template (ROA, FC, and V3 documents whose every operation has a path).
    Roa,
}

/// The style a document is imported as, or the one sentence saying why it is refused.
pub fn style_of(root: &Value) -> Result<ApiStyle, String> {
    style_of_parts(root.get("info"), root.get("apis"))
}

/// [`style_of`] from the document's `info` and `apis`.
pub fn style_of_parts(info: Option<&Value>, apis: Option<&Value>) -> Result<ApiStyle, String> {
    let Some(style) = info.and_then(|i| i.get("style")) else {
        return Ok(ApiStyle::Rpc);
    };
    let name = style
        .as_str()
        .map_or_else(|| style.to_string(), str::to_owned);
    match name.as_str() {
        "RPC" => Ok(ApiStyle::Rpc),
        "ROA" | "FC" => Ok(ApiStyle::Roa),
        "V3" => {
            let apis = apis.and_then(Value::as_object);
            let pathless = apis.map_or(0, |apis| {
                apis.values().filter(|a| a.get("path").is_none()).count()
            });
            if pathless == 0 {
                Ok(ApiStyle::Roa)
            } else {
                Err(format!("this API is V3-style (`info.style`) and {pathless} of its operations have no `path` (the action travels in the `x-acs-action` header, parameters in the query string and the body); the spec format has no such style, so nothing is imported rather than sending the parameters somewhere else than the API defines"))
            }
        }
        _ => Err(format!("this API is {name}-style (`info.style`); the import writes RPC-, ROA- and FC-style APIs only, and {name} (its own host, path and signing rules) is not supported, so nothing is imported")),
    }
}

const METHODS: &[&str] = &["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"];

/// Media types of a JSON or form request (`consumes`) the runtime sends.
const REQUEST_TYPES: &[&str] = &[
    "application/json",
    "application/x-www-form-urlencoded",
    "application/octet-stream",
];
/// Media types of a response (`produces`) the runtime reads.
const RESPONSE_TYPES: &[&str] = &["application/json", "application/octet-stream"];

/// `style`, the one method and the `path` of an ROA operation.
pub(super) fn binding(
    op: &mut Map<String, Value>,
    api: &Map<String, Value>,
    at: &str,
    cx: &mut Cx,
) {
    op.insert("style".into(), json!("ROA"));
    let m_at = pointer_join(at, "methods");
    let methods: Vec<String> = match api.get("methods").and_then(Value::as_array) {
        Some(list) => list
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_uppercase)
            .collect(),
        None => Vec::new(),
    };
    match methods.as_slice() {
        [one] if METHODS.contains(&one.as_str()) => {
            op.insert("methods".into(), json!([one]));
        }
        [one] => cx.error(
            &m_at,
            "methods",
            &format!(
                "HTTP method `{one}` cannot be sent (expected one of {})",
                METHODS.join(", ")
            ),
        ),
        [] => cx.error(
            &m_at,
            "methods",
            "an ROA operation needs its HTTP method; none is published",
        ),
        [first, ..] if METHODS.contains(&first.as_str()) => {
            // The path accepts several; Alibaba's official SDKs send the first listed (the
            // Python `alibabacloud-cs20151215` 7.2.3 sends CreateTemplate, listed `post, put`, as POST).
            cx.report(&m_at, "methods", &format!("the metadata lists {}; the first ({first}) is written, the method Alibaba's official SDKs send", methods.join(", ")));
            op.insert("methods".into(), json!([first]));
        }
        [first, ..] => cx.error(
            &m_at,
            "methods",
            &format!(
                "HTTP method `{first}` cannot be sent (expected one of {})",
                METHODS.join(", ")
            ),
        ),
    }
    match api.get("path") {
        Some(Value::String(p)) if p.starts_with('/') => {
            op.insert("path".into(), json!(p));
        }
        Some(other) => cx.error(
            &pointer_join(at, "path"),
            "path",
            &format!("expected a path template starting with `/`, found {other}"),
        ),
        None => cx.error(
            at,
            "path",
            "an ROA operation needs its `path`; none is published",
        ),
    }
    for (key, allowed) in [("consumes", REQUEST_TYPES), ("produces", RESPONSE_TYPES)] {
        let Some(list) = api.get(key).and_then(Value::as_array) else {
            continue;
        };
        for (i, t) in list.iter().enumerate() {
            let t = t.as_str().unwrap_or_default();
            if !allowed.contains(&t) {
                cx.error(
                    &pointer_join(&pointer_join(at, key), i),
                    key,
                    &format!(
                        "media type `{t}` cannot be sent or read (supported: {})",
                        allowed.join(", ")
                    ),
                );
            }
        }
    }
}

/// The `in` of an ROA parameter, or `None` after an error was recorded.
pub(super) fn location(p: &Value, at: &str, name: &str, cx: &mut Cx) -> Option<&'static str> {
    match str_at(p, "in") {
        Some("query") | None => Some("query"),
        Some("formData") => Some("formData"),
        Some("path") => Some("path"),
        Some("header") => Some("header"),
        Some("body") => Some("body"),
        Some(other) => {
            cx.error(&pointer_join(at, "in"), name, &format!("a parameter `in: {other}` cannot be sent (supported: path, query, header, body, formData)"));
            None
        }
    }
}

/// Finishes a mapped ROA parameter: its `in`, the rules of its location, `format: binary`.
pub(super) fn place(f: &mut Value, location: &str, schema: &Value, at: &str, cx: &mut Cx) {
    let name = str_at(f, "name").unwrap_or_default().to_owned();
    let ty = str_at(f, "type").unwrap_or_default().to_owned();
    let scalar = !matches!(ty.as_str(), "array" | "object");
    let binary = schema.get("format") == Some(&json!("binary"));
    let Some(obj) = f.as_object_mut() else { return };
    if location != "query" {
        obj.insert("in".into(), json!(location));
    }
    match location {
        "path" => {
            if !scalar {
                cx.error(
                    at,
                    &name,
                    &format!("a path parameter must be a scalar, this one is {ty}"),
                );
            }
            if obj.get("required") != Some(&json!(true)) {
                // The template always holds the segment: the request cannot be sent without it.
                cx.report(at, &name, "a path parameter the metadata marks optional; written as required (the path template always holds it)");
                obj.insert("required".into(), json!(true));
            }
        }
        "header" if !scalar => {
            cx.error(
                at,
                &name,
                &format!("a header parameter must be a scalar, this one is {ty}"),
            );
        }
        "body" => {
            // The body's type says its encoding; a wire style does not apply to it.
            let styled = obj.remove("style").is_some();
            if styled {
                cx.report(&pointer_join(at, "style"), &name, "a style on the request body does not apply (its type says the encoding: JSON, or bytes); not written");
            }
        }
        _ => {}
    }
    if binary && location != "body" {
        cx.error(&pointer_join(&pointer_join(at, "schema"), "format"), &name, &format!("binary data `in: {location}` cannot be sent (only a raw request body can be bytes)"));
    }
}

/// The first 2xx response: its key and value.
fn success(map: &Map<String, Value>) -> Option<(&str, &Value)> {
    let mut keys: Vec<&String> = map
        .keys()
        .filter(|k| k.starts_with('2') && k.len() == 3)
        .collect();
    keys.sort();
    keys.first().map(|k| (k.as_str(), &map[k.as_str()]))
}

/// `responseBody`, `response` and `responseHeaders` of an ROA operation.
pub(super) fn response(
    op: &mut Map<String, Value>,
    responses: &Value,
    produces: Option<&Value>,
    at: &str,
    cx: &mut Cx,
) {
    let Some(map) = responses.as_object() else {
        cx.error(
            at,
            "responses",
            &format!("expected an object, found {}", kind_of(responses)),
        );
        return;
    };
    let Some((code, ok)) = success(map) else {
        // As for an operation no snapshot describes: a JSON body (what ROA services answer),
        // kept whole as raw JSON.
        cx.report(
            at,
            "responses",
            "no 2xx response is published; the JSON body is kept as raw JSON",
        );
        op.insert("rawResponse".into(), json!(true));
        return;
    };
    for key in map.keys().filter(|k| k.as_str() != code) {
        cx.report(
            &pointer_join(at, key),
            key,
            "only the 2xx response is mapped (errors come from the error table)",
        );
    }
    let ok_at = pointer_join(at, code);
    if let Some(obj) = ok.as_object() {
        cx.unmapped(
            obj,
            &ok_at,
            &["schema", "headers", "description", "examples"],
            "response",
        );
    }
    if let Some(headers) = ok.get("headers") {
        let fields = response_headers(headers, &pointer_join(&ok_at, "headers"), cx);
        if !fields.is_empty() {
            op.insert("responseHeaders".into(), Value::Array(fields));
        }
    }
    let produces_binary = produces
        .and_then(Value::as_array)
        .is_some_and(|l| l.len() == 1 && l[0] == "application/octet-stream");
    let Some(schema) = ok.get("schema") else {
        op.insert("responseBody".into(), json!("none"));
        return;
    };
    let s_at = pointer_join(&ok_at, "schema");
    let ty = str_at(schema, "type");
    let format = str_at(schema, "format");
    match (ty, format) {
        (Some("object"), _) => {
            let fields = match schema.as_object() {
                Some(obj) => super::types::object_fields(obj, &s_at, cx),
                None => Vec::new(),
            };
            if fields.is_empty() {
                // A free-form object: every field is kept as raw JSON.
                op.insert("rawResponse".into(), json!(true));
            } else {
                op.insert("response".into(), Value::Array(fields));
            }
        }
        (Some("array"), _) => {
            op.insert("responseBody".into(), json!("jsonArray"));
            if let Some(f) = field("items", schema, &s_at, Side::Response, cx) {
                op.insert("response".into(), json!([f]));
            } else {
                cx.error(&s_at, "items", "the JSON array body cannot be represented");
            }
        }
        (Some("string"), Some("binary")) => {
            op.insert("responseBody".into(), json!("binary"));
        }
        (Some("string"), None) if produces_binary => {
            op.insert("responseBody".into(), json!("binary"));
        }
        (Some("string"), None) => {
            op.insert("responseBody".into(), json!("text"));
        }
        _ => cx.error(&s_at, "schema", &format!("a 2xx body of type {} (format {}) cannot be represented (expected an object, an array, a string or bytes)", ty.unwrap_or("(none)"), format.unwrap_or("(none)"))),
    }
}

fn response_headers(headers: &Value, at: &str, cx: &mut Cx) -> Vec<Value> {
    let Some(map) = headers.as_object() else {
        cx.error(
            at,
            "headers",
            &format!("expected an object, found {}", kind_of(headers)),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, h) in map {
        let h_at = pointer_join(at, name);
        let Some(schema) = h.get("schema") else {
            cx.error(&h_at, name, "a response header without a schema");
            continue;
        };
        if let Some(obj) = h.as_object() {
            cx.unmapped(obj, &h_at, &["schema"], "response header");
        }
        let s_at = pointer_join(&h_at, "schema");
        if let Some(obj) = schema.as_object() {
            // `backendName`: the service's internal name for the header, not sent.
            cx.unmapped(
                obj,
                &s_at,
                &[
                    "type",
                    "format",
                    "description",
                    "title",
                    "example",
                    "backendName",
                ],
                "response header schema",
            );
        }
        match field(name, schema, &s_at, Side::Response, cx) {
            Some(f) if !matches!(str_at(&f, "type"), Some("array" | "object")) => out.push(f),
            Some(_) => cx.error(&s_at, name, "a response header must be a scalar"),
            None => cx.error(
                &s_at,
                name,
                "the response header's type cannot be represented",
            ),
        }
    }
    out
}

/// Every published parameter must be in the written operation at its location (a dotted name
/// `X.N.Y` travels inside the parameter `X`): what the import could not keep is an error here,
/// so that a lost parameter can never leave the import silently.
pub(super) fn verify_kept(
    api: &Map<String, Value>,
    op: &Map<String, Value>,
    at: &str,
    cx: &mut Cx,
) {
    let Some(params) = api.get("parameters").and_then(Value::as_array) else {
        return;
    };
    let written = op.get("parameters").and_then(Value::as_array);
    for (i, p) in params.iter().enumerate() {
        let Some(name) = str_at(p, "name") else {
            continue;
        };
        let location = str_at(p, "in").unwrap_or("query");
        let root = name.split('.').next().unwrap_or(name);
        let kept = written.is_some_and(|w| {
            w.iter().any(|f| {
                let wire = str_at(f, "name");
                (wire == Some(name) || wire == Some(root))
                    && str_at(f, "in").unwrap_or("query") == location
            })
        });
        let p_at = pointer_join(&pointer_join(at, "parameters"), i);
        if !kept && !cx.errors.iter().any(|e| e.pointer.starts_with(&p_at)) {
            // Why: the report the mapping left at this parameter.
            let why = cx
                .reports
                .iter()
                .rev()
                .find(|r| r.pointer.starts_with(&p_at))
                .map(|r| format!(" ({})", r.message))
                .unwrap_or_default();
            cx.error(&p_at, name, &format!("`{name}` (`in: {location}`) could not be kept{why}; the operation would send something else than the API defines"));
        }
    }
}

impl Cx {
    /// A fact the import cannot write right: nothing is written and the import exits 1.
    pub(super) fn error(&mut self, pointer: &str, name: &str, message: &str) {
        self.errors.push(Report {
            pointer: pointer.to_owned(),
            name: name.to_owned(),
            message: message.to_owned(),
        });
    }
}
