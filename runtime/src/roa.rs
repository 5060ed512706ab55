//! What generated ROA operations use beyond [`Operation`](crate::Operation): binary request
//! bodies ([`BinaryBody`]), binary response bodies ([`ResponseStream`]), reading a 2xx answer
//! into the output ([`read_output`]: a JSON object, a JSON array, text, bytes or nothing, plus
//! the declared response headers), and reading bodies back on the server side.

use std::borrow::Cow;
use std::fmt;

use futures_util::StreamExt as _;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::client::request::{Body, ByteStream, StreamBody};
use crate::transport::HttpResponse;
use crate::validate::{Rule, ValidationErrors, Violation};

/// A binary request body (`format: binary`, sent as `application/octet-stream`): bytes in
/// memory, or a [`StreamBody`] read from its source while it is sent (Function Compute
/// `InvokeFunction` payloads).
#[derive(Clone, PartialEq, Eq)]
pub struct BinaryBody(Payload);

#[derive(Clone, PartialEq, Eq)]
enum Payload {
    Bytes(bytes::Bytes),
    Stream(StreamBody),
}

impl BinaryBody {
    /// The length in bytes, when known.
    pub fn len(&self) -> Option<u64> {
        match &self.0 {
            Payload::Bytes(bytes) => Some(bytes.len() as u64),
            Payload::Stream(stream) => stream.length(),
        }
    }

    /// Whether the body is known to be empty.
    pub fn is_empty(&self) -> bool {
        self.len() == Some(0)
    }

    /// The bytes, when they are in memory (`None` for a stream).
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match &self.0 {
            Payload::Bytes(bytes) => Some(bytes),
            Payload::Stream(_) => None,
        }
    }

    /// The request body it is sent as.
    pub fn to_body(&self) -> Body {
        match &self.0 {
            Payload::Bytes(bytes) => Body::binary(bytes.clone()),
            Payload::Stream(stream) => Body::Stream(stream.clone()),
        }
    }
}

/// No bytes.
impl Default for BinaryBody {
    fn default() -> Self {
        Self(Payload::Bytes(bytes::Bytes::new()))
    }
}

impl From<bytes::Bytes> for BinaryBody {
    fn from(bytes: bytes::Bytes) -> Self {
        Self(Payload::Bytes(bytes))
    }
}

impl From<Vec<u8>> for BinaryBody {
    fn from(bytes: Vec<u8>) -> Self {
        Self(Payload::Bytes(bytes.into()))
    }
}

impl From<&'static [u8]> for BinaryBody {
    fn from(bytes: &'static [u8]) -> Self {
        Self(Payload::Bytes(bytes::Bytes::from_static(bytes)))
    }
}

impl<const N: usize> From<&'static [u8; N]> for BinaryBody {
    fn from(bytes: &'static [u8; N]) -> Self {
        Self(Payload::Bytes(bytes::Bytes::from_static(bytes)))
    }
}

impl From<String> for BinaryBody {
    fn from(text: String) -> Self {
        Self(Payload::Bytes(text.into()))
    }
}

impl From<StreamBody> for BinaryBody {
    fn from(stream: StreamBody) -> Self {
        Self(Payload::Stream(stream))
    }
}

/// The length, never the bytes (a payload may carry secrets).
impl fmt::Debug for BinaryBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Payload::Bytes(bytes) => write!(f, "BinaryBody({} bytes)", bytes.len()),
            Payload::Stream(stream) => write!(f, "BinaryBody({stream:?})"),
        }
    }
}

/// A binary response body (`responseBody: binary`): the bytes as received, readable whole or
/// as a stream of chunks.
///
/// The transport reads a response up to
/// [`MAX_RESPONSE_BYTES`](crate::transport::MAX_RESPONSE_BYTES) before the output is made; a
/// larger body fails the call rather than being cut.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ResponseStream {
    bytes: bytes::Bytes,
}

impl ResponseStream {
    /// Chunks [`into_stream`](Self::into_stream) yields at most.
    pub const CHUNK: usize = 64 * 1024;

    /// The bytes.
    pub fn bytes(&self) -> &bytes::Bytes {
        &self.bytes
    }

