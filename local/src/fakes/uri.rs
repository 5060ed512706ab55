//! A fake credentials URI server: `GET /` answers `{"Code": "Success", "AccessKeyId",
//! "AccessKeySecret", "SecurityToken", "Expiration"}` with credentials from the shared issuer.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;

use super::http::{FakeResponse, FakeServer, Handler};
use super::Issuer;

/// A running fake credentials URI server.
#[derive(Debug)]
pub struct FakeCredentialsUri {
    server: FakeServer,
    state: Arc<State>,
}

#[derive(Debug)]
struct State {
    issuer: Arc<Issuer>,
    lifetime: Mutex<Duration>,
    /// `(status, body)` to answer instead of credentials.
    override_answer: Mutex<Option<(u16, String)>>,
    /// Waits this long before answering.
    latency: Mutex<Duration>,
    /// Reads requests and never answers them.
    hang: AtomicBool,
    requests: AtomicUsize,
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match mutex.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}

impl FakeCredentialsUri {
    /// Starts on `127.0.0.1`, issuing credentials valid for one hour.
    pub async fn start(issuer: Arc<Issuer>) -> std::io::Result<Self> {
        let state = Arc::new(State {
            issuer,
            lifetime: Mutex::new(Duration::from_secs(3600)),
            override_answer: Mutex::new(None),
            latency: Mutex::new(Duration::ZERO),
            hang: AtomicBool::new(false),
            requests: AtomicUsize::new(0),
        });
        let shared = Arc::clone(&state);
        let handler: Handler = Arc::new(move |_request| {
            let state = Arc::clone(&shared);
            Box::pin(async move {
                state.requests.fetch_add(1, Ordering::SeqCst);
                if state.hang.load(Ordering::SeqCst) {
                    // Held until the server is dropped.
                    std::future::pending::<()>().await;
                }
                let latency = *lock(&state.latency);
                if !latency.is_zero() {
                    tokio::time::sleep(latency).await;
                }
                if let Some((status, body)) = lock(&state.override_answer).clone() {
                    return FakeResponse::text(status, body);
                }
                let lifetime = *lock(&state.lifetime);
                let mut document = state.issuer.issue(lifetime).json();
                document["Code"] = json!("Success");
                FakeResponse::json(200, &document)
            })
        });
        Ok(Self {
            server: FakeServer::start(handler).await?,
            state,
        })
    }

    /// `http://127.0.0.1:PORT/credentials`.
    pub fn url(&self) -> String {
        format!("{}/credentials", self.server.url())
    }

    /// How long issued credentials live.
    pub fn set_lifetime(&self, lifetime: Duration) {
        *lock(&self.state.lifetime) = lifetime;
    }

    /// Answers `status` with `body` instead of credentials (`None`: normal again).
    pub fn set_answer(&self, answer: Option<(u16, &str)>) {
        *lock(&self.state.override_answer) = answer.map(|(s, b)| (s, b.to_owned()));
    }

    /// Waits `latency` before each answer.
    pub fn set_latency(&self, latency: Duration) {
        *lock(&self.state.latency) = latency;
    }

    /// `true`: reads each request and never answers it (until dropped).
    pub fn set_hang(&self, hang: bool) {
        self.state.hang.store(hang, Ordering::SeqCst);
    }

    /// Requests received (answered or not).
    pub fn requests(&self) -> usize {
        self.state.requests.load(Ordering::SeqCst)
    }
}
