//! The client: signs, sends, retries and maps responses for any [`Operation`].
//!
//! ```no_run
//! # async fn demo<O: acs_runtime::Operation>(op: O) -> Result<(), Box<dyn std::error::Error>> {
//! use acs_runtime::client::{Client, SignatureVersion};
//! const TABLE: &[(&str, &str)] = &[("cn-hangzhou", "swas.cn-hangzhou.aliyuncs.com")];
//! let client = Client::builder()
//!     .region("cn-hangzhou")
//!     .regional_endpoints(TABLE)
//!     .signature_version(SignatureVersion::V3)
//!     .build()?;
//! let output = client.send(&op).await?;
//! # let _ = output; Ok(()) }
//! ```
//!
//! Jobs: [`builder`] configures, this module prepares (validate, serialize, sign), `attempts`
//! runs the send/retry loop under the overall deadline, [`prepared`] is the signed request and how
//! it prints, and [`crate::transport`] moves bytes.

mod attempts;
pub mod builder;
pub mod prepared;

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use futures_util::stream::{BoxStream, StreamExt as _};
use tracing::{field, Instrument as _};

pub use crate::transport::MAX_RESPONSE_BYTES;
pub use builder::{BuildError, ClientBuilder, DEFAULT_OPERATION_DEADLINE};
pub use prepared::{HttpMethod, PreparedRequest, SignatureVersion};

use crate::credentials::{Credentials, CredentialsError, SharedCredentialsProvider};
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::operation::{Operation, Params};
use crate::retry::RetryConfig;
use crate::sign::{self, v1, v3};
use crate::transport::{Interceptors, Transport};
use crate::validate::{Rule, ValidationErrors, Violation};

/// `acs-runtime/<version>`: the user agent every request carries (plus an optional app suffix).
pub const USER_AGENT: &str = concat!("acs-runtime/", env!("CARGO_PKG_VERSION"));

/// A client for one endpoint and one set of credentials. Cheap to clone (one shared connection
/// pool).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    transport: Arc<dyn Transport>,
    interceptors: Interceptors,
    /// `host`, `user-agent`, `accept`: the unsigned headers of a V1 request.
    v1_headers: prepared::FixedHeaders,
    /// `user-agent`, `accept`: what a V3 request carries after its signed headers.
    v3_headers: prepared::FixedHeaders,
    credentials: SharedCredentialsProvider,
    anonymous: bool,
    endpoint: Endpoint,
    host_header: String,
    base_url: String,
    region: Option<String>,
    signature_version: SignatureVersion,
    method: HttpMethod,
    retry: RetryConfig,
    deadline: Option<Duration>,
    validate: bool,
    user_agent: String,
}

/// Whether wire parameter `name` is (part of) one of the `in: formData` parameters.
fn is_form(name: &str, form: &[&str]) -> bool {
    form.iter()
        .any(|f| name == *f || (name.starts_with(f) && name.as_bytes().get(f.len()) == Some(&b'.')))
}

/// Moves the `in: formData` pairs out of a signed v1 URL's query into a form body.
fn move_form_parameters(url: String, form: &[&str]) -> (String, Vec<u8>) {
    if form.is_empty() {
        return (url, Vec::new());
    }
    let Some((base, query)) = url.split_once('?') else {
        return (url, Vec::new());
    };
    let (mut kept, mut body) = (String::with_capacity(query.len()), String::new());
    for pair in query.split('&') {
        // Encoded names keep `.`, letters and digits as they are: compare them directly.
        let name = pair.split_once('=').map_or(pair, |(n, _)| n);
        let out = if is_form(name, form) {
            &mut body
        } else {
            &mut kept
        };
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(pair);
    }
    (format!("{base}?{kept}"), body.into_bytes())
}

