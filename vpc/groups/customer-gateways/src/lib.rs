//! Operations of group `CustomerGateways` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `customer-gateways`).
#![allow(deprecated)]

#[cfg(feature = "CreateCustomerGateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateCustomerGateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteCustomerGateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteCustomerGateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeCustomerGateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeCustomerGateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeCustomerGateways")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeCustomerGateways.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyCustomerGatewayAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyCustomerGatewayAttribute.json",
    runtime = ::acs_runtime
);
