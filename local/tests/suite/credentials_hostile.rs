//! Failing and short-lived credential sources (issue 20, failures 5, 6 and 7), against the local
//! fakes on 127.0.0.1: a black-holed metadata service, a hanging or failing credentials URI,
//! 20 s credentials, and a credentials URI with a password in it.

use crate::creds_common;

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use acs_runtime::credentials::{
    CredentialsError, CredentialsUri, DefaultChain, ProvideCredentials, DEFAULT_CHAIN_TIMEOUT,
    DEFAULT_REFRESH_MARGIN, FAILURE_BACKOFF,
};
use acs_runtime::{Credentials, Error};
use creds_common::*;
use swas_local::fakes::{BlackHole, FakeCredentialsUri, FakeMetadata, Issuer, MetadataBehaviour};

/// The metadata provider's documented defaults: 1 s to connect and 1 s to read per request,
/// at most three requests (token, role name, credentials).
const ECS_STEP_BOUND: Duration = Duration::from_secs(3 * (1 + 1));

/// A chain over exactly `vars` and an empty home, asking `metadata` for the instance role.
fn chain(home: &Path, vars: &[(&str, &str)], metadata: &str) -> DefaultChain {
    DefaultChain::with_vars(vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())))
        .with_home(home)
        .metadata_endpoint(metadata)
}

/// Runs `n` calls of `call` at once; each result with how long it took.
async fn at_once<T, F, Fut>(n: usize, call: F) -> Vec<(T, Duration)>
where
    T: Send + 'static,
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    let barrier = Arc::new(tokio::sync::Barrier::new(n));
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let barrier = Arc::clone(&barrier);
            let work = call();
            tokio::spawn(async move {
                barrier.wait().await;
                let started = Instant::now();
                let out = work.await;
                (out, started.elapsed())
            })
        })
        .collect();
    let mut out = Vec::with_capacity(n);
    for task in tasks {
        out.push(task.await.expect("joins"));
    }
    out
}

/// Issue 20 (7): with the metadata service black-holed, 20 concurrent calls ran the chain one
/// after another (up to 40 s). Now they share one run, which ends within the metadata step's
/// bound, and all get its error.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_calls_with_a_black_holed_metadata_service_share_one_bounded_run() {
    let (_issuer, sts) = sts().await;
    let hole = BlackHole::start().await.expect("black hole");
    let home = tempfile::tempdir().expect("tempdir");
    let client = identity_client(&sts, chain(home.path(), &[], &hole.url()));
    let started = Instant::now();
    let results = at_once(20, || {
        let client = client.clone();
        async move { whoami(&client).await.map(|_| ()) }
    })
    .await;
    let slowest = results
        .iter()
        .map(|(_, took)| *took)
        .max()
        .unwrap_or_default();
    println!(
        "20 calls, black-holed metadata service: slowest {} ms, all done after {} ms",
        slowest.as_millis(),
        started.elapsed().as_millis()
    );
    assert!(
        slowest < ECS_STEP_BOUND && ECS_STEP_BOUND < DEFAULT_CHAIN_TIMEOUT,
        "{slowest:?}"
    );
    let first = match &results[0].0 {
        Err(Error::Credentials(error @ CredentialsError::NotFound { searched })) => {
            assert!(
                searched[4].starts_with(&format!(
                    "ECS instance RAM role (cannot fetch credentials from the ECS metadata service at {}",
                    hole.url()
                )),
                "{}",
                searched[4]
            );
            error.to_string()
        }
        other => panic!("expected the chain's error, got {other:?}"),
    };
    for (result, _) in &results {
        match result {
            Err(Error::Credentials(error)) => assert_eq!(error.to_string(), first),
            other => panic!("expected the chain's error, got {other:?}"),
        }
    }
}

