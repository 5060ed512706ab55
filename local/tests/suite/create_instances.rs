//! The generated CreateInstances client against `swas-local` over HTTP: the page's example, every
//! server-side error as its typed variant, idempotency, and local validation that never reaches
//! the server.

use crate::common;

use std::collections::HashSet;

use acs_runtime::client::Client;
use acs_runtime::error::Error;
use common::*;
use swas::{CreateInstances, CreateInstancesError, ListInstances};
use swas_local::{Catalog, Config};

/// The service error of a failed call, with its request id checked.
fn service_error(
    result: Result<swas::CreateInstancesResponse, Error<CreateInstancesError>>,
) -> CreateInstancesError {
    let error = match result {
        Ok(output) => panic!("expected a service error, got {output:?}"),
        Err(Error::Service { error, .. }) => error,
        Err(other) => panic!("expected a service error, got {other:?}"),
    };
    let id = error.request_id().expect("the error carries a request id");
    assert_eq!(id.len(), 36, "{id}");
    assert!(error.host_id().is_some());
    assert!(error
        .recommend()
        .is_some_and(|r| r.starts_with("https://api.aliyun.com/troubleshoot?q=")));
    error
}

async fn create(
    client: &Client,
    request: &CreateInstances,
) -> Result<swas::CreateInstancesResponse, Error<CreateInstancesError>> {
    client.send(request).await
}

#[tokio::test]
async fn page_example_succeeds_and_is_listed() {
    let server = start(Config::default()).await;
    let client = client(&server.url());

    let output = create(&client, &page_example())
        .await
        .expect("the page's example succeeds");
    assert_eq!(output.instance_ids.len(), 1);
    let id = &output.instance_ids[0];
    assert_eq!(id.len(), 32);
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(output.request_id.as_deref().map(str::len), Some(36));

    // Amount 3 with the unmasked image and a data disk.
    let three = order(PLAN, IMAGE).amount(3).data_disk_size(40).build();
    let output3 = create(&client, &three).await.expect("three instances");
    assert_eq!(output3.instance_ids.len(), 3);

    let listed = client
        .send(&ListInstances::builder().region_id("cn-hangzhou").build())
        .await
        .expect("ListInstances");
    assert_eq!(listed.total_count, Some(4));
    let first = &listed.instances[0];
    assert_eq!(first.instance_id.as_deref(), Some(id.as_str()));
    assert_eq!(first.region_id.as_deref(), Some("cn-hangzhou"));
    assert_eq!(first.plan_id.as_deref(), Some(PLAN));
    assert_eq!(first.image_id.as_deref(), Some(PAGE_IMAGE));
    assert_eq!(first.status.as_deref(), Some("Running"));
    assert_eq!(first.charge_type.as_deref(), Some("PrePaid"));
    assert!(first.creation_time.is_some() && first.expired_time.is_some());
    let spec = first.resource_spec.as_ref().expect("ResourceSpec");
    assert_eq!(spec.disk_category.as_deref(), Some("ESSD"));
    assert_eq!(listed.instances[1].disks.len(), 2, "system + data disk");

    // Other regions are separate.
    let shanghai = client
        .send(&ListInstances::builder().region_id("cn-shanghai").build())
        .await
        .expect("ListInstances");
    assert_eq!(shanghai.total_count, Some(0));
    assert!(shanghai.instances.is_empty());
    server.shutdown().await;
}

