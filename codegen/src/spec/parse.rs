//! JSON → spec model, reporting every structural problem (unknown key, wrong type, missing
//! key, unsupported type) by JSON Pointer instead of stopping at the first.

use serde_json::{Map, Value};

use super::model::*;
use crate::diagnostics::{kind_of, pointer_join, Diagnostics};

/// Parses spec text. Syntax errors carry line and column; everything else a JSON Pointer.
/// The caller must check `diags`: a model is returned whenever the document's skeleton was
/// readable, even if parts of it were not.
pub fn parse_spec(text: &str, diags: &mut Diagnostics) -> Option<ServiceSpec> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            // The location is reported separately; drop serde_json's " at line L column C".
            let message = e.to_string();
            let message = message
                .rfind(" at line ")
                .map_or(message.as_str(), |end| &message[..end]);
            diags.syntax_error(e.line(), e.column(), format!("invalid JSON: {message}"));
            return None;
        }
    };
    // A partial model is still returned so that semantic checks can report their errors too.
    parse_service(&value, diags)
}

/// Reads one JSON object, remembering which keys were used so the rest can be reported.
struct Obj<'a, 'd> {
    map: &'a Map<String, Value>,
    pointer: String,
    used: Vec<&'static str>,
    diags: &'d mut Diagnostics,
}

impl<'a, 'd> Obj<'a, 'd> {
    fn new(value: &'a Value, pointer: &str, diags: &'d mut Diagnostics) -> Option<Self> {
        match value {
            Value::Object(map) => Some(Self {
                map,
                pointer: pointer.to_owned(),
                used: Vec::new(),
                diags,
            }),
            other => {
                diags.error(
                    pointer,
                    format!("expected an object, found {}", kind_of(other)),
                );
                None
            }
        }
    }

    fn at(&self, key: &str) -> String {
        pointer_join(&self.pointer, key)
    }

    fn get(&mut self, key: &'static str) -> Option<&'a Value> {
        self.used.push(key);
        self.map.get(key)
    }

    fn required(&mut self, key: &'static str) -> Option<&'a Value> {
        let v = self.get(key);
        if v.is_none() {
            let pointer = self.pointer.clone();
            self.diags
                .error(&pointer, format!("missing required key `{key}`"));
        }
        v
    }

    fn string(&mut self, key: &'static str, required: bool) -> Option<String> {
        let v = if required {
            self.required(key)?
        } else {
            self.get(key)?
        };
        match v {
            Value::String(s) => Some(s.clone()),
            other => {
                let at = self.at(key);
                self.diags
                    .error(&at, format!("expected a string, found {}", kind_of(other)));
                None
            }
        }
    }

    fn boolean(&mut self, key: &'static str) -> bool {
        match self.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                let at = self.at(key);
                self.diags
                    .error(&at, format!("expected a boolean, found {}", kind_of(other)));
                false
            }
        }
    }

    fn integer(&mut self, key: &'static str, required: bool) -> Option<i64> {
        let v = if required {
            self.required(key)?
        } else {
            self.get(key)?
        };
        match v.as_i64() {
            Some(i) => Some(i),
            None => {
                let at = self.at(key);
                self.diags
                    .error(&at, format!("expected an integer, found {}", describe(v)));
                None
            }
        }
    }

    fn unsigned(&mut self, key: &'static str) -> Option<u64> {
        let v = self.get(key)?;
        match v.as_u64() {
            Some(i) => Some(i),
            None => {
                let at = self.at(key);
                self.diags.error(
                    &at,
                    format!("expected a non-negative integer, found {}", describe(v)),
                );
                None
            }
        }
    }

    fn array(&mut self, key: &'static str, required: bool) -> Option<&'a Vec<Value>> {
        let v = if required {
            self.required(key)?
        } else {
            self.get(key)?
        };
        match v {
            Value::Array(items) => Some(items),
            other => {
                let at = self.at(key);
                self.diags
                    .error(&at, format!("expected an array, found {}", kind_of(other)));
                None
            }
        }
    }

    fn strings(&mut self, key: &'static str) -> Vec<String> {
        let Some(items) = self.array(key, false) else {
            return Vec::new();
        };
        let base = self.at(key);
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item {
                Value::String(s) => out.push(s.clone()),
                other => self.diags.error(
                    &pointer_join(&base, i),
                    format!("expected a string, found {}", kind_of(other)),
                ),
            }
        }
        out
    }

