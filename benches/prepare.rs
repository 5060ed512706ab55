//! The client's prepare path for the generated CreateInstances request: validate, serialize to
//! wire parameters, fill the idempotency token, and sign — everything before the network.

mod setup;

use std::hint::black_box;

use acs_runtime::client::SignatureVersion;
use acs_runtime::{Operation, Params};
use criterion::{criterion_group, criterion_main, Criterion};
use setup::{client, fixed_time, request as build_request, FIXED_NONCE};

fn prepare(c: &mut Criterion) {
    let request = build_request();
    let (time, nonce) = (fixed_time(), FIXED_NONCE);

    let mut group = c.benchmark_group("create_instances_prepare");
    group.bench_function("build", |b| b.iter(build_request));
    group.bench_function("build_validate_serialize", |b| {
        b.iter(|| {
            let request = build_request();
            request.validate().expect("valid");
            let mut params = Params::with_capacity(20);
            request.write_params(&mut params);
            params
        })
    });
    group.bench_function("validate", |b| b.iter(|| black_box(&request).validate()));
    group.bench_function("serialize", |b| {
        b.iter(|| {
            let mut params = Params::with_capacity(20);
            black_box(&request).write_params(&mut params);
            params
        })
    });
    let v1 = client(SignatureVersion::V1);
    group.bench_function("v1_validate_serialize_sign", |b| {
        b.iter(|| v1.prepare_at(black_box(&request), time, nonce))
    });
    // With the current time and a fresh nonce, as `send` does per attempt.
    group.bench_function("v1_prepare_fresh_nonce_and_time", |b| {
        b.iter(|| v1.prepare(black_box(&request)))
    });
    let v3 = client(SignatureVersion::V3);
    group.bench_function("v3_validate_serialize_sign", |b| {
        b.iter(|| v3.prepare_at(black_box(&request), time, nonce))
    });
    group.finish();
}

criterion_group!(benches, prepare);
criterion_main!(benches);
