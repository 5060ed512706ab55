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
//! ```
//!
//! The path is relative to the invoking crate's `Cargo.toml`. Spec errors become compile errors
//! naming the file and the JSON Pointer of each problem, all of them at once.

mod expand;

use proc_macro::TokenStream;

#[proc_macro]
pub fn generate(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as expand::Input);
    expand::expand(input).into()
}
