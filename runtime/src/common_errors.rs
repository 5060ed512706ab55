//! Errors every Alibaba Cloud RPC API can answer, whatever the operation: signature, access key,
//! security token, throttling, RAM permission, missing or invalid parameter, service trouble.
//!
//! Codes and HTTP statuses follow Alibaba Cloud's published common error codes (the API error
//! centre and the products' "common error codes" tables: `InvalidAccessKeyId.NotFound` 404,
//! `Forbidden.RAM` 403, `InternalError` 500, `ServiceUnavailable` 503, signature and timestamp
//! errors 400). Every generated error enum maps these codes onto its `Common` variant (unless the
//! operation publishes the code itself), and [`Error::common`](crate::Error::common) reads them
//! from any call's error.

use std::fmt;

use crate::error::PublishedError;

macro_rules! common_errors {
    ($( $(#[$doc:meta])* $variant:ident = ($code:literal, $status:literal, $retryable:literal, $message:literal), )*) => {
        /// An error code common to all Alibaba Cloud RPC APIs.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum CommonError {
            $( $(#[$doc])* $variant, )*
        }

        /// The common error codes with their published HTTP status and message, and whether a
        /// retry may succeed.
        pub const COMMON_ERRORS: &[PublishedError] = &[
            $( PublishedError { code: $code, http_status: $status, message: $message, retryable: $retryable }, )*
        ];

        impl CommonError {
            /// Every common error, in table order.
            pub const ALL: &'static [CommonError] = &[$(CommonError::$variant,)*];

            /// The common error a code names, if it is one.
            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $( $code => Some(CommonError::$variant), )*
                    _ => None,
                }
            }

            /// The code exactly as the service sends it.
            pub fn code(self) -> &'static str {
                match self {
                    $( CommonError::$variant => $code, )*
                }
            }

            /// The published row: HTTP status, message, retryable.
            pub fn published(self) -> &'static PublishedError {
                &COMMON_ERRORS[self as usize]
            }
        }
    };
}

common_errors! {
    /// The signature does not match the one the service computed (wrong secret, or the request
    /// changed after signing).
    SignatureDoesNotMatch = ("SignatureDoesNotMatch", 400, false, "Specified signature is not matched with our calculation."),
    /// The signature is not of the documented form.
    IncompleteSignature = ("IncompleteSignature", 400, false, "The request signature does not conform to Aliyun standards."),
    /// The signature nonce was used before within 15 minutes.
    SignatureNonceUsed = ("SignatureNonceUsed", 400, false, "Specified signature nonce was used already."),
    /// The timestamp is more than 15 minutes away from the service's clock.
    InvalidTimeStampExpired = ("InvalidTimeStamp.Expired", 400, false, "Specified time stamp or date value is expired."),
    /// The timestamp is not ISO 8601 UTC.
    InvalidTimeStampFormat = ("InvalidTimeStamp.Format", 400, false, "Specified time stamp or date value is not well formatted."),
    /// The AccessKey ID does not exist (also seen when an STS token expired).
    InvalidAccessKeyIdNotFound = ("InvalidAccessKeyId.NotFound", 404, false, "Specified access key is not found."),
    /// The AccessKey is disabled.
    InvalidAccessKeyIdInactive = ("InvalidAccessKeyId.Inactive", 400, false, "Specified access key is disabled."),
    /// The STS security token expired.
    InvalidSecurityTokenExpired = ("InvalidSecurityToken.Expired", 400, false, "Specified SecurityToken is expired."),
    /// The STS security token is malformed.
    InvalidSecurityTokenMalformed = ("InvalidSecurityToken.Malformed", 400, false, "Specified SecurityToken is malformed."),
    /// The STS security token belongs to another AccessKey.
    InvalidSecurityTokenMismatchWithAccessKey = ("InvalidSecurityToken.MismatchWithAccessKey", 400, false, "Specified SecurityToken mismatch with the AccessKey."),
    /// The RAM identity may not call this operation on this resource.
    ForbiddenRam = ("Forbidden.RAM", 403, false, "User not authorized to operate on the specified resource, or this API doesn't support RAM."),
    /// Throttled (service-wide flow control).
    Throttling = ("Throttling", 400, true, "Request was denied due to request throttling."),
    /// Throttled: this account's flow control.
    ThrottlingUser = ("Throttling.User", 400, true, "Request was denied due to user flow control."),
    /// Throttled: this operation's flow control.
    ThrottlingApi = ("Throttling.Api", 400, true, "Request was denied due to api flow control."),
    /// A required parameter is missing.
    MissingParameter = ("MissingParameter", 400, false, "The input parameter that is mandatory for processing this request is not supplied."),
    /// A parameter is not valid.
    InvalidParameter = ("InvalidParameter", 400, false, "The specified parameter is not valid."),
    /// The `Action` does not exist in this product and version.
    InvalidActionNotFound = ("InvalidAction.NotFound", 404, false, "Specified api is not found, please check your url and method."),
    /// The `Version` is not one the product has.
    InvalidVersion = ("InvalidVersion", 400, false, "Specified parameter Version is not valid."),
    /// The HTTP method is not GET or POST.
    UnsupportedHttpMethod = ("UnsupportedHTTPMethod", 405, false, "This http method is not supported."),
    /// The service failed internally.
    InternalError = ("InternalError", 500, true, "The request processing has failed due to some unknown error, exception or failure."),
    /// The service is temporarily unavailable.
    ServiceUnavailable = ("ServiceUnavailable", 503, true, "The request has failed due to a temporary failure of the server."),
}

