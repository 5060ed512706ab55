//! Walks one vendor metadata document (`info`, `directories`, `endpoints`, `apis`) and builds one
//! spec document per operation; schema mapping is in [`super::types`].

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

pub(super) use super::cx::{str_at, Cx, NameSet};
use super::error_table::error_codes;
use super::params;
use super::repair;
use super::roa::{self, ApiStyle};
use super::types::{field, json_string_array, responses_200, Side};
use super::{group_name_for, overlay, ImportOptions, Imported, Published, Report, SERVICE_FILE};
use crate::diagnostics::{kind_of, parse_json, pointer_join};
use crate::SpecError;

/// Imports vendor metadata text. Fails only when the document as a whole is unusable; every
/// smaller problem becomes a [`Report`] and the rest is still imported.
pub fn import(text: &str, options: &ImportOptions) -> Result<Imported, SpecError> {
    let root = parse_json(&options.source_file, text)?;
    import_value(&root, options)
}

/// [`import`] of an already parsed document (what a layered import hands over).
pub fn import_value(root: &Value, options: &ImportOptions) -> Result<Imported, SpecError> {
    let fatal =
        |pointer: &str, message: String| SpecError::new(&options.source_file, pointer, message);
    let Value::Object(root) = root else {
        return Err(fatal(
            "",
            format!("expected an object, found {}", kind_of(root)),
        ));
    };
    let info = root
        .get("info")
        .ok_or_else(|| fatal("", "missing required key `info`".to_owned()))?;
    let product = str_at(info, "product")
        .ok_or_else(|| fatal("/info/product", "expected a string".to_owned()))?;
    let version = str_at(info, "version")
        .ok_or_else(|| fatal("/info/version", "expected a string".to_owned()))?;
    let style = super::roa::style_of_parts(Some(info), root.get("apis"))
        .map_err(|sentence| fatal("/info/style", sentence))?;
    match root.get("apis") {
        Some(Value::Object(_)) => {}
        Some(other) => {
            return Err(fatal(
                "/apis",
                format!("expected an object, found {}", kind_of(other)),
            ))
        }
        None => return Err(fatal("", "missing required key `apis`".to_owned())),
    }

    let mut cx = Cx {
        roa: style == ApiStyle::Roa,
        ..Cx::default()
    };
    // Shared schemas (`$ref`) are inlined first; what cannot be is an error.
    let inlined;
    // (ROA documents only, for now: RPC specs stay as they were written.)
    let root = if cx.roa && super::refs::has_refs(root) {
        let mut copy = Value::Object(root.clone());
        cx.errors.extend(super::refs::inline(&mut copy));
        inlined = copy;
        inlined.as_object().expect("still an object")
    } else {
        root
    };
    let Some(Value::Object(apis)) = root.get("apis") else {
        return Err(fatal("/apis", "expected an object".to_owned()));
    };
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
                // Checked above: the document is imported in this style or refused.
                "style" => {}
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

    // A fact is credited to the oldest snapshot that already published it as it is now, so a
    // newer snapshot that only repeats it leaves the written spec unchanged.
    let vendor_source = |title: String, since: Option<&Published>| {
        let (file, date) = match since {
            Some(p) => (&p.file, &p.date),
            None => (&options.source_file, &options.date),
        };
        let mut s = Map::new();
        s.insert("kind".into(), json!("vendorMetadata"));
        s.insert("title".into(), json!(title));
        s.insert("file".into(), json!(file));
        if let Some(date) = date {
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
    service.insert(
        "sources".into(),
        json!([vendor_source(
            base_title.clone(),
            options.endpoints_since.as_ref()
        )]),
    );
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
            if cx.roa {
                cx.error(&at, name, "operation name is not PascalCase, as the generated type names need; the operation cannot be written");
            } else {
                cx.report(
                    &at,
                    name,
                    "operation name is not a PascalCase Action; operation skipped",
                );
            }
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
            cx.report(
                &at,
                name,
                "operation is in no directory; it gets no group unless an overlay gives one",
            );
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
        let since = options.request_since.get(name.as_str());
        let request_file = since.map_or(&options.source_file, |p| &p.file);
        let mut sources = vec![vendor_source(title, since)];
        if let Some(carried) = options.carried.get(name.as_str()) {
            // Layered: one snapshot gave the request side, others the rest; sections carried
            // from the request side's own snapshot are credited to its entry.
            let mut own = vec![json!("request")];
            for c in carried {
                if &c.file == request_file {
                    own.extend(c.sections.iter().map(|x| json!(x)));
                    continue;
                }
                let mut s = Map::new();
                s.insert("kind".into(), json!("vendorMetadata"));
                s.insert("title".into(), json!(base_title));
                s.insert("file".into(), json!(c.file));
                if let Some(date) = &c.date {
                    s.insert("date".into(), json!(date));
                }
                s.insert("sections".into(), json!(c.sections));
                sources.push(Value::Object(s));
            }
            // One snapshot gave it all: no sections, as for a single snapshot.
            if sources.len() > 1 {
                sources[0]["sections"] = Value::Array(own);
            }
        }
        if cx.roa && !api.contains_key("responses") {
            cx.report(&at, name, "no snapshot publishes this operation's response; its JSON body is kept as raw JSON");
            op.insert("rawResponse".into(), json!(true));
        }
        if !op.contains_key("response") && !cx.roa {
            // No snapshot publishes the response: keep `RequestId` typed and the rest raw.
            cx.report(
                &at,
                name,
                "no snapshot publishes this operation's response schema; its response type keeps `RequestId` and the rest of the body as raw JSON",
            );
            op.insert(
                "response".into(),
                json!([{ "name": "RequestId", "type": "string" }]),
            );
            op.insert("rawResponse".into(), json!(true));
        }
        if let Some(ov) = options.overlays.get(name.as_str()) {
            overlay::apply(&mut op, &mut sources, ov).map_err(|mut e| {
                e.file = ov.file.clone();
                e
            })?;
            overlaid.push(name.clone());
        }
        let dropped = cx.op_repairs.take();
        repair::hoist(&mut op, dropped);
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
        repairs: cx.repairs,
        errors: cx.errors,
        overlaid,
        carried: options.carried.clone(),
    })
}

