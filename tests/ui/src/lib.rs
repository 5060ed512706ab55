//! The trybuild cases live in `pass/` and `fail/`, run by `tests/compile.rs`; the bad specs the
//! `fail/spec_*` cases expand are in `bad-specs/` (also used by `acs-codegen`'s CLI tests).
