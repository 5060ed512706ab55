//! ECS parameters the metadata types as a string but documents as a JSON array
//! (`DescribeInstances.InstanceIds`, repair `jsonArrayInString`) take a list of items, and the
//! wire still carries one JSON string exactly as the service reads it.

use acs_runtime::{Client, Credentials, Operation, Params};

mod ecs {
    acs_macros::generate!("../specs/ecs-2014-05-26/_shapes.json");
    acs_macros::generate!(
        spec = "../specs/ecs-2014-05-26/DescribeInstances.json",
        shapes = crate::ecs::shapes
    );
}

use ecs::DescribeInstances;

fn request() -> DescribeInstances {
    DescribeInstances::builder()
        .region_id("cn-hangzhou")
        .instance_ids(["i-1", "i-2"])
        .private_ip_addresses(vec!["172.16.1.1".to_owned()])
        .build()
}

#[test]
fn the_list_is_written_as_one_json_string() {
    let mut params = Params::new();
    request().write_params(&mut params);
    assert_eq!(params.get("InstanceIds"), Some(r#"["i-1","i-2"]"#));
    assert_eq!(params.get("PrivateIpAddresses"), Some(r#"["172.16.1.1"]"#));
    // Items that need escaping in JSON are escaped, not spliced.
    let quoted = DescribeInstances::builder()
        .region_id("cn-hangzhou")
        .instance_ids(["a\"b"])
        .build();
    let mut params = Params::new();
    quoted.write_params(&mut params);
    assert_eq!(params.get("InstanceIds"), Some(r#"["a\"b"]"#));
}

#[test]
fn the_query_carries_the_exact_percent_encoded_bytes() {
    let client = Client::builder()
        .endpoint("http://127.0.0.1:9")
        .credentials(Credentials::new("id", "secret"))
        .build()
        .expect("client");
    let prepared = client.prepare(&request()).expect("prepared");
    let url = prepared.url();
    assert!(
        url.contains("&InstanceIds=%5B%22i-1%22%2C%22i-2%22%5D&"),
        "{url}"
    );
    assert!(
        url.contains("&PrivateIpAddresses=%5B%22172.16.1.1%22%5D"),
        "{url}"
    );
}
