//! `in: formData` parameters (VPC's VPN operations): sent form-encoded in the body, the rest in
//! the query, and still covered by the signature (v1 signs every parameter; V3 the body hash);
//! the mock records them, so a rule on a form parameter matches.

use crate::common;

use std::time::{Duration, UNIX_EPOCH};

use acs_runtime::client::{Client, HttpMethod, SignatureVersion};
use acs_runtime::credentials::Credentials;
use acs_runtime::transport::HttpResponse;
use acs_runtime::{mock, mock_client, FromWire, Operation, Params, ValidationErrors};
use common::{CreateError, CreateOutput};

/// A VPN-configuration-like operation whose `Config` (and its indexed items) is form data.
struct Configure {
    config: String,
}

impl Default for Configure {
    fn default() -> Self {
        Self {
            config: "{\"a\": 1}".to_owned(),
        }
    }
}

impl FromWire for Configure {
    fn read_wire(params: &Params) -> Result<Self, ValidationErrors> {
        let mut v = acs_runtime::Validator::new();
        let config = params.get("Config").unwrap_or_default().to_owned();
        v.required_str("Config", &config, "MissingConfig");
        v.finish().map(|()| Self { config })
    }
}

impl Operation for Configure {
    const PRODUCT: &'static str = "Vpc";
    const VERSION: &'static str = "2016-04-28";
    const ACTION: &'static str = "ModifyVpnConnectionAttribute";
    const FORM_PARAMETERS: &'static [&'static str] = &["Config"];
    type Output = CreateOutput;
    type Error = CreateError;

    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }

    fn write_params(&self, params: &mut Params) {
        params.push("RegionId", "cn-hangzhou");
        params.push("Config", self.config.clone());
        params.push("Config.1.Key", "k v");
        params.push("ConfigName", "stays in the query");
    }
}

fn client(version: SignatureVersion) -> Client {
    Client::builder()
        .credentials(Credentials::new("testid", "testsecret"))
        .endpoint("http://127.0.0.1:8080")
        .signature_version(version)
        .http_method(HttpMethod::Post)
        .build()
        .unwrap()
}

fn query_pairs(url: &str) -> Vec<(String, String)> {
    let query = url.split_once('?').map_or("", |(_, q)| q);
    form_pairs(query.as_bytes())
}

fn form_pairs(text: &[u8]) -> Vec<(String, String)> {
    let text = std::str::from_utf8(text).unwrap();
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap();
            let decode = |s: &str| {
                percent_encoding::percent_decode_str(s)
                    .decode_utf8()
                    .unwrap()
                    .into_owned()
            };
            (decode(k), decode(v))
        })
        .collect()
}

#[test]
fn v1_sends_form_parameters_in_the_body_and_signs_them_all() {
    let time = UNIX_EPOCH + Duration::from_secs(1_795_667_672);
    let prepared = client(SignatureVersion::V1)
        .prepare_at(
            &Configure::default(),
            time,
            "0123456789abcdef0123456789abcdef",
        )
        .unwrap();
    let query = query_pairs(&prepared.expose_url());
    let body = form_pairs(prepared.body().as_bytes().unwrap());
    assert_eq!(
        body,
        [
            ("Config".to_owned(), "{\"a\": 1}".to_owned()),
            ("Config.1.Key".to_owned(), "k v".to_owned()),
        ]
    );
    assert!(query
        .iter()
        .all(|(k, _)| !k.starts_with("Config.") && k != "Config"));
    assert!(
        query.iter().any(|(k, _)| k == "ConfigName"),
        "a longer name is not form data"
    );
    assert_eq!(
        prepared.expose_header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    // The server joins query and body and checks one signature over all of them.
    let signature = query
        .iter()
        .find(|(k, _)| k == "Signature")
        .map(|(_, v)| v.clone())
        .unwrap();
    let all: Vec<(String, String)> = query
        .iter()
        .filter(|(k, _)| k != "Signature")
        .cloned()
        .chain(body)
        .collect();
    assert!(acs_runtime::sign::v1::verify(
        "POST",
        all.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        "testsecret",
        &signature
    ));
}

#[test]
fn v3_signs_the_form_body_through_its_hash() {
    let prepared = client(SignatureVersion::V3)
        .prepare(&Configure::default())
        .unwrap();
    let bytes = prepared.body().as_bytes().unwrap();
    let body = form_pairs(bytes);
    assert_eq!(body.len(), 2);
    let query = query_pairs(&prepared.expose_url());
    assert!(query.iter().all(|(k, _)| k != "Config"));
    use sha2::Digest as _;
    let hash: String = sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        prepared.expose_header("x-acs-content-sha256"),
        Some(hash.as_str())
    );
    // The content type is signed with the body it describes, as the official SDK signs it.
    assert!(prepared.expose_header("authorization").is_some_and(
        |a| a.contains("SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;")
    ));
}

fn ok_answer() -> HttpResponse {
    HttpResponse::json(200, r#"{"RequestId":"R","InstanceIds":[]}"#)
}

/// Before the request model, the mock read parameters back from the URL and never saw the form
/// body: this rule could not match and the call got `Mock.NoMatchingRule`.
#[tokio::test]
async fn a_mock_rule_matches_a_form_body_parameter() {
    let wanted = mock!(Configure)
        .match_requests(|r| r.config == "{\"a\": 1}")
        .then_http(ok_answer);
    let calls = wanted.calls();
    let (client, mock) = mock_client!([wanted]);
    let output = client.send(&Configure::default()).await;
    assert_eq!(
        output.map(|o| o.request_id).map_err(|e| e.to_string()),
        Ok("R".to_owned())
    );
    assert_eq!(calls.get(), 1);
    let recorded = mock.requests();
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].params.get("Config"), Some("{\"a\": 1}"));
    assert_eq!(recorded[0].params.get("Config.1.Key"), Some("k v"));
    assert_eq!(
        recorded[0].params.get("ConfigName"),
        Some("stays in the query")
    );
    assert_eq!(mock.requests_for::<Configure>().len(), 1);

    // Another value does not match: the rule is really reading the body.
    let other = Configure {
        config: "{\"b\": 2}".to_owned(),
    };
    let refused = client.send(&other).await.map(|_| ());
    assert!(
        refused
            .as_ref()
            .is_err_and(|e| e.to_string().contains("Mock.NoMatchingRule")),
        "{refused:?}"
    );
    assert_eq!(calls.get(), 1);
}

/// The mock keeps the whole request: the query (signature redacted) apart from the body.
#[tokio::test]
async fn the_mock_records_query_and_form_body_apart() {
    let (client, mock) = mock_client!([mock!(Configure).then_http(ok_answer)]);
    client.send(&Configure::default()).await.expect("answered");
    let recorded = &mock.requests()[0];
    assert_eq!(recorded.path, "/");
    assert_eq!(recorded.query.get("ConfigName"), Some("stays in the query"));
    assert_eq!(recorded.query.get("Config"), None);
    assert_eq!(recorded.query.get("Signature"), Some("<redacted>"));
    assert_eq!(recorded.params.get("Signature"), None);
    match &recorded.body {
        acs_runtime::Body::Form(form) => {
            let names: Vec<&str> = form.params().iter().map(|(n, _)| n).collect();
            assert_eq!(names, ["Config", "Config.1.Key"]);
        }
        other => panic!("expected a form body, got {other:?}"),
    }
}
