//! Curated refinements merged over imported operations.
//!
//! An overlay file (`specs/overlays/<Action>.json`) is read, never written, by the import. Shape:
//!
//! ```json
//! {
//!   "operation": "CreateInstances",
//!   "sources": [ { "kind": "referencePage", ... } ],
//!   "summary": { "en": "...", "zh": "..." },
//!   "parameters": [ { "name": "Amount", "constraints": [ { "kind": "range", "min": 1, "max": 20 } ] } ],
//!   "response": [ { "name": "RequestId", "description": { "en": "Request ID." } } ],
//!   "errors": [ { "code": "NotEnoughUpgradeStock", "retryable": false } ],
//!   "discrepancies": [ ... ]
//! }
//! ```
//!
//! Merge rules — the overlay wins per fact:
//! - `sources` are appended to the file's sources.
//! - Operation keys (`methods`, `group`, `deprecated`, `summary`, `description`, `ram`, `notes`,
//!   `changes`) replace the imported ones.
//! - `parameters` and `response` entries are matched by `name`, `errors` by `code`; each key an
//!   entry gives replaces that key of the imported entry (`constraints` as a whole), except
//!   `properties` (merged by name, recursively) and `items` (merged key by key). An entry the
//!   metadata lacks is added only when it states the thing fully (`type` for a field, `httpStatus`
//!   and `message` for an error); an entry that only refines something absent is an error naming
//!   the overlay file and its JSON Pointer: overlays never break an import.
//! - Every semantic fact (type, required, default, example, unit, constraints, error status,
//!   message, retryable, methods, group …) the overlay changes from a value the metadata gave is
//!   recorded as a `discrepancy` (`referencePage` = the overlay's value, `vendorMetadata` = the
//!   metadata's, `followed` = `curated overlay`), unless the overlay's own `discrepancies` already
//!   describe that fact (same pointer, or one inside the other). Documentation-only keys
//!   (descriptions) are replaced without a record.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Map, Value};

use crate::diagnostics::{parse_json, pointer_join};
use crate::SpecError;

/// One parsed overlay file.
#[derive(Clone, Debug, PartialEq)]
pub struct Overlay {
    /// The file as named to the user.
    pub file: String,
    /// The operation it refines.
    pub operation: String,
    /// The overlay document.
    pub value: Map<String, Value>,
}

const OPERATION_KEYS: &[&str] = &[
    "methods",
    "group",
    "deprecated",
    "summary",
    "description",
    "ram",
    "notes",
    "changes",
    "waiters",
];
/// Operation keys whose change is recorded as a discrepancy.
const OPERATION_FACTS: &[&str] = &["methods", "group", "deprecated"];
/// Field keys whose change is recorded as a discrepancy.
const FIELD_FACTS: &[&str] = &[
    "type",
    "items",
    "properties",
    "style",
    "required",
    "default",
    "example",
    "unit",
    "idempotencyToken",
    "deprecated",
    "constraints",
];
const ERROR_FACTS: &[&str] = &["httpStatus", "message", "retryable"];
/// Facts whose absence in a document means `false`.
const FALSE_WHEN_ABSENT: &[&str] = &["required", "deprecated", "idempotencyToken", "retryable"];

fn err(file: &str, pointer: &str, message: impl Into<String>) -> SpecError {
    SpecError::new(file, pointer, message)
}

/// Parses overlay text, checking its shape (unknown keys are errors: overlays are curated).
pub fn parse(file: &str, text: &str) -> Result<Overlay, SpecError> {
    let value = parse_json(file, text)?;
    let Value::Object(map) = value else {
        return Err(err(file, "", "an overlay is a JSON object"));
    };
    let operation = match map.get("operation") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        _ => return Err(err(file, "/operation", "missing or not a non-empty string")),
    };
    for (key, v) in &map {
        let at = pointer_join("", key);
        match key.as_str() {
            "operation" | "$comment" => {}
            "sources" | "notes" | "changes" | "discrepancies" | "methods" => {
                if !v.is_array() {
                    return Err(err(file, &at, "expected an array"));
                }
            }
            "parameters" | "response" | "errors" => {
                let key_name = if key == "errors" { "code" } else { "name" };
                let Some(items) = v.as_array() else {
                    return Err(err(file, &at, "expected an array"));
                };
                for (i, item) in items.iter().enumerate() {
                    if item.get(key_name).and_then(Value::as_str).is_none() {
                        return Err(err(
                            file,
                            &pointer_join(&at, i),
                            format!("each entry needs a string `{key_name}`"),
                        ));
                    }
                }
            }
            k if OPERATION_KEYS.contains(&k) => {}
            other => {
                return Err(err(
                    file,
                    &at,
                    format!("unknown overlay key `{other}` (expected operation, sources, parameters, response, errors, discrepancies or an operation key: {})", OPERATION_KEYS.join(", ")),
                ))
            }
        }
    }
    Ok(Overlay {
        file: file.to_owned(),
        operation,
        value: map,
    })
}