/// One sentence saying why a document cannot be imported in its API style (`info.style`; see
/// [`super::roa::style_of`]), or `None` when it can.
pub fn unsupported_style(root: &Value) -> Option<String> {
    super::roa::style_of(root).err()
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
        let group = match group_name_for(title, cx.roa) {
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
            (Some(region), Some(published)) => {
                // A stray tab after a host (FC's ap-southeast-5) is a slip, not a different host.
                let host = published.trim();
                if host != published {
                    cx.report(
                        &at,
                        region,
                        &format!("host {published:?} has surrounding whitespace; trimmed"),
                    );
                }
                if let Err(why) = super::facade::check_host(host) {
                    cx.report(&at, region, &format!("{why}; entry skipped"));
                    continue;
                }
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

pub(super) fn text(zh: Option<&str>) -> Option<Value> {
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
    let roa_keys: &[&str] = if cx.roa {
        &["path", "consumes", "produces"]
    } else {
        &[]
    };
    cx.unmapped(
        api,
        at,
        &[
            roa_keys,
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
        ]
        .concat(),
        "operation",
    );
    let mut op = Map::new();
    op.insert("name".into(), json!(name));
    let mut methods = Vec::new();
    if cx.roa {
        roa::binding(&mut op, api, at, cx);
    }
    match api
        .get("methods")
        .and_then(Value::as_array)
        .filter(|_| !cx.roa)
    {
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
        None if cx.roa => {}
        None => cx.report(at, "methods", "missing or not an array"),
    }
    if methods.is_empty() && !cx.roa {
        cx.report(at, "methods", "no usable HTTP method; assuming POST");
        methods.push(json!("POST"));
    }
    if !cx.roa {
        op.insert("methods".into(), Value::Array(methods));
    }
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
            let params: params::Params = params
                .iter()
                .enumerate()
                .map(|(i, p)| (pointer_join(&pointer_join(at, "parameters"), i), p.clone()))
                .collect();
            let params = params::merge_duplicates(params, cx);
            for (p_at, p) in params::group_dotted(params, cx) {
                if let Some(f) = parameter(&p, &p_at, cx) {
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

    if cx.roa {
        roa::verify_kept(api, &op, at, cx);
    }
    if let (true, Some(responses)) = (cx.roa, api.get("responses")) {
        roa::response(
            &mut op,
            responses,
            api.get("produces"),
            &pointer_join(at, "responses"),
            cx,
        );
    } else if let Some(responses) = api.get("responses") {
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
    let roa_location = if cx.roa {
        Some(roa::location(p, at, name, cx)?)
    } else {
        None
    };
    let form_data = match str_at(p, "in").filter(|_| !cx.roa) {
        None if cx.roa => false,
        Some("query") | None => false,
        // Sent form-encoded in the request body, as Alibaba's SDK does.
        Some("formData") => true,
        Some("header") => {
            let required = p.pointer("/schema/required") == Some(&json!(true));
            if required {
                cx.errors.push(Report {
                    pointer: pointer_join(at, "in"),
                    name: name.to_owned(),
                    message: format!("`{name}` is a required `in: header` parameter; specs send query and form parameters only, so this operation cannot be written right"),
                });
            } else {
                cx.repair_dropped(
                    at,
                    name,
                    "parameters",
                    repair::HEADER_PARAMETER_DROPPED,
                    "an optional `in: header` parameter; specs send query and form parameters only, so it is left out (a header can be added with `ClientBuilder::on_request`)",
                    json!({ "name": name, "in": "header" }),
                );
            }
            return None;
        }
        Some(other) => {
            cx.report(
                &pointer_join(at, "in"),
                "in",
                &format!("parameters `in: {other}` are not supported; mapped as a query parameter"),
            );
            false
        }
    };
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
    if form_data {
        if let Some(obj) = f.as_object_mut() {
            obj.insert("in".into(), json!("formData"));
        }
    }
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
        // The JSON-string array rule reads query and form parameters (a header or path segment
        // is one string; a body's type is published).
        (None, _) if matches!(roa_location, None | Some("query" | "formData")) => {
            json_string_array(&mut f, at, cx)
        }
        (None, _) => {}
    }
    if let Some(location) = roa_location {
        roa::place(&mut f, location, schema, at, cx);
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
