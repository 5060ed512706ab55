//! Vendor metadata (Alibaba Cloud `api-docs.json`) → this project's spec documents.
//!
//! One document per operation (`<Action>.json`, a complete spec with one operation) plus
//! `_service.json` with the endpoints table and no operations. Curated refinements live in
//! overlay files (see [`overlay`]) that the import merges over what the metadata says, recording
//! every fact the overlay overrode as a `discrepancy`.
//!
//! Mapping rules (each is tested in `codegen/tests/import_*.rs`):
//! - `type`/`format`: `integer`+`int32` → `int32`, `integer`+`int64` (or no format) → `int64`,
//!   `number` → `double`, `string`, `boolean`, `array` (with `items`), `object` (with
//!   `properties`; an object without properties is a free-form JSON object).
//! - `minimum`/`maximum` (strings) → one `range` constraint on integer fields; bounds that are not
//!   integers, or bounds on non-integer fields, are reported and dropped.
//! - `maxItems` → `maxItems`; `enum` → `oneOf`; `default` (a string) → a typed default.
//! - The parameter's `style` (`repeatList`/`json`/`simple`) → the field's `style`.
//! - **JSON-string arrays**: a top-level `string` request parameter without a style whose
//!   `example` parses as a non-empty JSON array of strings is sent as one JSON-encoded array, so it
//!   becomes `array` of `string` with style `json` (e.g. `StartInstances.InstanceIds`). The
//!   example is the evidence: a description that mentions a JSON array without such an example is
//!   reported and left a string; a JSON *object* in a string (e.g.
//!   `ModifyDatabaseInstanceParameter.Parameters`) stays a string.
//! - A string parameter named `ClientToken` that is optional is the idempotency token.
//! - Descriptions are kept as the Chinese (`zh`) text; a schema `title` is put in front of its
//!   description. Examples are trimmed. English (`en`) comes from the official SDK packages
//!   ([`docs_en`], `--docs`).
//! - `errorCodes` (keyed by HTTP status) → `errors`, `retryable` for 5xx and `Throttling*` codes.
//! - `directories`: the top-level directory title becomes the `group`, translated to a short
//!   English identifier ([`group_name`]); the Chinese directory title and the operation `title`
//!   are kept in the vendor source's `title`.
//! - Everything else (`schemes`, `security`, `responseDemo`, …) is reported by name and JSON
//!   Pointer into the vendor file: nothing is dropped silently.
//! - Metadata that contradicts itself is repaired and recorded ([`repair`]); a document of
//!   another API style than RPC is refused in one sentence.
//!
//! Layout: [`vendor`] walks one metadata document (its working state in `cx`), [`types`] maps
//! schemas onto spec fields (`defaults` and `error_table` the defaults and error codes),
//! [`repair`] records repairs, [`layers`] stacks several snapshots of one API version (newest
//! request side, older responses, errors, groups and docs carried forward; each fact credited
//! to the snapshot that first published it as it is), [`overlay`] merges curated facts,
//! [`write`](mod@write) checks everything and only then writes, and [`facade`] writes a product
//! crate's operation list and Cargo features.

mod cx;
mod defaults;
pub mod docs_en;
mod error_table;
pub mod facade;
pub mod layers;
pub mod overlay;
mod params;
mod refs;
pub mod repair;
pub mod roa;
pub mod roa_rules;
pub mod shapes;
pub mod types;
pub mod vendor;
pub mod write;

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

pub use error_table::is_retryable;
pub use vendor::import;
pub use write::{run, Outcome};

/// Something in the vendor file the import did not map, or mapped with a caveat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// JSON Pointer into the vendor file.
    pub pointer: String,
    /// The key or construct concerned (`schemes`, `minimum`, `type`, …).
    pub name: String,
    pub message: String,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: `{}`: {}", self.pointer, self.name, self.message)
    }
}

/// How to import.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The vendor file's name as recorded in `sources` (e.g. `2024-06-24.api-docs.json`).
    pub source_file: String,
    /// Publication date recorded in `sources`; see [`source_date`].
    pub date: Option<String>,
    /// Overlays by operation name (see [`overlay::load_dir`]).
    pub overlays: BTreeMap<String, overlay::Overlay>,
    /// Set by a layered import ([`layers`]): per operation, the older snapshots that provided
    /// parts of it. Recorded in the operation's `sources`.
    pub carried: BTreeMap<String, Vec<Carried>>,
    /// Set by a layered import: per operation, the oldest snapshot whose request side is the
    /// same as the newest's (recorded as the request side's source instead of the newest).
    pub request_since: BTreeMap<String, Published>,
    /// Likewise for the endpoints table (`_service.json`).
    pub endpoints_since: Option<Published>,
}

