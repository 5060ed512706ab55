//! The CLI profile file `~/.aliyun/config.json` (written by `aliyun configure`): the parts this
//! runtime reads, and a provider for each profile mode — `AK`, `StsToken`, `RamRoleArn`,
//! `ChainableRamRoleArn` (role assumed with another profile's credentials), `EcsRamRole`, `OIDC`,
//! `CredentialsURI` — with the field names of the CLI and `credentials-go`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::chain::Settings;
use super::provider::{CredentialsFuture, ProvideCredentials, SharedCredentialsProvider};
use super::{
    Credentials, CredentialsError, CredentialsSource, CredentialsUri, OidcRoleArn, RamRoleArn,
    ENV_CONFIG_FILE, ENV_PROFILE, PROFILE_FILE,
};

/// The configuration file is refused beyond this size.
const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// `ChainableRamRoleArn` profiles may chain this deep (a loop is an error, not a hang).
const MAX_CHAIN_DEPTH: usize = 8;
const WHAT: &str = "the CLI profile file";

/// One profile of the CLI configuration file (`profiles[]` in `~/.aliyun/config.json`).
#[derive(Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Profile {
    /// `name`.
    pub name: String,
    /// `mode`: `AK`, `StsToken`, `RamRoleArn`, `ChainableRamRoleArn`, `EcsRamRole`, `OIDC`,
    /// `CredentialsURI`.
    pub mode: String,
    /// `access_key_id`.
    pub access_key_id: String,
    /// `access_key_secret`.
    pub access_key_secret: String,
    /// `sts_token`.
    pub sts_token: String,
    /// `region_id`: the region a client uses when it is given none.
    pub region_id: String,
    /// `ram_role_arn` (`RamRoleArn`, `ChainableRamRoleArn`, `OIDC`).
    pub ram_role_arn: String,
    /// `ram_session_name`.
    pub ram_session_name: String,
    /// `expired_seconds`: the session duration.
    pub expired_seconds: u32,
    /// `sts_region`.
    pub sts_region: String,
    /// `enable_vpc`: the `sts-vpc.` endpoint.
    pub enable_vpc: bool,
    /// `policy`.
    pub policy: String,
    /// `external_id`.
    pub external_id: String,
    /// `source_profile` (`ChainableRamRoleArn`).
    pub source_profile: String,
    /// `ram_role_name` (`EcsRamRole`).
    pub ram_role_name: String,
    /// `oidc_provider_arn` (`OIDC`).
    pub oidc_provider_arn: String,
    /// `oidc_token_file` (`OIDC`).
    pub oidc_token_file: String,
    /// `credentials_uri` (`CredentialsURI`).
    pub credentials_uri: String,
}

impl fmt::Debug for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Profile")
            .field("name", &self.name)
            .field("mode", &self.mode)
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &"<redacted>")
            .field("sts_token", &"<redacted>")
            .field("region_id", &self.region_id)
            .field("ram_role_arn", &self.ram_role_arn)
            .field("source_profile", &self.source_profile)
            .finish_non_exhaustive()
    }
}

/// The CLI configuration file (`~/.aliyun/config.json`), the parts this runtime reads.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct ProfileConfig {
    /// `current`: the profile the CLI uses by default.
    pub current: String,
    /// `profiles`.
    pub profiles: Vec<Profile>,
}

impl ProfileConfig {
    /// Reads and parses a configuration file. Errors name the file and give line and column
    /// only, never file contents.
    pub fn load(path: &Path) -> Result<Self, CredentialsError> {
        let text = read_small_file(path, WHAT, MAX_FILE_BYTES)?;
        Self::parse(&text).map_err(|reason| file_error(path, reason))
    }

