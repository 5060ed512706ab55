//! Puts a package's English texts into an imported operation document (spec JSON), by wire name.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::{DocNode, DocsPackage};
use crate::import::{Imported, Report, SERVICE_FILE};

/// What [`attach`] did to one operation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attached {
    /// Texts attached (summary, remarks, parameters, fields).
    pub texts: usize,
    /// Per package id, the texts that matched nothing: `request DataDisk.Foo`, `response X.Y`.
    pub unmatched: BTreeMap<String, Vec<String>>,
}

/// Attaches every package's texts for operation `name` to `op`, where `op` has no English yet
/// (packages newest version first: the newest text wins; English an overlay put there wins over
/// every package), records each package that gave text in `sources`, and reports texts that match
/// nothing.
pub fn attach(
    packages: &[DocsPackage],
    name: &str,
    op: &mut Map<String, Value>,
    sources: &mut Vec<Value>,
    reports: &mut Vec<Report>,
) -> Attached {
    let mut out = Attached::default();
    for package in packages {
        let Some(docs) = package.operations.get(name) else {
            continue;
        };
        let mut texts = 0;
        for (key, text) in [
            ("summary", &docs.summary),
            ("description", &docs.description),
        ] {
            if let Some(text) = text {
                texts += usize::from(set_en(op, key, text));
            }
        }
        let mut unmatched = Vec::new();
        for (key, side, nodes) in [
            ("parameters", "request", &docs.request),
            ("response", "response", &docs.response),
        ] {
            let mut empty = Vec::new();
            let fields = match op.get_mut(key) {
                Some(Value::Array(fields)) => fields,
                _ => &mut empty,
            };
            texts += if key == "parameters" {
                match_request(fields, nodes, &mut unmatched)
            } else {
                match_fields(fields, nodes, &format!("{side} "), &mut unmatched)
            };
        }
        if texts > 0 && !docs.sources.is_empty() {
            sources.extend(docs.sources.iter().cloned());
        } else if texts > 0 {
            sources.push(json!({
                "kind": "sdkPackage",
                "title": format!("English API reference in Alibaba Cloud's SDK package {} {} ({})", package.name, package.version, package.registry),
                "url": package.url(),
                "file": package.id(),
                "sections": ["docs (en)"],
            }));
        }
        out.texts += texts;
        if !unmatched.is_empty() {
            let shown: Vec<&str> = unmatched.iter().take(12).map(String::as_str).collect();
            reports.push(Report {
                pointer: crate::diagnostics::pointer_join("/apis", name),
                name: name.to_owned(),
                message: format!(
                    "{} English text(s) of {} match no field of the metadata, not attached: {}{}",
                    unmatched.len(),
                    package.id(),
                    shown.join(", "),
                    if unmatched.len() > shown.len() {
                        ", …"
                    } else {
                        ""
                    }
                ),
            });
            out.unmatched.insert(package.id(), unmatched);
        }
    }
    if let Some(Value::Array(fields)) = op.get_mut("response") {
        out.texts += wrapper_text_onto_list(fields);
    }
    out
}

