//! Credentials and the provider chain.
//!
//! [`Credentials`] hold an AccessKey pair and, for STS, a security token; their `Debug` and
//! `Display` never show the secret or the token. [`DefaultChain`] looks for credentials the way
//! the official SDKs and the `aliyun` CLI do:
//!
//! 1. the environment: `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and,
//!    for STS, `ALIBABA_CLOUD_SECURITY_TOKEN`;
//! 2. the CLI profile file `~/.aliyun/config.json`: the profile named by `ALIBABA_CLOUD_PROFILE`,
//!    else the file's `current` profile (modes `AK` and `StsToken`).
//!
//! Explicit keys bypass the chain ([`Credentials::new`]). A half-set source (an id without a
//! secret, a profile without its token) is an error naming the source and the missing fields,
//! not a silent fall-through. Environment and home directory are injectable
//! ([`DefaultChain::with_vars`], [`DefaultChain::with_home`]) so tests never touch the process
//! environment.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// `ALIBABA_CLOUD_ACCESS_KEY_ID`.
pub const ENV_ACCESS_KEY_ID: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
/// `ALIBABA_CLOUD_ACCESS_KEY_SECRET`.
pub const ENV_ACCESS_KEY_SECRET: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
/// `ALIBABA_CLOUD_SECURITY_TOKEN`.
pub const ENV_SECURITY_TOKEN: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";
/// `ALIBABA_CLOUD_PROFILE`: the CLI profile to use instead of the file's `current` one.
pub const ENV_PROFILE: &str = "ALIBABA_CLOUD_PROFILE";
/// The CLI profile file, relative to the home directory.
pub const PROFILE_FILE: &str = ".aliyun/config.json";

/// Where a set of credentials came from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialsSource {
    /// Given explicitly by the program.
    Static,
    /// The `ALIBABA_CLOUD_*` environment variables.
    Environment,
    /// A profile of the CLI configuration file.
    ProfileFile {
        /// The file read.
        path: PathBuf,
        /// The profile used.
        profile: String,
    },
}

impl fmt::Display for CredentialsSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialsSource::Static => f.write_str("static credentials"),
            CredentialsSource::Environment => f.write_str("environment variables"),
            CredentialsSource::ProfileFile { path, profile } => {
                write!(f, "profile {profile:?} of {}", path.display())
            }
        }
    }
}

/// An AccessKey pair, optionally with an STS security token.
///
/// `Debug` and `Display` show the AccessKey ID and where the credentials came from, never the
/// secret or the token.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    access_key_id: String,
    access_key_secret: String,
    security_token: Option<String>,
    source: CredentialsSource,
}

impl Credentials {
    /// Long-term AccessKey credentials.
    pub fn new(access_key_id: impl Into<String>, access_key_secret: impl Into<String>) -> Self {
        Self {
            access_key_id: access_key_id.into(),
            access_key_secret: access_key_secret.into(),
            security_token: None,
            source: CredentialsSource::Static,
        }
    }

    /// STS credentials: an AccessKey pair plus its security token.
    pub fn with_security_token(
        access_key_id: impl Into<String>,
        access_key_secret: impl Into<String>,
        security_token: impl Into<String>,
    ) -> Self {
        Self {
            security_token: Some(security_token.into()),
            ..Self::new(access_key_id, access_key_secret)
        }
    }

    /// The AccessKey ID.
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The AccessKey secret. Handle with care: never log it.
    pub fn access_key_secret(&self) -> &str {
        &self.access_key_secret
    }

    /// The STS security token, when these are STS credentials.
    pub fn security_token(&self) -> Option<&str> {
        self.security_token.as_deref()
    }

    /// Where these credentials came from.
    pub fn source(&self) -> &CredentialsSource {
        &self.source
    }

    fn with_source(mut self, source: CredentialsSource) -> Self {
        self.source = source;
        self
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &"<redacted>")
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| "<redacted>"),
            )
            .field("source", &self.source)
            .finish()
    }
}

impl fmt::Display for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.security_token.is_some() {
            "STS credentials"
        } else {
            "AccessKey credentials"
        };
        write!(f, "{kind} {} from {}", self.access_key_id, self.source)
    }
}

