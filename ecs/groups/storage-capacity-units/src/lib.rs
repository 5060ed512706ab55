//! Operations of group `StorageCapacityUnits` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `storage-capacity-units`).
#![allow(deprecated)]

#[cfg(feature = "DescribeStorageCapacityUnits")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeStorageCapacityUnits.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyStorageCapacityUnitAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyStorageCapacityUnitAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "PurchaseStorageCapacityUnit")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/PurchaseStorageCapacityUnit.json",
    runtime = ::acs_runtime
);
