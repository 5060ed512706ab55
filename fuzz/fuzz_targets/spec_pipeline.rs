//! Spec text → parse → check → generate → pretty-print: no input may panic, and a spec that
//! passes the checks must generate a Rust file that parses.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(spec) = acs_codegen::parse_spec("fuzz.json", text) else {
        return;
    };
    let tokens = acs_codegen::generate(&spec, &acs_codegen::Options::default());
    if let Err(e) = acs_codegen::pretty(tokens) {
        panic!("a checked spec generated code that does not parse: {e}");
    }
});
