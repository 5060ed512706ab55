//! Several snapshots of one API version, stacked into one document before mapping.
//!
//! Alibaba publishes one full snapshot and, after it, request-side-only ones (no `responses`,
//! `errorCodes`, `directories`, descriptions or examples). The layered document takes every
//! operation and its request side (methods, parameters, types, required, limits, deprecation) and
//! the endpoints from the **newest** snapshot, and carries forward, from the newest snapshot that
//! has them:
//!
//! | section | what |
//! |---|---|
//! | `response` | the operation's `responses` |
//! | `errors` | its `errorCodes` |
//! | `group` | its directory (the top-level `directories`) |
//! | `docs` | its `title`, `summary`, `description`, and each parameter's (and nested property's) `title`/`description` |
//! | `examples` | each parameter's `example` (the evidence of the JSON-string array rule) |
//!
//! Parameter docs and examples are carried only onto a parameter of the same name and the same
//! `type`, recursively into `items` and `properties`. Which snapshot gave what is returned as
//! [`Carried`] entries, recorded in the operation's `sources`. Operations that exist only in older
//! snapshots are reported (they were removed from the API) and not imported.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{Carried, Published, Report};
use crate::diagnostics::pointer_join;
use crate::SpecError;

/// One snapshot: its file name, date and parsed document.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub file: String,
    pub date: Option<String>,
    pub value: Value,
}

/// The stacked document and where its carried parts came from.
#[derive(Debug)]
pub struct Layered {
    /// The newest snapshot with older sections merged in.
    pub value: Value,
    /// Per operation, the older snapshots that provided parts of it.
    pub carried: BTreeMap<String, Vec<Carried>>,
    /// Operations dropped and other facts of the layering, for the import report.
    pub reports: Vec<Report>,
    /// Per operation, the oldest snapshot from which on its request side is what the newest says.
    pub request_since: BTreeMap<String, Published>,
    /// The oldest snapshot from which on the endpoints are what the newest says.
    pub endpoints_since: Published,
}

/// The request side of an operation as published, without documentation (which request-side
/// snapshots leave out): what decides whether an operation changed between two snapshots.
fn request_side(api: &Value) -> Value {
    fn strip(v: &Value) -> Value {
        match v {
            Value::Object(m) => Value::Object(
                m.iter()
                    .filter(|(k, _)| {
                        !matches!(
                            k.as_str(),
                            "description"
                                | "title"
                                | "summary"
                                | "example"
                                | "docRequired"
                                | "enumValueTitles"
                        )
                    })
                    .map(|(k, v)| (k.clone(), strip(v)))
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.iter().map(strip).collect()),
            other => other.clone(),
        }
    }
    let pick = |key: &str| api.get(key).map(strip).unwrap_or(Value::Null);
    let mut side = vec![pick("methods"), pick("parameters"), pick("deprecated")];
    // ROA: where and how the request goes (RPC operations publish no path).
    if api.get("path").is_some() {
        side.extend([pick("path"), pick("consumes"), pick("produces")]);
    }
    Value::Array(side)
}

/// The oldest of the newest run of snapshots (newest last) in which `fact` is the same.
fn since(snapshots: &[Snapshot], fact: impl Fn(&Value) -> Option<Value>) -> Published {
    let newest = snapshots.last().expect("at least one snapshot");
    let now = fact(&newest.value);
    let mut first = newest;
    for older in snapshots.iter().rev().skip(1) {
        if fact(&older.value) != now {
            break;
        }
        first = older;
    }
    Published {
        file: first.file.clone(),
        date: first.date.clone(),
    }
}

const DOC_KEYS: &[&str] = &["title", "summary", "description"];
const SCHEMA_DOC_KEYS: &[&str] = &["title", "description"];

