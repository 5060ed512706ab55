//! The service's state: accounts (one per AccessKey ID) with their instances, balance and
//! idempotency tokens, and the remaining stock per region and plan.
//!
//! With a state file every change is written atomically — temporary file, `fsync`, `rename`,
//! `fsync` of the directory — before the answer that reports it is sent, so a `kill -9` loses
//! nothing that was acknowledged and a retried token finds its first answer. The file has one
//! owner at a time ([`StateFile`]), is proven writable at start, and every value in it is checked
//! when it is loaded; updates use checked arithmetic and change nothing when they would overflow.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
pub use crate::state_file::{write_atomically, StateFile};

/// Version of the state-file format.
pub const STATE_FORMAT: u32 = 1;

/// One created instance, as listed by ListInstances.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct InstanceRecord {
    /// 32 lower-case hex characters.
    pub instance_id: String,
    /// Region.
    pub region_id: String,
    /// Plan.
    pub plan_id: String,
    /// Image.
    pub image_id: String,
    /// `Running`.
    pub status: String,
    /// `PrePaid`.
    pub charge_type: String,
    /// UTC `YYYY-MM-DDThh:mm:ssZ`.
    pub creation_time: String,
    /// Creation time plus `Period` months.
    pub expired_time: String,
    /// Months bought.
    pub period: i32,
    /// Whether the instance renews automatically.
    pub auto_renew: bool,
    /// Renewal length in months.
    pub auto_renew_period: Option<i32>,
    /// Data disk in GB (0 = none).
    pub data_disk_size: i64,
    /// The idempotency token of the order that created it.
    pub client_token: Option<String>,
    /// Public address (from the benchmarking range 198.18.0.0/15).
    pub public_ip_address: String,
    /// Private address.
    pub inner_ip_address: String,
    /// Plan facts at creation time.
    pub core: i32,
    /// Memory in GB.
    pub memory: i32,
    /// System disk in GB.
    pub disk_size: i32,
    /// `SSD` or `ESSD`.
    pub disk_category: String,
    /// Mbit/s.
    pub bandwidth: i32,
    /// GB per month.
    pub flow: i32,
    /// Image facts at creation time.
    pub image_name: String,
    /// `system`, `app` or `custom`.
    pub image_type: String,
    /// `Linux` or `Windows`.
    pub platform: String,
}

/// What a token answered the first time, and a fingerprint of the parameters it was used with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TokenRecord {
    /// SHA-256 (hex) of the order's normalized parameters.
    pub fingerprint: String,
    /// The instance ids it answered.
    pub instance_ids: Vec<String>,
}

/// One account.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Account {
    /// Balance in cents (hundredths of the plans' currency).
    pub balance_cents: i64,
    /// Instances in creation order.
    pub instances: Vec<InstanceRecord>,
    /// `ClientToken` → first answer.
    pub tokens: BTreeMap<String, TokenRecord>,
}

/// Everything persisted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Snapshot {
    /// [`STATE_FORMAT`].
    pub format: u32,
    /// AccessKey ID → account.
    pub accounts: BTreeMap<String, Account>,
    /// Region → plan → instances that can still be created (plans not listed: the catalogue's
    /// stock).
    pub stock: BTreeMap<String, BTreeMap<String, u64>>,
    /// Instances created so far (numbers the addresses).
    pub created: u64,
}

/// The state file cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// Reading or writing failed.
    #[error("state file {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not a state file of this format.
    #[error("state file {path} is not valid: {reason}")]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// Another server (or process) holds the file.
    #[error("state file {path} is in use by another swas-local (it is locked); stop it or choose another --state file")]
    Locked {
        /// The file.
        path: String,
    },
}

/// Largest `Created` counter accepted (far above anything one server creates; keeps every sum
/// of counters and order amounts far from overflow).
pub const MAX_CREATED: u64 = 1 << 40;

/// Why an order could not be applied: a counter would leave its range. Nothing was changed.
#[derive(Debug, thiserror::Error)]
#[error("the order cannot be applied: {0}")]
pub struct CommitError(String);

