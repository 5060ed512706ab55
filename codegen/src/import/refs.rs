//! Shared schemas: FC and some ROA documents define types once under `components/schemas` and
//! refer to them with `{"$ref": "#/components/schemas/Function"}`. Each reference is replaced by
//! a copy of its schema (the referring object's own keys, such as `title`, `description` and
//! `required`, win), so that the mapping sees plain schemas. A reference that names no schema, or
//! that refers to itself through its own properties (a recursive type, which a spec cannot
//! spell), is an error naming its JSON Pointer.

use serde_json::{Map, Value};

use super::Report;
use crate::diagnostics::pointer_join;

const PREFIX: &str = "#/components/schemas/";

/// Whether the document refers to a shared schema anywhere.
pub(super) fn has_refs(root: &Map<String, Value>) -> bool {
    fn walk(v: &Value) -> bool {
        match v {
            Value::Object(m) => m.contains_key("$ref") || m.values().any(walk),
            Value::Array(a) => a.iter().any(walk),
            _ => false,
        }
    }
    root.get("apis").is_some_and(walk)
}

/// Inlines every reference under `apis`; returns the references that cannot be inlined. When
/// all can, `components` (now written out where used) is removed.
pub(super) fn inline(doc: &mut Value) -> Vec<Report> {
    let schemas = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut errors = Vec::new();
    if let Some(apis) = doc.get_mut("apis") {
        let mut chain = Vec::new();
        resolve(apis, "/apis", &schemas, &mut chain, &mut errors);
    }
    if errors.is_empty() {
        if let Some(map) = doc.as_object_mut() {
            map.remove("components");
        }
    }
    errors
}

fn resolve(
    v: &mut Value,
    at: &str,
    schemas: &Map<String, Value>,
    chain: &mut Vec<String>,
    errors: &mut Vec<Report>,
) {
    match v {
        Value::Object(map) => {
            if let Some(reference) = map.remove("$ref") {
                let r_at = pointer_join(at, "$ref");
                let name = reference
                    .as_str()
                    .and_then(|r| r.strip_prefix(PREFIX))
                    .map(str::to_owned);
                let target = name.as_ref().and_then(|n| schemas.get(n));
                match (name, target) {
                    (Some(name), _) if chain.contains(&name) => {
                        errors.push(Report {
                            pointer: r_at,
                            name: name.clone(),
                            message: format!(
                                "a recursive type (`{}` → `{name}`) cannot be written as a spec type",
                                chain.join("` → `")
                            ),
                        });
                        return;
                    }
                    (Some(name), Some(target)) => {
                        let mut copy = target.clone();
                        chain.push(name);
                        resolve(&mut copy, at, schemas, chain, errors);
                        chain.pop();
                        if let Value::Object(fields) = copy {
                            for (k, val) in fields {
                                map.entry(k).or_insert(val);
                            }
                        }
                    }
                    _ => {
                        errors.push(Report {
                            pointer: r_at,
                            name: "$ref".to_owned(),
                            message: format!(
                                "refers to {reference}, which is no schema under `components/schemas`"
                            ),
                        });
                        return;
                    }
                }
            }
            for (k, child) in map.iter_mut() {
                resolve(child, &pointer_join(at, k), schemas, chain, errors);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter_mut().enumerate() {
                resolve(child, &pointer_join(at, i), schemas, chain, errors);
            }
        }
        _ => {}
    }
}
