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
//! runs the send/retry loop under the overall deadline, [`request`] is the HTTP request as data,
//! `sign_parts` turns an operation's parts into a signed request (RPC v1/V3, ROA V3),
//! [`prepared`] is the signed request and how it prints, and [`crate::transport`] moves bytes.

mod attempts;
pub mod builder;
pub mod prepared;
mod region;
pub mod request;
mod sign_parts;
mod v1_query;

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use futures_util::stream::{BoxStream, StreamExt as _};
use tracing::{field, Instrument as _};

pub use crate::transport::MAX_RESPONSE_BYTES;
pub use builder::{BuildError, ClientBuilder, DEFAULT_OPERATION_DEADLINE};
pub use prepared::{PreparedRequest, SignatureVersion};
pub use request::{Body, HttpMethod, HttpRequest, RequestParts, StreamBody};

use crate::credentials::{Credentials, CredentialsError, SharedCredentialsProvider};
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::operation::Operation;
use crate::retry::RetryConfig;
use crate::sign;
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
    /// `scheme://host[:port]`, shared by every request.
    origin: Arc<str>,
    region: Option<String>,
    /// Set when the endpoint was resolved from the region (see `region.rs`).
    region_binding: Option<region::RegionBinding>,
    signature_version: SignatureVersion,
    method: HttpMethod,
    retry: RetryConfig,
    deadline: Option<Duration>,
    validate: bool,
    user_agent: String,
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

/// Lets waiters and paging helpers take this client or a product's client alike.
impl AsRef<Client> for Client {
    fn as_ref(&self) -> &Client {
        self
    }
}

impl Client {
    /// Sends a list request for its page (the first when unset) and every following page, and
    /// returns all their items in order: for `PageNumber` and `NextToken` operations alike (see
    /// [`paginate`](crate::paginate) for when each stops); the first error ends it.
    pub async fn send_all_items<O: crate::paginate::PageItems>(
        &self,
        op: &O,
    ) -> Result<Vec<O::Item>, Error<O::Error>> {
        use futures_util::TryStreamExt as _;
        crate::paginate::item_stream(op.clone(), |page| async move {
            let answer = self.send(&page).await;
            (page, answer)
        })
        .try_collect()
        .await
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

    /// Validates and signs `op` with the current time and a fresh nonce, without sending it.
    /// Signs with the credentials at hand (static ones, or cached ones still valid); a provider
    /// that has not fetched yet gives [`CredentialsError::NotResolved`] — send a request or call
    /// [`resolve_credentials`](Self::resolve_credentials) first.
    ///
    /// The request's idempotency token is the one [`send`](Self::send) would use: requests built
    /// with `build()` carry theirs. The result can be sent as is with
    /// [`send_prepared`](Self::send_prepared).
    pub fn prepare<O: Operation>(&self, op: &O) -> Result<PreparedRequest, Error<O::Error>> {
        self.prepare_at(op, SystemTime::now(), sign::nonce_text().as_str())
    }

    /// [`prepare`](Self::prepare) with a fixed timestamp and nonce: deterministic output for
    /// tests.
    pub fn prepare_at<O: Operation>(
        &self,
        op: &O,
        time: SystemTime,
        nonce: &str,
    ) -> Result<PreparedRequest, Error<O::Error>> {
        let parts = self.parts_for(op)?;
        let credentials = self.credentials_at_hand()?;
        let mut prepared = self.sign_parts::<O>(
            &parts,
            credentials.as_ref(),
            sign::timestamp_text(time).as_str(),
            nonce,
        )?;
        prepared.parts = Some(parts);
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
            let parts = self.parts_for(op)?;
            self.send_attempts::<O>(&parts, None, started).await
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
            let expected = if prepared.parts.is_none() {
                "a request made by Client::prepare"
            } else {
                O::ACTION
            };
            let parts = match prepared.parts.take() {
                Some(parts) if prepared.action == O::ACTION => parts,
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
            self.send_attempts::<O>(&parts, Some(prepared), started)
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