/// No usable credentials. Says where the chain looked and what was missing or wrong; never
/// contains a secret or token value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialsError {
    /// No source had any credentials.
    #[error("no credentials found: looked in {}", .searched.join("; "))]
    NotFound {
        /// Every place looked, in order.
        searched: Vec<String>,
    },
    /// A source had some credentials but not all that its mode needs.
    #[error("incomplete credentials in {source_name}: missing {}", .missing.join(", "))]
    Incomplete {
        /// The environment variables or the profile file and profile.
        source_name: String,
        /// The missing variables or fields.
        missing: Vec<String>,
    },
    /// The profile file exists but cannot be used.
    #[error("cannot use the CLI profile file {}: {reason}", .path.display())]
    ProfileFile {
        /// The file.
        path: PathBuf,
        /// What was wrong (never file contents).
        reason: String,
    },
    /// The profile asked for does not exist in the file.
    #[error(
        "profile {profile:?} (from {chosen_by}) not found in {}; profiles there: {}",
        .path.display(),
        if .available.is_empty() { "none".to_owned() } else { .available.join(", ") }
    )]
    ProfileNotFound {
        /// The file.
        path: PathBuf,
        /// The profile asked for.
        profile: String,
        /// `ALIBABA_CLOUD_PROFILE` or the file's `current` field.
        chosen_by: String,
        /// The names of the profiles the file has.
        available: Vec<String>,
    },
    /// The profile uses a credential mode this runtime does not implement.
    #[error(
        "profile {profile:?} in {} uses mode {mode:?}; supported modes are \"AK\" and \"StsToken\"",
        .path.display()
    )]
    UnsupportedMode {
        /// The file.
        path: PathBuf,
        /// The profile.
        profile: String,
        /// Its `mode`.
        mode: String,
    },
    /// Something else, described.
    #[error("{0}")]
    Other(String),
}

/// One profile of the CLI configuration file (`profiles[]` in `~/.aliyun/config.json`).
#[derive(Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct Profile {
    /// `name`.
    pub name: String,
    /// `mode`: `AK`, `StsToken`, … (empty means `AK`).
    pub mode: String,
    /// `access_key_id`.
    pub access_key_id: String,
    /// `access_key_secret`.
    pub access_key_secret: String,
    /// `sts_token`.
    pub sts_token: String,
    /// `region_id`.
    pub region_id: String,
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
            .finish()
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
    /// Reads and parses a configuration file. Parse errors give line and column only, never
    /// file contents.
    pub fn load(path: &Path) -> Result<Self, CredentialsError> {
        let text = std::fs::read(path).map_err(|e| CredentialsError::ProfileFile {
            path: path.to_owned(),
            reason: format!("cannot read it: {}", e.kind()),
        })?;
        Self::parse(&text).map_err(|reason| CredentialsError::ProfileFile {
            path: path.to_owned(),
            reason,
        })
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
}

/// Looks up a variable; `None` when unset.
type VarLookup = dyn Fn(&str) -> Option<String> + Send + Sync;

/// The default credentials chain: environment, then the CLI profile file.
pub struct DefaultChain {
    vars: Box<VarLookup>,
    home: Option<PathBuf>,
}

impl fmt::Debug for DefaultChain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DefaultChain")
            .field("home", &self.home)
            .finish_non_exhaustive()
    }
}

impl Default for DefaultChain {
    fn default() -> Self {
        Self::new()
    }
}

impl DefaultChain {
    /// The chain over the process environment and the user's home directory (`HOME`, or
    /// `USERPROFILE` on Windows).
    pub fn new() -> Self {
        let home = home_from(|name| std::env::var_os(name).map(PathBuf::from));
        Self {
            vars: Box::new(|name| std::env::var(name).ok()),
            home,
        }
    }

