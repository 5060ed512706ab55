//! Import repairs: vendor metadata that contradicts itself (a default outside its own values, an
//! error code listed twice, a parameter the RPC model cannot send) is written in the one way that
//! is still true, never dropped with the whole product.
//!
//! Every repair is a report line and a `discrepancies` entry in the written spec (with `repair`
//! set to its kind and no `referencePage`), so `diff` treats the fact as curated rather than as an
//! API change and the generated docs say what the metadata said. The kinds are listed in
//! [`KINDS`] and in `specs/README.md`.
//!
//! Field-level repairs are marked on the field while it is built (`mark`) and moved into the
//! operation's `discrepancies` once the operation is complete (`hoist`), when the field's final
//! JSON Pointer is known; repairs of things that are not written as they were (a dropped
//! parameter or error code, a nested property) are collected per operation in `Repairs`.

use serde_json::{json, Map, Value};

use crate::diagnostics::pointer_join;

/// Every repair kind, with what the import writes instead.
pub const KINDS: &[(&str, &str)] = &[
    (DEFAULT_OUTSIDE_RULE, "a default outside the field's own values, range, length or pattern (often `\"\"` for \"no default\"): the default is dropped, the rule kept"),
    (ENUM_VALUE_TYPO, "a default one or two letters away from a published value (`ALL_ALLOWED` vs `ALL_ALLOWD`): one of them is a typo, so both spellings are accepted and the default kept"),
    (DEFAULT_NOT_TYPED, "a default that is not a value of the field's type (`\"abc\"` for an integer): dropped"),
    (DEFAULT_ON_REQUIRED, "a default on a required parameter (never used): dropped"),
    (HEADER_PARAMETER_DROPPED, "an optional `in: header` parameter of an RPC operation (`Content-Type`): the spec model sends query and form parameters only, so it is left out (set such a header with `ClientBuilder::on_request`); a required one stops the import"),
    (DUPLICATE_ERROR_CODE, "an error code listed twice in one operation: the first entry is kept"),
    (ERROR_VARIANT_CLASH, "two error codes that differ only in case or punctuation (`Biz.NotFound`, `BizNotFound`) would be one enum variant: the first is kept; the other still arrives as `Unknown` with its code"),
    (FIELD_NAME_CLASH, "two fields of one struct that give the same Rust field (`RegionId`, `regionId`) or are defined twice differently: the first is kept"),
    (NAME_NOT_IDENTIFIER, "a response field whose JSON key is not an identifier (`Area.en`, `x-acs-id`): kept as the wire name, the Rust field named after its words (`area_en`)"),
    (JSON_ARRAY_IN_STRING, "a string parameter whose example is a JSON array of strings only once its typography is undone (`[“i-1”, … “i-9”]`), or whose description says the value is a JSON array beside an example of one item: a list of strings sent as one JSON string (style json), so the setter takes the items"),
    (DOTTED_PROPERTY_GROUPED, "a property spelled with dots inside an object (`Escalations.Critical.Threshold`): nested as objects sent flat, so the wire name stays exact"),
];

pub const DEFAULT_OUTSIDE_RULE: &str = "defaultOutsideRule";
pub const ENUM_VALUE_TYPO: &str = "enumValueTypo";
pub const DEFAULT_NOT_TYPED: &str = "defaultNotTyped";
pub const DEFAULT_ON_REQUIRED: &str = "defaultOnRequired";
pub const HEADER_PARAMETER_DROPPED: &str = "headerParameterDropped";
pub const DUPLICATE_ERROR_CODE: &str = "duplicateErrorCode";
pub const ERROR_VARIANT_CLASH: &str = "errorVariantClash";
pub const FIELD_NAME_CLASH: &str = "fieldNameClash";
pub const DOTTED_PROPERTY_GROUPED: &str = "dottedPropertyGrouped";
pub const NAME_NOT_IDENTIFIER: &str = "nameNotIdentifier";
pub const JSON_ARRAY_IN_STRING: &str = "jsonArrayInString";

/// The key a field carries its repairs under until [`hoist`] moves them (never written).
const MARK: &str = "x-importRepairs";

/// The `followed` text of every repair entry starts with this.
pub const FOLLOWED_PREFIX: &str = "import repair: ";

/// One repair as a `discrepancies` entry.
fn entry(pointer: &str, kind: &str, subject: &str, vendor: Value, done: &str) -> Value {
    json!({
        "pointer": pointer,
        "subject": subject,
        "vendorMetadata": vendor,
        "followed": format!("{FOLLOWED_PREFIX}{done}"),
        "repair": kind,
    })
}

/// Records a repair on the field being built; `key` is the field key concerned (`default`,
/// `constraints`).
pub(super) fn mark(
    field: &mut Map<String, Value>,
    key: &str,
    kind: &str,
    subject: &str,
    vendor: Value,
    done: &str,
) {
    let list = field
        .entry(MARK)
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(list) = list {
        list.push(entry(key, kind, subject, vendor, done));
    }
}

