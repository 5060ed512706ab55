//! Vendor metadata (Alibaba Cloud `api-docs.json`) → this project's spec documents.
//!
//! One document per operation (`<Action>.json`, a complete spec with one operation) plus
//! `_service.json` with the endpoints table and no operations. Curated refinements live in
//! overlay files (see [`overlay`]) that the import merges over what the metadata says, recording
//! every fact the overlay overrode as a `discrepancy`.
//!
//! Mapping rules (each is tested in `codegen/tests/import_*.rs`):
//! - `type`/`format`: `integer`+`int32` → `int32`, `integer`+`int64` (or no format) → `int64`,
//!   `number` → `double`, `string`, `boolean`, `array` (with `items`), `object` (with
//!   `properties`; an object without properties is a free-form JSON object).
//! - `minimum`/`maximum` (strings) → one `range` constraint on integer fields; bounds that are not
//!   integers, or bounds on non-integer fields, are reported and dropped.
//! - `maxItems` → `maxItems`; `enum` → `oneOf`; `default` (a string) → a typed default.
//! - The parameter's `style` (`repeatList`/`json`/`simple`) → the field's `style`.
//! - **JSON-string arrays**: a top-level `string` request parameter without a style whose
//!   `example` parses as a non-empty JSON array of strings is sent as one JSON-encoded array, so it
//!   becomes `array` of `string` with style `json` (e.g. `StartInstances.InstanceIds`). The
//!   example is the evidence: a description that mentions a JSON array without such an example is
//!   reported and left a string; a JSON *object* in a string (e.g.
//!   `ModifyDatabaseInstanceParameter.Parameters`) stays a string.
//! - A string parameter named `ClientToken` that is optional is the idempotency token.
//! - Descriptions are kept as the Chinese (`zh`) text; a schema `title` is put in front of its
//!   description. Examples are trimmed.
//! - `errorCodes` (keyed by HTTP status) → `errors`, `retryable` for 5xx and `Throttling*` codes.
//! - `directories`: the top-level directory title becomes the `group`, translated to a short
//!   English identifier ([`group_name`]); the Chinese directory title and the operation `title`
//!   are kept in the vendor source's `title`.
//! - Everything else (`schemes`, `security`, `responseDemo`, …) is reported by name and JSON
//!   Pointer into the vendor file: nothing is dropped silently.

pub mod overlay;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::{json, Map, Value};

use crate::diagnostics::{kind_of, pointer_join};
use crate::naming::{pascal_case, snake_case};

/// Something in the vendor file the import did not map, or mapped with a caveat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// JSON Pointer into the vendor file.
    pub pointer: String,
    /// The key or construct concerned (`schemes`, `minimum`, `type`, …).
    pub name: String,
    pub message: String,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: `{}`: {}", self.pointer, self.name, self.message)
    }
}

/// A fatal problem: the input cannot be imported at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The file concerned.
    pub file: String,
    /// JSON Pointer into that file (empty for the whole document).
    pub pointer: String,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_empty() {
            "(document root)"
        } else {
            &self.pointer
        };
        write!(f, "{}: at {at}: {}", self.file, self.message)
    }
}

impl std::error::Error for ImportError {}

/// How to import.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The vendor file's name as recorded in `sources` (e.g. `2024-06-24.api-docs.json`).
    pub source_file: String,
    /// Publication date recorded in `sources`; see [`source_date`].
    pub date: Option<String>,
    /// Overlays by operation name (see [`overlay::load_dir`]).
    pub overlays: BTreeMap<String, overlay::Overlay>,
}

/// The result of an import.
#[derive(Clone, Debug)]
pub struct Imported {
    pub product: String,
    pub version: String,
    /// `(file name, spec document)`: `_service.json` first, then one `<Action>.json` per
    /// operation in vendor order.
    pub files: Vec<(String, Value)>,
    /// Constructs not mapped (or mapped with a caveat), by vendor JSON Pointer.
    pub reports: Vec<Report>,
    /// How a value's shape was inferred (the JSON-string array rule), for the log.
    pub inferences: Vec<Report>,
    /// Operations an overlay was applied to.
    pub overlaid: Vec<String>,
}

impl Imported {
    /// The operation documents (everything but `_service.json`).
    pub fn operations(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.files
            .iter()
            .filter(|(name, _)| name != SERVICE_FILE)
            .map(|(n, v)| (n.trim_end_matches(".json"), v))
    }
}

