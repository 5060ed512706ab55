//! The ECS instance RAM role, from the instance metadata service, in hardened mode: a session
//! token first (`PUT /latest/api/token` with `X-aliyun-ecs-metadata-token-ttl-seconds`), then
//! every request with `X-aliyun-ecs-metadata-token`. Without a token the requests go out
//! tokenless, unless that is forbidden (`ALIBABA_CLOUD_IMDSV1_DISABLED=true` /
//! [`EcsRamRole::disable_imds_v1`]) — as `credentials-go` and the Python library do.

use std::sync::OnceLock;
use std::time::Duration;

use super::fetch::{exchange, http_client};
use super::provider::{CredentialsFuture, ProvideCredentials};
use super::{parse_expiration, Credentials, CredentialsError, CredentialsSource, RefreshingCache};

/// The metadata service of every ECS instance.
pub const DEFAULT_METADATA_ENDPOINT: &str = "http://100.100.100.200";
const TOKEN_PATH: &str = "/latest/api/token";
const CREDENTIALS_PATH: &str = "/latest/meta-data/ram/security-credentials/";
const TOKEN_TTL_HEADER: &str = "X-aliyun-ecs-metadata-token-ttl-seconds";
const TOKEN_HEADER: &str = "X-aliyun-ecs-metadata-token";
/// Six hours, the official libraries' token lifetime.
const TOKEN_TTL_SECONDS: u32 = 21_600;

/// Credentials of the instance's RAM role, cached and refreshed before they expire.
///
/// Defaults as in the official libraries: endpoint [`DEFAULT_METADATA_ENDPOINT`], 1 s connect and
/// 1 s read timeouts per request, role name asked from the service when not given.
#[derive(Debug)]
pub struct EcsRamRole {
    role_name: Option<String>,
    endpoint: String,
    disable_imds_v1: bool,
    connect_timeout: Duration,
    read_timeout: Duration,
    http: OnceLock<Result<reqwest::Client, String>>,
    cache: RefreshingCache,
}

impl Default for EcsRamRole {
    fn default() -> Self {
        Self::new()
    }
}

impl EcsRamRole {
    /// The instance's role, asked from the metadata service.
    pub fn new() -> Self {
        Self {
            role_name: None,
            endpoint: DEFAULT_METADATA_ENDPOINT.to_owned(),
            disable_imds_v1: false,
            connect_timeout: Duration::from_secs(1),
            read_timeout: Duration::from_secs(1),
            http: OnceLock::new(),
            cache: RefreshingCache::new(),
        }
    }

    /// Uses this role name instead of asking the service.
    pub fn role_name(mut self, role_name: impl Into<String>) -> Self {
        self.role_name = Some(role_name.into()).filter(|r| !r.is_empty());
        self
    }

    /// Another metadata service base URL (`http://host[:port]`), e.g. a local fake in tests.
    pub fn endpoint(mut self, url: impl Into<String>) -> Self {
        self.endpoint = url.into().trim_end_matches('/').to_owned();
        self
    }

    /// Fails instead of falling back to tokenless requests when no session token is issued.
    pub fn disable_imds_v1(mut self, disable: bool) -> Self {
        self.disable_imds_v1 = disable;
        self
    }

    /// Connect timeout and read timeout of each metadata request (defaults 1 s and 1 s).
    pub fn timeouts(mut self, connect: Duration, read: Duration) -> Self {
        self.connect_timeout = connect;
        self.read_timeout = read;
        self
    }

    /// Refreshes this long before expiration (default
    /// [`DEFAULT_REFRESH_MARGIN`](super::DEFAULT_REFRESH_MARGIN)).
    pub fn refresh_margin(mut self, margin: Duration) -> Self {
        self.cache = RefreshingCache::with_margin(margin);
        self
    }

    fn source_name(&self) -> String {
        format!("the ECS metadata service at {}", self.endpoint)
    }

    fn error(&self, reason: impl Into<String>) -> CredentialsError {
        CredentialsError::Fetch {
            source_name: self.source_name(),
            reason: reason.into(),
        }
    }

    fn http(&self) -> Result<&reqwest::Client, CredentialsError> {
        self.http
            .get_or_init(|| http_client(self.connect_timeout, true))
            .as_ref()
            .map_err(|e| self.error(e.clone()))
    }

    /// Each request may take the connect timeout plus the read timeout.
    fn request_timeout(&self) -> Duration {
        self.connect_timeout + self.read_timeout
    }

