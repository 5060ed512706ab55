//! A dry run against Resource Access Management (RAM), no network and no account needed:
//! validates a `CreateUser` request locally and prints the signed request that would be sent
//! (signature redacted). RAM's metadata states no local rule for `CreateUser` (the server checks
//! names and formats), so validation passes even for an empty request; the example shows that.
//!
//!     cargo run -p ram --example create_user_preview

use ram::{CreateUser, Credentials};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = ram::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let user = CreateUser::builder()
        .user_name("alice")
        .display_name("Alice")
        .email("alice@example.com")
        .mobile_phone("86-18688880000")
        .comments("Platform engineer")
        .build();
    user.validate()?;
    let prepared = client.prepare(&user)?;
    println!("CreateUser, as it would be sent:\n{prepared:#?}\n");

    match CreateUser::builder().build().validate() {
        Ok(()) => println!(
            "An empty CreateUser validates: the spec states no local rule, the server decides."
        ),
        Err(errors) => println!("Refused locally: {errors}"),
    }
    Ok(())
}
