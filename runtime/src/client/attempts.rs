//! The send/retry loop under the overall deadline, and how an answer becomes an outcome.

use std::time::{Duration, Instant, SystemTime};

use super::request::RequestParts;
use super::{Client, PreparedRequest};
use crate::error::{Error, ErrorMeta, ServiceError, UnexpectedResponse};
use crate::error_body::{parse_error_body, ErrorFields};
use crate::error_body_roa::{parse_roa_error_body, roa_request_id_header};
use crate::operation::{Operation, Style};
use crate::retry::parse_retry_after;
use crate::sign;
use crate::transport::{HttpResponse, TransportError};

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
    NoResponse {
        error: TransportError,
        timeout: bool,
    },
}

impl Client {
    /// Runs the attempts for already validated `parts`; `first`, when given, is sent as is
    /// for the first attempt. Every error carries the idempotency token of `parts`.
    pub(super) async fn send_attempts<O: Operation>(
        &self,
        parts: &RequestParts,
        first: Option<PreparedRequest>,
        started: Instant,
    ) -> Result<O::Output, Error<O::Error>> {
        let token = O::IDEMPOTENCY_TOKEN.and_then(|name| parts.query.get(name));
        self.attempt_loop::<O>(parts, first, started)
            .await
            .map_err(|e| e.with_client_token(token))
    }