    /// The bytes, owned.
    pub fn into_bytes(self) -> bytes::Bytes {
        self.bytes
    }

    /// The number of bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether the body is empty.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The bytes as a stream of chunks of at most [`CHUNK`](Self::CHUNK) bytes (no copy).
    pub fn into_stream(self) -> ByteStream {
        let bytes = self.bytes;
        let chunks: Vec<bytes::Bytes> = (0..bytes.len())
            .step_by(Self::CHUNK)
            .map(|start| bytes.slice(start..bytes.len().min(start + Self::CHUNK)))
            .collect();
        futures_util::stream::iter(chunks.into_iter().map(Ok)).boxed()
    }
}

impl From<bytes::Bytes> for ResponseStream {
    fn from(bytes: bytes::Bytes) -> Self {
        Self { bytes }
    }
}

impl From<Vec<u8>> for ResponseStream {
    fn from(bytes: Vec<u8>) -> Self {
        Self {
            bytes: bytes.into(),
        }
    }
}

/// The length, never the bytes.
impl fmt::Debug for ResponseStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ResponseStream({} bytes)", self.bytes.len())
    }
}

/// What a 2xx body is (the spec's `responseBody`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyKind {
    /// A JSON object: its fields are the output's (an empty body has none).
    Json,
    /// A JSON array: the output's `items`.
    JsonArray,
    /// UTF-8 text: the output's `body`.
    Text,
    /// Bytes: the output's `body`, set by the caller from the response (not read here).
    Binary,
    /// No body.
    None,
}

/// Reads a 2xx answer into an output: the body as `kind` says, then each of `headers` (wire
/// names) that was sent, as a field of that name (numbers and booleans are read from their text
/// by the output's lenient fields). A header that is sent but not visible ASCII is an error,
/// never dropped.
pub fn read_output<T: DeserializeOwned>(
    response: &HttpResponse,
    kind: BodyKind,
    headers: &[&str],
) -> Result<T, String> {
    let body = response.body.as_slice();
    let blank = body.iter().all(u8::is_ascii_whitespace);
    let mut object = match kind {
        BodyKind::Json if blank => Map::new(),
        BodyKind::Json => match serde_json::from_slice::<Value>(body).map_err(|e| e.to_string())? {
            Value::Object(map) => map,
            other => return Err(format!("expected a JSON object, found {}", kind_of(&other))),
        },
        BodyKind::JsonArray => {
            match serde_json::from_slice::<Value>(body).map_err(|e| e.to_string())? {
                Value::Array(items) => Map::from_iter([("items".to_owned(), Value::Array(items))]),
                other => return Err(format!("expected a JSON array, found {}", kind_of(&other))),
            }
        }
        BodyKind::Text => {
            let text = std::str::from_utf8(body)
                .map_err(|e| format!("the body is not UTF-8 text: {e}"))?;
            Map::from_iter([("body".to_owned(), Value::String(text.to_owned()))])
        }
        BodyKind::Binary | BodyKind::None => Map::new(),
    };
    for name in headers {
        if let Some(value) = response.headers.get(*name) {
            let value = value
                .to_str()
                .map_err(|_| format!("response header {name} is not visible ASCII"))?;
            object.insert((*name).to_owned(), Value::String(value.to_owned()));
        }
    }
    serde_json::from_value(Value::Object(object)).map_err(|e| e.to_string())
}

