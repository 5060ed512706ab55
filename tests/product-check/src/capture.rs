//! A server that accepts one connection on 127.0.0.1, reads one HTTP/1.1 request, answers it
//! with a fixed JSON body and hands the raw request back. Every wait is bounded.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long the server waits for its one connection before giving up.
const ACCEPT_DEADLINE: Duration = Duration::from_secs(20);
/// Read and write timeout on the accepted connection.
const IO_TIMEOUT: Duration = Duration::from_secs(10);
/// How long reading one whole request may take, however the bytes trickle in.
const REQUEST_DEADLINE: Duration = Duration::from_secs(20);
/// Largest request head accepted.
const MAX_HEAD: usize = 64 * 1024;
/// Largest request body accepted.
const MAX_BODY: usize = 1024 * 1024;

/// One request as received: nothing parsed beyond the request line, headers and body.
#[derive(Clone, Debug)]
pub struct CapturedRequest {
    pub method: String,
    /// The request target: path and query, as sent (`/?Action=...`).
    pub target: String,
    /// Header names in lowercase, values trimmed, in the order received.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl CapturedRequest {
    /// The first header of this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What the server answers its one request with.
#[derive(Clone, Debug)]
pub struct Answer {
    pub status: u16,
    /// Headers besides `content-length` and `connection`, which the server writes itself.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    /// `200` with a JSON body.
    pub fn json(body: &str) -> Self {
        Self {
            status: 200,
            headers: vec![(
                "content-type".to_owned(),
                "application/json;charset=utf-8".to_owned(),
            )],
            body: body.as_bytes().to_vec(),
        }
    }

    /// The answer as written on the connection.
    fn to_bytes(&self) -> Vec<u8> {
        let mut head = format!("HTTP/1.1 {} Answer\r\n", self.status);
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        // A 204 has no body and, per RFC 9110, no content-length either.
        if self.status != 204 {
            head.push_str(&format!("content-length: {}\r\n", self.body.len()));
        }
        head.push_str("connection: close\r\n\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(&self.body);
        bytes
    }
}

/// The server; [`request`](Self::request) or [`assert_no_connection`](Self::assert_no_connection)
/// ends it.
pub struct CaptureServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: JoinHandle<Result<Option<CapturedRequest>, String>>,
}

impl CaptureServer {
    /// Listens on 127.0.0.1 (any free port) and answers the one request with `200` and
    /// `json_body`.
    pub fn start(json_body: &str) -> std::io::Result<Self> {
        Self::start_answer(Answer::json(json_body))
    }

    /// Listens on 127.0.0.1 (any free port) and answers the one request with `answer`.
    pub fn start_answer(answer: Answer) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let body = answer.to_bytes();
        let thread = {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || serve_one(&listener, &stop, &body))
        };
        Ok(Self { addr, stop, thread })
    }

    /// The endpoint to give the client: `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The request received (waits at most the accept deadline for it).
    pub fn request(self) -> Result<CapturedRequest, String> {
        self.join()?
            .ok_or_else(|| "no request arrived before the deadline".to_owned())
    }

    /// Stops the server and fails if anything connected to it.
    pub fn assert_no_connection(self) -> Result<(), String> {
        self.stop.store(true, Ordering::SeqCst);
        match self.join()? {
            None => Ok(()),
            Some(request) => Err(format!(
                "a request reached the server: {} {}",
                request.method, request.target
            )),
        }
    }

    fn join(self) -> Result<Option<CapturedRequest>, String> {
        self.thread
            .join()
            .map_err(|_| "the capture server thread panicked".to_owned())?
    }
}