/// Reads every `*.json` overlay of a directory, keyed by operation.
pub fn load_dir(dir: &Path) -> Result<BTreeMap<String, Overlay>, SpecError> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| err(&shown, "", format!("cannot read overlay directory: {e}")))?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut out = BTreeMap::new();
    for path in paths {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(&path)
            .map_err(|e| err(&file, "", format!("cannot read overlay: {e}")))?;
        let overlay = parse(&file, &text)?;
        if let Some(first) = out.get(&overlay.operation) {
            let first: &Overlay = first;
            return Err(err(
                &file,
                "/operation",
                format!(
                    "a second overlay for `{}` (first: {})",
                    overlay.operation, first.file
                ),
            ));
        }
        out.insert(overlay.operation.clone(), overlay);
    }
    Ok(out)
}

/// Merges `overlay` over an imported operation (see the module docs).
pub fn apply(
    op: &mut Map<String, Value>,
    sources: &mut Vec<Value>,
    overlay: &Overlay,
) -> Result<(), SpecError> {
    let ov = &overlay.value;
    let explicit: Vec<Value> = ov
        .get("discrepancies")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let explicit_pointers: Vec<String> = explicit
        .iter()
        .filter_map(|d| d.get("pointer").and_then(Value::as_str).map(str::to_owned))
        .collect();
    let mut recorded = Recorder {
        explicit: explicit_pointers,
        found: Vec::new(),
    };
    if let Some(Value::Array(extra)) = ov.get("sources") {
        sources.extend(extra.iter().cloned());
    }
    for key in OPERATION_KEYS {
        if let Some(v) = ov.get(*key) {
            if OPERATION_FACTS.contains(key) {
                recorded.compare(
                    &format!("/operations/0/{key}"),
                    &format!("operation {key}"),
                    key,
                    op.get(*key),
                    v,
                );
            }
            op.insert((*key).to_owned(), v.clone());
        }
    }
    for (list, key_name, facts) in [
        ("parameters", "name", FIELD_FACTS),
        ("response", "name", FIELD_FACTS),
        ("errors", "code", ERROR_FACTS),
    ] {
        let Some(Value::Array(entries)) = ov.get(list) else {
            continue;
        };
        let mut items = match op.remove(list) {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        };
        let lists = Lists {
            key_name,
            facts,
            what: match list {
                "errors" => "error code",
                "response" => "response field",
                _ => "parameter",
            },
        };
        merge_list(
            &mut items,
            entries,
            &format!("/operations/0/{list}"),
            &format!("/{list}"),
            &lists,
            &mut recorded,
            &overlay.file,
        )?;
        op.insert(list.to_owned(), Value::Array(items));
    }
    let mut discrepancies = explicit;
    discrepancies.extend(recorded.found);
    if !discrepancies.is_empty() {
        op.insert("discrepancies".into(), Value::Array(discrepancies));
    }
    Ok(())
}

/// How entries of one list are matched and compared.
struct Lists {
    key_name: &'static str,
    facts: &'static [&'static str],
    what: &'static str,
}

