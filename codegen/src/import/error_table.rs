//! The published error table (`errorCodes`, keyed by HTTP status) → the spec's `errors`, with
//! the retry rule; codes listed twice or clashing as enum variants are repairs.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use super::repair;
use super::vendor::{str_at, text, Cx};
use crate::diagnostics::{kind_of, pointer_join};
use crate::naming::pascal_case;

pub(super) fn error_codes(codes: &Value, at: &str, cx: &mut Cx) -> Vec<Value> {
    let Some(map) = codes.as_object() else {
        cx.report(
            at,
            "errorCodes",
            &format!(
                "expected an object keyed by HTTP status, found {}",
                kind_of(codes)
            ),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, (u16, String)> = BTreeMap::new();
    let mut variants = BTreeSet::new();
    for (status, list) in map {
        let s_at = pointer_join(at, status);
        let Some(http) = status
            .parse::<u16>()
            .ok()
            .filter(|s| (100..=599).contains(s))
        else {
            cx.report(&s_at, status, "not an HTTP status; its codes are skipped");
            continue;
        };
        let Some(list) = list.as_array() else {
            cx.report(&s_at, status, "expected an array of error codes");
            continue;
        };
        for (i, e) in list.iter().enumerate() {
            let e_at = pointer_join(&s_at, i);
            let Some(obj) = e.as_object() else {
                cx.report(&e_at, "errorCodes", "expected an object; skipped");
                continue;
            };
            cx.unmapped(
                obj,
                &e_at,
                &["errorCode", "errorMessage", "description"],
                "error",
            );
            let Some(code) = str_at(e, "errorCode")
                .map(str::trim)
                .filter(|c| !c.is_empty() && !c.contains(char::is_whitespace))
            else {
                cx.report(
                    &e_at,
                    "errorCode",
                    "missing, empty or containing whitespace; skipped",
                );
                continue;
            };
            let message = str_at(e, "errorMessage").unwrap_or_default().trim();
            if let Some((first_status, first_message)) = seen.get(code) {
                if (*first_status, first_message.as_str()) == (http, message) {
                    cx.report(
                        &e_at,
                        code,
                        "error code listed twice, the same both times; merged",
                    );
                } else {
                    cx.repair_dropped(
                        &e_at,
                        code,
                        "errors",
                        repair::DUPLICATE_ERROR_CODE,
                        &format!("error code listed twice (first as HTTP {first_status} {first_message:?}); the first entry is kept"),
                        e.clone(),
                    );
                }
                continue;
            }
            seen.insert(code.to_owned(), (http, message.to_owned()));
            let variant = pascal_case(code);
            if variant == "Unknown" || !variants.insert(variant.clone()) {
                cx.repair_dropped(
                    &e_at,
                    code,
                    "errors",
                    repair::ERROR_VARIANT_CLASH,
                    &format!("would become the enum variant `{variant}`, which an earlier code (or `Unknown`) has; left out of the table (it still arrives as `Unknown` with its code)"),
                    e.clone(),
                );
                continue;
            }
            let mut err = Map::new();
            err.insert("httpStatus".into(), json!(http));
            err.insert("code".into(), json!(code));
            err.insert("message".into(), json!(message));
            if let Some(t) = text(str_at(e, "description")) {
                err.insert("description".into(), t);
            }
            err.insert("retryable".into(), json!(is_retryable(http, code)));
            out.push(Value::Object(err));
        }
    }
    out
}

/// The import's retry rule: server errors (5xx) and throttling codes.
pub fn is_retryable(http_status: u16, code: &str) -> bool {
    http_status >= 500 || code.starts_with("Throttling")
}
