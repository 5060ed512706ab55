//! What a connection may hold, and for how long: the registry of live connections, the shedding
//! of the least recently answered one when a new client needs its slot, a budget of buffered
//! request-head bytes shared by all connections, and a write deadline.
//!
//! * **Fair admission.** The accept loop always accepts. When every slot is taken, the live
//!   connection answered least recently (or opened earliest, if never answered) is closed to make
//!   room — idle keep-alives, slow heads and bodies, and peers that stopped reading are the ones
//!   that age — so that re-connecting hostile peers cannot keep a new client waiting behind
//!   them. A connection between a complete request and its answer (an order being committed) is
//!   never shed.
//! * **Head bytes.** Bytes read while a connection waits for a request head are charged to one
//!   budget for all connections; past it, the oldest connections holding head bytes are shed.
//!   hyper caps each head at its `max_buf_size`, this caps them all together.
//! * **Write deadline.** A write (or flush) that makes no progress for the write timeout fails
//!   the connection: a peer that stops reading its answers loses its slot.
//! * **Memory after load.** The allocator keeps what thousands of closed connections freed;
//!   once the live connections fall to half their peak, it is asked to give it back.

use std::collections::HashMap;
use std::future::Future as _;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{ready, Context, Poll};
use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::Notify;

/// Live connections, and the head bytes they hold together.
#[derive(Debug)]
pub(crate) struct Registry {
    epoch: Instant,
    next_id: AtomicU64,
    live: Mutex<HashMap<u64, Arc<Connection>>>,
    head_bytes: AtomicUsize,
    head_budget: usize,
    /// Most head bytes one connection may send before its head is complete.
    head_limit: usize,
    shed: AtomicU64,
    /// Most connections live at once since memory was last given back.
    peak: AtomicUsize,
}

/// One live connection, as the registry sees it.
#[derive(Debug)]
pub(crate) struct Connection {
    id: u64,
    /// Milliseconds since the registry's epoch of the last answer (or of the opening).
    since_ms: AtomicU64,
    /// Between a complete request and its answer: never shed.
    working: AtomicBool,
    /// A request head was read and its handler runs: reads are body bytes, not head bytes.
    in_request: AtomicBool,
    /// Head bytes read since the last head was complete, charged to the registry's budget.
    head_bytes: AtomicUsize,
    shed: AtomicBool,
    close: Notify,
}

