//! Operations of group `VSwitches` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `v-switches`).
#![allow(deprecated)]

#[cfg(feature = "CheckCanAllocateVpcPrivateIpAddress")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CheckCanAllocateVpcPrivateIpAddress.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateDefaultVSwitch")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateDefaultVSwitch.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVSwitch")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateVSwitch.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVSwitchCidrReservation")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateVSwitchCidrReservation.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVSwitch")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteVSwitch.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVSwitchCidrReservation")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteVSwitchCidrReservation.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVSwitchAttributes")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVSwitchAttributes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVSwitches")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVSwitches.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GetVSwitchCidrReservationUsage")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/GetVSwitchCidrReservationUsage.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListVSwitchCidrReservations")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListVSwitchCidrReservations.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVSwitchAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyVSwitchAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVSwitchCidrReservationAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyVSwitchCidrReservationAttribute.json",
    runtime = ::acs_runtime
);
