//! The types a caller needs beside the product's [`Client`](crate::Client) (generated in
//! `product_client.rs`), so that depending on `swas` alone is enough.

pub use acs_runtime::client::{
    BuildError, ClientBuilder, HttpMethod, PreparedRequest, SignatureVersion,
    DEFAULT_OPERATION_DEADLINE,
};
pub use acs_runtime::paginate::{PageItems, Pages, Paginated};
pub use acs_runtime::transport::{HttpResponse, Interceptor, Transport, TransportError};
pub use acs_runtime::{mock, mock_client, stream, waiter, FromWire};
pub use acs_runtime::{
    AnyError, AnyServiceError, CommonError, Credentials, CredentialsError, DefaultChain, Endpoint,
    EndpointError, Error, ErrorMeta, Network, RetryConfig, Rule, ServiceError, UnexpectedResponse,
    ValidationErrors, Violation,
};

/// A service-wide error: every operation's [`Error`] converts into it with `?`, so one function
/// can call several operations. [`AnyError::downcast_ref`] gives the typed error back.
pub type SwasError = AnyError;
