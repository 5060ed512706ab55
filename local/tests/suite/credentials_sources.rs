//! Every source of the default chain and every profile mode, resolved against the local fakes
//! (STS, ECS metadata, credentials URI) on 127.0.0.1 — never the real metadata address.

use crate::creds_common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use acs_runtime::credentials::{
    CredentialsError, CredentialsSource, DefaultChain, ProvideCredentials, StsEndpoint,
};
use acs_runtime::Credentials;
use creds_common::*;
use swas_local::fakes::{FakeCredentialsUri, FakeMetadata, FakeSts, Issuer, MetadataBehaviour};

const OIDC_PROVIDER: &str = "acs:ram::1234567890:oidc-provider/ack-rrsa";
const OIDC_TOKEN: &str = "eyJhbGciOiJSUzI1NiJ9.oidc-TOKEN-never-shown.sig";

fn write(dir: &Path, relative: &str, text: &str) -> PathBuf {
    let path = dir.join(relative);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(&path, text).expect("write");
    path
}

/// A chain over exactly `vars`, a temporary home, the fake STS and metadata endpoints.
fn chain(home: &Path, vars: &[(&str, &str)], sts: &FakeSts, metadata: &str) -> DefaultChain {
    DefaultChain::with_vars(vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())))
        .with_home(home)
        .sts_endpoint(sts.url())
        .metadata_endpoint(metadata)
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

async fn metadata(issuer: &Arc<Issuer>) -> FakeMetadata {
    FakeMetadata::start(Arc::clone(issuer), MetadataBehaviour::default())
        .await
        .expect("fake metadata starts")
}

#[tokio::test]
async fn oidc_from_the_environment_is_unsigned_and_rereads_the_token() {
    let (issuer, sts) = sts().await;
    sts.expect_oidc(OIDC_PROVIDER, OIDC_TOKEN);
    let home = tempfile::tempdir().expect("tempdir");
    let token_file = write(home.path(), "token", &format!("{OIDC_TOKEN}\n"));
    let token_path = token_file.to_str().expect("utf-8");
    let chain = chain(
        home.path(),
        &[
            ("ALIBABA_CLOUD_ROLE_ARN", ROLE),
            ("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", OIDC_PROVIDER),
            ("ALIBABA_CLOUD_OIDC_TOKEN_FILE", token_path),
            ("ALIBABA_CLOUD_ROLE_SESSION_NAME", "rrsa-session"),
        ],
        &sts,
        &closed_port_url(),
    );
    let credentials = chain.resolve().await.expect("resolves");
    assert_eq!(credentials.access_key_id(), "STS.0001");
    assert_eq!(
        credentials.source(),
        &CredentialsSource::AssumeRoleWithOidc {
            role_arn: ROLE.into()
        }
    );
    assert_eq!(sts.assume_role_with_oidc_count(), 1);
    let params = sts.last_assume_params();
    assert_eq!(param(&params, "RoleSessionName"), Some("rrsa-session"));
    assert_eq!(param(&params, "DurationSeconds"), Some("3600"));
    assert_eq!(param(&params, "OIDCToken"), Some(OIDC_TOKEN));
    assert_eq!(param(&params, "Signature"), None);
    assert_eq!(issuer.count(), 1);

    // A client signs with the assumed role; the fake STS verifies it.
    let client = identity_client(&sts, chain);
    let identity = whoami(&client).await.expect("signed with the role");
    assert_eq!(identity.principal_id.as_deref(), Some("STS.0001"));

    // A rotated token file is read again at the next refresh; a wrong token is refused.
    write(home.path(), "token", "rotated-but-wrong");
    let provider =
        Credentials::oidc_role_arn(ROLE, OIDC_PROVIDER, &token_file).endpoint(endpoint(&sts));
    let err = provider.provide_credentials().await.expect_err("refused");
    assert!(
        err.to_string()
            .contains("AuthenticationFail.OIDCToken.Invalid"),
        "{err}"
    );
    assert!(!err.to_string().contains("rotated-but-wrong"));
}

