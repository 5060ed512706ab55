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
//! Values are read as `credentials-go` reads them — with `gopkg.in/ini.v1` and its default
//! options (`ini.Load`) — except that nothing is ever cut silently:
//!
//! * `#` and `;` at the start of a line start a comment line.
//! * A value in backticks (`` key = `a#b;c` ``) or triple double quotes (`key = """a#b"""`) is
//!   taken literally, on one line.
//! * Otherwise a `#` or `;` after whitespace starts an inline comment
//!   (`type = access_key  # main account`); then surrounding `"…"` or `'…'` are removed.
//! * A `#` or `;` right after other characters (`access_key_secret = abc#def`), or inside
//!   quotes, is refused: `gopkg.in/ini.v1` would cut the value there, and the Python library
//!   (`configparser`, then `value.split('#')[0]`) cuts at any `#` — a secret containing `#`
//!   would silently lose its end and every call would fail with `SignatureDoesNotMatch`. The
//!   error names the line and the key (never the value) and says to use backticks.
//! * A value ending in `\` (a continuation line in `gopkg.in/ini.v1`) and an unclosed
//!   backtick or `"""` (a multi-line value) are refused the same way.
//! * A section that appears twice is one section (later keys win), as in `gopkg.in/ini.v1`.
//!
//! A line that is neither a section, a `key = value` pair, a comment nor blank is an error
//! naming the file and the line.

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

    /// Parses INI text; the error gives the line number and what was expected (never a value).
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut sections: Vec<IniSection> = Vec::new();
        let mut current: Option<usize> = None;
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
                // A repeated section continues the first one, as in gopkg.in/ini.v1.
                current = Some(match sections.iter().position(|s| s.name == name) {
                    Some(existing) => existing,
                    None => {
                        sections.push(IniSection {
                            name: name.to_owned(),
                            entries: Vec::new(),
                        });
                        sections.len() - 1
                    }
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
            let Some(section) = current.and_then(|i| sections.get_mut(i)) else {
                return Err(format!(
                    "line {line_no}: `{key} = ...` comes before any `[section]`"
                ));
            };
            let value = read_value(value)
                .map_err(|problem| format!("line {line_no}: the value of `{key}` {problem}"))?;
            section.entries.push((key.to_owned(), value.to_owned()));
        }
        Ok(Self { sections })
    }

    /// The section named `name`.
    pub fn section(&self, name: &str) -> Option<&IniSection> {
        self.sections.iter().find(|s| s.name == name)
    }
}

/// What to write instead when a value would be cut.
const USE_BACKTICKS: &str = "write the value in backticks (key = `value`) to keep every character";

/// One value as `gopkg.in/ini.v1` reads it (see the module documentation), or what would make
/// it read differently from what was written.
fn read_value(raw: &str) -> Result<&str, String> {
    let value = raw.trim();
    for quote in ["\"\"\"", "`"] {
        if let Some(inner) = value.strip_prefix(quote) {
            return match inner.rfind(quote) {
                Some(end) if is_blank_or_comment(&inner[end + quote.len()..]) => Ok(&inner[..end]),
                Some(_) => Err(format!(
                    "has text after its closing {quote}, which the official reader drops; \
                     {USE_BACKTICKS}"
                )),
                None => Err(format!(
                    "opens {quote} without closing it on the same line (multi-line values are \
                     not supported)"
                )),
            };
        }
    }
    let mut value = value;
    if let Some(at) = value.find(['#', ';']) {
        let marker = &value[at..at + 1];
        let before = &value[..at];
        let starts_comment = at == 0 || before.ends_with(char::is_whitespace);
        let kept = before.trim_end();
        let opens_quote = ['"', '\'']
            .iter()
            .any(|q| kept.starts_with(*q) && !(kept.len() > 1 && kept.ends_with(*q)));
        if !starts_comment || opens_quote {
            return Err(format!(
                "has `{marker}` inside it, where the official reader (gopkg.in/ini.v1, used by \
                 credentials-go) would cut it; {USE_BACKTICKS}, or put a space before `{marker}` \
                 if it starts a comment"
            ));
        }
        value = kept;
    }
    if value.ends_with('\\') {
        return Err(format!(
            "ends with `\\`, which the official reader takes as a continuation line; {USE_BACKTICKS}"
        ));
    }
    for quote in ['"', '\''] {
        let surrounded = value.len() > 1
            && value.starts_with(quote)
            && value.ends_with(quote)
            && value.matches(quote).count() == 2;
        if surrounded {
            return Ok(&value[1..value.len() - 1]);
        }
    }
    Ok(value)
}

/// Whether what follows a closing quote is nothing or a comment.
fn is_blank_or_comment(rest: &str) -> bool {
    let rest = rest.trim();
    rest.is_empty() || rest.starts_with(['#', ';'])
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

#[cfg(test)]
mod tests {
    use super::*;

    fn value_of(line: &str) -> Result<String, String> {
        let file = IniFile::parse(&format!("[s]\n{line}\n"))?;
        Ok(file.sections[0].get("k").unwrap_or_default().to_owned())
    }

    #[test]
    fn values_as_the_official_reader_gives_them() {
        for (line, expected) in [
            ("k = plain", "plain"),
            ("k = spaced value  # a comment", "spaced value"),
            ("k = v ; a comment", "v"),
            ("k = # only a comment", ""),
            ("k = \"quoted\"", "quoted"),
            ("k = 'single'", "single"),
            ("k = \"quoted\" # comment", "quoted"),
            ("k = `a#b;c`", "a#b;c"),
            ("k = \"\"\"a#b\"\"\"", "a#b"),
            ("k = ` spaced `", " spaced "),
            ("k = `a#b`  # comment", "a#b"),
            ("k = a=b", "a=b"),
        ] {
            assert_eq!(value_of(line).as_deref(), Ok(expected), "{line}");
        }
    }

    #[test]
    fn a_value_the_official_reader_would_cut_is_refused_without_echoing_it() {
        for (line, marker) in [
            ("k = abc#def", "#"),
            ("k = abc;def", ";"),
            ("k = \"abc #def\"", "#"),
        ] {
            let error = value_of(line).expect_err(line);
            assert!(
                error.starts_with(&format!(
                    "line 2: the value of `k` has `{marker}` inside it"
                )),
                "{error}"
            );
            assert!(error.contains("backticks"), "{error}");
            assert!(!error.contains("abc") && !error.contains("def"), "{error}");
        }
        assert!(value_of("k = abc\\")
            .expect_err("continuation")
            .contains("continuation"));
        assert!(value_of("k = `abc")
            .expect_err("unclosed")
            .contains("without closing"));
        assert!(value_of("k = `a` b")
            .expect_err("after")
            .contains("after its closing"));
    }

    #[test]
    fn a_repeated_section_is_one_section() {
        let file = IniFile::parse("[a]\nx = 1\n[b]\ny = 2\n[a]\nx = 3\nz = 4\n").expect("parses");
        assert_eq!(file.sections.len(), 2);
        let a = file.section("a").expect("a");
        assert_eq!((a.get("x"), a.get("z")), (Some("3"), Some("4")));
    }
}
