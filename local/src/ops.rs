//! The operations: CreateInstances with the page's rules, and the neighbouring ListRegions,
//! ListPlans, ListImages and ListInstances.
//!
//! Requests are read with the generated `from_wire` and checked with the generated `validate()`
//! — the same code a client runs — so client and server cannot disagree on the published rules.
//! Responses are the generated response types, serialized.

use std::convert::Infallible;
use std::str::FromStr;
use std::sync::Arc;

use acs_runtime::wire::{INVALID_PARAMETER, MISSING_PARAMETER};
use acs_runtime::{Operation as _, Params, ServiceError, ValidationErrors, Violation};
use sha2::{Digest as _, Sha256};
use swas::create_instances::{CreateInstances, CreateInstancesError};
use swas::list_images::{
    ListImages, ListImagesError, ListImagesResponse, ListImagesResponseImages,
};
use swas::list_instances::{
    ListInstances, ListInstancesError, ListInstancesResponse, ListInstancesResponseInstances,
    ListInstancesResponseInstancesDisks, ListInstancesResponseInstancesImage,
    ListInstancesResponseInstancesResourceSpec,
};
use swas::list_plans::{ListPlans, ListPlansError, ListPlansResponse, ListPlansResponsePlans};
use swas::list_regions::{
    ListRegions, ListRegionsError, ListRegionsResponse, ListRegionsResponseRegions,
};

use crate::catalog::{Catalog, Region};
use crate::error::ApiError;
use crate::server::Shared;
use crate::state::InstanceRecord;

/// The actions this service answers.
pub const ACTIONS: [&str; 5] = [
    "CreateInstances",
    "ListRegions",
    "ListPlans",
    "ListImages",
    "ListInstances",
];

/// Whether `action` is one of [`ACTIONS`].
pub fn is_known_action(action: &str) -> bool {
    ACTIONS.contains(&action) || crate::lifecycle::ACTIONS.contains(&action)
}

/// `ListInstances` page size when none is given.
pub const DEFAULT_PAGE_SIZE: i32 = 10;

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(value).map_err(|_| ApiError::internal())
}

/// The error answered for the first violation of a request: its code, the status the
/// operation's published error table gives that code (400 for `MissingParameter`,
/// `InvalidParameter` and codes the table lacks), and a message naming the parameter.
pub fn violation_error<E>(errors: &ValidationErrors) -> ApiError
where
    E: ServiceError + FromStr<Err = Infallible>,
{
    let Some(first) = errors.violations().first() else {
        return ApiError::invalid_parameter("(unknown)", "the request is not valid");
    };
    match first.code {
        MISSING_PARAMETER => ApiError::missing_parameter(&first.parameter),
        INVALID_PARAMETER => ApiError::invalid_parameter(&first.parameter, &reason(first)),
        code => {
            let published = match E::from_str(code) {
                Ok(published) => published,
                Err(never) => match never {},
            };
            let meta = published.meta();
            let status = if meta.http_status == 0 {
                400
            } else {
                meta.http_status
            };
            let detail = format!("{} {}.", first.parameter, reason(first));
            let message = if meta.message.is_empty() {
                detail
            } else {
                format!("{} {detail}", meta.message)
            };
            ApiError::new(status, code, message)
        }
    }
}

/// `must be one of {1, 3} (got "2")`.
fn reason(violation: &Violation) -> String {
    match &violation.value {
        Some(value) => format!("{} (got {value:?})", violation.rule),
        None => violation.rule.to_string(),
    }
}

/// A published CreateInstances error with its published status and message, plus a detail.
pub(crate) fn published(code: &str, detail: Option<String>) -> ApiError {
    let error = match CreateInstancesError::from_str(code) {
        Ok(error) => error,
        Err(never) => match never {},
    };
    let message = match detail {
        Some(detail) => format!("{} {detail}", error.message()),
        None => error.message().to_owned(),
    };
    ApiError::new(error.http_status(), code, message)
}

fn region<'a>(catalog: &'a Catalog, region_id: &str) -> Result<&'a Region, ApiError> {
    catalog
        .region(region_id)
        .ok_or_else(|| ApiError::region_not_found(region_id))
}

