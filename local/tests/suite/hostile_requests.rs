//! Hostile requests (issue 12, failures 4, 6 and 8): quadratic list reading, unbounded and
//! replayable nonces, and limits Alibaba documents that were not enforced. Each test reproduces
//! the failure and asserts the fixed answer, its code and, where time was the problem, a bound.

use crate::common;
use crate::hostile_support;

use std::time::{Duration, Instant};

use common::*;
use hostile_support::*;
use swas_local::auth::{NonceCache, NonceCheck, MAX_NONCE_LEN};
use swas_local::Config;

/// Failure 8: `InstanceIds` with 50,000 entries was accepted (the API documents at most 100).
#[tokio::test]
async fn instance_ids_beyond_one_hundred_are_refused() {
    // 50,000 ids do not fit in the default 1 MiB body.
    let server = start(Config {
        max_body_bytes: 8 * 1024 * 1024,
        ..Config::default()
    })
    .await;
    let ids = |n: usize| {
        serde_json::to_string(&(0..n).map(|i| format!("{i:032x}")).collect::<Vec<_>>())
            .expect("json")
    };
    for (count, expected) in [
        (100, (200, "")),
        (101, (400, "InvalidParameter")),
        (50_000, (400, "InvalidParameter")),
    ] {
        let extra = pairs(&[("RegionId", "cn-hangzhou"), ("InstanceIds", &ids(count))]);
        let answer = post(
            &server.url(),
            signed_body("ListInstances", &extra, &fresh_nonce(), &now_stamp()),
        )
        .await;
        assert_eq!(
            (answer.0, answer.1.as_str()),
            expected,
            "{count} InstanceIds"
        );
    }
    server.shutdown().await;
}

/// Failure 8: `Tag.0.Key` was accepted (N runs from 1), and a timestamp with a space instead of
/// `T` was accepted.
#[tokio::test]
async fn index_zero_and_a_space_in_the_timestamp_are_refused() {
    let server = start(Config::default()).await;
    for (tag, expected) in [
        ("Tag.1.Key", (200, "")),
        ("Tag.0.Key", (400, "InvalidParameter")),
        ("Tag.01.Key", (400, "InvalidParameter")),
    ] {
        let extra = pairs(&[("RegionId", "cn-hangzhou"), (tag, "k")]);
        let answer = post(
            &server.url(),
            signed_body("ListInstances", &extra, &fresh_nonce(), &now_stamp()),
        )
        .await;
        assert_eq!((answer.0, answer.1.as_str()), expected, "{tag}");
    }
    let spaced = now_stamp().replace('T', " ");
    let answer = post(
        &server.url(),
        signed_body("ListRegions", &[], &fresh_nonce(), &spaced),
    )
    .await;
    assert_eq!(
        (answer.0, answer.1.as_str()),
        (400, "InvalidTimeStamp.Format"),
        "{spaced}"
    );
    server.shutdown().await;
}

/// Failure 4: ListInstances with 55,000 `Tag.N.Key` took 6.5 s of CPU (quadratic reading) and
/// delayed an unrelated ListRegions by 3.4 s. Now it is refused (more than 100 tags) quickly,
/// and a ListRegions sent alongside two of them is answered quickly too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_tags_are_refused_quickly_and_delay_nobody() {
    let config = Config {
        max_body_bytes: 8 * 1024 * 1024,
        ..Config::default()
    };
    let server = start(config).await;
    let mut extra = pairs(&[("RegionId", "cn-hangzhou")]);
    for i in 1..=55_000 {
        extra.push((format!("Tag.{i}.Key"), "k".to_owned()));
    }
    let bodies: Vec<String> = (0..2)
        .map(|_| signed_body("ListInstances", &extra, &fresh_nonce(), &now_stamp()))
        .collect();
    let url = server.url();
    let started = Instant::now();
    let hostile: Vec<_> = bodies
        .into_iter()
        .map(|body| {
            let url = url.clone();
            tokio::spawn(async move { post(&url, body).await })
        })
        .collect();
    let regions = post(
        &url,
        signed_body("ListRegions", &[], &fresh_nonce(), &now_stamp()),
    )
    .await;
    let regions_took = started.elapsed();
    assert_eq!(regions, (200, String::new()));
    for h in hostile {
        assert_eq!(h.await.expect("task"), (400, "InvalidParameter".to_owned()));
    }
    let all_took = started.elapsed();
    // Debug build, shared CPU: the bounds are generous; the quadratic reader took 6.5 s per
    // request in a release build.
    assert!(
        regions_took < Duration::from_secs(2),
        "ListRegions took {regions_took:?}"
    );
    assert!(
        all_took < Duration::from_secs(4),
        "two 55,000-tag requests took {all_took:?}"
    );
    server.shutdown().await;
}

