//! Accepting and serving connections: the listener (with an accept queue as long as the
//! connection limit), the accept loop that takes a slot for every connection — shedding the
//! least recently answered one when all are taken ([`crate::connections`]) — and hyper's HTTP/1.1
//! serving of each connection with its deadlines and limits.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tokio::task::JoinSet;

use crate::connections::{GuardedStream, Registered, Registry};
use crate::server::{handle, Shared, DRAIN, MAX_HEAD_BYTES};

/// Binds `addr` with an accept queue as long as the connection limit (the kernel caps it at
/// `net.core.somaxconn`). tokio's default of 128 overflowed as soon as more than 128 peers
/// re-connected at once, and a SYN dropped by a full queue costs its client a 1 s retransmit
/// however quickly the server would have made room.
pub(crate) fn listen(addr: SocketAddr, max_connections: usize) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(u32::try_from(max_connections.clamp(128, 65_535)).unwrap_or(65_535))
}

/// Connections accepted while every slot is taken that may wait for one at once (each has shed
/// a connection to make room). Accepting them without waiting for the shed connections to close
/// keeps the accept queue moving: waiting one by one cost a normal client behind 240
/// re-connecting peers about 200 ms. Taken from the descriptors kept free of connections.
const ACCEPTED_AHEAD: usize = 16;

/// The connection slots: a permit per connection served, and who holds them.
pub(crate) struct Slots {
    pub(crate) free: Arc<Semaphore>,
    pub(crate) registry: Arc<Registry>,
}

pub(crate) async fn accept_loop(
    listener: TcpListener,
    shared: Arc<Shared>,
    slots: Slots,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut connections = JoinSet::new();
    let mut failures = AcceptFailures::default();
    let trimming = tokio::spawn(Arc::clone(&slots.registry).return_memory_after_load());
    let ahead = Arc::new(Semaphore::new(ACCEPTED_AHEAD));
    loop {
        // Accepting always, and shedding the least recently answered connection to make room,
        // serves a new client at once however many peers re-connect as they are closed; at most
        // `ACCEPTED_AHEAD` accepted connections wait for their slot beyond the limit (more only
        // while no connection can be shed: then the kernel's queue holds them).
        let waiting = tokio::select! {
            waiting = Arc::clone(&ahead).acquire_owned() => match waiting {
                Ok(waiting) => waiting,
                Err(_) => break,
            },
            _ = shutdown.changed() => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little instead of spinning.
                    failures.record(&e);
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            _ = shutdown.changed() => break,
        };
        let slot = Arc::clone(&slots.free).try_acquire_owned().ok();
        if slot.is_none() {
            slots.registry.shed_oldest();
        }
        let free = Arc::clone(&slots.free);
        let registry = Arc::clone(&slots.registry);
        let shared = Arc::clone(&shared);
        let shutdown = shutdown.clone();
        connections.spawn(async move {
            // Slots are handed out in the order connections waited for them.
            let slot = match slot {
                Some(slot) => slot,
                None => match free.acquire_owned().await {
                    Ok(slot) => slot,
                    Err(_) => return,
                },
            };
            drop(waiting);
            let _ = stream.set_nodelay(true);
            serve_connection(stream, registry.register(), shared, shutdown).await;
            drop(slot);
        });
        while connections.try_join_next().is_some() {}
    }
    drop(listener);
    trimming.abort();
    let drained = tokio::time::timeout(DRAIN, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        connections.abort_all();
        while connections.join_next().await.is_some() {}
    }
}

/// Accept failures, reported at most once a second with how many there were.
#[derive(Default)]
struct AcceptFailures {
    last_report: Option<std::time::Instant>,
    unreported: u64,
}

impl AcceptFailures {
    fn record(&mut self, error: &std::io::Error) {
        self.unreported += 1;
        let due = self
            .last_report
            .is_none_or(|at| at.elapsed() >= Duration::from_secs(1));
        if due {
            crate::report!(
                "swas-local: accept failed ({} time(s) since the last report): {error}",
                self.unreported
            );
            self.unreported = 0;
            self.last_report = Some(std::time::Instant::now());
        }
    }
}

async fn serve_connection(
    stream: tokio::net::TcpStream,
    registered: Registered,
    shared: Arc<Shared>,
    mut shutdown: watch::Receiver<bool>,
) {
    let header_timeout = shared.body_timeout;
    let stream = GuardedStream::new(stream, &registered, shared.write_timeout);
    let registered = Arc::new(registered);
    let service = {
        let registered = Arc::clone(&registered);
        hyper::service::service_fn(move |request| {
            let shared = Arc::clone(&shared);
            let guard = registered.request();
            async move { handle(shared, request, guard).await }
        })
    };
    // With a timer, hyper enforces the header-read timeout, which runs from the opening or the
    // last answer: it is the idle deadline as well. `max_buf_size` bounds one head.
    let connection = hyper::server::conn::http1::Builder::new()
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(header_timeout)
        .max_buf_size(MAX_HEAD_BYTES)
        .keep_alive(true)
        .serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    let shed = registered.connection().closed();
    tokio::select! {
        _ = connection.as_mut() => {}
        // Shed to make room: closed at once (it is not acting on a request).
        _ = shed => {}
        _ = shutdown.changed() => {
            connection.as_mut().graceful_shutdown();
            let _ = connection.await;
        }
    }
}
