//! Operations of group `SecurityGroups` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `security-groups`).
#![allow(deprecated)]

#[cfg(feature = "AuthorizeSecurityGroup")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AuthorizeSecurityGroup.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AuthorizeSecurityGroupEgress")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AuthorizeSecurityGroupEgress.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateSecurityGroup")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateSecurityGroup.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteSecurityGroup")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteSecurityGroup.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSecurityGroupAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeSecurityGroupAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSecurityGroupReferences")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeSecurityGroupReferences.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSecurityGroups")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeSecurityGroups.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "JoinSecurityGroup")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/JoinSecurityGroup.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "LeaveSecurityGroup")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/LeaveSecurityGroup.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifySecurityGroupAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifySecurityGroupAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifySecurityGroupEgressRule")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifySecurityGroupEgressRule.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifySecurityGroupPolicy")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifySecurityGroupPolicy.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifySecurityGroupRule")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifySecurityGroupRule.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RevokeSecurityGroup")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/RevokeSecurityGroup.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RevokeSecurityGroupEgress")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/RevokeSecurityGroupEgress.json",
    runtime = ::acs_runtime
);
