//! A fake ECS instance metadata service: `PUT /latest/api/token` (needs
//! `X-aliyun-ecs-metadata-token-ttl-seconds`, 1–21600), `GET
//! /latest/meta-data/ram/security-credentials/` (the role name) and `GET
//! /latest/meta-data/ram/security-credentials/<role>` (the credentials document with `Code`,
//! `AccessKeyId`, `AccessKeySecret`, `SecurityToken`, `Expiration`, `LastUpdated`). In hardened
//! mode every `GET` needs a token it issued in `X-aliyun-ecs-metadata-token` (401 otherwise).

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;

use super::http::{FakeRequest, FakeResponse, FakeServer, Handler};
use super::Issuer;

const TOKEN_PATH: &str = "/latest/api/token";
const CREDENTIALS_PATH: &str = "/latest/meta-data/ram/security-credentials/";

/// How the service behaves; change it while running with [`FakeMetadata::set`].
#[derive(Clone, Debug)]
pub struct MetadataBehaviour {
    /// The instance's role (empty: none attached, the role listing is empty).
    pub role_name: String,
    /// Hardened mode: `GET`s need a session token.
    pub require_token: bool,
    /// The token endpoint answers 404, as on an old service.
    pub token_unsupported: bool,
    /// How long issued credentials live.
    pub lifetime: Duration,
    /// Waits this long before answering.
    pub latency: Duration,
    /// Reads every request and never answers it (counted in [`FakeMetadata::requests`]).
    pub hang: bool,
    /// Answer the credentials request with this body instead (malformed-answer tests).
    pub credentials_body: Option<String>,
}

impl Default for MetadataBehaviour {
    fn default() -> Self {
        Self {
            role_name: "EcsRole".to_owned(),
            require_token: true,
            token_unsupported: false,
            lifetime: Duration::from_secs(6 * 3600),
            latency: Duration::ZERO,
            hang: false,
            credentials_body: None,
        }
    }
}

/// A running fake metadata service.
#[derive(Debug)]
pub struct FakeMetadata {
    server: FakeServer,
    state: Arc<State>,
}

#[derive(Debug)]
struct State {
    issuer: Arc<Issuer>,
    behaviour: Mutex<MetadataBehaviour>,
    tokens: Mutex<HashSet<String>>,
    token_requests: AtomicUsize,
    role_requests: AtomicUsize,
    credentials_requests: AtomicUsize,
    tokenless_gets: AtomicUsize,
    requests: AtomicUsize,
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match mutex.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}

impl FakeMetadata {
    /// Starts on `127.0.0.1` with `behaviour`, issuing from `issuer`.
    pub async fn start(issuer: Arc<Issuer>, behaviour: MetadataBehaviour) -> std::io::Result<Self> {
        let state = Arc::new(State {
            issuer,
            behaviour: Mutex::new(behaviour),
            tokens: Mutex::new(HashSet::new()),
            token_requests: AtomicUsize::new(0),
            role_requests: AtomicUsize::new(0),
            credentials_requests: AtomicUsize::new(0),
            tokenless_gets: AtomicUsize::new(0),
            requests: AtomicUsize::new(0),
        });
        let shared = Arc::clone(&state);
        let handler: Handler = Arc::new(move |request| {
            let state = Arc::clone(&shared);
            Box::pin(async move { state.handle(request).await })
        });
        Ok(Self {
            server: FakeServer::start(handler).await?,
            state,
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        self.server.url()
    }

    /// Changes the behaviour.
    pub fn set(&self, change: impl FnOnce(&mut MetadataBehaviour)) {
        change(&mut lock(&self.state.behaviour));
    }

    /// `PUT /latest/api/token` requests.
    pub fn token_requests(&self) -> usize {
        self.state.token_requests.load(Ordering::SeqCst)
    }

    /// Role-name requests.
    pub fn role_requests(&self) -> usize {
        self.state.role_requests.load(Ordering::SeqCst)
    }

    /// Credentials requests answered with credentials.
    pub fn credentials_requests(&self) -> usize {
        self.state.credentials_requests.load(Ordering::SeqCst)
    }

    /// Requests received, answered or not.
    pub fn requests(&self) -> usize {
        self.state.requests.load(Ordering::SeqCst)
    }

    /// `GET`s that came without a token.
    pub fn tokenless_gets(&self) -> usize {
        self.state.tokenless_gets.load(Ordering::SeqCst)
    }
}

impl State {
    async fn handle(&self, request: FakeRequest) -> FakeResponse {
        self.requests.fetch_add(1, Ordering::SeqCst);
        let behaviour = lock(&self.behaviour).clone();
        if behaviour.hang {
            // Held until the server is dropped.
            std::future::pending::<()>().await;
        }
        if !behaviour.latency.is_zero() {
            tokio::time::sleep(behaviour.latency).await;
        }
        if request.path == TOKEN_PATH {
            return self.token(&request, &behaviour);
        }
        if request.method != "GET" {
            return FakeResponse::text(405, "method not allowed");
        }
        match request.header("x-aliyun-ecs-metadata-token") {
            Some(token) if lock(&self.tokens).contains(token) => {}
            Some(_) => return FakeResponse::text(401, "invalid token"),
            None => {
                self.tokenless_gets.fetch_add(1, Ordering::SeqCst);
                if behaviour.require_token {
                    return FakeResponse::text(401, "a token is required");
                }
            }
        }
        if request.path == CREDENTIALS_PATH {
            self.role_requests.fetch_add(1, Ordering::SeqCst);
            return FakeResponse::text(200, behaviour.role_name);
        }
        match request.path.strip_prefix(CREDENTIALS_PATH) {
            Some(role) if !behaviour.role_name.is_empty() && role == behaviour.role_name => {
                if let Some(body) = behaviour.credentials_body {
                    return FakeResponse::text(200, body);
                }
                self.credentials_requests.fetch_add(1, Ordering::SeqCst);
                let issued = self.issuer.issue(behaviour.lifetime);
                let mut document = issued.json();
                document["Code"] = json!("Success");
                document["LastUpdated"] = json!(acs_runtime::sign::format_timestamp(
                    std::time::SystemTime::now()
                ));
                FakeResponse::json(200, &document)
            }
            _ => FakeResponse::text(404, "not found"),
        }
    }

    fn token(&self, request: &FakeRequest, behaviour: &MetadataBehaviour) -> FakeResponse {
        self.token_requests.fetch_add(1, Ordering::SeqCst);
        if behaviour.token_unsupported {
            return FakeResponse::text(404, "not found");
        }
        if request.method != "PUT" {
            return FakeResponse::text(405, "method not allowed");
        }
        let ttl = request
            .header("x-aliyun-ecs-metadata-token-ttl-seconds")
            .and_then(|v| v.parse::<u32>().ok());
        match ttl {
            Some(1..=21_600) => {
                let token = format!("mdtoken-{}", uuid::Uuid::new_v4().simple());
                lock(&self.tokens).insert(token.clone());
                FakeResponse::text(200, token)
            }
            _ => FakeResponse::text(
                400,
                "X-aliyun-ecs-metadata-token-ttl-seconds must be 1..21600",
            ),
        }
    }
}
