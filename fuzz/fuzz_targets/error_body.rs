//! Error bodies as the client reads them (JSON, XML, anything else), mapped onto typed error
//! enums: no input may panic, and a code read is never empty.
#![no_main]

use acs_runtime::error_body::{parse_error_body, ErrorFields};
use acs_runtime::ServiceError as _;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    let content_type = match selector % 4 {
        0 => None,
        1 => Some("application/json;charset=utf-8"),
        2 => Some("text/xml;charset=utf-8"),
        _ => Some("text/html"),
    };
    let status = 400 + u16::from(selector >> 2);
    let _ = ErrorFields::parse(content_type, body);
    if let Some(meta) = parse_error_body(status, content_type, body) {
        assert!(!meta.code.is_empty());
        assert_eq!(meta.http_status, status);
        let typed = swas::CreateInstancesError::from_meta(meta.clone());
        assert_eq!(typed.meta().code, meta.code);
        let _ = typed.to_string();
        let _ = swas::ListInstancesError::from_meta(meta).is_retryable();
    }
});
