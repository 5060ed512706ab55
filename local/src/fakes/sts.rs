//! A fake STS (`2015-04-01`): `AssumeRole` and `GetCallerIdentity` signed with signature v1 and
//! verified like swas-local verifies (the runtime's `v1::verify`, swas-local's timestamp parser
//! and nonce cache, 15-minute window), `AssumeRoleWithOIDC` unsigned with the OIDC token checked.
//! Keys are the long-term pairs given plus every set the shared [`Issuer`] issued (their
//! `SecurityToken` must match and they must not have expired), so chained roles work and a
//! client signing with expired credentials is refused (`InvalidSecurityToken.Expired`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use acs_runtime::sign::v1;
use serde_json::json;

use super::http::{FakeRequest, FakeResponse, FakeServer, Handler};
use super::Issuer;
use crate::auth::{now_unix, parse_timestamp, NonceCache, WINDOW_SECS};

const VERSION: &str = "2015-04-01";

/// A running fake STS: `AssumeRole` and `GetCallerIdentity` with v1 signatures verified (long-term
/// keys from [`add_key`](Self::add_key) or credentials the shared issuer issued, token matching and
/// not expired), `AssumeRoleWithOIDC` unsigned with the token from
/// [`expect_oidc`](Self::expect_oidc).
#[derive(Debug)]
pub struct FakeSts {
    server: FakeServer,
    state: Arc<State>,
}

#[derive(Debug)]
struct State {
    issuer: Arc<Issuer>,
    keys: Mutex<HashMap<String, String>>,
    oidc: Mutex<Option<(String, String)>>,
    lifetime: Mutex<Duration>,
    latency: Mutex<Duration>,
    failing: AtomicBool,
    nonces: NonceCache,
    assume_role: AtomicUsize,
    assume_role_with_oidc: AtomicUsize,
    caller_identity: AtomicUsize,
    refused: AtomicUsize,
    last_assume: Mutex<Vec<(String, String)>>,
}

