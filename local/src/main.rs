//! `swas-local`: runs the local SWAS-OPEN stand-in until SIGINT or SIGTERM.
//!
//! The first line on stdout is the bound address, `http://127.0.0.1:PORT`; everything else goes to
//! stderr.

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use swas_local::{Catalog, Config, Faults, Server};

/// A faithful local stand-in for Alibaba Cloud's SWAS-OPEN service (API version 2020-06-01):
/// real HTTP, real signatures (v1 HMAC-SHA1 and V3 ACS3-HMAC-SHA256), the CreateInstances
/// reference page's rules, ListRegions/ListPlans/ListImages/ListInstances, durable state and
/// seeded fault injection.
///
/// Prints the bound address (`http://127.0.0.1:PORT`) as the first line on stdout and serves
/// until SIGINT or SIGTERM.
#[derive(Debug, Parser)]
#[command(name = "swas-local", version)]
struct Args {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:0")]
    listen: SocketAddr,

    /// An accepted AccessKey pair as ID:SECRET (repeatable; each ID is its own account).
    /// Default when none is given: testid:testsecret.
    // Parsed after clap, whose errors would echo the value, and with it the secret.
    #[arg(long = "access-key", value_name = "ID:SECRET")]
    access_keys: Vec<String>,

    /// JSON catalogue of regions, plans and images replacing the built-in one. Shape:
    /// {"Quota":50,"Balance":10000,"Regions":[{"RegionId","LocalName","Plans":[{"PlanId","Core",
    /// "Memory","DiskSize","DiskType":"SSD|ESSD","Bandwidth","Flow","OriginPrice","Currency",
    /// "SupportPlatform":["Linux","Windows"],"Stock"}],"Images":[{"ImageId","ImageName",
    /// "ImageType","Platform","Description","MinMemory","MinDiskSize"}]}]}.
    /// `--print-catalog` prints the built-in one as a starting point.
    #[arg(long, value_name = "FILE")]
    catalog: Option<PathBuf>,

    /// Print the catalogue in use (built-in, or --catalog with overrides applied) as JSON and exit.
    #[arg(long)]
    print_catalog: bool,

    /// Persist state (instances, tokens and their answers, balances, stock) to FILE, atomically,
    /// before each answer; reloaded at start. Without it, state lives in memory.
    #[arg(long, value_name = "FILE")]
    state: Option<PathBuf>,

    /// Instances per account and region (overrides the catalogue's Quota; the page says 50).
    #[arg(long, value_name = "N")]
    quota: Option<u64>,

    /// Starting balance of every account, in the plans' currency (overrides the catalogue's
    /// Balance; default 10000).
    #[arg(long, value_name = "AMOUNT")]
    balance: Option<f64>,

    /// Sets the stock of every plan in every region to N.
    #[arg(long, value_name = "N")]
    stock: Option<u64>,

    /// Seed of the fault decisions (default: random, printed on stderr).
    #[arg(long, value_name = "N")]
    seed: Option<u64>,

    /// Fraction (0..=1) of CreateInstances calls answered InternalError (500) AFTER the order was
    /// committed and persisted.
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = parse_rate)]
    fail_rate: f64,

    /// Fraction (0..=1) of requests answered Throttling.User (400) before anything is done.
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = parse_rate)]
    throttle_rate: f64,

    /// Send `x-acs-retry-after: MS` with throttling answers (0 = no header).
    #[arg(long, value_name = "MS", default_value_t = 0)]
    throttle_retry_after_ms: u64,

    /// Fraction (0..=1) of requests whose connection is closed without an answer. For
    /// CreateInstances half of these drops happen after the order was committed, half before.
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = parse_rate)]
    drop_rate: f64,

    /// Wait this many milliseconds before handling each request.
    #[arg(long, value_name = "N", default_value_t = 0)]
    latency_ms: u64,

    /// How long instances take through their lifecycle phases (Pending → Starting → Running
    /// after creation; Stopping, Starting on stop, start and reboot), in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    lifecycle_delay_ms: u64,

    /// Largest request body accepted, in bytes; larger ones get RequestEntityTooLarge (413).
    #[arg(long, value_name = "BYTES", default_value_t = swas_local::server::DEFAULT_MAX_BODY_BYTES)]
    max_body_bytes: usize,

    /// Connections served at once (default: the open-files limit less 64); a new one beyond them
    /// closes the least recently answered connection that is not acting on a request.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    max_connections: Option<u64>,

    /// Milliseconds a client has to send a request's headers, and then its whole body; a body
    /// not complete by then is answered RequestTimeout (408).
    #[arg(long, value_name = "MS", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..=3_600_000))]
    body_timeout_ms: u64,

    /// Milliseconds a client has to take (read) any part of an answer; a connection whose answer
    /// makes no progress for that long is closed.
    #[arg(long, value_name = "MS", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..=3_600_000))]
    write_timeout_ms: u64,

    /// Bytes of request heads being received, all connections together; past it, the
    /// connections holding them longest are closed (each head is at most 64 KiB).
    #[arg(long, value_name = "BYTES", default_value_t = swas_local::server::DEFAULT_MAX_HEAD_BYTES, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(65_536..=(1 << 40)))]
    max_head_bytes: usize,

    /// Signature nonces remembered at once per AccessKey ID (about 100 bytes each); when an ID
    /// has that many unexpired, its requests are answered Throttling.User, with a retry-after
    /// until the earliest expires (at most 15 minutes after its use); other IDs go on.
    #[arg(long, value_name = "N", default_value_t = swas_local::auth::MAX_NONCES, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=100_000_000))]
    max_nonces: usize,
}