    fn text(&mut self, key: &'static str) -> Text {
        let Some(v) = self.get(key) else {
            return Text::default();
        };
        let at = self.at(key);
        parse_text(v, &at, self.diags)
    }

    /// Reports every key that was not read.
    fn finish(self) {
        for key in self.map.keys() {
            if !self.used.contains(&key.as_str()) {
                let mut expected: Vec<&str> = self.used.clone();
                expected.sort_unstable();
                expected.dedup();
                self.diags.error(
                    &pointer_join(&self.pointer, key),
                    format!(
                        "unknown key `{key}` (expected one of: {})",
                        expected.join(", ")
                    ),
                );
            }
        }
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {s:?}"),
        other => kind_of(other).to_owned(),
    }
}

fn parse_text(v: &Value, pointer: &str, diags: &mut Diagnostics) -> Text {
    match v {
        // A bare string is English.
        Value::String(s) => Text {
            en: Some(s.clone()),
            zh: None,
        },
        Value::Object(_) => {
            let Some(mut o) = Obj::new(v, pointer, diags) else {
                return Text::default();
            };
            let text = Text {
                en: o.string("en", false),
                zh: o.string("zh", false),
            };
            o.finish();
            text
        }
        other => {
            diags.error(
                pointer,
                format!(
                    "expected a string or an object with `en`/`zh`, found {}",
                    kind_of(other)
                ),
            );
            Text::default()
        }
    }
}

fn parse_service(value: &Value, diags: &mut Diagnostics) -> Option<ServiceSpec> {
    let mut o = Obj::new(value, "", diags)?;
    let schema = o.string("$schema", false);
    let spec_version = o.integer("specVersion", true);
    let product = o.string("product", true);
    let version = o.string("version", true);
    let sources = o
        .array("sources", false)
        .map(|items| {
            let base = o.at("sources");
            items
                .iter()
                .enumerate()
                .filter_map(|(i, s)| parse_source(s, &pointer_join(&base, i), o.diags))
                .collect()
        })
        .unwrap_or_default();
    let endpoints = o
        .array("endpoints", false)
        .map(|items| {
            let base = o.at("endpoints");
            items
                .iter()
                .enumerate()
                .filter_map(|(i, e)| parse_endpoint(e, &pointer_join(&base, i), o.diags))
                .collect()
        })
        .unwrap_or_default();
    let shapes: Vec<ShapeSpec> = o
        .array("shapes", false)
        .map(|items| {
            let base = o.at("shapes");
            items
                .iter()
                .enumerate()
                .filter_map(|(i, s)| parse_shape(s, &pointer_join(&base, i), o.diags))
                .collect()
        })
        .unwrap_or_default();
    // A shapes file needs no operations.
    let operations = o.array("operations", shapes.is_empty()).map(|items| {
        let base = o.at("operations");
        items
            .iter()
            .enumerate()
            .filter_map(|(i, op)| parse_operation(op, &pointer_join(&base, i), o.diags))
            .collect::<Vec<_>>()
    });
    if let Some(v) = spec_version {
        if v != 1 {
            let at = o.at("specVersion");
            o.diags.error(
                &at,
                format!("unsupported specVersion {v} (this generator reads 1)"),
            );
        }
    }
    o.finish();
    Some(ServiceSpec {
        schema,
        spec_version: spec_version? as u64,
        product: product?,
        version: version?,
        sources,
        endpoints,
        operations: operations.unwrap_or_default(),
        shapes,
    })
}

