//! A dry run against Container Service (ACK), no network and no account needed: builds a
//! `DescribeClusters` listing (a GET with query parameters) and a `CreateCluster` order (a POST
//! with a JSON body), and prints each signed request as it would be sent (signature redacted).
//! CS is a ROA API: each operation has its own method and path, signed with `ACS3-HMAC-SHA256`.
//!
//!     cargo run -p cs --example cs_preview

use cs::create_cluster::Body;
use cs::{CreateCluster, Credentials};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = cs::client()
        .region("cn-hangzhou")
        // A placeholder key: the requests are only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    // `GET /clusters?clusterType=…` (the vendor marks it deprecated in favour of
    // `DescribeClustersV1`; it is still served).
    #[allow(deprecated)]
    let list = cs::DescribeClusters::builder()
        .cluster_type("ManagedKubernetes")
        .build();
    let prepared = client.prepare(&list)?;
    println!("DescribeClusters, as it would be sent:\n{prepared:#?}\n");

    // `POST /clusters` with the order as its JSON body.
    let order = CreateCluster::builder()
        .body(Body {
            name: Some("preview-cluster".into()),
            region_id: Some("cn-hangzhou".into()),
            cluster_type: Some("ManagedKubernetes".into()),
            cluster_spec: Some("ack.pro.small".into()),
            kubernetes_version: Some("1.30.1-aliyun.1".into()),
            vpcid: Some("vpc-bp1qaj5ykz9xtyp4p****".into()),
            vswitch_ids: Some(vec!["vsw-bp1s5fnvk4gn2tws0****".into()]),
            service_cidr: Some("172.21.0.0/20".into()),
            ..Default::default()
        })
        .build();
    let prepared = client.prepare(&order)?;
    println!("CreateCluster, as it would be sent:\n{prepared:#?}");
    Ok(())
}
