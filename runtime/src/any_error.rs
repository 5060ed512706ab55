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
//! A waiter's [`WaitError`] converts too: a failed poll as the call's error, a failure state or
//! a timeout as a [`WaitFailure`].
//!
//! The typed service error survives: [`AnyError::downcast_ref`] gives it back, and
//! [`AnyError::action`] says which operation failed.

use std::any::Any;
use std::fmt;
use std::time::Duration;

use crate::common_errors::CommonError;
use crate::error::{Error, ErrorMeta, PublishedError, ServiceError};
use crate::operation::Operation;
use crate::waiter::WaitError;

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

/// Any operation's [`Error`], type-erased, or a wait that ended without success: `?` converts
/// every `Error<E>` and every [`WaitError`] into it.
///
/// [`error`](Self::error) gives the full [`Error`] to match on (a failed call, including a
/// failed poll of a waiter), its service error an [`AnyServiceError`] that
/// [`downcast_ref`](Self::downcast_ref) turns back into the typed enum;
/// [`wait_failure`](Self::wait_failure) gives a waiter's failure state or timeout.
#[derive(Debug)]
pub struct AnyError(Repr);

#[derive(Debug)]
enum Repr {
    Call(Error<AnyServiceError>),
    Wait(WaitFailure),
}

/// A wait that ended without success and without a failed call: a failure state was reached,
/// or the maximum time passed (the [`WaitError::Failed`] and [`WaitError::TimedOut`] cases).
pub struct WaitFailure {
    action: &'static str,
    waiter: &'static str,
    attempts: u32,
    outcome: WaitOutcome,
    last_response: Option<Box<dyn Any + Send + Sync>>,
}

/// How a [`WaitFailure`] ended.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WaitOutcome {
    /// The answer showed this failure state.
    FailureState(String),
    /// The maximum time passed; the last answer showed these states.
    TimedOut {
        /// Time waited.
        elapsed: Duration,
        /// The states the last answer showed.
        last_states: Vec<String>,
    },
}

impl WaitFailure {
    /// The `Action` of the polled operation.
    pub fn action(&self) -> &'static str {
        self.action
    }

    /// The waiter's name in the spec (`InstancesRunning`).
    pub fn waiter(&self) -> &'static str {
        self.waiter
    }

    /// Polls made.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// The failure state, or the timeout and the last states.
    pub fn outcome(&self) -> &WaitOutcome {
        &self.outcome
    }

    /// The last answer, when a poll got one and it is a `T` (the operation's output type).
    pub fn last_response<T: Any>(&self) -> Option<&T> {
        self.last_response.as_deref()?.downcast_ref::<T>()
    }
}

impl fmt::Debug for WaitFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The answer is kept type-erased; its type says what it is without printing it.
        f.debug_struct("WaitFailure")
            .field("action", &self.action)
            .field("waiter", &self.waiter)
            .field("attempts", &self.attempts)
            .field("outcome", &self.outcome)
            .field("has_last_response", &self.last_response.is_some())
            .finish()
    }
}

impl fmt::Display for WaitFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (action, waiter, attempts) = (self.action, self.waiter, self.attempts);
        match &self.outcome {
            WaitOutcome::FailureState(state) => write!(
                f,
                "{action}: waiter {waiter} reached failure state {state:?} after {attempts} poll(s)"
            ),
            WaitOutcome::TimedOut {
                elapsed,
                last_states,
            } => write!(
                f,
                "{action}: waiter {waiter} timed out after {elapsed:?} and {attempts} poll(s); last states {last_states:?}"
            ),
        }
    }
}

impl std::error::Error for WaitFailure {}

impl AnyError {
    /// The failed call, with the service error type-erased; `None` for a [`WaitFailure`].
    pub fn error(&self) -> Option<&Error<AnyServiceError>> {
        match &self.0 {
            Repr::Call(error) => Some(error),
            Repr::Wait(_) => None,
        }
    }

    /// The failed call, with the service error type-erased; a [`WaitFailure`] back as `Err`.
    pub fn into_error(self) -> Result<Error<AnyServiceError>, WaitFailure> {
        match self.0 {
            Repr::Call(error) => Ok(error),
            Repr::Wait(failure) => Err(failure),
        }
    }

    /// The waiter's failure state or timeout, when a wait ended this way.
    pub fn wait_failure(&self) -> Option<&WaitFailure> {
        match &self.0 {
            Repr::Wait(failure) => Some(failure),
            Repr::Call(_) => None,
        }
    }

    /// The typed service error, when the service answered and the operation's error is an `E`.
    pub fn downcast_ref<E: ServiceError>(&self) -> Option<&E> {
        self.error()?.service_error()?.downcast_ref::<E>()
    }

