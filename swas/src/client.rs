//! Sending requests: the runtime's client, preset with this product's regional endpoints, and
//! the types a caller needs, so that depending on `swas` alone is enough.

pub use acs_runtime::client::{
    BuildError, Client, ClientBuilder, HttpMethod, PreparedRequest, SignatureVersion,
};
pub use acs_runtime::{
    Credentials, CredentialsError, DefaultChain, Endpoint, EndpointError, Error, ErrorMeta,
    RetryConfig, Rule, ServiceError, UnexpectedResponse, ValidationErrors, Violation,
};

/// A [`ClientBuilder`] for SWAS-OPEN: regions resolve to `https://swas.<region-id>.aliyuncs.com`
/// through [`ENDPOINTS`](crate::ENDPOINTS). Set `.region(..)` (or `.endpoint(..)` for a local
/// service), optionally credentials (default: the provider chain), then `.build()`.
pub fn client() -> ClientBuilder {
    Client::builder().regional_endpoints(crate::ENDPOINTS)
}