/// `content-type` for a form body (none for an empty one).
fn form_headers(body: &[u8]) -> Vec<(Cow<'static, str>, String)> {
    if body.is_empty() {
        Vec::new()
    } else {
        vec![(
            Cow::Borrowed("content-type"),
            "application/x-www-form-urlencoded".to_owned(),
        )]
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        f.debug_struct("Client")
            .field("endpoint", &inner.endpoint.to_string())
            .field("region", &inner.region)
            .field("credentials", &inner.credentials)
            .field("signature_version", &inner.signature_version)
            .field("method", &inner.method)
            .field("retry", &inner.retry)
            .field("deadline", &inner.deadline)
            .field("validate", &inner.validate)
            .field("user_agent", &inner.user_agent)
            .field("transport", &inner.transport)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Sends a paginated list request for its page (the first when unset) and every following
    /// page, and returns all their items in order. See [`paginate`](crate::paginate) for when it
    /// stops; the first error ends it.
    pub async fn send_all_items<O: crate::paginate::Paginated>(
        &self,
        op: &O,
    ) -> Result<Vec<O::Item>, Error<O::Error>> {
        crate::paginate::fetch_all_items(op, |page| async move { self.send(&page).await }).await
    }

    /// The pages of a listing as a [`Stream`](futures_core::Stream), starting with `op`'s page:
    /// for `PageNumber` and `NextToken` operations alike. Each page is sent with [`send`](Self::send)
    /// (retries, deadline per page); an error is yielded and ends the stream.
    ///
    /// The stream is boxed (one allocation per listing), so `next()` / `try_next()` work on it
    /// directly.
    pub fn pages<'a, O>(&'a self, op: &O) -> BoxStream<'a, Result<O::Output, Error<O::Error>>>
    where
        O: crate::paginate::Pages + Send + Sync + 'a,
        O::Output: Send,
    {
        crate::paginate::page_stream(op.clone(), move |page| async move {
            let answer = self.send(&page).await;
            (page, answer)
        })
        .boxed()
    }

    /// The items of a listing as a [`Stream`](futures_core::Stream), page after page (see
    /// [`pages`](Self::pages)).
    pub fn items<'a, O>(&'a self, op: &O) -> BoxStream<'a, Result<O::Item, Error<O::Error>>>
    where
        O: crate::paginate::PageItems + Send + Sync + 'a,
        O::Output: Send,
        O::Item: Send,
    {
        crate::paginate::item_stream(op.clone(), move |page| async move {
            let answer = self.send(&page).await;
            (page, answer)
        })
        .boxed()
    }

    /// A builder with the defaults: V1 signatures, POST, connect timeout 5 s, read timeout 10 s,
    /// an overall deadline of [`DEFAULT_OPERATION_DEADLINE`] (60 s) per call, 3 attempts,
    /// validation on.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The endpoint requests go to.
    pub fn endpoint(&self) -> &Endpoint {
        &self.inner.endpoint
    }

    /// The configured region, if any.
    pub fn region(&self) -> Option<&str> {
        self.inner.region.as_deref()
    }

    /// The credentials provider in use (its `Debug` is redacted).
    pub fn credentials_provider(&self) -> &SharedCredentialsProvider {
        &self.inner.credentials
    }

    /// Asks the provider for credentials now, as a call would (cached while fresh); `None`
    /// for an [`anonymous`](ClientBuilder::anonymous) client.
    pub async fn resolve_credentials(&self) -> Result<Option<Credentials>, CredentialsError> {
        if self.inner.anonymous {
            return Ok(None);
        }
        let credentials = self.inner.credentials.provide_credentials().await?;
        builder::check_credentials(&credentials).map_err(CredentialsError::InvalidConfig)?;
        Ok(Some(credentials))
    }

    /// The credentials at hand without fetching, for synchronous signing.
    fn credentials_at_hand(&self) -> Result<Option<Credentials>, CredentialsError> {
        if self.inner.anonymous {
            return Ok(None);
        }
        let credentials = self
            .inner
            .credentials
            .cached_credentials()
            .ok_or(CredentialsError::NotResolved)?;
        builder::check_credentials(&credentials).map_err(CredentialsError::InvalidConfig)?;
        Ok(Some(credentials))
    }

    /// The signature version in use.
    pub fn signature_version(&self) -> SignatureVersion {
        self.inner.signature_version
    }

    /// The user agent sent.
    pub fn user_agent(&self) -> &str {
        &self.inner.user_agent
    }

    /// The overall deadline of one call, if any.
    pub fn operation_deadline(&self) -> Option<Duration> {
        self.inner.deadline
    }

    /// The retry settings.
    pub fn retry_config(&self) -> &RetryConfig {
        &self.inner.retry
    }

    /// Validates `op` (unless turned off) and writes its parameters. An empty idempotency token
    /// (a request whose token was cleared after `build()`) is filled with a fresh UUID here, for
    /// this call only.
    fn params_for<O: Operation>(&self, op: &O) -> Result<Params, Error<O::Error>> {
        if self.inner.validate {
            op.validate().map_err(Error::InvalidRequest)?;
        }
        let mut params = Params::with_capacity(16);
        op.write_params(&mut params);
        if let Some(name) = O::IDEMPOTENCY_TOKEN {
            if params.get(name).is_none_or(str::is_empty) {
                params.set(name, crate::idempotency::new_token());
            }
        }
        Ok(params)
    }

    /// Signs `params` for `O` with the given credentials, timestamp and nonce (unsigned without
    /// credentials).
    fn sign_params<O: Operation>(
        &self,
        params: &Params,
        credentials: Option<&Credentials>,
        timestamp: &str,
        nonce: &str,
    ) -> PreparedRequest {
        let inner = &*self.inner;
        let method = inner.method;
        let Some(credentials) = credentials else {
            return self.unsigned_params::<O>(params, timestamp, nonce);
        };
        match inner.signature_version {
            SignatureVersion::V1 => {
                let common = v1::CommonParams {
                    action: O::ACTION,
                    version: O::VERSION,
                    format: "JSON",
                    access_key_id: credentials.access_key_id(),
                    security_token: credentials.security_token(),
                    signature_nonce: nonce,
                    timestamp,
                };
                let mut url = String::with_capacity(inner.base_url.len() + 480 + params.len() * 40);
                url.push_str(&inner.base_url);
                url.push('?');
                v1::sign_request_into(
                    method.as_str(),
                    &common,
                    params.iter(),
                    credentials.v1_signing_key(),
                    &mut url,
                );
                // v1 signs every parameter alike; `in: formData` ones then travel in the body.
                let (url, body) = move_form_parameters(url, O::FORM_PARAMETERS);
                let headers = form_headers(&body);
                PreparedRequest {
                    method,
                    url,
                    fixed: Arc::clone(&inner.v1_headers),
                    fixed_first: true,
                    headers,
                    body,
                    action: O::ACTION,
                    token_param: O::IDEMPOTENCY_TOKEN,
                    params: None,
                }
            }
            SignatureVersion::V3 => {
                let common = v3::CommonHeaders {
                    host: &inner.host_header,
                    action: O::ACTION,
                    version: O::VERSION,
                    access_key_id: credentials.access_key_id(),
                    security_token: credentials.security_token(),
                    signature_nonce: nonce,
                    date: timestamp,
                };
                // `in: formData` parameters form the body, which V3 signs through its hash.
                let form = O::FORM_PARAMETERS;
                let body = if form.is_empty() {
                    Vec::new()
                } else {
                    v1::canonical_query(params.iter().filter(|(n, _)| is_form(n, form)))
                        .into_bytes()
                };
                let signed = v3::sign_request(
                    method.as_str(),
                    "/",
                    &common,
                    params.iter().filter(|(n, _)| !is_form(n, form)),
                    &body,
                    credentials.access_key_secret(),
                );
                let mut url = String::with_capacity(inner.base_url.len() + 1 + signed.query.len());
                url.push_str(&inner.base_url);
                if !signed.query.is_empty() {
                    url.push('?');
                    url.push_str(&signed.query);
                }
                let mut headers: Vec<(Cow<'static, str>, String)> =
                    Vec::with_capacity(signed.headers.len());
                headers.extend(
                    signed
                        .headers
                        .into_iter()
                        .map(|(n, v)| (Cow::Borrowed(n), v)),
                );
                headers.extend(form_headers(&body));
                PreparedRequest {
                    method,
                    url,
                    fixed: Arc::clone(&inner.v3_headers),
                    fixed_first: false,
                    headers,
                    body,
                    action: O::ACTION,
                    token_param: O::IDEMPOTENCY_TOKEN,
                    params: None,
                }
            }
        }
    }

    /// The RPC query without credentials or signature: `Action`, `Version`, `Format`,
    /// `Timestamp`, `SignatureNonce` and the operation's parameters.
    fn unsigned_params<O: Operation>(
        &self,
        params: &Params,
        timestamp: &str,
        nonce: &str,
    ) -> PreparedRequest {
        let inner = &*self.inner;
        let common = [
            ("Action", O::ACTION),
            ("Version", O::VERSION),
            ("Format", "JSON"),
            ("Timestamp", timestamp),
            ("SignatureNonce", nonce),
        ];
        let own = params.iter().filter(|(name, _)| {
            !matches!(
                *name,
                "Action" | "Version" | "Format" | "Timestamp" | "SignatureNonce"
            )
        });
        let query = v1::canonical_query(common.into_iter().chain(own));
        PreparedRequest {
            method: inner.method,
            url: format!("{}?{query}", inner.base_url),
            fixed: Arc::clone(&inner.v1_headers),
            fixed_first: true,
            headers: Vec::new(),
            body: Vec::new(),
            action: O::ACTION,
            token_param: O::IDEMPOTENCY_TOKEN,
            params: None,
        }
    }

    /// Validates and signs `op` with the current time and a fresh nonce, without sending it.
    /// Signs with the credentials at hand (static ones, or cached ones still valid); a provider
    /// that has not fetched yet gives [`CredentialsError::NotResolved`] — send a request or call
    /// [`resolve_credentials`](Self::resolve_credentials) first.
    ///
    /// The request's idempotency token is the one [`send`](Self::send) would use: requests built
    /// with `build()` carry theirs. The result can be sent as is with
    /// [`send_prepared`](Self::send_prepared).
    pub fn prepare<O: Operation>(&self, op: &O) -> Result<PreparedRequest, Error<O::Error>> {
        self.prepare_at(op, SystemTime::now(), &sign::new_nonce())
    }

    /// [`prepare`](Self::prepare) with a fixed timestamp and nonce: deterministic output for
    /// tests.
    pub fn prepare_at<O: Operation>(
        &self,
        op: &O,
        time: SystemTime,
        nonce: &str,
    ) -> Result<PreparedRequest, Error<O::Error>> {
        let params = self.params_for(op)?;
        let credentials = self.credentials_at_hand()?;
        let mut prepared = self.sign_params::<O>(
            &params,
            credentials.as_ref(),
            &sign::format_timestamp(time),
            nonce,
        );
        prepared.params = Some(params);
        Ok(prepared)
    }

    /// Sends `op` and returns its typed output.
    ///
    /// Validates (unless turned off), then per attempt signs with a fresh nonce and timestamp,
    /// sends, and classifies the answer; retries follow the [`RetryConfig`] and keep the
    /// request's idempotency token. The overall deadline bounds everything, body reading
    /// included. Every error after validation carries the idempotency token used
    /// ([`Error::client_token`]).
    pub async fn send<O: Operation>(&self, op: &O) -> Result<O::Output, Error<O::Error>> {
        let started = Instant::now();
        let span = self.call_span::<O>();
        let result = async {
            let params = self.params_for(op)?;
            self.send_attempts::<O>(&params, None, started).await
        }
        .instrument(span.clone())
        .await;
        self.finish_span(&span, started, &result);
        result
    }

    /// Sends a request made by [`prepare`](Self::prepare) as is (its signature, nonce and
    /// timestamp) for `O`, then retries, if needed, signed afresh with the same parameters and
    /// idempotency token. A request prepared for another operation is refused before sending.
    pub async fn send_prepared<O: Operation>(
        &self,
        mut prepared: PreparedRequest,
    ) -> Result<O::Output, Error<O::Error>> {
        let started = Instant::now();
        let span = self.call_span::<O>();
        let result = async {
            let expected = if prepared.params.is_none() {
                "a request made by Client::prepare"
            } else {
                O::ACTION
            };
            let params = match prepared.params.take() {
                Some(params) if prepared.action == O::ACTION => params,
                _ => {
                    return Err(Error::InvalidRequest(ValidationErrors::new(vec![
                        Violation {
                            parameter: Cow::Borrowed("Action"),
                            rule: Rule::Type { expected },
                            value: Some(prepared.action.to_owned()),
                            code: crate::wire::INVALID_PARAMETER,
                        },
                    ])))
                }
            };
            self.send_attempts::<O>(&params, Some(prepared), started)
                .await
        }
        .instrument(span.clone())
        .await;
        self.finish_span(&span, started, &result);
        result
    }

    fn call_span<O: Operation>(&self) -> tracing::Span {
        let span = tracing::info_span!(
            "acs_call",
            action = O::ACTION,
            product = O::PRODUCT,
            version = O::VERSION,
            host = self.inner.endpoint.host(),
            region = field::Empty,
            attempts = field::Empty,
            request_id = field::Empty,
            status = field::Empty,
            latency_ms = field::Empty,
            outcome = field::Empty,
        );
        if let Some(region) = &self.inner.region {
            span.record("region", region.as_str());
        }
        span
    }

    fn finish_span<T, E: crate::ServiceError>(
        &self,
        span: &tracing::Span,
        started: Instant,
        result: &Result<T, Error<E>>,
    ) {
        let latency_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let outcome = match result {
            Ok(_) => "ok",
            Err(Error::InvalidRequest(_)) => "invalid_request",
            Err(Error::Service { .. }) => "service_error",
            Err(Error::Timeout { .. }) => "timeout",
            Err(Error::Transport { .. }) => "transport_error",
            Err(Error::UnexpectedResponse(_)) => "unexpected_response",
            Err(_) => "error",
        };
        span.record("latency_ms", latency_ms);
        span.record("outcome", outcome);
        if let Some(id) = result.as_ref().err().and_then(|e| e.request_id()) {
            span.record("request_id", id);
        }
        span.in_scope(|| tracing::debug!(outcome, latency_ms, "call finished"));
    }
}
