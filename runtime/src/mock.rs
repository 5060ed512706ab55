//! A [`Transport`] for users' tests: script typed outputs or errors per operation, then inspect
//! the requests the code under test sent. Modelled on `aws-smithy-mocks` (`mock!`,
//! `mock_client!`).
//!
//! ```ignore
//! use acs_runtime::{mock, mock_client};
//! let created = mock!(CreateInstances)
//!     .match_requests(|r| r.amount == Some(2))
//!     .then_output(|| CreateInstancesResponse::builder().instance_ids(["i-1", "i-2"]).build());
//! let sold_out = mock!(CreateInstances).then_error(|| "NotEnoughStock".parse().unwrap());
//! let (client, mock) = mock_client!([created, sold_out]);
//! // … run the code under test with `client` …
//! assert_eq!(mock.requests_for::<CreateInstances>().len(), 1);
//! ```
//!
//! The whole client path runs — validation, serialization, signing, retries, the deadline, error
//! mapping — only the network is replaced: outputs are serialized to JSON bodies and errors to
//! Alibaba error bodies, then read back exactly as a real answer would be.
//!
//! Outputs of generated operations are built (`XResponse::builder()`) and serialized with the
//! product crate's `test-util` feature (`acs-runtime/test-util`), which a client build leaves
//! off: enable it in `dev-dependencies`. Matching typed requests (`match_requests`,
//! `requests_for`) needs `server`, which includes it.

use std::collections::VecDeque;
use std::fmt;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use crate::client::request::Body;
use crate::client::{Client, HttpMethod, PreparedRequest};
use crate::credentials::Credentials;
use crate::error::ServiceError;
use crate::operation::{FromWire, Operation, Params, RequestParts, Style};
use crate::retry::RetryConfig;
use crate::transport::{HttpResponse, Transport, TransportError, TransportFuture};

/// Parameters added by signing, left out of [`RecordedRequest::params`].
const SIGNING_PARAMS: &[&str] = &[
    "Action",
    "Version",
    "Format",
    "AccessKeyId",
    "SecurityToken",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "Signature",
];

type Matcher = Box<dyn Fn(&RecordedRequest) -> bool + Send + Sync>;
type Responder = Arc<dyn Fn() -> Result<HttpResponse, TransportError> + Send + Sync>;

/// What one operation answers, in order; the last answer repeats.
pub struct Rule {
    action: &'static str,
    matcher: Matcher,
    answers: Mutex<VecDeque<Responder>>,
    calls: Arc<AtomicUsize>,
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("action", &self.action)
            .field("calls", &self.calls.load(Ordering::SeqCst))
            .finish_non_exhaustive()
    }
}

/// A rule for operation `O`; see [`TypedRule::match_params`], [`TypedRule::match_requests`] and
/// the `then_*` methods.
///
/// Scripting answers and matching raw wire parameters work with any operation; matching typed
/// requests ([`match_requests`](TypedRule::match_requests)) and
/// [`MockTransport::requests_for`] read requests back with [`FromWire`], which generated
/// product crates compile only with their `server` feature (enable it in `dev-dependencies`).
pub fn rule<O: Operation + 'static>() -> TypedRule<O> {
    TypedRule {
        rule: Rule {
            action: O::ACTION,
            matcher: Box::new(|_| true),
            answers: Mutex::new(VecDeque::new()),
            calls: Arc::new(AtomicUsize::new(0)),
        },
        op: PhantomData,
    }
}

/// A [`Rule`] while it is being scripted for operation `O`.
pub struct TypedRule<O> {
    rule: Rule,
    op: PhantomData<fn() -> O>,
}

impl<O> fmt::Debug for TypedRule<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.rule.fmt(f)
    }
}

impl<O> From<TypedRule<O>> for Rule {
    fn from(typed: TypedRule<O>) -> Self {
        typed.rule
    }
}

impl<O: FromWire + 'static> TypedRule<O> {
    /// Answers only requests for which `accept` holds (the request is read back from the wire;
    /// needs the product crate's `server` feature).
    pub fn match_requests(mut self, accept: impl Fn(&O) -> bool + Send + Sync + 'static) -> Self {
        self.rule.matcher = Box::new(move |recorded| {
            recorded
                .decode::<O>()
                .is_some_and(|request| accept(&request))
        });
        self
    }
}

