//! Operations of group `CapacityReservations` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `capacity-reservations`).
#![allow(deprecated)]

#[cfg(feature = "CreateCapacityReservation")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateCapacityReservation.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateElasticityAssurance")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateElasticityAssurance.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeCapacityReservationInstances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeCapacityReservationInstances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeCapacityReservations")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeCapacityReservations.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeElasticityAssuranceInstances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeElasticityAssuranceInstances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeElasticityAssurances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeElasticityAssurances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeInstanceAttachmentAttributes")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInstanceAttachmentAttributes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyCapacityReservation")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyCapacityReservation.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyElasticityAssurance")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyElasticityAssurance.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyInstanceAttachmentAttributes")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyInstanceAttachmentAttributes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ReleaseCapacityReservation")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ReleaseCapacityReservation.json",
    runtime = ::acs_runtime
);
