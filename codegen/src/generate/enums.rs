//! Rust enums for a spec's `enum` value lists (requests and responses alike). The code is a
//! single invocation of the runtime's `__wire_enum!`, which keeps each enum a few tokens here.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::docs::Doc;
use super::{doc_attrs, ident, Context};
use crate::naming::type_name;
use crate::spec::*;

pub(super) fn generate(cx: &Context<'_>, name: &Ident, f: &Field) -> TokenStream {
    let rt = &cx.rt;
    let mut d = Doc::default();
    d.line(format!(
        "The values of `{}`, as published; others arrive as `Unknown`.",
        f.name
    ));
    d.blank();
    d.text(&f.description);
    let doc = doc_attrs(&d.into_lines());
    let variants = f.enum_values.iter().map(|value| {
        let variant = ident(&type_name(value));
        let doc = format!(" `{value}`");
        quote!(#[doc = #doc] #variant = #value,)
    });
    quote! {
        #rt::__wire_enum! {
            #doc
            #name { #(#variants)* }
        }
    }
}
