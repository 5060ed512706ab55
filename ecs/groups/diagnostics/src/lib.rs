//! Operations of group `Diagnostics` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `diagnostics`).
#![allow(deprecated)]

#[cfg(feature = "CreateDiagnosticMetricSet")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateDiagnosticMetricSet.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateDiagnosticReport")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateDiagnosticReport.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteDiagnosticMetricSets")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteDiagnosticMetricSets.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteDiagnosticReports")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteDiagnosticReports.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeDiagnosticMetricSets")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeDiagnosticMetricSets.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeDiagnosticMetrics")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeDiagnosticMetrics.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeDiagnosticReportAttributes")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeDiagnosticReportAttributes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeDiagnosticReports")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeDiagnosticReports.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyDiagnosticMetricSet")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyDiagnosticMetricSet.json",
    runtime = ::acs_runtime
);
