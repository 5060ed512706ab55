//! HTTP/1.1 on TCP (hyper on tokio, keep-alive), graceful shutdown, and the request pipeline:
//! count → latency → method/path → body → decode → authenticate → faults → operation.
//!
//! What a peer can cost is bounded whatever it sends: at most `max_connections` connections are
//! served at once, and when a new one arrives while all are taken the least recently answered
//! one is shed (see the `connections` module); a head must arrive within `body_timeout` of the
//! connection's opening or its last answer (the idle deadline too) and the whole body within
//! `body_timeout` (`RequestTimeout`, 408); an answer nobody reads fails the connection after
//! `write_timeout`; a head is at most [`MAX_HEAD_BYTES`] and all heads being received together at
//! most `max_head_bytes`; a body is copied into one buffer as it arrives (at most
//! `max_body_bytes`, nothing kept per chunk).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use acs_runtime::Params;
use bytes::Bytes;
use http_body_util::{BodyExt as _, Full};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CONTENT_LENGTH, CONTENT_TYPE, HOST};
use hyper::{Method, Request, Response};
use tokio::sync::{watch, Mutex, Semaphore};

use crate::accept::{accept_loop, listen, Slots};
use crate::auth::{self, Caller, NonceCache, SignedParts};
use crate::catalog::Catalog;
use crate::connections::{Registry, RequestGuard};
use crate::decode::{decode_pairs, visible_headers};
use crate::error::ApiError;
use crate::faults::{Decision, DropPoint, Faults, Injector};
use crate::ops;
use crate::state::{State, StateError};

/// The AccessKey pair used when none is configured.
pub const DEFAULT_ACCESS_KEY: (&str, &str) = ("testid", "testsecret");
/// Default request-body limit.
pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;
/// Default time a client has to send a request's headers, and then its whole body.
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time a peer has to take (read) any part of an answer before its connection is closed.
pub const DEFAULT_WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Largest request head (request line and headers) one connection may send: hyper's
/// `max_buf_size` (a longer head is answered 431 and the connection closed). Generous for RPC
/// calls, whose longest query strings (100 list items) take a few KiB.
pub const MAX_HEAD_BYTES: usize = 64 * 1024;
/// Default budget of head bytes being received, all connections together.
pub const DEFAULT_MAX_HEAD_BYTES: usize = 16 * 1024 * 1024;
/// File descriptors kept free of connections (state file writes, the lock, logs).
const RESERVED_FDS: usize = 64;

/// Connections served at once by default: the soft open-files limit (from `/proc/self/limits`;
/// 1024 when unknown) less 64 kept for files, so that accepting never runs out of descriptors.
pub fn default_max_connections() -> usize {
    let soft = std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|limits| {
            limits
                .lines()
                .find(|l| l.starts_with("Max open files"))
                .and_then(|l| l.split_whitespace().nth(3))
                .and_then(|v| v.parse::<usize>().ok())
        })
        .unwrap_or(1024);
    soft.saturating_sub(RESERVED_FDS).clamp(16, 65_536)
}

