//! ROA operations: `STYLE` (method and path template), `write_request` (path parameters,
//! query, headers, one body), `read_output`/`write_output` (the body kind and the declared
//! response headers),
//! the output struct, and reading a request back from its parts (`from_parts`).
//!
//! RPC operations get none of this: every hook here returns nothing for them.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::Doc;
use super::request::{read_value, value_type, write_param, WireName};
use super::{field_ident, Context};
use crate::spec::*;

pub(super) fn is_roa(cx: &Context<'_>) -> bool {
    cx.op.style == OperationStyle::Roa
}

/// Whether `Operation::write_params` writes `p`: every parameter of an RPC operation, the query
/// parameters of a ROA one (the rest travel through `write_request`).
pub(super) fn in_params(cx: &Context<'_>, p: &Field) -> bool {
    !is_roa(cx) || matches!(p.location, None | Some(ParameterLocation::Query))
}

/// The Rust type of a `format: binary` request body.
pub(super) fn binary_type() -> TokenStream {
    quote!(rt::roa::BinaryBody)
}

fn method_variant(m: HttpMethod) -> TokenStream {
    match m {
        HttpMethod::Get => quote!(Get),
        HttpMethod::Post => quote!(Post),
        HttpMethod::Put => quote!(Put),
        HttpMethod::Delete => quote!(Delete),
        HttpMethod::Patch => quote!(Patch),
        HttpMethod::Head => quote!(Head),
    }
}

/// `STYLE`, `write_request` and `read_output` inside `impl Operation` (nothing for RPC).
pub(super) fn operation_items(cx: &Context<'_>) -> TokenStream {
    if !is_roa(cx) {
        return quote!();
    }
    let rt = &cx.rt;
    let op = cx.op;
    // `check` guarantees one method and a path; the defaults are never used.
    let method = method_variant(op.methods.first().copied().unwrap_or(HttpMethod::Get));
    let path = op.path.as_deref().unwrap_or("/");
    let at = |location: ParameterLocation| {
        op.parameters
            .iter()
            .filter(move |p| p.location == Some(location))
    };
    let path_writes: Vec<TokenStream> = at(ParameterLocation::Path)
        .map(|p| write_param(cx, p))
        .collect();
    let header_writes: Vec<TokenStream> = at(ParameterLocation::Header)
        .map(|p| write_param(cx, p))
        .collect();
    let form_writes: Vec<TokenStream> = at(ParameterLocation::FormData)
        .map(|p| write_param(cx, p))
        .collect();
    let mut steps = Vec::new();
    if op.parameters.iter().any(|p| in_params(cx, p)) {
        steps.push(quote!(<Self as #rt::Operation>::write_params(self, &mut parts.query);));
    }
    if !path_writes.is_empty() {
        steps.push(quote! {{
            let params = &mut parts.path;
            #(#path_writes)*
        }});
    }
    if !header_writes.is_empty() {
        steps.push(quote! {{
            let params = &mut parts.headers;
            #(#header_writes)*
        }});
    }
    if !form_writes.is_empty() {
        steps.push(quote! {{
            let mut form = #rt::Params::new();
            let params = &mut form;
            #(#form_writes)*
            if !form.is_empty() {
                parts.body = #rt::Body::form(form);
            }
        }});
    }
    if let Some(body) = at(ParameterLocation::Body).next() {
        let ident = field_ident(&body.name);
        let set = if body.binary {
            quote!(parts.body = value.to_body();)
        } else {
            quote!(parts.set_json_body(value)?;)
        };
        steps.push(if body.required {
            quote! {
                let value = &self.#ident;
                #set
            }
        } else {
            quote! {
                if let Some(value) = &self.#ident {
                    #set
                }
            }
        });
    }
    let parts_arg = if steps.is_empty() {
        quote!(_parts)
    } else {
        quote!(parts)
    };
    let kind = match op.response_body {
        ResponseBody::Json => quote!(Json),
        ResponseBody::JsonArray => quote!(JsonArray),
        ResponseBody::Text => quote!(Text),
        ResponseBody::Binary => quote!(Binary),
        ResponseBody::None => quote!(None),
    };
    let headers = op.response_headers.iter().map(|h| &h.name);
    let read = quote!(#rt::roa::read_output(response, #rt::roa::BodyKind::#kind, &[#(#headers),*]));
    let headers_again = op.response_headers.iter().map(|h| &h.name);
    let write =
        quote!(#rt::roa::write_output(output, #rt::roa::BodyKind::#kind, &[#(#headers_again),*]));
    let write_output = if op.response_body == ResponseBody::Binary {
        quote! {
            let mut response = #write?;
            response.body = output.body.bytes().to_vec();
            Ok(response)
        }
    } else {
        write
    };
    let read_output = if op.response_body == ResponseBody::Binary {
        quote! {
            let mut output: Self::Output = #read?;
            output.body = #rt::roa::ResponseStream::from(response.body.clone());
            Ok(output)
        }
    } else {
        read
    };
    quote! {
        const STYLE: #rt::Style = #rt::Style::Roa {
            method: #rt::HttpMethod::#method,
            path: #path,
        };

        #[inline]
        fn write_request(&self, #parts_arg: &mut #rt::RequestParts) -> Result<(), #rt::ValidationErrors> {
            #(#steps)*
            Ok(())
        }

        #[inline]
        fn read_output(response: &#rt::HttpResponse) -> Result<Self::Output, String> {
            #read_output
        }

        #rt::__serialize! {
            #[inline]
            fn write_output(output: &Self::Output) -> Result<#rt::HttpResponse, String> {
                #write_output
            }
        }
    }
}