    /// Parses configuration-file JSON; the error says where it is malformed.
    pub fn parse(json: &[u8]) -> Result<Self, String> {
        serde_json::from_slice(json).map_err(|e| {
            let what = match e.classify() {
                serde_json::error::Category::Io => "unreadable",
                serde_json::error::Category::Syntax => "not valid JSON",
                serde_json::error::Category::Data => "not the expected structure",
                serde_json::error::Category::Eof => "truncated JSON",
            };
            format!("{what} at line {} column {}", e.line(), e.column())
        })
    }

    /// The profile named `name`.
    pub fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.name == name)
    }

    /// The profile to use: `explicit` (the program's choice), else `ALIBABA_CLOUD_PROFILE`, else
    /// `current`; with who chose it.
    pub(crate) fn choose(
        &self,
        path: &Path,
        explicit: Option<&str>,
        from_env: Option<String>,
    ) -> Result<&Profile, CredentialsError> {
        let (name, chosen_by) = match (explicit, from_env) {
            (Some(name), _) => (name.to_owned(), "the program".to_owned()),
            (None, Some(name)) => (name, ENV_PROFILE.to_owned()),
            (None, None) if !self.current.is_empty() => (
                self.current.clone(),
                "the file's `current` field".to_owned(),
            ),
            (None, None) => {
                return Err(file_error(
                    path,
                    format!(
                        "no profile chosen: the file has no `current` and {ENV_PROFILE} is not set"
                    ),
                ))
            }
        };
        self.profile(&name)
            .ok_or_else(|| CredentialsError::ProfileNotFound {
                path: path.to_owned(),
                profile: name,
                chosen_by,
                available: self.profiles.iter().map(|p| p.name.clone()).collect(),
            })
    }
}

fn file_error(path: &Path, reason: String) -> CredentialsError {
    CredentialsError::File {
        what: WHAT.to_owned(),
        path: path.to_owned(),
        reason,
    }
}

/// Reads a configuration file of at most `limit` bytes; errors say what is wrong, never contents.
pub(crate) fn read_small_file(
    path: &Path,
    what: &str,
    limit: u64,
) -> Result<Vec<u8>, CredentialsError> {
    let fail = |reason: String| CredentialsError::File {
        what: what.to_owned(),
        path: path.to_owned(),
        reason,
    };
    let metadata =
        std::fs::metadata(path).map_err(|e| fail(format!("cannot read it: {}", e.kind())))?;
    if !metadata.is_file() {
        return Err(fail("it is not a regular file".to_owned()));
    }
    if metadata.len() > limit {
        return Err(fail(format!("it is larger than {limit} bytes")));
    }
    std::fs::read(path).map_err(|e| fail(format!("cannot read it: {}", e.kind())))
}

