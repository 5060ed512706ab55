//! `acs-codegen diff` on two inputs (old and new, separated by a NUL byte; either may be a spec
//! or vendor metadata): no input may panic, both report renderings work, and a side compared with
//! itself reports no change.
#![no_main]

use acs_codegen::diff::{diff, load_text, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (old, new) = text.split_once('\0').unwrap_or((text, text));
    let old = load_text("old.json", old);
    let new = load_text("new.json", new);
    let (Ok(old), Ok(new)) = (old, new) else {
        return;
    };
    let report = diff(&old, &new);
    let _ = report.to_text();
    let _ = report.to_json();
    let _ = report.summary_line();
    let same = diff(&old, &old);
    assert_eq!(
        same.count(Severity::Breaking),
        0,
        "self-diff reports a breaking change"
    );
    assert_eq!(
        same.count(Severity::Compatible),
        0,
        "self-diff reports a change"
    );
});