#[tokio::test]
async fn cli_profile_modes_against_the_fakes() {
    let (issuer, sts) = sts().await;
    sts.expect_oidc(OIDC_PROVIDER, OIDC_TOKEN);
    let md = metadata(&issuer).await;
    let uri = FakeCredentialsUri::start(Arc::clone(&issuer))
        .await
        .expect("fake URI starts");
    let home = tempfile::tempdir().expect("tempdir");
    let token_file = write(home.path(), "oidc-token", OIDC_TOKEN);
    let config = serde_json::json!({
        "current": "ram",
        "profiles": [
            {"name": "ak", "mode": "AK", "access_key_id": KEY_ID, "access_key_secret": SECRET},
            {"name": "ram", "mode": "RamRoleArn", "access_key_id": KEY_ID, "access_key_secret": SECRET,
             "ram_role_arn": ROLE, "ram_session_name": "from-profile", "expired_seconds": 900,
             "policy": "{\"Version\":\"1\"}", "external_id": "ext-42", "region_id": "cn-hangzhou"},
            {"name": "chained", "mode": "ChainableRamRoleArn", "source_profile": "ram",
             "ram_role_arn": "acs:ram::1234567890:role/second"},
            {"name": "ecs", "mode": "EcsRamRole", "ram_role_name": "EcsRole"},
            {"name": "oidc", "mode": "OIDC", "ram_role_arn": ROLE, "oidc_provider_arn": OIDC_PROVIDER,
             "oidc_token_file": token_file},
            {"name": "uri", "mode": "CredentialsURI", "credentials_uri": uri.url()}
        ]
    });
    write(home.path(), ".aliyun/config.json", &config.to_string());
    let resolve = |profile: &'static str| {
        let chain = chain(home.path(), &[], &sts, &md.url()).profile(profile);
        async move { chain.resolve().await }
    };

    let ak = resolve("ak").await.expect("AK");
    assert_eq!(ak.access_key_id(), KEY_ID);

    let ram = resolve("ram").await.expect("RamRoleArn");
    assert_eq!(
        ram.source(),
        &CredentialsSource::AssumeRole {
            role_arn: ROLE.into()
        }
    );
    let params = sts.last_assume_params();
    assert_eq!(param(&params, "AccessKeyId"), Some(KEY_ID));
    assert_eq!(param(&params, "RoleSessionName"), Some("from-profile"));
    assert_eq!(param(&params, "DurationSeconds"), Some("900"));
    assert_eq!(param(&params, "Policy"), Some("{\"Version\":\"1\"}"));
    assert_eq!(param(&params, "ExternalId"), Some("ext-42"));

    let before = sts.assume_role_count();
    let chained = resolve("chained").await.expect("ChainableRamRoleArn");
    assert_eq!(
        sts.assume_role_count(),
        before + 2,
        "source role, then the second role"
    );
    let params = sts.last_assume_params();
    assert_eq!(
        param(&params, "RoleArn"),
        Some("acs:ram::1234567890:role/second")
    );
    // The second assumption was signed with the first role's temporary credentials.
    let signer = param(&params, "AccessKeyId").expect("signed");
    assert!(signer.starts_with("STS."), "{signer}");
    assert!(param(&params, "SecurityToken").is_some());
    assert_ne!(chained.access_key_id(), signer);

    let ecs = resolve("ecs").await.expect("EcsRamRole");
    assert_eq!(
        ecs.source(),
        &CredentialsSource::EcsRamRole {
            role_name: "EcsRole".into()
        }
    );
    assert_eq!(md.role_requests(), 0, "the profile names the role");

    let oidc = resolve("oidc").await.expect("OIDC");
    assert_eq!(
        oidc.source(),
        &CredentialsSource::AssumeRoleWithOidc {
            role_arn: ROLE.into()
        }
    );

    let from_uri = resolve("uri").await.expect("CredentialsURI");
    assert!(matches!(from_uri.source(), CredentialsSource::Uri { .. }));
    assert_eq!(uri.requests(), 1);

    // The client builder picks a profile by name, and takes its region.
    const TABLE: &[(&str, &str)] = &[("cn-hangzhou", "sts.cn-hangzhou.aliyuncs.com")];
    let client = acs_runtime::Client::builder()
        .regional_endpoints(TABLE)
        .profile_provider(chain(home.path(), &[], &sts, &md.url()).profile_provider("ram"))
        .build()
        .expect("builds");
    assert_eq!(client.region(), Some("cn-hangzhou"));
}

