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

/// Parse → check → generate in one call: the whole pipeline behind the macro, on spec bytes.
///
/// Never panics, whatever the bytes (the fuzz target drives exactly this): invalid UTF-8, a
/// malformed or invalid spec, and `options.operations` naming an operation the spec does not
/// have are all `Err` with every problem found.
pub fn expand_bytes(
    file: &str,
    bytes: &[u8],
    options: &Options,
) -> Result<proc_macro2::TokenStream, Vec<SpecError>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![SpecError {
            file: file.to_owned(),
            pointer: String::new(),
            line_column: None,
            message: format!("the spec is not UTF-8 text: {e}"),
        }]
    })?;
    expand_str(file, text, options)
}

/// [`expand_bytes`] on text.
pub fn expand_str(
    file: &str,
    text: &str,
    options: &Options,
) -> Result<proc_macro2::TokenStream, Vec<SpecError>> {
    let spec = parse_spec(file, text)?;
    let unknown = generate::unknown_operations(&spec, options);
    if !unknown.is_empty() {
        return Err(unknown
            .into_iter()
            .map(|name| SpecError {
                file: file.to_owned(),
                pointer: String::new(),
                line_column: None,
                message: format!("`{name}` is not an operation of this spec"),
            })
            .collect());
    }
    Ok(generate(&spec, options))
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
///
/// What the generated code wraps in the runtime's feature macros — `rt::__server! { … }`,
/// `rt::__test_util! { … }`, `rt::__serialize! { … }`, compiled only with the runtime's feature
/// of that name — is shown as the items it holds, each under `#[cfg(feature = "…")]`: a macro's
/// body would otherwise print as one unformatted run.
pub fn pretty(tokens: proc_macro2::TokenStream) -> Result<String, syn::Error> {
    let mut file: syn::File = syn::parse2(tokens)?;
    show_feature_items(&mut file.items);
    Ok(prettyplease::unparse(&file))
}

/// The runtime feature a feature macro (`__server!`, …) stands for, and the items it holds
/// (items of a module or of an `impl` block); `None` for any other macro, or a body that does not
/// parse as such items (it is then printed as is).
#[cfg(feature = "tools")]
fn feature_items<T: syn::parse::Parse>(mac: &syn::Macro) -> Option<(&'static str, Vec<T>)> {
    let feature = match mac.path.segments.last()?.ident.to_string().as_str() {
        "__server" => "server",
        "__test_util" => "test-util",
        "__serialize" => "serialize",
        _ => return None,
    };
    let items = mac
        .parse_body_with(|input: syn::parse::ParseStream<'_>| {
            let mut items = Vec::new();
            while !input.is_empty() {
                items.push(input.parse::<T>()?);
            }
            Ok(items)
        })
        .ok()?;
    Some((feature, items))
}

/// `items`, each under `#[cfg(feature = "<feature>")]`.
#[cfg(feature = "tools")]
fn under_feature<T: syn::parse::Parse + quote::ToTokens>(
    feature: &'static str,
    items: Vec<T>,
) -> impl Iterator<Item = T> {
    items
        .into_iter()
        .map(move |item| syn::parse_quote!(#[cfg(feature = #feature)] #item))
}

#[cfg(feature = "tools")]
fn show_feature_items(items: &mut Vec<syn::Item>) {
    let mut out = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        match item {
            syn::Item::Macro(m) => match feature_items::<syn::Item>(&m.mac) {
                Some((feature, mut inner)) => {
                    show_feature_items(&mut inner);
                    out.extend(under_feature(feature, inner));
                }
                None => out.push(syn::Item::Macro(m)),
            },
            syn::Item::Mod(mut m) => {
                if let Some((_, inner)) = m.content.as_mut() {
                    show_feature_items(inner);
                }
                out.push(syn::Item::Mod(m));
            }
            syn::Item::Impl(mut i) => {
                let impl_items = std::mem::take(&mut i.items);
                for item in impl_items {
                    match item {
                        syn::ImplItem::Macro(m) => match feature_items(&m.mac) {
                            Some((feature, inner)) => i.items.extend(under_feature(feature, inner)),
                            None => i.items.push(syn::ImplItem::Macro(m)),
                        },
                        other => i.items.push(other),
                    }
                }
                out.push(syn::Item::Impl(i));
            }
            other => out.push(other),
        }
    }
    *items = out;
}
