//! Credentials, the providers that fetch them, and the default chain.
//!
//! [`Credentials`] hold an AccessKey pair and, for STS, a security token and an expiration; their
//! `Debug` and `Display` never show the secret or the token. A client holds a provider
//! ([`ProvideCredentials`]) and asks it for credentials on every call, so temporary credentials
//! are refreshed under a long-running program ([`RefreshingCache`]: refreshed
//! [`DEFAULT_REFRESH_MARGIN`] before they expire — or after three quarters of their lifetime when
//! they live less than four margins — once for all concurrent callers; a failure is remembered
//! for [`FAILURE_BACKOFF`]).
//!
//! Text from credential sources and configuration (answers, URLs, file errors) passes through
//! [`crate::redact`] before it reaches an error, `Debug` or a trace: a credentials-URI password
//! or an echoed security token never shows.
//!
//! # The default chain
//!
//! [`DefaultChain`] looks for credentials in the order of Alibaba Cloud's own credentials
//! libraries (`credentials-go`, `alibabacloud_credentials` for Python), skipping each source that
//! is not configured, and keeps using the first that answers:
//!
//! | # | source | configured by |
//! |---|---|---|
//! | 1 | environment AccessKey | `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, optional `ALIBABA_CLOUD_SECURITY_TOKEN` |
//! | 2 | OIDC role (ACK RRSA): STS `AssumeRoleWithOIDC` | all of `ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`, `ALIBABA_CLOUD_OIDC_TOKEN_FILE` |
//! | 3 | CLI profile file `~/.aliyun/config.json` (`ALIBABA_CLOUD_CONFIG_FILE` for another path) | profile [`DefaultChain::profile`], else `ALIBABA_CLOUD_PROFILE`, else the file's `current`; off with `ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true` |
//! | 4 | INI file `~/.alibabacloud/credentials` | `ALIBABA_CLOUD_CREDENTIALS_FILE` for another path; section [`DefaultChain::profile`], else `ALIBABA_CLOUD_PROFILE`, else `default` |
//! | 5 | ECS instance RAM role (metadata service, token first) | role `ALIBABA_CLOUD_ECS_METADATA` (else asked from the service); off with `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true`; no fallback to tokenless requests with `ALIBABA_CLOUD_IMDSV1_DISABLED=true` |
//! | 6 | credentials URI | `ALIBABA_CLOUD_CREDENTIALS_URI` |
//!
//! STS calls made by the chain go to `sts.aliyuncs.com`, or `sts.<ALIBABA_CLOUD_STS_REGION>.aliyuncs.com`
//! (`sts-vpc.` with `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true`); `ALIBABA_CLOUD_ROLE_SESSION_NAME`
//! names the role session. When no source answers, one [`CredentialsError::NotFound`] lists every
//! source tried and why it was skipped, never a secret. Concurrent callers share one run of the
//! chain; a run ends within [`DEFAULT_CHAIN_TIMEOUT`]; a run that found nothing is the answer for
//! [`FAILURE_BACKOFF`]. A client whose operation deadline passes while credentials are being
//! fetched fails with [`CredentialsError::DeadlineReached`], not a timeout.
//!
//! Programs that don't want the chain pick a provider: [`Credentials::new`] (static keys),
//! [`Credentials::ram_role_arn`], [`Credentials::oidc_role_arn`], [`Credentials::ecs_ram_role`],
//! [`Credentials::uri`], [`Credentials::profile`] — or implement [`ProvideCredentials`].

use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::SystemTime;

mod cache;
mod chain;
mod ecs;
mod env;
mod fetch;
mod ini;
mod profile;
mod provider;
pub mod sts;
mod uri;

