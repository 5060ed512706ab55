//! One bounded HTTP exchange for the metadata service and credentials URIs: connect and overall
//! timeouts, a body size cap, and messages that never echo a body (it may hold a secret).

use std::time::Duration;

/// Answers larger than this are refused (credentials documents are a few hundred bytes).
pub(crate) const MAX_BODY_BYTES: usize = 64 * 1024;

/// A plain HTTP client with the given connect timeout and no redirects. `direct` leaves out
/// the system proxy (the instance metadata service must be reached directly).
pub(crate) fn http_client(
    connect_timeout: Duration,
    direct: bool,
) -> Result<reqwest::Client, String> {
    let mut builder = reqwest::Client::builder()
        .use_rustls_tls()
        .connect_timeout(connect_timeout)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(crate::client::USER_AGENT);
    if direct {
        builder = builder.no_proxy();
    }
    builder
        .build()
        .map_err(|e| format!("cannot set up the HTTP client: {e}"))
}

/// Sends `request` and reads the answer within `timeout`: `(status, body)`.
pub(crate) async fn exchange(
    request: reqwest::RequestBuilder,
    timeout: Duration,
) -> Result<(u16, Vec<u8>), String> {
    let work = async {
        let mut response = request.send().await.map_err(describe)?;
        let status = response.status().as_u16();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(describe)? {
            if body.len() + chunk.len() > MAX_BODY_BYTES {
                return Err(format!("the answer is larger than {MAX_BODY_BYTES} bytes"));
            }
            body.extend_from_slice(&chunk);
        }
        Ok((status, body))
    };
    match tokio::time::timeout(timeout, work).await {
        Ok(result) => result,
        Err(_) => Err(format!("no answer within {} ms", timeout.as_millis())),
    }
}

/// The error chain, without the URL (it may carry a token).
fn describe(error: reqwest::Error) -> String {
    let timeout = error.is_timeout();
    let connect = error.is_connect();
    let message = crate::transport::error_chain_without_url(error);
    if timeout {
        format!("timed out ({message})")
    } else if connect {
        format!("cannot connect ({message})")
    } else {
        message
    }
}

/// The URL without user info, query and fragment, for messages (each may carry a secret).
pub(crate) fn without_query(url: &str) -> String {
    crate::redact::display_url(url)
}
