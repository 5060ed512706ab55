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

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use tracing::{field, Instrument as _};

use crate::credentials::{
    Credentials, CredentialsError, DefaultChain, ProfileProvider, ProvideCredentials,
    SharedCredentialsProvider,
};
use crate::endpoint::{self, Endpoint, EndpointError, RegionTable};
use crate::error::{Error, ServiceError, UnexpectedResponse};
use crate::error_body::{parse_error_body, ErrorFields};
use crate::operation::{Operation, Params};
use crate::retry::{parse_retry_after, RetryConfig};
use crate::sign::{self, v1, v3};

/// `acs-runtime/<version>`: the user agent every request carries (plus an optional app suffix).
pub const USER_AGENT: &str = concat!("acs-runtime/", env!("CARGO_PKG_VERSION"));
/// Response bodies larger than this are not read: the call fails with
/// [`Error::UnexpectedResponse`].
pub const MAX_RESPONSE_BYTES: usize = 8 * 1024 * 1024;

/// Which signature to put on requests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SignatureVersion {
    /// RPC signature 1.0 (`HMAC-SHA1`, `Signature` query parameter). The default.
    #[default]
    V1,
    /// `ACS3-HMAC-SHA256` (`Authorization` header; no common parameters in the query).
    V3,
}

/// The HTTP method of RPC calls. Parameters always travel in the query; the body is empty.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum HttpMethod {
    /// `POST` with an empty body, like the official SDK. The default.
    #[default]
    Post,
    /// `GET`.
    Get,
}

impl HttpMethod {
    /// `POST` or `GET`.
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Post => "POST",
            HttpMethod::Get => "GET",
        }
    }
}

/// A signed request, ready to send: what [`Client::prepare`] returns.
///
/// `Debug` hides the signature and the security token.
#[derive(Clone, PartialEq, Eq)]
pub struct PreparedRequest {
    /// The HTTP method.
    pub method: HttpMethod,
    /// The full URL: `scheme://host[:port]/?query`.
    pub url: String,
    /// Headers in sending order, names in lower case except `Authorization`. `host` is listed
    /// because it is signed (V3); the HTTP stack sends the same value from the URL.
    pub headers: Vec<(&'static str, String)>,
    /// The body (empty for RPC calls).
    pub body: Vec<u8>,
}

impl PreparedRequest {
    /// The value of the first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl fmt::Debug for PreparedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| {
                let sensitive = name.eq_ignore_ascii_case("authorization")
                    || name.eq_ignore_ascii_case("x-acs-security-token");
                (
                    *name,
                    if sensitive {
                        "<redacted>"
                    } else {
                        value.as_str()
                    },
                )
            })
            .collect();
        f.debug_struct("PreparedRequest")
            .field("method", &self.method)
            .field("url", &redact_url(&self.url))
            .field("headers", &headers)
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// The URL with the values of `Signature` and `SecurityToken` replaced.
fn redact_url(url: &str) -> String {
    let Some((base, query)) = url.split_once('?') else {
        return url.to_owned();
    };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if matches!(name, "Signature" | "SecurityToken" | "OIDCToken") => {
                format!("{name}=<redacted>")
            }
            _ => pair.to_owned(),
        })
        .collect();
    format!("{base}?{}", pairs.join("&"))
}

/// Why a [`Client`] could not be built.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// No usable credentials.
    #[error(transparent)]
    Credentials(#[from] CredentialsError),
    /// No usable endpoint.
    #[error(transparent)]
    Endpoint(#[from] EndpointError),
    /// A setting that cannot work (named in the message).
    #[error("invalid client configuration: {0}")]
    InvalidConfig(String),
    /// The HTTP stack could not be set up.
    #[error("cannot set up the HTTP client: {0}")]
    Http(String),
}

/// Configures a [`Client`]; start with [`Client::builder`].
#[derive(Debug)]
pub struct ClientBuilder {
    credentials: Option<SharedCredentialsProvider>,
    chain: Option<DefaultChain>,
    profile: Option<ProfileProvider>,
    anonymous: bool,
    region: Option<String>,
    table: Option<RegionTable>,
    endpoint: Option<String>,
    signature_version: SignatureVersion,
    method: HttpMethod,
    connect_timeout: Duration,
    read_timeout: Duration,
    deadline: Option<Duration>,
    retry: RetryConfig,
    validate: bool,
    app_name: Option<String>,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self {
            credentials: None,
            chain: None,
            profile: None,
            anonymous: false,
            region: None,
            table: None,
            endpoint: None,
            signature_version: SignatureVersion::V1,
            method: HttpMethod::Post,
            connect_timeout: Duration::from_secs(5),
            read_timeout: Duration::from_secs(10),
            deadline: None,
            retry: RetryConfig::default(),
            validate: true,
            app_name: None,
        }
    }
}

