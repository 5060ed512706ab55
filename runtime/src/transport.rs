//! The seam between the client and the network: a [`Transport`] takes a signed
//! [`PreparedRequest`] and returns the HTTP answer. The default is [`ReqwestTransport`]; tests put
//! a [`mock::MockTransport`](crate::mock::MockTransport) (or their own) in its place with
//! [`ClientBuilder::transport`](crate::client::ClientBuilder::transport).
//!
//! An [`Interceptor`] sees every attempt: it can add headers before sending and observe what came
//! back ([`ClientBuilder::interceptor`](crate::client::ClientBuilder::interceptor)).

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderMap;

use crate::client::request::Body;
use crate::client::{HttpMethod, PreparedRequest};
pub use crate::transport_cause::TransportCause;
use crate::wait_limit::{LimitPassed, WaitLimit};

/// Response bodies larger than this are not read: the call fails with
/// [`Error::UnexpectedResponse`](crate::Error::UnexpectedResponse).
pub const MAX_RESPONSE_BYTES: usize = 8 * 1024 * 1024;

/// An HTTP answer.
#[derive(Clone, Debug, Default)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The response headers.
    pub headers: HeaderMap,
    /// The whole body.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// A response with this status and body and `content-type: application/json`.
    pub fn json(status: u16, body: impl Into<Vec<u8>>) -> Self {
        let mut headers = HeaderMap::new();
        headers.insert(
            reqwest::header::CONTENT_TYPE,
            reqwest::header::HeaderValue::from_static("application/json;charset=utf-8"),
        );
        Self {
            status,
            headers,
            body: body.into(),
        }
    }

    /// The value of header `name`, when present and visible ASCII.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// [`header`](Self::header) for a name already parsed (a constant): no parse per lookup.
    pub(crate) fn named_header(&self, name: &reqwest::header::HeaderName) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// Why no (complete) answer came.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TransportError {
    /// No response: connection refused or reset, TLS, protocol, or a timeout.
    NoResponse {
        /// What happened, without the URL.
        message: String,
        /// Whether a timeout ended it.
        timeout: bool,
        /// What the network stack said, link by link and redacted; `None` when the transport
        /// has no underlying error to give (a mock). Boxed: it is rare, and errors stay small.
        cause: Option<Box<TransportCause>>,
    },
    /// The body was larger than [`MAX_RESPONSE_BYTES`].
    BodyTooLarge {
        /// The status of the response.
        status: u16,
        /// `x-acs-request-id`, when sent.
        request_id: Option<String>,
        /// The first bytes of the body.
        prefix: Vec<u8>,
    },
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransportError::NoResponse { message, .. } => f.write_str(message),
            TransportError::BodyTooLarge { status, .. } => write!(
                f,
                "HTTP {status}: the response body is larger than {MAX_RESPONSE_BYTES} bytes"
            ),
        }
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TransportError::NoResponse {
                cause: Some(cause), ..
            } => Some(&**cause),
            _ => None,
        }
    }
}

impl TransportError {
    /// No response, for `message` (already free of secrets), with no underlying error.
    pub fn no_response(message: impl Into<String>, timeout: bool) -> Self {
        TransportError::NoResponse {
            message: message.into(),
            timeout,
            cause: None,
        }
    }
}

/// The future a [`Transport`] returns.
pub type TransportFuture<'a> =
    Pin<Box<dyn Future<Output = Result<HttpResponse, TransportError>> + Send + 'a>>;

/// The future of [`Transport::send_before`]: `None` when the deadline passed first.
pub type DeadlineFuture<'a> =
    Pin<Box<dyn Future<Output = Option<Result<HttpResponse, TransportError>>> + Send + 'a>>;

/// Sends one signed request and reads the whole answer. The client bounds the call with its
/// overall deadline, so an implementation need not.
pub trait Transport: Send + Sync + fmt::Debug + 'static {
    /// Sends `request`: [`PreparedRequest::expose_url`] (or the parts in
    /// [`PreparedRequest::expose_request`]), [`PreparedRequest::expose_headers`] and
    /// [`PreparedRequest::body`] are the exact request.
    fn send<'a>(&'a self, request: &'a PreparedRequest) -> TransportFuture<'a>;

    /// [`send`](Self::send), given up when `deadline` (the operation's) passes: `None` then.
    /// The client calls this for every attempt under a deadline. The default runs `send`
    /// under a timer; a transport with timers of its own can share one with the deadline.
    fn send_before<'a>(
        &'a self,
        request: &'a PreparedRequest,
        deadline: std::time::Instant,
    ) -> DeadlineFuture<'a> {
        let deadline = tokio::time::Instant::from_std(deadline);
        Box::pin(async move {
            tokio::time::timeout_at(deadline, self.send(request))
                .await
                .ok()
        })
    }
}

