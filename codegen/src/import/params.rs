//! A pre-pass over one operation's vendor parameters, before they are mapped: parameters defined
//! twice, and flattened or indexed names.
//!
//! - **Defined twice.** Identical definitions (ignoring docs and examples) are merged and noted.
//!   Definitions that differ only in `required` are merged as optional — the service accepts the
//!   request without it, and for `ClientToken` that keeps it the idempotency token — and reported
//!   with both schemas. Any other difference keeps the first and reports both schemas.
//! - **Dotted names.** ECS writes object parameters flattened (`SystemDisk.Size`,
//!   `SystemDisk.Category`) and lists of objects with their indices (`Filter.1.Key`,
//!   `DataDisk.2.Size`). `X.Y` becomes one object parameter `X` (style `flat`, property `Y`),
//!   `X.N.Y` one list `X` of objects (style `repeatList`), `X.N` one list `X` of scalars; the wire
//!   names stay exactly what the service reads. When the operation also defines `X` itself (the
//!   structured form beside legacy dotted aliases), the dotted names are folded into it: a property
//!   it already has is dropped as covered, a missing one is added. A listed index range
//!   (`DataDisk.1` … `DataDisk.4`) becomes `maxItems`. Deeper names are reported and skipped.

use serde_json::{json, Map, Value};

use super::repair;
use super::types::Side;
use super::vendor::{str_at, Cx};
use crate::diagnostics::pointer_join;

/// `(pointer of the vendor parameter, parameter)` in operation order.
pub(super) type Params = Vec<(String, Value)>;

/// The schema without documentation, for comparing definitions.
fn shape(p: &Value) -> Value {
    fn strip(v: &Value) -> Value {
        match v {
            Value::Object(m) => Value::Object(
                m.iter()
                    .filter(|(k, _)| {
                        !matches!(
                            k.as_str(),
                            "description" | "title" | "example" | "docRequired" | "enumValueTitles"
                        )
                    })
                    .map(|(k, v)| (k.clone(), strip(v)))
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.iter().map(strip).collect()),
            other => other.clone(),
        }
    }
    strip(p)
}

/// Merges parameters defined twice (see the module docs).
pub(super) fn merge_duplicates(params: Params, cx: &mut Cx) -> Params {
    let mut out: Params = Vec::new();
    for (at, p) in params {
        let Some(name) = str_at(&p, "name").map(str::to_owned) else {
            out.push((at, p));
            continue;
        };
        let Some((first_at, first)) = out
            .iter_mut()
            .find(|(_, q)| str_at(q, "name") == Some(name.as_str()))
        else {
            out.push((at, p));
            continue;
        };
        let (a, b) = (shape(first), shape(&p));
        if a == b {
            cx.report(
                &at,
                &name,
                &format!("defined twice with the same schema (first at {first_at}); merged"),
            );
            continue;
        }
        let without_required = |v: &Value| {
            let mut v = v.clone();
            if let Some(s) = v.get_mut("schema").and_then(Value::as_object_mut) {
                s.remove("required");
            }
            v
        };
        if without_required(&a) == without_required(&b) {
            if let Some(s) = first.get_mut("schema").and_then(Value::as_object_mut) {
                s.insert("required".into(), json!(false));
            }
            cx.report(
                &at,
                &name,
                &format!(
                    "defined twice, once required and once optional (first at {first_at}: {}; here: {}); merged as optional",
                    a["schema"], b["schema"]
                ),
            );
        } else {
            cx.repair_dropped(
                &at,
                &name,
                "parameters",
                super::repair::FIELD_NAME_CLASH,
                &format!(
                    "defined twice with different schemas (first at {first_at}); the first is kept"
                ),
                b["schema"].clone(),
            );
        }
    }
    out
}

fn is_index(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_wire_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Where a dotted parameter goes.
enum Dotted<'a> {
    /// `X.Y`
    Property { root: &'a str, property: &'a str },
    /// `X.N.Y`
    ItemProperty {
        root: &'a str,
        index: u64,
        property: &'a str,
    },
    /// `X.N`
    Item { root: &'a str, index: u64 },
}

fn classify(name: &str) -> Option<Dotted<'_>> {
    let parts: Vec<&str> = name.split('.').collect();
    match parts.as_slice() {
        [root, property] if is_wire_name(root) && is_wire_name(property) && !is_index(property) => {
            Some(Dotted::Property { root, property })
        }
        [root, index, property]
            if is_wire_name(root) && is_index(index) && is_wire_name(property) =>
        {
            Some(Dotted::ItemProperty {
                root,
                index: index.parse().ok()?,
                property,
            })
        }
        [root, index] if is_wire_name(root) && is_index(index) => Some(Dotted::Item {
            root,
            index: index.parse().ok()?,
        }),
        _ => None,
    }
}

