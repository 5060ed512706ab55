//! Fault injection: throttling, dropped connections, internal errors after commit, latency.
//!
//! All faults are off by default. Decisions come from one seeded random generator (`--seed`), one
//! draw per authenticated request in arrival order, so a sequential client sees the same faults
//! on every run with the same seed.
//!
//! * `throttle_rate` — answer `Throttling.User` (400) before doing anything, with
//!   `x-acs-retry-after` when `throttle_retry_after` is set.
//! * `drop_rate` — close the connection without answering. For CreateInstances half of the drops
//!   (chosen at random) happen *after* the order was committed and persisted — the client never
//!   learns that its instances exist — and the other half before anything is done. Other actions
//!   drop before doing anything.
//! * `fail_rate` — for CreateInstances calls that succeed (new orders and idempotent replays),
//!   commit and persist the order, then answer `InternalError` (500) instead of the instance ids.
//! * `latency` — wait this long before handling each request.

use std::sync::Mutex;
use std::time::Duration;

use rand::rngs::StdRng;
use rand::{Rng as _, SeedableRng as _};

/// Fault settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Faults {
    /// Fraction of CreateInstances calls answered `InternalError` after commit (0..=1).
    pub fail_rate: f64,
    /// Fraction of requests answered `Throttling.User` before anything is done (0..=1).
    pub throttle_rate: f64,
    /// `x-acs-retry-after` sent with throttling answers.
    pub throttle_retry_after: Option<Duration>,
    /// Fraction of requests whose connection is closed without an answer (0..=1).
    pub drop_rate: f64,
    /// Delay before each request is handled.
    pub latency: Duration,
    /// Seed of the decisions; `None` picks one at random.
    pub seed: Option<u64>,
}

/// Where a dropped request is dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropPoint {
    /// Before anything is done.
    Before,
    /// After the order was committed (CreateInstances only; other actions treat it as `Before`).
    AfterCommit,
}

/// The faults chosen for one request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Decision {
    /// Answer `Throttling.User`.
    pub throttle: bool,
    /// Close the connection without answering.
    pub drop: Option<DropPoint>,
    /// Answer `InternalError` after committing a CreateInstances order.
    pub fail: bool,
}

/// The seeded decision maker.
#[derive(Debug)]
pub struct Injector {
    faults: Faults,
    rng: Mutex<StdRng>,
    seed: u64,
}

impl Injector {
    /// A decision maker for `faults`.
    pub fn new(faults: Faults) -> Self {
        let seed = faults.seed.unwrap_or_else(rand::random);
        Self {
            rng: Mutex::new(StdRng::seed_from_u64(seed)),
            faults,
            seed,
        }
    }

    /// The seed in use.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The settings.
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// Whether any rate is non-zero (otherwise no random numbers are drawn).
    fn active(&self) -> bool {
        self.faults.fail_rate > 0.0
            || self.faults.throttle_rate > 0.0
            || self.faults.drop_rate > 0.0
    }

    /// The faults for the next request. Draws the same four numbers for every request, so the
    /// sequence depends only on the seed and the number of requests.
    pub fn decide(&self) -> Decision {
        if !self.active() {
            return Decision::default();
        }
        let (throttle, drop, after, fail) = {
            let mut rng = match self.rng.lock() {
                Ok(rng) => rng,
                Err(poisoned) => poisoned.into_inner(),
            };
            (
                rng.gen::<f64>(),
                rng.gen::<f64>(),
                rng.gen::<f64>(),
                rng.gen::<f64>(),
            )
        };
        let throttle = throttle < self.faults.throttle_rate;
        let drop = (!throttle && drop < self.faults.drop_rate).then_some(if after < 0.5 {
            DropPoint::AfterCommit
        } else {
            DropPoint::Before
        });
        Decision {
            throttle,
            drop,
            fail: fail < self.faults.fail_rate,
        }
    }
}
