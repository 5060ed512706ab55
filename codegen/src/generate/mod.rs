//! Code generation: a checked spec → Rust tokens for request types with builders, validation,
//! wire serialization, response types and per-operation error enums.
//!
//! Generated code refers to the runtime through one path ([`Options::runtime`]) so that a facade
//! crate can re-export the runtime and its users need no extra dependencies.

mod client_glue;
mod docs;
mod errors;
mod paginate;
mod request;
mod response;
mod waiters;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::naming::{is_keyword, pascal_case, snake_case};
use crate::spec::*;

/// How to generate.
#[derive(Clone)]
pub struct Options {
    /// Path of the runtime crate as seen from the generated code, e.g. `::acs_runtime`.
    pub runtime: syn::Path,
    /// Generate only these operations (by Action); `None` = all.
    pub operations: Option<Vec<String>>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            runtime: syn::parse_quote!(::acs_runtime),
            operations: None,
        }
    }
}

/// Names of the operations `options` selects that the spec does not have.
pub fn unknown_operations<'a>(spec: &ServiceSpec, options: &'a Options) -> Vec<&'a str> {
    options
        .operations
        .iter()
        .flatten()
        .filter(|name| !spec.operations.iter().any(|op| &op.name == *name))
        .map(String::as_str)
        .collect()
}

/// Generates every selected operation of a checked spec.
pub fn generate(spec: &ServiceSpec, options: &Options) -> TokenStream {
    let ops = spec.operations.iter().filter(|op| {
        options
            .operations
            .as_ref()
            .is_none_or(|names| names.contains(&op.name))
    });
    let mut out = TokenStream::new();
    // A spec with only the endpoints table (`_service.json` of an import) yields the table.
    if spec.operations.is_empty() && !spec.endpoints.is_empty() {
        out.extend(endpoints_const(spec));
    }
    for op in ops {
        out.extend(generate_operation(spec, op, options));
    }
    out
}

