//! Operations of group `QosPolicies` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `qos-policies`).
#![allow(deprecated)]

#[cfg(feature = "CreateExpressConnectTrafficQos")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateExpressConnectTrafficQos.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateExpressConnectTrafficQosQueue")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateExpressConnectTrafficQosQueue.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateExpressConnectTrafficQosRule")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateExpressConnectTrafficQosRule.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteExpressConnectTrafficQos")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteExpressConnectTrafficQos.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteExpressConnectTrafficQosQueue")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteExpressConnectTrafficQosQueue.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteExpressConnectTrafficQosRule")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteExpressConnectTrafficQosRule.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeExpressConnectTrafficQos")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeExpressConnectTrafficQos.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeExpressConnectTrafficQosQueue")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeExpressConnectTrafficQosQueue.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeExpressConnectTrafficQosRule")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeExpressConnectTrafficQosRule.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyExpressConnectTrafficQos")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyExpressConnectTrafficQos.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyExpressConnectTrafficQosQueue")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyExpressConnectTrafficQosQueue.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyExpressConnectTrafficQosRule")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyExpressConnectTrafficQosRule.json",
    runtime = ::acs_runtime
);
