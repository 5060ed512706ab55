//! Checks of names and of the constructs that map vendor metadata: wire names that cannot be
//! identifiers (dotted, flattened names included), `enum`, `in`, shared `shapes`.

use std::collections::BTreeMap;

use super::{check_fields, Side};
use crate::diagnostics::{pointer_join, Diagnostics};
use crate::naming::{has_word, type_name};
use crate::spec::*;

/// A shared type name: PascalCase letters and digits, not `Self`.
pub(super) fn is_type_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
        && name != "Self"
}

pub(super) fn check_shapes(spec: &ServiceSpec, diags: &mut Diagnostics) {
    let mut names: BTreeMap<&str, &str> = BTreeMap::new();
    for shape in &spec.shapes {
        let at = pointer_join(&shape.pointer, "name");
        if !is_type_name(&shape.name) {
            diags.error(
                &at,
                format!(
                    "shape name `{}` must be a PascalCase type name such as `Tag`",
                    shape.name
                ),
            );
        } else if crate::generate::is_reserved_shape_name(&shape.name) {
            diags.error(
                &at,
                format!(
                    "shape name `{}` is reserved (a prelude type, or the generator's own)",
                    shape.name
                ),
            );
        }
        if let Some(first) = names.insert(&shape.name, &shape.pointer) {
            diags.error(
                &at,
                format!("shape `{}` is defined twice (first at {first})", shape.name),
            );
        }
        if shape.properties.is_empty() {
            diags.error(
                &pointer_join(&shape.pointer, "properties"),
                "a shape needs at least one property",
            );
        }
        // A shape has no error table of its own: the codes its rules name are the operations'.
        let mut codes = BTreeMap::new();
        collect_codes(&shape.properties, &mut codes);
        let side = match shape.side {
            ShapeSide::Request => Side::Request,
            ShapeSide::Response => Side::Response,
        };
        check_fields(&shape.properties, side, &codes, diags);
    }
}

pub(super) fn collect_codes<'a>(fields: &'a [Field], codes: &mut BTreeMap<&'a str, &'a str>) {
    for f in fields {
        for c in &f.constraints {
            if let Some(code) = &c.error_code {
                codes.insert(code, "");
            }
        }
        collect_codes(nested_fields(f), codes);
    }
}

/// `shape` names a shared type: only objects with properties (or arrays of them) have one.
pub(super) fn check_shape_reference(f: &Field, diags: &mut Diagnostics) {
    let Some(shape) = &f.shape else {
        return;
    };
    let at = pointer_join(&f.pointer, "shape");
    if nested_fields(f).is_empty() {
        diags.error(
            &at,
            format!(
                "`shape` applies to objects with properties and arrays of them, but `{}` is {}",
                f.name,
                f.ty.describe()
            ),
        );
    } else if !is_type_name(shape) {
        diags.error(
            &at,
            format!("shape name `{shape}` must be a PascalCase type name such as `Tag`"),
        );
    }
}

/// The properties of an object field, or of the object items of an array field.
pub(super) fn nested_fields(f: &Field) -> &[Field] {
    match &f.ty {
        TypeSpec::Object { properties, .. } => properties,
        TypeSpec::Array { items, .. } => match items.as_ref() {
            TypeSpec::Object { properties, .. } => properties,
            _ => &[],
        },
        TypeSpec::Scalar(_) => &[],
    }
}

/// `in` anywhere below `f` (and on `f`) is an error.
pub(super) fn reject_location(f: &Field, why: &str, diags: &mut Diagnostics) {
    if f.location.is_some() {
        diags.error(
            &pointer_join(&f.pointer, "in"),
            format!("`in` applies to top-level request parameters only: {why}"),
        );
    }
    for nested in nested_fields(f) {
        reject_location(nested, why, diags);
    }
}

/// `enum` values: on strings (or arrays of strings), non-empty, distinct, and distinct as Rust
/// variants, none of which may be the `Unknown` fallback.
pub(super) fn check_enum(f: &Field, diags: &mut Diagnostics) {
    if f.enum_values.is_empty() {
        return;
    }
    let at = pointer_join(&f.pointer, "enum");
    let strings = match &f.ty {
        TypeSpec::Scalar(Scalar::String) => true,
        TypeSpec::Array { items, .. } => **items == TypeSpec::Scalar(Scalar::String),
        _ => false,
    };
    if !strings {
        diags.error(
            &at,
            format!(
                "`enum` applies to strings and arrays of strings, but `{}` is {}",
                f.name,
                f.ty.describe()
            ),
        );
        return;
    }
    let mut variants: BTreeMap<String, &str> = BTreeMap::new();
    for (i, value) in f.enum_values.iter().enumerate() {
        let at = pointer_join(&at, i);
        let variant = type_name(value);
        if variant == "Unknown" {
            diags.error(
                &at,
                format!("enum value `{value}` clashes with the `Unknown` variant kept for values the spec does not list"),
            );
        } else if !has_word(value) {
            diags.error(
                &at,
                format!("enum value {value:?} cannot become a Rust variant: it needs at least one ASCII letter or digit"),
            );
        } else if let Some(other) = variants.insert(variant.clone(), value) {
            if other == value {
                diags.error(&at, format!("enum value `{value}` is listed twice"));
            } else {
                diags.error(
                    &at,
                    format!("enum values `{other}` and `{value}` would both become the variant `{variant}`"),
                );
            }
        }
    }
}

/// Why a wire name cannot name a field, if it cannot. Dotted names are the vendor's flattened
/// spelling of nested parameters; the message says how the spec writes them.
///
/// A response field is a JSON key, not a flattened name: any printable ASCII without spaces
/// (`Area.en`, `x-acs-id`) is kept as it is, the Rust name derived from its words (`area_en`).
pub(super) fn wire_name_problem(name: &str, json_key: bool) -> Option<String> {
    if name.is_empty() {
        return Some("a name must not be empty".to_owned());
    }
    if json_key {
        if !name.chars().all(|c| c.is_ascii_graphic()) {
            return Some(format!(
                "name `{name}` must be printable ASCII without spaces"
            ));
        }
        if !has_word(name) {
            return Some(format!(
                "name `{name}` cannot become a Rust identifier: it needs at least one ASCII letter or digit"
            ));
        }
        return None;
    }
    if name.contains('.') {
        let parts: Vec<&str> = name.split('.').collect();
        let hint = match parts.as_slice() {
            [object, index, property]
                if index.chars().all(|c| c.is_ascii_digit()) && !index.is_empty() =>
            {
                format!(
                    "write it as property `{property}` of the object items of an array parameter `{object}` (style `repeatList`; the wire names `{object}.N.{property}` stay exact)"
                )
            }
            [object, property] => format!(
                "write it as property `{property}` of an object parameter `{object}` with style `flat` (the wire name `{name}` stays exact)"
            ),
            _ => "write it as nested object parameters (style `flat`) or an array of objects (style `repeatList`)".to_owned(),
        };
        return Some(format!(
            "`{name}` is a flattened wire name, not a field name: {hint}"
        ));
    }
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Some(format!(
            "name `{name}` must contain only ASCII letters, digits and `_`"
        ));
    }
    if !has_word(name) {
        return Some(format!(
            "name `{name}` cannot become a Rust identifier: it needs at least one ASCII letter or digit"
        ));
    }
    None
}
