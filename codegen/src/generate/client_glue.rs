//! What the client-side runtime needs of a request beyond `Operation`: reading it back from the
//! wire (`FromWire`) lets mock rules match typed requests.

use proc_macro2::TokenStream;
use quote::quote;

use super::Context;

pub(super) fn generate(cx: &Context<'_>) -> TokenStream {
    let rt = &cx.rt;
    let request_ty = &cx.request_ty;
    let read_parts = super::http::read_parts(cx);
    quote! {
        impl #rt::FromWire for #request_ty {
            fn read_wire(params: &#rt::Params) -> Result<Self, #rt::ValidationErrors> {
                #request_ty::from_wire(params)
            }
            #read_parts
        }
    }
}
