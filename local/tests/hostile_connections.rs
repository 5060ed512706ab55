//! Hostile connections. The server runs as a child process so that its memory is its own.
//!
//! Issue 12, failure 1: 500 connections each announcing 1 MB and dripping 1 byte per round cost
//! +207 MB after 50,000 bytes (about 4 KB kept per 1-byte chunk), not given back; 1,100 such
//! connections under a 1,024 open-files limit made every new request time out, with thousands of
//! "accept failed" lines.
//!
//! Issue 20, failures 1, 2 and 8: peers that never read their answers, slow or idle peers that
//! re-connect as they are closed, and held heads of tens of KiB each (see each test).

mod common;
mod hostile_support;

use std::io::Write as _;
use std::net::TcpStream;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

use hostile_support::*;

/// The tests that measure latency or memory while hundreds of connections churn run one at a
/// time: run together on two cores, each measured the others' load.
static HEAVY: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

const SLOW_BODIES: usize = 500;
const ROUNDS: usize = 100;
const IDLE: usize = 500;
/// Bound on the server's growth while the slow bodies are held (measured: see the eprintln).
const GROWTH_BOUND_KIB: u64 = 48 * 1024;

fn slow_header(host: &str) -> Vec<u8> {
    format!(
        "POST / HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000000\r\n\r\n"
    )
    .into_bytes()
}

