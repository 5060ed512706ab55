//! The response side: serde types for the 2xx body.
//!
//! Every field is optional or defaults to empty, unknown fields are ignored, and numbers and
//! booleans are accepted as strings too, because the vendor sends them so in places.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::docs::{field_doc, Doc};
use super::value_builders::{value_builder, Setter, Slot};
use super::{
    data_derive_names, deprecated_attr, derives_and_debug, doc_attrs, field_ident, free_form_type,
    is_eq, is_free_form, is_secret, scalar_type, Context, DebugField,
};
use crate::spec::*;

pub(super) fn generate(cx: &Context<'_>) -> TokenStream {
    let mut out = Vec::new();
    let ident = cx.response_ty.clone();
    if let Some(roa) = super::http::output_fields(cx) {
        return response_struct(cx, &ident, &roa.fields, roa.doc, true, &roa.extra);
    }
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
    out.push(response_struct(
        cx,
        &ident,
        &cx.op.response,
        d,
        true,
        &quote!(),
    ));
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
    response_struct(cx, ident, properties, d, false, &quote!())
}

/// How a response field is read from JSON.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Read {
    /// `Option<T>`: the value's own `Deserialize` (null → `None`).
    Plain,
    /// `Option<number>`: numbers also as strings (`"12"`).
    LenientNumber,
    /// `Option<bool>`: booleans also as strings (`"true"`).
    LenientBool,
    /// `Vec<T>`: `null` is the empty list.
    List,
}

