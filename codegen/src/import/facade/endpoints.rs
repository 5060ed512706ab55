//! The facade's `src/endpoints.rs`: the product's region table and its rule for other regions.
//!
//! The table is the imported `_service.json` endpoints (the vendor metadata's hosts), then the
//! official SDK's hosts for the regions the metadata lacks; the host prefix and the rule
//! (regional `<prefix>.<region>.aliyuncs.com`, central `<prefix>.aliyuncs.com`, or none) come from
//! the product's endpoint data file, `specs/endpoints/<spec folder>.json` (written by
//! `specs/endpoints/extract.py` from the metadata and the official SDK package). Without a data
//! file the table is the metadata's alone, the prefix is the one most of its hosts start with, and
//! regions it lacks are errors; the import reports that.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde_json::Value;

use super::FacadeConfig;
use crate::import::Report;
use crate::spec::RegionEndpoint;
use crate::SpecError;

pub const ENDPOINTS_FILE: &str = "src/endpoints.rs";

/// What a data file records, as far as the facade needs it.
struct EndpointData {
    host_prefix: String,
    rule: Rule,
    /// The official SDK package and version the map and rule come from.
    sdk: String,
    sdk_map: Vec<(String, String)>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Rule {
    Regional,
    Central,
    None,
}

/// `specs/endpoints/<spec folder>.json` (next to the crate's spec folder), relative to the crate.
pub fn data_path(config: &FacadeConfig) -> Option<PathBuf> {
    let specs = Path::new(&config.specs);
    let folder = specs.file_name()?.to_string_lossy().into_owned();
    Some(
        specs
            .parent()?
            .join("endpoints")
            .join(format!("{folder}.json")),
    )
}

fn load(path: &Path, shown: &str) -> Result<EndpointData, SpecError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| SpecError::new(shown, "", format!("cannot read: {e}")))?;
    let v: Value = serde_json::from_str(&text)
        .map_err(|e| SpecError::new(shown, "", format!("invalid JSON: {e}")))?;
    let string = |pointer: &str| {
        v.pointer(pointer)
            .and_then(Value::as_str)
            .ok_or_else(|| SpecError::new(shown, pointer, "missing or not a string"))
    };
    let rule = match string("/rule")? {
        "regional" => Rule::Regional,
        "central" => Rule::Central,
        "none" => Rule::None,
        _ => {
            return Err(SpecError::new(
                shown,
                "/rule",
                "expected \"regional\", \"central\" or \"none\"",
            ))
        }
    };
    let host_prefix = string("/hostPrefix")?.to_owned();
    check_label(&host_prefix).map_err(|m| SpecError::new(shown, "/hostPrefix", m))?;
    let map = v
        .pointer("/officialSdk/endpointMap")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            SpecError::new(shown, "/officialSdk/endpointMap", "missing or not an array")
        })?;
    let mut sdk_map = Vec::with_capacity(map.len());
    for (i, row) in map.iter().enumerate() {
        let at = format!("/officialSdk/endpointMap/{i}");
        let field = |k: &str| {
            row.get(k).and_then(Value::as_str).ok_or_else(|| {
                SpecError::new(shown, format!("{at}/{k}"), "missing or not a string")
            })
        };
        let (region, host) = (field("regionId")?, field("host")?);
        check_host(host).map_err(|m| SpecError::new(shown, format!("{at}/host"), m))?;
        check_label(region).map_err(|m| SpecError::new(shown, format!("{at}/regionId"), m))?;
        sdk_map.push((region.to_owned(), host.to_owned()));
    }
    Ok(EndpointData {
        host_prefix,
        rule,
        sdk: format!(
            "{} {}",
            string("/officialSdk/package")?,
            string("/officialSdk/version")?
        ),
        sdk_map,
    })
}

/// `base/rel` with `..` after a normal component removed, without touching the file system.
fn lexical_join(base: &Path, rel: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in base.join(rel).components() {
        match c {
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// One DNS label: lower-case letters, digits, inner `-`.
fn check_label(label: &str) -> Result<(), String> {
    let ok = !label.is_empty()
        && label.len() <= 63
        && label
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{label:?} is not a host label (lower-case letters, digits, inner '-')"
        ))
    }
}

/// A DNS host name: labels of lower-case letters, digits and inner `-`.
pub fn check_host(host: &str) -> Result<(), String> {
    host.split('.')
        .try_for_each(check_label)
        .map_err(|label| format!("{host:?} is not a host name ({label})"))
}

/// The label most regular hosts (`<label>.<region>.aliyuncs.com`, `<label>.aliyuncs.com`) start with.
fn majority_prefix(metadata: &[RegionEndpoint]) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in metadata {
        if let Some((label, rest)) = e.host.split_once('.') {
            if rest == format!("{}.aliyuncs.com", e.region_id) || rest == "aliyuncs.com" {
                *counts.entry(label).or_default() += 1;
            }
        }
    }
    let most = counts.values().copied().max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == most)
        .map(|(label, _)| label.to_owned())
}

