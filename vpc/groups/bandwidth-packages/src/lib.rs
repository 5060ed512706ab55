//! Operations of group `BandwidthPackages` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `bandwidth-packages`).
#![allow(deprecated)]

#[cfg(feature = "AddCommonBandwidthPackageIp")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AddCommonBandwidthPackageIp.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AddCommonBandwidthPackageIps")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AddCommonBandwidthPackageIps.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CancelCommonBandwidthPackageIpBandwidth")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CancelCommonBandwidthPackageIpBandwidth.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateCommonBandwidthPackage")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateCommonBandwidthPackage.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteCommonBandwidthPackage")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteCommonBandwidthPackage.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "Describe95Traffic")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/Describe95Traffic.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeCommonBandwidthPackages")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeCommonBandwidthPackages.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyCommonBandwidthPackageAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyCommonBandwidthPackageAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyCommonBandwidthPackageIpBandwidth")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyCommonBandwidthPackageIpBandwidth.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyCommonBandwidthPackageSpec")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyCommonBandwidthPackageSpec.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RemoveCommonBandwidthPackageIp")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/RemoveCommonBandwidthPackageIp.json",
    runtime = ::acs_runtime
);
