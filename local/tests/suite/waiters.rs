//! Waiters generated from the specs' `waiters` sections: over HTTP against swas-local's instance
//! lifecycle (running, stopped, time-outs, progress), and through the mock for the command
//! invocation and snapshot waiters and for failure states.

use crate::common;

use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;
use swas::describe_invocation_result::{
    DescribeInvocationResultResponse, DescribeInvocationResultResponseInvocationResult,
};
use swas::list_instances::ListInstancesResponseInstances;
use swas::list_snapshots::ListSnapshotsResponseSnapshots;
use swas::waiter::WaitError;
use swas::{
    mock, mock_client, DescribeInvocationResult, ListInstances, ListInstancesResponse,
    ListSnapshots, ListSnapshotsResponse, StartInstance, StartInstanceError, StopInstances,
};
use swas_local::{Catalog, Config};

async fn lifecycle_server(delay: Duration) -> swas_local::RunningServer {
    let mut catalog = Catalog::builtin().with_stock(100);
    catalog.quota = 100;
    catalog.balance = 1.0e6;
    start(Config {
        catalog,
        lifecycle_delay: delay,
        ..Config::default()
    })
    .await
}

fn listing(ids: &[String]) -> ListInstances {
    ListInstances::builder()
        .region_id("cn-hangzhou")
        .instance_ids(ids.iter().cloned())
        .build()
}

#[tokio::test]
async fn new_instances_pass_pending_and_starting_to_running() {
    let server = lifecycle_server(Duration::from_millis(600)).await;
    let client = client(&server.url());
    let ids = client
        .send(&order(PLAN, IMAGE).amount(2).build())
        .await
        .expect("created")
        .instance_ids;
    let seen = Arc::new(Mutex::new(Vec::<(u32, Vec<String>)>::new()));
    let record = Arc::clone(&seen);
    let started = Instant::now();
    let request = listing(&ids);
    let running = request
        .wait_until_instances_running(&client)
        .delays(Duration::from_millis(100), Duration::from_millis(200))
        .on_progress(move |p| {
            record
                .lock()
                .expect("not poisoned")
                .push((p.attempt, p.states.iter().map(|s| s.to_string()).collect()));
        })
        .wait()
        .await
        .expect("running");
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_millis(550), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    let states: Vec<Option<String>> = running.instances.iter().map(|i| i.status.clone()).collect();
    assert_eq!(states, [Some("Running".into()), Some("Running".into())]);
    let seen = seen.lock().expect("not poisoned").clone();
    assert!(!seen.is_empty(), "progress was reported");
    assert_eq!(seen[0].0, 1);
    // Before Running, only the documented boot states show, two per poll.
    for (_, states) in &seen {
        assert_eq!(states.len(), 2, "{seen:?}");
        assert!(
            states.iter().all(|s| s == "Pending" || s == "Starting"),
            "{seen:?}"
        );
    }
    for (i, (attempt, _)) in seen.iter().enumerate() {
        assert_eq!(*attempt as usize, i + 1);
    }
    server.shutdown().await;
}

#[tokio::test]
async fn stop_then_wait_until_stopped_then_start_again() {
    let server = lifecycle_server(Duration::from_millis(300)).await;
    let client = client(&server.url());
    let ids = client
        .send(&order(PLAN, IMAGE).amount(2).build())
        .await
        .expect("created")
        .instance_ids;
    let request = listing(&ids);
    request
        .wait_until_instances_running(&client)
        .delays(Duration::from_millis(50), Duration::from_millis(100))
        .wait()
        .await
        .expect("running");
    client
        .send(
            &StopInstances::builder()
                .region_id("cn-hangzhou")
                .instance_ids(ids.iter().cloned())
                .build(),
        )
        .await
        .expect("stopping");
    let statuses = client.send(&request).await.expect("listed");
    assert_eq!(statuses.instances[0].status.as_deref(), Some("Stopping"));
    let stopped = request
        .wait_until_instances_stopped(&client)
        .delays(Duration::from_millis(50), Duration::from_millis(100))
        .wait()
        .await
        .expect("stopped");
    assert!(stopped
        .instances
        .iter()
        .all(|i| i.status.as_deref() == Some("Stopped")));

    // ListInstanceStatus agrees.
    let listed = client
        .send(
            &swas::ListInstanceStatus::builder()
                .region_id("cn-hangzhou")
                .build(),
        )
        .await
        .expect("statuses");
    assert_eq!(listed.instance_statuses.len(), 2);
    assert!(listed
        .instance_statuses
        .iter()
        .all(|s| s.status.as_deref() == Some("Stopped")));

    let start = |id: &str| {
        StartInstance::builder()
            .region_id("cn-hangzhou")
            .instance_id(id)
            .build()
    };
    client.send(&start(&ids[0])).await.expect("starting");
    // Starting an instance that is not stopped is refused with the published error.
    let error = client.send(&start(&ids[0])).await.expect_err("not stopped");
    match error.service_error() {
        Some(StartInstanceError::IncorrectInstanceStatus(meta)) => {
            assert_eq!(meta.http_status, 403)
        }
        other => panic!("{other:?}"),
    }
    let error = client
        .send(&start("0000000000000000000000000000dead"))
        .await
        .expect_err("unknown");
    assert!(matches!(
        error.service_error(),
        Some(StartInstanceError::InvalidInstanceIdNotFound(_))
    ));
    server.shutdown().await;
}