/// Failure 6: a 500 KB `SignatureNonce` was kept for 15 minutes (200 of them: +102 MB). Now a
/// nonce longer than 64 characters is refused before anything is recorded.
#[tokio::test]
async fn long_nonces_are_refused() {
    let server = start(Config::default()).await;
    let ok = "n".repeat(MAX_NONCE_LEN);
    let answer = post(
        &server.url(),
        signed_body("ListRegions", &[], &ok, &now_stamp()),
    )
    .await;
    assert_eq!(answer, (200, String::new()));
    for len in [MAX_NONCE_LEN + 1, 500_000] {
        let nonce = "n".repeat(len);
        let answer = post(
            &server.url(),
            signed_body("ListRegions", &[], &nonce, &now_stamp()),
        )
        .await;
        assert_eq!(
            answer,
            (400, "InvalidParameter".to_owned()),
            "nonce of {len}"
        );
    }
    server.shutdown().await;
}

/// Failure 6: the nonce cache is bounded in count per AccessKey ID; when a key's nonces are all
/// unexpired it refuses (retryable, after the earliest expires) instead of growing, another key
/// is not affected (issue 20, failure 9), and expired nonces make room again.
#[test]
fn the_nonce_cache_is_bounded_per_key() {
    let cache = NonceCache::new(3, i64::MIN);
    let now = 1_000;
    for (n, expires) in [("a", now + 300), ("b", now + 900), ("c", now + 900)] {
        assert_eq!(cache.insert("k", n, expires, now), NonceCheck::Fresh);
    }
    assert_eq!(cache.insert("k", "a", now + 900, now), NonceCheck::Used);
    assert_eq!(cache.insert("k", "d", now + 900, now), NonceCheck::Full);
    assert_eq!(cache.retry_after_secs("k", now), 301, "until `a` expires");
    assert_eq!(
        cache.insert("other", "d", now + 900, now),
        NonceCheck::Fresh
    );
    assert_eq!(cache.len(), 4);
    // Once they expire, a purge (at most once a second) makes room.
    let later = now + 901;
    assert_eq!(
        cache.insert("k", "d", later + 900, later),
        NonceCheck::Fresh
    );
    assert_eq!(cache.len(), 2);
}

/// The bound as a server applies it (`Config::max_nonces`, `--max-nonces`): with room for 3
/// nonces the fourth signed request is throttled, retryably, and a replay is still a replay.
#[tokio::test]
async fn a_server_whose_nonce_cache_is_full_throttles() {
    let server = start(Config {
        max_nonces: 3,
        ..Config::default()
    })
    .await;
    let first = signed_body("ListRegions", &[], &fresh_nonce(), &now_stamp());
    assert_eq!(
        post(&server.url(), first.clone()).await,
        (200, String::new())
    );
    for _ in 0..2 {
        let body = signed_body("ListRegions", &[], &fresh_nonce(), &now_stamp());
        assert_eq!(post(&server.url(), body).await, (200, String::new()));
    }
    let fourth = signed_body("ListRegions", &[], &fresh_nonce(), &now_stamp());
    assert_eq!(
        post(&server.url(), fourth.clone()).await,
        (400, "Throttling.User".to_owned())
    );
    // The retry-after says when room is made: when the first nonce expires, 15 minutes on.
    let throttled = reqwest::Client::new()
        .post(server.url())
        .header("content-type", "application/x-www-form-urlencoded")
        .body(fourth)
        .send()
        .await
        .expect("answer");
    let retry_after_ms: u64 = throttled.headers()["x-acs-retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("milliseconds");
    let window_ms = u64::try_from(swas_local::auth::WINDOW_SECS).expect("positive") * 1000;
    assert!(
        (window_ms - 5_000..=window_ms + 1_000).contains(&retry_after_ms),
        "x-acs-retry-after: {retry_after_ms}"
    );
    assert_eq!(
        post(&server.url(), first).await,
        (400, "SignatureNonceUsed".to_owned())
    );
    server.shutdown().await;
}

/// Failure 6: nonces were not persisted, so a captured signed request replayed after a restart.
/// A server with a state file now refuses timestamps from before it started.
#[tokio::test]
async fn a_request_captured_before_a_restart_does_not_replay_after_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let config = || Config {
        state_file: Some(state.clone()),
        ..Config::default()
    };
    let server = start(config()).await;
    let captured = signed_body("ListRegions", &[], &fresh_nonce(), &now_stamp());
    assert_eq!(
        post(&server.url(), captured.clone()).await,
        (200, String::new())
    );
    assert_eq!(
        post(&server.url(), captured.clone()).await,
        (400, "SignatureNonceUsed".to_owned())
    );
    server.shutdown().await;

    let restarted = start(config()).await;
    assert_eq!(
        post(&restarted.url(), captured).await,
        (400, "InvalidTimeStamp.Expired".to_owned())
    );
    // A request signed now is served at once.
    let fresh = signed_body("ListRegions", &[], &fresh_nonce(), &now_stamp());
    assert_eq!(post(&restarted.url(), fresh).await, (200, String::new()));
    restarted.shutdown().await;
}

