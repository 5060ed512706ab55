//! The client's region and the request's `RegionId` (`Operation::REGION_PARAMETER`): an unset
//! one is filled from the client; missing on both sides, or naming another region than the one
//! the client's endpoint was resolved for, it is a validation error before anything is signed.

use crate::common;

use std::time::UNIX_EPOCH;

use acs_runtime::client::{Client, ClientBuilder};
use acs_runtime::credentials::Credentials;
use acs_runtime::{
    EndpointRule, Error, Operation, Params, ProductEndpoints, RegionParameter, Rule,
    ValidationErrors, Validator,
};
use common::{CreateError, CreateOutput};

/// A generated-like list operation: `RegionId` required (an empty one is "unset"), and a
/// `PageSize` with a range rule, so that violations of both kinds can meet.
#[derive(Clone, Debug, Default)]
struct ListThings {
    region_id: String,
    page_size: Option<i64>,
}

impl Operation for ListThings {
    const PRODUCT: &'static str = "SWAS-OPEN";
    const VERSION: &'static str = "2020-06-01";
    const ACTION: &'static str = "ListThings";
    const REGION_PARAMETER: Option<RegionParameter> = Some(RegionParameter {
        name: "RegionId",
        required: true,
    });
    type Output = CreateOutput;
    type Error = CreateError;

    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut v = Validator::new();
        v.required_str("RegionId", &self.region_id, "MissingParameter");
        if let Some(size) = self.page_size {
            v.range("PageSize", size, Some(1), Some(100), "InvalidPageSize");
        }
        v.finish()
    }

    fn write_params(&self, params: &mut Params) {
        params.push("RegionId", &self.region_id);
        if let Some(size) = self.page_size {
            params.push_display("PageSize", size);
        }
    }
}

/// The same with an optional `RegionId`.
#[derive(Clone, Debug, Default)]
struct DescribeThings {
    region_id: Option<String>,
}

impl Operation for DescribeThings {
    const PRODUCT: &'static str = "SWAS-OPEN";
    const VERSION: &'static str = "2020-06-01";
    const ACTION: &'static str = "DescribeThings";
    const REGION_PARAMETER: Option<RegionParameter> = Some(RegionParameter {
        name: "RegionId",
        required: false,
    });
    type Output = CreateOutput;
    type Error = CreateError;

    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }

    fn write_params(&self, params: &mut Params) {
        if let Some(region) = &self.region_id {
            params.push("RegionId", region);
        }
    }
}

const TABLE: &[(&str, &str)] = &[
    ("cn-hangzhou", "swas.cn-hangzhou.aliyuncs.com"),
    ("cn-beijing", "swas.cn-beijing.aliyuncs.com"),
];

const REGIONAL: ProductEndpoints = ProductEndpoints {
    host_prefix: "swas",
    rule: None,
    table: TABLE,
};

/// One host for every region (as some products publish).
const CENTRAL: ProductEndpoints = ProductEndpoints {
    host_prefix: "sts",
    rule: Some(EndpointRule::Central),
    table: &[],
};

fn builder() -> ClientBuilder {
    Client::builder().credentials(Credentials::new("testid", "testsecret"))
}

fn regional(region: &str) -> Client {
    builder()
        .product_endpoints(REGIONAL)
        .region(region)
        .build()
        .expect("client builds")
}

fn list(region: &str) -> ListThings {
    ListThings {
        region_id: region.to_owned(),
        page_size: None,
    }
}

/// The query a prepared request carries for `name`.
fn sent_region<O: Operation>(client: &Client, op: &O) -> Result<Option<String>, Error<O::Error>> {
    let prepared = client.prepare_at(op, UNIX_EPOCH, "nonce")?;
    Ok(prepared.query_param("RegionId"))
}

