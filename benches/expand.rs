//! Macro expansion cost for the CreateInstances spec, through the library the macro calls.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};

fn spec_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/curated/CreateInstances.json");
    std::fs::read_to_string(path).expect("the CreateInstances spec is readable")
}

fn expansion(c: &mut Criterion) {
    let text = spec_text();
    let spec = acs_codegen::parse_spec("CreateInstances.json", &text).expect("valid spec");
    let options = acs_codegen::Options::default();

    let mut group = c.benchmark_group("create_instances_spec");
    group.bench_function("parse_and_check", |b| {
        b.iter(|| acs_codegen::parse_spec("CreateInstances.json", black_box(&text)))
    });
    group.bench_function("generate_tokens", |b| {
        b.iter(|| acs_codegen::generate(black_box(&spec), &options))
    });
    // What the proc macro does end to end (it hands tokens to rustc, no pretty-printing).
    group.bench_function("macro_expansion", |b| {
        b.iter(|| {
            let spec = acs_codegen::parse_spec("CreateInstances.json", black_box(&text))
                .expect("valid spec");
            acs_codegen::generate(&spec, &options)
        })
    });
    // What `acs-codegen expand` and the snapshot tests add on top.
    group.bench_function("generate_and_pretty_print", |b| {
        b.iter(|| acs_codegen::pretty(acs_codegen::generate(black_box(&spec), &options)))
    });
    group.finish();
}

criterion_group!(benches, expansion);
criterion_main!(benches);