fn serve_one(
    listener: &TcpListener,
    stop: &AtomicBool,
    body: &[u8],
) -> Result<Option<CapturedRequest>, String> {
    let deadline = Instant::now() + ACCEPT_DEADLINE;
    let stream = loop {
        match listener.accept() {
            Ok((stream, _)) => break stream,
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                // Checked after a failed accept, so a connection already queued is still seen.
                if stop.load(Ordering::SeqCst) || Instant::now() >= deadline {
                    return Ok(None);
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(format!("accept failed: {e}")),
        }
    };
    handle(stream, body).map(Some)
}

fn handle(mut stream: TcpStream, answer: &[u8]) -> Result<CapturedRequest, String> {
    stream
        .set_nonblocking(false)
        .and_then(|()| stream.set_read_timeout(Some(IO_TIMEOUT)))
        .and_then(|()| stream.set_write_timeout(Some(IO_TIMEOUT)))
        .map_err(|e| format!("configuring the connection: {e}"))?;
    let deadline = Instant::now() + REQUEST_DEADLINE;
    let mut buffer = Vec::new();
    let head_end = loop {
        if let Some(i) = find(&buffer, b"\r\n\r\n") {
            break i;
        }
        if buffer.len() > MAX_HEAD {
            return Err(format!("request head longer than {MAX_HEAD} bytes"));
        }
        read_some(&mut stream, &mut buffer, deadline)?;
    };
    let head = std::str::from_utf8(&buffer[..head_end])
        .map_err(|_| "request head is not UTF-8".to_owned())?;
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let (method, target) = match (parts.next(), parts.next(), parts.next()) {
        (Some(m), Some(t), Some("HTTP/1.1")) => (m.to_owned(), t.to_owned()),
        _ => return Err(format!("not an HTTP/1.1 request line: {request_line:?}")),
    };
    let mut headers = Vec::new();
    for line in lines {
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| format!("malformed header line: {line:?}"))?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let length = match headers.iter().find(|(n, _)| n == "content-length") {
        Some((_, v)) => v
            .parse::<usize>()
            .map_err(|_| format!("bad Content-Length {v:?}"))?,
        None => 0,
    };
    if length > MAX_BODY {
        return Err(format!("body of {length} bytes is over {MAX_BODY}"));
    }
    let body_start = head_end + 4;
    while buffer.len() < body_start + length {
        read_some(&mut stream, &mut buffer, deadline)?;
    }
    let request_body = buffer[body_start..body_start + length].to_vec();

    stream
        .write_all(answer)
        .and_then(|()| stream.flush())
        .map_err(|e| format!("writing the answer: {e}"))?;
    Ok(CapturedRequest {
        method,
        target,
        headers,
        body: request_body,
    })
}

fn read_some(
    stream: &mut TcpStream,
    buffer: &mut Vec<u8>,
    deadline: Instant,
) -> Result<(), String> {
    if Instant::now() >= deadline {
        return Err(format!(
            "the request took longer than {REQUEST_DEADLINE:?} to arrive"
        ));
    }
    let mut chunk = [0u8; 8192];
    match stream.read(&mut chunk) {
        Ok(0) => Err("the client closed the connection mid-request".to_owned()),
        Ok(n) => {
            buffer.extend_from_slice(&chunk[..n]);
            Ok(())
        }
        Err(e) => Err(format!("reading the request: {e}")),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_request_is_captured_and_answered() {
        let server = CaptureServer::start(r#"{"ok":true}"#).expect("starts");
        let mut stream = TcpStream::connect(server.addr).expect("connects");
        stream
            .set_read_timeout(Some(IO_TIMEOUT))
            .expect("read timeout");
        stream
            .write_all(b"POST /?Action=X HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\na=b")
            .expect("writes");
        let mut answer = String::new();
        stream
            .read_to_string(&mut answer)
            .expect("reads the answer");
        assert!(answer.starts_with("HTTP/1.1 200 Answer\r\n"), "{answer}");
        assert!(answer.ends_with("\r\n\r\n{\"ok\":true}"), "{answer}");

        let request = server.request().expect("captured");
        assert_eq!(request.method, "POST");
        assert_eq!(request.target, "/?Action=X");
        assert_eq!(request.header("HOST"), Some("h"));
        assert_eq!(request.body, b"a=b");
    }

    #[test]
    fn assert_no_connection_fails_once_something_connected() {
        let idle = CaptureServer::start("{}").expect("starts");
        assert_eq!(idle.assert_no_connection(), Ok(()));

        let server = CaptureServer::start("{}").expect("starts");
        let mut stream = TcpStream::connect(server.addr).expect("connects");
        stream.write_all(b"GET / HTTP/1.1\r\n\r\n").expect("writes");
        let mut answer = Vec::new();
        stream.set_read_timeout(Some(IO_TIMEOUT)).expect("timeout");
        stream.read_to_end(&mut answer).expect("reads the answer");
        assert!(server.assert_no_connection().is_err());
    }

    #[test]
    fn an_oversized_body_is_refused_without_reading_it() {
        let server = CaptureServer::start("{}").expect("starts");
        let mut stream = TcpStream::connect(server.addr).expect("connects");
        let head = format!(
            "POST / HTTP/1.1\r\nContent-Length: {}\r\n\r\n",
            MAX_BODY + 1
        );
        stream.write_all(head.as_bytes()).expect("writes");
        let error = server.request().expect_err("refused");
        assert!(error.contains("over"), "{error}");
    }
}
