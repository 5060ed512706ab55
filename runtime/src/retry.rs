//! Retry policy: capped exponential backoff with jitter.
//!
//! The client retries a call when no response arrived (connection refused or reset, timeouts),
//! on HTTP 5xx, on throttling (`Throttling*`, `ServiceUnavailable`, or a positive
//! `x-acs-retry-after` header, which then sets the delay), and on errors the operation's error
//! enum marks retryable. Other 4xx answers are never retried. Every retry is signed afresh (new
//! nonce and timestamp) and carries the same idempotency token.
//!
//! A request that got no response may still have reached the service. Operations with an
//! idempotency token (`ClientToken`) are safe to retry; for others a retried write may run
//! twice — use [`RetryConfig::disabled`] for such calls if that matters.

use std::time::Duration;

/// How often and how patiently to retry.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryConfig {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    jitter: f64,
    max_retry_after: Duration,
}

impl Default for RetryConfig {
    /// 3 attempts, backoff 200 ms doubling up to 5 s, jitter 0.5, server delays up to 20 s.
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
            jitter: 0.5,
            max_retry_after: Duration::from_secs(20),
        }
    }
}

impl RetryConfig {
    /// The defaults (see [`Default`]).
    pub fn new() -> Self {
        Self::default()
    }

    /// One attempt, no retries.
    pub fn disabled() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Attempts in all, the first included (at least 1; 0 is treated as 1).
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The delay before the first retry; each further retry doubles it.
    pub fn with_initial_backoff(mut self, delay: Duration) -> Self {
        self.initial_backoff = delay;
        self
    }

    /// The largest computed delay.
    pub fn with_max_backoff(mut self, delay: Duration) -> Self {
        self.max_backoff = delay;
        self
    }

    /// Fraction of each delay that is randomized, from 0 (none) to 1 (full jitter): the delay is
    /// `d * (1 - jitter * r)` with `r` uniform in `[0, 1)`. Values outside `0..=1` are clamped.
    pub fn with_jitter(mut self, jitter: f64) -> Self {
        self.jitter = if jitter.is_nan() {
            0.0
        } else {
            jitter.clamp(0.0, 1.0)
        };
        self
    }

    /// The longest `x-acs-retry-after` delay the client will wait (default 20 s); a longer one
    /// ends the call with the throttling error instead, and so does one that would pass the
    /// client's overall deadline.
    pub fn with_max_retry_after(mut self, delay: Duration) -> Self {
        self.max_retry_after = delay;
        self
    }

    /// Attempts in all.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The delay before the first retry.
    pub fn initial_backoff(&self) -> Duration {
        self.initial_backoff
    }

    /// The largest computed delay.
    pub fn max_backoff(&self) -> Duration {
        self.max_backoff
    }

    /// The randomized fraction of each delay.
    pub fn jitter(&self) -> f64 {
        self.jitter
    }

    /// The longest server-requested delay honoured.
    pub fn max_retry_after(&self) -> Duration {
        self.max_retry_after
    }

    /// The delay before retry number `retry` (1 for the first retry), given a random number
    /// `random` in `[0, 1)`: `min(max_backoff, initial_backoff * 2^(retry-1)) * (1 - jitter * random)`.
    pub fn backoff(&self, retry: u32, random: f64) -> Duration {
        let exponent = retry.saturating_sub(1).min(31);
        let base = self
            .initial_backoff
            .checked_mul(1u32 << exponent)
            .unwrap_or(self.max_backoff)
            .min(self.max_backoff);
        let random = if random.is_finite() {
            random.clamp(0.0, 1.0)
        } else {
            0.0
        };
        base.mul_f64(1.0 - self.jitter * random)
    }

    /// The delay before retry number `retry`, with fresh randomness.
    pub(crate) fn next_delay(&self, retry: u32) -> Duration {
        self.backoff(retry, rand::random::<f64>())
    }
}

/// Reads `x-acs-retry-after`: milliseconds, used only when positive.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    match value.trim().parse::<u64>() {
        Ok(ms) if ms > 0 => Some(Duration::from_millis(ms)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_caps() {
        let config = RetryConfig::new()
            .with_initial_backoff(Duration::from_millis(100))
            .with_max_backoff(Duration::from_millis(1000))
            .with_jitter(0.0);
        let delays: Vec<u128> = (1..=6)
            .map(|n| config.backoff(n, 0.7).as_millis())
            .collect();
        assert_eq!(delays, vec![100, 200, 400, 800, 1000, 1000]);
        assert_eq!(config.backoff(u32::MAX, 0.0), Duration::from_millis(1000));
    }

    #[test]
    fn jitter_scales_down() {
        let config = RetryConfig::new()
            .with_initial_backoff(Duration::from_millis(100))
            .with_jitter(0.5);
        assert_eq!(config.backoff(1, 0.0), Duration::from_millis(100));
        assert_eq!(config.backoff(1, 0.5), Duration::from_millis(75));
        assert_eq!(RetryConfig::new().with_jitter(7.0).jitter(), 1.0);
        assert_eq!(RetryConfig::new().with_jitter(f64::NAN).jitter(), 0.0);
    }

    #[test]
    fn disabled_means_one_attempt() {
        assert_eq!(RetryConfig::disabled().max_attempts(), 1);
        assert_eq!(RetryConfig::new().with_max_attempts(0).max_attempts(), 1);
        assert_eq!(RetryConfig::default().max_attempts(), 3);
    }

    #[test]
    fn retry_after_is_positive_milliseconds() {
        assert_eq!(parse_retry_after("1500"), Some(Duration::from_millis(1500)));
        assert_eq!(parse_retry_after(" 20 "), Some(Duration::from_millis(20)));
        assert_eq!(parse_retry_after("0"), None);
        assert_eq!(parse_retry_after("-5"), None);
        assert_eq!(parse_retry_after("soon"), None);
    }
}