/// `ListRegions`.
pub fn list_regions(
    shared: &Shared,
    params: &Params,
    request_id: &str,
) -> Result<Vec<u8>, ApiError> {
    let request =
        ListRegions::from_wire(params).map_err(|e| violation_error::<ListRegionsError>(&e))?;
    request
        .validate()
        .map_err(|e| violation_error::<ListRegionsError>(&e))?;
    let mut response = ListRegionsResponse::default();
    response.request_id = Some(request_id.to_owned());
    response.regions = shared
        .catalog
        .regions
        .iter()
        .map(|r| {
            let endpoint = swas::ENDPOINTS
                .iter()
                .find(|(id, _)| *id == r.region_id)
                .map_or_else(
                    || format!("swas.{}.aliyuncs.com", r.region_id),
                    |(_, host)| (*host).to_owned(),
                );
            ListRegionsResponseRegions {
                local_name: Some(r.local_name.clone()),
                region_endpoint: Some(endpoint),
                region_id: Some(r.region_id.clone()),
            }
        })
        .collect();
    to_json(&response)
}

/// `ListPlans`.
pub fn list_plans(shared: &Shared, params: &Params, request_id: &str) -> Result<Vec<u8>, ApiError> {
    let request =
        ListPlans::from_wire(params).map_err(|e| violation_error::<ListPlansError>(&e))?;
    request
        .validate()
        .map_err(|e| violation_error::<ListPlansError>(&e))?;
    let region = region(&shared.catalog, &request.region_id)?;
    let mut response = ListPlansResponse::default();
    response.request_id = Some(request_id.to_owned());
    response.plans = region
        .plans
        .iter()
        .map(|p| ListPlansResponsePlans {
            bandwidth: Some(p.bandwidth),
            core: Some(p.core),
            currency: Some(p.currency.clone()),
            disk_size: Some(p.disk_size),
            disk_type: Some(p.disk_type.clone()),
            flow: Some(p.flow),
            memory: Some(f64::from(p.memory)),
            origin_price: Some(p.origin_price),
            plan_id: Some(p.plan_id.clone()),
            // The vendor sends this as a JSON-encoded list in a string: `["Linux","Windows"]`.
            support_platform: serde_json::to_string(&p.support_platform).ok(),
        })
        .collect();
    to_json(&response)
}

/// `ListImages` (filters: `ImageIds`, `ImageType`).
pub fn list_images(
    shared: &Shared,
    params: &Params,
    request_id: &str,
) -> Result<Vec<u8>, ApiError> {
    let request =
        ListImages::from_wire(params).map_err(|e| violation_error::<ListImagesError>(&e))?;
    request
        .validate()
        .map_err(|e| violation_error::<ListImagesError>(&e))?;
    let region = region(&shared.catalog, &request.region_id)?;
    let mut response = ListImagesResponse::default();
    response.request_id = Some(request_id.to_owned());
    response.images = region
        .images
        .iter()
        .filter(|i| {
            request
                .image_ids
                .as_ref()
                .is_none_or(|ids| ids.contains(&i.image_id))
        })
        .filter(|i| {
            request
                .image_type
                .as_ref()
                .is_none_or(|t| *t == i.image_type)
        })
        .map(|i| ListImagesResponseImages {
            description: Some(i.description.clone()),
            image_id: Some(i.image_id.clone()),
            image_name: Some(i.image_name.clone()),
            image_type: Some(i.image_type.clone()),
            platform: Some(i.platform.clone()),
        })
        .collect();
    to_json(&response)
}

/// `ListInstances`: the caller's instances in a region, filtered by `InstanceIds`, `Status`,
/// `ChargeType`, `InstanceName` and `PublicIpAddresses`, in creation order, paged with
/// `PageNumber` (default 1) and `PageSize` (default 10, at most 100).
pub async fn list_instances(
    shared: &Shared,
    account: &str,
    params: &Params,
    request_id: &str,
) -> Result<Vec<u8>, ApiError> {
    let request =
        ListInstances::from_wire(params).map_err(|e| violation_error::<ListInstancesError>(&e))?;
    request
        .validate()
        .map_err(|e| violation_error::<ListInstancesError>(&e))?;
    region(&shared.catalog, &request.region_id)?;
    let page_number = request.page_number.unwrap_or(1).max(1);
    let page_size = request.page_size.unwrap_or(DEFAULT_PAGE_SIZE).max(1);
    let skip =
        usize::try_from(i64::from(page_number - 1) * i64::from(page_size)).unwrap_or(usize::MAX);
    let take = usize::try_from(page_size).unwrap_or(0);

    let state = shared.state.lock().await;
    let matching: Vec<&InstanceRecord> = state
        .instances(account)
        .iter()
        .filter(|i| i.region_id == request.region_id)
        .filter(|i| {
            request
                .instance_ids
                .as_ref()
                .is_none_or(|ids| ids.contains(&i.instance_id))
        })
        .filter(|i| request.status.as_ref().is_none_or(|s| *s == i.status))
        .filter(|i| {
            request
                .charge_type
                .as_ref()
                .is_none_or(|c| *c == i.charge_type)
        })
        .filter(|i| {
            request
                .instance_name
                .as_ref()
                .is_none_or(|n| *n == i.instance_id)
        })
        .filter(|i| {
            request
                .public_ip_addresses
                .as_ref()
                .is_none_or(|ips| ips.contains(&i.public_ip_address))
        })
        .collect();
    let mut response = ListInstancesResponse::default();
    response.request_id = Some(request_id.to_owned());
    response.total_count = Some(i32::try_from(matching.len()).unwrap_or(i32::MAX));
    response.page_number = Some(page_number);
    response.page_size = Some(page_size);
    response.instances = matching
        .into_iter()
        .skip(skip)
        .take(take)
        .map(listed_instance)
        .collect();
    drop(state);
    shared.lifecycle.apply(&mut response.instances);
    to_json(&response)
}

