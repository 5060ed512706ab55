//! Waiters: poll an operation until the states at a path in its answer say done.
//!
//! Generated from a spec's `waiters` section as `request.wait_until_<name>(&client)`, which
//! returns a [`Wait`]: adjust it ([`max_time`](Wait::max_time), [`delays`](Wait::delays),
//! [`on_progress`](Wait::on_progress)) and `.wait().await`.
//!
//! Each poll sends the request with [`Client::send`] (its own retries and deadline), reads the
//! states at the waiter's path, and decides: any state among the failure states ends the wait
//! with [`WaitError::Failed`]; success when every state (or, for "any" waiters, one state) is a
//! success state; otherwise — no states yet, or states still in progress — it waits and polls
//! again. Delays grow from the minimum, doubling up to the maximum, each cut by up to half at
//! random (jitter), and never run past the maximum time: then [`WaitError::TimedOut`] carries the
//! last answer. States are judged as they are read from the answer, so a poll allocates nothing
//! beyond the answer itself (a progress callback gets them as a list, built for it).

use std::fmt;
use std::time::{Duration, Instant};

use crate::client::Client;
use crate::error::Error;
use crate::operation::Operation;

/// Reads the states at a waiter's path from an answer, in order.
pub type StatesOf<O> = for<'o> fn(&'o <O as Operation>::Output, &mut dyn FnMut(&'o str));

/// What a waiter looks for (generated from the spec).
pub struct Acceptor<O: Operation> {
    /// The waiter's name in the spec (`InstancesRunning`).
    pub name: &'static str,
    /// The path in the answer, as the spec writes it (`Instances[].Status`).
    pub path: &'static str,
    /// Reads the states at the path.
    pub states: StatesOf<O>,
    /// `true`: every state must be a success state; `false`: one is enough.
    pub all: bool,
    /// States that end the wait successfully.
    pub success: &'static [&'static str],
    /// States that end the wait with [`WaitError::Failed`].
    pub failure: &'static [&'static str],
    /// The first delay between polls.
    pub min_delay: Duration,
    /// The longest delay between polls.
    pub max_delay: Duration,
    /// The longest the whole wait may take.
    pub max_time: Duration,
}

/// Where a wait stands, reported after each poll that did not end it.
#[derive(Debug)]
pub struct WaitProgress<'a> {
    /// The waiter's name.
    pub waiter: &'static str,
    /// Polls so far.
    pub attempt: u32,
    /// Time since the wait began.
    pub elapsed: Duration,
    /// The states the last answer showed.
    pub states: &'a [&'a str],
    /// The delay before the next poll.
    pub next_delay: Duration,
}

/// Why a wait ended without success.
pub enum WaitError<O: Operation> {
    /// A failure state was reached.
    Failed {
        /// The waiter's name.
        waiter: &'static str,
        /// The failure state seen.
        state: String,
        /// The answer that showed it.
        response: O::Output,
        /// Polls made.
        attempts: u32,
    },
    /// The maximum time passed before success.
    TimedOut {
        /// The waiter's name.
        waiter: &'static str,
        /// Time waited.
        elapsed: Duration,
        /// Polls made.
        attempts: u32,
        /// The states the last answer showed.
        last_states: Vec<String>,
        /// The last answer, if any poll got one.
        last_response: Option<O::Output>,
    },
    /// A poll failed (after the client's own retries).
    Call(Error<O::Error>),
}

impl<O: Operation> fmt::Debug for WaitError<O>
where
    O::Output: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitError::Failed {
                waiter,
                state,
                response,
                attempts,
            } => f
                .debug_struct("Failed")
                .field("waiter", waiter)
                .field("state", state)
                .field("response", response)
                .field("attempts", attempts)
                .finish(),
            WaitError::TimedOut {
                waiter,
                elapsed,
                attempts,
                last_states,
                last_response,
            } => f
                .debug_struct("TimedOut")
                .field("waiter", waiter)
                .field("elapsed", elapsed)
                .field("attempts", attempts)
                .field("last_states", last_states)
                .field("last_response", last_response)
                .finish(),
            WaitError::Call(error) => f.debug_tuple("Call").field(error).finish(),
        }
    }
}

impl<O: Operation> fmt::Display for WaitError<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitError::Failed {
                waiter,
                state,
                attempts,
                ..
            } => write!(
                f,
                "waiter {waiter} reached failure state {state:?} after {attempts} poll(s)"
            ),
            WaitError::TimedOut {
                waiter,
                elapsed,
                attempts,
                last_states,
                ..
            } => write!(
                f,
                "waiter {waiter} timed out after {elapsed:?} and {attempts} poll(s); last states {last_states:?}"
            ),
            WaitError::Call(error) => write!(f, "a poll failed: {error}"),
        }
    }
}