/// Repairs of one operation recorded at the operation rather than on a written field: a
/// parameter or error code left out, a property nested.
#[derive(Default)]
pub(super) struct Repairs {
    entries: Vec<Value>,
}

impl Repairs {
    /// `list` is the operation key the dropped thing belonged to (`parameters`, `errors`; empty
    /// for the operation as a whole).
    pub(super) fn record(
        &mut self,
        list: &str,
        kind: &str,
        subject: &str,
        vendor: Value,
        done: &str,
    ) {
        let pointer = if list.is_empty() {
            "/operations/0".to_owned()
        } else {
            pointer_join("/operations/0", list)
        };
        self.entries
            .push(entry(&pointer, kind, subject, vendor, done));
    }

    pub(super) fn take(&mut self) -> Vec<Value> {
        std::mem::take(&mut self.entries)
    }
}

/// Moves the marks of every field of `op` (parameters and response, nested ones included) into
/// its `discrepancies`, with their final pointers, after `dropped` (the operation's other
/// repairs).
pub(super) fn hoist(op: &mut Map<String, Value>, dropped: Vec<Value>) {
    let mut found = dropped;
    for list in ["parameters", "response"] {
        if let Some(Value::Array(fields)) = op.get_mut(list) {
            let base = pointer_join("/operations/0", list);
            for (i, f) in fields.iter_mut().enumerate() {
                collect(f, &pointer_join(&base, i), &mut found);
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let list = op
        .entry("discrepancies")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(list) = list {
        list.extend(found);
    }
}

fn collect(field: &mut Value, at: &str, found: &mut Vec<Value>) {
    let Some(obj) = field.as_object_mut() else {
        return;
    };
    if let Some(Value::Array(marks)) = obj.remove(MARK) {
        for mut m in marks {
            let key = m["pointer"].as_str().unwrap_or_default().to_owned();
            m["pointer"] = json!(pointer_join(at, &key));
            found.push(m);
        }
    }
    if let Some(Value::Array(props)) = obj.get_mut("properties") {
        let base = pointer_join(at, "properties");
        for (i, p) in props.iter_mut().enumerate() {
            collect(p, &pointer_join(&base, i), found);
        }
    }
    if let Some(items) = obj.get_mut("items") {
        if let Some(Value::Array(props)) = items.get_mut("properties") {
            let base = pointer_join(&pointer_join(at, "items"), "properties");
            for (i, p) in props.iter_mut().enumerate() {
                collect(p, &pointer_join(&base, i), found);
            }
        }
    }
}

/// Why a default breaks one of the field's own rules (`constraints` as the import builds them).
pub(super) fn default_problem(default: &Value, constraints: &[Value]) -> Option<String> {
    for c in constraints {
        match c["kind"].as_str() {
            Some("oneOf") => {
                let values = c["values"].as_array()?;
                if !values.contains(default) {
                    let list: Vec<String> = values.iter().map(Value::to_string).collect();
                    return Some(format!("not one of {{{}}}", list.join(", ")));
                }
            }
            Some("range") => {
                let Some(i) = default.as_i64() else { continue };
                let (min, max) = (c["min"].as_i64(), c["max"].as_i64());
                if min.is_some_and(|m| i < m) || max.is_some_and(|m| i > m) {
                    return Some(format!(
                        "outside {}..={}",
                        min.map_or(String::new(), |m| m.to_string()),
                        max.map_or(String::new(), |m| m.to_string())
                    ));
                }
            }
            Some("length") => {
                let Some(s) = default.as_str() else { continue };
                let n = s.chars().count() as u64;
                let (min, max) = (c["min"].as_u64(), c["max"].as_u64());
                if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                    return Some(format!(
                        "{n} characters, outside {}..={}",
                        min.map_or(String::new(), |m| m.to_string()),
                        max.map_or(String::new(), |m| m.to_string())
                    ));
                }
            }
            Some("pattern") => {
                let (Some(s), Some(p)) = (default.as_str(), c["pattern"].as_str()) else {
                    continue;
                };
                let regex = regex_lite::Regex::new(&crate::check::anchored(p)).ok()?;
                if !regex.is_match(s) {
                    return Some(format!("does not match `{p}`"));
                }
            }
            _ => {}
        }
    }
    None
}

/// The published string value a default is a near miss of (one or two edits, both at least four
/// characters), when exactly one value is that close.
pub(super) fn near_value<'a>(default: &str, values: &'a [Value]) -> Option<&'a str> {
    if default.chars().count() < 4 {
        return None;
    }
    let mut near = values
        .iter()
        .filter_map(Value::as_str)
        .filter(|v| v.chars().count() >= 4 && *v != default)
        .filter(|v| crate::diff::edit_distance(default, v) <= 2);
    let first = near.next()?;
    near.next().is_none().then_some(first)
}
