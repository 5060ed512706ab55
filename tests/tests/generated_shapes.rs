//! Behaviour of generated code for every constraint kind and wire style (small specs in
//! tests/specs, expanded here with the default runtime path).

use acs_runtime::{Operation, Params};

acs_macros::generate!("specs/constraints.json");
acs_macros::generate!("specs/shapes.json");

fn wire<O: Operation>(op: &O) -> Vec<(String, String)> {
    let mut params = Params::new();
    op.write_params(&mut params);
    params
        .iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

#[test]
fn every_constraint_kind_is_enforced() {
    let ok = ConfigureWidget::builder().colour("Red").build();
    assert!(ok.validate().is_ok());

    let bad = ConfigureWidget::builder()
        .colour("Blue")
        .count(10)
        .months(6)
        .size_gb(15)
        .label("é")
        .notify(true)
        .ids(["a", "b", "c", "d"])
        .build();
    let errors = bad.validate().unwrap_err();
    let found: Vec<(String, &str)> = errors
        .violations()
        .iter()
        .map(|v| (v.parameter.to_string(), v.code))
        .collect();
    let expected: Vec<(String, &str)> = [
        ("Colour", "InvalidColour"),
        ("Count", "InvalidCount"),
        ("Months", "InvalidMonths"),
        ("SizeGb", "InvalidSize"),
        ("Label", "InvalidParameter"),
        ("Label", "InvalidParameter"),
        ("Email", "MissingEmail"),
        ("Ids", "InvalidParameter"),
    ]
    .into_iter()
    .map(|(p, c)| (p.to_owned(), c))
    .collect();
    assert_eq!(found, expected);

    // Negative sizes break the range; the server-checked rule is never checked locally.
    let negative = ConfigureWidget::builder()
        .colour("Green")
        .size_gb(-10)
        .build();
    assert_eq!(negative.validate().unwrap_err().codes(), ["InvalidSize"]);
}

#[test]
fn wire_styles() {
    let request = TagThings::builder()
        .resource_ids(["r-1", "r-2"])
        .tag(vec![
            tag_things::Tag {
                key: Some("env".into()),
                value: Some("prod".into()),
            },
            tag_things::Tag {
                key: Some("team".into()),
                value: None,
            },
        ])
        .ports(vec![22, 443])
        .filter(tag_things::Filter {
            name: Some("zone".into()),
            values: Some(vec!["a".into(), "b".into()]),
        })
        .r#type("x")
        .build();
    let expected: Vec<(String, String)> = [
        ("Filter.Name", "zone"),
        ("Filter.Values.1", "a"),
        ("Filter.Values.2", "b"),
        ("Ports", "22,443"),
        ("ResourceIds.1", "r-1"),
        ("ResourceIds.2", "r-2"),
        ("Tag.1.Key", "env"),
        ("Tag.1.Value", "prod"),
        ("Tag.2.Key", "team"),
        ("type", "x"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    assert_eq!(wire(&request), expected);

    // The server side reads the same parameters back into the same value.
    let mut params = Params::new();
    request.write_params(&mut params);
    assert_eq!(TagThings::from_wire(&params).unwrap(), request);

    let json = ConfigureWidget::builder()
        .colour("Red")
        .ids(["a", "b"])
        .build();
    assert_eq!(
        wire(&json),
        [
            ("Colour".to_owned(), "Red".to_owned()),
            ("Ids".to_owned(), r#"["a","b"]"#.to_owned())
        ]
    );
}

#[test]
fn nested_items_are_validated_with_wire_names() {
    let request = TagThings::builder()
        .resource_ids(["r-1"])
        .tag(vec![
            tag_things::Tag {
                key: None,
                value: Some("v".into()),
            },
            tag_things::Tag {
                key: Some("k".repeat(129)),
                value: None,
            },
        ])
        .build();
    let errors = request.validate().unwrap_err();
    let found: Vec<(String, &str)> = errors
        .violations()
        .iter()
        .map(|v| (v.parameter.to_string(), v.code))
        .collect();
    assert_eq!(
        found,
        [
            ("Tag.1.Key".to_owned(), "MissingParameter"),
            ("Tag.2.Key".to_owned(), "InvalidParameter")
        ]
    );
}

#[test]
fn responses_accept_numbers_and_booleans_as_strings() {
    let body = r#"{
        "RequestId": "R",
        "TotalCount": "12",
        "Ratio": 0.5,
        "Items": [{"ResourceId": "r-1", "Enabled": "true", "Tags": [{"Key": "k", "Value": "v"}]}],
        "Owner": {"Name": "me"},
        "Extra": {"ignored": true}
    }"#;
    let response: TagThingsResponse = serde_json::from_str(body).unwrap();
    assert_eq!(response.total_count, Some(12));
    assert_eq!(response.ratio, Some(0.5));
    assert_eq!(response.items[0].enabled, Some(true));
    assert_eq!(response.items[0].tags[0].key.as_deref(), Some("k"));
    assert_eq!(
        response.owner.as_ref().and_then(|o| o.name.as_deref()),
        Some("me")
    );

    let garbage = serde_json::from_str::<TagThingsResponse>(r#"{"TotalCount": "many"}"#);
    assert!(garbage.is_err());
}

#[test]
fn unknown_error_codes_and_retryable_flags() {
    use std::str::FromStr;
    let e = ConfigureWidgetError::from_str("ServiceUnavailable").unwrap();
    assert!(e.is_retryable());
    assert_eq!(e.http_status(), 503);
    let e = TagThingsError::from_str("Anything").unwrap();
    assert!(matches!(e, TagThingsError::Unknown(_)));
}