fn listed_instance(i: &InstanceRecord) -> ListInstancesResponseInstances {
    let disk =
        |kind: &str, device: &str, size: i64, suffix: &str| ListInstancesResponseInstancesDisks {
            category: Some(if i.disk_category == "ESSD" {
                "ESSD".to_owned()
            } else {
                "SSD".to_owned()
            }),
            creation_time: Some(i.creation_time.clone()),
            device: Some(device.to_owned()),
            disk_charge_type: Some(i.charge_type.clone()),
            disk_id: Some(format!(
                "d-{}{suffix}",
                i.instance_id.chars().take(20).collect::<String>()
            )),
            disk_type: Some(kind.to_owned()),
            region_id: Some(i.region_id.clone()),
            size: Some(i32::try_from(size).unwrap_or(i32::MAX)),
            status: Some("In_use".to_owned()),
            ..Default::default()
        };
    let mut disks = vec![disk("System", "/dev/xvda", i64::from(i.disk_size), "s")];
    if i.data_disk_size > 0 {
        disks.push(disk("Data", "/dev/xvdb", i.data_disk_size, "d"));
    }
    ListInstancesResponseInstances {
        business_status: Some("Normal".to_owned()),
        charge_type: Some(i.charge_type.clone()),
        creation_time: Some(i.creation_time.clone()),
        disks,
        expired_time: Some(i.expired_time.clone()),
        image: Some(ListInstancesResponseInstancesImage {
            image_name: Some(i.image_name.clone()),
            image_type: Some(i.image_type.clone()),
            os_type: Some(i.platform.clone()),
            ..Default::default()
        }),
        image_id: Some(i.image_id.clone()),
        inner_ip_address: Some(i.inner_ip_address.clone()),
        instance_id: Some(i.instance_id.clone()),
        instance_name: Some(i.instance_id.clone()),
        plan_id: Some(i.plan_id.clone()),
        public_ip_address: Some(i.public_ip_address.clone()),
        region_id: Some(i.region_id.clone()),
        resource_spec: Some(ListInstancesResponseInstancesResourceSpec {
            bandwidth: Some(i.bandwidth),
            cpu: Some(i.core),
            disk_category: Some(i.disk_category.clone()),
            disk_size: Some(i.disk_size),
            flow: Some(f64::from(i.flow)),
            memory: Some(f64::from(i.memory)),
        }),
        status: Some(i.status.clone()),
        uuid: Some(i.instance_id.clone()),
        ..Default::default()
    }
}

