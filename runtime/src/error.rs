//! Errors: the typed service-error contract generated enums implement, and the top-level
//! [`Error`] every call returns.

use std::fmt;
use std::time::Duration;

use crate::credentials::CredentialsError;
use crate::endpoint::EndpointError;
use crate::validate::ValidationErrors;

/// What the service said about a failed call, plus where it was said.
///
/// Generated error enums carry one of these in every variant, so request id, host id and the
/// troubleshooting URL travel with the typed error.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ErrorMeta {
    /// The error code exactly as the service sent it (`InvalidPeriod.ValueNotSupported`).
    pub code: String,
    pub message: String,
    /// HTTP status of the response; for an error built from a code alone, the published status.
    pub http_status: u16,
    pub request_id: Option<String>,
    pub host_id: Option<String>,
    /// Troubleshooting URL (`Recommend`).
    pub recommend: Option<String>,
}

impl ErrorMeta {
    /// An error as the spec publishes it, with no response attached.
    pub fn published(code: &str, http_status: u16, message: &str) -> Self {
        Self {
            code: code.to_owned(),
            message: message.to_owned(),
            http_status,
            ..Self::default()
        }
    }

    /// Whether any Alibaba Cloud API would be worth retrying for this error: throttling,
    /// `ServiceUnavailable`, or a 5xx status. Generated enums add the spec's own flags.
    pub fn is_transient(&self) -> bool {
        self.code.starts_with("Throttling")
            || self.code == "ServiceUnavailable"
            || self.http_status >= 500
    }
}

impl fmt::Display for ErrorMeta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (HTTP {}): {}",
            self.code, self.http_status, self.message
        )?;
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

/// One row of an operation's published error table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublishedError {
    pub code: &'static str,
    pub http_status: u16,
    pub message: &'static str,
    pub retryable: bool,
}

/// Implemented by every generated per-operation error enum.
pub trait ServiceError: std::error::Error + Send + Sync + Sized + 'static {
    /// The operation's published error table.
    const PUBLISHED: &'static [PublishedError];
    /// The typed variant for `meta.code`, or the unknown-code variant.
    fn from_meta(meta: ErrorMeta) -> Self;
    fn meta(&self) -> &ErrorMeta;
    /// Whether retrying the same request may succeed.
    fn is_retryable(&self) -> bool;
}

/// Why a response could not be turned into a result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnexpectedResponse {
    pub http_status: u16,
    pub reason: String,
    /// At most [`UnexpectedResponse::EXCERPT_LIMIT`] bytes of the body, cut at a char boundary.
    pub body_excerpt: String,
    pub request_id: Option<String>,
}

impl UnexpectedResponse {
    pub const EXCERPT_LIMIT: usize = 512;

    pub fn new(http_status: u16, reason: impl Into<String>, body: &[u8]) -> Self {
        Self {
            http_status,
            reason: reason.into(),
            body_excerpt: excerpt(body, Self::EXCERPT_LIMIT),
            request_id: None,
        }
    }
}

impl fmt::Display for UnexpectedResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unexpected response (HTTP {}): {}; body starts {:?}",
            self.http_status, self.reason, self.body_excerpt
        )
    }
}

/// The first `limit` bytes of `body` as lossy UTF-8, never splitting a character.
pub fn excerpt(body: &[u8], limit: usize) -> String {
    let text = String::from_utf8_lossy(body);
    if text.len() <= limit {
        return text.into_owned();
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

/// Everything a call can fail with. `E` is the operation's generated error enum.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error<E: ServiceError> {
    /// Local validation failed; nothing was signed or sent.
    #[error("invalid request: {0}")]
    InvalidRequest(ValidationErrors),
    /// No usable credentials.
    #[error(transparent)]
    Credentials(#[from] CredentialsError),
    /// No usable endpoint (unknown region, bad URL, plain HTTP to a resolved host).
    #[error(transparent)]
    Endpoint(#[from] EndpointError),
    /// The request never got an HTTP response (connection refused or reset, TLS, protocol).
    #[error("transport error after {attempts} attempt(s): {message}")]
    Transport { message: String, attempts: u32 },
    /// A timeout (connect, read or the overall deadline) ended the call.
    #[error("timed out after {attempts} attempt(s) and {elapsed:?}")]
    Timeout { attempts: u32, elapsed: Duration },
    /// The service answered with an error; the typed enum says which.
    #[error("service error after {attempts} attempt(s): {error}")]
    Service { error: E, attempts: u32 },
    /// The service answered something this client cannot read.
    #[error("{0}")]
    UnexpectedResponse(UnexpectedResponse),
}

impl<E: ServiceError> Error<E> {
    /// The typed service error, when the service answered with one.
    pub fn service_error(&self) -> Option<&E> {
        match self {
            Error::Service { error, .. } => Some(error),
            _ => None,
        }
    }

    pub fn into_service_error(self) -> Option<E> {
        match self {
            Error::Service { error, .. } => Some(error),
            _ => None,
        }
    }

    /// The local validation errors, when validation stopped the call.
    pub fn validation_errors(&self) -> Option<&ValidationErrors> {
        match self {
            Error::InvalidRequest(errors) => Some(errors),
            _ => None,
        }
    }

    /// The request id the service assigned, when a response carried one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Service { error, .. } => error.meta().request_id.as_deref(),
            Error::UnexpectedResponse(r) => r.request_id.as_deref(),
            _ => None,
        }
    }
}

/// The meta of an error built from its code alone: the published status and message, or
/// status 0 and an empty message for a code the table does not list.
pub fn published_meta<E: ServiceError>(code: &str) -> ErrorMeta {
    match E::PUBLISHED.iter().find(|p| p.code == code) {
        Some(p) => ErrorMeta::published(p.code, p.http_status, p.message),
        None => ErrorMeta::published(code, 0, ""),
    }
}
