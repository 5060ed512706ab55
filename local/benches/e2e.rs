//! End-to-end CreateInstances calls against an in-process `swas-local` over loopback with
//! keep-alive, through the SDK (`acs_runtime::Client` + `swas::CreateInstances`) and, in the same
//! run, through a bare reqwest client that sends the same request signed afresh per call by a
//! minimal inline v1 signer — so the SDK's own overhead is visible.
//!
//! ```text
//! cargo bench -p swas-local --bench e2e -- --warm-up-time 1 --measurement-time 5
//! ```
//!
//! Criterion reports time per call and calls/s ("elem/s") for each mode; afterwards a fixed-length
//! pass per mode prints calls/s, median latency and the SDK's overhead against the bare client.
//! The server runs with in-memory state, no latency, no faults, and limits high enough for
//! hundreds of thousands of orders.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use acs_runtime::client::Client;
use acs_runtime::{Credentials, RetryConfig};
use base64::Engine as _;
use criterion::{Criterion, Throughput};
use hmac::{Hmac, Mac as _};
use swas::CreateInstances;
use swas_local::{Catalog, Config, RunningServer, Server};

const IN_FLIGHT: usize = 32;

fn server_config() -> Config {
    let mut catalog = Catalog::builtin().with_stock(u64::MAX / 2);
    catalog.quota = u64::MAX / 2;
    catalog.balance = 1.0e15;
    Config {
        catalog,
        // Every call uses a fresh nonce, remembered for 15 minutes: the default bound (100,000)
        // is reached within seconds at these rates, and would answer Throttling.User.
        max_nonces: 20_000_000,
        ..Config::default()
    }
}

fn request() -> CreateInstances {
    let mut request = CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id("e2c9c365024a44369c9b955a998a1234")
        .plan_id("swas.s1.c1m1s40b3t05")
        .period(1)
        .amount(1)
        .build();
    // `build()` fixed a token in the value; cleared, the SDK fills a fresh one per call, as the
    // bare client does — every call is a new order, not an idempotent replay.
    request.client_token = None;
    request
}

/// The bare client: reqwest plus an inline v1 signer, nothing from the SDK.
struct Bare {
    http: reqwest::Client,
    base: String,
    key: Hmac<sha1::Sha1>,
}

#[derive(serde::Deserialize)]
struct BareResponse {
    #[serde(rename = "InstanceIds")]
    instance_ids: Vec<String>,
}

