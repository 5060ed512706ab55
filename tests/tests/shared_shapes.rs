//! A product's shared nested types: generated once from its shapes file, imported by every
//! operation that names them (`shapes = path`), so two operations' `Tag`s are one type.
#![deny(warnings)]

use acs_runtime::{Operation, Params};

mod product {
    acs_macros::generate!("specs/shared/_shapes.json");
    acs_macros::generate!(
        spec = "specs/shared/operations.json",
        shapes = crate::product::shapes
    );
}

use product::shapes::{ResourceTag, Tag};
use product::{CreateDisk, CreateDiskResponse, ListDisks, ListDisksResponse};

#[test]
fn operations_share_one_type_per_shape() {
    let tags = vec![Tag {
        key: Some("env".into()),
        value: Some("prod".into()),
    }];
    // The same value feeds both operations: one type.
    let create = CreateDisk::builder().tag(tags.clone()).build();
    let list = ListDisks::builder().tag(tags).build();
    let mut params = Params::new();
    create.write_params(&mut params);
    list.write_params(&mut params);
    let wire: Vec<(&str, &str)> = params.iter().collect();
    assert_eq!(
        wire,
        [
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod")
        ]
    );
    assert_eq!(CreateDisk::from_wire(&params).unwrap(), create);

    let created: CreateDiskResponse =
        serde_json::from_str(r#"{"Tags":[{"TagKey":"k","TagValue":"v","Scope":{"Level":"2"}}]}"#)
            .unwrap();
    let listed: ListDisksResponse = serde_json::from_str(
        r#"{"Disks":[{"DiskId":"d-1","Tags":[{"TagKey":"k","TagValue":"v","Scope":{"Level":2}}]}]}"#,
    )
    .unwrap();
    let a: &ResourceTag = &created.tags[0];
    let b: &ResourceTag = &listed.disks[0].tags[0];
    assert_eq!(a, b);
    assert_eq!(a.scope.as_ref().and_then(|s| s.level), Some(2));
    // Also reachable under the operation's own (singular) name.
    let _: &product::create_disk::ResourceTag = a;
}

#[test]
fn shared_request_shapes_keep_their_rules() {
    let request = ListDisks::builder()
        .tag(vec![Tag {
            key: Some("much-too-long".into()),
            value: None,
        }])
        .build();
    assert_eq!(request.validate().unwrap_err().codes(), ["InvalidTagKey"]);
}