/// The XML-shaped responses wrap each list in an object with one array field (`Instances` →
/// `Instance[]`); the packages describe the wrapper ("The instances.") and the items' fields but
/// not the inner list field. The wrapper has nothing but that list, so its text describes the
/// same data: the list gets the wrapper's English where nothing (no package, no overlay) gave the
/// list its own. Runs after every package so that a real text for the list, from any version,
/// wins. The items keep their own description: it is part of what makes a nested type one shared
/// shape across operations, and each operation words its wrapper differently. Returns the texts
/// attached.
fn wrapper_text_onto_list(fields: &mut [Value]) -> usize {
    let mut texts = 0;
    for field in fields.iter_mut().filter_map(Value::as_object_mut) {
        let wrapper_en = field
            .get("description")
            .and_then(|d| d.get("en"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let children = match field.get_mut("properties") {
            Some(Value::Array(p)) => p,
            _ => match field.get_mut("items").and_then(|i| i.get_mut("properties")) {
                Some(Value::Array(p)) => p,
                _ => continue,
            },
        };
        if let (Some(text), [Value::Object(list)]) = (&wrapper_en, children.as_mut_slice()) {
            if list.get("type").and_then(Value::as_str) == Some("array")
                && set_en(list, "description", text)
            {
                texts += 1;
            }
        }
        texts += wrapper_text_onto_list(children);
    }
    texts
}

/// [`attach`] over every operation document of an import; adds the reports (texts and
/// operations that match nothing) to `imported.reports`. Returns the number of texts attached.
pub fn attach_all(packages: &[DocsPackage], imported: &mut Imported) -> usize {
    let mut total = 0;
    let mut reports = Vec::new();
    for (file, doc) in imported.files.iter_mut() {
        if file == SERVICE_FILE {
            continue;
        }
        let Some(doc) = doc.as_object_mut() else {
            continue;
        };
        let mut sources = match doc.remove("sources") {
            Some(Value::Array(s)) => s,
            _ => Vec::new(),
        };
        if let Some(Value::Object(op)) = doc.get_mut("operations").and_then(|o| o.get_mut(0)) {
            let name = op
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            total += attach(packages, &name, op, &mut sources, &mut reports).texts;
        }
        doc.insert("sources".into(), Value::Array(sources));
    }
    let names: Vec<String> = imported.operations().map(|(n, _)| n.to_owned()).collect();
    reports.extend(unmatched_operations(
        packages,
        names.iter().map(String::as_str),
    ));
    imported.reports.extend(reports);
    total
}

/// Operations a package documents that the metadata does not have: one report per package.
pub fn unmatched_operations<'a>(
    packages: &[DocsPackage],
    imported: impl Iterator<Item = &'a str> + Clone,
) -> Vec<Report> {
    let mut out = Vec::new();
    for package in packages {
        let missing: Vec<&str> = package
            .operations
            .keys()
            .map(String::as_str)
            .filter(|op| !imported.clone().any(|i| i == *op))
            .collect();
        if !missing.is_empty() {
            out.push(Report {
                pointer: String::new(),
                name: package.id(),
                message: format!(
                    "{} operation(s) documented by the package are not in the metadata, texts not attached: {}",
                    missing.len(),
                    missing.join(", ")
                ),
            });
        }
    }
    out
}

/// Sets `obj[key].en` unless English is there already (a curated overlay's, or a newer
/// package's); returns whether it did.
fn set_en(obj: &mut Map<String, Value>, key: &str, text: &str) -> bool {
    let entry = obj.entry(key.to_owned()).or_insert_with(|| json!({}));
    match entry {
        Value::Object(t) if !t.contains_key("en") => {
            t.insert("en".into(), json!(text));
            true
        }
        // A bare string is English already.
        _ => false,
    }
}

/// Matches `nodes` onto `fields` by wire name (exactly, else the one name equal ignoring case),
/// recursively into `properties` and `items.properties`. Returns the texts attached; pushes the
/// paths of texts that matched nothing.
fn match_fields(
    fields: &mut [Value],
    nodes: &BTreeMap<String, DocNode>,
    prefix: &str,
    unmatched: &mut Vec<String>,
) -> usize {
    let mut texts = 0;
    for (wire, node) in nodes {
        let name_of = |f: &Value| f.get("name").and_then(Value::as_str).map(str::to_owned);
        let index = fields
            .iter()
            .position(|f| name_of(f).as_deref() == Some(wire))
            .or_else(|| {
                let same: Vec<usize> = fields
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| name_of(f).is_some_and(|n| n.eq_ignore_ascii_case(wire)))
                    .map(|(i, _)| i)
                    .collect();
                (same.len() == 1).then(|| same[0])
            });
        let Some(index) = index else {
            collect_unmatched(node, &format!("{prefix}{wire}"), unmatched);
            continue;
        };
        let Some(field) = fields[index].as_object_mut() else {
            continue;
        };
        if let Some(text) = &node.text {
            if set_en(field, "description", text) {
                texts += 1;
                // A list's items carry their own description in the metadata (the item type's docs).
                if let Some(Value::Object(items)) = field.get_mut("items") {
                    if items.contains_key("description") {
                        set_en(items, "description", text);
                    }
                }
            }
        }
        if node.children.is_empty() {
            continue;
        }
        let child_prefix = format!("{prefix}{wire}.");
        let mut empty = Vec::new();
        let children = if field.contains_key("properties") {
            match field.get_mut("properties") {
                Some(Value::Array(p)) => p,
                _ => &mut empty,
            }
        } else {
            match field.get_mut("items").and_then(|i| i.get_mut("properties")) {
                Some(Value::Array(p)) => p,
                _ => &mut empty,
            }
        };
        texts += match_fields(children, &node.children, &child_prefix, unmatched);
    }
    texts
}

