//! Reads the English texts out of an official TypeScript SDK package (`@alicloud/<product><version>`
//! on npm): the TypeScript sources under `src/` (`client.ts`, and `models/*.ts` in newer
//! packages) carry one JSDoc comment per operation method (summary, then `@remarks`) and one per
//! model member, and each model class names its members' wire names (`static names()`) and their
//! nested classes (`static types()`).

use std::collections::BTreeMap;

use super::{DocNode, OperationDocs};

/// One `export class X extends $dara.Model`: its members' docs, wire names and nested classes.
#[derive(Debug, Default)]
pub(super) struct Class {
    /// Member → doc text.
    pub(super) docs: BTreeMap<String, String>,
    /// Member → wire name, in declaration order.
    pub(super) names: Vec<(String, String)>,
    /// Member → nested model class.
    pub(super) types: BTreeMap<String, String>,
}

/// An operation method: its action, request and response classes and doc comment.
#[derive(Debug)]
pub(super) struct Method {
    pub(super) action: String,
    pub(super) request: Option<String>,
    pub(super) response: Option<String>,
    pub(super) summary: Option<String>,
    pub(super) remarks: Option<String>,
}

/// Parses every source file of a package into operations.
pub fn read(sources: &[String]) -> BTreeMap<String, OperationDocs> {
    let mut classes = BTreeMap::new();
    let mut methods = Vec::new();
    for text in sources {
        parse_file(text, &mut classes, &mut methods);
    }
    assemble(&classes, methods)
}

/// Operations from their methods and the model classes (what both package formats yield).
pub(super) fn assemble(
    classes: &BTreeMap<String, Class>,
    methods: Vec<Method>,
) -> BTreeMap<String, OperationDocs> {
    let mut out = BTreeMap::new();
    for m in methods {
        let request = m
            .request
            .as_deref()
            .map(|c| tree(classes, c, 0))
            .unwrap_or_default();
        // `XResponse` wraps the body: `body?: XResponseBody`.
        let response = m
            .response
            .as_deref()
            .and_then(|c| classes.get(c))
            .and_then(|c| c.types.get("body"))
            .map(|body| tree(classes, body, 0))
            .unwrap_or_default();
        out.insert(
            m.action.clone(),
            OperationDocs {
                summary: m.summary,
                description: m.remarks,
                request,
                response,
                sources: Vec::new(),
            },
        );
    }
    out
}

pub(super) const REQUIRED_NOTE: &str = "This parameter is required.";

/// Nested types deeper than this are a cycle or a generator bug; they are cut off.
const MAX_DEPTH: usize = 12;

fn tree(classes: &BTreeMap<String, Class>, name: &str, depth: usize) -> BTreeMap<String, DocNode> {
    let mut out: BTreeMap<String, DocNode> = BTreeMap::new();
    let Some(class) = classes.get(name) else {
        return out;
    };
    if depth > MAX_DEPTH {
        return out;
    }
    for (member, wire) in &class.names {
        let children = class
            .types
            .get(member)
            .map(|c| tree(classes, c, depth + 1))
            .unwrap_or_default();
        // Older packages flatten nested parameters: `SystemDisk.Size`, `DataDisk.1.Size`.
        let segments: Vec<&str> = wire
            .split('.')
            .filter(|s| !s.is_empty() && *s != "N" && !s.bytes().all(|b| b.is_ascii_digit()))
            .collect();
        let Some((last, parents)) = segments.split_last() else {
            continue;
        };
        let mut level = &mut out;
        for p in parents {
            level = &mut level.entry((*p).to_owned()).or_default().children;
        }
        let node = level.entry((*last).to_owned()).or_default();
        if let Some(doc) = class.docs.get(member) {
            node.text = Some(doc.clone());
        }
        for (k, v) in children {
            node.children.entry(k).or_insert(v);
        }
    }
    out
}

