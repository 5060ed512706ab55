//! Operations of group `HaVips` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `ha-vips`).
#![allow(deprecated)]

#[cfg(feature = "AssociateHaVip")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AssociateHaVip.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateHaVip")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateHaVip.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteHaVip")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteHaVip.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeHaVips")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeHaVips.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyHaVipAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyHaVipAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UnassociateHaVip")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UnassociateHaVip.json",
    runtime = ::acs_runtime
);
