//! The environment variables the chain reads (names as in Alibaba Cloud's credentials libraries)
//! and the injectable lookup over them.

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// `ALIBABA_CLOUD_ACCESS_KEY_ID`.
pub const ENV_ACCESS_KEY_ID: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
/// `ALIBABA_CLOUD_ACCESS_KEY_SECRET`.
pub const ENV_ACCESS_KEY_SECRET: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
/// `ALIBABA_CLOUD_SECURITY_TOKEN`.
pub const ENV_SECURITY_TOKEN: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";
/// `ALIBABA_CLOUD_ROLE_ARN`: the role to assume (OIDC from the environment).
pub const ENV_ROLE_ARN: &str = "ALIBABA_CLOUD_ROLE_ARN";
/// `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`.
pub const ENV_OIDC_PROVIDER_ARN: &str = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
/// `ALIBABA_CLOUD_OIDC_TOKEN_FILE`: the file holding the OIDC token (re-read on every refresh).
pub const ENV_OIDC_TOKEN_FILE: &str = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";
/// `ALIBABA_CLOUD_ROLE_SESSION_NAME`.
pub const ENV_ROLE_SESSION_NAME: &str = "ALIBABA_CLOUD_ROLE_SESSION_NAME";
/// `ALIBABA_CLOUD_STS_REGION`: STS calls go to `sts.<region>.aliyuncs.com`.
pub const ENV_STS_REGION: &str = "ALIBABA_CLOUD_STS_REGION";
/// `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED`: `true` for `sts-vpc.<region>.aliyuncs.com`.
pub const ENV_VPC_ENDPOINT_ENABLED: &str = "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED";
/// `ALIBABA_CLOUD_PROFILE`: the CLI profile (and INI section) to use.
pub const ENV_PROFILE: &str = "ALIBABA_CLOUD_PROFILE";
/// `ALIBABA_CLOUD_CONFIG_FILE`: the CLI profile file instead of `~/.aliyun/config.json` (read
/// by `credentials-go`).
pub const ENV_CONFIG_FILE: &str = "ALIBABA_CLOUD_CONFIG_FILE";
/// `ALIBABA_CLOUD_CLI_PROFILE_DISABLED`: `true` skips `~/.aliyun/config.json`.
pub const ENV_CLI_PROFILE_DISABLED: &str = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";
/// `ALIBABA_CLOUD_CREDENTIALS_FILE`: the INI credentials file instead of
/// `~/.alibabacloud/credentials`.
pub const ENV_CREDENTIALS_FILE: &str = "ALIBABA_CLOUD_CREDENTIALS_FILE";
/// `ALIBABA_CLOUD_ECS_METADATA`: the instance RAM role name.
pub const ENV_ECS_METADATA: &str = "ALIBABA_CLOUD_ECS_METADATA";
/// `ALIBABA_CLOUD_ECS_METADATA_DISABLED`: `true` skips the metadata service.
pub const ENV_ECS_METADATA_DISABLED: &str = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";
/// `ALIBABA_CLOUD_IMDSV1_DISABLED`: `true` forbids metadata requests without a session token.
pub const ENV_IMDSV1_DISABLED: &str = "ALIBABA_CLOUD_IMDSV1_DISABLED";
/// `ALIBABA_CLOUD_CREDENTIALS_URI`: a URL answering with temporary credentials.
pub const ENV_CREDENTIALS_URI: &str = "ALIBABA_CLOUD_CREDENTIALS_URI";
/// The CLI profile file, relative to the home directory.
pub const PROFILE_FILE: &str = ".aliyun/config.json";
/// The INI credentials file, relative to the home directory (as `credentials-go` reads it; the
/// Python library names it `credentials.ini`).
pub const INI_FILE: &str = ".alibabacloud/credentials";

type Lookup = dyn Fn(&str) -> Option<String> + Send + Sync;

/// Looks up a variable; `None` when unset.
#[derive(Clone)]
pub(crate) struct Vars(Arc<Lookup>);

impl fmt::Debug for Vars {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Vars(..)")
    }
}

impl Vars {
    /// The process environment.
    pub(crate) fn process() -> Self {
        Self(Arc::new(|name| std::env::var(name).ok()))
    }

    /// Exactly these variables.
    pub(crate) fn from_map(vars: HashMap<String, String>) -> Self {
        Self(Arc::new(move |name| vars.get(name).cloned()))
    }

    /// The value, `None` when unset or empty.
    pub(crate) fn get(&self, name: &str) -> Option<String> {
        (self.0)(name).filter(|v| !v.is_empty())
    }

    /// Whether the variable is `true` (any case), as the official libraries test flags.
    pub(crate) fn is_true(&self, name: &str) -> bool {
        self.get(name)
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    }

    /// `HOME`, else `USERPROFILE` (Windows).
    pub(crate) fn home(&self) -> Option<PathBuf> {
        self.get("HOME")
            .or_else(|| self.get("USERPROFILE"))
            .map(PathBuf::from)
    }
}
