//! Operations of group `ExpressCloudConnections` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `express-cloud-connections`).
#![allow(deprecated)]

#[cfg(feature = "CreateExpressCloudConnection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateExpressCloudConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyExpressCloudConnectionAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyExpressCloudConnectionAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyExpressCloudConnectionBandwidth")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyExpressCloudConnectionBandwidth.json",
    runtime = ::acs_runtime
);