/// Sees each attempt of each call, in the order added.
pub trait Interceptor: Send + Sync + 'static {
    /// Called with the signed request just before it is handed to the transport: add headers
    /// ([`PreparedRequest::insert_header`]), record it.
    fn before_send(&self, request: &mut PreparedRequest) {
        let _ = request;
    }

    /// Called with what the attempt got back.
    fn after_attempt(
        &self,
        request: &PreparedRequest,
        response: Result<&HttpResponse, &TransportError>,
    ) {
        let _ = (request, response);
    }
}

/// An [`Interceptor`] from a closure run before each attempt is sent.
pub(crate) struct BeforeSend<F>(pub F);

impl<F: Fn(&mut PreparedRequest) + Send + Sync + 'static> Interceptor for BeforeSend<F> {
    fn before_send(&self, request: &mut PreparedRequest) {
        (self.0)(request)
    }
}

pub(crate) type Interceptors = Vec<Arc<dyn Interceptor>>;

/// The default transport: a `reqwest` connection pool (rustls, no redirects).
#[derive(Clone, Debug)]
pub struct ReqwestTransport {
    http: reqwest::Client,
    read_timeout: Option<Duration>,
}

impl ReqwestTransport {
    /// Wraps a configured `reqwest` client.
    pub fn new(http: reqwest::Client) -> Self {
        Self {
            http,
            read_timeout: None,
        }
    }

    /// Also gives up when no data comes for `timeout`: while connecting and waiting for the
    /// response headers, then for each piece of the body (what the client builder's
    /// `read_timeout` sets). Unlike reqwest's `read_timeout`, which arms a timer per read, an
    /// attempt keeps one timer, shared with the operation's deadline, and a read that is
    /// ready at once arms none.
    pub fn with_read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = Some(timeout);
        self
    }

    /// One exchange under the read timeout and `deadline`: `Err` when the deadline passed.
    async fn exchange(
        &self,
        prepared: &PreparedRequest,
        deadline: Option<tokio::time::Instant>,
    ) -> Result<Result<HttpResponse, TransportError>, DeadlinePassed> {
        let timer = std::pin::pin!(None);
        let mut limit = WaitLimit::new(self.read_timeout, deadline, timer);
        let request = self.request(prepared);
        let mut response = match limit.wait(request.send()).await {
            Ok(response) => match response {
                Ok(response) => response,
                Err(error) => return Ok(Err(no_response(error))),
            },
            Err(passed) => return passed_error(passed),
        };
        let status = response.status().as_u16();
        let headers = std::mem::take(response.headers_mut());
        let body = match read_body(response, &mut limit).await {
            Ok(body) => body,
            Err(BodyError::Transport(e)) => return Ok(Err(no_response(e))),
            Err(BodyError::Limit(passed)) => return passed_error(passed),
            Err(BodyError::TooLarge(prefix)) => {
                return Ok(Err(TransportError::BodyTooLarge {
                    status,
                    request_id: headers
                        .get("x-acs-request-id")
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned),
                    prefix,
                }))
            }
        };
        Ok(Ok(HttpResponse {
            status,
            headers,
            body,
        }))
    }

    /// The reqwest request of `prepared`, headers and body as it says.
    fn request(&self, prepared: &PreparedRequest) -> reqwest::RequestBuilder {
        let method = match prepared.method() {
            HttpMethod::Post => reqwest::Method::POST,
            HttpMethod::Get => reqwest::Method::GET,
            HttpMethod::Put => reqwest::Method::PUT,
            HttpMethod::Delete => reqwest::Method::DELETE,
            HttpMethod::Patch => reqwest::Method::PATCH,
            HttpMethod::Head => reqwest::Method::HEAD,
        };
        let mut request = self.http.request(method, prepared.expose_url());
        // The headers of `expose_headers`, in its order; the client's fixed ones already
        // parsed. The HTTP stack derives `host` from the URL (same value); HTTP/2 sends it
        // as `:authority`.
        let add_fixed = |mut request: reqwest::RequestBuilder| {
            for (name, value) in &prepared.fixed.parsed {
                if name != reqwest::header::HOST {
                    request = request.header(name.clone(), value.clone());
                }
            }
            request
        };
        if prepared.fixed_first {
            request = add_fixed(request);
        }
        for (name, value) in &prepared.request.headers {
            if name != "host" {
                request = request.header(name.as_ref(), value.as_str());
            }
        }
        if !prepared.fixed_first {
            request = add_fixed(request);
        }
        request = match prepared.body() {
            // Like the official SDK, say `Content-Length: 0` explicitly for an empty body
            // (the HTTP stack omits it), which some servers and proxies require on POST.
            Body::Empty if prepared.method().allows_body() => request
                .header(reqwest::header::CONTENT_LENGTH, 0)
                .body(Vec::new()),
            Body::Empty => request,
            Body::Form(form) => request.body(form.encoded_bytes()),
            Body::Bytes { bytes, .. } => request.body(bytes.clone()),
            Body::Stream(stream) => {
                if let Some(length) = stream.length() {
                    request = request.header(reqwest::header::CONTENT_LENGTH, length);
                }
                request.body(reqwest::Body::wrap(StreamingBody(std::sync::Mutex::new(
                    stream.open(),
                ))))
            }
        };
        request
    }
}

