//! `Paginated` for list operations: the request has `PageNumber` and `PageSize` (int32), the
//! response has `TotalCount` (an integer) and exactly one top-level list.

use proc_macro2::TokenStream;
use quote::quote;

use super::{field_ident, nested_type_name, scalar_type, Context};
use crate::spec::*;

/// The wire name of the response list a paginated operation pages through, if it is one.
pub fn page_list(op: &OperationSpec) -> Option<&Field> {
    let int32 = |name: &str| {
        op.parameters
            .iter()
            .any(|p| p.name == name && p.ty == TypeSpec::Scalar(Scalar::Int32))
    };
    let total = op
        .response
        .iter()
        .any(|f| f.name == "TotalCount" && matches!(f.ty, TypeSpec::Scalar(s) if s.is_integer()));
    let mut lists = op
        .response
        .iter()
        .filter(|f| matches!(&f.ty, TypeSpec::Array { items, .. } if !matches!(**items, TypeSpec::Array { .. })));
    let list = lists.next()?;
    (int32("PageNumber") && int32("PageSize") && total && lists.next().is_none()).then_some(list)
}

pub(super) fn generate(cx: &Context<'_>) -> TokenStream {
    let op = cx.op;
    let Some(list) = page_list(op) else {
        return quote!();
    };
    let rt = &cx.rt;
    let request_ty = &cx.request_ty;
    let response_ty = &cx.response_ty;
    let item = match &list.ty {
        TypeSpec::Array { items, .. } => match items.as_ref() {
            TypeSpec::Scalar(s) => scalar_type(*s),
            _ => {
                let ident = nested_type_name(&response_ty.to_string(), &list.name);
                quote!(#ident)
            }
        },
        _ => return quote!(),
    };
    let items = field_ident(&list.name);
    let field = |name: &str| op.parameters.iter().find(|p| p.name == name);
    let (Some(number), Some(size)) = (field("PageNumber"), field("PageSize")) else {
        return quote!();
    };
    let number_ident = field_ident(&number.name);
    let size_ident = field_ident(&size.name);
    let (get_number, set_number) = if number.required {
        (
            quote!(Some(self.#number_ident)),
            quote!(self.#number_ident = page;),
        )
    } else {
        (
            quote!(self.#number_ident),
            quote!(self.#number_ident = Some(page);),
        )
    };
    let get_size = if size.required {
        quote!(Some(self.#size_ident))
    } else {
        quote!(self.#size_ident)
    };
    let list_name = &list.name;
    let doc = format!(
        " Pages through `{list_name}` with `PageNumber`/`PageSize` until `TotalCount` is reached: pass a request to the runtime's `paginate::fetch_all_items` or `paginate::fetch_all_pages`."
    );
    quote! {
        #[doc = #doc]
        impl #rt::paginate::Paginated for #request_ty {
            type Item = #item;

            fn page_number(&self) -> Option<i32> {
                #get_number
            }

            fn set_page_number(&mut self, page: i32) {
                #set_number
            }

            fn page_size(&self) -> Option<i32> {
                #get_size
            }

            fn page_items(out: &#response_ty) -> &[Self::Item] {
                &out.#items
            }

            fn into_page_items(out: #response_ty) -> Vec<Self::Item> {
                out.#items
            }

            fn total_count(out: &#response_ty) -> Option<i64> {
                out.total_count.map(i64::from)
            }
        }
    }
}
