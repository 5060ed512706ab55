//! Builders for value types: the nested structs of request parameters and the response types
//! (top-level and nested), so that users write
//! `SystemDisk::builder().category("cloud_essd").size(40).build()` instead of `Some(..)` and
//! `..Default::default()`, and a test can build an operation's output for a mock even though the
//! response type is `#[non_exhaustive]`. Response builders are generated inside the runtime's
//! `__test_util!` (the `test-util` feature): a client build compiles none of them.
//!
//! A value builder is a newtype around the value (which derives `Default`), with one setter per
//! field and `build()`; every field stays optional (values are data, not requests: nothing is
//! required here), so there is no type state.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

/// How a field holds its value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    /// `Option<T>`: the setter stores `Some(value)`.
    Optional,
    /// `Vec<T>` (a response list, empty when absent): the setter stores the list.
    List,
}

/// One setter of a value builder.
pub(super) struct Setter {
    /// The Rust field (and setter) name.
    pub field: Ident,
    /// The wire name, for the setter's doc.
    pub wire_name: String,
    /// The argument type (`impl Into<String>`, `i32`, `impl IntoIterator<Item = …>`).
    pub arg: TokenStream,
    /// The expression turning the argument (named like the field) into the stored value.
    pub convert: TokenStream,
    pub slot: Slot,
}

impl Setter {
    /// A setter for a field whose value type is `ty`: a string or a string enum (`into`) takes
    /// anything that converts into it, a list of them any iterator of such items, anything else
    /// the type itself (a list: any iterator of its items).
    pub(super) fn new(
        field: Ident,
        wire_name: &str,
        ty: TokenStream,
        list_item: Option<TokenStream>,
        into: bool,
        slot: Slot,
    ) -> Self {
        let (arg, convert) = match (list_item, into) {
            (Some(item), true) => (
                quote!(impl IntoIterator<Item = impl Into<#item>>),
                quote!(#field.into_iter().map(Into::into).collect()),
            ),
            (Some(item), false) => (
                quote!(impl IntoIterator<Item = #item>),
                quote!(#field.into_iter().collect()),
            ),
            (None, true) => (quote!(impl Into<#ty>), quote!(#field.into())),
            (None, false) => (ty, quote!(#field)),
        };
        Self {
            field,
            wire_name: wire_name.to_owned(),
            arg,
            convert,
            slot,
        }
    }
}

/// `Type::builder()` and `TypeBuilder` with one setter per field.
pub(super) fn value_builder(ident: &Ident, setters: &[Setter]) -> TokenStream {
    let builder = format_ident!("{}Builder", ident);
    let builder_doc = format!(" Starts a [`{builder}`]: every field unset.");
    let doc = format!(
        " Builder for [`{ident}`]: one setter per field, then `build()`. Unset fields stay unset."
    );
    let methods = setters.iter().map(|s| {
        let Setter {
            field,
            wire_name,
            arg,
            convert,
            slot,
        } = s;
        let doc = format!(" Sets `{wire_name}`.");
        // A field called `build` must not hide `build()`.
        let method = if field == "build" {
            format_ident!("set_build")
        } else {
            field.clone()
        };
        let store = match slot {
            Slot::Optional => quote!(Some(#convert)),
            Slot::List => convert.clone(),
        };
        quote! {
            #[doc = #doc]
            pub fn #method(mut self, #field: #arg) -> Self {
                self.0.#field = #store;
                self
            }
        }
    });
    quote! {
        impl #ident {
            #[doc = #builder_doc]
            #[inline]
            pub fn builder() -> #builder {
                #builder(Self::default())
            }
        }

        #[doc = #doc]
        #[derive(Clone, Debug, Default)]
        #[must_use = "a builder does nothing until `.build()` is called"]
        pub struct #builder(#ident);

        #[allow(deprecated)]
        impl #builder {
            #(#methods)*

            /// The value.
            #[inline]
            pub fn build(self) -> #ident {
                self.0
            }
        }
    }
}
