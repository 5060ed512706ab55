//! The refreshing cache every fetching provider keeps its temporary credentials in.
//!
//! * Fresh credentials (more than the margin before their expiration) are returned without
//!   waiting or locking anything but a read lock.
//! * Inside the margin, but still valid: one caller refreshes while every other caller keeps
//!   using the current credentials. If the refresh fails, the current ones are kept (and the
//!   next attempt waits [`RETRY_AFTER_FAILURE`]) until they expire.
//! * Expired or none yet: callers queue on one lock; the first fetches, the others get its
//!   result (credentials or error) without fetching again. Once expired and not refreshable, the
//!   error says so ([`CredentialsError::Expired`]).

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::RwLock;
use std::time::{Duration, Instant, SystemTime};

use super::{utc, Credentials, CredentialsError};

/// How long before their expiration temporary credentials are refreshed: 3 minutes, like
/// `credentials-go` (`expiration - now <= 180 s`). The Python library refreshes 15 minutes
/// ahead, which with the shortest STS lifetime (15 minutes) would refresh on every call.
pub const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(180);

/// After a failed refresh while the current credentials are still valid, this long passes before
/// the next attempt, so that a failing source is not asked on every call.
pub const RETRY_AFTER_FAILURE: Duration = Duration::from_secs(5);

/// Caches one set of credentials and refreshes it, once for all concurrent callers.
#[derive(Debug)]
pub struct RefreshingCache {
    margin: Duration,
    current: RwLock<Option<Credentials>>,
    /// Held while refreshing: the single flight.
    refresh: tokio::sync::Mutex<RefreshState>,
    /// Counts finished refresh attempts (written under `refresh`), so that callers who waited
    /// for one see that it happened.
    generation: AtomicU64,
}

#[derive(Debug, Default)]
struct RefreshState {
    last_error: Option<CredentialsError>,
    retry_not_before: Option<Instant>,
}

impl Default for RefreshingCache {
    fn default() -> Self {
        Self::new()
    }
}

impl RefreshingCache {
    /// An empty cache refreshing [`DEFAULT_REFRESH_MARGIN`] ahead.
    pub fn new() -> Self {
        Self::with_margin(DEFAULT_REFRESH_MARGIN)
    }

    /// An empty cache refreshing `margin` before expiration.
    pub fn with_margin(margin: Duration) -> Self {
        Self {
            margin,
            current: RwLock::new(None),
            refresh: tokio::sync::Mutex::new(RefreshState::default()),
            generation: AtomicU64::new(0),
        }
    }

    /// The refresh margin.
    pub fn margin(&self) -> Duration {
        self.margin
    }

    fn current(&self) -> Option<Credentials> {
        match self.current.read() {
            Ok(current) => current.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn store(&self, credentials: Credentials) {
        match self.current.write() {
            Ok(mut current) => *current = Some(credentials),
            Err(poisoned) => *poisoned.into_inner() = Some(credentials),
        }
    }

    fn is_fresh(&self, credentials: &Credentials, now: SystemTime) -> bool {
        match credentials.expiration() {
            None => true,
            Some(expiration) => now + self.margin < expiration,
        }
    }

    /// The cached credentials when they have not expired, without fetching.
    pub fn cached(&self) -> Option<Credentials> {
        self.current().filter(|c| is_valid(c, SystemTime::now()))
    }

    /// The cached credentials while fresh; otherwise `fetch`es new ones (one caller at a time;
    /// see the module documentation for what happens on failure).
    pub async fn get_or_refresh<F, Fut>(&self, fetch: F) -> Result<Credentials, CredentialsError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Credentials, CredentialsError>>,
    {
        let now = SystemTime::now();
        let current = self.current();
        if let Some(credentials) = &current {
            if self.is_fresh(credentials, now) {
                return Ok(credentials.clone());
            }
            if is_valid(credentials, now) {
                // Inside the margin: one caller refreshes, the others go on with these.
                let Ok(mut state) = self.refresh.try_lock() else {
                    return Ok(credentials.clone());
                };
                if let Some(newer) = self.current() {
                    if self.is_fresh(&newer, SystemTime::now()) {
                        return Ok(newer);
                    }
                }
                if state
                    .retry_not_before
                    .is_some_and(|after| Instant::now() < after)
                {
                    return Ok(credentials.clone());
                }
                return self.refresh(&mut state, fetch).await;
            }
        }
        // Expired or nothing yet: wait for the refresh in flight, if any.
        let generation = self.generation.load(Ordering::Acquire);
        let mut state = self.refresh.lock().await;
        if self.generation.load(Ordering::Acquire) != generation {
            // Another caller refreshed while this one waited: use its result.
            if let Some(newer) = self.current() {
                if is_valid(&newer, SystemTime::now()) {
                    return Ok(newer);
                }
            }
            if let Some(error) = &state.last_error {
                return Err(error.clone());
            }
        } else if let Some(newer) = self.current() {
            if self.is_fresh(&newer, SystemTime::now()) {
                return Ok(newer);
            }
        }
        self.refresh(&mut state, fetch).await
    }

    async fn refresh<F, Fut>(
        &self,
        state: &mut RefreshState,
        fetch: F,
    ) -> Result<Credentials, CredentialsError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Credentials, CredentialsError>>,
    {
        let old = self.current();
        tracing::debug!(
            previous = old.as_ref().map(|c| c.source().to_string()),
            "refreshing credentials"
        );
        let result = fetch().await;
        let outcome = match result {
            Ok(credentials) => {
                tracing::debug!(
                    source = %credentials.source(),
                    access_key_id = credentials.access_key_id(),
                    expiration = credentials.expiration().map(utc),
                    "credentials refreshed"
                );
                self.store(credentials.clone());
                state.last_error = None;
                state.retry_not_before = None;
                Ok(credentials)
            }
            Err(error) => {
                state.retry_not_before = Some(Instant::now() + RETRY_AFTER_FAILURE);
                let outcome = match old {
                    Some(old) if is_valid(&old, SystemTime::now()) => {
                        tracing::warn!(
                            error = %error,
                            expiration = old.expiration().map(utc),
                            "refreshing credentials failed; using the current ones until they expire"
                        );
                        Ok(old)
                    }
                    Some(old) => {
                        tracing::warn!(error = %error, "refreshing expired credentials failed");
                        Err(CredentialsError::Expired {
                            source_name: old.source().to_string(),
                            expired_at: old.expiration().map(utc).unwrap_or_default(),
                            reason: error.to_string(),
                        })
                    }
                    None => {
                        tracing::debug!(error = %error, "fetching credentials failed");
                        Err(error)
                    }
                };
                state.last_error = outcome.as_ref().err().cloned();
                outcome
            }
        };
        self.generation.fetch_add(1, Ordering::AcqRel);
        outcome
    }
}

fn is_valid(credentials: &Credentials, now: SystemTime) -> bool {
    credentials
        .expiration()
        .is_none_or(|expiration| now < expiration)
}