impl ClientBuilder {
    /// Uses these credentials instead of the default chain.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(Arc::new(credentials));
        self
    }

    /// Asks this provider for credentials before signing each attempt (a RAM role, the ECS
    /// instance role, a custom [`ProvideCredentials`]), instead of the default chain.
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(Arc::new(provider));
        self
    }

    /// Resolves credentials from this chain (default: [`DefaultChain::new`]) on the first call,
    /// and keeps asking the source it found on every later call. Its CLI profile's `region_id`
    /// is the region when none is set.
    pub fn credentials_chain(mut self, chain: DefaultChain) -> Self {
        self.chain = Some(chain);
        self
    }

    /// Uses profile `name` of the CLI file `~/.aliyun/config.json` (any mode), and its
    /// `region_id` when no region is set.
    pub fn profile(self, name: impl Into<String>) -> Self {
        self.profile_provider(Credentials::profile(name))
    }

    /// [`profile`](Self::profile) with a provider configured further (another file, endpoints).
    pub fn profile_provider(mut self, provider: ProfileProvider) -> Self {
        self.profile = Some(provider);
        self
    }

    /// Sends requests unsigned, without credentials (for STS `AssumeRoleWithOIDC` and
    /// `AssumeRoleWithSAML`, which the caller's token authenticates).
    pub fn anonymous(mut self) -> Self {
        self.anonymous = true;
        self
    }

    /// The region to call, resolved through [`regional_endpoints`](Self::regional_endpoints)
    /// unless an explicit [`endpoint`](Self::endpoint) is set.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// The product's regional endpoint table, `(region_id, host)` rows; hosts are reached over
    /// HTTPS.
    pub fn regional_endpoints(mut self, table: RegionTable) -> Self {
        self.table = Some(table);
        self
    }

    /// An explicit endpoint URL (`https://host[:port]` or `http://host[:port]`), which wins over
    /// region resolution. The only way to use plain HTTP.
    pub fn endpoint(mut self, url: impl Into<String>) -> Self {
        self.endpoint = Some(url.into());
        self
    }

    /// The signature version (default [`SignatureVersion::V1`]).
    pub fn signature_version(mut self, version: SignatureVersion) -> Self {
        self.signature_version = version;
        self
    }

    /// The HTTP method (default [`HttpMethod::Post`]).
    pub fn http_method(mut self, method: HttpMethod) -> Self {
        self.method = method;
        self
    }

    /// Connect timeout (default 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Read timeout: the longest wait for any read on the connection (default 10 s).
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = timeout;
        self
    }

    /// An overall deadline per [`Client::send`], retries and backoff included (default none).
    pub fn operation_deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// Retry settings (default [`RetryConfig::default`]; [`RetryConfig::disabled`] for none).
    pub fn retry(mut self, retry: RetryConfig) -> Self {
        self.retry = retry;
        self
    }

    /// Whether to run [`Operation::validate`] before signing (default `true`). Turn off only
    /// when you know the service accepts values the published rules reject.
    pub fn validate_requests(mut self, validate: bool) -> Self {
        self.validate = validate;
        self
    }

    /// Appends ` <app>` to the user agent `acs-runtime/<version>`.
    pub fn app_name(mut self, app: impl Into<String>) -> Self {
        self.app_name = Some(app.into());
        self
    }

    /// Resolves the endpoint and sets up the connection pool. Credentials are resolved on the
    /// send path (the first call, then whenever cached temporary ones near expiry); static ones
    /// are checked here.
    pub fn build(mut self) -> Result<Client, BuildError> {
        let provider: SharedCredentialsProvider =
            match (self.credentials.take(), self.profile.take()) {
                (Some(provider), _) => provider,
                (None, Some(profile)) => {
                    if self.region.is_none() && self.endpoint.is_none() {
                        self.region = profile.region()?;
                    }
                    Arc::new(profile)
                }
                (None, None) => {
                    let chain = self.chain.take().unwrap_or_default();
                    if self.region.is_none() && self.endpoint.is_none() && !self.anonymous {
                        self.region = chain.profile_region()?;
                    }
                    Arc::new(chain)
                }
            };
        let endpoint = match (&self.endpoint, &self.region, self.table) {
            (Some(url), _, _) => Endpoint::parse(url)?,
            (None, Some(region), Some(table)) => endpoint::resolve_region(region, table)?,
            (None, Some(region), None) => {
                return Err(EndpointError::NoRegionTable {
                    region: region.clone(),
                }
                .into())
            }
            (None, None, _) => return Err(EndpointError::NotConfigured.into()),
        };
        if let Some(credentials) = provider.cached_credentials() {
            check_credentials(&credentials).map_err(BuildError::InvalidConfig)?;
        }
        let user_agent = match &self.app_name {
            Some(app) if !app.trim().is_empty() => format!("{USER_AGENT} {}", app.trim()),
            _ => USER_AGENT.to_owned(),
        };
        check_header_value("app name", &user_agent)?;

        let http = reqwest::Client::builder()
            .use_rustls_tls()
            .connect_timeout(self.connect_timeout)
            .read_timeout(self.read_timeout)
            .user_agent(user_agent.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| BuildError::Http(e.to_string()))?;

        Ok(Client {
            inner: Arc::new(Inner {
                http,
                credentials: provider,
                anonymous: self.anonymous,
                host_header: endpoint.host_header(),
                base_url: endpoint.base_url(),
                endpoint,
                region: self.region,
                signature_version: self.signature_version,
                method: self.method,
                retry: self.retry,
                deadline: self.deadline,
                validate: self.validate,
                user_agent,
            }),
        })
    }
}