    async fn attempt_loop<O: Operation>(
        &self,
        parts: &RequestParts,
        mut first: Option<PreparedRequest>,
        started: Instant,
    ) -> Result<O::Output, Error<O::Error>> {
        let inner = &*self.inner;
        let retry = &inner.retry;
        let deadline = inner.deadline.map(|d| started + d);
        let timeout_error = |attempts| Error::Timeout {
            attempts,
            elapsed: started.elapsed(),
            client_token: None,
        };
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            tracing::Span::current().record("attempts", attempt);
            let mut prepared = match first.take() {
                Some(prepared) => prepared,
                None => {
                    // Asked per attempt: a long-lived client follows refreshed temporary
                    // credentials. Fetching them counts against the deadline like the exchange.
                    let credentials = match deadline {
                        Some(deadline) => {
                            let deadline = tokio::time::Instant::from_std(deadline);
                            match tokio::time::timeout_at(deadline, self.resolve_credentials())
                                .await
                            {
                                Ok(credentials) => credentials?,
                                Err(_) => return Err(crate::error::credentials_deadline(started)),
                            }
                        }
                        None => self.resolve_credentials().await?,
                    };
                    self.sign_parts::<O>(
                        parts,
                        credentials.as_ref(),
                        sign::timestamp_text(SystemTime::now()).as_str(),
                        sign::nonce_text().as_str(),
                    )?
                }
            };
            for interceptor in &inner.interceptors {
                interceptor.before_send(&mut prepared);
            }
            let attempt_started = Instant::now();
            let answer = match deadline {
                Some(deadline) => match inner.transport.send_before(&prepared, deadline).await {
                    Some(answer) => answer,
                    None => {
                        tracing::debug!(attempt, "operation deadline reached");
                        return Err(timeout_error(attempt));
                    }
                },
                None => inner.transport.send(&prepared).await,
            };
            for interceptor in &inner.interceptors {
                interceptor.after_attempt(&prepared, answer.as_ref());
            }
            let outcome = match answer {
                Ok(response) => classify::<O>(&response),
                Err(error @ TransportError::NoResponse { timeout, .. }) => {
                    Outcome::NoResponse { error, timeout }
                }
                Err(TransportError::BodyTooLarge {
                    status,
                    request_id,
                    prefix,
                }) => {
                    let mut response = UnexpectedResponse::new(
                        status,
                        format!(
                            "the response body is larger than {} bytes",
                            crate::transport::MAX_RESPONSE_BYTES
                        ),
                        &prefix,
                    );
                    response.request_id = request_id;
                    Outcome::Unexpected {
                        response,
                        retry_after: None,
                    }
                }
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
                                client_token: None,
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
                    Outcome::NoResponse { error, timeout } => {
                        tracing::debug!(
                            attempt,
                            latency_ms = attempt_ms,
                            error = %error,
                            timeout,
                            "no response"
                        );
                        let error = if timeout {
                            timeout_error(attempt)
                        } else {
                            Error::Transport {
                                message: error.to_string(),
                                attempts: attempt,
                                client_token: None,
                                source: error,
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
}

const X_ACS_REQUEST_ID: reqwest::header::HeaderName =
    reqwest::header::HeaderName::from_static("x-acs-request-id");
const X_ACS_RETRY_AFTER: reqwest::header::HeaderName =
    reqwest::header::HeaderName::from_static("x-acs-retry-after");

/// Maps a finished response onto an outcome.
///
/// ROA operations read their error bodies with [`parse_roa_error_body`] and take no 2xx body
/// for an error: their services answer errors with an error status, and a 2xx body may be
/// anything (a function's output).
fn classify<O: Operation>(response: &HttpResponse) -> Outcome<O::Output, O::Error> {
    let roa = matches!(O::STYLE, Style::Roa { .. });
    let status = response.status;
    // Names looked up as the HTTP stack's constants: no name parsed per response.
    let content_type = response.named_header(&reqwest::header::CONTENT_TYPE);
    let header_request_id = if roa {
        roa_request_id_header(response)
    } else {
        response.named_header(&X_ACS_REQUEST_ID)
    };
    let retry_after = response
        .named_header(&X_ACS_RETRY_AFTER)
        .and_then(parse_retry_after);
    let body = response.body.as_slice();
    if (200..300).contains(&status) {
        let error = if roa {
            None
        } else {
            error_in_success_body(status, content_type, body)
        };
        if let Some(mut meta) = error {
            if meta.request_id.is_none() {
                meta.request_id = header_request_id.map(str::to_owned);
            }
            return Outcome::Service {
                error: O::Error::from_meta(meta),
                retry_after,
            };
        }
        return match O::read_output(response) {
            Ok(output) => {
                if let Some(id) = header_request_id {
                    tracing::Span::current().record("request_id", id);
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
                response.request_id = header_request_id
                    .map(str::to_owned)
                    .or_else(|| ErrorFields::parse(content_type, body).request_id);
                Outcome::Unexpected {
                    response,
                    retry_after: None,
                }
            }
        };
    }
    let meta = if roa {
        parse_roa_error_body(response)
    } else {
        parse_error_body(status, content_type, body)
    };
    match meta {
        Some(mut meta) => {
            if meta.request_id.is_none() {
                meta.request_id = header_request_id.map(str::to_owned);
            }
            Outcome::Service {
                error: O::Error::from_meta(meta),
                retry_after,
            }
        }
        None => {
            let mut response =
                UnexpectedResponse::new(status, "error response without an error code", body);
            response.request_id = header_request_id.map(str::to_owned);
            Outcome::Unexpected {
                response,
                retry_after,
            }
        }
    }
}

/// A 2xx answer whose body is an error (`{"Code":"Forbidden.RAM","Message":…}`, as some gateways
/// send): top-level `Code` and `Message`, the code not one of the success markers (`200`, `OK`,
/// `Success`, `0`) and no `"Success": true`.
pub(crate) fn error_in_success_body(
    status: u16,
    content_type: Option<&str>,
    body: &[u8],
) -> Option<ErrorMeta> {
    // Cheap test first (std's substring search, not a parse): success bodies rarely mention a
    // code at all.
    let text = std::str::from_utf8(body).ok()?;
    if !text.contains("\"Code\"") && !text.contains("\"code\"") {
        return None;
    }
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let object = value.as_object()?;
    let success = object
        .get("Success")
        .or_else(|| object.get("success"))
        .and_then(serde_json::Value::as_bool);
    if success == Some(true) {
        return None;
    }
    let fields = ErrorFields::parse(content_type, body);
    let code = fields.code.as_deref()?;
    fields.message.as_ref()?;
    if code.is_empty()
        || ["200", "OK", "Success", "0"]
            .iter()
            .any(|ok| code.eq_ignore_ascii_case(ok))
    {
        return None;
    }
    let mut meta = parse_error_body(status, content_type, body)?;
    meta.http_status = status;
    Some(meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_2xx_error_body_is_an_error() {
        let meta = error_in_success_body(
            200,
            Some("application/json"),
            br#"{"RequestId":"R","Code":"Forbidden.RAM","Message":"not allowed"}"#,
        )
        .expect("an error");
        assert_eq!(meta.code, "Forbidden.RAM");
        assert_eq!(meta.message, "not allowed");
        assert_eq!(meta.http_status, 200);
        assert_eq!(meta.request_id.as_deref(), Some("R"));
    }

    #[test]
    fn success_bodies_stay_successes() {
        for body in [
            &br#"{"RequestId":"R","InstanceIds":["i-1"]}"#[..],
            br#"{"Code":"200","Message":"success","Data":{}}"#,
            br#"{"Code":"Whatever","Message":"m","Success":true}"#,
            br#"{"Code":"Forbidden.RAM"}"#,
            br#"{"Items":[{"Code":"x","Message":"nested"}]}"#,
        ] {
            assert_eq!(error_in_success_body(200, None, body), None, "{body:?}");
        }
    }
}
