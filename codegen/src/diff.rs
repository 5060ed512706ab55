//! Change report between two versions of an API, classified for a Rust user of the generated
//! crate.
//!
//! Either side is a spec file, a directory of spec files, or a vendor metadata file (imported in
//! memory, without overlays); the kind is detected from the content. Every change is
//! [`Severity::Breaking`] (code that compiled and worked may stop doing so) or
//! [`Severity::Compatible`]:
//!
//! | change | severity |
//! |---|---|
//! | operation removed / added | breaking / compatible |
//! | parameter removed, renamed (heuristic: same type, edit distance ≤ 2) | breaking |
//! | required parameter added / optional parameter added | breaking / compatible |
//! | parameter became required / optional | breaking / compatible |
//! | type changed, wire style changed | breaking |
//! | range, length, item limit or value set narrowed (or added) / widened (or removed) | breaking / compatible |
//! | multipleOf, charset or requiredWhen rule added or changed / removed | breaking / compatible |
//! | response field removed or retyped / added | breaking / compatible |
//! | error code removed (its enum variant goes) / added | breaking / compatible |
//! | HTTP method removed / added; group changed (feature moves) | breaking / compatible; breaking |
//! | region endpoint removed / added or changed | breaking / compatible |
//! | docs, examples, defaults, error status or retry flag changed; deprecation | compatible |
//!
//! **Absent sections.** A side may lack a whole section (the 2024-08-14 metadata has no
//! responses, error codes, descriptions, examples or directories). Such a section is not
//! compared — each is named once in `notes` — instead of reporting every field as removed. When
//! one side lacks examples, a string parameter that the other side reads as a JSON-string array
//! (an inference that needs the example) is reported as `typeUnverifiable` (compatible), not as
//! a type change.
//!
//! **JSON shape** (`--format json`), stable:
//!
//! ```json
//! {
//!   "old": { "origin": "path", "kind": "vendorMetadata|specFile|specDirectory", "operations": 95,
//!            "sections": ["descriptions", "endpoints", "errors", "examples", "groups", "responses"] },
//!   "new": { ... },
//!   "notes": [ "..." ],
//!   "summary": { "breaking": 9, "compatible": 40, "operationsAdded": 3, "operationsRemoved": 0,
//!                "operationsChanged": 20 },
//!   "operations": [
//!     { "operation": "CreateCustomImage", "status": "changed", "breaking": true,
//!       "changes": [ { "kind": "parameterRenamed", "severity": "breaking",
//!                      "path": "ResoureGroupId", "old": "ResoureGroupId", "new": "ResourceGroupId",
//!                      "message": "..." } ] }
//!   ]
//! }
//! ```
//!
//! `status` is `added`, `removed` or `changed`; `path` names the parameter, response field
//! (`response.Name`), error (`errors.Code`) or nested property (`Tag.N.Key`); `old`/`new` are
//! present when meaningful. Operations are sorted by name, changes in discovery order.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use serde_json::{json, Value};

use crate::spec::*;

/// Output format of the CLI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// Parts of a spec that a source may lack altogether.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Descriptions,
    Endpoints,
    Errors,
    Examples,
    Groups,
    Responses,
}

impl Section {
    pub fn name(self) -> &'static str {
        match self {
            Section::Descriptions => "descriptions",
            Section::Endpoints => "endpoints",
            Section::Errors => "errors",
            Section::Examples => "examples",
            Section::Groups => "groups",
            Section::Responses => "responses",
        }
    }

    fn what(self) -> &'static str {
        match self {
            Section::Descriptions => "descriptions (documentation changes)",
            Section::Endpoints => "an endpoints table (region changes)",
            Section::Errors => "error codes (error-table changes)",
            Section::Examples => "examples (example changes, JSON-string array inference)",
            Section::Groups => "operation groups (feature changes)",
            Section::Responses => "response schemas (response-field changes)",
        }
    }

    const ALL: [Section; 6] = [
        Section::Descriptions,
        Section::Endpoints,
        Section::Errors,
        Section::Examples,
        Section::Groups,
        Section::Responses,
    ];
}