/// A new order, already checked.
#[derive(Clone, Debug)]
pub struct Order {
    /// Account (AccessKey ID).
    pub account: String,
    /// Token and fingerprint, when the order has a token.
    pub token: Option<(String, String)>,
    /// The instances to add.
    pub instances: Vec<InstanceRecord>,
    /// What the order costs, in cents.
    pub cost_cents: i64,
}

/// What [`State::commit`] changed, so that it can be undone.
#[derive(Clone, Debug)]
pub struct Receipt {
    account: String,
    added: usize,
    token: Option<String>,
    cost_cents: i64,
    region: String,
    plan: String,
    new_account: bool,
    /// The stock entry before the commit (`None`: there was none, the plan's initial stock).
    previous_stock: Option<u64>,
    /// The quota counter before the commit (`None`: there was none).
    previous_used: Option<u64>,
}

/// The live state plus indexes that are not persisted.
#[derive(Debug)]
pub struct State {
    snapshot: Snapshot,
    /// (account, region) → instances.
    quota_used: HashMap<(String, String), u64>,
    starting_balance_cents: i64,
    file: Option<StateFile>,
}

/// `amount` in cents, rounded.
pub fn to_cents(amount: f64) -> i64 {
    let cents = (amount * 100.0).round();
    if cents.is_finite() {
        // `as` saturates at the i64 bounds.
        cents as i64
    } else {
        0
    }
}

impl State {
    /// Fresh state, or the state in `path` when that file exists. With a path: takes the file's
    /// lock (refusing a file another server holds), checks every value loaded, and writes the
    /// state back once, so that an unwritable file or directory is found now rather than at the
    /// first order.
    pub fn open(path: Option<&Path>, catalog: &Catalog) -> Result<Self, StateError> {
        let (file, bytes) = match path {
            Some(path) => {
                let (file, bytes) = StateFile::acquire(path)?;
                (Some(file), bytes)
            }
            None => (None, None),
        };
        let snapshot = match (path, bytes) {
            (Some(path), Some(bytes)) => {
                let invalid = |reason: String| StateError::Invalid {
                    path: path.display().to_string(),
                    reason,
                };
                let snapshot: Snapshot =
                    serde_json::from_slice(&bytes).map_err(|e| invalid(e.to_string()))?;
                check_snapshot(&snapshot).map_err(invalid)?;
                snapshot
            }
            _ => Snapshot {
                format: STATE_FORMAT,
                ..Snapshot::default()
            },
        };
        let mut quota_used = HashMap::new();
        for (account, data) in &snapshot.accounts {
            for instance in &data.instances {
                *quota_used
                    .entry((account.clone(), instance.region_id.clone()))
                    .or_insert(0) += 1;
            }
        }
        let state = Self {
            snapshot,
            quota_used,
            starting_balance_cents: to_cents(catalog.balance),
            file,
        };
        if let Some(file) = &state.file {
            file.write(&state.to_bytes())?;
        }
        Ok(state)
    }

    /// The state file (with its lock), if any: a handle a blocking task can write through.
    pub fn file(&self) -> Option<&StateFile> {
        self.file.as_ref()
    }

    /// The state file, if any.
    pub fn path(&self) -> Option<&Path> {
        self.file.as_ref().map(StateFile::path)
    }

    /// The first answer of `token` for `account`.
    pub fn token(&self, account: &str, token: &str) -> Option<&TokenRecord> {
        self.snapshot.accounts.get(account)?.tokens.get(token)
    }

    /// Instances `account` has in `region`.
    pub fn quota_used(&self, account: &str, region: &str) -> u64 {
        self.quota_used
            .get(&(account.to_owned(), region.to_owned()))
            .copied()
            .unwrap_or(0)
    }

    /// Instances of `plan` that `region` can still create (`initial` when nothing was sold yet).
    pub fn stock(&self, region: &str, plan: &str, initial: u64) -> u64 {
        self.snapshot
            .stock
            .get(region)
            .and_then(|plans| plans.get(plan))
            .copied()
            .unwrap_or(initial)
    }