/// Issue 20 (7): with a hanging credentials URI, 17 of 20 calls ended in a generic `Timeout`
/// at 60 s. Now a caller's deadline ends its wait with a credentials error, the 20 callers
/// share one request to the URI, and a run of the chain ends at the chain's bound with the
/// chain's error naming the source it waited for.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hanging_credentials_uri_ends_calls_with_the_credentials_error() {
    let (issuer, sts) = sts().await;
    let uri = FakeCredentialsUri::start(Arc::clone(&issuer))
        .await
        .expect("starts");
    uri.set_hang(true);
    let home = tempfile::tempdir().expect("tempdir");
    let url = uri.url();
    let vars = [
        ("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"),
        ("ALIBABA_CLOUD_CREDENTIALS_URI", url.as_str()),
    ];
    let deadline = Duration::from_millis(1500);
    let client = acs_runtime::Client::builder()
        .endpoint(sts.url())
        .credentials_provider(chain(home.path(), &vars, &closed_port_url()))
        .operation_deadline(deadline)
        .build()
        .expect("builds");
    let results = at_once(20, || {
        let client = client.clone();
        async move { whoami(&client).await.map(|_| ()) }
    })
    .await;
    for (result, took) in &results {
        match result {
            Err(Error::Credentials(CredentialsError::DeadlineReached { waited_ms })) => {
                assert!(
                    *waited_ms >= 1500 && *took < deadline * 2,
                    "{waited_ms} {took:?}"
                );
            }
            other => panic!("expected the credentials error, got {other:?}"),
        }
    }
    assert_eq!(uri.requests(), 1, "one run for 20 callers");

    // The chain's own bound: every caller gets the chain's error when it is reached.
    let bound = Duration::from_millis(800);
    let bounded = Arc::new(chain(home.path(), &vars, &closed_port_url()).timeout(bound));
    let results = at_once(20, || {
        let bounded = Arc::clone(&bounded);
        async move { bounded.resolve().await }
    })
    .await;
    for (result, took) in &results {
        let error = result.as_ref().expect_err("nothing answers");
        assert!(*took < bound + Duration::from_secs(2), "{took:?}");
        assert!(
            error.to_string().ends_with(&format!(
                "credentials URI (no answer within the chain's bound of {} ms)",
                bound.as_millis()
            )),
            "{error}"
        );
    }
    assert_eq!(uri.requests(), 2, "one more run for 20 more callers");
}

/// Issue 20 (7): a run that found nothing is the answer for FAILURE_BACKOFF; the sources are
/// asked again after it.
#[tokio::test]
async fn a_failed_run_is_remembered_for_the_backoff() {
    let issuer = Issuer::new();
    let md = FakeMetadata::start(
        Arc::clone(&issuer),
        MetadataBehaviour {
            hang: true,
            ..MetadataBehaviour::default()
        },
    )
    .await
    .expect("starts");
    let home = tempfile::tempdir().expect("tempdir");
    let chain = chain(home.path(), &[], &md.url()).timeout(Duration::from_millis(300));
    let first = chain.resolve().await.expect_err("hangs");
    assert_eq!(md.requests(), 1);
    let remembered = chain.resolve().await.expect_err("remembered");
    assert_eq!(remembered, first);
    assert_eq!(md.requests(), 1, "not asked again within the backoff");
    tokio::time::sleep(FAILURE_BACKOFF).await;
    chain.resolve().await.expect_err("still hangs");
    assert_eq!(md.requests(), 2, "asked again after the backoff");
}