/// `pub const ENDPOINTS: &[(&str, &str)]`: region id → endpoint host, in spec order.
fn endpoints_const(spec: &ServiceSpec) -> TokenStream {
    let rows = spec.endpoints.iter().map(|e| {
        let (region, host) = (&e.region_id, &e.host);
        quote!((#region, #host),)
    });
    let doc = format!(
        " Region id → endpoint host of {} {}, as published (`(region_id, host)`).",
        spec.product, spec.version
    );
    quote! {
        #[doc = #doc]
        pub const ENDPOINTS: &[(&str, &str)] = &[#(#rows)*];
    }
}

/// Generates one operation: a module named after it, with its types re-exported beside it.
pub fn generate_operation(
    spec: &ServiceSpec,
    op: &OperationSpec,
    options: &Options,
) -> TokenStream {
    let cx = Context::new(spec, op);
    let module = format_ident!("{}", snake_case(&op.name));
    let request = request::generate(&cx);
    let response = response::generate(&cx);
    let errors = errors::generate(&cx);
    let paginate = paginate::generate(&cx);
    let client_glue = client_glue::generate(&cx);
    let waiters = waiters::generate(&cx);
    let request_ty = &cx.request_ty;
    let builder_ty = &cx.builder_ty;
    let response_ty = &cx.response_ty;
    let error_ty = &cx.error_ty;
    let runtime = &options.runtime;
    let module_doc = doc_attrs(&[
        format!(
            "`{}` ({} {}): request, builder, response and error types.",
            op.name, spec.product, spec.version
        ),
        String::new(),
        format!(
            "The main types are re-exported beside this module: [`{}`], [`{}`], [`{}`] and [`{}`].",
            request_ty, builder_ty, response_ty, error_ty
        ),
    ]);
    quote! {
        #module_doc
        pub mod #module {
            use #runtime as rt;

            #request
            #response
            #errors
            #paginate
            #client_glue
            #waiters
        }
        pub use #module::{#request_ty, #builder_ty, #response_ty, #error_ty};
    }
}

/// Everything the generators of one operation share.
pub(crate) struct Context<'a> {
    pub spec: &'a ServiceSpec,
    pub op: &'a OperationSpec,
    /// The module-local alias of the runtime (`use <runtime> as rt;`).
    pub rt: syn::Path,
    /// The runtime path as a string, for serde attributes.
    pub rt_str: String,
    pub request_ty: Ident,
    pub builder_ty: Ident,
    pub response_ty: Ident,
    pub error_ty: Ident,
}

impl<'a> Context<'a> {
    fn new(spec: &'a ServiceSpec, op: &'a OperationSpec) -> Self {
        let name = pascal_case(&op.name);
        Self {
            spec,
            op,
            rt: syn::parse_quote!(rt),
            rt_str: "rt".to_owned(),
            request_ty: format_ident!("{}", name),
            builder_ty: format_ident!("{}Builder", name),
            response_ty: format_ident!("{}Response", name),
            error_ty: format_ident!("{}Error", name),
        }
    }

    /// `#[serde(crate = "...")]` for derives in generated code.
    pub fn serde_crate(&self) -> String {
        format!("{}::__private::serde", self.rt_str)
    }
}

/// A field identifier (`region_id`, `r#type`).
pub(crate) fn field_ident(name: &str) -> Ident {
    let snake = snake_case(name);
    if is_keyword(&snake) {
        Ident::new_raw(&snake, Span::call_site())
    } else {
        Ident::new(&snake, Span::call_site())
    }
}

pub(crate) fn doc_attrs<S: AsRef<str>>(lines: &[S]) -> TokenStream {
    let lines = lines.iter().map(|l| {
        let l = l.as_ref();
        // A leading space keeps rustdoc's rendering identical to `/// line`.
        let text = if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        };
        quote!(#[doc = #text])
    });
    quote!(#(#lines)*)
}

/// The Rust type of a scalar.
pub(crate) fn scalar_type(s: Scalar) -> TokenStream {
    match s {
        Scalar::String => quote!(String),
        Scalar::Int32 => quote!(i32),
        Scalar::Int64 => quote!(i64),
        Scalar::Boolean => quote!(bool),
        Scalar::Double => quote!(f64),
    }
}

/// An object without declared properties: a free-form JSON object (e.g. a key/value map such as
/// `InvokeCommand.Parameters`), generated as a `serde_json` map.
pub(crate) fn is_free_form(ty: &TypeSpec) -> bool {
    matches!(ty, TypeSpec::Object { properties, .. } if properties.is_empty())
}

/// The Rust type of a free-form JSON object, through the module's runtime alias `rt`.
pub(crate) fn free_form_type() -> TokenStream {
    quote!(rt::__private::serde_json::Map<String, rt::__private::serde_json::Value>)
}

/// Whether values of the type can derive `Eq` (no floats inside).
pub(crate) fn is_eq(ty: &TypeSpec) -> bool {
    match ty {
        TypeSpec::Scalar(Scalar::Double) => false,
        TypeSpec::Scalar(_) => true,
        TypeSpec::Array { items, .. } => is_eq(items),
        TypeSpec::Object { properties, .. } => properties.iter().all(|p| is_eq(&p.ty)),
    }
}

/// Name of the struct generated for an object, from the path of fields that leads to it.
/// A top-level name that would shadow a prelude item gets the `Param` suffix.
pub(crate) fn nested_type_name(prefix: &str, field: &str) -> Ident {
    let name = format!("{}{}", prefix, pascal_case(field));
    const PRELUDE: &[&str] = &[
        "Option",
        "Some",
        "None",
        "Result",
        "Ok",
        "Err",
        "String",
        "Vec",
        "Box",
        "Default",
        "Into",
        "IntoIterator",
        "Clone",
        "Copy",
        "Send",
        "Sync",
        "Fn",
        "Drop",
        "ToString",
        "Iterator",
        "Extend",
        "From",
        "Eq",
        "PartialEq",
        "Ord",
        "PartialOrd",
        "Sized",
        "Debug",
    ];
    if PRELUDE.contains(&name.as_str()) || name == "rt" || name == "missing" {
        format_ident!("{}Param", name)
    } else {
        format_ident!("{}", name)
    }
}

/// The `derive(...)` list for a data type, `Eq` when possible.
pub(crate) fn data_derives(eq: bool) -> TokenStream {
    if eq {
        quote!(Clone, Debug, Default, PartialEq, Eq)
    } else {
        quote!(Clone, Debug, Default, PartialEq)
    }
}
