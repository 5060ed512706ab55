//! Maintainers' CLI: `check` specs, `expand` them to pretty-printed Rust, `import` vendor
//! metadata into specs, `diff` two specs or metadata files.

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  acs-codegen check SPEC...                     validate specs (same messages as the macro)
  acs-codegen expand SPEC [--operation NAME]... print the generated Rust, pretty-printed
  acs-codegen import VENDOR_API_DOCS.json --out DIR [--overlay-dir DIR]
                                                convert vendor metadata into one spec per operation
                                                (+ _service.json); exit 0 even with reports,
                                                1 when a written spec fails its check, 2 on bad input
  acs-codegen diff OLD NEW [--format text|json] compare specs (file, directory of specs, or vendor
                                                metadata): exit 0 compatible, 1 breaking, 2 bad input";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("expand") => expand(&args[1..]),
        Some("import") => import(&args[1..]),
        Some("diff") => diff(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn check(paths: &[String]) -> ExitCode {
    if paths.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for path in paths {
        match acs_codegen::load_spec(Path::new(path), path) {
            Ok(spec) => println!(
                "{path}: ok ({} {}, {} operation(s))",
                spec.product,
                spec.version,
                spec.operations.len()
            ),
            Err(errors) => {
                failed = true;
                for e in &errors {
                    eprintln!("error: {e}");
                }
                eprintln!("{path}: {} error(s)", errors.len());
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn expand(args: &[String]) -> ExitCode {
    let mut spec_path = None;
    let mut operations = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--operation" => match iter.next() {
                Some(op) => operations.push(op.clone()),
                None => {
                    eprintln!("--operation needs a name\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            _ if spec_path.is_none() => spec_path = Some(arg.clone()),
            _ => {
                eprintln!("unexpected argument `{arg}`\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = spec_path else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let spec = match acs_codegen::load_spec(Path::new(&path), &path) {
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
            eprintln!("error: not operations of {path}: {}", unknown.join(", "));
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

fn import(args: &[String]) -> ExitCode {
    let mut input = None;
    let mut out = None;
    let mut overlay_dir = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--out" | "--overlay-dir" => {
                let Some(value) = iter.next() else {
                    eprintln!("{arg} needs a directory\n{USAGE}");
                    return ExitCode::from(2);
                };
                if arg == "--out" {
                    out = Some(value.clone());
                } else {
                    overlay_dir = Some(value.clone());
                }
            }
            _ if input.is_none() && !arg.starts_with("--") => input = Some(arg.clone()),
            _ => {
                eprintln!("unexpected argument `{arg}`\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(input), Some(out)) = (input, out) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match acs_codegen::import::run(
        Path::new(&input),
        Path::new(&out),
        overlay_dir.as_deref().map(Path::new),
    ) {
        Ok(outcome) => {
            for r in &outcome.imported.inferences {
                eprintln!("info: {input}#{r}");
            }
            for r in &outcome.imported.reports {
                eprintln!("report: {input}#{r}");
            }
            for e in &outcome.check_errors {
                eprintln!("error: {e}");
            }
            for stale in &outcome.stale {
                eprintln!("warning: {stale} is not an operation of {input} (left in place; delete it if the operation is gone)");
            }
            eprintln!("{}", outcome.summary());
            if outcome.check_errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn diff(args: &[String]) -> ExitCode {
    let mut paths = Vec::new();
    let mut format = acs_codegen::diff::Format::Text;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--format" => match iter.next().map(String::as_str) {
                Some("text") => format = acs_codegen::diff::Format::Text,
                Some("json") => format = acs_codegen::diff::Format::Json,
                other => {
                    eprintln!("--format takes text or json, not {other:?}\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            _ if !arg.starts_with("--") => paths.push(arg.clone()),
            _ => {
                eprintln!("unexpected argument `{arg}`\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let [old, new] = paths.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let load = |p: &str| acs_codegen::diff::load(Path::new(p));
    let (old_set, new_set) = match (load(old), load(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            for e in [a.err(), b.err()].into_iter().flatten() {
                eprintln!("error: {e}");
            }
            return ExitCode::from(2);
        }
    };
    let report = acs_codegen::diff::diff(&old_set, &new_set);
    match format {
        acs_codegen::diff::Format::Text => print!("{}", report.to_text()),
        acs_codegen::diff::Format::Json => match serde_json::to_string_pretty(&report.to_json()) {
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
