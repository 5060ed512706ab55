//! The provider trait: anything that can hand out credentials, asked on every call.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use super::{Credentials, CredentialsError};

/// What [`ProvideCredentials::provide_credentials`] returns.
pub type CredentialsFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Credentials, CredentialsError>> + Send + 'a>>;

/// A source of credentials. The client calls [`provide_credentials`](Self::provide_credentials)
/// before signing each attempt, so an implementation that fetches temporary credentials must
/// cache them (wrap its fetch in a [`RefreshingCache`](super::RefreshingCache)).
///
/// ```
/// use acs_runtime::credentials::{Credentials, CredentialsFuture, ProvideCredentials};
///
/// #[derive(Debug)]
/// struct FromVault;
///
/// impl ProvideCredentials for FromVault {
///     fn provide_credentials(&self) -> CredentialsFuture<'_> {
///         Box::pin(async { Ok(Credentials::new("id-from-vault", "secret-from-vault")) })
///     }
/// }
/// let client = acs_runtime::Client::builder()
///     .credentials_provider(FromVault)
///     .endpoint("http://127.0.0.1:8080")
///     .build();
/// assert!(client.is_ok());
/// ```
pub trait ProvideCredentials: Send + Sync + fmt::Debug {
    /// Credentials for the next request: cached while fresh, fetched otherwise.
    fn provide_credentials(&self) -> CredentialsFuture<'_>;

    /// Credentials available without waiting (static ones, or cached ones still fresh), for
    /// synchronous signing ([`Client::prepare`](crate::Client::prepare)). `None` by default.
    fn cached_credentials(&self) -> Option<Credentials> {
        None
    }
}

/// A provider shared by clients and chains.
pub type SharedCredentialsProvider = Arc<dyn ProvideCredentials>;

impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        let credentials = self.clone();
        Box::pin(async move { Ok(credentials) })
    }

    fn cached_credentials(&self) -> Option<Credentials> {
        Some(self.clone())
    }
}

impl<P: ProvideCredentials + ?Sized> ProvideCredentials for Arc<P> {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        (**self).provide_credentials()
    }

    fn cached_credentials(&self) -> Option<Credentials> {
        (**self).cached_credentials()
    }
}
