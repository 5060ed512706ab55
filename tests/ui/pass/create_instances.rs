// Normal use of the generated CreateInstances types compiles without warnings.
#![deny(warnings)]

use std::str::FromStr;

use swas::{CreateInstances, CreateInstancesError};

fn main() {
    // Required parameters in any order; optional ones anywhere in between.
    let request: CreateInstances = CreateInstances::builder()
        .amount(2)
        .plan_id("swas.s1.c1m1s40b3t05")
        .region_id("cn-hangzhou")
        .auto_renew(true)
        .auto_renew_period(3)
        .image_id(String::from("e2c9c365024a44369c9b955a998a****"))
        .period(1)
        .data_disk_size(20)
        .charge_type("PrePaid")
        .client_token("123e4567-e89b-12d3-a456-426655440000")
        .build();
    assert!(request.validate().is_ok());
    assert_eq!(request.amount, Some(2));

    let error = CreateInstancesError::from_str("NotEnoughStock").unwrap();
    match &error {
        CreateInstancesError::NotEnoughStock(meta) => assert_eq!(meta.http_status, 400),
        CreateInstancesError::Unknown(meta) => panic!("unexpected {}", meta.code),
        _ => unreachable!(),
    }
    assert!(!error.is_retryable());
}
