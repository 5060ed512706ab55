//! The client's prepare path for the generated CreateInstances request: validate, serialize to
//! wire parameters, fill the idempotency token, and sign — everything before the network.

use std::hint::black_box;
use std::time::{Duration, SystemTime};

use acs_runtime::client::{Client, SignatureVersion};
use acs_runtime::{Credentials, Operation, Params};
use criterion::{criterion_group, criterion_main, Criterion};
use swas::CreateInstances;

fn build_request() -> CreateInstances {
    CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id("e2c9c365024a44369c9b955a998a1234")
        .plan_id("swas.s1.c1m1s40b3t05")
        .period(1)
        .amount(1)
        .client_token("123e4567-e89b-12d3-a456-426655440000")
        .build()
}

fn client(version: SignatureVersion) -> Client {
    Client::builder()
        .credentials(Credentials::new("testid", "testsecret"))
        .endpoint("http://127.0.0.1:18080")
        .signature_version(version)
        .build()
        .expect("a valid client")
}

fn prepare(c: &mut Criterion) {
    let request = build_request();
    let time = SystemTime::UNIX_EPOCH + Duration::from_secs(1_764_131_672);
    let nonce = "2a08c092f82b60e0bbb22e89726b8cea";

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
