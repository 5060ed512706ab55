//! Maintainers' CLI: `check` specs, `expand` them to pretty-printed Rust.

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  acs-codegen check SPEC...                     validate specs (same messages as the macro)
  acs-codegen expand SPEC [--operation NAME]... print the generated Rust, pretty-printed";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("expand") => expand(&args[1..]),
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
