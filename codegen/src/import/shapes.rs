//! Nested types shared across a product's operations: one `Tag` instead of one per operation.
//!
//! After every operation is imported and checked, objects (and object items of lists) whose
//! properties are scalars or lists of scalars are compared across operations, request and
//! response side apart. A shape that appears identically (names, types, rules, docs of the
//! properties, documentation aside) in at least two operations and whose type name is free becomes a shared shape:
//! it is written once to `_shapes.json`, and each field that is one names it with `shape`
//! (keeping its properties inline, so each file still generates on its own). The facade then
//! generates the `shapes` module once and every operation imports from it.
//!
//! The name is the one the generator would give the type: the field's name for request objects
//! and lists (`Tag`), the singular of a response list (`Tags` → `Tag`). When two different
//! shapes ask for one name, the one used by more operations gets it; the others stay inline.

use std::collections::{BTreeMap, BTreeSet};

use crate::generate::names::singular;
use crate::naming::type_name;
use crate::spec::*;

/// The file shared shapes are written to.
pub const SHAPES_FILE: &str = "_shapes.json";

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Request,
    Response,
}

/// One candidate: its name, content and where it was found.
struct Candidate {
    name: String,
    properties: Vec<Field>,
    description: Text,
    operations: BTreeSet<String>,
}

/// Whether the properties are all scalars or lists of scalars (shapes nest no further).
fn is_flat(properties: &[Field]) -> bool {
    !properties.is_empty()
        && properties.iter().all(|p| match &p.ty {
            TypeSpec::Scalar(_) => true,
            TypeSpec::Array { items, .. } => matches!(**items, TypeSpec::Scalar(_)),
            TypeSpec::Object { .. } => false,
        })
}

/// The shared shape of `f`, if it is an object or list of objects: `(name, properties, docs)`.
fn shape_of(f: &Field, side: Side) -> Option<(String, &[Field], &Text)> {
    match &f.ty {
        TypeSpec::Object { properties, .. } if is_flat(properties) => {
            Some((type_name(&f.name), properties, &f.description))
        }
        TypeSpec::Array {
            items,
            item_description,
            ..
        } => match items.as_ref() {
            TypeSpec::Object { properties, .. } if is_flat(properties) => {
                let name = match side {
                    Side::Request => type_name(&f.name),
                    Side::Response => singular(&type_name(&f.name)),
                };
                let docs = if item_description.is_empty() {
                    &f.description
                } else {
                    item_description
                };
                Some((name, properties, docs))
            }
            _ => None,
        },
        TypeSpec::Object { .. } | TypeSpec::Scalar(_) => None,
    }
}

/// What makes two shapes one type: names, types, rules, enums, deprecation — not the
/// documentation (each operation describes its tags in its own words) nor examples.
fn key(side: Side, properties: &[Field]) -> String {
    let side = match side {
        Side::Request => "request",
        Side::Response => "response",
    };
    let bare: Vec<Field> = properties
        .iter()
        .map(|p| Field {
            description: Text::default(),
            example: None,
            ..p.clone()
        })
        .collect();
    // The spec model serializes without pointers: equal text, equal shape.
    format!(
        "{side}:{}",
        serde_json::to_string(&bare).unwrap_or_default()
    )
}

fn walk<'a>(fields: &'a [Field], side: Side, out: &mut Vec<(&'a Field, Side)>) {
    for f in fields {
        out.push((f, side));
        match &f.ty {
            TypeSpec::Object { properties, .. } => walk(properties, side, out),
            TypeSpec::Array { items, .. } => {
                if let TypeSpec::Object { properties, .. } = items.as_ref() {
                    walk(properties, side, out)
                }
            }
            TypeSpec::Scalar(_) => {}
        }
    }
}

fn walk_mut(fields: &mut [Field], side: Side, f: &mut dyn FnMut(&mut Field, Side)) {
    for field in fields {
        f(field, side);
        match &mut field.ty {
            TypeSpec::Object { properties, .. } => walk_mut(properties, side, f),
            TypeSpec::Array { items, .. } => {
                if let TypeSpec::Object { properties, .. } = items.as_mut() {
                    walk_mut(properties, side, f)
                }
            }
            TypeSpec::Scalar(_) => {}
        }
    }
}

/// Finds the shared shapes of `specs` (one operation each), marks their fields with `shape`,
/// and returns the shapes file, or `None` when nothing is shared.
pub fn share(specs: &mut [ServiceSpec]) -> Option<ServiceSpec> {
    let mut candidates: BTreeMap<String, Candidate> = BTreeMap::new();
    for spec in specs.iter() {
        for op in &spec.operations {
            let mut fields = Vec::new();
            walk(&op.parameters, Side::Request, &mut fields);
            walk(&op.response, Side::Response, &mut fields);
            for (f, side) in fields {
                let Some((name, properties, docs)) = shape_of(f, side) else {
                    continue;
                };
                let c = candidates
                    .entry(key(side, properties))
                    .or_insert_with(|| Candidate {
                        name,
                        properties: properties.to_vec(),
                        description: docs.clone(),
                        operations: BTreeSet::new(),
                    });
                c.operations.insert(op.name.clone());
            }
        }
    }
    // Shared by two operations at least; one shape per name, the most used first.
    let mut shared: Vec<(&String, &Candidate)> = candidates
        .iter()
        .filter(|(_, c)| c.operations.len() >= 2)
        .filter(|(_, c)| !crate::generate::is_reserved_shape_name(&c.name))
        .collect();
    shared.sort_by(|a, b| {
        b.1.operations
            .len()
            .cmp(&a.1.operations.len())
            .then(a.0.cmp(b.0))
    });
    let mut names = BTreeSet::new();
    let mut chosen: BTreeMap<String, String> = BTreeMap::new();
    for (key, c) in shared {
        if names.insert(c.name.clone()) {
            chosen.insert(key.clone(), c.name.clone());
        }
    }
    if chosen.is_empty() {
        return None;
    }
    let (product, version) = specs
        .first()
        .map(|s| (s.product.clone(), s.version.clone()))
        .unwrap_or_default();
    for spec in specs.iter_mut() {
        for op in &mut spec.operations {
            let mark = &mut |f: &mut Field, side: Side| {
                let Some((_, properties, _)) = shape_of(f, side) else {
                    return;
                };
                if let Some(name) = chosen.get(&key(side, properties)) {
                    f.shape = Some(name.clone());
                }
            };
            walk_mut(&mut op.parameters, Side::Request, mark);
            walk_mut(&mut op.response, Side::Response, mark);
        }
    }
    let mut shapes: Vec<ShapeSpec> = chosen
        .iter()
        .map(|(key, name)| {
            let c = &candidates[key];
            ShapeSpec {
                name: name.clone(),
                pointer: String::new(),
                side: if key.starts_with("request:") {
                    ShapeSide::Request
                } else {
                    ShapeSide::Response
                },
                description: c.description.clone(),
                properties: c.properties.clone(),
            }
        })
        .collect();
    shapes.sort_by(|a, b| a.name.cmp(&b.name));
    Some(ServiceSpec {
        schema: None,
        spec_version: 1,
        product,
        version,
        sources: Vec::new(),
        endpoints: Vec::new(),
        operations: Vec::new(),
        shapes,
    })
}
