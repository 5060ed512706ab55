//! Fault injection: idempotency under internal errors and dropped connections, throttling,
//! latency, and reproducibility with a seed.

use crate::common;

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use acs_runtime::client::Client;
use acs_runtime::error::Error;
use acs_runtime::{Credentials, RetryConfig};
use common::*;
use swas::{CreateInstancesError, ListInstances};
use swas_local::{Catalog, Config, Faults};

fn retrying_client(url: &str, attempts: u32) -> Client {
    Client::builder()
        .endpoint(url)
        .credentials(Credentials::new("testid", "testsecret"))
        .retry(
            RetryConfig::new()
                .with_max_attempts(attempts)
                .with_initial_backoff(Duration::from_millis(1))
                .with_max_backoff(Duration::from_millis(5)),
        )
        .read_timeout(Duration::from_secs(5))
        .build()
        .expect("client")
}

fn roomy_catalog() -> Catalog {
    let mut catalog = Catalog::builtin().with_stock(100_000);
    catalog.quota = 100_000;
    catalog.balance = 1.0e9;
    catalog
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idempotency_under_internal_errors_and_drops() {
    let server = start(Config {
        catalog: roomy_catalog(),
        faults: Faults {
            fail_rate: 0.3,
            drop_rate: 0.1,
            seed: Some(20_201_106),
            ..Faults::default()
        },
        ..Config::default()
    })
    .await;
    let client = retrying_client(&server.url(), 40);
    const CALLS: usize = 200;
    const WORKERS: usize = 8;

    let started = Instant::now();
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..WORKERS {
        let client = client.clone();
        let next = Arc::clone(&next);
        tasks.spawn(async move {
            let mut told = Vec::new();
            while next.fetch_add(1, std::sync::atomic::Ordering::SeqCst) < CALLS {
                // No ClientToken: the runtime fills one per call and keeps it across retries.
                let output = client
                    .send(&order(PLAN, IMAGE).amount(1).build())
                    .await
                    .expect("every call succeeds in the end");
                told.extend(output.instance_ids);
            }
            told
        });
    }
    let mut told = Vec::new();
    while let Some(result) = tasks.join_next().await {
        told.extend(result.expect("worker"));
    }
    assert_eq!(told.len(), CALLS, "one instance per call");
    let told_set: HashSet<String> = told.iter().cloned().collect();
    assert_eq!(told_set.len(), CALLS, "no id reported twice");

    let listed = acs_runtime::paginate::fetch_all_items(
        &ListInstances::builder()
            .region_id("cn-hangzhou")
            .page_size(max_page_size("ListInstances"))
            .build(),
        |page| {
            let client = client.clone();
            async move { client.send(&page).await }
        },
    )
    .await
    .expect("ListInstances, all pages");
    let listed_set: HashSet<String> = listed
        .iter()
        .filter_map(|i| i.instance_id.clone())
        .collect();
    assert_eq!(listed.len(), CALLS, "no duplicates were created, none lost");
    assert_eq!(
        listed_set, told_set,
        "exactly the instances the client was told about"
    );
    assert_eq!(server.instance_count().await, CALLS);
    // The faults did happen: many more requests than calls.
    assert!(
        server.request_count() > (CALLS as u64) * 13 / 10,
        "only {} requests",
        server.request_count()
    );
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
    server.shutdown().await;
}

#[tokio::test]
async fn throttling_answers_before_anything_and_is_retried() {
    let server = start(Config {
        faults: Faults {
            throttle_rate: 1.0,
            throttle_retry_after: Some(Duration::from_millis(7)),
            seed: Some(1),
            ..Faults::default()
        },
        ..Config::default()
    })
    .await;
    let host = server.addr().to_string();
    let http = reqwest::Client::new();
    let prepared = client(&server.url())
        .prepare(&page_example())
        .expect("prepares");
    let response = send_raw(&http, &prepared).await;
    assert_eq!(
        response
            .headers()
            .get("x-acs-retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("7")
    );
    let (status, id, body) = read(response).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        error_body(
            &id,
            &host,
            "Throttling.User",
            "Request was denied due to user flow control."
        )
    );
    let error = client(&server.url())
        .send(&page_example())
        .await
        .expect_err("throttled");
    match error {
        Error::Service {
            error: CreateInstancesError::Common(acs_runtime::CommonError::ThrottlingUser, meta),
            ..
        } => assert_eq!(
            (meta.code.as_str(), meta.http_status),
            ("Throttling.User", 400)
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(server.instance_count().await, 0);
    server.shutdown().await;

    // Half throttled: retries (honouring x-acs-retry-after) get every call through once.
    let server = start(Config {
        faults: Faults {
            throttle_rate: 0.5,
            throttle_retry_after: Some(Duration::from_millis(2)),
            seed: Some(2),
            ..Faults::default()
        },
        ..Config::default()
    })
    .await;
    let client = retrying_client(&server.url(), 30);
    for _ in 0..20 {
        client.send(&page_example()).await.expect("gets through");
    }
    assert_eq!(server.instance_count().await, 20);
    assert!(server.request_count() > 20);
    server.shutdown().await;
}

/// What one call ended with, for comparing runs.
async fn outcomes(seed: u64) -> Vec<String> {
    let server = start(Config {
        catalog: roomy_catalog(),
        faults: Faults {
            fail_rate: 0.3,
            throttle_rate: 0.1,
            drop_rate: 0.2,
            seed: Some(seed),
            ..Faults::default()
        },
        ..Config::default()
    })
    .await;
    let client = client(&server.url());
    let mut seen = Vec::new();
    for _ in 0..40 {
        let outcome = match client.send(&page_example()).await {
            Ok(_) => "ok".to_owned(),
            Err(Error::Service { error, .. }) => error.code().to_owned(),
            Err(Error::Transport { .. }) => "dropped".to_owned(),
            Err(other) => format!("other: {other}"),
        };
        seen.push(outcome);
    }
    seen.push(format!("instances={}", server.instance_count().await));
    server.shutdown().await;
    seen
}

#[tokio::test]
async fn faults_are_reproducible_with_a_seed() {
    let a = outcomes(7).await;
    let b = outcomes(7).await;
    assert_eq!(a, b);
    for kind in ["ok", "InternalError", "Throttling.User", "dropped"] {
        assert!(a.iter().any(|o| o == kind), "{kind} never happened: {a:?}");
    }
    assert_ne!(a, outcomes(8).await, "another seed, other faults");
}

#[tokio::test]
async fn latency_is_added() {
    let server = start(Config {
        faults: Faults {
            latency: Duration::from_millis(150),
            ..Faults::default()
        },
        ..Config::default()
    })
    .await;
    let started = Instant::now();
    client(&server.url())
        .send(&page_example())
        .await
        .expect("succeeds");
    assert!(started.elapsed() >= Duration::from_millis(150));
    server.shutdown().await;
}