fn parse_file(text: &str, classes: &mut BTreeMap<String, Class>, methods: &mut Vec<Method>) {
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    let mut pending_doc: Option<Vec<String>> = None;
    let mut current: Option<(String, Class)> = None;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim();
        if trimmed.starts_with("/**") {
            let (doc, next) = comment(&lines, i);
            pending_doc = Some(doc);
            i = next;
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("export class ") {
            if let Some((name, class)) = current.take() {
                classes.insert(name, class);
            }
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if rest.contains("$dara.Model") || rest.contains("$tea.Model") {
                current = Some((name, Class::default()));
            }
            pending_doc = None;
            i += 1;
            continue;
        }
        if let Some((_, class)) = current.as_mut() {
            if trimmed.starts_with("static names()") {
                let (entries, next) = object_entries(&lines, i);
                class.names = entries
                    .into_iter()
                    .map(|(k, v)| (k, v.trim_matches(|c| c == '\'' || c == '"').to_owned()))
                    .collect();
                i = next;
                continue;
            }
            if trimmed.starts_with("static types()") {
                let (entries, next) = object_entries(&lines, i);
                for (member, ty) in entries {
                    if let Some(c) = model_class(&ty) {
                        class.types.insert(member, c);
                    }
                }
                i = next;
                continue;
            }
            if line == "}" {
                if let Some((name, class)) = current.take() {
                    classes.insert(name, class);
                }
                i += 1;
                continue;
            }
            if let Some(member) = member_name(trimmed) {
                if let Some(mut doc) = pending_doc.take() {
                    // The SDK generator's echo of the required flag, which the docs state anyway.
                    doc.retain(|l| l.trim() != REQUIRED_NOTE);
                    let (summary, remarks) = split_tags(&doc);
                    let text = join_nonempty(summary, remarks);
                    if let Some(text) = text {
                        class.docs.insert(member, text);
                    }
                }
                i += 1;
                continue;
            }
        } else if let Some(method) = trimmed.strip_prefix("async ") {
            if let Some((name, _)) = method.split_once('(') {
                if let Some(base) = name.strip_suffix("WithOptions") {
                    let doc = pending_doc.take().unwrap_or_default();
                    if let Some(m) = method_at(&lines, i, base, &doc) {
                        methods.push(m);
                    }
                }
            }
        }
        if !trimmed.is_empty() {
            pending_doc = None;
        }
        i += 1;
    }
    if let Some((name, class)) = current.take() {
        classes.insert(name, class);
    }
}

/// The doc comment starting at `lines[start]`, without its `*` margins; and the next line index.
fn comment(lines: &[&str], start: usize) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    let mut i = start;
    while i < lines.len() {
        let mut l = lines[i].trim_start();
        let last = l.contains("*/");
        if i == start {
            l = l.trim_start_matches("/**");
        }
        if last {
            l = l.split("*/").next().unwrap_or_default();
        }
        let l = l.strip_prefix('*').unwrap_or(l);
        let l = l.strip_prefix(' ').unwrap_or(l);
        // The generator doubles every backslash of the Markdown in comments.
        let l = l.replace("\\\\", "\\").replace("*\\/", "*/");
        if !((i == start || last) && l.trim().is_empty()) {
            out.push(l.trim_end().to_owned());
        }
        i += 1;
        if last {
            break;
        }
    }
    (out, i)
}

/// Splits a JSDoc comment into its leading text (or `@summary`) and its `@remarks` (or
/// `@description`); every other tag (`@example`, `@param`, `@returns`, `@deprecated`) ends a part.
pub(super) fn split_tags(doc: &[String]) -> (Option<String>, Option<String>) {
    #[derive(PartialEq)]
    enum Part {
        Summary,
        Remarks,
        Other,
    }
    let mut summary = Vec::new();
    let mut remarks = Vec::new();
    let mut part = Part::Summary;
    for line in doc {
        if let Some(tag) = line.trim_start().strip_prefix('@') {
            let (name, rest) = tag.split_once(' ').unwrap_or((tag, ""));
            part = match name {
                "summary" => Part::Summary,
                "remarks" | "description" => Part::Remarks,
                _ => Part::Other,
            };
            if !rest.trim().is_empty() {
                match part {
                    Part::Summary => summary.push(rest.to_owned()),
                    Part::Remarks => remarks.push(rest.to_owned()),
                    Part::Other => {}
                }
            }
            continue;
        }
        match part {
            Part::Summary => summary.push(line.clone()),
            Part::Remarks => remarks.push(line.clone()),
            Part::Other => {}
        }
    }
    (block(&summary), block(&remarks))
}

