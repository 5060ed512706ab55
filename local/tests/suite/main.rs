//! swas-local's integration tests, one module per subject, in one test binary: one compile and
//! link instead of nineteen, and the tests that wait on timers overlap. `hostile_connections`
//! stays a binary of its own: it counts the process's open descriptors.

#[path = "../common/mod.rs"]
mod common;
#[path = "../creds_common/mod.rs"]
mod creds_common;
#[path = "../hostile_support/mod.rs"]
mod hostile_support;

mod auth;
mod catalog;
mod cli;
mod create_instances;
mod credentials_hostile;
mod credentials_refresh;
mod credentials_sources;
mod credentials_tracing;
mod faults;
mod fluent_client;
mod garbage;
mod hostile_fuzz_regressions;
mod hostile_requests;
mod hostile_state;
mod idempotency;
mod mock_and_streams;
mod paginate;
mod restart;
mod waiters;
