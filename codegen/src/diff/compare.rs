//! Classifying the changes between two sides.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::constraints::diff_constraints;
use super::{Change, OperationChanges, Report, Section, Severity, SideInfo, SpecSet};
use crate::spec::*;

/// What both sides have, so absent sections are not compared.
#[derive(Clone, Copy)]
struct Common {
    responses: bool,
    errors: bool,
    descriptions: bool,
    groups: bool,
    endpoints: bool,
    /// Old side has examples, new does not (or the reverse): JSON-string arrays unverifiable.
    examples_missing: bool,
}

/// Compares two sides.
pub fn diff(old: &SpecSet, new: &SpecSet) -> Report {
    let mut notes = Vec::new();
    for s in Section::ALL {
        match (old.sections.contains(&s), new.sections.contains(&s)) {
            (true, false) => notes.push(format!(
                "the new side ({}) has no {}: not compared, not reported as removed",
                new.origin,
                s.what()
            )),
            (false, true) => notes.push(format!(
                "the old side ({}) has no {}: not compared, not reported as added",
                old.origin,
                s.what()
            )),
            _ => {}
        }
    }
    let both = |s| old.sections.contains(&s) && new.sections.contains(&s);
    let common = Common {
        responses: both(Section::Responses),
        errors: both(Section::Errors),
        descriptions: both(Section::Descriptions),
        groups: both(Section::Groups),
        endpoints: both(Section::Endpoints),
        examples_missing: old.sections.contains(&Section::Examples)
            != new.sections.contains(&Section::Examples),
    };
    let mut operations = Vec::new();
    let names: BTreeSet<&String> = old.operations.keys().chain(new.operations.keys()).collect();
    for name in names {
        match (old.operations.get(name), new.operations.get(name)) {
            (Some(_), None) => operations.push(OperationChanges {
                operation: name.clone(),
                status: "removed",
                changes: vec![Change {
                    kind: "operationRemoved",
                    severity: Severity::Breaking,
                    path: String::new(),
                    old: None,
                    new: None,
                    message: format!(
                        "operation `{name}` removed (its types disappear from the crate)"
                    ),
                    curated: false,
                }],
            }),
            (None, Some(op)) => operations.push(OperationChanges {
                operation: name.clone(),
                status: "added",
                changes: vec![Change {
                    kind: "operationAdded",
                    severity: Severity::Compatible,
                    path: String::new(),
                    old: None,
                    new: op.group.as_ref().map(|g| json!(g)),
                    message: format!(
                        "operation `{name}` added{}",
                        op.group
                            .as_deref()
                            .map(|g| format!(" (group {g})"))
                            .unwrap_or_default()
                    ),
                    curated: false,
                }],
            }),
            (Some(a), Some(b)) => {
                let mut changes = diff_operation(a, b, common);
                let curated: Vec<String> = curated_paths(a)
                    .into_iter()
                    .chain(curated_paths(b))
                    .collect();
                for c in &mut changes {
                    c.curated = curated
                        .iter()
                        .any(|p| c.path == *p || c.path.starts_with(&format!("{p}.")));
                }
                if !changes.is_empty() {
                    operations.push(OperationChanges {
                        operation: name.clone(),
                        status: "changed",
                        changes,
                    });
                }
            }
            (None, None) => {}
        }
    }
    // Unverifiable JSON-string arrays are one fact about the inputs, not a change per operation.
    let mut unverifiable = Vec::new();
    for op in &mut operations {
        op.changes.retain(|c| {
            let keep = c.kind != "typeUnverifiable";
            if !keep {
                unverifiable.push(format!("{}.{}", op.operation, c.path));
            }
            keep
        });
    }
    operations.retain(|op| !op.changes.is_empty());
    if !unverifiable.is_empty() {
        notes.push(format!(
            "{} parameter(s) are JSON-string arrays on one side and plain strings on the other only because the JSON-string array rule needs an example, which one side lacks; the wire form (one string) is the same, so they are not reported as type changes: {}",
            unverifiable.len(),
            unverifiable.join(", ")
        ));
    }
    if common.endpoints {
        let changes = diff_endpoints(&old.endpoints, &new.endpoints);
        if !changes.is_empty() {
            operations.push(OperationChanges {
                operation: "(endpoints)".to_owned(),
                status: "changed",
                changes,
            });
        }
    }
    let info = |s: &SpecSet| SideInfo {
        origin: s.origin.clone(),
        kind: s.kind,
        operations: s.operations.len(),
        sections: s.sections.clone(),
    };
    Report {
        old: info(old),
        new: info(new),
        notes,
        operations,
    }
}

