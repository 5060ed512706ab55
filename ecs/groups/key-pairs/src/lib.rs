//! Operations of group `KeyPairs` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `key-pairs`).
#![allow(deprecated)]

#[cfg(feature = "AttachKeyPair")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AttachKeyPair.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateKeyPair")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateKeyPair.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteKeyPairs")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteKeyPairs.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeKeyPairs")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeKeyPairs.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DetachKeyPair")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DetachKeyPair.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ImportKeyPair")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ImportKeyPair.json",
    runtime = ::acs_runtime
);