/// Issue 20, failure 9: the nonce cache was shared by all AccessKey IDs: one key's 100,000 calls
/// got another key throttled for 60 s and more, with a misleading `x-acs-retry-after: 1000`. Now
/// each key has its own bound: a flood of one key leaves the other served at once.
#[test]
fn one_keys_nonce_flood_does_not_throttle_another() {
    const BOUND: usize = 200;
    let dir = tempfile::tempdir().expect("tempdir");
    let server = spawn_local(
        dir.path(),
        "",
        &[
            "--listen",
            "127.0.0.1:0",
            "--access-key",
            "testid:testsecret",
            "--access-key",
            "other:othersecret",
            "--max-nonces",
            &BOUND.to_string(),
        ],
    )
    .expect("starts");
    let host = server.host().to_owned();
    let call = |key: (&str, &str)| {
        let body = signed_body_as(key, "ListRegions", &[], &fresh_nonce(), &now_stamp());
        let (status, code, _) = post_closing(&host, &body).expect("an answer");
        (status, code)
    };
    let mut served = 0;
    for _ in 0..=BOUND {
        if call(("testid", "testsecret")) == (200, String::new()) {
            served += 1;
        }
    }
    let flooder_next = call(("testid", "testsecret"));
    let other = call(("other", "othersecret"));
    eprintln!(
        "{} calls of one key against a bound of {BOUND}: {served} served, then {flooder_next:?}; the other key: {other:?}",
        BOUND + 1
    );
    assert_eq!(served, BOUND);
    assert_eq!(flooder_next, (400, "Throttling.User".to_owned()));
    assert_eq!(
        other,
        (200, String::new()),
        "the other key is not throttled"
    );
}

/// Issue 20, failure 11 (server side): `Amount=" 1"` and `Amount=+1` were read as 1, a parameter
/// given twice was read as its first value, and `Tag.18446744073709551615.Key` was accepted.
/// Each is now refused with `InvalidParameter` (400) naming the parameter.
#[test]
fn lenient_numbers_duplicates_and_huge_indexes_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let server = spawn_local(dir.path(), "", &["--listen", "127.0.0.1:0"]).expect("starts");
    let host = server.host().to_owned();
    let order = [
        ("RegionId", "cn-hangzhou"),
        ("ImageId", IMAGE),
        ("PlanId", PLAN),
        ("Period", "1"),
    ];
    let call = |action: &str, extra: Vec<(String, String)>| {
        let body = signed_body(action, &extra, &fresh_nonce(), &now_stamp());
        post_closing(&host, &body).expect("an answer")
    };
    let with = |extra: &[(&str, &str)]| {
        let mut all = pairs(&order);
        all.extend(pairs(extra));
        all
    };
    let mut answers = Vec::new();
    for (what, action, extra) in [
        (
            "Amount=\" 1\"",
            "CreateInstances",
            with(&[("Amount", " 1")]),
        ),
        ("Amount=+1", "CreateInstances", with(&[("Amount", "+1")])),
        ("Amount=1e0", "CreateInstances", with(&[("Amount", "1e0")])),
        (
            "Amount twice",
            "CreateInstances",
            with(&[("Amount", "1"), ("Amount", "2")]),
        ),
        (
            "Tag.18446744073709551615.Key",
            "ListInstances",
            pairs(&[
                ("RegionId", "cn-hangzhou"),
                ("Tag.18446744073709551615.Key", "k"),
            ]),
        ),
    ] {
        let answer = call(action, extra);
        eprintln!("{what}: {answer:?}");
        answers.push((what, answer));
    }
    for (what, (status, code, message)) in &answers {
        assert_eq!(
            (*status, code.as_str()),
            (400, "InvalidParameter"),
            "{what}: {message}"
        );
    }
    assert!(answers[0].1 .2.contains("\"Amount\""), "{:?}", answers[0]);
    assert!(
        answers[3].1 .2.contains("given more than once"),
        "{:?}",
        answers[3]
    );
    assert!(answers[4].1 .2.contains("\"Tag\""), "{:?}", answers[4]);
    // The plain forms are still served.
    assert_eq!(call("CreateInstances", with(&[("Amount", "1")])).0, 200);
    let tagged = pairs(&[("RegionId", "cn-hangzhou"), ("Tag.100.Key", "k")]);
    assert_eq!(call("ListInstances", tagged).0, 200);
}
