//! The overall deadline against hostile servers: a body dripped one byte at a time is cut off,
//! and `x-acs-retry-after` never makes a call outlive its deadline.

use crate::common;

use std::time::{Duration, Instant};

use acs_runtime::client::{Client, DEFAULT_OPERATION_DEADLINE};
use acs_runtime::{Credentials, Error, RetryConfig};
use common::CreateThing;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A server on 127.0.0.1 that answers every connection with `head`, then writes `body` one byte
/// every `every`.
async fn dripping_server(head: String, body: &'static [u8], every: Duration) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let head = head.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 8192];
                // Read the request head (the body is empty).
                let _ = socket.read(&mut buf).await;
                if socket.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                for byte in body {
                    tokio::time::sleep(every).await;
                    if socket.write_all(&[*byte]).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    format!("http://{addr}")
}

fn client(url: &str, deadline: Option<Duration>, retry: RetryConfig) -> Client {
    Client::builder()
        .endpoint(url)
        .credentials(Credentials::new("testid", "testsecret"))
        .read_timeout(Duration::from_secs(10))
        .operation_deadline(deadline)
        .retry(retry)
        .build()
        .expect("client")
}

const BODY: &[u8] = br#"{"RequestId":"R","InstanceIds":["i-1"]}"#;

#[tokio::test]
async fn a_dripped_body_is_cut_off_at_the_deadline() {
    // 40 bytes at one per 100 ms would take 4 s; each chunk arrives well inside the 10 s read
    // timeout, so only the overall deadline can end it.
    let head = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        BODY.len()
    );
    let url = dripping_server(head, BODY, Duration::from_millis(100)).await;
    let client = client(&url, Some(Duration::from_millis(700)), RetryConfig::new());
    let started = Instant::now();
    let result = client.send(&CreateThing::default()).await;
    let elapsed = started.elapsed();
    match result {
        Err(Error::Timeout {
            attempts,
            elapsed: reported,
            client_token,
        }) => {
            assert_eq!(attempts, 1);
            assert!(reported >= Duration::from_millis(700), "{reported:?}");
            assert_eq!(
                client_token.as_deref(),
                Some("123e4567-e89b-12d3-a456-426655440000")
            );
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert!(
        elapsed >= Duration::from_millis(700) && elapsed < Duration::from_millis(1500),
        "{elapsed:?}"
    );
}

#[tokio::test]
async fn without_a_deadline_the_same_body_is_read_to_the_end() {
    let head = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        BODY.len()
    );
    let url = dripping_server(head, BODY, Duration::from_millis(10)).await;
    let client = client(&url, None, RetryConfig::new());
    let started = Instant::now();
    let output = client.send(&CreateThing::default()).await.expect("read");
    assert_eq!(output.instance_ids, vec!["i-1".to_owned()]);
    assert!(
        started.elapsed() >= Duration::from_millis(10 * BODY.len() as u64),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_retry_after_past_the_deadline_is_not_waited_for() {
    // The server asks for 59 s: within the retry-after cap of 60 s, but past a 2 s deadline.
    let body = br#"{"RequestId":"R","Code":"Throttling.User","Message":"slow down"}"#;
    let head = format!(
        "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\nx-acs-retry-after: 59000\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    let url = dripping_server(head, body, Duration::ZERO).await;
    let client = client(
        &url,
        Some(Duration::from_secs(2)),
        RetryConfig::new().with_max_retry_after(Duration::from_secs(60)),
    );
    let started = Instant::now();
    let error = client
        .send(&CreateThing::default())
        .await
        .expect_err("throttled");
    assert!(
        started.elapsed() < Duration::from_millis(1000),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(error.code(), Some("Throttling.User"));
    assert_eq!(
        error.common(),
        Some(acs_runtime::CommonError::ThrottlingUser)
    );
    assert!(matches!(error, Error::Service { attempts: 1, .. }));
}

#[tokio::test]
async fn the_default_retry_after_cap_ends_a_59_second_wait_at_once() {
    let body = br#"{"RequestId":"R","Code":"Throttling.User","Message":"slow down"}"#;
    let head = format!(
        "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\nx-acs-retry-after: 59000\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    let url = dripping_server(head, body, Duration::ZERO).await;
    // Every default: deadline 60 s, retry-after cap 20 s.
    let client = Client::builder()
        .endpoint(&url)
        .credentials(Credentials::new("testid", "testsecret"))
        .build()
        .expect("client");
    assert_eq!(
        client.operation_deadline(),
        Some(DEFAULT_OPERATION_DEADLINE)
    );
    assert_eq!(
        client.retry_config().max_retry_after(),
        Duration::from_secs(20)
    );
    let started = Instant::now();
    let error = client
        .send(&CreateThing::default())
        .await
        .expect_err("throttled");
    assert!(
        started.elapsed() < Duration::from_millis(1000),
        "{:?}",
        started.elapsed()
    );
    assert!(matches!(error, Error::Service { attempts: 1, .. }));
}

#[tokio::test]
async fn a_short_retry_after_is_honoured_inside_the_deadline() {
    let body = br#"{"RequestId":"R","Code":"Throttling.User","Message":"slow down"}"#;
    let head = format!(
        "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\nx-acs-retry-after: 300\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    let url = dripping_server(head, body, Duration::ZERO).await;
    let client = client(
        &url,
        Some(Duration::from_secs(5)),
        RetryConfig::new().with_max_attempts(3),
    );
    let started = Instant::now();
    let error = client
        .send(&CreateThing::default())
        .await
        .expect_err("always throttled");
    let elapsed = started.elapsed();
    // Two waits of 300 ms between three attempts.
    assert!(
        elapsed >= Duration::from_millis(600) && elapsed < Duration::from_millis(2500),
        "{elapsed:?}"
    );
    assert!(matches!(error, Error::Service { attempts: 3, .. }));
}