/// The file and what the import should report about it.
pub fn render(
    crate_dir: &Path,
    config: &FacadeConfig,
    product: &str,
    version: &str,
    metadata: &[RegionEndpoint],
) -> Result<(String, Vec<Report>), SpecError> {
    let mut reports = Vec::new();
    let relative = data_path(config);
    let shown_path = relative.as_ref().map_or_else(
        || "specs/endpoints/<spec folder>.json".to_owned(),
        |p| p.display().to_string(),
    );
    // Lexically: a new crate's directory does not exist yet, so `dds/../specs` cannot be walked.
    let data = match relative.map(|p| lexical_join(crate_dir, &p)) {
        Some(p) if p.exists() => Some(load(&p, &p.display().to_string())?),
        _ => None,
    };
    let (prefix, rule) = match &data {
        Some(d) => (d.host_prefix.clone(), d.rule),
        None => {
            reports.push(Report {
                pointer: "/endpoints".to_owned(),
                name: "endpoints".to_owned(),
                message: format!("no endpoint data file {shown_path}: only the metadata's regions resolve (write it with specs/endpoints/extract.py)"),
            });
            (majority_prefix(metadata).unwrap_or_default(), Rule::None)
        }
    };
    let mut rows: Vec<(&str, &str)> = Vec::new();
    for e in metadata {
        if !rows.iter().any(|(r, _)| *r == e.region_id) {
            rows.push((&e.region_id, &e.host));
        }
    }
    let metadata_rows = rows.len();
    for (region, host) in data.iter().flat_map(|d| &d.sdk_map) {
        match rows.iter().find(|(r, _)| r == region) {
            Some((_, meta)) if meta != host => reports.push(Report {
                pointer: "/endpoints".to_owned(),
                name: region.clone(),
                message: format!(
                    "the metadata's host {meta} is used; the official SDK's map says {host}"
                ),
            }),
            Some(_) => {}
            None => rows.push((region, host)),
        }
    }

    let runtime = &config.runtime;
    let imports = match rule {
        Rule::None => "ProductEndpoints",
        Rule::Regional | Rule::Central => "{EndpointRule, ProductEndpoints}",
    };
    let mut rs = format!(
        "// @generated by `acs-codegen import --facade` from the imported `_service.json` and\n// `{shown_path}`. Do not edit; re-run the import (see the README).\n\nuse {runtime}::endpoint::{imports};\n\n"
    );
    let sdk_note = match &data {
        Some(d) if rows.len() > metadata_rows => format!(
            ",\n/// then {} regions only the official SDK lists ({})",
            rows.len() - metadata_rows,
            d.sdk
        ),
        _ => String::new(),
    };
    rs.push_str(&format!(
        "/// Region id → public endpoint host of {product} {version}: the vendor metadata's {metadata_rows} regions{sdk_note}.\n"
    ));
    rs.push_str("pub const ENDPOINTS: &[(&str, &str)] = &[\n");
    for (region, host) in &rows {
        let row = format!("({region:?}, {host:?})");
        // rustfmt's layout: a tuple wider than 60 columns inside its parentheses is broken up.
        if row.len() > 62 {
            rs.push_str(&format!(
                "    (\n        {region:?},\n        {host:?},\n    ),\n"
            ));
        } else {
            rs.push_str(&format!("    {row},\n"));
        }
    }
    rs.push_str("];\n\n");
    let (rule_doc, vpc_doc, rule_rs) = match rule {
        Rule::Regional => (
            format!("`{prefix}.<region>.aliyuncs.com`"),
            format!("`{prefix}-vpc.<region>.aliyuncs.com`"),
            "Some(EndpointRule::Regional)",
        ),
        Rule::Central => (
            format!("`{prefix}.aliyuncs.com`"),
            format!("`{prefix}-vpc.aliyuncs.com`"),
            "Some(EndpointRule::Central)",
        ),
        Rule::None => (
            "an error listing the known ones".to_owned(),
            format!("`{prefix}-vpc.<region>.aliyuncs.com` (listed regions only)"),
            "None",
        ),
    };
    rs.push_str(&format!(
        "/// How regions resolve: [`ENDPOINTS`] first, other regions to {rule_doc};\n/// VPC endpoints (`Network::Vpc`) to {vpc_doc}.\npub const ENDPOINT_RULES: ProductEndpoints = ProductEndpoints {{\n    host_prefix: {prefix:?},\n    rule: {rule_rs},\n    table: ENDPOINTS,\n}};\n"
    ));
    Ok((rs, reports))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(specs: &str) -> FacadeConfig {
        FacadeConfig {
            specs: specs.to_owned(),
            runtime: "crate::__private::runtime".to_owned(),
            default_feature: None,
            overview: None,
        }
    }

    fn row(region: &str, host: &str) -> RegionEndpoint {
        RegionEndpoint {
            region_id: region.to_owned(),
            host: host.to_owned(),
        }
    }

    /// A crate directory `<tmp>/<unique>/thing` whose specs are `../specs/thing-2020-01-01`.
    fn crate_dir(tag: &str, data: Option<&str>) -> PathBuf {
        let root = std::env::temp_dir().join(format!("acs-endpoints-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("specs/endpoints")).unwrap();
        std::fs::create_dir_all(root.join("thing")).unwrap();
        if let Some(text) = data {
            std::fs::write(root.join("specs/endpoints/thing-2020-01-01.json"), text).unwrap();
        }
        root.join("thing")
    }

    #[test]
    fn central_products_take_the_sdk_rows_the_metadata_lacks_and_report_disagreements() {
        let dir = crate_dir(
            "central",
            Some(
                r#"{ "hostPrefix": "msg", "rule": "central",
                     "officialSdk": { "package": "alibabacloud-thing20200101", "version": "1.0.0",
                       "endpointMap": [ { "regionId": "cn-a", "host": "msg.cn-a.aliyuncs.com" },
                                        { "regionId": "cn-hongkong-finance-internal-test-9", "host": "msg-internal-pre.cn-hongkong.aliyuncs.com" } ] } }"#,
            ),
        );
        let (rs, reports) = render(
            &dir,
            &config("../specs/thing-2020-01-01"),
            "Thing",
            "2020-01-01",
            &[row("cn-a", "msg.aliyuncs.com")],
        )
        .unwrap();
        assert!(
            rs.contains(
                "use crate::__private::runtime::endpoint::{EndpointRule, ProductEndpoints};"
            ),
            "{rs}"
        );
        assert!(rs.contains(
            "= &[\n    (\"cn-a\", \"msg.aliyuncs.com\"),\n    (\n        \"cn-hongkong-finance-internal-test-9\",\n        \"msg-internal-pre.cn-hongkong.aliyuncs.com\",\n    ),\n];"
        ), "{rs}");
        assert!(
            rs.contains("host_prefix: \"msg\",\n    rule: Some(EndpointRule::Central),"),
            "{rs}"
        );
        assert!(
            rs.contains("VPC endpoints (`Network::Vpc`) to `msg-vpc.aliyuncs.com`."),
            "{rs}"
        );
        assert_eq!(reports.len(), 1, "{reports:?}");
        assert_eq!(
            reports[0].message,
            "the metadata's host msg.aliyuncs.com is used; the official SDK's map says msg.cn-a.aliyuncs.com"
        );
        let _ = std::fs::remove_dir_all(dir.parent().unwrap());
    }

    #[test]
    fn without_a_data_file_only_listed_regions_resolve_and_that_is_reported() {
        let dir = crate_dir("none", None);
        let (rs, reports) = render(
            &dir,
            &config("../specs/thing-2020-01-01"),
            "Thing",
            "2020-01-01",
            &[
                row("cn-a", "mongodb.cn-a.aliyuncs.com"),
                row("cn-b", "mongodb.cn-b.aliyuncs.com"),
                row("cn-c", "dds.cn-c.aliyuncs.com"),
            ],
        )
        .unwrap();
        assert!(
            rs.contains("host_prefix: \"mongodb\",\n    rule: None,"),
            "{rs}"
        );
        assert!(rs.contains("use crate::__private::runtime::endpoint::ProductEndpoints;"));
        assert_eq!(reports.len(), 1);
        assert!(
            reports[0]
                .message
                .starts_with("no endpoint data file ../specs/endpoints/thing-2020-01-01.json: "),
            "{}",
            reports[0].message
        );
        let _ = std::fs::remove_dir_all(dir.parent().unwrap());
    }

    #[test]
    fn a_bad_data_file_is_a_specific_error() {
        for (tag, text, pointer) in [
            (
                "rule",
                r#"{ "hostPrefix": "x", "rule": "global", "officialSdk": {} }"#,
                "/rule",
            ),
            (
                "prefix",
                r#"{ "hostPrefix": "X.y", "rule": "none", "officialSdk": {} }"#,
                "/hostPrefix",
            ),
            (
                "host",
                r#"{ "hostPrefix": "x", "rule": "none", "officialSdk": { "package": "p", "version": "1",
                "endpointMap": [ { "regionId": "cn-a", "host": "x.cn-a.aliyuncs.com\t" } ] } }"#,
                "/officialSdk/endpointMap/0/host",
            ),
        ] {
            let dir = crate_dir(tag, Some(text));
            let err = render(&dir, &config("../specs/thing-2020-01-01"), "T", "1", &[])
                .err()
                .map(|e| e.to_string());
            assert!(
                err.as_deref().is_some_and(|e| e.contains(pointer)),
                "{tag}: {err:?}"
            );
            let _ = std::fs::remove_dir_all(dir.parent().unwrap());
        }
    }
}
