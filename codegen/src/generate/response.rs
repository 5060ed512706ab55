//! The response side: serde types for the 2xx body.
//!
//! Every field is optional or defaults to empty, unknown fields are ignored, and numbers and
//! booleans are accepted as strings too, because the vendor sends them so in places.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::docs::{field_doc, Doc};
use super::{
    data_derives, deprecated_attr, doc_attrs, field_ident, free_form_type, is_eq, is_free_form,
    scalar_type, Context,
};
use crate::spec::*;

pub(super) fn generate(cx: &Context<'_>) -> TokenStream {
    let mut out = Vec::new();
    let ident = cx.response_ty.clone();
    let mut d = Doc::default();
    d.line(format!(
        "The body of a successful `{}` response.",
        cx.op.name
    ));
    if let Some(from) = response_source(cx.spec) {
        d.blank();
        d.line(format!("Response fields as published in {from}."));
    }
    if cx.op.raw_response {
        d.blank();
        d.line("No source publishes this response's schema: every field but `RequestId` is kept as raw JSON in `raw`.");
    }
    out.push(response_struct(cx, &ident, &cx.op.response, d, true));
    quote!(#(#out)*)
}

/// The struct of a shared response shape (and its nested types), for the `shapes` module.
pub(super) fn shape(cx: &Context<'_>, f: &Field) -> TokenStream {
    let (Some(ident), TypeSpec::Object { properties, .. }) = (cx.names.of(f), &f.ty) else {
        return quote!();
    };
    let mut d = Doc::default();
    d.line(format!(
        "`{}`, shared by the operations that return it.",
        f.name
    ));
    d.blank();
    d.text(&f.description);
    response_struct(cx, ident, properties, d, false)
}

/// Generates `ident` and, first, the structs of its nested objects.
fn response_struct(
    cx: &Context<'_>,
    ident: &Ident,
    fields: &[Field],
    doc: Doc,
    top: bool,
) -> TokenStream {
    let rt_str = &cx.rt_str;
    let rt = &cx.rt;
    let serde_crate = cx.serde_crate();
    let mut nested = Vec::new();
    let free_form = free_form_type();
    let field_defs: Vec<TokenStream> = fields
        .iter()
        .map(|f| {
            let name = &f.name;
            let field = field_ident(name);
            let doc = doc_attrs(&field_doc(f, false));
            // Enums, and structs of objects, are named up front; a shared one is generated once.
            let named = cx.names.of(f);
            let generate_here = named.is_some() && !cx.names.is_shared(f);
            if !f.enum_values.is_empty() && generate_here {
                if let Some(ident) = named {
                    nested.push(super::enums::generate(cx, ident, f));
                }
            }
            let enum_ty = named.filter(|_| !f.enum_values.is_empty()).map(|i| quote!(#i));
            let (ty, attrs) = match &f.ty {
                TypeSpec::Scalar(s) => {
                    let ty = enum_ty.clone().unwrap_or_else(|| scalar_type(*s));
                    let attrs = match s {
                        Scalar::String => quote!(#[serde(rename = #name, default, skip_serializing_if = "Option::is_none")]),
                        Scalar::Boolean => {
                            let with = format!("{rt_str}::de::lenient_bool");
                            quote!(#[serde(rename = #name, default, deserialize_with = #with, skip_serializing_if = "Option::is_none")])
                        }
                        _ => {
                            let with = format!("{rt_str}::de::lenient_number");
                            quote!(#[serde(rename = #name, default, deserialize_with = #with, skip_serializing_if = "Option::is_none")])
                        }
                    };
                    (quote!(Option<#ty>), attrs)
                }
                ty if is_free_form(ty) => (
                    quote!(Option<#free_form>),
                    quote!(#[serde(rename = #name, default, skip_serializing_if = "Option::is_none")]),
                ),
                TypeSpec::Array { items, item_description, .. } => {
                    let item = match items.as_ref() {
                        TypeSpec::Scalar(s) => enum_ty.clone().unwrap_or_else(|| scalar_type(*s)),
                        ty if is_free_form(ty) => free_form.clone(),
                        TypeSpec::Object { properties, .. } => match named {
                            Some(child) => {
                                if generate_here {
                                    let mut d = Doc::default();
                                    d.line(format!("An item of `{name}`."));
                                    d.blank();
                                    d.text(if item_description.is_empty() { &f.description } else { item_description });
                                    nested.push(response_struct(cx, child, properties, d, false));
                                }
                                quote!(#child)
                            }
                            None => free_form.clone(),
                        },
                        TypeSpec::Array { .. } => quote!(()),
                    };
                    let with = format!("{rt_str}::de::nullable");
                    (
                        quote!(Vec<#item>),
                        quote!(#[serde(rename = #name, default, deserialize_with = #with, skip_serializing_if = "Vec::is_empty")]),
                    )
                }
                TypeSpec::Object { properties, .. } => {
                    let child = match named {
                        Some(child) => {
                            if generate_here {
                                let mut d = Doc::default();
                                d.line(format!("The `{name}` object."));
                                d.blank();
                                d.text(&f.description);
                                nested.push(response_struct(cx, child, properties, d, false));
                            }
                            quote!(#child)
                        }
                        None => free_form.clone(),
                    };
                    (
                        quote!(Option<#child>),
                        quote!(#[serde(rename = #name, default, skip_serializing_if = "Option::is_none")]),
                    )
                }
            };
            let deprecated = deprecated_attr(f.deprecated, f.deprecation_note.as_deref());
            quote!(#doc #deprecated #attrs pub #field: #ty,)
        })
        .collect();
    let raw = if top && cx.op.raw_response {
        let free_form = free_form_type();
        quote! {
            /// Every field of the body not declared above, as raw JSON.
            #[serde(flatten)]
            pub raw: #free_form,
        }
    } else {
        quote!()
    };
    let derives = data_derives(fields.iter().all(|f| is_eq(&f.ty)));
    let doc = doc_attrs(&doc.into_lines());
    let non_exhaustive = if top {
        quote!(#[non_exhaustive])
    } else {
        quote!()
    };
    quote! {
        #(#nested)*

        #doc
        #[derive(#derives, #rt::__private::serde::Serialize, #rt::__private::serde::Deserialize)]
        #[serde(crate = #serde_crate)]
        #non_exhaustive
        pub struct #ident {
            #(#field_defs)*
            #raw
        }
    }
}

/// `the vendor metadata of 2024-06-24` when a layered import carried the response forward from a
/// snapshot older than the request side.
fn response_source(spec: &ServiceSpec) -> Option<String> {
    let s = spec
        .sources
        .iter()
        .find(|s| s.sections.iter().any(|x| x == "response"))?;
    Some(match &s.date {
        Some(date) => format!("the vendor metadata of {date} (carried forward: newer snapshots publish the request side only)"),
        None => "an older vendor metadata snapshot (carried forward)".to_owned(),
    })
}
