//! No name makes the generator panic: every spec that passes `check` generates code that parses
//! as a Rust file, and every other spec is a list of errors. Keywords and reserved identifiers
//! are mapped to usable identifiers (see specs/README.md, "Names").

use acs_codegen::{expand_bytes, expand_str, Options};
use proptest::prelude::*;
use serde_json::json;

/// A one-operation spec whose names are the given ones.
fn spec(operation: &str, parameter: &str, property: &str, error_code: &str) -> String {
    json!({
        "specVersion": 1,
        "product": "DEMO",
        "version": "2024-01-01",
        "operations": [{
            "name": operation,
            "methods": ["POST"],
            "parameters": [
                { "name": parameter, "type": "string", "required": true },
                { "name": format!("{parameter}List"), "type": "array",
                  "items": { "type": "object", "properties": [
                      { "name": property, "type": "int32" },
                      { "name": "Nested", "type": "object", "style": "flat",
                        "properties": [ { "name": property, "type": "boolean" } ] } ] } },
                { "name": format!("{parameter}Object"), "type": "object", "style": "flat",
                  "properties": [ { "name": property, "type": "string", "required": true } ] },
                { "name": format!("{parameter}Kind"), "type": "string", "enum": [parameter, format!("{property} x"), format!("{error_code}.y")] }
            ],
            "response": [
                { "name": parameter, "type": "string" },
                { "name": "Items", "type": "array", "items": { "type": "object", "properties": [
                    { "name": property, "type": "string" } ] } }
            ],
            "errors": [ { "httpStatus": 400, "code": error_code, "message": "m" } ]
        }]
    })
    .to_string()
}

/// Expands and, when the spec is accepted, checks that the output is valid Rust syntax.
fn expand_and_parse(text: &str) -> Result<(), Vec<acs_codegen::SpecError>> {
    let tokens = expand_str("names.json", text, &Options::default())?;
    if let Err(e) = syn::parse2::<syn::File>(tokens.clone()) {
        panic!("generated code does not parse ({e}):\n{tokens}");
    }
    Ok(())
}

const RESERVED: &[&str] = &[
    "Self",
    "self",
    "crate",
    "super",
    "type",
    "Type",
    "async",
    "await",
    "dyn",
    "try",
    "gen",
    "fn",
    "mod",
    "impl",
    "struct",
    "enum",
    "match",
    "ref",
    "r#type",
    "_",
    "__",
    "union",
    "static",
    "macro_rules",
    "Option",
    "Result",
    "String",
    "Vec",
    "Box",
    "Default",
    "rt",
    "missing",
    "Fields",
    "Builder",
    "Response",
    "Error",
    "Unknown",
    "Build",
    "Validate",
];

#[test]
fn every_keyword_and_reserved_word_generates_valid_rust() {
    for word in RESERVED {
        let capitalized = {
            let mut c = word.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        };
        for (operation, parameter, property) in [
            ("DoThing", *word, "Size"),
            ("DoThing", "Name", *word),
            (capitalized.as_str(), "Name", "Size"),
        ] {
            let text = spec(operation, parameter, property, "Invalid.Thing");
            // Some of these are check errors (`_`, `r#type`); none may panic.
            let _ = expand_and_parse(&text);
        }
        let _ = expand_and_parse(&spec("DoThing", "Name", "Size", word));
    }
}

#[test]
fn keywords_are_accepted_and_mapped() {
    for word in ["Self", "self", "crate", "super", "type", "async", "Self_"] {
        let result = expand_and_parse(&spec("DoThing", word, word, word));
        assert!(result.is_ok(), "{word}: {result:?}");
    }
    let code = expand_str(
        "names.json",
        &spec("Self", "self", "type", "Self"),
        &Options::default(),
    )
    .unwrap()
    .to_string();
    for expected in [
        "pub struct Self_ {",
        "pub mod self_ {",
        "pub self_ : String",
        "pub fn self_ (self , self_ : impl Into < String >)",
        "pub r#type : Option < i32 >",
        "Self_ (Box < rt :: ErrorMeta >)",
    ] {
        assert!(code.contains(expected), "missing `{expected}` in:\n{code}");
    }
}

