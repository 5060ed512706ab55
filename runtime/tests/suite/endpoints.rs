//! Endpoint resolution against the published facts in `specs/endpoints/*.json` (the vendor
//! metadata's host table and the official SDK's rule and map, per product): every published
//! region resolves to its published host, every other region to the rule's host (or, for a
//! product without a rule, to an error listing the known regions), and the client builder uses
//! it, with `.network(Network::Vpc)` and an explicit endpoint that always wins.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use acs_runtime::client::BuildError;
use acs_runtime::{Client, Credentials, EndpointError, EndpointRule, Network, ProductEndpoints};
use serde_json::Value;

/// The products whose endpoint facts the repository records: the shipped ones (`swas`, `ecs`,
/// `vpc`, and `sts` for credentials) and the ones being added (issue 19).
const EXPECTED: &[&str] = &[
    "alb-2020-06-16",
    "alidns-2015-01-09",
    "cdn-2018-05-10",
    "cms-2019-01-01",
    "cr-2018-12-01",
    "cs-2015-12-15",
    "dds-2015-12-01",
    "dysmsapi-2017-05-25",
    "ecs-2014-05-26",
    "ess-2014-08-28",
    "fc-2023-03-30",
    "kms-2016-01-20",
    "nlb-2022-04-30",
    "polardb-2017-08-01",
    "r-kvstore-2015-01-01",
    "ram-2015-05-01",
    "rds-2014-08-15",
    "resourcemanager-2020-03-31",
    "slb-2014-05-15",
    "sts-2015-04-01",
    "swas-open-2020-06-01",
    "vpc-2016-04-28",
];

fn specs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs")
}

/// One product's recorded facts.
struct Facts {
    name: String,
    prefix: String,
    rule: Option<EndpointRule>,
    sdk_rule: String,
    metadata: Vec<(String, String)>,
    sdk_map: Vec<(String, String)>,
}

fn rows(v: &Value, file: &str, what: &str) -> Vec<(String, String)> {
    v.as_array()
        .unwrap_or_else(|| panic!("{file}: {what} is not an array"))
        .iter()
        .map(|row| {
            let field = |k: &str| {
                row[k]
                    .as_str()
                    .unwrap_or_else(|| panic!("{file}: {what} row without {k}: {row}"))
                    .to_owned()
            };
            (field("regionId"), field("host"))
        })
        .collect()
}

fn load_all() -> Vec<Facts> {
    let dir = specs_dir().join("endpoints");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".json")?.to_owned())
        })
        .collect();
    names.sort();
    assert_eq!(names, EXPECTED, "endpoint data files in {}", dir.display());
    names
        .into_iter()
        .map(|name| {
            let file = dir.join(format!("{name}.json"));
            let shown = file.display().to_string();
            let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{shown}: {e}"));
            let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{shown}: {e}"));
            let rule = match v["rule"].as_str() {
                Some("regional") => Some(EndpointRule::Regional),
                Some("central") => Some(EndpointRule::Central),
                Some("none") => None,
                other => panic!("{shown}: rule {other:?}"),
            };
            // A shipped product's table is its imported `_service.json` (what its crate's
            // `src/endpoints.rs` is written from); the others', the recorded metadata.
            let service = specs_dir().join(&name).join("_service.json");
            let metadata = match std::fs::read_to_string(&service) {
                Ok(text) => {
                    let shown = service.display().to_string();
                    let s: Value =
                        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{shown}: {e}"));
                    rows(&s["endpoints"], &shown, "endpoints")
                }
                Err(_) => rows(&v["metadata"]["endpoints"], &shown, "metadata.endpoints"),
            };
            Facts {
                prefix: v["hostPrefix"].as_str().expect("hostPrefix").to_owned(),
                rule,
                sdk_rule: v["officialSdk"]["endpointRule"]
                    .as_str()
                    .expect("officialSdk.endpointRule")
                    .to_owned(),
                metadata,
                sdk_map: rows(
                    &v["officialSdk"]["endpointMap"],
                    &shown,
                    "officialSdk.endpointMap",
                ),
                name,
            }
        })
        .collect()
}

/// The product's endpoints as its crate's `src/endpoints.rs` holds them: the metadata's rows,
/// then the SDK's rows for regions the metadata lacks.
fn product(f: &Facts) -> ProductEndpoints {
    let mut table: Vec<(&'static str, &'static str)> = Vec::new();
    let leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
    for (region, host) in f.metadata.iter().chain(&f.sdk_map) {
        if !table.iter().any(|(r, _)| r == region) {
            table.push((leak(region), leak(host)));
        }
    }
    ProductEndpoints {
        host_prefix: leak(&f.prefix),
        rule: f.rule,
        table: Box::leak(table.into_boxed_slice()),
    }
}

fn rule_host(f: &Facts, region: &str, network: Network) -> Option<String> {
    let net = if network == Network::Vpc { "-vpc" } else { "" };
    match f.rule {
        Some(EndpointRule::Regional) => Some(format!("{}{net}.{region}.aliyuncs.com", f.prefix)),
        Some(EndpointRule::Central) => Some(format!("{}{net}.aliyuncs.com", f.prefix)),
        None => None,
    }
}