/// The violations' texts of an `InvalidRequest`.
fn violations<O: Operation>(client: &Client, op: &O) -> Vec<String> {
    match client.prepare_at(op, UNIX_EPOCH, "nonce") {
        Err(Error::InvalidRequest(errors)) => errors
            .violations()
            .iter()
            .map(ToString::to_string)
            .collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn an_unset_region_is_the_clients() {
    let client = regional("cn-hangzhou");
    assert_eq!(
        sent_region(&client, &list("")).expect("prepares"),
        Some("cn-hangzhou".to_owned())
    );
    // The optional kind is filled too.
    assert_eq!(
        sent_region(&client, &DescribeThings::default()).expect("prepares"),
        Some("cn-hangzhou".to_owned())
    );
}

#[test]
fn the_requests_own_region_is_kept_when_it_is_the_clients() {
    let client = regional("cn-beijing");
    assert_eq!(
        sent_region(&client, &list("cn-beijing")).expect("prepares"),
        Some("cn-beijing".to_owned())
    );
}

#[test]
fn another_region_than_the_endpoints_is_refused_naming_both() {
    let client = regional("cn-hangzhou");
    assert_eq!(
        violations(&client, &list("cn-beijing")),
        [
            "RegionId must be the client's region \"cn-hangzhou\" (its endpoint swas.cn-hangzhou.aliyuncs.com serves no other): leave it unset, or use a client built with `.region(..)` for the request's region (got \"cn-beijing\") [InvalidParameter]"
        ]
    );
    let Err(Error::InvalidRequest(errors)) = client.prepare(&list("cn-beijing")) else {
        panic!("expected a validation error");
    };
    assert_eq!(
        errors.violations()[0].rule,
        Rule::RegionMismatch {
            client_region: "cn-hangzhou".to_owned(),
            endpoint: "swas.cn-hangzhou.aliyuncs.com".to_owned(),
        }
    );
    // The same for an optional region, and with local validation turned off (the check is the
    // client's, not a spec rule): the request would reach another region's host.
    let lenient = builder()
        .product_endpoints(REGIONAL)
        .region("cn-hangzhou")
        .validate_requests(false)
        .build()
        .expect("client builds");
    let other = DescribeThings {
        region_id: Some("cn-beijing".to_owned()),
    };
    assert_eq!(violations(&lenient, &other).len(), 1);
    assert_eq!(violations(&client, &other).len(), 1);
}

#[test]
fn a_central_endpoint_serves_every_region() {
    let client = builder()
        .product_endpoints(CENTRAL)
        .region("cn-hangzhou")
        .build()
        .expect("client builds");
    assert_eq!(client.endpoint().host(), "sts.aliyuncs.com");
    assert_eq!(
        sent_region(&client, &list("cn-beijing")).expect("prepares"),
        Some("cn-beijing".to_owned())
    );
}

#[test]
fn an_explicit_endpoint_is_bound_to_no_region() {
    // A local stand-in service answers for any region: the request's region is sent as is,
    // and the client's still fills an unset one.
    let client = builder()
        .endpoint("http://127.0.0.1:8080")
        .region("cn-hangzhou")
        .build()
        .expect("client builds");
    assert_eq!(
        sent_region(&client, &list("cn-beijing")).expect("prepares"),
        Some("cn-beijing".to_owned())
    );
    assert_eq!(
        sent_region(&client, &list("")).expect("prepares"),
        Some("cn-hangzhou".to_owned())
    );
}

#[test]
fn no_region_on_either_side_names_both_ways_to_set_it() {
    let client = builder()
        .endpoint("http://127.0.0.1:8080")
        .build()
        .expect("client builds");
    assert_eq!(client.region(), None);
    // Listed first, with the request's other violations after it (and without the request's
    // own "is required", which the client's violation replaces).
    let op = ListThings {
        region_id: String::new(),
        page_size: Some(500),
    };
    assert_eq!(
        violations(&client, &op),
        [
            "RegionId is required: set it on the request (`.region_id(..)`) or on the client (`.region(..)`) [MissingParameter]",
            "PageSize must be between 1 and 100 (got \"500\") [InvalidPageSize]",
        ]
    );
    // An optional region may stay unset: nothing is sent for it.
    assert_eq!(
        sent_region(&client, &DescribeThings::default()).expect("prepares"),
        None
    );
}
