//! A field's `default`, checked against the field's own type and rules; when the metadata
//! contradicts itself the default is repaired (see [`repair`]): dropped, or, when it is a near
//! miss of one published value, accepted beside it.

use serde_json::{Map, Value};

use super::repair;
use super::types::{typed_value, Side};
use super::vendor::Cx;
use crate::diagnostics::pointer_join;

/// The field's default, repaired when the metadata contradicts itself (see [`repair`]).
#[allow(clippy::too_many_arguments)]
pub(super) fn default(
    f: &mut Map<String, Value>,
    v: &Value,
    ty_name: &str,
    side: Side,
    required: bool,
    constraints: &mut [Value],
    at: &str,
    cx: &mut Cx,
) {
    let at = pointer_join(at, "default");
    let name = f
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let typed = typed_value(v, ty_name);
    if side == Side::Response {
        cx.report(&at, "default", "defaults of response fields are not mapped");
        return;
    }
    let Some(d) = typed else {
        let why = format!("{v} is not a valid {ty_name}");
        cx.repair(
            &at,
            &name,
            repair::DEFAULT_NOT_TYPED,
            &format!("default {why}; dropped"),
        );
        repair::mark(
            f,
            "default",
            repair::DEFAULT_NOT_TYPED,
            &format!("default of `{name}`: {why}"),
            v.clone(),
            "default dropped",
        );
        return;
    };
    if required {
        cx.repair(
            &at,
            &name,
            repair::DEFAULT_ON_REQUIRED,
            "a default on a required parameter is never used; dropped",
        );
        repair::mark(
            f,
            "default",
            repair::DEFAULT_ON_REQUIRED,
            &format!("default of the required `{name}`"),
            v.clone(),
            "default dropped (never used)",
        );
        return;
    }
    let Some(why) = repair::default_problem(&d, constraints) else {
        f.insert("default".into(), d);
        return;
    };
    if let Some(near) = typo_of(f, &d, constraints) {
        let message = format!("default {d} is not a published value but is one or two letters from {near:?}: one of them is a typo, both are accepted and the default kept");
        cx.repair(&at, &name, repair::ENUM_VALUE_TYPO, &message);
        repair::mark(
            f,
            "constraints",
            repair::ENUM_VALUE_TYPO,
            &format!("default {d} of `{name}` vs the published value {near:?}"),
            v.clone(),
            &format!("both {d} and {near:?} accepted, default kept"),
        );
        f.insert("default".into(), d);
        return;
    }
    cx.repair(
        &at,
        &name,
        repair::DEFAULT_OUTSIDE_RULE,
        &format!("default {d} breaks the field's own rule ({why}); dropped"),
    );
    repair::mark(
        f,
        "default",
        repair::DEFAULT_OUTSIDE_RULE,
        &format!("default of `{name}`: {why}"),
        v.clone(),
        "default dropped, rule kept",
    );
}

/// When the default is a near miss of exactly one published value, adds it to the accepted
/// values (and to the Rust enum, if its variant is free) and returns that value.
fn typo_of(f: &mut Map<String, Value>, d: &Value, constraints: &mut [Value]) -> Option<String> {
    let text = d.as_str()?;
    let one_of = constraints.iter().position(|c| c["kind"] == "oneOf")?;
    let near = repair::near_value(text, constraints[one_of]["values"].as_array()?)?.to_owned();
    let variant = crate::naming::type_name(text);
    if let Some(Value::Array(list)) = f.get("enum") {
        let taken = list
            .iter()
            .filter_map(Value::as_str)
            .any(|x| crate::naming::type_name(x) == variant);
        if taken || variant == "Unknown" {
            return None;
        }
    }
    // Accepted only if every other rule accepts it too.
    let mut widened = constraints.to_vec();
    widened[one_of]["values"].as_array_mut()?.push(d.clone());
    if repair::default_problem(d, &widened).is_some() {
        return None;
    }
    constraints[one_of] = widened.swap_remove(one_of);
    if let Some(Value::Array(list)) = f.get_mut("enum") {
        list.push(d.clone());
    }
    Some(near)
}