pub(super) fn change(
    kind: &'static str,
    severity: Severity,
    path: &str,
    old: Option<Value>,
    new: Option<Value>,
    message: String,
) -> Change {
    Change {
        kind,
        severity,
        path: path.to_owned(),
        old,
        new,
        message,
        curated: false,
    }
}

fn diff_endpoints(old: &[RegionEndpoint], new: &[RegionEndpoint]) -> Vec<Change> {
    let mut out = Vec::new();
    for o in old {
        match new.iter().find(|n| n.region_id == o.region_id) {
            None => out.push(change(
                "endpointRemoved",
                Severity::Breaking,
                &o.region_id,
                Some(json!(o.host)),
                None,
                format!("region `{}` removed from ENDPOINTS", o.region_id),
            )),
            Some(n) if n.host != o.host => out.push(change(
                "endpointChanged",
                Severity::Compatible,
                &o.region_id,
                Some(json!(o.host)),
                Some(json!(n.host)),
                format!(
                    "region `{}` host changed from `{}` to `{}`",
                    o.region_id, o.host, n.host
                ),
            )),
            Some(_) => {}
        }
    }
    for n in new {
        if !old.iter().any(|o| o.region_id == n.region_id) {
            out.push(change(
                "endpointAdded",
                Severity::Compatible,
                &n.region_id,
                None,
                Some(json!(n.host)),
                format!("region `{}` added ({})", n.region_id, n.host),
            ));
        }
    }
    out
}

/// Change paths (`Amount`, `response.Name`, `errors.Code`) of the facts an operation's
/// `discrepancies` record as curated (followed something other than the vendor metadata).
fn curated_paths(op: &OperationSpec) -> Vec<String> {
    op.discrepancies
        .iter()
        .filter(|d| d.followed != "vendor metadata")
        .filter_map(|d| {
            let mut parts = d.pointer.trim_start_matches("/operations/0/").split('/');
            let list = parts.next()?;
            let i: usize = parts.next()?.parse().ok()?;
            match list {
                "parameters" => op.parameters.get(i).map(|f| f.name.clone()),
                "response" => op.response.get(i).map(|f| format!("response.{}", f.name)),
                "errors" => op.errors.get(i).map(|e| format!("errors.{}", e.code)),
                _ => None,
            }
        })
        .collect()
}