    /// The balance of `account` in cents.
    pub fn balance_cents(&self, account: &str) -> i64 {
        self.snapshot
            .accounts
            .get(account)
            .map_or(self.starting_balance_cents, |a| a.balance_cents)
    }

    /// Instances of `account`, in creation order.
    pub fn instances(&self, account: &str) -> &[InstanceRecord] {
        self.snapshot
            .accounts
            .get(account)
            .map_or(&[], |a| a.instances.as_slice())
    }

    /// Sets the stored `Status` of `account`'s instances `ids` to `status`; returns what they
    /// were, for [`restore_statuses`](Self::restore_statuses) when the change cannot be persisted.
    pub fn set_statuses(
        &mut self,
        account: &str,
        ids: &[String],
        status: &str,
    ) -> Vec<(String, String)> {
        let Some(account) = self.snapshot.accounts.get_mut(account) else {
            return Vec::new();
        };
        account
            .instances
            .iter_mut()
            .filter(|i| ids.contains(&i.instance_id))
            .map(|i| {
                let before = std::mem::replace(&mut i.status, status.to_owned());
                (i.instance_id.clone(), before)
            })
            .collect()
    }

    /// Puts back the statuses [`set_statuses`](Self::set_statuses) replaced.
    pub fn restore_statuses(&mut self, account: &str, previous: Vec<(String, String)>) {
        let Some(account) = self.snapshot.accounts.get_mut(account) else {
            return;
        };
        for (id, status) in previous {
            if let Some(instance) = account.instances.iter_mut().find(|i| i.instance_id == id) {
                instance.status = status;
            }
        }
    }

    /// Instances created so far by everyone (numbers the addresses).
    pub fn created(&self) -> u64 {
        self.snapshot.created
    }

    /// All instances of all accounts.
    pub fn total_instances(&self) -> usize {
        self.snapshot
            .accounts
            .values()
            .map(|a| a.instances.len())
            .sum()
    }

    /// Applies a checked order: adds the instances, records the token, takes the stock and the
    /// money. `initial_stock` is the catalogue's stock of the order's plan. Every counter is
    /// computed with checked arithmetic first; when one would leave its range nothing changes.
    pub fn commit(&mut self, order: Order, initial_stock: u64) -> Result<Receipt, CommitError> {
        let Some(first) = order.instances.first() else {
            return Ok(Receipt {
                account: order.account,
                added: 0,
                token: None,
                cost_cents: 0,
                region: String::new(),
                plan: String::new(),
                new_account: false,
                previous_stock: None,
                previous_used: None,
            });
        };
        let region = first.region_id.clone();
        let plan = first.plan_id.clone();
        let added = order.instances.len();
        let added_u64 =
            u64::try_from(added).map_err(|_| CommitError("too many instances".into()))?;
        let created = self
            .snapshot
            .created
            .checked_add(added_u64)
            .filter(|n| *n <= MAX_CREATED)
            .ok_or_else(|| {
                CommitError(format!(
                    "the instance counter {} plus {added} exceeds {MAX_CREATED}",
                    self.snapshot.created
                ))
            })?;
        let balance = self
            .balance_cents(&order.account)
            .checked_sub(order.cost_cents)
            .filter(|b| *b >= 0)
            .ok_or_else(|| CommitError("the balance does not cover the order".into()))?;
        let remaining = self
            .stock(&region, &plan, initial_stock)
            .checked_sub(added_u64)
            .ok_or_else(|| CommitError("the stock does not cover the order".into()))?;
        let used = self
            .quota_used(&order.account, &region)
            .checked_add(added_u64)
            .ok_or_else(|| CommitError("the quota counter overflows".into()))?;

        let new_account = !self.snapshot.accounts.contains_key(&order.account);
        let previous_stock = self
            .snapshot
            .stock
            .get(&region)
            .and_then(|plans| plans.get(&plan))
            .copied();
        let previous_used = self
            .quota_used
            .get(&(order.account.clone(), region.clone()))
            .copied();
        let starting = self.starting_balance_cents;
        let account = self
            .snapshot
            .accounts
            .entry(order.account.clone())
            .or_insert_with(|| Account {
                balance_cents: starting,
                ..Account::default()
            });
        let ids: Vec<String> = order
            .instances
            .iter()
            .map(|i| i.instance_id.clone())
            .collect();
        account.instances.extend(order.instances);
        account.balance_cents = balance;
        let token = order.token.map(|(token, fingerprint)| {
            account.tokens.insert(
                token.clone(),
                TokenRecord {
                    fingerprint,
                    instance_ids: ids,
                },
            );
            token
        });
        self.snapshot
            .stock
            .entry(region.clone())
            .or_default()
            .insert(plan.clone(), remaining);
        self.quota_used
            .insert((order.account.clone(), region.clone()), used);
        self.snapshot.created = created;
        Ok(Receipt {
            account: order.account,
            added,
            token,
            cost_cents: order.cost_cents,
            region,
            plan,
            new_account,
            previous_stock,
            previous_used,
        })
    }

