//! Operations of group `FlowLogs` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `flow-logs`).
#![allow(deprecated)]

#[cfg(feature = "ActiveFlowLog")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ActiveFlowLog.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateFlowLog")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateFlowLog.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeactiveFlowLog")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeactiveFlowLog.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteFlowLog")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteFlowLog.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeFlowLogs")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeFlowLogs.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GetFlowLogServiceStatus")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/GetFlowLogServiceStatus.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyFlowLogAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyFlowLogAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "OpenFlowLogService")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/OpenFlowLogService.json",
    runtime = ::acs_runtime
);
