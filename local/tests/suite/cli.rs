//! The `swas-local` command line: a malformed key pair is refused without echoing the secret.

use std::process::Command;

#[test]
fn a_malformed_access_key_is_refused_without_showing_it() {
    let out = Command::new(env!("CARGO_BIN_EXE_swas-local"))
        .args([
            "--access-key",
            "good:pair",
            "--access-key",
            "topsecretvalue",
        ])
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        "swas-local: --access-key #2: expected ID:SECRET with both parts non-empty (the value is not shown: it holds a secret)\n"
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("topsecretvalue"));
}
