//! Names of the types generated inside one operation's module: nested structs and enums.
//!
//! Every name is decided up front, keyed by the JSON Pointer of the field that needs it, so
//! each generator that mentions a type gets the same identifier. The rules:
//! - a response list's items take the singular of the list (`Instances` → `Instance`), a response
//!   object its own name (`ResourceSpec`); request types keep their names (`Tag`, `SystemDisk`,
//!   nested `FilterValues`);
//! - identical response shapes share one struct (12 `Tags` lists of `{Key, Value}` in one
//!   operation are one `Tag`), identical value lists one enum;
//! - when the short name is taken by a different type, the path name (`ListInstancesResponseTags`,
//!   the pre-singular scheme) is used, then a number; and where the path name is not the final
//!   name, it stays as a hidden type alias so code written against it keeps compiling.

use std::collections::BTreeMap;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{ident, nested_type_name};
use crate::naming::{escape_type_name, pascal_case};
use crate::spec::*;

/// How fields that name a shared `shape` are treated.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum ShapeMode {
    /// No `shapes` module: every type is generated in place.
    #[default]
    Inline,
    /// Shared types come from the `shapes` module and are imported (`pub use`).
    Import,
    /// Generating the `shapes` module itself: shapes get exactly their names.
    Define,
}

#[derive(Default)]
pub(crate) struct TypeNames {
    mode: ShapeMode,
    /// `(shape, local name)` imported from the `shapes` module.
    imports: Vec<(Ident, Ident)>,
    /// Field pointer → the struct (objects, arrays of objects) or enum of its values.
    by_pointer: BTreeMap<String, Ident>,
    /// Fields whose struct or enum is generated elsewhere (an identical shape got there first).
    shared: BTreeMap<String, ()>,
    /// Name → what it holds (a shape key), for sharing and collision checks.
    taken: BTreeMap<String, String>,
    /// `(path name, final name)` pairs kept as hidden aliases.
    aliases: Vec<(Ident, Ident)>,
    /// Response shape key → the shortest short name any field of that shape asks for, so that
    /// a shape met as `DiskTags` and as `Tags` is called `Tag`, whichever comes first.
    preferred: BTreeMap<String, String>,
}

/// `Instances` → `Instance` (lists), `ResourceSpec` (objects).
fn short_response_name(f: &Field, is_list: bool) -> String {
    let base = pascal_case(&f.name);
    let short = if is_list { singular(&base) } else { base };
    nested_type_name("", &short).to_string()
}

impl TypeNames {
    pub(crate) fn new(op: &OperationSpec, reserved: &[String], mode: ShapeMode) -> Self {
        let mut names = Self {
            mode,
            ..Self::default()
        };
        for r in reserved {
            names.taken.insert(r.clone(), "reserved".to_owned());
        }
        for p in op.parameters.iter().filter(|p| p.required) {
            // The builder's generic parameters.
            names.taken.insert(
                format!("{}State", pascal_case(&p.name)),
                "reserved".to_owned(),
            );
        }
        let request = escape_type_name(pascal_case(&op.name));
        for p in &op.parameters {
            names.assign(p, "", &request, Side::Request);
        }
        let response = format!("{}Response", pascal_case(&op.name));
        for f in &op.response {
            names.prefer_shortest(f);
        }
        for f in &op.response {
            names.assign(f, &response, &response, Side::Response);
        }
        names
    }

    /// The struct or enum generated for `f` (by its pointer), if it has one.
    pub(crate) fn of(&self, f: &Field) -> Option<&Ident> {
        self.by_pointer.get(&f.pointer)
    }

    /// Whether `f`'s type is generated at another field (identical shape).
    pub(crate) fn is_shared(&self, f: &Field) -> bool {
        self.shared.contains_key(&f.pointer)
    }