/// The output of a ROA operation: what its fields are, and the extra field (the bytes of a
/// binary body) that JSON does not carry. `None` for RPC.
pub(super) struct OutputFields {
    pub fields: Vec<Field>,
    pub extra: TokenStream,
    pub doc: Doc,
}

pub(super) fn output_fields(cx: &Context<'_>) -> Option<OutputFields> {
    if !is_roa(cx) {
        return None;
    }
    let op = cx.op;
    let mut doc = Doc::default();
    let method = op.methods.first().map_or("", |m| m.as_str());
    let path = op.path.as_deref().unwrap_or("");
    doc.line(format!(
        "The answer to a successful `{}` (`{method} {path}`).",
        op.name
    ));
    doc.blank();
    let mut fields = Vec::new();
    let mut extra = quote!();
    match op.response_body {
        ResponseBody::Json => {
            doc.line("The fields of the JSON body.");
            fields.extend(op.response.iter().cloned());
        }
        ResponseBody::JsonArray => {
            doc.line("The body is a JSON array: its items are `items`.");
            fields.extend(op.response.iter().cloned());
        }
        ResponseBody::Text => {
            doc.line("The body is text: `body`.");
            fields.push(Field {
                name: "body".to_owned(),
                pointer: format!("{}/responseBody", op.pointer),
                description: Text {
                    en: Some("The response body, as text.".to_owned()),
                    zh: None,
                },
                ..Field::default()
            });
        }
        ResponseBody::Binary => {
            doc.line("The body is bytes: `body`.");
            extra = quote! {
                /// The response body: bytes, whole or as a stream of chunks.
                pub body: rt::roa::ResponseStream,
            };
        }
        ResponseBody::None => {
            doc.line("The response has no body.");
        }
    }
    if !op.response_headers.is_empty() {
        let names: Vec<String> = op
            .response_headers
            .iter()
            .map(|h| format!("`{}`", h.name))
            .collect();
        doc.line(format!(
            "Response headers (absent when not sent): {}.",
            names.join(", ")
        ));
    }
    fields.extend(op.response_headers.iter().cloned());
    Some(OutputFields { fields, extra, doc })
}

/// For ROA: `from_parts` (what the `FromWire::read_parts` reads), and a `from_wire` over one
/// flat list of path, query and header parameters. `None` for RPC.
pub(super) fn from_wire(cx: &Context<'_>) -> Option<TokenStream> {
    if !is_roa(cx) {
        return None;
    }
    let rt = &cx.rt;
    let request_ty = &cx.request_ty;
    let params = &cx.op.parameters;
    let reads = params.iter().map(|p| {
        let ident = field_ident(&p.name);
        let name = &p.name;
        if p.location == Some(ParameterLocation::Body) {
            let read = if p.binary {
                quote!(#rt::roa::read_binary_body(body))
            } else {
                let ty = value_type(cx, p);
                quote!(#rt::roa::read_json_body::<#ty>(body, #name)?)
            };
            let require = if p.required {
                // Not among the parameters: `require` reports it missing.
                quote!(if #ident.is_none() { reader.require(#name); })
            } else {
                quote!()
            };
            return quote! {
                let #ident = #read;
                #require
            };
        }
        let read = read_value(cx, p, &WireName::top_level(name));
        if p.required {
            quote! {
                let #ident = #read;
                reader.require(#name);
            }
        } else {
            quote!(let #ident = #read;)
        }
    });
    let build = params.iter().map(|p| {
        let ident = field_ident(&p.name);
        if p.required {
            quote!(#ident: #ident.unwrap_or_default(),)
        } else {
            quote!(#ident,)
        }
    });
    let has_body = params
        .iter()
        .any(|p| p.location == Some(ParameterLocation::Body));
    let body_arg = if has_body {
        quote!(body)
    } else {
        quote!(_body)
    };
    let reader_decl = if params.is_empty() {
        quote!(let reader = #rt::wire::Reader::new(params);)
    } else {
        quote!(let mut reader = #rt::wire::Reader::new(params);)
    };
    Some(quote! {
        impl #request_ty {
            /// Reads a request from its path parameters, query and headers given as one list
            /// (what a server does), reporting every missing or malformed parameter at once; a
            /// body parameter is missing here (see [`from_parts`](Self::from_parts)). Call
            /// [`validate`](Self::validate) afterwards for the spec's value rules.
            pub fn from_wire(params: &#rt::Params) -> Result<Self, #rt::ValidationErrors> {
                Self::from_params_and_body(params, &#rt::Body::Empty)
            }

            /// Reads a request from everything it was sent with: path parameters, query,
            /// headers and body.
            pub fn from_parts(parts: &#rt::RequestParts) -> Result<Self, #rt::ValidationErrors> {
                let mut params = parts.query.clone();
                for (name, value) in parts.path.iter().chain(parts.headers.iter()) {
                    params.push(name.to_owned(), value);
                }
                if let #rt::Body::Form(form) = &parts.body {
                    for (name, value) in form.params().iter() {
                        params.push(name.to_owned(), value);
                    }
                }
                Self::from_params_and_body(&params, &parts.body)
            }

            fn from_params_and_body(params: &#rt::Params, #body_arg: &#rt::Body) -> Result<Self, #rt::ValidationErrors> {
                #reader_decl
                #(#reads)*
                reader.finish()?;
                Ok(Self {
                    #(#build)*
                })
            }
        }
    })
}

/// `read_parts` inside `impl FromWire` (nothing for RPC, whose default reads the query).
pub(super) fn read_parts(cx: &Context<'_>) -> TokenStream {
    if !is_roa(cx) {
        return quote!();
    }
    let rt = &cx.rt;
    let request_ty = &cx.request_ty;
    quote! {
        fn read_parts(parts: &#rt::RequestParts) -> Result<Self, #rt::ValidationErrors> {
            #request_ty::from_parts(parts)
        }
    }
}
