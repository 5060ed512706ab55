//! The English texts a spec folder already carries: what a re-import without `--docs` keeps, so
//! that regenerating specs needs no network and no package cache (the specs carry the text once
//! imported). Each operation keeps the `sdkPackage` sources its spec records.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use super::{DocNode, DocsPackage, OperationDocs};
use crate::SpecError;

/// The operation specs of `dir` that record an `sdkPackage` source, as one package (named after
/// the folder) holding their English texts. A folder without any carries nothing.
pub fn from_specs(dir: &Path) -> Result<Vec<DocsPackage>, SpecError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('_'))
        })
        .collect();
    files.sort();
    let mut operations = BTreeMap::new();
    for path in files {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(&path)
            .map_err(|e| SpecError::new(&shown, "", format!("cannot read: {e}")))?;
        let doc = crate::diagnostics::parse_json(&shown, &text)?;
        let sources: Vec<Value> = doc
            .get("sources")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|s| s["kind"] == "sdkPackage")
            .cloned()
            .collect();
        if sources.is_empty() {
            continue;
        }
        for op in doc
            .get("operations")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(op_name) = op.get("name").and_then(Value::as_str) else {
                continue;
            };
            operations.insert(
                op_name.to_owned(),
                OperationDocs {
                    summary: en(op.get("summary")),
                    description: en(op.get("description")),
                    request: nodes(op.get("parameters")),
                    response: nodes(op.get("response")),
                    sources: sources.clone(),
                },
            );
        }
    }
    if operations.is_empty() {
        return Ok(Vec::new());
    }
    Ok(vec![DocsPackage {
        registry: "specs".to_owned(),
        name: format!("the English {} carries", dir.display()),
        version: String::new(),
        operations,
    }])
}

fn en(text: Option<&Value>) -> Option<String> {
    match text? {
        Value::String(s) => Some(s.clone()),
        other => other.get("en").and_then(Value::as_str).map(str::to_owned),
    }
}

fn nodes(fields: Option<&Value>) -> BTreeMap<String, DocNode> {
    let mut out = BTreeMap::new();
    for f in fields.and_then(Value::as_array).into_iter().flatten() {
        let Some(name) = f.get("name").and_then(Value::as_str) else {
            continue;
        };
        let children = f
            .get("properties")
            .or_else(|| f.get("items").and_then(|i| i.get("properties")));
        let node = DocNode {
            text: en(f.get("description")),
            children: nodes(children),
        };
        if node.text.is_some() || !node.children.is_empty() {
            out.insert(name.to_owned(), node);
        }
    }
    out
}
