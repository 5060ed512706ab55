//! Helpers shared by the integration tests: in-process servers, clients, the page's example.

#![allow(dead_code)]

use std::time::Duration;

use acs_runtime::client::{Client, SignatureVersion};
use acs_runtime::{Credentials, RetryConfig};
use swas::CreateInstances;
use swas_local::{Config, RunningServer, Server};

/// The largest `PageSize` the shipped spec of `operation` allows (its `range` rule), so tests
/// list with what the API allows now rather than a number that a regenerated spec may narrow.
pub fn max_page_size(operation: &str) -> i32 {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/swas-open-2020-06-01")
        .join(format!("{operation}.json"));
    let text = std::fs::read_to_string(&path).expect("the shipped spec");
    let spec: serde_json::Value = serde_json::from_str(&text).expect("spec JSON");
    spec["operations"][0]["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == "PageSize")
        .and_then(|p| {
            p["constraints"]
                .as_array()?
                .iter()
                .find(|c| c["kind"] == "range")?["max"]
                .as_i64()
        })
        .and_then(|max| i32::try_from(max).ok())
        .unwrap_or_else(|| panic!("{operation}.PageSize has no maximum in {}", path.display()))
}

/// The page's example image and plan.
pub const PAGE_IMAGE: &str = "e2c9c365024a44369c9b955a998a****";
/// The wire-protocol document's unmasked image.
pub const IMAGE: &str = "e2c9c365024a44369c9b955a998a1234";
/// The page's example plan (1 vCPU, 1 GB, ESSD, Linux only).
pub const PLAN: &str = "swas.s1.c1m1s40b3t05";
/// SSD plan supporting Linux and Windows (2 GB).
pub const SSD_PLAN: &str = "swas.s2.c2m2s40b1t04";
/// Plan with a stock of two.
pub const SCARCE_PLAN: &str = "swas.s4.c4m8s180b8t30";
/// Plan at 1200 a month.
pub const PRICEY_PLAN: &str = "swas.s5.c8m32s640b30t40";
/// Windows image (needs 2 GB).
pub const WINDOWS_IMAGE: &str = "fe9c66133a9d4688872869726b520002";
/// Image needing a 60 GB system disk.
pub const BIG_IMAGE: &str = "a1b2c3d4e5f60718293a4b5c6d7e0003";

/// Starts an in-process server.
pub async fn start(config: Config) -> RunningServer {
    tokio::time::timeout(Duration::from_secs(10), Server::start(config))
        .await
        .expect("server start timed out")
        .expect("server starts")
}

/// A client for `url` with the default key pair, no retries.
pub fn client(url: &str) -> Client {
    client_with(url, "testid", "testsecret", SignatureVersion::V1)
}

/// A client for `url` with this key pair and signature version, no retries.
pub fn client_with(url: &str, id: &str, secret: &str, version: SignatureVersion) -> Client {
    Client::builder()
        .endpoint(url)
        .credentials(Credentials::new(id, secret))
        .signature_version(version)
        .retry(RetryConfig::disabled())
        .read_timeout(Duration::from_secs(10))
        .build()
        .expect("client builds")
}

/// The page's example request: cn-hangzhou, the page's image and plan, one month, one instance.
pub fn page_example() -> CreateInstances {
    CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id(PAGE_IMAGE)
        .plan_id(PLAN)
        .period(1)
        .amount(1)
        .build()
}

/// A request for `plan` and `image` in cn-hangzhou.
pub fn order(
    plan: &str,
    image: &str,
) -> swas::CreateInstancesBuilder<
    (),
    acs_runtime::builder::Set,
    acs_runtime::builder::Set,
    acs_runtime::builder::Set,
> {
    CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id(image)
        .plan_id(plan)
        .period(1)
}

/// The exact error body the server sends (keys in the gateway's order).
pub fn error_body(request_id: &str, host: &str, code: &str, message: &str) -> String {
    let q = |s: &str| serde_json::to_string(s).expect("a string serializes");
    let recommend = format!(
        "https://api.aliyun.com/troubleshoot?q={code}&product=SWAS-OPEN&requestId={request_id}"
    );
    format!(
        "{{\"RequestId\":{},\"HostId\":{},\"Code\":{},\"Message\":{},\"Recommend\":{}}}",
        q(request_id),
        q(host),
        q(code),
        q(message),
        q(&recommend)
    )
}

/// Status, request id header and body of a raw response.
pub async fn read(response: reqwest::Response) -> (u16, String, String) {
    let status = response.status().as_u16();
    let id = response
        .headers()
        .get("x-acs-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = response.text().await.expect("body");
    (status, id, body)
}

/// The exact parts of a prepared request, secrets included, for tests that tamper with them.
pub struct Raw {
    pub method: acs_runtime::HttpMethod,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl From<&acs_runtime::PreparedRequest> for Raw {
    fn from(prepared: &acs_runtime::PreparedRequest) -> Self {
        Raw {
            method: prepared.method(),
            url: prepared.expose_url().to_owned(),
            headers: prepared
                .expose_headers()
                .map(|(n, v)| (n.to_owned(), v.to_owned()))
                .collect(),
            body: prepared
                .body()
                .as_bytes()
                .expect("RPC bodies are in memory")
                .to_vec(),
        }
    }
}

impl From<&mut Raw> for Raw {
    fn from(raw: &mut Raw) -> Self {
        Raw {
            method: raw.method,
            url: raw.url.clone(),
            headers: raw.headers.clone(),
            body: raw.body.clone(),
        }
    }
}

/// Sends a prepared request (or its tampered parts) as is, with a plain reqwest client.
pub async fn send_raw(http: &reqwest::Client, request: impl Into<Raw>) -> reqwest::Response {
    let raw: Raw = request.into();
    let method = reqwest::Method::from_bytes(raw.method.as_str().as_bytes()).expect("a method");
    let mut request = http.request(method, &raw.url);
    for (name, value) in &raw.headers {
        if name != "host" {
            request = request.header(name, value);
        }
    }
    request
        .body(raw.body)
        .send()
        .await
        .expect("raw request gets an answer")
}
