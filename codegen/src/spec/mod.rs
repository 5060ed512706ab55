//! Spec files: the model and the JSON reader.

pub mod model;
pub mod parse;
pub mod waiters;

pub use model::*;
