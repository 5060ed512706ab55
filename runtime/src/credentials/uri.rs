//! Credentials from a URI (`ALIBABA_CLOUD_CREDENTIALS_URI`, the CLI's `CredentialsURI` mode):
//! `GET` answering HTTP 200 with `{"AccessKeyId", "AccessKeySecret", "SecurityToken",
//! "Expiration"}` (a `Code` other than `Success`, when present, is an error), as `credentials-go`
//! reads it.

use std::sync::OnceLock;
use std::time::Duration;

use super::ecs::{credentials_from_document, Document};
use super::fetch::{exchange, http_client, without_query};
use super::provider::{CredentialsFuture, ProvideCredentials};
use super::{Credentials, CredentialsError, CredentialsSource, RefreshingCache};

/// Temporary credentials from a URI, cached and refreshed before they expire. Timeouts as in the
/// official libraries: 5 s to connect, 10 s to read. `Debug` leaves out the URI's query (it may
/// carry a token).
pub struct CredentialsUri {
    url: String,
    connect_timeout: Duration,
    read_timeout: Duration,
    http: OnceLock<Result<reqwest::Client, String>>,
    cache: RefreshingCache,
}

impl std::fmt::Debug for CredentialsUri {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CredentialsUri")
            .field("url", &without_query(&self.url))
            .field("connect_timeout", &self.connect_timeout)
            .field("read_timeout", &self.read_timeout)
            .field("cache", &self.cache)
            .finish_non_exhaustive()
    }
}

impl CredentialsUri {
    /// Credentials from `url` (`http://` or `https://`).
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            connect_timeout: Duration::from_secs(5),
            read_timeout: Duration::from_secs(10),
            http: OnceLock::new(),
            cache: RefreshingCache::new(),
        }
    }

    /// Connect and read timeouts (defaults 5 s and 10 s).
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

    fn error(&self, reason: impl Into<String>) -> CredentialsError {
        CredentialsError::Fetch {
            source_name: format!("the credentials URI {}", without_query(&self.url)),
            reason: reason.into(),
        }
    }

    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        if !(self.url.starts_with("http://") || self.url.starts_with("https://")) {
            return Err(CredentialsError::InvalidConfig(format!(
                "the credentials URI {} is not an http:// or https:// URL",
                without_query(&self.url)
            )));
        }
        let http = self
            .http
            .get_or_init(|| http_client(self.connect_timeout, false))
            .as_ref()
            .map_err(|e| self.error(e.clone()))?;
        let (status, body) = exchange(
            http.get(&self.url),
            self.connect_timeout + self.read_timeout,
        )
        .await
        .map_err(|reason| self.error(reason))?;
        if status != 200 {
            return Err(self.error(format!("answered HTTP {status}")));
        }
        let document: Document = serde_json::from_slice(&body).map_err(|e| {
            self.error(format!(
                "the answer is not the expected JSON (line {} column {})",
                e.line(),
                e.column()
            ))
        })?;
        if let Some(code) = document.code.as_deref().filter(|c| *c != "Success") {
            return Err(self.error(format!("the answer says Code {code:?}, not \"Success\"")));
        }
        credentials_from_document(
            document,
            CredentialsSource::Uri {
                uri: without_query(&self.url),
            },
            |reason| self.error(reason),
        )
    }
}

impl ProvideCredentials for CredentialsUri {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.cache.get_or_refresh(|| self.fetch()))
    }

    fn cached_credentials(&self) -> Option<Credentials> {
        self.cache.cached()
    }
}
