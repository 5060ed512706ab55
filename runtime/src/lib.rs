//! Runtime for generated Alibaba Cloud clients (RPC and ROA).
//!
//! Generated operation types implement [`Operation`]; this crate does everything between a
//! validated request and a typed result: credentials, endpoints, signing (RPC v1 HMAC-SHA1 and
//! V3 `ACS3-HMAC-SHA256`), HTTP, retries that keep the idempotency token, and mapping error
//! bodies onto the generated error enums.

pub mod any_error;
pub mod builder;
pub mod client;
pub mod common_errors;
pub mod credentials;
pub mod de;
pub mod endpoint;
pub mod error;
pub mod error_body;
pub mod error_body_roa;
pub mod error_table;
pub mod idempotency;
pub mod mock;
pub mod operation;
pub mod paginate;
pub mod redact;
pub mod retry;
pub mod roa;
pub mod sign;
pub mod transport;
pub mod transport_cause;
pub mod validate;
mod wait_limit;
pub mod waiter;
pub mod wire;

pub use any_error::{AnyError, AnyServiceError, WaitFailure, WaitOutcome};
pub use client::{
    Body, BuildError, Client, ClientBuilder, HttpMethod, HttpRequest, PreparedRequest,
    RequestParts, SignatureVersion, StreamBody, DEFAULT_OPERATION_DEADLINE,
};
pub use common_errors::CommonError;
pub use credentials::{
    Credentials, CredentialsError, DefaultChain, ProvideCredentials, SharedCredentialsProvider,
};
pub use endpoint::{Endpoint, EndpointError, EndpointRule, Network, ProductEndpoints};
pub use error::{Error, ErrorMeta, PublishedError, ServiceError, UnexpectedResponse};
pub use operation::{FromWire, Operation, OperationOf, Params, RegionParameter, Style};
pub use redact::Redacted;
pub use retry::RetryConfig;
pub use transport::{HttpResponse, Interceptor, Transport, TransportCause, TransportError};
pub use validate::{Pattern, Rule, ValidationErrors, Validator, Violation};

/// What paging streams need from `futures`, so that users need no direct dependency for the
/// basics: [`Stream`](stream::Stream), and the `next()`/`try_next()`/`try_collect()` adapters.
pub mod stream {
    pub use futures_core::Stream;
    pub use futures_util::{StreamExt, TryStreamExt};
}

/// Expands to the items it is given when this crate's `server` feature is on, to nothing
/// otherwise. Generated code wraps the server side of every operation in it — `from_wire`, the
/// [`FromWire`] impl, reading nested values back ([`wire::FromWireObject`]) — so a client build
/// type-checks and compiles none of it, whichever crate expanded the operation. Servers
/// (`swas-local`) and tests that match mock rules on typed requests enable it (product crates
/// forward it as their own `server` feature).
#[cfg(feature = "server")]
#[doc(hidden)]
#[macro_export]
macro_rules! __server {
    ($($item:tt)*) => { $($item)* };
}

/// Whether this build has the server side of generated operations (the `server` feature; see
/// `__server!`).
pub const SERVER_SIDE: bool = cfg!(feature = "server");

/// See the `server` variant: without the feature, the server side is dropped unexpanded.
#[cfg(not(feature = "server"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __server {
    ($($item:tt)*) => {};
}

/// Expands to the items it is given when this crate's `test-util` feature is on, to nothing
/// otherwise. Generated code wraps the value builders of response types in it: building an
/// output is what tests, mocks and local services do, and a client build compiles none of it.
#[cfg(feature = "test-util")]
#[doc(hidden)]
#[macro_export]
macro_rules! __test_util {
    ($($item:tt)*) => { $($item)* };
}

/// See the `test-util` variant: without the feature, response builders are dropped unexpanded.
#[cfg(not(feature = "test-util"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __test_util {
    ($($item:tt)*) => {};
}

/// Expands to the items it is given when this crate's `serialize` feature is on (`test-util` and
/// `server` turn it on), to nothing otherwise. Generated code wraps `Serialize` of response
/// types in it: writing a response back out is for mocks, local services and programs that store
/// what they received, and a client build compiles none of it.
#[cfg(feature = "serialize")]
#[doc(hidden)]
#[macro_export]
macro_rules! __serialize {
    ($($item:tt)*) => { $($item)* };
}

/// See the `serialize` variant: without the feature, `Serialize` of responses is dropped
/// unexpanded.
#[cfg(not(feature = "serialize"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __serialize {
    ($($item:tt)*) => {};
}

/// What generated code needs, under one path, so that crates expanding the macro need no
/// direct dependency on serde.
#[doc(hidden)]
pub mod __private {
    pub use serde;
    pub use serde_json;
}
