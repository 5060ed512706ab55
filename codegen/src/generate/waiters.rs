//! Waiters: for each entry of an operation's `waiters`, a method on its request,
//! `wait_until_<name>(&client)` (the runtime's client or a product's), returning the runtime's
//! `waiter::Wait`; the acceptor is a module function the fluent builder's method shares.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::{doc_attrs, field_ident, Context};
use crate::check_waiters::{resolve, Step};
use crate::naming::snake_case;
use crate::spec::waiters::WaiterSpec;

pub(super) fn generate(cx: &Context<'_>) -> TokenStream {
    let (methods, acceptors): (Vec<TokenStream>, Vec<TokenStream>) =
        cx.op.waiters.iter().map(|w| waiter(cx, w)).unzip();
    if methods.is_empty() {
        return quote!();
    }
    let request_ty = &cx.request_ty;
    quote! {
        impl #request_ty {
            #(#methods)*
        }
        #(#acceptors)*
    }
}

/// `wait_until_<name>`: the method of a waiter, on the request and on an attached builder.
pub(super) fn method_ident(w: &WaiterSpec) -> Ident {
    format_ident!("wait_until_{}", snake_case(&w.name))
}

/// The module-private function that builds a waiter's acceptor (shared by both methods).
pub(super) fn acceptor_ident(w: &WaiterSpec) -> Ident {
    format_ident!("acceptor_{}", snake_case(&w.name))
}

/// The waiters the spec check resolved (the ones [`generate`] writes methods for).
pub(super) fn resolved<'a>(cx: &'a Context<'_>) -> impl Iterator<Item = &'a WaiterSpec> {
    cx.op
        .waiters
        .iter()
        .filter(|w| resolve(&cx.op.response, &w.path).is_ok())
}

/// The request's method and the acceptor function of one waiter.
fn waiter(cx: &Context<'_>, w: &WaiterSpec) -> (TokenStream, TokenStream) {
    let rt = &cx.rt;
    let response_ty = &cx.response_ty;
    // `check` reports a path that does not resolve; should an unchecked spec reach generation
    // anyway, the waiter becomes a compile error naming it, never a silently missing method.
    let steps = match resolve(&cx.op.response, &w.path) {
        Ok(steps) => steps,
        Err(why) => {
            let message = format!(
                "waiter `{}` of `{}`: path `{}` does not resolve: {why}",
                w.name, cx.op.name, w.path_text
            );
            return (quote!(::core::compile_error!(#message);), quote!());
        }
    };
    let walk = walk(&steps, quote!(out), 0);
    let method = method_ident(w);
    let acceptor = acceptor_ident(w);
    let request_ty = &cx.request_ty;
    let name = &w.name;
    let path = &w.path_text;
    let all = w.all;
    let success = &w.success;
    let failure = &w.failure;
    let (min, max, time) = (w.min_delay, w.max_delay, w.max_time);
    let list = |states: &[String]| {
        if states.is_empty() {
            "none".to_owned()
        } else {
            states
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let mut doc = vec![format!(
        "Waiter `{name}`: polls `{}` until {} state at `{path}` is {}.",
        cx.op.name,
        if all { "every" } else { "one" },
        list(success)
    )];
    if let Some(en) = &w.description.en {
        doc.push(String::new());
        doc.push(en.clone());
    }
    doc.push(String::new());
    doc.push(format!(
        "Failure states (end with `WaitError::Failed`): {}. In progress: {} (any other state also keeps waiting).",
        list(failure),
        list(&w.retry)
    ));
    doc.push(format!(
        "Delays from {min} s doubling to {max} s with jitter; at most {time} s in all (`WaitError::TimedOut` with the last answer). Change them on the returned `Wait`, add `.on_progress(..)`, then `.wait().await`."
    ));
    let doc = doc_attrs(&doc);
    let method_tokens = quote! {
        #doc
        pub fn #method<'a, C>(&'a self, client: &'a C) -> #rt::waiter::Wait<'a, Self>
        where
            C: AsRef<#rt::Client> + ?Sized,
        {
            #rt::waiter::Wait::new(client.as_ref(), self, #acceptor())
        }
    };
    (
        method_tokens,
        quote! {
            #[inline]
            fn #acceptor() -> #rt::waiter::Acceptor<#request_ty> {
                fn states<'o>(out: &'o #response_ty, sink: &mut dyn FnMut(&'o str)) {
                    #walk
                }
                #rt::waiter::Acceptor {
                    name: #name,
                    path: #path,
                    states,
                    all: #all,
                    success: &[#(#success),*],
                    failure: &[#(#failure),*],
                    min_delay: ::core::time::Duration::from_secs(#min),
                    max_delay: ::core::time::Duration::from_secs(#max),
                    max_time: ::core::time::Duration::from_secs(#time),
                }
            }
        },
    )
}

/// Code that feeds every state under `expr` along `steps` to `sink`.
fn walk(steps: &[(&crate::spec::Field, Step)], expr: TokenStream, depth: usize) -> TokenStream {
    let Some(((field, step), rest)) = steps.split_first() else {
        return quote!();
    };
    let f = field_ident(&field.name);
    let v = format_ident!("v{}", depth);
    match step {
        Step::String => quote! {
            if let Some(state) = #expr.#f.as_deref() {
                sink(state);
            }
        },
        Step::StringArray => quote! {
            for state in &#expr.#f {
                sink(state.as_str());
            }
        },
        Step::Object => {
            let inner = walk(rest, quote!(#v), depth + 1);
            quote! {
                if let Some(#v) = &#expr.#f {
                    #inner
                }
            }
        }
        Step::ObjectArray => {
            let inner = walk(rest, quote!(#v), depth + 1);
            quote! {
                for #v in &#expr.#f {
                    #inner
                }
            }
        }
    }
}