pub use cache::{RefreshingCache, DEFAULT_REFRESH_MARGIN, FAILURE_BACKOFF, RETRY_AFTER_FAILURE};
pub use chain::{DefaultChain, DEFAULT_CHAIN_TIMEOUT};
pub use ecs::{EcsRamRole, DEFAULT_METADATA_ENDPOINT};
pub use env::*;
pub use ini::{IniFile, IniSection};
pub use profile::{Profile, ProfileConfig, ProfileProvider};
pub use provider::{CredentialsFuture, ProvideCredentials, SharedCredentialsProvider};
pub use sts::{OidcRoleArn, RamRoleArn, StsEndpoint};
pub use uri::CredentialsUri;

use crate::sign::v1;

/// Where a set of credentials came from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialsSource {
    /// Given explicitly by the program.
    Static,
    /// The `ALIBABA_CLOUD_*` environment variables.
    Environment,
    /// A profile of the CLI configuration file.
    ProfileFile {
        /// The file read.
        path: PathBuf,
        /// The profile used.
        profile: String,
    },
    /// A section of the INI credentials file.
    IniFile {
        /// The file read.
        path: PathBuf,
        /// The section used.
        section: String,
    },
    /// STS `AssumeRole` for this role.
    AssumeRole {
        /// The role ARN.
        role_arn: String,
    },
    /// STS `AssumeRoleWithOIDC` for this role.
    AssumeRoleWithOidc {
        /// The role ARN.
        role_arn: String,
    },
    /// The ECS instance metadata service, for this RAM role.
    EcsRamRole {
        /// The role name.
        role_name: String,
    },
    /// A credentials URI.
    Uri {
        /// The URI without user info and query (either may carry a secret).
        uri: String,
    },
    /// A custom provider, named by itself.
    Custom(String),
}

impl fmt::Display for CredentialsSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialsSource::Static => f.write_str("static credentials"),
            CredentialsSource::Environment => f.write_str("environment variables"),
            CredentialsSource::ProfileFile { path, profile } => {
                write!(f, "profile {profile:?} of {}", path.display())
            }
            CredentialsSource::IniFile { path, section } => {
                write!(f, "section [{section}] of {}", path.display())
            }
            CredentialsSource::AssumeRole { role_arn } => write!(f, "STS AssumeRole {role_arn}"),
            CredentialsSource::AssumeRoleWithOidc { role_arn } => {
                write!(f, "STS AssumeRoleWithOIDC {role_arn}")
            }
            CredentialsSource::EcsRamRole { role_name } => {
                write!(f, "ECS instance RAM role {role_name:?}")
            }
            CredentialsSource::Uri { uri } => write!(f, "credentials URI {uri}"),
            CredentialsSource::Custom(name) => f.write_str(name),
        }
    }
}

/// An AccessKey pair, optionally with an STS security token and an expiration.
///
/// Cheap to clone (shared). `Debug` and `Display` show the AccessKey ID and where the credentials
/// came from, never the secret or the token.
#[derive(Clone)]
pub struct Credentials {
    inner: Arc<Inner>,
}

struct Inner {
    access_key_id: String,
    access_key_secret: String,
    security_token: Option<String>,
    expiration: Option<SystemTime>,
    source: CredentialsSource,
    /// What v1 signing needs of these credentials, prepared once per set of credentials.
    v1: OnceLock<V1Prepared>,
}

/// The v1 HMAC key, and whether the AccessKey ID is written into a string to sign as is.
struct V1Prepared {
    key: v1::SigningKey,
    plain_access_key_id: bool,
}

impl PartialEq for Credentials {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
            || (self.inner.access_key_id == other.inner.access_key_id
                && self.inner.access_key_secret == other.inner.access_key_secret
                && self.inner.security_token == other.inner.security_token
                && self.inner.expiration == other.inner.expiration
                && self.inner.source == other.inner.source)
    }
}

impl Eq for Credentials {}

