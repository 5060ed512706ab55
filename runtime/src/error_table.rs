//! What every generated per-operation error enum shares, written once here rather than once per
//! operation: lookups in the operation's published table (code → HTTP status, message,
//! retryable) and the methods, `Display`, `Error` and `FromStr` every enum offers.
//!
//! Generated code keeps only what differs per operation: the variants, the published table, the
//! table position → variant match of `from_meta`, and `meta`. That is most of the code an
//! operation with hundreds of published codes (ECS `RunInstances`: 391) used to generate.

use crate::common_errors::{CommonError, COMMON_ERRORS};
use crate::error::{ErrorMeta, PublishedError};

/// The position of `code` in an operation's published `table`.
pub fn position(table: &[PublishedError], code: &str) -> Option<usize> {
    table.iter().position(|row| row.code == code)
}

/// The variant for a code the operation does not publish: `common` for one of the
/// [common errors](crate::common_errors), `unknown` otherwise.
pub fn unpublished<E>(
    meta: Box<ErrorMeta>,
    common: fn(CommonError, Box<ErrorMeta>) -> E,
    unknown: fn(Box<ErrorMeta>) -> E,
) -> E {
    match CommonError::from_code(&meta.code) {
        Some(kind) => common(kind, meta),
        None => unknown(meta),
    }
}

/// Whether retrying may succeed, for an error of an operation publishing `table`: a published
/// code's own flag; for any other code, the common error's flag or a transient condition
/// (throttling, `ServiceUnavailable`, a 5xx status: [`ErrorMeta::is_transient`]).
///
/// The variant `from_meta` builds follows from the code, so this is the variant's answer.
pub fn is_retryable(table: &[PublishedError], meta: &ErrorMeta) -> bool {
    match position(table, &meta.code) {
        Some(index) => table[index].retryable,
        None => {
            CommonError::from_code(&meta.code).is_some_and(CommonError::is_retryable)
                || meta.is_transient()
        }
    }
}

/// The meta of an error built from its code alone: the published status and message (the
/// operation's `table` first, then the common errors), or status 0 and an empty message for a
/// code neither lists.
pub fn published_meta(table: &[PublishedError], code: &str) -> ErrorMeta {
    match table
        .iter()
        .chain(COMMON_ERRORS)
        .find(|row| row.code == code)
    {
        Some(row) => ErrorMeta::published(row.code, row.http_status, row.message),
        None => ErrorMeta::published(code, 0, ""),
    }
}

/// An operation's published error table from compact rows `"Code" 400 false "Message";`
/// (code, HTTP status, retryable, message): what generated code writes for each published code.
#[doc(hidden)]
#[macro_export]
macro_rules! published_errors {
    ($($code:literal $status:literal $retryable:literal $message:literal;)*) => {
        &[$($crate::PublishedError {
            code: $code,
            http_status: $status,
            message: $message,
            retryable: $retryable,
        },)*]
    };
}

