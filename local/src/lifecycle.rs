//! The instance lifecycle: the states the API documents for `Instances[].Status`, passed
//! through over a configurable delay, and the operations that move instances between them —
//! StartInstance(s), StopInstance(s), RebootInstance(s) — plus ListInstanceStatus.
//!
//! New instances are `Pending`, then `Starting`, then `Running` once the delay has passed;
//! starting goes `Stopped` → `Starting` → `Running`; stopping `Running` → `Stopping` → `Stopped`;
//! rebooting `Running` → `Stopping` → `Starting` → `Running`. Each phase takes an equal share of
//! the delay; with a zero delay (the default) the target state is immediate. Starting a running
//! instance, or stopping or rebooting a stopped one, answers `IncorrectInstanceStatus` (403).
//! The target state is stored — with a state file, on disk — before the action is answered; only
//! the phases on the way live in memory, so after a restart every instance shows its target state.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use swas::list_instance_status::{
    ListInstanceStatus, ListInstanceStatusError, ListInstanceStatusResponse,
    ListInstanceStatusResponseInstanceStatuses,
};
use swas::list_instances::ListInstancesResponseInstances;
use swas::{
    RebootInstance, RebootInstanceError, RebootInstances, RebootInstancesError, StartInstance,
    StartInstanceError, StartInstances, StartInstancesError, StopInstance, StopInstanceError,
    StopInstances, StopInstancesError,
};

use crate::error::ApiError;
use crate::ops::{violation_error, DEFAULT_PAGE_SIZE};
use crate::server::Shared;
use crate::state::State;

/// The actions this module answers.
pub const ACTIONS: [&str; 7] = [
    "StartInstance",
    "StartInstances",
    "StopInstance",
    "StopInstances",
    "RebootInstance",
    "RebootInstances",
    "ListInstanceStatus",
];

/// One instance moving from state to state.
#[derive(Clone, Debug)]
struct Transition {
    phases: &'static [&'static str],
    target: &'static str,
    started: Instant,
}

/// Instance states in motion.
#[derive(Debug)]
pub struct Lifecycle {
    delay: Duration,
    transitions: Mutex<HashMap<String, Transition>>,
}

#[derive(Clone, Copy)]
enum Action {
    Start,
    Stop,
    Reboot,
}

impl Lifecycle {
    /// Transitions that take `delay` each.
    pub fn new(delay: Duration) -> Self {
        Self {
            delay,
            transitions: Mutex::new(HashMap::new()),
        }
    }

    /// The transitions, also after a panic elsewhere (they are plain data, never half-written).
    fn transitions(&self) -> MutexGuard<'_, HashMap<String, Transition>> {
        self.transitions
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn state_at(&self, t: &Transition, now: Instant) -> &'static str {
        let elapsed = now.saturating_duration_since(t.started);
        if elapsed >= self.delay || t.phases.is_empty() {
            return t.target;
        }
        let share = self.delay.as_nanos() / t.phases.len() as u128;
        let index = (elapsed.as_nanos() / share.max(1)) as usize;
        t.phases[index.min(t.phases.len() - 1)]
    }

    /// The state of `instance_id` now: its transition's, else `stored`.
    pub fn status(&self, instance_id: &str, stored: &str) -> String {
        let transitions = self.transitions();
        match transitions.get(instance_id) {
            Some(t) => self.state_at(t, Instant::now()).to_owned(),
            None => stored.to_owned(),
        }
    }

    /// New instances: `Pending` → `Starting` → `Running`. Ids already known (an idempotent
    /// replay) keep their state.
    pub fn created<'a>(&self, instance_ids: impl IntoIterator<Item = &'a str>) {
        let mut transitions = self.transitions();
        let now = Instant::now();
        for id in instance_ids {
            transitions.entry(id.to_owned()).or_insert(Transition {
                phases: &["Pending", "Starting"],
                target: "Running",
                started: now,
            });
        }
    }

    /// Sets the listed instances' `Status` to their state now.
    pub fn apply(&self, instances: &mut [ListInstancesResponseInstances]) {
        for instance in instances {
            if let (Some(id), Some(status)) = (&instance.instance_id, &instance.status) {
                let now = self.status(id, status);
                instance.status = Some(now);
            }
        }
    }

    /// Whether the action can start on every instance (`(id, stored status)`); its phases and
    /// target state when it can.
    fn check(
        &self,
        ids: &[(String, String)],
        action: Action,
    ) -> Result<(&'static [&'static str], &'static str), ApiError> {
        let transitions = self.transitions();
        let now = Instant::now();
        let current = |id: &str, stored: &str| match transitions.get(id) {
            Some(t) => self.state_at(t, now),
            None => match stored {
                "Stopped" => "Stopped",
                _ => "Running",
            },
        };
        let (needed, phases, target): (&str, &'static [&'static str], &'static str) = match action {
            Action::Start => ("Stopped", &["Starting"], "Running"),
            Action::Stop => ("Running", &["Stopping"], "Stopped"),
            Action::Reboot => ("Running", &["Stopping", "Starting"], "Running"),
        };
        for (id, stored) in ids {
            let state = current(id, stored);
            if state != needed {
                return Err(ApiError::new(
                    403,
                    "IncorrectInstanceStatus",
                    format!("The current status of the resource does not support this operation: instance {id} is {state}."),
                ));
            }
        }
        Ok((phases, target))
    }

    /// Starts the phases towards `target` on every instance of `ids`.
    fn begin(&self, ids: &[String], phases: &'static [&'static str], target: &'static str) {
        let mut transitions = self.transitions();
        let now = Instant::now();
        for id in ids {
            transitions.insert(
                id.clone(),
                Transition {
                    phases,
                    target,
                    started: now,
                },
            );
        }
    }
}

