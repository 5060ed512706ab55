//! Instructions per prepare, for callgrind: unlike timings, the count repeats on a busy machine.
//!
//! ```text
//! cargo bench -p acs-benches --bench prepare_instructions --no-run
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null --toggle-collect='*measured*' \
//!     target/release/deps/prepare_instructions-<hash> fresh 2000
//! ```
//!
//! Each mode warms up (thread-locals, the random generator, allocator pools) outside the counted
//! function, then calls the prepare path `N` times inside `measured`; callgrind's total divided by
//! `N` is the count per call (`benches/run_all.sh` does the division).

mod setup;

use std::hint::black_box;

use acs_runtime::client::{Client, SignatureVersion};
use setup::{client, fixed_time, request, FIXED_NONCE};
use swas::CreateInstances;

/// The prepare path of one mode: `fresh` (clock and a new nonce, what `send` does per attempt),
/// `fixed` (given time and nonce) or `v3` (fixed, ACS3-HMAC-SHA256).
fn once(mode: &str, v1: &Client, v3: &Client, request: &CreateInstances) {
    let (time, nonce) = (fixed_time(), FIXED_NONCE);
    let prepared = match mode {
        "fresh" => v1.prepare(black_box(request)),
        "fixed" => v1.prepare_at(black_box(request), time, nonce),
        _ => v3.prepare_at(black_box(request), time, nonce),
    };
    black_box(prepared.expect("prepares"));
}

/// The function callgrind counts (`--toggle-collect='*measured*'`).
#[inline(never)]
fn measured(mode: &str, calls: u32, v1: &Client, v3: &Client, request: &CreateInstances) {
    for _ in 0..calls {
        once(mode, v1, v3, request);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `cargo bench` passes `--bench`; run only when given a mode.
    let Some(mode) = args
        .get(1)
        .filter(|m| matches!(m.as_str(), "fresh" | "fixed" | "v3"))
    else {
        eprintln!(
            "usage: prepare_instructions fresh|fixed|v3 [CALLS [cpu]]  (under callgrind, or cpu)"
        );
        return;
    };
    let calls: u32 = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(2000);
    let (v1, v3, request) = (
        client(SignatureVersion::V1),
        client(SignatureVersion::V3),
        request(),
    );
    for _ in 0..200 {
        once(mode, &v1, &v3, &request);
    }
    let cpu = cpu_ticks();
    measured(mode, calls, &v1, &v3, &request);
    // With `cpu` as third argument: CPU time per call from the process's user + system ticks
    // (10 ms each, so give a million calls or more): unlike wall time, time the process spent
    // waiting for a core on a busy machine is not counted.
    if args.get(3).is_some_and(|a| a == "cpu") {
        let ticks = cpu_ticks().saturating_sub(cpu);
        println!(
            "{mode}: {calls} calls, {:.3} µs CPU per call",
            ticks as f64 * 10_000.0 / f64::from(calls)
        );
    } else {
        println!("{mode}: {calls} calls");
    }
}

/// User + system CPU ticks of this process so far (`/proc/self/stat`; 0 where there is none).
fn cpu_ticks() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may contain spaces) close with `)`.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let field = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    field(11) + field(12)
}