fn diff_operation(a: &OperationSpec, b: &OperationSpec, common: Common) -> Vec<Change> {
    let mut out = Vec::new();
    for m in &a.methods {
        if !b.methods.contains(m) {
            out.push(change(
                "methodRemoved",
                Severity::Breaking,
                "",
                Some(json!(m.as_str())),
                None,
                format!("HTTP method {} no longer accepted", m.as_str()),
            ));
        }
    }
    for m in &b.methods {
        if !a.methods.contains(m) {
            out.push(change(
                "methodAdded",
                Severity::Compatible,
                "",
                None,
                Some(json!(m.as_str())),
                format!("HTTP method {} now accepted", m.as_str()),
            ));
        }
    }
    super::http::diff_http_binding(a, b, common.responses, &mut out);
    if common.groups && a.group != b.group {
        out.push(change(
            "groupChanged",
            Severity::Breaking,
            "",
            a.group.as_ref().map(|g| json!(g)),
            b.group.as_ref().map(|g| json!(g)),
            format!(
                "group changed from {:?} to {:?} (the operation moves to another Cargo feature)",
                a.group, b.group
            ),
        ));
    }
    if a.deprecated != b.deprecated {
        out.push(change(
            if b.deprecated {
                "operationDeprecated"
            } else {
                "operationUndeprecated"
            },
            Severity::Compatible,
            "",
            Some(json!(a.deprecated)),
            Some(json!(b.deprecated)),
            format!(
                "operation {}",
                if b.deprecated {
                    "deprecated"
                } else {
                    "no longer deprecated"
                }
            ),
        ));
    }
    let mut docs = Vec::new();
    if common.descriptions
        && (a.summary != b.summary || a.description != b.description || a.notes != b.notes)
    {
        docs.push("operation".to_owned());
    }
    diff_fields(
        &a.parameters,
        &b.parameters,
        Side::Request,
        "",
        common,
        &mut out,
        &mut docs,
    );
    if common.responses {
        diff_fields(
            &a.response,
            &b.response,
            Side::Response,
            "response.",
            common,
            &mut out,
            &mut docs,
        );
    }
    if common.errors {
        diff_errors(&a.errors, &b.errors, &mut out, &mut docs);
    }
    if !docs.is_empty() {
        out.push(change(
            "docsChanged",
            Severity::Compatible,
            "",
            None,
            Some(json!(docs)),
            format!("documentation changed: {}", docs.join(", ")),
        ));
    }
    out
}

