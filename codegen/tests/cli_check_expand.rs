//! The maintainers' CLI: `check` and `expand` give the macro's messages and the generator's
//! output, with exit codes a script can use.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_acs-codegen"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the CLI runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_accepts_the_create_instances_spec() {
    let (code, stdout, stderr) = run(&["check", "specs/curated/CreateInstances.json"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        "specs/curated/CreateInstances.json: ok (SWAS-OPEN 2020-06-01, 1 operation(s))\n"
    );
}

#[test]
fn check_reports_every_error_with_file_and_pointer() {
    let (code, stdout, stderr) = run(&[
        "check",
        "tests/ui/bad-specs/several_errors.json",
        "tests/ui/bad-specs/malformed_json.json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "error: tests/ui/bad-specs/several_errors.json: at /operations/0/errors/2/httpStatus: HTTP status 999 is not between 100 and 599\n\
         error: tests/ui/bad-specs/several_errors.json: at /operations/0/colour: unknown key `colour` (expected one of: changes, deprecated, deprecationNote, description, discrepancies, errors, group, methods, name, notes, parameters, path, ram, rawResponse, response, responseBody, responseHeaders, style, summary, waiters)\n\
         error: tests/ui/bad-specs/several_errors.json: at /operations/0/parameters/1/constraints/0: min (20) is greater than max (10)\n\
         error: tests/ui/bad-specs/several_errors.json: at /operations/0/parameters/2/default: default \"Medium\" breaks the field's own rule: not one of {\"Fast\", \"Slow\"}\n\
         tests/ui/bad-specs/several_errors.json: 4 error(s)\n\
         error: tests/ui/bad-specs/malformed_json.json:6:6: invalid JSON: key must be a string\n\
         tests/ui/bad-specs/malformed_json.json: 1 error(s)\n"
    );
}

#[test]
fn check_reports_a_missing_file() {
    let (code, _, stderr) = run(&["check", "specs/no-such-spec.json"]);
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("error: specs/no-such-spec.json: at (document root): cannot read spec file specs/no-such-spec.json:"),
        "{stderr}"
    );
}

#[test]
fn expand_prints_the_same_code_as_the_library() {
    let (code, stdout, stderr) = run(&["expand", "specs/curated/CreateInstances.json"]);
    assert_eq!(code, 0, "{stderr}");
    let spec = acs_codegen::load_spec(
        &root().join("specs/curated/CreateInstances.json"),
        "CreateInstances.json",
    )
    .unwrap();
    let expected = acs_codegen::pretty(acs_codegen::generate(&spec, &Default::default())).unwrap();
    assert_eq!(stdout, expected);
    assert!(stdout.contains("pub struct CreateInstances {"));
}

#[test]
fn expand_rejects_an_unknown_operation() {
    let (code, _, stderr) = run(&[
        "expand",
        "specs/curated/CreateInstances.json",
        "--operation",
        "DeleteEverything",
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "error: not operations of specs/curated/CreateInstances.json: DeleteEverything\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, stderr) = run(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("Usage:"), "{stderr}");
}