/// Values that go into headers must be visible ASCII (spaces and tabs inside allowed).
fn check_header_value(what: &str, value: &str) -> Result<(), BuildError> {
    check_header_text(what, value).map_err(BuildError::InvalidConfig)
}

fn check_header_text(what: &str, value: &str) -> Result<(), String> {
    if value
        .bytes()
        .all(|b| b == b' ' || b == b'\t' || (0x21..0x7f).contains(&b))
    {
        Ok(())
    } else {
        Err(format!(
            "the {what} contains characters not allowed in an HTTP header"
        ))
    }
}

/// Credentials the signers can use: non-empty keys, header-safe ID and token.
fn check_credentials(credentials: &Credentials) -> Result<(), String> {
    if credentials.access_key_id().is_empty() || credentials.access_key_secret().is_empty() {
        return Err("the AccessKey ID and secret must not be empty".to_owned());
    }
    check_header_text("AccessKey ID", credentials.access_key_id())?;
    if let Some(token) = credentials.security_token() {
        check_header_text("security token", token)?;
    }
    Ok(())
}

/// A client for one endpoint and one set of credentials. Cheap to clone (one shared connection
/// pool).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
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
            .finish()
    }
}

/// What one attempt ended with.
enum Outcome<T, E> {
    Success(T),
    Service {
        error: E,
        retry_after: Option<Duration>,
    },
    Unexpected {
        response: UnexpectedResponse,
        retry_after: Option<Duration>,
    },
    Transport {
        message: String,
        timeout: bool,
    },
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

    /// A builder with the defaults: V1 signatures, POST, connect timeout 5 s, read timeout 10 s,
    /// no overall deadline, 3 attempts, validation on.
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
        check_credentials(&credentials).map_err(CredentialsError::InvalidConfig)?;
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
        check_credentials(&credentials).map_err(CredentialsError::InvalidConfig)?;
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