/// SHA-256 (hex) of the order's parameters with defaults filled in and `ClientToken` left out:
/// what "the same parameters" means for idempotency.
pub fn fingerprint(request: &CreateInstances) -> String {
    let mut normalized = request.clone();
    normalized.client_token = None;
    normalized.amount.get_or_insert(1);
    normalized.auto_renew.get_or_insert(false);
    normalized.data_disk_size.get_or_insert(0);
    normalized
        .charge_type
        .get_or_insert_with(|| "PrePaid".to_owned());
    let mut params = Params::new();
    normalized.write_params(&mut params);
    let mut pairs: Vec<(&str, &str)> = params.iter().collect();
    pairs.sort_unstable();
    let mut hasher = Sha256::new();
    for (name, value) in pairs {
        hasher.update(name.as_bytes());
        hasher.update(b"=");
        hasher.update(value.as_bytes());
        hasher.update(b"\n");
    }
    let digest = hasher.finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// `time` plus `months` calendar months, the day clamped to the target month's length.
pub(crate) fn add_months(time: time::OffsetDateTime, months: i32) -> time::OffsetDateTime {
    let total = time.year() * 12 + i32::from(u8::from(time.month())) - 1 + months;
    let year = total.div_euclid(12);
    let month = u8::try_from(total.rem_euclid(12) + 1)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .unwrap_or(time.month());
    let mut day = time.day();
    loop {
        if let Ok(date) = time::Date::from_calendar_date(year, month, day) {
            return time.replace_date(date);
        }
        if day <= 28 {
            return time;
        }
        day -= 1;
    }
}

pub(crate) fn format_time(time: time::OffsetDateTime) -> String {
    acs_runtime::sign::format_timestamp(time.into())
}

/// `CreateInstances`: local rules (generated), then the server's rules in this order — region,
/// plan, image, platform, memory, system disk, data disk, idempotency token, quota, stock,
/// balance — then commit (and persist, with a state file) before answering; the last four and
/// the commit run in [`crate::commit`], to completion whatever the connection does.
pub async fn create_instances(
    shared: &Arc<Shared>,
    account: &str,
    params: &Params,
    request_id: &str,
) -> Result<Vec<u8>, ApiError> {
    let request = CreateInstances::from_wire(params)
        .map_err(|e| violation_error::<CreateInstancesError>(&e))?;
    request
        .validate()
        .map_err(|e| violation_error::<CreateInstancesError>(&e))?;

    let catalog = &shared.catalog;
    let region = region(catalog, &request.region_id)?;
    let plan = region
        .plans
        .iter()
        .find(|p| p.plan_id == request.plan_id)
        .ok_or_else(|| published("InvalidPlanId.NotFound", None))?;
    let image = region
        .images
        .iter()
        .find(|i| i.image_id == request.image_id)
        .ok_or_else(|| published("InvalidImageId.NotFound", None))?;
    if !plan.support_platform.contains(&image.platform) {
        return Err(published(
            "PlatformNotMatch",
            Some(format!(
                "Plan {} supports {}; image {} is {}.",
                plan.plan_id,
                plan.support_platform.join(", "),
                image.image_id,
                image.platform
            )),
        ));
    }
    if plan.memory < image.min_memory {
        return Err(published(
            "InvalidPlanMemorySize.ValueNotSupported",
            Some(format!(
                "The image needs at least {} GB of memory; the plan has {} GB.",
                image.min_memory, plan.memory
            )),
        ));
    }
    if plan.disk_size < image.min_disk_size {
        return Err(published(
            "InvalidPlanIdSize.ValueNotSupported",
            Some(format!(
                "The image needs a system disk of at least {} GB; the plan has {} GB.",
                image.min_disk_size, plan.disk_size
            )),
        ));
    }
    let data_disk = request.data_disk_size.unwrap_or(0);
    let data_disk_min = if plan.disk_type.eq_ignore_ascii_case("ESSD") {
        40
    } else {
        20
    };
    if data_disk != 0 && data_disk < data_disk_min {
        return Err(published(
            "InvalidDataDiskSize.ValueNotSupported",
            Some(format!(
                "DataDiskSize must be at least {data_disk_min} GB with the {} disks of plan {} (got {data_disk}).",
                plan.disk_type, plan.plan_id
            )),
        ));
    }
    let amount = u64::try_from(request.amount.unwrap_or(1)).unwrap_or(1);
    let fingerprint = request
        .client_token
        .as_ref()
        .filter(|t| !t.is_empty())
        .map(|token| (token.clone(), fingerprint(&request)));

    crate::commit::place(
        Arc::clone(shared),
        crate::commit::Placement {
            account: account.to_owned(),
            request_id: request_id.to_owned(),
            region_id: region.region_id.clone(),
            plan: plan.clone(),
            image: image.clone(),
            period: request.period,
            auto_renew: request.auto_renew.unwrap_or(false),
            auto_renew_period: request.auto_renew_period,
            client_token: request.client_token.clone(),
            amount,
            data_disk,
            fingerprint,
        },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_calendar_months() {
        let t = time::macros::datetime!(2024-01-31 10:00 UTC);
        assert_eq!(format_time(add_months(t, 1)), "2024-02-29T10:00:00Z");
        assert_eq!(format_time(add_months(t, 12)), "2025-01-31T10:00:00Z");
        assert_eq!(format_time(add_months(t, 36)), "2027-01-31T10:00:00Z");
        let t = time::macros::datetime!(2023-11-30 00:00 UTC);
        assert_eq!(format_time(add_months(t, 3)), "2024-02-29T00:00:00Z");
    }

    #[test]
    fn fingerprint_ignores_token_and_spelled_out_defaults() {
        let base = || {
            CreateInstances::builder()
                .region_id("cn-hangzhou")
                .image_id("i")
                .plan_id("p")
                .period(1)
        };
        let a = fingerprint(&base().client_token("t1").build());
        let b = fingerprint(
            &base()
                .amount(1)
                .charge_type("PrePaid")
                .client_token("t2")
                .build(),
        );
        let c = fingerprint(&base().amount(2).build());
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 64);
    }
}
