//! A user program against `ecs` alone: create instances, wait until they run, list every
//! instance page after page, and tell a sold-out instance type from other failures. The same
//! program is written against `swas` and `vpc` beside this crate.

use std::time::Duration;

use ecs::{Client, EcsError, Error, RunInstancesError};

/// What [`provision`] did.
#[derive(Debug, PartialEq)]
pub struct Provisioned {
    /// The instances it created, running.
    pub created: Vec<String>,
    /// Every instance of the region afterwards, from every page.
    pub listed: Vec<String>,
}

/// Creates `amount` instances of `instance_type` from `image` in the client's region, waits
/// until they are running, then lists every instance of the region (two per page). Any error of
/// any step comes back as the service-wide [`EcsError`].
pub async fn provision(
    client: &Client,
    image: &str,
    instance_type: &str,
    amount: i32,
) -> Result<Provisioned, EcsError> {
    let created = client
        .run_instances()
        .image_id(image)
        .instance_type(instance_type)
        .amount(amount)
        .send()
        .await?
        .instance_id_sets
        .map(|sets| sets.instance_id_set)
        .unwrap_or_default();

    client
        .describe_instances()
        .instance_ids(created.iter().cloned())
        .wait_until_instances_running()
        .delays(Duration::from_millis(1), Duration::from_millis(5))
        .max_time(Duration::from_secs(5))
        .wait()
        .await?;

    let listed = client
        .describe_instances()
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
    /// The instance type is sold out in this zone: try another one.
    SoldOut,
    /// Anything else, as the service-wide error.
    Failed(EcsError),
}

/// Tries to create one instance, telling a sold-out instance type (a service error code the
/// operation publishes) from every other failure.
pub async fn try_create(client: &Client, image: &str, instance_type: &str) -> Attempt {
    match client
        .run_instances()
        .image_id(image)
        .instance_type(instance_type)
        .amount(1)
        .send()
        .await
    {
        Ok(out) => Attempt::Created(
            out.instance_id_sets
                .map(|sets| sets.instance_id_set)
                .unwrap_or_default(),
        ),
        Err(Error::Service {
            error: RunInstancesError::OperationDeniedNoStock(_),
            ..
        }) => Attempt::SoldOut,
        Err(other) => Attempt::Failed(other.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ecs::describe_instances::{Instance, Instances};
    use ecs::mock::MockTransport;
    use ecs::run_instances::InstanceIdSets;
    use ecs::{
        mock, mock_client, Credentials, DescribeInstances, DescribeInstancesResponse, RunInstances,
        RunInstancesResponse,
    };

    fn instance(id: &str, status: &str) -> Instance {
        Instance::builder().instance_id(id).status(status).build()
    }

    fn page(instances: Vec<Instance>, next_token: &str) -> DescribeInstancesResponse {
        DescribeInstancesResponse::builder()
            .instances(Instances::builder().instance(instances).build())
            .next_token(next_token)
            .build()
    }

    /// A client for cn-hangzhou answering through `mock`.
    fn regional_client(mock: &MockTransport) -> Client {
        ecs::client()
            .region("cn-hangzhou")
            .credentials(Credentials::new("id", "secret"))
            .transport(mock.clone())
            .build()
            .expect("client")
    }

    #[tokio::test]
    async fn provision_creates_waits_and_lists_every_page() {
        let create = mock!(RunInstances).then_output(|| {
            RunInstancesResponse::builder()
                .instance_id_sets(
                    InstanceIdSets::builder()
                        .instance_id_set(["i-1", "i-2"])
                        .build(),
                )
                .build()
        });
        // The waiter's polls name the instances: pending once, then running.
        let poll = mock!(DescribeInstances)
            .match_params(|params| params.get("InstanceIds").is_some())
            .then_output(|| {
                page(
                    vec![instance("i-1", "Pending"), instance("i-2", "Running")],
                    "",
                )
            })
            .then_output(|| {
                page(
                    vec![instance("i-1", "Running"), instance("i-2", "Running")],
                    "",
                )
            });
        let polls = poll.calls();
        // The listing: three instances, two per page, paged by NextToken (DescribeInstances
        // publishes both styles; the token is the one that stays consistent while it changes).
        let first_page = mock!(DescribeInstances)
            .match_params(|params| params.get("NextToken").is_none())
            .then_output(|| {
                page(
                    vec![instance("i-0", "Running"), instance("i-1", "Running")],
                    "t-2",
                )
            });
        let second_page = mock!(DescribeInstances)
            .match_params(|params| params.get("NextToken") == Some("t-2"))
            .then_output(|| page(vec![instance("i-2", "Running")], ""));
        let (_, mock) = mock_client!([create, poll, first_page, second_page]);
        let client = regional_client(&mock);

        let done = provision(&client, "img-1", "ecs.g7.large", 2)
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
        // The instance ids went on the wire as the JSON array the API takes.
        let requests = mock.requests();
        assert_eq!(
            requests[1].params.get("InstanceIds"),
            Some(r#"["i-1","i-2"]"#)
        );
        // The client's region went on the wire of every request (none set it itself).
        assert_eq!(requests.len(), 5);
        assert!(requests
            .iter()
            .all(|r| r.params.get("RegionId") == Some("cn-hangzhou")));
    }

    #[tokio::test]
    async fn a_sold_out_type_is_told_from_other_failures() {
        let sold_out = mock!(RunInstances).then_error(|| {
            "OperationDenied.NoStock"
                .parse::<RunInstancesError>()
                .expect("infallible")
        });
        let (_, mock) = mock_client!([sold_out]);
        let client = regional_client(&mock);
        assert!(matches!(
            try_create(&client, "img-1", "ecs.g7.large").await,
            Attempt::SoldOut
        ));

        // No rule for this answer: the mock's own error, which the program passes on whole.
        let (_, mock) = mock_client!([]);
        let client = regional_client(&mock);
        match try_create(&client, "img-1", "ecs.g7.large").await {
            Attempt::Failed(error) => assert_eq!(error.code(), Some("Mock.NoMatchingRule")),
            other => panic!("expected a failure, got {other:?}"),
        }
    }
}
