//! Client code generated from the ROA fixture specs in `specs/`, shaped like Container Service
//! (`cs.json`) and Function Compute 3.0 (`fc.json`) operations. Built here with
//! `deny(missing_docs)`, as a product facade would build it; exercised over real HTTP by
//! `tests/e2e.rs`. The specs are also the generator's ROA snapshots
//! (`codegen/tests/snapshots_roa.rs`).

#![deny(missing_docs)]

/// Container Service shaped operations (`specs/cs.json`).
pub mod cs {
    acs_macros::generate!("specs/cs.json");
}

/// Function Compute 3.0 shaped operations (`specs/fc.json`).
pub mod fc {
    acs_macros::generate!("specs/fc.json");
}
