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
//!   entry gives replaces that key of the imported entry (`constraints`, `items`, `properties` as a
//!   whole). Entries the metadata lacks are appended.
//! - Every semantic fact (type, required, default, example, unit, constraints, error status,
//!   message, retryable, methods, group …) the overlay changes from a value the metadata gave is
//!   recorded as a `discrepancy` (`referencePage` = the overlay's value, `vendorMetadata` = the
//!   metadata's, `followed` = `curated overlay`), unless the overlay's own `discrepancies` already
//!   describe that fact (same pointer, or one inside the other). Documentation-only keys
//!   (descriptions) are replaced without a record.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Map, Value};

use super::ImportError;
use crate::diagnostics::pointer_join;

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

fn err(file: &str, pointer: &str, message: impl Into<String>) -> ImportError {
    ImportError {
        file: file.to_owned(),
        pointer: pointer.to_owned(),
        message: message.into(),
    }
}

/// Parses overlay text, checking its shape (unknown keys are errors: overlays are curated).
pub fn parse(file: &str, text: &str) -> Result<Overlay, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        err(
            file,
            "",
            format!(
                "invalid JSON at line {}, column {}: {e}",
                e.line(),
                e.column()
            ),
        )
    })?;
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
pub fn load_dir(dir: &Path) -> Result<BTreeMap<String, Overlay>, ImportError> {
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
) -> Result<(), ImportError> {
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
        for entry in entries {
            let Some(entry) = entry.as_object() else {
                continue;
            };
            let Some(id) = entry.get(key_name).and_then(Value::as_str) else {
                continue;
            };
            let index = items
                .iter()
                .position(|it| it.get(key_name).and_then(Value::as_str) == Some(id));
            match index {
                Some(i) => {
                    let base = format!("/operations/0/{list}/{i}");
                    let Some(target) = items[i].as_object_mut() else {
                        continue;
                    };
                    for (k, v) in entry {
                        if facts.contains(&k.as_str()) {
                            recorded.compare(
                                &pointer_join(&base, k),
                                &format!("{id} {k}"),
                                k,
                                target.get(k),
                                v,
                            );
                        }
                        target.insert(k.clone(), v.clone());
                    }
                }
                None => {
                    let i = items.len();
                    recorded.found.push(json!({
                        "pointer": format!("/operations/0/{list}/{i}"),
                        "subject": format!("{} `{id}`", if list == "errors" { "error code" } else if list == "response" { "response field" } else { "parameter" }),
                        "referencePage": "present",
                        "vendorMetadata": "absent",
                        "followed": "curated overlay",
                    }));
                    items.push(Value::Object(entry.clone()));
                }
            }
        }
        op.insert(list.to_owned(), Value::Array(items));
    }
    let mut discrepancies = explicit;
    discrepancies.extend(recorded.found);
    if !discrepancies.is_empty() {
        op.insert("discrepancies".into(), Value::Array(discrepancies));
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
            // The metadata said nothing: the overlay adds a fact, it does not contradict one.
            None => return,
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
