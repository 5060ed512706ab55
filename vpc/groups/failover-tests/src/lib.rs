//! Operations of group `FailoverTests` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `failover-tests`).
#![allow(deprecated)]

#[cfg(feature = "CreateFailoverTestJob")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateFailoverTestJob.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteFailoverTestJob")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteFailoverTestJob.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeFailoverTestJob")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeFailoverTestJob.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeFailoverTestJobs")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeFailoverTestJobs.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "StartFailoverTestJob")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/StartFailoverTestJob.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "StopFailoverTestJob")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/StopFailoverTestJob.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UpdateFailoverTestJob")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UpdateFailoverTestJob.json",
    runtime = ::acs_runtime
);