fn encode(input: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in input.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

impl Bare {
    fn new(base: &str, like_sdk: bool) -> Self {
        let builder = if like_sdk {
            reqwest::Client::builder()
                .connect_timeout(Duration::from_secs(5))
                .read_timeout(Duration::from_secs(10))
                .redirect(reqwest::redirect::Policy::none())
                .user_agent("acs-runtime/0.1.0")
        } else {
            reqwest::Client::builder()
        };
        Self {
            http: builder.build().expect("reqwest client"),
            base: format!("{base}/?"),
            key: <Hmac<sha1::Sha1> as hmac::Mac>::new_from_slice(b"testsecret&").expect("hmac key"),
        }
    }

    /// The signed URL of one fresh request.
    fn url(&self) -> String {
        let nonce = format!("{:032x}", rand::random::<u128>());
        let token = uuid::Uuid::new_v4().to_string();
        let timestamp = time::OffsetDateTime::now_utc()
            .format(time::macros::format_description!(
                "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
            ))
            .expect("timestamp");
        let mut params = [
            ("AccessKeyId", "testid"),
            ("Action", "CreateInstances"),
            ("Amount", "1"),
            ("ClientToken", token.as_str()),
            ("Format", "JSON"),
            ("ImageId", "e2c9c365024a44369c9b955a998a1234"),
            ("Period", "1"),
            ("PlanId", "swas.s1.c1m1s40b3t05"),
            ("RegionId", "cn-hangzhou"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureNonce", nonce.as_str()),
            ("SignatureVersion", "1.0"),
            ("Timestamp", timestamp.as_str()),
            ("Version", "2020-06-01"),
        ];
        params.sort_unstable();
        let mut query = String::with_capacity(512);
        for (i, (name, value)) in params.iter().enumerate() {
            if i > 0 {
                query.push('&');
            }
            encode(name, &mut query);
            query.push('=');
            encode(value, &mut query);
        }
        let mut to_sign = String::with_capacity(query.len() * 5 / 4 + 8);
        to_sign.push_str("POST&%2F&");
        encode(&query, &mut to_sign);
        let mut mac = self.key.clone();
        mac.update(to_sign.as_bytes());
        let signature =
            base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
        let mut url = String::with_capacity(self.base.len() + query.len() + 48);
        url.push_str(&self.base);
        url.push_str(&query);
        url.push_str("&Signature=");
        encode(&signature, &mut url);
        url
    }

    async fn call(&self) {
        let response = self
            .http
            .post(self.url())
            .header("content-length", "0")
            .send()
            .await
            .expect("bare call answered");
        assert_eq!(response.status(), 200, "bare call failed");
        let body = response.bytes().await.expect("bare body");
        let parsed: BareResponse = serde_json::from_slice(&body).expect("bare response parses");
        assert_eq!(parsed.instance_ids.len(), 1);
    }
}

fn sdk_client(url: &str) -> Client {
    Client::builder()
        .endpoint(url)
        .credentials(Credentials::new("testid", "testsecret"))
        .retry(RetryConfig::disabled())
        .build()
        .expect("SDK client")
}

async fn sdk_call(client: &Client, request: &CreateInstances) {
    let output = client.send(request).await.expect("SDK call succeeds");
    assert_eq!(output.instance_ids.len(), 1);
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Sdk,
    Bare,
    /// The bare client on a reqwest client configured like the SDK's (connect and read
    /// timeouts, no redirects, user agent): separates the SDK's code from its HTTP settings.
    BareTimeouts,
}

struct Setup {
    sdk: Client,
    bare: Arc<Bare>,
    bare_timeouts: Arc<Bare>,
    request: Arc<CreateInstances>,
}

impl Setup {
    async fn one(&self, mode: Mode) {
        match mode {
            Mode::Sdk => sdk_call(&self.sdk, &self.request).await,
            Mode::Bare => self.bare.call().await,
            Mode::BareTimeouts => self.bare_timeouts.call().await,
        }
    }
}

/// Runs `total` calls with `in_flight` concurrent workers; returns the elapsed time and each
/// call's latency.
async fn run(
    setup: &Arc<Setup>,
    mode: Mode,
    in_flight: usize,
    total: u64,
) -> (Duration, Vec<Duration>) {
    let next = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(in_flight);
    for _ in 0..in_flight {
        let setup = Arc::clone(setup);
        let next = Arc::clone(&next);
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            while next.fetch_add(1, Ordering::Relaxed) < total {
                let t = Instant::now();
                setup.one(mode).await;
                latencies.push(t.elapsed());
            }
            latencies
        }));
    }
    let mut latencies = Vec::with_capacity(usize::try_from(total).unwrap_or(0));
    for task in tasks {
        latencies.extend(task.await.expect("worker"));
    }
    (started.elapsed(), latencies)
}

