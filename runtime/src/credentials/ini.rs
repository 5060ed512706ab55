//! The INI credentials file `~/.alibabacloud/credentials` (`ALIBABA_CLOUD_CREDENTIALS_FILE`): one
//! section per profile, `type` = `access_key`, `ecs_ram_role`, `ram_role_arn` or `oidc_role_arn`,
//! keys as in `credentials-go` and the Python library.
//!
//! ```ini
//! [default]
//! type = access_key
//! access_key_id = LTAI...
//! access_key_secret = ...
//! ```
//!
//! `#` and `;` start comment lines; a `#` after a value starts a comment (as the Python library
//! reads it). A line that is neither a section, a `key = value` pair, a comment nor blank is an
//! error naming the file and the line.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::chain::Settings;
use super::profile::read_small_file;
use super::provider::SharedCredentialsProvider;
use super::{Credentials, CredentialsError, CredentialsSource, OidcRoleArn, RamRoleArn};

const MAX_FILE_BYTES: u64 = 1024 * 1024;
const WHAT: &str = "the INI credentials file";

/// One `[section]`: its name and `key = value` pairs in order.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct IniSection {
    /// The section name.
    pub name: String,
    /// The pairs, keys as written.
    pub entries: Vec<(String, String)>,
}

impl std::fmt::Debug for IniSection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Values may be secrets: list the keys only.
        let keys: Vec<&str> = self.entries.iter().map(|(k, _)| k.as_str()).collect();
        f.debug_struct("IniSection")
            .field("name", &self.name)
            .field("keys", &keys)
            .finish()
    }
}

impl IniSection {
    /// The value of `key` (the last one when repeated), `None` when absent or empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }
}

/// A parsed INI credentials file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IniFile {
    /// The sections in order.
    pub sections: Vec<IniSection>,
}

impl IniFile {
    /// Reads and parses the file; errors name it and say what is wrong, never its contents.
    pub fn load(path: &Path) -> Result<Self, CredentialsError> {
        let bytes = read_small_file(path, WHAT, MAX_FILE_BYTES)?;
        let text = String::from_utf8(bytes).map_err(|e| {
            file_error(
                path,
                format!("it is not UTF-8 (byte {})", e.utf8_error().valid_up_to()),
            )
        })?;
        Self::parse(&text).map_err(|reason| file_error(path, reason))
    }

    /// Parses INI text; the error gives the line number and what was expected.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut sections: Vec<IniSection> = Vec::new();
        for (index, raw) in text.lines().enumerate() {
            let line_no = index + 1;
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            if let Some(rest) = line.strip_prefix('[') {
                let name = rest
                    .strip_suffix(']')
                    .map(str::trim)
                    .ok_or_else(|| format!("line {line_no}: a section header must end with `]`"))?;
                if name.is_empty() {
                    return Err(format!("line {line_no}: empty section name"));
                }
                sections.push(IniSection {
                    name: name.to_owned(),
                    entries: Vec::new(),
                });
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                return Err(format!(
                    "line {line_no}: expected `[section]` or `key = value`"
                ));
            };
            let key = key.trim();
            if key.is_empty() {
                return Err(format!("line {line_no}: a key is missing before `=`"));
            }
            let Some(section) = sections.last_mut() else {
                return Err(format!(
                    "line {line_no}: `{key} = ...` comes before any `[section]`"
                ));
            };
            let value = value.split('#').next().unwrap_or_default().trim();
            section.entries.push((key.to_owned(), value.to_owned()));
        }
        Ok(Self { sections })
    }

    /// The section named `name`.
    pub fn section(&self, name: &str) -> Option<&IniSection> {
        self.sections.iter().find(|s| s.name == name)
    }
}

fn file_error(path: &Path, reason: String) -> CredentialsError {
    CredentialsError::File {
        what: WHAT.to_owned(),
        path: path.to_owned(),
        reason,
    }
}

/// The provider for one section, by its `type`.
pub(crate) fn provider_for_section(
    path: &Path,
    section: &IniSection,
    settings: &Settings,
) -> Result<SharedCredentialsProvider, CredentialsError> {
    let kind = section.get("type").unwrap_or_default();
    let source_name = format!(
        "section [{}] (type {kind}) of {}",
        section.name,
        path.display()
    );
    let require = |keys: &[&str]| {
        let missing: Vec<String> = keys
            .iter()
            .filter(|k| section.get(k).is_none())
            .map(|k| (*k).to_owned())
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(CredentialsError::Incomplete {
                source_name: source_name.clone(),
                missing,
            })
        }
    };
    let value = |key: &str| section.get(key).unwrap_or_default().to_owned();
    let source = CredentialsSource::IniFile {
        path: PathBuf::from(path),
        section: section.name.clone(),
    };
    let provider: SharedCredentialsProvider = match kind {
        "access_key" => {
            require(&["access_key_id", "access_key_secret"])?;
            Arc::new(
                Credentials::new(value("access_key_id"), value("access_key_secret"))
                    .with_source(source),
            )
        }
        "ecs_ram_role" => Arc::new(settings.ecs(section.get("role_name").map(str::to_owned))),
        "ram_role_arn" => {
            require(&["access_key_id", "access_key_secret", "role_arn"])?;
            let keys = Credentials::new(value("access_key_id"), value("access_key_secret"))
                .with_source(source);
            let provider = RamRoleArn::new(Arc::new(keys), value("role_arn"))
                .endpoint(settings.sts_endpoint("", false))
                .role_session_name(settings.session_name(&value("role_session_name")))
                .policy(value("policy"));
            Arc::new(settings.margin(provider, RamRoleArn::refresh_margin))
        }
        "oidc_role_arn" => {
            require(&["role_arn", "oidc_provider_arn", "oidc_token_file_path"])?;
            let provider = OidcRoleArn::new(
                value("role_arn"),
                value("oidc_provider_arn"),
                value("oidc_token_file_path"),
            )
            .endpoint(settings.sts_endpoint("", false))
            .role_session_name(settings.session_name(&value("role_session_name")))
            .policy(value("policy"));
            Arc::new(settings.margin(provider, OidcRoleArn::refresh_margin))
        }
        "" => {
            return Err(CredentialsError::Incomplete {
                source_name,
                missing: vec!["type".to_owned()],
            })
        }
        other => {
            return Err(file_error(
                path,
                format!(
                    "section [{}] has type {other:?}; supported types are access_key, \
                     ecs_ram_role, ram_role_arn and oidc_role_arn",
                    section.name
                ),
            ))
        }
    };
    Ok(provider)
}