/// `(id, stored status)` of each id, or `InvalidInstanceId.NotFound` for the first unknown one.
fn find(
    state: &State,
    account: &str,
    region_id: &str,
    ids: &[String],
) -> Result<Vec<(String, String)>, ApiError> {
    let owned = state.instances(account);
    ids.iter()
        .map(|id| {
            owned
                .iter()
                .find(|i| &i.instance_id == id && i.region_id == region_id)
                .map(|i| (i.instance_id.clone(), i.status.clone()))
                .ok_or_else(|| {
                    ApiError::new(
                        404,
                        "InvalidInstanceId.NotFound",
                        format!("The specified InstanceId {id} does not exist."),
                    )
                })
        })
        .collect()
}

fn request_id_body(request_id: &str) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(&serde_json::json!({ "RequestId": request_id }))
        .map_err(|_| ApiError::internal())
}

macro_rules! read {
    ($op:ty, $err:ty, $params:expr) => {{
        let request = <$op>::from_wire($params).map_err(|e| violation_error::<$err>(&e))?;
        request
            .validate()
            .map_err(|e| violation_error::<$err>(&e))?;
        request
    }};
}

/// Answers one of [`ACTIONS`].
pub async fn dispatch(
    shared: &Arc<Shared>,
    account: &str,
    action: &str,
    params: &acs_runtime::Params,
    request_id: &str,
) -> Result<Vec<u8>, ApiError> {
    let (region_id, ids, what) = match action {
        "StartInstance" => {
            let r = read!(StartInstance, StartInstanceError, params);
            (r.region_id, vec![r.instance_id], Action::Start)
        }
        "StopInstance" => {
            let r = read!(StopInstance, StopInstanceError, params);
            (r.region_id, vec![r.instance_id], Action::Stop)
        }
        "RebootInstance" => {
            let r = read!(RebootInstance, RebootInstanceError, params);
            (r.region_id, vec![r.instance_id], Action::Reboot)
        }
        "StartInstances" => {
            let r = read!(StartInstances, StartInstancesError, params);
            (r.region_id, r.instance_ids, Action::Start)
        }
        "StopInstances" => {
            let r = read!(StopInstances, StopInstancesError, params);
            (r.region_id, r.instance_ids, Action::Stop)
        }
        "RebootInstances" => {
            let r = read!(RebootInstances, RebootInstancesError, params);
            (r.region_id, r.instance_ids, Action::Reboot)
        }
        "ListInstanceStatus" => {
            return list_instance_status(shared, account, params, request_id).await
        }
        _ => return Err(ApiError::action_not_found()),
    };
    // Like an order: in a task the handler awaits but does not own, so a client that goes away
    // cannot cancel it half-way; the new state is on disk before it is answered.
    let task = tokio::spawn(change_status(
        Arc::clone(shared),
        account.to_owned(),
        region_id,
        ids,
        what,
    ));
    match task.await {
        Ok(changed) => changed?,
        Err(e) => {
            crate::report!("swas-local: the {action} task failed, answering InternalError: {e}");
            return Err(ApiError::internal());
        }
    }
    request_id_body(request_id)
}

