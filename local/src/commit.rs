//! Placing a checked CreateInstances order: the checks that need the state (token, quota, stock,
//! balance), the commit, and — with a state file — the durable write, all under the state lock
//! and in a task of their own.
//!
//! The handler awaits that task but does not own it: when a client goes away mid-order (hyper
//! then drops the handler), the task still runs to its end, so an order is either committed and
//! on disk, or rolled back — never committed in memory with its write orphaned. An answer (and a
//! later idempotent retry) only ever reports instances that are on disk.

use std::sync::Arc;
use std::time::SystemTime;

use swas::create_instances::CreateInstancesResponse;

use crate::catalog::{Image, Plan};
use crate::error::ApiError;
use crate::ops::{add_months, format_time, published, to_json};
use crate::server::Shared;
use crate::state::{self, InstanceRecord, Order};

/// Everything the order needs once the request's own rules have passed.
#[derive(Clone, Debug)]
pub struct Placement {
    /// Account (AccessKey ID).
    pub account: String,
    /// The answer's RequestId.
    pub request_id: String,
    /// Region.
    pub region_id: String,
    /// The plan ordered.
    pub plan: Plan,
    /// The image ordered.
    pub image: Image,
    /// Months.
    pub period: i32,
    /// Whether the instances renew automatically.
    pub auto_renew: bool,
    /// Renewal length in months.
    pub auto_renew_period: Option<i32>,
    /// The token as sent.
    pub client_token: Option<String>,
    /// Instances ordered.
    pub amount: u64,
    /// Data disk in GB (0 = none).
    pub data_disk: i64,
    /// Token and fingerprint, when the order has a non-empty token.
    pub fingerprint: Option<(String, String)>,
}

/// Places the order in a task that runs to completion even if the caller stops waiting.
pub async fn place(shared: Arc<Shared>, placement: Placement) -> Result<Vec<u8>, ApiError> {
    match tokio::spawn(run(shared, placement)).await {
        Ok(answer) => answer,
        Err(e) => {
            crate::report!("swas-local: the order task failed, answering InternalError: {e}");
            Err(ApiError::internal())
        }
    }
}

fn answer(request_id: &str, instance_ids: Vec<String>) -> Result<Vec<u8>, ApiError> {
    let mut response = CreateInstancesResponse::default();
    response.request_id = Some(request_id.to_owned());
    response.instance_ids = instance_ids;
    to_json(&response)
}

async fn run(shared: Arc<Shared>, p: Placement) -> Result<Vec<u8>, ApiError> {
    let catalog = &shared.catalog;
    let region = p.region_id.as_str();
    let plan = &p.plan;
    let amount = p.amount;
    let account = p.account.as_str();
    let mut state = shared.state.lock().await;
    if let Some((token, fingerprint)) = &p.fingerprint {
        if let Some(record) = state.token(account, token) {
            if record.fingerprint != *fingerprint {
                return Err(ApiError::idempotent_mismatch());
            }
            return answer(&p.request_id, record.instance_ids.clone());
        }
    }
    let used = state.quota_used(account, region);
    if used.saturating_add(amount) > catalog.quota {
        return Err(published(
            "ExceedAccountQuota",
            Some(format!(
                "The quota is {} instances per account and region; {used} exist in {region} and {amount} were ordered.",
                catalog.quota
            )),
        ));
    }
    let stock = state.stock(region, &plan.plan_id, plan.stock);
    if stock < amount {
        return Err(published(
            "NotEnoughStock",
            Some(format!(
                "{stock} instance(s) of plan {} are left in {region}; {amount} were ordered.",
                plan.plan_id
            )),
        ));
    }
    let months = i64::from(p.period);
    let cost_cents = state::to_cents(plan.origin_price)
        .saturating_mul(months)
        .saturating_mul(i64::try_from(amount).unwrap_or(i64::MAX));
    let balance = state.balance_cents(account);
    if balance < cost_cents {
        return Err(published(
            "PaymentFailed",
            Some(format!(
                "The order costs {:.2} {}; the balance is {:.2}.",
                cost_cents as f64 / 100.0,
                plan.currency,
                balance as f64 / 100.0
            )),
        ));
    }

    let now = time::OffsetDateTime::from(SystemTime::now());
    let created = format_time(now);
    let expires = format_time(add_months(now, p.period));
    let first_number = state.created();
    let instances: Vec<InstanceRecord> = (0..amount)
        .map(|k| {
            // Only the low 17 bits number the addresses; the counter itself is checked on commit.
            let n = first_number.wrapping_add(k);
            InstanceRecord {
                instance_id: uuid::Uuid::new_v4().simple().to_string(),
                region_id: region.to_owned(),
                plan_id: plan.plan_id.clone(),
                image_id: p.image.image_id.clone(),
                status: "Running".to_owned(),
                charge_type: "PrePaid".to_owned(),
                creation_time: created.clone(),
                expired_time: expires.clone(),
                period: p.period,
                auto_renew: p.auto_renew,
                auto_renew_period: p.auto_renew_period,
                data_disk_size: p.data_disk,
                client_token: p.client_token.clone(),
                public_ip_address: format!(
                    "198.{}.{}.{}",
                    18 + (n >> 16) % 2,
                    (n >> 8) % 256,
                    n % 256
                ),
                inner_ip_address: format!("172.16.{}.{}", (n >> 8) % 256, n % 256),
                core: plan.core,
                memory: plan.memory,
                disk_size: plan.disk_size,
                disk_category: plan.disk_type.clone(),
                bandwidth: plan.bandwidth,
                flow: plan.flow,
                image_name: p.image.image_name.clone(),
                image_type: p.image.image_type.clone(),
                platform: p.image.platform.clone(),
            }
        })
        .collect();
    let ids: Vec<String> = instances.iter().map(|i| i.instance_id.clone()).collect();
    let receipt = state
        .commit(
            Order {
                account: account.to_owned(),
                token: p.fingerprint.clone(),
                instances,
                cost_cents,
            },
            plan.stock,
        )
        .map_err(|e| {
            crate::report!("swas-local: answering InternalError: {e}");
            ApiError::internal()
        })?;
    let pending = Pending {
        state: &mut state,
        receipt: Some(receipt),
    };
    if let Err(failure) = persist(pending.state).await {
        drop(pending);
        crate::report!(
            "swas-local: cannot persist the order: {failure}; rolled back, answering InternalError"
        );
        return Err(ApiError::internal());
    }
    pending.confirm();
    // Still under the state lock: nobody lists the new instances before they are `Pending`.
    shared.lifecycle.created(ids.iter().map(String::as_str));
    drop(state);
    answer(&p.request_id, ids)
}

