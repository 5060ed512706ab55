//! The `waiters` section of an operation: what to poll for and how patiently.
//!
//! ```json
//! "waiters": [ {
//!   "name": "InstancesRunning",
//!   "description": { "en": "Every listed instance is Running." },
//!   "path": "Instances[].Status",
//!   "expect": "all",
//!   "success": ["Running"],
//!   "failure": ["Disabled"],
//!   "retry": ["Pending", "Starting"],
//!   "minDelay": 2, "maxDelay": 20, "maxTime": 600
//! } ]
//! ```
//!
//! `path` walks the operation's response fields by wire name, separated by `.`; a field that is
//! an array is walked item by item (`[]` after its name says so, and may be left out); the last
//! field is a string (or an array of strings). `expect` is `all` (default: every state a success
//! state) or `any` (one is enough). A failure state ends the wait with an error; `retry` lists
//! the documented in-progress states (any state not listed also keeps the wait going). Delays
//! and the maximum time are in seconds.

use serde_json::Value;

use super::model::Text;
use crate::diagnostics::{pointer_join, Diagnostics};

/// One waiter of an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaiterSpec {
    /// PascalCase name (`InstancesRunning`): the method is `wait_until_instances_running`.
    pub name: String,
    /// JSON Pointer of this waiter, for diagnostics.
    pub pointer: String,
    pub description: Text,
    /// The path as written (`Instances[].Status`).
    pub path_text: String,
    /// Field names along the path, `[]` removed.
    pub path: Vec<String>,
    /// `true` for `all`, `false` for `any`.
    pub all: bool,
    pub success: Vec<String>,
    pub failure: Vec<String>,
    pub retry: Vec<String>,
    pub min_delay: u64,
    pub max_delay: u64,
    pub max_time: u64,
}

/// Written back as the spec keys (what `acs-codegen import` writes when an overlay adds waiters).
impl serde::Serialize for WaiterSpec {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("name", &self.name)?;
        if !self.description.is_empty() {
            map.serialize_entry("description", &self.description)?;
        }
        map.serialize_entry("path", &self.path_text)?;
        map.serialize_entry("expect", if self.all { "all" } else { "any" })?;
        map.serialize_entry("success", &self.success)?;
        if !self.failure.is_empty() {
            map.serialize_entry("failure", &self.failure)?;
        }
        if !self.retry.is_empty() {
            map.serialize_entry("retry", &self.retry)?;
        }
        map.serialize_entry("minDelay", &self.min_delay)?;
        map.serialize_entry("maxDelay", &self.max_delay)?;
        map.serialize_entry("maxTime", &self.max_time)?;
        map.end()
    }
}

const KEYS: &[&str] = &[
    "name",
    "description",
    "path",
    "expect",
    "success",
    "failure",
    "retry",
    "minDelay",
    "maxDelay",
    "maxTime",
];

/// Reads the `waiters` array at `pointer`; problems go to `diags`.
pub fn parse(value: &Value, pointer: &str, diags: &mut Diagnostics) -> Vec<WaiterSpec> {
    let Some(items) = value.as_array() else {
        diags.error(pointer, "`waiters` must be an array of waiter objects");
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, w)| parse_one(w, &pointer_join(pointer, i), diags))
        .collect()
}

fn parse_one(value: &Value, pointer: &str, diags: &mut Diagnostics) -> Option<WaiterSpec> {
    let Some(object) = value.as_object() else {
        diags.error(pointer, "a waiter must be an object");
        return None;
    };
    for key in object.keys() {
        if !KEYS.contains(&key.as_str()) {
            diags.error(
                &pointer_join(pointer, key),
                format!(
                    "unknown waiter key `{key}` (expected one of {})",
                    KEYS.join(", ")
                ),
            );
        }
    }
    let at = |key: &str| pointer_join(pointer, key);
    let string = |key: &str, diags: &mut Diagnostics| match object.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            diags.error(&at(key), format!("`{key}` must be a string"));
            None
        }
        None => {
            diags.error(pointer, format!("a waiter needs `{key}`"));
            None
        }
    };
    let name = string("name", diags);
    let path_text = string("path", diags);
    let strings = |key: &str, diags: &mut Diagnostics| -> Vec<String> {
        match object.get(key) {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| match v {
                    Value::String(s) => Some(s.clone()),
                    _ => {
                        diags.error(&pointer_join(&at(key), i), "a state must be a string");
                        None
                    }
                })
                .collect(),
            Some(_) => {
                diags.error(&at(key), format!("`{key}` must be an array of strings"));
                Vec::new()
            }
        }
    };
    let success = strings("success", diags);
    let failure = strings("failure", diags);
    let retry = strings("retry", diags);
    let all = match object.get("expect") {
        None => true,
        Some(Value::String(s)) if s == "all" => true,
        Some(Value::String(s)) if s == "any" => false,
        Some(_) => {
            diags.error(&at("expect"), "`expect` must be \"all\" or \"any\"");
            true
        }
    };
    let seconds = |key: &str, default: u64, diags: &mut Diagnostics| match object.get(key) {
        None => default,
        Some(v) => match v.as_u64() {
            Some(n) => n,
            None => {
                diags.error(
                    &at(key),
                    format!("`{key}` must be a whole number of seconds"),
                );
                default
            }
        },
    };
    let min_delay = seconds("minDelay", 2, diags);
    let max_delay = seconds("maxDelay", 30, diags);
    let max_time = seconds("maxTime", 600, diags);
    let description = match object.get("description") {
        None => Text::default(),
        Some(Value::Object(o)) => Text {
            en: o.get("en").and_then(Value::as_str).map(str::to_owned),
            zh: o.get("zh").and_then(Value::as_str).map(str::to_owned),
        },
        Some(_) => {
            diags.error(
                &at("description"),
                "`description` must be {\"en\": …, \"zh\": …}",
            );
            Text::default()
        }
    };
    let path_text = path_text?;
    let path = path_text
        .split('.')
        .map(|step| step.strip_suffix("[]").unwrap_or(step).to_owned())
        .collect();
    Some(WaiterSpec {
        name: name?,
        pointer: pointer.to_owned(),
        description,
        path_text,
        path,
        all,
        success,
        failure,
        retry,
        min_delay,
        max_delay,
        max_time,
    })
}
