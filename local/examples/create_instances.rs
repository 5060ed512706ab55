//! Quick start: list regions, plans and images, validate and create instances, list them, and see
//! what a validation error and a typed service error look like.
//!
//! ```text
//! cargo run --example create_instances                 # against swas-local, started in-process
//! ALIBABA_CLOUD_ACCESS_KEY_ID=… ALIBABA_CLOUD_ACCESS_KEY_SECRET=… \
//!   cargo run --example create_instances               # Alibaba Cloud, read-only: prints the order
//! ALIBABA_CLOUD_ACCESS_KEY_ID=… ALIBABA_CLOUD_ACCESS_KEY_SECRET=… \
//!   cargo run --example create_instances -- --yes-create   # really buys one instance (costs money)
//! ```
//!
//! `ALIBABA_CLOUD_REGION_ID` picks the region (default `cn-hangzhou`).

use std::error::Error as StdError;

// Everything comes from `swas`: a user's Cargo.toml needs no other crate of this project.
use swas::{
    CreateInstances, CreateInstancesError, Credentials, Error, ListImages, ListInstances,
    ListPlans, ListRegions,
};

#[tokio::main]
async fn main() -> Result<(), Box<dyn StdError>> {
    let yes_create = std::env::args().skip(1).any(|a| a == "--yes-create");
    let region = std::env::var("ALIBABA_CLOUD_REGION_ID").unwrap_or_else(|_| "cn-hangzhou".into());
    let id = std::env::var("ALIBABA_CLOUD_ACCESS_KEY_ID")
        .ok()
        .filter(|v| !v.is_empty());
    let secret = std::env::var("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
        .ok()
        .filter(|v| !v.is_empty());

    let (client, local) = match (id, secret) {
        (Some(id), Some(secret)) => {
            println!(
                "Talking to Alibaba Cloud, region {region} (credentials from the environment)."
            );
            let client = swas::client()
                .region(region.as_str())
                .credentials(Credentials::new(id, secret))
                .build()?;
            (client, None)
        }
        _ => {
            let server = swas_local::Server::start(swas_local::Config::default()).await?;
            let (key, secret) = swas_local::DEFAULT_ACCESS_KEY;
            println!(
                "No ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET set: using swas-local, started in-process on {} (key {key}).",
                server.url()
            );
            let client = swas::client()
                .endpoint(server.url())
                .credentials(Credentials::new(key, secret))
                .build()?;
            (client, Some(server))
        }
    };
    let is_local = local.is_some();

    // 1. Where, what, which image.
    let regions = client.send(&ListRegions::builder().build()).await?;
    let ids: Vec<&str> = regions
        .regions
        .iter()
        .filter_map(|r| r.region_id.as_deref())
        .collect();
    println!("\nRegions: {}", ids.join(", "));

    let plans = client
        .send(&ListPlans::builder().region_id(region.as_str()).build())
        .await?;
    println!("\nPlans in {region}:");
    for p in &plans.plans {
        println!(
            "  {:<26} {} vCPU {:>2} GB  {:>3} GB {:<4}  {:>7.2} {}/month  {}",
            p.plan_id.as_deref().unwrap_or("?"),
            p.core.unwrap_or(0),
            p.memory.unwrap_or(0.0),
            p.disk_size.unwrap_or(0),
            p.disk_type.as_deref().unwrap_or("?"),
            p.origin_price.unwrap_or(0.0),
            p.currency.as_deref().unwrap_or(""),
            p.support_platform.as_deref().unwrap_or(""),
        );
    }
    let images = client
        .send(
            &ListImages::builder()
                .region_id(region.as_str())
                .image_type("system")
                .build(),
        )
        .await?;
    println!("\nSystem images in {region}:");
    for i in &images.images {
        println!(
            "  {:<34} {:<8} {}",
            i.image_id.as_deref().unwrap_or("?"),
            i.platform.as_deref().unwrap_or("?"),
            i.image_name.as_deref().unwrap_or("?"),
        );
    }

    // 2. Choose: the cheapest plan that runs Linux, and the first Linux image.
    let plan = plans
        .plans
        .iter()
        .filter(|p| {
            p.support_platform
                .as_deref()
                .is_some_and(|s| s.contains("Linux"))
        })
        .min_by(|a, b| {
            a.origin_price
                .unwrap_or(f64::MAX)
                .total_cmp(&b.origin_price.unwrap_or(f64::MAX))
        })
        .and_then(|p| p.plan_id.clone())
        .ok_or("no Linux plan in this region")?;
    let image = images
        .images
        .iter()
        .find(|i| i.platform.as_deref() == Some("Linux"))
        .and_then(|i| i.image_id.clone())
        .ok_or("no Linux image in this region")?;
    let amount = if is_local { 2 } else { 1 };
    let order = CreateInstances::builder()
        .region_id(region.as_str())
        .plan_id(plan.as_str())
        .image_id(image.as_str())
        .period(1)
        .amount(amount)
        .build();
    order.validate()?;
    println!(
        "\nOrder (validated locally): {amount} × {plan} with image {image}, 1 month, PrePaid."
    );

    // 3. Create — never against Alibaba Cloud without --yes-create.
    if is_local || yes_create {
        let created = client.send(&order).await?;
        println!(
            "Created {} instance(s): {} (request {})",
            created.instance_ids.len(),
            created.instance_ids.join(", "),
            created.request_id.as_deref().unwrap_or("-")
        );
    } else {
        println!(
            "Not creating anything: real servers cost money. Run with `-- --yes-create` to buy it."
        );
    }

    let listed = client
        .send(
            &ListInstances::builder()
                .region_id(region.as_str())
                .page_size(10)
                .build(),
        )
        .await?;
    println!(
        "\nInstances in {region} ({} in all):",
        listed.total_count.unwrap_or(0)
    );
    for i in &listed.instances {
        println!(
            "  {}  {:<8} {:<22} expires {}",
            i.instance_id.as_deref().unwrap_or("?"),
            i.status.as_deref().unwrap_or("?"),
            i.plan_id.as_deref().unwrap_or("?"),
            i.expired_time.as_deref().unwrap_or("?"),
        );
    }

    // 4. A request that breaks several rules: all of them are reported, nothing is sent.
    let bad = CreateInstances::builder()
        .region_id(region.as_str())
        .plan_id(plan.as_str())
        .image_id("")
        .period(2)
        .amount(50)
        .data_disk_size(30)
        .build();
    match client.send(&bad).await {
        Err(Error::InvalidRequest(errors)) => {
            println!(
                "\nValidation error ({} violations, nothing sent):",
                errors.violations().len()
            );
            for v in errors.violations() {
                println!("  - {v}");
            }
        }
        other => println!("\nUnexpected result for the invalid order: {other:?}"),
    }

    // 5. A typed service error.
    if is_local {
        let too_many = CreateInstances::builder()
            .region_id(region.as_str())
            .plan_id("swas.s4.c4m8s180b8t30") // two left in the built-in catalogue
            .image_id(image.as_str())
            .period(1)
            .amount(3)
            .build();
        match client.send(&too_many).await {
            Err(Error::Service {
                error: CreateInstancesError::NotEnoughStock(meta),
                ..
            }) => {
                println!(
                    "\nTyped service error: NotEnoughStock (HTTP {}): {}\n  request id {}",
                    meta.http_status,
                    meta.message,
                    meta.request_id.as_deref().unwrap_or("-")
                );
            }
            other => println!("\nUnexpected result for the scarce plan: {other:?}"),
        }
        let no_plan = CreateInstances::builder()
            .region_id(region.as_str())
            .plan_id("swas.s9.does-not-exist")
            .image_id(image.as_str())
            .period(1)
            .build();
        if let Err(Error::Service { error, .. }) = client.send(&no_plan).await {
            let kind = match &error {
                CreateInstancesError::InvalidPlanIdNotFound(_) => "InvalidPlanIdNotFound",
                _ => "another variant",
            };
            println!("Typed service error: {kind} → {error}");
        }
    } else {
        println!("\n(Against Alibaba Cloud the service-error demo is skipped: it would send a CreateInstances call.)");
    }

    if let Some(server) = local {
        server.shutdown().await;
        println!("\nswas-local stopped.");
    }
    Ok(())
}
