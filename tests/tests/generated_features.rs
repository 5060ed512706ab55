//! Behaviour of flattened objects, indexed lists, enums, patterns, deprecation and form
//! parameters in generated code (tests/specs/features.json; its expansion is snapshotted).
#![deny(warnings)]

use acs_runtime::{Operation, Params};

acs_macros::generate!("specs/features.json");

use run_things::{Category, ChargeType, Filter, Instance, Status, SystemDisk, Tag, Zone};

fn wire<O: Operation>(op: &O) -> Vec<(String, String)> {
    let mut params = Params::new();
    op.write_params(&mut params);
    params
        .iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn system_disk(size: i32, category: &str, name: &str) -> SystemDisk {
    SystemDisk {
        size: Some(size),
        category: Some(category.into()),
        disk_name: Some(name.into()),
        ..SystemDisk::default()
    }
}

#[test]
fn flattened_and_indexed_names_round_trip_exactly() {
    let request = RunThings::builder()
        .region_id("cn-hangzhou")
        .charge_type(ChargeType::PostPaid)
        .system_disk(system_disk(40, "cloud_essd", "root-1"))
        .filter(vec![
            Filter {
                key: Some("Status".into()),
                value: Some("Running".into()),
            },
            Filter {
                key: Some("Zone".into()),
                value: None,
            },
        ])
        .zones(["a", "c"])
        .serial("0042")
        .build();
    assert!(request.validate().is_ok(), "{:?}", request.validate());
    let expected: Vec<(String, String)> = [
        ("ChargeType", "PostPaid"),
        ("Filter.1.Key", "Status"),
        ("Filter.1.Value", "Running"),
        ("Filter.2.Key", "Zone"),
        ("RegionId", "cn-hangzhou"),
        ("Serial", "0042"),
        ("SystemDisk.Category", "cloud_essd"),
        ("SystemDisk.DiskName", "root-1"),
        ("SystemDisk.Size", "40"),
        ("Zones.1", "a"),
        ("Zones.2", "c"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    assert_eq!(wire(&request), expected);
    assert_eq!(
        request.zones,
        Some(vec![Zone::A, Zone::Unknown("c".into())])
    );

    let mut params = Params::new();
    request.write_params(&mut params);
    assert_eq!(RunThings::from_wire(&params).unwrap(), request);
}

#[test]
fn nested_rules_length_and_pattern_report_wire_names_and_codes() {
    let request = RunThings::builder()
        .region_id("cn-hangzhou")
        .charge_type("PrePaid")
        .system_disk(system_disk(10, "cloud_ssd", "Root_disk_name"))
        .filter(vec![
            Filter::default(),
            Filter::default(),
            Filter::default(),
        ])
        .serial("12a")
        .build();
    let errors = request.validate().unwrap_err();
    let found: Vec<String> = errors
        .violations()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        found,
        [
            "SystemDisk.Size must be between 20 and 500 (got \"10\") [InvalidSystemDiskSize]",
            "SystemDisk.DiskName must be 2 to 8 characters long (got \"Root_disk_name\") [InvalidParameter]",
            "SystemDisk.DiskName must match the pattern `[a-z][a-z0-9-]*` (got \"Root_disk_name\") [InvalidDiskName.Malformed]",
            "Filter must have at most 2 items (got \"3\") [InvalidParameter]",
            "Filter.1.Key is required [MissingParameter]",
            "Filter.2.Key is required [MissingParameter]",
            "Filter.3.Key is required [MissingParameter]",
            "Serial must match the pattern `^\\d+$` (got \"12a\") [InvalidParameter]",
        ]
    );
}

#[test]
fn enums_parse_display_and_keep_unknown_values() {
    let charge: ChargeType = "PrePaid".parse().unwrap();
    assert_eq!(charge, ChargeType::PrePaid);
    assert_eq!(ChargeType::PostPaid.to_string(), "PostPaid");
    assert_eq!(Category::from("Big data"), Category::BigData);
    assert_eq!(Category::BigData.as_str(), "Big data");
    assert_eq!(ChargeType::VALUES, ["PrePaid", "PostPaid"]);

    let body = r#"{"Instances":[
        {"InstanceId":"i-1","Status":"Running","Tags":[{"Key":"k","Value":"v"}]},
        {"InstanceId":"i-2","Status":"Rebooting"}],
      "ResourceTags":[{"Key":"a","Value":"b"}]}"#;
    let response: RunThingsResponse = serde_json::from_str(body).unwrap();
    let statuses: Vec<Option<Status>> = response
        .instances
        .iter()
        .map(|i| i.status.clone())
        .collect();
    assert_eq!(
        statuses,
        [
            Some(Status::Running),
            Some(Status::Unknown("Rebooting".into()))
        ]
    );
    match &response.instances[0].status {
        Some(Status::Running) => {}
        other => panic!("expected Running, got {other:?}"),
    }
    // One `Tag` type for both identical shapes, and list items named in the singular.
    let tags: [&Vec<Tag>; 2] = [&response.instances[0].tags, &response.resource_tags];
    assert_eq!(tags[1][0].key.as_deref(), Some("a"));
    let first: &Instance = &response.instances[0];
    assert_eq!(
        serde_json::to_value(first).unwrap(),
        serde_json::json!({"InstanceId":"i-1","Status":"Running","Tags":[{"Key":"k","Value":"v"}]})
    );
    // The pre-singular path name stays as an alias.
    let _: run_things::RunThingsResponseInstances = Instance::default();
}

#[test]
#[allow(deprecated)]
fn form_parameters_are_declared_for_the_client() {
    assert_eq!(<RunThings as Operation>::FORM_PARAMETERS, ["Payload"]);
    assert!(<OldThing as Operation>::FORM_PARAMETERS.is_empty());
}

#[test]
#[allow(deprecated)]
fn deprecated_items_still_work_when_allowed() {
    let request = OldThing::builder().id("x").build();
    assert_eq!(wire(&request), [("Id".to_owned(), "x".to_owned())]);
    let request = RunThings::builder()
        .region_id("r")
        .charge_type("PrePaid")
        .old_flag(true)
        .build();
    assert_eq!(request.old_flag, Some(true));
}
