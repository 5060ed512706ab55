//! Operations of group `CloudAssistant` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `cloud-assistant`).
#![allow(deprecated)]

#[cfg(feature = "CreateActivation")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateActivation.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateCommand")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateCommand.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteActivation")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteActivation.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteCommand")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteCommand.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeregisterManagedInstance")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeregisterManagedInstance.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeActivations")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeActivations.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeCloudAssistantSettings")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeCloudAssistantSettings.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeCloudAssistantStatus")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeCloudAssistantStatus.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeCommands")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeCommands.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeInvocationResults")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInvocationResults.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeInvocations")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInvocations.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeManagedInstances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeManagedInstances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSendFileResults")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeSendFileResults.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeTerminalSessions")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeTerminalSessions.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DisableActivation")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DisableActivation.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "InstallCloudAssistant")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/InstallCloudAssistant.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "InvokeCommand")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/InvokeCommand.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListPluginStatus")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ListPluginStatus.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyCloudAssistantSettings")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyCloudAssistantSettings.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyCommand")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyCommand.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyInvocationAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyInvocationAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyManagedInstance")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyManagedInstance.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RunCommand")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/RunCommand.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "SendFile")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/SendFile.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "StartTerminalSession")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/StartTerminalSession.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "StopInvocation")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/StopInvocation.json",
    runtime = ::acs_runtime
);