fn diff_errors(a: &[ErrorSpec], b: &[ErrorSpec], out: &mut Vec<Change>, docs: &mut Vec<String>) {
    for e in a {
        let path = format!("errors.{}", e.code);
        match b.iter().find(|x| x.code == e.code) {
            None => out.push(change(
                "errorRemoved",
                Severity::Breaking,
                &path,
                Some(json!(e.code)),
                None,
                format!("error code `{}` removed (its enum variant goes)", e.code),
            )),
            Some(x) => {
                if x.http_status != e.http_status {
                    out.push(change(
                        "errorStatusChanged",
                        Severity::Compatible,
                        &path,
                        Some(json!(e.http_status)),
                        Some(json!(x.http_status)),
                        format!(
                            "error `{}` HTTP status {} → {}",
                            e.code, e.http_status, x.http_status
                        ),
                    ));
                }
                if x.retryable != e.retryable {
                    out.push(change(
                        "errorRetryableChanged",
                        Severity::Compatible,
                        &path,
                        Some(json!(e.retryable)),
                        Some(json!(x.retryable)),
                        format!(
                            "error `{}` retryable {} → {}",
                            e.code, e.retryable, x.retryable
                        ),
                    ));
                }
                if x.message != e.message || x.description != e.description {
                    docs.push(path);
                }
            }
        }
    }
    for x in b {
        if !a.iter().any(|e| e.code == x.code) {
            out.push(change(
                "errorAdded",
                Severity::Compatible,
                &format!("errors.{}", x.code),
                None,
                Some(json!(x.code)),
                format!("error code `{}` added (HTTP {})", x.code, x.http_status),
            ));
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Request,
    Response,
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The most characters a rename may change to be detected as one.
const RENAME_DISTANCE: usize = 2;

fn same_shape(a: &TypeSpec, b: &TypeSpec) -> bool {
    a.describe() == b.describe()
}

fn diff_fields(
    a: &[Field],
    b: &[Field],
    side: Side,
    prefix: &str,
    common: Common,
    out: &mut Vec<Change>,
    docs: &mut Vec<String>,
) {
    let removed: Vec<&Field> = a
        .iter()
        .filter(|f| !b.iter().any(|x| x.name == f.name))
        .collect();
    let mut added: Vec<&Field> = b
        .iter()
        .filter(|f| !a.iter().any(|x| x.name == f.name))
        .collect();
    let what = if side == Side::Request {
        "parameter"
    } else {
        "response field"
    };
    for r in removed {
        let candidate = added
            .iter()
            .enumerate()
            .filter(|(_, x)| same_shape(&x.ty, &r.ty))
            .map(|(i, x)| (edit_distance(&r.name, &x.name), i))
            .filter(|(d, _)| *d <= RENAME_DISTANCE && *d * 2 < r.name.len())
            .min();
        let path = format!("{prefix}{}", r.name);
        match candidate {
            Some((_, i)) => {
                let x = added.remove(i);
                out.push(change(
                    if side == Side::Request { "parameterRenamed" } else { "responseFieldRenamed" },
                    Severity::Breaking,
                    &path,
                    Some(json!(r.name)),
                    Some(json!(x.name)),
                    format!("{what} `{prefix}{}` renamed to `{prefix}{}` (the Rust field and builder method change name)", r.name, x.name),
                ));
                compare_field(
                    r,
                    x,
                    side,
                    &format!("{prefix}{}", x.name),
                    common,
                    out,
                    docs,
                );
            }
            None => out.push(change(
                if side == Side::Request {
                    "parameterRemoved"
                } else {
                    "responseFieldRemoved"
                },
                Severity::Breaking,
                &path,
                Some(json!(r.ty.describe())),
                None,
                format!("{what} `{path}` removed"),
            )),
        }
    }
    for x in added {
        let path = format!("{prefix}{}", x.name);
        let (kind, severity, note) = match side {
            Side::Request if x.required => (
                "parameterAdded",
                Severity::Breaking,
                " and required (existing builder calls no longer compile)",
            ),
            Side::Request => ("parameterAdded", Severity::Compatible, " (optional)"),
            Side::Response => ("responseFieldAdded", Severity::Compatible, ""),
        };
        // The whole field (type, wire style, properties, rules), as the spec model writes it.
        let added = serde_json::to_value(x).unwrap_or_else(|_| json!(x.ty.describe()));
        out.push(change(
            kind,
            severity,
            &path,
            None,
            Some(added),
            format!("{what} `{path}` added{note}"),
        ));
    }
    for f in a {
        if let Some(x) = b.iter().find(|x| x.name == f.name) {
            compare_field(
                f,
                x,
                side,
                &format!("{prefix}{}", f.name),
                common,
                out,
                docs,
            );
        }
    }
}

fn is_json_string_array(ty: &TypeSpec) -> bool {
    matches!(ty, TypeSpec::Array { items, style: Some(WireStyle::Json), .. } if **items == TypeSpec::Scalar(Scalar::String))
}

fn properties(ty: &TypeSpec) -> Option<(&[Field], &'static str)> {
    match ty {
        TypeSpec::Object { properties, .. } => Some((properties, ".")),
        TypeSpec::Array { items, .. } => match items.as_ref() {
            TypeSpec::Object { properties, .. } => Some((properties, ".N.")),
            _ => None,
        },
        TypeSpec::Scalar(_) => None,
    }
}

fn style_of(ty: &TypeSpec) -> Option<WireStyle> {
    match ty {
        TypeSpec::Array { style, .. } | TypeSpec::Object { style, .. } => *style,
        TypeSpec::Scalar(_) => None,
    }
}

fn compare_field(
    a: &Field,
    b: &Field,
    side: Side,
    path: &str,
    common: Common,
    out: &mut Vec<Change>,
    docs: &mut Vec<String>,
) {
    let what = if side == Side::Request {
        "parameter"
    } else {
        "response field"
    };
    if !same_shape(&a.ty, &b.ty) {
        let string = TypeSpec::Scalar(Scalar::String);
        let unverifiable = common.examples_missing
            && ((is_json_string_array(&a.ty) && b.ty == string)
                || (a.ty == string && is_json_string_array(&b.ty)));
        if unverifiable {
            out.push(change(
                "typeUnverifiable",
                Severity::Compatible,
                path,
                Some(json!(a.ty.describe())),
                Some(json!(b.ty.describe())),
                format!("{what} `{path}`: {} vs {} — the JSON-string array reading needs an example, which one side lacks; the wire form (one string) is the same", a.ty.describe(), b.ty.describe()),
            ));
        } else {
            out.push(change(
                if side == Side::Request {
                    "typeChanged"
                } else {
                    "responseFieldRetyped"
                },
                Severity::Breaking,
                path,
                Some(json!(a.ty.describe())),
                Some(json!(b.ty.describe())),
                format!(
                    "{what} `{path}` type changed from {} to {}",
                    a.ty.describe(),
                    b.ty.describe()
                ),
            ));
        }
        return;
    }
    if side == Side::Request {
        // No `in` is the query string.
        let (la, lb) = (
            a.location.unwrap_or(ParameterLocation::Query),
            b.location.unwrap_or(ParameterLocation::Query),
        );
        if la != lb {
            out.push(change(
                "locationChanged",
                Severity::Breaking,
                path,
                Some(json!(la.name())),
                Some(json!(lb.name())),
                format!(
                    "parameter `{path}` moved from the {} to the {} of the request",
                    la.name(),
                    lb.name()
                ),
            ));
        }
        if a.binary != b.binary {
            out.push(change(
                "formatChanged",
                Severity::Breaking,
                path,
                Some(json!(if a.binary { "binary" } else { "text" })),
                Some(json!(if b.binary { "binary" } else { "text" })),
                format!(
                    "parameter `{path}` is {} (`format: binary` {})",
                    if b.binary {
                        "now bytes"
                    } else {
                        "no longer bytes"
                    },
                    if b.binary { "added" } else { "removed" }
                ),
            ));
        }
        let (sa, sb) = (style_of(&a.ty), style_of(&b.ty));
        if sa != sb {
            let name = |s: Option<WireStyle>| s.map_or("default", WireStyle::name);
            out.push(change(
                "styleChanged",
                Severity::Breaking,
                path,
                Some(json!(name(sa))),
                Some(json!(name(sb))),
                format!(
                    "parameter `{path}` wire style changed from {} to {}",
                    name(sa),
                    name(sb)
                ),
            ));
        }
        if a.required != b.required {
            if b.required {
                out.push(change(
                    "becameRequired",
                    Severity::Breaking,
                    path,
                    Some(json!(false)),
                    Some(json!(true)),
                    format!("parameter `{path}` became required"),
                ));
            } else {
                out.push(change(
                    "becameOptional",
                    Severity::Compatible,
                    path,
                    Some(json!(true)),
                    Some(json!(false)),
                    format!("parameter `{path}` became optional"),
                ));
            }
        }
        diff_constraints(&a.constraints, &b.constraints, path, out);
        match (&a.default, &b.default) {
            (Some(da), Some(db)) if da != db => out.push(change(
                "defaultChanged",
                Severity::Compatible,
                path,
                Some(da.clone()),
                Some(db.clone()),
                format!("parameter `{path}` default {da} → {db} (callers that leave it out get the new value)"),
            )),
            (Some(da), None) => out.push(change(
                "defaultRemoved",
                Severity::Compatible,
                path,
                Some(da.clone()),
                None,
                format!("parameter `{path}` no longer documents the default {da} (set it explicitly to keep that behaviour)"),
            )),
            (None, Some(db)) => out.push(change(
                "defaultAdded",
                Severity::Compatible,
                path,
                None,
                Some(db.clone()),
                format!("parameter `{path}` now documents the default {db}"),
            )),
            _ => {}
        }
    }
    if a.deprecated != b.deprecated && b.deprecated {
        out.push(change(
            "fieldDeprecated",
            Severity::Compatible,
            path,
            None,
            None,
            format!("{what} `{path}` deprecated"),
        ));
    }
    if common.descriptions
        && (a.description != b.description || a.example != b.example || a.unit != b.unit)
    {
        docs.push(path.to_owned());
    }
    if let (Some((pa, sep)), Some((pb, _))) = (properties(&a.ty), properties(&b.ty)) {
        diff_fields(pa, pb, side, &format!("{path}{sep}"), common, out, docs);
    }
}