/// `ID:SECRET`; the error never repeats the value, which holds a secret.
fn parse_access_key(value: &str) -> Result<(String, String), &'static str> {
    match value.split_once(':') {
        Some((id, secret)) if !id.is_empty() && !secret.is_empty() => {
            Ok((id.to_owned(), secret.to_owned()))
        }
        _ => Err("expected ID:SECRET with both parts non-empty (the value is not shown: it holds a secret)"),
    }
}

fn parse_rate(value: &str) -> Result<f64, String> {
    let rate: f64 = value
        .parse()
        .map_err(|_| format!("{value:?} is not a number"))?;
    if (0.0..=1.0).contains(&rate) {
        Ok(rate)
    } else {
        Err(format!("{rate} is not between 0 and 1"))
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            swas_local::report!("swas-local: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(run(args))
}

async fn run(args: Args) -> ExitCode {
    let mut catalog = match &args.catalog {
        Some(path) => match Catalog::load(path) {
            Ok(catalog) => catalog,
            Err(e) => {
                swas_local::report!("swas-local: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => Catalog::builtin(),
    };
    if let Some(quota) = args.quota {
        catalog.quota = quota;
    }
    if let Some(balance) = args.balance {
        catalog.balance = balance;
    }
    if let Some(stock) = args.stock {
        catalog = catalog.with_stock(stock);
    }
    if args.print_catalog {
        return match serde_json::to_string_pretty(&catalog) {
            Ok(json) => {
                let mut stdout = std::io::stdout().lock();
                if writeln!(stdout, "{json}").is_ok() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            }
            Err(e) => {
                swas_local::report!("swas-local: cannot print the catalogue: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let mut config = Config {
        listen: args.listen,
        catalog,
        state_file: args.state.clone(),
        faults: Faults {
            fail_rate: args.fail_rate,
            throttle_rate: args.throttle_rate,
            throttle_retry_after: (args.throttle_retry_after_ms > 0)
                .then(|| Duration::from_millis(args.throttle_retry_after_ms)),
            drop_rate: args.drop_rate,
            latency: Duration::from_millis(args.latency_ms),
            seed: args.seed,
        },
        max_body_bytes: args.max_body_bytes,
        lifecycle_delay: Duration::from_millis(args.lifecycle_delay_ms),
        body_timeout: Duration::from_millis(args.body_timeout_ms),
        write_timeout: Duration::from_millis(args.write_timeout_ms),
        max_head_bytes: args.max_head_bytes,
        max_nonces: args.max_nonces,
        ..Config::default()
    };
    if let Some(n) = args.max_connections {
        config.max_connections = usize::try_from(n).unwrap_or(usize::MAX);
    }
    if !args.access_keys.is_empty() {
        let mut keys = Vec::with_capacity(args.access_keys.len());
        for (i, value) in args.access_keys.iter().enumerate() {
            match parse_access_key(value) {
                Ok(key) => keys.push(key),
                Err(why) => {
                    swas_local::report!("swas-local: --access-key #{}: {why}", i + 1);
                    return ExitCode::from(2);
                }
            }
        }
        config.access_keys = keys;
    }
    let key_ids: Vec<&str> = config
        .access_keys
        .iter()
        .map(|(id, _)| id.as_str())
        .collect();
    let key_ids = key_ids.join(", ");

    let server = match Server::start(config).await {
        Ok(server) => server,
        Err(e) => {
            swas_local::report!("swas-local: {e}");
            return ExitCode::FAILURE;
        }
    };
    {
        let mut stdout = std::io::stdout().lock();
        if writeln!(stdout, "{}", server.url())
            .and_then(|()| stdout.flush())
            .is_err()
        {
            swas_local::report!("swas-local: cannot write the address to stdout");
        }
    }
    swas_local::report!(
        "swas-local: serving SWAS-OPEN 2020-06-01 on {} (access keys: {key_ids}; fault seed {}; state {})",
        server.url(),
        server.seed(),
        args.state
            .as_ref()
            .map_or_else(|| "in memory".to_owned(), |p| p.display().to_string()),
    );

    wait_for_signal().await;
    swas_local::report!("swas-local: shutting down");
    server.shutdown().await;
    ExitCode::SUCCESS
}

#[cfg(unix)]
async fn wait_for_signal() {
    use tokio::signal::unix::{signal, SignalKind};
    match signal(SignalKind::terminate()) {
        Ok(mut term) => {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
        }
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[cfg(not(unix))]
async fn wait_for_signal() {
    let _ = tokio::signal::ctrl_c().await;
}