#[tokio::test]
async fn a_wait_that_runs_out_of_time_reports_the_last_answer() {
    let server = lifecycle_server(Duration::from_secs(30)).await;
    let client = client(&server.url());
    let ids = client
        .send(&order(PLAN, IMAGE).build())
        .await
        .expect("created")
        .instance_ids;
    let started = Instant::now();
    let request = listing(&ids);
    let error = request
        .wait_until_instances_running(&client)
        .delays(Duration::from_millis(100), Duration::from_millis(100))
        .jitter(0.0)
        .max_time(Duration::from_millis(450))
        .wait()
        .await
        .expect_err("30 s boot");
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_millis(450) && elapsed < Duration::from_secs(3),
        "{elapsed:?}"
    );
    match error {
        WaitError::TimedOut {
            waiter,
            attempts,
            last_states,
            last_response,
            ..
        } => {
            assert_eq!(waiter, "InstancesRunning");
            // Polls at 0, 100, 200, 300, 400 and (the last delay cut to the time left) 450 ms;
            // fewer when polls are slow.
            assert!((2..=6).contains(&attempts), "{attempts}");
            assert_eq!(last_states, ["Pending"]);
            let last = last_response.expect("an answer");
            assert_eq!(last.instances[0].instance_id.as_ref(), Some(&ids[0]));
        }
        other => panic!("{other:?}"),
    }
    server.shutdown().await;
}

fn instances(states: &[&str]) -> ListInstancesResponse {
    let mut out = ListInstancesResponse::default();
    out.instances = states
        .iter()
        .enumerate()
        .map(|(i, s)| ListInstancesResponseInstances {
            instance_id: Some(format!("i-{i}")),
            status: Some((*s).to_owned()),
            ..Default::default()
        })
        .collect();
    out
}

#[tokio::test]
async fn a_failure_state_ends_the_wait_with_the_response() {
    let rule = mock!(ListInstances)
        .then_output(|| instances(&["Pending", "Starting"]))
        .then_output(|| instances(&["Running", "Disabled"]));
    let (client, _mock) = mock_client!([rule]);
    let request = ListInstances::builder().region_id("cn-hangzhou").build();
    let error = request
        .wait_until_instances_running(&client)
        .delays(Duration::from_millis(10), Duration::from_millis(10))
        .wait()
        .await
        .expect_err("disabled");
    match error {
        WaitError::Failed {
            waiter,
            state,
            response,
            attempts,
        } => {
            assert_eq!(
                (waiter, state.as_str(), attempts),
                ("InstancesRunning", "Disabled", 2)
            );
            assert_eq!(response.instances.len(), 2);
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_failed_poll_ends_the_wait_with_the_call_error() {
    let rule = mock!(ListInstances)
        .then_error(|| swas::ListInstancesError::from_str("Forbidden.RAM").expect("infallible"));
    let (client, _mock) = mock_client!([rule]);
    let request = ListInstances::builder().region_id("cn-hangzhou").build();
    match request.wait_until_instances_running(&client).wait().await {
        Err(WaitError::Call(error)) => assert_eq!(error.code(), Some("Forbidden.RAM")),
        other => panic!("{other:?}"),
    }
}

fn invocation(status: &str, exit: i64) -> DescribeInvocationResultResponse {
    let mut out = DescribeInvocationResultResponse::default();
    out.invocation_result = Some(DescribeInvocationResultResponseInvocationResult {
        invocation_status: Some(status.to_owned()),
        exit_code: Some(exit),
        ..Default::default()
    });
    out
}

#[tokio::test]
async fn invocation_finished_waits_for_success_and_fails_on_failed() {
    let request = DescribeInvocationResult::builder()
        .region_id("cn-hangzhou")
        .instance_id("i-1")
        .invoke_id("t-1")
        .build();
    let rule = mock!(DescribeInvocationResult)
        .then_output(|| invocation("Pending", 0))
        .then_output(|| invocation("Running", 0))
        .then_output(|| invocation("Success", 0));
    let (client, mock) = mock_client!([rule]);
    let done = request
        .wait_until_invocation_finished(&client)
        .delays(Duration::from_millis(5), Duration::from_millis(5))
        .wait()
        .await
        .expect("success");
    assert_eq!(done.invocation_result.and_then(|r| r.exit_code), Some(0));
    assert_eq!(mock.requests().len(), 3);

    let rule = mock!(DescribeInvocationResult)
        .then_output(|| invocation("Running", 0))
        .then_output(|| invocation("Failed", 2));
    let (client, _mock) = mock_client!([rule]);
    match request
        .wait_until_invocation_finished(&client)
        .delays(Duration::from_millis(5), Duration::from_millis(5))
        .wait()
        .await
    {
        Err(WaitError::Failed {
            state, response, ..
        }) => {
            assert_eq!(state, "Failed");
            assert_eq!(
                response.invocation_result.and_then(|r| r.exit_code),
                Some(2)
            );
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn snapshots_ready_waits_for_every_snapshot() {
    let snapshots = |states: &[&str]| {
        let mut out = ListSnapshotsResponse::default();
        out.snapshots = states
            .iter()
            .map(|s| ListSnapshotsResponseSnapshots {
                status: Some((*s).to_owned()),
                ..Default::default()
            })
            .collect();
        out
    };
    let rule = mock!(ListSnapshots)
        .then_output(move || snapshots(&["Progressing", "Accomplished"]))
        .then_output(move || snapshots(&["Accomplished", "Accomplished"]));
    let (client, _mock) = mock_client!([rule]);
    let request = ListSnapshots::builder().region_id("cn-hangzhou").build();
    let ready = request
        .wait_until_snapshots_ready(&client)
        .delays(Duration::from_millis(5), Duration::from_millis(5))
        .wait()
        .await
        .expect("ready");
    assert_eq!(ready.snapshots.len(), 2);
}