/// The provider for `profile` of `config` (read from `path`), by its mode.
pub(crate) fn provider_for_profile(
    config: &ProfileConfig,
    path: &Path,
    profile: &Profile,
    settings: &Settings,
    depth: usize,
) -> Result<SharedCredentialsProvider, CredentialsError> {
    let source_name = |mode: &str| {
        format!(
            "profile {:?} (mode {mode}) of {}",
            profile.name,
            path.display()
        )
    };
    let require = |mode: &str, fields: &[(&str, &str)]| {
        let missing: Vec<String> = fields
            .iter()
            .filter(|(_, value)| value.is_empty())
            .map(|(name, _)| (*name).to_owned())
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(CredentialsError::Incomplete {
                source_name: source_name(mode),
                missing,
            })
        }
    };
    let keys = [
        ("access_key_id", profile.access_key_id.as_str()),
        ("access_key_secret", profile.access_key_secret.as_str()),
    ];
    let labelled = |credentials: Credentials| {
        credentials.with_source(CredentialsSource::ProfileFile {
            path: path.to_owned(),
            profile: profile.name.clone(),
        })
    };
    let role = |source: SharedCredentialsProvider| {
        let mut provider = RamRoleArn::new(source, &profile.ram_role_arn)
            .endpoint(settings.sts_endpoint(&profile.sts_region, profile.enable_vpc))
            .role_session_name(settings.session_name(&profile.ram_session_name))
            .policy(&profile.policy)
            .external_id(&profile.external_id);
        if profile.expired_seconds != 0 {
            provider = provider.duration_seconds(profile.expired_seconds);
        }
        settings.margin(provider, RamRoleArn::refresh_margin)
    };
    let provider: SharedCredentialsProvider = match profile.mode.as_str() {
        "AK" => {
            require("AK", &keys)?;
            Arc::new(labelled(Credentials::new(
                &profile.access_key_id,
                &profile.access_key_secret,
            )))
        }
        "StsToken" => {
            require(
                "StsToken",
                &[keys[0], keys[1], ("sts_token", profile.sts_token.as_str())],
            )?;
            Arc::new(labelled(Credentials::with_security_token(
                &profile.access_key_id,
                &profile.access_key_secret,
                &profile.sts_token,
            )))
        }
        "RamRoleArn" => {
            require(
                "RamRoleArn",
                &[
                    keys[0],
                    keys[1],
                    ("ram_role_arn", profile.ram_role_arn.as_str()),
                ],
            )?;
            let source = labelled(Credentials::new(
                &profile.access_key_id,
                &profile.access_key_secret,
            ));
            Arc::new(role(Arc::new(source)))
        }
        "ChainableRamRoleArn" => {
            require(
                "ChainableRamRoleArn",
                &[
                    ("source_profile", profile.source_profile.as_str()),
                    ("ram_role_arn", profile.ram_role_arn.as_str()),
                ],
            )?;
            if depth >= MAX_CHAIN_DEPTH {
                return Err(file_error(
                    path,
                    format!(
                        "profile {:?}: source_profile chains more than {MAX_CHAIN_DEPTH} deep (a loop?)",
                        profile.name
                    ),
                ));
            }
            let source_profile = config.profile(&profile.source_profile).ok_or_else(|| {
                CredentialsError::ProfileNotFound {
                    path: path.to_owned(),
                    profile: profile.source_profile.clone(),
                    chosen_by: format!("source_profile of profile {:?}", profile.name),
                    available: config.profiles.iter().map(|p| p.name.clone()).collect(),
                }
            })?;
            let source = provider_for_profile(config, path, source_profile, settings, depth + 1)?;
            Arc::new(role(source))
        }
        "EcsRamRole" => Arc::new(settings.ecs(Some(profile.ram_role_name.clone()))),
        "OIDC" => {
            require(
                "OIDC",
                &[
                    ("ram_role_arn", profile.ram_role_arn.as_str()),
                    ("oidc_provider_arn", profile.oidc_provider_arn.as_str()),
                    ("oidc_token_file", profile.oidc_token_file.as_str()),
                ],
            )?;
            let mut provider = OidcRoleArn::new(
                &profile.ram_role_arn,
                &profile.oidc_provider_arn,
                &profile.oidc_token_file,
            )
            .endpoint(settings.sts_endpoint(&profile.sts_region, profile.enable_vpc))
            .role_session_name(settings.session_name(&profile.ram_session_name))
            .policy(&profile.policy);
            if profile.expired_seconds != 0 {
                provider = provider.duration_seconds(profile.expired_seconds);
            }
            Arc::new(settings.margin(provider, OidcRoleArn::refresh_margin))
        }
        "CredentialsURI" => {
            require(
                "CredentialsURI",
                &[("credentials_uri", profile.credentials_uri.as_str())],
            )?;
            Arc::new(settings.margin(
                CredentialsUri::new(&profile.credentials_uri),
                CredentialsUri::refresh_margin,
            ))
        }
        other => {
            return Err(CredentialsError::UnsupportedMode {
                path: path.to_owned(),
                profile: profile.name.clone(),
                mode: other.to_owned(),
            })
        }
    };
    Ok(provider)
}

