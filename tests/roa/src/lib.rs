//! ROA end-to-end tests live in `tests/`; the fixture specs in `specs/` are shaped like
//! Container Service (`cs.json`) and Function Compute 3.0 (`fc.json`) operations and are also
//! the generator's ROA snapshots (`codegen/tests/snapshots_roa.rs`).