fn block(lines: &[String]) -> Option<String> {
    let mut kept: Vec<&str> = Vec::with_capacity(lines.len());
    for l in lines {
        if l.trim().is_empty() && kept.last().is_some_and(|k| k.trim().is_empty()) {
            continue;
        }
        kept.push(l);
    }
    let text = kept.join("\n");
    let text = text.trim_matches('\n').trim_end();
    (!text.trim().is_empty()).then(|| text.to_owned())
}

fn join_nonempty(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(format!("{a}\n\n{b}")),
        (a, b) => a.or(b),
    }
}

/// `  instanceId?: string;` → `instanceId`.
fn member_name(trimmed: &str) -> Option<String> {
    let name: String = trimmed
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$')
        .collect();
    let rest = &trimmed[name.len()..];
    (!name.is_empty() && (rest.starts_with("?:") || rest.starts_with(": ")) && rest.ends_with(';'))
        .then_some(name)
}

/// The `key: value,` entries of the object a `static names()`/`types()` method returns.
fn object_entries(lines: &[&str], start: usize) -> (Vec<(String, String)>, usize) {
    let mut out = Vec::new();
    let mut i = start + 1;
    while i < lines.len() {
        let t = lines[i].trim();
        i += 1;
        if t.starts_with("};") || t == "}" {
            break;
        }
        if t.starts_with("return") {
            continue;
        }
        if let Some((k, v)) = t.split_once(':') {
            let key = k.trim().trim_matches(|c| c == '\'' || c == '"');
            let value = v.trim().trim_end_matches(',').trim();
            out.push((key.to_owned(), value.to_owned()));
        }
    }
    // Skip to the method's closing brace.
    while i < lines.len() && lines[i].trim() != "}" {
        i += 1;
    }
    (out, i + 1)
}

/// The model class a `types()` value names: `Foo`, `{ 'type': 'array', 'itemType': Foo }`.
fn model_class(value: &str) -> Option<String> {
    let mut in_quote = false;
    let mut token = String::new();
    for c in value.chars().chain(std::iter::once(' ')) {
        if c == '\'' || c == '"' {
            in_quote = !in_quote;
            token.clear();
            continue;
        }
        if in_quote {
            continue;
        }
        if c.is_ascii_alphanumeric() || c == '_' || c == '$' || c == '.' {
            token.push(c);
        } else {
            let name = token.rsplit('.').next().unwrap_or_default();
            if name.starts_with(|c: char| c.is_ascii_uppercase()) && name != "Readable" {
                return Some(name.to_owned());
            }
            token.clear();
        }
    }
    None
}

