//! Operations of group `PhysicalConnections` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `physical-connections`).
#![allow(deprecated)]

#[cfg(feature = "ApplyPhysicalConnectionLOA")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ApplyPhysicalConnectionLOA.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AttachVbrToVpconn")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AttachVbrToVpconn.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CancelPhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CancelPhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CompletePhysicalConnectionLOA")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CompletePhysicalConnectionLOA.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ConfirmPhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ConfirmPhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateHighReliablePhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateHighReliablePhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreatePhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreatePhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreatePhysicalConnectionOccupancyOrder")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreatePhysicalConnectionOccupancyOrder.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreatePhysicalConnectionSetupOrder")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreatePhysicalConnectionSetupOrder.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVirtualPhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateVirtualPhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVpconnFromVbr")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateVpconnFromVbr.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeletePhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeletePhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeAccessPoints")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeAccessPoints.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribePhysicalConnectionLOA")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribePhysicalConnectionLOA.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribePhysicalConnections")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribePhysicalConnections.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "EnablePhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/EnablePhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GetPhysicalConnectionServiceStatus")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/GetPhysicalConnectionServiceStatus.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListBusinessAccessPoints")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListBusinessAccessPoints.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListGeographicSubRegions")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListGeographicSubRegions.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListVirtualPhysicalConnections")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListVirtualPhysicalConnections.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyPhysicalConnectionAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyPhysicalConnectionAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "OpenPhysicalConnectionService")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/OpenPhysicalConnectionService.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RecoverPhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/RecoverPhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "SecondApplyPhysicalConnectionLOA")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/SecondApplyPhysicalConnectionLOA.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "TerminatePhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/TerminatePhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UpdateVirtualPhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UpdateVirtualPhysicalConnection.json",
    runtime = ::acs_runtime
);
