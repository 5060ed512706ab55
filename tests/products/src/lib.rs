//! Nothing but tests: `tests/main_operation.rs`, one module per RPC product crate.
