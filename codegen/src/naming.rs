//! Wire names → Rust identifiers.

/// Splits `InstanceIds`, `VNCUrl`, `Tag.N.Key`, `Invalid.ValueNotSupported` into words.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let chars: Vec<char> = part.chars().collect();
        let mut current = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            let boundary = match prev {
                None => false,
                Some(p) => {
                    (c.is_ascii_uppercase() && (p.is_ascii_lowercase() || p.is_ascii_digit()))
                        || (c.is_ascii_uppercase()
                            && p.is_ascii_uppercase()
                            && next.is_some_and(|n| n.is_ascii_lowercase()))
                }
            };
            if boundary && !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            current.push(c);
        }
        if !current.is_empty() {
            words.push(current);
        }
    }
    words
}

/// `InstanceIds` → `instance_ids`. Keywords are left as they are; [`field_name`] turns the
/// result into a usable identifier.
pub fn snake_case(name: &str) -> String {
    let mut s = words(name)
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_");
    if s.is_empty() {
        s.push_str("field");
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    s
}

/// `InvalidPeriod.ValueNotSupported` → `InvalidPeriodValueNotSupported`.
pub fn pascal_case(name: &str) -> String {
    let mut s: String = words(name)
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect();
    if s.is_empty() {
        s.push_str("Unnamed");
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, 'N');
    }
    s
}

/// Whether a wire name has at least one ASCII letter or digit, i.e. gives an identifier of its
/// own (`_` or `__` would all become the placeholder `field`).
pub fn has_word(name: &str) -> bool {
    name.chars().any(|c| c.is_ascii_alphanumeric())
}

/// Keywords that cannot be raw identifiers (`r#self` is an error): they get a trailing `_`.
fn is_path_keyword(ident: &str) -> bool {
    matches!(ident, "self" | "Self" | "crate" | "super")
}

/// The Rust identifier (as source text) of a field, setter or module named `name` on the wire:
/// `InstanceIds` → `instance_ids`, `Type` → `r#type`, `Self` → `self_`.
///
/// The mapping: snake_case of the words; a keyword that may be a raw identifier becomes one
/// (`r#type`, `r#async`); `self`, `crate` and `super` (which may not) get a trailing `_`.
pub fn field_name(name: &str) -> String {
    let snake = snake_case(name);
    if is_path_keyword(&snake) {
        format!("{snake}_")
    } else if is_keyword(&snake) {
        format!("r#{snake}")
    } else {
        snake
    }
}

/// The Rust identifier of a type or enum variant named `name` on the wire: `PascalCase` of the
/// words; `Self` (the only keyword a PascalCase word can be) becomes `Self_`.
pub fn type_name(name: &str) -> String {
    escape_type_name(pascal_case(name))
}

/// `Self` → `Self_`; any other PascalCase identifier is kept.
pub fn escape_type_name(ident: String) -> String {
    if is_path_keyword(&ident) {
        ident + "_"
    } else {
        ident
    }
}

/// Strict, reserved and edition-dependent keywords of Rust (2015–2024).
pub fn is_keyword(ident: &str) -> bool {
    matches!(
        ident,
        "as" | "break"
            | "const"
            | "continue"
            | "crate"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "fn"
            | "for"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "pub"
            | "ref"
            | "return"
            | "self"
            | "Self"
            | "static"
            | "struct"
            | "super"
            | "trait"
            | "true"
            | "type"
            | "unsafe"
            | "use"
            | "where"
            | "while"
            | "async"
            | "await"
            | "dyn"
            | "abstract"
            | "become"
            | "box"
            | "do"
            | "final"
            | "macro"
            | "override"
            | "priv"
            | "typeof"
            | "unsized"
            | "virtual"
            | "yield"
            | "try"
            | "gen"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake() {
        assert_eq!(snake_case("RegionId"), "region_id");
        assert_eq!(snake_case("InstanceIds"), "instance_ids");
        assert_eq!(snake_case("VNCUrl"), "vnc_url");
        assert_eq!(snake_case("requestId"), "request_id");
        assert_eq!(snake_case("Tag"), "tag");
        assert_eq!(snake_case("DataDiskSize"), "data_disk_size");
        assert_eq!(snake_case("Ipv6Address"), "ipv6_address");
        assert_eq!(snake_case("ResourceGroupId"), "resource_group_id");
    }

    #[test]
    fn pascal() {
        assert_eq!(
            pascal_case("InvalidPeriod.ValueNotSupported"),
            "InvalidPeriodValueNotSupported"
        );
        assert_eq!(pascal_case("Throttling.User"), "ThrottlingUser");
        assert_eq!(pascal_case("create_instances"), "CreateInstances");
        assert_eq!(
            pascal_case("InvalidPlanIdSize.ValueNotSupported"),
            "InvalidPlanIdSizeValueNotSupported"
        );
        assert_eq!(pascal_case("404"), "N404");
    }

    #[test]
    fn keywords_become_usable_identifiers() {
        assert_eq!(field_name("Type"), "r#type");
        assert_eq!(field_name("async"), "r#async");
        assert_eq!(field_name("Gen"), "r#gen");
        assert_eq!(field_name("Self"), "self_");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("Crate"), "crate_");
        assert_eq!(field_name("SUPER"), "super_");
        assert_eq!(field_name("RegionId"), "region_id");
        assert_eq!(field_name("_"), "field");
        assert_eq!(field_name("2Fa"), "_2_fa");
        assert_eq!(type_name("Self"), "Self_");
        assert_eq!(type_name("self"), "Self_");
        assert_eq!(type_name("Type"), "Type");
        assert_eq!(type_name("crate"), "Crate");
    }
}
