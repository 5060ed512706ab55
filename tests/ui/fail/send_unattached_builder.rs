// A builder from `Op::builder()` has no client attached: it has no `.send()` (build it and
// pass it to a client, or start from the client's method).
use swas::CreateInstances;

async fn create() {
    let _ = CreateInstances::builder()
        .image_id("e2c9c365024a44369c9b955a998a****")
        .plan_id("swas.s1.c1m1s40b3t05")
        .period(1)
        .send()
        .await;
}

fn main() {
    let _ = create;
}