    /// Validates `op` (unless turned off), writes its parameters, and fills an empty idempotency
    /// token with a fresh UUID.
    fn params_for<O: Operation>(&self, op: &O) -> Result<Params, Error<O::Error>> {
        if self.inner.validate {
            op.validate().map_err(Error::InvalidRequest)?;
        }
        let mut params = Params::with_capacity(16);
        op.write_params(&mut params);
        if let Some(name) = O::IDEMPOTENCY_TOKEN {
            if params.get(name).is_none_or(str::is_empty) {
                params.set(name, uuid::Uuid::new_v4().to_string());
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
                PreparedRequest {
                    method,
                    url,
                    headers: vec![
                        ("host", inner.host_header.clone()),
                        ("user-agent", inner.user_agent.clone()),
                        ("accept", "application/json".to_owned()),
                    ],
                    body: Vec::new(),
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
                let signed = v3::sign_request(
                    method.as_str(),
                    "/",
                    &common,
                    params.iter(),
                    b"",
                    credentials.access_key_secret(),
                );
                let mut url = String::with_capacity(inner.base_url.len() + 1 + signed.query.len());
                url.push_str(&inner.base_url);
                if !signed.query.is_empty() {
                    url.push('?');
                    url.push_str(&signed.query);
                }
                let mut headers = signed.headers;
                headers.push(("user-agent", inner.user_agent.clone()));
                headers.push(("accept", "application/json".to_owned()));
                PreparedRequest {
                    method,
                    url,
                    headers,
                    body: Vec::new(),
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
            headers: vec![
                ("host", inner.host_header.clone()),
                ("user-agent", inner.user_agent.clone()),
                ("accept", "application/json".to_owned()),
            ],
            body: Vec::new(),
        }
    }

    /// Validates, fills the idempotency token, and signs `op` with the current time and a fresh
    /// nonce, without sending it. Signs with the credentials at hand (static ones, or cached
    /// ones still valid); a provider that has not fetched yet gives
    /// [`CredentialsError::NotResolved`] — send a request or call
    /// [`resolve_credentials`](Self::resolve_credentials) first.
    pub fn prepare<O: Operation>(&self, op: &O) -> Result<PreparedRequest, Error<O::Error>> {
        self.prepare_at(op, SystemTime::now(), &sign::new_nonce())
    }

    /// [`prepare`](Self::prepare) with a fixed timestamp and nonce: deterministic output for
    /// tests (given an operation whose idempotency token, if any, is already set).
    pub fn prepare_at<O: Operation>(
        &self,
        op: &O,
        time: SystemTime,
        nonce: &str,
    ) -> Result<PreparedRequest, Error<O::Error>> {
        let params = self.params_for(op)?;
        let credentials = self.credentials_at_hand()?;
        Ok(self.sign_params::<O>(
            &params,
            credentials.as_ref(),
            &sign::format_timestamp(time),
            nonce,
        ))
    }

    /// Sends `op` and returns its typed output.
    ///
    /// Validates (unless turned off), fills an empty idempotency token once, then per attempt
    /// signs with a fresh nonce and timestamp, sends, and classifies the answer; retries follow
    /// the [`RetryConfig`] and keep the same idempotency token. The overall deadline, when set,
    /// bounds everything.
    pub async fn send<O: Operation>(&self, op: &O) -> Result<O::Output, Error<O::Error>> {
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
        let started = Instant::now();
        let result = self
            .send_attempts(op, started)
            .instrument(span.clone())
            .await;
        let latency_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let outcome = match &result {
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
        result
    }

    async fn send_attempts<O: Operation>(
        &self,
        op: &O,
        started: Instant,
    ) -> Result<O::Output, Error<O::Error>> {
        let params = self.params_for(op)?;
        let retry = &self.inner.retry;
        let deadline = self.inner.deadline.map(|d| started + d);
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            tracing::Span::current().record("attempts", attempt);
            // Asked per attempt: a long-lived client follows refreshed temporary credentials.
            // Fetching them counts against the deadline like the exchange itself.
            let credentials = match deadline {
                Some(deadline) => {
                    let deadline = tokio::time::Instant::from_std(deadline);
                    match tokio::time::timeout_at(deadline, self.resolve_credentials()).await {
                        Ok(credentials) => credentials?,
                        Err(_) => {
                            return Err(Error::Timeout {
                                attempts: attempt,
                                elapsed: started.elapsed(),
                            })
                        }
                    }
                }
                None => self.resolve_credentials().await?,
            };
            let prepared = self.sign_params::<O>(
                &params,
                credentials.as_ref(),
                &sign::format_timestamp(SystemTime::now()),
                &sign::new_nonce(),
            );
            let attempt_started = Instant::now();
            let outcome = match deadline {
                Some(deadline) => {
                    let deadline = tokio::time::Instant::from_std(deadline);
                    match tokio::time::timeout_at(deadline, self.execute::<O>(prepared)).await {
                        Ok(outcome) => outcome,
                        Err(_) => {
                            tracing::debug!(attempt, "operation deadline reached");
                            return Err(Error::Timeout {
                                attempts: attempt,
                                elapsed: started.elapsed(),
                            });
                        }
                    }
                }
                None => self.execute::<O>(prepared).await,
            };
            let attempt_ms =
                u64::try_from(attempt_started.elapsed().as_millis()).unwrap_or(u64::MAX);

            let (error, retryable, server_delay): (Error<O::Error>, bool, Option<Duration>) =
                match outcome {
                    Outcome::Success(output) => {
                        tracing::debug!(attempt, latency_ms = attempt_ms, "attempt succeeded");
                        return Ok(output);
                    }
                    Outcome::Service { error, retry_after } => {
                        let meta = error.meta();
                        tracing::debug!(
                            attempt,
                            latency_ms = attempt_ms,
                            status = meta.http_status,
                            code = meta.code.as_str(),
                            request_id = meta.request_id.as_deref().unwrap_or(""),
                            "service error"
                        );
                        if let Some(id) = &meta.request_id {
                            tracing::Span::current().record("request_id", id.as_str());
                        }
                        tracing::Span::current().record("status", meta.http_status);
                        let retryable =
                            retry_after.is_some() || error.is_retryable() || meta.is_transient();
                        (
                            Error::Service {
                                error,
                                attempts: attempt,
                            },
                            retryable,
                            retry_after,
                        )
                    }
                    Outcome::Unexpected {
                        response,
                        retry_after,
                    } => {
                        tracing::debug!(
                            attempt,
                            latency_ms = attempt_ms,
                            status = response.http_status,
                            reason = response.reason.as_str(),
                            "unexpected response"
                        );
                        tracing::Span::current().record("status", response.http_status);
                        let retryable = response.http_status >= 500 || retry_after.is_some();
                        (Error::UnexpectedResponse(response), retryable, retry_after)
                    }
                    Outcome::Transport { message, timeout } => {
                        tracing::debug!(
                            attempt,
                            latency_ms = attempt_ms,
                            error = message.as_str(),
                            timeout,
                            "no response"
                        );
                        let error = if timeout {
                            Error::Timeout {
                                attempts: attempt,
                                elapsed: started.elapsed(),
                            }
                        } else {
                            Error::Transport {
                                message,
                                attempts: attempt,
                            }
                        };
                        (error, true, None)
                    }
                };

            if !retryable || attempt >= retry.max_attempts() {
                return Err(error);
            }
            let delay = match server_delay {
                Some(delay) if delay > retry.max_retry_after() => {
                    tracing::debug!(
                        retry_after_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                        "server asks for a longer wait than configured; not retrying"
                    );
                    return Err(error);
                }
                Some(delay) => delay,
                None => retry.next_delay(attempt),
            };
            if deadline.is_some_and(|deadline| Instant::now() + delay >= deadline) {
                tracing::debug!(
                    attempt,
                    "no time left before the deadline for another attempt"
                );
                return Err(error);
            }
            tracing::info!(
                attempt,
                delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                "retrying"
            );
            tokio::time::sleep(delay).await;
        }
    }

    /// One HTTP exchange.
    async fn execute<O: Operation>(
        &self,
        prepared: PreparedRequest,
    ) -> Outcome<O::Output, O::Error> {
        let method = match prepared.method {
            HttpMethod::Post => reqwest::Method::POST,
            HttpMethod::Get => reqwest::Method::GET,
        };
        let mut request = self.inner.http.request(method, prepared.url.as_str());
        for (name, value) in &prepared.headers {
            // The HTTP stack derives `host` from the URL (same value); HTTP/2 sends it as
            // `:authority`.
            if *name != "host" {
                request = request.header(*name, value.as_str());
            }
        }
        if prepared.method == HttpMethod::Post {
            // Like the official SDK, say `Content-Length: 0` explicitly for the empty body (the
            // HTTP stack omits it), which some servers and proxies require on POST.
            request = request
                .header(reqwest::header::CONTENT_LENGTH, prepared.body.len())
                .body(prepared.body);
        }
        let response = match request.send().await {
            Ok(response) => response,
            Err(error) => return transport_outcome(error),
        };
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let content_type = header("content-type");
        let header_request_id = header("x-acs-request-id");
        let retry_after = header("x-acs-retry-after").and_then(|v| parse_retry_after(&v));
        let body = match read_body(response).await {
            Ok(body) => body,
            Err(BodyError::Transport(error)) => return transport_outcome(error),
            Err(BodyError::TooLarge(prefix)) => {
                let mut response = UnexpectedResponse::new(
                    status,
                    format!("the response body is larger than {MAX_RESPONSE_BYTES} bytes"),
                    &prefix,
                );
                response.request_id = header_request_id;
                return Outcome::Unexpected {
                    response,
                    retry_after: None,
                };
            }
        };
        classify::<O>(
            status,
            content_type.as_deref(),
            header_request_id,
            retry_after,
            &body,
        )
    }
}

/// Maps a finished response onto an outcome.
fn classify<O: Operation>(
    status: u16,
    content_type: Option<&str>,
    header_request_id: Option<String>,
    retry_after: Option<Duration>,
    body: &[u8],
) -> Outcome<O::Output, O::Error> {
    if (200..300).contains(&status) {
        return match serde_json::from_slice::<O::Output>(body) {
            Ok(output) => {
                if let Some(id) = header_request_id {
                    tracing::Span::current().record("request_id", id.as_str());
                }
                tracing::Span::current().record("status", status);
                Outcome::Success(output)
            }
            Err(e) => {
                let mut response = UnexpectedResponse::new(
                    status,
                    format!("the body is not a valid {} response: {e}", O::ACTION),
                    body,
                );
                response.request_id =
                    header_request_id.or_else(|| ErrorFields::parse(content_type, body).request_id);
                Outcome::Unexpected {
                    response,
                    retry_after: None,
                }
            }
        };
    }
    match parse_error_body(status, content_type, body) {
        Some(mut meta) => {
            if meta.request_id.is_none() {
                meta.request_id = header_request_id;
            }
            Outcome::Service {
                error: O::Error::from_meta(meta),
                retry_after,
            }
        }
        None => {
            let mut response =
                UnexpectedResponse::new(status, "error response without an error code", body);
            response.request_id = header_request_id;
            Outcome::Unexpected {
                response,
                retry_after,
            }
        }
    }
}

fn transport_outcome<T, E>(error: reqwest::Error) -> Outcome<T, E> {
    let timeout = error.is_timeout();
    // Never let the URL (signature, security token) into messages.
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
    Outcome::Transport { message, timeout }
}

enum BodyError {
    Transport(reqwest::Error),
    TooLarge(Vec<u8>),
}

async fn read_body(mut response: reqwest::Response) -> Result<Vec<u8>, BodyError> {
    let hint = response
        .content_length()
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(1024)
        .min(MAX_RESPONSE_BYTES);
    let mut body = Vec::with_capacity(hint);
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Transport)? {
        if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
            body.truncate(UnexpectedResponse::EXCERPT_LIMIT * 2);
            return Err(BodyError::TooLarge(body));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_url_secrets() {
        assert_eq!(
            redact_url("http://h/?A=1&Signature=abc%3D&SecurityToken=t&B=2"),
            "http://h/?A=1&Signature=<redacted>&SecurityToken=<redacted>&B=2"
        );
        assert_eq!(redact_url("http://h/"), "http://h/");
    }
}
