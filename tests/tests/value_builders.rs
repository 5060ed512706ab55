//! Nested request types and response types have builders: `Type::builder()`, one setter per
//! field, `build()`. Numbers are numbers where the spec (or an overlay) says so, and a test can
//! build a `#[non_exhaustive]` output for a mock.

use acs_runtime::{Operation, Params};

acs_macros::generate!("specs/shapes.json");

mod ecs {
    acs_macros::generate!("../specs/ecs-2014-05-26/_shapes.json");
    acs_macros::generate!(
        spec = "../specs/ecs-2014-05-26/RunInstances.json",
        shapes = crate::ecs::shapes
    );
}

fn wire<O: Operation>(op: &O) -> Vec<(String, String)> {
    let mut params = Params::new();
    op.write_params(&mut params);
    params
        .iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

#[test]
fn a_nested_request_type_builds_like_its_literal() {
    let built = tag_things::Filter::builder()
        .name("zone")
        .values(["a", "b"])
        .build();
    let literal = tag_things::Filter {
        name: Some("zone".into()),
        values: Some(vec!["a".into(), "b".into()]),
    };
    assert_eq!(built, literal);
    // Unset fields stay unset.
    assert_eq!(tag_things::Tag::builder().key("env").build().value, None);

    let request = TagThings::builder()
        .resource_ids(["r-1"])
        .tag([tag_things::Tag::builder().key("env").value("prod").build()])
        .filter(built)
        .build();
    assert_eq!(
        wire(&request),
        [
            ("Filter.Name", "zone"),
            ("Filter.Values.1", "a"),
            ("Filter.Values.2", "b"),
            ("ResourceIds.1", "r-1"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
    );
}

#[test]
fn the_ecs_system_disk_size_is_a_number() {
    // The metadata types RunInstances SystemDisk.Size as a string; an overlay makes it int32.
    let disk = ecs::run_instances::SystemDisk::builder()
        .category("cloud_essd")
        .size(40)
        .build();
    assert_eq!(disk.size, Some(40i32));
    let request = ecs::RunInstances::builder()
        .region_id("cn-hangzhou")
        .system_disk(disk)
        .build();
    let wire = wire(&request);
    let disk_params: Vec<(&str, &str)> = wire
        .iter()
        .filter(|(k, _)| k.starts_with("SystemDisk."))
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        disk_params,
        [
            ("SystemDisk.Category", "cloud_essd"),
            ("SystemDisk.Size", "40")
        ]
    );
}

#[test]
fn a_response_builds_and_reads_back_the_same() {
    let response = TagThingsResponse::builder()
        .request_id("R-1")
        .total_count(2)
        .ratio(0.5)
        .items([
            tag_things::Item::builder()
                .resource_id("r-1")
                .enabled(true)
                .tags([tag_things::TagThingsResponseItemsTags::builder()
                    .key("k")
                    .value("v")
                    .build()])
                .build(),
            tag_things::Item::builder().resource_id("r-2").build(),
        ])
        .owner(tag_things::Owner::builder().name("me").build())
        .build();
    assert_eq!(response.total_count, Some(2));
    assert_eq!(response.items.len(), 2);
    let json = serde_json::to_string(&response).unwrap();
    let read: TagThingsResponse = serde_json::from_str(&json).unwrap();
    assert_eq!(read, response);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&json).unwrap(),
        serde_json::json!({
            "RequestId": "R-1",
            "TotalCount": 2,
            "Ratio": 0.5,
            "Items": [
                {"ResourceId": "r-1", "Enabled": true, "Tags": [{"Key": "k", "Value": "v"}]},
                {"ResourceId": "r-2"}
            ],
            "Owner": {"Name": "me"}
        })
    );
}

#[tokio::test]
async fn a_mock_answers_with_a_built_output() {
    use swas::{mock, mock_client, CreateInstances, CreateInstancesResponse};
    let created = mock!(CreateInstances).then_output(|| {
        CreateInstancesResponse::builder()
            .request_id("R-2")
            .instance_ids(["i-1", "i-2"])
            .build()
    });
    let (client, _mock) = mock_client!([created]);
    let request = CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id("img")
        .plan_id("plan")
        .period(1)
        .build();
    let out = client.send(&request).await.expect("the scripted output");
    assert_eq!(out.instance_ids, ["i-1", "i-2"]);
    assert_eq!(out.request_id.as_deref(), Some("R-2"));
}
