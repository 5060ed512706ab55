//! Code generation: a checked spec → Rust tokens for request types with builders, validation,
//! wire serialization, response types and per-operation error enums.
//!
//! Generated code refers to the runtime through one path ([`Options::runtime`]) so that a facade
//! crate can re-export the runtime and its users need no extra dependencies.

mod client_glue;
mod docs;
mod enums;
mod errors;
mod fluent;
mod http;
pub mod markup;
pub(crate) mod names;
mod paginate;
mod request;
mod response;
mod shapes;
mod value_builders;
mod waiters;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::naming::{escape_type_name, field_name, pascal_case};
use crate::spec::*;

/// How to generate.
#[derive(Clone)]
pub struct Options {
    /// Path of the runtime crate as seen from the generated code, e.g. `::acs_runtime`.
    pub runtime: syn::Path,
    /// Generate only these operations (by Action); `None` = all.
    pub operations: Option<Vec<String>>,
    /// Path of the product's `shapes` module (generated from its shapes file), e.g.
    /// `crate::shapes`: fields that name a `shape` then use the shared type from there instead
    /// of generating their own. `None`: every type is generated in place.
    pub shapes: Option<syn::Path>,
    /// The product's marker type (`::ecs_shapes::EcsApi`), when the operations belong to a
    /// product crate with its own client: each request then implements
    /// `OperationOf<marker>` (what the product client accepts), its builder takes an attached
    /// client (`.send()`), and its top-level `RegionId` may come from the client. `None`:
    /// stand-alone operations, as before.
    pub product: Option<syn::Path>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            runtime: syn::parse_quote!(::acs_runtime),
            operations: None,
            shapes: None,
            product: None,
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
    if !spec.shapes.is_empty() {
        out.extend(shapes::generate(spec, options));
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
    let mode = if options.shapes.is_some() {
        names::ShapeMode::Import
    } else {
        names::ShapeMode::Inline
    };
    let mut cx = Context::new(spec, op, mode);
    cx.product = options.product.clone();
    let module = field_ident(&op.name);
    let request = request::generate(&cx);
    let response = response::generate(&cx);
    let errors = errors::generate(&cx);
    let paginate = paginate::generate(&cx);
    let aliases = cx.names.aliases();
    let imports = cx.names.imports(options.shapes.as_ref());
    let client_glue = client_glue::generate(&cx);
    let waiters = waiters::generate(&cx);
    let fluent = fluent::generate(&cx);
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
    // Deprecated items warn where users name them, never inside the generated code itself, so
    // a `-D warnings` build of a crate that only expands the spec stays clean.
    quote! {
        #module_doc
        #[allow(deprecated)]
        pub mod #module {
            use #runtime as rt;
            #imports

            #request
            #response
            #errors
            #paginate
            #aliases
            #client_glue
            #waiters
            #fluent
        }
        #[allow(deprecated)]
        pub use #module::{#request_ty, #builder_ty, #response_ty, #error_ty};
    }
}

