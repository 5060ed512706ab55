//! The refreshing cache every fetching provider keeps its temporary credentials in.
//!
//! * Fresh credentials are returned without waiting or locking anything but a read lock. A set
//!   is fresh until [`DEFAULT_REFRESH_MARGIN`] (or the configured margin) before it expires — or,
//!   for credentials that live less than four margins, until three quarters of its lifetime
//!   have passed, so that short-lived credentials (a URI handing out 20 s sets) are refreshed
//!   every 15 s, not on every call.
//! * Due for refresh, but still valid: one caller refreshes while every other caller keeps
//!   using the current credentials. If the refresh fails, the current ones are kept (and the
//!   next attempt waits [`RETRY_AFTER_FAILURE`]) until they expire.
//! * Expired or none yet: callers queue on one lock; the first fetches, the others get its
//!   result (credentials or error) without fetching again. A failure is remembered for
//!   [`FAILURE_BACKOFF`]: callers in that time get it without asking the source again. Once
//!   expired and not refreshable, the error says so ([`CredentialsError::Expired`]).

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

/// With no valid credentials, a failed fetch is the answer of every call for this long before
/// the source is asked again (a failing source is asked at most once a second, however many
/// callers there are).
pub const FAILURE_BACKOFF: Duration = Duration::from_secs(1);

/// Credentials living less than this many margins are refreshed once `1 - 1/n` of their
/// lifetime has passed, instead of a margin before they expire.
const SHORT_LIFETIME_DIVISOR: u32 = 4;

/// Caches one set of credentials and refreshes it, once for all concurrent callers.
#[derive(Debug)]
pub struct RefreshingCache {
    margin: Duration,
    current: RwLock<Option<Cached>>,
    /// Held while refreshing: the single flight.
    refresh: tokio::sync::Mutex<RefreshState>,
    /// Counts finished refresh attempts (written under `refresh`), so that callers who waited
    /// for one see that it happened.
    generation: AtomicU64,
}

/// A set of credentials and when it is due for refresh (`None`: never, long-term keys).
#[derive(Clone, Debug)]
struct Cached {
    credentials: Credentials,
    refresh_at: Option<SystemTime>,
}

impl Cached {
    fn is_fresh(&self, now: SystemTime) -> bool {
        self.refresh_at.is_none_or(|at| now < at)
    }
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

    fn current(&self) -> Option<Cached> {
        match self.current.read() {
            Ok(current) => current.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn store(&self, credentials: Credentials, now: SystemTime) {
        let refresh_at = credentials
            .expiration()
            .map(|expiration| refresh_time(expiration, now, self.margin));
        let cached = Some(Cached {
            credentials,
            refresh_at,
        });
        match self.current.write() {
            Ok(mut current) => *current = cached,
            Err(poisoned) => *poisoned.into_inner() = cached,
        }
    }

    /// The cached credentials when they have not expired, without fetching.
    pub fn cached(&self) -> Option<Credentials> {
        self.current()
            .map(|c| c.credentials)
            .filter(|c| is_valid(c, SystemTime::now()))
    }

    /// The cached credentials while fresh; otherwise `fetch`es new ones (one caller at a time;
    /// see the module documentation for what happens on failure).
    pub async fn get_or_refresh<F, Fut>(&self, fetch: F) -> Result<Credentials, CredentialsError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Credentials, CredentialsError>>,
    {
        let now = SystemTime::now();
        if let Some(current) = self.current() {
            if current.is_fresh(now) {
                return Ok(current.credentials);
            }
            if is_valid(&current.credentials, now) {
                // Due for refresh: one caller refreshes, the others go on with these.
                let Ok(mut state) = self.refresh.try_lock() else {
                    return Ok(current.credentials);
                };
                if let Some(newer) = self.current() {
                    if newer.is_fresh(SystemTime::now()) {
                        return Ok(newer.credentials);
                    }
                }
                if state.backing_off() {
                    return Ok(current.credentials);
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
                if is_valid(&newer.credentials, SystemTime::now()) {
                    return Ok(newer.credentials);
                }
            }
            if let Some(error) = &state.last_error {
                return Err(error.clone());
            }
        } else if let Some(newer) = self.current() {
            if newer.is_fresh(SystemTime::now()) {
                return Ok(newer.credentials);
            }
        }
        if state.backing_off() {
            if let Some(error) = &state.last_error {
                return Err(error.clone());
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
        let old = self.current().map(|c| c.credentials);
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
                self.store(credentials.clone(), SystemTime::now());
                state.last_error = None;
                state.retry_not_before = None;
                Ok(credentials)
            }
            Err(error) => {
                let still_valid = old
                    .as_ref()
                    .is_some_and(|old| is_valid(old, SystemTime::now()));
                let pause = if still_valid {
                    RETRY_AFTER_FAILURE
                } else {
                    FAILURE_BACKOFF
                };
                state.retry_not_before = Some(Instant::now() + pause);
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

impl RefreshState {
    fn backing_off(&self) -> bool {
        self.retry_not_before
            .is_some_and(|after| Instant::now() < after)
    }
}

/// When a set obtained at `now` and expiring at `expiration` is due for refresh: `margin`
/// before it expires, or after three quarters of its lifetime when that comes first (a set
/// living less than four margins would otherwise be due at once, and refreshed on every call).
fn refresh_time(expiration: SystemTime, now: SystemTime, margin: Duration) -> SystemTime {
    let lifetime = expiration.duration_since(now).unwrap_or_default();
    let ahead = margin.min(lifetime / SHORT_LIFETIME_DIVISOR);
    expiration - ahead
}

fn is_valid(credentials: &Credentials, now: SystemTime) -> bool {
    credentials
        .expiration()
        .is_none_or(|expiration| now < expiration)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lived_sets_are_due_after_three_quarters_of_their_lifetime() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        let margin = DEFAULT_REFRESH_MARGIN;
        let at = |lifetime: u64| {
            refresh_time(now + Duration::from_secs(lifetime), now, margin)
                .duration_since(now)
                .map(|d| d.as_secs())
                .ok()
        };
        // 20 s credentials: due after 15 s, not at once.
        assert_eq!(at(20), Some(15));
        // One hour: the margin applies (due 3 minutes before).
        assert_eq!(at(3600), Some(3600 - 180));
        // Exactly four margins: both rules agree.
        assert_eq!(at(720), Some(540));
        // Already expired on arrival: due at once.
        assert_eq!(at(0), Some(0));
    }
}
