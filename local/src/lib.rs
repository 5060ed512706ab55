//! `swas-local`: a faithful local stand-in for the SWAS-OPEN (Simple Application Server) service,
//! API version `2020-06-01`.
//!
//! * Real HTTP/1.1 on TCP with keep-alive; RPC calls by `GET` or `POST`, parameters in the query
//!   and/or an `application/x-www-form-urlencoded` body.
//! * Every request authenticated with signature v1 (`HMAC-SHA1`) or V3 (`ACS3-HMAC-SHA256`), with
//!   timestamp window and nonce replay checks ([`auth`]).
//! * CreateInstances with the reference page's rules: the generated `from_wire` + `validate()`
//!   first, then plan/image/platform/disk/quota/stock/balance on the server, idempotent on
//!   `ClientToken` ([`ops`]); ListRegions, ListPlans, ListImages and ListInstances from a catalogue
//!   ([`catalog`]).
//! * Optional durable state (`--state FILE`, [`state`]): one server per file (a lock on the file
//!   itself), checked for type and size before it is read,
//!   checked on load, proven writable at start; an order is answered only once it is on disk,
//!   and runs to completion even if its client goes away ([`commit`]). Seeded fault injection
//!   ([`faults`]).
//! * Bounded under hostile clients: a connection limit where a new client sheds the least
//!   recently answered connection, header (idle), body and write deadlines, a bound on each head
//!   and on all heads together, bodies copied as they arrive up to a size limit, lists of at
//!   most 100 items, nonces of at most 64 characters in a bounded cache per AccessKey ID
//!   ([`server`], [`auth`]).
//! * Errors are Alibaba-shaped JSON ([`error`]).
//!
//! In-process use (tests, benchmarks, examples):
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let server = swas_local::Server::start(swas_local::Config::default()).await?;
//! println!("listening on {}", server.url()); // http://127.0.0.1:PORT, key testid:testsecret
//! server.shutdown().await;
//! # Ok(()) }
//! ```

#![warn(missing_docs)]

mod accept;
pub mod auth;
pub mod catalog;
pub mod commit;
mod connections;
pub mod decode;
pub mod error;
pub mod fakes;
pub mod faults;
pub mod lifecycle;
pub mod ops;
pub mod report;
pub mod server;
pub mod state;
pub mod state_file;

pub use catalog::Catalog;
pub use error::ApiError;
pub use faults::Faults;
pub use server::{Config, RunningServer, Server, StartError, DEFAULT_ACCESS_KEY};
