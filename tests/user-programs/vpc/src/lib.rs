//! A user program against `vpc` alone: create a VPC, wait until it is available, list every VPC
//! page after page, and tell an exhausted quota from other failures. The same program is written
//! against `swas` and `ecs` beside this crate.

use std::time::Duration;

use vpc::{Client, CreateVpcError, Error, VpcError};

/// What [`provision`] did.
#[derive(Debug, PartialEq)]
pub struct Provisioned {
    /// The VPC it created, available.
    pub created: String,
    /// Every VPC of the region afterwards, from every page.
    pub listed: Vec<String>,
}

/// Creates a VPC with `cidr_block` in the client's region, waits until it is available, then
/// lists every VPC of the region (two per page). Any error of any step comes back as the
/// service-wide [`VpcError`].
pub async fn provision(
    client: &Client,
    name: &str,
    cidr_block: &str,
) -> Result<Provisioned, VpcError> {
    let created = client
        .create_vpc()
        .vpc_name(name)
        .cidr_block(cidr_block)
        .send()
        .await?
        .vpc_id
        .unwrap_or_default();

    client
        .describe_vpcs()
        .vpc_id(created.clone())
        .wait_until_vpcs_available()
        .delays(Duration::from_millis(1), Duration::from_millis(5))
        .max_time(Duration::from_secs(5))
        .wait()
        .await?;

    let listed = client
        .describe_vpcs()
        .page_size(2)
        .send_all_items()
        .await?
        .into_iter()
        .filter_map(|vpc| vpc.vpc_id)
        .collect();
    Ok(Provisioned { created, listed })
}

/// How an attempt to create a VPC ended.
#[derive(Debug)]
pub enum Attempt {
    /// Created: its id.
    Created(Option<String>),
    /// The account's VPC quota in this region is used up: release one first.
    QuotaExceeded,
    /// Anything else, as the service-wide error.
    Failed(VpcError),
}

/// Tries to create a VPC, telling an exhausted quota (a service error code the operation
/// publishes) from every other failure.
pub async fn try_create(client: &Client, name: &str, cidr_block: &str) -> Attempt {
    match client
        .create_vpc()
        .vpc_name(name)
        .cidr_block(cidr_block)
        .send()
        .await
    {
        Ok(out) => Attempt::Created(out.vpc_id),
        Err(Error::Service {
            error: CreateVpcError::QuotaExceededVpc(_),
            ..
        }) => Attempt::QuotaExceeded,
        Err(other) => Attempt::Failed(other.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vpc::describe_vpcs::{Vpc, Vpcs};
    use vpc::mock::MockTransport;
    use vpc::{
        mock, mock_client, CreateVpc, CreateVpcResponse, Credentials, DescribeVpcs,
        DescribeVpcsResponse,
    };

    fn vpc(id: &str, status: &str) -> Vpc {
        Vpc::builder().vpc_id(id).status(status).build()
    }

    fn page(vpcs: Vec<Vpc>, total: i32) -> DescribeVpcsResponse {
        DescribeVpcsResponse::builder()
            .vpcs(Vpcs::builder().vpc(vpcs).build())
            .total_count(total)
            .build()
    }

    /// A client for cn-hangzhou answering through `mock`.
    fn regional_client(mock: &MockTransport) -> Client {
        vpc::client()
            .region("cn-hangzhou")
            .credentials(Credentials::new("id", "secret"))
            .transport(mock.clone())
            .build()
            .expect("client")
    }

    #[tokio::test]
    async fn provision_creates_waits_and_lists_every_page() {
        let create =
            mock!(CreateVpc).then_output(|| CreateVpcResponse::builder().vpc_id("vpc-1").build());
        // The waiter's polls name the VPC: pending once, then available.
        let poll = mock!(DescribeVpcs)
            .match_params(|params| params.get("VpcId").is_some())
            .then_output(|| page(vec![vpc("vpc-1", "Pending")], 1))
            .then_output(|| page(vec![vpc("vpc-1", "Available")], 1));
        let polls = poll.calls();
        // The listing: three VPCs, two per page (the first request names no page).
        let first_page = mock!(DescribeVpcs)
            .match_params(|params| params.get("PageNumber").unwrap_or("1") == "1")
            .then_output(|| {
                page(
                    vec![vpc("vpc-0", "Available"), vpc("vpc-1", "Available")],
                    3,
                )
            });
        let second_page = mock!(DescribeVpcs)
            .match_params(|params| params.get("PageNumber") == Some("2"))
            .then_output(|| page(vec![vpc("vpc-2", "Available")], 3));
        let (_, mock) = mock_client!([create, poll, first_page, second_page]);
        let client = regional_client(&mock);

        let done = provision(&client, "app", "10.0.0.0/16")
            .await
            .expect("provisioned");
        assert_eq!(
            done,
            Provisioned {
                created: "vpc-1".into(),
                listed: vec!["vpc-0".into(), "vpc-1".into(), "vpc-2".into()],
            }
        );
        assert_eq!(polls.get(), 2);
        // The client's region went on the wire of every request (none set it itself).
        let requests = mock.requests();
        assert_eq!(requests.len(), 5);
        assert!(requests
            .iter()
            .all(|r| r.params.get("RegionId") == Some("cn-hangzhou")));
    }

    #[tokio::test]
    async fn an_exhausted_quota_is_told_from_other_failures() {
        let quota = mock!(CreateVpc).then_error(|| {
            "QuotaExceeded.Vpc"
                .parse::<CreateVpcError>()
                .expect("infallible")
        });
        let (_, mock) = mock_client!([quota]);
        let client = regional_client(&mock);
        assert!(matches!(
            try_create(&client, "app", "10.0.0.0/16").await,
            Attempt::QuotaExceeded
        ));

        // No rule for this answer: the mock's own error, which the program passes on whole.
        let (_, mock) = mock_client!([]);
        let client = regional_client(&mock);
        match try_create(&client, "app", "10.0.0.0/16").await {
            Attempt::Failed(error) => assert_eq!(error.code(), Some("Mock.NoMatchingRule")),
            other => panic!("expected a failure, got {other:?}"),
        }
    }
}