/// The accessors, `Display`, `Error`, `Debug`, `PartialEq`, `Eq` and `FromStr` of a generated
/// error enum, from its [`ServiceError`](crate::ServiceError) implementation (generated code
/// invokes this once per operation). The accessors are `#[inline]`, so a crate of many
/// operations compiles only the ones its users call.
#[doc(hidden)]
#[macro_export]
macro_rules! service_error_methods {
    ($error:ident) => {
        impl $error {
            /// The error code exactly as the service sent it.
            #[inline]
            pub fn code(&self) -> &str {
                &$crate::ServiceError::meta(self).code
            }

            /// The message the service sent (or the published one).
            #[inline]
            pub fn message(&self) -> &str {
                &$crate::ServiceError::meta(self).message
            }

            /// The HTTP status of the response (or the published one).
            #[inline]
            pub fn http_status(&self) -> u16 {
                $crate::ServiceError::meta(self).http_status
            }

            /// The request id the service assigned, when a response carried one.
            #[inline]
            pub fn request_id(&self) -> ::core::option::Option<&str> {
                $crate::ServiceError::meta(self).request_id.as_deref()
            }

            /// The host id of the response, when it carried one.
            #[inline]
            pub fn host_id(&self) -> ::core::option::Option<&str> {
                $crate::ServiceError::meta(self).host_id.as_deref()
            }

            /// The troubleshooting URL (`Recommend`), when the response carried one.
            #[inline]
            pub fn recommend(&self) -> ::core::option::Option<&str> {
                $crate::ServiceError::meta(self).recommend.as_deref()
            }

            /// Whether retrying the same request may succeed.
            #[inline]
            pub fn is_retryable(&self) -> bool {
                $crate::ServiceError::is_retryable(self)
            }

            /// Everything the response said about the error.
            #[inline]
            pub fn meta(&self) -> &$crate::ErrorMeta {
                $crate::ServiceError::meta(self)
            }

            /// The common error (signature, access key, throttling, RAM permission, …) this is,
            /// whether or not the operation publishes the code itself.
            #[inline]
            pub fn common(&self) -> ::core::option::Option<$crate::CommonError> {
                $crate::CommonError::from_code(self.code())
            }
        }

        impl ::core::fmt::Display for $error {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt($crate::ServiceError::meta(self), f)
            }
        }

        impl ::std::error::Error for $error {}

        /// `Error(meta)`: the meta names the code, and with it the variant.
        impl ::core::fmt::Debug for $error {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_tuple(::core::stringify!($error))
                    .field($crate::ServiceError::meta(self))
                    .finish()
            }
        }

        /// The same variant with equal metas (and, for `Common`, the same common error).
        impl ::core::cmp::PartialEq for $error {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                ::core::mem::discriminant(self) == ::core::mem::discriminant(other)
                    && $crate::ServiceError::meta(self) == $crate::ServiceError::meta(other)
                    && match (self, other) {
                        ($error::Common(a, _), $error::Common(b, _)) => a == b,
                        _ => true,
                    }
            }
        }

        impl ::core::cmp::Eq for $error {}

        impl ::core::str::FromStr for $error {
            type Err = ::core::convert::Infallible;

            /// The variant for a code; unknown codes become `Unknown`. Status and message are
            /// the published ones.
            #[inline]
            fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                let table = <Self as $crate::ServiceError>::PUBLISHED;
                ::core::result::Result::Ok(<Self as $crate::ServiceError>::from_meta(
                    $crate::error_table::published_meta(table, code),
                ))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &[PublishedError] = &[
        PublishedError {
            code: "InternalError",
            http_status: 500,
            message: "published here, retryable here",
            retryable: true,
        },
        PublishedError {
            code: "Throttling.User",
            http_status: 400,
            message: "published here as not retryable",
            retryable: false,
        },
        PublishedError {
            code: "InvalidParam",
            http_status: 403,
            message: "The specified parameter value is invalid.",
            retryable: false,
        },
    ];

    fn meta(code: &str, http_status: u16) -> ErrorMeta {
        ErrorMeta {
            code: code.to_owned(),
            http_status,
            ..ErrorMeta::default()
        }
    }

    #[test]
    fn positions_follow_the_table() {
        assert_eq!(position(TABLE, "InternalError"), Some(0));
        assert_eq!(position(TABLE, "InvalidParam"), Some(2));
        assert_eq!(position(TABLE, "invalidparam"), None);
        assert_eq!(position(&[], "InvalidParam"), None);
    }

    /// A published flag wins over the common table and over the status; other codes fall back
    /// to the common error's flag, then to the transient conditions.
    #[test]
    fn retryable_is_the_published_flag_first() {
        assert!(is_retryable(TABLE, &meta("InternalError", 500)));
        assert!(!is_retryable(TABLE, &meta("Throttling.User", 400)));
        assert!(!is_retryable(TABLE, &meta("InvalidParam", 503)));
        assert!(is_retryable(&[], &meta("Throttling.User", 400)));
        assert!(is_retryable(TABLE, &meta("ServiceUnavailable", 503)));
        assert!(is_retryable(TABLE, &meta("Some.NewCode", 502)));
        assert!(!is_retryable(TABLE, &meta("Some.NewCode", 400)));
        assert!(!is_retryable(TABLE, &meta("SignatureDoesNotMatch", 400)));
    }

    #[test]
    fn published_meta_prefers_the_operation_table() {
        let own = published_meta(TABLE, "Throttling.User");
        assert_eq!(
            (own.http_status, own.message.as_str()),
            (400, "published here as not retryable")
        );
        let common = published_meta(&[], "Forbidden.RAM");
        assert_eq!(common.http_status, 403);
        assert!(!common.message.is_empty());
        let unknown = published_meta(TABLE, "Some.NewCode");
        assert_eq!(
            (
                unknown.code.as_str(),
                unknown.http_status,
                unknown.message.as_str()
            ),
            ("Some.NewCode", 0, "")
        );
    }

    #[test]
    fn unpublished_codes_are_common_or_unknown() {
        #[derive(Debug, PartialEq)]
        enum Kind {
            Common(CommonError),
            Unknown,
        }
        let common = |kind, _meta| Kind::Common(kind);
        let unknown = |_meta| Kind::Unknown;
        assert_eq!(
            unpublished(Box::new(meta("Forbidden.RAM", 403)), common, unknown),
            Kind::Common(CommonError::ForbiddenRam)
        );
        assert_eq!(
            unpublished(Box::new(meta("Some.NewCode", 400)), common, unknown),
            Kind::Unknown
        );
    }
}
