//! `generate!`: reads an Alibaba Cloud RPC spec at compile time and expands to typed, validated
//! request types, response types and error enums. A thin shell over `acs-codegen`.
//!
//! ```ignore
//! acs_macros::generate!("specs/curated/CreateInstances.json");
//! acs_macros::generate!(
//!     spec = "specs/swas-open-2020-06-01/ListPlans.json",
//!     runtime = ::swas::__private::runtime,
//!     operations = [ListPlans],
//! );
//! // A product's shared nested types, once; operations then import them:
//! acs_macros::generate!("specs/ecs-2014-05-26/_shapes.json");
//! acs_macros::generate!(spec = "specs/ecs-2014-05-26/RunInstances.json", shapes = crate::shapes);
//! // An operation of a product crate with its own client (`product` = the product's marker
//! // type): the request implements `OperationOf<EcsApi>` and its builder can be attached to
//! // the product's client (`ecs.run_instances()….send()`).
//! acs_macros::generate!(
//!     spec = "specs/ecs-2014-05-26/RunInstances.json",
//!     shapes = ::ecs_shapes::shapes,
//!     product = ::ecs_shapes::EcsApi,
//! );
//! ```
//!
//! A relative path is looked up first in the invoking crate's directory (`CARGO_MANIFEST_DIR`),
//! then beside the invoking source file (as `include_str!` does). Spec errors become compile
//! errors naming the file and the JSON Pointer of each problem, all of them at once. Should the
//! generator itself fail (a bug), the macro reports a compile error naming the spec file instead
//! of rustc's bare "proc macro panicked".

mod expand;

use proc_macro::TokenStream;

#[proc_macro]
pub fn generate(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as expand::Input);
    // Like `include_str!`, a path may also be relative to the invoking source file.
    let source_dir = proc_macro::Span::call_site()
        .local_file()
        .and_then(|file| file.parent().map(std::path::Path::to_path_buf));
    let spec = input.spec_path();
    expand::guarded(&spec, || expand::expand(input, source_dir)).into()
}
