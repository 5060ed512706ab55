//! Operations of group `TrafficMirroring` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `traffic-mirroring`).
#![allow(deprecated)]

#[cfg(feature = "AddSourcesToTrafficMirrorSession")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AddSourcesToTrafficMirrorSession.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateTrafficMirrorFilter")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateTrafficMirrorFilter.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateTrafficMirrorFilterRules")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateTrafficMirrorFilterRules.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateTrafficMirrorSession")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateTrafficMirrorSession.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteTrafficMirrorFilter")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteTrafficMirrorFilter.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteTrafficMirrorFilterRules")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteTrafficMirrorFilterRules.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteTrafficMirrorSession")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteTrafficMirrorSession.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GetTrafficMirrorServiceStatus")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/GetTrafficMirrorServiceStatus.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListTrafficMirrorFilters")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListTrafficMirrorFilters.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListTrafficMirrorSessions")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListTrafficMirrorSessions.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "OpenTrafficMirrorService")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/OpenTrafficMirrorService.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RemoveSourcesFromTrafficMirrorSession")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/RemoveSourcesFromTrafficMirrorSession.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UpdateTrafficMirrorFilterAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UpdateTrafficMirrorFilterAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UpdateTrafficMirrorFilterRuleAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UpdateTrafficMirrorFilterRuleAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UpdateTrafficMirrorSessionAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UpdateTrafficMirrorSessionAttribute.json",
    runtime = ::acs_runtime
);