/// Writes `state` to its file, when it has one, durably (see [`state::StateFile::write`]).
/// Called under the state lock, from a task the handler does not own.
pub(crate) async fn persist(state: &state::State) -> Result<(), String> {
    let Some(file) = state.file().cloned() else {
        return Ok(());
    };
    let bytes = state.to_bytes();
    match tokio::task::spawn_blocking(move || file.write(&bytes)).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(e.to_string()),
        Err(e) => Err(format!("the persisting task failed: {e}")),
    }
}

/// A commit that is not durable yet: rolled back when dropped — on a failed write, and on any
/// panic between the commit and the write's end — unless [`confirm`](Self::confirm)ed.
struct Pending<'a> {
    state: &'a mut state::State,
    receipt: Option<state::Receipt>,
}

impl Pending<'_> {
    /// The order is durable (or there is no state file): keep it.
    fn confirm(mut self) {
        self.receipt = None;
    }
}

impl Drop for Pending<'_> {
    fn drop(&mut self) {
        if let Some(receipt) = self.receipt.take() {
            self.state.rollback(receipt);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::state::tests::instance;

    /// With `eprintln!` between the failed write and the rollback, a stderr that could not be
    /// written (the same full disk) panicked first and left the order in memory: a replay of its
    /// token then answered an instance that was never on disk. The rollback now happens on drop.
    #[test]
    fn a_panic_before_the_write_ends_rolls_the_order_back() {
        let catalog = Catalog::builtin();
        let mut state = state::State::open(None, &catalog).expect("opens");
        let before = state.to_bytes();
        let receipt = state
            .commit(
                Order {
                    account: "a".into(),
                    token: Some(("t".into(), "fp".into())),
                    instances: vec![instance("x")],
                    cost_cents: 500,
                },
                10,
            )
            .expect("commits");
        assert!(state.token("a", "t").is_some());
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _pending = Pending {
                state: &mut state,
                receipt: Some(receipt),
            };
            panic!("failed printing to stderr");
        }));
        assert!(panicked.is_err());
        assert!(state.token("a", "t").is_none(), "the token is forgotten");
        assert_eq!(state.to_bytes(), before);
        assert_eq!(state.stock("r", "p", 10), 10);
    }

    /// Confirmed, the order stays.
    #[test]
    fn a_confirmed_order_stays() {
        let catalog = Catalog::builtin();
        let mut state = state::State::open(None, &catalog).expect("opens");
        let receipt = state
            .commit(
                Order {
                    account: "a".into(),
                    token: None,
                    instances: vec![instance("x")],
                    cost_cents: 500,
                },
                10,
            )
            .expect("commits");
        Pending {
            state: &mut state,
            receipt: Some(receipt),
        }
        .confirm();
        assert_eq!(state.stock("r", "p", 10), 9);
        assert_eq!(state.instances("a").len(), 1);
    }
}
