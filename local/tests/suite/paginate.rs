//! Fetching every page of ListInstances through the client, against swas-local.

use crate::common;

use common::{client, page_example, start};
use swas::ListInstances;
use swas_local::Config;

#[tokio::test]
async fn send_all_items_fetches_every_page_once() {
    let server = start(Config::default()).await;
    let url = server.url();
    let client = client(&url);
    let mut created = Vec::new();
    for amount in [20, 5] {
        let mut request = page_example();
        request.amount = Some(amount);
        created.extend(client.send(&request).await.expect("created").instance_ids);
    }
    assert_eq!(created.len(), 25);
    let before = server.request_count();

    let list = ListInstances::builder()
        .region_id("cn-hangzhou")
        .page_size(10)
        .build();
    let listed = client.send_all_items(&list).await.expect("listed");

    // Three pages of 10, 10 and 5; nothing fetched twice, nothing missing.
    assert_eq!(server.request_count() - before, 3);
    let mut listed_ids: Vec<String> = listed.into_iter().filter_map(|i| i.instance_id).collect();
    listed_ids.sort();
    created.sort();
    assert_eq!(listed_ids, created);
    server.shutdown().await;
}