#[tokio::test]
async fn ini_file_role_types_against_the_fakes() {
    let (issuer, sts) = sts().await;
    sts.expect_oidc(OIDC_PROVIDER, OIDC_TOKEN);
    let md = metadata(&issuer).await;
    let home = tempfile::tempdir().expect("tempdir");
    let token_file = write(home.path(), "oidc-token", OIDC_TOKEN);
    write(
        home.path(),
        ".alibabacloud/credentials",
        &format!(
            "[default]\ntype = ram_role_arn\naccess_key_id = {KEY_ID}\naccess_key_secret = {SECRET}\n\
             role_arn = {ROLE}\nrole_session_name = ini-session\n\n\
             [ecs]\ntype = ecs_ram_role\nrole_name = EcsRole\n\n\
             [oidc]\ntype = oidc_role_arn\nrole_arn = {ROLE}\noidc_provider_arn = {OIDC_PROVIDER}\n\
             oidc_token_file_path = {}\n",
            token_file.display()
        ),
    );
    let ram = chain(home.path(), &[], &sts, &md.url())
        .resolve()
        .await
        .expect("ram_role_arn");
    assert_eq!(
        ram.source(),
        &CredentialsSource::AssumeRole {
            role_arn: ROLE.into()
        }
    );
    assert_eq!(
        param(&sts.last_assume_params(), "RoleSessionName"),
        Some("ini-session")
    );
    let ecs = chain(
        home.path(),
        &[("ALIBABA_CLOUD_PROFILE", "ecs")],
        &sts,
        &md.url(),
    )
    .resolve()
    .await
    .expect("ecs_ram_role");
    assert!(matches!(ecs.source(), CredentialsSource::EcsRamRole { .. }));
    let oidc = chain(
        home.path(),
        &[("ALIBABA_CLOUD_PROFILE", "oidc")],
        &sts,
        &md.url(),
    )
    .resolve()
    .await
    .expect("oidc_role_arn");
    assert!(matches!(
        oidc.source(),
        CredentialsSource::AssumeRoleWithOidc { .. }
    ));
}