/// Credentials from one profile of the CLI file, chosen by the program
/// ([`Credentials::profile`], `ClientBuilder::profile`). The file is read on first use; the
/// profile's provider is then kept (with its refreshing cache).
#[derive(Debug)]
pub struct ProfileProvider {
    name: Option<String>,
    path: Option<PathBuf>,
    settings: Settings,
    inner: OnceLock<SharedCredentialsProvider>,
    discover: tokio::sync::Mutex<()>,
}

impl ProfileProvider {
    /// Profile `name` (or, with `None`, `ALIBABA_CLOUD_PROFILE` / the file's `current`) of
    /// `~/.aliyun/config.json`.
    pub(crate) fn with_settings(name: Option<String>, settings: Settings) -> Self {
        Self {
            name,
            path: None,
            settings,
            inner: OnceLock::new(),
            discover: tokio::sync::Mutex::new(()),
        }
    }

    /// Reads this file instead of `~/.aliyun/config.json`.
    pub fn file(mut self, path: impl Into<PathBuf>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// STS calls of role profiles go to this base URL (e.g. a local fake).
    pub fn sts_endpoint(mut self, url: impl Into<String>) -> Self {
        self.settings.sts_endpoint = Some(url.into());
        self
    }

    /// `EcsRamRole` profiles ask this metadata service (e.g. a local fake).
    pub fn metadata_endpoint(mut self, url: impl Into<String>) -> Self {
        self.settings.metadata_endpoint = Some(url.into());
        self
    }

    /// Temporary credentials are refreshed this long before expiration.
    pub fn refresh_margin(mut self, margin: std::time::Duration) -> Self {
        self.settings.refresh_margin = Some(margin);
        self
    }

    /// The file read.
    pub fn path(&self) -> Result<PathBuf, CredentialsError> {
        let from_env = self.settings.vars.get(ENV_CONFIG_FILE).map(PathBuf::from);
        match (self.path.clone().or(from_env), self.settings.home.clone()) {
            (Some(path), _) => Ok(path),
            (None, Some(home)) => Ok(home.join(PROFILE_FILE)),
            (None, None) => Err(CredentialsError::InvalidConfig(format!(
                "cannot find ~/{PROFILE_FILE}: no home directory (HOME is not set)"
            ))),
        }
    }

    /// The chosen profile's `region_id`, when it has one.
    pub fn region(&self) -> Result<Option<String>, CredentialsError> {
        let path = self.path()?;
        let config = ProfileConfig::load(&path)?;
        let profile = config.choose(
            &path,
            self.name.as_deref(),
            self.settings.vars.get(ENV_PROFILE),
        )?;
        Ok(Some(profile.region_id.clone()).filter(|r| !r.is_empty()))
    }

    fn load(&self) -> Result<SharedCredentialsProvider, CredentialsError> {
        let path = self.path()?;
        let config = ProfileConfig::load(&path)?;
        let profile = config.choose(
            &path,
            self.name.as_deref(),
            self.settings.vars.get(ENV_PROFILE),
        )?;
        provider_for_profile(&config, &path, profile, &self.settings, 0)
    }

    async fn get(&self) -> Result<Credentials, CredentialsError> {
        if let Some(inner) = self.inner.get() {
            return inner.provide_credentials().await;
        }
        let inner = {
            let _discovering = self.discover.lock().await;
            match self.inner.get() {
                Some(inner) => Arc::clone(inner),
                None => {
                    let inner = self.load()?;
                    Arc::clone(self.inner.get_or_init(|| inner))
                }
            }
        };
        inner.provide_credentials().await
    }
}

impl ProvideCredentials for ProfileProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.get())
    }

    fn cached_credentials(&self) -> Option<Credentials> {
        self.inner
            .get()
            .and_then(|inner| inner.cached_credentials())
    }
}

impl Credentials {
    /// Credentials from profile `name` of the CLI file `~/.aliyun/config.json` (any mode).
    pub fn profile(name: impl Into<String>) -> ProfileProvider {
        ProfileProvider::with_settings(Some(name.into()), Settings::process())
    }
}
