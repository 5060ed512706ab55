//! Errors: the typed service-error contract generated enums implement, and the top-level
//! [`Error`] every call returns.

use std::fmt;
use std::time::Duration;

use crate::common_errors::CommonError;
use crate::credentials::CredentialsError;
use crate::transport::TransportError;
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
    /// The `Action` of the operation this is the error of (empty when not one operation's).
    const ACTION: &'static str = "";
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
    /// The idempotency token (`ClientToken`) the call sent, when the operation has one: send the
    /// same request again with it and the service will not act twice.
    pub client_token: Option<String>,
}

impl UnexpectedResponse {
    pub const EXCERPT_LIMIT: usize = 512;

    pub fn new(http_status: u16, reason: impl Into<String>, body: &[u8]) -> Self {
        Self {
            http_status,
            // A decoding error can quote the body: redacted like the body.
            reason: crate::redact::redacted(&reason.into()),
            body_excerpt: excerpt(body, Self::EXCERPT_LIMIT),
            request_id: None,
            client_token: None,
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

/// The error of a call whose deadline passed while its credentials were being fetched: a
/// credentials error ([`CredentialsError::DeadlineReached`]), not a service timeout.
pub(crate) fn credentials_deadline<E: ServiceError>(started: std::time::Instant) -> Error<E> {
    Error::Credentials(CredentialsError::deadline_reached(started.elapsed()))
}

/// The first `limit` bytes of `body` as lossy UTF-8, never splitting a character, passed
/// through [`redact`](crate::redact) (redacted before it is cut, so that a secret straddling
/// the cut is still recognised).
pub fn excerpt(body: &[u8], limit: usize) -> String {
    // Enough beyond the limit to see a whole secret value that starts before it.
    const LOOKAHEAD: usize = 4096;
    let window = &body[..body.len().min(limit.saturating_add(LOOKAHEAD))];
    let text = crate::redact::redacted(&String::from_utf8_lossy(window));
    if text.len() <= limit && window.len() == body.len() {
        return text;
    }
    let mut end = limit.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

/// Everything a call can fail with. `E` is the operation's generated error enum.
///
/// Every variant that can follow a sent request carries `client_token`: the idempotency token
/// (`ClientToken`) the call used, when the operation has one. Requests built with `build()`
/// already hold their token, so sending the same request value again reuses it; the field is
/// there for callers who keep only the error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error<E: ServiceError> {
    /// Local validation failed; nothing was signed or sent.
    #[error("invalid request: {0}")]
    InvalidRequest(ValidationErrors),
    /// The credential provider could not supply credentials for this call; nothing was sent.
    #[error(transparent)]
    Credentials(#[from] CredentialsError),
    /// The request never got an HTTP response (connection refused or reset, TLS, protocol).
    /// `source()` is the last attempt's [`TransportError`], whose own source is the network
    /// stack's cause chain (redacted; see [`TransportCause`](crate::transport::TransportCause)).
    #[error("transport error after {attempts} attempt(s): {message}")]
    Transport {
        message: String,
        attempts: u32,
        client_token: Option<String>,
        /// Why the last attempt got no response.
        source: TransportError,
    },
    /// A timeout (connect, read or the overall deadline) ended the call.
    #[error("timed out after {attempts} attempt(s) and {elapsed:?}")]
    Timeout {
        attempts: u32,
        elapsed: Duration,
        client_token: Option<String>,
    },
    /// The service answered with an error; the typed enum says which.
    #[error("service error after {attempts} attempt(s): {error}")]
    Service {
        error: E,
        attempts: u32,
        client_token: Option<String>,
    },
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

    /// The idempotency token (`ClientToken`) the failed call sent, when the operation has one.
    /// Sending a request with this token again cannot make the service act twice.
    pub fn client_token(&self) -> Option<&str> {
        match self {
            Error::Transport { client_token, .. }
            | Error::Timeout { client_token, .. }
            | Error::Service { client_token, .. } => client_token.as_deref(),
            Error::UnexpectedResponse(r) => r.client_token.as_deref(),
            Error::InvalidRequest(_) | Error::Credentials(_) => None,
        }
    }

    /// The error code the service answered, when it answered with one.
    pub fn code(&self) -> Option<&str> {
        self.service_error().map(|e| e.meta().code.as_str())
    }

    /// The common error (signature, access key, throttling, RAM permission, …) the service
    /// answered, whichever operation was called.
    pub fn common(&self) -> Option<CommonError> {
        self.code().and_then(CommonError::from_code)
    }

    /// Whether the call ended after retries were exhausted on a condition worth retrying later
    /// (no response, a timeout, throttling, 5xx).
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport { .. } | Error::Timeout { .. } => true,
            Error::Service { error, .. } => error.is_retryable() || error.meta().is_transient(),
            Error::UnexpectedResponse(r) => r.http_status >= 500,
            Error::InvalidRequest(_) | Error::Credentials(_) => false,
        }
    }

    /// The same error with the service error converted by `f`.
    pub fn map_service<F: ServiceError>(self, f: impl FnOnce(E) -> F) -> Error<F> {
        match self {
            Error::InvalidRequest(e) => Error::InvalidRequest(e),
            Error::Credentials(e) => Error::Credentials(e),
            Error::Transport {
                message,
                attempts,
                client_token,
                source,
            } => Error::Transport {
                message,
                attempts,
                client_token,
                source,
            },
            Error::Timeout {
                attempts,
                elapsed,
                client_token,
            } => Error::Timeout {
                attempts,
                elapsed,
                client_token,
            },
            Error::Service {
                error,
                attempts,
                client_token,
            } => Error::Service {
                error: f(error),
                attempts,
                client_token,
            },
            Error::UnexpectedResponse(r) => Error::UnexpectedResponse(r),
        }
    }

    /// Sets the idempotency token on the variants that carry one.
    pub(crate) fn with_client_token(mut self, token: Option<&str>) -> Self {
        let Some(token) = token else { return self };
        match &mut self {
            Error::Transport { client_token, .. }
            | Error::Timeout { client_token, .. }
            | Error::Service { client_token, .. } => *client_token = Some(token.to_owned()),
            Error::UnexpectedResponse(r) => r.client_token = Some(token.to_owned()),
            Error::InvalidRequest(_) | Error::Credentials(_) => {}
        }
        self
    }
}

/// The meta of an error built from its code alone: the published status and message (the
/// operation's table first, then the [common errors](crate::common_errors)), or status 0 and an
/// empty message for a code neither lists.
pub fn published_meta<E: ServiceError>(code: &str) -> ErrorMeta {
    let common = crate::common_errors::COMMON_ERRORS.iter();
    match E::PUBLISHED.iter().chain(common).find(|p| p.code == code) {
        Some(p) => ErrorMeta::published(p.code, p.http_status, p.message),
        None => ErrorMeta::published(code, 0, ""),
    }
}
