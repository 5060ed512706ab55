//! Operations of group `Tags` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `tags`).
#![allow(deprecated)]

#[cfg(feature = "DescribeTagKeys")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeTagKeys.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeTagKeysForExpressConnect")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeTagKeysForExpressConnect.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeTags")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeTags.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListTagResources")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListTagResources.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListTagResourcesForExpressConnect")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListTagResourcesForExpressConnect.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "TagResources")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/TagResources.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "TagResourcesForExpressConnect")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/TagResourcesForExpressConnect.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UnTagResources")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UnTagResources.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UntagResourcesForExpressConnect")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UntagResourcesForExpressConnect.json",
    runtime = ::acs_runtime
);
