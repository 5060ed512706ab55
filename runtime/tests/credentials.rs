//! The credentials chain (environment and CLI profile file, both injected) and redaction.

use std::path::Path;

use acs_runtime::credentials::{
    Credentials, CredentialsError, CredentialsSource, DefaultChain, ProfileConfig,
};

const SECRET: &str = "S3cr3t-VALUE-never-shown";
const TOKEN: &str = "STS-T0KEN-never-shown";

fn assert_no_secrets(text: &str) {
    for secret in [SECRET, TOKEN] {
        assert!(!text.contains(secret), "secret leaked into {text:?}");
    }
}

fn write_config(home: &Path, json: &str) -> std::path::PathBuf {
    let dir = home.join(".aliyun");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let path = dir.join("config.json");
    std::fs::write(&path, json).expect("write config");
    path
}

fn profiles_json() -> String {
    format!(
        r#"{{
  "current": "default",
  "profiles": [
    {{"name": "default", "mode": "AK", "access_key_id": "file-id", "access_key_secret": "{SECRET}", "region_id": "cn-hangzhou"}},
    {{"name": "sts", "mode": "StsToken", "access_key_id": "sts-id", "access_key_secret": "{SECRET}", "sts_token": "{TOKEN}"}},
    {{"name": "half", "mode": "StsToken", "access_key_id": "half-id", "access_key_secret": "{SECRET}"}},
    {{"name": "role", "mode": "RamRoleArn", "access_key_id": "r", "access_key_secret": "{SECRET}"}}
  ],
  "meta_path": ""
}}"#
    )
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
}

#[test]
fn environment_credentials() {
    let chain = DefaultChain::with_vars([
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET),
        ("ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN),
    ]);
    let credentials = chain.resolve().expect("resolves");
    assert_eq!(credentials.access_key_id(), "env-id");
    assert_eq!(credentials.access_key_secret(), SECRET);
    assert_eq!(credentials.security_token(), Some(TOKEN));
    assert_eq!(credentials.source(), &CredentialsSource::Environment);
}

