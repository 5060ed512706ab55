//! STS role assumption through types this project generates from Alibaba's STS metadata
//! (`specs/sts-2015-04-01/` inside this crate, copies of the import's folder so that the packaged
//! crate holds what it expands; expanded here by `acs_macros::generate!` with `runtime = crate`:
//! the macro crates do not depend on the runtime, so the runtime can expand them itself) and sent
//! by this runtime's own [`Client`].
//!
//! Defaults as in the official libraries: session duration 3600 s (at least 900 s), a generated
//! role session name unless `ALIBABA_CLOUD_ROLE_SESSION_NAME` or the program names one, the
//! endpoint `sts.aliyuncs.com` unless a region (`sts.<region>.aliyuncs.com`, `sts-vpc.` in a VPC)
//! or an explicit URL is given. `AssumeRole` is signed with the source credentials;
//! `AssumeRoleWithOIDC` is unsigned (the OIDC token, re-read from its file on every refresh,
//! proves the caller).

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use super::ecs::{credentials_from_document, Document};
use super::fetch::without_query;
use super::provider::{CredentialsFuture, ProvideCredentials, SharedCredentialsProvider};
use super::{Credentials, CredentialsError, CredentialsSource, RefreshingCache};
use crate::client::Client;
use crate::error::{Error, ServiceError};

/// The generated STS 2015-04-01 operations the providers call, and `GetCallerIdentity` (who the
/// credentials in use belong to).
pub mod generated {
    // The nested types the operations share (`Credentials`, `AssumedRoleUser`).
    acs_macros::generate!(spec = "specs/sts-2015-04-01/_shapes.json", runtime = crate);
    acs_macros::generate!(
        spec = "specs/sts-2015-04-01/AssumeRole.json",
        runtime = crate,
        shapes = crate::credentials::sts::generated::shapes
    );
    acs_macros::generate!(
        spec = "specs/sts-2015-04-01/AssumeRoleWithOIDC.json",
        runtime = crate,
        shapes = crate::credentials::sts::generated::shapes
    );
    acs_macros::generate!(
        spec = "specs/sts-2015-04-01/GetCallerIdentity.json",
        runtime = crate
    );
}

use generated::{AssumeRole, AssumeRoleWithOIDC};

/// The default session duration, seconds.
pub const DEFAULT_DURATION_SECONDS: u32 = 3600;
/// The shortest session STS grants, seconds.
pub const MIN_DURATION_SECONDS: u32 = 900;
/// The OIDC token file is refused beyond this size.
const MAX_TOKEN_FILE_BYTES: u64 = 64 * 1024;

/// Where STS calls go. `Debug` shows an explicit URL without user info or query.
#[derive(Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum StsEndpoint {
    /// `https://sts.aliyuncs.com`.
    #[default]
    Global,
    /// `https://sts.<region>.aliyuncs.com`, or `https://sts-vpc.<region>.aliyuncs.com` in a VPC.
    Region {
        /// The region id.
        region: String,
        /// Whether to use the VPC endpoint.
        vpc: bool,
    },
    /// An explicit base URL (`https://host[:port]`, `http://127.0.0.1:PORT` for a local fake).
    Url(String),
}

impl std::fmt::Debug for StsEndpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StsEndpoint::Global => f.write_str("Global"),
            StsEndpoint::Region { region, vpc } => f
                .debug_struct("Region")
                .field("region", region)
                .field("vpc", vpc)
                .finish(),
            StsEndpoint::Url(url) => f
                .debug_tuple("Url")
                .field(&crate::redact::display_url(url))
                .finish(),
        }
    }
}

impl StsEndpoint {
    /// The base URL.
    pub fn url(&self) -> String {
        match self {
            StsEndpoint::Global => "https://sts.aliyuncs.com".to_owned(),
            StsEndpoint::Region { region, vpc } => {
                let prefix = if *vpc { "sts-vpc" } else { "sts" };
                format!("https://{prefix}.{region}.aliyuncs.com")
            }
            StsEndpoint::Url(url) => url.clone(),
        }
    }
}

/// The settings both role providers share.
#[derive(Debug)]
struct Session {
    role_arn: String,
    role_session_name: String,
    duration_seconds: u32,
    policy: Option<String>,
    endpoint: StsEndpoint,
    client: OnceLock<Result<Client, String>>,
    cache: RefreshingCache,
}

impl Session {
    fn new(role_arn: String) -> Self {
        Self {
            role_arn,
            role_session_name: default_session_name(),
            duration_seconds: DEFAULT_DURATION_SECONDS,
            policy: None,
            endpoint: StsEndpoint::Global,
            client: OnceLock::new(),
            cache: RefreshingCache::new(),
        }
    }