    async fn session_token(&self) -> Result<Option<String>, CredentialsError> {
        let http = self.http()?;
        let request = http
            .put(format!("{}{TOKEN_PATH}", self.endpoint))
            .header(TOKEN_TTL_HEADER, TOKEN_TTL_SECONDS.to_string());
        let failure = match exchange(request, self.request_timeout()).await {
            Ok((200, body)) => match String::from_utf8(body) {
                Ok(token) if !token.trim().is_empty() => return Ok(Some(token.trim().to_owned())),
                _ => "the session token answer is empty or not UTF-8".to_owned(),
            },
            Ok((status, _)) => format!("the session token request answered HTTP {status}"),
            Err(reason) => format!("the session token request failed: {reason}"),
        };
        if self.disable_imds_v1 {
            return Err(self.error(format!(
                "{failure}, and requests without a token are disabled"
            )));
        }
        tracing::debug!(
            reason = failure.as_str(),
            "no metadata session token; going on without"
        );
        Ok(None)
    }

    async fn get(&self, path: &str, token: Option<&str>) -> Result<Vec<u8>, CredentialsError> {
        let http = self.http()?;
        let mut request = http.get(format!("{}{path}", self.endpoint));
        if let Some(token) = token {
            request = request.header(TOKEN_HEADER, token);
        }
        match exchange(request, self.request_timeout()).await {
            Ok((200, body)) => Ok(body),
            Ok((status, _)) => Err(self.error(format!("GET {path} answered HTTP {status}"))),
            Err(reason) => Err(self.error(format!("GET {path} failed: {reason}"))),
        }
    }

    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        let token = self.session_token().await?;
        let role_name = match &self.role_name {
            Some(role_name) => role_name.clone(),
            None => {
                let body = self.get(CREDENTIALS_PATH, token.as_deref()).await?;
                let name = String::from_utf8(body)
                    .map_err(|_| self.error("the role name is not UTF-8"))?;
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return Err(self.error("no RAM role is attached to this instance"));
                }
                name
            }
        };
        if !is_role_name(&role_name) {
            return Err(CredentialsError::InvalidConfig(format!(
                "the ECS RAM role name {role_name:?} has characters a role name cannot have"
            )));
        }
        let body = self
            .get(&format!("{CREDENTIALS_PATH}{role_name}"), token.as_deref())
            .await?;
        let document: Document = serde_json::from_slice(&body).map_err(|e| {
            self.error(format!(
                "the credentials document is not the expected JSON (line {} column {})",
                e.line(),
                e.column()
            ))
        })?;
        if document.code.as_deref() != Some("Success") {
            return Err(self.error(format!(
                "the credentials document says Code {:?}, not \"Success\"",
                document.code.unwrap_or_default()
            )));
        }
        credentials_from_document(
            document,
            CredentialsSource::EcsRamRole { role_name },
            |reason| self.error(reason),
        )
    }
}

impl ProvideCredentials for EcsRamRole {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.cache.get_or_refresh(|| self.fetch()))
    }

    fn cached_credentials(&self) -> Option<Credentials> {
        self.cache.cached()
    }
}

/// RAM role names: letters, digits, `.`, `-`, `_`, up to 64 characters.
fn is_role_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

/// The credentials document of the metadata service and of credentials URIs.
#[derive(serde::Deserialize)]
pub(crate) struct Document {
    #[serde(rename = "Code")]
    pub(crate) code: Option<String>,
    #[serde(rename = "AccessKeyId")]
    pub(crate) access_key_id: Option<String>,
    #[serde(rename = "AccessKeySecret")]
    pub(crate) access_key_secret: Option<String>,
    #[serde(rename = "SecurityToken")]
    pub(crate) security_token: Option<String>,
    #[serde(rename = "Expiration")]
    pub(crate) expiration: Option<String>,
}

/// Temporary credentials from a document: all four fields needed, the expiration parseable.
pub(crate) fn credentials_from_document(
    document: Document,
    source: CredentialsSource,
    error: impl Fn(String) -> CredentialsError,
) -> Result<Credentials, CredentialsError> {
    let mut missing = Vec::new();
    for (name, value) in [
        ("AccessKeyId", &document.access_key_id),
        ("AccessKeySecret", &document.access_key_secret),
        ("SecurityToken", &document.security_token),
        ("Expiration", &document.expiration),
    ] {
        if value.as_deref().is_none_or(str::is_empty) {
            missing.push(name);
        }
    }
    if !missing.is_empty() {
        return Err(error(format!(
            "the credentials document lacks {}",
            missing.join(", ")
        )));
    }
    let expiration_text = document.expiration.unwrap_or_default();
    let expiration = parse_expiration(&expiration_text).ok_or_else(|| {
        error(format!(
            "the Expiration {expiration_text:?} is not a UTC time like 2006-01-02T15:04:05Z"
        ))
    })?;
    Ok(Credentials::with_security_token(
        document.access_key_id.unwrap_or_default(),
        document.access_key_secret.unwrap_or_default(),
        document.security_token.unwrap_or_default(),
    )
    .with_expiration(expiration)
    .with_source(source))
}