    /// The chain over the given variables instead of the process environment. The home
    /// directory is taken from `HOME` (or `USERPROFILE`) in `vars`; override it with
    /// [`with_home`](Self::with_home).
    pub fn with_vars<K, V>(vars: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<String>,
    {
        let vars: HashMap<String, String> = vars
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        let home = home_from(|name| vars.get(name).map(PathBuf::from));
        Self {
            vars: Box::new(move |name| vars.get(name).cloned()),
            home,
        }
    }

    /// Uses `home` as the home directory (where `.aliyun/config.json` is looked for).
    pub fn with_home(mut self, home: impl Into<PathBuf>) -> Self {
        self.home = Some(home.into());
        self
    }

    /// The profile file this chain reads, when a home directory is known.
    pub fn profile_path(&self) -> Option<PathBuf> {
        self.home.as_ref().map(|home| home.join(PROFILE_FILE))
    }

    fn var(&self, name: &str) -> Option<String> {
        (self.vars)(name).filter(|v| !v.is_empty())
    }

    /// Resolves credentials: environment first, then the profile file.
    pub fn resolve(&self) -> Result<Credentials, CredentialsError> {
        let mut searched = Vec::with_capacity(2);
        if let Some(credentials) = self.env_credentials()? {
            return Ok(credentials);
        }
        searched.push(format!(
            "environment variables {ENV_ACCESS_KEY_ID} / {ENV_ACCESS_KEY_SECRET} (not set)"
        ));
        match self.profile_path() {
            Some(path) => {
                if let Some(credentials) = self.profile_file_credentials(&path)? {
                    return Ok(credentials);
                }
                searched.push(format!("CLI profile file {} (not found)", path.display()));
            }
            None => searched.push(format!(
                "CLI profile file ~/{PROFILE_FILE} (no home directory: HOME is not set)"
            )),
        }
        Err(CredentialsError::NotFound { searched })
    }

    fn env_credentials(&self) -> Result<Option<Credentials>, CredentialsError> {
        let id = self.var(ENV_ACCESS_KEY_ID);
        let secret = self.var(ENV_ACCESS_KEY_SECRET);
        let token = self.var(ENV_SECURITY_TOKEN);
        match (id, secret) {
            (Some(id), Some(secret)) => {
                let credentials = match token {
                    Some(token) => Credentials::with_security_token(id, secret, token),
                    None => Credentials::new(id, secret),
                };
                Ok(Some(
                    credentials.with_source(CredentialsSource::Environment),
                ))
            }
            (None, None) if token.is_none() => Ok(None),
            (id, secret) => {
                let mut missing = Vec::new();
                if id.is_none() {
                    missing.push(ENV_ACCESS_KEY_ID.to_owned());
                }
                if secret.is_none() {
                    missing.push(ENV_ACCESS_KEY_SECRET.to_owned());
                }
                Err(CredentialsError::Incomplete {
                    source_name: "environment variables".to_owned(),
                    missing,
                })
            }
        }
    }

    fn profile_file_credentials(
        &self,
        path: &Path,
    ) -> Result<Option<Credentials>, CredentialsError> {
        if !path.exists() {
            if let Some(profile) = self.var(ENV_PROFILE) {
                return Err(CredentialsError::ProfileFile {
                    path: path.to_owned(),
                    reason: format!(
                        "{ENV_PROFILE} names profile {profile:?} but the file does not exist"
                    ),
                });
            }
            return Ok(None);
        }
        let config = ProfileConfig::load(path)?;
        let (name, chosen_by) = match self.var(ENV_PROFILE) {
            Some(name) => (name, ENV_PROFILE.to_owned()),
            None if !config.current.is_empty() => (
                config.current.clone(),
                "the file's `current` field".to_owned(),
            ),
            None => {
                return Err(CredentialsError::ProfileFile {
                    path: path.to_owned(),
                    reason: format!(
                        "no profile chosen: the file has no `current` and {ENV_PROFILE} is not set"
                    ),
                })
            }
        };
        let profile = config
            .profile(&name)
            .ok_or_else(|| CredentialsError::ProfileNotFound {
                path: path.to_owned(),
                profile: name.clone(),
                chosen_by,
                available: config.profiles.iter().map(|p| p.name.clone()).collect(),
            })?;
        profile_credentials(path, profile).map(Some)
    }
}

fn home_from(lookup: impl Fn(&str) -> Option<PathBuf>) -> Option<PathBuf> {
    lookup("HOME")
        .filter(|p| !p.as_os_str().is_empty())
        .or_else(|| lookup("USERPROFILE").filter(|p| !p.as_os_str().is_empty()))
}

/// Credentials from one profile of the CLI file, by its mode.
fn profile_credentials(path: &Path, profile: &Profile) -> Result<Credentials, CredentialsError> {
    let sts = match profile.mode.as_str() {
        "" | "AK" => false,
        "StsToken" => true,
        other => {
            return Err(CredentialsError::UnsupportedMode {
                path: path.to_owned(),
                profile: profile.name.clone(),
                mode: other.to_owned(),
            })
        }
    };
    let mut missing = Vec::new();
    if profile.access_key_id.is_empty() {
        missing.push("access_key_id".to_owned());
    }
    if profile.access_key_secret.is_empty() {
        missing.push("access_key_secret".to_owned());
    }
    if sts && profile.sts_token.is_empty() {
        missing.push("sts_token".to_owned());
    }
    if !missing.is_empty() {
        return Err(CredentialsError::Incomplete {
            source_name: format!(
                "profile {:?} (mode {}) of {}",
                profile.name,
                if sts { "StsToken" } else { "AK" },
                path.display()
            ),
            missing,
        });
    }
    let credentials = if sts {
        Credentials::with_security_token(
            &profile.access_key_id,
            &profile.access_key_secret,
            &profile.sts_token,
        )
    } else {
        Credentials::new(&profile.access_key_id, &profile.access_key_secret)
    };
    Ok(credentials.with_source(CredentialsSource::ProfileFile {
        path: path.to_owned(),
        profile: profile.name.clone(),
    }))
}