    /// `pub use <shapes>::Shape as Local;` for every shared type this operation uses.
    pub(crate) fn imports(&self, shapes: Option<&syn::Path>) -> TokenStream {
        let Some(shapes) = shapes else {
            return quote!();
        };
        let imports = self.imports.iter().map(|(shape, local)| {
            if shape == local {
                quote!(pub use #shapes::#shape;)
            } else {
                quote!(pub use #shapes::#shape as #local;)
            }
        });
        quote!(#(#imports)*)
    }

    /// `#[doc(hidden)] pub type PathName = FinalName;` for every renamed type.
    pub(crate) fn aliases(&self) -> TokenStream {
        let aliases = self
            .aliases
            .iter()
            .map(|(old, new)| quote!(#[doc(hidden)] pub type #old = #new;));
        quote!(#(#aliases)*)
    }

    /// First pass over the response: the preferred name of every struct shape.
    fn prefer_shortest(&mut self, f: &Field) {
        if f.shape.is_some() && self.mode != ShapeMode::Inline {
            return;
        }
        let Some((properties, is_list)) = struct_properties(f) else {
            return;
        };
        let key = format!("response {}", shape_key(properties));
        let short = short_response_name(f, is_list);
        let better = match self.preferred.get(&key) {
            Some(current) => short.len() < current.len(),
            None => true,
        };
        if better {
            self.preferred.insert(key, short);
        }
        for p in properties {
            self.prefer_shortest(p);
        }
    }

    /// `path_prefix`: the path name of the parent (`""` for request parameters);
    /// `owner`: the request or response type, for enum fallbacks.
    fn assign(&mut self, f: &Field, path_prefix: &str, owner: &str, side: Side) {
        if !f.enum_values.is_empty() {
            let key = format!("enum {:?}", f.enum_values);
            // The enum of an array names one item: `Zones` → `Zone`.
            let base = pascal_case(&f.name);
            let base = match f.ty {
                TypeSpec::Array { .. } => singular(&base),
                _ => base,
            };
            let short = escape_type_name(base.clone());
            let path = escape_type_name(format!("{owner}{base}"));
            // Enums are new: no earlier name to keep as an alias.
            self.place(f, short, path, key, true, false);
            return;
        }
        let Some((properties, is_list)) = struct_properties(f) else {
            return;
        };
        let path = nested_type_name(path_prefix, &f.name).to_string();
        if let Some(shape) = f.shape.as_ref().filter(|_| self.mode != ShapeMode::Inline) {
            if self.mode == ShapeMode::Import {
                self.place(f, shape.clone(), path, format!("shape {shape}"), true, true);
                self.shared.insert(f.pointer.clone(), ());
                if let Some(local) = self.by_pointer.get(&f.pointer).cloned() {
                    let shape = ident(shape);
                    if !self.imports.iter().any(|(s, _)| *s == shape) {
                        self.imports.push((shape, local));
                    }
                }
                return;
            }
            // Defining the shapes module: the shape's own name, its children by path from it.
            self.place(
                f,
                shape.clone(),
                path,
                format!("define {shape}"),
                false,
                false,
            );
            for p in properties {
                self.assign(p, shape, owner, side);
            }
            return;
        }
        let (short, key, share) = match side {
            // Request types keep their path names (`Tag`, `FilterValues`); each is generated.
            Side::Request => (path.clone(), format!("request {}", f.pointer), false),
            Side::Response => {
                let key = format!("response {}", shape_key(properties));
                // The shape's preferred name when it is free (or already this shape's), else
                // this field's own short name.
                let short = match self.preferred.get(&key) {
                    Some(preferred)
                        if self.taken.get(preferred).is_none_or(|held| *held == key) =>
                    {
                        preferred.clone()
                    }
                    _ => short_response_name(f, is_list),
                };
                (short, key, true)
            }
        };
        self.place(f, short, path.clone(), key, share, true);
        if self.is_shared(f) {
            // Generated (with its children) where the identical shape was first met.
            return;
        }
        // Children fall back to the path names of the pre-singular scheme
        // (`ListInstancesResponseInstancesDisks`), so the old names stay valid aliases.
        for p in properties {
            self.assign(p, &path, owner, side);
        }
    }

    /// Gives `f` the first free (or identical, when `share`) of `short`, `path`, `path2`, ….
    fn place(
        &mut self,
        f: &Field,
        short: String,
        path: String,
        key: String,
        share: bool,
        alias: bool,
    ) {
        let same_shape = share
            .then(|| self.taken.iter().find(|(_, k)| **k == key))
            .flatten()
            .map(|(name, _)| name.clone());
        let mut candidates: Vec<String> = same_shape.into_iter().collect();
        candidates.extend([short, path.clone()]);
        candidates.extend((2..).take(1000).map(|n| format!("{path}{n}")));
        for name in candidates {
            match self.taken.get(&name) {
                Some(existing) if share && *existing == key => {
                    self.shared.insert(f.pointer.clone(), ());
                    self.by_pointer.insert(f.pointer.clone(), ident(&name));
                    if alias {
                        self.alias(&path, &name);
                    }
                    return;
                }
                Some(_) => continue,
                None => {
                    self.taken.insert(name.clone(), key);
                    self.by_pointer.insert(f.pointer.clone(), ident(&name));
                    if alias {
                        self.alias(&path, &name);
                    }
                    return;
                }
            }
        }
        // 1002 types of one name cannot happen in a spec that fits in memory; stay total anyway.
        self.by_pointer.insert(f.pointer.clone(), ident(&path));
    }

    fn alias(&mut self, path: &str, name: &str) {
        if path != name && !self.taken.contains_key(path) {
            self.taken.insert(path.to_owned(), "alias".to_owned());
            self.aliases.push((ident(path), ident(name)));
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Request,
    Response,
}

/// What makes two response structs interchangeable: names, types, nesting, enums, deprecation.
fn shape_key(properties: &[Field]) -> String {
    let mut key = String::from("{");
    for p in properties {
        key.push_str(&p.name);
        key.push(':');
        key.push_str(&type_key(&p.ty));
        if !p.enum_values.is_empty() {
            key.push_str(&format!("enum{:?}", p.enum_values));
        }
        if p.deprecated {
            key.push_str(&format!("deprecated{:?}", p.deprecation_note));
        }
        key.push(',');
    }
    key.push('}');
    key
}

fn type_key(ty: &TypeSpec) -> String {
    match ty {
        TypeSpec::Scalar(s) => s.name().to_owned(),
        TypeSpec::Array { items, .. } => format!("[{}]", type_key(items)),
        TypeSpec::Object { properties, .. } => shape_key(properties),
    }
}

/// `Instances` → `Instance`, `Policies` → `Policy`, `Addresses` → `Address`; names that do not
/// look plural are kept (`Data`, `Status`, `Tag`).
pub(crate) fn singular(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if lower.len() > 4 && lower.ends_with("ies") {
        format!("{}y", &name[..name.len() - 3])
    } else if ["sses", "xes", "ches", "shes", "uses"]
        .iter()
        .any(|end| lower.len() > end.len() + 1 && lower.ends_with(end))
    {
        name[..name.len() - 2].to_owned()
    } else if lower.len() > 2
        && lower.ends_with('s')
        && !["ss", "us", "is"].iter().any(|end| lower.ends_with(end))
    {
        name[..name.len() - 1].to_owned()
    } else {
        name.to_owned()
    }
}

/// The properties of the struct a field needs — its own object, or its list's object items
/// (`true`) — when it has any.
fn struct_properties(f: &Field) -> Option<(&[Field], bool)> {
    match &f.ty {
        TypeSpec::Object { properties, .. } if !properties.is_empty() => Some((properties, false)),
        TypeSpec::Array { items, .. } => match items.as_ref() {
            TypeSpec::Object { properties, .. } if !properties.is_empty() => {
                Some((properties, true))
            }
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::singular;

    #[test]
    fn plural_list_names_become_singular() {
        for (plural, one) in [
            ("Instances", "Instance"),
            ("Policies", "Policy"),
            ("Ipv6Addresses", "Ipv6Address"),
            ("Statuses", "Status"),
            ("Boxes", "Box"),
            ("Disks", "Disk"),
            ("Tags", "Tag"),
            ("Tag", "Tag"),
            ("Status", "Status"),
            ("Data", "Data"),
            ("Ids", "Id"),
            ("Is", "Is"),
        ] {
            assert_eq!(singular(plural), one, "{plural}");
        }
    }
}
