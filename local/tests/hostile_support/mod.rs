//! Helpers of the hostile-client tests: hand-signed requests (raw HTTP or reqwest), `swas-local`
//! child processes, and the resident memory of a process.

#![allow(dead_code)]

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime};

use acs_runtime::sign::{self, v1};

/// A v1-signed form body for `action` with `extra` parameters; `nonce` and `timestamp` as given.
pub fn signed_body(
    action: &str,
    extra: &[(String, String)],
    nonce: &str,
    timestamp: &str,
) -> String {
    signed_body_as(("testid", "testsecret"), action, extra, nonce, timestamp)
}

/// [`signed_body`] with the AccessKey pair `(id, secret)`.
pub fn signed_body_as(
    (id, secret): (&str, &str),
    action: &str,
    extra: &[(String, String)],
    nonce: &str,
    timestamp: &str,
) -> String {
    let mut params: Vec<(String, String)> = [
        ("Action", action),
        ("Version", "2020-06-01"),
        ("Format", "JSON"),
        ("AccessKeyId", id),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
        ("SignatureNonce", nonce),
        ("Timestamp", timestamp),
    ]
    .into_iter()
    .map(|(n, v)| (n.to_owned(), v.to_owned()))
    .collect();
    params.extend(extra.iter().cloned());
    let signature = v1::signature(
        "POST",
        params.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        secret,
    );
    params.push(("Signature".to_owned(), signature));
    let mut body = String::new();
    for (i, (name, value)) in params.iter().enumerate() {
        if i > 0 {
            body.push('&');
        }
        sign::percent_encode(name, &mut body);
        body.push('=');
        sign::percent_encode(value, &mut body);
    }
    body
}

/// A signed body for `action` with a fresh nonce and the current time.
pub fn signed_now(action: &str, extra: &[(&str, &str)]) -> String {
    signed_body(action, &pairs(extra), &fresh_nonce(), &now_stamp())
}

pub fn now_stamp() -> String {
    sign::format_timestamp(SystemTime::now())
}

pub fn fresh_nonce() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

