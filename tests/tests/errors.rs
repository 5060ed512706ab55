//! The generated CreateInstances error enum: every published code, exactly.

use std::str::FromStr;

use swas::__private::runtime::{ErrorMeta, ServiceError};
use swas::CreateInstancesError;

/// `(code, HTTP status, retryable)` of every error the shipped spec publishes for
/// CreateInstances: the generated enum is checked against the spec, whatever its snapshot.
fn published() -> Vec<(String, u16, bool)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/swas-open-2020-06-01/CreateInstances.json");
    let spec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("the shipped spec"))
            .expect("spec JSON");
    spec["operations"][0]["errors"]
        .as_array()
        .expect("an error table")
        .iter()
        .map(|e| {
            (
                e["code"].as_str().expect("code").to_owned(),
                e["httpStatus"].as_u64().expect("status") as u16,
                e["retryable"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

#[test]
fn every_published_code_parses_to_its_variant() {
    let published = published();
    assert!(!published.is_empty());
    assert_eq!(CreateInstancesError::PUBLISHED.len(), published.len());
    for (code, status, retryable) in published {
        let code = code.as_str();
        let error = CreateInstancesError::from_str(code).unwrap();
        assert!(
            !matches!(error, CreateInstancesError::Unknown(_)),
            "{code} fell through to Unknown"
        );
        assert_eq!(error.code(), code);
        assert_eq!(error.http_status(), status, "{code}");
        assert_eq!(error.is_retryable(), retryable, "{code}");
        assert!(!error.message().is_empty());
    }
}

#[test]
fn variants_have_idiomatic_names() {
    assert!(matches!(
        CreateInstancesError::from_str("InvalidPeriod.ValueNotSupported").unwrap(),
        CreateInstancesError::InvalidPeriodValueNotSupported(_)
    ));
    assert!(matches!(
        CreateInstancesError::from_str("InvalidInstance.UnPaidOrder").unwrap(),
        CreateInstancesError::InvalidInstanceUnPaidOrder(_)
    ));
    assert!(matches!(
        CreateInstancesError::from_str("InternalError").unwrap(),
        CreateInstancesError::InternalError(_)
    ));
}

#[test]
fn published_messages_are_exact() {
    let e = CreateInstancesError::from_str("PaymentFailed").unwrap();
    assert_eq!(
        e.message(),
        "Payment failed. Please check your account balance."
    );
    let e = CreateInstancesError::from_str("InvalidPlanIdSize.ValueNotSupported").unwrap();
    assert_eq!(
        e.message(),
        "The system disk size in the specified planId does not support the image."
    );
}

#[test]
fn unknown_codes_keep_code_and_message_and_classify_by_status() {
    let e = CreateInstancesError::from_str("Some.NewCode").unwrap();
    assert!(matches!(e, CreateInstancesError::Unknown(_)));
    assert_eq!(e.code(), "Some.NewCode");
    assert!(!e.is_retryable());

    let throttled = CreateInstancesError::from_meta(ErrorMeta {
        code: "Throttling.User".into(),
        message: "Request was denied due to user flow control.".into(),
        http_status: 400,
        request_id: Some("R-1".into()),
        host_id: Some("swas.cn-hangzhou.aliyuncs.com".into()),
        recommend: Some("https://api.aliyun.com/troubleshoot?q=Throttling.User".into()),
    });
    assert!(matches!(
        throttled,
        CreateInstancesError::Common(swas::CommonError::ThrottlingUser, _)
    ));
    assert_eq!(throttled.common(), Some(swas::CommonError::ThrottlingUser));
    assert!(throttled.is_retryable());
    assert_eq!(throttled.request_id(), Some("R-1"));
    assert_eq!(throttled.host_id(), Some("swas.cn-hangzhou.aliyuncs.com"));
    assert_eq!(
        throttled.recommend(),
        Some("https://api.aliyun.com/troubleshoot?q=Throttling.User")
    );
    assert_eq!(
        throttled.to_string(),
        "Throttling.User (HTTP 400): Request was denied due to user flow control. [request id R-1]"
    );
}

#[test]
fn response_meta_travels_with_typed_variants() {
    let e = CreateInstancesError::from_meta(ErrorMeta {
        code: "NotEnoughStock".into(),
        message: "The stock is insufficient.".into(),
        http_status: 400,
        request_id: Some("30637AD6-D977-4833-A54C-CC89483E1FEE".into()),
        host_id: None,
        recommend: None,
    });
    match &e {
        CreateInstancesError::NotEnoughStock(meta) => {
            assert_eq!(
                meta.request_id.as_deref(),
                Some("30637AD6-D977-4833-A54C-CC89483E1FEE")
            )
        }
        other => panic!("expected NotEnoughStock, got {other:?}"),
    }
    let as_std: &dyn std::error::Error = &e;
    assert_eq!(
        as_std.to_string(),
        "NotEnoughStock (HTTP 400): The stock is insufficient. [request id 30637AD6-D977-4833-A54C-CC89483E1FEE]"
    );
}

#[test]
fn responses_deserialize_leniently() {
    let body = r#"{"RequestId":"30637AD6-D977-4833-A54C-CC89483E1FEE","InstanceIds":["3a658ca270df4df39f22e289b338****"],"Unknown":1}"#;
    let response: swas::CreateInstancesResponse = serde_json::from_str(body).unwrap();
    assert_eq!(
        response.request_id.as_deref(),
        Some("30637AD6-D977-4833-A54C-CC89483E1FEE")
    );
    assert_eq!(response.instance_ids, ["3a658ca270df4df39f22e289b338****"]);
    let response: swas::CreateInstancesResponse =
        serde_json::from_str(r#"{"InstanceIds":null}"#).unwrap();
    assert!(response.instance_ids.is_empty());
    assert_eq!(response.request_id, None);
}

/// `PartialEq` and `Debug` are written without a per-variant match: equality is the same
/// variant with equal metas (and the same common error), and `Debug` shows the meta, which
/// names the code.
#[test]
fn equality_and_debug_follow_variant_and_meta() {
    let stock = CreateInstancesError::from_str("NotEnoughStock").unwrap();
    assert_eq!(
        stock,
        CreateInstancesError::from_str("NotEnoughStock").unwrap()
    );
    assert_ne!(
        stock,
        CreateInstancesError::from_str("InternalError").unwrap()
    );

    // Same meta, another variant: not equal.
    let meta = Box::new(stock.meta().clone());
    let unknown = CreateInstancesError::Unknown(meta.clone());
    assert_ne!(stock, unknown);
    assert_eq!(unknown, CreateInstancesError::Unknown(meta.clone()));

    // Same variant, another meta: not equal.
    let mut other = stock.meta().clone();
    other.request_id = Some("another-request".to_owned());
    assert_ne!(
        stock,
        CreateInstancesError::from_meta(other),
        "the request id differs"
    );

    // `Common` also compares its common error.
    use swas::__private::runtime::CommonError;
    let throttled = CreateInstancesError::from_str("Throttling.User").unwrap();
    let CreateInstancesError::Common(kind, meta) = &throttled else {
        panic!("Throttling.User is a common error: {throttled:?}");
    };
    assert_eq!(*kind, CommonError::ThrottlingUser);
    let relabelled = CreateInstancesError::Common(CommonError::Throttling, meta.clone());
    assert_ne!(throttled, relabelled);

    assert_eq!(
        format!("{stock:?}"),
        format!("CreateInstancesError({:?})", stock.meta())
    );
    assert!(format!("{stock:?}").contains("code: \"NotEnoughStock\""));
}
