use std::path::PathBuf;

use proc_macro2::TokenStream;
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::{bracketed, Ident, LitStr, Path, Token};

/// `"path"` or `spec = "path", runtime = path, operations = [A, B], shapes = path,
/// product = path`.
pub struct Input {
    spec: LitStr,
    runtime: Option<Path>,
    operations: Option<Vec<Ident>>,
    shapes: Option<Path>,
    product: Option<Path>,
}

impl Parse for Input {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(LitStr) {
            let spec = input.parse()?;
            let _: Option<Token![,]> = input.parse()?;
            if !input.is_empty() {
                return Err(input.error("expected nothing after the spec path; use `spec = \"...\", runtime = ..., operations = [...]` for options"));
            }
            return Ok(Self {
                spec,
                runtime: None,
                operations: None,
                shapes: None,
                product: None,
            });
        }
        let mut spec = None;
        let mut runtime = None;
        let mut operations = None;
        let mut shapes = None;
        let mut product = None;
        while !input.is_empty() {
            let key: Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            match key.to_string().as_str() {
                "spec" => spec = Some(input.parse::<LitStr>()?),
                "runtime" => runtime = Some(input.parse::<Path>()?),
                "shapes" => shapes = Some(input.parse::<Path>()?),
                "product" => product = Some(input.parse::<Path>()?),
                "operations" => {
                    let content;
                    bracketed!(content in input);
                    let names = content.parse_terminated(Ident::parse, Token![,])?;
                    operations = Some(names.into_iter().collect());
                }
                other => {
                    return Err(syn::Error::new(
                        key.span(),
                        format!(
                        "unknown option `{other}` (expected spec, runtime, operations, shapes or product)"
                    ),
                    ))
                }
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        let spec = spec.ok_or_else(|| input.error("missing `spec = \"path/to/spec.json\"`"))?;
        Ok(Self {
            spec,
            runtime,
            operations,
            shapes,
            product,
        })
    }
}

impl Input {
    /// The spec path as written in the invocation.
    pub fn spec_path(&self) -> LitStr {
        self.spec.clone()
    }
}

/// Runs `expand`, turning a panic inside it (a generator bug, never a spec problem: those are
/// reported as errors) into a `compile_error!` that names the spec file and the panic message.
pub fn guarded(spec: &LitStr, expand: impl FnOnce() -> TokenStream) -> TokenStream {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(expand)) {
        Ok(tokens) => tokens,
        Err(payload) => {
            let reason = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".to_owned());
            let message = format!(
                "acs-macros failed internally while expanding {}: {reason}. This is a bug in the generator, not in the spec; please report it with the spec file.",
                spec.value()
            );
            syn::Error::new(spec.span(), message).to_compile_error()
        }
    }
}

pub fn expand(input: Input, source_dir: Option<PathBuf>) -> TokenStream {
    let relative = input.spec.value();
    let span = input.spec.span();
    let path = resolve(&relative, source_dir);

    let spec = match acs_codegen::load_spec(&path, &relative) {
        Ok(spec) => spec,
        Err(errors) => return spec_errors(&path, errors, span),
    };

    let mut options = acs_codegen::Options::default();
    if let Some(runtime) = input.runtime {
        options.runtime = runtime;
    }
    options.shapes = input.shapes;
    options.product = input.product;
    if let Some(ops) = &input.operations {
        options.operations = Some(ops.iter().map(ToString::to_string).collect());
        let unknown = acs_codegen::generate::unknown_operations(&spec, &options);
        if !unknown.is_empty() {
            let errors = ops
                .iter()
                .filter(|op| unknown.contains(&op.to_string().as_str()))
                .map(|op| {
                    syn::Error::new(
                        op.span(),
                        format!("`{op}` is not an operation of {relative}"),
                    )
                    .to_compile_error()
                });
            return quote!(#(#errors)*);
        }
    }

    let generated = acs_codegen::generate(&spec, &options);
    let track = track_file(&path);
    quote! {
        #track
        #generated
    }
}

/// The manifest-relative path if that file exists, else the source-relative one if that
/// exists, else the manifest-relative one (whose "cannot read" error then names it).
fn resolve(relative: &str, source_dir: Option<PathBuf>) -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    let from_manifest = manifest_dir.join(relative);
    if from_manifest.exists() {
        return from_manifest;
    }
    match source_dir.map(|dir| dir.join(relative)) {
        Some(from_source) if from_source.exists() => from_source,
        _ => from_manifest,
    }
}

/// Makes rustc rebuild when the spec changes.
fn track_file(path: &std::path::Path) -> TokenStream {
    match path.to_str() {
        Some(p) => quote!(
            const _: &[u8] = include_bytes!(#p);
        ),
        None => quote!(),
    }
}

fn spec_errors(
    path: &std::path::Path,
    errors: Vec<acs_codegen::SpecError>,
    span: proc_macro2::Span,
) -> TokenStream {
    let mut combined: Option<syn::Error> = None;
    for e in errors {
        let err = syn::Error::new(span, e.to_string());
        match &mut combined {
            Some(c) => c.combine(err),
            None => combined = Some(err),
        }
    }
    let errors = combined.map(|e| e.to_compile_error()).unwrap_or_default();
    // Still track the file, so fixing it triggers a rebuild.
    let track = if path.exists() {
        track_file(path)
    } else {
        quote!()
    };
    quote!(#track #errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_internal_panic_becomes_a_compile_error_naming_the_spec() {
        let spec = LitStr::new("specs/Broken.json", proc_macro2::Span::call_site());
        let tokens = guarded(&spec, || panic!("index out of bounds"));
        let text = tokens.to_string();
        assert!(text.starts_with(":: core :: compile_error !"), "{text}");
        assert!(
            text.contains("acs-macros failed internally while expanding specs/Broken.json: index out of bounds."),
            "{text}"
        );
    }

    #[test]
    fn a_normal_expansion_passes_through() {
        let spec = LitStr::new("specs/Fine.json", proc_macro2::Span::call_site());
        let tokens = guarded(&spec, || {
            quote!(
                struct Fine;
            )
        });
        assert_eq!(tokens.to_string(), "struct Fine ;");
    }
}
