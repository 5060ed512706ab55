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

/// `InstanceIds` → `instance_ids`. Keywords are left as they are; the generator writes them as
/// raw identifiers (`r#type`), see [`is_keyword`].
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
}
