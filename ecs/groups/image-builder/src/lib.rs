//! Operations of group `ImageBuilder` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `image-builder`).
#![allow(deprecated)]

#[cfg(feature = "CancelImagePipelineExecution")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CancelImagePipelineExecution.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateImageComponent")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateImageComponent.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateImagePipeline")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateImagePipeline.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteImageComponent")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteImageComponent.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteImagePipeline")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteImagePipeline.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeImageComponents")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeImageComponents.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeImagePipelineExecutions")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeImagePipelineExecutions.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeImagePipelines")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeImagePipelines.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "StartImagePipelineExecution")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/StartImagePipelineExecution.json",
    runtime = ::acs_runtime
);
