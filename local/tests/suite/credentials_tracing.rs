//! At trace level (every crate: the runtime, reqwest, hyper, the fakes), fetching and refreshing
//! credentials from every kind of source and signing calls with them never writes a secret, a
//! security token, an OIDC token, a credentials-URI token or a signature.

use crate::creds_common;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use acs_runtime::credentials::{DefaultChain, ProvideCredentials};
use acs_runtime::Credentials;
use creds_common::*;
use swas_local::fakes::{FakeCredentialsUri, FakeMetadata, MetadataBehaviour};
use tracing_subscriber::fmt::format::FmtSpan;

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut out) = self.0.lock() {
            out.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const OIDC_PROVIDER: &str = "acs:ram::1234567890:oidc-provider/ack-rrsa";
const OIDC_TOKEN: &str = "oidc-TOKEN-value-never-traced";
const URI_TOKEN: &str = "uri-query-token-never-traced";
const URI_PASSWORD: &str = "uri-PASSWORD-never-traced";
/// The probe traces at least this much (issue 20: "0 secrets in 1 MB of TRACE output").
const PROBE_BYTES: usize = 1024 * 1024;
/// Bounds of the probe loop.
const PROBE_MAX_CALLS: usize = 5_000;
const PROBE_MAX_TIME: Duration = Duration::from_secs(60);

/// Waits until the client's current credentials are due for refresh (their last quarter, for
/// these short-lived sets) but still valid.
async fn sleep_until_due(client: &acs_runtime::Client) {
    let current = client
        .resolve_credentials()
        .await
        .expect("credentials")
        .expect("some");
    let expiration = current.expiration().expect("temporary");
    let at = expiration - Duration::from_millis(150);
    if let Ok(wait) = at.duration_since(std::time::SystemTime::now()) {
        tokio::time::sleep(wait).await;
    }
}

/// Calls until the trace holds `PROBE_BYTES`: successful calls with role credentials, and calls
/// with a valid security token but a wrong secret, which the fake STS answers, as Alibaba Cloud
/// does, with `SignatureDoesNotMatch` echoing the string to sign — token included. The caller
/// logs each error (`Display` and `Debug`), as programs do. Returns the number of calls.
async fn probe_until_a_megabyte(
    capture: &Capture,
    sts: &swas_local::fakes::FakeSts,
    client: &acs_runtime::Client,
) -> usize {
    let started = std::time::Instant::now();
    let mut calls = 0;
    while capture.0.lock().expect("lock").len() < PROBE_BYTES {
        assert!(
            calls < PROBE_MAX_CALLS && started.elapsed() < PROBE_MAX_TIME,
            "the probe did not reach {PROBE_BYTES} bytes"
        );
        calls += 1;
        let current = client
            .resolve_credentials()
            .await
            .expect("credentials")
            .expect("some");
        let wrong_secret = Credentials::with_security_token(
            current.access_key_id(),
            "not-the-secret",
            current.security_token().expect("token"),
        );
        let mismatched = identity_client(sts, wrong_secret);
        match whoami(&mismatched).await {
            Ok(_) => panic!("a wrong secret was accepted"),
            Err(error) => tracing::warn!(error = %error, debug = ?error, "call failed"),
        }
        if let Err(error) = whoami(client).await {
            tracing::warn!(error = %error, debug = ?error, "call failed");
        }
    }
    calls
}

#[tokio::test]
async fn trace_output_never_shows_secrets_tokens_or_signatures() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("trace")
        .with_span_events(FmtSpan::FULL)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let (issuer, sts) = sts().await;
    sts.expect_oidc(OIDC_PROVIDER, OIDC_TOKEN);
    sts.set_lifetime(Duration::from_secs(2));
    let md = FakeMetadata::start(Arc::clone(&issuer), MetadataBehaviour::default())
        .await
        .expect("starts");
    let uri = FakeCredentialsUri::start(Arc::clone(&issuer))
        .await
        .expect("starts");
    let home = tempfile::tempdir().expect("tempdir");
    let token_file = home.path().join("token");
    std::fs::write(&token_file, OIDC_TOKEN).expect("write");

    // A role with refreshes, and a refresh that fails while the old set is still valid.
    let role = Credentials::ram_role_arn(long_term(), ROLE)
        .endpoint(endpoint(&sts))
        .refresh_margin(Duration::from_secs(10));
    let client = identity_client(&sts, role);
    whoami(&client).await.expect("call");
    // 2 s sets (1–2 s on the wire) are due in their last quarter: call then.
    sleep_until_due(&client).await;
    whoami(&client).await.expect("call after a refresh");
    sts.set_failing(true);
    sleep_until_due(&client).await;
    let _ = whoami(&client).await;
    sts.set_failing(false);
    let debug = format!("{client:?}");
    assert!(debug.contains("RamRoleArn"), "{debug}");
    assert!(!debug.contains(SECRET), "{debug}");

    // OIDC, the metadata service (hardened) and a credentials URI with a token in its query.
    let oidc =
        Credentials::oidc_role_arn(ROLE, OIDC_PROVIDER, &token_file).endpoint(endpoint(&sts));
    identity_client(&sts, oidc)
        .prepare(&acs_runtime::credentials::sts::generated::GetCallerIdentity::builder().build())
        .expect_err("not resolved yet");
    oidc_and_friends(&sts, &md, &uri, &token_file).await;
    // The chain, ending in a not-found error with every reason.
    let _ = DefaultChain::with_vars([("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")])
        .with_home(home.path())
        .resolve()
        .await;
    let probe = probe_until_a_megabyte(&capture, &sts, &client).await;
    println!(
        "probe: {probe} calls, {} bytes of trace",
        capture.0.lock().expect("lock").len()
    );

    let output = String::from_utf8(capture.0.lock().expect("lock").clone()).expect("utf-8");
    assert!(output.len() >= PROBE_BYTES, "{} bytes", output.len());
    assert!(
        output.contains("SignatureDoesNotMatch") && output.contains("server string to sign is:"),
        "the probe's signature errors are in the trace"
    );
    assert!(output.contains("hyper"), "dependencies traced too");
    assert!(
        output.contains("credentials refreshed"),
        "no refresh traced"
    );
    assert!(
        output.contains("refreshing credentials failed"),
        "no failure traced"
    );
    let mut secrets = vec![
        SECRET.to_owned(),
        OIDC_TOKEN.to_owned(),
        URI_TOKEN.to_owned(),
        URI_PASSWORD.to_owned(),
    ];
    for n in 1..=issuer.count() {
        let issued = issuer.get(&format!("STS.{n:04}")).expect("issued");
        secrets.push(issued.access_key_secret);
        secrets.push(issued.security_token);
    }
    assert!(secrets.len() > 8, "issued {}", issuer.count());
    let mut leaks = 0;
    for secret in &secrets {
        leaks += output.matches(secret.as_str()).count();
    }
    println!(
        "{} secrets checked in {} bytes of trace: {leaks} found",
        secrets.len(),
        output.len()
    );
    assert_eq!(leaks, 0, "a secret leaked into the trace");
    for (at, _) in output.match_indices("Signature=") {
        assert!(
            output[at..].starts_with("Signature=<redacted>"),
            "a signature leaked: {}",
            &output[at..(at + 40).min(output.len())]
        );
    }
    assert!(
        !output.contains("mdtoken-"),
        "a metadata session token leaked"
    );
}

async fn oidc_and_friends(
    sts: &swas_local::fakes::FakeSts,
    md: &FakeMetadata,
    uri: &FakeCredentialsUri,
    token_file: &std::path::Path,
) {
    let oidc = Credentials::oidc_role_arn(ROLE, OIDC_PROVIDER, token_file).endpoint(endpoint(sts));
    whoami(&identity_client(sts, oidc))
        .await
        .expect("OIDC role");
    let ecs = Credentials::ecs_ram_role().endpoint(md.url());
    whoami(&identity_client(sts, ecs))
        .await
        .expect("instance role");
    let with_password = uri
        .url()
        .replacen("http://", &format!("http://probe:{URI_PASSWORD}@"), 1);
    let from_uri = Credentials::uri(format!("{with_password}?token={URI_TOKEN}"));
    whoami(&identity_client(sts, from_uri))
        .await
        .expect("URI credentials");
    uri.set_answer(Some((500, "down")));
    let failing = Credentials::uri(format!("{with_password}?token={URI_TOKEN}"));
    failing.provide_credentials().await.expect_err("down");
}
