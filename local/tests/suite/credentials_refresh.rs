//! Temporary credentials are cached, refreshed once for all concurrent callers, kept while valid
//! when a refresh fails, and a long-lived client keeps working across expiries — against the
//! local fake STS, which counts the role assumptions and refuses expired credentials.

use crate::creds_common;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use acs_runtime::credentials::{CredentialsError, ProvideCredentials, RamRoleArn};
use acs_runtime::{Credentials, Error};
use creds_common::*;

fn role(sts: &swas_local::fakes::FakeSts, margin: Duration) -> RamRoleArn {
    Credentials::ram_role_arn(long_term(), ROLE)
        .endpoint(endpoint(sts))
        .refresh_margin(margin)
}

async fn sleep_until(at: SystemTime) {
    if let Ok(wait) = at.duration_since(SystemTime::now()) {
        tokio::time::sleep(wait).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hundred_concurrent_calls_across_an_expiry_refresh_exactly_once() {
    let (_issuer, sts) = sts().await;
    sts.set_lifetime(Duration::from_secs(2));
    sts.set_latency(Duration::from_millis(200));
    let provider = Arc::new(role(&sts, Duration::ZERO));
    let first = provider.provide_credentials().await.expect("first fetch");
    assert_eq!(sts.assume_role_count(), 1);
    let expiration = first.expiration().expect("temporary");
    sleep_until(expiration + Duration::from_millis(50)).await;

    let barrier = Arc::new(tokio::sync::Barrier::new(100));
    let calls: Vec<_> = (0..100)
        .map(|_| {
            let provider = Arc::clone(&provider);
            let barrier = Arc::clone(&barrier);
            tokio::spawn(async move {
                barrier.wait().await;
                provider.provide_credentials().await
            })
        })
        .collect();
    let mut ids = BTreeSet::new();
    for call in calls {
        let credentials = call.await.expect("joins").expect("refreshed");
        ids.insert(credentials.access_key_id().to_owned());
    }
    assert_eq!(
        sts.assume_role_count(),
        2,
        "exactly one refresh for 100 callers"
    );
    assert_eq!(ids.len(), 1, "every caller got the refreshed set: {ids:?}");
    assert!(!ids.contains(first.access_key_id()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn inside_the_margin_one_caller_refreshes_while_the_others_use_the_valid_set() {
    let (_issuer, sts) = sts().await;
    sts.set_latency(Duration::from_millis(300));
    // 4 s credentials (3–4 s on the wire), shorter than the margin: due once three quarters
    // of their lifetime have passed (0.75–1 s before they expire). The callers come 0.6 s
    // before expiry: due, still valid for longer than the refresh takes.
    sts.set_lifetime(Duration::from_secs(4));
    let provider = Arc::new(role(&sts, acs_runtime::credentials::DEFAULT_REFRESH_MARGIN));
    let first = provider.provide_credentials().await.expect("first fetch");
    sleep_until(first.expiration().expect("temporary") - Duration::from_millis(600)).await;
    assert_eq!(sts.assume_role_count(), 1, "not due before");
    let barrier = Arc::new(tokio::sync::Barrier::new(100));
    let started = Instant::now();
    let calls: Vec<_> = (0..100)
        .map(|_| {
            let provider = Arc::clone(&provider);
            let barrier = Arc::clone(&barrier);
            tokio::spawn(async move {
                barrier.wait().await;
                let at = Instant::now();
                let credentials = provider.provide_credentials().await;
                (credentials, at.elapsed())
            })
        })
        .collect();
    let mut kept = 0;
    for call in calls {
        let (credentials, waited) = call.await.expect("joins");
        let credentials = credentials.expect("credentials");
        if credentials == first {
            kept += 1;
            assert!(
                waited < Duration::from_millis(250),
                "a caller waited {waited:?}"
            );
        }
    }
    assert_eq!(sts.assume_role_count(), 2, "one refresh");
    assert_eq!(kept, 99, "all but the refreshing caller used the valid set");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn a_failed_refresh_keeps_the_valid_set_then_says_expired() {
    let (_issuer, sts) = sts().await;
    sts.set_lifetime(Duration::from_secs(2));
    // 1–2 s on the wire, margin 10 s: due after three quarters of the lifetime (0.25–0.5 s
    // before expiry), valid until it expires.
    let provider = role(&sts, Duration::from_secs(10));
    let first = provider.provide_credentials().await.expect("first fetch");
    sleep_until(first.expiration().expect("temporary") - Duration::from_millis(200)).await;
    sts.set_failing(true);
    let kept = provider
        .provide_credentials()
        .await
        .expect("kept while valid");
    assert_eq!(kept, first);
    assert_eq!(sts.assume_role_count(), 2, "the refresh was tried");
    // Failing again right away is not retried on every call (5 s pause while valid).
    let again = provider.provide_credentials().await.expect("kept");
    assert_eq!(again, first);
    assert_eq!(sts.assume_role_count(), 2);

    sleep_until(first.expiration().expect("temporary") + Duration::from_millis(50)).await;
    let err = provider.provide_credentials().await.expect_err("expired");
    let CredentialsError::Expired {
        source_name,
        expired_at,
        reason,
    } = &err
    else {
        panic!("not Expired: {err:?}")
    };
    assert_eq!(source_name, &format!("STS AssumeRole {ROLE}"));
    assert_eq!(
        expired_at,
        &acs_runtime::sign::format_timestamp(first.expiration().expect("temporary"))
    );
    assert!(
        reason.starts_with(&format!(
            "cannot fetch credentials from STS AssumeRole at {}: service error after 1 attempt(s): NoPermission (HTTP 403)",
            sts.url()
        )),
        "{reason}"
    );
    let message = err.to_string();
    assert!(!message.contains(SECRET) && !message.contains(first.access_key_secret()));
    assert!(!message.contains(first.security_token().expect("token")));

    // The source recovers: within FAILURE_BACKOFF the failure is still the answer (a failing
    // source is not asked on every call once expired); then the next call fetches.
    sts.set_failing(false);
    let asked = sts.assume_role_count();
    let remembered = provider
        .provide_credentials()
        .await
        .expect_err("remembered");
    assert_eq!(remembered, err);
    assert_eq!(sts.assume_role_count(), asked);
    tokio::time::sleep(acs_runtime::credentials::FAILURE_BACKOFF).await;
    let fresh = provider.provide_credentials().await.expect("refreshed");
    assert_ne!(fresh.access_key_id(), first.access_key_id());
}

#[tokio::test]
async fn a_client_over_expired_credentials_fails_with_the_credentials_error() {
    let (_issuer, sts) = sts().await;
    sts.set_lifetime(Duration::from_secs(2));
    let provider = role(&sts, Duration::ZERO);
    let client = identity_client(&sts, provider);
    whoami(&client).await.expect("first call");
    sts.set_failing(true);
    tokio::time::sleep(Duration::from_millis(2100)).await;
    match whoami(&client).await {
        Err(Error::Credentials(CredentialsError::Expired { .. })) => {}
        other => panic!("expected the Expired credentials error, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_lived_client_crosses_three_expiries_without_a_failed_call() {
    let (issuer, sts) = sts().await;
    // Issued sets live 1–2 s on the wire (whole seconds); refreshed 0.5 s before expiry.
    sts.set_lifetime(Duration::from_secs(2));
    let client = identity_client(&sts, role(&sts, Duration::from_millis(500)));
    let started = Instant::now();
    let mut principals = BTreeSet::new();
    let mut calls = 0;
    loop {
        let identity = whoami(&client).await.expect("every call succeeds");
        principals.insert(identity.principal_id.expect("principal"));
        calls += 1;
        // Done once the third issued set has expired while the client kept calling.
        if let Some(third) = issuer.get("STS.0003") {
            if SystemTime::now() > third.expiration + Duration::from_millis(200) {
                break;
            }
        }
        assert!(started.elapsed() < Duration::from_secs(20), "took too long");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(principals.len() >= 4, "used {principals:?}");
    assert_eq!(sts.refused_count(), 0, "no call was refused");
    assert_eq!(sts.caller_identity_count(), calls);
    assert_eq!(sts.assume_role_count(), issuer.count());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hundred_concurrent_client_calls_across_an_expiry_cause_one_assume_role() {
    let (issuer, sts) = sts().await;
    sts.set_lifetime(Duration::from_secs(2));
    sts.set_latency(Duration::from_millis(100));
    let client = identity_client(&sts, role(&sts, Duration::ZERO));
    let first = whoami(&client).await.expect("first call");
    assert_eq!(sts.assume_role_count(), 1);
    let first_principal = first.principal_id.expect("principal");
    let expiration = issuer.get(&first_principal).expect("issued").expiration;
    sleep_until(expiration + Duration::from_millis(50)).await;

    let barrier = Arc::new(tokio::sync::Barrier::new(100));
    let calls: Vec<_> = (0..100)
        .map(|_| {
            let client = client.clone();
            let barrier = Arc::clone(&barrier);
            tokio::spawn(async move {
                barrier.wait().await;
                whoami(&client).await
            })
        })
        .collect();
    let mut principals = BTreeSet::new();
    for call in calls {
        let identity = call.await.expect("joins").expect("every call succeeds");
        principals.insert(identity.principal_id.expect("principal"));
    }
    assert_eq!(sts.assume_role_count(), 2, "one refresh for 100 calls");
    assert_eq!(principals.len(), 1);
    assert!(!principals.contains(&first_principal));
    assert_eq!(sts.refused_count(), 0);
}
