//! Operations of group `RouteTables` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `route-tables`).
#![allow(deprecated)]

#[cfg(feature = "AssociateRouteTable")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AssociateRouteTable.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateRouteEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateRouteEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateRouteEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateRouteEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateRouteTable")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateRouteTable.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteRouteEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteRouteEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteRouteEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteRouteEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteRouteTable")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteRouteTable.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeRouteEntryList")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeRouteEntryList.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeRouteTableList")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeRouteTableList.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeRouteTables")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeRouteTables.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GetVpcRouteEntrySummary")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/GetVpcRouteEntrySummary.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyRouteEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyRouteEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyRouteTableAttributes")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyRouteTableAttributes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UnassociateRouteTable")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UnassociateRouteTable.json",
    runtime = ::acs_runtime
);