impl<O: Operation + 'static> TypedRule<O> {
    /// Answers only requests whose wire parameters (query and form, signing parameters left
    /// out: [`RecordedRequest::params`]) satisfy `accept`.
    pub fn match_params(
        mut self,
        accept: impl Fn(&Params) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.rule.matcher = Box::new(move |recorded| accept(&recorded.params));
        self
    }

    /// Answers with this output (HTTP 200, the output as JSON).
    ///
    /// Generated outputs are built (`XResponse::builder()`) and serialized with the product
    /// crate's `test-util` feature (`acs-runtime/test-util`): enable it in `dev-dependencies`.
    pub fn then_output(self, output: impl Fn() -> O::Output + Send + Sync + 'static) -> Self
    where
        O::Output: serde::Serialize,
    {
        self.push(Rule::output_answer::<O>(output))
    }

    /// Answers with this service error: its HTTP status (400 when it has none) and an Alibaba
    /// error body with its code and message.
    pub fn then_error(self, error: impl Fn() -> O::Error + Send + Sync + 'static) -> Self {
        self.push(Rule::error_answer(error))
    }

    /// Answers with this raw HTTP response.
    pub fn then_http(self, response: impl Fn() -> HttpResponse + Send + Sync + 'static) -> Self {
        self.push(Arc::new(move || Ok(response())))
    }

    /// Answers with no response at all (a reset connection; `timeout` for a timeout).
    pub fn then_no_response(self, timeout: bool) -> Self {
        self.push(Arc::new(move || {
            Err(TransportError::no_response(
                "mock: no response".to_owned(),
                timeout,
            ))
        }))
    }

    /// A counter of this rule's answers that stays readable after the rule moved into a mock.
    pub fn calls(&self) -> CallCount {
        CallCount(Arc::clone(&self.rule.calls))
    }

    fn push(self, answer: Responder) -> Self {
        self.rule
            .answers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push_back(answer);
        self
    }
}

impl Rule {
    /// The answer `O::read_output` reads back as the output (`O::write_output`: a JSON body
    /// for RPC; for ROA the operation's body kind and response headers).
    fn output_answer<O: Operation>(
        output: impl Fn() -> O::Output + Send + Sync + 'static,
    ) -> Responder
    where
        O::Output: serde::Serialize,
    {
        Arc::new(move || {
            O::write_output(&output()).map_err(|e| {
                TransportError::no_response(
                    format!("the mock output does not serialize: {e}"),
                    false,
                )
            })
        })
    }

    fn error_answer<E: ServiceError>(error: impl Fn() -> E + Send + Sync + 'static) -> Responder {
        Arc::new(move || {
            let error = error();
            let meta = error.meta();
            let status = if meta.http_status == 0 {
                400
            } else {
                meta.http_status
            };
            let body = serde_json::json!({
                "RequestId": meta.request_id.clone().unwrap_or_else(|| "mock-request".to_owned()),
                "Code": meta.code,
                "Message": meta.message,
            });
            Ok(HttpResponse::json(status, body.to_string()))
        })
    }

    /// How many requests this rule answered.
    pub fn num_calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }

    fn answer(&self) -> Option<Result<HttpResponse, TransportError>> {
        let mut answers = self.answers.lock().unwrap_or_else(PoisonError::into_inner);
        let answer = if answers.len() > 1 {
            answers.pop_front()
        } else {
            answers.front().cloned()
        }?;
        drop(answers);
        self.calls.fetch_add(1, Ordering::SeqCst);
        Some(answer())
    }
}

/// How many requests a [`Rule`] answered.
#[derive(Clone, Debug)]
pub struct CallCount(Arc<AtomicUsize>);

impl CallCount {
    /// The count now.
    pub fn get(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

/// One request the mock received, whole: method, path, query, headers and body, with the
/// operation's own parameters picked out (signing parameters left out, secrets never kept).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The `Action`.
    pub action: String,
    /// The HTTP method.
    pub method: HttpMethod,
    /// The operation's parameters in wire form: the query's (signing parameters left out), then
    /// a form body's, in sending order. What [`decode`](Self::decode) and typed rules read.
    pub params: Params,
    /// The path, percent-encoded.
    pub path: String,
    /// The query as sent, decoded, with the values of `Signature`, `SecurityToken` and
    /// `OIDCToken` replaced by `<redacted>`.
    pub query: Params,
    /// Headers as [`PreparedRequest::headers`] shows them (secrets redacted).
    pub headers: Vec<(String, String)>,
    /// The body as sent; a stream is read into [`Body::Bytes`] (up to
    /// [`MAX_RESPONSE_BYTES`](crate::transport::MAX_RESPONSE_BYTES); the call fails past it).
    pub body: Body,
}

impl RecordedRequest {
    /// The request read back as `O`, when it was one (through [`FromWire::read_parts`]).
    pub fn decode<O: FromWire>(&self) -> Option<O> {
        if self.action != O::ACTION {
            return None;
        }
        O::read_parts(&self.parts_for(O::STYLE)?).ok()
    }

