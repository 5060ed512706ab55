//! Idempotency tokens (`ClientToken`).
//!
//! Generated builders fill an unset token in `build()`, so the token belongs to the request
//! value: sending the same value again — after a timeout, after retries ran out, after a restart
//! if the caller saved it — reuses the token, and the service does not act twice. The client
//! fills a token only for a request whose token was cleared after `build()`, and then for that
//! one call (every error of the call carries it: [`Error::client_token`](crate::Error::client_token)).

/// A fresh token: a random (v4) UUID in its 36-character hyphenated form, well inside the
/// 64-character limit of `ClientToken`.
pub fn new_token() -> String {
    uuid::Uuid::new_v4().to_string()
}
