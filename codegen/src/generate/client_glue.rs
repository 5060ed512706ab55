//! Reading a request back from the wire (`FromWire`): what servers (swas-local) use, and what
//! lets mock rules match typed requests. Server side: generated inside `rt::__server!`, so it is
//! compiled only with the runtime's `server` feature (product crates forward it as `server`).

use proc_macro2::TokenStream;
use quote::quote;

use super::Context;

pub(super) fn generate(cx: &Context<'_>) -> TokenStream {
    let rt = &cx.rt;
    let request_ty = &cx.request_ty;
    let read_parts = super::http::read_parts(cx);
    // Server side, like `from_wire`: compiled only with the runtime's `server` feature.
    quote! {
        #rt::__server! {
            impl #rt::FromWire for #request_ty {
                fn read_wire(params: &#rt::Params) -> Result<Self, #rt::ValidationErrors> {
                    #request_ty::from_wire(params)
                }
                #read_parts
            }
        }
    }
}