/// One side of a comparison.
#[derive(Clone, Debug)]
pub struct SpecSet {
    /// The path as given.
    pub origin: String,
    /// `vendorMetadata`, `specFile` or `specDirectory`.
    pub kind: &'static str,
    pub operations: BTreeMap<String, OperationSpec>,
    pub endpoints: Vec<RegionEndpoint>,
    /// Sections present in at least one operation (or the endpoints table).
    pub sections: BTreeSet<Section>,
}

impl SpecSet {
    /// Builds a set from parsed specs.
    pub fn from_specs(
        origin: &str,
        kind: &'static str,
        specs: Vec<ServiceSpec>,
    ) -> Result<Self, String> {
        let mut operations = BTreeMap::new();
        let mut endpoints = Vec::new();
        for spec in specs {
            for e in spec.endpoints {
                if !endpoints
                    .iter()
                    .any(|x: &RegionEndpoint| x.region_id == e.region_id)
                {
                    endpoints.push(e);
                }
            }
            for op in spec.operations {
                let name = op.name.clone();
                if operations.insert(name.clone(), op).is_some() {
                    return Err(format!("{origin}: operation `{name}` is defined twice"));
                }
            }
        }
        let mut sections = BTreeSet::new();
        let any_field = |pred: &dyn Fn(&Field) -> bool| {
            operations.values().any(|op: &OperationSpec| {
                op.parameters
                    .iter()
                    .chain(&op.response)
                    .any(|f| field_any(f, pred))
            })
        };
        if operations.values().any(|op| !op.response.is_empty()) {
            sections.insert(Section::Responses);
        }
        if operations.values().any(|op| !op.errors.is_empty()) {
            sections.insert(Section::Errors);
        }
        if operations
            .values()
            .any(|op| !op.summary.is_empty() || !op.description.is_empty())
            || any_field(&|f| !f.description.is_empty())
        {
            sections.insert(Section::Descriptions);
        }
        if any_field(&|f| f.example.is_some()) {
            sections.insert(Section::Examples);
        }
        if operations.values().any(|op| op.group.is_some()) {
            sections.insert(Section::Groups);
        }
        if !endpoints.is_empty() {
            sections.insert(Section::Endpoints);
        }
        Ok(Self {
            origin: origin.to_owned(),
            kind,
            operations,
            endpoints,
            sections,
        })
    }
}

fn field_any(f: &Field, pred: &dyn Fn(&Field) -> bool) -> bool {
    pred(f)
        || match &f.ty {
            TypeSpec::Object { properties, .. } => properties.iter().any(|p| field_any(p, pred)),
            TypeSpec::Array { items, .. } => match items.as_ref() {
                TypeSpec::Object { properties, .. } => {
                    properties.iter().any(|p| field_any(p, pred))
                }
                _ => false,
            },
            TypeSpec::Scalar(_) => false,
        }
}

fn parse_all(origin: &str, docs: Vec<(String, String)>) -> Result<Vec<ServiceSpec>, String> {
    let mut specs = Vec::new();
    let mut errors = Vec::new();
    for (name, text) in docs {
        match crate::parse_spec(&name, &text) {
            Ok(spec) => specs.push(spec),
            Err(es) => errors.extend(es.iter().map(ToString::to_string)),
        }
    }
    if errors.is_empty() {
        Ok(specs)
    } else {
        Err(format!(
            "{origin}: not a valid spec:\n  {}",
            errors.join("\n  ")
        ))
    }
}

