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
        // A list whose English the wrapper rule gave (`attach::wrapper_text_onto_list`) is not
        // carried as the list's own: the rule gives it again, and as the list's own text it would
        // also reach the items' description (which a package's text for the list does, and the
        // rule does not), so the re-import would differ. Its sign: items described, not in English.
        let items_description = f.get("items").and_then(|i| i.get("description"));
        let from_wrapper = f.get("type").and_then(Value::as_str) == Some("array")
            && items_description.is_some_and(|d| en(Some(d)).is_none());
        let node = DocNode {
            text: en(f.get("description")).filter(|_| !from_wrapper),
            children: nodes(children),
        };
        if node.text.is_some() || !node.children.is_empty() {
            out.insert(name.to_owned(), node);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_list_text_the_wrapper_rule_gave_is_not_carried_as_the_lists_own() {
        let response = json!([{ "name": "Accounts", "type": "object",
            "description": { "en": "The accounts." },
            "properties": [
                // From the wrapper rule: items described, not in English.
                { "name": "Account", "type": "array", "description": { "en": "The accounts." },
                  "items": { "type": "object", "description": { "zh": "账号" },
                    "properties": [ { "name": "Name", "type": "string", "description": { "en": "The name." } } ] } },
                // A package's own text: it reached the items' description too.
                { "name": "Ids", "type": "array", "description": { "en": "The IDs." },
                  "items": { "type": "string", "description": { "en": "The IDs.", "zh": "ID" } } }
            ] }]);
        let got = nodes(Some(&response));
        let accounts = &got["Accounts"];
        assert_eq!(accounts.text.as_deref(), Some("The accounts."));
        assert_eq!(accounts.children["Account"].text, None);
        assert_eq!(
            accounts.children["Account"].children["Name"]
                .text
                .as_deref(),
            Some("The name.")
        );
        assert_eq!(accounts.children["Ids"].text.as_deref(), Some("The IDs."));
    }
}
