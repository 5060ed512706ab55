// Sending a builder instead of a request: the error says to call `.build()`.
use swas::CreateInstances;

async fn send(client: &swas::Client) {
    let builder = CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id("e2c9c365024a44369c9b955a998a****")
        .plan_id("swas.s1.c1m1s40b3t05")
        .period(1);
    let _ = client.send(&builder).await;
}

fn main() {
    let _ = send;
}
