//! Loading one side of a comparison: a spec file, a folder of specs, or vendor metadata.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use super::Section;
use crate::SpecError;

/// Why a side could not be loaded: every problem, each naming its file and JSON Pointer.
pub type LoadErrors = Vec<SpecError>;
use crate::spec::*;

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
    ) -> Result<Self, LoadErrors> {
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
                    return Err(vec![SpecError::new(
                        origin,
                        "",
                        format!("operation `{name}` is defined twice"),
                    )]);
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
        // A raw response (no published schema) is no response section.
        if operations
            .values()
            .any(|op| !op.response.is_empty() && !op.raw_response)
        {
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

fn parse_all(docs: Vec<(String, String)>) -> Result<Vec<ServiceSpec>, LoadErrors> {
    let mut specs = Vec::new();
    let mut errors = Vec::new();
    for (name, text) in docs {
        match crate::parse_spec(&name, &text) {
            Ok(spec) => specs.push(spec),
            Err(es) => errors.extend(es),
        }
    }
    if errors.is_empty() {
        Ok(specs)
    } else {
        Err(errors)
    }
}

fn one(file: &str, message: String) -> LoadErrors {
    vec![SpecError::new(file, "", message)]
}

/// Loads one side: a spec file, a directory of spec files, or vendor metadata.
pub fn load(path: &Path) -> Result<SpecSet, LoadErrors> {
    let origin = path.display().to_string();
    if path.is_dir() {
        let mut docs = Vec::new();
        let entries = std::fs::read_dir(path)
            .map_err(|e| one(&origin, format!("cannot read directory: {e}")))?;
        let mut paths: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        if paths.is_empty() {
            return Err(one(
                &origin,
                "no *.json spec files in this directory".to_owned(),
            ));
        }
        for p in paths {
            let text = std::fs::read_to_string(&p)
                .map_err(|e| one(&p.display().to_string(), format!("cannot read: {e}")))?;
            docs.push((p.display().to_string(), text));
        }
        let specs = parse_all(docs)?;
        return SpecSet::from_specs(&origin, "specDirectory", specs);
    }
    let text =
        std::fs::read_to_string(path).map_err(|e| one(&origin, format!("cannot read: {e}")))?;
    load_text(&origin, &text)
}

/// Loads one side from text (spec or vendor metadata, detected by content).
pub fn load_text(origin: &str, text: &str) -> Result<SpecSet, LoadErrors> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![SpecError {
            file: origin.to_owned(),
            pointer: String::new(),
            line_column: Some((e.line(), e.column())),
            message: format!("invalid JSON: {e}"),
        }]
    })?;
    if crate::import::looks_like_vendor_metadata(&value) {
        let file_name = Path::new(origin)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| origin.to_owned());
        let options = crate::import::ImportOptions {
            date: crate::import::source_date(&file_name),
            source_file: file_name,
            ..Default::default()
        };
        let imported = crate::import::import(text, &options).map_err(|mut e| {
            e.file = origin.to_owned();
            vec![e]
        })?;
        let docs = imported
            .files
            .iter()
            .map(|(name, doc)| (format!("{origin}#{name}"), doc.to_string()))
            .collect();
        let specs = parse_all(docs)?;
        return SpecSet::from_specs(origin, "vendorMetadata", specs);
    }
    if value.get("specVersion").is_none() {
        return Err(one(
            origin,
            "neither a spec (no `specVersion`) nor vendor metadata (no `apis`)".to_owned(),
        ));
    }
    let specs = parse_all(vec![(origin.to_owned(), text.to_owned())])?;
    SpecSet::from_specs(origin, "specFile", specs)
}
