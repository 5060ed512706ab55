//! Maintainers' CLI: `check` specs, `expand` them to pretty-printed Rust, `import` vendor
//! metadata snapshots into specs (and a facade crate's operation list and features), `diff` two
//! versions of an API.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "acs-codegen",
    version,
    about = "Alibaba Cloud RPC spec tools: check, expand, import, diff"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate specs (the macro's messages): files, or folders (every `*.json` in them), all
    /// errors at once; exit 1 on errors.
    Check {
        #[arg(required = true)]
        specs: Vec<PathBuf>,
    },
    /// Print the generated Rust, pretty-printed.
    Expand {
        spec: PathBuf,
        /// Only these operations (repeatable).
        #[arg(long = "operation")]
        operations: Vec<String>,
    },
    /// Convert vendor metadata snapshots of one API version (files or folders, any order: they
    /// are layered by the date their names start with) into one spec per operation plus
    /// `_service.json`. Checks everything first: exit 1 and nothing written when a spec would
    /// fail its check; 2 on unusable input.
    Import {
        #[arg(required = true)]
        snapshots: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        overlay_dir: Option<PathBuf>,
        /// A facade crate (with a `facade.json`) whose `src/operations.rs` and Cargo features
        /// are written from the imported specs.
        #[arg(long)]
        facade: Option<PathBuf>,
        /// Report what would change; write nothing (exit 1 when something would change).
        #[arg(long)]
        check_only: bool,
        /// For a new facade crate (no Cargo.toml yet): the operations of its default feature,
        /// comma-separated.
        #[arg(long, value_delimiter = ',')]
        default_operations: Vec<String>,
        /// An unpacked official SDK package (`npm pack @alicloud/<product><version>`, then
        /// `tar xzf`) whose English texts are attached (repeatable; the newest version wins per
        /// text). Without it the English the specs in --out carry is kept.
        #[arg(long)]
        docs: Vec<PathBuf>,
    },
    /// Compare two versions (spec file, spec folder or vendor metadata): exit 0 compatible,
    /// 1 breaking, 2 bad input.
    Diff {
        old: PathBuf,
        new: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check { specs } => check(&specs),
        Command::Expand { spec, operations } => expand(&spec, operations),
        Command::Import {
            snapshots,
            out,
            overlay_dir,
            facade,
            check_only,
            default_operations,
            docs,
        } => import(acs_codegen::import::write::RunOptions {
            inputs: snapshots,
            out,
            overlay_dir,
            facade,
            dry_run: check_only,
            default_operations,
            docs,
        }),
        Command::Diff { old, new, format } => diff(&old, &new, format),
    }
}

fn check(paths: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in paths {
        let shown = path.display().to_string();
        if !path.is_dir() {
            match check_file(path) {
                Some(spec) => println!(
                    "{shown}: ok ({} {}, {} operation(s))",
                    spec.product,
                    spec.version,
                    spec.operations.len()
                ),
                None => failed = true,
            }
            continue;
        }
        // A folder: every spec in it, every error of each, then one line for the folder.
        let files = match spec_files(path) {
            Ok(files) if !files.is_empty() => files,
            Ok(_) => {
                eprintln!("error: {shown}: no *.json spec in this folder");
                failed = true;
                continue;
            }
            Err(e) => {
                eprintln!("error: {shown}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        let (mut ok, mut bad, mut operations) = (0, 0, 0);
        for file in &files {
            match check_file(file) {
                Some(spec) => {
                    ok += 1;
                    operations += spec.operations.len();
                }
                None => bad += 1,
            }
        }
        failed |= bad > 0;
        println!(
            "{shown}: {} spec(s), {ok} ok, {bad} with errors ({operations} operation(s) in the good ones)",
            files.len()
        );
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Loads and checks one spec; prints its errors and returns `None` when it has any.
fn check_file(path: &Path) -> Option<acs_codegen::ServiceSpec> {
    let shown = path.display().to_string();
    match acs_codegen::load_spec(path, &shown) {
        Ok(spec) => Some(spec),
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!("{shown}: {} error(s)", errors.len());
            None
        }
    }
}

/// The `*.json` files directly in `dir`, sorted by name.
fn spec_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|x| x == "json") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn expand(path: &Path, operations: Vec<String>) -> ExitCode {
    let shown = path.display().to_string();
    let spec = match acs_codegen::load_spec(path, &shown) {
        Ok(spec) => spec,
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            return ExitCode::FAILURE;
        }
    };
    let mut options = acs_codegen::Options::default();
    if !operations.is_empty() {
        options.operations = Some(operations);
        let unknown = acs_codegen::generate::unknown_operations(&spec, &options);
        if !unknown.is_empty() {
            eprintln!("error: not operations of {shown}: {}", unknown.join(", "));
            return ExitCode::FAILURE;
        }
    }
    match acs_codegen::pretty(acs_codegen::generate(&spec, &options)) {
        Ok(code) => {
            print!("{code}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: generated code does not parse (a generator bug): {e}");
            ExitCode::FAILURE
        }
    }
}

fn import(options: acs_codegen::import::write::RunOptions) -> ExitCode {
    match acs_codegen::import::run(&options) {
        Ok(outcome) => {
            let origin = outcome.snapshots.last().cloned().unwrap_or_default();
            for r in &outcome.imported.inferences {
                eprintln!("info: {origin}#{r}");
            }
            for r in &outcome.imported.reports {
                eprintln!("report: {origin}#{r}");
            }
            for e in &outcome.check_errors {
                eprintln!("error: {e}");
            }
            for stale in &outcome.stale {
                eprintln!("warning: {stale} is not an operation of the newest snapshot (left in place; delete it if the operation is gone)");
            }
            for path in &outcome.changed {
                let verb = if options.dry_run {
                    "would change"
                } else {
                    "wrote"
                };
                eprintln!("{verb}: {}", path.display());
            }
            eprintln!("{}", outcome.summary());
            if !outcome.check_errors.is_empty() || (options.dry_run && !outcome.changed.is_empty())
            {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn diff(old: &Path, new: &Path, format: Format) -> ExitCode {
    let (old_set, new_set) = match (acs_codegen::diff::load(old), acs_codegen::diff::load(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            for e in [a.err(), b.err()].into_iter().flatten().flatten() {
                eprintln!("error: {e}");
            }
            return ExitCode::from(2);
        }
    };
    let report = acs_codegen::diff::diff(&old_set, &new_set);
    match format {
        Format::Text => print!("{}", report.to_text()),
        Format::Json => match serde_json::to_string_pretty(&report.to_json()) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        },
    }
    if report.is_breaking() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
