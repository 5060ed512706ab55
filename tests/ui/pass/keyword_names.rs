// Wire names that are Rust keywords generate usable, warning-free code (mapping in
// specs/README.md, "Names"): raw identifiers where Rust allows them, a trailing `_` where not.
#![deny(warnings)]

acs_macros::generate!("../../specs/keywords.json");

fn main() {
    let request = Self_::builder()
        .self_("me")
        .r#type(3)
        .crate_(true)
        .super_(self_::Super {
            r#async: Some("a".into()),
            self_: Some(vec![self_::SuperSelf { r#fn: Some(7) }]),
        })
        .r#gen(["x"])
        .build();
    assert!(request.validate().is_ok());
    assert_eq!(request.self_, "me");
    assert_eq!(request.r#type, 3);

    let mut params = acs_runtime::Params::new();
    acs_runtime::Operation::write_params(&request, &mut params);
    let wire: Vec<(&str, &str)> = params.iter().collect();
    assert_eq!(
        wire,
        [
            ("Gen.1", "x"),
            ("Type", "3"),
            ("crate", "true"),
            ("self", "me"),
            ("super.Self.1.fn", "7"),
            ("super.async", "a"),
        ]
    );
    assert_eq!(Self_::from_wire(&params).unwrap(), request);

    let body: SelfResponse =
        serde_json::from_str(r#"{"Type":"t","Self":{"crate":5}}"#).unwrap();
    assert_eq!(body.r#type.as_deref(), Some("t"));
    assert_eq!(body.self_.and_then(|s| s.crate_), Some(5));

    fn is_self_code(error: &SelfError) -> bool {
        matches!(error, SelfError::Self_(_))
    }
    let _ = is_self_code;
    let _ = Type::builder().r#match("m").build();
    let _: r#type::Type = Type::builder().build();
}
