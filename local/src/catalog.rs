//! What the service sells: regions, their plans and images, the per-region quota and the
//! starting balance of every account.
//!
//! The built-in catalogue ([`Catalog::builtin`]) has three regions (`cn-hangzhou`, `cn-shanghai`,
//! `ap-southeast-1`), each with the same five plans and five images; the page's example
//! `PlanId` `swas.s1.c1m1s40b3t05` and `ImageId` `e2c9c365024a44369c9b955a998a****` exist in all
//! of them. `--catalog FILE` replaces it with a JSON file of the same shape (field names as in
//! the vendor's ListPlans/ListImages responses, plus the server-side facts):
//!
//! ```json
//! {
//!   "Quota": 50,
//!   "Balance": 10000.0,
//!   "Regions": [
//!     {
//!       "RegionId": "cn-hangzhou",
//!       "LocalName": "华东1（杭州）",
//!       "Plans": [
//!         { "PlanId": "swas.s1.c1m1s40b3t05", "Core": 1, "Memory": 1, "DiskSize": 40,
//!           "DiskType": "ESSD", "Bandwidth": 3, "Flow": 500, "OriginPrice": 34.0,
//!           "Currency": "CNY", "SupportPlatform": ["Linux"], "Stock": 1000 }
//!       ],
//!       "Images": [
//!         { "ImageId": "e2c9c365024a44369c9b955a998a1234", "ImageName": "Alibaba Cloud Linux 3.2104",
//!           "ImageType": "system", "Platform": "Linux", "Description": "…",
//!           "MinMemory": 0, "MinDiskSize": 20 }
//!       ]
//!     }
//!   ]
//! }
//! ```
//!
//! `Quota` (instances per account and region, default 50), `Balance` (each account's starting
//! balance in the plans' currency, default 10000), `LocalName`, `Currency` (default `CNY`),
//! `Description`, `MinMemory` (GB, default 0) and `MinDiskSize` (GB, default 0) may be left out.
//! `Stock` is the number of instances of that plan the region can still create.
//!
//! Server-side rules derived from the catalogue:
//! * the image's `Platform` must be listed in the plan's `SupportPlatform`, else `PlatformNotMatch`;
//! * the plan's `Memory` must be at least the image's `MinMemory`, else
//!   `InvalidPlanMemorySize.ValueNotSupported`;
//! * the plan's `DiskSize` must be at least the image's `MinDiskSize`, else
//!   `InvalidPlanIdSize.ValueNotSupported`;
//! * a non-zero `DataDiskSize` must be at least 40 GB on `ESSD` plans and 20 GB on `SSD` plans,
//!   else `InvalidDataDiskSize.ValueNotSupported`;
//! * the order costs `OriginPrice × Period × Amount`; a balance below that is `PaymentFailed`.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// The whole catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Catalog {
    /// Instances per account and region (the page's 50).
    #[serde(default = "default_quota")]
    pub quota: u64,
    /// Each account's starting balance, in the plans' currency.
    #[serde(default = "default_balance")]
    pub balance: f64,
    /// Regions in listing order.
    pub regions: Vec<Region>,
}

/// One region with what it sells.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Region {
    /// `cn-hangzhou`.
    pub region_id: String,
    /// Display name.
    #[serde(default)]
    pub local_name: String,
    /// Plans sold in the region.
    #[serde(default)]
    pub plans: Vec<Plan>,
    /// Images available in the region.
    #[serde(default)]
    pub images: Vec<Image>,
}

/// One plan (instance type + disk + bandwidth + price).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Plan {
    /// `swas.s1.c1m1s40b3t05`.
    pub plan_id: String,
    /// vCPUs.
    pub core: i32,
    /// Memory in GB.
    pub memory: i32,
    /// System disk in GB.
    pub disk_size: i32,
    /// `SSD` or `ESSD`.
    pub disk_type: String,
    /// Peak bandwidth in Mbit/s.
    pub bandwidth: i32,
    /// Monthly traffic in GB.
    pub flow: i32,
    /// Monthly price.
    pub origin_price: f64,
    /// `CNY` or `USD`.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// Platforms the plan supports (`Linux`, `Windows`).
    pub support_platform: Vec<String>,
    /// Instances of this plan the region can still create.
    pub stock: u64,
}