impl CommonError {
    /// Throttling of any kind: wait and retry.
    pub fn is_throttling(self) -> bool {
        matches!(
            self,
            CommonError::Throttling | CommonError::ThrottlingUser | CommonError::ThrottlingApi
        )
    }

    /// The credentials or the signature were refused: retrying the same request cannot help.
    pub fn is_authentication(self) -> bool {
        matches!(
            self,
            CommonError::SignatureDoesNotMatch
                | CommonError::IncompleteSignature
                | CommonError::SignatureNonceUsed
                | CommonError::InvalidTimeStampExpired
                | CommonError::InvalidTimeStampFormat
                | CommonError::InvalidAccessKeyIdNotFound
                | CommonError::InvalidAccessKeyIdInactive
                | CommonError::InvalidSecurityTokenExpired
                | CommonError::InvalidSecurityTokenMalformed
                | CommonError::InvalidSecurityTokenMismatchWithAccessKey
        )
    }

    /// Whether a retry of the same request may succeed.
    pub fn is_retryable(self) -> bool {
        self.published().retryable
    }
}

impl fmt::Display for CommonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_and_enum_agree() {
        assert_eq!(CommonError::ALL.len(), COMMON_ERRORS.len());
        for (i, e) in CommonError::ALL.iter().enumerate() {
            assert_eq!(e.published().code, COMMON_ERRORS[i].code);
            assert_eq!(CommonError::from_code(e.code()), Some(*e));
        }
        assert_eq!(
            CommonError::from_code("Forbidden.RAM"),
            Some(CommonError::ForbiddenRam)
        );
        assert_eq!(CommonError::ForbiddenRam.published().http_status, 403);
        assert_eq!(
            CommonError::InvalidAccessKeyIdNotFound
                .published()
                .http_status,
            404
        );
        assert_eq!(CommonError::ServiceUnavailable.published().http_status, 503);
        assert_eq!(
            CommonError::from_code("InvalidPeriod.ValueNotSupported"),
            None
        );
        assert!(CommonError::ThrottlingUser.is_throttling());
        assert!(CommonError::ThrottlingUser.is_retryable());
        assert!(!CommonError::SignatureDoesNotMatch.is_retryable());
        assert!(CommonError::SignatureDoesNotMatch.is_authentication());
    }
}
