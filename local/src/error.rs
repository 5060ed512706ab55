//! Alibaba-shaped error answers.
//!
//! Every error the server sends is JSON with the five fields Alibaba Cloud's gateway sends, in
//! this order: `{"RequestId","HostId","Code","Message","Recommend"}`, with the HTTP status the
//! code is published with, and the request id repeated in the `x-acs-request-id` header.

use std::time::Duration;

use serde::Serialize;

/// The product code used in `Recommend` links.
pub const PRODUCT: &str = "SWAS-OPEN";

/// One error answer: status, code and message (request id and host are added when it is sent).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: u16,
    /// Error code, exactly as sent (`InvalidPlanId.NotFound`).
    pub code: String,
    /// Human-readable message.
    pub message: String,
    /// `x-acs-retry-after` in milliseconds (throttling only).
    pub retry_after: Option<Duration>,
}

impl ApiError {
    /// An error with this status, code and message.
    pub fn new(status: u16, code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            status,
            code: code.into(),
            message: message.into(),
            retry_after: None,
        }
    }

    /// `MissingParameter` (400) naming the parameter, in the gateway's wording.
    pub fn missing_parameter(name: &str) -> Self {
        Self::new(
            400,
            "MissingParameter",
            format!(
                "The input parameter \"{name}\" that is mandatory for processing this request is not supplied."
            ),
        )
    }

    /// `InvalidParameter` (400) naming the parameter, with a reason.
    pub fn invalid_parameter(name: &str, reason: &str) -> Self {
        Self::new(
            400,
            "InvalidParameter",
            format!("The specified parameter \"{name}\" is not valid: {reason}."),
        )
    }

    /// `InvalidAccessKeyId.NotFound` (404).
    pub fn access_key_not_found() -> Self {
        Self::new(
            404,
            "InvalidAccessKeyId.NotFound",
            "Specified access key is not found.",
        )
    }

    /// `SignatureDoesNotMatch` (400).
    pub fn signature_mismatch() -> Self {
        Self::new(
            400,
            "SignatureDoesNotMatch",
            "Specified signature is not matched with our calculation.",
        )
    }

    /// `IncompleteSignature` (400): a signature that is not of the documented form.
    pub fn incomplete_signature(detail: &str) -> Self {
        Self::new(
            400,
            "IncompleteSignature",
            format!("The request signature does not conform to Aliyun standards: {detail}."),
        )
    }

    /// `InvalidTimeStamp.Expired` (400).
    pub fn timestamp_expired() -> Self {
        Self::new(
            400,
            "InvalidTimeStamp.Expired",
            "Specified time stamp or date value is expired.",
        )
    }

    /// `InvalidTimeStamp.Format` (400).
    pub fn timestamp_format() -> Self {
        Self::new(
            400,
            "InvalidTimeStamp.Format",
            "Specified time stamp or date value is not well formatted.",
        )
    }

    /// `SignatureNonceUsed` (400).
    pub fn nonce_used() -> Self {
        Self::new(
            400,
            "SignatureNonceUsed",
            "Specified signature nonce was used already.",
        )
    }

    /// `InvalidVersion` (400).
    pub fn invalid_version() -> Self {
        Self::new(
            400,
            "InvalidVersion",
            "Specified parameter Version is not valid.",
        )
    }

    /// `InvalidAction.NotFound` (404).
    pub fn action_not_found() -> Self {
        Self::new(
            404,
            "InvalidAction.NotFound",
            "Specified api is not found, please check your url and method.",
        )
    }

    /// `UnsupportedHTTPMethod` (405): only GET and POST carry RPC calls.
    pub fn unsupported_method(method: &str) -> Self {
        Self::new(
            405,
            "UnsupportedHTTPMethod",
            format!("This http method ({method}) is not supported; use GET or POST."),
        )
    }

    /// `RequestEntityTooLarge` (413).
    pub fn body_too_large(limit: usize) -> Self {
        Self::new(
            413,
            "RequestEntityTooLarge",
            format!("The request body is larger than the maximum of {limit} bytes."),
        )
    }

    /// `Throttling.User` (400), with an optional `x-acs-retry-after`.
    pub fn throttled(retry_after: Option<Duration>) -> Self {
        Self {
            retry_after,
            ..Self::new(
                400,
                "Throttling.User",
                "Request was denied due to user flow control.",
            )
        }
    }

    /// `InternalError` (500) with the CreateInstances page's message.
    pub fn internal() -> Self {
        Self::new(
            500,
            "InternalError",
            "An error occurred while processing your request.",
        )
    }

    /// `InvalidRegionId.NotFound` (404).
    pub fn region_not_found(region: &str) -> Self {
        Self::new(
            404,
            "InvalidRegionId.NotFound",
            format!("The specified RegionId \"{region}\" does not exist."),
        )
    }

    /// `IdempotentParameterMismatch` (400), as ECS answers a reused ClientToken with other
    /// parameters.
    pub fn idempotent_mismatch() -> Self {
        Self::new(
            400,
            "IdempotentParameterMismatch",
            "Request uses a client token in a previous request but is not Identical to that request.",
        )
    }

    /// The JSON body: `{"RequestId","HostId","Code","Message","Recommend"}`.
    pub fn body(&self, request_id: &str, host_id: &str) -> Vec<u8> {
        #[derive(Serialize)]
        struct Body<'a> {
            #[serde(rename = "RequestId")]
            request_id: &'a str,
            #[serde(rename = "HostId")]
            host_id: &'a str,
            #[serde(rename = "Code")]
            code: &'a str,
            #[serde(rename = "Message")]
            message: &'a str,
            #[serde(rename = "Recommend")]
            recommend: String,
        }
        let body = Body {
            request_id,
            host_id,
            code: &self.code,
            message: &self.message,
            recommend: recommend_url(&self.code, request_id),
        };
        // Serializing strings into a Vec cannot fail; the fallback keeps this panic-free.
        serde_json::to_vec(&body).unwrap_or_else(|_| b"{}".to_vec())
    }
}

/// The troubleshooting link Alibaba's gateway puts in `Recommend`.
pub fn recommend_url(code: &str, request_id: &str) -> String {
    let mut out = String::from("https://api.aliyun.com/troubleshoot?q=");
    acs_runtime::sign::percent_encode(code, &mut out);
    out.push_str("&product=");
    out.push_str(PRODUCT);
    out.push_str("&requestId=");
    acs_runtime::sign::percent_encode(request_id, &mut out);
    out
}