/// Runs calls for `duration`; returns calls/s and the median latency.
async fn run_for(
    setup: &Arc<Setup>,
    mode: Mode,
    in_flight: usize,
    duration: Duration,
) -> (f64, Duration) {
    let stop = Instant::now() + duration;
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(in_flight);
    for _ in 0..in_flight {
        let setup = Arc::clone(setup);
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            while Instant::now() < stop {
                let t = Instant::now();
                setup.one(mode).await;
                latencies.push(t.elapsed());
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.expect("worker"));
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort_unstable();
    let median = latencies
        .get(latencies.len() / 2)
        .copied()
        .unwrap_or_default();
    (latencies.len() as f64 / elapsed, median)
}

/// Interleaved fixed-length runs of every mode (`E2E_SUMMARY_ROUNDS` rounds of
/// `E2E_SUMMARY_SECS` seconds each, default 5 × 1 s); medians over the rounds, so that drift and
/// neighbours on the machine hit all modes alike.
fn summary(runtime: &tokio::runtime::Runtime, setup: &Arc<Setup>) {
    let env = |name: &str, default: f64| {
        std::env::var(name)
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(default)
    };
    let secs = env("E2E_SUMMARY_SECS", 1.0);
    let rounds = env("E2E_SUMMARY_ROUNDS", 5.0).max(1.0) as usize;
    let window = Duration::from_secs_f64(secs);
    let modes = [
        ("sdk        sequential", Mode::Sdk, 1),
        ("bare       sequential", Mode::Bare, 1),
        ("bare+sdk-http sequential", Mode::BareTimeouts, 1),
        ("sdk        32 in flight", Mode::Sdk, IN_FLIGHT),
        ("bare       32 in flight", Mode::Bare, IN_FLIGHT),
        ("bare+sdk-http 32 in flight", Mode::BareTimeouts, IN_FLIGHT),
    ];
    let mut rates = vec![Vec::new(); modes.len()];
    let mut medians = vec![Vec::new(); modes.len()];
    for _ in 0..rounds {
        for (i, (_, mode, in_flight)) in modes.iter().enumerate() {
            let (rate, median) = runtime.block_on(run_for(setup, *mode, *in_flight, window));
            rates[i].push(rate);
            medians[i].push(median);
        }
    }
    let mid_f = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!("\nSummary: {rounds} interleaved rounds of {secs} s per mode, medians over rounds");
    println!("{:<28} {:>10} {:>16}", "mode", "calls/s", "median latency");
    let mut rate = Vec::new();
    for (i, (name, _, _)) in modes.iter().enumerate() {
        let r = mid_f(&mut rates[i]);
        medians[i].sort_unstable();
        let m = medians[i][medians[i].len() / 2];
        println!("{name:<28} {r:>10.0} {:>13.1} µs", m.as_secs_f64() * 1e6);
        rate.push(r);
    }
    let cost = |sdk: f64, bare: f64| (1.0 - sdk / bare) * 100.0;
    println!(
        "SDK throughput cost vs bare: sequential {:.1}%, {IN_FLIGHT} in flight {:.1}% (goal: at most 5%, issue 10)",
        cost(rate[0], rate[1]),
        cost(rate[3], rate[4]),
    );
    println!(
        "SDK throughput cost vs bare with the SDK's HTTP settings: sequential {:.1}%, {IN_FLIGHT} in flight {:.1}%",
        cost(rate[0], rate[2]),
        cost(rate[3], rate[5]),
    );
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let server: RunningServer = runtime
        .block_on(Server::start(server_config()))
        .expect("swas-local starts");
    let url = server.url();
    let setup = Arc::new(Setup {
        sdk: sdk_client(&url),
        bare: Arc::new(Bare::new(&url, false)),
        bare_timeouts: Arc::new(Bare::new(&url, true)),
        request: Arc::new(request()),
    });
    // Both clients work before anything is measured.
    runtime.block_on(async {
        setup.one(Mode::Sdk).await;
        setup.one(Mode::Bare).await;
        setup.one(Mode::BareTimeouts).await;
    });

    let mut criterion = Criterion::default().configure_from_args();
    {
        let mut group = criterion.benchmark_group("create_instances");
        group.throughput(Throughput::Elements(1));
        for (name, mode, in_flight) in [
            ("sdk/sequential", Mode::Sdk, 1),
            ("bare/sequential", Mode::Bare, 1),
            ("sdk/32_in_flight", Mode::Sdk, IN_FLIGHT),
            ("bare/32_in_flight", Mode::Bare, IN_FLIGHT),
        ] {
            group.bench_function(name, |b| {
                b.iter_custom(|iters| runtime.block_on(run(&setup, mode, in_flight, iters)).0);
            });
        }
        group.finish();
    }
    {
        // Client-side work only, no I/O: what the SDK adds before a request leaves.
        let mut group = criterion.benchmark_group("sign_only");
        group.throughput(Throughput::Elements(1));
        let request = request();
        group.bench_function("sdk/prepare", |b| {
            b.iter(|| setup.sdk.prepare(&request).expect("prepares"));
        });
        group.bench_function("bare/url", |b| b.iter(|| setup.bare.url()));
        group.finish();
    }
    criterion.final_summary();

    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--test" || a == "--list");
    if !quick {
        summary(&runtime, &setup);
    }
    runtime.block_on(server.shutdown());
}