    fn check(&self, action: &str) -> Result<(), CredentialsError> {
        if self.role_arn.is_empty() {
            return Err(CredentialsError::InvalidConfig(format!(
                "{action} needs a role ARN"
            )));
        }
        if self.duration_seconds < MIN_DURATION_SECONDS {
            return Err(CredentialsError::InvalidConfig(format!(
                "the {action} session duration must be at least {MIN_DURATION_SECONDS} s (got {})",
                self.duration_seconds
            )));
        }
        Ok(())
    }

    fn source_name(&self, action: &str) -> String {
        format!("STS {action} at {}", without_query(&self.endpoint.url()))
    }

    fn client(
        &self,
        action: &str,
        build: impl FnOnce() -> Result<Client, crate::client::BuildError>,
    ) -> Result<&Client, CredentialsError> {
        self.client
            .get_or_init(|| build().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|reason| CredentialsError::Fetch {
                source_name: self.source_name(action),
                reason: reason.clone(),
            })
    }

    fn credentials<E: ServiceError>(
        &self,
        action: &str,
        result: Result<GrantedCredentials, Error<E>>,
        source: CredentialsSource,
    ) -> Result<Credentials, CredentialsError> {
        let fail = |reason: String| CredentialsError::Fetch {
            source_name: self.source_name(action),
            reason,
        };
        let granted = result.map_err(|e| match e {
            Error::Credentials(inner) => fail(format!("no source credentials: {inner}")),
            other => fail(other.to_string()),
        })?;
        let document = granted.ok_or_else(|| fail("the answer has no Credentials".to_owned()))?;
        credentials_from_document(document, source, fail)
    }
}

/// The `Credentials` object of an STS answer, as a credentials document.
type GrantedCredentials = Option<Document>;

/// The credential document of an AssumeRole* answer (both answers share the `Credentials` shape).
fn document(credentials: generated::shapes::Credentials) -> Document {
    Document {
        code: None,
        access_key_id: credentials.access_key_id,
        access_key_secret: credentials.access_key_secret,
        security_token: credentials.security_token,
        expiration: credentials.expiration,
    }
}

/// `acs-runtime-<unix milliseconds>`, like the official `credentials-go-<microseconds>`.
fn default_session_name() -> String {
    let millis = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or_default();
    format!("acs-runtime-{millis}")
}

macro_rules! session_setters {
    () => {
        /// The role session name (default `acs-runtime-<unix ms>`).
        pub fn role_session_name(mut self, name: impl Into<String>) -> Self {
            let name = name.into();
            if !name.is_empty() {
                self.session.role_session_name = name;
            }
            self
        }

        /// The session duration in seconds (default 3600, at least 900).
        pub fn duration_seconds(mut self, seconds: u32) -> Self {
            self.session.duration_seconds = seconds;
            self
        }

        /// A policy further restricting the session.
        pub fn policy(mut self, policy: impl Into<String>) -> Self {
            self.session.policy = Some(policy.into()).filter(|p| !p.is_empty());
            self
        }

        /// Where STS is called (default [`StsEndpoint::Global`]).
        pub fn endpoint(mut self, endpoint: StsEndpoint) -> Self {
            self.session.endpoint = endpoint;
            self
        }

        /// Refreshes this long before expiration (default
        /// [`DEFAULT_REFRESH_MARGIN`](super::DEFAULT_REFRESH_MARGIN)).
        pub fn refresh_margin(mut self, margin: Duration) -> Self {
            self.session.cache = RefreshingCache::with_margin(margin);
            self
        }
    };
}

/// A RAM role assumed with STS `AssumeRole`, signed with the source credentials; cached and
/// refreshed before it expires. Start with [`Credentials::ram_role_arn`].
#[derive(Debug)]
pub struct RamRoleArn {
    source: SharedCredentialsProvider,
    external_id: Option<String>,
    session: Session,
}

impl RamRoleArn {
    /// Assumes `role_arn` with credentials from `source`.
    pub fn new(source: SharedCredentialsProvider, role_arn: impl Into<String>) -> Self {
        Self {
            source,
            external_id: None,
            session: Session::new(role_arn.into()),
        }
    }

    session_setters!();

    /// The external ID the role's trust policy asks for.
    pub fn external_id(mut self, external_id: impl Into<String>) -> Self {
        self.external_id = Some(external_id.into()).filter(|e| !e.is_empty());
        self
    }

    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        const ACTION: &str = "AssumeRole";
        let session = &self.session;
        session.check(ACTION)?;
        let client = session.client(ACTION, || {
            Client::builder()
                .endpoint(session.endpoint.url())
                .credentials_provider(std::sync::Arc::clone(&self.source))
                .build()
        })?;
        let mut builder = AssumeRole::builder()
            .role_arn(&session.role_arn)
            .role_session_name(&session.role_session_name)
            .duration_seconds(i64::from(session.duration_seconds));
        if let Some(policy) = &session.policy {
            builder = builder.policy(policy);
        }
        if let Some(external_id) = &self.external_id {
            builder = builder.external_id(external_id);
        }
        let result = client
            .send(&builder.build())
            .await
            .map(|answer| answer.credentials.map(document));
        session.credentials(
            ACTION,
            result,
            CredentialsSource::AssumeRole {
                role_arn: session.role_arn.clone(),
            },
        )
    }
}