#[test]
fn every_published_region_resolves_to_its_published_host() {
    let all = load_all();
    let mut checked = 0;
    let mut disagreements = Vec::new();
    for f in &all {
        let p = product(f);
        let published: BTreeMap<&str, &str> = f
            .metadata
            .iter()
            .map(|(r, h)| (r.as_str(), h.as_str()))
            .collect();
        for (region, host) in &f.metadata {
            assert_eq!(
                p.host(region, Network::Public).as_deref(),
                Ok(host.as_str()),
                "{} {region}",
                f.name
            );
            assert_eq!(
                p.resolve(region, Network::Public).map(|e| e.to_string()),
                Ok(format!("https://{host}")),
                "{} {region}",
                f.name
            );
            checked += 1;
        }
        for (region, sdk_host) in &f.sdk_map {
            // The metadata is Alibaba's newer publication: where the SDK's map disagrees, the
            // metadata's host is the one resolved (the SDK's map fills the regions it lacks).
            let expected = match published.get(region.as_str()) {
                Some(meta) if meta != sdk_host => {
                    disagreements.push(format!("{} {region}: {meta} (SDK: {sdk_host})", f.name));
                    *meta
                }
                Some(meta) => *meta,
                None => sdk_host.as_str(),
            };
            assert_eq!(
                p.host(region, Network::Public).as_deref(),
                Ok(expected),
                "{} {region}",
                f.name
            );
            checked += 1;
        }
    }
    let pairs: usize = all.iter().map(|f| f.metadata.len() + f.sdk_map.len()).sum();
    assert_eq!(checked, pairs);
    println!(
        "{checked} published product/region pairs resolved to their hosts over {} products; \
         {} where the SDK's map disagrees with the metadata (metadata resolved):\n  {}",
        all.len(),
        disagreements.len(),
        disagreements.join("\n  ")
    );
}

#[test]
fn other_regions_resolve_by_the_rule_or_fail_listing_known_ones() {
    let all = load_all();
    // Regions some product publishes: realistic ids to try on the products that lack them.
    let every_region: BTreeSet<&str> = all
        .iter()
        .flat_map(|f| f.metadata.iter().chain(&f.sdk_map))
        .map(|(r, _)| r.as_str())
        .collect();
    let mut by_rule = 0;
    let mut refused = 0;
    for f in &all {
        let p = product(f);
        let known: BTreeSet<&str> = p.table.iter().map(|(r, _)| *r).collect();
        for region in every_region.iter().filter(|r| !known.contains(*r)) {
            match rule_host(f, region, Network::Public) {
                Some(host) => {
                    assert_eq!(p.host(region, Network::Public), Ok(host), "{}", f.name);
                    by_rule += 1;
                }
                None => {
                    let err = p.host(region, Network::Public);
                    assert_eq!(
                        err,
                        Err(EndpointError::UnknownRegion {
                            region: (*region).to_owned(),
                            known: p.table.iter().map(|(r, _)| (*r).to_owned()).collect(),
                        }),
                        "{}",
                        f.name
                    );
                    refused += 1;
                }
            }
        }
    }
    assert!(
        by_rule > 0 && refused > 0,
        "{by_rule} by rule, {refused} refused"
    );
    println!("{by_rule} unlisted product/region pairs resolved by the rule, {refused} refused");
}

#[test]
fn the_rule_and_prefix_are_the_sdks_rule_and_the_tables_prefix() {
    for f in load_all() {
        let expected_rule = match f.sdk_rule.as_str() {
            "regional" => Some(EndpointRule::Regional),
            "central" => Some(EndpointRule::Central),
            _ => None,
        };
        assert_eq!(f.rule, expected_rule, "{}", f.name);
        // The prefix most of the metadata's regular hosts (`<label>.<region>.aliyuncs.com`,
        // `<label>.aliyuncs.com`) start with, not the product code.
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (region, host) in &f.metadata {
            if let Some((label, rest)) = host.split_once('.') {
                if rest == format!("{region}.aliyuncs.com") || rest == "aliyuncs.com" {
                    *counts.entry(label).or_default() += 1;
                }
            }
        }
        let most = counts.values().max().copied().unwrap_or(0);
        assert_eq!(
            counts.get(f.prefix.as_str()),
            Some(&most),
            "{}: prefix {} vs {counts:?}",
            f.name,
            f.prefix
        );
    }
}

