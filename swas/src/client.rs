//! Sending requests: the runtime's client, preset with this product's regional endpoints, and
//! the types a caller needs, so that depending on `swas` alone is enough.

pub use acs_runtime::client::{
    BuildError, Client, ClientBuilder, HttpMethod, PreparedRequest, SignatureVersion,
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

/// A [`ClientBuilder`] for SWAS-OPEN: regions resolve to `https://swas.<region-id>.aliyuncs.com`
/// through [`ENDPOINTS`](crate::ENDPOINTS) (a region it lacks is an error listing the known ones:
/// SWAS publishes no rule, [`ENDPOINT_RULES`](crate::ENDPOINT_RULES)); `.network(Network::Vpc)`
/// gives `swas-vpc.<region-id>.aliyuncs.com`. Set `.region(..)` (or `.endpoint(..)` for a local
/// service, which always wins), optionally credentials (default: the provider chain), then
/// `.build()`.
pub fn client() -> ClientBuilder {
    Client::builder().product_endpoints(crate::ENDPOINT_RULES)
}
