//! Paging: `Paginated` + `Pages` + `PageItems` for list operations whose request has
//! `PageNumber` and `PageSize` (int32) and whose response has `TotalCount` (an integer) and
//! exactly one top-level list (or, without a top-level list and `NextToken`, one object holding
//! one list: `Vpcs.Vpc`); `Pages` (and `PageItems` when there is one list, top-level or one
//! object down) for operations with a `NextToken` string in both request and response.

use proc_macro2::TokenStream;
use quote::quote;

use super::{field_ident, nested_type_name, scalar_type, Context};
use crate::spec::*;

/// Whether the operation has what `PageNumber` paging needs: `PageNumber` and `PageSize`
/// (int32) in the request, an integer `TotalCount` in the response.
fn has_page_number(op: &OperationSpec) -> bool {
    let int32 = |name: &str| {
        op.parameters
            .iter()
            .any(|p| p.name == name && p.ty == TypeSpec::Scalar(Scalar::Int32))
    };
    let total = op
        .response
        .iter()
        .any(|f| f.name == "TotalCount" && matches!(f.ty, TypeSpec::Scalar(s) if s.is_integer()));
    int32("PageNumber") && int32("PageSize") && total
}

/// The wire name of the response list a paginated operation pages through, if it is one.
pub fn page_list(op: &OperationSpec) -> Option<&Field> {
    if !has_page_number(op) {
        return None;
    }
    let mut lists = op
        .response
        .iter()
        .filter(|f| matches!(&f.ty, TypeSpec::Array { items, .. } if !matches!(**items, TypeSpec::Array { .. })));
    let list = lists.next()?;
    lists.next().is_none().then_some(list)
}

pub(super) fn generate(cx: &Context<'_>) -> TokenStream {
    let numbered = numbered(cx);
    if numbered.is_empty() {
        token_pages(cx)
    } else {
        numbered
    }
}

/// Which paging traits [`generate`] implements for an operation.
pub(super) struct Paging {
    /// `Pages`: `Client::pages`.
    pub pages: bool,
    /// `PageItems`: `Client::items`.
    pub items: bool,
    /// `Client::send_all_items`: every listing with items, `PageNumber` or `NextToken`.
    pub all_items: bool,
}

pub(super) fn paging(cx: &Context<'_>) -> Paging {
    if numbered_list(cx).is_some() {
        return Paging {
            pages: true,
            items: true,
            all_items: true,
        };
    }
    let pages = has_next_token(cx.op);
    let items = pages && token_list(cx).is_some();
    Paging {
        pages,
        items,
        all_items: items,
    }
}

/// Whether the operation pages with `NextToken` (a string in request and response).
fn has_next_token(op: &OperationSpec) -> bool {
    let string = |fields: &[Field]| {
        fields
            .iter()
            .any(|f| f.name == "NextToken" && f.ty == TypeSpec::Scalar(Scalar::String))
    };
    string(&op.parameters) && string(&op.response)
}