#[tokio::test]
async fn server_side_errors_are_typed_variants() {
    let mut catalog = Catalog::builtin();
    catalog.balance = 5_000.0;
    let server = start(Config {
        catalog,
        ..Config::default()
    })
    .await;
    let client = client(&server.url());

    let e = service_error(create(&client, &order("swas.nope", IMAGE).build()).await);
    assert!(
        matches!(e, CreateInstancesError::InvalidPlanIdNotFound(_)),
        "{e:?}"
    );
    assert_eq!((e.code(), e.http_status()), ("InvalidPlanId.NotFound", 404));
    assert_eq!(e.message(), "The specified PlanId does not exist.");

    let e = service_error(
        create(
            &client,
            &order(PLAN, "0000000000000000000000000000dead").build(),
        )
        .await,
    );
    assert!(
        matches!(e, CreateInstancesError::InvalidImageIdNotFound(_)),
        "{e:?}"
    );
    assert_eq!(
        (e.code(), e.http_status()),
        ("InvalidImageId.NotFound", 404)
    );

    // A Windows image on a Linux-only plan.
    let e = service_error(create(&client, &order(PLAN, WINDOWS_IMAGE).build()).await);
    assert!(
        matches!(e, CreateInstancesError::PlatformNotMatch(_)),
        "{e:?}"
    );
    assert_eq!(e.http_status(), 400);
    assert!(e
        .message()
        .starts_with("The platform of specified ImageId and PlanId does not match."));

    // An image needing a 60 GB system disk on a 40 GB plan.
    let e = service_error(create(&client, &order(SSD_PLAN, BIG_IMAGE).build()).await);
    assert!(
        matches!(
            e,
            CreateInstancesError::InvalidPlanIdSizeValueNotSupported(_)
        ),
        "{e:?}"
    );

    // 20 GB data disk: fine locally (a multiple of 20), but ESSD plans need 40 GB.
    let essd = order(PLAN, IMAGE).data_disk_size(20).build();
    essd.validate().expect("valid locally");
    let e = service_error(create(&client, &essd).await);
    assert!(
        matches!(
            e,
            CreateInstancesError::InvalidDataDiskSizeValueNotSupported(_)
        ),
        "{e:?}"
    );
    assert_eq!(e.http_status(), 400);
    assert!(e.message().contains("at least 40 GB"), "{}", e.message());
    // ... while 20 GB is the minimum on SSD plans.
    create(&client, &order(SSD_PLAN, IMAGE).data_disk_size(20).build())
        .await
        .expect("20 GB on an SSD plan");

    // Stock: two left of the scarce plan.
    let e = service_error(create(&client, &order(SCARCE_PLAN, IMAGE).amount(3).build()).await);
    assert!(
        matches!(e, CreateInstancesError::NotEnoughStock(_)),
        "{e:?}"
    );
    assert_eq!(e.http_status(), 400);
    create(&client, &order(SCARCE_PLAN, IMAGE).amount(2).build())
        .await
        .expect("the last two");
    let e = service_error(create(&client, &order(SCARCE_PLAN, IMAGE).build()).await);
    assert!(
        matches!(e, CreateInstancesError::NotEnoughStock(_)),
        "{e:?}"
    );

    // Balance: 1200 × 6 months = 7200 > 5000 - what was spent.
    let e = service_error(create(&client, &order(PRICEY_PLAN, IMAGE).period(6).build()).await);
    assert!(matches!(e, CreateInstancesError::PaymentFailed(_)), "{e:?}");
    assert_eq!((e.code(), e.http_status()), ("PaymentFailed", 403));

    // Quota: 1 + 2 exist in cn-hangzhou; 47 more fit, one more does not.
    for _ in 0..2 {
        create(&client, &order(PLAN, IMAGE).amount(20).build())
            .await
            .expect("20 more");
    }
    create(&client, &order(PLAN, IMAGE).amount(7).build())
        .await
        .expect("7 more");
    let e = service_error(create(&client, &order(PLAN, IMAGE).build()).await);
    assert!(
        matches!(e, CreateInstancesError::ExceedAccountQuota(_)),
        "{e:?}"
    );
    assert_eq!(e.http_status(), 400);
    // The quota is per region.
    let shanghai = CreateInstances::builder()
        .region_id("cn-shanghai")
        .image_id(IMAGE)
        .plan_id(PLAN)
        .period(1)
        .build();
    create(&client, &shanghai)
        .await
        .expect("another region has its own quota");
    server.shutdown().await;
}

#[tokio::test]
async fn client_token_is_idempotent() {
    let server = start(Config::default()).await;
    let client = client(&server.url());
    let token = "123e4567-e89b-12d3-a456-426655440000";

    let request = order(PLAN, IMAGE).amount(2).client_token(token).build();
    let first = create(&client, &request).await.expect("first");
    let again = create(&client, &request).await.expect("replay");
    assert_eq!(first.instance_ids, again.instance_ids);
    assert_ne!(first.request_id, again.request_id);
    // Defaults written out are the same parameters.
    let explicit = order(PLAN, IMAGE)
        .amount(2)
        .charge_type("PrePaid")
        .data_disk_size(0)
        .auto_renew(false)
        .client_token(token)
        .build();
    assert_eq!(
        create(&client, &explicit).await.expect("same").instance_ids,
        first.instance_ids
    );
    assert_eq!(server.instance_count().await, 2);

    // Same token, other parameters.
    let other = order(PLAN, IMAGE).amount(3).client_token(token).build();
    let e = service_error(create(&client, &other).await);
    assert!(matches!(e, CreateInstancesError::Unknown(_)), "{e:?}");
    assert_eq!(
        (e.code(), e.http_status()),
        ("IdempotentParameterMismatch", 400)
    );
    assert_eq!(server.instance_count().await, 2);

    // Tokens belong to an access key.
    let mut config = Config::default();
    config
        .access_keys
        .push(("otherid".into(), "othersecret".into()));
    let server2 = start(config).await;
    let a = client_with(&server2.url(), "testid", "testsecret", Default::default());
    let b = client_with(&server2.url(), "otherid", "othersecret", Default::default());
    let ids_a = create(&a, &request).await.expect("a").instance_ids;
    let ids_b = create(&b, &request).await.expect("b").instance_ids;
    assert!(ids_a.iter().all(|id| !ids_b.contains(id)));
    assert_eq!(server2.instance_count().await, 4);
    server.shutdown().await;
    server2.shutdown().await;
}