/// Name of the document that holds the endpoints table.
pub const SERVICE_FILE: &str = "_service.json";

/// `2024-06-24` from `2024-06-24.api-docs.json` (or any file name that starts with a date).
pub fn source_date(file_name: &str) -> Option<String> {
    let b = file_name.as_bytes();
    let is_date = b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b[..10]
            .iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    is_date.then(|| file_name[..10].to_owned())
}

/// Short English identifier of a vendor directory title (`实例` → `Instances`).
pub fn group_name(title: &str) -> Option<&'static str> {
    Some(match title.trim() {
        "实例" => "Instances",
        "密钥对" => "KeyPairs",
        "防火墙模板" => "FirewallTemplates",
        "防火墙" => "Firewall",
        "快照" => "Snapshots",
        "磁盘" => "Disks",
        "自定义镜像" => "Images",
        "命令助手" => "Commands",
        "轻量数据库服务" => "Databases",
        "标签" => "Tags",
        // "Other resources": ListRegions, ListImages, ListPlans — the regional catalog.
        "其他资源" => "Regions",
        _ => return None,
    })
}

/// Whether the text is vendor metadata (`apis` + `info`) rather than a spec document.
pub fn looks_like_vendor_metadata(value: &Value) -> bool {
    value.get("apis").is_some() && value.get("specVersion").is_none()
}

/// Imports vendor metadata text. Fails only when the document as a whole is unusable; every
/// smaller problem becomes a [`Report`] and the rest is still imported.
pub fn import(text: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    let fatal = |pointer: &str, message: String| ImportError {
        file: options.source_file.clone(),
        pointer: pointer.to_owned(),
        message,
    };
    let root: Value = serde_json::from_str(text).map_err(|e| {
        fatal(
            "",
            format!(
                "invalid JSON at line {}, column {}: {e}",
                e.line(),
                e.column()
            ),
        )
    })?;
    let Value::Object(root) = &root else {
        return Err(fatal(
            "",
            format!("expected an object, found {}", kind_of(&root)),
        ));
    };
    let info = root
        .get("info")
        .ok_or_else(|| fatal("", "missing required key `info`".to_owned()))?;
    let product = str_at(info, "product")
        .ok_or_else(|| fatal("/info/product", "expected a string".to_owned()))?;
    let version = str_at(info, "version")
        .ok_or_else(|| fatal("/info/version", "expected a string".to_owned()))?;
    let apis = match root.get("apis") {
        Some(Value::Object(apis)) => apis,
        Some(other) => {
            return Err(fatal(
                "/apis",
                format!("expected an object, found {}", kind_of(other)),
            ))
        }
        None => return Err(fatal("", "missing required key `apis`".to_owned())),
    };

    let mut cx = Cx::default();
    for key in root.keys() {
        match key.as_str() {
            "info" | "apis" | "directories" | "endpoints" => {}
            // The format version of the metadata itself.
            "version" => {}
            "components" => {
                let empty = root[key]
                    .get("schemas")
                    .and_then(Value::as_object)
                    .is_some_and(Map::is_empty)
                    && root[key].as_object().is_some_and(|m| m.len() == 1);
                if !empty {
                    cx.report(
                        "/components",
                        "components",
                        "shared schemas are not mapped (no operation refers to them)",
                    );
                }
            }
            other => cx.report(&pointer_join("", other), other, "top-level key not mapped"),
        }
    }
    if let Some(info) = info.as_object() {
        for key in info.keys() {
            match key.as_str() {
                "product" | "version" => {}
                "style" if info[key] == "RPC" => {}
                other => cx.report(
                    &pointer_join("/info", other),
                    other,
                    "not mapped (only RPC-style APIs are supported)",
                ),
            }
        }
    }

    let groups = directories(root.get("directories"), &mut cx);
    let endpoints = endpoints(root.get("endpoints"), &mut cx);

    let vendor_source = |title: String| {
        let mut s = Map::new();
        s.insert("kind".into(), json!("vendorMetadata"));
        s.insert("title".into(), json!(title));
        s.insert("file".into(), json!(options.source_file));
        if let Some(date) = &options.date {
            s.insert("date".into(), json!(date));
        }
        Value::Object(s)
    };
    let base_title = format!("Alibaba Cloud API metadata (api-docs.json) for {product} {version}");

    let mut files = Vec::new();
    let mut service = Map::new();
    service.insert("specVersion".into(), json!(1));
    service.insert("product".into(), json!(product));
    service.insert("version".into(), json!(version));
    service.insert("sources".into(), json!([vendor_source(base_title.clone())]));
    service.insert("endpoints".into(), Value::Array(endpoints));
    service.insert("operations".into(), json!([]));
    files.push((SERVICE_FILE.to_owned(), Value::Object(service)));

    let mut overlaid = Vec::new();
    for (name, api) in apis {
        let at = pointer_join("/apis", name);
        if name.is_empty()
            || !name.chars().all(|c| c.is_ascii_alphanumeric())
            || !name.starts_with(|c: char| c.is_ascii_uppercase())
        {
            cx.report(
                &at,
                name,
                "operation name is not a PascalCase Action; operation skipped",
            );
            continue;
        }
        let Some(api) = api.as_object() else {
            cx.report(
                &at,
                name,
                &format!(
                    "expected an object, found {}; operation skipped",
                    kind_of(api)
                ),
            );
            continue;
        };
        let group = groups.get(name.as_str());
        if group.is_none() && root.contains_key("directories") {
            cx.report(&at, name, "operation is in no directory; it gets no group");
        }
        let mut op = operation(name, api, &at, group.map(|g| g.0), &mut cx);
        let mut title = base_title.clone();
        if let Some((_, dir_title)) = group {
            title.push_str(&format!(" — {dir_title}"));
        }
        if let Some(t) = api
            .get("title")
            .and_then(Value::as_str)
            .filter(|t| !t.trim().is_empty())
        {
            title.push_str(&format!(" / {}", t.trim()));
        }
        let mut sources = vec![vendor_source(title)];
        if let Some(ov) = options.overlays.get(name.as_str()) {
            overlay::apply(&mut op, &mut sources, ov).map_err(|mut e| {
                e.file = ov.file.clone();
                e
            })?;
            overlaid.push(name.clone());
        }
        let mut doc = Map::new();
        doc.insert("specVersion".into(), json!(1));
        doc.insert("product".into(), json!(product));
        doc.insert("version".into(), json!(version));
        doc.insert("sources".into(), Value::Array(sources));
        doc.insert("operations".into(), json!([Value::Object(op)]));
        files.push((format!("{name}.json"), Value::Object(doc)));
    }
    for name in options.overlays.keys() {
        if !apis.contains_key(name) {
            cx.report("/apis", name, "an overlay exists for this operation, but the metadata has no such operation; overlay not applied");
        }
    }
    Ok(Imported {
        product: product.to_owned(),
        version: version.to_owned(),
        files,
        reports: cx.reports,
        inferences: cx.inferences,
        overlaid,
    })
}

