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
pub mod sign;
pub mod transport;
pub mod validate;
pub mod waiter;
pub mod wire;

pub use any_error::{AnyError, AnyServiceError};
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
pub use retry::RetryConfig;
pub use transport::{HttpResponse, Interceptor, Transport, TransportError};
pub use validate::{Pattern, Rule, ValidationErrors, Validator, Violation};

/// What paging streams need from `futures`, so that users need no direct dependency for the
/// basics: [`Stream`](stream::Stream), and the `next()`/`try_next()`/`try_collect()` adapters.
pub mod stream {
    pub use futures_core::Stream;
    pub use futures_util::{StreamExt, TryStreamExt};
}

/// What generated code needs, under one path, so that crates expanding the macro need no
/// direct dependency on serde.
#[doc(hidden)]
pub mod __private {
    pub use serde;
    pub use serde_json;
}