/// How to run the server.
#[derive(Clone, Debug)]
pub struct Config {
    /// Address to listen on (default `127.0.0.1:0`: a free port).
    pub listen: SocketAddr,
    /// AccessKey pairs `(id, secret)` accepted (default `testid:testsecret`). Each id is its own
    /// account.
    pub access_keys: Vec<(String, String)>,
    /// What the service sells (default [`Catalog::builtin`]).
    pub catalog: Catalog,
    /// Where to persist state; `None` keeps it in memory.
    pub state_file: Option<PathBuf>,
    /// Fault injection (default: none).
    pub faults: Faults,
    /// Largest request body accepted (default 1 MiB); larger ones get `RequestEntityTooLarge`.
    pub max_body_bytes: usize,
    /// How long an instance takes through its lifecycle phases (`Pending` → `Starting` →
    /// `Running`, …; default zero: immediate). See [`crate::lifecycle`].
    pub lifecycle_delay: std::time::Duration,
    /// Connections served at once (default [`default_max_connections`]); a new one beyond them
    /// sheds the least recently answered connection that is not acting on a request (and waits
    /// to be accepted only while every connection is).
    pub max_connections: usize,
    /// Time allowed for a request's headers, and then for its whole body (default 10 s); a body
    /// not complete by then is answered `RequestTimeout` (408).
    pub body_timeout: Duration,
    /// Time a peer has to take any part of an answer (default 10 s); a connection whose answer
    /// makes no progress for that long is closed.
    pub write_timeout: Duration,
    /// Bytes of request heads being received, all connections together (default 16 MiB); past
    /// it, the connections holding them longest are shed.
    pub max_head_bytes: usize,
    /// Signature nonces remembered at once per AccessKey ID (default [`auth::MAX_NONCES`], about
    /// 100 bytes each); when an ID has that many unexpired, its requests are answered
    /// `Throttling.User` (retry after the earliest expires, at most 15 minutes after its use);
    /// other IDs are not affected.
    pub max_nonces: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            access_keys: vec![(
                DEFAULT_ACCESS_KEY.0.to_owned(),
                DEFAULT_ACCESS_KEY.1.to_owned(),
            )],
            catalog: Catalog::builtin(),
            state_file: None,
            faults: Faults::default(),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            lifecycle_delay: std::time::Duration::ZERO,
            max_connections: default_max_connections(),
            body_timeout: DEFAULT_BODY_TIMEOUT,
            write_timeout: DEFAULT_WRITE_TIMEOUT,
            max_head_bytes: DEFAULT_MAX_HEAD_BYTES,
            max_nonces: auth::MAX_NONCES,
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The state file cannot be used.
    #[error(transparent)]
    State(#[from] StateError),
    /// The configuration cannot work.
    #[error("invalid configuration: {0}")]
    Config(String),
}

/// What every request handler shares.
#[derive(Debug)]
pub struct Shared {
    pub(crate) catalog: Catalog,
    pub(crate) keys: HashMap<String, String>,
    pub(crate) state: Mutex<State>,
    pub(crate) nonces: NonceCache,
    pub(crate) injector: Injector,
    pub(crate) requests: AtomicU64,
    pub(crate) max_body_bytes: usize,
    pub(crate) body_timeout: Duration,
    pub(crate) write_timeout: Duration,
    pub(crate) addr: SocketAddr,
    pub(crate) lifecycle: crate::lifecycle::Lifecycle,
}

/// Entry point: [`Server::start`].
#[derive(Debug)]
pub struct Server;

impl Server {
    /// Binds, loads the state file (if any) and starts serving in the background on the current
    /// tokio runtime.
    pub async fn start(config: Config) -> Result<RunningServer, StartError> {
        if config.access_keys.is_empty() {
            return Err(StartError::Config(
                "at least one AccessKey pair is needed".into(),
            ));
        }
        for (name, rate) in [
            ("fail rate", config.faults.fail_rate),
            ("throttle rate", config.faults.throttle_rate),
            ("drop rate", config.faults.drop_rate),
        ] {
            if !(0.0..=1.0).contains(&rate) {
                return Err(StartError::Config(format!(
                    "the {name} must lie between 0 and 1 (got {rate})"
                )));
            }
        }
        if config.max_connections == 0 {
            return Err(StartError::Config(
                "the connection limit must be at least 1".into(),
            ));
        }
        if config.body_timeout.is_zero() {
            return Err(StartError::Config(
                "the body timeout must be longer than 0".into(),
            ));
        }
        if config.write_timeout.is_zero() {
            return Err(StartError::Config(
                "the write timeout must be longer than 0".into(),
            ));
        }
        if config.max_head_bytes < MAX_HEAD_BYTES {
            return Err(StartError::Config(format!(
                "the head-bytes budget must be at least one head ({MAX_HEAD_BYTES} bytes)"
            )));
        }
        config.catalog.check().map_err(StartError::Config)?;
        // Locks the file, checks what it holds and proves it writable (see `State::open`).
        let state = State::open(config.state_file.as_deref(), &config.catalog)?;
        let nonces = match state.path() {
            Some(_) => NonceCache::new(config.max_nonces, replay_barrier().await),
            None => NonceCache::new(config.max_nonces, i64::MIN),
        };
        let listener =
            listen(config.listen, config.max_connections).map_err(|source| StartError::Bind {
                addr: config.listen,
                source,
            })?;
        let addr = listener.local_addr().map_err(|source| StartError::Bind {
            addr: config.listen,
            source,
        })?;
        let shared = Arc::new(Shared {
            catalog: config.catalog,
            keys: config.access_keys.into_iter().collect(),
            state: Mutex::new(state),
            nonces,
            injector: Injector::new(config.faults),
            requests: AtomicU64::new(0),
            max_body_bytes: config.max_body_bytes,
            body_timeout: config.body_timeout,
            write_timeout: config.write_timeout,
            addr,
            lifecycle: crate::lifecycle::Lifecycle::new(config.lifecycle_delay),
        });
        let (shutdown_tx, shutdown_rx) = watch::channel(false);
        let registry = Registry::new(config.max_head_bytes, MAX_HEAD_BYTES);
        let task = tokio::spawn(accept_loop(
            listener,
            Arc::clone(&shared),
            Slots {
                free: Arc::new(Semaphore::new(config.max_connections)),
                registry: Arc::clone(&registry),
            },
            shutdown_rx,
        ));
        Ok(RunningServer {
            addr,
            shared,
            registry,
            shutdown: shutdown_tx,
            task,
        })
    }
}

/// A server serving in the background. Dropping it stops the server too (without waiting).
#[derive(Debug)]
pub struct RunningServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    registry: Arc<Registry>,
    shutdown: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl RunningServer {
    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// HTTP requests received so far (every request, answered or not).
    pub fn request_count(&self) -> u64 {
        self.shared.requests.load(Ordering::SeqCst)
    }

    /// Connections shed so far to make room for new ones or to keep within the head-bytes
    /// budget.
    pub fn shed_connections(&self) -> u64 {
        self.registry.shed_count()
    }

    /// Instances created so far, all accounts together.
    pub async fn instance_count(&self) -> usize {
        self.shared.state.lock().await.total_instances()
    }

    /// The fault seed in use.
    pub fn seed(&self) -> u64 {
        self.shared.injector.seed()
    }

    /// Stops accepting connections, lets requests in progress finish (up to 5 s), and waits for
    /// the server to stop — including orders still being written — so that its state file (and
    /// the file's lock) is free when this returns.
    pub async fn shutdown(self) {
        let _ = self.shutdown.send(true);
        let _ = self.task.await;
        let shared = self.shared;
        let deadline = tokio::time::Instant::now() + DRAIN;
        while Arc::strong_count(&shared) > 1 && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
}

/// The replay barrier of a server with a state file: the next whole second, waited for.
///
/// Nonces are remembered in memory only, so after a restart the nonces of requests signed before
/// it are unknown. Timestamps have whole seconds; refusing every timestamp before the first whole
/// second after start (`InvalidTimeStamp.Expired`) refuses every request signed before the
/// restart, and waiting for that second (under 1 s) lets a client on the same clock in at once.
async fn replay_barrier() -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::SystemTime::UNIX_EPOCH)
        .unwrap_or_default();
    let next = Duration::from_secs(now.as_secs() + 1);
    tokio::time::sleep(next.saturating_sub(now)).await;
    i64::try_from(next.as_secs()).unwrap_or(i64::MAX)
}

