//! Signing and request preparation costs for a CreateInstances-sized request.

use std::hint::black_box;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use acs_runtime::client::{Client, SignatureVersion};
use acs_runtime::credentials::Credentials;
use acs_runtime::error::{ErrorMeta, PublishedError, ServiceError};
use acs_runtime::sign::{self, v1, v3};
use acs_runtime::{Operation, Params, ValidationErrors, Validator};
use criterion::{criterion_group, criterion_main, Criterion};

/// Ten operation parameters, as CreateInstances sends with every option set.
const OP_PARAMS: [(&str, &str); 10] = [
    ("RegionId", "cn-hangzhou"),
    ("ImageId", "e2c9c365024a44369c9b955a998a1234"),
    ("PlanId", "swas.s1.c1m1s40b3t05"),
    ("Period", "12"),
    ("AutoRenew", "true"),
    ("AutoRenewPeriod", "3"),
    ("DataDiskSize", "40"),
    ("Amount", "1"),
    ("ChargeType", "PrePaid"),
    ("ClientToken", "123e4567-e89b-12d3-a456-426655440000"),
];

struct CreateInstances;

#[derive(Debug)]
struct Never(ErrorMeta);

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Never {}

impl ServiceError for Never {
    const PUBLISHED: &'static [PublishedError] = &[];
    fn from_meta(meta: ErrorMeta) -> Self {
        Never(meta)
    }
    fn meta(&self) -> &ErrorMeta {
        &self.0
    }
    fn is_retryable(&self) -> bool {
        false
    }
}

impl Operation for CreateInstances {
    const PRODUCT: &'static str = "SWAS-OPEN";
    const VERSION: &'static str = "2020-06-01";
    const ACTION: &'static str = "CreateInstances";
    const IDEMPOTENCY_TOKEN: Option<&'static str> = Some("ClientToken");
    type Output = serde_json::Value;
    type Error = Never;

    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut v = Validator::new();
        v.required_str("RegionId", "cn-hangzhou", "MissingRegionId");
        v.one_of_int(
            "Period",
            12,
            &[1, 3, 6, 12, 24, 36],
            "InvalidPeriod.ValueNotSupported",
        );
        v.finish()
    }

    fn write_params(&self, params: &mut Params) {
        for (name, value) in OP_PARAMS {
            params.push(name, value);
        }
    }
}

fn benches(c: &mut Criterion) {
    let common = v1::CommonParams {
        action: "CreateInstances",
        version: "2020-06-01",
        format: "JSON",
        access_key_id: "LTAI5tExampleAccessKeyId",
        security_token: None,
        signature_nonce: "0123456789abcdef0123456789abcdef",
        timestamp: "2026-11-26T04:34:32Z",
    };
    let key = v1::SigningKey::new("ExampleAccessKeySecretValue123");
    let mut buffer = String::with_capacity(1024);
    c.bench_function(
        "v1 sign_request_into (10 op + 8 common params, reused buffer)",
        |b| {
            b.iter(|| {
                buffer.clear();
                v1::sign_request_into("POST", black_box(&common), OP_PARAMS, &key, &mut buffer);
                black_box(buffer.len())
            })
        },
    );
    let to_sign = v1::string_to_sign(
        "POST",
        OP_PARAMS.iter().copied().chain([
            ("Action", "CreateInstances"),
            ("Version", "2020-06-01"),
            ("Format", "JSON"),
            ("AccessKeyId", "LTAI5tExampleAccessKeyId"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureVersion", "1.0"),
            ("SignatureNonce", "0123456789abcdef0123456789abcdef"),
            ("Timestamp", "2026-11-26T04:34:32Z"),
        ]),
    );
    c.bench_function(
        &format!("v1 HMAC-SHA1 + Base64 only ({} bytes)", to_sign.len()),
        |b| b.iter(|| key.sign(black_box(&to_sign))),
    );
    c.bench_function("v1 string_to_sign only (sort + one-pass encode)", |b| {
        b.iter(|| v1::string_to_sign("POST", black_box(OP_PARAMS)))
    });
    c.bench_function("v1 sign_request (secret, fresh String)", |b| {
        b.iter(|| {
            v1::sign_request(
                "POST",
                black_box(&common),
                OP_PARAMS,
                "ExampleAccessKeySecretValue123",
            )
        })
    });

    let headers = v3::CommonHeaders {
        host: "swas.cn-hangzhou.aliyuncs.com",
        action: "CreateInstances",
        version: "2020-06-01",
        access_key_id: "LTAI5tExampleAccessKeyId",
        security_token: None,
        signature_nonce: "0123456789abcdef0123456789abcdef",
        date: "2026-11-26T04:34:32Z",
    };
    c.bench_function("v3 sign_request (10 op params)", |b| {
        b.iter(|| {
            v3::sign_request(
                "POST",
                "/",
                black_box(&headers),
                OP_PARAMS,
                b"",
                "ExampleAccessKeySecretValue123",
            )
        })
    });

    let mut text = String::new();
    c.bench_function("percent_encode 64 mixed bytes", |b| {
        b.iter(|| {
            text.clear();
            sign::percent_encode(
                black_box("web server *1*/中文 a+b=c&d~e_f.g-h 2026-11-26T04:34:32Z"),
                &mut text,
            );
            black_box(text.len())
        })
    });

    let time = UNIX_EPOCH + Duration::from_secs(1_795_667_672);
    for (name, version) in [
        ("client prepare_at V1", SignatureVersion::V1),
        ("client prepare_at V3", SignatureVersion::V3),
    ] {
        let client = Client::builder()
            .credentials(Credentials::new(
                "LTAI5tExampleAccessKeyId",
                "ExampleAccessKeySecretValue123",
            ))
            .endpoint("https://swas.cn-hangzhou.aliyuncs.com")
            .signature_version(version)
            .build()
            .expect("client builds");
        c.bench_function(name, |b| {
            b.iter(|| {
                client
                    .prepare_at(
                        black_box(&CreateInstances),
                        time,
                        "0123456789abcdef0123456789abcdef",
                    )
                    .ok()
            })
        });
    }
    let client = Client::builder()
        .credentials(Credentials::new(
            "LTAI5tExampleAccessKeyId",
            "ExampleAccessKeySecretValue123",
        ))
        .endpoint("https://swas.cn-hangzhou.aliyuncs.com")
        .build()
        .expect("client builds");
    c.bench_function("client prepare V1 (clock + fresh nonce)", |b| {
        b.iter(|| client.prepare(black_box(&CreateInstances)).ok())
    });
    black_box(SystemTime::now());
}

criterion_group!(signing, benches);
criterion_main!(signing);