#[test]
fn names_that_cannot_be_identifiers_are_check_errors_with_a_pointer() {
    let errors = expand_str(
        "names.json",
        &spec("DoThing", "_", "Size", "X"),
        &Options::default(),
    )
    .unwrap_err();
    let found: Vec<(String, String)> = errors
        .iter()
        .map(|e| (e.pointer.clone(), e.message.clone()))
        .collect();
    assert_eq!(
        found[0],
        (
            "/operations/0/parameters/0/name".to_owned(),
            "name `_` cannot become a Rust identifier: it needs at least one ASCII letter or digit"
                .to_owned()
        )
    );
    let errors = expand_str(
        "names.json",
        &spec("DoThing", "SystemDisk.Size", "Filter.1.Key", "X"),
        &Options::default(),
    )
    .unwrap_err();
    let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        messages[0],
        "names.json: at /operations/0/parameters/0/name: `SystemDisk.Size` is a flattened wire name, not a field name: write it as property `Size` of an object parameter `SystemDisk` with style `flat` (the wire name `SystemDisk.Size` stays exact)"
    );
    assert!(
        messages.iter().any(|m| m == "names.json: at /operations/0/parameters/1/items/properties/0/name: `Filter.1.Key` is a flattened wire name, not a field name: write it as property `Key` of the object items of an array parameter `Filter` (style `repeatList`; the wire names `Filter.N.Key` stay exact)"),
        "{messages:#?}"
    );
}

#[test]
fn bytes_that_are_not_utf8_are_an_error() {
    let errors = expand_bytes("x.json", b"{\"a\": \"\xff\"}", &Options::default()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(errors[0]
        .message
        .starts_with("the spec is not UTF-8 text: invalid utf-8 sequence"));
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z_0-9.]{0,12}",
        1 => proptest::sample::select(RESERVED).prop_map(str::to_owned),
        1 => "\\PC{0,6}",
    ]
}

/// A shapes file and an operation importing its shape, with the given names.
fn shapes_and_user(shape: &str, property: &str) -> (String, String) {
    let shapes = json!({
        "specVersion": 1, "product": "DEMO", "version": "2024-01-01",
        "shapes": [
            { "name": shape, "side": "response", "properties": [ { "name": property, "type": "string" } ] },
            { "name": format!("{shape}In"), "side": "request", "properties": [ { "name": property, "type": "int32" } ] }
        ]
    });
    let user = json!({
        "specVersion": 1, "product": "DEMO", "version": "2024-01-01",
        "operations": [{ "name": "UseShape", "methods": ["GET"],
            "parameters": [ { "name": "In", "type": "object", "style": "flat", "shape": format!("{shape}In"),
                              "properties": [ { "name": property, "type": "int32" } ] } ],
            "response": [ { "name": "Out", "type": "array", "shape": shape,
                            "items": { "type": "object", "properties": [ { "name": property, "type": "string" } ] } } ],
            "errors": [] }]
    });
    (shapes.to_string(), user.to_string())
}

fn expand_shapes_and_parse(shape: &str, property: &str) {
    let (shapes, user) = shapes_and_user(shape, property);
    let options = Options {
        shapes: Some(syn::parse_quote!(crate::shapes)),
        ..Options::default()
    };
    for (text, options) in [
        (shapes, Options::default()),
        (user.clone(), options),
        (user, Options::default()),
    ] {
        if let Ok(tokens) = expand_str("shapes.json", &text, &options) {
            if let Err(e) = syn::parse2::<syn::File>(tokens.clone()) {
                panic!("generated code does not parse ({e}):\n{tokens}");
            }
        }
    }
}

#[test]
fn shapes_with_reserved_names_generate_or_are_errors() {
    for word in RESERVED {
        expand_shapes_and_parse(word, "Name");
        expand_shapes_and_parse("Tag", word);
    }
    let (shapes, _) = shapes_and_user("Self", "Key");
    let errors = expand_str("shapes.json", &shapes, &Options::default()).unwrap_err();
    assert_eq!(errors[0].pointer, "/shapes/0/name");
    assert_eq!(
        errors[0].message,
        "shape name `Self` must be a PascalCase type name such as `Tag`"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_names_never_panic(op in name(), parameter in name(), property in name(), code in name()) {
        let _ = expand_and_parse(&spec(&op, &parameter, &property, &code));
    }

    #[test]
    fn random_shape_names_never_panic(shape in name(), property in name()) {
        expand_shapes_and_parse(&shape, &property);
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = expand_bytes("fuzz.json", &bytes, &Options::default());
    }
}