    /// The request's parts as an operation of `style` wrote them: for ROA, path parameters read
    /// back from the path by the template, and the operation's own headers (those the runtime
    /// and the HTTP stack set left out). `None` when the path does not fit the template.
    pub fn parts_for(&self, style: Style) -> Option<RequestParts> {
        let mut parts = RequestParts {
            query: self.params.clone(),
            body: self.body.clone(),
            ..RequestParts::default()
        };
        if let Style::Roa { path, .. } = style {
            parts.path = path_params(path, &self.path)?;
            parts.query = self.query.clone();
            for (name, value) in &self.headers {
                if !is_runtime_header(name) {
                    parts.headers.push(name.clone(), value);
                }
            }
        }
        Some(parts)
    }
}

/// Headers the runtime or the HTTP stack sets, not the operation.
fn is_runtime_header(name: &str) -> bool {
    [
        "host",
        "authorization",
        "content-type",
        "user-agent",
        "accept",
    ]
    .iter()
    .any(|h| name.eq_ignore_ascii_case(h))
        || name
            .get(..6)
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case("x-acs-"))
}

/// The values of `template`'s `{Name}` placeholders in `path`, percent-decoded; a placeholder
/// fills its whole segment or sits between a literal prefix and suffix in it.
fn path_params(template: &str, path: &str) -> Option<Params> {
    let mut params = Params::new();
    let (template_segments, path_segments) = (template.split('/'), path.split('/'));
    if template_segments.clone().count() != path_segments.clone().count() {
        return None;
    }
    for (pattern, segment) in template_segments.zip(path_segments) {
        match pattern.split_once('{') {
            None if pattern == segment => {}
            None => return None,
            Some((prefix, rest)) => {
                let (name, suffix) = rest.split_once('}')?;
                let value = segment.strip_prefix(prefix)?.strip_suffix(suffix)?;
                params.push(name.to_owned(), percent_decode(value)?);
            }
        }
    }
    Some(params)
}

/// Decodes `%XX` escapes; `None` for a malformed escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[derive(Default)]
struct State {
    rules: Vec<Rule>,
    requests: Mutex<Vec<RecordedRequest>>,
}

/// The mock transport; clones share rules and records.
#[derive(Clone, Default)]
pub struct MockTransport {
    state: Arc<State>,
}

impl fmt::Debug for MockTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockTransport")
            .field("rules", &self.state.rules)
            .finish_non_exhaustive()
    }
}

impl MockTransport {
    /// A mock answering with `rules`: for each request, the first rule (in this order) for its
    /// action whose matcher accepts it. A request no rule answers gets HTTP 400 with code
    /// `Mock.NoMatchingRule` (not retried).
    pub fn new<R: Into<Rule>>(rules: impl IntoIterator<Item = R>) -> Self {
        Self {
            state: Arc::new(State {
                rules: rules.into_iter().map(Into::into).collect(),
                requests: Mutex::new(Vec::new()),
            }),
        }
    }

    /// A client sending through this mock: endpoint `https://mock.invalid`, a dummy key pair,
    /// no retries (so each scripted answer is one call's answer); otherwise the defaults.
    /// Build your own with [`ClientBuilder::transport`](crate::ClientBuilder::transport) for
    /// other settings.
    pub fn client(&self) -> Client {
        Client::builder()
            .endpoint("https://mock.invalid")
            .credentials(Credentials::new("mock-access-key", "mock-secret"))
            .retry(RetryConfig::disabled())
            .transport(self.clone())
            .build()
            .expect("the mock client's settings are valid")
    }

    /// Every request received, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.state
            .requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The requests for `O`, read back as `O`.
    pub fn requests_for<O: FromWire>(&self) -> Vec<O> {
        self.requests().iter().filter_map(|r| r.decode()).collect()
    }

