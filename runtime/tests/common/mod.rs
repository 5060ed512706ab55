//! Test support: a hand-written operation and error enum (the generated ones live in another
//! crate), and a scripted HTTP/1.1 server on 127.0.0.1.
#![allow(dead_code)]

pub mod roa;

use std::collections::VecDeque;
use std::fmt;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use acs_runtime::{
    ErrorMeta, Operation, Params, PublishedError, ServiceError, ValidationErrors, Validator,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A CreateInstances-like operation.
#[derive(Clone, Debug)]
pub struct CreateThing {
    pub region_id: String,
    pub image_id: String,
    pub plan_id: String,
    pub period: i64,
    pub amount: Option<i64>,
    pub client_token: Option<String>,
    pub name: Option<String>,
}

impl Default for CreateThing {
    fn default() -> Self {
        Self {
            region_id: "cn-hangzhou".into(),
            image_id: "img-1".into(),
            plan_id: "swas.s1.c1m1s40b3t05".into(),
            period: 1,
            amount: Some(2),
            client_token: Some("123e4567-e89b-12d3-a456-426655440000".into()),
            name: Some("web server *1*/中文".into()),
        }
    }
}

#[derive(Debug, PartialEq, Eq, serde::Deserialize)]
pub struct CreateOutput {
    #[serde(rename = "RequestId")]
    pub request_id: String,
    #[serde(rename = "InstanceIds")]
    pub instance_ids: Vec<String>,
}

impl Operation for CreateThing {
    const PRODUCT: &'static str = "SWAS-OPEN";
    const VERSION: &'static str = "2020-06-01";
    const ACTION: &'static str = "CreateInstances";
    const IDEMPOTENCY_TOKEN: Option<&'static str> = Some("ClientToken");
    type Output = CreateOutput;
    type Error = CreateError;

    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut v = Validator::new();
        v.required_str("RegionId", &self.region_id, "MissingRegionId");
        v.one_of_int(
            "Period",
            self.period,
            &[1, 3, 6, 12, 24, 36],
            "InvalidPeriod.ValueNotSupported",
        );
        v.finish()
    }

    fn write_params(&self, params: &mut Params) {
        params.push("RegionId", self.region_id.clone());
        params.push("ImageId", self.image_id.clone());
        params.push("PlanId", self.plan_id.clone());
        params.push_display("Period", self.period);
        if let Some(amount) = self.amount {
            params.push_display("Amount", amount);
        }
        if let Some(token) = &self.client_token {
            params.push("ClientToken", token.clone());
        }
        if let Some(name) = &self.name {
            params.push("Name", name.clone());
        }
    }
}

/// A tiny generated-style error enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CreateError {
    InternalError(ErrorMeta),
    NotEnoughStock(ErrorMeta),
    InvalidPlanIdNotFound(ErrorMeta),
    Unknown(ErrorMeta),
}

impl fmt::Display for CreateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.meta().fmt(f)
    }
}

impl std::error::Error for CreateError {}

impl ServiceError for CreateError {
    const PUBLISHED: &'static [PublishedError] = &[
        PublishedError {
            code: "InternalError",
            http_status: 500,
            message: "An error occurred while processing your request.",
            retryable: true,
        },
        PublishedError {
            code: "NotEnoughStock",
            http_status: 400,
            message: "The stock is insufficient.",
            retryable: false,
        },
        PublishedError {
            code: "InvalidPlanId.NotFound",
            http_status: 404,
            message: "The specified PlanId does not exist.",
            retryable: false,
        },
    ];

    fn from_meta(meta: ErrorMeta) -> Self {
        match meta.code.as_str() {
            "InternalError" => Self::InternalError(meta),
            "NotEnoughStock" => Self::NotEnoughStock(meta),
            "InvalidPlanId.NotFound" => Self::InvalidPlanIdNotFound(meta),
            _ => Self::Unknown(meta),
        }
    }

    fn meta(&self) -> &ErrorMeta {
        match self {
            Self::InternalError(m)
            | Self::NotEnoughStock(m)
            | Self::InvalidPlanIdNotFound(m)
            | Self::Unknown(m) => m,
        }
    }

    fn is_retryable(&self) -> bool {
        matches!(self, Self::InternalError(_)) || self.meta().is_transient()
    }
}

pub const SUCCESS_BODY: &str =
    r#"{"RequestId":"30637AD6-D977-4833-A54C-CC89483E1FEE","InstanceIds":["i-1","i-2"]}"#;

pub fn success_output() -> CreateOutput {
    CreateOutput {
        request_id: "30637AD6-D977-4833-A54C-CC89483E1FEE".into(),
        instance_ids: vec!["i-1".into(), "i-2".into()],
    }
}

