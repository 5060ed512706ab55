//! The import's working state while it walks one document: reports, repairs and errors
//! ([`Cx`]), and the field names of one struct being built ([`NameSet`]).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use super::{repair, Report};
use crate::diagnostics::pointer_join;
use crate::naming::snake_case;

#[derive(Default)]
pub(super) struct Cx {
    pub(super) reports: Vec<Report>,
    pub(super) inferences: Vec<Report>,
    /// Facts no repair can make true: the import writes nothing and exits 1.
    pub(super) errors: Vec<Report>,
    /// Repairs by kind (see [`repair`]).
    pub(super) repairs: BTreeMap<String, usize>,
    /// Repairs of the current operation recorded at the operation (see [`repair::Repairs`]).
    pub(super) op_repairs: repair::Repairs,
    /// An ROA document: request names are wire names (headers, JSON keys), not identifiers.
    pub(super) roa: bool,
}

impl Cx {
    /// Reports a repair (see [`repair`]); the caller records it in the spec.
    pub(super) fn repair(&mut self, pointer: &str, name: &str, kind: &str, message: &str) {
        *self.repairs.entry(kind.to_owned()).or_default() += 1;
        self.report(pointer, name, &format!("repair `{kind}`: {message}"));
    }

    /// Reports a repair of something not written at all, and records it for the operation.
    pub(super) fn repair_dropped(
        &mut self,
        pointer: &str,
        name: &str,
        list: &str,
        kind: &str,
        message: &str,
        vendor: Value,
    ) {
        self.repair(pointer, name, kind, message);
        self.op_repairs.record(
            list,
            kind,
            &format!("`{name}`: {message}"),
            vendor,
            "left out",
        );
    }

    pub(super) fn report(&mut self, pointer: &str, name: &str, message: &str) {
        self.reports.push(Report {
            pointer: pointer.to_owned(),
            name: name.to_owned(),
            message: message.to_owned(),
        });
    }

    /// Reports every key of `obj` not in `known`.
    pub(super) fn unmapped(
        &mut self,
        obj: &Map<String, Value>,
        pointer: &str,
        known: &[&str],
        what: &str,
    ) {
        for (key, value) in obj {
            if known.contains(&key.as_str()) {
                continue;
            }
            // Blank placeholders (`"extraInfo": " "`) say nothing.
            if value.as_str().is_some_and(|s| s.trim().is_empty()) {
                continue;
            }
            self.report(
                &pointer_join(pointer, key),
                key,
                &format!("{what} key not mapped"),
            );
        }
    }
}

pub(super) fn str_at<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key)?.as_str()
}

/// Field names of one struct, so that clashes are reported instead of failing the check.
#[derive(Default)]
pub(super) struct NameSet {
    names: BTreeSet<String>,
    idents: BTreeSet<String>,
}

impl NameSet {
    pub(super) fn admit(&mut self, field: &Value, at: &str, cx: &mut Cx) -> bool {
        let name = str_at(field, "name").unwrap_or_default();
        let problem = if !self.names.insert(name.to_owned()) {
            "defined twice; the first definition is kept".to_owned()
        } else if !self.idents.insert(snake_case(name)) {
            format!(
                "would become the same Rust field `{}` as an earlier one; the first is kept",
                snake_case(name)
            )
        } else {
            return true;
        };
        let vendor = json!({ "name": name, "pointer": at });
        cx.repair_dropped(at, name, "", repair::FIELD_NAME_CLASH, &problem, vendor);
        false
    }
}