/// One image.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Image {
    /// 32 hex characters (or the page's masked example).
    pub image_id: String,
    /// Display name.
    pub image_name: String,
    /// `system`, `app` or `custom`.
    pub image_type: String,
    /// `Linux` or `Windows`.
    pub platform: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// The least plan memory the image runs with, in GB.
    #[serde(default)]
    pub min_memory: i32,
    /// The least system disk the image needs, in GB.
    #[serde(default)]
    pub min_disk_size: i32,
}

fn default_quota() -> u64 {
    50
}

fn default_balance() -> f64 {
    10_000.0
}

fn default_currency() -> String {
    "CNY".to_owned()
}

/// A catalogue file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The file could not be read.
    #[error("cannot read catalogue {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not a catalogue.
    #[error("catalogue {path} is not valid: {reason}")]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong.
        reason: String,
    },
}

impl Catalog {
    /// Reads a catalogue from a JSON file (see the module documentation for the shape).
    pub fn load(path: &Path) -> Result<Self, CatalogError> {
        let text = std::fs::read(path).map_err(|source| CatalogError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let catalog: Catalog =
            serde_json::from_slice(&text).map_err(|e| CatalogError::Invalid {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
        catalog.check().map_err(|reason| CatalogError::Invalid {
            path: path.display().to_string(),
            reason,
        })?;
        Ok(catalog)
    }

    /// Checks what serde cannot: unique ids, sane numbers.
    pub fn check(&self) -> Result<(), String> {
        if !self.balance.is_finite() || self.balance < 0.0 {
            return Err("Balance must be a non-negative number".to_owned());
        }
        let mut regions = std::collections::HashSet::new();
        for region in &self.regions {
            if region.region_id.is_empty() || !regions.insert(region.region_id.as_str()) {
                return Err(format!(
                    "region id {:?} is empty or listed twice",
                    region.region_id
                ));
            }
            let mut plans = std::collections::HashSet::new();
            for plan in &region.plans {
                if !plans.insert(plan.plan_id.as_str()) {
                    return Err(format!(
                        "plan {:?} is listed twice in {}",
                        plan.plan_id, region.region_id
                    ));
                }
                if !plan.origin_price.is_finite() || plan.origin_price < 0.0 {
                    return Err(format!(
                        "plan {:?} has an invalid OriginPrice",
                        plan.plan_id
                    ));
                }
            }
            let mut images = std::collections::HashSet::new();
            for image in &region.images {
                if !images.insert(image.image_id.as_str()) {
                    return Err(format!(
                        "image {:?} is listed twice in {}",
                        image.image_id, region.region_id
                    ));
                }
            }
        }
        Ok(())
    }

    /// The region with this id.
    pub fn region(&self, region_id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.region_id == region_id)
    }

    /// Sets every plan's stock to `stock` (handy for benchmarks and load tests).
    pub fn with_stock(mut self, stock: u64) -> Self {
        for plan in self.regions.iter_mut().flat_map(|r| r.plans.iter_mut()) {
            plan.stock = stock;
        }
        self
    }

    /// The built-in catalogue (see the module documentation).
    pub fn builtin() -> Self {
        let regions = [
            ("cn-hangzhou", "华东1（杭州）"),
            ("cn-shanghai", "华东2（上海）"),
            ("ap-southeast-1", "新加坡"),
        ];
        Catalog {
            quota: default_quota(),
            balance: default_balance(),
            regions: regions
                .iter()
                .map(|(id, name)| Region {
                    region_id: (*id).to_owned(),
                    local_name: (*name).to_owned(),
                    plans: builtin_plans(),
                    images: builtin_images(),
                })
                .collect(),
        }
    }
}

fn plan(
    plan_id: &str,
    (core, memory, disk_size): (i32, i32, i32),
    disk_type: &str,
    (bandwidth, flow): (i32, i32),
    origin_price: f64,
    platforms: &[&str],
    stock: u64,
) -> Plan {
    Plan {
        plan_id: plan_id.to_owned(),
        core,
        memory,
        disk_size,
        disk_type: disk_type.to_owned(),
        bandwidth,
        flow,
        origin_price,
        currency: default_currency(),
        support_platform: platforms.iter().map(|p| (*p).to_owned()).collect(),
        stock,
    }
}

fn builtin_plans() -> Vec<Plan> {
    vec![
        // The page's example plan: 1 vCPU, 1 GB, 40 GB ESSD, 3 Mbit/s — Linux only.
        plan(
            "swas.s1.c1m1s40b3t05",
            (1, 1, 40),
            "ESSD",
            (3, 500),
            34.0,
            &["Linux"],
            1000,
        ),
        plan(
            "swas.s2.c2m2s40b1t04",
            (2, 2, 40),
            "SSD",
            (1, 400),
            60.0,
            &["Linux", "Windows"],
            1000,
        ),
        plan(
            "swas.s3.c2m4s80b4t10",
            (2, 4, 80),
            "ESSD",
            (4, 1000),
            120.0,
            &["Linux", "Windows"],
            1000,
        ),
        // Scarce: only two left, so NotEnoughStock is easy to reach.
        plan(
            "swas.s4.c4m8s180b8t30",
            (4, 8, 180),
            "ESSD",
            (8, 3000),
            300.0,
            &["Linux", "Windows"],
            2,
        ),
        // Expensive: a 36-month order is more than the default balance.
        plan(
            "swas.s5.c8m32s640b30t40",
            (8, 32, 640),
            "ESSD",
            (30, 4000),
            1200.0,
            &["Linux", "Windows"],
            100,
        ),
    ]
}

fn image(
    image_id: &str,
    image_name: &str,
    image_type: &str,
    platform: &str,
    description: &str,
    (min_memory, min_disk_size): (i32, i32),
) -> Image {
    Image {
        image_id: image_id.to_owned(),
        image_name: image_name.to_owned(),
        image_type: image_type.to_owned(),
        platform: platform.to_owned(),
        description: description.to_owned(),
        min_memory,
        min_disk_size,
    }
}

fn builtin_images() -> Vec<Image> {
    vec![
        image(
            "e2c9c365024a44369c9b955a998a1234",
            "Alibaba Cloud Linux 3.2104",
            "system",
            "Linux",
            "Alibaba Cloud Linux 3.2104 LTS 64-bit",
            (0, 20),
        ),
        // The page's example ImageId, masked as published.
        image(
            "e2c9c365024a44369c9b955a998a****",
            "CentOS 7.9",
            "system",
            "Linux",
            "CentOS 7.9 64-bit (the reference page's example ImageId)",
            (0, 20),
        ),
        image(
            "794c230fd3e64ea19f83f4d7a0ad0001",
            "WordPress-6.4",
            "app",
            "Linux",
            "WordPress on Alibaba Cloud Linux 3",
            (1, 40),
        ),
        image(
            "fe9c66133a9d4688872869726b520002",
            "Windows Server 2022 Datacenter",
            "system",
            "Windows",
            "Windows Server 2022 Datacenter 64-bit (Chinese)",
            (2, 40),
        ),
        // Needs a bigger system disk than the 40 GB plans have.
        image(
            "a1b2c3d4e5f60718293a4b5c6d7e0003",
            "Docker CE 24 on Ubuntu 22.04",
            "app",
            "Linux",
            "Docker CE 24 on Ubuntu 22.04 64-bit",
            (2, 60),
        ),
    ]
}