fn parse_shape(v: &Value, pointer: &str, diags: &mut Diagnostics) -> Option<ShapeSpec> {
    let mut o = Obj::new(v, pointer, diags)?;
    let name = o.string("name", true);
    let side = o.string("side", true).and_then(|s| match s.as_str() {
        "request" => Some(ShapeSide::Request),
        "response" => Some(ShapeSide::Response),
        other => {
            let at = o.at("side");
            o.diags.error(
                &at,
                format!("unknown shape side `{other}` (expected request or response)"),
            );
            None
        }
    });
    let description = o.text("description");
    let cx = match side {
        Some(ShapeSide::Response) => FieldContext::Response,
        _ => FieldContext::Request,
    };
    let properties = parse_fields(&mut o, "properties", cx);
    o.finish();
    Some(ShapeSpec {
        name: name?,
        pointer: pointer.to_owned(),
        side: side?,
        description,
        properties,
    })
}

fn parse_source(v: &Value, pointer: &str, diags: &mut Diagnostics) -> Option<Source> {
    let mut o = Obj::new(v, pointer, diags)?;
    let kind = o.string("kind", true);
    if let Some(k) = &kind {
        if !matches!(
            k.as_str(),
            "referencePage" | "vendorMetadata" | "curated" | "sdkPackage"
        ) {
            let at = o.at("kind");
            o.diags.error(
                &at,
                format!(
                    "unknown source kind `{k}` (expected referencePage, vendorMetadata, curated or sdkPackage)"
                ),
            );
        }
    }
    let source = Source {
        kind: kind?,
        title: o.string("title", false),
        url: o.string("url", false),
        file: o.string("file", false),
        date: o.string("date", false),
        sections: o.strings("sections"),
    };
    o.finish();
    Some(source)
}

fn parse_endpoint(v: &Value, pointer: &str, diags: &mut Diagnostics) -> Option<RegionEndpoint> {
    let mut o = Obj::new(v, pointer, diags)?;
    let region_id = o.string("regionId", true);
    let host = o.string("host", true);
    o.finish();
    Some(RegionEndpoint {
        region_id: region_id?,
        host: host?,
    })
}

