//! `acs-codegen diff` replayed over the eight published SWAS snapshots, pair by pair: every
//! change the vendor README lists (found independently of this project) is classified, and
//! nothing else is reported.

use std::path::{Path, PathBuf};

use acs_codegen::diff::{self, Severity};

fn snapshot(date: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/vendor-metadata/swas-open-2020-06-01")
        .join(format!("{date}.api-docs.json"))
}

/// `(operation, kind, path, severity)` of every change between two snapshots, plus endpoint
/// changes as operation `(endpoints)`.
fn changes(old: &str, new: &str) -> Vec<(String, String, String, &'static str)> {
    let report = diff::diff(
        &diff::load(&snapshot(old)).unwrap(),
        &diff::load(&snapshot(new)).unwrap(),
    );
    let mut out: Vec<_> = report
        .operations
        .iter()
        .flat_map(|o| {
            o.changes.iter().map(move |c| {
                (
                    o.operation.clone(),
                    c.kind.to_owned(),
                    c.path.clone(),
                    c.severity.name(),
                )
            })
        })
        .collect();
    out.sort();
    out
}

fn row(
    op: &str,
    kind: &str,
    path: &str,
    severity: Severity,
) -> (String, String, String, &'static str) {
    (op.into(), kind.into(), path.into(), severity.name())
}

use Severity::{Breaking, Compatible};

#[test]
fn from_2024_06_24_to_2024_08_14() {
    let mut expected = vec![
        row(
            "AddCustomImageShareAccount",
            "operationAdded",
            "",
            Compatible,
        ),
        row(
            "ListCustomImageShareAccounts",
            "operationAdded",
            "",
            Compatible,
        ),
        row(
            "RemoveCustomImageShareAccount",
            "operationAdded",
            "",
            Compatible,
        ),
        row(
            "CreateCustomImage",
            "parameterRenamed",
            "ResoureGroupId",
            Breaking,
        ),
        row(
            "ListCustomImages",
            "parameterAdded",
            "InstanceId",
            Compatible,
        ),
        row("ListCustomImages", "parameterAdded", "Share", Compatible),
        row(
            "DescribeDatabaseErrorLogs",
            "defaultRemoved",
            "PageNumber",
            Compatible,
        ),
        row(
            "DescribeDatabaseErrorLogs",
            "defaultRemoved",
            "PageSize",
            Compatible,
        ),
        row(
            "DescribeDatabaseSlowLogRecords",
            "defaultRemoved",
            "PageNumber",
            Compatible,
        ),
        row(
            "DescribeDatabaseSlowLogRecords",
            "defaultRemoved",
            "PageSize",
            Compatible,
        ),
    ];
    for op in [
        "ApplyFirewallTemplate",
        "DeleteFirewallTemplateRules",
        "DeleteFirewallTemplates",
        "DescribeFirewallTemplateApplyResults",
        "ModifyFirewallTemplate",
    ] {
        expected.push(row(op, "parameterRemoved", "InstanceId", Breaking));
    }
    expected.sort();
    assert_eq!(changes("2024-06-24", "2024-08-14"), expected);
}

#[test]
fn endpoint_changes_and_a_quiet_reorder() {
    assert_eq!(
        changes("2024-08-14", "2024-09-14"),
        vec![row(
            "(endpoints)",
            "endpointRemoved",
            "ap-south-1",
            Breaking
        )]
    );
    assert_eq!(changes("2024-09-14", "2024-10-12"), vec![]);
    assert_eq!(
        changes("2024-10-12", "2024-11-16"),
        vec![row(
            "(endpoints)",
            "endpointRemoved",
            "ap-southeast-2",
            Breaking
        )]
    );
    assert_eq!(
        changes("2024-11-16", "2024-12-21"),
        vec![row(
            "(endpoints)",
            "endpointAdded",
            "me-central-1",
            Compatible
        )]
    );
}

#[test]
fn optional_parameters_added_later() {
    assert_eq!(
        changes("2024-12-21", "2025-02-15"),
        vec![row(
            "ResetSystem",
            "parameterAdded",
            "LoginCredentials",
            Compatible
        )]
    );
    assert_eq!(
        changes("2025-02-15", "2025-05-17"),
        vec![
            row("ListInstances", "parameterAdded", "PlanType", Compatible),
            row(
                "StartTerminalSession",
                "parameterAdded",
                "CommandLine",
                Compatible
            ),
        ]
    );
    // The JSON report carries the added object's wire style and properties.
    let report = diff::diff(
        &diff::load(&snapshot("2024-12-21")).unwrap(),
        &diff::load(&snapshot("2025-02-15")).unwrap(),
    );
    let json = report.to_json();
    let added = &json["operations"][0]["changes"][0]["new"];
    assert_eq!(added["type"], "object");
    assert_eq!(added["style"], "flat");
    let props: Vec<&str> = added["properties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(props, ["KeyPairName", "Password"]);
}
