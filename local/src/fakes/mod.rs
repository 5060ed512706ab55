//! Local fakes of the services credentials come from, for tests: STS ([`FakeSts`]: v1 signatures
//! verified, `AssumeRole`, `AssumeRoleWithOIDC`, `GetCallerIdentity`), the ECS instance metadata
//! service ([`FakeMetadata`], hardened token mode) and a credentials URI server
//! ([`FakeCredentialsUri`]). All listen on `127.0.0.1` on a free port, count the requests they
//! answer, and issue temporary credentials from one shared [`Issuer`] with a configurable
//! lifetime, so that a client signing with credentials from any of them can be checked by
//! [`FakeSts`] (`GetCallerIdentity` rejects unknown, wrong-token and expired credentials).
//!
//! Failing sources for the chain's bounds: the metadata service and the credentials URI answer
//! late (`latency`) or never (`hang`: the request is read, no answer comes), and a
//! [`BlackHole`] is an address where connecting never completes.

mod http;
mod metadata;
mod sts;
mod uri;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

pub use http::{BlackHole, FakeRequest, FakeResponse, FakeServer};
pub use metadata::{FakeMetadata, MetadataBehaviour};
pub use sts::FakeSts;
pub use uri::FakeCredentialsUri;

/// A set of temporary credentials issued by a fake.
#[derive(Clone, PartialEq, Eq)]
pub struct Issued {
    /// `STS.<n>`.
    pub access_key_id: String,
    /// Random.
    pub access_key_secret: String,
    /// Random.
    pub security_token: String,
    /// When they stop being accepted.
    pub expiration: SystemTime,
}

impl std::fmt::Debug for Issued {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Issued")
            .field("access_key_id", &self.access_key_id)
            .field(
                "expiration",
                &acs_runtime::sign::format_timestamp(self.expiration),
            )
            .finish_non_exhaustive()
    }
}

impl Issued {
    /// The JSON credentials object (`AccessKeyId`, `AccessKeySecret`, `SecurityToken`,
    /// `Expiration` as `YYYY-MM-DDThh:mm:ssZ`).
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "AccessKeyId": self.access_key_id,
            "AccessKeySecret": self.access_key_secret,
            "SecurityToken": self.security_token,
            "Expiration": acs_runtime::sign::format_timestamp(self.expiration),
        })
    }
}

/// Issues and remembers temporary credentials; shared by the fakes of one test.
#[derive(Debug, Default)]
pub struct Issuer {
    issued: Mutex<HashMap<String, Issued>>,
}

impl Issuer {
    /// A new issuer, shareable.
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Issues credentials valid for `lifetime`. The expiration is what the wire carries (whole
    /// seconds, rounded down), so the fakes and the client agree on it.
    pub fn issue(&self, lifetime: Duration) -> Issued {
        let mut issued = self.lock();
        let n = issued.len() + 1;
        let at = SystemTime::now() + lifetime;
        let secs = at
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        let credentials = Issued {
            access_key_id: format!("STS.{n:04}"),
            access_key_secret: format!("secret-{}", uuid::Uuid::new_v4().simple()),
            security_token: format!("token-{}", uuid::Uuid::new_v4().simple()),
            expiration: SystemTime::UNIX_EPOCH + Duration::from_secs(secs),
        };
        issued.insert(credentials.access_key_id.clone(), credentials.clone());
        credentials
    }

    /// The credentials issued under `access_key_id`.
    pub fn get(&self, access_key_id: &str) -> Option<Issued> {
        self.lock().get(access_key_id).cloned()
    }

    /// How many sets were issued.
    pub fn count(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Issued>> {
        match self.issued.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }
}
