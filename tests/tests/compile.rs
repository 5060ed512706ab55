//! trybuild: what must compile, and what must not (with the messages a user sees).

#[test]
fn compile_pass() {
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
}

#[test]
fn compile_fail() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/fail/*.rs");
}