/// The snapshot that first published a fact as it still is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    pub file: String,
    pub date: Option<String>,
}

/// Parts of an operation that a layered import took from an older snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Carried {
    /// The snapshot's file name.
    pub file: String,
    pub date: Option<String>,
    /// `response`, `errors`, `group`, `docs`, `examples`.
    pub sections: Vec<String>,
}

/// The result of an import.
#[derive(Clone, Debug)]
pub struct Imported {
    pub product: String,
    pub version: String,
    /// `(file name, spec document)`: `_service.json` first, then one `<Action>.json` per
    /// operation in vendor order.
    pub files: Vec<(String, Value)>,
    /// Constructs not mapped (or mapped with a caveat), by vendor JSON Pointer.
    pub reports: Vec<Report>,
    /// How a value's shape was inferred (the JSON-string array rule), for the log.
    pub inferences: Vec<Report>,
    /// Repairs of inconsistent vendor facts, by kind ([`repair::KINDS`]); each is also a report
    /// line and a `discrepancies` entry of its operation.
    pub repairs: BTreeMap<String, usize>,
    /// Vendor facts the import cannot write right and no repair applies to (a required header
    /// parameter): `run` writes nothing and reports each as a check error.
    pub errors: Vec<Report>,
    /// Operations an overlay was applied to.
    pub overlaid: Vec<String>,
    /// Per operation, the parts a layered import took from older snapshots.
    pub carried: BTreeMap<String, Vec<Carried>>,
}

impl Imported {
    /// The operation documents (everything but `_service.json`).
    pub fn operations(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.files
            .iter()
            .filter(|(name, _)| name != SERVICE_FILE)
            .map(|(n, v)| (n.trim_end_matches(".json"), v))
    }
}

/// Name of the document that holds the endpoints table.
pub const SERVICE_FILE: &str = "_service.json";

/// `2024-06-24` from `2024-06-24.api-docs.json` (or any file name that starts with a date).
pub fn source_date(file_name: &str) -> Option<String> {
    let b = file_name.as_bytes();
    let is_date = b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b[..10]
            .iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    is_date.then(|| file_name[..10].to_owned())
}

/// Short English identifier of a vendor directory title (`实例` → `Instances`): the group, and
/// through it the Cargo feature, of the directory's operations. One glossary for every product
/// imported so far (SWAS, ECS, VPC, STS); an unknown title is reported and its operations get the
/// facade's fallback group.
pub fn group_name(title: &str) -> Option<&'static str> {
    let title = title.trim();
    GROUP_NAMES
        .iter()
        .find(|(zh, _)| *zh == title)
        .map(|(_, en)| *en)
}