#[derive(Default)]
struct Cx {
    reports: Vec<Report>,
    inferences: Vec<Report>,
}

impl Cx {
    fn report(&mut self, pointer: &str, name: &str, message: &str) {
        self.reports.push(Report {
            pointer: pointer.to_owned(),
            name: name.to_owned(),
            message: message.to_owned(),
        });
    }

    /// Reports every key of `obj` not in `known`.
    fn unmapped(&mut self, obj: &Map<String, Value>, pointer: &str, known: &[&str], what: &str) {
        for (key, value) in obj {
            if known.contains(&key.as_str()) {
                continue;
            }
            // Blank placeholders (`"extraInfo": " "`) say nothing.
            if value.as_str().is_some_and(|s| s.trim().is_empty()) {
                continue;
            }
            self.report(
                &pointer_join(pointer, key),
                key,
                &format!("{what} key not mapped"),
            );
        }
    }
}

fn str_at<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key)?.as_str()
}

/// Operation name → (group identifier, Chinese directory title).
fn directories<'a>(
    value: Option<&'a Value>,
    cx: &mut Cx,
) -> BTreeMap<&'a str, (&'static str, &'a str)> {
    let mut out = BTreeMap::new();
    let Some(value) = value else {
        return out;
    };
    let Some(dirs) = value.as_array() else {
        cx.report(
            "/directories",
            "directories",
            &format!("expected an array, found {}", kind_of(value)),
        );
        return out;
    };
    for (i, dir) in dirs.iter().enumerate() {
        let at = pointer_join("/directories", i);
        let title = str_at(dir, "title").unwrap_or_default();
        let group = match group_name(title) {
            Some(g) => g,
            None => {
                cx.report(&pointer_join(&at, "title"), title, "no English group identifier is known for this directory title; its operations get no group");
                continue;
            }
        };
        if let Some(obj) = dir.as_object() {
            cx.unmapped(obj, &at, &["id", "title", "type", "children"], "directory");
        }
        collect_children(dir, &at, group, title, &mut out, cx);
    }
    out
}

