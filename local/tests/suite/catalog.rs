//! `--catalog FILE`: a custom catalogue replaces the built-in one, its quota and balance apply,
//! and a broken file is refused with a clear error.

use crate::common;

use common::*;
use swas::CreateInstancesError;
use swas_local::catalog::CatalogError;
use swas_local::{Catalog, Config};

const CUSTOM: &str = r#"{
  "Quota": 3,
  "Balance": 100,
  "Regions": [
    {
      "RegionId": "eu-central-1",
      "LocalName": "Frankfurt",
      "Plans": [
        { "PlanId": "swas.tiny", "Core": 1, "Memory": 1, "DiskSize": 20, "DiskType": "SSD",
          "Bandwidth": 1, "Flow": 100, "OriginPrice": 5.5, "Currency": "USD",
          "SupportPlatform": ["Linux"], "Stock": 10 }
      ],
      "Images": [
        { "ImageId": "00000000000000000000000000000001", "ImageName": "Debian 12",
          "ImageType": "system", "Platform": "Linux" }
      ]
    }
  ]
}"#;

#[tokio::test]
async fn custom_catalogue_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("catalog.json");
    std::fs::write(&path, CUSTOM).expect("writes");
    let catalog = Catalog::load(&path).expect("loads");
    assert_eq!(catalog.quota, 3);
    let server = start(Config {
        catalog,
        ..Config::default()
    })
    .await;
    let client = client(&server.url());

    let regions = client
        .send(&swas::ListRegions::builder().build())
        .await
        .expect("ListRegions");
    assert_eq!(regions.regions.len(), 1);
    assert_eq!(
        regions.regions[0].region_endpoint.as_deref(),
        Some("swas.eu-central-1.aliyuncs.com")
    );
    let plans = client
        .send(&swas::ListPlans::builder().region_id("eu-central-1").build())
        .await
        .expect("ListPlans");
    assert_eq!(plans.plans[0].currency.as_deref(), Some("USD"));
    assert_eq!(plans.plans[0].origin_price, Some(5.5));

    let request = |amount| {
        swas::CreateInstances::builder()
            .region_id("eu-central-1")
            .image_id("00000000000000000000000000000001")
            .plan_id("swas.tiny")
            .period(1)
            .amount(amount)
            .build()
    };
    // 5.5 × 12 months = 66 fits 100; then 5.5 × 12 × 1 more = 66 does not fit 34.
    // Two request values: two orders (one value sent twice would be one order, its token fixed
    // at `build()`).
    let twelve = || {
        swas::CreateInstances::builder()
            .region_id("eu-central-1")
            .image_id("00000000000000000000000000000001")
            .plan_id("swas.tiny")
            .period(12)
            .build()
    };
    client.send(&twelve()).await.expect("first order");
    let e = client.send(&twelve()).await.expect_err("too expensive");
    assert!(matches!(
        e.service_error(),
        Some(CreateInstancesError::PaymentFailed(_))
    ));
    // Quota 3: one exists, three more do not fit.
    let e = client.send(&request(3)).await.expect_err("over quota");
    assert!(matches!(
        e.service_error(),
        Some(CreateInstancesError::ExceedAccountQuota(_))
    ));
    client.send(&request(2)).await.expect("fits the quota");
    // The old regions are gone.
    let e = client
        .send(&page_example())
        .await
        .expect_err("no cn-hangzhou");
    assert_eq!(
        e.service_error().map(|e| e.code()),
        Some("InvalidRegionId.NotFound")
    );
    server.shutdown().await;
}

#[test]
fn broken_catalogue_files_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("catalog.json");
    std::fs::write(&path, "{\"Regions\": [{\"RegionId\": 7}]}").expect("writes");
    assert!(matches!(
        Catalog::load(&path),
        Err(CatalogError::Invalid { .. })
    ));
    let twice = CUSTOM.replace(
        "\"Regions\": [",
        "\"Regions\": [ { \"RegionId\": \"eu-central-1\" },",
    );
    std::fs::write(&path, twice).expect("writes");
    let error = Catalog::load(&path).expect_err("duplicate region");
    assert!(error.to_string().contains("listed twice"), "{error}");
    assert!(matches!(
        Catalog::load(&dir.path().join("missing.json")),
        Err(CatalogError::Read { .. })
    ));
}
