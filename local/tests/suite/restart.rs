//! The `swas-local` binary with `--state`: killed with SIGKILL mid-run and restarted on the same
//! state file, it has lost no acknowledged instance and re-creates nothing for a token it already
//! answered.

use crate::common;

use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use acs_runtime::client::Client;
use acs_runtime::error::Error;
use acs_runtime::{Credentials, RetryConfig};
use common::*;
use swas::{ListInstanceStatus, ListInstances, StartInstance, StopInstance};
use tokio::sync::Mutex;

/// A running `swas-local` child; killed (SIGKILL) when dropped.
struct Child9 {
    child: Child,
    url: String,
}

impl Drop for Child9 {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spawn(state: &std::path::Path, extra: &[&str]) -> Child9 {
    let mut child = Command::new(env!("CARGO_BIN_EXE_swas-local"))
        .args(["--listen", "127.0.0.1:0", "--state"])
        .arg(state)
        // 40 tokens × 2 instances exceed the page's quota of 50.
        .args(["--quota", "1000"])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("swas-local starts");
    let stdout = child.stdout.take().expect("stdout is piped");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the address within 20 s");
    let url = line.trim().to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "first line: {url:?}");
    Child9 { child, url }
}

fn client(url: &str) -> Client {
    Client::builder()
        .endpoint(url)
        .credentials(Credentials::new("testid", "testsecret"))
        .retry(RetryConfig::disabled())
        .read_timeout(Duration::from_secs(5))
        .build()
        .expect("client")
}

async fn list_all(client: &Client) -> Vec<String> {
    acs_runtime::paginate::fetch_all_items(
        &ListInstances::builder()
            .region_id("cn-hangzhou")
            .page_size(max_page_size("ListInstances"))
            .build(),
        |page| {
            let client = client.clone();
            async move { client.send(&page).await }
        },
    )
    .await
    .expect("ListInstances")
    .into_iter()
    .filter_map(|i| i.instance_id)
    .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_and_restart_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("swas-state.json");
    const TOKENS: usize = 40;
    let tokens: Vec<String> = (0..TOKENS)
        .map(|i| format!("restart-token-{i:03}"))
        .collect();

    // Run 1: four workers create 2 instances per token; some latency so calls are in flight when
    // the process is killed.
    let first = spawn(&state, &["--latency-ms", "5"]);
    let client1 = client(&first.url);
    let acknowledged: Arc<Mutex<BTreeMap<String, Vec<String>>>> = Arc::default();
    let queue = Arc::new(Mutex::new(tokens.clone()));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..4 {
        let client = client1.clone();
        let queue = Arc::clone(&queue);
        let acknowledged = Arc::clone(&acknowledged);
        workers.spawn(async move {
            loop {
                let Some(token) = queue.lock().await.pop() else {
                    break;
                };
                let request = order(PLAN, IMAGE)
                    .amount(2)
                    .client_token(token.clone())
                    .build();
                match client.send(&request).await {
                    Ok(output) => {
                        acknowledged.lock().await.insert(token, output.instance_ids);
                    }
                    // The process died under us: stop.
                    Err(Error::Transport { .. } | Error::Timeout { .. }) => break,
                    Err(other) => panic!("unexpected error: {other}"),
                }
            }
        });
    }
    // Kill -9 once some orders are acknowledged, while others are in flight.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while acknowledged.lock().await.len() < 10 {
        assert!(tokio::time::Instant::now() < deadline, "no progress");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    drop(first); // SIGKILL
    while workers.join_next().await.is_some() {}
    let acknowledged = acknowledged.lock().await.clone();
    assert!(
        acknowledged.len() >= 10 && acknowledged.len() < TOKENS,
        "{}",
        acknowledged.len()
    );

    // Run 2 on the same state file, on a new port.
    let second = spawn(&state, &[]);
    let client2 = client(&second.url);
    let before: HashSet<String> = list_all(&client2).await.into_iter().collect();
    for ids in acknowledged.values() {
        for id in ids {
            assert!(before.contains(id), "acknowledged instance {id} was lost");
        }
    }
    // Retry every token with its same parameters: acknowledged ones answer the same ids, the
    // ones whose answer was lost are either created now or found committed.
    let mut all_ids = Vec::new();
    for token in &tokens {
        let request = order(PLAN, IMAGE)
            .amount(2)
            .client_token(token.clone())
            .build();
        let output = client2.send(&request).await.expect("retry succeeds");
        assert_eq!(output.instance_ids.len(), 2);
        if let Some(ids) = acknowledged.get(token) {
            assert_eq!(
                &output.instance_ids, ids,
                "token {token} answered differently"
            );
        }
        all_ids.extend(output.instance_ids);
    }
    let listed = list_all(&client2).await;
    let listed_set: HashSet<&String> = listed.iter().collect();
    assert_eq!(listed.len(), TOKENS * 2, "exactly two instances per token");
    assert_eq!(listed_set.len(), TOKENS * 2);
    assert_eq!(listed_set, all_ids.iter().collect::<HashSet<_>>());

    // A third start, after a graceful stop (SIGTERM), still has everything.
    #[cfg(unix)]
    {
        let mut second = second;
        let pid = second.child.id().to_string();
        let status = Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill -TERM");
        assert!(status.success());
        let exit = wait_with_timeout(&mut second.child, Duration::from_secs(10));
        assert!(exit.is_some_and(|s| s.success()), "graceful exit: {exit:?}");
    }
    let third = spawn(&state, &[]);
    assert_eq!(list_all(&client(&third.url)).await.len(), TOKENS * 2);
}

fn wait_with_timeout(child: &mut Child, timeout: Duration) -> Option<std::process::ExitStatus> {
    let deadline = std::time::Instant::now() + timeout;
    while std::time::Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

/// A stop is answered only once it is on disk: killed with SIGKILL right after the answer and
/// restarted on the same file, the instance is still `Stopped`, and can be started again. (The new
/// state used to live in memory only, so the instance came back `Running`.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_survives_kill_9_and_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let server = spawn(&state, &[]);
    let first = client(&server.url);
    let created = first.send(&page_example()).await.expect("created");
    let id = created.instance_ids[0].clone();
    first
        .send(
            &StopInstance::builder()
                .region_id("cn-hangzhou")
                .instance_id(id.clone())
                .build(),
        )
        .await
        .expect("stopped");
    drop(server);

    let restarted = spawn(&state, &[]);
    let second = client(&restarted.url);
    let statuses = || {
        let second = second.clone();
        async move {
            second
                .send(
                    &ListInstanceStatus::builder()
                        .region_id("cn-hangzhou")
                        .build(),
                )
                .await
                .expect("statuses")
                .instance_statuses
                .into_iter()
                .map(|s| {
                    (
                        s.instance_id.unwrap_or_default(),
                        s.status.unwrap_or_default(),
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(statuses().await, [(id.clone(), "Stopped".to_owned())]);
    second
        .send(
            &StartInstance::builder()
                .region_id("cn-hangzhou")
                .instance_id(id.clone())
                .build(),
        )
        .await
        .expect("started again");
    assert_eq!(statuses().await, [(id, "Running".to_owned())]);
}
