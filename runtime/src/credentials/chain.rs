//! The default chain: the official order of sources (see the [module documentation](super)),
//! each skipped with a reason when not configured or not answering, the first that answers kept
//! for every later call (as the official libraries' "reuse last provider").

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::env::*;
use super::ini::{provider_for_section, IniFile};
use super::profile::{provider_for_profile, ProfileConfig, ProfileProvider};
use super::provider::{CredentialsFuture, ProvideCredentials, SharedCredentialsProvider};
use super::{
    Credentials, CredentialsError, CredentialsSource, CredentialsUri, EcsRamRole, OidcRoleArn,
    StsEndpoint, FAILURE_BACKOFF,
};
use crate::redact::redacted;

/// The longest one run of the chain takes, every source included: 30 s, half the client's
/// default operation deadline, so that a caller gets the chain's error (every source and why
/// it was skipped) rather than a timeout. The sources bound themselves well below it (the
/// metadata service: 1 s to connect and 1 s to read per request, at most three requests; a
/// credentials URI: 5 s + 10 s); the bound catches a slow STS or a combination.
pub const DEFAULT_CHAIN_TIMEOUT: Duration = Duration::from_secs(30);

/// What the chain and the file-based providers share: where variables come from and the
/// endpoints and refresh margin to give the providers they build.
#[derive(Clone, Debug)]
pub(crate) struct Settings {
    pub(crate) vars: Vars,
    pub(crate) home: Option<PathBuf>,
    pub(crate) sts_endpoint: Option<String>,
    pub(crate) metadata_endpoint: Option<String>,
    pub(crate) refresh_margin: Option<Duration>,
}

impl Settings {
    pub(crate) fn process() -> Self {
        Self::over(Vars::process())
    }

    fn over(vars: Vars) -> Self {
        Self {
            home: vars.home(),
            vars,
            sts_endpoint: None,
            metadata_endpoint: None,
            refresh_margin: None,
        }
    }

    /// The STS endpoint: the override, else the profile's region, else `ALIBABA_CLOUD_STS_REGION`
    /// (VPC with the profile's flag or `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED`), else global.
    pub(crate) fn sts_endpoint(&self, region: &str, vpc: bool) -> StsEndpoint {
        if let Some(url) = &self.sts_endpoint {
            return StsEndpoint::Url(url.clone());
        }
        let vpc = vpc || self.vars.is_true(ENV_VPC_ENDPOINT_ENABLED);
        let region = Some(region.to_owned())
            .filter(|r| !r.is_empty())
            .or_else(|| self.vars.get(ENV_STS_REGION));
        match region {
            Some(region) => StsEndpoint::Region { region, vpc },
            None => StsEndpoint::Global,
        }
    }

    /// The configured session name, else `ALIBABA_CLOUD_ROLE_SESSION_NAME`, else empty (the
    /// provider's generated default).
    pub(crate) fn session_name(&self, configured: &str) -> String {
        Some(configured.to_owned())
            .filter(|n| !n.is_empty())
            .or_else(|| self.vars.get(ENV_ROLE_SESSION_NAME))
            .unwrap_or_default()
    }

    /// An ECS RAM role provider with the chain's endpoint and flags.
    pub(crate) fn ecs(&self, role_name: Option<String>) -> EcsRamRole {
        let mut provider =
            EcsRamRole::new().disable_imds_v1(self.vars.is_true(ENV_IMDSV1_DISABLED));
        if let Some(role_name) = role_name.or_else(|| self.vars.get(ENV_ECS_METADATA)) {
            provider = provider.role_name(role_name);
        }
        if let Some(endpoint) = &self.metadata_endpoint {
            provider = provider.endpoint(endpoint);
        }
        self.margin(provider, EcsRamRole::refresh_margin)
    }

    /// Applies the refresh margin override, if any.
    pub(crate) fn margin<P>(&self, provider: P, set: fn(P, Duration) -> P) -> P {
        match self.refresh_margin {
            Some(margin) => set(provider, margin),
            None => provider,
        }
    }
}