/// Groups dotted names (see the module docs).
pub(super) fn group_dotted(params: Params, cx: &mut Cx) -> Params {
    let mut out: Params = Vec::new();
    // Parameters built here from dotted names: only their item limits come from the indices.
    let mut grouped: Vec<String> = Vec::new();
    // Roots the operation defines itself: dotted aliases listed before them wait for them.
    let real: Vec<String> = params
        .iter()
        .filter_map(|(_, p)| str_at(p, "name"))
        .filter(|n| !n.contains('.'))
        .map(str::to_owned)
        .collect();
    let mut deferred = Vec::new();
    for (at, p) in params {
        let name = str_at(&p, "name").unwrap_or_default().to_owned();
        if !name.contains('.') {
            out.push((at, p));
            continue;
        }
        let root = name.split('.').next().unwrap_or_default();
        if real.iter().any(|r| r == root)
            && !out.iter().any(|(_, q)| str_at(q, "name") == Some(root))
        {
            deferred.push((at, p));
            continue;
        }
        fold(&mut out, &mut grouped, at, &p, &name, cx);
    }
    for (at, p) in deferred {
        let name = str_at(&p, "name").unwrap_or_default().to_owned();
        fold(&mut out, &mut grouped, at, &p, &name, cx);
    }
    out
}

/// Folds one dotted parameter into its root (creating the root when the operation has none).
fn fold(
    out: &mut Params,
    grouped: &mut Vec<String>,
    at: String,
    p: &Value,
    name: &str,
    cx: &mut Cx,
) {
    let Some(dotted) = classify(name) else {
        cx.report(
            &at,
            name,
            "a dotted name deeper than `X.Y`, `X.N.Y` or `X.N` cannot be represented; skipped",
        );
        return;
    };
    let schema = p.get("schema").cloned().unwrap_or_else(|| json!({}));
    let required = schema.get("required") == Some(&json!(true));
    let root = match &dotted {
        Dotted::Property { root, .. }
        | Dotted::ItemProperty { root, .. }
        | Dotted::Item { root, .. } => *root,
    };
    let existing = out
        .iter_mut()
        .find(|(_, q)| str_at(q, "name") == Some(root));
    let (target_at, target) = match existing {
        Some((t_at, t)) => (t_at.clone(), t),
        None => {
            let fresh = match &dotted {
                Dotted::Property { .. } => json!({
                    "name": root, "in": "query", "style": "flat",
                    "schema": { "type": "object", "properties": {} },
                }),
                Dotted::ItemProperty { .. } => json!({
                    "name": root, "in": "query", "style": "repeatList",
                    "schema": { "type": "array", "items": { "type": "object", "properties": {} } },
                }),
                Dotted::Item { .. } => json!({
                    "name": root, "in": "query", "style": "repeatList",
                    "schema": { "type": "array", "items": schema.clone() },
                }),
            };
            cx.report(
                &at,
                name,
                &format!("dotted wire names grouped into the parameter `{root}`"),
            );
            grouped.push(root.to_owned());
            out.push((at.clone(), fresh));
            let (t_at, t) = out.last_mut().expect("just pushed");
            (t_at.clone(), t)
        }
    };
    if required {
        if let Some(s) = target.get_mut("schema").and_then(Value::as_object_mut) {
            s.insert("required".into(), json!(true));
        }
    }
    let target_schema = target.get_mut("schema").and_then(Value::as_object_mut);
    let Some(target_schema) = target_schema else {
        cx.report(
            &at,
            name,
            &format!("`{root}` has no schema to fold into; skipped"),
        );
        return;
    };
    let ty = target_schema
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let from_indices = grouped.iter().any(|g| g == root);
    match dotted {
        Dotted::Property { property, .. } if ty == "object" => {
            add_property(target_schema, property, schema, &at, name, &target_at, cx)
        }
        Dotted::ItemProperty {
            property, index, ..
        } if ty == "array" => {
            if from_indices {
                raise_max_items(target_schema, index);
            }
            match target_schema
                .get_mut("items")
                .and_then(Value::as_object_mut)
                .filter(|i| i.get("type") == Some(&json!("object")))
            {
                Some(items) => add_property(items, property, schema, &at, name, &target_at, cx),
                None => cx.report(
                    &at,
                    name,
                    &format!("`{root}` is not a list of objects; skipped"),
                ),
            }
        }
        Dotted::Item { index, .. } if ty == "array" => {
            if from_indices {
                raise_max_items(target_schema, index);
            }
        }
        _ => cx.report(
            &at,
            name,
            &format!("does not fit the shape of `{root}` ({ty}); skipped"),
        ),
    }
}

