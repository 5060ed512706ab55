//! Configuring a [`Client`]: endpoint, credentials, signing, timeouts and the overall deadline,
//! retries, transport and interceptors.

use std::sync::Arc;
use std::time::Duration;

use crate::credentials::{
    Credentials, CredentialsError, DefaultChain, ProfileProvider, ProvideCredentials,
    SharedCredentialsProvider,
};
use crate::endpoint::{self, Endpoint, EndpointError, Network, ProductEndpoints, RegionTable};
use crate::retry::RetryConfig;
use crate::transport::{BeforeSend, Interceptor, Interceptors, ReqwestTransport, Transport};

use super::prepared::FixedHeaderList;
use super::{Client, HttpMethod, Inner, PreparedRequest, SignatureVersion, USER_AGENT};

/// The overall deadline of one [`Client::send`] when none is configured: 60 s, retries, backoff
/// and reading the body included. A response dripped slowly is cut off when it passes.
pub const DEFAULT_OPERATION_DEADLINE: Duration = Duration::from_secs(60);

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

/// Configures a [`Client`]; start with [`Client::builder`]. `T` is what [`build`](Self::build)
/// returns: the runtime's [`Client`], or a product crate's client wrapping it (`swas::client()`
/// gives a `ClientBuilder<swas::Client>`).
pub struct ClientBuilder<T = Client> {
    credentials: Option<SharedCredentialsProvider>,
    chain: Option<DefaultChain>,
    profile: Option<ProfileProvider>,
    anonymous: bool,
    region: Option<String>,
    endpoints: Option<ProductEndpoints>,
    network: Network,
    endpoint: Option<String>,
    signature_version: SignatureVersion,
    method: HttpMethod,
    connect_timeout: Duration,
    read_timeout: Duration,
    deadline: Option<Duration>,
    retry: RetryConfig,
    validate: bool,
    app_name: Option<String>,
    transport: Option<Arc<dyn Transport>>,
    interceptors: Interceptors,
    builds: std::marker::PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for ClientBuilder<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("credentials", &self.credentials)
            .field("region", &self.region)
            .field("network", &self.network)
            .field(
                "endpoint",
                &self.endpoint.as_deref().map(endpoint::redact_userinfo),
            )
            .field("signature_version", &self.signature_version)
            .field("method", &self.method)
            .field("deadline", &self.deadline)
            .field("retry", &self.retry)
            .field("validate", &self.validate)
            .field("transport", &self.transport)
            .field("interceptors", &self.interceptors.len())
            .finish_non_exhaustive()
    }
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self {
            credentials: None,
            chain: None,
            profile: None,
            anonymous: false,
            region: None,
            endpoints: None,
            network: Network::Public,
            endpoint: None,
            signature_version: SignatureVersion::V1,
            method: HttpMethod::Post,
            connect_timeout: Duration::from_secs(5),
            read_timeout: Duration::from_secs(10),
            deadline: Some(DEFAULT_OPERATION_DEADLINE),
            retry: RetryConfig::default(),
            validate: true,
            app_name: None,
            transport: None,
            interceptors: Vec::new(),
            builds: std::marker::PhantomData,
        }
    }
}

impl<T: From<Client>> ClientBuilder<T> {
    /// Resolves the endpoint and sets up the connection pool. Credentials are resolved on the
    /// send path (the first call, then whenever cached temporary ones near expiry); static ones
    /// are checked here.
    pub fn build(self) -> Result<T, BuildError> {
        self.build_client().map(T::from)
    }
}

impl<T> ClientBuilder<T> {
    /// The same settings for a builder that builds `U` (a product crate's client) instead.
    pub fn for_client<U>(self) -> ClientBuilder<U> {
        ClientBuilder {
            credentials: self.credentials,
            chain: self.chain,
            profile: self.profile,
            anonymous: self.anonymous,
            region: self.region,
            endpoints: self.endpoints,
            network: self.network,
            endpoint: self.endpoint,
            signature_version: self.signature_version,
            method: self.method,
            connect_timeout: self.connect_timeout,
            read_timeout: self.read_timeout,
            deadline: self.deadline,
            retry: self.retry,
            validate: self.validate,
            app_name: self.app_name,
            transport: self.transport,
            interceptors: self.interceptors,
            builds: std::marker::PhantomData,
        }
    }

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

    /// A bare regional endpoint table, `(region_id, host)` rows, reached over HTTPS; regions it
    /// lacks are errors. Product crates' `client()` sets [`product_endpoints`](Self::product_endpoints) instead.
    pub fn regional_endpoints(mut self, table: RegionTable) -> Self {
        self.endpoints = Some(ProductEndpoints::table_only(table));
        self
    }

    /// The product's endpoints: its published table, host prefix and rule for other regions.
    pub fn product_endpoints(mut self, endpoints: ProductEndpoints) -> Self {
        self.endpoints = Some(endpoints);
        self
    }

