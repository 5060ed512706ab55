//! One timer per attempt for both limits on waiting for a server: the read timeout (the longest
//! wait for any one read) and the operation's deadline.
//!
//! reqwest's own `read_timeout` arms a timer for the response headers and another for every
//! body frame, and the client's deadline a third, on every call; each is an insertion into and
//! a removal from the runtime's timer wheel. Here a read that is ready when first polled (the
//! usual body, which arrives with its headers) touches no timer at all, and a later wait moves
//! the one timer's expiry, which the runtime does without touching the wheel.

use std::future::Future;
use std::pin::{pin, Pin};
use std::task::Poll;
use std::time::Duration;

use tokio::time::{Instant, Sleep};

/// Which limit ended a wait.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LimitPassed {
    /// No data came for the read timeout.
    ReadTimeout(Duration),
    /// The operation's deadline passed.
    Deadline,
}

/// The limits of one attempt's waits, with the timer they share once a wait has to wait.
pub(crate) struct WaitLimit<'t> {
    read_timeout: Option<Duration>,
    deadline: Option<Instant>,
    /// Pinned by the caller (in the attempt's own future: no allocation); empty until needed.
    timer: Pin<&'t mut Option<Sleep>>,
}

impl<'t> WaitLimit<'t> {
    /// Limits for one attempt, with `timer` (`pin!(None)`) to keep the timer in.
    pub(crate) fn new(
        read_timeout: Option<Duration>,
        deadline: Option<Instant>,
        timer: Pin<&'t mut Option<Sleep>>,
    ) -> Self {
        Self {
            read_timeout,
            deadline,
            timer,
        }
    }

    /// Runs `work` (one read: the response headers, or one body chunk) under both limits.
    pub(crate) async fn wait<F: Future>(&mut self, work: F) -> Result<F::Output, LimitPassed> {
        if self.read_timeout.is_none() && self.deadline.is_none() {
            return Ok(work.await);
        }
        let mut work = pin!(work);
        // The end of this wait, computed when it first has to wait.
        let mut limit: Option<(Instant, LimitPassed)> = None;
        std::future::poll_fn(|cx| {
            if let Poll::Ready(output) = work.as_mut().poll(cx) {
                return Poll::Ready(Ok(output));
            }
            let (until, passed) = *limit.get_or_insert_with(|| self.limit_from(Instant::now()));
            let mut timer = self.timer.as_mut();
            match timer.as_mut().as_pin_mut() {
                // A later expiry is an atomic update of the registered timer.
                Some(sleep) if sleep.deadline() != until => sleep.reset(until),
                Some(_) => {}
                None => timer.set(Some(tokio::time::sleep_until(until))),
            }
            match timer.as_pin_mut().map(|sleep| sleep.poll(cx)) {
                Some(Poll::Ready(())) => Poll::Ready(Err(passed)),
                _ => Poll::Pending,
            }
        })
        .await
    }

    /// When a wait starting at `now` ends, and which limit ends it.
    fn limit_from(&self, now: Instant) -> (Instant, LimitPassed) {
        let read = self
            .read_timeout
            .and_then(|timeout| Some((now.checked_add(timeout)?, timeout)));
        match (read, self.deadline) {
            (Some((read_end, timeout)), Some(deadline)) if read_end < deadline => {
                (read_end, LimitPassed::ReadTimeout(timeout))
            }
            (_, Some(deadline)) => (deadline, LimitPassed::Deadline),
            (Some((read_end, timeout)), None) => (read_end, LimitPassed::ReadTimeout(timeout)),
            // No deadline, and a read timeout too large to add: no limit this far out.
            (None, None) => (
                now + Duration::from_secs(86_400 * 365),
                LimitPassed::ReadTimeout(self.read_timeout.unwrap_or(Duration::MAX)),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Real time (the runtime's paused clock needs tokio's `test-util`): limits are checked
    // from below exactly and from above with room for a busy machine.
    const SLACK: Duration = Duration::from_secs(5);

    #[tokio::test]
    async fn a_ready_read_needs_no_timer() {
        let timer = pin!(None);
        let mut limit = WaitLimit::new(Some(Duration::from_millis(50)), None, timer);
        assert_eq!(limit.wait(async { 7 }).await, Ok(7));
        assert!(limit.timer.as_ref().get_ref().is_none());
    }

    #[tokio::test]
    async fn each_read_has_the_read_timeout_afresh() {
        let read_timeout = Duration::from_millis(300);
        let timer = pin!(None);
        let mut limit = WaitLimit::new(Some(read_timeout), None, timer);
        let started = Instant::now();
        // Four reads of 100 ms: 400 ms in all, longer than one read timeout.
        for _ in 0..4 {
            let read = tokio::time::sleep(Duration::from_millis(100));
            assert_eq!(limit.wait(read).await, Ok(()));
        }
        assert!(limit.timer.as_ref().get_ref().is_some());
        let stall_started = Instant::now();
        let stalled = std::future::pending::<()>();
        assert_eq!(
            limit.wait(stalled).await,
            Err(LimitPassed::ReadTimeout(read_timeout))
        );
        assert!(stall_started.elapsed() >= read_timeout);
        assert!(started.elapsed() < Duration::from_millis(700) + SLACK);
    }

    #[tokio::test]
    async fn the_deadline_ends_reads_that_each_keep_within_the_read_timeout() {
        let started = Instant::now();
        let deadline = started + Duration::from_millis(150);
        let timer = pin!(None);
        let mut limit = WaitLimit::new(Some(Duration::from_secs(2)), Some(deadline), timer);
        let mut reads = 0;
        let passed = loop {
            match limit
                .wait(tokio::time::sleep(Duration::from_millis(20)))
                .await
            {
                Ok(()) => reads += 1,
                Err(passed) => break passed,
            }
            assert!(reads < 100, "the deadline never ended the reads");
        };
        assert_eq!(passed, LimitPassed::Deadline);
        // At most 150 / 20 reads fit; at least one on any machine that runs this in time.
        assert!((1..=7).contains(&reads), "{reads} reads");
        assert!(Instant::now() >= deadline);
        assert!(started.elapsed() < SLACK);
    }

    #[tokio::test]
    async fn without_a_read_timeout_only_the_deadline_counts() {
        let started = Instant::now();
        let deadline = started + Duration::from_millis(80);
        let timer = pin!(None);
        let mut limit = WaitLimit::new(None, Some(deadline), timer);
        assert_eq!(
            limit.wait(std::future::pending::<()>()).await,
            Err(LimitPassed::Deadline)
        );
        assert!(Instant::now() >= deadline);
        assert!(started.elapsed() < SLACK);
    }

    #[test]
    fn the_nearer_limit_ends_a_wait() {
        let now = Instant::now();
        let second = Duration::from_secs(1);
        let timer = pin!(None);
        let limit = WaitLimit::new(Some(second), Some(now + 2 * second), timer);
        assert_eq!(
            limit.limit_from(now),
            (now + second, LimitPassed::ReadTimeout(second))
        );
        assert_eq!(
            limit.limit_from(now + second + second / 2),
            (now + 2 * second, LimitPassed::Deadline)
        );
    }
}
