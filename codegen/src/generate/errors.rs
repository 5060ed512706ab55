//! The per-operation error enum: one variant per published code, plus `Unknown`.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::docs::Doc;
use super::{doc_attrs, Context};
use crate::naming::type_name;

pub(super) fn generate(cx: &Context<'_>) -> TokenStream {
    let rt = &cx.rt;
    let error_ty = &cx.error_ty;
    let errors = &cx.op.errors;
    let variants: Vec<_> = errors
        .iter()
        .map(|e| super::ident(&type_name(&e.code)))
        .collect();

    let variant_defs = errors.iter().zip(&variants).map(|(e, v)| {
        let mut d = Doc::default();
        d.line(format!(
            "`{}` (HTTP {}): {}",
            e.code, e.http_status, e.message
        ));
        if !e.description.is_empty() {
            d.blank();
            d.text(&e.description);
        }
        if e.retryable {
            d.blank();
            d.line("Worth retrying.");
        }
        let doc = doc_attrs(&d.into_lines());
        quote!(#doc #v(Box<#rt::ErrorMeta>),)
    });
    let published = errors.iter().map(|e| {
        let code = &e.code;
        let status = Literal::u16_unsuffixed(e.http_status);
        let message = &e.message;
        let retryable = e.retryable;
        quote!(#code #status #retryable #message;)
    });
    // Table position → variant: the one per-code piece `from_meta` needs; the lookup itself is
    // runtime code (`error_table::position`), as are retryability and everything below.
    let from_meta_arms = variants.iter().enumerate().map(|(i, v)| {
        let index = Literal::usize_unsuffixed(i);
        quote!(Some(#index) => Self::#v(meta),)
    });
    let unpublished = quote!(#rt::error_table::unpublished(meta, Self::Common, Self::Unknown));
    let from_meta_body = if errors.is_empty() {
        unpublished
    } else {
        quote! {
            match #rt::error_table::position(Self::PUBLISHED, &meta.code) {
                #(#from_meta_arms)*
                _ => #unpublished,
            }
        }
    };
    let action = &cx.op.name;
    let doc = doc_attrs(&[
        format!("Errors `{}` can answer, as published, plus [`{error_ty}::Common`] for the errors every Alibaba Cloud API can answer (signature, access key, throttling, RAM permission, …) and [`{error_ty}::Unknown`] for any other code.", cx.op.name),
        String::new(),
        "Each variant carries the (boxed) [`ErrorMeta`](::acs_runtime::ErrorMeta) of the response: code, message, HTTP status, request id, host id and troubleshooting URL.".replace("::acs_runtime", &cx.rt_str),
    ]);
    // No derives: a derived `Debug`, `Clone` or `PartialEq` is a match with an arm per
    // variant, which made up most of the compile time of a large error enum (RunInstances
    // publishes 391 codes). `Debug`, `PartialEq` and `Eq` come from `service_error_methods!`
    // without one; like aws-sdk-rust's operation errors, these are not `Clone`.
    quote! {
        #doc
        #[non_exhaustive]
        pub enum #error_ty {
            #(#variant_defs)*
            /// An error every Alibaba Cloud API can answer (signature, access key, security
            /// token, throttling, RAM permission, …) that this operation does not publish itself.
            Common(#rt::CommonError, Box<#rt::ErrorMeta>),
            /// A code this client does not know; the meta keeps the code and message as sent.
            Unknown(Box<#rt::ErrorMeta>),
        }

        #rt::service_error_methods!(#error_ty);

        impl #rt::ServiceError for #error_ty {
            const ACTION: &'static str = #action;
            const PUBLISHED: &'static [#rt::PublishedError] = #rt::published_errors![
                #(#published)*
            ];

            #[inline]
            fn from_meta(meta: #rt::ErrorMeta) -> Self {
                // Boxed so that `Result<_, Error<Self>>` stays small.
                let meta = Box::new(meta);
                #from_meta_body
            }

            #[inline]
            fn meta(&self) -> &#rt::ErrorMeta {
                match self {
                    #(Self::#variants(meta))|* | Self::Common(_, meta) | Self::Unknown(meta) => meta,
                }
            }

            #[inline]
            fn is_retryable(&self) -> bool {
                #rt::error_table::is_retryable(Self::PUBLISHED, #rt::ServiceError::meta(self))
            }
        }
    }
}
