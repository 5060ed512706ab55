//! Operations of group `ReservedInstances` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `reserved-instances`).
#![allow(deprecated)]

#[cfg(feature = "DescribeReservedInstanceAutoRenewAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeReservedInstanceAutoRenewAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeReservedInstances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeReservedInstances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyReservedInstanceAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyReservedInstanceAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyReservedInstanceAutoRenewAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyReservedInstanceAutoRenewAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyReservedInstances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyReservedInstances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "PurchaseReservedInstancesOffering")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/PurchaseReservedInstancesOffering.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RenewReservedInstances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/RenewReservedInstances.json",
    runtime = ::acs_runtime
);