#[tokio::test]
async fn ecs_metadata_hardened_mode_and_the_chain_step() {
    let (issuer, sts) = sts().await;
    let md = metadata(&issuer).await;
    let home = tempfile::tempdir().expect("tempdir");
    // Nothing else configured: the chain reaches the metadata service and asks the role name.
    let chain = chain(home.path(), &[], &sts, &md.url());
    let credentials = chain.resolve().await.expect("ECS role");
    assert_eq!(
        credentials.source(),
        &CredentialsSource::EcsRamRole {
            role_name: "EcsRole".into()
        }
    );
    assert_eq!(
        md.tokenless_gets(),
        0,
        "every GET carried the session token"
    );
    assert_eq!(md.role_requests(), 1);
    assert_eq!(md.credentials_requests(), 1);
    assert!(md.token_requests() >= 1);
    // The fake STS accepts what the metadata service issued.
    let client = identity_client(&sts, chain);
    whoami(&client)
        .await
        .expect("signed with the instance role");

    // ALIBABA_CLOUD_ECS_METADATA names the role: no role request.
    let named = self::chain(
        home.path(),
        &[("ALIBABA_CLOUD_ECS_METADATA", "EcsRole")],
        &sts,
        &md.url(),
    );
    named.resolve().await.expect("named role");
    assert_eq!(md.role_requests(), 1);

    // An old service without tokens: tokenless requests, unless forbidden.
    md.set(|b| {
        b.token_unsupported = true;
        b.require_token = false;
    });
    let old = Credentials::ecs_ram_role().endpoint(md.url());
    old.provide_credentials().await.expect("tokenless fallback");
    assert!(md.tokenless_gets() >= 2);
    let strict = Credentials::ecs_ram_role()
        .endpoint(md.url())
        .disable_imds_v1(true);
    let err = strict
        .provide_credentials()
        .await
        .expect_err("no token, no fallback");
    assert_eq!(
        err.to_string(),
        format!(
            "cannot fetch credentials from the ECS metadata service at {}: the session token \
             request answered HTTP 404, and requests without a token are disabled",
            md.url()
        )
    );

    // A malformed or unsuccessful document is a clear error that never echoes the body.
    md.set(|b| {
        b.token_unsupported = false;
        b.credentials_body = Some(format!("{{\"AccessKeySecret\": \"{SECRET}\" oops"));
    });
    let err = Credentials::ecs_ram_role()
        .endpoint(md.url())
        .role_name("EcsRole")
        .provide_credentials()
        .await
        .expect_err("malformed");
    assert_eq!(
        err.to_string(),
        format!(
            "cannot fetch credentials from the ECS metadata service at {}: the credentials \
             document is not the expected JSON (line 1 column 52)",
            md.url()
        )
    );
    md.set(|b| b.credentials_body = Some("{\"Code\": \"Failed\"}".into()));
    let err = Credentials::ecs_ram_role()
        .endpoint(md.url())
        .role_name("EcsRole")
        .provide_credentials()
        .await
        .expect_err("not Success");
    assert!(
        err.to_string()
            .ends_with("the credentials document says Code \"Failed\", not \"Success\""),
        "{err}"
    );
}

#[tokio::test]
async fn metadata_service_down_or_slow_fails_in_bounded_time() {
    let issuer = Issuer::new();
    let md = FakeMetadata::start(
        Arc::clone(&issuer),
        MetadataBehaviour {
            latency: Duration::from_secs(5),
            ..MetadataBehaviour::default()
        },
    )
    .await
    .expect("starts");
    let slow = Credentials::ecs_ram_role()
        .endpoint(md.url())
        .timeouts(Duration::from_millis(100), Duration::from_millis(200))
        .disable_imds_v1(true);
    let started = Instant::now();
    let err = slow.provide_credentials().await.expect_err("too slow");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        err.to_string(),
        format!(
            "cannot fetch credentials from the ECS metadata service at {}: the session token \
             request failed: no answer within 300 ms, and requests without a token are disabled",
            md.url()
        )
    );

    // Down, inside the default chain with default timeouts: skipped within the timeouts.
    let (_issuer, sts) = sts().await;
    let home = tempfile::tempdir().expect("tempdir");
    let down = closed_port_url();
    let started = Instant::now();
    let err = chain(home.path(), &[], &sts, &down)
        .resolve()
        .await
        .expect_err("nothing");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    let CredentialsError::NotFound { searched } = err else {
        panic!("not NotFound: {err:?}")
    };
    assert!(
        searched[4].starts_with(&format!(
            "ECS instance RAM role (cannot fetch credentials from the ECS metadata service at \
             {down}: GET /latest/meta-data/ram/security-credentials/ failed: cannot connect"
        )),
        "{}",
        searched[4]
    );
}