#[tokio::test]
async fn local_validation_never_reaches_the_server() {
    let server = start(Config::default()).await;
    let client = client(&server.url());
    let before = server.request_count();

    let bad = CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id(IMAGE)
        .plan_id("")
        .period(2)
        .amount(21)
        .data_disk_size(30)
        .auto_renew(true)
        .client_token("é".repeat(65))
        .build();
    let error = create(&client, &bad).await.expect_err("invalid");
    let errors = error.validation_errors().expect("validation errors");
    assert_eq!(
        errors.codes(),
        vec![
            "MissingParameter",
            "InvalidPeriod.ValueNotSupported",
            "InvalidAutoRenewPeriod.ValueNotSupported",
            "InvalidDataDiskSize.ValueNotSupported",
            "InvalidAmount.ValueNotSupported",
            "InvalidParam",
            "InvalidParam",
        ]
    );
    assert_eq!(server.request_count(), before, "nothing was sent");
    server.shutdown().await;
}

#[tokio::test]
async fn server_applies_the_same_rules_when_the_client_skips_them() {
    let server = start(Config::default()).await;
    let client = Client::builder()
        .endpoint(server.url())
        .credentials(acs_runtime::Credentials::new("testid", "testsecret"))
        .retry(acs_runtime::RetryConfig::disabled())
        .validate_requests(false)
        .build()
        .expect("client");

    let e = service_error(create(&client, &order("", IMAGE).build()).await);
    assert!(
        matches!(
            e,
            CreateInstancesError::Common(acs_runtime::CommonError::MissingParameter, _)
        ),
        "{e:?}"
    );
    assert_eq!((e.code(), e.http_status()), ("MissingParameter", 400));
    assert_eq!(
        e.message(),
        "The input parameter \"PlanId\" that is mandatory for processing this request is not supplied."
    );

    // First violation wins: Period before Amount.
    let e = service_error(create(&client, &order(PLAN, IMAGE).period(2).amount(99).build()).await);
    assert!(
        matches!(e, CreateInstancesError::InvalidPeriodValueNotSupported(_)),
        "{e:?}"
    );
    assert_eq!(e.http_status(), 400);
    assert_eq!(
        e.message(),
        "The specified parameter Period is invalid. Period must be one of {1, 3, 6, 12, 24, 36} (got \"2\")."
    );

    let e = service_error(
        create(
            &client,
            &order(PLAN, IMAGE).client_token("x".repeat(65)).build(),
        )
        .await,
    );
    assert!(matches!(e, CreateInstancesError::InvalidParam(_)), "{e:?}");
    assert_eq!(
        e.http_status(),
        403,
        "the page publishes InvalidParam as 403"
    );

    let e = service_error(create(&client, &order(PLAN, IMAGE).auto_renew(true).build()).await);
    assert!(
        matches!(
            e,
            CreateInstancesError::InvalidAutoRenewPeriodValueNotSupported(_)
        ),
        "{e:?}"
    );
    assert_eq!(server.instance_count().await, 0);
    server.shutdown().await;
}