    /// Undoes the last [`commit`](Self::commit) (when it could not be persisted).
    pub fn rollback(&mut self, receipt: Receipt) {
        if receipt.added == 0 {
            return;
        }
        if receipt.new_account {
            self.snapshot.accounts.remove(&receipt.account);
        } else if let Some(account) = self.snapshot.accounts.get_mut(&receipt.account) {
            let keep = account.instances.len().saturating_sub(receipt.added);
            account.instances.truncate(keep);
            account.balance_cents = account.balance_cents.saturating_add(receipt.cost_cents);
            if let Some(token) = &receipt.token {
                account.tokens.remove(token);
            }
        }
        if let Some(plans) = self.snapshot.stock.get_mut(&receipt.region) {
            match receipt.previous_stock {
                Some(stock) => {
                    plans.insert(receipt.plan.clone(), stock);
                }
                None => {
                    plans.remove(&receipt.plan);
                    if plans.is_empty() {
                        self.snapshot.stock.remove(&receipt.region);
                    }
                }
            }
        }
        let used_key = (receipt.account.clone(), receipt.region.clone());
        match receipt.previous_used {
            Some(used) => {
                self.quota_used.insert(used_key, used);
            }
            None => {
                self.quota_used.remove(&used_key);
            }
        }
        self.snapshot.created = self.snapshot.created.saturating_sub(receipt.added as u64);
    }

    /// The persisted form, serialized.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Plain data (strings, numbers, maps with string keys) always serializes.
        serde_json::to_vec(&self.snapshot).unwrap_or_default()
    }
}

/// Checks every value of a loaded snapshot: the format, the counters (`Created` at most
/// [`MAX_CREATED`] and at least the instances held, balances not negative), each instance's
/// dates (RFC 3339 with `T`, expiry after creation), period, sizes and id (unique), and that
/// every token answers with instances of its own account.
pub fn check_snapshot(snapshot: &Snapshot) -> Result<(), String> {
    if snapshot.format != STATE_FORMAT {
        return Err(format!(
            "format {} is not the supported format {STATE_FORMAT}",
            snapshot.format
        ));
    }
    if snapshot.created > MAX_CREATED {
        return Err(format!(
            "Created is {}, more than the largest accepted value {MAX_CREATED}",
            snapshot.created
        ));
    }
    let mut ids = HashSet::new();
    for (key, account) in &snapshot.accounts {
        let at = |what: String| format!("Accounts.{key}.{what}");
        if account.balance_cents < 0 {
            return Err(at(format!(
                "BalanceCents is {}; a balance is never negative",
                account.balance_cents
            )));
        }
        for (i, instance) in account.instances.iter().enumerate() {
            check_instance(instance).map_err(|e| at(format!("Instances[{i}].{e}")))?;
            if !ids.insert(instance.instance_id.as_str()) {
                return Err(at(format!(
                    "Instances[{i}].InstanceId {:?} appears twice",
                    instance.instance_id
                )));
            }
        }
        let own: HashSet<&str> = account
            .instances
            .iter()
            .map(|i| i.instance_id.as_str())
            .collect();
        for (token, record) in &account.tokens {
            if let Some(id) = record
                .instance_ids
                .iter()
                .find(|id| !own.contains(id.as_str()))
            {
                return Err(at(format!(
                    "Tokens.{token} answers instance {id:?}, which the account does not hold"
                )));
            }
        }
    }
    let total = ids.len() as u64;
    if snapshot.created < total {
        return Err(format!(
            "Created is {}, fewer than the {total} instances held",
            snapshot.created
        ));
    }
    Ok(())
}

