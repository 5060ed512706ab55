// The client's method for an operation, a required setter left out: `.send()` does not
// compile, and the message names the setter.
async fn create(client: &swas::Client) {
    let _ = client
        .create_instances()
        .image_id("e2c9c365024a44369c9b955a998a****")
        .period(1)
        .send()
        .await;
}

fn main() {
    let _ = create;
}