/// The 2xx answer that [`read_output`] reads back as `output` (what mocks and local services
/// send): each of `headers` present in the output as a response header, the rest as the body
/// `kind` says. A [`BodyKind::Binary`] body is left empty for the caller to fill.
pub fn write_output<T: serde::Serialize>(
    output: &T,
    kind: BodyKind,
    headers: &[&str],
) -> Result<HttpResponse, String> {
    let mut object = match serde_json::to_value(output).map_err(|e| e.to_string())? {
        Value::Object(map) => map,
        other => return Err(format!("the output is {}, not an object", kind_of(&other))),
    };
    let mut response = HttpResponse {
        status: 200,
        ..HttpResponse::default()
    };
    for name in headers {
        let Some(value) = object.remove(*name) else {
            continue;
        };
        let text = match value {
            Value::String(text) => text,
            Value::Null => continue,
            other => other.to_string(),
        };
        let header_name = reqwest::header::HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| format!("{name} is not a header name"))?;
        let header_value = reqwest::header::HeaderValue::from_str(&text)
            .map_err(|_| format!("response header {name} is not visible ASCII"))?;
        response.headers.insert(header_name, header_value);
    }
    let (content_type, body) = match kind {
        BodyKind::Json => (
            "application/json;charset=utf-8",
            serde_json::to_vec(&object).map_err(|e| e.to_string())?,
        ),
        BodyKind::JsonArray => {
            let items = object
                .remove("items")
                .unwrap_or_else(|| Value::Array(Vec::new()));
            (
                "application/json;charset=utf-8",
                serde_json::to_vec(&items).map_err(|e| e.to_string())?,
            )
        }
        BodyKind::Text => match object.remove("body") {
            Some(Value::String(text)) => ("text/plain;charset=utf-8", text.into_bytes()),
            None | Some(Value::Null) => ("text/plain;charset=utf-8", Vec::new()),
            Some(other) => return Err(format!("the text body is {}", kind_of(&other))),
        },
        BodyKind::Binary => ("application/octet-stream", Vec::new()),
        BodyKind::None => return Ok(response),
    };
    response.headers.insert(
        reqwest::header::CONTENT_TYPE,
        reqwest::header::HeaderValue::from_static(content_type),
    );
    response.body = body;
    Ok(response)
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Server side: a JSON request body read back as `T` (`None` for no body); a body that is not
/// that JSON is a violation of parameter `name`.
pub fn read_json_body<T: DeserializeOwned>(
    body: &Body,
    name: &'static str,
) -> Result<Option<T>, ValidationErrors> {
    let bytes = match body {
        Body::Empty => return Ok(None),
        Body::Bytes { bytes, .. } => bytes,
        Body::Form(_) | Body::Stream(_) => {
            return Err(body_violation(
                name,
                "a JSON body",
                "a form or stream body".to_owned(),
            ))
        }
    };
    serde_json::from_slice(bytes)
        .map(Some)
        .map_err(|e| body_violation(name, "a JSON body of the declared type", e.to_string()))
}

/// Server side: a binary request body read back (`None` for no body).
pub fn read_binary_body(body: &Body) -> Option<BinaryBody> {
    match body {
        Body::Empty => None,
        Body::Bytes { bytes, .. } => Some(bytes.clone().into()),
        Body::Form(form) => Some(form.encoded_bytes().into()),
        Body::Stream(stream) => Some(stream.clone().into()),
    }
}

