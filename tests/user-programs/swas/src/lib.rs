//! A user program against `swas` alone: create instances, wait until they run, list every
//! instance page after page, and tell a sold-out plan from other failures. The same program is
//! written against `ecs` and `vpc` beside this crate.

use std::time::Duration;

use swas::{Client, CreateInstancesError, Error, SwasError};

/// What [`provision`] did.
#[derive(Debug, PartialEq)]
pub struct Provisioned {
    /// The instances it created, running.
    pub created: Vec<String>,
    /// Every instance of the region afterwards, from every page.
    pub listed: Vec<String>,
}

/// Creates `amount` instances of `plan` from `image` in the client's region, waits until they
/// are running, then lists every instance of the region (two per page). Any error of any step
/// comes back as the service-wide [`SwasError`].
pub async fn provision(
    client: &Client,
    image: &str,
    plan: &str,
    amount: i32,
) -> Result<Provisioned, SwasError> {
    let created = client
        .create_instances()
        .image_id(image)
        .plan_id(plan)
        .period(1)
        .amount(amount)
        .send()
        .await?
        .instance_ids;

    client
        .list_instances()
        .instance_ids(created.iter().cloned())
        .wait_until_instances_running()
        .delays(Duration::from_millis(1), Duration::from_millis(5))
        .max_time(Duration::from_secs(5))
        .wait()
        .await?;

    let listed = client
        .list_instances()
        .page_size(2)
        .send_all_items()
        .await?
        .into_iter()
        .filter_map(|instance| instance.instance_id)
        .collect();
    Ok(Provisioned { created, listed })
}

/// How an attempt to create one instance ended.
#[derive(Debug)]
pub enum Attempt {
    /// Created: the instance ids.
    Created(Vec<String>),
    /// The plan is sold out in this region: try another one.
    SoldOut,
    /// Anything else, as the service-wide error.
    Failed(SwasError),
}

/// Tries to create one instance, telling a sold-out plan (a service error code the operation
/// publishes) from every other failure.
pub async fn try_create(client: &Client, image: &str, plan: &str) -> Attempt {
    match client
        .create_instances()
        .image_id(image)
        .plan_id(plan)
        .period(1)
        .amount(1)
        .send()
        .await
    {
        Ok(out) => Attempt::Created(out.instance_ids),
        Err(Error::Service {
            error: CreateInstancesError::NotEnoughStock(_),
            ..
        }) => Attempt::SoldOut,
        Err(other) => Attempt::Failed(other.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use swas::list_instances::ListInstancesResponseInstances;
    use swas::mock::MockTransport;
    use swas::{
        mock, mock_client, CreateInstances, CreateInstancesResponse, Credentials, ListInstances,
        ListInstancesResponse,
    };

    fn instance(id: &str, status: &str) -> ListInstancesResponseInstances {
        ListInstancesResponseInstances::builder()
            .instance_id(id)
            .status(status)
            .build()
    }

    fn page(instances: Vec<ListInstancesResponseInstances>, total: i32) -> ListInstancesResponse {
        ListInstancesResponse::builder()
            .instances(instances)
            .total_count(total)
            .build()
    }

    /// A client for cn-hangzhou answering through `mock`.
    fn regional_client(mock: &MockTransport) -> Client {
        swas::client()
            .region("cn-hangzhou")
            .credentials(Credentials::new("id", "secret"))
            .transport(mock.clone())
            .build()
            .expect("client")
    }

    #[tokio::test]
    async fn provision_creates_waits_and_lists_every_page() {
        let create = mock!(CreateInstances).then_output(|| {
            CreateInstancesResponse::builder()
                .instance_ids(["i-1", "i-2"])
                .build()
        });
        // The waiter's polls name the instances: pending once, then running.
        let poll = mock!(ListInstances)
            .match_params(|params| params.get("InstanceIds").is_some())
            .then_output(|| {
                page(
                    vec![instance("i-1", "Pending"), instance("i-2", "Running")],
                    2,
                )
            })
            .then_output(|| {
                page(
                    vec![instance("i-1", "Running"), instance("i-2", "Running")],
                    2,
                )
            });
        let polls = poll.calls();
        // The listing: three instances, two per page (the first request names no page).
        let first_page = mock!(ListInstances)
            .match_params(|params| params.get("PageNumber").unwrap_or("1") == "1")
            .then_output(|| {
                page(
                    vec![instance("i-0", "Running"), instance("i-1", "Running")],
                    3,
                )
            });
        let second_page = mock!(ListInstances)
            .match_params(|params| params.get("PageNumber") == Some("2"))
            .then_output(|| page(vec![instance("i-2", "Running")], 3));
        let (_, mock) = mock_client!([create, poll, first_page, second_page]);
        let client = regional_client(&mock);

        let done = provision(&client, "img-1", "plan-1", 2)
            .await
            .expect("provisioned");
        assert_eq!(
            done,
            Provisioned {
                created: vec!["i-1".into(), "i-2".into()],
                listed: vec!["i-0".into(), "i-1".into(), "i-2".into()],
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
    async fn a_sold_out_plan_is_told_from_other_failures() {
        let sold_out = mock!(CreateInstances).then_error(|| {
            "NotEnoughStock"
                .parse::<CreateInstancesError>()
                .expect("infallible")
        });
        let (_, mock) = mock_client!([sold_out]);
        let client = regional_client(&mock);
        assert!(matches!(
            try_create(&client, "img-1", "plan-1").await,
            Attempt::SoldOut
        ));

        // No rule for this answer: the mock's own error, which the program passes on whole.
        let (_, mock) = mock_client!([]);
        let client = regional_client(&mock);
        match try_create(&client, "img-1", "plan-1").await {
            Attempt::Failed(error) => assert_eq!(error.code(), Some("Mock.NoMatchingRule")),
            other => panic!("expected a failure, got {other:?}"),
        }
    }
}
