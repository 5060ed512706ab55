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
//! | operation style (RPC/ROA) or path template changed; parameter location (`in`) or `format: binary` changed | breaking |
//! | response body kind changed; response header removed / added (with response schemas on both sides) | breaking; breaking / compatible |
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
//!
//! Layout: `load` reads either side, `compare` classifies changes (fields, rules, errors,
//! endpoints), `constraints` judges rule changes by the values they accept, `report` renders
//! text and JSON.

mod compare;
mod constraints;
mod http;
mod load;
mod report;

use std::collections::BTreeSet;

use serde_json::Value;

pub use compare::{diff, edit_distance};
pub use load::{load, load_text, LoadErrors, SpecSet};

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
    /// The fact is a curated one (recorded in the spec's `discrepancies`: an overlay or the
    /// reference page overrides the vendor metadata), so the difference is not an API change;
    /// it is listed, labelled, and not counted.
    pub curated: bool,
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
            .any(|c| c.severity == Severity::Breaking && !c.curated)
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
