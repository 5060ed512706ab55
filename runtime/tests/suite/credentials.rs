//! The credentials chain over injected environments and files (no network: the metadata
//! service is disabled or a closed local port), redaction, and the offline profile modes.
//! Network sources (STS, metadata service, credentials URI) are tested against local fakes in
//! `local/tests/credentials_*.rs`.

use crate::common;

use std::path::{Path, PathBuf};

use acs_runtime::credentials::{
    Credentials, CredentialsError, CredentialsSource, DefaultChain, IniFile, ProfileConfig,
    ProvideCredentials,
};
use acs_runtime::Client;

const SECRET: &str = "S3cr3t-VALUE-never-shown";
const TOKEN: &str = "STS-T0KEN-never-shown";

fn assert_no_secrets(text: &str) {
    for secret in [SECRET, TOKEN] {
        assert!(!text.contains(secret), "secret leaked into {text:?}");
    }
}

fn write(home: &Path, relative: &str, text: &str) -> PathBuf {
    let path = home.join(relative);
    std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
    std::fs::write(&path, text).expect("write");
    path
}

fn write_config(home: &Path, json: &str) -> PathBuf {
    write(home, ".aliyun/config.json", json)
}

fn profiles_json() -> String {
    format!(
        r#"{{
  "current": "default",
  "profiles": [
    {{"name": "default", "mode": "AK", "access_key_id": "file-id", "access_key_secret": "{SECRET}", "region_id": "cn-shanghai"}},
    {{"name": "sts", "mode": "StsToken", "access_key_id": "sts-id", "access_key_secret": "{SECRET}", "sts_token": "{TOKEN}", "region_id": "cn-beijing"}},
    {{"name": "half", "mode": "StsToken", "access_key_id": "half-id", "access_key_secret": "{SECRET}"}},
    {{"name": "role", "mode": "RamRoleArn", "access_key_id": "r", "access_key_secret": "{SECRET}"}},
    {{"name": "loop-a", "mode": "ChainableRamRoleArn", "source_profile": "loop-b", "ram_role_arn": "acs:ram::1:role/a"}},
    {{"name": "loop-b", "mode": "ChainableRamRoleArn", "source_profile": "loop-a", "ram_role_arn": "acs:ram::1:role/b"}},
    {{"name": "sso", "mode": "CloudSSO"}}
  ],
  "meta_path": ""
}}"#
    )
}

/// A chain over `vars` with a temporary home and the metadata service off.
fn chain(home: &Path, vars: &[(&str, &str)]) -> DefaultChain {
    let mut all: Vec<(String, String)> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    all.push(("ALIBABA_CLOUD_ECS_METADATA_DISABLED".into(), "true".into()));
    DefaultChain::with_vars(all).with_home(home)
}

#[test]
fn debug_and_display_redact_secret_and_token() {
    let credentials = Credentials::with_security_token("LTAI-id", SECRET, TOKEN);
    let debug = format!("{credentials:?}");
    let display = credentials.to_string();
    assert_no_secrets(&debug);
    assert_no_secrets(&display);
    assert_eq!(
        debug,
        "Credentials { access_key_id: \"LTAI-id\", access_key_secret: \"<redacted>\", \
         security_token: Some(\"<redacted>\"), source: Static }"
    );
    assert_eq!(display, "STS credentials LTAI-id from static credentials");
    assert_eq!(credentials.access_key_secret(), SECRET);
    assert_eq!(credentials.security_token(), Some(TOKEN));
    let config = ProfileConfig::parse(profiles_json().as_bytes()).expect("parses");
    assert_no_secrets(&format!("{config:?}"));
    let ini = IniFile::parse(&format!(
        "[default]\ntype = access_key\naccess_key_secret = {SECRET}\n"
    ))
    .expect("parses");
    assert_no_secrets(&format!("{ini:?}"));
}