/// Checks the instances' states, stores the target state and persists it, then starts the
/// phases; a failed write puts the stored states back and answers `InternalError`.
async fn change_status(
    shared: Arc<Shared>,
    account: String,
    region_id: String,
    ids: Vec<String>,
    action: Action,
) -> Result<(), ApiError> {
    let mut state = shared.state.lock().await;
    let found = find(&state, &account, &region_id, &ids)?;
    let (phases, target) = shared.lifecycle.check(&found, action)?;
    let previous = state.set_statuses(&account, &ids, target);
    if let Err(failure) = crate::commit::persist(&state).await {
        state.restore_statuses(&account, previous);
        crate::report!(
            "swas-local: cannot persist a status change: {failure}; rolled back, answering InternalError"
        );
        return Err(ApiError::internal());
    }
    shared.lifecycle.begin(&ids, phases, target);
    Ok(())
}

async fn list_instance_status(
    shared: &Shared,
    account: &str,
    params: &acs_runtime::Params,
    request_id: &str,
) -> Result<Vec<u8>, ApiError> {
    let request = read!(ListInstanceStatus, ListInstanceStatusError, params);
    let page_number = request.page_number.unwrap_or(1).max(1);
    let page_size = request.page_size.unwrap_or(DEFAULT_PAGE_SIZE).max(1);
    let skip =
        usize::try_from(i64::from(page_number - 1) * i64::from(page_size)).unwrap_or(usize::MAX);
    let state = shared.state.lock().await;
    let matching: Vec<(String, String)> = state
        .instances(account)
        .iter()
        .filter(|i| i.region_id == request.region_id)
        .filter(|i| {
            request
                .instance_ids
                .as_ref()
                .is_none_or(|ids| ids.contains(&i.instance_id))
        })
        .map(|i| (i.instance_id.clone(), i.status.clone()))
        .collect();
    drop(state);
    let mut response = ListInstanceStatusResponse::default();
    response.request_id = Some(request_id.to_owned());
    response.total_count = Some(i32::try_from(matching.len()).unwrap_or(i32::MAX));
    response.page_number = Some(page_number);
    response.page_size = Some(page_size);
    response.instance_statuses = matching
        .into_iter()
        .skip(skip)
        .take(usize::try_from(page_size).unwrap_or(0))
        .map(|(id, stored)| ListInstanceStatusResponseInstanceStatuses {
            status: Some(shared.lifecycle.status(&id, &stored)),
            instance_id: Some(id),
        })
        .collect();
    serde_json::to_vec(&response).map_err(|_| ApiError::internal())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_share_the_delay() {
        let lifecycle = Lifecycle::new(Duration::from_millis(100));
        let t = Transition {
            phases: &["Pending", "Starting"],
            target: "Running",
            started: Instant::now(),
        };
        let at = |ms| lifecycle.state_at(&t, t.started + Duration::from_millis(ms));
        assert_eq!(at(0), "Pending");
        assert_eq!(at(49), "Pending");
        assert_eq!(at(50), "Starting");
        assert_eq!(at(99), "Starting");
        assert_eq!(at(100), "Running");
        let immediate = Lifecycle::new(Duration::ZERO);
        assert_eq!(immediate.state_at(&t, t.started), "Running");
    }

    #[test]
    fn wrong_states_are_refused_and_nothing_moves() {
        let lifecycle = Lifecycle::new(Duration::ZERO);
        let ids = vec![
            ("a".to_owned(), "Running".to_owned()),
            ("b".to_owned(), "Stopped".to_owned()),
        ];
        let error = lifecycle
            .check(&ids, Action::Stop)
            .expect_err("b is stopped");
        assert_eq!(error.code, "IncorrectInstanceStatus");
        assert_eq!(lifecycle.status("a", "Running"), "Running");
        let (phases, target) = lifecycle.check(&ids[..1], Action::Stop).expect("a runs");
        assert_eq!((phases, target), (&["Stopping"][..], "Stopped"));
        lifecycle.begin(&["a".to_owned()], phases, target);
        assert_eq!(lifecycle.status("a", "Running"), "Stopped");
        let (phases, target) = lifecycle.check(&ids, Action::Start).expect("both stopped");
        lifecycle.begin(&["a".to_owned(), "b".to_owned()], phases, target);
        assert_eq!(lifecycle.status("b", "Stopped"), "Running");
    }
}
