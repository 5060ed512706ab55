//! A minimal HTTP/1.1 server on `127.0.0.1` for the fakes: one async handler, request bodies up
//! to 1 MiB, stopped when dropped; and a [`BlackHole`] address, where connecting never completes
//! (as an unreachable metadata service in an isolated network).

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::Incoming;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::watch;

use crate::decode::{decode_pairs, visible_headers};

const MAX_BODY_BYTES: usize = 1024 * 1024;

/// A received request.
#[derive(Clone, Debug)]
pub struct FakeRequest {
    /// `GET`, `PUT`, `POST`.
    pub method: String,
    /// The path, as received.
    pub path: String,
    /// Query and `application/x-www-form-urlencoded` body parameters, decoded, in order.
    pub params: Vec<(String, String)>,
    /// Headers, names lower-case.
    pub headers: Vec<(String, String)>,
}

impl FakeRequest {
    /// The first parameter named `name`.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// An answer.
#[derive(Clone, Debug)]
pub struct FakeResponse {
    /// The status.
    pub status: u16,
    /// The body.
    pub body: Vec<u8>,
}

impl FakeResponse {
    /// `status` with a JSON body.
    pub fn json(status: u16, value: &serde_json::Value) -> Self {
        Self {
            status,
            body: value.to_string().into_bytes(),
        }
    }

    /// `status` with a plain-text body.
    pub fn text(status: u16, text: impl Into<String>) -> Self {
        Self {
            status,
            body: text.into().into_bytes(),
        }
    }
}

/// What a fake does with a request.
pub type Handler =
    Arc<dyn Fn(FakeRequest) -> Pin<Box<dyn Future<Output = FakeResponse> + Send>> + Send + Sync>;

/// A running fake; dropping it stops it.
#[derive(Debug)]
pub struct FakeServer {
    addr: SocketAddr,
    shutdown: watch::Sender<bool>,
}

impl FakeServer {
    /// Listens on `127.0.0.1:0` and serves `handler` in the background.
    pub async fn start(handler: Handler) -> std::io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let (shutdown, mut stop) = watch::channel(false);
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    accepted = listener.accept() => {
                        let Ok((stream, _)) = accepted else { continue };
                        let handler = Arc::clone(&handler);
                        let mut stop = stop.clone();
                        tokio::spawn(async move {
                            let service = hyper::service::service_fn(move |request| {
                                let handler = Arc::clone(&handler);
                                async move { serve(handler, request).await }
                            });
                            let connection = hyper::server::conn::http1::Builder::new()
                                .serve_connection(TokioIo::new(stream), service);
                            tokio::select! {
                                _ = connection => {}
                                _ = stop.changed() => {}
                            }
                        });
                    }
                    _ = stop.changed() => break,
                }
            }
        });
        Ok(Self { addr, shutdown })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
    }
}

async fn serve(
    handler: Handler,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, std::convert::Infallible> {
    let (parts, body) = request.into_parts();
    let body = match Limited::new(body, MAX_BODY_BYTES).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return Ok(plain(FakeResponse::text(413, "body too large"))),
    };
    let mut params = match decode_pairs(parts.uri.query().unwrap_or("").as_bytes(), "query string")
    {
        Ok(pairs) => pairs,
        Err(e) => {
            return Ok(plain(FakeResponse::text(
                400,
                format!("{} {}", e.what, e.reason),
            )))
        }
    };
    let form = parts
        .headers
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if form {
        match decode_pairs(&body, "form body") {
            Ok(pairs) => params.extend(pairs),
            Err(e) => {
                return Ok(plain(FakeResponse::text(
                    400,
                    format!("{} {}", e.what, e.reason),
                )))
            }
        }
    }
    let headers = visible_headers(&parts.headers);
    let request = FakeRequest {
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        params,
        headers,
    };
    Ok(plain(handler(request).await))
}

fn plain(response: FakeResponse) -> Response<Full<Bytes>> {
    let mut out = Response::new(Full::new(Bytes::from(response.body)));
    *out.status_mut() = hyper::StatusCode::from_u16(response.status)
        .unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    out.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json"),
    );
    out
}

/// A `127.0.0.1` port where connection attempts get no answer at all: the listener's accept
/// queue is full and never drained, so the kernel drops every new SYN and a client waits for
/// its connect timeout, exactly as with a black-holed address. Dropping it frees the port.
#[derive(Debug)]
pub struct BlackHole {
    addr: SocketAddr,
    _listener: TcpListener,
    _queued: Vec<TcpStream>,
}

impl BlackHole {
    /// How long one filling connection may take before the queue counts as full.
    const FILL_WAIT: std::time::Duration = std::time::Duration::from_millis(100);
    /// At most this many connections fill the queue (Linux queues backlog + 1 = 1).
    const MAX_FILL: usize = 8;

    /// Binds a port with an accept backlog of 0 and fills its queue.
    pub async fn start() -> std::io::Result<Self> {
        let socket = TcpSocket::new_v4()?;
        socket.bind(SocketAddr::from(([127, 0, 0, 1], 0)))?;
        let listener = socket.listen(0)?;
        let addr = listener.local_addr()?;
        let mut queued = Vec::new();
        for _ in 0..Self::MAX_FILL {
            match tokio::time::timeout(Self::FILL_WAIT, TcpStream::connect(addr)).await {
                Ok(Ok(stream)) => queued.push(stream),
                Ok(Err(e)) => return Err(e),
                Err(_) => {
                    return Ok(Self {
                        addr,
                        _listener: listener,
                        _queued: queued,
                    })
                }
            }
        }
        Err(std::io::Error::other(
            "the accept queue did not fill: this system does not drop connections to a full listener",
        ))
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}