/// The list a `NextToken` page holds: a top-level array, or the one array of a top-level object
/// (`TagResources.TagResource`), when exactly one such list exists. Returns the path of field
/// names and the item type.
fn token_list<'a>(cx: &Context<'a>) -> Option<(Vec<&'a str>, TokenStream)> {
    let response_ty = cx.response_ty.to_string();
    let item_of = |prefix: &str, f: &Field| match &f.ty {
        TypeSpec::Array { items, .. } => match items.as_ref() {
            TypeSpec::Scalar(s) => Some(scalar_type(*s)),
            TypeSpec::Object { properties, .. } if !properties.is_empty() => {
                // The item's own (singular, possibly shared) name, else its path name.
                let ident = match cx.names.of(f) {
                    Some(ident) => ident.clone(),
                    None => nested_type_name(prefix, &f.name),
                };
                Some(quote!(#ident))
            }
            _ => None,
        },
        _ => None,
    };
    let mut found = Vec::new();
    for f in &cx.op.response {
        match &f.ty {
            TypeSpec::Array { .. } => {
                if let Some(item) = item_of(&response_ty, f) {
                    found.push((vec![f.name.as_str()], item));
                }
            }
            TypeSpec::Object { properties, .. } => {
                let prefix = nested_type_name(&response_ty, &f.name).to_string();
                let arrays: Vec<&Field> = properties
                    .iter()
                    .filter(|p| matches!(p.ty, TypeSpec::Array { .. }))
                    .collect();
                if let [inner] = arrays.as_slice() {
                    if let Some(item) = item_of(&prefix, inner) {
                        found.push((vec![f.name.as_str(), inner.name.as_str()], item));
                    }
                }
            }
            TypeSpec::Scalar(_) => {}
        }
    }
    (found.len() == 1).then(|| found.remove(0))
}

fn token_pages(cx: &Context<'_>) -> TokenStream {
    let op = cx.op;
    if !has_next_token(op) {
        return quote!();
    }
    let rt = &cx.rt;
    let request_ty = &cx.request_ty;
    let response_ty = &cx.response_ty;
    let required = op
        .parameters
        .iter()
        .any(|p| p.name == "NextToken" && p.required);
    let (current, set) = if required {
        (
            quote!(Some(self.next_token.as_str())),
            quote!(|request: &mut Self, token| request.next_token = token),
        )
    } else {
        (
            quote!(self.next_token.as_deref()),
            quote!(|request: &mut Self, token| request.next_token = Some(token)),
        )
    };
    let pages = quote! {
        /// Pages with `NextToken`: the next page's request carries the token of this page's
        /// answer; a missing or empty token ends the listing.
        impl #rt::paginate::Pages for #request_ty {
            #[inline]
            fn next_page(&self, out: &#response_ty, progress: &mut #rt::paginate::PageProgress) -> Option<Self> {
                #rt::paginate::next_token_page(self, #current, out.next_token.as_deref(), progress, #set)
            }
        }
    };
    let Some((path, item)) = token_list(cx) else {
        return pages;
    };
    let first = field_ident(path[0]);
    let take = match path.as_slice() {
        [_] => quote!(out.#first),
        [_, inner] => {
            let inner = field_ident(inner);
            quote!(out.#first.map(|o| o.#inner).unwrap_or_default())
        }
        _ => return pages,
    };
    let doc = format!(" The items of `{}`.", path.join("."));
    quote! {
        #pages

        #[doc = #doc]
        impl #rt::paginate::PageItems for #request_ty {
            type Item = #item;

            #[inline]
            fn into_page_items(out: #response_ty) -> Vec<Self::Item> {
                #take
            }
        }
    }
}

/// The list a `PageNumber` page holds (its path of field names and item type): the one
/// top-level list ([`page_list`]); or, when the response has no top-level list and the operation
/// does not page by `NextToken`, the one list of a top-level object (`Vpcs.Vpc`, the shape most
/// RPC listings have).
fn numbered_list<'a>(cx: &Context<'a>) -> Option<(Vec<&'a str>, TokenStream)> {
    let op = cx.op;
    if let Some(list) = page_list(op) {
        let item = match &list.ty {
            TypeSpec::Array { items, .. } => match items.as_ref() {
                TypeSpec::Scalar(s) => scalar_type(*s),
                _ => {
                    let ident = match cx.names.of(list) {
                        Some(ident) => ident.clone(),
                        None => nested_type_name(&cx.response_ty.to_string(), &list.name),
                    };
                    quote!(#ident)
                }
            },
            _ => return None,
        };
        return Some((vec![list.name.as_str()], item));
    }
    let top_level_list = op
        .response
        .iter()
        .any(|f| matches!(f.ty, TypeSpec::Array { .. }));
    if !has_page_number(op) || top_level_list || has_next_token(op) {
        return None;
    }
    // No top-level list: what `token_list` finds is one object's one list.
    token_list(cx).filter(|(path, _)| path.len() == 2)
}

fn numbered(cx: &Context<'_>) -> TokenStream {
    let op = cx.op;
    let Some((path, item)) = numbered_list(cx) else {
        return quote!();
    };
    let rt = &cx.rt;
    let request_ty = &cx.request_ty;
    let response_ty = &cx.response_ty;
    let first = field_ident(path[0]);
    let (borrow_items, take_items) = match path.as_slice() {
        [_] => (quote!(&out.#first), quote!(out.#first)),
        [_, inner] => {
            let inner = field_ident(inner);
            (
                quote!(out.#first.as_ref().map_or(&[][..], |o| o.#inner.as_slice())),
                quote!(out.#first.map(|o| o.#inner).unwrap_or_default()),
            )
        }
        _ => return quote!(),
    };
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
    let list_name = path.join(".");
    let doc = format!(
        " Pages through `{list_name}` with `PageNumber`/`PageSize` until `TotalCount` is reached: stream them with `Client::pages` / `Client::items`, or fetch them all with `Client::send_all_items`."
    );
    quote! {
        #[doc = #doc]
        impl #rt::paginate::Paginated for #request_ty {
            type Item = #item;

            #[inline]
            fn page_number(&self) -> Option<i32> {
                #get_number
            }

            #[inline]
            fn set_page_number(&mut self, page: i32) {
                #set_number
            }

            #[inline]
            fn page_size(&self) -> Option<i32> {
                #get_size
            }

            #[inline]
            fn page_items(out: &#response_ty) -> &[Self::Item] {
                #borrow_items
            }

            #[inline]
            fn into_page_items(out: #response_ty) -> Vec<Self::Item> {
                #take_items
            }

            #[inline]
            fn total_count(out: &#response_ty) -> Option<i64> {
                out.total_count.map(i64::from)
            }
        }

        /// Pages with `PageNumber` until `TotalCount` is reached.
        impl #rt::paginate::Pages for #request_ty {
            #[inline]
            fn next_page(&self, out: &#response_ty, progress: &mut #rt::paginate::PageProgress) -> Option<Self> {
                #rt::paginate::next_numbered_page(self, out, progress)
            }
        }

        impl #rt::paginate::PageItems for #request_ty {
            type Item = #item;

            #[inline]
            fn into_page_items(out: #response_ty) -> Vec<Self::Item> {
                #take_items
            }
        }
    }
}