/// The largest index the metadata lists is the most items the service reads.
fn raise_max_items(schema: &mut Map<String, Value>, index: u64) {
    let current = schema.get("maxItems").and_then(Value::as_u64);
    if current.is_none_or(|c| c < index) {
        schema.insert("maxItems".into(), json!(index));
    }
}

fn add_property(
    object: &mut Map<String, Value>,
    property: &str,
    schema: Value,
    at: &str,
    name: &str,
    target_at: &str,
    cx: &mut Cx,
) {
    let props = object
        .entry("properties")
        .or_insert_with(|| Value::Object(Map::new()));
    let Some(props) = props.as_object_mut() else {
        cx.report(
            at,
            name,
            "the target's `properties` is not an object; skipped",
        );
        return;
    };
    match props.get(property) {
        Some(existing) => {
            let same = existing.get("type") == schema.get("type")
                && existing.get("format") == schema.get("format");
            let note = if same {
                String::new()
            } else {
                format!(
                    " (its schema {} is kept over this one's {})",
                    shape(existing),
                    shape(&schema)
                )
            };
            cx.report(
                at,
                name,
                &format!(
                    "covered by `{}` at {target_at}{note}; the dotted alias is dropped",
                    pointer_join("", property).trim_start_matches('/')
                ),
            );
        }
        None => {
            props.insert(property.to_owned(), schema);
        }
    }
}

/// An object's vendor properties as `(pointer, name, schema)`, with dotted names nested.
///
/// Some objects spell their properties with the object's own name in front (`SystemDisk` →
/// `SystemDisk.Size`): the property is `Size`. Request objects also spell nested objects flat
/// (`Escalations.Critical.Threshold` inside the items of a list): those become objects inside the
/// object (sent flat, so the wire name stays exactly the vendor's), a repair recorded per name.
/// Names with an index part, and dotted response fields (whose JSON key is the dotted name), are
/// left for the caller to report.
pub(super) fn nest_dotted_properties(
    object: &str,
    props: &Map<String, Value>,
    at: &str,
    side: Side,
    cx: &mut Cx,
) -> Vec<(String, String, Value)> {
    let own_prefix = format!("{object}.");
    let mut out: Vec<(String, String, Value)> = Vec::new();
    for (raw, schema) in props {
        let p_at = pointer_join(&pointer_join(at, "properties"), raw);
        let name = raw.strip_prefix(&own_prefix).unwrap_or(raw);
        let parts: Vec<&str> = name.split('.').collect();
        // An ROA object is JSON: a dotted key is one key there.
        let nestable = side == Side::Request
            && !cx.roa
            && parts.len() > 1
            && parts.iter().all(|p| is_wire_name(p) && !is_index(p));
        if !nestable {
            out.push((p_at, name.to_owned(), schema.clone()));
            continue;
        }
        let root = parts[0];
        if !out.iter().any(|(_, n, _)| n == root) {
            out.push((
                p_at.clone(),
                root.to_owned(),
                json!({ "type": "object", "properties": {} }),
            ));
        }
        let (_, _, target) = out
            .iter_mut()
            .find(|(_, n, _)| n == root)
            .expect("just ensured");
        match insert_nested(target, &parts[1..], schema) {
            Ok(()) => {
                cx.repair(
                    &p_at,
                    name,
                    repair::DOTTED_PROPERTY_GROUPED,
                    &format!(
                        "nested as `{}` (objects sent flat; the wire name stays exact)",
                        parts.join(" → ")
                    ),
                );
                cx.op_repairs.record(
                    "",
                    repair::DOTTED_PROPERTY_GROUPED,
                    &format!(
                        "`{name}` inside `{object}`: nested as {}",
                        parts.join(" → ")
                    ),
                    json!(raw),
                    "nested objects sent flat, wire name unchanged",
                );
            }
            Err(why) => cx.report(&p_at, name, &format!("{why}; skipped")),
        }
    }
    out
}

/// Puts `schema` at `path` inside the object schema `target`, creating objects on the way.
fn insert_nested(target: &mut Value, path: &[&str], schema: &Value) -> Result<(), String> {
    if target.get("type") != Some(&json!("object")) {
        return Err(format!("`{}` is not an object", path.join(".")));
    }
    let props = target
        .as_object_mut()
        .ok_or("not an object")?
        .entry("properties")
        .or_insert_with(|| json!({}));
    let props = props
        .as_object_mut()
        .ok_or("`properties` is not an object")?;
    match path {
        [] => Err("an empty name".to_owned()),
        [leaf] => {
            if props.contains_key(*leaf) {
                return Err(format!("`{leaf}` is defined twice"));
            }
            props.insert((*leaf).to_owned(), schema.clone());
            Ok(())
        }
        [next, rest @ ..] => {
            let child = props
                .entry((*next).to_owned())
                .or_insert_with(|| json!({ "type": "object", "properties": {} }));
            insert_nested(child, rest, schema)
        }
    }
}