    /// The `Action` of the operation whose service error or wait failure this is.
    pub fn action(&self) -> Option<&'static str> {
        match &self.0 {
            Repr::Call(error) => error.service_error().map(AnyServiceError::action),
            Repr::Wait(failure) => Some(failure.action),
        }
    }

    /// The error code, when the service answered with one.
    pub fn code(&self) -> Option<&str> {
        self.error()?.code()
    }

    /// The common error the service answered, if it is one.
    pub fn common(&self) -> Option<CommonError> {
        self.error()?.common()
    }

    /// The idempotency token the failed call sent.
    pub fn client_token(&self) -> Option<&str> {
        self.error()?.client_token()
    }

    /// The request id the service assigned, when a response carried one.
    pub fn request_id(&self) -> Option<&str> {
        self.error()?.request_id()
    }
}

impl fmt::Display for AnyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Call(error) => fmt::Display::fmt(error, f),
            Repr::Wait(failure) => fmt::Display::fmt(failure, f),
        }
    }
}

impl std::error::Error for AnyError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.0 {
            Repr::Call(error) => std::error::Error::source(error),
            Repr::Wait(_) => None,
        }
    }
}

impl<E: ServiceError> From<Error<E>> for AnyError {
    fn from(error: Error<E>) -> Self {
        AnyError(Repr::Call(
            error.map_service(|e| AnyServiceError::new(E::ACTION, e)),
        ))
    }
}

impl<O> From<WaitError<O>> for AnyError
where
    O: Operation,
    O::Output: Send + Sync + 'static,
{
    /// A failed poll becomes the call's error; a failure state or a timeout a [`WaitFailure`]
    /// that keeps the last answer.
    fn from(error: WaitError<O>) -> Self {
        let failure = |waiter, attempts, outcome, last: Option<O::Output>| {
            AnyError(Repr::Wait(WaitFailure {
                action: O::ACTION,
                waiter,
                attempts,
                outcome,
                last_response: last.map(|r| Box::new(r) as Box<dyn Any + Send + Sync>),
            }))
        };
        match error {
            WaitError::Call(error) => error.into(),
            WaitError::Failed {
                waiter,
                state,
                response,
                attempts,
            } => failure(
                waiter,
                attempts,
                WaitOutcome::FailureState(state),
                Some(response),
            ),
            WaitError::TimedOut {
                waiter,
                elapsed,
                attempts,
                last_states,
                last_response,
            } => failure(
                waiter,
                attempts,
                WaitOutcome::TimedOut {
                    elapsed,
                    last_states,
                },
                last_response,
            ),
        }
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

    struct CreateThing;
    impl Operation for CreateThing {
        const PRODUCT: &'static str = "T";
        const VERSION: &'static str = "1";
        const ACTION: &'static str = "CreateThing";
        type Output = Vec<String>;
        type Error = CreateThingError;
        fn validate(&self) -> Result<(), crate::validate::ValidationErrors> {
            Ok(())
        }
        fn write_params(&self, _: &mut crate::operation::Params) {}
    }

    fn waits(error: WaitError<CreateThing>) -> Result<(), AnyError> {
        Err(error)?;
        Ok(())
    }

    #[test]
    fn a_failure_state_converts_with_its_answer() {
        let error = waits(WaitError::Failed {
            waiter: "ThingReady",
            state: "Broken".into(),
            response: vec!["Running".into(), "Broken".into()],
            attempts: 3,
        })
        .unwrap_err();
        let failure = error.wait_failure().expect("a wait failure");
        assert_eq!(error.action(), Some("CreateThing"));
        assert_eq!(failure.waiter(), "ThingReady");
        assert_eq!(failure.attempts(), 3);
        assert_eq!(
            failure.outcome(),
            &WaitOutcome::FailureState("Broken".into())
        );
        assert_eq!(
            failure.last_response::<Vec<String>>().map(Vec::len),
            Some(2)
        );
        assert!(failure.last_response::<String>().is_none());
        assert!(error.error().is_none() && error.code().is_none());
        assert_eq!(
            error.to_string(),
            "CreateThing: waiter ThingReady reached failure state \"Broken\" after 3 poll(s)"
        );
    }

    #[test]
    fn a_timeout_converts_with_the_last_states() {
        let error = waits(WaitError::TimedOut {
            waiter: "ThingReady",
            elapsed: std::time::Duration::from_secs(2),
            attempts: 4,
            last_states: vec!["Starting".into()],
            last_response: None,
        })
        .unwrap_err();
        let failure = error.wait_failure().expect("a wait failure");
        assert_eq!(
            failure.outcome(),
            &WaitOutcome::TimedOut {
                elapsed: std::time::Duration::from_secs(2),
                last_states: vec!["Starting".into()],
            }
        );
        assert!(failure.last_response::<Vec<String>>().is_none());
        assert_eq!(
            error.to_string(),
            "CreateThing: waiter ThingReady timed out after 2s and 4 poll(s); last states [\"Starting\"]"
        );
    }

    #[test]
    fn a_failed_poll_converts_as_the_call_error() {
        let call = fails().unwrap_err();
        let error = waits(WaitError::Call(call)).unwrap_err();
        assert!(error.wait_failure().is_none());
        assert_eq!(error.code(), Some("Forbidden.RAM"));
        assert_eq!(error.client_token(), Some("tok"));
        assert!(error.downcast_ref::<CreateThingError>().is_some());
    }
}
