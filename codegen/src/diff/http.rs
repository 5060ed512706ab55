//! Changes to an operation's HTTP binding (ROA): style, path template, response body kind and
//! response headers. Parameter locations are compared with the other parameter facts.

use serde_json::json;

use super::compare::change;
use super::{Change, Severity};
use crate::spec::OperationSpec;

/// The operation's HTTP binding: its style (RPC/ROA), its path template and the kind of its
/// response body. A client generated from the old spec sends to the old path, signs the old way
/// or reads the old body: each change is breaking on the wire. Response headers are compared
/// like response fields; both, like them, only when both sides have response schemas (a
/// request-side snapshot has none, and its default body kind says nothing).
pub(super) fn diff_http_binding(
    a: &OperationSpec,
    b: &OperationSpec,
    both_have_responses: bool,
    out: &mut Vec<Change>,
) {
    if a.style != b.style {
        out.push(change(
            "operationStyleChanged",
            Severity::Breaking,
            "",
            Some(json!(a.style.name())),
            Some(json!(b.style.name())),
            format!(
                "operation style changed from {} to {} (another request shape and signature)",
                a.style.name(),
                b.style.name()
            ),
        ));
    }
    if a.path != b.path {
        let shown = |p: &Option<String>| p.clone().unwrap_or_else(|| "/".to_owned());
        out.push(change(
            "pathChanged",
            Severity::Breaking,
            "",
            a.path.as_ref().map(|p| json!(p)),
            b.path.as_ref().map(|p| json!(p)),
            format!(
                "path template changed from `{}` to `{}`",
                shown(&a.path),
                shown(&b.path)
            ),
        ));
    }
    if !both_have_responses {
        return;
    }
    if a.response_body != b.response_body {
        out.push(change(
            "responseBodyChanged",
            Severity::Breaking,
            "response",
            Some(json!(a.response_body.name())),
            Some(json!(b.response_body.name())),
            format!(
                "response body changed from {} to {} (the output's body field changes type)",
                a.response_body.name(),
                b.response_body.name()
            ),
        ));
    }
    for header in &a.response_headers {
        if !b.response_headers.iter().any(|h| h.name == header.name) {
            out.push(change(
                "responseHeaderRemoved",
                Severity::Breaking,
                &format!("responseHeaders.{}", header.name),
                Some(json!(header.name)),
                None,
                format!(
                    "response header `{}` removed (its output field goes)",
                    header.name
                ),
            ));
        }
    }
    for header in &b.response_headers {
        if !a.response_headers.iter().any(|h| h.name == header.name) {
            out.push(change(
                "responseHeaderAdded",
                Severity::Compatible,
                &format!("responseHeaders.{}", header.name),
                None,
                Some(json!(header.name)),
                format!("response header `{}` added", header.name),
            ));
        }
    }
}