/// Merges overlay `entries` into `items` (matched by name or code). A matched field's `items`
/// and `properties` are merged the same way, recursively, so an overlay can refine one nested
/// property (`ListPlans` → `Plans` → `Memory`) without restating the rest. An entry that matches
/// nothing is added only when it states the thing fully (`type` for a field; `httpStatus` and
/// `message` for an error); otherwise it is an error naming the overlay's JSON Pointer.
fn merge_list(
    items: &mut Vec<Value>,
    entries: &[Value],
    base: &str,
    overlay_at: &str,
    lists: &Lists,
    recorded: &mut Recorder,
    file: &str,
) -> Result<(), SpecError> {
    for (j, entry) in entries.iter().enumerate() {
        let entry_at = pointer_join(overlay_at, j);
        let Some(entry) = entry.as_object() else {
            return Err(err(file, &entry_at, "expected an object"));
        };
        let Some(id) = entry.get(lists.key_name).and_then(Value::as_str) else {
            return Err(err(
                file,
                &entry_at,
                format!("each entry needs a string `{}`", lists.key_name),
            ));
        };
        let index = items
            .iter()
            .position(|it| it.get(lists.key_name).and_then(Value::as_str) == Some(id));
        match index {
            Some(i) => {
                let at = pointer_join(base, i);
                let Some(target) = items[i].as_object_mut() else {
                    continue;
                };
                merge_entry(target, entry, &at, &entry_at, id, lists, recorded, file)?;
            }
            None => {
                let needed: &[&str] = if lists.key_name == "code" {
                    &["httpStatus", "message"]
                } else {
                    &["type"]
                };
                let missing: Vec<&str> = needed
                    .iter()
                    .copied()
                    .filter(|k| !entry.contains_key(*k))
                    .collect();
                if !missing.is_empty() {
                    return Err(err(
                        file,
                        &entry_at,
                        format!(
                            "refines {} `{id}`, which the imported metadata does not have; state it fully (missing: {}) or remove the entry",
                            lists.what,
                            missing.join(", ")
                        ),
                    ));
                }
                recorded.found.push(json!({
                    "pointer": pointer_join(base, items.len()),
                    "subject": format!("{} `{id}`", lists.what),
                    "referencePage": "present",
                    "vendorMetadata": "absent",
                    "followed": "curated overlay",
                }));
                items.push(Value::Object(entry.clone()));
            }
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn merge_entry(
    target: &mut Map<String, Value>,
    entry: &Map<String, Value>,
    at: &str,
    entry_at: &str,
    id: &str,
    lists: &Lists,
    recorded: &mut Recorder,
    file: &str,
) -> Result<(), SpecError> {
    for (k, v) in entry {
        let nested_props =
            |t: &Map<String, Value>| matches!(t.get("properties"), Some(Value::Array(_)));
        match (k.as_str(), v) {
            // Nested properties of an object: merged by name.
            ("properties", Value::Array(props)) if nested_props(target) => {
                let Some(Value::Array(existing)) = target.get_mut("properties") else {
                    continue;
                };
                merge_list(
                    existing,
                    props,
                    &pointer_join(at, "properties"),
                    &pointer_join(entry_at, "properties"),
                    &Lists {
                        what: "property",
                        ..*lists
                    },
                    recorded,
                    file,
                )?;
            }
            // An array's items: merged key by key (their properties by name).
            ("items", Value::Object(items))
                if matches!(target.get("items"), Some(Value::Object(_))) =>
            {
                let Some(Value::Object(existing)) = target.get_mut("items") else {
                    continue;
                };
                merge_entry(
                    existing,
                    items,
                    &pointer_join(at, "items"),
                    &pointer_join(entry_at, "items"),
                    id,
                    lists,
                    recorded,
                    file,
                )?;
            }
            _ => {
                if lists.facts.contains(&k.as_str()) {
                    recorded.compare(
                        &pointer_join(at, k),
                        &format!("{id} {k}"),
                        k,
                        target.get(k),
                        v,
                    );
                }
                target.insert(k.clone(), v.clone());
            }
        }
    }
    Ok(())
}

struct Recorder {
    explicit: Vec<String>,
    found: Vec<Value>,
}

impl Recorder {
    fn compare(
        &mut self,
        pointer: &str,
        subject: &str,
        key: &str,
        imported: Option<&Value>,
        overlay: &Value,
    ) {
        let imported = match imported {
            Some(v) => v.clone(),
            None if FALSE_WHEN_ABSENT.contains(&key) => json!(false),
            // The metadata said nothing: the overlay adds a fact. Recorded too, so that the
            // change report can tell curated facts from API changes.
            // Units and examples added where the metadata has none are documentation.
            None if matches!(key, "unit" | "example") => return,
            None => json!("absent"),
        };
        // Descriptions inside a fact (item or property docs) are documentation, not the fact.
        if strip_docs(&imported) == strip_docs(overlay) {
            return;
        }
        let covered = self.explicit.iter().any(|p| {
            p == pointer
                || p.starts_with(&format!("{pointer}/"))
                || pointer.starts_with(&format!("{p}/"))
        });
        if covered {
            return;
        }
        self.found.push(json!({
            "pointer": pointer,
            "subject": subject,
            "referencePage": overlay,
            "vendorMetadata": imported,
            "followed": "curated overlay",
        }));
    }
}

/// The value without `description` keys, at any depth.
fn strip_docs(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| k.as_str() != "description")
                .map(|(k, v)| (k.clone(), strip_docs(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(strip_docs).collect()),
        other => other.clone(),
    }
}