/// Loads one side: a spec file, a directory of spec files, or vendor metadata.
pub fn load(path: &Path) -> Result<SpecSet, String> {
    let origin = path.display().to_string();
    if path.is_dir() {
        let mut docs = Vec::new();
        let entries =
            std::fs::read_dir(path).map_err(|e| format!("{origin}: cannot read directory: {e}"))?;
        let mut paths: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        if paths.is_empty() {
            return Err(format!("{origin}: no *.json spec files in this directory"));
        }
        for p in paths {
            let text = std::fs::read_to_string(&p)
                .map_err(|e| format!("{}: cannot read: {e}", p.display()))?;
            docs.push((p.display().to_string(), text));
        }
        let specs = parse_all(&origin, docs)?;
        return SpecSet::from_specs(&origin, "specDirectory", specs);
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{origin}: cannot read: {e}"))?;
    load_text(&origin, &text)
}

/// Loads one side from text (spec or vendor metadata, detected by content).
pub fn load_text(origin: &str, text: &str) -> Result<SpecSet, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "{origin}: invalid JSON at line {}, column {}: {e}",
            e.line(),
            e.column()
        )
    })?;
    if crate::import::looks_like_vendor_metadata(&value) {
        let file_name = Path::new(origin)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| origin.to_owned());
        let options = crate::import::ImportOptions {
            date: crate::import::source_date(&file_name),
            source_file: file_name,
            overlays: BTreeMap::new(),
        };
        let imported =
            crate::import::import(text, &options).map_err(|e| format!("{origin}: {e}"))?;
        let docs = imported
            .files
            .iter()
            .map(|(name, doc)| (format!("{origin}#{name}"), doc.to_string()))
            .collect();
        let specs = parse_all(origin, docs)?;
        return SpecSet::from_specs(origin, "vendorMetadata", specs);
    }
    if value.get("specVersion").is_none() {
        return Err(format!(
            "{origin}: neither a spec (no `specVersion`) nor vendor metadata (no `apis`)"
        ));
    }
    let specs = parse_all(origin, vec![(origin.to_owned(), text.to_owned())])?;
    SpecSet::from_specs(origin, "specFile", specs)
}

/// Whether a change can break users of the generated crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Breaking,
    Compatible,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Breaking => "breaking",
            Severity::Compatible => "compatible",
        }
    }
}

/// One classified change.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Machine-readable kind, e.g. `parameterRenamed`, `rangeNarrowed`.
    pub kind: &'static str,
    pub severity: Severity,
    /// What changed: `Name`, `Tag.N.Key`, `response.Name`, `errors.Code`, or empty for the
    /// operation itself.
    pub path: String,
    pub old: Option<Value>,
    pub new: Option<Value>,
    pub message: String,
}

/// Changes of one operation.
#[derive(Clone, Debug, PartialEq)]
pub struct OperationChanges {
    pub operation: String,
    /// `added`, `removed` or `changed`.
    pub status: &'static str,
    pub changes: Vec<Change>,
}

impl OperationChanges {
    pub fn is_breaking(&self) -> bool {
        self.changes
            .iter()
            .any(|c| c.severity == Severity::Breaking)
    }
}

/// The whole report.
#[derive(Clone, Debug)]
pub struct Report {
    pub old: SideInfo,
    pub new: SideInfo,
    /// Sections one side lacks, and other caveats.
    pub notes: Vec<String>,
    pub operations: Vec<OperationChanges>,
}

/// What the report says about one side.
#[derive(Clone, Debug)]
pub struct SideInfo {
    pub origin: String,
    pub kind: &'static str,
    pub operations: usize,
    pub sections: BTreeSet<Section>,
}

impl Report {
    pub fn is_breaking(&self) -> bool {
        self.operations.iter().any(OperationChanges::is_breaking)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.operations
            .iter()
            .flat_map(|o| &o.changes)
            .filter(|c| c.severity == severity)
            .count()
    }

    fn status_count(&self, status: &str) -> usize {
        self.operations
            .iter()
            .filter(|o| o.status == status)
            .count()
    }

    /// The operation's changes, if it has any.
    pub fn operation(&self, name: &str) -> Option<&OperationChanges> {
        self.operations.iter().find(|o| o.operation == name)
    }

    /// One line: counts of operations and changes.
    pub fn summary_line(&self) -> String {
        format!(
            "summary: {} operation(s) added, {} removed, {} changed; {} breaking, {} compatible change(s) — {}",
            self.status_count("added"),
            self.status_count("removed"),
            self.status_count("changed"),
            self.count(Severity::Breaking),
            self.count(Severity::Compatible),
            if self.is_breaking() { "BREAKING" } else { "compatible" }
        )
    }