impl<O: Operation> std::error::Error for WaitError<O>
where
    O::Output: fmt::Debug,
{
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WaitError::Call(error) => Some(error),
            _ => None,
        }
    }
}

type Progress<'a> = Box<dyn FnMut(&WaitProgress<'_>) + Send + 'a>;

/// One wait, ready to run with [`wait`](Self::wait).
pub struct Wait<'a, O: Operation> {
    client: &'a Client,
    request: Request<'a, O>,
    acceptor: Acceptor<O>,
    jitter: f64,
    progress: Option<Progress<'a>>,
}

/// The polled request: the caller's, or one a fluent builder built for this wait.
enum Request<'a, O> {
    Borrowed(&'a O),
    Owned(O),
}

impl<O> Request<'_, O> {
    fn get(&self) -> &O {
        match self {
            Request::Borrowed(request) => request,
            Request::Owned(request) => request,
        }
    }
}

/// What one answer says.
#[derive(Debug, PartialEq, Eq)]
enum Verdict<'s> {
    Success,
    Failure(&'s str),
    Pending,
}

impl<O: Operation> Acceptor<O> {
    #[cfg(test)]
    fn judge<'s>(&self, states: &[&'s str]) -> Verdict<'s> {
        let mut tally = Tally::default();
        for state in states {
            tally.see(self, state);
        }
        tally.verdict(self)
    }
}

/// What the states of one answer add up to, counted as they are read (nothing is stored).
#[derive(Default)]
struct Tally<'s> {
    seen: usize,
    successes: usize,
    failure: Option<&'s str>,
}

impl<'s> Tally<'s> {
    fn see<O: Operation>(&mut self, acceptor: &Acceptor<O>, state: &'s str) {
        self.seen += 1;
        if acceptor.success.contains(&state) {
            self.successes += 1;
        }
        if self.failure.is_none() && acceptor.failure.contains(&state) {
            self.failure = Some(state);
        }
    }

    fn verdict<O: Operation>(&self, acceptor: &Acceptor<O>) -> Verdict<'s> {
        if let Some(state) = self.failure {
            return Verdict::Failure(state);
        }
        let done = if acceptor.all {
            self.seen > 0 && self.successes == self.seen
        } else {
            self.successes > 0
        };
        if done {
            Verdict::Success
        } else {
            Verdict::Pending
        }
    }
}

impl<'a, O: Operation> Wait<'a, O> {
    /// A wait for `acceptor` polling `request` through `client`.
    pub fn new(client: &'a Client, request: &'a O, acceptor: Acceptor<O>) -> Self {
        Self::with_request(client, Request::Borrowed(request), acceptor)
    }

    /// A wait that owns its request (what a fluent builder's `wait_until_…()` builds).
    pub fn owned(client: &'a Client, request: O, acceptor: Acceptor<O>) -> Self {
        Self::with_request(client, Request::Owned(request), acceptor)
    }

    fn with_request(client: &'a Client, request: Request<'a, O>, acceptor: Acceptor<O>) -> Self {
        Self {
            client,
            request,
            acceptor,
            jitter: 0.5,
            progress: None,
        }
    }

    /// The longest the whole wait may take (the spec's `maxTime` by default).
    pub fn max_time(mut self, max_time: Duration) -> Self {
        self.acceptor.max_time = max_time;
        self
    }

    /// The first and the longest delay between polls (the spec's `minDelay`, `maxDelay` by
    /// default); the longest is raised to the first if smaller.
    pub fn delays(mut self, min: Duration, max: Duration) -> Self {
        self.acceptor.min_delay = min;
        self.acceptor.max_delay = max.max(min);
        self
    }

    /// The randomized fraction of each delay, 0 (none) to 1 (default 0.5).
    pub fn jitter(mut self, jitter: f64) -> Self {
        self.jitter = if jitter.is_nan() {
            0.0
        } else {
            jitter.clamp(0.0, 1.0)
        };
        self
    }

