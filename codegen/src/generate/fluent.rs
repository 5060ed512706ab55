//! The fluent side of a product's operations ([`Options::product`](super::Options::product)):
//! the request implements `OperationOf<Product>` (what the product's client accepts), its
//! builder carries an attached client in one more type parameter (`()` when built with
//! `Op::builder()`), and an attached builder whose required parameters are set can `.send()`,
//! page (`.into_pages()`, `.into_items()`, `.send_all_items()`) and wait (`.wait_until_…()`).
//!
//! The product's client attaches itself (`client.run_instances()` →
//! `RunInstances::builder().__attach(client)`); nothing else can, so the type of an attached
//! builder says which product's client it came from. A top-level `RegionId` is left to the
//! client's region: not tracked by the builder's type, checked by the client when sent.

use proc_macro2::TokenStream;
use quote::quote;

use super::request::{provided_ident, state_ident};
use super::{paginate, waiters, Context};
use crate::spec::*;

/// Whether `p` is the operation's top-level `RegionId`, which the client's region fills.
pub(super) fn is_region_parameter(cx: &Context<'_>, p: &Field) -> bool {
    cx.product.is_some()
        && p.name == "RegionId"
        && p.ty == TypeSpec::Scalar(Scalar::String)
        && p.enum_values.is_empty()
        // The client fills the query (an RPC form parameter is moved to the body after):
        // a region in a ROA path, header or body is the request's alone.
        && matches!(
            p.location,
            None | Some(ParameterLocation::Query) | Some(ParameterLocation::FormData)
        )
        && cx.op.parameters.iter().any(|q| std::ptr::eq(q, p))
}

/// `const REGION_PARAMETER` of the `Operation` impl, when the operation has a region to fill.
pub(super) fn region_const(cx: &Context<'_>) -> TokenStream {
    let rt = &cx.rt;
    match cx.op.parameters.iter().find(|p| is_region_parameter(cx, p)) {
        Some(p) => {
            let name = &p.name;
            let required = p.required;
            quote! {
                const REGION_PARAMETER: Option<#rt::RegionParameter> =
                    Some(#rt::RegionParameter { name: #name, required: #required });
            }
        }
        None => quote!(),
    }
}

/// The builder's client parameter: (`C = (),` for its declaration, `C,` for its uses), empty
/// without a product.
pub(super) fn client_generic(cx: &Context<'_>) -> (TokenStream, TokenStream) {
    if cx.product.is_some() {
        (quote!(C = (),), quote!(C,))
    } else {
        (quote!(), quote!())
    }
}

/// `client: <value>,` in the builder's struct, its constructor and its setters.
pub(super) fn client_field(cx: &Context<'_>, value: TokenStream) -> TokenStream {
    if cx.product.is_some() {
        quote!(client: #value,)
    } else {
        quote!()
    }
}

/// What a missing required parameter blocks, for the type-state diagnostics.
pub(super) fn finishers(cx: &Context<'_>) -> &'static str {
    if cx.product.is_some() {
        "`.build()` or `.send()`"
    } else {
        "`.build()`"
    }
}

/// The label of the type-state diagnostic.
pub(super) fn missing_label(cx: &Context<'_>) -> &'static str {
    if cx.product.is_some() {
        "`build()` and `send()` need every required parameter"
    } else {
        "`build()` needs every required parameter"
    }
}

/// `OperationOf<Product>`, attaching, and the attached builder's methods.
pub(super) fn generate(cx: &Context<'_>) -> TokenStream {
    let Some(product) = &cx.product else {
        return quote!();
    };
    let rt = &cx.rt;
    let request_ty = &cx.request_ty;
    let builder_ty = &cx.builder_ty;
    let response_ty = &cx.response_ty;
    let error_ty = &cx.error_ty;
    let required: Vec<&Field> = cx
        .op
        .parameters
        .iter()
        .filter(|p| p.required && !is_region_parameter(cx, p))
        .collect();
    let states: Vec<_> = required.iter().map(|p| state_ident(p)).collect();
    let provided: Vec<_> = required.iter().map(|p| provided_ident(p)).collect();
    let where_clause = if required.is_empty() {
        quote!()
    } else {
        quote!(where #(#states: missing::#provided),*)
    };

    let paging = paginate::paging(cx);
    let mut methods = Vec::new();
    if paging.pages {
        methods.push(quote! {
            /// Builds the request and streams its pages, this one first, each sent by the
            /// attached client (see `Client::pages`).
            pub fn into_pages(
                self,
            ) -> impl #rt::stream::Stream<Item = Result<#response_ty, #rt::Error<#error_ty>>> + Send + 'a
            #where_clause
            {
                let client = self.client.as_ref();
                client.pages(&self.build())
            }
        });
    }
    if paging.items {
        methods.push(quote! {
            /// Builds the request and streams the items of its pages, page after page (see
            /// `Client::items`).
            pub fn into_items(
                self,
            ) -> impl #rt::stream::Stream<
                Item = Result<<#request_ty as #rt::paginate::PageItems>::Item, #rt::Error<#error_ty>>,
            > + Send + 'a
            #where_clause
            {
                let client = self.client.as_ref();
                client.items(&self.build())
            }
        });
    }
    if paging.all_items {
        methods.push(quote! {
            /// Builds the request and fetches every page, returning all items in order (see
            /// `Client::send_all_items`).
            pub async fn send_all_items(
                self,
            ) -> Result<Vec<<#request_ty as #rt::paginate::PageItems>::Item>, #rt::Error<#error_ty>>
            #where_clause
            {
                let client = self.client.as_ref();
                client.send_all_items(&self.build()).await
            }
        });
    }
    for w in waiters::resolved(cx) {
        let method = waiters::method_ident(w);
        let acceptor = waiters::acceptor_ident(w);
        let doc = format!(
            " Builds the request and waits with it: the waiter `{}` of [`{request_ty}::{method}`].",
            w.name
        );
        methods.push(quote! {
            #[doc = #doc]
            pub fn #method(self) -> #rt::waiter::Wait<'a, #request_ty> #where_clause {
                let client = self.client.as_ref();
                #rt::waiter::Wait::owned(client, self.build(), #acceptor())
            }
        });
    }

    quote! {
        impl #rt::OperationOf<#product> for #request_ty {}

        impl<#(#states),*> #builder_ty<(), #(#states),*> {
            /// Attaches the client that `.send()` uses: what the product client's method for
            /// this operation does.
            #[doc(hidden)]
            pub fn __attach(self, client: &#rt::Client) -> #builder_ty<&#rt::Client, #(#states),*> {
                #builder_ty {
                    fields: self.fields,
                    client,
                    state: ::core::marker::PhantomData,
                }
            }
        }

        // The bounds are on each method, not on the impl: a missing parameter is then reported
        // with its setter's name (the marker's diagnostic), not as an unmet impl bound.
        // Generic over the client's type (only `rt::Client` attaches; the name is what a
        // diagnostic about an unattached builder shows), so that these methods,
        // and the whole send path each instantiates for this operation, are compiled in the
        // crate that calls them, not in every build of this one.
        impl<'a, AttachedClient: AsRef<#rt::Client> + ?Sized, #(#states),*> #builder_ty<&'a AttachedClient, #(#states),*> {
            /// Builds the request (an unset idempotency token is filled here) and sends it with
            /// the client this builder came from. To send the same request again after a
            /// failure, with the same token, `.build()` it and pass it to the client's `send`.
            pub async fn send(self) -> Result<#response_ty, #rt::Error<#error_ty>> #where_clause {
                let client = self.client.as_ref();
                client.send(&self.build()).await
            }

            #(#methods)*
        }
    }
}