/// Largest data disk, system disk or plan figure accepted in a state file.
const MAX_SIZE: i64 = 1 << 20;

fn check_instance(i: &InstanceRecord) -> Result<(), String> {
    let id_ok = !i.instance_id.is_empty()
        && i.instance_id.len() <= 64
        && i.instance_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if !id_ok {
        return Err(format!(
            "InstanceId {:?} is not an instance id",
            i.instance_id
        ));
    }
    let created = crate::auth::parse_timestamp(&i.creation_time)
        .ok_or_else(|| format!("CreationTime {:?} is not a UTC time", i.creation_time))?;
    let expires = crate::auth::parse_timestamp(&i.expired_time)
        .ok_or_else(|| format!("ExpiredTime {:?} is not a UTC time", i.expired_time))?;
    if expires <= created {
        return Err(format!(
            "ExpiredTime {} is not after CreationTime {}",
            i.expired_time, i.creation_time
        ));
    }
    if !(1..=36).contains(&i.period) {
        return Err(format!("Period {} is not 1 to 36 months", i.period));
    }
    if let Some(renew) = i.auto_renew_period {
        if !(1..=36).contains(&renew) {
            return Err(format!("AutoRenewPeriod {renew} is not 1 to 36 months"));
        }
    }
    for (name, value) in [
        ("DataDiskSize", i.data_disk_size),
        ("Core", i64::from(i.core)),
        ("Memory", i64::from(i.memory)),
        ("DiskSize", i64::from(i.disk_size)),
        ("Bandwidth", i64::from(i.bandwidth)),
        ("Flow", i64::from(i.flow)),
    ] {
        if !(0..=MAX_SIZE).contains(&value) {
            return Err(format!("{name} {value} is not between 0 and {MAX_SIZE}"));
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A made-up instance of plan `p` in region `r`.
    pub(crate) fn instance(id: &str) -> InstanceRecord {
        InstanceRecord {
            instance_id: id.into(),
            region_id: "r".into(),
            plan_id: "p".into(),
            image_id: "i".into(),
            status: "Running".into(),
            charge_type: "PrePaid".into(),
            creation_time: "2024-01-31T10:00:00Z".into(),
            expired_time: "2024-02-29T10:00:00Z".into(),
            period: 1,
            auto_renew: false,
            auto_renew_period: None,
            data_disk_size: 0,
            client_token: None,
            public_ip_address: String::new(),
            inner_ip_address: String::new(),
            core: 1,
            memory: 1,
            disk_size: 40,
            disk_category: "ESSD".into(),
            bandwidth: 1,
            flow: 1,
            image_name: String::new(),
            image_type: String::new(),
            platform: "Linux".into(),
        }
    }

    /// A status change that cannot be persisted is put back exactly.
    #[test]
    fn statuses_are_set_and_restored() {
        let catalog = Catalog::builtin();
        let mut state = State::open(None, &catalog).expect("opens");
        let order = Order {
            account: "a".into(),
            token: None,
            instances: vec![instance("x"), instance("y")],
            cost_cents: 0,
        };
        state.commit(order, 10).expect("commits");
        let before = state.to_bytes();
        let previous = state.set_statuses("a", &["y".to_owned(), "z".to_owned()], "Stopped");
        assert_eq!(previous, [("y".to_owned(), "Running".to_owned())]);
        let statuses: Vec<&str> = state
            .instances("a")
            .iter()
            .map(|i| i.status.as_str())
            .collect();
        assert_eq!(statuses, ["Running", "Stopped"]);
        assert!(state
            .set_statuses("nobody", &["x".to_owned()], "Stopped")
            .is_empty());
        state.restore_statuses("a", previous);
        assert_eq!(state.to_bytes(), before);
    }

    #[test]
    fn commit_rollback_and_round_trip() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let catalog = Catalog::builtin();
        let mut state = State::open(Some(&path), &catalog).expect("opens");
        let order = |ids: &[&str], token: &str| Order {
            account: "a".into(),
            token: Some((token.into(), "fp".into())),
            instances: ids.iter().map(|id| instance(id)).collect(),
            cost_cents: 500,
        };
        state.commit(order(&["x", "y"], "t1"), 10).expect("commits");
        let before = state.to_bytes();
        let receipt = state.commit(order(&["z"], "t2"), 10).expect("commits");
        state.rollback(receipt);
        assert_eq!(state.to_bytes(), before);
        assert_eq!(state.stock("r", "p", 10), 8);
        assert_eq!(state.quota_used("a", "r"), 2);
        assert_eq!(state.balance_cents("a"), to_cents(catalog.balance) - 500);

        write_atomically(&path, &state.to_bytes()).expect("writes");
        drop(state);
        let reopened = State::open(Some(&path), &catalog).expect("reopens");
        assert_eq!(reopened.to_bytes(), before);
        assert_eq!(reopened.quota_used("a", "r"), 2);
        assert_eq!(
            reopened.token("a", "t1").map(|t| t.instance_ids.clone()),
            Some(vec!["x".to_owned(), "y".to_owned()])
        );
    }

    #[test]
    fn commit_refuses_a_counter_overflow_and_changes_nothing() {
        let catalog = Catalog::builtin();
        let mut state = State::open(None, &catalog).expect("opens");
        state.snapshot.created = MAX_CREATED;
        let before = state.to_bytes();
        let order = Order {
            account: "a".into(),
            token: Some(("t".into(), "fp".into())),
            instances: vec![instance("x")],
            cost_cents: 1,
        };
        let error = state
            .commit(order, 10)
            .expect_err("the counter would pass MAX_CREATED");
        assert_eq!(
            error.to_string(),
            format!("the order cannot be applied: the instance counter {MAX_CREATED} plus 1 exceeds {MAX_CREATED}")
        );
        assert_eq!(state.to_bytes(), before);
        assert_eq!(state.quota_used("a", "r"), 0);
    }

    #[test]
    fn snapshot_checks_name_the_bad_value() {
        let good = || {
            let mut snapshot = Snapshot {
                format: STATE_FORMAT,
                created: 1,
                ..Snapshot::default()
            };
            snapshot.accounts.insert(
                "k".into(),
                Account {
                    balance_cents: 100,
                    instances: vec![instance("abc")],
                    tokens: BTreeMap::new(),
                },
            );
            snapshot
        };
        assert_eq!(check_snapshot(&good()), Ok(()));
        let mut s = good();
        s.created = u64::MAX;
        assert_eq!(
            check_snapshot(&s),
            Err(format!(
                "Created is {}, more than the largest accepted value {MAX_CREATED}",
                u64::MAX
            ))
        );
        let mut s = good();
        s.created = 0;
        assert_eq!(
            check_snapshot(&s),
            Err("Created is 0, fewer than the 1 instances held".into())
        );
        let mut s = good();
        s.accounts.get_mut("k").expect("k").instances[0].creation_time =
            "2024-01-31 10:00:00Z".into();
        assert_eq!(
            check_snapshot(&s),
            Err(
                "Accounts.k.Instances[0].CreationTime \"2024-01-31 10:00:00Z\" is not a UTC time"
                    .into()
            )
        );
        let mut s = good();
        s.accounts.get_mut("k").expect("k").balance_cents = -1;
        assert_eq!(
            check_snapshot(&s),
            Err("Accounts.k.BalanceCents is -1; a balance is never negative".into())
        );
        let mut s = good();
        s.accounts.get_mut("k").expect("k").instances[0].data_disk_size = i64::MAX;
        assert_eq!(
            check_snapshot(&s),
            Err(format!(
                "Accounts.k.Instances[0].DataDiskSize {} is not between 0 and 1048576",
                i64::MAX
            ))
        );
    }
}
