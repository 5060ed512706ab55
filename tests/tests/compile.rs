//! trybuild: what must compile, and what must not (with the messages a user sees).
//!
//! One `TestCases` for both kinds: trybuild builds every dependency again in its own target
//! directory, and a second `TestCases` (a compile-fail-only one checks instead of building)
//! added two more builds of the tree (163 s → 131 s on a fresh target on this 2-core machine).

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
    t.compile_fail("ui/fail/*.rs");
}