impl FakeSts {
    /// Starts on `127.0.0.1`, issuing from `issuer` credentials valid for one hour.
    pub async fn start(issuer: Arc<Issuer>) -> std::io::Result<Self> {
        let state = Arc::new(State {
            issuer,
            keys: Mutex::new(HashMap::new()),
            oidc: Mutex::new(None),
            lifetime: Mutex::new(Duration::from_secs(3600)),
            latency: Mutex::new(Duration::ZERO),
            failing: AtomicBool::new(false),
            nonces: NonceCache::default(),
            assume_role: AtomicUsize::new(0),
            assume_role_with_oidc: AtomicUsize::new(0),
            caller_identity: AtomicUsize::new(0),
            refused: AtomicUsize::new(0),
            last_assume: Mutex::new(Vec::new()),
        });
        let shared = Arc::clone(&state);
        let handler: Handler = Arc::new(move |request| {
            let state = Arc::clone(&shared);
            Box::pin(async move { state.handle(request).await })
        });
        Ok(Self {
            server: FakeServer::start(handler).await?,
            state,
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        self.server.url()
    }

    /// Accepts this long-term AccessKey pair.
    pub fn add_key(&self, access_key_id: &str, access_key_secret: &str) {
        lock(&self.state.keys).insert(access_key_id.to_owned(), access_key_secret.to_owned());
    }

    /// Accepts `AssumeRoleWithOIDC` with this provider ARN and token.
    pub fn expect_oidc(&self, oidc_provider_arn: &str, token: &str) {
        *lock(&self.state.oidc) = Some((oidc_provider_arn.to_owned(), token.to_owned()));
    }

    /// How long issued credentials live (default one hour).
    pub fn set_lifetime(&self, lifetime: Duration) {
        *lock(&self.state.lifetime) = lifetime;
    }

    /// Waits this long before answering any request.
    pub fn set_latency(&self, latency: Duration) {
        *lock(&self.state.latency) = latency;
    }

    /// While `true`, role assumptions answer HTTP 403 `NoPermission`.
    pub fn set_failing(&self, failing: bool) {
        self.state.failing.store(failing, Ordering::SeqCst);
    }

    /// `AssumeRole` requests that passed authentication.
    pub fn assume_role_count(&self) -> usize {
        self.state.assume_role.load(Ordering::SeqCst)
    }

    /// `AssumeRoleWithOIDC` requests.
    pub fn assume_role_with_oidc_count(&self) -> usize {
        self.state.assume_role_with_oidc.load(Ordering::SeqCst)
    }

    /// `GetCallerIdentity` requests answered successfully.
    pub fn caller_identity_count(&self) -> usize {
        self.state.caller_identity.load(Ordering::SeqCst)
    }

    /// Requests refused (authentication or parameters).
    pub fn refused_count(&self) -> usize {
        self.state.refused.load(Ordering::SeqCst)
    }

    /// The parameters of the last role assumption (for checking session name, duration,
    /// policy, external ID).
    pub fn last_assume_params(&self) -> Vec<(String, String)> {
        lock(&self.state.last_assume).clone()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match mutex.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}

fn error(status: u16, code: &str, message: &str) -> FakeResponse {
    FakeResponse::json(
        status,
        &json!({
            "RequestId": uuid::Uuid::new_v4().to_string(),
            "HostId": "sts.aliyuncs.com",
            "Code": code,
            "Message": message,
        }),
    )
}

impl State {
    async fn handle(&self, request: FakeRequest) -> FakeResponse {
        let latency = *lock(&self.latency);
        if !latency.is_zero() {
            tokio::time::sleep(latency).await;
        }
        let response = self.answer(&request);
        if response.status != 200 {
            self.refused.fetch_add(1, Ordering::SeqCst);
        }
        response
    }

    fn answer(&self, request: &FakeRequest) -> FakeResponse {
        if request.param("Version") != Some(VERSION) {
            return error(
                400,
                "InvalidVersion",
                "Specified parameter Version is not valid.",
            );
        }
        match request.param("Action") {
            Some("AssumeRoleWithOIDC") => self.assume_role_with_oidc(request),
            Some("AssumeRole") => match self.authenticate(request) {
                Ok(caller) => self.assume_role(request, &caller),
                Err(response) => response,
            },
            Some("GetCallerIdentity") => match self.authenticate(request) {
                Ok(caller) => {
                    self.caller_identity.fetch_add(1, Ordering::SeqCst);
                    FakeResponse::json(
                        200,
                        &json!({
                            "RequestId": uuid::Uuid::new_v4().to_string(),
                            "AccountId": "1234567890",
                            "PrincipalId": caller,
                            "IdentityType": if caller.starts_with("STS.") { "AssumedRoleUser" } else { "RAMUser" },
                            "Arn": format!("acs:ram::1234567890:user/{caller}"),
                        }),
                    )
                }
                Err(response) => response,
            },
            _ => error(404, "InvalidAction.NotFound", "Specified api is not found."),
        }
    }

    /// Checks a v1 signature; the caller's AccessKey ID.
    fn authenticate(&self, request: &FakeRequest) -> Result<String, FakeResponse> {
        let param = |name: &str| {
            request
                .param(name)
                .filter(|v| !v.is_empty())
                .ok_or_else(|| error(400, "MissingParameter", &format!("{name} is mandatory.")))
        };
        let key_id = param("AccessKeyId")?;
        let signature = param("Signature")?;
        let nonce = param("SignatureNonce")?;
        let timestamp = param("Timestamp")?;
        if param("SignatureMethod")? != v1::SIGNATURE_METHOD
            || param("SignatureVersion")? != v1::SIGNATURE_VERSION
        {
            return Err(error(
                400,
                "InvalidParameter",
                "unsupported signature method",
            ));
        }
        let secret = match lock(&self.keys).get(key_id).cloned() {
            Some(secret) => secret,
            None => {
                let issued = self.issuer.get(key_id).ok_or_else(|| {
                    error(
                        404,
                        "InvalidAccessKeyId.NotFound",
                        "Specified access key is not found.",
                    )
                })?;
                if request.param("SecurityToken") != Some(issued.security_token.as_str()) {
                    return Err(error(
                        400,
                        "InvalidSecurityToken.MismatchWithAccessKey",
                        "The security token does not match the access key.",
                    ));
                }
                if SystemTime::now() >= issued.expiration {
                    return Err(error(
                        400,
                        "InvalidSecurityToken.Expired",
                        "Specified SecurityToken is expired.",
                    ));
                }
                issued.access_key_secret
            }
        };
        let now = now_unix();
        let at = parse_timestamp(timestamp)
            .ok_or_else(|| error(400, "InvalidTimeStamp.Format", "Bad timestamp."))?;
        if (now - at).abs() > WINDOW_SECS {
            return Err(error(400, "InvalidTimeStamp.Expired", "Timestamp expired."));
        }
        let params = request.params.iter().map(|(n, v)| (n.as_str(), v.as_str()));
        if !v1::verify(&request.method, params.clone(), &secret, signature) {
            // As Alibaba Cloud answers: the message echoes the string it signed, which holds
            // the caller's `SecurityToken` (percent-encoded twice) when there is one.
            let string_to_sign = v1::string_to_sign(&request.method, params);
            return Err(error(
                400,
                "SignatureDoesNotMatch",
                &format!(
                    "Specified signature is not matched with our calculation. server string to sign is:{string_to_sign}"
                ),
            ));
        }
        match self
            .nonces
            .insert(key_id, nonce, at.max(now) + WINDOW_SECS, now)
        {
            crate::auth::NonceCheck::Fresh => {}
            crate::auth::NonceCheck::Used => {
                return Err(error(400, "SignatureNonceUsed", "The nonce was used."));
            }
            crate::auth::NonceCheck::Full => {
                return Err(error(
                    400,
                    "Throttling.User",
                    "Too many requests; try again later.",
                ));
            }
        }
        Ok(key_id.to_owned())
    }

    fn check_role_params(&self, request: &FakeRequest) -> Result<Duration, FakeResponse> {
        *lock(&self.last_assume) = request.params.clone();
        if request.param("RoleArn").is_none_or(str::is_empty) {
            return Err(error(400, "MissingRoleArn", "RoleArn is mandatory."));
        }
        let session = request.param("RoleSessionName").unwrap_or_default();
        if !(2..=64).contains(&session.len()) {
            return Err(error(
                400,
                "InvalidParameter.RoleSessionName",
                "RoleSessionName must have 2 to 64 characters.",
            ));
        }
        let duration: u64 = request
            .param("DurationSeconds")
            .unwrap_or("3600")
            .parse()
            .map_err(|_| error(400, "InvalidParameter.DurationSeconds", "Not a number."))?;
        if duration < 900 {
            return Err(error(
                400,
                "InvalidParameter.DurationSeconds",
                "DurationSeconds is at least 900.",
            ));
        }
        if self.failing.load(Ordering::SeqCst) {
            return Err(error(
                403,
                "NoPermission",
                "You are not authorized to do this action.",
            ));
        }
        Ok(*lock(&self.lifetime))
    }

    fn granted(&self, request: &FakeRequest, lifetime: Duration) -> FakeResponse {
        let issued = self.issuer.issue(lifetime);
        let role = request.param("RoleArn").unwrap_or_default();
        let session = request.param("RoleSessionName").unwrap_or_default();
        FakeResponse::json(
            200,
            &json!({
                "RequestId": uuid::Uuid::new_v4().to_string(),
                "AssumedRoleUser": {
                    "Arn": format!("{role}/{session}"),
                    "AssumedRoleId": format!("3445843:{session}"),
                },
                "Credentials": issued.json(),
            }),
        )
    }

    fn assume_role(&self, request: &FakeRequest, _caller: &str) -> FakeResponse {
        self.assume_role.fetch_add(1, Ordering::SeqCst);
        match self.check_role_params(request) {
            Ok(lifetime) => self.granted(request, lifetime),
            Err(response) => response,
        }
    }

    fn assume_role_with_oidc(&self, request: &FakeRequest) -> FakeResponse {
        self.assume_role_with_oidc.fetch_add(1, Ordering::SeqCst);
        if request.param("Signature").is_some() || request.param("AccessKeyId").is_some() {
            return error(400, "InvalidParameter", "AssumeRoleWithOIDC is not signed.");
        }
        let expected = lock(&self.oidc).clone();
        let Some((provider_arn, token)) = expected else {
            return error(400, "InvalidParameter.OIDCProviderArn", "No OIDC provider.");
        };
        if request.param("OIDCProviderArn") != Some(provider_arn.as_str()) {
            return error(
                404,
                "EntityNotExist.OIDCProvider",
                "The OIDC provider does not exist.",
            );
        }
        if request.param("OIDCToken") != Some(token.as_str()) {
            return error(
                400,
                "AuthenticationFail.OIDCToken.Invalid",
                "The OIDC token is invalid.",
            );
        }
        match self.check_role_params(request) {
            Ok(lifetime) => self.granted(request, lifetime),
            Err(response) => response,
        }
    }
}
