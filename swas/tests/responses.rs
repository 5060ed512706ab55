//! Response types parse what the service really sends.

#[test]
fn list_plans_accepts_fractional_memory() {
    // Plans with 0.5 GB exist; Alibaba's own SDK types `Memory` as a float (overlay ListPlans).
    let body = r#"{"RequestId": "r-1", "Plans": [
        {"PlanId": "swas.s.c1m512ms20b1", "Memory": 0.5, "Core": 1, "DiskSize": 20, "OriginPrice": 15.0},
        {"PlanId": "swas.s1.c1m1s40b3t05", "Memory": "1", "Core": 1}
    ]}"#;
    let parsed: swas::ListPlansResponse = serde_json::from_str(body).unwrap();
    let memory: Vec<Option<f64>> = parsed.plans.iter().map(|p| p.memory).collect();
    assert_eq!(memory, [Some(0.5), Some(1.0)]);
    assert_eq!(parsed.request_id.as_deref(), Some("r-1"));
}

#[cfg(feature = "images")]
#[test]
fn operations_without_a_published_response_keep_the_raw_body() {
    let body = r#"{"RequestId": "r-2", "TotalCount": 1, "Accounts": [{"Id": "123"}]}"#;
    let parsed: swas::ListCustomImageShareAccountsResponse = serde_json::from_str(body).unwrap();
    assert_eq!(parsed.request_id.as_deref(), Some("r-2"));
    assert_eq!(parsed.raw["TotalCount"], serde_json::json!(1));
    assert_eq!(parsed.raw["Accounts"][0]["Id"], serde_json::json!("123"));
    assert!(!parsed.raw.contains_key("RequestId"));
}