/// How long in-flight requests get to finish at shutdown.
pub(crate) const DRAIN: Duration = Duration::from_secs(5);

/// Returned by the service to make hyper close the connection without answering.
#[derive(Debug)]
pub struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by fault injection")
    }
}

impl std::error::Error for Dropped {}

/// What a request ends with.
enum Outcome {
    Ok(Vec<u8>),
    Err(ApiError),
    Drop,
}

fn new_request_id() -> String {
    uuid::Uuid::new_v4()
        .hyphenated()
        .encode_upper(&mut uuid::Uuid::encode_buffer())
        .to_owned()
}

pub(crate) async fn handle(
    shared: Arc<Shared>,
    request: Request<Incoming>,
    guard: RequestGuard,
) -> Result<Response<Full<Bytes>>, Dropped> {
    shared.requests.fetch_add(1, Ordering::SeqCst);
    let request_id = new_request_id();
    let host = request
        .headers()
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .map_or_else(|| shared.addr.to_string(), str::to_owned);
    let latency = shared.injector.faults().latency;
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let outcome = match process(&shared, request, &request_id, &guard).await {
        Ok(outcome) => outcome,
        Err(error) => Outcome::Err(error),
    };
    match outcome {
        Outcome::Ok(body) => Ok(respond(200, &request_id, body, None)),
        Outcome::Err(error) => {
            let body = error.body(&request_id, &host);
            Ok(respond(error.status, &request_id, body, error.retry_after))
        }
        Outcome::Drop => Err(Dropped),
    }
}

fn respond(
    status: u16,
    request_id: &str,
    body: Vec<u8>,
    retry_after: Option<Duration>,
) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() =
        hyper::StatusCode::from_u16(status).unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json;charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(request_id) {
        headers.insert("x-acs-request-id", value);
    }
    if let Some(delay) = retry_after {
        let ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX).max(1);
        headers.insert("x-acs-retry-after", HeaderValue::from(ms));
    }
    response
}