/// [`match_fields`] for request parameters. An ROA operation's JSON body is one parameter
/// (`in: body`) whose properties the packages document as the request's own fields
/// (`CreateClusterRequest.name` is `body.name` on the wire): texts no top-level parameter takes
/// are matched onto the body's properties.
fn match_request(
    fields: &mut [Value],
    nodes: &BTreeMap<String, DocNode>,
    unmatched: &mut Vec<String>,
) -> usize {
    let body = fields.iter().position(|f| {
        f.get("in").and_then(Value::as_str) == Some("body")
            && f.get("type").and_then(Value::as_str) == Some("object")
    });
    let Some(body) = body else {
        return match_fields(fields, nodes, "request ", unmatched);
    };
    let (top, rest): (BTreeMap<String, DocNode>, BTreeMap<String, DocNode>) = nodes
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .partition(|(wire, _)| {
            fields.iter().any(|f| {
                f.get("name")
                    .and_then(Value::as_str)
                    .is_some_and(|n| n.eq_ignore_ascii_case(wire))
            })
        });
    let mut texts = match_fields(fields, &top, "request ", unmatched);
    match fields[body].get_mut("properties") {
        Some(Value::Array(props)) => texts += match_fields(props, &rest, "request ", unmatched),
        _ => {
            for (wire, node) in &rest {
                collect_unmatched(node, &format!("request {wire}"), unmatched);
            }
        }
    }
    texts
}