/// The operation's deadline passed during an exchange.
struct DeadlinePassed;

/// What a passed limit makes of an exchange: a read timeout is the attempt's failure (the
/// client may retry it), a passed deadline the end of the call.
fn passed_error(
    passed: LimitPassed,
) -> Result<Result<HttpResponse, TransportError>, DeadlinePassed> {
    match passed {
        LimitPassed::Deadline => Err(DeadlinePassed),
        LimitPassed::ReadTimeout(timeout) => Ok(Err(TransportError::no_response(
            format!(
                "no data from the server within the read timeout ({} ms)",
                timeout.as_millis()
            ),
            true,
        ))),
    }
}

impl Transport for ReqwestTransport {
    fn send<'a>(&'a self, prepared: &'a PreparedRequest) -> TransportFuture<'a> {
        Box::pin(async move {
            // Without a deadline only the read timeout ends a wait; should that ever change,
            // a passed deadline is still a timeout.
            self.exchange(prepared, None)
                .await
                .unwrap_or_else(|DeadlinePassed| {
                    Err(TransportError::no_response("the deadline passed", true))
                })
        })
    }

    fn send_before<'a>(
        &'a self,
        prepared: &'a PreparedRequest,
        deadline: std::time::Instant,
    ) -> DeadlineFuture<'a> {
        let deadline = tokio::time::Instant::from_std(deadline);
        Box::pin(async move { self.exchange(prepared, Some(deadline)).await.ok() })
    }
}

/// A [`ByteStream`](crate::client::request::ByteStream) as an HTTP body. The mutex only makes
/// it `Sync` (the HTTP stack asks for it); polling takes it through `&mut`, never locking.
struct StreamingBody(std::sync::Mutex<crate::client::request::ByteStream>);

impl http_body::Body for StreamingBody {
    type Data = bytes::Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        let stream = self
            .get_mut()
            .0
            .get_mut()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        stream
            .as_mut()
            .poll_next(cx)
            .map(|chunk| chunk.map(|chunk| chunk.map(http_body::Frame::data)))
    }
}

fn no_response(error: reqwest::Error) -> TransportError {
    let timeout = error.is_timeout();
    let cause = TransportCause::from_reqwest(error);
    TransportError::NoResponse {
        message: chain_text(&cause),
        timeout,
        cause: Some(Box::new(cause)),
    }
}

/// The texts of a cause chain joined with `: `, each link left out when the text before it
/// already says it (`reqwest` repeats its causes).
fn chain_text(cause: &TransportCause) -> String {
    let mut message = String::new();
    for link in cause.links() {
        if message.is_empty() {
            message.push_str(link.text());
        } else if !message.contains(link.text()) {
            message.push_str(": ");
            message.push_str(link.text());
        }
    }
    message
}

/// The error and each cause not already in its text, joined with `: `, without the URL: it may
/// carry a signature, a security token or a credentials-URI secret.
pub(crate) fn error_chain_without_url(error: reqwest::Error) -> String {
    let error = error.without_url();
    let mut message = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    // Causes can quote what a peer sent: one redaction step, as for every server text.
    crate::redact::redacted(&message)
}

enum BodyError {
    Transport(reqwest::Error),
    Limit(LimitPassed),
    TooLarge(Vec<u8>),
}

async fn read_body(
    mut response: reqwest::Response,
    limit: &mut WaitLimit<'_>,
) -> Result<Vec<u8>, BodyError> {
    let hint = response
        .content_length()
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(1024)
        .min(MAX_RESPONSE_BYTES);
    let mut body = Vec::with_capacity(hint);
    while let Some(chunk) = limit
        .wait(response.chunk())
        .await
        .map_err(BodyError::Limit)?
        .map_err(BodyError::Transport)?
    {
        if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
            body.truncate(crate::error::UnexpectedResponse::EXCERPT_LIMIT * 2);
            return Err(BodyError::TooLarge(body));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
