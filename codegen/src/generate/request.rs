//! The request side: the request struct, its type-state builder, local validation, wire
//! serialization (`write_params`) and the server-side reader (`from_wire`).

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

use super::docs::{field_doc, render_value, Doc};
use super::fluent;
use super::value_builders::{value_builder, Setter, Slot};
use super::{
    data_derive_names, deprecated_attr, derives_and_debug, doc_attrs, field_ident, free_form_type,
    is_eq, is_free_form, is_secret, scalar_type, Context, DebugField,
};
use crate::naming::{pascal_case, type_name};
use crate::spec::*;

pub(super) fn generate(cx: &Context<'_>) -> TokenStream {
    let mut nested = Vec::new();
    for p in &cx.op.parameters {
        // A JSON body's structs (de)serialize themselves.
        let json = p.location == Some(ParameterLocation::Body);
        collect_nested(cx, p, &mut nested, json);
    }
    let request = request_struct(cx);
    let builder = builder(cx);
    let operation = operation_impl(cx);
    // Server side (ROA and RPC alike): compiled only with the runtime's `server` feature.
    let from_wire = match super::http::from_wire(cx) {
        Some(roa) => {
            let rt = &cx.rt;
            quote!(#rt::__server! { #roa })
        }
        None => from_wire(cx),
    };
    quote! {
        #request
        #from_wire
        #builder
        #operation
        #(#nested)*
    }
}

/// The Rust type of a request field's value (without `Option`).
pub(super) fn value_type(cx: &Context<'_>, f: &Field) -> TokenStream {
    if f.binary {
        return super::http::binary_type();
    }
    match &f.ty {
        TypeSpec::Scalar(_) if !f.enum_values.is_empty() => named_type(cx, f),
        TypeSpec::Scalar(s) => scalar_type(*s),
        ty if is_free_form(ty) => free_form_type(),
        TypeSpec::Array { items, .. } => {
            let item = array_item_type(cx, f, items);
            quote!(Vec<#item>)
        }
        TypeSpec::Object { .. } => named_type(cx, f),
    }
}

/// The struct or enum generated for `f`.
fn named_type(cx: &Context<'_>, f: &Field) -> TokenStream {
    match cx.names.of(f) {
        Some(ident) => quote!(#ident),
        // Every struct and enum was named up front; a free-form map is the safe stand-in.
        None => free_form_type(),
    }
}

/// The Rust type of one item of an array parameter.
fn array_item_type(cx: &Context<'_>, f: &Field, items: &TypeSpec) -> TokenStream {
    match items {
        TypeSpec::Scalar(_) if !f.enum_values.is_empty() => named_type(cx, f),
        TypeSpec::Scalar(s) => scalar_type(*s),
        ty if is_free_form(ty) => free_form_type(),
        TypeSpec::Object { .. } => named_type(cx, f),
        TypeSpec::Array { .. } => quote!(()),
    }
}

fn request_struct(cx: &Context<'_>) -> TokenStream {
    let op = cx.op;
    let request_ty = &cx.request_ty;
    let builder_ty = &cx.builder_ty;
    let fields = op.parameters.iter().map(|p| {
        let ident = field_ident(&p.name);
        let ty = value_type(cx, p);
        let ty = if p.required { ty } else { quote!(Option<#ty>) };
        let doc = doc_attrs(&field_doc(p, true));
        let deprecated = deprecated_attr(p.deprecated, p.deprecation_note.as_deref());
        quote!(#doc #deprecated pub #ident: #ty,)
    });
    // No `Default`: a request with its required parameters unset is not a request.
    let derive_names: &[&str] = if op.parameters.iter().all(|p| is_eq(&p.ty)) {
        &["Clone", "Debug", "PartialEq", "Eq"]
    } else {
        &["Clone", "Debug", "PartialEq"]
    };
    let debug_fields: Vec<DebugField> = op
        .parameters
        .iter()
        .map(|p| DebugField {
            ident: field_ident(&p.name),
            secret: is_secret(p),
            optional: !p.required,
        })
        .collect();
    let (derives, debug) = derives_and_debug(&cx.rt, request_ty, derive_names, &debug_fields);
    let doc = doc_attrs(&operation_doc(cx));
    let builder_doc = format!(
        " Starts a [`{builder_ty}`]; `build()` becomes available once every required parameter is set."
    );
    let deprecated = deprecated_attr(op.deprecated, op.deprecation_note.as_deref());
    let client_init = fluent::client_field(cx, quote!(()));
    // What the builder starts from: required parameters empty (the builder's type state keeps
    // `build()` out of reach until each is set), optional ones unset.
    let unset = op.parameters.iter().map(|p| {
        let ident = field_ident(&p.name);
        if p.required {
            quote!(#ident: Default::default(),)
        } else {
            quote!(#ident: None,)
        }
    });
    quote! {
        #doc
        #deprecated
        #derives
        #[non_exhaustive]
        pub struct #request_ty {
            #(#fields)*
        }

        #debug

        impl #request_ty {
            #[doc = #builder_doc]
            #[inline]
            pub fn builder() -> #builder_ty {
                #builder_ty {
                    fields: Self { #(#unset)* },
                    #client_init
                    state: ::core::marker::PhantomData,
                }
            }
        }
    }
}

fn operation_doc(cx: &Context<'_>) -> Vec<String> {
    let op = cx.op;
    let spec = cx.spec;
    let mut d = Doc::default();
    d.line(format!(
        "`{}` — {} API {}.",
        op.name, spec.product, spec.version
    ));
    d.blank();
    d.text(&op.summary);
    d.blank();
    d.text(&op.description);
    for note in &op.notes {
        d.blank();
        d.text(note);
    }
    let mut texts = vec![&op.summary, &op.description];
    texts.extend(op.notes.iter());
    d.originals(&texts);
    if op.deprecated {
        d.blank();
        d.line(match &op.deprecation_note {
            Some(note) => format!("**Deprecated** by the service: {note}"),
            None => "**Deprecated** by the service.".to_owned(),
        });
    }
    if let Some(ram) = &op.ram {
        d.blank();
        d.line(format!(
            "RAM action `{}` (access level: {}).",
            ram.action, ram.access_level
        ));
        for r in &ram.resources {
            d.line(format!(
                "- resource `{}`: `{}`{}",
                r.resource_type,
                r.pattern,
                if r.required { " (required)" } else { "" }
            ));
        }
    }
    if !op.discrepancies.is_empty() {
        d.blank();
        d.line("Where the sources disagree:");
        for x in &op.discrepancies {
            match &x.reference_page {
                Some(page) => {
                    d.line(format!(
                    "- {}: reference page says {}, vendor metadata says {}; this client follows the {}.",
                    x.subject,
                    render_value(page),
                    render_value(&x.vendor_metadata),
                    x.followed
                ));
                }
                // An import repair: the metadata contradicts itself.
                None => {
                    d.line(format!(
                        "- {}: vendor metadata says {}; {}.",
                        x.subject,
                        render_value(&x.vendor_metadata),
                        x.followed
                    ));
                }
            }
        }
    }
    let methods: Vec<&str> = op.methods.iter().map(|m| m.as_str()).collect();
    d.blank();
    match &op.path {
        Some(path) => d.line(format!("HTTP: `{} {path}` (ROA).", methods.join(", "))),
        None => d.line(format!("HTTP methods: {}.", methods.join(", "))),
    };
    for s in &spec.sources {
        let mut line = format!("Source ({})", s.kind);
        if let Some(t) = &s.title {
            line.push_str(&format!(": {t}"));
        }
        if let Some(date) = &s.date {
            line.push_str(&format!(", {date}"));
        }
        if !s.sections.is_empty() {
            // A layered import took these parts from an older snapshot than the request side.
            line.push_str(&format!("; provides: {}", s.sections.join(", ")));
        }
        d.line(format!("{line}."));
    }
    d.into_lines()
}

pub(super) fn state_ident(p: &Field) -> Ident {
    format_ident!("{}State", pascal_case(&p.name))
}

fn marker_ident(p: &Field) -> Ident {
    super::ident(&type_name(&p.name))
}

pub(super) fn provided_ident(p: &Field) -> Ident {
    format_ident!("{}Provided", pascal_case(&p.name))
}

fn builder(cx: &Context<'_>) -> TokenStream {
    let rt = &cx.rt;
    let op = cx.op;
    let request_ty = &cx.request_ty;
    let builder_ty = &cx.builder_ty;
    // A region the client may fill is required by the client's check, not the builder's type.
    let required: Vec<&Field> = op
        .parameters
        .iter()
        .filter(|p| p.required && !fluent::is_region_parameter(cx, p))
        .collect();
    let (client_decl, client_arg) = fluent::client_generic(cx);
    let client_move = fluent::client_field(cx, quote!(self.client));
    let client_ty = fluent::client_field(cx, quote!(C));
    let states: Vec<Ident> = required.iter().map(|p| state_ident(p)).collect();
    let markers: Vec<Ident> = required.iter().map(|p| marker_ident(p)).collect();

    let label = fluent::missing_label(cx);
    let missing_module = if required.is_empty() {
        quote!()
    } else {
        let defs = required.iter().map(|p| {
            let m = marker_ident(p);
            let provided = provided_ident(p);
            let doc = format!(" `{}` has not been set yet.", p.name);
            let provided_doc = format!(
                " Implemented only once `{}` is set: `build()` requires it.",
                p.name
            );
            let message = format!("required parameter not set: `{}`", p.name);
            let note = format!(
                "call `.{}(...)` before {}",
                field_ident(&p.name),
                fluent::finishers(cx)
            );
            quote! {
                #[doc = #doc] #[derive(Clone, Copy, Debug)] pub enum #m {}
                #[doc = #provided_doc]
                #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
                pub trait #provided {}
                impl #provided for super::rt::builder::Set {}
            }
        });
        quote! {
            /// Type-state markers of the builder: each names a required parameter not yet set.
            pub mod missing {
                #(#defs)*
            }
        }
    };

    let generics_decl = if required.is_empty() && client_decl.is_empty() {
        quote!()
    } else {
        quote!(<#client_decl #(#states = missing::#markers),*>)
    };
    let generics = if required.is_empty() && client_arg.is_empty() {
        quote!()
    } else {
        quote!(<#client_arg #(#states),*>)
    };
    let phantom = if required.is_empty() {
        quote!(::core::marker::PhantomData<()>)
    } else {
        quote!(::core::marker::PhantomData<fn() -> (#(#states,)*)>)
    };

    let setters = op.parameters.iter().map(|p| {
        let ident = field_ident(&p.name);
        let deprecated = deprecated_attr(p.deprecated, p.deprecation_note.as_deref());
        let doc = doc_attrs(&field_doc(p, true));
        let doc = quote!(#doc #deprecated);
        let (arg_ty, convert) = setter_argument(cx, p);
        if p.required {
            let index = required
                .iter()
                .position(|r| r.name == p.name)
                .unwrap_or_default();
            let out_states = states.iter().enumerate().map(|(i, s)| {
                if i == index {
                    quote!(#rt::builder::Set)
                } else {
                    quote!(#s)
                }
            });
            quote! {
                #doc
                pub fn #ident(self, #ident: #arg_ty) -> #builder_ty<#client_arg #(#out_states),*> {
                    let mut fields = self.fields;
                    fields.#ident = #convert;
                    #builder_ty { fields, #client_move state: ::core::marker::PhantomData }
                }
            }
        } else {
            let set_ident = format_ident!("set_{}", ident.to_string().trim_start_matches("r#"));
            let value_ty = value_type(cx, p);
            let set_doc = format!(
                " Sets or clears `{}` (`None` leaves it out of the request).",
                p.name
            );
            quote! {
                #doc
                pub fn #ident(mut self, #ident: #arg_ty) -> Self {
                    self.fields.#ident = Some(#convert);
                    self
                }

                #[doc = #set_doc]
                pub fn #set_ident(mut self, #ident: Option<#value_ty>) -> Self {
                    self.fields.#ident = #ident;
                    self
                }
            }
        }
    });

    // The builder holds the request itself; `build()` only fills an unset idempotency token.
    let fill_token = op
        .parameters
        .iter()
        .filter(|p| !p.required && p.idempotency_token && p.ty == TypeSpec::Scalar(Scalar::String))
        .map(|p| {
            let ident = field_ident(&p.name);
            quote! {
                if request.#ident.is_none() {
                    request.#ident = Some(#rt::idempotency::new_token());
                }
            }
        })
        .collect::<Vec<_>>();
    let build_body = if fill_token.is_empty() {
        quote!(self.fields)
    } else {
        quote! {
            let mut request = self.fields;
            #(#fill_token)*
            request
        }
    };
    let where_clause = if required.is_empty() {
        quote!()
    } else {
        let provided = required.iter().map(|p| provided_ident(p));
        quote!(where #(#states: missing::#provided),*)
    };
    let builder_doc = doc_attrs(&[
        format!("Builder for [`{request_ty}`]."),
        String::new(),
        "Required parameters are tracked in the type: `build()` compiles only once each of them is set."
            .to_owned(),
    ]);
    let token_doc = match op.parameters.iter().find(|p| p.idempotency_token && !p.required) {
        Some(p) => format!(
            " An unset `{}` is filled here with a fresh UUID: the token belongs to this request value, so sending the same value again (after a timeout, after retries ran out, after a restart if you saved it) never makes the service act twice.",
            p.name
        ),
        None => String::new(),
    };
    let build_doc = format!(
        " Finishes the request. Local rules are checked by [`{request_ty}::validate`] when it is sent (or when you call it).{token_doc}"
    );

    quote! {
        #missing_module

        #builder_doc
        #[derive(Clone, Debug)]
        #[must_use = "a builder does nothing until `.build()` is called"]
        pub struct #builder_ty #generics_decl {
            fields: #request_ty,
            #client_ty
            state: #phantom,
        }

        impl #generics #builder_ty #generics {
            #(#setters)*

            #[doc = #build_doc]
            pub fn build(self) -> #request_ty #where_clause {
                #build_body
            }
        }
    }
}

/// The setter's argument type and the expression that converts it to the stored value.
fn setter_argument(cx: &Context<'_>, p: &Field) -> (TokenStream, TokenStream) {
    let ident = field_ident(&p.name);
    // Enums take their values or plain strings (`"Running"`, `Status::Running`).
    let string = match cx.names.of(p) {
        Some(ty) if !p.enum_values.is_empty() => quote!(#ty),
        _ => quote!(String),
    };
    if p.binary {
        let ty = super::http::binary_type();
        return (quote!(impl Into<#ty>), quote!(#ident.into()));
    }
    match &p.ty {
        TypeSpec::Scalar(Scalar::String) => (quote!(impl Into<#string>), quote!(#ident.into())),
        TypeSpec::Array { items, .. } if **items == TypeSpec::Scalar(Scalar::String) => (
            quote!(impl IntoIterator<Item = impl Into<#string>>),
            quote!(#ident.into_iter().map(Into::into).collect()),
        ),
        TypeSpec::Array { items, .. } if !matches!(**items, TypeSpec::Array { .. }) => {
            let item = array_item_type(cx, p, items);
            (
                quote!(impl IntoIterator<Item = #item>),
                quote!(#ident.into_iter().collect()),
            )
        }
        _ => {
            let ty = value_type(cx, p);
            (quote!(#ty), quote!(#ident))
        }
    }
}

fn code_literal(c: &Constraint) -> String {
    c.error_code
        .clone()
        .unwrap_or_else(|| "InvalidParameter".to_owned())
}

fn int_literals(values: &[Value]) -> Vec<Literal> {
    values
        .iter()
        .filter_map(Value::as_i64)
        .map(Literal::i64_unsuffixed)
        .collect()
}

fn opt_i64(v: Option<i64>) -> TokenStream {
    match v {
        Some(v) => {
            let v = Literal::i64_unsuffixed(v);
            quote!(Some(#v))
        }
        None => quote!(None),
    }
}

fn opt_usize(v: Option<u64>) -> TokenStream {
    match v {
        Some(v) => {
            let v = Literal::u64_unsuffixed(v);
            quote!(Some(#v))
        }
        None => quote!(None),
    }
}

/// Checks of one value (`value` is an expression of type `&T`), named `name` on the wire.
fn value_checks(f: &Field, value: &TokenStream, name: &TokenStream) -> Vec<TokenStream> {
    let mut checks = Vec::new();
    let scalar = match &f.ty {
        TypeSpec::Scalar(s) => Some(*s),
        _ => None,
    };
    // String rules read an enum's wire value.
    let text = if f.enum_values.is_empty() {
        value.clone()
    } else {
        quote!(#value.as_str())
    };
    for c in &f.constraints {
        let code = code_literal(c);
        let check = match &c.kind {
            ConstraintKind::OneOf(values) => match scalar {
                Some(Scalar::String) => {
                    let values: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
                    quote!(v.one_of_str(#name, #text, &[#(#values),*], #code);)
                }
                _ => {
                    let values = int_literals(values);
                    quote!(v.one_of_int(#name, i64::from(*#value), &[#(#values),*], #code);)
                }
            },
            ConstraintKind::Range { min, max } => {
                let (min, max) = (opt_i64(*min), opt_i64(*max));
                quote!(v.range(#name, i64::from(*#value), #min, #max, #code);)
            }
            ConstraintKind::MultipleOf(m) => {
                let m = Literal::i64_unsuffixed(*m);
                quote!(v.multiple_of(#name, i64::from(*#value), #m, #code);)
            }
            ConstraintKind::Length { min, max } => {
                let (min, max) = (opt_usize(*min), opt_usize(*max));
                quote!(v.length(#name, #text, #min, #max, #code);)
            }
            ConstraintKind::Charset(Charset::Ascii) => quote!(v.ascii(#name, #text, #code);),
            ConstraintKind::Pattern(pattern) => quote! {{
                static PATTERN: rt::Pattern = rt::Pattern::new(#pattern);
                v.pattern(#name, #text, &PATTERN, #code);
            }},
            ConstraintKind::MaxItems(n) => {
                let n = Literal::u64_unsuffixed(*n);
                quote!(v.max_items(#name, #value.len(), #n, #code);)
            }
            ConstraintKind::RequiredWhen { .. } | ConstraintKind::ServerChecked { .. } => continue,
        };
        checks.push(check);
    }
    checks
}

/// The condition `parameter = equals` as an expression over `self`.
fn condition(op: &OperationSpec, parameter: &str, equals: &Value) -> TokenStream {
    let Some(p) = op.parameters.iter().find(|p| p.name == parameter) else {
        return quote!(false);
    };
    let ident = field_ident(&p.name);
    let literal = match equals {
        Value::Bool(b) => quote!(#b),
        Value::String(s) => quote!(#s),
        Value::Number(n) => match n.as_i64() {
            Some(i) => {
                let l = Literal::i64_unsuffixed(i);
                quote!(#l)
            }
            None => quote!(false),
        },
        _ => quote!(false),
    };
    if !p.enum_values.is_empty() {
        return if p.required {
            quote!(self.#ident.as_str() == #literal)
        } else {
            quote!(self.#ident.as_ref().map(|v| v.as_str()) == Some(#literal))
        };
    }
    match (p.required, equals.is_string()) {
        (true, _) => quote!(self.#ident == #literal),
        (false, true) => quote!(self.#ident.as_deref() == Some(#literal)),
        (false, false) => quote!(self.#ident == Some(#literal)),
    }
}

/// Checks of nested object fields, for values reached through `prefix` on the wire.
fn nested_checks(f: &Field, value: &TokenStream, name: &TokenStream) -> Vec<TokenStream> {
    match &f.ty {
        ty if is_free_form(ty) => Vec::new(),
        TypeSpec::Object { .. } => vec![quote!(#value.validate_fields(&#name, v);)],
        // Free-form items have no declared fields to check.
        TypeSpec::Array { items, .. }
            if matches!(**items, TypeSpec::Object { .. }) && !is_free_form(items) =>
        {
            vec![quote! {
                for (index, item) in #value.iter().enumerate() {
                    item.validate_fields(&format!("{}.{}", #name, index + 1), v);
                }
            }]
        }
        _ => Vec::new(),
    }
}

fn operation_impl(cx: &Context<'_>) -> TokenStream {
    let rt = &cx.rt;
    let op = cx.op;
    let request_ty = &cx.request_ty;
    let response_ty = &cx.response_ty;
    let error_ty = &cx.error_ty;
    let product = &cx.spec.product;
    let version = &cx.spec.version;
    let action = &op.name;

    let mut checks = Vec::new();
    for p in &op.parameters {
        let ident = field_ident(&p.name);
        let name = &p.name;
        let name_tokens = quote!(#name);
        let value = quote!(value);
        let mut inner = value_checks(p, &value, &name_tokens);
        inner.extend(nested_checks(p, &value, &name_tokens));
        if p.required {
            if p.ty == TypeSpec::Scalar(Scalar::String) && !p.binary {
                let text = if p.enum_values.is_empty() {
                    quote!(&self.#ident)
                } else {
                    quote!(self.#ident.as_str())
                };
                checks.push(quote!(v.required_str(#name, #text, #rt::wire::MISSING_PARAMETER);));
            }
            if !inner.is_empty() {
                checks.push(quote! {
                    let value = &self.#ident;
                    #(#inner)*
                });
            }
        } else if !inner.is_empty() {
            checks.push(quote! {
                if let Some(value) = &self.#ident {
                    #(#inner)*
                }
            });
        }
        for c in &p.constraints {
            if let ConstraintKind::RequiredWhen { parameter, equals } = &c.kind {
                let cond = condition(op, parameter, equals);
                let shown = match equals {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                let code = code_literal(c);
                checks.push(quote! {
                    v.required_when(#name, self.#ident.is_some(), #cond, #parameter, #shown, #code);
                });
            }
        }
    }
    let validate_body = if checks.is_empty() {
        quote!(#rt::Validator::new().finish())
    } else {
        quote! {
            let mut validator = #rt::Validator::new();
            let v = &mut validator;
            #(#checks)*
            validator.finish()
        }
    };

    let writes: Vec<TokenStream> = in_wire_order(
        op.parameters
            .iter()
            .filter(|p| super::http::in_params(cx, p)),
    )
    .map(|p| write_param(cx, p))
    .collect();
    let params_arg = if writes.is_empty() {
        quote!(_params)
    } else {
        quote!(params)
    };
    let token = match op
        .parameters
        .iter()
        .find(|p| p.idempotency_token && super::http::in_params(cx, p))
    {
        Some(p) => {
            let name = &p.name;
            quote!(const IDEMPOTENCY_TOKEN: Option<&'static str> = Some(#name);)
        }
        None => quote!(),
    };
    let form: Vec<&str> = op
        .parameters
        .iter()
        .filter(|p| {
            p.location == Some(ParameterLocation::FormData) && super::http::in_params(cx, p)
        })
        .map(|p| p.name.as_str())
        .collect();
    let http = super::http::operation_items(cx);
    let form = if form.is_empty() {
        quote!()
    } else {
        quote!(const FORM_PARAMETERS: &'static [&'static str] = &[#(#form),*];)
    };
    let region = fluent::region_const(cx);
    quote! {
        impl #rt::Operation for #request_ty {
            const PRODUCT: &'static str = #product;
            const VERSION: &'static str = #version;
            const ACTION: &'static str = #action;
            #token
            #form
            #region
            type Output = #response_ty;
            type Error = #error_ty;
            #http

            #[inline]
            fn validate(&self) -> Result<(), #rt::ValidationErrors> {
                #validate_body
            }

            #[inline]
            fn write_params(&self, #params_arg: &mut #rt::Params) {
                #(#writes)*
            }
        }

        impl #request_ty {
            /// Checks every local rule of the spec and returns all violations at once.
            #[inline]
            pub fn validate(&self) -> Result<(), #rt::ValidationErrors> {
                <Self as #rt::Operation>::validate(self)
            }
        }
    }
}

/// `fields` sorted by wire name in byte order: the order a v1 signature sorts parameters in, so
/// the runtime finds an operation's parameters already sorted and skips its sort (repeated
/// lists of ten items or more still need it: `.10` sorts before `.2`).
fn in_wire_order<'f>(fields: impl Iterator<Item = &'f Field>) -> impl Iterator<Item = &'f Field> {
    let mut fields: Vec<&Field> = fields.collect();
    fields.sort_by(|a, b| a.name.as_bytes().cmp(b.name.as_bytes()));
    fields.into_iter()
}

/// `params.push(...)` for one top-level parameter.
pub(super) fn write_param(cx: &Context<'_>, p: &Field) -> TokenStream {
    let rt = &cx.rt;
    let ident = field_ident(&p.name);
    let name = &p.name;
    let value = quote!(value);
    let write = write_value(rt, p, &value, &WireName::top_level(name));
    if p.required {
        quote! {
            let value = &self.#ident;
            #write
        }
    } else {
        quote! {
            if let Some(value) = &self.#ident {
                #write
            }
        }
    }
}

/// How generated code names a parameter on the wire: a `&str` expression, and an expression
/// that converts into `Cow<'static, str>` (the same literal for top-level parameters; a
/// `format!` for nested ones).
pub(super) struct WireName {
    borrowed: TokenStream,
    owned: TokenStream,
}

impl WireName {
    pub(super) fn top_level(name: &str) -> Self {
        Self {
            borrowed: quote!(#name),
            owned: quote!(#name),
        }
    }

    fn nested(name: &str) -> Self {
        Self {
            borrowed: quote!(&format!("{}.{}", prefix, #name)),
            owned: quote!(format!("{}.{}", prefix, #name)),
        }
    }
}

/// Writes `value` (an expression of type `&T`) under the wire name `name`.
fn write_value(
    rt: &syn::Path,
    f: &Field,
    value: &TokenStream,
    wire_name: &WireName,
) -> TokenStream {
    let name = &wire_name.borrowed;
    let owned = &wire_name.owned;
    match &f.ty {
        TypeSpec::Scalar(Scalar::String) => quote!(params.push(#owned, #value);),
        TypeSpec::Scalar(_) => quote!(params.push_scalar(#owned, #value);),
        ty if is_free_form(ty) => quote!(#rt::wire::write_json(params, #name, #value);),
        TypeSpec::Array { items, style, .. } => {
            let style = style.unwrap_or(WireStyle::RepeatList);
            match (style, items.as_ref()) {
                (WireStyle::Json, _) => quote!(#rt::wire::write_json(params, #name, #value);),
                (WireStyle::Simple, _) => quote!(#rt::wire::write_simple(params, #name, #value);),
                (_, TypeSpec::Object { .. }) => {
                    quote!(#rt::wire::write_repeat_list_objects(params, #name, #value);)
                }
                _ => quote!(#rt::wire::write_repeat_list(params, #name, #value);),
            }
        }
        TypeSpec::Object { style, .. } => match style {
            Some(WireStyle::Json) => quote!(#rt::wire::write_json(params, #name, #value);),
            _ => quote!(#rt::wire::WireObject::write_fields(#value, #name, params);),
        },
    }
}

/// Reads one field from a `Reader` (server side).
pub(super) fn read_value(cx: &Context<'_>, f: &Field, wire_name: &WireName) -> TokenStream {
    let name = &wire_name.borrowed;
    let ty = value_type(cx, f);
    match &f.ty {
        TypeSpec::Scalar(_) => quote!(reader.optional::<#ty>(#name)),
        t if is_free_form(t) => quote!(reader.json::<#ty>(#name)),
        TypeSpec::Array { items, style, .. } => {
            let style = style.unwrap_or(WireStyle::RepeatList);
            let item = match (items.as_ref(), cx.names.of(f)) {
                (TypeSpec::Scalar(s), None) => scalar_type(*s),
                (_, Some(ident)) => quote!(#ident),
                (_, None) => free_form_type(),
            };
            match (style, items.as_ref()) {
                (WireStyle::Json, _) => quote!(reader.json::<#ty>(#name)),
                (WireStyle::Simple, _) => quote!(reader.simple::<#item>(#name)),
                (_, TypeSpec::Object { .. }) => quote!(reader.repeat_list_objects::<#item>(#name)),
                _ => quote!(reader.repeat_list::<#item>(#name)),
            }
        }
        TypeSpec::Object { style, .. } => match style {
            Some(WireStyle::Json) => quote!(reader.json::<#ty>(#name)),
            _ => quote!(reader.object::<#ty>(#name)),
        },
    }
}

fn from_wire(cx: &Context<'_>) -> TokenStream {
    let rt = &cx.rt;
    let request_ty = &cx.request_ty;
    let params = &cx.op.parameters;
    let reads = params.iter().map(|p| {
        let ident = field_ident(&p.name);
        let name = &p.name;
        let read = read_value(cx, p, &WireName::top_level(name));
        if p.required {
            quote! {
                let #ident = #read;
                reader.require(#name);
            }
        } else {
            quote!(let #ident = #read;)
        }
    });
    let build = params.iter().map(|p| {
        let ident = field_ident(&p.name);
        if p.required {
            quote!(#ident: #ident.unwrap_or_default(),)
        } else {
            quote!(#ident,)
        }
    });
    let (reader_decl, params_arg) = if params.is_empty() {
        (
            quote!(let reader = #rt::wire::Reader::new(params);),
            quote!(params),
        )
    } else {
        (
            quote!(let mut reader = #rt::wire::Reader::new(params);),
            quote!(params),
        )
    };
    // Server side: compiled only with the runtime's `server` feature.
    quote! {
        #rt::__server! {
        impl #request_ty {
            /// Reads a request from received wire parameters (what a server does), reporting
            /// every missing or malformed parameter at once. Unknown parameters are ignored.
            /// Call [`validate`](Self::validate) afterwards for the spec's value rules.
            /// Compiled with the `server` feature only.
            pub fn from_wire(#params_arg: &#rt::Params) -> Result<Self, #rt::ValidationErrors> {
                #reader_decl
                #(#reads)*
                reader.finish()?;
                Ok(Self {
                    #(#build)*
                })
            }
        }
        }
    }
}

/// Structs for object-typed parameters (and object items of arrays), depth first.
/// The struct of a shared request shape (and its nested types), for the `shapes` module.
pub(super) fn shape(cx: &Context<'_>, f: &Field) -> TokenStream {
    let mut out = Vec::new();
    // Some operation may send it JSON-encoded: it needs serde.
    collect_nested(cx, f, &mut out, true);
    quote!(#(#out)*)
}

/// `json`: the struct is (inside) a JSON-encoded parameter, so it needs serde; structs sent as
/// `Name.Key` entries do without, which keeps the generated code lighter.
fn collect_nested(cx: &Context<'_>, f: &Field, out: &mut Vec<TokenStream>, json: bool) {
    if cx.names.is_shared(f) {
        // Generated once elsewhere (the product's `shapes` module).
        return;
    }
    if !f.enum_values.is_empty() {
        if !cx.names.is_shared(f) {
            if let Some(ident) = cx.names.of(f) {
                out.push(super::enums::generate(cx, ident, f));
            }
        }
        return;
    }
    let properties = match &f.ty {
        ty if is_free_form(ty) => return,
        TypeSpec::Object { properties, .. } => properties,
        TypeSpec::Array { items, .. } => match items.as_ref() {
            TypeSpec::Object { properties, .. } => properties,
            _ => return,
        },
        TypeSpec::Scalar(_) => return,
    };
    let Some(ident) = cx.names.of(f) else {
        return;
    };
    let style = match &f.ty {
        TypeSpec::Object { style, .. } | TypeSpec::Array { style, .. } => *style,
        TypeSpec::Scalar(_) => None,
    };
    let json = json || style == Some(WireStyle::Json);
    for p in properties {
        collect_nested(cx, p, out, json);
    }
    out.push(nested_struct(cx, ident, f, properties, json));
}

/// `Type::builder()` for a nested request struct: the setters take what the operation's own
/// setters take (strings and enums by `Into`, lists as iterators, numbers as numbers).
fn nested_builder(cx: &Context<'_>, ident: &Ident, properties: &[Field]) -> TokenStream {
    let setters: Vec<Setter> = properties
        .iter()
        .map(|p| {
            let (arg, convert) = setter_argument(cx, p);
            Setter {
                field: field_ident(&p.name),
                wire_name: p.name.clone(),
                arg,
                convert,
                slot: Slot::Optional,
            }
        })
        .collect();
    value_builder(ident, &setters)
}

fn nested_struct(
    cx: &Context<'_>,
    ident: &Ident,
    parent: &Field,
    properties: &[Field],
    serde: bool,
) -> TokenStream {
    let rt = &cx.rt;
    let serde_crate = cx.serde_crate();
    let fields = properties.iter().map(|p| {
        let field = field_ident(&p.name);
        let ty = value_type(cx, p);
        let doc = doc_attrs(&field_doc(p, true));
        let deprecated = deprecated_attr(p.deprecated, p.deprecation_note.as_deref());
        let name = &p.name;
        let rename = if serde {
            quote!(#[serde(rename = #name, default, skip_serializing_if = "Option::is_none")])
        } else {
            quote!()
        };
        quote! {
            #doc
            #deprecated
            #rename
            pub #field: Option<#ty>,
        }
    });
    let writes = in_wire_order(properties.iter()).map(|p| {
        let field = field_ident(&p.name);
        let name = &p.name;
        let write = write_value(rt, p, &quote!(value), &WireName::nested(name));
        quote! {
            if let Some(value) = &self.#field {
                #write
            }
        }
    });
    let reads = properties.iter().map(|p| {
        let field = field_ident(&p.name);
        let name = &p.name;
        let read = read_value(cx, p, &WireName::nested(name));
        quote!(#field: #read,)
    });
    let mut checks = Vec::new();
    for p in properties {
        let field = field_ident(&p.name);
        let name = &p.name;
        let key = quote!(format!("{}.{}", prefix, #name));
        if p.required {
            checks.push(quote! {
                if self.#field.is_none() {
                    v.push(#key, #rt::Rule::Required, None, #rt::wire::MISSING_PARAMETER);
                }
            });
        }
        let mut inner = value_checks(p, &quote!(value), &key);
        inner.extend(nested_checks(p, &quote!(value), &key));
        if !inner.is_empty() {
            checks.push(quote! {
                if let Some(value) = &self.#field {
                    #(#inner)*
                }
            });
        }
    }
    let (prefix_arg, v_arg) = if checks.is_empty() {
        (quote!(_prefix), quote!(_v))
    } else {
        (quote!(prefix), quote!(v))
    };
    let debug_fields: Vec<DebugField> = properties
        .iter()
        .map(|p| DebugField {
            ident: field_ident(&p.name),
            secret: is_secret(p),
            optional: true,
        })
        .collect();
    let (derives, debug) = derives_and_debug(
        rt,
        ident,
        data_derive_names(properties.iter().all(|p| is_eq(&p.ty))),
        &debug_fields,
    );
    let builder = nested_builder(cx, ident, properties);
    let mut d = Doc::default();
    d.line(format!("An item of `{}`.", parent.name));
    d.blank();
    d.text(&parent.description);
    let doc = doc_attrs(&d.into_lines());
    let writes_arg = if properties.is_empty() {
        quote!(_params)
    } else {
        quote!(params)
    };
    let write_prefix = if properties.is_empty() {
        quote!(_prefix)
    } else {
        quote!(prefix)
    };
    let read_args = if properties.is_empty() {
        quote!(_reader: &mut #rt::wire::Reader<'_>, _prefix: &str)
    } else {
        quote!(reader: &mut #rt::wire::Reader<'_>, prefix: &str)
    };
    let serde_derives = if serde {
        quote! {
            #[derive(#rt::__private::serde::Serialize, #rt::__private::serde::Deserialize)]
            #[serde(crate = #serde_crate)]
        }
    } else {
        quote!()
    };
    quote! {
        #doc
        #derives
        #serde_derives
        pub struct #ident {
            #(#fields)*
        }

        #debug

        #builder

        impl #ident {
            /// Checks this item's rules; violations are named `prefix.Field`.
            #[inline]
            pub fn validate_fields(&self, #prefix_arg: &str, #v_arg: &mut #rt::Validator) {
                #(#checks)*
            }
        }

        impl #rt::wire::WireObject for #ident {
            #[inline]
            fn write_fields(&self, #write_prefix: &str, #writes_arg: &mut #rt::Params) {
                #(#writes)*
            }
        }

        #rt::__server! {
            impl #rt::wire::FromWireObject for #ident {
                fn read_fields(#read_args) -> Self {
                    Self {
                        #(#reads)*
                    }
                }
            }
        }
    }
}
