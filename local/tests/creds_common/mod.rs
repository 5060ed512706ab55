//! What the credentials tests share: the long-term key the fake STS accepts, a client calling
//! `GetCallerIdentity` on the fake STS, and a port nothing listens on.

#![allow(dead_code)]

use std::time::Duration;

use acs_runtime::credentials::sts::generated::{GetCallerIdentity, GetCallerIdentityResponse};
use acs_runtime::credentials::{ProvideCredentials, StsEndpoint};
use acs_runtime::{Client, Credentials, Error, RetryConfig};
use swas_local::fakes::{FakeSts, Issuer};

pub const KEY_ID: &str = "testid";
pub const SECRET: &str = "long-term-S3CRET-never-shown";
pub const ROLE: &str = "acs:ram::1234567890:role/deployer";

pub async fn sts() -> (std::sync::Arc<Issuer>, FakeSts) {
    let issuer = Issuer::new();
    let sts = FakeSts::start(std::sync::Arc::clone(&issuer))
        .await
        .expect("fake STS starts");
    sts.add_key(KEY_ID, SECRET);
    (issuer, sts)
}

pub fn long_term() -> Credentials {
    Credentials::new(KEY_ID, SECRET)
}

pub fn endpoint(sts: &FakeSts) -> StsEndpoint {
    StsEndpoint::Url(sts.url())
}

/// A client of the fake STS signing with `provider`'s credentials, no retries.
pub fn identity_client(sts: &FakeSts, provider: impl ProvideCredentials + 'static) -> Client {
    Client::builder()
        .endpoint(sts.url())
        .credentials_provider(provider)
        .retry(RetryConfig::disabled())
        .build()
        .expect("client builds")
}

/// Who the client's credentials belong to (the fake answers the AccessKey ID).
pub async fn whoami(
    client: &Client,
) -> Result<
    GetCallerIdentityResponse,
    Error<acs_runtime::credentials::sts::generated::GetCallerIdentityError>,
> {
    client.send(&GetCallerIdentity::builder().build()).await
}

/// A local port nothing listens on (bound, then released).
pub fn closed_port_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binds");
    let port = listener.local_addr().expect("addr").port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}

pub const FAST: Duration = Duration::from_millis(300);
