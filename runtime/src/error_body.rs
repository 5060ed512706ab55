//! Reading Alibaba Cloud error bodies.
//!
//! JSON bodies carry `RequestId`, `HostId`, `Code`, `Message` and usually `Recommend` (some
//! services write them in lower camel case: `requestId`, `code`, …). XML bodies
//! (`<Error><RequestId>…</RequestId><Code>…</Code>…</Error>`) are read when the content type
//! says XML, or when a body that is not JSON starts with `<`.

use crate::error::ErrorMeta;

/// The fields of an error body; any may be missing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorFields {
    /// `Code` / `code`.
    pub code: Option<String>,
    /// `Message` / `message`.
    pub message: Option<String>,
    /// `RequestId` / `requestId`.
    pub request_id: Option<String>,
    /// `HostId` / `hostId`.
    pub host_id: Option<String>,
    /// `Recommend` / `recommend`.
    pub recommend: Option<String>,
}

impl ErrorFields {
    /// Reads whatever error fields `body` has, each passed through [`redact`](crate::redact)
    /// (messages can echo the string to sign, security token included).
    pub fn parse(content_type: Option<&str>, body: &[u8]) -> Self {
        Self::parse_raw(content_type, body).redacted()
    }

    fn redacted(self) -> Self {
        let clean = |field: Option<String>| field.map(|text| crate::redact::redacted(&text));
        Self {
            code: clean(self.code),
            message: clean(self.message),
            request_id: clean(self.request_id),
            host_id: clean(self.host_id),
            recommend: clean(self.recommend),
        }
    }

    fn parse_raw(content_type: Option<&str>, body: &[u8]) -> Self {
        let xml_type = content_type.is_some_and(|ct| ct.to_ascii_lowercase().contains("xml"));
        if !xml_type {
            if let Some(fields) = from_json(body) {
                return fields;
            }
        }
        let looks_like_xml = body
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'<');
        if xml_type || looks_like_xml {
            return from_xml(&String::from_utf8_lossy(body));
        }
        Self::default()
    }
}

/// The [`ErrorMeta`] of an error response, or `None` when the body has no error code.
pub fn parse_error_body(
    http_status: u16,
    content_type: Option<&str>,
    body: &[u8],
) -> Option<ErrorMeta> {
    let fields = ErrorFields::parse(content_type, body);
    let code = fields.code.filter(|c| !c.is_empty())?;
    Some(ErrorMeta {
        code,
        message: fields.message.unwrap_or_default(),
        http_status,
        request_id: fields.request_id,
        host_id: fields.host_id,
        recommend: fields.recommend,
    })
}

fn from_json(body: &[u8]) -> Option<ErrorFields> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let object = value.as_object()?;
    let field = |upper: &str, lower: &str| {
        object
            .get(upper)
            .or_else(|| object.get(lower))
            .and_then(|v| match v {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
    };
    Some(ErrorFields {
        code: field("Code", "code"),
        message: field("Message", "message"),
        request_id: field("RequestId", "requestId"),
        host_id: field("HostId", "hostId"),
        recommend: field("Recommend", "recommend"),
    })
}

fn from_xml(text: &str) -> ErrorFields {
    let field = |upper: &str, lower: &str| xml_tag(text, upper).or_else(|| xml_tag(text, lower));
    ErrorFields {
        code: field("Code", "code"),
        message: field("Message", "message"),
        request_id: field("RequestId", "requestId"),
        host_id: field("HostId", "hostId"),
        recommend: field("Recommend", "recommend"),
    }
}

/// The text of the first `<tag>…</tag>` element, CDATA unwrapped and entities decoded.
fn xml_tag(text: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let start = text.find(&open)? + open.len();
    let len = text[start..].find(&close)?;
    let raw = text[start..start + len].trim();
    let raw = raw
        .strip_prefix("<![CDATA[")
        .and_then(|s| s.strip_suffix("]]>"));
    Some(match raw {
        Some(cdata) => cdata.to_owned(),
        None => unescape(text[start..start + len].trim()),
    })
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let entity = rest.find(';').map(|end| (&rest[1..end], end));
        let decoded = entity.and_then(|(name, end)| {
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_upper_and_lower_case() {
        let upper = br#"{"RequestId":"R1","HostId":"h","Code":"InvalidParam","Message":"bad","Recommend":"https://r"}"#;
        assert_eq!(
            parse_error_body(403, Some("application/json;charset=utf-8"), upper),
            Some(ErrorMeta {
                code: "InvalidParam".into(),
                message: "bad".into(),
                http_status: 403,
                request_id: Some("R1".into()),
                host_id: Some("h".into()),
                recommend: Some("https://r".into()),
            })
        );
        let lower = br#"{"requestId":"R2","code":"Throttling.User","message":"slow down"}"#;
        assert_eq!(
            parse_error_body(400, None, lower),
            Some(ErrorMeta {
                code: "Throttling.User".into(),
                message: "slow down".into(),
                http_status: 400,
                request_id: Some("R2".into()),
                ..ErrorMeta::default()
            })
        );
    }

    #[test]
    fn xml_body() {
        let body = b"<?xml version='1.0' encoding='UTF-8'?>\n<Error>\n  <RequestId>R3</RequestId>\n  <HostId>swas.aliyuncs.com</HostId>\n  <Code>InvalidPlanId.NotFound</Code>\n  <Message>The specified PlanId &lt;x&gt; &amp; &#x4E2D; does not exist.</Message>\n  <Recommend><![CDATA[https://api.aliyun.com/troubleshoot?q=a&b]]></Recommend>\n</Error>";
        assert_eq!(
            parse_error_body(404, Some("text/xml;charset=utf-8"), body),
            Some(ErrorMeta {
                code: "InvalidPlanId.NotFound".into(),
                message: "The specified PlanId <x> & 中 does not exist.".into(),
                http_status: 404,
                request_id: Some("R3".into()),
                host_id: Some("swas.aliyuncs.com".into()),
                recommend: Some("https://api.aliyun.com/troubleshoot?q=a&b".into()),
            })
        );
    }

    #[test]
    fn no_code_means_none() {
        assert_eq!(parse_error_body(500, None, b"<html>oops</html>"), None);
        assert_eq!(parse_error_body(500, None, b"{\"Code\":\"\"}"), None);
        assert_eq!(parse_error_body(502, None, b"Bad Gateway"), None);
        assert_eq!(parse_error_body(502, None, b""), None);
        assert_eq!(parse_error_body(502, None, b"[1,2]"), None);
    }

    #[test]
    fn unescape_leaves_unknown_entities() {
        assert_eq!(unescape("a &bogus; &amp b &#65;"), "a &bogus; &amp b A");
    }
}