impl ProvideCredentials for RamRoleArn {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.session.cache.get_or_refresh(|| self.fetch()))
    }

    fn cached_credentials(&self) -> Option<Credentials> {
        self.session.cache.cached()
    }
}

/// A RAM role assumed with STS `AssumeRoleWithOIDC` (ACK RRSA), the token read from its file on
/// every refresh; cached and refreshed before it expires. Start with
/// [`Credentials::oidc_role_arn`].
#[derive(Debug)]
pub struct OidcRoleArn {
    oidc_provider_arn: String,
    token_file: PathBuf,
    session: Session,
}

impl OidcRoleArn {
    /// Assumes `role_arn` as the identity in `token_file`, issued by `oidc_provider_arn`.
    pub fn new(
        role_arn: impl Into<String>,
        oidc_provider_arn: impl Into<String>,
        token_file: impl Into<PathBuf>,
    ) -> Self {
        Self {
            oidc_provider_arn: oidc_provider_arn.into(),
            token_file: token_file.into(),
            session: Session::new(role_arn.into()),
        }
    }

    session_setters!();

    fn read_token(&self) -> Result<String, CredentialsError> {
        let file = |reason: String| CredentialsError::File {
            what: "the OIDC token file".to_owned(),
            path: self.token_file.clone(),
            reason,
        };
        let metadata = std::fs::metadata(&self.token_file)
            .map_err(|e| file(format!("cannot read it: {}", e.kind())))?;
        if metadata.len() > MAX_TOKEN_FILE_BYTES {
            return Err(file(format!(
                "it is larger than {MAX_TOKEN_FILE_BYTES} bytes"
            )));
        }
        let bytes = std::fs::read(&self.token_file)
            .map_err(|e| file(format!("cannot read it: {}", e.kind())))?;
        let token = String::from_utf8(bytes).map_err(|_| file("it is not UTF-8".to_owned()))?;
        let token = token.trim();
        if token.is_empty() {
            return Err(file("it is empty".to_owned()));
        }
        Ok(token.to_owned())
    }

    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        const ACTION: &str = "AssumeRoleWithOIDC";
        let session = &self.session;
        session.check(ACTION)?;
        if self.oidc_provider_arn.is_empty() {
            return Err(CredentialsError::InvalidConfig(
                "AssumeRoleWithOIDC needs an OIDC provider ARN".to_owned(),
            ));
        }
        let token = self.read_token()?;
        let client = session.client(ACTION, || {
            Client::builder()
                .endpoint(session.endpoint.url())
                .anonymous()
                .build()
        })?;
        let mut builder = AssumeRoleWithOIDC::builder()
            .role_arn(&session.role_arn)
            .oidc_provider_arn(&self.oidc_provider_arn)
            .oidc_token(token)
            .role_session_name(&session.role_session_name)
            .duration_seconds(i64::from(session.duration_seconds));
        if let Some(policy) = &session.policy {
            builder = builder.policy(policy);
        }
        let result = client
            .send(&builder.build())
            .await
            .map(|answer| answer.credentials.map(document));
        session.credentials(
            ACTION,
            result,
            CredentialsSource::AssumeRoleWithOidc {
                role_arn: session.role_arn.clone(),
            },
        )
    }
}

impl ProvideCredentials for OidcRoleArn {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.session.cache.get_or_refresh(|| self.fetch()))
    }

    fn cached_credentials(&self) -> Option<Credentials> {
        self.session.cache.cached()
    }
}

impl Credentials {
    /// Assumes a RAM role with STS `AssumeRole`, signed with credentials from `source` (static
    /// keys, another role, any provider).
    pub fn ram_role_arn(
        source: impl ProvideCredentials + 'static,
        role_arn: impl Into<String>,
    ) -> RamRoleArn {
        RamRoleArn::new(std::sync::Arc::new(source), role_arn)
    }

    /// Assumes a RAM role with STS `AssumeRoleWithOIDC`, the OIDC token read from `token_file`.
    pub fn oidc_role_arn(
        role_arn: impl Into<String>,
        oidc_provider_arn: impl Into<String>,
        token_file: impl Into<PathBuf>,
    ) -> OidcRoleArn {
        OidcRoleArn::new(role_arn, oidc_provider_arn, token_file)
    }

    /// The ECS instance RAM role from the metadata service.
    pub fn ecs_ram_role() -> super::EcsRamRole {
        super::EcsRamRole::new()
    }

    /// Temporary credentials from a credentials URI.
    pub fn uri(url: impl Into<String>) -> super::CredentialsUri {
        super::CredentialsUri::new(url)
    }
}