fn collect_children<'a>(
    dir: &'a Value,
    at: &str,
    group: &'static str,
    title: &'a str,
    out: &mut BTreeMap<&'a str, (&'static str, &'a str)>,
    cx: &mut Cx,
) {
    let Some(children) = dir.get("children").and_then(Value::as_array) else {
        return;
    };
    for (j, child) in children.iter().enumerate() {
        let child_at = pointer_join(&pointer_join(at, "children"), j);
        match child {
            Value::String(op) => {
                out.entry(op.as_str()).or_insert((group, title));
            }
            // Nested directories belong to their top-level directory's group.
            Value::Object(_) => collect_children(child, &child_at, group, title, out, cx),
            other => cx.report(
                &child_at,
                "children",
                &format!(
                    "expected an operation name or a directory, found {}",
                    kind_of(other)
                ),
            ),
        }
    }
}

fn endpoints(value: Option<&Value>, cx: &mut Cx) -> Vec<Value> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    let Some(value) = value else {
        return out;
    };
    let Some(items) = value.as_array() else {
        cx.report(
            "/endpoints",
            "endpoints",
            &format!("expected an array, found {}", kind_of(value)),
        );
        return out;
    };
    for (i, e) in items.iter().enumerate() {
        let at = pointer_join("/endpoints", i);
        match (str_at(e, "regionId"), str_at(e, "endpoint")) {
            (Some(region), Some(host)) => {
                if !seen.insert(region.to_owned()) {
                    cx.report(&at, region, "region listed twice; the first entry is kept");
                    continue;
                }
                if let Some(obj) = e.as_object() {
                    cx.unmapped(obj, &at, &["regionId", "endpoint"], "endpoint");
                }
                out.push(json!({ "regionId": region, "host": host }));
            }
            _ => cx.report(
                &at,
                "endpoints",
                "expected `regionId` and `endpoint` strings; entry skipped",
            ),
        }
    }
    out
}

fn text(zh: Option<&str>) -> Option<Value> {
    let zh = zh?.trim();
    (!zh.is_empty()).then(|| json!({ "zh": zh }))
}

fn operation(
    name: &str,
    api: &Map<String, Value>,
    at: &str,
    group: Option<&str>,
    cx: &mut Cx,
) -> Map<String, Value> {
    cx.unmapped(
        api,
        at,
        &[
            "methods",
            "deprecated",
            "summary",
            "description",
            "title",
            "parameters",
            "responses",
            "errorCodes",
        ],
        "operation",
    );
    let mut op = Map::new();
    op.insert("name".into(), json!(name));
    let mut methods = Vec::new();
    match api.get("methods").and_then(Value::as_array) {
        Some(list) => {
            for (i, m) in list.iter().enumerate() {
                match m.as_str().map(str::to_ascii_uppercase).as_deref() {
                    Some(m @ ("GET" | "POST")) => {
                        if !methods.contains(&json!(m)) {
                            methods.push(json!(m));
                        }
                    }
                    _ => cx.report(
                        &pointer_join(&pointer_join(at, "methods"), i),
                        "methods",
                        &format!("unsupported HTTP method {m}; dropped"),
                    ),
                }
            }
        }
        None => cx.report(at, "methods", "missing or not an array"),
    }
    if methods.is_empty() {
        cx.report(at, "methods", "no usable HTTP method; assuming POST");
        methods.push(json!("POST"));
    }
    op.insert("methods".into(), Value::Array(methods));
    if let Some(group) = group {
        op.insert("group".into(), json!(group));
    }
    match api.get("deprecated") {
        None | Some(Value::Null) => {}
        Some(Value::Bool(b)) => {
            if *b {
                op.insert("deprecated".into(), json!(true));
            }
        }
        Some(other) => cx.report(
            &pointer_join(at, "deprecated"),
            "deprecated",
            &format!("expected a boolean, found {}", kind_of(other)),
        ),
    }
    if let Some(t) = text(api.get("summary").and_then(Value::as_str)) {
        op.insert("summary".into(), t);
    }
    if let Some(t) = text(api.get("description").and_then(Value::as_str)) {
        op.insert("description".into(), t);
    }

    let mut parameters = Vec::new();
    let mut names = NameSet::default();
    match api.get("parameters") {
        Some(Value::Array(params)) => {
            for (i, p) in params.iter().enumerate() {
                let p_at = pointer_join(&pointer_join(at, "parameters"), i);
                if let Some(f) = parameter(p, &p_at, cx) {
                    if names.admit(&f, &p_at, cx) {
                        parameters.push(f);
                    }
                }
            }
        }
        None => {}
        Some(other) => cx.report(
            &pointer_join(at, "parameters"),
            "parameters",
            &format!("expected an array, found {}", kind_of(other)),
        ),
    }
    if !parameters.is_empty() {
        op.insert("parameters".into(), Value::Array(parameters));
    }

    if let Some(responses) = api.get("responses") {
        let r_at = pointer_join(at, "responses");
        let response = responses_200(responses, &r_at, cx);
        if !response.is_empty() {
            op.insert("response".into(), Value::Array(response));
        }
    }
    if let Some(codes) = api.get("errorCodes") {
        let errors = error_codes(codes, &pointer_join(at, "errorCodes"), cx);
        if !errors.is_empty() {
            op.insert("errors".into(), Value::Array(errors));
        }
    }
    op
}