#[tokio::test]
async fn credentials_uri_from_the_environment_and_its_errors() {
    let (issuer, sts) = sts().await;
    let uri = FakeCredentialsUri::start(Arc::clone(&issuer))
        .await
        .expect("starts");
    let home = tempfile::tempdir().expect("tempdir");
    let url = format!("{}?token=uri-secret", uri.url());
    let chain = chain(
        home.path(),
        &[
            ("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"),
            ("ALIBABA_CLOUD_CREDENTIALS_URI", &url),
        ],
        &sts,
        &closed_port_url(),
    );
    assert!(!format!("{:?}", Credentials::uri(&url)).contains("uri-secret"));
    let credentials = chain.resolve().await.expect("URI");
    assert_eq!(
        credentials.source(),
        &CredentialsSource::Uri { uri: uri.url() }
    );
    let client = identity_client(&sts, chain);
    whoami(&client).await.expect("signed with URI credentials");
    assert_eq!(uri.requests(), 1, "cached");

    for (answer, expected) in [
        ((500, "boom"), "answered HTTP 500".to_owned()),
        (
            (200, "{\"AccessKeyId\": \"x\"}"),
            "the credentials document lacks AccessKeySecret, SecurityToken, Expiration".to_owned(),
        ),
        (
            (200, "{\"AccessKeyId\":\"a\",\"AccessKeySecret\":\"b\",\"SecurityToken\":\"c\",\"Expiration\":\"soon\"}"),
            "the Expiration \"soon\" is not a UTC time like 2006-01-02T15:04:05Z".to_owned(),
        ),
        ((200, "not json"), "the answer is not the expected JSON (line 1 column 2)".to_owned()),
    ] {
        uri.set_answer(Some(answer));
        let err = Credentials::uri(&url)
            .provide_credentials()
            .await
            .expect_err("fails");
        assert_eq!(
            err.to_string(),
            format!("cannot fetch credentials from the credentials URI {}: {expected}", uri.url())
        );
        assert!(!err.to_string().contains("uri-secret"));
    }
}

#[tokio::test]
async fn explicit_providers_without_the_chain() {
    let (_issuer, sts) = sts().await;
    let provider = Credentials::ram_role_arn(long_term(), ROLE)
        .endpoint(StsEndpoint::Url(sts.url()))
        .role_session_name("explicit")
        .duration_seconds(1800)
        .external_id("ext-1")
        .policy("{}");
    let credentials = provider.provide_credentials().await.expect("assumed");
    assert_eq!(credentials.access_key_id(), "STS.0001");
    let params = sts.last_assume_params();
    assert_eq!(param(&params, "RoleSessionName"), Some("explicit"));
    assert_eq!(param(&params, "DurationSeconds"), Some("1800"));
    assert_eq!(param(&params, "ExternalId"), Some("ext-1"));

    // A role assumed with another role's credentials.
    let chained = Credentials::ram_role_arn(provider, "acs:ram::1234567890:role/next")
        .endpoint(StsEndpoint::Url(sts.url()));
    let next = chained.provide_credentials().await.expect("chained");
    assert_eq!(next.access_key_id(), "STS.0002");
    assert_eq!(
        param(&sts.last_assume_params(), "AccessKeyId"),
        Some("STS.0001")
    );

    // Settings STS would refuse are refused before any request.
    let before = sts.assume_role_count();
    let err = Credentials::ram_role_arn(long_term(), ROLE)
        .endpoint(StsEndpoint::Url(sts.url()))
        .duration_seconds(600)
        .provide_credentials()
        .await
        .expect_err("too short");
    assert_eq!(
        err.to_string(),
        "invalid credentials configuration: the AssumeRole session duration must be at least 900 s (got 600)"
    );
    assert_eq!(sts.assume_role_count(), before);
    // Wrong source keys: STS says so, by code.
    let err = Credentials::ram_role_arn(Credentials::new(KEY_ID, "wrong"), ROLE)
        .endpoint(StsEndpoint::Url(sts.url()))
        .provide_credentials()
        .await
        .expect_err("bad signature");
    assert!(err.to_string().contains("SignatureDoesNotMatch"), "{err}");
    assert_eq!(
        StsEndpoint::Region {
            region: "cn-shanghai".into(),
            vpc: true
        }
        .url(),
        "https://sts-vpc.cn-shanghai.aliyuncs.com"
    );
    assert_eq!(StsEndpoint::Global.url(), "https://sts.aliyuncs.com");
}