    /// Called after every poll that did not end the wait.
    pub fn on_progress(mut self, progress: impl FnMut(&WaitProgress<'_>) + Send + 'a) -> Self {
        self.progress = Some(Box::new(progress));
        self
    }

    /// Polls until success, a failure state, a failed poll, or the maximum time.
    pub async fn wait(mut self) -> Result<O::Output, WaitError<O>> {
        let started = Instant::now();
        let acceptor = &self.acceptor;
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let output = self
                .client
                .send(self.request.get())
                .await
                .map_err(WaitError::Call)?;
            // Judged as the states are read: no allocation per poll beyond the answer.
            let mut tally = Tally::default();
            (acceptor.states)(&output, &mut |s| tally.see(acceptor, s));
            match tally.verdict(acceptor) {
                Verdict::Success => return Ok(output),
                Verdict::Failure(state) => {
                    let state = state.to_owned();
                    return Err(WaitError::Failed {
                        waiter: acceptor.name,
                        state,
                        response: output,
                        attempts: attempt,
                    });
                }
                Verdict::Pending => {}
            }
            let elapsed = started.elapsed();
            let remaining = acceptor.max_time.saturating_sub(elapsed);
            let delay = self.delay(attempt).min(remaining);
            if let Some(progress) = self.progress.as_mut() {
                // Only a progress callback needs the states as a list.
                let mut states: Vec<&str> = Vec::with_capacity(tally.seen);
                (acceptor.states)(&output, &mut |s| states.push(s));
                progress(&WaitProgress {
                    waiter: acceptor.name,
                    attempt,
                    elapsed,
                    states: &states,
                    next_delay: delay,
                });
            }
            if remaining.is_zero() {
                let mut last_states = Vec::with_capacity(tally.seen);
                (acceptor.states)(&output, &mut |s| last_states.push(s.to_owned()));
                return Err(WaitError::TimedOut {
                    waiter: acceptor.name,
                    elapsed,
                    attempts: attempt,
                    last_states,
                    last_response: Some(output),
                });
            }
            tokio::time::sleep(delay).await;
        }
    }

    /// `min(max_delay, min_delay * 2^(attempt-1)) * (1 - jitter * r)`.
    fn delay(&self, attempt: u32) -> Duration {
        let exponent = attempt.saturating_sub(1).min(31);
        let base = self
            .acceptor
            .min_delay
            .checked_mul(1u32 << exponent)
            .unwrap_or(self.acceptor.max_delay)
            .min(self.acceptor.max_delay);
        base.mul_f64(1.0 - self.jitter * rand::random::<f64>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ErrorMeta, PublishedError, ServiceError};
    use crate::operation::Params;
    use crate::validate::ValidationErrors;

    #[derive(Debug)]
    struct NoError(ErrorMeta);
    impl fmt::Display for NoError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.0.code)
        }
    }
    impl std::error::Error for NoError {}
    impl ServiceError for NoError {
        const PUBLISHED: &'static [PublishedError] = &[];
        fn from_meta(meta: ErrorMeta) -> Self {
            Self(meta)
        }
        fn meta(&self) -> &ErrorMeta {
            &self.0
        }
        fn is_retryable(&self) -> bool {
            false
        }
    }
    struct Poll;
    impl Operation for Poll {
        const PRODUCT: &'static str = "T";
        const VERSION: &'static str = "1";
        const ACTION: &'static str = "Poll";
        type Output = Vec<String>;
        type Error = NoError;
        fn validate(&self) -> Result<(), ValidationErrors> {
            Ok(())
        }
        fn write_params(&self, _: &mut Params) {}
    }

    fn states<'o>(out: &'o Vec<String>, sink: &mut dyn FnMut(&'o str)) {
        for s in out {
            sink(s);
        }
    }

    fn acceptor(all: bool) -> Acceptor<Poll> {
        Acceptor {
            name: "Ready",
            path: "Items[].Status",
            states,
            all,
            success: &["Running"],
            failure: &["Disabled"],
            min_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(8),
            max_time: Duration::from_secs(60),
        }
    }

    #[test]
    fn all_any_failure_and_pending() {
        let all = acceptor(true);
        assert_eq!(all.judge(&["Running", "Running"]), Verdict::Success);
        assert_eq!(all.judge(&["Running", "Starting"]), Verdict::Pending);
        assert_eq!(all.judge(&[]), Verdict::Pending);
        assert_eq!(
            all.judge(&["Running", "Disabled"]),
            Verdict::Failure("Disabled")
        );
        let any = acceptor(false);
        assert_eq!(any.judge(&["Pending", "Running"]), Verdict::Success);
        assert_eq!(any.judge(&[]), Verdict::Pending);
    }

    #[test]
    fn delays_double_up_to_the_maximum() {
        let client = Client::builder()
            .endpoint("http://127.0.0.1:9")
            .credentials(crate::Credentials::new("a", "b"))
            .build()
            .expect("client");
        let wait = Wait::new(&client, &Poll, acceptor(true)).jitter(0.0);
        let delays: Vec<u64> = (1..=6).map(|n| wait.delay(n).as_secs()).collect();
        assert_eq!(delays, [1, 2, 4, 8, 8, 8]);
        let jittered = Wait::new(&client, &Poll, acceptor(true)).jitter(0.5);
        for n in 1..=6 {
            let d = jittered.delay(n);
            assert!(
                d <= Duration::from_secs(8) && d >= Duration::from_millis(500),
                "{d:?}"
            );
        }
    }
}