async fn process(
    shared: &Arc<Shared>,
    request: Request<Incoming>,
    request_id: &str,
    guard: &RequestGuard,
) -> Result<Outcome, ApiError> {
    let (head, body) = request.into_parts();
    let method = match head.method {
        Method::GET => "GET",
        Method::POST => "POST",
        ref other => return Err(ApiError::unsupported_method(other.as_str())),
    };
    let path = head.uri.path();
    if !(path.is_empty() || path == "/") {
        return Err(ApiError::action_not_found());
    }

    let limit = shared.max_body_bytes;
    let declared = head
        .headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(ApiError::body_too_large(limit));
    }
    let body = match tokio::time::timeout(shared.body_timeout, read_body(body, limit)).await {
        Ok(Ok(body)) => body,
        Ok(Err(BodyError::TooLarge)) => return Err(ApiError::body_too_large(limit)),
        // The client went away mid-body: nobody to answer.
        Ok(Err(BodyError::Broken)) => return Ok(Outcome::Drop),
        Err(_elapsed) => {
            return Err(ApiError::new(
                408,
                "RequestTimeout",
                format!(
                    "The request body was not received within {} ms.",
                    shared.body_timeout.as_millis()
                ),
            ))
        }
    };

    // From here on the request is acted on (an order may be committed): never shed.
    guard.working();
    let content_type = head.headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok());
    let (query, params) = read_params(head.uri.query().unwrap_or(""), content_type, &body)?;
    let headers = visible_headers(&head.headers);
    let parts = SignedParts {
        method,
        path: if path.is_empty() { "/" } else { path },
        query: &query,
        params: &params,
        headers: &headers,
        body: &body,
    };
    let caller = auth::authenticate(&parts, &shared.keys, &shared.nonces, ops::is_known_action)?;

    let decision = shared.injector.decide();
    if decision.throttle {
        return Err(ApiError::throttled(
            shared.injector.faults().throttle_retry_after,
        ));
    }
    dispatch(shared, &caller, &params, request_id, decision).await
}

/// Why a body could not be read.
enum BodyError {
    /// More than the limit.
    TooLarge,
    /// The connection failed mid-body.
    Broken,
}

/// Reads a body of at most `limit` bytes, copying each chunk into one buffer as it arrives, so
/// that what a connection holds is what it sent (a 1-byte chunk costs 1 byte, not its frame).
async fn read_body(mut body: Incoming, limit: usize) -> Result<Vec<u8>, BodyError> {
    let mut buffer = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| BodyError::Broken)?;
        if let Ok(data) = frame.into_data() {
            if data.len() > limit.saturating_sub(buffer.len()) {
                return Err(BodyError::TooLarge);
            }
            buffer.extend_from_slice(&data);
        }
    }
    buffer.shrink_to_fit();
    Ok(buffer)
}

/// The parameters of a request: the query string's pairs, and those together with the form
/// body's (when the content type is `application/x-www-form-urlencoded`), decoded strictly; a
/// name given twice is `InvalidParameter`.
pub fn read_params(
    query: &str,
    content_type: Option<&str>,
    body: &[u8],
) -> Result<(Vec<(String, String)>, Params), ApiError> {
    let invalid = |e: crate::decode::DecodeError| {
        ApiError::new(
            400,
            "InvalidParameter",
            format!("The request is not valid: {e}."),
        )
    };
    let query = decode_pairs(query.as_bytes(), "query string").map_err(invalid)?;
    let is_form = content_type.is_some_and(|ct| {
        ct.trim()
            .to_ascii_lowercase()
            .starts_with("application/x-www-form-urlencoded")
    });
    let form = if is_form && !body.is_empty() {
        decode_pairs(body, "form body").map_err(invalid)?
    } else {
        Vec::new()
    };
    // A name sent twice (in the query, the body, or both) has no one meaning: refused, never
    // resolved by picking one.
    let mut names = std::collections::HashSet::with_capacity(query.len() + form.len());
    for (name, _) in query.iter().chain(&form) {
        if !names.insert(name.as_str()) {
            return Err(ApiError::invalid_parameter(
                name,
                "it is given more than once",
            ));
        }
    }
    let params: Params = query.iter().cloned().chain(form).collect();
    Ok((query, params))
}

async fn dispatch(
    shared: &Arc<Shared>,
    caller: &Caller,
    params: &Params,
    request_id: &str,
    decision: Decision,
) -> Result<Outcome, ApiError> {
    let account = caller.access_key_id.as_str();
    if caller.action == "CreateInstances" {
        if decision.drop == Some(DropPoint::Before) {
            return Ok(Outcome::Drop);
        }
        let result = ops::create_instances(shared, account, params, request_id).await;
        if decision.drop == Some(DropPoint::AfterCommit) {
            return Ok(Outcome::Drop);
        }
        return match result {
            Ok(_) if decision.fail => Err(ApiError::internal()),
            Ok(body) => Ok(Outcome::Ok(body)),
            Err(error) => Ok(Outcome::Err(error)),
        };
    }
    if decision.drop.is_some() {
        return Ok(Outcome::Drop);
    }
    let result = match caller.action.as_str() {
        "ListRegions" => ops::list_regions(shared, params, request_id),
        "ListPlans" => ops::list_plans(shared, params, request_id),
        "ListImages" => ops::list_images(shared, params, request_id),
        "ListInstances" => ops::list_instances(shared, account, params, request_id).await,
        action if crate::lifecycle::ACTIONS.contains(&action) => {
            crate::lifecycle::dispatch(shared, account, action, params, request_id).await
        }
        _ => Err(ApiError::action_not_found()),
    };
    Ok(match result {
        Ok(body) => Outcome::Ok(body),
        Err(error) => Outcome::Err(error),
    })
}
