//! Checks of an operation's `waiters`: names, states, delays, and a path that resolves through
//! the response to strings.

use crate::diagnostics::{pointer_join, Diagnostics};
use crate::spec::waiters::WaiterSpec;
use crate::spec::*;

/// How a waiter path walks the response, step by step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// An object field (optional in the response).
    Object,
    /// An array of objects, walked item by item.
    ObjectArray,
    /// The last step: a string field.
    String,
    /// The last step: an array of strings.
    StringArray,
}

/// The fields and steps of `path` through `response`, or why it does not resolve.
pub fn resolve<'a>(
    response: &'a [Field],
    path: &[String],
) -> Result<Vec<(&'a Field, Step)>, String> {
    let mut fields = response;
    let mut out = Vec::new();
    for (i, name) in path.iter().enumerate() {
        let last = i + 1 == path.len();
        let Some(field) = fields.iter().find(|f| &f.name == name) else {
            let known: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
            return Err(format!(
                "`{name}` is not a response field here (fields: {})",
                known.join(", ")
            ));
        };
        let step = match (&field.ty, last) {
            (TypeSpec::Scalar(Scalar::String), true) => Step::String,
            (TypeSpec::Array { items, .. }, true)
                if **items == TypeSpec::Scalar(Scalar::String) =>
            {
                Step::StringArray
            }
            (TypeSpec::Object { properties, .. }, false) if !properties.is_empty() => {
                fields = properties;
                Step::Object
            }
            (TypeSpec::Array { items, .. }, false) => match items.as_ref() {
                TypeSpec::Object { properties, .. } if !properties.is_empty() => {
                    fields = properties;
                    Step::ObjectArray
                }
                _ => {
                    return Err(format!(
                        "`{name}` is not an array of objects, so the path cannot go on"
                    ))
                }
            },
            (_, true) => {
                return Err(format!(
                    "`{name}` must be a string (or an array of strings) to hold states"
                ))
            }
            (_, false) => {
                return Err(format!(
                    "`{name}` is not an object or array of objects, so the path cannot go on"
                ))
            }
        };
        out.push((field, step));
    }
    if out.is_empty() {
        return Err("the path is empty".to_owned());
    }
    Ok(out)
}

/// Checks every waiter of `op`.
pub fn check(op: &OperationSpec, diags: &mut Diagnostics) {
    let mut names = std::collections::BTreeSet::new();
    for w in &op.waiters {
        check_one(op, w, diags);
        if !names.insert(w.name.as_str()) {
            diags.error(
                &pointer_join(&w.pointer, "name"),
                format!("waiter `{}` is defined twice", w.name),
            );
        }
    }
}

fn check_one(op: &OperationSpec, w: &WaiterSpec, diags: &mut Diagnostics) {
    let at = |key: &str| pointer_join(&w.pointer, key);
    if w.name.is_empty()
        || !w.name.chars().all(|c| c.is_ascii_alphanumeric())
        || !w.name.starts_with(|c: char| c.is_ascii_uppercase())
    {
        diags.error(
            &at("name"),
            format!(
                "waiter name `{}` must be PascalCase, such as `InstancesRunning`",
                w.name
            ),
        );
    }
    if let Err(reason) = resolve(&op.response, &w.path) {
        diags.error(
            &at("path"),
            format!(
                "waiter path `{}` does not resolve in the {} response: {reason}",
                w.path_text, op.name
            ),
        );
    }
    if w.success.is_empty() {
        diags.error(&at("success"), "a waiter needs at least one success state");
    }
    for state in &w.failure {
        if w.success.contains(state) {
            diags.error(
                &at("failure"),
                format!("state `{state}` is both a success and a failure state"),
            );
        }
    }
    for state in &w.retry {
        if w.success.contains(state) || w.failure.contains(state) {
            diags.error(
                &at("retry"),
                format!("state `{state}` is listed as in progress and as final"),
            );
        }
    }
    if w.min_delay == 0 {
        diags.error(&at("minDelay"), "`minDelay` must be at least 1 second");
    }
    if w.max_delay < w.min_delay {
        diags.error(
            &at("maxDelay"),
            format!(
                "`maxDelay` ({}) is less than `minDelay` ({})",
                w.max_delay, w.min_delay
            ),
        );
    }
    if w.max_time < w.max_delay.max(w.min_delay) || w.max_time > 86_400 {
        diags.error(
            &at("maxTime"),
            format!(
                "`maxTime` ({}) must be at least the delays and at most 86400 seconds",
                w.max_time
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    fn spec_with(waiter: Value) -> Result<crate::ServiceSpec, Vec<crate::SpecError>> {
        let text = include_str!("../../specs/swas-open-2020-06-01/ListSnapshots.json");
        let mut spec: Value = serde_json::from_str(text).expect("json");
        spec["operations"][0]["waiters"] = json!([waiter]);
        crate::parse_spec("ListSnapshots.json", &spec.to_string())
    }

    fn messages(waiter: Value) -> Vec<String> {
        spec_with(waiter)
            .expect_err("errors")
            .iter()
            .map(|e| e.to_string())
            .collect()
    }

    #[test]
    fn the_checked_in_waiter_parses() {
        let spec = spec_with(json!({
            "name": "SnapshotsReady", "path": "Snapshots[].Status",
            "success": ["Accomplished"], "failure": ["Failed"]
        }))
        .expect("valid");
        let w = &spec.operations[0].waiters[0];
        assert_eq!(w.path, ["Snapshots", "Status"]);
        assert_eq!((w.min_delay, w.max_delay, w.max_time), (2, 30, 600));
        assert!(w.all);
    }

    #[test]
    fn bad_waiters_name_the_pointer_and_the_reason() {
        let all = messages(json!({
            "name": "snapshots_ready", "path": "Snapshots[].Nope", "expect": "most",
            "success": [], "failure": ["Failed"], "retry": ["Failed"],
            "minDelay": 0, "maxDelay": 5, "maxTime": 1, "colour": "red"
        }))
        .join("\n");
        for expected in [
            "/operations/0/waiters/0/colour",
            "unknown waiter key `colour`",
            "`expect` must be \"all\" or \"any\"",
            "waiter name `snapshots_ready` must be PascalCase",
            "waiter path `Snapshots[].Nope` does not resolve in the ListSnapshots response: `Nope` is not a response field here",
            "a waiter needs at least one success state",
            "state `Failed` is listed as in progress and as final",
            "`minDelay` must be at least 1 second",
            "`maxTime` (1) must be at least the delays",
        ] {
            assert!(all.contains(expected), "missing {expected:?} in:\n{all}");
        }
        let not_string = messages(json!({
            "name": "Ready", "path": "TotalCount", "success": ["1"]
        }))
        .join("\n");
        assert!(
            not_string
                .contains("`TotalCount` must be a string (or an array of strings) to hold states"),
            "{not_string}"
        );
    }
}