/// `#[deprecated(note = "…")]` when the spec deprecates the item.
pub(crate) fn deprecated_attr(deprecated: bool, note: Option<&str>) -> TokenStream {
    if !deprecated {
        return quote!();
    }
    let note = note.unwrap_or("deprecated by the service");
    quote!(#[deprecated(note = #note)])
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
    /// Names of the nested structs and enums of this operation's module.
    pub names: names::TypeNames,
    /// [`Options::product`].
    pub product: Option<syn::Path>,
}

impl<'a> Context<'a> {
    fn new(spec: &'a ServiceSpec, op: &'a OperationSpec, mode: names::ShapeMode) -> Self {
        let name = pascal_case(&op.name);
        let request = escape_type_name(name.clone());
        let mut reserved: Vec<String> = PRELUDE.iter().map(|s| (*s).to_owned()).collect();
        reserved.extend([
            request.clone(),
            format!("{name}Builder"),
            format!("{name}Response"),
            format!("{name}Error"),
            format!("{request}Fields"),
        ]);
        Self {
            names: names::TypeNames::new(op, &reserved, mode),
            spec,
            op,
            rt: syn::parse_quote!(rt),
            rt_str: "rt".to_owned(),
            request_ty: ident(&escape_type_name(name.clone())),
            builder_ty: format_ident!("{}Builder", name),
            response_ty: format_ident!("{}Response", name),
            error_ty: format_ident!("{}Error", name),
            product: None,
        }
    }

    /// `#[serde(crate = "...")]` for derives in generated code.
    pub fn serde_crate(&self) -> String {
        format!("{}::__private::serde", self.rt_str)
    }
}

/// A field identifier (`region_id`, `r#type`, `self_`), see [`field_name`].
pub(crate) fn field_ident(name: &str) -> Ident {
    ident(&field_name(name))
}

/// An identifier from text the naming rules produced (`r#` prefix for raw identifiers).
///
/// Never panics: text that is not an identifier (which the naming rules do not produce) is
/// reduced to its identifier characters rather than handed to `Ident::new`, which would panic.
pub(crate) fn ident(text: &str) -> Ident {
    if let Some(raw) = text.strip_prefix("r#") {
        if crate::naming::is_keyword(raw) && !matches!(raw, "self" | "Self" | "crate" | "super") {
            return Ident::new_raw(raw, Span::call_site());
        }
    }
    let mut clean: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if clean.is_empty() || clean == "_" || clean.starts_with(|c: char| c.is_ascii_digit()) {
        clean.insert_str(0, "x_");
    }
    if crate::naming::is_keyword(&clean) {
        clean.push('_');
    }
    Ident::new(&clean, Span::call_site())
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
    let name = escape_type_name(format!("{}{}", prefix, pascal_case(field)));
    if PRELUDE.contains(&name.as_str()) {
        format_ident!("{}Param", name)
    } else {
        ident(&name)
    }
}

/// Whether the `shapes` module cannot define a type of this name: a prelude type, or a name the
/// generator uses for its own stand-in operation.
pub fn is_reserved_shape_name(name: &str) -> bool {
    PRELUDE.contains(&name)
        || [
            "Shapes",
            "ShapesBuilder",
            "ShapesResponse",
            "ShapesError",
            "ShapesFields",
        ]
        .contains(&name)
}

/// Type names of the prelude that a generated type must not shadow.
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

/// Whether a field holds a secret that `Debug` must not show: a string named like a password,
/// an access key secret, a security token, secret data or a private key. Flags and settings
/// about those (`PasswordInherit`, `MaxPasswordAge`, `WindowsPasswordName`) are not secrets.
pub(crate) fn is_secret(f: &Field) -> bool {
    if !matches!(f.ty, TypeSpec::Scalar(Scalar::String)) || f.binary {
        return false;
    }
    let name = f.name.to_ascii_lowercase();
    [
        "password",
        "passwd",
        "secret",
        "securitytoken",
        "secretdata",
    ]
    .iter()
    .any(|end| name.ends_with(end))
        || name.contains("privatekey")
}

/// One field of a struct whose `Debug` is written out (because a field is secret).
pub(crate) struct DebugField {
    pub ident: Ident,
    pub secret: bool,
    /// `Option<T>` rather than `T`.
    pub optional: bool,
}

/// `#[derive(..)]` of `names` and, with a secret among `fields`, a written-out `Debug` (in place
/// of the derived one) that shows each secret as `<redacted>`, the fields in order as the derive
/// would list them.
pub(crate) fn derives_and_debug(
    rt: &syn::Path,
    ident: &Ident,
    names: &[&str],
    fields: &[DebugField],
) -> (TokenStream, TokenStream) {
    let secret = fields.iter().any(|f| f.secret);
    let derives = names
        .iter()
        .filter(|n| !(secret && **n == "Debug"))
        .map(|n| format_ident!("{}", n));
    let derives = quote!(#[derive(#(#derives),*)]);
    if !secret {
        return (derives, quote!());
    }
    let name = ident.to_string();
    let entries = fields.iter().map(|f| {
        let field = &f.ident;
        let label = field.to_string().trim_start_matches("r#").to_owned();
        match (f.secret, f.optional) {
            (false, _) => quote!(.field(#label, &self.#field)),
            (true, true) => quote!(.field(#label, &self.#field.as_ref().map(#rt::Redacted::of))),
            (true, false) => quote!(.field(#label, &#rt::Redacted::of(&self.#field))),
        }
    });
    let debug = quote! {
        impl ::core::fmt::Debug for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(#name) #(#entries)* .finish()
            }
        }
    };
    (derives, debug)
}

/// The `derive(...)` names of a value type: `Eq` too when every field's type has it.
pub(crate) fn data_derive_names(eq: bool) -> &'static [&'static str] {
    if eq {
        &["Clone", "Debug", "Default", "PartialEq", "Eq"]
    } else {
        &["Clone", "Debug", "Default", "PartialEq"]
    }
}