/// Stacks `snapshots` (oldest first). At least one is needed.
pub fn layer(snapshots: &[Snapshot]) -> Result<Layered, SpecError> {
    let Some((newest, older)) = snapshots.split_last() else {
        return Err(SpecError::new("", "", "no snapshot to import"));
    };
    let mut value = newest.value.clone();
    let mut carried: BTreeMap<String, Vec<Carried>> = BTreeMap::new();
    let mut reports = Vec::new();
    let apis_of = |v: &Value| v.get("apis").and_then(Value::as_object).cloned();
    let Some(mut apis) = apis_of(&value) else {
        return Err(SpecError::new(
            &newest.file,
            "/apis",
            "missing or not an object",
        ));
    };

    // Directories: the newest snapshot that has them.
    let dirs_from = snapshots
        .iter()
        .rev()
        .find(|s| s.value.get("directories").is_some());
    if let (Some(from), None) = (dirs_from, value.get("directories")) {
        if let Some(map) = value.as_object_mut() {
            map.insert("directories".into(), from.value["directories"].clone());
        }
        let listed = directory_members(&from.value["directories"]);
        for name in apis.keys() {
            if listed.contains(&name.as_str()) {
                note(&mut carried, name, from, "group");
            }
        }
    }

    for (name, api) in apis.iter_mut() {
        let Some(api) = api.as_object_mut() else {
            continue;
        };
        for old in older.iter().rev() {
            let Some(old_api) = old.value.pointer(&pointer_join("/apis", name)) else {
                continue;
            };
            let Some(old_api) = old_api.as_object() else {
                continue;
            };
            for (key, section) in [("responses", "response"), ("errorCodes", "errors")] {
                if !api.contains_key(key) {
                    if let Some(v) = old_api.get(key) {
                        api.insert(key.to_owned(), v.clone());
                        note(&mut carried, name, old, section);
                    }
                }
            }
            let mut docs = false;
            for key in DOC_KEYS {
                if !api.contains_key(*key) {
                    if let Some(v) = old_api.get(*key) {
                        api.insert((*key).to_owned(), v.clone());
                        docs = true;
                    }
                }
            }
            let mut examples = false;
            if let (Some(Value::Array(params)), Some(Value::Array(old_params))) =
                (api.get_mut("parameters"), old_api.get("parameters"))
            {
                for p in params.iter_mut() {
                    let Some(pname) = p.get("name").and_then(Value::as_str) else {
                        continue;
                    };
                    let Some(old_p) = old_params
                        .iter()
                        .find(|o| o.get("name").and_then(Value::as_str) == Some(pname))
                    else {
                        continue;
                    };
                    if let (Some(schema), Some(old_schema)) =
                        (p.get_mut("schema"), old_p.get("schema"))
                    {
                        carry_schema_docs(schema, old_schema, &mut docs, &mut examples);
                    }
                }
            }
            if docs {
                note(&mut carried, name, old, "docs");
            }
            if examples {
                note(&mut carried, name, old, "examples");
            }
        }
    }
    for old in older {
        let Some(old_apis) = old.value.get("apis").and_then(Value::as_object) else {
            continue;
        };
        for name in old_apis.keys() {
            if !apis.contains_key(name) {
                reports.push(Report {
                    pointer: pointer_join("/apis", name),
                    name: name.clone(),
                    message: format!(
                        "operation of {} is not in the newest snapshot {} (removed from the API); not imported",
                        old.file, newest.file
                    ),
                });
            }
        }
    }
    // An operation removed in one snapshot is reported once, not once per older snapshot.
    reports.sort_by(|a, b| a.name.cmp(&b.name));
    reports.dedup_by(|a, b| a.name == b.name);
    let request_since = apis
        .keys()
        .map(|name| {
            let at = pointer_join("/apis", name);
            let first = since(snapshots, |v| v.pointer(&at).map(request_side));
            (name.clone(), first)
        })
        .collect();
    let endpoints_since = since(snapshots, |v| v.get("endpoints").cloned());
    if let Some(map) = value.as_object_mut() {
        map.insert("apis".into(), Value::Object(apis));
    }
    Ok(Layered {
        value,
        carried,
        reports,
        request_since,
        endpoints_since,
    })
}

/// Copies `title`/`description`/`example` from `old` where `new` lacks them and both have the
/// same `type`; recurses into `items` and `properties`.
fn carry_schema_docs(new: &mut Value, old: &Value, docs: &mut bool, examples: &mut bool) {
    let (Some(new), Some(old)) = (new.as_object_mut(), old.as_object()) else {
        return;
    };
    if new.get("type") != old.get("type") {
        return;
    }
    for key in SCHEMA_DOC_KEYS {
        if let (None, Some(v)) = (new.get(*key), old.get(*key)) {
            new.insert((*key).to_owned(), v.clone());
            *docs = true;
        }
    }
    if let (None, Some(v)) = (new.get("example"), old.get("example")) {
        new.insert("example".to_owned(), v.clone());
        *examples = true;
    }
    if let (Some(items), Some(old_items)) = (new.get_mut("items"), old.get("items")) {
        carry_schema_docs(items, old_items, docs, examples);
    }
    if let (Some(Value::Object(props)), Some(Value::Object(old_props))) =
        (new.get_mut("properties"), old.get("properties"))
    {
        for (k, p) in props.iter_mut() {
            if let Some(old_p) = old_props.get(k) {
                carry_schema_docs(p, old_p, docs, examples);
            }
        }
    }
}

fn note(carried: &mut BTreeMap<String, Vec<Carried>>, op: &str, from: &Snapshot, section: &str) {
    let list = carried.entry(op.to_owned()).or_default();
    match list.iter_mut().find(|c| c.file == from.file) {
        Some(c) => {
            if !c.sections.iter().any(|s| s == section) {
                c.sections.push(section.to_owned());
            }
        }
        None => list.push(Carried {
            file: from.file.clone(),
            date: from.date.clone(),
            sections: vec![section.to_owned()],
        }),
    }
}

/// Every operation name listed anywhere in `directories`.
fn directory_members(dirs: &Value) -> Vec<&str> {
    fn walk<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
        match v {
            Value::String(s) => out.push(s),
            Value::Array(items) => items.iter().for_each(|x| walk(x, out)),
            Value::Object(map) => {
                if let Some(children) = map.get("children") {
                    walk(children, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(dirs, &mut out);
    out
}
