//! What the prepare benches share: the CreateInstances request they prepare, the clients that
//! prepare it, and the fixed time and nonce of the deterministic modes.

use std::time::{Duration, SystemTime};

use acs_runtime::client::{Client, SignatureVersion};
use acs_runtime::Credentials;
use swas::CreateInstances;

/// The request every prepare bench signs (its idempotency token fixed, as `build()` leaves it).
pub fn request() -> CreateInstances {
    CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id("e2c9c365024a44369c9b955a998a1234")
        .plan_id("swas.s1.c1m1s40b3t05")
        .period(1)
        .amount(1)
        .client_token("123e4567-e89b-12d3-a456-426655440000")
        .build()
}

/// A client with static credentials and the given signature version.
pub fn client(version: SignatureVersion) -> Client {
    Client::builder()
        .credentials(Credentials::new("testid", "testsecret"))
        .endpoint("http://127.0.0.1:18080")
        .signature_version(version)
        .build()
        .expect("a valid client")
}

/// The time of the fixed-time modes.
pub fn fixed_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_764_131_672)
}

/// The nonce of the fixed-nonce modes.
pub const FIXED_NONCE: &str = "2a08c092f82b60e0bbb22e89726b8cea";