/// Field names of one struct, so that clashes are reported instead of failing the check.
#[derive(Default)]
struct NameSet {
    names: BTreeSet<String>,
    idents: BTreeSet<String>,
}

impl NameSet {
    fn admit(&mut self, field: &Value, at: &str, cx: &mut Cx) -> bool {
        let name = str_at(field, "name").unwrap_or_default();
        if !self.names.insert(name.to_owned()) {
            cx.report(at, name, "defined twice; the first definition is kept");
            return false;
        }
        if !self.idents.insert(snake_case(name)) {
            cx.report(
                at,
                name,
                &format!(
                    "would become the same Rust field `{}` as an earlier one; dropped",
                    snake_case(name)
                ),
            );
            return false;
        }
        true
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Request,
    Response,
}

fn parameter(p: &Value, at: &str, cx: &mut Cx) -> Option<Value> {
    let Some(obj) = p.as_object() else {
        cx.report(
            at,
            "parameters",
            &format!("expected an object, found {}; skipped", kind_of(p)),
        );
        return None;
    };
    cx.unmapped(obj, at, &["name", "in", "schema", "style"], "parameter");
    let Some(name) = str_at(p, "name") else {
        cx.report(at, "name", "parameter without a name; skipped");
        return None;
    };
    match str_at(p, "in") {
        Some("query") | None => {}
        Some(other) => cx.report(&pointer_join(at, "in"), "in", &format!("parameters `in: {other}` are not supported (RPC sends everything in the query); mapped as a query parameter")),
    }
    let Some(schema) = p.get("schema") else {
        cx.report(at, name, "parameter without a schema; skipped");
        return None;
    };
    let style = match p.get("style") {
        None => None,
        Some(Value::String(s))
            if matches!(s.as_str(), "repeatList" | "json" | "simple" | "flat") =>
        {
            Some(s.as_str())
        }
        Some(other) => {
            cx.report(
                &pointer_join(at, "style"),
                "style",
                &format!("unsupported style {other}; ignored"),
            );
            None
        }
    };
    let mut f = field(name, schema, &pointer_join(at, "schema"), Side::Request, cx)?;
    let is_array_or_object = matches!(str_at(&f, "type"), Some("array" | "object"));
    match (style, is_array_or_object) {
        (Some(s), true) => {
            let ok = match str_at(&f, "type") {
                Some("object") => matches!(s, "json" | "flat"),
                _ => !(s == "simple" && f.pointer("/items/type") == Some(&json!("object"))),
            };
            if ok {
                if let Some(obj) = f.as_object_mut() {
                    obj.insert("style".into(), json!(s));
                }
            } else {
                cx.report(
                    &pointer_join(at, "style"),
                    "style",
                    &format!(
                        "style `{s}` does not apply to this {}; ignored",
                        str_at(&f, "type").unwrap_or_default()
                    ),
                );
            }
        }
        (Some(s), false) => cx.report(
            &pointer_join(at, "style"),
            "style",
            &format!("style `{s}` on a scalar parameter; ignored"),
        ),
        (None, _) => json_string_array(&mut f, at, cx),
    }
    if name == "ClientToken"
        && str_at(&f, "type") == Some("string")
        && f.get("required") != Some(&json!(true))
    {
        f.as_object_mut()?
            .insert("idempotencyToken".into(), json!(true));
    }
    Some(f)
}

/// The JSON-string array rule (see the module docs).
fn json_string_array(f: &mut Value, at: &str, cx: &mut Cx) {
    if str_at(f, "type") != Some("string") {
        return;
    }
    let example = str_at(f, "example").unwrap_or_default();
    let items: Option<Vec<Value>> = serde_json::from_str::<Value>(example)
        .ok()
        .and_then(|v| v.as_array().cloned())
        .filter(|items| !items.is_empty() && items.iter().all(Value::is_string));
    let name = str_at(f, "name").unwrap_or_default().to_owned();
    match items {
        Some(items) => {
            let Some(obj) = f.as_object_mut() else { return };
            obj.insert("type".into(), json!("array"));
            let mut item = Map::new();
            item.insert("type".into(), json!("string"));
            if let Some(first) = items.first() {
                item.insert("example".into(), first.clone());
            }
            obj.insert("items".into(), Value::Object(item));
            obj.insert("style".into(), json!("json"));
            cx.inferences.push(Report {
                pointer: pointer_join(at, "schema"),
                name,
                message: "a string whose example is a JSON array of strings: imported as an array of string sent as one JSON string (style json)".to_owned(),
            });
        }
        None => {
            let description = f
                .pointer("/description/zh")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if description.contains("JSON数组") || description.contains("JSON array") {
                cx.report(&pointer_join(at, "schema"), &name, "the description speaks of a JSON array but the example is not one; left a string");
            }
        }
    }
}

/// One schema → one spec field. `None` when the type cannot be represented (reported).
fn field(name: &str, schema: &Value, at: &str, side: Side, cx: &mut Cx) -> Option<Value> {
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
            (_, Side::Response) => cx.report(
                &pointer_join(at, "enum"),
                "enum",
                "value sets of response fields are not mapped",
            ),
            _ => cx.report(
                &pointer_join(at, "enum"),
                "enum",
                &format!("a value set of {v} for a {ty_name} field is not mapped"),
            ),
        }
    }
    if let Some(v) = s.get("default") {
        match (typed_value(v, &ty_name), side) {
            (Some(d), Side::Request) if !required => {
                let breaks = constraints.iter().any(|c| {
                    let Some(i) = d.as_i64() else { return false };
                    c["kind"] == "range"
                        && (c.get("min").and_then(Value::as_i64).is_some_and(|m| i < m)
                            || c.get("max").and_then(Value::as_i64).is_some_and(|m| i > m))
                });
                if breaks {
                    cx.report(
                        &pointer_join(at, "default"),
                        "default",
                        &format!("default {d} is outside the field's own range; dropped"),
                    );
                } else {
                    f.insert("default".into(), d);
                }
            }
            (Some(_), Side::Request) => cx.report(
                &pointer_join(at, "default"),
                "default",
                "a default on a required parameter is never used; dropped",
            ),
            (Some(_), Side::Response) => cx.report(
                &pointer_join(at, "default"),
                "default",
                "defaults of response fields are not mapped",
            ),
            (None, _) => cx.report(
                &pointer_join(at, "default"),
                "default",
                &format!("default {v} is not a valid {ty_name}; dropped"),
            ),
        }
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

/// A metadata value (usually a string) as a JSON value of the spec type.
fn typed_value(v: &Value, ty: &str) -> Option<Value> {
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
                    for (pname, pschema) in props {
                        let p_at = pointer_join(&pointer_join(at, "properties"), pname);
                        if pname.is_empty()
                            || !pname.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                        {
                            cx.report(
                                &p_at,
                                pname,
                                "property name is not a valid wire name; skipped",
                            );
                            continue;
                        }
                        if let Some(f) = field(pname, pschema, &p_at, side, cx) {
                            if names.admit(&f, &p_at, cx) {
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

fn responses_200(responses: &Value, at: &str, cx: &mut Cx) -> Vec<Value> {
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
    cx.unmapped(schema, &s_at, &["type", "properties"], "response schema");
    let mut out = Vec::new();
    let mut names = NameSet::default();
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (name, p) in props {
            let p_at = pointer_join(&pointer_join(&s_at, "properties"), name);
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                cx.report(&p_at, name, "field name is not a valid wire name; skipped");
                continue;
            }
            if let Some(f) = field(name, p, &p_at, Side::Response, cx) {
                if names.admit(&f, &p_at, cx) {
                    out.push(f);
                }
            }
        }
    }
    out
}

fn error_codes(codes: &Value, at: &str, cx: &mut Cx) -> Vec<Value> {
    let Some(map) = codes.as_object() else {
        cx.report(
            at,
            "errorCodes",
            &format!(
                "expected an object keyed by HTTP status, found {}",
                kind_of(codes)
            ),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    let mut variants = BTreeSet::new();
    for (status, list) in map {
        let s_at = pointer_join(at, status);
        let Some(http) = status
            .parse::<u16>()
            .ok()
            .filter(|s| (100..=599).contains(s))
        else {
            cx.report(&s_at, status, "not an HTTP status; its codes are skipped");
            continue;
        };
        let Some(list) = list.as_array() else {
            cx.report(&s_at, status, "expected an array of error codes");
            continue;
        };
        for (i, e) in list.iter().enumerate() {
            let e_at = pointer_join(&s_at, i);
            let Some(obj) = e.as_object() else {
                cx.report(&e_at, "errorCodes", "expected an object; skipped");
                continue;
            };
            cx.unmapped(
                obj,
                &e_at,
                &["errorCode", "errorMessage", "description"],
                "error",
            );
            let Some(code) = str_at(e, "errorCode")
                .map(str::trim)
                .filter(|c| !c.is_empty() && !c.contains(char::is_whitespace))
            else {
                cx.report(
                    &e_at,
                    "errorCode",
                    "missing, empty or containing whitespace; skipped",
                );
                continue;
            };
            if !seen.insert(code.to_owned()) {
                cx.report(&e_at, code, "error code listed twice; the first is kept");
                continue;
            }
            let variant = pascal_case(code);
            if variant == "Unknown" || !variants.insert(variant.clone()) {
                cx.report(
                    &e_at,
                    code,
                    &format!("would become the enum variant `{variant}`, which is taken; skipped"),
                );
                continue;
            }
            let message = str_at(e, "errorMessage").unwrap_or_default().trim();
            let mut err = Map::new();
            err.insert("httpStatus".into(), json!(http));
            err.insert("code".into(), json!(code));
            err.insert("message".into(), json!(message));
            if let Some(t) = text(str_at(e, "description")) {
                err.insert("description".into(), t);
            }
            err.insert("retryable".into(), json!(is_retryable(http, code)));
            out.push(Value::Object(err));
        }
    }
    out
}

/// The import's retry rule: server errors (5xx) and throttling codes.
pub fn is_retryable(http_status: u16, code: &str) -> bool {
    http_status >= 500 || code.starts_with("Throttling")
}

/// Pretty JSON with the keys of spec documents in a readable order (`name`, `type` first …),
/// other keys after them alphabetically; two-space indentation, trailing newline.
pub fn to_pretty_json(v: &Value) -> String {
    let mut out = String::new();
    write_json(v, 0, &mut out);
    out.push('\n');
    out
}

const KEY_ORDER: &[&str] = &[
    "$schema",
    "specVersion",
    "product",
    "version",
    "operation",
    "sources",
    "endpoints",
    "operations",
    "kind",
    "regionId",
    "host",
    "name",
    "title",
    "file",
    "url",
    "date",
    "methods",
    "group",
    "deprecated",
    "summary",
    "description",
    "ram",
    "type",
    "items",
    "properties",
    "style",
    "required",
    "default",
    "unit",
    "example",
    "idempotencyToken",
    "constraints",
    "values",
    "min",
    "max",
    "value",
    "charset",
    "parameter",
    "equals",
    "errorCode",
    "facts",
    "parameters",
    "response",
    "httpStatus",
    "code",
    "message",
    "retryable",
    "errors",
    "notes",
    "pointer",
    "subject",
    "referencePage",
    "vendorMetadata",
    "followed",
    "discrepancies",
    "changes",
    "en",
    "zh",
];

fn write_json(v: &Value, indent: usize, out: &mut String) {
    let pad = |n: usize| "  ".repeat(n);
    match v {
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) if items.iter().all(|x| !x.is_object() && !x.is_array()) => {
            let parts: Vec<String> = items.iter().map(|x| x.to_string()).collect();
            let one_line = format!("[{}]", parts.join(", "));
            if one_line.len() <= 80 {
                out.push_str(&one_line);
            } else {
                write_items(items, indent, out);
            }
        }
        Value::Array(items) => write_items(items, indent, out),
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by_key(|k| {
                (
                    KEY_ORDER
                        .iter()
                        .position(|o| o == k)
                        .unwrap_or(KEY_ORDER.len()),
                    (*k).clone(),
                )
            });
            out.push_str("{\n");
            for (i, k) in keys.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                out.push_str(&Value::String((*k).clone()).to_string());
                out.push_str(": ");
                write_json(&map[k.as_str()], indent + 1, out);
                if i + 1 < keys.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn write_items(items: &[Value], indent: usize, out: &mut String) {
    out.push_str("[\n");
    for (i, x) in items.iter().enumerate() {
        out.push_str(&"  ".repeat(indent + 1));
        write_json(x, indent + 1, out);
        if i + 1 < items.len() {
            out.push(',');
        }
        out.push('\n');
    }
    out.push_str(&"  ".repeat(indent));
    out.push(']');
}

/// What [`run`] did.
#[derive(Debug)]
pub struct Outcome {
    pub imported: Imported,
    /// Paths written.
    pub written: Vec<std::path::PathBuf>,
    /// Check errors of written files (a bug in the import or an overlay when not empty).
    pub check_errors: Vec<crate::SpecError>,
    /// `*.json` files in the output directory that this import did not write.
    pub stale: Vec<String>,
}

impl Outcome {
    /// One line: how many files, operations, overlays, reports.
    pub fn summary(&self) -> String {
        let mut by_name: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &self.imported.reports {
            *by_name.entry(r.name.as_str()).or_default() += 1;
        }
        let mut common: Vec<(&str, usize)> = by_name.into_iter().filter(|(_, n)| *n > 1).collect();
        common.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let common: Vec<String> = common.iter().map(|(k, n)| format!("{k} ×{n}")).collect();
        format!(
            "imported {} operation(s) of {} {} into {} file(s); {} overlay(s) applied ({}); {} JSON-string array(s) inferred; {} unmapped construct(s) reported{}; {} check error(s)",
            self.imported.files.len().saturating_sub(1),
            self.imported.product,
            self.imported.version,
            self.written.len(),
            self.imported.overlaid.len(),
            self.imported.overlaid.join(", "),
            self.imported.inferences.len(),
            self.imported.reports.len(),
            if common.is_empty() { String::new() } else { format!(" (most frequent: {})", common.join(", ")) },
            self.check_errors.len(),
        )
    }
}

/// The CLI's `import`: reads the vendor file and overlays, writes one spec per operation plus
/// `_service.json` into `out`, and checks every written file.
pub fn run(
    input: &std::path::Path,
    out: &std::path::Path,
    overlay_dir: Option<&std::path::Path>,
) -> Result<Outcome, ImportError> {
    let shown = input.display().to_string();
    let text = std::fs::read_to_string(input).map_err(|e| ImportError {
        file: shown.clone(),
        pointer: String::new(),
        message: format!("cannot read: {e}"),
    })?;
    let file_name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    let overlays = match overlay_dir {
        Some(dir) => overlay::load_dir(dir)?,
        None => BTreeMap::new(),
    };
    let options = ImportOptions {
        date: source_date(&file_name),
        source_file: file_name,
        overlays,
    };
    let mut imported = import(&text, &options).map_err(|mut e| {
        if e.file == options.source_file {
            e.file = shown.clone();
        }
        e
    })?;
    if options.date.is_none() {
        imported.reports.push(Report {
            pointer: String::new(),
            name: options.source_file.clone(),
            message: "the file name does not start with a YYYY-MM-DD date; sources carry no date"
                .to_owned(),
        });
    }
    std::fs::create_dir_all(out).map_err(|e| ImportError {
        file: out.display().to_string(),
        pointer: String::new(),
        message: format!("cannot create the output directory: {e}"),
    })?;
    let mut written = Vec::new();
    let mut check_errors = Vec::new();
    for (name, doc) in &imported.files {
        let path = out.join(name);
        let text = to_pretty_json(doc);
        if let Err(errors) = crate::parse_spec(&path.display().to_string(), &text) {
            check_errors.extend(errors);
        }
        // Unchanged files are not rewritten, so that macro users do not rebuild for nothing.
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, &text).map_err(|e| ImportError {
                file: path.display().to_string(),
                pointer: String::new(),
                message: format!("cannot write: {e}"),
            })?;
        }
        written.push(path);
    }
    let mut stale = Vec::new();
    if let Ok(entries) = std::fs::read_dir(out) {
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if path.extension().is_some_and(|x| x == "json") && !written.contains(&path) {
                stale.push(path.display().to_string());
            }
        }
    }
    stale.sort();
    Ok(Outcome {
        imported,
        written,
        check_errors,
        stale,
    })
}
