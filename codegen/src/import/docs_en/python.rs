//! Reads the English texts out of an official Python SDK package (`alibabacloud-<product><version>`
//! on PyPI, for products with no TypeScript package): each model class documents its members
//! with `#` comments above `self.member = member` in `__init__`, names their nested classes in the
//! `__init__` annotations and their wire names in `to_map` (`result['Wire'] = self.member`). The
//! client's `…_with_options` methods name the action and the request and response classes; they
//! carry an operation's summary and remarks only in older packages (a docstring with `@summary`
//! and `@description`).

use std::collections::BTreeMap;

use super::typescript::{assemble, split_tags, Class, Method, REQUIRED_NOTE};
use super::OperationDocs;

/// Parses every source file of a package into operations.
pub fn read(sources: &[String]) -> BTreeMap<String, OperationDocs> {
    let mut classes = BTreeMap::new();
    let mut methods = Vec::new();
    for text in sources {
        parse_file(text, &mut classes, &mut methods);
    }
    assemble(&classes, methods)
}

/// Python's builtin and typing names, never a model class.
const NOT_MODELS: &[&str] = &["List", "Dict", "Any", "Optional", "BinaryIO", "Union"];

/// The model class an annotation names: `main_models.Foo`, `List[main_models.Foo]`, `List[Foo]`.
fn model_class(annotation: &str) -> Option<String> {
    annotation
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .rfind(|t| t.starts_with(|c: char| c.is_ascii_uppercase()) && !NOT_MODELS.contains(t))
        .map(str::to_owned)
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// A `#` comment's text: one space after `#` dropped, the generator's doubled backslashes undone.
fn comment_text(trimmed: &str) -> String {
    let t = trimmed.strip_prefix('#').unwrap_or(trimmed);
    let t = t.strip_prefix(' ').unwrap_or(t);
    t.trim_end().replace("\\\\", "\\")
}

fn parse_file(text: &str, classes: &mut BTreeMap<String, Class>, methods: &mut Vec<Method>) {
    let lines: Vec<&str> = text.lines().collect();
    let mut current: Option<(String, Class)> = None;
    let mut section = "";
    let mut comments: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let t = line.trim();
        if indent_of(line) == 0 && !t.is_empty() {
            if let Some((name, class)) = current.take() {
                classes.insert(name, class);
            }
            if let Some(rest) = t.strip_prefix("class ") {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if rest.contains("Model)") {
                    current = Some((name, Class::default()));
                }
            }
            section = "";
            i += 1;
            continue;
        }
        if let Some(def) = t.strip_prefix("def ") {
            section = def.split('(').next().unwrap_or_default();
            comments.clear();
            if current.is_none() {
                if let Some(base) = section.strip_suffix("_with_options") {
                    if let Some(m) = method_at(&lines, i, base) {
                        methods.push(m);
                    }
                }
            }
            i += 1;
            continue;
        }
        let Some((_, class)) = current.as_mut() else {
            i += 1;
            continue;
        };
        match section {
            "__init__" => {
                if t.starts_with('#') {
                    comments.push(comment_text(t));
                } else if let Some(member) = t
                    .strip_prefix("self.")
                    .and_then(|r| r.split_once(" = "))
                    .map(|(m, _)| m.to_owned())
                {
                    comments.retain(|l| l.trim() != REQUIRED_NOTE);
                    let (summary, remarks) = split_tags(&comments);
                    let text = match (summary, remarks) {
                        (Some(a), Some(b)) => Some(format!("{a}\n\n{b}")),
                        (a, b) => a.or(b),
                    };
                    if let Some(text) = text {
                        class.docs.insert(member, text);
                    }
                    comments.clear();
                } else if let Some((member, annotation)) = t.split_once(':') {
                    // A parameter of `__init__`: `tag: List[main_models.Tag] = None,`.
                    let member = member.trim();
                    if member
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_')
                    {
                        if let Some(c) = model_class(annotation.split('=').next().unwrap_or("")) {
                            class.types.insert(member.to_owned(), c);
                        }
                    }
                    comments.clear();
                } else {
                    comments.clear();
                }
            }
            "to_map" => {
                if let Some(member) = t
                    .strip_prefix("if self.")
                    .and_then(|r| r.strip_suffix(" is not None:"))
                {
                    let block = indent_of(line);
                    let wire = lines[i + 1..]
                        .iter()
                        .take_while(|l| l.trim().is_empty() || indent_of(l) > block)
                        .find_map(|l| {
                            let r = l.trim().strip_prefix("result['")?;
                            r.split_once("']").map(|(w, _)| w.to_owned())
                        });
                    if let Some(wire) = wire {
                        if !class.names.iter().any(|(m, _)| m == member) {
                            class.names.push((member.to_owned(), wire));
                        }
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    if let Some((name, class)) = current.take() {
        classes.insert(name, class);
    }
}

/// The operation whose `<base>_with_options` method starts at `lines[start]`.
fn method_at(lines: &[&str], start: usize, _base: &str) -> Option<Method> {
    let mut request = None;
    let mut response = None;
    let mut action = None;
    let mut doc: Vec<String> = Vec::new();
    let mut in_doc = false;
    for (n, l) in lines.iter().enumerate().skip(start).take(3000) {
        let t = l.trim();
        if n > start && (t.starts_with("def ") || t.starts_with("async def ")) {
            break;
        }
        if request.is_none() && (t.starts_with("request:") || t.starts_with("tmp_req:")) {
            request = model_class(t.split_once(':').map_or("", |x| x.1));
        }
        if response.is_none() {
            if let Some((_, ret)) = t.split_once(") -> ") {
                response = model_class(ret);
            } else if let Some(ret) = t.strip_prefix(") -> ") {
                response = model_class(ret);
            }
        }
        if t.starts_with("\"\"\"") {
            if in_doc || (t.len() > 3 && t.ends_with("\"\"\"")) {
                in_doc = false;
                continue;
            }
            in_doc = true;
            continue;
        }
        if in_doc {
            doc.push(t.replace("\\\\", "\\"));
            continue;
        }
        if let Some(rest) = t.strip_prefix("action") {
            // `action='X',` or `action = 'X',`
            if let Some(value) = rest.trim_start().strip_prefix('=') {
                let value = value.trim().trim_start_matches(['\'', '"']);
                action = value.split(['\'', '"']).next().map(str::to_owned);
            }
        }
    }
    let (summary, remarks) = split_tags(&doc);
    Some(Method {
        action: action?,
        request,
        response,
        summary,
        remarks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODELS: &str = r#"
class CreateLoadBalancerRequestTag(DaraModel):
    def __init__(
        self,
        key: str = None,
    ):
        # The tag key, \\* for any.
        self.key = key

    def to_map(self):
        result = dict()
        if self.key is not None:
            result['Key'] = self.key

        return result

class CreateLoadBalancerRequest(DaraModel):
    def __init__(
        self,
        region_id: str = None,
        tag: List[main_models.CreateLoadBalancerRequestTag] = None,
    ):
        # The region.
        # 
        # This parameter is required.
        self.region_id = region_id
        # The tags.
        self.tag = tag

    def to_map(self):
        result = dict()
        if self.region_id is not None:
            result['RegionId'] = self.region_id

        result['Tag'] = []
        if self.tag is not None:
            for k1 in self.tag:
                result['Tag'].append(k1.to_map() if k1 else None)

        return result

class CreateLoadBalancerResponseBody(DaraModel):
    def __init__(
        self,
        request_id: str = None,
    ):
        # The request ID.
        self.request_id = request_id

    def to_map(self):
        result = dict()
        if self.request_id is not None:
            result['RequestId'] = self.request_id
        return result

class CreateLoadBalancerResponse(DaraModel):
    def __init__(
        self,
        body: main_models.CreateLoadBalancerResponseBody = None,
    ):
        self.body = body
"#;

    const CLIENT: &str = r#"
class Client(OpenApiClient):
    def create_load_balancer_with_options(
        self,
        request: main_models.CreateLoadBalancerRequest,
        runtime: RuntimeOptions,
    ) -> main_models.CreateLoadBalancerResponse:
        """
        @summary Creates a CLB instance.
        @description You can create up to 60 instances.
        """
        params = open_api_util_models.Params(
            action = 'CreateLoadBalancer',
            version='2014-05-15',
        )
"#;

    #[test]
    fn reads_members_wire_names_nesting_and_operations() {
        let ops = read(&[MODELS.to_owned(), CLIENT.to_owned()]);
        let op = &ops["CreateLoadBalancer"];
        assert_eq!(op.summary.as_deref(), Some("Creates a CLB instance."));
        assert_eq!(
            op.description.as_deref(),
            Some("You can create up to 60 instances.")
        );
        assert_eq!(op.request["RegionId"].text.as_deref(), Some("The region."));
        assert_eq!(op.request["Tag"].text.as_deref(), Some("The tags."));
        assert_eq!(
            op.request["Tag"].children["Key"].text.as_deref(),
            Some("The tag key, \\* for any.")
        );
        assert_eq!(
            op.response["RequestId"].text.as_deref(),
            Some("The request ID.")
        );
    }
}