/// What the server does with the next request.
#[derive(Clone, Debug)]
pub enum Reply {
    /// Answer with this status, content type, extra headers and body.
    Respond {
        status: u16,
        content_type: &'static str,
        headers: Vec<(&'static str, String)>,
        body: String,
    },
    /// Read the request, then close the connection without answering.
    Drop,
    /// Read the request, then hold the connection open without answering.
    Hang,
    /// Send a 200's headers and the first bytes of its body, then hold the connection open.
    HangInBody,
}

impl Reply {
    pub fn json(status: u16, body: &str) -> Self {
        Reply::Respond {
            status,
            content_type: "application/json;charset=utf-8",
            headers: Vec::new(),
            body: body.into(),
        }
    }

    pub fn with_header(self, name: &'static str, value: &str) -> Self {
        match self {
            Reply::Respond {
                status,
                content_type,
                mut headers,
                body,
            } => {
                headers.push((name, value.to_owned()));
                Reply::Respond {
                    status,
                    content_type,
                    headers,
                    body,
                }
            }
            other => other,
        }
    }
}

/// One request as the server received it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    /// Query parameters, percent-decoded, in wire order.
    pub query: Vec<(String, String)>,
    /// Headers, names lower-cased, in wire order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn query_pairs(&self) -> impl Iterator<Item = (&str, &str)> + Clone {
        self.query.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn header_pairs(&self) -> impl Iterator<Item = (&str, &str)> + Clone {
        self.headers.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

pub struct TestServer {
    pub addr: SocketAddr,
    pub requests: Arc<Mutex<Vec<Recorded>>>,
}

impl TestServer {
    /// Serves `replies` in order; requests beyond them get a 599 with no error code.
    pub async fn start(replies: Vec<Reply>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let replies = Arc::new(Mutex::new(VecDeque::from(replies)));
        let recorded = Arc::clone(&requests);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let recorded = Arc::clone(&recorded);
                let replies = Arc::clone(&replies);
                tokio::spawn(async move { handle(stream, recorded, replies).await });
            }
        });
        Self { addr, requests }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().expect("lock").clone()
    }
}

async fn handle(
    mut stream: TcpStream,
    recorded: Arc<Mutex<Vec<Recorded>>>,
    replies: Arc<Mutex<VecDeque<Reply>>>,
) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = find(&buf, b"\r\n\r\n") {
            break i;
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let method = parts.next().unwrap_or_default().to_owned();
    let target = parts.next().unwrap_or_default().to_owned();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < length {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => body.extend_from_slice(&chunk[..n]),
        }
    }
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let query = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect();
    recorded.lock().expect("lock").push(Recorded {
        method,
        path: path.to_owned(),
        query,
        headers,
        body,
    });
    let reply = replies.lock().expect("lock").pop_front();
    match reply {
        Some(Reply::Drop) => drop(stream),
        Some(Reply::Hang) => {
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
        Some(Reply::HangInBody) => {
            let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"RequestId\"";
            let _ = stream.write_all(head.as_bytes()).await;
            let _ = stream.flush().await;
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
        Some(Reply::Respond {
            status,
            content_type,
            headers,
            body,
        }) => {
            write_response(&mut stream, status, content_type, &headers, &body).await;
        }
        None => write_response(&mut stream, 599, "text/plain", &[], "no reply scripted").await,
    }
}

async fn write_response(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    headers: &[(&str, String)],
    body: &str,
) {
    let mut response = format!(
        "HTTP/1.1 {status} Scripted\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        response.push_str(&format!("{name}: {value}\r\n"));
    }
    response.push_str("\r\n");
    response.push_str(body);
    let _ = stream.write_all(response.as_bytes()).await;
    let _ = stream.shutdown().await;
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// The smallest operation: no parameters, any JSON answer, errors kept as they come (for tests
/// about signing and credentials, where the operation does not matter).
#[derive(Debug)]
pub struct Probe;

/// [`Probe`]'s error: the common error fields, never retryable.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ProbeError(ErrorMeta);

impl ServiceError for ProbeError {
    const PUBLISHED: &'static [PublishedError] = &[];
    fn from_meta(meta: ErrorMeta) -> Self {
        Self(meta)
    }
    fn meta(&self) -> &ErrorMeta {
        &self.0
    }
    fn is_retryable(&self) -> bool {
        false
    }
}

impl Operation for Probe {
    const PRODUCT: &'static str = "Probe";
    const VERSION: &'static str = "2020-01-01";
    const ACTION: &'static str = "Probe";
    type Output = serde_json::Value;
    type Error = ProbeError;
    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }
    fn write_params(&self, _params: &mut Params) {}
}
