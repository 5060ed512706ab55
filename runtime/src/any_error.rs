//! A service-wide error: what any operation's [`Error`] converts into, so that a function calling
//! several operations can use `?` on each.
//!
//! ```ignore
//! async fn create_and_list(client: &Client) -> Result<usize, AnyError> {
//!     client.send(&create).await?;            // Error<CreateInstancesError> → AnyError
//!     Ok(client.send(&list).await?.instances.len())  // Error<ListInstancesError> → AnyError
//! }
//! ```
//!
//! The typed service error survives: [`AnyError::downcast_ref`] gives it back, and
//! [`AnyError::action`] says which operation failed.

use std::any::Any;
use std::fmt;

use crate::common_errors::CommonError;
use crate::error::{Error, ErrorMeta, PublishedError, ServiceError};

/// Object-safe view of a generated error enum.
trait ErasedServiceError: std::error::Error + Send + Sync + 'static {
    fn meta(&self) -> &ErrorMeta;
    fn retryable(&self) -> bool;
    fn as_any(&self) -> &dyn Any;
}

impl<E: ServiceError> ErasedServiceError for E {
    fn meta(&self) -> &ErrorMeta {
        ServiceError::meta(self)
    }
    fn retryable(&self) -> bool {
        ServiceError::is_retryable(self)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Any operation's typed service error, with the operation it came from.
pub struct AnyServiceError {
    action: &'static str,
    inner: Box<dyn ErasedServiceError>,
}

/// The error of an [`AnyServiceError`] built from a code alone (no operation known).
#[derive(Debug)]
struct Untyped(ErrorMeta);

impl fmt::Display for Untyped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Untyped {}

impl ServiceError for Untyped {
    const PUBLISHED: &'static [PublishedError] = crate::common_errors::COMMON_ERRORS;
    fn from_meta(meta: ErrorMeta) -> Self {
        Untyped(meta)
    }
    fn meta(&self) -> &ErrorMeta {
        &self.0
    }
    fn is_retryable(&self) -> bool {
        self.0.is_transient()
    }
}

impl AnyServiceError {
    /// Wraps the typed error of the operation `action`.
    pub fn new<E: ServiceError>(action: &'static str, error: E) -> Self {
        Self {
            action,
            inner: Box::new(error),
        }
    }

    /// The `Action` of the operation that answered this error (empty when unknown).
    pub fn action(&self) -> &'static str {
        self.action
    }

    /// The typed error, when it is an `E`.
    pub fn downcast_ref<E: ServiceError>(&self) -> Option<&E> {
        self.inner.as_any().downcast_ref::<E>()
    }

    /// The common error this code names, if it is one.
    pub fn common(&self) -> Option<CommonError> {
        CommonError::from_code(&self.inner.meta().code)
    }
}

impl fmt::Debug for AnyServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnyServiceError")
            .field("action", &self.action)
            .field("error", &self.inner)
            .finish()
    }
}

impl fmt::Display for AnyServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.action.is_empty() {
            fmt::Display::fmt(&self.inner, f)
        } else {
            write!(f, "{}: {}", self.action, self.inner)
        }
    }
}

impl std::error::Error for AnyServiceError {}

impl ServiceError for AnyServiceError {
    const PUBLISHED: &'static [PublishedError] = crate::common_errors::COMMON_ERRORS;
    fn from_meta(meta: ErrorMeta) -> Self {
        Self::new("", Untyped(meta))
    }
    fn meta(&self) -> &ErrorMeta {
        self.inner.meta()
    }
    fn is_retryable(&self) -> bool {
        self.inner.retryable()
    }
}

/// Any operation's [`Error`], type-erased: `?` converts every `Error<E>` into it.
///
/// [`error`](Self::error) gives the full [`Error`] to match on, its service error an
/// [`AnyServiceError`] that [`downcast_ref`](Self::downcast_ref) turns back into the typed enum.
#[derive(Debug)]
pub struct AnyError(Error<AnyServiceError>);

impl AnyError {
    /// The error, with the service error type-erased.
    pub fn error(&self) -> &Error<AnyServiceError> {
        &self.0
    }

    /// The error, with the service error type-erased.
    pub fn into_error(self) -> Error<AnyServiceError> {
        self.0
    }

    /// The typed service error, when the service answered and the operation's error is an `E`.
    pub fn downcast_ref<E: ServiceError>(&self) -> Option<&E> {
        self.0.service_error()?.downcast_ref::<E>()
    }

    /// The `Action` of the operation whose service error this is.
    pub fn action(&self) -> Option<&'static str> {
        self.0.service_error().map(AnyServiceError::action)
    }

    /// The error code, when the service answered with one.
    pub fn code(&self) -> Option<&str> {
        self.0.code()
    }

    /// The common error the service answered, if it is one.
    pub fn common(&self) -> Option<CommonError> {
        self.0.common()
    }

    /// The idempotency token the failed call sent.
    pub fn client_token(&self) -> Option<&str> {
        self.0.client_token()
    }

    /// The request id the service assigned, when a response carried one.
    pub fn request_id(&self) -> Option<&str> {
        self.0.request_id()
    }
}

impl fmt::Display for AnyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for AnyError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.0)
    }
}

impl<E: ServiceError> From<Error<E>> for AnyError {
    fn from(error: Error<E>) -> Self {
        AnyError(error.map_service(|e| AnyServiceError::new(E::ACTION, e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct CreateThingError(Box<ErrorMeta>);
    impl fmt::Display for CreateThingError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.0.code)
        }
    }
    impl std::error::Error for CreateThingError {}
    impl ServiceError for CreateThingError {
        const ACTION: &'static str = "CreateThing";
        const PUBLISHED: &'static [PublishedError] = &[];
        fn from_meta(meta: ErrorMeta) -> Self {
            Self(Box::new(meta))
        }
        fn meta(&self) -> &ErrorMeta {
            &self.0
        }
        fn is_retryable(&self) -> bool {
            false
        }
    }

    fn fails() -> Result<(), Error<CreateThingError>> {
        Err(Error::Service {
            error: CreateThingError(Box::new(ErrorMeta::published("Forbidden.RAM", 403, "no"))),
            attempts: 1,
            client_token: Some("tok".into()),
        })
    }

    fn caller() -> Result<(), AnyError> {
        fails()?;
        Ok(())
    }

    #[test]
    fn question_mark_converts_and_keeps_the_typed_error() {
        let error = caller().unwrap_err();
        assert_eq!(error.action(), Some("CreateThing"));
        assert_eq!(error.code(), Some("Forbidden.RAM"));
        assert_eq!(error.common(), Some(CommonError::ForbiddenRam));
        assert_eq!(error.client_token(), Some("tok"));
        assert_eq!(
            error
                .downcast_ref::<CreateThingError>()
                .map(|e| e.0.http_status),
            Some(403)
        );
        assert_eq!(
            error.to_string(),
            "service error after 1 attempt(s): CreateThing: Forbidden.RAM"
        );
    }
}
