//! ROA operations written by hand the way generated code will write them: each holds its
//! [`RequestParts`] and writes them as they are.

use acs_runtime::{HttpMethod, Operation, Params, RequestParts, Style, ValidationErrors};

/// A ROA operation written by hand the way generated code will write one.
macro_rules! roa_operation {
    ($name:ident, $product:literal, $version:literal, $method:ident, $path:literal) => {
        #[derive(Clone, Debug)]
        pub struct $name(pub RequestParts);

        impl Operation for $name {
            const PRODUCT: &'static str = $product;
            const VERSION: &'static str = $version;
            const ACTION: &'static str = stringify!($name);
            const STYLE: Style = Style::Roa {
                method: HttpMethod::$method,
                path: $path,
            };
            type Output = serde_json::Value;
            type Error = super::CreateError;

            fn validate(&self) -> Result<(), ValidationErrors> {
                Ok(())
            }

            fn write_params(&self, params: &mut Params) {
                *params = self.0.query.clone();
            }

            fn write_request(&self, parts: &mut RequestParts) -> Result<(), ValidationErrors> {
                *parts = self.0.clone();
                Ok(())
            }
        }
    };
}

roa_operation!(DescribeClusters, "CS", "2015-12-15", Get, "/clusters");
roa_operation!(
    DeleteCluster,
    "CS",
    "2015-12-15",
    Delete,
    "/clusters/{ClusterId}"
);
roa_operation!(
    ModifyCluster,
    "CS",
    "2015-12-15",
    Put,
    "/api/v2/clusters/{ClusterId}"
);
roa_operation!(
    InvokeFunction,
    "FC",
    "2023-03-30",
    Post,
    "/2023-03-30/functions/{functionName}/invocations"
);

/// `InvokeFunction` whose output is the function's raw response bytes, not JSON: what an
/// operation with a binary response overrides [`Operation::read_output`] for.
#[derive(Clone, Debug)]
pub struct InvokeFunctionBytes(pub RequestParts);

impl Operation for InvokeFunctionBytes {
    const PRODUCT: &'static str = "FC";
    const VERSION: &'static str = "2023-03-30";
    const ACTION: &'static str = "InvokeFunction";
    const STYLE: Style = Style::Roa {
        method: HttpMethod::Post,
        path: "/2023-03-30/functions/{functionName}/invocations",
    };
    type Output = Vec<u8>;
    type Error = super::CreateError;

    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }

    fn write_params(&self, params: &mut Params) {
        *params = self.0.query.clone();
    }

    fn write_request(&self, parts: &mut RequestParts) -> Result<(), ValidationErrors> {
        *parts = self.0.clone();
        Ok(())
    }

    fn read_output(response: &acs_runtime::HttpResponse) -> Result<Vec<u8>, String> {
        Ok(response.body.clone())
    }
}

/// Typed mock rules read a ROA request back from all its parts, as generated code will.
impl acs_runtime::FromWire for InvokeFunctionBytes {
    fn read_wire(params: &Params) -> Result<Self, ValidationErrors> {
        Ok(Self(RequestParts {
            query: params.clone(),
            ..RequestParts::default()
        }))
    }

    fn read_parts(parts: &RequestParts) -> Result<Self, ValidationErrors> {
        Ok(Self(parts.clone()))
    }
}