fn collect_unmatched(node: &DocNode, path: &str, out: &mut Vec<String>) {
    if node.text.is_some() {
        out.push(path.to_owned());
    }
    for (k, child) in &node.children {
        collect_unmatched(child, &format!("{path}.{k}"), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::docs_en::OperationDocs;

    fn node(text: Option<&str>, children: &[(&str, DocNode)]) -> DocNode {
        DocNode {
            text: text.map(str::to_owned),
            children: children
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        }
    }

    #[test]
    fn an_roa_body_takes_the_texts_of_the_request_fields_no_parameter_takes() {
        let mut fields = vec![
            json!({ "name": "ClusterId", "in": "path", "type": "string" }),
            json!({ "name": "body", "in": "body", "type": "object", "properties": [
                { "name": "cluster_name", "type": "string" } ] }),
        ];
        let nodes: BTreeMap<String, DocNode> = [
            ("clusterid".to_owned(), node(Some("The cluster."), &[])),
            ("cluster_name".to_owned(), node(Some("The name."), &[])),
            ("gone".to_owned(), node(Some("x"), &[])),
        ]
        .into_iter()
        .collect();
        let mut unmatched = Vec::new();
        assert_eq!(match_request(&mut fields, &nodes, &mut unmatched), 2);
        assert_eq!(fields[0]["description"]["en"], "The cluster.");
        assert_eq!(fields[1]["properties"][0]["description"]["en"], "The name.");
        assert_eq!(unmatched, ["request gone"]);
    }

    #[test]
    fn attaches_by_wire_name_and_nesting_and_reports_the_rest() {
        let size = node(Some("The size."), &[]);
        let mut ops = BTreeMap::new();
        ops.insert(
            "RunInstances".to_owned(),
            OperationDocs {
                summary: Some("Creates instances.".into()),
                description: None,
                request: [
                    (
                        "DataDisk".to_owned(),
                        node(Some("Data disks."), &[("Size", size.clone())]),
                    ),
                    (
                        "SystemDisk".to_owned(),
                        node(None, &[("Size", size), ("Nope", node(Some("x"), &[]))]),
                    ),
                    ("Gone".to_owned(), node(Some("y"), &[])),
                ]
                .into_iter()
                .collect(),
                response: [(
                    "Instances".to_owned(),
                    node(
                        None,
                        &[(
                            "Instance",
                            node(Some("One."), &[("Cpu", node(Some("vCPUs."), &[]))]),
                        )],
                    ),
                )]
                .into_iter()
                .collect(),
                sources: Vec::new(),
            },
        );
        let package = DocsPackage {
            registry: "npm".into(),
            name: "@alicloud/ecs20140526".into(),
            version: "7.11.6".into(),
            operations: ops,
        };
        let mut op = json!({
            "name": "RunInstances",
            "summary": { "zh": "创建" },
            "parameters": [
                { "name": "DataDisk", "type": "array", "items": { "type": "object", "description": { "zh": "盘" },
                  "properties": [ { "name": "Size", "type": "int32" } ] } },
                { "name": "SystemDisk", "type": "object", "properties": [ { "name": "size", "type": "int32" } ] }
            ],
            "response": [ { "name": "Instances", "type": "object", "properties": [
                { "name": "Instance", "type": "array", "items": { "type": "object", "properties": [ { "name": "Cpu", "type": "int32" } ] } }
            ] } ]
        });
        let op = op.as_object_mut().unwrap();
        let mut sources = Vec::new();
        let mut reports = Vec::new();
        let got = attach(&[package], "RunInstances", op, &mut sources, &mut reports);
        assert_eq!(got.texts, 6);
        assert_eq!(
            op["summary"],
            json!({ "zh": "创建", "en": "Creates instances." })
        );
        assert_eq!(op["parameters"][0]["description"]["en"], "Data disks.");
        assert_eq!(
            op["parameters"][0]["items"]["description"]["en"],
            "Data disks."
        );
        assert_eq!(
            op["parameters"][0]["items"]["properties"][0]["description"]["en"],
            "The size."
        );
        assert_eq!(
            op["parameters"][1]["properties"][0]["description"]["en"],
            "The size."
        );
        assert_eq!(
            op["response"][0]["properties"][0]["items"]["properties"][0]["description"]["en"],
            "vCPUs."
        );
        assert_eq!(
            got.unmatched["@alicloud/ecs20140526@7.11.6"],
            vec![
                "request Gone".to_owned(),
                "request SystemDisk.Nope".to_owned()
            ]
        );
        assert_eq!(reports.len(), 1);
        assert!(reports[0]
            .message
            .starts_with("2 English text(s) of @alicloud/ecs20140526@7.11.6"));
        assert_eq!(sources[0]["file"], "@alicloud/ecs20140526@7.11.6");
    }

    fn package(version: &str, response: BTreeMap<String, DocNode>) -> DocsPackage {
        let mut ops = BTreeMap::new();
        ops.insert(
            "DescribeAccounts".to_owned(),
            OperationDocs {
                summary: None,
                description: None,
                request: BTreeMap::new(),
                response,
                sources: Vec::new(),
            },
        );
        DocsPackage {
            registry: "pypi".into(),
            name: "alibabacloud-dds20151201".into(),
            version: version.into(),
            operations: ops,
        }
    }

    fn accounts_response() -> Value {
        json!({ "name": "DescribeAccounts", "response": [
            { "name": "Accounts", "type": "object", "properties": [
                { "name": "Account", "type": "array", "items": { "type": "object",
                  "description": { "zh": "账号" },
                  "properties": [ { "name": "AccountName", "type": "string" } ] } }
            ] },
            { "name": "Pair", "type": "object", "properties": [
                { "name": "A", "type": "array", "items": { "type": "string" } },
                { "name": "B", "type": "array", "items": { "type": "string" } }
            ] }
        ] })
    }

    #[test]
    fn a_wrappers_text_documents_its_single_list_unless_some_package_documents_the_list() {
        let wrapper = |list: Option<&str>| -> BTreeMap<String, DocNode> {
            let account_node = node(list, &[("AccountName", node(Some("The name."), &[]))]);
            [
                (
                    "Accounts".to_owned(),
                    node(Some("The accounts."), &[("Account", account_node)]),
                ),
                ("Pair".to_owned(), node(Some("Two lists."), &[])),
            ]
            .into_iter()
            .collect()
        };
        // Only the wrapper and the items' fields documented (the packages' usual shape).
        let mut op = accounts_response();
        let op = op.as_object_mut().unwrap();
        let got = attach(
            &[package("9.0.0", wrapper(None))],
            "DescribeAccounts",
            op,
            &mut Vec::new(),
            &mut Vec::new(),
        );
        let list = &op["response"][0]["properties"][0];
        assert_eq!(list["description"]["en"], "The accounts.");
        assert_eq!(list["items"]["description"], json!({ "zh": "账号" }));
        assert_eq!(
            list["items"]["properties"][0]["description"]["en"],
            "The name."
        );
        // Two lists in one object: the wrapper's text is not theirs.
        assert!(op["response"][1]["properties"][0]["description"].is_null());
        assert_eq!(got.texts, 4);

        // An older package's own text for the list wins over the newer wrapper's text.
        let mut op = accounts_response();
        let op = op.as_object_mut().unwrap();
        attach(
            &[
                package("9.0.0", wrapper(None)),
                package("6.0.0", wrapper(Some("One account."))),
            ],
            "DescribeAccounts",
            op,
            &mut Vec::new(),
            &mut Vec::new(),
        );
        assert_eq!(
            op["response"][0]["properties"][0]["description"]["en"],
            "One account."
        );
    }
}