impl Registry {
    pub(crate) fn new(head_budget: usize, head_limit: usize) -> Arc<Self> {
        Arc::new(Self {
            epoch: Instant::now(),
            next_id: AtomicU64::new(0),
            live: Mutex::new(HashMap::new()),
            head_bytes: AtomicUsize::new(0),
            head_budget,
            head_limit,
            shed: AtomicU64::new(0),
            peak: AtomicUsize::new(0),
        })
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn live(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Arc<Connection>>> {
        match self.live.lock() {
            Ok(live) => live,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// Connections shed so far (for tests and reports).
    pub(crate) fn shed_count(&self) -> u64 {
        self.shed.load(Ordering::Relaxed)
    }

    /// Registers a new connection; it leaves the registry when the guard is dropped.
    pub(crate) fn register(self: &Arc<Self>) -> Registered {
        let connection = Arc::new(Connection {
            id: self.next_id.fetch_add(1, Ordering::Relaxed),
            since_ms: AtomicU64::new(self.now_ms()),
            working: AtomicBool::new(false),
            in_request: AtomicBool::new(false),
            head_bytes: AtomicUsize::new(0),
            shed: AtomicBool::new(false),
            close: Notify::new(),
        });
        let live = {
            let mut live = self.live();
            live.insert(connection.id, Arc::clone(&connection));
            live.len()
        };
        self.peak.fetch_max(live, Ordering::Relaxed);
        Registered {
            registry: Arc::clone(self),
            connection,
        }
    }

    /// Gives freed memory back to the system once the live connections fell to half a peak of
    /// at least [`TRIM_PEAK`] (checked every second while the server runs).
    pub(crate) async fn return_memory_after_load(self: Arc<Self>) {
        let mut every = tokio::time::interval(Duration::from_secs(1));
        loop {
            every.tick().await;
            let live = self.live().len();
            let peak = self.peak.load(Ordering::Relaxed);
            if peak >= TRIM_PEAK && live <= peak / 2 {
                self.peak.store(live, Ordering::Relaxed);
                // Walks the heap: on a blocking thread.
                let _ = tokio::task::spawn_blocking(trim_heap).await;
            }
        }
    }

    /// Sheds `connection`: it closes at its task's next poll; its head bytes leave the budget now.
    fn shed(&self, connection: &Connection) -> usize {
        connection.shed.store(true, Ordering::SeqCst);
        let freed = connection.head_bytes.swap(0, Ordering::SeqCst);
        self.head_bytes.fetch_sub(freed, Ordering::SeqCst);
        self.shed.fetch_add(1, Ordering::Relaxed);
        connection.close.notify_one();
        freed
    }

    /// Sheds the least recently answered connection that can be shed; `false` when none can
    /// (every one is between a request and its answer).
    pub(crate) fn shed_oldest(&self) -> bool {
        let live = self.live();
        let oldest = live
            .values()
            .filter(|c| c.sheddable())
            .min_by_key(|c| c.since_ms.load(Ordering::Relaxed));
        match oldest {
            Some(connection) => {
                self.shed(connection);
                true
            }
            None => false,
        }
    }

    /// Charges `n` head bytes to `connection`; past the budget, sheds the oldest connections
    /// holding head bytes until the excess is freed.
    fn charge_head(&self, connection: &Connection, n: usize) {
        if connection.shed.load(Ordering::SeqCst) {
            return;
        }
        connection.head_bytes.fetch_add(n, Ordering::SeqCst);
        let total = self.head_bytes.fetch_add(n, Ordering::SeqCst) + n;
        if total <= self.head_budget {
            return;
        }
        let mut excess = total - self.head_budget;
        let live = self.live();
        let mut holders: Vec<&Arc<Connection>> = live
            .values()
            .filter(|c| c.sheddable() && c.head_bytes.load(Ordering::SeqCst) > 0)
            .collect();
        holders.sort_by_key(|c| c.since_ms.load(Ordering::Relaxed));
        for holder in holders {
            if excess == 0 {
                break;
            }
            excess = excess.saturating_sub(self.shed(holder));
        }
    }
}

/// Fewest connections at a peak worth giving memory back after.
const TRIM_PEAK: usize = 64;

/// Returns the free memory of every heap arena to the system (glibc keeps it otherwise: after
/// 960 held heads closed, 207 MB stayed resident).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn trim_heap() {
    // SAFETY: `malloc_trim` only releases free memory of the allocator's own arenas; it takes
    // no pointer and is thread-safe.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim_heap() {}

impl Connection {
    fn sheddable(&self) -> bool {
        !self.working.load(Ordering::SeqCst) && !self.shed.load(Ordering::SeqCst)
    }

    /// Resolves when the connection was shed.
    pub(crate) async fn closed(&self) {
        self.close.notified().await;
    }
}

/// A registered connection; unregisters it (and returns its head bytes) when dropped.
#[derive(Debug)]
pub(crate) struct Registered {
    registry: Arc<Registry>,
    connection: Arc<Connection>,
}

impl Registered {
    pub(crate) fn connection(&self) -> &Arc<Connection> {
        &self.connection
    }

    /// Marks a request head complete (its bytes leave the budget) until the guard is dropped,
    /// which records the answer's time.
    pub(crate) fn request(&self) -> RequestGuard {
        self.connection.in_request.store(true, Ordering::SeqCst);
        let freed = self.connection.head_bytes.swap(0, Ordering::SeqCst);
        self.registry.head_bytes.fetch_sub(freed, Ordering::SeqCst);
        RequestGuard {
            registry: Arc::clone(&self.registry),
            connection: Arc::clone(&self.connection),
        }
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        self.registry.live().remove(&self.connection.id);
        let freed = self.connection.head_bytes.swap(0, Ordering::SeqCst);
        self.registry.head_bytes.fetch_sub(freed, Ordering::SeqCst);
    }
}

/// One request in its handler (see [`Registered::request`]).
#[derive(Debug)]
pub(crate) struct RequestGuard {
    registry: Arc<Registry>,
    connection: Arc<Connection>,
}

impl RequestGuard {
    /// The request is complete and being acted on: the connection is not shed until the guard
    /// is dropped (its answer is ready).
    pub(crate) fn working(&self) {
        self.connection.working.store(true, Ordering::SeqCst);
    }
}

impl Drop for RequestGuard {
    fn drop(&mut self) {
        let connection = &self.connection;
        connection
            .since_ms
            .store(self.registry.now_ms(), Ordering::Relaxed);
        connection.working.store(false, Ordering::SeqCst);
        connection.in_request.store(false, Ordering::SeqCst);
    }
}

/// A connection's stream with the write deadline and the head-byte accounting.
pub(crate) struct GuardedStream<S> {
    inner: S,
    registry: Arc<Registry>,
    connection: Arc<Connection>,
    write_timeout: Duration,
    /// Started when a write first made no progress; reset by any progress.
    stalled: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl<S> GuardedStream<S> {
    pub(crate) fn new(inner: S, registered: &Registered, write_timeout: Duration) -> Self {
        Self {
            inner,
            registry: Arc::clone(&registered.registry),
            connection: Arc::clone(&registered.connection),
            write_timeout,
            stalled: None,
        }
    }

    /// Passes a write's progress through; fails it once it made none for the write timeout.
    fn deadline<T>(
        &mut self,
        cx: &mut Context<'_>,
        poll: Poll<io::Result<T>>,
    ) -> Poll<io::Result<T>> {
        match poll {
            Poll::Ready(result) => {
                self.stalled = None;
                Poll::Ready(result)
            }
            Poll::Pending => {
                let timeout = self.write_timeout;
                let stalled = self
                    .stalled
                    .get_or_insert_with(|| Box::pin(tokio::time::sleep(timeout)));
                if stalled.as_mut().poll(cx).is_ready() {
                    Poll::Ready(Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        format!(
                            "the peer read nothing of its answer for {} ms",
                            timeout.as_millis()
                        ),
                    )))
                } else {
                    Poll::Pending
                }
            }
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for GuardedStream<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.connection.in_request.load(Ordering::SeqCst) {
            return Pin::new(&mut self.inner).poll_read(cx, buf);
        }
        // hyper checks its head limit between reads, and one read can fill all the room its
        // buffer happens to have (up to twice the limit): reads are cut at the limit here, so
        // that a longer head meets hyper's check (431) with exactly the limit read.
        let allowance = self
            .registry
            .head_limit
            .saturating_sub(self.connection.head_bytes.load(Ordering::SeqCst))
            .max(1)
            .min(buf.remaining());
        let mut limited = ReadBuf::new(buf.initialize_unfilled_to(allowance));
        ready!(Pin::new(&mut self.inner).poll_read(cx, &mut limited))?;
        let read = limited.filled().len();
        buf.advance(read);
        if read > 0 {
            self.registry.charge_head(&self.connection, read);
        }
        Poll::Ready(Ok(()))
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for GuardedStream<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let poll = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.deadline(cx, poll)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let poll = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.deadline(cx, poll)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let poll = Pin::new(&mut self.inner).poll_flush(cx);
        self.deadline(cx, poll)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let poll = Pin::new(&mut self.inner).poll_shutdown(cx);
        self.deadline(cx, poll)
    }
}