fn body_violation(name: &'static str, expected: &'static str, found: String) -> ValidationErrors {
    ValidationErrors::new(vec![Violation {
        parameter: Cow::Borrowed(name),
        rule: Rule::Type { expected },
        value: Some(found),
        code: crate::wire::INVALID_PARAMETER,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::TryStreamExt as _;

    fn response(body: &[u8], headers: &[(&'static str, &str)]) -> HttpResponse {
        let mut r = HttpResponse::json(200, body.to_vec());
        for (name, value) in headers {
            r.headers.insert(*name, value.parse().unwrap());
        }
        r
    }

    #[test]
    fn each_body_kind_becomes_fields_and_headers_join_them() {
        let r = response(br#"{"a":1}"#, &[("x-id", "7")]);
        let v: Value = read_output(&r, BodyKind::Json, &["x-id", "x-absent"]).unwrap();
        assert_eq!(v, serde_json::json!({"a": 1, "x-id": "7"}));
        let v: Value = read_output(&response(b" ", &[]), BodyKind::Json, &[]).unwrap();
        assert_eq!(v, serde_json::json!({}));
        let v: Value = read_output(&response(b"[1,2]", &[]), BodyKind::JsonArray, &[]).unwrap();
        assert_eq!(v, serde_json::json!({"items": [1, 2]}));
        let v: Value = read_output(&response(b"hi\n", &[]), BodyKind::Text, &[]).unwrap();
        assert_eq!(v, serde_json::json!({"body": "hi\n"}));
        let v: Value = read_output(&response(b"\xff", &[]), BodyKind::Binary, &[]).unwrap();
        assert_eq!(v, serde_json::json!({}));
    }

    #[test]
    fn a_body_of_the_wrong_kind_is_an_error() {
        let e = read_output::<Value>(&response(b"[1]", &[]), BodyKind::Json, &[]).unwrap_err();
        assert_eq!(e, "expected a JSON object, found an array");
        let e = read_output::<Value>(&response(b"{}", &[]), BodyKind::JsonArray, &[]).unwrap_err();
        assert_eq!(e, "expected a JSON array, found an object");
        let e = read_output::<Value>(&response(b"\xff", &[]), BodyKind::Text, &[]).unwrap_err();
        assert!(e.starts_with("the body is not UTF-8 text"), "{e}");
        let mut r = response(b"", &[]);
        r.headers.insert(
            "x-id",
            reqwest::header::HeaderValue::from_bytes(b"caf\xc3\xa9").unwrap(),
        );
        let e = read_output::<Value>(&r, BodyKind::None, &["x-id"]).unwrap_err();
        assert_eq!(e, "response header x-id is not visible ASCII");
    }

    #[test]
    fn what_write_output_writes_read_output_reads_back() {
        let output = serde_json::json!({"items": [1, 2], "x-id": 7, "x-none": null});
        let response = write_output(&output, BodyKind::JsonArray, &["x-id", "x-none"]).unwrap();
        assert_eq!(response.body, b"[1,2]");
        assert_eq!(response.header("x-id"), Some("7"));
        assert_eq!(response.header("x-none"), None);
        let back: Value = read_output(&response, BodyKind::JsonArray, &["x-id"]).unwrap();
        assert_eq!(back, serde_json::json!({"items": [1, 2], "x-id": "7"}));
        let text = write_output(&serde_json::json!({"body": "hi"}), BodyKind::Text, &[]).unwrap();
        assert_eq!(text.body, b"hi");
        assert_eq!(
            text.header("content-type"),
            Some("text/plain;charset=utf-8")
        );
        let none =
            write_output(&serde_json::json!({"x-id": "R"}), BodyKind::None, &["x-id"]).unwrap();
        assert!(none.body.is_empty());
        assert_eq!(none.header("x-id"), Some("R"));
    }

    #[tokio::test]
    async fn a_response_stream_yields_its_bytes_in_bounded_chunks() {
        let bytes: Vec<u8> = (0..ResponseStream::CHUNK * 2 + 5)
            .map(|i| i as u8)
            .collect();
        let chunks: Vec<bytes::Bytes> = ResponseStream::from(bytes.clone())
            .into_stream()
            .try_collect()
            .await
            .unwrap();
        let sizes: Vec<usize> = chunks.iter().map(bytes::Bytes::len).collect();
        assert_eq!(sizes, [ResponseStream::CHUNK, ResponseStream::CHUNK, 5]);
        assert_eq!(chunks.concat(), bytes);
        assert_eq!(
            format!("{:?}", ResponseStream::from(bytes)),
            "ResponseStream(131077 bytes)"
        );
    }

    #[test]
    fn bodies_read_back_on_the_server_side() {
        let body = Body::json(&serde_json::json!({"a": 1})).unwrap();
        let v: Option<Value> = read_json_body(&body, "body").unwrap();
        assert_eq!(v, Some(serde_json::json!({"a": 1})));
        assert_eq!(read_json_body::<Value>(&Body::Empty, "body").unwrap(), None);
        let e = read_json_body::<Vec<u8>>(&body, "body").unwrap_err();
        assert!(
            e.to_string()
                .contains("body must be a JSON body of the declared type"),
            "{e}"
        );
        let binary = read_binary_body(&Body::binary(&b"\x00\x01"[..])).unwrap();
        assert_eq!(binary.as_bytes(), Some(&b"\x00\x01"[..]));
        assert_eq!(binary.to_body(), Body::binary(&b"\x00\x01"[..]));
        assert_eq!(format!("{binary:?}"), "BinaryBody(2 bytes)");
        assert_eq!(read_binary_body(&Body::Empty), None);
    }
}