    /// Human-readable report grouped by operation, breaking changes first in each.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let side =
            |s: &SideInfo| format!("{} ({}, {} operation(s))", s.origin, s.kind, s.operations);
        let _ = writeln!(out, "old: {}\nnew: {}", side(&self.old), side(&self.new));
        for n in &self.notes {
            let _ = writeln!(out, "note: {n}");
        }
        for op in &self.operations {
            let _ = writeln!(
                out,
                "\n{} ({}{})",
                op.operation,
                op.status,
                if op.is_breaking() { ", breaking" } else { "" }
            );
            let mut changes: Vec<&Change> = op.changes.iter().collect();
            changes.sort_by_key(|c| c.severity);
            for c in changes {
                let _ = writeln!(out, "  {:<10}  {}", c.severity.name(), c.message);
            }
        }
        let _ = writeln!(out, "\n{}", self.summary_line());
        out
    }

    /// The documented JSON shape (see the module docs).
    pub fn to_json(&self) -> Value {
        let side = |s: &SideInfo| {
            json!({
                "origin": s.origin,
                "kind": s.kind,
                "operations": s.operations,
                "sections": s.sections.iter().map(|x| x.name()).collect::<Vec<_>>(),
            })
        };
        let operations: Vec<Value> = self
            .operations
            .iter()
            .map(|o| {
                let changes: Vec<Value> = o
                    .changes
                    .iter()
                    .map(|c| {
                        let mut v = json!({
                            "kind": c.kind,
                            "severity": c.severity.name(),
                            "path": c.path,
                            "message": c.message,
                        });
                        if let Some(old) = &c.old {
                            v["old"] = old.clone();
                        }
                        if let Some(new) = &c.new {
                            v["new"] = new.clone();
                        }
                        v
                    })
                    .collect();
                json!({
                    "operation": o.operation,
                    "status": o.status,
                    "breaking": o.is_breaking(),
                    "changes": changes,
                })
            })
            .collect();
        json!({
            "old": side(&self.old),
            "new": side(&self.new),
            "notes": self.notes,
            "summary": {
                "breaking": self.count(Severity::Breaking),
                "compatible": self.count(Severity::Compatible),
                "operationsAdded": self.status_count("added"),
                "operationsRemoved": self.status_count("removed"),
                "operationsChanged": self.status_count("changed"),
            },
            "operations": operations,
        })
    }
}

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
                }],
            }),
            (Some(a), Some(b)) => {
                let changes = diff_operation(a, b, common);
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

fn change(
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
        out.push(change(
            kind,
            severity,
            &path,
            None,
            Some(json!(x.ty.describe())),
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
        if let (Some(da), Some(db)) = (&a.default, &b.default) {
            if da != db {
                out.push(change(
                    "defaultChanged",
                    Severity::Compatible,
                    path,
                    Some(da.clone()),
                    Some(db.clone()),
                    format!("parameter `{path}` default {da} → {db}"),
                ));
            }
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

/// Whether bounds `(min, max)` (None = unbounded) narrowed / widened from `a` to `b`.
fn bounds(a: (Option<i128>, Option<i128>), b: (Option<i128>, Option<i128>)) -> (bool, bool) {
    let lo = |x: Option<i128>| x.unwrap_or(i128::MIN);
    let hi = |x: Option<i128>| x.unwrap_or(i128::MAX);
    let narrowed = lo(b.0) > lo(a.0) || hi(b.1) < hi(a.1);
    let widened = lo(b.0) < lo(a.0) || hi(b.1) > hi(a.1);
    (narrowed, widened)
}

fn show_bounds(min: Option<i128>, max: Option<i128>) -> String {
    match (min, max) {
        (None, None) => "unbounded".to_owned(),
        (min, max) => format!(
            "{}..={}",
            min.map_or(String::new(), |m| m.to_string()),
            max.map_or(String::new(), |m| m.to_string())
        ),
    }
}

fn diff_constraints(a: &[Constraint], b: &[Constraint], path: &str, out: &mut Vec<Change>) {
    type Bounds = (Option<i128>, Option<i128>);
    let find = |cs: &[Constraint], kind: &str| -> Option<Bounds> {
        cs.iter().find_map(|c| match (&c.kind, kind) {
            (ConstraintKind::Range { min, max }, "range") => {
                Some((min.map(i128::from), max.map(i128::from)))
            }
            (ConstraintKind::Length { min, max }, "length") => {
                Some((min.map(i128::from), max.map(i128::from)))
            }
            (ConstraintKind::MaxItems(n), "maxItems") => Some((None, Some(i128::from(*n)))),
            _ => None,
        })
    };
    for (kind, label) in [
        ("range", "range"),
        ("length", "length limit"),
        ("maxItems", "item limit"),
    ] {
        let unbounded = (None, None);
        let (x, y) = (find(a, kind), find(b, kind));
        if x.is_none() && y.is_none() {
            continue;
        }
        let (xa, yb) = (x.unwrap_or(unbounded), y.unwrap_or(unbounded));
        let (narrowed, widened) = bounds(xa, yb);
        let (k, severity, verb) = if narrowed {
            (
                if kind == "range" {
                    "rangeNarrowed"
                } else if kind == "length" {
                    "lengthNarrowed"
                } else {
                    "maxItemsNarrowed"
                },
                Severity::Breaking,
                if x.is_none() { "added" } else { "narrowed" },
            )
        } else if widened {
            (
                if kind == "range" {
                    "rangeWidened"
                } else if kind == "length" {
                    "lengthWidened"
                } else {
                    "maxItemsWidened"
                },
                Severity::Compatible,
                if y.is_none() { "removed" } else { "widened" },
            )
        } else {
            continue;
        };
        out.push(change(
            k,
            severity,
            path,
            Some(json!(show_bounds(xa.0, xa.1))),
            Some(json!(show_bounds(yb.0, yb.1))),
            format!(
                "parameter `{path}` {label} {verb}: {} → {}",
                show_bounds(xa.0, xa.1),
                show_bounds(yb.0, yb.1)
            ),
        ));
    }
    let one_of = |cs: &[Constraint]| {
        cs.iter().find_map(|c| match &c.kind {
            ConstraintKind::OneOf(v) => Some(v.clone()),
            _ => None,
        })
    };
    match (one_of(a), one_of(b)) {
        (None, None) => {}
        (Some(x), None) => out.push(change(
            "valuesWidened",
            Severity::Compatible,
            path,
            Some(json!(x)),
            None,
            format!("parameter `{path}` value set removed (any value now)"),
        )),
        (None, Some(y)) => out.push(change(
            "valuesNarrowed",
            Severity::Breaking,
            path,
            None,
            Some(json!(y)),
            format!(
                "parameter `{path}` value set added: {}",
                Value::Array(y.clone())
            ),
        )),
        (Some(x), Some(y)) => {
            let lost: Vec<&Value> = x.iter().filter(|v| !y.contains(v)).collect();
            let gained: Vec<&Value> = y.iter().filter(|v| !x.contains(v)).collect();
            if !lost.is_empty() {
                out.push(change(
                    "valuesNarrowed",
                    Severity::Breaking,
                    path,
                    Some(json!(x)),
                    Some(json!(y)),
                    format!(
                        "parameter `{path}` value set narrowed: no longer {}",
                        lost.iter()
                            .map(|v| v.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            } else if !gained.is_empty() {
                out.push(change(
                    "valuesWidened",
                    Severity::Compatible,
                    path,
                    Some(json!(x)),
                    Some(json!(y)),
                    format!(
                        "parameter `{path}` value set widened: now also {}",
                        gained
                            .iter()
                            .map(|v| v.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
    }
    let rule = |cs: &[Constraint], name: &str| -> Option<String> {
        cs.iter()
            .find(|c| c.kind.name() == name)
            .map(|c| match &c.kind {
                ConstraintKind::MultipleOf(m) => m.to_string(),
                ConstraintKind::RequiredWhen { parameter, equals } => {
                    format!("{parameter} = {equals}")
                }
                ConstraintKind::Charset(_) => "ascii".to_owned(),
                _ => String::new(),
            })
    };
    for name in ["multipleOf", "charset", "requiredWhen"] {
        match (rule(a, name), rule(b, name)) {
            (Some(x), Some(y)) if x != y => out.push(change(
                "ruleChanged",
                Severity::Breaking,
                path,
                Some(json!(x)),
                Some(json!(y)),
                format!("parameter `{path}` {name} rule changed: {x} → {y}"),
            )),
            (None, Some(y)) => out.push(change(
                "ruleAdded",
                Severity::Breaking,
                path,
                None,
                Some(json!(y)),
                format!("parameter `{path}` {name} rule added: {y}"),
            )),
            (Some(x), None) => out.push(change(
                "ruleRemoved",
                Severity::Compatible,
                path,
                Some(json!(x)),
                None,
                format!("parameter `{path}` {name} rule removed"),
            )),
            _ => {}
        }
    }
}
