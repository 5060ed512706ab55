//! `CreateLoadBalancer`, the main operation of `nlb`, goes on the wire as its spec says: signed
//! (RPC v1 over query and form body together, checked by an independent verifier), with the
//! spec's Action and Version and every required parameter; and a request breaking one of the
//! spec's rules (a nested one) never leaves the client.

use acs_product_check::{
    block_on, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID, ACCESS_KEY_SECRET,
};
use nlb::create_load_balancer::ZoneMappings;
use nlb::{CreateLoadBalancer, Credentials, Rule};

const LOCAL_ADDRESSES: &str = "ZoneMappings.Ipv4LocalAddresses";

fn spec() -> OperationSpec {
    OperationSpec::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../specs/nlb-2022-04-30/CreateLoadBalancer.json"
    ))
    .expect("the spec loads")
}

fn client(endpoint: String) -> nlb::Client {
    nlb::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

fn order(local_addresses: usize) -> CreateLoadBalancer {
    let zone = |index: usize| ZoneMappings {
        zone_id: Some(format!("cn-hangzhou-zone{index}")),
        v_switch_id: Some(format!("vsw-bp1zone{index}")),
        ipv4_local_addresses: Some(
            (1..=local_addresses)
                .map(|host| format!("192.168.{index}.{host}"))
                .collect(),
        ),
        ..Default::default()
    };
    CreateLoadBalancer::builder()
        .address_type("Internet")
        .vpc_id("vpc-bp1b49rqrybk45nio3xyz")
        .zone_mappings([zone(1), zone(2)])
        .load_balancer_name("tcp-frontend")
        .build()
}

#[test]
fn create_load_balancer_is_signed_and_carries_what_the_spec_requires() {
    let spec = spec();
    // One local address per zone: within the spec's maxItems rule on it.
    assert!(spec.max_items(LOCAL_ADDRESSES) >= 1);
    let request = order(1);
    request
        .validate()
        .expect("a request within the rules validates");

    let server = CaptureServer::start(
        r#"{"RequestId":"365F4154-92F6-4AE4-92F8-7FF34B540710","LoadbalancerId":"nlb-83ckzc8d4xlp8o****","OrderId":20230000}"#,
    )
    .expect("the capture server starts");
    let output = block_on(client(server.url()).send(&request)).expect("the call succeeds");
    let received = server.request().expect("one request arrived");

    // The spec puts this operation's parameters in the form body.
    assert!(
        !received.body.is_empty(),
        "form parameters travel in the body"
    );
    let params =
        verify_rpc_v1(&received, ACCESS_KEY_ID, ACCESS_KEY_SECRET).expect("the signature verifies");
    spec.check_wire(
        &params,
        &[
            ("AddressType", "Internet"),
            ("VpcId", "vpc-bp1b49rqrybk45nio3xyz"),
            ("ZoneMappings.1.ZoneId", "cn-hangzhou-zone1"),
            ("ZoneMappings.1.VSwitchId", "vsw-bp1zone1"),
            ("ZoneMappings.1.Ipv4LocalAddresses.1", "192.168.1.1"),
            ("ZoneMappings.2.ZoneId", "cn-hangzhou-zone2"),
            ("ZoneMappings.2.VSwitchId", "vsw-bp1zone2"),
            ("ZoneMappings.2.Ipv4LocalAddresses.1", "192.168.2.1"),
            ("LoadBalancerName", "tcp-frontend"),
        ],
    )
    .expect("the request is what the spec asks for");

    assert_eq!(
        output.loadbalancer_id.as_deref(),
        Some("nlb-83ckzc8d4xlp8o****")
    );
    assert_eq!(output.order_id, Some(20230000));
}

#[test]
fn more_local_addresses_than_the_spec_allows_are_refused_before_sending() {
    let spec = spec();
    let limit = spec.max_items(LOCAL_ADDRESSES);
    let request = order(limit + 1);

    let errors = request.validate().expect_err("the rule is broken");
    // Both zones break it; each violation names the item it is in.
    let names: Vec<&str> = errors
        .violations()
        .iter()
        .map(|v| v.parameter.as_ref())
        .collect();
    assert_eq!(
        names,
        [
            "ZoneMappings.1.Ipv4LocalAddresses",
            "ZoneMappings.2.Ipv4LocalAddresses"
        ]
    );
    assert!(errors
        .violations()
        .iter()
        .all(|v| v.rule == Rule::MaxItems(limit)));

    let server = CaptureServer::start("{}").expect("the capture server starts");
    let refused = block_on(client(server.url()).send(&request)).expect_err("not sent");
    assert_eq!(refused.validation_errors(), Some(&errors));
    server
        .assert_no_connection()
        .expect("nothing reached the server");
}
