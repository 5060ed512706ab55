//! `in: formData` parameters (VPC's VPN operations): sent form-encoded in the body, the rest in
//! the query, and still covered by the signature (v1 signs every parameter; V3 the body hash).

mod common;

use std::time::{Duration, UNIX_EPOCH};

use acs_runtime::client::{Client, HttpMethod, SignatureVersion};
use acs_runtime::credentials::Credentials;
use acs_runtime::{Operation, Params, ValidationErrors};
use common::{CreateError, CreateOutput};

/// A VPN-configuration-like operation whose `Config` (and its indexed items) is form data.
struct Configure;

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
        params.push("Config", "{\"a\": 1}");
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
        .prepare_at(&Configure, time, "0123456789abcdef0123456789abcdef")
        .unwrap();
    let query = query_pairs(prepared.expose_url());
    let body = form_pairs(prepared.body());
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
    let prepared = client(SignatureVersion::V3).prepare(&Configure).unwrap();
    let body = form_pairs(prepared.body());
    assert_eq!(body.len(), 2);
    let query = query_pairs(prepared.expose_url());
    assert!(query.iter().all(|(k, _)| k != "Config"));
    use sha2::Digest as _;
    let hash: String = sha2::Sha256::digest(prepared.body())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        prepared.expose_header("x-acs-content-sha256"),
        Some(hash.as_str())
    );
    assert!(prepared
        .expose_header("authorization")
        .is_some_and(|a| a.contains("x-acs-content-sha256")));
}
