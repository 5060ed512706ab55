//! Secrets never reach `Debug` output: a generated request holding an instance password and a
//! generated response holding an access key secret print `<redacted>` for those fields, and
//! everything else as the derived `Debug` would.

mod ecs {
    acs_macros::generate!("../specs/ecs-2014-05-26/_shapes.json");
    acs_macros::generate!(
        spec = "../specs/ecs-2014-05-26/RunInstances.json",
        shapes = crate::ecs::shapes
    );
}

mod ram {
    acs_macros::generate!("../specs/ram-2015-05-01/_shapes.json");
    acs_macros::generate!(
        spec = "../specs/ram-2015-05-01/CreateAccessKey.json",
        shapes = crate::ram::shapes
    );
}

#[test]
fn a_request_password_is_redacted_and_the_rest_shown() {
    let request = ecs::RunInstances::builder()
        .region_id("cn-hangzhou")
        .image_id("img-visible")
        .password("Hunter2-secret!")
        .build();
    let text = format!("{request:?}");
    assert!(!text.contains("Hunter2"), "{text}");
    assert!(text.contains("password: Some(<redacted>)"), "{text}");
    assert!(text.contains("image_id: Some(\"img-visible\")"), "{text}");
    assert!(
        text.starts_with("RunInstances { region_id: \"cn-hangzhou\""),
        "{text}"
    );
    // A flag about the password is not a secret.
    assert!(text.contains("password_inherit: None"), "{text}");

    let unset = ecs::RunInstances::builder()
        .region_id("cn-hangzhou")
        .build();
    assert!(format!("{unset:?}").contains("password: None"));
    // The builder shows the request it holds.
    let builder = ecs::RunInstances::builder().password("Hunter2-secret!");
    assert!(!format!("{builder:?}").contains("Hunter2"));
}

#[test]
fn a_response_access_key_secret_is_redacted() {
    let json = r#"{"RequestId":"req-1","AccessKey":{"AccessKeyId":"LTAI-visible","AccessKeySecret":"very-secret-value","Status":"Active","CreateDate":"2026-12-03T00:00:00Z"}}"#;
    let response: ram::CreateAccessKeyResponse = serde_json::from_str(json).expect("parses");
    let text = format!("{response:?}");
    assert!(!text.contains("very-secret-value"), "{text}");
    assert!(
        text.contains("access_key_secret: Some(<redacted>)"),
        "{text}"
    );
    assert!(text.contains("LTAI-visible"), "{text}");
    // The value itself is still there for the program.
    let key = response.access_key.as_ref().expect("an access key");
    assert_eq!(key.access_key_secret.as_deref(), Some("very-secret-value"));
}
