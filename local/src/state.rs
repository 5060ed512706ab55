//! The service's state: accounts (one per AccessKey ID) with their instances, balance and
//! idempotency tokens, and the remaining stock per region and plan.
//!
//! With a state file every change is written atomically — temporary file, `fsync`, `rename`,
//! `fsync` of the directory — before the answer that reports it is sent, so a `kill -9` loses
//! nothing that was acknowledged and a retried token finds its first answer.

use std::collections::{BTreeMap, HashMap};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;

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
}

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
}

/// The live state plus indexes that are not persisted.
#[derive(Debug)]
pub struct State {
    snapshot: Snapshot,
    /// (account, region) → instances.
    quota_used: HashMap<(String, String), u64>,
    starting_balance_cents: i64,
    path: Option<PathBuf>,
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
    /// Fresh state, or the state in `path` when that file exists.
    pub fn open(path: Option<&Path>, catalog: &Catalog) -> Result<Self, StateError> {
        let snapshot = match path {
            Some(path) => match std::fs::read(path) {
                Ok(bytes) => {
                    let snapshot: Snapshot =
                        serde_json::from_slice(&bytes).map_err(|e| StateError::Invalid {
                            path: path.display().to_string(),
                            reason: e.to_string(),
                        })?;
                    if snapshot.format != STATE_FORMAT {
                        return Err(StateError::Invalid {
                            path: path.display().to_string(),
                            reason: format!(
                                "format {} is not the supported format {STATE_FORMAT}",
                                snapshot.format
                            ),
                        });
                    }
                    snapshot
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Snapshot {
                    format: STATE_FORMAT,
                    ..Snapshot::default()
                },
                Err(source) => {
                    return Err(StateError::Io {
                        path: path.display().to_string(),
                        source,
                    })
                }
            },
            None => Snapshot {
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
        Ok(Self {
            snapshot,
            quota_used,
            starting_balance_cents: to_cents(catalog.balance),
            path: path.map(Path::to_path_buf),
        })
    }

    /// The state file, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
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
    /// money. `initial_stock` is the catalogue's stock of the order's plan.
    pub fn commit(&mut self, order: Order, initial_stock: u64) -> Receipt {
        let Some(first) = order.instances.first() else {
            return Receipt {
                account: order.account,
                added: 0,
                token: None,
                cost_cents: 0,
                region: String::new(),
                plan: String::new(),
                new_account: false,
            };
        };
        let region = first.region_id.clone();
        let plan = first.plan_id.clone();
        let added = order.instances.len();
        let new_account = !self.snapshot.accounts.contains_key(&order.account);
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
        account.balance_cents = account.balance_cents.saturating_sub(order.cost_cents);
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
        let remaining = self.stock(&region, &plan, initial_stock);
        self.snapshot
            .stock
            .entry(region.clone())
            .or_default()
            .insert(plan.clone(), remaining.saturating_sub(added as u64));
        *self
            .quota_used
            .entry((order.account.clone(), region.clone()))
            .or_insert(0) += added as u64;
        self.snapshot.created += added as u64;
        Receipt {
            account: order.account,
            added,
            token,
            cost_cents: order.cost_cents,
            region,
            plan,
            new_account,
        }
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
        if let Some(stock) = self
            .snapshot
            .stock
            .get_mut(&receipt.region)
            .and_then(|plans| plans.get_mut(&receipt.plan))
        {
            *stock = stock.saturating_add(receipt.added as u64);
        }
        if let Some(used) = self
            .quota_used
            .get_mut(&(receipt.account.clone(), receipt.region.clone()))
        {
            *used = used.saturating_sub(receipt.added as u64);
        }
        self.snapshot.created = self.snapshot.created.saturating_sub(receipt.added as u64);
    }

    /// The persisted form, serialized.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Plain data (strings, numbers, maps with string keys) always serializes.
        serde_json::to_vec(&self.snapshot).unwrap_or_default()
    }
}

/// Writes `bytes` to `path` atomically and durably: a temporary file in the same directory,
/// `fsync`, `rename` over `path`, then `fsync` of the directory.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StateError> {
    let io = |source| StateError::Io {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp_name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    tmp_name.push(".tmp");
    let tmp = dir.join(tmp_name);
    {
        let mut file = std::fs::File::create(&tmp).map_err(io)?;
        file.write_all(bytes).map_err(io)?;
        file.sync_all().map_err(io)?;
    }
    std::fs::rename(&tmp, path).map_err(io)?;
    // Make the rename itself durable.
    let dir = std::fs::File::open(&dir).map_err(io)?;
    dir.sync_all().map_err(io)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instance(id: &str) -> InstanceRecord {
        InstanceRecord {
            instance_id: id.into(),
            region_id: "r".into(),
            plan_id: "p".into(),
            image_id: "i".into(),
            status: "Running".into(),
            charge_type: "PrePaid".into(),
            creation_time: String::new(),
            expired_time: String::new(),
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
        state.commit(order(&["x", "y"], "t1"), 10);
        let before = state.to_bytes();
        let receipt = state.commit(order(&["z"], "t2"), 10);
        state.rollback(receipt);
        assert_eq!(state.to_bytes(), before);
        assert_eq!(state.stock("r", "p", 10), 8);
        assert_eq!(state.quota_used("a", "r"), 2);
        assert_eq!(state.balance_cents("a"), to_cents(catalog.balance) - 500);

        write_atomically(&path, &state.to_bytes()).expect("writes");
        let reopened = State::open(Some(&path), &catalog).expect("reopens");
        assert_eq!(reopened.to_bytes(), before);
        assert_eq!(reopened.quota_used("a", "r"), 2);
        assert_eq!(
            reopened.token("a", "t1").map(|t| t.instance_ids.clone()),
            Some(vec!["x".to_owned(), "y".to_owned()])
        );
    }
}
