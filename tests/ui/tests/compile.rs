//! trybuild: what must compile, and what must not (with the messages a user sees).
//!
//! Its own crate (`acs-ui-tests`) so that trybuild's second build of the dependency tree (in its
//! own target directory) holds only what the cases use. One `TestCases` for both kinds: a second,
//! compile-fail-only one checks instead of building and added two more builds of the tree
//! (163 s → 131 s on a fresh target on this 2-core machine).

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("pass/*.rs");
    t.compile_fail("fail/*.rs");
}