/// The default credentials chain. Resolves on first use (from the send path, so building a
/// client never blocks) and then keeps the provider that answered.
///
/// Environment, home directory and endpoints are injectable ([`with_vars`](Self::with_vars),
/// [`with_home`](Self::with_home), [`sts_endpoint`](Self::sts_endpoint),
/// [`metadata_endpoint`](Self::metadata_endpoint)) so tests never touch the process environment
/// or the real metadata service.
///
/// Concurrent callers share one run of the chain (single flight): one runs it, the others wait
/// for its result. A run that finds nothing is remembered for
/// [`FAILURE_BACKOFF`](super::FAILURE_BACKOFF): callers in that time get the same error
/// without the sources being asked again. A run ends after [`DEFAULT_CHAIN_TIMEOUT`] at the
/// latest ([`timeout`](Self::timeout)). The run belongs to the caller that started it: if that
/// caller gives up (its deadline passes), the run stops and the next waiting caller starts one.
pub struct DefaultChain {
    settings: Settings,
    profile: Option<String>,
    timeout: Duration,
    chosen: Mutex<Option<SharedCredentialsProvider>>,
    /// Held while the chain runs: the single flight.
    discover: tokio::sync::Mutex<Discovery>,
    /// Counts finished runs, so that a caller who waited for one uses its result.
    runs: AtomicU64,
}

/// What the last run of the chain left behind.
#[derive(Default)]
struct Discovery {
    /// The error of the last run, when it found nothing, and when it ended.
    failure: Option<(CredentialsError, Instant)>,
}

impl fmt::Debug for DefaultChain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DefaultChain")
            .field("home", &self.settings.home)
            .field("profile", &self.profile)
            .field("chosen", &self.chosen())
            .finish_non_exhaustive()
    }
}

impl Default for DefaultChain {
    fn default() -> Self {
        Self::new()
    }
}

/// One step's outcome while resolving.
enum Step {
    /// Not configured, or configured but not answering: why.
    Skipped(String),
    Found(SharedCredentialsProvider, Credentials),
}

impl DefaultChain {
    /// The chain over the process environment and the user's home directory (`HOME`, or
    /// `USERPROFILE` on Windows).
    pub fn new() -> Self {
        Self::from_settings(Settings::process())
    }