#[test]
fn half_set_environment_is_an_error_naming_what_is_missing() {
    let cases: [(&[(&str, &str)], &str); 3] = [
        (
            &[("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id")],
            "missing ALIBABA_CLOUD_ACCESS_KEY_SECRET",
        ),
        (
            &[("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)],
            "missing ALIBABA_CLOUD_ACCESS_KEY_ID",
        ),
        (
            &[
                ("ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN),
                ("ALIBABA_CLOUD_ACCESS_KEY_ID", ""),
            ],
            "missing ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET",
        ),
    ];
    for (vars, missing) in cases {
        let err = DefaultChain::with_vars(vars.iter().copied())
            .resolve()
            .expect_err("fails");
        let message = err.to_string();
        assert_eq!(
            message,
            format!("incomplete credentials in environment variables: {missing}")
        );
        assert_no_secrets(&message);
        assert_no_secrets(&format!("{err:?}"));
    }
}

#[test]
fn nothing_found_says_where_it_looked() {
    let home = tempfile::tempdir().expect("tempdir");
    let err = DefaultChain::with_vars(Vec::<(String, String)>::new())
        .with_home(home.path())
        .resolve()
        .expect_err("fails");
    let path = home.path().join(".aliyun/config.json");
    assert_eq!(
        err.to_string(),
        format!(
            "no credentials found: looked in environment variables ALIBABA_CLOUD_ACCESS_KEY_ID / \
             ALIBABA_CLOUD_ACCESS_KEY_SECRET (not set); CLI profile file {} (not found)",
            path.display()
        )
    );
    let err = DefaultChain::with_vars(Vec::<(String, String)>::new())
        .resolve()
        .expect_err("fails");
    assert_eq!(
        err,
        CredentialsError::NotFound {
            searched: vec![
                "environment variables ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET (not set)".into(),
                "CLI profile file ~/.aliyun/config.json (no home directory: HOME is not set)".into(),
            ]
        }
    );
}

#[test]
fn profile_file_current_profile() {
    let home = tempfile::tempdir().expect("tempdir");
    let path = write_config(home.path(), &profiles_json());
    let credentials =
        DefaultChain::with_vars([("HOME", home.path().to_string_lossy().into_owned())])
            .resolve()
            .expect("resolves");
    assert_eq!(credentials.access_key_id(), "file-id");
    assert_eq!(credentials.access_key_secret(), SECRET);
    assert_eq!(credentials.security_token(), None);
    assert_eq!(
        credentials.source(),
        &CredentialsSource::ProfileFile {
            path,
            profile: "default".into()
        }
    );
}

#[test]
fn profile_chosen_by_env_var_with_sts_token() {
    let home = tempfile::tempdir().expect("tempdir");
    write_config(home.path(), &profiles_json());
    let credentials = DefaultChain::with_vars([("ALIBABA_CLOUD_PROFILE", "sts")])
        .with_home(home.path())
        .resolve()
        .expect("resolves");
    assert_eq!(credentials.access_key_id(), "sts-id");
    assert_eq!(credentials.security_token(), Some(TOKEN));
}

#[test]
fn environment_wins_over_the_profile_file() {
    let home = tempfile::tempdir().expect("tempdir");
    write_config(home.path(), &profiles_json());
    let credentials = DefaultChain::with_vars([
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret"),
    ])
    .with_home(home.path())
    .resolve()
    .expect("resolves");
    assert_eq!(credentials.access_key_id(), "env-id");
}

#[test]
fn profile_file_errors_are_specific_and_never_show_secrets() {
    let home = tempfile::tempdir().expect("tempdir");
    let path = write_config(home.path(), &profiles_json());
    let resolve = |profile: &str| {
        DefaultChain::with_vars([("ALIBABA_CLOUD_PROFILE", profile)])
            .with_home(home.path())
            .resolve()
            .expect_err("fails")
    };
    let p = path.display();
    let cases = [
        (
            resolve("half"),
            format!("incomplete credentials in profile \"half\" (mode StsToken) of {p}: missing sts_token"),
        ),
        (
            resolve("role"),
            format!("profile \"role\" in {p} uses mode \"RamRoleArn\"; supported modes are \"AK\" and \"StsToken\""),
        ),
        (
            resolve("nope"),
            format!(
                "profile \"nope\" (from ALIBABA_CLOUD_PROFILE) not found in {p}; profiles there: default, sts, half, role"
            ),
        ),
    ];
    for (err, expected) in cases {
        assert_eq!(err.to_string(), expected);
        assert_no_secrets(&err.to_string());
        assert_no_secrets(&format!("{err:?}"));
    }
}

#[test]
fn malformed_profile_file_reports_position_not_contents() {
    let home = tempfile::tempdir().expect("tempdir");
    let path = write_config(
        home.path(),
        &format!("{{\"current\": \"default\", \"profiles\": [{{\"access_key_secret\": \"{SECRET}\" \"x\"}}]}}"),
    );
    let err = DefaultChain::with_vars(Vec::<(String, String)>::new())
        .with_home(home.path())
        .resolve()
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
    let err = DefaultChain::with_vars(Vec::<(String, String)>::new())
        .with_home(home.path())
        .resolve()
        .expect_err("fails");
    assert_no_secrets(&err.to_string());
    assert!(
        err.to_string()
            .contains("not the expected structure at line 1"),
        "{err}"
    );
}

#[test]
fn profile_named_but_file_missing() {
    let home = tempfile::tempdir().expect("tempdir");
    let err = DefaultChain::with_vars([("ALIBABA_CLOUD_PROFILE", "work")])
        .with_home(home.path())
        .resolve()
        .expect_err("fails");
    assert_eq!(
        err.to_string(),
        format!(
            "cannot use the CLI profile file {}: ALIBABA_CLOUD_PROFILE names profile \"work\" but the file does not exist",
            home.path().join(".aliyun/config.json").display()
        )
    );
}

#[test]
fn no_current_profile() {
    let home = tempfile::tempdir().expect("tempdir");
    let path = write_config(home.path(), r#"{"profiles": [{"name": "a"}]}"#);
    let err = DefaultChain::with_vars(Vec::<(String, String)>::new())
        .with_home(home.path())
        .resolve()
        .expect_err("fails");
    assert_eq!(
        err.to_string(),
        format!(
            "cannot use the CLI profile file {}: no profile chosen: the file has no `current` and ALIBABA_CLOUD_PROFILE is not set",
            path.display()
        )
    );
}
