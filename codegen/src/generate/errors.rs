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
        quote!(#rt::PublishedError { code: #code, http_status: #status, message: #message, retryable: #retryable },)
    });
    let from_meta_arms = errors.iter().zip(&variants).map(|(e, v)| {
        let code = &e.code;
        quote!(#code => Self::#v(meta),)
    });
    let retryable: Vec<_> = errors
        .iter()
        .zip(&variants)
        .filter(|(e, _)| e.retryable)
        .map(|(_, v)| v)
        .collect();
    let retryable_arm = if retryable.is_empty() {
        quote!()
    } else {
        quote!(#(Self::#retryable(_))|* => true,)
    };
    // Without a non-retryable published code, a catch-all arm would be unreachable.
    let other_arm = if retryable.len() == errors.len() {
        quote!()
    } else {
        quote!(_ => false,)
    };
    let action = &cx.op.name;
    let doc = doc_attrs(&[
        format!("Errors `{}` can answer, as published, plus [`{error_ty}::Common`] for the errors every Alibaba Cloud API can answer (signature, access key, throttling, RAM permission, …) and [`{error_ty}::Unknown`] for any other code.", cx.op.name),
        String::new(),
        "Each variant carries the (boxed) [`ErrorMeta`](::acs_runtime::ErrorMeta) of the response: code, message, HTTP status, request id, host id and troubleshooting URL.".replace("::acs_runtime", &cx.rt_str),
    ]);
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum #error_ty {
            #(#variant_defs)*
            /// An error every Alibaba Cloud API can answer (signature, access key, security
            /// token, throttling, RAM permission, …) that this operation does not publish itself.
            Common(#rt::CommonError, Box<#rt::ErrorMeta>),
            /// A code this client does not know; the meta keeps the code and message as sent.
            Unknown(Box<#rt::ErrorMeta>),
        }

        impl #error_ty {
            /// The error code exactly as the service sent it.
            pub fn code(&self) -> &str {
                &#rt::ServiceError::meta(self).code
            }

            /// The message the service sent (or the published one).
            pub fn message(&self) -> &str {
                &#rt::ServiceError::meta(self).message
            }

            /// The HTTP status of the response (or the published one).
            pub fn http_status(&self) -> u16 {
                #rt::ServiceError::meta(self).http_status
            }

            /// The request id the service assigned, when a response carried one.
            pub fn request_id(&self) -> Option<&str> {
                #rt::ServiceError::meta(self).request_id.as_deref()
            }

            /// The host id of the response, when it carried one.
            pub fn host_id(&self) -> Option<&str> {
                #rt::ServiceError::meta(self).host_id.as_deref()
            }

            /// The troubleshooting URL (`Recommend`), when the response carried one.
            pub fn recommend(&self) -> Option<&str> {
                #rt::ServiceError::meta(self).recommend.as_deref()
            }

            /// Whether retrying the same request may succeed.
            pub fn is_retryable(&self) -> bool {
                #rt::ServiceError::is_retryable(self)
            }

            /// Everything the response said about the error.
            pub fn meta(&self) -> &#rt::ErrorMeta {
                #rt::ServiceError::meta(self)
            }

            /// The common error (signature, access key, throttling, RAM permission, …) this is,
            /// whether or not the operation publishes the code itself.
            pub fn common(&self) -> Option<#rt::CommonError> {
                #rt::CommonError::from_code(self.code())
            }
        }

        impl #rt::ServiceError for #error_ty {
            const ACTION: &'static str = #action;
            const PUBLISHED: &'static [#rt::PublishedError] = &[
                #(#published)*
            ];

            fn from_meta(meta: #rt::ErrorMeta) -> Self {
                // Boxed so that `Result<_, Error<Self>>` stays small.
                let meta = Box::new(meta);
                match meta.code.as_str() {
                    #(#from_meta_arms)*
                    code => match #rt::CommonError::from_code(code) {
                        Some(common) => Self::Common(common, meta),
                        None => Self::Unknown(meta),
                    },
                }
            }

            fn meta(&self) -> &#rt::ErrorMeta {
                match self {
                    #(Self::#variants(meta))|* | Self::Common(_, meta) | Self::Unknown(meta) => meta,
                }
            }

            fn is_retryable(&self) -> bool {
                match self {
                    #retryable_arm
                    Self::Common(common, meta) => common.is_retryable() || meta.is_transient(),
                    Self::Unknown(meta) => meta.is_transient(),
                    #other_arm
                }
            }
        }

        impl ::core::fmt::Display for #error_ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(#rt::ServiceError::meta(self), f)
            }
        }

        impl ::std::error::Error for #error_ty {}

        impl ::core::str::FromStr for #error_ty {
            type Err = ::core::convert::Infallible;

            /// The variant for a code; unknown codes become [`Self::Unknown`]. Status and message
            /// are the published ones.
            fn from_str(code: &str) -> Result<Self, Self::Err> {
                Ok(<Self as #rt::ServiceError>::from_meta(#rt::error::published_meta::<Self>(code)))
            }
        }
    }
}