    /// Public endpoints (the default) or the product's VPC endpoints
    /// (`<prefix>-vpc.<region>.aliyuncs.com`). An explicit [`endpoint`](Self::endpoint) wins.
    pub fn network(mut self, network: Network) -> Self {
        self.network = network;
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

    /// The HTTP method of RPC calls: [`HttpMethod::Post`] (the default) or [`HttpMethod::Get`];
    /// `build()` refuses others. ROA operations always use the method their spec names.
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

    /// The overall deadline of one [`Client::send`]: every attempt, every backoff and
    /// `x-acs-retry-after` wait, and the reading of every body (default
    /// [`DEFAULT_OPERATION_DEADLINE`], 60 s). When it passes the call ends with
    /// [`Error::Timeout`](crate::Error::Timeout); a wait that would pass it is not started.
    /// `None` turns the deadline off: then only the connect and read timeouts bound a call, and a
    /// body dripped one byte at a time can take as long as the server likes.
    pub fn operation_deadline(mut self, deadline: impl Into<Option<Duration>>) -> Self {
        self.deadline = deadline.into();
        self
    }

    /// Sends through `transport` instead of the built-in HTTP client (a
    /// [`MockTransport`](crate::mock::MockTransport) in tests). Connect and read timeouts then do
    /// not apply; the overall deadline still does.
    pub fn transport(mut self, transport: impl Transport) -> Self {
        self.transport = Some(Arc::new(transport));
        self
    }

    /// Adds an interceptor that sees every attempt (before sending, and what came back).
    pub fn interceptor(mut self, interceptor: impl Interceptor) -> Self {
        self.interceptors.push(Arc::new(interceptor));
        self
    }

    /// Runs `hook` on every attempt's signed request just before it is sent: add a header
    /// (`request.insert_header("x-trace-id", id)`), record it.
    pub fn on_request(self, hook: impl Fn(&mut PreparedRequest) + Send + Sync + 'static) -> Self {
        self.interceptor(BeforeSend(hook))
    }

    /// Retry settings (default [`RetryConfig::default`]; [`RetryConfig::disabled`] for none).
    pub fn retry(mut self, retry: RetryConfig) -> Self {
        self.retry = retry;
        self
    }

    /// Whether to run [`Operation::validate`](crate::Operation::validate) before signing (default `true`). Turn off only
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

    fn build_client(mut self) -> Result<Client, BuildError> {
        if !matches!(self.method, HttpMethod::Post | HttpMethod::Get) {
            return Err(BuildError::InvalidConfig(format!(
                "RPC calls are sent with POST or GET, not {}",
                self.method
            )));
        }
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
        let mut region_binding = None;
        let endpoint = match (&self.endpoint, &self.region, self.endpoints) {
            (Some(url), _, _) => Endpoint::parse(url)?,
            (None, Some(region), Some(endpoints)) => {
                region_binding = Some(super::region::RegionBinding {
                    endpoints,
                    network: self.network,
                });
                endpoints.resolve(region, self.network)?
            }
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

        let transport: Arc<dyn Transport> = match self.transport {
            Some(transport) => transport,
            // The read timeout is the transport's own: one timer per attempt, not per read.
            None => Arc::new(
                ReqwestTransport::new(
                    reqwest::Client::builder()
                        .use_rustls_tls()
                        .connect_timeout(self.connect_timeout)
                        .user_agent(user_agent.clone())
                        .redirect(reqwest::redirect::Policy::none())
                        .build()
                        .map_err(|e| BuildError::Http(e.to_string()))?,
                )
                .with_read_timeout(self.read_timeout),
            ),
        };

        let v1_headers = FixedHeaderList::new(vec![
            ("host", endpoint.host_header()),
            ("user-agent", user_agent.clone()),
            ("accept", "application/json".to_owned()),
        ])
        .map_err(BuildError::InvalidConfig)?;
        let v3_headers = FixedHeaderList::new(vec![
            ("user-agent", user_agent.clone()),
            ("accept", "application/json".to_owned()),
        ])
        .map_err(BuildError::InvalidConfig)?;
        Ok(Client {
            inner: Arc::new(Inner {
                transport,
                interceptors: self.interceptors,
                v1_headers,
                v3_headers,
                credentials: provider,
                anonymous: self.anonymous,
                host_header: endpoint.host_header(),
                origin: Arc::from(endpoint.to_string()),
                endpoint,
                region: self.region,
                region_binding,
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
pub(super) fn check_credentials(credentials: &Credentials) -> Result<(), String> {
    if credentials.access_key_id().is_empty() || credentials.access_key_secret().is_empty() {
        return Err("the AccessKey ID and secret must not be empty".to_owned());
    }
    check_header_text("AccessKey ID", credentials.access_key_id())?;
    if let Some(token) = credentials.security_token() {
        check_header_text("security token", token)?;
    }
    Ok(())
}
