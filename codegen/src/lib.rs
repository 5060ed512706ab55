//! Spec model, spec checks and code generation for Alibaba Cloud RPC-style APIs.
//!
//! The pipeline is `JSON spec → spec model (spec) → spec checks (check) → code (generate)`.
//! The `acs-macros` proc macro and the `acs-codegen` CLI are thin shells over [`load_spec`] and
//! [`generate()`]; snapshot tests call them directly. The maintainers' tools — pretty-printing,
//! vendor import (`import`), the change report (`diff`) and the CLI — sit behind the default
//! `tools` feature, which the proc macro does not enable.

pub mod check;
pub mod check_waiters;
pub mod diagnostics;
#[cfg(feature = "tools")]
pub mod diff;
pub mod generate;
#[cfg(feature = "tools")]
pub mod import;
pub mod naming;
pub mod spec;

use std::path::Path;

pub use diagnostics::SpecError;
pub use generate::{generate, generate_operation, Options};
pub use spec::ServiceSpec;

/// Parses and checks spec text. `file` is how errors name the file.
pub fn parse_spec(file: &str, text: &str) -> Result<ServiceSpec, Vec<SpecError>> {
    let mut diags = diagnostics::Diagnostics::new(file);
    let spec = spec::parse::parse_spec(text, &mut diags);
    if let Some(spec) = &spec {
        check::check_spec(spec, &mut diags);
    }
    match spec {
        Some(spec) if !diags.has_errors() => Ok(spec),
        _ => Err(diags.into_errors()),
    }
}

/// Reads, parses and checks a spec file. `display_name` is how errors name it.
pub fn load_spec(path: &Path, display_name: &str) -> Result<ServiceSpec, Vec<SpecError>> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse_spec(display_name, &text),
        Err(e) => Err(vec![SpecError {
            file: display_name.to_owned(),
            pointer: String::new(),
            line_column: None,
            message: format!("cannot read spec file {}: {e}", path.display()),
        }]),
    }
}

#[cfg(feature = "tools")]
/// Pretty-printed Rust source of generated tokens (what `acs-codegen expand` prints and the
/// snapshot tests compare).
pub fn pretty(tokens: proc_macro2::TokenStream) -> Result<String, syn::Error> {
    let file: syn::File = syn::parse2(tokens)?;
    Ok(prettyplease::unparse(&file))
}