    /// Reads a prepared request into a record: from its parts, nothing parsed back.
    async fn record(request: &PreparedRequest) -> Result<RecordedRequest, TransportError> {
        let mut params = Params::new();
        let mut query = Params::new();
        for (name, value) in request.query() {
            query.push(name.to_owned(), value);
            if !SIGNING_PARAMS.contains(&name) {
                params.push(name.to_owned(), value);
            }
        }
        let body = match request.body() {
            Body::Stream(stream) => Body::Bytes {
                content_type: stream_content_type(request),
                bytes: read_stream(stream.open()).await?,
            },
            other => other.clone(),
        };
        if let Body::Form(form) = &body {
            for (name, value) in form.params().iter() {
                params.push(name.to_owned(), value);
            }
        }
        Ok(RecordedRequest {
            action: request.action().to_owned(),
            method: request.method(),
            params,
            path: request.path().to_owned(),
            query,
            headers: request
                .headers()
                .map(|(n, v)| (n.to_owned(), v.to_owned()))
                .collect(),
            body,
        })
    }

    fn answer(&self, recorded: &RecordedRequest) -> Result<HttpResponse, TransportError> {
        self.state
            .rules
            .iter()
            .filter(|rule| rule.action == recorded.action && (rule.matcher)(recorded))
            .find_map(Rule::answer)
            .unwrap_or_else(|| {
                let body = serde_json::json!({
                    "RequestId": "mock-request",
                    "Code": "Mock.NoMatchingRule",
                    "Message": format!("no mock rule answers this {} request", recorded.action),
                });
                Ok(HttpResponse::json(400, body.to_string()))
            })
    }
}

fn stream_content_type(request: &PreparedRequest) -> std::borrow::Cow<'static, str> {
    let content_type = request.body().content_type().unwrap_or_default();
    std::borrow::Cow::Owned(content_type.to_owned())
}

/// Reads a stream body whole, refusing more than [`MAX_RESPONSE_BYTES`](crate::transport::MAX_RESPONSE_BYTES).
async fn read_stream(
    mut stream: crate::client::request::ByteStream,
) -> Result<bytes::Bytes, TransportError> {
    use futures_util::StreamExt as _;
    let limit = crate::transport::MAX_RESPONSE_BYTES;
    let mut out = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| {
            TransportError::no_response(format!("mock: the request body stream failed: {e}"), false)
        })?;
        if out.len() + chunk.len() > limit {
            return Err(TransportError::no_response(
                format!("mock: the request body stream is longer than {limit} bytes"),
                false,
            ));
        }
        out.extend_from_slice(&chunk);
    }
    Ok(out.into())
}

impl Transport for MockTransport {
    fn send<'a>(&'a self, request: &'a PreparedRequest) -> TransportFuture<'a> {
        Box::pin(async move {
            let recorded = Self::record(request).await?;
            let answer = self.answer(&recorded);
            self.state
                .requests
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(recorded);
            answer
        })
    }
}

/// `mock!(Operation)`: a [`Rule`] for that operation.
#[macro_export]
macro_rules! mock {
    ($op:ty) => {
        $crate::mock::rule::<$op>()
    };
}

/// `mock_client!([rule, …])`: `(client, mock)`, a client sending through a [`MockTransport`]
/// with these rules (see [`MockTransport::client`]).
#[macro_export]
macro_rules! mock_client {
    ([$($rule:expr),* $(,)?]) => {{
        let rules: ::std::vec::Vec<$crate::mock::Rule> = ::std::vec![$(::core::convert::Into::into($rule)),*];
        let mock = $crate::mock::MockTransport::new(rules);
        (mock.client(), mock)
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_parameters_are_read_back_by_the_template() {
        let params = path_params(
            "/2023-03-30/functions/{functionName}/invocations",
            "/2023-03-30/functions/fn%2F1%20%E4%B8%AD/invocations",
        )
        .expect("fits");
        assert_eq!(params.get("functionName"), Some("fn/1 中"));
        let params = path_params("/a/{A}.json/b/{B}", "/a/x.json/b/y").expect("fits");
        assert_eq!(params.iter().collect::<Vec<_>>(), [("A", "x"), ("B", "y")]);
        assert!(path_params("/clusters/{Id}", "/clusters").is_none());
        assert!(path_params("/clusters/{Id}", "/nodes/c-1").is_none());
        assert!(path_params("/clusters/{Id}", "/clusters/%zz").is_none());
        assert!(path_params("/clusters", "/clusters").is_some_and(|p| p.is_empty()));
    }
}