fn parse_operation(v: &Value, pointer: &str, diags: &mut Diagnostics) -> Option<OperationSpec> {
    let mut o = Obj::new(v, pointer, diags)?;
    let name = o.string("name", true);
    let style = o.string("style", false);
    if let Some(st) = style.as_deref().filter(|st| !matches!(*st, "RPC" | "ROA")) {
        let at = o.at("style");
        o.diags.error(
            &at,
            format!("unsupported operation style `{st}` (expected RPC or ROA)"),
        );
    }
    let path = o.string("path", false);
    let methods = {
        let base = o.at("methods");
        let names = o.strings("methods");
        let mut methods = Vec::new();
        for (i, m) in names.iter().enumerate() {
            match m.to_ascii_uppercase().as_str() {
                "GET" => methods.push(HttpMethod::Get),
                "POST" => methods.push(HttpMethod::Post),
                "PUT" => methods.push(HttpMethod::Put),
                "DELETE" => methods.push(HttpMethod::Delete),
                "PATCH" => methods.push(HttpMethod::Patch),
                "HEAD" => methods.push(HttpMethod::Head),
                _ => o.diags.error(
                    &pointer_join(&base, i),
                    format!("unsupported HTTP method `{m}` (expected GET, POST, PUT, DELETE, PATCH or HEAD)"),
                ),
            }
        }
        methods
    };
    let group = o.string("group", false);
    let deprecated = o.boolean("deprecated");
    let deprecation_note = o.string("deprecationNote", false);
    let summary = o.text("summary");
    let description = o.text("description");
    let ram = o.get("ram").and_then(|r| {
        let at = o.at("ram");
        parse_ram(r, &at, o.diags)
    });
    let parameters = parse_fields(&mut o, "parameters", FieldContext::Request);
    let response = parse_fields(&mut o, "response", FieldContext::Response);
    let raw_response = o.boolean("rawResponse");
    let response_body = o.string("responseBody", false);
    if let Some(kind) = response_body
        .as_deref()
        .filter(|k| !matches!(*k, "json" | "jsonArray" | "text" | "binary" | "none"))
    {
        let at = o.at("responseBody");
        o.diags.error(
            &at,
            format!(
                "unknown response body `{kind}` (expected json, jsonArray, text, binary or none)"
            ),
        );
    }
    let response_headers = parse_fields(&mut o, "responseHeaders", FieldContext::Response);
    let errors = o
        .array("errors", false)
        .map(|items| {
            let base = o.at("errors");
            items
                .iter()
                .enumerate()
                .filter_map(|(i, e)| parse_error(e, &pointer_join(&base, i), o.diags))
                .collect()
        })
        .unwrap_or_default();
    let notes = o
        .array("notes", false)
        .map(|items| {
            let base = o.at("notes");
            items
                .iter()
                .enumerate()
                .map(|(i, n)| parse_text(n, &pointer_join(&base, i), o.diags))
                .collect()
        })
        .unwrap_or_default();
    let discrepancies = o
        .array("discrepancies", false)
        .map(|items| {
            let base = o.at("discrepancies");
            items
                .iter()
                .enumerate()
                .filter_map(|(i, d)| parse_discrepancy(d, &pointer_join(&base, i), o.diags))
                .collect()
        })
        .unwrap_or_default();
    let changes = o
        .array("changes", false)
        .map(|items| {
            let base = o.at("changes");
            items
                .iter()
                .enumerate()
                .filter_map(|(i, c)| {
                    let at = pointer_join(&base, i);
                    let mut c = Obj::new(c, &at, o.diags)?;
                    let date = c.string("date", true);
                    let description = c.text("description");
                    c.finish();
                    Some(ChangeEntry {
                        date: date?,
                        description,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let waiters = o
        .get("waiters")
        .map(|w| super::waiters::parse(w, &o.at("waiters"), o.diags))
        .unwrap_or_default();
    o.finish();
    Some(OperationSpec {
        name: name?,
        pointer: pointer.to_owned(),
        style,
        methods,
        path,
        group,
        deprecated,
        deprecation_note,
        summary,
        description,
        ram,
        parameters,
        response,
        raw_response,
        response_body,
        response_headers,
        errors,
        notes,
        discrepancies,
        changes,
        waiters,
    })
}

fn parse_ram(v: &Value, pointer: &str, diags: &mut Diagnostics) -> Option<RamAuthorization> {
    let mut o = Obj::new(v, pointer, diags)?;
    let action = o.string("action", true);
    let access_level = o.string("accessLevel", true);
    let resources = o
        .array("resources", false)
        .map(|items| {
            let base = o.at("resources");
            items
                .iter()
                .enumerate()
                .filter_map(|(i, r)| {
                    let at = pointer_join(&base, i);
                    let mut r = Obj::new(r, &at, o.diags)?;
                    let resource_type = r.string("type", true);
                    let pattern = r.string("pattern", true);
                    let required = r.boolean("required");
                    r.finish();
                    Some(RamResource {
                        resource_type: resource_type?,
                        pattern: pattern?,
                        required,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let condition_keys = o.strings("conditionKeys");
    let associated_operations = o.strings("associatedOperations");
    o.finish();
    Some(RamAuthorization {
        action: action?,
        access_level: access_level?,
        resources,
        condition_keys,
        associated_operations,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FieldContext {
    Request,
    Response,
}

fn parse_fields(o: &mut Obj<'_, '_>, key: &'static str, cx: FieldContext) -> Vec<Field> {
    let Some(items) = o.array(key, false) else {
        return Vec::new();
    };
    let base = o.at(key);
    items
        .iter()
        .enumerate()
        .filter_map(|(i, f)| parse_field(f, &pointer_join(&base, i), cx, o.diags))
        .collect()
}

fn parse_field(
    v: &Value,
    pointer: &str,
    cx: FieldContext,
    diags: &mut Diagnostics,
) -> Option<Field> {
    let mut o = Obj::new(v, pointer, diags)?;
    let name = o.string("name", true);
    let ty = parse_type(&mut o, cx);
    let format = o.string("format", false);
    if let Some(f) = format.as_deref().filter(|f| *f != "binary") {
        let at = o.at("format");
        o.diags
            .error(&at, format!("unknown format `{f}` (expected binary)"));
    }
    let required = o.boolean("required");
    let default = o.get("default").cloned();
    let example = o.get("example").map(|e| match e {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    let description = o.text("description");
    let unit = o.string("unit", false);
    let idempotency_token = o.boolean("idempotencyToken");
    let deprecated = o.boolean("deprecated");
    let deprecation_note = o.string("deprecationNote", false);
    let enum_values = o.strings("enum");
    let location = o.string("in", false).and_then(|l| match l.as_str() {
        "query" => Some(ParameterLocation::Query),
        "formData" => Some(ParameterLocation::FormData),
        "path" => Some(ParameterLocation::Path),
        "header" => Some(ParameterLocation::Header),
        "body" => Some(ParameterLocation::Body),
        other => {
            let at = o.at("in");
            o.diags.error(
                &at,
                format!("unsupported parameter location `{other}` (expected query, formData, path, header or body)"),
            );
            None
        }
    });
    let shape = o.string("shape", false);
    let constraints = match o.array("constraints", false) {
        Some(items) => {
            let base = o.at("constraints");
            items
                .iter()
                .enumerate()
                .filter_map(|(i, c)| parse_constraint(c, &pointer_join(&base, i), o.diags))
                .collect()
        }
        None => Vec::new(),
    };
    o.finish();
    Some(Field {
        name: name?,
        pointer: pointer.to_owned(),
        ty: ty?,
        format,
        required,
        default,
        example,
        description,
        unit,
        idempotency_token,
        deprecated,
        deprecation_note,
        enum_values,
        location,
        shape,
        constraints,
    })
}

/// Reads `type` (+ `items` / `properties` / `style`) from a field or an `items` object.
fn parse_type(o: &mut Obj<'_, '_>, cx: FieldContext) -> Option<TypeSpec> {
    let ty = o.string("type", true)?;
    let style = o.string("style", false).and_then(|s| {
        let style = match s.as_str() {
            "repeatList" => Some(WireStyle::RepeatList),
            "json" => Some(WireStyle::Json),
            "simple" => Some(WireStyle::Simple),
            "flat" => Some(WireStyle::Flat),
            _ => None,
        };
        if style.is_none() {
            let at = o.at("style");
            o.diags.error(
                &at,
                format!("unsupported style `{s}` (expected repeatList, json, simple or flat)"),
            );
        }
        style
    });
    let scalar = match ty.as_str() {
        "string" => Some(Scalar::String),
        "int32" => Some(Scalar::Int32),
        "int64" => Some(Scalar::Int64),
        "boolean" => Some(Scalar::Boolean),
        "double" => Some(Scalar::Double),
        _ => None,
    };
    if let Some(s) = scalar {
        if let Some(st) = style {
            let at = o.at("style");
            o.diags.error(
                &at,
                format!(
                    "style `{}` applies to arrays and objects, not to {}",
                    st.name(),
                    s.name()
                ),
            );
        }
        return Some(TypeSpec::Scalar(s));
    }
    match ty.as_str() {
        "array" => {
            let items_value = o.required("items")?;
            let at = o.at("items");
            let mut items = Obj::new(items_value, &at, o.diags)?;
            let item_type = parse_type(&mut items, cx);
            let item_description = items.text("description");
            // Example values of items are documentation only.
            let _ = items.get("example");
            items.finish();
            if matches!(item_type, Some(TypeSpec::Array { .. })) {
                o.diags.error(&at, "arrays of arrays are not supported");
                return None;
            }
            Some(TypeSpec::Array {
                items: Box::new(item_type?),
                style,
                item_description,
            })
        }
        "object" => {
            let properties = parse_fields(o, "properties", cx);
            Some(TypeSpec::Object { properties, style })
        }
        other => {
            let at = o.at("type");
            o.diags.error(
                &at,
                format!(
                    "unsupported type `{other}` (expected string, int32, int64, boolean, double, array or object)"
                ),
            );
            None
        }
    }
}

fn parse_constraint(v: &Value, pointer: &str, diags: &mut Diagnostics) -> Option<Constraint> {
    let mut o = Obj::new(v, pointer, diags)?;
    let kind_name = o.string("kind", true);
    let error_code = o.string("errorCode", false);
    let description = o.text("description");
    let kind = match kind_name.as_deref() {
        Some("oneOf") => o
            .array("values", true)
            .map(|v| ConstraintKind::OneOf(v.clone())),
        Some("range") => {
            let min = o.integer("min", false);
            let max = o.integer("max", false);
            if min.is_none() && max.is_none() {
                let p = o.pointer.clone();
                o.diags.error(&p, "a range needs `min`, `max` or both");
            }
            Some(ConstraintKind::Range { min, max })
        }
        Some("multipleOf") => o.integer("value", true).map(ConstraintKind::MultipleOf),
        Some("length") => {
            let min = o.unsigned("min");
            let max = o.unsigned("max");
            if min.is_none() && max.is_none() {
                let p = o.pointer.clone();
                o.diags
                    .error(&p, "a length rule needs `min`, `max` or both");
            }
            Some(ConstraintKind::Length { min, max })
        }
        Some("charset") => match o.string("charset", true).as_deref() {
            Some("ascii") => Some(ConstraintKind::Charset(Charset::Ascii)),
            Some(other) => {
                let at = o.at("charset");
                o.diags.error(
                    &at,
                    format!("unsupported charset `{other}` (expected ascii)"),
                );
                None
            }
            None => None,
        },
        Some("requiredWhen") => {
            let parameter = o.string("parameter", true);
            let equals = o.required("equals").cloned();
            Some(ConstraintKind::RequiredWhen {
                parameter: parameter?,
                equals: equals?,
            })
        }
        Some("maxItems") => o
            .unsigned("value")
            .map(ConstraintKind::MaxItems)
            .or_else(|| {
                let p = o.pointer.clone();
                o.diags.error(&p, "missing required key `value`");
                None
            }),
        Some("pattern") => o.string("pattern", true).map(ConstraintKind::Pattern),
        Some("serverChecked") => Some(ConstraintKind::ServerChecked {
            facts: o.get("facts").cloned(),
        }),
        Some(other) => {
            let at = o.at("kind");
            o.diags.error(
                &at,
                format!("unknown constraint kind `{other}` (expected oneOf, range, multipleOf, length, charset, requiredWhen, maxItems, pattern or serverChecked)"),
            );
            None
        }
        None => None,
    };
    o.finish();
    Some(Constraint {
        pointer: pointer.to_owned(),
        kind: kind?,
        error_code,
        description,
    })
}

fn parse_error(v: &Value, pointer: &str, diags: &mut Diagnostics) -> Option<ErrorSpec> {
    let mut o = Obj::new(v, pointer, diags)?;
    let http_status = o.integer("httpStatus", true);
    let code = o.string("code", true);
    let message = o.string("message", true);
    let description = o.text("description");
    let retryable = o.boolean("retryable");
    let status = http_status.and_then(|s| {
        if (100..=599).contains(&s) {
            Some(s as u16)
        } else {
            let at = o.at("httpStatus");
            o.diags
                .error(&at, format!("HTTP status {s} is not between 100 and 599"));
            None
        }
    });
    o.finish();
    Some(ErrorSpec {
        pointer: pointer.to_owned(),
        http_status: status?,
        code: code?,
        message: message?,
        description,
        retryable,
    })
}

fn parse_discrepancy(v: &Value, pointer: &str, diags: &mut Diagnostics) -> Option<Discrepancy> {
    let mut o = Obj::new(v, pointer, diags)?;
    let at = o.string("pointer", true);
    let subject = o.string("subject", true);
    let repair = o.string("repair", false);
    // An import repair has no second source; any other discrepancy names both.
    let reference_page = match repair {
        Some(_) => Some(o.get("referencePage").cloned()),
        None => o.required("referencePage").cloned().map(Some),
    };
    let vendor_metadata = o.required("vendorMetadata").cloned();
    let followed = o.string("followed", true);
    o.finish();
    Some(Discrepancy {
        pointer: at?,
        subject: subject?,
        reference_page: reference_page?,
        vendor_metadata: vendor_metadata?,
        followed: followed?,
        repair,
    })
}