async fn timed_list_regions(url: &str) -> (Duration, (u16, String)) {
    let started = Instant::now();
    let answer = post(url, signed_now("ListRegions", &[])).await;
    (started.elapsed(), answer)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_bodies_cost_little_memory_and_a_normal_client_is_served_meanwhile() {
    let _one_at_a_time = HEAVY.lock().await;
    // 1,000 hostile sockets here and 1,000 in the server need more than the usual 1,024.
    let soft = raise_open_files_limit(4096);
    let idle = if soft >= 2300 {
        IDLE
    } else {
        (soft as usize).saturating_sub(SLOW_BODIES + 200)
    };
    if idle < IDLE {
        eprintln!("open-files limit {soft}: holding {SLOW_BODIES} + {idle} hostile connections instead of {SLOW_BODIES} + {IDLE}");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let server = spawn_local(
        dir.path(),
        "",
        &["--listen", "127.0.0.1:0", "--body-timeout-ms", "60000"],
    )
    .expect("starts");
    let url = server.url.clone();
    let host = server.host().to_owned();
    for _ in 0..5 {
        assert_eq!(timed_list_regions(&url).await.1, (200, String::new()));
    }
    let (usual, _) = timed_list_regions(&url).await;
    let baseline = server.rss_kib();

    let slow: Vec<TcpStream> = (0..SLOW_BODIES)
        .map(|_| connect_and_send(&host, &slow_header(&host)).expect("connects"))
        .collect();
    let mut peak = 0;
    let drip = {
        let mut slow = slow;
        tokio::task::spawn_blocking(move || {
            for _ in 0..ROUNDS {
                for stream in &mut slow {
                    stream.write_all(b"a").expect("a byte");
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            slow
        })
    };
    let mut slow = loop {
        peak = peak.max(server.rss_kib());
        if drip.is_finished() {
            break drip.await.expect("drip");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    peak = peak.max(server.rss_kib());
    let sent = SLOW_BODIES * ROUNDS;

    // Hold another batch of connections that sent only part of their headers.
    let held: Vec<TcpStream> = (0..idle)
        .map(|_| connect_and_send(&host, b"POST / HTTP/1.1\r\nHost: x\r\n").expect("connects"))
        .collect();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (during, answer) = timed_list_regions(&url).await;
    assert_eq!(answer, (200, String::new()));
    peak = peak.max(server.rss_kib());

    for stream in &mut slow {
        let _ = stream.shutdown(std::net::Shutdown::Both);
    }
    drop(slow);
    drop(held);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let after = server.rss_kib();
    let growth = peak.saturating_sub(baseline);
    eprintln!(
        "{SLOW_BODIES} slow bodies, {sent} bytes dripped, {idle} more held: server RSS {baseline} KiB before, peak {peak} KiB (+{growth} KiB), {after} KiB after closing; ListRegions {usual:?} alone, {during:?} meanwhile"
    );
    assert!(baseline > 0, "RSS readable");
    assert!(growth < GROWTH_BOUND_KIB, "server grew by {growth} KiB");
    assert!(
        after < baseline + GROWTH_BOUND_KIB,
        "after closing: {after} KiB"
    );
    assert!(
        during < Duration::from_secs(1),
        "ListRegions took {during:?} while {} connections were held",
        SLOW_BODIES + idle
    );
    let stderr = server.stderr();
    assert!(!stderr.contains("accept failed"), "{stderr}");
}

/// More connections than the limit: no accept failures, stuck ones are shed to make room (or cut
/// by the header deadline), and a normal client gets through.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn beyond_the_connection_limit_clients_wait_instead_of_failing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let server = spawn_local(
        dir.path(),
        "",
        &[
            "--listen",
            "127.0.0.1:0",
            "--max-connections",
            "20",
            "--body-timeout-ms",
            "500",
        ],
    )
    .expect("starts");
    let host = server.host().to_owned();
    let held: Vec<TcpStream> = (0..60)
        .map(|_| connect_and_send(&host, b"POST / HTTP/1.1\r\nHost: x\r\n").expect("connects"))
        .collect();
    let (took, answer) = timed_list_regions(&server.url).await;
    assert_eq!(answer, (200, String::new()));
    // 60 stuck connections ahead of it: the oldest are shed as new ones arrive (before shedding,
    // 20 at a time, each cut after 0.5 s: about 1.5 s).
    assert!(
        took < Duration::from_secs(6),
        "the normal client waited {took:?}"
    );
    drop(held);
    let stderr = server.stderr();
    assert!(!stderr.contains("accept failed"), "{stderr}");
}

/// A body that does not arrive within the deadline is answered `RequestTimeout` (408) instead
/// of holding the connection for ever.
#[test]
fn a_body_past_its_deadline_is_answered_408() {
    let dir = tempfile::tempdir().expect("tempdir");
    let server = spawn_local(
        dir.path(),
        "",
        &["--listen", "127.0.0.1:0", "--body-timeout-ms", "500"],
    )
    .expect("starts");
    let host = server.host().to_owned();
    let mut stream = connect_and_send(
        &host,
        format!("POST / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 100\r\n\r\n0123456789")
            .as_bytes(),
    )
    .expect("connects");
    let started = Instant::now();
    let (status, json) = read_answer(&mut stream, Duration::from_secs(5)).expect("an answer");
    assert_eq!(
        (status, json["Code"].as_str()),
        (408, Some("RequestTimeout"))
    );
    assert_eq!(
        json["Message"],
        "The request body was not received within 500 ms."
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
}

/// Issue 20, failure 1: a peer that never reads its answers held its slot for ever (no write
/// deadline): 1,000 connections each pipelining 3,000 requests and reading nothing kept all 960
/// slots; 0 of 4 normal calls were answered in 125 s. Now a write that makes no progress for the
/// write timeout closes the connection, and a new client sheds such a peer at once.
///
/// Each peer pipelines requests whose answers (about 5 MB) exceed what the kernel buffers for an
/// unread connection (`tcp_wmem` 4 MiB at most), so the server's writes stall.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_peer_that_never_reads_its_answers_loses_its_slot() {
    let _one_at_a_time = HEAVY.lock().await;
    const SLOTS: usize = 8;
    const NON_READERS: usize = SLOTS + SLOTS / 2;
    const PIPELINED: usize = 10_000;
    const WRITE_TIMEOUT_MS: u64 = 1000;
    let dir = tempfile::tempdir().expect("tempdir");
    let server = spawn_local(
        dir.path(),
        "",
        &[
            "--listen",
            "127.0.0.1:0",
            "--max-connections",
            &SLOTS.to_string(),
            "--write-timeout-ms",
            &WRITE_TIMEOUT_MS.to_string(),
        ],
    )
    .expect("starts");
    let pid = server.child.id();
    let (usual, answer) = timed_post(
        &server.url,
        signed_now("ListRegions", &[]),
        Duration::from_secs(5),
    )
    .await;
    assert_eq!(answer, Ok((200, String::new())));
    let idle_fds = open_fds(pid);

    let addr: std::net::SocketAddr = server.host().parse().expect("address");
    let request = format!("GET /nowhere HTTP/1.1\r\nHost: {addr}\r\n\r\n");
    let pipeline = Arc::new(request.repeat(PIPELINED));
    let mut writers = tokio::task::JoinSet::new();
    for _ in 0..NON_READERS {
        let socket = tokio::net::TcpSocket::new_v4().expect("socket");
        // A small receive window, so that unread answers back up into the server.
        socket.set_recv_buffer_size(4096).expect("SO_RCVBUF");
        let (reader, mut writer) = socket.connect(addr).await.expect("connects").into_split();
        let pipeline = Arc::clone(&pipeline);
        writers.spawn(async move {
            // The server stops reading once its answers back up: the rest of the pipeline waits.
            let _ = tokio::time::timeout(
                Duration::from_secs(3),
                writer.write_all(pipeline.as_bytes()),
            )
            .await;
            // Kept open: dropping the write half would half-close the connection.
            (reader, writer)
        });
    }
    // The peers' connections, sampled while their pipelines are being written: on an idle
    // machine the server may already have shed them all by the time the writers give up.
    let mut held_fds = open_fds(pid);
    for _ in 0..20 {
        tokio::time::sleep(Duration::from_millis(25)).await;
        held_fds = held_fds.max(open_fds(pid));
    }
    let mut non_readers = Vec::new();
    while let Some(pair) = writers.join_next().await {
        non_readers.push(pair.expect("writer"));
    }
    let started = Instant::now();
    let (during, answer) = timed_post(
        &server.url,
        signed_now("ListRegions", &[]),
        Duration::from_secs(10),
    )
    .await;
    // The server closes every non-reader's connection (its descriptor count returns to what it
    // was), while the peers still have not read a byte.
    let deadline = started + Duration::from_millis(WRITE_TIMEOUT_MS) + Duration::from_secs(10);
    let mut fds = open_fds(pid);
    while fds > idle_fds && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        fds = open_fds(pid);
    }
    let released_after = started.elapsed();
    eprintln!(
        "{NON_READERS} peers pipelining {PIPELINED} requests each and reading nothing, {SLOTS} slots: normal ListRegions {usual:?} alone, {during:?} meanwhile ({answer:?}); server descriptors {idle_fds} idle, {held_fds} with the peers, {fds} after {released_after:?}"
    );
    drop(non_readers);
    assert_eq!(
        answer,
        Ok((200, String::new())),
        "a normal call is answered"
    );
    // Before the write deadline the call got no answer in 10 s; a few ms is usual on an idle
    // machine, up to ~2 s while another build loads both cores.
    assert!(
        during < Duration::from_secs(5),
        "the normal call took {during:?}"
    );
    assert!(held_fds > idle_fds, "the peers were connected");
    assert!(
        fds <= idle_fds,
        "the server still holds {} connections after {released_after:?}",
        fds - idle_fds
    );
}

/// What a re-connecting hostile peer does once connected.
#[derive(Clone, Copy, Debug)]
enum Hostile {
    /// Announces a large body and sends none of it.
    SlowBody,
    /// Sends nothing (an idle keep-alive).
    Idle,
}

/// Issue 20, failure 2: 1,200 slow-body (or idle) connections re-opened as they close, against
/// 960 slots, made normal calls take 6–8 s, and 1 in 5 (2 in 3 for idle ones) got no answer in
/// 30 s. Now the least recently answered connection is shed for a new one, so a normal call is
/// served within about its usual latency however fast the hostile ones come back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn re_connecting_slow_and_idle_peers_do_not_starve_a_normal_client() {
    let _one_at_a_time = HEAVY.lock().await;
    const SLOTS: usize = 960;
    const HOSTILE: usize = 1200;
    const CALLS: usize = 5;
    // 1,200 sockets here, 960 in the server.
    let soft = raise_open_files_limit(4096) as usize;
    let (slots, hostile) = if soft >= HOSTILE + SLOTS + 300 {
        (SLOTS, HOSTILE)
    } else {
        let slots = soft.saturating_sub(300) * 4 / 9;
        (slots, slots * 5 / 4)
    };
    if slots < SLOTS {
        eprintln!("open-files limit {soft}: {hostile} hostile connections against {slots} slots");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let server = spawn_local(
        dir.path(),
        "",
        &[
            "--listen",
            "127.0.0.1:0",
            "--max-connections",
            &slots.to_string(),
        ],
    )
    .expect("starts");
    let url = server.url.clone();
    let addr: std::net::SocketAddr = server.host().parse().expect("address");
    let (usual, answer) =
        timed_post(&url, signed_now("ListRegions", &[]), Duration::from_secs(5)).await;
    assert_eq!(answer, Ok((200, String::new())));

    for mode in [Hostile::SlowBody, Hostile::Idle] {
        let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
        let reconnects = Arc::new(AtomicU64::new(0));
        let mut peers = tokio::task::JoinSet::new();
        for i in 0..hostile {
            let (mut stop, reconnects) = (stop_rx.clone(), Arc::clone(&reconnects));
            // Connecting all at once overflows the kernel's queues; one per millisecond does not.
            let ramp = Duration::from_millis(u64::try_from(i).expect("fits"));
            peers.spawn(async move {
                tokio::time::sleep(ramp).await;
                let header = format!(
                    "POST / HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000000\r\n\r\n"
                );
                let mut scratch = [0u8; 1024];
                while !*stop.borrow() {
                    let Ok(Ok(mut stream)) =
                        tokio::time::timeout(Duration::from_secs(1), tokio::net::TcpStream::connect(addr)).await
                    else {
                        continue;
                    };
                    if matches!(mode, Hostile::SlowBody) && stream.write_all(header.as_bytes()).await.is_err() {
                        continue;
                    }
                    // Hold the connection until the server closes it (or the test ends).
                    let closed = async {
                        while !matches!(stream.read(&mut scratch).await, Ok(0) | Err(_)) {}
                    };
                    tokio::select! {
                        _ = closed => {}
                        _ = stop.changed() => break,
                    }
                    reconnects.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
        // Let them take every slot.
        tokio::time::sleep(Duration::from_millis(
            u64::try_from(hostile).expect("fits") + 1000,
        ))
        .await;
        let mut latencies = Vec::new();
        let mut failures = Vec::new();
        for _ in 0..CALLS {
            let (took, answer) = timed_post(
                &url,
                signed_now("ListRegions", &[]),
                Duration::from_secs(10),
            )
            .await;
            latencies.push(took);
            if answer != Ok((200, String::new())) {
                failures.push(answer);
            }
        }
        let _ = stop_tx.send(true);
        let _ = tokio::time::timeout(Duration::from_secs(10), async {
            while peers.join_next().await.is_some() {}
        })
        .await;
        peers.abort_all();
        let slowest = latencies.iter().max().copied().unwrap_or_default();
        eprintln!(
            "{mode:?}: {hostile} hostile connections re-opened as they close ({} re-connections), {slots} slots: normal ListRegions {usual:?} alone; meanwhile {latencies:?}, slowest {slowest:?}, {} of {CALLS} unanswered {failures:?}",
            reconnects.load(Ordering::Relaxed),
            failures.len()
        );
        assert!(
            failures.is_empty(),
            "{mode:?}: unanswered calls {failures:?}"
        );
        assert!(
            slowest < Duration::from_secs(2),
            "{mode:?}: a normal call took {slowest:?}"
        );
    }
}

/// Issue 20, failure 8: each held connection could buffer a head of ~400 KB, not given back:
/// 960 held heads took 374 MB (207 MB kept after they closed). Now one head is at most 64 KiB
/// (a longer one is answered 431) and all heads being received together at most the head-bytes
/// budget (16 MiB by default): past it, the connections holding head bytes longest are shed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn held_heads_are_bounded_all_together_and_their_memory_returns() {
    let _one_at_a_time = HEAVY.lock().await;
    const HELD: usize = 900;
    const HEAD: usize = 60 * 1024;
    /// What a connection costs the server without a head (measured: about 17 KiB; see the
    /// slow-bodies test above).
    const PER_CONNECTION_KIB: u64 = 24;
    let soft = raise_open_files_limit(4096) as usize;
    let held = HELD.min(soft.saturating_sub(200) / 2);
    let dir = tempfile::tempdir().expect("tempdir");
    let server = spawn_local(
        dir.path(),
        "",
        &[
            "--listen",
            "127.0.0.1:0",
            "--max-connections",
            &(held + 60).to_string(),
        ],
    )
    .expect("starts");
    let host = server.host().to_owned();
    for _ in 0..5 {
        assert_eq!(
            timed_list_regions(&server.url).await.1,
            (200, String::new())
        );
    }
    let (usual, _) = timed_list_regions(&server.url).await;
    let baseline = server.rss_kib();

    // A head longer than one head may be is refused, not buffered.
    let mut long = connect_and_send(
        &host,
        format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\nX-Pad: {}\r\n\r\n",
            "a".repeat(100 * 1024)
        )
        .as_bytes(),
    )
    .expect("connects");
    let long_head = read_status(&mut long, Duration::from_secs(5));

    let partial = format!(
        "GET / HTTP/1.1\r\nHost: {host}\r\nX-Pad: {}",
        "a".repeat(HEAD)
    );
    let heads: Vec<TcpStream> = (0..held)
        .filter_map(|_| connect_and_send(&host, partial.as_bytes()).ok())
        .collect();
    let mut peak = 0;
    for _ in 0..15 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        peak = peak.max(server.rss_kib());
    }
    let (during, answer) = timed_list_regions(&server.url).await;
    drop(heads);
    // Memory is given back within a few seconds of the load ending (checked every second).
    let closed = Instant::now();
    let mut after = server.rss_kib();
    while after >= baseline + 8 * 1024 && closed.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(100)).await;
        after = server.rss_kib();
    }
    let returned_after = closed.elapsed();
    let growth = peak.saturating_sub(baseline);
    // Head bytes are budgeted together; hyper's buffers may hold up to twice what they hold.
    let budget_kib =
        u64::try_from(swas_local::server::DEFAULT_MAX_HEAD_BYTES / 1024).expect("fits");
    let growth_bound_kib = 2 * budget_kib + held as u64 * PER_CONNECTION_KIB;
    eprintln!(
        "{held} connections holding a {HEAD}-byte partial head each ({} KiB sent): server RSS {baseline} KiB before, {peak} KiB while held (+{growth} KiB), {after} KiB {returned_after:?} after they closed; a 100 KiB head answered {long_head:?}; ListRegions {usual:?} alone, {during:?} meanwhile",
        held * HEAD / 1024
    );
    assert_eq!(answer, (200, String::new()));
    assert_eq!(long_head, Some(431), "a head past 64 KiB is refused");
    assert!(
        growth < growth_bound_kib,
        "held heads grew the server by {growth} KiB (bound {growth_bound_kib} KiB)"
    );
    assert!(
        after < baseline + 8 * 1024,
        "after closing: {after} KiB (baseline {baseline} KiB)"
    );
}

/// The status of the answer on `stream`, if one comes within `timeout`.
fn read_status(stream: &mut TcpStream, timeout: Duration) -> Option<u16> {
    use std::io::Read as _;
    stream.set_read_timeout(Some(timeout)).ok()?;
    let mut head = [0u8; 64];
    let n = stream.read(&mut head).ok()?;
    String::from_utf8_lossy(&head[..n])
        .split(' ')
        .nth(1)?
        .parse()
        .ok()
}