#[tokio::test]
async fn neighbouring_list_operations() {
    let server = start(Config::default()).await;
    let client = client(&server.url());

    let regions = client
        .send(&swas::ListRegions::builder().build())
        .await
        .expect("ListRegions");
    let ids: Vec<&str> = regions
        .regions
        .iter()
        .filter_map(|r| r.region_id.as_deref())
        .collect();
    assert_eq!(ids, ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"]);
    assert_eq!(
        regions.regions[0].region_endpoint.as_deref(),
        Some("swas.cn-hangzhou.aliyuncs.com")
    );

    let plans = client
        .send(&swas::ListPlans::builder().region_id("cn-hangzhou").build())
        .await
        .expect("ListPlans");
    let page_plan = plans
        .plans
        .iter()
        .find(|p| p.plan_id.as_deref() == Some(PLAN))
        .expect("the page's plan is listed");
    assert_eq!(page_plan.disk_type.as_deref(), Some("ESSD"));
    assert_eq!(page_plan.memory, Some(1.0));
    assert_eq!(page_plan.support_platform.as_deref(), Some("[\"Linux\"]"));
    assert!(plans
        .plans
        .iter()
        .any(|p| p.disk_type.as_deref() == Some("SSD")));

    let images = client
        .send(&swas::ListImages::builder().region_id("cn-hangzhou").build())
        .await
        .expect("ListImages");
    let image_ids: HashSet<&str> = images
        .images
        .iter()
        .filter_map(|i| i.image_id.as_deref())
        .collect();
    assert!(image_ids.contains(PAGE_IMAGE) && image_ids.contains(IMAGE));
    assert!(images
        .images
        .iter()
        .any(|i| i.platform.as_deref() == Some("Windows")));
    let apps = client
        .send(
            &swas::ListImages::builder()
                .region_id("cn-hangzhou")
                .image_type("app")
                .build(),
        )
        .await
        .expect("ListImages app");
    assert!(!apps.images.is_empty());
    assert!(apps
        .images
        .iter()
        .all(|i| i.image_type.as_deref() == Some("app")));

    // Unknown region.
    let error = client
        .send(&swas::ListPlans::builder().region_id("mars-1").build())
        .await
        .expect_err("unknown region");
    let meta = error.service_error().expect("service error").meta();
    assert_eq!(
        (meta.code.as_str(), meta.http_status),
        ("InvalidRegionId.NotFound", 404)
    );

    // Pagination: 25 instances, pages of 10.
    for _ in 0..5 {
        create(&client, &order(PLAN, IMAGE).amount(5).build())
            .await
            .expect("create");
    }
    let page3 = client
        .send(
            &ListInstances::builder()
                .region_id("cn-hangzhou")
                .page_number(3)
                .page_size(10)
                .build(),
        )
        .await
        .expect("page 3");
    assert_eq!(
        (page3.total_count, page3.page_number, page3.page_size),
        (Some(25), Some(3), Some(10))
    );
    assert_eq!(page3.instances.len(), 5);
    let all = acs_runtime::paginate::fetch_all_items(
        &ListInstances::builder()
            .region_id("cn-hangzhou")
            .page_size(10)
            .build(),
        |page| {
            let client = client.clone();
            async move { client.send(&page).await }
        },
    )
    .await
    .expect("all pages");
    let unique: HashSet<_> = all.iter().filter_map(|i| i.instance_id.clone()).collect();
    assert_eq!((all.len(), unique.len()), (25, 25));

    let error = client
        .send(
            &ListInstances::builder()
                .region_id("cn-hangzhou")
                .page_size(max_page_size("ListInstances") + 1)
                .build(),
        )
        .await
        .expect_err("page size too large");
    assert!(error.validation_errors().is_some());
    server.shutdown().await;
}

#[tokio::test]
async fn plan_memory_must_fit_the_image() {
    // A catalogue where the Windows-capable SSD plan has only 1 GB (the Windows image needs 2).
    let mut catalog = Catalog::builtin();
    for plan in catalog.regions.iter_mut().flat_map(|r| r.plans.iter_mut()) {
        if plan.plan_id == SSD_PLAN {
            plan.memory = 1;
        }
    }
    let server = start(Config {
        catalog,
        ..Config::default()
    })
    .await;
    let client = client(&server.url());
    let e = service_error(create(&client, &order(SSD_PLAN, WINDOWS_IMAGE).build()).await);
    assert!(
        matches!(
            e,
            CreateInstancesError::InvalidPlanMemorySizeValueNotSupported(_)
        ),
        "{e:?}"
    );
    assert_eq!(e.http_status(), 400);
    assert_eq!(
        e.message(),
        "The memory size in the specified planId does not support the image. The image needs at least 2 GB of memory; the plan has 1 GB."
    );
    // Windows on a plan that supports it and has the memory.
    create(
        &client,
        &order("swas.s3.c2m4s80b4t10", WINDOWS_IMAGE).build(),
    )
    .await
    .expect("Windows on 4 GB");
    server.shutdown().await;
}