/// Generates `ident` and, first, the structs of its nested objects.
///
/// `Serialize` and `Deserialize` are written out as one `match` over the wire names (reading goes
/// through the runtime's `de::Object`) rather than derived: serde's derive emits a field enum, a
/// visitor and a wrapper per lenient field for every struct, which is most of what a product's
/// generated code costs to type-check.
fn response_struct(
    cx: &Context<'_>,
    ident: &Ident,
    fields: &[Field],
    doc: Doc,
    top: bool,
    extra: &TokenStream,
) -> TokenStream {
    let rt = &cx.rt;
    let mut nested = Vec::new();
    let free_form = free_form_type();
    let mut field_defs = Vec::new();
    let mut reads = Vec::new();
    let mut writes = Vec::new();
    let mut setters = Vec::new();
    let mut debug_fields = Vec::new();
    for f in fields {
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
        let enum_ty = named
            .filter(|_| !f.enum_values.is_empty())
            .map(|i| quote!(#i));
        let mut list_item = None;
        let (ty, read) = match &f.ty {
            TypeSpec::Scalar(s) => {
                let ty = enum_ty.clone().unwrap_or_else(|| scalar_type(*s));
                let read = match (s, &enum_ty) {
                    (_, Some(_)) | (Scalar::String, _) => Read::Plain,
                    (Scalar::Boolean, _) => Read::LenientBool,
                    _ => Read::LenientNumber,
                };
                (ty, read)
            }
            ty if is_free_form(ty) => (free_form.clone(), Read::Plain),
            TypeSpec::Array {
                items,
                item_description,
                ..
            } => {
                let item = match items.as_ref() {
                    TypeSpec::Scalar(s) => enum_ty.clone().unwrap_or_else(|| scalar_type(*s)),
                    ty if is_free_form(ty) => free_form.clone(),
                    TypeSpec::Object { properties, .. } => match named {
                        Some(child) => {
                            if generate_here {
                                let mut d = Doc::default();
                                d.line(format!("An item of `{name}`."));
                                d.blank();
                                d.text(if item_description.is_empty() {
                                    &f.description
                                } else {
                                    item_description
                                });
                                nested.push(response_struct(
                                    cx,
                                    child,
                                    properties,
                                    d,
                                    false,
                                    &quote!(),
                                ));
                            }
                            quote!(#child)
                        }
                        None => free_form.clone(),
                    },
                    TypeSpec::Array { .. } => quote!(()),
                };
                list_item = Some(item.clone());
                (quote!(Vec<#item>), Read::List)
            }
            TypeSpec::Object { properties, .. } => {
                let child = match named {
                    Some(child) => {
                        if generate_here {
                            let mut d = Doc::default();
                            d.line(format!("The `{name}` object."));
                            d.blank();
                            d.text(&f.description);
                            nested.push(response_struct(
                                cx,
                                child,
                                properties,
                                d,
                                false,
                                &quote!(),
                            ));
                        }
                        quote!(#child)
                    }
                    None => free_form.clone(),
                };
                (child, Read::Plain)
            }
        };
        let deprecated = deprecated_attr(f.deprecated, f.deprecation_note.as_deref());
        let (decl_ty, read_expr, write) = match read {
            Read::List => (
                quote!(#ty),
                quote!(map.next_value::<#rt::de::Nullable<#ty>>()?.0),
                quote!(if !self.#field.is_empty() { map.serialize_entry(#name, &self.#field)?; }),
            ),
            _ => {
                let read_expr = match read {
                    Read::LenientNumber => quote!(map.next_value::<#rt::de::Lenient<#ty>>()?.0),
                    Read::LenientBool => quote!(map.next_value::<#rt::de::LenientBool>()?.0),
                    _ => quote!(map.next_value::<Option<#ty>>()?),
                };
                (
                    quote!(Option<#ty>),
                    read_expr,
                    quote!(if let Some(value) = &self.#field { map.serialize_entry(#name, value)?; }),
                )
            }
        };
        setters.push(response_setter(
            f,
            &field,
            &ty,
            list_item,
            enum_ty.is_some(),
        ));
        debug_fields.push(DebugField {
            ident: field.clone(),
            secret: is_secret(f),
            optional: true,
        });
        field_defs.push(quote!(#doc #deprecated pub #field: #decl_ty,));
        reads.push(quote!(#name => self.#field = #read_expr,));
        writes.push(write);
    }
    // No published schema: the rest of the body is kept, not dropped.
    let keep_raw = top && cx.op.raw_response;
    let raw = if keep_raw {
        let free_form = free_form_type();
        quote! {
            /// Every field of the body not declared above, as raw JSON.
            pub raw: #free_form,
        }
    } else {
        quote!()
    };
    let unknown_key = if keep_raw {
        quote! {
            other => {
                let value = map.next_value::<#rt::__private::serde_json::Value>()?;
                self.raw.insert(other.to_owned(), value);
            }
        }
    } else {
        quote! {
            _ => {
                map.next_value::<#rt::de::IgnoredAny>()?;
            }
        }
    };
    if keep_raw {
        writes.push(quote! {
            for (key, value) in &self.raw {
                map.serialize_entry(key, value)?;
            }
        });
    }
    // The fields after the declared ones, for a written-out `Debug`.
    let trailing = [(keep_raw, "raw"), (!extra.is_empty(), "body")];
    for (present, name) in trailing {
        if present {
            debug_fields.push(DebugField {
                ident: field_ident(name),
                secret: false,
                optional: false,
            });
        }
    }
    let (derives, debug) = derives_and_debug(
        rt,
        ident,
        data_derive_names(fields.iter().all(|f| is_eq(&f.ty))),
        &debug_fields,
    );
    let doc = doc_attrs(&doc.into_lines());
    let non_exhaustive = if top {
        quote!(#[non_exhaustive])
    } else {
        quote!()
    };
    let type_name = ident.to_string();
    let (map_arg, read_body) = if reads.is_empty() && !keep_raw {
        (
            quote!(map),
            quote! {
                let _ = key;
                map.next_value::<#rt::de::IgnoredAny>()?;
            },
        )
    } else {
        (
            quote!(map),
            quote! {
                match key {
                    #(#reads)*
                    #unknown_key
                }
            },
        )
    };
    let builder = value_builder(ident, &setters);
    let serializer_mut = if writes.is_empty() {
        quote!(map)
    } else {
        quote!(mut map)
    };
    quote! {
        #(#nested)*

        #doc
        #derives
        #non_exhaustive
        pub struct #ident {
            #(#field_defs)*
            #raw
            #extra
        }

        #debug

        #rt::__test_util! { #builder }

        impl #rt::de::Object for #ident {
            const NAME: &'static str = #type_name;
            fn read_field<'de, A: #rt::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                #map_arg: &mut A,
            ) -> ::core::result::Result<(), A::Error> {
                #read_body
                Ok(())
            }
        }

        impl<'de> #rt::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<D: #rt::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                #rt::de::object(deserializer)
            }
        }

        #rt::__serialize! {
            impl #rt::__private::serde::Serialize for #ident {
                fn serialize<S: #rt::__private::serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    use #rt::__private::serde::ser::SerializeMap as _;
                    let #serializer_mut = serializer.serialize_map(None)?;
                    #(#writes)*
                    map.end()
                }
            }
        }
    }
}

/// The builder setter of response field `f` (Rust field `field`, value type `ty`).
fn response_setter(
    f: &Field,
    field: &Ident,
    ty: &TokenStream,
    list_item: Option<TokenStream>,
    is_enum: bool,
) -> Setter {
    let items = match &f.ty {
        TypeSpec::Array { items, .. } => items.as_ref(),
        other => other,
    };
    let into = is_enum || *items == TypeSpec::Scalar(Scalar::String);
    let slot = if list_item.is_some() {
        Slot::List
    } else {
        Slot::Optional
    };
    Setter::new(field.clone(), &f.name, ty.clone(), list_item, into, slot)
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