#[tokio::test]
async fn environment_credentials() {
    let home = tempfile::tempdir().expect("tempdir");
    let credentials = chain(
        home.path(),
        &[
            ("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id"),
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET),
            ("ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN),
        ],
    )
    .resolve()
    .await
    .expect("resolves");
    assert_eq!(credentials.access_key_id(), "env-id");
    assert_eq!(credentials.access_key_secret(), SECRET);
    assert_eq!(credentials.security_token(), Some(TOKEN));
    assert_eq!(credentials.source(), &CredentialsSource::Environment);
}

#[tokio::test]
async fn nothing_found_lists_every_source_and_why() {
    let home = tempfile::tempdir().expect("tempdir");
    let err = chain(
        home.path(),
        &[
            ("ALIBABA_CLOUD_ACCESS_KEY_ID", "id-only"),
            ("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/r"),
        ],
    )
    .resolve()
    .await
    .expect_err("fails");
    let h = home.path().display();
    assert_eq!(
        err,
        CredentialsError::NotFound {
            searched: vec![
                "environment variables ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET \
                 (incomplete: ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set)"
                    .into(),
                "OIDC role from ALIBABA_CLOUD_ROLE_ARN / ALIBABA_CLOUD_OIDC_PROVIDER_ARN / \
                 ALIBABA_CLOUD_OIDC_TOKEN_FILE (incomplete: ALIBABA_CLOUD_OIDC_PROVIDER_ARN, \
                 ALIBABA_CLOUD_OIDC_TOKEN_FILE not set)"
                    .into(),
                format!("CLI profile file {h}/.aliyun/config.json (not found)"),
                format!("INI credentials file {h}/.alibabacloud/credentials (not found)"),
                "ECS instance RAM role (disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED)".into(),
                "credentials URI ALIBABA_CLOUD_CREDENTIALS_URI (not set)".into(),
            ]
        }
    );
    assert!(err
        .to_string()
        .starts_with("no credentials found: looked in environment variables"));

    // No home directory at all.
    let err = DefaultChain::with_vars([("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "TRUE")])
        .resolve()
        .await
        .expect_err("fails");
    let CredentialsError::NotFound { searched } = err else {
        panic!("not NotFound: {err:?}")
    };
    assert_eq!(
        searched[2],
        "CLI profile file ~/.aliyun/config.json (no home directory: HOME is not set)"
    );
    assert_eq!(
        searched[3],
        "INI credentials file ~/.alibabacloud/credentials (no home directory: HOME is not set)"
    );
}

#[tokio::test]
async fn profile_file_current_profile_then_env_choice_then_program_choice() {
    let home = tempfile::tempdir().expect("tempdir");
    let path = write_config(home.path(), &profiles_json());
    let credentials = chain(home.path(), &[]).resolve().await.expect("resolves");
    assert_eq!(credentials.access_key_id(), "file-id");
    assert_eq!(credentials.access_key_secret(), SECRET);
    assert_eq!(credentials.security_token(), None);
    assert_eq!(
        credentials.source(),
        &CredentialsSource::ProfileFile {
            path: path.clone(),
            profile: "default".into()
        }
    );
    let sts = chain(home.path(), &[("ALIBABA_CLOUD_PROFILE", "sts")])
        .resolve()
        .await
        .expect("resolves");
    assert_eq!(sts.access_key_id(), "sts-id");
    assert_eq!(sts.security_token(), Some(TOKEN));
    // The program's choice wins over ALIBABA_CLOUD_PROFILE (as in credentials-go).
    let chosen = chain(home.path(), &[("ALIBABA_CLOUD_PROFILE", "sts")])
        .profile("default")
        .resolve()
        .await
        .expect("resolves");
    assert_eq!(chosen.access_key_id(), "file-id");
    // ALIBABA_CLOUD_CLI_PROFILE_DISABLED skips the file.
    let err = chain(
        home.path(),
        &[("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true")],
    )
    .resolve()
    .await
    .expect_err("skipped");
    assert!(
        err.to_string().contains(&format!(
            "CLI profile file {} (disabled by ALIBABA_CLOUD_CLI_PROFILE_DISABLED)",
            path.display()
        )),
        "{err}"
    );
}

#[tokio::test]
async fn environment_wins_over_the_profile_file() {
    let home = tempfile::tempdir().expect("tempdir");
    write_config(home.path(), &profiles_json());
    let credentials = chain(
        home.path(),
        &[
            ("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id"),
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret"),
        ],
    )
    .resolve()
    .await
    .expect("resolves");
    assert_eq!(credentials.access_key_id(), "env-id");
}

#[tokio::test]
async fn profile_errors_are_specific_and_never_show_secrets() {
    let home = tempfile::tempdir().expect("tempdir");
    let path = write_config(home.path(), &profiles_json());
    let p = path.display();
    let cases = [
        (
            "half",
            format!("incomplete credentials in profile \"half\" (mode StsToken) of {p}: missing sts_token"),
        ),
        (
            "role",
            format!("incomplete credentials in profile \"role\" (mode RamRoleArn) of {p}: missing ram_role_arn"),
        ),
        (
            "sso",
            format!("profile \"sso\" in {p} uses mode \"CloudSSO\"; supported modes are AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC and CredentialsURI"),
        ),
        (
            "loop-a",
            format!("cannot use the CLI profile file {p}: profile \"loop-a\": source_profile chains more than 8 deep (a loop?)"),
        ),
        (
            "nope",
            format!(
                "profile \"nope\" (from the program) not found in {p}; profiles there: default, sts, half, role, loop-a, loop-b, sso"
            ),
        ),
    ];
    for (profile, expected) in cases {
        // Chosen explicitly, the profile's own error comes back as is.
        let err = Credentials::profile(profile)
            .file(&path)
            .provide_credentials()
            .await
            .expect_err("fails");
        assert_eq!(err.to_string(), expected);
        assert_no_secrets(&err.to_string());
        assert_no_secrets(&format!("{err:?}"));
        // In the chain, it is the reason that source was skipped.
        let err = chain(home.path(), &[])
            .profile(profile)
            .resolve()
            .await
            .expect_err("fails");
        assert!(
            err.to_string()
                .contains(&format!("CLI profile file {p} ({expected})")),
            "{err}"
        );
    }
}

#[tokio::test]
async fn malformed_profile_file_names_file_and_position_not_contents() {
    let home = tempfile::tempdir().expect("tempdir");
    let path = write_config(
        home.path(),
        &format!("{{\"current\": \"default\", \"profiles\": [{{\"access_key_secret\": \"{SECRET}\" \"x\"}}]}}"),
    );
    let err = Credentials::profile("default")
        .file(&path)
        .provide_credentials()
        .await
        .expect_err("fails");
    assert_eq!(
        err.to_string(),
        format!(
            "cannot use the CLI profile file {}: not valid JSON at line 1 column 86",
            path.display()
        )
    );
    assert_no_secrets(&format!("{err:?}"));

    // A secret in a wrongly typed field must not be echoed either.
    write_config(
        home.path(),
        &format!("{{\"current\": 5, \"profiles\": [{{\"name\": [\"{SECRET}\"]}}]}}"),
    );
    let err = chain(home.path(), &[]).resolve().await.expect_err("fails");
    assert_no_secrets(&err.to_string());
    assert!(
        err.to_string()
            .contains("not the expected structure at line 1"),
        "{err}"
    );
}

#[tokio::test]
async fn ini_file_access_key_section_and_errors() {
    let home = tempfile::tempdir().expect("tempdir");
    let path = write(
        home.path(),
        ".alibabacloud/credentials",
        &format!(
            "# comment\n[default]\ntype = access_key   # inline comment\naccess_key_id = ini-id\naccess_key_secret = {SECRET}\n\n\
             [other]\ntype = access_key\naccess_key_id = other-id\naccess_key_secret = {SECRET}\n\
             [rsa]\ntype = rsa_key_pair\n[notype]\naccess_key_id = x\n"
        ),
    );
    let credentials = chain(home.path(), &[]).resolve().await.expect("resolves");
    assert_eq!(credentials.access_key_id(), "ini-id");
    assert_eq!(credentials.access_key_secret(), SECRET);
    assert_eq!(
        credentials.source(),
        &CredentialsSource::IniFile {
            path: path.clone(),
            section: "default".into()
        }
    );
    let other = chain(home.path(), &[("ALIBABA_CLOUD_PROFILE", "other")])
        .resolve()
        .await
        .expect("resolves");
    assert_eq!(other.access_key_id(), "other-id");

    let p = path.display();
    for (section, reason) in [
        ("rsa", format!("cannot use the INI credentials file {p}: section [rsa] has type \"rsa_key_pair\"; supported types are access_key, ecs_ram_role, ram_role_arn and oidc_role_arn")),
        ("notype", format!("incomplete credentials in section [notype] (type ) of {p}: missing type")),
        ("absent", "no section [absent]".to_owned()),
    ] {
        let err = chain(home.path(), &[("ALIBABA_CLOUD_PROFILE", section)])
            .resolve()
            .await
            .expect_err("fails");
        assert!(
            err.to_string().contains(&format!("INI credentials file {p} ({reason})")),
            "{err}"
        );
    }

    // ALIBABA_CLOUD_CREDENTIALS_FILE points elsewhere; a malformed file names itself and the line.
    let elsewhere = write(
        home.path(),
        "elsewhere.ini",
        &format!("[default]\ntype = access_key\naccess_key_secret {SECRET}\n"),
    );
    let err = chain(
        home.path(),
        &[(
            "ALIBABA_CLOUD_CREDENTIALS_FILE",
            elsewhere.to_str().expect("utf-8 path"),
        )],
    )
    .resolve()
    .await
    .expect_err("fails");
    let message = err.to_string();
    assert!(
        message.contains(&format!(
            "INI credentials file {e} (cannot use the INI credentials file {e}: line 3: expected `[section]` or `key = value`)",
            e = elsewhere.display()
        )),
        "{message}"
    );
    assert_no_secrets(&message);
    assert_eq!(
        IniFile::parse("k = v\n").expect_err("before a section"),
        "line 1: `k = ...` comes before any `[section]`"
    );
    assert_eq!(
        IniFile::parse("[open\n").expect_err("unclosed"),
        "line 1: a section header must end with `]`"
    );
}

#[tokio::test]
async fn chain_keeps_the_provider_that_answered() {
    let home = tempfile::tempdir().expect("tempdir");
    let path = write_config(home.path(), &profiles_json());
    let chain = chain(home.path(), &[]);
    assert!(chain.cached_credentials().is_none());
    let first = chain.resolve().await.expect("resolves");
    // The file changes; the chain keeps the provider it found (as the official libraries do).
    std::fs::remove_file(&path).expect("rm");
    let second = chain.resolve().await.expect("resolves");
    assert_eq!(first, second);
    assert_eq!(chain.cached_credentials(), Some(first));
}

#[tokio::test]
async fn profile_region_is_the_clients_region_when_none_is_set() {
    let home = tempfile::tempdir().expect("tempdir");
    let path = write_config(home.path(), &profiles_json());
    const TABLE: &[(&str, &str)] = &[
        ("cn-shanghai", "svc.cn-shanghai.aliyuncs.com"),
        ("cn-beijing", "svc.cn-beijing.aliyuncs.com"),
    ];
    let client = Client::builder()
        .regional_endpoints(TABLE)
        .credentials_chain(chain(home.path(), &[]))
        .build()
        .expect("builds");
    assert_eq!(client.region(), Some("cn-shanghai"));
    assert_eq!(client.endpoint().host(), "svc.cn-shanghai.aliyuncs.com");

    let client = Client::builder()
        .regional_endpoints(TABLE)
        .profile_provider(Credentials::profile("sts").file(&path))
        .build()
        .expect("builds");
    assert_eq!(client.region(), Some("cn-beijing"));
    let credentials = client
        .resolve_credentials()
        .await
        .expect("resolves")
        .expect("signed");
    assert_eq!(credentials.access_key_id(), "sts-id");

    // An explicit region wins.
    let client = Client::builder()
        .regional_endpoints(TABLE)
        .region("cn-beijing")
        .credentials_chain(chain(home.path(), &[]))
        .build()
        .expect("builds");
    assert_eq!(client.region(), Some("cn-beijing"));
}

#[tokio::test]
async fn prepare_needs_credentials_at_hand() {
    let home = tempfile::tempdir().expect("tempdir");
    write_config(home.path(), &profiles_json());
    let client = Client::builder()
        .endpoint("http://127.0.0.1:9")
        .credentials_chain(chain(home.path(), &[]))
        .build()
        .expect("builds");
    let op = common::Probe;
    let err = client.prepare(&op).expect_err("nothing resolved yet");
    assert!(
        err.to_string()
            .starts_with("no credentials at hand yet (the provider has not fetched any)"),
        "{err}"
    );
    client.resolve_credentials().await.expect("resolves");
    let prepared = client
        .prepare(&op)
        .expect("signs with the cached credentials");
    assert_eq!(
        prepared.query_param("AccessKeyId").as_deref(),
        Some("file-id"),
        "{}",
        prepared.url()
    );
    assert_no_secrets(&format!("{prepared:?}"));
}

#[tokio::test]
async fn config_file_variable_points_the_chain_elsewhere() {
    let home = tempfile::tempdir().expect("tempdir");
    let elsewhere = write(home.path(), "elsewhere/config.json", &profiles_json());
    let chain = chain(
        home.path(),
        &[(
            "ALIBABA_CLOUD_CONFIG_FILE",
            elsewhere.to_str().expect("utf-8 path"),
        )],
    );
    assert_eq!(chain.profile_path(), Some(elsewhere.clone()));
    let credentials = chain.resolve().await.expect("resolves");
    assert_eq!(
        credentials.source(),
        &CredentialsSource::ProfileFile {
            path: elsewhere,
            profile: "default".into()
        }
    );
}

/// Issue 20 (11): `access_key_secret = abc#def` was read as `abc` (cut at the `#`, as the
/// official readers cut it) and every call then failed with `SignatureDoesNotMatch`. Now the
/// file is refused, naming the line and the key, never the value; in backticks the `#` stays.
#[tokio::test]
async fn a_hash_inside_an_ini_secret_is_refused_not_cut() {
    let home = tempfile::tempdir().expect("tempdir");
    let with_hash = format!("{SECRET}#tail");
    let path = write(
        home.path(),
        ".alibabacloud/credentials",
        &format!("[default]\ntype = access_key\naccess_key_id = ini-id\naccess_key_secret = {with_hash}\n"),
    );
    let err = chain(home.path(), &[])
        .resolve()
        .await
        .expect_err("refused");
    let message = err.to_string();
    assert!(
        message.contains(&format!(
            "INI credentials file {p} (cannot use the INI credentials file {p}: line 4: the value of \
             `access_key_secret` has `#` inside it, where the official reader (gopkg.in/ini.v1, used \
             by credentials-go) would cut it; write the value in backticks (key = `value`) to keep \
             every character, or put a space before `#` if it starts a comment)",
            p = path.display()
        )),
        "{message}"
    );
    assert_no_secrets(&message);
    assert!(!message.contains("tail"), "{message}");

    write(
        home.path(),
        ".alibabacloud/credentials",
        &format!("[default]\ntype = access_key\naccess_key_id = ini-id\naccess_key_secret = `{with_hash}`  # quoted\n"),
    );
    let credentials = chain(home.path(), &[]).resolve().await.expect("resolves");
    assert_eq!(credentials.access_key_secret(), with_hash);
}