/// 100 workers calling the default chain as fast as they can for `run`, against a URI handing
/// out credentials living `lifetime`; the URI's request count.
async fn workers_against_short_lived_uri(lifetime: Duration, run: Duration) -> (usize, usize) {
    let issuer = Issuer::new();
    let uri = FakeCredentialsUri::start(Arc::clone(&issuer))
        .await
        .expect("starts");
    uri.set_lifetime(lifetime);
    let home = tempfile::tempdir().expect("tempdir");
    let url = uri.url();
    let chain = Arc::new(chain(
        home.path(),
        &[
            ("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"),
            ("ALIBABA_CLOUD_CREDENTIALS_URI", url.as_str()),
        ],
        &closed_port_url(),
    ));
    let until = Instant::now() + run;
    let calls = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..100)
        .map(|_| {
            let chain = Arc::clone(&chain);
            let calls = Arc::clone(&calls);
            tokio::spawn(async move {
                while Instant::now() < until {
                    let credentials = chain.resolve().await.expect("credentials");
                    assert!(credentials.expiration() > Some(SystemTime::now()));
                    calls.fetch_add(1, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.expect("joins");
    }
    (uri.requests(), calls.load(Ordering::SeqCst))
}

/// At most one fetch per three quarters of the shortest lifetime the wire can give (its
/// expiration is in whole seconds, so up to 1 s shorter), plus the first.
fn fetch_bound(lifetime: Duration, run: Duration) -> usize {
    let shortest = lifetime - Duration::from_secs(1);
    let due_every = shortest * 3 / 4;
    (run.as_millis() / due_every.as_millis()) as usize + 1
}

/// Issue 20 (6), scaled: 3 s credentials (shorter than the 180 s margin) for 5 s. Before: a
/// fetch on almost every call.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn short_lived_uri_credentials_are_fetched_per_lifetime_not_per_call() {
    let (lifetime, run) = (Duration::from_secs(3), Duration::from_secs(5));
    assert!(lifetime < DEFAULT_REFRESH_MARGIN);
    let (fetches, calls) = workers_against_short_lived_uri(lifetime, run).await;
    let bound = fetch_bound(lifetime, run);
    println!("{fetches} fetches for {calls} calls by 100 workers in {run:?} (bound {bound})");
    assert!(calls > 1000, "{calls}");
    assert!(fetches <= bound, "{fetches} fetches (bound {bound})");
}

/// Issue 20 (6) at full size, as reported: 100 workers over 65 s against 20 s credentials,
/// at most 10 fetches (was 4,374). 65 s long: run with `--ignored`.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "65 s; the scaled test above runs in CI"]
async fn hundred_workers_over_65_s_of_20_s_credentials_fetch_at_most_10_times() {
    let (lifetime, run) = (Duration::from_secs(20), Duration::from_secs(65));
    let (fetches, calls) = workers_against_short_lived_uri(lifetime, run).await;
    println!("{fetches} fetches for {calls} calls by 100 workers in {run:?}");
    assert!(
        fetches <= 10 && fetches <= fetch_bound(lifetime, run),
        "{fetches}"
    );
}

/// Issue 20 (7): after expiry a failing source was asked ~27 times a second. Now at most once
/// per FAILURE_BACKOFF, however many callers.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn after_expiry_a_failing_uri_is_asked_once_per_backoff() {
    let issuer = Issuer::new();
    let uri = FakeCredentialsUri::start(Arc::clone(&issuer))
        .await
        .expect("starts");
    uri.set_lifetime(Duration::from_secs(2));
    let provider = Arc::new(CredentialsUri::new(uri.url()));
    let first = provider.provide_credentials().await.expect("first");
    uri.set_answer(Some((500, "down")));
    let expiration = first.expiration().expect("temporary");
    if let Ok(wait) = expiration.duration_since(SystemTime::now()) {
        tokio::time::sleep(wait + Duration::from_millis(50)).await;
    }
    let before = uri.requests();
    let run = Duration::from_secs(3);
    let until = Instant::now() + run;
    let calls = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..20)
        .map(|_| {
            let provider = Arc::clone(&provider);
            let calls = Arc::clone(&calls);
            tokio::spawn(async move {
                while Instant::now() < until {
                    let error = provider.provide_credentials().await.expect_err("expired");
                    assert!(matches!(error, CredentialsError::Expired { .. }), "{error}");
                    calls.fetch_add(1, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.expect("joins");
    }
    let asked = uri.requests() - before;
    let bound = (run.as_millis() / FAILURE_BACKOFF.as_millis()) as usize + 1;
    println!(
        "after expiry: {asked} requests to the failing URI for {} calls in {run:?} (bound {bound})",
        calls.load(Ordering::SeqCst)
    );
    assert!(asked <= bound, "{asked} (bound {bound})");
}

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

const URI_PASSWORD: &str = "uri-PASSWORD-never-shown";

/// Issue 20 (5): a credentials-URI password appeared in Debug, errors, the chain's "no
/// credentials" text and a DEBUG trace event. Now in none of them, failing or answering.
#[tokio::test]
async fn a_credentials_uri_password_is_never_shown() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("trace")
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let issuer = Issuer::new();
    let uri = FakeCredentialsUri::start(Arc::clone(&issuer))
        .await
        .expect("starts");
    let with_password =
        uri.url()
            .replacen("http://", &format!("http://deployer:{URI_PASSWORD}@"), 1);
    let shown = uri.url().replacen("http://", "http://<redacted>@", 1);
    let home = tempfile::tempdir().expect("tempdir");
    let vars = [
        ("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"),
        ("ALIBABA_CLOUD_CREDENTIALS_URI", with_password.as_str()),
    ];
    let mut texts = Vec::new();

    // Failing: the chain's "no credentials" error.
    uri.set_answer(Some((500, "down")));
    let failing = chain(home.path(), &vars, &closed_port_url());
    let error = failing.resolve().await.expect_err("fails");
    let message = error.to_string();
    assert!(
        message.contains(&format!(
            "cannot fetch credentials from the credentials URI {shown}: answered HTTP 500"
        )),
        "{message}"
    );
    texts.extend([message, format!("{error:?}"), format!("{failing:?}")]);
    let direct = Credentials::uri(&with_password);
    texts.push(format!("{direct:?}"));
    let error = direct.provide_credentials().await.expect_err("fails");
    texts.extend([error.to_string(), format!("{error:?}")]);

    // Answering: the credentials' source, the chain's Debug, the refresh trace event.
    uri.set_answer(None);
    let answering = chain(home.path(), &vars, &closed_port_url());
    let credentials = answering.resolve().await.expect("answers");
    assert_eq!(
        credentials.source(),
        &acs_runtime::credentials::CredentialsSource::Uri { uri: shown.clone() }
    );
    texts.extend([
        format!("{credentials:?}"),
        credentials.to_string(),
        format!("{answering:?}"),
    ]);
    let trace = String::from_utf8_lossy(&capture.0.lock().expect("lock")).into_owned();
    assert!(trace.contains("credentials refreshed"), "{trace}");
    texts.push(trace);
    for text in &texts {
        assert!(
            !text.contains(URI_PASSWORD),
            "the password leaked into:\n{text}"
        );
    }
}