impl Credentials {
    fn build(
        access_key_id: String,
        access_key_secret: String,
        security_token: Option<String>,
        expiration: Option<SystemTime>,
        source: CredentialsSource,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                access_key_id,
                access_key_secret,
                security_token,
                expiration,
                source,
                v1: OnceLock::new(),
            }),
        }
    }

    /// Long-term AccessKey credentials.
    pub fn new(access_key_id: impl Into<String>, access_key_secret: impl Into<String>) -> Self {
        Self::build(
            access_key_id.into(),
            access_key_secret.into(),
            None,
            None,
            CredentialsSource::Static,
        )
    }

    /// STS credentials: an AccessKey pair plus its security token.
    pub fn with_security_token(
        access_key_id: impl Into<String>,
        access_key_secret: impl Into<String>,
        security_token: impl Into<String>,
    ) -> Self {
        Self::build(
            access_key_id.into(),
            access_key_secret.into(),
            Some(security_token.into()),
            None,
            CredentialsSource::Static,
        )
    }

    /// These credentials, valid until `expiration`.
    pub fn with_expiration(self, expiration: SystemTime) -> Self {
        self.rebuild(Some(expiration), self.inner.source.clone())
    }

    /// These credentials, labelled with where they came from.
    pub fn with_source(self, source: CredentialsSource) -> Self {
        self.rebuild(self.inner.expiration, source)
    }

    fn rebuild(&self, expiration: Option<SystemTime>, source: CredentialsSource) -> Self {
        Self::build(
            self.inner.access_key_id.clone(),
            self.inner.access_key_secret.clone(),
            self.inner.security_token.clone(),
            expiration,
            source,
        )
    }

    /// The AccessKey ID.
    pub fn access_key_id(&self) -> &str {
        &self.inner.access_key_id
    }

    /// The AccessKey secret. Handle with care: never log it.
    pub fn access_key_secret(&self) -> &str {
        &self.inner.access_key_secret
    }

    /// The STS security token, when these are STS credentials.
    pub fn security_token(&self) -> Option<&str> {
        self.inner.security_token.as_deref()
    }

    /// When these credentials stop working; `None` for long-term keys.
    pub fn expiration(&self) -> Option<SystemTime> {
        self.inner.expiration
    }

    /// Where these credentials came from.
    pub fn source(&self) -> &CredentialsSource {
        &self.inner.source
    }

    /// The prepared v1 signing key (computed on first use, then shared by every clone).
    pub(crate) fn v1_signing_key(&self) -> &v1::SigningKey {
        &self.v1_prepared().key
    }

    /// Whether the AccessKey ID is all unreserved characters (it always is in practice), so
    /// that percent-encoding leaves it as it is.
    pub(crate) fn access_key_id_is_unreserved(&self) -> bool {
        self.v1_prepared().plain_access_key_id
    }

    fn v1_prepared(&self) -> &V1Prepared {
        self.inner.v1.get_or_init(|| V1Prepared {
            key: v1::SigningKey::new(&self.inner.access_key_secret),
            plain_access_key_id: self
                .inner
                .access_key_id
                .bytes()
                .all(crate::sign::is_unreserved),
        })
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Credentials");
        s.field("access_key_id", &self.inner.access_key_id)
            .field("access_key_secret", &"<redacted>")
            .field(
                "security_token",
                &self.inner.security_token.as_ref().map(|_| "<redacted>"),
            );
        if let Some(expiration) = self.inner.expiration {
            s.field("expiration", &crate::sign::format_timestamp(expiration));
        }
        s.field("source", &self.inner.source).finish()
    }
}

impl fmt::Display for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.inner.security_token.is_some() {
            "STS credentials"
        } else {
            "AccessKey credentials"
        };
        write!(
            f,
            "{kind} {} from {}",
            self.inner.access_key_id, self.inner.source
        )
    }
}

