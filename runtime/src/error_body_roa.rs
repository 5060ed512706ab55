//! Reading the error bodies of ROA services onto the same [`ErrorMeta`] as RPC ones.
//!
//! ROA services write their errors in the RPC shapes [`parse_error_body`] reads — `Code` or
//! `code`, `Message` or `message`, `RequestId` or `requestId`, JSON, or XML when the content
//! type says so (Container Service: `{"code":"ErrorClusterNotFound","message":…,"requestId":…}`)
//! — or, in Function Compute's older API, as `ErrorCode`/`ErrorMessage`. The request ID may
//! only be in a header: `x-acs-request-id`, or Function Compute's `x-fc-request-id`.

use crate::error::ErrorMeta;
use crate::error_body::{parse_error_body, ErrorFields};
use crate::transport::HttpResponse;

/// The request ID headers of ROA services, in the order they are read.
const REQUEST_ID_HEADERS: [&str; 2] = ["x-acs-request-id", "x-fc-request-id"];

/// The request ID a ROA response carries in a header, if any.
pub fn roa_request_id_header(response: &HttpResponse) -> Option<&str> {
    REQUEST_ID_HEADERS
        .iter()
        .find_map(|name| response.header(name))
}

/// The [`ErrorMeta`] of a ROA error response, or `None` when the body has no error code. The
/// request ID comes from the body, else from a header.
pub fn parse_roa_error_body(response: &HttpResponse) -> Option<ErrorMeta> {
    let content_type = response.header("content-type");
    let body = response.body.as_slice();
    let mut meta = parse_error_body(response.status, content_type, body)
        .or_else(|| error_code_fields(response.status, body))?;
    if meta.request_id.is_none() {
        meta.request_id = roa_request_id_header(response).map(str::to_owned);
    }
    Some(meta)
}

/// `{"ErrorCode":…,"ErrorMessage":…,"RequestId":…}` (either case of the first letter).
fn error_code_fields(status: u16, body: &[u8]) -> Option<ErrorMeta> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let object = value.as_object()?;
    let text = |upper: &str, lower: &str| {
        object
            .get(upper)
            .or_else(|| object.get(lower))
            .and_then(|v| match v {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            // Server text, like every field `ErrorFields::parse` reads: a message can echo a
            // string to sign with its token.
            .map(|text| crate::redact::redacted(&text))
    };
    let code = text("ErrorCode", "errorCode").filter(|c| !c.is_empty())?;
    let fields = ErrorFields::parse(Some("application/json"), body);
    Some(ErrorMeta {
        code,
        message: text("ErrorMessage", "errorMessage").unwrap_or_default(),
        http_status: status,
        request_id: fields.request_id,
        host_id: fields.host_id,
        recommend: fields.recommend,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(
        status: u16,
        content_type: &str,
        body: &str,
        headers: &[(&'static str, &str)],
    ) -> HttpResponse {
        let mut response = HttpResponse::json(status, body);
        response.headers.insert(
            reqwest::header::CONTENT_TYPE,
            reqwest::header::HeaderValue::from_str(content_type).expect("valid"),
        );
        for (name, value) in headers {
            response.headers.insert(
                *name,
                reqwest::header::HeaderValue::from_str(value).expect("valid"),
            );
        }
        response
    }

    #[test]
    fn container_service_lower_camel_case() {
        let body = r#"{"code":"ErrorClusterNotFound","message":"cluster c-1 not found","requestId":"R-CS","status":404,"data":{}}"#;
        assert_eq!(
            parse_roa_error_body(&response(404, "application/json", body, &[])),
            Some(ErrorMeta {
                code: "ErrorClusterNotFound".into(),
                message: "cluster c-1 not found".into(),
                http_status: 404,
                request_id: Some("R-CS".into()),
                ..ErrorMeta::default()
            })
        );
    }

    #[test]
    fn function_compute_request_id_from_its_header() {
        let body = r#"{"Code":"FunctionNotFound","Message":"function 'f' does not exist"}"#;
        let meta = parse_roa_error_body(&response(
            404,
            "application/json",
            body,
            &[("x-fc-request-id", "R-FC")],
        ))
        .expect("an error");
        assert_eq!(meta.code, "FunctionNotFound");
        assert_eq!(meta.request_id.as_deref(), Some("R-FC"));
        // The older API's field names.
        let old = r#"{"ErrorCode":"ServiceNotFound","ErrorMessage":"service 's' does not exist"}"#;
        let meta = parse_roa_error_body(&response(
            404,
            "application/json",
            old,
            &[("x-acs-request-id", "R-ACS"), ("x-fc-request-id", "R-FC")],
        ))
        .expect("an error");
        assert_eq!(meta.code, "ServiceNotFound");
        assert_eq!(meta.message, "service 's' does not exist");
        assert_eq!(meta.request_id.as_deref(), Some("R-ACS"));
    }

    #[test]
    fn an_older_style_message_is_redacted_too() {
        let body = r#"{"ErrorCode":"SignatureDoesNotMatch","ErrorMessage":"string to sign: GET&%2F&SecurityToken%3Dsecret-token-123%26Version%3D1"}"#;
        let meta =
            parse_roa_error_body(&response(403, "application/json", body, &[])).expect("an error");
        assert_eq!(meta.code, "SignatureDoesNotMatch");
        assert!(
            !meta.message.contains("secret-token-123"),
            "{}",
            meta.message
        );
        assert!(meta.message.contains("<redacted>"), "{}", meta.message);
    }

    #[test]
    fn xml_when_the_content_type_says_so() {
        let body = "<?xml version=\"1.0\"?><Error><Code>Forbidden.RAM</Code><Message>no &amp; no</Message><RequestId>R-X</RequestId></Error>";
        let meta =
            parse_roa_error_body(&response(403, "application/xml", body, &[])).expect("an error");
        assert_eq!(meta.code, "Forbidden.RAM");
        assert_eq!(meta.message, "no & no");
        assert_eq!(meta.request_id.as_deref(), Some("R-X"));
    }

    #[test]
    fn bodies_without_a_code_are_not_errors() {
        for body in [
            "",
            "[]",
            "{\"message\":\"only\"}",
            "{\"ErrorCode\":\"\"}",
            "Bad Gateway",
        ] {
            assert_eq!(
                parse_roa_error_body(&response(502, "text/plain", body, &[])),
                None,
                "{body}"
            );
        }
    }
}
