//! The idempotency token belongs to the request value: with 30 % internal errors and 10 %
//! dropped connections, default client settings, and a caller that re-sends the same request
//! value after each failure, every instance created is one the caller was told about, and none
//! is created twice. Also: `prepare` and `send` agree, and a prepared request can be sent as is.

use crate::common;

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use acs_runtime::client::Client;
use acs_runtime::{Credentials, Error};
use common::*;
use swas::{CreateInstances, ListInstances};
use swas_local::{Catalog, Config, Faults};

fn roomy_catalog() -> Catalog {
    let mut catalog = Catalog::builtin().with_stock(100_000);
    catalog.quota = 100_000;
    catalog.balance = 1.0e9;
    catalog
}

/// A client with every default (3 attempts, 200 ms backoff, 60 s deadline) except the endpoint
/// and the key pair.
fn default_client(url: &str) -> Client {
    Client::builder()
        .endpoint(url)
        .credentials(Credentials::new("testid", "testsecret"))
        .build()
        .expect("client")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resending_the_same_request_value_never_buys_twice_nor_loses_one() {
    const CALLS: usize = 300;
    const WORKERS: usize = 12;
    let server = start(Config {
        catalog: roomy_catalog(),
        faults: Faults {
            fail_rate: 0.3,
            drop_rate: 0.1,
            seed: Some(300),
            ..Faults::default()
        },
        ..Config::default()
    })
    .await;
    let client = default_client(&server.url());
    let started = Instant::now();
    let next = Arc::new(AtomicUsize::new(0));
    let failed_calls = Arc::new(AtomicUsize::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..WORKERS {
        let client = client.clone();
        let next = Arc::clone(&next);
        let failed_calls = Arc::clone(&failed_calls);
        tasks.spawn(async move {
            let mut told = Vec::new();
            while next.fetch_add(1, Ordering::SeqCst) < CALLS {
                // The token is fixed here, in the request value.
                let request = order(PLAN, IMAGE).amount(1).build();
                let token = request
                    .client_token
                    .clone()
                    .expect("build() fills ClientToken");
                let mut failures = 0;
                let output = loop {
                    match client.send(&request).await {
                        Ok(output) => break output,
                        Err(error) => {
                            // Every error after validation names the token it sent.
                            assert_eq!(error.client_token(), Some(token.as_str()), "{error}");
                            assert!(error.is_retryable(), "{error}");
                            failures += 1;
                            assert!(failures < 20, "20 failed sends in a row: {error}");
                        }
                    }
                };
                if failures > 0 {
                    failed_calls.fetch_add(1, Ordering::SeqCst);
                }
                told.extend(output.instance_ids);
            }
            told
        });
    }
    let mut told = Vec::new();
    while let Some(result) = tasks.join_next().await {
        told.extend(result.expect("worker"));
    }
    let told_set: HashSet<String> = told.iter().cloned().collect();
    assert_eq!(told.len(), CALLS, "one instance per call");
    assert_eq!(told_set.len(), CALLS, "no id reported twice");

    // The listing itself may meet the faults: re-send while the error is retryable, a bounded
    // number of times; a permanent error (e.g. local validation) ends the test with its message.
    let listing = ListInstances::builder()
        .region_id("cn-hangzhou")
        .page_size(max_page_size("ListInstances"))
        .build();
    let mut listed = None;
    for attempt in 1..=20 {
        match client.send_all_items(&listing).await {
            Ok(items) => {
                listed = Some(items);
                break;
            }
            Err(error) if error.is_retryable() => {
                eprintln!("listing attempt {attempt} failed: {error}");
            }
            Err(error) => panic!("the listing failed for good: {error}"),
        }
    }
    let listed = listed.expect("20 listing attempts in a row failed");
    let listed_set: HashSet<String> = listed
        .iter()
        .filter_map(|i| i.instance_id.clone())
        .collect();
    let untold: Vec<&String> = listed_set.difference(&told_set).collect();
    assert_eq!(untold.len(), 0, "instances the caller was never told about");
    assert_eq!(listed.len(), CALLS, "no duplicates");
    assert_eq!(server.instance_count().await, CALLS);
    let failed = failed_calls.load(Ordering::SeqCst);
    // The faults did bite: some calls ran out of their 3 attempts and were re-sent.
    assert!(failed > 0, "no call exhausted its retries");
    eprintln!(
        "{CALLS} calls, {failed} failed after their retries and were re-sent; {} requests; 0 untold, 0 duplicates; {:?}",
        server.request_count(),
        started.elapsed()
    );
    server.shutdown().await;
}

#[tokio::test]
async fn prepare_and_send_agree_and_a_prepared_request_is_sent_as_is() {
    let server = start(Config::default()).await;
    let client = client(&server.url());
    let request = page_example();
    let token = request.client_token.clone().expect("a token from build()");
    let prepared = client.prepare(&request).expect("prepares");
    assert_eq!(prepared.client_token(), Some(token.as_str()));
    assert_eq!(
        prepared.query_param("ClientToken").as_deref(),
        Some(token.as_str())
    );
    let again = client.prepare(&request).expect("prepares");
    assert_eq!(again.client_token(), Some(token.as_str()));

    let created = client
        .send_prepared::<CreateInstances>(prepared)
        .await
        .expect("the prepared request is accepted");
    assert_eq!(created.instance_ids.len(), 1);
    // `send` with the same value uses the same token: the same instance, not a second one.
    let resent = client.send(&request).await.expect("sent");
    assert_eq!(resent.instance_ids, created.instance_ids);
    assert_eq!(server.instance_count().await, 1);

    // A request prepared for another operation is refused before anything is sent.
    let wrong = client.prepare(&page_example()).expect("prepares");
    let before = server.request_count();
    match client.send_prepared::<ListInstances>(wrong).await {
        Err(Error::InvalidRequest(errors)) => assert_eq!(
            errors.to_string(),
            "1 rule(s) broken: Action must be ListInstances (got \"CreateInstances\") [InvalidParameter]"
        ),
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
    assert_eq!(server.request_count(), before);
    server.shutdown().await;
}

#[tokio::test]
async fn prepared_requests_print_no_secrets() {
    let server = start(Config::default()).await;
    let v1 = client(&server.url());
    let prepared = v1.prepare(&page_example()).expect("prepares");
    let signature = prepared
        .expose_url()
        .split('&')
        .find_map(|p| p.strip_prefix("Signature="))
        .expect("a V1 signature")
        .to_owned();
    for shown in [
        format!("{prepared:?}"),
        format!("{prepared:#?}"),
        prepared.to_string(),
        prepared.url(),
        format!("{:?}", prepared.headers().collect::<Vec<_>>()),
    ] {
        assert!(!shown.contains(&signature), "{shown}");
        assert!(!shown.contains("testsecret"), "{shown}");
    }
    assert!(prepared.url().contains("Signature=<redacted>"));
    assert_eq!(prepared.query_param("Signature"), None);

    let v3 = client_with(
        &server.url(),
        "testid",
        "testsecret",
        acs_runtime::SignatureVersion::V3,
    );
    let prepared = v3.prepare(&page_example()).expect("prepares");
    let authorization = prepared
        .expose_header("authorization")
        .expect("a V3 Authorization header")
        .to_owned();
    for shown in [
        format!("{prepared:?}"),
        prepared.to_string(),
        format!("{:?}", prepared.headers().collect::<Vec<_>>()),
    ] {
        assert!(!shown.contains(&authorization), "{shown}");
    }
    assert_eq!(prepared.header("Authorization"), Some("<redacted>"));
    server.shutdown().await;
}

#[test]
fn endpoint_passwords_are_never_echoed() {
    let error = Client::builder()
        .endpoint("http://admin:hunter2@127.0.0.1:8080/")
        .credentials(Credentials::new("testid", "testsecret"))
        .build()
        .expect_err("user info is refused");
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(!shown.contains("admin"), "{shown}");
    assert_eq!(
        error.to_string(),
        "endpoint \"http://<redacted>@127.0.0.1:8080/\" has user info; give only scheme, host and optional port"
    );
    let builder = Client::builder().endpoint("https://u:s3cret@example.com");
    assert!(!format!("{builder:?}").contains("s3cret"));
}

#[tokio::test]
async fn the_default_deadline_is_sixty_seconds() {
    let client = default_client("http://127.0.0.1:9");
    assert_eq!(client.operation_deadline(), Some(Duration::from_secs(60)));
    let off = Client::builder()
        .endpoint("http://127.0.0.1:9")
        .credentials(Credentials::new("testid", "testsecret"))
        .operation_deadline(None)
        .build()
        .expect("client");
    assert_eq!(off.operation_deadline(), None);
}
