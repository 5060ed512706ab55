//! What every product crate's `tests/main_operation.rs` needs, written without the runtime so
//! that a bug there cannot hide itself: a server on 127.0.0.1 that captures one request
//! ([`CaptureServer`]), a verifier of the RPC signature v1 as the wire protocol defines it
//! ([`verify_rpc_v1`]) and of V3 `ACS3-HMAC-SHA256` ([`verify_v3`], RPC and ROA), and a reader of one operation's spec ([`OperationSpec`]), so tests take
//! names, limits and values from the spec rather than from literals.

mod capture;
mod signature;
mod signature_v3;
mod spec;

pub use capture::{Answer, CaptureServer, CapturedRequest};
pub use signature::{verify_rpc_v1, WireParams};
pub use signature_v3::verify_v3;
pub use spec::OperationSpec;

/// Runs a future (a `client.send(..)`) to completion on a current-thread runtime, so tests need
/// no async test macro.
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a current-thread tokio runtime builds")
        .block_on(future)
}

/// The placeholder key pair the tests sign with.
pub const ACCESS_KEY_ID: &str = "product-check-id";
/// See [`ACCESS_KEY_ID`].
pub const ACCESS_KEY_SECRET: &str = "product-check-secret";

/// A string none of `values` equals (the first value with `-x` appended until it is new), for
/// breaking a `oneOf` rule without a literal that a new published value could make valid.
pub fn outside_of(values: &[&str]) -> String {
    let mut candidate = format!("{}-x", values.first().copied().unwrap_or("value"));
    // At most values.len() extensions: each collision consumes one distinct value.
    for _ in 0..=values.len() {
        if !values.contains(&candidate.as_str()) {
            break;
        }
        candidate.push('x');
    }
    candidate
}