#[test]
fn dds_cms_and_fc_resolve_to_their_published_hosts_not_the_product_code() {
    let all = load_all();
    for (name, code, prefix) in [
        ("dds-2015-12-01", "dds", "mongodb"),
        ("cms-2019-01-01", "cms", "metrics"),
        ("fc-2023-03-30", "fc", "fcv3"),
    ] {
        let f = all.iter().find(|f| f.name == name).expect(name);
        let p = product(f);
        assert_eq!(p.host_prefix, prefix);
        // A published region the rule also covers, and one outside the table.
        let regular = f
            .metadata
            .iter()
            .find(|(r, h)| *h == format!("{prefix}.{r}.aliyuncs.com"))
            .expect("a regular published host");
        assert_eq!(
            p.host(&regular.0, Network::Public).as_deref(),
            Ok(regular.1.as_str())
        );
        let outside = "xx-unlisted-1";
        assert!(p.table.iter().all(|(r, _)| *r != outside));
        let host = p.host(outside, Network::Public).expect(name);
        assert_eq!(host, format!("{prefix}.{outside}.aliyuncs.com"));
        assert!(!host.starts_with(&format!("{code}.")), "{host}");
    }
}

#[test]
fn vpc_hosts_follow_the_rule_for_every_published_region() {
    for f in load_all() {
        let p = product(&f);
        for (region, _) in p.table {
            let expected = rule_host(&f, region, Network::Vpc)
                .unwrap_or_else(|| format!("{}-vpc.{region}.aliyuncs.com", f.prefix));
            assert_eq!(p.host(region, Network::Vpc), Ok(expected), "{}", f.name);
        }
    }
}

/// The string literals of `text` in order (the generated files hold no escapes).
fn string_literals(text: &str) -> Vec<&str> {
    text.split('"').skip(1).step_by(2).collect()
}

#[test]
fn shipped_crates_hold_these_tables_prefixes_and_rules() {
    let all = load_all();
    let root = specs_dir().join("..");
    let mut crates = 0;
    for entry in std::fs::read_dir(&root).expect("repository root") {
        let dir = entry.expect("entry").path();
        let Ok(config) = std::fs::read_to_string(dir.join("facade.json")) else {
            continue;
        };
        let config: Value = serde_json::from_str(&config).expect("facade.json");
        let specs = config["specs"].as_str().expect("specs");
        let folder = specs.rsplit('/').next().expect("folder");
        let f = all
            .iter()
            .find(|f| f.name == folder)
            .unwrap_or_else(|| panic!("{}: no specs/endpoints/{folder}.json", dir.display()));
        let p = product(f);
        let shown = dir.join("src/endpoints.rs").display().to_string();
        let text = std::fs::read_to_string(&shown).unwrap_or_else(|e| panic!("{shown}: {e}"));
        let (table, rules) = text
            .split_once("pub const ENDPOINT_RULES")
            .unwrap_or_else(|| panic!("{shown}: no ENDPOINT_RULES"));
        let (_, table) = table.split_once("&[").expect("ENDPOINTS array");
        let literals = string_literals(table);
        let shipped: Vec<(&str, &str)> = literals.chunks(2).map(|c| (c[0], c[1])).collect();
        assert_eq!(shipped, p.table, "{shown}");
        let rule = match p.rule {
            Some(EndpointRule::Regional) => "Some(EndpointRule::Regional)",
            Some(EndpointRule::Central) => "Some(EndpointRule::Central)",
            None => "None",
        };
        assert!(
            rules.contains(&format!(
                "host_prefix: {:?},\n    rule: {rule},",
                p.host_prefix
            )),
            "{shown}: {rules}"
        );
        crates += 1;
    }
    assert!(crates >= 3, "{crates} product crates found");
}

fn client_for(
    p: ProductEndpoints,
    region: &str,
    network: Network,
    endpoint: Option<&str>,
) -> Result<String, BuildError> {
    let mut b = Client::builder()
        .credentials(Credentials::new("testid", "testsecret"))
        .product_endpoints(p)
        .region(region)
        .network(network);
    if let Some(url) = endpoint {
        b = b.endpoint(url);
    }
    b.build().map(|c| c.endpoint().to_string())
}

#[test]
fn the_client_builder_resolves_networks_and_an_explicit_endpoint_wins() {
    let all = load_all();
    let ecs = product(
        all.iter()
            .find(|f| f.name == "ecs-2014-05-26")
            .expect("ecs"),
    );
    let swas = product(
        all.iter()
            .find(|f| f.name == "swas-open-2020-06-01")
            .expect("swas"),
    );
    let (region, host) = ecs.table[0];
    assert_eq!(
        client_for(ecs, region, Network::Public, None).ok(),
        Some(format!("https://{host}"))
    );
    assert_eq!(
        client_for(ecs, region, Network::Vpc, None).ok(),
        Some(format!("https://ecs-vpc.{region}.aliyuncs.com"))
    );
    for network in [Network::Public, Network::Vpc] {
        assert_eq!(
            client_for(ecs, "xx-unlisted-1", network, Some("http://127.0.0.1:8080")).ok(),
            Some("http://127.0.0.1:8080".to_owned())
        );
    }
    let err = client_for(swas, "xx-unlisted-1", Network::Public, None)
        .err()
        .map(|e| e.to_string());
    let known: Vec<&str> = swas.table.iter().map(|(r, _)| *r).collect();
    assert_eq!(
        err,
        Some(format!(
            "unknown region \"xx-unlisted-1\": no endpoint is known for it (known regions: {}); \
             set an explicit endpoint to use it anyway",
            known.join(", ")
        ))
    );
}