/// No usable credentials. Says where the chain looked and what was missing or wrong; never
/// contains a secret or token value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialsError {
    /// No source had any credentials.
    #[error("no credentials found: looked in {}", .searched.join("; "))]
    NotFound {
        /// Every place looked, in order, each with why it was skipped.
        searched: Vec<String>,
    },
    /// A source had some credentials but not all that its mode needs.
    #[error("incomplete credentials in {source_name}: missing {}", .missing.join(", "))]
    Incomplete {
        /// The environment variables or the profile file and profile.
        source_name: String,
        /// The missing variables or fields.
        missing: Vec<String>,
    },
    /// A configuration or credentials file exists but cannot be used.
    #[error("cannot use {what} {}: {reason}", .path.display())]
    File {
        /// What file: `the CLI profile file`, `the INI credentials file`, `the OIDC token file`.
        what: String,
        /// The file.
        path: PathBuf,
        /// What was wrong (never file contents).
        reason: String,
    },
    /// The profile asked for does not exist in the file.
    #[error(
        "profile {profile:?} (from {chosen_by}) not found in {}; profiles there: {}",
        .path.display(),
        if .available.is_empty() { "none".to_owned() } else { .available.join(", ") }
    )]
    ProfileNotFound {
        /// The file.
        path: PathBuf,
        /// The profile asked for.
        profile: String,
        /// `ALIBABA_CLOUD_PROFILE`, the program, or the file's `current` field.
        chosen_by: String,
        /// The names of the profiles the file has.
        available: Vec<String>,
    },
    /// The profile uses a credential mode this runtime does not implement.
    #[error(
        "profile {profile:?} in {} uses mode {mode:?}; supported modes are AK, StsToken, \
         RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC and CredentialsURI",
        .path.display()
    )]
    UnsupportedMode {
        /// The file.
        path: PathBuf,
        /// The profile.
        profile: String,
        /// Its `mode`.
        mode: String,
    },
    /// A setting cannot work (named in the message).
    #[error("invalid credentials configuration: {0}")]
    InvalidConfig(String),
    /// Fetching temporary credentials failed (STS, metadata service, credentials URI).
    #[error("cannot fetch credentials from {source_name}: {reason}")]
    Fetch {
        /// Where from.
        source_name: String,
        /// Why (status, error code, timeout; never a secret).
        reason: String,
    },
    /// The cached temporary credentials expired and refreshing them failed.
    #[error("the credentials from {source_name} expired at {expired_at} and refreshing them failed: {reason}")]
    Expired {
        /// Where they came from.
        source_name: String,
        /// When they expired (UTC).
        expired_at: String,
        /// Why the refresh failed.
        reason: String,
    },
    /// The caller's deadline (the client's operation deadline) was reached while the provider
    /// was still fetching: a credentials failure, not a service timeout.
    #[error("no credentials within the operation deadline: the credentials provider had not answered after {waited_ms} ms")]
    DeadlineReached {
        /// How long the caller waited.
        waited_ms: u64,
    },
    /// The credentials are not at hand without fetching ([`crate::Client::prepare`] signs only
    /// with credentials at hand).
    #[error("no credentials at hand yet (the provider has not fetched any): send a request or call `Client::resolve_credentials` first")]
    NotResolved,
    /// Something else, described.
    #[error("{0}")]
    Other(String),
}

impl CredentialsError {
    /// [`CredentialsError::DeadlineReached`] after waiting `waited`.
    pub fn deadline_reached(waited: std::time::Duration) -> Self {
        CredentialsError::DeadlineReached {
            waited_ms: u64::try_from(waited.as_millis()).unwrap_or(u64::MAX),
        }
    }
}

/// The UTC `YYYY-MM-DDThh:mm:ssZ` form of `time`, for messages.
pub(crate) fn utc(time: SystemTime) -> String {
    crate::sign::format_timestamp(time)
}

/// Parses an STS / metadata `Expiration` (`2006-01-02T15:04:05Z`, RFC 3339).
pub(crate) fn parse_expiration(value: &str) -> Option<SystemTime> {
    time::OffsetDateTime::parse(value.trim(), &time::format_description::well_known::Rfc3339)
        .ok()
        .map(SystemTime::from)
}
