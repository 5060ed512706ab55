//! trybuild: what must compile, and what must not (with the messages a user sees).
//!
//! Its own crate (`acs-ui-tests`) so that trybuild's second build of the dependency tree (in its
//! own target directory) holds only what the cases use. One `TestCases` for both kinds: a second,
//! compile-fail-only one checks instead of building and added two more builds of the tree
//! (163 s → 131 s on a fresh target on this 2-core machine).

#[test]
fn ui() {
    // trybuild's project has a manifest of its own, so the workspace's `[profile.dev.package."*"]`
    // (dependencies without debug info) does not reach it: without this, its second build of the
    // dependency tree writes full debug info for every crate, which no case needs (fresh, on
    // this 2-core machine: 119 s → 93 s).
    std::env::set_var("CARGO_PROFILE_DEV_DEBUG", "false");
    let t = trybuild::TestCases::new();
    t.pass("pass/*.rs");
    t.compile_fail("fail/*.rs");
}