    fn from_settings(settings: Settings) -> Self {
        Self {
            settings,
            profile: None,
            timeout: DEFAULT_CHAIN_TIMEOUT,
            chosen: Mutex::new(None),
            discover: tokio::sync::Mutex::new(Discovery::default()),
            runs: AtomicU64::new(0),
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
        Self::from_settings(Settings::over(Vars::from_map(vars)))
    }

    /// Uses `home` as the home directory (for `.aliyun/config.json` and
    /// `.alibabacloud/credentials`).
    pub fn with_home(mut self, home: impl Into<PathBuf>) -> Self {
        self.settings.home = Some(home.into());
        self
    }

    /// Uses this CLI profile (and INI section) instead of `ALIBABA_CLOUD_PROFILE` / `current`.
    pub fn profile(mut self, name: impl Into<String>) -> Self {
        self.profile = Some(name.into()).filter(|n| !n.is_empty());
        self
    }

    /// Sends every STS call the chain makes to this base URL (e.g. a local fake).
    pub fn sts_endpoint(mut self, url: impl Into<String>) -> Self {
        self.settings.sts_endpoint = Some(url.into());
        self
    }

    /// Asks this metadata service instead of [`DEFAULT_METADATA_ENDPOINT`](super::DEFAULT_METADATA_ENDPOINT).
    pub fn metadata_endpoint(mut self, url: impl Into<String>) -> Self {
        self.settings.metadata_endpoint = Some(url.into());
        self
    }

    /// Ends a run of the chain after `timeout` (default [`DEFAULT_CHAIN_TIMEOUT`]) with
    /// [`CredentialsError::NotFound`] naming the source it was still waiting for.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Temporary credentials the chain finds are refreshed this long before they expire
    /// (default [`DEFAULT_REFRESH_MARGIN`](super::DEFAULT_REFRESH_MARGIN)).
    pub fn refresh_margin(mut self, margin: Duration) -> Self {
        self.settings.refresh_margin = Some(margin);
        self
    }

    /// The CLI profile file this chain reads: `ALIBABA_CLOUD_CONFIG_FILE`, else
    /// `~/.aliyun/config.json` when a home directory is known.
    pub fn profile_path(&self) -> Option<PathBuf> {
        self.settings
            .vars
            .get(ENV_CONFIG_FILE)
            .map(PathBuf::from)
            .or_else(|| {
                self.settings
                    .home
                    .as_ref()
                    .map(|home| home.join(PROFILE_FILE))
            })
    }

    /// The INI credentials file this chain reads: `ALIBABA_CLOUD_CREDENTIALS_FILE`, else
    /// `~/.alibabacloud/credentials`.
    pub fn ini_path(&self) -> Option<PathBuf> {
        self.settings
            .vars
            .get(ENV_CREDENTIALS_FILE)
            .map(PathBuf::from)
            .or_else(|| self.settings.home.as_ref().map(|home| home.join(INI_FILE)))
    }

    /// The `region_id` of the CLI profile the chain would use, when the file exists and the
    /// profile has one (a client uses it when given no region).
    pub fn profile_region(&self) -> Result<Option<String>, CredentialsError> {
        let Some(path) = self.profile_path() else {
            return Ok(None);
        };
        if self.settings.vars.is_true(ENV_CLI_PROFILE_DISABLED) || !path.exists() {
            return Ok(None);
        }
        let config = ProfileConfig::load(&path)?;
        if self.profile.is_none()
            && self.settings.vars.get(ENV_PROFILE).is_none()
            && config.current.is_empty()
        {
            return Ok(None);
        }
        let profile = config.choose(
            &path,
            self.profile.as_deref(),
            self.settings.vars.get(ENV_PROFILE),
        )?;
        Ok(Some(profile.region_id.clone()).filter(|r| !r.is_empty()))
    }

    /// A provider for one CLI profile with this chain's variables, home and endpoints.
    pub fn profile_provider(&self, name: impl Into<String>) -> ProfileProvider {
        let mut provider = ProfileProvider::with_settings(Some(name.into()), self.settings.clone());
        if let Some(path) = self.profile_path() {
            provider = provider.file(path);
        }
        provider
    }

    fn chosen(&self) -> Option<SharedCredentialsProvider> {
        match self.chosen.lock() {
            Ok(chosen) => chosen.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Resolves credentials: the provider found earlier, else every source in order (one run
    /// for all concurrent callers; see the type's documentation).
    pub async fn resolve(&self) -> Result<Credentials, CredentialsError> {
        if let Some(provider) = self.chosen() {
            return provider.provide_credentials().await;
        }
        let runs_before = self.runs.load(Ordering::Acquire);
        let mut discovery = self.discover.lock().await;
        if let Some(provider) = self.chosen() {
            drop(discovery);
            return provider.provide_credentials().await;
        }
        if let Some((error, ended)) = &discovery.failure {
            let ran_while_waiting = self.runs.load(Ordering::Acquire) != runs_before;
            if ran_while_waiting || ended.elapsed() < FAILURE_BACKOFF {
                return Err(error.clone());
            }
        }
        let mut searched = Vec::with_capacity(6);
        let mut asking = "";
        let outcome =
            tokio::time::timeout(self.timeout, self.run(&mut searched, &mut asking)).await;
        let result = match outcome {
            Ok(Some((provider, credentials))) => {
                match self.chosen.lock() {
                    Ok(mut chosen) => *chosen = Some(provider),
                    Err(poisoned) => *poisoned.into_inner() = Some(provider),
                }
                discovery.failure = None;
                Ok(credentials)
            }
            Ok(None) => Err(CredentialsError::NotFound { searched }),
            Err(_) => {
                tracing::debug!(
                    step = asking,
                    timeout_ms = u64::try_from(self.timeout.as_millis()).unwrap_or(u64::MAX),
                    "credentials chain: gave up"
                );
                searched.push(format!(
                    "{asking} (no answer within the chain's bound of {} ms)",
                    self.timeout.as_millis()
                ));
                Err(CredentialsError::NotFound { searched })
            }
        };
        if let Err(error) = &result {
            discovery.failure = Some((error.clone(), Instant::now()));
        }
        self.runs.fetch_add(1, Ordering::AcqRel);
        result
    }

    /// Every source in order until one answers; `searched` collects why each was skipped and
    /// `asking` names the one being asked (for the message when the bound is reached).
    async fn run(
        &self,
        searched: &mut Vec<String>,
        asking: &mut &'static str,
    ) -> Option<(SharedCredentialsProvider, Credentials)> {
        for (name, step) in [
            ("environment variables", 0),
            ("OIDC role from the environment", 1),
            ("CLI profile file", 2),
            ("INI credentials file", 3),
            ("ECS instance RAM role", 4),
            ("credentials URI", 5),
        ] {
            *asking = name;
            let outcome = match step {
                0 => self.environment(),
                1 => self.oidc().await,
                2 => self.cli_profile().await,
                3 => self.ini_file().await,
                4 => self.ecs().await,
                _ => self.credentials_uri().await,
            };
            match outcome {
                Step::Found(provider, credentials) => {
                    tracing::debug!(source = %credentials.source(), "credentials chain: found");
                    return Some((provider, credentials));
                }
                Step::Skipped(reason) => {
                    // Reasons quote answers and configuration: redacted once, here.
                    let reason = redacted(&reason);
                    tracing::debug!(
                        step = name,
                        reason = reason.as_str(),
                        "credentials chain: skipped"
                    );
                    searched.push(reason);
                }
            }
        }
        None
    }

    async fn try_provider(&self, provider: SharedCredentialsProvider, what: &str) -> Step {
        match provider.provide_credentials().await {
            Ok(credentials) => Step::Found(provider, credentials),
            Err(error) => Step::Skipped(format!("{what} ({error})")),
        }
    }

    fn environment(&self) -> Step {
        let vars = &self.settings.vars;
        let id = vars.get(ENV_ACCESS_KEY_ID);
        let secret = vars.get(ENV_ACCESS_KEY_SECRET);
        let what = format!("environment variables {ENV_ACCESS_KEY_ID} / {ENV_ACCESS_KEY_SECRET}");
        match (id, secret) {
            (Some(id), Some(secret)) => {
                let credentials = match vars.get(ENV_SECURITY_TOKEN) {
                    Some(token) => Credentials::with_security_token(id, secret, token),
                    None => Credentials::new(id, secret),
                }
                .with_source(CredentialsSource::Environment);
                Step::Found(Arc::new(credentials.clone()), credentials)
            }
            (None, None) => Step::Skipped(format!("{what} (not set)")),
            (id, _) => {
                let missing = if id.is_none() {
                    ENV_ACCESS_KEY_ID
                } else {
                    ENV_ACCESS_KEY_SECRET
                };
                tracing::warn!(
                    missing,
                    "credentials chain: half-set AccessKey environment skipped"
                );
                Step::Skipped(format!("{what} (incomplete: {missing} is not set)"))
            }
        }
    }

    async fn oidc(&self) -> Step {
        let vars = &self.settings.vars;
        let names = [ENV_ROLE_ARN, ENV_OIDC_PROVIDER_ARN, ENV_OIDC_TOKEN_FILE];
        let values: Vec<Option<String>> = names.iter().map(|n| vars.get(n)).collect();
        let what = "OIDC role from ALIBABA_CLOUD_ROLE_ARN / ALIBABA_CLOUD_OIDC_PROVIDER_ARN / ALIBABA_CLOUD_OIDC_TOKEN_FILE";
        let missing: Vec<&str> = names
            .iter()
            .zip(&values)
            .filter(|(_, v)| v.is_none())
            .map(|(n, _)| *n)
            .collect();
        if missing.len() == names.len() {
            return Step::Skipped(format!("{what} (not set)"));
        }
        if !missing.is_empty() {
            return Step::Skipped(format!(
                "{what} (incomplete: {} not set)",
                missing.join(", ")
            ));
        }
        let [role, provider_arn, token_file] =
            [&values[0], &values[1], &values[2]].map(|v| v.clone().unwrap_or_default());
        let provider = OidcRoleArn::new(role, provider_arn, token_file)
            .endpoint(self.settings.sts_endpoint("", false))
            .role_session_name(self.settings.session_name(""));
        let provider = self.settings.margin(provider, OidcRoleArn::refresh_margin);
        self.try_provider(Arc::new(provider), what).await
    }

    async fn cli_profile(&self) -> Step {
        let vars = &self.settings.vars;
        let Some(path) = self.profile_path() else {
            return Step::Skipped(format!(
                "CLI profile file ~/{PROFILE_FILE} (no home directory: HOME is not set)"
            ));
        };
        let what = format!("CLI profile file {}", path.display());
        if vars.is_true(ENV_CLI_PROFILE_DISABLED) {
            return Step::Skipped(format!("{what} (disabled by {ENV_CLI_PROFILE_DISABLED})"));
        }
        if !path.exists() {
            return Step::Skipped(format!("{what} (not found)"));
        }
        let provider = ProfileConfig::load(&path).and_then(|config| {
            let profile = config.choose(&path, self.profile.as_deref(), vars.get(ENV_PROFILE))?;
            provider_for_profile(&config, &path, profile, &self.settings, 0)
        });
        match provider {
            Ok(provider) => self.try_provider(provider, &what).await,
            Err(error) => Step::Skipped(format!("{what} ({error})")),
        }
    }

    async fn ini_file(&self) -> Step {
        let Some(path) = self.ini_path() else {
            return Step::Skipped(format!(
                "INI credentials file ~/{INI_FILE} (no home directory: HOME is not set)"
            ));
        };
        let what = format!("INI credentials file {}", path.display());
        if !path.exists() {
            return Step::Skipped(format!("{what} (not found)"));
        }
        let section_name = self
            .profile
            .clone()
            .or_else(|| self.settings.vars.get(ENV_PROFILE))
            .unwrap_or_else(|| "default".to_owned());
        let provider = IniFile::load(&path).and_then(|file| match file.section(&section_name) {
            Some(section) => provider_for_section(&path, section, &self.settings),
            None => Err(CredentialsError::Other(format!(
                "no section [{section_name}]"
            ))),
        });
        match provider {
            Ok(provider) => self.try_provider(provider, &what).await,
            Err(error) => Step::Skipped(format!("{what} ({error})")),
        }
    }

    async fn ecs(&self) -> Step {
        let what = "ECS instance RAM role";
        if self.settings.vars.is_true(ENV_ECS_METADATA_DISABLED) {
            return Step::Skipped(format!("{what} (disabled by {ENV_ECS_METADATA_DISABLED})"));
        }
        self.try_provider(Arc::new(self.settings.ecs(None)), what)
            .await
    }

    async fn credentials_uri(&self) -> Step {
        let what = format!("credentials URI {ENV_CREDENTIALS_URI}");
        let Some(url) = self.settings.vars.get(ENV_CREDENTIALS_URI) else {
            return Step::Skipped(format!("{what} (not set)"));
        };
        let provider = self
            .settings
            .margin(CredentialsUri::new(url), CredentialsUri::refresh_margin);
        self.try_provider(Arc::new(provider), &what).await
    }
}

impl ProvideCredentials for DefaultChain {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.resolve())
    }

    fn cached_credentials(&self) -> Option<Credentials> {
        self.chosen().and_then(|p| p.cached_credentials())
    }
}

impl Credentials {
    /// The default chain over the process environment ([`DefaultChain::new`]).
    pub fn default_chain() -> DefaultChain {
        DefaultChain::new()
    }
}