const GROUP_NAMES: &[(&str, &str)] = &[
    // SWAS
    ("实例", "Instances"),
    ("密钥对", "KeyPairs"),
    ("防火墙模板", "FirewallTemplates"),
    ("防火墙", "Firewall"),
    ("快照", "Snapshots"),
    ("磁盘", "Disks"),
    ("自定义镜像", "Images"),
    ("命令助手", "Commands"),
    ("轻量数据库服务", "Databases"),
    ("标签", "Tags"),
    // "Other resources": ListRegions, ListImages, ListPlans — the regional catalog.
    ("其他资源", "Regions"),
    // ECS
    ("专有宿主机", "DedicatedHosts"),
    ("启动模板", "LaunchTemplates"),
    ("资源诊断", "Diagnostics"),
    ("资源保障", "CapacityReservations"),
    ("弹性供应组", "AutoProvisioningGroups"),
    ("块存储", "Disks"),
    ("预留实例券", "ReservedInstances"),
    ("存储容量单位包", "StorageCapacityUnits"),
    ("镜像", "Images"),
    ("镜像构建", "ImageBuilder"),
    ("前缀列表", "PrefixLists"),
    ("安全组", "SecurityGroups"),
    ("部署集", "DeploymentSets"),
    ("SSH 密钥对", "KeyPairs"),
    ("网络", "Network"),
    ("弹性网卡", "NetworkInterfaces"),
    ("系统事件", "SystemEvents"),
    ("运维与监控", "Monitoring"),
    ("云助手", "CloudAssistant"),
    ("高性能集群", "HpcClusters"),
    ("标签与资源组", "Tags"),
    ("地域", "Regions"),
    ("询价", "Pricing"),
    ("存储集（Beta）", "StorageSets"),
    ("任务", "Tasks"),
    ("已废弃接口", "Deprecated"),
    // VPC
    ("专有网络（VPC）", "Vpcs"),
    ("路由器", "Routers"),
    ("交换机", "VSwitches"),
    ("路由表", "RouteTables"),
    ("DHCP选项集", "DhcpOptionsSets"),
    ("流日志", "FlowLogs"),
    ("网络ACL", "NetworkAcls"),
    ("高可用虚拟IP", "HaVips"),
    ("流量镜像", "TrafficMirroring"),
    ("弹性公网IP", "Eips"),
    ("共享带宽", "BandwidthPackages"),
    ("物理专线", "PhysicalConnections"),
    ("故障演练", "FailoverTests"),
    ("QoS策略", "QosPolicies"),
    ("边界路由器", "VirtualBorderRouters"),
    ("BGP", "Bgp"),
    ("NAT", "NatGateways"),
    ("IPv4网关", "Ipv4Gateways"),
    ("VPN网关", "VpnGateways"),
    ("用户网关", "CustomerGateways"),
    ("绑定VPN网关实例", "VpnConnections"),
    ("绑定转发路由器实例", "TransitRouterVpnAttachments"),
    ("SSL客户端", "SslVpnClients"),
    ("SSL服务端", "SslVpnServers"),
    ("IPsec服务端", "IpsecServers"),
    ("IPv6网关", "Ipv6Gateways"),
    ("IPv6转换服务", "Ipv6Translators"),
    ("路由器接口", "RouterInterfaces"),
    ("高速上云服务", "ExpressCloudConnections"),
    ("全球加速实例", "GlobalAccelerations"),
    ("网关终端节点", "VpcGatewayEndpoints"),
    ("资源组", "ResourceGroups"),
    // STS
    ("角色扮演", "Roles"),
    ("调用身份", "CallerIdentity"),
];

/// [`group_name`], and for ROA documents (`cs`, `fc`) also [`ROA_GROUP_NAMES`]: titles that RPC
/// products use too (`其他`, `日志`) stay ungrouped there, so their specs do not change.
pub fn group_name_for(title: &str, roa: bool) -> Option<&'static str> {
    group_name(title).or_else(|| {
        let title = title.trim();
        roa.then(|| {
            ROA_GROUP_NAMES
                .iter()
                .find(|(zh, _)| *zh == title)
                .map(|(_, en)| *en)
        })
        .flatten()
    })
}

/// Directory titles of the ROA products imported so far (CS 2015-12-15, FC 2023-03-30).
pub const ROA_GROUP_NAMES: &[(&str, &str)] = &[
    // CS
    ("集群", "Clusters"),
    ("节点池", "NodePools"),
    ("节点", "Nodes"),
    ("组件", "Addons"),
    ("升级", "Upgrades"),
    ("权限", "Permissions"),
    ("编排模版", "Templates"),
    ("触发器", "Triggers"),
    ("报警", "Alerts"),
    ("日志", "Logs"),
    ("事件", "Events"),
    ("工作流", "Workflows"),
    ("策略治理", "Policies"),
    ("其他", "Other"),
    ("废弃", "Deprecated"),
    // FC
    ("自定义域名", "CustomDomains"),
    ("函数", "Functions"),
    ("别名", "Aliases"),
    ("函数异步配置", "AsyncInvokeConfigs"),
    ("预留函数配置", "ProvisionConfigs"),
    ("函数并发配置", "ConcurrencyConfigs"),
    ("层", "Layers"),
    ("VPC绑定", "VpcBindings"),
    ("异步任务", "AsyncTasks"),
];

/// Whether the text is vendor metadata (`apis` + `info`) rather than a spec document.
pub fn looks_like_vendor_metadata(value: &Value) -> bool {
    value.get("apis").is_some() && value.get("specVersion").is_none()
}
