//! The product's `shapes` module: nested types that several operations share, generated once
//! from a shapes file and imported by each operation (`Options::shapes`), instead of one
//! identical struct per operation.

use proc_macro2::TokenStream;
use quote::quote;

use super::names::ShapeMode;
use super::{request, response, Context, Options};
use crate::spec::*;

pub(super) fn generate(spec: &ServiceSpec, options: &Options) -> TokenStream {
    let as_field = |shape: &ShapeSpec| Field {
        name: shape.name.clone(),
        pointer: shape.pointer.clone(),
        ty: TypeSpec::Object {
            properties: shape.properties.clone(),
            style: None,
        },
        description: shape.description.clone(),
        shape: Some(shape.name.clone()),
        ..Field::default()
    };
    let of_side = |side: ShapeSide| -> Vec<Field> {
        spec.shapes
            .iter()
            .filter(|s| s.side == side)
            .map(as_field)
            .collect()
    };
    // The shapes as the parameters and response fields of a stand-in operation, so that the
    // operation generators (and their naming rules) make them.
    let op = OperationSpec {
        name: "Shapes".to_owned(),
        pointer: "/shapes".to_owned(),
        parameters: of_side(ShapeSide::Request),
        response: of_side(ShapeSide::Response),
        ..OperationSpec::default()
    };
    let cx = Context::new(spec, &op, ShapeMode::Define);
    let requests = op.parameters.iter().map(|f| request::shape(&cx, f));
    let responses = op.response.iter().map(|f| response::shape(&cx, f));
    let runtime = &options.runtime;
    let aliases = cx.names.aliases();
    let doc = format!(
        " Nested types shared by several operations of {} {}.",
        spec.product, spec.version
    );
    quote! {
        #[doc = #doc]
        #[allow(deprecated)]
        pub mod shapes {
            use #runtime as rt;

            #(#requests)*
            #(#responses)*
            #aliases
        }
    }
}
