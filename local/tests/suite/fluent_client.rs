//! The product client's fluent style against swas-local: `client.create_instances()….send()`
//! with the region left to the client, a wait on the attached builder, and listing every page
//! with `into_items()` / `send_all_items()`.

use crate::common;

use std::time::Duration;

use common::*;
use swas::stream::TryStreamExt as _;
use swas::{Credentials, Error, RetryConfig};
use swas_local::{Catalog, Config};

fn swas_client(url: &str, region: Option<&str>) -> swas::Client {
    let builder = swas::client()
        .endpoint(url)
        .credentials(Credentials::new("testid", "testsecret"))
        .retry(RetryConfig::disabled())
        .read_timeout(Duration::from_secs(10));
    match region {
        Some(region) => builder.region(region),
        None => builder,
    }
    .build()
    .expect("client builds")
}

#[tokio::test]
async fn create_wait_and_list_every_page_fluently() {
    let mut catalog = Catalog::builtin().with_stock(100);
    catalog.quota = 100;
    catalog.balance = 1.0e6;
    let server = start(Config {
        catalog,
        lifecycle_delay: Duration::from_millis(300),
        ..Config::default()
    })
    .await;
    let client = swas_client(&server.url(), Some("cn-hangzhou"));

    // No `.region_id(..)`: the client's region goes on the wire.
    let created = tokio::time::timeout(
        Duration::from_secs(20),
        client
            .create_instances()
            .image_id(IMAGE)
            .plan_id(PLAN)
            .period(1)
            .amount(3)
            .send(),
    )
    .await
    .expect("in time")
    .expect("created");
    assert_eq!(created.instance_ids.len(), 3);

    let running = client
        .list_instances()
        .instance_ids(created.instance_ids.iter().cloned())
        .wait_until_instances_running()
        .delays(Duration::from_millis(50), Duration::from_millis(100))
        .max_time(Duration::from_secs(10))
        .wait()
        .await
        .expect("running");
    assert_eq!(running.instances.len(), 3);

    // Two per page: pages of 2 and 1, each item once, in a bounded stream.
    let before = server.request_count();
    let listed: Vec<_> = tokio::time::timeout(
        Duration::from_secs(20),
        client
            .list_instances()
            .page_size(2)
            .into_items()
            .try_collect::<Vec<_>>(),
    )
    .await
    .expect("in time")
    .expect("listed");
    assert_eq!(server.request_count() - before, 2);
    let mut ids: Vec<String> = listed.into_iter().filter_map(|i| i.instance_id).collect();
    ids.sort();
    let mut expected = created.instance_ids.clone();
    expected.sort();
    assert_eq!(ids, expected);

    let all = client
        .list_instances()
        .page_size(2)
        .send_all_items()
        .await
        .expect("listed");
    assert_eq!(all.len(), 3);
    server.shutdown().await;
}

#[tokio::test]
async fn a_request_value_keeps_its_token_and_the_region_rules_hold() {
    let server = start(Config::default()).await;
    let client = swas_client(&server.url(), None);

    // `send(&request)` beside the fluent style: the value's ClientToken is fixed in `build()`,
    // so sending it twice buys once.
    let order = swas::CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id(IMAGE)
        .plan_id(PLAN)
        .period(1)
        .amount(1)
        .build();
    let first = client.send(&order).await.expect("created");
    let again = client.send(&order).await.expect("same answer");
    assert_eq!(first.instance_ids, again.instance_ids);

    // No region on the request nor on the client: refused before sending, naming both ways.
    let before = server.request_count();
    let err = client
        .list_instances()
        .send()
        .await
        .expect_err("no region anywhere");
    let Error::InvalidRequest(errors) = err else {
        panic!("expected a validation error, got {err:?}");
    };
    assert_eq!(
        errors.to_string(),
        "1 rule(s) broken: RegionId is required: set it on the request (`.region_id(..)`) or on the client (`.region(..)`) [MissingParameter]"
    );
    assert_eq!(server.request_count(), before);
    server.shutdown().await;
}