/// The operation whose `<base>WithOptions` method starts at `lines[start]`.
fn method_at(lines: &[&str], start: usize, base: &str, doc: &[String]) -> Option<Method> {
    let sig = lines[start].trim();
    let (params, ret) = sig.split_once(')')?;
    // `(request: $_model.XRequest, runtime: …` or `(tmpReq: XRequest, …`; ROA methods take
    // their path parameters first (`(ClusterId: string, request: $_model.XRequest, …`).
    let request = params
        .split_once('(')?
        .1
        .split(',')
        .find_map(|p| p.split_once(':').and_then(|(_, ty)| model_class(ty.trim())));
    let response = ret
        .split_once("Promise<")
        .and_then(|(_, ty)| model_class(ty.trim_end_matches(['>', '{', ' '])));
    let mut action = None;
    for l in lines.iter().skip(start + 1).take(2000) {
        let t = l.trim();
        if t.starts_with("async ") {
            break;
        }
        if let Some(rest) = t.strip_prefix("action: \"") {
            action = rest.split('"').next().map(str::to_owned);
            break;
        }
    }
    let action = action.or_else(|| {
        let mut c = base.chars();
        c.next()
            .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
    })?;
    let (summary, remarks) = split_tags(doc);
    Some(Method {
        action,
        request,
        response,
        summary,
        remarks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
export class RunInstancesRequestSystemDisk extends $dara.Model {
  /**
   * @remarks
   * The size of the system disk.
   *
   * - Valid values: 20 to 2048.
   *   - Nested.
   * 
   * @example
   * 40
   */
  size?: string;
  static names(): { [key: string]: string } {
    return {
      size: 'Size',
    };
  }

  static types(): { [key: string]: any } {
    return {
      size: 'string',
    };
  }
}

export class RunInstancesRequest extends $dara.Model {
  systemDisk?: RunInstancesRequestSystemDisk;
  /**
   * @remarks
   * The data disks.
   */
  dataDisk?: RunInstancesRequestSystemDisk[];
  /**
   * @remarks
   * The region, \\* for all.
   *
   * This parameter is required.
   */
  regionId?: string;
  static names(): { [key: string]: string } {
    return {
      systemDisk: 'SystemDisk',
      dataDisk: 'DataDisk',
      regionId: 'RegionId',
    };
  }

  static types(): { [key: string]: any } {
    return {
      systemDisk: RunInstancesRequestSystemDisk,
      dataDisk: { 'type': 'array', 'itemType': RunInstancesRequestSystemDisk },
      regionId: 'string',
    };
  }
}

export class RunInstancesResponseBody extends $dara.Model {
  /**
   * @remarks
   * The request ID.
   */
  requestId?: string;
  static names(): { [key: string]: string } {
    return {
      requestId: 'RequestId',
    };
  }
}

export class RunInstancesResponse extends $dara.Model {
  body?: RunInstancesResponseBody;
  static names(): { [key: string]: string } {
    return {
      body: 'body',
    };
  }

  static types(): { [key: string]: any } {
    return {
      body: RunInstancesResponseBody,
    };
  }
}

export default class Client extends OpenApi {
  /**
   * Creates instances.
   * 
   * @remarks
   * ### Before you begin
   * - one
   *   - nested
   * 
   * @param request - RunInstancesRequest
   * @returns RunInstancesResponse
   */
  async runInstancesWithOptions(request: $_model.RunInstancesRequest, runtime: $dara.RuntimeOptions): Promise<$_model.RunInstancesResponse> {
    let params = new $OpenApiUtil.Params({
      action: "RunInstances",
    });
  }
}
"#;

    #[test]
    fn reads_operations_members_and_nesting() {
        let ops = read(&[SAMPLE.to_owned()]);
        let op = &ops["RunInstances"];
        assert_eq!(op.summary.as_deref(), Some("Creates instances."));
        assert_eq!(
            op.description.as_deref(),
            Some("### Before you begin\n- one\n  - nested")
        );
        assert_eq!(
            op.request["SystemDisk"].children["Size"].text.as_deref(),
            Some("The size of the system disk.\n\n- Valid values: 20 to 2048.\n  - Nested.")
        );
        assert_eq!(op.request["SystemDisk"].text, None);
        assert_eq!(
            op.request["DataDisk"].text.as_deref(),
            Some("The data disks.")
        );
        assert!(op.request["DataDisk"].children.contains_key("Size"));
        assert_eq!(
            op.request["RegionId"].text.as_deref(),
            Some("The region, \\* for all.")
        );
        assert_eq!(
            op.response["RequestId"].text.as_deref(),
            Some("The request ID.")
        );
    }
}

#[cfg(test)]
mod roa_tests {
    use super::read;

    /// ROA methods take their path parameters first; the request model is found after them.
    #[test]
    fn an_roa_method_finds_its_request_after_the_path_parameters() {
        let sample = r#"
export class AttachInstancesRequest extends $dara.Model {
  /**
   * @remarks
   * The CPU policy.
   */
  cpuPolicy?: string;
  static names(): { [key: string]: string } {
    return {
      cpuPolicy: 'cpu_policy',
    };
  }
}

export default class Client extends OpenApi {
  /**
   * Adds instances.
   */
  async attachInstancesWithOptions(ClusterId: string, request: $_model.AttachInstancesRequest, headers: {[key: string ]: string}, runtime: $dara.RuntimeOptions): Promise<$_model.AttachInstancesResponse> {
    let params = new $OpenApiUtil.Params({
      action: "AttachInstances",
    });
  }
}
"#;
        let ops = read(&[sample.to_owned()]);
        assert_eq!(
            ops["AttachInstances"].request["cpu_policy"].text.as_deref(),
            Some("The CPU policy.")
        );
    }
}