/// The raw HTTP/1.1 POST carrying `body` as a form.
pub fn raw_post(host: &str, body: &str) -> Vec<u8> {
    format!(
        "POST / HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// POSTs a form body on a new connection that closes after the answer; the status, `Code` and
/// `Message` of the answer, or `None` when none came within 5 s.
pub fn post_closing(host: &str, body: &str) -> Option<(u16, String, String)> {
    let request = format!(
        "POST / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut stream = connect_and_send(host, request.as_bytes()).ok()?;
    let (status, json) = read_answer(&mut stream, Duration::from_secs(5))?;
    let text = |field: &str| json[field].as_str().unwrap_or("").to_owned();
    Some((status, text("Code"), text("Message")))
}

/// POSTs a form body; returns the status and the JSON answer.
pub async fn post_json(url: &str, body: String) -> (u16, serde_json::Value) {
    try_post_json(url, body).await.expect("an answer")
}

/// [`post_json`], with a connection closed before any answer as `Err` (a client retries those).
pub async fn try_post_json(
    url: &str,
    body: String,
) -> Result<(u16, serde_json::Value), reqwest::Error> {
    let response = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .timeout(Duration::from_secs(30))
        .send()
        .await?;
    let status = response.status().as_u16();
    let bytes = response.bytes().await?;
    let json = serde_json::from_slice(&bytes).expect("a JSON body");
    Ok((status, json))
}

/// POSTs a form body on a new connection, waiting at most `timeout`; the status and `Code`
/// (empty on success) and how long it took, or why there was no answer.
pub async fn timed_post(
    url: &str,
    body: String,
    timeout: Duration,
) -> (Duration, Result<(u16, String), String>) {
    let started = std::time::Instant::now();
    let answer = async {
        let response = reqwest::Client::new()
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .timeout(timeout)
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let status = response.status().as_u16();
        let bytes = response.bytes().await.map_err(|e| e.to_string())?;
        let json: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
        Ok((status, json["Code"].as_str().unwrap_or("").to_owned()))
    }
    .await;
    (started.elapsed(), answer)
}

/// POSTs a form body; returns the status and the `Code` of the answer (empty on success).
pub async fn post(url: &str, body: String) -> (u16, String) {
    let (status, json) = post_json(url, body).await;
    (status, json["Code"].as_str().unwrap_or("").to_owned())
}

/// Reads an HTTP answer from `stream` until it closes or `timeout` passes; `None` when nothing
/// came back.
pub fn read_answer(stream: &mut TcpStream, timeout: Duration) -> Option<(u16, serde_json::Value)> {
    stream.set_read_timeout(Some(timeout)).ok()?;
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw);
    let status = text.split(' ').nth(1)?.parse().ok()?;
    let body = text.split("\r\n\r\n").nth(1)?;
    Some((status, serde_json::from_str(body).ok()?))
}

/// A `swas-local` child process; killed when dropped.
pub struct LocalServer {
    pub child: Child,
    pub url: String,
    pub stderr_file: std::path::PathBuf,
}

impl LocalServer {
    /// `host:port`.
    pub fn host(&self) -> &str {
        self.url.trim_start_matches("http://")
    }

    /// What the server wrote on stderr so far.
    pub fn stderr(&self) -> String {
        std::fs::read_to_string(&self.stderr_file).unwrap_or_default()
    }

    /// Resident memory of the server in KiB.
    pub fn rss_kib(&self) -> u64 {
        rss_kib(self.child.id())
    }
}

impl Drop for LocalServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `swas-local` binary the tests start: this build's, or `SWAS_LOCAL_BIN` when set (to
/// measure another build, e.g. the one before a fix, with the same tests).
pub fn local_binary() -> String {
    std::env::var("SWAS_LOCAL_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_swas-local").to_owned())
}

/// Starts `swas-local` with `args` through `sh -c` with `shell_prefix` run first (e.g. limits),
/// stderr to a file in `dir`; waits for its address.
pub fn spawn_local(dir: &Path, shell_prefix: &str, args: &[&str]) -> Result<LocalServer, String> {
    let stderr_file = dir.join(format!("stderr-{}.log", uuid::Uuid::new_v4().simple()));
    let stderr = std::fs::File::create(&stderr_file).map_err(|e| e.to_string())?;
    let mut command_line = format!("{shell_prefix} exec '{}'", local_binary());
    for arg in args {
        command_line.push_str(&format!(" '{arg}'"));
    }
    let mut child = Command::new("sh")
        .args(["-c", &command_line])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .map_err(|e| e.to_string())?;
    let stdout = child.stdout.take().ok_or("stdout is piped")?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx.recv_timeout(Duration::from_secs(20)).unwrap_or_default();
    let url = line.trim().to_owned();
    if !url.starts_with("http://127.0.0.1:") {
        let _ = child.kill();
        let status = child.wait().map_err(|e| e.to_string())?;
        let stderr = std::fs::read_to_string(&stderr_file).unwrap_or_default();
        return Err(format!("exit {status}: {stderr}"));
    }
    Ok(LocalServer {
        child,
        url,
        stderr_file,
    })
}

/// Open file descriptors of process `pid` (0 when unknown): a server's connections show here
/// from the moment it closes them, whether or not the peer has read what was sent.
pub fn open_fds(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd")).map_or(0, |dir| dir.count())
}

/// `VmRSS` of process `pid` in KiB (0 when unknown).
pub fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// Writes all of `bytes` to a new connection to `host`.
pub fn connect_and_send(host: &str, bytes: &[u8]) -> std::io::Result<TcpStream> {
    let mut stream = TcpStream::connect(host)?;
    stream.set_nodelay(true)?;
    stream.write_all(bytes)?;
    Ok(stream)
}

/// (soft, hard) open-files limits of this process, from `/proc/self/limits`.
pub fn open_files_limits() -> (u64, u64) {
    let limits = std::fs::read_to_string("/proc/self/limits").unwrap_or_default();
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .unwrap_or("");
    let mut numbers = line
        .split_whitespace()
        .skip(3)
        .map(|v| v.parse().unwrap_or(u64::MAX));
    (
        numbers.next().unwrap_or(1024),
        numbers.next().unwrap_or(1024),
    )
}

/// Raises this process's soft open-files limit to `want` (at most the hard limit) with
/// util-linux `prlimit`; returns the soft limit in force afterwards. Children started later
/// inherit it.
pub fn raise_open_files_limit(want: u64) -> u64 {
    let (soft, hard) = open_files_limits();
    if soft >= want {
        return soft;
    }
    let target = want.min(hard);
    let _ = Command::new("prlimit")
        .arg("--pid")
        .arg(std::process::id().to_string())
        .arg(format!("--nofile={target}:{hard}"))
        .status();
    open_files_limits().0
}
